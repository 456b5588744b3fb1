//! The exam: a learner at a PC answers N questions drawn with an exam code
//! (seed), against the clock, with no feedback until it is handed in; then
//! the score, pass or fail, and a review of every question with its passage.
//!
//! Two kinds: an exam file from the trainer (settings locked, the learner
//! types only a name and unit; the reader closed unless the file allows it;
//! saved after every answer so a crash resumes it), or self-testing with
//! settings of one's own, labelled as practice.

use std::collections::BTreeSet;
use std::path::PathBuf;

use egui::RichText;

use super::Action;
use super::command::Command;
use super::icons;
use super::practice::PracticeInput;
use super::widgets::{Draft, answer_widget, choose_sets, count_choice, feedback};
use crate::classroom::exam::{Exam, ExamPlan, Sitting};
use crate::classroom::exam_file::ExamFile;
use crate::i18n::fill;
use crate::quiz::practice::Attempt;
use crate::workspace::Screen;

mod trainer;
use trainer::{MakeExam, look_gap};

pub struct ExamScreen {
    chosen: Option<BTreeSet<usize>>,
    count: usize,
    seed_text: String,
    minutes: u32,
    pass_percent: u32,
    exam: Option<Exam>,
    drafts: Vec<Draft>,
    /// What each question's draft gives before the learner touches it: an
    /// ordering left as it was shown is not an answer.
    untouched: Vec<crate::quiz::Response>,
    confirm_submit: bool,
    /// The trainer's exam file, when one was opened: its settings rule.
    opened: Option<OpenedExam>,
    /// Name and unit, as the learner types them for an exam file.
    name: String,
    unit: String,
    /// An exam to go on with, from before the app was closed: resumed on
    /// the first frame, when the window's clock is known.
    pending: Option<Sitting>,
    /// When (steady seconds) the exam was last saved for resuming.
    saved_at: f64,
    /// The trainer's choices for an exam file.
    make: MakeExam,
    /// Put the typing place in the learner's name (or unit) once.
    focus_field: bool,
}

/// An exam file opened in the app.
pub struct OpenedExam {
    pub path: Option<PathBuf>,
    pub file: ExamFile,
    /// Its closing time, read once (checked every frame while it runs).
    closes_at: Option<crate::calendar::Millis>,
}

impl OpenedExam {
    fn new(path: Option<PathBuf>, file: ExamFile) -> OpenedExam {
        OpenedExam {
            closes_at: file.closes_at(),
            path,
            file,
        }
    }
}

/// How often a running exam from a file is saved even without a new answer
/// (for the time it has left).
const SAVE_EVERY_SECONDS: f64 = 10.0;

impl Default for ExamScreen {
    fn default() -> Self {
        Self {
            chosen: None,
            count: 20,
            seed_text: (crate::progress::clock::now_ms().get() % 9000 + 1000).to_string(),
            minutes: 15,
            pass_percent: 50,
            exam: None,
            drafts: Vec::new(),
            untouched: Vec::new(),
            confirm_submit: false,
            opened: None,
            name: String::new(),
            unit: String::new(),
            pending: None,
            saved_at: 0.0,
            make: MakeExam::default(),
            focus_field: false,
        }
    }
}

pub struct ExamInput<'a> {
    pub practice: PracticeInput<'a>,
    /// Seconds on the window's steady clock.
    pub now: f64,
    /// The learner sitting the exam.
    pub learner: Option<&'a str>,
}

fn clock_text(seconds: f64) -> String {
    let s = seconds.ceil() as u64;
    format!("{:02}:{:02}", s / 60, s % 60)
}

impl ExamScreen {
    pub fn exam(&self) -> Option<&Exam> {
        self.exam.as_ref()
    }

    /// The exam file opened, if any.
    pub fn opened(&self) -> Option<&OpenedExam> {
        self.opened.as_ref()
    }

    /// While an exam from a file runs: whether it lets the document be read.
    pub fn lock(&self) -> Option<bool> {
        let file = &self.opened.as_ref()?.file;
        self.exam
            .as_ref()
            .filter(|e| e.outcome.is_none() && e.stamp.is_some())
            .map(|_| file.allow_reading)
    }

