//! What a fill-in question shows of a long clause: the words around its
//! blank, cut where a reader still knows who does what.
//!
//! A trainer's reading (2026-12-03) found the cut the largest single cause
//! of questions a room could not be shown: a head of the first eight words
//! and a tail of the last twelve lost the subject ("Giữ nguyên chế độ …
//! tổ chức trong hệ thống chính trị trong thời gian ___ tháng"), the task,
//! or the "thì …" that says what follows from the blank. So the head is the
//! subject — past a leading adverbial ("Theo tờ trình của Bộ …,") and up
//! to where its phrase ends — and the tail starts where a phrase starts.

use crate::vocabulary::is_compound;

/// The most words shown after a blank: enough to say what is asked, short
/// enough to read out to a room.
const MAX_AFTER_WORDS: usize = 20;

/// The most words shown before a blank when nothing is left out (two more
/// are let through rather than cut).
const MAX_BEFORE_WORDS: usize = 24;

/// The most words of a head: who acts, and the start of what they do.
const HEAD_WORDS: usize = 10;

/// A head's length where no phrase ends within [`HEAD_WORDS`].
const PLAIN_HEAD_WORDS: usize = 8;

/// The most words kept right before a blank in a shortened text.
const TAIL_WORDS: usize = 14;

/// The words kept right before a blank where no phrase starts within reach.
const PLAIN_TAIL_WORDS: usize = 12;

/// The most words of a blank's own clause after a semicolon shown whole
/// as a tail.
const OWN_CLAUSE_WORDS: usize = 22;

/// The fewest words before a blank that make its own clause (fewer are an
/// item of a list).
const MIN_OWN_CLAUSE_WORDS: usize = 10;

/// The fewest words a tail that starts at a phrase keeps: "… từ ngày ___"
/// says nothing of what starts that day.
const MIN_TAIL_WORDS: usize = 6;

/// The first words of a leading adverbial that says who holds a view or
/// how a sentence follows the last, which a head skips when a comma ends
/// it: "Theo nội dung tờ trình của Bộ Nội vụ, UBND của 23 tỉnh …", "Trong
/// đó, lực lượng …". Never one that gives the sentence its scope ("Tại Đại
/// hội lần thứ V,", "Trong năm 2020,") or a condition ("Khi", "Nếu",
/// "Trường hợp"): without it the statement would be false.
const ADVERBIAL_STARTS: &[&str] = &[
    "theo",
    "trong đó",
    "đồng thời",
    "bên cạnh đó",
    "ngoài ra",
    "cụ thể",
    "thực hiện",
    "tiếp thu",
    "căn cứ",
    "tuy nhiên",
    "mặt khác",
    "như vậy",
    "nhìn chung",
    "để",
    "nhằm",
    "trên cơ sở",
];

/// What the small words do where a cut falls near them, in one table
/// (bits of [`roles`]).
mod role {
    /// Starts a new phrase and ends none: a cut right before one never
    /// splits a word of two syllables, which a list of compounds cannot
    /// promise ("cân | đối", "tốc | độ", "chất | vấn" were cut before).
    pub const FUNCTION: u8 = 1;
    /// Starts a phrase of its own (where, when, with whom, for what): a
    /// head may end before one, a tail may start at one.
    pub const PHRASE: u8 = 2;
    /// No shown text ends on it: what it leads to is left out ("… chỉ đạo
    /// của…", "kinh tế -…").
    pub const LEADS_ON: u8 = 4;
    /// No head ends on it either ("Ban Thường vụ các …", "nhiệm vụ cần …").
    pub const HEAD_LEADS_ON: u8 = 8;
    /// A text shown after "…" does not start with it: "… và đơn vị hành
    /// chính" reads as a fragment.
    pub const NOT_FIRST: u8 = 16;
}

