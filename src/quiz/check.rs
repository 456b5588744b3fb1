//! Reading question-set files and checking them, with every problem tied to
//! a file, line and column and worded for a trainer (see `i18n::describe_problem`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::model::{Answer, BLANK, FORMAT_VERSION, Question, QuestionSet};
use crate::text::{Fold, collapse_spaces, fold, nfc};

/// Question files larger than this are refused (a set of 10,000 questions is
/// well under it).
pub const MAX_SET_BYTES: u64 = 16 * 1024 * 1024;

/// What is wrong, without the wording (which depends on the interface language).
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    NotFound,
    TooLarge,
    NotUtf8,
    EmptyFile,
    Io(String),
    /// A comma is missing between two fields or items.
    MissingComma,
    /// The file ends before a bracket or parenthesis is closed.
    UnexpectedEnd,
    /// A text in quotes is not closed.
    UnclosedText,
    /// Other RON syntax errors; ron's own description.
    Syntax(String),
    MissingField(String),
    UnknownField {
        found: String,
        expected: Vec<String>,
    },
    UnknownQuestionType {
        found: String,
    },
    DuplicateField(String),
    WrongValue {
        expected: String,
        found: String,
    },
    UnsupportedFormat(u32),
    EmptyTitle,
    EmptyDocument,
    NoQuestions,
    EmptyId,
    DuplicateId(String),
    EmptyPrompt,
    EmptyQuote,
    TooFewChoices,
    EmptyChoice,
    DuplicateChoice(String),
    ChoiceOutOfRange {
        index: usize,
        count: usize,
    },
    NoRightChoice,
    BlankCountMismatch {
        markers: usize,
        blanks: usize,
    },
    EmptyBlankAnswer,
    BadTolerance,
    TooFewItems {
        needed: usize,
    },
    DuplicateItem(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub path: PathBuf,
    /// 1-based; 0 when the problem is with the file as a whole.
    pub line: usize,
    pub column: usize,
    pub kind: ProblemKind,
}

/// Reads and checks one file. NFC-normalises all text.
pub fn load_set_file(path: &Path) -> Result<QuestionSet, Vec<Problem>> {
    parse_set(path, &read_text(path)?)
}

/// The text of a file we read (a set, an exam file), refused before it is
/// read when larger than [`MAX_SET_BYTES`]; not found, unreadable and not
/// UTF-8 are problems of the file as a whole.
pub fn read_text(path: &Path) -> Result<String, Vec<Problem>> {
    let whole = |kind| {
        vec![Problem {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            kind,
        }]
    };
    let meta = std::fs::metadata(path).map_err(|e| {
        whole(if e.kind() == std::io::ErrorKind::NotFound {
            ProblemKind::NotFound
        } else {
            ProblemKind::Io(e.to_string())
        })
    })?;
    if meta.len() > MAX_SET_BYTES {
        return Err(whole(ProblemKind::TooLarge));
    }
    let bytes = std::fs::read(path).map_err(|e| whole(ProblemKind::Io(e.to_string())))?;
    String::from_utf8(bytes).map_err(|_| whole(ProblemKind::NotUtf8))
}

/// Parses and checks the text of a set file.
/// A byte-order mark and CRLF line ends (Windows editors) are accepted.
pub fn parse_set(path: &Path, text: &str) -> Result<QuestionSet, Vec<Problem>> {
    let text = nfc(crate::text::strip_bom(text));
    if text.trim().is_empty() {
        return Err(vec![Problem {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            kind: ProblemKind::EmptyFile,
        }]);
    }
    // Trainers may write `key_point: "…"` rather than `key_point: Some("…")`.
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let set: QuestionSet = options
        .from_str(&text)
        .map_err(|e| vec![ron_error_problem(path, e)])?;
    let set = tidy(set);
    let problems = validate(&set, &text, path);
    if problems.is_empty() {
        Ok(set)
    } else {
        Err(problems)
    }
}

