//! A phone's answer in the room's terms (the letters on the projector) and
//! the question as a phone may show it: the mapping between what the room
//! sees and the question as written, through the session's layout.

use serde::{Deserialize, Serialize};

use crate::quiz::practice::Item;
use crate::quiz::{Answer, Response};

/// The longest typed answer (a number or a blank).
pub const MAX_TYPED: usize = 200;

/// What a phone sent as its answer, in the positions the room sees
/// (letters A, B, C… as on the projector).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneAnswer {
    Choice(usize),
    Choices(Vec<usize>),
    TrueFalse(bool),
    Number(String),
    Blanks(Vec<String>),
    /// The letters in the order the learner tapped them.
    Order(Vec<usize>),
    /// For each numbered left-hand item, the letter chosen on the right.
    Matches(Vec<Option<usize>>),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PhoneText {
    pub prompt: String,
    pub options: Vec<String>,
    pub fields: Vec<String>,
}

/// The question and its lettered choices as the projector shows them.
pub(super) fn phone_text(item: &Item) -> PhoneText {
    let q = &item.question;
    let (options, fields) = match &q.answer {
        Answer::SingleChoice { choices, .. } | Answer::MultipleChoice { choices, .. } => (
            item.layout
                .choices
                .iter()
                .map(|&c| choices[c].clone())
                .collect(),
            Vec::new(),
        ),
        Answer::TrueFalse(_) => (Vec::new(), Vec::new()),
        Answer::Ordering(items) => (
            item.layout
                .items
                .iter()
                .map(|&i| items[i].clone())
                .collect(),
            Vec::new(),
        ),
        Answer::Matching(pairs) => (
            item.layout
                .rights
                .iter()
                .filter_map(|&r| pairs.get(r).map(|p| p.1.clone()))
                .collect(),
            pairs.iter().map(|p| p.0.clone()).collect(),
        ),
        Answer::FillBlank { text, .. } => (Vec::new(), vec![text.clone()]),
        Answer::Numeric { unit, .. } => (Vec::new(), unit.iter().cloned().collect()),
    };
    PhoneText {
        prompt: q.prompt.clone(),
        options,
        fields,
    }
}

/// A phone's answer as a response to grade, with the letters it chose;
/// `None` when it does not fit the question.
pub(super) fn to_response(item: &Item, given: PhoneAnswer) -> Option<(Response, Vec<usize>)> {
    let layout = &item.layout;
    let typed_ok = |s: &String| s.chars().count() <= MAX_TYPED;
    match (&item.question.answer, given) {
        (Answer::SingleChoice { .. }, PhoneAnswer::Choice(pos)) => {
            Some((Response::Choice(Some(*layout.choices.get(pos)?)), vec![pos]))
        }
        (Answer::MultipleChoice { .. }, PhoneAnswer::Choices(mut pos)) => {
            pos.sort_unstable();
            pos.dedup();
            let picked = pos
                .iter()
                .map(|&p| layout.choices.get(p).copied())
                .collect::<Option<Vec<usize>>>()?;
            Some((Response::Choices(picked), pos))
        }
        (Answer::TrueFalse(_), PhoneAnswer::TrueFalse(value)) => Some((
            Response::TrueFalse(Some(value)),
            vec![if value { 0 } else { 1 }],
        )),
        (Answer::Numeric { .. }, PhoneAnswer::Number(text)) if typed_ok(&text) => Some((
            Response::Number(crate::text::nfc(text.trim()).into_owned()),
            Vec::new(),
        )),
        (Answer::FillBlank { blanks, .. }, PhoneAnswer::Blanks(typed))
            if typed.len() == blanks.len() && typed.iter().all(typed_ok) =>
        {
            Some((
                Response::Blanks(
                    typed
                        .iter()
                        .map(|t| crate::text::nfc(t.trim()).into_owned())
                        .collect(),
                ),
                Vec::new(),
            ))
        }
        (Answer::Ordering(items), PhoneAnswer::Order(pos)) => {
            let mut seen = vec![false; items.len()];
            if pos.len() != items.len() {
                return None;
            }
            for &p in &pos {
                if *seen.get(p)? {
                    return None;
                }
                seen[p] = true;
            }
            let order = pos
                .iter()
                .map(|&p| layout.items.get(p).copied())
                .collect::<Option<Vec<usize>>>()?;
            Some((Response::Order(order), Vec::new()))
        }
        (Answer::Matching(pairs), PhoneAnswer::Matches(pos)) if pos.len() == pairs.len() => {
            let matches = pos
                .iter()
                .map(|p| match p {
                    None => Some(None),
                    Some(p) => layout.rights.get(*p).map(|&r| Some(r)),
                })
                .collect::<Option<Vec<Option<usize>>>>()?;
            Some((Response::Matches(matches), Vec::new()))
        }
        _ => None,
    }
}
