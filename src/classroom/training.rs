//! A training session: questions shown to a room, a countdown, the answer
//! revealed, teams marked right or wrong, a scoreboard between questions.

use crate::calendar::Millis;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::live::{PhonePlayer, PhonesPlan};
use crate::quiz::practice::{Item, Options, Practice};
use crate::quiz::{LoadedSet, Question};

/// The file format version of a saved session.
pub const SESSION_VERSION: u32 = 1;
pub const MAX_TEAMS: usize = 12;

/// What the trainer chose before starting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainingPlan {
    /// How many questions; 0 means all.
    pub count: usize,
    pub shuffle: bool,
    /// Seconds per question; 0 means no countdown.
    pub seconds: u32,
    /// Team names; empty for a session without teams.
    pub teams: Vec<String>,
    /// Answered on the learners' phones (see [`super::live`]).
    #[serde(default)]
    pub phones: Option<PhonesPlan>,
}

/// Where the session is, for the current question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Before the first question: the keys shown, no countdown yet.
    Ready,
    /// The question and its choices, the countdown running.
    Asking,
    /// The right answer, the explanation and the passage.
    Revealed,
    /// The scores so far (only with teams).
    Scoreboard,
    /// After the last question: the final scoreboard.
    Finished,
}

#[derive(Clone, Debug)]
pub struct Training {
    pub items: Vec<Item>,
    pub plan: TrainingPlan,
    /// The titles of the sets the questions come from.
    pub sets: Vec<String>,
    /// For each question, whether each team was right. Kept when the trainer
    /// goes back to a question.
    pub scores: Vec<Vec<bool>>,
    pub current: usize,
    pub stage: Stage,
    /// When the session started.
    pub started: Millis,
    /// Seconds the current question has been shown, not counting pauses,
    /// up to `since`.
    shown: f64,
    /// When the clock last started running; `None` while paused.
    since: Option<f64>,
}

impl Training {
    pub fn new(
        sets: &[&LoadedSet],
        plan: TrainingPlan,
        seed: u64,
        started: Millis,
        now: f64,
    ) -> Training {
        let practice = Practice::new(
            sets,
            Options {
                count: plan.count,
                shuffle: plan.shuffle,
                seed,
            },
        );
        let teams = plan.teams.len();
        Training {
            scores: vec![vec![false; teams]; practice.items.len()],
            items: practice.items,
            sets: sets.iter().map(|s| s.set.title.clone()).collect(),
            plan,
            current: 0,
            stage: Stage::Ready,
            started,
            shown: 0.0,
            since: Some(now),
        }
    }

    pub fn question(&self) -> Option<&Question> {
        self.items.get(self.current).map(|i| &i.question)
    }

    pub fn has_teams(&self) -> bool {
        !self.plan.teams.is_empty()
    }

    /// Whether a scoreboard follows each answer: with teams, or with
    /// phones (their leaderboard).
    pub fn has_scoreboard(&self) -> bool {
        self.has_teams() || self.plan.phones.is_some()
    }

    /// Whether the countdown is paused; only a question being asked can be.
    pub fn is_paused(&self) -> bool {
        self.stage == Stage::Asking && self.since.is_none()
    }

    /// Seconds left on the countdown (never below 0); `None` without one.
    pub fn remaining(&self, now: f64) -> Option<f64> {
        if self.plan.seconds == 0 || self.stage != Stage::Asking {
            return None;
        }
        let shown = self.shown + self.since.map_or(0.0, |s| (now - s).max(0.0));
        Some((f64::from(self.plan.seconds) - shown).max(0.0))
    }

    pub fn time_is_up(&self, now: f64) -> bool {
        self.remaining(now) == Some(0.0)
    }

    /// Stops the countdown of the question being asked (nothing at other
    /// stages: there is no clock to stop).
    pub fn pause(&mut self, now: f64) {
        if self.stage != Stage::Asking {
            return;
        }
        if let Some(since) = self.since.take() {
            self.shown += (now - since).max(0.0);
        }
    }

    pub fn resume(&mut self, now: f64) {
        if self.since.is_none() {
            self.since = Some(now);
        }
    }

    fn show_question(&mut self, index: usize, now: f64) {
        self.current = index;
        self.stage = Stage::Asking;
        self.shown = 0.0;
        self.since = Some(now);
    }

    /// Any other stage than a question: a pause ends with its question.
    fn show_stage(&mut self, stage: Stage, now: f64) {
        self.stage = stage;
        self.since = Some(now);
    }

