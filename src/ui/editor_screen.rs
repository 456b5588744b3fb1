//! The set editor: trainers create, open, copy, delete and edit question
//! sets in their data folder, with a form per question type, the passage
//! each question is about, live checks, a preview, undo and redo, and an
//! autosaved draft so nothing typed is lost.

mod form;

use form::{first_source, kind_label};

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::{Key, RichText};

use super::Action;
use super::command::{Command, Scope};
use super::icons;
use super::widgets::{Draft, answer_widget};
use crate::document::Document;
use crate::editor::{self, History, Kind};
use crate::i18n::{Strings, describe_problem, fill};
use crate::quiz::practice::{Item, Layout};
use crate::quiz::{
    Answer, Difficulty, LoadedSet, ProblemKind, Question, QuestionSet, SetOrigin, Source,
};

/// A set open for editing.
struct OpenSet {
    /// Where it is saved (for a new set, where it will be).
    path: PathBuf,
    set: QuestionSet,
    /// As last saved; unsaved changes are the difference.
    saved: Option<QuestionSet>,
}

#[derive(Default)]
pub struct EditorScreen {
    open: Option<OpenSet>,
    history: History,
    selected: usize,
    new_title: String,
    /// Closing with unsaved changes: "save or discard?" is asked.
    confirm_close: bool,
    delete: Option<usize>,
    /// Generated questions being picked (indices into the generated set).
    picking: Option<BTreeSet<usize>>,
    passage_search: Option<String>,
    preview: Option<(usize, Draft)>,
    draft_written: Option<Instant>,
    message: Option<String>,
    /// A question was just added: its prompt takes the keyboard focus (asked
    /// for a few frames: the click that added it would otherwise clear it).
    focus_prompt: u8,
}

pub struct EditorInput<'a> {
    pub library: &'a crate::quiz::Library,
    pub doc: &'a Document,
    pub user_sets_dir: &'a std::path::Path,
    /// Language, text size, colours.
    pub look: super::look::Look,
}

/// How often unsaved work is written to the draft file.
const DRAFT_EVERY: Duration = Duration::from_secs(3);

impl EditorScreen {
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    pub fn set(&self) -> Option<&QuestionSet> {
        self.open.as_ref().map(|o| &o.set)
    }

    pub fn has_unsaved_changes(&self) -> bool {
        self.open
            .as_ref()
            .is_some_and(|o| o.saved.as_ref() != Some(&o.set))
    }

    /// Writes the draft now if there is unsaved work (the window closing).
    pub fn write_draft(&mut self) {
        if let Some(open) = &self.open
            && open.saved.as_ref() != Some(&open.set)
        {
            let _ = editor::write_draft(&open.path, &open.set);
        }
    }

    /// Starts a question about `source` (from the reader's "make a question
    /// from this passage"); opens a new set if none is open.
    pub fn question_from_passage(&mut self, source: Source, input: &EditorInput<'_>) {
        if self.open.is_none() {
            let title = crate::i18n::fill(
                input.look.tr.editor_copy_title,
                &[("title", &input.doc.meta.title)],
            );
            self.start_new(&title, input);
        }
        if let Some(open) = &mut self.open {
            let before = open.set.clone();
            let id = editor::unique_id(&open.set, "cau");
            open.set.questions.push(Kind::Single.template(id, source));
            self.history.record(&before, None, Instant::now());
            self.selected = open.set.questions.len() - 1;
            self.focus_prompt = 3;
        }
    }

    fn start_new(&mut self, title: &str, input: &EditorInput<'_>) {
        let title = crate::text::nfc(title.trim()).into_owned();
        let set = editor::new_set(&title, input.doc);
        self.open = Some(OpenSet {
            path: editor::new_set_path(input.user_sets_dir, &title),
            set,
            saved: None,
        });
        self.after_open();
    }

    fn after_open(&mut self) {
        self.history = History::default();
        self.selected = 0;
        self.preview = None;
        self.picking = None;
        self.passage_search = None;
    }

