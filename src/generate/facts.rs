//! What the whole document states, gathered once before any question is made.

use std::collections::{HashMap, HashSet};

use crate::keypoints::{Detail, KeyPoint};
use crate::text::{Fold, fold};

/// A person, and the positions the text gives to no one else.
pub(super) type Person<'a> = (&'a KeyPoint, &'a str, Vec<&'a str>);

/// What the whole document states, gathered once, so that making each
/// question takes constant time (a 10 MB text has tens of thousands of key
/// points).
pub(super) struct Facts<'a> {
    /// Folded noun → every number the text counts it with (as bits, looked up per distractor).
    pub(super) counts_by_noun: HashMap<String, HashSet<u64>>,
    /// Ids of the first key point of each (number, noun): a count said twice is asked once.
    pub(super) first_counts: HashSet<&'a str>,
    pub(super) years_by_context: HashMap<String, Vec<u32>>,
    pub(super) all_years: Vec<u32>,
    pub(super) terms_by_context: HashMap<String, Vec<(u32, u32)>>,
    pub(super) quotes: Vec<&'a str>,
    pub(super) definitions: Vec<(&'a str, &'a str)>,
    pub(super) people: Vec<Person<'a>>,
    /// Index in `people` by key point id.
    pub(super) person_by_id: HashMap<&'a str, usize>,
    /// People (by index) with a position no one else holds, and the first such position.
    pub(super) with_position: Vec<(usize, &'a str)>,
    /// Every document number the text cites ("57-NQ/TW").
    pub(super) references: Vec<&'a str>,
    /// The distinct names of bodies and places, by class.
    pub(super) names_by_class: HashMap<&'a str, Vec<&'a str>>,
    /// Bodies the text gives the lead of a task ("Giao Bộ A chủ trì …"),
    /// with their class: the likeliest wrong choices for another task.
    pub(super) task_bodies: HashMap<&'a str, Vec<&'a str>>,
    /// The same bodies, of every class, in document order.
    pub(super) all_task_bodies: Vec<&'a str>,
    /// Names (as [`super::phrasing::name_key`] gives them) cut inside a word.
    pub(super) broken_names: HashSet<String>,
    /// Ids of the name asked about in each sentence: the first whose class
    /// has enough other names to choose from.
    pub(super) asked_names: HashSet<&'a str>,
    /// Sentences that open on a place's name and give figures, where the
    /// text has three or more of them: rows of a table ("Tỉnh A xây dựng
    /// 68 phương án…", "Tỉnh B …").
    pub(super) row_sentences: HashSet<crate::document::Anchor>,
}

impl<'a> Facts<'a> {
    pub(super) fn gather(points: &'a [KeyPoint]) -> Self {
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
            references: Vec::new(),
            names_by_class: HashMap::new(),
            task_bodies: HashMap::new(),
            all_task_bodies: Vec::new(),
            broken_names: HashSet::new(),
            asked_names: HashSet::new(),
            row_sentences: HashSet::new(),
        };
        let mut seen_counts = HashSet::new();
        let mut seen_names = HashSet::new();
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
                Detail::Reference { number, .. } => facts.references.push(number),
                Detail::Name { name, class } => {
                    let names = facts.names_by_class.entry(class.as_str()).or_default();
                    if seen_names.insert((class.as_str(), super::phrasing::name_key(name))) {
                        names.push(name);
                    }
                }
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
        let mut sentences_with_a_name = HashSet::new();
        for p in points {
            if let Detail::Name { class, .. } = &p.detail
                && facts
                    .names_by_class
                    .get(class.as_str())
                    .is_some_and(|n| n.len() >= 4)
                && sentences_with_a_name.insert(p.anchor)
            {
                facts.asked_names.insert(p.id.as_str());
            }
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

/// Whether two positions could name the same office: one's words stand, in
/// order, within the other's ("Phó Bí thư Tỉnh ủy" within "Phó Bí thư
/// Thường trực Tỉnh ủy").
pub(super) fn overlaps(a: &[String], b: &[String]) -> bool {
    let within = |short: &[String], long: &[String]| {
        let mut it = long.iter();
        short.iter().all(|w| it.any(|x| x == w))
    };
    within(a, b) || within(b, a)
}

/// Sentences that open on a place's name and give figures, when the text
/// has three or more: the rows of a table written as sentences.
/// The bodies given the lead of a task, in document order, each once; and
/// the names cut inside a word somewhere ("Tổng Liên | đoàn"), never shown
/// as a choice.
pub(super) fn task_bodies<'a>(
    doc: &crate::document::Document,
    points: &'a [KeyPoint],
) -> (Vec<(&'a str, &'a str)>, HashSet<String>) {
    // (Gathered by class in `Facts::with_tasks`.)
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut broken = HashSet::new();
    for p in points {
        let Detail::Name { name, class } = &p.detail else {
            continue;
        };
        let text = &doc.blocks[p.block].text;
        let next = text
            .get(p.range.end..)
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or("");
        let last = name.split_whitespace().next_back().unwrap_or("");
        if !text[..p.range.end.min(text.len())].ends_with(|c: char| c.is_whitespace())
            && crate::vocabulary::is_compound(last, next)
        {
            broken.insert(super::phrasing::name_key(name));
        }
        if super::tasks::role(text, p.range.clone()) == Some(super::tasks::Role::Leads)
            && seen.insert(super::phrasing::name_key(name))
        {
            out.push((name.as_str(), class.as_str()));
        }
    }
    (out, broken)
}

impl<'a> Facts<'a> {
    /// The bodies given tasks ([`task_bodies`]), by class and all together.
    pub(super) fn with_tasks(mut self, bodies: Vec<(&'a str, &'a str)>) -> Self {
        for (name, class) in bodies {
            self.task_bodies.entry(class).or_default().push(name);
            self.all_task_bodies.push(name);
        }
        self
    }
}

pub(super) fn row_sentences(
    doc: &crate::document::Document,
    points: &[KeyPoint],
) -> HashSet<crate::document::Anchor> {
    let mut opens_on_place = HashSet::new();
    let mut with_figures = HashSet::new();
    for p in points {
        match &p.detail {
            Detail::Name { class, .. } if matches!(class.as_str(), "tỉnh" | "xã" | "huyện") => {
                let start = p.sentence_range(doc).map_or(0, |r| r.start);
                // "Tỉnh ", "Thành phố ", "UBND tỉnh ": within the first words.
                if p.range.start.saturating_sub(start) <= 24 {
                    opens_on_place.insert(p.anchor);
                }
            }
            Detail::Count { .. } | Detail::Figure { .. } => {
                with_figures.insert(p.anchor);
            }
            _ => {}
        }
    }
    let rows: HashSet<_> = opens_on_place
        .intersection(&with_figures)
        .copied()
        .collect();
    if rows.len() >= 3 {
        rows
    } else {
        HashSet::new()
    }
}
