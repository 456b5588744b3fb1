//! Driving the window as a user would, for the UI tests (egui_kittest).

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use nghiquyet::paths::Paths;
use nghiquyet::ui::App;

/// Three single-choice questions on key points of the bundled document.
pub const THREE: &str = r#"QuestionSet(
    format: 1,
    title: "Ba câu hỏi",
    document: "ha-noi-hoc-tap-nghi-quyet-xvii-2020",
    questions: [
        (id: "khau", prompt: "Có bao nhiêu khâu đột phá?",
         answer: SingleChoice(choices: ["2", "3", "4"], answer: 1),
         explanation: "Nghị quyết nêu 3 khâu đột phá.",
         source: (anchor: "p5", quote: "3 khâu đột phá")),
        (id: "chi-tieu", prompt: "Có bao nhiêu chỉ tiêu chủ yếu?",
         answer: SingleChoice(choices: ["20", "25", "30"], answer: 0),
         source: (anchor: "p5", quote: "20 chỉ tiêu chủ yếu")),
        (id: "nhiem-vu", prompt: "Có bao nhiêu nhóm nhiệm vụ, giải pháp chủ yếu?",
         answer: SingleChoice(choices: ["12", "14", "16"], answer: 1),
         source: (anchor: "p5", quote: "14 nhóm nhiệm vụ, giải pháp chủ yếu")),
    ],
)"#;

/// The app as a returning learner sees it in a `size` window, with these
/// question sets (file name, text) of the user's; each frame advances the
/// window's clock by `dt` seconds.
pub fn window(
    home: &std::path::Path,
    sets: &[(&str, &str)],
    size: [f32; 2],
    dt: f32,
) -> Harness<'static, App> {
    let dir = Paths::under(home).user_sets_dir();
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in sets {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let app = App::new(super::startup_with_learner(home, None));
    let mut h = Harness::builder()
        .with_size(size)
        .with_step_dt(dt)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    h.run_steps(3);
    h
}

/// Frames enough for an action to be applied and drawn (actions are
/// applied after the frame that asked for them).
pub fn step(h: &mut Harness<'_, App>) {
    h.run_steps(2);
}

/// A key pressed, and its effect drawn.
#[track_caller]
pub fn press(h: &mut Harness<'_, App>, key: Key) {
    h.key_press(key);
    step(h);
}

/// A click on what is labelled `label`, as a user would: scrolled into
/// view first, and clicked where it is drawn once the scrolling has
/// settled. (A fixed number of frames, not "until nothing moves": a
/// presenter's countdown never stops moving.)
#[track_caller]
pub fn click(h: &mut Harness<'_, App>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run_steps(4);
    h.get_by_label(label).click();
    step(h);
}

/// In the file chooser that is open: the path typed in its field, and
/// Enter.
pub fn choose_path(h: &mut Harness<'_, App>, path: &std::path::Path) {
    use egui::Modifiers;
    use egui::accesskit::Role;
    h.get_all_by_role(Role::TextInput).last().unwrap().focus();
    step(h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_all_by_role(Role::TextInput)
        .last()
        .unwrap()
        .type_text(&path.display().to_string());
    step(h);
    h.key_press(Key::Enter);
    h.run_steps(4);
}

/// A button pressed from the keyboard (focused, then Enter): a click's
/// release would land on the backdrop of the dialog it opens.
pub fn press_button(h: &mut Harness<'_, App>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run_steps(2);
    h.get_by_label(label).focus();
    step(h);
    h.key_press(Key::Enter);
    h.run_steps(3);
}
