//! Questions made from key points, for any document.
//!
//! Rules every generated question keeps (tested below):
//! - it is answerable from its source sentence, which it quotes and shows
//!   after answering;
//! - no duplicate choices, and no distractor that the text also states as
//!   true for the same thing;
//! - no blank whose answer stands elsewhere in the same prompt;
//! - ids come from the key point and the kind of question, never from the
//!   seed, so regenerating keeps them (and progress with them);
//! - the seed only picks distractors and true/false variants: the same seed
//!   gives the same questions.

use std::cell::OnceCell;
use std::collections::HashSet;

use rand::SeedableRng;
use rand::rngs::StdRng;

use crate::document::Document;
use crate::ids::fnv1a;
use crate::keypoints::{Detail, KeyPoint};
use crate::quiz::{
    Answer, BLANK, Difficulty, FORMAT_VERSION, MAX_SET_BYTES, Question, QuestionSet, Source,
    ToneMarks,
};
use facts::Facts;
use phrasing::*;
use quality::Flag;
use select::{Candidate, Dropped};
use shorten::{shorten_after, shorten_before, whole_words_end};
use times::date_variants;

/// The most bytes a generated set may take as a file: `check` refuses files
/// over [`MAX_SET_BYTES`], and the header and rounding need some room.
pub const MAX_GENERATED_BYTES: usize = MAX_SET_BYTES as usize - 64 * 1024;

/// A document title longer than this is taken for a first paragraph, and
/// answers standing in it are not dropped as known from the title.
const MAX_TITLE_BYTES: usize = 400;

/// Key points in sentences longer than this are not asked about: every
/// question quotes its whole sentence, and a "sentence" of a megabyte (a
/// text without full stops) would make a set of gigabytes.
pub const MAX_SENTENCE_BYTES: usize = 4 * 1024;

/// The question set generated for a document.
///
/// Every question in it passes the trainer's check (`nghiquyet check`, see
/// [`crate::quiz::parse_set`]): each is taken as `check` reads it back
/// ([`crate::quiz::read_back`]), and dropped if `check` would find anything
/// wrong with it; ids are unique, and the whole set stays under
/// [`MAX_GENERATED_BYTES`]. The set may be empty: a text with nothing to ask
/// about has no questions.
pub fn generate(doc: &Document, points: &[KeyPoint], seed: u64) -> QuestionSet {
    generate_within(doc, points, seed, MAX_GENERATED_BYTES, false).0
}

/// [`generate`], and the questions it dropped with the defects found in them
/// (for `nghiquyet generate --report`): the same set, with every flag of a
/// dropped question looked for where [`generate`] stops at the first.
pub fn generate_with_dropped(
    doc: &Document,
    points: &[KeyPoint],
    seed: u64,
) -> (QuestionSet, Vec<(Question, Vec<Flag>)>) {
    generate_within(doc, points, seed, MAX_GENERATED_BYTES, true)
}

