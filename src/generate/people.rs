//! People and their positions.

use rand::RngExt;

use super::Generator;
use crate::ids::fnv1a;
use crate::keypoints::KeyPoint;
use crate::quiz::{Answer, Question};

impl Generator<'_> {
    // -------------------------------------------------------------- people

    pub(super) fn person(&self, point: &KeyPoint, out: &mut Vec<Question>) {
        let all = &self.facts.people;
        let Some(&me) = self.facts.person_by_id.get(point.id.as_str()) else {
            return;
        };
        let (_, name, unique) = &all[me];
        let Some(position) = unique.first() else {
            return;
        };
        // Other people, picked by index without listing them all (a text
        // may name thousands): indices past `me` shift by one.
        if all.len() < 2 {
            return;
        }
        let mut rng = self.rng(&point.id);
        let picked = rand::seq::index::sample(&mut rng, all.len() - 1, 3.min(all.len() - 1));
        let mut choices: Vec<String> = picked
            .into_iter()
            .map(|i| all[if i >= me { i + 1 } else { i }].1.to_string())
            .filter(|n| n != name)
            // Never a filler choice for a serving office-holder.
            .filter(|n| !n.contains("Hồ Chí Minh"))
            .collect();
        if choices.is_empty() {
            return;
        }
        let answer = rng.random_range(0..=choices.len());
        choices.insert(answer, name.to_string());
        let explanation = format!("Văn bản nêu: {position} {name}.");
        out.push(self.question(
            point,
            "choice",
            format!("Theo văn bản, ai là {position}?"),
            Answer::SingleChoice { choices, answer },
            explanation.clone(),
        ));
        // True, or the position of someone else.
        let with_position = &self.facts.with_position;
        let mine = with_position.partition_point(|(i, _)| *i < me);
        let is_mine = with_position.get(mine).is_some_and(|(i, _)| *i == me);
        let others = with_position.len() - usize::from(is_mine);
        let truth = others == 0 || rng.random_bool(0.5);
        let stated = if truth {
            *position
        } else {
            let k = rng.random_range(0..others);
            let k = if is_mine && k >= mine { k + 1 } else { k };
            with_position[k].1
        };
        out.push(self.question(
            point,
            "true-false",
            format!("Đúng hay sai: theo văn bản, {name} là {stated}."),
            Answer::TrueFalse(truth),
            if truth {
                explanation
            } else {
                format!("Sai. {explanation}")
            },
        ));
    }

    pub(super) fn people_matching(&self, out: &mut Vec<Question>) {
        let pairs: Vec<(&KeyPoint, String, String)> = self
            .facts
            .people
            .iter()
            .filter(|(p, _, _)| self.askable(p))
            .filter_map(|(p, name, unique)| {
                unique
                    .first()
                    .map(|pos| (*p, name.to_string(), pos.to_string()))
            })
            .take(5)
            .collect();
        if pairs.len() < 2 {
            return;
        }
        let first = pairs[0].0;
        let names: Vec<&str> = pairs.iter().map(|(_, n, _)| n.as_str()).collect();
        let mut q = self.question(
            first,
            "",
            "Ghép mỗi người với chức vụ được nêu trong văn bản.".to_string(),
            Answer::Matching(
                pairs
                    .iter()
                    .map(|(_, n, p)| (n.clone(), p.clone()))
                    .collect(),
            ),
            pairs
                .iter()
                .map(|(_, n, p)| format!("{p} {n}"))
                .collect::<Vec<_>>()
                .join("; ")
                + ".",
        );
        q.id = format!(
            "gen-people-{:08x}",
            fnv1a(names.join("|").as_bytes()) as u32
        );
        q.key_point = Some("Lãnh đạo và chức vụ".to_string());
        out.push(q);
    }
}
