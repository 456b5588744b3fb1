//! Progress through the window, driven with egui_kittest: the first start
//! asks who is studying; answers are recorded and are still there, with the
//! same due count, after the app is closed and opened again; today's review;
//! the progress screen and the key-point marks; a second copy of the app.

mod common;

use common::ui::{THREE, click, press, step};

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use nghiquyet::paths::Paths;
use nghiquyet::progress::Mode;
use nghiquyet::quiz::Verdict;
use nghiquyet::startup::Startup;
use nghiquyet::ui::{Action, App, Screen};

fn harness(home: &Path) -> Harness<'static, App> {
    let sets = Paths::under(home).user_sets_dir();
    std::fs::create_dir_all(&sets).unwrap();
    std::fs::write(sets.join("ba-cau.ron"), THREE).unwrap();
    let app = App::new(Startup::prepare(Paths::under(home), None));
    let mut harness = Harness::builder()
        .with_size([1000.0, 900.0])
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run_steps(3);
    harness
}

/// Creates the learner through the "who is studying?" dialog.
fn add_learner(h: &mut Harness<'_, App>, name: &str) {
    h.get_by_label("Ai đang học?");
    let field = h.get_by_role_and_label(Role::TextInput, "Tên của bạn:");
    // Given the focus through AccessKit: in kittest, a click on the field
    // right after a click on the button does not focus it (two clicks in
    // one simulated instant); with the keyboard or a real mouse it does.
    field.focus();
    step(h);
    h.get_by_role_and_label(Role::TextInput, "Tên của bạn:")
        .type_text(name);
    step(h);
    click(h, "▶ Thêm và bắt đầu");
}

/// Practises the three questions in order: right, wrong, right.
fn answer_three(h: &mut Harness<'_, App>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    step(h);
    // Only the test set, in file order.
    h.get_by_label_contains("Nghị quyết Đại hội XVII Đảng bộ thành phố Hà Nội — những điểm chính")
        .click();
    step(h);
    h.get_by_label("Xáo trộn thứ tự câu hỏi và lựa chọn")
        .click();
    step(h);
    click(h, "▶ Bắt đầu luyện tập");
    for key in [Key::Num2, Key::Num3, Key::Num2] {
        press(h, key);
        press(h, Key::Enter);
        press(h, Key::Enter);
    }
    h.get_by_label("Kết quả luyện tập");
}

/// Answers the question shown, rightly where its type allows it from the
/// keyboard alone (a number typed, a choice by its key); other types get
/// their first option.
fn answer_right(h: &mut Harness<'_, App>) {
    let round = h.state().practice().round().unwrap();
    let item = round.items[round.current].clone();
    match item.question.answer {
        nghiquyet::quiz::Answer::Numeric { answer, .. } => {
            h.get_all_by_role(Role::TextInput)
                .last()
                .unwrap()
                .type_text(&answer.to_string());
            step(h);
        }
        nghiquyet::quiz::Answer::SingleChoice { answer, .. } => {
            let shown = item.layout.choices.iter().position(|&c| c == answer);
            let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
            press(h, keys[shown.unwrap()]);
        }
        _ => press(h, Key::Num1),
    }
}

fn due_new_learned(h: &Harness<'_, App>) -> (usize, usize, usize) {
    let app = h.state();
    let store = app.profile().expect("a learner is chosen");
    let questions: Vec<_> = app
        .library()
        .for_document(app.document().id())
        .flat_map(|(_, set)| {
            set.set
                .questions
                .iter()
                .map(|q| nghiquyet::progress::record::question_ref(set, q))
        })
        .collect();
    let c = store
        .schedule()
        .counts(&questions, nghiquyet::progress::clock::now_ms());
    (c.due, c.new, c.learned)
}

#[test]
fn the_first_start_asks_who_is_studying_and_remembers_them() {
    let home = tempfile::tempdir().unwrap();
    {
        let mut h = harness(home.path());
        // An empty name is refused with a reason.
        click(&mut h, "▶ Thêm và bắt đầu");
        h.get_by_label("Hãy gõ tên của bạn.");
        add_learner(&mut h, "Nguyễn Văn Ân");
        assert_eq!(h.state().profile().unwrap().name(), "Nguyễn Văn Ân");
        h.get_by_label_contains("👤 Nguyễn Văn Ân");
        h.state_mut().save_settings();
    }
    let mut h = harness(home.path());
    step(&mut h);
    assert!(
        h.query_by_label("Ai đang học?").is_none(),
        "not asked again"
    );
    assert_eq!(h.state().profile().unwrap().name(), "Nguyễn Văn Ân");
}

