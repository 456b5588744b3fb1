//! The practice screen: choose sets, answer questions of every type with the
//! mouse or the keyboard alone, see right away whether each answer was right
//! and where the text says so, and end with a summary.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use egui::{Key, RichText, Sense, Stroke};

use super::Action;
use super::icons;
use super::style::Palette;
use crate::i18n::{Strings, fill, format_problem};
use crate::progress::{Counts, Mode};
use crate::quiz::practice::{Item, Options, Practice};
use crate::quiz::{
    Answer, BLANK, Library, Note, Response, SetOrigin, Verdict, correct_answer_text,
};

/// What the screen needs from the app for one frame.
pub struct PracticeInput<'a> {
    pub library: &'a Library,
    pub document_id: &'a str,
    pub user_sets_dir: &'a std::path::Path,
    pub tr: &'static Strings,
    pub text_size: f32,
    pub palette: Palette,
    /// Today's review for the chosen learner; `None` when none is chosen.
    pub review: Option<ReviewCard>,
}

/// What the review card at the top of the screen shows.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ReviewCard {
    pub counts: Counts,
    /// How many questions today's review holds.
    pub todays: usize,
}

/// An answer given, for the app to record in the learner's progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Answered {
    pub item: Item,
    pub attempt: crate::quiz::practice::Attempt,
    pub mode: Mode,
}

enum Stage {
    Setup,
    Question,
    Summary,
}