/// A set inside a bigger file (an exam file), written there from byte
/// `offset` of `text` on: tidied and checked as a set file is, its
/// problems placed by line in the whole file.
pub fn check_embedded(
    set: QuestionSet,
    text: &str,
    offset: usize,
    path: &Path,
) -> Result<QuestionSet, Vec<Problem>> {
    let set = tidy(set);
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let lines_before = text[..offset].matches('\n').count();
    let mut problems = validate(&set, &text[offset..], path);
    for p in &mut problems {
        if p.line > 0 {
            p.line += lines_before;
        }
    }
    if problems.is_empty() {
        Ok(set)
    } else {
        Err(problems)
    }
}

/// The ron error as a problem at its place in `path`.
pub fn ron_error_problem(path: &Path, e: ron::error::SpannedError) -> Problem {
    Problem {
        path: path.to_path_buf(),
        line: e.span.start.line,
        column: e.span.start.col,
        kind: ron_problem(e.code),
    }
}

fn ron_problem(error: ron::Error) -> ProblemKind {
    use ron::Error as E;
    match error {
        E::MissingStructField { field, .. } => ProblemKind::MissingField(field.to_string()),
        E::NoSuchStructField {
            expected, found, ..
        } => ProblemKind::UnknownField {
            found,
            expected: expected.iter().map(|s| s.to_string()).collect(),
        },
        E::NoSuchEnumVariant { found, outer, .. } if outer.as_deref() == Some("Answer") => {
            ProblemKind::UnknownQuestionType { found }
        }
        E::DuplicateStructField { field, .. } => ProblemKind::DuplicateField(field.to_string()),
        E::InvalidValueForType { expected, found } => ProblemKind::WrongValue { expected, found },
        E::ExpectedComma => ProblemKind::MissingComma,
        E::Eof => ProblemKind::UnexpectedEnd,
        E::ExpectedStringEnd => ProblemKind::UnclosedText,
        other => ProblemKind::Syntax(other.to_string()),
    }
}

/// Trims and collapses white space in every text a learner will see or type.
fn tidy(mut set: QuestionSet) -> QuestionSet {
    set.title = collapse_spaces(&set.title);
    set.questions = set.questions.into_iter().map(tidy_question).collect();
    set
}

fn tidy_question(mut q: Question) -> Question {
    let clean = |s: &mut String| *s = collapse_spaces(s);
    clean(&mut q.id);
    clean(&mut q.prompt);
    clean(&mut q.source.quote);
    q.explanation = q.explanation.trim().to_string();
    match &mut q.answer {
        Answer::SingleChoice { choices, .. } | Answer::MultipleChoice { choices, .. } => {
            choices.iter_mut().for_each(clean)
        }
        Answer::FillBlank { text, blanks } => {
            clean(text);
            blanks.iter_mut().flatten().for_each(clean);
        }
        Answer::Ordering(items) => items.iter_mut().for_each(clean),
        Answer::Matching(pairs) => pairs.iter_mut().for_each(|(a, b)| {
            clean(a);
            clean(b);
        }),
        Answer::TrueFalse(_) | Answer::Numeric { .. } => {}
    }
    q
}

/// What `check` would find wrong with this one question once written to a
/// file (its id aside: ids are checked across the set). Whatever the app
/// writes — imported, generated — passes through this first, so a set it
/// writes always passes its own `check`.
pub fn question_problems(q: &Question) -> Vec<ProblemKind> {
    own_problems(&as_read_back(q))
}

/// `q` as `check` reads it back from a file it was written to (its text in
/// NFC, white space tidied), or what `check` would find wrong with it.
pub fn read_back(q: &Question) -> Result<Question, Vec<ProblemKind>> {
    let back = as_read_back(q);
    let problems = own_problems(&back);
    if problems.is_empty() {
        Ok(back)
    } else {
        Err(problems)
    }
}

