//! A practice round: which questions, in what order, how each is shown
//! (choices and items shuffled), what the learner answered and how it scored.
//! Pure state with no UI, so the rules are tested here.

use std::time::Duration;

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use super::{Answer, Grade, LoadedSet, Question, Response, Rules, grade};

/// How a question is laid out for the learner. Each list maps a position on
/// screen to the index in the question as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Single and multiple choice: the order of the choices.
    pub choices: Vec<usize>,
    /// Ordering: the order the items start in.
    pub items: Vec<usize>,
    /// Matching: the order of the right-hand side.
    pub rights: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub question: Question,
    pub rules: Rules,
    pub set_title: String,
    /// [`LoadedSet::key`] of the set, and its document: where progress files it.
    pub set_key: String,
    pub document: String,
    pub layout: Layout,
}

/// One answered question.
#[derive(Clone, Debug, PartialEq)]
pub struct Attempt {
    pub response: Response,
    pub grade: Grade,
    pub time: Duration,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// How many questions; 0 or more than there are means all.
    pub count: usize,
    pub shuffle: bool,
    pub seed: u64,
}

#[derive(Clone, Debug)]
pub struct Practice {
    pub items: Vec<Item>,
    pub attempts: Vec<Option<Attempt>>,
    pub current: usize,
}

/// The score and time of a finished round.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub answered: usize,
    pub total: usize,
    /// Sum of the scores (a partly right answer counts its share).
    pub score: f32,
    pub right: usize,
    pub time: Duration,
    /// Indices of the questions not fully right.
    pub missed: Vec<usize>,
}

impl Practice {
    /// Draws questions from `sets`.
    pub fn new(sets: &[&LoadedSet], options: Options) -> Practice {
        let mut pool: Vec<(&LoadedSet, &Question)> = sets
            .iter()
            .flat_map(|s| s.set.questions.iter().map(move |q| (*s, q)))
            .collect();
        let mut rng = StdRng::seed_from_u64(options.seed);
        if options.shuffle {
            pool.shuffle(&mut rng);
        }
        if options.count > 0 {
            pool.truncate(options.count);
        }
        Self::of_questions(&pool, options.shuffle, &mut rng)
    }

    /// A round of exactly these questions, in this order (today's review,
    /// the questions on the weakest key points).
    pub fn chosen(picks: &[(&LoadedSet, &Question)], seed: u64) -> Practice {
        Self::of_questions(picks, true, &mut StdRng::seed_from_u64(seed))
    }

    fn of_questions(
        picks: &[(&LoadedSet, &Question)],
        shuffle: bool,
        rng: &mut StdRng,
    ) -> Practice {
        let items = picks
            .iter()
            .map(|(set, question)| Item {
                question: (*question).clone(),
                rules: set.rules(),
                set_title: set.set.title.clone(),
                set_key: set.key(),
                document: set.set.document.clone(),
                layout: layout_for(&question.answer, shuffle, rng),
            })
            .collect();
        Self::from_items(items)
    }

    fn from_items(items: Vec<Item>) -> Practice {
        let attempts = vec![None; items.len()];
        Practice {
            items,
            attempts,
            current: 0,
        }
    }

    /// A new round of the questions missed in this one, as they were laid out.
    pub fn retry_missed(&self) -> Practice {
        let missed = self.summary().missed;
        Self::from_items(missed.into_iter().map(|i| self.items[i].clone()).collect())
    }

    pub fn current_item(&self) -> Option<&Item> {
        self.items.get(self.current)
    }

    pub fn current_attempt(&self) -> Option<&Attempt> {
        self.attempts.get(self.current).and_then(Option::as_ref)
    }

    /// Grades and records the answer to the current question (once).
    pub fn answer(&mut self, response: Response, time: Duration) -> Option<&Attempt> {
        let item = self.items.get(self.current)?;
        if self.attempts[self.current].is_none() {
            let grade = grade(&item.question.answer, &response, item.rules);
            self.attempts[self.current] = Some(Attempt {
                response,
                grade,
                time,
            });
        }
        self.attempts[self.current].as_ref()
    }

