//! The frame pipeline: [`App`] holds the [`Workspace`] and the state of
//! each screen; every frame it reads the keys, draws the bars, the screen
//! and the dialogs (each hands back [`Action`]s), then applies the actions
//! in order, so state never changes mid-layout.

use std::path::PathBuf;

use super::command::{Command, Scope};
use super::editor_screen::{EditorInput, EditorScreen};
use super::exam_screen::ExamScreen;
use super::keypoints_panel::KeyPointsPanel;
use super::look::Look;
use super::open_dialog::{DialogPurpose, OpenDialog};
use super::paste_dialog::PasteDialog;
use super::practice::{Answered, PracticeScreen};
use super::profile_picker::ProfilePicker;
use super::progress_screen::ProgressScreen;
use super::reader::{Reader, ScrollTarget};
use super::session_screen::SessionScreen;
use super::{MAX_TEXTURE_SIDE, fonts, side_by_side, style};
use crate::document::Document;
use crate::i18n::{Language, Strings, fill};
use crate::progress::{Mode, ProfileStore};
use crate::quiz::practice::Practice;
use crate::quiz::{Library, Source};
use crate::search::SearchSession;
use crate::settings::{DEFAULT_TEXT_SIZE, Settings, TEXT_SIZE_STEP, Theme};
use crate::startup::Startup;
use crate::workspace::{LearnerOutcome, Notice, Screen, Workspace};

/// A change asked for by a screen, a bar or a dialog, applied after the
/// frame. Commands from the table ([`Command`]) come as [`Action::Run`];
/// the rest carry what the change needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A command of the table (a key, a menu entry, a button).
    Run(Command),
    ShowOpenDialog,
    Open(PathBuf),
    OpenBundled,
    SetTheme(Theme),
    SetTextSize(f32),
    SetLanguage(Language),
    SetShowNumbers(bool),
    SetShowKeyPoints(bool),
    /// The words in the search field changed.
    Search(String),
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
    /// Mark a key point's passage in the reader (the reader stays shown).
    MarkPassage(usize, std::ops::Range<usize>),
    /// Record an answer in the learner's progress.
    Answered(Box<Answered>),
    StartReview,
    /// Practise the questions on these key points (indices).
    PracticePoints(Vec<usize>),
    ShowProfilePicker,
    /// The profile picker was put away for now.
    CloseProfilePicker,
    /// Switch to the learner with this folder name.
    ChooseProfile(String),
    CreateProfile(String),
    ExportProgress,
    ShowImportDialog,
    ImportProgress(PathBuf),
    /// The file chooser was closed without a choice.
    CloseOpenDialog,
    /// Text arrived from the clipboard, to open as a document.
    Pasted(String),
    /// Keep pasted text as a document under this title, and open it.
    OpenPasted {
        title: String,
        text: String,
    },
    ClosePasteDialog,
    RestoreBackup(PathBuf),
    FitParameters,
    /// Save a training session's results (after every change).
    SaveSession(Box<crate::classroom::training::TrainingResult>),
    ExportSessionCsv(Box<crate::classroom::training::TrainingResult>),
    /// Open the room for phones: the session's plan and questions.
    OpenRoom(
        Box<(
            crate::classroom::live::PhonesPlan,
            Vec<crate::quiz::practice::Item>,
        )>,
    ),
    /// The projector moved on: the phones follow.
    RoomShow(crate::classroom::live::Show),
    /// The trainer takes a player out of the session.
    RemovePlayer(u32),
    /// The session with phones ended: stop listening.
    CloseRoom,
    /// Remember whether sessions are answered on phones, and how.
    SetSessionPhones(Option<crate::classroom::live::PhonesPlan>),
    SetFullscreen(bool),
    /// An exam was handed in (by the learner or the clock): record it.
    ExamFinished(Box<crate::classroom::exam::Exam>),
    /// Write the handed-in exam's result file for the trainer.
    ExportExamResult,
    /// Keep the exam being sat (after every answer), to resume it after a
    /// crash or a power cut.
    SaveSitting(Box<crate::classroom::exam::Sitting>),
    /// The exam kept from before could not be resumed.
    SittingUnusable,
    /// Choose a result file whose folder holds a class's results.
    ShowResultsDialog,
    /// Put together the results in this folder (against the exam file open,
    /// if one is) into a workbook.
    ReportResults(PathBuf),
    /// Choose a question file (Word, text, GIFT, CSV) to bring in.
    ShowQuestionImport,
    /// Bring in the questions of this file as a set, and open it.
    ImportQuestions(PathBuf),
    /// Save an exam file the trainer made.
    WriteExamFile(Box<crate::classroom::exam_file::ExamFile>),
    /// Question sets were saved or deleted: read them again.
    SetsChanged,
    /// Start a question about the passage marked in the reader.
    QuestionFromPassage,
    Quit,
}

