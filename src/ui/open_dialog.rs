//! "Mở tài liệu": a file chooser drawn by the app itself, in large type and in
//! the interface language, that needs nothing from the desktop (no GTK, no
//! portal) and works the same with the keyboard and the mouse.

use std::path::{Path, PathBuf};

use egui::{Id, Key, RichText};

use crate::i18n::{Strings, fill};

pub enum DialogOutcome {
    Open(PathBuf),
    Cancel,
}

struct Entry {
    name: String,
    path: PathBuf,
    is_dir: bool,
}

/// What the chosen file is for: it decides the title and the files listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    Document,
    /// An exported progress file to import.
    Progress,
    /// Questions to import: a Word or text question bank, GIFT, CSV.
    Questions,
    /// One of a class's result files (their folder is read).
    Results,
}

pub struct OpenDialog {
    pub purpose: DialogPurpose,
    dir: PathBuf,
    path_text: String,
    show_all: bool,
    entries: Result<Vec<Entry>, String>,
    focus_path: bool,
}

impl OpenDialog {
    /// Opens in `start` (the folder of the current document, usually).
    pub fn new(start: &Path) -> Self {
        Self::for_purpose(start, DialogPurpose::Document)
    }

    pub fn for_purpose(start: &Path, purpose: DialogPurpose) -> Self {
        let mut dialog = Self {
            purpose,
            dir: PathBuf::new(),
            path_text: String::new(),
            show_all: false,
            entries: Ok(Vec::new()),
            focus_path: true,
        };
        dialog.go_to(start.to_path_buf());
        dialog
    }

    fn go_to(&mut self, dir: PathBuf) {
        self.dir = std::fs::canonicalize(&dir).unwrap_or(dir);
        self.path_text = with_trailing_separator(&self.dir);
        self.refresh();
    }

    fn refresh(&mut self) {
        self.entries = list_folder(&self.dir, self.show_all, self.purpose);
    }

    /// Draws the dialog; returns what the user chose, once.
    pub fn ui(&mut self, ctx: &egui::Context, tr: &Strings) -> Option<DialogOutcome> {
        let mut outcome = None;
        let screen = ctx.content_rect();
        let modal = egui::Modal::new(Id::unique("open-dialog")).show(ctx, |ui| {
            ui.set_width((screen.width() * 0.7).clamp(300.0, 1000.0));
            ui.heading(match self.purpose {
                DialogPurpose::Document => tr.open_title,
                DialogPurpose::Progress => tr.import_title,
                DialogPurpose::Questions => tr.editor_import_title,
                DialogPurpose::Results => tr.exam_report_title,
            });
            ui.add_space(ui.spacing().item_spacing.y);

            ui.horizontal(|ui| {
                ui.label(tr.open_path);
                let field = ui.add(
                    egui::TextEdit::singleline(&mut self.path_text)
                        .desired_width(ui.available_width() - ui.spacing().interact_size.x * 1.6)
                        .return_key(None),
                );
                if std::mem::take(&mut self.focus_path) {
                    field.request_focus();
                }
                let enter = field.has_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                if ui.button(tr.open_go).clicked() || enter {
                    outcome = self.choose_typed_path();
                }
            });

            ui.horizontal_wrapped(|ui| {
                if ui
                    .button(format!("{} {}", super::icons::UP, tr.open_up))
                    .clicked()
                    && let Some(parent) = self.dir.parent()
                {
                    self.go_to(parent.to_path_buf());
                }
                for (label, dir) in [
                    (
                        tr.open_home,
                        directories::UserDirs::new().map(|u| u.home_dir().to_path_buf()),
                    ),
                    (
                        tr.open_documents,
                        directories::UserDirs::new()
                            .and_then(|u| u.document_dir().map(Path::to_path_buf)),
                    ),
                    (
                        tr.open_desktop,
                        directories::UserDirs::new()
                            .and_then(|u| u.desktop_dir().map(Path::to_path_buf)),
                    ),
                ] {
                    if let Some(dir) = dir.filter(|d| d.is_dir())
                        && ui.button(label).clicked()
                    {
                        self.go_to(dir);
                    }
                }
            });
            ui.label(RichText::new(self.dir.display().to_string()).weak());
            ui.separator();

            let list_height = (screen.height() * 0.45).max(120.0);
            egui::ScrollArea::vertical()
                .max_height(list_height)
                .auto_shrink([false, true])
                .show(ui, |ui| match &self.entries {
                    Err(error) => {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            fill(tr.open_cannot_list, &[("error", error)]),
                        );
                    }
                    Ok(entries) if entries.is_empty() => {
                        ui.label(tr.open_empty_folder);
                    }
                    Ok(entries) => {
                        let mut chosen = None;
                        for entry in entries {
                            let icon = if entry.is_dir {
                                super::icons::FOLDER
                            } else {
                                super::icons::FILE
                            };
                            let button = egui::Button::new(format!("{icon}  {}", entry.name))
                                .frame(false)
                                .min_size(egui::vec2(ui.available_width(), 0.0));
                            let mut response = ui.add(button);
                            if entry.is_dir {
                                response = response.on_hover_text(tr.open_folder_tooltip);
                            }
                            if response.clicked() {
                                chosen = Some((entry.path.clone(), entry.is_dir));
                            }
                        }
                        match chosen {
                            Some((dir, true)) => self.go_to(dir),
                            Some((file, false)) => outcome = Some(DialogOutcome::Open(file)),
                            None => {}
                        }
                    }
                });

            ui.separator();
            ui.horizontal(|ui| {
                if ui.checkbox(&mut self.show_all, tr.open_show_all).changed() {
                    self.refresh();
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button(tr.cancel).clicked() {
                        outcome = Some(DialogOutcome::Cancel);
                    }
                });
            });
        });
        if modal.should_close() && outcome.is_none() {
            outcome = Some(DialogOutcome::Cancel);
        }
        outcome
    }

    /// The typed path: a folder is entered, anything else is opened (and
    /// errors, if any, are reported by whoever opens it).
    fn choose_typed_path(&mut self) -> Option<DialogOutcome> {
        let typed = self.path_text.trim();
        if typed.is_empty() {
            return None;
        }
        let path = expand_home(restart_at_root(typed));
        let path = if path.is_relative() {
            self.dir.join(path)
        } else {
            path
        };
        if path.is_dir() {
            self.go_to(path);
            None
        } else {
            Some(DialogOutcome::Open(path))
        }
    }
}