/// The learner's answer being put together, in screen positions.
#[derive(Default)]
pub(super) struct Draft {
    choice: Option<usize>,
    ticked: BTreeSet<usize>,
    true_false: Option<bool>,
    blanks: Vec<String>,
    number: String,
    /// Indices into the right order, in the order shown now.
    order: Vec<usize>,
    /// Per left-hand row, the screen position of the chosen right-hand item.
    matches: Vec<Option<usize>>,
    /// The ordering item or matching row the keyboard works on.
    selected: usize,
    focus_first_field: bool,
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

pub struct PracticeScreen {
    stage: Stage,
    /// Library indices of the sets chosen; `None` until the first frame picks all.
    chosen: Option<BTreeSet<usize>>,
    /// 0 means all questions.
    count: usize,
    shuffle: bool,
    rounds: u64,
    practice: Option<Practice>,
    draft: Draft,
    shown_at: Instant,
    clear_focus: bool,
    /// Set when an answer is given: the feedback scrolls into view once.
    reveal_feedback: bool,
    /// How the round's answers count in the learner's progress.
    mode: Mode,
}

impl Default for PracticeScreen {
    fn default() -> Self {
        Self {
            stage: Stage::Setup,
            chosen: None,
            count: 10,
            shuffle: true,
            rounds: 0,
            practice: None,
            draft: Draft::default(),
            shown_at: Instant::now(),
            clear_focus: false,
            reveal_feedback: false,
            mode: Mode::Practice,
        }
    }
}

/// "A", "B", … for screen position `i`.
fn letter(i: usize) -> char {
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

impl PracticeScreen {
    /// Whether a round is under way (the reader then offers a way back).
    pub fn in_round(&self) -> bool {
        matches!(self.stage, Stage::Question)
    }

    /// Whether a question is on screen and not yet answered: the text beside
    /// it must not give its answer away.
    pub fn awaiting_answer(&self) -> bool {
        matches!(self.stage, Stage::Question)
            && self
                .practice
                .as_ref()
                .is_some_and(|p| p.current_item().is_some() && p.current_attempt().is_none())
    }

    /// The passage of the question just answered, with a key that changes
    /// from one question to the next (so the text beside it turns to it once).
    pub fn answered_passage(&self) -> Option<(String, &crate::quiz::Source)> {
        let practice = self.practice.as_ref()?;
        if !matches!(self.stage, Stage::Question) || practice.current_attempt().is_none() {
            return None;
        }
        let item = practice.current_item()?;
        let key = format!("{}/{}/{}", self.rounds, practice.current, item.question.id);
        Some((key, &item.question.source))
    }

    /// The round in progress or just finished.
    pub fn round(&self) -> Option<&Practice> {
        self.practice.as_ref()
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, input: &PracticeInput<'_>) -> Vec<Action> {
        let mut actions = Vec::new();
        if std::mem::take(&mut self.clear_focus) {
            // A new question starts with no widget focused, so that keys 1–9
            // and Enter act on the question, not on a leftover button. (The
            // answer field of a fill-in question takes the focus after this.)
            let ctx = ui.ctx().clone();
            if let Some(id) = ctx.memory(|m| m.focused()) {
                ctx.memory_mut(|m| m.surrender_focus(id));
            }
        }
        if matches!(self.stage, Stage::Question) {
            self.question_bar(ui, input, &mut actions);
        }
        // Each screen (and each question) scrolls on its own, starting at the top.
        let page = match self.stage {
            Stage::Setup => 0,
            Stage::Question => {
                1 + self.rounds * 10_000 + self.practice.as_ref().map_or(0, |p| p.current as u64)
            }
            Stage::Summary => u64::MAX,
        };
        egui::ScrollArea::vertical()
            .id_salt(("practice", page))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let width = (input.text_size * 38.0).min(ui.available_width());
                ui.vertical_centered(|ui| {
                    ui.set_max_width(width);
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        match self.stage {
                            Stage::Setup => self.setup(ui, input, &mut actions),
                            Stage::Question => self.question(ui, input, &mut actions),
                            Stage::Summary => self.summary(ui, input, &mut actions),
                        }
                    });
                });
            });
        actions
    }

    // ------------------------------------------------------------ setup

    fn setup(&mut self, ui: &mut egui::Ui, input: &PracticeInput<'_>, actions: &mut Vec<Action>) {
        let tr = input.tr;
        review_card(ui, input, actions);
        let chosen_sets = choose_sets(ui, input, &mut self.chosen);
        ui.add_space(input.text_size * 0.5);
        count_choice(ui, tr, tr.practice_count, &[5, 10, 20, 0], &mut self.count);
        ui.checkbox(&mut self.shuffle, tr.practice_shuffle);
        ui.add_space(input.text_size * 0.5);
        let questions: usize = chosen_sets.iter().map(|s| s.set.questions.len()).sum();
        let start = ui.add_enabled(
            questions > 0,
            egui::Button::new(
                RichText::new(format!("{} {}", icons::START, tr.practice_start)).strong(),
            ),
        );
        if start.clicked() {
            let seed = if self.shuffle {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(self.rounds, |d| d.as_secs() ^ self.rounds)
            } else {
                0
            };
            let practice = Practice::new(
                &chosen_sets,
                Options {
                    count: self.count,
                    shuffle: self.shuffle,
                    seed,
                },
            );
            self.begin(practice, Mode::Practice);
        }

        if !input.library.broken.is_empty() {
            ui.add_space(input.text_size);
            ui.separator();
            let title = fill(
                tr.practice_broken_title,
                &[("n", &input.library.broken.len())],
            );
            ui.label(
                RichText::new(format!("{} {title}", icons::WARNING))
                    .color(ui.visuals().error_fg_color),
            );
            for broken in &input.library.broken {
                for problem in &broken.problems {
                    ui.label(RichText::new(format_problem(tr, problem)).small());
                }
            }
        }
    }

    /// Starts a round; its answers are recorded as `mode`.
    pub fn begin(&mut self, practice: Practice, mode: Mode) {
        self.mode = mode;
        self.rounds += 1;
        self.practice = Some(practice);
        self.stage = Stage::Question;
        self.start_question();
    }

    fn start_question(&mut self) {
        let Some(practice) = &self.practice else {
            return;
        };
        match practice.current_item() {
            Some(item) => {
                self.draft = Draft::for_item(item);
                self.shown_at = Instant::now();
                self.clear_focus = true;
            }
            None => self.stage = Stage::Summary,
        }
    }

    // ------------------------------------------------------------ one question

    fn question(
        &mut self,
        ui: &mut egui::Ui,
        input: &PracticeInput<'_>,
        actions: &mut Vec<Action>,
    ) {
        let tr = input.tr;
        let Some(practice) = self.practice.as_mut() else {
            self.stage = Stage::Setup;
            return;
        };
        let Some(item) = practice.current_item().cloned() else {
            self.stage = Stage::Summary;
            return;
        };
        let answered = practice.current_attempt().cloned();
        let total = practice.items.len();
        let number = practice.current + 1;

        ui.add_space(input.text_size * 0.3);
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(fill(
                    tr.practice_progress,
                    &[("n", &number), ("total", &total)],
                ))
                .strong(),
            );
            ui.label(RichText::new(format!("· {}", type_label(tr, &item.question.answer))).weak());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(tr.practice_quit).clicked() {
                    self.stage = Stage::Summary;
                }
            });
        });
        ui.add(
            egui::ProgressBar::new(number as f32 / total as f32)
                .desired_height(input.text_size * 0.35),
        );
        ui.add_space(input.text_size * 0.6);
        if !item.question.prompt.is_empty() {
            ui.label(
                RichText::new(&item.question.prompt)
                    .size(input.text_size * 1.15)
                    .strong(),
            );
            ui.add_space(input.text_size * 0.5);
        }

        let locked = answered.is_some();
        answer_widget(ui, &item, &mut self.draft, locked, input);
        ui.add_space(input.text_size * 0.6);

        if let Some(attempt) = &answered {
            let shown = feedback(ui, &item, attempt, input, actions);
            if std::mem::take(&mut self.reveal_feedback) {
                shown.scroll_to_me(Some(egui::Align::Max));
            }
        }
    }

    /// The bar under the question: the hint and "Trả lời", or "Câu tiếp
    /// theo" — always in view, whatever the length of the question.
    fn question_bar(
        &mut self,
        ui: &mut egui::Ui,
        input: &PracticeInput<'_>,
        actions: &mut Vec<Action>,
    ) {
        let tr = input.tr;
        let Some(practice) = self.practice.as_mut() else {
            return;
        };
        let Some(item) = practice.current_item().cloned() else {
            return;
        };
        let answered = practice.current_attempt().is_some();
        let last = practice.current + 1 == practice.items.len();
        let enter = ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Enter));
        let mut advance = false;
        egui::Panel::bottom("practice-bar")
            .frame(
                egui::Frame::new()
                    .fill(input.palette.page)
                    .inner_margin(egui::Margin::symmetric(0, 10)),
            )
            .show(ui, |ui| {
                let width = (input.text_size * 38.0).min(ui.available_width());
                let margin = ((ui.available_width() - width) / 2.0).max(0.0);
                ui.horizontal_wrapped(|ui| {
                    ui.add_space(margin);
                    ui.set_max_width(width + margin);
                    if answered {
                        let label = if last {
                            tr.practice_finish
                        } else {
                            tr.practice_next
                        };
                        let next = ui.button(
                            RichText::new(format!("{label} {}", icons::NEXT_QUESTION)).strong(),
                        );
                        advance = next.clicked() || enter;
                    } else {
                        let ready = self.draft.is_ready(&item);
                        let submit = ui.add_enabled(
                            ready,
                            egui::Button::new(RichText::new(tr.practice_submit).strong()),
                        );
                        if submit.clicked() || (enter && ready) {
                            let response = self.draft.response(&item);
                            if let Some(attempt) =
                                practice.answer(response, self.shown_at.elapsed())
                            {
                                actions.push(Action::Answered(Box::new(Answered {
                                    item: item.clone(),
                                    attempt: attempt.clone(),
                                    mode: self.mode,
                                })));
                            }
                            self.reveal_feedback = true;
                        }
                        ui.label(RichText::new(hint(tr, &item.question.answer)).weak());
                    }
                });
            });
        if advance {
            practice.advance();
            self.start_question();
            // Clear the focus now, before the next question's field asks for it.
            if std::mem::take(&mut self.clear_focus)
                && let Some(id) = ui.ctx().memory(|m| m.focused())
            {
                ui.ctx().memory_mut(|m| m.surrender_focus(id));
            }
        }
    }

    // ------------------------------------------------------------ summary

    fn summary(&mut self, ui: &mut egui::Ui, input: &PracticeInput<'_>, actions: &mut Vec<Action>) {
        let tr = input.tr;
        let Some(practice) = &self.practice else {
            self.stage = Stage::Setup;
            return;
        };
        let summary = practice.summary();
        ui.add_space(input.text_size * 0.5);
        ui.heading(tr.practice_summary_title);
        let percent = if summary.total == 0 {
            0
        } else {
            (summary.score / summary.total as f32 * 100.0).round() as u32
        };
        ui.label(
            RichText::new(fill(
                tr.practice_summary_score,
                &[
                    ("right", &summary.right),
                    ("total", &summary.total),
                    ("percent", &percent),
                ],
            ))
            .size(input.text_size * 1.3)
            .strong(),
        );
        ui.label(fill(
            tr.practice_summary_time,
            &[("time", &duration_text(tr, summary.time))],
        ));
        ui.add_space(input.text_size * 0.5);
        let mut next_stage = None;
        ui.horizontal_wrapped(|ui| {
            if !summary.missed.is_empty()
                && ui
                    .button(RichText::new(tr.practice_retry_missed).strong())
                    .clicked()
            {
                next_stage = Some(true);
            }
            if ui.button(tr.practice_new_round).clicked() {
                next_stage = Some(false);
            }
        });
        ui.add_space(input.text_size * 0.5);
        ui.separator();
        if summary.missed.is_empty() {
            ui.label(tr.practice_none_missed);
        } else {
            ui.label(RichText::new(tr.practice_missed_title).strong());
            for &i in &summary.missed {
                let item = &practice.items[i];
                ui.add_space(input.text_size * 0.3);
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    let prompt = if item.question.prompt.is_empty() {
                        question_text(&item.question.answer)
                    } else {
                        item.question.prompt.clone()
                    };
                    ui.label(RichText::new(prompt).strong());
                    let yes_no = (tr.practice_true, tr.practice_false);
                    ui.label(fill(
                        tr.practice_correct_answer,
                        &[(
                            "answer",
                            &correct_answer_text(&item.question.answer, yes_no.0, yes_no.1),
                        )],
                    ));
                    if practice.attempts[i].is_none() {
                        ui.label(RichText::new(tr.practice_not_answered).weak());
                    }
                    if ui
                        .button(format!("{} {}", icons::OPEN_BOOK, tr.practice_show_in_text))
                        .clicked()
                    {
                        actions.push(Action::ShowPassage(item.question.source.clone()));
                    }
                });
            }
        }
        match next_stage {
            Some(true) => {
                let again = practice.retry_missed();
                self.begin(again, self.mode);
            }
            Some(false) => {
                self.practice = None;
                self.stage = Stage::Setup;
            }
            None => {}
        }
    }
}

