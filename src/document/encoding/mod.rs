//! Turning a file's bytes into text, whatever a Vietnamese PC saved it in:
//! UTF-8 (with or without a byte-order mark), UTF-16 (with a mark, or
//! without one when its zero bytes give it away), Windows-1258, and the
//! legacy font encodings TCVN3 (ABC) and VNI-Windows — plus Unicode text that
//! is really legacy-font mojibake ("NghÞ quyÕt", "Vieät Nam"), the usual
//! result of copying out of an old PDF or Word file.
//!
//! The encoding is not guessed from one character: the text is decoded with
//! each candidate and the one whose words read best as Vietnamese syllables
//! wins (see [`syllable`]). Correct Unicode stays exactly as it is unless a
//! legacy reading is clearly better. Only the first [`SAMPLE_BYTES`] are
//! scored, so detection costs the same for any file size, and decoding is
//! linear.

mod legacy;
mod syllable;

pub use legacy::{
    decode_tcvn3, decode_vni, demojibake_tcvn3, demojibake_vni, encode_tcvn3, encode_vni,
};

/// How much of a file is scored to pick its encoding.
pub const SAMPLE_BYTES: usize = 64 * 1024;

/// A legacy reading must have at least this share of good words to be taken.
const MIN_RATIO: f64 = 0.6;

/// A file that is not Unicode must give at least this many well-formed
/// syllables: one or two words are too little evidence to name an encoding
/// ("Ngh\xEC" is "Nghì" in VNI, or just a damaged file).
const MIN_SYLLABLES: usize = 3;

/// A legacy reading of Unicode text must beat it by this much: a text with a
/// few foreign names must not be "converted".
const MOJIBAKE_MARGIN: f64 = 0.15;

/// A way of reading Unicode text as legacy-font mojibake.
type TextReading = (TextEncoding, fn(&str) -> String);
/// A way of reading bytes.
type ByteReading = (TextEncoding, fn(&[u8]) -> String);

/// The encodings a file may be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1258,
    /// TCVN 5712 (VN3), the `.VnTime` "ABC" fonts.
    Tcvn3,
    /// VNI-Windows, the `VNI-Times` fonts.
    Vni,
}

impl TextEncoding {
    /// The name users know it by (the same in every language).
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16 LE",
            TextEncoding::Utf16Be => "UTF-16 BE",
            TextEncoding::Windows1258 => "Windows-1258",
            TextEncoding::Tcvn3 => "TCVN3 (ABC)",
            TextEncoding::Vni => "VNI-Windows",
        }
    }
}

/// What was done to a file to read it, when it was not plain UTF-8 — to be
/// told to the user, who may want to check the text or save it as UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    /// The file was in this encoding and was converted to Unicode.
    Decoded(TextEncoding),
    /// The file was Unicode (in `container`), but its letters were the
    /// Windows-1252 shapes of a legacy `font`'s bytes; they were read back.
    Mojibake {
        container: TextEncoding,
        font: TextEncoding,
    },
}

/// A file's text, and what was done to get it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text; not yet NFC (Windows-1258 and TCVN3 write tones as
    /// combining marks), which the document model does next.
    pub text: String,
    pub conversion: Option<Conversion>,
}

/// Why bytes could not be read as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes that are not UTF-16: a binary file.
    Binary,
    /// Not UTF-8, and no other encoding gives Vietnamese text. Line and
    /// column (1-based, in characters) of the first byte that is not UTF-8.
    Unrecognised { line: usize, column: usize },
}

/// Decodes a file's bytes; see the module documentation. Linear in the size
/// of `bytes`, and never fails on text in a supported encoding.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return match std::str::from_utf8(rest) {
            Ok(text) => Ok(unicode(text.to_owned(), TextEncoding::Utf8)),
            Err(e) => Err(unrecognised(rest, e.valid_up_to())),
        };
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(utf16(rest, TextEncoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(utf16(rest, TextEncoding::Utf16Be));
    }
    if let Some(encoding) = bare_utf16(bytes) {
        return Ok(utf16(bytes, encoding));
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(unicode(text.to_owned(), TextEncoding::Utf8)),
        Err(e) => legacy_bytes(bytes, e.valid_up_to()),
    }
}

/// The first `SAMPLE_BYTES` of `text`, cut at a character boundary.
fn sample(text: &str) -> &str {
    &text[..text.floor_char_boundary(SAMPLE_BYTES)]
}

fn score(text: &str) -> f64 {
    full_score(text).ratio()
}

fn full_score(text: &str) -> syllable::Score {
    syllable::score(&crate::text::nfc(text))
}

