//! What a training session shows on the projector: the page before the
//! first question, a question with its countdown and (once revealed) its
//! answer, the teams' marks, the scoreboard and the keys. Drawn to the
//! size of the screen, in units of the screen's height, for the back of
//! the hall.

use egui::{Align2, Color32, FontId, RichText};

use super::icons;
use super::style::letter_colour;
use crate::classroom::live::RoomView;
use crate::classroom::training::{MAX_TEAMS, Stage, Training};
use crate::i18n::{Strings, fill};
use crate::quiz::{Answer, BLANK, correct_answer_text};

/// How the team keys are written on screen (see `session_screen::TEAM_KEYS`).
pub(super) const TEAM_KEY_NAMES: [&str; MAX_TEAMS] =
    ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "-", "="];

/// Before the first question: what the session is, the keys, and how to
/// start. No countdown runs yet.
pub(super) fn ready_view(
    ui: &mut egui::Ui,
    inner: egui::Rect,
    unit: f32,
    training: &Training,
    palette: &super::style::Palette,
    tr: &Strings,
) {
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(inner)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    child.spacing_mut().item_spacing.y = unit * 0.4;
    child.add(
        egui::Label::new(
            RichText::new(training.sets.join(" · "))
                .size(unit * 1.4)
                .color(palette.text)
                .strong(),
        )
        .wrap(),
    );
    let mut line = fill(tr.session_ready_questions, &[("n", &training.items.len())]);
    if training.plan.seconds > 0 {
        line.push_str(" · ");
        line.push_str(&fill(
            tr.session_ready_seconds,
            &[("n", &training.plan.seconds)],
        ));
    }
    child.label(RichText::new(line).size(unit).color(palette.muted));
    let top = child.min_rect().bottom() + unit * 0.5;
    let start_height = unit * 2.4;
    let keys = egui::Rect::from_min_max(
        egui::pos2(inner.left(), top),
        egui::pos2(inner.right(), inner.bottom() - start_height),
    );
    keys_box(ui, keys, unit, palette, tr);
    start_hint(
        ui,
        inner,
        start_height,
        unit * 1.1,
        tr.session_ready_start,
        palette,
    );
}

/// How to start, at the foot of the page before the first question.
pub(super) fn start_hint(
    ui: &mut egui::Ui,
    inner: egui::Rect,
    height: f32,
    size: f32,
    text: &str,
    palette: &super::style::Palette,
) {
    let start = egui::Rect::from_min_max(
        egui::pos2(inner.left(), inner.bottom() - height + size * 0.4),
        inner.max,
    );
    place_left(
        ui,
        start,
        egui::Label::new(
            RichText::new(format!("{} {text}", icons::START))
                .size(size)
                .color(palette.accent)
                .strong(),
        )
        .wrap(),
    );
}

/// The keys in a framed box, the type as large as fits the box.
pub(super) fn keys_box(
    ui: &mut egui::Ui,
    rect: egui::Rect,
    unit: f32,
    palette: &super::style::Palette,
    tr: &Strings,
) {
    let painter = ui.painter().clone();
    painter.rect_filled(rect, unit * 0.4, palette.feedback_bg);
    painter.rect_stroke(
        rect,
        unit * 0.4,
        egui::Stroke::new(2.0, palette.selection),
        egui::StrokeKind::Inside,
    );
    let inner = rect.shrink(unit * 0.6);
    let text = format!("{}\n{}", tr.session_keys_title, tr.session_keys);
    // Measured wrapped at the box's width, shrunk until it fits its height.
    let mut size = unit * 0.95;
    while size > 8.0 {
        let galley = painter.layout(
            text.clone(),
            FontId::proportional(size),
            palette.text,
            inner.width(),
        );
        if galley.size().y <= inner.height() * 0.95 {
            break;
        }
        size *= 0.92;
    }
    place_left(
        ui,
        inner,
        egui::Label::new(RichText::new(text).size(size).color(palette.text)).wrap(),
    );
}

/// A label in a rectangle, its lines flush left (the presentation's own
/// layout centres).
fn place_left(ui: &mut egui::Ui, rect: egui::Rect, label: egui::Label) {
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    child.add(label);
}