/// The sets of the open document as checkboxes; returns the chosen ones.
/// By default the hand-written sets, or the generated one when there are none.
pub(super) fn choose_sets<'a>(
    ui: &mut egui::Ui,
    input: &PracticeInput<'a>,
    chosen: &mut Option<BTreeSet<usize>>,
) -> Vec<&'a crate::quiz::LoadedSet> {
    let tr = input.tr;
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
    ui.add_space(input.text_size * 0.5);
    ui.heading(tr.practice_sets);
    ui.add_space(input.text_size * 0.3);
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

/// Today's review at the top of the setup page: due, new and learned, and a
/// button to start; or, with no learner chosen, a way to choose one.
fn review_card(ui: &mut egui::Ui, input: &PracticeInput<'_>, actions: &mut Vec<Action>) {
    let tr = input.tr;
    let size = input.text_size;
    ui.add_space(size * 0.5);
    egui::Frame::group(ui.style())
        .inner_margin(size * 0.6)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!("{} {}", icons::REVIEW, tr.review_title))
                    .size(size * 1.2)
                    .strong(),
            );
            let Some(card) = input.review else {
                ui.label(tr.review_no_profile);
                if ui
                    .button(format!("{} {}", icons::PERSON, tr.progress_choose_profile))
                    .clicked()
                {
                    actions.push(Action::ShowProfilePicker);
                }
                return;
            };
            let counts = card.counts;
            ui.label(
                RichText::new(fill(
                    tr.review_counts,
                    &[
                        ("due", &counts.due),
                        ("new", &counts.new),
                        ("learned", &counts.learned),
                    ],
                ))
                .strong(),
            );
            if card.todays == 0 {
                ui.label(RichText::new(tr.review_nothing).weak());
            } else {
                let start = ui.button(
                    RichText::new(format!(
                        "{} {}",
                        icons::START,
                        fill(tr.review_start, &[("n", &card.todays)])
                    ))
                    .strong(),
                );
                if start.clicked() {
                    actions.push(Action::StartReview);
                }
            }
        });
}

