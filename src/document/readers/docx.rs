//! Word 2007+ `.docx`: a zip of XML parts, read with `zip` and `quick-xml`
//! as a stream (no tree is built, nothing recurses).
//!
//! - paragraphs in order, with runs' text; field codes, deleted text and
//!   the fallback copies of drawings left out;
//! - headings from the paragraph's outline level, from its style (mapped
//!   through `styles.xml`, since a Vietnamese Word names its styles "u1",
//!   "Tiêu đề 1"…), or from numbering at the start of a short, all-bold
//!   paragraph ("Chương I", "Điều 1.", "I.", "1.");
//! - Word numbering (`numbering.xml`) as list items, with their numbers;
//! - tables as one paragraph per row, cells joined by " | " (a one-column
//!   layout table is read as the paragraphs it holds);
//! - footnotes and endnotes at the end as "[n] …", marked "[n]" in the text;
//! - headers, footers (page numbers) and comments left out;
//! - the title from `docProps/core.xml`, else from the first heading.
//!
//! Why this file is long: every part above reads the same XML stream with
//! the same state (the style table, the numbering definitions, the note
//! map, the table being flattened); split by part, that state would be
//! passed between files at every element.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};

use super::{Budget, Converted, MAX_UNPACKED_BYTES, Notice, ReadError, clean_text};
use crate::document::BlockKind;

/// More zip entries than this is not a Word document (Word writes 10–30).
const MAX_ENTRIES: usize = 5_000;
/// Deeper XML than this is not a Word document (Word nests some 20 deep).
const MAX_DEPTH: usize = 256;

/// The package opened and the parts every reading needs.
struct Parts<'b> {
    package: Package<'b>,
    document: Vec<u8>,
    styles: Styles,
    numbering: Numbering,
    footnotes_name: String,
    endnotes_name: String,
}

fn load_parts<'b>(bytes: &'b [u8], budget: &'b Budget) -> Result<Parts<'b>, ReadError> {
    if declared_entries(bytes).is_some_and(|n| n > MAX_ENTRIES) {
        return Err(ReadError::TooComplex);
    }
    let archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ReadError::Damaged(format!("zip: {e}")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(ReadError::TooComplex);
    }
    let mut package = Package {
        archive,
        remaining: MAX_UNPACKED_BYTES,
        budget,
    };

    let main = package
        .relationship_target("_rels/.rels", "", "/officeDocument")?
        .unwrap_or_else(|| "word/document.xml".to_string());
    let folder = main.rsplit_once('/').map_or("", |(dir, _)| dir).to_string();
    let rels = format!(
        "{folder}/_rels/{}.rels",
        main.rsplit('/').next().unwrap_or("document.xml")
    );
    let part = |package: &mut Package, kind: &str, default: &str| {
        package
            .relationship_target(&rels, &folder, kind)
            .map(|found| found.unwrap_or_else(|| format!("{folder}/{default}")))
    };
    let styles_name = part(&mut package, "/styles", "styles.xml")?;
    let numbering_name = part(&mut package, "/numbering", "numbering.xml")?;
    let footnotes_name = part(&mut package, "/footnotes", "footnotes.xml")?;
    let endnotes_name = part(&mut package, "/endnotes", "endnotes.xml")?;

    let Some(document) = package.read(&main)? else {
        return Err(ReadError::Damaged(format!(
            "no {main}: a zip file, but not a Word document"
        )));
    };
    // Optional parts: a damaged one is left out, not fatal.
    let styles = match package.read(&styles_name)? {
        Some(xml) => Styles::parse(&xml, budget).or_else(lenient)?,
        None => Styles::default(),
    };
    let numbering = match package.read(&numbering_name)? {
        Some(xml) => Numbering::parse(&xml, budget).or_else(lenient)?,
        None => Numbering::default(),
    };
    Ok(Parts {
        package,
        document,
        styles,
        numbering,
        footnotes_name,
        endnotes_name,
    })
}

/// A paragraph with how each piece of its text is formatted, and where it
/// stands when it is in a table: what a question bank marks its right
/// answers with (underline, red, highlight, bold).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MarkedParagraph {
    pub runs: Vec<(String, Marks)>,
    /// Table (in document order), row and column, for a paragraph in a
    /// table cell.
    pub cell: Option<(usize, usize, usize)>,
}

impl MarkedParagraph {
    pub fn text(&self) -> String {
        self.runs.iter().map(|(t, _)| t.as_str()).collect()
    }
}

/// How a run of text is set off.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Marks {
    pub bold: bool,
    pub underline: bool,
    pub red: bool,
    pub highlight: bool,
}

/// Every paragraph of the body with its formatting, Word's numbering
/// labels ("A.", "Câu 1.") written in front, table cells in order.
pub fn read_marked(bytes: &[u8], budget: &Budget) -> Result<Vec<MarkedParagraph>, ReadError> {
    let parts = load_parts(bytes, budget)?;
    let mut walker = Walker::new(&parts.styles, &parts.numbering);
    walker.marked = Some(Vec::new());
    walker.walk(&parts.document, budget, Part::Body)?;
    Ok(walker.marked.unwrap_or_default())
}

