//! Documents saved in every encoding a Vietnamese PC produces open as the
//! same text, and real Unicode documents are left exactly as they are.

use std::path::{Path, PathBuf};

use nghiquyet::document::encoding::{
    Conversion, TextEncoding, encode_tcvn3, encode_vni, encode_windows_1258,
};
use nghiquyet::document::{BUNDLED_NAME, BUNDLED_SOURCE, Document, load_document};

/// Bytes shown as Windows-1252 characters, as a PDF or Word file set in a
/// legacy font gives them when its text is copied.
fn as_cp1252(bytes: &[u8]) -> String {
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

#[test]
fn the_bundled_document_reads_the_same_in_every_encoding() {
    use Conversion::{Decoded, Mojibake};
    use TextEncoding::*;
    let text = BUNDLED_SOURCE;
    let mut bom8 = vec![0xEF, 0xBB, 0xBF];
    bom8.extend(text.as_bytes());
    let forms: Vec<(&str, Vec<u8>, Option<Conversion>)> = vec![
        ("UTF-8", text.as_bytes().to_vec(), None),
        ("UTF-8 with BOM", bom8, None),
        ("UTF-16 LE", utf16(text, false), Some(Decoded(Utf16Le))),
        ("UTF-16 BE", utf16(text, true), Some(Decoded(Utf16Be))),
        (
            "Windows-1258",
            encode_windows_1258(text),
            Some(Decoded(Windows1258)),
        ),
        ("TCVN3", encode_tcvn3(text), Some(Decoded(Tcvn3))),
        ("VNI", encode_vni(text), Some(Decoded(Vni))),
        (
            "TCVN3 mojibake",
            as_cp1252(&encode_tcvn3(text)).into_bytes(),
            Some(Mojibake {
                container: Utf8,
                font: Tcvn3,
            }),
        ),
        (
            "VNI mojibake",
            as_cp1252(&encode_vni(text)).into_bytes(),
            Some(Mojibake {
                container: Utf8,
                font: Vni,
            }),
        ),
    ];
    let bundled = Document::bundled();
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, conversion) in forms {
        let path = dir.path().join(BUNDLED_NAME);
        std::fs::write(&path, &bytes).unwrap();
        let doc = load_document(&path).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(doc.conversion, conversion, "{name}");
        assert_eq!(doc.meta, bundled.meta, "{name}");
        assert_eq!(doc.blocks, bundled.blocks, "{name}");
    }
}

fn corpus(sub: &str) -> Option<Vec<PathBuf>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(sub);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("note: {} is absent; skipping", dir.display());
        return None;
    };
    let mut paths: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    paths.sort();
    Some(paths)
}

#[test]
fn real_unicode_documents_are_left_unchanged() {
    let Some(paths) = corpus("texts") else { return };
    let mut seen = 0;
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let raw = std::fs::read_to_string(path).unwrap();
        let decoded = nghiquyet::document::encoding::decode(raw.as_bytes()).unwrap();
        assert_eq!(decoded.conversion, None, "{}", path.display());
        assert_eq!(decoded.text, raw, "{}", path.display());
        let doc = load_document(path).unwrap();
        assert_eq!(doc.conversion, None);
        seen += 1;
    }
    assert!(seen > 0, "the corpus has texts");
}

#[test]
fn real_office_files_are_never_taken_for_text() {
    // The text decoder alone refuses them as binary; `load_document` gives
    // them to their own readers instead (see tests/pdf_doc.rs, tests/docx.rs).
    let Some(paths) = corpus("files") else { return };
    for path in paths {
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            nghiquyet::document::encoding::decode(&bytes).is_err(),
            "{}",
            path.display()
        );
    }
}