/// The roles of `word` (in small letters) as bits of [`role`]; 0 for a
/// word with none.
fn roles(word: &str) -> u8 {
    use role::*;
    match word {
        "các" | "những" | "của" | "được" | "việc" | "đến" => FUNCTION | LEADS_ON,
        "và" | "là" => FUNCTION | LEADS_ON | NOT_FIRST,
        "có" | "đã" | "sẽ" | "đang" | "một" | "bị" | "phải" | "cần" => {
            FUNCTION | HEAD_LEADS_ON
        }
        "để" | "tại" | "trong" | "với" | "theo" | "cho" | "từ" | "về" => {
            FUNCTION | PHRASE | LEADS_ON
        }
        "mỗi" | "khi" | "nếu" | "cùng" | "vào" | "bằng" => FUNCTION,
        "hoặc" | "thì" | "như" | "do" => FUNCTION | NOT_FIRST,
        "mà" => FUNCTION | HEAD_LEADS_ON | NOT_FIRST,
        "nhằm" | "trên" | "qua" => FUNCTION | PHRASE,
        "đối" | "trước" | "thông" => PHRASE,
        "ở" | "-" | "–" => LEADS_ON,
        "cũng" | "số" | "cấp" => HEAD_LEADS_ON,
        _ => 0,
    }
}

/// `word` in small letters, without an opening bracket, quote or emphasis;
/// borrowed when it has no capital (most words: this runs for every word
/// looked at as a place to cut).
fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    let word = word.trim_start_matches(['(', '"', '“', '*', '_']);
    if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

fn ends_clause(word: &str) -> bool {
    word.ends_with([',', ';', ':'])
}

fn starts_phrase(words: &[&str], i: usize) -> bool {
    let word = lower(words[i]);
    // "đối với", not "cân đối".
    let whole = word != "đối" || words.get(i + 1).is_some_and(|w| lower(w) == "với");
    i > 0 && whole && roles(&word) & role::PHRASE != 0 && !is_compound(words[i - 1], words[i])
}

/// How a clause that sets a condition or a time limit starts: what it
/// asks only makes sense with the main clause that follows — after "thì",
/// or after the comma that ends it ("Trong thời hạn 7 ngày kể từ …, cấp ủy
/// phải báo cáo …").
const CONDITION_STARTS: &[&str] = &[
    "trường hợp",
    "nếu",
    "khi",
    "trong thời hạn",
    "chậm nhất",
    "sau khi",
    "trước khi",
];

/// Whether a clause's start sets a condition or a time limit that a "thì"
/// or a main clause later answers.
pub(super) fn sets_condition(before: &str) -> bool {
    let lower = before.trim_start().to_lowercase();
    CONDITION_STARTS.iter().any(|c| {
        lower
            .strip_prefix(c)
            .is_some_and(|rest| rest.starts_with(char::is_whitespace))
    }) || lower.contains(", trường hợp")
        || lower.contains(", nếu")
}

/// Where a sentence's subject starts: past a leading adverbial ended by a
/// comma within reach, else at its start.
fn subject_start(words: &[&str]) -> usize {
    let start = words
        .iter()
        .take(3)
        .map(|w| lower(w).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    let adverbial = ADVERBIAL_STARTS.iter().any(|a| {
        start
            .strip_prefix(a)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ',']))
    });
    if !adverbial {
        return 0;
    }
    // To the first comma that a capital follows ("…của Bộ Nội vụ, UBND …")
    // or a clause (five words or more to the next comma: "Trong đó, lực
    // lượng đã tổ chức …"), past the commas of a list ("Về công tác tổ
    // chức, cán bộ, đảng viên, năm 2020, Đại hội …").
    let comma = |i: usize| i < words.len() && ends_clause(words[i - 1]);
    let clause_follows = |i: usize| {
        words[i].starts_with(char::is_uppercase)
            || words[i..]
                .iter()
                .position(|w| ends_clause(w))
                .is_none_or(|p| p >= 4)
    };
    (1..=TAIL_WORDS)
        .find(|&i| comma(i) && clause_follows(i))
        .unwrap_or(0)
}

