//! An exam the trainer sets: one `.ron` file, copied to every PC or put in
//! a shared folder, that holds the questions themselves (so nothing else
//! has to be copied) and every setting the learner may not change — how
//! many questions to draw from each set, the time limit, the pass mark, the
//! exam codes (mã đề), whether the document may be read, whether the answers
//! are shown after handing in, and when the exam opens and closes.
//!
//! A `.ron` file is an exam file when it starts with `ExamFile(`; the app
//! writes it so, and `nghiquyet check` checks it.

use crate::calendar::Millis;
use std::path::Path;

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

use crate::quiz::practice::{Item, Practice};
use crate::quiz::{LoadedSet, Problem, ProblemKind, QuestionSet, SetOrigin};

/// The exam file format this build writes and reads.
pub const EXAM_FILE_VERSION: u32 = 1;

/// The exam codes used when a file names none.
const DEFAULT_CODE: u32 = 101;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExamFile {
    /// Format version: see [`EXAM_FILE_VERSION`].
    pub exam_file: u32,
    pub title: String,
    /// Minutes to answer; 0 means no limit.
    pub minutes: u32,
    /// Percent of the points needed to pass.
    pub pass_percent: u32,
    /// The exam codes (mã đề): each gives its own order of questions and
    /// choices; a learner is given one of them by name.
    #[serde(default = "default_codes")]
    pub codes: Vec<u32>,
    /// Whether the document may be read (and searched) during the exam.
    #[serde(default)]
    pub allow_reading: bool,
    /// Whether the learner sees the right answers after handing in.
    #[serde(default = "yes")]
    pub show_answers: bool,
    /// Whether the learner is asked for their unit (đơn vị) as well as
    /// their name.
    #[serde(default = "yes")]
    pub ask_unit: bool,
    /// Local time it opens and closes, "2026-12-05 08:00"; none: always.
    #[serde(default)]
    pub opens: Option<String>,
    #[serde(default)]
    pub closes: Option<String>,
    pub parts: Vec<Part>,
}

/// Questions drawn from one set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// What the learner's progress calls the set: its file name without
    /// `.ron` where the exam was made.
    pub key: String,
    /// How many to draw; 0 means all.
    pub count: usize,
    /// Only questions with one of these tags; none: any.
    #[serde(default)]
    pub tags: Vec<String>,
    pub set: QuestionSet,
}

fn default_codes() -> Vec<u32> {
    vec![DEFAULT_CODE]
}

fn yes() -> bool {
    true
}

/// Where an exam stands against its opening and closing times.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Window {
    Open,
    /// Not open yet: it opens at this local time ("2026-12-05 08:00").
    NotYet(String),
    /// Closed at this local time.
    Closed(String),
}

/// Whether `text` is an exam file rather than a question set or a document.
pub fn is_exam_file(text: &str) -> bool {
    let text = crate::text::strip_bom(text);
    let mut rest = text.trim_start();
    // Comments before the value.
    while let Some(after) = rest.strip_prefix("//") {
        rest = after.split_once('\n').map_or("", |(_, r)| r).trim_start();
    }
    rest.starts_with("ExamFile")
}

/// Whether `path` is an exam file: a `.ron` file that starts as one.
pub fn is_exam_path(path: &Path) -> bool {
    let ron = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    ron && std::fs::File::open(path).is_ok_and(|f| {
        use std::io::Read;
        let mut head = Vec::new();
        f.take(4096).read_to_end(&mut head).is_ok() && is_exam_file(&String::from_utf8_lossy(&head))
    })
}

/// Reads an exam file; every problem as file:line:col.
pub fn load(path: &Path) -> Result<ExamFile, Vec<Problem>> {
    parse(path, &crate::quiz::read_text(path)?)
}

