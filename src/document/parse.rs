//! Turning text into a [`Document`].
//!
//! Two formats:
//! - **Markdown** (a small, forgiving subset): an optional front-matter block
//!   (`---` / `title: …` / `date: …` / `byline: …` / `id: …` / `---`),
//!   `#` headings, `-`/`*`/`1.` list items, `![caption]()` photo captions,
//!   paragraphs separated by blank lines. `**bold**` markers are dropped.
//! - **Plain text**: paragraphs separated by blank lines, or one per line;
//!   hard-wrapped lines are joined; short upper-case lines and "I. …" /
//!   "Điều 1. …" lines become headings; the scraping debris
//!   "leftcenterrightdel" that news sites leave around photos is dropped and the
//!   paragraph after it is read as the photo's caption.

use super::sentences::split_sentences;
use super::{Anchor, AnchorKind, Block, BlockKind, Document, LoadError, Meta, Origin, Sentence};
use crate::text::collapse_spaces;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    PlainText,
}

impl Format {
    /// Markdown for `.md`/`.markdown` files, plain text for everything else.
    pub fn from_path(path: &std::path::Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("md" | "markdown") => Format::Markdown,
            _ => Format::PlainText,
        }
    }
}

/// Scraper debris left where a photo was.
const PHOTO_DEBRIS: &str = "leftcenterrightdel";

/// A block before anchors and sentences are assigned.
struct RawBlock {
    kind: BlockKind,
    text: String,
}

/// Parses NFC text. `fallback_title` is used when the text names no title.
pub(super) fn parse(
    text: &str,
    format: Format,
    fallback_title: &str,
    origin: Origin,
) -> Result<Document, LoadError> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let (mut meta, raw) = match format {
        Format::Markdown => parse_markdown(&text),
        Format::PlainText => (Meta::default(), parse_plain(&text)),
    };
    let raw: Vec<RawBlock> = raw.into_iter().filter(|b| !b.text.is_empty()).collect();
    // Markdown says where its paragraphs end (and the app writes its
    // documents as Markdown); plain text copied from a PDF does not.
    let mut raw = match format {
        Format::PlainText => join_broken_paragraphs(raw),
        Format::Markdown => raw,
    };
    if meta.title.is_empty() {
        meta.title = take_title(&mut raw, format).unwrap_or_else(|| fallback_title.to_string());
    }
    if raw.is_empty() {
        return Err(LoadError::Empty);
    }
    Ok(Document {
        meta,
        blocks: number_blocks(raw),
        origin,
        conversion: None,
    })
}

/// Text copied out of a PDF often has a blank line after every line, so
/// each line would be a paragraph of its own ("…áp lực ngày" / "càng gia
/// tăng…"). A paragraph that does not end a sentence, followed by one that
/// starts in lower case, is one paragraph.
fn join_broken_paragraphs(raw: Vec<RawBlock>) -> Vec<RawBlock> {
    let mut out: Vec<RawBlock> = Vec::with_capacity(raw.len());
    for block in raw {
        match out.last_mut() {
            // A list item runs on as a paragraph would ("- Chỉ đạo Hội Cựu
            // chiến" / "binh Việt Nam tăng cường…").
            Some(last)
                if matches!(last.kind, BlockKind::Paragraph | BlockKind::ListItem)
                    && block.kind == BlockKind::Paragraph
                    && line_continues(&last.text, &block.text) =>
            {
                last.text.push(' ');
                last.text.push_str(&block.text);
            }
            _ => out.push(block),
        }
    }
    out
}

