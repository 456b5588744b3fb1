//! Training sessions on a projector: set up (sets, count, order, time per
//! question, teams), then a full-screen presentation driven from the keyboard
//! or a presentation clicker, with a countdown, the answer revealed, team
//! scoring and a scoreboard. Each change is saved; past sessions reopen.

use std::collections::BTreeSet;
use std::path::PathBuf;

use egui::{Align2, Color32, FontId, Key, RichText};

use super::Action;
use super::command::Command;
use super::icons;
use super::practice::PracticeInput;
use super::widgets::{choose_sets, count_choice};
use crate::classroom::training::{MAX_TEAMS, Stage, Training, TrainingPlan, TrainingResult};
use crate::i18n::{Strings, fill};
use crate::progress::clock::{Clock, format_local};
use crate::quiz::{Answer, BLANK, correct_answer_text};

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
const TEAM_KEY_NAMES: [&str; MAX_TEAMS] =
    ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "-", "="];

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
                    let width = (input.practice.look.text_size * 38.0).min(ui.available_width());
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
        let sets = choose_sets(ui, &input.practice, &mut self.chosen);
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

/// Before the first question: what the session is, the keys, and how to
/// start. No countdown runs yet.
fn ready_view(
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
    let start = egui::Rect::from_min_max(
        egui::pos2(inner.left(), inner.bottom() - start_height + unit * 0.4),
        inner.max,
    );
    place_left(
        ui,
        start,
        egui::Label::new(
            RichText::new(format!("{} {}", icons::START, tr.session_ready_start))
                .size(unit * 1.1)
                .color(palette.accent)
                .strong(),
        )
        .wrap(),
    );
}

/// The keys in a framed box, the type as large as fits the box.
fn keys_box(
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
fn question_view(
    ui: &mut egui::Ui,
    training: &Training,
    unit: f32,
    floor: f32,
    palette: &super::style::Palette,
    tr: &Strings,
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
    let row = |ui: &mut egui::Ui, mark: &str, text: &str, right: bool, words: bool| {
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
        egui::Frame::new()
            .fill(fill_color)
            .inner_margin(unit * 0.3)
            .corner_radius(unit * 0.3)
            .stroke(stroke)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let line = big(&format!("{mark}  {text}"), unit * 1.25, text_color).strong();
                if revealed && right && words {
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
                );
            }
        }
        Answer::TrueFalse(value) => {
            row(ui, "A.", tr.practice_true, *value, true);
            row(ui, "B.", tr.practice_false, !*value, true);
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
                    row(ui, &mark, text, true, false);
                }
            } else {
                for (pos, &i) in item.layout.items.iter().enumerate() {
                    row(ui, &format!("{}.", letter(pos)), &items[i], false, false);
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
                    row(ui, &mark, &format!("{left}  —  {right}"), true, false);
                }
            } else {
                ui.columns(2, |columns| {
                    columns[0].spacing_mut().item_spacing.y = unit * 0.5;
                    columns[1].spacing_mut().item_spacing.y = unit * 0.5;
                    for (i, (left, _)) in pairs.iter().enumerate() {
                        row(&mut columns[0], &format!("{}.", i + 1), left, false, false);
                    }
                    for (pos, &r) in item.layout.rights.iter().enumerate() {
                        if let Some((_, right)) = pairs.get(r) {
                            row(
                                &mut columns[1],
                                &format!("{}.", letter(pos)),
                                right,
                                false,
                                false,
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
fn text_at(
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
fn scoreboard(
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
        .min(rect.width() / 24.0)
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
            fill(tr.session_points, &[("n", &totals[t])]),
            unit,
            palette.text,
        );
    }
}
