//! Questions: the model trainers write, checking their files, grading
//! answers, and the library of sets the app knows (bundled and the user's own).

mod check;
mod grade;
mod model;
pub mod practice;

use std::path::{Path, PathBuf};

pub use check::{
    MAX_SET_BYTES, Problem, ProblemKind, check_embedded, load_set_file, parse_set,
    question_problems, read_back, read_text, ron_error_problem,
};
pub use grade::{
    Grade, Note, Response, Rules, Verdict, blank_marks, correct_answer_text, correct_response,
    grade,
};
pub use model::{
    Answer, BLANK, Difficulty, FORMAT_VERSION, Question, QuestionSet, Source, ToneMarks,
};

/// The sets shipped inside the app (from `quizzes/`).
pub const BUNDLED_SETS: &[(&str, &str)] = &[(
    "ha-noi-nghi-quyet-xvii.ron",
    include_str!("../../quizzes/ha-noi-nghi-quyet-xvii.ron"),
)];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetOrigin {
    Bundled(&'static str),
    User(PathBuf),
    /// Made by the generator from the open document.
    Generated,
    /// Carried in an exam file, under the key the set had where the exam
    /// was made.
    Exam(String),
}

#[derive(Clone, Debug)]
pub struct LoadedSet {
    pub set: QuestionSet,
    pub origin: SetOrigin,
}

impl LoadedSet {
    /// What progress calls the set: its file name without `.ron`, or
    /// "generated" for the questions made from the open document.
    pub fn key(&self) -> String {
        match &self.origin {
            SetOrigin::Bundled(name) => name.trim_end_matches(".ron").to_string(),
            SetOrigin::User(path) => path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            SetOrigin::Generated => "generated".to_string(),
            SetOrigin::Exam(key) => key.clone(),
        }
    }

    pub fn rules(&self) -> Rules {
        Rules {
            tone_marks: self.set.tone_marks,
            partial_credit: self.set.partial_credit,
        }
    }
}

/// A set file that could not be used, and why.
#[derive(Clone, Debug)]
pub struct BrokenSet {
    pub path: PathBuf,
    pub problems: Vec<Problem>,
}

/// Every question set the app can offer.
#[derive(Clone, Debug, Default)]
pub struct Library {
    pub sets: Vec<LoadedSet>,
    pub broken: Vec<BrokenSet>,
}

impl Library {
    /// The bundled sets and every `.ron` file in `user_dir` (which may not exist).
    pub fn load(user_dir: &Path) -> Library {
        let mut library = Library::default();
        for (name, text) in BUNDLED_SETS {
            match parse_set(Path::new(&format!("quizzes/{name}")), text) {
                Ok(set) => library.sets.push(LoadedSet {
                    set,
                    origin: SetOrigin::Bundled(name),
                }),
                Err(problems) => library.broken.push(BrokenSet {
                    path: PathBuf::from(format!("quizzes/{name}")),
                    problems,
                }),
            }
        }
        for path in set_files(user_dir) {
            match load_set_file(&path) {
                Ok(set) => library.sets.push(LoadedSet {
                    set,
                    origin: SetOrigin::User(path),
                }),
                Err(problems) => library.broken.push(BrokenSet { path, problems }),
            }
        }
        library
    }

    /// Puts the generated set for the open document in place of any earlier
    /// one (an empty set is not offered).
    pub fn set_generated(&mut self, set: QuestionSet) {
        self.sets.retain(|s| s.origin != SetOrigin::Generated);
        if !set.questions.is_empty() {
            self.sets.push(LoadedSet {
                set,
                origin: SetOrigin::Generated,
            });
        }
    }

    /// The sets written for the document with this id.
    pub fn for_document<'a>(
        &'a self,
        document_id: &'a str,
    ) -> impl Iterator<Item = (usize, &'a LoadedSet)> + 'a {
        self.sets
            .iter()
            .enumerate()
            .filter(move |(_, s)| s.set.document == document_id)
    }
}

/// The `.ron` files in a folder and its subfolders, sorted; a file path is
/// returned as is. A missing folder has none.
pub fn set_files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(path) else {
        return out;
    };
    for entry in entries.filter_map(Result::ok) {
        let p = entry.path();
        if p.is_dir() {
            out.extend(set_files(&p));
        } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// Checks files and folders as `nghiquyet check` does: every problem found,
/// and how many files were read. `other` checks a file that is not a set
/// (an exam file) where it knows it, `None` otherwise.
pub fn check_paths(
    paths: &[PathBuf],
    other: impl Fn(&Path) -> Option<Result<(), Vec<Problem>>>,
) -> (usize, Vec<Problem>) {
    let mut files = 0;
    let mut problems = Vec::new();
    for path in paths {
        if !path.exists() {
            problems.push(Problem {
                path: path.clone(),
                line: 0,
                column: 0,
                kind: ProblemKind::NotFound,
            });
            continue;
        }
        for file in set_files(path) {
            files += 1;
            let checked = other(&file).unwrap_or_else(|| load_set_file(&file).map(drop));
            if let Err(mut p) = checked {
                problems.append(&mut p);
            }
        }
    }
    (files, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::text::{Fold, fold};

    fn bundled() -> QuestionSet {
        Library::load(Path::new("/nonexistent")).sets.remove(0).set
    }

    #[test]
    fn the_bundled_set_loads_and_belongs_to_the_bundled_document() {
        let library = Library::load(Path::new("/nonexistent"));
        assert!(library.broken.is_empty(), "{:#?}", library.broken);
        let doc = Document::bundled();
        assert_eq!(library.for_document(doc.id()).count(), 1);
        assert!(library.sets[0].set.questions.len() >= 40);
    }

    #[test]
    fn the_bundled_set_has_every_question_type() {
        let set = bundled();
        let mut types: Vec<_> = set.questions.iter().map(|q| q.answer.type_name()).collect();
        types.sort();
        types.dedup();
        assert_eq!(
            types,
            [
                "FillBlank",
                "Matching",
                "MultipleChoice",
                "Numeric",
                "Ordering",
                "SingleChoice",
                "TrueFalse"
            ]
        );
    }

    #[test]
    fn every_quoted_passage_occurs_in_the_document_at_its_anchor() {
        let doc = Document::bundled();
        for q in bundled().questions {
            let loc = doc.locate(q.source.anchor).unwrap_or_else(|| {
                panic!("{}: anchor {} not in the document", q.id, q.source.anchor)
            });
            let block = &doc.blocks[loc.block];
            let passage = loc.range.map_or(block.text.as_str(), |r| &block.text[r]);
            assert!(
                passage.contains(&q.source.quote),
                "{}: “{}” is not in {}",
                q.id,
                q.source.quote,
                q.source.anchor
            );
        }
    }

    #[test]
    fn fill_in_blanks_are_the_words_of_the_text() {
        // Put the first accepted answer in each blank: the sentence must be in the text.
        let doc = Document::bundled();
        let all = doc.full_text();
        for q in bundled().questions {
            if let Answer::FillBlank { text, blanks } = &q.answer {
                let mut filled = text.clone();
                for b in blanks {
                    filled = filled.replacen(BLANK, &b[0], 1);
                }
                assert!(
                    all.contains(&filled),
                    "{}: “{filled}” is not in the text",
                    q.id
                );
            }
        }
    }

    #[test]
    fn the_key_facts_of_the_resolution_are_asked() {
        let set = bundled();
        let asked: String = set
            .questions
            .iter()
            .map(|q| format!("{} {} {:?}", q.prompt, q.source.quote, q.answer))
            .collect();
        let asked = fold(&asked, Fold::Case);
        for fact in [
            "20 chỉ tiêu",
            "5 định hướng",
            "3 khâu đột phá",
            "14 nhóm",
            "5 bài học",
            "2025",
            "2030",
            "2045",
            "dân chủ",
            "trách nhiệm",
            "then chốt",
            "vương đình huệ",
            "chu ngọc anh",
            "nguyễn thị tuyến",
            "12.000",
            "579",
            "50 đảng bộ",
            "8b lê trực",
            "sóc sơn",
        ] {
            assert!(asked.contains(fact), "no question on {fact}");
        }
    }

    #[test]
    fn check_reports_broken_files_and_keeps_the_good_ones() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("tot.ron"), BUNDLED_SETS[0].1).unwrap();
        std::fs::write(dir.path().join("hong.ron"), "QuestionSet(format: 1,").unwrap();
        std::fs::write(dir.path().join("ghi-chu.txt"), "không phải bộ câu hỏi").unwrap();
        let (files, problems) = check_paths(&[dir.path().to_path_buf()], |_| None);
        assert_eq!(files, 2);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].path.ends_with("hong.ron"));
        let library = Library::load(dir.path());
        assert_eq!(library.sets.len(), 2, "bundled + the good user file");
        assert_eq!(library.broken.len(), 1);
    }
}
