//! The application layer: what the window works on, without the window.
//!
//! [`Workspace`] holds the open document with its search index and key
//! points, the question library, the learner's store and what is worked out
//! from it, the settings and when they are due to be saved, the background
//! jobs, and the notices for the user. Its methods are the use cases the
//! window's commands call: open a document, record an answer, start a
//! review, export a learner's history, save a training session… Each one
//! changes this state and, where something went wrong or was written, adds
//! a [`Notice`] in the user's words.
//!
//! Nothing here uses egui: `ui::App` owns a `Workspace` next to the state
//! of its screens, draws both, and calls these methods when the user asks.
//! Tests can drive it directly.

mod files;
mod learner;
mod notices;
mod room;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use learner::{FitResult, LearnerOutcome};
pub use notices::{INFO_SECONDS, Notice, NoticeKind};
pub use room::{Room, RoomAddress};

use crate::document::{Document, Origin};
use crate::i18n::{Strings, could_not_open, fill};
use crate::jobs::{Job, JobState};
use crate::keypoints::KeyPoint;
use crate::paths::Paths;
use crate::progress::overview::{Overview, StudyQuestions};
use crate::progress::profiles::ProfileInfo;
use crate::progress::{Backup, Clock, ProfileStore};
use crate::quiz::{Library, Source};
use crate::search::{SearchIndex, SearchSession};
use crate::settings::{self, Settings};
use crate::startup::{FoundKeyPoints, KeyPointsJob, Startup, start_key_points};

/// The screen the window shows. (Which keys and tabs lead to each is the
/// window's business: `ui::command`.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Screen {
    Reader,
    Practice,
    Progress,
    /// Training sessions on a projector.
    Session,
    Exam,
    /// Writing question sets.
    Editor,
}

impl Screen {
    /// In tab order.
    pub const ALL: [Screen; 6] = [
        Screen::Reader,
        Screen::Practice,
        Screen::Progress,
        Screen::Session,
        Screen::Exam,
        Screen::Editor,
    ];

    /// The screen's tab, in the interface language.
    pub fn label(self, tr: &Strings) -> &'static str {
        match self {
            Screen::Reader => tr.tab_reader,
            Screen::Practice => tr.tab_practice,
            Screen::Progress => tr.tab_progress,
            Screen::Session => tr.tab_session,
            Screen::Exam => tr.tab_exam,
            Screen::Editor => tr.tab_editor,
        }
    }
}

/// A saved training session, read or with why not.
pub type SessionFile = Result<crate::classroom::training::TrainingResult, String>;

/// How long after the last change the settings are written (pressing
/// Ctrl + five times writes the file once).
pub const SETTINGS_DELAY: Duration = Duration::from_millis(500);

/// How long a worked-out overview stays fresh (questions fall due as time
/// passes).
const OVERVIEW_FRESH: Duration = Duration::from_secs(60);

pub struct Workspace {
    pub paths: Paths,
    pub settings: Settings,
    /// False when the settings file could not be read and was kept as it
    /// was: it is then never overwritten.
    settings_writable: bool,
    /// When the settings last changed and have not been saved yet.
    settings_changed_at: Option<Instant>,
    pub doc: Document,
    index: SearchIndex,
    pub search: SearchSession,
    pub library: Library,
    /// Key points of the open document (and its generated questions, put in
    /// the library), made the first time they are needed.
    key_points: Option<Vec<KeyPoint>>,
    /// The worker finding them.
    key_points_job: Option<KeyPointsJob>,
    /// The learner studying, with their progress; `None` until one is chosen.
    profile: Option<ProfileStore>,
    pub profiles: Vec<ProfileInfo>,
    /// What in the profiles folder is not a profile (a folder replaced by a
    /// file…), in words for the picker.
    pub profile_problems: Vec<String>,
    /// The open document's questions and their key points (for progress).
    study: Option<StudyQuestions>,
    /// What the progress screen shows, and when it was worked out.
    overview: Option<(Overview, Instant)>,
    pub backups: Vec<Backup>,
    /// FSRS parameters being fitted on a worker thread.
    fit_job: Option<Job<FitResult>>,
    /// Saved training sessions, read when the session screen is shown.
    past_sessions: Option<Vec<(PathBuf, SessionFile)>>,
    /// The screen shown: notices about what was just done belong to it.
    pub screen: Screen,
    pub notices: Vec<Notice>,
    /// Saving the exam being sat fails (said once until it works again).
    sitting_failing: bool,
    /// The room of a session answered on phones, while it runs.
    room: Option<room::Room>,
    /// A document being read on a worker thread (a large PDF or Word file
    /// takes a moment); the open one stays until it is ready.
    opening: Option<Opening>,
}

