//! A 100-page text PDF to a document (target: well under a second). The PDF
//! is made here from text written for this bench: a letterhead, then numbered
//! articles whose paragraphs wrap over full-width lines, a running header and
//! a page number on every page.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use nghiquyet::document::pdf::sample::{PageLines, make_pdf};
use nghiquyet::document::{Document, Format, Origin};

const WORDS: &str = "các cấp ủy và tổ chức đảng tiếp tục quán triệt sâu sắc \
    tinh thần của văn bản này đến từng cán bộ đảng viên bảo đảm thống nhất \
    trong nhận thức và hành động gắn với việc thực hiện nhiệm vụ chính trị \
    của địa phương cơ quan đơn vị trong năm";

/// Lines of about 80 characters, 44 to a page, over `pages` pages.
pub fn hundred_pages(pages: usize) -> Vec<u8> {
    let words: Vec<&str> = WORDS.split_whitespace().collect();
    let mut texts: Vec<String> = Vec::new();
    let mut w = 0;
    let mut article = 1;
    while texts.len() < pages * 44 {
        if texts.len().is_multiple_of(11) {
            texts.push(format!("Điều {article}. Nhiệm vụ số {article}"));
            article += 1;
        }
        let mut line = String::new();
        while line.chars().count() < 80 {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(words[w % words.len()]);
            w += 1;
        }
        if texts.len() % 11 == 10 {
            line.push('.');
        }
        texts.push(line);
    }
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let numbers: Vec<String> = (1..=pages).map(|n| n.to_string()).collect();
    let mut all: Vec<PageLines> = Vec::new();
    for (p, chunk) in texts.chunks(44).take(pages).enumerate() {
        let mut page: PageLines = vec![(200.0, 40.0, 9.0, "Văn bản mẫu để đo tốc độ")];
        if p == 0 {
            page.push((80.0, 60.0, 13.0, "BAN CHẤP HÀNH TRUNG ƯƠNG"));
            page.push((330.0, 60.0, 13.0, "ĐẢNG CỘNG SẢN VIỆT NAM"));
            page.push((100.0, 78.0, 13.0, "Số 1-QĐ/TW"));
            page.push((320.0, 78.0, 13.0, "Hà Nội, ngày 1 tháng 2 năm 2025"));
        }
        for (i, text) in chunk.iter().enumerate() {
            page.push((70.0, 100.0 + 16.0 * i as f32, 12.0, text));
        }
        page.push((290.0, 820.0, 10.0, &numbers[p]));
        all.push(page);
    }
    make_pdf(&all)
}

fn pdf(c: &mut Criterion) {
    let bytes = hundred_pages(100);
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    group.bench_function("100_pages_to_document", |b| {
        b.iter(|| {
            let (markdown, _) = nghiquyet::document::pdf::read(black_box(&bytes)).unwrap();
            black_box(
                Document::from_text(&markdown, Format::Markdown, "x", Origin::Bundled).unwrap(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, pdf);
criterion_main!(benches);
