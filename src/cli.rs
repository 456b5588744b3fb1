//! Command-line verbs (no window): what trainers run in a terminal.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::i18n::{Language, fill, format_problem};
use crate::paths::Paths;
use crate::quiz::check_paths;

/// The interface language from the settings file, without touching the file
/// (a command-line run must not move a broken settings file aside).
pub fn language(paths: &Paths) -> Language {
    #[derive(serde::Deserialize, Default)]
    #[serde(default)]
    struct JustLanguage {
        language: Language,
    }
    std::fs::read_to_string(paths.settings_file())
        .ok()
        .and_then(|text| crate::storage::parse_ron::<JustLanguage>(Path::new(""), &text).ok())
        .unwrap_or_default()
        .language
}

/// `nghiquyet check FILE_OR_DIR...`: prints one `file:line:col: message` line
/// per problem and a summary; returns whether every file was valid.
pub fn check(paths: &[PathBuf], language: Language, out: &mut impl Write) -> std::io::Result<bool> {
    let tr = language.strings();
    let (files, problems) = check_paths(paths);
    for problem in &problems {
        writeln!(out, "{}", format_problem(tr, problem))?;
    }
    if problems.is_empty() {
        writeln!(out, "{}", fill(tr.check_ok, &[("files", &files)]))?;
    } else {
        writeln!(
            out,
            "{}",
            fill(
                tr.check_failed,
                &[("files", &files), ("problems", &problems.len())]
            )
        )?;
    }
    Ok(problems.is_empty() && files > 0)
}
