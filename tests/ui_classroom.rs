//! A training session and an exam, driven through the window with
//! egui_kittest. The window's clock advances a fixed step per frame, so the
//! countdown and the exam's time limit run out without waiting.

mod common;

use common::ui::{THREE, click, press, step, window};

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use nghiquyet::classroom::exam::ExamResult;
use nghiquyet::classroom::training::{Stage, TrainingResult};
use nghiquyet::paths::Paths;
use nghiquyet::progress::Mode;
use nghiquyet::ui::{App, Screen};

/// The app with the three-question set; each frame advances the clock by `dt` seconds.
fn harness(home: &Path, dt: f32) -> Harness<'static, App> {
    window(home, &[("ba-cau.ron", THREE)], [1024.0, 768.0], dt)
}

/// Only the three-question set, all of it.
fn choose_three(h: &mut Harness<'_, App>) {
    click(
        h,
        &format!(
            "{}  (49 câu · kèm theo ứng dụng)",
            "Nghị quyết Đại hội XVII Đảng bộ thành phố Hà Nội — những điểm chính"
        ),
    );
}

fn stage(h: &Harness<'_, App>) -> (usize, Stage) {
    let t = h.state().session().training().expect("presenting");
    (t.current, t.stage)
}

#[test]
fn a_whole_training_session_by_keyboard() {
    let home = tempfile::tempdir().unwrap();
    let mut h = harness(home.path(), 0.25);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    step(&mut h);
    assert_eq!(h.state().screen(), Screen::Session);
    choose_three(&mut h);
    click(&mut h, "Tất cả");
    h.get_by_label("Xáo trộn thứ tự câu hỏi và lựa chọn")
        .click();
    step(&mut h);
    click(&mut h, "15 giây");
    click(&mut h, "2");
    let second = h.get_by_role_and_label(Role::TextInput, "Tên đội 2 (2):");
    assert_eq!(second.value().as_deref(), Some("Đội 2"));
    // F5 starts, as in presentation programs.
    h.get_by_label("▶ Bắt đầu trình chiếu toàn màn hình (F5)");
    press(&mut h, Key::F5);
    assert!(h.state().session().is_presenting());
    assert!(h.state().is_fullscreen());
    // The keys are shown first, before any question and with no clock
    // running; Space or Enter shows the first question.
    h.get_by_label_contains("1–9, 0, -, = : đội 1–12 trả lời đúng");
    assert_eq!(stage(&h), (0, Stage::Ready));
    assert!(h.query_by_label("Có bao nhiêu khâu đột phá?").is_none());
    h.run_steps(100);
    let now = h.ctx.input(|i| i.time);
    assert_eq!(h.state().session().training().unwrap().remaining(now), None);
    press(&mut h, Key::Enter);
    let now = h.ctx.input(|i| i.time);
    let left = h.state().session().training().unwrap().remaining(now);
    assert!(left.is_some_and(|l| l > 14.0), "the full time: {left:?}");

    // Question 1: the countdown runs, then the answer and the teams.
    h.get_by_label("Có bao nhiêu khâu đột phá?");
    assert_eq!(stage(&h), (0, Stage::Asking));
    press(&mut h, Key::Num1);
    assert_eq!(
        h.state().session().training().unwrap().scores[0],
        [false, false],
        "no scoring before the answer"
    );
    press(&mut h, Key::Space);
    assert_eq!(stage(&h), (0, Stage::Revealed));
    // The right choice filled in and marked in words.
    h.get_by_label("B.  3");
    h.get_by_label("✔ Đáp án đúng");
    let explanation = h.get_by_label("Nghị quyết nêu 3 khâu đột phá.");
    let prompt = h.get_by_label("Có bao nhiêu khâu đột phá?");
    // Read from the back of the hall: well over half the question's size,
    // and some 26 px at least (a line of it is taller than that).
    assert!(
        explanation.rect().height() >= 0.6 * prompt.rect().height(),
        "{:?} {:?}",
        explanation.rect(),
        prompt.rect()
    );
    assert!(
        explanation.rect().height() >= 30.0,
        "{:?}",
        explanation.rect()
    );
    let quote = h.get_by_label_contains("3 khâu đột phá” (p5)");
    assert!(quote.rect().height() >= 30.0, "{:?}", quote.rect());
    // The wrong choices are still there, faded.
    h.get_by_label("A.  2");
    press(&mut h, Key::Num1);
    h.get_by_label("1 Đội 1 ✔");
    press(&mut h, Key::PageDown);
    assert_eq!(stage(&h), (0, Stage::Scoreboard));
    press(&mut h, Key::PageDown);

    // Question 2: time runs out (15 s at a quarter second a frame).
    assert_eq!(stage(&h), (1, Stage::Asking));
    h.run_steps(70);
    assert!(
        h.state()
            .session()
            .training()
            .unwrap()
            .time_is_up(h.ctx.input(|i| i.time))
    );
    h.run_steps(2);
    press(&mut h, Key::Space);
    press(&mut h, Key::Num2);
    press(&mut h, Key::Num1);
    press(&mut h, Key::Num1);
    assert_eq!(
        h.state().session().training().unwrap().scores[1],
        [false, true]
    );

    // Back to question 1: its scores are kept.
    press(&mut h, Key::PageUp);
    press(&mut h, Key::PageUp);
    assert_eq!(stage(&h), (0, Stage::Revealed));
    assert_eq!(
        h.state().session().training().unwrap().scores[0],
        [true, false]
    );

    // Pause stops the countdown.
    // Answer 1 → scoreboard → question 2 → its answer → scoreboard → question 3.
    for _ in 0..5 {
        press(&mut h, Key::PageDown);
    }
    assert_eq!(stage(&h), (2, Stage::Asking));
    press(&mut h, Key::P);
    h.get_by_label_contains("Tạm dừng");
    let now = h.ctx.input(|i| i.time);
    let left = h.state().session().training().unwrap().remaining(now);
    h.run_steps(20);
    let later = h.ctx.input(|i| i.time);
    assert_eq!(
        h.state().session().training().unwrap().remaining(later),
        left
    );
    press(&mut h, Key::P);
    // A pause does not follow onto the answer.
    press(&mut h, Key::P);
    press(&mut h, Key::Space);
    assert_eq!(stage(&h), (2, Stage::Revealed));
    assert!(h.query_by_label_contains("Tạm dừng").is_none());
    press(&mut h, Key::PageUp);
    assert_eq!(stage(&h), (2, Stage::Asking));

    // Blank screen and back.
    press(&mut h, Key::B);
    assert!(
        h.query_by_label("Có bao nhiêu nhóm nhiệm vụ, giải pháp chủ yếu?")
            .is_none()
    );
    press(&mut h, Key::B);
    h.get_by_label("Có bao nhiêu nhóm nhiệm vụ, giải pháp chủ yếu?");

    // Last answer, last scoreboard.
    press(&mut h, Key::Space);
    press(&mut h, Key::Num2);
    press(&mut h, Key::Space);
    press(&mut h, Key::Space);
    assert_eq!(stage(&h), (2, Stage::Finished));
    assert_eq!(h.state().session().training().unwrap().totals(), [1, 2]);

    // Esc leaves full screen, a second Esc ends the session.
    press(&mut h, Key::Escape);
    assert!(!h.state().is_fullscreen());
    press(&mut h, Key::Escape);
    assert!(!h.state().session().is_presenting());
    h.get_by_label("Kết quả chung cuộc");
    // The scoreboard went to Documents; the notice names the folder in
    // words and the file by its name, no path.
    let notice = h.get_by_label_contains(
        "Đã lưu kết quả buổi học trong thư mục Tài liệu (Documents), tệp “bang-diem-",
    );
    let text = notice.accesskit_node().value().unwrap();
    assert!(text.ends_with(".csv”.") && !text.contains('/'), "{text}");
    assert!(
        h.query_by_label_contains(&home.path().display().to_string())
            .is_none(),
        "no raw path in any notice"
    );

    // The result was saved, and reopens.
    let sessions = Paths::under(home.path()).data_dir.join("sessions");
    let files: Vec<_> = std::fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let saved: TrainingResult = ron::from_str(&text).unwrap();
    assert_eq!(saved.teams, ["Đội 1", "Đội 2"]);
    assert_eq!(saved.scores, [[true, false], [false, true], [false, true]]);

    // Exported for a spreadsheet.
    click(&mut h, "💾 Xuất bảng điểm (CSV)");
    let documents = Paths::under(home.path()).documents_dir;
    let csv: Vec<_> = std::fs::read_dir(&documents)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let csv = std::fs::read_to_string(&csv[0]).unwrap();
    assert!(
        csv.starts_with("\u{feff}#,Câu hỏi,Đội 1,Đội 2\r\n"),
        "{csv}"
    );
    assert!(csv.ends_with(",Tổng,1,2\r\n"));

    click(&mut h, "⬅ Về trang chuẩn bị");
    h.get_by_label("Các buổi đã trình chiếu");
    h.get_by_label("Xem");
}

