//! A trainer's exam from the command line: `make-exam` writes an exam file,
//! learners' results (made as the exam screen makes them) come back, and
//! `report --exam` recomputes every score and flags what looks wrong.

mod common;

use std::path::{Path, PathBuf};

use common::run_cli;
use nghiquyet::calendar::Millis;
use nghiquyet::classroom::exam::{Exam, ExamResult};
use nghiquyet::classroom::exam_file::{self, ExamFile};
use nghiquyet::quiz::{Answer, Response, correct_response};

const BUNDLED_SET: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/quizzes/ha-noi-nghi-quyet-xvii.ron"
);

fn make_exam(home: &Path, extra: &[&str]) -> (PathBuf, ExamFile) {
    let exam = home.join("de-thi.ron");
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "make-exam".as_ref(),
        BUNDLED_SET.as_ref(),
        "--title".as_ref(),
        "Kiểm tra Nghị quyết — đợt 1".as_ref(),
        "--count".as_ref(),
        "10".as_ref(),
        "--minutes".as_ref(),
        "5".as_ref(),
        "--pass".as_ref(),
        "60".as_ref(),
        "-o".as_ref(),
        exam.as_os_str(),
    ];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    let (ok, out, err) = run_cli(&args, home);
    assert!(ok, "{out}{err}");
    assert!(out.contains("10 câu mỗi người"), "{out}");
    let file = exam_file::load(&exam).unwrap();
    (exam, file)
}

fn wrong(answer: &Answer) -> Response {
    match answer {
        Answer::SingleChoice { answer, .. } => Response::Choice(Some(usize::from(*answer == 0))),
        Answer::TrueFalse(b) => Response::TrueFalse(Some(!b)),
        Answer::Numeric { .. } => Response::Number("-1".into()),
        Answer::FillBlank { blanks, .. } => Response::Blanks(vec!["sai".into(); blanks.len()]),
        _ => Response::Blanks(Vec::new()),
    }
}

/// A learner's result as the exam screen writes it: right on the first
/// `right` questions of their code.
fn sit(file: &ExamFile, learner: &str, unit: &str, right: usize) -> ExamResult {
    let code = file.code_for(learner, unit);
    let mut exam = Exam::from_file(file, code, learner, unit, 0.0, Millis(1_764_000_000_000));
    for i in 0..exam.items.len() {
        let answer = &exam.items[i].question.answer;
        let response = if i < right {
            correct_response(answer)
        } else {
            wrong(answer)
        };
        exam.set_response(i, Some(response), 10.0 * i as f64);
    }
    exam.submit(200.0, Millis(1_764_000_200_000), false);
    exam.result(learner).unwrap()
}

fn write(dir: &Path, name: &str, result: &ExamResult) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(name), nghiquyet::storage::to_ron(result).unwrap()).unwrap();
}

/// The report's line for `learner` and the flag lines under it.
fn block<'a>(out: &'a str, learner: &str) -> Vec<&'a str> {
    let lines: Vec<&str> = out.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.contains(learner))
        .unwrap_or_else(|| panic!("{learner} in {out}"));
    std::iter::once(lines[start])
        .chain(
            lines[start + 1..]
                .iter()
                .take_while(|l| l.starts_with("      ⚠"))
                .copied(),
        )
        .collect()
}

