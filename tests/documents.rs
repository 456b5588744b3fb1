//! Documents as they arrive from outside: normalisation, encodings, limits.

use std::process::Command;

use nghiquyet::document::{Document, LoadError, load_document};
use nghiquyet::search::SearchIndex;
use unicode_normalization::UnicodeNormalization;

const SAMPLE: &str = "---\ntitle: Nghị quyết về phát triển văn hóa\n---\n\n\
    Đảng bộ tỉnh quán triệt phương châm “Đoàn kết - Dân chủ - Kỷ cương - Sáng tạo - Phát triển”.\n\n\
    Phấn đấu đến năm 2030 trở thành tỉnh khá; tầm nhìn đến năm 2045.\n";

#[test]
fn the_same_document_in_nfc_and_nfd_is_held_identically() {
    let dir = tempfile::tempdir().unwrap();
    let nfc_path = dir.path().join("nq.md");
    let nfd_path = dir.path().join("nq-nfd.md");
    let nfd: String = SAMPLE.nfd().collect();
    assert_ne!(nfd, SAMPLE, "the NFD copy really is decomposed");
    std::fs::write(&nfc_path, SAMPLE).unwrap();
    std::fs::write(&nfd_path, &nfd).unwrap();

    let a = load_document(&nfc_path).unwrap();
    let b = load_document(&nfd_path).unwrap();
    assert_eq!(a.meta, b.meta);
    assert_eq!(a.blocks, b.blocks);
    assert_eq!(a.meta.title, "Nghị quyết về phát triển văn hóa");
    // Both search alike, from an NFC or an NFD query.
    let query_nfd: String = "Kỷ cương".nfd().collect();
    assert_eq!(
        SearchIndex::new().find(&a, "Kỷ cương"),
        SearchIndex::new().find(&b, &query_nfd)
    );
}

#[test]
fn the_bundled_document_is_nfc() {
    let doc = Document::bundled();
    for block in &doc.blocks {
        assert_eq!(block.text.nfc().collect::<String>(), block.text);
    }
}

#[test]
fn the_raw_article_text_reads_like_the_cleaned_one() {
    // The seed's shape: debris, caption, paragraphs, byline — as a user might
    // have it saved from the web.
    let dir = tempfile::tempdir().unwrap();
    let raw = dir.path().join("bai-bao.txt");
    std::fs::write(
        &raw,
        "leftcenterrightdel\nCác đại biểu tham dự Hội nghị. \n\nSáng 25/12, Ban Thường vụ Thành ủy Hà Nội tổ chức Hội nghị.\n",
    )
    .unwrap();
    let doc = load_document(&raw).unwrap();
    assert_eq!(doc.blocks[0].text, "Các đại biểu tham dự Hội nghị.");
    assert_eq!(doc.blocks[0].anchor.to_string(), "c1");
    assert_eq!(doc.blocks[1].anchor.to_string(), "p1");
}

#[test]
fn an_empty_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("empty.txt");
    std::fs::write(&p, "").unwrap();
    assert_eq!(load_document(&p), Err(LoadError::Empty));
}

#[test]
fn the_command_line_reports_a_bad_file_on_stderr() {
    let home = tempfile::tempdir().unwrap();
    // Not UTF-8, and no legacy encoding reads it as Vietnamese either.
    let bad = home.path().join("unknown.txt");
    std::fs::write(&bad, b"abc \xfc\xfd\xfe\xff \x81\x8d").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_nghiquyet"))
        .arg(&bad)
        .env("NGHIQUYET_HOME", home.path())
        // No display: the window cannot open, so the program ends after the
        // message instead of waiting for a user.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("unknown.txt"), "{stderr}");
    assert!(stderr.contains("không phải văn bản UTF-8"), "{stderr}");
}

#[test]
fn the_command_line_answers_help_and_version() {
    let output = Command::new(env!("CARGO_BIN_EXE_nghiquyet"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("nghiquyet "));
}
