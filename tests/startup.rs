//! What the app prepares on worker threads while its window opens (the key
//! points of the document, the last learner's history) is in place for the
//! first frame, as if it had been done on the window's thread.

use nghiquyet::paths::Paths;
use nghiquyet::progress::{Attempt, Clock, Mode, ProfileStore, QuestionRef, Rating, profiles};
use nghiquyet::quiz::{Response, SetOrigin, Verdict};
use nghiquyet::settings::{self, Settings};
use nghiquyet::startup::Startup;
use nghiquyet::ui::App;

fn first_frame(app: &mut App) {
    let ctx = egui::Context::default();
    let mut out = ctx.run_ui(egui::RawInput::default(), |ui| app.show(ui));
    out.textures_delta.clear();
}

fn generated_questions(app: &App) -> usize {
    app.library()
        .sets
        .iter()
        .filter(|s| s.origin == SetOrigin::Generated)
        .map(|s| s.set.questions.len())
        .sum()
}

/// A learner with `answers` answers, who studied last on this PC.
fn returning_learner(paths: &Paths, answers: usize) {
    let info = profiles::create(
        &profiles::root(paths),
        "Trần Thị Bình",
        nghiquyet::calendar::Millis(0),
    )
    .unwrap();
    let mut store = ProfileStore::open(&info.dir, &info.name, Clock::system())
        .unwrap()
        .store;
    for n in 0..answers {
        let question = store.intern(&QuestionRef {
            document: "tai-lieu".into(),
            set: "bo-cau-hoi".into(),
            id: format!("cau-{}", n % 7),
            fingerprint: 1,
        });
        store.record(Attempt {
            question,
            at: nghiquyet::calendar::Millis(1_764_547_200_000 + n as i64 * 60_000),
            millis: 5_000,
            verdict: Verdict::Right,
            score: 1.0,
            rating: Rating::Good,
            mode: Mode::Practice,
            response: Some(Response::Choice(Some(1))),
        });
    }
    store.flush().unwrap();
    drop(store);
    let settings = Settings {
        profile: Some(info.slug),
        ..Settings::default()
    };
    settings::save(&paths.settings_file(), &settings).unwrap();
}

#[test]
fn the_last_learner_is_open_with_their_history_from_the_first_frame() {
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    returning_learner(&paths, 40);
    let mut app = App::new(Startup::prepare(paths, None));
    let profile = app.profile().expect("the learner who studied last");
    assert_eq!(profile.name(), "Trần Thị Bình");
    assert_eq!(profile.progress().attempts().len(), 40);
    first_frame(&mut app);
    assert!(app.notices().is_empty(), "{:?}", app.notices());
}

#[test]
fn a_learner_whose_files_are_in_use_is_asked_for_not_half_opened() {
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    returning_learner(&paths, 3);
    // Another copy of the app has the learner open.
    let dir = profiles::root(&paths).join("tran-thi-binh");
    let _other = ProfileStore::open(&dir, "Trần Thị Bình", Clock::system()).unwrap();
    let app = App::new(Startup::prepare(paths, None));
    assert!(app.profile().is_none());
}

#[test]
fn the_key_points_and_generated_questions_are_there_in_the_first_frame() {
    let home = tempfile::tempdir().unwrap();
    let mut app = App::new(Startup::prepare(Paths::under(home.path()), None));
    assert_eq!(generated_questions(&app), 0, "not before the first frame");
    first_frame(&mut app);
    assert!(generated_questions(&app) >= 5);
}

#[test]
fn the_worker_finds_what_the_window_thread_would() {
    let home = tempfile::tempdir().unwrap();
    let startup = Startup::prepare(Paths::under(home.path()), None);
    let direct = nghiquyet::startup::find_key_points(&startup.document);
    let found = startup.key_points.wait().expect("the worker's result");
    assert_eq!(found.points, direct.points);
    assert_eq!(found.generated, direct.generated);
    assert!(!found.points.is_empty());
}