#[test]
fn answers_are_recorded_and_still_there_after_reopening() {
    let home = tempfile::tempdir().unwrap();
    let before = {
        let mut h = harness(home.path());
        add_learner(&mut h, "Lê Thị Bình");
        let (_, new_at_start, _) = due_new_learned(&h);
        answer_three(&mut h);
        let store = h.state().profile().unwrap();
        let verdicts: Vec<Verdict> = store
            .progress()
            .attempts()
            .iter()
            .map(|a| a.verdict)
            .collect();
        assert_eq!(verdicts, [Verdict::Right, Verdict::Wrong, Verdict::Right]);
        assert!(
            store
                .progress()
                .attempts()
                .iter()
                .all(|a| a.mode == Mode::Practice)
        );
        let counts = due_new_learned(&h);
        // The wrong one is due again; the two right ones are learned.
        assert_eq!(counts, (1, new_at_start - 3, 2));
        // The practice page shows the same numbers.
        click(&mut h, "Chọn bộ câu hỏi khác");
        h.get_by_label(&format!(
            "1 câu đến hạn · {} câu mới · 2 câu đã học",
            new_at_start - 3
        ));
        h.state_mut().save_settings();
        counts
    };
    // Closed and opened again: the same learner, answers and due count.
    let mut h = harness(home.path());
    step(&mut h);
    assert_eq!(h.state().profile().unwrap().progress().attempts().len(), 3);
    assert_eq!(due_new_learned(&h), before);

    // The progress screen.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    step(&mut h);
    assert_eq!(h.state().screen(), Screen::Progress);
    h.get_by_label("Tiến độ của Lê Thị Bình");
    h.get_by_label_contains("1 ngày học liên tiếp");
    h.get_by_label_contains("Đã trả lời 3 lần, đúng 67%");
    h.get_by_label("Những điểm cần ôn thêm");
    // "20 chỉ tiêu chủ yếu" was answered wrong: its key point is weak, at 0%.
    h.get_by_label("Cần ôn · nắm được 0%");
    h.get_by_label("đã gặp 3/3 câu");
    click(&mut h, "▶ Luyện các điểm này");
    assert_eq!(h.state().screen(), Screen::Practice);
    let round = h.state().practice().round().unwrap();
    assert!(
        round.items.iter().any(|i| i.question.id == "chi-tieu"),
        "the weak point's question is practised"
    );
}

#[test]
fn todays_review_is_answered_and_recorded_as_review() {
    let home = tempfile::tempdir().unwrap();
    let mut h = harness(home.path());
    add_learner(&mut h, "Trần Văn Cường");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    step(&mut h);
    // Ten new questions a day, nothing due yet.
    click(&mut h, "▶ Bắt đầu ôn tập (10 câu)");
    h.get_by_label("Câu 1 / 10");
    // Whatever the first question is, "Trả lời" records something once ready;
    // the bundled set starts with choices and numbers.
    let first = h.state().practice().round().unwrap().items[0]
        .question
        .clone();
    answer_right(&mut h);
    press(&mut h, Key::Enter);
    let store = h.state().profile().unwrap();
    let attempts = store.progress().attempts();
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0].mode, Mode::Review);
    assert_eq!(store.progress().question(&attempts[0]).id, first.id);
}

#[test]
fn after_todays_review_the_learner_is_told_when_to_come_back() {
    let home = tempfile::tempdir().unwrap();
    // A short text of our own: two questions are made from it, and the
    // whole of today's review is those two.
    let doc = home.path().join("nho.md");
    std::fs::write(
        &doc,
        "# Nghị quyết về học tập ở cơ sở\n\nHội nghị thống nhất đề ra 3 nhiệm vụ trọng tâm \
         trong năm 2027. Toàn đảng bộ phấn đấu có 95% đảng viên tham gia học tập nghị quyết.\n",
    )
    .unwrap();
    let app = App::new(Startup::prepare(Paths::under(home.path()), Some(&doc)));
    let mut h = Harness::builder()
        .with_size([1000.0, 900.0])
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    h.run_steps(3);
    add_learner(&mut h, "Đỗ Văn Dũng");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    step(&mut h);
    click(&mut h, "▶ Bắt đầu ôn tập (2 câu)");
    for _ in 0..2 {
        answer_right(&mut h);
        press(&mut h, Key::Enter);
        press(&mut h, Key::Enter);
    }
    h.get_by_label_contains("Đã ôn xong hôm nay. Lần ôn tiếp theo:");
    assert_eq!(h.state().profile().unwrap().progress().attempts().len(), 2);
}

#[test]
fn the_key_point_panel_marks_what_the_learner_knows() {
    let home = tempfile::tempdir().unwrap();
    let mut h = harness(home.path());
    add_learner(&mut h, "Phạm Thu Hà");
    // The legend above the list names each level once.
    let marks = |h: &Harness<'_, App>, level: &str| {
        let named = h.query_all_by_label(level).count();
        assert!(named >= 1, "the legend says what {level} looks like");
        named - 1
    };
    let unseen_before = marks(&h, "Chưa học");
    assert!(unseen_before > 10, "every key point starts unstudied");
    assert_eq!(marks(&h, "Đã vững"), 0);
    answer_three(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    step(&mut h);
    h.run_steps(3);
    let studied = ["Cần ôn", "Đang học", "Đã vững"]
        .iter()
        .map(|level| marks(&h, level))
        .sum::<usize>();
    assert!(studied >= 2, "studied key points are marked");
    assert!(marks(&h, "Đã vững") >= 1, "answered right: strong");
    assert!(marks(&h, "Chưa học") < unseen_before);
}

