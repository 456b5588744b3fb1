//! .pdf and .doc files as users receive them: the real files of the shared
//! corpus (when present), small files made here from our own text, and
//! random or damaged bytes, which are refused with a reason and never panic.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use nghiquyet::document::doc::sample::{make_doc, utf16};
use nghiquyet::document::pdf::sample::make_pdf;
use nghiquyet::document::{BlockKind, Document, LoadError, ReadError, load_document};
use proptest::prelude::*;

fn corpus(name: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/files")
        .join(name);
    if p.exists() {
        Some(p)
    } else {
        println!("note: {} is absent; skipped", p.display());
        None
    }
}

/// The words of a text: letters and digits runs, lower-cased.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Title and blocks, as a reader sees them.
fn all_text(doc: &Document) -> String {
    doc.full_text()
}

/// The tool's output, NFC, or None (with a note) when it is not installed.
fn tool(program: &str, args: &[&str], file: &Path) -> Option<String> {
    let (before, after) =
        args.split_at(args.iter().position(|a| *a == "FILE").unwrap_or(args.len()));
    let after = after.get(1..).unwrap_or(&[]);
    let out = Command::new(program)
        .args(before)
        .arg(file)
        .args(after)
        .output();
    match out {
        Ok(out) if out.status.success() => {
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            Some(unicode_normalization::UnicodeNormalization::nfc(text.as_str()).collect())
        }
        _ => {
            println!("note: {program} is not installed; comparison skipped");
            None
        }
    }
}

/// How much of `theirs` is in `ours`, in the same order: of the words that
/// occur exactly once in each text, the share that keep their relative order
/// (the longest increasing run of their places in `ours`, O(n log n)), times
/// the share of `theirs`'s words (as a multiset) found in `ours`.
fn in_order_share(ours: &[String], theirs: &[String]) -> f64 {
    use std::collections::HashMap;
    fn count(ws: &[String]) -> HashMap<&str, (usize, usize)> {
        let mut m: HashMap<&str, (usize, usize)> = HashMap::new();
        for (i, w) in ws.iter().enumerate() {
            let e = m.entry(w.as_str()).or_insert((0, i));
            e.0 += 1;
        }
        m
    }
    let (mo, mt) = (count(ours), count(theirs));
    let found: usize = mt
        .iter()
        .map(|(w, (n, _))| (*n).min(mo.get(w).map_or(0, |e| e.0)))
        .sum();
    let coverage = found as f64 / theirs.len().max(1) as f64;
    let places: Vec<usize> = theirs
        .iter()
        .filter(|w| mt[w.as_str()].0 == 1)
        .filter_map(|w| mo.get(w.as_str()).filter(|e| e.0 == 1).map(|e| e.1))
        .collect();
    let mut tails: Vec<usize> = Vec::new();
    for p in &places {
        match tails.binary_search(p) {
            Ok(_) => {}
            Err(i) if i == tails.len() => tails.push(*p),
            Err(i) => tails[i] = *p,
        }
    }
    let order = tails.len() as f64 / places.len().max(1) as f64;
    coverage * order
}

// ------------------------------------------------------------- real files

const PDF_294: &str = "quy-dinh-294-QD-TW-thi-hanh-dieu-le-dang.pdf";

#[test]
fn the_real_pdf_opens_complete_in_order_with_its_letterhead_on_top() {
    let Some(path) = corpus(PDF_294) else { return };
    let doc = load_document(&path).unwrap();
    let text = all_text(&doc);
    let ours = words(&text);
    // Facts about the file, measured with pdftotext and checked by hand.
    assert_eq!(ours.len(), EXPECTED_PDF_WORDS, "word count");
    assert_eq!(ours.first().map(String::as_str), Some("ban"));
    assert_eq!(ours.last().map(String::as_str), Some("lâm"));
    assert_eq!(doc.meta.title, "QUY ĐỊNH THI HÀNH ĐIỀU LỆ ĐẢNG");
    assert_eq!(doc.meta.date.as_deref(), Some("26/5/2025"));
    // The letterhead: left column, then right column, each line on its own.
    let top: Vec<&str> = doc.blocks[..4].iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        top,
        [
            "BAN CHẤP HÀNH TRUNG ƯƠNG",
            "Số 294-QĐ/TW",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Hà Nội, ngày 26 tháng 5 năm 2025"
        ]
    );
    assert!(
        doc.blocks[..4]
            .iter()
            .all(|b| matches!(b.kind, BlockKind::Heading(_)))
    );
    // No paragraph is a fragment of a sentence cut at a line end: every
    // paragraph that is not a heading or list-like ends with punctuation.
    let cut = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .filter(|b| !b.text.ends_with(['.', ':', ';', ',', '?', '!', ')']))
        .count();
    assert!(cut <= 12, "{cut} paragraphs end mid-sentence");
    if let Some(theirs) =
        tool("pdftotext", &["-enc", "UTF-8", "FILE", "-"], &path).map(|t| words(&t))
    {
        let share = in_order_share(&ours, &theirs);
        assert!(share > 0.995, "only {share} of pdftotext's words in order");
        assert_eq!(ours.len(), theirs.len());
    }
}

