//! The reader window driven through egui_kittest: no real window, widgets
//! found by their accessible labels, keys and clicks as a user gives them.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use nghiquyet::paths::Paths;
use nghiquyet::settings::{self, DEFAULT_TEXT_SIZE, TEXT_SIZE_STEP, Theme};
use nghiquyet::startup::Startup;
use nghiquyet::ui::{Action, App};

const BUNDLED_TITLE: &str = "Hà Nội học tập, quán triệt Nghị quyết";

fn harness(home: &Path, file: Option<&Path>) -> Harness<'static, App> {
    let app = App::new(common::startup_with_learner(home, file));
    let mut harness = Harness::builder()
        .with_size([1280.0, 900.0])
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run_steps(3);
    harness
}

fn press(harness: &mut Harness<'_, App>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(2);
}

fn search_field<'a>(harness: &'a Harness<'_, App>) -> egui_kittest::Node<'a> {
    harness.get_by_role(Role::TextInput)
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(harness: &mut Harness<'_, App>, path: &Path) {
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_path_buf())));
    harness.run_steps(2);
}

#[test]
fn starts_on_the_bundled_resolution_in_vietnamese() {
    let home = tempfile::tempdir().unwrap();
    let harness = harness(home.path(), None);
    harness.get_by_label_contains(BUNDLED_TITLE);
    harness.get_by_label("25/12/2020  ·  Thu Hà");
    harness.get_by_label_contains("Sáng 25/12, Ban Thường vụ Thành ủy Hà Nội");
    harness.get_by_label("Các đại biểu tham dự Hội nghị.");
    harness.get_by_label("Tệp");
    harness.get_by_label_contains("Mở tài liệu");
    assert!(harness.state().notices().is_empty());
}

#[test]
fn typing_a_search_without_accents_counts_and_steps_through_hits() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = harness(home.path(), None);
    press(&mut harness, Modifiers::COMMAND, Key::F);
    assert!(
        search_field(&harness).is_focused(),
        "Ctrl+F focuses the search field"
    );
    search_field(&harness).type_text("dang bo");
    harness.run_steps(3);

    let hits = harness.state().search().hits.len();
    assert_eq!(hits, 9, "“Đảng bộ”/“đảng bộ” occur nine times");
    harness.get_by_label("1 / 9");

    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.get_by_label("2 / 9");
    press(&mut harness, Modifiers::SHIFT, Key::Enter);
    press(&mut harness, Modifiers::SHIFT, Key::Enter);
    harness.get_by_label("9 / 9");

    // The previous/next buttons do the same with the mouse.
    harness.get_by_label("⏷").click();
    harness.run_steps(2);
    harness.get_by_label("1 / 9");

    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(
        harness.state().search().hits.is_empty(),
        "Esc clears the search"
    );
    assert!(harness.query_by_label("1 / 9").is_none());
}

#[test]
fn a_search_with_accents_matches_that_spelling_and_says_when_nothing_is_found() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = harness(home.path(), None);
    press(&mut harness, Modifiers::COMMAND, Key::F);
    search_field(&harness).type_text("quán triệt");
    harness.run_steps(3);
    let n = harness.state().search().hits.len();
    assert_eq!(n, 8, "only the marked spelling, in any case");
    harness.get_by_label("1 / 8");

    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::COMMAND, Key::F);
    search_field(&harness).type_text("xyzxyz");
    harness.run_steps(3);
    harness.get_by_label("Không tìm thấy");
}