/// Whether `next` goes on with the sentence `previous` left open: it starts
/// in lower case, or with a figure that is not a list number ("dưới" /
/// "50% rác thải…", "ngày 16 tháng 6 năm" / "2025;").
fn line_continues(previous: &str, next: &str) -> bool {
    let figure = next.starts_with(|c: char| c.is_ascii_digit())
        && !is_list_marker(next)
        && !next
            .split_whitespace()
            .next()
            .is_some_and(|w| w.ends_with(['.', ')']) && w[..w.len() - 1].parse::<u32>().is_ok());
    let open_end = previous.chars().last().is_some_and(|c| c.is_lowercase());
    !previous.ends_with(['.', '!', '?', ':', ';', '…', '”', '"', ')'])
        && (next.chars().next().is_some_and(char::is_lowercase) || (figure && open_end))
        && plain_heading_level(previous).is_none()
}

/// Uses the first heading (Markdown: the first `#` heading; plain text: a
/// short first line) as the title, removing it from the body.
fn take_title(raw: &mut Vec<RawBlock>, format: Format) -> Option<String> {
    let first = raw.first()?;
    let is_title = match format {
        Format::Markdown => first.kind == BlockKind::Heading(1),
        Format::PlainText => {
            raw.len() > 1
                && matches!(first.kind, BlockKind::Heading(_) | BlockKind::Paragraph)
                && first.text.chars().count() <= 200
                && !first.text.ends_with('.')
        }
    };
    if !is_title {
        return None;
    }
    let mut title = raw.remove(0).text;
    if format == Format::PlainText && is_document_type(&title) {
        // "NGHỊ QUYẾT" / "Về việc sắp xếp…": the subject is part of the
        // title, and so are the lines in capitals it runs on to ("…MÔI
        // TRƯỜNG;" / "GIẢM THIỂU … SÁNG -" / "XANH - SẠCH - ĐẸP").
        let subject = raw.first().is_some_and(|b| {
            matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading(_))
                && b.text.chars().count() <= 250
                && !b.text.ends_with('.')
                && !is_list_marker(&b.text)
                && plain_heading_level(&b.text).is_none_or(|_| is_all_capitals(&b.text))
        }) && raw.len() > 1;
        if subject {
            let mut last = raw.remove(0).text;
            title.push(' ');
            title.push_str(&last);
            while last.ends_with([';', ',', '-', '–'])
                && raw.len() > 1
                && is_all_capitals(&raw[0].text)
                && raw[0].text.chars().count() <= 200
            {
                last = raw.remove(0).text;
                title.push(' ');
                title.push_str(&last);
            }
        }
    }
    Some(title)
}

/// "NGHỊ QUYẾT", "KẾT LUẬN", "CHỈ THỊ"…: a title that names only the kind
/// of document.
fn is_document_type(title: &str) -> bool {
    const KINDS: &[&str] = &[
        "NGHỊ QUYẾT",
        "KẾT LUẬN",
        "CHỈ THỊ",
        "QUYẾT ĐỊNH",
        "QUY ĐỊNH",
        "HƯỚNG DẪN",
        "THÔNG BÁO",
        "THÔNG CÁO",
        "KẾ HOẠCH",
        "BÁO CÁO",
        "ĐỀ ÁN",
        "ĐỀ CƯƠNG",
        "CHƯƠNG TRÌNH",
        "THÔNG TƯ",
        "NGHỊ ĐỊNH",
        "LUẬT",
        "CÔNG ĐIỆN",
        "TỜ TRÌNH",
    ];
    let title = crate::text::collapse_spaces(title.trim());
    is_all_capitals(&title) && KINDS.contains(&title.as_str())
}

