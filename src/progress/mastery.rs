//! How well things are known: a question, a key point, a set — and the
//! learner's habits (answers per day, streak).
//!
//! A question's mastery is the score of its last answer times FSRS's
//! probability of recalling it now: a wrong answer is 0; a right one starts
//! near 1 and fades until the question is reviewed again.

use crate::calendar::Millis;
use std::collections::{BTreeMap, HashMap, HashSet};

use super::clock::Clock;
use super::record::{Progress, QuestionRef};
use super::schedule::{Schedule, Scheduler};
use crate::document::Document;
use crate::keypoints::KeyPoint;
use crate::quiz::Question;
use crate::text::{Fold, fold};

/// Mastery in words, for marks and lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// No question on it answered yet.
    Unseen,
    Weak,
    Learning,
    Strong,
}

/// Below this a key point is weak; from [`STRONG_FROM`] it is strong.
pub const WEAK_BELOW: f32 = 0.5;
pub const STRONG_FROM: f32 = 0.85;

/// A question's mastery now; `None` if never answered (or edited since).
pub fn question_mastery(
    schedule: &Schedule,
    scheduler: &Scheduler,
    question: &QuestionRef,
    now: Millis,
) -> Option<f32> {
    let card = schedule.card(question)?;
    Some(card.last_score * scheduler.retrievability(card, now))
}

/// The mastery of a group of questions (a key point's, a set's).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Mastery {
    /// Questions answered at least once.
    pub met: usize,
    pub total: usize,
    /// The mean mastery of the questions met.
    pub score: Option<f32>,
}

impl Mastery {
    pub fn of<'a>(
        questions: impl IntoIterator<Item = &'a QuestionRef>,
        schedule: &Schedule,
        scheduler: &Scheduler,
        now: Millis,
    ) -> Mastery {
        let mut m = Mastery::default();
        let mut sum = 0.0;
        for q in questions {
            m.total += 1;
            if let Some(s) = question_mastery(schedule, scheduler, q, now) {
                m.met += 1;
                sum += s;
            }
        }
        m.score = (m.met > 0).then(|| sum / m.met as f32);
        m
    }

    pub fn level(&self) -> Level {
        match self.score {
            None => Level::Unseen,
            Some(s) if s < WEAK_BELOW => Level::Weak,
            Some(s) if s < STRONG_FROM => Level::Learning,
            Some(_) => Level::Strong,
        }
    }
}

/// For each key point, the questions (indices into `questions`) that test it:
/// questions generated from it, and questions whose passage is in the key
/// point's paragraph and quotes its words or names them as their key point.
pub fn questions_by_point(
    doc: &Document,
    points: &[KeyPoint],
    questions: &[&Question],
) -> Vec<Vec<usize>> {
    let mut by_point = vec![Vec::new(); points.len()];
    let by_id: HashMap<&str, usize> = points
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut by_block: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, p) in points.iter().enumerate() {
        by_block.entry(p.block).or_default().push(i);
    }
    let phrases: Vec<String> = points.iter().map(|p| fold(&p.phrase, Fold::Case)).collect();
    for (qi, q) in questions.iter().enumerate() {
        let mut linked = HashSet::new();
        if let Some(rest) = q.id.strip_prefix("gen-") {
            for (cut, _) in rest.match_indices('-') {
                if let Some(&p) = by_id.get(&rest[..cut]) {
                    linked.insert(p);
                }
            }
        }
        if let Some(block) = doc.locate(q.source.anchor).map(|l| l.block) {
            let quote = fold(&q.source.quote, Fold::Case);
            let named = q
                .key_point
                .as_deref()
                .map(|k| fold(k, Fold::Case))
                .unwrap_or_default();
            for &p in by_block.get(&block).into_iter().flatten() {
                let phrase = &phrases[p];
                if !phrase.is_empty()
                    && (quote.contains(phrase.as_str()) || named.contains(phrase.as_str()))
                {
                    linked.insert(p);
                }
            }
        }
        for p in linked {
            by_point[p].push(qi);
        }
    }
    by_point
}

/// Right and not-right answers on each of the last `days` study days,
/// oldest first, as (day, right, not right).
pub fn answers_per_day(progress: &Progress, clock: &Clock, days: i64) -> Vec<(i64, usize, usize)> {
    let today = clock.today();
    let first = today - days + 1;
    let mut counts: BTreeMap<i64, (usize, usize)> = (first..=today).map(|d| (d, (0, 0))).collect();
    for a in progress.between(clock.start_of_day(first), Millis(i64::MAX)) {
        if let Some(c) = counts.get_mut(&clock.day_of(a.at)) {
            if a.verdict.is_right() {
                c.0 += 1;
            } else {
                c.1 += 1;
            }
        }
    }
    counts.into_iter().map(|(d, (r, w))| (d, r, w)).collect()
}

