//! Training sessions on a projector: set up (sets, count, order, time per
//! question, teams), then a full-screen presentation driven from the keyboard
//! or a presentation clicker, with a countdown, the answer revealed, team
//! scoring and a scoreboard. Each change is saved; past sessions reopen.

use std::collections::BTreeSet;
use std::path::PathBuf;

use egui::{Align2, Color32, Key, RichText};

use super::Action;
use super::command::Command;
use super::icons;
use super::practice::PracticeInput;
use super::presenter::{TEAM_KEY_NAMES, keys_box, question_view, ready_view, scoreboard, text_at};
use super::widgets::{choose_sets, count_choice};
use crate::classroom::training::{MAX_TEAMS, Stage, Training, TrainingPlan, TrainingResult};
use crate::i18n::fill;
use crate::progress::clock::{Clock, format_local};

/// The keys that mark teams 1–12, in keyboard order.
pub const TEAM_KEYS: [Key; MAX_TEAMS] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
    Key::Num0,
    Key::Minus,
    Key::Equals,
];

pub struct SessionScreen {
    chosen: Option<BTreeSet<usize>>,
    count: usize,
    shuffle: bool,
    seconds: u32,
    team_names: Vec<String>,
    training: Option<Training>,
    /// Screen blanked (B).
    blank: bool,
    help: bool,
    /// The help paused the countdown (and closing it starts it again).
    help_paused: bool,
    /// The scoreboard shown over a question (S).
    scores_over: bool,
    /// A past session opened from the list.
    viewing: Option<TrainingResult>,
    /// The type scale that makes the current question and stage fit.
    fit: (Option<(usize, Stage)>, f32),
}

impl Default for SessionScreen {
    fn default() -> Self {
        Self {
            chosen: None,
            count: 10,
            shuffle: true,
            seconds: 30,
            team_names: Vec::new(),
            training: None,
            blank: false,
            help: false,
            help_paused: false,
            scores_over: false,
            viewing: None,
            fit: (None, 1.0),
        }
    }
}

/// What the screen needs from the app.
pub struct SessionInput<'a> {
    pub practice: PracticeInput<'a>,
    /// Seconds on the window's steady clock.
    pub now: f64,
    pub past: &'a [(PathBuf, Result<TrainingResult, String>)],
    pub fullscreen: bool,
}

impl SessionScreen {
    /// Whether the presentation fills the window (no toolbars).
    pub fn is_presenting(&self) -> bool {
        self.training.is_some()
    }

