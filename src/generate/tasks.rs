//! Who is given a task: in a conclusion or a directive, "Giao Bộ A chủ trì,
//! phối hợp với Bộ B xây dựng …" says which body leads the work and which
//! one it works with — what a room is asked about such a text. The body is
//! chosen among the others the document gives tasks to.

use rand::RngExt;

use super::Generator;
use super::phrasing::Folded;
use crate::keypoints::KeyPoint;
use crate::quiz::{Answer, Question};

/// What a body does in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// "Giao Bộ A chủ trì …", "Trước ngày 10/4, Bộ A chủ trì …".
    Leads,
    /// "… chủ trì, phối hợp với Bộ B hướng dẫn …": the one partner named.
    WorksWith,
}

/// The role of the name standing at `range` in `text` (a block's text), if
/// the sentence gives it a task.
pub(super) fn role(text: &str, range: std::ops::Range<usize>) -> Option<Role> {
    let before = text.get(..range.start)?;
    let after = text.get(range.end..)?;
    // The sentence so far: from its last full stop.
    let clause = before
        .rsplit_once(['.', ';', ':', '\n'])
        .map_or(before, |(_, c)| c);
    let clause = clause.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '+' | '*' | '•')
    });
    let lead = clause.trim_end();
    let next = after.trim_start();
    let next_word = next.split_whitespace().next().unwrap_or("");
    if next.starts_with("chủ trì") && !next.starts_with("chủ trì với") {
        // Who opens the clause, or is given it ("Giao …", "Chính phủ giao …"),
        // or comes after a deadline ("Trước ngày 10/4/2025, Bộ A chủ trì").
        let last_part = lead.rsplit_once(',').map_or(lead, |(_, p)| p).trim();
        let given = lead.is_empty()
            || lead.ends_with("Giao")
            || lead.ends_with(" giao")
            || (lead.ends_with(',')
                && lead.split(',').count() <= 3
                && (lead.starts_with("Trước")
                    || lead.starts_with("Sau")
                    || lead.starts_with("Đến")
                    || lead.starts_with("Theo")
                    || lead.starts_with("Đồng thời")));
        return (given && !last_part.ends_with(" các")).then_some(Role::Leads);
    }
    // The one partner: "phối hợp với Bộ B hướng dẫn", not one of a list
    // ("phối hợp với Bộ B, Bộ C và …").
    let alone = next_word
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() && c.is_alphabetic())
        && !matches!(
            next_word,
            "và" | "cùng" | "các" | "với" | "của" | "thuộc" | "tại" | "để"
        );
    // Only where a body leads the task: "A chủ trì, phối hợp với B …".
    let partner = lead.ends_with("phối hợp với") && lead.contains("chủ trì");
    (partner && alone).then_some(Role::WorksWith)
}

/// The most names of one list looked at for a task's wrong choices.
const LOOKED_AT: usize = 40;

/// Words kept after the blank: the task itself, which tells one task
/// from another, is kept whole up to this.
const TASK_WORDS: usize = 32;

