//! A trainer's exam file, sat through the window (egui_kittest): opening it
//! locks its settings, the reader is closed while it runs, a killed app
//! resumes it with the time it had left, and the result file is written.

mod common;

use common::ui::{THREE, choose_path, click, press, press_button, step};

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use nghiquyet::classroom::exam::{ExamResult, Sitting};
use nghiquyet::classroom::exam_file::{EXAM_FILE_VERSION, ExamFile, Part};
use nghiquyet::paths::Paths;
use nghiquyet::ui::{App, Screen};

const TITLE: &str = "Kiểm tra cuối đợt học tập";

/// The trainer's exam file of the three questions: 5 minutes, 60 % to pass.
fn write_exam(home: &Path) -> PathBuf {
    let set = nghiquyet::quiz::parse_set(Path::new("ba-cau.ron"), THREE).unwrap();
    let file = ExamFile {
        exam_file: EXAM_FILE_VERSION,
        title: TITLE.into(),
        minutes: 5,
        pass_percent: 60,
        codes: vec![101],
        allow_reading: false,
        show_answers: true,
        ask_unit: true,
        opens: None,
        closes: None,
        parts: vec![Part {
            key: "ba-cau".into(),
            count: 0,
            tags: Vec::new(),
            set,
        }],
    };
    let path = home.join("de-thi.ron");
    std::fs::write(&path, nghiquyet::storage::to_ron(&file).unwrap()).unwrap();
    path
}

/// The app, started with `file` on its command line; half a second a frame.
fn harness(home: &Path, file: Option<&Path>) -> Harness<'static, App> {
    let app = App::new(common::startup_with_learner(home, file));
    let mut h = Harness::builder()
        .with_size([1024.0, 768.0])
        .with_step_dt(0.5)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    h.run_steps(3);
    h
}

fn type_into(h: &mut Harness<'_, App>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    step(h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    step(h);
}

/// Answers the current question right, by its number key.
fn answer_right(h: &mut Harness<'_, App>) {
    let exam = h.state().exam().exam().unwrap().clone();
    let item = &exam.items[exam.current];
    let nghiquyet::quiz::Answer::SingleChoice { answer, .. } = item.question.answer else {
        panic!("single choice");
    };
    let position = item
        .layout
        .choices
        .iter()
        .position(|&c| c == answer)
        .unwrap();
    press(h, [Key::Num1, Key::Num2, Key::Num3][position]);
}

