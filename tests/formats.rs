//! Opening the files people are sent: Word `.docx` and saved web pages,
//! through the same `load_document` every way of opening uses.

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use nghiquyet::document::readers::{FileKind, Notice};
use nghiquyet::document::{BlockKind, Document, LoadError, Opened, load_document, open_document};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/formats")
        .join(name)
}

/// The real laws in the shared corpus, or none (with a note) where the
/// corpus is not beside the project.
fn corpus_docx() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/files");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "note: {} not found; real .docx files not tested",
            dir.display()
        );
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    files.sort();
    files
}

fn kinds_and_texts(doc: &Document) -> Vec<(BlockKind, &str)> {
    doc.blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str()))
        .collect()
}

// ------------------------------------------------------------------ .docx

#[test]
fn a_word_resolution_reads_with_its_headings_lists_table_and_footnote() {
    let Opened { document, notices } = open_document(&data("nghi-quyet-mau.docx")).unwrap();
    assert_eq!(document.meta.title, "Nghị quyết mẫu về học tập suốt đời");
    assert_eq!(
        kinds_and_texts(&document),
        [
            (BlockKind::Heading(2), "NGHỊ QUYẾT"),
            (
                BlockKind::Paragraph,
                "Về việc học tập suốt đời của cán bộ, đảng viên"
            ),
            // Style "u1" named "Tiêu đề 1": a Vietnamese Word's Heading 1.
            (BlockKind::Heading(1), "Phần thứ nhất. Tình hình"),
            (
                BlockKind::Paragraph,
                "Năm qua, chi bộ đã tổ chức mười hai buổi sinh hoạt chuyên đề, mỗi buổi có hơn ba mươi đảng viên tham dự."
            ),
            (BlockKind::Heading(2), "Những kết quả chủ yếu"),
            (
                BlockKind::ListItem,
                "1. Thư viện xã mở cửa cả ngày thứ bảy."
            ),
            (
                BlockKind::ListItem,
                "2. Mỗi thôn có một tủ sách dùng chung."
            ),
            (
                BlockKind::ListItem,
                "Sách mới được giới thiệu trên loa truyền thanh."
            ),
            // Plain bold paragraph, numbered like an article of law.
            (BlockKind::Heading(3), "Điều 1. Mục tiêu"),
            (
                BlockKind::Paragraph,
                "Đến năm 2030, mọi đảng viên đọc ít nhất năm cuốn sách mỗi năm[1]."
            ),
            (BlockKind::Paragraph, "Chỉ tiêu | Năm 2025 | Năm 2030"),
            (BlockKind::Paragraph, "Số buổi đọc sách | 12 | 24"),
            (BlockKind::Paragraph, "Tủ sách thôn | 8 | 15"),
            (
                BlockKind::Paragraph,
                "Nghị quyết này có hiệu lực từ ngày ký."
            ),
            (BlockKind::Paragraph, "[1] Kể cả sách nói và sách điện tử."),
        ]
    );
    // The header's issuer and the footer's page number are not text.
    let all = document.full_text();
    assert!(!all.contains("ĐẢNG BỘ XÃ MẪU"));
    assert!(!all.contains("PAGE"));
    assert_eq!(
        notices,
        [
            Notice::NotesAtEnd(1),
            Notice::TablesFlattened(1),
            Notice::HeadersFootersLeftOut
        ]
    );
}