/// A document file being read off the window's thread.
struct Opening {
    path: PathBuf,
    job: Job<Result<crate::document::Opened, crate::document::LoadError>>,
}

/// How long opening a file is waited for before the window shows that it
/// is being read: a small file then simply appears.
const OPEN_PATIENCE: Duration = Duration::from_millis(150);

impl Workspace {
    /// What start-up prepared, less the learner (see [`Workspace::take_learner`]).
    pub fn new(startup: Startup) -> (Workspace, Option<crate::startup::LearnerJob>) {
        let notices = startup
            .problems
            .into_iter()
            .map(Notice::error)
            .chain(startup.notes.into_iter().map(Notice::info))
            .collect();
        let workspace = Workspace {
            paths: startup.paths,
            settings: startup.settings,
            settings_writable: startup.settings_writable,
            settings_changed_at: None,
            doc: startup.document,
            index: SearchIndex::new(),
            search: SearchSession::default(),
            library: startup.library,
            key_points: None,
            key_points_job: Some(startup.key_points),
            profile: None,
            profiles: Vec::new(),
            profile_problems: Vec::new(),
            study: None,
            overview: None,
            backups: Vec::new(),
            fit_job: None,
            past_sessions: None,
            screen: Screen::Reader,
            notices,
            sitting_failing: false,
            room: None,
            opening: None,
        };
        (workspace, startup.learner)
    }

