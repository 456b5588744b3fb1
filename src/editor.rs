//! What the set editor needs that is not drawing: undo history, a starting
//! question of each type, live checks with the same rules as `check`, and
//! blanking words out of a passage by clicking them.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::document::Document;
use crate::quiz::{
    Answer, BLANK, FORMAT_VERSION, Problem, Question, QuestionSet, Source, ToneMarks,
};
use crate::storage::FileError;

/// The kinds of question, in the order the editor offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Single,
    Multiple,
    TrueFalse,
    FillBlank,
    Numeric,
    Ordering,
    Matching,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Single,
        Kind::Multiple,
        Kind::TrueFalse,
        Kind::FillBlank,
        Kind::Numeric,
        Kind::Ordering,
        Kind::Matching,
    ];

    pub fn of(answer: &Answer) -> Kind {
        match answer {
            Answer::SingleChoice { .. } => Kind::Single,
            Answer::MultipleChoice { .. } => Kind::Multiple,
            Answer::TrueFalse(_) => Kind::TrueFalse,
            Answer::FillBlank { .. } => Kind::FillBlank,
            Answer::Numeric { .. } => Kind::Numeric,
            Answer::Ordering(_) => Kind::Ordering,
            Answer::Matching(_) => Kind::Matching,
        }
    }

    /// A question of this kind to start from, about `source`: empty where the
    /// trainer must write, so the checks show what is missing.
    pub fn template(self, id: String, source: Source) -> Question {
        let answer = match self {
            Kind::Single => Answer::SingleChoice {
                choices: vec![String::new(), String::new(), String::new()],
                answer: 0,
            },
            Kind::Multiple => Answer::MultipleChoice {
                choices: vec![String::new(), String::new(), String::new()],
                answers: vec![0],
            },
            Kind::TrueFalse => Answer::TrueFalse(true),
            Kind::FillBlank => Answer::FillBlank {
                text: source.quote.clone(),
                blanks: Vec::new(),
            },
            Kind::Numeric => Answer::Numeric {
                answer: 0.0,
                tolerance: 0.0,
                unit: None,
            },
            Kind::Ordering => Answer::Ordering(vec![String::new(), String::new(), String::new()]),
            Kind::Matching => Answer::Matching(vec![(String::new(), String::new()); 3]),
        };
        Question {
            id,
            prompt: String::new(),
            answer,
            explanation: String::new(),
            source,
            tags: Vec::new(),
            key_point: None,
            difficulty: None,
        }
    }
}

/// An id not used in `set`: `base`, or `base-2`, `base-3`…
pub fn unique_id(set: &QuestionSet, base: &str) -> String {
    let taken = |id: &str| set.questions.iter().any(|q| q.id == id);
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("an unused id")
}

/// A new, empty set for `doc`.
pub fn new_set(title: &str, doc: &Document) -> QuestionSet {
    QuestionSet {
        format: FORMAT_VERSION,
        title: title.to_string(),
        author: String::new(),
        document: doc.id().to_string(),
        language: "vi".into(),
        tone_marks: ToneMarks::default(),
        partial_credit: false,
        questions: Vec::new(),
    }
}

/// The problems `check` finds in question `index`, and in the set as a
/// whole (duplicate ids, an empty set) when `index` is `None`.
pub fn problems(set: &QuestionSet, index: Option<usize>) -> Vec<Problem> {
    let mut one = set.clone();
    if let Some(i) = index {
        one.questions = set.questions.get(i).cloned().into_iter().collect();
    }
    let Ok(text) = crate::storage::to_ron(&one) else {
        return Vec::new();
    };
    match crate::quiz::parse_set(Path::new(""), &text) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

/// Whether the question's quoted passage still occurs in the document
/// (at its anchor, or anywhere if numbering moved).
pub fn passage_found(doc: &Document, source: &Source) -> bool {
    if source.quote.trim().is_empty() {
        return false;
    }
    let at_anchor = doc
        .locate(source.anchor)
        .is_some_and(|l| doc.blocks[l.block].text.contains(&source.quote));
    at_anchor || doc.blocks.iter().any(|b| b.text.contains(&source.quote))
}

/// A fill-in text as tokens: words and blanks, each with the text around it.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// Punctuation before the word.
    pub lead: String,
    /// The word itself; for a blank, its first accepted answer.
    pub word: String,
    pub trail: String,
    pub blank: bool,
}

