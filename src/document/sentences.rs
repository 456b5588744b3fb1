//! Splitting a paragraph into sentences, Vietnamese style.
//!
//! A sentence ends at ".", "!", "?" or "…" (also "./." which closes many
//! Vietnamese articles) followed by white space and something that can start
//! a sentence: an upper-case letter, a digit or an opening quote. Dots inside
//! numbers ("12.000") and after titles such as "TS." or "PGS." do not end
//! a sentence.

use std::ops::Range;

/// Abbreviations that end with a dot but do not end a sentence.
/// Only titles that stand before a name: "TP." is left out on purpose, since
/// "… Đảng bộ TP. Chương trình …" ends a sentence far more often than "TP."
/// starts a city's name.
const ABBREVIATIONS: &[&str] = &["TS", "ThS", "PGS", "GS", "BS", "KS", "Mr", "Mrs", "Dr"];

/// Byte ranges of the sentences of `text`, trimmed of surrounding spaces.
/// Never empty for non-blank text; the ranges cover every non-space character.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if is_terminal(c) {
            // Take the whole run of closing punctuation: "./.", "?!", ".”", "…)".
            let mut j = i + 1;
            while j < chars.len() && (is_terminal(chars[j].1) || is_closing(chars[j].1)) {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
            let followed_by_space = j < chars.len() && chars[j].1.is_whitespace();
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next_starts_sentence = chars.get(k).is_some_and(|&(_, n)| can_start(n));
            if followed_by_space
                && next_starts_sentence
                && !(c == '.' && ends_with_abbreviation(&text[start..at]))
            {
                push_trimmed(text, start..end, &mut out);
                start = end;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closing(c: char) -> bool {
    matches!(c, '”' | '"' | '’' | '\'' | ')' | ']' | '»' | '/')
}

fn can_start(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '(' | '«' | '-' | '–' | '*')
}

fn ends_with_abbreviation(before_dot: &str) -> bool {
    let word = before_dot
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == ',')
        .next()
        .unwrap_or("");
    ABBREVIATIONS.contains(&word)
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation_before_a_capital() {
        assert_eq!(
            sentences("Vì thế, cần hiểu sâu. Do đó việc học tập có ý nghĩa! Đúng không? Có."),
            vec![
                "Vì thế, cần hiểu sâu.",
                "Do đó việc học tập có ý nghĩa!",
                "Đúng không?",
                "Có."
            ]
        );
    }

    #[test]
    fn keeps_numbers_abbreviations_and_lower_case_continuations_together() {
        assert_eq!(
            sentences("Gần 12.000 cán bộ và PGS. TS. Lê Văn A dự. Đảng bộ TP. Chương trình mới."),
            vec![
                "Gần 12.000 cán bộ và PGS. TS. Lê Văn A dự.",
                "Đảng bộ TP.",
                "Chương trình mới."
            ]
        );
        assert_eq!(
            sentences("các cấp… cùng lãnh đạo cấp ủy 50 đảng bộ."),
            vec!["các cấp… cùng lãnh đạo cấp ủy 50 đảng bộ."]
        );
    }

    #[test]
    fn closing_quotes_and_slash_stay_with_their_sentence() {
        assert_eq!(
            sentences("Quan điểm: “Phát triển là trung tâm.” Đây là then chốt./."),
            vec![
                "Quan điểm: “Phát triển là trung tâm.”",
                "Đây là then chốt./."
            ]
        );
    }

    #[test]
    fn text_without_terminal_punctuation_is_one_sentence() {
        assert_eq!(
            sentences("  đưa Nghị quyết đi vào cuộc sống  "),
            vec!["đưa Nghị quyết đi vào cuộc sống"]
        );
        assert!(sentences("   ").is_empty());
    }
}
