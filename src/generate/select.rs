//! Scoring and dropping: which of the candidate questions a trainer gets.
//!
//! Precision first: every candidate that shows a defect ([`super::quality`])
//! is already gone; here each fact keeps its two best questions, of two
//! different kinds, and a fact stated again in another sentence (or a prompt
//! already asked with another answer) is not asked again.

use std::collections::{HashMap, HashSet};

use super::quality::{self, Flag};
use crate::quiz::{Answer, Question};
use crate::text::{Fold, fold};

/// The most questions asked about one fact.
pub const MAX_PER_FACT: usize = 1;

/// The most questions from one sentence: a sentence of ten figures is not
/// ten questions.
pub const MAX_PER_SENTENCE: usize = 2;

/// The most tasks asked with the same body as their answer.
pub const MAX_TASKS_PER_BODY: usize = 2;

/// At most one question per this many characters of text: a trainer
/// wants the best questions on a text, not every one that could be made.
pub const CHARS_PER_QUESTION: usize = 250;

/// Where dropped questions go: kept, with their flags, for the report
/// (`nghiquyet generate --report`); otherwise freed at once, by the thread
/// that made them.
pub(super) struct Dropped {
    keep: bool,
    pub list: Vec<(Question, Vec<Flag>)>,
}

impl Dropped {
    pub fn new(keep: bool) -> Self {
        Self {
            keep,
            list: Vec::new(),
        }
    }

    pub fn push(&mut self, dropped: (Question, Vec<Flag>)) {
        if self.keep {
            self.list.push(dropped);
        }
    }

    pub fn append(&mut self, other: Dropped) {
        self.list.extend(other.list);
    }
}

pub(super) struct Candidate {
    pub question: Question,
    pub score: f32,
}

impl Candidate {
    pub fn new(question: Question) -> Self {
        let score = score(&question);
        Self { question, score }
    }
}

/// How much a trainer would want this question, before comparing it with the
/// others on its fact: a choice reads best to a room, a fill-in tests recall,
/// a bare number or true/false says least; long prompts lose.
pub fn score(q: &Question) -> f32 {
    let base = match &q.answer {
        Answer::SingleChoice { .. } => 3.0,
        Answer::Matching(_) => 2.8,
        Answer::FillBlank { .. } => 2.6,
        Answer::Ordering(_) => 3.1,
        Answer::MultipleChoice { .. } => 2.2,
        Answer::Numeric { .. } => 2.7,
        Answer::TrueFalse(_) => 1.5,
    };
    let words = q.prompt.split_whitespace().count()
        + match &q.answer {
            Answer::FillBlank { text, .. } => text.split_whitespace().count(),
            _ => 0,
        };
    let long = words.saturating_sub(35) as f32 * 0.03;
    // "Theo văn bản, có bao nhiêu …" says less than a prompt that names its subject.
    let vague = if q.prompt.starts_with("Theo văn bản, có ") {
        0.6
    } else {
        0.0
    };
    base - long - vague
}

/// A family name for "two different kinds": a number asked as a choice and
/// as a typed number are the same kind of question.
fn kind(q: &Question) -> &'static str {
    match &q.answer {
        Answer::SingleChoice { .. } | Answer::MultipleChoice { .. } => "choose",
        Answer::Numeric { .. } => "number",
        Answer::FillBlank { .. } => "fill",
        Answer::TrueFalse(_) => "true-false",
        Answer::Ordering(_) => "order",
        Answer::Matching(_) => "match",
    }
}

/// The best [`MAX_PER_FACT`] questions of one key point, of different kinds,
/// in the order they were made; the rest go to `dropped`.
///
/// `flags_of` finds a candidate's defects (a flagged one is never kept). It
/// is the costly step, so it runs, best score first, only on candidates that
/// could still be kept — unless `every` asks for the flags of all of them
/// (the report shows why each was dropped).
pub(super) fn best_per_fact(
    questions: Vec<Question>,
    dropped: &mut Dropped,
    every: bool,
    mut flags_of: impl FnMut(&Question) -> Vec<Flag>,
) -> Vec<Candidate> {
    let mut candidates: Vec<(usize, Candidate, Option<Vec<Flag>>)> = Vec::new();
    for (i, q) in questions.into_iter().enumerate() {
        // The report's flags, in the order the questions were made.
        let flags = every.then(|| flags_of(&q));
        match flags {
            Some(flags) if !flags.is_empty() => dropped.push((q, flags)),
            flags => candidates.push((i, Candidate::new(q), flags)),
        }
    }
    // Stable: of two equal scores, the one made first.
    candidates.sort_by(|a, b| b.1.score.total_cmp(&a.1.score));
    let mut kinds = HashSet::new();
    let mut kept = Vec::new();
    for (i, c, flags) in candidates {
        let wanted = kept.len() < MAX_PER_FACT && !kinds.contains(kind(&c.question));
        if wanted || flags.is_some() {
            let flags = flags.unwrap_or_else(|| flags_of(&c.question));
            if !flags.is_empty() {
                dropped.push((c.question, flags));
                continue;
            }
        }
        if wanted {
            kinds.insert(kind(&c.question));
            kept.push((i, c));
        } else {
            dropped.push((c.question, vec![Flag::SameFact]));
        }
    }
    kept.sort_by_key(|(i, _)| *i);
    kept.into_iter().map(|(_, c)| c).collect()
}

