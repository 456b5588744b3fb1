//! The bundled Noto Sans fonts, which cover every Vietnamese letter, so the app
//! reads correctly on a machine with no fonts installed.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Italic.ttf");

/// The family used for titles and headings.
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// The family used for photo captions.
pub fn italic() -> FontFamily {
    FontFamily::Name("italic".into())
}

/// egui's fonts with Noto Sans first in every family; egui's own fonts stay
/// as fallbacks for symbols and emoji used in buttons.
fn tweak() -> egui::FontTweak {
    egui::FontTweak {
        hinting: Some(false),
        subpixel_binning: Some(false),
        ..Default::default()
    }
}

pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in [
        ("noto-regular", REGULAR),
        ("noto-bold", BOLD),
        ("noto-italic", ITALIC),
    ] {
        fonts.font_data.insert(
            name.to_string(),
            Arc::new(FontData::from_static(bytes).tweak(tweak())),
        );
    }
    let fallbacks = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let with_fallbacks = |first: &str| {
        let mut list = vec![first.to_string()];
        list.extend(fallbacks.iter().cloned());
        list
    };
    fonts
        .families
        .insert(FontFamily::Proportional, with_fallbacks("noto-regular"));
    fonts.families.insert(bold(), with_fallbacks("noto-bold"));
    fonts
        .families
        .insert(italic(), with_fallbacks("noto-italic"));
    // Monospace keeps its own font first but falls back to Noto for Vietnamese.
    if let Some(mono) = fonts.families.get_mut(&FontFamily::Monospace) {
        mono.insert(1.min(mono.len()), "noto-regular".to_string());
    }
    fonts
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::FontId;

    /// A context whose font system is loaded with `fonts`.
    fn context_with(fonts: FontDefinitions) -> egui::Context {
        let ctx = egui::Context::default();
        ctx.set_fonts(fonts);
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        ctx
    }

    /// The 134 precomposed Vietnamese vowels with tone marks (67 per case),
    /// the marked vowels without tone (ă â ê ô ơ ư), and đ/Đ.
    fn vietnamese_letters() -> Vec<char> {
        let bases = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
        let tones = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];
        let mut letters = Vec::new();
        for base in bases {
            for upper in [false, true] {
                let b = if upper {
                    base.to_uppercase()
                } else {
                    base.to_string()
                };
                letters.extend(b.chars());
                for tone in tones {
                    let composed = crate::text::nfc(&format!("{b}{tone}")).into_owned();
                    assert_eq!(
                        composed.chars().count(),
                        1,
                        "{b}+{tone:?} has no precomposed form"
                    );
                    letters.extend(composed.chars());
                }
            }
        }
        letters.extend(['đ', 'Đ']);
        letters
    }

    #[test]
    fn there_are_134_toned_letters_and_all_are_distinct() {
        let letters = vietnamese_letters();
        let toned = letters
            .iter()
            .filter(|c| crate::text::has_marks(&c.to_string()))
            .count();
        // 120 toned vowels + 12 toneless marked vowels (ă â ê ô ơ ư ×2) + đ Đ
        assert_eq!(toned, 120 + 12 + 2);
        let distinct: std::collections::HashSet<_> = letters.iter().collect();
        assert_eq!(distinct.len(), letters.len());
    }

    #[test]
    fn every_family_the_app_uses_has_every_vietnamese_letter() {
        let ctx = context_with(definitions());
        let letters = vietnamese_letters();
        for family in [
            FontFamily::Proportional,
            FontFamily::Monospace,
            bold(),
            italic(),
        ] {
            let font = FontId::new(20.0, family.clone());
            let missing: String = letters
                .iter()
                .filter(|&&c| !ctx.fonts_mut(|f| f.has_glyph(&font, c)))
                .collect();
            assert!(missing.is_empty(), "{family:?} lacks {missing}");
        }
    }

    #[test]
    fn every_icon_on_a_button_can_be_drawn() {
        let ctx = context_with(definitions());
        let font = FontId::proportional(20.0);
        // Every `pub const` in icons.rs must be in the list.
        let declared = include_str!("icons.rs").matches("pub const ").count() - 1;
        assert_eq!(
            crate::ui::icons::ALL.len(),
            declared,
            "icons::ALL misses a symbol"
        );
        for icon in crate::ui::icons::ALL {
            assert!(
                ctx.fonts_mut(|f| f.has_glyphs(&font, icon)),
                "no glyph for {icon}"
            );
        }
    }

    #[test]
    fn every_interface_string_can_be_drawn_in_both_languages() {
        let ctx = context_with(definitions());
        let font = FontId::proportional(20.0);
        for language in crate::i18n::Language::ALL {
            for (key, text) in language.strings().entries() {
                let missing: String = text
                    .chars()
                    .filter(|&c| !c.is_whitespace() && !ctx.fonts_mut(|f| f.has_glyph(&font, c)))
                    .collect();
                assert!(
                    missing.is_empty(),
                    "{language:?} {key}: no glyph for {missing:?}"
                );
            }
        }
    }

    #[test]
    fn noto_itself_covers_vietnamese_without_fallbacks() {
        // Only our font in the family: proves coverage is ours, not a fallback's.
        let mut only_noto = definitions();
        only_noto
            .families
            .insert(FontFamily::Proportional, vec!["noto-regular".to_string()]);
        let ctx = context_with(only_noto);
        let font = FontId::proportional(20.0);
        let all: String = vietnamese_letters().into_iter().collect();
        assert!(ctx.fonts_mut(|f| f.has_glyphs(&font, &all)));
        // …and the check can fail: Noto Sans has no Chinese characters.
        assert!(!ctx.fonts_mut(|f| f.has_glyph(&font, '漢')));
    }
}
