//! Figures with their units ("8%", "khoảng 7 - 7,5%/năm", "84,3 nghìn tỷ
//! đồng", "không quá 3 ngày", "từ 20% trở lên"), references to other
//! documents ("Nghị quyết số 57-NQ/TW") and dates written out in words
//! ("ngày 19 tháng 02 năm 2025"). Each works on one sentence's tokens, once.

use super::Detail;
use super::KeyPoint;
use super::place::{Place, span};
use super::tokens::{Kind, Token, phrase_at, phrase_before};
use crate::numbers::parse_number;

/// Words that scale a figure or name its money: a figure followed by one of
/// them is an amount ("84,3 nghìn tỷ đồng", "5.000 USD").
const SCALES: &[&str] = &[
    "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "usd", "đồng", "ha", "km", "tấn", "điểm", "euro",
];

/// Words that may follow a scale in the same amount.
const UNIT_WORDS: &[&str] = &[
    "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "đồng", "usd", "đô", "la", "mỹ", "lượt", "người", "hộ",
    "khách", "tấn", "ha", "phần", "trăm", "km", "căn", "m2", "lao", "động",
];

/// Time units that make a threshold with "không quá", "ít nhất"…
const TIME_UNITS: &[&str] = &[
    "ngày",
    "tháng",
    "năm",
    "giờ",
    "tuần",
    "phút",
    "ngày làm việc",
];

/// Words before a figure that bound or round it. Longest first.
const QUALIFIERS: &[&str] = &[
    "không vượt quá",
    "không ít hơn",
    "không quá",
    "không dưới",
    "ít nhất",
    "tối thiểu",
    "tối đa",
    "trên dưới",
    "xấp xỉ",
    "khoảng",
    "gần",
    "hơn",
    "trên",
    "dưới",
    "từ",
];

/// The kinds of document a text refers to by number.
const DOCUMENT_KINDS: &[&str] = &[
    "nghị quyết",
    "kết luận",
    "chỉ thị",
    "quyết định",
    "nghị định",
    "thông tư",
    "luật",
    "tờ trình",
    "công văn",
    "thông báo",
    "quy định",
    "hướng dẫn",
    "kế hoạch",
    "đề án",
    "công điện",
];

fn lower<'t>(t: &'t Token<'_>) -> &'t str {
    &t.lower
}

/// The qualifier that ends right before token `first`: its first token and words.
fn qualifier_before(tokens: &[Token<'_>], first: usize) -> Option<(usize, String)> {
    QUALIFIERS.iter().find_map(|q| {
        let n = phrase_before(tokens, first, q)?;
        let words = &tokens[first - n..first];
        if !words.iter().all(|t| t.is(Kind::Word)) {
            return None;
        }
        let text: Vec<&str> = words.iter().map(|t| t.text).collect();
        Some((first - n, text.join(" ")))
    })
}

/// Figures with units in one sentence.
pub(super) fn figures(at: &Place<'_>, tokens: &[Token<'_>], out: &mut Vec<KeyPoint>) {
    let mut i = 0;
    while i < tokens.len() {
        let Some(end) = figure_at(at, tokens, i, out) else {
            i += 1;
            continue;
        };
        i = end + 1;
    }
}