#[test]
fn a_second_copy_of_the_app_is_told_the_learner_is_busy() {
    let home = tempfile::tempdir().unwrap();
    let mut first = harness(home.path());
    add_learner(&mut first, "Đỗ Văn Dũng");
    first.state_mut().save_settings();
    let mut second = harness(home.path());
    step(&mut second);
    assert!(second.state().profile().is_none());
    second.get_by_label_contains("đang mở trong một cửa sổ khác của ứng dụng");
    // The first copy still records.
    drop(second);
    answer_three(&mut first);
    assert_eq!(
        first.state().profile().unwrap().progress().attempts().len(),
        3
    );
}

#[test]
fn progress_is_exported_and_imported_into_another_learner() {
    let home = tempfile::tempdir().unwrap();
    let mut h = harness(home.path());
    add_learner(&mut h, "Vũ Thị Em");
    answer_three(&mut h);
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Action::ExportProgress);
    step(&mut h);
    let exported: Vec<_> = std::fs::read_dir(Paths::under(home.path()).documents_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(exported.len(), 1, "{exported:?}");
    // Where it went, in words, with a way to open the folder; not a raw path.
    let name = exported[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    h.get_by_label_contains(&format!("trong thư mục Tài liệu (Documents), tệp “{name}”"));
    assert!(
        h.query_by_label_contains(&home.path().display().to_string())
            .is_none()
    );
    h.get_by_label_contains("Mở thư mục");
    // The notice belongs to the screen it is about.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    step(&mut h);
    assert!(h.query_by_label_contains("Mở thư mục").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    step(&mut h);
    h.get_by_label_contains("Mở thư mục");
    // And goes away by itself (information; errors stay until closed).
    h.run_steps(70);
    assert!(h.query_by_label_contains("Mở thư mục").is_none());

    // Another learner on this PC takes the file in, twice: no doubles.
    h.state_mut()
        .apply(&ctx, Action::CreateProfile("Vũ Văn Phong".into()));
    step(&mut h);
    assert_eq!(h.state().profile().unwrap().name(), "Vũ Văn Phong");
    h.state_mut()
        .apply(&ctx, Action::ImportProgress(exported[0].clone()));
    h.state_mut()
        .apply(&ctx, Action::ImportProgress(exported[0].clone()));
    step(&mut h);
    assert_eq!(h.state().profile().unwrap().progress().attempts().len(), 3);
    h.get_by_label_contains("Đã nhập 3 câu trả lời mới của “Vũ Thị Em”");
    h.get_by_label_contains("Đã nhập 0 câu trả lời mới");
    // Switching back is one click in the learner menu.
    click(&mut h, "👤 Vũ Văn Phong");
    click(&mut h, "Vũ Thị Em");
    assert_eq!(h.state().profile().unwrap().name(), "Vũ Thị Em");
}

#[test]
fn a_profile_folder_replaced_by_a_file_is_told_in_the_picker() {
    let home = tempfile::tempdir().unwrap();
    let root = nghiquyet::progress::profiles::root(&Paths::under(home.path()));
    nghiquyet::progress::profiles::create(&root, "Lê Thị Bình", nghiquyet::calendar::Millis(0))
        .unwrap();
    std::fs::write(root.join("nguyen-van-an"), "").unwrap();
    let h = harness(home.path());
    h.get_by_label("Ai đang học?");
    h.get_by_label_contains("👤 Lê Thị Bình");
    h.get_by_label_contains("nguyen-van-an” lẽ ra là thư mục hồ sơ của một người học");
}

#[test]
fn a_damaged_profile_file_is_told_in_plain_vietnamese() {
    let home = tempfile::tempdir().unwrap();
    let dir = {
        let mut h = harness(home.path());
        add_learner(&mut h, "Lê Văn Hải");
        h.state_mut().save_settings();
        h.state_mut().flush_progress();
        h.state().profile().unwrap().dir().to_path_buf()
    };
    std::fs::write(dir.join("profile.ron"), "ProfileFile(version: 2, name: ").unwrap();
    let mut h = harness(home.path());
    step(&mut h);
    let notice = h
        .state()
        .notices()
        .iter()
        .map(|n| n.text.clone())
        .find(|t| t.contains("tệp tiến độ"))
        .expect("the learner is told");
    assert!(notice.contains("dòng 1, cột"), "{notice}");
    assert!(
        !notice.contains("Expected") && !notice.contains("Unexpected"),
        "no parser English: {notice}"
    );
}