    /// Shows a trainer's exam file, ready for the learner's name. Refused
    /// (false) while an exam from a file is being sat.
    pub fn open_file(
        &mut self,
        path: Option<PathBuf>,
        file: ExamFile,
        learner: Option<&str>,
    ) -> bool {
        if self.lock().is_some() {
            return false;
        }
        self.exam = None;
        self.drafts.clear();
        self.untouched.clear();
        self.confirm_submit = false;
        if self.name.trim().is_empty() {
            self.name = learner.unwrap_or_default().to_string();
        }
        self.opened = Some(OpenedExam::new(path, file));
        self.focus_field = true;
        true
    }

    /// Goes on with `sitting` on the next frame.
    pub fn resume_later(&mut self, sitting: Sitting) {
        self.pending = Some(sitting);
    }

    fn begin(&mut self, exam: Exam) {
        self.drafts = exam
            .items
            .iter()
            .zip(&exam.responses)
            .map(|(item, response)| match response {
                Some(r) => Draft::of_response(item, r),
                None => Draft::for_item(item),
            })
            .collect();
        self.untouched = exam
            .items
            .iter()
            .map(|item| Draft::for_item(item).response(item))
            .collect();
        self.exam = Some(exam);
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, input: &ExamInput<'_>) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Some(sitting) = self.pending.take() {
            match Exam::resume(&sitting, input.now) {
                Some(exam) => {
                    self.opened = Some(OpenedExam::new(None, sitting.exam));
                    self.name.clone_from(&exam.learner);
                    self.unit.clone_from(&exam.unit);
                    self.begin(exam);
                    self.saved_at = input.now;
                }
                None => actions.push(Action::SittingUnusable),
            }
        }
        let focused = ui.ctx().input(|i| i.viewport().focused);
        // The clock hands the exam in, whatever is on screen.
        if let Some(exam) = &mut self.exam
            && exam.outcome.is_none()
        {
            let mut changed = store_drafts(exam, &self.drafts, &self.untouched, input.now);
            // Leaving the window is kept at once, as an answer is.
            if let Some(focused) = focused {
                changed |= exam.focus(focused, input.now);
            }
            // The exam file's closing time hands it in too, whatever time
            // the learner had left.
            let wall = crate::progress::clock::now_ms();
            let closes = self.opened.as_ref().and_then(|o| o.closes_at);
            let closed = closes.is_some_and(|at| wall >= at);
            if closed {
                exam.submit(input.now, wall, true);
            }
            if closed || exam.check_time(input.now, wall) {
                actions.push(Action::ExamFinished(Box::new(exam.clone())));
                self.confirm_submit = false;
            } else {
                if closes.is_some() {
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_secs(1));
                }
                if exam.remaining(input.now).is_some() {
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(250));
                }
                let due = changed || input.now - self.saved_at >= SAVE_EVERY_SECONDS;
                if due
                    && let Some(opened) = &self.opened
                    && let Some(sitting) = exam.sitting(&opened.file, input.now)
                {
                    actions.push(Action::SaveSitting(Box::new(sitting)));
                    self.saved_at = input.now;
                }
            }
        }
        if self.exam.as_ref().is_some_and(|e| e.outcome.is_none()) {
            self.top_bar(ui, input, &mut actions);
        }
        let page = self.exam.as_ref().map_or(0, |e| {
            e.current + 1 + usize::from(e.outcome.is_some()) * 100_000
        });
        egui::ScrollArea::vertical()
            .id_salt(("exam", page))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let width = (input.practice.look.em(38.0)).min(ui.available_width());
                ui.vertical_centered(|ui| {
                    ui.set_max_width(width);
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        match &self.exam {
                            None if self.opened.is_some() => {
                                self.setup_file(ui, input, &mut actions)
                            }
                            None => self.setup(ui, input, &mut actions),
                            Some(e) if e.outcome.is_none() => self.question(ui, input),
                            Some(_) => self.results(ui, input, &mut actions),
                        }
                    });
                });
            });
        self.confirm(ui.ctx(), input, &mut actions);
        actions
    }

    fn setup(&mut self, ui: &mut egui::Ui, input: &ExamInput<'_>, actions: &mut Vec<Action>) {
        let tr = input.practice.look.tr;
        let look = &input.practice.look;
        ui.add_space(look.em(0.5));
        ui.heading(RichText::new(tr.exam_self_test).size(look.em(1.3)));
        ui.label(
            RichText::new(tr.exam_self_test_note)
                .color(input.practice.look.palette.warning)
                .strong(),
        );
        ui.label(tr.exam_intro);
        let sets = choose_sets(
            ui,
            &input.practice.look,
            input.practice.sets(),
            &mut self.chosen,
        );
        ui.add_space(look.em(0.5));
        count_choice(ui, tr, tr.exam_count, &[10, 20, 30, 0], &mut self.count);
        ui.horizontal_wrapped(|ui| {
            ui.label(tr.exam_minutes);
            for m in [5, 10, 15, 20, 30, 45, 60] {
                ui.selectable_value(&mut self.minutes, m, m.to_string());
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(tr.exam_pass);
            for p in [50, 60, 70, 80, 90] {
                ui.selectable_value(&mut self.pass_percent, p, format!("{p}%"));
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label(tr.exam_seed);
            ui.add(egui::TextEdit::singleline(&mut self.seed_text).desired_width(look.em(6.0)))
                .labelled_by(label.id);
        });
        self.seed_text.retain(|c| c.is_ascii_digit());
        ui.add_space(look.em(0.5));
        let questions: usize = sets.iter().map(|s| s.set.questions.len()).sum();
        if let Some(learner) = input.learner {
            ui.label(RichText::new(format!("{} {learner}", icons::PERSON)).strong());
            let start = ui.add_enabled(
                questions > 0 && !self.seed_text.is_empty(),
                egui::Button::new(
                    RichText::new(format!("{} {}", icons::START, tr.exam_start)).strong(),
                ),
            );
            if start.clicked() {
                let plan = ExamPlan {
                    count: self.count,
                    seed: self.seed_text.parse().unwrap_or(1),
                    minutes: self.minutes,
                    pass_percent: self.pass_percent,
                };
                let exam = Exam::new(&sets, plan, input.now, crate::progress::clock::now_ms());
                self.begin(exam);
                return;
            }
        } else {
            ui.label(RichText::new(tr.exam_no_profile).color(input.practice.look.palette.wrong));
            if ui
                .button(format!("{} {}", icons::PERSON, tr.progress_choose_profile))
                .clicked()
            {
                actions.push(Action::ShowProfilePicker);
            }
        }
        ui.add_space(look_gap(input));
        self.for_trainer(ui, input, &sets, actions);
    }

    fn top_bar(&mut self, ui: &mut egui::Ui, input: &ExamInput<'_>, actions: &mut Vec<Action>) {
        let tr = input.practice.look.tr;
        let palette = input.practice.look.palette;
        let closing = self.opened.as_ref().and_then(|o| o.file.closes.clone());
        let closing = closing.as_ref();
        let Some(exam) = &mut self.exam else {
            return;
        };
        let _ = actions;
        egui::Panel::top("exam-bar")
            .frame(
                egui::Frame::new()
                    .fill(palette.page)
                    .inner_margin(egui::Margin::symmetric(8, 8)),
            )
            .show(ui, |ui| {
                // The bar is for finding one's way; at the largest text
                // sizes it would leave no room for the question itself.
                super::style::cap_bar_text(ui);
                ui.horizontal_wrapped(|ui| {
                    if let Some(stamp) = &exam.stamp {
                        ui.label(RichText::new(&stamp.title).strong());
                        if let Some(closes) = closing {
                            ui.label(fill(tr.exam_closes_at, &[("time", closes)]));
                        }
                        ui.label(
                            RichText::new(fill(tr.exam_code_is, &[("code", &stamp.code)])).strong(),
                        );
                    }
                    let total = exam.items.len();
                    ui.label(
                        RichText::new(fill(
                            tr.practice_progress,
                            &[("n", &(exam.current + 1)), ("total", &total)],
                        ))
                        .strong(),
                    );
                    ui.label(fill(
                        tr.exam_answered,
                        &[("n", &exam.answered()), ("total", &total)],
                    ));
                    if let Some(left) = exam.remaining(input.now) {
                        let color = if left < 60.0 {
                            palette.wrong
                        } else {
                            palette.text
                        };
                        ui.label(
                            RichText::new(fill(tr.exam_time_left, &[("time", &clock_text(left))]))
                                .strong()
                                .color(color),
                        );
                    }
                    if ui.button(RichText::new(tr.exam_submit).strong()).clicked() {
                        self.confirm_submit = true;
                    }
                });
                // One button per question: filled once answered.
                ui.horizontal_wrapped(|ui| {
                    for i in 0..exam.items.len() {
                        let answered = exam.responses[i].is_some();
                        let text = RichText::new(format!("{}", i + 1)).strong();
                        let text = if answered {
                            text.color(palette.right)
                        } else {
                            text
                        };
                        if ui
                            .add(egui::Button::selectable(i == exam.current, text))
                            .clicked()
                        {
                            exam.current = i;
                        }
                    }
                });
            });
    }

    fn question(&mut self, ui: &mut egui::Ui, input: &ExamInput<'_>) {
        let tr = input.practice.look.tr;
        let look = &input.practice.look;
        let Some(exam) = &mut self.exam else {
            return;
        };
        let i = exam.current;
        let item = exam.items[i].clone();
        ui.add_space(look.em(0.5));
        if !item.question.prompt.is_empty() {
            ui.label(
                RichText::new(&item.question.prompt)
                    .size(look.em(1.15))
                    .strong(),
            );
            ui.add_space(look.em(0.4));
        }
        answer_widget(ui, &item, &mut self.drafts[i], false, &input.practice.look);
        ui.add_space(look.em(0.6));
        ui.horizontal(|ui| {
            if ui
                .add_enabled(i > 0, egui::Button::new(tr.exam_previous))
                .clicked()
            {
                exam.current -= 1;
            }
            if ui
                .add_enabled(
                    i + 1 < exam.items.len(),
                    egui::Button::new(RichText::new(tr.exam_next).strong()),
                )
                .clicked()
            {
                exam.current += 1;
            }
        });
    }

    fn confirm(&mut self, ctx: &egui::Context, input: &ExamInput<'_>, actions: &mut Vec<Action>) {
        if !self.confirm_submit {
            return;
        }
        let tr = input.practice.look.tr;
        let Some(exam) = &mut self.exam else {
            self.confirm_submit = false;
            return;
        };
        let unanswered = exam.items.len() - exam.answered();
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("exam-submit")).show(ctx, |ui| {
            ui.set_max_width(input.practice.look.em(24.0));
            ui.label(RichText::new(fill(tr.exam_submit_confirm, &[("n", &unanswered)])).strong());
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(RichText::new(tr.exam_submit).strong()).clicked() {
                    exam.submit(input.now, crate::progress::clock::now_ms(), false);
                    actions.push(Action::ExamFinished(Box::new(exam.clone())));
                    close = true;
                }
                if ui.button(tr.cancel).clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            self.confirm_submit = false;
        }
    }

    fn results(&mut self, ui: &mut egui::Ui, input: &ExamInput<'_>, actions: &mut Vec<Action>) {
        let tr = input.practice.look.tr;
        let look = &input.practice.look;
        let palette = input.practice.look.palette;
        let Some(exam) = &self.exam else {
            return;
        };
        let Some(outcome) = &exam.outcome else {
            return;
        };
        ui.add_space(look.em(0.5));
        let (verdict, color) = if outcome.passed {
            (tr.exam_passed, palette.right)
        } else {
            (tr.exam_failed, palette.wrong)
        };
        ui.label(
            RichText::new(verdict)
                .size(look.em(2.0))
                .strong()
                .color(color),
        );
        let score = format!("{:.1}", outcome.score)
            .replace(".0", "")
            .replace('.', ",");
        ui.label(
            RichText::new(fill(
                tr.exam_result,
                &[
                    ("score", &score),
                    ("total", &exam.items.len()),
                    ("percent", &outcome.percent),
                ],
            ))
            .size(look.em(1.3))
            .strong(),
        );
        ui.label(fill(
            tr.exam_pass_mark,
            &[("percent", &exam.plan.pass_percent)],
        ));
        if outcome.timed_out {
            ui.label(
                RichText::new(tr.exam_timed_out)
                    .color(palette.warning)
                    .strong(),
            );
        }
        ui.add_space(look.em(0.4));
        let from_file = exam.stamp.is_some();
        let mut again = false;
        ui.horizontal_wrapped(|ui| {
            if !from_file
                && ui
                    .button(RichText::new(format!("{} {}", icons::EXPORT, tr.exam_export)).strong())
                    .clicked()
            {
                actions.push(Action::ExportExamResult);
            }
            let again_label = if from_file {
                tr.exam_next_learner
            } else {
                tr.exam_new
            };
            if ui.button(again_label).clicked() {
                again = true;
            }
        });
        let show_answers = self.opened.as_ref().is_none_or(|o| o.file.show_answers);
        if from_file && !show_answers {
            ui.add_space(look.em(0.5));
            ui.label(tr.exam_answers_later);
            if again {
                self.exam = None;
                self.drafts.clear();
                self.untouched.clear();
                self.name.clear();
                self.unit.clear();
                self.focus_field = true;
            }
            return;
        }
        ui.add_space(look.em(0.5));
        ui.separator();
        ui.label(RichText::new(tr.exam_review).size(look.em(1.1)).strong());
        for (i, item) in exam.items.iter().enumerate() {
            ui.add_space(look.em(0.4));
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(format!("{}. {}", i + 1, item.question.prompt)).strong());
                answer_widget(ui, item, &mut self.drafts[i], true, &input.practice.look);
                match &exam.responses[i] {
                    Some(response) => {
                        let attempt = Attempt {
                            response: response.clone(),
                            grade: outcome.grades[i].clone(),
                            time: std::time::Duration::ZERO,
                        };
                        feedback(ui, item, &attempt, &input.practice.look, actions);
                    }
                    None => {
                        ui.label(RichText::new(tr.practice_not_answered).color(palette.wrong));
                        let answer = crate::quiz::correct_answer_text(
                            &item.question.answer,
                            tr.practice_true,
                            tr.practice_false,
                        );
                        ui.label(fill(tr.practice_correct_answer, &[("answer", &answer)]));
                        if ui
                            .button(format!("{} {}", icons::OPEN_BOOK, tr.practice_show_in_text))
                            .clicked()
                        {
                            actions.push(Action::ShowPassage(item.question.source.clone()));
                        }
                    }
                }
            });
        }
        if again {
            self.exam = None;
            self.drafts.clear();
            self.untouched.clear();
            if from_file {
                self.name.clear();
                self.unit.clear();
                self.focus_field = true;
            }
        }
    }
}

