//! A profile's whole history as one file, to move to another PC or hand to a
//! trainer; importing merges it without losing or doubling answers.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::files::{Answers, FileProblem, PROGRESS_VERSION, Row, read_versioned, rows_text};
use super::record::Progress;
use super::record::QuestionRef;
use crate::storage::write_atomic;

/// The exported file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgressExport {
    pub version: u32,
    /// Whose answers these are.
    pub profile: String,
    /// When the file was made.
    pub exported: crate::calendar::Millis,
    pub questions: Vec<QuestionRef>,
    pub answers: Vec<Row>,
}

/// Writes every answer of `progress` to `path`, atomically.
pub fn export(
    path: &Path,
    profile: &str,
    progress: &Progress,
    now: crate::calendar::Millis,
) -> std::io::Result<()> {
    let Answers { questions, answers } = Answers::of(progress, progress.attempts());
    let file = ProgressExport {
        version: PROGRESS_VERSION,
        profile: profile.to_string(),
        exported: now,
        questions,
        answers,
    };
    write_atomic(path, rows_text(&file)?.as_bytes())
}

/// Reads an exported file: whose it is, and the answers in it.
pub fn read_export(path: &Path) -> Result<(String, Progress), FileProblem> {
    let file = read_versioned(path, |f: &ProgressExport| f.version)?.ok_or_else(|| {
        FileProblem::io(path, &std::io::Error::from(std::io::ErrorKind::NotFound))
    })?;
    let mut progress = Progress::default();
    Answers {
        questions: file.questions,
        answers: file.answers,
    }
    .add_to(&mut progress);
    Ok((file.profile, progress))
}
