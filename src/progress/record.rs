//! One answer as it is kept, and the whole history of a profile in memory.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::calendar::Millis;
use crate::ids::fingerprint;
use crate::quiz::{LoadedSet, Question, Response, Verdict};

/// How well an answer went, in FSRS's four grades: what the answer log
/// keeps. The scheduler works it out from the verdict and the time taken
/// ([`super::schedule::rating`]) and reads it back when replaying.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

/// Which question an answer was about: its document, its set, its id in the
/// set, and a fingerprint of its content, so an edited question is known to
/// be a different one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct QuestionRef {
    pub document: String,
    pub set: String,
    pub id: String,
    /// [`fingerprint`] of the question; 0 when unknown (migrated answers).
    pub fingerprint: u64,
}

impl QuestionRef {
    /// The question's identity without its content: what the schedule follows.
    pub fn key(&self) -> (&str, &str) {
        (&self.set, &self.id)
    }
}

/// Where the answer was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    Practice,
    Review,
    Exam,
    /// A training session run by a trainer.
    Session,
}

/// One answered question.
#[derive(Clone, Debug, PartialEq)]
pub struct Attempt {
    /// Index into [`Progress::questions`].
    pub question: u32,
    /// When.
    pub at: Millis,
    /// How long the learner took.
    pub millis: u32,
    pub verdict: Verdict,
    pub score: f32,
    /// How FSRS counts it (see [`super::schedule::rating`]).
    pub rating: Rating,
    pub mode: Mode,
    /// What the learner answered; absent for answers migrated from files that
    /// did not keep it.
    pub response: Option<Response>,
}

/// A profile's history: every answer, oldest first.
#[derive(Clone, Debug, Default)]
pub struct Progress {
    pub questions: Vec<QuestionRef>,
    index: HashMap<QuestionRef, u32>,
    attempts: Vec<Attempt>,
}

impl Progress {
    pub fn attempts(&self) -> &[Attempt] {
        &self.attempts
    }

    pub fn question(&self, attempt: &Attempt) -> &QuestionRef {
        &self.questions[attempt.question as usize]
    }

    /// The index of `question` in [`Progress::questions`], adding it if new.
    pub fn intern(&mut self, question: &QuestionRef) -> u32 {
        if let Some(&i) = self.index.get(question) {
            return i;
        }
        let i = self.questions.len() as u32;
        self.questions.push(question.clone());
        self.index.insert(question.clone(), i);
        i
    }

    /// Adds an answer, keeping the history in time order. `attempt.question`
    /// must come from [`Progress::intern`].
    pub fn push(&mut self, attempt: Attempt) {
        debug_assert!((attempt.question as usize) < self.questions.len());
        let at = self.attempts.partition_point(|a| a.at <= attempt.at);
        self.attempts.insert(at, attempt);
    }

    /// Adds many answers at once, keeping the history in time order. Answers
    /// that already follow on (a month file after the one before) are
    /// appended without sorting.
    pub fn extend(&mut self, attempts: Vec<Attempt>) {
        let follows_on = attempts.windows(2).all(|w| w[0].at <= w[1].at)
            && match (self.attempts.last(), attempts.first()) {
                (Some(last), Some(first)) => last.at <= first.at,
                _ => true,
            };
        self.attempts.extend(attempts);
        if !follows_on {
            self.attempts.sort_by_key(|a| a.at);
        }
    }

    /// Answers given from `from` (inclusive) to `to` (exclusive).
    pub fn between(&self, from: Millis, to: Millis) -> &[Attempt] {
        let start = self.attempts.partition_point(|a| a.at < from);
        let end = self.attempts.partition_point(|a| a.at < to);
        &self.attempts[start..end]
    }

    /// Adds the answers of `other` that this history does not hold yet (the
    /// same question at the same millisecond is the same answer). Returns how
    /// many were added.
    pub fn merge(&mut self, other: &Progress) -> usize {
        let mut seen: HashSet<(u32, Millis)> =
            self.attempts.iter().map(|a| (a.question, a.at)).collect();
        let mut added = Vec::new();
        for attempt in &other.attempts {
            let question = self.intern(other.question(attempt));
            if seen.insert((question, attempt.at)) {
                added.push(Attempt {
                    question,
                    ..attempt.clone()
                });
            }
        }
        let count = added.len();
        self.attempts.extend(added);
        self.attempts.sort_by_key(|a| a.at);
        count
    }
}

/// The reference progress keeps for a question of a loaded set.
pub fn question_ref(set: &LoadedSet, question: &Question) -> QuestionRef {
    QuestionRef {
        document: set.set.document.clone(),
        set: set.key(),
        id: question.id.clone(),
        fingerprint: fingerprint(question),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(id: &str) -> QuestionRef {
        QuestionRef {
            document: "doc".into(),
            set: "set".into(),
            id: id.into(),
            fingerprint: 7,
        }
    }

    fn attempt(progress: &mut Progress, id: &str, at: i64) -> Attempt {
        Attempt {
            question: progress.intern(&question(id)),
            at: Millis(at),
            millis: 3000,
            verdict: Verdict::Right,
            score: 1.0,
            rating: Rating::Good,
            mode: Mode::Practice,
            response: Some(Response::Choice(Some(1))),
        }
    }

    #[test]
    fn history_stays_in_time_order() {
        let mut p = Progress::default();
        for at in [30, 10, 20, 10] {
            let a = attempt(&mut p, "a", at);
            p.push(a);
        }
        let times: Vec<i64> = p.attempts().iter().map(|a| a.at.get()).collect();
        assert_eq!(times, [10, 10, 20, 30]);
        assert_eq!(p.between(Millis(10), Millis(30)).len(), 3);
        assert_eq!(p.questions.len(), 1);
    }

    #[test]
    fn merging_adds_each_answer_once() {
        let mut mine = Progress::default();
        let a = attempt(&mut mine, "a", 1);
        mine.push(a);
        let mut theirs = Progress::default();
        // A different question first, so indices differ between the two.
        for (id, at) in [("b", 2), ("a", 1), ("a", 3)] {
            let a = attempt(&mut theirs, id, at);
            theirs.push(a);
        }
        assert_eq!(mine.merge(&theirs), 2);
        assert_eq!(mine.merge(&theirs), 0);
        let got: Vec<(&str, i64)> = mine
            .attempts()
            .iter()
            .map(|a| (mine.question(a).id.as_str(), a.at.get()))
            .collect();
        assert_eq!(got, [("a", 1), ("b", 2), ("a", 3)]);
    }

    #[test]
    fn an_edited_question_has_another_fingerprint() {
        let set = crate::quiz::Library::load(std::path::Path::new("/nonexistent"))
            .sets
            .remove(0);
        let mut q = set.set.questions[0].clone();
        let before = fingerprint(&q);
        q.explanation.push_str(" Thêm.");
        assert_eq!(fingerprint(&q), before, "explanations may change");
        q.prompt.push('?');
        assert_ne!(fingerprint(&q), before);
    }
}
