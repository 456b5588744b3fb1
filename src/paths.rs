//! Where settings and user data live.
//!
//! By default the platform folders from `directories` (on Linux
//! `~/.config/nghiquyet` and `~/.local/share/nghiquyet`). Setting
//! `NGHIQUYET_HOME` puts both under one folder instead — for a portable copy
//! on a USB stick, and for tests that must not touch the real ones.

use std::path::{Path, PathBuf};

/// The environment variable that overrides both folders.
pub const HOME_VAR: &str = "NGHIQUYET_HOME";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paths {
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
    /// Where files made for the user to take away (exported progress) go:
    /// their Documents folder.
    pub documents_dir: PathBuf,
}

impl Paths {
    /// Both folders under one root.
    pub fn under(root: &Path) -> Self {
        Self {
            config_dir: root.join("config"),
            data_dir: root.join("data"),
            documents_dir: root.join("documents"),
        }
    }

    /// `NGHIQUYET_HOME` if set, else the platform folders, else a folder in
    /// the current directory (a machine with no home folder at all).
    pub fn from_env() -> Self {
        if let Some(root) = std::env::var_os(HOME_VAR).filter(|v| !v.is_empty()) {
            return Self::under(Path::new(&root));
        }
        match directories::ProjectDirs::from("vn", "nghiquyet", "nghiquyet") {
            Some(dirs) => Self {
                config_dir: dirs.config_dir().to_path_buf(),
                data_dir: dirs.data_dir().to_path_buf(),
                documents_dir: directories::UserDirs::new()
                    // Never loose in the home folder: a Documents folder in
                    // it where the system names none.
                    .map(|u| {
                        u.document_dir()
                            .map(Path::to_path_buf)
                            .unwrap_or_else(|| u.home_dir().join("Documents"))
                    })
                    .unwrap_or_else(|| PathBuf::from(".")),
            },
            None => Self::under(Path::new("nghiquyet-data")),
        }
    }

    pub fn settings_file(&self) -> PathBuf {
        self.config_dir.join("settings.ron")
    }

    /// Where the user's own question sets live.
    pub fn user_sets_dir(&self) -> PathBuf {
        self.data_dir.join("quizzes")
    }
}
