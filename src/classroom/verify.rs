//! Results that can be trusted: every result file is re-graded from its
//! answers against the exam file (or the question sets) — the score written
//! in it is never believed — and what looks wrong is flagged: a broken
//! seal, a result of another exam or of edited questions, settings that
//! differ from the exam's, too long a time, the same learner twice, and two
//! learners with the same wrong answers on a long run of questions.

use std::collections::HashMap;
use std::path::PathBuf;

use super::exam::{ExamResult, percent_of};
use super::exam_file::ExamFile;
use crate::quiz::{LoadedSet, Question, Rules, Verdict, grade};
use crate::text::{Fold, fold};

/// Seconds over the time limit forgiven (the clock hands in within a
/// second; a slow PC may take a few more).
const GRACE_SECONDS: u32 = 30;

/// Two learners share this many wrong answers, word for word (each given by
/// few others), at least…
const COPY_MIN_SAME_WRONG: usize = 5;
/// …and that many of every ten questions both got wrong.
const COPY_SHARE_TENTHS: usize = 6;

/// Something about a result the trainer should look at.
#[derive(Clone, Debug, PartialEq)]
pub enum Flag {
    /// A file from before results were sealed (or with its seal removed).
    NotSealed,
    /// Changed after it was handed in.
    SealBroken,
    /// From another exam file (or from self-testing) than the one given.
    OtherExam { title: String },
    /// Time limit, pass mark or number of questions other than the exam's.
    SettingsDiffer {
        minutes: u32,
        pass_percent: u32,
        count: usize,
    },
    /// Question `number` (1-based, in the learner's order) is not what it
    /// was: it was edited after the exam, or in the result file.
    QuestionChanged { number: usize },
    /// Question `number` is in neither the exam file nor the sets.
    QuestionUnknown { number: usize },
    /// The score written in the file is not what its answers score.
    ScoreEdited { written: u32, actual: u32 },
    /// Took longer than the limit.
    TooLong { minutes: u32, limit: u32 },
    /// Started before the exam opened or after it closed.
    OutsideTimes,
    /// The same learner (name and unit) handed in another result too.
    Twice { other: PathBuf },
    /// The same wrong answers as `other` on `same` questions.
    SameWrongAnswers { other: String, same: usize },
    /// Left the exam's window this many times, for this long.
    Away { times: u32, seconds: u32 },
    /// A paper sheet: this many questions (a blank, a number) are not
    /// answered by letters and are left for the trainer to mark.
    MarkByHand { questions: usize },
}

impl Flag {
    /// The flag in words, in the interface language.
    pub fn describe(&self, tr: &crate::i18n::Strings) -> String {
        use crate::i18n::fill;
        let flag = self;
        match flag {
            Flag::NotSealed => tr.flag_not_sealed.to_string(),
            Flag::SealBroken => tr.flag_seal_broken.to_string(),
            Flag::OtherExam { title } if title.is_empty() => tr.flag_self_test.to_string(),
            Flag::OtherExam { title } => fill(tr.flag_other_exam, &[("title", title)]),
            Flag::SettingsDiffer {
                minutes,
                pass_percent,
                count,
            } => fill(
                tr.flag_settings,
                &[
                    ("minutes", minutes),
                    ("percent", pass_percent),
                    ("count", count),
                ],
            ),
            Flag::QuestionChanged { number } => fill(tr.flag_question_changed, &[("n", number)]),
            Flag::QuestionUnknown { number } => fill(tr.flag_question_unknown, &[("n", number)]),
            Flag::ScoreEdited { written, actual } => fill(
                tr.flag_score_edited,
                &[("written", written), ("actual", actual)],
            ),
            Flag::TooLong { minutes, limit } => {
                fill(tr.flag_too_long, &[("minutes", minutes), ("limit", limit)])
            }
            Flag::OutsideTimes => tr.flag_outside_times.to_string(),
            Flag::Twice { other } => fill(tr.flag_twice, &[("file", &other.display())]),
            Flag::SameWrongAnswers { other, same } => {
                fill(tr.flag_same_wrong, &[("other", other), ("n", same)])
            }
            Flag::MarkByHand { questions } => fill(tr.flag_mark_by_hand, &[("n", questions)]),
            Flag::Away { times, seconds } => {
                fill(tr.flag_away, &[("times", times), ("seconds", seconds)])
            }
        }
    }
}

