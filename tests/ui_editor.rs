//! The set editor through the window: a set with one question of each type
//! written from scratch with the forms, checked live, undone and redone,
//! saved, reopened, and played in practice.

mod common;

use common::ui::{choose_path, click, press_button, step};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use nghiquyet::quiz::{Answer, Verdict};
use nghiquyet::ui::{App, Screen};

fn harness(home: &std::path::Path) -> Harness<'static, App> {
    let app = App::new(common::startup_with_learner(home, None));
    let mut h = Harness::builder()
        .with_size([1280.0, 1000.0])
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    h.run_steps(3);
    h
}

/// The one-line or multi-line field labelled `label`.
fn field<'a>(h: &'a Harness<'_, App>, label: &'a str) -> egui_kittest::Node<'a> {
    h.query_by_role_and_label(Role::TextInput, label)
        .or_else(|| h.query_by_role_and_label(Role::MultilineTextInput, label))
        .unwrap_or_else(|| panic!("no field {label}"))
}

/// Types into the field labelled `label` (replacing what is there).
fn type_into(h: &mut Harness<'_, App>, label: &str, text: &str) {
    field(h, label).scroll_to_me();
    h.run();
    field(h, label).focus();
    step(h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    field(h, label).type_text(text);
    step(h);
}

fn add(h: &mut Harness<'_, App>, kind: &str, prompt: &str) {
    click(h, kind);
    // A new question has no passage yet: the picker is open for one.
    pick_passage(h, "3 khâu đột phá");
    type_into(h, "Câu hỏi:", prompt);
}

/// Searches the document for `words` in the passage picker and takes the
/// first sentence found.
fn pick_passage(h: &mut Harness<'_, App>, words: &str) {
    type_into(h, "Tìm đoạn:", words);
    use egui_kittest::kittest::NodeT;
    let result = h
        .get_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.contains(" — ") && l.contains(words))
        .expect("a sentence with these words");
    click(h, &result);
    assert!(
        h.query_by_role_and_label(Role::TextInput, "Tìm đoạn:")
            .is_none()
    );
}

fn questions(h: &Harness<'_, App>) -> Vec<nghiquyet::quiz::Question> {
    h.state()
        .editor()
        .set()
        .map(|s| s.questions.clone())
        .unwrap_or_default()
}

