//! What every screen draws with: the interface language, the text size
//! the user chose, the colours of the theme, and spacing that grows with
//! the text. One value, handed to every screen and widget, instead of a
//! copy of each in every screen's input.

use super::style::{self, Palette};
use crate::i18n::Strings;
use crate::settings::Settings;

#[derive(Clone, Copy)]
pub struct Look {
    pub tr: &'static Strings,
    /// The body text size, in points.
    pub text_size: f32,
    pub palette: Palette,
}

impl Look {
    pub fn new(settings: &Settings, dark: bool) -> Look {
        Look {
            tr: settings.language.strings(),
            text_size: settings.text_size,
            palette: style::palette(dark),
        }
    }

    /// A length of `k` text sizes: spaces, widths and margins scale with
    /// the text, so the largest text size keeps the same proportions.
    pub fn em(&self, k: f32) -> f32 {
        self.text_size * k
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_grow_with_the_text() {
        let mut settings = Settings::default();
        settings.set_text_size(20.0);
        let small = Look::new(&settings, false);
        settings.set_text_size(30.0);
        let large = Look::new(&settings, true);
        assert_eq!(small.em(2.0), 40.0);
        assert_eq!(large.em(2.0), 60.0);
        assert_ne!(
            large.palette.page, small.palette.page,
            "dark and light differ"
        );
    }
}