/// How many of `words` (a subject onwards) a head keeps: to a comma that
/// ends a clause (a capital follows it, or a semicolon), else before a
/// word that starts a phrase or a bracket, else before "và", else
/// [`PLAIN_HEAD_WORDS`] whole words. A comma followed by a small letter is
/// a list's ("chế độ, chính sách"), not the subject's end.
fn head_len(words: &[&str]) -> usize {
    let reach = HEAD_WORDS.min(words.len().saturating_sub(1));
    let clause_end = (3..=reach).find(|&i| {
        words[i - 1].ends_with([';', ':'])
            || (words[i - 1].ends_with(',') && words[i].starts_with(char::is_uppercase))
    });
    let phrase_end = (4..=reach).find(|&i| starts_phrase(words, i) || words[i].starts_with('('));
    let and_end = (4..=reach).find(|&i| words[i] == "và" && !words[i - 1].ends_with(','));
    let mut end = match (clause_end, phrase_end) {
        (Some(c), Some(p)) => c.min(p),
        (Some(e), None) | (None, Some(e)) => e,
        (None, None) => and_end.unwrap_or_else(|| plain_head_len(words)),
    };
    // Nor on a word that leads on ("Ban Thường vụ các …", "nhiệm vụ cần …").
    while end > 3 && roles(&lower(words[end - 1])) & (role::LEADS_ON | role::HEAD_LEADS_ON) != 0 {
        end -= 1;
    }
    end
}

/// The place nearest `target` within `lo..=hi` where a cut falls right
/// before a word of [`role::FUNCTION`] and not right after one; for a text
/// that starts there (`starts`), not before a word of [`role::NOT_FIRST`].
fn phrase_break_near(
    words: &[&str],
    target: usize,
    (lo, hi): (usize, usize),
    starts: bool,
) -> Option<usize> {
    let hi = hi.min(words.len().saturating_sub(1));
    let function = |w: &str| roles(&lower(w)) & role::FUNCTION != 0;
    (lo.max(1)..=hi)
        .filter(|&i| {
            function(words[i])
                && (!starts || roles(&lower(words[i])) & role::NOT_FIRST == 0)
                && !function(words[i - 1])
                && !is_compound(words[i - 1], words[i])
                && !words[i - 1].ends_with(['-', '–', '('])
        })
        .min_by_key(|&i| (i.abs_diff(target), std::cmp::Reverse(i)))
}

/// [`PLAIN_HEAD_WORDS`], or up to three more, so as not to end inside a
/// word of two syllables ("đơn vị hành | chính") nor a name ("Bộ | Nội vụ").
fn plain_head_len(words: &[&str]) -> usize {
    if let Some(end) = phrase_break_near(words, PLAIN_HEAD_WORDS, (5, HEAD_WORDS), false) {
        return end;
    }
    // Else at a comma, even a list's ("Rà soát để mở rộng phạm vi, đối |
    // tượng" split a word).
    if let Some(end) = (4..=(HEAD_WORDS + 1).min(words.len().saturating_sub(1)))
        .rev()
        .find(|&i| ends_clause(words[i - 1]))
    {
        return end;
    }
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let mut end = PLAIN_HEAD_WORDS.min(words.len());
    while end < PLAIN_HEAD_WORDS + 3
        && end + 1 < words.len()
        && !ends_clause(words[end - 1])
        && (is_compound(words[end - 1], words[end])
            || (capital(words[end - 1]) && capital(words[end])))
    {
        end += 1;
    }
    end
}