#[test]
fn a_set_with_every_type_written_saved_reopened_and_practised() {
    let home = tempfile::tempdir().unwrap();
    let mut h = harness(home.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num6);
    step(&mut h);
    assert_eq!(h.state().screen(), Screen::Editor);
    type_into(&mut h, "Tên bộ câu hỏi mới:", "Bảy câu tự soạn");
    click(&mut h, "➕ Bộ câu hỏi mới");
    h.get_by_label("Chưa có câu hỏi nào. Hãy thêm một câu ở bên trái.");

    // Single choice: the checks speak up until it is complete.
    add(
        &mut h,
        "Chọn một đáp án",
        "Nghị quyết đề ra bao nhiêu khâu đột phá?",
    );
    h.get_by_label("Cần sửa:");
    // Each problem stands under its field: the empty choices under the choices.
    let warning = h.get_by_label("⚠ có lựa chọn để trống").rect();
    let last_choice = field(&h, "Lựa chọn 3:").rect();
    assert!(
        warning.top() >= last_choice.bottom(),
        "{warning:?} under {last_choice:?}"
    );
    type_into(&mut h, "Lựa chọn 1:", "2");
    type_into(&mut h, "Lựa chọn 2:", "3");
    type_into(&mut h, "Lựa chọn 3:", "4");
    h.get_all_by_label("đúng").nth(1).unwrap().click();
    step(&mut h);
    assert!(
        h.query_by_label("Cần sửa:").is_none(),
        "complete: no problems"
    );
    h.get_by_label("Xem trước (như người học thấy)");
    // The preview says which choice was saved as right.
    h.get_by_label("✔ Đáp án đúng: 3");
    h.get_all_by_label("đúng").nth(2).unwrap().click();
    step(&mut h);
    h.get_by_label("✔ Đáp án đúng: 4");
    h.get_all_by_label("đúng").nth(1).unwrap().click();
    step(&mut h);

    // Multiple choice: two right answers.
    add(
        &mut h,
        "Chọn nhiều đáp án",
        "Những cụm từ nào có trong phương châm Đại hội?",
    );
    type_into(&mut h, "Lựa chọn 1:", "Đoàn kết");
    type_into(&mut h, "Lựa chọn 2:", "Dân chủ");
    type_into(&mut h, "Lựa chọn 3:", "Hội nhập");
    h.get_all_by_label("đúng").nth(1).unwrap().click();
    step(&mut h);

    // True or false.
    add(&mut h, "Đúng hay sai", "Hội nghị được tổ chức trực tuyến.");

    // Fill in the blank: click a word of the passage to blank it out.
    add(&mut h, "Điền vào chỗ trống", "Điền vào chỗ trống.");
    let Answer::FillBlank { text, .. } = questions(&h).pop().unwrap().answer else {
        panic!("a fill-in");
    };
    let first = nghiquyet::editor::tokens(&text, &[]).remove(0);
    let shown = format!("{}{}{}", first.lead, first.word, first.trail);
    click(&mut h, &shown);
    let blank = questions(&h).pop().unwrap();
    assert!(
        matches!(&blank.answer, Answer::FillBlank { text, blanks } if text.starts_with(&format!("{}___", first.lead)) && blanks == &[vec![first.word.clone()]]),
        "{:?}",
        blank.answer
    );

    // A number with a tolerance.
    add(
        &mut h,
        "Trả lời bằng số",
        "Gần bao nhiêu cán bộ chủ chốt dự Hội nghị?",
    );
    type_into(&mut h, "Đáp số:", "12.000");
    type_into(&mut h, "Sai số cho phép:", "500");

    // Ordering.
    add(
        &mut h,
        "Sắp xếp theo thứ tự",
        "Xếp theo đúng thứ tự của phương châm.",
    );
    type_into(&mut h, "Mục 1:", "Đoàn kết");
    type_into(&mut h, "Mục 2:", "Dân chủ");
    type_into(&mut h, "Mục 3:", "Kỷ cương");

    // Matching.
    add(&mut h, "Ghép đôi", "Ghép đồng chí với chức vụ.");
    for (k, (left, right)) in [
        ("Vương Đình Huệ", "Bí thư Thành ủy"),
        ("Chu Ngọc Anh", "Chủ tịch UBND TP"),
        ("Nguyễn Văn Phong", "Phó Bí thư Thành ủy"),
    ]
    .iter()
    .enumerate()
    {
        type_into(&mut h, &format!("Vế trái {}:", k + 1), left);
        type_into(&mut h, &format!("Vế phải {}:", k + 1), right);
    }
    assert!(h.query_by_label("Cần sửa:").is_none());

    // Undo and redo.
    type_into(&mut h, "Câu hỏi:", "Sai đề");
    assert_eq!(questions(&h)[6].prompt, "Sai đề");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    step(&mut h);
    assert_eq!(questions(&h)[6].prompt, "Ghép đồng chí với chức vụ.");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    step(&mut h);
    assert_eq!(questions(&h)[6].prompt, "Sai đề");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    step(&mut h);

    // Saved, readable and valid.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    step(&mut h);
    let file = home.path().join("data/quizzes/bay-cau-tu-soan.ron");
    let saved = nghiquyet::quiz::load_set_file(&file).expect("a valid set");
    assert_eq!(saved.questions.len(), 7);
    let kinds: Vec<&str> = saved
        .questions
        .iter()
        .map(|q| q.answer.type_name())
        .collect();
    assert_eq!(
        kinds,
        [
            "SingleChoice",
            "MultipleChoice",
            "TrueFalse",
            "FillBlank",
            "Numeric",
            "Ordering",
            "Matching"
        ]
    );
    assert!(
        matches!(saved.questions[4].answer, Answer::Numeric { answer, tolerance, .. } if answer == 12000.0 && tolerance == 500.0)
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("QuestionSet(\n") && text.contains("        Question(\n"),
        "readable, one field per line"
    );
    drop(h);

    // Reopened: in the editor and in practice.
    let mut h = harness(home.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num6);
    step(&mut h);
    h.get_by_label("Bảy câu tự soạn");
    click(&mut h, "Sửa");
    assert_eq!(questions(&h).len(), 7);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    step(&mut h);
    h.get_by_label_contains("Nghị quyết Đại hội XVII Đảng bộ thành phố Hà Nội — những điểm chính")
        .click();
    step(&mut h);
    click(&mut h, "Tất cả");
    h.get_by_label("Xáo trộn thứ tự câu hỏi và lựa chọn")
        .click();
    step(&mut h);
    click(&mut h, "▶ Bắt đầu luyện tập");
    h.get_by_label("Câu 1 / 7");
    h.key_press(Key::Num2);
    step(&mut h);
    h.key_press(Key::Enter);
    step(&mut h);
    let round = h.state().practice().round().unwrap();
    assert_eq!(
        round.attempts[0].as_ref().unwrap().grade.verdict,
        Verdict::Right
    );
}