const EXPECTED_PDF_WORDS: usize = 19_701;

const DOCS: [(&str, usize, &str, &str); 3] = [
    (
        "nd30-2020-phu-luc-I-the-thuc-van-ban.doc",
        6605,
        "phụ",
        "13",
    ),
    (
        "nd30-2020-phu-luc-III-ban-sao-van-ban.doc",
        3227,
        "phụ",
        "bản",
    ),
    ("nd30-2020-phu-luc-V.doc", 1023, "phụ", "viễn"),
];

#[test]
fn the_real_doc_files_open_complete_and_in_order() {
    let mut wrong = Vec::new();
    for (name, count, first, last) in DOCS {
        let Some(path) = corpus(name) else { continue };
        let doc = load_document(&path).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let ours = words(&format!("{}\n{}", doc.meta.title, all_text(&doc)));
        println!(
            "{name}: {} words, {:?} … {:?}",
            ours.len(),
            ours.first(),
            ours.last()
        );
        if ours.len() != count
            || ours.first().map(String::as_str) != Some(first)
            || ours.last().map(String::as_str) != Some(last)
        {
            wrong.push(name);
        }
        assert!(!all_text(&doc).contains('\u{FFFD}'));
        if let Some(theirs) = tool("antiword", &["-m", "UTF-8.txt", "-w", "0"], &path) {
            let theirs = words(&theirs);
            let share = in_order_share(&ours, &theirs);
            println!("{name}: {share:.3} of antiword's words, in order");
            assert!(
                share > 0.98,
                "{name}: only {share} of antiword's words in order"
            );
        }
    }
    assert!(
        wrong.is_empty(),
        "word counts or end words differ: {wrong:?}"
    );
}

#[test]
fn real_files_give_question_sets_that_pass_check() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("set.ron");
    for name in [PDF_294, DOCS[0].0, DOCS[1].0, DOCS[2].0] {
        let Some(path) = corpus(name) else { continue };
        let (ok, _, err) = common::run_cli(
            &[
                "generate",
                path.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
                "--seed",
                "7",
                "--force",
            ],
            home.path(),
        );
        if !ok {
            // A form with blanks to fill in has nothing a trainer would ask
            // (precision first): then the message says so, and nothing is
            // written. The regulation has plenty.
            assert!(name != PDF_294, "{name}: {err}");
            assert!(
                err.contains("Không tìm được điều gì để hỏi"),
                "{name}: {err}"
            );
            continue;
        }
        let (ok, stdout, err) = common::run_cli(&["check", out.to_str().unwrap()], home.path());
        assert!(ok, "{name}: {stdout} {err}");
    }
}

// ------------------------------------------------------------- made here