    /// Moves on; returns false at the end of the round.
    pub fn advance(&mut self) -> bool {
        if self.current < self.items.len() {
            self.current += 1;
        }
        self.current < self.items.len()
    }

    pub fn is_finished(&self) -> bool {
        self.current >= self.items.len()
    }

    pub fn summary(&self) -> Summary {
        let done: Vec<(usize, &Attempt)> = self
            .attempts
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.as_ref().map(|a| (i, a)))
            .collect();
        Summary {
            answered: done.len(),
            total: self.items.len(),
            score: done.iter().map(|(_, a)| a.grade.score).sum(),
            right: done
                .iter()
                .filter(|(_, a)| a.grade.verdict.is_right())
                .count(),
            time: done.iter().map(|(_, a)| a.time).sum(),
            missed: (0..self.items.len())
                .filter(|&i| {
                    !self.attempts[i]
                        .as_ref()
                        .is_some_and(|a| a.grade.verdict.is_right())
                })
                .collect(),
        }
    }
}

/// Whether a choice must keep its place when choices are mixed up: it
/// names the others ("Cả A và B đều đúng", "Tất cả các phương án trên",
/// "Không có phương án nào đúng").
pub fn fixed_choice(text: &str) -> bool {
    let folded = crate::text::fold(text, crate::text::Fold::Marks);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |phrase: &[&str]| words.windows(phrase.len()).any(|w| w == phrase);
    let letter = |w: &str| matches!(w, "a" | "b" | "c" | "d" | "e" | "f");
    has(&["tat", "ca"])
        || has(&["deu", "dung"])
        || has(&["deu", "sai"])
        || has(&["khong", "co", "phuong", "an"])
        || has(&["khong", "co", "dap", "an"])
        || has(&["cac", "phuong", "an", "tren"])
        || has(&["all", "of", "the", "above"])
        || has(&["none", "of", "the", "above"])
        || words
            .windows(3)
            .any(|w| letter(w[0]) && matches!(w[1], "va" | "and" | "hoac") && letter(w[2]))
        || words.windows(2).any(|w| {
            w[0] == "ca" && (letter(w[1]) || matches!(w[1], "hai" | "ba" | "bon" | "2" | "3" | "4"))
        })
}

/// The choices mixed up, those that name the others left where they are.
fn shuffle_movable(choices: &[String], rng: &mut StdRng) -> Vec<usize> {
    let movable: Vec<usize> = (0..choices.len())
        .filter(|&i| !fixed_choice(&choices[i]))
        .collect();
    let mut mixed = movable.clone();
    mixed.shuffle(rng);
    let mut order: Vec<usize> = (0..choices.len()).collect();
    for (slot, choice) in movable.into_iter().zip(mixed) {
        order[slot] = choice;
    }
    order
}