/// What the learner has given so far, as responses: a question is answered
/// once its draft is ready to grade and differs from how it was shown.
/// Returns whether any answer changed.
fn store_drafts(
    exam: &mut Exam,
    drafts: &[Draft],
    untouched: &[crate::quiz::Response],
    now: f64,
) -> bool {
    let mut changed = false;
    for (i, (draft, untouched)) in drafts.iter().zip(untouched).enumerate() {
        let item = &exam.items[i];
        let given = draft.response(item);
        let response = (draft.is_ready(item) && &given != untouched).then_some(given);
        changed |= exam.set_response(i, response, now);
    }
    changed
}

/// What may be done while an exam from a file runs: its own steps, the look
/// of the window, and — when the file allows reading — the reader and search.
pub(super) fn allowed_during_exam(action: &Action, reading: bool) -> bool {
    match action {
        Action::Run(command) => match command {
            Command::Quit | Command::TextLarger | Command::TextSmaller | Command::TextReset => true,
            Command::Show(Screen::Exam) => true,
            Command::Show(Screen::Reader)
            | Command::Find
            | Command::SearchNext
            | Command::SearchPrevious
            | Command::ClearSearch
            | Command::ToggleKeyPoints => reading,
            _ => false,
        },
        Action::SetTheme(_)
        | Action::SetTextSize(_)
        | Action::SetLanguage(_)
        | Action::SetShowNumbers(_)
        | Action::DismissNotice(_)
        | Action::OpenFolder(_)
        | Action::SetFullscreen(_)
        | Action::ExamFinished(_)
        | Action::SaveSitting(_)
        | Action::SittingUnusable
        | Action::CloseOpenDialog
        | Action::ClosePasteDialog
        | Action::CloseProfilePicker
        | Action::Quit => true,
        Action::ShowScreen(Screen::Exam) => true,
        Action::ShowScreen(Screen::Reader)
        | Action::SetShowKeyPoints(_)
        | Action::Search(_)
        | Action::SearchNext
        | Action::SearchPrevious
        | Action::ClearSearch
        | Action::MarkPassage(..)
        | Action::ShowKeyPoint(..) => reading,
        _ => false,
    }
}
