//! The Vietnamese of generated questions: casing and word tests shared by
//! every question family.

use crate::numbers::format_number;
use crate::text::{Fold, fold};

pub(super) fn same(a: &str, b: &str) -> bool {
    // The two spellings of a tone take as many bytes ("uỷ", "ủy").
    crate::text::eq_folded(a, b, Fold::Case) || (a.len() == b.len() && name_key(a) == name_key(b))
}

/// A name as compared with another: folded, and its tones where today's
/// spelling puts them — "Đảng uỷ Chính phủ" and "Đảng ủy Chính phủ", both
/// in one real text, are one body.
pub(super) fn name_key(name: &str) -> String {
    let folded = fold(name, Fold::Case);
    let mut out = String::with_capacity(folded.len());
    for word in folded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&crate::vocabulary::modern_tones(word));
    }
    out
}

/// The most pairs in a generated matching question.
pub(super) const MAX_MATCHING_PAIRS: usize = 6;

/// Whether `word` stands in `text` as whole words (so "5" is not in "2025").
pub(super) fn contains_words(text: &str, word: &str) -> bool {
    Folded::new(text).contains_words(word)
}

/// A text folded once, for [`contains_words`] asked of it many times (a
/// sentence against every name of the document).
pub(super) struct Folded(String);

impl Folded {
    pub fn new(text: &str) -> Self {
        Self(fold(text, Fold::Case))
    }

    /// A text to look for names in, whichever way their tones are placed.
    pub fn names(text: &str) -> Self {
        Self(name_key(text))
    }

    /// Whether the name stands in a text made by [`Folded::names`].
    pub fn contains_names(&self, name: &str) -> bool {
        self.contains_words(&name_key(name))
    }

    /// [`contains_words`] of the text this was made from.
    pub fn contains_words(&self, word: &str) -> bool {
        self.contains_folded(&fold(word, Fold::Case))
    }

    /// Whether `word`, already folded the way this text was, stands in it
    /// as whole words.
    pub fn contains_folded(&self, word: &str) -> bool {
        let text = &self.0;
        text.match_indices(&word).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
    }
}

/// Nouns written with a capital wherever they stand.
pub(super) const PROPER_STARTS: &[&str] = &[
    "Đại hội",
    "Nghị quyết",
    "Đảng",
    "Thành ủy",
    "Tỉnh ủy",
    "Chính phủ",
    "Quốc hội",
    "Thủ đô",
    "Trung ương",
    "Nhà nước",
    "Hội nghị",
    "Ban",
    "Bộ",
    "Ủy ban",
    "UBND",
    "HĐND",
    "Thủ tướng",
    "Chủ tịch",
    "Bí thư",
    "Mặt trận",
];

/// A phrase as it reads inside a sentence: "Mục tiêu tổng quát" → "mục tiêu
/// tổng quát", but "Đại hội đại biểu …" and names keep their capitals.
pub(super) fn inner_case(s: &str) -> String {
    let proper = PROPER_STARTS.iter().any(|p| s.starts_with(p))
        || s.split_whitespace()
            .nth(1)
            .is_some_and(|w| w.starts_with(char::is_uppercase));
    if proper {
        s.to_string()
    } else {
        lowercase_first(s)
    }
}

pub(super) fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub(super) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The number as the phrase writes it ("12.000" in "gần 12.000 cán bộ").
pub(super) fn number_in_phrase(phrase: &str, n: f64) -> String {
    phrase
        .split_whitespace()
        .find(|w| crate::numbers::parse_number(w) == Some(n))
        .map(str::to_string)
        .unwrap_or_else(|| format_number(n))
}

pub(super) use crate::vocabulary::is_compound;

