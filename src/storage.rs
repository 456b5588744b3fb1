//! Files we write: atomically, with a schema version, and never over a file
//! we could not read.
//!
//! - [`write_atomic`]: temp file in the same folder, fsync, rename, fsync the
//!   folder — a power cut leaves the old file or the new one, never half of one.
//! - [`read_ron`]: a file that exists but cannot be parsed is moved aside
//!   with a timestamp ([`set_aside`]) and reported, so the caller can tell the
//!   user where it went and carry on with defaults.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// A file (or folder) that could not be written or used: which, and what
/// the system said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    pub path: PathBuf,
    pub message: String,
}

impl FileError {
    pub fn new(path: &Path, error: impl std::fmt::Display) -> FileError {
        FileError {
            path: path.to_path_buf(),
            message: error.to_string(),
        }
    }

    /// `map_err` for an operation on `path`.
    pub fn at<E: std::fmt::Display>(path: &Path) -> impl FnOnce(E) -> FileError + '_ {
        move |e| FileError::new(path, e)
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for FileError {}

/// Writes `bytes` to `path` so that readers see either the old or the new
/// content, even across a crash or power cut.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)?;
        if let Err(e) = fault::check(path) {
            // As a full disk would: part of the file written, then an error.
            file.write_all(&bytes[..bytes.len() / 2])?;
            return Err(e);
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// A seam for tests: makes the disk "full" for the files under a folder, so
/// a test can fail every write of a save in turn and check that nothing saved
/// is lost. Costs one atomic load per write when no test uses it.
#[doc(hidden)]
pub mod fault {
    use std::io;
    use std::path::{Path, PathBuf};
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicBool, Ordering};

    static ARMED: AtomicBool = AtomicBool::new(false);
    /// (folder, writes still allowed before the disk is full, writes seen).
    static FAULTS: Mutex<Vec<(PathBuf, usize, usize)>> = Mutex::new(Vec::new());

    /// While the returned guard lives, the `n`-th write (1-based) under `dir`
    /// and every one after it fails with "no space left on device".
    #[must_use]
    pub fn disk_full_after(dir: &Path, n: usize) -> Guard {
        let mut faults = FAULTS.lock().unwrap_or_else(|e| e.into_inner());
        faults.push((dir.to_path_buf(), n.saturating_sub(1), 0));
        ARMED.store(true, Ordering::SeqCst);
        Guard(dir.to_path_buf())
    }

    pub struct Guard(PathBuf);

    impl Guard {
        /// How many writes under the folder were attempted so far.
        pub fn writes(&self) -> usize {
            let faults = FAULTS.lock().unwrap_or_else(|e| e.into_inner());
            faults.iter().find(|f| f.0 == self.0).map_or(0, |f| f.2)
        }
    }

    impl Drop for Guard {
        fn drop(&mut self) {
            let mut faults = FAULTS.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(i) = faults.iter().position(|f| f.0 == self.0) {
                faults.remove(i);
            }
            ARMED.store(!faults.is_empty(), Ordering::SeqCst);
        }
    }

    /// Called before each write of a file at `path`: fails if a test has
    /// made the disk full there.
    pub fn check(path: &Path) -> io::Result<()> {
        if !ARMED.load(Ordering::Relaxed) {
            return Ok(());
        }
        let mut faults = FAULTS.lock().unwrap_or_else(|e| e.into_inner());
        for (dir, allowed, seen) in faults.iter_mut() {
            if path.starts_with(dir) {
                *seen += 1;
                if *allowed == 0 {
                    return Err(io::Error::new(
                        io::ErrorKind::StorageFull,
                        "no space left on device (simulated)",
                    ));
                }
                *allowed -= 1;
            }
        }
        Ok(())
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// `value` as readable RON: pretty, named structs, fields in declaration
/// order (so two versions of a file compare line by line).
pub fn to_ron<T: Serialize>(value: &T) -> io::Result<String> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_string());
    let text =
        ron::ser::to_string_pretty(value, config).map_err(|e| io::Error::other(e.to_string()))?;
    Ok(format!("{text}\n"))
}

/// Serialises `value` as readable RON and writes it atomically.
pub fn write_ron<T: Serialize>(path: &Path, value: &T) -> io::Result<()> {
    write_atomic(path, to_ron(value)?.as_bytes())
}

/// A RON error at a place in a file; `line` and `column` are 1-based.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RonError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::error::Error for RonError {}

impl fmt::Display for RonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

/// Parses RON text (NFC-normalised first), reporting errors with their position.
/// A byte-order mark (Notepad's "UTF-8 with BOM", Excel) is skipped; CRLF line
/// ends are white space like any other.
pub fn parse_ron<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, RonError> {
    let text = crate::text::nfc(crate::text::strip_bom(text));
    ron::from_str(&text).map_err(|e| RonError {
        path: path.to_path_buf(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })
}

/// Why a file we own could not be read. `Display` gives the English form for
/// a terminal or a log; `i18n::describe_read_problem` tells the user in their
/// language, without a parser's English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadProblem {
    Io {
        path: PathBuf,
        kind: io::ErrorKind,
        message: String,
    },
    NotUtf8 {
        path: PathBuf,
    },
    /// Damaged content, at a line and column.
    Syntax(RonError),
}

impl fmt::Display for ReadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadProblem::Io { path, message, .. } => write!(f, "{}: {message}", path.display()),
            ReadProblem::NotUtf8 { path } => write!(f, "{}: not UTF-8 text", path.display()),
            ReadProblem::Syntax(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadProblem {}

/// What reading a file we own turned up.
#[derive(Debug)]
pub enum ReadOutcome<T> {
    /// No file yet: start from defaults.
    Missing,
    Loaded(T),
    /// The file could not be used; it was moved to `moved_to` (or left where it
    /// was if even that failed) and must not be overwritten.
    SetAside {
        error: ReadProblem,
        moved_to: Option<PathBuf>,
    },
}

/// Reads a RON file we own. A file that exists but cannot be read or parsed
/// is moved aside (see [`set_aside`]).
pub fn read_ron<T: DeserializeOwned>(path: &Path) -> ReadOutcome<T> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return ReadOutcome::Missing,
        Err(e) => {
            return ReadOutcome::SetAside {
                error: ReadProblem::Io {
                    path: path.to_path_buf(),
                    kind: e.kind(),
                    message: e.to_string(),
                },
                moved_to: None,
            };
        }
    };
    let parsed = match std::str::from_utf8(&bytes) {
        Ok(text) => parse_ron(path, text).map_err(ReadProblem::Syntax),
        Err(_) => Err(ReadProblem::NotUtf8 {
            path: path.to_path_buf(),
        }),
    };
    match parsed {
        Ok(value) => ReadOutcome::Loaded(value),
        Err(error) => ReadOutcome::SetAside {
            error,
            moved_to: set_aside(path).ok(),
        },
    }
}