    /// The next step: reveal, then the scoreboard (with teams), then the next
    /// question; after the last, the final scoreboard.
    pub fn forward(&mut self, now: f64) {
        match self.stage {
            Stage::Ready => self.show_question(0, now),
            Stage::Asking => self.show_stage(Stage::Revealed, now),
            Stage::Revealed if self.has_scoreboard() => self.show_stage(Stage::Scoreboard, now),
            Stage::Revealed | Stage::Scoreboard => {
                if self.current + 1 < self.items.len() {
                    self.show_question(self.current + 1, now);
                } else {
                    self.show_stage(Stage::Finished, now);
                }
            }
            Stage::Finished => {}
        }
    }

    /// One step back: from the answer to the question, from the scoreboard
    /// to the answer, from a question to the previous question's answer.
    /// Scores are kept.
    pub fn back(&mut self, now: f64) {
        match self.stage {
            Stage::Finished => {
                let stage = if self.has_scoreboard() {
                    Stage::Scoreboard
                } else {
                    Stage::Revealed
                };
                self.show_stage(stage, now);
            }
            Stage::Scoreboard => self.show_stage(Stage::Revealed, now),
            Stage::Revealed => self.show_question(self.current, now),
            Stage::Asking if self.current > 0 => {
                self.current -= 1;
                self.show_stage(Stage::Revealed, now);
            }
            Stage::Asking => self.show_stage(Stage::Ready, now),
            Stage::Ready => {}
        }
    }

    /// Marks a team right (or back to not right) on the current question;
    /// only once the answer is shown.
    pub fn toggle_team(&mut self, team: usize) -> bool {
        if matches!(self.stage, Stage::Ready | Stage::Asking | Stage::Finished) {
            return false;
        }
        match self
            .scores
            .get_mut(self.current)
            .and_then(|s| s.get_mut(team))
        {
            Some(right) => {
                *right = !*right;
                true
            }
            None => false,
        }
    }

    /// Each team's total so far.
    pub fn totals(&self) -> Vec<usize> {
        (0..self.plan.teams.len())
            .map(|t| self.scores.iter().filter(|q| q[t]).count())
            .collect()
    }

    pub fn result(&self) -> TrainingResult {
        TrainingResult {
            version: SESSION_VERSION,
            started: self.started,
            sets: self.sets.clone(),
            seconds: self.plan.seconds,
            questions: self
                .items
                .iter()
                .map(|i| SessionQuestion {
                    set: i.set_key.clone(),
                    id: i.question.id.clone(),
                    prompt: i.question.prompt.clone(),
                    document: i.document.clone(),
                    fingerprint: crate::ids::fingerprint(&i.question),
                })
                .collect(),
            teams: self.plan.teams.clone(),
            scores: self.scores.clone(),
            phones: self.plan.phones.clone(),
            players: Vec::new(),
        }
    }
}

/// A saved session: what was asked and how each team did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainingResult {
    pub version: u32,
    /// When it started.
    pub started: Millis,
    pub sets: Vec<String>,
    #[serde(default)]
    pub seconds: u32,
    pub questions: Vec<SessionQuestion>,
    pub teams: Vec<String>,
    /// [question][team]: right or not.
    pub scores: Vec<Vec<bool>>,
    /// How phones were scored, for a session answered on phones.
    #[serde(default)]
    pub phones: Option<PhonesPlan>,
    /// Every learner who answered on a phone, with each answer.
    #[serde(default)]
    pub players: Vec<PhonePlayer>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionQuestion {
    pub set: String,
    pub id: String,
    pub prompt: String,
    /// The document of the set, and the question's fingerprint: what a
    /// report re-grades the phones' answers against.
    #[serde(default)]
    pub document: String,
    #[serde(default)]
    pub fingerprint: u64,
}

impl TrainingResult {
    pub fn totals(&self) -> Vec<usize> {
        (0..self.teams.len())
            .map(|t| {
                self.scores
                    .iter()
                    .filter(|q| q.get(t) == Some(&true))
                    .count()
            })
            .collect()
    }

    /// A spreadsheet: one row per question, a column per team (1 right,
    /// 0 not), and a total row. UTF-8 with a byte-order mark, so Excel and
    /// LibreOffice both show the Vietnamese as it is.
    pub fn to_csv(&self, tr: &crate::i18n::Strings) -> String {
        let (question_word, total_word) = (tr.csv_question, tr.csv_total);
        if !self.players.is_empty() {
            return self.players_csv(tr);
        }
        let mut out = String::from("\u{feff}");
        let mut header = vec!["#".to_string(), question_word.to_string()];
        header.extend(self.teams.iter().cloned());
        out.push_str(&crate::formats::csv::row(&header));
        for (i, (q, scores)) in self.questions.iter().zip(&self.scores).enumerate() {
            let mut row = vec![(i + 1).to_string(), q.prompt.clone()];
            row.extend(
                scores
                    .iter()
                    .map(|&r| if r { "1" } else { "0" }.to_string()),
            );
            out.push_str(&crate::formats::csv::row(&row));
        }
        let mut total = vec![String::new(), total_word.to_string()];
        total.extend(self.totals().iter().map(usize::to_string));
        out.push_str(&crate::formats::csv::row(&total));
        out
    }
}