fn type_label(tr: &Strings, answer: &Answer) -> &'static str {
    match answer {
        Answer::SingleChoice { .. } => tr.qtype_single,
        Answer::MultipleChoice { .. } => tr.qtype_multiple,
        Answer::TrueFalse(_) => tr.qtype_true_false,
        Answer::FillBlank { .. } => tr.qtype_blank,
        Answer::Numeric { .. } => tr.qtype_numeric,
        Answer::Ordering(_) => tr.qtype_ordering,
        Answer::Matching(_) => tr.qtype_matching,
    }
}

fn hint(tr: &Strings, answer: &Answer) -> String {
    let keys = |template: &str, choices: usize| {
        let n = choices.min(9);
        fill(
            template,
            &[("n", &n), ("letter", &letter(n.saturating_sub(1)))],
        )
    };
    match answer {
        Answer::SingleChoice { choices, .. } => keys(tr.practice_hint_choice, choices.len()),
        Answer::MultipleChoice { choices, .. } => keys(tr.practice_hint_multi, choices.len()),
        Answer::TrueFalse(_) => tr.practice_hint_true_false.to_string(),
        Answer::FillBlank { .. } => tr.practice_hint_blank.to_string(),
        Answer::Numeric { .. } => tr.practice_hint_number.to_string(),
        Answer::Ordering(_) => tr.practice_hint_order.to_string(),
        Answer::Matching(_) => tr.practice_hint_match.to_string(),
    }
}