    /// Opens the library's set written at `path` (one just imported).
    pub fn open_path(&mut self, path: &std::path::Path, input: &EditorInput<'_>) {
        let loaded = input
            .library
            .sets
            .iter()
            .find(|s| s.origin == SetOrigin::User(path.to_path_buf()));
        if let Some(loaded) = loaded {
            self.open_from_library(loaded, input);
        }
    }

    /// Opens a set of the library; bundled and generated sets open as a copy.
    fn open_from_library(&mut self, loaded: &LoadedSet, input: &EditorInput<'_>) {
        let tr = input.look.tr;
        match &loaded.origin {
            SetOrigin::User(path) => {
                let restored = editor::newer_draft(path);
                self.open = Some(OpenSet {
                    path: path.clone(),
                    set: loaded.set.clone(),
                    saved: Some(loaded.set.clone()),
                });
                self.after_open();
                if let (Some(draft_set), Some(open)) = (restored, &mut self.open)
                    && draft_set != open.set
                {
                    let before = open.set.clone();
                    open.set = draft_set;
                    self.history.record(&before, None, Instant::now());
                    self.message = Some(fill(
                        tr.editor_draft_restored,
                        &[("title", &open.set.title)],
                    ));
                }
            }
            SetOrigin::Bundled(_) | SetOrigin::Generated | SetOrigin::Exam(_) => {
                let mut set = loaded.set.clone();
                set.title = fill(tr.editor_copy_title, &[("title", &set.title)]);
                self.open = Some(OpenSet {
                    path: editor::new_set_path(input.user_sets_dir, &set.title),
                    set,
                    saved: None,
                });
                self.after_open();
            }
        }
    }

    fn save(&mut self, tr: &Strings, actions: &mut Vec<Action>) {
        let Some(open) = &mut self.open else {
            return;
        };
        match editor::save_set(&open.path, &open.set) {
            Ok(()) => {
                open.saved = Some(open.set.clone());
                self.message = Some(fill(tr.editor_saved, &[("path", &open.path.display())]));
                actions.push(Action::SetsChanged);
            }
            Err(e) => {
                self.message = Some(fill(
                    tr.editor_save_failed,
                    &[("path", &open.path.display()), ("error", &e.message)],
                ))
            }
        }
    }

