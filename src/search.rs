//! Finding words in a document, with or without diacritics.
//!
//! A query typed without marks ("quan triet", "dang bo", "d") matches every
//! spelling ("quán triệt", "Đảng bộ", "đ"). A query typed with marks
//! ("quán triệt") matches that spelling only, ignoring case — so "dân" does
//! not find "dần". Both are case-insensitive.
//!
//! The folded forms of the document are built on the first search and kept,
//! so typing stays fast on long documents and opening one stays cheap.

use std::ops::Range;
use std::sync::OnceLock;

use crate::document::Document;
use crate::text::{Fold, FoldedText, collapse_spaces, fold, has_marks, nfc};

/// One occurrence of the query: a byte range in one block's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub block: usize,
    pub range: Range<usize>,
}

/// Folded copies of a document's blocks, made once per fold level on demand.
#[derive(Debug, Default)]
pub struct SearchIndex {
    case: OnceLock<Vec<FoldedText>>,
    marks: OnceLock<Vec<FoldedText>>,
}

impl SearchIndex {
    pub fn new() -> Self {
        Self::default()
    }

    fn folded(&self, doc: &Document, level: Fold) -> &[FoldedText] {
        let cell = match level {
            Fold::Case => &self.case,
            Fold::Marks => &self.marks,
        };
        cell.get_or_init(|| {
            doc.blocks
                .iter()
                .map(|b| FoldedText::new(&b.text, level))
                .collect()
        })
    }

    /// Every hit of `query` in `doc`, in reading order. An empty (or blank)
    /// query finds nothing.
    pub fn find(&self, doc: &Document, query: &str) -> Vec<Hit> {
        let query = collapse_spaces(&nfc(query));
        if query.is_empty() {
            return Vec::new();
        }
        let level = if has_marks(&query) {
            Fold::Case
        } else {
            Fold::Marks
        };
        let needle = fold(&query, level);
        let mut hits = Vec::new();
        for (block, folded) in self.folded(doc, level).iter().enumerate() {
            for (at, _) in folded.folded.match_indices(needle.as_str()) {
                hits.push(Hit {
                    block,
                    range: folded.original_range(at..at + needle.len()),
                });
            }
        }
        hits
    }
}

/// A search in progress: the query, its hits and which one is current.
#[derive(Debug, Default)]
pub struct SearchSession {
    query: String,
    pub hits: Vec<Hit>,
    pub current: Option<usize>,
}

impl SearchSession {
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Runs `query` if it differs from the last one; the first hit becomes
    /// current. Returns whether anything changed.
    pub fn update(&mut self, index: &SearchIndex, doc: &Document, query: &str) -> bool {
        if query == self.query {
            return false;
        }
        self.query = query.to_string();
        self.hits = index.find(doc, query);
        self.current = (!self.hits.is_empty()).then_some(0);
        true
    }

    /// Moves to the next hit, wrapping round at the end.
    pub fn go_next(&mut self) -> Option<&Hit> {
        let n = self.hits.len();
        self.current = (n > 0).then(|| self.current.map_or(0, |c| (c + 1) % n));
        self.current_hit()
    }

    /// Moves to the previous hit, wrapping round at the start.
    pub fn go_previous(&mut self) -> Option<&Hit> {
        let n = self.hits.len();
        self.current = (n > 0).then(|| self.current.map_or(n - 1, |c| (c + n - 1) % n));
        self.current_hit()
    }

    pub fn current_hit(&self) -> Option<&Hit> {
        self.current.and_then(|c| self.hits.get(c))
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, Origin};

    fn doc(text: &str) -> Document {
        Document::from_text(text, Format::PlainText, "t", Origin::Bundled).unwrap()
    }

    fn found<'a>(d: &'a Document, q: &str) -> Vec<&'a str> {
        SearchIndex::new()
            .find(d, q)
            .into_iter()
            .map(|h| &d.blocks[h.block].text[h.range])
            .collect()
    }

    #[test]
    fn unmarked_query_matches_every_spelling() {
        let d = doc("Quán triệt Nghị quyết.\n\nĐảng bộ quán triệt; quan trọng.");
        assert_eq!(found(&d, "quan triet"), ["Quán triệt", "quán triệt"]);
        assert_eq!(found(&d, "dang bo"), ["Đảng bộ"]);
        assert_eq!(found(&d, "D").len(), 1, "d matches đ");
    }

    #[test]
    fn marked_query_matches_that_spelling_ignoring_case() {
        let d = doc("Nhân dân. Dần dần. DÂN chủ.");
        assert_eq!(found(&d, "dân"), ["dân", "DÂN"]);
        assert_eq!(found(&d, "quán triệt"), Vec::<&str>::new());
        let d = doc("Quán triệt, quan triet.");
        assert_eq!(found(&d, "quán triệt"), ["Quán triệt"]);
    }

    #[test]
    fn queries_are_normalised_before_matching() {
        let d = doc("Học tập Nghị quyết.");
        let nfd_query = "Nghi\u{0323} quye\u{0302}\u{0301}t";
        assert_eq!(found(&d, nfd_query), ["Nghị quyết"]);
        assert_eq!(found(&d, "  nghi   quyet "), ["Nghị quyết"]);
        assert!(found(&d, "   ").is_empty());
    }

    #[test]
    fn session_steps_through_hits_and_wraps_round() {
        let d = doc("Đảng bộ. Đảng viên. Dang do.");
        let index = SearchIndex::new();
        let mut s = SearchSession::default();
        assert!(s.update(&index, &d, "dang"));
        assert!(!s.update(&index, &d, "dang"), "same query, nothing to redo");
        assert_eq!((s.hits.len(), s.current), (3, Some(0)));
        s.go_next();
        s.go_next();
        assert_eq!(s.current, Some(2));
        s.go_next();
        assert_eq!(s.current, Some(0), "wraps to the first");
        s.go_previous();
        assert_eq!(s.current, Some(2), "wraps to the last");
        s.update(&index, &d, "không có");
        assert_eq!(s.current, None);
        assert!(s.go_next().is_none());
        s.clear();
        assert_eq!(s.query(), "");
    }

    #[test]
    fn hits_come_in_reading_order_across_blocks() {
        let d = doc("một a a.\n\nhai a.");
        let hits = SearchIndex::new().find(&d, "a");
        let blocks: Vec<_> = hits.iter().map(|h| h.block).collect();
        assert_eq!(blocks, [0, 0, 1, 1]);
    }
}
