//! The reader's side panel: the document's key points grouped by kind; a
//! click shows the sentence in the text, marked.
//!
//! A long document has tens of thousands of key points, so the list is drawn
//! as rows of one line each, and only the visible rows are laid out.

use std::ops::Range;

use egui::RichText;

use super::icons;
use super::progress_screen::{level_look, level_mark};
use crate::i18n::{Strings, fill};
use crate::keypoints::{Group, KeyPoint};
use crate::progress::mastery::{Level, Mastery};

/// Lists up to this many rows are laid out whole, each key point in full;
/// longer ones (a long law has tens of thousands) only the rows in view,
/// one line each.
const WRAP_UP_TO: usize = 600;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Row {
    /// A group's heading and how many key points it has.
    Header(Group, usize),
    /// A key point, by index.
    Item(usize),
}

pub struct KeyPointsPanel {
    /// Which groups are open, in [`Group::ALL`] order.
    open: [bool; 5],
    rows: Vec<Row>,
    /// What `rows` was built for: the number of key points and the open groups.
    built_for: Option<(usize, [bool; 5])>,
}

impl Default for KeyPointsPanel {
    fn default() -> Self {
        Self {
            open: [true; 5],
            rows: Vec::new(),
            built_for: None,
        }
    }
}

fn group_title(tr: &Strings, group: Group) -> &'static str {
    match group {
        Group::Counts => tr.kp_counts,
        Group::Times => tr.kp_times,
        Group::Quotes => tr.kp_quotes,
        Group::People => tr.kp_people,
        Group::Statements => tr.kp_statements,
    }
}

impl KeyPointsPanel {
    fn rebuild_rows(&mut self, points: &[KeyPoint]) {
        let key = (points.len(), self.open);
        if self.built_for != Some(key) {
            self.rows.clear();
            for (g, group) in Group::ALL.into_iter().enumerate() {
                let members: Vec<usize> = (0..points.len())
                    .filter(|&i| points[i].detail.group() == group)
                    .collect();
                if members.is_empty() {
                    continue;
                }
                self.rows.push(Row::Header(group, members.len()));
                if self.open[g] {
                    self.rows.extend(members.into_iter().map(Row::Item));
                }
            }
            self.built_for = Some(key);
        }
    }

    /// Draws the list (`None`: still being found); returns the passage
    /// (block, byte range) the user clicked. With the learner's `mastery` of
    /// each key point, each item carries a coloured mark, and a legend says
    /// what the colours mean. The key point the reader shows (`shown`) is
    /// highlighted.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        points: Option<&[KeyPoint]>,
        mastery: Option<&[Mastery]>,
        shown: Option<&(usize, Range<usize>)>,
        tr: &Strings,
    ) -> Option<(usize, Range<usize>)> {
        let palette = super::style::palette(ui.visuals().dark_mode);
        let mut clicked = None;
        ui.heading(tr.kp_title);
        ui.add_space(4.0);
        let Some(points) = points else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr.kp_working);
            });
            return None;
        };
        if points.is_empty() {
            ui.label(tr.kp_none);
            return None;
        }
        if mastery.is_some() {
            legend(ui, &palette, tr);
            ui.add_space(4.0);
        }
        let row_height =
            ui.text_style_height(&egui::TextStyle::Button) + ui.spacing().button_padding.y * 2.0;
        self.rebuild_rows(points);
        // Taken out while drawn (the rows borrow nothing), put back after.
        let rows = std::mem::take(&mut self.rows);
        let mut toggle = None;
        // A key point's row; `wrap`: its words in full, on as many lines
        // as they need.
        let open = self.open;
        let mut draw = |ui: &mut egui::Ui, row: Row, wrap: bool| {
            match row {
                Row::Header(group, count) => {
                    let g = Group::ALL.iter().position(|x| *x == group).unwrap_or(0);
                    let marker = if open[g] { icons::NEXT } else { icons::START };
                    let text =
                        RichText::new(format!("{marker} {} ({count})", group_title(tr, group)))
                            .strong();
                    if ui.add(egui::Button::new(text).frame(false)).clicked() {
                        toggle = Some(g);
                    }
                }
                Row::Item(i) => {
                    let point = &points[i];
                    ui.horizontal(|ui| {
                        ui.add_space(row_height * 0.6);
                        if let Some(m) = mastery.and_then(|m| m.get(i)) {
                            let (_, words) = level_look(m.level(), &palette, tr);
                            let tip = fill(
                                tr.kp_mark_tooltip,
                                &[("level", &words), ("met", &m.met), ("total", &m.total)],
                            );
                            level_mark(ui, m.level(), &palette, tr).on_hover_text(tip);
                        }
                        // A label, so the text starts at the left like a list.
                        let selected = shown.is_some_and(|(block, range)| {
                            *block == point.block && *range == point.range
                        });
                        let summary = point.summary();
                        let mut text = RichText::new(&summary);
                        if selected {
                            text = text.strong().background_color(palette.focus);
                        }
                        let item = egui::Label::new(text).sense(egui::Sense::click());
                        // In full where the list is short enough to lay out
                        // whole; on one line in a very long one.
                        let item = if wrap { item.wrap() } else { item.truncate() };
                        let hover = format!("{summary} ({})", point.anchor);
                        let response = ui.add(item).on_hover_cursor(egui::CursorIcon::PointingHand);
                        response.widget_info(|| {
                            egui::WidgetInfo::selected(egui::Role::Button, true, selected, &summary)
                        });
                        if response.on_hover_text(hover).clicked() {
                            clicked = Some((point.block, point.range.clone()));
                        }
                    });
                }
            }
        };
        let scroll = egui::ScrollArea::vertical()
            .id_salt("keypoints")
            .auto_shrink([false, false]);
        if rows.len() <= WRAP_UP_TO {
            scroll.show(ui, |ui| {
                for &row in &rows {
                    draw(ui, row, true);
                }
            });
        } else {
            scroll.show_rows(ui, row_height, rows.len(), |ui, visible| {
                for &row in &rows[visible] {
                    draw(ui, row, false);
                }
            });
        }
        self.rows = rows;
        if let Some(g) = toggle {
            self.open[g] = !self.open[g];
        }
        clicked
    }
}

/// What the marks' colours mean, wrapped to the panel: each mark as drawn
/// beside the key points, with its words (read once by a screen reader).
/// Each pair is one widget, so a mark never ends a line without its words.
fn legend(ui: &mut egui::Ui, palette: &super::style::Palette, tr: &Strings) {
    ui.horizontal_wrapped(|ui| {
        for level in [Level::Unseen, Level::Weak, Level::Learning, Level::Strong] {
            let (color, words) = level_look(level, palette, tr);
            let font = egui::TextStyle::Body.resolve(ui.style());
            let galley = ui
                .painter()
                .layout_no_wrap(words.to_string(), font, palette.text);
            let dot = ui.text_style_height(&egui::TextStyle::Body);
            let size = egui::vec2(dot * 1.2 + galley.size().x, dot.max(galley.size().y));
            let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
            let center = egui::pos2(rect.left() + dot * 0.5, rect.center().y);
            let radius = dot * 0.32;
            if level == Level::Unseen {
                ui.painter()
                    .circle_stroke(center, radius, egui::Stroke::new(2.0, color));
            } else {
                ui.painter().circle_filled(center, radius, color);
            }
            let text_at = egui::pos2(
                rect.left() + dot * 1.2,
                rect.center().y - galley.size().y / 2.0,
            );
            ui.painter().galley(text_at, galley, palette.text);
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, words));
            ui.add_space(dot * 0.5);
        }
    });
}
