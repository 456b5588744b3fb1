//! The progress screen: due, new and learned questions, a streak, answers
//! per day, the weakest key points with "practise these", mastery per set
//! and per key point, FSRS fitting, export and import, and backups.

use std::path::PathBuf;

use egui::{Color32, RichText};

use super::Action;
use super::icons;
use super::style::Palette;
use crate::i18n::{Strings, fill};
use crate::keypoints::KeyPoint;
use crate::progress::Backup;
use crate::progress::clock::{Clock, format_day, format_local};
use crate::progress::mastery::{Level, Mastery};
use crate::progress::overview::Overview;
use crate::progress::schedule::FIT_FROM;

/// What the screen needs from the app for one frame.
pub struct ProgressInput<'a> {
    /// The learner's name and how many answers the FSRS parameters were
    /// fitted on (0: the defaults); `None` when no learner is chosen.
    pub profile: Option<(&'a str, usize)>,
    pub overview: Option<&'a Overview>,
    pub points: &'a [KeyPoint],
    pub backups: &'a [Backup],
    pub fitting: bool,
    pub clock: Clock,
    /// Language, text size, colours.
    pub look: super::look::Look,
}

#[derive(Default)]
pub struct ProgressScreen {
    /// A backup the user asked to restore, awaiting confirmation.
    confirm_restore: Option<(PathBuf, crate::calendar::Millis)>,
}

/// The colour and words of a mastery level.
pub fn level_look(level: Level, palette: &Palette, tr: &Strings) -> (Color32, &'static str) {
    match level {
        Level::Unseen => (palette.muted, tr.level_unseen),
        Level::Weak => (palette.wrong, tr.level_weak),
        Level::Learning => (palette.warning, tr.level_learning),
        Level::Strong => (palette.right, tr.level_strong),
    }
}

/// A round mark the size of a capital letter: filled in the level's colour,
/// or a ring for "not studied". Screen readers (and tests) read its level.
pub fn level_mark(
    ui: &mut egui::Ui,
    level: Level,
    palette: &Palette,
    tr: &Strings,
) -> egui::Response {
    let (color, words) = level_look(level, palette, tr);
    let size = ui.text_style_height(&egui::TextStyle::Body);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    let radius = size * 0.32;
    if level == Level::Unseen {
        ui.painter()
            .circle_stroke(rect.center(), radius, egui::Stroke::new(2.0, color));
    } else {
        ui.painter().circle_filled(rect.center(), radius, color);
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, words));
    response
}

fn percent(score: Option<f32>) -> String {
    score.map_or_else(|| "—".to_string(), |s| format!("{:.0}%", s * 100.0))
}