fn as_read_back(q: &Question) -> Question {
    tidy_question(Question {
        answer: match &q.answer {
            // The text as it will be read back: NFC, like every file we read.
            Answer::FillBlank { text, blanks } => Answer::FillBlank {
                text: nfc(text).into_owned(),
                blanks: blanks
                    .iter()
                    .map(|b| b.iter().map(|s| nfc(s).into_owned()).collect())
                    .collect(),
            },
            Answer::SingleChoice { choices, answer } => Answer::SingleChoice {
                choices: choices.iter().map(|s| nfc(s).into_owned()).collect(),
                answer: *answer,
            },
            Answer::MultipleChoice { choices, answers } => Answer::MultipleChoice {
                choices: choices.iter().map(|s| nfc(s).into_owned()).collect(),
                answers: answers.clone(),
            },
            Answer::Ordering(items) => {
                Answer::Ordering(items.iter().map(|s| nfc(s).into_owned()).collect())
            }
            Answer::Matching(pairs) => Answer::Matching(
                pairs
                    .iter()
                    .map(|(a, b)| (nfc(a).into_owned(), nfc(b).into_owned()))
                    .collect(),
            ),
            other => other.clone(),
        },
        prompt: nfc(&q.prompt).into_owned(),
        source: super::model::Source {
            anchor: q.source.anchor,
            quote: nfc(&q.source.quote).into_owned(),
        },
        ..q.clone()
    })
}

/// The problems of a tidied question, on its own.
fn own_problems(q: &Question) -> Vec<ProblemKind> {
    let mut out = Vec::new();
    if q.prompt.is_empty() && !matches!(q.answer, Answer::FillBlank { .. }) {
        out.push(ProblemKind::EmptyPrompt);
    }
    if q.source.quote.is_empty() {
        out.push(ProblemKind::EmptyQuote);
    }
    out.extend(answer_problems(q));
    out
}

/// Finds where things are in the file, for problems found after parsing.
struct Locator<'a> {
    text: &'a str,
    /// Byte offset where each question starts (its `id:` field).
    starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str, set: &QuestionSet) -> Self {
        let mut starts = Vec::new();
        let mut from = text.find("questions").unwrap_or(0);
        for q in &set.questions {
            let at = find_field_value(text, from, "id", &q.id).unwrap_or(from);
            starts.push(at);
            from = at + 1;
        }
        Self { text, starts }
    }

    fn question_span(&self, i: usize) -> (usize, usize) {
        let start = self.starts.get(i).copied().unwrap_or(0);
        let end = self.starts.get(i + 1).copied().unwrap_or(self.text.len());
        (start, end)
    }

    /// The position of `field:` within question `i`, or of the question.
    fn field(&self, i: usize, field: &str) -> (usize, usize) {
        let (start, end) = self.question_span(i);
        let at = find_word(&self.text[start..end], field).map_or(start, |o| start + o);
        self.line_col(at)
    }

    /// The position of a top-level field, or the start of the file.
    fn top(&self, field: &str) -> (usize, usize) {
        let end = self.starts.first().copied().unwrap_or(self.text.len());
        self.line_col(find_word(&self.text[..end], field).unwrap_or(0))
    }

    fn line_col(&self, at: usize) -> (usize, usize) {
        let before = &self.text[..at.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        (line, column)
    }
}

/// Where `name` stands as a whole identifier followed by `:`.
fn find_word(haystack: &str, name: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = haystack[from..].find(name) {
        let at = from + i;
        let before_ok = haystack[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '_');
        let after = haystack[at + name.len()..].trim_start();
        if before_ok && after.starts_with(':') {
            return Some(at);
        }
        from = at + name.len();
    }
    None
}

/// Where `field: "value"` stands, searching from `from`.
fn find_field_value(text: &str, from: usize, field: &str, value: &str) -> Option<usize> {
    let mut at = from;
    while let Some(offset) = find_word(&text[at..], field) {
        let pos = at + offset;
        let rest = text[pos + field.len()..]
            .trim_start()
            .trim_start_matches(':')
            .trim_start();
        if rest
            .strip_prefix('"')
            .is_some_and(|r| collapse_spaces(r.split('"').next().unwrap_or("")) == value)
        {
            return Some(pos);
        }
        at = pos + field.len();
    }
    None
}

