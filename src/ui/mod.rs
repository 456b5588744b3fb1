//! The window: the only part of the crate that uses egui.
//!
//! It draws the [`Workspace`](crate::workspace::Workspace) and hands what
//! the user asks for back to it:
//!
//! - [`app`]: [`App`], the frame pipeline — keys, bars, the screen, dialogs,
//!   then the frame's [`Action`]s applied in order;
//! - [`command`]: every keyboard command with its label and keys, in one
//!   table;
//! - [`chrome`]: menus, tabs, toolbar, search field, status bar, notices;
//! - [`router`]: which screen fills the window and what it is given;
//! - one module per screen (`reader`, `practice`, `progress_screen`,
//!   `session_screen`, `exam_screen`, `editor_screen`) and per dialog
//!   (`open_dialog`, `profile_picker`), each drawing from what it is given
//!   and returning actions;
//! - `style`, `fonts`, `icons`: the look.

mod app;
mod chrome;
pub mod command;
pub mod editor_screen;
pub mod exam_screen;
pub mod fonts;
pub mod icons;
mod keypoints_panel;
pub mod look;
mod open_dialog;
mod paste_dialog;
pub mod practice;
mod presenter;
mod profile_picker;
pub mod progress_screen;
pub mod reader;
mod room_view;
mod router;
pub mod session_screen;
pub mod style;
mod widgets;

pub use crate::workspace::{Notice, NoticeKind, Screen};
pub use app::{Action, App};

use crate::startup::Startup;

/// The window title: the product's name, in every interface language.
pub const WINDOW_TITLE: &str = "Học tập Nghị quyết";

/// The widest texture the app asks for (see `App::raw_input_hook`).
const MAX_TEXTURE_SIDE: usize = 2048;

/// Windows at least this wide show the quiz and the text side by side…
const SIDE_BY_SIDE_WIDTH: f32 = 1150.0;

/// …and at least this many text sizes wide (each pane some 25): at the
/// largest text sizes two panes of a dozen words a line are hard to read.
const SIDE_BY_SIDE_EMS: f32 = 50.0;

/// Whether the quiz and the text go side by side in a window this wide.
fn side_by_side(width: f32, text_size: f32) -> bool {
    width >= SIDE_BY_SIDE_WIDTH.max(text_size * SIDE_BY_SIDE_EMS)
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
