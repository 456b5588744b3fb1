//! How good a generated set is: automatic flags for the defects a trainer
//! would refuse a question for, and coverage of a list of "gold" facts —
//! the facts a trainer would ask about a text, written down by hand.
//!
//! A flag is a bug to fix or a question to drop: [`super::generate`] drops
//! every question with a flag, and the quality test (`tests/generate_quality.rs`)
//! runs the whole corpus through the generator and these checks.
//!
//! Why this file is long: it is one checklist, a short function per known
//! defect (each with the real case that made it a rule), read and run as a
//! whole; the flags share the sentence helpers at the bottom.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Deserialize;

use super::phrasing::{Folded, contains_words, ends_inside_word, starts_inside_word};
use crate::document::{Anchor, AnchorKind, Document};
use crate::numbers::format_number;
use crate::quiz::{Answer, BLANK, Question, QuestionSet};
use crate::text::{Fold, fold};

/// A known defect of a generated question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Flag {
    /// "có bao nhiêu năm 2024?": a year, or the word "năm", taken as a count.
    YearAsCount,
    /// "bao nhiêu … số?": the number of a document ("Chỉ thị số 12") taken as a count.
    DocumentNumberAsCount,
    /// A prompt, blank or choice that begins or ends inside a two-syllable
    /// word ("phát triển kinh ___" → "tế - xã").
    CutWord,
    /// "đến năm nào?" when the sentence gives two years.
    AmbiguousYear,
    /// The answer stands elsewhere in the prompt, or can be worked out from it
    /// ("___ tháng (tăng 6 tháng)").
    AnswerInPrompt,
    /// A true/false statement with no subject ("Đúng hay sai: Có 9 trường.").
    NoSubject,
    /// Asked about a heading, a caption or a byline, not a sentence of the text.
    NotProse,
    /// Choices of a number question in different units.
    MixedUnits,
    /// A wrong choice the question's own text rules out: below the start of
    /// a range whose end is blanked ("60% đến ___" offering 50%), or a
    /// figure the text already gives ("từ 03 lần đến ___" offering 03).
    ImpossibleChoice,
    /// "gRDP": a capitalised abbreviation lower-cased by a rule for ordinary words.
    BrokenCase,
    /// Quotation marks doubled or unbalanced.
    BadQuotes,
    /// An answer or choice that starts or ends on a word that cannot end a phrase ("và", "của").
    Fragment,
    /// A prompt too long to read out to a room.
    TooLong,
    /// A prompt that does not say what it asks ("Theo văn bản, có bao nhiêu
    /// ngày?", a blank with too few words around it).
    Vague,
    /// A statistic not worth asking: a long figure to type, "100%", "2"
    /// (a guess), a number from a sentence full of numbers.
    MinorStatistic,
    /// A form of question that trainers reading generated sets on real
    /// documents found almost never usable: true/false, matching, ordering a
    /// plain list, "ai là …?", "X là gì?", "thuộc nhiệm kỳ nào?", "bao nhiêu
    /// mục?", a body's or a place's name to choose, a phrase in quotation
    /// marks blanked.
    WeakForm,
    /// The answer stands in the document's own title: its number, its main
    /// figure, the person or anniversary of its headline — known before
    /// reading a line.
    InTitle,
    /// "Which body leads it?" when the task shown is the remit of the
    /// answer alone ("thu hồi con dấu, cư trú" → Bộ Công an): known without
    /// reading the text.
    GivenByRemit,
    /// The same prompt twice in a set, with different answers.
    SamePrompt,
    /// The same fact asked from two sentences, or more than twice.
    SameFact,
}

impl Flag {
    pub fn describe(self) -> &'static str {
        match self {
            Flag::YearAsCount => "năm bị hỏi như một số đếm",
            Flag::DocumentNumberAsCount => "số hiệu văn bản bị hỏi như một số đếm",
            Flag::CutWord => "cắt giữa một từ hai tiếng",
            Flag::AmbiguousYear => "câu có hai năm, hỏi \"năm nào\" không rõ",
            Flag::AnswerInPrompt => "đáp án nằm sẵn trong câu hỏi",
            Flag::NoSubject => "câu đúng/sai không có chủ ngữ",
            Flag::NotProse => "hỏi vào tiêu đề, chú thích ảnh hay tên tác giả",
            Flag::MixedUnits => "các lựa chọn khác đơn vị",
            Flag::ImpossibleChoice => "có lựa chọn sai mà chính câu hỏi đã loại",
            Flag::BrokenCase => "chữ viết tắt bị đổi chữ hoa",
            Flag::BadQuotes => "ngoặc kép lặp hoặc thiếu",
            Flag::Fragment => "đáp án là một mẩu câu",
            Flag::TooLong => "câu hỏi quá dài",
            Flag::Vague => "câu hỏi không nói rõ hỏi gì",
            Flag::MinorStatistic => "số liệu vụn, không đáng hỏi",
            Flag::WeakForm => "dạng câu hỏi ít khi dùng được",
            Flag::InTitle => "đáp án nằm ngay trong tên văn bản",
            Flag::GivenByRemit => "việc được giao đã lộ ra cơ quan phụ trách",
            Flag::SamePrompt => "hai câu hỏi giống nhau, đáp án khác nhau",
            Flag::SameFact => "cùng một ý hỏi nhiều lần",
        }
    }
}

/// Whether a wrong choice of a blank in a range is ruled out by the range
/// itself ("60% đến ___" offering 50%, "___ đến 70%" offering 80%), or is
/// a figure the shown text already gives ("từ 03 lần đến ___" offering 03).
fn impossible_choice(prompt: &str, choices: &[String], answer: usize) -> bool {
    let Some((before, after)) = prompt
        .split_once('«')
        .and_then(|(_, rest)| rest.rsplit_once('»'))
        .and_then(|(shown, _)| shown.split_once(BLANK))
    else {
        return false;
    };
    let number = |w: &str| {
        crate::numbers::parse_number(w.trim_matches(|c: char| !c.is_ascii_digit()))
            .filter(|_| w.starts_with(|c: char| c.is_ascii_digit()))
    };
    let value = |choice: &str| choice.split_whitespace().next().and_then(number);
    // The start of a range that ends at the blank: "60% đến ", "từ 03 lần đến ".
    let low = before
        .trim_end()
        .strip_suffix("đến")
        .or_else(|| before.trim_end().strip_suffix(['-', '–']))
        .and_then(|start| start.split_whitespace().rev().take(2).find_map(number));
    // The end of a range that starts at the blank: "___ đến 70%", "___ - 9%".
    let after_words: Vec<&str> = after.split_whitespace().collect();
    let high = after_words
        .iter()
        .position(|w| matches!(*w, "đến" | "-" | "–"))
        .filter(|&i| i <= 1)
        .and_then(|i| after_words.get(i + 1))
        .and_then(|w| number(w));
    let stated: Vec<f64> = before
        .split_whitespace()
        .chain(after_words.iter().copied())
        .filter_map(number)
        .collect();
    choices.iter().enumerate().any(|(i, c)| {
        let Some(v) = value(c) else {
            return false;
        };
        i != answer
            && (low.is_some_and(|l| v <= l) || high.is_some_and(|h| v >= h) || stated.contains(&v))
    })
}

/// Whether `text` starts by pointing at what came before it ("Các Nghị
/// quyết trên có hiệu lực từ ngày ___", "Điều này thể hiện …", "Trong đó
/// có ___ xã"): shown alone, which papers, what or of what is not said —
/// a trainer's reading counted these among questions missing their scope.
fn refers_back(text: &str) -> bool {
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '_');
    // Past who says it: "Thủ tướng nhấn mạnh, đây là hai chương trình …".
    let said = text.split_once(", ").filter(|(speaker, _)| {
        speaker.split_whitespace().count() <= 8
            && [
                "nhấn mạnh",
                "cho biết",
                "khẳng định",
                "nêu rõ",
                "cho rằng",
                "chỉ rõ",
                "lưu ý",
            ]
            .iter()
            .any(|v| speaker.ends_with(v))
    });
    if let Some((_, rest)) = said
        && refers_back(rest)
    {
        return true;
    }
    // Anywhere: "đôn đốc nội dung trên trước ngày …", "các đơn vị nói
    // trên" (written in small letters mid-sentence).
    if ["nội dung trên", "nêu trên", "nói trên"]
        .iter()
        .any(|p| text.contains(p))
    {
        return true;
    }
    // Only the first words are looked at: lower-case only those.
    let start: Vec<&str> = text.split_whitespace().take(6).collect();
    let lower = start.join(" ").to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let starts = |phrase: &str| {
        let n = phrase.split(' ').count();
        words.len() >= n && words[..n].join(" ").trim_end_matches([',', ':']).eq(phrase)
    };
    let demonstrative = matches!(words.first(), Some(&"các" | &"những"))
        && words[1..words.len().min(5)]
            .iter()
            .any(|w| matches!(w.trim_end_matches([',', ':']), "trên" | "nói trên" | "này"));
    demonstrative
        || [
            "điều này",
            "việc này",
            "vấn đề này",
            "đây là",
            "đó là",
            "như vậy",
            "trong đó có",
            "trong số đó",
        ]
        .iter()
        .any(|p| starts(p))
}