/// Whether every place `part` stands in `quote` starts in the middle of a
/// two-syllable word ("tế - xã hội" in "phát triển kinh tế - xã hội").
pub(super) fn starts_inside_word(quote: &str, part: &str) -> bool {
    let part = part.trim_matches(['“', '”', '"', ' ']);
    let Some(first) = part.split_whitespace().next() else {
        return false;
    };
    let mut found = false;
    for (at, _) in quote.match_indices(part) {
        found = true;
        let before = quote[..at].split_whitespace().next_back().unwrap_or("");
        let glued = quote[..at].ends_with(|c: char| !c.is_whitespace());
        if glued || !is_compound(before, first) {
            return false;
        }
    }
    found
}

/// Whether every place `part` stands in `quote` ends in the middle of a
/// two-syllable word ("cải cách hành" in "cải cách hành chính").
pub(super) fn ends_inside_word(quote: &str, part: &str) -> bool {
    let part = part.trim_matches(['“', '”', '"', ' ']);
    let Some(last) = part.split_whitespace().next_back() else {
        return false;
    };
    let mut found = false;
    for (at, _) in quote.match_indices(part) {
        found = true;
        let rest = &quote[at + part.len()..];
        let after = rest.split_whitespace().next().unwrap_or("");
        let glued = rest.starts_with(|c: char| !c.is_whitespace());
        // A name goes on while its words are capitalised: "Tư lệnh Cảnh | sát",
        // "Bộ Tư lệnh | Thủ đô".
        let capital = |w: &str| w.starts_with(char::is_uppercase);
        let name_goes_on = capital(last) && capital(after) && !last.ends_with([',', '.', ';', ':']);
        if glued || !(is_compound(last, after) || name_goes_on) {
            return false;
        }
    }
    found
}

/// How a qualifier bounds its figure, and so where distractors may lie.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Bound {
    /// "trên 20", "ít nhất 5": a smaller figure would be as true, so
    /// distractors are larger.
    Floor,
    /// "không quá 30", "dưới 50%": distractors are smaller.
    Ceiling,
    /// "khoảng 60%": distractors are kept apart from it.
    Rounding,
}

/// The bound a qualifier sets; `None` for a plain figure.
pub(super) fn bound_of(qualifier: &str) -> Option<Bound> {
    let q = qualifier.trim().to_lowercase();
    if q.is_empty() {
        return None;
    }
    let floors = [
        "không ít hơn",
        "không dưới",
        "ít nhất",
        "tối thiểu",
        "hơn",
        "trên",
        "từ",
    ];
    let ceilings = [
        "không vượt quá",
        "không quá",
        "tối đa",
        "dưới",
        "chưa đến",
        "chưa tới",
    ];
    Some(if floors.contains(&q.as_str()) {
        Bound::Floor
    } else if ceilings.contains(&q.as_str()) {
        Bound::Ceiling
    } else {
        // "khoảng", "gần", "xấp xỉ", "trên dưới".
        Bound::Rounding
    })
}

impl Bound {
    /// Whether a figure moved by `delta` from the true one is false under
    /// this bound (`size` is the true figure's size).
    pub(super) fn leaves_false(self, delta: f64, size: f64) -> bool {
        match self {
            Bound::Floor => delta > 0.0,
            Bound::Ceiling => delta < 0.0,
            Bound::Rounding => delta.abs() >= 0.1 * size.abs().max(1.0),
        }
    }
}

/// Lengths of time a rule or a plan gives, as they are written: a deadline
/// of 30 days is never 28 or 31 in a real text.
const NATURAL_DAYS: &[f64] = &[
    1.0, 2.0, 3.0, 5.0, 7.0, 10.0, 15.0, 20.0, 25.0, 30.0, 45.0, 60.0, 90.0, 120.0, 180.0,
];
const NATURAL_MONTHS: &[f64] = &[1.0, 2.0, 3.0, 6.0, 9.0, 12.0, 18.0, 24.0, 36.0, 48.0, 60.0];
const NATURAL_YEARS: &[f64] = &[1.0, 2.0, 3.0, 5.0, 7.0, 10.0, 15.0, 20.0, 25.0, 30.0];

