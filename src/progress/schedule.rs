//! Spaced repetition with FSRS, the scheduler Anki uses (the `fsrs` crate).
//!
//! As in Anki's core, states are plain values and transitions pure
//! functions: [`review`] takes a card and one answer and returns the next
//! card. The schedule is never stored: [`Schedule::replay`] rebuilds it from
//! the answers, so importing, restoring a backup or fitting new parameters
//! can never leave it out of step with the history.

use crate::calendar::Millis;
use std::collections::HashMap;

use fsrs::{DEFAULT_PARAMETERS, FSRS, MemoryState};

use super::clock::{Clock, DAY, MINUTE};
use super::record::{Attempt, Progress, QuestionRef, Rating};
use crate::quiz::{Answer, Question, Verdict};

/// How an answer counts: right and quick is Good; right but slow, or accepted
/// with a tone-mark note, is Hard; half right or more is Hard; the rest Again.
pub fn rating(verdict: Verdict, score: f32, millis: u32, expected_millis: u32) -> Rating {
    match verdict {
        Verdict::Right if millis <= expected_millis => Rating::Good,
        Verdict::Right | Verdict::RightWithNote => Rating::Hard,
        Verdict::Partial if score >= 0.5 => Rating::Hard,
        Verdict::Partial | Verdict::Wrong => Rating::Again,
    }
}

/// How long someone who knows the answer takes: reading the question and its
/// choices at two words a second, plus ten seconds to answer (twenty to
/// arrange items or pairs).
pub fn expected_millis(question: &Question) -> u32 {
    let mut words = question.prompt.split_whitespace().count();
    let act = match &question.answer {
        Answer::SingleChoice { choices, .. } | Answer::MultipleChoice { choices, .. } => {
            words += choices
                .iter()
                .map(|c| c.split_whitespace().count())
                .sum::<usize>();
            10
        }
        Answer::FillBlank { text, .. } => {
            words += text.split_whitespace().count();
            10
        }
        Answer::TrueFalse(_) | Answer::Numeric { .. } => 10,
        Answer::Ordering(items) => {
            words += items
                .iter()
                .map(|c| c.split_whitespace().count())
                .sum::<usize>();
            20
        }
        Answer::Matching(pairs) => {
            words += pairs
                .iter()
                .map(|(l, r)| l.split_whitespace().count() + r.split_whitespace().count())
                .sum::<usize>();
            20
        }
    };
    (act * 1000 + words * 500) as u32
}

/// The probability of recall FSRS aims for when it sets the next review.
pub const DESIRED_RETENTION: f32 = 0.9;
/// A forgotten question is put this long after the answer, so in today's
/// review it comes after the questions already overdue.
pub const RELEARN_AFTER: i64 = 10 * MINUTE;
/// New questions brought into review per study day.
pub const NEW_PER_DAY: usize = 10;

/// FSRS with the profile's parameters and the clock's day boundaries.
#[derive(Clone, Debug)]
pub struct Scheduler {
    fsrs: FSRS,
    decay: f32,
    /// Only the offset matters: it says where study days begin.
    clock: Clock,
}

impl Scheduler {
    /// FSRS with `parameters` (fitted to this learner), or the defaults when
    /// there are none or they are not valid.
    pub fn new(parameters: Option<&[f32]>, clock: Clock) -> Scheduler {
        let parameters = parameters
            .and_then(|p| fsrs::check_and_fill_parameters(p).ok())
            .unwrap_or_else(|| DEFAULT_PARAMETERS.to_vec());
        let fsrs = FSRS::new(&parameters).unwrap_or_default();
        Scheduler {
            fsrs,
            decay: parameters[20],
            clock,
        }
    }

    /// The probability of recalling `card` at `at`.
    pub fn retrievability(&self, card: &Card, at: Millis) -> f32 {
        let days = (at - card.last_review).max(0) as f32 / DAY as f32;
        fsrs::current_retrievability(card.memory(), days, self.decay)
    }
}

/// What the schedule knows of one question.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub fingerprint: u64,
    pub stability: f32,
    pub difficulty: f32,
    pub first_review: Millis,
    pub last_review: Millis,
    /// When it should be asked again.
    pub due: Millis,
    pub reviews: u32,
    /// Times it was forgotten after having been known.
    pub lapses: u32,
    pub last_rating: Rating,
    pub last_score: f32,
}

