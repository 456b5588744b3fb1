//! The two byte encodings of Vietnamese that came before Unicode and are
//! still found on office PCs: TCVN3 (the "ABC" set of the `.VnTime` fonts)
//! and VNI-Windows (the `VNI-Times` fonts). Both are fonts rather than
//! character sets: Windows thinks their bytes are Windows-1252 letters, which
//! is why text copied out of such a document reads "NghÞ quyÕt" or
//! "Nghò quyeát". Each has a decoder, from bytes and from such mojibake, and
//! an encoder (for tests and fixtures).
//!
//! Tables checked against glibc's `TCVN5712-1` converter and the tables of
//! two public converters (see the tests).

use std::sync::OnceLock;

use super::syllable::{Tone, split_tone, with_tone};

/// TCVN3 bytes 0xA0–0xFF (TCVN 5712:1993). The lower-case letters with tones,
/// the seven toneless capitals Ă Â Ê Ô Ơ Ư Đ, and the five tone marks
/// (0xB0–0xB4) that follow a capital in text set in `.VnTime`. The capitals
/// with tones at 0xAF, 0xBA, 0xBF–0xC5… are the full standard's (VN1); the
/// common VN3 fonts leave those places empty, so reading them costs nothing.
const TCVN3_HIGH: [char; 96] = [
    '\u{A0}', 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Ằ', //
    '\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}', 'à', 'ả', 'ã', 'á', 'ạ', 'Ẳ', 'ằ', 'ẳ',
    'ẵ', 'ắ', 'Ẵ', //
    'Ắ', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ề', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 'Ể', 'ẻ', 'ẽ', //
    'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', 'Ễ', 'Ế', 'Ồ', 'ĩ', 'í', 'ị', 'ò', //
    'Ổ', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù', //
    'Ỗ', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', 'Ố', //
];

/// Capitals with tones that TCVN 5712 puts in the control range, where no
/// text file has a real control character.
const TCVN3_CONTROLS: [(u8, char); 12] = [
    (0x01, 'Ú'),
    (0x02, 'Ụ'),
    (0x04, 'Ừ'),
    (0x05, 'Ử'),
    (0x06, 'Ữ'),
    (0x11, 'Ứ'),
    (0x12, 'Ự'),
    (0x13, 'Ỳ'),
    (0x14, 'Ỷ'),
    (0x15, 'Ỹ'),
    (0x16, 'Ý'),
    (0x17, 'Ỵ'),
];

/// The places Windows-1252 leaves empty in 0x80–0x9F, filled as the full
/// TCVN standard fills them. The rest of that range is Windows-1252's own
/// (curly quotes, dashes…), which is what Word writes around `.VnTime` text.
const TCVN3_CP1252_HOLES: [(u8, char); 5] = [
    (0x81, 'Ả'),
    (0x8D, 'Ì'),
    (0x8F, 'Ĩ'),
    (0x90, 'Í'),
    (0x9D, 'Ù'),
];

/// The character Windows-1252 shows for a byte (its five unassigned bytes
/// read as the C1 control of the same number, as browsers do).
pub(crate) fn cp1252_char(b: u8) -> char {
    static TABLE: OnceLock<[char; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let bytes: Vec<u8> = (0..=255).collect();
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
        let mut table = ['\0'; 256];
        for (slot, c) in table.iter_mut().zip(text.chars()) {
            *slot = c;
        }
        table
    })[b as usize]
}

/// The byte Windows-1252 writes for a character, if it has one; the inverse
/// of [`cp1252_char`].
pub(crate) fn cp1252_byte(c: char) -> Option<u8> {
    match c as u32 {
        0..=0x7F | 0xA0..=0xFF => Some(c as u8),
        0x80..=0x9F => {
            // Only the five unassigned bytes decode to C1 controls.
            let b = c as u8;
            (cp1252_char(b) == c).then_some(b)
        }
        _ => (0x80..=0x9F).find(|&b| cp1252_char(b) == c),
    }
}

fn tcvn3_table() -> &'static [char; 256] {
    static TABLE: OnceLock<[char; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = ['\0'; 256];
        for (b, slot) in table.iter_mut().enumerate() {
            *slot = cp1252_char(b as u8);
        }
        for (b, c) in TCVN3_CONTROLS.iter().chain(&TCVN3_CP1252_HOLES) {
            table[*b as usize] = *c;
        }
        table[0xA0..].copy_from_slice(&TCVN3_HIGH);
        table
    })
}

/// The character a TCVN3 byte stands for (a tone mark for 0xB0–0xB4).
pub(crate) fn tcvn3_char(b: u8) -> char {
    tcvn3_table()[b as usize]
}