/// [`generate`] with a smaller size budget (tests use it).
pub(crate) fn generate_within(
    doc: &Document,
    points: &[KeyPoint],
    seed: u64,
    max_bytes: usize,
    explain: bool,
) -> (QuestionSet, Vec<(Question, Vec<Flag>)>) {
    let (task_bodies, broken_names) = facts::task_bodies(doc, points);
    let g = Generator {
        doc,
        points,
        seed,
        facts: Facts {
            row_sentences: facts::row_sentences(doc, points),
            broken_names,
            ..Facts::gather(points)
        }
        .with_tasks(task_bodies),
        weak_forms: explain,
    };
    let mut set = QuestionSet {
        format: FORMAT_VERSION,
        // Cut at 200 characters, never on a space (a set read back has
        // its title trimmed).
        title: format!(
            "Câu hỏi tạo tự động — {}",
            first_chars(&doc.meta.title, 200).trim_end()
        ),
        author: "nghiquyet".to_string(),
        document: document_id(doc),
        language: "vi".to_string(),
        tone_marks: ToneMarks::AcceptWithNote,
        partial_credit: false,
        questions: Vec::new(),
    };
    // A long "title" is the first paragraph of a text with no heading, not
    // a headline everyone has read.
    let title = Folded::new(if doc.meta.title.len() <= MAX_TITLE_BYTES {
        &doc.meta.title
    } else {
        ""
    });
    // "Luật này" means nothing in a question read on its own.
    let own_name = (doc.meta.title.len() <= MAX_TITLE_BYTES)
        .then(|| phrasing::own_name(&doc.meta.title, &doc.blocks))
        .flatten();
    let empty_size = crate::storage::to_ron(&set).map_or(0, |t| t.len());
    let empty_one = crate::storage::to_ron(&one_question_set(Vec::new())).map_or(0, |t| t.len());
    // Each question depends only on its key point, the facts and the seed,
    // so parts of a long document are worked on (and checked) in parallel, in order.
    let parts = crate::parallel::split_by_size(points, |p| p.phrase.len() + 40);
    let mut dropped = Dropped::new(explain);
    let mut checked: Vec<Candidate> = Vec::new();
    for (kept, lost) in crate::parallel::map(&parts, |range| {
        let mut checked = Vec::new();
        let mut dropped = Dropped::new(explain);
        let mut bytes = 0;
        let mut out = Vec::new();
        let mut source: Option<(String, OnceCell<quality::SourceFacts>)> = None;
        let part = &points[range.clone()];
        for (i, point) in part.iter().enumerate() {
            g.for_point(point, &mut out);
            if let Some(own) = &own_name {
                out.iter_mut().for_each(|q| name_own_document(q, own));
            }
            // The best question of each fact is chosen among those with no
            // flag: the check (writing and reading the question back, then
            // looking for defects) is the costly step, so only a question
            // that would be kept goes through it — every one when the
            // report shows what was dropped and why.
            let questions = std::mem::take(&mut out);
            let flags_of = |q: &Question| {
                // A sentence's questions come together: its facts are
                // worked out once, when a question first needs them.
                if source
                    .as_ref()
                    .is_none_or(|(quote, _)| *quote != q.source.quote)
                {
                    source = Some((q.source.quote.clone(), OnceCell::new()));
                }
                let facts = source.as_ref().map(|(_, facts)| facts).expect("set above");
                // What the report shows: every flag; otherwise one is
                // enough to drop it.
                let mut flags = if explain {
                    quality::flags_in(q, facts)
                } else {
                    quality::first_flag(q, facts).into_iter().collect()
                };
                if (explain || flags.is_empty()) && quality::answer_in_title(q, &title) {
                    flags.push(Flag::InTitle);
                }
                flags
            };
            for c in select::best_per_fact(questions, &mut dropped, explain, flags_of) {
                if let Ok(q) = crate::quiz::read_back(&c.question) {
                    bytes += least_size(&q);
                    checked.push(Candidate {
                        question: q,
                        score: c.score,
                    });
                }
            }
            // Past the budget on its own, nothing later in this part is kept
            // — once this sentence's points are all in, since the choice
            // among a sentence's questions must not depend on the budget.
            let sentence_ends = part
                .get(i + 1)
                .is_none_or(|next| next.anchor != point.anchor);
            if bytes > max_bytes && sentence_ends {
                break;
            }
        }
        (checked, dropped)
    }) {
        checked.extend(kept);
        dropped.append(lost);
    }
    let mut matchings = Vec::new();
    if g.weak_forms {
        g.people_matching(&mut matchings);
        g.count_matchings(&mut matchings);
    }
    for q in matchings {
        if let Ok(q) = crate::quiz::read_back(&q) {
            let flags = if explain {
                quality::flags(&q)
            } else {
                quality::first_flag(&q, &OnceCell::new())
                    .into_iter()
                    .collect()
            };
            if flags.is_empty() {
                checked.push(Candidate::new(q));
            } else {
                dropped.push((q, flags));
            }
        }
    }
    // The same fact from two sentences, the same prompt with two answers:
    // the first is kept. Then unique ids (as `check` compares them) and the
    // size budget.
    let checked = select::across_the_set(checked, &mut dropped);
    let text_chars = doc
        .blocks
        .iter()
        .map(|b| b.text.chars().count())
        .sum::<usize>();
    let checked = select::thin(checked, text_chars, &mut dropped);
    let mut ids = HashSet::new();
    let mut size = empty_size;
    for c in checked {
        let Some(bytes) = written_size(empty_one, &c.question) else {
            continue;
        };
        if size + bytes > max_bytes {
            break;
        }
        if ids.insert(c.question.id.clone()) {
            size += bytes;
            set.questions.push(c.question);
        }
    }
    (set, dropped.list)
}

