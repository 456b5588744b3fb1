//! Key points of a document: counts, dates and terms, quoted mottos and
//! viewpoints, people and their positions, definitions and enumerations —
//! each tied to the sentence it comes from. Found by rules that suit the
//! Vietnamese of resolutions, corrected by a trainer's curated file.

mod curated;
mod extract;
mod figures;
mod lists;
mod names;
mod people;
mod place;
mod tokens;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::document::Origin;
use crate::document::{Anchor, Document};
use crate::ids::fnv1a;
use crate::storage::{RonError, parse_ron};
use crate::text::{Fold, fold};
pub use curated::{
    BUNDLED_CURATED, CURATED_SUFFIX, Curated, apply_curated, curated_path, load_curated,
};

/// What a key point says, by kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Detail {
    /// "20 chỉ tiêu chủ yếu", "gần 12.000 cán bộ".
    Count {
        number: f64,
        /// The words counted: "chỉ tiêu chủ yếu".
        noun: String,
        /// The words after the count in its clause: "đến năm 2025".
        #[serde(default)]
        tail: String,
        /// "gần", "khoảng", "hơn"… when the text gives one.
        #[serde(default)]
        qualifier: String,
    },
    /// "đến năm 2030", with what the year is for ("định hướng"), which the text
    /// gives before the year or, with `context_after`, after it.
    Year {
        year: u32,
        context: String,
        #[serde(default)]
        context_after: bool,
    },
    /// "nhiệm kỳ 2020 - 2025", with what the term is of.
    Term { from: u32, to: u32, context: String },
    /// "Sáng 25/12", "ngày 19 tháng 02 năm 2025".
    Date { date: String },
    /// A figure with its unit: "8%", "khoảng 7 - 7,5%/năm", "84,3 nghìn tỷ
    /// đồng", "không quá 3 ngày". `figure` is the number or range as
    /// written ("7 - 7,5"), `unit` what follows it ("%/năm"), `qualifier`
    /// the words that bound or round it ("khoảng", "không quá").
    Figure {
        figure: String,
        unit: String,
        #[serde(default)]
        qualifier: String,
    },
    /// The name of a body or a place ("Bộ Nội vụ", "Cần Giờ"), and the class
    /// other names of its kind share ("bộ", "ủy ban", "địa phương").
    Name { name: String, class: String },
    /// A numbered list under an introduction ("Các giải pháp chủ yếu:"):
    /// how many items, and each item's title when they are short.
    List {
        intro: String,
        count: u32,
        titles: Vec<String>,
    },
    /// Another document, by number: "Nghị quyết số 57-NQ/TW".
    Reference { kind: String, number: String },
    /// Text in quotation marks, what it is ("phương châm Đại hội") and its
    /// parts when it is a list ("Đoàn kết", "Dân chủ", …).
    Quote {
        label: String,
        text: String,
        parts: Vec<String>,
    },
    Person {
        name: String,
        positions: Vec<String>,
    },
    /// "X là Y".
    Definition { subject: String, definition: String },
    /// Three or more parallel items separated by ";".
    Enumeration { items: Vec<String> },
    /// A sentence worth remembering, from a curated file; `key` names the
    /// words a question should ask for.
    Statement { text: String, key: String },
}

/// The groups the reader's key-point panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    Counts,
    Times,
    Quotes,
    People,
    Statements,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Counts,
        Group::Times,
        Group::Quotes,
        Group::People,
        Group::Statements,
    ];
}

impl Detail {
    pub fn group(&self) -> Group {
        match self {
            Detail::Count { .. } | Detail::Figure { .. } => Group::Counts,
            Detail::Year { .. } | Detail::Term { .. } | Detail::Date { .. } => Group::Times,
            Detail::Quote { .. } => Group::Quotes,
            Detail::Person { .. } => Group::People,
            Detail::Definition { .. }
            | Detail::Enumeration { .. }
            | Detail::Statement { .. }
            | Detail::Reference { .. }
            | Detail::Name { .. }
            | Detail::List { .. } => Group::Statements,
        }
    }