    pub fn training(&self) -> Option<&Training> {
        self.training.as_ref()
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, input: &SessionInput<'_>) -> Vec<Action> {
        let mut actions = Vec::new();
        if self.training.is_some() {
            self.present(ui, input, &mut actions);
        } else if let Some(result) = self.viewing.clone() {
            self.view_past(ui, input, &result, &mut actions);
        } else {
            egui::ScrollArea::vertical()
                .id_salt("session-setup")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let width = (input.practice.look.em(38.0)).min(ui.available_width());
                    ui.vertical_centered(|ui| {
                        ui.set_max_width(width);
                        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                            self.setup(ui, input, &mut actions);
                        });
                    });
                });
        }
        actions
    }

    fn setup(&mut self, ui: &mut egui::Ui, input: &SessionInput<'_>, actions: &mut Vec<Action>) {
        let tr = input.practice.look.tr;
        let size = input.practice.look.text_size;
        ui.add_space(size * 0.5);
        ui.heading(RichText::new(tr.session_title).size(size * 1.3));
        let sets = choose_sets(
            ui,
            &input.practice.look,
            input.practice.sets(),
            &mut self.chosen,
        );
        ui.add_space(size * 0.5);
        count_choice(ui, tr, tr.practice_count, &[5, 10, 20, 0], &mut self.count);
        ui.checkbox(&mut self.shuffle, tr.practice_shuffle);
        ui.horizontal_wrapped(|ui| {
            ui.label(tr.session_seconds);
            for s in [0, 15, 30, 45, 60, 90] {
                let label = if s == 0 {
                    tr.session_no_timer.to_string()
                } else {
                    fill(tr.session_seconds_value, &[("n", &s)])
                };
                ui.selectable_value(&mut self.seconds, s, label);
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(tr.session_teams);
            let mut teams = self.team_names.len();
            for n in [0, 2, 3, 4, 5, 6, 8, 10, 12] {
                let label = if n == 0 {
                    tr.session_no_teams.to_string()
                } else {
                    n.to_string()
                };
                ui.selectable_value(&mut teams, n, label);
            }
            if teams != self.team_names.len() {
                self.team_names.resize_with(teams, String::new);
                for (i, name) in self.team_names.iter_mut().enumerate() {
                    if name.is_empty() {
                        *name = fill(tr.session_team_default, &[("n", &(i + 1))]);
                    }
                }
            }
        });
        for (i, name) in self.team_names.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let label = ui.label(fill(
                    tr.session_team_name,
                    &[("n", &format!("{} ({})", i + 1, TEAM_KEY_NAMES[i]))],
                ));
                ui.add(egui::TextEdit::singleline(name).desired_width(size * 14.0))
                    .labelled_by(label.id);
            });
        }
        ui.add_space(size * 0.5);
        let questions: usize = sets.iter().map(|s| s.set.questions.len()).sum();
        let start = ui.add_enabled(
            questions > 0,
            egui::Button::new(
                RichText::new(format!(
                    "{} {}",
                    icons::START,
                    Command::Present.with_keys(tr)
                ))
                .strong(),
            ),
        );
        let f5 = questions > 0 && ui.input_mut(|i| Command::Present.pressed(i));
        if start.clicked() || f5 {
            let plan = TrainingPlan {
                count: self.count,
                shuffle: self.shuffle,
                seconds: self.seconds,
                teams: self
                    .team_names
                    .iter()
                    .enumerate()
                    .map(|(i, n)| {
                        let n = crate::text::nfc(n.trim()).into_owned();
                        if n.is_empty() {
                            fill(tr.session_team_default, &[("n", &(i + 1))])
                        } else {
                            n
                        }
                    })
                    .collect(),
                phones: None,
            };
            let started = crate::progress::clock::now_ms();
            let training = Training::new(&sets, plan, started as u64, started, input.now);
            actions.push(Action::SaveSession(Box::new(training.result())));
            actions.push(Action::SetFullscreen(true));
            // The keys are shown first (the Ready stage), the clock not yet
            // running.
            self.training = Some(training);
            self.help = false;
            self.help_paused = false;
        }
        ui.add_space(size * 0.3);
        ui.label(RichText::new(tr.session_keys_title).strong());
        ui.label(RichText::new(tr.session_keys).weak());

        if !input.past.is_empty() {
            ui.add_space(size * 0.6);
            ui.separator();
            ui.label(RichText::new(tr.session_past).size(size * 1.1).strong());
            let clock = Clock::system();
            for (path, read) in input.past {
                ui.horizontal_wrapped(|ui| match read {
                    Ok(result) => {
                        ui.label(fill(
                            tr.session_past_line,
                            &[
                                ("date", &format_local(&clock, result.started)),
                                ("questions", &result.questions.len()),
                                ("teams", &result.teams.len()),
                            ],
                        ));
                        if ui.button(tr.session_open).clicked() {
                            self.viewing = Some(result.clone());
                        }
                    }
                    Err(error) => {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            fill(
                                tr.session_unreadable,
                                &[("path", &path.display()), ("error", error)],
                            ),
                        );
                    }
                });
            }
        }
    }

    fn view_past(
        &mut self,
        ui: &mut egui::Ui,
        input: &SessionInput<'_>,
        result: &TrainingResult,
        actions: &mut Vec<Action>,
    ) {
        let tr = input.practice.look.tr;
        let size = input.practice.look.text_size;
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(format!("⬅ {}", tr.session_back_to_setup))
                .clicked()
            {
                self.viewing = None;
            }
            if ui
                .button(format!("{} {}", icons::EXPORT, tr.session_export_csv))
                .clicked()
            {
                actions.push(Action::ExportSessionCsv(Box::new(result.clone())));
            }
        });
        ui.add_space(size * 0.5);
        let clock = Clock::system();
        ui.heading(format_local(&clock, result.started));
        ui.label(result.sets.join(" · "));
        let height = ui.available_height().min(size * 20.0);
        let (rect, _) = ui.allocate_exact_size(
            egui::vec2(ui.available_width(), height),
            egui::Sense::hover(),
        );
        let palette = input.practice.look.palette;
        scoreboard(
            ui,
            rect,
            tr.session_final,
            &result.teams,
            &result.totals(),
            &palette,
            tr,
        );
    }

    // ------------------------------------------------------------ presenting

    fn keys(&mut self, ui: &egui::Ui, input: &SessionInput<'_>, actions: &mut Vec<Action>) {
        let now = input.now;
        let Some(training) = &mut self.training else {
            return;
        };
        let mut changed = false;
        let mut end = false;
        ui.input_mut(|i| {
            let mut pressed = |key: Key| i.consume_key(egui::Modifiers::NONE, key);
            if pressed(Key::PageDown)
                || pressed(Key::Space)
                || pressed(Key::ArrowRight)
                || pressed(Key::Enter)
            {
                if self.blank || self.scores_over || self.help {
                    self.blank = false;
                    self.scores_over = false;
                    if self.help {
                        self.help = false;
                        if std::mem::take(&mut self.help_paused) {
                            training.resume(now);
                        }
                    }
                } else {
                    training.forward(now);
                    changed = true;
                }
            }
            if pressed(Key::PageUp) || pressed(Key::ArrowLeft) || pressed(Key::Backspace) {
                training.back(now);
                changed = true;
            }
            if changed {
                // A step closes the key help along with its pause.
                self.help = false;
                self.help_paused = false;
            }
            for (team, key) in TEAM_KEYS.iter().enumerate() {
                if pressed(*key) && training.toggle_team(team) {
                    changed = true;
                }
            }
            if pressed(Key::P) {
                self.help_paused = false;
                if training.is_paused() {
                    training.resume(now);
                } else {
                    training.pause(now);
                }
            }
            if pressed(Key::B) || pressed(Key::Period) {
                self.blank = !self.blank;
            }
            if pressed(Key::S) {
                self.scores_over = !self.scores_over;
            }
            // Not before the first question: the keys are on the screen.
            if (pressed(Key::F1) || pressed(Key::H)) && training.stage != Stage::Ready {
                self.help = !self.help;
                // The keys cover the question: its countdown waits meanwhile.
                if self.help && !training.is_paused() && training.stage == Stage::Asking {
                    training.pause(now);
                    self.help_paused = true;
                } else if !self.help && std::mem::take(&mut self.help_paused) {
                    training.resume(now);
                }
            }
            if pressed(Key::F11) {
                actions.push(Action::SetFullscreen(!input.fullscreen));
            }
            if pressed(Key::Escape) {
                if input.fullscreen {
                    actions.push(Action::SetFullscreen(false));
                } else {
                    end = true;
                }
            }
        });
        if changed || end {
            actions.push(Action::SaveSession(Box::new(training.result())));
        }
        if end {
            // The scoreboard into the Documents folder, for the report.
            actions.push(Action::ExportSessionCsv(Box::new(training.result())));
            self.viewing = Some(training.result());
            self.training = None;
        }
    }

    fn present(&mut self, ui: &mut egui::Ui, input: &SessionInput<'_>, actions: &mut Vec<Action>) {
        self.keys(ui, input, actions);
        let tr = input.practice.look.tr;
        let palette = input.practice.look.palette;
        let rect = ui.max_rect();
        let painter = ui.painter().clone();
        let Some(training) = &self.training else {
            return;
        };
        if self.blank {
            painter.rect_filled(ui.ctx().content_rect(), 0.0, Color32::BLACK);
            return;
        }
        // Everything is sized from the window: legible from the back of a hall.
        let unit = (rect.height() / 24.0).min(rect.width() / 34.0);
        let margin = unit * 1.2;
        let inner = rect.shrink(margin);
        if !training.is_paused() && training.remaining(input.now).is_some_and(|r| r > 0.0) {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        let total = training.items.len();
        let number = training.current + 1;

        // Top line: question number, the end key, and the countdown.
        let top = egui::Rect::from_min_size(inner.min, egui::vec2(inner.width(), unit * 2.2));
        if training.stage == Stage::Ready {
            ready_view(ui, inner, unit, training, &palette, tr);
            return;
        }
        text_at(
            ui,
            top.left_center(),
            Align2::LEFT_CENTER,
            fill(tr.practice_progress, &[("n", &number), ("total", &total)]),
            unit * 1.3,
            palette.muted,
        );
        text_at(
            ui,
            top.center(),
            Align2::CENTER_CENTER,
            tr.session_help_hint,
            unit * 0.8,
            palette.muted,
        );
        if let Some(left) = training.remaining(input.now) {
            let up = left <= 0.0;
            let color = if up || left <= 5.0 {
                palette.wrong
            } else {
                palette.text
            };
            let text = if up {
                tr.session_time_up.to_string()
            } else {
                format!("{}", left.ceil() as u32)
            };
            text_at(
                ui,
                top.right_center(),
                Align2::RIGHT_CENTER,
                text,
                unit * 2.0,
                color,
            );
            // A bar under the top line empties as time runs out.
            let share = (left / f64::from(training.plan.seconds)).clamp(0.0, 1.0) as f32;
            let bar = egui::Rect::from_min_size(
                egui::pos2(inner.left(), top.bottom() + unit * 0.2),
                egui::vec2(inner.width() * share, unit * 0.3),
            );
            painter.rect_filled(bar, 2.0, color);
            if up {
                painter.rect_stroke(
                    rect.shrink(unit * 0.2),
                    0.0,
                    egui::Stroke::new(unit * 0.3, palette.wrong),
                    egui::StrokeKind::Inside,
                );
            }
        }
        if training.is_paused() {
            text_at(
                ui,
                egui::pos2(inner.center().x, top.bottom() + unit * 1.2),
                Align2::CENTER_CENTER,
                tr.session_paused,
                unit * 1.2,
                palette.accent,
            );
        }
        let body = egui::Rect::from_min_max(
            egui::pos2(inner.left(), top.bottom() + unit * 2.0),
            inner.max,
        );

        match training.stage {
            Stage::Scoreboard | Stage::Finished => {
                let title = if training.stage == Stage::Finished {
                    tr.session_final.to_string()
                } else {
                    fill(tr.session_scoreboard, &[("n", &number)])
                };
                scoreboard(
                    ui,
                    body,
                    &title,
                    &training.plan.teams,
                    &training.totals(),
                    &palette,
                    tr,
                );
            }
            Stage::Ready => {}
            Stage::Asking | Stage::Revealed => {
                // Shrunk until it fits: a long question with its answer and
                // passage must not run off the bottom of the screen.
                let key = (training.current, training.stage);
                if self.fit.0 != Some(key) {
                    self.fit = (Some(key), 1.0);
                }
                let scale = self.fit.1;
                // Flush left, not justified (stretched words are hard to
                // read from afar).
                let mut child = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(body)
                        .layout(egui::Layout::top_down(egui::Align::Min)),
                );
                // The explanation and passage never go below a size read from
                // the back of a hall: about 26 px on a 1024×768 projector.
                let floor = unit * 0.87;
                question_view(&mut child, training, unit * scale, floor, &palette, tr);
                let used = child.min_rect().height();
                if used > body.height() && scale > 0.35 {
                    self.fit.1 = scale * 0.9;
                    ui.ctx().request_repaint();
                }
            }
        }
        if self.scores_over && training.has_teams() {
            painter.rect_filled(body, 8.0, palette.page);
            scoreboard(
                ui,
                body,
                &fill(tr.session_scoreboard, &[("n", &number)]),
                &training.plan.teams,
                &training.totals(),
                &palette,
                tr,
            );
        }
        if self.help {
            let help = egui::Rect::from_center_size(
                body.center(),
                egui::vec2(body.width() * 0.9, body.height()),
            );
            keys_box(ui, help, unit, &palette, tr);
        }
    }
}