/// The id a set names its document by: never blank, which `check` refuses.
fn document_id(doc: &Document) -> String {
    let id = crate::text::collapse_spaces(doc.id());
    if !id.is_empty() {
        return id;
    }
    let title = crate::text::collapse_spaces(&doc.meta.title);
    if title.is_empty() {
        "tai-lieu".to_string()
    } else {
        title
    }
}

/// The bytes `q` adds to a set file: what it takes written alone in a set,
/// less the set's header, and the separator between questions with some
/// room to spare.
fn written_size(empty_one: usize, q: &Question) -> Option<usize> {
    let text = crate::storage::to_ron(&one_question_set(vec![q.clone()])).ok()?;
    Some(text.len().saturating_sub(empty_one) + 16)
}

/// Fewer bytes than `q` takes written to a set file (its text alone), worked
/// out without writing it: a part of a long document stops making questions
/// once past the budget by this much, certainly past it when written.
fn least_size(q: &Question) -> usize {
    let answer: usize = match &q.answer {
        Answer::SingleChoice { choices, .. } | Answer::MultipleChoice { choices, .. } => {
            choices.iter().map(String::len).sum()
        }
        Answer::FillBlank { text, blanks } => {
            text.len() + blanks.iter().flatten().map(String::len).sum::<usize>()
        }
        Answer::Ordering(items) => items.iter().map(String::len).sum(),
        Answer::Matching(pairs) => pairs.iter().map(|(a, b)| a.len() + b.len()).sum(),
        Answer::TrueFalse(_) | Answer::Numeric { .. } => 0,
    };
    q.id.len() + q.prompt.len() + q.source.quote.len() + q.explanation.len() + answer
}

/// A set with a short header around `questions`, for checking them one by one.
fn one_question_set(questions: Vec<Question>) -> QuestionSet {
    QuestionSet {
        format: FORMAT_VERSION,
        title: "x".to_string(),
        author: String::new(),
        document: "x".to_string(),
        language: "vi".to_string(),
        tone_marks: ToneMarks::AcceptWithNote,
        partial_credit: false,
        questions,
    }
}

/// The first `n` characters of `s`.
fn first_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

struct Generator<'a> {
    doc: &'a Document,
    points: &'a [KeyPoint],
    seed: u64,
    facts: Facts<'a>,
    /// Also the forms a trainer never uses, which [`quality`] always flags
    /// as [`Flag::WeakForm`] — true/false, matching, "Theo văn bản, ai là
    /// …?", "X là gì?", "X là ___", a year or a term to fill in, a body
    /// or a place chosen for a blank, a quoted phrase blanked: made only for the report, which shows what was
    /// dropped and why. Made or not, the set is the same (tested); leaving
    /// them out halves the work on a long text.
    weak_forms: bool,
}

