//! The window. The only part of the crate that uses egui.
//!
//! [`App`] owns the shared state (settings, document, search) and the screens.
//! Screens and bars draw themselves and return [`Action`]s; the app applies
//! them after the frame's layout, so state never changes mid-layout.

pub mod editor_screen;
pub mod exam_screen;
pub mod fonts;
pub mod icons;
mod keypoints_panel;
mod open_dialog;
pub mod practice;
mod profile_picker;
pub mod progress_screen;
pub mod reader;
pub mod session_screen;
pub mod style;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Key, KeyboardShortcut, Modifiers, RichText};

use crate::document::{Document, Origin};
use crate::i18n::{Language, Strings, describe_load_error, fill};
use crate::keypoints::KeyPoint;
use crate::paths::Paths;
use crate::progress::clock::{Clock, format_local, now_ms};
use crate::progress::exchange::{export, read_export};
use crate::progress::overview::{Overview, StudyQuestions};
use crate::progress::profiles::{self, CreateError, ProfileInfo};
use crate::progress::schedule::{FitError, expected_millis, rating};
use crate::progress::{Backup, Mode, OpenError, Opened, ProfileStore, QuestionRef, StoreNotice};
use crate::quiz::practice::Practice;
use crate::quiz::{Library, Source};
use crate::search::{SearchIndex, SearchSession};
use crate::settings::{self, DEFAULT_TEXT_SIZE, Settings, TEXT_SIZE_STEP, Theme};
use crate::startup::{FoundKeyPoints, JobState, KeyPointsJob, LearnerJob, Startup};
use editor_screen::{EditorInput, EditorScreen};
use exam_screen::{ExamInput, ExamScreen};
use open_dialog::{DialogOutcome, DialogPurpose, OpenDialog};
use practice::{Answered, PracticeInput, PracticeScreen, ReviewCard};
use profile_picker::{PickerOutcome, ProfilePicker};
use progress_screen::{ProgressInput, ProgressScreen};
use reader::{Reader, ReaderInput, ScrollTarget};
use session_screen::{SessionInput, SessionScreen};

/// The window title: the product's name, in every interface language.
pub const WINDOW_TITLE: &str = "Học tập Nghị quyết";

/// Something the user asked for, applied after the frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    ShowOpenDialog,
    Open(PathBuf),
    OpenBundled,
    SetTheme(Theme),
    SetTextSize(f32),
    SetLanguage(Language),
    SetShowNumbers(bool),
    SetShowKeyPoints(bool),
    SearchNext,
    SearchPrevious,
    ClearSearch,
    DismissNotice(usize),
    /// Opens a folder in the system's file manager.
    OpenFolder(PathBuf),
    ShowScreen(Screen),
    /// Open the reader at a question's passage, marked.
    ShowPassage(Source),
    /// Open the reader at a key point: block and byte range.
    ShowKeyPoint(usize, std::ops::Range<usize>),
    /// Record an answer in the learner's progress.
    Answered(Box<Answered>),
    StartReview,
    /// Practise the questions on these key points (indices).
    PracticePoints(Vec<usize>),
    ShowProfilePicker,
    /// Switch to the learner with this folder name.
    ChooseProfile(String),
    CreateProfile(String),
    ExportProgress,
    ShowImportDialog,
    ImportProgress(PathBuf),
    RestoreBackup(PathBuf),
    FitParameters,
    /// Save a training session's results (after every change).
    SaveSession(Box<crate::classroom::training::TrainingResult>),
    ExportSessionCsv(Box<crate::classroom::training::TrainingResult>),
    SetFullscreen(bool),
    /// An exam was handed in (by the learner or the clock): record it.
    ExamFinished(Box<crate::classroom::exam::Exam>),
    /// Write the handed-in exam's result file for the trainer.
    ExportExamResult,
    /// Question sets were saved or deleted: read them again.
    SetsChanged,
    /// Start a question about the passage marked in the reader.
    QuestionFromPassage,
    Quit,
}

/// The screen the window shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

/// The screens in tab order, with their shortcuts (Ctrl+1 … Ctrl+6).
const SCREENS: [(Screen, Key, &str); 6] = [
    (Screen::Reader, Key::Num1, "Ctrl+1"),
    (Screen::Practice, Key::Num2, "Ctrl+2"),
    (Screen::Progress, Key::Num3, "Ctrl+3"),
    (Screen::Session, Key::Num4, "Ctrl+4"),
    (Screen::Exam, Key::Num5, "Ctrl+5"),
    (Screen::Editor, Key::Num6, "Ctrl+6"),
];

impl Screen {
    /// The screen's tab, in the interface language.
    fn label(self, tr: &Strings) -> &'static str {
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

/// What fitting FSRS hands back: the number of answers used, and the parameters.
type FitResult = (usize, Result<Vec<f32>, FitError>);

/// The widest texture the app asks for (see `raw_input_hook`).
const MAX_TEXTURE_SIDE: usize = 2048;

/// Windows at least this wide show the quiz and the text side by side.
const SIDE_BY_SIDE_WIDTH: f32 = 1150.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Error,
    Info,
}

/// A message shown in a band under the toolbar until dismissed.
#[derive(Clone, Debug)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    /// The screen it is about; shown there only. `None`: the whole app
    /// (start-up, the learner's files, settings).
    pub screen: Option<Screen>,
    /// A folder the user may want to open (where a file was written).
    pub folder: Option<PathBuf>,
    /// When it was first shown (egui time, s): information goes away by itself.
    pub shown_at: Option<f64>,
}

impl Notice {
    pub fn error(text: String) -> Notice {
        Notice {
            kind: NoticeKind::Error,
            text,
            screen: None,
            folder: None,
            shown_at: None,
        }
    }

    pub fn info(text: String) -> Notice {
        Notice {
            kind: NoticeKind::Info,
            ..Notice::error(text)
        }
    }
}

/// How long a piece of information stays on screen unless dismissed.
const INFO_SECONDS: f64 = 15.0;

pub struct App {
    paths: Paths,
    settings: Settings,
    settings_writable: bool,
    /// When the settings last changed and have not been saved yet.
    settings_changed_at: Option<Instant>,
    doc: Document,
    index: SearchIndex,
    search: SearchSession,
    search_text: String,
    focus_search: bool,
    reader: Reader,
    screen: Screen,
    library: Library,
    /// Key points of the open document (and its generated questions, put in
    /// the library), made the first time they are needed.
    key_points: Option<Vec<KeyPoint>>,
    /// The worker finding them for a long document.
    key_points_job: Option<KeyPointsJob>,
    key_points_panel: keypoints_panel::KeyPointsPanel,
    practice: PracticeScreen,
    /// The learner studying, with their progress; `None` until one is chosen.
    profile: Option<ProfileStore>,
    profiles: Vec<ProfileInfo>,
    /// What in the profiles folder is not a profile (a folder replaced by a
    /// file…), in words for the picker.
    profile_problems: Vec<String>,
    profile_picker: Option<ProfilePicker>,
    progress_screen: ProgressScreen,
    /// The open document's questions and their key points (for progress).
    study: Option<StudyQuestions>,
    /// What the progress screen shows, and when it was worked out.
    overview: Option<(Overview, Instant)>,
    backups: Vec<Backup>,
    /// FSRS parameters being fitted on a worker thread.
    fit_job: Option<std::sync::mpsc::Receiver<FitResult>>,
    session: SessionScreen,
    /// Saved training sessions, read when the session screen is shown.
    past_sessions: Option<
        Vec<(
            PathBuf,
            Result<crate::classroom::training::TrainingResult, String>,
        )>,
    >,
    fullscreen: bool,
    exam: ExamScreen,
    editor: EditorScreen,
    open_dialog: Option<OpenDialog>,
    notices: Vec<Notice>,
    /// The text size and theme egui's style was last built for.
    applied_style: Option<(f32, Theme)>,
    fonts_installed: bool,
    /// Whether a remembered window size was checked against the screen.
    window_fitted: bool,
    /// The answered question whose passage the text beside practice shows.
    side_passage: Option<String>,
}

