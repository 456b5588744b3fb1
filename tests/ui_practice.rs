//! The practice screen driven through egui_kittest: every question type
//! answered by keyboard alone and by mouse alone, feedback, the jump to the
//! text, the summary, and broken set files.

mod common;

use common::ui::{click, press, step};

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use nghiquyet::paths::Paths;
use nghiquyet::quiz::{SetOrigin, Verdict};
use nghiquyet::ui::{App, Screen};

/// One question of each type, in this order, on the bundled document.
const SEVEN: &str = r#"QuestionSet(
    format: 1,
    title: "Bảy kiểu câu hỏi",
    document: "ha-noi-hoc-tap-nghi-quyet-xvii-2020",
    questions: [
        (id: "mot", prompt: "Có bao nhiêu khâu đột phá?",
         answer: SingleChoice(choices: ["2", "3", "4"], answer: 1),
         explanation: "3 khâu đột phá.", source: (anchor: "p5", quote: "3 khâu đột phá")),
        (id: "nhieu", prompt: "Những cụm từ nào có trong phương châm?",
         answer: MultipleChoice(choices: ["Đoàn kết", "Đổi mới", "Dân chủ"], answers: [0, 2]),
         source: (anchor: "p9", quote: "Đoàn kết - Dân chủ")),
        (id: "dung-sai", prompt: "Hội nghị tổ chức trực tuyến.", answer: TrueFalse(true),
         source: (anchor: "p1", quote: "Hội nghị trực tuyến")),
        (id: "dien", prompt: "Điền vào chỗ trống.",
         answer: FillBlank(text: "“Đoàn kết - ___ - Kỷ cương”", blanks: [["Dân chủ"]]),
         source: (anchor: "p9", quote: "Đoàn kết - Dân chủ - Kỷ cương")),
        (id: "so", prompt: "Gần bao nhiêu cán bộ tham dự?", answer: Numeric(answer: 12000, unit: "cán bộ"),
         source: (anchor: "p3", quote: "gần 12.000 cán bộ")),
        (id: "thu-tu", prompt: "Xếp theo thứ tự.", answer: Ordering(["Đoàn kết", "Dân chủ", "Kỷ cương"]),
         source: (anchor: "p9", quote: "Đoàn kết - Dân chủ - Kỷ cương")),
        (id: "ghep", prompt: "Ghép đôi.",
         answer: Matching([("20", "chỉ tiêu chủ yếu"), ("3", "khâu đột phá"), ("14", "nhóm nhiệm vụ")]),
         source: (anchor: "p5", quote: "20 chỉ tiêu chủ yếu")),
    ],
)"#;

const ONLY_ORDER: &str = r#"QuestionSet(
    format: 1,
    title: "Chỉ sắp xếp",
    document: "ha-noi-hoc-tap-nghi-quyet-xvii-2020",
    questions: [
        (id: "thu-tu", prompt: "Xếp theo thứ tự.", answer: Ordering(["Đoàn kết", "Dân chủ", "Kỷ cương"]),
         source: (anchor: "p9", quote: "Đoàn kết - Dân chủ - Kỷ cương")),
    ],
)"#;

fn harness(home: &Path, width: f32) -> Harness<'static, App> {
    let sets = Paths::under(home).user_sets_dir();
    std::fs::create_dir_all(&sets).unwrap();
    std::fs::write(sets.join("bay-kieu.ron"), SEVEN).unwrap();
    let app = App::new(common::startup_with_learner(home, None));
    let mut harness = Harness::builder()
        .with_size([width, 900.0])
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run_steps(3);
    harness
}

/// Opens the practice screen and starts the seven-question set, in order.
fn start_seven(h: &mut Harness<'_, App>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    step(h);
    assert_eq!(h.state().screen(), Screen::Practice);
    // Only the test set, all questions, in file order.
    h.get_by_label_contains("Nghị quyết Đại hội XVII Đảng bộ thành phố Hà Nội — những điểm chính")
        .click();
    step(h);
    click(h, "Tất cả");
    h.get_by_label("Xáo trộn thứ tự câu hỏi và lựa chọn")
        .click();
    step(h);
    click(h, "▶ Bắt đầu luyện tập");
    h.get_by_label("Câu 1 / 7");
}

