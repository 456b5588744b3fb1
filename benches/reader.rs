//! Opening a 5 MB document, and the CPU time of one reader frame over it in a
//! headless egui context (targets: open < 200 ms, frame < 4 ms).

#[allow(dead_code)]
mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, Key, Modifiers, RawInput};
use nghiquyet::document::{Document, Format, Origin, load_document};
use nghiquyet::paths::Paths;
use nghiquyet::settings::Settings;
use nghiquyet::startup::Startup;
use nghiquyet::ui::App;

const FIVE_MB: usize = 5 * 1024 * 1024;

fn open(c: &mut Criterion) {
    let text = common::large_markdown(FIVE_MB);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dai.md");
    std::fs::write(&path, &text).unwrap();
    let mut group = c.benchmark_group("open");
    group.sample_size(20);
    group.bench_function("load_5mb_from_disk", |b| {
        b.iter(|| black_box(load_document(&path).unwrap()))
    });
    group.bench_function("parse_5mb", |b| {
        b.iter(|| {
            black_box(Document::from_text(&text, Format::Markdown, "x", Origin::Bundled).unwrap())
        })
    });
    group.finish();
}

fn input(events: Vec<Event>) -> RawInput {
    RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        events,
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut App, events: Vec<Event>) {
    let mut output = ctx.run_ui(input(events), |ui| app.show(ui));
    output.textures_delta.clear();
    black_box(output.shapes.len());
}

fn key(key: Key) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    }
}

fn reader_frame(c: &mut Criterion) {
    let text = common::large_markdown(FIVE_MB);
    let doc = Document::from_text(&text, Format::Markdown, "x", Origin::Bundled).unwrap();
    let home = tempfile::tempdir().unwrap();
    let mut app = App::new(Startup {
        paths: Paths::under(home.path()),
        settings: Settings::default(),
        settings_writable: true,
        document: doc.clone(),
        library: nghiquyet::quiz::Library::default(),
        learner: None,
        key_points: nghiquyet::startup::start_key_points(doc.clone()),
        problems: Vec::new(),
        notes: Vec::new(),
        exam_file: None,
    });
    let ctx = egui::Context::default();
    for _ in 0..5 {
        frame(&ctx, &mut app, Vec::new());
    }
    let mut group = c.benchmark_group("reader_frame_5mb");
    group.bench_function("still", |b| b.iter(|| frame(&ctx, &mut app, Vec::new())));
    // Page down through the first 400 pages and start again, so every frame
    // lays out rows it did not show the frame before (egui keeps a laid-out
    // text only as long as it is shown).
    let mut page = 0;
    group.bench_function("scrolling_a_page_each_frame", |b| {
        b.iter(|| {
            page = (page + 1) % 400;
            let event = if page == 0 {
                key(Key::Home)
            } else {
                key(Key::PageDown)
            };
            frame(&ctx, &mut app, vec![event])
        })
    });
    group.finish();
}

criterion_group!(benches, open, reader_frame);
criterion_main!(benches);