impl App {
    pub fn new(startup: Startup) -> Self {
        let learner = startup.learner;
        let notices = startup
            .problems
            .into_iter()
            .map(Notice::error)
            .chain(startup.notes.into_iter().map(Notice::info))
            .collect();
        Self {
            paths: startup.paths,
            settings: startup.settings,
            settings_writable: startup.settings_writable,
            settings_changed_at: None,
            doc: startup.document,
            index: SearchIndex::new(),
            search: SearchSession::default(),
            search_text: String::new(),
            focus_search: false,
            reader: Reader::new(),
            screen: Screen::Reader,
            library: startup.library,
            key_points: None,
            key_points_job: Some(startup.key_points),
            key_points_panel: Default::default(),
            practice: PracticeScreen::default(),
            profile: None,
            profiles: Vec::new(),
            profile_problems: Vec::new(),
            profile_picker: None,
            progress_screen: ProgressScreen::default(),
            study: None,
            overview: None,
            backups: Vec::new(),
            fit_job: None,
            session: SessionScreen::default(),
            past_sessions: None,
            fullscreen: false,
            exam: ExamScreen::default(),
            editor: EditorScreen::default(),
            open_dialog: None,
            notices,
            applied_style: None,
            fonts_installed: false,
            window_fitted: false,
            side_passage: None,
        }
        .with_profile(learner)
    }

    /// Opens the learner who studied last, or asks who is studying.
    fn with_profile(mut self, prepared: Option<LearnerJob>) -> Self {
        // Read while the window opened (see `Startup`); the wait is short.
        // (Unless the settings changed since: a test choosing its learner.)
        if let Some(prepared) = prepared.and_then(LearnerJob::wait)
            && prepared.last == self.settings.profile
        {
            self.take_listing(prepared.listing);
            match prepared.opened {
                Some((slug, opened)) => self.accept_profile(&slug, opened),
                None => self.profile_picker = Some(ProfilePicker::default()),
            }
            return self;
        }
        self.refresh_profiles();
        match self.settings.profile.clone() {
            Some(slug) if self.profiles.iter().any(|p| p.slug == slug) => {
                self.choose_profile(&slug)
            }
            _ => self.profile_picker = Some(ProfilePicker::default()),
        }
        self
    }

    /// Reads the list of learners again, with what stands in the profiles
    /// folder that is not one of them.
    fn refresh_profiles(&mut self) {
        self.take_listing(profiles::scan(&profiles::root(&self.paths)));
    }

    fn take_listing(&mut self, listing: profiles::Listing) {
        let tr = self.tr();
        self.profiles = listing.profiles;
        self.profile_problems = listing
            .problems
            .iter()
            .map(|problem| match problem {
                profiles::ListProblem::NotAFolder(path) => {
                    fill(tr.profile_not_a_folder, &[("path", &path.display())])
                }
                profiles::ListProblem::Unreadable { path, error } => fill(
                    tr.profile_list_error,
                    &[("path", &path.display()), ("error", error)],
                ),
            })
            .collect();
    }

    /// The learner whose progress is recorded, if any.
    pub fn profile(&self) -> Option<&ProfileStore> {
        self.profile.as_ref()
    }

    /// Saves the learner's progress and waits for it (on exit, and in tests).
    pub fn flush_progress(&mut self) {
        if let Some(store) = &mut self.profile
            && let Err(e) = store.flush()
        {
            let text = fill(
                self.settings.language.strings().progress_save_failed,
                &[("error", &e)],
            );
            self.notices.push(Notice::error(text));
        }
    }

    fn choose_profile(&mut self, slug: &str) {
        let Some(info) = self.profiles.iter().find(|p| p.slug == slug).cloned() else {
            return;
        };
        // The learner studying until now is saved and let go first.
        self.flush_progress();
        self.profile = None;
        let opened = ProfileStore::open(&info.dir, &info.name, Clock::system());
        self.accept_profile(slug, opened);
    }

    /// The learner `slug` opened (or not): their history, or the picker
    /// with why not.
    fn accept_profile(&mut self, slug: &str, opened: Result<Opened, OpenError>) {
        let tr = self.tr();
        let Some(info) = self.profiles.iter().find(|p| p.slug == slug).cloned() else {
            return;
        };
        match opened {
            Ok(opened) => {
                for notice in opened.notices {
                    let text = self.describe_store_notice(&notice);
                    self.notices.push(Notice::error(text));
                }
                self.profile = Some(opened.store);
                self.profile_picker = None;
                let slug = info.slug.clone();
                self.change_settings(|s| s.profile = Some(slug));
                self.progress_changed();
            }
            Err(error) => {
                let message = match error {
                    OpenError::InUse => fill(tr.profile_in_use, &[("name", &info.name)]),
                    OpenError::Newer { path, version } => fill(
                        tr.profile_newer,
                        &[
                            ("name", &info.name),
                            ("path", &path.display()),
                            ("version", &version),
                        ],
                    ),
                    OpenError::Io(e) => {
                        fill(tr.profile_error, &[("name", &info.name), ("error", &e)])
                    }
                };
                self.profile_picker = Some(ProfilePicker::with_message(Some(message)));
            }
        }
    }

    fn describe_store_notice(&self, notice: &StoreNotice) -> String {
        let tr = self.tr();
        let clock = Clock::system();
        match notice {
            StoreNotice::SetAside {
                error,
                moved_to,
                restored_from,
            } => {
                let error = &crate::i18n::describe_read_problem(tr, error);
                let path = moved_to
                    .as_ref()
                    .map_or_else(String::new, |p| p.display().to_string());
                match restored_from {
                    Some(at) => fill(
                        tr.progress_set_aside,
                        &[
                            ("error", error),
                            ("path", &path),
                            ("time", &format_local(&clock, *at)),
                        ],
                    ),
                    None => fill(
                        tr.progress_set_aside_no_backup,
                        &[("error", error), ("path", &path)],
                    ),
                }
            }
            StoreNotice::Migrated { from, kept } => fill(
                tr.progress_migrated,
                &[("from", from), ("path", &kept.display())],
            ),
            StoreNotice::Repaired {
                file,
                bad_lines,
                kept,
                lost,
                moved_to,
                restored_from,
            } => {
                let mut lines: Vec<String> =
                    bad_lines.iter().take(10).map(|n| n.to_string()).collect();
                if bad_lines.len() > 10 {
                    lines.push("…".into());
                }
                let lines = lines.join(", ");
                let path = moved_to.as_ref().unwrap_or(file).display().to_string();
                let file = file.display();
                match restored_from {
                    Some(at) if *lost == 0 => fill(
                        tr.progress_repaired_from_backup,
                        &[
                            ("file", &file),
                            ("lines", &lines),
                            ("time", &format_local(&clock, *at)),
                            ("kept", kept),
                            ("path", &path),
                        ],
                    ),
                    _ => fill(
                        tr.progress_repaired,
                        &[
                            ("file", &file),
                            ("lines", &lines),
                            ("kept", kept),
                            ("lost", lost),
                            ("path", &path),
                        ],
                    ),
                }
            }
        }
    }

    /// The progress screen and marks must be worked out again.
    fn progress_changed(&mut self) {
        self.overview = None;
    }

    fn ensure_study(&mut self) {
        if self.study.is_none() {
            let points = self.key_points.as_deref().unwrap_or(&[]);
            self.study = Some(StudyQuestions::new(&self.library, &self.doc, points));
        }
    }

