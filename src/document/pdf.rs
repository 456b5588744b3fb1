//! PDF files with a text layer: the text in reading order, as the app's
//! Markdown.
//!
//! `pdf-extract` (on `lopdf`) decodes the fonts (ToUnicode maps, encodings,
//! embedded CFF/Type 1) and hands over every glyph with its position; the
//! layout is rebuilt here, page by page:
//! 1. glyphs on one baseline make a line, split into segments where a gap is
//!    wider than three letters;
//! 2. runs of lines that never cross the middle of the text area and have
//!    something in its right half are two columns (the letterhead of an
//!    official document, the signature block): their left column is read
//!    before their right one, and a letterhead at the top of the first page
//!    becomes the document's heading lines;
//! 3. lines that repeat at the top or bottom of most pages (running headers,
//!    footers) and bare page numbers there are removed;
//! 4. lines are joined into paragraphs: a new block starts after a short line
//!    that ends a sentence, before a line that opens a part ("Điều 1.",
//!    "Chương I", "I.", "1.", "a)", "-"), at a first-line indent, and around
//!    headings, which become `#` headings.
//!
//! A PDF without usable text (scanned pages, glyphs that decode to nothing)
//! is refused: no OCR is done.

use std::collections::HashMap;

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::foreign::{Notice, OutBlock, ReadError, is_decoration, to_markdown, vietnamese_date};
use super::parse::plain_heading_level;

const FORMAT: &str = "PDF";
/// More pages than any resolution has.
pub const MAX_PAGES: usize = 2_000;
/// Glyphs over the whole file; a 35-page resolution has about 90 000.
pub const MAX_GLYPHS: usize = 8_000_000;

fn damaged(detail: impl Into<String>) -> ReadError {
    ReadError::Damaged {
        format: FORMAT,
        detail: detail.into(),
    }
}

/// Reads a PDF into the app's Markdown.
pub fn read(bytes: &[u8]) -> Result<(String, Vec<Notice>), ReadError> {
    if !bytes
        .get(..1024)
        .unwrap_or(bytes)
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        return Err(damaged("no %PDF header"));
    }
    let pages = match std::panic::catch_unwind(|| extract(bytes)) {
        Ok(result) => result?,
        Err(_) => {
            return Err(damaged(
                "the PDF reader stopped on a structure it cannot handle",
            ));
        }
    };
    layout(pages)
}

/// One glyph (or a few characters a glyph stands for), in points from the
/// top left of its page.
#[derive(Clone, Debug)]
struct Glyph {
    x: f32,
    /// Baseline, growing downwards.
    y: f32,
    end: f32,
    size: f32,
    /// Range in the page's text buffer.
    text: std::ops::Range<u32>,
    /// A space glyph came just before it.
    space_before: bool,
}

#[derive(Default, Debug)]
struct Page {
    glyphs: Vec<Glyph>,
    text: String,
}

