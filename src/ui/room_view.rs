//! What the projector shows of a session answered on phones: the lobby
//! with the QR code, the address, the PIN and who joined; the podium at the
//! end; the letters' colours shared with the phone page. The question, the
//! reveal and the leaderboard are the presenter's own views, given the
//! room's counts.

use egui::{Align2, Color32, FontId, RichText};

use super::presenter::{start_hint, text_at};
use crate::i18n::{Strings, fill};
use crate::workspace::Room;

/// Before the first question of a session with phones: the QR code, the
/// address and PIN to type, and who has joined (a click on a name takes
/// that player out). Returns the player clicked.
pub(super) fn lobby_view(
    ui: &mut egui::Ui,
    inner: egui::Rect,
    unit: f32,
    room: &Room,
    palette: &super::style::Palette,
    tr: &Strings,
) -> Option<u32> {
    let painter = ui.painter().clone();
    let start_height = unit * 2.0;
    let area = egui::Rect::from_min_max(
        inner.min,
        egui::pos2(inner.right(), inner.bottom() - start_height),
    );
    // The QR code on the left, as large as fits, on white with its quiet zone.
    let side = area.height().min(area.width() * 0.42);
    let qr_rect = egui::Rect::from_min_size(area.min, egui::vec2(side, side));
    let right = egui::Rect::from_min_max(
        egui::pos2(qr_rect.right() + unit * 1.2, area.top()),
        area.max,
    );
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(right)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    child.spacing_mut().item_spacing.y = unit * 0.3;
    child.label(
        RichText::new(tr.room_join_title)
            .size(unit * 1.5)
            .strong()
            .color(palette.text),
    );
    match &room.address {
        Some(address) => {
            painter.rect_filled(qr_rect, unit * 0.2, Color32::WHITE);
            // A frame, so the code's white stands out on a light page.
            painter.rect_stroke(
                qr_rect,
                unit * 0.2,
                egui::Stroke::new(1.0, palette.muted),
                egui::StrokeKind::Inside,
            );
            let quiet = 4.0;
            let cell = side / (address.qr.width as f32 + quiet * 2.0);
            for y in 0..address.qr.width {
                for x in 0..address.qr.width {
                    if address.qr.is_dark(x, y) {
                        let min = qr_rect.min
                            + egui::vec2((x as f32 + quiet) * cell, (y as f32 + quiet) * cell);
                        painter.rect_filled(
                            egui::Rect::from_min_size(min, egui::vec2(cell + 0.5, cell + 0.5)),
                            0.0,
                            Color32::BLACK,
                        );
                    }
                }
            }
            child.add(
                egui::Label::new(
                    RichText::new(tr.room_scan)
                        .size(unit * 0.9)
                        .color(palette.muted),
                )
                .wrap(),
            );
            child.label(
                RichText::new(&address.typed)
                    .size(unit * 1.7)
                    .strong()
                    .color(palette.text),
            );
            child.label(
                RichText::new(fill(tr.room_pin, &[("pin", &room.pin())]))
                    .size(unit * 1.7)
                    .strong()
                    .color(palette.accent),
            );
            if !address.others.is_empty() {
                child.label(
                    RichText::new(fill(
                        tr.room_others,
                        &[("addresses", &address.others.join(", "))],
                    ))
                    .size(unit * 0.8)
                    .color(palette.muted),
                );
            }
        }
        None => {
            painter.rect_stroke(
                qr_rect,
                unit * 0.2,
                egui::Stroke::new(unit * 0.15, palette.wrong),
                egui::StrokeKind::Inside,
            );
            child.add(
                egui::Label::new(
                    RichText::new(tr.room_no_network)
                        .size(unit * 1.0)
                        .color(palette.text),
                )
                .wrap(),
            );
        }
    }
    let joined = if room.plan.teams {
        tr.room_teams_joined
    } else {
        tr.room_joined
    };
    child.add_space(unit * 0.3);
    child.label(
        RichText::new(fill(joined, &[("n", &room.view.joined)]))
            .size(unit * 1.4)
            .strong()
            .color(palette.right),
    );
    // Newest first, as many as fit; a click takes a player out.
    let mut removed = None;
    if !room.view.names.is_empty() {
        child.label(
            RichText::new(tr.room_remove_hint)
                .size(unit * 0.7)
                .color(palette.muted),
        );
        let names_rect = egui::Rect::from_min_max(
            egui::pos2(right.left(), child.min_rect().bottom() + unit * 0.2),
            right.max,
        );
        // Whole names only, row by row; what does not fit is counted.
        let font = FontId::proportional(unit * 0.9);
        let gap = unit * 0.3;
        let row_height = unit * 1.5;
        let (mut x, mut y) = (names_rect.left(), names_rect.top());
        let count = room.view.names.len();
        for (shown, (id, name)) in room.view.names.iter().enumerate() {
            let width = painter
                .layout_no_wrap(name.clone(), font.clone(), palette.text)
                .size()
                .x
                + unit * 0.8;
            let width = width.min(names_rect.width());
            if x + width > names_rect.right() && x > names_rect.left() {
                x = names_rect.left();
                y += row_height + gap;
            }
            let last_row = y + (row_height + gap) * 2.0 > names_rect.bottom();
            if y + row_height > names_rect.bottom()
                || (last_row && x + width + unit * 6.0 > names_rect.right() && shown + 1 < count)
            {
                let more = fill(tr.room_more, &[("n", &(count - shown))]);
                text_at(
                    ui,
                    egui::pos2(x, y + row_height / 2.0),
                    Align2::LEFT_CENTER,
                    more,
                    unit * 0.9,
                    palette.muted,
                );
                break;
            }
            let button =
                egui::Button::new(RichText::new(name).size(unit * 0.9).color(palette.text))
                    .fill(palette.feedback_bg)
                    .corner_radius(unit * 0.3)
                    .truncate();
            let rect = egui::Rect::from_min_size(egui::pos2(x, y), egui::vec2(width, row_height));
            if ui.put(rect, button).clicked() {
                removed = Some(*id);
            }
            x += width + gap;
        }
    }
    start_hint(ui, inner, start_height, unit, tr.room_start, palette);
    removed
}

