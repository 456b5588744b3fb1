//! Question sets to and from the formats trainers already use: Moodle's GIFT,
//! a simple CSV (and Anki's CSV notes), and a printable HTML paper.
//!
//! Importing reports, line by line, what could not be brought in and why.
//! Imported questions are tied to the passage of the document they best
//! match ([`link`]), so every question keeps its anchor.

pub mod bank;
pub mod csv;
pub mod gift;
pub mod html;
pub mod link;
pub mod printed;

/// Something an import could not take, or took with a caveat.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportNote {
    /// 1-based line of the source file.
    pub line: usize,
    pub kind: NoteKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NoteKind {
    /// GIFT essays (`{}`): we have no such question.
    Essay,
    /// GIFT text with no answers: a description, not a question.
    Description,
    /// A `{` with no `}`.
    Unclosed,
    NoAnswers,
    NoRightAnswer,
    /// A numeric answer that is not a number (the text as written).
    NotANumber(String),
    /// A CSV row without a question and its answer.
    RowTooShort,
    /// Imported, tied to a passage by shared words: worth checking.
    LinkedByGuess {
        anchor: String,
    },
    /// Imported, but no passage shares its words: tied to the first paragraph.
    NotLinked,
    /// Read, but `check` would refuse it (two identical choices, an empty
    /// prompt…): left out, so the set written always passes `check`.
    Invalid(crate::quiz::ProblemKind),
    /// A bank's question with fewer than two options "A.", "B.".
    NoOptions,
    /// A bank's question whose right answer is marked nowhere.
    NoMarkedAnswer,
    /// A bank's answer letter(s) with no such option.
    AnswerNotAnOption(String),
    /// About a numbered question of a question bank ("Câu 12").
    Question {
        number: String,
        why: Box<NoteKind>,
    },
}

impl NoteKind {
    /// Whether the question was left out (not just imported with a caveat).
    pub fn is_left_out(&self) -> bool {
        match self {
            NoteKind::Question { why, .. } => why.is_left_out(),
            NoteKind::LinkedByGuess { .. } | NoteKind::NotLinked => false,
            _ => true,
        }
    }

    /// The note in the interface language.
    pub fn describe(&self, tr: &crate::i18n::Strings) -> String {
        use crate::i18n::fill;
        let left_out = |why: &str| fill(tr.import_left_out, &[("why", &why)]);
        match self {
            NoteKind::Essay => left_out(tr.import_essay),
            NoteKind::Description => left_out(tr.import_description),
            NoteKind::Unclosed => left_out(tr.import_unclosed),
            NoteKind::NoAnswers => left_out(tr.import_no_answers),
            NoteKind::NoRightAnswer => left_out(tr.import_no_right_answer),
            NoteKind::NotANumber(text) => {
                left_out(&fill(tr.import_not_a_number, &[("text", text)]))
            }
            NoteKind::RowTooShort => left_out(tr.import_row_too_short),
            NoteKind::LinkedByGuess { anchor } => fill(tr.import_linked, &[("anchor", anchor)]),
            NoteKind::NotLinked => tr.import_not_linked.to_string(),
            NoteKind::Invalid(kind) => left_out(&crate::i18n::describe_problem(tr, kind)),
            NoteKind::NoOptions => left_out(tr.import_no_options),
            NoteKind::NoMarkedAnswer => left_out(tr.import_no_marked_answer),
            NoteKind::AnswerNotAnOption(letters) => left_out(&fill(
                tr.import_answer_not_an_option,
                &[("letters", letters)],
            )),
            NoteKind::Question { number, why } => fill(
                tr.import_question,
                &[("number", number), ("what", &why.describe(tr))],
            ),
        }
    }
}

/// A question an export could not write, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportNote {
    pub question: String,
    pub reason: LeftOut,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftOut {
    /// GIFT holds one blank per question.
    SeveralBlanks,
    /// GIFT has no ordering questions.
    Ordering,
}

impl ExportNote {
    pub fn describe(&self, tr: &crate::i18n::Strings) -> String {
        let why = match self.reason {
            LeftOut::SeveralBlanks => tr.export_several_blanks,
            LeftOut::Ordering => tr.export_no_ordering,
        };
        crate::i18n::fill(tr.export_left_out, &[("id", &self.question), ("why", &why)])
    }
}

use std::path::Path;

use crate::document::Document;
use crate::quiz::{FORMAT_VERSION, QuestionSet, ToneMarks};

/// The formats a set can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Gift,
    /// Notes for Anki.
    Csv,
    Html,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Gift => "gift",
            ExportFormat::Csv => "csv",
            ExportFormat::Html => "html",
        }
    }
}