/// The answer's text field (the search box in the toolbar comes first).
fn answer_field<'a>(h: &'a Harness<'_, App>) -> egui_kittest::Node<'a> {
    h.get_all_by_role(Role::TextInput).last().unwrap()
}

fn current_verdict(h: &Harness<'_, App>) -> Option<Verdict> {
    let round = h.state().practice().round()?;
    round
        .attempts
        .get(round.current)?
        .as_ref()
        .map(|a| a.grade.verdict)
}

fn current_layout(h: &Harness<'_, App>) -> nghiquyet::quiz::practice::Layout {
    let round = h.state().practice().round().unwrap();
    round.items[round.current].layout.clone()
}

fn number_key(n: usize) -> Key {
    [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5][n]
}

fn letter_key(n: usize) -> Key {
    [Key::A, Key::B, Key::C, Key::D, Key::E][n]
}

#[test]
fn every_question_type_can_be_answered_with_the_keyboard_alone() {
    let home = tempfile::tempdir().unwrap();
    let mut h = harness(home.path(), 1000.0);
    start_seven(&mut h);

    // 1. Single choice: key 2 (or B) picks "3".
    press(&mut h, Key::Num2);
    press(&mut h, Key::Enter);
    assert_eq!(current_verdict(&h), Some(Verdict::Right));
    h.get_by_label("✔ Đúng!");
    h.get_by_label("3 khâu đột phá.");
    press(&mut h, Key::Enter);

    // 2. Multiple choice: keys A and C tick two choices.
    h.get_by_label("Câu 2 / 7");
    press(&mut h, Key::A);
    press(&mut h, Key::C);
    press(&mut h, Key::Enter);
    assert_eq!(current_verdict(&h), Some(Verdict::Right));
    press(&mut h, Key::Enter);

    // 3. True/false: key 1 is "Đúng".
    press(&mut h, Key::Num1);
    press(&mut h, Key::Enter);
    assert_eq!(current_verdict(&h), Some(Verdict::Right));
    press(&mut h, Key::Enter);

    // 4. Fill in the blank: the field has the focus; typed without tone marks.
    h.get_by_label("Câu 4 / 7");
    let field = answer_field(&h);
    assert!(field.is_focused(), "the blank gets the keyboard focus");
    field.type_text("dan chu");
    step(&mut h);
    press(&mut h, Key::Enter);
    assert_eq!(current_verdict(&h), Some(Verdict::RightWithNote));
    h.get_by_label("Bạn viết “dan chu”; viết đúng là “Dân chủ”.");
    press(&mut h, Key::Enter);

    // 5. Numeric, with the Vietnamese thousands separator.
    answer_field(&h).type_text("12.000");
    step(&mut h);
    press(&mut h, Key::Enter);
    assert_eq!(current_verdict(&h), Some(Verdict::Right));
    press(&mut h, Key::Enter);

    // 6. Ordering: a number key picks an item, Up moves it.
    h.get_by_label("Câu 6 / 7");
    let mut order = current_layout(&h).items;
    for target in 0..order.len() {
        let at = order.iter().position(|&i| i == target).unwrap();
        press(&mut h, number_key(at));
        for k in (target..at).rev() {
            press(&mut h, Key::ArrowUp);
            order.swap(k, k + 1);
        }
    }
    press(&mut h, Key::Enter);
    assert_eq!(current_verdict(&h), Some(Verdict::Right));
    press(&mut h, Key::Enter);

    // 7. Matching: a number key picks the row, a letter its match.
    h.get_by_label("Câu 7 / 7");
    let rights = current_layout(&h).rights;
    for row in 0..rights.len() {
        press(&mut h, number_key(row));
        let letter = rights.iter().position(|&r| r == row).unwrap();
        press(&mut h, letter_key(letter));
    }
    press(&mut h, Key::Enter);
    assert_eq!(current_verdict(&h), Some(Verdict::Right));
    press(&mut h, Key::Enter);

    h.get_by_label("Kết quả luyện tập");
    h.get_by_label("Đúng 7 / 7 câu — 100%");
    h.get_by_label("Bạn đã trả lời đúng tất cả các câu. Rất tốt!");
}