#[test]
fn an_exam_handed_in_by_the_clock() {
    let home = tempfile::tempdir().unwrap();
    // Half a second a frame (egui takes a press and release more than 0.8 s
    // apart for a long press, not a click).
    let mut h = harness(home.path(), 0.5);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num5);
    step(&mut h);
    assert_eq!(h.state().screen(), Screen::Exam);
    choose_three(&mut h);
    click(&mut h, "Tất cả");
    click(&mut h, "5");
    click(&mut h, "60%");
    click(&mut h, "▶ Bắt đầu làm bài");
    let exam = h.state().exam().exam().expect("started").clone();
    assert_eq!(exam.items.len(), 3);
    // No feedback while it runs: answer the first question right by keyboard.
    let item = &exam.items[0];
    let nghiquyet::quiz::Answer::SingleChoice { answer, .. } = item.question.answer else {
        panic!("single choice");
    };
    let position = item
        .layout
        .choices
        .iter()
        .position(|&c| c == answer)
        .unwrap();
    press(&mut h, [Key::Num1, Key::Num2, Key::Num3][position]);
    h.get_by_label("Đã trả lời 1/3 câu");
    assert!(
        h.query_by_label_contains("Đúng").is_none(),
        "no feedback before handing in"
    );
    click(&mut h, "Câu sau ➡");
    h.get_by_label("Câu 2 / 3");

    // Five minutes at half a second a frame.
    h.run_steps(620);
    let outcome = h
        .state()
        .exam()
        .exam()
        .unwrap()
        .outcome
        .clone()
        .expect("handed in by the clock");
    assert!(outcome.timed_out);
    assert_eq!(outcome.percent, 33);
    assert!(!outcome.passed);
    h.get_by_label("Hết giờ: bài đã được nộp tự động.");
    h.get_by_label("CHƯA ĐẠT");
    h.get_by_label("1/3 điểm (33%)");
    assert_eq!(h.query_all_by_label("(chưa trả lời)").count(), 2);

    // Into the learner's progress.
    let store = h.state().profile().unwrap();
    let attempts = store.progress().attempts();
    assert_eq!(attempts.len(), 3);
    assert!(attempts.iter().all(|a| a.mode == Mode::Exam));

    // A file for the trainer.
    click(&mut h, "💾 Lưu kết quả để gửi báo cáo viên");
    let documents = Paths::under(home.path()).documents_dir;
    let files: Vec<_> = std::fs::read_dir(&documents)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let result: ExamResult = ron::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    assert_eq!(result.learner, "Người thử");
    assert!(result.timed_out);
    assert_eq!(result.questions.len(), 3);
}

