//! Word 97–2003 `.doc` files: the text of the main document, read the way
//! antiword and catdoc read it.
//!
//! A `.doc` is a Compound File (read with the `cfb` crate) whose
//! `WordDocument` stream starts with the File Information Block (FIB). The
//! FIB says which table stream (`0Table` or `1Table`) holds the CLX, whose
//! piece table maps character positions to bytes of `WordDocument`: each
//! piece is 8-bit (cp1252, or TCVN3 in old Vietnamese files) or UTF-16LE. The
//! main text is the first `ccpText` characters; in it 0x0D ends a paragraph,
//! 0x07 a table cell (twice in a row: the row), 0x13 … 0x14 … 0x15 is a field
//! (code, then result), and the other control characters mark pictures,
//! footnote references and the like.

use std::io::{Cursor, Read};

use super::foreign::{Notice, OutBlock, ReadError, is_decoration, to_markdown};
use super::parse::plain_heading_level;

const FORMAT: &str = ".doc";
/// More characters than any resolution has (the file itself is capped at 32 MB).
const MAX_CHARS: u32 = 16 * 1024 * 1024;
/// Streams larger than this are refused before being read.
const MAX_STREAM: u64 = 64 * 1024 * 1024;
/// Fields nest; deeper than this is damage.
const MAX_FIELD_DEPTH: usize = 32;

fn damaged(detail: impl Into<String>) -> ReadError {
    ReadError::Damaged {
        format: FORMAT,
        detail: detail.into(),
    }
}

/// Reads a `.doc` file into the app's Markdown.
pub fn read(bytes: &[u8]) -> Result<(String, Vec<Notice>), ReadError> {
    match std::panic::catch_unwind(|| read_inner(bytes)) {
        Ok(result) => result,
        Err(_) => Err(damaged("the reader stopped on a malformed structure")),
    }
}

fn read_inner(bytes: &[u8]) -> Result<(String, Vec<Notice>), ReadError> {
    if !bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        if bytes.starts_with(b"PK\x03\x04") {
            return Err(damaged("it is a .docx (zip) file named .doc"));
        }
        if bytes.starts_with(b"{\\rtf") {
            return Err(ReadError::SaveAsDocx {
                detail: "it is an RTF file named .doc".into(),
            });
        }
        return Err(damaged("no Compound File signature"));
    }
    let mut cf = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| damaged(e.to_string()))?;
    let word = read_stream(&mut cf, "/WordDocument")?;
    let fib = Fib::parse(&word)?;
    let table_name = if fib.which_table_1 {
        "/1Table"
    } else {
        "/0Table"
    };
    let table = read_stream(&mut cf, table_name)?;
    let clx = table
        .get(fib.fc_clx as usize..(fib.fc_clx as usize).saturating_add(fib.lcb_clx as usize))
        .ok_or_else(|| damaged("the piece table lies outside its stream"))?;
    let pieces = parse_clx(clx)?;
    let vn_font = contains_utf16(&table, ".Vn");
    // The main text, then its footnotes and endnotes (as antiword prints them).
    let stories = [
        (0, fib.ccp_text),
        (fib.ccp_text, fib.ccp_text.saturating_add(fib.ccp_ftn)),
        (fib.edn.0, fib.edn.0.saturating_add(fib.edn.1)),
    ];
    let mut paragraphs_all = Vec::new();
    let mut tcvn3 = false;
    for (n, (from, to)) in stories.into_iter().enumerate() {
        if to <= from {
            continue;
        }
        let (chars, vn) = piece_text(&word, &pieces, from..to, vn_font).or_else(|e| {
            if n == 0 {
                Err(e)
            } else {
                Ok((Vec::new(), false))
            }
        })?;
        tcvn3 |= vn;
        paragraphs_all.extend(paragraphs(&chars));
    }
    let mut notices = Vec::new();
    if tcvn3 {
        notices.push(Notice::Tcvn3Decoded);
    }
    let paragraphs = paragraphs_all;
    let rows = paragraphs.iter().filter(|p| p.row).count();
    if rows > 0 {
        notices.push(Notice::TablesFlattened { rows });
    }
    let blocks = to_blocks(paragraphs);
    if blocks.is_empty() {
        return Err(damaged("the document holds no text"));
    }
    Ok((to_markdown(None, None, &blocks), notices))
}