#[test]
fn every_question_type_can_be_answered_with_the_mouse_alone() {
    let home = tempfile::tempdir().unwrap();
    let mut h = harness(home.path(), 1000.0);
    start_seven(&mut h);

    click(&mut h, "B. 3");
    click(&mut h, "Trả lời (Enter)");
    assert_eq!(current_verdict(&h), Some(Verdict::Right));
    click(&mut h, "Câu tiếp theo (Enter) ➡");

    click(&mut h, "☐ A. Đoàn kết");
    click(&mut h, "☐ C. Dân chủ");
    click(&mut h, "Trả lời (Enter)");
    assert_eq!(current_verdict(&h), Some(Verdict::Right));
    click(&mut h, "Câu tiếp theo (Enter) ➡");

    // A wrong answer, to see the feedback.
    click(&mut h, "2. Sai");
    click(&mut h, "Trả lời (Enter)");
    assert_eq!(current_verdict(&h), Some(Verdict::Wrong));
    h.get_by_label("✖ Chưa đúng");
    h.get_by_label("Đáp án đúng: Đúng");
    click(&mut h, "Câu tiếp theo (Enter) ➡");

    answer_field(&h).click();
    step(&mut h);
    answer_field(&h).type_text("Dân chủ");
    step(&mut h);
    click(&mut h, "Trả lời (Enter)");
    assert_eq!(current_verdict(&h), Some(Verdict::Right));
    click(&mut h, "Câu tiếp theo (Enter) ➡");

    answer_field(&h).click();
    step(&mut h);
    answer_field(&h).type_text("12 000");
    step(&mut h);
    click(&mut h, "Trả lời (Enter)");
    assert_eq!(current_verdict(&h), Some(Verdict::Right));
    click(&mut h, "Câu tiếp theo (Enter) ➡");

    // Ordering with the ⏶ buttons (those below the toolbar belong to the items).
    let mut order = current_layout(&h).items;
    let toolbar_bottom = h.get_by_label("Câu 6 / 7").rect().top();
    for target in 0..order.len() {
        let mut at = order.iter().position(|&i| i == target).unwrap();
        while at > target {
            let ups: Vec<_> = h
                .get_all_by_label("⏶")
                .filter(|n| n.rect().top() > toolbar_bottom)
                .collect();
            // Row 0 has no working "up" button but is still listed.
            ups[at].click();
            step(&mut h);
            order.swap(at - 1, at);
            at -= 1;
        }
    }
    assert_eq!(order, [0, 1, 2]);
    click(&mut h, "Trả lời (Enter)");
    assert_eq!(current_verdict(&h), Some(Verdict::Right));
    click(&mut h, "Câu tiếp theo (Enter) ➡");

    // Matching: the letter buttons of each row, rows top to bottom.
    let rights = current_layout(&h).rights;
    for row in 0..rights.len() {
        let letter = rights.iter().position(|&r| r == row).unwrap();
        let name = ["A", "B", "C"][letter];
        h.get_all_by_label(name).nth(row).unwrap().scroll_to_me();
        step(&mut h);
        h.get_all_by_label(name).nth(row).unwrap().click();
        step(&mut h);
    }
    click(&mut h, "Trả lời (Enter)");
    assert_eq!(current_verdict(&h), Some(Verdict::Right));
    click(&mut h, "Xem kết quả (Enter) ➡");

    h.get_by_label("Đúng 6 / 7 câu — 86%");
    h.get_by_label("Hội nghị tổ chức trực tuyến.");
    click(&mut h, "Luyện lại các câu chưa đúng");
    h.get_by_label("Câu 1 / 1");
    h.get_by_label("Hội nghị tổ chức trực tuyến.");
}

