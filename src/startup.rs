//! Everything the app does before its first frame, without the window:
//! read the settings, open the document asked for (or the bundled one), and
//! collect the messages the user must see. Shared by `main`, the UI tests and
//! the start-up benchmark.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::document::{Document, open_document};
use crate::i18n::{could_not_open, fill};
use crate::jobs::Job;
use crate::keypoints::{KeyPoint, key_points_for};
use crate::paths::Paths;
use crate::progress::profiles::{self, Listing};
use crate::progress::{Clock, OpenError, Opened, ProfileStore};
use crate::quiz::Library;
use crate::settings::{self, Settings};

pub struct Startup {
    pub paths: Paths,
    pub settings: Settings,
    /// False when the settings file could not be read nor moved aside: it
    /// must then not be overwritten.
    pub settings_writable: bool,
    pub document: Document,
    /// The document's key points and generated questions, being found on a
    /// worker thread while the window opens.
    pub key_points: KeyPointsJob,
    /// The bundled question sets and the user's own.
    pub library: Library,
    /// The learners on this PC, and the one who studied last being opened,
    /// on a worker thread while the window opens: a long history takes a
    /// while to read and replay.
    pub learner: Option<LearnerJob>,
    /// Problems to show in the window, already in the user's language.
    pub problems: Vec<String>,
    /// What the user should know about the opened file (converted from an
    /// old encoding…): information, not errors.
    pub notes: Vec<String>,
    /// A trainer's exam file given on the command line, to open first.
    pub exam_file: Option<PathBuf>,
}

impl Startup {
    /// Prepares the app, opening `file` if given. A file that cannot be opened
    /// is reported in `problems` and the bundled document is shown instead.
    pub fn prepare(paths: Paths, file: Option<&Path>) -> Startup {
        let loaded = settings::load(&paths.settings_file());
        crate::trace::mark("settings read");
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
        // A trainer's exam file opens the exam, over the bundled document.
        let exam_file = file
            .filter(|f| crate::classroom::exam_file::is_exam_path(f))
            .map(Path::to_path_buf);
        let file = file.filter(|_| exam_file.is_none());
        let document = match file {
            None => Document::bundled(),
            // Read before the window shows, so it opens on this file rather
            // than flashing the bundled one first; the readers' time limit
            // bounds the wait. What was converted or left out is said.
            Some(path) => match open_document(path) {
                Ok(opened) => {
                    settings.remember_recent(path);
                    let doc = opened.document;
                    if let Some(conversion) = &doc.conversion {
                        notes.push(crate::i18n::describe_conversion(tr, conversion));
                    }
                    for n in &opened.notices {
                        notes.push(crate::i18n::describe_notice(tr, n));
                    }
                    doc
                }
                Err(error) => {
                    let why = could_not_open(tr, path, &error);
                    problems.push(format!("{why} {}", tr.kept_document));
                    Document::bundled()
                }
            },
        };
        let key_points = start_key_points(document.clone());
        crate::trace::mark("document read");
        let learner = Some(start_learner(&paths, settings.profile.clone()));
        let library = Library::load(&paths.user_sets_dir());
        crate::trace::mark("question library read");
        Startup {
            paths,
            settings,
            library,
            learner,
            settings_writable,
            document,
            key_points,
            problems,
            notes,
            exam_file,
        }
    }
}

/// The learners on this PC, and the last one's history if it was opened.
pub struct PreparedLearner {
    pub listing: Listing,
    /// The learner asked for (the settings' when it started).
    pub last: Option<String>,
    /// The learner who studied last (by folder name) and their history,
    /// where that learner is still on the list.
    pub opened: Option<(String, Result<Opened, OpenError>)>,
}

/// Reads the list of learners and opens the last one's history.
pub fn prepare_learner(paths: &Paths, last: Option<String>) -> PreparedLearner {
    let listing = profiles::scan(&profiles::root(paths));
    let opened = last.as_ref().and_then(|slug| {
        let info = listing.profiles.iter().find(|p| &p.slug == slug)?;
        let opened = ProfileStore::open(&info.dir, &info.name, Clock::system());
        Some((slug.clone(), opened))
    });
    crate::trace::mark("learner's history read");
    PreparedLearner {
        listing,
        last,
        opened,
    }
}

/// [`prepare_learner`] on a worker thread.
pub type LearnerJob = Job<PreparedLearner>;

/// Starts reading the learners while the window opens.
pub fn start_learner(paths: &Paths, last: Option<String>) -> LearnerJob {
    let paths = paths.clone();
    Job::spawn("learner", move || prepare_learner(&paths, last))
}

/// A document's key points with the questions generated from them.
pub struct FoundKeyPoints {
    pub points: Vec<KeyPoint>,
    pub generated: crate::quiz::QuestionSet,
    /// The curated key points beside the document could not be read.
    pub problem: Option<crate::storage::RonError>,
}

pub fn find_key_points(doc: &Document) -> FoundKeyPoints {
    let (points, problem) = key_points_for(doc);
    crate::trace::mark("key points found");
    let generated = crate::generate::generate(doc, &points, 1);
    crate::trace::mark("questions generated");
    FoundKeyPoints {
        points,
        generated,
        problem,
    }
}

/// Documents with less text than this (bytes) are waited for when the
/// window asks for their key points: they take a few milliseconds, and a
/// panel that flashes "working" is worse. Longer ones arrive when ready.
const WAIT_BELOW: usize = 64 * 1024;

/// The longest a frame waits for a short document's key points.
const LONGEST_WAIT: Duration = Duration::from_millis(250);

/// Key points being found on a worker thread.
pub type KeyPointsJob = Job<FoundKeyPoints>;

/// Starts finding a document's key points (and generating its questions);
/// a short document's are waited for when polled (see [`WAIT_BELOW`]).
pub fn start_key_points(doc: Document) -> KeyPointsJob {
    let size: usize = doc.blocks.iter().map(|b| b.text.len()).sum();
    let job = Job::spawn("key points", move || find_key_points(&doc));
    if size < WAIT_BELOW {
        job.patient(LONGEST_WAIT)
    } else {
        job
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