/// Where the words kept before a blank start: the farthest of the first
/// comma within [`PLAIN_TAIL_WORDS`] and the first word within
/// [`TAIL_WORDS`] that starts a phrase and keeps [`MIN_TAIL_WORDS`], else
/// [`PLAIN_TAIL_WORDS`] back; never inside a word of two syllables ("…
/// hiện tốt" for "thực hiện"), nor between a number and what it counts
/// ("… tỷ đồng" for "100 tỷ đồng").
fn tail_start(words: &[&str], not_before: usize) -> usize {
    // The blank's own clause after a semicolon, when short enough to show
    // whole: "…; nợ công, nợ Chính phủ … có thể đến ngưỡng cảnh báo khoảng
    // ___" — not the end of the clause before it fused with this one's
    // tail (a trainer read "bội chi … 5% GDP").
    if let Some(own) = (not_before.max(1)..words.len())
        .rev()
        .find(|&i| words[i - 1].ends_with(';'))
        // A clause, not an item of a list run on with semicolons ("…; 5
        // định hướng lớn; ___ khâu đột phá"), whose context is before it.
        .filter(|&i| (MIN_OWN_CLAUSE_WORDS..=OWN_CLAUSE_WORDS).contains(&(words.len() - i)))
    {
        return own;
    }
    let plain = words.len().saturating_sub(PLAIN_TAIL_WORDS).max(not_before);
    let after_comma = (plain..words.len()).find(|&i| i > 0 && ends_clause(words[i - 1]));
    let reach = words.len().saturating_sub(TAIL_WORDS).max(not_before);
    let at_phrase =
        (reach..words.len().saturating_sub(MIN_TAIL_WORDS - 1)).find(|&i| starts_phrase(words, i));
    let mut start = match (after_comma, at_phrase) {
        (Some(c), Some(p)) => c.min(p),
        (Some(s), None) | (None, Some(s)) => s,
        (None, None) => phrase_break_near(
            words,
            plain,
            (reach, words.len().saturating_sub(MIN_TAIL_WORDS + 2)),
            true,
        )
        .filter(|&i| i >= not_before)
        .unwrap_or(plain),
    };
    // Back to a term's start, three steps at most ("đơn vị hành | chính").
    for _ in 0..3 {
        if start > not_before + 2 && is_compound(words[start - 1], words[start]) {
            start -= 1;
        }
    }
    let count = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            && w.ends_with(|c: char| c.is_alphanumeric() || c == '%')
    };
    if start > not_before + 2
        && count(words[start - 1])
        && !matches!(words[start - 2], "ngày" | "tháng" | "năm" | "số")
    {
        start -= 1;
    }
    start
}

