//! Ties a question from another tool to the passage of the document it is
//! about: the sentence sharing most of its words (its prompt and its right
//! answer), so that "Xem trong văn bản" works for imported questions too.

use std::collections::HashSet;

use crate::document::{Anchor, Document};
use crate::quiz::{Question, Source, correct_answer_text};
use crate::text::{Fold, fold};

/// How a question was tied to the text.
#[derive(Clone, Debug, PartialEq)]
pub enum Linked {
    /// By shared words (worth a trainer's look).
    Guessed(Source),
    /// Nothing matched: the first paragraph.
    Fallback(Source),
}

fn words(text: &str) -> HashSet<String> {
    fold(text, Fold::Marks)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_string)
        .collect()
}

pub fn link(doc: &Document, question: &Question) -> Linked {
    let answer = correct_answer_text(&question.answer, "", "");
    let mut wanted = words(&question.prompt);
    wanted.extend(words(&answer));
    if let crate::quiz::Answer::FillBlank { text, .. } = &question.answer {
        wanted.extend(words(text));
    }
    let mut best: Option<(usize, Anchor, String)> = None;
    for block in &doc.blocks {
        for sentence in &block.sentences {
            let text = &block.text[sentence.range.clone()];
            let shared = words(text).intersection(&wanted).count();
            if shared >= 2 && best.as_ref().is_none_or(|b| shared > b.0) {
                best = Some((shared, sentence.anchor, text.trim().to_string()));
            }
        }
    }
    match best {
        Some((_, anchor, quote)) => Linked::Guessed(Source { anchor, quote }),
        None => {
            let first = doc
                .blocks
                .iter()
                .find(|b| !b.sentences.is_empty())
                .or(doc.blocks.first());
            let (anchor, quote) =
                first.map_or(("p1".parse().expect("anchor"), String::new()), |b| {
                    let s = b.sentences.first();
                    (
                        s.map_or(b.anchor, |s| s.anchor),
                        s.map_or(b.text.clone(), |s| {
                            b.text[s.range.clone()].trim().to_string()
                        }),
                    )
                });
            Linked::Fallback(Source { anchor, quote })
        }
    }
}