impl TrainingResult {
    /// A session answered on phones: a row per learner, best first — the
    /// rank, name, unit, points, right answers, then each question's score
    /// (1 right, 0 wrong, a share when partly right, empty when not
    /// answered).
    fn players_csv(&self, tr: &crate::i18n::Strings) -> String {
        let mut out = String::from("\u{feff}");
        let mut header: Vec<String> = [
            tr.csv_rank,
            tr.csv_learner,
            tr.csv_unit,
            tr.csv_total,
            tr.csv_right_count,
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        header.extend((1..=self.questions.len()).map(|n| format!("{} {n}", tr.csv_question)));
        out.push_str(&crate::formats::csv::row(&header));
        let mut order: Vec<&PhonePlayer> = self.players.iter().collect();
        order.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.name.cmp(&b.name)));
        for (rank, p) in order.iter().enumerate() {
            let right = p
                .answers
                .iter()
                .flatten()
                .filter(|a| a.verdict.is_right())
                .count();
            let mut row = vec![
                (rank + 1).to_string(),
                p.name.clone(),
                p.unit.clone(),
                p.score.to_string(),
                right.to_string(),
            ];
            row.extend(p.answers.iter().map(|a| match a {
                None => String::new(),
                Some(a) if a.verdict.is_right() => "1".into(),
                Some(a) if a.score > 0.0 => format!("{:.2}", a.score),
                Some(_) => "0".into(),
            }));
            out.push_str(&crate::formats::csv::row(&row));
        }
        out
    }

    /// Each phone's answers as an exam result, for `nghiquyet report`:
    /// re-graded there like any result. Recorded by the trainer's own PC,
    /// so unsealed, as a typed answer sheet is.
    pub fn phone_results(&self) -> Vec<super::exam::ExamResult> {
        use super::exam::{AnsweredQuestion, ExamPlan, ExamResult, RESULT_VERSION, percent_of};
        self.players
            .iter()
            .map(|p| {
                let questions: Vec<AnsweredQuestion> = self
                    .questions
                    .iter()
                    .zip(&p.answers)
                    .map(|(q, a)| AnsweredQuestion {
                        document: q.document.clone(),
                        set: q.set.clone(),
                        id: q.id.clone(),
                        fingerprint: q.fingerprint,
                        prompt: q.prompt.clone(),
                        response: a.as_ref().map(|a| a.response.clone()),
                        verdict: a
                            .as_ref()
                            .map_or(crate::quiz::Verdict::Wrong, |a| a.verdict),
                        score: a.as_ref().map_or(0.0, |a| a.score),
                        answered_at: a.as_ref().map(|a| (a.ms / 1000) as u32),
                    })
                    .collect();
                let score: f32 = questions.iter().map(|q| q.score).sum();
                let percent = percent_of(score, questions.len());
                ExamResult {
                    version: RESULT_VERSION,
                    learner: p.name.clone(),
                    unit: p.unit.clone(),
                    exam: None,
                    sets: self.sets.clone(),
                    plan: ExamPlan {
                        count: questions.len(),
                        seed: 0,
                        minutes: 0,
                        pass_percent: 50,
                    },
                    started: self.started,
                    finished: self.started,
                    timed_out: false,
                    score,
                    percent,
                    passed: percent >= 50,
                    seconds_used: 0,
                    away: Default::default(),
                    questions,
                    seal: String::new(),
                    paper: true,
                }
            })
            .collect()
    }
}

/// Where sessions are kept: `sessions/` in the data folder.
pub fn sessions_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("sessions")
}

/// The file a session started at `started` is saved to.
pub fn session_file(data_dir: &Path, started: Millis) -> PathBuf {
    let stamp = crate::storage::utc_timestamp(started.to_system_time());
    sessions_dir(data_dir).join(format!("buoi-{stamp}.ron"))
}

