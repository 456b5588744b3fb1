//! The reader's side panel: the document's key points grouped by kind; a
//! click shows the sentence in the text, marked.

use std::ops::Range;

use egui::RichText;

use crate::i18n::Strings;
use crate::keypoints::{Group, KeyPoint};

fn group_title(tr: &Strings, group: Group) -> &'static str {
    match group {
        Group::Counts => tr.kp_counts,
        Group::Times => tr.kp_times,
        Group::Quotes => tr.kp_quotes,
        Group::People => tr.kp_people,
        Group::Statements => tr.kp_statements,
    }
}

/// Draws the list; returns the passage (block, byte range) the user clicked.
pub fn ui(ui: &mut egui::Ui, points: &[KeyPoint], tr: &Strings) -> Option<(usize, Range<usize>)> {
    let mut clicked = None;
    ui.heading(tr.kp_title);
    ui.add_space(4.0);
    if points.is_empty() {
        ui.label(tr.kp_none);
        return None;
    }
    egui::ScrollArea::vertical()
        .id_salt("keypoints")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for group in Group::ALL {
                let in_group: Vec<&KeyPoint> = points
                    .iter()
                    .filter(|p| p.detail.group() == group)
                    .collect();
                if in_group.is_empty() {
                    continue;
                }
                let title =
                    RichText::new(format!("{} ({})", group_title(tr, group), in_group.len()))
                        .strong();
                egui::CollapsingHeader::new(title)
                    .id_salt(("kp-group", group))
                    .default_open(true)
                    .show(ui, |ui| {
                        for point in in_group {
                            let item = egui::Button::new(point.summary())
                                .wrap()
                                .frame(false)
                                .min_size(egui::vec2(ui.available_width(), 0.0));
                            if ui
                                .add(item)
                                .on_hover_text(point.anchor.to_string())
                                .clicked()
                            {
                                clicked = Some((point.block, point.range.clone()));
                            }
                            ui.separator();
                        }
                    });
            }
        });
    clicked
}