#[test]
fn show_in_text_opens_the_reader_at_the_passage_and_comes_back() {
    let home = tempfile::tempdir().unwrap();
    let mut h = harness(home.path(), 1000.0);
    start_seven(&mut h);
    press(&mut h, Key::Num1);
    press(&mut h, Key::Enter);
    assert_eq!(current_verdict(&h), Some(Verdict::Wrong));
    h.get_by_label("Đáp án đúng: 3");
    h.get_by_label("“3 khâu đột phá”");
    click(&mut h, "📖 Xem trong văn bản");
    h.run_steps(3);

    // A narrow window switches to the reader, with the passage marked and in view.
    assert_eq!(h.state().screen(), Screen::Reader);
    let (block, range) = h.state().focused_passage().cloned().unwrap();
    let text = &h.state().document().blocks[block].text;
    assert_eq!(&text[range], "3 khâu đột phá");
    assert_eq!(h.state().document().blocks[block].anchor.to_string(), "p5");
    let paragraph = h.get_by_label_contains("đã quán triệt, nêu bật tư tưởng cốt lõi");
    assert!(paragraph.rect().intersects(h.ctx.content_rect()));

    click(&mut h, "⬅ Quay lại câu hỏi");
    assert_eq!(h.state().screen(), Screen::Practice);
    h.get_by_label("Câu 1 / 7");
}

#[test]
fn a_wide_window_shows_the_quiz_and_the_text_side_by_side() {
    let home = tempfile::tempdir().unwrap();
    let mut h = harness(home.path(), 1400.0);
    start_seven(&mut h);
    // Beside the question, the text's place (covered until it is answered).
    h.get_by_label_contains("Văn bản sẽ hiện ở đây");
    press(&mut h, Key::Num2);
    press(&mut h, Key::Enter);
    // Answered: the text is there beside it, at the passage.
    h.get_by_label_contains("5 định hướng lớn và nhiệm vụ trọng tâm; 3 khâu đột phá");
    click(&mut h, "📖 Xem trong văn bản");
    assert_eq!(h.state().screen(), Screen::Practice, "no need to switch");
    assert!(h.state().focused_passage().is_some());
}

#[test]
fn broken_set_files_are_listed_and_the_rest_still_load() {
    let home = tempfile::tempdir().unwrap();
    let sets = Paths::under(home.path()).user_sets_dir();
    std::fs::create_dir_all(&sets).unwrap();
    std::fs::write(sets.join("hong.ron"), "QuestionSet(format: 1,").unwrap();
    let mut h = harness(home.path(), 1000.0);
    let loaded = h
        .state()
        .library()
        .sets
        .iter()
        .filter(|s| s.origin != SetOrigin::Generated)
        .count();
    assert_eq!(loaded, 2, "the bundled and the good user set");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    step(&mut h);
    h.get_by_label_contains("Tệp câu hỏi bị lỗi, chưa dùng được (1)");
    h.get_by_label_contains("hong.ron:1:22: tệp kết thúc giữa chừng");
    h.get_by_label_contains("Bảy kiểu câu hỏi");
}

