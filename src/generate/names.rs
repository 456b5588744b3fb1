//! Bodies and places: which body the text gives a task to, where a thing is
//! — chosen among other names of the same kind the document uses.

use rand::RngExt;
use rand::seq::SliceRandom;

use super::Generator;
use super::phrasing::{Folded, contains_words, same};
use crate::keypoints::KeyPoint;
use crate::quiz::{Answer, Question};

/// The cities run by the centre, for "Thành phố ___".
const CITIES: &[&str] = &[
    "Hà Nội",
    "Hồ Chí Minh",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
];

impl Generator<'_> {
    pub(super) fn name(&self, point: &KeyPoint, name: &str, class: &str, out: &mut Vec<Question>) {
        let what = match class {
            "tỉnh" | "xã" | "huyện" => "địa danh",
            "cảng" => "tên",
            _ => "cơ quan, tổ chức",
        };
        // "Chọn cơ quan, tổ chức đúng cho chỗ trống" is a form a trainer
        // never uses (see `weak_forms`): a body is asked by its task. A
        // place too: two readings found 1 of 13 usable, the other places
        // of a text being far away or no longer provinces, picked out by
        // anyone who knows the map.
        if !self.weak_forms {
            return;
        }
        let Some((text, _)) = self.blanked(point, name) else {
            return;
        };
        // Names the sentence also gives may be as right as the answer.
        let sentence = point.sentence(self.doc);
        let folded = Folded::new(sentence);
        let mut rng = self.rng(&point.id);
        let mut pool: Vec<&str> = self
            .facts
            .names_by_class
            .get(class)
            .map_or(Vec::new(), |n| n.clone())
            .into_iter()
            .filter(|n| !same(n, name) && !folded.contains_words(n) && !contains_words(n, name))
            .collect();
        // "Thành phố ___": only a city reads there, and the word gives a
        // lone city among provinces away; the other cities of the country
        // are the choices, or none is asked.
        let before = text.split(crate::quiz::BLANK).next().unwrap_or("");
        let city = before.trim_end().to_lowercase().ends_with("thành phố");
        if city {
            pool = CITIES
                .iter()
                .copied()
                .filter(|c| !same(c, name) && !folded.contains_words(c))
                .collect();
            if !CITIES.iter().any(|c| same(c, name)) {
                return;
            }
        }
        pool.shuffle(&mut rng);
        pool.truncate(3);
        if pool.len() < 3 {
            return;
        }
        let mut choices: Vec<String> = pool.into_iter().map(str::to_string).collect();
        let answer = rng.random_range(0..=choices.len());
        choices.insert(answer, name.to_string());
        let mut q = self.question(
            point,
            "choice",
            format!("Chọn {what} đúng cho chỗ trống: «{text}»"),
            Answer::SingleChoice { choices, answer },
            format!("Văn bản viết: “{sentence}”"),
        );
        // One name is asked about in many sentences, each a fact of its own.
        q.key_point = Some(format!("{name} ({})", point.anchor));
        out.push(q);
    }
}