fn validate(set: &QuestionSet, text: &str, path: &Path) -> Vec<Problem> {
    let locator = Locator::new(text, set);
    let mut problems = Vec::new();
    let mut push = |(line, column): (usize, usize), kind| {
        problems.push(Problem {
            path: path.to_path_buf(),
            line,
            column,
            kind,
        });
    };
    if set.format > FORMAT_VERSION || set.format == 0 {
        push(
            locator.top("format"),
            ProblemKind::UnsupportedFormat(set.format),
        );
    }
    if set.title.is_empty() {
        push(locator.top("title"), ProblemKind::EmptyTitle);
    }
    if set.document.trim().is_empty() {
        push(locator.top("document"), ProblemKind::EmptyDocument);
    }
    if set.questions.is_empty() {
        push(locator.top("questions"), ProblemKind::NoQuestions);
    }
    let mut ids = HashSet::new();
    for (i, q) in set.questions.iter().enumerate() {
        if q.id.is_empty() {
            push(locator.field(i, "id"), ProblemKind::EmptyId);
        } else if !ids.insert(q.id.as_str()) {
            push(
                locator.field(i, "id"),
                ProblemKind::DuplicateId(q.id.clone()),
            );
        }
        for kind in own_problems(q) {
            let field = match kind {
                ProblemKind::EmptyPrompt => "prompt",
                ProblemKind::EmptyQuote => "quote",
                ProblemKind::BadTolerance => "tolerance",
                _ => "answer",
            };
            push(locator.field(i, field), kind);
        }
    }
    problems
}

fn answer_problems(q: &Question) -> Vec<ProblemKind> {
    let mut out = Vec::new();
    let check_choices = |choices: &[String], out: &mut Vec<ProblemKind>| {
        if choices.len() < 2 {
            out.push(ProblemKind::TooFewChoices);
        }
        if choices.iter().any(String::is_empty) {
            out.push(ProblemKind::EmptyChoice);
        }
        if let Some(dup) = first_duplicate(choices.iter().map(String::as_str)) {
            out.push(ProblemKind::DuplicateChoice(dup));
        }
    };
    match &q.answer {
        Answer::SingleChoice { choices, answer } => {
            check_choices(choices, &mut out);
            if *answer >= choices.len() {
                out.push(ProblemKind::ChoiceOutOfRange {
                    index: *answer,
                    count: choices.len(),
                });
            }
        }
        Answer::MultipleChoice { choices, answers } => {
            check_choices(choices, &mut out);
            if answers.is_empty() {
                out.push(ProblemKind::NoRightChoice);
            }
            if let Some(&bad) = answers.iter().find(|&&a| a >= choices.len()) {
                out.push(ProblemKind::ChoiceOutOfRange {
                    index: bad,
                    count: choices.len(),
                });
            }
        }
        Answer::TrueFalse(_) => {}
        Answer::FillBlank { text, blanks } => {
            let markers = text.matches(BLANK).count();
            if markers == 0 || markers != blanks.len() {
                out.push(ProblemKind::BlankCountMismatch {
                    markers,
                    blanks: blanks.len(),
                });
            }
            if blanks
                .iter()
                .any(|accepted| accepted.is_empty() || accepted.iter().any(String::is_empty))
            {
                out.push(ProblemKind::EmptyBlankAnswer);
            }
        }
        Answer::Numeric {
            answer, tolerance, ..
        } => {
            if !answer.is_finite() || !tolerance.is_finite() || *tolerance < 0.0 {
                out.push(ProblemKind::BadTolerance);
            }
        }
        Answer::Ordering(items) => {
            if items.len() < 2 {
                out.push(ProblemKind::TooFewItems { needed: 2 });
            }
            if let Some(dup) = first_duplicate(items.iter().map(String::as_str)) {
                out.push(ProblemKind::DuplicateItem(dup));
            }
            if items.iter().any(String::is_empty) {
                out.push(ProblemKind::EmptyChoice);
            }
        }
        Answer::Matching(pairs) => {
            if pairs.len() < 2 {
                out.push(ProblemKind::TooFewItems { needed: 2 });
            }
            let lefts = first_duplicate(pairs.iter().map(|(l, _)| l.as_str()));
            let rights = first_duplicate(pairs.iter().map(|(_, r)| r.as_str()));
            if let Some(dup) = lefts.or(rights) {
                out.push(ProblemKind::DuplicateItem(dup));
            }
            if pairs.iter().any(|(l, r)| l.is_empty() || r.is_empty()) {
                out.push(ProblemKind::EmptyChoice);
            }
        }
    }
    out
}

