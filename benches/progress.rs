//! Loading and saving a profile with 100,000 answers (issue goal: each under
//! 100 ms), and rebuilding its schedule.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use nghiquyet::progress::clock::{Clock, DAY, Millis, now_ms};
use nghiquyet::progress::schedule::{Schedule, Scheduler};
use nghiquyet::progress::{Attempt, Mode, ProfileStore, QuestionRef, Rating};
use nghiquyet::quiz::{Response, Verdict};

const ANSWERS: usize = 100_000;

fn record(store: &mut ProfileStore, n: usize, at: Millis) {
    let question = store.intern(&QuestionRef {
        document: "ha-noi-hoc-tap-nghi-quyet-xvii-2020".into(),
        set: if n.is_multiple_of(3) {
            "generated"
        } else {
            "ha-noi-nghi-quyet-xvii"
        }
        .into(),
        id: format!("cau-hoi-{}", n % 800),
        fingerprint: 0x9e37_79b9_7f4a_7c15 ^ (n % 800) as u64,
    });
    let right = !n.is_multiple_of(4);
    store.record(Attempt {
        question,
        at,
        millis: 3_000 + (n % 9_000) as u32,
        verdict: if right {
            Verdict::Right
        } else {
            Verdict::Wrong
        },
        score: if right { 1.0 } else { 0.0 },
        rating: if right { Rating::Good } else { Rating::Again },
        mode: if n.is_multiple_of(2) {
            Mode::Review
        } else {
            Mode::Practice
        },
        response: Some(match n % 3 {
            0 => Response::Choice(Some(n % 4)),
            1 => Response::Blanks(vec!["quán triệt".into(), "Nghị quyết".into()]),
            _ => Response::Number("12.000".into()),
        }),
    });
}

/// A profile with `ANSWERS` answers over the last two years.
fn build(dir: &Path) {
    let mut store = ProfileStore::open(dir, "Nguyễn Văn Ân", Clock::system())
        .unwrap()
        .store;
    let start = now_ms() - 730 * DAY;
    let step = 730 * DAY / ANSWERS as i64;
    for n in 0..ANSWERS {
        record(&mut store, n, start + n as i64 * step);
    }
    store.flush().unwrap();
}

fn bench(c: &mut Criterion) {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("an");
    build(&dir);
    let mut group = c.benchmark_group("progress_100k");
    group.sample_size(20);
    group.bench_function("load", |b| {
        b.iter(|| {
            let opened = ProfileStore::open(&dir, "Nguyễn Văn Ân", Clock::system()).unwrap();
            assert_eq!(opened.store.progress().attempts().len() % ANSWERS, 0);
            black_box(opened)
        })
    });
    let mut store = ProfileStore::open(&dir, "Nguyễn Văn Ân", Clock::system())
        .unwrap()
        .store;
    let mut n = ANSWERS;
    group.bench_function("save_after_an_answer", |b| {
        b.iter(|| {
            n += 1;
            record(&mut store, n, now_ms());
            store.flush().unwrap();
        })
    });
    group.bench_function("save_everything", |b| {
        b.iter(|| store.rewrite_all().unwrap())
    });
    group.bench_function("replay_schedule", |b| {
        let scheduler = Scheduler::new(None, Clock::system());
        b.iter(|| black_box(Schedule::replay(store.progress(), &scheduler)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
