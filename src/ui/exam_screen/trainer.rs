//! The exam screen's trainer side: an exam file opened (its settings shown,
//! not chosen; the learner types a name and unit), and the self-test's
//! choices saved as an exam file for the class.

use egui::RichText;

use super::{Action, ExamInput, ExamScreen, icons};
use crate::classroom::exam::Exam;
use crate::classroom::exam_file::{ExamFile, Window};
use crate::i18n::fill;

/// What the trainer chooses for an exam file beyond the self-test's
/// settings.
pub(super) struct MakeExam {
    title: String,
    /// How many exam codes (101, 102, …).
    codes: u32,
    allow_reading: bool,
    show_answers: bool,
    ask_unit: bool,
}

impl Default for MakeExam {
    fn default() -> Self {
        Self {
            title: String::new(),
            codes: 4,
            allow_reading: false,
            show_answers: true,
            ask_unit: true,
        }
    }
}

impl MakeExam {
    /// The exam file of these sets: `count` questions in all (0: every
    /// one), shared among the sets in proportion.
    pub(super) fn exam_file(
        &self,
        sets: &[&crate::quiz::LoadedSet],
        count: usize,
        minutes: u32,
        pass_percent: u32,
    ) -> ExamFile {
        use crate::classroom::exam_file::{EXAM_FILE_VERSION, Part, split_count};
        let sizes: Vec<usize> = sets.iter().map(|s| s.set.questions.len()).collect();
        let parts = sets
            .iter()
            .zip(split_count(count, &sizes))
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| Part {
                key: s.key(),
                count: n,
                tags: Vec::new(),
                set: s.set.clone(),
            })
            .collect();
        ExamFile {
            exam_file: EXAM_FILE_VERSION,
            title: crate::text::nfc(self.title.trim()).into_owned(),
            minutes,
            pass_percent,
            codes: (0..self.codes).map(|i| 101 + i).collect(),
            allow_reading: self.allow_reading,
            show_answers: self.show_answers,
            ask_unit: self.ask_unit,
            opens: None,
            closes: None,
            parts,
        }
    }
}

/// The space between the learner's part of a screen and the trainer's.
pub(super) fn look_gap(input: &ExamInput<'_>) -> f32 {
    input.practice.look.em(1.0)
}

