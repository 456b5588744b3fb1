//! Question sets to and from the formats trainers already use: Moodle's GIFT,
//! a simple CSV (and Anki's CSV notes), and a printable HTML paper.
//!
//! Importing reports, line by line, what could not be brought in and why.
//! Imported questions are tied to the passage of the document they best
//! match ([`link`]), so every question keeps its anchor.

pub mod csv;
pub mod gift;
pub mod html;
pub mod link;

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
}

impl NoteKind {
    /// Whether the question was left out (not just imported with a caveat).
    pub fn is_left_out(&self) -> bool {
        !matches!(self, NoteKind::LinkedByGuess { .. } | NoteKind::NotLinked)
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

/// Reads a GIFT (`.gift`, `.txt`) or CSV (`.csv`) file as a question set for
/// `doc`, tying each question to its passage. The notes say what was left
/// out and which passages were guessed.
pub fn import(path: &Path, text: &str, doc: &Document) -> (QuestionSet, Vec<ImportNote>) {
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let (found, mut notes) = if is_csv {
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