#[test]
fn a_question_is_started_from_a_passage_marked_in_the_reader() {
    let home = tempfile::tempdir().unwrap();
    let mut h = harness(home.path());
    // Mark a passage by finding it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    step(&mut h);
    h.get_all_by_role(Role::TextInput)
        .next()
        .unwrap()
        .type_text("khâu đột phá");
    step(&mut h);
    click(&mut h, "✚ Tạo câu hỏi từ đoạn này");
    assert_eq!(h.state().screen(), Screen::Editor);
    let q = questions(&h).pop().expect("a new question");
    assert!(q.source.quote.contains("3 khâu đột phá"), "{:?}", q.source);
    assert_eq!(q.source.anchor.to_string(), "p5.s1");
    // The bundled set cannot be changed, only copied.
    assert!(h.state().editor().has_unsaved_changes());
}

#[test]
fn a_new_questions_passage_is_picked_never_assumed() {
    let home = tempfile::tempdir().unwrap();
    let mut h = harness(home.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num6);
    step(&mut h);
    type_into(&mut h, "Tên bộ câu hỏi mới:", "Một câu");
    click(&mut h, "➕ Bộ câu hỏi mới");
    click(&mut h, "Đúng hay sai");
    type_into(&mut h, "Câu hỏi:", "Hội nghị được tổ chức trực tuyến.");
    // It was once silently the document's first sentence (a photo caption).
    assert!(questions(&h)[0].source.quote.is_empty());
    h.get_by_label("Cần sửa:");
    // The picker is open, and finds sentences.
    type_into(&mut h, "Tìm đoạn:", "Hội nghị");
    let picker = h.get_by_role_and_label(Role::TextInput, "Tìm đoạn:").rect();
    let results: Vec<egui::Rect> = h
        .get_all_by_role(Role::Button)
        .filter(|n| {
            use egui_kittest::kittest::NodeT;
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.contains(" — ") && l.contains("Hội nghị"))
        })
        .map(|n| n.rect())
        .filter(|r| r.top() > picker.bottom() && r.height() > 0.0)
        .collect();
    assert!(results.len() >= 2, "{results:?}");
    pick_passage(&mut h, "trực tuyến");
    assert!(!questions(&h)[0].source.quote.is_empty());
    assert!(h.query_by_label("Cần sửa:").is_none());
}

#[test]
fn a_typed_question_bank_is_imported_and_opened_with_its_answers_to_check() {
    let home = tempfile::tempdir().unwrap();
    let bank = home.path().join("ngan-hang.txt");
    std::fs::write(
        &bank,
        "Câu 1: Thủ đô là\nA. Huế\n*B. Hà Nội\nC. Vinh\n\
         Câu 2: Câu này thiếu đáp án\nA. Có\nB. Không\n\
         Câu 3. Một tuần có mấy ngày?\nA. Sáu\nB. Bảy\nĐáp án: B\n",
    )
    .unwrap();
    let mut h = harness(home.path());
    click(&mut h, "🖊 Soạn câu hỏi");
    // By keyboard: a click's release would land on the dialog's backdrop.
    press_button(&mut h, "📂 Nhập câu hỏi từ tệp Word hoặc văn bản…");
    h.get_by_label("Chọn tệp câu hỏi để nhập");
    choose_path(&mut h, &bank);
    h.get_by_label_contains("Đã nhập 2 câu hỏi từ ngan-hang.txt");
    h.get_by_label_contains("Không nhập được 1 câu:");
    h.get_by_label_contains("5: Câu 2: không nhập");
    assert_eq!(h.state().screen(), Screen::Editor);
    // The set is open in the editor, each answer there to confirm.
    h.get_by_label_contains("Đáp án đúng");
    let written = nghiquyet::paths::Paths::under(home.path())
        .user_sets_dir()
        .join("ngan-hang.ron");
    let set = nghiquyet::quiz::load_set_file(&written).expect("written, and passes check");
    assert_eq!(set.questions.len(), 2);
    assert!(matches!(
        set.questions[0].answer,
        Answer::SingleChoice { answer: 1, .. }
    ));
}