    /// Works out the overview when progress changed, and once a minute
    /// (questions fall due as time passes).
    fn ensure_overview(&mut self) {
        if self.profile.is_none() {
            self.overview = None;
            return;
        }
        if self
            .overview
            .as_ref()
            .is_some_and(|(_, made)| made.elapsed() < Duration::from_secs(60))
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

    pub fn document(&self) -> &Document {
        &self.doc
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    pub fn search(&self) -> &SearchSession {
        &self.search
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    pub fn library(&self) -> &Library {
        &self.library
    }

    pub fn practice(&self) -> &PracticeScreen {
        &self.practice
    }

    pub fn session(&self) -> &SessionScreen {
        &self.session
    }

    pub fn exam(&self) -> &ExamScreen {
        &self.exam
    }

    pub fn editor(&self) -> &EditorScreen {
        &self.editor
    }

    /// Whether the window was asked to fill the screen (presenting).
    pub fn is_fullscreen(&self) -> bool {
        self.fullscreen
    }

    /// Finds the key points and generates questions from them, once per document.
    ///
    /// A long document is read on a worker thread, so opening it never
    /// freezes the window; the panel says it is working until then.
    fn ensure_key_points(&mut self, ctx: &egui::Context) {
        if self.key_points.is_some() {
            return;
        }
        if let Some(job) = &mut self.key_points_job {
            match job.poll() {
                JobState::Done(found) => {
                    self.key_points_job = None;
                    self.accept_key_points(found);
                }
                JobState::Working => ctx.request_repaint_after(Duration::from_millis(30)),
                // The worker panicked: no key points rather than trying again
                // every frame.
                JobState::Lost => {
                    self.key_points_job = None;
                    self.accept_key_points(FoundKeyPoints {
                        points: Vec::new(),
                        generated: crate::generate::generate(&self.doc, &[], 1),
                        problem: None,
                    });
                }
            }
            return;
        }
        let job = KeyPointsJob::start(self.doc.clone());
        self.key_points_job = Some(job);
        self.ensure_key_points(ctx);
    }

    fn accept_key_points(&mut self, found: FoundKeyPoints) {
        let FoundKeyPoints {
            points,
            generated,
            problem,
        } = found;
        if let Some(problem) = problem {
            let tr = self.tr();
            self.notices.push(Notice::error(fill(
                tr.kp_curated_problem,
                &[("error", &problem)],
            )));
        }
        self.library.set_generated(generated);
        self.key_points = Some(points);
        self.study = None;
        self.progress_changed();
    }

    /// The passage the reader marks, as block index and byte range.
    pub fn focused_passage(&self) -> Option<&(usize, std::ops::Range<usize>)> {
        self.reader.focus()
    }

    fn tr(&self) -> &'static Strings {
        self.settings.language.strings()
    }

    /// One frame of the whole window.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        trace_frame(&ctx);
        self.install_look(&ctx);
        let mut actions = self.shortcuts(&ctx);
        self.remember_window(&ctx);

        // A presentation fills the window: no bars, no notices.
        let presenting = self.screen == Screen::Session && self.session.is_presenting();
        if !presenting {
            actions.extend(self.top_bars(ui));
            self.status_bar(ui);
            actions.extend(self.notice_band(ui));
        }
        actions.extend(self.main_area(ui));
        actions.extend(self.dialog(&ctx));
        actions.extend(self.profile_dialog(&ctx));
        self.poll_background(&ctx);
        if let Some(path) = dropped_file(&ctx) {
            actions.push(Action::Open(path));
        }
        self.drop_overlay(&ctx);
        focus_ring(&ctx);

        for action in actions {
            self.apply(&ctx, action);
        }
        self.save_settings_if_due(&ctx);
        if ctx.cumulative_frame_nr() == 0 && crate::trace::on() {
            let [w, h] = ctx.fonts(|f| f.font_image_size());
            crate::trace::mark(&format!("first frame laid out (glyph atlas {w}x{h})"));
            ctx.request_repaint();
        }
    }

    /// Our fonts, once. Before the first pass where possible (see [`run`]):
    /// set during a pass, egui has already built its default fonts for it.
    fn install_fonts(&mut self, ctx: &egui::Context) {
        if !self.fonts_installed {
            ctx.set_fonts(fonts::definitions());
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            self.fonts_installed = true;
        }
    }

    /// Fonts once; theme and sizes whenever they change.
    fn install_look(&mut self, ctx: &egui::Context) {
        self.install_fonts(ctx);
        let wanted = (self.settings.text_size, self.settings.theme);
        if self.applied_style != Some(wanted) {
            style::apply(ctx, &self.settings);
            self.applied_style = Some(wanted);
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let size = self.settings.text_size;
        let mut actions = Vec::new();
        let searching = self.open_dialog.is_none() && !self.search.query().is_empty();
        ctx.input_mut(|i| {
            if searching && i.consume_key(Modifiers::NONE, Key::Escape) {
                actions.push(Action::ClearSearch);
            }
            if i.consume_shortcut(&command(Key::O)) {
                actions.push(Action::ShowOpenDialog);
            }
            if i.consume_shortcut(&command(Key::F)) {
                self.focus_search = true;
            }
            if i.consume_shortcut(&command(Key::Plus)) || i.consume_shortcut(&command(Key::Equals))
            {
                actions.push(Action::SetTextSize(size + TEXT_SIZE_STEP));
            }
            if i.consume_shortcut(&command(Key::Minus)) {
                actions.push(Action::SetTextSize(size - TEXT_SIZE_STEP));
            }
            if i.consume_shortcut(&command(Key::Num0)) {
                actions.push(Action::SetTextSize(DEFAULT_TEXT_SIZE));
            }
            for (screen, key, _) in SCREENS {
                if i.consume_shortcut(&command(key)) {
                    actions.push(Action::ShowScreen(screen));
                }
            }
            if i.consume_shortcut(&command(Key::K)) {
                actions.push(Action::SetShowKeyPoints(!self.settings.show_key_points));
            }
            if i.consume_shortcut(&command(Key::Q)) {
                actions.push(Action::Quit);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::SHIFT, Key::F3)) {
                actions.push(Action::SearchPrevious);
            } else if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::NONE, Key::F3)) {
                actions.push(Action::SearchNext);
            }
        });
        actions
    }

    fn remember_window(&mut self, ctx: &egui::Context) {
        let (rect, maximized, monitor) = ctx.input(|i| {
            let v = i.viewport();
            (v.inner_rect, v.maximized, v.monitor_size)
        });
        // A size remembered on a larger screen (the office PC's, before the
        // projector's) shrinks to fit this one, once.
        if !self.window_fitted
            && let (Some(rect), Some(monitor)) = (rect, monitor)
        {
            self.window_fitted = true;
            let fit = egui::vec2(
                rect.width().min(monitor.x - 16.0),
                rect.height().min(monitor.y - 80.0),
            );
            if fit != rect.size() && fit.x > 0.0 && fit.y > 0.0 {
                ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(fit));
            }
        }
        if let Some(maximized) = maximized {
            self.settings.window_maximized = maximized;
        }
        if let Some(rect) = rect
            && !self.settings.window_maximized
        {
            self.settings.window_size = Some([rect.width(), rect.height()]);
        }
    }

    fn top_bars(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                self.menus(ui, &mut actions);
                // Who is studying, at the right: always in view, one click to change.
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    self.profile_menu(ui, &mut actions);
                });
            });
        });
        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.add_space(4.0);
            // Two rows: where you are (the screens), then the tools.
            ui.horizontal_wrapped(|ui| self.screen_tabs(ui, &mut actions));
            ui.horizontal_wrapped(|ui| self.toolbar(ui, &mut actions));
            ui.add_space(4.0);
        });
        actions
    }

    fn menus(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let tr = self.tr();
        ui.menu_button(tr.menu_file, |ui| {
            if ui
                .button(tr.menu_open)
                .on_hover_text(tr.open_tooltip)
                .clicked()
            {
                actions.push(Action::ShowOpenDialog);
            }
            ui.menu_button(tr.menu_recent, |ui| {
                if self.settings.recent.is_empty() {
                    ui.label(tr.menu_recent_empty);
                }
                for path in &self.settings.recent {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    if ui
                        .button(name)
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        actions.push(Action::Open(path.clone()));
                    }
                }
            });
            if ui.button(tr.menu_open_bundled).clicked() {
                actions.push(Action::OpenBundled);
            }
            ui.separator();
            if ui.button(format!("{}  (Ctrl+Q)", tr.menu_quit)).clicked() {
                actions.push(Action::Quit);
            }
        });
        ui.menu_button(tr.menu_view, |ui| {
            ui.label(RichText::new(tr.theme_label).strong());
            for (theme, label) in [
                (Theme::System, tr.theme_system),
                (Theme::Light, tr.theme_light),
                (Theme::Dark, tr.theme_dark),
            ] {
                if ui.radio(self.settings.theme == theme, label).clicked() {
                    actions.push(Action::SetTheme(theme));
                }
            }
            ui.separator();
            let size = self.settings.text_size;
            if ui.button(tr.text_larger).clicked() {
                actions.push(Action::SetTextSize(size + TEXT_SIZE_STEP));
            }
            if ui.button(tr.text_smaller).clicked() {
                actions.push(Action::SetTextSize(size - TEXT_SIZE_STEP));
            }
            if ui.button(tr.text_reset).clicked() {
                actions.push(Action::SetTextSize(DEFAULT_TEXT_SIZE));
            }
            ui.separator();
            let mut numbers = self.settings.show_paragraph_numbers;
            if ui.checkbox(&mut numbers, tr.show_numbers).changed() {
                actions.push(Action::SetShowNumbers(numbers));
            }
        });
        ui.menu_button(tr.menu_language, |ui| {
            for language in Language::ALL {
                if ui
                    .radio(self.settings.language == language, language.native_name())
                    .clicked()
                {
                    actions.push(Action::SetLanguage(language));
                }
            }
        });
    }

    /// The screens, and the buttons that belong to the one shown.
    fn screen_tabs(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let tr = self.tr();
        for (screen, _, key) in SCREENS {
            let label = screen.label(tr);
            let tab = ui.selectable_label(self.screen == screen, RichText::new(label).strong());
            if tab.on_hover_text(key).clicked() {
                actions.push(Action::ShowScreen(screen));
            }
        }
        if self.screen == Screen::Reader
            && self.practice.in_round()
            && ui
                .button(RichText::new(tr.practice_back_to_question).strong())
                .clicked()
        {
            actions.push(Action::ShowScreen(Screen::Practice));
        }
    }

    /// The tools: the key-point panel (in the reader), open a document,
    /// search, text size, theme, and making a question from the passage.
    fn toolbar(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let tr = self.tr();
        if self.screen == Screen::Reader {
            let key_points = ui
                .selectable_label(self.settings.show_key_points, tr.kp_button)
                .on_hover_text(tr.kp_tooltip);
            if key_points.clicked() {
                actions.push(Action::SetShowKeyPoints(!self.settings.show_key_points));
            }
            ui.separator();
        }
        if ui
            .button(format!("{} {}", icons::OPEN, tr.open_button_label))
            .on_hover_text(tr.open_tooltip)
            .clicked()
        {
            actions.push(Action::ShowOpenDialog);
        }
        ui.separator();
        // Each group wraps as a whole, so a narrow window never splits a
        // label from its buttons.
        ui.horizontal(|ui| self.search_field(ui, actions));
        ui.separator();
        ui.horizontal(|ui| {
            ui.label(tr.text_size_label);
            let size = self.settings.text_size;
            if ui.button("A−").on_hover_text(tr.text_smaller).clicked() {
                actions.push(Action::SetTextSize(size - TEXT_SIZE_STEP));
            }
            ui.label(RichText::new(format!("{size:.0}")).strong())
                .on_hover_text(tr.text_reset);
            if ui.button("A+").on_hover_text(tr.text_larger).clicked() {
                actions.push(Action::SetTextSize(size + TEXT_SIZE_STEP));
            }
            let dark = ui.visuals().dark_mode;
            let (icon, next) = if dark {
                (icons::LIGHT, Theme::Light)
            } else {
                (icons::DARK, Theme::Dark)
            };
            if ui
                .button(icon)
                .on_hover_text(tr.theme_toggle_tooltip)
                .clicked()
            {
                actions.push(Action::SetTheme(next));
            }
        });
        if self.screen == Screen::Reader
            && self.marked_passage().is_some()
            && ui.button(tr.editor_from_passage).clicked()
        {
            actions.push(Action::QuestionFromPassage);
        }
    }

    /// "👤 Name": who is studying; one click switches to another learner.
    fn profile_menu(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let tr = self.tr();
        let label = match &self.profile {
            Some(store) => format!("{} {}", icons::PERSON, store.name()),
            None => tr.profile_none.to_string(),
        };
        let current = self.settings.profile.as_deref();
        ui.menu_button(RichText::new(label).strong(), |ui| {
            for p in &self.profiles {
                let chosen = self.profile.is_some() && current == Some(p.slug.as_str());
                if ui.radio(chosen, &p.name).clicked() && !chosen {
                    actions.push(Action::ChooseProfile(p.slug.clone()));
                }
            }
            ui.separator();
            if ui.button(tr.profile_menu_new).clicked() {
                actions.push(Action::ShowProfilePicker);
            }
        })
        .response
        .on_hover_text(tr.profile_tooltip);
    }

    fn search_field(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let tr = self.tr();
        // Wide enough for a phrase, narrow enough that the toolbar fits on large text.
        let width = (ui.spacing().text_edit_width * 0.75).clamp(180.0, 340.0);
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut self.search_text)
                    // A fixed id: buttons that come and go before it must not
                    // take its keyboard focus away.
                    .id_salt("search-field")
                    .hint_text(format!("{} {}", icons::SEARCH, tr.search_hint))
                    .desired_width(width)
                    .return_key(None),
            )
            .on_hover_text(tr.search_tooltip);
        if std::mem::take(&mut self.focus_search) {
            field.request_focus();
        }
        if field.changed()
            && self
                .search
                .update(&self.index, &self.doc, &self.search_text)
        {
            self.reveal_current_hit();
        }
        if field.has_focus() {
            ui.input(|i| {
                if i.key_pressed(Key::Enter) {
                    actions.push(if i.modifiers.shift {
                        Action::SearchPrevious
                    } else {
                        Action::SearchNext
                    });
                }
            });
        }
        let has_hits = !self.search.hits.is_empty();
        if ui
            .add_enabled(has_hits, egui::Button::new(icons::PREVIOUS))
            .on_hover_text(tr.search_prev)
            .clicked()
        {
            actions.push(Action::SearchPrevious);
        }
        if ui
            .add_enabled(has_hits, egui::Button::new(icons::NEXT))
            .on_hover_text(tr.search_next)
            .clicked()
        {
            actions.push(Action::SearchNext);
        }
        if !self.search.query().trim().is_empty() {
            let count = match self.search.current {
                Some(c) => fill(
                    tr.search_count,
                    &[("current", &(c + 1)), ("total", &self.search.hits.len())],
                ),
                None => tr.search_none.to_string(),
            };
            let text = RichText::new(count).strong();
            if has_hits {
                ui.label(text);
            } else {
                ui.colored_label(ui.visuals().error_fg_color, text);
            }
            if ui
                .button(icons::CLEAR)
                .on_hover_text(tr.search_clear)
                .clicked()
            {
                actions.push(Action::ClearSearch);
            }
        }
    }

    fn status_bar(&self, ui: &mut egui::Ui) {
        let tr = self.tr();
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let origin = match &self.doc.origin {
                    Origin::Bundled => tr.status_bundled.to_string(),
                    Origin::File(path) => path.display().to_string(),
                };
                let paragraphs = self
                    .doc
                    .blocks
                    .iter()
                    .filter(|b| b.anchor.kind == crate::document::AnchorKind::Paragraph)
                    .count();
                ui.label(
                    RichText::new(format!(
                        "{origin}  ·  {}",
                        fill(tr.status_paragraphs, &[("n", &paragraphs)])
                    ))
                    .small(),
                );
            });
        });
    }

    /// The notices about this screen (and the app as a whole), each with
    /// "Đóng"; information goes away by itself after a while.
    fn notice_band(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let now = ui.input(|i| i.time);
        let screen = self.screen;
        let here = |n: &Notice| n.screen.is_none_or(|s| s == screen);
        // Information shown long enough leaves; errors stay until closed.
        self.notices.retain(|n| {
            !(here(n)
                && n.kind == NoticeKind::Info
                && n.shown_at.is_some_and(|t| now - t > INFO_SECONDS))
        });
        if !self.notices.iter().any(here) {
            return actions;
        }
        for n in self.notices.iter_mut().filter(|n| here(n)) {
            n.shown_at.get_or_insert(now);
        }
        if self
            .notices
            .iter()
            .any(|n| here(n) && n.kind == NoticeKind::Info)
        {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs(1));
        }
        let tr = self.tr();
        let palette = style::palette(ui.visuals().dark_mode);
        let notices = &self.notices;
        egui::Panel::top("notices").show(ui, |ui| {
            for (i, notice) in notices.iter().enumerate().filter(|(_, n)| here(n)) {
                let fill_color = match notice.kind {
                    NoticeKind::Error => palette.error_bg,
                    NoticeKind::Info => palette.info_bg,
                };
                egui::Frame::new()
                    .fill(fill_color)
                    .inner_margin(8.0)
                    .corner_radius(4.0)
                    .show(ui, |ui| {
                        ui.horizontal_top(|ui| {
                            let icon = if notice.kind == NoticeKind::Error {
                                icons::WARNING
                            } else {
                                icons::INFO
                            };
                            ui.label(RichText::new(icon).strong());
                            // The text wraps at word boundaries in a column of
                            // its own, left-aligned (a justified layout here
                            // spread a short message letter by letter); the
                            // buttons keep their room at the right.
                            let buttons = if notice.folder.is_some() { 7.0 } else { 2.5 };
                            let close = ui.spacing().interact_size.x * buttons;
                            let width = (ui.available_width() - close).max(120.0);
                            ui.allocate_ui_with_layout(
                                egui::vec2(width, 0.0),
                                egui::Layout::top_down(egui::Align::Min),
                                |ui| {
                                    ui.set_width(width);
                                    ui.add(
                                        egui::Label::new(
                                            RichText::new(&notice.text).color(palette.text),
                                        )
                                        .wrap(),
                                    );
                                },
                            );
                            if let Some(folder) = &notice.folder
                                && ui
                                    .button(format!("{} {}", icons::OPEN_BOOK, tr.open_folder))
                                    .clicked()
                            {
                                actions.push(Action::OpenFolder(folder.clone()));
                            }
                            if ui.button(tr.close).clicked() {
                                actions.push(Action::DismissNotice(i));
                            }
                        });
                    });
                ui.add_space(4.0);
            }
        });
        actions
    }

    /// The reader, the practice screen (with the text beside it on a wide
    /// window), or the progress screen.
    fn main_area(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        self.ensure_overview();
        if self.screen == Screen::Reader {
            if self.settings.show_key_points {
                self.key_points_panel(ui);
            }
            self.reader_panel(ui);
            return Vec::new();
        }
        self.ensure_key_points(&ui.ctx().clone());
        let palette = style::palette(ui.visuals().dark_mode);
        let frame = egui::Frame::new()
            .fill(palette.page)
            .inner_margin(egui::Margin::symmetric(16, 12));
        if self.screen == Screen::Progress {
            let input = ProgressInput {
                profile: self
                    .profile
                    .as_ref()
                    .map(|s| (s.name(), s.header().fitted_on)),
                overview: self.overview.as_ref().map(|(o, _)| o),
                points: self.key_points.as_deref().unwrap_or(&[]),
                backups: &self.backups,
                fitting: self.fit_job.is_some(),
                clock: Clock::system(),
                tr: self.settings.language.strings(),
                text_size: self.settings.text_size,
                palette,
            };
            let screen = &mut self.progress_screen;
            return egui::CentralPanel::default()
                .frame(frame)
                .show(ui, |ui| screen.ui(ui, &input))
                .inner;
        }
        let user_sets_dir = self.paths.user_sets_dir();
        if self.screen == Screen::Editor {
            let input = EditorInput {
                library: &self.library,
                doc: &self.doc,
                user_sets_dir: &user_sets_dir,
                tr: self.settings.language.strings(),
                text_size: self.settings.text_size,
                palette,
            };
            let editor = &mut self.editor;
            return egui::CentralPanel::default()
                .frame(frame)
                .show(ui, |ui| editor.ui(ui, &input))
                .inner;
        }
        if matches!(self.screen, Screen::Session | Screen::Exam) {
            let now = ui.input(|i| i.time);
            let practice = PracticeInput {
                library: &self.library,
                document_id: self.doc.id(),
                user_sets_dir: &user_sets_dir,
                tr: self.settings.language.strings(),
                text_size: self.settings.text_size,
                palette,
                review: None,
            };
            if self.screen == Screen::Exam {
                let input = ExamInput {
                    practice,
                    now,
                    learner: self.profile.as_ref().map(|p| p.name()),
                };
                let exam = &mut self.exam;
                return egui::CentralPanel::default()
                    .frame(frame)
                    .show(ui, |ui| exam.ui(ui, &input))
                    .inner;
            }
            let past = self.past_sessions.get_or_insert_with(|| {
                crate::classroom::training::saved_sessions(&self.paths.data_dir)
            });
            let input = SessionInput {
                practice,
                now,
                past,
                fullscreen: self.fullscreen,
            };
            let session = &mut self.session;
            let frame = if session.is_presenting() {
                egui::Frame::new().fill(palette.page)
            } else {
                frame
            };
            return egui::CentralPanel::default()
                .frame(frame)
                .show(ui, |ui| session.ui(ui, &input))
                .inner;
        }
        let review = self.overview.as_ref().map(|(o, _)| ReviewCard {
            counts: o.counts,
            todays: o.todays_review,
        });
        let input = PracticeInput {
            library: &self.library,
            document_id: self.doc.id(),
            user_sets_dir: &user_sets_dir,
            tr: self.settings.language.strings(),
            text_size: self.settings.text_size,
            palette,
            review,
        };
        let practice = &mut self.practice;
        if ui.available_width() >= SIDE_BY_SIDE_WIDTH {
            let width = ui.available_width() * 0.5;
            let actions = egui::Panel::left("practice-panel")
                .resizable(true)
                .default_size(width)
                .size_range(width * 0.6..=width * 1.4)
                .frame(frame)
                .show(ui, |ui| practice.ui(ui, &input))
                .inner;
            // As Anki hides the back of a card: while a question waits for
            // its answer, the text beside it (often still at the previous
            // question's passage, which may hold this answer) is covered;
            // once answered, it turns to this question's passage.
            if self.practice.awaiting_answer() {
                self.text_covered(ui);
            } else {
                if let Some((key, source)) = self.practice.answered_passage()
                    && self.side_passage.as_deref() != Some(key.as_str())
                {
                    let source = source.clone();
                    self.side_passage = Some(key);
                    self.show_passage(&ui.ctx().clone(), &source);
                }
                self.reader_panel(ui);
            }
            actions
        } else {
            egui::CentralPanel::default()
                .frame(frame)
                .show(ui, |ui| practice.ui(ui, &input))
                .inner
        }
    }

    /// The place of the text beside an unanswered question.
    fn text_covered(&self, ui: &mut egui::Ui) {
        let tr = self.tr();
        let palette = style::palette(ui.visuals().dark_mode);
        egui::CentralPanel::default()
            .frame(
                egui::Frame::new()
                    .fill(palette.page)
                    .inner_margin(egui::Margin::same(24)),
            )
            .show(ui, |ui| {
                ui.add_space(ui.available_height() * 0.3);
                ui.vertical_centered(|ui| {
                    ui.label(
                        RichText::new(format!("{} {}", icons::OPEN_BOOK, tr.practice_text_covered))
                            .size(self.settings.text_size)
                            .color(palette.muted),
                    );
                });
            });
    }

    fn key_points_panel(&mut self, ui: &mut egui::Ui) {
        self.ensure_key_points(&ui.ctx().clone());
        let tr = self.settings.language.strings();
        let points = self.key_points.as_deref();
        let mastery = self
            .overview
            .as_ref()
            .map(|(o, _)| o.points.as_slice())
            .filter(|m| Some(m.len()) == points.map(<[KeyPoint]>::len));
        let width = self.settings.text_size * 15.0;
        let panel = &mut self.key_points_panel;
        let clicked = egui::Panel::right("keypoints-panel")
            .resizable(true)
            .default_size(width)
            .size_range(width * 0.6..=width * 2.0)
            .show(ui, |ui| panel.ui(ui, points, mastery, tr))
            .inner;
        if let Some((block, range)) = clicked {
            self.reader.show_passage(block, range);
        }
    }

    fn reader_panel(&mut self, ui: &mut egui::Ui) {
        let palette = style::palette(ui.visuals().dark_mode);
        let input = ReaderInput {
            doc: &self.doc,
            hits: &self.search.hits,
            current_hit: self.search.current,
            text_size: self.settings.text_size,
            show_numbers: self.settings.show_paragraph_numbers,
            palette,
            tr: self.settings.language.strings(),
        };
        let reader = &mut self.reader;
        egui::CentralPanel::default()
            .frame(
                egui::Frame::new()
                    .fill(palette.page)
                    .inner_margin(egui::Margin::symmetric(0, 12)),
            )
            .show(ui, |ui| reader.ui(ui, &input));
    }

    fn dialog(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let tr = self.tr();
        let outcome = self.open_dialog.as_mut().and_then(|d| d.ui(ctx, tr));
        match outcome {
            Some(DialogOutcome::Open(path)) => {
                let purpose = self.open_dialog.take().map(|d| d.purpose);
                if purpose == Some(DialogPurpose::Progress) {
                    vec![Action::ImportProgress(path)]
                } else {
                    vec![Action::Open(path)]
                }
            }
            Some(DialogOutcome::Cancel) => {
                self.open_dialog = None;
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    fn profile_dialog(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let tr = self.tr();
        let current = self.settings.profile.clone();
        let Some(picker) = &mut self.profile_picker else {
            return Vec::new();
        };
        match picker.ui(
            ctx,
            tr,
            &self.profiles,
            &self.profile_problems,
            current.as_deref(),
        ) {
            Some(PickerOutcome::Choose(slug)) => vec![Action::ChooseProfile(slug)],
            Some(PickerOutcome::Create(name)) => vec![Action::CreateProfile(name)],
            Some(PickerOutcome::Later) => {
                self.profile_picker = None;
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    /// Saves finished by the saver thread, and FSRS fitting.
    fn poll_background(&mut self, ctx: &egui::Context) {
        let tr = self.tr();
        if let Some(store) = &mut self.profile {
            for e in store.poll() {
                self.notices.push(Notice::error(fill(
                    tr.progress_save_failed,
                    &[("error", &e)],
                )));
            }
        }
        let Some(job) = &self.fit_job else {
            return;
        };
        match job.try_recv() {
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(Duration::from_millis(200));
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.fit_job = None,
            Ok((answers, result)) => {
                self.fit_job = None;
                match result {
                    Ok(parameters) => {
                        if let Some(store) = &mut self.profile {
                            store.set_parameters(Some(parameters), answers);
                            store.save();
                        }
                        self.notices.push(Notice {
                            screen: Some(Screen::Progress),
                            ..Notice::info(fill(tr.progress_fsrs_fitted, &[("n", &answers)]))
                        });
                        self.progress_changed();
                    }
                    Err(error) => {
                        let error = match error {
                            FitError::TooFew { answers } => fill(
                                tr.progress_fit_need,
                                &[
                                    ("need", &crate::progress::schedule::FIT_FROM),
                                    ("n", &answers),
                                ],
                            ),
                            FitError::Failed(e) => e,
                        };
                        self.notices.push(Notice {
                            screen: Some(Screen::Progress),
                            ..Notice::error(fill(tr.progress_fit_failed, &[("error", &error)]))
                        });
                    }
                }
            }
        }
    }

    fn drop_overlay(&self, ctx: &egui::Context) {
        if ctx.input(|i| i.raw.hovered_files.is_empty()) {
            return;
        }
        let rect = ctx.content_rect();
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("drop"),
        ));
        let dark = ctx.global_style().visuals.dark_mode;
        painter.rect_filled(rect, 0.0, reader::overlay_color(dark));
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            self.tr().drop_hint,
            egui::FontId::proportional(self.settings.text_size * 1.5),
            style::palette(dark).text,
        );
    }

    fn reveal_current_hit(&mut self) {
        if let Some(hit) = self.search.current_hit() {
            self.reader.scroll_to(ScrollTarget::Text {
                block: hit.block,
                byte: hit.range.start,
            });
        }
    }

    /// Applies one action. Public so tests can drive the app without a mouse.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::ShowOpenDialog => {
                let start = match &self.doc.origin {
                    Origin::File(p) => p.parent().map(PathBuf::from),
                    Origin::Bundled => None,
                }
                .or_else(|| directories::UserDirs::new().map(|u| u.home_dir().to_path_buf()))
                .unwrap_or_else(|| PathBuf::from("."));
                self.open_dialog = Some(OpenDialog::new(&start));
            }
            Action::Open(path) => self.open(path),
            Action::OpenBundled => self.set_document(Document::bundled()),
            Action::SetTheme(theme) => self.change_settings(|s| s.theme = theme),
            Action::SetTextSize(size) => self.change_settings(|s| s.set_text_size(size)),
            Action::SetLanguage(language) => self.change_settings(|s| s.language = language),
            Action::SetShowNumbers(show) => {
                self.change_settings(|s| s.show_paragraph_numbers = show)
            }
            Action::SetShowKeyPoints(show) => self.change_settings(|s| s.show_key_points = show),
            Action::SearchNext => {
                self.search.go_next();
                self.reveal_current_hit();
            }
            Action::SearchPrevious => {
                self.search.go_previous();
                self.reveal_current_hit();
            }
            Action::ClearSearch => {
                self.search.clear();
                self.search_text.clear();
            }
            Action::OpenFolder(folder) => {
                if let Err(e) = crate::desktop::open_folder(&folder) {
                    self.error(format!("{}: {e}", folder.display()));
                }
            }
            Action::DismissNotice(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
            Action::ShowScreen(screen) => self.screen = screen,
            Action::ShowPassage(source) => self.show_passage(ctx, &source),
            Action::ShowKeyPoint(block, range) => {
                self.reader.show_passage(block, range);
                self.screen = Screen::Reader;
            }
            Action::Answered(answered) => self.record_answer(*answered),
            Action::StartReview => self.start_review(),
            Action::PracticePoints(points) => self.practise_points(&points),
            Action::ShowProfilePicker => {
                self.refresh_profiles();
                self.profile_picker = Some(ProfilePicker::default());
            }
            Action::ChooseProfile(slug) => self.choose_profile(&slug),
            Action::CreateProfile(name) => self.create_profile(&name),
            Action::ExportProgress => self.export_progress(),
            Action::ShowImportDialog => {
                let start = Some(self.paths.documents_dir.clone())
                    .filter(|d| d.is_dir())
                    .or_else(|| directories::UserDirs::new().map(|u| u.home_dir().to_path_buf()))
                    .unwrap_or_else(|| PathBuf::from("."));
                self.open_dialog = Some(OpenDialog::for_purpose(&start, DialogPurpose::Progress));
            }
            Action::ImportProgress(path) => self.import_progress(&path),
            Action::RestoreBackup(path) => self.restore_backup(&path),
            Action::FitParameters => self.fit_parameters(ctx),
            Action::SaveSession(result) => self.save_session(&result),
            Action::ExportSessionCsv(result) => self.export_session_csv(&result),
            Action::SetFullscreen(on) => {
                self.fullscreen = on;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
            }
            Action::ExamFinished(exam) => self.record_exam(&exam),
            Action::ExportExamResult => self.export_exam_result(),
            Action::SetsChanged => self.reload_sets(),
            Action::QuestionFromPassage => {
                if let Some(source) = self.marked_passage() {
                    let user_sets_dir = self.paths.user_sets_dir();
                    let input = EditorInput {
                        library: &self.library,
                        doc: &self.doc,
                        user_sets_dir: &user_sets_dir,
                        tr: self.settings.language.strings(),
                        text_size: self.settings.text_size,
                        palette: style::palette(ctx.global_style().visuals.dark_mode),
                    };
                    self.editor.question_from_passage(source, &input);
                    self.screen = Screen::Editor;
                }
            }
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Where files for the user to take away go; made if missing.
    fn documents_dir(&mut self) -> Option<PathBuf> {
        let dir = self.paths.documents_dir.clone();
        match std::fs::create_dir_all(&dir) {
            Ok(()) => Some(dir),
            Err(e) => {
                self.error(format!("{}: {e}", dir.display()));
                None
            }
        }
    }

    fn save_session(&mut self, result: &crate::classroom::training::TrainingResult) {
        let path = crate::classroom::training::session_file(&self.paths.data_dir, result.started);
        let first = !path.exists();
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| crate::storage::write_ron(&path, result));
        let tr = self.tr();
        match written {
            Ok(()) if first => self.info(tr.session_saved_in_app.to_string()),
            Ok(()) => {}
            Err(e) => self.error(fill(tr.session_export_failed, &[("error", &e)])),
        }
        self.past_sessions = None;
    }

    fn export_session_csv(&mut self, result: &crate::classroom::training::TrainingResult) {
        let tr = self.tr();
        let Some(dir) = self.documents_dir() else {
            return;
        };
        let stamp = crate::storage::utc_timestamp(
            std::time::UNIX_EPOCH + Duration::from_millis(result.started.max(0) as u64),
        );
        let path = dir.join(format!("bang-diem-{stamp}.csv"));
        let csv = result.to_csv(tr.csv_question, tr.csv_total);
        match crate::storage::write_atomic(&path, csv.as_bytes()) {
            // The folder in words, the file by its name, and "Mở thư mục".
            Ok(()) => self.info_written(tr.session_saved_words, &path),
            Err(e) => self.error(fill(tr.session_export_failed, &[("error", &e)])),
        }
    }

    /// Every question of a handed-in exam goes into the learner's progress;
    /// an unanswered one counts as wrong.
    fn record_exam(&mut self, exam: &crate::classroom::exam::Exam) {
        let (Some(store), Some(outcome)) = (&mut self.profile, &exam.outcome) else {
            return;
        };
        let at = now_ms();
        let millis = (outcome.seconds * 1000.0 / exam.items.len().max(1) as f64) as u32;
        for ((item, response), grade) in exam.items.iter().zip(&exam.responses).zip(&outcome.grades)
        {
            let question = &item.question;
            let reference = QuestionRef {
                document: item.document.clone(),
                set: item.set_key.clone(),
                id: question.id.clone(),
                fingerprint: crate::progress::record::fingerprint(question),
            };
            let index = store.intern(&reference);
            store.record(crate::progress::Attempt {
                question: index,
                at,
                millis,
                verdict: grade.verdict,
                score: grade.score,
                rating: rating(
                    grade.verdict,
                    grade.score,
                    millis,
                    expected_millis(question),
                ),
                mode: Mode::Exam,
                response: response.clone(),
            });
        }
        store.save();
        self.progress_changed();
    }

    fn export_exam_result(&mut self) {
        let tr = self.tr();
        let learner = self
            .profile
            .as_ref()
            .map_or_else(String::new, |p| p.name().to_string());
        let Some(result) = self.exam.exam().and_then(|e| e.result(&learner)) else {
            return;
        };
        let Some(dir) = self.documents_dir() else {
            return;
        };
        let stamp = crate::storage::utc_timestamp(
            std::time::UNIX_EPOCH + Duration::from_millis(result.finished.max(0) as u64),
        );
        let path = dir.join(format!("ket-qua-{}-{stamp}.ron", profiles::slug(&learner)));
        match crate::storage::write_ron(&path, &result) {
            Ok(()) => self.info_written(tr.exam_exported, &path),
            Err(e) => self.error(fill(tr.session_export_failed, &[("error", &e)])),
        }
    }

    /// The sentence the reader has marked (a key point, a question's
    /// passage) or holds the current search hit, as a question's source.
    fn marked_passage(&self) -> Option<Source> {
        let (block, start) = match (self.reader.focus(), self.search.current) {
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
    fn reload_sets(&mut self) {
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
        self.practice = PracticeScreen::default();
        self.progress_changed();
    }

    /// Information about what was just done on this screen: shown there.
    fn info(&mut self, text: String) {
        let screen = Some(self.screen);
        self.notices.push(Notice {
            screen,
            ..Notice::info(text)
        });
    }

    /// A file written for the user: where it went, in words, with a button
    /// that opens its folder.
    fn info_written(&mut self, template: &str, path: &Path) {
        let tr = self.tr();
        let folder = path.parent().map(Path::to_path_buf);
        let folder_words = match &folder {
            Some(f) if *f == self.paths.documents_dir => tr.folder_documents.to_string(),
            Some(f) => f.display().to_string(),
            None => String::new(),
        };
        let file = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let place = fill(
            tr.written_place,
            &[("folder", &folder_words), ("file", &file)],
        );
        let screen = Some(self.screen);
        self.notices.push(Notice {
            screen,
            folder,
            ..Notice::info(fill(template, &[("place", &place)]))
        });
    }

    /// Something that went wrong with what was just done on this screen.
    fn error(&mut self, text: String) {
        let screen = Some(self.screen);
        self.notices.push(Notice {
            screen,
            ..Notice::error(text)
        });
    }

    fn record_answer(&mut self, answered: Answered) {
        let Some(store) = &mut self.profile else {
            return;
        };
        let Answered {
            item,
            attempt,
            mode,
        } = answered;
        let question = &item.question;
        let millis = attempt.time.as_millis().min(u128::from(u32::MAX)) as u32;
        let reference = QuestionRef {
            document: item.document.clone(),
            set: item.set_key.clone(),
            id: question.id.clone(),
            fingerprint: crate::progress::record::fingerprint(question),
        };
        let index = store.intern(&reference);
        store.record(crate::progress::Attempt {
            question: index,
            at: now_ms(),
            millis,
            verdict: attempt.grade.verdict,
            score: attempt.grade.score,
            rating: rating(
                attempt.grade.verdict,
                attempt.grade.score,
                millis,
                expected_millis(question),
            ),
            mode,
            response: Some(attempt.response),
        });
        store.save();
        self.progress_changed();
    }

    /// Starts a round of the given questions of the study list.
    fn practise(&mut self, chosen: &[usize], mode: Mode) {
        let Some(study) = &self.study else {
            return;
        };
        let picks: Vec<_> = chosen
            .iter()
            .map(|&i| {
                let (s, q) = study.picks[i];
                let set = &self.library.sets[s];
                (set, &set.set.questions[q])
            })
            .collect();
        if picks.is_empty() {
            return;
        }
        let practice = Practice::chosen(&picks, now_ms() as u64);
        self.practice.begin(practice, mode);
        self.screen = Screen::Practice;
    }

    fn start_review(&mut self) {
        self.ensure_study();
        let (Some(store), Some(study)) = (&self.profile, &self.study) else {
            return;
        };
        let order = store
            .schedule()
            .todays_review(&study.refs, &Clock::system());
        self.practise(&order, Mode::Review);
    }

    /// The questions on these key points, weakest point first, each once.
    fn practise_points(&mut self, points: &[usize]) {
        self.ensure_study();
        let Some(study) = &self.study else {
            return;
        };
        let mut chosen = Vec::new();
        for &p in points {
            for &q in study.by_point.get(p).into_iter().flatten() {
                if !chosen.contains(&q) {
                    chosen.push(q);
                }
            }
        }
        self.practise(&chosen, Mode::Practice);
    }

    fn create_profile(&mut self, name: &str) {
        let tr = self.tr();
        let root = profiles::root(&self.paths);
        match profiles::create(&root, name, now_ms()) {
            Ok(info) => {
                self.refresh_profiles();
                self.choose_profile(&info.slug);
            }
            Err(error) => {
                let message = match error {
                    CreateError::Empty => tr.profile_name_empty.to_string(),
                    CreateError::Exists(p) => fill(tr.profile_name_taken, &[("name", &p.name)]),
                    CreateError::Io(e) => fill(tr.profile_error, &[("name", &name), ("error", &e)]),
                };
                self.profile_picker
                    .get_or_insert_with(ProfilePicker::default)
                    .set_message(message);
            }
        }
    }

    /// Writes the learner's whole history to their Documents folder.
    fn export_progress(&mut self) {
        let tr = self.tr();
        let Some(store) = &self.profile else {
            return;
        };
        let folder = &self.paths.documents_dir;
        if let Err(e) = std::fs::create_dir_all(folder) {
            self.error(fill(tr.progress_export_failed, &[("error", &e)]));
            return;
        }
        let slug = profiles::slug(store.name());
        let stamp = &crate::storage::utc_timestamp(std::time::SystemTime::now())[..8];
        let path = folder.join(format!("tien-do-{slug}-{stamp}.ron"));
        match export(&path, store.name(), store.progress(), now_ms()) {
            Ok(()) => self.info_written(tr.progress_exported, &path),
            Err(e) => self.error(fill(tr.progress_export_failed, &[("error", &e)])),
        }
    }

    fn import_progress(&mut self, path: &std::path::Path) {
        let tr = self.tr();
        let Some(store) = &mut self.profile else {
            return;
        };
        match read_export(path) {
            Ok((name, theirs)) => {
                let added = store.merge(&theirs);
                store.save();
                self.info(fill(
                    tr.progress_imported,
                    &[("n", &added), ("name", &name), ("path", &path.display())],
                ));
                self.progress_changed();
            }
            Err(e) => self.error(fill(
                tr.progress_import_failed,
                &[("path", &path.display()), ("error", &e)],
            )),
        }
    }

    fn restore_backup(&mut self, backup: &std::path::Path) {
        let tr = self.tr();
        let Some(store) = &mut self.profile else {
            return;
        };
        let at = self.backups.iter().find(|b| b.path == backup).map(|b| b.at);
        match store.restore(backup) {
            Ok(notices) => {
                for notice in notices {
                    let text = self.describe_store_notice(&notice);
                    self.error(text);
                }
                let time = at.map_or_else(String::new, |at| format_local(&Clock::system(), at));
                self.info(fill(tr.progress_restored, &[("time", &time)]));
                self.progress_changed();
            }
            Err(e) => self.error(fill(tr.progress_restore_failed, &[("error", &e)])),
        }
    }

    /// Fits FSRS to the learner's answers on a worker thread (it takes seconds).
    fn fit_parameters(&mut self, ctx: &egui::Context) {
        let Some(store) = &self.profile else {
            return;
        };
        if self.fit_job.is_some() {
            return;
        }
        let progress = store.progress().clone();
        let (send, receive) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = crate::progress::schedule::fit(&progress, &Clock::system());
            let _ = send.send((progress.attempts().len(), result));
            ctx.request_repaint();
        });
        self.fit_job = Some(receive);
    }

    fn open(&mut self, path: PathBuf) {
        match crate::document::open_document(&path) {
            Ok(opened) => {
                self.change_settings(|s| s.remember_recent(&path));
                // Converted from an old encoding, or something the reader
                // left out: said once, as information, on this screen.
                let tr = self.tr();
                if let Some(conversion) = &opened.document.conversion {
                    self.info(crate::i18n::describe_conversion(tr, conversion));
                }
                for n in &opened.notices {
                    self.info(crate::i18n::describe_notice(tr, n));
                }
                self.set_document(opened.document);
            }
            Err(error) => {
                let tr = self.tr();
                self.error(format!(
                    "{} {} {}",
                    fill(tr.open_failed, &[("path", &path.display())]),
                    describe_load_error(tr, &error),
                    tr.kept_document
                ));
            }
        }
    }

    /// Opens the reader at a question's passage: the anchor's block, the quoted
    /// words marked; if numbering has shifted, wherever the quote occurs.
    fn show_passage(&mut self, ctx: &egui::Context, source: &Source) {
        let in_block = |block: usize| {
            let text = &self.doc.blocks[block].text;
            text.find(&source.quote)
                .map(|at| (block, at..at + source.quote.len()))
        };
        let located = self.doc.locate(source.anchor);
        let found = located
            .as_ref()
            .and_then(|loc| in_block(loc.block))
            .or_else(|| (0..self.doc.blocks.len()).find_map(in_block))
            .or_else(|| {
                located.map(|loc| {
                    let whole = 0..self.doc.blocks[loc.block].text.len();
                    (loc.block, loc.range.unwrap_or(whole))
                })
            });
        match found {
            Some((block, range)) => {
                self.reader.show_passage(block, range);
                if ctx.content_rect().width() < SIDE_BY_SIDE_WIDTH {
                    self.screen = Screen::Reader;
                }
            }
            None => {
                let tr = self.tr();
                self.error(fill(
                    tr.passage_not_found,
                    &[("quote", &source.quote), ("anchor", &source.anchor)],
                ));
            }
        }
    }

    fn set_document(&mut self, doc: Document) {
        self.doc = doc;
        self.key_points = None;
        self.key_points_job = None;
        self.key_points_panel = Default::default();
        self.practice = PracticeScreen::default();
        self.study = None;
        self.progress_changed();
        self.index = SearchIndex::new();
        self.search.clear();
        self.reader.reset();
        // Old "could not open" messages no longer apply to what is on screen.
        self.notices.retain(|n| n.kind != NoticeKind::Error);
        let search_text = std::mem::take(&mut self.search_text);
        if !search_text.is_empty() {
            self.search.update(&self.index, &self.doc, &search_text);
            self.search_text = search_text;
            self.reveal_current_hit();
        }
    }

    fn change_settings(&mut self, change: impl FnOnce(&mut Settings)) {
        change(&mut self.settings);
        self.settings_changed_at = Some(Instant::now());
    }

    /// Saves changed settings half a second after the last change, so that
    /// pressing Ctrl + five times writes the file once.
    fn save_settings_if_due(&mut self, ctx: &egui::Context) {
        let Some(changed) = self.settings_changed_at else {
            return;
        };
        let delay = Duration::from_millis(500);
        if changed.elapsed() >= delay {
            self.save_settings();
        } else {
            ctx.request_repaint_after(delay);
        }
    }

    /// Writes the settings now (also called when the window closes).
    pub fn save_settings(&mut self) {
        self.settings_changed_at = None;
        if !self.settings_writable {
            return;
        }
        if let Err(e) = settings::save(&self.paths.settings_file(), &self.settings) {
            let tr = self.tr();
            self.notices.push(Notice::error(fill(
                tr.settings_save_failed,
                &[("error", &e)],
            )));
        }
    }
}

/// A thick ring around the widget that has the keyboard focus, so someone
/// using Tab always sees where they are (egui's own cue is faint).
fn focus_ring(ctx: &egui::Context) {
    let Some(response) = ctx
        .memory(|m| m.focused())
        .and_then(|id| ctx.read_response(id))
    else {
        return;
    };
    let color = style::palette(ctx.global_style().visuals.dark_mode).selection;
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("focus-ring"),
    ));
    // The visible part of the widget (a field scrolled half out of view is
    // ringed where it shows).
    let visible = response.interact_rect;
    if !visible.is_positive() {
        return;
    }
    painter.rect_stroke(
        visible.expand(2.0),
        4.0,
        egui::Stroke::new(3.0, color),
        egui::StrokeKind::Outside,
    );
}