fn is_all_capitals(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

fn number_blocks(raw: Vec<RawBlock>) -> Vec<Block> {
    let (mut paragraphs, mut captions, mut headings) = (0, 0, 0);
    raw.into_iter()
        .map(|RawBlock { kind, text }| {
            let (anchor_kind, counter) = match kind {
                BlockKind::Paragraph | BlockKind::ListItem => {
                    (AnchorKind::Paragraph, &mut paragraphs)
                }
                BlockKind::Caption => (AnchorKind::Caption, &mut captions),
                BlockKind::Heading(_) => (AnchorKind::Heading, &mut headings),
            };
            *counter += 1;
            let anchor = Anchor::block(anchor_kind, *counter);
            let sentences = split_sentences(&text)
                .into_iter()
                .zip(1..)
                .map(|(range, n)| Sentence {
                    range,
                    anchor: anchor.with_sentence(n),
                })
                .collect();
            Block {
                kind,
                text,
                anchor,
                sentences,
            }
        })
        .collect()
}

// ---------------------------------------------------------------- Markdown

fn parse_markdown(text: &str) -> (Meta, Vec<RawBlock>) {
    let (meta, body) = split_front_matter(text);
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list_item: Option<Vec<&str>> = None;

    let flush = |paragraph: &mut Vec<&str>,
                 list_item: &mut Option<Vec<&str>>,
                 blocks: &mut Vec<RawBlock>| {
        if let Some(item) = list_item.take() {
            blocks.push(RawBlock {
                kind: BlockKind::ListItem,
                text: clean_inline(&item.join(" ")),
            });
        }
        if !paragraph.is_empty() {
            let joined = paragraph.join(" ");
            blocks.push(match caption_of(joined.trim()) {
                Some(caption) => RawBlock {
                    kind: BlockKind::Caption,
                    text: clean_inline(caption),
                },
                None => RawBlock {
                    kind: BlockKind::Paragraph,
                    text: clean_inline(&joined),
                },
            });
            paragraph.clear();
        }
    };

    for line in body.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut paragraph, &mut list_item, &mut blocks);
        } else if let Some((level, heading)) = heading_of(trimmed) {
            flush(&mut paragraph, &mut list_item, &mut blocks);
            blocks.push(RawBlock {
                kind: BlockKind::Heading(level),
                text: clean_inline(heading),
            });
        } else if is_list_marker(trimmed) {
            flush(&mut paragraph, &mut list_item, &mut blocks);
            list_item = Some(vec![list_text(trimmed)]);
        } else if let Some(item) = list_item.as_mut() {
            item.push(trimmed);
        } else {
            paragraph.push(trimmed);
        }
    }
    flush(&mut paragraph, &mut list_item, &mut blocks);
    (meta, blocks)
}

fn split_front_matter(text: &str) -> (Meta, &str) {
    let mut meta = Meta::default();
    let Some(rest) = text.strip_prefix("---\n") else {
        return (meta, text);
    };
    let Some(end) = rest.find("\n---") else {
        return (meta, text);
    };
    for line in rest[..end].lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = collapse_spaces(value.trim().trim_matches('"'));
        if value.is_empty() {
            continue;
        }
        match key.trim().to_lowercase().as_str() {
            "title" | "tiêu đề" => meta.title = value,
            "date" | "ngày" => meta.date = Some(value),
            "byline" | "author" | "tác giả" => meta.byline = Some(value),
            "id" => meta.id = Some(value),
            _ => {}
        }
    }
    let after = &rest[end + 4..];
    (meta, after.strip_prefix('\n').unwrap_or(after))
}

fn heading_of(line: &str) -> Option<(u8, &str)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        let text = line[hashes..].trim().trim_end_matches('#').trim();
        (!text.is_empty()).then_some((hashes as u8, text))
    } else {
        None
    }
}

fn is_list_marker(line: &str) -> bool {
    if line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ") {
        return true;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && digits <= 3
        && (line[digits..].starts_with(". ") || line[digits..].starts_with(") "))
}

/// Bullets are dropped (the reader draws its own); numbers are kept, since
/// "1." / "2." carry meaning in a resolution.
fn list_text(line: &str) -> &str {
    if line.starts_with(['-', '*', '+']) {
        line[2..].trim()
    } else {
        line
    }
}

/// `![caption](anything)` standing alone is a photo caption.
fn caption_of(paragraph: &str) -> Option<&str> {
    let inner = paragraph.strip_prefix("![")?;
    let close = inner.rfind("](")?;
    inner.ends_with(')').then(|| inner[..close].trim())
}

