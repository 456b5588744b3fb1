//! `nghiquyet report` over exam results as learners hand them in.

mod common;

use std::path::Path;

use common::run_cli;

/// The set the results are from, in the app's question folder: question
/// q{i} has two choices, the first right.
fn write_set(home: &Path, questions: usize) {
    let sets = nghiquyet::paths::Paths::under(home).user_sets_dir();
    std::fs::create_dir_all(&sets).unwrap();
    std::fs::write(sets.join("bo-cau-hoi.ron"), set_text(questions)).unwrap();
}

fn set_text(questions: usize) -> String {
    let questions: String = (0..questions)
        .map(|i| {
            format!(
                "(id: \"q{i}\", prompt: \"Câu hỏi số {i}\", answer: SingleChoice(choices: [\"Đúng {i}\", \"Sai {i}\"], answer: 0), source: (anchor: \"p1\", quote: \"câu {i}\")),"
            )
        })
        .collect();
    format!("QuestionSet(format: 1, title: \"Bộ\", document: \"d\", questions: [{questions}])")
}

/// A result file as an older version of the exam screen wrote it (no seal):
/// `right[i]` for question q{i}, the score written to match.
pub fn write_result(dir: &Path, learner: &str, right: &[bool]) {
    let score = right.iter().filter(|&&r| r).count();
    let percent = score * 100 / right.len();
    let questions: String = right
        .iter()
        .enumerate()
        .map(|(i, &r)| {
            format!(
                "(document: \"d\", set: \"bo-cau-hoi\", id: \"q{i}\", fingerprint: {}, prompt: \"Câu hỏi số {i}\", response: Some(Choice(Some({}))), verdict: {}, score: {}),",
                fingerprint(i),
                if r { 0 } else { 1 },
                if r { "Right" } else { "Wrong" },
                if r { "1.0" } else { "0.0" }
            )
        })
        .collect();
    let text = format!(
        "ExamResult(version: 1, learner: \"{learner}\", sets: [\"Bộ\"], plan: (count: {n}, seed: 7, minutes: 15, pass_percent: 60), started: 0, finished: 1, timed_out: false, score: {score}.0, percent: {percent}, passed: {passed}, questions: [{questions}])",
        n = right.len(),
        passed = percent >= 60,
    );
    std::fs::write(dir.join(format!("{learner}.ron")), text).unwrap();
}

/// The content fingerprint of question q{i} of [`write_set`].
fn fingerprint(i: usize) -> u64 {
    let set = nghiquyet::quiz::parse_set(Path::new("bo-cau-hoi.ron"), &set_text(i + 1)).unwrap();
    nghiquyet::ids::fingerprint(&set.questions[i])
}

#[test]
fn scores_hardest_and_misleading_questions_and_a_csv() {
    let home = tempfile::tempdir().unwrap();
    let results = home.path().join("ket-qua");
    std::fs::create_dir_all(&results).unwrap();
    write_set(home.path(), 4);
    write_result(&results, "Nguyễn Văn An", &[true, true, false, true]);
    write_result(&results, "Lê Thị Bình", &[true, true, false, true]);
    write_result(&results, "Trần Văn Cường", &[true, false, false, true]);
    write_result(&results, "Phạm Thu Dung", &[false, false, true, false]);
    std::fs::write(results.join("hong.ron"), "ExamResult(version: 1, learner: ").unwrap();
    let csv = home.path().join("tong-hop.csv");
    let (ok, out, _) = run_cli(
        &[
            "report".as_ref(),
            results.as_os_str(),
            "--csv".as_ref(),
            csv.as_os_str(),
        ],
        home.path(),
    );
    assert!(ok, "{out}");
    assert!(
        out.contains("hong.ron:1:"),
        "an unreadable file is named with its place: {out}"
    );
    assert!(out.contains("Người học (4):"));
    let an = out
        .lines()
        .position(|l| l.contains("Nguyễn Văn An"))
        .unwrap();
    let dung = out
        .lines()
        .position(|l| l.contains("Phạm Thu Dung"))
        .unwrap();
    assert!(an < dung, "best first: {out}");
    assert!(out.contains(" 75%  Đạt"), "{out}");
    // Question 2 was answered right only by the weakest learner.
    let misleading = out.split("kém phân biệt nhất").nth(1).unwrap();
    assert!(
        misleading
            .lines()
            .nth(1)
            .unwrap()
            .contains("độ phân biệt -1.00"),
        "{misleading}"
    );
    let table = std::fs::read_to_string(&csv).unwrap();
    assert!(table.starts_with("\u{feff}Người học,Đơn vị,Điểm (%),Đạt,Cần xem lại,Tệp"));
    // Files from before the seal are said to be so; nothing else is wrong.
    assert!(out.contains("4 bài cần xem lại"), "{out}");
    assert!(!out.contains("khác điểm tính"), "{out}");
    assert!(
        table.contains("bo-cau-hoi,q2,Câu hỏi số 2,4,25,-1.00"),
        "{table}"
    );
}

#[test]
fn no_readable_results_is_a_failure() {
    let home = tempfile::tempdir().unwrap();
    let (ok, out, _) = run_cli(&["report", home.path().to_str().unwrap()], home.path());
    assert!(!ok);
    assert!(out.contains("Không có tệp kết quả nào đọc được."));
}

#[test]
fn names_from_handed_in_files_cannot_drive_the_terminal_or_the_spreadsheet() {
    let home = tempfile::tempdir().unwrap();
    let results = home.path().join("ket-qua");
    std::fs::create_dir_all(&results).unwrap();
    write_set(home.path(), 2);
    write_result(&results, "=HYPERLINK(1)\u{1b}[2J", &[true, false]);
    write_result(&results, "@An\u{7}", &[true, true]);
    let csv = home.path().join("tong-hop.csv");
    let (ok, out, _) = run_cli(
        &[
            "report".as_ref(),
            results.as_os_str(),
            "--csv".as_ref(),
            csv.as_os_str(),
        ],
        home.path(),
    );
    assert!(ok, "{out}");
    assert!(
        !out.chars().any(|c| c.is_control() && c != '\n'),
        "control characters reached the terminal: {out:?}"
    );
    assert!(out.contains("=HYPERLINK(1)\\u{1b}[2J"), "{out}");
    let table = std::fs::read_to_string(&csv).unwrap();
    for line in table.lines() {
        for cell in line.split(',') {
            assert!(
                !cell.starts_with(['=', '+', '@']),
                "a cell a spreadsheet would run: {cell:?} in {table}"
            );
        }
    }
    assert!(table.contains("\"'=HYPERLINK(1)"), "{table}");
    assert!(table.contains("\"'@An"), "{table}");
}
