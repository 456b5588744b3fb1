//! Splitting a sentence into words, numbers and punctuation, keeping where
//! each came from, so patterns can be matched on tokens and mapped back.

use std::borrow::Cow;
use std::ops::Range;

use crate::text::{Fold, fold};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters, possibly with digits ("Đảng", "8B").
    Word,
    /// Digits, with "." or "," between digit groups ("12.000", "7,5", "2025").
    Number,
    /// One punctuation character.
    Punct,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// The text in lower case, made once (most words need no copy).
    pub lower: Cow<'a, str>,
    pub range: Range<usize>,
    pub kind: Kind,
}

impl Token<'_> {
    pub fn is(&self, kind: Kind) -> bool {
        self.kind == kind
    }

    pub fn is_punct(&self, chars: &str) -> bool {
        self.kind == Kind::Punct && chars.contains(self.text)
    }

    /// "Nguyễn": an upper-case letter followed by lower-case ones.
    pub fn is_titlecase(&self) -> bool {
        let mut chars = self.text.chars();
        self.kind == Kind::Word
            && chars.next().is_some_and(char::is_uppercase)
            && chars.all(|c| c.is_lowercase())
    }

    pub fn starts_upper(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_lower_word(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(char::is_lowercase)
    }
}

/// Letters and digits, with a fast path for the Latin letters Vietnamese uses
/// (Unicode's own lookup is slow for them).
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c as u32, 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x1E00..=0x1EFF)
        || (!c.is_ascii() && c.is_alphanumeric())
}

/// Whether the words of `phrase` (lower case, one space between) are the
/// word tokens from `i` on: how many tokens they take if so. Compared word by
/// word, so most places are ruled out by their first word.
pub(super) fn phrase_at(tokens: &[Token<'_>], i: usize, phrase: &str) -> Option<usize> {
    if tokens.get(i)?.lower.as_bytes().first() != phrase.as_bytes().first() {
        return None;
    }
    let mut n = 0;
    for word in phrase.split(' ') {
        let t = tokens.get(i + n)?;
        if t.kind != Kind::Word || t.lower != word {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// [`phrase_at`] for the tokens ending right before token `end`, of any kind:
/// how many tokens the phrase takes.
pub(super) fn phrase_before(tokens: &[Token<'_>], end: usize, phrase: &str) -> Option<usize> {
    let mut n = 0;
    for word in phrase.rsplit(' ') {
        n += 1;
        let t = tokens.get(end.checked_sub(n)?)?;
        if t.lower != word {
            return None;
        }
    }
    Some(n)
}

fn lowered(text: &str) -> Cow<'_, str> {
    // Vietnamese words carry a capital only at the start; abbreviations
    // ("UBND") are ASCII.
    let upper = text.chars().next().is_some_and(char::is_uppercase)
        || text.bytes().any(|b| b.is_ascii_uppercase());
    if upper {
        Cow::Owned(fold(text, Fold::Case))
    } else {
        Cow::Borrowed(text)
    }
}

/// Tokens of `text`, with byte ranges into it.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if is_word_char(c) {
            let mut end = start + c.len_utf8();
            let mut has_letter = !c.is_ascii_digit();
            while let Some(&(i, n)) = chars.peek() {
                let joins_number = matches!(n, '.' | ',')
                    && !has_letter
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                    && text[start..i]
                        .chars()
                        .last()
                        .is_some_and(|p| p.is_ascii_digit());
                if is_word_char(n) || joins_number {
                    has_letter |= !n.is_ascii_digit() && n != '.' && n != ',';
                    end = i + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let kind = if has_letter { Kind::Word } else { Kind::Number };
            out.push(Token {
                text: &text[start..end],
                lower: lowered(&text[start..end]),
                range: start..end,
                kind,
            });
        } else {
            let end = start + c.len_utf8();
            out.push(Token {
                text: &text[start..end],
                lower: Cow::Borrowed(&text[start..end]),
                range: start..end,
                kind: Kind::Punct,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_and_punctuation() {
        let t = tokenize("gần 12.000 cán bộ, 7,5% và số 8B; “Đoàn kết - Dân chủ”…");
        let texts: Vec<_> = t.iter().map(|t| (t.text, t.kind)).collect();
        use Kind::*;
        assert_eq!(
            texts,
            [
                ("gần", Word),
                ("12.000", Number),
                ("cán", Word),
                ("bộ", Word),
                (",", Punct),
                ("7,5", Number),
                ("%", Punct),
                ("và", Word),
                ("số", Word),
                ("8B", Word),
                (";", Punct),
                ("“", Punct),
                ("Đoàn", Word),
                ("kết", Word),
                ("-", Punct),
                ("Dân", Word),
                ("chủ", Word),
                ("”", Punct),
                ("…", Punct),
            ]
        );
        assert!(t[12].is_titlecase());
        assert!(!t[9].is_titlecase());
    }

    #[test]
    fn a_full_stop_after_a_number_is_not_part_of_it() {
        let t = tokenize("năm 2025. Tiếp");
        assert_eq!(t[1].text, "2025");
        assert_eq!(t[2].text, ".");
        let t = tokenize("25/12/2020, 1.234,5");
        let texts: Vec<_> = t.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["25", "/", "12", "/", "2020", ",", "1.234,5"]);
    }
}
