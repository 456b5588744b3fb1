//! How a profile is laid out on disk, and reading and writing its files.
//!
//! ```text
//! profiles/<slug>/profile.ron          name, FSRS parameters
//! profiles/<slug>/answers/2026-11.ron  the answers given that month (UTC)
//! profiles/<slug>/backups/…            see `backup`
//! profiles/<slug>/lock                 held while a copy of the app uses it
//! ```
//!
//! Answers are split by month so that a save writes only the month that
//! changed, and loading reads the months on all cores: a profile with 100,000
//! answers loads and saves well under 100 ms. Each answer is one line, a
//! tuple (see [`Row`]), so a file stays readable and comparable line by line.

mod rows;

use crate::calendar::Millis;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::clock::DAY;
use super::record::Rating;
use super::record::{Attempt, Mode, Progress, QuestionRef};
use crate::calendar::{civil_from_days, days_from_civil};
use crate::quiz::{Response, Verdict};
use crate::storage::{self, RonError};

/// The version of every progress file we write. Version 1 kept all answers in
/// one `progress.ron` without the answer given; it is migrated on load.
pub const PROGRESS_VERSION: u32 = 2;
pub const PROFILE_FILE: &str = "profile.ron";
pub const ANSWERS_DIR: &str = "answers";
pub const LOCK_FILE: &str = "lock";
/// The single file of version 1.
pub const V1_FILE: &str = "progress.ron";

/// `profile.ron`: who the profile is, and what FSRS learned about them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProfileFile {
    pub version: u32,
    pub name: String,
    /// When the profile was created.
    #[serde(default)]
    pub created: Millis,
    /// FSRS parameters fitted to this learner's answers; the defaults if none.
    #[serde(default)]
    pub parameters: Option<Vec<f32>>,
    /// How many answers the parameters were fitted to.
    #[serde(default)]
    pub fitted_on: usize,
}

impl ProfileFile {
    pub fn new(name: &str, created: Millis) -> ProfileFile {
        ProfileFile {
            version: PROGRESS_VERSION,
            name: name.to_string(),
            created,
            parameters: None,
            fitted_on: 0,
        }
    }
}

/// One answer on disk: (question, at, millis, verdict, score, rating, mode,
/// response) — `question` indexes the file's own `questions`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row(
    pub u32,
    pub i64,
    pub u32,
    pub Verdict,
    pub f32,
    pub Rating,
    pub Mode,
    pub Option<Response>,
);

/// A list of answers with the questions they refer to: a month of a profile,
/// or a whole exported profile.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answers {
    pub questions: Vec<QuestionRef>,
    pub answers: Vec<Row>,
}

impl Answers {
    /// The answers of `attempts`, with only the questions they use.
    pub fn of(progress: &Progress, attempts: &[Attempt]) -> Answers {
        let mut local = std::collections::HashMap::new();
        let mut out = Answers::default();
        for a in attempts {
            let q = *local.entry(a.question).or_insert_with(|| {
                out.questions
                    .push(progress.questions[a.question as usize].clone());
                (out.questions.len() - 1) as u32
            });
            out.answers.push(Row(
                q,
                a.at.get(),
                a.millis,
                a.verdict,
                a.score,
                a.rating,
                a.mode,
                a.response.clone(),
            ));
        }
        out
    }

    /// Adds these answers to `progress`; rows naming a question the file
    /// does not have are skipped and counted.
    pub fn add_to(self, progress: &mut Progress) -> usize {
        let map: Vec<u32> = self.questions.iter().map(|q| progress.intern(q)).collect();
        let mut skipped = 0;
        let attempts = self.answers.into_iter().filter_map(|row| {
            let Row(q, at, millis, verdict, score, rating, mode, response) = row;
            let Some(&question) = map.get(q as usize) else {
                skipped += 1;
                return None;
            };
            Some(Attempt {
                question,
                at: Millis(at),
                millis,
                verdict,
                score,
                rating,
                mode,
                response,
            })
        });
        progress.extend(attempts.collect::<Vec<_>>());
        skipped
    }
}

/// A month's file: `answers/YYYY-MM.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthFile {
    pub version: u32,
    pub month: String,
    pub questions: Vec<QuestionRef>,
    pub answers: Vec<Row>,
}

impl MonthFile {
    pub fn into_answers(self) -> Answers {
        Answers {
            questions: self.questions,
            answers: self.answers,
        }
    }
}