fn read_stream<F: Read + std::io::Seek>(
    cf: &mut cfb::CompoundFile<F>,
    name: &str,
) -> Result<Vec<u8>, ReadError> {
    let mut stream = cf.open_stream(name).map_err(|_| {
        if name == "/WordDocument" {
            damaged("no WordDocument stream: not a Word file")
        } else {
            ReadError::SaveAsDocx {
                detail: format!("no {} stream", name.trim_start_matches('/')),
            }
        }
    })?;
    if stream.len() > MAX_STREAM {
        return Err(ReadError::TooBig {
            detail: format!("{} bytes in one stream", stream.len()),
        });
    }
    let mut out = Vec::with_capacity(stream.len() as usize);
    stream
        .by_ref()
        .take(MAX_STREAM)
        .read_to_end(&mut out)
        .map_err(|e| damaged(e.to_string()))?;
    Ok(out)
}

/// The few FIB fields the text needs.
#[derive(Debug)]
struct Fib {
    which_table_1: bool,
    ccp_text: u32,
    /// Footnotes follow the main text in character positions; then headers,
    /// macros and annotations; then endnotes.
    ccp_ftn: u32,
    /// Where the endnotes start, and how many characters they have.
    edn: (u32, u32),
    fc_clx: u32,
    lcb_clx: u32,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl Fib {
    fn parse(w: &[u8]) -> Result<Fib, ReadError> {
        let short = || damaged("the file information block is cut short");
        if u16_at(w, 0).ok_or_else(short)? != 0xA5EC {
            return Err(damaged("no Word signature in the WordDocument stream"));
        }
        let n_fib = u16_at(w, 2).ok_or_else(short)?;
        // Word 97 and later write nFib 0x00C1 or more; Word 6/95 wrote 101–105
        // and a different structure.
        if n_fib < 0x00C1 {
            return Err(ReadError::SaveAsDocx {
                detail: format!("Word 6/95 format (nFib {n_fib})"),
            });
        }
        let flags = u16_at(w, 0x0A).ok_or_else(short)?;
        if flags & 0x0100 != 0 {
            return Err(ReadError::Encrypted { format: FORMAT });
        }
        let which_table_1 = flags & 0x0200 != 0;
        let csw = u16_at(w, 32).ok_or_else(short)? as usize;
        let lw_count_at = 34 + csw * 2;
        let cslw = u16_at(w, lw_count_at).ok_or_else(short)? as usize;
        let lw_at = lw_count_at + 2;
        if cslw < 4 {
            return Err(short());
        }
        let lw = |i: usize| u32_at(w, lw_at + i * 4).unwrap_or(0);
        let ccp_text = u32_at(w, lw_at + 3 * 4).ok_or_else(short)?;
        let (ccp_ftn, ccp_edn) = if cslw > 8 { (lw(4), lw(8)) } else { (0, 0) };
        let edn_start = [ccp_text, lw(4), lw(5), lw(6), lw(7)]
            .iter()
            .fold(0u32, |a, &b| a.saturating_add(b));
        let fc_count_at = lw_at + cslw * 4;
        let cb_fc_lcb = u16_at(w, fc_count_at).ok_or_else(short)? as usize;
        if cb_fc_lcb < 34 {
            return Err(short());
        }
        let clx_at = fc_count_at + 2 + 33 * 8;
        let fc_clx = u32_at(w, clx_at).ok_or_else(short)?;
        let lcb_clx = u32_at(w, clx_at + 4).ok_or_else(short)?;
        let total = ccp_text.saturating_add(ccp_ftn).saturating_add(ccp_edn);
        if total > MAX_CHARS {
            return Err(ReadError::TooBig {
                detail: format!("{total} characters"),
            });
        }
        if lcb_clx == 0 {
            return Err(ReadError::SaveAsDocx {
                detail: "no piece table".into(),
            });
        }
        Ok(Fib {
            which_table_1,
            ccp_text,
            ccp_ftn,
            edn: (edn_start, ccp_edn),
            fc_clx,
            lcb_clx,
        })
    }
}

/// One piece: characters `cp_start..cp_end` are at byte `offset` of
/// WordDocument, one byte each when `compressed`, else two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    cp_start: u32,
    cp_end: u32,
    offset: u32,
    compressed: bool,
}