/// Why a question file could not be read at all.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    Io(String),
    NotUtf8,
    /// A `.docx` that is not a Word document we can read (the reader's words).
    Word(String),
    /// A Word 97–2003 `.doc`: to be saved as `.docx` first.
    OldWord,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Io(e) => write!(f, "{e}"),
            ImportError::NotUtf8 => write!(f, "not UTF-8 text"),
            ImportError::Word(e) => write!(f, "{e}"),
            ImportError::OldWord => write!(f, "a Word 97-2003 file: save it as .docx"),
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads a question file of any kind the app knows as a set for `doc`:
/// a Word `.docx` or a text file in the Vietnamese bank convention, GIFT,
/// or CSV.
pub fn import_file(
    path: &Path,
    doc: &Document,
) -> Result<(QuestionSet, Vec<ImportNote>), ImportError> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let bytes = std::fs::read(path).map_err(|e| ImportError::Io(e.to_string()))?;
    match extension.as_str() {
        "docx" => {
            let paragraphs = crate::document::readers::docx_paragraphs(&bytes)
                .map_err(|e| ImportError::Word(format!("{e:?}")))?;
            Ok(import_bank(path, &bank::docx_lines(&paragraphs), doc))
        }
        "doc" => Err(ImportError::OldWord),
        _ => {
            let text = String::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
            let text = crate::text::nfc(crate::text::strip_bom(&text)).into_owned();
            if extension == "txt" && looks_like_bank(&text) {
                Ok(import_bank(path, &bank::text_lines(&text), doc))
            } else {
                Ok(import(path, &text, doc))
            }
        }
    }
}

/// Reads a GIFT (`.gift`, `.txt`) or CSV (`.csv`) file as a question set for
/// `doc`, tying each question to its passage. The notes say what was left
/// out and which passages were guessed.
pub fn import(path: &Path, text: &str, doc: &Document) -> (QuestionSet, Vec<ImportNote>) {
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let (found, notes) = if is_csv {
        let (qs, notes) = csv::parse(text);
        (
            qs.into_iter()
                .map(|(line, q)| (line, q, None))
                .collect::<Vec<_>>(),
            notes,
        )
    } else {
        let (qs, notes) = gift::parse(text);
        (
            qs.into_iter()
                .map(|p| (p.line, p.question, p.source))
                .collect::<Vec<_>>(),
            notes,
        )
    };
    assemble(path, found, notes, doc)
}

/// Reads a question bank in the Vietnamese convention ([`bank`]): a Word
/// file's paragraphs (with the formatting that marks right answers) or a
/// text file's lines, as a question set for `doc`.
pub fn import_bank(
    path: &Path,
    lines: &[bank::BankLine],
    doc: &Document,
) -> (QuestionSet, Vec<ImportNote>) {
    let (read, notes) = bank::parse(lines);
    let found = read
        .into_iter()
        .map(|r| (r.line, r.question, None))
        .collect();
    assemble(path, found, notes, doc)
}

/// Whether a text file is a question bank in the Vietnamese convention
/// rather than GIFT: it has "Câu 1"-style questions and no GIFT answers.
pub fn looks_like_bank(text: &str) -> bool {
    let gift =
        text.contains('{') && text.contains('}') && (text.contains('=') || text.contains('~'));
    let lines = bank::text_lines(text);
    let (read, notes) = bank::parse(&lines);
    !gift || read.len() + notes.len() > 2
}

/// Ties questions read from a file to their passages, leaves out what
/// `check` would refuse, gives every one its own id: the set to write.
fn assemble(
    path: &Path,
    found: Vec<(usize, crate::quiz::Question, Option<crate::quiz::Source>)>,
    mut notes: Vec<ImportNote>,
    doc: &Document,
) -> (QuestionSet, Vec<ImportNote>) {
    let mut questions = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for (line, mut question, source) in found {
        question.source = match source {
            Some(source) => source,
            None => match link::link(doc, &question) {
                link::Linked::Guessed(source) => {
                    notes.push(ImportNote {
                        line,
                        kind: NoteKind::LinkedByGuess {
                            anchor: source.anchor.to_string(),
                        },
                    });
                    source
                }
                link::Linked::Fallback(source) => {
                    notes.push(ImportNote {
                        line,
                        kind: NoteKind::NotLinked,
                    });
                    source
                }
            },
        };
        if let Some(kind) = crate::quiz::question_problems(&question).into_iter().next() {
            notes.retain(|n| n.line != line || n.kind.is_left_out());
            notes.push(ImportNote {
                line,
                kind: NoteKind::Invalid(kind),
            });
            continue;
        }
        // Two questions with the same title get their own ids.
        if question.id.trim().is_empty() {
            question.id = format!("cau-{line}");
        }
        if !ids.insert(question.id.clone()) {
            let base = question.id.clone();
            let mut n = 2;
            while !ids.insert(format!("{base}-{n}")) {
                n += 1;
            }
            question.id = format!("{base}-{n}");
        }
        questions.push(question);
    }
    notes.sort_by_key(|n| n.line);
    let title = path.file_stem().map_or_else(
        || "Bộ câu hỏi".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let set = QuestionSet {
        format: FORMAT_VERSION,
        title: crate::text::nfc(&title).into_owned(),
        author: String::new(),
        document: doc.id().to_string(),
        language: "vi".into(),
        tone_marks: ToneMarks::default(),
        partial_credit: false,
        questions,
    };
    (set, notes)
}

/// Writes a set in `format`; the notes list questions the format cannot hold.
pub fn export(
    set: &QuestionSet,
    format: ExportFormat,
    tr: &crate::i18n::Strings,
) -> (String, Vec<ExportNote>) {
    match format {
        ExportFormat::Gift => gift::write(set),
        ExportFormat::Csv => csv::write_anki(set, tr.practice_true, tr.practice_false),
        ExportFormat::Html => html::write(
            set,
            &html::PaperWords {
                name_line: tr.paper_name_line,
                answer_key: tr.paper_answer_key,
                yes: tr.practice_true,
                no: tr.practice_false,
            },
        ),
    }
}