pub(super) fn read(bytes: &[u8], budget: &Budget) -> Result<Converted, ReadError> {
    let Parts {
        mut package,
        document,
        styles,
        numbering,
        footnotes_name,
        endnotes_name,
    } = load_parts(bytes, budget)?;
    let title = match package.read("docProps/core.xml")? {
        Some(xml) => core_title(&xml, budget).or_else(lenient)?,
        None => String::new(),
    };

    let mut walker = Walker::new(&styles, &numbering);
    walker.walk(&document, budget, Part::Body)?;
    let mut out = std::mem::take(&mut walker.out);

    if !walker.note_order.is_empty() {
        let mut notes: HashMap<(NoteKind, String), String> = HashMap::new();
        for (kind, name) in [
            (NoteKind::Foot, &footnotes_name),
            (NoteKind::End, &endnotes_name),
        ] {
            if let Some(xml) = package.read(name)? {
                let mut w = Walker::new(&styles, &numbering);
                if w.walk(&xml, budget, Part::Notes(kind)).is_ok() {
                    notes.extend(w.notes);
                }
            }
        }
        let mut written = 0;
        for (n, key) in walker.note_order.iter().enumerate() {
            if let Some(text) = notes.get(key) {
                out.push(BlockKind::Paragraph, &format!("[{}] {text}", n + 1))?;
                written += 1;
            }
        }
        if written > 0 {
            out.notices.push(Notice::NotesAtEnd(written));
        }
    }

    if walker.tables_flattened > 0 {
        out.notices
            .push(Notice::TablesFlattened(walker.tables_flattened));
    }
    let has_headers = package
        .archive
        .file_names()
        .filter_map(Result::ok)
        .any(|n| {
            let n = n.rsplit('/').next().unwrap_or(&n);
            (n.starts_with("header") || n.starts_with("footer")) && n.ends_with(".xml")
        });
    if has_headers {
        out.notices.push(Notice::HeadersFootersLeftOut);
    }
    if walker.images > 0 {
        out.notices.push(Notice::ImagesLeftOut(walker.images));
    }

    let title = clean_text(&title);
    out.meta.title = if title.is_empty() {
        take_title(&mut out.blocks).unwrap_or_default()
    } else {
        title
    };
    Ok(out)
}

/// An optional part that does not parse is skipped; running out of time or
/// space is not.
fn lenient<T: Default>(e: ReadError) -> Result<T, ReadError> {
    match e {
        ReadError::Damaged(_) => Ok(T::default()),
        other => Err(other),
    }
}

/// The entry count the zip's end record declares, read without trusting the
/// rest of the file (the zip reader would index every entry first).
fn declared_entries(bytes: &[u8]) -> Option<usize> {
    let tail_start = bytes.len().saturating_sub(22 + 65_535);
    let tail = &bytes[tail_start..];
    let at = tail.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let record = tail.get(at + 10..at + 12)?;
    Some(u16::from_le_bytes([record[0], record[1]]) as usize)
}

struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// Bytes that may still be unpacked, over all parts.
    remaining: u64,
    budget: &'a Budget,
}

impl Package<'_> {
    /// A part's bytes, or `None` if the package has no such part.
    fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ReadError> {
        let name = name.trim_start_matches('/');
        let mut file = match self.archive.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(ReadError::Damaged(format!("{name}: {e}"))),
        };
        if file.size() > self.remaining {
            return Err(ReadError::TooLargeUnpacked);
        }
        let mut out = Vec::with_capacity(file.size().min(1 << 20) as usize);
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            self.budget.check()?;
            let n = file
                .read(&mut chunk)
                .map_err(|e| ReadError::Damaged(format!("{name}: {e}")))?;
            if n == 0 {
                break;
            }
            if (out.len() + n) as u64 > self.remaining {
                // The declared size lied: a zip bomb.
                return Err(ReadError::TooLargeUnpacked);
            }
            out.extend_from_slice(&chunk[..n]);
        }
        self.remaining -= out.len() as u64;
        Ok(Some(out))
    }

    /// The target of the first relationship in `rels` whose type ends with
    /// `type_suffix`, as a path inside the package.
    fn relationship_target(
        &mut self,
        rels: &str,
        folder: &str,
        type_suffix: &str,
    ) -> Result<Option<String>, ReadError> {
        let Some(xml) = self.read(rels)? else {
            return Ok(None);
        };
        let mut reader = xml_reader(&xml);
        let mut buf = Vec::new();
        loop {
            let event = match reader.read_event_into(&mut buf) {
                Ok(event) => event,
                Err(_) => return Ok(None),
            };
            match event {
                Event::Start(e) if e.local_name().as_ref() == b"Relationship" => {
                    let kind = attr(&e, b"Type").unwrap_or_default();
                    let external = attr(&e, b"TargetMode").is_some_and(|m| m == "External");
                    if kind.ends_with(type_suffix)
                        && !external
                        && let Some(target) = attr(&e, b"Target")
                    {
                        return Ok(Some(resolve_target(folder, &target)));
                    }
                }
                Event::Eof => return Ok(None),
                _ => {}
            }
            buf.clear();
        }
    }
}

