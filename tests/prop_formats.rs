//! Property tests for the readers of files trainers and learners hand us:
//! question sets (`check`), GIFT and CSV imports, exam results and CSV cells.
//! Whatever the bytes, no panic, and whatever we would write passes `check`.

use std::path::Path;

use nghiquyet::document::Document;
use nghiquyet::quiz::{parse_set, question_problems};
use proptest::prelude::*;

/// Pieces a GIFT or CSV file is made of, so random files look like real ones
/// often enough to reach the deep paths.
fn gift_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("::Tiêu đề:: ".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("=".to_string()),
        Just("~".to_string()),
        Just("#".to_string()),
        Just("->".to_string()),
        Just(":".to_string()),
        Just("..".to_string()),
        Just("\\".to_string()),
        Just("{T}".to_string()),
        Just("{F}".to_string()),
        Just("{#3:1}".to_string()),
        Just("{#1..5}".to_string()),
        Just("%50%".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just("// nghiquyet-anchor: p5\n".to_string()),
        Just("$CATEGORY: a\n".to_string()),
        Just("[html]".to_string()),
        Just("Hà Nội".to_string()),
        Just("Đảng bộ".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{200b}".to_string()),
        Just("\u{301}".to_string()),
        Just("99999999999999999999999".to_string()),
        Just("-".to_string()),
        Just(";".to_string()),
        Just(",".to_string()),
        Just("\"".to_string()),
        Just("\r\n".to_string()),
        "\\PC{0,8}",
    ]
}

fn file_like() -> impl Strategy<Value = String> {
    prop::collection::vec(gift_piece(), 0..60).prop_map(|parts| parts.concat())
}

fn assert_importable(name: &str, text: &str, doc: &Document) {
    let (set, _notes) = nghiquyet::formats::import(Path::new(name), text, doc);
    for q in &set.questions {
        assert!(
            question_problems(q).is_empty(),
            "import kept a question check refuses: {q:?} from {text:?}"
        );
    }
    if !set.questions.is_empty() {
        let written = nghiquyet::storage::to_ron(&set).unwrap();
        if let Err(p) = parse_set(Path::new("x.ron"), &written) {
            panic!("the imported set fails check: {p:?}\nfrom {text:?}");
        }
    }
}

/// A line of a question bank: a question, an option (or several), an
/// answer, an explanation, a key, or anything.
fn bank_line() -> impl Strategy<Value = String> {
    prop_oneof![
        "(Câu|Câu hỏi|\\[)? ?[0-9]{1,3}[.:)\\]]? ?\\PC{0,20}",
        "\\*?[A-F][.)] ?\\PC{0,12}( [A-F][.)] \\PC{0,8}){0,3}",
        "(Đáp án|ANSWER|ĐA|Chọn|•) ?[:.]? ?[A-H](, ?[A-H])?",
        "(Lời giải|Hướng dẫn|\\^)[:.]? ?\\PC{0,20}",
        "([0-9]{1,3}[-. ]?[A-H] ?){1,5}",
        "(HẾT|ĐÁP ÁN|--- HẾT ---)",
        "\\PC{0,30}",
    ]
}

/// A small exam file as the app writes it.
fn exam_file_text() -> String {
    let mut set = nghiquyet::quiz::Library::load(Path::new("/nonexistent"))
        .sets
        .remove(0)
        .set;
    set.questions.truncate(6);
    let file = nghiquyet::classroom::exam_file::ExamFile {
        exam_file: 1,
        title: "Đề".into(),
        minutes: 5,
        pass_percent: 50,
        codes: vec![101],
        allow_reading: false,
        show_answers: true,
        ask_unit: true,
        opens: Some("2026-12-05 08:00".into()),
        closes: None,
        parts: vec![nghiquyet::classroom::exam_file::Part {
            key: "bo".into(),
            count: 3,
            tags: Vec::new(),
            set,
        }],
    };
    nghiquyet::storage::to_ron(&file).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, .. ProptestConfig::default() })]

    #[test]
    fn gift_imports_always_pass_check(text in file_like()) {
        let doc = Document::bundled();
        assert_importable("a.gift", &text, &doc);
    }

    #[test]
    fn csv_imports_always_pass_check(text in file_like()) {
        let doc = Document::bundled();
        assert_importable("a.csv", &text, &doc);
    }

    #[test]
    fn any_text_is_checked_without_panic(text in "\\PC{0,300}") {
        let _ = parse_set(Path::new("x.ron"), &text);
    }

    #[test]
    fn mutated_sets_are_checked_without_panic(cut in 0usize..20_000, insert in gift_piece()) {
        let good = include_str!("../quizzes/ha-noi-nghi-quyet-xvii.ron");
        let mut at = cut.min(good.len());
        while !good.is_char_boundary(at) {
            at -= 1;
        }
        let mutated = format!("{}{}{}", &good[..at], insert, &good[at..]);
        let _ = parse_set(Path::new("x.ron"), &mutated);
        let truncated = &good[..at];
        let _ = parse_set(Path::new("x.ron"), truncated);
    }

    #[test]
    fn question_banks_of_any_shape_import_to_sets_that_pass_check(
        lines in prop::collection::vec(bank_line(), 0..40),
    ) {
        let doc = Document::bundled();
        let text = lines.join("\n");
        let lines = nghiquyet::formats::bank::text_lines(&text);
        let (set, _notes) = nghiquyet::formats::import_bank(Path::new("b.txt"), &lines, &doc);
        if !set.questions.is_empty() {
            let written = nghiquyet::storage::to_ron(&set).unwrap();
            prop_assert!(nghiquyet::quiz::parse_set(Path::new("b.ron"), &written).is_ok());
        }
    }

    #[test]
    fn exam_files_of_any_shape_are_checked_without_panic(
        text in file_like(),
        cut in 0usize..4000,
    ) {
        // Arbitrary text, and a real exam file cut anywhere or with a piece
        // of anything put in: a clean answer or problems with places.
        let _ = nghiquyet::classroom::exam_file::parse(Path::new("de.ron"), &text);
        let real = exam_file_text();
        let at = (cut % real.len()).min(real.len());
        let at = (0..=at).rev().find(|&i| real.is_char_boundary(i)).unwrap();
        if let Err(problems) = nghiquyet::classroom::exam_file::parse(Path::new("de.ron"), &real[..at]) {
            prop_assert!(!problems.is_empty());
        }
        let spliced = format!("{}{}{}", &real[..at], text, &real[at..]);
        let _ = nghiquyet::classroom::exam_file::parse(Path::new("de.ron"), &spliced);
    }

    #[test]
    fn exam_results_of_any_shape_are_read_without_panic(text in file_like()) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("r.ron"), &text).unwrap();
        let library = nghiquyet::quiz::Library::load(std::path::Path::new("/nonexistent"));
        let key = nghiquyet::classroom::verify::AnswerKey::Sets(&library.sets);
        let report = nghiquyet::classroom::report::report(&[dir.path().to_path_buf()], &key);
        prop_assert!(report.learners.len() <= 1);
    }

    #[test]
    fn csv_cells_never_start_a_formula(text in "\\PC{0,40}") {
        let cell = nghiquyet::formats::csv::cell(&text);
        let bare = cell.strip_prefix('"').unwrap_or(&cell);
        let number = bare.parse::<f64>().is_ok();
        prop_assert!(number || !bare.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?}");
        // The spreadsheet reads back what was written (after the `'` guard).
        let rows = nghiquyet::formats::csv::rows(&format!("{}\n", nghiquyet::formats::csv::row(&[text.clone(), "x".into()])));
        let back = &rows[0].1[0];
        prop_assert!(back == &text || back.strip_prefix('\'') == Some(text.as_str()), "{text:?} → {back:?}");
    }
}
