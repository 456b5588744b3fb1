//! Opening a 1 MB `.docx` (made here from our own repeated text: headings,
//! bold "Điều" lines, paragraphs, a table) as a document, and the same page
//! as a saved web page.

use std::hint::black_box;
use std::io::Write;

use criterion::{Criterion, criterion_group, criterion_main};
use nghiquyet::document::load_document;

/// Words to make sentences from, so the text packs like real text (a few
/// times), not like one sentence repeated (a hundred times).
const WORDS: &[&str] = &[
    "chi", "bộ", "tổ", "chức", "học", "tập", "nghị", "quyết", "theo", "từng", "chuyên", "đề",
    "mỗi", "có", "tài", "liệu", "tóm", "tắt", "câu", "hỏi", "thảo", "luận", "và", "phần", "liên",
    "hệ", "với", "nhiệm", "vụ", "của", "địa", "phương", "đảng", "viên", "ghi", "lại", "ý", "kiến",
    "để", "tổng", "hợp", "cuối", "quý", "năm", "kế", "hoạch", "thực", "hiện", "mục", "tiêu",
    "phát", "triển", "kinh", "tế", "xã", "hội", "văn", "hóa", "giáo", "dục",
];

/// A sentence of 12–40 words, from a simple deterministic generator.
fn sentence(seed: &mut u64) -> String {
    let mut next = || {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (*seed >> 33) as usize
    };
    let n = 12 + next() % 29;
    let mut words: Vec<&str> = (0..n).map(|_| WORDS[next() % WORDS.len()]).collect();
    words[n / 2] = "và";
    let mut s = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(w);
        if i == n / 3 {
            s.push(',');
        }
    }
    let mut chars = s.chars();
    let first = chars.next().unwrap().to_uppercase().collect::<String>();
    format!("{first}{}.", chars.as_str())
}

fn run(text: &str, bold: bool) -> String {
    let b = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!("<w:r>{b}<w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

/// A document.xml of about `size` bytes packed.
fn docx(size: usize) -> Vec<u8> {
    let mut body = String::new();
    let mut n = 0;
    let mut seed = 1u64;
    let mut out = Vec::new();
    let mut next_pack = 0;
    while out.len() < size {
        for _ in 0..200 {
            n += 1;
            if n % 40 == 1 {
                body.push_str(&format!(
                    "<w:p><w:pPr><w:pStyle w:val=\"u1\"/></w:pPr>{}</w:p>",
                    run(&format!("Chương {n}"), false)
                ));
            }
            if n % 8 == 1 {
                body.push_str(&format!(
                    "<w:p>{}</w:p>",
                    run(&format!("Điều {n}. Nội dung"), true)
                ));
            }
            let text = format!("{} {}", sentence(&mut seed), sentence(&mut seed));
            body.push_str(&format!(
                "<w:p>{}{}</w:p>",
                run(&format!("{n}. "), false),
                run(&text, false)
            ));
            if n % 50 == 0 {
                body.push_str("<w:tbl>");
                for r in 0..3 {
                    body.push_str(&format!(
                        "<w:tr><w:tc><w:p>{}</w:p></w:tc><w:tc><w:p>{}</w:p></w:tc></w:tr>",
                        run(&format!("Chỉ tiêu {r}"), false),
                        run(&format!("{}", r * n), false)
                    ));
                }
                body.push_str("</w:tbl>");
            }
        }
        if body.len() >= next_pack {
            out = pack(&body);
            next_pack = body.len() + body.len() / 8;
        }
    }
    out
}

fn pack(body: &str) -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let styles = "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:style w:type=\"paragraph\" w:styleId=\"u1\"><w:name w:val=\"Tiêu đề 1\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style></w:styles>";
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(document.as_bytes()).unwrap();
    zip.start_file("word/styles.xml", options).unwrap();
    zip.write_all(styles.as_bytes()).unwrap();
    zip.finish().unwrap();
    out.into_inner()
}

fn open(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let bytes = docx(1 << 20);
    let path = dir.path().join("mot-mb.docx");
    std::fs::write(&path, &bytes).unwrap();
    let doc = load_document(&path).unwrap();
    eprintln!(
        "1 MB docx: {} bytes packed, {} blocks, {} chars of text",
        bytes.len(),
        doc.blocks.len(),
        doc.full_text().chars().count()
    );
    let html_path = dir.path().join("trang.html");
    let mut page = String::from(
        "<!DOCTYPE html><html><head><title>Trang</title></head><body><nav><a href=\"/\">Trang chủ</a></nav><article><h1>Bài viết</h1>",
    );
    for b in &doc.blocks {
        page.push_str(&format!("<p>{}</p>", b.text));
    }
    page.push_str("</article><footer>Chân trang</footer></body></html>");
    std::fs::write(&html_path, &page).unwrap();
    eprintln!("web page: {} bytes", page.len());

    let mut group = c.benchmark_group("open_formats");
    group.sample_size(10);
    group.bench_function("docx_1mb", |b| {
        b.iter(|| black_box(load_document(&path).unwrap()))
    });
    group.bench_function("html_same_text", |b| {
        b.iter(|| black_box(load_document(&html_path).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, open);
criterion_main!(benches);