/// The question in very large type; once revealed, the right answer filled
/// in and marked, the others faded, the explanation and the passage large
/// enough for the back of the hall, and the team marks.
pub(super) fn question_view(
    ui: &mut egui::Ui,
    training: &Training,
    unit: f32,
    floor: f32,
    palette: &super::style::Palette,
    tr: &Strings,
    room: Option<&RoomView>,
) {
    let Some(item) = training.items.get(training.current) else {
        return;
    };
    let q = &item.question;
    let revealed = training.stage == Stage::Revealed;
    ui.spacing_mut().item_spacing.y = unit * 0.5;
    let big = |text: &str, size: f32, color: Color32| RichText::new(text).size(size).color(color);
    let prompt_size = unit * 1.6;
    if !q.prompt.is_empty() {
        ui.label(big(&q.prompt, prompt_size, palette.text).strong());
    }
    let faded = |c: Color32| c.gamma_multiply(0.4);
    // One choice (or item, or pair) in a frame: filled in and marked once
    // revealed as right, faded once revealed as wrong.
    // `words`: the words "Đáp án đúng" in the row (not in a list under
    // its own heading).
    // With phones: each letter in its colour (as on the phones), and once
    // revealed how many chose it, with a bar.
    let counts = room
        .filter(|r| !r.counts.is_empty())
        .map(|r| (&r.counts, r.answered));
    let row = |ui: &mut egui::Ui,
               mark: &str,
               text: &str,
               right: bool,
               words: bool,
               pos: Option<usize>| {
        let (fill_color, text_color, stroke) = if !revealed {
            (
                Color32::TRANSPARENT,
                palette.text,
                egui::Stroke::new(1.0, palette.muted),
            )
        } else if right {
            (
                palette.right,
                palette.page,
                egui::Stroke::new(unit * 0.15, palette.right),
            )
        } else {
            (
                Color32::TRANSPARENT,
                faded(palette.text),
                egui::Stroke::new(1.0, faded(palette.muted)),
            )
        };
        let badge = pos.filter(|_| room.is_some()).map(letter_colour);
        let chose = pos.and_then(|p| counts.map(|(c, all)| (c.get(p).copied().unwrap_or(0), all)));
        let framed = egui::Frame::new()
            .fill(fill_color)
            .inner_margin(unit * 0.3)
            .corner_radius(unit * 0.3)
            .stroke(stroke)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let line: egui::WidgetText = match badge {
                    Some((back, front)) => {
                        let font = FontId::proportional(unit * 1.25);
                        let mut job = egui::text::LayoutJob::default();
                        let (back, front) = if revealed && !right {
                            (faded(back), faded(front))
                        } else {
                            (back, front)
                        };
                        job.append(
                            &format!(" {} ", mark.trim_end_matches('.')),
                            0.0,
                            egui::TextFormat {
                                font_id: font.clone(),
                                color: front,
                                background: back,
                                ..Default::default()
                            },
                        );
                        job.append(
                            text,
                            unit * 0.5,
                            egui::TextFormat {
                                font_id: font,
                                color: text_color,
                                ..Default::default()
                            },
                        );
                        job.into()
                    }
                    None => big(&format!("{mark}  {text}"), unit * 1.25, text_color)
                        .strong()
                        .into(),
                };
                if revealed && let Some((n, _)) = chose {
                    let right_words = if right && words {
                        format!("{} {} · {n}", icons::RIGHT, tr.session_right_answer)
                    } else {
                        n.to_string()
                    };
                    egui::Sides::new().shrink_left().wrap().show(
                        ui,
                        |ui| ui.label(line),
                        |ui| {
                            let colour = if right { palette.page } else { palette.text };
                            ui.label(big(&right_words, unit * 1.25, colour).strong())
                        },
                    );
                } else if revealed && right && words {
                    egui::Sides::new().shrink_left().wrap().show(
                        ui,
                        |ui| ui.label(line),
                        |ui| {
                            ui.label(
                                big(
                                    &format!("{} {}", icons::RIGHT, tr.session_right_answer),
                                    unit * 1.0,
                                    text_color,
                                )
                                .strong(),
                            )
                        },
                    );
                } else {
                    ui.add(egui::Label::new(line).wrap());
                }
            });
        // The bar: the share of those who answered that chose it.
        if revealed && let (Some((n, all)), Some((colour, _))) = (chose, badge) {
            let rect = framed.response.rect;
            let share = n as f32 / all.max(1) as f32;
            let bar = egui::Rect::from_min_size(
                egui::pos2(rect.left() + unit * 0.15, rect.bottom() - unit * 0.3),
                egui::vec2((rect.width() - unit * 0.3) * share, unit * 0.22),
            );
            ui.painter().rect_filled(bar, 2.0, colour);
        }
    };
    let letter = |pos: usize| ((b'A' + pos as u8) as char).to_string();
    let heading = |ui: &mut egui::Ui, text: &str| {
        ui.label(
            big(
                &format!("{} {text}", icons::RIGHT),
                unit * 1.1,
                palette.right,
            )
            .strong(),
        );
    };
    // The line "Đáp án: …", for answers not shown by the rows themselves.
    let mut answer_line = false;
    match &q.answer {
        Answer::SingleChoice { choices, answer } => {
            for (pos, &c) in item.layout.choices.iter().enumerate() {
                row(
                    ui,
                    &format!("{}.", letter(pos)),
                    &choices[c],
                    c == *answer,
                    true,
                    Some(pos),
                );
            }
        }
        Answer::MultipleChoice { choices, answers } => {
            for (pos, &c) in item.layout.choices.iter().enumerate() {
                row(
                    ui,
                    &format!("{}.", letter(pos)),
                    &choices[c],
                    answers.contains(&c),
                    true,
                    Some(pos),
                );
            }
        }
        Answer::TrueFalse(value) => {
            row(ui, "A.", tr.practice_true, *value, true, Some(0));
            row(ui, "B.", tr.practice_false, !*value, true, Some(1));
        }
        Answer::FillBlank { text, .. } => {
            let mut n = 0;
            let shown: String = text
                .split(BLANK)
                .enumerate()
                .map(|(i, part)| {
                    if i == 0 {
                        part.to_string()
                    } else {
                        n += 1;
                        format!("(…{n}…){part}")
                    }
                })
                .collect();
            ui.label(big(&shown, unit * 1.3, palette.text));
            answer_line = true;
        }
        Answer::Numeric { .. } => answer_line = true,
        // Asked: the items lettered in their mixed order. Revealed: the
        // right order as a numbered column, each with its letter.
        Answer::Ordering(items) => {
            if revealed {
                heading(ui, tr.session_right_answer);
                for (rank, text) in items.iter().enumerate() {
                    let pos = item.layout.items.iter().position(|&i| i == rank);
                    let mark = match pos {
                        Some(pos) => format!("{}.  ({})", rank + 1, letter(pos)),
                        None => format!("{}.", rank + 1),
                    };
                    row(ui, &mark, text, true, false, None);
                }
            } else {
                for (pos, &i) in item.layout.items.iter().enumerate() {
                    row(
                        ui,
                        &format!("{}.", letter(pos)),
                        &items[i],
                        false,
                        false,
                        Some(pos),
                    );
                }
            }
        }
        // Asked: two columns, the left numbered in order, the right lettered
        // and mixed. Revealed: the pairs, "1 ➡ C".
        Answer::Matching(pairs) => {
            if revealed {
                heading(ui, tr.session_match_answer);
                for (i, (left, right)) in pairs.iter().enumerate() {
                    let pos = item.layout.rights.iter().position(|&r| r == i);
                    let mark = match pos {
                        Some(pos) => format!("{} {} {}", i + 1, icons::ARROW, letter(pos)),
                        None => format!("{}", i + 1),
                    };
                    row(ui, &mark, &format!("{left}  —  {right}"), true, false, None);
                }
            } else {
                ui.columns(2, |columns| {
                    columns[0].spacing_mut().item_spacing.y = unit * 0.5;
                    columns[1].spacing_mut().item_spacing.y = unit * 0.5;
                    for (i, (left, _)) in pairs.iter().enumerate() {
                        row(
                            &mut columns[0],
                            &format!("{}.", i + 1),
                            left,
                            false,
                            false,
                            None,
                        );
                    }
                    for (pos, &r) in item.layout.rights.iter().enumerate() {
                        if let Some((_, right)) = pairs.get(r) {
                            row(
                                &mut columns[1],
                                &format!("{}.", letter(pos)),
                                right,
                                false,
                                false,
                                Some(pos),
                            );
                        }
                    }
                });
            }
        }
    }
    if !revealed {
        return;
    }
    ui.add_space(unit * 0.3);
    if answer_line {
        let answer = correct_answer_text(&q.answer, tr.practice_true, tr.practice_false);
        egui::Frame::new()
            .fill(palette.right)
            .inner_margin(unit * 0.3)
            .corner_radius(unit * 0.3)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.add(
                    egui::Label::new(
                        big(
                            &format!(
                                "{} {}",
                                icons::RIGHT,
                                fill(tr.session_answer, &[("answer", &answer)])
                            ),
                            unit * 1.3,
                            palette.page,
                        )
                        .strong(),
                    )
                    .wrap(),
                );
            });
    }
    // The explanation at least 60% of the question's size, the quote
    // nearly as large, neither below the floor.
    if !q.explanation.is_empty() {
        ui.label(big(
            &q.explanation,
            (prompt_size * 0.62).max(floor),
            palette.text,
        ));
    }
    // The quote in quotation marks (once, if it has its own).
    let quote = q
        .source
        .quote
        .trim_matches(|c| matches!(c, '“' | '”' | '"'));
    ui.label(
        big(
            &format!("“{quote}” ({})", q.source.anchor),
            (prompt_size * 0.6).max(floor),
            palette.muted,
        )
        .italics(),
    );
    if training.has_teams() {
        ui.add_space(unit * 0.3);
        ui.label(big(tr.session_mark_hint, unit * 0.8, palette.muted));
        ui.horizontal_wrapped(|ui| {
            for (t, name) in training.plan.teams.iter().enumerate() {
                let right = training.scores[training.current][t];
                let text = format!(
                    "{} {name} {}",
                    TEAM_KEY_NAMES[t],
                    if right { icons::RIGHT } else { "" }
                );
                let fill_color = if right {
                    palette.right
                } else {
                    palette.feedback_bg
                };
                let text_color = if right { Color32::BLACK } else { palette.text };
                egui::Frame::new()
                    .fill(fill_color)
                    .inner_margin(unit * 0.3)
                    .corner_radius(unit * 0.3)
                    .show(ui, |ui| {
                        ui.label(big(text.trim_end(), unit * 0.95, text_color).strong());
                    });
            }
        });
    }
}

