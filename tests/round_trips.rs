//! The bundled document written out as a Word file, a PDF and a saved web
//! page (the encodings are in `tests/encodings.rs`) reads back to the same
//! words, in the same order, through the same `load_document` every way of
//! opening uses.

mod common;

use std::io::Write;
use std::path::Path;

use common::words;
use nghiquyet::document::pdf::sample::{PageLines, make_pdf, wrap};
use nghiquyet::document::{BlockKind, Document, load_document};

/// The title, then every block, as words.
fn title_and_body(doc: &Document) -> Vec<String> {
    let mut all = words(&doc.meta.title);
    all.extend(words(&doc.full_text()));
    all
}

fn read_back(name: &str, bytes: &[u8]) -> Document {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    load_document(&path).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn assert_same_words(name: &str, back: &Document) {
    let original = title_and_body(&Document::bundled());
    let got = title_and_body(back);
    if got != original {
        let at = original
            .iter()
            .zip(&got)
            .position(|(a, b)| a != b)
            .unwrap_or(original.len().min(got.len()));
        panic!(
            "{name}: words differ at word {at} of {}: written {:?} / read {:?}",
            original.len(),
            &original[at.saturating_sub(3)..(at + 5).min(original.len())],
            &got[at.saturating_sub(3)..(at + 5).min(got.len())],
        );
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

// ------------------------------------------------------------------ .docx

/// A Word file as Word writes one: the title in the "Title" style,
/// headings in "Heading N", the body in "Normal", a caption in "Caption".
fn as_docx(doc: &Document) -> Vec<u8> {
    let paragraph = |style: &str, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            xml_escape(text)
        )
    };
    let mut body = paragraph("Title", &doc.meta.title);
    for block in &doc.blocks {
        let style = match block.kind {
            BlockKind::Heading(level) => format!("Heading{level}"),
            BlockKind::Caption => "Caption".to_string(),
            BlockKind::Paragraph | BlockKind::ListItem => "Normal".to_string(),
        };
        body.push_str(&paragraph(&style, &block.text));
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let style = |id: &str, name: &str, outline: Option<u8>| {
        let level = outline.map_or(String::new(), |l| {
            format!(r#"<w:pPr><w:outlineLvl w:val="{l}"/></w:pPr>"#)
        });
        format!(
            r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/>{level}</w:style>"#
        )
    };
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{}{}{}{}{}</w:styles>"#,
        style("Normal", "Normal", None),
        style("Title", "Title", None),
        style("Heading1", "heading 1", Some(0)),
        style("Heading2", "heading 2", Some(1)),
        style("Caption", "caption", None),
    );
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let document_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in [
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/_rels/document.xml.rels", document_rels.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

#[test]
fn the_bundled_document_as_a_word_file_reads_back_the_same() {
    let bundled = Document::bundled();
    let back = read_back("nghi-quyet.docx", &as_docx(&bundled));
    assert_same_words(".docx", &back);
    assert_eq!(back.meta.title, bundled.meta.title);
    // Paragraph for paragraph: nothing joined, nothing split.
    assert_eq!(back.blocks.len(), bundled.blocks.len());
    for (b, o) in back.blocks.iter().zip(&bundled.blocks) {
        assert_eq!(b.text, o.text);
    }
}

// ------------------------------------------------------------------- .pdf

/// A PDF as a word processor prints one: A4, the title large and centred,
/// paragraphs wrapped at the margin with a first-line gap between them,
/// running over pages, each page numbered at its foot.
fn as_pdf(doc: &Document) -> Vec<u8> {
    let mut lines: Vec<(f32, f32, String)> = Vec::new(); // (x, size, text) or a gap
    for line in wrap(&doc.meta.title, 60) {
        lines.push((90.0, 15.0, line));
    }
    lines.push((0.0, 0.0, String::new()));
    for block in &doc.blocks {
        let size = if matches!(block.kind, BlockKind::Heading(_)) {
            13.5
        } else {
            12.0
        };
        for (i, line) in wrap(&block.text, 82).into_iter().enumerate() {
            let x = if i == 0 { 85.0 } else { 70.0 };
            lines.push((x, size, line));
        }
        lines.push((0.0, 0.0, String::new()));
    }
    let numbers: Vec<String> = (1..=40).map(|n| n.to_string()).collect();
    let mut pages: Vec<PageLines> = vec![Vec::new()];
    let mut y = 70.0;
    for (x, size, text) in &lines {
        if text.is_empty() {
            y += 8.0;
            continue;
        }
        if y > 770.0 {
            let n = pages.len();
            pages
                .last_mut()
                .unwrap()
                .push((290.0, 810.0, 10.0, &numbers[n - 1]));
            pages.push(Vec::new());
            y = 70.0;
        }
        pages.last_mut().unwrap().push((*x, y, *size, text));
        y += size * 1.45;
    }
    let n = pages.len();
    pages
        .last_mut()
        .unwrap()
        .push((290.0, 810.0, 10.0, &numbers[n - 1]));
    assert!(n >= 2, "the test wants the text to run over a page break");
    make_pdf(&pages)
}

#[test]
fn the_bundled_document_as_a_pdf_reads_back_the_same() {
    let bundled = Document::bundled();
    let back = read_back("nghi-quyet.pdf", &as_pdf(&bundled));
    assert_same_words(".pdf", &back);
    // Lines joined into their paragraphs again, across the page break too.
    let paragraphs = |d: &Document| {
        d.blocks
            .iter()
            .filter(|b| !matches!(b.kind, BlockKind::Heading(_)))
            .map(|b| b.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(paragraphs(&back), paragraphs(&bundled));
}

// ------------------------------------------------------------------ .html

/// A page saved from a news site: menus, a sidebar, related links and a
/// footer around the article, which has its title, date and byline.
fn as_html(doc: &Document) -> Vec<u8> {
    let mut article = format!("<h1 class=\"title\">{}</h1>\n", xml_escape(&doc.meta.title));
    if let Some(date) = &doc.meta.date {
        article.push_str(&format!("<time class=\"date\">{date}</time>\n"));
    }
    let mut in_list = false;
    for block in &doc.blocks {
        let is_item = block.kind == BlockKind::ListItem;
        if is_item != in_list {
            article.push_str(if is_item { "<ul>\n" } else { "</ul>\n" });
            in_list = is_item;
        }
        let text = xml_escape(&block.text);
        article.push_str(&match block.kind {
            BlockKind::Heading(level) => format!("<h{0}>{text}</h{0}>\n", level + 1),
            BlockKind::Paragraph => format!("<p>{text}</p>\n"),
            BlockKind::ListItem => format!("<li>{text}</li>\n"),
            BlockKind::Caption => {
                format!("<figure><img src=\"anh.jpg\"><figcaption>{text}</figcaption></figure>\n")
            }
        });
    }
    if in_list {
        article.push_str("</ul>\n");
    }
    if let Some(byline) = &doc.meta.byline {
        article.push_str(&format!("<p class=\"author\">{byline}</p>\n"));
    }
    let menu: String = [
        "Trang chủ",
        "Thời sự",
        "Chính trị",
        "Kinh tế",
        "Văn hóa",
        "Thể thao",
    ]
    .iter()
    .map(|m| format!("<li><a href=\"/{m}\">{m}</a></li>"))
    .collect();
    let related: String = (1..=6)
        .map(|i| {
            format!("<li><a href=\"/tin-{i}\">Tin liên quan số {i} về một chủ đề khác hẳn</a></li>")
        })
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{title} | Báo Mẫu</title>\
         <script>var quangCao = 1;</script><style>p {{ margin: 0 }}</style></head>\n<body>\
         <header><nav><ul>{menu}</ul></nav></header>\n<main><article class=\"detail\">\n{article}</article>\
         <aside class=\"sidebar\"><h3>Đọc nhiều</h3><ul>{related}</ul></aside></main>\n\
         <footer><p>Bản quyền thuộc về Báo Mẫu. Ghi rõ nguồn khi phát hành lại thông tin từ trang này.</p></footer>\
         </body></html>\n",
        title = xml_escape(&doc.meta.title)
    )
    .into_bytes()
}

#[test]
fn the_bundled_document_as_a_saved_web_page_reads_back_the_same() {
    let bundled = Document::bundled();
    let back = read_back("nghi-quyet.html", &as_html(&bundled));
    assert_eq!(back.meta.title, bundled.meta.title);
    let body = |d: &Document| words(&d.full_text());
    let (got, want) = (body(&back), body(&bundled));
    assert_eq!(
        got, want,
        "the article's words, and no menu, sidebar or footer"
    );
    let kinds = |d: &Document| d.blocks.iter().map(|b| b.kind).collect::<Vec<_>>();
    assert_eq!(kinds(&back), kinds(&bundled));
    assert_eq!(back.meta.date, bundled.meta.date);
}

#[test]
fn each_round_trip_file_is_written_where_a_user_could_open_it() {
    // The writers above give files the app recognises by their content,
    // whatever they are called.
    let bundled = Document::bundled();
    for (bytes, kind) in [
        (
            as_docx(&bundled),
            nghiquyet::document::readers::FileKind::Docx,
        ),
        (
            as_pdf(&bundled),
            nghiquyet::document::readers::FileKind::Pdf,
        ),
        (
            as_html(&bundled),
            nghiquyet::document::readers::FileKind::Html,
        ),
    ] {
        assert_eq!(
            nghiquyet::document::readers::sniff(Path::new("tep-khong-duoi"), &bytes),
            kind
        );
    }
}