/// Decodes TCVN3 bytes. The result may hold a base letter followed by a
/// combining tone mark; NFC composes them.
pub fn decode_tcvn3(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| tcvn3_char(b)).collect()
}

/// Reads text whose letters are TCVN3 bytes shown as Windows-1252 ("NghÞ
/// quyÕt"). Characters Windows-1252 cannot have produced are kept as they are.
pub fn demojibake_tcvn3(text: &str) -> String {
    text.chars()
        .map(|c| cp1252_byte(c).map_or(c, tcvn3_char))
        .collect()
}

/// Encodes text (NFC) in TCVN3: one byte for every letter the table has,
/// a capital and a tone-mark byte for a capital with a tone it lacks ("Ấ" →
/// 'Â' + acute), '?' for what it cannot write.
pub fn encode_tcvn3(text: &str) -> Vec<u8> {
    static REVERSE: OnceLock<std::collections::HashMap<char, u8>> = OnceLock::new();
    let reverse = REVERSE.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        // From the top, so a character in both ranges (none today) takes the
        // Vietnamese place.
        for b in (0..=255u8).rev() {
            map.entry(tcvn3_char(b)).or_insert(b);
        }
        map
    });
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        if let Some(&b) = reverse.get(&c) {
            out.push(b);
            continue;
        }
        let split = split_tone(c).and_then(|(base, tone)| {
            let base = *reverse.get(&base)?;
            let mark = *reverse.get(&tone.mark()?)?;
            Some([base, mark])
        });
        match split {
            Some(pair) => out.extend_from_slice(&pair),
            None => out.push(b'?'),
        }
    }
    out
}

// VNI-Windows writes a base letter and then one byte for its marks. The
// marks come in a lower-case and a capital form (0x20 apart); decoding
// accepts either after a letter of either case.

/// Tone alone, after a, e, o, u, y, ơ, ư (indexed by [`Tone::index`]).
const VNI_TONE: [u8; 6] = [0, 0xF9, 0xF8, 0xFB, 0xF5, 0xEF];
/// Circumflex with each tone, after a, e, o: "aâ" = â, "eá" = ế.
const VNI_CIRCUMFLEX: [u8; 6] = [0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4];
/// Breve with each tone, after a: "aê" = ă, "aë" = ặ.
const VNI_BREVE: [u8; 6] = [0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB];
/// "i" with each tone is one byte of its own: í, ì, ỉ, ĩ, ị.
const VNI_I: [u8; 6] = [b'i', 0xED, 0xEC, 0xE6, 0xF3, 0xF2];
/// Single bytes for other letters: ơ, ư, đ and ỵ.
const VNI_LETTERS: [(u8, char); 4] = [(0xF4, 'ơ'), (0xF6, 'ư'), (0xF1, 'đ'), (0xEE, 'ỵ')];

/// The capital form of a VNI mark or letter byte.
fn vni_upper(b: u8) -> u8 {
    if b >= 0xE0 { b - 0x20 } else { b }
}

/// What a mark byte (either case) does to the letter before it.
#[derive(Clone, Copy)]
enum VniMark {
    Tone(Tone),
    Circumflex(Tone),
    Breve(Tone),
}

fn vni_mark(b: u8) -> Option<VniMark> {
    let lower = if (0xC0..0xE0).contains(&b) {
        b + 0x20
    } else {
        b
    };
    let find = |table: &[u8; 6]| table.iter().position(|&x| x == lower).map(|i| Tone::ALL[i]);
    if lower == 0 {
        return None;
    }
    if let Some(t) = find(&VNI_TONE) {
        return Some(VniMark::Tone(t));
    }
    if let Some(t) = find(&VNI_CIRCUMFLEX) {
        return Some(VniMark::Circumflex(t));
    }
    find(&VNI_BREVE).map(VniMark::Breve)
}

/// A letter VNI writes as one byte (either case), other than the plain ones.
fn vni_letter(b: u8) -> Option<char> {
    let (lower, upper) = if (0xC0..0xE0).contains(&b) {
        (b + 0x20, true)
    } else {
        (b, false)
    };
    let c = VNI_LETTERS
        .iter()
        .find(|(x, _)| *x == lower)
        .map(|(_, c)| *c)
        .or_else(|| {
            let i = VNI_I.iter().skip(1).position(|&x| x == lower)?;
            with_tone('i', Tone::ALL[i + 1])
        })?;
    Some(if upper {
        c.to_uppercase().next().unwrap_or(c)
    } else {
        c
    })
}

