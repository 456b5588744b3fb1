//! Definitions ("X là Y"), enumerations and curated statements.

use rand::RngExt;
use rand::seq::IndexedRandom;

use super::Generator;
use super::phrasing::*;
use crate::keypoints::KeyPoint;
use crate::quiz::{Answer, BLANK, Question};
use crate::text::{Fold, fold};

impl Generator<'_> {
    // -------------------------------------------------------------- statements

    pub(super) fn definition(
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
            // Two subjects may share a definition: each choice once. And
            // what the text says of a subject with the same head ("văn hóa
            // … là sức mạnh", "văn hóa … là động lực") may be as true.
            let head = |x: &str| {
                fold(x, Fold::Case)
                    .split_whitespace()
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let related = head(s) == head(subject)
                || contains_words(s, &head(subject))
                || contains_words(subject, &head(s));
            if !related
                && !same(s, subject)
                && !same(d, definition)
                && !others.iter().any(|o| same(o, d))
            {
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

    pub(super) fn enumeration(&self, point: &KeyPoint, items: &[String], out: &mut Vec<Question>) {
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

    pub(super) fn statement(
        &self,
        point: &KeyPoint,
        text: &str,
        key: &str,
        out: &mut Vec<Question>,
    ) {
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
