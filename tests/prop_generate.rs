//! Property tests: any text at all, and real texts broken in the ways real
//! files are broken, go through document parsing, key points and generation
//! without a panic, and end with a question set that `check` accepts (written
//! out and read back as `nghiquyet check` reads it) or with no questions.
//!
//! The real texts are the shared corpus (`../shared/corpus/texts`, beside the
//! project); without it those properties are skipped with a note. Set
//! `PROPTEST_CASES` for a longer run.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use nghiquyet::document::{Document, Format, Origin};
use nghiquyet::generate::generate;
use nghiquyet::keypoints::{Detail, extract};
use nghiquyet::numbers::format_number;
use nghiquyet::quiz::{MAX_SET_BYTES, parse_set};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// `cases` unless `PROPTEST_CASES` says otherwise.
fn config(cases: u32) -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    config.max_shrink_iters = 2000;
    config.failure_persistence = None;
    config
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The whole pipeline over `text`, checking what each step promises.
fn pipeline(text: &str, format: Format, seed: u64) -> Result<usize, TestCaseError> {
    let Ok(doc) = Document::from_text(text, format, "thu", Origin::Bundled) else {
        return Ok(0); // blank text is refused with a reason, not a panic
    };
    for block in &doc.blocks {
        prop_assert!(!block.text.is_empty());
        for s in &block.sentences {
            prop_assert!(block.text.get(s.range.clone()).is_some());
        }
    }
    let points = extract(&doc);
    for p in &points {
        let block = &doc.blocks[p.block];
        prop_assert_eq!(block.text.get(p.range.clone()), Some(p.phrase.as_str()));
        // A count is the number as written, never another one.
        if let Detail::Count {
            number, qualifier, ..
        } = &p.detail
        {
            let written = p
                .phrase
                .get(qualifier.len()..)
                .unwrap_or("")
                .split_whitespace()
                .next()
                .unwrap_or("");
            if written.starts_with(|c: char| c.is_ascii_digit()) {
                let shown = digits(&format_number(*number));
                prop_assert!(
                    digits(written).contains(&shown),
                    "{} shown as {}",
                    p.phrase,
                    format_number(*number)
                );
            }
        }
        let _ = p.summary();
    }
    let set = generate(&doc, &points, seed);
    let written =
        nghiquyet::storage::to_ron(&set).map_err(|e| TestCaseError::fail(e.to_string()))?;
    if set.questions.is_empty() {
        return Ok(0);
    }
    prop_assert!(written.len() as u64 <= MAX_SET_BYTES);
    match parse_set(Path::new("generated.ron"), &written) {
        Ok(back) => prop_assert_eq!(&back, &set),
        Err(problems) => prop_assert!(false, "check refuses the set: {:?}", problems),
    }
    for q in &set.questions {
        let loc = doc.locate(q.source.anchor);
        prop_assert!(loc.is_some(), "{}: no {}", q.id, q.source.anchor);
        // Nothing with a known defect is ever emitted.
        let flags = nghiquyet::generate::quality::flags(q);
        prop_assert!(flags.is_empty(), "{}: {:?} in {:?}", q.id, flags, q.prompt);
    }
    prop_assert!(nghiquyet::generate::quality::set_flags(&set).is_empty());
    Ok(set.questions.len())
}

/// Pieces of text the rules look for, written for these tests, and the
/// characters that break naive code: marks of every width, zero-width
/// characters, emoji, decomposed letters, numbers too large to hold.
const PIECES: &[&str] = &[
    "Phương châm của năm là",
    "\"",
    "“",
    "”",
    "\"Kỷ cương, trách nhiệm, hành động\"",
    "“Học, học nữa, học mãi, học”",
    "là",
    "đến năm 2030",
    "nhiệm kỳ 2020 - 2025",
    "giai đoạn 2021-2025",
    "Sáng 25/12",
    "gồm 3 khâu đột phá",
    "gần 12.000 cán bộ",
    "99999999999999999999 cán bộ",
    "1,23456789012345678 tỷ đồng",
    "khoảng 7 - 7,5%/năm",
    "không quá 3 ngày",
    "từ 20% trở lên",
    "Nghị quyết số 12-NQ/TW",
    "ngày 19 tháng 02 năm 2025",
    "Bộ Xây dựng",
    "Ủy ban Thường vụ Quốc hội",
    "tỉnh Bình Sơn",
    "ba nhóm nhiệm vụ",
    "Đồng chí Nguyễn Văn An",
    "Bí thư Tỉnh ủy",
    "Phó Chủ tịch Trần Thị Bình,",
    "Học tập là nhiệm vụ thường xuyên",
    "Đổi mới là yêu cầu tất yếu",
    ";",
    ",",
    ".",
    ":",
    " - ",
    "–",
    "—",
    "(",
    ")",
    "[",
    "]",
    "…",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{00A0}",
    "🇻🇳",
    "👍🏽",
    "e\u{0301}",
    "a\u{0323}\u{0302}",
    "Ở",
    "ệ",
    "\n",
    "\n\n",
    "# ",
    "- ",
    "1. ",
    "---\n",
    "leftcenterrightdel",
    "![Ảnh](x.png)",
];