/// What the results are graded against.
pub enum AnswerKey<'a> {
    Exam(&'a ExamFile),
    Sets(&'a [LoadedSet]),
}

/// A result re-graded, with what looks wrong about it.
#[derive(Clone, Debug)]
pub struct Checked {
    pub path: PathBuf,
    /// The result with every question's verdict and score, the total, the
    /// percent and pass recomputed from its answers.
    pub result: ExamResult,
    pub flags: Vec<Flag>,
}

/// Re-grades every result and flags what looks wrong.
pub fn check(results: Vec<(PathBuf, ExamResult)>, key: &AnswerKey<'_>) -> Vec<Checked> {
    let sets: Vec<LoadedSet> = match key {
        AnswerKey::Exam(file) => file.loaded_sets(),
        AnswerKey::Sets(sets) => sets.to_vec(),
    };
    let mut questions: HashMap<(String, &str), (&Question, Rules)> = HashMap::new();
    for set in &sets {
        for q in &set.set.questions {
            questions.insert((set.key(), q.id.as_str()), (q, set.rules()));
        }
    }
    // Without an exam file, the class's settings are what most results had.
    let expected = match key {
        AnswerKey::Exam(file) => Some((file.minutes, file.pass_percent, file.question_count())),
        AnswerKey::Sets(_) => most_common(
            results
                .iter()
                .map(|(_, r)| (r.plan.minutes, r.plan.pass_percent, r.plan.count)),
        ),
    };
    let mut checked: Vec<Checked> = results
        .into_iter()
        .map(|(path, result)| check_one(path, result, key, &questions, expected))
        .collect();
    flag_twice(&mut checked);
    flag_same_wrong_answers(&mut checked);
    checked
}

fn check_one(
    path: PathBuf,
    mut result: ExamResult,
    key: &AnswerKey<'_>,
    questions: &HashMap<(String, &str), (&Question, Rules)>,
    expected: Option<(u32, u32, usize)>,
) -> Checked {
    let mut flags = Vec::new();
    match result.verify_seal() {
        // An answer sheet typed in has no seal to check.
        None if result.paper => {}
        None => flags.push(Flag::NotSealed),
        Some(false) => flags.push(Flag::SealBroken),
        Some(true) => {}
    }
    if let AnswerKey::Exam(file) = key {
        let fingerprint = file.fingerprint();
        if result.exam.as_ref().map(|s| &s.fingerprint) != Some(&fingerprint) {
            flags.push(Flag::OtherExam {
                title: result
                    .exam
                    .as_ref()
                    .map_or_else(String::new, |s| s.title.clone()),
            });
        }
        if !result.paper && file.outside_window(result.started) {
            flags.push(Flag::OutsideTimes);
        }
    }
    let (limit, pass_percent) = match expected {
        Some((minutes, pass, count)) => {
            let plan = &result.plan;
            // A sheet holds only the questions answered by letters.
            let count_differs = plan.count != count && !result.paper;
            if (plan.minutes, plan.pass_percent) != (minutes, pass) || count_differs {
                flags.push(Flag::SettingsDiffer {
                    minutes: plan.minutes,
                    pass_percent: plan.pass_percent,
                    count: plan.count,
                });
            }
            (minutes, pass)
        }
        None => (result.plan.minutes, result.plan.pass_percent),
    };
    for (i, answered) in result.questions.iter_mut().enumerate() {
        let found = questions.get(&(answered.set.clone(), answered.id.as_str()));
        let graded = match found {
            None => {
                flags.push(Flag::QuestionUnknown { number: i + 1 });
                None
            }
            Some((question, rules)) => {
                if crate::ids::fingerprint(question) != answered.fingerprint {
                    flags.push(Flag::QuestionChanged { number: i + 1 });
                }
                answered
                    .response
                    .as_ref()
                    .map(|r| grade(&question.answer, r, *rules))
            }
        };
        (answered.verdict, answered.score) =
            graded.map_or((Verdict::Wrong, 0.0), |g| (g.verdict, g.score));
    }
    let score: f32 = result.questions.iter().map(|q| q.score).sum();
    let percent = percent_of(score, result.questions.len());
    let passed = percent >= pass_percent;
    // A typed sheet has no score of its own to compare.
    let differs =
        percent != result.percent || passed != result.passed || (score - result.score).abs() > 0.01;
    if differs && !result.paper {
        flags.push(Flag::ScoreEdited {
            written: result.percent,
            actual: percent,
        });
    }
    (result.score, result.percent, result.passed) = (score, percent, passed);
    let used = if result.seconds_used > 0 {
        result.seconds_used
    } else {
        u32::try_from((result.finished - result.started).max(0) / 1000).unwrap_or(u32::MAX)
    };
    if !result.paper && limit > 0 && used > limit * 60 + GRACE_SECONDS {
        flags.push(Flag::TooLong {
            minutes: used.div_ceil(60),
            limit,
        });
    }
    if result.paper && expected.is_some_and(|(_, _, count)| count > result.questions.len()) {
        let count = expected.map_or(0, |e| e.2);
        flags.push(Flag::MarkByHand {
            questions: count - result.questions.len(),
        });
    }
    if result.away.times > 0 {
        flags.push(Flag::Away {
            times: result.away.times,
            seconds: result.away.seconds.round() as u32,
        });
    }
    Checked {
        path,
        result,
        flags,
    }
}

fn most_common<T: Eq + std::hash::Hash + Copy + Ord>(items: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: HashMap<T, usize> = HashMap::new();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(item, _)| item)
}