/// Whether `answer` is a document's number: "150-KL/TW", "118/NQ-CP",
/// "201/2025/QH15".
fn is_document_number_text(answer: &str) -> bool {
    answer.starts_with(|c: char| c.is_ascii_digit())
        && answer.contains('/')
        && answer.contains(|c: char| c.is_ascii_uppercase())
}

/// Whether a text with a document's number blanked says what that
/// document is about: "… Nghị quyết số ___, ngày 22/12/2024 của Bộ Chính
/// trị về đột phá …", or a task of six words or more done "theo" it
/// ("Quán triệt … nâng cao hiệu quả DNNN theo Nghị quyết số ___"). A
/// trainer's reading found "Thực hiện nghiêm Kết luận số ___, ngày
/// 14/4/2025 của Bộ Chính trị và Hướng dẫn …" unanswerable but by rote:
/// which document is meant is not said.
fn says_what_a_document_is_about(text: &str) -> bool {
    let Some((before, after)) = text.split_once(BLANK) else {
        return true;
    };
    const DOCUMENTS: &[&str] = &[
        "Kết luận",
        "Nghị quyết",
        "Chỉ thị",
        "Quyết định",
        "Quy định",
        "Hướng dẫn",
        "Nghị định",
        "Thông tư",
        "Luật",
        "Công văn",
        "Kế hoạch",
    ];
    // Up to the next document named, whose "về" is its own.
    let own = DOCUMENTS
        .iter()
        .filter_map(|d| after.find(d))
        .chain(after.find(';'))
        .min()
        .map_or(after, |end| &after[..end]);
    let about = own.split(" về ").skip(1).any(|rest| {
        !["nội dung trên", "nội dung này", "việc này", "vấn đề này"]
            .iter()
            .any(|p| rest.starts_with(p))
    });
    let task_before = DOCUMENTS
        .iter()
        .filter_map(|d| before.rfind(&format!(" theo {d}")))
        .max()
        .is_some_and(|at| before[..at].split_whitespace().count() >= 6);
    about || task_before
}

/// The longest prompt (with its fill-in text) a room can follow when it is read out.
pub const MAX_PROMPT_WORDS: usize = 70;

/// The fewest words a fill-in shows besides its blank.
pub const MIN_CONTEXT_WORDS: usize = 10;

/// See [`Flag::WeakForm`]. Two readings of some 400 generated questions from
/// 15 corpus texts by a trainer found no acceptable question of these forms
/// (2026-12-01); the forms that passed — a figure, a date, a document's
/// number, a phrase in quotation marks, a motto, a place — are kept.
fn is_weak_form(q: &Question) -> bool {
    let p = q.prompt.as_str();
    match &q.answer {
        Answer::TrueFalse(_) | Answer::Matching(_) => true,
        // A motto's parts are an order worth knowing; a plain list's are not.
        Answer::Ordering(_) => p.contains("câu trích") || p.contains("nội dung theo đúng thứ tự"),
        Answer::SingleChoice { .. } => {
            // Three readings by a trainer found "Theo văn bản, X là gì?"
            // unusable (12 of 13 the first time), quoted choices or not,
            // capitalised "terms" too ("Những trường hợp trên", "Nước ta");
            // and a count asked with nothing of its sentence ("Theo văn
            // bản, có bao nhiêu đơn vị?").
            p.starts_with("Theo văn bản, ai là")
                || p.starts_with("Theo văn bản, có ")
                || (p.starts_with("Theo văn bản,") && p.ends_with(" là gì?"))
                || p.contains("thuộc nhiệm kỳ nào")
                || p.contains("thuộc giai đoạn nào")
                || p.contains("nêu bao nhiêu mục")
                || p.starts_with("Chọn cơ quan, tổ chức")
                || p.starts_with("Chọn địa danh")
                || p.starts_with("Chọn tên đúng")
        }
        Answer::FillBlank { text, blanks } => {
            let answer = blanks
                .first()
                .and_then(|b| b.first())
                .map_or("", String::as_str);
            let year_or_term = is_year_or_term(answer);
            // A phrase the text puts in quotation marks, blanked: a trainer's
            // reading of 34 (2026-12-03) found 4 usable as they were and
            // rejected 28 — slogans and stock phrases known without the text
            // ("lợi ích nhóm", "Bộ đội Cụ Hồ"), idioms and metaphors ("lá
            // lành đùm lá rách", "mạch nguồn"), or given away by the phrase
            // beside it.
            let quoted_phrase = q.id.ends_with("-quoted");
            // Words (not a figure, not a quoted phrase) blanked in a plain
            // sentence: anyone fills them from the words around. A trainer's
            // own choice (a curated statement) is kept.
            let quoted =
                text.contains(&format!("“{BLANK}”")) || text.contains(&format!("\"{BLANK}\""));
            let words = !answer.chars().any(|c| c.is_ascii_digit());
            let plain = p == "Điền vào chỗ trống theo đúng văn bản.";
            let curated = q.id.contains("-statement-");
            year_or_term || quoted_phrase || (words && plain && !quoted && !curated)
        }
        _ => false,
    }
}

/// Whether a fill-in's answer is a year or a term ("giai đoạn ___" → 2020
/// - 2025): a guess, whatever the words around it ([`Flag::WeakForm`]).
pub(super) fn is_year_or_term(answer: &str) -> bool {
    !years_in(answer).is_empty()
        && answer
            .chars()
            .filter(|c| !c.is_whitespace())
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–'))
}

/// Numbers in a sentence that are not years, dates or document numbers,
/// nor the number of an article, a session or a term: the figures a
/// reader would take for statistics.
fn figures_in(s: &str) -> usize {
    // Whether a word, its punctuation aside, is one of `labels` (any case).
    let is = |w: Option<&str>, labels: &[&str]| {
        w.map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .is_some_and(|w| w.len() <= 8 && labels.contains(&w.to_lowercase().as_str()))
    };
    let mut n = 0;
    let mut words = s.split_whitespace().peekable();
    let mut before: Option<&str> = None;
    while let Some(word) = words.next() {
        let previous = before.replace(word);
        let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '%');
        if !w.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let rest = w.trim_start_matches(|c: char| c.is_ascii_digit());
        // "12/5/2025", "57/2014/QH13", "2020-2025": dates and numbers.
        let joined = rest.starts_with(['/', '-', '–']);
        let year = w.len() == 4
            && rest.is_empty()
            && w.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
        // "ngày 30 tháng 6", "Điều 10", "khoản 2", "lần thứ 13", "số 5".
        let label = is(
            previous,
            &[
                "ngày", "tháng", "điều", "khoản", "điểm", "chương", "mục", "thứ", "số", "khóa",
                "khoá", "phần",
            ],
        ) || is(words.peek().copied(), &["tháng"]);
        // "4,5 – 5%": a range is one figure.
        let range_end = matches!(previous, Some("-" | "–"));
        if !(joined || year || label || range_end) {
            n += 1;
        }
    }
    n
}

/// Words a phrase never ends on.
const OPEN_ENDS: &[&str] = &[
    "và", "của", "các", "những", "với", "cho", "để", "là", "theo", "trong", "tại", "về", "từ",
    "đến", "hoặc", "hay", "mà", "thì", "bằng", "do", "được", "bị", "đã", "sẽ", "đang", "như",
    "nhằm", "vào", "ra", "có", "không", "một", "mỗi", "nhiều", "sự", "việc", "cùng",
];

/// Words a phrase (an answer or a choice) never starts with.
const OPEN_STARTS: &[&str] = &["và", "của", "với", "hoặc", "hay", "mà", "thì", "là"];

/// What the flags read from a question's source sentence, the same for every
/// question made from it: worked out once per sentence when many questions
/// share one (see [`flags_in`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceFacts {
    prose: bool,
    figures: usize,
}

impl SourceFacts {
    /// The facts of `q`'s source sentence.
    pub fn of(q: &Question) -> Self {
        let quote = q.source.quote.as_str();
        SourceFacts {
            prose: is_prose(q.source.anchor, quote),
            figures: figures_in(quote),
        }
    }
}

/// Every flag a question shows on its own (the set-level flags are in [`set_flags`]).
pub fn flags(q: &Question) -> Vec<Flag> {
    flags_in(q, &OnceCell::new())
}

/// [`flags`], with the facts of `q`'s source sentence kept in `source`
/// (worked out there when first needed, if not already).
pub fn flags_in(q: &Question, source: &OnceCell<SourceFacts>) -> Vec<Flag> {
    find_flags(q, source, false)
}

/// [`flags_in`] stopping at the first flag found, the cheapest and most
/// frequent looked for first (most candidates have one).
pub fn first_flag(q: &Question, source: &OnceCell<SourceFacts>) -> Option<Flag> {
    find_flags(q, source, true).first().copied()
}