#[test]
fn opening_a_bad_file_shows_why_and_keeps_the_document() {
    let home = tempfile::tempdir().unwrap();
    let bad = home.path().join("nghi-quyet-cu.txt");
    std::fs::write(&bad, b"Ngh\xec quy\xeat").unwrap(); // no encoding reads these as Vietnamese
    let mut harness = harness(home.path(), None);

    // Through the Open dialog, typing the path and pressing Enter.
    press(&mut harness, Modifiers::COMMAND, Key::O);
    harness.get_by_label("Mở tài liệu");
    let field = harness.get_all_by_role(Role::TextInput).last().unwrap();
    field.focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_all_by_role(Role::TextInput)
        .last()
        .unwrap()
        .type_text(&bad.display().to_string());
    harness.run_steps(2);
    press(&mut harness, Modifiers::NONE, Key::Enter);

    harness.get_by_label_contains("lỗi UTF-8 đầu tiên ở dòng 1, cột 4");
    harness.get_by_label_contains("Tài liệu đang đọc vẫn được giữ nguyên");
    harness.get_by_label_contains(BUNDLED_TITLE);

    // Dropping a folder and an empty file: each gets its own message.
    drop_file(&mut harness, home.path());
    harness.get_by_label_contains("đây là một thư mục");
    let empty = home.path().join("rong.md");
    std::fs::write(&empty, "  \n").unwrap();
    drop_file(&mut harness, &empty);
    harness.get_by_label_contains("tệp không có nội dung");
    assert_eq!(harness.state().notices().len(), 3);
    harness.get_by_label_contains(BUNDLED_TITLE);

    // "Đóng" dismisses a message.
    harness.get_all_by_label("Đóng").next().unwrap().click();
    harness.run_steps(2);
    assert_eq!(harness.state().notices().len(), 2);
}

#[test]
fn a_dropped_document_opens_in_the_same_reader_and_is_listed_as_recent() {
    let home = tempfile::tempdir().unwrap();
    let doc = home.path().join("nghi-quyet-tinh.md");
    std::fs::write(
        &doc,
        "# Nghị quyết Đại hội Đảng bộ tỉnh\n\nĐại hội quán triệt phương châm mới.\n\n- Ý thứ nhất\n",
    )
    .unwrap();
    let mut harness = harness(home.path(), None);
    drop_file(&mut harness, &doc);
    harness.get_by_label("Nghị quyết Đại hội Đảng bộ tỉnh");
    assert!(harness.query_by_label_contains(BUNDLED_TITLE).is_none());

    press(&mut harness, Modifiers::COMMAND, Key::F);
    search_field(&harness).type_text("quan triet");
    harness.run_steps(3);
    harness.get_by_label("1 / 1");

    let recent = &harness.state().settings().recent;
    assert_eq!(recent.len(), 1);
    assert!(recent[0].ends_with("nghi-quyet-tinh.md"));
}

#[test]
fn a_file_named_on_the_command_line_opens_and_a_bad_one_is_reported() {
    let home = tempfile::tempdir().unwrap();
    let doc = home.path().join("vb.txt");
    std::fs::write(&doc, "Văn bản thử.\n\nĐoạn hai.").unwrap();
    let harness = self::harness(home.path(), Some(&doc));
    harness.get_by_label("Văn bản thử.");

    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Nghị quyết".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let other = home.path().join("utf16.txt");
    std::fs::write(&other, utf16).unwrap();
    let harness = self::harness(home.path(), Some(&other));
    harness.get_by_label("Nghị quyết");

    let bad = home.path().join("cu.txt");
    std::fs::write(&bad, b"abc \xfc\xfd\xfe\xff").unwrap();
    let harness = self::harness(home.path(), Some(&bad));
    harness.get_by_label_contains("UTF-8");
    harness.get_by_label_contains(BUNDLED_TITLE);
}

#[test]
fn text_size_follows_ctrl_plus_minus_zero_and_the_buttons_and_is_remembered() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = harness(home.path(), None);
    press(&mut harness, Modifiers::COMMAND, Key::Plus);
    press(&mut harness, Modifiers::COMMAND, Key::Equals);
    assert_eq!(
        harness.state().settings().text_size,
        DEFAULT_TEXT_SIZE + 2.0 * TEXT_SIZE_STEP
    );
    press(&mut harness, Modifiers::COMMAND, Key::Minus);
    assert_eq!(
        harness.state().settings().text_size,
        DEFAULT_TEXT_SIZE + TEXT_SIZE_STEP
    );
    press(&mut harness, Modifiers::COMMAND, Key::Num0);
    assert_eq!(harness.state().settings().text_size, DEFAULT_TEXT_SIZE);

    harness.get_by_label("A+").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().settings().text_size,
        DEFAULT_TEXT_SIZE + TEXT_SIZE_STEP
    );

    harness.state_mut().save_settings();
    let saved = settings::load(&Paths::under(home.path()).settings_file());
    assert_eq!(saved.settings.text_size, DEFAULT_TEXT_SIZE + TEXT_SIZE_STEP);
}