pub struct App {
    pub(super) ws: Workspace,
    /// What the search field holds (the search runs on it after the frame).
    pub(super) search_text: String,
    pub(super) focus_search: bool,
    pub(super) reader: Reader,
    pub(super) key_points_panel: KeyPointsPanel,
    pub(super) practice: PracticeScreen,
    pub(super) profile_picker: Option<ProfilePicker>,
    pub(super) progress_screen: ProgressScreen,
    pub(super) session: SessionScreen,
    pub(super) fullscreen: bool,
    pub(super) exam: ExamScreen,
    pub(super) editor: EditorScreen,
    pub(super) open_dialog: Option<OpenDialog>,
    pub(super) paste_dialog: Option<PasteDialog>,
    /// "Dán văn bản" asked the system for the clipboard's text.
    paste_requested: bool,
    /// The text size and theme egui's style was last built for.
    applied_style: Option<(f32, Theme)>,
    fonts_installed: bool,
    /// Whether a remembered window size was checked against the screen.
    window_fitted: bool,
    /// The answered question whose passage the text beside practice shows.
    pub(super) side_passage: Option<String>,
    /// What start-up asks of the first frame (an exam file to open).
    pending: Vec<Action>,
}

impl App {
    pub fn new(mut startup: Startup) -> Self {
        let exam_file = startup.exam_file.take();
        let (ws, learner) = Workspace::new(startup);
        let mut app = Self {
            ws,
            search_text: String::new(),
            focus_search: false,
            reader: Reader::new(),
            key_points_panel: Default::default(),
            practice: PracticeScreen::default(),
            profile_picker: None,
            progress_screen: ProgressScreen::default(),
            session: SessionScreen::default(),
            fullscreen: false,
            exam: ExamScreen::default(),
            editor: EditorScreen::default(),
            open_dialog: None,
            paste_dialog: None,
            paste_requested: false,
            applied_style: None,
            fonts_installed: false,
            window_fitted: false,
            side_passage: None,
            pending: Vec::new(),
        };
        // The learner who studied last, or the question who is studying.
        let outcome = app.ws.open_last_learner(learner);
        app.learner_outcome(outcome);
        // An exam being sat when the app stopped goes on first of all.
        if let Some(sitting) = app.ws.take_sitting() {
            app.exam.resume_later(sitting);
            app.ws.screen = Screen::Exam;
            app.profile_picker = None;
            let resumed = app.ws.tr().exam_resumed.to_string();
            app.ws.info(resumed);
            if let Some(path) = exam_file {
                let later = fill(
                    app.ws.tr().exam_file_after_sitting,
                    &[("file", &path.display())],
                );
                app.ws.info(later);
            }
        } else if let Some(path) = exam_file {
            app.pending.push(Action::Open(path));
            app.profile_picker = None;
        }
        app
    }

    /// The picker stays (with why) unless a learner is now studying.
    fn learner_outcome(&mut self, outcome: LearnerOutcome) {
        match outcome {
            LearnerOutcome::Opened => self.profile_picker = None,
            LearnerOutcome::NoneChosen => {
                self.profile_picker
                    .get_or_insert_with(ProfilePicker::default);
            }
            LearnerOutcome::Failed(message) => self
                .profile_picker
                .get_or_insert_with(ProfilePicker::default)
                .set_message(message),
        }
    }

    // ----- What tests and the start-up code look at -----

    /// What the window works on, without the window.
    pub fn workspace(&self) -> &Workspace {
        &self.ws
    }

    /// The learner whose progress is recorded, if any.
    pub fn profile(&self) -> Option<&ProfileStore> {
        self.ws.profile()
    }

    /// Saves the learner's progress and waits for it (on exit, and in tests).
    pub fn flush_progress(&mut self) {
        self.ws.flush_progress();
    }