fn find_flags(q: &Question, source: &OnceCell<SourceFacts>, first: bool) -> Vec<Flag> {
    let source = || source.get_or_init(|| SourceFacts::of(q));
    let mut out = Vec::new();
    // Once one flag is found, when one is enough.
    macro_rules! enough {
        () => {
            if first && !out.is_empty() {
                return out;
            }
        };
    }
    if is_weak_form(q) {
        out.push(Flag::WeakForm);
    }
    enough!();
    // The source is prose.
    if !source().prose {
        out.push(Flag::NotProse);
    }
    enough!();
    let prompt = &q.prompt;
    let fill_text = match &q.answer {
        Answer::FillBlank { text, .. } => text.as_str(),
        _ => "",
    };
    let shown = format!("{prompt} {fill_text}");
    let quote = q.source.quote.as_str();
    let lower = fold(prompt, Fold::Case);

    // Counts.
    if let Some(after) = lower.split("bao nhiêu").nth(1) {
        let after = after.trim_start();
        let word = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
        let first = word(after.split_whitespace().next().unwrap_or(""));
        let second = word(after.split_whitespace().nth(1).unwrap_or(""));
        let (first, second) = (first.as_str(), second.as_str());
        let numeric_second = second.starts_with(|c: char| c.is_ascii_digit());
        let bare = after.starts_with('?') || OPEN_STARTS.contains(&first);
        if (first == "năm" && (numeric_second || second.is_empty()))
            || first.starts_with(|c: char| c.is_ascii_digit())
            || bare
        {
            out.push(Flag::YearAsCount);
        }
        let noun_end = after.trim_end_matches(['?', ' ', '.']);
        if noun_end.ends_with(" số") || noun_end == "số" {
            out.push(Flag::DocumentNumberAsCount);
        }
    }
    // "Theo văn bản, có bao nhiêu ngày?": what is counted is not said.
    // Whatever follows, a count whose subject the text did not give reads
    // as a shard of the sentence ("có bao nhiêu cơ bản số lượng …?").
    // Asked plainly ("Theo văn bản, có bao nhiêu khâu đột phá?"), what is
    // counted must be a clean noun phrase of its own: short, no function
    // word, no figure.
    if prompt.starts_with("Theo văn bản, có ")
        && let Some(what) = lower.split("bao nhiêu").nth(1)
    {
        let what: Vec<&str> = what
            .trim_end_matches(['?', ' '])
            .split_whitespace()
            .collect();
        let clean = (2..=5).contains(&what.len())
            && what.iter().all(|w| {
                !OPEN_ENDS.contains(w)
                    && !w.contains(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation())
                    && !matches!(*w, "ngày" | "tháng" | "năm" | "giờ" | "lần" | "người")
            });
        // "có bao nhiêu đảng viên?" from a sentence that counts party
        // members four times (admitted, made full members, transferred out,
        // transferred in): which of them is asked is not said.
        let counted_often = || {
            let what = what.join(" ");
            let source = q.source.quote.to_lowercase();
            let words: Vec<&str> = source.split_whitespace().collect();
            let n = what.split(' ').count();
            (1..words.len().saturating_sub(n - 1))
                .filter(|&i| {
                    words[i - 1].starts_with(|c: char| c.is_ascii_digit())
                        && words[i..i + n]
                            .join(" ")
                            .trim_end_matches(|c: char| c.is_ascii_punctuation())
                            == what
                })
                .count()
                >= 2
        };
        if !clean || counted_often() {
            out.push(Flag::Vague);
        }
    }
    // "Ít nhất là bao nhiêu tháng kể từ khi ra khỏi Đảng?", "Chậm nhất là
    // bao nhiêu ngày làm việc đối với tổ chức cơ sở đảng?": a limit, but
    // on what is not said. "Mục tiêu cụ thể đến năm nào?": a heading's
    // year, with nothing to learn.
    const LIMITS: &[&str] = &[
        "chậm nhất",
        "ít nhất",
        "tối đa",
        "tối thiểu",
        "không quá",
        "không dưới",
    ];
    let bare_limit = LIMITS.iter().any(|l| lower.starts_with(l)) && lower.contains("bao nhiêu");
    let heading_year = lower
        .strip_prefix("theo văn bản, ")
        .and_then(|rest| rest.strip_suffix(" đến năm nào?"))
        .is_some_and(|what| {
            matches!(
                what,
                "mục tiêu" | "mục tiêu cụ thể" | "mục tiêu tổng quát" | "mục tiêu chung"
            )
        });
    if bare_limit || heading_year {
        out.push(Flag::Vague);
    }
    enough!();
    // A fill-in needs enough words around its blank to say what it asks;
    // so does a blank quoted in a choice's prompt ("…cho chỗ trống: «…»").
    let blanked_text = match &q.answer {
        Answer::FillBlank { text, .. } => Some(text.as_str()),
        _ => prompt
            .split_once('«')
            .and_then(|(_, rest)| rest.rsplit_once('»'))
            .map(|(quoted, _)| quoted)
            .filter(|quoted| quoted.contains(BLANK)),
    };
    if let Some(text) = blanked_text {
        let words = text
            .split_whitespace()
            .filter(|w| !w.contains(BLANK) && w.chars().any(char::is_alphanumeric))
            .count();
        // "Luật này có hiệu lực thi hành từ ngày ___": short, but says what
        // it asks — when the text being studied takes effect.
        let takes_effect = text.contains("này có hiệu lực");
        // "về một số nhiệm vụ trọng tâm … đến ngày ___": the rest of a
        // title, whose subject is on another line.
        let headless = text.starts_with(|c: char| c.is_lowercase())
            // "Ít nhất là ___ tháng kể từ khi ra khỏi Đảng": a limit with
            // no subject, an item under a heading the question does not show.
            || (LIMITS.iter().any(|l| {
                fold(text, Fold::Case)
                    .strip_prefix(l)
                    .is_some_and(|rest| rest.starts_with(" là "))
            }) && !text.contains(','));
        // So does a part after "…" ("Nghị quyết 201 … trong đó có 4 nhóm
        // nhiệm vụ chung, ___": "trong đó" is the document cut away, not
        // the one shown — a trainer read a false attribution).
        let part_refers_back = || text.split(" … ").skip(1).any(refers_back);
        if (words < MIN_CONTEXT_WORDS && !takes_effect)
            || refers_back(text)
            || part_refers_back()
            || headless
        {
            out.push(Flag::Vague);
        }
    } else if refers_back(prompt) {
        // "Đây là hai chương trình có bao nhiêu ý nghĩa …?"
        out.push(Flag::Vague);
    }
    if let Some(text) = blanked_text
        && right_texts(q)
            .first()
            .is_some_and(|r| is_document_number_text(r))
        && !says_what_a_document_is_about(text)
    {
        out.push(Flag::Vague);
    }
    enough!();
    // Numbers: a long figure is not typed from memory, "100%" is a guess,
    // and a sentence of many figures is a table of statistics.
    let typed_number = match &q.answer {
        Answer::FillBlank { blanks, .. } => blanks
            .first()
            .and_then(|b| b.first())
            .filter(|a| {
                a.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
            })
            .cloned(),
        Answer::Numeric { answer, .. } => Some(format_number(*answer)),
        _ => None,
    };
    if let Some(n) = &typed_number
        && n.chars().filter(char::is_ascii_digit).count() >= 3
        && !(n.len() == 4 && years_in(n).len() == 1)
    {
        out.push(Flag::MinorStatistic);
    }
    // "kỷ niệm ___ năm … (1945 - 2025)": the two years give the count away.
    if let Some(n) = right_texts(q)
        .first()
        .and_then(|r| r.replace('.', "").parse::<u32>().ok())
        .filter(|n| (2..=200).contains(n))
    {
        let years = years_in(&shown);
        if years
            .iter()
            .any(|a| years.iter().any(|b| b.checked_sub(*a) == Some(n)))
        {
            out.push(Flag::AnswerInPrompt);
        }
    }
    let asks_a_number = typed_number.is_some()
        || right_texts(q)
            .first()
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    // A sentence of several figures is a table row ("Tỉnh A xây dựng 68
    // phương án sắp xếp 193 đơn vị …"): nothing in it is asked by number,
    // and no name is guessed from its figures.
    let true_false_number =
        matches!(q.answer, Answer::TrueFalse(_)) && prompt.contains(|c: char| c.is_ascii_digit());
    let numbers_shown = figures_in(&shown) >= 2;
    let figures = source().figures;
    if ((true_false_number || numbers_shown) && figures >= 3) || (asks_a_number && figures >= 6) {
        out.push(Flag::MinorStatistic);
    }
    // "1", "2", "100%" are guessed, not remembered. The levels of
    // government too ("chính quyền địa phương ___ cấp" → 2): a trainer
    // rejected all three asked as the reform's slogan itself (2026-12-03).
    if right_texts(q).iter().any(|r| {
        let r = compact_numbers(r);
        // "tất cả ___ điều" → "5/5": all of them, said twice.
        let whole = r
            .split_once('/')
            .is_some_and(|(a, b)| !a.is_empty() && a == b && a.bytes().all(|c| c.is_ascii_digit()));
        whole || matches!(r.as_str(), "100%" | "100" | "1" | "2" | "01" | "02")
    }) {
        out.push(Flag::MinorStatistic);
    }
    if let Answer::Numeric { answer, .. } = &q.answer
        && is_document_number(quote, *answer)
    {
        out.push(Flag::DocumentNumberAsCount);
    }

    enough!();
    // Years.
    if lower.contains("năm nào") {
        let years = years_in(quote);
        if years.len() >= 2 {
            out.push(Flag::AmbiguousYear);
        }
    }

    enough!();
    // Answers given away.
    for right in right_texts(q) {
        let right = right.trim_matches(['“', '”', '"']);
        if right.is_empty() {
            continue;
        }
        let elsewhere = match &q.answer {
            Answer::FillBlank { .. } => contains_words(&shown, right),
            Answer::SingleChoice { .. } | Answer::MultipleChoice { .. } => {
                right.split_whitespace().count() >= 1 && contains_words(prompt, right)
            }
            _ => false,
        };
        if elsewhere {
            out.push(Flag::AnswerInPrompt);
            break;
        }
    }
    if let Answer::FillBlank { blanks, .. } = &q.answer {
        let numeric = blanks.iter().any(|b| {
            b.first()
                .is_some_and(|a| crate::numbers::parse_number(a).is_some())
        });
        let folded = fold(fill_text, Fold::Case);
        if numeric && (folded.contains("(tăng ") || folded.contains("(giảm ")) {
            out.push(Flag::AnswerInPrompt);
        }
    }
    if let Answer::Numeric { answer, .. } = &q.answer
        && contains_words(prompt, &format_number(*answer))
    {
        out.push(Flag::AnswerInPrompt);
    }
    if given_by_remit(q) {
        out.push(Flag::GivenByRemit);
    }

    enough!();
    // The blank's own words, shown right after it: a number spelled out
    // ("___ (hai trăm mười lăm nghìn…)"), or the list a count counts
    // ("___ rõ: Rõ người, rõ việc, …").
    let blank_text = match &q.answer {
        Answer::FillBlank { text, .. } => Some(text.as_str()),
        _ => prompt
            .split_once('«')
            .map(|(_, rest)| rest.trim_end_matches(['»', '?', '.'])),
    };
    if let Some(after) = blank_text
        .and_then(|t| t.split_once(BLANK))
        .map(|(_, after)| fold(after.trim_start(), Fold::Case))
    {
        let spelled = after.starts_with('(')
            && after[1..]
                .split_whitespace()
                .next()
                .is_some_and(|w| crate::numbers::parse_words(w).is_some());
        let counted_list = right_texts(q).first().is_some_and(|r| {
            r.chars().all(|c| c.is_ascii_digit())
                && after.split_whitespace().take(3).any(|w| w.ends_with(':'))
        });
        if spelled || counted_list {
            out.push(Flag::AnswerInPrompt);
        }
    }
    // What nobody studies a resolution to remember: the date of the
    // meeting that discussed it, awards and members admitted, an age at
    // death.
    if let Some(before) = blank_text
        .and_then(|t| t.split_once(BLANK))
        .map(|(before, _)| fold(before, Fold::Case))
    {
        let tail: Vec<&str> = before.split_whitespace().rev().take(3).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        let tail = tail.join(" ");
        let meeting_date = ["phiên họp ngày", "cuộc họp ngày", "buổi làm việc ngày"]
            .iter()
            .any(|m| tail.ends_with(m));
        // Nor the age a leader died at ("hưởng thọ ___ tuổi"): an
        // obituary's detail, not what the text is read for.
        let age_at_death = tail.ends_with("thọ");
        if meeting_date || age_at_death {
            out.push(Flag::MinorStatistic);
        }
    }
    // Whatever the question's form: the key point counts awards or new
    // members ("11 tập thể", "44 đảng viên mới").
    if let Some(point) = &q.key_point {
        let point = fold(point, Fold::Case);
        let counted = point
            .split_whitespace()
            .skip_while(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
            .skip(1)
            .collect::<Vec<_>>()
            .join(" ");
        // Nor the size of a committee or a congress ("gồm 17 đồng chí",
        // "630 đại biểu"): a trainer's reading rejected every one. Nor how
        // many papers were issued ("đã ban hành 22 nghị quyết, 12 chỉ thị"):
        // the papers are worth knowing, not their number (rejected 4 of 4,
        // 2026-12-03).
        if [
            "tập thể",
            "cá nhân",
            "đảng viên mới",
            "lượt chiếc",
            "huân chương",
            "đồng chí",
            "thành viên",
            "ủy viên",
            "uỷ viên",
            "đại biểu",
            "năm tuổi đảng",
            "nghị quyết",
            "nghị định",
            "chỉ thị",
            "quyết định",
            "công điện",
            "công văn",
            "thông tư",
            "văn bản",
        ]
        .iter()
        .any(|w| counted.starts_with(w))
        {
            out.push(Flag::MinorStatistic);
        }
    }

    enough!();
    // A prompt that stops on a word that cannot end it: "… đối với?"
    if let Some(body) = prompt.trim_end().strip_suffix('?') {
        let last = fold(
            body.split_whitespace().next_back().unwrap_or(""),
            Fold::Case,
        );
        if OPEN_ENDS.contains(&last.as_str())
            || matches!(
                last.as_str(),
                "thuộc" | "còn" | "đối" | "gồm" | "sau" | "trước"
            )
        {
            out.push(Flag::Fragment);
        }
    }

    // True/false with a subject.
    if matches!(q.answer, Answer::TrueFalse(_)) {
        let statement = prompt
            .strip_prefix("Đúng hay sai:")
            .unwrap_or(prompt)
            .trim();
        let first = fold(
            statement.split_whitespace().next().unwrap_or(""),
            Fold::Case,
        );
        if statement.split_whitespace().count() < 4
            || first == "có"
            || first.starts_with(|c: char| c.is_ascii_digit())
            || fold(statement, Fold::Case).starts_with("văn bản nêu")
        {
            out.push(Flag::NoSubject);
        }
    }

    enough!();
    // Units of number choices.
    if let Answer::SingleChoice { choices, answer } = &q.answer {
        let units: Vec<String> = choices
            .iter()
            .filter(|c| c.starts_with(|ch: char| ch.is_ascii_digit()))
            .map(|c| unit_of(c))
            .collect();
        if units.len() == choices.len() && units.windows(2).any(|w| w[0] != w[1]) {
            out.push(Flag::MixedUnits);
        }
        if impossible_choice(prompt, choices, *answer) {
            out.push(Flag::ImpossibleChoice);
        }
    }

    enough!();
    // Writing.
    let all_text = all_texts(q);
    if all_text.iter().any(|t| has_broken_case(t)) {
        out.push(Flag::BrokenCase);
    }
    if all_text.iter().any(|t| bad_quotes(t)) {
        out.push(Flag::BadQuotes);
    }
    if answer_parts(q).iter().any(|part| {
        is_fragment(part) || starts_inside_word(quote, part) || ends_inside_word(quote, part)
    }) {
        out.push(if answer_parts(q).iter().any(|p| is_fragment(p)) {
            Flag::Fragment
        } else {
            Flag::CutWord
        });
    }
    if cut_around_blank(quote, q) || prompt_ends_inside_word(quote, prompt) {
        out.push(Flag::CutWord);
    }
    if shown.split_whitespace().count() > MAX_PROMPT_WORDS {
        out.push(Flag::TooLong);
    }
    out.sort();
    out.dedup();
    out
}

/// Flags that need the whole set, by index of the question: the same prompt
/// with another answer, the same fact from another sentence or a third time.
pub fn set_flags(set: &QuestionSet) -> Vec<(usize, Flag)> {
    let mut out = Vec::new();
    let mut prompts: HashMap<String, String> = HashMap::new();
    let mut facts: HashMap<String, (Anchor, usize)> = HashMap::new();
    for (i, q) in set.questions.iter().enumerate() {
        let fill = match &q.answer {
            Answer::FillBlank { text, .. } => text.as_str(),
            _ => "",
        };
        let key = fold(&format!("{}|{fill}", q.prompt), Fold::Case);
        let answer = fold(&right_texts(q).join("|"), Fold::Case);
        match prompts.get(&key) {
            Some(a) if *a != answer => out.push((i, Flag::SamePrompt)),
            Some(_) => {}
            None => {
                prompts.insert(key, answer);
            }
        }
        if let Some(fact) = fact_key(q) {
            let entry = facts.entry(fact).or_insert((q.source.anchor, 0));
            entry.1 += 1;
            if entry.0.block_anchor() != q.source.anchor.block_anchor() || entry.1 > 2 {
                out.push((i, Flag::SameFact));
            }
        }
    }
    out
}

/// What a question asks about, the same for every question on one fact.
pub fn fact_key(q: &Question) -> Option<String> {
    q.key_point
        .as_deref()
        .filter(|k| !k.is_empty())
        .map(|k| fold(k, Fold::Case))
}

/// See [`Flag::GivenByRemit`]: a body to choose whose remit alone the
/// prompt shows. A task that names the remit of a wrong choice too ("kinh
/// phí … tuyên truyền" among Bộ Tài chính and Ban Tuyên giáo) is a fair
/// question.
fn given_by_remit(q: &Question) -> bool {
    let Answer::SingleChoice { choices, answer } = &q.answer else {
        return false;
    };
    // The table as names are compared: folded, today's tones.
    static REMITS: std::sync::LazyLock<Vec<(String, Vec<String>)>> =
        std::sync::LazyLock::new(|| {
            crate::vocabulary::REMITS
                .iter()
                .map(|(body, remit)| {
                    let remit = remit.iter().map(|w| super::phrasing::name_key(w));
                    (super::phrasing::name_key(body), remit.collect())
                })
                .collect()
        });
    let remits_of = |body: &str| {
        let body = Folded::names(body);
        REMITS
            .iter()
            .filter(move |(name, _)| body.contains_folded(name))
            .flat_map(|(_, remit)| remit.iter())
    };
    let Some(right) = choices.get(*answer) else {
        return false;
    };
    if remits_of(right).next().is_none() {
        return false;
    }
    let prompt = Folded::names(&q.prompt);
    let shows_remit = |body: &str| remits_of(body).any(|word| prompt.contains_folded(word));
    shows_remit(right)
        && !choices
            .iter()
            .enumerate()
            .any(|(i, c)| i != *answer && shows_remit(c))
}

/// Whether `q`'s answer stands in the document's title (folded by
/// [`Folded::new`]): "8%" in "… với mục tiêu tăng trưởng đạt 8% trở lên",
/// the motto whose order is asked in a title that spells it. A trainer
/// rejected all seven such questions of a reading (2026-12-03).
pub(super) fn answer_in_title(q: &Question, title: &Folded) -> bool {
    match &q.answer {
        Answer::TrueFalse(_) | Answer::Matching(_) => false,
        Answer::Ordering(items) => {
            !items.is_empty() && items.iter().all(|i| title.contains_words(i))
        }
        _ => right_texts(q).iter().any(|r| {
            // A small number is in the title only with what it counts:
            // the 6 of "6 nhóm nhiệm vụ" is not the 6 of "trong tháng 6".
            let small = r.len() <= 2 && r.chars().all(|c| c.is_ascii_digit());
            if !small {
                return title.contains_words(r);
            }
            let counted = q.key_point.as_deref().and_then(|k| {
                let mut words = k.split_whitespace().skip_while(|w| *w != r.as_str());
                words.next()?;
                words.next()
            });
            title.contains_words(&format!("{r}%"))
                || counted.is_some_and(|w| title.contains_words(&format!("{r} {w}")))
        }),
    }
}

pub fn right_texts(q: &Question) -> Vec<String> {
    match &q.answer {
        Answer::SingleChoice { choices, answer } => {
            choices.get(*answer).cloned().into_iter().collect()
        }
        Answer::MultipleChoice { choices, answers } => answers
            .iter()
            .filter_map(|a| choices.get(*a).cloned())
            .collect(),
        Answer::TrueFalse(_) => vec![q.explanation.clone()],
        Answer::FillBlank { blanks, .. } => {
            blanks.iter().filter_map(|b| b.first().cloned()).collect()
        }
        Answer::Numeric { answer, unit, .. } => {
            let n = format_number(*answer);
            match unit {
                Some(u) => vec![format!("{n}{u}"), format!("{n} {u}")],
                None => vec![n],
            }
        }
        Answer::Ordering(items) => items.clone(),
        Answer::Matching(pairs) => pairs.iter().map(|(a, b)| format!("{a} — {b}")).collect(),
    }
}

/// The parts of a question that must read as whole phrases: blanks' answers
/// and choices.
fn answer_parts(q: &Question) -> Vec<&str> {
    match &q.answer {
        Answer::SingleChoice { choices, .. } | Answer::MultipleChoice { choices, .. } => {
            choices.iter().map(String::as_str).collect()
        }
        Answer::FillBlank { blanks, .. } => blanks
            .iter()
            .filter_map(|b| b.first().map(String::as_str))
            .collect(),
        Answer::Ordering(items) => items.iter().map(String::as_str).collect(),
        Answer::Matching(pairs) => pairs
            .iter()
            .flat_map(|(a, b)| [a.as_str(), b.as_str()])
            .collect(),
        _ => Vec::new(),
    }
}

fn all_texts(q: &Question) -> Vec<&str> {
    let mut out = vec![q.prompt.as_str()];
    if let Answer::FillBlank { text, .. } = &q.answer {
        out.push(text);
    }
    out.extend(answer_parts(q));
    out
}

fn is_fragment(part: &str) -> bool {
    let part = part.trim_matches(['“', '”', '"']).trim();
    if part.is_empty() || part.starts_with([',', ';', ':', '-', '–', ')', '.']) {
        return true;
    }
    if part.ends_with([',', ';', '-', '–', '('])
        || part.matches('(').count() != part.matches(')').count()
    {
        return true;
    }
    if part.contains('*') {
        return true;
    }
    let words: Vec<String> = part
        .split_whitespace()
        .map(|w| fold(w, Fold::Case))
        .collect();
    let first = words.first().map_or("", String::as_str);
    let last = words.last().map_or("", String::as_str);
    // A one-word answer is its own phrase ("có", "không" may be the point).
    words.len() > 1 && (OPEN_STARTS.contains(&first) || OPEN_ENDS.contains(&last))
}

/// Whether the word before a blank and the blank's first word (or its last
/// word and the word after) make one two-syllable word.
fn cut_around_blank(quote: &str, q: &Question) -> bool {
    let Answer::FillBlank { text, blanks } = &q.answer else {
        return false;
    };
    let mut rest = text.as_str();
    for blank in blanks {
        let Some(at) = rest.find(BLANK) else { break };
        let answer = blank.first().map_or("", String::as_str);
        let before = rest[..at].split_whitespace().next_back().unwrap_or("");
        let after_text = &rest[at + BLANK.len()..];
        let after = after_text.split_whitespace().next().unwrap_or("");
        let first = answer.split_whitespace().next().unwrap_or("");
        let last = answer.split_whitespace().next_back().unwrap_or("");
        if super::phrasing::is_compound(before, first) || super::phrasing::is_compound(last, after)
        {
            return true;
        }
        let _ = quote;
        rest = after_text;
    }
    false
}

/// "… cải cách hành?" when the sentence goes on "hành chính".
fn prompt_ends_inside_word(quote: &str, prompt: &str) -> bool {
    let Some(body) = prompt.trim_end().strip_suffix('?') else {
        return false;
    };
    let body = body.trim_end();
    let tail: Vec<&str> = body.split_whitespace().rev().take(3).collect();
    if tail.len() < 2 {
        return false;
    }
    let phrase: Vec<&str> = tail.into_iter().rev().collect();
    ends_inside_word(quote, &phrase.join(" "))
}

/// A heading, caption or byline is not asked about.
fn is_prose(anchor: Anchor, quote: &str) -> bool {
    if matches!(anchor.kind, AnchorKind::Heading | AnchorKind::Caption) {
        return false;
    }
    !crate::keypoints::is_byline(quote)
}

/// Distinct years (1900–2100) a sentence names, ranges' ends included.
fn years_in(s: &str) -> Vec<u32> {
    let mut years: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .filter(|y| (1900..=2100).contains(y))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// Whether `n` stands in `quote` only as (part of) a document's number:
/// "Nghị quyết số 12-NQ/TW", "Quyết định 759/QĐ-TTg".
fn is_document_number(quote: &str, n: f64) -> bool {
    let shown = format_number(n);
    let mut as_number = false;
    let mut as_count = false;
    for (at, _) in quote.match_indices(&shown) {
        let before = quote[..at].chars().next_back();
        if before
            .is_some_and(|c| c.is_alphanumeric() || c == '/' || c == '-' || c == '.' || c == ',')
        {
            continue;
        }
        let after = &quote[at + shown.len()..];
        let next = after.chars().next();
        if next.is_some_and(|c| {
            c.is_ascii_digit() || c == '.' && after[1..].starts_with(|c: char| c.is_ascii_digit())
        }) {
            continue;
        }
        if matches!(next, Some('-' | '/')) {
            as_number = true;
        } else {
            let word_before = fold(
                quote[..at].split_whitespace().next_back().unwrap_or(""),
                Fold::Case,
            );
            if word_before == "số" {
                as_number = true;
            } else {
                as_count = true;
            }
        }
    }
    as_number && !as_count
}

/// The words of a number choice after its figure: "8%" → "%", "12 tỷ đồng" → "tỷ đồng".
fn unit_of(choice: &str) -> String {
    let rest = choice.trim_start_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '-' | '–')
    });
    fold(rest.trim(), Fold::Case)
}