fn layout_for(answer: &Answer, shuffle: bool, rng: &mut StdRng) -> Layout {
    let identity = |n: usize| (0..n).collect::<Vec<_>>();
    let shuffled = |n: usize, rng: &mut StdRng| {
        let mut v = identity(n);
        v.shuffle(rng);
        v
    };
    // Items to order and right-hand sides to match are always mixed up —
    // shown in the right order they would give the answer away — and never
    // left exactly in the right order.
    let mixed = |n: usize, rng: &mut StdRng| {
        let mut v = shuffled(n, rng);
        if n > 1 && v == identity(n) {
            v.rotate_left(1);
        }
        v
    };
    match answer {
        Answer::SingleChoice { choices, .. } | Answer::MultipleChoice { choices, .. } => Layout {
            choices: if shuffle {
                shuffle_movable(choices, rng)
            } else {
                identity(choices.len())
            },
            items: Vec::new(),
            rights: Vec::new(),
        },
        Answer::Ordering(items) => Layout {
            choices: Vec::new(),
            items: mixed(items.len(), rng),
            rights: Vec::new(),
        },
        Answer::Matching(pairs) => Layout {
            choices: Vec::new(),
            items: Vec::new(),
            rights: mixed(pairs.len(), rng),
        },
        _ => Layout {
            choices: Vec::new(),
            items: Vec::new(),
            rights: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_that_name_the_others_keep_their_place() {
        for text in [
            "Cả A và B đều đúng",
            "Tất cả các phương án trên",
            "Không có phương án nào đúng",
            "A và C",
            "Cả ba ý trên",
            "All of the above",
        ] {
            assert!(fixed_choice(text), "{text}");
        }
        for text in [
            "Hà Nội",
            "Cả nước",
            "Ban Chấp hành Trung ương",
            "Đảng bộ tỉnh A",
        ] {
            assert!(!fixed_choice(text), "{text}");
        }
        let choices: Vec<String> = ["Một", "Hai", "Ba", "Cả A và B đều đúng"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for seed in 0..20 {
            let order = shuffle_movable(&choices, &mut StdRng::seed_from_u64(seed));
            assert_eq!(order[3], 3);
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, vec![0, 1, 2, 3]);
        }
    }
    use crate::quiz::{Library, Verdict};
    use std::path::Path;

    fn library() -> Library {
        Library::load(Path::new("/nonexistent"))
    }

    #[test]
    fn same_seed_same_round_and_count_is_respected() {
        let lib = library();
        let sets: Vec<_> = lib.sets.iter().collect();
        let options = Options {
            count: 10,
            shuffle: true,
            seed: 7,
        };
        let a = Practice::new(&sets, options);
        let b = Practice::new(&sets, options);
        assert_eq!(a.items.len(), 10);
        let ids = |p: &Practice| {
            p.items
                .iter()
                .map(|i| i.question.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&a), ids(&b));
        let c = Practice::new(&sets, Options { seed: 8, ..options });
        assert_ne!(ids(&a), ids(&c));
        let all = Practice::new(
            &sets,
            Options {
                count: 0,
                shuffle: false,
                seed: 0,
            },
        );
        assert_eq!(all.items.len(), lib.sets[0].set.questions.len());
        assert_eq!(
            all.items[0].question.id, lib.sets[0].set.questions[0].id,
            "unshuffled keeps the file order"
        );
    }

    #[test]
    fn ordering_and_matching_never_start_solved() {
        let lib = library();
        let sets: Vec<_> = lib.sets.iter().collect();
        for seed in 0..20 {
            let p = Practice::new(
                &sets,
                Options {
                    count: 0,
                    shuffle: false,
                    seed,
                },
            );
            for item in &p.items {
                let n = item.layout.items.len();
                if n > 1 {
                    assert_ne!(item.layout.items, (0..n).collect::<Vec<_>>());
                }
                let n = item.layout.rights.len();
                if n > 1 {
                    assert_ne!(item.layout.rights, (0..n).collect::<Vec<_>>());
                }
            }
        }
    }

    #[test]
    fn answering_scores_each_question_once_and_summarises_the_round() {
        let lib = library();
        let sets: Vec<_> = lib.sets.iter().collect();
        let mut p = Practice::new(
            &sets,
            Options {
                count: 3,
                shuffle: false,
                seed: 0,
            },
        );
        // Question 1: 20 chỉ tiêu (numeric).
        let a = p
            .answer(Response::Number("20".into()), Duration::from_secs(4))
            .unwrap();
        assert_eq!(a.grade.verdict, Verdict::Right);
        // A second answer to the same question does not replace the first.
        p.answer(Response::Number("21".into()), Duration::from_secs(1));
        assert_eq!(p.current_attempt().unwrap().grade.verdict, Verdict::Right);
        assert!(p.advance());
        p.answer(Response::Number("4".into()), Duration::from_secs(6));
        assert!(p.advance());
        assert!(!p.advance(), "three questions only");
        assert!(p.is_finished());

        let s = p.summary();
        assert_eq!((s.answered, s.total, s.right), (2, 3, 1));
        assert_eq!(s.time, Duration::from_secs(10));
        assert_eq!(
            s.missed,
            [1, 2],
            "wrong and unanswered questions are missed"
        );
        let again = p.retry_missed();
        assert_eq!(again.items.len(), 2);
        assert_eq!(again.items[0].question.id, p.items[1].question.id);
    }
}