    /// The interface language's strings.
    pub fn tr(&self) -> &'static Strings {
        self.settings.language.strings()
    }

    // ----- The document, its key points and search -----

    /// The key points, once found (see [`Workspace::ensure_key_points`]).
    pub fn key_points(&self) -> Option<&[KeyPoint]> {
        self.key_points.as_deref()
    }

    /// Finds the key points and generates questions from them, once per
    /// document, on a worker thread. Returns whether they are still being
    /// found (the window then looks again shortly).
    pub fn ensure_key_points(&mut self) -> bool {
        if self.key_points.is_some() {
            return false;
        }
        let job = self
            .key_points_job
            .get_or_insert_with(|| start_key_points(self.doc.clone()));
        match job.poll() {
            JobState::Done(found) => {
                self.key_points_job = None;
                self.accept_key_points(found);
                false
            }
            JobState::Working => true,
            // The worker panicked: no key points rather than trying again
            // every frame.
            JobState::Lost => {
                self.key_points_job = None;
                self.accept_key_points(FoundKeyPoints {
                    points: Vec::new(),
                    generated: crate::generate::generate(&self.doc, &[], 1),
                    problem: None,
                });
                false
            }
        }
    }

    fn accept_key_points(&mut self, found: FoundKeyPoints) {
        let FoundKeyPoints {
            points,
            generated,
            problem,
        } = found;
        if let Some(problem) = problem {
            let text = fill(self.tr().kp_curated_problem, &[("error", &problem)]);
            self.notices.push(Notice::error(text));
        }
        self.library.set_generated(generated);
        self.key_points = Some(points);
        self.study = None;
        self.progress_changed();
    }

    /// Starts reading a document on a worker thread; [`poll_opening`]
    /// gives it once read. Asking for another file first forgets this one
    /// (its reader stops by itself within its time limit).
    ///
    /// [`poll_opening`]: Self::poll_opening
    pub fn start_opening(&mut self, path: PathBuf) {
        let file = path.clone();
        let job = Job::spawn("open-document", move || {
            crate::document::open_document(&file)
        })
        .patient(OPEN_PATIENCE);
        self.opening = Some(Opening { path, job });
    }

    /// The file being read, if any (for "Đang mở …").
    pub fn opening(&self) -> Option<&Path> {
        self.opening.as_ref().map(|o| o.path.as_path())
    }

    /// The document being read, once it is ready and good (the notices
    /// said, as [`read_document`](Self::read_document) does); `None` while
    /// it is still being read or when it could not be opened.
    pub fn poll_opening(&mut self) -> Option<Document> {
        let opening = self.opening.as_mut()?;
        let result = match opening.job.poll() {
            JobState::Working => return None,
            JobState::Done(result) => result,
            // The reader's thread ended without an answer: the readers
            // catch their own failures, so this is one of ours.
            JobState::Lost => Err(crate::document::LoadError::ReaderFailed {
                path: opening.path.clone(),
                kind: crate::document::readers::sniff(&opening.path, &[]),
            }),
        };
        let path = self.opening.take()?.path;
        self.accept_opened(&path, result)
    }

    /// Reads a document here and now; says what happened in a notice
    /// (converted from an old encoding, parts left out, or why it could not
    /// be opened, the current one kept). `None` when it could not be opened.
    pub fn read_document(&mut self, path: &Path) -> Option<Document> {
        let result = crate::document::open_document(path);
        self.accept_opened(path, result)
    }

    fn accept_opened(
        &mut self,
        path: &Path,
        result: Result<crate::document::Opened, crate::document::LoadError>,
    ) -> Option<Document> {
        let tr = self.tr();
        match result {
            Ok(opened) => {
                self.change_settings(|s| s.remember_recent(path));
                if let Some(conversion) = &opened.document.conversion {
                    self.info(crate::i18n::describe_conversion(tr, conversion));
                }
                for n in &opened.notices {
                    self.info(crate::i18n::describe_notice(tr, n));
                }
                Some(opened.document)
            }
            Err(error) => {
                let why = could_not_open(tr, path, &error);
                self.error(format!("{why} {}", tr.kept_document));
                None
            }
        }
    }

    /// Keeps pasted text as a document file of its own (in the data
    /// folder, so it can be opened again from the recent list) titled
    /// `title`; returns the file to open. Says why in a notice if it
    /// cannot.
    pub fn keep_pasted(&mut self, title: &str, text: &str) -> Option<PathBuf> {
        let tr = self.tr();
        let (title, body) = pasted_document(title, text);
        if body.is_empty() {
            self.error(tr.paste_empty.to_string());
            return None;
        }
        let dir = self.paths.data_dir.join(PASTED_DIR);
        let stamp = crate::storage::utc_timestamp(std::time::SystemTime::now());
        let path = dir.join(format!("{}-{stamp}.md", crate::ids::slug(&title)));
        let written = std::fs::create_dir_all(&dir).and_then(|()| {
            crate::storage::write_atomic(&path, format!("# {title}\n\n{body}\n").as_bytes())
        });
        match written {
            Ok(()) => Some(path),
            Err(e) => {
                self.error(fill(tr.paste_failed, &[("error", &e)]));
                None
            }
        }
    }

    /// Makes `doc` the open document: its key points are found again, the
    /// search runs again on it, and old "could not open" messages go.
    pub fn set_document(&mut self, doc: Document) {
        self.doc = doc;
        self.key_points = None;
        self.key_points_job = None;
        self.study = None;
        self.progress_changed();
        self.index = SearchIndex::new();
        let query = self.search.query().to_string();
        self.search.clear();
        if !query.is_empty() {
            self.search.update(&self.index, &self.doc, &query);
        }
        self.notices.retain(|n| n.kind != NoticeKind::Error);
    }

    /// Searches the document for `text`; whether the current hit changed.
    pub fn search_for(&mut self, text: &str) -> bool {
        self.search.update(&self.index, &self.doc, text)
    }

    /// The folder a file chooser starts in: the open document's, else home.
    pub fn document_folder(&self) -> PathBuf {
        match &self.doc.origin {
            Origin::File(p) => p.parent().map(PathBuf::from),
            Origin::Bundled => None,
        }
        .or_else(home)
        .unwrap_or_else(|| PathBuf::from("."))
    }

    /// Where a learner's exported history is looked for first.
    pub fn import_folder(&self) -> PathBuf {
        Some(self.paths.documents_dir.clone())
            .filter(|d| d.is_dir())
            .or_else(home)
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// Where a question's passage is: the anchor's block with the quoted
    /// words; if numbering has shifted, wherever the quote occurs; else the
    /// anchor's block or sentence. `None`, with a notice, when neither is
    /// in the document.
    pub fn find_passage(&mut self, source: &Source) -> Option<(usize, Range<usize>)> {
        let found = locate_source(&self.doc, source);
        if found.is_none() {
            let text = fill(
                self.tr().passage_not_found,
                &[("quote", &source.quote), ("anchor", &source.anchor)],
            );
            self.error(text);
        }
        found
    }

    /// The sentence holding `focus` (block, range) or the current search
    /// hit, as a question's source.
    pub fn passage_at(&self, focus: Option<&(usize, Range<usize>)>) -> Option<Source> {
        let (block, start) = match (focus, self.search.current) {
            (Some((block, range)), _) => (*block, range.start),
            (None, Some(c)) => {
                let hit = self.search.hits.get(c)?;
                (hit.block, hit.range.start)
            }
            _ => return None,
        };
        let b = self.doc.blocks.get(block)?;
        let sentence = b
            .sentences
            .iter()
            .find(|s| s.range.contains(&start))
            .or(b.sentences.first())?;
        Some(Source {
            anchor: sentence.anchor,
            quote: b.text[sentence.range.clone()].trim().to_string(),
        })
    }

    /// Reads the question sets again (after the editor saved or deleted
    /// one), keeping the generated set.
    pub fn reload_sets(&mut self) {
        let generated = self
            .library
            .sets
            .iter()
            .find(|s| s.origin == crate::quiz::SetOrigin::Generated)
            .map(|s| s.set.clone());
        self.library = Library::load(&self.paths.user_sets_dir());
        if let Some(generated) = generated {
            self.library.set_generated(generated);
        }
        self.study = None;
        self.progress_changed();
    }

    // ----- What is worked out from the learner's progress -----

    /// The progress screen and marks must be worked out again.
    pub fn progress_changed(&mut self) {
        self.overview = None;
    }

    fn ensure_study(&mut self) {
        if self.study.is_none() {
            let points = self.key_points.as_deref().unwrap_or(&[]);
            self.study = Some(StudyQuestions::new(&self.library, &self.doc, points));
        }
    }

    /// Works out the overview when progress changed, and once a minute.
    pub fn ensure_overview(&mut self) {
        if self.profile.is_none() {
            self.overview = None;
            return;
        }
        if self
            .overview
            .as_ref()
            .is_some_and(|(_, made)| made.elapsed() < OVERVIEW_FRESH)
        {
            return;
        }
        self.ensure_study();
        let (Some(store), Some(study)) = (&self.profile, &self.study) else {
            return;
        };
        let overview = Overview::new(store, &self.library, study, &Clock::system());
        self.backups = crate::progress::backup::list(store.dir());
        self.overview = Some((overview, Instant::now()));
    }

    pub fn overview(&self) -> Option<&Overview> {
        self.overview.as_ref().map(|(o, _)| o)
    }

    /// Reads the saved training sessions, unless read since the last save.
    pub fn ensure_past_sessions(&mut self) {
        if self.past_sessions.is_none() {
            let sessions = crate::classroom::training::saved_sessions(&self.paths.data_dir);
            self.past_sessions = Some(sessions);
        }
    }

    /// The saved training sessions as last read (see
    /// [`Workspace::ensure_past_sessions`]).
    pub fn past_sessions(&self) -> &[(PathBuf, SessionFile)] {
        self.past_sessions.as_deref().unwrap_or(&[])
    }

    // ----- Settings -----

    pub fn change_settings(&mut self, change: impl FnOnce(&mut Settings)) {
        change(&mut self.settings);
        self.settings_changed_at = Some(Instant::now());
    }

    /// Saves changed settings [`SETTINGS_DELAY`] after the last change;
    /// returns how long to wait when not yet due.
    pub fn save_settings_if_due(&mut self) -> Option<Duration> {
        let changed = self.settings_changed_at?;
        if changed.elapsed() >= SETTINGS_DELAY {
            self.save_settings();
            None
        } else {
            Some(SETTINGS_DELAY)
        }
    }

    /// Writes the settings now (also when the window closes).
    pub fn save_settings(&mut self) {
        self.settings_changed_at = None;
        if !self.settings_writable {
            return;
        }
        if let Err(e) = settings::save(&self.paths.settings_file(), &self.settings) {
            let text = fill(self.tr().settings_save_failed, &[("error", &e)]);
            self.notices.push(Notice::error(text));
        }
    }

    // ----- Notices -----

    /// Information about what was just done on this screen: shown there.
    pub fn info(&mut self, text: String) {
        let screen = Some(self.screen);
        self.notices.push(Notice {
            screen,
            ..Notice::info(text)
        });
    }

    /// Something that went wrong with what was just done on this screen.
    pub fn error(&mut self, text: String) {
        let screen = Some(self.screen);
        self.notices.push(Notice {
            screen,
            ..Notice::error(text)
        });
    }

    pub fn dismiss_notice(&mut self, i: usize) {
        if i < self.notices.len() {
            self.notices.remove(i);
        }
    }
}