impl Card {
    pub fn memory(&self) -> MemoryState {
        MemoryState {
            stability: self.stability,
            difficulty: self.difficulty,
        }
    }

    /// Due now. A question last answered wrong stays due until it is
    /// answered right (its `due`, [`RELEARN_AFTER`] later, only orders it
    /// after the overdue ones).
    pub fn is_due(&self, now: Millis) -> bool {
        self.due <= now || self.last_rating == Rating::Again
    }

    /// Whether the card still describes `fingerprint`'s question (0 is a
    /// migrated answer, taken to be about the question as it is now).
    pub fn matches(&self, fingerprint: u64) -> bool {
        self.fingerprint == fingerprint || self.fingerprint == 0 || fingerprint == 0
    }
}

/// The next state of a card after one answer. A card for an edited question
/// (another fingerprint) starts again as new.
pub fn review(
    scheduler: &Scheduler,
    card: Option<&Card>,
    fingerprint: u64,
    rating: Rating,
    score: f32,
    at: Millis,
) -> Card {
    let card = card.filter(|c| c.matches(fingerprint));
    let clock = &scheduler.clock;
    let elapsed = card.map_or(0, |c| {
        (clock.day_of(at) - clock.day_of(c.last_review)).max(0)
    });
    // One FSRS step for the rating given (`next_states` would work out all four).
    let item = fsrs::FSRSItem {
        reviews: vec![fsrs::FSRSReview {
            rating: rating as u32,
            delta_t: elapsed as u32,
        }],
    };
    let memory = scheduler
        .fsrs
        .historical_memory_states(item, card.map(Card::memory))
        .ok()
        .and_then(|states| states.last().copied());
    // FSRS refuses only impossible input; keep a sane card even then.
    let (memory, interval) = memory.map_or(
        (
            MemoryState {
                stability: 1.0,
                difficulty: 5.0,
            },
            1.0,
        ),
        |m| {
            let interval =
                scheduler
                    .fsrs
                    .next_interval(Some(m.stability), DESIRED_RETENTION, rating as u32);
            (m, interval)
        },
    );
    let due = if rating == Rating::Again {
        at + RELEARN_AFTER
    } else {
        let days = interval.round().max(1.0) as i64;
        clock.start_of_day(clock.day_of(at) + days)
    };
    let was_known = card.is_some_and(|c| c.last_rating != Rating::Again);
    Card {
        fingerprint: if fingerprint == 0 {
            card.map_or(0, |c| c.fingerprint)
        } else {
            fingerprint
        },
        stability: memory.stability,
        difficulty: memory.difficulty,
        first_review: card.map_or(at, |c| c.first_review),
        last_review: at,
        due,
        reviews: card.map_or(0, |c| c.reviews) + 1,
        lapses: card.map_or(0, |c| c.lapses) + u32::from(was_known && rating == Rating::Again),
        last_rating: rating,
        last_score: score,
    }
}

/// Answers needed before fitting FSRS to the learner is offered.
pub const FIT_FROM: usize = 400;

/// The learner's history in the form FSRS trains on: for each answer after a
/// question's first, the question's reviews up to it, with whole study days
/// between them.
pub fn training_items(progress: &Progress, clock: &Clock) -> Vec<fsrs::FSRSItem> {
    // Per question: the fingerprint followed, and (study day, rating) so far.
    type Reviews = (u64, Vec<(i64, Rating)>);
    let mut reviews: HashMap<(&str, &str), Reviews> = HashMap::new();
    let mut items = Vec::new();
    for a in progress.attempts() {
        let q = progress.question(a);
        let entry = reviews
            .entry(q.key())
            .or_insert((q.fingerprint, Vec::new()));
        if entry.0 != q.fingerprint && entry.0 != 0 && q.fingerprint != 0 {
            // An edited question is another card.
            *entry = (q.fingerprint, Vec::new());
        }
        entry.1.push((clock.day_of(a.at), a.rating));
        if entry.1.len() > 1 {
            let mut previous = entry.1[0].0;
            let reviews = entry
                .1
                .iter()
                .map(|&(day, rating)| {
                    let delta_t = (day - previous).max(0) as u32;
                    previous = day;
                    fsrs::FSRSReview {
                        rating: rating as u32,
                        delta_t,
                    }
                })
                .collect();
            items.push(fsrs::FSRSItem { reviews });
        }
    }
    items
}