/// Parses and checks an exam file's text (NFC-normalised first).
pub fn parse(path: &Path, text: &str) -> Result<ExamFile, Vec<Problem>> {
    let text = crate::text::nfc(crate::text::strip_bom(text)).into_owned();
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut file: ExamFile = options
        .from_str(&text)
        .map_err(|e| vec![crate::quiz::ron_error_problem(path, e)])?;
    let mut problems = Vec::new();
    let at = |field: &str| -> (usize, usize) {
        text.find(&format!("{field}:"))
            .map_or((0, 0), |i| line_col(&text, i))
    };
    let mut push = |(line, column): (usize, usize), kind| {
        problems.push(Problem {
            path: path.to_path_buf(),
            line,
            column,
            kind,
        })
    };
    if file.exam_file == 0 || file.exam_file > EXAM_FILE_VERSION {
        push(
            at("exam_file"),
            ProblemKind::UnsupportedFormat(file.exam_file),
        );
    }
    file.title = file.title.split_whitespace().collect::<Vec<_>>().join(" ");
    if file.title.is_empty() {
        push(at("title"), ProblemKind::EmptyTitle);
    }
    if file.pass_percent > 100 {
        push(
            at("pass_percent"),
            ProblemKind::WrongValue {
                expected: "0 … 100".into(),
                found: file.pass_percent.to_string(),
            },
        );
    }
    let mut codes = file.codes.clone();
    codes.sort_unstable();
    codes.dedup();
    if codes.len() != file.codes.len() || codes.is_empty() || codes.contains(&0) {
        push(
            at("codes"),
            ProblemKind::WrongValue {
                expected: "[101, 102, …]".into(),
                found: format!("{:?}", file.codes),
            },
        );
    }
    for (field, value) in [("opens", &file.opens), ("closes", &file.closes)] {
        if let Some(value) = value
            && parse_local(value).is_none()
        {
            push(
                at(field),
                ProblemKind::WrongValue {
                    expected: "\"2026-12-05 08:00\"".into(),
                    found: format!("\"{value}\""),
                },
            );
        }
    }
    if file.parts.is_empty() {
        push(at("parts"), ProblemKind::NoQuestions);
    }
    // Each part's set is checked as a set file is, from where it is written.
    let mut from = 0;
    let mut checked = Vec::new();
    let mut embedded = Vec::new();
    for part in std::mem::take(&mut file.parts) {
        let offset = text[from..].find("set:").map_or(from, |i| from + i);
        from = (offset + 1).min(text.len());
        match crate::quiz::check_embedded(part.set.clone(), &text, offset, path) {
            Ok(set) => {
                let available = part_pool(&part.tags, &set).len();
                if available == 0 || part.count > available {
                    push(
                        line_col(&text, offset),
                        ProblemKind::TooFewItems {
                            needed: part.count.max(1),
                        },
                    );
                }
                checked.push(Part { set, ..part });
            }
            Err(p) => embedded.extend(p),
        }
    }
    problems.extend(embedded);
    file.parts = checked;
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(problems)
    }
}

/// 1-based line and column of byte `at`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// "2026-12-05 08:00" (or with seconds, or a "T") as local time.
fn parse_local(text: &str) -> Option<Millis> {
    let text = text.trim().replace('T', " ");
    let civil: jiff::civil::DateTime = text
        .parse()
        .ok()
        .or_else(|| format!("{text}:00").parse().ok())?;
    let t = jiff::tz::TimeZone::system().to_timestamp(civil).ok()?;
    Some(Millis(t.as_millisecond()))
}

/// The questions of `set` a part with `tags` draws from.
fn part_pool<'a>(tags: &[String], set: &'a QuestionSet) -> Vec<&'a crate::quiz::Question> {
    set.questions
        .iter()
        .filter(|q| tags.is_empty() || q.tags.iter().any(|t| tags.contains(t)))
        .collect()
}

/// `total` questions shared among sets of these sizes, in proportion; 0 (or
/// more than there are): all of every set. A set given 0 is left out.
pub fn split_count(total: usize, sizes: &[usize]) -> Vec<usize> {
    let all: usize = sizes.iter().sum();
    if total == 0 || total >= all {
        return sizes.to_vec();
    }
    let mut counts: Vec<usize> = sizes.iter().map(|&n| n * total / all).collect();
    // What rounding down left: to the sets with the largest remainders.
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse((sizes[i] * total) % all));
    let mut left = total - counts.iter().sum::<usize>();
    for &i in order.iter().cycle().take(sizes.len() * 2) {
        if left == 0 {
            break;
        }
        if counts[i] < sizes[i] {
            counts[i] += 1;
            left -= 1;
        }
    }
    counts
}

impl ExamFile {
    /// An exam of every question of one set (kept under `key`), with
    /// default settings: four codes, no time limit, half to pass.
    pub fn of_set(key: &str, set: QuestionSet) -> ExamFile {
        ExamFile {
            exam_file: EXAM_FILE_VERSION,
            title: set.title.clone(),
            minutes: 0,
            pass_percent: 50,
            codes: vec![101, 102, 103, 104],
            allow_reading: false,
            show_answers: true,
            ask_unit: true,
            opens: None,
            closes: None,
            parts: vec![Part {
                key: key.to_string(),
                count: 0,
                tags: Vec::new(),
                set,
            }],
        }
    }

