//! Key-point extraction plus question generation over 100 KB, 1 MB and 10 MB
//! of varied Vietnamese text (target: 1 MB under 50 ms, growing linearly),
//! and over single paragraphs made to be worst cases.

#[allow(dead_code)]
mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use nghiquyet::document::{Document, Format, Origin};
use nghiquyet::generate::generate;
use nghiquyet::keypoints::extract;

fn extract_and_generate(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract_and_generate");
    group.sample_size(10);
    for (label, bytes) in [
        ("100KB", 100 * 1024),
        ("1MB", 1024 * 1024),
        ("10MB", 10 * 1024 * 1024),
    ] {
        let text = common::varied_markdown(bytes);
        let doc = Document::from_text(&text, Format::Markdown, "x", Origin::Bundled).unwrap();
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(label), &doc, |b, doc| {
            b.iter(|| {
                let points = extract(doc);
                black_box(generate(doc, &points, 1).questions.len())
            })
        });
    }
    group.finish();
}

/// One paragraph that is worst for rules reading a sentence at a time: many
/// short quotations (straight and curly), many counts with no punctuation
/// between them, many people in one comma list. Each must grow linearly:
/// 250 KB of quotations once took 11 s.
fn pathological_paragraphs(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological_paragraph");
    group.sample_size(10);
    let cases: [(&str, &str); 3] = [
        (
            "quotes",
            "phương châm là \"Đoàn kết, kỷ cương\" và “Dân chủ, đổi mới” ",
        ),
        ("counts", "gồm 12 khâu đột phá và 7 nhóm nhiệm vụ "),
        (
            "people",
            "Phó Bí thư Tỉnh ủy Nguyễn Văn An, Chủ tịch Hội đồng Trần Thị Bình, ",
        ),
    ];
    for (name, unit) in cases {
        for kb in [250, 500] {
            let text = unit.repeat(kb * 1024 / unit.len());
            let doc = Document::from_text(&text, Format::PlainText, "x", Origin::Bundled).unwrap();
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, format!("{kb}KB")), &doc, |b, doc| {
                b.iter(|| {
                    let points = extract(doc);
                    black_box(generate(doc, &points, 1).questions.len())
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, extract_and_generate, pathological_paragraphs);
criterion_main!(benches);
