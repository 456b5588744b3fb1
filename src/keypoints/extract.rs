//! Rules for counts, years, terms, dates, quotations, definitions and
//! enumerations. Each works on one sentence's tokens.

use super::place::{Place, span};
use super::tokens::{Kind, Token, tokenize};
use super::{Detail, KeyPoint};
use crate::document::{Document, Sentence};
use crate::numbers::{parse_number, parse_words};
use crate::text::{Fold, fold};

/// Words that end a counted noun phrase ("20 chỉ tiêu chủ yếu | đến năm 2025").
const PHRASE_END: &[&str] = &[
    "đến", "tới", "trong", "được", "của", "và", "với", "tại", "cho", "là", "để", "theo", "từ",
    "về", "đã", "sẽ", "đang", "có", "các", "những", "nhằm", "khi", "mà", "do", "bởi", "như",
    "nhưng", "hoặc", "hay", "thì", "ở", "trên", "dưới", "sau", "trước", "bằng", "gồm", "đạt",
    "tăng", "giảm", "năm", "vào", "ra", "này", "đó", "nêu", "đề", "thực", "cần", "phải",
];

/// Nouns that a number written in words may count ("ba khâu đột phá").
/// Words alone are too ambiguous otherwise ("năm" is also "year").
const COUNT_NOUNS: &[&str] = &[
    "khâu", "nhóm", "định", "bài", "nhiệm", "chỉ", "giải", "lĩnh", "chương", "quan", "mục", "đột",
    "nội", "trụ", "yếu", "giai", "tiêu", "đề", "kế", "nghị", "vấn", "cụm", "vùng", "hành", "ngành",
    "nguyên", "phong", "công", "dự", "tuyến", "điểm", "trọng", "chủ", "cấp", "đảng", "xã", "huyện",
    "tỉnh", "đơn", "cơ", "nhiệm",
];

/// Number words as written, with their tone marks (so "tâm" is not "tám").
const NUMBER_WORDS: &[&str] = &[
    "hai", "ba", "bốn", "năm", "lăm", "sáu", "bảy", "tám", "chín", "mười", "mươi", "mốt", "một",
    "linh", "lẻ", "trăm", "nghìn", "ngàn",
];

/// Words before a number that make it an address, an ordinal or a reference,
/// not a count worth asking about.
const NOT_A_COUNT_BEFORE: &[&str] = &[
    "số", "lần", "thứ", "khoản", "điểm", "điều", "chương", "mục", "phần", "trang", "kỳ", "ngày",
    "tháng",
];

/// "gần 12.000", "khoảng 30", "hơn 500".
const QUALIFIERS: &[&str] = &[
    "gần",
    "khoảng",
    "hơn",
    "trên",
    "dưới",
    "tới",
    "gần như",
    "xấp xỉ",
    "ít nhất",
];

/// Words that tell what a quotation is.
const QUOTE_LABELS: &[&str] = &[
    "phương châm",
    "chủ đề",
    "quan điểm",
    "khẩu hiệu",
    "tinh thần",
    "mục tiêu",
    "phong trào",
    "chủ trương",
    "tư tưởng",
    "nguyên tắc",
    "định hướng",
    "thông điệp",
    "tiêu đề",
    "nhiệm vụ",
];

/// Every key point of the document, reading each sentence once.
///
/// A long document is read in parts on all cores; people are merged across
/// parts afterwards in document order, so the result does not depend on how
/// many parts there were.
pub(super) fn extract_all(doc: &Document) -> Vec<KeyPoint> {
    extract_in_parts(
        doc,
        crate::parallel::split_by_size(&doc.blocks, |b| b.text.len()),
    )
}

/// [`extract_all`] over given parts of the blocks (tests compare part counts).
pub(super) fn extract_in_parts(
    doc: &Document,
    parts: Vec<std::ops::Range<usize>>,
) -> Vec<KeyPoint> {
    let found: Vec<(Vec<KeyPoint>, Vec<KeyPoint>)> =
        crate::parallel::map(&parts, |range| extract_blocks(doc, range.clone()));
    let mut out = Vec::new();
    let mut mentions = Vec::new();
    for (points, people) in found {
        out.extend(points);
        mentions.extend(people);
    }
    out.extend(super::people::People::from_mentions(mentions));
    out
}

