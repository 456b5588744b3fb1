//! The primitives every rule family shares: a sentence being read (its
//! block, its place in the document, its text) and the words of a span of
//! tokens as written. They sit apart from `extract`, the orchestrator, so
//! the rule families (`people`, `figures`, …) depend on them and not on it.

use std::ops::Range;

use super::tokens::Token;
use super::{Detail, KeyPoint};
use crate::document::Sentence;

/// A sentence being read: where it is and its text.
pub(super) struct Place<'a> {
    pub block: usize,
    pub sentence: &'a Sentence,
    pub text: &'a str,
}

impl Place<'_> {
    pub fn point(&self, range: Range<usize>, detail: Detail) -> KeyPoint {
        let base = self.sentence.range.start;
        KeyPoint {
            id: String::new(),
            anchor: self.sentence.anchor,
            phrase: self.text[range.clone()].to_string(),
            detail,
            block: self.block,
            range: base + range.start..base + range.end,
        }
    }
}

/// The text from token `from` to token `to` (inclusive), as written.
pub(super) fn span(text: &str, tokens: &[Token<'_>], from: usize, to: usize) -> String {
    text[tokens[from].range.start..tokens[to].range.end].to_string()
}
