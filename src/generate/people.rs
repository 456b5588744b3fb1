//! People and their positions.

use rand::RngExt;

use super::Generator;
use crate::ids::fnv1a;
use crate::keypoints::KeyPoint;
use crate::quiz::{Answer, Question};

impl Generator<'_> {
    // -------------------------------------------------------------- people

    /// "Theo văn bản, ai được bầu làm Bí thư Đảng ủy …?" — who a congress
    /// or a committee elected, the first thing the news of a congress
    /// tells; whether a question was made.
    pub(super) fn elected(&self, point: &KeyPoint, name: &str, out: &mut Vec<Question>) -> bool {
        let sentence = point.sentence(self.doc);
        let Some(role) = elected_as(sentence, name) else {
            return false;
        };
        let mut rng = self.rng(&point.id);
        let Some((choices, answer)) = self.people_to_choose(point, &mut rng) else {
            return false;
        };
        out.push(self.question(
            point,
            "elected",
            format!("Theo văn bản, ai được bầu làm {role}?"),
            Answer::SingleChoice { choices, answer },
            format!("Văn bản nêu: {name} được bầu làm {role}."),
        ));
        true
    }

    /// The person of `point` among up to three others of the document, and
    /// where it stands; `None` when the document names no one else.
    fn people_to_choose(
        &self,
        point: &KeyPoint,
        rng: &mut rand::rngs::StdRng,
    ) -> Option<(Vec<String>, usize)> {
        let all = &self.facts.people;
        let &me = self.facts.person_by_id.get(point.id.as_str())?;
        let name = all[me].1;
        // Other people, picked by index without listing them all (a text
        // may name thousands): indices past `me` shift by one.
        if all.len() < 2 {
            return None;
        }
        let picked = rand::seq::index::sample(rng, all.len() - 1, 3.min(all.len() - 1));
        let mut choices: Vec<String> = picked
            .into_iter()
            .map(|i| all[if i >= me { i + 1 } else { i }].1.to_string())
            .filter(|n| n != name)
            // Never a filler choice for a serving office-holder.
            .filter(|n| !n.contains("Hồ Chí Minh"))
            .collect();
        if choices.is_empty() {
            return None;
        }
        let answer = rng.random_range(0..=choices.len());
        choices.insert(answer, name.to_string());
        Some((choices, answer))
    }

    pub(super) fn person(&self, point: &KeyPoint, out: &mut Vec<Question>) {
        let all = &self.facts.people;
        let Some(&me) = self.facts.person_by_id.get(point.id.as_str()) else {
            return;
        };
        let (_, name, unique) = &all[me];
        let Some(position) = unique.first() else {
            return;
        };
        let mut rng = self.rng(&point.id);
        let Some((choices, answer)) = self.people_to_choose(point, &mut rng) else {
            return;
        };
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

/// Longest office a question asks who was elected to, in words.
const MAX_ROLE_WORDS: usize = 16;

/// The office `name` was elected to in `sentence` ("Hoàng Văn A được bầu
/// làm Bí thư Đảng ủy …; …" → "Bí thư Đảng ủy …"), up to the end of its
/// clause.
pub(super) fn elected_as<'s>(sentence: &'s str, name: &str) -> Option<&'s str> {
    let at = sentence.find(name)? + name.len();
    let rest = sentence[at..].trim_start();
    let rest = rest.strip_prefix("tiếp tục ").unwrap_or(rest);
    let role = ["được bầu làm ", "được bầu giữ chức ", "được bầu giữ "]
        .iter()
        .find_map(|verb| rest.strip_prefix(verb))?;
    let role = role
        .split([';', ',', '.', '(', ':'])
        .next()?
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let words = role.split_whitespace().count();
    (role.starts_with(char::is_uppercase) && (1..=MAX_ROLE_WORDS).contains(&words)).then_some(role)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::tests::{generated, markdown_doc};

    #[test]
    fn who_was_elected_is_asked_with_the_office_up_to_the_end_of_its_clause() {
        let s = "Theo đó, Giám đốc Sở Nông nghiệp Trần Văn Bình được bầu làm Bí thư Đảng ủy Khối nhiệm kỳ 2030-2035; Phó Giám đốc Lê Thị Hoa được bầu làm Phó Bí thư.";
        assert_eq!(
            elected_as(s, "Trần Văn Bình"),
            Some("Bí thư Đảng ủy Khối nhiệm kỳ 2030-2035")
        );
        assert_eq!(elected_as(s, "Lê Thị Hoa"), Some("Phó Bí thư"));
        assert_eq!(
            elected_as(
                "Ông Đỗ Văn Nam tiếp tục được bầu giữ chức Chủ tịch Hội.",
                "Đỗ Văn Nam"
            ),
            Some("Chủ tịch Hội")
        );
        // Elected to nothing named, or not elected at all.
        assert_eq!(
            elected_as("Đồng chí Đỗ Văn Nam được bầu làm ủy viên.", "Đỗ Văn Nam"),
            None
        );
        assert_eq!(
            elected_as("Đồng chí Đỗ Văn Nam phát biểu tại hội nghị.", "Đỗ Văn Nam"),
            None
        );

        // Made into a question on the news of a congress, with the other
        // people of the text to choose from.
        let doc = markdown_doc(
            "# Đại hội Đảng bộ Khối cơ quan tỉnh\n\n\
             Dự và chỉ đạo Đại hội có đồng chí Nguyễn Văn An, Phó Bí thư Tỉnh ủy.\n\n\
             Đại hội đã bầu Ban Chấp hành Đảng bộ Khối nhiệm kỳ 2030-2035.\n\n\
             Theo đó, Giám đốc Sở Nông nghiệp Trần Văn Bình được bầu làm Bí thư Đảng ủy Khối nhiệm kỳ 2030-2035; Phó Giám đốc Sở Y tế Lê Thị Hoa được bầu làm Phó Bí thư Đảng ủy Khối nhiệm kỳ 2030-2035.\n",
        );
        let set = generated(&doc, 1);
        let elected: Vec<&Question> = set
            .questions
            .iter()
            .filter(|q| q.id.ends_with("-elected"))
            .collect();
        assert!(!elected.is_empty(), "{:#?}", set.questions);
        for q in elected {
            assert!(
                q.prompt.starts_with("Theo văn bản, ai được bầu làm "),
                "{}",
                q.prompt
            );
            let Answer::SingleChoice { choices, answer } = &q.answer else {
                panic!("{}: not a choice", q.id);
            };
            assert!(choices.len() >= 3, "{choices:?}");
            let right = &choices[*answer];
            assert!(
                q.source.quote.contains(&format!("{right} được bầu làm")),
                "{right}"
            );
            assert!(!q.prompt.contains(right.as_str()));
        }
    }
}