impl Generator<'_> {
    fn rng(&self, id: &str) -> StdRng {
        StdRng::seed_from_u64(self.seed ^ fnv1a(id.as_bytes()))
    }

    fn sentence(&self, point: &KeyPoint) -> String {
        point.sentence(self.doc).to_string()
    }

    fn source(&self, point: &KeyPoint) -> Source {
        Source {
            anchor: point.anchor,
            quote: self.sentence(point),
        }
    }

    fn question(
        &self,
        point: &KeyPoint,
        variant: &str,
        prompt: String,
        answer: Answer,
        explanation: String,
    ) -> Question {
        Question {
            id: format!("gen-{}-{variant}", point.id),
            prompt,
            answer,
            explanation,
            source: self.source(point),
            tags: vec!["tự động".to_string()],
            key_point: Some(point.summary()),
            difficulty: Some(Difficulty::Medium),
        }
    }

    /// The sentence of the key point (the text a fill-in is made from) and
    /// where the point stands in it; shortened around the blank later.
    fn clause(&self, point: &KeyPoint) -> (String, usize) {
        let block = &self.doc.blocks[point.block];
        let sentence = point
            .sentence_range(self.doc)
            .unwrap_or(0..block.text.len());
        let text = &block.text[sentence.clone()];
        // A curated point may stand outside its anchor's sentence: then the clause is the sentence's start.
        let at = point
            .range
            .start
            .saturating_sub(sentence.start)
            .min(text.len());
        let at = if text.is_char_boundary(at) { at } else { 0 };
        // The whole sentence: a clause cut at ";" or ":" loses who does
        // what (a trainer's review found blanks no one could place). Less a
        // news item's dateline ("(TTXVN) – ", "HÀ NỘI – "), which is not
        // part of what the text says.
        let dateline = dateline_len(text);
        let start = if at >= dateline { dateline } else { 0 };
        let end = text.len();
        // Less a list label ("c) ", "đ) ", "2. ") or Markdown's emphasis
        // left in a pasted text ("*Căn cứ …*"): layout, not words to show.
        let clause = strip_label(text[start..end].trim_start());
        let lead = text[start..end].len() - clause.len();
        let clause = clause
            .trim_end()
            .trim_end_matches(['*', '_'])
            .trim_end_matches(['.', ';', '/'])
            .trim_end();
        let at = at - start - lead;
        // Two sentences welded by a missing space ("… từ ngày 9/5/2025.Sau
        // sắp xếp, cả nước có …"): only the one the point stands in.
        let (from, to) = welded_sentence(clause, at);
        let mut shown = clause[from..to].to_string();
        // "Thứ hai, chủ động phối hợp …" less its ordinal starts with a
        // capital, as a sentence does (where the capital is as long).
        if from == 0
            && lead > 0
            && let Some(first) = shown.chars().next().filter(|c| c.is_lowercase())
        {
            let upper: String = first.to_uppercase().collect();
            if upper.len() == first.len_utf8() {
                shown.replace_range(..first.len_utf8(), &upper);
            }
        }
        (shown, at - from)
    }

    /// Whether a question may quote the point's sentence (see [`MAX_SENTENCE_BYTES`]).
    fn askable(&self, point: &KeyPoint) -> bool {
        point
            .sentence_range(self.doc)
            .is_some_and(|r| r.len() <= MAX_SENTENCE_BYTES)
    }

    /// Whether the key point stands inside brackets: a detail ("(7.694 xã,
    /// 1.724 phường)"), not what the sentence says.
    fn in_brackets(&self, point: &KeyPoint) -> bool {
        let text = &self.doc.blocks[point.block].text;
        let Some(range) = point.sentence_range(self.doc) else {
            return false;
        };
        let start = point.range.start.clamp(range.start, range.end);
        let before = text.get(range.start..start).unwrap_or("");
        before.matches('(').count() > before.matches(')').count()
    }

    /// A date right after a document's number, or opening a news item.
    fn clerical_date(&self, point: &KeyPoint) -> bool {
        let text = &self.doc.blocks[point.block].text;
        let Some(range) = point.sentence_range(self.doc) else {
            return false;
        };
        let start = point.range.start.clamp(range.start, range.end);
        let before = text.get(range.start..start).unwrap_or("");
        let near: String = before
            .chars()
            .rev()
            .take(30)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after_number = near.contains('/')
            && near.chars().any(|c| c.is_uppercase())
            && near
                .split_whitespace()
                .any(|w| w.contains('/') || w.contains('-'));
        let dateline = point.block == 0
            || before.trim_start().starts_with('(')
            || before.split_whitespace().count() <= 1;
        after_number || dateline || minor_date(before, point.sentence(self.doc))
    }

    fn for_point(&self, point: &KeyPoint, out: &mut Vec<Question>) {
        if !self.askable(point) || self.in_brackets(point) {
            return;
        }
        // "Tỉnh A xây dựng 68 phương án …": one row of a table written as
        // sentences; its figures are not what a room is asked.
        let number = matches!(point.detail, Detail::Count { .. } | Detail::Figure { .. });
        if number && self.facts.row_sentences.contains(&point.anchor) {
            return;
        }
        match &point.detail {
            Detail::Count {
                number,
                noun,
                tail,
                qualifier,
            } => {
                // The same count said twice ("4 khâu đột phá … Bốn khâu đột phá gồm") is asked once.
                if self.facts.first_counts.contains(point.id.as_str()) {
                    self.count(point, *number, noun, tail, qualifier, out);
                }
            }
            Detail::Year {
                year,
                context,
                context_after,
            } => self.year(point, *year, context, *context_after, out),
            Detail::Term { from, to, context } => self.term(point, *from, *to, context, out),
            Detail::Figure {
                figure,
                unit,
                qualifier,
            } => self.figure(point, figure, unit, qualifier, out),
            Detail::Reference { kind, number } => self.reference(point, kind, number, out),
            Detail::Name { name, class } => {
                if !self.task(point, name, class, out)
                    && self.facts.asked_names.contains(point.id.as_str())
                {
                    self.name(point, name, class, out);
                }
            }
            // The date of a report or a plan ("Báo cáo số 392-BC/BTCTW, ngày
            // …") and the dateline of a news item are not worth asking.
            Detail::Date { .. } if self.clerical_date(point) => {}
            Detail::Date { date } => {
                self.blank_in_clause(point, date, &date_variants(date), "date", out)
            }
            Detail::Quote { label, text, parts } => self.quote(point, label, text, parts, out),
            Detail::Person { name, .. } => {
                if !self.elected(point, name, out)
                    && !self.deed(point, name, out)
                    && self.weak_forms
                {
                    self.person(point, out)
                }
            }
            // "X là ___", "X là gì?" and a list to put in order: the forms a
            // trainer never uses (see `weak_forms`).
            Detail::Definition {
                subject,
                definition,
            } if self.weak_forms => self.definition(point, subject, definition, out),
            Detail::Enumeration { items } if self.weak_forms => self.enumeration(point, items, out),
            Detail::Definition { .. } | Detail::Enumeration { .. } => {}
            Detail::Statement { text, key } => self.statement(point, text, key, out),
            Detail::List {
                intro,
                count,
                titles,
            } => self.list(point, intro, *count, titles, out),
        }
    }

    /// The key point's clause with `answer_text` (at or after the point)
    /// blanked, cut around the blank (see [`shorten`]), and the whole
    /// clause; `None` when the answer is not there or also stands elsewhere
    /// in the text shown.
    fn blanked(&self, point: &KeyPoint, answer_text: &str) -> Option<(String, String)> {
        let (clause, at) = self.clause(point);
        let offset = clause[at.min(clause.len())..]
            .find(answer_text)
            .map(|o| o + at)?;
        let before = shorten_before(&clause[..offset]);
        let after = shorten_after(
            &clause[offset + answer_text.len()..],
            shorten::sets_condition(&clause[..offset]),
        );
        let text = format!("{before}{BLANK}{after}");
        if contains_words(&text, answer_text) || text.trim() == BLANK {
            return None;
        }
        Some((text, clause))
    }

    /// Blanks `answer_text` in the key point's clause: a fill-in question,
    /// unless the answer also stands elsewhere in the clause.
    fn blank_in_clause(
        &self,
        point: &KeyPoint,
        answer_text: &str,
        accepted: &[String],
        variant: &str,
        out: &mut Vec<Question>,
    ) {
        if !self.weak_forms && quality::is_year_or_term(answer_text) {
            return;
        }
        let Some((text, clause)) = self.blanked(point, answer_text) else {
            return;
        };
        let mut blanks = vec![answer_text.to_string()];
        for a in accepted {
            if !blanks.iter().any(|b| same(b, a)) {
                blanks.push(a.clone());
            }
        }
        out.push(self.question(
            point,
            variant,
            "Điền vào chỗ trống theo đúng văn bản.".to_string(),
            Answer::FillBlank {
                text,
                blanks: vec![blanks],
            },
            format!("Văn bản viết: “{clause}”."),
        ));
    }
}