/// Text placed at a point, as a label (so screen readers and tests find it).
pub(super) fn text_at(
    ui: &mut egui::Ui,
    anchor: egui::Pos2,
    align: Align2,
    text: impl Into<String>,
    size: f32,
    color: Color32,
) {
    let text = text.into();
    let galley = ui
        .painter()
        .layout_no_wrap(text.clone(), FontId::proportional(size), color);
    let rect = align.anchor_size(anchor, galley.size());
    ui.place(
        rect,
        egui::Label::new(RichText::new(text).size(size).color(color)).extend(),
    );
}

/// Teams and their points as horizontal bars, best first.
pub(super) fn scoreboard(
    ui: &mut egui::Ui,
    rect: egui::Rect,
    title: &str,
    teams: &[String],
    totals: &[usize],
    palette: &super::style::Palette,
    tr: &Strings,
) {
    let painter = ui.painter().clone();
    let rows = teams.len().max(1) as f32;
    let unit = (rect.height() / (rows * 1.6 + 3.0))
        .min(rect.width() / 20.0)
        .min(60.0);
    text_at(
        ui,
        rect.center_top(),
        Align2::CENTER_TOP,
        title,
        unit * 1.6,
        palette.text,
    );
    let mut order: Vec<usize> = (0..teams.len()).collect();
    order.sort_by_key(|&t| (std::cmp::Reverse(totals[t]), t));
    let best = totals.iter().copied().max().unwrap_or(0).max(1);
    let name_width = rect.width() * 0.3;
    for (row, &t) in order.iter().enumerate() {
        let y = rect.top() + unit * 3.0 + row as f32 * unit * 1.6;
        let name_pos = egui::pos2(rect.left() + name_width, y + unit * 0.6);
        text_at(
            ui,
            name_pos,
            Align2::RIGHT_CENTER,
            &teams[t],
            unit,
            palette.text,
        );
        let bar_left = rect.left() + name_width + unit * 0.5;
        let bar_max = rect.right() - bar_left - unit * 5.0;
        let width = bar_max * totals[t] as f32 / best as f32;
        let bar = egui::Rect::from_min_size(
            egui::pos2(bar_left, y),
            egui::vec2(width.max(2.0), unit * 1.2),
        );
        painter.rect_filled(
            bar,
            4.0,
            if totals[t] == best && totals[t] > 0 {
                palette.right
            } else {
                palette.selection
            },
        );
        text_at(
            ui,
            egui::pos2(bar.right() + unit * 0.4, y + unit * 0.6),
            Align2::LEFT_CENTER,
            fill(
                tr.session_points,
                &[(
                    "n",
                    &crate::numbers::group_digits(totals[t] as u64, tr.number_group),
                )],
            ),
            unit,
            palette.text,
        );
    }
}