/// What stands before a blank: the whole of it up to [`MAX_BEFORE_WORDS`]
/// (and two more); a longer one keeps its subject (see [`head_len`]) and
/// the phrase right before the blank (see [`tail_start`]), with "…" for
/// what is left out.
pub(super) fn shorten_before(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= MAX_BEFORE_WORDS + 2 {
        return text.to_string();
    }
    let subject = subject_start(&words);
    let head_end = subject + head_len(&words[subject..]);
    let start = tail_start(&words, head_end + 2);
    let mut head = words[subject..head_end]
        .join(" ")
        .trim_end_matches([',', ';', ':'])
        .to_string();
    if subject > 0 {
        head = capitalised(&head);
    }
    let kept = words[start..].join(" ");
    let ends_with_space = text.ends_with(char::is_whitespace);
    format!("{head} … {kept}{}", if ends_with_space { " " } else { "" })
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The start of `text` (what follows a blank): up to [`MAX_AFTER_WORDS`],
/// to a comma within them; but after a `condition` ("Trường hợp sắp xếp
/// từ ___ đơn vị …"), through the "thì …" that says what follows from it,
/// up to ten words more.
pub(super) fn shorten_after(text: &str, condition: bool) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= MAX_AFTER_WORDS {
        return text.to_string();
    }
    let comma = (0..MAX_AFTER_WORDS)
        .rev()
        .find(|&i| i > 0 && words[i].ends_with([',', ';']))
        .map(|i| i + 1);
    // Else before a word that starts a phrase; else not inside a word of
    // two syllables or a name ("các Nghị | quyết", "Cảnh | sát biển"): one
    // word more, or one less.
    let mut end = comma
        .or_else(|| {
            phrase_break_near(
                &words,
                MAX_AFTER_WORDS,
                (MAX_AFTER_WORDS - 5, MAX_AFTER_WORDS + 2),
                false,
            )
        })
        .unwrap_or_else(|| whole_words_end(&words, MAX_AFTER_WORDS));
    let reach = (MAX_AFTER_WORDS + 10).min(words.len());
    let starts_with_space = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    if condition {
        match consequence(&words) {
            // Already shown, or near: shown whole, through what follows
            // from the blank.
            Some((_, consequence_end)) if consequence_end <= end => {}
            Some((then, _)) if then < reach => {
                let near_end = (then + 2..reach)
                    .find(|&i| words[i - 1].ends_with([',', ';', '.']))
                    .unwrap_or_else(|| whole_words_end(&words, reach));
                if near_end >= then + 3 {
                    end = end.max(near_end);
                }
            }
            // Far ("Nếu có từ ___ đảng viên … thì đảng ủy … ra quyết
            // định …"): the blank's own phrase, "…", and the consequence.
            Some((then, consequence_end)) if then > OWN_PHRASE_WORDS + 2 => {
                let own = own_phrase_end(&words);
                let kept = words[..own].join(" ");
                let consequence = words[then..consequence_end].join(" ");
                let more = if consequence_end < words.len() {
                    "…"
                } else {
                    ""
                };
                return format!(
                    "{starts_with_space}{} … {}{more}",
                    kept.trim_end_matches([',', ';', ':']),
                    if more.is_empty() {
                        consequence.as_str()
                    } else {
                        consequence.trim_end_matches([',', ';', ':', '.'])
                    }
                );
            }
            Some(_) => {}
            None => {
                // No "thì": the main clause follows the comma that ends the
                // condition ("… kể từ ngày bế mạc đại hội, cấp ủy khoá mới
                // phải báo cáo …"), when it is in reach.
                if end < words.len()
                    && words[end - 1].ends_with(',')
                    && words[end].starts_with(char::is_lowercase)
                {
                    let limit = (end + CONSEQUENCE_WORDS).min(reach);
                    end = (end + 3..=limit)
                        .find(|&i| i == words.len() || words[i - 1].ends_with([',', ';', ':', '.']))
                        .unwrap_or_else(|| whole_words_end(&words, limit));
                }
            }
        }
    }
    if end >= words.len() {
        return text.to_string();
    }
    let kept = words[..end].join(" ");
    let kept = kept.trim_end_matches([',', ';', ':']);
    format!("{starts_with_space}{kept}…")
}

/// The most words of a consequence shown after its "thì".
const CONSEQUENCE_WORDS: usize = 14;

/// The most words of the blank's own phrase kept before a far consequence.
const OWN_PHRASE_WORDS: usize = 12;

/// Where the "thì" that answers a condition stands in the same sentence,
/// and where the consequence it starts ends: at a semicolon, colon or full
/// stop within [`CONSEQUENCE_WORDS`], else at its last comma there, else
/// before a function word near there. `None` when there is no "thì", or
/// it answers another condition: one after a semicolon when the blank's
/// own condition already had a comma (its main clause) before it ("A, cơ
/// quan X phải …; trường hợp B thì …" — but "trong thời hạn A; trong thời
/// hạn B, thì …" share theirs).
fn consequence(words: &[&str]) -> Option<(usize, usize)> {
    let mut comma = false;
    let mut then = None;
    for (i, word) in words.iter().enumerate().take(60) {
        if *word == "thì" {
            then = Some(i);
            break;
        }
        if word.ends_with('.') || (word.ends_with(';') && comma) {
            return None;
        }
        comma |= word.ends_with(',');
    }
    let then = then?;
    let limit = (then + 1 + CONSEQUENCE_WORDS).min(words.len());
    let stop = |i: usize| i == words.len() || words[i - 1].ends_with([';', '.', ':']);
    let end = (then + 3..=limit)
        .find(|&i| stop(i))
        .or_else(|| {
            (then + 4..=limit)
                .rev()
                .find(|&i| words[i - 1].ends_with(','))
        })
        .or_else(|| phrase_break_near(words, limit, (then + 5, limit), false))
        .unwrap_or_else(|| whole_words_end(words, limit));
    (end >= then + 3).then_some((then, end))
}