/// The text of a `.docx` as Word stores it: every `w:t` of document.xml in
/// order (field codes are `w:instrText`, not `w:t`), a space between runs
/// that Word separates by a paragraph, tab or break.
fn document_xml_words(path: &Path) -> Vec<String> {
    use quick_xml::events::Event;
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = Vec::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_end(&mut xml)
        .unwrap();
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    let mut text = String::new();
    let mut in_t = false;
    let mut fallback = 0;
    loop {
        match reader.read_event_into(&mut buf).unwrap() {
            Event::Start(e) => match e.local_name().as_ref() {
                b"t" => in_t = true,
                b"Fallback" => fallback += 1,
                _ => {}
            },
            Event::Empty(e) => {
                if matches!(e.local_name().as_ref(), b"tab" | b"br" | b"cr") {
                    text.push(' ');
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_t = false,
                b"p" | b"tc" => text.push(' '),
                b"Fallback" => fallback -= 1,
                _ => {}
            },
            Event::Text(t) if in_t && fallback == 0 => {
                text.push_str(&t.xml10_content().unwrap());
            }
            Event::GeneralRef(r) if in_t && fallback == 0 => {
                let c = r
                    .resolve_char_ref()
                    .unwrap()
                    .unwrap_or(match &*r.decode().unwrap() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        _ => '\'',
                    });
                text.push(c);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    words(&text)
}

use common::words;

fn document_words(doc: &Document) -> Vec<String> {
    words(&doc.full_text())
}

/// Every word of the file, in order: the body's words are the file's words
/// with the title's (taken out of the body to be the title) at one place.
fn assert_complete_and_in_order(path: &Path, doc: &Document) {
    let reference = document_xml_words(path);
    let body = document_words(doc);
    if body == reference {
        return;
    }
    let title = words(&doc.meta.title);
    let found = (0..=reference.len().saturating_sub(title.len())).any(|at| {
        reference[at..at + title.len()] == title[..]
            && reference[..at]
                .iter()
                .chain(&reference[at + title.len()..])
                .eq(body.iter())
    });
    if !found {
        let first_difference = reference
            .iter()
            .zip(&body)
            .position(|(a, b)| a != b)
            .unwrap_or(reference.len().min(body.len()));
        panic!(
            "{}: words differ from document.xml at word {first_difference}: file {:?} / app {:?}",
            path.display(),
            &reference
                [first_difference.saturating_sub(3)..(first_difference + 5).min(reference.len())],
            &body[first_difference.saturating_sub(3)..(first_difference + 5).min(body.len())],
        );
    }
}

#[test]
fn the_fixture_keeps_every_word_of_its_body_in_order() {
    let path = data("nghi-quyet-mau.docx");
    let doc = load_document(&path).unwrap();
    // The footnote is read from footnotes.xml: leave it out to compare.
    let mut body = doc.clone();
    body.blocks.retain(|b| !b.text.starts_with("[1] "));
    for b in &mut body.blocks {
        b.text = b.text.replace("[1]", "");
        // Word draws list numbers; they are not in the text runs.
        for label in ["1. ", "2. "] {
            if b.kind == BlockKind::ListItem && b.text.starts_with(label) {
                b.text = b.text[label.len()..].to_string();
            }
        }
    }
    assert_complete_and_in_order(&path, &body);
}

#[test]
fn real_laws_open_complete_in_order_with_headings_and_a_title() {
    for path in corpus_docx() {
        let start = Instant::now();
        let doc = load_document(&path).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        let took = start.elapsed();
        eprintln!(
            "{}: {} blocks in {took:?}",
            path.display(),
            doc.blocks.len()
        );
        assert_complete_and_in_order(&path, &doc);
        assert!(doc.meta.title.starts_with("LUẬT "), "{}", doc.meta.title);
        let articles = doc
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading(3) && b.text.starts_with("Điều "))
            .count();
        let chapters = doc
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading(2) && b.text.starts_with("Chương "))
            .count();
        assert!(
            articles >= 20 && chapters >= 3,
            "{articles} articles, {chapters} chapters"
        );
    }
}

#[test]
fn converting_to_markdown_and_opening_that_gives_the_same_anchors() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = vec![
        data("nghi-quyet-mau.docx"),
        data("bai-bao.html"),
        data("cong-thong-tin.htm"),
    ];
    files.extend(corpus_docx());
    for path in files {
        let home = tempfile::tempdir().unwrap();
        let md = dir
            .path()
            .join(path.file_stem().unwrap())
            .with_extension("md");
        let (ok, _, err) = common::run_cli(
            &[
                "convert".as_ref(),
                path.as_os_str(),
                "-o".as_ref(),
                md.as_os_str(),
            ],
            home.path(),
        );
        assert!(ok, "{}: {err}", path.display());
        let original = load_document(&path).unwrap();
        let again = load_document(&md).unwrap();
        assert_eq!(again.blocks, original.blocks, "{}", path.display());
        assert_eq!(again.meta.title, original.meta.title);
        assert_eq!(again.meta.date, original.meta.date);
        assert_eq!(again.meta.byline, original.meta.byline);
        // The id question sets use stays the original file's name.
        assert_eq!(again.id(), original.id());
    }
}