#[test]
fn an_exam_file_is_made_checked_and_every_result_recomputed_and_flagged() {
    let home = tempfile::tempdir().unwrap();
    let (exam_path, file) = make_exam(home.path(), &["--codes", "101,102"]);
    assert_eq!(file.codes, vec![101, 102]);
    assert_eq!((file.minutes, file.pass_percent), (5, 60));
    assert!(!file.allow_reading && file.show_answers && file.ask_unit);
    // The file the app wrote passes its own check.
    let (ok, out, _) = run_cli(&["check".as_ref(), exam_path.as_os_str()], home.path());
    assert!(ok, "{out}");

    let results = home.path().join("ket-qua");
    // An honest learner.
    write(
        &results,
        "an.ron",
        &sit(&file, "Nguyễn Văn An", "Chi bộ 1", 8),
    );
    // A score edited in a text editor: 20 % made 100 %.
    let mut edited = sit(&file, "Lê Thị Bình", "Chi bộ 1", 2);
    let text = nghiquyet::storage::to_ron(&edited).unwrap();
    let text = text
        .replace("percent: 20,", "percent: 100,")
        .replace("passed: false,", "passed: true,");
    std::fs::create_dir_all(&results).unwrap();
    std::fs::write(results.join("binh.ron"), text).unwrap();
    // An answer edited: a wrong choice made right.
    edited = sit(&file, "Trần Văn Cường", "Chi bộ 2", 5);
    let last = edited.questions.len() - 1;
    let question = file.parts[0]
        .set
        .questions
        .iter()
        .find(|q| q.id == edited.questions[last].id)
        .unwrap();
    edited.questions[last].response = Some(correct_response(&question.answer));
    write(&results, "cuong.ron", &edited);
    // A result of another exam, with a 60-minute limit, taken for 40.
    let mut other = file.clone();
    other.title = "Đề của lớp khác".into();
    let mut foreign = sit(&other, "Phạm Thu Dung", "Chi bộ 2", 6);
    foreign.plan.minutes = 60;
    foreign.seconds_used = 40 * 60;
    foreign.sign();
    write(&results, "dung.ron", &foreign);
    // The same learner twice.
    write(
        &results,
        "an-lan-2.ron",
        &sit(&file, "nguyen van an", "Chi bo 1", 9),
    );

    let csv = home.path().join("tong-hop.csv");
    let (ok, out, _) = run_cli(
        &[
            "report".as_ref(),
            results.as_os_str(),
            "--exam".as_ref(),
            exam_path.as_os_str(),
            "--csv".as_ref(),
            csv.as_os_str(),
        ],
        home.path(),
    );
    assert!(ok, "{out}");
    assert!(
        out.contains("Đề: Kiểm tra Nghị quyết — đợt 1 · 10 câu · 5 phút · đạt từ 60%"),
        "{out}"
    );
    assert!(
        out.contains("Điểm được tính lại từ các câu trả lời"),
        "{out}"
    );

    let binh = block(&out, "Lê Thị Bình");
    assert!(
        binh[0].contains(" 20%  Chưa đạt"),
        "recomputed, not believed: {binh:?}"
    );
    assert!(
        binh.iter()
            .any(|l| l.contains("tệp đã bị sửa sau khi nộp bài")),
        "{binh:?}"
    );
    assert!(
        binh.iter()
            .any(|l| l.contains("điểm ghi trong tệp (100%) khác điểm tính từ câu trả lời (20%)")),
        "{binh:?}"
    );

    let cuong = block(&out, "Trần Văn Cường");
    assert!(
        cuong[0].contains(" 60%"),
        "the edited answer is graded as written: {cuong:?}"
    );
    assert!(
        cuong
            .iter()
            .any(|l| l.contains("tệp đã bị sửa sau khi nộp bài")),
        "{cuong:?}"
    );

    let dung = block(&out, "Phạm Thu Dung");
    assert!(
        dung.iter()
            .any(|l| l.contains("bài của một đề khác: “Đề của lớp khác”")),
        "{dung:?}"
    );
    assert!(dung.iter().any(|l| l.contains("60 phút")), "{dung:?}");
    assert!(
        dung.iter()
            .any(|l| l.contains("làm bài 40 phút, quá thời gian 5 phút")),
        "{dung:?}"
    );
    assert!(
        !dung.iter().any(|l| l.contains("đã bị sửa")),
        "sealed again: {dung:?}"
    );

    let an = block(&out, "Nguyễn Văn An");
    assert!(an[0].contains(" 80%  Đạt"), "{an:?}");
    assert!(
        an.iter()
            .any(|l| l.contains("người này nộp hai bài") && l.contains("an-lan-2.ron")),
        "{an:?}"
    );

    assert!(out.contains("5 bài cần xem lại"), "{out}");
    let csv = std::fs::read_to_string(&csv).unwrap();
    assert!(csv.contains("Lê Thị Bình,Chi bộ 1,20,0,"), "{csv}");

    // The same as an Excel workbook: two sheets, a row per learner.
    let xlsx = home.path().join("tong-hop.xlsx");
    let (ok, out, _) = run_cli(
        &[
            "report".as_ref(),
            results.as_os_str(),
            "--exam".as_ref(),
            exam_path.as_os_str(),
            "--xlsx".as_ref(),
            xlsx.as_os_str(),
        ],
        home.path(),
    );
    assert!(ok, "{out}");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let mut workbook = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").unwrap(), &mut workbook)
        .unwrap();
    assert!(workbook.contains("Kết quả") && workbook.contains("Thống kê câu hỏi"));
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert_eq!(
        sheet.matches("<row ").count(),
        6,
        "a title row and five learners"
    );
}

