//! A session answered on phones, as pure state: who joined, the question
//! the room is on, what each phone answered and the points. The server
//! ([`super::server`]) feeds it the phones' messages with the time on its
//! own steady clock (ms); the window reads [`RoomView`]s of it.
//!
//! Every refusal is a [`Refusal`], so the protocol's rules are tested here
//! without a network.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::answers::{PhoneAnswer, PhoneText, phone_text, to_response};
use crate::quiz::practice::Item;
use crate::quiz::{Answer, Response, Verdict, grade};

/// The longest name (or team name) a phone may give, in characters.
pub const MAX_NAME: usize = 40;
/// The longest unit.
pub const MAX_UNIT: usize = 60;
/// More phones than a room holds: refused beyond this.
pub const MAX_PLAYERS: usize = 1000;
/// Points for a right answer given at once; half of it at the last second.
pub const FULL_POINTS: u32 = 1000;
/// Added per right answer in a row after the first, up to [`MAX_STREAK_BONUS`].
pub const STREAK_STEP: u32 = 100;
pub const MAX_STREAK_BONUS: u32 = 500;

/// How a session with phones is scored and what the phones ask.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhonesPlan {
    /// Points for speed and streaks (as Kahoot does); otherwise one point
    /// per right answer.
    pub speed_points: bool,
    /// The join page asks for the learner's unit too.
    pub ask_unit: bool,
    /// The question and its choices on the phone too (large-print users).
    pub text_on_phone: bool,
    /// One phone per team: the join page asks for the team's name.
    pub teams: bool,
}

impl Default for PhonesPlan {
    fn default() -> Self {
        Self {
            speed_points: true,
            ask_unit: false,
            text_on_phone: false,
            teams: false,
        }
    }
}

/// Why a message was not taken. Each has its own sentence on the phone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    WrongPin,
    UnknownPlayer,
    Removed,
    EmptyName,
    NameTooLong,
    Full,
    NotAsking,
    OtherQuestion,
    TimeUp,
    AlreadyAnswered,
    BadAnswer,
    TooFast,
    TooLarge,
}

/// Where the room is. Mirrors the projector's stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Lobby,
    /// Answers taken until `deadline` (server ms); `None`: no countdown, or
    /// the countdown paused.
    Asking {
        question: usize,
        opened: u64,
        deadline: Option<u64>,
        /// The countdown's full length (ms), for speed points; 0 without one.
        limit: u64,
    },
    Revealed {
        question: usize,
    },
    Leaderboard {
        question: usize,
    },
    Finished,
}

/// One answer, graded when it came.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answered {
    pub response: Response,
    pub verdict: Verdict,
    /// From 0 to 1.
    pub score: f32,
    pub points: u32,
    /// From the question shown to the answer, ms.
    pub ms: u64,
    /// The letters chosen, for the bars on the projector.
    #[serde(default)]
    pub positions: Vec<usize>,
}

#[derive(Clone, Debug)]
pub struct Player {
    pub id: u32,
    /// As typed (NFC, trimmed).
    pub name: String,
    /// As shown: the name, told apart from another with the same name.
    pub shown: String,
    pub unit: String,
    token: String,
    pub score: u32,
    pub streak: u32,
    pub removed: bool,
    /// Per question.
    pub answers: Vec<Option<Answered>>,
    /// Points of the last revealed question, for the phone.
    last_points: Option<(Verdict, u32)>,
}

/// What the projector shows of the room.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoomView {
    /// The question on screen, and whether answers to it are taken.
    pub question: Option<usize>,
    pub open: bool,
    pub joined: usize,
    /// Answers taken so far, all questions.
    pub total_answers: usize,
    /// Newest first: (id, shown name).
    pub names: Vec<(u32, String)>,
    /// Of the question on screen.
    pub answered: usize,
    /// Per letter: how many chose it (choice questions).
    pub counts: Vec<usize>,
    /// Right answers to the question on screen (partly right counts too).
    pub right: usize,
    /// Best first, at most ten: (shown name, points).
    pub leaders: Vec<(String, u32)>,
}

/// What one phone is shown.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PhoneView {
    pub phase: &'static str,
    /// 1-based; 0 in the lobby.
    pub number: usize,
    pub total: usize,
    pub kind: &'static str,
    /// Choices, items or right-hand items to tap (letters).
    pub options: usize,
    /// Blanks to fill, or left-hand items to match.
    pub fields: usize,
    /// The question and choices, when the plan shows them on phones.
    pub text: Option<PhoneText>,
    pub left_ms: Option<u64>,
    pub answered: bool,
    /// After the reveal: "right", "partial", "wrong" or "none".
    pub verdict: Option<&'static str>,
    pub points: u32,
    pub score: u32,
    pub rank: usize,
    pub players: usize,
    pub name: String,
}