#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
    flip_height: f64,
    glyphs: usize,
    pending_space: bool,
    /// Glyphs with no Unicode meaning (U+FFFD, private use, controls).
    bad: usize,
    too_many: bool,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.flip_height = media_box.ury;
        self.pages.push(Page::default());
        self.pending_space = false;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        self.glyphs += 1;
        if self.glyphs > MAX_GLYPHS {
            self.too_many = true;
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        let Some(page) = self.pages.last_mut() else {
            return Ok(());
        };
        if text.chars().all(char::is_whitespace) {
            self.pending_space = true;
            return Ok(());
        }
        // The font size as drawn: the side of a square with the area the
        // text matrix gives a font_size × font_size square.
        let vx = font_size * (trm.m11 + trm.m21);
        let vy = font_size * (trm.m12 + trm.m22);
        let size = (vx * vy).abs().sqrt();
        let size = if size.is_finite() && size > 0.1 {
            size
        } else {
            1.0
        };
        let (x, y) = (trm.m31, self.flip_height - trm.m32);
        if !x.is_finite() || !y.is_finite() {
            return Ok(());
        }
        let start = page.text.len() as u32;
        for c in text.chars() {
            if c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(&c) || c.is_control() {
                self.bad += 1;
            } else {
                page.text.push(c);
            }
        }
        let end_text = page.text.len() as u32;
        if end_text == start {
            return Ok(());
        }
        let advance = (width * size).abs();
        page.glyphs.push(Glyph {
            x: x as f32,
            y: y as f32,
            end: (x + if advance.is_finite() { advance } else { 0.0 }) as f32,
            size: size as f32,
            text: start..end_text,
            space_before: std::mem::take(&mut self.pending_space),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

fn extract(bytes: &[u8]) -> Result<Collector, ReadError> {
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| damaged(e.to_string()))?;
    if doc.is_encrypted() {
        // Many PDFs are "encrypted" with an empty password only to set
        // permissions; those open. Others need a password we do not have.
        if doc.decrypt("").is_err() || doc.is_encrypted() {
            return Err(ReadError::Encrypted { format: FORMAT });
        }
    }
    let count = doc.get_pages().len();
    if count == 0 {
        return Err(damaged("no pages"));
    }
    if count > MAX_PAGES {
        return Err(ReadError::TooBig {
            detail: format!("{count} pages"),
        });
    }
    let mut collector = Collector::default();
    let result = pdf_extract::output_doc(&doc, &mut collector);
    if collector.too_many {
        return Err(ReadError::TooBig {
            detail: format!("more than {MAX_GLYPHS} characters"),
        });
    }
    result.map_err(|e| damaged(format!("{e:?}")))?;
    Ok(collector)
}

// ------------------------------------------------------------------ layout

/// A run of glyphs on one line with no wide gap.
#[derive(Clone, Debug)]
struct Segment {
    x0: f32,
    x1: f32,
    text: String,
}

#[derive(Clone, Debug)]
struct Line {
    size: f32,
    segments: Vec<Segment>,
}

/// A line as it goes into paragraphs.
#[derive(Clone, Debug)]
struct FlowLine {
    text: String,
    x0: f32,
    x1: f32,
    size: f32,
    /// Right and left edges of the text this line belongs to.
    left: f32,
    right: f32,
    /// First line of a new flow (a column, or a page's first body line after
    /// a column block): always starts a block.
    starts_flow: bool,
    letterhead: bool,
}

fn lines_of(page: &Page) -> Vec<Line> {
    let mut order: Vec<usize> = (0..page.glyphs.len()).collect();
    let g = &page.glyphs;
    order.sort_by(|&a, &b| g[a].y.total_cmp(&g[b].y).then(a.cmp(&b)));
    let mut lines = Vec::new();
    let mut i = 0;
    while i < order.len() {
        let first = &g[order[i]];
        let tolerance = first.size * 0.45;
        let mut j = i + 1;
        while j < order.len() && g[order[j]].y - first.y <= tolerance {
            j += 1;
        }
        let mut members: Vec<usize> = order[i..j].to_vec();
        members.sort_by(|&a, &b| g[a].x.total_cmp(&g[b].x).then(a.cmp(&b)));
        let size = members.iter().map(|&k| g[k].size).fold(0.0f32, f32::max);
        let mut segments: Vec<Segment> = Vec::new();
        let mut last_end = f32::NEG_INFINITY;
        for &k in &members {
            let glyph = &g[k];
            let text = &page.text[glyph.text.start as usize..glyph.text.end as usize];
            let gap = glyph.x - last_end;
            match segments.last_mut() {
                Some(seg) if gap < 3.0 * size => {
                    if glyph.space_before && gap > -0.5 * glyph.size || gap > 0.15 * glyph.size {
                        seg.text.push(' ');
                    }
                    seg.text.push_str(text);
                    seg.x1 = seg.x1.max(glyph.end);
                }
                _ => segments.push(Segment {
                    x0: glyph.x,
                    x1: glyph.end,
                    text: text.to_string(),
                }),
            }
            last_end = last_end.max(glyph.end);
        }
        for seg in &mut segments {
            seg.text = crate::text::collapse_spaces(&seg.text);
        }
        lines.push(Line { size, segments });
        i = j;
    }
    lines
}

/// Page numbers: "3", "- 3 -", "Trang 3", "3/35".
fn is_page_number(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c.is_whitespace());
    let t = t
        .strip_prefix("Trang")
        .or_else(|| t.strip_prefix("trang"))
        .unwrap_or(t)
        .trim();
    let mut parts = t.splitn(2, '/');
    let number = |s: Option<&str>| {
        s.map(str::trim)
            .is_some_and(|s| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
    };
    let first = parts.next();
    number(first) && parts.next().is_none_or(|rest| number(Some(rest)))
}

fn line_text(line: &Line) -> String {
    line.segments
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Removes running headers/footers and page numbers; returns how many lines went.
fn remove_running_lines(pages: &mut [Vec<Line>]) -> usize {
    const EDGE: usize = 2;
    let key = |l: &Line| -> String {
        line_text(l)
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for lines in pages.iter() {
        let n = lines.len();
        let mut seen: Vec<String> = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            if i < EDGE || i + EDGE >= n {
                let k = key(l);
                if !seen.contains(&k) {
                    seen.push(k);
                }
            }
        }
        for k in seen {
            *counts.entry(k).or_default() += 1;
        }
    }
    let pages_count = pages.len();
    // On most pages of three or more; on both of two (a header of words,
    // not a lone number or mark, which two pages may share by chance).
    let repeats = |k: &String| {
        let c = counts.get(k).copied().unwrap_or(0);
        if pages_count == 2 {
            c == 2 && k.chars().filter(|ch| ch.is_alphabetic()).count() >= 8
        } else {
            pages_count >= 3 && c >= 3 && c * 2 > pages_count
        }
    };
    let mut removed = 0;
    for lines in pages.iter_mut() {
        let n = lines.len();
        let mut keep = Vec::with_capacity(n);
        for (i, l) in lines.drain(..).enumerate() {
            let at_edge = i < EDGE || i + EDGE >= n;
            let at_very_edge = i == 0 || i + 1 == n;
            let text = line_text(&l);
            if (at_very_edge && is_page_number(&text)) || (at_edge && repeats(&key(&l))) {
                removed += 1;
            } else {
                keep.push(l);
            }
        }
        *lines = keep;
    }
    removed
}

/// Turns a page's lines into flow lines, reading two-column runs column by
/// column. `first_page` marks a two-column run at the very top as the
/// letterhead.
/// `doc_right` is the right edge of the text over the whole document, so a
/// page of short lines still knows they are short.
fn flow_of(lines: &[Line], first_page: bool, doc_right: f32, out: &mut Vec<FlowLine>) {
    if lines.is_empty() {
        return;
    }
    let left = lines
        .iter()
        .flat_map(|l| l.segments.iter().map(|s| s.x0))
        .fold(f32::INFINITY, f32::min);
    let right = lines
        .iter()
        .flat_map(|l| l.segments.iter().map(|s| s.x1))
        .fold(f32::NEG_INFINITY, f32::max);
    let mid = (left + right) / 2.0;
    let crosses = |l: &Line| {
        l.segments
            .iter()
            .any(|s| s.x0 < mid - 0.5 * l.size && s.x1 > mid + 0.5 * l.size)
    };
    let mut i = 0;
    let mut after_block = true; // a page starts a flow only after a block
    let mut page_start = true;
    // The last line of a paragraph, after a line filled to the margin,
    // continues that paragraph even when a block in columns (the
    // signatures) follows it.
    let continues = |i: usize| {
        i > 0 && crosses(&lines[i - 1]) && {
            let (prev, l) = (&lines[i - 1], &lines[i]);
            let full = prev
                .segments
                .last()
                .is_some_and(|s| s.x1 >= right - 4.0 * prev.size);
            full && l.segments.len() == 1 && l.segments[0].x0 < left + l.size
        }
    };
    while i < lines.len() {
        if !crosses(&lines[i]) && !continues(i) {
            let mut j = i;
            while j < lines.len() && !crosses(&lines[j]) {
                j += 1;
            }
            let run = &lines[i..j];
            let two_columns = run.iter().any(|l| l.segments.len() >= 2)
                || (run.iter().any(|l| l.segments.iter().any(|s| s.x1 <= mid))
                    && run.iter().any(|l| l.segments.iter().any(|s| s.x0 >= mid)));
            if two_columns {
                let letterhead = first_page && i == 0;
                for want_left in [true, false] {
                    let mut first = true;
                    let col: Vec<&Segment> = run
                        .iter()
                        .flat_map(|l| l.segments.iter())
                        .filter(|s| ((s.x0 + s.x1) / 2.0 < mid) == want_left)
                        .collect();
                    let (cl, cr) = if want_left { (left, mid) } else { (mid, right) };
                    for s in col {
                        let size = run
                            .iter()
                            .find(|l| l.segments.iter().any(|t| std::ptr::eq(t, s)))
                            .map_or(12.0, |l| l.size);
                        out.push(FlowLine {
                            text: s.text.clone(),
                            x0: s.x0,
                            x1: s.x1,
                            size,
                            left: cl,
                            right: cr,
                            starts_flow: first,
                            letterhead,
                        });
                        first = false;
                    }
                }
                after_block = true;
                i = j;
                page_start = false;
                continue;
            }
        }
        let l = &lines[i];
        let x0 = l.segments.first().map_or(left, |s| s.x0);
        let x1 = l.segments.last().map_or(right, |s| s.x1);
        out.push(FlowLine {
            text: line_text(l),
            x0,
            x1,
            size: l.size,
            left,
            right: right.max(doc_right),
            starts_flow: after_block && !page_start,
            letterhead: false,
        });
        after_block = false;
        page_start = false;
        i += 1;
    }
}

/// Does this line open a new part: "Điều 1.", "Chương I", "I.", "1.",
/// "1.1.", "a)", "-", "+", "•"?
fn opens_part(text: &str) -> bool {
    if plain_heading_level(text).is_some() {
        return true;
    }
    let first = text.split_whitespace().next().unwrap_or("");
    if matches!(first, "-" | "+" | "•" | "–" | "*") || text.starts_with("- ") {
        return true;
    }
    // "Điều 5.", "Chương II", "Mục 3", "Phần thứ nhất", not a line that
    // happens to begin "Chương trình", "Mục tiêu" or "Phần lớn".
    if matches!(first, "Điều" | "Chương" | "Mục" | "Phần") {
        let second = text.split_whitespace().nth(1).unwrap_or("");
        let label = second.trim_end_matches(['.', ':', ')']);
        return label == "thứ"
            || (!label.is_empty()
                && (label.bytes().all(|b| b.is_ascii_digit())
                    || label.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))));
    }
    // "1." "1.2." "12)" "a)" "đ)" "II."
    let body = first.trim_end_matches(['.', ')']);
    if body.len() == first.len() || body.is_empty() {
        return false;
    }
    let numbered = body
        .split('.')
        .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()));
    let lettered =
        first.ends_with(')') && body.chars().count() == 1 && body.chars().all(char::is_lowercase);
    let roman = first.ends_with('.') && body.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    numbered || lettered || roman
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '”', ')', '’'])
        .ends_with(['.', '!', '?', ':', ';', '…'])
}