/// Key points of the blocks in `range`, and the mentions of people there.
fn extract_blocks(doc: &Document, range: std::ops::Range<usize>) -> (Vec<KeyPoint>, Vec<KeyPoint>) {
    let mut out = Vec::new();
    let mut people = Vec::new();
    for b in range {
        let block = &doc.blocks[b];
        let quotes = quote_spans(&block.text);
        for sentence in &block.sentences {
            let text = &block.text[sentence.range.clone()];
            let tokens = tokenize(text);
            let at = Place {
                block: b,
                sentence,
                text,
            };
            counts(&at, &tokens, &mut out);
            times(&at, &tokens, &mut out);
            super::figures::figures(&at, &tokens, &mut out);
            super::figures::references(&at, &tokens, &mut out);
            super::figures::dates_in_words(&at, &tokens, &mut out);
            super::names::names(&at, &tokens, &mut out);
            statements(&at, &tokens, &quotes, &mut out);
            super::people::mentions(&at, &tokens, &mut people);
        }
        for quote in &quotes {
            if let Some(p) = quote_point(doc, b, *quote) {
                out.push(p);
            }
        }
    }
    (out, people)
}

fn lower<'t>(t: &'t Token<'_>) -> &'t str {
    &t.lower
}

/// Whether `word` is in `list`: lengths first, since most words differ in
/// length from every listed one (this runs for every word of a document).
fn listed(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.len() == word.len() && *w == word)
}

fn is_year(n: f64) -> bool {
    n.fract() == 0.0 && (1900.0..=2100.0).contains(&n)
}

// ------------------------------------------------------------------ counts

fn counts(at: &Place<'_>, tokens: &[Token<'_>], out: &mut Vec<KeyPoint>) {
    let mut i = 0;
    while i < tokens.len() {
        let Some((number, first, after)) = number_at(tokens, i) else {
            i += 1;
            continue;
        };
        if let Some(point) = count_at(at, tokens, number, first, after) {
            out.push(point);
        }
        i = after.max(i + 1);
    }
}

