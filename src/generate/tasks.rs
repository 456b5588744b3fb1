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

/// A body's name less its head ("Bộ Quốc phòng" → "Quốc phòng", "Đảng ủy
/// Bộ Tài chính" → "Tài chính"): the words a task may give it away by.
fn body_words(name: &str) -> &str {
    let mut rest = name;
    for head in [
        "Đảng ủy ",
        "Đảng uỷ ",
        "Bộ ",
        "Ban ",
        "Sở ",
        "Ủy ban ",
        "Uỷ ban ",
    ] {
        rest = rest.strip_prefix(head).unwrap_or(rest);
    }
    rest
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
        let end = super::whole_words_end(&words, words.len().min(TASK_WORDS));
        let mut after = words[..end].join(" ");
        if words.len() > end {
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
        // "… khu vực biên giới, trọng điểm về quốc phòng" for Bộ Quốc phòng:
        // the task's words name the body.
        if Folded::names(&text).contains_names(body_words(name)) {
            return true;
        }
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
        let prompt = match role {
            Role::Leads => format!("Theo văn bản, cơ quan nào chủ trì việc sau: «{text}»?"),
            Role::WorksWith => {
                format!("Theo văn bản, việc sau có sự phối hợp của cơ quan nào: «{text}»?")
            }
        };
        let wrong = pool.into_iter().map(str::to_string).collect();
        self.name_choice(point, "task", prompt, name, wrong, &mut rng, out);
        true
    }

    /// A choice of `name` among `wrong` (placed by `rng`), explained by the
    /// key point's sentence. One name asked in many sentences is a fact
    /// of each.
    #[allow(clippy::too_many_arguments)]
    fn name_choice(
        &self,
        point: &KeyPoint,
        variant: &str,
        prompt: String,
        name: &str,
        mut choices: Vec<String>,
        rng: &mut rand::rngs::StdRng,
        out: &mut Vec<Question>,
    ) {
        let answer = rng.random_range(0..=choices.len());
        choices.insert(answer, name.to_string());
        let mut q = self.question(
            point,
            variant,
            prompt,
            Answer::SingleChoice { choices, answer },
            format!("Văn bản viết: “{}”", point.sentence(self.doc)),
        );
        q.key_point = Some(format!("{name} ({})", point.anchor));
        out.push(q);
    }
}

/// What a person does in a sentence, as a question asks it: the verbs of a
/// congress or a conference report. Longest first.
const DEEDS: &[&str] = &[
    "dự và phát biểu chỉ đạo",
    "phát biểu chỉ đạo",
    "phát biểu khai mạc",
    "phát biểu bế mạc",
    "được bầu giữ chức",
    "được bầu làm",
    "tái đắc cử",
    "ký ban hành",
    "trình bày",
    "chủ trì",
    "đồng chủ trì",
    "thay mặt",
    "gặp mặt",
    "phát biểu",
    "trao",
    "ký",
];

/// The deed of the person named at `range` in `text` and the words of the
/// sentence from it (at most [`DEED_WORDS`]): "dự và phát biểu chỉ đạo Đại
/// hội". Only when what stands between the name and the deed is the
/// person's positions (", Ủy viên Bộ Chính trị, Bí thư Thành ủy"), and the
/// name is not one of two doing it ("A và B chủ trì").
pub(super) fn deed(text: &str, range: std::ops::Range<usize>) -> Option<String> {
    let before = text.get(..range.start)?;
    let after = text.get(range.end..)?;
    let clause_before = before
        .rsplit_once(['.', ';', ':', '\n'])
        .map_or(before, |(_, c)| c)
        .trim_end();
    if clause_before.ends_with(" và")
        || clause_before.ends_with(" và đồng chí")
        || clause_before.ends_with(" cùng")
        || clause_before.ends_with(" với")
    {
        return None;
    }
    let sentence = after.split(['.', ';', '\n', '(']).next().unwrap_or(after);
    let mut found: Vec<(usize, &str)> = DEEDS
        .iter()
        .flat_map(|d| {
            sentence
                .match_indices(d)
                .filter(|(i, _)| {
                    // A whole word: "trao" not in "trao đổi".
                    let end = i + d.len();
                    sentence[..*i].ends_with(' ')
                        && !sentence[end..].starts_with(|c: char| c.is_alphabetic())
                        && ![" đổi", " kết", " tặng"]
                            .iter()
                            .any(|w| sentence[end..].starts_with(w))
                })
                .map(|(i, _)| (i, *d))
                .collect::<Vec<_>>()
        })
        .collect();
    // The first in the sentence; the longest of those starting together.
    found.sort_by_key(|(i, d)| (*i, std::cmp::Reverse(d.len())));
    // "Tổng Thư | ký", "Phó Chủ tịch Hội đồng | trao": a capitalised word
    // right before the verb makes it part of a title; the next is looked at.
    let (at, deed) = found.into_iter().find(|(at, _)| {
        !sentence[..*at]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.starts_with(char::is_uppercase) && !w.ends_with(','))
    })?;
    // Between the name and the deed: nothing, or positions each starting
    // with a capital, separated by commas.
    let between = sentence[..at].trim();
    let between = between.strip_suffix(" đã").unwrap_or(between);
    let between = if between == "đã" { "" } else { between };
    let between = between.strip_prefix(',').unwrap_or(between).trim();
    let positions_only = between.is_empty()
        || between
            .split(',')
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .all(|part| part.starts_with(char::is_uppercase) && !part.contains(" và "));
    if !positions_only {
        return None;
    }
    let words: Vec<&str> = sentence[at..].split_whitespace().collect();
    let said: Vec<&str> = words.iter().take(DEED_WORDS).copied().collect();
    let mut said = said.join(" ");
    // "trao" needs what and to whom; "thay mặt" on whose behalf and what:
    // a deed of two words asks nothing.
    if said.split_whitespace().count() < deed.split_whitespace().count() + 2 {
        return None;
    }
    if words.len() > DEED_WORDS {
        said = said.trim_end_matches([',', ':']).to_string();
        said.push('…');
    }
    Some(said.trim_end_matches([',', ':', ' ']).to_string())
}

