//! Property tests for the readers: whatever the bytes — random, a real file
//! cut short, a real file with bytes flipped — opening ends within seconds
//! with a document or a reason, never a panic or a hang.

use std::path::Path;
use std::time::{Duration, Instant};

use nghiquyet::document::readers::{FileKind, READ_TIME_LIMIT, reader_for, run_reader};
use nghiquyet::document::{BlockKind, Document, Format, LoadError, Origin, load_document};
use nghiquyet::i18n::{Language, describe_load_error};
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/formats")
            .join(name),
    )
    .unwrap()
}

/// Reads `bytes` as `kind` the way `load_document` does; fails the property
/// on a panic, a time-out, or an error without a message.
fn read_as(kind: FileKind, bytes: Vec<u8>) -> Result<(), TestCaseError> {
    let reader = reader_for(kind).unwrap();
    let start = Instant::now();
    let result = run_reader(Path::new("x"), kind, bytes, reader, READ_TIME_LIMIT);
    prop_assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    match result {
        Ok(converted) => {
            // Whatever came out builds a document or is reported empty.
            let md = converted.markdown();
            match Document::from_text(&md, Format::Markdown, "x", Origin::Bundled) {
                Ok(_) | Err(LoadError::Empty) => {}
                Err(e) => prop_assert!(false, "{e:?}"),
            }
        }
        Err(error) => {
            prop_assert!(
                !matches!(
                    error,
                    LoadError::ReaderFailed { .. } | LoadError::TimedOut { .. }
                ),
                "{error:?}"
            );
            prop_assert!(!describe_load_error(Language::Vi.strings(), &error).is_empty());
        }
    }
    Ok(())
}

fn flip(mut bytes: Vec<u8>, flips: &[(usize, u8)]) -> Vec<u8> {
    let len = bytes.len();
    for &(at, value) in flips {
        bytes[at % len] ^= value | 1;
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        read_as(FileKind::Docx, bytes.clone())?;
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend(&bytes);
        read_as(FileKind::Docx, zipped)?;
        read_as(FileKind::Html, bytes)?;
    }

    #[test]
    fn a_docx_cut_short_never_panics(cut in 0usize..100_000) {
        let bytes = fixture("nghi-quyet-mau.docx");
        let cut = cut % bytes.len();
        read_as(FileKind::Docx, bytes[..cut].to_vec())?;
    }

    #[test]
    fn a_docx_with_flipped_bytes_never_panics(
        flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..20)
    ) {
        read_as(FileKind::Docx, flip(fixture("nghi-quyet-mau.docx"), &flips))?;
    }

    #[test]
    fn a_web_page_cut_short_or_flipped_never_panics(
        cut in 0usize..100_000,
        flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..20)
    ) {
        let page = fixture("bai-bao.html");
        let cut = cut % page.len();
        read_as(FileKind::Html, page[..cut].to_vec())?;
        read_as(FileKind::Html, flip(page, &flips))?;
    }

    /// Through the whole `load_document`, with any name: sniffing and
    /// decoding included.
    #[test]
    fn any_file_under_any_name_opens_or_says_why(
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
        name in prop::sample::select(vec!["a.docx", "a.html", "a.htm", "a.txt", "a.md", "a.doc", "a.pdf", "a"]),
        prefix in prop::sample::select(vec![&b""[..], b"PK\x03\x04", b"%PDF", b"<!DOCTYPE html>", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"]),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, [prefix, &bytes[..]].concat()).unwrap();
        let start = Instant::now();
        let result = load_document(&path);
        prop_assert!(start.elapsed() < Duration::from_secs(5));
        if let Err(error) = result {
            prop_assert!(!matches!(error, LoadError::ReaderFailed { .. } | LoadError::TimedOut { .. }), "{error:?}");
        }
    }

    /// What the readers write, the parser reads back block for block.
    #[test]
    fn written_markdown_reads_back_as_the_same_blocks(
        blocks in proptest::collection::vec(
            (0u8..5, "[A-Za-zĐđƯưƠơÂâĂă][A-Za-zĐđƯưƠơÂâĂă0-9 .,;:?()“”-]{0,60}"),
            1..30,
        )
    ) {
        let blocks: Vec<(BlockKind, String)> = blocks
            .into_iter()
            .map(|(k, text)| {
                let kind = match k {
                    0 => BlockKind::Heading(2),
                    1 => BlockKind::ListItem,
                    2 => BlockKind::Caption,
                    3 => BlockKind::Heading(4),
                    _ => BlockKind::Paragraph,
                };
                (kind, text.split_whitespace().collect::<Vec<_>>().join(" "))
            })
            .collect();
        let converted = nghiquyet::document::readers::Converted {
            meta: nghiquyet::document::Meta { title: "Tiêu đề".into(), ..Default::default() },
            blocks: blocks.clone(),
            notices: vec![],
        };
        let doc = Document::from_text(&converted.markdown(), Format::Markdown, "x", Origin::Bundled).unwrap();
        let got: Vec<(BlockKind, String)> = doc.blocks.iter().map(|b| (b.kind, b.text.clone())).collect();
        prop_assert_eq!(got, blocks);
    }
}