/// Across the set: a fact asked from a second sentence, or a third time, and
/// a prompt already asked with another answer, are dropped.
pub(super) fn across_the_set(candidates: Vec<Candidate>, dropped: &mut Dropped) -> Vec<Candidate> {
    let mut facts: HashMap<String, (crate::document::Anchor, usize)> = HashMap::new();
    let mut answers: HashMap<String, crate::document::Anchor> = HashMap::new();
    let mut prompts: HashMap<String, String> = HashMap::new();
    let mut numbers: HashMap<String, usize> = HashMap::new();
    let mut tasks: HashMap<String, usize> = HashMap::new();
    let mut kept = Vec::new();
    for c in candidates {
        let q = &c.question;
        let block = q.source.anchor.block_anchor();
        let right = fold(&quality::right_texts(q).join("|"), Fold::Case);
        let fill = match &q.answer {
            Answer::FillBlank { text, .. } => text.as_str(),
            _ => "",
        };
        let prompt = fold(&format!("{}|{fill}", q.prompt), Fold::Case);
        if prompts.contains_key(&prompt) {
            dropped.push((c.question, vec![Flag::SamePrompt]));
            continue;
        }
        // The same number asked twice from one sentence (as a count and as
        // a figure) is one fact.
        // (A date or a document's number is no count: "01/3/2021" and
        // "01/NQ-CP" are not the same 1.)
        if let Some(n) = first_number(&right).filter(|_| !right.contains('/')) {
            // The number and the word after it in the key point: "30 ngày".
            let summary = q.key_point.as_deref().unwrap_or("");
            let counted = summary
                .split_whitespace()
                .skip_while(|w| first_number(w).as_deref() != Some(n.as_str()))
                .nth(1)
                .map(|w| fold(w, Fold::Case))
                .unwrap_or_default();
            // Over the whole document: "1 triệu căn" said in four sentences
            // is one fact. A number of two digits or more (not a year) is
            // asked once whatever it counts: "34 tỉnh", "34 đơn vị hành
            // chính cấp tỉnh" and "34 hồ sơ" are the same 34 (a trainer
            // found it the answer of three questions of one set).
            let distinctive =
                n.len() >= 2 && !(n.len() == 4 && (n.starts_with("19") || n.starts_with("20")));
            let (key, most) = if distinctive {
                (n.clone(), 1)
            } else {
                (format!("{n}|{counted}"), MAX_PER_FACT)
            };
            let seen = numbers.entry(key).or_insert(0);
            if *seen >= most {
                dropped.push((c.question, vec![Flag::SameFact]));
                continue;
            }
            *seen += 1;
        }
        if let Some(fact) = quality::fact_key(q) {
            let seen = facts.get(&fact).copied();
            if seen.is_some_and(|(a, n)| a != block || n >= MAX_PER_FACT) {
                dropped.push((c.question, vec![Flag::SameFact]));
                continue;
            }
            // The same right answer, as a choice or a blank, from another
            // paragraph: the same fact said twice in other words.
            let answer_key = right.clone();
            // A bare year may answer two facts; anything else is asked once.
            let bare = right.len() <= 4 && right.chars().all(|c| c.is_ascii_digit());
            // One body leads several tasks, each a fact of its own; but a
            // room that sees it the answer again and again learns to guess
            // it: twice at most.
            let task = q.id.ends_with("-task");
            if task {
                let seen = tasks.entry(right.clone()).or_insert(0);
                if *seen >= MAX_TASKS_PER_BODY {
                    dropped.push((c.question, vec![Flag::SameFact]));
                    continue;
                }
                *seen += 1;
            }
            if !matches!(q.answer, Answer::TrueFalse(_))
                && !bare
                && !task
                && answers.get(&answer_key).is_some_and(|a| *a != block)
            {
                dropped.push((c.question, vec![Flag::SameFact]));
                continue;
            }
            answers.entry(answer_key).or_insert(block);
            let entry = facts.entry(fact).or_insert((block, 0));
            entry.1 += 1;
        }
        prompts.entry(prompt).or_insert(right);
        kept.push(c);
    }
    kept
}