    fn close(&mut self, discard: bool) {
        if discard && let Some(open) = &self.open {
            editor::discard_draft(&open.path);
        }
        self.open = None;
        self.after_open();
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, input: &EditorInput<'_>) -> Vec<Action> {
        let mut actions = Vec::new();
        let tr = input.look.tr;
        // Our undo, not the text field's: it covers every change in the set.
        let pressed = ui.input_mut(|i| Command::pressed_in(Scope::Editor, i, |_| true));
        let (undo, redo, save) = (
            pressed.contains(&Command::Undo),
            pressed.contains(&Command::Redo),
            pressed.contains(&Command::Save),
        );
        if let Some(open) = &mut self.open {
            if undo {
                self.history.undo(&mut open.set);
            }
            if redo {
                self.history.redo(&mut open.set);
            }
        }
        if save && self.open.is_some() {
            self.save(tr, &mut actions);
        }
        self.dialogs(ui.ctx(), input, &mut actions);
        if let Some(message) = self.message.clone() {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(message)
                        .color(input.look.palette.text)
                        .strong(),
                );
                if ui.small_button(tr.close).clicked() {
                    self.message = None;
                }
            });
        }
        if self.open.is_none() {
            egui::ScrollArea::vertical()
                .id_salt("editor-sets")
                .auto_shrink([false, false])
                .show(ui, |ui| self.set_list(ui, input, &mut actions));
            return actions;
        }
        let before = self.open.as_ref().map(|o| o.set.clone());
        let mut structural = false;
        self.set_bar(ui, input, &mut actions, &mut structural);
        let width = ui.available_width();
        let list_width = (width * 0.32).clamp(220.0, input.look.em(18.0));
        egui::Panel::left("editor-questions")
            .resizable(true)
            .default_size(list_width)
            .show(ui, |ui| self.question_list(ui, input, &mut structural));
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt(("editor-form", self.selected))
                .auto_shrink([false, false])
                .show(ui, |ui| self.form(ui, input, &mut actions, &mut structural));
        });
        // One history entry per change; quick typing is one change.
        if let (Some(before), Some(open)) = (before, &self.open)
            && before != open.set
        {
            let field = ui
                .ctx()
                .memory(|m| m.focused())
                .filter(|_| !structural)
                .map(|id| id.value());
            self.history.record(&before, field, Instant::now());
        }
        self.autosave_draft();
        actions
    }

    fn autosave_draft(&mut self) {
        if !self.has_unsaved_changes() {
            return;
        }
        if self
            .draft_written
            .is_some_and(|t| t.elapsed() < DRAFT_EVERY)
        {
            return;
        }
        self.write_draft();
        self.draft_written = Some(Instant::now());
    }

    fn dialogs(&mut self, ctx: &egui::Context, input: &EditorInput<'_>, actions: &mut Vec<Action>) {
        let tr = input.look.tr;
        if self.confirm_close {
            let title = self
                .open
                .as_ref()
                .map_or(String::new(), |o| o.set.title.clone());
            let mut choice = None;
            let modal = egui::Modal::new(egui::Id::unique("editor-discard")).show(ctx, |ui| {
                ui.set_max_width(input.look.em(26.0));
                ui.label(
                    RichText::new(fill(tr.editor_discard_question, &[("title", &title)])).strong(),
                );
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui
                        .button(RichText::new(Command::Save.with_keys(tr)).strong())
                        .clicked()
                    {
                        choice = Some(true);
                    }
                    if ui.button(tr.editor_discard).clicked() {
                        choice = Some(false);
                    }
                    if ui.button(tr.cancel).clicked() {
                        self.confirm_close = false;
                    }
                });
            });
            if modal.should_close() {
                self.confirm_close = false;
            }
            if let Some(save) = choice {
                if save {
                    self.save(tr, actions);
                }
                self.close(!save);
                self.confirm_close = false;
            }
        }
        if let Some(i) = self.delete
            && let Some(loaded) = input.library.sets.get(i)
        {
            let trash = input.user_sets_dir.join(".da-xoa");
            let mut done = false;
            let modal = egui::Modal::new(egui::Id::unique("editor-delete")).show(ctx, |ui| {
                ui.set_max_width(input.look.em(26.0));
                ui.label(
                    RichText::new(fill(
                        tr.editor_delete_confirm,
                        &[("title", &loaded.set.title), ("dir", &trash.display())],
                    ))
                    .strong(),
                );
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui
                        .button(RichText::new(tr.editor_delete).strong())
                        .clicked()
                    {
                        if let SetOrigin::User(path) = &loaded.origin {
                            self.message = Some(match editor::move_to_trash(path, &trash) {
                                Ok(target) => fill(
                                    tr.editor_deleted,
                                    &[("title", &loaded.set.title), ("path", &target.display())],
                                ),
                                Err(e) => fill(
                                    tr.editor_delete_failed,
                                    &[("title", &loaded.set.title), ("error", &e)],
                                ),
                            });
                            actions.push(Action::SetsChanged);
                        }
                        done = true;
                    }
                    if ui.button(tr.cancel).clicked() {
                        done = true;
                    }
                });
            });
            if done || modal.should_close() {
                self.delete = None;
            }
        }
    }

    fn set_list(&mut self, ui: &mut egui::Ui, input: &EditorInput<'_>, actions: &mut Vec<Action>) {
        let tr = input.look.tr;
        let look = &input.look;
        ui.add_space(look.em(0.5));
        ui.heading(RichText::new(tr.editor_title).size(look.em(1.3)));
        // Where the sets are, in words, with a button to the folder rather
        // than a path to read.
        ui.horizontal_wrapped(|ui| {
            ui.label(tr.editor_intro);
            if ui
                .button(format!("{} {}", icons::FOLDER, tr.open_folder))
                .on_hover_text(input.user_sets_dir.display().to_string())
                .clicked()
            {
                actions.push(Action::OpenFolder(input.user_sets_dir.to_path_buf()));
            }
        });
        ui.add_space(look.em(0.5));
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr.editor_new_title);
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.new_title)
                        .id_salt("new-title")
                        .desired_width(look.em(16.0)),
                )
                .labelled_by(label.id);
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            let create = ui.add_enabled(
                !self.new_title.trim().is_empty(),
                egui::Button::new(RichText::new(tr.editor_new_set).strong()),
            );
            if (create.clicked() || enter) && !self.new_title.trim().is_empty() {
                let title = std::mem::take(&mut self.new_title);
                self.start_new(&title, input);
            }
        });
        if ui
            .button(format!("{} {}", icons::OPEN, tr.editor_import))
            .on_hover_text(tr.editor_import_tooltip)
            .clicked()
        {
            actions.push(Action::ShowQuestionImport);
        }
        ui.add_space(look.em(0.5));
        ui.separator();
        let mut open = None;
        for (i, loaded) in input.library.for_document(input.doc.id()) {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&loaded.set.title).strong());
                ui.label(
                    RichText::new(fill(
                        tr.practice_set_size,
                        &[("n", &loaded.set.questions.len())],
                    ))
                    .weak(),
                );
                match &loaded.origin {
                    SetOrigin::User(_) => {
                        if ui.button(tr.editor_edit).clicked() {
                            open = Some(i);
                        }
                        if ui.button(tr.editor_duplicate).clicked() {
                            self.open_from_library(loaded, input);
                            if let Some(o) = &mut self.open {
                                o.set.title =
                                    fill(tr.editor_copy_title, &[("title", &loaded.set.title)]);
                                o.path = editor::new_set_path(input.user_sets_dir, &o.set.title);
                                o.saved = None;
                            }
                        }
                        if ui.button(tr.editor_delete).clicked() {
                            self.delete = Some(i);
                        }
                    }
                    _ => {
                        ui.label(RichText::new(tr.editor_read_only).weak());
                        if ui.button(tr.editor_copy).clicked() {
                            open = Some(i);
                        }
                    }
                }
            });
        }
        if let Some(i) = open
            && let Some(loaded) = input.library.sets.get(i)
        {
            self.open_from_library(loaded, input);
        }
    }

    fn set_bar(
        &mut self,
        ui: &mut egui::Ui,
        input: &EditorInput<'_>,
        actions: &mut Vec<Action>,
        structural: &mut bool,
    ) {
        let tr = input.look.tr;
        let unsaved = self.has_unsaved_changes();
        let Some(open) = &mut self.open else {
            return;
        };
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr.editor_set_title);
            ui.add(
                egui::TextEdit::singleline(&mut open.set.title)
                    .id_salt("set-title")
                    .desired_width(input.look.em(16.0)),
            )
            .labelled_by(label.id);
            let label = ui.label(tr.editor_author);
            ui.add(
                egui::TextEdit::singleline(&mut open.set.author)
                    .id_salt("set-author")
                    .desired_width(input.look.em(8.0)),
            )
            .labelled_by(label.id);
        });
        let mut save = false;
        let mut close = false;
        ui.horizontal_wrapped(|ui| {
            save = ui
                .button(RichText::new(Command::Save.with_keys(tr)).strong())
                .clicked();
            if ui
                .add_enabled(
                    self.history.can_undo(),
                    egui::Button::new(Command::Undo.with_keys(tr)),
                )
                .clicked()
            {
                self.history.undo(&mut open.set);
                *structural = true;
            }
            if ui
                .add_enabled(
                    self.history.can_redo(),
                    egui::Button::new(Command::Redo.with_keys(tr)),
                )
                .clicked()
            {
                self.history.redo(&mut open.set);
                *structural = true;
            }
            close = ui.button(tr.editor_close).clicked();
            if unsaved {
                ui.label(
                    RichText::new(tr.editor_unsaved)
                        .color(input.look.palette.warning)
                        .strong(),
                );
            }
        });
        for problem in editor::problems(&open.set, None)
            .into_iter()
            .filter(|p| {
                use crate::quiz::ProblemKind as K;
                matches!(p.kind, K::EmptyTitle | K::EmptyDocument | K::DuplicateId(_))
            })
            .take(3)
        {
            ui.colored_label(
                ui.visuals().error_fg_color,
                describe_problem(tr, &problem.kind),
            );
        }
        ui.separator();
        if save {
            self.save(tr, actions);
        }
        if close {
            if unsaved {
                self.confirm_close = true;
            } else {
                self.close(false);
            }
        }
    }

    fn question_list(&mut self, ui: &mut egui::Ui, input: &EditorInput<'_>, structural: &mut bool) {
        let tr = input.look.tr;
        let Some(open) = &mut self.open else {
            return;
        };
        ui.label(
            RichText::new(fill(
                tr.editor_questions,
                &[("n", &open.set.questions.len())],
            ))
            .strong(),
        );
        egui::ScrollArea::vertical()
            .id_salt("editor-list")
            .max_height(ui.available_height() * 0.55)
            .show(ui, |ui| {
                for (i, q) in open.set.questions.iter().enumerate() {
                    let problems = !editor::problems(&open.set, Some(i)).is_empty();
                    let text = if q.prompt.is_empty() {
                        q.id.clone()
                    } else {
                        q.prompt.clone()
                    };
                    let mut label = RichText::new(format!("{}. {}", i + 1, text));
                    if problems {
                        label = label.color(input.look.palette.wrong);
                    }
                    let row = egui::Button::selectable(i == self.selected, label).truncate();
                    if ui.add(row).on_hover_text(&q.prompt).clicked() {
                        self.selected = i;
                    }
                }
            });
        ui.separator();
        ui.label(RichText::new(tr.editor_add).strong());
        ui.horizontal_wrapped(|ui| {
            for kind in Kind::ALL {
                if ui.button(kind_label(tr, kind)).clicked() {
                    // No passage until the trainer picks one (it was once
                    // silently the document's first sentence, often a photo
                    // caption): `check` reports a question without one, and
                    // the picker opens at once.
                    let anchor = open
                        .set
                        .questions
                        .get(self.selected)
                        .map_or_else(|| first_source(input.doc).anchor, |q| q.source.anchor);
                    let source = Source {
                        anchor,
                        quote: String::new(),
                    };
                    self.passage_search = Some(String::new());
                    let id = editor::unique_id(
                        &open.set,
                        &format!("cau-{}", open.set.questions.len() + 1),
                    );
                    open.set.questions.push(kind.template(id, source));
                    self.selected = open.set.questions.len() - 1;
                    self.focus_prompt = 3;
                    *structural = true;
                }
            }
        });
        let generated = input
            .library
            .sets
            .iter()
            .find(|s| s.origin == SetOrigin::Generated);
        let Some(generated) = generated else {
            return;
        };
        let Some(mut picked) = self.picking.take() else {
            if ui.button(tr.editor_from_generated).clicked() {
                self.picking = Some(BTreeSet::new());
            }
            return;
        };
        let mut take = false;
        let mut cancel = false;
        ui.horizontal(|ui| {
            let label = fill(tr.editor_take_selected, &[("n", &picked.len())]);
            take = ui
                .add_enabled(!picked.is_empty(), egui::Button::new(label))
                .clicked();
            cancel = ui.button(tr.cancel).clicked();
        });
        egui::ScrollArea::vertical()
            .id_salt("editor-generated")
            .show(ui, |ui| {
                for (i, q) in generated.set.questions.iter().enumerate() {
                    let mut on = picked.contains(&i);
                    let text = if q.prompt.is_empty() {
                        crate::quiz::correct_answer_text(&q.answer, "", "")
                    } else {
                        q.prompt.clone()
                    };
                    if ui.checkbox(&mut on, text).changed() {
                        if on {
                            picked.insert(i);
                        } else {
                            picked.remove(&i);
                        }
                    }
                }
            });
        if take {
            for &i in &picked {
                let mut q = generated.set.questions[i].clone();
                q.id = editor::unique_id(&open.set, &q.id);
                open.set.questions.push(q);
            }
            self.selected = open.set.questions.len().saturating_sub(1);
            *structural = true;
        } else if !cancel {
            self.picking = Some(picked);
        }
    }
}