/// Renames a file we cannot read to `NAME.unreadable-YYYYMMDD-HHMMSS` beside
/// it (adding a counter if that exists), so it is kept for the user and never
/// overwritten.
pub fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let target = aside_name(path);
    fs::rename(path, &target)?;
    Ok(target)
}

/// Keeps a copy of a damaged file under the name [`set_aside`] would give
/// it, leaving the file in place (to be replaced atomically by a repaired
/// one). A hard link where the disk allows it: no space needed, and the
/// original bytes stay as they were when the file itself is replaced.
pub fn keep_copy(path: &Path) -> io::Result<PathBuf> {
    let target = aside_name(path);
    if fs::hard_link(path, &target).is_err() {
        let copied = fault::check(&target)
            .and_then(|()| fs::copy(path, &target))
            .and_then(|_| File::open(&target)?.sync_all());
        if let Err(e) = copied {
            let _ = fs::remove_file(&target);
            return Err(e);
        }
    }
    if let Some(dir) = target.parent() {
        let _ = sync_dir(dir);
    }
    Ok(target)
}

fn aside_name(path: &Path) -> PathBuf {
    let stamp = utc_timestamp(SystemTime::now());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut target = path.with_file_name(format!("{name}.unreadable-{stamp}"));
    let mut n = 2;
    while target.exists() {
        target = path.with_file_name(format!("{name}.unreadable-{stamp}-{n}"));
        n += 1;
    }
    target
}