/// The first text that occurs twice, compared as a learner would read them.
/// The first item written twice; empty items are reported on their own
/// ("empty choice"), not as duplicates of each other.
fn first_duplicate<'a>(items: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut seen = HashSet::new();
    items
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .find(|s| !seen.insert(fold(s, Fold::Case)))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"QuestionSet(
    format: 1,
    title: "Thử",
    document: "nq",
    questions: [
        (
            id: "q1",
            prompt: "Có mấy khâu đột phá?",
            answer: Numeric(answer: 3),
            source: (anchor: "p5", quote: "3 khâu đột phá"),
        ),
        (
            id: "q2",
            prompt: "Chọn một",
            answer: SingleChoice(choices: ["A", "B"], answer: 1),
            source: (anchor: "p5.s1", quote: "x"),
        ),
    ],
)"#;

    fn problems(text: &str) -> Vec<(usize, usize, ProblemKind)> {
        parse_set(Path::new("t.ron"), text)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.line, p.column, p.kind))
            .collect()
    }

    #[test]
    fn a_good_file_loads_with_defaults_filled_in() {
        let set = parse_set(Path::new("t.ron"), GOOD).unwrap();
        assert_eq!(set.questions.len(), 2);
        assert_eq!(set.language, "vi");
        assert!(!set.partial_credit);
        assert_eq!(
            set.questions[0].answer,
            Answer::Numeric {
                answer: 3.0,
                tolerance: 0.0,
                unit: None
            }
        );
    }

    #[test]
    fn a_file_saved_with_a_bom_and_crlf_line_ends_loads() {
        // Notepad's "UTF-8 with BOM" and Windows line ends.
        let windows = format!("\u{feff}{}", GOOD.replace('\n', "\r\n"));
        let set = parse_set(Path::new("t.ron"), &windows).unwrap();
        assert_eq!(set.questions.len(), 2);
        // Positions still point at the line the trainer sees.
        let broken = windows.replace("prompt: \"Chọn một\",", "prompt: \"Chọn một\"");
        assert_eq!(problems(&broken)[0].0, 15);
    }

    #[test]
    fn syntax_errors_have_their_position() {
        let broken = GOOD.replace("prompt: \"Chọn một\",", "prompt: \"Chọn một\"");
        let p = problems(&broken);
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].0, p[0].1 > 0, &p[0].2),
            (15, true, &ProblemKind::MissingComma),
            "{p:?}"
        );
        let p = problems("QuestionSet(title: \"Thử");
        assert_eq!(p[0].2, ProblemKind::UnclosedText, "{p:?}");
        let p = problems("QuestionSet(format: 1,");
        assert_eq!(
            (p[0].0, p[0].1, &p[0].2),
            (1, 22, &ProblemKind::UnexpectedEnd),
            "{p:?}"
        );
    }

    #[test]
    fn missing_fields_and_unknown_types_are_named() {
        let p = problems(&GOOD.replace("            prompt: \"Có mấy khâu đột phá?\",\n", ""));
        assert!(
            matches!(&p[0].2, ProblemKind::MissingField(f) if f == "prompt"),
            "{p:?}"
        );
        let p = problems(&GOOD.replace("Numeric(answer: 3)", "Essay(answer: 3)"));
        assert!(
            matches!(&p[0].2, ProblemKind::UnknownQuestionType { found } if found == "Essay"),
            "{p:?}"
        );
        assert_eq!(p[0].0, 9, "the line of the unknown type");
    }

    #[test]
    fn semantic_problems_point_at_the_question() {
        let text = GOOD
            .replace("answer: 1)", "answer: 5)")
            .replace("id: \"q2\"", "id: \"q1\"")
            .replace("prompt: \"Chọn một\"", "prompt: \"  \"");
        let p = problems(&text);
        let kinds: Vec<_> = p.iter().map(|x| &x.2).collect();
        assert!(
            kinds.contains(&&ProblemKind::DuplicateId("q1".into())),
            "{p:?}"
        );
        assert!(kinds.contains(&&ProblemKind::EmptyPrompt));
        assert!(kinds.contains(&&ProblemKind::ChoiceOutOfRange { index: 5, count: 2 }));
        let dup = p
            .iter()
            .find(|x| matches!(x.2, ProblemKind::DuplicateId(_)))
            .unwrap();
        assert_eq!((dup.0, dup.1), (13, 13), "points at the second id");
        let range = p
            .iter()
            .find(|x| matches!(x.2, ProblemKind::ChoiceOutOfRange { .. }))
            .unwrap();
        assert_eq!(range.0, 15, "points at its answer");
    }

    #[test]
    fn every_question_type_is_checked() {
        let q = |answer: &str| GOOD.replace("Numeric(answer: 3)", answer);
        assert!(
            problems(&q("Ordering([\"một\"])"))
                .iter()
                .any(|p| p.2 == ProblemKind::TooFewItems { needed: 2 })
        );
        assert!(
            problems(&q("Matching([(\"a\", \"b\"), (\"a\", \"c\")])"))
                .iter()
                .any(|p| p.2 == ProblemKind::DuplicateItem("a".into()))
        );
        assert!(
            problems(&q("FillBlank(text: \"___ và ___\", blanks: [[\"x\"]])"))
                .iter()
                .any(|p| p.2
                    == ProblemKind::BlankCountMismatch {
                        markers: 2,
                        blanks: 1
                    })
        );
        assert!(
            problems(&q("MultipleChoice(choices: [\"a\", \"A\"], answers: [])"))
                .iter()
                .any(|p| p.2 == ProblemKind::NoRightChoice)
        );
        assert!(
            problems(&q("MultipleChoice(choices: [\"a\", \"A\"], answers: [0])"))
                .iter()
                .any(|p| p.2 == ProblemKind::DuplicateChoice("A".into()))
        );
        assert!(
            problems(&q("Numeric(answer: 3, tolerance: -1)"))
                .iter()
                .any(|p| p.2 == ProblemKind::BadTolerance)
        );
        assert!(problems(&q("TrueFalse(true)")).is_empty());
    }

    #[test]
    fn text_is_normalised_and_tidied() {
        let nfd = GOOD.replace("Có mấy khâu", "Co\u{0301}   ma\u{0302}\u{0301}y khâu");
        let set = parse_set(Path::new("t.ron"), &nfd).unwrap();
        assert_eq!(set.questions[0].prompt, "Có mấy khâu đột phá?");
    }

    #[test]
    fn unreadable_files_are_reported_not_panicked_on() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.ron");
        std::fs::write(&p, [0xff, 0x00, 0x12]).unwrap();
        assert_eq!(load_set_file(&p).unwrap_err()[0].kind, ProblemKind::NotUtf8);
        assert_eq!(
            load_set_file(&dir.path().join("none.ron")).unwrap_err()[0].kind,
            ProblemKind::NotFound
        );
        std::fs::write(&p, "").unwrap();
        assert_eq!(
            load_set_file(&p).unwrap_err()[0].kind,
            ProblemKind::EmptyFile
        );
    }
}
