//! Reading numbers as Vietnamese write them: "12.000", "12 000", "12000",
//! "3,5" (the decimal separator is the comma), and short numbers in words
//! ("ba", "mười bốn", "hai mươi lăm", "một trăm linh năm").

use crate::text::{Fold, collapse_spaces, fold, nfc};

/// Parses a typed number; `None` if it is not one.
pub fn parse_number(input: &str) -> Option<f64> {
    let s = collapse_spaces(&nfc(input));
    if s.is_empty() {
        return None;
    }
    parse_digits(&s).or_else(|| parse_words(&s).map(|n| n as f64))
}

/// Digits with "." or " " as thousands separators and "," as the decimal mark.
/// A single "." followed by other than three digits is read as a decimal
/// point too ("3.5"), as people used to English keyboards type it.
fn parse_digits(s: &str) -> Option<f64> {
    let (negative, s) = match s.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, s),
    };
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{a0}'))
    {
        return None;
    }
    if !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (int_part, frac_part) = match s.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let groups: Vec<&str> = int_part.split(['.', ' ', '\u{a0}']).collect();
    let integer: String = if groups.len() == 1 {
        groups[0].to_string()
    } else if groups[1..].iter().all(|g| g.len() == 3)
        && !groups[0].is_empty()
        && groups[0].len() <= 3
    {
        groups.concat()
    } else if frac_part.is_none() && groups.len() == 2 && int_part.contains('.') {
        // "3.5": a decimal point.
        return finish(
            negative,
            format!("{}.{}", groups[0], groups[1]).parse().ok()?,
        );
    } else {
        return None;
    };
    let number = match frac_part {
        Some(f) if !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()) => {
            format!("{integer}.{f}")
        }
        Some(_) => return None,
        None => integer,
    };
    finish(negative, number.parse().ok()?)
}

fn finish(negative: bool, n: f64) -> Option<f64> {
    Some(if negative { -n } else { n })
}

/// Numbers in words, up to the hundreds of millions. Accepts them with or
/// without tone marks.
pub fn parse_words(s: &str) -> Option<u64> {
    let folded = fold(s, Fold::Marks);
    let words: Vec<&str> = folded.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    let original: Vec<String> = s.split_whitespace().map(|w| fold(w, Fold::Case)).collect();
    let mut total: u64 = 0;
    let mut group: u64 = 0; // the part below a thousand being read
    let mut current: Option<u64> = None; // the last digit word
    let mut seen_any = false;
    for (i, &w) in words.iter().enumerate() {
        let exact = original.get(i).map(String::as_str).unwrap_or(w);
        match w {
            // "mười" (ten) and "mươi" (tens) fold alike; typed without
            // marks, a leading "muoi" is ten.
            "muoi" if exact == "mười" || (exact == "muoi" && i == 0) => {
                group += 10;
                current = None;
            }
            "muoi" => {
                // "hai mươi": the last digit counts tens.
                let tens = current.take().unwrap_or(1);
                group += tens * 10;
            }
            "tram" => {
                let hundreds = current.take().unwrap_or(1);
                group += hundreds * 100;
            }
            "nghin" | "ngan" => {
                group += current.take().unwrap_or(0);
                total += group.max(1) * 1_000;
                group = 0;
            }
            "trieu" => {
                group += current.take().unwrap_or(0);
                total += group.max(1) * 1_000_000;
                group = 0;
            }
            "linh" | "le" => {}
            _ => {
                let digit = digit_word(w)?;
                if current.is_some() {
                    return None;
                }
                current = Some(digit);
            }
        }
        seen_any = true;
    }
    if !seen_any {
        return None;
    }
    Some(total + group + current.unwrap_or(0))
}

fn digit_word(folded: &str) -> Option<u64> {
    Some(match folded {
        "khong" => 0,
        // "một", and "mốt" as in "hai mươi mốt".
        "mot" => 1,
        "hai" => 2,
        "ba" => 3,
        "bon" | "tu" => 4,
        // "năm" is five, "lăm" is five after a ten; "nam" without marks
        // could also be the year — accepted as five.
        "nam" | "lam" => 5,
        "sau" => 6,
        "bay" => 7,
        "tam" => 8,
        "chin" => 9,
        _ => return None,
    })
}

/// Formats a number the Vietnamese way: "12.000", "3,5".
pub fn format_number(n: f64) -> String {
    let negative = n < 0.0;
    let n = n.abs();
    let integer = n.trunc() as u64;
    let digits = integer.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let frac = n - n.trunc();
    if frac > 1e-9 {
        let f = format!("{frac:.6}");
        let f = f
            .trim_start_matches('0')
            .trim_start_matches('.')
            .trim_end_matches('0');
        grouped.push(',');
        grouped.push_str(f);
    }
    if negative {
        format!("-{grouped}")
    } else {
        grouped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_with_vietnamese_separators() {
        for (s, n) in [
            ("12000", 12000.0),
            ("12.000", 12000.0),
            ("12 000", 12000.0),
            ("1.234.567", 1_234_567.0),
            ("3,5", 3.5),
            ("1.234,5", 1234.5),
            (" 579 ", 579.0),
            ("3.5", 3.5),
            ("-2", -2.0),
        ] {
            assert_eq!(parse_number(s), Some(n), "{s}");
        }
        for s in ["", "abc", "1..2", ",5", "12,", "1.2.3"] {
            assert_eq!(parse_number(s), None, "{s}");
        }
    }

    #[test]
    fn numbers_in_words() {
        for (s, n) in [
            ("ba", 3),
            ("Ba", 3),
            ("mười", 10),
            ("mười bốn", 14),
            ("muoi bon", 14),
            ("hai mươi", 20),
            ("hai mươi lăm", 25),
            ("hai mươi mốt", 21),
            ("hai mươi tư", 24),
            ("một trăm linh năm", 105),
            ("năm trăm bảy mươi chín", 579),
            ("mười hai nghìn", 12_000),
            ("không", 0),
        ] {
            assert_eq!(parse_number(s), Some(n as f64), "{s}");
        }
        assert_eq!(parse_number("ba bốn"), None);
        assert_eq!(parse_number("đoàn kết"), None);
    }

    #[test]
    fn formatting_uses_dots_for_thousands_and_comma_for_decimals() {
        assert_eq!(format_number(12000.0), "12.000");
        assert_eq!(format_number(3.0), "3");
        assert_eq!(format_number(1234.5), "1.234,5");
        assert_eq!(format_number(-579.0), "-579");
    }
}
