//! Everything the progress screen, the review card and the key-point marks
//! show, computed in one place from a profile and the open document.

use super::clock::Clock;
use super::mastery::{Level, Mastery, answers_per_day, questions_by_point, streak};
use super::record::{QuestionRef, question_ref};
use super::schedule::Counts;
use super::store::ProfileStore;
use crate::calendar::Millis;
use crate::document::Document;
use crate::keypoints::KeyPoint;
use crate::quiz::{Library, Question};

/// The questions a learner can meet for the open document, and which key
/// point each tests. Made once per document (and generated set).
#[derive(Clone, Debug, Default)]
pub struct StudyQuestions {
    /// (library set index, question index) of each question.
    pub picks: Vec<(usize, usize)>,
    pub refs: Vec<QuestionRef>,
    /// For each key point, indices into `picks`.
    pub by_point: Vec<Vec<usize>>,
}

impl StudyQuestions {
    pub fn new(library: &Library, doc: &Document, points: &[KeyPoint]) -> StudyQuestions {
        let mut picks = Vec::new();
        let mut refs = Vec::new();
        let mut questions: Vec<&Question> = Vec::new();
        for (si, set) in library.for_document(doc.id()) {
            for (qi, q) in set.set.questions.iter().enumerate() {
                picks.push((si, qi));
                refs.push(question_ref(set, q));
                questions.push(q);
            }
        }
        let by_point = questions_by_point(doc, points, &questions);
        StudyQuestions {
            picks,
            refs,
            by_point,
        }
    }
}

/// One key point's standing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PointStanding {
    /// Index into the document's key points.
    pub point: usize,
    pub mastery: Mastery,
}

#[derive(Clone, Debug, Default)]
pub struct Overview {
    pub counts: Counts,
    /// How many questions today's review holds.
    pub todays_review: usize,
    /// When the next question falls due, once none is due now (ms since
    /// 1970); `None` when nothing has been met yet.
    pub next_review: Option<Millis>,
    pub streak: u32,
    pub answers: usize,
    pub right: usize,
    /// (study day, right, not right) for the last 30 days.
    pub per_day: Vec<(i64, usize, usize)>,
    /// (set title, mastery) for each set of the document.
    pub sets: Vec<(String, Mastery)>,
    /// Every key point's mastery, in the document's order.
    pub points: Vec<Mastery>,
    /// The key points met, weakest first.
    pub weakest: Vec<PointStanding>,
}

impl Overview {
    pub fn new(
        store: &ProfileStore,
        library: &Library,
        study: &StudyQuestions,
        clock: &Clock,
    ) -> Overview {
        let schedule = store.schedule();
        let scheduler = store.scheduler();
        let progress = store.progress();
        let now = clock.now;
        let points: Vec<Mastery> = study
            .by_point
            .iter()
            .map(|qs| Mastery::of(qs.iter().map(|&q| &study.refs[q]), schedule, scheduler, now))
            .collect();
        let mut weakest: Vec<PointStanding> = points
            .iter()
            .enumerate()
            .filter(|(_, m)| m.score.is_some())
            .map(|(point, &mastery)| PointStanding { point, mastery })
            .collect();
        weakest.sort_by(|a, b| {
            a.mastery
                .score
                .partial_cmp(&b.mastery.score)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.point.cmp(&b.point))
        });
        let mut sets = Vec::new();
        let mut start = 0;
        while start < study.picks.len() {
            let set = study.picks[start].0;
            let end = start
                + study.picks[start..]
                    .iter()
                    .take_while(|p| p.0 == set)
                    .count();
            let title = library.sets[set].set.title.clone();
            sets.push((
                title,
                Mastery::of(&study.refs[start..end], schedule, scheduler, now),
            ));
            start = end;
        }
        let right = progress
            .attempts()
            .iter()
            .filter(|a| a.verdict.is_right())
            .count();
        Overview {
            counts: schedule.counts(&study.refs, now),
            todays_review: schedule.todays_review(&study.refs, clock).len(),
            next_review: schedule.next_due(&study.refs, clock),
            streak: streak(progress, clock),
            answers: progress.attempts().len(),
            right,
            per_day: answers_per_day(progress, clock, 30),
            sets,
            points,
            weakest,
        }
    }

    pub fn level_of(&self, point: usize) -> Level {
        self.points.get(point).map_or(Level::Unseen, Mastery::level)
    }
}
