//! The key-point panel and the generated questions, through the window.

mod common;

use std::path::Path;

use egui::accesskit::Toggled;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use nghiquyet::ui::{App, Screen};

fn harness(home: &Path, file: Option<&Path>) -> Harness<'static, App> {
    let app = App::new(common::startup_with_learner(home, file));
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run_steps(3);
    harness
}

#[test]
fn the_panel_lists_key_points_by_kind_and_a_click_shows_the_sentence() {
    let home = tempfile::tempdir().unwrap();
    let mut h = harness(home.path(), None);
    h.get_by_label("Điểm chính");
    h.get_by_label_contains("Con số (8)");

    h.get_by_label("3 khâu đột phá").click();
    h.run_steps(3);
    let (block, range) = h.state().focused_passage().cloned().unwrap();
    let doc = h.state().document();
    assert_eq!(&doc.blocks[block].text[range], "3 khâu đột phá");
    assert_eq!(doc.blocks[block].anchor.to_string(), "p5");
    // The key point shown is marked in the list; the others are not.
    let selected = |h: &Harness<'_, App>, label: &str| {
        h.get_by_label(label).accesskit_node().toggled() == Some(Toggled::True)
    };
    assert!(selected(&h, "3 khâu đột phá"));
    assert!(!selected(&h, "14 nhóm nhiệm vụ, giải pháp chủ yếu"));

    // Closing the first groups brings the others into view (only visible rows are drawn).
    h.get_by_label_contains("Con số (8)").click();
    h.run_steps(2);
    h.get_by_label_contains("Mốc thời gian").click();
    h.run_steps(2);
    h.get_by_label_contains("Phương châm, chủ đề, trích dẫn (3)");
    h.get_by_label_contains("Nhân vật và chức vụ (4)");
    let long = h.get_by_label("Vương Đình Huệ — Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội, Trưởng đoàn đại biểu Quốc hội TP Hà Nội");
    // Read in full, on several lines, not cut off with "…".
    let one_line = h
        .get_by_label_contains("Nhân vật và chức vụ (4)")
        .rect()
        .height();
    assert!(
        long.rect().height() > 1.8 * one_line,
        "{} vs {one_line}",
        long.rect().height()
    );

    // Ctrl+K hides the panel and remembers it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run_steps(2);
    assert!(h.query_by_label("Điểm chính").is_none());
    assert!(!h.state().settings().show_key_points);
}

#[test]
fn any_document_gets_key_points_and_questions_to_practise() {
    let home = tempfile::tempdir().unwrap();
    let doc = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dai-hoi-tinh-binh-son.md");
    let mut h = harness(home.path(), Some(&doc));
    h.get_by_label_contains("Con số (14)").click();
    h.run_steps(2);
    h.get_by_label_contains("Mốc thời gian").click();
    h.run_steps(2);
    h.get_by_label_contains("Trần Quốc Hưng — Ủy viên Trung ương Đảng");
    h.get_by_label(
        "phương châm hành động của cả nhiệm kỳ: “Đoàn kết - Đổi mới - Kỷ cương - Hiệu quả”",
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run_steps(2);
    assert_eq!(h.state().screen(), Screen::Practice);
    // No hand-written set belongs to this document: the generated one is chosen.
    h.get_by_label_contains("tạo tự động từ văn bản");
    h.get_by_label("▶ Bắt đầu luyện tập").click();
    h.run_steps(3);
    // A round is up to 10 questions; a short text has fewer worth asking.
    h.get_by_label_contains("Câu 1 / ");
    let round = h.state().practice().round().unwrap();
    assert!(
        round
            .items
            .iter()
            .all(|i| i.question.id.starts_with("gen-"))
    );
}

#[test]
fn a_long_document_is_read_in_the_background_and_the_window_stays_live() {
    let home = tempfile::tempdir().unwrap();
    let body = nghiquyet::document::BUNDLED_SOURCE
        .splitn(3, "---")
        .nth(2)
        .unwrap();
    let mut text = String::from("# Văn bản dài\n\n");
    let mut copy = 0;
    while text.len() < 600 * 1024 {
        copy += 1;
        text.push_str(&format!(
            "## Phần {copy}\n\n{}\n\n",
            body.replace("579", &(500 + copy).to_string())
        ));
    }
    let path = home.path().join("dai.md");
    std::fs::write(&path, &text).unwrap();
    let mut h = harness(home.path(), Some(&path));
    h.get_by_label("Đang tìm các điểm chính trong văn bản…");
    // The reader works meanwhile.
    h.get_by_label("Văn bản dài");
    let mut found = false;
    for _ in 0..300 {
        h.run_steps(1);
        if h.query_by_label_contains("Con số (").is_some() {
            found = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(found, "the key points arrive");
    assert!(
        h.query_by_label("Đang tìm các điểm chính trong văn bản…")
            .is_none()
    );
}