/// Words of a deed kept in its question.
const DEED_WORDS: usize = 24;

impl Generator<'_> {
    /// Who did what: "Theo văn bản, ai dự và phát biểu chỉ đạo Đại hội?",
    /// among other people the document names. `false` when the person does
    /// nothing the question could ask in this sentence.
    pub(super) fn deed(&self, point: &KeyPoint, name: &str, out: &mut Vec<Question>) -> bool {
        let block = &self.doc.blocks[point.block];
        let Some(deed) = deed(&block.text, point.range.clone()) else {
            return false;
        };
        let sentence = point.sentence(self.doc);
        let folded = Folded::names(sentence);
        if Folded::names(&deed).contains_names(name) {
            return true;
        }
        let people = &self.facts.people;
        let mut rng = self.rng(&point.id);
        let mut choices: Vec<String> = Vec::new();
        if !people.is_empty() {
            let from = rng.random_range(0..people.len());
            for i in 0..people.len().min(LOOKED_AT) {
                if choices.len() == 3 {
                    break;
                }
                let other = people[(from + i) % people.len()].1;
                if !super::phrasing::same(other, name)
                    && !other.contains("Hồ Chí Minh")
                    && !folded.contains_names(other)
                    && !choices.iter().any(|c| super::phrasing::same(c, other))
                {
                    choices.push(other.to_string());
                }
            }
        }
        if choices.len() < 3 {
            return true;
        }
        let prompt = format!("Theo văn bản, ai {deed}?");
        self.name_choice(point, "deed", prompt, name, choices, &mut rng, out);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where `name` first stands in `text`.
    fn at(text: &str, name: &str) -> std::ops::Range<usize> {
        let at = text.find(name).unwrap();
        at..at + name.len()
    }

    fn role_of(text: &str, name: &str) -> Option<Role> {
        role(text, at(text, name))
    }

    fn deed_of(text: &str, name: &str) -> Option<String> {
        deed(text, at(text, name))
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
    fn a_body_s_own_words_are_its_name_less_its_head() {
        assert_eq!(body_words("Bộ Quốc phòng"), "Quốc phòng");
        assert_eq!(body_words("Đảng ủy Bộ Tài chính"), "Tài chính");
        assert_eq!(
            body_words("Văn phòng Trung ương Đảng"),
            "Văn phòng Trung ương Đảng"
        );
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

    #[test]
    fn a_person_and_what_they_did_after_their_positions() {
        let t = "Đồng chí Trần Văn Bình, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Huyện ủy dự và phát biểu chỉ đạo Hội nghị.";
        assert_eq!(
            deed_of(t, "Trần Văn Bình").as_deref(),
            Some("dự và phát biểu chỉ đạo Hội nghị")
        );
        let t = "Đồng chí Lê Thị Hoa được bầu làm Bí thư Chi bộ nhiệm kỳ 2031 - 2036.";
        assert_eq!(
            deed_of(t, "Lê Thị Hoa").as_deref(),
            Some("được bầu làm Bí thư Chi bộ nhiệm kỳ 2031 - 2036")
        );
    }

    #[test]
    fn no_deed_when_shared_or_far_or_too_short() {
        // Two people chair it: neither alone is the answer.
        let t = "Đồng chí Trần Văn Bình và đồng chí Lê Thị Hoa chủ trì Hội nghị.";
        assert_eq!(deed_of(t, "Lê Thị Hoa"), None);
        assert_eq!(deed_of(t, "Trần Văn Bình"), None);
        // Other words between: the deed may be someone else's.
        let t = "Đồng chí Trần Văn Bình cho biết Ban Thường vụ đã chủ trì ba hội nghị.";
        assert_eq!(deed_of(t, "Trần Văn Bình"), None);
        // A title's word is no deed: "Tổng Thư ký".
        let t = "Đồng chí Trần Văn Bình, Tổng Thư ký Hội đồng, phát biểu tại buổi lễ.";
        assert_eq!(
            deed_of(t, "Trần Văn Bình").as_deref(),
            Some("phát biểu tại buổi lễ")
        );
        let t = "Đồng chí Trần Văn Bình, Tổng Thư ký Hội đồng.";
        assert_eq!(deed_of(t, "Trần Văn Bình"), None);
        // "trao đổi" is not "trao".
        let t = "Đồng chí Trần Văn Bình trao đổi với các đại biểu về nhiệm vụ năm tới.";
        assert_eq!(deed_of(t, "Trần Văn Bình"), None);
        let t = "Đồng chí Trần Văn Bình chủ trì.";
        assert_eq!(deed_of(t, "Trần Văn Bình"), None);
    }
}
