//! Readers for the files people are actually sent — Word `.docx`, saved web
//! pages — and the dispatch that picks one by content and extension.
//!
//! Every reader turns bytes into the app's own Markdown subset (front matter,
//! `#` headings, list items, `![caption]()`, paragraphs: see `parse.rs`), so
//! that one parser builds every [`Document`](super::Document), and adds
//! [`Notice`]s for what it left out or reshaped.
//!
//! Readers run on a worker thread with a time limit, behind `catch_unwind`,
//! with limits on unpacked size and on the number of parts: a damaged or
//! hostile file gets a [`LoadError`] within seconds, never a hang, a crash or
//! unbounded memory.
//!
//! Adding a reader (`.pdf`, `.doc`): write `fn read(bytes: &[u8], budget:
//! &Budget) -> Result<Converted, ReadError>` in a module beside `docx.rs`,
//! and return it from [`reader_for`] for its [`FileKind`]. Sniffing already
//! recognises both.

mod docx;
mod html;
mod markdown;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

pub use docx::{MarkedParagraph, Marks};
pub use markdown::to_markdown;

/// A `.docx` file's paragraphs with their formatting (for question banks,
/// which mark right answers by underline, colour or bold), within the time
/// limit every reader has.
pub fn docx_paragraphs(bytes: &[u8]) -> Result<Vec<MarkedParagraph>, ReadError> {
    docx::read_marked(bytes, &Budget::new(READ_TIME_LIMIT))
}

use super::{BlockKind, LoadError, Meta};

/// How long a reader may work on one file.
pub const READ_TIME_LIMIT: Duration = Duration::from_secs(10);
/// The most a reader may unpack from a compressed file (a `.docx` is a zip):
/// more is taken for a zip bomb.
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;
/// The most blocks (paragraphs, headings, table rows…) one document may have.
/// A long law has a few thousand.
pub const MAX_BLOCKS: usize = 200_000;

/// What kind of file the bytes are, whatever the name says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// Plain text or the app's Markdown (`.txt`, `.md`), in any encoding
    /// `encoding::decode` recognises.
    Text,
    /// Word 2007+ (`.docx`, a zip of XML parts).
    Docx,
    /// A web page saved from a browser (`.html`, `.htm`).
    Html,
    /// A PDF with a text layer (`document/pdf.rs`).
    Pdf,
    /// Word 97–2003 `.doc`, an OLE compound file (`document/doc.rs`).
    Doc,
}

impl FileKind {
    /// The name users know the kind by, for messages.
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Text => "text",
            FileKind::Docx => ".docx",
            FileKind::Html => "HTML",
            FileKind::Pdf => ".pdf",
            FileKind::Doc => ".doc",
        }
    }
}

/// Something a reader left out or reshaped, for the user to know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Tables were turned into one paragraph per row, cells joined by " | ".
    TablesFlattened(usize),
    /// Page headers and footers (and their page numbers) were left out.
    HeadersFootersLeftOut,
    /// Footnotes or endnotes were moved to the end, as "[n] …".
    NotesAtEnd(usize),
    /// Pictures were left out (their captions, if any, are kept).
    ImagesLeftOut(usize),
    /// Of a web page, only the article was kept: menus, sidebars, related
    /// links, comments and the like were left out.
    PageChromeLeftOut,
}

/// A reader's result: metadata, blocks, and what the user should know.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Converted {
    pub meta: Meta,
    pub blocks: Vec<(BlockKind, String)>,
    pub notices: Vec<Notice>,
}

impl Converted {
    /// Adds a block unless it is blank; refuses past [`MAX_BLOCKS`].
    pub(crate) fn push(&mut self, kind: BlockKind, text: &str) -> Result<(), ReadError> {
        let text = clean_text(text);
        if text.is_empty() {
            return Ok(());
        }
        if self.blocks.len() >= MAX_BLOCKS {
            return Err(ReadError::TooComplex);
        }
        self.blocks.push((kind, text));
        Ok(())
    }

    /// The app's Markdown for these blocks (see `parse.rs`).
    pub fn markdown(&self) -> String {
        markdown::write(
            &self.meta,
            self.blocks.iter().map(|(k, t)| (*k, t.as_str())),
        )
    }
}

