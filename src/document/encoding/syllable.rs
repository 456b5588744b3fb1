//! How Vietnamese a text looks: the share of its words that are well-formed
//! Vietnamese syllables.
//!
//! A syllable is an onset consonant (possibly none), a vowel nucleus (one to
//! three vowels, glides included), an optional final consonant, and at most
//! one tone mark, sitting on the vowel that carries it. Text decoded with the
//! wrong table breaks these rules in almost every word that has a diacritic
//! ("quyÕt", "Vieät", "nghiò"), which is what encoding detection measures.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{compose, decompose_canonical};

/// The five marked tones; "level" (ngang) is no mark at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Tone {
    Level,
    Acute,
    Grave,
    Hook,
    Tilde,
    Dot,
}

impl Tone {
    pub(crate) const ALL: [Tone; 6] = [
        Tone::Level,
        Tone::Acute,
        Tone::Grave,
        Tone::Hook,
        Tone::Tilde,
        Tone::Dot,
    ];

    /// The combining mark that writes this tone.
    pub(crate) fn mark(self) -> Option<char> {
        match self {
            Tone::Level => None,
            Tone::Acute => Some('\u{301}'),
            Tone::Grave => Some('\u{300}'),
            Tone::Hook => Some('\u{309}'),
            Tone::Tilde => Some('\u{303}'),
            Tone::Dot => Some('\u{323}'),
        }
    }

    pub(crate) fn from_mark(c: char) -> Option<Tone> {
        Some(match c {
            '\u{301}' => Tone::Acute,
            '\u{300}' => Tone::Grave,
            '\u{309}' => Tone::Hook,
            '\u{303}' => Tone::Tilde,
            '\u{323}' => Tone::Dot,
            _ => return None,
        })
    }

