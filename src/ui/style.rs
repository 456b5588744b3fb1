//! Look and size: high-contrast colours for both themes, and an interface that
//! grows with the chosen text size (older readers get big buttons too).

use egui::{Color32, FontFamily, FontId, Stroke, TextStyle, ThemePreference, Vec2};

use crate::settings::{Settings, Theme};

/// Colours the reader paints itself; widgets use egui's visuals, tuned below.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub text: Color32,
    pub muted: Color32,
    pub page: Color32,
    pub hit: Color32,
    pub current_hit: Color32,
    pub accent: Color32,
    /// Keyboard focus and selected controls.
    pub selection: Color32,
    pub error_bg: Color32,
    pub info_bg: Color32,
    /// A passage the reader was sent to (from a question).
    pub focus: Color32,
    pub right: Color32,
    pub wrong: Color32,
    pub warning: Color32,
    pub feedback_bg: Color32,
}

pub fn palette(dark: bool) -> Palette {
    if dark {
        Palette {
            text: Color32::from_rgb(0xEE, 0xEE, 0xEA),
            muted: Color32::from_rgb(0xB4, 0xB4, 0xAE),
            page: Color32::from_rgb(0x16, 0x16, 0x18),
            hit: Color32::from_rgb(0x6B, 0x55, 0x00),
            current_hit: Color32::from_rgb(0xC0, 0x50, 0x00),
            accent: Color32::from_rgb(0xF0, 0x6C, 0x5C),
            selection: Color32::from_rgb(0x8A, 0xB4, 0xF8),
            error_bg: Color32::from_rgb(0x5A, 0x16, 0x16),
            info_bg: Color32::from_rgb(0x1C, 0x3A, 0x5A),
            focus: Color32::from_rgb(0x1F, 0x4E, 0x3A),
            right: Color32::from_rgb(0x6F, 0xD0, 0x8C),
            wrong: Color32::from_rgb(0xFF, 0x7B, 0x72),
            warning: Color32::from_rgb(0xE3, 0xB3, 0x41),
            feedback_bg: Color32::from_rgb(0x22, 0x24, 0x28),
        }
    } else {
        Palette {
            text: Color32::from_rgb(0x11, 0x11, 0x11),
            muted: Color32::from_rgb(0x4A, 0x4A, 0x4A),
            page: Color32::from_rgb(0xFF, 0xFF, 0xFD),
            hit: Color32::from_rgb(0xFF, 0xE8, 0x6B),
            current_hit: Color32::from_rgb(0xFF, 0x9A, 0x3C),
            accent: Color32::from_rgb(0xB0, 0x1E, 0x1E),
            selection: Color32::from_rgb(0x0B, 0x57, 0xD0),
            error_bg: Color32::from_rgb(0xFD, 0xE2, 0xE0),
            info_bg: Color32::from_rgb(0xE2, 0xEE, 0xFB),
            focus: Color32::from_rgb(0xBF, 0xE8, 0xC9),
            right: Color32::from_rgb(0x1A, 0x7F, 0x37),
            wrong: Color32::from_rgb(0xB3, 0x1D, 0x1D),
            warning: Color32::from_rgb(0x9A, 0x67, 0x00),
            feedback_bg: Color32::from_rgb(0xF6, 0xF6, 0xF2),
        }
    }
}

/// The largest interface text in the bars for finding one's way (menus,
/// tabs, tools, status, the exam's bar): at the largest text sizes they
/// would otherwise take half the window from the page itself.
pub const BAR_TEXT_CAP: f32 = 26.0;

/// Caps a bar's text at [`BAR_TEXT_CAP`], its buttons and gaps with it.
pub fn cap_bar_text(ui: &mut egui::Ui) {
    let cap = BAR_TEXT_CAP;
    let body = ui.style().text_styles[&TextStyle::Body].size;
    if body <= cap {
        return;
    }
    let ratio = cap / body;
    for (_, font) in ui.style_mut().text_styles.iter_mut() {
        font.size *= ratio;
    }
    let spacing = ui.spacing_mut();
    spacing.button_padding = Vec2::new(cap * 0.35, cap * 0.2);
    spacing.interact_size = Vec2::new(cap * 2.5, cap * 1.5);
    spacing.item_spacing = Vec2::new(cap * 0.4, cap * 0.3);
    spacing.icon_width = cap * 0.9;
    spacing.icon_width_inner = cap * 0.5;
}