fn parse_clx(clx: &[u8]) -> Result<Vec<Piece>, ReadError> {
    let mut at = 0;
    // Skip the Prc entries (formatting for pieces), then the Pcdt.
    while clx.get(at) == Some(&0x01) {
        let cb = u16_at(clx, at + 1).ok_or_else(|| damaged("cut-short CLX"))? as i16;
        if cb < 0 {
            return Err(damaged("negative CLX entry"));
        }
        at += 3 + cb as usize;
    }
    if clx.get(at) != Some(&0x02) {
        return Err(damaged("no piece table in the CLX"));
    }
    let lcb = u32_at(clx, at + 1).ok_or_else(|| damaged("cut-short CLX"))? as usize;
    let plc = clx
        .get(at + 5..at + 5 + lcb)
        .ok_or_else(|| damaged("cut-short piece table"))?;
    if plc.len() < 16 || (plc.len() - 4) % 12 != 0 {
        return Err(damaged("piece table of an odd size"));
    }
    let n = (plc.len() - 4) / 12;
    let cps: Vec<u32> = (0..=n).map(|i| u32_at(plc, i * 4).unwrap_or(0)).collect();
    let mut pieces = Vec::with_capacity(n);
    for i in 0..n {
        let pcd = 4 * (n + 1) + i * 8;
        let fc = u32_at(plc, pcd + 2).unwrap_or(0);
        let (start, end) = (cps[i], cps[i + 1]);
        if end < start {
            return Err(damaged("piece table out of order"));
        }
        let compressed = fc & 0x4000_0000 != 0;
        let offset = if compressed {
            (fc & 0x3FFF_FFFF) / 2
        } else {
            fc
        };
        pieces.push(Piece {
            cp_start: start,
            cp_end: end,
            offset,
            compressed,
        });
    }
    Ok(pieces)
}

/// Does `bytes` hold `needle` as UTF-16LE (font names are stored so)?
fn contains_utf16(bytes: &[u8], needle: &str) -> bool {
    let pattern: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes
        .windows(pattern.len())
        .any(|w| w == pattern.as_slice())
}

/// The characters at positions `range`, piece by piece. Returns whether any 8-bit
/// piece was read as TCVN3.
fn piece_text(
    word: &[u8],
    pieces: &[Piece],
    range: std::ops::Range<u32>,
    vn_font: bool,
) -> Result<(Vec<char>, bool), ReadError> {
    let mut out = Vec::with_capacity((range.end - range.start).min(MAX_CHARS) as usize);
    let mut tcvn3 = false;
    for p in pieces {
        let (start, end) = (p.cp_start.max(range.start), p.cp_end.min(range.end));
        if start >= end {
            continue;
        }
        let count = (end - start) as usize;
        let skip = (start - p.cp_start) as usize;
        let off = p.offset as usize + if p.compressed { skip } else { skip * 2 };
        if p.compressed {
            let bytes = word
                .get(off..off.saturating_add(count))
                .ok_or_else(|| damaged("a piece lies outside the WordDocument stream"))?;
            if vn_font && looks_tcvn3(bytes) {
                tcvn3 = true;
                out.extend(bytes.iter().map(|&b| tcvn3_char(b)));
            } else {
                out.extend(bytes.iter().map(|&b| cp1252_char(b)));
            }
        } else {
            let bytes = word
                .get(off..off.saturating_add(count * 2))
                .ok_or_else(|| damaged("a piece lies outside the WordDocument stream"))?;
            out.extend(
                char::decode_utf16(
                    bytes
                        .chunks_exact(2)
                        .map(|c| u16::from_le_bytes([c[0], c[1]])),
                )
                .map(|r| r.unwrap_or('\u{FFFD}')),
            );
        }
    }
    Ok((out, tcvn3))
}

