//! What frames every screen: the menu bar, the screen tabs, the toolbar
//! with search, the status bar, the band of notices, the drop hint and the
//! focus ring. Each part draws from the workspace and hands back actions.

use std::path::PathBuf;

use egui::RichText;

use super::app::{Action, App};
use super::command::Command;
use super::style::cap_bar_text;
use super::{icons, reader, style};
use crate::document::Origin;
use crate::i18n::{Language, fill};
use crate::settings::Theme;
use crate::workspace::{INFO_SECONDS, NoticeKind, Screen};

impl App {
    pub(super) fn top_bars(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        egui::Panel::top("menu").show(ui, |ui| {
            cap_bar_text(ui);
            egui::MenuBar::new().ui(ui, |ui| {
                self.menus(ui, &mut actions);
                // Who is studying, at the right: always in view, one click to change.
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    self.profile_menu(ui, &mut actions);
                });
            });
        });
        egui::Panel::top("toolbar").show(ui, |ui| {
            // The page's text grows to 48 px; the bars keep to a size that
            // leaves the page most of the window.
            cap_bar_text(ui);
            ui.add_space(4.0);
            // Two rows: where you are (the screens), then the tools.
            ui.horizontal_wrapped(|ui| self.screen_tabs(ui, &mut actions));
            ui.horizontal_wrapped(|ui| self.toolbar(ui, &mut actions));
            ui.add_space(4.0);
        });
        actions
    }

    fn menus(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let tr = self.tr();
        let settings = &self.ws.settings;
        // A menu entry of the command table, with its keys at the right.
        let entry = |ui: &mut egui::Ui, command: Command| {
            ui.add(egui::Button::new(command.label(tr)).shortcut_text(command.keys()))
        };
        // An exam from a file: nothing to open or import until it is in.
        let locked = self.exam.lock().is_some();
        ui.add_enabled_ui(!locked, |ui| {
            ui.menu_button(tr.menu_file, |ui| {
                if entry(ui, Command::Open)
                    .on_hover_text(Command::Open.explain(tr.open_tooltip))
                    .clicked()
                {
                    actions.push(Action::Run(Command::Open));
                }
                if entry(ui, Command::Paste).clicked() {
                    actions.push(Action::Run(Command::Paste));
                }
                ui.menu_button(tr.menu_recent, |ui| {
                    if settings.recent.is_empty() {
                        ui.label(tr.menu_recent_empty);
                    }
                    for path in &settings.recent {
                        let name = path.file_name().map_or_else(
                            || path.display().to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        );
                        if ui
                            .button(name)
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            actions.push(Action::Open(path.clone()));
                        }
                    }
                });
                if ui.button(tr.menu_open_bundled).clicked() {
                    actions.push(Action::OpenBundled);
                }
                ui.separator();
                if entry(ui, Command::Quit).clicked() {
                    actions.push(Action::Run(Command::Quit));
                }
            })
        });
        ui.menu_button(tr.menu_view, |ui| {
            ui.label(RichText::new(tr.theme_label).strong());
            for (theme, label) in [
                (Theme::System, tr.theme_system),
                (Theme::Light, tr.theme_light),
                (Theme::Dark, tr.theme_dark),
            ] {
                if ui.radio(settings.theme == theme, label).clicked() {
                    actions.push(Action::SetTheme(theme));
                }
            }
            ui.separator();
            for command in [
                Command::TextLarger,
                Command::TextSmaller,
                Command::TextReset,
            ] {
                if entry(ui, command).clicked() {
                    actions.push(Action::Run(command));
                }
            }
            ui.separator();
            let mut numbers = settings.show_paragraph_numbers;
            if ui.checkbox(&mut numbers, tr.show_numbers).changed() {
                actions.push(Action::SetShowNumbers(numbers));
            }
        });
        ui.menu_button(tr.menu_language, |ui| {
            for language in Language::ALL {
                if ui
                    .radio(settings.language == language, language.native_name())
                    .clicked()
                {
                    actions.push(Action::SetLanguage(language));
                }
            }
        });
    }

    /// The screens, and the buttons that belong to the one shown.
    fn screen_tabs(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let tr = self.tr();
        let shown = self.ws.screen;
        // During an exam from a file only its screen (and the reader, if
        // the file allows) is offered.
        let lock = self.exam.lock();
        for screen in Screen::ALL {
            if let Some(reading) = lock
                && !(screen == Screen::Exam || (reading && screen == Screen::Reader))
            {
                continue;
            }
            let command = Command::Show(screen);
            let tab =
                ui.selectable_label(shown == screen, RichText::new(command.label(tr)).strong());
            if tab.on_hover_text(command.keys()).clicked() {
                actions.push(Action::Run(command));
            }
        }
        if shown == Screen::Reader
            && self.practice.in_round()
            && ui
                .button(RichText::new(tr.practice_back_to_question).strong())
                .clicked()
        {
            actions.push(Action::ShowScreen(Screen::Practice));
        }
    }

    /// The tools: the key-point panel (in the reader), open a document,
    /// search, text size, theme, and making a question from the passage.
    fn toolbar(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let tr = self.tr();
        if self.ws.screen == Screen::Reader {
            let key_points = ui
                .selectable_label(self.ws.settings.show_key_points, tr.kp_button)
                .on_hover_text(Command::ToggleKeyPoints.explain(tr.kp_tooltip));
            if key_points.clicked() {
                actions.push(Action::Run(Command::ToggleKeyPoints));
            }
            ui.separator();
        }
        let lock = self.exam.lock();
        if lock.is_none() {
            if ui
                .button(format!("{} {}", icons::OPEN, tr.open_button_label))
                .on_hover_text(Command::Open.explain(tr.open_tooltip))
                .clicked()
            {
                actions.push(Action::Run(Command::Open));
            }
            ui.separator();
        }
        // Each group wraps as a whole, so a narrow window never splits a
        // label from its buttons.
        if lock.is_none_or(|reading| reading) {
            wrapping_group(ui, "search", |ui| self.search_field(ui, actions));
            ui.separator();
        }
        wrapping_group(ui, "text-size", |ui| {
            ui.label(tr.text_size_label);
            let size = self.ws.settings.text_size;
            let hint = |command: Command| command.with_keys(tr);
            if ui
                .button("A−")
                .on_hover_text(hint(Command::TextSmaller))
                .clicked()
            {
                actions.push(Action::Run(Command::TextSmaller));
            }
            ui.label(RichText::new(format!("{size:.0}")).strong())
                .on_hover_text(hint(Command::TextReset));
            if ui
                .button("A+")
                .on_hover_text(hint(Command::TextLarger))
                .clicked()
            {
                actions.push(Action::Run(Command::TextLarger));
            }
            let dark = ui.visuals().dark_mode;
            let (icon, next) = if dark {
                (icons::LIGHT, Theme::Light)
            } else {
                (icons::DARK, Theme::Dark)
            };
            if ui
                .button(icon)
                .on_hover_text(tr.theme_toggle_tooltip)
                .clicked()
            {
                actions.push(Action::SetTheme(next));
            }
        });
        if self.ws.screen == Screen::Reader
            && self.ws.passage_at(self.reader.focus()).is_some()
            && ui.button(tr.editor_from_passage).clicked()
        {
            actions.push(Action::QuestionFromPassage);
        }
    }

    /// "👤 Name": who is studying; one click switches to another learner.
    fn profile_menu(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let tr = self.tr();
        let studying = self.ws.profile();
        let label = match studying {
            Some(store) => format!("{} {}", icons::PERSON, store.name()),
            None => tr.profile_none.to_string(),
        };
        let current = self.ws.settings.profile.as_deref();
        ui.menu_button(RichText::new(label).strong(), |ui| {
            for p in &self.ws.profiles {
                let chosen = studying.is_some() && current == Some(p.slug.as_str());
                if ui.radio(chosen, &p.name).clicked() && !chosen {
                    actions.push(Action::ChooseProfile(p.slug.clone()));
                }
            }
            ui.separator();
            if ui.button(tr.profile_menu_new).clicked() {
                actions.push(Action::ShowProfilePicker);
            }
        })
        .response
        .on_hover_text(tr.profile_tooltip);
    }

    fn search_field(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let tr = self.tr();
        // Wide enough for a phrase, narrow enough that the toolbar fits on large text.
        let width = (ui.spacing().text_edit_width * 0.75).clamp(180.0, 340.0);
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut self.search_text)
                    // A fixed id: buttons that come and go before it must not
                    // take its keyboard focus away.
                    .id_salt("search-field")
                    .hint_text(format!("{} {}", icons::SEARCH, tr.search_hint))
                    .desired_width(width)
                    .return_key(None),
            )
            .on_hover_text(Command::Find.explain(tr.search_tooltip));
        if std::mem::take(&mut self.focus_search) {
            field.request_focus();
        }
        if field.changed() {
            actions.push(Action::Search(self.search_text.clone()));
        }
        if field.has_focus() {
            ui.input(|i| {
                if i.key_pressed(egui::Key::Enter) {
                    actions.push(if i.modifiers.shift {
                        Action::SearchPrevious
                    } else {
                        Action::SearchNext
                    });
                }
            });
        }
        let search = &self.ws.search;
        let has_hits = !search.hits.is_empty();
        if ui
            .add_enabled(has_hits, egui::Button::new(icons::PREVIOUS))
            .on_hover_text(tr.search_prev)
            .clicked()
        {
            actions.push(Action::SearchPrevious);
        }
        if ui
            .add_enabled(has_hits, egui::Button::new(icons::NEXT))
            .on_hover_text(tr.search_next)
            .clicked()
        {
            actions.push(Action::SearchNext);
        }
        if !search.query().trim().is_empty() {
            let count = match search.current {
                Some(c) => fill(
                    tr.search_count,
                    &[("current", &(c + 1)), ("total", &search.hits.len())],
                ),
                None => tr.search_none.to_string(),
            };
            let text = RichText::new(count).strong();
            if has_hits {
                ui.label(text);
            } else {
                ui.colored_label(ui.visuals().error_fg_color, text);
            }
            if ui
                .button(icons::CLEAR)
                .on_hover_text(tr.search_clear)
                .clicked()
            {
                actions.push(Action::ClearSearch);
            }
        }
    }

    pub(super) fn status_bar(&self, ui: &mut egui::Ui) {
        let tr = self.tr();
        let doc = &self.ws.doc;
        egui::Panel::bottom("status").show(ui, |ui| {
            cap_bar_text(ui);
            ui.horizontal(|ui| {
                let origin = match &doc.origin {
                    Origin::Bundled => tr.status_bundled.to_string(),
                    Origin::File(path) => path.display().to_string(),
                };
                let paragraphs = doc
                    .blocks
                    .iter()
                    .filter(|b| b.anchor.kind == crate::document::AnchorKind::Paragraph)
                    .count();
                ui.label(
                    RichText::new(format!(
                        "{origin}  ·  {}",
                        fill(tr.status_paragraphs, &[("n", &paragraphs)])
                    ))
                    .small(),
                );
            });
        });
    }

    /// "Đang mở «…»…" with a spinner while a document is being read.
    pub(super) fn opening_band(&self, ui: &mut egui::Ui) {
        let Some(path) = self.ws.opening() else {
            return;
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let text = fill(self.tr().opening_file, &[("name", &name)]);
        let palette = style::palette(ui.visuals().dark_mode);
        egui::Panel::top("opening").show(ui, |ui| {
            egui::Frame::new()
                .fill(palette.info_bg)
                .inner_margin(8.0)
                .corner_radius(4.0)
                .show(ui, |ui| {
                    // As wide as the notices beneath it.
                    ui.set_width(ui.available_width());
                    ui.horizontal(|ui| {
                        ui.add(egui::Spinner::new());
                        ui.label(RichText::new(text).color(palette.text).strong());
                    });
                });
        });
    }

    /// The notices about this screen (and the app as a whole), each with
    /// "Đóng"; information goes away by itself after a while.
    pub(super) fn notice_band(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let now = ui.input(|i| i.time);
        let screen = self.ws.screen;
        let notices = &mut self.ws.notices;
        // Information shown long enough leaves; errors stay until closed.
        notices.retain(|n| {
            !(n.is_for(screen)
                && n.kind == NoticeKind::Info
                && n.shown_at.is_some_and(|t| now - t > INFO_SECONDS))
        });
        if !notices.iter().any(|n| n.is_for(screen)) {
            return actions;
        }
        for n in notices.iter_mut().filter(|n| n.is_for(screen)) {
            n.shown_at.get_or_insert(now);
        }
        if notices
            .iter()
            .any(|n| n.is_for(screen) && n.kind == NoticeKind::Info)
        {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs(1));
        }
        let tr = self.ws.tr();
        let palette = style::palette(ui.visuals().dark_mode);
        let notices = &self.ws.notices;
        egui::Panel::top("notices").show(ui, |ui| {
            for (i, notice) in notices.iter().enumerate().filter(|(_, n)| n.is_for(screen)) {
                let fill_color = match notice.kind {
                    NoticeKind::Error => palette.error_bg,
                    NoticeKind::Info => palette.info_bg,
                };
                egui::Frame::new()
                    .fill(fill_color)
                    .inner_margin(8.0)
                    .corner_radius(4.0)
                    .show(ui, |ui| {
                        ui.horizontal_top(|ui| {
                            let icon = if notice.kind == NoticeKind::Error {
                                icons::WARNING
                            } else {
                                icons::INFO
                            };
                            ui.label(RichText::new(icon).strong());
                            // The text wraps at word boundaries in a column of
                            // its own, left-aligned (a justified layout here
                            // spread a short message letter by letter); the
                            // buttons keep their room at the right.
                            let buttons = if notice.folder.is_some() { 7.0 } else { 2.5 };
                            let close = ui.spacing().interact_size.x * buttons;
                            let width = (ui.available_width() - close).max(120.0);
                            ui.allocate_ui_with_layout(
                                egui::vec2(width, 0.0),
                                egui::Layout::top_down(egui::Align::Min),
                                |ui| {
                                    ui.set_width(width);
                                    ui.add(
                                        egui::Label::new(
                                            RichText::new(&notice.text).color(palette.text),
                                        )
                                        .wrap(),
                                    );
                                },
                            );
                            if let Some(folder) = &notice.folder
                                && ui
                                    .button(format!("{} {}", icons::OPEN_BOOK, tr.open_folder))
                                    .clicked()
                            {
                                actions.push(Action::OpenFolder(folder.clone()));
                            }
                            if ui.button(tr.close).clicked() {
                                actions.push(Action::DismissNotice(i));
                            }
                        });
                    });
                ui.add_space(4.0);
            }
        });
        actions
    }

    /// What is drawn over everything: the drop hint while a file is
    /// dragged over the window, and the focus ring. A file dropped this
    /// frame is opened.
    pub(super) fn overlays(&self, ctx: &egui::Context) -> Option<Action> {
        self.drop_overlay(ctx);
        focus_ring(ctx);
        dropped_file(ctx).map(Action::Open)
    }

    /// "Drop the file here" over the whole window while a file is dragged.
    fn drop_overlay(&self, ctx: &egui::Context) {
        if ctx.input(|i| i.raw.hovered_files.is_empty()) {
            return;
        }
        let rect = ctx.content_rect();
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("drop"),
        ));
        let dark = ctx.global_style().visuals.dark_mode;
        painter.rect_filled(rect, 0.0, reader::overlay_color(dark));
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            self.tr().drop_hint,
            egui::FontId::proportional(self.ws.settings.text_size * 1.5),
            style::palette(dark).text,
        );
    }
}