    fn kind_name(&self) -> &'static str {
        match self {
            Detail::Count { .. } => "count",
            Detail::Year { .. } => "year",
            Detail::Term { .. } => "term",
            Detail::Date { .. } => "date",
            Detail::Figure { .. } => "figure",
            Detail::Reference { .. } => "reference",
            Detail::Name { .. } => "name",
            Detail::List { .. } => "numbered-list",
            Detail::Quote { .. } => "quote",
            Detail::Person { .. } => "person",
            Detail::Definition { .. } => "definition",
            Detail::Enumeration { .. } => "list",
            Detail::Statement { .. } => "statement",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeyPoint {
    /// Stable: made from the kind and the words, so it survives edits elsewhere
    /// in the document (see [`stable_id`]).
    pub id: String,
    /// The sentence the key point comes from.
    pub anchor: Anchor,
    /// The words of the document the key point is about, as they stand there.
    pub phrase: String,
    pub detail: Detail,
    /// Where `phrase` stands: block index and byte range (found on load).
    #[serde(skip)]
    pub block: usize,
    #[serde(skip)]
    pub range: Range<usize>,
}

impl KeyPoint {
    /// A one-line summary for lists: "20 — chỉ tiêu chủ yếu", "Vương Đình Huệ — Bí thư Thành ủy".
    pub fn summary(&self) -> String {
        match &self.detail {
            Detail::Count {
                number,
                noun,
                qualifier,
                ..
            } => {
                let n = crate::numbers::format_number(*number);
                if qualifier.is_empty() {
                    format!("{n} {noun}")
                } else {
                    format!("{qualifier} {n} {noun}")
                }
            }
            Detail::Year {
                context,
                context_after: true,
                ..
            } => format!("{} {context}", self.phrase),
            Detail::Year { context, .. } => format!("{context} {}", self.phrase),
            Detail::Term { context, .. } if !context.is_empty() => {
                format!("{context}, {}", self.phrase)
            }
            Detail::Term { .. } | Detail::Date { .. } | Detail::Figure { .. } => {
                self.phrase.clone()
            }
            Detail::Reference { kind, number } => format!("{kind} số {number}"),
            Detail::Name { name, .. } => name.clone(),
            Detail::List { intro, count, .. } => format!("{intro} ({count} mục)"),
            Detail::Quote { label, text, .. } if !label.is_empty() => format!("{label}: “{text}”"),
            Detail::Quote { text, .. } => format!("“{text}”"),
            Detail::Person { name, positions } => match positions.first() {
                Some(_) => format!("{name} — {}", positions.join(", ")),
                None => name.clone(),
            },
            Detail::Definition {
                subject,
                definition,
            } => format!("{subject} là {definition}"),
            Detail::Enumeration { items } => items.join("; "),
            Detail::Statement { text, .. } => text.clone(),
        }
    }

    /// The byte range of the key point's sentence in its block.
    pub fn sentence_range(&self, doc: &Document) -> Option<Range<usize>> {
        // The block is known: no need to search the document for the anchor.
        let block = doc.blocks.get(self.block)?;
        block
            .sentences
            .iter()
            .find(|s| s.anchor == self.anchor)
            .map(|s| s.range.clone())
    }

    /// The sentence the key point comes from, as the document has it.
    pub fn sentence<'d>(&self, doc: &'d Document) -> &'d str {
        self.sentence_range(doc)
            .map_or("", |r| &doc.blocks[self.block].text[r])
    }
}

/// A short stable id: the kind, and a hash of the folded words plus the
/// number of earlier key points with the same words.
pub fn stable_id(detail: &Detail, phrase: &str, occurrence: usize) -> String {
    id_from_folded(detail, &fold(phrase, Fold::Case), occurrence)
}

fn id_from_folded(detail: &Detail, folded: &str, occurrence: usize) -> String {
    let key = format!("{}|{folded}|{occurrence}", detail.kind_name());
    format!(
        "{}-{:08x}",
        detail.kind_name(),
        fnv1a(key.as_bytes()) as u32
    )
}