/// "gRDP", "tP.HCM": a lower-case letter, then capitals, in one word.
fn has_broken_case(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || "(),;:“”\"".contains(c))
        .any(|w| {
            let mut chars = w.chars();
            let first = chars.next();
            let second = chars.next();
            let third = chars.next();
            first.is_some_and(char::is_lowercase)
                && second.is_some_and(char::is_uppercase)
                && third.is_none_or(|c| c.is_uppercase() || c == '.')
        })
}

/// `""`, `“”`, `““…””`, or quotation marks that do not pair up.
fn bad_quotes(text: &str) -> bool {
    if ["\"\"", "“”", "““", "””", "\"“", "”\"", "“\"", "\"”"]
        .iter()
        .any(|d| text.contains(d))
    {
        return true;
    }
    // Each quote closes one opened before it: "…Hồ Chí Minh", Quy định
    // ___ của Bộ Chính trị "về chuẩn mực…" has two straight quotes, but
    // the first closes one cut away and the second opens one cut off.
    let mut curly = 0usize;
    let mut straight = false;
    let mut prev: Option<char> = None;
    for c in text.chars() {
        match c {
            '“' => curly += 1,
            '”' if curly == 0 => return true,
            '”' => curly -= 1,
            '"' => {
                let opens = prev.is_none_or(|p| {
                    p.is_whitespace() || matches!(p, '(' | '[' | '«' | ':' | '–' | '-')
                });
                if opens == straight {
                    return true;
                }
                straight = opens;
            }
            _ => {}
        }
        prev = Some(c);
    }
    curly != 0 || straight
}

