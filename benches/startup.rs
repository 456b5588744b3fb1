//! The app's own work before its first frame: settings, the bundled document,
//! font definitions, the app state (target < 50 ms).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use nghiquyet::paths::Paths;
use nghiquyet::settings::{self, Settings};
use nghiquyet::startup::Startup;
use nghiquyet::ui::{App, fonts};

fn startup(c: &mut Criterion) {
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut s = Settings::default();
    for i in 0..10 {
        s.remember_recent(std::path::Path::new(&format!(
            "/tai-lieu/nghi-quyet-{i}.md"
        )));
    }
    settings::save(&paths.settings_file(), &s).unwrap();

    c.bench_function("startup_before_first_frame", |b| {
        b.iter(|| {
            let startup = Startup::prepare(paths.clone(), None);
            black_box(fonts::definitions());
            black_box(App::new(startup))
        })
    });
    // The first frame itself, in which egui parses the fonts and lays out the page.
    c.bench_function("first_frame", |b| {
        b.iter(|| {
            let mut app = App::new(Startup::prepare(paths.clone(), None));
            let ctx = egui::Context::default();
            let mut out = ctx.run_ui(egui::RawInput::default(), |ui| app.show(ui));
            out.textures_delta.clear();
            black_box(out.shapes.len())
        })
    });
}

criterion_group!(benches, startup);
criterion_main!(benches);
