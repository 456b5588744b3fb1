//! The question widgets shared by practice, exams, the presenter and the
//! editor's preview: an answer being put together ([`Draft`]), the answer
//! area for every question type (mouse and keyboard alike), the feedback
//! after answering, and the set and count choosers of the setup pages.
//! They draw with a [`Look`] and know nothing of the screen around them.

use std::collections::BTreeSet;

use egui::{Key, RichText, Sense, Stroke};

use super::Action;
use super::icons;
use super::look::Look;
use crate::i18n::{Strings, fill};
use crate::quiz::practice::Item;
use crate::quiz::{Answer, BLANK, Note, Response, SetOrigin, Verdict, correct_answer_text};

/// The learner's answer being put together, in screen positions.
#[derive(Default)]
pub(super) struct Draft {
    pub(super) choice: Option<usize>,
    pub(super) ticked: BTreeSet<usize>,
    pub(super) true_false: Option<bool>,
    pub(super) blanks: Vec<String>,
    pub(super) number: String,
    /// Indices into the right order, in the order shown now.
    pub(super) order: Vec<usize>,
    /// Per left-hand row, the screen position of the chosen right-hand item.
    pub(super) matches: Vec<Option<usize>>,
    /// The ordering item or matching row the keyboard works on.
    pub(super) selected: usize,
    pub(super) focus_first_field: bool,
}

impl Draft {
    pub(super) fn for_item(item: &Item) -> Draft {
        let mut draft = Draft {
            focus_first_field: true,
            ..Draft::default()
        };
        match &item.question.answer {
            Answer::FillBlank { blanks, .. } => draft.blanks = vec![String::new(); blanks.len()],
            Answer::Ordering(_) => draft.order = item.layout.items.clone(),
            Answer::Matching(pairs) => draft.matches = vec![None; pairs.len()],
            _ => {}
        }
        draft
    }

    /// The draft that gives `response` (an answer saved before, shown
    /// again after the app was closed).
    pub(super) fn of_response(item: &Item, response: &Response) -> Draft {
        let mut draft = Draft::for_item(item);
        draft.focus_first_field = false;
        let layout = &item.layout;
        let position = |list: &[usize], i: usize| list.iter().position(|&x| x == i);
        match response {
            Response::Choice(c) => draft.choice = c.and_then(|c| position(&layout.choices, c)),
            Response::Choices(cs) => {
                draft.ticked = cs
                    .iter()
                    .filter_map(|&c| position(&layout.choices, c))
                    .collect();
            }
            Response::TrueFalse(b) => draft.true_false = *b,
            Response::Blanks(texts) => {
                for (slot, text) in draft.blanks.iter_mut().zip(texts) {
                    slot.clone_from(text);
                }
            }
            Response::Number(n) => draft.number.clone_from(n),
            Response::Order(order) if order.len() == draft.order.len() => {
                draft.order.clone_from(order);
            }
            Response::Matches(ms) if ms.len() == draft.matches.len() => {
                draft.matches = ms
                    .iter()
                    .map(|m| m.and_then(|r| position(&layout.rights, r)))
                    .collect();
            }
            Response::Order(_) | Response::Matches(_) => {}
        }
        draft
    }

    pub(super) fn response(&self, item: &Item) -> Response {
        let layout = &item.layout;
        match &item.question.answer {
            Answer::SingleChoice { .. } => Response::Choice(self.choice.map(|p| layout.choices[p])),
            Answer::MultipleChoice { .. } => {
                Response::Choices(self.ticked.iter().map(|&p| layout.choices[p]).collect())
            }
            Answer::TrueFalse(_) => Response::TrueFalse(self.true_false),
            Answer::FillBlank { .. } => Response::Blanks(self.blanks.clone()),
            Answer::Numeric { .. } => Response::Number(self.number.clone()),
            Answer::Ordering(_) => Response::Order(self.order.clone()),
            Answer::Matching(_) => Response::Matches(
                self.matches
                    .iter()
                    .map(|m| m.map(|p| layout.rights[p]))
                    .collect(),
            ),
        }
    }