/// A calendar month (UTC), which names the file an answer is kept in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i64,
    pub month: u32,
}

impl Month {
    pub fn of(at: Millis) -> Month {
        let (year, month, _) = civil_from_days(at.get().div_euclid(DAY));
        Month { year, month }
    }

    pub fn file_name(self) -> String {
        format!("{:04}-{:02}.ron", self.year, self.month)
    }

    /// The month a file name like "2026-11.ron" names.
    pub fn from_file_name(name: &str) -> Option<Month> {
        let stem = name.strip_suffix(".ron")?;
        let (y, m) = stem.split_once('-')?;
        let (year, month) = (y.parse().ok()?, m.parse().ok()?);
        ((1..=12).contains(&month) && y.len() == 4).then_some(Month { year, month })
    }

    /// [start, end).
    pub fn range(self) -> (Millis, Millis) {
        let next = if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        };
        (
            Millis(days_from_civil(self.year, self.month, 1) * DAY),
            Millis(days_from_civil(next.year, next.month, 1) * DAY),
        )
    }
}

/// The file of `month`'s answers, as text.
pub fn month_text(progress: &Progress, month: Month) -> io::Result<String> {
    let (from, to) = month.range();
    answers_text(month, Answers::of(progress, progress.between(from, to)))
}

/// The file of `month` holding `answers`, as text.
pub fn answers_text(month: Month, answers: Answers) -> io::Result<String> {
    let Answers { questions, answers } = answers;
    let file = MonthFile {
        version: PROGRESS_VERSION,
        month: format!("{:04}-{:02}", month.year, month.month),
        questions,
        answers,
    };
    rows_text(&file)
}

/// RON with one answer per line: readable, and quick to write and read
/// (`implicit_some` spares the parser a `Some(…)` on every line).
pub fn rows_text<T: Serialize>(value: &T) -> io::Result<String> {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(2)
        .indentor("  ".to_string())
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let text =
        ron::ser::to_string_pretty(value, config).map_err(|e| io::Error::other(e.to_string()))?;
    Ok(format!("{text}\n"))
}

/// Why a progress file could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum FileProblem {
    Unreadable(storage::ReadProblem),
    Malformed(RonError),
    /// Written by a newer version of the app: kept as it is, never rewritten.
    Newer {
        path: PathBuf,
        version: u32,
    },
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileProblem::Unreadable(e) => write!(f, "{e}"),
            FileProblem::Malformed(e) => write!(f, "{e}"),
            FileProblem::Newer { path, version } => {
                write!(f, "{}: version {version}", path.display())
            }
        }
    }
}

impl FileProblem {
    pub fn io(path: &Path, e: &io::Error) -> FileProblem {
        FileProblem::Unreadable(storage::ReadProblem::Io {
            path: path.to_path_buf(),
            kind: e.kind(),
            message: e.to_string(),
        })
    }

    /// The same problem as one of the store's own files.
    pub fn as_read_problem(&self) -> storage::ReadProblem {
        match self {
            FileProblem::Unreadable(e) => e.clone(),
            FileProblem::Malformed(e) => storage::ReadProblem::Syntax(e.clone()),
            FileProblem::Newer { path, version } => storage::ReadProblem::Io {
                path: path.clone(),
                kind: io::ErrorKind::Unsupported,
                message: format!("version {version}"),
            },
        }
    }
}

/// Reads and parses a versioned file we wrote.
pub fn read_versioned<T: serde::de::DeserializeOwned>(
    path: &Path,
    version: impl Fn(&T) -> u32,
) -> Result<Option<T>, FileProblem> {
    read_versioned_with(path, version, |_| None)
}

/// [`read_versioned`], trying `quick` on the text before the RON parser.
fn read_versioned_with<T: serde::de::DeserializeOwned>(
    path: &Path,
    version: impl Fn(&T) -> u32,
    quick: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, FileProblem> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(FileProblem::io(path, &e)),
    };
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        FileProblem::Unreadable(storage::ReadProblem::NotUtf8 {
            path: path.to_path_buf(),
        })
    })?;
    let value: T = match quick(text) {
        Some(value) => value,
        None => storage::parse_ron(path, text).map_err(FileProblem::Malformed)?,
    };
    let v = version(&value);
    if v > PROGRESS_VERSION {
        return Err(FileProblem::Newer {
            path: path.to_path_buf(),
            version: v,
        });
    }
    Ok(Some(value))
}

