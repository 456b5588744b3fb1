//! A learner with a month of study, for screenshots and demonstrations of
//! the progress screen: some 300 answers to the bundled questions over the
//! last 30 days (a few days missed), right more often as the month goes on.
//!
//! `cargo run --release --example demo_learner -- ROOT "Nguyễn Văn Ân"`,
//! then `NGHIQUYET_HOME=ROOT cargo run --release`.

use std::path::PathBuf;

use nghiquyet::paths::Paths;
use nghiquyet::progress::clock::{Clock, DAY, HOUR, MINUTE, now_ms};
use nghiquyet::progress::{Attempt, Mode, ProfileStore, QuestionRef, Rating};
use nghiquyet::quiz::{Library, Response, Verdict};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

fn main() {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(
        args.next()
            .expect("ROOT: the folder to make the learner in"),
    );
    let name = args.next().unwrap_or_else(|| "Nguyễn Văn Ân".to_string());
    let paths = Paths::under(&root);
    let slug = nghiquyet::ids::slug(&name);
    let dir = nghiquyet::progress::profiles::root(&paths).join(&slug);
    let mut store = ProfileStore::open(&dir, &name, Clock::system())
        .expect("the profile opens")
        .store;
    let library = Library::load(&paths.user_sets_dir());
    let questions: Vec<QuestionRef> = library
        .sets
        .iter()
        .flat_map(|set| {
            set.set.questions.iter().map(move |q| QuestionRef {
                document: set.set.document.clone(),
                set: set.key(),
                id: q.id.clone(),
                fingerprint: nghiquyet::ids::fingerprint(q),
            })
        })
        .collect();
    let mut rng = StdRng::seed_from_u64(2026);
    let today = now_ms() - now_ms().get().rem_euclid(DAY);
    let mut answers = 0;
    for day in (1..=30).rev() {
        // A few days missed, as people do.
        if rng.random_range(0..10) < 2 {
            continue;
        }
        let start = today - day * DAY + 19 * HOUR;
        let count = rng.random_range(6..16);
        let skill = 0.55 + 0.3 * (30 - day) as f64 / 30.0;
        for n in 0..count {
            let question = &questions[rng.random_range(0..questions.len())];
            let id = store.intern(question);
            let right = rng.random_bool(skill);
            store.record(Attempt {
                question: id,
                at: start + n * MINUTE,
                millis: rng.random_range(4_000..25_000),
                verdict: if right {
                    Verdict::Right
                } else {
                    Verdict::Wrong
                },
                score: if right { 1.0 } else { 0.0 },
                rating: if right { Rating::Good } else { Rating::Again },
                mode: if day % 3 == 0 {
                    Mode::Review
                } else {
                    Mode::Practice
                },
                response: Some(Response::Choice(Some(usize::from(!right)))),
            });
            answers += 1;
        }
    }
    store.flush().expect("the answers are saved");
    let settings = paths.settings_file();
    std::fs::create_dir_all(settings.parent().unwrap()).unwrap();
    if !settings.exists() {
        std::fs::write(&settings, format!("(profile: Some(\"{slug}\"))\n")).unwrap();
    }
    println!("{answers} answers for {name} in {}", dir.display());
}