/// The first number in a right answer, digits only: "8%" → "8", "3.000" → "3000".
fn first_number(answer: &str) -> Option<String> {
    let start = answer.find(|c: char| c.is_ascii_digit())?;
    let digits: String = answer[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        .filter(char::is_ascii_digit)
        .collect();
    Some(digits.trim_start_matches('0').to_string())
}

/// The best [`MAX_PER_SENTENCE`] of each sentence, then the best of all
/// within one per [`CHARS_PER_QUESTION`] characters (never fewer than 10),
/// in document order.
pub(super) fn thin(
    candidates: Vec<Candidate>,
    text_chars: usize,
    dropped: &mut Dropped,
) -> Vec<Candidate> {
    // Every fact's best question comes before any fact's second one: within
    // the limit, as many facts as possible are asked.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut ranked: Vec<(usize, usize, Candidate)> = candidates
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let fact = quality::fact_key(&c.question).unwrap_or_else(|| c.question.id.clone());
            let n = seen.entry(fact).or_insert(0);
            *n += 1;
            (*n, i, c)
        })
        .collect();
    ranked.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.2.score.total_cmp(&a.2.score))
            .then(a.1.cmp(&b.1))
    });
    let ranked = ranked.into_iter().map(|(_, i, c)| (i, c));
    let limit = (text_chars / CHARS_PER_QUESTION).max(10);
    let mut per_sentence: HashMap<crate::document::Anchor, usize> = HashMap::new();
    // One blank cut from a sentence: two ("___ nhiệm vụ và 4 giải pháp",
    // "8 nhiệm vụ và ___ giải pháp") each show the other's answer.
    let mut blanked: HashSet<crate::document::Anchor> = HashSet::new();
    let mut kept = Vec::new();
    for (i, c) in ranked {
        let anchor = c.question.source.anchor;
        let n = per_sentence.entry(anchor).or_insert(0);
        // Matching questions gather several sentences: they count for none.
        let gathers = matches!(c.question.answer, Answer::Matching(_));
        let blank = has_blank(&c.question);
        if kept.len() >= limit
            || (!gathers && *n >= MAX_PER_SENTENCE)
            || (blank && blanked.contains(&anchor))
        {
            dropped.push((c.question, vec![Flag::SameFact]));
            continue;
        }
        if !gathers {
            *n += 1;
        }
        if blank {
            blanked.insert(anchor);
        }
        kept.push((i, c));
    }
    kept.sort_by_key(|(i, _)| *i);
    let kept: Vec<Candidate> = kept.into_iter().map(|(_, c)| c).collect();
    without_leaks(kept, dropped)
}

/// Whether the question shows its sentence with a blank in it (a fill-in,
/// or a choice for a quoted blank).
fn has_blank(q: &Question) -> bool {
    match &q.answer {
        Answer::FillBlank { .. } => true,
        _ => q.prompt.contains(crate::quiz::BLANK),
    }
}

/// A question whose answer (of three characters or more: a "3" among
/// another question's number choices gives nothing away) another question
/// of the same paragraph prints
/// (in its prompt, text or choices) is dropped: projected one after the
/// other, the first would give the second away.
fn without_leaks(candidates: Vec<Candidate>, dropped: &mut Dropped) -> Vec<Candidate> {
    let visible = |q: &Question| {
        let mut t = q.prompt.clone();
        match &q.answer {
            Answer::FillBlank { text, .. } => t.push_str(text),
            Answer::SingleChoice { choices, .. } | Answer::MultipleChoice { choices, .. } => {
                t.push_str(&choices.join(" "))
            }
            _ => {}
        }
        t
    };
    let mut by_block: HashMap<crate::document::Anchor, Vec<usize>> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        by_block
            .entry(c.question.source.anchor.block_anchor())
            .or_default()
            .push(i);
    }
    let mut leaked = vec![false; candidates.len()];
    for members in by_block.values() {
        // From the last: of two figures of one sentence that give each
        // other away, the first — most often the headline one — is kept.
        for &i in members.iter().rev() {
            let answers: Vec<String> = quality::right_texts(&candidates[i].question)
                .into_iter()
                .filter(|a| {
                    !matches!(candidates[i].question.answer, Answer::TrueFalse(_))
                        && a.chars().count() >= 3
                })
                .collect();
            for &j in members {
                if i != j
                    && !leaked[j]
                    && answers.iter().any(|a| {
                        super::phrasing::contains_words(&visible(&candidates[j].question), a)
                    })
                {
                    leaked[i] = true;
                    break;
                }
            }
        }
    }
    let mut kept = Vec::new();
    for (c, leak) in candidates.into_iter().zip(leaked) {
        if leak {
            dropped.push((c.question, vec![Flag::AnswerInPrompt]));
        } else {
            kept.push(c);
        }
    }
    kept
}