/// Windows-1252 bytes 0x80–0x9F; the rest is Latin-1.
fn cp1252_char(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// 8-bit text in a document whose fonts include .VnTime is TCVN3 when its
/// high bytes are TCVN3 letters (Vietnamese cannot be written in cp1252, so a
/// Vietnamese text in an 8-bit piece is in a legacy encoding).
fn looks_tcvn3(bytes: &[u8]) -> bool {
    let high = bytes.iter().filter(|&&b| b >= 0xA1).count();
    let letters = bytes
        .iter()
        .filter(|&&b| b >= 0xA1 && tcvn3_char(b) != cp1252_char(b))
        .count();
    letters > 0 && letters * 10 >= high * 8
}

/// TCVN3 (TCVN 5712:1993, the ".Vn" fonts). PRIVATE STOP-GAP: to be replaced
/// by the shared table in `src/document/encoding.rs` when it is merged.
/// Capital letters with tone marks were written with the ".VnTimeH" font over
/// the small letters' codes, so they come out as small letters here.
fn tcvn3_char(b: u8) -> char {
    const TABLE: &[(u8, char)] = &[
        (0xA1, 'Ă'),
        (0xA2, 'Â'),
        (0xA3, 'Ê'),
        (0xA4, 'Ô'),
        (0xA5, 'Ơ'),
        (0xA6, 'Ư'),
        (0xA7, 'Đ'),
        (0xA8, 'ă'),
        (0xA9, 'â'),
        (0xAA, 'ê'),
        (0xAB, 'ô'),
        (0xAC, 'ơ'),
        (0xAD, 'ư'),
        (0xAE, 'đ'),
        (0xB5, 'à'),
        (0xB6, 'ả'),
        (0xB7, 'ã'),
        (0xB8, 'á'),
        (0xB9, 'ạ'),
        (0xBB, 'ằ'),
        (0xBC, 'ẳ'),
        (0xBD, 'ẵ'),
        (0xBE, 'ắ'),
        (0xC6, 'ặ'),
        (0xC7, 'ầ'),
        (0xC8, 'ẩ'),
        (0xC9, 'ẫ'),
        (0xCA, 'ấ'),
        (0xCB, 'ậ'),
        (0xCC, 'è'),
        (0xCE, 'ẻ'),
        (0xCF, 'ẽ'),
        (0xD0, 'é'),
        (0xD1, 'ẹ'),
        (0xD2, 'ề'),
        (0xD3, 'ể'),
        (0xD4, 'ễ'),
        (0xD5, 'ế'),
        (0xD6, 'ệ'),
        (0xD7, 'ì'),
        (0xD8, 'ỉ'),
        (0xDC, 'ĩ'),
        (0xDD, 'í'),
        (0xDE, 'ị'),
        (0xDF, 'ò'),
        (0xE1, 'ỏ'),
        (0xE2, 'õ'),
        (0xE3, 'ó'),
        (0xE4, 'ọ'),
        (0xE5, 'ồ'),
        (0xE6, 'ổ'),
        (0xE7, 'ỗ'),
        (0xE8, 'ố'),
        (0xE9, 'ộ'),
        (0xEA, 'ờ'),
        (0xEB, 'ở'),
        (0xEC, 'ỡ'),
        (0xED, 'ớ'),
        (0xEE, 'ợ'),
        (0xEF, 'ù'),
        (0xF1, 'ủ'),
        (0xF2, 'ũ'),
        (0xF3, 'ú'),
        (0xF4, 'ụ'),
        (0xF5, 'ừ'),
        (0xF6, 'ử'),
        (0xF7, 'ữ'),
        (0xF8, 'ứ'),
        (0xF9, 'ự'),
        (0xFA, 'ỳ'),
        (0xFB, 'ỷ'),
        (0xFC, 'ỹ'),
        (0xFD, 'ý'),
        (0xFE, 'ỵ'),
    ];
    if b < 0xA1 {
        return cp1252_char(b);
    }
    TABLE
        .iter()
        .find(|(code, _)| *code == b)
        .map_or_else(|| cp1252_char(b), |&(_, c)| c)
}

/// A paragraph of the main text; `row` when it is a table row whose cells
/// were joined.
#[derive(Debug, PartialEq, Eq)]
struct Para {
    text: String,
    row: bool,
}

/// Splits the characters into paragraphs, keeping field results and dropping
/// field codes and special characters; table cells are joined into rows.
fn paragraphs(chars: &[char]) -> Vec<Para> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut cells: Vec<String> = Vec::new();
    // For each open field: true once its result has started.
    let mut fields: Vec<bool> = Vec::new();
    let mut deep = 0usize; // fields opened past MAX_FIELD_DEPTH
    let mut last_was_cell_end = false;
    for &c in chars {
        match c {
            '\u{13}' => {
                if fields.len() < MAX_FIELD_DEPTH {
                    fields.push(false);
                } else {
                    deep += 1;
                }
                continue;
            }
            '\u{14}' => {
                if deep == 0
                    && let Some(top) = fields.last_mut()
                {
                    *top = true;
                }
                continue;
            }
            '\u{15}' => {
                if deep > 0 {
                    deep -= 1;
                } else {
                    fields.pop();
                }
                continue;
            }
            _ => {}
        }
        if fields.iter().any(|in_result| !in_result) {
            continue; // a field code
        }
        match c {
            '\r' | '\u{0C}' => {
                if !cells.is_empty() || last_was_cell_end {
                    // A paragraph inside a cell.
                    current.push(' ');
                } else {
                    out.push(Para {
                        text: std::mem::take(&mut current),
                        row: false,
                    });
                }
                last_was_cell_end = false;
                continue;
            }
            '\u{07}' => {
                if last_was_cell_end && current.trim().is_empty() {
                    // The row's own end mark.
                    let row = cells
                        .drain(..)
                        .map(|c| crate::text::collapse_spaces(&c))
                        .filter(|c| !c.is_empty() && !is_decoration(c))
                        .collect::<Vec<_>>()
                        .join(" | ");
                    current.clear();
                    out.push(Para {
                        text: row,
                        row: true,
                    });
                    last_was_cell_end = false;
                } else {
                    cells.push(std::mem::take(&mut current));
                    last_was_cell_end = true;
                }
                continue;
            }
            '\u{0B}' => current.push('\n'),
            '\t' | '\u{A0}' => current.push(' '),
            '\u{1E}' => current.push('-'),
            '\u{1F}' | '\u{FEFF}' => {}
            c if c < ' ' => {}
            // Symbol-font glyphs (Wingdings bullets…) live in the private-use area.
            '\u{E000}'..='\u{F8FF}' | '\u{FFFD}' => {}
            c => current.push(c),
        }
        if c != ' ' && !c.is_whitespace() {
            last_was_cell_end = false;
        }
    }
    if !cells.is_empty() {
        cells.push(current);
        current = cells.join(" | ");
    }
    out.push(Para {
        text: current,
        row: false,
    });
    out
}