/// A month's answers: most often read by [`super::rows`], which knows the
/// layout we write; by the RON parser otherwise.
pub fn read_month(path: &Path) -> Result<Option<MonthFile>, FileProblem> {
    read_versioned_with(path, |m: &MonthFile| m.version, rows::month_file)
}

pub fn read_profile(path: &Path) -> Result<Option<ProfileFile>, FileProblem> {
    read_versioned(path, |p: &ProfileFile| p.version)
}

/// What could still be read of a damaged month file, line by line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Salvaged {
    /// Every answer on a good line whose question is on a good line.
    pub answers: Answers,
    /// The lines that could not be read: (1-based number, why).
    pub bad_lines: Vec<(usize, String)>,
    /// Answers lost: on bad lines, or about a question on a bad line.
    pub lost: usize,
}

/// Reads what can be read of a month file that does not parse as a whole
/// (only then: the whole-file parse is the fast path). A month file has one
/// question or answer per line (see [`month_text`]), so a damaged line loses
/// only itself — and, for a question, the answers that need it.
pub fn salvage_month(path: &Path) -> Result<Salvaged, FileProblem> {
    let bytes = std::fs::read(path).map_err(|e| FileProblem::io(path, &e))?;
    salvage_rows(path, &bytes)
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    Top,
    Questions,
    Answers,
}

fn salvage_rows(path: &Path, bytes: &[u8]) -> Result<Salvaged, FileProblem> {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut out = Salvaged::default();
    // The file's questions by their index in it; `None` for a bad line.
    let mut questions: Vec<Option<QuestionRef>> = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut section = Section::Top;
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let why = match std::str::from_utf8(raw) {
            Err(_) => "not UTF-8 text".to_string(),
            Ok(line) => {
                let line = crate::text::nfc(line);
                match salvage_line(path, line.trim(), &mut section, &options)? {
                    Line::Structure => continue,
                    Line::Question(q) => {
                        questions.push(Some(q));
                        continue;
                    }
                    Line::Row(row) => {
                        rows.push(row);
                        continue;
                    }
                    Line::Bad(why) => why,
                }
            }
        };
        out.bad_lines.push((i + 1, why));
        match section {
            // Keeps the place of the question, so the others keep their index.
            Section::Questions => questions.push(None),
            Section::Answers => out.lost += 1,
            Section::Top => {}
        }
    }
    // The good questions, renumbered; the answers that can keep theirs.
    let mut index = vec![None; questions.len()];
    for (i, q) in questions.into_iter().enumerate() {
        if let Some(q) = q {
            index[i] = Some(out.answers.questions.len() as u32);
            out.answers.questions.push(q);
        }
    }
    for mut row in rows {
        match index.get(row.0 as usize).copied().flatten() {
            Some(q) => {
                row.0 = q;
                out.answers.answers.push(row);
            }
            None => out.lost += 1,
        }
    }
    Ok(out)
}

enum Line {
    /// Brackets, field names, the version: the frame around the lists.
    Structure,
    Question(QuestionRef),
    Row(Row),
    Bad(String),
}

/// What one line of a month file is (trimmed); follows the section it is in.
fn salvage_line(
    path: &Path,
    t: &str,
    section: &mut Section,
    options: &ron::Options,
) -> Result<Line, FileProblem> {
    match t {
        "" | "(" | "MonthFile(" | ")" | "questions: []," | "answers: []," => {
            return Ok(Line::Structure);
        }
        "questions: [" => {
            *section = Section::Questions;
            return Ok(Line::Structure);
        }
        "answers: [" => {
            *section = Section::Answers;
            return Ok(Line::Structure);
        }
        "]," | "]" => {
            *section = Section::Top;
            return Ok(Line::Structure);
        }
        _ if t.starts_with("#![enable(") || t.starts_with("//") => return Ok(Line::Structure),
        _ => {}
    }
    if let Some(value) = t.strip_prefix("version:") {
        return match value.trim().trim_end_matches(',').trim().parse::<u32>() {
            Ok(version) if version > PROGRESS_VERSION => Err(FileProblem::Newer {
                path: path.to_path_buf(),
                version,
            }),
            Ok(_) => Ok(Line::Structure),
            Err(_) => Ok(Line::Bad("unreadable version".into())),
        };
    }
    if *section == Section::Top && t.starts_with("month:") {
        return Ok(Line::Structure);
    }
    let item = t.strip_suffix(',').unwrap_or(t);
    // A line that reads as a question or an answer is one, even where a
    // damaged "questions: [" or "answers: [" line left the section unsure.
    if *section != Section::Answers
        && let Ok(question) = options.from_str::<QuestionRef>(item)
    {
        *section = Section::Questions;
        return Ok(Line::Question(question));
    }
    Ok(match options.from_str::<Row>(item) {
        Ok(row) => {
            *section = Section::Answers;
            Line::Row(row)
        }
        Err(e) => Line::Bad(e.code.to_string()),
    })
}

