//! Numbered lists: how many items a list under its introduction has, and
//! which item comes at a given place.

use rand::RngExt;
use rand::seq::SliceRandom;

use super::Generator;
use crate::keypoints::KeyPoint;
use crate::quiz::{Answer, Question};

/// The most words of an introduction a prompt quotes.
const INTRO_WORDS: usize = 16;

const PLACES: &[&str] = &[
    "nhất",
    "hai",
    "ba",
    "tư",
    "năm",
    "sáu",
    "bảy",
    "tám",
    "chín",
    "mười",
    "mười một",
    "mười hai",
];

impl Generator<'_> {
    pub(super) fn list(
        &self,
        point: &KeyPoint,
        intro: &str,
        count: u32,
        titles: &[String],
        out: &mut Vec<Question>,
    ) {
        let intro = intro.trim().trim_end_matches([':', '.']).trim_end();
        let words: Vec<&str> = intro.split_whitespace().collect();
        // A long introduction does not name the list in a few words.
        if words.len() > INTRO_WORDS || words.len() < 2 {
            return;
        }
        let intro = intro.to_string();
        let mut rng = self.rng(&point.id);
        let n = count as i64;
        let mut values: Vec<i64> = [n - 2, n - 1, n + 1, n + 2, n + 3]
            .into_iter()
            .filter(|v| *v >= 2)
            .collect();
        values.shuffle(&mut rng);
        values.truncate(3);
        values.push(n);
        values.sort_unstable();
        let answer = values.iter().position(|v| *v == n).unwrap_or(0);
        let explanation = if titles.is_empty() {
            format!("Văn bản nêu {count} mục sau phần “{intro}”.")
        } else {
            format!("Văn bản nêu {count} mục: {}.", titles.join("; "))
        };
        out.push(self.question(
            point,
            "count",
            format!("Theo văn bản, phần “{intro}” nêu bao nhiêu mục?"),
            Answer::SingleChoice {
                choices: values.iter().map(i64::to_string).collect(),
                answer,
            },
            explanation.clone(),
        ));
        // Which item stands at a place: the other items are the distractors.
        if titles.len() >= 4 {
            let k = rng.random_range(1..titles.len());
            let mut others: Vec<&String> = titles
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != k)
                .map(|(_, t)| t)
                .collect();
            others.shuffle(&mut rng);
            let mut choices: Vec<String> = others.into_iter().take(3).cloned().collect();
            let at = rng.random_range(0..=choices.len());
            choices.insert(at, titles[k].clone());
            let mut q = self.question(
                point,
                "item",
                format!(
                    "Theo văn bản, trong phần “{intro}”, mục thứ {} là gì?",
                    PLACES.get(k).unwrap_or(&"")
                ),
                Answer::SingleChoice {
                    choices,
                    answer: at,
                },
                explanation,
            );
            q.key_point = Some(format!("{intro} — mục {}", k + 1));
            out.push(q);
        }
    }
}
