//! Grading answers, fairly to Vietnamese typists.
//!
//! Rules (also in `quizzes/README.md`):
//! - Typed text is compared after NFC normalisation, trimming, collapsing
//!   spaces and ignoring case (and a final full stop).
//! - Text right except for its tone marks ("doan ket" for "Đoàn kết") is
//!   accepted with a note showing the right spelling, or marked wrong if the
//!   set says `tone_marks: Reject`.
//! - Numbers accept "12000", "12.000", "12 000", "3,5" and short numbers in
//!   words ("ba", "mười bốn").
//! - Multiple choice, ordering, matching and multi-blank questions score all
//!   or nothing, unless the set sets `partial_credit: true`: then multiple
//!   choice scores (right ticks − wrong ticks) / right choices, ordering the
//!   share of items in their right place, matching the share of right pairs,
//!   fill-in-the-blank the share of right blanks.

use super::model::{Answer, ToneMarks};
use crate::numbers::parse_number;
use crate::text::{Fold, collapse_spaces, fold, nfc};

/// What a learner gave, per question type.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Response {
    Choice(Option<usize>),
    Choices(Vec<usize>),
    TrueFalse(Option<bool>),
    Blanks(Vec<String>),
    Number(String),
    /// Indices into the right order, in the order the learner put the items.
    Order(Vec<usize>),
    /// For each left-hand item, the index of the right-hand item chosen.
    Matches(Vec<Option<usize>>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Verdict {
    Right,
    /// Right, accepted with a note (tone marks missing).
    RightWithNote,
    Partial,
    Wrong,
}

impl Verdict {
    pub fn is_right(self) -> bool {
        matches!(self, Verdict::Right | Verdict::RightWithNote)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// The typed text was accepted although its tone marks differ.
    Spelling { typed: String, expected: String },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Grade {
    pub verdict: Verdict,
    /// From 0 to 1.
    pub score: f32,
    pub notes: Vec<Note>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rules {
    pub tone_marks: ToneMarks,
    pub partial_credit: bool,
}

/// How a typed text compares with the accepted ones.
#[derive(Debug, PartialEq)]
enum TextMatch {
    Exact,
    /// Same letters, other tone marks; the accepted spelling.
    TonesDiffer(String),
    No,
}

fn normal(s: &str) -> String {
    let s = collapse_spaces(&nfc(s));
    let s = s.trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '\'' | '.' | ' '));
    fold(s, Fold::Case)
}

fn match_text(typed: &str, accepted: &[String]) -> TextMatch {
    let typed_n = normal(typed);
    if typed_n.is_empty() {
        return TextMatch::No;
    }
    if accepted.iter().any(|a| normal(a) == typed_n) {
        return TextMatch::Exact;
    }
    // Numbers in any form: "20", "hai mươi".
    if let Some(t) = parse_number(typed)
        && accepted
            .iter()
            .any(|a| parse_number(a).is_some_and(|n| (n - t).abs() < 1e-9))
    {
        return TextMatch::Exact;
    }
    let typed_bare = fold(&typed_n, Fold::Marks);
    accepted
        .iter()
        .find(|a| fold(&normal(a), Fold::Marks) == typed_bare)
        .map_or(TextMatch::No, |a| TextMatch::TonesDiffer(a.clone()))
}

pub fn grade(answer: &Answer, response: &Response, rules: Rules) -> Grade {
    let mut notes = Vec::new();
    let score = match (answer, response) {
        (Answer::SingleChoice { answer, .. }, Response::Choice(c)) => {
            bool_score(*c == Some(*answer))
        }
        (Answer::MultipleChoice { choices, answers }, Response::Choices(ticked)) => {
            let right = ticked.iter().filter(|t| answers.contains(t)).count() as f32;
            let wrong = ticked
                .iter()
                .filter(|t| !answers.contains(t) && **t < choices.len())
                .count() as f32;
            ((right - wrong) / answers.len().max(1) as f32).max(0.0)
        }
        (Answer::TrueFalse(answer), Response::TrueFalse(given)) => {
            bool_score(*given == Some(*answer))
        }
        (Answer::FillBlank { blanks, .. }, Response::Blanks(typed)) => {
            let mut right = 0;
            for (i, accepted) in blanks.iter().enumerate() {
                let t = typed.get(i).map_or("", String::as_str);
                match match_text(t, accepted) {
                    TextMatch::Exact => right += 1,
                    TextMatch::TonesDiffer(expected)
                        if rules.tone_marks == ToneMarks::AcceptWithNote =>
                    {
                        right += 1;
                        notes.push(Note::Spelling {
                            typed: collapse_spaces(&nfc(t)),
                            expected,
                        });
                    }
                    _ => {}
                }
            }
            right as f32 / blanks.len().max(1) as f32
        }
        (
            Answer::Numeric {
                answer, tolerance, ..
            },
            Response::Number(typed),
        ) => {
            bool_score(parse_number(typed).is_some_and(|n| (n - answer).abs() <= tolerance + 1e-9))
        }
        (Answer::Ordering(items), Response::Order(order)) => {
            let in_place = order.iter().enumerate().filter(|(i, o)| i == *o).count();
            if order.len() == items.len() {
                in_place as f32 / items.len().max(1) as f32
            } else {
                0.0
            }
        }
        (Answer::Matching(pairs), Response::Matches(chosen)) => {
            let right = chosen
                .iter()
                .enumerate()
                .filter(|(i, c)| **c == Some(*i))
                .count();
            right as f32 / pairs.len().max(1) as f32
        }
        _ => 0.0,
    };
    let score = if rules.partial_credit || score >= 1.0 {
        score
    } else {
        0.0
    };
    let verdict = if score >= 1.0 {
        if notes.is_empty() {
            Verdict::Right
        } else {
            Verdict::RightWithNote
        }
    } else if score > 0.0 {
        Verdict::Partial
    } else {
        Verdict::Wrong
    };
    if !verdict.is_right() {
        notes.clear();
    }
    Grade {
        verdict,
        score,
        notes,
    }
}

fn bool_score(right: bool) -> f32 {
    if right { 1.0 } else { 0.0 }
}

/// What a learner who knows the answer gives (tests, previews).
pub fn correct_response(answer: &Answer) -> Response {
    match answer {
        Answer::SingleChoice { answer, .. } => Response::Choice(Some(*answer)),
        Answer::MultipleChoice { answers, .. } => Response::Choices(answers.clone()),
        Answer::TrueFalse(value) => Response::TrueFalse(Some(*value)),
        Answer::FillBlank { blanks, .. } => Response::Blanks(
            blanks
                .iter()
                .map(|accepted| accepted.first().cloned().unwrap_or_default())
                .collect(),
        ),
        Answer::Numeric { answer, .. } => Response::Number(answer.to_string()),
        Answer::Ordering(items) => Response::Order((0..items.len()).collect()),
        Answer::Matching(pairs) => Response::Matches((0..pairs.len()).map(Some).collect()),
    }
}

/// Blank by blank, whether what was typed counts as right under `rules` (for
/// a mark beside each blank: "blank 1 right, blank 2 should be …").
pub fn blank_marks(blanks: &[Vec<String>], typed: &[String], rules: Rules) -> Vec<bool> {
    blanks
        .iter()
        .enumerate()
        .map(|(i, accepted)| {
            let t = typed.get(i).map_or("", String::as_str);
            match match_text(t, accepted) {
                TextMatch::Exact => true,
                TextMatch::TonesDiffer(_) => rules.tone_marks == ToneMarks::AcceptWithNote,
                TextMatch::No => false,
            }
        })
        .collect()
}

/// The right answer in words, for feedback ("3", "Đúng", "Dân chủ", …).
/// `yes`/`no` are the words for true and false in the interface language.
pub fn correct_answer_text(answer: &Answer, yes: &str, no: &str) -> String {
    match answer {
        Answer::SingleChoice { choices, answer } => {
            choices.get(*answer).cloned().unwrap_or_default()
        }
        Answer::MultipleChoice { choices, answers } => answers
            .iter()
            .filter_map(|&a| choices.get(a).cloned())
            .collect::<Vec<_>>()
            .join("; "),
        Answer::TrueFalse(b) => if *b { yes } else { no }.to_string(),
        Answer::FillBlank { blanks, .. } => blanks
            .iter()
            .filter_map(|b| b.first().cloned())
            .collect::<Vec<_>>()
            .join("; "),
        Answer::Numeric { answer, unit, .. } => {
            let number = crate::numbers::format_answer(*answer, unit.as_deref());
            match unit {
                Some(u) => format!("{number} {u}"),
                None => number,
            }
        }
        Answer::Ordering(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| format!("{}. {item}", i + 1))
            .collect::<Vec<_>>()
            .join("; "),
        Answer::Matching(pairs) => pairs
            .iter()
            .map(|(l, r)| format!("{l} — {r}"))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_blank_is_marked_on_its_own() {
        let blanks = vec![vec!["Đoàn kết".to_string()], vec!["Dân chủ".to_string()]];
        let typed = vec!["doan ket".to_string(), "Kỷ cương".to_string()];
        assert_eq!(
            blank_marks(&blanks, &typed, Rules::default()),
            [true, false]
        );
        let strict = Rules {
            tone_marks: ToneMarks::Reject,
            partial_credit: false,
        };
        assert_eq!(blank_marks(&blanks, &typed, strict), [false, false]);
        assert_eq!(blank_marks(&blanks, &[], Rules::default()), [false, false]);
    }

    fn strict() -> Rules {
        Rules::default()
    }

    fn partial() -> Rules {
        Rules {
            partial_credit: true,
            ..Rules::default()
        }
    }

    fn blank(accepted: &[&str]) -> Answer {
        Answer::FillBlank {
            text: "___".into(),
            blanks: vec![accepted.iter().map(|s| s.to_string()).collect()],
        }
    }

    fn typed(s: &str) -> Response {
        Response::Blanks(vec![s.to_string()])
    }

    #[test]
    fn typed_text_ignores_case_spaces_and_normal_form() {
        let a = blank(&["Đoàn kết"]);
        for t in [
            "Đoàn kết",
            "  đoàn   KẾT ",
            "đoàn kết.",
            "Đoa\u{0300}n ke\u{0302}\u{0301}t",
        ] {
            assert_eq!(
                grade(&a, &typed(t), strict()).verdict,
                Verdict::Right,
                "{t:?}"
            );
        }
        assert_eq!(
            grade(&a, &typed("dân chủ"), strict()).verdict,
            Verdict::Wrong
        );
        assert_eq!(grade(&a, &typed(""), strict()).verdict, Verdict::Wrong);
    }

    #[test]
    fn missing_tone_marks_are_accepted_with_a_note_or_rejected() {
        let a = blank(&["Đoàn kết"]);
        let g = grade(&a, &typed("doan ket"), strict());
        assert_eq!(g.verdict, Verdict::RightWithNote);
        assert_eq!(
            g.notes,
            [Note::Spelling {
                typed: "doan ket".into(),
                expected: "Đoàn kết".into()
            }]
        );
        let reject = Rules {
            tone_marks: ToneMarks::Reject,
            ..Rules::default()
        };
        let g = grade(&a, &typed("doan ket"), reject);
        assert_eq!((g.verdict, g.notes.len()), (Verdict::Wrong, 0));
        // Wrong tone marks are tone marks too.
        assert_eq!(
            grade(&a, &typed("đoán kết"), strict()).verdict,
            Verdict::RightWithNote
        );
    }

    #[test]
    fn alternatives_per_blank_are_accepted() {
        let a = blank(&["Thành ủy", "Thành ủy Hà Nội", "TU"]);
        assert_eq!(grade(&a, &typed("tu"), strict()).verdict, Verdict::Right);
        assert_eq!(
            grade(&a, &typed("thành ủy hà nội"), strict()).verdict,
            Verdict::Right
        );
    }

    #[test]
    fn numbers_in_every_usual_form() {
        let a = Answer::Numeric {
            answer: 12000.0,
            tolerance: 0.0,
            unit: None,
        };
        for t in ["12000", "12.000", "12 000", "mười hai nghìn"] {
            assert_eq!(
                grade(&a, &Response::Number(t.into()), strict()).verdict,
                Verdict::Right,
                "{t}"
            );
        }
        assert_eq!(
            grade(&a, &Response::Number("12".into()), strict()).verdict,
            Verdict::Wrong
        );
        let three = Answer::Numeric {
            answer: 3.0,
            tolerance: 0.0,
            unit: None,
        };
        assert_eq!(
            grade(&three, &Response::Number("ba".into()), strict()).verdict,
            Verdict::Right
        );
        let near = Answer::Numeric {
            answer: 100.0,
            tolerance: 5.0,
            unit: None,
        };
        assert_eq!(
            grade(&near, &Response::Number("104,5".into()), strict()).verdict,
            Verdict::Right
        );
        assert_eq!(
            grade(&near, &Response::Number("106".into()), strict()).verdict,
            Verdict::Wrong
        );
        // A number in a blank, typed in words.
        assert_eq!(
            grade(&blank(&["20"]), &typed("hai mươi"), strict()).verdict,
            Verdict::Right
        );
    }

    #[test]
    fn choices_and_true_false() {
        let single = Answer::SingleChoice {
            choices: vec!["a".into(), "b".into()],
            answer: 1,
        };
        assert!(
            grade(&single, &Response::Choice(Some(1)), strict())
                .verdict
                .is_right()
        );
        assert!(
            !grade(&single, &Response::Choice(None), strict())
                .verdict
                .is_right()
        );
        let tf = Answer::TrueFalse(false);
        assert!(
            grade(&tf, &Response::TrueFalse(Some(false)), strict())
                .verdict
                .is_right()
        );
        assert!(
            !grade(&tf, &Response::TrueFalse(Some(true)), strict())
                .verdict
                .is_right()
        );
    }

    #[test]
    fn multiple_choice_is_all_or_nothing_unless_partial_credit() {
        let a = Answer::MultipleChoice {
            choices: ["a", "b", "c", "d"].map(String::from).to_vec(),
            answers: vec![0, 2],
        };
        let r = |v: Vec<usize>| Response::Choices(v);
        assert_eq!(grade(&a, &r(vec![2, 0]), strict()).verdict, Verdict::Right);
        assert_eq!(grade(&a, &r(vec![0]), strict()).score, 0.0);
        assert_eq!(
            grade(&a, &r(vec![0, 2, 3]), strict()).verdict,
            Verdict::Wrong
        );
        let g = grade(&a, &r(vec![0]), partial());
        assert_eq!((g.verdict, g.score), (Verdict::Partial, 0.5));
        assert_eq!(grade(&a, &r(vec![0, 1]), partial()).score, 0.0);
        assert_eq!(grade(&a, &r(vec![0, 1, 2]), partial()).score, 0.5);
    }

    #[test]
    fn ordering_and_matching_scores() {
        let a = Answer::Ordering(["1", "2", "3", "4"].map(String::from).to_vec());
        assert_eq!(
            grade(&a, &Response::Order(vec![0, 1, 2, 3]), strict()).verdict,
            Verdict::Right
        );
        assert_eq!(
            grade(&a, &Response::Order(vec![0, 1, 3, 2]), strict()).score,
            0.0
        );
        assert_eq!(
            grade(&a, &Response::Order(vec![0, 1, 3, 2]), partial()).score,
            0.5
        );
        let m = Answer::Matching(vec![
            ("a".into(), "1".into()),
            ("b".into(), "2".into()),
            ("c".into(), "3".into()),
        ]);
        assert!(
            grade(
                &m,
                &Response::Matches(vec![Some(0), Some(1), Some(2)]),
                strict()
            )
            .verdict
            .is_right()
        );
        let g = grade(
            &m,
            &Response::Matches(vec![Some(0), Some(2), None]),
            partial(),
        );
        assert!((g.score - 1.0 / 3.0).abs() < 1e-6);
        assert_eq!(g.verdict, Verdict::Partial);
    }

    #[test]
    fn multi_blank_partial_credit() {
        let a = Answer::FillBlank {
            text: "___ - ___".into(),
            blanks: vec![vec!["Đoàn kết".into()], vec!["Dân chủ".into()]],
        };
        let r = Response::Blanks(vec!["đoàn kết".into(), "kỷ cương".into()]);
        assert_eq!(grade(&a, &r, strict()).verdict, Verdict::Wrong);
        assert_eq!(grade(&a, &r, partial()).score, 0.5);
    }

    #[test]
    fn a_response_of_the_wrong_kind_is_wrong_not_a_panic() {
        let a = Answer::TrueFalse(true);
        assert_eq!(
            grade(&a, &Response::Number("1".into()), strict()).verdict,
            Verdict::Wrong
        );
    }

    #[test]
    fn correct_answers_read_naturally() {
        let n = Answer::Numeric {
            answer: 12000.0,
            tolerance: 0.0,
            unit: Some("cán bộ".into()),
        };
        assert_eq!(correct_answer_text(&n, "Đúng", "Sai"), "12.000 cán bộ");
        assert_eq!(
            correct_answer_text(&Answer::TrueFalse(false), "Đúng", "Sai"),
            "Sai"
        );
    }
}

#[cfg(test)]
mod correct_response_tests {
    use super::*;

    #[test]
    fn the_correct_response_is_graded_right_for_every_bundled_question() {
        let library = crate::quiz::Library::load(std::path::Path::new("/nonexistent"));
        let set = &library.sets[0];
        for q in &set.set.questions {
            let g = grade(&q.answer, &correct_response(&q.answer), set.rules());
            assert_eq!(g.verdict, Verdict::Right, "{}", q.id);
        }
    }
}