impl ProgressScreen {
    pub fn ui(&mut self, ui: &mut egui::Ui, input: &ProgressInput<'_>) -> Vec<Action> {
        let mut actions = Vec::new();
        let tr = input.look.tr;
        self.confirm(ui.ctx(), input, &mut actions);
        egui::ScrollArea::vertical()
            .id_salt("progress")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let width = (input.look.em(40.0)).min(ui.available_width());
                ui.vertical_centered(|ui| {
                    ui.set_max_width(width);
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        let (Some((name, fitted_on)), Some(overview)) =
                            (input.profile, input.overview)
                        else {
                            ui.add_space(input.look.text_size);
                            ui.label(
                                RichText::new(tr.progress_no_profile).size(input.look.em(1.1)),
                            );
                            ui.add_space(input.look.em(0.5));
                            if ui
                                .button(
                                    RichText::new(format!(
                                        "{} {}",
                                        icons::PERSON,
                                        tr.progress_choose_profile
                                    ))
                                    .strong(),
                                )
                                .clicked()
                            {
                                actions.push(Action::ShowProfilePicker);
                            }
                            return;
                        };
                        self.content(ui, input, name, fitted_on, overview, &mut actions);
                    });
                });
            });
        actions
    }

    fn content(
        &mut self,
        ui: &mut egui::Ui,
        input: &ProgressInput<'_>,
        name: &str,
        fitted_on: usize,
        o: &Overview,
        actions: &mut Vec<Action>,
    ) {
        let tr = input.look.tr;
        let look = &input.look;
        ui.add_space(look.em(0.5));
        ui.heading(fill(tr.progress_title, &[("name", &name)]));
        ui.add_space(look.em(0.3));

        // Due, new, learned — the numbers that matter today.
        ui.horizontal_wrapped(|ui| {
            for (label, n, color) in [
                (tr.progress_due, o.counts.due, input.look.palette.accent),
                (tr.progress_new, o.counts.new, input.look.palette.selection),
                (
                    tr.progress_learned,
                    o.counts.learned,
                    input.look.palette.right,
                ),
            ] {
                egui::Frame::group(ui.style())
                    .inner_margin(look.em(0.5))
                    .show(ui, |ui| {
                        ui.set_min_width(look.em(6.0));
                        ui.vertical(|ui| {
                            ui.label(
                                RichText::new(n.to_string())
                                    .size(look.em(1.8))
                                    .strong()
                                    .color(color),
                            );
                            ui.label(label);
                        });
                    });
            }
        });
        ui.add_space(look.em(0.3));
        let right_percent = (o.right * 100 + o.answers / 2)
            .checked_div(o.answers)
            .unwrap_or(0);
        ui.label(
            RichText::new(format!(
                "{}  ·  {}",
                fill(tr.progress_streak, &[("n", &o.streak)]),
                fill(
                    tr.progress_total,
                    &[("n", &o.answers), ("percent", &right_percent)]
                )
            ))
            .strong(),
        );
        ui.add_space(look.em(0.3));
        let review = ui.add_enabled(
            o.todays_review > 0,
            egui::Button::new(
                RichText::new(format!(
                    "{} {}",
                    icons::REVIEW,
                    fill(tr.review_start, &[("n", &o.todays_review)])
                ))
                .strong(),
            ),
        );
        if review.clicked() {
            actions.push(Action::StartReview);
        }
        if o.todays_review == 0 {
            ui.label(RichText::new(tr.review_nothing).weak());
        }

        section(ui, look, tr.progress_plot_title);
        answers_plot(ui, input, o);

        section(ui, look, tr.progress_weakest);
        let weak: Vec<_> = o
            .weakest
            .iter()
            .filter(|p| p.mastery.level() != Level::Strong)
            .take(5)
            .collect();
        if weak.is_empty() {
            ui.label(tr.progress_weakest_none);
        } else {
            for standing in &weak {
                if let Some(point) = input.points.get(standing.point) {
                    point_row(ui, input, point, &standing.mastery, actions);
                }
            }
            ui.add_space(look.em(0.3));
            if ui
                .button(
                    RichText::new(format!("{} {}", icons::START, tr.progress_practise_these))
                        .strong(),
                )
                .clicked()
            {
                actions.push(Action::PracticePoints(
                    weak.iter().map(|p| p.point).collect(),
                ));
            }
        }

        section(ui, look, tr.progress_by_set);
        for (title, mastery) in &o.sets {
            ui.horizontal_wrapped(|ui| {
                mark(ui, input, mastery);
                ui.label(RichText::new(title).strong());
                ui.label(fill(
                    tr.progress_met,
                    &[("met", &mastery.met), ("total", &mastery.total)],
                ));
            });
            // Known share of the whole set: questions not met yet count as unknown.
            let known =
                mastery.score.unwrap_or(0.0) * mastery.met as f32 / mastery.total.max(1) as f32;
            ui.add(
                egui::ProgressBar::new(known)
                    .text(RichText::new(percent(Some(known))).strong())
                    .desired_height(look.em(1.1)),
            );
            ui.add_space(look.em(0.2));
        }

        let met = o.weakest.len();
        egui::CollapsingHeader::new(
            RichText::new(fill(tr.progress_by_point, &[("n", &met)])).strong(),
        )
        .id_salt("by-point")
        .show(ui, |ui| {
            let mut by_order = o.weakest.clone();
            by_order.sort_by_key(|p| p.point);
            for standing in &by_order {
                if let Some(point) = input.points.get(standing.point) {
                    point_row(ui, input, point, &standing.mastery, actions);
                }
            }
        });

        section(ui, look, tr.progress_fsrs_title);
        ui.label(if fitted_on > 0 {
            fill(tr.progress_fsrs_fitted, &[("n", &fitted_on)])
        } else {
            tr.progress_fsrs_default.to_string()
        });
        if input.fitting {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr.progress_fit_running);
            });
        } else if o.answers < FIT_FROM {
            ui.label(
                RichText::new(fill(
                    tr.progress_fit_need,
                    &[("need", &FIT_FROM), ("n", &o.answers)],
                ))
                .weak(),
            );
        } else if ui.button(tr.progress_fit).clicked() {
            actions.push(Action::FitParameters);
        }

        section(ui, look, tr.progress_data_title);
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(format!("{} {}", icons::EXPORT, tr.progress_export))
                .clicked()
            {
                actions.push(Action::ExportProgress);
            }
            if ui
                .button(format!("{} {}", icons::OPEN, tr.progress_import))
                .clicked()
            {
                actions.push(Action::ShowImportDialog);
            }
        });
        ui.add_space(look.em(0.3));
        egui::CollapsingHeader::new(fill(tr.progress_backups, &[("n", &input.backups.len())]))
            .id_salt("backups")
            .show(ui, |ui| {
                for b in input.backups {
                    ui.horizontal(|ui| {
                        ui.label(format_local(&input.clock, b.at));
                        if ui.button(tr.progress_restore).clicked() {
                            self.confirm_restore = Some((b.path.clone(), b.at));
                        }
                    });
                }
            });
        ui.add_space(look.em(1.0));
    }

    fn confirm(
        &mut self,
        ctx: &egui::Context,
        input: &ProgressInput<'_>,
        actions: &mut Vec<Action>,
    ) {
        let Some((path, at)) = self.confirm_restore.clone() else {
            return;
        };
        let tr = input.look.tr;
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("confirm-restore")).show(ctx, |ui| {
            ui.set_max_width(input.look.em(28.0));
            let time = format_local(&input.clock, at);
            ui.label(fill(tr.progress_restore_confirm, &[("time", &time)]));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui
                    .button(RichText::new(tr.progress_restore).strong())
                    .clicked()
                {
                    actions.push(Action::RestoreBackup(path.clone()));
                    close = true;
                }
                if ui.button(tr.cancel).clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            self.confirm_restore = None;
        }
    }
}

