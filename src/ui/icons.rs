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
pub const RIGHT: &str = "✔";
pub const WRONG: &str = "✖";
pub const OPEN_BOOK: &str = "📖";
pub const NEXT_QUESTION: &str = "➡";
pub const START: &str = "▶";
pub const TICKED: &str = "☑";
pub const UNTICKED: &str = "☐";
pub const MOVE_UP: &str = "⏶";
pub const MOVE_DOWN: &str = "⏷";
/// Between a matching row and its choices.
pub const ARROW: &str = "➡";
pub const PERSON: &str = "👤";
pub const EXPORT: &str = "💾";
pub const REVIEW: &str = "🔁";

/// Every symbol above (a slice, so adding one cannot be forgotten here
/// without the list visibly missing it).
pub const ALL: &[&str] = &[
    OPEN,
    SEARCH,
    PREVIOUS,
    NEXT,
    LIGHT,
    DARK,
    CLEAR,
    FOLDER,
    FILE,
    WARNING,
    INFO,
    UP,
    RIGHT,
    WRONG,
    OPEN_BOOK,
    NEXT_QUESTION,
    START,
    TICKED,
    UNTICKED,
    MOVE_UP,
    MOVE_DOWN,
    ARROW,
    PERSON,
    EXPORT,
    REVIEW,
];