/// The month files in a profile (or a backup of one), sorted.
pub fn month_files(dir: &Path) -> Vec<(Month, PathBuf)> {
    let mut files: Vec<(Month, PathBuf)> = std::fs::read_dir(dir.join(ANSWERS_DIR))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name();
            Month::from_file_name(&name.to_string_lossy()).map(|m| (m, e.path()))
        })
        .collect();
    files.sort();
    files
}

// --- Version 1 -------------------------------------------------------------

/// `progress.ron` as version 1 wrote it: every answer in one file, right or
/// wrong only, times in seconds.
#[derive(Clone, Debug, Deserialize)]
pub struct ProgressV1 {
    pub version: u32,
    pub name: String,
    pub answers: Vec<AnswerV1>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct AnswerV1 {
    pub document: String,
    pub set: String,
    pub question: String,
    /// Seconds since 1970.
    pub at: i64,
    pub seconds: f32,
    pub right: bool,
}

/// A version 1 history in today's terms. Its answers did not say how they
/// were given, so they count as practice, Good when right and Again when
/// wrong; fingerprints are unknown (0), which matches the question as it is.
pub fn migrate_v1(old: ProgressV1) -> (ProfileFile, Progress) {
    let mut progress = Progress::default();
    let created = Millis(old.answers.iter().map(|a| a.at * 1000).min().unwrap_or(0));
    let mut attempts = Vec::with_capacity(old.answers.len());
    for a in old.answers {
        let question = progress.intern(&QuestionRef {
            document: a.document,
            set: a.set,
            id: a.question,
            fingerprint: 0,
        });
        attempts.push(Attempt {
            question,
            at: Millis(a.at * 1000),
            millis: (a.seconds.max(0.0) * 1000.0) as u32,
            verdict: if a.right {
                Verdict::Right
            } else {
                Verdict::Wrong
            },
            score: if a.right { 1.0 } else { 0.0 },
            rating: if a.right { Rating::Good } else { Rating::Again },
            mode: Mode::Practice,
            response: None,
        });
    }
    progress.extend(attempts);
    (ProfileFile::new(&old.name, created), progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_cover_their_days_exactly() {
        let nov = Month {
            year: 2026,
            month: 11,
        };
        let (from, to) = nov.range();
        assert_eq!(Month::of(from), nov);
        assert_eq!(Month::of(to - 1), nov);
        assert_eq!(Month::of(to).month, 12);
        assert_eq!(to - from, 30 * DAY);
        let dec = Month {
            year: 2026,
            month: 12,
        };
        assert_eq!(
            Month::of(dec.range().1),
            Month {
                year: 2027,
                month: 1
            }
        );
        assert_eq!(Month::from_file_name("2026-11.ron"), Some(nov));
        assert_eq!(Month::from_file_name(&nov.file_name()), Some(nov));
        assert_eq!(Month::from_file_name("2026-13.ron"), None);
        assert_eq!(Month::from_file_name("notes.ron"), None);
        for days in [-1000, 0, 59, 20_782, 100_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    /// A month of `n` answers to three questions, as written.
    fn month_of(n: i64) -> (Month, Progress, String) {
        let mut progress = Progress::default();
        let nov = Month {
            year: 2026,
            month: 11,
        };
        for i in 0..n {
            let question = progress.intern(&QuestionRef {
                document: "d".into(),
                set: "s".into(),
                id: format!("câu-{}", i % 3),
                fingerprint: 42,
            });
            progress.push(Attempt {
                question,
                at: nov.range().0 + i * 60_000,
                millis: 4000,
                verdict: Verdict::Right,
                score: 1.0,
                rating: Rating::Good,
                mode: Mode::Review,
                response: Some(Response::Choice(Some(1))),
            });
        }
        let text = month_text(&progress, nov).unwrap();
        (nov, progress, text)
    }

    #[test]
    fn a_bad_line_loses_only_its_answer() {
        let (_, progress, text) = month_of(50);
        // The 20th answer's verdict misspelt.
        let lines: Vec<&str> = text.lines().collect();
        let first_row = lines.iter().position(|l| l.contains("Right")).unwrap();
        let bad = first_row + 19;
        let damaged: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let l = if i == bad {
                    l.replace("Right", "Rigt")
                } else {
                    l.to_string()
                };
                l + "\n"
            })
            .collect();
        let path = Path::new("2026-11.ron");
        assert!(storage::parse_ron::<MonthFile>(path, &damaged).is_err());
        let salvaged = salvage_rows(path, damaged.as_bytes()).unwrap();
        assert_eq!(salvaged.bad_lines.len(), 1, "{:?}", salvaged.bad_lines);
        assert_eq!(salvaged.bad_lines[0].0, bad + 1, "1-based line numbers");
        assert!(
            salvaged.bad_lines[0].1.contains("Rigt"),
            "{:?}",
            salvaged.bad_lines
        );
        assert_eq!(salvaged.lost, 1);
        let mut back = Progress::default();
        salvaged.answers.add_to(&mut back);
        let mut expected = progress.attempts().to_vec();
        expected.remove(19);
        assert_eq!(back.attempts(), expected);
    }

    #[test]
    fn a_bad_question_line_loses_only_the_answers_to_it() {
        let (_, progress, text) = month_of(30);
        let lines: Vec<&str> = text.lines().collect();
        let second = lines.iter().position(|l| l.contains("câu-1")).unwrap();
        let damaged: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let l = if i == second {
                    l.replace("\"câu-1\"", "\"câu-1")
                } else {
                    l.to_string()
                };
                l + "\n"
            })
            .collect();
        let salvaged = salvage_rows(Path::new("x"), damaged.as_bytes()).unwrap();
        assert_eq!(salvaged.bad_lines.len(), 1);
        assert_eq!(salvaged.lost, 10);
        let mut back = Progress::default();
        salvaged.answers.add_to(&mut back);
        let ids: Vec<&str> = back
            .attempts()
            .iter()
            .map(|a| back.question(a).id.as_str())
            .collect();
        assert_eq!(ids.len(), 20);
        assert!(ids.iter().all(|id| *id != "câu-1"));
        // The answers to the question after it still find theirs.
        let kept: Vec<_> = progress
            .attempts()
            .iter()
            .filter(|a| progress.question(a).id != "câu-1")
            .map(|a| (progress.question(a).clone(), a.at))
            .collect();
        let got: Vec<_> = back
            .attempts()
            .iter()
            .map(|a| (back.question(a).clone(), a.at))
            .collect();
        assert_eq!(got, kept);
    }

