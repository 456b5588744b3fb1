//! What the readers of other formats (`.pdf`, `.doc`) share: why a file could
//! not be read, what was done to it on the way in, and how the blocks they
//! find are written out as the app's Markdown (see `parse.rs`), so that one
//! parser builds every document.
//!
//! Kept free of any one format: the `.docx`/`.html` readers can use the same
//! types when the reader dispatch is merged.

use std::fmt::Write as _;

/// Why a file in a foreign format could not be turned into text. The UI and
/// the command line word these for the user (see `i18n`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Not a file of the kind its name says, or damaged past reading.
    Damaged {
        format: &'static str,
        detail: String,
    },
    /// Protected by a password.
    Encrypted { format: &'static str },
    /// A PDF whose pages hold no text: scanned pages or pictures of text. The
    /// app does no character recognition.
    NoText,
    /// A PDF whose text cannot be decoded (its fonts give no Unicode for their
    /// glyphs): copying from it would give garbage too.
    UndecodableText,
    /// A Word file this reader cannot take apart (Word 6/95, fast-saved…):
    /// saving it as .docx in Word fixes it.
    SaveAsDocx { detail: String },
    /// More pages, objects or text than any resolution has.
    TooBig { detail: String },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Damaged { format, detail } => {
                write!(f, "not a readable {format} file ({detail})")
            }
            ReadError::Encrypted { format } => write!(f, "the {format} file is password-protected"),
            ReadError::NoText => write!(
                f,
                "the PDF has no text layer (scanned pages?); text recognition (OCR) is not done"
            ),
            ReadError::UndecodableText => {
                write!(
                    f,
                    "the PDF's text cannot be decoded (its fonts map no letters)"
                )
            }
            ReadError::SaveAsDocx { detail } => {
                write!(
                    f,
                    "this Word file cannot be read ({detail}); save it as .docx in Word"
                )
            }
            ReadError::TooBig { detail } => {
                write!(f, "the file is too big to be a document ({detail})")
            }
        }
    }
}

/// Something done to the text on the way in that the reader may want to know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Running headers, footers and page numbers removed (how many lines).
    RunningLinesRemoved(usize),
    /// Pages that had no text at all (pictures?), 1-based.
    PagesWithoutText(Vec<u32>),
    /// Glyphs that had no Unicode meaning were dropped (how many).
    GlyphsDropped(usize),
    /// 8-bit text in TCVN3 (.VnTime fonts) was decoded as such.
    Tcvn3Decoded,
    /// Tables were flattened: one block per row, cells separated by " | ".
    TablesFlattened { rows: usize },
}

/// A block found in a foreign file, before it becomes Markdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum OutBlock {
    /// A heading line; 1 is the largest.
    Heading(u8, String),
    Paragraph(String),
}

/// Writes blocks as the app's Markdown: an optional front matter with the
/// title and date, then one block per paragraph. Text that Markdown would
/// misread (a leading `#`, a list marker kept as text is fine) is guarded.
pub(crate) fn to_markdown(title: Option<&str>, date: Option<&str>, blocks: &[OutBlock]) -> String {
    let mut out = String::new();
    let clean = |s: &str| crate::text::collapse_spaces(s).replace(['\n', '\r'], " ");
    if title.is_some() || date.is_some() {
        out.push_str("---\n");
        if let Some(t) = title {
            let _ = writeln!(out, "title: {}", clean(t));
        }
        if let Some(d) = date {
            let _ = writeln!(out, "date: {}", clean(d));
        }
        out.push_str("---\n\n");
    }
    for block in blocks {
        match block {
            OutBlock::Heading(level, text) => {
                let text = clean(text);
                if text.is_empty() {
                    continue;
                }
                let level = (*level).clamp(1, 6) as usize;
                let _ = writeln!(out, "{} {}\n", "#".repeat(level), text);
            }
            OutBlock::Paragraph(text) => {
                let mut text = clean(text);
                if text.is_empty() {
                    continue;
                }
                if text.starts_with('#') || text.starts_with("---") || text.starts_with("![") {
                    // Would read as a heading, front matter or a photo.
                    text.insert(0, '\u{2060}');
                }
                let _ = writeln!(out, "{text}\n");
            }
        }
    }
    out
}

/// "ngày 26 tháng 5 năm 2025" → "26/5/2025".
pub(crate) fn vietnamese_date(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let at = words.iter().position(|&w| w == "ngày")?;
    match words.get(at..at + 6)? {
        [_, d, "tháng", m, "năm", y] => {
            let (d, m, y) = (
                d.parse::<u32>().ok()?,
                m.parse::<u32>().ok()?,
                y.trim_end_matches('.').parse::<u32>().ok()?,
            );
            ((1..=31).contains(&d) && (1..=12).contains(&m) && (1900..=2200).contains(&y))
                .then(|| format!("{d}/{m}/{y}"))
        }
        _ => None,
    }
}

/// Lines that only draw: "*", "-------", "_____", "* * *".
pub(crate) fn is_decoration(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.chars().all(|c| {
            c.is_whitespace()
                || matches!(c, '*' | '-' | '_' | '=' | '.' | '–' | '—' | '…' | '·' | '•')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_out_guards_text_that_would_be_misread() {
        let md = to_markdown(
            Some("QUY ĐỊNH\nTHI HÀNH"),
            Some("26/5/2025"),
            &[
                OutBlock::Heading(2, "Chương I".into()),
                OutBlock::Paragraph("# không phải tiêu đề".into()),
                OutBlock::Paragraph("  ".into()),
            ],
        );
        assert_eq!(
            md,
            "---\ntitle: QUY ĐỊNH THI HÀNH\ndate: 26/5/2025\n---\n\n## Chương I\n\n\u{2060}# không phải tiêu đề\n\n"
        );
    }

    #[test]
    fn dates_and_decorations() {
        assert_eq!(
            vietnamese_date("Hà Nội, ngày 26 tháng 5 năm 2025").as_deref(),
            Some("26/5/2025")
        );
        assert_eq!(vietnamese_date("ngày    tháng    năm 2020"), None);
        assert_eq!(vietnamese_date("ngày 45 tháng 5 năm 2025"), None);
        assert!(is_decoration("---------------"));
        assert!(is_decoration(" * "));
        assert!(!is_decoration("- Căn cứ"));
        assert!(!is_decoration(""));
    }
}