/// FSRS parameters fitted to the learner's answers, as Anki's "Optimise".
/// Slow (seconds): run it off the UI thread.
pub fn fit(progress: &Progress, clock: &Clock) -> Result<Vec<f32>, FitError> {
    let answers = progress.attempts().len();
    if answers < FIT_FROM {
        return Err(FitError::TooFew { answers });
    }
    let train_set = training_items(progress, clock);
    let parameters = fsrs::compute_parameters(fsrs::ComputeParametersInput {
        train_set,
        ..Default::default()
    })
    .map_err(|e| FitError::Failed(e.to_string()))?;
    fsrs::check_and_fill_parameters(&parameters).map_err(|e| FitError::Failed(e.to_string()))
}

#[derive(Clone, Debug, PartialEq)]
pub enum FitError {
    /// Fewer than [`FIT_FROM`] answers.
    TooFew {
        answers: usize,
    },
    Failed(String),
}

/// Due, new and learned questions among some set of questions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Met before and due now.
    pub due: usize,
    /// Never answered (or changed since).
    pub new: usize,
    /// Met, and not due yet.
    pub learned: usize,
}

/// Every question's card, by set and id (nested, so a lookup borrows).
#[derive(Clone, Debug, Default)]
pub struct Schedule {
    cards: HashMap<String, HashMap<String, Card>>,
}

