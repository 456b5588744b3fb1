//! Text normalisation: the one door every piece of text passes through.
//!
//! egui draws only precomposed letters, so text in NFD (which many Vietnamese
//! sources and input methods produce) would lose its tone marks on screen.
//! Everything that enters the app — documents, quiz files, typed answers,
//! search queries — goes through [`nfc`] first.
//!
//! Search and grading also need *folded* text: lower case, and for a
//! diacritic-insensitive match, without tone marks and with "đ" read as "d".

use std::borrow::Cow;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Returns `s` in Unicode NFC, borrowing when it already is.
pub fn nfc(s: &str) -> Cow<'_, str> {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => Cow::Borrowed(s),
        _ => Cow::Owned(s.nfc().collect()),
    }
}

/// `s` without a leading byte-order mark, which Windows editors (Notepad's
/// "UTF-8 with BOM", Excel) put at the start of text files.
pub fn strip_bom(s: &str) -> &str {
    s.strip_prefix('\u{feff}').unwrap_or(s)
}

/// `s` safe to print on a terminal: control characters (ESC, NUL, line
/// breaks, DEL, the C1 range) and the bidirectional overrides are shown
/// escaped (`\u{1b}`), so a name in a file a learner handed in cannot move
/// the cursor, recolour the terminal or fake another line.
pub fn printable(s: &str) -> Cow<'_, str> {
    let hidden =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if !s.chars().any(hidden) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` in Vietnamese quotation marks, once: a quote that already has its own
/// (“…”, "…", «…») is not wrapped again (`““…””` looked broken).
pub fn quoted(s: &str) -> String {
    let inner = s
        .trim()
        .trim_matches(|c| matches!(c, '“' | '”' | '"' | '«' | '»' | '„'));
    format!("“{inner}”")
}

/// How much of a letter's identity folding throws away.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fold {
    /// Lower case only: "Quán" → "quán".
    Case,
    /// Lower case, tone and vowel marks removed, "đ" → "d": "Quán Đảng" → "quan dang".
    Marks,
}

/// Characters below this have their folded forms in a table (every
/// Vietnamese letter is below U+1F00).
const TABLE_END: u32 = 0x1F00;
/// In the table: "fold this character the slow way".
const SLOW: char = '\u{FFFF}';
/// In the marks table: "drop this character" (a combining mark).
const DROP: char = '\u{FFFE}';

struct FoldTable {
    case: Vec<char>,
    marks: Vec<char>,
}

/// Folded forms of every character below [`TABLE_END`], made once: folding
/// runs over whole documents, and Unicode's own tables are slow to consult
/// one character at a time.
fn fold_table() -> &'static FoldTable {
    static TABLE: std::sync::OnceLock<FoldTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut case = Vec::with_capacity(TABLE_END as usize);
        let mut marks = Vec::with_capacity(TABLE_END as usize);
        for code in 0..TABLE_END {
            let Some(c) = char::from_u32(code) else {
                case.push(SLOW);
                marks.push(SLOW);
                continue;
            };
            let mut one = String::new();
            slow_fold(c, Fold::Case, &mut one);
            let mut chars = one.chars();
            case.push(match (chars.next(), chars.next()) {
                (Some(l), None) => l,
                _ => SLOW,
            });
            let mut one = String::new();
            slow_fold(c, Fold::Marks, &mut one);
            let mut chars = one.chars();
            marks.push(match (chars.next(), chars.next()) {
                (None, _) => DROP,
                (Some(l), None) => l,
                _ => SLOW,
            });
        }
        FoldTable { case, marks }
    })
}

/// Appends the folded form of `c` to `out`.
pub fn push_folded(c: char, fold: Fold, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if (c as u32) < TABLE_END {
        let table = fold_table();
        let folded = match fold {
            Fold::Case => table.case[c as usize],
            Fold::Marks => table.marks[c as usize],
        };
        match folded {
            SLOW => {}
            DROP => return,
            f => {
                out.push(f);
                return;
            }
        }
    }
    slow_fold(c, fold, out);
}

/// Folding by Unicode's tables, for characters the fast table does not hold.
fn slow_fold(c: char, fold: Fold, out: &mut String) {
    for lower in c.to_lowercase() {
        match fold {
            Fold::Case => out.push(lower),
            Fold::Marks => {
                if lower == 'đ' {
                    out.push('d');
                    continue;
                }
                decompose_canonical(lower, |part| {
                    if !is_combining_mark(part) {
                        out.push(part);
                    }
                });
            }
        }
    }
}

/// Folds a whole string (which should already be NFC).
pub fn fold(s: &str, fold: Fold) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, fold, &mut out);
    }
    out
}

/// Whether `a` and `b` fold to the same text, without building either.
pub fn eq_folded(a: &str, b: &str, fold: Fold) -> bool {
    let single = |c: char| -> Option<char> {
        if c.is_ascii() {
            return Some(c.to_ascii_lowercase());
        }
        if (c as u32) < TABLE_END {
            let table = fold_table();
            let f = match fold {
                Fold::Case => table.case[c as usize],
                Fold::Marks => table.marks[c as usize],
            };
            return (f != SLOW && f != DROP).then_some(f);
        }
        None
    };
    let (mut x, mut y) = (a.chars(), b.chars());
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) => match (single(p), single(q)) {
                (Some(fp), Some(fq)) if fp == fq => {}
                (Some(_), Some(_)) => return false,
                // A character that folds to several (or none): compare the slow way.
                _ => return self::fold(a, fold) == self::fold(b, fold),
            },
            _ => return false,
        }
    }
}

/// True when `s` carries any Vietnamese diacritic (tone mark, vowel mark or đ),
/// i.e. when folding away the marks changes it.
pub fn has_marks(s: &str) -> bool {
    fold(s, Fold::Case) != fold(s, Fold::Marks)
}

/// Collapses runs of white space into one ASCII space and trims the ends.
pub fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Folded text that remembers where each folded byte came from, so a match in
/// the folded text can be highlighted in the original.
#[derive(Clone, Debug, Default)]
pub struct FoldedText {
    pub folded: String,
    /// For each byte of `folded`, the byte offset in the original of the
    /// character it came from; one extra entry holds the original's length.
    origin: Vec<u32>,
}

impl FoldedText {
    pub fn new(original: &str, fold: Fold) -> Self {
        let mut folded = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        for (at, c) in original.char_indices() {
            let before = folded.len();
            push_folded(c, fold, &mut folded);
            origin.resize(folded.len(), at as u32);
            debug_assert!(folded.len() >= before);
        }
        origin.push(original.len() as u32);
        Self { folded, origin }
    }

    /// Maps a byte range of the folded text back to the original text.
    /// A range that starts or ends inside a folded character widens to the
    /// whole original character.
    pub fn original_range(&self, folded: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.origin[folded.start] as usize;
        let end = if folded.end >= self.folded.len() {
            *self.origin.last().unwrap_or(&0) as usize
        } else {
            // The original character that the next folded byte comes from
            // starts where the matched one ends — unless the match ends inside
            // one original character, then take the next one's start.
            let next = self.origin[folded.end] as usize;
            let last = self.origin[folded.end - 1] as usize;
            if next == last {
                self.next_origin_after(folded.end)
            } else {
                next
            }
        };
        start..end
    }

    fn next_origin_after(&self, mut i: usize) -> usize {
        let here = self.origin[i];
        while i < self.origin.len() && self.origin[i] == here {
            i += 1;
        }
        self.origin.get(i).copied().unwrap_or(here) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_never_doubled() {
        assert_eq!(quoted("Đoàn kết"), "“Đoàn kết”");
        assert_eq!(quoted("“Đoàn kết - Dân chủ”"), "“Đoàn kết - Dân chủ”");
        assert_eq!(quoted("\"Đoàn kết\""), "“Đoàn kết”");
    }

    #[test]
    fn printable_escapes_what_a_terminal_would_obey() {
        assert_eq!(printable("Nguyễn Văn An"), "Nguyễn Văn An");
        assert_eq!(
            printable("An\u{1b}[2J\0\nB\u{202e}"),
            "An\\u{1b}[2J\\u{0}\\u{a}B\\u{202e}"
        );
        assert!(!printable("\u{9b}31m").chars().any(char::is_control));
    }

    const NFD: &str = "Nghi\u{0323} quye\u{0302}\u{0301}t";

    #[test]
    fn nfc_composes_decomposed_vietnamese() {
        assert_eq!(nfc(NFD), "Nghị quyết");
        assert!(matches!(nfc("Nghị quyết"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_fast_table_agrees_with_unicode() {
        for code in 0..TABLE_END {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            for f in [Fold::Case, Fold::Marks] {
                let (mut fast, mut slow) = (String::new(), String::new());
                push_folded(c, f, &mut fast);
                slow_fold(c, f, &mut slow);
                assert_eq!(fast, slow, "{c:?} {f:?}");
            }
        }
    }

    #[test]
    fn folding_removes_marks_and_reads_dd_as_d() {
        assert_eq!(
            fold("Đảng bộ QUÁN TRIỆT", Fold::Marks),
            "dang bo quan triet"
        );
        assert_eq!(fold("Đảng bộ QUÁN TRIỆT", Fold::Case), "đảng bộ quán triệt");
        assert_eq!(fold("Ưu tiên ơn", Fold::Marks), "uu tien on");
    }

    #[test]
    fn eq_folded_agrees_with_fold() {
        for (a, b) in [
            ("Đoàn Kết", "đoàn kết"),
            ("quán", "quan"),
            ("abc", "abcd"),
            ("xİy", "xi̇y"),
            ("", ""),
        ] {
            for f in [Fold::Case, Fold::Marks] {
                assert_eq!(
                    eq_folded(a, b, f),
                    fold(a, f) == fold(b, f),
                    "{a} {b} {f:?}"
                );
            }
        }
    }

    #[test]
    fn has_marks_sees_every_kind_of_mark() {
        assert!(has_marks("quán"));
        assert!(has_marks("đi"));
        assert!(has_marks("ư"));
        assert!(!has_marks("quan triet"));
        assert!(!has_marks("Dang"));
    }

    #[test]
    fn collapse_spaces_trims_and_joins() {
        assert_eq!(collapse_spaces("  Đoàn \t kết\n\n "), "Đoàn kết");
    }

    #[test]
    fn folded_ranges_map_back_to_original_characters() {
        let original = "Ban Thường vụ Đảng bộ";
        let f = FoldedText::new(original, Fold::Marks);
        let at = f.folded.find("dang bo").unwrap();
        let r = f.original_range(at..at + "dang bo".len());
        assert_eq!(&original[r], "Đảng bộ");
        let at = f.folded.find("thuong").unwrap();
        assert_eq!(&original[f.original_range(at..at + 6)], "Thường");
    }

    #[test]
    fn folded_range_covers_whole_character_when_lowercase_expands() {
        // 'İ' lowercases to two chars ("i̇"); a match of just "i" must still
        // map to the whole original character.
        let original = "xİy";
        let f = FoldedText::new(original, Fold::Case);
        let at = f.folded.find('i').unwrap();
        assert_eq!(&original[f.original_range(at..at + 1)], "İ");
    }
}
