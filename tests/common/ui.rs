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