impl Schedule {
    /// The schedule the answers in `progress` make, in time order.
    pub fn replay(progress: &Progress, scheduler: &Scheduler) -> Schedule {
        let mut schedule = Schedule::default();
        let mut by_question: Vec<Option<Card>> = vec![None; progress.questions.len()];
        // Cards are shared by the fingerprints of one question: follow (set, id).
        let mut slot_of: HashMap<(&str, &str), usize> = HashMap::new();
        let slots: Vec<usize> = progress
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| *slot_of.entry(q.key()).or_insert(i))
            .collect();
        for attempt in progress.attempts() {
            let q = &progress.questions[attempt.question as usize];
            let slot = slots[attempt.question as usize];
            let next = review(
                scheduler,
                by_question[slot].as_ref(),
                q.fingerprint,
                attempt.rating,
                attempt.score,
                attempt.at,
            );
            by_question[slot] = Some(next);
        }
        for (i, card) in by_question.into_iter().enumerate() {
            if let Some(card) = card {
                let q = &progress.questions[i];
                schedule.insert(q, card);
            }
        }
        schedule
    }

    /// Applies one more answer (the last one in `progress`).
    pub fn apply(&mut self, progress: &Progress, attempt: &Attempt, scheduler: &Scheduler) {
        let q = progress.question(attempt);
        let previous = self.cards.get(&q.set).and_then(|ids| ids.get(&q.id));
        let next = review(
            scheduler,
            previous,
            q.fingerprint,
            attempt.rating,
            attempt.score,
            attempt.at,
        );
        self.insert(q, next);
    }

    fn insert(&mut self, q: &QuestionRef, card: Card) {
        self.cards
            .entry(q.set.clone())
            .or_default()
            .insert(q.id.clone(), card);
    }

    /// The card of a question as it is now; none if never answered or
    /// edited since.
    pub fn card(&self, question: &QuestionRef) -> Option<&Card> {
        self.cards
            .get(&question.set)
            .and_then(|ids| ids.get(&question.id))
            .filter(|c| c.matches(question.fingerprint))
    }

    /// How many questions have been met.
    pub fn len(&self) -> usize {
        self.cards.values().map(HashMap::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn counts<'a>(
        &self,
        questions: impl IntoIterator<Item = &'a QuestionRef>,
        now: Millis,
    ) -> Counts {
        let mut counts = Counts::default();
        for q in questions {
            match self.card(q) {
                None => counts.new += 1,
                Some(c) if c.is_due(now) => counts.due += 1,
                Some(_) => counts.learned += 1,
            }
        }
        counts
    }

    /// How many questions were met for the first time on the study day of
    /// `clock.now`.
    pub fn introduced_today(&self, clock: &Clock) -> usize {
        let today = clock.today();
        self.cards
            .values()
            .flat_map(HashMap::values)
            .filter(|c| clock.day_of(c.first_review) == today)
            .count()
    }

    /// When the next of `questions` falls due after `clock.now` (none are
    /// due then, or none has been met): what "come back on…" says once
    /// today's review is done.
    pub fn next_due(&self, questions: &[QuestionRef], clock: &Clock) -> Option<Millis> {
        questions
            .iter()
            .filter_map(|q| self.card(q))
            .map(|c| c.due)
            .filter(|&due| due > clock.now)
            .min()
    }

    /// Today's review: the due questions, most overdue first, then new ones
    /// up to the day's allowance. Returns indices into `questions`.
    pub fn todays_review(&self, questions: &[QuestionRef], clock: &Clock) -> Vec<usize> {
        let mut due: Vec<(Millis, usize)> = Vec::new();
        let mut new = Vec::new();
        for (i, q) in questions.iter().enumerate() {
            match self.card(q) {
                Some(c) if c.is_due(clock.now) => due.push((c.due, i)),
                Some(_) => {}
                None => new.push(i),
            }
        }
        due.sort();
        let allowance = NEW_PER_DAY.saturating_sub(self.introduced_today(clock));
        due.into_iter()
            .map(|(_, i)| i)
            .chain(new.into_iter().take(allowance))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::record::Mode;

    const T0: Millis = Millis(20_782 * DAY + 10 * 3_600_000); // 25/11/2026 10:00 UTC

    fn scheduler() -> Scheduler {
        Scheduler::new(None, Clock::fixed(T0))
    }

    #[test]
    fn ratings_follow_speed_and_correctness() {
        assert_eq!(rating(Verdict::Right, 1.0, 5_000, 10_000), Rating::Good);
        assert_eq!(rating(Verdict::Right, 1.0, 15_000, 10_000), Rating::Hard);
        assert_eq!(
            rating(Verdict::RightWithNote, 1.0, 1_000, 10_000),
            Rating::Hard
        );
        assert_eq!(rating(Verdict::Partial, 0.67, 1_000, 10_000), Rating::Hard);
        assert_eq!(rating(Verdict::Partial, 0.33, 1_000, 10_000), Rating::Again);
        assert_eq!(rating(Verdict::Wrong, 0.0, 1_000, 10_000), Rating::Again);
    }

    #[test]
    fn longer_questions_are_given_longer() {
        let set = crate::quiz::Library::load(std::path::Path::new("/nonexistent"))
            .sets
            .remove(0)
            .set;
        let short = set.questions.iter().map(expected_millis).min().unwrap();
        let long = set.questions.iter().map(expected_millis).max().unwrap();
        assert!(short >= 10_000 && long > short + 5_000, "{short} {long}");
    }

    #[test]
    fn good_answers_push_the_next_review_further_away() {
        let s = scheduler();
        let first = review(&s, None, 1, Rating::Good, 1.0, T0);
        assert!(
            first.due > T0 + DAY / 2,
            "a good first answer waits a day or more"
        );
        let second = review(&s, Some(&first), 1, Rating::Good, 1.0, first.due);
        let gap1 = first.due - first.last_review;
        let gap2 = second.due - second.last_review;
        assert!(gap2 > gap1 * 2, "{gap1} then {gap2}");
        assert_eq!(second.reviews, 2);
        assert_eq!(second.first_review, T0);
    }

    #[test]
    fn a_forgotten_question_comes_back_the_same_day() {
        let s = scheduler();
        let known = review(&s, None, 1, Rating::Good, 1.0, T0);
        let forgot = review(&s, Some(&known), 1, Rating::Again, 0.0, known.due);
        assert_eq!(forgot.due, known.due + RELEARN_AFTER);
        assert_eq!(forgot.lapses, 1);
        assert!(forgot.stability < known.stability);
        let hard = review(&s, None, 1, Rating::Hard, 1.0, T0);
        let good = review(&s, None, 1, Rating::Good, 1.0, T0);
        assert!(hard.due <= good.due);
    }

    #[test]
    fn one_step_matches_fsrs_next_states() {
        let s = scheduler();
        let fsrs = FSRS::default();
        let known = review(&s, None, 1, Rating::Good, 1.0, T0);
        for (rating, pick) in [
            (Rating::Again, 0),
            (Rating::Hard, 1),
            (Rating::Good, 2),
            (Rating::Easy, 3),
        ] {
            for (card, days) in [(None, 0u32), (Some(&known), 3)] {
                let next = fsrs
                    .next_states(card.map(Card::memory), DESIRED_RETENTION, days)
                    .unwrap();
                let want = &[next.again, next.hard, next.good, next.easy][pick];
                let got = review(&s, card, 1, rating, 1.0, T0 + i64::from(days) * DAY);
                assert_eq!(
                    (got.stability, got.difficulty),
                    (want.memory.stability, want.memory.difficulty)
                );
                if rating != Rating::Again {
                    let days_after = want.interval.round().max(1.0) as i64;
                    assert_eq!(
                        got.due,
                        s.clock
                            .start_of_day(s.clock.day_of(got.last_review) + days_after)
                    );
                }
            }
        }
    }

    #[test]
    fn an_edited_question_starts_again() {
        let s = scheduler();
        let known = review(&s, None, 1, Rating::Good, 1.0, T0);
        let edited = review(&s, Some(&known), 2, Rating::Good, 1.0, T0 + DAY);
        assert_eq!(edited.reviews, 1);
        assert_eq!(edited.fingerprint, 2);
    }

    fn progress_with(answers: &[(&str, u64, Rating, Millis)]) -> Progress {
        let mut p = Progress::default();
        for &(id, fingerprint, rating, at) in answers {
            let question = p.intern(&QuestionRef {
                document: "d".into(),
                set: "s".into(),
                id: id.into(),
                fingerprint,
            });
            p.push(Attempt {
                question,
                at,
                millis: 1000,
                verdict: if rating == Rating::Again {
                    Verdict::Wrong
                } else {
                    Verdict::Right
                },
                score: if rating == Rating::Again { 0.0 } else { 1.0 },
                rating,
                mode: Mode::Practice,
                response: None,
            });
        }
        p
    }

    fn qref(id: &str, fingerprint: u64) -> QuestionRef {
        QuestionRef {
            document: "d".into(),
            set: "s".into(),
            id: id.into(),
            fingerprint,
        }
    }

    #[test]
    fn replay_and_step_by_step_agree() {
        let answers = [
            ("a", 1, Rating::Good, T0),
            ("b", 1, Rating::Again, T0 + MINUTE),
            ("a", 1, Rating::Hard, T0 + 3 * DAY),
            ("b", 1, Rating::Good, T0 + 3 * DAY + MINUTE),
        ];
        let s = scheduler();
        let all = progress_with(&answers);
        let replayed = Schedule::replay(&all, &s);
        let mut stepped = Schedule::default();
        for a in all.attempts() {
            stepped.apply(&all, a, &s);
        }
        for id in ["a", "b"] {
            assert_eq!(replayed.card(&qref(id, 1)), stepped.card(&qref(id, 1)));
        }
        assert_eq!(replayed.card(&qref("a", 1)).unwrap().reviews, 2);
    }

    #[test]
    fn counts_and_todays_review() {
        let s = scheduler();
        let p = progress_with(&[
            ("known", 1, Rating::Good, T0 - 10 * DAY),
            ("due", 1, Rating::Again, T0 - DAY),
            ("edited", 1, Rating::Good, T0 - MINUTE),
        ]);
        let schedule = Schedule::replay(&p, &s);
        let mut questions = vec![qref("known", 1), qref("due", 1), qref("edited", 2)];
        questions.extend((0..20).map(|i| qref(&format!("new{i}"), 1)));
        let counts = schedule.counts(&questions, T0);
        // "known" was answered Good ten days ago: after one review FSRS waits
        // a few days, so it is due again too.
        assert_eq!(counts.due + counts.learned, 2);
        assert_eq!(counts.new, 21, "the edited one counts as new");
        let review = schedule.todays_review(&questions, &Clock::fixed(T0));
        assert_eq!(review[0], 0, "the most overdue first");
        assert_eq!(
            review.len(),
            counts.due + NEW_PER_DAY - 1,
            "one new met today already"
        );
    }

    /// A learner who answers 80 questions on and off for four months, knowing
    /// the easy half well and the hard half poorly.
    fn simulated_learner() -> Progress {
        let mut answers = Vec::new();
        let mut seed = 7u64;
        for q in 0..80 {
            let mut at = T0 - 120 * DAY + q as i64 * MINUTE;
            let mut gap = 1;
            while at < T0 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let chance = if q % 2 == 0 { 90 } else { 55 };
                let right = (seed >> 33) % 100 < chance;
                answers.push((q, right, at));
                gap = if right { gap * 2 } else { 1 };
                at += gap * DAY;
            }
        }
        answers.sort_by_key(|a| a.2);
        let mut p = Progress::default();
        for (q, right, at) in answers {
            let question = p.intern(&qref(&format!("q{q}"), 1));
            let rating = if right { Rating::Good } else { Rating::Again };
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
                rating,
                mode: Mode::Review,
                response: None,
            });
        }
        p
    }

    #[test]
    fn parameters_are_fitted_to_a_learners_history() {
        let clock = Clock::fixed(T0);
        let p = simulated_learner();
        let items = training_items(&p, &clock);
        assert_eq!(
            items.len(),
            p.attempts().len() - 80,
            "one item per answer after the first"
        );
        assert!(items.iter().all(|i| i.reviews[0].delta_t == 0));
        let fitted = fit(&p, &clock).expect("fits");
        assert_eq!(fitted.len(), 21);
        assert!(fitted.iter().all(|w| w.is_finite()));
        assert_ne!(fitted.as_slice(), DEFAULT_PARAMETERS.as_slice());
        assert!(p.attempts().len() >= FIT_FROM);
        assert_eq!(
            fit(&progress_with(&[("a", 1, Rating::Good, T0)]), &clock),
            Err(FitError::TooFew { answers: 1 })
        );
    }

    #[test]
    fn fitted_parameters_that_are_invalid_fall_back_to_the_defaults() {
        let clock = Clock::fixed(T0);
        let bad = Scheduler::new(Some(&[f32::NAN; 21]), clock);
        let card = review(&bad, None, 1, Rating::Good, 1.0, T0);
        let default = review(&Scheduler::new(None, clock), None, 1, Rating::Good, 1.0, T0);
        assert_eq!(card, default);
        assert!(bad.retrievability(&card, T0 + DAY) < 1.0);
    }

    #[test]
    fn the_next_review_is_the_earliest_card_not_yet_due() {
        let s = scheduler();
        let mut progress = Progress::default();
        let q = |id: &str| QuestionRef {
            document: "d".into(),
            set: "s".into(),
            id: id.into(),
            fingerprint: 1,
        };
        let clock = Clock::fixed(T0);
        let mut schedule = Schedule::replay(&progress, &s);
        assert_eq!(schedule.next_due(&[q("a")], &clock), None, "never met");
        for (id, rating) in [("a", Rating::Good), ("b", Rating::Again)] {
            let question = progress.intern(&q(id));
            progress.push(crate::progress::Attempt {
                question,
                at: T0 - 60_000,
                millis: 5_000,
                verdict: Verdict::Right,
                score: 1.0,
                rating,
                mode: Mode::Review,
                response: None,
            });
        }
        schedule = Schedule::replay(&progress, &s);
        let next = schedule.next_due(&[q("a"), q("b")], &clock).unwrap();
        let a = schedule.card(&q("a")).unwrap().due;
        let b = schedule.card(&q("b")).unwrap().due;
        let expected = [a, b].into_iter().filter(|&d| d > T0).min();
        assert_eq!(Some(next), expected);
        // Once the clock passes it, the later one is next.
        let later = Clock::fixed(next);
        assert_eq!(schedule.next_due(&[q("a"), q("b")], &later), Some(a.max(b)));
    }
}