/// The length in bytes of a news item's dateline at the start of
/// `sentence` — a short run of capitals, digits and brackets ending in a
/// dash: "(TTXVN) – ", "HÀ NỘI (VOV) - ", "(HDDTVN) — " — or 0.
pub(crate) fn dateline_len(sentence: &str) -> usize {
    let head: String = sentence.chars().take(40).collect();
    for (at, dash) in head
        .char_indices()
        .filter(|(_, c)| matches!(c, '–' | '—' | '-'))
    {
        let rest = &head[at + dash.len_utf8()..];
        let space = rest.len() - rest.trim_start().len();
        if space == 0 {
            continue;
        }
        let prefix = head[..at].trim_end();
        let capitals = prefix.chars().filter(|c| c.is_uppercase()).count();
        let plain = prefix.chars().all(|c| {
            c.is_uppercase() || c.is_ascii_digit() || c.is_whitespace() || "().,/".contains(c)
        });
        // A source in brackets, or a place of two words or more: not an
        // abbreviation being explained ("GRDP – tổng sản phẩm…").
        let bracketed = prefix.contains('(') && prefix.ends_with(')');
        let place = prefix.split_whitespace().count() >= 2;
        if plain && capitals >= 2 && (bracketed || place) {
            return at + dash.len_utf8() + space;
        }
        // Only the first dash followed by a space can end a dateline.
        break;
    }
    0
}

