//! The practice screen: choose sets, answer questions of every type with the
//! mouse or the keyboard alone, see right away whether each answer was right
//! and where the text says so, and end with a summary.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use egui::{Key, RichText};

use super::Action;
use super::icons;
use super::widgets::{
    Draft, SetsOf, answer_widget, choose_sets, count_choice, feedback, letter, numbered_blanks,
};
use crate::i18n::{Strings, fill, format_problem};
use crate::progress::clock::{Clock, format_local};
use crate::progress::{Counts, Mode};
use crate::quiz::practice::{Item, Options, Practice};
use crate::quiz::{Answer, Library, correct_answer_text};

/// What the screen needs from the app for one frame.
pub struct PracticeInput<'a> {
    pub library: &'a Library,
    pub document_id: &'a str,
    pub user_sets_dir: &'a std::path::Path,
    /// Language, text size, colours.
    pub look: super::look::Look,
    /// Today's review for the chosen learner; `None` when none is chosen.
    pub review: Option<ReviewCard>,
}

impl<'a> PracticeInput<'a> {
    /// The sets of the open document, for choosing.
    pub fn sets(&self) -> SetsOf<'a> {
        SetsOf {
            library: self.library,
            document_id: self.document_id,
            user_sets_dir: self.user_sets_dir,
        }
    }
}

/// What the review card at the top of the screen shows.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ReviewCard {
    pub counts: Counts,
    /// How many questions today's review holds.
    pub todays: usize,
    /// When the next question falls due, if one will.
    pub next: Option<crate::calendar::Millis>,
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
                let width = (input.look.em(38.0)).min(ui.available_width());
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
        let tr = input.look.tr;
        review_card(ui, input, actions);
        let chosen_sets = choose_sets(ui, &input.look, input.sets(), &mut self.chosen);
        ui.add_space(input.look.em(0.5));
        count_choice(ui, tr, tr.practice_count, &[5, 10, 20, 0], &mut self.count);
        ui.checkbox(&mut self.shuffle, tr.practice_shuffle);
        ui.add_space(input.look.em(0.5));
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
            ui.add_space(input.look.text_size);
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
        let tr = input.look.tr;
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

        ui.add_space(input.look.em(0.3));
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
                .desired_height(input.look.em(0.35)),
        );
        ui.add_space(input.look.em(0.6));
        if !item.question.prompt.is_empty() {
            ui.label(
                RichText::new(&item.question.prompt)
                    .size(input.look.em(1.15))
                    .strong(),
            );
            ui.add_space(input.look.em(0.5));
        }

        let locked = answered.is_some();
        answer_widget(ui, &item, &mut self.draft, locked, &input.look);
        ui.add_space(input.look.em(0.6));

        if let Some(attempt) = &answered {
            let shown = feedback(ui, &item, attempt, &input.look, actions);
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
        let tr = input.look.tr;
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
                    .fill(input.look.palette.page)
                    .inner_margin(egui::Margin::symmetric(0, 10)),
            )
            .show(ui, |ui| {
                let width = (input.look.em(38.0)).min(ui.available_width());
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
        let tr = input.look.tr;
        let Some(practice) = &self.practice else {
            self.stage = Stage::Setup;
            return;
        };
        let summary = practice.summary();
        ui.add_space(input.look.em(0.5));
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
            .size(input.look.em(1.3))
            .strong(),
        );
        ui.label(fill(
            tr.practice_summary_time,
            &[("time", &duration_text(tr, summary.time))],
        ));
        // After today's review: when to come back.
        if self.mode == Mode::Review
            && let Some(review) = input.review.filter(|r| r.todays == 0)
        {
            let done = match review.next {
                Some(at) => fill(
                    tr.practice_review_done_next,
                    &[("when", &format_local(&Clock::system(), at))],
                ),
                None => tr.practice_review_done.to_string(),
            };
            ui.add_space(input.look.em(0.3));
            ui.label(
                RichText::new(format!("{} {done}", icons::RIGHT))
                    .strong()
                    .color(input.look.palette.right),
            );
        }
        ui.add_space(input.look.em(0.5));
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
        ui.add_space(input.look.em(0.5));
        ui.separator();
        if summary.missed.is_empty() {
            ui.label(tr.practice_none_missed);
        } else {
            ui.label(RichText::new(tr.practice_missed_title).strong());
            for &i in &summary.missed {
                let item = &practice.items[i];
                ui.add_space(input.look.em(0.3));
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

/// Today's review at the top of the setup page: due, new and learned, and a
/// button to start; or, with no learner chosen, a way to choose one.
fn review_card(ui: &mut egui::Ui, input: &PracticeInput<'_>, actions: &mut Vec<Action>) {
    let tr = input.look.tr;
    let look = &input.look;
    ui.add_space(look.em(0.5));
    egui::Frame::group(ui.style())
        .inner_margin(look.em(0.6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!("{} {}", icons::REVIEW, tr.review_title))
                    .size(look.em(1.2))
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

fn duration_text(tr: &Strings, d: Duration) -> String {
    let secs = d.as_secs();
    fill(
        tr.minutes_seconds,
        &[("m", &(secs / 60)), ("s", &(secs % 60))],
    )
}