/// The letter `mark` makes of `prev`, if it applies to it.
fn apply_vni_mark(prev: char, mark: VniMark) -> Option<char> {
    let (base, tone) = split_tone(prev)?;
    if tone != Tone::Level {
        return None;
    }
    let upper = base.is_uppercase();
    let lower = base.to_lowercase().next()?;
    let made = match mark {
        VniMark::Tone(t) => matches!(
            lower,
            'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
        )
        .then(|| with_tone(lower, t))??,
        VniMark::Circumflex(t) => {
            let shaped = match lower {
                'a' => 'â',
                'e' => 'ê',
                'o' => 'ô',
                _ => return None,
            };
            with_tone(shaped, t)?
        }
        VniMark::Breve(t) if lower == 'a' => with_tone('ă', t)?,
        VniMark::Breve(_) => return None,
    };
    Some(if upper {
        made.to_uppercase().next()?
    } else {
        made
    })
}

/// Decodes VNI text given as the characters Windows-1252 shows for its
/// bytes. Mark bytes that follow no letter they fit are kept as they are.
fn decode_vni_chars(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    // The last character written, if a mark may still change it.
    let mut last: Option<char> = None;
    for c in chars {
        let byte = cp1252_byte(c).filter(|&b| b >= 0xC0);
        if let (Some(b), Some(prev)) = (byte, last)
            && let Some(made) = vni_mark(b).and_then(|m| apply_vni_mark(prev, m))
        {
            out.pop();
            out.push(made);
            last = None;
            continue;
        }
        let c = byte.and_then(vni_letter).unwrap_or(c);
        out.push(c);
        last = Some(c);
    }
    out
}

/// Decodes VNI-Windows bytes.
pub fn decode_vni(bytes: &[u8]) -> String {
    decode_vni_chars(bytes.iter().map(|&b| cp1252_char(b)))
}

/// Reads text whose letters are VNI bytes shown as Windows-1252 ("Vieät Nam").
pub fn demojibake_vni(text: &str) -> String {
    decode_vni_chars(text.chars())
}