    /// How many questions each learner gets.
    pub fn question_count(&self) -> usize {
        self.parts
            .iter()
            .map(|p| {
                let pool = part_pool(&p.tags, &p.set).len();
                if p.count == 0 {
                    pool
                } else {
                    p.count.min(pool)
                }
            })
            .sum()
    }

    /// A fingerprint of the whole file's content (not of its layout), in hex:
    /// results carry it, so a report tells results of another exam.
    pub fn fingerprint(&self) -> String {
        let text = crate::storage::to_ron(self).unwrap_or_default();
        format!("{:016x}", crate::ids::fnv1a(text.as_bytes()))
    }

    /// The exam code a learner is given: one of the codes, chosen by name
    /// and unit, so neighbours are likely to get different ones and a
    /// learner who starts again gets the same.
    pub fn code_for(&self, learner: &str, unit: &str) -> u32 {
        let codes = if self.codes.is_empty() {
            default_codes()
        } else {
            self.codes.clone()
        };
        let key = format!("{}\n{}", crate::ids::slug(learner), crate::ids::slug(unit));
        codes[(crate::ids::fnv1a(key.as_bytes()) % codes.len() as u64) as usize]
    }

    /// The sets of the exam as the library holds sets.
    pub fn loaded_sets(&self) -> Vec<LoadedSet> {
        self.parts
            .iter()
            .map(|p| LoadedSet {
                set: p.set.clone(),
                origin: SetOrigin::Exam(p.key.clone()),
            })
            .collect()
    }

    /// The questions of exam code `code`, in its order and with its order
    /// of choices: the same code gives the same exam on every PC. Every
    /// code has the same questions (drawn once for the exam), as the
    /// versions of a paper test do; only their order differs.
    pub fn draw(&self, code: u32) -> Vec<Item> {
        let sets = self.loaded_sets();
        let mut rng = StdRng::seed_from_u64(crate::ids::fnv1a(self.title.as_bytes()));
        let mut picks = Vec::new();
        for (part, set) in self.parts.iter().zip(&sets) {
            let mut pool = part_pool(&part.tags, &set.set);
            if part.count > 0 && part.count < pool.len() {
                pool.shuffle(&mut rng);
                pool.truncate(part.count);
            }
            picks.extend(pool.into_iter().map(|q| (set, q)));
        }
        let mut rng = StdRng::seed_from_u64(u64::from(code));
        picks.shuffle(&mut rng);
        Practice::chosen(&picks, u64::from(code)).items
    }

    /// Whether the exam is open at `now`.
    pub fn window(&self, now: Millis) -> Window {
        if let Some(opens) = &self.opens
            && parse_local(opens).is_some_and(|t| now < t)
        {
            return Window::NotYet(opens.clone());
        }
        if let Some(closes) = &self.closes
            && parse_local(closes).is_some_and(|t| now >= t)
        {
            return Window::Closed(closes.clone());
        }
        Window::Open
    }

    /// When it closes; `None` when it never does.
    pub fn closes_at(&self) -> Option<Millis> {
        self.closes.as_deref().and_then(parse_local)
    }