#[test]
fn an_exam_file_locks_its_settings_closes_the_reader_and_survives_a_kill() {
    let home = tempfile::tempdir().unwrap();
    let exam_path = write_exam(home.path());
    let paths = Paths::under(home.path());
    let sitting_file = paths.data_dir.join("bai-thi-dang-lam.ron");

    let mut h = harness(home.path(), Some(&exam_path));
    assert_eq!(
        h.state().screen(),
        Screen::Exam,
        "opened straight into the exam"
    );
    h.get_by_label(TITLE);
    h.get_by_label("3 câu · 5 phút · đạt từ 60%");
    // The settings are the trainer's: nothing to choose.
    assert!(h.query_by_label("Số câu:").is_none());
    assert!(h.query_by_label("Thời gian (phút):").is_none());
    assert!(h.query_by_label_contains("Tự kiểm tra").is_none());
    // The learner's name is there (the profile's); the unit must be typed.
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Họ và tên:")
            .value()
            .is_some_and(|v| v == "Người thử")
    );
    h.get_by_label("Hãy điền đủ các ô trên để bắt đầu.");
    type_into(&mut h, "Đơn vị:", "Chi bo 5");
    click(&mut h, "▶ Bắt đầu làm bài");
    assert!(h.state().exam().exam().is_some(), "started");
    h.get_by_label("Mã đề 101");

    // The reader, search and the other screens are closed while it runs.
    assert!(h.query_by_label("📖 Đọc văn bản").is_none());
    assert!(h.query_by_label("📝 Luyện tập").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    step(&mut h);
    assert_eq!(
        h.state().screen(),
        Screen::Exam,
        "Ctrl+1 does not open the reader"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    step(&mut h);
    assert!(
        h.query_by_role_and_label(Role::TextInput, "🔍 Tìm trong văn bản")
            .is_none()
    );

    answer_right(&mut h);
    h.get_by_label("Đã trả lời 1/3 câu");
    // Another program in front for a while: recorded, not blocked.
    let focus = |h: &mut Harness<'_, App>, on: bool| {
        h.input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .focused = Some(on);
    };
    focus(&mut h, false);
    h.run_steps(6);
    focus(&mut h, true);
    h.run_steps(2);
    let away = h.state().exam().exam().unwrap().away;
    assert_eq!(away.times, 1);
    assert!((2.0..=4.0).contains(&away.seconds), "{away:?}");
    h.run_steps(4);
    let sitting: Sitting = ron::from_str(&std::fs::read_to_string(&sitting_file).unwrap()).unwrap();
    assert_eq!(
        sitting.responses.iter().flatten().count(),
        1,
        "saved as it was given"
    );
    let used = h
        .state()
        .exam()
        .exam()
        .unwrap()
        .elapsed(h.ctx.input(|i| i.time));
    assert!(used > 1.0);
    // Killed: no goodbye, no saving on the way out.
    drop(h);

    // Started again — by the exam file itself, say: the exam in progress
    // comes first.
    let mut h = harness(home.path(), Some(&exam_path));
    assert_eq!(h.state().screen(), Screen::Exam, "back in the exam");
    h.get_by_label_contains("hãy làm xong và nộp bài thi đang dở trước");
    h.get_by_label("Đã trả lời 1/3 câu");
    h.get_by_label("Mã đề 101");
    let now = h.ctx.input(|i| i.time);
    let exam = h.state().exam().exam().unwrap();
    let left = exam.remaining(now).unwrap();
    assert!(
        left < 300.0 - used + 5.0 && left > 200.0,
        "the time it had left: {left}"
    );
    assert_eq!(exam.unit, "Chi bo 5");
    assert!(h.query_by_label("📖 Đọc văn bản").is_none(), "still locked");

    // The clock hands it in; the result is written at once.
    h.run_steps(620);
    let outcome = h.state().exam().exam().unwrap().outcome.clone().unwrap();
    assert!(outcome.timed_out);
    assert_eq!(outcome.percent, 33);
    assert!(!sitting_file.exists(), "nothing left to resume");
    h.get_by_label("📖 Đọc văn bản");
    let results: Vec<PathBuf> = std::fs::read_dir(&paths.documents_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(results.len(), 1, "{results:?}");
    let result: ExamResult = ron::from_str(&std::fs::read_to_string(&results[0]).unwrap()).unwrap();
    assert_eq!(result.learner, "Người thử");
    assert_eq!(result.unit, "Chi bo 5");
    assert_eq!(result.exam.as_ref().unwrap().title, TITLE);
    assert_eq!(result.verify_seal(), Some(true));
    assert!(
        result.seconds_used >= 299 && result.seconds_used <= 301,
        "{}",
        result.seconds_used
    );
    assert_eq!(result.away.times, 1, "time away survives the restart");
    // The report takes it as it is, saying only that the window was left.
    let file = nghiquyet::classroom::exam_file::load(&exam_path).unwrap();
    let checked = nghiquyet::classroom::verify::check(
        vec![(results[0].clone(), result)],
        &nghiquyet::classroom::verify::AnswerKey::Exam(&file),
    );
    assert!(
        matches!(
            checked[0].flags.as_slice(),
            [nghiquyet::classroom::verify::Flag::Away { times: 1, .. }]
        ),
        "{:?}",
        checked[0].flags
    );
}

#[test]
fn self_testing_is_labelled_as_practice_and_a_dropped_exam_file_opens() {
    let home = tempfile::tempdir().unwrap();
    let exam_path = write_exam(home.path());
    let mut h = harness(home.path(), None);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num5);
    step(&mut h);
    h.get_by_label("Tự kiểm tra");
    h.get_by_label_contains("không phải bài thi");
    // Dropped on the window, as a trainer's file from a USB stick would be.
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(exam_path.clone())));
    step(&mut h);
    h.get_by_label(TITLE);
    click(&mut h, "Đóng đề thi này");
    h.get_by_label("Tự kiểm tra");
}

