//! The form for one question: its prompt, its answer in the form of its
//! type, its passage, checks beside the fields they are about, and a
//! preview answered as a learner would.

use egui::RichText;

use super::*;

impl EditorScreen {
    pub(super) fn form(
        &mut self,
        ui: &mut egui::Ui,
        input: &EditorInput<'_>,
        actions: &mut Vec<Action>,
        structural: &mut bool,
    ) {
        let tr = input.look.tr;
        let look = &input.look;
        let Some(open) = &mut self.open else {
            return;
        };
        if open.set.questions.is_empty() {
            ui.label(tr.editor_no_question);
            return;
        }
        self.selected = self.selected.min(open.set.questions.len() - 1);
        let i = self.selected;
        // Moving and removing the question.
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(
                    i > 0,
                    egui::Button::new(format!("{} {}", icons::MOVE_UP, tr.editor_move_up)),
                )
                .clicked()
            {
                open.set.questions.swap(i, i - 1);
                self.selected -= 1;
                *structural = true;
            }
            if ui
                .add_enabled(
                    i + 1 < open.set.questions.len(),
                    egui::Button::new(format!("{} {}", icons::MOVE_DOWN, tr.editor_move_down)),
                )
                .clicked()
            {
                open.set.questions.swap(i, i + 1);
                self.selected += 1;
                *structural = true;
            }
            if ui.button(tr.editor_duplicate).clicked() {
                let mut copy = open.set.questions[i].clone();
                copy.id = editor::unique_id(&open.set, &copy.id);
                open.set.questions.insert(i + 1, copy);
                self.selected += 1;
                *structural = true;
            }
            if ui
                .button(RichText::new(tr.editor_remove_question).color(input.look.palette.wrong))
                .clicked()
            {
                open.set.questions.remove(i);
                self.selected = self.selected.saturating_sub(1);
                *structural = true;
            }
        });
        if open.set.questions.is_empty() {
            return;
        }
        let i = self.selected;
        let problems: Vec<ProblemKind> = editor::problems(&open.set, Some(i))
            .into_iter()
            .map(|p| p.kind)
            .collect();
        // A summary at the top; each problem is shown beside its field.
        if !problems.is_empty() {
            egui::Frame::new()
                .fill(input.look.palette.error_bg)
                .inner_margin(8.0)
                .corner_radius(4.0)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(
                        RichText::new(tr.editor_problems)
                            .strong()
                            .color(input.look.palette.text),
                    );
                    ui.label(
                        RichText::new(fill(tr.editor_problem_count, &[("n", &problems.len())]))
                            .color(input.look.palette.text),
                    );
                    problems_at(ui, &problems, Place::Top, tr, input.look.palette.text);
                });
        }
        let q = &mut open.set.questions[i];
        ui.label(
            RichText::new(kind_label(tr, Kind::of(&q.answer)))
                .size(look.em(1.1))
                .strong(),
        );
        field(ui, tr.editor_id, &mut q.id, look.em(12.0));
        problems_at(ui, &problems, Place::Id, tr, input.look.palette.wrong);
        let prompt = multiline(ui, tr.editor_prompt, &mut q.prompt);
        problems_at(ui, &problems, Place::Prompt, tr, input.look.palette.wrong);
        if self.focus_prompt > 0 {
            if prompt.has_focus() {
                self.focus_prompt = 0;
            } else {
                prompt.request_focus();
                self.focus_prompt -= 1;
                ui.ctx().request_repaint();
            }
        }
        ui.add_space(look.em(0.3));
        answer_form(ui, tr, q, structural);
        problems_at(ui, &problems, Place::Answer, tr, input.look.palette.wrong);
        ui.add_space(look.em(0.3));
        multiline(ui, tr.editor_explanation, &mut q.explanation);
        let mut tags = q.tags.join(", ");
        if field(ui, tr.editor_tags, &mut tags, look.em(16.0)) {
            q.tags = tags
                .split(',')
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect();
        }
        let mut key_point = q.key_point.clone().unwrap_or_default();
        if field(ui, tr.editor_key_point, &mut key_point, look.em(16.0)) {
            q.key_point = (!key_point.trim().is_empty()).then_some(key_point);
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(tr.editor_difficulty);
            for (value, label) in [
                (None, tr.editor_difficulty_none),
                (Some(Difficulty::Easy), tr.editor_easy),
                (Some(Difficulty::Medium), tr.editor_medium),
                (Some(Difficulty::Hard), tr.editor_hard),
            ] {
                if ui.radio(q.difficulty == value, label).clicked() {
                    q.difficulty = value;
                    *structural = true;
                }
            }
        });
        // The passage.
        ui.add_space(look.em(0.3));
        let mut anchor = q.source.anchor.to_string();
        if field(ui, tr.editor_anchor, &mut anchor, look.em(6.0))
            && let Ok(a) = anchor.trim().parse()
        {
            q.source.anchor = a;
        }
        multiline(ui, tr.editor_quote, &mut q.source.quote);
        problems_at(ui, &problems, Place::Quote, tr, input.look.palette.wrong);
        if !q.source.quote.trim().is_empty() && !editor::passage_found(input.doc, &q.source) {
            ui.colored_label(input.look.palette.wrong, tr.editor_passage_missing);
        }
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr.editor_pick_passage).clicked() {
                self.passage_search = Some(String::new());
            }
            if ui
                .button(format!("{} {}", icons::OPEN_BOOK, tr.practice_show_in_text))
                .clicked()
            {
                actions.push(Action::ShowPassage(q.source.clone()));
            }
        });
        if let Some(search) = &mut self.passage_search
            && let Some(source) = passage_picker(ui, input, search)
        {
            if let Answer::FillBlank { text, blanks } = &mut q.answer
                && blanks.is_empty()
            {
                *text = source.quote.clone();
            }
            q.source = source;
            self.passage_search = None;
            *structural = true;
        }
        // What learners will see.
        ui.add_space(look.em(0.5));
        ui.separator();
        ui.label(RichText::new(tr.editor_preview).strong());
        let q = open.set.questions[i].clone();
        if problems.is_empty() {
            let item = preview_item(&q);
            let fresh = self.preview.as_ref().is_none_or(|(at, _)| *at != i);
            if fresh {
                self.preview = Some((i, Draft::for_item(&item)));
            }
            if let Some((_, draft)) = &mut self.preview {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    if !q.prompt.is_empty() {
                        ui.label(RichText::new(&q.prompt).size(look.em(1.1)).strong());
                    }
                    answer_widget(ui, &item, draft, false, &input.look);
                    // What the trainer saved as right, in words: a wrong
                    // choice marked right shows here before the room sees it.
                    let right = crate::quiz::correct_answer_text(
                        &q.answer,
                        tr.practice_true,
                        tr.practice_false,
                    );
                    ui.add_space(look.em(0.3));
                    ui.label(
                        RichText::new(format!(
                            "{} {}",
                            super::icons::RIGHT,
                            fill(tr.practice_correct_answer, &[("answer", &right)])
                        ))
                        .strong()
                        .color(input.look.palette.right),
                    );
                });
            }
        } else {
            self.preview = None;
        }
    }
}