/// A figure starting at token `i`: pushes it and returns its last token.
fn figure_at(
    at: &Place<'_>,
    tokens: &[Token<'_>],
    i: usize,
    out: &mut Vec<KeyPoint>,
) -> Option<usize> {
    let t = &tokens[i];
    if !t.is(Kind::Number) {
        return None;
    }
    // Part of a date, a document number or another figure.
    if i > 0 && (tokens[i - 1].is_punct("/-–.,") || lower(&tokens[i - 1]) == "số") {
        return None;
    }
    parse_number(t.text)?;
    // "7 - 7,5": a range.
    let mut last = i;
    if tokens.get(i + 1).is_some_and(|d| d.is_punct("-–"))
        && tokens.get(i + 2).is_some_and(|n| n.is(Kind::Number))
        && tokens.get(i + 3).is_none_or(|n| !n.is_punct("/"))
    {
        last = i + 2;
    }
    let figure_end = last;
    let qualifier = qualifier_before(tokens, i);
    let next = tokens.get(last + 1);
    let unit_start = last + 1;
    if next.is_some_and(|n| n.is_punct("%")) {
        last += 1;
        // "%/năm"
        if tokens.get(last + 1).is_some_and(|s| s.is_punct("/"))
            && tokens.get(last + 2).is_some_and(|w| w.is_lower_word())
            && tokens[last].range.end == tokens[last + 1].range.start
        {
            last += 2;
        }
    } else if next.is_some_and(|n| n.is(Kind::Word) && SCALES.contains(&lower(n))) {
        // "53 đồng chí", "đồng bào": "đồng" is money only on its own.
        if lower(&tokens[last + 1]) == "đồng"
            && tokens.get(last + 2).is_some_and(|w| w.is(Kind::Word))
        {
            return None;
        }
        last += 1;
        let mut words = 1;
        while words < 4
            && tokens
                .get(last + 1)
                .is_some_and(|w| w.is(Kind::Word) && UNIT_WORDS.contains(&lower(w)))
        {
            last += 1;
            words += 1;
        }
        // "điểm" alone is a score or a place; "điểm phần trăm" is a figure.
        if lower(&tokens[unit_start]) == "điểm" && last == unit_start {
            return None;
        }
        // "USD/người"
        if tokens.get(last + 1).is_some_and(|s| s.is_punct("/"))
            && tokens.get(last + 2).is_some_and(|w| w.is_lower_word())
        {
            last += 2;
        }
    } else if qualifier.as_ref().is_some_and(|(_, q)| {
        !matches!(q.to_lowercase().as_str(), "khoảng" | "gần" | "hơn" | "từ" | "trên" | "dưới")
    }) && next.is_some_and(|n| n.is(Kind::Word) && TIME_UNITS.contains(&lower(n)))
        // "năm 2025" is a year, not a number of years.
        && !tokens.get(last + 2).is_some_and(|n| n.is(Kind::Number))
    {
        last += 1;
    } else {
        return None;
    }
    // "từ 20% trở lên"
    let mut end = last;
    if tokens.get(last + 1).is_some_and(|w| lower(w) == "trở")
        && tokens
            .get(last + 2)
            .is_some_and(|w| matches!(lower(w), "lên" | "xuống"))
    {
        end = last + 2;
    }
    let start = qualifier.as_ref().map_or(i, |(s, _)| *s);
    let figure = span(at.text, tokens, i, figure_end);
    let unit = if unit_start <= last {
        span(at.text, tokens, unit_start, last)
    } else {
        String::new()
    };
    let range = tokens[start].range.start..tokens[end].range.end;
    out.push(at.point(
        range,
        Detail::Figure {
            figure,
            unit,
            qualifier: qualifier.map(|(_, q)| q).unwrap_or_default(),
        },
    ));
    Some(end)
}

/// "Nghị quyết số 57-NQ/TW", "Nghị quyết 158/2024/QH15", "Tờ trình số 53/TTr-CP".
pub(super) fn references(at: &Place<'_>, tokens: &[Token<'_>], out: &mut Vec<KeyPoint>) {
    let mut i = 0;
    while i < tokens.len() {
        let Some((kind_len, kind)) = document_kind_at(tokens, i) else {
            i += 1;
            continue;
        };
        let mut n = i + kind_len;
        if tokens.get(n).is_some_and(|t| lower(t) == "số") {
            n += 1;
        }
        let Some(first) = tokens.get(n).filter(|t| t.is(Kind::Number)) else {
            i += kind_len;
            continue;
        };
        // The number's tokens stand glued together: "57", "-", "NQ", "/", "TW".
        let mut last = n;
        while let Some(next) = tokens.get(last + 1) {
            let glued = tokens[last].range.end == next.range.start;
            let part = next.is(Kind::Word) || next.is(Kind::Number) || next.is_punct("-/");
            if !(glued && part) {
                break;
            }
            last += 1;
        }
        while last > n && tokens[last].is_punct("-/") {
            last -= 1;
        }
        let number = span(at.text, tokens, n, last);
        let has_code = tokens[n + 1..=last]
            .iter()
            .any(|t| t.is(Kind::Word) && t.starts_upper());
        if has_code && first.text.len() <= 5 {
            out.push(at.point(
                tokens[i].range.start..tokens[last].range.end,
                Detail::Reference { kind, number },
            ));
        }
        i = last + 1;
    }
}