/// "YYYYMMDD-HHMMSS" in UTC.
pub fn utc_timestamp(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (y, m, d) = crate::calendar::civil_from_days((secs / 86_400) as i64);
    let s = secs % 86_400;
    format!(
        "{y:04}{m:02}{d:02}-{:02}{:02}{:02}",
        s / 3600,
        s % 3600 / 60,
        s % 60
    )
}

/// `path`, or the same name with "-2", "-3"… before its extension: the first
/// that does not exist yet.
pub fn fresh_name(path: &Path) -> PathBuf {
    if !path.exists() && !is_symlink(path) {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map_or(String::new(), |s| s.to_string_lossy().into_owned());
    let ext = path
        .extension()
        .map_or(String::new(), |e| format!(".{}", e.to_string_lossy()));
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}{ext}")))
        .find(|p| !p.exists() && !is_symlink(p))
        .expect("some name is free")
}

fn is_symlink(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Sample {
        version: u32,
        name: String,
    }

    #[test]
    fn files_edited_on_windows_parse() {
        let text = "\u{feff}(\r\n    version: 1,\r\n    name: \"Lan\",\r\n)\r\n";
        let s: Sample = parse_ron(Path::new("x.ron"), text).unwrap();
        assert_eq!(s.name, "Lan");
    }

    #[test]
    fn atomic_write_replaces_content_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub").join("a.ron");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(p.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.ron"]);
    }

    #[test]
    fn a_full_disk_fails_the_nth_write_and_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ron");
        write_atomic(&p, b"old").unwrap();
        let other = tempfile::tempdir().unwrap();
        {
            let full = fault::disk_full_after(dir.path(), 2);
            write_atomic(&p, b"first").unwrap();
            // Writes elsewhere are not affected, nor counted.
            write_atomic(&other.path().join("b"), b"b").unwrap();
            let e = write_atomic(&p, b"second").unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::StorageFull);
            assert!(write_atomic(&p, b"third").is_err(), "the disk stays full");
            assert_eq!(full.writes(), 3);
        }
        assert_eq!(fs::read(&p).unwrap(), b"first");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.ron"], "no temp file left behind");
        write_atomic(&p, b"fourth").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"fourth");
    }

    #[test]
    fn ron_round_trips_and_missing_file_is_not_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        assert!(matches!(read_ron::<Sample>(&p), ReadOutcome::Missing));
        let value = Sample {
            version: 1,
            name: "Đoàn kết".into(),
        };
        write_ron(&p, &value).unwrap();
        assert!(matches!(read_ron::<Sample>(&p), ReadOutcome::Loaded(v) if v == value));
    }

    #[test]
    fn unreadable_file_is_moved_aside_untouched_and_reported_with_its_position() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        let garbage = "(\n  version: 1,\n  name: oops\n)";
        fs::write(&p, garbage).unwrap();
        let ReadOutcome::SetAside { error, moved_to } = read_ron::<Sample>(&p) else {
            panic!("should be set aside");
        };
        assert!(error.to_string().contains("s.ron:3:"), "{error}");
        let moved = moved_to.unwrap();
        assert!(!p.exists());
        assert_eq!(fs::read_to_string(&moved).unwrap(), garbage);
        assert!(
            moved
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("s.ron.unreadable-")
        );

        // A second bad file in the same second gets its own name.
        fs::write(&p, [0xff, 0xfe]).unwrap();
        let ReadOutcome::SetAside {
            moved_to: second, ..
        } = read_ron::<Sample>(&p)
        else {
            panic!("should be set aside");
        };
        assert_ne!(second.unwrap(), moved);
    }

    #[test]
    fn parse_ron_normalises_to_nfc() {
        let s: Sample = parse_ron(Path::new("x"), "(version: 1, name: \"Nghi\u{0323}\")").unwrap();
        assert_eq!(s.name, "Nghị");
    }

    #[test]
    fn timestamps_are_utc_calendar_dates() {
        assert_eq!(utc_timestamp(UNIX_EPOCH), "19700101-000000");
        let t = UNIX_EPOCH + Duration::from_secs(1_608_868_800 + 3661); // 2020-12-25 05:01:01
        assert_eq!(utc_timestamp(t), "20201225-050101");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400); // 2000-02-29
        assert_eq!(utc_timestamp(leap), "20000229-000000");
    }
}