/// The part of the form a problem is about.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Id,
    Prompt,
    Answer,
    Quote,
    /// Problems with no one field (the file's syntax, the set's title).
    Top,
}

fn place(kind: &ProblemKind) -> Place {
    use ProblemKind as K;
    match kind {
        K::EmptyId | K::DuplicateId(_) => Place::Id,
        K::EmptyPrompt => Place::Prompt,
        K::EmptyQuote => Place::Quote,
        K::TooFewChoices
        | K::EmptyChoice
        | K::DuplicateChoice(_)
        | K::ChoiceOutOfRange { .. }
        | K::NoRightChoice
        | K::BlankCountMismatch { .. }
        | K::EmptyBlankAnswer
        | K::BadTolerance
        | K::TooFewItems { .. }
        | K::DuplicateItem(_) => Place::Answer,
        _ => Place::Top,
    }
}

/// The problems about one part of the form, under it.
fn problems_at(
    ui: &mut egui::Ui,
    problems: &[ProblemKind],
    at: Place,
    tr: &Strings,
    color: egui::Color32,
) {
    for kind in problems.iter().filter(|k| place(k) == at) {
        ui.label(
            RichText::new(format!("{} {}", icons::WARNING, describe_problem(tr, kind)))
                .color(color)
                .strong(),
        );
    }
}