/// Figures that read as naturally as `n` in `unit` ("ngày", "tháng", "%",
/// "đảng viên"), for distractors: a round figure among odd ones gives
/// itself away ("30 ngày" among 28, 31, 35; "400" among 320 and 480). The
/// neighbours of a usual length of time, or the figures a round step away
/// (400 → 200, 300, 500, 600); `None` when `n` is not round.
pub(super) fn natural_alternatives(n: f64, unit: &str) -> Option<Vec<f64>> {
    if n.fract() != 0.0 || n <= 0.0 {
        return None;
    }
    let first = unit.split_whitespace().next().unwrap_or("");
    let usual = match fold(first, Fold::Case).as_str() {
        "ngày" => Some(NATURAL_DAYS),
        "tháng" => Some(NATURAL_MONTHS),
        "năm" if n <= 30.0 => Some(NATURAL_YEARS),
        _ => None,
    };
    if let Some(usual) = usual.filter(|u| u.contains(&n)) {
        let at = usual.iter().position(|u| *u == n)?;
        let below = usual[..at].iter().rev().take(3);
        let above = usual[at + 1..].iter().take(3);
        return Some(below.chain(above).copied().collect());
    }
    // The largest round step (5, 10, 20, 50, 100, …) that divides `n` and
    // leaves it three steps above zero: 400 → 100, 100.000 → 20.000, 45 → 5.
    if n % 5.0 != 0.0 {
        return None;
    }
    let step = (0..12)
        .flat_map(|k| [5.0, 10.0, 20.0].map(|m| m * 10f64.powi(k)))
        .rfind(|s| n % s == 0.0 && n >= 3.0 * s)?;
    let out: Vec<f64> = [-3.0, -2.0, -1.0, 1.0, 2.0, 3.0]
        .iter()
        .map(|k| n + k * step)
        // Not 100% beside a share: "giảm 100%" is absurd, and "all" is a
        // guess.
        .filter(|d| *d > 0.0 && (unit != "%" || n >= 100.0 || *d < 100.0))
        .collect();
    Some(out)
}

/// Up to `n` of `pool` (wrong values, each below or above the answer as
/// `below` says), drawn so that where the answer stands among the choices
/// in order is even over the places it can take: a learner who always
/// picks a middle value gains nothing (before this the answer was
/// second-lowest in 46% of the corpus's number questions, and lowest or
/// highest in 28%).
pub(super) fn around_answer<T>(
    pool: Vec<T>,
    below: impl Fn(&T) -> bool,
    n: usize,
    rng: &mut rand::rngs::StdRng,
) -> Vec<T> {
    use rand::RngExt;
    use rand::seq::SliceRandom;
    let (mut lower, mut higher): (Vec<T>, Vec<T>) = pool.into_iter().partition(|x| below(x));
    lower.shuffle(rng);
    higher.shuffle(rng);
    let wanted = n.min(lower.len() + higher.len());
    let ranks: Vec<usize> = (0..=wanted)
        .filter(|&r| r <= lower.len() && wanted - r <= higher.len())
        .collect();
    let rank = ranks[rng.random_range(0..ranks.len())];
    lower.truncate(rank);
    higher.truncate(wanted - rank);
    lower.append(&mut higher);
    lower
}

/// `distractors` of figure `n` that a bound leaves false, topped up with
/// figures further out, at most three.
pub(super) fn bounded_distractors(n: f64, bound: Option<Bound>, distractors: &[f64]) -> Vec<f64> {
    let Some(bound) = bound else {
        return distractors.to_vec();
    };
    let keeps = |d: f64| d > 0.0 && bound.leaves_false(d - n, n);
    let mut out: Vec<f64> = distractors.iter().copied().filter(|d| keeps(*d)).collect();
    // Same precision as the figure: whole numbers stay whole.
    let whole = n.fract() == 0.0;
    let round = |d: f64| {
        if whole {
            d.round()
        } else {
            (d * 10.0).round() / 10.0
        }
    };
    let factors: &[f64] = match bound {
        Bound::Floor => &[1.5, 2.0, 3.0],
        Bound::Ceiling => &[0.5, 0.25, 0.75],
        Bound::Rounding => &[0.5, 1.5, 2.0],
    };
    for f in factors {
        let d = round(n * f);
        if out.len() < 3 && keeps(d) && d != n && !out.contains(&d) {
            out.push(d);
        }
    }
    out.truncate(3);
    out.sort_by(f64::total_cmp);
    out
}