/// The whole room.
#[derive(Clone, Debug)]
pub struct Game {
    pin: String,
    pub plan: PhonesPlan,
    items: Vec<Item>,
    pub players: Vec<Player>,
    by_token: HashMap<String, usize>,
    pub phase: Phase,
    /// Each player's rank (1-based), refreshed when the phase changes.
    ranks: Vec<usize>,
    /// Grows with every change the phones should see.
    pub version: u64,
}

/// A name as the phone gave it, cleaned: NFC, no control or direction
/// characters, spaces collapsed.
pub fn clean_name(raw: &str, max: usize) -> Result<String, Refusal> {
    // A very long name is refused before any work on it.
    if raw.len() > max * 8 {
        return Err(Refusal::NameTooLong);
    }
    let text = crate::text::nfc(raw);
    let kept: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .filter(|c| !matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}'))
        .collect();
    let name = crate::text::collapse_spaces(kept.trim());
    if name.chars().count() > max {
        return Err(Refusal::NameTooLong);
    }
    Ok(name)
}

impl Game {
    pub fn new(pin: String, plan: PhonesPlan, items: Vec<Item>) -> Game {
        Game {
            pin,
            plan,
            items,
            players: Vec::new(),
            by_token: HashMap::new(),
            phase: Phase::Lobby,
            ranks: Vec::new(),
            version: 0,
        }
    }

    pub fn pin(&self) -> &str {
        &self.pin
    }

    pub fn questions(&self) -> usize {
        self.items.len()
    }

    fn check_pin(&self, pin: &str) -> Result<(), Refusal> {
        // Compared in full, whatever the first difference.
        let a = self.pin.as_bytes();
        let b = pin.as_bytes();
        let mut diff = a.len() ^ b.len();
        for i in 0..a.len().min(b.len()) {
            diff |= usize::from(a[i] ^ b[i]);
        }
        if diff == 0 {
            Ok(())
        } else {
            Err(Refusal::WrongPin)
        }
    }

    /// The player a token belongs to, checked with the PIN.
    pub fn player(&self, pin: &str, token: &str) -> Result<usize, Refusal> {
        self.check_pin(pin)?;
        let &index = self.by_token.get(token).ok_or(Refusal::UnknownPlayer)?;
        if self.players[index].removed {
            return Err(Refusal::Removed);
        }
        Ok(index)
    }

    /// A new player; returns its index and secret token. `token` is the
    /// server's random secret for it.
    pub fn join(
        &mut self,
        pin: &str,
        name: &str,
        unit: &str,
        token: String,
    ) -> Result<usize, Refusal> {
        self.check_pin(pin)?;
        let name = clean_name(name, MAX_NAME)?;
        let unit = clean_name(unit, MAX_UNIT)?;
        if name.is_empty() {
            return Err(Refusal::EmptyName);
        }
        if self.active().count() >= MAX_PLAYERS {
            return Err(Refusal::Full);
        }
        let key = |s: &str| crate::text::fold(s, crate::text::Fold::Case);
        let same: Vec<&Player> = self
            .active()
            .filter(|p| key(&p.name) == key(&name))
            .collect();
        let shown = if same.is_empty() {
            name.clone()
        } else if !unit.is_empty() && same.iter().all(|p| key(&p.unit) != key(&unit)) {
            format!("{name} ({unit})")
        } else {
            let mut n = same.len() + 1;
            while self.active().any(|p| p.shown == format!("{name} ({n})")) {
                n += 1;
            }
            format!("{name} ({n})")
        };
        let id = self.players.len() as u32 + 1;
        self.by_token.insert(token.clone(), self.players.len());
        self.players.push(Player {
            id,
            name,
            shown,
            unit,
            token,
            score: 0,
            streak: 0,
            removed: false,
            answers: vec![None; self.items.len()],
            last_points: None,
        });
        self.refresh_ranks();
        self.version += 1;
        Ok(self.players.len() - 1)
    }

    /// Whether the player at `index` is still in the room.
    pub fn is_active(&self, index: usize) -> bool {
        self.players.get(index).is_some_and(|p| !p.removed)
    }

    pub fn token(&self, index: usize) -> &str {
        &self.players[index].token
    }