pub(super) fn kind_label(tr: &Strings, kind: Kind) -> &'static str {
    match kind {
        Kind::Single => tr.qtype_single,
        Kind::Multiple => tr.qtype_multiple,
        Kind::TrueFalse => tr.qtype_true_false,
        Kind::FillBlank => tr.qtype_blank,
        Kind::Numeric => tr.qtype_numeric,
        Kind::Ordering => tr.qtype_ordering,
        Kind::Matching => tr.qtype_matching,
    }
}

/// The document's first sentence, for a question with no passage yet.
pub(super) fn first_source(doc: &Document) -> Source {
    doc.blocks
        .iter()
        .find_map(|b| {
            let s = b.sentences.first()?;
            Some(Source {
                anchor: s.anchor,
                quote: b.text[s.range.clone()].trim().to_string(),
            })
        })
        .unwrap_or(Source {
            anchor: "p1".parse().expect("anchor"),
            quote: String::new(),
        })
}

/// The question as practice shows it, in the order it was written.
fn preview_item(q: &Question) -> Item {
    let n = |len: usize| (0..len).collect::<Vec<_>>();
    let layout = match &q.answer {
        Answer::SingleChoice { choices, .. } | Answer::MultipleChoice { choices, .. } => Layout {
            choices: n(choices.len()),
            items: Vec::new(),
            rights: Vec::new(),
        },
        // Shown reversed, as learners never see them in the right order.
        Answer::Ordering(items) => Layout {
            choices: Vec::new(),
            items: n(items.len()).into_iter().rev().collect(),
            rights: Vec::new(),
        },
        Answer::Matching(pairs) => Layout {
            choices: Vec::new(),
            items: Vec::new(),
            rights: n(pairs.len()).into_iter().rev().collect(),
        },
        _ => Layout {
            choices: Vec::new(),
            items: Vec::new(),
            rights: Vec::new(),
        },
    };
    Item {
        question: q.clone(),
        rules: crate::quiz::Rules {
            tone_marks: crate::quiz::ToneMarks::default(),
            partial_credit: false,
        },
        set_title: String::new(),
        set_key: String::new(),
        document: String::new(),
        layout,
    }
}

/// A labelled one-line field; returns whether it changed. Every field here
/// has a fixed id: the checks above the form grow and shrink as the trainer
/// types, and an id by position would then lose the keyboard focus.
fn field(ui: &mut egui::Ui, label: &str, value: &mut String, width: f32) -> bool {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        ui.add(
            egui::TextEdit::singleline(value)
                .id_salt(label)
                .desired_width(width),
        )
        .labelled_by(l.id)
        .changed()
    })
    .inner
}

/// A labelled field that wraps.
fn multiline(ui: &mut egui::Ui, label: &str, value: &mut String) -> egui::Response {
    let l = ui.label(label);
    ui.add(
        egui::TextEdit::multiline(value)
            .id_salt(label)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(l.id)
}

/// A list of text rows with up/down/remove buttons and an add button.
fn rows(
    ui: &mut egui::Ui,
    tr: &Strings,
    items: &mut Vec<String>,
    label: &str,
    add: &str,
    mut marker: impl FnMut(&mut egui::Ui, usize),
    structural: &mut bool,
) {
    let mut action = None;
    let mut fields = Vec::with_capacity(items.len());
    for k in 0..items.len() {
        ui.horizontal(|ui| {
            // The text first: Tab from the prompt lands in the first choice.
            let l = ui.label(fill(label, &[("n", &(k + 1))]));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut items[k])
                        .id_salt(("row", label, k))
                        .desired_width(ui.available_width() * 0.55),
                )
                .labelled_by(l.id);
            fields.push(field);
            marker(ui, k);
            if ui
                .small_button(icons::MOVE_UP)
                .on_hover_text(tr.editor_move_up)
                .clicked()
                && k > 0
            {
                action = Some((k, -1));
            }
            if ui
                .small_button(icons::MOVE_DOWN)
                .on_hover_text(tr.editor_move_down)
                .clicked()
                && k + 1 < items.len()
            {
                action = Some((k, 1));
            }
            if ui
                .small_button(icons::CLEAR)
                .on_hover_text(tr.editor_remove)
                .clicked()
            {
                action = Some((k, 0));
            }
        });
    }
    // Enter goes on to the next row, as in a spreadsheet.
    let enter = ui.input(|i| i.key_pressed(Key::Enter));
    if enter
        && let Some(k) = fields.iter().position(egui::Response::lost_focus)
        && let Some(next) = fields.get(k + 1)
    {
        next.request_focus();
    }
    if ui.button(add).clicked() {
        items.push(String::new());
        *structural = true;
    }
    if let Some((k, step)) = action {
        match step {
            0 => {
                items.remove(k);
            }
            -1 => items.swap(k, k - 1),
            _ => items.swap(k, k + 1),
        }
        *structural = true;
    }
}