    /// Whether the learner has given something to grade.
    pub(super) fn is_ready(&self, item: &Item) -> bool {
        match &item.question.answer {
            Answer::SingleChoice { .. } => self.choice.is_some(),
            Answer::MultipleChoice { .. } => !self.ticked.is_empty(),
            Answer::TrueFalse(_) => self.true_false.is_some(),
            Answer::FillBlank { .. } => self.blanks.iter().any(|b| !b.trim().is_empty()),
            Answer::Numeric { .. } => !self.number.trim().is_empty(),
            Answer::Ordering(_) => true,
            Answer::Matching(_) => self.matches.iter().all(Option::is_some),
        }
    }
}

/// "A", "B", … for screen position `i`.
pub(super) fn letter(i: usize) -> char {
    (b'A' + (i % 26) as u8) as char
}

const NUMBER_KEYS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];
const LETTER_KEYS: [Key; 9] = [
    Key::A,
    Key::B,
    Key::C,
    Key::D,
    Key::E,
    Key::F,
    Key::G,
    Key::H,
    Key::I,
];

/// The first of `keys` pressed this frame, as a 0-based index (consumed).
/// Nothing while a text field has the keyboard.
fn pressed_among(ctx: &egui::Context, keys: &[Key]) -> Option<usize> {
    if ctx.text_edit_focused() {
        return None;
    }
    ctx.input_mut(|i| {
        keys.iter()
            .position(|&k| i.consume_key(egui::Modifiers::NONE, k))
    })
}

/// A number key 1–9, or (when `letters`) a letter A–I, as a 0-based index.
fn pressed_index(ctx: &egui::Context, letters: bool) -> Option<usize> {
    pressed_among(ctx, &NUMBER_KEYS).or_else(|| {
        if letters {
            pressed_among(ctx, &LETTER_KEYS)
        } else {
            None
        }
    })
}

/// A fill-in-the-blank text with its blanks numbered: "(1) ____".
pub(super) fn numbered_blanks(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split(BLANK).enumerate() {
        if i > 0 {
            out.push_str(&format!("({i}) ____"));
        }
        out.push_str(part);
    }
    out
}

/// A large, obvious option button: selected ones are filled.
/// One choice. Once answered (`locked`) it reads without colour too: the
/// right choice filled green with ✔ and the words "Đáp án đúng", a wrong pick
/// filled red with ✖ and "Bạn chọn", the other choices faded — the wrong pick
/// is never the brightest thing on screen.
fn option_button(
    ui: &mut egui::Ui,
    label: String,
    selected: bool,
    mark: Option<bool>,
    locked: bool,
    look: &Look,
) -> egui::Response {
    let p = look.palette;
    let tr = look.tr;

    let min_size = egui::vec2(ui.available_width(), look.em(2.0));
    let button = match mark {
        Some(right) => {
            let (icon, words, fill, stroke) = if right {
                (icons::RIGHT, tr.practice_right_choice, p.focus, p.right)
            } else {
                (icons::WRONG, tr.practice_your_choice, p.error_bg, p.wrong)
            };
            let text = RichText::new(format!("{icon}  {label}   — {words}"))
                .size(look.text_size)
                .strong()
                .color(p.text);
            egui::Button::new(text)
                .fill(fill)
                .stroke(Stroke::new(3.0, stroke))
        }
        None if locked => {
            egui::Button::new(RichText::new(label).size(look.text_size).color(p.muted))
                .fill(egui::Color32::TRANSPARENT)
                .stroke(Stroke::new(1.0, p.muted.gamma_multiply(0.5)))
        }
        None => {
            let mut text = RichText::new(label).size(look.text_size);
            if selected {
                text = text.strong();
            }
            egui::Button::new(text).selected(selected)
        }
    };
    ui.add(button.min_size(min_size).wrap())
}

