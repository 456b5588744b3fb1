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

use std::collections::{HashMap, HashSet};

use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{RngExt, SeedableRng};

use crate::document::Document;
use crate::keypoints::{Detail, KeyPoint, fnv1a};
use crate::numbers::format_number;
use crate::quiz::{
    Answer, BLANK, Difficulty, FORMAT_VERSION, MAX_SET_BYTES, Question, QuestionSet, Source,
    ToneMarks,
};
use crate::text::{Fold, fold};

/// The most bytes a generated set may take as a file: `check` refuses files
/// over [`MAX_SET_BYTES`], and the header and rounding need some room.
pub const MAX_GENERATED_BYTES: usize = MAX_SET_BYTES as usize - 64 * 1024;

/// Key points in sentences longer than this are not asked about: every
/// question quotes its whole sentence, and a "sentence" of a megabyte (a
/// text without full stops) would make a set of gigabytes.
pub const MAX_SENTENCE_BYTES: usize = 4 * 1024;

/// The question set generated for a document.
///
/// Every question in it passes the trainer's check (`nghiquyet check`, see
/// [`crate::quiz::parse_set`]): each is written out and read back as `check`
/// reads it, and dropped if `check` would find anything wrong with it; ids
/// are unique, and the whole set stays under [`MAX_GENERATED_BYTES`]. The
/// set may be empty: a text with nothing to ask about has no questions.
pub fn generate(doc: &Document, points: &[KeyPoint], seed: u64) -> QuestionSet {
    generate_within(doc, points, seed, MAX_GENERATED_BYTES)
}

/// [`generate`] with a smaller size budget (tests use it).
pub(crate) fn generate_within(
    doc: &Document,
    points: &[KeyPoint],
    seed: u64,
    max_bytes: usize,
) -> QuestionSet {
    let g = Generator {
        doc,
        points,
        seed,
        facts: Facts::gather(points),
    };
    let mut set = QuestionSet {
        format: FORMAT_VERSION,
        title: format!(
            "Câu hỏi tạo tự động — {}",
            first_chars(&doc.meta.title, 200)
        ),
        author: "nghiquyet".to_string(),
        document: document_id(doc),
        language: "vi".to_string(),
        tone_marks: ToneMarks::AcceptWithNote,
        partial_credit: false,
        questions: Vec::new(),
    };
    let empty_size = crate::storage::to_ron(&set).map_or(0, |t| t.len());
    let empty_one = crate::storage::to_ron(&one_question_set(Vec::new())).map_or(0, |t| t.len());
    // Each question depends only on its key point, the facts and the seed,
    // so parts of a long document are worked on (and checked) in parallel, in order.
    let parts = crate::parallel::split_by_size(points, |p| p.phrase.len() + 40);
    let mut checked: Vec<(Question, usize)> = crate::parallel::map(&parts, |range| {
        let mut checked = Vec::new();
        let mut bytes = 0;
        let mut out = Vec::new();
        for point in &points[range.clone()] {
            g.for_point(point, &mut out);
            for q in out.drain(..) {
                if let Some((q, size)) = as_checked(empty_one, q) {
                    bytes += size;
                    checked.push((q, size));
                }
            }
            // Past the budget on its own, nothing later in this part is kept.
            if bytes > max_bytes {
                break;
            }
        }
        checked
    })
    .into_iter()
    .flatten()
    .collect();
    let mut matchings = Vec::new();
    g.people_matching(&mut matchings);
    g.count_matchings(&mut matchings);
    checked.extend(
        matchings
            .into_iter()
            .filter_map(|q| as_checked(empty_one, q)),
    );
    // Unique ids (as `check` compares them) and the size budget.
    let mut ids = HashSet::new();
    let mut size = empty_size;
    for (q, bytes) in checked {
        if size + bytes > max_bytes {
            break;
        }
        if ids.insert(q.id.clone()) {
            size += bytes;
            set.questions.push(q);
        }
    }
    set
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

/// `q` as `check` reads it back from a file (white space tidied, text in
/// NFC) and the bytes it adds to the file, or `None` when `check` would
/// find a problem with it.
fn as_checked(empty_one: usize, q: Question) -> Option<(Question, usize)> {
    let text = crate::storage::to_ron(&one_question_set(vec![q])).ok()?;
    let mut back = crate::quiz::parse_set(std::path::Path::new("generated.ron"), &text).ok()?;
    let q = back.questions.pop()?;
    // The separator between questions, with some room to spare.
    let bytes = text.len().saturating_sub(empty_one) + 16;
    Some((q, bytes))
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
}

/// A person, and the positions the text gives to no one else.
type Person<'a> = (&'a KeyPoint, &'a str, Vec<&'a str>);

