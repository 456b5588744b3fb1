//! An exam for one learner: questions drawn with a seed (the same seed gives
//! every learner of a class the same exam), a time limit, a pass mark, no
//! feedback until it is handed in — or until time runs out.

use crate::calendar::Millis;
use serde::{Deserialize, Serialize};

use super::exam_file::ExamFile;
use crate::ids::fingerprint;
use crate::quiz::practice::{Item, Options, Practice};
use crate::quiz::{Grade, LoadedSet, Response, Verdict, grade};

/// The file format version of an exported result: 2 added the exam file's
/// stamp, the unit, the time used and away, each answer's time and the seal.
pub const RESULT_VERSION: u32 = 2;

/// The version of the record of an exam being sat (for resuming it).
pub const SITTING_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExamPlan {
    pub count: usize,
    pub seed: u64,
    /// The time limit; 0 means none.
    pub minutes: u32,
    /// Percent of the points needed to pass.
    pub pass_percent: u32,
}

/// Which exam file a result is from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamStamp {
    pub title: String,
    /// [`ExamFile::fingerprint`] of the exam file.
    pub fingerprint: String,
    /// The exam code (mã đề) the learner was given.
    pub code: u32,
}

/// Time spent outside the exam's window (another program, the desktop).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Away {
    pub times: u32,
    pub seconds: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Exam {
    pub plan: ExamPlan,
    pub sets: Vec<String>,
    pub items: Vec<Item>,
    pub responses: Vec<Option<Response>>,
    /// When each answer was last changed: seconds into the exam.
    pub answered_at: Vec<Option<u32>>,
    pub current: usize,
    /// When it began: steady seconds (for the clock) and the moment.
    began: f64,
    pub started: Millis,
    /// Seconds used before this run of the app (an exam resumed after a
    /// crash or a power cut goes on with the time it had left).
    used_before: f64,
    /// The learner and their unit, as typed for an exam file.
    pub learner: String,
    pub unit: String,
    /// The exam file it was drawn from; `None` for self-testing.
    pub stamp: Option<ExamStamp>,
    pub away: Away,
    /// Since when (steady seconds) the window has been left, if it is now.
    away_since: Option<f64>,
    pub outcome: Option<Outcome>,
}

/// An exam being sat, as saved after every answer: enough to go on after a
/// crash or a power cut with the same questions and the time that was left.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sitting {
    pub version: u32,
    pub exam: ExamFile,
    pub code: u32,
    pub learner: String,
    pub unit: String,
    pub started: Millis,
    pub seconds_used: f64,
    pub current: usize,
    /// Question ids in the order drawn, to tell a sitting from another exam.
    pub ids: Vec<String>,
    pub responses: Vec<Option<Response>>,
    pub answered_at: Vec<Option<u32>>,
    pub away: Away,
}

/// The graded exam.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub grades: Vec<Grade>,
    pub score: f32,
    pub percent: u32,
    pub passed: bool,
    /// Handed in by the clock, not the learner.
    pub timed_out: bool,
    pub finished: Millis,
    pub seconds: f64,
}

impl Exam {
    pub fn new(sets: &[&LoadedSet], plan: ExamPlan, now: f64, started: Millis) -> Exam {
        let practice = Practice::new(
            sets,
            Options {
                count: plan.count,
                shuffle: true,
                seed: plan.seed,
            },
        );
        let titles = sets.iter().map(|s| s.set.title.clone()).collect();
        Exam::of_items(practice.items, titles, plan, now, started)
    }

    fn of_items(
        items: Vec<Item>,
        sets: Vec<String>,
        plan: ExamPlan,
        now: f64,
        started: Millis,
    ) -> Exam {
        Exam {
            responses: vec![None; items.len()],
            answered_at: vec![None; items.len()],
            items,
            sets,
            plan,
            current: 0,
            began: now,
            started,
            used_before: 0.0,
            learner: String::new(),
            unit: String::new(),
            stamp: None,
            away: Away::default(),
            away_since: None,
            outcome: None,
        }
    }

    /// The exam of `file` with code `code`, for this learner.
    pub fn from_file(
        file: &ExamFile,
        code: u32,
        learner: &str,
        unit: &str,
        now: f64,
        started: Millis,
    ) -> Exam {
        let items = file.draw(code);
        let plan = ExamPlan {
            count: items.len(),
            seed: u64::from(code),
            minutes: file.minutes,
            pass_percent: file.pass_percent,
        };
        let sets = file.parts.iter().map(|p| p.set.title.clone()).collect();
        let mut exam = Exam::of_items(items, sets, plan, now, started);
        exam.learner = crate::text::nfc(learner.trim()).into_owned();
        exam.unit = crate::text::nfc(unit.trim()).into_owned();
        exam.stamp = Some(ExamStamp {
            title: file.title.clone(),
            fingerprint: file.fingerprint(),
            code,
        });
        exam
    }