/// A number starting at token `i`: its value, first token and the token after it.
fn number_at(tokens: &[Token<'_>], i: usize) -> Option<(f64, usize, usize)> {
    let t = &tokens[i];
    if t.is(Kind::Number) {
        return parse_number(t.text).map(|n| (n, i, i + 1));
    }
    let number_word = |t: &Token<'_>| t.is(Kind::Word) && listed(NUMBER_WORDS, lower(t));
    if !number_word(t) || i > 0 && number_word(&tokens[i - 1]) {
        return None;
    }
    // The longest run of up to four number words that reads as a number.
    let mut best = None;
    for len in 1..=4.min(tokens.len() - i) {
        if !tokens[i..i + len].iter().all(number_word) {
            break;
        }
        let words: Vec<&str> = tokens[i..i + len].iter().map(lower).collect();
        if let Some(n) = parse_words(&words.join(" ")) {
            best = Some((n as f64, i, i + len));
        }
    }
    let (n, first, after) = best?;
    // "năm" after "vào", "các" … is years ("vào năm công tác"), not five.
    let years = |b: usize| listed(crate::vocabulary::BEFORE_YEARS, lower(&tokens[b]));
    if after == first + 1
        && lower(&tokens[first]) == "năm"
        && first.checked_sub(1).is_some_and(years)
    {
        return None;
    }
    // Words must count a known kind of thing, and "một" is an article.
    let counted = tokens
        .get(after)
        .is_some_and(|t| listed(COUNT_NOUNS, lower(t)));
    (counted && n >= 2.0).then_some((n, first, after))
}

fn count_at(
    at: &Place<'_>,
    tokens: &[Token<'_>],
    number: f64,
    first: usize,
    after: usize,
) -> Option<KeyPoint> {
    if number < 2.0 || number.fract() != 0.0 && tokens[first].is(Kind::Word) {
        return None;
    }
    let before = first.checked_sub(1).map(|b| &tokens[b]);
    if before.is_some_and(|b| listed(NOT_A_COUNT_BEFORE, lower(b)) || b.is_punct("/-–")) {
        return None;
    }
    // "Hội nghị Trung ương 10": which plenum, not how many.
    if first >= 2
        && lower(&tokens[first - 2]) == "trung"
        && matches!(lower(&tokens[first - 1]), "ương" | "ường")
    {
        return None;
    }
    let next = tokens.get(after)?;
    // Years counted: an anniversary ("kỷ niệm 50 năm Ngày …") and years
    // in the Party ("Huy hiệu 60 năm tuổi Đảng"); elsewhere "năm" is a year.
    let anniversary = lower(next) == "năm"
        && ((first >= 2
            && lower(&tokens[first - 2]) == "kỷ"
            && lower(&tokens[first - 1]) == "niệm")
            || tokens.get(after + 1).is_some_and(|t| lower(t) == "tuổi"));
    // "các điều 4, 5, 6 và 7": a list of numbers, not counts; "8 và": no noun.
    if before.is_some_and(|b| b.is_punct(",")) && first >= 2 && tokens[first - 2].is(Kind::Number)
        || (listed(PHRASE_END, lower(next)) && !anniversary)
    {
        return None;
    }
    if !next.is_lower_word() {
        return None; // a year, a date, a percentage, "8B", a list number…
    }
    // An amount ("84,3 nghìn tỷ đồng") is a figure; "19 tháng 02" a date;
    // "10 năm 2021 - 2030" a span, not a count of "năm 2021".
    let next_but_one = tokens.get(after + 1);
    // "17 đồng chí", "đồng bào": "đồng" is money only on its own (as the
    // figures reader takes it), so this is a count.
    let comrades =
        lower(next) == "đồng" && next_but_one.is_some_and(|w| matches!(lower(w), "chí" | "bào"));
    if (super::figures::is_unit(next) && !comrades)
        || matches!(lower(next), "giờ" | "phút")
        || (matches!(lower(next), "tháng" | "năm")
            && next_but_one.is_some_and(|n| n.is(Kind::Number)))
    {
        return None;
    }
    if is_year(number) && before.is_some_and(|b| lower(b) == "năm") {
        return None;
    }
    // The counted noun phrase: lower-case words up to a function word or
    // punctuation; a comma continues it when a short noun follows
    // ("14 nhóm nhiệm vụ, giải pháp chủ yếu").
    let mut end = after;
    let mut words = 0;
    let mut i = after;
    // "17 đồng chí": people, whatever the sentence goes on to say of them.
    let limit = if comrades {
        2
    } else if anniversary {
        12
    } else {
        8
    };
    while i < tokens.len() && words < limit {
        let t = &tokens[i];
        if t.is(Kind::Word) {
            if words > 0 && listed(PHRASE_END, lower(t)) {
                break;
            }
            if !t.is_lower_word() && !t.starts_upper() {
                break;
            }
            end = i;
            words += 1;
            i += 1;
        } else if t.is_punct(",") && continues_after_comma(tokens, i + 1) {
            i += 1;
        } else {
            break;
        }
    }
    let noun = span(at.text, tokens, after, end);
    // The rest of the clause, for questions: "đến năm 2025".
    let mut tail_end = end;
    let mut j = end + 1;
    // … and stops before another count ("4 khâu đột phá | và 6 nhiệm vụ").
    let another_count = |j: usize| {
        let t = &tokens[j];
        (t.is(Kind::Number) && lower(&tokens[j - 1]) != "năm") || matches!(lower(t), "và" | "hoặc")
    };
    while j < tokens.len()
        && !tokens[j].is_punct(";.:,()“”\"!?…")
        && !another_count(j)
        && j - end <= 16
    {
        tail_end = j;
        j += 1;
    }
    while tail_end > end
        && matches!(
            lower(&tokens[tail_end]),
            "gồm" | "là" | "như" | "và" | "của"
        )
    {
        tail_end -= 1;
    }
    let tail = if tail_end > end {
        span(at.text, tokens, end + 1, tail_end)
    } else {
        String::new()
    };
    // "gồm 8 thành viên nhiều hơn khóa trước": a difference, not a total.
    let said = format!("{} {}", noun, tail).to_lowercase();
    if [" nhiều hơn", " ít hơn"].iter().any(|d| said.contains(d))
        || ["nhiều hơn", "ít hơn"].iter().any(|d| said.starts_with(d))
    {
        return None;
    }
    let (start, qualifier) = match qualifier_before(tokens, first) {
        Some((q_start, q)) => (q_start, q),
        None => (first, String::new()),
    };
    let range = tokens[start].range.start..tokens[end].range.end;
    Some(at.point(
        range,
        Detail::Count {
            number,
            noun,
            tail,
            qualifier,
        },
    ))
}

/// After a comma inside a counted phrase: one to four lower-case words, then
/// a stop word, the end, or punctuation — and no number.
fn continues_after_comma(tokens: &[Token<'_>], from: usize) -> bool {
    let mut words = 0;
    for t in &tokens[from.min(tokens.len())..] {
        if t.is(Kind::Word) && t.is_lower_word() && !listed(PHRASE_END, lower(t)) {
            words += 1;
            if words > 4 {
                return false;
            }
        } else {
            break;
        }
    }
    // What may follow: punctuation, or a word that starts a new clause part.
    const ENDERS: &[&str] = &[
        "được", "đến", "tới", "trong", "và", "của", "đã", "sẽ", "tại", "nhằm",
    ];
    words > 0
        && tokens
            .get(from + words)
            .is_none_or(|t| t.is(Kind::Punct) || ENDERS.contains(&lower(t)))
}

fn qualifier_before(tokens: &[Token<'_>], first: usize) -> Option<(usize, String)> {
    for len in [2, 1] {
        if first >= len {
            let words: Vec<&str> = tokens[first - len..first].iter().map(lower).collect();
            if tokens[first - len..first].iter().all(|t| t.is(Kind::Word))
                && QUALIFIERS.contains(&words.join(" ").as_str())
            {
                let text: Vec<&str> = tokens[first - len..first].iter().map(|t| t.text).collect();
                return Some((first - len, text.join(" ")));
            }
        }
    }
    None
}

// ------------------------------------------------------------------ times

fn times(at: &Place<'_>, tokens: &[Token<'_>], out: &mut Vec<KeyPoint>) {
    for i in 0..tokens.len() {
        let t = &tokens[i];
        // "nhiệm kỳ 2020 - 2025", "giai đoạn 2021-2025"
        if i + 4 < tokens.len() + 1
            && t.is(Kind::Word)
            && matches!(lower(t), "kỳ" | "đoạn")
            && i > 0
            && matches!(lower(&tokens[i - 1]), "nhiệm" | "giai")
            && let Some(range_end) = term_at(tokens, i + 1)
        {
            let (from, to) = range_end.0;
            // What the term is of starts at its first capital: "Đại hội … lần thứ XVII".
            let context = context_before(at.text, tokens, i - 1, true);
            let context = match context.find(|c: char| c.is_uppercase()) {
                Some(at) => context[at..].to_string(),
                None => context,
            };
            let range = tokens[i - 1].range.start..tokens[range_end.1].range.end;
            out.push(at.point(range, Detail::Term { from, to, context }));
        }
        // "đến năm 2030"
        if t.is(Kind::Number)
            && i >= 2
            && lower(&tokens[i - 1]) == "năm"
            && matches!(lower(&tokens[i - 2]), "đến" | "tới")
            && let Some(year) = parse_number(t.text).filter(|n| is_year(*n))
        {
            let mut context = context_before(at.text, tokens, i - 2, false);
            let context_after = context.is_empty();
            if context_after {
                // "…; đến năm 2030 đạt khoảng 30% GDP": what follows says what it is for.
                let mut e = i;
                while e + 1 < tokens.len() && !tokens[e + 1].is_punct(";.,:") && e - i < 8 {
                    e += 1;
                }
                if e > i {
                    context = span(at.text, tokens, i + 1, e);
                }
            }
            if !context.is_empty() {
                let range = tokens[i - 2].range.start..t.range.end;
                out.push(at.point(
                    range,
                    Detail::Year {
                        year: year as u32,
                        context,
                        context_after,
                    },
                ));
            }
        }
        // "25/12", "25/12/2020", with "Sáng"/"ngày" before
        if t.is(Kind::Number)
            && tokens.get(i + 1).is_some_and(|s| s.is_punct("/"))
            && tokens.get(i + 2).is_some_and(|m| m.is(Kind::Number))
            && !(i > 0 && tokens[i - 1].is_punct("/"))
        {
            let day: u32 = t.text.parse().unwrap_or(0);
            let month: u32 = tokens[i + 2].text.parse().unwrap_or(0);
            if (1..=31).contains(&day) && (1..=12).contains(&month) {
                let mut end = i + 2;
                if tokens.get(i + 3).is_some_and(|s| s.is_punct("/"))
                    && tokens.get(i + 4).is_some_and(|y| y.is(Kind::Number))
                {
                    end = i + 4;
                }
                let start = if i > 0
                    && matches!(
                        lower(&tokens[i - 1]),
                        "sáng" | "chiều" | "tối" | "trưa" | "ngày"
                    ) {
                    i - 1
                } else {
                    i
                };
                let range = tokens[start].range.start..tokens[end].range.end;
                let date = span(at.text, tokens, i, end);
                out.push(at.point(range, Detail::Date { date }));
            }
        }
    }
}

/// Two years joined by a dash, from token `i`: the years and the last token.
fn term_at(tokens: &[Token<'_>], i: usize) -> Option<((u32, u32), usize)> {
    let a = tokens.get(i).filter(|t| t.is(Kind::Number))?;
    tokens.get(i + 1).filter(|t| t.is_punct("-–—"))?;
    let b = tokens.get(i + 2).filter(|t| t.is(Kind::Number))?;
    let from = parse_number(a.text).filter(|n| is_year(*n))? as u32;
    let to = parse_number(b.text).filter(|n| is_year(*n))? as u32;
    (to > from).then_some(((from, to), i + 2))
}

/// The words before token `at` back to a clause boundary (punctuation, "và"),
/// at most eight: what a year or a term belongs to. With `skip_one`, a comma or
/// parenthesis right before `at` is passed over ("lần thứ XVII, nhiệm kỳ …").
fn context_before(text: &str, tokens: &[Token<'_>], at: usize, skip_one: bool) -> String {
    let mut end = at;
    if skip_one && end > 0 && tokens[end - 1].is_punct(",(") {
        end -= 1;
    }
    if end == 0 {
        return String::new();
    }
    let mut start = end;
    while start > 0 && end - start < 8 {
        let t = &tokens[start - 1];
        if t.is(Kind::Punct) || lower(t) == "và" || lower(t) == "về" {
            break;
        }
        start -= 1;
    }
    if start == end {
        return String::new();
    }
    // "về mục tiêu, nhiệm vụ tổng quát": one or two words before a comma,
    // right after a boundary, belong to the same phrase.
    if start >= 3 && tokens[start - 1].is_punct(",") {
        let mut s = start - 1;
        while s > 0 && tokens[s - 1].is(Kind::Word) && start - 1 - s < 2 {
            s -= 1;
        }
        let bounded =
            s == 0 || tokens[s - 1].is(Kind::Punct) || matches!(lower(&tokens[s - 1]), "và" | "về");
        if s < start - 1 && bounded {
            start = s;
        }
    }
    span(text, tokens, start, end - 1)
}

// ------------------------------------------------------------------ quotations

/// A quotation in a block's text: byte ranges of its inside and of the
/// whole, marks included (“ and " differ in width, so both are kept).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct QuoteSpan {
    /// Where the opening mark starts.
    mark: usize,
    /// The inside: after the opening mark, up to the closing one.
    open: usize,
    close: usize,
    /// Where the closing mark ends.
    end: usize,
}

/// Each “…” or "…" in a block's text, in order and not overlapping.
fn quote_spans(text: &str) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '“') | (None, '"') => open = Some((i, i + c.len_utf8(), c)),
            (Some((mark, start, '“')), '”') | (Some((mark, start, '"')), '"') => {
                out.push(QuoteSpan {
                    mark,
                    open: start,
                    close: i,
                    end: i + c.len_utf8(),
                });
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether byte `at` is inside one of `quotes` (sorted, not overlapping):
/// a binary search, since a paragraph may hold thousands of quotations.
fn in_quotes(quotes: &[QuoteSpan], at: usize) -> bool {
    let k = quotes.partition_point(|q| q.open <= at);
    k > 0 && at < quotes[k - 1].close
}

/// The sentence of `block` that holds byte `at`, by binary search.
fn sentence_at(sentences: &[Sentence], at: usize) -> Option<&Sentence> {
    let k = sentences.partition_point(|s| s.range.end <= at);
    sentences.get(k).filter(|s| s.range.contains(&at))
}

/// The end of `text` holding its last `n` words (white-space separated), or
/// all of it: found from the end, so the cost does not grow with `text`.
fn last_words(text: &str, n: usize) -> &str {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == n {
                    return &text[i + c.len_utf8()..];
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text
}

fn quote_point(doc: &Document, b: usize, quote: QuoteSpan) -> Option<KeyPoint> {
    let QuoteSpan {
        mark: quote_open,
        open,
        close,
        end: quote_close,
    } = quote;
    let block = &doc.blocks[b];
    let inner = block.text[open..close].trim();
    let words = inner.split_whitespace().count();
    if !(2..=60).contains(&words) {
        return None;
    }
    let sentence = sentence_at(&block.sentences, open)?;
    // The label stands in the last few words before the opening mark (the
    // mark's own width, one byte or three, is known from the span).
    let before = &block.text[sentence.range.start..quote_open.max(sentence.range.start)];
    let label = quote_label(last_words(before, LABEL_WORDS + 3));
    let parts = quote_parts(inner);
    // The phrase includes the quotation marks, as the text shows it.
    Some(KeyPoint {
        id: String::new(),
        anchor: sentence.anchor,
        phrase: block.text[quote_open..quote_close].to_string(),
        detail: Detail::Quote {
            label,
            text: inner.to_string(),
            parts,
        },
        block: b,
        range: quote_open..quote_close,
    })
}

/// How many words before a quotation may name what it is.
const LABEL_WORDS: usize = 9;

/// What the quotation is: from a label word ("phương châm", "chủ đề", …) in the
/// few words before it, to the quotation mark.
fn quote_label(before: &str) -> String {
    let before = before.trim_end().trim_end_matches([':', ',']).trim_end();
    let before = last_words(before, LABEL_WORDS);
    let words: Vec<&str> = before.split_whitespace().collect();
    let tail = &words[words.len().saturating_sub(LABEL_WORDS)..];
    let folded: Vec<String> = tail.iter().map(|w| fold(w, Fold::Case)).collect();
    // The label word nearest the quotation wins: "tinh thần chủ đề năm 2021" is a chủ đề.
    for start in (0..tail.len()).rev() {
        for label in QUOTE_LABELS {
            let label_words: Vec<&str> = label.split(' ').collect();
            if folded[start..].starts_with(
                &label_words
                    .iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>(),
            ) {
                let mut label = tail[start..].to_vec();
                while label.len() > 1
                    && matches!(label[label.len() - 1], "là" | "gồm" | "như" | "rằng")
                {
                    label.pop();
                }
                return label.join(" ");
            }
        }
    }
    String::new()
}

/// The parts of a quotation that is a list: "A; B; C", "A - B - C" (short
/// parts) or "A, B, C, D" (up to four syllables each).
pub(super) fn quote_parts(inner: &str) -> Vec<String> {
    let split = |sep: &str, max_words: usize, min_parts: usize| -> Option<Vec<String>> {
        let parts: Vec<String> = inner
            .split(sep)
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
        (parts.len() >= min_parts
            && parts
                .iter()
                .all(|p| p.split_whitespace().count() <= max_words))
        .then_some(parts)
    };
    split(";", 20, 2)
        .or_else(|| split(" - ", 4, 3))
        .or_else(|| split(" – ", 4, 3))
        .or_else(|| split(", ", 4, 3))
        .unwrap_or_default()
}

// ------------------------------------------------------------------ statements

fn statements(at: &Place<'_>, tokens: &[Token<'_>], quotes: &[QuoteSpan], out: &mut Vec<KeyPoint>) {
    let base = at.sentence.range.start;
    let in_quote = |t: &Token<'_>| in_quotes(quotes, base + t.range.start);
    // Definitions: "X là Y".
    for (i, t) in tokens.iter().enumerate() {
        if lower(t) != "là" || in_quote(t) {
            continue;
        }
        let mut s = i;
        while s > 0 && !tokens[s - 1].is(Kind::Punct) && i - s < 9 {
            s -= 1;
        }
        let mut e = i;
        while e + 1 < tokens.len() && !tokens[e + 1].is_punct(";.,:!?“”\"()") && e - i < 14 {
            e += 1;
        }
        let subject_words = i - s;
        // Cut by the word limit, the definition would be a fragment.
        // A definition that stops at a comma or a bracket is cut short ("X
        // là Y, Z" would ask for Y alone): only whole ones are kept.
        let cut = e + 1 < tokens.len() && !tokens[e + 1].is_punct(";.!?");
        if !(2..=8).contains(&subject_words) || e - i < 2 || cut {
            continue;
        }
        // "(sau đây gọi là TOD)": a name given, not a definition.
        if (s > 0 && tokens[s - 1].is_punct("("))
            || matches!(lower(&tokens[i - 1]), "gọi" | "được" | "đó")
        {
            continue;
        }
        // Pronouns and discourse markers ("đặc biệt là", "tức là") are not subjects.
        if matches!(
            lower(&tokens[s]),
            "đây"
                | "đó"
                | "điều"
                | "nó"
                | "việc"
                | "chính"
                | "đặc"
                | "nhất"
                | "tức"
                | "hay"
                | "hoặc"
                | "cũng"
                | "vẫn"
        ) {
            continue;
        }
        let subject = span(at.text, tokens, s, i - 1);
        let definition = span(at.text, tokens, i + 1, e);
        let range = tokens[s].range.start..tokens[e].range.end;
        out.push(at.point(
            range,
            Detail::Definition {
                subject,
                definition,
            },
        ));
    }
    // Enumerations: three or more parallel items separated by ";" outside quotes.
    let semis: Vec<usize> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_punct(";") && !in_quote(t))
        .map(|(i, _)| i)
        .collect();
    if semis.len() < 2 {
        return;
    }
    let mut bounds = vec![0];
    bounds.extend(semis.iter().map(|&s| s + 1));
    let mut items: Vec<(usize, usize)> = Vec::new();
    for (k, &start) in bounds.iter().enumerate() {
        let end = semis.get(k).copied().unwrap_or(tokens.len());
        if start < end {
            items.push((start, end - 1));
        }
    }
    // Parallel items: when most start with a number, only those; the last is
    // cut at the first function word after its noun phrase.
    let numbered = items
        .iter()
        .filter(|(s, _)| tokens[*s].is(Kind::Number))
        .count();
    if numbered * 2 > items.len() {
        items.retain(|(s, _)| tokens[*s].is(Kind::Number));
    }
    // The first item starts after an introduction ending in ":" ("Bốn khâu đột phá gồm:").
    if let Some(first) = items.first_mut()
        && let Some(colon) = (first.0..=first.1).rev().find(|&k| tokens[k].is_punct(":"))
    {
        first.0 = colon + 1;
    }
    for item in &mut items {
        while item.1 > item.0 && tokens[item.1].is(Kind::Punct) {
            item.1 -= 1;
        }
    }
    if let Some(last) = items.last_mut() {
        let (s, e) = *last;
        if let Some(cut) =
            (s + 2..=e).find(|&k| matches!(lower(&tokens[k]), "được" | "nhằm" | "để" | "tại"))
        {
            last.1 = cut - 1;
        }
    }
    items.retain(|(s, e)| {
        e >= s && e - s < 12 && !tokens[*s..=*e].iter().any(|t| t.is_punct("“”\""))
    });
    if items.len() >= 3 {
        let texts: Vec<String> = items
            .iter()
            .map(|(s, e)| span(at.text, tokens, *s, *e))
            .collect();
        let range = tokens[items[0].0].range.start..tokens[items[items.len() - 1].1].range.end;
        out.push(at.point(range, Detail::Enumeration { items: texts }));
    }
}

#[cfg(test)]
#[path = "extract_tests.rs"]
mod tests;
