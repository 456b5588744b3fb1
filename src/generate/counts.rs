//! Counts: "bao nhiêu", the number among near ones, the number blanked,
//! true or false, and numbers matched with what they count.

use rand::RngExt;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;

use super::Generator;
use super::phrasing::*;
use crate::keypoints::{Detail, KeyPoint};
use crate::numbers::format_number;
use crate::quiz::{Answer, Question};
use crate::text::{Fold, fold};

impl Generator<'_> {
    // -------------------------------------------------------------- counts

    /// Whether the text states number `d` for this noun (any stated one is true).
    pub(super) fn stated_for_noun(&self, noun: &str, d: f64) -> bool {
        self.facts
            .counts_by_noun
            .get(&fold(noun, Fold::Case))
            .is_some_and(|set| set.contains(&d.to_bits()))
    }

    pub(super) fn number_distractors(&self, n: f64, noun: &str, rng: &mut StdRng) -> Vec<f64> {
        // Distractors have as many decimals as the true figure (7,5 → 5,5,
        // not 5,499999999999999).
        let decimals = format_number(n)
            .split_once(',')
            .map_or(0, |(_, f)| f.len() as i32);
        let scale = 10f64.powi(decimals);
        let tidy = |d: f64| (d * scale).round() / scale;
        // Anniversaries and years in the Party are round: "50 năm" among
        // 40, 45, 55, 60 — not 51, which no one would write.
        let round_years = noun.starts_with("năm ") && n >= 10.0 && n % 5.0 == 0.0;
        let natural = super::phrasing::natural_alternatives(n, noun);
        let pool: Vec<f64> = if round_years {
            vec![n - 15.0, n - 10.0, n - 5.0, n + 5.0, n + 10.0, n + 15.0]
        } else if let Some(natural) = natural {
            natural
        } else if n < 10.0 {
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
            // Same magnitude, rounded like the true figure: "3.321" among
            // 2.657 and 3.985, not among 3.000 and 4.000 (an exact figure
            // among round ones gives itself away).
            let zeros = (0..)
                .take_while(|&k| (n / 10f64.powi(k + 1)).fract() == 0.0)
                .count() as i32;
            let step = 10f64.powi((n.log10().floor() as i32 - 1).clamp(0, zeros));
            [0.8, 0.9, 1.1, 1.2, 1.5]
                .iter()
                .map(|f| (n * f / step).round() * step)
                .collect()
        };
        let mut pool: Vec<f64> = pool.into_iter().map(tidy).collect();
        pool.retain(|d| *d >= 2.0 && *d != n && !self.stated_for_noun(noun, *d));
        pool.dedup();
        let mut pool = super::phrasing::around_answer(pool, |&d| d < n, 3, rng);
        pool.sort_by(f64::total_cmp);
        pool
    }

    /// The words of the clause before a count, when they make a question of
    /// it read naturally: "Ban Thường vụ Tỉnh ủy gồm" | 15 đồng chí →
    /// "Ban Thường vụ Tỉnh ủy gồm bao nhiêu đồng chí?". None when they would
    /// not ("với tổng số", "hạn chế tồn tại và").
    pub(super) fn lead_before(&self, point: &KeyPoint) -> Option<String> {
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
        // A capital after a comma that follows a capitalised word: the
        // comma may stand inside a name ("Bộ Văn hóa, Thể thao và Du lịch"),
        // and the lead would start in the middle of it.
        if start > 0 && first.starts_with(char::is_uppercase) {
            let before: Vec<&str> = text[..start].split_whitespace().collect();
            let named = before
                .iter()
                .rev()
                .take(2)
                .enumerate()
                .any(|(k, w)| before.len() - k > 1 && w.starts_with(char::is_uppercase));
            if named {
                return None;
            }
        }
        let last = *words.last()?;
        let joins = [
            "cùng", "và", "với", "của", "cho", "trong", "tại", "từ", "hoặc", "hay", "về", "theo",
            "do", "bởi", "qua",
        ];
        let completes = ["đạt", "là", "gồm", "có", "ra", "bầu", "khoảng", "vào"];
        let opens_a_clause = first.starts_with(char::is_uppercase) || completes.contains(&last);
        // "Đây là hai chương trình có …": what "đây" points at is not shown.
        let points_back = ["Đây", "Đó", "Điều này", "Việc này"]
            .iter()
            .any(|w| lead.starts_with(w));
        if points_back {
            return None;
        }
        // "Là", "UBND của": too little to say what is counted.
        let says_enough = words.len() >= 3 && !joins.contains(&last.to_lowercase().as_str());
        (words.len() <= 16
            && says_enough
            && opens_a_clause
            && !joins.contains(&first.to_lowercase().as_str()))
        .then(|| capitalise(lead))
    }

    pub(super) fn count(
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
        let mut rng = self.rng(&point.id);
        let distractors = bounded_distractors(
            n,
            bound_of(qualifier),
            &self.number_distractors(n, noun, &mut rng),
        );
        // One count in two is typed in rather than chosen, so a set has
        // both; which ones depends on the key point only, not on the seed.
        let typed = crate::ids::fnv1a(point.id.as_bytes()).is_multiple_of(2);
        if typed || distractors.len() < 3 {
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
        }
        // "trên 20 nghị định": "trên 10" would be as true.
        let bounded = !qualifier.is_empty();
        if !typed && !bounded && distractors.len() == 3 {
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
        // The number chosen for its blank in the clause, as the text words
        // it ("…đạt từ ___ người trở lên"): it says what is counted where a
        // bare "Theo văn bản, có bao nhiêu …?" would not, and a bound is
        // asked as the text states it.
        let long_clause = self.clause(point).0.split_whitespace().count() >= 6;
        // Typed where the count is typed (a set has both kinds), chosen where
        // a number of three digits or more would not be typed from memory.
        let chosen = !typed || n >= 100.0;
        if long_clause && chosen && distractors.len() == 3 && (lead.is_none() || bounded) {
            let number_text = number_in_phrase(&point.phrase, n);
            if let Some((text, _)) = self.blanked(point, &number_text) {
                // Written as wide as the text's: "03", not "3".
                let digits = number_text.chars().take_while(char::is_ascii_digit).count();
                let width = if number_text.starts_with('0') {
                    digits
                } else {
                    0
                };
                let mut values = distractors.clone();
                values.push(n);
                values.sort_by(f64::total_cmp);
                let answer = values.iter().position(|v| *v == n).unwrap_or(0);
                let choices = values
                    .iter()
                    .map(|v| {
                        let f = format_number(*v);
                        format!("{f:0>width$}")
                    })
                    .collect();
                out.push(self.question(
                    point,
                    "blank-choice",
                    format!("Chọn số liệu đúng với văn bản cho chỗ trống: «{text}»"),
                    Answer::SingleChoice { choices, answer },
                    explanation.clone(),
                ));
            }
        }
        // A clause as short as "3 khâu đột phá" says too little to fill in.
        if long_clause {
            let number_text = number_in_phrase(&point.phrase, n);
            self.blank_in_clause(
                point,
                &number_text,
                &[shown.clone(), format_number(n).replace('.', "")],
                "blank",
                out,
            );
        }
        if let Some(&wrong) = distractors.choose(&mut rng).filter(|_| self.weak_forms) {
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

    /// Numbers ↔ what they count, for a sentence with three or more counts.
    pub(super) fn count_matchings(&self, out: &mut Vec<Question>) {
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
                // "22 giờ 51 phút", "88 tuổi": a matching needs nouns that say something.
                if let Detail::Count { number, noun, .. } = &p.detail
                    && noun.split_whitespace().count() >= 2
                {
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
                q.key_point = Some(format!("Các con số ({})", first.anchor));
                out.push(q);
            }
        }
    }
}