/// Kinds of document that call themselves "<kind> này" ("Luật này có hiệu
/// lực …"), with whether what follows the kind in a title is a name
/// ("Luật An ninh mạng") rather than a subject ("Nghị quyết về …").
const SELF_NAMING_KINDS: &[(&str, bool)] = &[
    ("Bộ luật", true),
    ("Luật", true),
    ("Pháp lệnh", true),
    ("Nghị quyết", false),
    ("Nghị định", false),
    ("Quy định", false),
    ("Quyết định", false),
    ("Kết luận", false),
    ("Chỉ thị", false),
    ("Thông tư", false),
];

/// A document name longer than this makes a question longer than its point:
/// such a document stays "Nghị quyết này".
const MAX_OWN_NAME_WORDS: usize = 24;

/// How a document refers to itself and the name a question shown on its own
/// uses instead: "Luật này" → "Luật An ninh mạng". A question read away from
/// the text cannot tell which law "Luật này" is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct OwnName {
    /// "Luật này".
    pub this: String,
    /// "Luật An ninh mạng".
    pub name: String,
}

/// The name a document's title gives it, when the title is "<kind> <name>"
/// ("LUẬT AN NINH MẠNG", "NGHỊ QUYẾT Về việc sắp xếp …"). A title in capitals
/// takes its casing from where the body writes the same words ("Điều lệ
/// Đảng"), else lower case.
pub(super) fn own_name(title: &str, body: &[crate::document::Block]) -> Option<OwnName> {
    let title = title.trim();
    let folded_title = fold(title, Fold::Case);
    let (kind, is_name, rest) = SELF_NAMING_KINDS.iter().find_map(|(kind, is_name)| {
        let folded_kind = fold(kind, Fold::Case);
        let rest = folded_title.strip_prefix(&folded_kind)?;
        // The same number of bytes: case folding keeps a Vietnamese
        // letter's length, and a title where it does not is left alone.
        (rest.starts_with(' ') && folded_title.len() == title.len())
            .then(|| (*kind, *is_name, &title[title.len() - rest.len()..]))
    })?;
    let tail = rest
        .trim()
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')');
    let words = tail.split_whitespace().count();
    if words == 0 || words > MAX_OWN_NAME_WORDS || !tail.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let tail = tail.split_whitespace().collect::<Vec<_>>().join(" ");
    let in_capitals = !tail.chars().any(char::is_lowercase);
    let tail = if in_capitals {
        written_in(body, &tail).unwrap_or_else(|| tail.to_lowercase())
    } else {
        tail
    };
    let tail = if is_name {
        capitalise(&tail)
    } else {
        lowercase_first(&tail)
    };
    Some(OwnName {
        this: format!("{kind} này"),
        name: format!("{kind} {tail}"),
    })
}