fn answer_form(ui: &mut egui::Ui, tr: &Strings, q: &mut Question, structural: &mut bool) {
    match &mut q.answer {
        Answer::SingleChoice { choices, answer } => {
            let before = choices.len();
            let mut right = *answer;
            rows(
                ui,
                tr,
                choices,
                tr.editor_choice,
                tr.editor_add_choice,
                |ui, k| {
                    if ui.radio(right == k, tr.editor_right).clicked() {
                        right = k;
                    }
                },
                structural,
            );
            if right != *answer {
                *answer = right;
                *structural = true;
            }
            if choices.len() < before && *answer >= choices.len() {
                *answer = choices.len().saturating_sub(1);
            }
        }
        Answer::MultipleChoice { choices, answers } => {
            let mut ticked: BTreeSet<usize> = answers.iter().copied().collect();
            let mut changed = false;
            rows(
                ui,
                tr,
                choices,
                tr.editor_choice,
                tr.editor_add_choice,
                |ui, k| {
                    let mut on = ticked.contains(&k);
                    if ui.checkbox(&mut on, tr.editor_right).changed() {
                        changed = true;
                        if on {
                            ticked.insert(k);
                        } else {
                            ticked.remove(&k);
                        }
                    }
                },
                structural,
            );
            ticked.retain(|&k| k < choices.len());
            if changed {
                *structural = true;
            }
            *answers = ticked.into_iter().collect();
        }
        Answer::TrueFalse(value) => {
            ui.horizontal(|ui| {
                if ui.radio(*value, tr.editor_true).clicked() {
                    *value = true;
                    *structural = true;
                }
                if ui.radio(!*value, tr.editor_false).clicked() {
                    *value = false;
                    *structural = true;
                }
            });
        }
        Answer::FillBlank { text, blanks } => {
            multiline(ui, tr.editor_blank_text, text);
            ui.label(RichText::new(tr.editor_blank_click).weak());
            let tokens = editor::tokens(text, blanks);
            let mut clicked = None;
            ui.horizontal_wrapped(|ui| {
                for (k, t) in tokens.iter().enumerate() {
                    if t.word.is_empty() {
                        ui.label(format!("{}{}", t.lead, t.trail));
                        continue;
                    }
                    let shown = format!("{}{}{}", t.lead, t.word, t.trail);
                    if ui.add(egui::Button::selectable(t.blank, shown)).clicked() {
                        clicked = Some(k);
                    }
                }
            });
            if let Some(k) = clicked {
                let (t, b) = editor::toggle_blank(text, blanks, k);
                *text = t;
                *blanks = b;
                *structural = true;
            }
            for (k, accepted) in blanks.iter_mut().enumerate() {
                let mut joined = accepted.join(" | ");
                let l = ui.label(fill(tr.editor_blank_answers, &[("n", &(k + 1))]));
                if ui
                    .add(
                        egui::TextEdit::singleline(&mut joined)
                            .id_salt(("blank", k))
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id)
                    .changed()
                {
                    *accepted = joined
                        .split('|')
                        .map(|a| a.trim().to_string())
                        .filter(|a| !a.is_empty())
                        .collect();
                }
            }
        }
        Answer::Numeric {
            answer,
            tolerance,
            unit,
        } => {
            let id = ui.make_persistent_id("numeric-text");
            ui.horizontal(|ui| {
                let l = ui.label(tr.editor_number);
                let mut text = ui
                    .data(|d| d.get_temp::<(f64, String)>(id))
                    .filter(|(v, _)| *v == *answer)
                    .map_or_else(
                        || crate::numbers::format_answer(*answer, unit.as_deref()),
                        |(_, t)| t,
                    );
                if ui
                    .add(
                        egui::TextEdit::singleline(&mut text)
                            .id_salt("number")
                            .desired_width(120.0),
                    )
                    .labelled_by(l.id)
                    .changed()
                    && let Some(n) = crate::numbers::parse_number(&text)
                {
                    *answer = n;
                }
                ui.data_mut(|d| d.insert_temp(id, (*answer, text)));
                let l = ui.label(tr.editor_tolerance);
                let mut tol = crate::numbers::format_number(*tolerance);
                if ui
                    .add(
                        egui::TextEdit::singleline(&mut tol)
                            .id_salt("tolerance")
                            .desired_width(80.0),
                    )
                    .labelled_by(l.id)
                    .changed()
                    && let Some(n) = crate::numbers::parse_number(&tol)
                {
                    *tolerance = n;
                }
            });
            let mut u = unit.clone().unwrap_or_default();
            if field(ui, tr.editor_unit, &mut u, 160.0) {
                *unit = (!u.trim().is_empty()).then_some(u);
            }
        }
        Answer::Ordering(items) => {
            rows(
                ui,
                tr,
                items,
                tr.editor_item,
                tr.editor_add_item,
                |_, _| {},
                structural,
            );
        }
        Answer::Matching(pairs) => {
            let mut remove = None;
            for (k, (left, right)) in pairs.iter_mut().enumerate() {
                ui.horizontal(|ui| {
                    let l = ui.label(fill(tr.editor_left, &[("n", &(k + 1))]));
                    ui.add(
                        egui::TextEdit::singleline(left)
                            .id_salt(("left", k))
                            .desired_width(ui.available_width() * 0.3),
                    )
                    .labelled_by(l.id);
                    let l = ui.label(fill(tr.editor_right_side, &[("n", &(k + 1))]));
                    ui.add(
                        egui::TextEdit::singleline(right)
                            .id_salt(("right", k))
                            .desired_width(ui.available_width() * 0.6),
                    )
                    .labelled_by(l.id);
                    if ui
                        .small_button(icons::CLEAR)
                        .on_hover_text(tr.editor_remove)
                        .clicked()
                    {
                        remove = Some(k);
                    }
                });
            }
            if let Some(k) = remove {
                pairs.remove(k);
                *structural = true;
            }
            if ui.button(tr.editor_add_pair).clicked() {
                pairs.push((String::new(), String::new()));
                *structural = true;
            }
        }
    }
}

