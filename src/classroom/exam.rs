//! An exam for one learner: questions drawn with a seed (the same seed gives
//! every learner of a class the same exam), a time limit, a pass mark, no
//! feedback until it is handed in — or until time runs out.

use serde::{Deserialize, Serialize};

use crate::ids::fingerprint;
use crate::quiz::practice::{Item, Options, Practice};
use crate::quiz::{Grade, LoadedSet, Response, Verdict, grade};

/// The file format version of an exported result.
pub const RESULT_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExamPlan {
    pub count: usize,
    pub seed: u64,
    /// The time limit; 0 means none.
    pub minutes: u32,
    /// Percent of the points needed to pass.
    pub pass_percent: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Exam {
    pub plan: ExamPlan,
    pub sets: Vec<String>,
    pub items: Vec<Item>,
    pub responses: Vec<Option<Response>>,
    pub current: usize,
    /// When it began: steady seconds (for the clock) and ms since 1970.
    began: f64,
    pub started: i64,
    pub outcome: Option<Outcome>,
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
    pub finished: i64,
    pub seconds: f64,
}

impl Exam {
    pub fn new(sets: &[&LoadedSet], plan: ExamPlan, now: f64, started: i64) -> Exam {
        let practice = Practice::new(
            sets,
            Options {
                count: plan.count,
                shuffle: true,
                seed: plan.seed,
            },
        );
        Exam {
            responses: vec![None; practice.items.len()],
            items: practice.items,
            sets: sets.iter().map(|s| s.set.title.clone()).collect(),
            plan,
            current: 0,
            began: now,
            started,
            outcome: None,
        }
    }

    /// Seconds left; `None` without a time limit.
    pub fn remaining(&self, now: f64) -> Option<f64> {
        (self.plan.minutes > 0)
            .then(|| (f64::from(self.plan.minutes) * 60.0 - (now - self.began)).max(0.0))
    }

    pub fn answered(&self) -> usize {
        self.responses.iter().filter(|r| r.is_some()).count()
    }

    /// Hands the exam in when its time is up; returns whether it did.
    pub fn check_time(&mut self, now: f64, finished: i64) -> bool {
        if self.outcome.is_none() && self.remaining(now) == Some(0.0) {
            self.submit(now, finished, true);
            return true;
        }
        false
    }

    /// Grades every question; an unanswered one scores nothing.
    pub fn submit(&mut self, now: f64, finished: i64, timed_out: bool) {
        if self.outcome.is_some() {
            return;
        }
        let grades: Vec<Grade> = self
            .items
            .iter()
            .zip(&self.responses)
            .map(|(item, response)| match response {
                Some(r) => grade(&item.question.answer, r, item.rules),
                None => Grade {
                    verdict: Verdict::Wrong,
                    score: 0.0,
                    notes: Vec::new(),
                },
            })
            .collect();
        let score: f32 = grades.iter().map(|g| g.score).sum();
        let percent = if self.items.is_empty() {
            0
        } else {
            (score / self.items.len() as f32 * 100.0).round() as u32
        };
        self.outcome = Some(Outcome {
            passed: percent >= self.plan.pass_percent,
            grades,
            score,
            percent,
            timed_out,
            finished,
            seconds: (now - self.began).max(0.0),
        });
    }

    /// The result a learner hands to the trainer.
    pub fn result(&self, learner: &str) -> Option<ExamResult> {
        let outcome = self.outcome.as_ref()?;
        Some(ExamResult {
            version: RESULT_VERSION,
            learner: learner.to_string(),
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
                .map(|((item, response), g)| AnsweredQuestion {
                    document: item.document.clone(),
                    set: item.set_key.clone(),
                    id: item.question.id.clone(),
                    fingerprint: fingerprint(&item.question),
                    prompt: item.question.prompt.clone(),
                    response: response.clone(),
                    verdict: g.verdict,
                    score: g.score,
                })
                .collect(),
        })
    }
}

/// An exam as handed in: who, what, and every answer with its grade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExamResult {
    pub version: u32,
    pub learner: String,
    pub sets: Vec<String>,
    pub plan: ExamPlan,
    pub started: i64,
    pub finished: i64,
    pub timed_out: bool,
    pub score: f32,
    pub percent: u32,
    pub passed: bool,
    pub questions: Vec<AnsweredQuestion>,
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
        Exam::new(&[&library.sets[0]], plan, 0.0, 0)
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
        e.submit(60.0, 1, false);
        let o = e.outcome.as_ref().unwrap();
        assert_eq!((o.percent, o.passed, o.timed_out), (50, true, false));
        assert_eq!(o.grades[9].verdict, Verdict::Wrong);
        let result = e.result("An").unwrap();
        assert_eq!(result.questions.len(), 10);
        assert_eq!(result.questions[0].verdict, Verdict::Right);
        assert!(result.questions[9].response.is_none());
    }

    #[test]
    fn the_clock_hands_the_exam_in() {
        let mut e = exam(1, 2);
        assert_eq!(e.remaining(30.0), Some(90.0));
        assert!(!e.check_time(119.0, 0));
        assert!(e.check_time(120.0, 0));
        assert!(e.outcome.as_ref().unwrap().timed_out);
        assert!(!e.check_time(200.0, 0), "once");
    }
}