fn with_trailing_separator(dir: &Path) -> String {
    let mut s = dir.display().to_string();
    if !s.ends_with(std::path::MAIN_SEPARATOR) {
        s.push(std::path::MAIN_SEPARATOR);
    }
    s
}

/// What was typed after the folder the field starts with: a path typed
/// from the root or from home after it ("/root//tmp/nq.docx",
/// "/root/~/nq.docx") starts again there, as in other file choosers.
fn restart_at_root(typed: &str) -> &str {
    let root = typed.rfind("//").map(|i| i + 1);
    let home = typed.rfind("/~/").map(|i| i + 1);
    match root.max(home) {
        Some(i) => &typed[i..],
        None => typed,
    }
}

fn expand_home(typed: &str) -> PathBuf {
    if let Some(rest) = typed.strip_prefix("~/")
        && let Some(home) = directories::UserDirs::new()
    {
        return home.home_dir().join(rest);
    }
    PathBuf::from(typed)
}

fn is_wanted_file(path: &Path, purpose: DialogPurpose) -> bool {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match purpose {
        DialogPurpose::Document => {
            matches!(
                extension.as_deref(),
                Some("txt" | "md" | "markdown" | "docx" | "doc" | "pdf" | "html" | "htm" | "ron")
            )
        }
        DialogPurpose::Progress | DialogPurpose::Results => extension.as_deref() == Some("ron"),
        DialogPurpose::Questions => {
            matches!(
                extension.as_deref(),
                Some("docx" | "doc" | "txt" | "gift" | "csv")
            )
        }
    }
}

/// Folders first, then documents, each sorted by name; hidden files left out.
fn list_folder(dir: &Path, show_all: bool, purpose: DialogPurpose) -> Result<Vec<Entry>, String> {
    let mut entries: Vec<Entry> = std::fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let path = e.path();
            let is_dir = path.is_dir();
            let wanted =
                !name.starts_with('.') && (is_dir || show_all || is_wanted_file(&path, purpose));
            wanted.then(|| Entry {
                name: crate::text::nfc(&name).into_owned(),
                path,
                is_dir,
            })
        })
        .collect();
    entries.sort_by_cached_key(|e| (!e.is_dir, e.name.to_lowercase()));
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_folders_then_documents_and_hides_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for f in [
            "b.md",
            "A.txt",
            "ảnh.png",
            ".an.txt",
            "c.docx",
            "d.pdf",
            "e.doc",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        std::fs::create_dir(d.join("Thư mục")).unwrap();
        let names = |all| -> Vec<String> {
            list_folder(d, all, DialogPurpose::Document)
                .unwrap()
                .into_iter()
                .map(|e| e.name)
                .collect()
        };
        assert_eq!(
            names(false),
            ["Thư mục", "A.txt", "b.md", "c.docx", "d.pdf", "e.doc"]
        );
        assert_eq!(
            names(true),
            [
                "Thư mục",
                "A.txt",
                "b.md",
                "c.docx",
                "d.pdf",
                "e.doc",
                "ảnh.png"
            ]
        );
        assert!(list_folder(&d.join("none"), false, DialogPurpose::Document).is_err());
    }

    #[test]
    fn a_path_typed_from_the_root_after_the_folder_starts_again_there() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("nq.md");
        std::fs::write(&file, "x").unwrap();
        let mut dialog = OpenDialog::new(Path::new("/"));
        // The field holds the folder; the learner types a whole path after it.
        dialog.path_text = format!("/root/{}", file.display());
        match dialog.choose_typed_path() {
            Some(DialogOutcome::Open(p)) => assert_eq!(p, file),
            _ => panic!("the typed file should be opened"),
        }
        assert_eq!(restart_at_root("/root/~/nq.md"), "~/nq.md");
        assert_eq!(restart_at_root("/root/nq.md"), "/root/nq.md");
    }

    #[test]
    fn typed_folder_is_entered_and_typed_file_is_opened() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let mut dialog = OpenDialog::new(dir.path());
        dialog.path_text = "sub".into();
        assert!(dialog.choose_typed_path().is_none());
        assert!(dialog.dir.ends_with("sub"));
        dialog.path_text = "nq.md".into();
        match dialog.choose_typed_path() {
            Some(DialogOutcome::Open(p)) => assert!(p.ends_with("sub/nq.md")),
            _ => panic!("a file path should be opened"),
        }
    }
}