/// The end of the phrase a blank stands in, before a far consequence: to
/// its first comma within [`OWN_PHRASE_WORDS`] and four more, else before a function
/// word near there, else that many whole words.
fn own_phrase_end(words: &[&str]) -> usize {
    (3..=(OWN_PHRASE_WORDS + 4).min(words.len()))
        .find(|&i| words[i - 1].ends_with([',', ';']))
        .or_else(|| {
            phrase_break_near(
                words,
                OWN_PHRASE_WORDS,
                (OWN_PHRASE_WORDS - 4, OWN_PHRASE_WORDS + 2),
                false,
            )
        })
        .unwrap_or_else(|| whole_words_end(words, OWN_PHRASE_WORDS.min(words.len())))
}

/// Where to end a run of `words` at or near `end` without cutting a
/// two-syllable word or a capitalised name: one word more, else one less.
pub(super) fn whole_words_end(words: &[&str], end: usize) -> usize {
    let cuts = |e: usize| {
        e > 0
            && e < words.len()
            && !words[e - 1].ends_with([',', ';', ':', '.'])
            && (is_compound(words[e - 1], words[e])
                || (words[e - 1].starts_with(char::is_uppercase)
                    && words[e].starts_with(char::is_uppercase)))
    };
    let mut end = if !cuts(end) {
        end
    } else if !cuts(end + 1) {
        end + 1
    } else if end > 1 && !cuts(end - 1) {
        end - 1
    } else {
        end
    };
    // Nor on a word that leads on ("… chỉ đạo của…", "kinh tế -…").
    while end > 1 && end < words.len() && roles(words[end - 1]) & role::LEADS_ON != 0 {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filler(n: usize) -> String {
        vec!["việc"; n].join(" ")
    }

    #[test]
    fn a_head_skips_a_leading_adverbial_and_ends_with_its_subject() {
        let before = format!(
            "Theo báo cáo của Sở Nội vụ, Ủy ban nhân dân của 12 huyện (nơi có trụ sở) {} đã phối hợp với các xã lập đề án nhập ",
            filler(12)
        );
        let shown = shorten_before(&before);
        assert!(
            shown.starts_with("Ủy ban nhân dân của 12 huyện … "),
            "{shown}"
        );
        assert!(shown.ends_with("với các xã lập đề án nhập "), "{shown}");
    }

    #[test]
    fn an_adverbial_with_a_list_in_it_is_skipped_whole() {
        let before = format!(
            "Theo báo cáo về tổ chức, cán bộ, đoàn viên, năm nay, Đại hội Chi đoàn {} đã bầu ",
            filler(20)
        );
        assert!(shorten_before(&before).starts_with("Đại hội Chi đoàn … "));
        let short = format!("Trong đó, lực lượng cứu hộ {} đã cứu ", filler(22));
        assert!(shorten_before(&short).starts_with("Lực lượng cứu hộ … "));
    }

    #[test]
    fn a_comma_in_a_list_does_not_end_the_head() {
        // "chế độ, chính sách" is one list, not the subject and a clause.
        let before = format!(
            "Giữ nguyên chế độ, chính sách tiền lương và phụ cấp của người lao động {} tại các hợp tác xã trong thời gian ",
            filler(12)
        );
        let shown = shorten_before(&before);
        assert!(
            shown.starts_with("Giữ nguyên chế độ, chính sách tiền lương … "),
            "{shown}"
        );
        assert!(shown.contains("trong thời gian "), "{shown}");
    }

    #[test]
    fn a_head_ends_before_its_sentence_says_where_or_for_whom() {
        let before = format!(
            "Quỹ khuyến học tặng một lần cho các trường {} với mức hỗ trợ cho mỗi em học sinh nghèo là ",
            filler(20)
        );
        let shown = shorten_before(&before);
        assert!(
            shown.starts_with("Quỹ khuyến học tặng một lần … với mức"),
            "{shown}"
        );
    }

    #[test]
    fn a_condition_or_a_scope_is_never_skipped() {
        let before = format!(
            "Khi có đủ hồ sơ, Ban quản lý {} cấp giấy trong ",
            filler(25)
        );
        assert!(shorten_before(&before).starts_with("Khi có đủ hồ sơ"));
        let before = format!("Tại Đại hội lần thứ V, Ban Chấp hành {} có ", filler(25));
        assert!(shorten_before(&before).starts_with("Tại Đại hội lần thứ V"));
    }

    #[test]
    fn a_cut_with_no_comma_falls_before_a_word_that_starts_a_phrase() {
        // "cân | đối" is in no list of compounds: the cut falls before "với".
        let before = "Quỹ học bổng tỉnh chi trả học phí một lần hằng năm theo danh sách \
                      các trường gửi lên nhận bổ sung cân đối ngân sách với định mức ";
        let words: Vec<&str> = before.split_whitespace().collect();
        let start = tail_start(&words, 10);
        assert!(
            matches!(words[start], "các" | "với" | "theo"),
            "{}",
            words[start..].join(" ")
        );
        let after = format!(" {} xử lý tốc độ cao trong các trường", filler(17));
        assert!(
            shorten_after(&after, false).ends_with(" tốc độ cao…"),
            "{}",
            shorten_after(&after, false)
        );
    }

    #[test]
    fn a_short_text_is_shown_whole() {
        let before = format!("Hội đồng trường {} trong vòng ", filler(20));
        assert_eq!(shorten_before(&before), before);
        let after = " ngày kể từ khi nhận đủ hồ sơ";
        assert_eq!(shorten_after(after, false), after);
    }

    #[test]
    fn what_follows_from_the_blank_is_kept() {
        let after = format!(
            " thôn {} trở lên, xã mới thì không phải lập đề án riêng, mà {}",
            filler(12),
            filler(10)
        );
        let shown = shorten_after(&after, true);
        assert!(
            shown.ends_with("thì không phải lập đề án riêng…"),
            "{shown}"
        );
        // Not where nothing set a condition: the "thì" is another clause's.
        assert!(!shorten_after(&after, false).contains("thì"));
    }

    #[test]
    fn a_tail_does_not_start_inside_a_term_of_three_syllables() {
        let before = format!(
            "Giám đốc Sở Nội vụ cho biết, {} và các đơn vị hành chính hình thành sau sắp xếp chính thức hoạt động từ ngày ",
            filler(20)
        );
        let shown = shorten_before(&before);
        assert!(!shown.contains("… vị"), "{shown}");
        assert!(!shown.contains("… hành chính"), "{shown}");
    }

    #[test]
    fn a_blank_after_a_semicolon_keeps_its_own_clause() {
        let before = format!(
            "Trường hợp cần thiết, nâng mức chi thường xuyên của quỹ lên khoảng 4% {}; \
             số dư nợ, số nợ quá hạn của các chi hội có thể vượt mức cảnh báo khoảng ",
            filler(10)
        );
        let shown = shorten_before(&before);
        assert!(
            shown.ends_with(
                " … số dư nợ, số nợ quá hạn của các chi hội có thể vượt mức cảnh báo khoảng "
            ),
            "{shown}"
        );
        // An item of a list run on with semicolons is not a clause: its
        // context stands before it.
        let list = format!(
            "Ban chấp hành hội {} đã thông qua 20 chỉ tiêu chủ yếu đến năm 2030; 5 định hướng lớn; ",
            filler(20)
        );
        let shown = shorten_before(&list);
        assert!(
            shown.contains("chỉ tiêu chủ yếu đến năm 2030; 5 định hướng lớn; "),
            "{shown}"
        );
    }

    #[test]
    fn a_far_consequence_is_shown_after_the_blanks_own_phrase() {
        // "Nếu có từ ___ đảng viên … để học theo lớp…" hid what follows
        // from the number (a trainer's reading, 2026-12-03).
        let before = "Nếu có từ ";
        assert!(sets_condition(before));
        let after = format!(
            " hội viên trở lên cùng đến sinh hoạt ở câu lạc bộ {} thì ban điều hành nơi đến lập một nhóm sinh hoạt riêng, {}.",
            filler(30),
            filler(8)
        );
        let shown = shorten_after(&after, true);
        assert!(
            shown.starts_with(" hội viên trở lên cùng đến sinh hoạt"),
            "{shown}"
        );
        assert!(
            shown.ends_with(" … thì ban điều hành nơi đến lập một nhóm sinh hoạt riêng…"),
            "{shown}"
        );
        assert!(shown.split_whitespace().count() <= 26, "{shown}");
        // Conditions in a row share their "thì" ("khi A; khi B thì …").
        let shared = format!(
            " hội viên trở lên {}; khi có người đến {} thì ban điều hành lập nhóm riêng.",
            filler(10),
            filler(20)
        );
        assert!(
            shorten_after(&shared, true).ends_with(" … thì ban điều hành lập nhóm riêng."),
            "{}",
            shorten_after(&shared, true)
        );
        // But a "thì" after a condition that had its main clause is
        // another condition's.
        let other = format!(
            " hội viên trở lên, ban điều hành báo cáo {}; trường hợp khác thì ban điều hành quyết định.",
            filler(30)
        );
        assert!(!shorten_after(&other, true).contains("thì"));
    }

    #[test]
    fn a_time_limit_keeps_the_main_clause_after_its_comma() {
        let before = "Trong thời hạn ";
        assert!(sets_condition(before));
        assert!(!sets_condition("Trong năm "));
        let after = format!(
            " ngày kể từ ngày bế mạc hội nghị, ban chấp hành mới phải gửi báo cáo lên cấp trên: {}",
            filler(20)
        );
        let shown = shorten_after(&after, true);
        assert_eq!(
            shown,
            " ngày kể từ ngày bế mạc hội nghị, ban chấp hành mới phải gửi báo cáo lên cấp trên…"
        );
        // Without a condition the comma ends what is shown.
        assert_eq!(
            shorten_after(&after, false),
            " ngày kể từ ngày bế mạc hội nghị…"
        );
    }

    #[test]
    fn a_shortened_text_never_starts_between_a_number_and_what_it_counts() {
        // "… tỷ đồng cho mỗi tỉnh" hid the very figure of the sentence (a
        // trainer's reading, 2026-12-03); a date's number is no count.
        let before = format!(
            "Quỹ của huyện hỗ trợ một lần cho các xã {} theo định mức 120 tỷ đồng mỗi trường học ở các thôn bản và ",
            filler(14)
        );
        let shown = shorten_before(&before);
        assert!(shown.contains(" … "), "{shown}");
        assert!(shown.contains("… theo định mức 120 tỷ đồng"), "{shown}");
        let plain = format!(
            "Quỹ của huyện hỗ trợ một lần cho các xã {} 120 tỷ đồng hỗ trợ trường học ở thôn bản xa và ",
            filler(14)
        );
        assert!(
            shorten_before(&plain).contains("… 120 tỷ đồng"),
            "{}",
            shorten_before(&plain)
        );
        let dated = format!(
            "Hồ sơ của huyện gửi trước ngày 30 tháng 6 năm 2025 {} để kịp họp đầu tháng và ",
            filler(14)
        );
        assert!(!shorten_before(&dated).contains("… 6 năm"));
    }

    #[test]
    fn a_shortened_text_ends_on_a_whole_word_that_does_not_lead_on() {
        let words: Vec<&str> = "ban hành các Nghị định hướng dẫn của Chính phủ"
            .split(' ')
            .collect();
        // "các Nghị | định": one word more.
        assert_eq!(whole_words_end(&words, 4), 5);
        // Not on "của"; not inside "Chính | phủ".
        assert_eq!(whole_words_end(&words, 8), 7);
        assert_eq!(whole_words_end(&words, 9), 10);
        // A clean place stays.
        assert_eq!(whole_words_end(&words, 2), 2);
    }
}