/// The size most of the text is set in (by characters).
fn body_size(lines: &[FlowLine]) -> f32 {
    let mut sizes: Vec<(f32, usize)> = Vec::new();
    for l in lines {
        let n = l.text.chars().count();
        match sizes.iter_mut().find(|(s, _)| (*s - l.size).abs() < 0.25) {
            Some((_, count)) => *count += n,
            None => sizes.push((l.size, n)),
        }
    }
    sizes
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map_or(0.0, |(s, _)| s)
}

/// Set clearly larger than the body text: a title or a heading.
fn is_display(size: f32, body: f32) -> bool {
    body > 0.0 && size >= 1.12 * body
}

/// A joined block: its text, whether it is part of the letterhead, and the
/// largest size it is set in.
struct Para {
    text: String,
    letterhead: bool,
    size: f32,
}

/// Joins flow lines into blocks.
fn paragraphs(lines: &[FlowLine]) -> Vec<Para> {
    let body = body_size(lines);
    let mut out: Vec<Para> = Vec::new();
    let mut prev: Option<&FlowLine> = None;
    for l in lines {
        if l.text.is_empty() || is_decoration(&l.text) {
            continue;
        }
        let breaks = match prev {
            None => true,
            Some(p) => {
                let short = p.x1 < p.right - 4.0 * p.size;
                let indented = l.x0 > p.x0 + 1.2 * l.size && l.x0 < l.left + 6.0 * l.size;
                // A title set large runs over its lines whatever their
                // length; a change of size ends a block.
                let display = is_display(p.size, body);
                let resized = (l.size - p.size).abs() > 0.1 * p.size;
                l.starts_flow
                    || resized
                    || l.letterhead
                    || p.letterhead
                    || opens_part(&l.text)
                    || (!display && plain_heading_level(&p.text).is_some())
                    || (!display && short && (ends_sentence(&p.text) || starts_upper(&l.text)))
                    || (!display && indented && ends_sentence(&p.text))
            }
        };
        match out.last_mut() {
            Some(para) if !breaks => {
                para.text.push(' ');
                para.text.push_str(&l.text);
                para.size = para.size.max(l.size);
            }
            _ => out.push(Para {
                text: l.text.clone(),
                letterhead: l.letterhead,
                size: l.size,
            }),
        }
        prev = Some(l);
    }
    out
}