/// Where pasted texts are kept, in the data folder.
pub const PASTED_DIR: &str = "van-ban-dan";

/// A title for pasted text: its first line, shortened at a word.
pub fn pasted_title(text: &str) -> String {
    let first = crate::text::nfc(text)
        .lines()
        .map(|l| l.trim().trim_start_matches('#').trim().to_string())
        .find(|l| !l.is_empty())
        .unwrap_or_default();
    if first.chars().count() <= 100 {
        return first;
    }
    let cut: String = first.chars().take(100).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// The title (NFC, on one line) and the body of a pasted document: the
/// text without its first line when that line is the title.
fn pasted_document(title: &str, text: &str) -> (String, String) {
    let title = crate::text::nfc(title)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let text = crate::text::nfc(text).replace("\r\n", "\n");
    let text = text.trim();
    let body = match text.split_once('\n') {
        Some((first, rest)) if first.trim().trim_start_matches('#').trim() == title => rest.trim(),
        None if text.trim_start_matches('#').trim() == title => "",
        _ => text,
    };
    let title = if title.is_empty() {
        pasted_title(text)
    } else {
        title
    };
    (title, body.to_string())
}

fn home() -> Option<PathBuf> {
    directories::UserDirs::new().map(|u| u.home_dir().to_path_buf())
}

/// Where `source` is in `doc` (see [`Workspace::find_passage`]).
pub fn locate_source(doc: &Document, source: &Source) -> Option<(usize, Range<usize>)> {
    let in_block = |block: usize| {
        let text = &doc.blocks[block].text;
        text.find(&source.quote)
            .map(|at| (block, at..at + source.quote.len()))
    };
    let located = doc.locate(source.anchor);
    located
        .as_ref()
        .and_then(|loc| in_block(loc.block))
        .or_else(|| (0..doc.blocks.len()).find_map(in_block))
        .or_else(|| {
            located.map(|loc| {
                let whole = 0..doc.blocks[loc.block].text.len();
                (loc.block, loc.range.unwrap_or(whole))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace(home: &Path) -> Workspace {
        let paths = Paths::under(home);
        let (ws, learner) = Workspace::new(Startup::prepare(paths, None));
        drop(learner);
        ws
    }

    #[test]
    fn a_quote_is_found_where_its_anchor_no_longer_points() {
        let home = tempfile::tempdir().unwrap();
        let mut ws = workspace(home.path());
        let block = ws
            .doc
            .blocks
            .iter()
            .rposition(|b| b.text.len() > 40)
            .unwrap();
        let quote: String = ws.doc.blocks[block].text.chars().take(20).collect();
        // An anchor of the first block, a quote from a later one.
        let source = Source {
            anchor: ws.doc.blocks[0].anchor,
            quote: quote.clone(),
        };
        let (found, range) = ws.find_passage(&source).unwrap();
        assert_eq!(&ws.doc.blocks[found].text[range], quote);
        assert!(ws.notices.is_empty());
    }

    #[test]
    fn a_passage_that_is_nowhere_is_said_on_this_screen() {
        let home = tempfile::tempdir().unwrap();
        let mut ws = workspace(home.path());
        ws.screen = Screen::Practice;
        let source = Source {
            anchor: "p999".parse().unwrap(),
            quote: "không có ở đâu cả".into(),
        };
        assert_eq!(ws.find_passage(&source), None);
        assert_eq!(ws.notices.len(), 1);
        assert_eq!(ws.notices[0].screen, Some(Screen::Practice));
        assert!(ws.notices[0].text.contains("không có ở đâu cả"));
    }

    #[test]
    fn a_new_document_is_searched_for_the_same_words() {
        let home = tempfile::tempdir().unwrap();
        let mut ws = workspace(home.path());
        let word = "Đảng";
        ws.search_for(word);
        assert!(!ws.search.hits.is_empty());
        let file = home.path().join("khac.md");
        std::fs::write(&file, "# Văn bản khác\n\nĐảng và nhân dân. Đảng ta.").unwrap();
        let doc = ws.read_document(&file).unwrap();
        ws.set_document(doc);
        assert_eq!(ws.search.query(), word);
        assert_eq!(ws.search.hits.len(), 2);
        assert!(ws.key_points().is_none());
        while ws.ensure_key_points() {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(ws.key_points().is_some());
    }

    #[test]
    fn a_file_that_cannot_be_opened_keeps_the_document_and_says_why() {
        let home = tempfile::tempdir().unwrap();
        let mut ws = workspace(home.path());
        let before = ws.doc.clone();
        let missing = home.path().join("khong-co.docx");
        assert!(ws.read_document(&missing).is_none());
        assert_eq!(ws.doc, before);
        assert_eq!(ws.notices.len(), 1);
        assert_eq!(ws.notices[0].kind, NoticeKind::Error);
        assert!(ws.notices[0].text.contains("khong-co.docx"));
    }

    #[test]
    fn pasted_text_is_kept_as_a_document_under_its_title() {
        let home = tempfile::tempdir().unwrap();
        let mut ws = workspace(home.path());
        let text =
            "Kết luận của Hội nghị\r\n\r\nHội nghị thống nhất ba nhiệm vụ.\r\nMột là học tập.";
        assert_eq!(pasted_title(text), "Kết luận của Hội nghị");
        let path = ws.keep_pasted("Kết luận  hội nghị tháng 12", text).unwrap();
        assert!(path.starts_with(home.path()));
        let doc = ws.read_document(&path).unwrap();
        assert_eq!(doc.meta.title, "Kết luận hội nghị tháng 12");
        let words: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(words.iter().any(|t| t.contains("ba nhiệm vụ")), "{words:?}");
        assert_eq!(
            ws.settings.recent.first().map(|p| p.file_name()),
            Some(path.file_name())
        );
        // Nothing to paste: said, nothing written.
        assert_eq!(ws.keep_pasted("", "  \n "), None);
        assert_eq!(ws.notices.last().unwrap().kind, NoticeKind::Error);
    }

    #[test]
    fn a_long_first_line_makes_a_short_title() {
        let long = "Nghị quyết ".repeat(20);
        let title = pasted_title(&long);
        assert!(title.chars().count() <= 101, "{title}");
        assert!(title.ends_with("quyết…"), "{title}");
    }
}