pub(super) fn answer_widget(
    ui: &mut egui::Ui,
    item: &Item,
    draft: &mut Draft,
    locked: bool,
    look: &Look,
) {
    let ctx = ui.ctx().clone();
    let tr = look.tr;
    match &item.question.answer {
        Answer::SingleChoice { choices, answer } => {
            if !locked && let Some(p) = pressed_index(&ctx, true).filter(|&p| p < choices.len()) {
                draft.choice = Some(p);
            }
            for (pos, &index) in item.layout.choices.iter().enumerate() {
                let selected = draft.choice == Some(pos);
                let mark = locked
                    .then_some(index == *answer)
                    .filter(|&right| right || selected);
                let label = format!("{}. {}", letter(pos), choices[index]);
                if option_button(ui, label, selected, mark, locked, look).clicked() && !locked {
                    draft.choice = Some(pos);
                }
            }
        }
        Answer::MultipleChoice { choices, answers } => {
            if !locked && let Some(p) = pressed_index(&ctx, true).filter(|&p| p < choices.len()) {
                toggle(&mut draft.ticked, p);
            }
            for (pos, &index) in item.layout.choices.iter().enumerate() {
                let ticked = draft.ticked.contains(&pos);
                let right = answers.contains(&index);
                let mark = locked.then_some(right).filter(|&r| r || ticked);
                let check = if ticked {
                    icons::TICKED
                } else {
                    icons::UNTICKED
                };
                let label = format!("{check} {}. {}", letter(pos), choices[index]);
                if option_button(ui, label, ticked, mark, locked, look).clicked() && !locked {
                    toggle(&mut draft.ticked, pos);
                }
            }
        }
        Answer::TrueFalse(answer) => {
            if !locked && let Some(p) = pressed_index(&ctx, true).filter(|&p| p < 2) {
                draft.true_false = Some(p == 0);
            }
            ui.columns(2, |columns| {
                for (col, value, label) in
                    [(0, true, tr.practice_true), (1, false, tr.practice_false)]
                {
                    let ui = &mut columns[col];
                    let selected = draft.true_false == Some(value);
                    let mark = locked
                        .then_some(value == *answer)
                        .filter(|&r| r || selected);
                    if option_button(
                        ui,
                        format!("{}. {label}", col + 1),
                        selected,
                        mark,
                        locked,
                        look,
                    )
                    .clicked()
                        && !locked
                    {
                        draft.true_false = Some(value);
                    }
                }
            });
        }
        Answer::FillBlank { text, blanks } => {
            ui.label(RichText::new(numbered_blanks(text)).size(look.text_size));
            ui.add_space(look.em(0.3));
            // Once answered, each blank says on its own whether it was right.
            let marks = locked.then(|| crate::quiz::blank_marks(blanks, &draft.blanks, item.rules));
            for (i, typed) in draft.blanks.iter_mut().enumerate() {
                ui.horizontal(|ui| {
                    let label = ui.label(fill(tr.practice_blank_label, &[("n", &(i + 1))]));
                    let mark = marks.as_ref().and_then(|m| m.get(i).copied());
                    let width = if mark.is_some() {
                        ui.available_width() * 0.45
                    } else {
                        ui.available_width()
                    };
                    // Read-only, not disabled: what was typed stays as
                    // readable as the question, not pale grey.
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(typed)
                                .interactive(!locked)
                                .font(egui::FontId::proportional(look.text_size))
                                .text_color(look.palette.text)
                                .desired_width(width)
                                .return_key(None),
                        )
                        .labelled_by(label.id);
                    if i == 0 && std::mem::take(&mut draft.focus_first_field) {
                        field.request_focus();
                    }
                    match mark {
                        Some(true) => {
                            ui.label(
                                RichText::new(format!(
                                    "{} {}",
                                    icons::RIGHT,
                                    tr.practice_blank_right
                                ))
                                .size(look.text_size)
                                .strong()
                                .color(look.palette.right),
                            );
                        }
                        Some(false) => {
                            let expected = blanks
                                .get(i)
                                .and_then(|b| b.first())
                                .map_or("", String::as_str);
                            ui.add(
                                egui::Label::new(
                                    RichText::new(format!(
                                        "{} {}",
                                        icons::WRONG,
                                        fill(tr.practice_blank_should_be, &[("answer", &expected)])
                                    ))
                                    .size(look.text_size)
                                    .strong()
                                    .color(look.palette.wrong),
                                )
                                .wrap(),
                            );
                        }
                        None => {}
                    }
                });
            }
        }
        Answer::Numeric { unit, .. } => {
            ui.horizontal(|ui| {
                let label = ui.label(RichText::new(tr.practice_number_label).size(look.text_size));
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut draft.number)
                            .interactive(!locked)
                            .font(egui::FontId::proportional(look.em(1.2)))
                            .text_color(look.palette.text)
                            .desired_width(look.em(10.0))
                            .return_key(None),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut draft.focus_first_field) {
                    field.request_focus();
                }
                if let Some(unit) = unit {
                    ui.label(RichText::new(unit).size(look.text_size));
                }
            });
        }
        Answer::Ordering(items) => ordering_widget(ui, items, draft, locked, look),
        Answer::Matching(pairs) => matching_widget(ui, item, pairs, draft, locked, look),
    }
}

