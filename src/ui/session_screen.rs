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
use super::room_view::{lobby_view, podium};
use super::widgets::{choose_sets, count_choice};
use crate::classroom::live::{PhonesPlan, Show};
use crate::classroom::training::{MAX_TEAMS, Stage, Training, TrainingPlan, TrainingResult};
use crate::i18n::fill;
use crate::progress::clock::{Clock, format_local};
use crate::workspace::Room;

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
    /// The type scale that makes the current question and stage fit, and
    /// the size of the page it was found for (the window grows as it goes
    /// full screen: the scale is found again).
    fit: (Option<(usize, Stage, [i32; 2])>, f32),
    /// Answered on phones, and how.
    phones: bool,
    phones_plan: PhonesPlan,
    /// What the phones were last told: (stage, question, paused).
    told: Option<(Stage, usize, bool)>,
    /// Whether the phones' choice was read from the settings.
    phones_read: bool,
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
            phones: false,
            phones_plan: PhonesPlan::default(),
            told: None,
            phones_read: false,
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
    /// The room for phones, while a session with phones runs.
    pub room: Option<&'a Room>,
    /// The trainer's last choice of phones (from the settings).
    pub saved_phones: Option<&'a PhonesPlan>,
}

/// Where the projector is, for the phones.
pub fn show_of(training: &Training, now: f64) -> Show {
    let question = training.current;
    match training.stage {
        Stage::Ready => Show::Lobby,
        Stage::Asking => Show::Asking {
            question,
            remaining: if training.is_paused() {
                None
            } else {
                training.remaining(now).map(|r| (r * 1000.0) as u64)
            },
            limit: u64::from(training.plan.seconds) * 1000,
        },
        Stage::Revealed => Show::Revealed { question },
        Stage::Scoreboard => Show::Leaderboard { question },
        Stage::Finished => Show::Finished,
    }
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
        let look = &input.practice.look;
        if !self.phones_read {
            self.phones_read = true;
            self.phones = input.saved_phones.is_some();
            if let Some(plan) = input.saved_phones {
                self.phones_plan = plan.clone();
            }
        }
        ui.add_space(look.em(0.5));
        ui.heading(RichText::new(tr.session_title).size(look.em(1.3)));
        let sets = choose_sets(
            ui,
            &input.practice.look,
            input.practice.sets(),
            &mut self.chosen,
        );
        ui.add_space(look.em(0.5));
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
        ui.add_space(look.em(0.3));
        ui.checkbox(&mut self.phones, RichText::new(tr.phones_option).strong());
        if self.phones {
            ui.indent("phones-options", |ui| {
                ui.radio_value(&mut self.phones_plan.speed_points, true, tr.phones_speed);
                ui.radio_value(&mut self.phones_plan.speed_points, false, tr.phones_count);
                ui.checkbox(&mut self.phones_plan.teams, tr.phones_teams);
                ui.checkbox(&mut self.phones_plan.ask_unit, tr.phones_ask_unit);
                ui.checkbox(&mut self.phones_plan.text_on_phone, tr.phones_text);
                ui.label(RichText::new(tr.phones_help).weak());
            });
        }
        // Teams scored from the keyboard: for rooms without phones.
        ui.add_enabled_ui(!self.phones, |ui| self.teams_setup(ui, input));
        ui.add_space(look.em(0.5));
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
                phones: self.phones.then(|| self.phones_plan.clone()),
            };
            let started = crate::progress::clock::now_ms();
            let mut plan = plan;
            if plan.phones.is_some() {
                plan.teams.clear();
            }
            if plan.phones.as_ref() != input.saved_phones {
                actions.push(Action::SetSessionPhones(plan.phones.clone()));
            }
            let training = Training::new(&sets, plan, started.get() as u64, started, input.now);
            if let Some(phones) = &training.plan.phones {
                actions.push(Action::OpenRoom(Box::new((
                    phones.clone(),
                    training.items.clone(),
                ))));
                self.told = None;
            }
            actions.push(Action::SaveSession(Box::new(training.result())));
            actions.push(Action::SetFullscreen(true));
            // The keys are shown first (the Ready stage), the clock not yet
            // running.
            self.training = Some(training);
            self.help = false;
            self.help_paused = false;
        }
        ui.add_space(look.em(0.3));
        ui.label(RichText::new(tr.session_keys_title).strong());
        ui.label(RichText::new(tr.session_keys).weak());

        if !input.past.is_empty() {
            ui.add_space(look.em(0.6));
            ui.separator();
            ui.label(RichText::new(tr.session_past).size(look.em(1.1)).strong());
            let clock = Clock::system();
            for (path, read) in input.past {
                ui.horizontal_wrapped(|ui| match read {
                    Ok(result) => {
                        let date = format_local(&clock, result.started);
                        ui.label(if result.phones.is_some() {
                            fill(
                                tr.session_past_phones,
                                &[
                                    ("date", &date),
                                    ("questions", &result.questions.len()),
                                    ("n", &result.players.len()),
                                ],
                            )
                        } else {
                            fill(
                                tr.session_past_line,
                                &[
                                    ("date", &date),
                                    ("questions", &result.questions.len()),
                                    ("teams", &result.teams.len()),
                                ],
                            )
                        });
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

    /// How many teams, and their names.
    fn teams_setup(&mut self, ui: &mut egui::Ui, input: &SessionInput<'_>) {
        let tr = input.practice.look.tr;
        let look = &input.practice.look;
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
                ui.add(egui::TextEdit::singleline(name).desired_width(look.em(14.0)))
                    .labelled_by(label.id);
            });
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
        let look = &input.practice.look;
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
        ui.add_space(look.em(0.5));
        let clock = Clock::system();
        ui.heading(format_local(&clock, result.started));
        ui.label(result.sets.join(" · "));
        let height = ui.available_height().min(look.em(20.0));
        let (rect, _) = ui.allocate_exact_size(
            egui::vec2(ui.available_width(), height),
            egui::Sense::hover(),
        );
        let palette = input.practice.look.palette;
        if result.players.is_empty() {
            scoreboard(
                ui,
                rect,
                tr.session_final,
                &result.teams,
                &result.totals(),
                &palette,
                tr,
            );
        } else {
            let mut best: Vec<(String, u32)> = result
                .players
                .iter()
                .map(|p| (p.name.clone(), p.score))
                .collect();
            best.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            best.truncate(10);
            podium(ui, rect, &best, &palette, tr);
        }
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
            if training.plan.phones.is_some() {
                actions.push(Action::CloseRoom);
                // Its saved file, with every phone's answers, is first in
                // the list of past sessions.
                self.viewing = None;
            } else {
                self.viewing = Some(training.result());
            }
            self.training = None;
            self.told = None;
        }
    }

    /// Tells the phones where the projector is, when that changed (by a
    /// key, a click or the pause).
    fn tell_phones(&mut self, now: f64, actions: &mut Vec<Action>) {
        let Some(training) = &self.training else {
            return;
        };
        if training.plan.phones.is_none() {
            return;
        }
        let now_at = (training.stage, training.current, training.is_paused());
        if self.told != Some(now_at) {
            self.told = Some(now_at);
            actions.push(Action::RoomShow(show_of(training, now)));
        }
    }

    fn present(&mut self, ui: &mut egui::Ui, input: &SessionInput<'_>, actions: &mut Vec<Action>) {
        self.keys(ui, input, actions);
        self.tell_phones(input.now, actions);
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
        let room = input.room.filter(|_| training.plan.phones.is_some());
        if training.stage == Stage::Ready {
            match room {
                Some(room) => {
                    if let Some(id) = lobby_view(ui, inner, unit, room, &palette, tr) {
                        actions.push(Action::RemovePlayer(id));
                    }
                }
                None => ready_view(ui, inner, unit, training, &palette, tr),
            }
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
        match room {
            // How many have answered, live.
            Some(room) if matches!(training.stage, Stage::Asking | Stage::Revealed) => text_at(
                ui,
                top.center(),
                Align2::CENTER_CENTER,
                {
                    let mut line = fill(
                        tr.room_answered,
                        &[("n", &room.view.answered), ("total", &room.view.joined)],
                    );
                    if training.stage == Stage::Revealed {
                        line.push_str(" · ");
                        line.push_str(&fill(tr.room_right, &[("n", &room.view.right)]));
                    }
                    line
                },
                unit * 1.2,
                palette.text,
            ),
            _ => text_at(
                ui,
                top.center(),
                Align2::CENTER_CENTER,
                tr.session_help_hint,
                unit * 0.8,
                palette.muted,
            ),
        }
        // Latecomers can join at any question: the address stays at the foot.
        let mut inner = inner;
        if let Some(room) = room.filter(|_| training.stage != Stage::Finished) {
            if let Some(address) = &room.address {
                text_at(
                    ui,
                    inner.left_bottom(),
                    Align2::LEFT_BOTTOM,
                    fill(
                        tr.room_late,
                        &[("address", &address.typed), ("pin", &room.pin())],
                    ),
                    unit * 0.75,
                    palette.muted,
                );
            }
            inner.max.y -= unit * 1.2;
        }
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
            Stage::Finished if room.is_some() => {
                let leaders = room.map(|r| r.view.leaders.clone()).unwrap_or_default();
                podium(ui, body, &leaders, &palette, tr);
            }
            Stage::Scoreboard if room.is_some() => {
                let view = room.map(|r| &r.view);
                let (names, points): (Vec<String>, Vec<usize>) = view
                    .map(|v| {
                        v.leaders
                            .iter()
                            .map(|(n, p)| (n.clone(), *p as usize))
                            .unzip()
                    })
                    .unwrap_or_default();
                let board = egui::Rect::from_min_max(
                    body.min,
                    egui::pos2(body.right(), body.bottom() - unit * 1.4),
                );
                scoreboard(
                    ui,
                    board,
                    &fill(tr.room_leaderboard, &[("n", &number)]),
                    &names,
                    &points,
                    &palette,
                    tr,
                );
                text_at(
                    ui,
                    body.center_bottom(),
                    Align2::CENTER_BOTTOM,
                    tr.room_own_rank,
                    unit * 0.8,
                    palette.muted,
                );
            }
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
                let key = (
                    training.current,
                    training.stage,
                    [body.width().round() as i32, body.height().round() as i32],
                );
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
                question_view(
                    &mut child,
                    training,
                    unit * scale,
                    floor,
                    &palette,
                    tr,
                    room.map(|r| &r.view),
                );
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