    fn active(&self) -> impl DoubleEndedIterator<Item = &Player> {
        self.players.iter().filter(|p| !p.removed)
    }

    /// The trainer sends a player out; their phone is told so.
    pub fn remove(&mut self, id: u32) -> bool {
        match self.players.iter_mut().find(|p| p.id == id && !p.removed) {
            Some(p) => {
                p.removed = true;
                self.refresh_ranks();
                self.version += 1;
                true
            }
            None => false,
        }
    }

    /// The projector moved on. Scores are settled at a reveal.
    pub fn set_phase(&mut self, phase: Phase) {
        if let Phase::Revealed { question } = phase {
            self.settle(question);
        }
        self.phase = phase;
        self.refresh_ranks();
        self.version += 1;
    }

    /// At a reveal: each player's points for the question, streaks broken
    /// for those who did not answer right.
    fn settle(&mut self, question: usize) {
        for p in &mut self.players {
            match p.answers.get(question).and_then(Option::as_ref) {
                Some(a) => p.last_points = Some((a.verdict, a.points)),
                None => {
                    p.last_points = None;
                    p.streak = 0;
                }
            }
        }
    }

    fn refresh_ranks(&mut self) {
        let mut scores: Vec<u32> = self.active().map(|p| p.score).collect();
        scores.sort_unstable_by(|a, b| b.cmp(a));
        self.ranks = self
            .players
            .iter()
            .map(|p| scores.partition_point(|&s| s > p.score) + 1)
            .collect();
    }

    /// Takes an answer to `question` at `now` (server ms).
    pub fn answer(
        &mut self,
        player: usize,
        question: usize,
        given: PhoneAnswer,
        now: u64,
    ) -> Result<&Answered, Refusal> {
        let Phase::Asking {
            question: current,
            opened,
            deadline,
            limit,
        } = self.phase
        else {
            return Err(Refusal::NotAsking);
        };
        if question != current {
            return Err(Refusal::OtherQuestion);
        }
        if deadline.is_some_and(|d| now > d) {
            return Err(Refusal::TimeUp);
        }
        if self.players[player].answers[question].is_some() {
            return Err(Refusal::AlreadyAnswered);
        }
        let item = &self.items[question];
        let (response, positions) = to_response(item, given).ok_or(Refusal::BadAnswer)?;
        let graded = grade(&item.question.answer, &response, item.rules);
        let ms = now.saturating_sub(opened);
        let p = &mut self.players[player];
        let points = if !graded.verdict.is_right() && graded.score <= 0.0 {
            p.streak = 0;
            0
        } else if self.plan.speed_points {
            let speed = if limit > 0 {
                1.0 - (ms.min(limit) as f64 / limit as f64) / 2.0
            } else {
                1.0
            };
            let base = (f64::from(FULL_POINTS) * speed * f64::from(graded.score)).round() as u32;
            if graded.verdict.is_right() {
                p.streak += 1;
                base + ((p.streak - 1) * STREAK_STEP).min(MAX_STREAK_BONUS)
            } else {
                p.streak = 0;
                base
            }
        } else {
            p.streak = if graded.verdict.is_right() {
                p.streak + 1
            } else {
                0
            };
            u32::from(graded.verdict.is_right())
        };
        p.score += points;
        p.answers[question] = Some(Answered {
            response,
            verdict: graded.verdict,
            score: graded.score,
            points,
            ms,
            positions,
        });
        Ok(p.answers[question].as_ref().expect("just set"))
    }

    /// The question the room is on, if any.
    pub fn current(&self) -> Option<usize> {
        match self.phase {
            Phase::Asking { question, .. }
            | Phase::Revealed { question }
            | Phase::Leaderboard { question } => Some(question),
            Phase::Lobby | Phase::Finished => None,
        }
    }

    /// Letters on the projector for the question: choices or items.
    fn options(&self, question: usize) -> usize {
        match &self.items[question].question.answer {
            Answer::SingleChoice { choices, .. } | Answer::MultipleChoice { choices, .. } => {
                choices.len()
            }
            Answer::TrueFalse(_) => 2,
            Answer::Ordering(items) => items.len(),
            Answer::Matching(pairs) => pairs.len(),
            Answer::FillBlank { .. } | Answer::Numeric { .. } => 0,
        }
    }