/// `phrase` as the first block that writes it in other than capitals has it.
fn written_in(body: &[crate::document::Block], phrase: &str) -> Option<String> {
    let needle = fold(phrase, Fold::Case);
    body.iter().find_map(|block| {
        let text = crate::text::FoldedText::new(&block.text, Fold::Case);
        text.folded.match_indices(&needle).find_map(|(at, _)| {
            let range = text.original_range(at..at + needle.len());
            let found = block.text.get(range.clone())?;
            let words_whole = block.text[..range.start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            (words_whole && found.chars().any(char::is_lowercase)).then(|| found.to_string())
        })
    })
}

/// `text` with the document's "<kind> này" replaced by its name, where the
/// words stand whole.
pub(super) fn with_own_name(text: &str, own: &OwnName) -> Option<String> {
    let mut out = String::new();
    let mut last = 0;
    for (at, _) in text.match_indices(&own.this) {
        let before = text[..at].chars().next_back();
        let after = text[at + own.this.len()..].chars().next();
        if before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
        {
            out.push_str(&text[last..at]);
            out.push_str(&own.name);
            last = at + own.this.len();
        }
    }
    (last > 0).then(|| {
        out.push_str(&text[last..]);
        out
    })
}

/// A question with the document's "<kind> này" named, in its prompt and
/// in the text around its blanks (its quote stays the document's words).
pub(super) fn name_own_document(q: &mut crate::quiz::Question, own: &OwnName) {
    if let Some(prompt) = with_own_name(&q.prompt, own) {
        q.prompt = prompt;
    }
    if let crate::quiz::Answer::FillBlank { text, .. } = &mut q.answer
        && let Some(named) = with_own_name(text, own)
    {
        *text = named;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::tests::{generated, markdown_doc};
    use crate::quiz::Answer;

    #[test]
    fn a_document_that_says_this_law_is_named_by_its_title() {
        // A title in capitals takes its casing from the body; a law's name is
        // capitalised, a resolution's subject is not.
        let doc = markdown_doc(
            "# LUẬT QUẢN LÝ VƯỜN ƯƠM CÂY GIỐNG\n\n\
             Luật này quy định việc quản lý vườn ươm cây giống của Nhà nước.\n",
        );
        let own = own_name(&doc.meta.title, &doc.blocks).unwrap();
        assert_eq!(own.this, "Luật này");
        assert_eq!(own.name, "Luật Quản lý vườn ươm cây giống");
        let own = own_name("NGHỊ QUYẾT Về việc trồng cây ở các xã ven sông", &[]).unwrap();
        assert_eq!(own.name, "Nghị quyết về việc trồng cây ở các xã ven sông");
        assert_eq!(own.this, "Nghị quyết này");
        // Not a document's own kind, a kind with nothing after it, or a name
        // longer than its point.
        assert_eq!(own_name("Hội nghị cán bộ toàn tỉnh", &[]), None);
        assert_eq!(own_name("QUY ĐỊNH", &[]), None);
        let long = format!("Nghị quyết về {}", "việc trồng cây ".repeat(9));
        assert_eq!(own_name(&long, &[]), None);
        // Only the whole words, and only the document's own kind.
        let own = OwnName {
            this: "Luật này".into(),
            name: "Luật Vườn ươm".into(),
        };
        assert_eq!(
            with_own_name("kể từ ngày Luật này có hiệu lực, Luật nàyx", &own).as_deref(),
            Some("kể từ ngày Luật Vườn ươm có hiệu lực, Luật nàyx")
        );
        assert_eq!(with_own_name("Nghị định này và Điều này", &own), None);
    }

    #[test]
    fn a_question_on_when_the_law_takes_effect_names_the_law() {
        let doc = markdown_doc(
            "# LUẬT QUẢN LÝ VƯỜN ƯƠM CÂY GIỐNG\n\n\
             Luật quản lý vườn ươm cây giống quy định việc cấp phép cho các vườn ươm ở địa phương.\n\n\
             Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2031.\n",
        );
        let set = generated(&doc, 1);
        let effect: Vec<String> = set
            .questions
            .iter()
            .filter_map(|q| match &q.answer {
                Answer::FillBlank { text, .. } if text.contains("có hiệu lực") => {
                    Some(text.clone())
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            effect,
            ["Luật Quản lý vườn ươm cây giống có hiệu lực thi hành từ ngày ___"],
            "{:#?}",
            set.questions
        );
        // The quote shown after answering is the document's own words.
        assert!(
            set.questions
                .iter()
                .any(|q| q.source.quote.contains("Luật này"))
        );
    }
}
