//! Shared by the integration tests: running the command line as a trainer
//! would, and starting the app as a returning learner, each in its own folder.
// Each test file uses only some of these.
#![allow(dead_code)]

pub mod ui;

use std::path::Path;
use std::process::Command;

/// Runs `nghiquyet ARGS` with `NGHIQUYET_HOME=home`: (success, stdout, stderr).
pub fn run_cli<S: AsRef<std::ffi::OsStr>>(args: &[S], home: &Path) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_nghiquyet"))
        .args(args)
        .env("NGHIQUYET_HOME", home)
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// The app's start-up as a learner who has studied here before finds it: no
/// "who is studying?" question in the way.
pub fn startup_with_learner(home: &Path, file: Option<&Path>) -> nghiquyet::startup::Startup {
    let paths = nghiquyet::paths::Paths::under(home);
    let root = nghiquyet::progress::profiles::root(&paths);
    let _ =
        nghiquyet::progress::profiles::create(&root, "Người thử", nghiquyet::calendar::Millis(0));
    let mut startup = nghiquyet::startup::Startup::prepare(paths, file);
    startup.settings.profile = Some("nguoi-thu".to_string());
    startup
}

/// Words with a letter or digit in them, NFC: rules ("-----") and table
/// bars are layout, not words. For comparing what a reader read with what
/// a file holds.
pub fn words(text: &str) -> Vec<String> {
    nghiquyet::text::nfc(text)
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(str::to_string)
        .collect()
}