#[test]
fn a_broken_exam_file_is_named_with_its_place_and_nothing_is_reported() {
    let home = tempfile::tempdir().unwrap();
    let (exam_path, _) = make_exam(home.path(), &[]);
    let text = std::fs::read_to_string(&exam_path).unwrap();
    std::fs::write(
        &exam_path,
        text.replacen("pass_percent: 60", "pass_percent: 600", 1),
    )
    .unwrap();
    let (ok, out, _) = run_cli(
        &[
            "report".as_ref(),
            home.path().as_os_str(),
            "--exam".as_ref(),
            exam_path.as_os_str(),
        ],
        home.path(),
    );
    assert!(!ok);
    assert!(out.contains("Không đọc được tệp đề thi"), "{out}");
    assert!(out.contains("de-thi.ron:"), "file:line:col: {out}");
    let (ok, out, _) = run_cli(&["check".as_ref(), exam_path.as_os_str()], home.path());
    assert!(!ok, "{out}");
    assert!(out.contains("600"), "{out}");
}

#[test]
fn make_exam_refuses_a_count_per_set_that_does_not_match_the_sets() {
    let home = tempfile::tempdir().unwrap();
    let (ok, out, _) = run_cli(
        &["make-exam", BUNDLED_SET, "--title", "Thử", "--count", "5,6"],
        home.path(),
    );
    assert!(!ok);
    assert!(out.contains("--count"), "{out}");
}