    /// What to save to go on after a crash (for an exam from a file).
    pub fn sitting(&self, file: &ExamFile, now: f64) -> Option<Sitting> {
        let stamp = self.stamp.as_ref()?;
        Some(Sitting {
            version: SITTING_VERSION,
            exam: file.clone(),
            code: stamp.code,
            learner: self.learner.clone(),
            unit: self.unit.clone(),
            started: self.started,
            seconds_used: self.elapsed(now),
            current: self.current,
            ids: self.items.iter().map(|i| i.question.id.clone()).collect(),
            responses: self.responses.clone(),
            answered_at: self.answered_at.clone(),
            away: self.away,
        })
    }

    /// The exam saved in `sitting`, going on at steady time `now` with the
    /// time it had left; `None` when the saved answers do not fit its
    /// questions (a damaged or foreign record).
    pub fn resume(sitting: &Sitting, now: f64) -> Option<Exam> {
        let mut exam = Exam::from_file(
            &sitting.exam,
            sitting.code,
            &sitting.learner,
            &sitting.unit,
            now,
            sitting.started,
        );
        let ids: Vec<&str> = exam.items.iter().map(|i| i.question.id.as_str()).collect();
        if ids != sitting.ids.iter().map(String::as_str).collect::<Vec<_>>()
            || sitting.responses.len() != ids.len()
            || sitting.answered_at.len() != ids.len()
            || !sitting.seconds_used.is_finite()
        {
            return None;
        }
        exam.responses = sitting.responses.clone();
        exam.answered_at = sitting.answered_at.clone();
        exam.current = sitting.current.min(ids.len().saturating_sub(1));
        exam.used_before = sitting.seconds_used.max(0.0);
        exam.away = sitting.away;
        Some(exam)
    }

    /// Seconds used so far, across runs of the app.
    pub fn elapsed(&self, now: f64) -> f64 {
        self.used_before + (now - self.began).max(0.0)
    }

    /// Seconds left; `None` without a time limit.
    pub fn remaining(&self, now: f64) -> Option<f64> {
        (self.plan.minutes > 0)
            .then(|| (f64::from(self.plan.minutes) * 60.0 - self.elapsed(now)).max(0.0))
    }

    /// Sets question `i`'s answer; returns whether it changed (then its
    /// time is noted).
    pub fn set_response(&mut self, i: usize, response: Option<Response>, now: f64) -> bool {
        if self.outcome.is_some()
            || self.responses.get(i) == Some(&response)
            || i >= self.items.len()
        {
            return false;
        }
        self.responses[i] = response;
        self.answered_at[i] = Some(self.elapsed(now) as u32);
        true
    }

    /// The window gained or lost the focus at steady time `now`: time away
    /// is counted while the exam runs. Whether that changed anything.
    pub fn focus(&mut self, focused: bool, now: f64) -> bool {
        if self.outcome.is_some() {
            return false;
        }
        match (focused, self.away_since) {
            (false, None) => {
                self.away_since = Some(now);
                self.away.times += 1;
                true
            }
            (true, Some(since)) => {
                self.away.seconds += (now - since).max(0.0);
                self.away_since = None;
                true
            }
            _ => false,
        }
    }

    pub fn answered(&self) -> usize {
        self.responses.iter().filter(|r| r.is_some()).count()
    }

    /// Hands the exam in when its time is up; returns whether it did.
    pub fn check_time(&mut self, now: f64, finished: Millis) -> bool {
        if self.outcome.is_none() && self.remaining(now) == Some(0.0) {
            self.submit(now, finished, true);
            return true;
        }
        false
    }

    /// Grades every question; an unanswered one scores nothing.
    pub fn submit(&mut self, now: f64, finished: Millis, timed_out: bool) {
        if self.outcome.is_some() {
            return;
        }
        let _ = self.focus(true, now);
        let grades: Vec<Grade> = self
            .items
            .iter()
            .zip(&self.responses)
            .map(|(item, response)| grade_response(item, response.as_ref()))
            .collect();
        let score: f32 = grades.iter().map(|g| g.score).sum();
        let percent = percent_of(score, self.items.len());
        self.outcome = Some(Outcome {
            passed: percent >= self.plan.pass_percent,
            grades,
            score,
            percent,
            timed_out,
            finished,
            seconds: self.elapsed(now),
        });
    }

