//! Everything the app does before its first frame, without the window:
//! read the settings, open the document asked for (or the bundled one), and
//! collect the messages the user must see. Shared by `main`, the UI tests and
//! the start-up benchmark.

use std::path::Path;

use crate::document::{Document, load_document};
use crate::i18n::{describe_load_error, fill};
use crate::paths::Paths;
use crate::quiz::Library;
use crate::settings::{self, Settings};

pub struct Startup {
    pub paths: Paths,
    pub settings: Settings,
    /// False when the settings file could not be read nor moved aside: it
    /// must then not be overwritten.
    pub settings_writable: bool,
    pub document: Document,
    /// The bundled question sets and the user's own.
    pub library: Library,
    /// Problems to show in the window, already in the user's language.
    pub problems: Vec<String>,
    /// What the user should know about the opened file (converted from an
    /// old encoding…): information, not errors.
    pub notes: Vec<String>,
}

impl Startup {
    /// Prepares the app, opening `file` if given. A file that cannot be opened
    /// is reported in `problems` and the bundled document is shown instead.
    pub fn prepare(paths: Paths, file: Option<&Path>) -> Startup {
        let loaded = settings::load(&paths.settings_file());
        let mut settings = loaded.settings;
        let tr = settings.language.strings();
        let mut problems = Vec::new();
        let mut notes = Vec::new();
        let mut settings_writable = true;
        if let Some(problem) = loaded.problem {
            let error = crate::i18n::describe_read_problem(tr, &problem.error);
            problems.push(match &problem.moved_to {
                Some(moved) => fill(
                    tr.settings_unreadable,
                    &[("error", &error), ("path", &moved.display())],
                ),
                None => {
                    settings_writable = false;
                    fill(tr.settings_unreadable_kept, &[("error", &error)])
                }
            });
        }
        let document = match file {
            None => Document::bundled(),
            Some(path) => match load_document(path) {
                Ok(doc) => {
                    settings.remember_recent(path);
                    if let Some(conversion) = &doc.conversion {
                        notes.push(crate::i18n::describe_conversion(tr, conversion));
                    }
                    doc
                }
                Err(error) => {
                    problems.push(format!(
                        "{} {} {}",
                        fill(tr.open_failed, &[("path", &path.display())]),
                        describe_load_error(tr, &error),
                        tr.kept_document
                    ));
                    Document::bundled()
                }
            },
        };
        let library = Library::load(&paths.user_sets_dir());
        Startup {
            paths,
            settings,
            library,
            settings_writable,
            document,
            problems,
            notes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_file_on_the_command_line_falls_back_to_the_bundled_document() {
        let home = tempfile::tempdir().unwrap();
        let bad = home.path().join("nq.txt");
        std::fs::write(&bad, b"Ngh\xec").unwrap();
        let s = Startup::prepare(Paths::under(home.path()), Some(&bad));
        assert_eq!(s.document, Document::bundled());
        assert_eq!(s.problems.len(), 1);
        assert!(s.problems[0].contains("UTF-8"), "{}", s.problems[0]);
        assert!(s.settings.recent.is_empty());
    }

    #[test]
    fn a_good_file_is_opened_and_remembered() {
        let home = tempfile::tempdir().unwrap();
        let good = home.path().join("nq.md");
        std::fs::write(&good, "# Nghị quyết\n\nNội dung.").unwrap();
        let s = Startup::prepare(Paths::under(home.path()), Some(&good));
        assert_eq!(s.document.meta.title, "Nghị quyết");
        assert!(s.problems.is_empty());
        assert_eq!(s.settings.recent.len(), 1);
    }

    #[test]
    fn unreadable_settings_are_reported_and_set_aside() {
        let home = tempfile::tempdir().unwrap();
        let paths = Paths::under(home.path());
        std::fs::create_dir_all(&paths.config_dir).unwrap();
        std::fs::write(paths.settings_file(), "(((").unwrap();
        let s = Startup::prepare(paths.clone(), None);
        assert!(s.settings_writable);
        assert_eq!(s.problems.len(), 1);
        assert!(
            s.problems[0].contains("settings.ron.unreadable-"),
            "{}",
            s.problems[0]
        );
        // Where the file is damaged, in the user's words; not the parser's English.
        assert!(s.problems[0].contains("dòng 1, cột"), "{}", s.problems[0]);
        assert!(!s.problems[0].contains("Expected"), "{}", s.problems[0]);
    }
}