/// Splits a fill-in text (with its blanks' answers) into clickable tokens.
pub fn tokens(text: &str, blanks: &[Vec<String>]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut next_blank = 0;
    for raw in text.split(' ').filter(|t| !t.is_empty()) {
        let (lead, rest) = raw.split_at(
            raw.find(|c: char| c.is_alphanumeric() || c == '_')
                .unwrap_or(raw.len()),
        );
        let core_end = rest
            .rfind(|c: char| c.is_alphanumeric() || c == '_')
            .map_or(0, |i| {
                i + rest[i..].chars().next().map_or(1, char::len_utf8)
            });
        let (core, trail) = rest.split_at(core_end);
        if core == BLANK {
            let word = blanks
                .get(next_blank)
                .and_then(|b| b.first())
                .cloned()
                .unwrap_or_default();
            next_blank += 1;
            out.push(Token {
                lead: lead.into(),
                word,
                trail: trail.into(),
                blank: true,
            });
        } else {
            out.push(Token {
                lead: lead.into(),
                word: core.into(),
                trail: trail.into(),
                blank: false,
            });
        }
    }
    out
}

/// Blanks out word `index` of a fill-in (or puts it back), keeping the other
/// blanks and their accepted answers.
pub fn toggle_blank(
    text: &str,
    blanks: &[Vec<String>],
    index: usize,
) -> (String, Vec<Vec<String>>) {
    let mut toks = tokens(text, blanks);
    let mut accepted: Vec<Vec<String>> = blanks.to_vec();
    let Some(tok) = toks.get(index) else {
        return (text.to_string(), accepted);
    };
    if tok.word.is_empty() && !tok.blank {
        return (text.to_string(), accepted);
    }
    let before = toks[..index].iter().filter(|t| t.blank).count();
    if tok.blank {
        if before < accepted.len() {
            accepted.remove(before);
        }
        toks[index].blank = false;
    } else {
        accepted.insert(before.min(accepted.len()), vec![tok.word.clone()]);
        toks[index].blank = true;
    }
    let text = toks
        .iter()
        .map(|t| {
            format!(
                "{}{}{}",
                t.lead,
                if t.blank { BLANK } else { &t.word },
                t.trail
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    (text, accepted)
}

/// Undo and redo: whole sets, before each change. Typing in one field, with
/// pauses under a second, counts as one change.
#[derive(Default)]
pub struct History {
    past: Vec<QuestionSet>,
    future: Vec<QuestionSet>,
    /// The field last typed in, and when.
    last: Option<(u64, Instant)>,
}

/// How long typing may pause and still be one change.
const COALESCE: Duration = Duration::from_secs(1);
const DEPTH: usize = 200;

impl History {
    /// Remembers `before` (the set before a change). `field` is the text
    /// field typed in, if the change was typing: quick edits of one field
    /// are joined.
    pub fn record(&mut self, before: &QuestionSet, field: Option<u64>, now: Instant) {
        let join = field.is_some_and(|f| {
            self.last
                .is_some_and(|(last, at)| last == f && now.duration_since(at) < COALESCE)
        });
        if !join {
            self.past.push(before.clone());
            if self.past.len() > DEPTH {
                self.past.remove(0);
            }
        }
        self.last = field.map(|f| (f, now));
        self.future.clear();
    }

    pub fn undo(&mut self, current: &mut QuestionSet) -> bool {
        match self.past.pop() {
            Some(before) => {
                self.future.push(std::mem::replace(current, before));
                self.last = None;
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self, current: &mut QuestionSet) -> bool {
        match self.future.pop() {
            Some(after) => {
                self.past.push(std::mem::replace(current, after));
                self.last = None;
                true
            }
            None => false,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

/// Where the autosaved draft of a set file is kept: beside it, hidden.
pub fn draft_path(file: &Path) -> PathBuf {
    let name = file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    file.with_file_name(format!(".{name}.draft"))
}

/// Writes a set to its file (atomically) and forgets its draft.
pub fn save_set(path: &Path, set: &QuestionSet) -> Result<(), FileError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(FileError::at(dir))?;
    }
    crate::storage::write_ron(path, set).map_err(FileError::at(path))?;
    discard_draft(path);
    Ok(())
}

/// Keeps unsaved work on a set beside it, so a power cut loses nothing.
pub fn write_draft(path: &Path, set: &QuestionSet) -> Result<(), FileError> {
    let draft = draft_path(path);
    let text = crate::storage::to_ron(set).map_err(FileError::at(&draft))?;
    crate::storage::write_atomic(&draft, text.as_bytes()).map_err(FileError::at(&draft))
}

/// The draft beside a set is no longer needed (saved, or discarded).
pub fn discard_draft(path: &Path) {
    let _ = std::fs::remove_file(draft_path(path));
}

/// The draft beside the set at `path`, if it is at least as new as the set
/// and can be read: work not saved when the app last closed.
pub fn newer_draft(path: &Path) -> Option<QuestionSet> {
    let draft = draft_path(path);
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let (d, f) = (modified(&draft)?, modified(path)?);
    if d < f {
        return None;
    }
    let text = std::fs::read_to_string(&draft).ok()?;
    crate::quiz::parse_set(&draft, &text)
        .ok()
        .or_else(|| ron::from_str(&text).ok())
}

/// Moves a deleted set into `trash`, from where it can be taken back; a
/// set of the same name deleted before is kept (the new one is numbered).
/// Returns where it went.
pub fn move_to_trash(path: &Path, trash: &Path) -> Result<PathBuf, FileError> {
    std::fs::create_dir_all(trash).map_err(FileError::at(trash))?;
    let name = path
        .file_name()
        .map(Path::new)
        .unwrap_or(Path::new("bo-cau-hoi.ron"));
    let stem = name
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let ext = name
        .extension()
        .map_or_else(String::new, |e| format!(".{}", e.to_string_lossy()));
    let mut target = trash.join(name);
    let mut n = 2;
    while target.exists() {
        target = trash.join(format!("{stem}-{n}{ext}"));
        n += 1;
    }
    std::fs::rename(path, &target).map_err(FileError::at(path))?;
    discard_draft(path);
    Ok(target)
}

/// A file name for a new set in `dir`, from its title, not yet taken.
pub fn new_set_path(dir: &Path, title: &str) -> PathBuf {
    let stem = crate::ids::slug(title);
    let stem = if stem == "ho-so" {
        "bo-cau-hoi".to_string()
    } else {
        stem
    };
    let mut path = dir.join(format!("{stem}.ron"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}.ron"));
        n += 1;
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source() -> Source {
        Source {
            anchor: "p9".parse().unwrap(),
            quote: "“Đoàn kết - Dân chủ - Kỷ cương”.".into(),
        }
    }

    #[test]
    fn words_are_blanked_and_restored_by_clicking() {
        let text = source().quote;
        let toks = tokens(&text, &[]);
        let words: Vec<&str> = toks.iter().map(|t| t.word.as_str()).collect();
        assert_eq!(words, ["Đoàn", "kết", "", "Dân", "chủ", "", "Kỷ", "cương"]);
        assert_eq!(toks[0].lead, "“");
        assert_eq!(toks[7].trail, "”.");
        let (t1, b1) = toggle_blank(&text, &[], 7);
        assert_eq!(t1, "“Đoàn kết - Dân chủ - Kỷ ___”.");
        assert_eq!(b1, [vec!["cương".to_string()]]);
        let (t2, b2) = toggle_blank(&t1, &b1, 3);
        assert_eq!(t2, "“Đoàn kết - ___ chủ - Kỷ ___”.");
        assert_eq!(b2, [vec!["Dân".to_string()], vec!["cương".to_string()]]);
        // Restoring the first blank keeps the second's answers.
        let mut b2 = b2;
        b2[1].push("Cương".into());
        let (t3, b3) = toggle_blank(&t2, &b2, 3);
        assert_eq!(t3, "“Đoàn kết - Dân chủ - Kỷ ___”.");
        assert_eq!(b3, [vec!["cương".to_string(), "Cương".to_string()]]);
        // A dash is not a word.
        assert_eq!(toggle_blank(&text, &[], 2).0, text);
    }

    #[test]
    fn templates_are_flagged_until_filled_in() {
        let doc = Document::bundled();
        let mut set = new_set("Bộ mới", &doc);
        for (i, kind) in Kind::ALL.into_iter().enumerate() {
            set.questions.push(kind.template(format!("q{i}"), source()));
            assert_eq!(Kind::of(&set.questions[i].answer), kind);
        }
        // Empty prompts, choices, items and pairs are reported, per question.
        assert!(
            !problems(&set, Some(3)).is_empty(),
            "a fill-in with no blank yet"
        );
        for i in [0, 1, 5, 6] {
            let kinds: Vec<_> = problems(&set, Some(i))
                .into_iter()
                .map(|p| p.kind)
                .collect();
            assert!(
                kinds.contains(&crate::quiz::ProblemKind::EmptyPrompt),
                "{i}: {kinds:?}"
            );
            assert!(kinds.len() >= 2, "{i}: {kinds:?}");
        }
        set.questions[2].prompt = "Hội nghị tổ chức trực tuyến.".into();
        set.questions[2].source = Source {
            anchor: "p1".parse().unwrap(),
            quote: "Hội nghị trực tuyến".into(),
        };
        assert!(
            problems(&set, Some(2)).is_empty(),
            "{:?}",
            problems(&set, Some(2))
        );
        set.questions[1].id = "q0".into();
        assert!(!problems(&set, None).is_empty(), "duplicate ids");
        assert_eq!(unique_id(&set, "q0"), "q0-2");
    }

    #[test]
    fn undo_and_redo_step_through_changes() {
        let doc = Document::bundled();
        let mut set = new_set("A", &doc);
        let mut h = History::default();
        let t0 = Instant::now();
        h.record(&set, None, t0);
        set.title = "B".into();
        // Typing "C", "CD" quickly in one field is one change.
        h.record(&set, Some(1), t0);
        set.title = "C".into();
        h.record(&set, Some(1), t0 + Duration::from_millis(300));
        set.title = "CD".into();
        assert!(h.undo(&mut set));
        assert_eq!(set.title, "B");
        assert!(h.undo(&mut set));
        assert_eq!(set.title, "A");
        assert!(!h.undo(&mut set));
        assert!(h.redo(&mut set));
        assert!(h.redo(&mut set));
        assert_eq!(set.title, "CD");
        assert!(!h.can_redo());
        // Another field is another change, however quick.
        h.record(&set, Some(2), t0 + Duration::from_millis(400));
        set.author = "An".into();
        assert!(h.undo(&mut set));
        assert_eq!((set.title.as_str(), set.author.as_str()), ("CD", ""));
    }

    #[test]
    fn passages_are_found_or_flagged() {
        let doc = Document::bundled();
        assert!(passage_found(
            &doc,
            &Source {
                anchor: "p5".parse().unwrap(),
                quote: "3 khâu đột phá".into()
            }
        ));
        assert!(passage_found(
            &doc,
            &Source {
                anchor: "p1".parse().unwrap(),
                quote: "3 khâu đột phá".into()
            }
        ));
        assert!(!passage_found(
            &doc,
            &Source {
                anchor: "p5".parse().unwrap(),
                quote: "4 khâu đột phá".into()
            }
        ));
    }

    #[test]
    fn a_deleted_set_never_replaces_one_deleted_before() {
        let home = tempfile::tempdir().unwrap();
        let sets = home.path().join("quizzes");
        let trash = sets.join("thung-rac");
        let path = sets.join("bo-a.ron");
        let mut set = new_set("Bộ A", &Document::bundled());
        save_set(&path, &set).unwrap();
        let first = move_to_trash(&path, &trash).unwrap();
        set.title = "Bộ A, lần hai".into();
        save_set(&path, &set).unwrap();
        let second = move_to_trash(&path, &trash).unwrap();
        assert_ne!(first, second);
        assert!(!path.exists());
        let read = |p: &Path| std::fs::read_to_string(p).unwrap();
        assert!(!read(&first).contains("lần hai"));
        assert!(read(&second).contains("lần hai"));
    }

    #[test]
    fn unsaved_work_comes_back_from_its_draft_until_saved() {
        let home = tempfile::tempdir().unwrap();
        let path = home.path().join("bo-b.ron");
        let mut set = new_set("Bộ B", &Document::bundled());
        save_set(&path, &set).unwrap();
        assert_eq!(newer_draft(&path), None);
        set.title = "Bộ B, chưa lưu".into();
        write_draft(&path, &set).unwrap();
        assert_eq!(newer_draft(&path).map(|s| s.title), Some(set.title.clone()));
        save_set(&path, &set).unwrap();
        assert_eq!(newer_draft(&path), None, "saving forgets the draft");
        assert!(!draft_path(&path).exists());
    }
}