/// What the whole document states, gathered once, so that making each
/// question takes constant time (a 10 MB text has tens of thousands of key
/// points).
struct Facts<'a> {
    /// Folded noun → every number the text counts it with (as bits, looked up per distractor).
    counts_by_noun: HashMap<String, HashSet<u64>>,
    /// Ids of the first key point of each (number, noun): a count said twice is asked once.
    first_counts: HashSet<&'a str>,
    years_by_context: HashMap<String, Vec<u32>>,
    all_years: Vec<u32>,
    terms_by_context: HashMap<String, Vec<(u32, u32)>>,
    quotes: Vec<&'a str>,
    definitions: Vec<(&'a str, &'a str)>,
    people: Vec<Person<'a>>,
    /// Index in `people` by key point id.
    person_by_id: HashMap<&'a str, usize>,
    /// People (by index) with a position no one else holds, and the first such position.
    with_position: Vec<(usize, &'a str)>,
}

impl<'a> Facts<'a> {
    fn gather(points: &'a [KeyPoint]) -> Self {
        let key = |s: &str| fold(s, Fold::Case);
        let mut facts = Facts {
            counts_by_noun: HashMap::new(),
            first_counts: HashSet::new(),
            years_by_context: HashMap::new(),
            all_years: Vec::new(),
            terms_by_context: HashMap::new(),
            quotes: Vec::new(),
            definitions: Vec::new(),
            people: Vec::new(),
            person_by_id: HashMap::new(),
            with_position: Vec::new(),
        };
        let mut seen_counts = HashSet::new();
        for p in points {
            match &p.detail {
                Detail::Count { number, noun, .. } => {
                    facts
                        .counts_by_noun
                        .entry(key(noun))
                        .or_default()
                        .insert(number.to_bits());
                    if seen_counts.insert((number.to_bits(), key(noun))) {
                        facts.first_counts.insert(p.id.as_str());
                    }
                }
                Detail::Year { year, context, .. } => {
                    facts
                        .years_by_context
                        .entry(key(context))
                        .or_default()
                        .push(*year);
                    facts.all_years.push(*year);
                }
                Detail::Term { from, to, context } => {
                    facts
                        .terms_by_context
                        .entry(key(context))
                        .or_default()
                        .push((*from, *to));
                }
                Detail::Quote { text, .. } => facts.quotes.push(text),
                Detail::Definition {
                    subject,
                    definition,
                } => facts.definitions.push((subject, definition)),
                _ => {}
            }
        }
        facts.all_years.sort_unstable();
        facts.all_years.dedup();
        // Each is looked up for every point with the same context: kept short.
        for years in facts.years_by_context.values_mut() {
            years.sort_unstable();
            years.dedup();
        }
        for terms in facts.terms_by_context.values_mut() {
            terms.sort_unstable();
            terms.dedup();
        }
        facts.people = unique_positions(points);
        for (i, (p, _, unique)) in facts.people.iter().enumerate() {
            facts.person_by_id.insert(p.id.as_str(), i);
            if let Some(pos) = unique.first() {
                facts.with_position.push((i, pos));
            }
        }
        facts
    }
}

/// The most distinct positions [`unique_positions`] compares pairwise.
const MAX_POSITIONS_COMPARED: usize = 1000;

/// Every person with the positions no one else in the text holds.
fn unique_positions(points: &[KeyPoint]) -> Vec<Person<'_>> {
    let people: Vec<(&KeyPoint, &str, &Vec<String>)> = points
        .iter()
        .filter_map(|p| match &p.detail {
            Detail::Person { name, positions } => Some((p, name.as_str(), positions)),
            _ => None,
        })
        .collect();
    // The distinct positions (a document has few), who holds each, and
    // which of them overlap: then each person's check is a lookup.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut words: Vec<Vec<String>> = Vec::new();
    let mut holders: Vec<HashSet<&str>> = Vec::new();
    for (_, name, positions) in &people {
        for pos in positions.iter() {
            let key = fold(pos, Fold::Case);
            let i = *index.entry(key.clone()).or_insert_with(|| {
                words.push(key.split_whitespace().map(str::to_string).collect());
                holders.push(HashSet::new());
                words.len() - 1
            });
            holders[i].insert(name);
        }
    }
    // Every pair of positions is compared: past a bound (no real text comes
    // near it) no one is asked about, rather than asked about unchecked.
    if words.len() > MAX_POSITIONS_COMPARED {
        return Vec::new();
    }
    let overlapping: Vec<Vec<usize>> = (0..words.len())
        .map(|i| {
            (0..words.len())
                .filter(|&j| overlaps(&words[i], &words[j]))
                .collect()
        })
        .collect();
    people
        .iter()
        .map(|(p, name, positions)| {
            let unique = positions
                .iter()
                .filter(|pos| {
                    let i = index[&fold(pos, Fold::Case)];
                    overlapping[i]
                        .iter()
                        .all(|&j| holders[j].iter().all(|h| h == name))
                })
                .map(String::as_str)
                .collect();
            (*p, *name, unique)
        })
        .collect()
}

