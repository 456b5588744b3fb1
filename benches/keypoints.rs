//! Key-point extraction plus question generation over 100 KB, 1 MB and 10 MB
//! of varied Vietnamese text (target: 1 MB under 50 ms, growing linearly).

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

criterion_group!(benches, extract_and_generate);
criterion_main!(benches);