/// Collapses white space (including no-break spaces) and drops rules drawn
/// with characters ("-----", "_____", "*****"), which are layout, not text.
pub(crate) fn clean_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let is_rule = word.chars().count() >= 3
            && word
                .chars()
                .all(|c| matches!(c, '-' | '_' | '=' | '*' | '~'));
        if is_rule {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Why a reader gave up; the dispatch adds the path and the kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Damaged, or not the kind of file it claims to be (with a technical
    /// detail for the curious).
    Damaged(String),
    /// Would unpack to more than [`MAX_UNPACKED_BYTES`].
    TooLargeUnpacked,
    /// Too many parts (entries, elements, blocks) or nested too deep.
    TooComplex,
    /// The time limit passed; the reader stopped.
    TimedOut,
}

/// The time a reader has left, checked by readers in their loops so that a
/// reader whose caller stopped waiting stops too.
pub struct Budget {
    deadline: Instant,
    cancelled: Arc<AtomicBool>,
}

impl Budget {
    pub fn new(limit: Duration) -> Budget {
        Budget {
            deadline: Instant::now() + limit,
            cancelled: Arc::new(AtomicBool::new(false)),
        }
    }

    /// `Err(TimedOut)` once the time is up or the caller gave up.
    pub fn check(&self) -> Result<(), ReadError> {
        if self.cancelled.load(Ordering::Relaxed) || Instant::now() > self.deadline {
            Err(ReadError::TimedOut)
        } else {
            Ok(())
        }
    }
}

/// A reader: bytes in, blocks out.
pub type ReaderFn = fn(&[u8], &Budget) -> Result<Converted, ReadError>;

/// The reader for a kind of file; `None` where there is none yet (the file
/// is then refused with a message saying what to do).
pub fn reader_for(kind: FileKind) -> Option<ReaderFn> {
    match kind {
        FileKind::Docx => Some(docx::read),
        FileKind::Html => Some(html::read),
        // Slots for the readers being written separately:
        // `FileKind::Pdf => Some(pdf::read)`, `FileKind::Doc => Some(doc::read)`.
        FileKind::Pdf | FileKind::Doc => None,
        // Text is decoded and parsed directly (see `load.rs`).
        FileKind::Text => None,
    }
}

/// Decides what the bytes are. Content wins over the name for the formats
/// that announce themselves (zip, `%PDF`, OLE); a web page is known by its
/// extension or by starting like one.
pub fn sniff(path: &Path, bytes: &[u8]) -> FileKind {
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return FileKind::Docx;
    }
    if bytes.starts_with(b"%PDF") {
        return FileKind::Pdf;
    }
    if bytes.starts_with(OLE) {
        return FileKind::Doc;
    }
    match extension.as_deref() {
        Some("html" | "htm" | "xhtml" | "shtml") => return FileKind::Html,
        // Named as Word or PDF but without their signature: let the reader
        // say it is damaged rather than show binary noise as text.
        Some("docx") => return FileKind::Docx,
        Some("pdf") => return FileKind::Pdf,
        Some("doc") if !looks_like_html(bytes) => return FileKind::Doc,
        _ => {}
    }
    if looks_like_html(bytes) {
        FileKind::Html
    } else {
        FileKind::Text
    }
}

/// Starts (after a byte-order mark, white space and comments) with a
/// doctype or an `<html>` tag — Word's "save as web page" `.doc` does too.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head);
    let lower: Vec<u8> = head
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .map(u8::to_ascii_lowercase)
        .collect();
    let mut rest = lower.as_slice();
    if rest.starts_with(b"<?xml")
        && let Some(end) = rest.windows(2).position(|w| w == b"?>")
    {
        rest = rest[end + 2..].trim_ascii_start();
    }
    while rest.starts_with(b"<!--") {
        match rest.windows(3).position(|w| w == b"-->") {
            Some(end) => rest = rest[end + 3..].trim_ascii_start(),
            None => return false,
        }
    }
    rest.starts_with(b"<!doctype html") || rest.starts_with(b"<html")
}

/// Runs `reader` over `bytes` on a worker thread, waiting at most `limit`,
/// turning a panic into [`LoadError::ReaderFailed`] and a timeout into
/// [`LoadError::TimedOut`]. A reader still running after the limit is told
/// to stop (through its [`Budget`]) and left to finish on its own.
pub fn run_reader(
    path: &Path,
    kind: FileKind,
    bytes: Vec<u8>,
    reader: ReaderFn,
    limit: Duration,
) -> Result<Converted, LoadError> {
    let owned = path.to_path_buf();
    run_guarded(path, kind, limit, move |budget| {
        reader(&bytes, budget).map_err(|error| match error {
            ReadError::Damaged(detail) => LoadError::Damaged {
                path: owned,
                kind,
                detail,
            },
            ReadError::TooLargeUnpacked => LoadError::TooLargeUnpacked { path: owned, kind },
            ReadError::TooComplex => LoadError::TooComplex { path: owned, kind },
            ReadError::TimedOut => LoadError::TimedOut {
                path: owned,
                kind,
                seconds: limit.as_secs().max(1),
            },
        })
    })
}