impl ExamScreen {
    /// The trainer's exam: its settings shown, not chosen; the learner
    /// types a name (and unit) and starts.
    pub(super) fn setup_file(
        &mut self,
        ui: &mut egui::Ui,
        input: &ExamInput<'_>,
        actions: &mut Vec<Action>,
    ) {
        let look = &input.practice.look;
        let (tr, palette) = (look.tr, look.palette);
        let Some(opened) = &self.opened else {
            return;
        };
        let file = &opened.file;
        ui.add_space(look.em(0.5));
        ui.heading(RichText::new(&file.title).size(look.em(1.3)).strong());
        ui.label(tr.exam_file_locked);
        ui.add_space(look.em(0.3));
        let time = if file.minutes == 0 {
            tr.exam_file_no_limit.to_string()
        } else {
            fill(tr.exam_file_minutes, &[("minutes", &file.minutes)])
        };
        ui.label(
            RichText::new(fill(
                tr.exam_file_facts,
                &[
                    ("count", &file.question_count()),
                    ("time", &time),
                    ("percent", &file.pass_percent),
                ],
            ))
            .size(look.em(1.1))
            .strong(),
        );
        ui.label(if file.allow_reading {
            tr.exam_file_reading_allowed
        } else {
            tr.exam_file_reading_closed
        });
        let window = file.window(crate::progress::clock::now_ms());
        match &window {
            Window::Open => {}
            Window::NotYet(at) => {
                ui.label(
                    RichText::new(fill(tr.exam_file_not_yet, &[("time", at)]))
                        .color(palette.wrong)
                        .strong(),
                );
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_secs(5));
            }
            Window::Closed(at) => {
                ui.label(
                    RichText::new(fill(tr.exam_file_closed, &[("time", at)]))
                        .color(palette.wrong)
                        .strong(),
                );
            }
        }
        ui.add_space(look.em(0.5));
        let field_width = look.em(18.0).min(ui.available_width() * 0.7);
        // The fields under each other, the typing place ready in the first
        // one still empty.
        let focus = std::mem::take(&mut self.focus_field);
        let mut entered = false;
        egui::Grid::new("exam-learner")
            .num_columns(2)
            .spacing([look.em(0.5), look.em(0.4)])
            .show(ui, |ui| {
                let label = ui.label(RichText::new(tr.exam_file_name).strong());
                let name = ui
                    .add(egui::TextEdit::singleline(&mut self.name).desired_width(field_width))
                    .labelled_by(label.id);
                ui.end_row();
                if focus && self.name.trim().is_empty() {
                    name.request_focus();
                }
                entered |= name.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if file.ask_unit {
                    let label = ui.label(RichText::new(tr.exam_file_unit).strong());
                    let unit = ui
                        .add(egui::TextEdit::singleline(&mut self.unit).desired_width(field_width))
                        .labelled_by(label.id);
                    ui.end_row();
                    if focus && !self.name.trim().is_empty() && self.unit.trim().is_empty() {
                        unit.request_focus();
                    }
                    entered |= unit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                }
            });
        let named =
            !self.name.trim().is_empty() && (!file.ask_unit || !self.unit.trim().is_empty());
        if !named {
            ui.label(RichText::new(tr.exam_file_type_name).color(palette.warning));
        }
        ui.add_space(look.em(0.5));
        let mut close = false;
        let mut started = None;
        ui.horizontal_wrapped(|ui| {
            let start = ui.add_enabled(
                named && window == Window::Open,
                egui::Button::new(
                    RichText::new(format!("{} {}", icons::START, tr.exam_start))
                        .size(look.em(1.15))
                        .strong(),
                ),
            );
            // Enter in a field starts, once everything is filled in.
            if start.clicked() || (entered && start.enabled()) {
                let code = file.code_for(&self.name, &self.unit);
                let exam = Exam::from_file(
                    file,
                    code,
                    &self.name,
                    &self.unit,
                    input.now,
                    crate::progress::clock::now_ms(),
                );
                if let Some(sitting) = exam.sitting(file, input.now) {
                    actions.push(Action::SaveSitting(Box::new(sitting)));
                }
                started = Some(exam);
            }
            if ui.button(tr.exam_file_close).clicked() {
                close = true;
            }
        });
        if let Some(exam) = started {
            self.saved_at = input.now;
            self.begin(exam);
        }
        if close {
            self.opened = None;
        }
        // Folded away: the learner's screen stays theirs.
        ui.add_space(look.em(1.5));
        egui::CollapsingHeader::new(RichText::new(tr.exam_report_heading).strong())
            .id_salt("exam-file-report")
            .show(ui, |ui| {
                ui.label(tr.exam_report_intro_file);
                report_button(ui, look, actions);
            });
    }

    /// For the trainer: the same choices, saved as an exam file with the
    /// settings locked, to copy to every learner's PC.
    pub(super) fn for_trainer(
        &mut self,
        ui: &mut egui::Ui,
        input: &ExamInput<'_>,
        sets: &[&crate::quiz::LoadedSet],
        actions: &mut Vec<Action>,
    ) {
        let look = &input.practice.look;
        let tr = look.tr;
        egui::CollapsingHeader::new(RichText::new(tr.exam_make_heading).strong())
            .id_salt("exam-for-trainer")
            .show(ui, |ui| {
                ui.label(tr.exam_make_intro);
                ui.horizontal_wrapped(|ui| {
                    let label = ui.label(tr.exam_make_title);
                    ui.add(
                        egui::TextEdit::singleline(&mut self.make.title)
                            .desired_width(look.em(20.0).min(ui.available_width())),
                    )
                    .labelled_by(label.id);
                });
                ui.horizontal_wrapped(|ui| {
                    ui.label(tr.exam_make_codes);
                    for n in 1..=4 {
                        ui.selectable_value(&mut self.make.codes, n, n.to_string());
                    }
                });
                ui.checkbox(&mut self.make.allow_reading, tr.exam_make_allow_reading);
                ui.checkbox(&mut self.make.show_answers, tr.exam_make_show_answers);
                ui.checkbox(&mut self.make.ask_unit, tr.exam_make_ask_unit);
                let ready = !self.make.title.trim().is_empty() && !sets.is_empty();
                let write = ui.add_enabled(
                    ready,
                    egui::Button::new(
                        RichText::new(format!("{} {}", icons::EXPORT, tr.exam_make_write)).strong(),
                    ),
                );
                if write.clicked() {
                    let file =
                        self.make
                            .exam_file(sets, self.count, self.minutes, self.pass_percent);
                    actions.push(Action::WriteExamFile(Box::new(file)));
                }
                ui.add_space(look.em(0.8));
                ui.label(RichText::new(tr.exam_report_heading).strong());
                ui.label(tr.exam_report_intro);
                report_button(ui, look, actions);
            });
    }
}

/// "Put the class's results together…": a result file chosen, its folder
/// read.
fn report_button(ui: &mut egui::Ui, look: &crate::ui::look::Look, actions: &mut Vec<Action>) {
    let tr = look.tr;
    if ui
        .button(format!("{} {}", icons::OPEN, tr.exam_report_button))
        .clicked()
    {
        actions.push(Action::ShowResultsDialog);
    }
}