#[test]
fn paper_versions_have_keys_that_match_their_own_shuffles_read_back_from_word() {
    use nghiquyet::formats::bank::{BankLine, docx_lines, parse};
    let home = tempfile::tempdir().unwrap();
    let (exam_path, file) = make_exam(home.path(), &["--codes", "101,102,103"]);
    let docx = home.path().join("de-in.docx");
    let (ok, out, _) = run_cli(
        &[
            "export".as_ref(),
            exam_path.as_os_str(),
            "--format".as_ref(),
            "paper".as_ref(),
            "--unit".as_ref(),
            "Đảng bộ xã Tân Lập".as_ref(),
            "-o".as_ref(),
            docx.as_os_str(),
        ],
        home.path(),
    );
    assert!(ok, "{out}");
    assert!(out.contains("3 mã đề (10 câu mỗi đề"), "{out}");
    let html = std::fs::read_to_string(docx.with_extension("html")).unwrap();
    assert!(html.contains("ĐẢNG BỘ XÃ TÂN LẬP") && html.contains("PHIẾU TRẢ LỜI — Mã đề 103"));

    // Our own Word file, read back as a question bank, version by version.
    let paragraphs =
        nghiquyet::document::readers::docx_paragraphs(&std::fs::read(&docx).unwrap()).unwrap();
    let lines = docx_lines(&paragraphs);
    let text = |l: &BankLine| l.runs.iter().map(|(t, _)| t.as_str()).collect::<String>();
    let all: Vec<String> = lines.iter().map(text).collect();
    let questions: std::collections::HashMap<&str, &nghiquyet::quiz::Question> = file.parts[0]
        .set
        .questions
        .iter()
        .map(|q| (q.prompt.as_str(), q))
        .collect();
    let mut checked = 0;
    for code in [101, 102, 103] {
        let start = all
            .iter()
            .position(|l| l == &format!("Mã đề: {code}"))
            .unwrap();
        let end = start + all[start..].iter().position(|l| l == "— HẾT —").unwrap();
        let key_at = all
            .iter()
            .position(|l| l == &format!("Đáp án mã đề {code}"))
            .unwrap();
        let mut version: Vec<BankLine> = lines[start..end].to_vec();
        version.push(BankLine::plain(0, "ĐÁP ÁN"));
        version.extend(
            lines[key_at + 1..]
                .iter()
                .take_while(|l| !text(l).starts_with("Đáp án mã đề"))
                .cloned(),
        );
        let (read, _) = parse(&version);
        for r in read {
            // Questions printed with more than their prompt (a blank's
            // text, "choose every right option") are not choice questions.
            let Some(original) = questions.get(r.question.prompt.as_str()) else {
                continue;
            };
            let right_text = |a: &Answer| match a {
                Answer::SingleChoice { choices, answer } => Some(choices[*answer].clone()),
                Answer::TrueFalse(b) => Some(if *b { "Đúng" } else { "Sai" }.to_string()),
                _ => None,
            };
            if let (Some(printed), Some(expected)) =
                (right_text(&r.question.answer), right_text(&original.answer))
            {
                assert_eq!(printed, expected, "mã đề {code}, {}", original.prompt);
                checked += 1;
            }
        }
    }
    // Every single-choice and true/false question of every version.
    let choice_questions = file
        .draw(101)
        .iter()
        .filter(|i| {
            matches!(
                i.question.answer,
                Answer::SingleChoice { .. } | Answer::TrueFalse(_)
            )
        })
        .count();
    assert!(choice_questions >= 2);
    assert_eq!(checked, 3 * choice_questions);
}

#[test]
fn paper_answer_sheets_typed_in_get_the_same_report() {
    let home = tempfile::tempdir().unwrap();
    let (exam_path, file) = make_exam(home.path(), &["--codes", "101,102"]);
    // What a learner circled: every letter question right on version 102,
    // nothing on the others.
    let items = file.draw(102);
    let right: Vec<String> = items
        .iter()
        .enumerate()
        .filter(|(_, i)| {
            matches!(
                i.question.answer,
                Answer::SingleChoice { .. } | Answer::TrueFalse(_) | Answer::MultipleChoice { .. }
            )
        })
        .map(|(n, i)| format!("{}{}", n + 1, nghiquyet::classroom::paper::key(i)))
        .collect();
    let sheets = home.path().join("phieu.txt");
    std::fs::write(
        &sheets,
        format!(
            "Nguyễn Văn An; Chi bộ 1; 102: {}\nLê Thị Bình; Chi bộ 2; 101: 1A\nTrần Cường; 105: 1A\n",
            right.join(" ")
        ),
    )
    .unwrap();
    let (ok, out, _) = run_cli(
        &[
            "report".as_ref(),
            "--exam".as_ref(),
            exam_path.as_os_str(),
            "--paper".as_ref(),
            sheets.as_os_str(),
        ],
        home.path(),
    );
    assert!(ok, "{out}");
    // Graded over the questions answered by letters; the others are left
    // to the trainer, and the report says how many.
    let an = block(&out, "Nguyễn Văn An");
    assert!(an[0].contains("100%  Đạt"), "{out}");
    let by_hand = items.len() - right.len();
    assert!(
        an.iter()
            .any(|l| l.contains(&format!("{by_hand} câu không trả lời bằng chữ cái"))),
        "{out}"
    );
    assert!(
        out.contains("phieu.txt:3: đề thi không có mã đề 105"),
        "{out}"
    );
    assert!(out.contains("Người học (2):"), "{out}");
}