/// `target` relative to `folder` (or absolute from the package root).
fn resolve_target(folder: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        folder.split('/').filter(|p| !p.is_empty()).collect()
    };
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn xml_reader(xml: &[u8]) -> quick_xml::Reader<&[u8]> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.check_end_names = true;
    reader
}

/// The unescaped value of the attribute with this local name.
fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn damaged(e: quick_xml::Error) -> ReadError {
    ReadError::Damaged(format!("XML: {e}"))
}

/// The text an entity reference stands for (`&amp;`, `&#7871;`…).
fn entity(e: &quick_xml::events::BytesRef) -> Option<char> {
    if let Ok(Some(c)) = e.resolve_char_ref() {
        return Some(c);
    }
    match e.decode().ok()?.as_ref() {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// Runs `on_event` over every event of `xml`, tracking depth and time.
fn each_event(
    xml: &[u8],
    budget: &Budget,
    mut on_event: impl FnMut(Event, usize) -> Result<(), ReadError>,
) -> Result<(), ReadError> {
    let mut reader = xml_reader(xml);
    let mut buf = Vec::new();
    let mut depth = 0usize;
    let mut count = 0u32;
    loop {
        count = count.wrapping_add(1);
        if count.is_multiple_of(4096) {
            budget.check()?;
        }
        let event = reader.read_event_into(&mut buf).map_err(damaged)?;
        match &event {
            Event::Start(_) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(ReadError::TooComplex);
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
        let is_end = matches!(event, Event::End(_));
        on_event(event, depth)?;
        if is_end {
            depth = depth.saturating_sub(1);
        }
        buf.clear();
    }
}

// ------------------------------------------------------------------ core

fn core_title(xml: &[u8], budget: &Budget) -> Result<String, ReadError> {
    let mut title = String::new();
    let mut in_title = false;
    each_event(xml, budget, |event, _| {
        match event {
            Event::Start(e) if e.local_name().as_ref() == b"title" => in_title = true,
            Event::End(e) if e.local_name().as_ref() == b"title" => in_title = false,
            Event::Text(t) if in_title => title.push_str(&t.xml10_content().unwrap_or_default()),
            Event::GeneralRef(r) if in_title => title.extend(entity(&r)),
            _ => {}
        }
        Ok(())
    })?;
    Ok(title)
}

// ---------------------------------------------------------------- styles

#[derive(Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num: Option<(Option<String>, Option<u8>)>,
    bold: Option<bool>,
}

#[derive(Default)]
struct Styles {
    by_id: HashMap<String, Style>,
    default_paragraph: Option<String>,
}

/// What a paragraph style amounts to once its `basedOn` chain is followed.
#[derive(Clone, Default)]
struct Resolved {
    /// 0-based outline level (0 = Heading 1).
    outline: Option<u8>,
    num: Option<(String, u8)>,
    bold: bool,
}

impl Styles {
    fn parse(xml: &[u8], budget: &Budget) -> Result<Styles, ReadError> {
        let mut styles = Styles::default();
        let mut current: Option<(String, Style)> = None;
        let mut in_rpr = false;
        let mut in_ppr = false;
        each_event(xml, budget, |event, _| {
            match event {
                Event::Start(e) => match e.local_name().as_ref() {
                    b"style" => {
                        let paragraph = attr(&e, b"type").is_none_or(|t| t == "paragraph");
                        if let Some(id) = attr(&e, b"styleId").filter(|_| paragraph) {
                            if attr(&e, b"default").is_some_and(|d| d == "1" || d == "true") {
                                styles.default_paragraph = Some(id.clone());
                            }
                            current = Some((id, Style::default()));
                        }
                    }
                    b"pPr" => in_ppr = true,
                    b"rPr" => in_rpr = true,
                    name => {
                        if let Some((_, style)) = current.as_mut() {
                            let val = attr(&e, b"val");
                            match name {
                                b"name" => style.name = val.unwrap_or_default(),
                                b"basedOn" => style.based_on = val,
                                b"outlineLvl" if in_ppr => {
                                    style.outline = val.and_then(|v| v.parse().ok())
                                }
                                b"numId" if in_ppr => style.num.get_or_insert((None, None)).0 = val,
                                b"ilvl" if in_ppr => {
                                    style.num.get_or_insert((None, None)).1 =
                                        val.and_then(|v| v.parse().ok())
                                }
                                b"b" if in_rpr && !in_ppr => style.bold = Some(is_on(val)),
                                _ => {}
                            }
                        }
                    }
                },
                Event::End(e) => match e.local_name().as_ref() {
                    b"style" => {
                        if let Some((id, style)) = current.take() {
                            styles.by_id.insert(id, style);
                        }
                    }
                    b"pPr" => in_ppr = false,
                    b"rPr" => in_rpr = false,
                    _ => {}
                },
                _ => {}
            }
            Ok(())
        })?;
        Ok(styles)
    }

    fn resolve(&self, id: Option<&str>) -> Resolved {
        let mut resolved = Resolved::default();
        let (mut outline, mut num, mut bold) = (None, None, None);
        let mut next = id.or(self.default_paragraph.as_deref());
        for _ in 0..16 {
            let Some(style) = next.and_then(|id| self.by_id.get(id)) else {
                break;
            };
            outline = outline
                .or(style.outline)
                .or_else(|| level_from_name(&style.name));
            if num.is_none()
                && let Some((id, level)) = &style.num
                && let Some(id) = id
            {
                num = Some((id.clone(), level.unwrap_or(0)));
            }
            bold = bold.or(style.bold);
            next = style.based_on.as_deref();
        }
        resolved.outline = outline;
        resolved.num = num;
        resolved.bold = bold.unwrap_or(false);
        resolved
    }
}

/// "heading 2", "Heading 2", "Tiêu đề 2", "Đề mục 2" → 1; "Title" → 0.
fn level_from_name(name: &str) -> Option<u8> {
    let lower = name.trim().to_lowercase();
    if matches!(lower.as_str(), "title" | "tiêu đề" | "tựa đề") {
        return Some(0);
    }
    let rest = ["heading", "tiêu đề", "đề mục"]
        .iter()
        .find_map(|prefix| lower.strip_prefix(prefix))?;
    let n: u8 = rest.trim().parse().ok()?;
    (1..=9).contains(&n).then(|| n - 1)
}

/// A font colour that reads as red: "FF0000", "C00000", "E00000", "red".
fn is_red(val: &str) -> bool {
    if val.eq_ignore_ascii_case("red") {
        return true;
    }
    let byte = |i: usize| {
        val.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
    };
    match (val.len(), byte(0), byte(2), byte(4)) {
        (6, Some(r), Some(g), Some(b)) => r >= 0xB0 && g <= 0x60 && b <= 0x60,
        _ => false,
    }
}

fn is_on(val: Option<String>) -> bool {
    !matches!(val.as_deref(), Some("0" | "false" | "off" | "none"))
}

// ------------------------------------------------------------- numbering

#[derive(Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

#[derive(Default)]
struct Numbering {
    /// numId → abstractNumId.
    nums: HashMap<String, String>,
    /// abstractNumId → its nine levels.
    abstracts: HashMap<String, Vec<Level>>,
}

impl Numbering {
    fn parse(xml: &[u8], budget: &Budget) -> Result<Numbering, ReadError> {
        let mut numbering = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut level: Option<usize> = None;
        each_event(xml, budget, |event, _| {
            match event {
                Event::Start(e) => {
                    let val = || attr(&e, b"val");
                    match e.local_name().as_ref() {
                        b"abstractNum" => {
                            abstract_id = attr(&e, b"abstractNumId");
                            if let Some(id) = &abstract_id {
                                numbering
                                    .abstracts
                                    .insert(id.clone(), vec![Level::default(); 9]);
                            }
                        }
                        b"num" => num_id = attr(&e, b"numId"),
                        b"abstractNumId" => {
                            if let (Some(num), Some(target)) = (&num_id, val()) {
                                numbering.nums.insert(num.clone(), target);
                            }
                        }
                        b"lvl" if abstract_id.is_some() => {
                            level = attr(&e, b"ilvl")
                                .and_then(|v| v.parse::<usize>().ok())
                                .filter(|&l| l < 9);
                        }
                        name => {
                            if let (Some(a), Some(l)) = (&abstract_id, level)
                                && let Some(levels) = numbering.abstracts.get_mut(a)
                            {
                                let lvl = &mut levels[l];
                                match name {
                                    b"numFmt" => lvl.format = val().unwrap_or_default(),
                                    b"lvlText" => lvl.text = val().unwrap_or_default(),
                                    b"start" => {
                                        lvl.start = val().and_then(|v| v.parse().ok()).unwrap_or(1)
                                    }
                                    _ => {}
                                }
                            }
                        }
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    b"abstractNum" => abstract_id = None,
                    b"num" => num_id = None,
                    b"lvl" => level = None,
                    _ => {}
                },
                _ => {}
            }
            Ok(())
        })?;
        Ok(numbering)
    }

    /// The label of the next item of list `num_id` at `level` ("" for a
    /// bullet), or `None` if there is no such list.
    fn next_label(
        &self,
        counters: &mut HashMap<String, [u32; 9]>,
        num_id: &str,
        level: u8,
    ) -> Option<String> {
        let abstract_id = self.nums.get(num_id)?;
        let levels = self.abstracts.get(abstract_id)?;
        let l = usize::from(level).min(8);
        let this = &levels[l];
        if matches!(this.format.as_str(), "bullet" | "none" | "") {
            return Some(String::new());
        }
        let counts = counters.entry(abstract_id.clone()).or_insert([0; 9]);
        counts[l] = if counts[l] == 0 {
            this.start.max(1)
        } else {
            counts[l].saturating_add(1)
        };
        for deeper in counts.iter_mut().skip(l + 1) {
            *deeper = 0;
        }
        let mut label = this.text.clone();
        for (k, lvl) in levels.iter().enumerate().take(l + 1) {
            let n = if counts[k] == 0 {
                lvl.start.max(1)
            } else {
                counts[k]
            };
            label = label.replace(&format!("%{}", k + 1), &format_number(n, &lvl.format));
        }
        Some(label.trim().to_string())
    }
}

fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n).to_lowercase(),
        "upperLetter" => letters(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" => format!("{n:02}"),
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    const DIGITS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// 1 → A, 26 → Z, 27 → AA (Word repeats the letter).
fn letters(n: u32) -> String {
    let n = n.max(1) - 1;
    let letter = char::from(b'A' + (n % 26) as u8);
    std::iter::repeat_n(letter, (n / 26) as usize + 1).collect()
}

// ------------------------------------------------------------------ body

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum NoteKind {
    Foot,
    End,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Body,
    Notes(NoteKind),
}

#[derive(Default)]
struct Paragraph {
    text: String,
    style: Option<String>,
    num: Option<(Option<String>, Option<u8>)>,
    outline: Option<u8>,
    /// Some text in a run that is not bold.
    not_bold: bool,
    /// The text by formatting, when the walker keeps it.
    runs: Vec<(String, Marks)>,
}

#[derive(Default)]
struct Table {
    /// Rows of cells of blocks.
    rows: Vec<Vec<Vec<(BlockKind, String)>>>,
}

struct Walker<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    counters: HashMap<String, [u32; 9]>,
    paragraphs: Vec<Paragraph>,
    tables: Vec<Table>,
    out: Converted,
    /// Note references in the order they appear in the text.
    note_order: Vec<(NoteKind, String)>,
    /// In a notes part: each note's text.
    notes: HashMap<(NoteKind, String), String>,
    current_note: Option<String>,
    tables_flattened: usize,
    images: usize,
    // Where the stream is.
    skip_until: Option<usize>,
    in_run: bool,
    in_run_props: bool,
    in_para_props: bool,
    in_text: bool,
    run_bold: Option<bool>,
    /// The run's underline, colour and highlight.
    run_marks: Marks,
    /// Paragraphs with their formatting, when asked for (question banks).
    marked: Option<Vec<MarkedParagraph>>,
    /// Tables begun so far, to tell one from the next.
    tables_begun: usize,
}

/// Elements whose content is not text of the document.
fn skipped(local: &[u8]) -> bool {
    matches!(
        local,
        b"instrText"
            | b"delText"
            | b"delInstrText"
            | b"del"
            | b"moveFrom"
            | b"Fallback"
            | b"sectPr"
            | b"commentReference"
            | b"annotationRef"
            | b"footnoteRef"
            | b"endnoteRef"
            | b"separator"
            | b"continuationSeparator"
    )
}

impl<'a> Walker<'a> {
    fn new(styles: &'a Styles, numbering: &'a Numbering) -> Self {
        Walker {
            styles,
            numbering,
            counters: HashMap::new(),
            paragraphs: Vec::new(),
            tables: Vec::new(),
            out: Converted::default(),
            note_order: Vec::new(),
            notes: HashMap::new(),
            current_note: None,
            tables_flattened: 0,
            images: 0,
            skip_until: None,
            in_run: false,
            in_run_props: false,
            in_para_props: false,
            in_text: false,
            run_bold: None,
            run_marks: Marks::default(),
            marked: None,
            tables_begun: 0,
        }
    }

    fn walk(&mut self, xml: &[u8], budget: &Budget, part: Part) -> Result<(), ReadError> {
        each_event(xml, budget, |event, depth| {
            self.on_event(event, depth, part)
        })
    }

    fn on_event(&mut self, event: Event, depth: usize, part: Part) -> Result<(), ReadError> {
        if let Some(until) = self.skip_until {
            if matches!(event, Event::End(_)) && depth == until {
                self.skip_until = None;
            }
            return Ok(());
        }
        match event {
            Event::Start(e) => self.on_start(&e, depth, part),
            Event::End(e) => self.on_end(e.local_name().as_ref(), part)?,
            Event::Text(t) if self.in_text => {
                let text = t.xml10_content().unwrap_or_default();
                self.add_text(&text);
            }
            Event::CData(t) if self.in_text => {
                let text = String::from_utf8_lossy(&t).into_owned();
                self.add_text(&text);
            }
            Event::GeneralRef(r) if self.in_text => {
                if let Some(c) = entity(&r) {
                    self.add_text(c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn on_start(&mut self, e: &BytesStart, depth: usize, part: Part) {
        let local = e.local_name();
        let local = local.as_ref();
        if skipped(local) {
            self.skip_until = Some(depth);
            return;
        }
        let val = || attr(e, b"val");
        match local {
            b"footnote" | b"endnote" if matches!(part, Part::Notes(_)) => {
                // Separators have a type; real notes have none (or "normal").
                let real = attr(e, b"type").is_none_or(|t| t == "normal");
                self.current_note = attr(e, b"id").filter(|_| real);
            }
            b"p" => self.paragraphs.push(Paragraph::default()),
            b"pPr" if !self.in_run => self.in_para_props = true,
            b"pStyle" if self.in_para_props => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.style = val();
                }
            }
            b"numId" if self.in_para_props => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.num.get_or_insert((None, None)).0 = val();
                }
            }
            b"ilvl" if self.in_para_props => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.num.get_or_insert((None, None)).1 = val().and_then(|v| v.parse().ok());
                }
            }
            b"outlineLvl" if self.in_para_props => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.outline = val().and_then(|v| v.parse().ok());
                }
            }
            b"r" => {
                self.in_run = true;
                self.run_bold = None;
                self.run_marks = Marks::default();
            }
            b"rPr" if self.in_run => self.in_run_props = true,
            b"b" if self.in_run_props => self.run_bold = Some(is_on(val())),
            b"u" if self.in_run_props => {
                self.run_marks.underline = val().is_none_or(|v| v != "none");
            }
            b"color" if self.in_run_props => self.run_marks.red = val().is_some_and(|v| is_red(&v)),
            b"highlight" if self.in_run_props => {
                self.run_marks.highlight = val().is_some_and(|v| v != "none");
            }
            b"t" if self.in_run => self.in_text = true,
            b"tab" | b"br" | b"cr" if self.in_run => self.add_text(" "),
            b"noBreakHyphen" if self.in_run => self.add_text("-"),
            b"footnoteReference" | b"endnoteReference" if part == Part::Body => {
                let kind = if local == b"footnoteReference" {
                    NoteKind::Foot
                } else {
                    NoteKind::End
                };
                if let Some(id) = attr(e, b"id") {
                    self.note_order.push((kind, id));
                    let mark = format!("[{}]", self.note_order.len());
                    self.add_text(&mark);
                }
            }
            b"blip" | b"imagedata" => self.images += 1,
            b"tbl" => {
                self.tables.push(Table::default());
                self.tables_begun += 1;
            }
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(Vec::new());
                }
            }
            b"tc" => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(Vec::new());
                }
            }
            _ => {}
        }
    }

    fn on_end(&mut self, local: &[u8], part: Part) -> Result<(), ReadError> {
        match local {
            b"t" => self.in_text = false,
            b"rPr" => self.in_run_props = false,
            b"pPr" => self.in_para_props = false,
            b"r" => {
                self.in_run = false;
                self.in_run_props = false;
                self.in_text = false;
            }
            b"p" => {
                if let Some(mut p) = self.paragraphs.pop() {
                    if self.marked.is_some() {
                        self.keep_marked(&mut p);
                        return Ok(());
                    }
                    let block = self.finish_paragraph(p);
                    if let Some((kind, text)) = block {
                        self.emit(kind, text, part)?;
                    }
                }
            }
            b"tbl" => {
                if let Some(table) = self.tables.pop() {
                    for (kind, text) in self.lay_out(table) {
                        self.emit(kind, text, part)?;
                    }
                }
            }
            b"footnote" | b"endnote" => self.current_note = None,
            _ => {}
        }
        Ok(())
    }

    fn add_text(&mut self, text: &str) {
        let style_bold = self
            .paragraphs
            .last()
            .map(|p| self.styles.resolve(p.style.as_deref()).bold);
        let keep_runs = self.marked.is_some();
        let Some(p) = self.paragraphs.last_mut() else {
            return;
        };
        p.text.push_str(text);
        let bold = self.run_bold.or(style_bold).unwrap_or(false);
        if keep_runs {
            let marks = Marks {
                bold,
                ..self.run_marks
            };
            match p.runs.last_mut() {
                Some((last, m)) if *m == marks => last.push_str(text),
                _ => p.runs.push((text.to_string(), marks)),
            }
        }
        if !bold && !text.trim().is_empty() {
            p.not_bold = true;
        }
    }

    /// Sends a finished block to the table cell it is in, the note it is
    /// part of, or the document.
    fn emit(&mut self, kind: BlockKind, text: String, part: Part) -> Result<(), ReadError> {
        if let Some(cell) = self
            .tables
            .last_mut()
            .and_then(|t| t.rows.last_mut())
            .and_then(|r| r.last_mut())
        {
            cell.push((kind, text));
            return Ok(());
        }
        if let Part::Notes(kind) = part {
            if let Some(id) = &self.current_note {
                let note = self.notes.entry((kind, id.clone())).or_default();
                if !note.is_empty() {
                    note.push(' ');
                }
                note.push_str(&text);
                if note.len() > MAX_UNPACKED_BYTES as usize {
                    return Err(ReadError::TooComplex);
                }
            }
            return Ok(());
        }
        self.out.push(kind, &text)
    }

    /// Word's number for the paragraph ("1.", "a)", "Câu 3:"), counted.
    fn label_of(&mut self, p: &Paragraph) -> Option<String> {
        let style = self.styles.resolve(p.style.as_deref());
        let num = match &p.num {
            Some((Some(id), level)) => Some((id.clone(), level.unwrap_or(0))),
            // A paragraph may override only the level of its style's list.
            Some((None, Some(level))) => style.num.clone().map(|(id, _)| (id, *level)),
            _ => style.num.clone(),
        }
        .filter(|(id, _)| id != "0");
        num.and_then(|(id, level)| self.numbering.next_label(&mut self.counters, &id, level))
    }

    /// Keeps a paragraph with its formatting (for a question bank).
    fn keep_marked(&mut self, p: &mut Paragraph) {
        if clean_text(&p.text).is_empty() {
            return;
        }
        let mut runs = std::mem::take(&mut p.runs);
        if let Some(label) = self.label_of(p).filter(|l| !l.is_empty()) {
            runs.insert(0, (format!("{label} "), Marks::default()));
        }
        let cell = self.tables.last().and_then(|t| {
            let row = t.rows.len().checked_sub(1)?;
            let column = t.rows.last()?.len().checked_sub(1)?;
            Some((self.tables_begun, row, column))
        });
        if let Some(marked) = &mut self.marked {
            marked.push(MarkedParagraph { runs, cell });
        }
    }

    fn finish_paragraph(&mut self, p: Paragraph) -> Option<(BlockKind, String)> {
        let text = clean_text(&p.text);
        if text.is_empty() {
            return None;
        }
        let style = self.styles.resolve(p.style.as_deref());
        let outline = p.outline.or(style.outline).filter(|&l| l < 9);
        let label = self.label_of(&p);
        let with_label = |text: String| match &label {
            Some(l) if !l.is_empty() => format!("{l} {text}"),
            _ => text,
        };
        if let Some(level) = outline {
            return Some((BlockKind::Heading((level + 1).min(6)), with_label(text)));
        }
        if label.is_some() {
            return Some((BlockKind::ListItem, with_label(text)));
        }
        if !p.not_bold
            && let Some(level) = numbered_heading_level(&text)
        {
            return Some((BlockKind::Heading(level), text));
        }
        Some((BlockKind::Paragraph, text))
    }

    /// A table with more than one filled column becomes one paragraph per
    /// row ("a | b | c"); a one-column (layout) table gives its blocks as
    /// they are.
    fn lay_out(&mut self, table: Table) -> Vec<(BlockKind, String)> {
        let columns = |row: &Vec<Vec<(BlockKind, String)>>| {
            row.iter().filter(|cell| !cell.is_empty()).count()
        };
        if table.rows.iter().all(|row| columns(row) <= 1) {
            return table.rows.into_iter().flatten().flatten().collect();
        }
        self.tables_flattened += 1;
        table
            .rows
            .into_iter()
            .filter(|row| columns(row) > 0)
            .map(|row| {
                let cells: Vec<String> = row
                    .into_iter()
                    .filter(|cell| !cell.is_empty())
                    .map(|cell| {
                        cell.into_iter()
                            .map(|(_, text)| text)
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect();
                (BlockKind::Paragraph, cells.join(" | "))
            })
            .collect()
    }
}

/// Headings by their numbering, for short all-bold paragraphs: "Phần thứ
/// nhất", "Chương II", "Mục 1", "Điều 5. …", "II. …", "1. …", or a line in
/// capitals ("NHỮNG QUY ĐỊNH CHUNG").
fn numbered_heading_level(text: &str) -> Option<u8> {
    if text.chars().count() > 200 || text.ends_with([',', ';']) {
        return None;
    }
    let first = text.split_whitespace().next()?;
    let second = text.split_whitespace().nth(1).unwrap_or("");
    let word = first.to_lowercase();
    match word.as_str() {
        "phần" | "chương" => return Some(2),
        "mục" if second.chars().next().is_some_and(|c| c.is_ascii_digit()) => return Some(3),
        "điều"
            if second
                .trim_end_matches(['.', ':'])
                .chars()
                .all(|c| c.is_ascii_digit())
                && !second.is_empty() =>
        {
            return Some(3);
        }
        _ => {}
    }
    if let Some(number) = first.strip_suffix('.') {
        if !number.is_empty() && number.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')) {
            return Some(2);
        }
        if !number.is_empty() && number.len() <= 3 && number.chars().all(|c| c.is_ascii_digit()) {
            return Some(3);
        }
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase()) && !text.ends_with('.') {
        return Some(2);
    }
    None
}