/// Paragraphs to blocks: manual line breaks split a paragraph where a new
/// line starts a heading or follows a finished sentence; headings are
/// guessed as the plain-text parser guesses them.
fn to_blocks(paragraphs: Vec<Para>) -> Vec<OutBlock> {
    let mut blocks = Vec::new();
    for para in paragraphs {
        if para.row {
            if !para.text.is_empty() {
                blocks.push(OutBlock::Paragraph(para.text));
            }
            continue;
        }
        let mut pieces: Vec<String> = Vec::new();
        for line in para.text.split('\n') {
            let line = crate::text::collapse_spaces(line);
            if line.is_empty() || is_decoration(&line) {
                continue;
            }
            let joins = pieces.last().is_some_and(|prev: &String| {
                !prev.ends_with(['.', '!', '?', ':', ';'])
                    && plain_heading_level(prev).is_none()
                    && plain_heading_level(&line).is_none()
            });
            match pieces.last_mut() {
                Some(prev) if joins => {
                    prev.push(' ');
                    prev.push_str(&line);
                }
                _ => pieces.push(line),
            }
        }
        for text in pieces {
            blocks.push(match plain_heading_level(&text) {
                Some(level) => OutBlock::Heading(level, text),
                None => OutBlock::Paragraph(text),
            });
        }
    }
    // The first heading, or a short first line that ends no sentence
    // ("Phụ lục V"), is the title, as in a plain text.
    if let Some(first) = blocks.first_mut() {
        match first {
            OutBlock::Heading(level, _) => *level = 1,
            OutBlock::Paragraph(text)
                if text.chars().count() <= 120
                    && !text.ends_with(['.', ':', ';', ',', '!', '?']) =>
            {
                *first = OutBlock::Heading(1, std::mem::take(text));
            }
            OutBlock::Paragraph(_) => {}
        }
    }
    blocks
}