/// A two-page official-looking document in our own words: a letterhead in
/// two columns, a running header, page numbers, a paragraph wrapped over
/// lines and over the page break, a numbered list and an article heading.
fn two_pages() -> Vec<u8> {
    let page1 = vec![
        (300.0, 30.0, 9.0, "Tài liệu mẫu của dự án"),
        (80.0, 60.0, 13.0, "ĐẢNG BỘ TỈNH MẪU"),
        (330.0, 60.0, 13.0, "ĐẢNG CỘNG SẢN VIỆT NAM"),
        (100.0, 76.0, 13.0, "*"),
        (360.0, 76.0, 13.0, "---------------"),
        (90.0, 92.0, 13.0, "Số 12-NQ/TU"),
        (320.0, 92.0, 13.0, "Mẫu Sơn, ngày 3 tháng 4 năm 2024"),
        (265.0, 130.0, 14.0, "NGHỊ QUYẾT"),
        (180.0, 148.0, 14.0, "VỀ VIỆC HỌC TẬP CỦA CHI BỘ MẪU"),
        (70.0, 180.0, 13.0, "Điều 1. Mục tiêu"),
        (
            70.0,
            198.0,
            13.0,
            "Chi bộ tổ chức học tập cho toàn thể đảng viên trong quý hai, bảo đảm mọi",
        ),
        (
            70.0,
            214.0,
            13.0,
            "người đều nắm được nội dung chính và vận dụng vào công việc hằng ngày của",
        ),
        (70.0, 230.0, 13.0, "mình."),
        (70.0, 246.0, 13.0, "1. Học theo nhóm nhỏ tại nơi làm việc;"),
        (
            70.0,
            262.0,
            13.0,
            "2. Mỗi nhóm cử một người ghi chép và báo cáo kết quả với chi ủy sau mỗi",
        ),
        (70.0, 278.0, 13.0, "buổi học."),
        (
            70.0,
            294.0,
            13.0,
            "Kết quả học tập được dùng làm một căn cứ để đánh giá, xếp loại đảng viên",
        ),
        (
            70.0,
            310.0,
            13.0,
            "cuối năm theo hướng dẫn của cấp trên và quy định hiện hành của Đảng về",
        ),
        (290.0, 810.0, 10.0, "1"),
    ];
    let page2 = vec![
        (300.0, 30.0, 9.0, "Tài liệu mẫu của dự án"),
        (70.0, 60.0, 13.0, "công tác này."),
        (70.0, 80.0, 13.0, "Điều 2. Tổ chức thực hiện"),
        (
            70.0,
            98.0,
            13.0,
            "Chi ủy chịu trách nhiệm triển khai nghị quyết này.",
        ),
        (290.0, 810.0, 10.0, "2"),
    ];
    let page3 = vec![
        (300.0, 30.0, 9.0, "Tài liệu mẫu của dự án"),
        (70.0, 60.0, 13.0, "Nghị quyết có hiệu lực từ ngày ký."),
        (80.0, 120.0, 13.0, "Nơi nhận:"),
        (330.0, 120.0, 13.0, "T/M CHI BỘ"),
        (80.0, 136.0, 13.0, "- Các đảng viên,"),
        (350.0, 136.0, 13.0, "BÍ THƯ"),
        (80.0, 152.0, 13.0, "- Lưu."),
        (350.0, 200.0, 13.0, "Nguyễn Văn Mẫu"),
        (290.0, 810.0, 10.0, "3"),
    ];
    make_pdf(&[page1, page2, page3])
}

#[test]
fn a_made_pdf_reads_in_order_without_running_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mau.pdf");
    std::fs::write(&path, two_pages()).unwrap();
    let doc = load_document(&path).unwrap();
    let blocks: Vec<(BlockKind, &str)> = doc
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str()))
        .collect();
    assert_eq!(doc.meta.title, "NGHỊ QUYẾT VỀ VIỆC HỌC TẬP CỦA CHI BỘ MẪU");
    assert_eq!(doc.meta.date.as_deref(), Some("3/4/2024"));
    use BlockKind::*;
    assert_eq!(
        blocks,
        [
            (Heading(3), "ĐẢNG BỘ TỈNH MẪU"),
            (Heading(3), "Số 12-NQ/TU"),
            (Heading(3), "ĐẢNG CỘNG SẢN VIỆT NAM"),
            (Heading(3), "Mẫu Sơn, ngày 3 tháng 4 năm 2024"),
            (Heading(2), "NGHỊ QUYẾT"),
            (Heading(2), "VỀ VIỆC HỌC TẬP CỦA CHI BỘ MẪU"),
            (Heading(3), "Điều 1. Mục tiêu"),
            (
                Paragraph,
                "Chi bộ tổ chức học tập cho toàn thể đảng viên trong quý hai, bảo đảm mọi người đều nắm được nội dung chính và vận dụng vào công việc hằng ngày của mình."
            ),
            (ListItem, "1. Học theo nhóm nhỏ tại nơi làm việc;"),
            (
                ListItem,
                "2. Mỗi nhóm cử một người ghi chép và báo cáo kết quả với chi ủy sau mỗi buổi học."
            ),
            (
                Paragraph,
                "Kết quả học tập được dùng làm một căn cứ để đánh giá, xếp loại đảng viên cuối năm theo hướng dẫn của cấp trên và quy định hiện hành của Đảng về công tác này."
            ),
            (Heading(3), "Điều 2. Tổ chức thực hiện"),
            (
                Paragraph,
                "Chi ủy chịu trách nhiệm triển khai nghị quyết này."
            ),
            (Paragraph, "Nghị quyết có hiệu lực từ ngày ký."),
            (Paragraph, "Nơi nhận:"),
            (ListItem, "Các đảng viên,"),
            (ListItem, "Lưu."),
            (Heading(2), "T/M CHI BỘ"),
            (Heading(2), "BÍ THƯ"),
            (Paragraph, "Nguyễn Văn Mẫu"),
        ]
    );
}