/// Unicode text: kept, unless it reads far better as TCVN3 or VNI mojibake.
fn unicode(text: String, container: TextEncoding) -> Decoded {
    let conversion = (container != TextEncoding::Utf8).then_some(Conversion::Decoded(container));
    let kept = Decoded {
        text: text.clone(),
        conversion,
    };
    let head = sample(&text);
    // Only characters Windows-1252 has above ASCII can be mojibake.
    if !head
        .chars()
        .any(|c| !c.is_ascii() && legacy::cp1252_byte(c).is_some())
    {
        return kept;
    }
    let as_is = score(head);
    let readings: [TextReading; 2] = [
        (TextEncoding::Tcvn3, demojibake_tcvn3),
        (TextEncoding::Vni, demojibake_vni),
    ];
    let best = readings
        .iter()
        .map(|&(font, read)| (font, read, score(&read(head))))
        .max_by(|a, b| a.2.total_cmp(&b.2));
    match best {
        Some((font, read, ratio)) if ratio >= MIN_RATIO && ratio >= as_is + MOJIBAKE_MARGIN => {
            Decoded {
                text: read(&text),
                conversion: Some(Conversion::Mojibake { container, font }),
            }
        }
        _ => kept,
    }
}

/// UTF-16 without a byte-order mark: text whose every other byte is zero
/// (ASCII letters, spaces and digits are most of any Vietnamese text).
fn bare_utf16(bytes: &[u8]) -> Option<TextEncoding> {
    let sample = &bytes[..bytes.len().min(512)];
    if sample.len() < 4 {
        return None;
    }
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = sample.len() / 2;
    let (even, odd) = (zeros_at(0), zeros_at(1));
    // Low byte first (LE): the zeros are the odd bytes.
    if odd * 10 >= half * 6 && odd > even {
        Some(TextEncoding::Utf16Le)
    } else if even * 10 >= half * 6 && even > odd {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

fn utf16(bytes: &[u8], encoding: TextEncoding) -> Decoded {
    let coding = if encoding == TextEncoding::Utf16Be {
        encoding_rs::UTF_16BE
    } else {
        encoding_rs::UTF_16LE
    };
    // Unpaired surrogates become U+FFFD; an odd last byte too.
    let (text, _) = coding.decode_without_bom_handling(bytes);
    unicode(text.into_owned(), encoding)
}

/// Bytes that are not UTF-8: the legacy encoding whose reading is most
/// Vietnamese, if any reads well enough and better than damaged UTF-8.
fn legacy_bytes(bytes: &[u8], valid_up_to: usize) -> Result<Decoded, DecodeError> {
    let head = &bytes[..bytes.len().min(SAMPLE_BYTES)];
    let readings: [ByteReading; 3] = [
        (TextEncoding::Windows1258, decode_windows_1258),
        (TextEncoding::Tcvn3, decode_tcvn3),
        (TextEncoding::Vni, decode_vni),
    ];
    let damaged_utf8 = score(&String::from_utf8_lossy(head));
    let mut best: Option<(ByteReading, syllable::Score)> = None;
    for reading in readings {
        let score = full_score(&reading.1(head));
        if best.is_none_or(|(_, b)| score.ratio() > b.ratio()) {
            best = Some((reading, score));
        }
    }
    match best {
        Some(((encoding, read), score))
            if score.ratio() >= MIN_RATIO
                && score.syllables >= MIN_SYLLABLES
                && score.ratio() > damaged_utf8 =>
        {
            Ok(Decoded {
                text: read(bytes),
                conversion: Some(Conversion::Decoded(encoding)),
            })
        }
        _ => Err(unrecognised(bytes, valid_up_to)),
    }
}

fn unrecognised(bytes: &[u8], valid_up_to: usize) -> DecodeError {
    let good = &bytes[..valid_up_to];
    let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    // Column in characters, counting the valid ones before the bad byte.
    let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
    DecodeError::Unrecognised { line, column }
}

/// Decodes Windows-1258; tones come out as combining marks, for NFC to
/// compose.
pub fn decode_windows_1258(bytes: &[u8]) -> String {
    let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// Encodes text in Windows-1258 as Vietnamese Windows does: a precomposed
/// letter where the code page has one, else the letter and a tone mark;
/// '?' for what it cannot write. For tests and fixtures.
pub fn encode_windows_1258(text: &str) -> Vec<u8> {
    let one = |c: char| -> Option<Vec<u8>> {
        let mut buf = [0u8; 4];
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(c.encode_utf8(&mut buf));
        (!unmappable).then(|| bytes.into_owned())
    };
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        if let Some(bytes) = one(c) {
            out.extend(bytes);
            continue;
        }
        let split = syllable::split_tone(c).and_then(|(base, tone)| {
            let mut bytes = one(base)?;
            bytes.extend(one(tone.mark()?)?);
            Some(bytes)
        });
        match split {
            Some(bytes) => out.extend(bytes),
            None => out.push(b'?'),
        }
    }
    out
}

#[cfg(test)]
mod tests;