/// Makes minimal `.doc` files for tests.
#[doc(hidden)]
pub mod sample {
    use std::io::Cursor;

    /// Builds a minimal Word 97 `.doc` in memory: a FIB, the text in the
    /// given pieces (8-bit when `compressed`), and a CLX in `1Table`. Extra
    /// bytes for the table stream (a font table, say) may be appended.
    pub fn make_doc(pieces: &[(&[u8], bool)], table_extra: &[u8]) -> Vec<u8> {
        let csw = 14usize;
        let cslw = 22usize;
        let cb_fc_lcb = 93usize;
        let fib_len = 34 + csw * 2 + 2 + cslw * 4 + 2 + cb_fc_lcb * 8 + 2;
        let mut word = vec![0u8; fib_len];
        word[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
        word[2..4].copy_from_slice(&0x00C1u16.to_le_bytes());
        word[0x0A..0x0C].copy_from_slice(&0x0200u16.to_le_bytes()); // 1Table
        word[32..34].copy_from_slice(&(csw as u16).to_le_bytes());
        let lw_count_at = 34 + csw * 2;
        word[lw_count_at..lw_count_at + 2].copy_from_slice(&(cslw as u16).to_le_bytes());
        let lw_at = lw_count_at + 2;
        let fc_count_at = lw_at + cslw * 4;
        word[fc_count_at..fc_count_at + 2].copy_from_slice(&(cb_fc_lcb as u16).to_le_bytes());
        // Text of the pieces, one after another.
        let mut cps = vec![0u32];
        let mut pcds = Vec::new();
        for (bytes, compressed) in pieces {
            let offset = word.len() as u32;
            word.extend_from_slice(bytes);
            let chars = if *compressed {
                bytes.len()
            } else {
                bytes.len() / 2
            } as u32;
            cps.push(cps.last().unwrap() + chars);
            let fc = if *compressed {
                (offset * 2) | 0x4000_0000
            } else {
                offset
            };
            let mut pcd = vec![0u8; 8];
            pcd[2..6].copy_from_slice(&fc.to_le_bytes());
            pcds.extend(pcd);
        }
        let ccp_text = *cps.last().unwrap();
        word[lw_at + 12..lw_at + 16].copy_from_slice(&ccp_text.to_le_bytes());
        let mut table = table_extra.to_vec();
        let fc_clx = table.len() as u32;
        let mut plc = Vec::new();
        for cp in &cps {
            plc.extend(cp.to_le_bytes());
        }
        plc.extend(pcds);
        table.push(0x02);
        table.extend((plc.len() as u32).to_le_bytes());
        table.extend(plc);
        let lcb_clx = table.len() as u32 - fc_clx;
        let clx_at = fc_count_at + 2 + 33 * 8;
        word[clx_at..clx_at + 4].copy_from_slice(&fc_clx.to_le_bytes());
        word[clx_at + 4..clx_at + 8].copy_from_slice(&lcb_clx.to_le_bytes());

        let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        std::io::Write::write_all(&mut cf.create_stream("/WordDocument").unwrap(), &word).unwrap();
        std::io::Write::write_all(&mut cf.create_stream("/1Table").unwrap(), &table).unwrap();
        cf.flush().unwrap();
        cf.into_inner().into_inner()
    }

    pub fn utf16(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::sample::{make_doc, utf16};
    use super::*;

    #[test]
    fn reads_unicode_and_8bit_pieces_in_order_with_headings() {
        let doc = make_doc(
            &[
                (&utf16("Phụ lục V\rLẬP HỒ SƠ\rĐoạn một có dấu.\r"), false),
                (b"Plain \x93quoted\x94 text.\r", true),
            ],
            &[],
        );
        let (md, notices) = read(&doc).unwrap();
        assert_eq!(
            md,
            "# Phụ lục V\n\n## LẬP HỒ SƠ\n\nĐoạn một có dấu.\n\nPlain “quoted” text.\n\n"
        );
        assert!(notices.is_empty());
    }

    #[test]
    fn fields_keep_their_result_and_drop_their_code() {
        let text = "Xem \u{13}HYPERLINK \"http://x\"\u{14}trang chủ\u{15} và \u{13}PAGE\u{15}trang \u{13}IF \u{13}A\u{14}1\u{15}\u{14}kết quả\u{15}.\r";
        let doc = make_doc(&[(&utf16(text), false)], &[]);
        let (md, _) = read(&doc).unwrap();
        assert_eq!(md, "Xem trang chủ và trang kết quả.\n\n");
    }

    #[test]
    fn table_cells_become_separated_rows() {
        let text = "Bảng:\rSTT\u{7}Tên\u{7}\u{7}1\u{7}Nghị quyết\rcá biệt\u{7}\u{7}Sau bảng.\r";
        let doc = make_doc(&[(&utf16(text), false)], &[]);
        let (md, notices) = read(&doc).unwrap();
        assert_eq!(
            md,
            "Bảng:\n\nSTT | Tên\n\n1 | Nghị quyết cá biệt\n\nSau bảng.\n\n"
        );
        assert_eq!(notices, [Notice::TablesFlattened { rows: 2 }]);
    }

    #[test]
    fn special_characters_are_dropped_and_line_breaks_join_sentences() {
        let text = "Một\u{1}\u{8} câu\u{B}bị ngắt\u{A0}dòng\u{1F}.\u{B}Câu sau\u{F0B7}.\r";
        let doc = make_doc(&[(&utf16(text), false)], &[]);
        let (md, _) = read(&doc).unwrap();
        assert_eq!(md, "Một câu bị ngắt dòng.\n\nCâu sau.\n\n");
    }

    #[test]
    fn tcvn3_bytes_in_8bit_pieces_are_decoded_when_vn_fonts_are_listed() {
        // "Nghị quyết về học tập" in TCVN3.
        let tcvn3: &[u8] = b"Ngh\xde quy\xd5t v\xd2 h\xe4c t\xcbp.\r";
        let fonts = utf16(".VnTime");
        let (md, notices) = read(&make_doc(&[(tcvn3, true)], &fonts)).unwrap();
        assert_eq!(md, "Nghị quyết về học tập.\n\n");
        assert_eq!(notices, [Notice::Tcvn3Decoded]);
        // Without .Vn fonts the same bytes are cp1252.
        let (md, notices) = read(&make_doc(&[(tcvn3, true)], &[])).unwrap();
        assert_eq!(md, "NghÞ quyÕt vÒ häc tËp.\n\n");
        assert!(notices.is_empty());
    }

    #[test]
    fn refuses_what_is_not_a_word_97_file() {
        assert!(matches!(read(b"hello"), Err(ReadError::Damaged { .. })));
        assert!(matches!(
            read(b"PK\x03\x04rest"),
            Err(ReadError::Damaged { .. })
        ));
        assert!(matches!(
            read(b"{\\rtf1 x}"),
            Err(ReadError::SaveAsDocx { .. })
        ));
        let mut doc = make_doc(&[(&utf16("Chữ.\r"), false)], &[]);
        // Make it Word 95: find the FIB's nFib in the file and lower it.
        let at = doc
            .windows(4)
            .position(|w| w == [0xEC, 0xA5, 0xC1, 0x00])
            .unwrap();
        doc[at + 2] = 0x65;
        assert!(matches!(read(&doc), Err(ReadError::SaveAsDocx { .. })));
        doc[at + 2] = 0xC1;
        doc[at + 0x0A] = 0x00;
        doc[at + 0x0B] = 0x03; // encrypted
        assert_eq!(read(&doc), Err(ReadError::Encrypted { format: ".doc" }));
    }

    #[test]
    fn tcvn3_table_is_one_to_one() {
        let mut seen = std::collections::HashSet::new();
        for b in 0xA1..=0xFEu8 {
            let c = tcvn3_char(b);
            if c != cp1252_char(b) {
                assert!(seen.insert(c), "{b:#x} maps to {c} twice");
            }
        }
        // 14 letters and 60 toned vowels; 0xFD "ý" is the same in Latin-1.
        assert_eq!(seen.len(), 14 + 60 - 1);
        assert_eq!(tcvn3_char(0xFD), 'ý');
    }
}