    pub fn document(&self) -> &Document {
        &self.ws.doc
    }

    pub fn settings(&self) -> &Settings {
        &self.ws.settings
    }

    pub fn notices(&self) -> &[Notice] {
        &self.ws.notices
    }

    pub fn search(&self) -> &SearchSession {
        &self.ws.search
    }

    pub fn screen(&self) -> Screen {
        self.ws.screen
    }

    pub fn library(&self) -> &Library {
        &self.ws.library
    }

    pub fn practice(&self) -> &PracticeScreen {
        &self.practice
    }

    pub fn session(&self) -> &SessionScreen {
        &self.session
    }

    /// The room for phones, while a session with phones runs.
    pub fn room(&self) -> Option<&crate::workspace::Room> {
        self.ws.room()
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

    /// The passage the reader marks, as block index and byte range.
    pub fn focused_passage(&self) -> Option<&(usize, std::ops::Range<usize>)> {
        self.reader.focus()
    }

    /// Writes the settings now (also called when the window closes).
    pub fn save_settings(&mut self) {
        self.ws.save_settings();
    }

    pub(super) fn tr(&self) -> &'static Strings {
        self.ws.tr()
    }

    // ----- The frame -----

    /// One frame of the whole window.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        trace_frame(&ctx);
        self.install_look(&ctx);
        let mut actions = std::mem::take(&mut self.pending);
        actions.extend(self.shortcuts(&ctx));
        self.keep_to_the_exam();
        self.remember_window(&ctx);

        // A presentation fills the window: no bars, no notices.
        let presenting = self.ws.screen == Screen::Session && self.session.is_presenting();
        if !presenting {
            actions.extend(self.top_bars(ui));
            self.status_bar(ui);
            self.opening_band(ui);
            actions.extend(self.notice_band(ui));
        }
        actions.extend(self.main_area(ui));
        actions.extend(self.open_dialog(&ctx));
        actions.extend(self.paste_dialog(&ctx));
        actions.extend(self.profile_dialog(&ctx));
        if let Some(again) = self.ws.poll_background() {
            ctx.request_repaint_after(again);
        }
        self.poll_opening(&ctx);
        if let Some(again) = self.ws.poll_room() {
            ctx.request_repaint_after(again);
        }
        actions.extend(self.overlays(&ctx));