const LONG: &str = r#"QuestionSet(format: 1, title: "Một câu dài", document: "ha-noi-hoc-tap-nghi-quyet-xvii-2020",
        questions: [(id: "dai", prompt: "Xếp các nội dung sau theo đúng thứ tự Bí thư Thành ủy đã trình bày khi quán triệt Nghị quyết Đại hội đại biểu lần thứ XVII Đảng bộ thành phố.",
            answer: Ordering(["tư tưởng cốt lõi của Nghị quyết được thể hiện trong chủ đề Đại hội", "kết quả đạt được, hạn chế tồn tại và 5 bài học kinh nghiệm", "mục tiêu, nhiệm vụ tổng quát đến năm 2025", "định hướng đến năm 2030 và tầm nhìn đến năm 2045", "20 chỉ tiêu chủ yếu đến năm 2025", "5 định hướng lớn và nhiệm vụ trọng tâm", "3 khâu đột phá và 14 nhóm nhiệm vụ, giải pháp chủ yếu"]),
            explanation: "Đây là thứ tự các nội dung trong bài quán triệt của đồng chí Bí thư Thành ủy tại Hội nghị trực tuyến cán bộ chủ chốt ngày 25/12/2020, được tường thuật trong văn bản.",
            source: (anchor: "p5", quote: "tư tưởng cốt lõi của Nghị quyết được thể hiện trong chủ đề Đại hội"))])"#;