/// Runs `job` on a worker thread with a time limit, catching a panic in it
/// (a third-party parser's): a hostile or broken file gets a message within
/// the limit, never a hang or a crash. Every reader goes through here.
pub fn run_guarded<T: Send + 'static>(
    path: &Path,
    kind: FileKind,
    limit: Duration,
    job: impl FnOnce(&Budget) -> Result<T, LoadError> + Send + 'static,
) -> Result<T, LoadError> {
    let budget = Budget::new(limit);
    let cancelled = budget.cancelled.clone();
    let (send, receive) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name(format!("read {}", kind.label()))
        .stack_size(16 * 1024 * 1024)
        .spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(&budget)));
            let _ = send.send(result);
        });
    if let Err(e) = spawned {
        return Err(LoadError::Io {
            path: path.to_path_buf(),
            message: e.to_string(),
        });
    }
    let path = path.to_path_buf();
    // A little more than the budget, so that a reader that notices the time
    // itself reports it in its own words.
    match receive.recv_timeout(limit + Duration::from_millis(250)) {
        Ok(Ok(result)) => result,
        Ok(Err(_)) | Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
            Err(LoadError::ReaderFailed { path, kind })
        }
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            cancelled.store(true, Ordering::Relaxed);
            Err(LoadError::TimedOut {
                path,
                kind,
                seconds: limit.as_secs().max(1),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing_trusts_signatures_over_names() {
        let p = |name: &str| Path::new(name).to_path_buf();
        assert_eq!(sniff(&p("a.txt"), b"PK\x03\x04rest"), FileKind::Docx);
        assert_eq!(sniff(&p("a.doc"), b"PK\x03\x04rest"), FileKind::Docx);
        assert_eq!(sniff(&p("a.docx"), b"%PDF-1.7"), FileKind::Pdf);
        assert_eq!(
            sniff(
                &p("a"),
                &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]
            ),
            FileKind::Doc
        );
        assert_eq!(sniff(&p("a.docx"), b"hello"), FileKind::Docx);
        assert_eq!(sniff(&p("a.htm"), b"hello"), FileKind::Html);
        assert_eq!(
            sniff(&p("a.txt"), b"\xEF\xBB\xBF  <!DOCTYPE html><p>x"),
            FileKind::Html
        );
        assert_eq!(
            sniff(&p("bai.doc"), b"<!-- saved --><HTML><body>x"),
            FileKind::Html
        );
        assert_eq!(
            sniff(&p("a.md"), b"<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"),
            FileKind::Html
        );
        assert_eq!(sniff(&p("a.md"), b"# <html> is a tag"), FileKind::Text);
        assert_eq!(sniff(&p("a.txt"), b"Nghi quyet"), FileKind::Text);
    }

    #[test]
    fn text_is_cleaned_of_rules_and_extra_space() {
        assert_eq!(clean_text("  QUỐC HỘI\n--------\u{a0} "), "QUỐC HỘI");
        assert_eq!(clean_text("a - b -- c"), "a - b -- c");
        assert_eq!(clean_text("_____"), "");
    }

    fn slow(_: &[u8], budget: &Budget) -> Result<Converted, ReadError> {
        loop {
            budget.check()?;
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn stuck(_: &[u8], _: &Budget) -> Result<Converted, ReadError> {
        std::thread::sleep(Duration::from_secs(3));
        Ok(Converted::default())
    }

    fn panics(bytes: &[u8], _: &Budget) -> Result<Converted, ReadError> {
        let _ = bytes[usize::MAX / 2];
        unreachable!()
    }

    #[test]
    fn a_reader_that_runs_too_long_or_panics_gives_an_error_in_time() {
        let path = Path::new("x.docx");
        for reader in [slow as ReaderFn, stuck] {
            let start = Instant::now();
            let result = run_reader(
                path,
                FileKind::Docx,
                vec![],
                reader,
                Duration::from_millis(200),
            );
            assert!(
                matches!(result, Err(LoadError::TimedOut { seconds: 1, .. })),
                "{result:?}"
            );
            assert!(start.elapsed() < Duration::from_secs(2));
        }
        let result = run_reader(
            path,
            FileKind::Docx,
            vec![1],
            panics,
            Duration::from_secs(5),
        );
        assert_eq!(
            result,
            Err(LoadError::ReaderFailed {
                path: path.to_path_buf(),
                kind: FileKind::Docx
            })
        );
    }

    #[test]
    fn blocks_past_the_limit_are_refused() {
        let mut c = Converted {
            blocks: vec![(BlockKind::Paragraph, "x".to_string()); MAX_BLOCKS],
            ..Converted::default()
        };
        assert_eq!(
            c.push(BlockKind::Paragraph, "one more"),
            Err(ReadError::TooComplex)
        );
        assert_eq!(c.push(BlockKind::Paragraph, "  "), Ok(()));
    }
}
