//! Which screen fills the window, with what it is given to draw: the
//! reader (with the key-point panel), practice (with the text beside it on
//! a wide window), progress, training sessions, exams, the editor; and the
//! two dialogs that can stand over any of them.

use egui::RichText;

use super::app::{Action, App};
use super::editor_screen::EditorInput;
use super::exam_screen::ExamInput;
use super::look::Look;
use super::open_dialog::{DialogOutcome, DialogPurpose};
use super::paste_dialog::PasteOutcome;
use super::practice::{PracticeInput, ReviewCard};
use super::profile_picker::PickerOutcome;
use super::progress_screen::ProgressInput;
use super::reader::ReaderInput;
use super::session_screen::SessionInput;
use super::{icons, style};
use crate::keypoints::KeyPoint;
use crate::progress::Clock;
use crate::workspace::{Screen, Workspace};

impl App {
    /// The screen shown, in the space the bars leave.
    pub(super) fn main_area(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        self.ws.ensure_overview();
        if self.ws.screen == Screen::Reader {
            let mut actions = Vec::new();
            if self.ws.settings.show_key_points {
                actions.extend(self.key_points_panel(ui));
            }
            self.reader_panel(ui);
            return actions;
        }
        self.ensure_key_points(ui.ctx());
        let palette = style::palette(ui.visuals().dark_mode);
        let frame = egui::Frame::new()
            .fill(palette.page)
            .inner_margin(egui::Margin::symmetric(16, 12));
        let ws = &mut self.ws;
        let look = Look::new(&ws.settings, ui.visuals().dark_mode);
        if ws.screen == Screen::Progress {
            let input = ProgressInput {
                profile: ws.profile().map(|s| (s.name(), s.header().fitted_on)),
                overview: ws.overview(),
                points: ws.key_points().unwrap_or(&[]),
                backups: &ws.backups,
                fitting: ws.is_fitting(),
                clock: Clock::system(),
                look,
            };
            let screen = &mut self.progress_screen;
            return egui::CentralPanel::default()
                .frame(frame)
                .show(ui, |ui| screen.ui(ui, &input))
                .inner;
        }
        let user_sets_dir = ws.paths.user_sets_dir();
        if ws.screen == Screen::Editor {
            let input = EditorInput {
                library: &ws.library,
                doc: &ws.doc,
                user_sets_dir: &user_sets_dir,
                look,
            };
            let editor = &mut self.editor;
            return egui::CentralPanel::default()
                .frame(frame)
                .show(ui, |ui| editor.ui(ui, &input))
                .inner;
        }
        if matches!(ws.screen, Screen::Session | Screen::Exam) {
            let now = ui.input(|i| i.time);
            if ws.screen == Screen::Exam {
                let input = ExamInput {
                    practice: practice_input(ws, &user_sets_dir, look, None),
                    now,
                    learner: ws.profile().map(|p| p.name()),
                };
                let exam = &mut self.exam;
                return egui::CentralPanel::default()
                    .frame(frame)
                    .show(ui, |ui| exam.ui(ui, &input))
                    .inner;
            }
            // Read once (again after a session is saved).
            ws.ensure_past_sessions();
            let ws = &self.ws;
            let input = SessionInput {
                practice: practice_input(ws, &user_sets_dir, look, None),
                now,
                past: ws.past_sessions(),
                fullscreen: self.fullscreen,
                room: ws.room(),
                saved_phones: ws.settings.session_phones.as_ref(),
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
        let review = ws.overview().map(|o| ReviewCard {
            counts: o.counts,
            todays: o.todays_review,
            next: o.next_review,
        });
        let input = practice_input(&self.ws, &user_sets_dir, look, review);
        let practice = &mut self.practice;
        if !super::side_by_side(ui.available_width(), self.ws.settings.text_size) {
            return egui::CentralPanel::default()
                .frame(frame)
                .show(ui, |ui| practice.ui(ui, &input))
                .inner;
        }
        let width = ui.available_width() * 0.5;
        let actions = egui::Panel::left("practice-panel")
            .resizable(true)
            .default_size(width)
            .size_range(width * 0.6..=width * 1.4)
            .frame(frame)
            .show(ui, |ui| practice.ui(ui, &input))
            .inner;
        // As Anki hides the back of a card: while a question waits for its
        // answer, the text beside it (often still at the previous question's
        // passage, which may hold this answer) is covered; once answered, it
        // turns to this question's passage.
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
    }

    /// Key points are found on a worker; while they are, the window looks
    /// again shortly.
    fn ensure_key_points(&mut self, ctx: &egui::Context) {
        if self.ws.ensure_key_points() {
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
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
                            .size(self.ws.settings.text_size)
                            .color(palette.muted),
                    );
                });
            });
    }

    /// The document's key points beside the text; a click marks one.
    fn key_points_panel(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        self.ensure_key_points(ui.ctx());
        let tr = self.tr();
        let points = self.ws.key_points();
        let mastery = self
            .ws
            .overview()
            .map(|o| o.points.as_slice())
            .filter(|m| Some(m.len()) == points.map(<[KeyPoint]>::len));
        // Some 15 text sizes wide, but never more than a third of the
        // window: at the largest sizes the document needs the room.
        let width = (self.ws.settings.text_size * 15.0).min(ui.available_width() * 0.34);
        let panel = &mut self.key_points_panel;
        let shown = self.reader.focus();
        let clicked = egui::Panel::right("keypoints-panel")
            .resizable(true)
            .default_size(width)
            .size_range(width * 0.6..=width * 2.0)
            .show(ui, |ui| panel.ui(ui, points, mastery, shown, tr))
            .inner;
        clicked.map(|(block, range)| Action::MarkPassage(block, range))
    }

    fn reader_panel(&mut self, ui: &mut egui::Ui) {
        let palette = style::palette(ui.visuals().dark_mode);
        let settings = &self.ws.settings;
        let input = ReaderInput {
            doc: &self.ws.doc,
            hits: &self.ws.search.hits,
            current_hit: self.ws.search.current,
            show_numbers: settings.show_paragraph_numbers,
            look: Look::new(settings, ui.visuals().dark_mode),
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

    /// The file chooser, when open.
    pub(super) fn open_dialog(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let tr = self.tr();
        let Some(dialog) = &mut self.open_dialog else {
            return Vec::new();
        };
        match dialog.ui(ctx, tr) {
            Some(DialogOutcome::Open(path)) if dialog.purpose == DialogPurpose::Progress => {
                vec![Action::ImportProgress(path)]
            }
            Some(DialogOutcome::Open(path)) if dialog.purpose == DialogPurpose::Questions => {
                vec![Action::ImportQuestions(path)]
            }
            Some(DialogOutcome::Open(path)) if dialog.purpose == DialogPurpose::Results => {
                vec![Action::ReportResults(path)]
            }
            Some(DialogOutcome::Open(path)) => vec![Action::Open(path)],
            Some(DialogOutcome::Cancel) => vec![Action::CloseOpenDialog],
            None => Vec::new(),
        }
    }

    /// Pasted text about to be opened as a document.
    pub(super) fn paste_dialog(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let Some(dialog) = &mut self.paste_dialog else {
            return Vec::new();
        };
        let look = Look::new(&self.ws.settings, ctx.global_style().visuals.dark_mode);
        match dialog.ui(ctx, &look) {
            Some(PasteOutcome::Open { title, text }) => vec![Action::OpenPasted { title, text }],
            Some(PasteOutcome::Cancel) => vec![Action::ClosePasteDialog],
            None => Vec::new(),
        }
    }

    /// Who is studying, when asked (or when no one is yet).
    pub(super) fn profile_dialog(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let tr = self.tr();
        let Some(picker) = &mut self.profile_picker else {
            return Vec::new();
        };
        let ws = &self.ws;
        match picker.ui(
            ctx,
            tr,
            &ws.profiles,
            &ws.profile_problems,
            ws.settings.profile.as_deref(),
        ) {
            Some(PickerOutcome::Choose(slug)) => vec![Action::ChooseProfile(slug)],
            Some(PickerOutcome::Create(name)) => vec![Action::CreateProfile(name)],
            Some(PickerOutcome::Later) => vec![Action::CloseProfilePicker],
            None => Vec::new(),
        }
    }
}

/// What the question screens (practice, exams, sessions) are given.
fn practice_input<'a>(
    ws: &'a Workspace,
    user_sets_dir: &'a std::path::Path,
    look: Look,
    review: Option<ReviewCard>,
) -> PracticeInput<'a> {
    PracticeInput {
        library: &ws.library,
        document_id: ws.doc.id(),
        user_sets_dir,
        look,
        review,
    }
}