fn same(a: &str, b: &str) -> bool {
    crate::text::eq_folded(a, b, Fold::Case)
}

/// The most pairs in a generated matching question.
const MAX_MATCHING_PAIRS: usize = 6;

/// Whether `word` stands in `text` as whole words (so "5" is not in "2025").
fn contains_words(text: &str, word: &str) -> bool {
    let text = fold(text, Fold::Case);
    let word = fold(word, Fold::Case);
    text.match_indices(&word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
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

    /// The clause (the part between ";" in the sentence) around the key point.
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
        let start = text[..at].rfind([';', ':']).map_or(0, |i| i + 1);
        let end = text[at..].find(';').map_or(text.len(), |i| at + i);
        let clause = text[start..end].trim_start();
        let lead = text[start..end].len() - clause.len();
        let clause = clause.trim_end().trim_end_matches(['.', ';']).trim_end();
        (clause.to_string(), at - start - lead)
    }

    /// Whether a question may quote the point's sentence (see [`MAX_SENTENCE_BYTES`]).
    fn askable(&self, point: &KeyPoint) -> bool {
        point
            .sentence_range(self.doc)
            .is_some_and(|r| r.len() <= MAX_SENTENCE_BYTES)
    }

    fn for_point(&self, point: &KeyPoint, out: &mut Vec<Question>) {
        if !self.askable(point) {
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
            Detail::Date { date } => {
                self.blank_in_clause(point, date, &date_variants(date), "date", out)
            }
            Detail::Quote { label, text, parts } => self.quote(point, label, text, parts, out),
            Detail::Person { .. } => self.person(point, out),
            Detail::Definition {
                subject,
                definition,
            } => self.definition(point, subject, definition, out),
            Detail::Enumeration { items } => self.enumeration(point, items, out),
            Detail::Statement { text, key } => self.statement(point, text, key, out),
        }
    }

    // -------------------------------------------------------------- counts

    /// Whether the text states number `d` for this noun (any stated one is true).
    fn stated_for_noun(&self, noun: &str, d: f64) -> bool {
        self.facts
            .counts_by_noun
            .get(&fold(noun, Fold::Case))
            .is_some_and(|set| set.contains(&d.to_bits()))
    }

    fn number_distractors(&self, n: f64, noun: &str, rng: &mut StdRng) -> Vec<f64> {
        // Distractors have as many decimals as the true figure (7,5 → 5,5,
        // not 5,499999999999999).
        let decimals = format_number(n)
            .split_once(',')
            .map_or(0, |(_, f)| f.len() as i32);
        let scale = 10f64.powi(decimals);
        let tidy = |d: f64| (d * scale).round() / scale;
        let pool: Vec<f64> = if n < 10.0 {
            vec![n - 2.0, n - 1.0, n + 1.0, n + 2.0, n + 3.0]
        } else if n < 100.0 {
            vec![
                n - 5.0,
                n - 2.0,
                n - 1.0,
                n + 1.0,
                n + 2.0,
                n + 5.0,
                n + 10.0,
            ]
        } else {
            // Same magnitude, rounded like the true figure.
            let step = 10f64.powi((n.log10().floor() as i32 - 1).max(0));
            [0.8, 0.9, 1.1, 1.2, 1.5]
                .iter()
                .map(|f| (n * f / step).round() * step)
                .collect()
        };
        let mut pool: Vec<f64> = pool.into_iter().map(tidy).collect();
        pool.retain(|d| *d >= 2.0 && *d != n && !self.stated_for_noun(noun, *d));
        pool.dedup();
        pool.shuffle(rng);
        pool.truncate(3);
        pool.sort_by(f64::total_cmp);
        pool
    }

    /// The words of the clause before a count, when they make a question of
    /// it read naturally: "Ban Thường vụ Tỉnh ủy gồm" | 15 đồng chí →
    /// "Ban Thường vụ Tỉnh ủy gồm bao nhiêu đồng chí?". None when they would
    /// not ("với tổng số", "hạn chế tồn tại và").
    fn lead_before(&self, point: &KeyPoint) -> Option<String> {
        let text = self.doc.blocks[point.block].text.get(..point.range.start)?;
        // Back to the clause's start, but no further than a lead may be long:
        // a long text without punctuation is not read again for each count.
        let mut start = 0;
        let mut words = 0;
        let mut in_word = false;
        for (i, c) in text.char_indices().rev() {
            if matches!(c, ',' | ';' | ':' | '.' | '…' | '(' | ')') {
                start = i + c.len_utf8();
                break;
            }
            if c.is_whitespace() {
                in_word = false;
            } else if !in_word {
                in_word = true;
                words += 1;
                if words > 16 {
                    return None;
                }
            }
        }
        let lead = text[start..].trim();
        let words: Vec<&str> = lead.split_whitespace().collect();
        let first = *words.first()?;
        let last = *words.last()?;
        let joins = [
            "cùng", "và", "với", "của", "cho", "trong", "tại", "từ", "hoặc", "hay",
        ];
        let completes = ["đạt", "là", "gồm", "có", "ra", "bầu", "khoảng", "vào"];
        let opens_a_clause = first.starts_with(char::is_uppercase) || completes.contains(&last);
        (words.len() <= 16 && opens_a_clause && !joins.contains(&first.to_lowercase().as_str()))
            .then(|| capitalise(lead))
    }

    fn count(
        &self,
        point: &KeyPoint,
        n: f64,
        noun: &str,
        tail: &str,
        qualifier: &str,
        out: &mut Vec<Question>,
    ) {
        let q = if qualifier.is_empty() {
            String::new()
        } else {
            format!("{qualifier} ")
        };
        let what = if tail.is_empty() {
            noun.to_string()
        } else {
            format!("{noun} {tail}")
        };
        let lead = self.lead_before(point);
        let prompt = match &lead {
            Some(lead) => format!("{lead} {q}bao nhiêu {what}?"),
            None => format!("Theo văn bản, có {q}bao nhiêu {what}?"),
        };
        let shown = format_number(n);
        if contains_words(&prompt, &shown) {
            return;
        }
        let explanation = format!("Văn bản nêu: {}.", point.phrase);
        out.push(self.question(
            point,
            "numeric",
            prompt.clone(),
            Answer::Numeric {
                answer: n,
                tolerance: 0.0,
                unit: None,
            },
            explanation.clone(),
        ));
        let mut rng = self.rng(&point.id);
        let distractors = self.number_distractors(n, noun, &mut rng);
        if distractors.len() == 3 {
            let mut values = distractors.clone();
            values.push(n);
            values.sort_by(f64::total_cmp);
            let answer = values.iter().position(|v| *v == n).unwrap_or(0);
            let choices = values.iter().map(|v| format_number(*v)).collect();
            out.push(self.question(
                point,
                "choice",
                prompt,
                Answer::SingleChoice { choices, answer },
                explanation.clone(),
            ));
        }
        // A clause as short as "3 khâu đột phá" says too little to fill in.
        if self.clause(point).0.split_whitespace().count() >= 6 {
            let number_text = number_in_phrase(&point.phrase, n);
            self.blank_in_clause(
                point,
                &number_text,
                &[shown.clone(), format_number(n).replace('.', "")],
                "blank",
                out,
            );
        }
        if let Some(&wrong) = distractors.choose(&mut rng) {
            let truth = rng.random_bool(0.5);
            let stated = if truth {
                shown.clone()
            } else {
                format_number(wrong)
            };
            let statement = match &lead {
                Some(lead) => format!("{lead} {q}{stated} {what}"),
                None => format!("văn bản nêu {q}{stated} {what}"),
            };
            let explanation = if truth {
                explanation.clone()
            } else {
                format!("Sai. {explanation}")
            };
            out.push(self.question(
                point,
                "true-false",
                format!("Đúng hay sai: {statement}."),
                Answer::TrueFalse(truth),
                explanation,
            ));
        }
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
        let (clause, at) = self.clause(point);
        let Some(offset) = clause[at.min(clause.len())..]
            .find(answer_text)
            .map(|o| o + at)
        else {
            return;
        };
        let text = format!(
            "{}{BLANK}{}",
            &clause[..offset],
            &clause[offset + answer_text.len()..]
        );
        if contains_words(&text, answer_text) || text.trim() == BLANK {
            return;
        }
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

    // -------------------------------------------------------------- times

    fn year(
        &self,
        point: &KeyPoint,
        year: u32,
        context: &str,
        context_after: bool,
        out: &mut Vec<Question>,
    ) {
        self.blank_in_clause(point, &year.to_string(), &[], "blank", out);
        let stated_same = self
            .facts
            .years_by_context
            .get(&fold(context, Fold::Case))
            .map_or(&[][..], Vec::as_slice);
        let mut pool: Vec<u32> = self
            .facts
            .all_years
            .iter()
            .copied()
            .chain([
                year.saturating_sub(5),
                year + 5,
                year + 10,
                year.saturating_sub(10),
            ])
            .filter(|y| *y != year && !stated_same.contains(y))
            .collect();
        pool.sort();
        pool.dedup();
        let mut rng = self.rng(&point.id);
        pool.shuffle(&mut rng);
        pool.truncate(3);
        if pool.len() == 3 {
            pool.push(year);
            pool.sort();
            let answer = pool.iter().position(|y| *y == year).unwrap_or(0);
            let context = inner_case(context);
            let prompt = if context_after {
                format!("Theo văn bản, đến năm nào {context}?")
            } else {
                format!("Theo văn bản, {context} đến năm nào?")
            };
            out.push(self.question(
                point,
                "choice",
                prompt,
                Answer::SingleChoice {
                    choices: pool.iter().map(u32::to_string).collect(),
                    answer,
                },
                format!("Văn bản nêu: {context} {}.", point.phrase),
            ));
        }
    }

    fn term(&self, point: &KeyPoint, from: u32, to: u32, context: &str, out: &mut Vec<Question>) {
        let written = point.phrase.split_once(char::is_numeric).map(|(_, _)| {
            let digits = point.phrase.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            point.phrase[digits..].to_string()
        });
        let written = written.unwrap_or_else(|| format!("{from} - {to}"));
        let variants = [
            format!("{from} - {to}"),
            format!("{from}-{to}"),
            format!("{from} – {to}"),
            format!("{from} đến {to}"),
        ];
        self.blank_in_clause(point, &written, &variants, "blank", out);
        if context.is_empty() {
            return;
        }
        let span = to - from;
        let stated = self
            .facts
            .terms_by_context
            .get(&fold(context, Fold::Case))
            .map_or(&[][..], Vec::as_slice);
        let mut terms: Vec<(u32, u32)> = [
            from.saturating_sub(span),
            from + span,
            from.saturating_sub(2 * span),
        ]
        .into_iter()
        .map(|f| (f, f + span))
        .filter(|t| !stated.contains(t))
        .collect();
        terms.push((from, to));
        terms.sort();
        if terms.len() == 4 {
            let answer = terms.iter().position(|t| *t == (from, to)).unwrap_or(0);
            // "nhiệm kỳ" or "giai đoạn", as the text says.
            let kind = point
                .phrase
                .split(|c: char| c.is_ascii_digit())
                .next()
                .unwrap_or("")
                .trim();
            out.push(self.question(
                point,
                "choice",
                format!("Theo văn bản, {} thuộc {kind} nào?", inner_case(context)),
                Answer::SingleChoice {
                    choices: terms.iter().map(|(a, b)| format!("{a} - {b}")).collect(),
                    answer,
                },
                format!("Văn bản nêu: {context}, {}.", point.phrase),
            ));
        }
    }

    // -------------------------------------------------------------- quotations

    fn quote(
        &self,
        point: &KeyPoint,
        label: &str,
        text: &str,
        parts: &[String],
        out: &mut Vec<Question>,
    ) {
        let what = if label.is_empty() {
            "câu trích".to_string()
        } else {
            label.to_string()
        };
        let explanation = format!("{}: “{text}”.", capitalise(&what));
        let short_parts = parts.iter().all(|p| p.split_whitespace().count() <= 6);
        // "Học, học nữa, học mãi, học": a part said twice has no one place.
        let distinct_parts = parts
            .iter()
            .enumerate()
            .all(|(i, p)| !parts[..i].iter().any(|q| same(p, q)));
        if (3..=7).contains(&parts.len()) && short_parts && distinct_parts {
            out.push(self.question(
                point,
                "order",
                format!("Xếp các cụm từ theo đúng thứ tự của {what}."),
                Answer::Ordering(parts.to_vec()),
                explanation.clone(),
            ));
        }
        let mut rng = self.rng(&point.id);
        // "X là Y" clauses (a viewpoint): match each X with its role.
        let roles: Vec<(String, String)> = parts.iter().filter_map(|p| split_role(p)).collect();
        if roles.len() >= 2 && roles.len() == parts.len() {
            let pairs = roles
                .iter()
                .map(|(x, y)| (capitalise(x), y.clone()))
                .collect();
            out.push(self.question(
                point,
                "match",
                format!("Ghép từng vế của {what} với vai trò của nó."),
                Answer::Matching(pairs),
                explanation.clone(),
            ));
            if let Some((x, y)) = roles.choose(&mut rng) {
                let (verb, role) = y.split_once(' ').unwrap_or(("là", y));
                let blank_text = format!("{} {verb} {BLANK}", capitalise(x));
                if !contains_words(&blank_text, role) {
                    out.push(self.question(
                        point,
                        "blank",
                        format!("Điền vào chỗ trống theo {what}."),
                        Answer::FillBlank {
                            text: blank_text,
                            blanks: vec![vec![role.to_string()]],
                        },
                        explanation.clone(),
                    ));
                }
            }
        } else if parts.len() >= 3 && short_parts {
            // Blank one part of a list motto.
            let k = rng.random_range(0..parts.len());
            let separator = if text.contains(" - ") {
                " - "
            } else if text.contains(" – ") {
                " – "
            } else {
                ", "
            };
            let shown: Vec<&str> = parts
                .iter()
                .enumerate()
                .map(|(i, p)| if i == k { BLANK } else { p.as_str() })
                .collect();
            let blank_text = format!("“{}”", shown.join(separator));
            if !contains_words(&blank_text, &parts[k]) {
                out.push(self.question(
                    point,
                    "blank",
                    format!("Điền cụm từ còn thiếu trong {what}."),
                    Answer::FillBlank {
                        text: blank_text,
                        blanks: vec![vec![parts[k].clone()]],
                    },
                    explanation.clone(),
                ));
            }
        }
        if !label.is_empty() {
            self.quote_choice(point, label, text, parts, &mut rng, &explanation, out);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn quote_choice(
        &self,
        point: &KeyPoint,
        label: &str,
        text: &str,
        parts: &[String],
        rng: &mut StdRng,
        explanation: &str,
        out: &mut Vec<Question>,
    ) {
        // Other quotations of the document, and this one with parts swapped.
        let mut pool: Vec<String> = self
            .facts
            .quotes
            .sample(rng, 8)
            .filter(|t| !same(t, text))
            .map(|t| t.to_string())
            .collect();
        if parts.len() >= 3 {
            let separator = if text.contains(";") {
                "; "
            } else if text.contains(" - ") {
                " - "
            } else {
                ", "
            };
            for _ in 0..4 {
                let mut mixed = parts.to_vec();
                let (a, b) = (
                    rng.random_range(0..mixed.len()),
                    rng.random_range(0..mixed.len()),
                );
                mixed.swap(a, b);
                // Keep each place's capitals, so the first part does not give itself away.
                for (i, part) in mixed.iter_mut().enumerate() {
                    let model = &parts[i.min(1)];
                    *part = if model.starts_with(char::is_uppercase) {
                        capitalise(part)
                    } else {
                        lowercase_first(part)
                    };
                }
                let candidate = mixed.join(separator);
                if !same(&candidate, text) {
                    pool.push(candidate);
                }
            }
        }
        let mut distractors: Vec<String> = Vec::new();
        pool.shuffle(rng);
        for c in pool {
            if distractors.len() < 3 && !distractors.iter().any(|d| same(d, &c)) {
                distractors.push(c);
            }
        }
        if distractors.len() < 2 {
            return;
        }
        let answer = rng.random_range(0..=distractors.len());
        let mut choices = distractors;
        choices.insert(answer, text.to_string());
        let choices = choices.into_iter().map(|c| format!("“{c}”")).collect();
        out.push(self.question(
            point,
            "choice",
            format!("Theo văn bản, {label} là gì?"),
            Answer::SingleChoice { choices, answer },
            explanation.to_string(),
        ));
    }

    // -------------------------------------------------------------- people

    fn person(&self, point: &KeyPoint, out: &mut Vec<Question>) {
        let all = &self.facts.people;
        let Some(&me) = self.facts.person_by_id.get(point.id.as_str()) else {
            return;
        };
        let (_, name, unique) = &all[me];
        let Some(position) = unique.first() else {
            return;
        };
        // Other people, picked by index without listing them all (a text
        // may name thousands): indices past `me` shift by one.
        if all.len() < 2 {
            return;
        }
        let mut rng = self.rng(&point.id);
        let picked = rand::seq::index::sample(&mut rng, all.len() - 1, 3.min(all.len() - 1));
        let mut choices: Vec<String> = picked
            .into_iter()
            .map(|i| all[if i >= me { i + 1 } else { i }].1.to_string())
            .filter(|n| n != name)
            .collect();
        if choices.is_empty() {
            return;
        }
        let answer = rng.random_range(0..=choices.len());
        choices.insert(answer, name.to_string());
        let explanation = format!("Văn bản nêu: {position} {name}.");
        out.push(self.question(
            point,
            "choice",
            format!("Theo văn bản, ai là {position}?"),
            Answer::SingleChoice { choices, answer },
            explanation.clone(),
        ));
        // True, or the position of someone else.
        let with_position = &self.facts.with_position;
        let mine = with_position.partition_point(|(i, _)| *i < me);
        let is_mine = with_position.get(mine).is_some_and(|(i, _)| *i == me);
        let others = with_position.len() - usize::from(is_mine);
        let truth = others == 0 || rng.random_bool(0.5);
        let stated = if truth {
            *position
        } else {
            let k = rng.random_range(0..others);
            let k = if is_mine && k >= mine { k + 1 } else { k };
            with_position[k].1
        };
        out.push(self.question(
            point,
            "true-false",
            format!("Đúng hay sai: theo văn bản, {name} là {stated}."),
            Answer::TrueFalse(truth),
            if truth {
                explanation
            } else {
                format!("Sai. {explanation}")
            },
        ));
    }

    fn people_matching(&self, out: &mut Vec<Question>) {
        let pairs: Vec<(&KeyPoint, String, String)> = self
            .facts
            .people
            .iter()
            .filter(|(p, _, _)| self.askable(p))
            .filter_map(|(p, name, unique)| {
                unique
                    .first()
                    .map(|pos| (*p, name.to_string(), pos.to_string()))
            })
            .take(5)
            .collect();
        if pairs.len() < 2 {
            return;
        }
        let first = pairs[0].0;
        let names: Vec<&str> = pairs.iter().map(|(_, n, _)| n.as_str()).collect();
        let mut q = self.question(
            first,
            "",
            "Ghép mỗi người với chức vụ được nêu trong văn bản.".to_string(),
            Answer::Matching(
                pairs
                    .iter()
                    .map(|(_, n, p)| (n.clone(), p.clone()))
                    .collect(),
            ),
            pairs
                .iter()
                .map(|(_, n, p)| format!("{p} {n}"))
                .collect::<Vec<_>>()
                .join("; ")
                + ".",
        );
        q.id = format!(
            "gen-people-{:08x}",
            fnv1a(names.join("|").as_bytes()) as u32
        );
        q.key_point = Some("Lãnh đạo và chức vụ".to_string());
        out.push(q);
    }

    /// Numbers ↔ what they count, for a sentence with three or more counts.
    fn count_matchings(&self, out: &mut Vec<Question>) {
        // Key points come in document order, so a sentence's counts are adjacent.
        let mut by_sentence: Vec<(crate::document::Anchor, Vec<&KeyPoint>)> = Vec::new();
        for p in self
            .points
            .iter()
            .filter(|p| matches!(p.detail, Detail::Count { .. }))
        {
            match by_sentence.last_mut() {
                Some((a, v)) if *a == p.anchor => v.push(p),
                _ => by_sentence.push((p.anchor, vec![p])),
            }
        }
        for (_, counts) in by_sentence {
            if !self.askable(counts[0]) {
                continue;
            }
            let mut pairs: Vec<(String, String)> = Vec::new();
            for p in &counts {
                if pairs.len() == MAX_MATCHING_PAIRS {
                    break; // a sentence of a thousand counts is not one question of a thousand pairs
                }
                if let Detail::Count { number, noun, .. } = &p.detail {
                    let n = format_number(*number);
                    if !pairs.iter().any(|(a, b)| *a == n || same(b, noun)) {
                        pairs.push((n, noun.clone()));
                    }
                }
            }
            if pairs.len() >= 3 {
                let first = counts[0];
                let mut q = self.question(
                    first,
                    "",
                    "Ghép mỗi con số với điều mà văn bản nêu.".to_string(),
                    Answer::Matching(pairs.clone()),
                    pairs
                        .iter()
                        .map(|(n, w)| format!("{n} {w}"))
                        .collect::<Vec<_>>()
                        .join("; ")
                        + ".",
                );
                q.id = format!("gen-counts-{}", first.id);
                out.push(q);
            }
        }
    }

    // -------------------------------------------------------------- statements

    fn definition(
        &self,
        point: &KeyPoint,
        subject: &str,
        definition: &str,
        out: &mut Vec<Question>,
    ) {
        // Blank the whole definition when short, else its last two syllables —
        // most Vietnamese words are two syllables, and a phrase ends on a word.
        let words: Vec<&str> = definition.split_whitespace().collect();
        let cut = if words.len() <= 4 { 0 } else { words.len() - 2 };
        let key = words[cut..].join(" ");
        let text = format!(
            "{} là {} {BLANK}",
            capitalise(subject),
            words[..cut].join(" ")
        );
        let text = text.replace("  ", " ");
        if !key.contains(|c: char| c.is_ascii_digit()) && !contains_words(&text, &key) {
            out.push(self.question(
                point,
                "blank",
                "Điền vào chỗ trống theo đúng văn bản.".to_string(),
                Answer::FillBlank {
                    text,
                    blanks: vec![vec![key]],
                },
                format!("Văn bản viết: {subject} là {definition}."),
            ));
        }
        let mut rng = self.rng(&point.id);
        let mut others: Vec<&str> = Vec::new();
        for (s, d) in self.facts.definitions.sample(&mut rng, 6) {
            // Two subjects may share a definition: each choice once.
            if !same(s, subject) && !same(d, definition) && !others.iter().any(|o| same(o, d)) {
                others.push(d);
            }
        }
        if others.len() >= 2 {
            let mut choices: Vec<String> =
                others.sample(&mut rng, 3).map(|s| s.to_string()).collect();
            let answer = rng.random_range(0..=choices.len());
            choices.insert(answer, definition.to_string());
            out.push(self.question(
                point,
                "choice",
                format!("Theo văn bản, {subject} là gì?"),
                Answer::SingleChoice { choices, answer },
                format!("Văn bản viết: {subject} là {definition}."),
            ));
        }
    }

    fn enumeration(&self, point: &KeyPoint, items: &[String], out: &mut Vec<Question>) {
        if (3..=6).contains(&items.len()) {
            out.push(self.question(
                point,
                "order",
                "Xếp các nội dung theo đúng thứ tự văn bản nêu.".to_string(),
                Answer::Ordering(items.to_vec()),
                format!("Văn bản nêu lần lượt: {}.", items.join("; ")),
            ));
        }
    }

    fn statement(&self, point: &KeyPoint, text: &str, key: &str, out: &mut Vec<Question>) {
        let Some(at) = text.find(key) else { return };
        let blanked = format!("{}{BLANK}{}", &text[..at], &text[at + key.len()..]);
        if !contains_words(&blanked, key) {
            out.push(self.question(
                point,
                "blank",
                "Điền vào chỗ trống theo đúng văn bản.".to_string(),
                Answer::FillBlank {
                    text: blanked,
                    blanks: vec![vec![key.to_string()]],
                },
                text.to_string(),
            ));
        }
    }
}

/// Whether two positions could name the same office: one's words stand, in
/// order, within the other's ("Phó Bí thư Tỉnh ủy" within "Phó Bí thư
/// Thường trực Tỉnh ủy").
fn overlaps(a: &[String], b: &[String]) -> bool {
    let within = |short: &[String], long: &[String]| {
        let mut it = long.iter();
        short.iter().all(|w| it.any(|x| x == w))
    };
    within(a, b) || within(b, a)
}

/// "X là Y" / "X làm Y" → (X, "là Y").
fn split_role(part: &str) -> Option<(String, String)> {
    for verb in [" là ", " làm "] {
        if let Some(at) = part.find(verb) {
            let (x, y) = (part[..at].trim(), part[at + 1..].trim());
            if !x.is_empty() && y.split_whitespace().count() >= 2 {
                return Some((x.to_string(), y.to_string()));
            }
        }
    }
    None
}

/// Nouns written with a capital wherever they stand.
const PROPER_STARTS: &[&str] = &[
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
fn inner_case(s: &str) -> String {
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

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The number as the phrase writes it ("12.000" in "gần 12.000 cán bộ").
fn number_in_phrase(phrase: &str, n: f64) -> String {
    phrase
        .split_whitespace()
        .find(|w| crate::numbers::parse_number(w) == Some(n))
        .map(str::to_string)
        .unwrap_or_else(|| format_number(n))
}

fn date_variants(date: &str) -> Vec<String> {
    let parts: Vec<&str> = date.split('/').collect();
    let mut out = vec![date.to_string()];
    if parts.len() >= 2 {
        let unpadded: Vec<String> = parts
            .iter()
            .map(|p| p.trim_start_matches('0').to_string())
            .collect();
        out.push(unpadded.join("/"));
        out.push(format!("{}/{}", parts[0], parts[1]));
    }
    out
}

#[cfg(test)]
mod tests;