/// Kinds of document whose name stands alone on a line above the subject
/// ("NGHỊ QUYẾT" / "Về việc …").
const DOCUMENT_KINDS: &[&str] = &[
    "LUẬT",
    "BỘ LUẬT",
    "HIẾN PHÁP",
    "PHÁP LỆNH",
    "NGHỊ QUYẾT",
    "NGHỊ ĐỊNH",
    "QUYẾT ĐỊNH",
    "CHỈ THỊ",
    "KẾT LUẬN",
    "QUY ĐỊNH",
    "QUY CHẾ",
    "THÔNG TƯ",
    "HƯỚNG DẪN",
    "BÁO CÁO",
    "CHƯƠNG TRÌNH",
    "KẾ HOẠCH",
    "ĐỀ ÁN",
    "ĐỀ CƯƠNG",
    "THÔNG BÁO",
    "THÔNG CÁO",
    "TỜ TRÌNH",
    "CÔNG ĐIỆN",
];

/// The first heading that is not a numbered part, removed from the body,
/// joined with the line after it when it only names the kind of document
/// ("LUẬT" + "AN NINH MẠNG").
fn take_title(blocks: &mut Vec<(BlockKind, String)>) -> Option<String> {
    let at = blocks.iter().take(40).position(|(kind, text)| {
        matches!(kind, BlockKind::Heading(_))
            && (numbered_heading_level(text).is_none()
                || text
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase))
            && !text.contains(" | ")
            && !starts_numbered_part(text)
    })?;
    let mut title = blocks[at].1.clone();
    let mut take = 1;
    if DOCUMENT_KINDS.contains(&title.as_str())
        && let Some((kind, next)) = blocks.get(at + 1)
        && matches!(kind, BlockKind::Heading(_) | BlockKind::Paragraph)
        && next.chars().count() <= 200
        && !next.ends_with('.')
        && !starts_numbered_part(next)
    {
        title.push(' ');
        title.push_str(next);
        take = 2;
    }
    blocks.drain(at..at + take);
    Some(title)
}