        for action in actions {
            self.apply(&ctx, action);
        }
        if let Some(wait) = self.ws.save_settings_if_due() {
            ctx.request_repaint_after(wait);
        }
        if ctx.cumulative_frame_nr() == 0 && crate::trace::on() {
            let [w, h] = ctx.fonts(|f| f.font_image_size());
            crate::trace::mark(&format!("first frame laid out (glyph atlas {w}x{h})"));
            ctx.request_repaint();
        }
    }

    /// Our fonts, once. Before the first pass where possible (see
    /// [`super::run`]): set during a pass, egui has already built its
    /// default fonts for it.
    pub(super) fn install_fonts(&mut self, ctx: &egui::Context) {
        if !self.fonts_installed {
            ctx.set_fonts(fonts::definitions());
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            self.fonts_installed = true;
        }
    }

    /// Fonts once; theme and sizes whenever they change.
    fn install_look(&mut self, ctx: &egui::Context) {
        self.install_fonts(ctx);
        let wanted = (self.ws.settings.text_size, self.ws.settings.theme);
        if self.applied_style != Some(wanted) {
            style::apply(ctx, &self.ws.settings);
            self.applied_style = Some(wanted);
        }
    }

    /// The window's keys, from the command table.
    fn shortcuts(&mut self, ctx: &egui::Context) -> Vec<Action> {
        // Esc clears a search only while one is shown (and no dialog is
        // open): otherwise it belongs to the screen.
        let searching = self.open_dialog.is_none() && !self.ws.search.query().is_empty();
        let enabled = |c: Command| (c != Command::ClearSearch || searching) && c != Command::Paste;
        let mut actions: Vec<Action> = ctx
            .input_mut(|i| Command::pressed_in(Scope::Window, i, enabled))
            .into_iter()
            .map(Action::Run)
            .collect();
        // Ctrl+V reaches egui as pasted text. It opens a document when asked
        // for ("Dán văn bản"), or on the reader when no field has the
        // keyboard and no dialog is open; otherwise it is the field's.
        let free = self.ws.screen == Screen::Reader
            && ctx.memory(|m| m.focused()).is_none()
            && self.open_dialog.is_none()
            && self.paste_dialog.is_none()
            && self.profile_picker.is_none();
        if self.paste_requested || free {
            let pasted = ctx.input(|i| {
                i.events.iter().find_map(|e| match e {
                    egui::Event::Paste(text) => Some(text.clone()),
                    _ => None,
                })
            });
            if let Some(text) = pasted {
                self.paste_requested = false;
                actions.push(Action::Pasted(text));
            }
        }
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
        // Kept without counting as a change: written with the next one, or
        // when the window closes.
        let settings = &mut self.ws.settings;
        if let Some(maximized) = maximized {
            settings.window_maximized = maximized;
        }
        if let Some(rect) = rect
            && !settings.window_maximized
        {
            settings.window_size = Some([rect.width(), rect.height()]);
        }
    }

    // ----- After the frame -----

    /// A command of the table: what it asks for.
    fn run(&mut self, ctx: &egui::Context, command: Command) {
        let size = self.ws.settings.text_size;
        let action = match command {
            Command::Open => Action::ShowOpenDialog,
            Command::Paste => {
                self.paste_requested = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste);
                return;
            }
            Command::Quit => Action::Quit,
            Command::Find => {
                self.focus_search = true;
                return;
            }
            Command::SearchNext => Action::SearchNext,
            Command::SearchPrevious => Action::SearchPrevious,
            Command::ClearSearch => Action::ClearSearch,
            Command::TextLarger => Action::SetTextSize(size + TEXT_SIZE_STEP),
            Command::TextSmaller => Action::SetTextSize(size - TEXT_SIZE_STEP),
            Command::TextReset => Action::SetTextSize(DEFAULT_TEXT_SIZE),
            Command::ToggleKeyPoints => Action::SetShowKeyPoints(!self.ws.settings.show_key_points),
            Command::Show(screen) => Action::ShowScreen(screen),
            // The editor's and the session screen's own: they read their keys.
            Command::Save | Command::Undo | Command::Redo | Command::Present => return,
        };
        self.apply(ctx, action);
    }

    /// Applies one action. Public so tests can drive the app without a mouse.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        if let Some(reading) = self.exam.lock()
            && !super::exam_screen::allowed_during_exam(&action, reading)
        {
            let locked = self.ws.tr().exam_locked.to_string();
            if !self.ws.notices.iter().any(|n| n.text == locked) {
                self.ws.info(locked);
            }
            return;
        }
        match action {
            Action::Run(command) => self.run(ctx, command),
            Action::ShowOpenDialog => {
                self.open_dialog = Some(OpenDialog::new(&self.ws.document_folder()));
            }
            Action::CloseOpenDialog => self.open_dialog = None,
            Action::Pasted(text) => {
                if text.trim().is_empty() {
                    let empty = self.ws.tr().paste_empty.to_string();
                    self.ws.error(empty);
                } else {
                    self.paste_dialog = Some(PasteDialog::new(text));
                }
            }
            Action::OpenPasted { title, text } => {
                self.paste_dialog = None;
                if let Some(path) = self.ws.keep_pasted(&title, &text) {
                    self.apply(ctx, Action::Open(path));
                }
            }
            Action::ClosePasteDialog => self.paste_dialog = None,
            Action::Open(path) if crate::classroom::exam_file::is_exam_path(&path) => {
                self.open_dialog = None;
                if let Some(file) = self.ws.read_exam_file(&path) {
                    let learner = self.ws.learner_name();
                    if self.exam.open_file(Some(path), file, learner.as_deref()) {
                        self.ws.screen = Screen::Exam;
                    }
                }
            }
            Action::Open(path) => {
                self.open_dialog = None;
                // Read off the window's thread; a small file is there
                // within the job's patience and shows at once.
                self.ws.start_opening(path);
                self.poll_opening(ctx);
            }
            Action::OpenBundled => self.set_document(Document::bundled()),
            Action::SetTheme(theme) => self.ws.change_settings(|s| s.theme = theme),
            Action::SetTextSize(size) => self.ws.change_settings(|s| s.set_text_size(size)),
            Action::SetLanguage(language) => self.ws.change_settings(|s| s.language = language),
            Action::SetShowNumbers(show) => {
                self.ws.change_settings(|s| s.show_paragraph_numbers = show)
            }
            Action::SetShowKeyPoints(show) => self.ws.change_settings(|s| s.show_key_points = show),
            Action::Search(text) => {
                if self.ws.search_for(&text) {
                    self.reveal_current_hit();
                }
            }
            Action::SearchNext => {
                self.ws.search.go_next();
                self.reveal_current_hit();
            }
            Action::SearchPrevious => {
                self.ws.search.go_previous();
                self.reveal_current_hit();
            }
            Action::ClearSearch => {
                self.ws.search.clear();
                self.search_text.clear();
            }
            Action::OpenFolder(folder) => self.ws.open_folder(&folder),
            Action::DismissNotice(i) => self.ws.dismiss_notice(i),
            Action::ShowScreen(screen) => self.ws.screen = screen,
            Action::ShowPassage(source) => self.show_passage(ctx, &source),
            Action::ShowKeyPoint(block, range) => {
                self.reader.show_passage(block, range);
                self.ws.screen = Screen::Reader;
            }
            Action::MarkPassage(block, range) => self.reader.show_passage(block, range),
            Action::Answered(answered) => {
                let Answered {
                    item,
                    attempt,
                    mode,
                } = *answered;
                self.ws.record_answer(&item, attempt, mode);
            }
            Action::StartReview => {
                let round = self.ws.review_round();
                self.begin(round, Mode::Review);
            }
            Action::PracticePoints(points) => {
                let round = self.ws.points_round(&points);
                self.begin(round, Mode::Practice);
            }
            Action::ShowProfilePicker => {
                self.ws.refresh_profiles();
                self.profile_picker = Some(ProfilePicker::default());
            }
            Action::CloseProfilePicker => self.profile_picker = None,
            Action::ChooseProfile(slug) => {
                let outcome = self.ws.choose_profile(&slug);
                self.learner_outcome(outcome);
            }
            Action::CreateProfile(name) => {
                let outcome = self.ws.create_profile(&name);
                self.learner_outcome(outcome);
            }
            Action::ExportProgress => self.ws.export_progress(),
            Action::ShowImportDialog => {
                let start = self.ws.import_folder();
                self.open_dialog = Some(OpenDialog::for_purpose(&start, DialogPurpose::Progress));
            }
            Action::ShowResultsDialog => {
                let start = self.ws.paths.documents_dir.clone();
                let start = if start.is_dir() {
                    start
                } else {
                    self.ws.import_folder()
                };
                self.open_dialog = Some(OpenDialog::for_purpose(&start, DialogPurpose::Results));
            }
            Action::ReportResults(path) => {
                self.open_dialog = None;
                let folder = if path.is_dir() {
                    path
                } else {
                    path.parent().map(PathBuf::from).unwrap_or(path)
                };
                let exam = self.exam.opened().map(|o| o.file.clone());
                self.ws.report_results(&folder, exam.as_ref());
            }
            Action::ShowQuestionImport => {
                let start = self.ws.import_folder();
                self.open_dialog = Some(OpenDialog::for_purpose(&start, DialogPurpose::Questions));
            }
            Action::ImportQuestions(path) => {
                self.open_dialog = None;
                if let Some(saved) = self.ws.import_questions(&path) {
                    self.ws.reload_sets();
                    let user_sets_dir = self.ws.paths.user_sets_dir();
                    let input = EditorInput {
                        library: &self.ws.library,
                        doc: &self.ws.doc,
                        user_sets_dir: &user_sets_dir,
                        look: Look::new(&self.ws.settings, ctx.global_style().visuals.dark_mode),
                    };
                    self.editor.open_path(&saved, &input);
                    self.ws.screen = Screen::Editor;
                }
            }
            Action::ImportProgress(path) => {
                self.open_dialog = None;
                self.ws.import_progress(&path);
            }
            Action::RestoreBackup(path) => self.ws.restore_backup(&path),
            Action::FitParameters => {
                self.ws.fit_parameters();
                ctx.request_repaint();
            }
            Action::SaveSession(result) => self.ws.save_session(&result),
            Action::ExportSessionCsv(result) => self.ws.export_session_csv(&result),
            Action::OpenRoom(request) => {
                let (plan, items) = *request;
                let repaint = ctx.clone();
                self.ws
                    .open_room(plan, items, Box::new(move || repaint.request_repaint()));
            }
            Action::RoomShow(show) => self.ws.room_show(show),
            Action::RemovePlayer(id) => self.ws.remove_player(id),
            Action::CloseRoom => self.ws.close_room(),
            Action::SetSessionPhones(plan) => self.ws.change_settings(|s| s.session_phones = plan),
            Action::SetFullscreen(on) => {
                self.fullscreen = on;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
            }
            Action::ExamFinished(exam) => {
                // Into the learner's progress when it is theirs.
                let theirs = exam.learner.is_empty()
                    || self
                        .ws
                        .learner_name()
                        .is_some_and(|n| crate::ids::slug(&n) == crate::ids::slug(&exam.learner));
                if theirs {
                    self.ws.record_exam(&exam);
                }
                // An exam from a file: its result is written at once, and
                // only then is the record for resuming let go.
                if exam.stamp.is_some() && self.ws.export_exam_result(&exam) {
                    self.ws.finish_sitting();
                }
            }
            Action::SaveSitting(sitting) => self.ws.save_sitting(&sitting),
            Action::SittingUnusable => self.ws.sitting_unusable(),
            Action::WriteExamFile(file) => self.ws.write_exam_file(&file),
            Action::ExportExamResult => {
                if let Some(exam) = self.exam.exam() {
                    self.ws.export_exam_result(exam);
                }
            }
            Action::SetsChanged => {
                self.ws.reload_sets();
                self.practice = PracticeScreen::default();
            }
            Action::QuestionFromPassage => {
                if let Some(source) = self.ws.passage_at(self.reader.focus()) {
                    let user_sets_dir = self.ws.paths.user_sets_dir();
                    let input = EditorInput {
                        library: &self.ws.library,
                        doc: &self.ws.doc,
                        user_sets_dir: &user_sets_dir,
                        look: Look::new(&self.ws.settings, ctx.global_style().visuals.dark_mode),
                    };
                    self.editor.question_from_passage(source, &input);
                    self.ws.screen = Screen::Editor;
                }
            }
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// While an exam from a file runs, its screen stays in front (the
    /// reader beside it only if the file allows).
    fn keep_to_the_exam(&mut self) {
        if let Some(reading) = self.exam.lock() {
            let allowed =
                self.ws.screen == Screen::Exam || (reading && self.ws.screen == Screen::Reader);
            if !allowed {
                self.ws.screen = Screen::Exam;
            }
            self.open_dialog = None;
            self.paste_dialog = None;
            self.profile_picker = None;
        }
    }

    /// A round of practice, if there are questions for it.
    fn begin(&mut self, round: Option<Practice>, mode: Mode) {
        if let Some(round) = round {
            self.practice.begin(round, mode);
            self.ws.screen = Screen::Practice;
        }
    }

    pub(super) fn reveal_current_hit(&mut self) {
        if let Some(hit) = self.ws.search.current_hit() {
            self.reader.scroll_to(ScrollTarget::Text {
                block: hit.block,
                byte: hit.range.start,
            });
        }
    }

    /// Opens the reader at a question's passage, marked (beside the
    /// questions on a wide window, instead of them on a narrow one).
    pub(super) fn show_passage(&mut self, ctx: &egui::Context, source: &Source) {
        if let Some((block, range)) = self.ws.find_passage(source) {
            self.reader.show_passage(block, range);
            if !side_by_side(ctx.content_rect().width(), self.ws.settings.text_size) {
                self.ws.screen = Screen::Reader;
            }
        }
    }

    /// Shows the document being read once it is ready; until then the
    /// window keeps drawing (and says which file is being opened).
    fn poll_opening(&mut self, ctx: &egui::Context) {
        if let Some(doc) = self.ws.poll_opening() {
            self.set_document(doc);
        }
        if self.ws.opening().is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn set_document(&mut self, doc: Document) {
        self.ws.set_document(doc);
        self.key_points_panel = Default::default();
        self.practice = PracticeScreen::default();
        self.reader.reset();
        self.reveal_current_hit();
    }
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
        self.ws.save_settings();
        self.ws.flush_progress();
        self.editor.write_draft();
    }
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