#[test]
fn theme_and_language_are_chosen_from_the_menus_and_remembered() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = harness(home.path(), None);

    harness.get_by_label("Ngôn ngữ").click();
    harness.run_steps(2);
    harness.get_by_label("English").click();
    harness.run_steps(3);
    harness.get_by_label("File");
    harness.get_by_label_contains("Open document");
    assert!(harness.query_by_label("Tệp").is_none());

    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Dark").click();
    harness.run_steps(3);
    assert!(harness.ctx.global_style().visuals.dark_mode);

    harness.state_mut().save_settings();
    let again = App::new(Startup::prepare(Paths::under(home.path()), None));
    assert_eq!(again.settings().theme, Theme::Dark);
    assert_eq!(again.settings().language, nghiquyet::i18n::Language::En);
}

#[test]
fn the_reader_scrolls_with_the_keyboard_and_to_each_hit() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = harness(home.path(), None);
    harness.set_size(egui::vec2(1000.0, 500.0));
    harness.run_steps(3);
    let first = harness
        .get_by_label_contains("Sáng 25/12, Ban Thường vụ")
        .rect()
        .top();
    press(&mut harness, Modifiers::NONE, Key::PageDown);
    let after = harness
        .query_by_label_contains("Sáng 25/12, Ban Thường vụ")
        .map(|n| n.rect().top());
    assert!(
        after.is_none_or(|y| y < first - 100.0),
        "PageDown scrolls the text up"
    );
    press(&mut harness, Modifiers::NONE, Key::Home);
    assert_eq!(
        harness
            .get_by_label_contains("Sáng 25/12, Ban Thường vụ")
            .rect()
            .top(),
        first
    );

    // The last paragraph is far below; a search for its words brings it into view.
    press(&mut harness, Modifiers::COMMAND, Key::F);
    search_field(&harness).type_text("nam dau tien");
    harness.run_steps(4);
    let node = harness.get_by_label_contains("ngay trong năm đầu tiên");
    let screen = harness.ctx.content_rect();
    assert!(
        node.rect().intersects(screen),
        "the hit is scrolled into view"
    );
}

#[test]
fn actions_apply_after_the_frame() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = harness(home.path(), None);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Action::SetShowNumbers(false));
    harness.run_steps(2);
    assert!(!harness.state().settings().show_paragraph_numbers);
}

#[test]
fn text_pasted_from_the_clipboard_lands_in_the_search_field() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = harness(home.path(), None);
    press(&mut harness, Modifiers::COMMAND, Key::F);
    // What the system clipboard hands egui on Ctrl+V (with eframe's
    // `clipboard` feature; without it nothing arrives).
    harness
        .input_mut()
        .events
        .push(egui::Event::Paste("quán triệt".into()));
    harness.run_steps(3);
    assert_eq!(harness.state().search().hits.len(), 8);
}