#[test]
fn convert_writes_to_standard_output_and_never_over_a_file_without_force() {
    let home = tempfile::tempdir().unwrap();
    let input = data("nghi-quyet-mau.docx");
    let (ok, stdout, stderr) = common::run_cli(&["convert", input.to_str().unwrap()], home.path());
    assert!(ok, "{stderr}");
    assert!(stdout.starts_with("---\ntitle: Nghị quyết mẫu về học tập suốt đời\n"));
    assert!(stdout.contains("\n### Điều 1. Mục tiêu\n"));
    assert!(
        stderr.contains("đầu trang"),
        "the notices, in Vietnamese: {stderr}"
    );

    let out = home.path().join("ra.md");
    std::fs::write(&out, "của tôi").unwrap();
    let args = [
        "convert",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    let (ok, _, stderr) = common::run_cli(&args, home.path());
    assert!(!ok);
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "của tôi");
    let (ok, _, _) = common::run_cli(&[&args[..], &["--force"]].concat(), home.path());
    assert!(ok);
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("---\n"));

    // Never over the input, even with --force.
    let copy = home.path().join("ban-sao.md");
    std::fs::write(&copy, "# Tiêu đề\n\nĐoạn văn.\n").unwrap();
    let (ok, _, _) = common::run_cli(
        &[
            "convert",
            copy.to_str().unwrap(),
            "-o",
            copy.to_str().unwrap(),
            "--force",
        ],
        home.path(),
    );
    assert!(!ok);
    assert_eq!(
        std::fs::read_to_string(&copy).unwrap(),
        "# Tiêu đề\n\nĐoạn văn.\n"
    );
}

#[test]
fn questions_generated_from_a_real_law_pass_check() {
    let mut files = vec![data("nghi-quyet-mau.docx")];
    files.extend(corpus_docx());
    for path in files {
        let home = tempfile::tempdir().unwrap();
        let set = home.path().join("bo.ron");
        let (ok, _, err) = common::run_cli(
            &[
                "generate".as_ref(),
                path.as_os_str(),
                "-o".as_ref(),
                set.as_os_str(),
            ],
            home.path(),
        );
        assert!(ok, "{}: {err}", path.display());
        let (ok, stdout, _) = common::run_cli(&["check", set.to_str().unwrap()], home.path());
        assert!(ok, "{}: {stdout}", path.display());
    }
}

// ---------------------------------------------------------- hostile files

fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

fn load_bytes(name: &str, bytes: &[u8]) -> (Result<Document, LoadError>, Duration) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let start = Instant::now();
    let result = load_document(&path);
    (result, start.elapsed())
}

#[test]
fn a_zip_bomb_is_refused_quickly() {
    // 200 MB of the same byte packs to a few hundred kilobytes.
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("word/document.xml", options).unwrap();
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..200 {
        zip.write_all(&chunk).unwrap();
    }
    zip.finish().unwrap();
    let bomb = out.into_inner();
    assert!(bomb.len() < 2 << 20, "{} bytes", bomb.len());
    let (result, took) = load_bytes("bom.docx", &bomb);
    assert!(
        matches!(
            result,
            Err(LoadError::TooLargeUnpacked {
                kind: FileKind::Docx,
                ..
            })
        ),
        "{result:?}"
    );
    assert!(took < Duration::from_secs(5), "{took:?}");
}

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