    /// The result a learner hands to the trainer.
    pub fn result(&self, learner: &str) -> Option<ExamResult> {
        let outcome = self.outcome.as_ref()?;
        let mut result = ExamResult {
            version: RESULT_VERSION,
            learner: learner.to_string(),
            unit: self.unit.clone(),
            exam: self.stamp.clone(),
            seconds_used: outcome.seconds.round() as u32,
            away: self.away,
            sets: self.sets.clone(),
            plan: self.plan.clone(),
            started: self.started,
            finished: outcome.finished,
            timed_out: outcome.timed_out,
            score: outcome.score,
            percent: outcome.percent,
            passed: outcome.passed,
            questions: self
                .items
                .iter()
                .zip(&self.responses)
                .zip(&outcome.grades)
                .zip(&self.answered_at)
                .map(|(((item, response), g), at)| AnsweredQuestion {
                    document: item.document.clone(),
                    set: item.set_key.clone(),
                    id: item.question.id.clone(),
                    fingerprint: fingerprint(&item.question),
                    prompt: item.question.prompt.clone(),
                    response: response.clone(),
                    verdict: g.verdict,
                    score: g.score,
                    answered_at: *at,
                })
                .collect(),
            seal: String::new(),
            paper: false,
        };
        result.sign();
        Some(result)
    }
}

/// The grade of one question's response; no response scores nothing.
pub fn grade_response(item: &Item, response: Option<&Response>) -> Grade {
    match response {
        Some(r) => grade(&item.question.answer, r, item.rules),
        None => Grade {
            verdict: Verdict::Wrong,
            score: 0.0,
            notes: Vec::new(),
        },
    }
}

/// `score` points out of `questions` as a whole percent.
pub fn percent_of(score: f32, questions: usize) -> u32 {
    if questions == 0 {
        0
    } else {
        (score / questions as f32 * 100.0).round() as u32
    }
}

/// An exam as handed in: who, what, and every answer with its grade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExamResult {
    pub version: u32,
    pub learner: String,
    #[serde(default)]
    pub unit: String,
    /// The exam file the exam came from; `None` for self-testing.
    #[serde(default)]
    pub exam: Option<ExamStamp>,
    pub sets: Vec<String>,
    pub plan: ExamPlan,
    pub started: Millis,
    pub finished: Millis,
    pub timed_out: bool,
    pub score: f32,
    pub percent: u32,
    pub passed: bool,
    /// Seconds the exam was open (across a crash), and time spent away from
    /// its window.
    #[serde(default)]
    pub seconds_used: u32,
    #[serde(default)]
    pub away: Away,
    pub questions: Vec<AnsweredQuestion>,
    /// See [`super::seal`]; empty in files from before it.
    #[serde(default)]
    pub seal: String,
    /// Typed in from a paper answer sheet (no seal, no clock).
    #[serde(default)]
    pub paper: bool,
}

impl ExamResult {
    /// The result as written, less its seal: what the seal covers.
    fn unsealed_text(&self) -> String {
        let mut unsealed = self.clone();
        unsealed.seal = String::new();
        crate::storage::to_ron(&unsealed).unwrap_or_default()
    }

    /// Puts the seal on (see [`super::seal`]).
    pub fn sign(&mut self) {
        self.seal = super::seal::seal(&self.unsealed_text());
    }

