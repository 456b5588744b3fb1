//! Driving the window as a user would, for the UI tests (egui_kittest).

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use nghiquyet::ui::App;

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