// ------------------------------------------------------------------ gold facts

/// The facts a trainer would ask about one text, written down by hand.
#[derive(Clone, Debug, Deserialize)]
pub struct Gold {
    /// The text's file name.
    pub text: String,
    #[serde(default)]
    pub genre: String,
    pub facts: Vec<GoldFact>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldFact {
    /// The sentence that states the fact.
    pub anchor: Anchor,
    pub kind: FactKind,
    /// What a question on it asks, in a few words.
    pub asks: String,
    /// Short answers; one of them must stand in a question's right answer.
    pub answers: Vec<String>,
}

/// What kind of fact a gold fact is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
pub enum FactKind {
    Count,
    Percent,
    Amount,
    Threshold,
    Date,
    Year,
    Milestone,
    Person,
    Decision,
    Document,
    Quote,
    Definition,
    ListCount,
    ListItem,
    Statement,
}

/// Whether question `q` asks about `fact`: it comes from the fact's
/// paragraph (a matching or ordering question may gather several) and one of
/// the fact's answers stands, as whole words, in its right answer.
pub fn covers(q: &Question, fact: &GoldFact) -> bool {
    let gathers = matches!(q.answer, Answer::Matching(_) | Answer::Ordering(_));
    // The fact asked from another sentence that states it counts too, when
    // its answer is specific enough to be the same fact ("30/6/2025", not "2030").
    let specific = |a: &str| {
        a.chars().count() >= 5 && !(a.len() == 4 && a.chars().all(|c| c.is_ascii_digit()))
    };
    let states_it = fact
        .answers
        .iter()
        .any(|a| specific(a) && contains_words(&q.source.quote, a));
    if !gathers && !states_it && q.source.anchor.block_anchor() != fact.anchor.block_anchor() {
        return false;
    }
    let rights: Vec<String> = right_texts(q)
        .iter()
        .map(|r| compact_numbers(r.trim_matches(['“', '”', '"'])))
        .filter(|r| {
            r.chars().filter(|c| c.is_alphanumeric()).count() >= 2
                || r.chars().any(|c| c.is_ascii_digit())
        })
        .collect();
    // The right answer holds the fact's answer, or is its key part ("10" of "10 địa phương").
    fact.answers.iter().map(|a| compact_numbers(a)).any(|a| {
        rights
            .iter()
            .any(|r| contains_words(r, &a) || contains_words(&a, r))
    })
}

/// "8 %" → "8%", "7 - 7,5" → "7-7,5": numbers written either way compare equal.
fn compact_numbers(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let prev = out.chars().next_back();
            let next = chars.get(i + 1).copied();
            let numberish = |c: Option<char>| {
                c.is_some_and(|c| c.is_ascii_digit() || matches!(c, '%' | '-' | '–'))
            };
            if numberish(prev) && numberish(next) {
                continue;
            }
        }
        out.push(if c == '–' { '-' } else { c });
    }
    out
}