/// Interface text size for a given reading text size.
pub fn ui_text_size(reading: f32) -> f32 {
    (reading * 0.82).clamp(14.0, 36.0)
}

/// Applies theme, sizes and colours. Called at start and whenever the text
/// size or theme changes — never every frame.
pub fn apply(ctx: &egui::Context, settings: &Settings) {
    // "Follow the system" is light where the system states no preference:
    // the users' habit (paper, office documents), and what the README shows.
    ctx.options_mut(|o| o.fallback_theme = egui::Theme::Light);
    ctx.set_theme(match settings.theme {
        Theme::System => ThemePreference::System,
        Theme::Light => ThemePreference::Light,
        Theme::Dark => ThemePreference::Dark,
    });
    let size = ui_text_size(settings.text_size);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(size * 0.8, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(size, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(size, FontFamily::Proportional),
            ),
            (
                TextStyle::Heading,
                FontId::new(size * 1.3, super::fonts::bold()),
            ),
            (
                TextStyle::Monospace,
                FontId::new(size * 0.9, FontFamily::Monospace),
            ),
        ]
        .into();
        let s = &mut style.spacing;
        s.button_padding = Vec2::new(size * 0.55, size * 0.3);
        s.item_spacing = Vec2::new(size * 0.5, size * 0.4);
        s.interact_size = Vec2::new(size * 2.5, size * 1.6);
        s.icon_width = size * 0.9;
        s.icon_width_inner = size * 0.5;
        s.text_edit_width = size * 14.0;
        s.menu_margin = egui::Margin::same((size * 0.4) as i8);

        let dark = style.visuals.dark_mode;
        let p = palette(dark);
        let v = &mut style.visuals;
        v.override_text_color = None;
        v.widgets.noninteractive.fg_stroke = Stroke::new(1.0, p.text);
        v.widgets.inactive.fg_stroke = Stroke::new(1.5, p.text);
        v.widgets.hovered.fg_stroke = Stroke::new(2.0, p.text);
        v.widgets.active.fg_stroke = Stroke::new(2.0, p.text);
        v.widgets.inactive.bg_stroke = Stroke::new(1.0, p.muted);
        v.weak_text_color = Some(p.muted);
        // A clearly visible keyboard-focus ring.
        v.selection.stroke = Stroke::new(2.5, p.selection);
        v.extreme_bg_color = p.page;
    });
}

/// The colours of the letters A–H, background and text, as on the phones
/// (`classroom/live/page/app.css`, classes c0–c7): the same answer has the
/// same colour in the room and in the hand.
pub(super) const LETTER_COLOURS: [(u32, u32); 8] = [
    (0xc62828, 0xffffff),
    (0x1565c0, 0xffffff),
    (0xf9a825, 0x000000),
    (0x2e7d32, 0xffffff),
    (0x6a1b9a, 0xffffff),
    (0x00838f, 0xffffff),
    (0xad1457, 0xffffff),
    (0x4e342e, 0xffffff),
];

fn rgb(hex: u32) -> Color32 {
    Color32::from_rgb((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

/// The colours of the letter at `pos`: (background, text).
pub(super) fn letter_colour(pos: usize) -> (Color32, Color32) {
    let (back, front) = LETTER_COLOURS[pos % LETTER_COLOURS.len()];
    (rgb(back), rgb(front))
}

#[cfg(test)]
mod tests {
    use super::LETTER_COLOURS;

    #[test]
    fn the_phones_letters_have_the_projectors_colours() {
        let css = include_str!("../classroom/live/page/app.css");
        for (i, (back, front)) in LETTER_COLOURS.iter().enumerate() {
            let rule = format!(".c{i}{{background:#{back:06x}");
            assert!(css.contains(&rule), "{rule} missing from app.css");
            if *front == 0 {
                assert!(css.contains(&format!("{rule};color:#000}}")), "c{i} text");
            }
        }
    }
}