/// Sentences of the document matching the search; returns the one clicked.
fn passage_picker(
    ui: &mut egui::Ui,
    input: &EditorInput<'_>,
    search: &mut String,
) -> Option<Source> {
    let tr = input.look.tr;
    let mut picked = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let l = ui.label(tr.editor_passage_search);
        ui.add(
            egui::TextEdit::singleline(search)
                .id_salt("passage-search")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
        let wanted = crate::text::fold(&crate::text::nfc(search.trim()), crate::text::Fold::Marks);
        egui::ScrollArea::vertical()
            .id_salt("passage-picker")
            // Inside the form's own scrolling, egui's default (64 px) showed
            // barely two results.
            .min_scrolled_height(input.look.em(10.0))
            .max_height(input.look.em(14.0))
            .show(ui, |ui| {
                let mut shown = 0;
                for block in &input.doc.blocks {
                    for s in &block.sentences {
                        let text = block.text[s.range.clone()].trim();
                        if !wanted.is_empty()
                            && !crate::text::fold(text, crate::text::Fold::Marks).contains(&wanted)
                        {
                            continue;
                        }
                        shown += 1;
                        if shown > 200 {
                            return;
                        }
                        if ui
                            .add(egui::Button::new(format!("{} — {text}", s.anchor)).wrap())
                            .clicked()
                        {
                            picked = Some(Source {
                                anchor: s.anchor,
                                quote: text.to_string(),
                            });
                        }
                    }
                }
            });
    });
    picked
}