/// A set measured: counts by type, flags, and gold coverage when there is gold.
pub struct Report {
    pub questions: usize,
    pub by_type: Vec<(&'static str, usize)>,
    /// Question index and its flags.
    pub flagged: Vec<(usize, Vec<Flag>)>,
    /// Per gold fact, the questions that ask it.
    pub coverage: Vec<(GoldFact, Vec<usize>)>,
    pub chars: usize,
}

impl Report {
    pub fn covered(&self) -> usize {
        self.coverage
            .iter()
            .filter(|(_, qs)| !qs.is_empty())
            .count()
    }

    /// Share of gold facts asked, 0–1; `None` without gold.
    pub fn coverage_share(&self) -> Option<f64> {
        (!self.coverage.is_empty()).then(|| self.covered() as f64 / self.coverage.len() as f64)
    }
}

/// Measures `set` (generated for `doc`) against the flags and `gold`.
pub fn report(doc: &Document, set: &QuestionSet, gold: Option<&Gold>) -> Report {
    let mut by_type: HashMap<&'static str, usize> = HashMap::new();
    let mut flagged: HashMap<usize, Vec<Flag>> = HashMap::new();
    for (i, q) in set.questions.iter().enumerate() {
        *by_type.entry(q.answer.type_name()).or_default() += 1;
        let f = flags(q);
        if !f.is_empty() {
            flagged.insert(i, f);
        }
    }
    for (i, f) in set_flags(set) {
        flagged.entry(i).or_default().push(f);
    }
    let mut by_type: Vec<_> = by_type.into_iter().collect();
    by_type.sort();
    let mut flagged: Vec<_> = flagged.into_iter().collect();
    flagged.sort_by_key(|(i, _)| *i);
    let coverage = gold
        .map(|g| {
            g.facts
                .iter()
                .map(|f| {
                    let qs = set
                        .questions
                        .iter()
                        .enumerate()
                        .filter(|(_, q)| covers(q, f))
                        .map(|(i, _)| i)
                        .collect();
                    (f.clone(), qs)
                })
                .collect()
        })
        .unwrap_or_default();
    Report {
        questions: set.questions.len(),
        by_type,
        flagged,
        coverage,
        chars: doc.blocks.iter().map(|b| b.text.chars().count()).sum(),
    }
}

/// One line for a question: its type, prompt, and right answer.
pub fn one_line(q: &Question) -> String {
    let mut line = format!("[{}] {}", q.answer.type_name(), q.prompt);
    match &q.answer {
        Answer::SingleChoice { choices, answer } => {
            let shown: Vec<String> = choices
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    if i == *answer {
                        format!("*{c}*")
                    } else {
                        c.clone()
                    }
                })
                .collect();
            let _ = write!(line, "  {{ {} }}", shown.join(" | "));
        }
        Answer::FillBlank { text, .. } => {
            let _ = write!(line, "  «{text}» → {}", right_texts(q).join(" / "));
        }
        Answer::TrueFalse(t) => {
            let _ = write!(line, "  → {}", if *t { "Đúng" } else { "Sai" });
        }
        _ => {
            let _ = write!(line, "  → {}", right_texts(q).join(" | "));
        }
    }
    line
}