    pub fn room(&self) -> RoomView {
        let mut view = RoomView {
            question: self.current(),
            open: matches!(self.phase, Phase::Asking { .. }),
            joined: self.active().count(),
            names: self
                .active()
                .rev()
                .map(|p| (p.id, p.shown.clone()))
                .collect(),
            ..RoomView::default()
        };
        if let Some(q) = self.current() {
            let choices = matches!(
                self.items[q].question.answer,
                Answer::SingleChoice { .. } | Answer::MultipleChoice { .. } | Answer::TrueFalse(_)
            );
            if choices {
                view.counts = vec![0; self.options(q)];
            }
            for a in self.active().filter_map(|p| p.answers[q].as_ref()) {
                view.answered += 1;
                if a.score > 0.0 {
                    view.right += 1;
                }
                if choices {
                    for &pos in &a.positions {
                        if let Some(c) = view.counts.get_mut(pos) {
                            *c += 1;
                        }
                    }
                }
            }
        }
        view.total_answers = self
            .active()
            .map(|p| p.answers.iter().flatten().count())
            .sum();
        view.leaders = self.leaders(10);
        view
    }

    /// The best `n`, best first (ties in order of joining).
    pub fn leaders(&self, n: usize) -> Vec<(String, u32)> {
        let mut order: Vec<&Player> = self.active().collect();
        order.sort_by(|a, b| b.score.cmp(&a.score).then(a.id.cmp(&b.id)));
        order
            .into_iter()
            .take(n)
            .map(|p| (p.shown.clone(), p.score))
            .collect()
    }

    /// What the phone of `player` shows now.
    pub fn phone(&self, player: usize, now: u64) -> PhoneView {
        let p = &self.players[player];
        let (phase, question) = match self.phase {
            Phase::Lobby => ("lobby", None),
            Phase::Asking { question, .. } => ("question", Some(question)),
            Phase::Revealed { question } => ("reveal", Some(question)),
            Phase::Leaderboard { question } => ("board", Some(question)),
            Phase::Finished => ("end", None),
        };
        let mut view = PhoneView {
            phase,
            number: question.map_or(0, |q| q + 1),
            total: self.items.len(),
            kind: "",
            options: 0,
            fields: 0,
            text: None,
            left_ms: None,
            answered: false,
            verdict: None,
            points: 0,
            score: p.score,
            rank: self.ranks.get(player).copied().unwrap_or(0),
            players: self.active().count(),
            name: p.shown.clone(),
        };
        let Some(q) = question else {
            return view;
        };
        let item = &self.items[q];
        view.answered = p.answers[q].is_some();
        // Points show at the reveal, not as soon as the answer is in.
        if let (Phase::Asking { .. }, Some(a)) = (self.phase, &p.answers[q]) {
            view.score -= a.points;
        }
        view.options = self.options(q);
        let (kind, fields) = match &item.question.answer {
            Answer::SingleChoice { .. } => ("single", 0),
            Answer::MultipleChoice { .. } => ("multi", 0),
            Answer::TrueFalse(_) => ("truefalse", 0),
            Answer::Numeric { .. } => ("number", 1),
            Answer::FillBlank { blanks, .. } => ("blanks", blanks.len()),
            Answer::Ordering(_) => ("order", 0),
            Answer::Matching(pairs) => ("match", pairs.len()),
        };
        view.kind = kind;
        view.fields = fields;
        if let Phase::Asking { deadline, .. } = self.phase {
            view.left_ms = deadline.map(|d| d.saturating_sub(now));
        }
        if matches!(self.phase, Phase::Revealed { .. }) {
            let (verdict, points) = match p.last_points {
                Some((v, points)) => (
                    match v {
                        Verdict::Right | Verdict::RightWithNote => "right",
                        Verdict::Partial => "partial",
                        Verdict::Wrong => "wrong",
                    },
                    points,
                ),
                None => ("none", 0),
            };
            view.verdict = Some(verdict);
            view.points = points;
        }
        if self.plan.text_on_phone && phase == "question" {
            view.text = Some(phone_text(item));
        }
        view
    }

    /// Every player's answers, for the session file.
    pub fn result(&self) -> Vec<PhonePlayer> {
        self.players
            .iter()
            .filter(|p| !p.removed)
            .map(|p| PhonePlayer {
                name: p.shown.clone(),
                unit: p.unit.clone(),
                score: p.score,
                answers: p.answers.clone(),
            })
            .collect()
    }
}

/// A learner in the saved session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhonePlayer {
    pub name: String,
    #[serde(default)]
    pub unit: String,
    pub score: u32,
    /// Per question, in the session's order.
    pub answers: Vec<Option<Answered>>,
}

#[cfg(test)]
mod tests;
