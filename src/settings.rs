//! The user's settings: theme, text size, language, recent documents, window
//! size. Kept as RON in the config folder; every field has a default so an
//! older or partial file still loads.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Language;
use crate::storage::{self, ReadOutcome};

/// Bumped when the file's meaning changes; older files are migrated on load.
pub const SETTINGS_VERSION: u32 = 1;

pub const DEFAULT_TEXT_SIZE: f32 = 22.0;
pub const MIN_TEXT_SIZE: f32 = 14.0;
pub const MAX_TEXT_SIZE: f32 = 48.0;
/// How much one Ctrl + / Ctrl − changes the text size.
pub const TEXT_SIZE_STEP: f32 = 2.0;
/// How many recent documents are remembered.
pub const MAX_RECENT: usize = 10;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the operating system.
    #[default]
    System,
    Light,
    Dark,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub version: u32,
    pub theme: Theme,
    /// Reading text size in points; the interface scales with it.
    pub text_size: f32,
    pub language: Language,
    /// Most recent first; never holds the bundled document.
    pub recent: Vec<PathBuf>,
    /// Inner size of the window in points, when it was last closed.
    pub window_size: Option<[f32; 2]>,
    pub window_maximized: bool,
    /// Whether the reader shows paragraph numbers in the margin.
    pub show_paragraph_numbers: bool,
    /// Whether the reader shows the key-point panel.
    pub show_key_points: bool,
    /// The folder name of the learner last studying on this PC.
    pub profile: Option<String>,
    /// The trainer's last choice for a session: answered on phones, and
    /// how (`None`: without phones).
    #[serde(default)]
    pub session_phones: Option<crate::classroom::live::PhonesPlan>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            version: SETTINGS_VERSION,
            theme: Theme::System,
            text_size: DEFAULT_TEXT_SIZE,
            language: Language::Vi,
            recent: Vec::new(),
            window_size: None,
            window_maximized: false,
            show_paragraph_numbers: true,
            show_key_points: true,
            profile: None,
            session_phones: None,
        }
    }
}

impl Settings {
    /// Clamps values a hand-edited file may have put out of range.
    fn sanitized(mut self) -> Self {
        self.version = SETTINGS_VERSION;
        if !self.text_size.is_finite() {
            self.text_size = DEFAULT_TEXT_SIZE;
        }
        self.text_size = self.text_size.clamp(MIN_TEXT_SIZE, MAX_TEXT_SIZE);
        self.recent.truncate(MAX_RECENT);
        self.window_size = self
            .window_size
            .filter(|[w, h]| w.is_finite() && h.is_finite() && *w >= 320.0 && *h >= 240.0);
        self
    }

    pub fn set_text_size(&mut self, size: f32) {
        self.text_size = size.clamp(MIN_TEXT_SIZE, MAX_TEXT_SIZE);
    }

    /// Puts `path` first in the recent list, without duplicates.
    pub fn remember_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    pub fn forget_recent(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
    }
}

/// The settings that were read, and a problem to tell the user about, if any.
#[derive(Debug)]
pub struct LoadedSettings {
    pub settings: Settings,
    /// The settings file could not be read; it was moved to `moved_to`.
    pub problem: Option<SettingsProblem>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsProblem {
    pub error: storage::ReadProblem,
    pub moved_to: Option<PathBuf>,
}

pub fn load(path: &Path) -> LoadedSettings {
    match storage::read_ron::<Settings>(path) {
        ReadOutcome::Missing => LoadedSettings {
            settings: Settings::default(),
            problem: None,
        },
        ReadOutcome::Loaded(s) => LoadedSettings {
            settings: s.sanitized(),
            problem: None,
        },
        ReadOutcome::SetAside { error, moved_to } => LoadedSettings {
            settings: Settings::default(),
            problem: Some(SettingsProblem { error, moved_to }),
        },
    }
}

/// Saves the settings atomically. A settings file that is a link (kept with
/// the user's other settings, say) stays a link: the file it points to is
/// replaced, atomically, in its own folder.
pub fn save(path: &Path, settings: &Settings) -> std::io::Result<()> {
    storage::write_ron(&link_target(path), settings)
}

/// The file a link at `path` points to, following chains of links; `path`
/// itself when it is not a link.
fn link_target(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    // A bounded walk: a loop of links is left to the write to report.
    for _ in 0..16 {
        let is_link = std::fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            break;
        }
        match std::fs::read_link(&current) {
            Ok(target) if target.is_absolute() => current = target,
            Ok(target) => {
                current = current
                    .parent()
                    .map_or_else(|| target.clone(), |dir| dir.join(&target))
            }
            Err(_) => break,
        }
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_settings_file_that_is_a_link_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let kept = dir.path().join("dotfiles");
        std::fs::create_dir_all(&kept).unwrap();
        let real = kept.join("nghiquyet.ron");
        save(&real, &Settings::default()).unwrap();
        let config = dir.path().join("config");
        std::fs::create_dir_all(&config).unwrap();
        let link = config.join("settings.ron");
        std::os::unix::fs::symlink("../dotfiles/nghiquyet.ron", &link).unwrap();
        let s = Settings {
            theme: Theme::Dark,
            ..Settings::default()
        };
        save(&link, &s).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink(),
            "the link was replaced by a plain file"
        );
        assert_eq!(load(&real).settings.theme, Theme::Dark);
        assert_eq!(load(&link).settings, s);
    }

    #[test]
    fn settings_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("settings.ron");
        let mut s = Settings {
            theme: Theme::Dark,
            language: Language::En,
            window_size: Some([1000.0, 700.0]),
            ..Settings::default()
        };
        s.set_text_size(30.0);
        s.remember_recent(Path::new("/tmp/không-có.md"));
        save(&p, &s).unwrap();
        let loaded = load(&p);
        assert!(loaded.problem.is_none());
        assert_eq!(loaded.settings, s);
    }

    #[test]
    fn partial_and_out_of_range_files_load_with_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("settings.ron");
        std::fs::write(&p, "(text_size: 1000.0, theme: Dark)").unwrap();
        let s = load(&p).settings;
        assert_eq!(s.text_size, MAX_TEXT_SIZE);
        assert_eq!(s.theme, Theme::Dark);
        assert_eq!(s.language, Language::Vi);
    }

    #[test]
    fn corrupt_file_is_set_aside_and_defaults_are_used() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("settings.ron");
        std::fs::write(&p, "(theme: Purple)").unwrap();
        let loaded = load(&p);
        assert_eq!(loaded.settings, Settings::default());
        let problem = loaded.problem.unwrap();
        assert!(
            problem.error.to_string().contains("settings.ron:1:"),
            "{}",
            problem.error
        );
        let moved = problem.moved_to.unwrap();
        assert_eq!(std::fs::read_to_string(moved).unwrap(), "(theme: Purple)");
        assert!(!p.exists());
    }

    #[test]
    fn recent_list_is_most_recent_first_without_duplicates() {
        let mut s = Settings::default();
        for i in 0..15 {
            s.remember_recent(Path::new(&format!("/nowhere/{i}.md")));
        }
        s.remember_recent(Path::new("/nowhere/12.md"));
        assert_eq!(s.recent.len(), MAX_RECENT);
        assert_eq!(s.recent[0], Path::new("/nowhere/12.md"));
        assert_eq!(s.recent[1], Path::new("/nowhere/14.md"));
        assert_eq!(s.recent.iter().filter(|p| p.ends_with("12.md")).count(), 1);
    }
}