/// Encodes text (NFC) in VNI-Windows; '?' for what it cannot write.
pub fn encode_vni(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() * 2);
    for c in text.chars() {
        let Some((base, tone)) = split_tone(c).filter(|_| !c.is_ascii()) else {
            out.push(cp1252_byte(c).unwrap_or(b'?'));
            continue;
        };
        let upper = base.is_uppercase();
        let case = |b: u8| if upper { vni_upper(b) } else { b };
        let letter = |l: char| {
            if upper {
                l.to_ascii_uppercase() as u8
            } else {
                l as u8
            }
        };
        let t = tone.index();
        match base.to_lowercase().next().unwrap_or(base) {
            'đ' => out.push(case(0xF1)),
            'i' => {
                let b = VNI_I[t];
                out.push(if t == 0 { letter('i') } else { case(b) });
            }
            'y' if tone == Tone::Dot => out.push(case(0xEE)),
            'ơ' => out.push(case(0xF4)),
            'ư' => out.push(case(0xF6)),
            l @ ('a' | 'e' | 'o' | 'u' | 'y') => out.push(letter(l)),
            l @ ('â' | 'ê' | 'ô') => {
                let plain = match l {
                    'â' => 'a',
                    'ê' => 'e',
                    _ => 'o',
                };
                out.push(letter(plain));
                out.push(case(VNI_CIRCUMFLEX[t]));
                continue;
            }
            'ă' => {
                out.push(letter('a'));
                out.push(case(VNI_BREVE[t]));
                continue;
            }
            _ => {
                out.push(cp1252_byte(c).unwrap_or(b'?'));
                continue;
            }
        }
        // The tone, for the letters that take it as a byte of its own.
        let lower = base.to_lowercase().next().unwrap_or(base);
        if tone != Tone::Level
            && !matches!(lower, 'i' | 'đ')
            && !(lower == 'y' && tone == Tone::Dot)
        {
            out.push(case(VNI_TONE[t]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every letter of the alphabet with every tone it can take, both cases.
    pub(crate) fn all_letters() -> Vec<char> {
        let mut letters = Vec::new();
        for base in "aăâeêioôơuưy".chars() {
            for tone in Tone::ALL {
                let c = with_tone(base, tone).unwrap();
                letters.push(c);
                letters.push(c.to_uppercase().next().unwrap());
            }
        }
        letters.extend("bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX".chars());
        letters
    }

    #[test]
    fn there_are_134_toned_vowels_and_every_one_round_trips_through_tcvn3() {
        let letters = all_letters();
        assert_eq!(letters.len(), 12 * 6 * 2 + 34);
        for c in letters {
            let s = c.to_string();
            let bytes = encode_tcvn3(&s);
            assert!(!bytes.contains(&b'?'), "{c} has no TCVN3 code");
            let back = crate::text::nfc(&decode_tcvn3(&bytes)).into_owned();
            assert_eq!(back, s, "{c} → {bytes:02X?}");
        }
    }

    #[test]
    fn every_letter_round_trips_through_vni() {
        for c in all_letters() {
            let s = c.to_string();
            let bytes = encode_vni(&s);
            assert!(!bytes.contains(&b'?'), "{c} has no VNI code");
            assert_eq!(decode_vni(&bytes), s, "{c} → {bytes:02X?}");
        }
        // And inside words, where a mark must attach to the right letter.
        let text = "Người Việt Nam ĐOÀN KẾT, khuỷu tay, thuở ấy, Ỷ LẠI, quyển sách.";
        assert_eq!(decode_vni(&encode_vni(text)), text);
    }

    #[test]
    fn tcvn3_lower_case_matches_the_published_tables() {
        // The order a, á-less listing of the public converters: each letter
        // of the alphabet in Unicode, then its TCVN3 byte.
        let unicode = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ";
        let bytes: [u8; 74] = [
            0xB5, 0xB8, 0xB6, 0xB7, 0xB9, 0xA8, 0xBB, 0xBE, 0xBC, 0xBD, 0xC6, 0xA9, 0xC7, 0xCA,
            0xC8, 0xC9, 0xCB, 0xAE, 0xCC, 0xD0, 0xCE, 0xCF, 0xD1, 0xAA, 0xD2, 0xD5, 0xD3, 0xD4,
            0xD6, 0xD7, 0xDD, 0xD8, 0xDC, 0xDE, 0xDF, 0xE3, 0xE1, 0xE2, 0xE4, 0xAB, 0xE5, 0xE8,
            0xE6, 0xE7, 0xE9, 0xAC, 0xEA, 0xED, 0xEB, 0xEC, 0xEE, 0xEF, 0xF3, 0xF1, 0xF2, 0xF4,
            0xAD, 0xF5, 0xF8, 0xF6, 0xF7, 0xF9, 0xFA, 0xFD, 0xFB, 0xFC, 0xFE, 0xA1, 0xA2, 0xA7,
            0xA3, 0xA4, 0xA5, 0xA6,
        ];
        assert_eq!(unicode.chars().count(), bytes.len());
        for (c, b) in unicode.chars().zip(bytes) {
            assert_eq!(tcvn3_char(b), c, "byte {b:02X}");
            assert_eq!(encode_tcvn3(&c.to_string()), [b], "{c}");
        }
        assert_eq!(
            crate::text::nfc(&decode_tcvn3(b"Ngh\xde quy\xd5t \xa7\xb6ng")),
            "Nghị quyết Đảng"
        );
    }

    #[test]
    fn vni_matches_the_published_tables() {
        // Pairs as the public converters list them, in Windows-1252.
        for (unicode, vni) in [
            ("Việt Nam", "Vieät Nam"),
            ("Đảng", "Ñaûng"),
            ("đồng chí", "ñoàng chí"),
            ("ỉ ĩ ị Ỉ Ĩ Ị ỵ Ỵ", "æ ó ò Æ Ó Ò î Î"),
            ("ắ ằ ẳ ẵ ặ ă", "aé aè aú aü aë aê"),
            ("ấ ầ ẩ ẫ ậ â", "aá aà aå aã aä aâ"),
            ("ớ ờ ở ỡ ợ ơ", "ôù ôø ôû ôõ ôï ô"),
            ("Ứ Ừ Ử Ữ Ự Ư", "ÖÙ ÖØ ÖÛ ÖÕ ÖÏ Ö"),
            ("NGHỊ QUYẾT", "NGHÒ QUYEÁT"),
        ] {
            let bytes: Vec<u8> = vni.chars().map(|c| cp1252_byte(c).unwrap()).collect();
            assert_eq!(decode_vni(&bytes), unicode);
            assert_eq!(demojibake_vni(vni), unicode);
            assert_eq!(encode_vni(unicode), bytes, "{unicode}");
        }
        // A mark after a letter of the other case still applies.
        assert_eq!(demojibake_vni("VIEät"), "VIỆt");
    }

    #[test]
    fn tcvn3_mojibake_reads_back_and_keeps_what_is_not_windows_1252() {
        assert_eq!(
            crate::text::nfc(&demojibake_tcvn3("NghÞ quyÕt “§¹i héi” — ư")),
            "Nghị quyết “Đại hội” — ư"
        );
    }

    #[test]
    fn windows_1252_bytes_and_characters_are_inverse() {
        for b in 0..=255u8 {
            assert_eq!(cp1252_byte(cp1252_char(b)), Some(b));
        }
        assert_eq!(cp1252_char(0x93), '“');
        assert_eq!(cp1252_byte('ư'), None);
    }
}
