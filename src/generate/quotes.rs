//! Mottos, slogans and viewpoints in quotation marks.

use rand::RngExt;
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};

use super::Generator;
use super::phrasing::*;
use crate::keypoints::KeyPoint;
use crate::quiz::{Answer, BLANK, Question};

impl Generator<'_> {
    // -------------------------------------------------------------- quotations

    pub(super) fn quote(
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
            if self.weak_forms {
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
            }
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
        // "Theo văn bản, phương châm là gì?" is a form a trainer never uses
        // (see `weak_forms`).
        if !label.is_empty() && self.weak_forms {
            self.quote_choice(point, label, text, parts, &mut rng, &explanation, out);
        }
        // A short phrase in quotation marks ("xin - cho", "luồng xanh"),
        // blanked inside its marks: mostly a slogan or an idiom anyone
        // fills, so a weak form (see `quality::is_weak_form`), made for the
        // report only. Not one of several quoted words in a row ("suy
        // thoái, “tự diễn biến”, “tự chuyển hóa”"): the others give it away.
        let sentence = point.sentence(self.doc);
        let quoted = sentence.matches(['“', '"']).count();
        let alone = quoted <= 2;
        if self.weak_forms
            && alone
            && parts.len() < 3
            && (2..=8).contains(&text.split_whitespace().count())
        {
            self.blank_in_clause(point, text, &[], "quoted", out);
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn quote_choice(
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
}

/// "X là Y" / "X làm Y" → (X, "là Y").
pub(super) fn split_role(part: &str) -> Option<(String, String)> {
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