#[test]
fn a_million_elements_or_deep_nesting_gets_an_answer_within_seconds() {
    // A million paragraphs: more blocks than any document has.
    let mut many = format!("<w:document {W}><w:body>");
    for _ in 0..1_000_000 {
        many.push_str("<w:p><w:r><w:t>a</w:t></w:r></w:p>");
    }
    many.push_str("</w:body></w:document>");
    let (result, took) = load_bytes(
        "nhieu.docx",
        &zip_with(&[("word/document.xml", many.as_bytes())]),
    );
    assert!(
        matches!(result, Err(LoadError::TooComplex { .. })),
        "{result:?}"
    );
    assert!(took < Duration::from_secs(10), "{took:?}");

    // A million empty elements: nothing to read, said so.
    let mut empty = format!("<w:document {W}><w:body>");
    for _ in 0..1_000_000 {
        empty.push_str("<w:p/>");
    }
    empty.push_str("</w:body></w:document>");
    let (result, took) = load_bytes(
        "rong.docx",
        &zip_with(&[("word/document.xml", empty.as_bytes())]),
    );
    assert_eq!(result, Err(LoadError::Empty));
    assert!(took < Duration::from_secs(10), "{took:?}");

    // Tables nested 100 000 deep.
    let deep = format!(
        "<w:document {W}><w:body>{}{}</w:body></w:document>",
        "<w:tbl><w:tr><w:tc>".repeat(100_000),
        "</w:tc></w:tr></w:tbl>".repeat(100_000)
    );
    let (result, took) = load_bytes(
        "sau.docx",
        &zip_with(&[("word/document.xml", deep.as_bytes())]),
    );
    assert!(
        matches!(result, Err(LoadError::TooComplex { .. })),
        "{result:?}"
    );
    assert!(took < Duration::from_secs(10), "{took:?}");

    // A web page nested 100 000 deep parses in time, without a stack overflow.
    let page = format!(
        "<!DOCTYPE html><html><body>{}<p>Một đoạn văn ngắn, có dấu phẩy, đủ dài để được tính điểm.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let (result, took) = load_bytes("sau.html", page.as_bytes());
    assert!(took < Duration::from_secs(3), "{took:?}");
    assert!(
        matches!(result, Err(LoadError::TooComplex { .. })),
        "{result:?}"
    );
    // 2 000 deep is odd but fine: it is read.
    let page = page
        .replace(&"<div>".repeat(98_000), "")
        .replace(&"</div>".repeat(98_000), "");
    let (result, took) = load_bytes("sau.html", page.as_bytes());
    assert!(took < Duration::from_secs(5), "{took:?}");
    assert!(result.is_ok(), "{result:?}");
}

#[test]
fn a_huge_file_is_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lon.docx");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(1 << 30).unwrap();
    let start = Instant::now();
    assert!(matches!(
        load_document(&path),
        Err(LoadError::TooLarge { .. })
    ));
    assert!(start.elapsed() < Duration::from_secs(1));
}

#[test]
fn a_zip_that_is_not_a_word_file_and_pdf_doc_files_are_refused_with_a_reason() {
    let (result, _) = load_bytes("a.docx", &zip_with(&[("content.xml", b"<x/>")]));
    let Err(LoadError::Damaged {
        kind: FileKind::Docx,
        detail,
        ..
    }) = result
    else {
        panic!("{result:?}");
    };
    assert!(detail.contains("word/document.xml"), "{detail}");
    // A broken .pdf and a .doc container with nothing in it: each is refused
    // by its own reader, with a sentence the user can act on.
    let (result, _) = load_bytes("a.pdf", b"%PDF-1.4\n");
    assert!(
        matches!(result, Err(LoadError::Unreadable { .. })),
        "{result:?}"
    );
    let (result, _) = load_bytes(
        "a.doc",
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0],
    );
    let Err(error) = result else { panic!() };
    assert!(matches!(error, LoadError::Unreadable { .. }), "{error:?}");
    let message =
        nghiquyet::i18n::describe_load_error(nghiquyet::i18n::Language::Vi.strings(), &error);
    assert!(message.contains(".docx"), "{message}");
}

// -------------------------------------------------------------- web pages