/// A file dropped on the window.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_broken_exam_file_is_refused_with_its_place() {
    let home = tempfile::tempdir().unwrap();
    let exam_path = write_exam(home.path());
    let text = std::fs::read_to_string(&exam_path).unwrap();
    std::fs::write(&exam_path, text.replacen("minutes: 5", "minutes: năm", 1)).unwrap();
    let h = harness(home.path(), Some(&exam_path));
    h.get_by_label_contains("Không mở được tệp đề thi");
    h.get_by_label_contains("de-thi.ron:");
    assert!(h.query_by_label(TITLE).is_none());
}

#[test]
fn a_trainer_saves_the_self_test_choices_as_an_exam_file_that_opens_locked() {
    let home = tempfile::tempdir().unwrap();
    let sets = Paths::under(home.path()).user_sets_dir();
    std::fs::create_dir_all(&sets).unwrap();
    std::fs::write(sets.join("ba-cau.ron"), THREE).unwrap();
    let mut h = harness(home.path(), None);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num5);
    step(&mut h);
    // Only the three questions, all of them, 45 minutes, 80 % to pass.
    click(
        &mut h,
        "Nghị quyết Đại hội XVII Đảng bộ thành phố Hà Nội — những điểm chính  (49 câu · kèm theo ứng dụng)",
    );
    click(&mut h, "45");
    click(&mut h, "80%");
    click(&mut h, "Dành cho báo cáo viên: lưu thành tệp đề thi");
    type_into(&mut h, "Tên bài thi:", "Bai kiem tra chi bo");
    click(&mut h, "Cho xem văn bản khi làm bài");
    click(&mut h, "💾 Lưu tệp đề thi");
    let documents = Paths::under(home.path()).documents_dir;
    let written = documents.join("de-thi-bai-kiem-tra-chi-bo.ron");
    let file = nghiquyet::classroom::exam_file::load(&written).expect("written and valid");
    assert_eq!(file.title, "Bai kiem tra chi bo");
    assert_eq!((file.minutes, file.pass_percent), (45, 80));
    assert_eq!(file.codes, vec![101, 102, 103, 104]);
    assert!(file.allow_reading && file.show_answers && file.ask_unit);
    assert_eq!(file.parts.len(), 1, "the bundled set was left out");
    assert_eq!(file.parts[0].key, "ba-cau");
    assert_eq!(file.question_count(), 3);
    h.get_by_label_contains("Đã lưu tệp đề thi");
    drop(h);

    // On a learner's PC: straight into it, the reader allowed beside it.
    let learner = tempfile::tempdir().unwrap();
    let mut h = harness(learner.path(), Some(&written));
    h.get_by_label("Bai kiem tra chi bo");
    h.get_by_label("3 câu · 45 phút · đạt từ 80%");
    type_into(&mut h, "Đơn vị:", "Chi bo 1");
    click(&mut h, "▶ Bắt đầu làm bài");
    h.get_by_label("📖 Đọc văn bản");
    assert!(h.query_by_label("📝 Luyện tập").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    step(&mut h);
    assert_eq!(h.state().screen(), Screen::Reader, "reading is allowed");
}