/// The end of a session with phones: the first three on a podium (the
/// names above their blocks, wrapped, never over the title), places four
/// to ten in two columns under it.
pub(super) fn podium(
    ui: &mut egui::Ui,
    rect: egui::Rect,
    leaders: &[(String, u32)],
    palette: &super::style::Palette,
    tr: &Strings,
) {
    let painter = ui.painter().clone();
    let unit = (rect.height() / 16.0).min(rect.width() / 30.0);
    let points = |p: u32| crate::numbers::group_digits(u64::from(p), tr.number_group);
    text_at(
        ui,
        rect.center_top(),
        Align2::CENTER_TOP,
        tr.session_final,
        unit * 1.6,
        palette.text,
    );
    let rest_rows = leaders.len().saturating_sub(3).div_ceil(2) as f32;
    let rest_height = rest_rows * unit * 1.25;
    let top = rect.top() + unit * 2.4;
    let base = rect.bottom() - rest_height - unit * 0.8;
    // Two lines of name and a line of points above the highest block.
    let label_height = unit * 3.4;
    let tallest = (base - top - label_height).max(unit * 2.0);
    let width = rect.width().min(unit * 30.0) / 3.0;
    // Second on the left, first in the middle, third on the right.
    let places = [(1usize, 0.0f32, 0.72f32), (0, 1.0, 1.0), (2, 2.0, 0.5)];
    for (place, column, height) in places {
        let Some((name, score)) = leaders.get(place) else {
            continue;
        };
        let left = rect.center().x - width * 1.5 + column * width;
        let block = egui::Rect::from_min_max(
            egui::pos2(left + unit * 0.2, base - tallest * height),
            egui::pos2(left + width - unit * 0.2, base),
        );
        let colour = [palette.right, palette.selection, palette.accent][place];
        painter.rect_filled(block, unit * 0.3, colour);
        let number = (unit * 2.2).min(block.height() * 0.8);
        text_at(
            ui,
            block.center(),
            Align2::CENTER_CENTER,
            (place + 1).to_string(),
            number,
            palette.page,
        );
        let mut label = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(egui::Rect::from_min_max(
                    egui::pos2(block.left(), block.top() - label_height),
                    egui::pos2(block.right(), block.top() - unit * 0.2),
                ))
                .layout(egui::Layout::bottom_up(egui::Align::Center)),
        );
        label.spacing_mut().item_spacing.y = unit * 0.1;
        label.label(
            RichText::new(fill(tr.session_points, &[("n", &points(*score))]))
                .size(unit * 0.9)
                .color(palette.muted),
        );
        label.add(
            egui::Label::new(
                RichText::new(name)
                    .size(unit * 1.05)
                    .strong()
                    .color(palette.text),
            )
            .halign(egui::Align::Center)
            .wrap(),
        );
    }
    // Four to ten: two columns, each line shortened rather than wrapped.
    let column_width = rect.width().min(unit * 30.0) / 2.0;
    let first_left = rect.center().x - column_width;
    for (i, (name, score)) in leaders.iter().enumerate().skip(3) {
        let k = i - 3;
        let row = (k % rest_rows.max(1.0) as usize) as f32;
        let column = (k / rest_rows.max(1.0) as usize) as f32;
        let cell = egui::Rect::from_min_size(
            egui::pos2(
                first_left + column * column_width + unit * 0.2,
                base + unit * 0.6 + row * unit * 1.25,
            ),
            egui::vec2(column_width - unit * 0.4, unit * 1.2),
        );
        ui.put(
            cell,
            egui::Label::new(
                RichText::new(fill(
                    tr.room_podium_more,
                    &[
                        ("rank", &(i + 1)),
                        ("name", name),
                        ("points", &points(*score)),
                    ],
                ))
                .size(unit * 0.85)
                .color(palette.text),
            )
            .truncate(),
        );
    }
}
