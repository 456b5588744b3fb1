//! Years, terms and dates.

use super::Generator;
use super::phrasing::*;
use crate::keypoints::KeyPoint;
use crate::quiz::{Answer, Question};
use crate::text::{Fold, fold};

impl Generator<'_> {
    // -------------------------------------------------------------- times

    pub(super) fn year(
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
        let mut pool = super::phrasing::around_answer(pool, |&y| y < year, 3, &mut rng);
        // A choice of years is asked only where the text gives this one
        // year and no other (a plan with targets for 2025 and 2030 makes
        // "đến năm nào?" a guess).
        if pool.len() == 3 && self.facts.all_years.len() == 1 {
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

    pub(super) fn term(
        &self,
        point: &KeyPoint,
        from: u32,
        to: u32,
        context: &str,
        out: &mut Vec<Question>,
    ) {
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
}

pub(super) fn date_variants(date: &str) -> Vec<String> {
    // "19 tháng 02 năm 2025" is also written "19/02/2025" and "19/2/2025".
    let words: Vec<&str> = date.split_whitespace().collect();
    if words.len() >= 3 && words[1] == "tháng" {
        let mut numeric = vec![words[0], words[2]];
        if words.len() == 5 && words[3] == "năm" {
            numeric.push(words[4]);
        }
        let padded = numeric.join("/");
        let unpadded: Vec<&str> = numeric.iter().map(|p| p.trim_start_matches('0')).collect();
        return vec![date.to_string(), padded, unpadded.join("/")];
    }
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