#[test]
fn a_trainer_puts_the_class_results_together_from_the_window() {
    let home = tempfile::tempdir().unwrap();
    let exam_path = write_exam(home.path());
    let file = nghiquyet::classroom::exam_file::load(&exam_path).unwrap();
    // Two learners' results, one of them edited by hand afterwards.
    let results = home.path().join("bai-nop");
    std::fs::create_dir_all(&results).unwrap();
    for (i, name) in ["An", "Bình"].iter().enumerate() {
        let mut exam = nghiquyet::classroom::exam::Exam::from_file(
            &file,
            101,
            name,
            "Chi bộ 1",
            0.0,
            nghiquyet::calendar::Millis(0),
        );
        let answer = exam.items[0].question.answer.clone();
        exam.set_response(0, Some(nghiquyet::quiz::correct_response(&answer)), 5.0);
        exam.submit(60.0, nghiquyet::calendar::Millis(60_000), false);
        let mut result = exam.result(name).unwrap();
        if i == 1 {
            result.percent = 100;
        }
        std::fs::write(
            results.join(format!("ket-qua-{i}.ron")),
            nghiquyet::storage::to_ron(&result).unwrap(),
        )
        .unwrap();
    }
    let mut h = harness(home.path(), Some(&exam_path));
    click(&mut h, "Dành cho báo cáo viên: tổng hợp kết quả");
    press_button(&mut h, "📂 Tổng hợp kết quả của lớp…");
    h.get_by_label("Chọn một tệp kết quả trong thư mục bài nộp");
    choose_path(&mut h, &results.join("ket-qua-0.ron"));
    h.get_by_label_contains("Đã tổng hợp 2 bài (0 đạt; 1 bài cần xem lại; 0 tệp không đọc được)");
    let documents = Paths::under(home.path()).documents_dir;
    let written: Vec<PathBuf> = std::fs::read_dir(&documents)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
}

#[test]
fn the_closing_time_hands_the_exam_in_whatever_time_was_left() {
    let home = tempfile::tempdir().unwrap();
    let exam_path = write_exam(home.path());
    let mut file = nghiquyet::classroom::exam_file::load(&exam_path).unwrap();
    // It closes five seconds from now (local time, as a trainer writes it;
    // time enough to start on a busy machine).
    let soon =
        jiff::Timestamp::from_millisecond(jiff::Timestamp::now().as_millisecond() + 5_000).unwrap();
    let closes = jiff::tz::TimeZone::system()
        .to_datetime(soon)
        .strftime("%Y-%m-%d %H:%M:%S")
        .to_string();
    file.closes = Some(closes.clone());
    std::fs::write(&exam_path, nghiquyet::storage::to_ron(&file).unwrap()).unwrap();
    let mut h = harness(home.path(), Some(&exam_path));
    type_into(&mut h, "Đơn vị:", "Chi bo 2");
    click(&mut h, "▶ Bắt đầu làm bài");
    h.get_by_label(&format!("Đóng đề lúc {closes}"));
    assert!(h.state().exam().exam().unwrap().outcome.is_none());
    std::thread::sleep(std::time::Duration::from_millis(5500));
    h.run_steps(3);
    let outcome = h.state().exam().exam().unwrap().outcome.clone();
    assert!(
        outcome.is_some_and(|o| o.timed_out),
        "handed in at closing time"
    );
    let written = std::fs::read_dir(Paths::under(home.path()).documents_dir)
        .unwrap()
        .count();
    assert_eq!(written, 1, "its result written");
}

#[test]
fn at_the_largest_text_the_question_shows_below_the_exam_bar_at_1366_by_768() {
    let home = tempfile::tempdir().unwrap();
    let exam_path = write_exam(home.path());
    let mut startup = common::startup_with_learner(home.path(), Some(&exam_path));
    startup
        .settings
        .set_text_size(nghiquyet::settings::MAX_TEXT_SIZE);
    let app = App::new(startup);
    let mut h = Harness::builder()
        .with_size([1366.0, 688.0])
        .with_step_dt(0.5)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    h.run_steps(3);
    type_into(&mut h, "Đơn vị:", "Chi bo 1");
    click(&mut h, "▶ Bắt đầu làm bài");
    let exam = h.state().exam().exam().unwrap().clone();
    let prompt = exam.items[0].question.prompt.clone();
    let top = h.get_by_label(&prompt).rect().top();
    // Uncapped, the bar pushed it down to 536 px, its choices out of view.
    assert!(
        top < 688.0 * 2.0 / 3.0,
        "the question starts at {top}: the bar takes the page"
    );
}