fn starts_numbered_part(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(first.as_str(), "phần" | "chương" | "mục" | "điều")
        || first.strip_suffix('.').is_some_and(|n| {
            !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || "ivxl".contains(c))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_names_in_english_and_vietnamese_give_outline_levels() {
        assert_eq!(level_from_name("heading 1"), Some(0));
        assert_eq!(level_from_name("Heading 3"), Some(2));
        assert_eq!(level_from_name("Tiêu đề 2"), Some(1));
        assert_eq!(level_from_name("Title"), Some(0));
        assert_eq!(level_from_name("Normal"), None);
        assert_eq!(level_from_name("heading x"), None);
    }

    #[test]
    fn numbering_in_bold_short_paragraphs_gives_headings() {
        assert_eq!(numbered_heading_level("Chương I"), Some(2));
        assert_eq!(
            numbered_heading_level("Điều 12. Phạm vi điều chỉnh"),
            Some(3)
        );
        assert_eq!(numbered_heading_level("II. NHIỆM VỤ, GIẢI PHÁP"), Some(2));
        assert_eq!(numbered_heading_level("1. Mục tiêu chung"), Some(3));
        assert_eq!(numbered_heading_level("NHỮNG QUY ĐỊNH CHUNG"), Some(2));
        assert_eq!(numbered_heading_level("Điều kiện để được cấp phép"), None);
        assert_eq!(numbered_heading_level("Một câu văn bình thường."), None);
        assert_eq!(numbered_heading_level(&"Chương ".repeat(50)), None);
    }

    #[test]
    fn titles_join_the_kind_of_document_with_its_subject() {
        let mut blocks = vec![
            (BlockKind::Paragraph, "QUỐC HỘI | CỘNG HÒA".to_string()),
            (BlockKind::Heading(2), "LUẬT".to_string()),
            (BlockKind::Heading(2), "AN TOÀN THỰC PHẨM".to_string()),
            (BlockKind::Heading(2), "Chương I".to_string()),
        ];
        assert_eq!(
            take_title(&mut blocks).as_deref(),
            Some("LUẬT AN TOÀN THỰC PHẨM")
        );
        assert_eq!(blocks.len(), 2);
        let mut numbered = vec![(BlockKind::Heading(3), "Điều 1. Phạm vi".to_string())];
        assert_eq!(take_title(&mut numbered), None);
    }

    #[test]
    fn numbers_are_formatted_as_word_does() {
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(2, "lowerLetter"), "b");
        assert_eq!(format_number(28, "upperLetter"), "BB");
        assert_eq!(format_number(7, "decimal"), "7");
    }

    #[test]
    fn relationship_targets_resolve_inside_the_package() {
        assert_eq!(resolve_target("word", "styles.xml"), "word/styles.xml");
        assert_eq!(resolve_target("", "word/document.xml"), "word/document.xml");
        assert_eq!(resolve_target("word", "/word/x.xml"), "word/x.xml");
        assert_eq!(resolve_target("word/sub", "../a.xml"), "word/a.xml");
    }
}
