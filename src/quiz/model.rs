//! Question sets as trainers write them (RON files, see `quizzes/README.md`).

use serde::{Deserialize, Serialize};

use crate::document::Anchor;

/// The version of the question-set format this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// What to do with a typed answer that is right except for its tone marks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ToneMarks {
    /// Accepted, with a note showing the correct spelling (the default).
    #[default]
    AcceptWithNote,
    /// Marked wrong.
    Reject,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

/// The passage a question is about: an anchor in the document and the words
/// quoted from it (so the passage can be found again if numbering shifts).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub anchor: Anchor,
    pub quote: String,
}

/// The kinds of question and their right answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// One right choice; `answer` counts from 0.
    SingleChoice {
        choices: Vec<String>,
        answer: usize,
    },
    /// Every right choice must be ticked; `answers` count from 0.
    MultipleChoice {
        choices: Vec<String>,
        answers: Vec<usize>,
    },
    TrueFalse(bool),
    /// `text` has one `___` per blank; `blanks` lists, per blank, the accepted
    /// answers (the first is the one shown as correct).
    FillBlank {
        text: String,
        blanks: Vec<Vec<String>>,
    },
    /// A number; answers within `tolerance` of it are right.
    Numeric {
        answer: f64,
        #[serde(default)]
        tolerance: f64,
        #[serde(default)]
        unit: Option<String>,
    },
    /// The items in their right order; learners see them shuffled.
    Ordering(Vec<String>),
    /// Left ↔ right pairs; learners see the right-hand side shuffled.
    Matching(Vec<(String, String)>),
}

impl Answer {
    /// The name trainers write in the file, e.g. "SingleChoice".
    pub fn type_name(&self) -> &'static str {
        match self {
            Answer::SingleChoice { .. } => "SingleChoice",
            Answer::MultipleChoice { .. } => "MultipleChoice",
            Answer::TrueFalse(_) => "TrueFalse",
            Answer::FillBlank { .. } => "FillBlank",
            Answer::Numeric { .. } => "Numeric",
            Answer::Ordering(_) => "Ordering",
            Answer::Matching(_) => "Matching",
        }
    }
}

/// The marker of a blank in a fill-in-the-blank text.
pub const BLANK: &str = "___";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Stable and unique within the set: progress is kept by it.
    pub id: String,
    pub prompt: String,
    pub answer: Answer,
    #[serde(default)]
    pub explanation: String,
    pub source: Source,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The key point the question tests, in a few words.
    #[serde(default)]
    pub key_point: Option<String>,
    #[serde(default)]
    pub difficulty: Option<Difficulty>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionSet {
    /// Format version; see [`FORMAT_VERSION`].
    pub format: u32,
    pub title: String,
    #[serde(default)]
    pub author: String,
    /// The `id` of the document the set belongs to (its front matter `id`).
    pub document: String,
    /// "vi" or "en".
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default)]
    pub tone_marks: ToneMarks,
    /// Multiple choice, ordering, matching and multi-blank questions score
    /// all-or-nothing unless this is true.
    #[serde(default)]
    pub partial_credit: bool,
    pub questions: Vec<Question>,
}

fn default_language() -> String {
    "vi".to_string()
}
