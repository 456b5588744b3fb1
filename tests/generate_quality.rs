//! The quality harness over the real corpus (`../shared/corpus/texts`,
//! beside the project; skipped with a note where it is absent): every text
//! gives a set with no flagged question, the hand-written gold facts of
//! `tests/gold/` are asked, the same seed gives the same set, and the text in
//! decomposed Unicode gives the same ids.
//!
//! `nghiquyet generate DOC --report --gold tests/gold/DOC.ron` prints the
//! same measures for one text, question by question.

use std::path::{Path, PathBuf};

use nghiquyet::document::{Document, Format, Origin, load_document};
use nghiquyet::generate::quality::{Gold, report};
use nghiquyet::generate::{generate, generate_with_dropped};
use nghiquyet::keypoints::key_points_for;

/// The share of gold facts the generated sets must ask, over all gold texts.
/// Measured 2026-12-01 (0.20); 0.19 since 2026-12-03, when the questions a
/// trainer rejected as known from the title or as the "2 cấp" slogan were
/// dropped, and those facts taken out of the gold files with them (52/269).
/// 0.17 since a phrase in quotation marks is no longer blanked (a trainer
/// rejected 28 of 34 such questions as slogans, idioms and metaphors): the
/// four such facts he rejected left the gold files, and two worth asking
/// ("luồng xanh", the public-private model of text 04) are now missed
/// (45/264). 0.16 since counts of papers issued, an age at death and the
/// years of a Party badge are not asked (a trainer rejected all as trivia;
/// the obituary's two such facts left its gold file): 44/262. Raise it as
/// the generator improves.
const MIN_COVERAGE: f64 = 0.16;

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/texts");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "note: {} is absent; the corpus quality test is skipped",
            dir.display()
        );
        None
    }
}

fn texts(dir: &Path) -> Vec<PathBuf> {
    let mut texts: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    texts
}

fn gold_for(text: &Path) -> Option<Gold> {
    let name = text.file_stem()?.to_str()?;
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/gold")
        .join(format!("{name}.ron"));
    let source = std::fs::read_to_string(&path).ok()?;
    Some(nghiquyet::storage::parse_ron(&path, &source).unwrap_or_else(|e| panic!("{e}")))
}

#[test]
fn every_corpus_text_gives_questions_without_defects_and_asks_the_gold_facts() {
    let Some(dir) = corpus() else { return };
    let (mut asked, mut facts) = (0, 0);
    let mut gold_texts = 0;
    for path in texts(&dir) {
        let doc = load_document(&path).unwrap();
        let (points, _) = key_points_for(&doc);
        let set = generate(&doc, &points, 1);
        let gold = gold_for(&path);
        let r = report(&doc, &set, gold.as_ref());
        let name = path.file_name().unwrap().to_string_lossy();
        // The report (every flag of what was dropped) is about this set:
        // generating stops at a dropped question's first flag, and nothing
        // else may differ.
        let (reported, dropped) = generate_with_dropped(&doc, &points, 1);
        assert_eq!(reported, set, "{name}: the report's set is another");
        assert!(dropped.iter().all(|(_, flags)| !flags.is_empty()));
        assert!(
            r.flagged.is_empty(),
            "{name}: flagged questions emitted: {:?}",
            r.flagged
        );
        assert!(!set.questions.is_empty(), "{name}: no questions");
        // Not flooded: at most one question per 200 characters.
        assert!(
            set.questions.len() <= (r.chars / 200).max(10),
            "{name}: {} questions for {} characters",
            set.questions.len(),
            r.chars
        );
        if let Some(g) = &gold {
            gold_texts += 1;
            asked += r.covered();
            facts += g.facts.len();
            eprintln!(
                "{name}: {} questions, gold {}/{}",
                set.questions.len(),
                r.covered(),
                g.facts.len()
            );
        }
    }
    assert!(gold_texts >= 12, "gold facts for {gold_texts} texts");
    let share = asked as f64 / facts as f64;
    eprintln!("gold coverage: {asked}/{facts} = {:.0}%", share * 100.0);
    assert!(
        share >= MIN_COVERAGE,
        "gold coverage {share:.2} < {MIN_COVERAGE}"
    );
}

#[test]
fn the_same_seed_gives_the_same_set_and_nfd_text_the_same_ids() {
    let Some(dir) = corpus() else { return };
    for path in texts(&dir).into_iter().step_by(4) {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = Document::from_text(&text, Format::PlainText, "x", Origin::Bundled).unwrap();
        let points = nghiquyet::keypoints::extract(&doc);
        let a = generate(&doc, &points, 5);
        let b = generate(&doc, &points, 5);
        assert_eq!(a, b, "{}", path.display());
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd(text.as_str()).collect();
        let doc_nfd = Document::from_text(&nfd, Format::PlainText, "x", Origin::Bundled).unwrap();
        let c = generate(&doc_nfd, &nghiquyet::keypoints::extract(&doc_nfd), 5);
        let ids = |s: &nghiquyet::quiz::QuestionSet| {
            s.questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(ids(&a), ids(&c), "{}", path.display());
    }
}