/// Widgets that wrap as one in a wrapped row: the group goes to the next
/// row when the width it took last frame does not fit what is left of this
/// one (egui wraps single widgets, not groups). At the largest text size
/// the text-size buttons once ran off the right edge of a 1000-pixel window.
fn wrapping_group<R>(ui: &mut egui::Ui, name: &str, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let key = ui.scope_id().with(("wrapping-group", name));
    let last: Option<f32> = ui.data(|d| d.get_temp(key));
    let at_row_start = ui.cursor().min.x <= ui.max_rect().min.x + 1.0;
    // In a wrapped row, what is left is up to the right edge (available
    // width is the whole row's).
    let left = ui.max_rect().right() - ui.cursor().min.x;
    if last.is_some_and(|width| width > left) && !at_row_start {
        ui.end_row();
    }
    // The width its widgets took, even where they ran past the edge.
    let (inner, width) = ui
        .horizontal(|ui| {
            let inner = add(ui);
            (inner, ui.min_rect().width())
        })
        .inner;
    ui.data_mut(|d| d.insert_temp(key, width));
    if last != Some(width) {
        ui.ctx().request_discard("a toolbar group changed width");
    }
    inner
}

/// A thick ring around the widget that has the keyboard focus, so someone
/// using Tab always sees where they are (egui's own cue is faint).
fn focus_ring(ctx: &egui::Context) {
    let Some(response) = ctx
        .memory(|m| m.focused())
        .and_then(|id| ctx.read_response(id))
    else {
        return;
    };
    let color = style::palette(ctx.global_style().visuals.dark_mode).selection;
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("focus-ring"),
    ));
    // The visible part of the widget (a field scrolled half out of view is
    // ringed where it shows).
    let visible = response.interact_rect;
    if !visible.is_positive() {
        return;
    }
    painter.rect_stroke(
        visible.expand(2.0),
        4.0,
        egui::Stroke::new(3.0, color),
        egui::StrokeKind::Outside,
    );
}

/// A file dropped on the window this frame.
fn dropped_file(ctx: &egui::Context) -> Option<PathBuf> {
    ctx.input(|i| {
        i.raw.dropped_files.iter().find_map(|f| {
            Some(f.path())
                .filter(|p| !p.as_os_str().is_empty())
                .map(PathBuf::from)
        })
    })
}