/// Whether a sentence is a byline, a source line or a photo credit rather
/// than prose: "(TTXVN)", "Ảnh: …", "Theo Báo Nhân Dân", "PV", a line in
/// capitals. Nothing is asked about such a line.
pub fn is_byline(sentence: &str) -> bool {
    let s = sentence.trim();
    // Words are only compared with small numbers: counted up to 13.
    let words = s.split_whitespace().take(13).count();
    let (mut capitals, mut small) = (0usize, 0usize);
    for c in s.chars() {
        if c.is_uppercase() {
            capitals += 1;
        } else if c.is_lowercase() {
            small += 1;
        }
    }
    let letters = capitals + small;
    let shouting = letters >= 6 && capitals * 10 >= letters * 7;
    // What a credit starts with is in its first few words.
    let start = s.char_indices().nth(24).map_or(s, |(i, _)| &s[..i]);
    let folded = fold(start, Fold::Case);
    let bracketed = s.starts_with('(') && s.ends_with(')') && words <= 6;
    let credit = [
        "ảnh:",
        "ảnh :",
        "nguồn:",
        "theo ",
        "tác giả",
        "pv ",
        "bài và ảnh",
        "video:",
    ]
    .iter()
    .any(|w| folded.starts_with(w))
        && words <= 12;
    words <= 2 || shouting || bracketed || credit
}

/// The key points of a document, as the extractor finds them.
pub fn extract(doc: &Document) -> Vec<KeyPoint> {
    let mut points = extract::extract_all(doc);
    points.extend(lists::lists(doc));
    // "UBND tỉnh Lê Minh Khoa": a person after a place word is not a place.
    let people: std::collections::HashSet<String> = points
        .iter()
        .filter_map(|p| match &p.detail {
            Detail::Person { name, .. } => Some(fold(name, Fold::Case)),
            _ => None,
        })
        .collect();
    points.retain(|p| match &p.detail {
        Detail::Name { name, .. } => !people.contains(&fold(name, Fold::Case)),
        _ => true,
    });
    // "không quá 60 ngày kể từ…": one figure, not also a count "60 ngày
    // kể" over the same words.
    let mut figures: std::collections::HashMap<usize, Vec<std::ops::Range<usize>>> =
        std::collections::HashMap::new();
    for p in &points {
        if matches!(p.detail, Detail::Figure { .. }) {
            figures.entry(p.block).or_default().push(p.range.clone());
        }
    }
    points.retain(|p| {
        !matches!(p.detail, Detail::Count { .. })
            || !figures.get(&p.block).is_some_and(|ranges| {
                ranges
                    .iter()
                    .any(|r| r.start < p.range.end && p.range.start < r.end)
            })
    });
    finish(points)
}

/// Sorts by place in the document and gives each point its stable id.
fn finish(mut points: Vec<KeyPoint>) -> Vec<KeyPoint> {
    points.sort_by_key(|p| (p.block, p.range.start));
    let mut seen: std::collections::HashMap<(String, String), usize> =
        std::collections::HashMap::new();
    for p in &mut points {
        let folded = fold(&p.phrase, Fold::Case);
        let n = seen
            .entry((p.detail.kind_name().to_string(), folded.clone()))
            .or_insert(0);
        p.id = id_from_folded(&p.detail, &folded, *n);
        *n += 1;
    }
    points
}

/// The key points to show and ask about: the extractor's, corrected by the
/// curated file if there is one.
pub fn key_points(doc: &Document, curated: Option<&Curated>) -> Vec<KeyPoint> {
    let found = extract(doc);
    match curated {
        Some(c) => apply_curated(doc, found, c),
        None => found,
    }
}

/// The key points of a document with its curated file applied: the bundled
/// one for the bundled document, `NAME.keypoints.ron` beside a file. A curated
/// file that cannot be read is reported and the extractor's list is used.
pub fn key_points_for(doc: &Document) -> (Vec<KeyPoint>, Option<RonError>) {
    let curated = match &doc.origin {
        Origin::Bundled => parse_ron(
            std::path::Path::new("assets/hanoi-nghi-quyet-xvii.keypoints.ron"),
            BUNDLED_CURATED,
        )
        .map(Some),
        Origin::File(path) => load_curated(&curated_path(path)),
    };
    match curated {
        Ok(c) => (key_points(doc, c.as_ref()), None),
        Err(e) => (extract(doc), Some(e)),
    }
}

#[cfg(test)]
mod tests;