/// The report as text, for `nghiquyet generate DOC --report`.
pub fn write_report(set: &QuestionSet, report: &Report, out: &mut String) {
    let types: Vec<String> = report
        .by_type
        .iter()
        .map(|(t, n)| format!("{t} {n}"))
        .collect();
    let _ = writeln!(
        out,
        "{} câu hỏi ({} ký tự văn bản, 1 câu / {} ký tự): {}",
        report.questions,
        report.chars,
        report.chars / report.questions.max(1),
        types.join(", ")
    );
    let _ = writeln!(out, "Câu có lỗi: {}", report.flagged.len());
    let flagged: HashMap<usize, &Vec<Flag>> = report.flagged.iter().map(|(i, f)| (*i, f)).collect();
    for (i, q) in set.questions.iter().enumerate() {
        let marks = flagged.get(&i).map_or(String::new(), |f| {
            let names: Vec<&str> = f.iter().map(|f| f.describe()).collect();
            format!("  !! {}", names.join("; "))
        });
        let _ = writeln!(
            out,
            "{:>3}. {} ({}){marks}",
            i + 1,
            one_line(q),
            q.source.anchor
        );
    }
    if let Some(share) = report.coverage_share() {
        let _ = writeln!(
            out,
            "\nÝ chính đã hỏi: {}/{} ({:.0}%)",
            report.covered(),
            report.coverage.len(),
            share * 100.0
        );
        for (fact, qs) in &report.coverage {
            let status = if qs.is_empty() {
                "CHƯA HỎI".to_string()
            } else {
                let n: Vec<String> = qs.iter().map(|i| (i + 1).to_string()).collect();
                format!("câu {}", n.join(", "))
            };
            let _ = writeln!(
                out,
                "  {:<8} {:<10} {} → {} — {status}",
                fact.anchor.to_string(),
                format!("{:?}", fact.kind),
                fact.asks,
                fact.answers.join(" / ")
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_compare_however_they_are_spaced() {
        assert_eq!(compact_numbers("khoảng 7 - 7,5 %"), "khoảng 7-7,5%");
    }

    #[test]
    fn a_document_number_is_not_a_count() {
        assert!(is_document_number(
            "theo Nghị quyết số 12-NQ/TW của Bộ Chính trị",
            12.0
        ));
        assert!(!is_document_number(
            "có 12 tỉnh theo Nghị quyết 12-NQ/TW",
            12.0
        ));
        assert!(!is_document_number("gồm 34 tỉnh, thành phố", 34.0));
    }

    #[test]
    fn broken_abbreviations_and_quotes_are_seen() {
        assert!(has_broken_case("tăng trưởng gRDP đạt"));
        assert!(!has_broken_case("tăng trưởng GRDP đạt"));
        assert!(bad_quotes("phương châm “”Đoàn kết”"));
        assert!(bad_quotes("“Đoàn kết"));
        assert!(!bad_quotes("“Đoàn kết”"));
        assert!(!bad_quotes(
            "phương châm \"Đoàn kết\", khẩu hiệu:\"Đổi mới\" (\"Kỷ cương\")"
        ));
        // Two straight quotes, each of a quotation cut away.
        assert!(bad_quotes(
            "theo tấm gương Bác Hồ\", Quy định ___ \"về chuẩn mực…"
        ));
        assert!(bad_quotes("”Đoàn kết“"));
    }

    #[test]
    fn fragments_are_seen() {
        assert!(is_fragment("phát triển và"));
        assert!(is_fragment("- xã hội"));
        assert!(!is_fragment("phát triển bền vững"));
    }

    #[test]
    fn figures_are_statistics_not_dates_articles_or_numbers_of_documents() {
        // A row of statistics.
        assert_eq!(
            figures_in("Tỉnh xây dựng 68 phương án, sắp xếp 193 đơn vị, giảm 12,5%"),
            3
        );
        // Dates written out, a document's number, an article, a session.
        assert_eq!(
            figures_in(
                "trước ngày 30 tháng 6 năm 2025 theo Nghị quyết số 1211/2016/UBTVQH13, Điều 10, phiên họp thứ 44, ngày 12/5/2025"
            ),
            0
        );
        assert_eq!(figures_in("đạt từ 45.000 người trở lên, ngày 1 tháng 7"), 1);
        assert_eq!(figures_in("tăng 14,5 – 15,5%; dịch vụ 8 - 9%"), 2);
    }

    /// A generated fill-in: `text` with its blank, `answer`, the sentence
    /// it quotes and the key point it asks.
    fn fill(text: String, answer: &str, quote: String, point: &str) -> Question {
        Question {
            id: "gen-point-1-fill".to_string(),
            prompt: "Điền vào chỗ trống theo đúng văn bản.".to_string(),
            answer: Answer::FillBlank {
                text,
                blanks: vec![vec![answer.to_string()]],
            },
            explanation: String::new(),
            source: crate::quiz::Source {
                anchor: "p1.s1".parse().unwrap(),
                quote,
            },
            tags: Vec::new(),
            key_point: Some(point.to_string()),
            difficulty: None,
        }
    }

    #[test]
    fn a_choice_the_range_itself_rules_out_is_seen() {
        let choices = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let p = "Chọn số liệu đúng với văn bản cho chỗ trống: «Số hộ nghèo giảm từ 40% đến ___ so với năm trước»";
        assert!(impossible_choice(
            p,
            &choices(&["30%", "50%", "60%", "70%"]),
            1
        ));
        assert!(!impossible_choice(
            p,
            &choices(&["45%", "50%", "60%", "70%"]),
            1
        ));
        let p = "Chọn số liệu đúng với văn bản cho chỗ trống: «Mức thưởng gấp từ 03 lần đến ___ lần mức chung»";
        assert!(impossible_choice(p, &choices(&["03", "04", "05", "06"]), 2));
        assert!(!impossible_choice(
            p,
            &choices(&["04", "05", "06", "07"]),
            1
        ));
        let p = "Chọn số liệu đúng với văn bản cho chỗ trống: «Tỷ lệ che phủ rừng đạt ___ đến 45% diện tích»";
        assert!(impossible_choice(
            p,
            &choices(&["35%", "40%", "50%", "30%"]),
            1
        ));
        assert!(!impossible_choice(
            p,
            &choices(&["35%", "40%", "42%", "30%"]),
            1
        ));
    }

    #[test]
    fn a_text_that_points_back_does_not_say_what_it_asks() {
        assert!(refers_back("Các quyết định trên có hiệu lực từ ngày ___"));
        assert!(refers_back(
            "Những nội dung này được thực hiện trong ___ năm"
        ));
        assert!(refers_back("Điều này thể hiện rõ trong ___ điểm"));
        assert!(refers_back("Trong đó có ___ trường học mới"));
        assert!(!refers_back("Các trường học mới có ___ lớp"));
        assert!(refers_back(
            "Giám đốc Sở nhấn mạnh, đây là ___ việc cần làm ngay"
        ));
        assert!(refers_back("Sở đôn đốc các nội dung trên trước ngày ___"));
        let cut = fill(
            "Nghị quyết của hội đã có hiệu lực … trong đó có 4 nhóm nhiệm vụ chung, ___ nhiệm vụ cụ thể".to_string(),
            "3",
            "Nghị quyết của hội đã có hiệu lực từ tháng 6, ban chấp hành đã ban hành kế hoạch, trong đó có 4 nhóm nhiệm vụ chung, 3 nhiệm vụ cụ thể.".to_string(),
            "3",
        );
        assert!(flags(&cut).contains(&Flag::Vague));
        assert!(!refers_back(
            "Giám đốc Sở nhấn mạnh, năm học mới có ___ trường"
        ));
        assert!(!refers_back("Trong đó, Sở Giáo dục hỗ trợ ___ trường"));
        let q = fill(
            "Các quyết định trên có hiệu lực từ ngày ___ và được đăng công báo ngay sau khi ký".to_string(),
            "1/7/2025",
            "Các quyết định trên có hiệu lực từ ngày 1/7/2025 và được đăng công báo ngay sau khi ký.".to_string(),
            "1/7/2025",
        );
        assert!(flags(&q).contains(&Flag::Vague));
    }

    #[test]
    fn a_document_number_needs_what_the_document_is_about() {
        assert!(is_document_number_text("150-KL/TW"));
        assert!(is_document_number_text("118/NQ-CP"));
        assert!(!is_document_number_text("30/6/2025"));
        assert!(says_what_a_document_is_about(
            "Hội đã ban hành Nghị quyết số ___, ngày 2/1/2025 về phát triển hội viên"
        ));
        assert!(says_what_a_document_is_about(
            "Các chi hội đẩy mạnh phát triển hội viên trẻ ở nông thôn theo Nghị quyết số ___ ngày 2/1/2025"
        ));
        assert!(!says_what_a_document_is_about(
            "Yêu cầu các chi hội thực hiện nghiêm Kết luận số ___, ngày 2/1/2025 của Ban Thường vụ"
        ));
        // The "về" of the next document is not this one's.
        assert!(!says_what_a_document_is_about(
            "Thực hiện Kết luận số ___ của Ban Thường vụ và Kết luận số 12-KL/HH về hội viên"
        ));
        assert!(!says_what_a_document_is_about(
            "Tổng kết việc thực hiện Nghị quyết số ___ về nội dung trên trước ngày 5/5/2025"
        ));
    }

    #[test]
    fn all_of_them_said_as_a_fraction_is_a_guess() {
        let q = |answer: &str| {
            fill(
                "Ban soạn thảo đã tiếp thu ý kiến ở tất cả ___ điều được đề nghị sửa đổi trong điều lệ của hội".to_string(),
                answer,
                format!("Ban soạn thảo đã tiếp thu ý kiến ở tất cả {answer} điều được đề nghị sửa đổi trong điều lệ của hội."),
                answer,
            )
        };
        assert!(flags(&q("5/5")).contains(&Flag::MinorStatistic));
        assert!(!flags(&q("5/12")).contains(&Flag::MinorStatistic));
    }

    #[test]
    fn a_limit_of_nothing_a_headings_year_and_a_titles_tail_are_vague() {
        let numeric = |prompt: &str| {
            let mut q = fill(
                String::new(),
                "",
                "Người đã ra khỏi hội ít nhất 24 tháng kể từ ngày ra khỏi hội thì được xét lại."
                    .to_string(),
                "24 tháng",
            );
            q.prompt = prompt.to_string();
            q.answer = Answer::Numeric {
                answer: 24.0,
                tolerance: 0.0,
                unit: None,
            };
            q
        };
        assert!(
            flags(&numeric(
                "Ít nhất là bao nhiêu tháng kể từ khi ra khỏi hội?"
            ))
            .contains(&Flag::Vague)
        );
        assert!(
            !flags(&numeric(
                "Người đã ra khỏi hội được xét lại sau ít nhất bao nhiêu tháng?"
            ))
            .contains(&Flag::Vague)
        );
        let mut year = numeric("Theo văn bản, mục tiêu cụ thể đến năm nào?");
        year.answer = Answer::SingleChoice {
            choices: vec!["2025".into(), "2030".into(), "2035".into(), "2040".into()],
            answer: 1,
        };
        assert!(flags(&year).contains(&Flag::Vague));
        year.prompt = "Theo văn bản, tầm nhìn đến năm nào?".to_string();
        assert!(!flags(&year).contains(&Flag::Vague));
        let tail = fill(
            "về các việc cần làm ngay của hội từ nay đến ngày ___ để chuẩn bị đại hội nhiệm kỳ mới".to_string(),
            "30/6/2025",
            "về các việc cần làm ngay của hội từ nay đến ngày 30/6/2025 để chuẩn bị đại hội nhiệm kỳ mới".to_string(),
            "30/6/2025",
        );
        assert!(flags(&tail).contains(&Flag::Vague));
        let item = fill(
            "Ít nhất là ___ tháng kể từ khi ra khỏi hội".to_string(),
            "24",
            "Ít nhất là 24 tháng kể từ khi ra khỏi hội.".to_string(),
            "24 tháng",
        );
        assert!(flags(&item).contains(&Flag::Vague));
    }

    #[test]
    fn a_bare_count_of_what_its_sentence_counts_twice_is_vague() {
        let count = |quote: &str| {
            let mut q = fill(String::new(), "", quote.to_string(), "36 hội viên");
            q.prompt = "Theo văn bản, có bao nhiêu hội viên?".to_string();
            q.answer = Answer::Numeric {
                answer: 36.0,
                tolerance: 0.0,
                unit: None,
            };
            q
        };
        let twice =
            count("Chi hội đã kết nạp 44 hội viên mới và chuyển sinh hoạt cho 36 hội viên.");
        assert!(flags(&twice).contains(&Flag::Vague));
        let once = count("Chi hội đã kết nạp 36 hội viên mới trong năm học.");
        assert!(!flags(&once).contains(&Flag::Vague));
    }

    #[test]
    fn an_answer_the_title_gives_is_not_asked() {
        let title = Folded::new("Huyện A lập Quỹ trường học cho 12 xã trong tháng 9, đạt 35% vốn");
        let q = |answer: &str, point: &str| {
            fill(
                format!("Huyện đặt ra ___ {point} cho năm học mới của các xã vùng cao"),
                answer,
                format!("Huyện đặt ra {answer} {point} cho năm học mới của các xã vùng cao."),
                &format!("{answer} {point}"),
            )
        };
        // The title's own figure, and a small count only with what it counts.
        assert!(answer_in_title(&q("35%", "vốn"), &title));
        assert!(!answer_in_title(&q("9", "nhóm việc"), &title));
        assert!(answer_in_title(&q("12", "xã"), &title));
        assert!(!answer_in_title(&q("36%", "vốn"), &title));
    }

    #[test]
    fn a_two_is_a_guess_even_as_the_levels_of_government() {
        let q = |point: &str, counted: &str| {
            fill(
                format!(
                    "Xã phường trong huyện được tổ chức theo mô hình ___ {counted} từ tháng tới"
                ),
                "2",
                format!(
                    "Xã phường trong huyện được tổ chức theo mô hình 2 {counted} từ tháng tới."
                ),
                point,
            )
        };
        assert!(flags(&q("2 cấp", "cấp")).contains(&Flag::MinorStatistic));
        assert!(flags(&q("2 đơn vị", "đơn vị")).contains(&Flag::MinorStatistic));
    }

    #[test]
    fn an_anniversary_whose_two_years_are_shown_gives_itself_away() {
        let q = |years: &str| {
            fill(
                format!("Huyện long trọng tổ chức lễ kỷ niệm ___ năm Ngày thành lập huyện{years}"),
                "70",
                format!("Huyện long trọng tổ chức lễ kỷ niệm 70 năm Ngày thành lập huyện{years}."),
                "70 năm Ngày thành lập huyện",
            )
        };
        assert!(flags(&q(" (1955 - 2025)")).contains(&Flag::AnswerInPrompt));
        assert!(!flags(&q("")).contains(&Flag::AnswerInPrompt));
    }

    #[test]
    fn the_day_a_text_takes_effect_is_asked_though_its_sentence_is_short() {
        let q = |text: &str| {
            fill(
                format!("{text} ___"),
                "01/01/2032",
                format!("{text} ngày 01/01/2032."),
                "ngày 01/01/2032",
            )
        };
        assert!(!flags(&q("Luật này có hiệu lực thi hành từ ngày")).contains(&Flag::Vague));
        assert!(flags(&q("Hội nghị diễn ra vào ngày")).contains(&Flag::Vague));
    }

    #[test]
    fn a_task_that_names_the_remit_of_its_body_alone_gives_it_away() {
        let q = |task: &str, choices: [&str; 4]| Question {
            id: "gen-point-1-task".to_string(),
            prompt: format!("Theo văn bản, cơ quan nào chủ trì việc sau: «___ chủ trì {task}»?"),
            answer: Answer::SingleChoice {
                choices: choices.iter().map(|c| c.to_string()).collect(),
                answer: 0,
            },
            explanation: String::new(),
            source: crate::quiz::Source {
                anchor: "p1.s1".parse().unwrap(),
                quote: format!("Sở Tài chính chủ trì {task}."),
            },
            tags: Vec::new(),
            key_point: None,
            difficulty: None,
        };
        let bodies = ["Bộ Công an", "Bộ Xây dựng", "Bộ Y tế", "Bộ Nội vụ"];
        let given = |task: &str, choices| flags(&q(task, choices)).contains(&Flag::GivenByRemit);
        // Seals and residence are the police's, whatever the spelling of
        // the tones.
        assert!(given("hướng dẫn khắc con dấu mới", bodies));
        assert!(given("cấp lại giấy tờ cư trú cho người dân", bodies));
        // Nothing in the task points to one body.
        assert!(!given("xây dựng kế hoạch tổ chức hội nghị sơ kết", bodies));
        // The remit of a wrong choice is shown too: a fair question.
        assert!(!given(
            "rà soát con dấu và trụ sở của các bệnh viện",
            bodies
        ));
        // A body of the Party, under its longer name.
        assert!(given(
            "hướng dẫn công tác tuyên truyền về đại hội",
            [
                "Ban Tuyên giáo và Dân vận Trung ương",
                "Văn phòng Trung ương Đảng",
                "Ban Nội chính Trung ương",
                "Đảng ủy Quốc hội"
            ]
        ));
    }

    #[test]
    fn how_many_papers_were_issued_is_not_asked() {
        let q = |counted: &str| {
            fill(
                format!(
                    "Trong năm qua, Ủy ban nhân dân tỉnh đã ban hành ___ {counted} về phát triển nhà ở cho công nhân"
                ),
                "14",
                format!(
                    "Trong năm qua, Ủy ban nhân dân tỉnh đã ban hành 14 {counted} về phát triển nhà ở cho công nhân."
                ),
                &format!("14 {counted}"),
            )
        };
        for papers in ["nghị quyết", "chỉ thị, quyết định", "văn bản"] {
            assert!(
                flags(&q(papers)).contains(&Flag::MinorStatistic),
                "{papers}"
            );
        }
        // What the papers did is counted, not the papers.
        assert!(!flags(&q("khu nhà ở")).contains(&Flag::MinorStatistic));
    }

    #[test]
    fn an_obituary_s_age_and_badges_are_not_asked() {
        let q = |text: &str, point: &str| {
            fill(text.replace("70", BLANK), "70", format!("{text}."), point)
        };
        let minor =
            |text: &str, point: &str| flags(&q(text, point)).contains(&Flag::MinorStatistic);
        assert!(minor(
            "Sau thời gian lâm bệnh, ông đã từ trần tại nhà riêng, hưởng thọ 70 tuổi",
            "70 tuổi"
        ));
        assert!(minor(
            "Ông được tặng Huân chương Độc lập hạng Nhất và Huy hiệu 70 năm tuổi Đảng cùng nhiều phần thưởng",
            "70 năm tuổi Đảng"
        ));
        // An age a rule sets is worth knowing.
        assert!(!minor(
            "Người vào Hội phải đủ tuổi lao động và không quá 70 tuổi tính theo tháng khi nộp đơn",
            "70 tuổi"
        ));
    }

    #[test]
    fn years_are_counted_once() {
        assert_eq!(
            years_in("đến năm 2030, tầm nhìn đến năm 2045; năm 2030"),
            vec![2030, 2045]
        );
    }
}
