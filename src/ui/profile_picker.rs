//! "Who is studying?": choose a learner or add one. Shown on first start,
//! and whenever the learner is changed from the toolbar.

use egui::{Id, RichText};

use super::icons;
use crate::i18n::Strings;
use crate::progress::profiles::ProfileInfo;

/// What the user chose, once.
#[derive(Clone, Debug, PartialEq)]
pub enum PickerOutcome {
    /// An existing profile, by folder name.
    Choose(String),
    /// A new profile with this name.
    Create(String),
    Later,
}

#[derive(Default)]
pub struct ProfilePicker {
    name: String,
    /// Why the last choice did not work (name taken, profile in use, …).
    message: Option<String>,
    focused: bool,
}

impl ProfilePicker {
    pub fn set_message(&mut self, message: String) {
        self.message = Some(message);
    }

    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        tr: &Strings,
        profiles: &[ProfileInfo],
        problems: &[String],
        current: Option<&str>,
    ) -> Option<PickerOutcome> {
        let mut outcome = None;
        let width = (ctx.content_rect().width() * 0.6).clamp(320.0, 760.0);
        let modal = egui::Modal::new(Id::unique("profile-picker")).show(ctx, |ui| {
            ui.set_width(width);
            ui.heading(tr.profile_picker_title);
            ui.label(tr.profile_picker_intro);
            if let Some(message) = &self.message {
                ui.add_space(6.0);
                ui.colored_label(ui.visuals().error_fg_color, message);
            }
            // What is in the profiles folder but cannot be listed: said, not hidden.
            for problem in problems {
                ui.add_space(6.0);
                ui.colored_label(ui.visuals().warn_fg_color, problem);
            }
            ui.add_space(10.0);
            for profile in profiles {
                let chosen = current == Some(profile.slug.as_str());
                let text = RichText::new(format!("{} {}", icons::PERSON, profile.name)).strong();
                let button = egui::Button::selectable(chosen, text)
                    .min_size(egui::vec2(ui.available_width(), 0.0));
                if ui.add(button).clicked() {
                    outcome = Some(PickerOutcome::Choose(profile.slug.clone()));
                }
            }
            if !profiles.is_empty() {
                ui.add_space(6.0);
                ui.separator();
            }
            let label = ui.label(tr.profile_name_label);
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.name)
                        .desired_width(ui.available_width())
                        .return_key(None),
                )
                .labelled_by(label.id);
            if !std::mem::take(&mut self.focused) && profiles.is_empty() {
                field.request_focus();
            }
            self.focused = true;
            let enter = field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let create = ui.button(
                    RichText::new(format!("{} {}", icons::START, tr.profile_create)).strong(),
                );
                if create.clicked() || enter {
                    outcome = Some(PickerOutcome::Create(self.name.clone()));
                }
                if ui.button(tr.profile_later).clicked() {
                    outcome = Some(PickerOutcome::Later);
                }
            });
        });
        if outcome.is_none() && modal.should_close() {
            outcome = Some(PickerOutcome::Later);
        }
        outcome
    }
}