/// Days in a row with at least one answer, up to today (or up to yesterday,
/// when today's study has not begun yet).
pub fn streak(progress: &Progress, clock: &Clock) -> u32 {
    let days: HashSet<i64> = progress
        .attempts()
        .iter()
        .map(|a| clock.day_of(a.at))
        .collect();
    let today = clock.today();
    let mut day = if days.contains(&today) {
        today
    } else {
        today - 1
    };
    let mut n = 0;
    while days.contains(&day) {
        n += 1;
        day -= 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Rating;
    use crate::progress::clock::{DAY, HOUR};
    use crate::progress::record::{Attempt, Mode};
    use crate::quiz::Verdict;

    const T0: Millis = Millis(20_782 * DAY + 10 * HOUR);

    fn qref(id: &str) -> QuestionRef {
        QuestionRef {
            document: "d".into(),
            set: "s".into(),
            id: id.into(),
            fingerprint: 1,
        }
    }

    fn history(answers: &[(&str, bool, Millis)]) -> Progress {
        let mut p = Progress::default();
        for &(id, right, at) in answers {
            let question = p.intern(&qref(id));
            p.push(Attempt {
                question,
                at,
                millis: 1000,
                verdict: if right {
                    Verdict::Right
                } else {
                    Verdict::Wrong
                },
                score: if right { 1.0 } else { 0.0 },
                rating: if right { Rating::Good } else { Rating::Again },
                mode: Mode::Practice,
                response: None,
            });
        }
        p
    }

    #[test]
    fn mastery_is_the_last_answer_fading_with_time() {
        let clock = Clock::fixed(T0);
        let scheduler = Scheduler::new(None, clock);
        let p = history(&[
            ("right", true, T0 - HOUR),
            ("wrong", true, T0 - 2 * HOUR),
            ("wrong", false, T0 - HOUR),
        ]);
        let schedule = Schedule::replay(&p, &scheduler);
        let right = question_mastery(&schedule, &scheduler, &qref("right"), T0).unwrap();
        assert!(right > 0.95, "{right}");
        let later = question_mastery(&schedule, &scheduler, &qref("right"), T0 + 30 * DAY).unwrap();
        assert!(later < right - 0.1, "fades: {later}");
        assert_eq!(
            question_mastery(&schedule, &scheduler, &qref("wrong"), T0),
            Some(0.0)
        );
        assert_eq!(
            question_mastery(&schedule, &scheduler, &qref("never"), T0),
            None
        );
        let m = Mastery::of(
            &[qref("right"), qref("wrong"), qref("never")],
            &schedule,
            &scheduler,
            T0,
        );
        assert_eq!((m.met, m.total), (2, 3));
        assert_eq!(m.level(), Level::Weak, "one known, one forgotten");
        assert_eq!(Mastery::default().level(), Level::Unseen);
    }

    #[test]
    fn streaks_count_days_in_a_row() {
        let clock = Clock::fixed(T0);
        let p = history(&[
            ("a", true, T0 - 3 * DAY),
            ("a", true, T0 - DAY),
            ("a", false, T0 - DAY - HOUR),
            ("a", true, T0 - 2 * DAY),
        ]);
        assert_eq!(
            streak(&p, &clock),
            3,
            "today not begun yet: counts to yesterday"
        );
        let mut with_today = p.clone();
        let q = with_today.intern(&qref("a"));
        let mut a = p.attempts()[0].clone();
        a.question = q;
        a.at = T0;
        with_today.push(a);
        assert_eq!(streak(&with_today, &clock), 4);
        assert_eq!(streak(&history(&[("a", true, T0 - 3 * DAY)]), &clock), 0);
        let days = answers_per_day(&p, &clock, 7);
        assert_eq!(days.len(), 7);
        assert_eq!(days[5], (clock.today() - 1, 1, 1));
        assert_eq!(days[6], (clock.today(), 0, 0));
    }

    #[test]
    fn the_bundled_questions_find_their_key_points() {
        let doc = Document::bundled();
        let (points, _) = crate::keypoints::key_points_for(&doc);
        let library = crate::quiz::Library::load(std::path::Path::new("/nonexistent"));
        let generated = crate::generate::generate(&doc, &points, 1);
        let questions: Vec<&Question> = library.sets[0]
            .set
            .questions
            .iter()
            .chain(&generated.questions)
            .collect();
        let by_point = questions_by_point(&doc, &points, &questions);
        let linked: HashSet<usize> = by_point.iter().flatten().copied().collect();
        let hand_written = library.sets[0].set.questions.len();
        // Every generated question tests its key point.
        assert!((hand_written..questions.len()).all(|q| linked.contains(&q)));
        // Most hand-written ones quote a key point's words.
        let hand_linked = (0..hand_written).filter(|q| linked.contains(q)).count();
        assert!(
            hand_linked * 2 > hand_written,
            "{hand_linked} of {hand_written}"
        );
        // "3 khâu đột phá" is asked by hand and by the generator.
        let (i, _) = points
            .iter()
            .enumerate()
            .find(|(_, p)| p.phrase.contains("3 khâu đột phá"))
            .expect("key point");
        assert!(
            by_point[i].iter().any(|&q| q < hand_written)
                && by_point[i].iter().any(|&q| q >= hand_written)
        );
    }
}