#[test]
fn ordering_items_can_be_dragged_into_place() {
    let home = tempfile::tempdir().unwrap();
    let sets = Paths::under(home.path()).user_sets_dir();
    std::fs::create_dir_all(&sets).unwrap();
    std::fs::write(sets.join("sap-xep.ron"), ONLY_ORDER).unwrap();
    let mut h = harness(home.path(), 1000.0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    step(&mut h);
    h.get_by_label_contains("Nghị quyết Đại hội XVII Đảng bộ thành phố Hà Nội — những điểm chính")
        .click();
    step(&mut h);
    h.get_by_label_contains("Bảy kiểu câu hỏi").click();
    step(&mut h);
    h.get_by_label("Xáo trộn thứ tự câu hỏi và lựa chọn")
        .click();
    step(&mut h);
    click(&mut h, "▶ Bắt đầu luyện tập");
    h.get_by_label("Câu 1 / 1");

    let names = ["Đoàn kết", "Dân chủ", "Kỷ cương"];
    let mut order = current_layout(&h).items;
    for target in 0..names.len() {
        let at = order.iter().position(|&i| i == target).unwrap();
        if at == target {
            continue;
        }
        let from = h
            .get_by_label(&format!("{}. {}", at + 1, names[target]))
            .rect()
            .center();
        let to = h
            .get_by_label(&format!("{}. {}", target + 1, names[order[target]]))
            .rect()
            .center();
        h.drag_at(from);
        step(&mut h);
        h.hover_at(egui::pos2(from.x, (from.y + to.y) / 2.0));
        step(&mut h);
        h.drop_at(to);
        step(&mut h);
        let moved = order.remove(at);
        order.insert(target, moved);
        let round = h.state().practice().round().unwrap();
        assert!(round.attempts[0].is_none());
    }
    h.get_by_label("1. Đoàn kết");
    h.get_by_label("2. Dân chủ");
    h.get_by_label("3. Kỷ cương");
    click(&mut h, "Trả lời (Enter)");
    assert_eq!(current_verdict(&h), Some(Verdict::Right));
}

#[test]
fn the_text_beside_a_question_does_not_give_its_answer_away() {
    let home = tempfile::tempdir().unwrap();
    let mut h = harness(home.path(), 1300.0);
    start_seven(&mut h);
    let covered = "Văn bản sẽ hiện ở đây";
    let motto = "phương châm Đại hội “Đoàn kết - Dân chủ - Kỷ cương";
    // Question 2 asks what the motto holds: its passage must not be beside it.
    press(&mut h, Key::Num2);
    press(&mut h, Key::Enter);
    h.get_by_label_contains("5 định hướng lớn và nhiệm vụ trọng tâm; 3 khâu đột phá");
    press(&mut h, Key::Enter);
    h.get_by_label("Câu 2 / 7");
    h.get_by_label_contains(covered);
    assert!(
        h.query_by_label_contains(motto).is_none(),
        "the motto stood beside the question about it"
    );
    // Answered: the text turns to the question's own passage.
    press(&mut h, Key::A);
    press(&mut h, Key::C);
    press(&mut h, Key::Enter);
    h.run();
    assert!(h.query_by_label_contains(covered).is_none());
    h.get_by_label_contains(motto);
    // The next question covers it again (4 asks to fill in the motto).
    press(&mut h, Key::Enter);
    press(&mut h, Key::Num1);
    press(&mut h, Key::Enter);
    press(&mut h, Key::Enter);
    h.get_by_label("Câu 4 / 7");
    assert!(h.query_by_label_contains(motto).is_none());
}

#[test]
fn feedback_says_right_and_wrong_in_words_not_only_in_colour() {
    let home = tempfile::tempdir().unwrap();
    let mut h = harness(home.path(), 1000.0);
    start_seven(&mut h);
    // A wrong pick: the right choice and the pick are named as such.
    press(&mut h, Key::Num1);
    press(&mut h, Key::Enter);
    assert_eq!(current_verdict(&h), Some(Verdict::Wrong));
    h.get_by_label_contains("B. 3   — Đáp án đúng");
    h.get_by_label_contains("A. 2   — Bạn chọn");
    // The quote once in quotation marks.
    assert!(h.query_by_label_contains("““").is_none());
    press(&mut h, Key::Enter);
    press(&mut h, Key::A);
    press(&mut h, Key::Enter);
    press(&mut h, Key::Enter);
    press(&mut h, Key::Num1);
    press(&mut h, Key::Enter);
    press(&mut h, Key::Enter);
    // A blank filled wrongly says what it should be, beside it.
    h.get_by_label("Câu 4 / 7");
    answer_field(&h).type_text("Kỷ cương");
    step(&mut h);
    press(&mut h, Key::Enter);
    h.get_by_label_contains("phải là “Dân chủ”");
}
