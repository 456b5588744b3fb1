//! Reading a document from disk, refusing what is not a readable text with a
//! reason the user can act on.

use std::path::{Path, PathBuf};

use super::encoding::{self, DecodeError, Decoded};
use super::readers::{self, FileKind, Notice, READ_TIME_LIMIT};
use super::{Document, Format, Origin, ReadError};

/// Larger files are refused: a resolution is a few hundred kilobytes, and a
/// file this big is almost certainly not one.
pub const MAX_DOCUMENT_BYTES: u64 = 32 * 1024 * 1024;

/// Why a document could not be opened. The UI and the command line turn these
/// into sentences in the user's language (see `i18n`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    NotFound(PathBuf),
    IsFolder(PathBuf),
    TooLarge {
        path: PathBuf,
        bytes: u64,
    },
    /// Not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI text (nothing reads as
    /// Vietnamese); line and column of the first byte that is not UTF-8,
    /// 1-based.
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    /// Contains NUL bytes: a binary file (a .doc, a .pdf, an image…).
    Binary(PathBuf),
    /// Nothing but white space.
    Empty,
    /// Any other operating-system error (permissions, disk errors…).
    Io {
        path: PathBuf,
        message: String,
    },
    /// A kind of file the app has no reader for yet (`.pdf`, `.doc`).
    Unsupported {
        path: PathBuf,
        kind: FileKind,
    },
    /// Damaged, or not what its name or signature says (a technical detail
    /// for the curious).
    Damaged {
        path: PathBuf,
        kind: FileKind,
        detail: String,
    },
    /// Would unpack to more than the readers' limit: a zip bomb, or close.
    TooLargeUnpacked {
        path: PathBuf,
        kind: FileKind,
    },
    /// Too many parts, or nested too deep, to be an ordinary document.
    TooComplex {
        path: PathBuf,
        kind: FileKind,
    },
    /// The reader ran out of time and was stopped.
    TimedOut {
        path: PathBuf,
        kind: FileKind,
        seconds: u64,
    },
    /// The reader failed (a bug in it, or in a library it uses, met by this
    /// file); the app goes on.
    ReaderFailed {
        path: PathBuf,
        kind: FileKind,
    },
    /// A .pdf or .doc whose text could not be read (no text layer, password,
    /// an old Word format…).
    Unreadable {
        path: PathBuf,
        reason: ReadError,
    },
}

/// A document and what its reader left out or reshaped on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    pub document: Document,
    pub notices: Vec<Notice>,
}

/// Reads and parses a document file of any kind the app reads (text,
/// `.docx`, a saved web page). The text is normalised to NFC.
pub fn load_document(path: &Path) -> Result<Document, LoadError> {
    open_document(path).map(|opened| opened.document)
}

/// [`load_document`], with the readers' notices ("a table was flattened"…).
///
/// The kind of file is decided by its content and its name (see
/// [`readers::sniff`]); every reader produces the app's Markdown, so one
/// parser builds every document.
pub fn open_document(path: &Path) -> Result<Opened, LoadError> {
    let bytes = read_limited(path)?;
    let fallback_title = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let origin = Origin::File(path.to_path_buf());
    let kind = readers::sniff(path, &bytes);
    if kind == FileKind::Text {
        // Any encoding a Vietnamese PC produces; `conversion` says which.
        let decoded = decode(path, &bytes)?;
        let mut document = Document::from_text(
            &decoded.text,
            Format::from_path(path),
            &fallback_title,
            origin,
        )?;
        document.conversion = decoded.conversion;
        return Ok(Opened {
            document,
            notices: Vec::new(),
        });
    }
    if matches!(kind, FileKind::Pdf | FileKind::Doc) {
        let read: fn(&[u8]) -> _ = if kind == FileKind::Pdf {
            super::pdf::read
        } else {
            super::doc::read
        };
        let owned = path.to_path_buf();
        let (markdown, _notices) =
            readers::run_guarded(path, kind, READ_TIME_LIMIT, move |_budget| {
                read(&bytes).map_err(|reason| LoadError::Unreadable {
                    path: owned,
                    reason,
                })
            })?;
        let document = Document::from_text(&markdown, Format::Markdown, &fallback_title, origin)?;
        return Ok(Opened {
            document,
            notices: Vec::new(),
        });
    }
    let Some(reader) = readers::reader_for(kind) else {
        return Err(LoadError::Unsupported {
            path: path.to_path_buf(),
            kind,
        });
    };
    // A web page is text: its encoding is checked like any text's.
    let mut conversion = None;
    let bytes = if kind == FileKind::Html {
        let decoded = decode(path, &bytes)?;
        conversion = decoded.conversion;
        decoded.text.into_bytes()
    } else {
        bytes
    };
    let converted = readers::run_reader(path, kind, bytes, reader, READ_TIME_LIMIT)?;
    let markdown = converted.markdown();
    let mut document = Document::from_text(&markdown, Format::Markdown, &fallback_title, origin)?;
    document.conversion = conversion;
    Ok(Opened {
        document,
        notices: converted.notices,
    })
}

fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
    if meta.is_dir() {
        return Err(LoadError::IsFolder(path.to_path_buf()));
    }
    if meta.len() > MAX_DOCUMENT_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            bytes: meta.len(),
        });
    }
    std::fs::read(path).map_err(|e| io_error(path, e))
}

fn io_error(path: &Path, e: std::io::Error) -> LoadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound(path.to_path_buf()),
        std::io::ErrorKind::IsADirectory => LoadError::IsFolder(path.to_path_buf()),
        _ => LoadError::Io {
            path: path.to_path_buf(),
            message: e.to_string(),
        },
    }
}

/// Decodes a file's bytes, turning a failure into a [`LoadError`].
fn decode(path: &Path, bytes: &[u8]) -> Result<Decoded, LoadError> {
    encoding::decode(bytes).map_err(|e| match e {
        DecodeError::Binary => LoadError::Binary(path.to_path_buf()),
        DecodeError::Unrecognised { line, column } => LoadError::NotUtf8 {
            path: path.to_path_buf(),
            line,
            column,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    #[test]
    fn refuses_files_that_are_not_text_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();

        // No encoding reads these bytes as Vietnamese.
        assert_eq!(
            load_document(&write(d, "c.txt", b"Dong 1\n\xff\xfe\xfd\xfc \x80\x81")),
            Err(LoadError::NotUtf8 {
                path: d.join("c.txt"),
                line: 2,
                column: 1
            })
        );
        // A zip (a .docx) under a text name goes to the .docx reader.
        assert!(matches!(
            load_document(&write(d, "e.txt", b"PK\x03\x04\x00\x00")),
            Err(LoadError::Damaged {
                kind: FileKind::Docx,
                ..
            })
        ));
        assert_eq!(
            load_document(&write(d, "g.txt", b"\x89PNG\r\n\x1a\n\x00\x00")),
            Err(LoadError::Binary(d.join("g.txt")))
        );
        assert_eq!(
            load_document(&write(d, "f.txt", b" \n\n ")),
            Err(LoadError::Empty)
        );
        assert_eq!(load_document(d), Err(LoadError::IsFolder(d.to_path_buf())));
        assert_eq!(
            load_document(&d.join("none.txt")),
            Err(LoadError::NotFound(d.join("none.txt")))
        );
    }

    #[test]
    fn reads_utf16_and_windows_1258_and_says_so() {
        use super::super::encoding::{Conversion, TextEncoding};
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();

        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("Nghị quyết".encode_utf16().flat_map(u16::to_le_bytes));
        let doc = load_document(&write(d, "a.txt", &utf16)).unwrap();
        assert_eq!(doc.blocks[0].text, "Nghị quyết");
        assert_eq!(
            doc.conversion,
            Some(Conversion::Decoded(TextEncoding::Utf16Le))
        );

        // "Nghị quyết Đảng" in Windows-1258: "Nghi" + combining dot below
        // (0xF2)…
        let cp1258 = b"Nghi\xf2 quy\xea\xect \xd0a\xd2ng";
        let doc = load_document(&write(d, "c.txt", cp1258)).unwrap();
        assert_eq!(doc.blocks[0].text, "Nghị quyết Đảng");
        assert_eq!(
            doc.conversion,
            Some(Conversion::Decoded(TextEncoding::Windows1258))
        );

        let doc = load_document(&write(d, "u.txt", "Nghị quyết".as_bytes())).unwrap();
        assert_eq!(doc.conversion, None);
    }

    #[test]
    fn refuses_files_over_the_limit_without_reading_them() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        let f = std::fs::File::create(&p).unwrap();
        f.set_len(MAX_DOCUMENT_BYTES + 1).unwrap();
        assert_eq!(
            load_document(&p),
            Err(LoadError::TooLarge {
                path: p.clone(),
                bytes: MAX_DOCUMENT_BYTES + 1
            })
        );
    }

    #[test]
    fn reads_utf8_with_or_without_bom_and_picks_the_format_by_extension() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let plain = load_document(&write(
            d,
            "nq.txt",
            "\u{FEFF}Đoạn một.\n\nĐoạn hai.".as_bytes(),
        ))
        .unwrap();
        assert_eq!(plain.blocks[0].text, "Đoạn một.");
        assert_eq!(plain.meta.title, "nq");
        assert_eq!(plain.origin, Origin::File(d.join("nq.txt")));
        let md = load_document(&write(d, "nq.md", "# Tiêu đề\n\nĐoạn.".as_bytes())).unwrap();
        assert_eq!(md.meta.title, "Tiêu đề");
    }
}