fn piece_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => "\\PC{0,6}",
        1 => "[0-9]{1,25}",
    ];
    (
        proptest::collection::vec(piece, 0..80),
        proptest::collection::vec(proptest::sample::select(vec![" ", "", "\n"]), 80),
    )
        .prop_map(|(pieces, seps)| {
            let mut text = String::new();
            for (p, s) in pieces.iter().zip(seps.iter().cycle()) {
                text.push_str(p);
                text.push_str(s);
            }
            text
        })
}

fn format() -> impl Strategy<Value = Format> {
    prop_oneof![Just(Format::PlainText), Just(Format::Markdown)]
}

proptest! {
    #![proptest_config(config(400))]

    #[test]
    fn any_unicode_at_all(text in "\\PC{0,300}|.{0,300}", format in format(), seed: u64) {
        pipeline(&text, format, seed)?;
    }

    #[test]
    fn texts_made_of_the_pieces_the_rules_look_for(
        text in piece_text(),
        format in format(),
        seed: u64,
    ) {
        pipeline(&text, format, seed)?;
    }
}

// ---------------------------------------------------------------- the corpus

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/texts")
}

/// The corpus texts, read once; empty (with a note) when it is absent.
fn corpus() -> &'static [String] {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
        files.sort();
        let texts: Vec<String> = files
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        if texts.is_empty() {
            eprintln!(
                "note: no corpus at {}; the corpus properties are skipped",
                corpus_dir().display()
            );
        }
        texts
    })
}

/// Ways a real text gets broken.
#[derive(Clone, Debug)]
enum Mutation {
    /// Insert a piece at a character position (as a fraction of the length).
    Insert(f64, &'static str),
    /// Replace every curly quotation mark by a straight one.
    StraightQuotes,
    /// Decompose everything (NFD), as some input methods write.
    Decompose,
    /// A very long line: a piece repeated.
    LongLine(f64, &'static str, usize),
    /// A number far too large for any integer type.
    HugeNumber(f64, usize),
    /// Remove every full stop, so the text is one long sentence per paragraph.
    NoFullStops,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        6 => (0.0..1.0f64, proptest::sample::select(PIECES)).prop_map(|(at, p)| Mutation::Insert(at, p)),
        1 => Just(Mutation::StraightQuotes),
        1 => Just(Mutation::Decompose),
        1 => (0.0..1.0f64, proptest::sample::select(PIECES), 100..3000usize)
            .prop_map(|(at, p, n)| Mutation::LongLine(at, p, n)),
        1 => (0.0..1.0f64, 16..60usize).prop_map(|(at, n)| Mutation::HugeNumber(at, n)),
        1 => Just(Mutation::NoFullStops),
    ]
}

/// The byte offset of the character at `fraction` of `text`'s characters.
fn char_at(text: &str, fraction: f64) -> usize {
    let n = text.chars().count();
    let k = ((n as f64) * fraction) as usize;
    text.char_indices().nth(k).map_or(text.len(), |(i, _)| i)
}

fn mutate(mut text: String, m: &Mutation) -> String {
    use unicode_normalization::UnicodeNormalization;
    match m {
        Mutation::Insert(at, piece) => text.insert_str(char_at(&text, *at), piece),
        Mutation::StraightQuotes => text = text.replace(['“', '”'], "\""),
        Mutation::Decompose => text = text.nfd().collect(),
        Mutation::LongLine(at, piece, n) => {
            let line = format!("{piece} ").repeat(*n);
            text.insert_str(char_at(&text, *at), &line);
        }
        Mutation::HugeNumber(at, n) => {
            let number = format!(" {} cán bộ ", "9".repeat(*n));
            text.insert_str(char_at(&text, *at), &number);
        }
        Mutation::NoFullStops => text = text.replace('.', " "),
    }
    text
}

/// A corpus text cut at two random character positions, then broken.
fn corpus_case() -> impl Strategy<Value = (usize, f64, f64, Vec<Mutation>)> {
    (
        0..1000usize,
        0.0..1.0f64,
        0.0..1.0f64,
        proptest::collection::vec(mutation(), 0..8),
    )
}

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn corpus_texts_cut_and_broken(
        (file, a, b, mutations) in corpus_case(),
        format in format(),
        seed: u64,
    ) {
        let texts = corpus();
        if texts.is_empty() {
            return Ok(());
        }
        let source = &texts[file % texts.len()];
        let (from, to) = (char_at(source, a.min(b)), char_at(source, a.max(b)));
        let mut text = source[from..to].to_string();
        for m in &mutations {
            text = mutate(text, m);
        }
        pipeline(&text, format, seed)?;
    }
}

/// Every corpus text whole, as `nghiquyet generate` would read it.
#[test]
fn every_corpus_text_gives_a_set_that_passes_check() {
    let texts = corpus();
    for (i, text) in texts.iter().enumerate() {
        let questions =
            pipeline(text, Format::PlainText, 1).unwrap_or_else(|e| panic!("corpus text {i}: {e}"));
        assert!(questions > 0, "corpus text {i} gave no questions");
    }
}
