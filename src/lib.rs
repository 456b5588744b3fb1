//! nghiquyet — "Học tập Nghị quyết": read a Party resolution and be quizzed on it.
//!
//! The core (document model, normalisation, search, settings, storage) never
//! touches egui; `ui` is the only module that does.

pub mod calendar;
pub mod classroom;
pub mod cli;
pub mod desktop;
pub mod document;
pub mod editor;
pub mod formats;
pub mod generate;
pub mod i18n;
pub mod ids;
pub mod jobs;
pub mod keypoints;
pub mod numbers;
pub mod parallel;
pub mod paths;
pub mod progress;
pub mod quiz;
pub mod search;
pub mod settings;
pub mod startup;
pub mod storage;
pub mod text;
pub mod trace;
pub mod ui;
pub mod vocabulary;
pub mod workspace;
