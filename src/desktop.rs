//! Asking the operating system to show something to the user, outside the
//! app: a folder in the file manager (where an exported file went).

use std::io;
use std::path::Path;
use std::process::{Command, Stdio};

/// Opens `folder` in the system's file manager (Explorer, Finder, or
/// whatever `xdg-open` names on Linux). Returns once the opener has started.
pub fn open_folder(folder: &Path) -> io::Result<()> {
    if !folder.is_dir() {
        return Err(io::Error::from(io::ErrorKind::NotFound));
    }
    let program = if cfg!(windows) {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    Command::new(program)
        .arg(folder)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_folder_is_refused_before_anything_is_started() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("khong-co");
        assert_eq!(
            open_folder(&gone).unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
    }
}