/// Collapses white space and drops `**`/`__` emphasis markers.
fn clean_inline(text: &str) -> String {
    collapse_spaces(&text.replace("**", "").replace("__", ""))
}

// ---------------------------------------------------------------- plain text

fn parse_plain(text: &str) -> Vec<RawBlock> {
    let mut blocks = Vec::new();
    let mut caption_next = false;
    for chunk in split_chunks(text) {
        for line_group in join_wrapped_lines(&chunk) {
            let mut piece = line_group.trim();
            if let Some(rest) = piece.strip_prefix(PHOTO_DEBRIS) {
                piece = rest.trim();
                caption_next = true;
                if piece.is_empty() {
                    continue;
                }
            }
            let text = collapse_spaces(piece);
            let kind = if caption_next {
                caption_next = false;
                BlockKind::Caption
            } else if let Some(level) = plain_heading_level(&text) {
                BlockKind::Heading(level)
            } else if is_list_marker(&text) {
                BlockKind::ListItem
            } else {
                BlockKind::Paragraph
            };
            let text = if kind == BlockKind::ListItem {
                list_text(&text).to_string()
            } else {
                text
            };
            blocks.push(RawBlock { kind, text });
        }
    }
    blocks
}

/// Chunks of lines separated by blank lines.
fn split_chunks(text: &str) -> Vec<Vec<&str>> {
    let mut chunks = vec![Vec::new()];
    for line in text.lines() {
        if line.trim().is_empty() {
            if !chunks.last().is_some_and(Vec::is_empty) {
                chunks.push(Vec::new());
            }
        } else {
            chunks.last_mut().expect("never empty").push(line);
        }
    }
    chunks.retain(|c| !c.is_empty());
    chunks
}

/// Within a chunk, a line break is a soft wrap when the line does not end a
/// sentence and the next one starts in lower case; otherwise each line is a
/// paragraph of its own.
fn join_wrapped_lines(lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut previous: Option<&str> = None;
    for &line in lines {
        let line = line.trim();
        let continues = previous.is_some_and(|p| line_continues(p, line));
        match out.last_mut() {
            Some(last) if continues => {
                last.push(' ');
                last.push_str(line);
            }
            _ => out.push(line.to_string()),
        }
        previous = Some(line);
    }
    out
}

/// Short lines in capitals ("NGHỊ QUYẾT", "I. MỤC TIÊU") or that open a
/// numbered part ("Điều 1.", "Chương II", "Phần thứ nhất", "II. …").
pub(super) fn plain_heading_level(line: &str) -> Option<u8> {
    if line.chars().count() > 120 || line.ends_with([',', ';']) {
        return None;
    }
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase()) && !line.ends_with('.') {
        return Some(2);
    }
    let first = line.split_whitespace().next().unwrap_or("");
    // "Chương II", "Phần thứ hai", "Mục 3": a label, not "Chương trình…",
    // "Phần lớn…" or "Mục tiêu…".
    let labelled = || {
        let second = line.split_whitespace().nth(1).unwrap_or("");
        let label = second.trim_end_matches(['.', ':', ')']);
        label == "thứ"
            || (!label.is_empty()
                && (label.bytes().all(|b| b.is_ascii_digit())
                    || label.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))))
    };
    if matches!(first, "Chương" | "Phần" | "Mục") && !line.ends_with('.') && labelled() {
        return Some(2);
    }
    if first == "Điều"
        && line
            .split_whitespace()
            .nth(1)
            .is_some_and(|n| n.trim_end_matches('.').parse::<u32>().is_ok())
    {
        return Some(3);
    }
    let roman = first.trim_end_matches('.');
    if first.ends_with('.')
        && !roman.is_empty()
        && roman.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
        && !line.ends_with('.')
    {
        return Some(2);
    }
    None
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