#[test]
fn text_pasted_on_the_reader_opens_as_a_document_of_its_own() {
    let home = tempfile::tempdir().unwrap();
    let mut h = harness(home.path(), None);
    // Ctrl+V with nothing focused: the clipboard's text, as egui gets it.
    let pasted = "Thông báo kết luận của Thường trực\n\nHội nghị thống nhất ba nhiệm vụ trọng tâm. \
                  Một là học tập nghị quyết ở cơ sở.";
    h.input_mut().events.push(egui::Event::Paste(pasted.into()));
    h.run_steps(3);
    // Shown before it is opened, with the first line as its title.
    h.get_by_label("Mở văn bản đã dán");
    let field = h.get_by_role_and_label(Role::TextInput, "Tên văn bản:");
    assert_eq!(
        field.accesskit_node().value().as_deref(),
        Some("Thông báo kết luận của Thường trực")
    );
    h.get_by_label("📖 Mở văn bản này").click();
    h.run_steps(3);
    let state = h.state();
    assert_eq!(
        state.document().meta.title,
        "Thông báo kết luận của Thường trực"
    );
    assert!(
        state
            .document()
            .blocks
            .iter()
            .any(|b| b.text.contains("ba nhiệm vụ")),
        "the text is the document"
    );
    // Kept in the data folder, so the recent list opens it again.
    let kept = &state.settings().recent[0];
    let pasted_dir = Paths::under(home.path()).data_dir.join("van-ban-dan");
    assert!(
        kept.starts_with(std::fs::canonicalize(&pasted_dir).unwrap()),
        "{kept:?}"
    );
}

#[test]
fn nothing_to_paste_is_said_not_opened() {
    let home = tempfile::tempdir().unwrap();
    let mut h = harness(home.path(), None);
    let before = h.state().document().clone();
    h.input_mut()
        .events
        .push(egui::Event::Paste("   \n ".into()));
    h.run_steps(3);
    assert!(h.query_by_label("Mở văn bản đã dán").is_none());
    h.get_by_label_contains("Không có chữ nào để dán");
    assert_eq!(*h.state().document(), before);
}

#[test]
fn at_the_largest_text_every_tool_stays_on_screen() {
    let home = tempfile::tempdir().unwrap();
    let app = App::new(common::startup_with_learner(home.path(), None));
    let mut h = Harness::builder()
        .with_size([1000.0, 660.0])
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        Action::SetTextSize(nghiquyet::settings::MAX_TEXT_SIZE),
    );
    h.state_mut()
        .apply(&ctx, Action::ShowScreen(nghiquyet::ui::Screen::Practice));
    h.run_steps(4);
    // The text-size buttons (a group that wraps as a whole) are within the
    // window, so the text can be made smaller again with the mouse.
    for label in ["A−", "A+"] {
        let rect = h.get_by_label(label).rect();
        assert!(rect.right() <= 1000.0, "{label} at {rect:?}");
    }
}

#[test]
fn the_theme_is_light_when_the_system_states_no_preference() {
    let home = tempfile::tempdir().unwrap();
    let harness = harness(home.path(), None);
    assert_eq!(harness.state().settings().theme, Theme::System);
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
}

/// Paste reaches egui only when eframe is built with its `clipboard` feature
/// (arboard on X11, smithay-clipboard on Wayland); it was once left off and
/// paste did nothing anywhere in the app.
#[test]
fn the_window_is_built_with_the_system_clipboard() {
    let manifest = include_str!("../Cargo.toml");
    let eframe = manifest
        .lines()
        .skip_while(|l| !l.starts_with("eframe ="))
        .take_while(|l| !l.starts_with("] }"))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(eframe.contains("\"clipboard\""), "{eframe}");
}

#[test]
fn the_first_window_fits_small_office_screens_and_later_starts_keep_the_users_size() {
    let (size, maximized) = nghiquyet::ui::first_window(None, false);
    assert!(
        maximized,
        "the first start fills the work area of its screen"
    );
    // Under it, a size that fits 1024×768 and 1366×768 with a 40 px taskbar
    // and a 30 px title bar, for window managers that do not maximise.
    for (w, h) in [(1024.0, 768.0), (1366.0, 768.0)] {
        assert!(
            size[0] <= w && size[1] <= h - 40.0 - 30.0,
            "{size:?} in {w}x{h}"
        );
    }
    assert_eq!(
        nghiquyet::ui::first_window(Some([900.0, 600.0]), false),
        ([900.0, 600.0], false)
    );
}