/// Who a learner is, as typed: case, spaces and tone marks aside.
fn identity(result: &ExamResult) -> String {
    let words = |s: &str| {
        fold(
            &s.split_whitespace().collect::<Vec<_>>().join(" "),
            Fold::Marks,
        )
    };
    format!("{}\n{}", words(&result.learner), words(&result.unit))
}

fn flag_twice(checked: &mut [Checked]) {
    let mut by_learner: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, c) in checked.iter().enumerate() {
        by_learner.entry(identity(&c.result)).or_default().push(i);
    }
    for group in by_learner.values().filter(|g| g.len() > 1) {
        for &i in group {
            for &j in group.iter().filter(|&&j| j != i) {
                let other = checked[j].path.clone();
                checked[i].flags.push(Flag::Twice { other });
            }
        }
    }
}

fn flag_same_wrong_answers(checked: &mut [Checked]) {
    // Each learner's wrong answers, by question.
    let wrong: Vec<HashMap<(&str, &str), &crate::quiz::Response>> = checked
        .iter()
        .map(|c| {
            c.result
                .questions
                .iter()
                .filter(|q| q.score < 1.0)
                .filter_map(|q| Some(((q.set.as_str(), q.id.as_str()), q.response.as_ref()?)))
                .collect()
        })
        .collect();
    // Learners by wrong answer. A wrong answer a tenth of the class gave is
    // a common mistake, not a sign of copying, and is left out: that also
    // keeps the work near linear for a class of thousands.
    let mut by_answer: HashMap<((&str, &str), String), Vec<usize>> = HashMap::new();
    for (i, answers) in wrong.iter().enumerate() {
        for (question, response) in answers {
            let response = crate::storage::to_ron(response).unwrap_or_default();
            by_answer.entry((*question, response)).or_default().push(i);
        }
    }
    let common = (checked.len() / 10).clamp(2, 200);
    let mut pairs: HashMap<(usize, usize), usize> = HashMap::new();
    for learners in by_answer.values().filter(|l| l.len() <= common) {
        for (k, &i) in learners.iter().enumerate() {
            for &j in &learners[k + 1..] {
                *pairs.entry((i, j)).or_default() += 1;
            }
        }
    }
    let mut found: Vec<(usize, usize, usize)> = pairs
        .into_iter()
        .filter(|&(_, rare)| rare >= COPY_MIN_SAME_WRONG)
        .filter_map(|((i, j), _)| {
            let (a, b) = (&wrong[i], &wrong[j]);
            let both = a.keys().filter(|k| b.contains_key(*k)).count();
            let same = a.iter().filter(|(k, r)| b.get(*k) == Some(*r)).count();
            (same * 10 >= both * COPY_SHARE_TENTHS).then_some((i, j, same))
        })
        .collect();
    found.sort_unstable();
    for (i, j, same) in found {
        let name = |k: usize| checked[k].result.learner.clone();
        let (a, b) = (name(i), name(j));
        checked[i]
            .flags
            .push(Flag::SameWrongAnswers { other: b, same });
        checked[j]
            .flags
            .push(Flag::SameWrongAnswers { other: a, same });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classroom::exam::Exam;
    use crate::classroom::exam_file::tests::bundled_exam;
    use crate::quiz::{Response, correct_response};

    /// A learner's sealed result of `file`: right on the first `right`
    /// questions, the first wrong choice (or nothing) on the others.
    fn sat(file: &ExamFile, learner: &str, right: usize) -> ExamResult {
        let code = file.code_for(learner, "Chi bộ 1");
        let mut exam = Exam::from_file(
            file,
            code,
            learner,
            "Chi bộ 1",
            0.0,
            crate::calendar::Millis(0),
        );
        for i in 0..exam.items.len() {
            let answer = &exam.items[i].question.answer;
            let response = if i < right {
                correct_response(answer)
            } else {
                wrong_response(answer)
            };
            exam.set_response(i, Some(response), i as f64);
        }
        exam.submit(120.0, crate::calendar::Millis(120_000), false);
        exam.result(learner).unwrap()
    }

    fn wrong_response(answer: &crate::quiz::Answer) -> Response {
        use crate::quiz::Answer as A;
        match answer {
            A::SingleChoice { answer, .. } => Response::Choice(Some(usize::from(*answer == 0))),
            A::TrueFalse(b) => Response::TrueFalse(Some(!b)),
            A::Numeric { .. } => Response::Number("-12345".into()),
            A::FillBlank { blanks, .. } => {
                Response::Blanks(vec!["không biết".into(); blanks.len()])
            }
            _ => Response::Blanks(Vec::new()),
        }
    }

    fn flags_of(checked: &[Checked], learner: &str) -> Vec<Flag> {
        checked
            .iter()
            .find(|c| c.result.learner == learner)
            .unwrap()
            .flags
            .clone()
    }

    #[test]
    fn an_honest_result_has_no_flags_and_keeps_its_score() {
        let file = bundled_exam(10);
        let result = sat(&file, "An", 7);
        let written = result.percent;
        let checked = check(vec![("an.ron".into(), result)], &AnswerKey::Exam(&file));
        assert_eq!(checked[0].flags, vec![]);
        assert_eq!(checked[0].result.percent, written);
        assert_eq!(written, 70);
    }

    #[test]
    fn an_edited_score_is_recomputed_and_flagged() {
        let file = bundled_exam(10);
        let mut result = sat(&file, "An", 3);
        result.percent = 100;
        result.passed = true;
        result.score = 10.0;
        let checked = check(vec![("an.ron".into(), result)], &AnswerKey::Exam(&file));
        let c = &checked[0];
        assert_eq!((c.result.percent, c.result.passed), (30, false));
        assert!(c.flags.contains(&Flag::SealBroken));
        assert!(c.flags.contains(&Flag::ScoreEdited {
            written: 100,
            actual: 30
        }));
    }

    #[test]
    fn an_edited_answer_breaks_the_seal_and_is_graded_as_written() {
        let file = bundled_exam(10);
        let mut result = sat(&file, "An", 0);
        let first = &file
            .loaded_sets()
            .remove(0)
            .set
            .questions
            .into_iter()
            .find(|q| q.id == result.questions[0].id)
            .unwrap();
        result.questions[0].response = Some(correct_response(&first.answer));
        let checked = check(vec![("an.ron".into(), result)], &AnswerKey::Exam(&file));
        assert_eq!(checked[0].result.percent, 10);
        assert!(checked[0].flags.contains(&Flag::SealBroken));
    }

    #[test]
    fn a_foreign_result_and_changed_settings_and_a_long_time() {
        let file = bundled_exam(10);
        let mut other = bundled_exam(10);
        other.title = "Một đề khác".into();
        let mut foreign = sat(&other, "An", 5);
        foreign.plan.minutes = 60;
        foreign.seconds_used = 40 * 60;
        foreign.sign();
        let checked = check(vec![("an.ron".into(), foreign)], &AnswerKey::Exam(&file));
        let flags = &checked[0].flags;
        assert!(flags.contains(&Flag::OtherExam {
            title: "Một đề khác".into()
        }));
        assert!(
            flags
                .iter()
                .any(|f| matches!(f, Flag::SettingsDiffer { minutes: 60, .. }))
        );
        assert!(flags.contains(&Flag::TooLong {
            minutes: 40,
            limit: 5
        }));
        assert!(!flags.contains(&Flag::SealBroken));
    }

    #[test]
    fn the_same_learner_twice_and_copied_wrong_answers() {
        let file = bundled_exam(10);
        let a = sat(&file, "Lê Văn Ba", 2);
        let b = sat(&file, "le van  ba", 9);
        let c = sat(&file, "Trần Thị Cúc", 2);
        let d = sat(&file, "Đỗ Minh", 10);
        let checked = check(
            vec![
                ("a.ron".into(), a),
                ("b.ron".into(), b),
                ("c.ron".into(), c),
                ("d.ron".into(), d),
            ],
            &AnswerKey::Exam(&file),
        );
        assert!(flags_of(&checked, "Lê Văn Ba").contains(&Flag::Twice {
            other: "b.ron".into()
        }));
        // Ba and Cúc gave the same wrong answers on most questions.
        assert!(flags_of(&checked, "Trần Thị Cúc").iter().any(|f| matches!(
            f,
            Flag::SameWrongAnswers { other, same } if other == "Lê Văn Ba" && *same >= 6
        )));
        assert_eq!(flags_of(&checked, "Đỗ Minh"), vec![]);
    }

    #[test]
    fn without_an_exam_file_the_class_settings_are_the_most_common() {
        let library = crate::quiz::Library::load(std::path::Path::new("/nonexistent"));
        let file = bundled_exam(10);
        let results: Vec<(PathBuf, ExamResult)> = ["An", "Bình", "Chi"]
            .iter()
            .map(|n| (PathBuf::from(format!("{n}.ron")), sat(&file, n, 6)))
            .collect();
        let mut results = results;
        results[2].1.plan.minutes = 60;
        let checked = check(results, &AnswerKey::Sets(&library.sets));
        assert!(
            flags_of(&checked, "An").is_empty(),
            "{:?}",
            flags_of(&checked, "An")
        );
        assert!(
            flags_of(&checked, "Chi")
                .iter()
                .any(|f| matches!(f, Flag::SettingsDiffer { minutes: 60, .. }))
        );
        assert_eq!(checked[0].result.percent, 60);
    }
}