/// A document kind ("Nghị quyết") at token `i`, capitalised as a name: its
/// length in tokens and its words.
fn document_kind_at(tokens: &[Token<'_>], i: usize) -> Option<(usize, String)> {
    if !tokens[i].starts_upper() {
        return None;
    }
    DOCUMENT_KINDS.iter().find_map(|kind| {
        let n = phrase_at(tokens, i, kind)?;
        let text: Vec<&str> = tokens[i..i + n].iter().map(|t| t.text).collect();
        Some((n, text.join(" ")))
    })
}

/// "ngày 19 tháng 02 năm 2025", "ngày 5 tháng 6": a date in words; and a
/// month or quarter of a year: "tháng 10/2025", "quý 1/2026".
pub(super) fn dates_in_words(at: &Place<'_>, tokens: &[Token<'_>], out: &mut Vec<KeyPoint>) {
    for i in 0..tokens.len() {
        if matches!(lower(&tokens[i]), "tháng" | "quý")
            && let (Some(m), Some(slash), Some(y)) =
                (tokens.get(i + 1), tokens.get(i + 2), tokens.get(i + 3))
            && m.is(Kind::Number)
            && slash.is_punct("/")
            && y.is(Kind::Number)
            && !tokens.get(i + 4).is_some_and(|t| t.is_punct("/"))
        {
            let month: u32 = m.text.parse().unwrap_or(0);
            let year: u32 = y.text.parse().unwrap_or(0);
            let max = if lower(&tokens[i]) == "quý" { 4 } else { 12 };
            if (1..=max).contains(&month) && (1900..=2100).contains(&year) {
                let date = span(at.text, tokens, i + 1, i + 3);
                out.push(at.point(
                    tokens[i].range.start..tokens[i + 3].range.end,
                    Detail::Date { date },
                ));
            }
            continue;
        }
        if lower(&tokens[i]) != "ngày" {
            continue;
        }
        let number = |k: usize| tokens.get(k).filter(|t| t.is(Kind::Number));
        let word = |k: usize, w: &str| tokens.get(k).is_some_and(|t| lower(t) == w);
        let (Some(day), true, Some(month)) = (number(i + 1), word(i + 2, "tháng"), number(i + 3))
        else {
            continue;
        };
        let d: u32 = day.text.parse().unwrap_or(0);
        let m: u32 = month.text.parse().unwrap_or(0);
        if !(1..=31).contains(&d) || !(1..=12).contains(&m) {
            continue;
        }
        let end = if word(i + 4, "năm") && number(i + 5).is_some() {
            i + 5
        } else {
            i + 3
        };
        let date = span(at.text, tokens, i + 1, end);
        out.push(at.point(
            tokens[i].range.start..tokens[end].range.end,
            Detail::Date { date },
        ));
    }
}

/// Whether the token after a number makes it a figure (so not a count).
pub(super) fn is_unit(t: &Token<'_>) -> bool {
    t.is(Kind::Word) && SCALES.contains(&lower(t)) && lower(t) != "điểm"
}
