//! Running the command line as a trainer would, with its own settings folder.

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