#[test]
fn a_saved_news_page_gives_the_article_only() {
    let Opened { document, notices } = open_document(&data("bai-bao.html")).unwrap();
    assert_eq!(
        document.meta.title,
        "Chi bộ thôn Đồng Tâm học tập nghị quyết bằng sách nói"
    );
    assert_eq!(document.meta.date.as_deref(), Some("18/03/2024"));
    assert_eq!(document.meta.byline.as_deref(), Some("Minh Châu"));
    let blocks = kinds_and_texts(&document);
    assert_eq!(
        blocks,
        [
            (
                BlockKind::Paragraph,
                "Thay cho buổi đọc văn bản dài, chi bộ thôn Đồng Tâm thu âm từng phần nghị quyết để đảng viên cao tuổi nghe lại khi rảnh rỗi."
            ),
            (
                BlockKind::Paragraph,
                "Tối thứ bảy, hội trường thôn sáng đèn. Bí thư chi bộ mở chiếc loa nhỏ, phát đoạn ghi âm về mục tiêu phát triển kinh tế của xã, rồi mời mọi người cùng thảo luận."
            ),
            (
                BlockKind::Paragraph,
                "Theo đồng chí bí thư, nhiều đảng viên đã ngoài bảy mươi tuổi, mắt kém, khó theo dõi tài liệu in chữ nhỏ. Nghe qua loa, các cụ vẫn nắm được ý chính, lại có thể hỏi ngay chỗ chưa rõ."
            ),
            (
                BlockKind::Caption,
                "Đảng viên thôn Đồng Tâm nghe ghi âm nghị quyết tại hội trường."
            ),
            (BlockKind::Heading(3), "Mỗi tuần một phần"),
            (
                BlockKind::Paragraph,
                "Chi bộ chia nghị quyết thành tám phần, mỗi tuần thu âm một phần, dài chừng mười lăm phút. Các tệp ghi âm được gửi qua nhóm tin nhắn của thôn, ai bận có thể nghe bù vào buổi tối."
            ),
            (
                BlockKind::ListItem,
                "Phần đầu nói về tình hình và kết quả năm trước."
            ),
            (
                BlockKind::ListItem,
                "Các phần sau nói về mục tiêu, nhiệm vụ và giải pháp."
            ),
            (
                BlockKind::Paragraph,
                "Sau ba tháng, tỷ lệ đảng viên tham gia sinh hoạt đạt chín mươi lăm phần trăm, cao hơn hẳn so với cùng kỳ năm trước."
            ),
        ]
    );
    let all = document.full_text();
    for furniture in [
        "Thời sự",
        "Trang chủ",
        "Chia sẻ",
        "Tin liên quan",
        "Bình Minh",
        "học theo ngay",
        "Đọc nhiều",
        "Quảng cáo",
        "Giấy phép",
        "tracking",
        "mã theo dõi",
        "Không phải nội dung",
        "display",
    ] {
        assert!(!all.contains(furniture), "{furniture} in the article");
    }
    assert!(notices.contains(&Notice::PageChromeLeftOut));
    assert!(notices.contains(&Notice::ImagesLeftOut(1)));
}

#[test]
fn a_portal_page_laid_out_with_tables_and_line_breaks_gives_its_paragraphs() {
    let document = load_document(&data("cong-thong-tin.htm")).unwrap();
    assert_eq!(document.meta.title, "Nghị quyết về học tập suốt đời");
    assert_eq!(document.meta.date.as_deref(), Some("02/01/2025"));
    assert_eq!(document.meta.byline.as_deref(), Some("Ban Tuyên giáo xã"));
    let texts: Vec<&str> = document.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Đảng bộ xã thống nhất lấy năm nay làm năm học tập suốt đời, với ba việc cụ thể, dễ làm, dễ kiểm tra.",
            "Thứ nhất, mỗi chi bộ có một tủ sách dùng chung, được bổ sung sách mới ít nhất mỗi quý một lần.",
            "Thứ hai, mỗi đảng viên đăng ký đọc ít nhất năm cuốn sách trong năm, ghi lại vài dòng cảm nhận sau mỗi cuốn.",
            "Thứ ba, cuối năm, chi bộ tổ chức buổi trao đổi, chọn ba cuốn sách hay để giới thiệu với cả xã.",
            "Việc | Thời hạn",
            "Lập tủ sách | Tháng 3",
            "Trao đổi sách | Tháng 12",
        ]
    );
}
