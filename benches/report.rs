//! `nghiquyet report` over 10,000 exam results (issue goal: a few seconds).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

fn write_results(dir: &std::path::Path, learners: usize) {
    for l in 0..learners {
        let questions: String = (0..20)
            .map(|i| {
                let right = (l * 7 + i * 13) % 10 < 7;
                format!(
                    "\n        (document: \"ha-noi-hoc-tap-nghi-quyet-xvii-2020\", set: \"ha-noi-nghi-quyet-xvii\", id: \"cau-{}\", fingerprint: {}, prompt: \"Nghị quyết đề ra bao nhiêu khâu đột phá? ({i})\", response: Some(Choice(Some(1))), verdict: {}, score: {}),",
                    (l + i) % 49,
                    1_000_003 * i,
                    if right { "Right" } else { "Wrong" },
                    if right { "1.0" } else { "0.0" }
                )
            })
            .collect();
        let text = format!(
            "ExamResult(\n    version: 1,\n    learner: \"Học viên số {l}\",\n    sets: [\"Nghị quyết Đại hội XVII\"],\n    plan: (count: 20, seed: 7, minutes: 15, pass_percent: 60),\n    started: 1764000000000,\n    finished: 1764000900000,\n    timed_out: false,\n    score: 14.0,\n    percent: 70,\n    passed: true,\n    questions: [{questions}\n    ],\n)\n"
        );
        std::fs::write(dir.join(format!("ket-qua-{l:05}.ron")), text).unwrap();
    }
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    write_results(dir.path(), 10_000);
    let paths = vec![dir.path().to_path_buf()];
    let library = nghiquyet::quiz::Library::load(std::path::Path::new("/nonexistent"));
    let key = nghiquyet::classroom::verify::AnswerKey::Sets(&library.sets);
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    group.bench_function("10000_results", |b| {
        b.iter(|| {
            let report = nghiquyet::classroom::report::report(&paths, &key);
            assert_eq!(report.learners.len(), 10_000);
            black_box(report)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