/// A fill-in-the-blank text with its blanks numbered, for lists.
fn question_text(answer: &Answer) -> String {
    match answer {
        Answer::FillBlank { text, .. } => numbered_blanks(text),
        _ => String::new(),
    }
}

fn numbered_blanks(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split(BLANK).enumerate() {
        if i > 0 {
            out.push_str(&format!("({i}) ____"));
        }
        out.push_str(part);
    }
    out
}

fn duration_text(tr: &Strings, d: Duration) -> String {
    let secs = d.as_secs();
    fill(
        tr.minutes_seconds,
        &[("m", &(secs / 60)), ("s", &(secs % 60))],
    )
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
    input: &PracticeInput<'_>,
) -> egui::Response {
    let p = input.palette;
    let tr = input.tr;
    let size = input.text_size;
    let min_size = egui::vec2(ui.available_width(), size * 2.0);
    let button = match mark {
        Some(right) => {
            let (icon, words, fill, stroke) = if right {
                (icons::RIGHT, tr.practice_right_choice, p.focus, p.right)
            } else {
                (icons::WRONG, tr.practice_your_choice, p.error_bg, p.wrong)
            };
            let text = RichText::new(format!("{icon}  {label}   — {words}"))
                .size(size)
                .strong()
                .color(p.text);
            egui::Button::new(text)
                .fill(fill)
                .stroke(Stroke::new(3.0, stroke))
        }
        None if locked => egui::Button::new(RichText::new(label).size(size).color(p.muted))
            .fill(egui::Color32::TRANSPARENT)
            .stroke(Stroke::new(1.0, p.muted.gamma_multiply(0.5))),
        None => {
            let mut text = RichText::new(label).size(size);
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
    input: &PracticeInput<'_>,
) {
    let ctx = ui.ctx().clone();
    let tr = input.tr;
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
                if option_button(ui, label, selected, mark, locked, input).clicked() && !locked {
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
                if option_button(ui, label, ticked, mark, locked, input).clicked() && !locked {
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
                        input,
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
            ui.label(RichText::new(numbered_blanks(text)).size(input.text_size));
            ui.add_space(input.text_size * 0.3);
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
                                .font(egui::FontId::proportional(input.text_size))
                                .text_color(input.palette.text)
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
                                .size(input.text_size)
                                .strong()
                                .color(input.palette.right),
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
                                    .size(input.text_size)
                                    .strong()
                                    .color(input.palette.wrong),
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
                let label = ui.label(RichText::new(tr.practice_number_label).size(input.text_size));
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut draft.number)
                            .interactive(!locked)
                            .font(egui::FontId::proportional(input.text_size * 1.2))
                            .text_color(input.palette.text)
                            .desired_width(input.text_size * 10.0)
                            .return_key(None),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut draft.focus_first_field) {
                    field.request_focus();
                }
                if let Some(unit) = unit {
                    ui.label(RichText::new(unit).size(input.text_size));
                }
            });
        }
        Answer::Ordering(items) => ordering_widget(ui, items, draft, locked, input),
        Answer::Matching(pairs) => matching_widget(ui, item, pairs, draft, locked, input),
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
    input: &PracticeInput<'_>,
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
    let row_height = input.text_size * 2.0;
    for (pos, &index) in draft.order.clone().iter().enumerate() {
        let selected = !locked && draft.selected == pos;
        let mark = locked.then_some(index == pos);
        let frame_stroke = match mark {
            Some(true) => Stroke::new(2.5, input.palette.right),
            Some(false) => Stroke::new(2.5, input.palette.wrong),
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
                        if up.on_hover_text(input.tr.practice_move_up).clicked() {
                            moves = Some((pos, pos - 1));
                        }
                        let down = ui.add_enabled(pos + 1 < n, egui::Button::new(icons::MOVE_DOWN));
                        if down.on_hover_text(input.tr.practice_move_down).clicked() {
                            moves = Some((pos, pos + 1));
                        }
                    }
                    let prefix = match mark {
                        Some(true) => format!("{} ", icons::RIGHT),
                        Some(false) => format!("{} ", icons::WRONG),
                        None => String::new(),
                    };
                    let text = RichText::new(format!("{prefix}{}. {}", pos + 1, items[index]))
                        .size(input.text_size);
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
                    Stroke::new(3.0, input.palette.right),
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
    input: &PracticeInput<'_>,
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
                RichText::new(format!("{}. {}", letter(pos), pairs[index].1)).size(input.text_size),
            );
        }
    });
    ui.add_space(input.text_size * 0.4);
    for (row, (left, _)) in pairs.iter().enumerate() {
        let chosen = draft.matches[row];
        let right = chosen.map(|p| item.layout.rights[p] == row);
        let selected = !locked && draft.selected == row;
        let stroke = match (locked, right) {
            (true, Some(true)) => Stroke::new(2.5, input.palette.right),
            (true, _) => Stroke::new(2.5, input.palette.wrong),
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
                            .size(input.text_size)
                            .strong(),
                    );
                    for pos in 0..n {
                        let is_chosen = chosen == Some(pos);
                        let button = egui::Button::new(
                            RichText::new(letter(pos).to_string()).size(input.text_size),
                        )
                        .selected(is_chosen)
                        .min_size(egui::vec2(input.text_size * 2.0, input.text_size * 1.8));
                        if ui.add(button).clicked() && !locked {
                            draft.matches[row] = Some(pos);
                            draft.selected = row;
                        }
                    }
                    if let Some(pos) = draft.matches[row] {
                        let chosen_text = &pairs[item.layout.rights[pos]].1;
                        ui.label(RichText::new(chosen_text).size(input.text_size).weak());
                    }
                });
            });
    }
}

pub(super) fn feedback(
    ui: &mut egui::Ui,
    item: &Item,
    attempt: &crate::quiz::practice::Attempt,
    input: &PracticeInput<'_>,
    actions: &mut Vec<Action>,
) -> egui::Response {
    let tr = input.tr;
    let palette = input.palette;
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
            ui.label(
                RichText::new(text)
                    .size(input.text_size * 1.2)
                    .strong()
                    .color(color),
            );
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
                ui.add_space(input.text_size * 0.3);
                ui.label(&item.question.explanation);
            }
            ui.add_space(input.text_size * 0.3);
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