/// The saved sessions, newest first, with those that could not be read.
pub fn saved_sessions(data_dir: &Path) -> Vec<(PathBuf, Result<TrainingResult, String>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(sessions_dir(data_dir))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files.reverse();
    files
        .into_iter()
        .map(|path| {
            let read = std::fs::read_to_string(&path)
                .map_err(|e| format!("{}: {e}", path.display()))
                .and_then(|t| crate::storage::parse_ron(&path, &t).map_err(|e| e.to_string()));
            (path, read)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(teams: &[&str], seconds: u32) -> Training {
        let library = crate::quiz::Library::load(Path::new("/nonexistent"));
        let plan = TrainingPlan {
            count: 3,
            shuffle: false,
            seconds,
            teams: teams.iter().map(|t| t.to_string()).collect(),
            phones: None,
        };
        let mut s = Training::new(&[&library.sets[0]], plan, 1, Millis(0), 90.0);
        s.forward(100.0);
        s
    }

    #[test]
    fn the_clock_waits_for_the_first_question() {
        let library = crate::quiz::Library::load(Path::new("/nonexistent"));
        let plan = TrainingPlan {
            count: 2,
            shuffle: false,
            seconds: 30,
            teams: vec!["A".into()],
            phones: None,
        };
        let mut s = Training::new(&[&library.sets[0]], plan, 1, Millis(0), 0.0);
        assert_eq!(s.stage, Stage::Ready);
        assert_eq!(
            s.remaining(500.0),
            None,
            "no countdown while the keys are shown"
        );
        assert!(!s.toggle_team(0));
        s.pause(1.0);
        assert!(!s.is_paused(), "nothing to pause before the first question");
        s.forward(600.0);
        assert_eq!((s.current, s.stage), (0, Stage::Asking));
        assert_eq!(
            s.remaining(610.0),
            Some(20.0),
            "the full time from the first question on"
        );
        s.back(611.0);
        assert_eq!(s.stage, Stage::Ready);
    }

    #[test]
    fn a_pause_ends_with_its_question() {
        let mut s = session(&["A"], 30);
        s.pause(105.0);
        assert!(s.is_paused());
        s.forward(106.0);
        assert_eq!(s.stage, Stage::Revealed);
        assert!(!s.is_paused(), "no pause banner on the answer");
        s.pause(107.0);
        assert!(!s.is_paused(), "no clock on the answer to pause");
        s.back(108.0);
        assert_eq!(s.stage, Stage::Asking);
        assert!(!s.is_paused());
        assert_eq!(s.remaining(110.0), Some(28.0), "the question asked afresh");
    }

    #[test]
    fn a_session_goes_question_answer_scoreboard_and_on() {
        let mut s = session(&["Tổ 1", "Tổ 2"], 30);
        assert_eq!(s.stage, Stage::Asking);
        assert!(!s.toggle_team(0), "no scoring before the answer is shown");
        s.forward(101.0);
        assert_eq!(s.stage, Stage::Revealed);
        assert!(s.toggle_team(1));
        s.forward(102.0);
        assert_eq!(s.stage, Stage::Scoreboard);
        s.forward(103.0);
        assert_eq!((s.current, s.stage), (1, Stage::Asking));
        for _ in 0..6 {
            s.forward(104.0);
        }
        assert_eq!(s.stage, Stage::Finished);
        assert_eq!(s.totals(), [0, 1]);
    }

    #[test]
    fn going_back_keeps_the_scores() {
        let mut s = session(&["A", "B", "C"], 0);
        s.forward(0.0);
        s.toggle_team(0);
        s.toggle_team(2);
        s.forward(0.0);
        s.forward(0.0);
        assert_eq!(s.current, 1);
        s.back(0.0);
        assert_eq!((s.current, s.stage), (0, Stage::Revealed));
        assert_eq!(s.scores[0], [true, false, true]);
        s.toggle_team(2);
        assert_eq!(s.totals(), [1, 0, 0]);
    }

    #[test]
    fn the_countdown_stops_while_paused_and_restarts_per_question() {
        let mut s = session(&[], 20);
        assert_eq!(s.remaining(105.0), Some(15.0));
        s.pause(105.0);
        assert_eq!(s.remaining(500.0), Some(15.0));
        s.resume(500.0);
        assert!(!s.time_is_up(514.0));
        assert!(s.time_is_up(515.0));
        assert_eq!(s.remaining(900.0), Some(0.0));
        s.forward(900.0);
        assert_eq!(s.remaining(900.0), None, "no countdown on the answer");
        s.forward(901.0);
        assert_eq!(
            s.remaining(906.0),
            Some(15.0),
            "without teams: straight to the next question"
        );
    }

    #[test]
    fn results_open_in_spreadsheets() {
        let mut s = session(&["Tổ \"Hoa Sen\"", "Tổ 2"], 0);
        s.forward(0.0);
        s.toggle_team(0);
        let csv = s.result().to_csv(crate::i18n::Language::Vi.strings());
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines[0], "\u{feff}#,Câu hỏi,\"Tổ \"\"Hoa Sen\"\"\",Tổ 2");
        assert_eq!(lines.len(), 5);
        assert!(lines[1].ends_with(",1,0"), "{}", lines[1]);
        assert_eq!(lines[4], ",Tổng,1,0");
    }
}