#[test]
fn a_long_question_and_its_answer_fit_a_1024_by_768_projector() {
    let home = tempfile::tempdir().unwrap();
    let mut h = window(
        home.path(),
        &[("mot-cau-dai.ron", LONG)],
        [1024.0, 768.0],
        1.0 / 60.0,
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    step(&mut h);
    choose_three(&mut h);
    press(&mut h, Key::F5);
    press(&mut h, Key::PageDown);
    press(&mut h, Key::PageDown);
    h.run_steps(40);
    // The right order as a numbered column, each item with the letter it
    // was shown under.
    h.get_by_label("✔ Đáp án đúng");
    let first = h.get_by_label_contains("1.  (");
    assert!(
        first
            .accesskit_node()
            .value()
            .unwrap()
            .ends_with("tư tưởng cốt lõi của Nghị quyết được thể hiện trong chủ đề Đại hội")
    );
    let last = h.get_by_label_contains("7.  (");
    assert!(
        last.accesskit_node()
            .value()
            .unwrap()
            .ends_with("3 khâu đột phá và 14 nhóm nhiệm vụ, giải pháp chủ yếu")
    );
    assert!(
        first.rect().bottom() < last.rect().top(),
        "a column, not a line"
    );
    assert!(last.rect().bottom() <= 768.0, "{:?}", last.rect());
    let passage = h.get_by_label_contains("(p5)");
    assert!(passage.rect().bottom() <= 768.0, "{:?}", passage.rect());
}

/// The page can change size during a reveal (the window going full
/// screen, a projector plugged in): the type is fitted again to the new
/// size, not left at the scale found for the old one.
#[test]
fn a_reveal_is_fitted_again_when_the_page_changes_size() {
    let home = tempfile::tempdir().unwrap();
    let mut h = window(
        home.path(),
        &[("mot-cau-dai.ron", LONG)],
        [1366.0, 768.0],
        1.0 / 60.0,
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    step(&mut h);
    choose_three(&mut h);
    press(&mut h, Key::F5);
    press(&mut h, Key::Space);
    press(&mut h, Key::Space);
    h.run_steps(40);
    // Where the answer's passage ends: the type is shrunk just enough.
    let foot = |h: &Harness<'_, App>| h.get_by_label_contains("(p5)").rect().bottom();
    let fitted = foot(&h);
    assert!(fitted <= 768.0 && fitted > 0.75 * 768.0, "{fitted}");
    // A wide, low page: fewer lines wrap, so the type is fitted larger than
    // the scale kept from the first page (which ends at 82 % of it).
    h.set_size(egui::vec2(1366.0, 300.0));
    h.run_steps(60);
    let low = foot(&h) / 300.0;
    assert!(
        (0.87..=1.0).contains(&low),
        "on the low page the reveal ends at {:.0} % of its height",
        low * 100.0
    );
}

const PAIRS: &str = r#"QuestionSet(
    format: 1,
    title: "Ghép cặp",
    document: "ha-noi-hoc-tap-nghi-quyet-xvii-2020",
    questions: [
        (id: "ghep", prompt: "Ghép mỗi con số với nội dung của nó.",
         answer: Matching([("20", "chỉ tiêu chủ yếu"), ("3", "khâu đột phá"), ("14", "nhóm nhiệm vụ, giải pháp chủ yếu")]),
         explanation: "Nghị quyết nêu 20 chỉ tiêu, 3 khâu đột phá và 14 nhóm nhiệm vụ, giải pháp.",
         source: (anchor: "p5", quote: "3 khâu đột phá")),
    ],
)"#;

#[test]
fn the_keys_fit_before_question_one_and_matching_is_two_columns() {
    let home = tempfile::tempdir().unwrap();
    let sets = Paths::under(home.path()).user_sets_dir();
    std::fs::create_dir_all(&sets).unwrap();
    std::fs::write(sets.join("ghep.ron"), PAIRS).unwrap();
    let app = App::new(common::startup_with_learner(home.path(), None));
    let mut h = Harness::builder()
        .with_size([1024.0, 768.0])
        .with_step_dt(0.25)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    h.run_steps(3);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    step(&mut h);
    choose_three(&mut h);
    click(&mut h, "30 giây");
    press(&mut h, Key::F5);

    // Before question 1: the keys, all of them inside the window and above
    // the line that says how to start; no question, no clock.
    assert_eq!(stage(&h), (0, Stage::Ready));
    let keys = h.get_by_label_contains("Esc : thoát toàn màn hình");
    let start = h.get_by_label_contains("Bấm Space hoặc Enter để hiện câu 1");
    assert!(
        keys.rect().bottom() <= start.rect().top(),
        "{:?} {:?}",
        keys.rect(),
        start.rect()
    );
    assert!(keys.rect().right() <= 1024.0 && start.rect().bottom() <= 768.0);
    assert!(
        h.query_by_label("Ghép mỗi con số với nội dung của nó.")
            .is_none()
    );
    // F1 adds nothing here: the keys are already shown.
    press(&mut h, Key::F1);
    assert_eq!(h.query_all_by_label_contains("Esc : thoát").count(), 1);
    press(&mut h, Key::Space);
    assert_eq!(stage(&h), (0, Stage::Asking));

    // Two columns: the left numbered in order, the right lettered and mixed
    // (the session's own mix, kept for the question).
    let training = h.state().session().training().unwrap();
    let rights = training.items[0].layout.rights.clone();
    assert_ne!(rights, [0, 1, 2]);
    let pairs = [
        ("20", "chỉ tiêu chủ yếu"),
        ("3", "khâu đột phá"),
        ("14", "nhóm nhiệm vụ, giải pháp chủ yếu"),
    ];
    let one = h.get_by_label("1.  20");
    let three = h.get_by_label("3.  14");
    assert!(one.rect().bottom() < three.rect().top());
    for (pos, &r) in rights.iter().enumerate() {
        let letter = ["A", "B", "C"][pos];
        let label = format!("{letter}.  {}", pairs[r].1);
        let right = h.get_by_label(&label);
        assert!(
            right.rect().left() > one.rect().right(),
            "the right column stands apart: {:?} {:?}",
            right.rect(),
            one.rect()
        );
    }
    assert!(
        h.query_by_label_contains("·").is_none(),
        "no pairs drawn as rows"
    );

    // F1 over a question: the keys fit, and the clock waits meanwhile.
    press(&mut h, Key::F1);
    let keys = h.get_by_label_contains("Esc : thoát toàn màn hình");
    assert!(keys.rect().bottom() <= 768.0 && keys.rect().right() <= 1024.0);
    let left = |h: &Harness<'_, App>| {
        let now = h.ctx.input(|i| i.time);
        h.state().session().training().unwrap().remaining(now)
    };
    let before = left(&h);
    h.run_steps(20);
    assert_eq!(left(&h), before, "no countdown under the keys");
    press(&mut h, Key::F1);
    h.run_steps(8);
    assert!(left(&h) < before, "the clock runs again");
    assert!(h.query_by_label_contains("Esc : thoát").is_none());

    // The answer: one pair a row, "1 ➡ C".
    press(&mut h, Key::Space);
    assert_eq!(stage(&h), (0, Stage::Revealed));
    h.get_by_label("✔ Đáp án đúng — nối từng cặp:");
    let mut last_bottom = 0.0;
    for (i, (left, right)) in pairs.iter().enumerate() {
        let pos = rights.iter().position(|&r| r == i).unwrap();
        let letter = ["A", "B", "C"][pos];
        let label = format!("{} ➡ {letter}  {left}  —  {right}", i + 1);
        let row = h.get_by_label(&label);
        assert!(row.rect().top() >= last_bottom, "a list, one pair a row");
        assert!(row.rect().bottom() <= 768.0);
        last_bottom = row.rect().bottom();
    }
}
