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
        let number = format!("{}.{}", groups[0], groups[1]);
        if !exact_in_f64(&number) {
            return None;
        }
        return finish(negative, number.parse().ok()?);
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
    if !exact_in_f64(&number) {
        return None;
    }
    finish(negative, number.parse().ok()?)
}

/// The most significant digits an `f64` holds exactly: any number written
/// with this many or fewer reads back as written ([`format_number`] gives the
/// same digits).
pub const EXACT_DIGITS: usize = 15;

/// Whether the digits of `number` ("123.45", "0.001") are few enough to be
/// held exactly. A longer number ("99999999999999999999") would become
/// another one ("100000000000000000000", or saturated to u64::MAX), so it
/// is not read at all.
fn exact_in_f64(number: &str) -> bool {
    let digits = number.trim_start_matches(['0', '.']);
    let digits = match digits.split_once('.') {
        Some((i, f)) => i.len() + f.trim_end_matches('0').len(),
        None => digits.len(),
    };
    digits <= EXACT_DIGITS
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

/// Formats a number the Vietnamese way: "12.000", "3,5". The digits are
/// those of the shortest decimal that reads back as `n`, so a number read by
/// [`parse_number`] is shown as written, never rounded or saturated.
pub fn format_number(n: f64) -> String {
    if !n.is_finite() {
        return n.to_string();
    }
    let negative = n < 0.0;
    // `Display` for f64 never uses an exponent and gives the shortest digits.
    let plain = n.abs().to_string();
    let (digits, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut grouped = String::with_capacity(plain.len() + plain.len() / 3 + 1);
    if negative {
        grouped.push('-');
    }
    for (i, c) in digits.char_indices() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let frac = frac.trim_end_matches('0');
    if !frac.is_empty() {
        grouped.push(',');
        grouped.push_str(frac);
    }
    grouped
}

/// A number as an answer is shown: like [`format_number`], except a year
/// ("2045", not "2.045"): a whole number from 1900 to 2100 with no unit, or
/// with "năm" as its unit. (A count without a unit in that range is shown
/// ungrouped too: rare, and still read right.)
pub fn format_answer(n: f64, unit: Option<&str>) -> String {
    let yearly = unit.is_none_or(|u| crate::text::fold(u.trim(), crate::text::Fold::Case) == "năm");
    if yearly && n.fract() == 0.0 && (1900.0..=2100.0).contains(&n) {
        format!("{}", n as i64)
    } else {
        format_number(n)
    }
}

/// A whole number with its thousands grouped: "1.974" with ".", "1,974"
/// with ",".
pub fn group_digits(n: u64, separator: &str) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() * 2);
    for (i, c) in digits.char_indices() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push_str(separator);
        }
        grouped.push(c);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_not_grouped_as_thousands() {
        assert_eq!(format_answer(2045.0, None), "2045");
        assert_eq!(format_answer(2030.0, Some("năm")), "2030");
        assert_eq!(format_answer(2500.0, Some("đảng viên")), "2.500");
        assert_eq!(format_answer(12000.0, None), "12.000");
        assert_eq!(format_answer(1500.0, None), "1.500", "a count, not a year");
        assert_eq!(format_answer(2045.5, None), "2.045,5");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_digits(1974, "."), "1.974");
        assert_eq!(group_digits(12_345_678, ","), "12,345,678");
        assert_eq!(group_digits(999, "."), "999");
        assert_eq!(group_digits(0, "."), "0");
    }

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
    fn numbers_a_float_cannot_hold_exactly_are_not_read() {
        // Read, they would come back as other numbers ("18.446.744…").
        for s in [
            "99999999999999999999",
            "99.999.999.999.999.999.999",
            "1234567890123456",
            "1,2345678901234567",
            "340282366920938463463374607431768211456",
        ] {
            assert_eq!(parse_number(s), None, "{s}");
        }
        // Fifteen digits are exact.
        let n = parse_number("999.999.999.999.999").unwrap();
        assert_eq!(format_number(n), "999.999.999.999.999");
        let n = parse_number("1,23456789012345").unwrap();
        assert_eq!(format_number(n), "1,23456789012345");
    }

    #[test]
    fn formatting_never_changes_a_number() {
        for (n, s) in [
            (1e20, "100.000.000.000.000.000.000"),
            (0.1234567, "0,1234567"),
            (1.9999999, "1,9999999"),
            (0.0000001, "0,0000001"),
        ] {
            assert_eq!(format_number(n), s);
        }
        assert_eq!(format_number(f64::NAN), "NaN");
    }

    #[test]
    fn formatting_uses_dots_for_thousands_and_comma_for_decimals() {
        assert_eq!(format_number(12000.0), "12.000");
        assert_eq!(format_number(3.0), "3");
        assert_eq!(format_number(1234.5), "1.234,5");
        assert_eq!(format_number(-579.0), "-579");
    }
}
