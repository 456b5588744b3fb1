//! The symbols drawn on buttons, in one place so a test can check that the
//! bundled fonts draw every one of them.

pub const OPEN: &str = "📂";
pub const SEARCH: &str = "🔍";
pub const PREVIOUS: &str = "⏶";
pub const NEXT: &str = "⏷";
pub const LIGHT: &str = "☀";
pub const DARK: &str = "🌙";
pub const CLEAR: &str = "✖";
pub const FOLDER: &str = "📁";
pub const FILE: &str = "📄";
pub const WARNING: &str = "⚠";
pub const INFO: &str = "ℹ";
pub const UP: &str = "⬆";

pub const ALL: [&str; 12] = [
    OPEN, SEARCH, PREVIOUS, NEXT, LIGHT, DARK, CLEAR, FOLDER, FILE, WARNING, INFO, UP,
];