    #[test]
    fn a_newer_version_is_not_salvaged() {
        let (_, _, text) = month_of(3);
        let newer = text.replace(
            &format!("version: {PROGRESS_VERSION},"),
            &format!("version: {},", PROGRESS_VERSION + 1),
        ) + "garbage\n";
        assert!(matches!(
            salvage_rows(Path::new("x"), newer.as_bytes()),
            Err(FileProblem::Newer { .. })
        ));
    }

    #[test]
    fn a_month_file_round_trips_one_answer_per_line() {
        let mut progress = Progress::default();
        let q = progress.intern(&QuestionRef {
            document: "d".into(),
            set: "s".into(),
            id: "câu-1".into(),
            fingerprint: 42,
        });
        let nov = Month {
            year: 2026,
            month: 11,
        };
        for i in 0..3 {
            progress.push(Attempt {
                question: q,
                at: nov.range().0 + i * DAY,
                millis: 4000,
                verdict: Verdict::RightWithNote,
                score: 1.0,
                rating: Rating::Hard,
                mode: Mode::Review,
                response: Some(Response::Blanks(vec!["quan triet".into()])),
            });
        }
        let text = month_text(&progress, nov).unwrap();
        assert_eq!(
            text.lines().filter(|l| l.contains("RightWithNote")).count(),
            3,
            "{text}"
        );
        let file: MonthFile = storage::parse_ron(Path::new("x"), &text).unwrap();
        let mut back = Progress::default();
        assert_eq!(file.into_answers().add_to(&mut back), 0);
        assert_eq!(back.attempts(), progress.attempts());
    }
}