fn dropped_file(ctx: &egui::Context) -> Option<PathBuf> {
    ctx.input(|i| {
        i.raw.dropped_files.iter().find_map(|f| {
            Some(f.path())
                .filter(|p| !p.as_os_str().is_empty())
                .map(PathBuf::from)
        })
    })
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    /// The glyph atlas is as wide as the widest texture the driver allows
    /// (16,384 pixels in Mesa's software renderer), and every row of it is
    /// uploaded: 4 MB for the first frame's glyphs. A narrower atlas holds
    /// the same glyphs in a quarter of that, and the first frame shows
    /// sooner. The app draws no image of its own that would need more.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        raw_input.max_texture_side = Some(
            raw_input
                .max_texture_side
                .map_or(MAX_TEXTURE_SIDE, |side| side.min(MAX_TEXTURE_SIDE)),
        );
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_settings();
        self.flush_progress();
        self.editor.write_draft();
    }
}

/// The window a start opens: on the first start, maximised, so it fills the
/// work area of whatever screen it opens on (office PCs and projectors still
/// have 1366×768 and 1024×768, where a fixed 1100×800 window lost its status
/// bar under the taskbar); the size under it, for a window manager that does
/// not maximise, fits a 1024×768 screen with a taskbar and a title bar. After
/// that, the size and state the user left it in.
pub fn first_window(remembered: Option<[f32; 2]>, was_maximized: bool) -> ([f32; 2], bool) {
    match remembered {
        None => ([1000.0, 660.0], true),
        Some(size) => (size, was_maximized),
    }
}