/// Two pages, each under the same running header; the last paragraph's
/// last line comes right before the signatures in two columns; the title
/// runs over three lines in capitals.
#[test]
fn a_two_page_pdf_loses_its_header_and_keeps_the_paragraph_before_the_signatures() {
    let header = (180.0, 30.0, 9.0, "Bản in thử của văn phòng chi bộ");
    let page1 = vec![
        header,
        (80.0, 60.0, 13.0, "ĐẢNG BỘ XÃ MẪU"),
        (330.0, 60.0, 13.0, "ĐẢNG CỘNG SẢN VIỆT NAM"),
        (90.0, 76.0, 13.0, "Số 7-NQ/ĐU"),
        (320.0, 76.0, 13.0, "Mẫu Sơn, ngày 9 tháng 6 năm 2025"),
        (265.0, 120.0, 14.0, "NGHỊ QUYẾT"),
        (200.0, 138.0, 14.0, "VỀ CÔNG TÁC HỌC TẬP"),
        (220.0, 156.0, 14.0, "NĂM 2025 - 2026"),
        (70.0, 190.0, 13.0, "I. MỤC TIÊU"),
        (
            85.0,
            210.0,
            13.0,
            "Mọi đảng viên học tập đầy đủ các nghị quyết mới trong thời hạn",
        ),
        (
            70.0,
            226.0,
            13.0,
            "ba mươi ngày và được kiểm tra nhận thức sau mỗi đợt học.",
        ),
        (290.0, 810.0, 10.0, "1"),
    ];
    let page2 = vec![
        header,
        (70.0, 60.0, 13.0, "II. TỔ CHỨC THỰC HIỆN"),
        (
            85.0,
            80.0,
            13.0,
            "Chi ủy các chi bộ trực thuộc triển khai nghị quyết đến từng đảng viên",
        ),
        (70.0, 96.0, 13.0, "và báo cáo kết quả."),
        (80.0, 130.0, 13.0, "Nơi nhận:"),
        (330.0, 130.0, 13.0, "T/M ĐẢNG ỦY"),
        (80.0, 146.0, 13.0, "- Các chi bộ,"),
        (350.0, 146.0, 13.0, "BÍ THƯ"),
        (290.0, 810.0, 10.0, "2"),
    ];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hai-trang.pdf");
    std::fs::write(&path, make_pdf(&[page1, page2])).unwrap();
    let doc = load_document(&path).unwrap();
    assert_eq!(
        doc.meta.title,
        "NGHỊ QUYẾT VỀ CÔNG TÁC HỌC TẬP NĂM 2025 - 2026"
    );
    let text = doc.full_text();
    assert!(!text.contains("Bản in thử"), "{text}");
    assert!(
        doc.blocks.iter().any(|b| b.text
            == "Chi ủy các chi bộ trực thuộc triển khai nghị quyết đến từng đảng viên và báo cáo kết quả."),
        "{text}"
    );
    assert!(
        doc.blocks
            .iter()
            .any(|b| b.text.starts_with("Mọi đảng viên") && b.text.ends_with("sau mỗi đợt học."))
    );
}