fn toggle(set: &mut BTreeSet<usize>, value: usize) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

fn ordering_widget(
    ui: &mut egui::Ui,
    items: &[String],
    draft: &mut Draft,
    locked: bool,
    look: &Look,
) {
    let ctx = ui.ctx().clone();
    let n = draft.order.len();
    if !locked {
        if let Some(p) = pressed_index(&ctx, false).filter(|&p| p < n) {
            draft.selected = p;
        }
        if !ctx.text_edit_focused() {
            let (up, down) = ctx.input_mut(|i| {
                (
                    i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                    i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                )
            });
            let s = draft.selected.min(n.saturating_sub(1));
            if up && s > 0 {
                draft.order.swap(s, s - 1);
                draft.selected = s - 1;
            }
            if down && s + 1 < n {
                draft.order.swap(s, s + 1);
                draft.selected = s + 1;
            }
        }
    }
    let mut moves: Option<(usize, usize)> = None;
    let row_height = look.em(2.0);
    for (pos, &index) in draft.order.clone().iter().enumerate() {
        let selected = !locked && draft.selected == pos;
        let mark = locked.then_some(index == pos);
        let frame_stroke = match mark {
            Some(true) => Stroke::new(2.5, look.palette.right),
            Some(false) => Stroke::new(2.5, look.palette.wrong),
            None if selected => Stroke::new(2.5, ui.visuals().selection.stroke.color),
            None => ui.visuals().widgets.inactive.bg_stroke,
        };
        let frame = egui::Frame::new()
            .stroke(frame_stroke)
            .corner_radius(4.0)
            .inner_margin(egui::Margin::symmetric(8, 4));
        let handle = frame
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.set_min_height(row_height * 0.8);
                ui.horizontal(|ui| {
                    if !locked {
                        let up = ui.add_enabled(pos > 0, egui::Button::new(icons::MOVE_UP));
                        if up.on_hover_text(look.tr.practice_move_up).clicked() {
                            moves = Some((pos, pos - 1));
                        }
                        let down = ui.add_enabled(pos + 1 < n, egui::Button::new(icons::MOVE_DOWN));
                        if down.on_hover_text(look.tr.practice_move_down).clicked() {
                            moves = Some((pos, pos + 1));
                        }
                    }
                    let prefix = match mark {
                        Some(true) => format!("{} ", icons::RIGHT),
                        Some(false) => format!("{} ", icons::WRONG),
                        None => String::new(),
                    };
                    let text = RichText::new(format!("{prefix}{}. {}", pos + 1, items[index]))
                        .size(look.text_size);
                    // The item's text is its drag handle (the buttons stay clickable).
                    let sense = if locked {
                        Sense::hover()
                    } else {
                        Sense::click_and_drag()
                    };
                    ui.add(egui::Label::new(text).wrap().selectable(false).sense(sense))
                })
                .inner
            })
            .inner;
        if !locked {
            if handle.clicked() {
                draft.selected = pos;
            }
            handle.dnd_set_drag_payload(pos);
            if let Some(from) = handle.dnd_release_payload::<usize>() {
                moves = Some((*from, pos));
            }
            if handle.dnd_hover_payload::<usize>().is_some() {
                let rect = handle.rect;
                ui.painter().hline(
                    rect.x_range(),
                    rect.top(),
                    Stroke::new(3.0, look.palette.right),
                );
            }
        }
    }
    if let Some((from, to)) = moves
        && from < n
        && to < n
    {
        let moved = draft.order.remove(from);
        draft.order.insert(to, moved);
        draft.selected = to;
    }
}