impl Generator<'_> {
    /// The sentence with the body blanked: what comes before shortened as
    /// for any blank, the task after it kept to its clause's end (at most
    /// [`TASK_WORDS`] words). `None` when the body is named again in it.
    fn task_text(&self, point: &KeyPoint, name: &str) -> Option<String> {
        let (clause, at) = self.clause(point);
        let offset = clause[at.min(clause.len())..].find(name).map(|o| o + at)?;
        let before = super::shorten_before(&clause[..offset]);
        let rest = &clause[offset + name.len()..];
        let rest = rest.split([';', '\n']).next().unwrap_or(rest);
        // "Giao Bộ A chủ trì, phối hợp với Bộ B:": the task is in the items
        // below, and the question would not say which.
        if rest.trim_end().ends_with(':') {
            return None;
        }
        let words: Vec<&str> = rest.split_whitespace().collect();
        let mut after = words[..words.len().min(TASK_WORDS)].join(" ");
        if words.len() > TASK_WORDS {
            after = after.trim_end_matches([',', ':']).to_string();
            after.push('…');
        }
        let text = format!("{before}{} {after}", crate::quiz::BLANK);
        let text = text.trim_end_matches([':', ' ']).to_string();
        let shown = Folded::names(&text);
        (!shown.contains_names(name)).then_some(text)
    }

    /// A body's task, asked as a choice among the bodies the document gives
    /// tasks to (then the others of its kind): `false` when the name has no
    /// task in its sentence.
    pub(super) fn task(
        &self,
        point: &KeyPoint,
        name: &str,
        class: &str,
        out: &mut Vec<Question>,
    ) -> bool {
        let block = &self.doc.blocks[point.block];
        let Some(role) = role(&block.text, point.range.clone()) else {
            return false;
        };
        let Some(text) = self.task_text(point, name) else {
            return true;
        };
        // Bodies the sentence names, in either spelling of the tones
        // ("Đảng uỷ", "Đảng ủy"), may be as right as the answer.
        let sentence = point.sentence(self.doc);
        let folded = Folded::names(sentence);
        let key = super::phrasing::name_key(name);
        // Nor a name holding the answer or held in it ("Bộ A" and "Bộ A
        // Nguyễn Văn B", a minister's name taken with the ministry's).
        let fits = |k: &String, n: &str| {
            !k.contains(&key)
                && !key.contains(k.as_str())
                && !self.facts.broken_names.contains(k)
                && !folded.contains_names(n)
        };
        let mut rng = self.rng(&point.id);
        // The bodies given tasks of the same kind, then the other names of
        // that kind, then bodies of other kinds given tasks ("Ban A" among
        // "Đảng ủy B", "Văn phòng C": all lead work in the same text). Each
        // list is looked at from a place of its own for this point, and at
        // most [`LOOKED_AT`] names of it: a long text's thousand names are
        // not all compared for each of its tasks.
        let no_names = Vec::new();
        let same_kind = self.facts.task_bodies.get(class).unwrap_or(&no_names);
        let others = self.facts.names_by_class.get(class).unwrap_or(&no_names);
        let other_kinds = &self.facts.all_task_bodies;
        let mut pool: Vec<&str> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        for list in [same_kind, others, other_kinds] {
            let from = if list.is_empty() {
                0
            } else {
                rng.random_range(0..list.len())
            };
            for i in 0..list.len().min(LOOKED_AT) {
                if pool.len() == 3 {
                    break;
                }
                let n = list[(from + i) % list.len()];
                let k = super::phrasing::name_key(n);
                if fits(&k, n) && !keys.contains(&k) {
                    pool.push(n);
                    keys.push(k);
                }
            }
        }
        if pool.len() < 3 {
            return true;
        }
        let mut choices: Vec<String> = pool.into_iter().map(str::to_string).collect();
        let answer = rng.random_range(0..=choices.len());
        choices.insert(answer, name.to_string());
        let prompt = match role {
            Role::Leads => format!("Theo văn bản, cơ quan nào chủ trì việc sau: «{text}»?"),
            Role::WorksWith => {
                format!("Theo văn bản, việc sau có sự phối hợp của cơ quan nào: «{text}»?")
            }
        };
        let mut q = self.question(
            point,
            "task",
            prompt,
            Answer::SingleChoice { choices, answer },
            format!("Văn bản viết: “{sentence}”"),
        );
        q.key_point = Some(format!("{name} ({})", point.anchor));
        out.push(q);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role_of(text: &str, name: &str) -> Option<Role> {
        let at = text.find(name).unwrap();
        role(text, at..at + name.len())
    }

    #[test]
    fn the_body_given_the_lead_and_its_one_partner_have_roles() {
        let t = "Giao Sở Văn hóa chủ trì, phối hợp với Sở Giáo dục soạn tài liệu học tập.";
        assert_eq!(role_of(t, "Sở Văn hóa"), Some(Role::Leads));
        assert_eq!(role_of(t, "Sở Giáo dục"), Some(Role::WorksWith));
        let t = "Trước ngày 15/3/2031, Sở Nội vụ chủ trì rà soát biên chế.";
        assert_eq!(role_of(t, "Sở Nội vụ"), Some(Role::Leads));
        let t = "- Ủy ban xã chủ trì việc lấy ý kiến.";
        assert_eq!(role_of(t, "Ủy ban xã"), Some(Role::Leads));
    }

    #[test]
    fn a_body_in_a_list_or_with_other_words_has_none() {
        // One of several partners: naming one is not the answer.
        let t = "Giao Sở Văn hóa chủ trì, phối hợp với Sở Giáo dục, Sở Y tế soạn tài liệu.";
        assert_eq!(role_of(t, "Sở Giáo dục"), None);
        let t = "Sở Văn hóa phối hợp với Sở Giáo dục và các huyện tổ chức hội thi.";
        assert_eq!(role_of(t, "Sở Giáo dục"), None);
        // Not the actor: "Ủy ban … của huyện chủ trì".
        let t = "Ủy ban nhân dân của huyện lớn hơn chủ trì việc này.";
        assert_eq!(role_of(t, "Ủy ban nhân dân"), None);
        // In a clause that is about something else.
        let t = "Báo cáo cho thấy, năm qua Sở Văn hóa chủ trì ba hội thi.";
        assert_eq!(role_of(t, "Sở Văn hóa"), None);
        let t = "Các ban, Sở Văn hóa chủ trì ba hội thi.";
        assert_eq!(role_of(t, "Sở Văn hóa"), None);
    }
}