    /// Whether `t` falls outside the opening times.
    pub fn outside_window(&self, t: Millis) -> bool {
        self.window(t) != Window::Open
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An exam of the bundled set: `count` questions, two codes.
    pub fn bundled_exam(count: usize) -> ExamFile {
        let library = crate::quiz::Library::load(Path::new("/nonexistent"));
        let mut exam = ExamFile::of_set(&library.sets[0].key(), library.sets[0].set.clone());
        exam.title = "Kiểm tra cuối đợt".into();
        exam.minutes = 5;
        exam.pass_percent = 60;
        exam.codes = vec![101, 102];
        exam.parts[0].count = count;
        exam
    }

    #[test]
    fn an_exam_file_survives_being_written_and_read() {
        let exam = bundled_exam(10);
        let text = crate::storage::to_ron(&exam).unwrap();
        assert!(is_exam_file(&text));
        assert!(!is_exam_file(crate::quiz::BUNDLED_SETS[0].1));
        let back = parse(Path::new("de.ron"), &text).unwrap();
        assert_eq!(back, exam);
        assert_eq!(back.fingerprint(), exam.fingerprint());
        assert_eq!(back.question_count(), 10);
    }

    #[test]
    fn each_code_has_its_own_order_and_every_pc_the_same() {
        let exam = bundled_exam(10);
        let ids = |code| -> Vec<String> {
            exam.draw(code)
                .iter()
                .map(|i| i.question.id.clone())
                .collect()
        };
        assert_eq!(ids(101), ids(101));
        assert_ne!(ids(101), ids(102));
        let sorted = |mut v: Vec<String>| {
            v.sort();
            v
        };
        assert_eq!(sorted(ids(101)), sorted(ids(102)), "the same questions");
        assert_eq!(ids(101).len(), 10);
        assert!(
            exam.draw(101)
                .iter()
                .all(|i| i.set_key == exam.parts[0].key)
        );
        assert!([101, 102].contains(&exam.code_for("Nguyễn Văn An", "Chi bộ 3")));
        assert_eq!(
            exam.code_for("Nguyễn Văn An", "Chi bộ 3"),
            exam.code_for("Nguyễn Văn An", "Chi bộ 3")
        );
    }

    #[test]
    fn tags_choose_the_questions_a_part_draws_from() {
        let mut exam = bundled_exam(0);
        let tag = exam.parts[0]
            .set
            .questions
            .iter()
            .find_map(|q| q.tags.first().cloned())
            .expect("the bundled set has tags");
        exam.parts[0].tags = vec![tag.clone()];
        let drawn = exam.draw(101);
        assert!(!drawn.is_empty());
        assert!(drawn.iter().all(|i| i.question.tags.contains(&tag)));
        assert_eq!(drawn.len(), exam.question_count());
    }

    #[test]
    fn mistakes_are_reported_with_their_place() {
        let mut exam = bundled_exam(10);
        exam.pass_percent = 120;
        exam.codes = vec![101, 101];
        exam.opens = Some("ngày mai".into());
        exam.parts[0].count = 100_000;
        let text = crate::storage::to_ron(&exam).unwrap();
        let problems = parse(Path::new("de.ron"), &text).unwrap_err();
        assert_eq!(problems.len(), 4, "{problems:#?}");
        assert!(problems.iter().all(|p| p.line > 0));
        let broken = text.replacen("title:", "titel:", 1);
        let problems = parse(Path::new("de.ron"), &broken).unwrap_err();
        assert!(
            matches!(problems[0].kind, ProblemKind::UnknownField { .. }),
            "{problems:?}"
        );
        assert!(problems[0].line > 1);
    }

    #[test]
    fn a_question_made_wrong_by_hand_is_found_in_its_set() {
        let exam = bundled_exam(10);
        let text = crate::storage::to_ron(&exam).unwrap();
        let first_prompt = &exam.parts[0].set.questions[0].prompt;
        let broken = text.replacen(&format!("\"{first_prompt}\""), "\"\"", 1);
        let problems = parse(Path::new("de.ron"), &broken).unwrap_err();
        assert!(
            problems.iter().any(|p| p.kind == ProblemKind::EmptyPrompt),
            "{problems:#?}"
        );
    }

    #[test]
    fn a_number_of_questions_is_shared_among_sets_in_proportion() {
        assert_eq!(split_count(10, &[30, 10]), vec![8, 2]);
        assert_eq!(split_count(3, &[5, 5, 5]), vec![1, 1, 1]);
        assert_eq!(split_count(0, &[5, 4]), vec![5, 4]);
        assert_eq!(
            split_count(50, &[5, 4]),
            vec![5, 4],
            "more than there are: all"
        );
        assert_eq!(split_count(6, &[6, 1]).iter().sum::<usize>(), 6);
        assert_eq!(split_count(2, &[1, 1, 1]).iter().sum::<usize>(), 2);
        assert_eq!(split_count(3, &[100, 1]), vec![3, 0]);
    }

    #[test]
    fn opening_and_closing_times() {
        let mut exam = bundled_exam(1);
        let noon = parse_local("2026-12-05 12:00").unwrap();
        exam.opens = Some("2026-12-05 08:00".into());
        exam.closes = Some("2026-12-05T11:30".into());
        assert_eq!(
            exam.window(noon - 5 * 3_600_000),
            Window::NotYet("2026-12-05 08:00".into())
        );
        assert_eq!(exam.window(noon - 3_600_000), Window::Open);
        assert!(matches!(exam.window(noon), Window::Closed(_)));
    }
}
