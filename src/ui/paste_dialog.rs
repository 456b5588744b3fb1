//! "Dán văn bản": text copied from an e-mail or a web page, opened as a
//! document of its own. The dialog shows what will be opened and lets the
//! user give it a title (the first line, to begin with).

use egui::{Id, RichText};

use super::icons;
use super::look::Look;
use crate::i18n::fill;
use crate::workspace::pasted_title;

pub enum PasteOutcome {
    Open { title: String, text: String },
    Cancel,
}

pub struct PasteDialog {
    title: String,
    text: String,
    paragraphs: usize,
    chars: usize,
    focused: bool,
}

impl PasteDialog {
    pub fn new(text: String) -> PasteDialog {
        let paragraphs = text.split("\n\n").filter(|p| !p.trim().is_empty()).count();
        PasteDialog {
            title: pasted_title(&text),
            paragraphs: paragraphs.max(1),
            chars: text.trim().chars().count(),
            text,
            focused: false,
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context, look: &Look) -> Option<PasteOutcome> {
        let tr = look.tr;
        let mut outcome = None;
        let width = (ctx.content_rect().width() * 0.6).clamp(320.0, 760.0);
        let modal = egui::Modal::new(Id::unique("paste-dialog")).show(ctx, |ui| {
            ui.set_width(width);
            ui.heading(tr.paste_title);
            ui.add_space(6.0);
            let label = ui.label(tr.paste_name);
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.title)
                        .desired_width(ui.available_width())
                        .return_key(None),
                )
                .labelled_by(label.id);
            if !std::mem::replace(&mut self.focused, true) {
                field.request_focus();
            }
            let enter = field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.add_space(6.0);
            ui.label(
                RichText::new(fill(
                    tr.paste_size,
                    &[("paragraphs", &self.paragraphs), ("chars", &self.chars)],
                ))
                .color(look.palette.muted),
            );
            ui.add_space(look.em(0.5));
            ui.horizontal(|ui| {
                let open = ui.button(
                    RichText::new(format!("{} {}", icons::OPEN_BOOK, tr.paste_open)).strong(),
                );
                if open.clicked() || enter {
                    outcome = Some(PasteOutcome::Open {
                        title: self.title.clone(),
                        text: self.text.clone(),
                    });
                }
                if ui.button(tr.cancel).clicked() {
                    outcome = Some(PasteOutcome::Cancel);
                }
            });
        });
        if outcome.is_none() && modal.should_close() {
            outcome = Some(PasteOutcome::Cancel);
        }
        outcome
    }
}