fn matching_widget(
    ui: &mut egui::Ui,
    item: &Item,
    pairs: &[(String, String)],
    draft: &mut Draft,
    locked: bool,
    look: &Look,
) {
    let ctx = ui.ctx().clone();
    let n = pairs.len();
    if !locked && !ctx.text_edit_focused() {
        if let Some(row) = pressed_index(&ctx, false).filter(|&r| r < n) {
            draft.selected = row;
        }
        let letter_pressed = pressed_among(&ctx, &LETTER_KEYS);
        if let Some(choice) = letter_pressed.filter(|&c| c < n) {
            let row = draft.selected.min(n - 1);
            draft.matches[row] = Some(choice);
            // Move on to the next row still to match.
            if let Some(next) = (0..n)
                .map(|k| (row + 1 + k) % n)
                .find(|&r| draft.matches[r].is_none())
            {
                draft.selected = next;
            }
        }
    }
    // The right-hand side, lettered in its shuffled order.
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        for (pos, &index) in item.layout.rights.iter().enumerate() {
            ui.label(
                RichText::new(format!("{}. {}", letter(pos), pairs[index].1)).size(look.text_size),
            );
        }
    });
    ui.add_space(look.em(0.4));
    for (row, (left, _)) in pairs.iter().enumerate() {
        let chosen = draft.matches[row];
        let right = chosen.map(|p| item.layout.rights[p] == row);
        let selected = !locked && draft.selected == row;
        let stroke = match (locked, right) {
            (true, Some(true)) => Stroke::new(2.5, look.palette.right),
            (true, _) => Stroke::new(2.5, look.palette.wrong),
            (false, _) if selected => Stroke::new(2.5, ui.visuals().selection.stroke.color),
            _ => ui.visuals().widgets.inactive.bg_stroke,
        };
        egui::Frame::new()
            .stroke(stroke)
            .corner_radius(4.0)
            .inner_margin(egui::Margin::symmetric(8, 4))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!("{}. {left}  {}", row + 1, icons::ARROW))
                            .size(look.text_size)
                            .strong(),
                    );
                    for pos in 0..n {
                        let is_chosen = chosen == Some(pos);
                        let button = egui::Button::new(
                            RichText::new(letter(pos).to_string()).size(look.text_size),
                        )
                        .selected(is_chosen)
                        .min_size(egui::vec2(look.em(2.0), look.em(1.8)));
                        if ui.add(button).clicked() && !locked {
                            draft.matches[row] = Some(pos);
                            draft.selected = row;
                        }
                    }
                    if let Some(pos) = draft.matches[row] {
                        let chosen_text = &pairs[item.layout.rights[pos]].1;
                        ui.label(RichText::new(chosen_text).size(look.text_size).weak());
                    }
                });
            });
    }
}