/// The bounds of the sentence around byte `at` in `text`, where a full stop
/// with no space after it ends one ("2025.Sau", "thành công.Đại hội").
fn welded_sentence(text: &str, at: usize) -> (usize, usize) {
    let mut from = 0;
    let mut to = text.len();
    let mut chars = text.char_indices().peekable();
    let mut before = ' ';
    while let Some((i, c)) = chars.next() {
        if c == '.'
            && (before.is_lowercase() || before.is_ascii_digit())
            && chars.peek().is_some_and(|(_, n)| n.is_uppercase())
        {
            if i < at {
                from = i + 1;
            } else {
                to = i;
                break;
            }
        }
        before = c;
    }
    (from, to)
}

/// `text` without a leading list label ("a) ", "đ) ", "2. ", "2.Kết", "3) ",
/// "(4) ", "Thứ hai, ") or emphasis marks ("*", "_").
fn strip_label(text: &str) -> &str {
    let text = text.trim_start_matches(['*', '_']).trim_start();
    // "2.Kết thúc …": a number glued to its item.
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits)
        && text[digits..].starts_with('.')
        && text[digits + 1..].starts_with(char::is_uppercase)
    {
        return &text[digits + 1..];
    }
    // "Thứ hai, chủ động …": an ordinal that numbers the item.
    const ORDINALS: &[&str] = &[
        "nhất", "hai", "ba", "tư", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
    ];
    if let Some(rest) = text.strip_prefix("Thứ ")
        && let Some((ordinal, rest)) = rest.split_once(", ")
        && ORDINALS.contains(&ordinal)
        // "Thứ năm, ngày 12/6": a weekday.
        && !rest.starts_with("ngày")
    {
        return rest.trim_start();
    }
    let Some((first, rest)) = text.split_once(' ') else {
        return text;
    };
    let number = |l: &str| !l.is_empty() && l.len() <= 2 && l.bytes().all(|b| b.is_ascii_digit());
    let label = first.strip_suffix([')', '.']).is_some_and(|l| {
        (l.chars().count() == 1 && l.chars().all(char::is_lowercase))
            || number(l)
            // "(4) Tuyên truyền …"
            || l.strip_prefix('(').is_some_and(number)
    });
    if label { rest.trim_start() } else { text }
}

/// A date no one studies a text to remember (a trainer's reading rejected
/// 35 of 49 such blanks): an internal deadline ("trước ngày …", "chậm nhất
/// là ngày …"), the day a text was passed, a cut-off for figures ("tính đến
/// ngày …"), and a life's or a funeral's dates. `before` is the sentence up
/// to the date. What is kept: when something takes effect or starts, an
/// event of history.
fn minor_date(before: &str, sentence: &str) -> bool {
    let before = crate::text::fold(before, crate::text::Fold::Case);
    let near = before.trim_end();
    let near = near.strip_suffix("ngày").unwrap_or(near).trim_end();
    let near = near.strip_suffix("là").unwrap_or(near).trim_end();
    // Less an hour: "trước 08h00 ngày …", "trước 17 giờ ngày …".
    let near = near.strip_suffix(" giờ").unwrap_or(near);
    let near = match near.rsplit_once(' ') {
        Some((rest, hour))
            if hour.starts_with(|c: char| c.is_ascii_digit())
                && hour
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, 'h' | ':' | 'g')) =>
        {
            rest.trim_end()
        }
        _ => near,
    };
    let deadline = [
        "trước",
        "chậm nhất",
        "hạn",
        "thông qua",
        "tính đến",
        "ký",
        "ban hành",
    ]
    .iter()
    .any(|w| near.ends_with(w));
    // "… thông qua tại kỳ họp thứ 6 ngày …"; the legal basis ("Căn cứ Luật
    // … ngày …").
    let tail_from = near.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    let passed = near[tail_from..].contains("thông qua");
    let basis = before
        .trim_start_matches(['*', '_', ' '])
        .starts_with("căn cứ");
    let sentence = crate::text::fold(sentence, crate::text::Fold::Case);
    let life = [
        "sinh ngày",
        "vào đảng",
        "nghỉ hưu",
        "từ trần",
        "qua đời",
        "truy điệu",
        "lễ tang",
        "an táng",
        "lễ viếng",
        "kết nạp",
        "nghỉ công tác",
    ]
    .iter()
    .any(|w| sentence.contains(w));
    deadline || passed || basis || life
}

mod counts;
mod facts;
mod figures;
mod lists;
mod names;
mod people;
mod phrasing;
pub mod quality;
mod quotes;
mod select;
mod shorten;
mod statements;
mod tasks;
mod times;

#[cfg(test)]
mod tests;