/// Opens the window and runs until it is closed.
pub fn run(startup: Startup) -> eframe::Result {
    let settings = &startup.settings;
    let (size, maximized) = first_window(settings.window_size, settings.window_maximized);
    let viewport = egui::ViewportBuilder::default()
        .with_title(WINDOW_TITLE)
        .with_app_id("nghiquyet")
        .with_inner_size(size)
        .with_min_inner_size([480.0, 360.0])
        .with_maximized(maximized)
        .with_drag_and_drop(true);
    let options = eframe::NativeOptions {
        viewport,
        persist_window: false,
        ..Default::default()
    };
    crate::trace::mark("window options");
    eframe::run_native(
        WINDOW_TITLE,
        options,
        Box::new(|cc| {
            crate::trace::mark("window and OpenGL ready");
            let mut app = App::new(startup);
            crate::trace::mark("app state (learner's history)");
            app.install_fonts(&cc.egui_ctx);
            crate::trace::mark("fonts given to egui");
            Ok(Box::new(app))
        }),
    )
}

/// The start-up trace's view of a frame: the second frame starts once the
/// first is on screen. Closes the window then when the trace asks for it.
fn trace_frame(ctx: &egui::Context) {
    if crate::trace::on()
        && crate::trace::first_frame_shown(ctx.cumulative_frame_nr(), ctx.cumulative_pass_nr())
    {
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}