#[test]
fn a_pdf_without_text_is_refused_as_such() {
    let dir = tempfile::tempdir().unwrap();
    // A page that only draws (as a scan draws an image): no text at all.
    let blank = dir.path().join("scan.pdf");
    std::fs::write(&blank, make_pdf(&[vec![], vec![]])).unwrap();
    assert!(matches!(
        load_document(&blank),
        Err(LoadError::Unreadable {
            reason: ReadError::NoText,
            ..
        })
    ));
    // Glyphs that decode to private-use code points only.
    let pua = dir.path().join("pua.pdf");
    let garbage: String = (0..200)
        .map(|i| char::from_u32(0xE000 + i).unwrap())
        .collect();
    std::fs::write(
        &pua,
        make_pdf(&[vec![(70.0, 100.0, 12.0, garbage.as_str())]]),
    )
    .unwrap();
    assert!(matches!(
        load_document(&pua),
        Err(LoadError::Unreadable {
            reason: ReadError::UndecodableText,
            ..
        })
    ));
}

#[test]
fn a_made_doc_opens_through_load_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mau.doc");
    let text = "Phụ lục mẫu\rHƯỚNG DẪN GHI CHÉP\rI. QUY ĐỊNH CHUNG\rMỗi cuộc họp có một người ghi \u{13}PAGE\u{14}biên bản\u{15}.\rTên\u{7}Ghi chú\u{7}\u{7}";
    std::fs::write(&path, make_doc(&[(&utf16(text), false)], &[])).unwrap();
    let doc = load_document(&path).unwrap();
    assert_eq!(doc.meta.title, "Phụ lục mẫu");
    let blocks: Vec<(BlockKind, &str)> = doc
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str()))
        .collect();
    assert_eq!(
        blocks,
        [
            (BlockKind::Heading(2), "HƯỚNG DẪN GHI CHÉP"),
            (BlockKind::Heading(2), "I. QUY ĐỊNH CHUNG"),
            (
                BlockKind::Paragraph,
                "Mỗi cuộc họp có một người ghi biên bản."
            ),
            (BlockKind::Paragraph, "Tên | Ghi chú"),
        ]
    );
}

#[test]
fn misnamed_files_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("a.pdf");
    std::fs::write(&pdf, "Chỉ là chữ.").unwrap();
    assert!(matches!(
        load_document(&pdf),
        Err(LoadError::Unreadable {
            reason: ReadError::Damaged { .. },
            ..
        })
    ));
    // A PDF saved under a Word name: its signature wins, and it opens.
    let doc = dir.path().join("a.doc");
    std::fs::write(&doc, two_pages()).unwrap();
    assert!(load_document(&doc).is_ok());
}

// ------------------------------------------------------------- robustness

fn small_doc() -> Vec<u8> {
    let text = "Phụ lục\rĐoạn \u{13}X\u{14}một\u{15}.\rA\u{7}B\u{7}\u{7}Cuối.\r";
    make_doc(
        &[(&utf16(text), false), (b"Tail text.\r", true)],
        &utf16(".VnTime"),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = nghiquyet::document::pdf::read(&bytes);
        let _ = nghiquyet::document::doc::read(&bytes);
        let mut pdf = b"%PDF-1.4\n".to_vec();
        pdf.extend(&bytes);
        prop_assert!(nghiquyet::document::pdf::read(&pdf).is_err());
        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        ole.extend(&bytes);
        prop_assert!(nghiquyet::document::doc::read(&ole).is_err());
    }

    #[test]
    fn truncated_files_are_refused_or_read_never_panic(cut in 0usize..100_000) {
        for file in [two_pages(), small_doc()] {
            let end = cut % file.len();
            let part = &file[..end];
            let _ = nghiquyet::document::pdf::read(part);
            let _ = nghiquyet::document::doc::read(part);
        }
    }

    #[test]
    fn corrupted_files_never_panic(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..16)
    ) {
        for mut file in [two_pages(), small_doc()] {
            let len = file.len();
            for &(at, byte) in &edits {
                file[at % len] = byte;
            }
            let _ = nghiquyet::document::pdf::read(&file);
            let _ = nghiquyet::document::doc::read(&file);
        }
    }
}

#[test]
fn reading_a_corrupted_file_is_quick() {
    // A bad offset in the piece table must not make the reader wander.
    let mut file = small_doc();
    let len = file.len();
    for i in (0..len).step_by(97) {
        file[i] ^= 0x5A;
    }
    let start = std::time::Instant::now();
    let _ = nghiquyet::document::doc::read(&file);
    let _ = nghiquyet::document::pdf::read(&two_pages()[..len.min(2000)]);
    assert!(start.elapsed() < std::time::Duration::from_secs(2));
}