fn section(ui: &mut egui::Ui, look: &super::look::Look, title: &str) {
    ui.add_space(look.em(0.6));
    ui.separator();
    ui.label(RichText::new(title).size(look.em(1.1)).strong());
    ui.add_space(look.em(0.2));
}

/// A coloured mark with the level in words beside it on hover.
fn mark(ui: &mut egui::Ui, input: &ProgressInput<'_>, mastery: &Mastery) {
    let (_, words) = level_look(mastery.level(), &input.look.palette, input.look.tr);
    level_mark(ui, mastery.level(), &input.look.palette, input.look.tr).on_hover_text(format!(
        "{words} · {}",
        fill(
            input.look.tr.progress_known,
            &[("percent", &percent(mastery.score))]
        )
    ));
}

fn point_row(
    ui: &mut egui::Ui,
    input: &ProgressInput<'_>,
    point: &KeyPoint,
    mastery: &Mastery,
    actions: &mut Vec<Action>,
) {
    let tr = input.look.tr;
    ui.horizontal_wrapped(|ui| {
        let (color, words) = level_look(mastery.level(), &input.look.palette, tr);
        level_mark(ui, mastery.level(), &input.look.palette, tr);
        ui.label(
            // "Cần ôn · nắm được 0%": the share known, never read as the
            // share left to review.
            RichText::new(format!(
                "{words} · {}",
                fill(tr.progress_known, &[("percent", &percent(mastery.score))])
            ))
            .color(color)
            .strong(),
        );
        let link = ui
            .link(point.summary())
            .on_hover_text(tr.practice_show_in_text);
        if link.clicked() {
            actions.push(Action::ShowKeyPoint(point.block, point.range.clone()));
        }
        ui.label(
            RichText::new(fill(
                tr.progress_met,
                &[("met", &mastery.met), ("total", &mastery.total)],
            ))
            .weak(),
        );
    });
}

/// Right and not-right answers per day, stacked.
fn answers_plot(ui: &mut egui::Ui, input: &ProgressInput<'_>, o: &Overview) {
    use egui_plot::{Bar, BarChart, Corner, Legend, Plot};
    let tr = input.look.tr;
    let first = o.per_day.first().map_or(0, |d| d.0);
    let (right_color, wrong_color) = (input.look.palette.right, input.look.palette.wrong);
    let bar = |day: i64, n: usize, color| {
        Bar::new((day - first) as f64, n as f64)
            .width(0.7)
            .fill(color)
    };
    let right: Vec<Bar> = o
        .per_day
        .iter()
        .map(|&(d, r, _)| bar(d, r, right_color))
        .collect();
    let wrong: Vec<Bar> = o
        .per_day
        .iter()
        .map(|&(d, _, w)| bar(d, w, wrong_color))
        .collect();
    let right = BarChart::new(tr.progress_plot_right, right).color(input.look.palette.right);
    let wrong = BarChart::new(tr.progress_plot_wrong, wrong)
        .color(input.look.palette.wrong)
        .stack_on(&[&right]);
    let most = o
        .per_day
        .iter()
        .map(|d| d.1 + d.2)
        .max()
        .unwrap_or(0)
        .max(5);
    Plot::new("answers-per-day")
        .height(input.look.em(9.0))
        // Top left: the newest days, on the right, have the bars that matter.
        .legend(Legend::default().position(Corner::LeftTop))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .include_y(0.0)
        // Headroom, so the legend never covers a bar.
        .include_y(most as f64 * 1.45)
        .x_axis_formatter(move |mark, _| {
            let x = mark.value.round();
            if (mark.value - x).abs() < 1e-6 {
                format_day(first + x as i64)
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            plot.bar_chart(right);
            plot.bar_chart(wrong);
        });
}