pub(super) fn feedback(
    ui: &mut egui::Ui,
    item: &Item,
    attempt: &crate::quiz::practice::Attempt,
    look: &Look,
    actions: &mut Vec<Action>,
) -> egui::Response {
    let tr = look.tr;
    let palette = look.palette;
    let (text, color) = match attempt.grade.verdict {
        Verdict::Right => (tr.practice_right.to_string(), palette.right),
        Verdict::RightWithNote => (tr.practice_right_note.to_string(), palette.right),
        Verdict::Partial => (
            fill(
                tr.practice_partial,
                &[("percent", &((attempt.grade.score * 100.0).round() as u32))],
            ),
            palette.warning,
        ),
        Verdict::Wrong => (tr.practice_wrong.to_string(), palette.wrong),
    };
    egui::Frame::new()
        .fill(palette.feedback_bg)
        .stroke(Stroke::new(2.0, color))
        .corner_radius(6.0)
        .inner_margin(12.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(text).size(look.em(1.2)).strong().color(color));
            for note in &attempt.grade.notes {
                let Note::Spelling { typed, expected } = note;
                ui.label(fill(
                    tr.practice_spelling_note,
                    &[("typed", typed), ("expected", expected)],
                ));
            }
            if !attempt.grade.verdict.is_right()
                || matches!(
                    item.question.answer,
                    Answer::FillBlank { .. } | Answer::Numeric { .. }
                )
            {
                let answer =
                    correct_answer_text(&item.question.answer, tr.practice_true, tr.practice_false);
                ui.label(
                    RichText::new(fill(tr.practice_correct_answer, &[("answer", &answer)]))
                        .strong(),
                );
            }
            if !item.question.explanation.is_empty() {
                ui.add_space(look.em(0.3));
                ui.label(&item.question.explanation);
            }
            ui.add_space(look.em(0.3));
            let source = &item.question.source;
            ui.label(RichText::new(fill(tr.practice_source, &[("anchor", &source.anchor)])).weak());
            ui.label(RichText::new(crate::text::quoted(&source.quote)).italics());
            let show = ui
                .button(format!("{} {}", icons::OPEN_BOOK, tr.practice_show_in_text))
                .on_hover_text(tr.practice_show_in_text_key);
            let key = !ui.ctx().text_edit_focused()
                && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::V));
            if show.clicked() || key {
                actions.push(Action::ShowPassage(source.clone()));
            }
        })
        .response
}

/// Where a screen's question sets come from: the library, the open
/// document's id, and the folder the user's own sets are kept in.
#[derive(Clone, Copy)]
pub struct SetsOf<'a> {
    pub library: &'a crate::quiz::Library,
    pub document_id: &'a str,
    pub user_sets_dir: &'a std::path::Path,
}

/// The sets of the open document as checkboxes; returns the chosen ones.
/// By default the hand-written sets, or the generated one when there are none.
pub(super) fn choose_sets<'a>(
    ui: &mut egui::Ui,
    look: &Look,
    input: SetsOf<'a>,
    chosen: &mut Option<BTreeSet<usize>>,
) -> Vec<&'a crate::quiz::LoadedSet> {
    let tr = look.tr;
    let sets: Vec<_> = input.library.for_document(input.document_id).collect();
    // By default the hand-written sets; the generated one when there are none.
    let chosen = chosen.get_or_insert_with(|| {
        let written: BTreeSet<usize> = sets
            .iter()
            .filter(|(_, s)| s.origin != SetOrigin::Generated)
            .map(|(i, _)| *i)
            .collect();
        if written.is_empty() {
            sets.iter().map(|(i, _)| *i).collect()
        } else {
            written
        }
    });
    ui.add_space(look.em(0.5));
    ui.heading(tr.practice_sets);
    ui.add_space(look.em(0.3));
    if sets.is_empty() {
        ui.label(fill(
            tr.practice_no_sets,
            &[
                ("document", &input.document_id),
                ("dir", &input.user_sets_dir.display()),
            ],
        ));
    }
    for (index, loaded) in &sets {
        let mut on = chosen.contains(index);
        let origin = match &loaded.origin {
            SetOrigin::Bundled(_) => tr.practice_bundled.to_string(),
            SetOrigin::User(path) => path.display().to_string(),
            SetOrigin::Generated => tr.practice_generated.to_string(),
            SetOrigin::Exam(key) => key.clone(),
        };
        let label = format!(
            "{}  ({} · {})",
            loaded.set.title,
            fill(tr.practice_set_size, &[("n", &loaded.set.questions.len())]),
            origin
        );
        if ui.checkbox(&mut on, label).changed() {
            if on {
                chosen.insert(*index);
            } else {
                chosen.remove(index);
            }
        }
    }
    sets.iter()
        .filter(|(i, _)| chosen.contains(i))
        .map(|(_, s)| *s)
        .collect()
}

/// "How many questions": the options as buttons, 0 meaning all.
pub(super) fn count_choice(
    ui: &mut egui::Ui,
    tr: &Strings,
    label: &str,
    options: &[usize],
    count: &mut usize,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(label);
        for &n in options {
            let text = if n == 0 {
                tr.practice_all.to_string()
            } else {
                n.to_string()
            };
            ui.selectable_value(count, n, text);
        }
    });
}