    /// Position in [`Tone::ALL`], for tables indexed by tone.
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// Splits a precomposed letter into the letter without its tone (keeping
/// the circumflex, breve or horn) and the tone: 'ế' → ('ê', Acute),
/// 'Ư' → ('Ư', Level). Letters with a mark Vietnamese does not use (ç, ñ, ä…)
/// give `None`; so does a base letter followed by two tones.
pub(crate) fn split_tone(c: char) -> Option<(char, Tone)> {
    if c.is_ascii() {
        return Some((c, Tone::Level));
    }
    let mut base: Option<char> = None;
    let mut tone = Tone::Level;
    let mut ok = true;
    decompose_canonical(c, |part| {
        if !ok {
            return;
        }
        match (base, Tone::from_mark(part)) {
            (None, _) => base = Some(part),
            (Some(_), Some(t)) if tone == Tone::Level => tone = t,
            (Some(b), None) => match compose(b, part) {
                Some(shaped) => base = Some(shaped),
                None => ok = false,
            },
            (Some(_), Some(_)) => ok = false,
        }
    });
    let base = base?;
    (ok && is_vietnamese_letter(base)).then_some((base, tone))
}

/// Puts a tone on a toneless letter: ('ê', Acute) → 'ế'.
pub(crate) fn with_tone(base: char, tone: Tone) -> Option<char> {
    let Some(mark) = tone.mark() else {
        return Some(base);
    };
    // "ậ" is "ạ" + circumflex canonically, so 'â' and the dot do not compose
    // directly: recompose the whole letter.
    let mut composed = [base, mark].into_iter().nfc();
    let c = composed.next()?;
    composed.next().is_none().then_some(c)
}

fn is_vietnamese_letter(c: char) -> bool {
    let lower = to_lower(c);
    matches!(lower, 'a'..='z' | 'ă' | 'â' | 'đ' | 'ê' | 'ô' | 'ơ' | 'ư')
}

fn to_lower(c: char) -> char {
    // Every Vietnamese letter lowers to exactly one character.
    c.to_lowercase().next().unwrap_or(c)
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Coda {
    /// The nucleus ends in a glide ("ai", "ươu"): nothing may follow.
    Forbidden,
    Optional,
    /// "ă", "â", "iê", "uô"… never end a syllable.
    Required,
}

/// A vowel nucleus: its letters, whether a final consonant may follow, and
/// which of its vowels may carry the tone, as a bit set, in an open syllable
/// and in a closed one (old and new spelling differ for "oa", "oe", "uy":
/// "hóa" and "hoá" are both right).
struct Nucleus {
    vowels: &'static str,
    coda: Coda,
    open: u8,
    closed: u8,
}

const fn n(vowels: &'static str, coda: Coda, open: u8, closed: u8) -> Nucleus {
    Nucleus {
        vowels,
        coda,
        open,
        closed,
    }
}

use Coda::{Forbidden as F, Optional as O, Required as R};

/// Every vowel nucleus of Vietnamese, after the onset has been taken off
/// (so "qu" + "a", "gi" + "ưa").
const NUCLEI: &[Nucleus] = &[
    n("a", O, 0b1, 0b1),
    n("ă", R, 0b1, 0b1),
    n("â", R, 0b1, 0b1),
    n("e", O, 0b1, 0b1),
    n("ê", O, 0b1, 0b1),
    n("i", O, 0b1, 0b1),
    n("o", O, 0b1, 0b1),
    n("ô", O, 0b1, 0b1),
    n("ơ", O, 0b1, 0b1),
    n("u", O, 0b1, 0b1),
    n("ư", O, 0b1, 0b1),
    n("y", O, 0b1, 0b1),
    // Falling diphthongs ending in a glide: the tone is on the first vowel.
    n("ai", F, 0b01, 0),
    n("ao", F, 0b01, 0),
    n("au", F, 0b01, 0),
    n("ay", F, 0b01, 0),
    n("âu", F, 0b01, 0),
    n("ây", F, 0b01, 0),
    n("eo", F, 0b01, 0),
    n("êu", F, 0b01, 0),
    n("iu", F, 0b01, 0),
    n("oi", F, 0b01, 0),
    n("ôi", F, 0b01, 0),
    n("ơi", F, 0b01, 0),
    n("ui", F, 0b01, 0),
    n("ưi", F, 0b01, 0),
    n("ưu", F, 0b01, 0),
    n("ia", F, 0b01, 0),
    n("ua", F, 0b01, 0),
    n("ưa", F, 0b01, 0),
    // Centring diphthongs before a final consonant: the tone is on the second.
    n("iê", R, 0, 0b10),
    n("yê", R, 0, 0b10),
    n("uô", R, 0, 0b10),
    n("ươ", R, 0, 0b10),
    // Rising diphthongs (a glide first).
    n("oa", O, 0b11, 0b10),
    n("oă", R, 0, 0b10),
    n("oe", O, 0b11, 0b10),
    n("oo", R, 0, 0b10),
    n("uâ", R, 0, 0b10),
    n("uê", O, 0b10, 0b10),
    n("uơ", F, 0b10, 0),
    n("uy", O, 0b11, 0b10),
    // Triphthongs: the tone is on the middle vowel.
    n("oai", F, 0b010, 0),
    n("oay", F, 0b010, 0),
    n("oao", F, 0b010, 0),
    n("oeo", F, 0b010, 0),
    n("uây", F, 0b010, 0),
    n("uôi", F, 0b010, 0),
    n("ươi", F, 0b010, 0),
    n("ươu", F, 0b010, 0),
    n("iêu", F, 0b010, 0),
    n("yêu", F, 0b010, 0),
    n("uya", F, 0b010, 0),
    n("uyu", F, 0b010, 0),
    n("uyê", R, 0, 0b100),
];

const ONSETS: &[&str] = &[
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

const CODAS: &[&str] = &["ng", "nh", "ch", "c", "m", "n", "p", "t", ""];

/// At most this many letters: "nghiêng" has seven.
const MAX_LETTERS: usize = 8;

/// Whether `word` (NFC, any case, no punctuation) is one Vietnamese syllable.
pub(crate) fn is_syllable(word: &str) -> bool {
    let mut letters = ['\0'; MAX_LETTERS];
    let mut count = 0;
    let mut tone = Tone::Level;
    let mut tone_at = 0;
    for c in word.chars() {
        if count == MAX_LETTERS {
            return false;
        }
        let Some((base, t)) = split_tone(c) else {
            return false;
        };
        if t != Tone::Level {
            if tone != Tone::Level {
                return false;
            }
            tone = t;
            tone_at = count;
        }
        letters[count] = to_lower(base);
        count += 1;
    }
    let letters = &letters[..count];
    // Try every onset that fits (the longest first), since "gi" and "qu" may
    // or may not leave a vowel behind: "gìn" is g + ìn, "gian" is gi + an.
    ONSETS
        .iter()
        .filter(|onset| starts_with(letters, onset))
        .any(|onset| {
            let onset_len = onset.chars().count();
            rest_is_valid(onset, &letters[onset_len..], tone, tone_at, onset_len)
        })
}

fn starts_with(letters: &[char], prefix: &str) -> bool {
    let mut rest = letters.iter();
    prefix.chars().all(|p| rest.next() == Some(&p))
}

fn ends_with(letters: &[char], suffix: &str) -> bool {
    let n = suffix.chars().count();
    n <= letters.len() && starts_with(&letters[letters.len() - n..], suffix)
}

fn rest_is_valid(onset: &str, rest: &[char], tone: Tone, tone_at: usize, onset_len: usize) -> bool {
    let Some(first) = rest.first() else {
        return false;
    };
    // k, gh and ngh stand only before front vowels; c, g and ng never do.
    let front = matches!(first, 'e' | 'ê' | 'i' | 'y');
    match onset {
        "k" | "gh" | "ngh" if !front => return false,
        "c" | "ng" if front => return false,
        _ => {}
    }
    CODAS
        .iter()
        .filter(|coda| ends_with(rest, coda))
        .any(|coda| {
            let coda_len = coda.chars().count();
            let nucleus = &rest[..rest.len() - coda_len];
            if nucleus.is_empty() || !nucleus.iter().all(|&c| is_vowel(c)) {
                return false;
            }
            let Some(entry) = NUCLEI
                .iter()
                .find(|e| e.vowels.chars().eq(nucleus.iter().copied()))
            else {
                return false;
            };
            let closed = !coda.is_empty();
            match (entry.coda, closed) {
                (Coda::Forbidden, true) | (Coda::Required, false) => return false,
                _ => {}
            }
            // A stop (c, ch, p, t) takes only the rising or the heavy tone.
            if matches!(*coda, "c" | "ch" | "p" | "t") && !matches!(tone, Tone::Acute | Tone::Dot) {
                return false;
            }
            // "ch" and "nh" follow only a, ê, i, y.
            let last = nucleus[nucleus.len() - 1];
            if matches!(*coda, "ch" | "nh") && !matches!(last, 'a' | 'ê' | 'i' | 'y') {
                return false;
            }
            if tone == Tone::Level {
                return true;
            }
            let Some(at) = tone_at.checked_sub(onset_len) else {
                return false;
            };
            let allowed = if closed { entry.closed } else { entry.open };
            at < nucleus.len() && allowed & (1 << at) != 0
        })
}

/// How well a text reads as Vietnamese.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Score {
    /// Words counted (tokens with a letter and no digit).
    pub words: usize,
    /// Of these, the well-formed syllables.
    pub syllables: usize,
    /// Control characters, replacement characters and stray combining marks:
    /// signs of a wrong decoding, counted as bad words.
    pub junk: usize,
}

impl Score {
    /// The share of good words, from 0 to 1 (0 for a text without words).
    pub fn ratio(&self) -> f64 {
        let total = self.words + self.junk;
        if total == 0 {
            0.0
        } else {
            self.syllables as f64 / total as f64
        }
    }
}

/// Splits words at white space and punctuation — only ASCII and general
/// punctuation, so that the Latin-1 symbols a legacy font uses for letters
/// ("b»ng", "quyÕt") stay inside the word they spoil.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c.is_ascii_punctuation() || ('\u{2000}'..='\u{206F}').contains(&c)
}

fn is_junk(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        || c == '\u{FFFD}'
        || ('\u{300}'..='\u{36F}').contains(&c)
        || ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// Scores NFC text word by word; linear in its length.
pub(crate) fn score(text: &str) -> Score {
    let mut s = Score::default();
    for token in text.split(is_separator) {
        s.junk += token.chars().filter(|&c| is_junk(c)).count();
        if token.is_empty()
            || token.chars().any(|c| c.is_ascii_digit())
            || !token.chars().any(char::is_alphabetic)
        {
            continue;
        }
        s.words += 1;
        if is_syllable(token) {
            s.syllables += 1;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_well_formed_syllables_in_any_case() {
        for w in [
            "nghị",
            "quyết",
            "Đảng",
            "người",
            "nghiêng",
            "khuỷu",
            "giữa",
            "gìn",
            "quốc",
            "hòa",
            "hoà",
            "thuý",
            "thúy",
            "uyên",
            "chuyện",
            "VIỆT",
            "Nam",
            "yêu",
            "oanh",
            "hoạch",
            "khuya",
            "a",
            "ở",
            "ý",
            "gi",
            "qua",
            "tuần",
            "xoong",
            "thuở",
            "được",
            "trường",
        ] {
            assert!(is_syllable(w), "{w} should be a syllable");
        }
    }

    #[test]
    fn refuses_what_a_wrong_table_makes() {
        for w in [
            "quyÕt",
            "Vieät",
            "Ñaûng",
            "nghiò",
            "b»ng",
            "quyêt", // stop without a rising tone
            "càc",
            "tóan", // old-style tone in a closed syllable
            "aí",   // tone on the glide
            "ngiệ",
            "kan",
            "ghá",
            "cem",
            "ăn̉",
            "viêt",
            "trươǹg",
            "xyz",
            "qa",
            "nghiêngg",
            "ôch",
        ] {
            assert!(!is_syllable(w), "{w} should not be a syllable");
        }
    }

    #[test]
    fn splits_and_joins_tones() {
        assert_eq!(split_tone('ế'), Some(('ê', Tone::Acute)));
        assert_eq!(split_tone('Ự'), Some(('Ư', Tone::Dot)));
        assert_eq!(split_tone('đ'), Some(('đ', Tone::Level)));
        assert_eq!(split_tone('ç'), None);
        assert_eq!(split_tone('ä'), None);
        assert_eq!(with_tone('ơ', Tone::Grave), Some('ờ'));
        assert_eq!(with_tone('Ă', Tone::Tilde), Some('Ẵ'));
    }

    #[test]
    fn scores_the_share_of_good_words() {
        let good = score("Chúng tôi học tập nghị quyết của Đảng, năm 2025.");
        assert_eq!((good.words, good.syllables, good.junk), (9, 9, 0));
        assert_eq!(good.ratio(), 1.0);
        let bad = score("Chóng t«i häc tËp nghÞ quyÕt");
        assert!(bad.ratio() < 0.5, "{bad:?}");
        assert_eq!(score("12 / 34").ratio(), 0.0);
        assert_eq!(score("a\u{1}b").junk, 1);
    }
}
