//! Messages for the user, shown in a band under the toolbar.

use std::path::PathBuf;

use super::Screen;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Error,
    Info,
}

/// A message shown until dismissed (information goes by itself after
/// [`INFO_SECONDS`]).
#[derive(Clone, Debug)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    /// The screen it is about; shown there only. `None`: the whole app
    /// (start-up, the learner's files, settings).
    pub screen: Option<Screen>,
    /// A folder the user may want to open (where a file was written).
    pub folder: Option<PathBuf>,
    /// When it was first shown (the window's clock, s).
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

    /// Whether it is shown on `screen`.
    pub fn is_for(&self, screen: Screen) -> bool {
        self.screen.is_none_or(|s| s == screen)
    }
}

/// How long a piece of information stays on screen unless dismissed.
pub const INFO_SECONDS: f64 = 15.0;