    /// Whether the result is sealed; `Some(false)` when it was changed after.
    pub fn verify_seal(&self) -> Option<bool> {
        (!self.seal.is_empty()).then(|| super::seal::matches(&self.unsealed_text(), &self.seal))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnsweredQuestion {
    pub document: String,
    pub set: String,
    pub id: String,
    pub fingerprint: u64,
    pub prompt: String,
    pub response: Option<Response>,
    pub verdict: Verdict,
    pub score: f32,
    /// When it was answered: seconds into the exam.
    #[serde(default)]
    pub answered_at: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn exam(seed: u64, minutes: u32) -> Exam {
        let library = crate::quiz::Library::load(Path::new("/nonexistent"));
        let plan = ExamPlan {
            count: 10,
            seed,
            minutes,
            pass_percent: 50,
        };
        Exam::new(&[&library.sets[0]], plan, 0.0, Millis(0))
    }

    fn ids(e: &Exam) -> Vec<String> {
        e.items.iter().map(|i| i.question.id.clone()).collect()
    }

    #[test]
    fn one_seed_one_exam() {
        assert_eq!(ids(&exam(7, 0)), ids(&exam(7, 0)));
        assert_eq!(exam(7, 0).items[3].layout, exam(7, 0).items[3].layout);
        assert_ne!(ids(&exam(7, 0)), ids(&exam(8, 0)));
        assert_eq!(exam(7, 0).items.len(), 10);
    }

    #[test]
    fn unanswered_questions_score_nothing_and_the_pass_mark_decides() {
        let mut e = exam(1, 0);
        for i in 0..5 {
            let q = &e.items[i].question;
            e.responses[i] = Some(crate::quiz::correct_response(&q.answer));
        }
        e.submit(60.0, Millis(1), false);
        let o = e.outcome.as_ref().unwrap();
        assert_eq!((o.percent, o.passed, o.timed_out), (50, true, false));
        assert_eq!(o.grades[9].verdict, Verdict::Wrong);
        let result = e.result("An").unwrap();
        assert_eq!(result.questions.len(), 10);
        assert_eq!(result.questions[0].verdict, Verdict::Right);
        assert!(result.questions[9].response.is_none());
    }

    #[test]
    fn a_resumed_exam_goes_on_with_the_time_it_had_left() {
        let file = crate::classroom::exam_file::tests::bundled_exam(10);
        let mut exam = Exam::from_file(&file, 102, " Lê  Văn Ba ", "Chi bộ 2", 100.0, Millis(5));
        assert_eq!(exam.learner, "Lê  Văn Ba");
        let right = crate::quiz::correct_response(&exam.items[3].question.answer);
        assert!(exam.set_response(3, Some(right.clone()), 160.0));
        assert!(!exam.set_response(3, Some(right), 170.0), "unchanged");
        assert_eq!(exam.answered_at[3], Some(60));
        exam.focus(false, 170.0);
        exam.focus(false, 171.0);
        exam.focus(true, 180.0);
        exam.current = 3;
        // The power goes off at 220 s on the steady clock: 120 s used.
        let sitting = exam.sitting(&file, 220.0).unwrap();
        let text = crate::storage::to_ron(&sitting).unwrap();
        let sitting: Sitting = crate::storage::parse_ron(Path::new("s.ron"), &text).unwrap();
        // The app starts again, its steady clock from 0.
        let mut back = Exam::resume(&sitting, 0.0).unwrap();
        assert_eq!(back.remaining(0.0), Some(300.0 - 120.0));
        assert_eq!(back.responses, exam.responses);
        assert_eq!(back.current, 3);
        assert_eq!(
            back.away,
            Away {
                times: 1,
                seconds: 10.0
            }
        );
        back.submit(30.0, Millis(9), false);
        let result = back.result("Lê Văn Ba").unwrap();
        assert_eq!(result.seconds_used, 150);
        assert_eq!(result.unit, "Chi bộ 2");
        assert_eq!(result.exam.as_ref().unwrap().code, 102);
        assert_eq!(result.questions[3].answered_at, Some(60));
        assert_eq!(result.verify_seal(), Some(true));
        // A record that does not fit its exam is not resumed.
        let mut other = sitting.clone();
        other.ids.swap(0, 1);
        assert!(Exam::resume(&other, 0.0).is_none());
    }

    #[test]
    fn an_edited_result_breaks_its_seal_and_a_written_one_keeps_it() {
        let mut result = crate::classroom::report::tests::result("An", &[true, false, true]);
        assert_eq!(result.verify_seal(), None, "no seal yet");
        result.sign();
        assert_eq!(result.verify_seal(), Some(true));
        // Written and read back: still sealed.
        let text = crate::storage::to_ron(&result).unwrap();
        let back: ExamResult = crate::storage::parse_ron(Path::new("kq.ron"), &text).unwrap();
        assert_eq!(back.verify_seal(), Some(true));
        let mut edited = back.clone();
        edited.percent = 100;
        assert_eq!(edited.verify_seal(), Some(false));
        let mut edited = back.clone();
        edited.learner = "Bình".into();
        assert_eq!(edited.verify_seal(), Some(false));
        let mut garbage = back;
        garbage.seal = "xyz".into();
        assert_eq!(garbage.verify_seal(), Some(false));
    }

    #[test]
    fn the_clock_hands_the_exam_in() {
        let mut e = exam(1, 2);
        assert_eq!(e.remaining(30.0), Some(90.0));
        assert!(!e.check_time(119.0, Millis(0)));
        assert!(e.check_time(120.0, Millis(0)));
        assert!(e.outcome.as_ref().unwrap().timed_out);
        assert!(!e.check_time(200.0, Millis(0)), "once");
    }
}