fn starts_upper(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn layout(collector: Collector) -> Result<(String, Vec<Notice>), ReadError> {
    let total_chars: usize = collector.pages.iter().map(|p| p.text.chars().count()).sum();
    let letters: usize = collector
        .pages
        .iter()
        .map(|p| p.text.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    if total_chars + collector.bad == 0 || (letters < 20 && collector.bad == 0) {
        return Err(ReadError::NoText);
    }
    if collector.bad * 4 > total_chars + collector.bad || letters < 20 {
        return Err(ReadError::UndecodableText);
    }
    let mut notices = Vec::new();
    let empty: Vec<u32> = collector
        .pages
        .iter()
        .zip(1..)
        .filter(|(p, _)| p.glyphs.is_empty())
        .map(|(_, n)| n)
        .collect();
    if !empty.is_empty() {
        notices.push(Notice::PagesWithoutText(empty));
    }
    if collector.bad > 0 {
        notices.push(Notice::GlyphsDropped(collector.bad));
    }
    let mut pages: Vec<Vec<Line>> = collector.pages.iter().map(lines_of).collect();
    let removed = remove_running_lines(&mut pages);
    if removed > 0 {
        notices.push(Notice::RunningLinesRemoved(removed));
    }
    let mut flow = Vec::new();
    let first_with_text = pages.iter().position(|p| !p.is_empty());
    let doc_right = pages
        .iter()
        .flatten()
        .flat_map(|l| l.segments.last().map(|s| s.x1))
        .fold(f32::NEG_INFINITY, f32::max);
    for (i, lines) in pages.iter().enumerate() {
        flow_of(lines, Some(i) == first_with_text, doc_right, &mut flow);
    }
    let body = body_size(&flow);
    let paras = paragraphs(&flow);

    let mut blocks = Vec::new();
    let mut date = None;
    let mut had_letterhead = false;
    for (
        i,
        Para {
            text,
            letterhead,
            size,
        },
    ) in paras.into_iter().enumerate()
    {
        if letterhead {
            had_letterhead = true;
            if date.is_none() {
                date = vietnamese_date(&text);
            }
            blocks.push(OutBlock::Heading(3, text));
        } else if let Some(level) = plain_heading_level(&text) {
            blocks.push(OutBlock::Heading(level, text));
        } else if i == 0 && is_display(size, body) && text.chars().count() <= 300 {
            // A document opening with a line set large: its title.
            blocks.push(OutBlock::Heading(1, text));
        } else {
            blocks.push(OutBlock::Paragraph(text));
        }
    }
    // The title: after a letterhead, the first heading and an all-capitals
    // heading right after it ("QUY ĐỊNH" / "THI HÀNH ĐIỀU LỆ ĐẢNG"); they stay
    // in the text too. Without a letterhead the first heading is the title.
    let mut title = None;
    if had_letterhead {
        let mut body = blocks
            .iter()
            .skip_while(|b| matches!(b, OutBlock::Heading(3, _)));
        if let Some(OutBlock::Heading(_, first)) = body.next() {
            // "NGHỊ QUYẾT" / "VỀ …" / "GIAI ĐOẠN 2026 - 2030": the lines in
            // capitals that follow, up to the first numbered part.
            let mut t = first.clone();
            if is_all_caps(first) {
                for next in body.take(3) {
                    match next {
                        OutBlock::Heading(_, more)
                            if is_all_caps(more) && !is_numbered_part(more) =>
                        {
                            t.push(' ');
                            t.push_str(more);
                        }
                        _ => break,
                    }
                }
            }
            title = Some(t);
        }
    } else if let Some(OutBlock::Heading(level, _)) = blocks.first_mut() {
        *level = 1;
    }
    Ok((
        to_markdown(title.as_deref(), date.as_deref(), &blocks),
        notices,
    ))
}

/// "I. …", "1. …", "CHƯƠNG I", "PHẦN THỨ NHẤT", "ĐIỀU 1": a part of the
/// body, not more of the title.
fn is_numbered_part(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let label = first.trim_end_matches(['.', ')', ':']);
    let upper = first.to_uppercase();
    label.len() < first.len()
        && !label.is_empty()
        && (label.bytes().all(|b| b.is_ascii_digit())
            || label.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')))
        || matches!(upper.as_str(), "CHƯƠNG" | "PHẦN" | "MỤC" | "ĐIỀU")
}

fn is_all_caps(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

/// Makes small PDFs for tests and benchmarks.
#[doc(hidden)]
#[path = "pdf_sample.rs"]
pub mod sample;

#[cfg(test)]
#[path = "pdf_tests.rs"]
mod tests;