#[test]
fn a_document_in_an_old_vietnamese_encoding_opens_and_says_it_was_converted() {
    let home = tempfile::tempdir().unwrap();
    let text = "# Nghị quyết của chi bộ\n\nChi bộ thống nhất học tập nghị quyết mới trong quý này.\n\nMỗi đảng viên viết một bài thu hoạch ngắn.\n";
    let old = home.path().join("nghi-quyet-tcvn3.txt");
    std::fs::write(&old, nghiquyet::document::encoding::encode_tcvn3(text)).unwrap();
    let mut harness = harness(home.path(), None);
    drop_file(&mut harness, &old);
    harness.get_by_label_contains("Chi bộ thống nhất học tập nghị quyết mới");
    harness.get_by_label_contains("Tệp dùng bảng mã cũ");
}

/// At the largest text size on a 1366×768 screen, the bars for finding
/// one's way keep to a readable size and leave the page most of the window;
/// the key points take at most a third of its width; practice puts the
/// text under the questions rather than in a narrow column beside them.
#[test]
fn at_the_largest_text_the_page_keeps_most_of_a_1366_by_768_window() {
    let home = tempfile::tempdir().unwrap();
    let mut startup = common::startup_with_learner(home.path(), None);
    startup.settings.set_text_size(settings::MAX_TEXT_SIZE);
    let app = App::new(startup);
    let mut h = Harness::builder()
        .with_size([1366.0, 688.0])
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    h.run_steps(4);
    // The tabs in one row: the last tab level with the first.
    let reader_tab = h.get_by_label_contains("Đọc văn bản").rect();
    let editor_tab = h.get_by_label_contains("Soạn câu hỏi").rect();
    assert!(
        (reader_tab.top() - editor_tab.top()).abs() < 2.0,
        "{reader_tab:?} {editor_tab:?}"
    );
    // The page starts in the top 30 % (with the bars at 36 px, at 54 %).
    let title = h.get_by_label_contains("Hà Nội học tập, quán triệt").rect();
    assert!(
        title.top() < 688.0 * 0.3,
        "the page starts at {}",
        title.top()
    );
    // The document keeps two thirds of the width beside the key points.
    let panel_left = h
        .get_all_by_label("Chưa học")
        .map(|n| n.rect().left())
        .fold(f32::INFINITY, f32::min);
    assert!(
        panel_left > 1366.0 * 0.6,
        "the key points start at {panel_left}"
    );
    // Practice: the questions over the whole width, no text beside them.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run_steps(3);
    let start = h.get_by_label_contains("Bắt đầu luyện tập").rect();
    assert!(start.left() < 200.0, "{start:?}");
    assert!(
        h.query_by_label_contains("Ban Thường vụ Thành ủy")
            .is_none(),
        "the document is not beside the questions at this size"
    );
}

/// A file that takes its time (here a pipe nothing is written to yet, as a
/// slow network drive or a large PDF would be) is read off the window's
/// thread: the window keeps drawing, says which file is being opened, and
/// keeps the current document until the new one is read.
#[cfg(unix)]
#[test]
fn a_slow_file_is_read_while_the_window_keeps_drawing() {
    let home = tempfile::tempdir().unwrap();
    let pipe = home.path().join("nghi-quyet-cham.md");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("note: mkfifo is not available here; test skipped");
        return;
    }
    let mut harness = harness(home.path(), None);
    drop_file(&mut harness, &pipe);
    harness.run_steps(3);
    harness.get_by_label_contains("Đang mở «nghi-quyet-cham.md»");
    harness.get_by_label_contains(BUNDLED_TITLE);
    // The window still answers while the file is being read.
    press(&mut harness, Modifiers::COMMAND, Key::F);
    search_field(&harness).type_text("Hà Nội");
    harness.run_steps(3);
    assert!(!harness.state().search().hits.is_empty());

    std::fs::write(&pipe, "# Nghị quyết đến chậm\n\nĐoạn đầu tiên của tệp.\n").unwrap();
    for _ in 0..100 {
        harness.run_steps(1);
        if harness.state().workspace().opening().is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    harness.run_steps(2);
    harness.get_by_label("Nghị quyết đến chậm");
    assert!(harness.query_by_label_contains("Đang mở").is_none());
    assert!(harness.query_by_label_contains(BUNDLED_TITLE).is_none());
    assert_eq!(harness.state().settings().recent.len(), 1);
}
