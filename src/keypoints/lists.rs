//! Numbered lists across paragraphs: "1. … 2. … 3.", "a) … b) …", "Thứ
//! nhất, … Thứ hai, …", "(1) … (2) …" under an introduction ending in ":"
//! or a heading — how many items the list has, and what each one is.
//! One pass over the blocks.

use super::{Detail, KeyPoint};
use crate::document::{BlockKind, Document};

/// The Vietnamese alphabet as lists letter their items ("đ" comes after "d").
const LETTERS: &[&str] = &[
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

const ORDINALS: &[&str] = &[
    "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười",
];

/// The longest an item's title may be to be shown as a choice.
pub const MAX_TITLE_WORDS: usize = 14;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Family {
    Number,
    Letter,
    Ordinal,
    Bracket,
}

/// The list marker a paragraph starts with: its family, its place (1-based)
/// and the byte length of the marker.
fn marker(text: &str) -> Option<(Family, usize, usize)> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if (1..=2).contains(&digits.len()) {
        let rest = &text[digits.len()..];
        if rest.starts_with(". ") || rest.starts_with(") ") {
            return Some((Family::Number, digits.parse().ok()?, digits.len() + 2));
        }
    }
    if let Some(rest) = text.strip_prefix('(') {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if (1..=2).contains(&digits.len()) && rest[digits.len()..].starts_with(") ") {
            return Some((Family::Bracket, digits.parse().ok()?, digits.len() + 3));
        }
    }
    let first: String = text.chars().take(1).collect();
    if let Some(k) = LETTERS.iter().position(|l| *l == first) {
        let rest = &text[first.len()..];
        if rest.starts_with(") ") {
            return Some((Family::Letter, k + 1, first.len() + 2));
        }
    }
    let lower = text.get(..text.len().min(24))?.to_lowercase();
    if let Some(rest) = lower.strip_prefix("thứ ") {
        for (k, o) in ORDINALS.iter().enumerate() {
            if let Some(after) = rest.strip_prefix(o)
                && after.starts_with([',', ':', ' '])
            {
                let len = "thứ ".len() + o.len() + 1;
                return Some((Family::Ordinal, k + 1, len.min(text.len())));
            }
        }
    }
    None
}

/// An item's title: its words up to the first ":", "." or ";", when that is
/// short enough to show as a choice (a title cut short would be a fragment).
fn title(item: &str) -> Option<String> {
    let end = item.find([':', ';', '.']).unwrap_or(item.len());
    let t = item[..end].trim();
    let words = t.split_whitespace().count();
    ((2..=MAX_TITLE_WORDS).contains(&words)).then(|| t.to_string())
}

/// A heading without its number: "IV. TỔ CHỨC" → "TỔ CHỨC", "Điều 2. Nguyên
/// tắc" → "Nguyên tắc".
fn without_number(text: &str) -> &str {
    let mut rest = text.trim();
    if let Some(r) = rest
        .strip_prefix("Điều ")
        .or_else(|| rest.strip_prefix("Chương "))
    {
        rest = r;
    }
    let marker = rest.split_whitespace().next().filter(|w| {
        w.ends_with(['.', ')'])
            && w.trim_end_matches(['.', ')'])
                .chars()
                .all(|c| c.is_ascii_digit() || "IVXLC".contains(c))
    });
    match marker {
        Some(m) => rest[m.len()..].trim_start(),
        None => text.trim(),
    }
}

struct Run {
    family: Family,
    intro: usize,
    items: Vec<usize>,
}

/// The lists of the document, each as a key point on its introduction.
pub(super) fn lists(doc: &Document) -> Vec<KeyPoint> {
    let mut out = Vec::new();
    let mut open: Vec<Run> = Vec::new();
    for (b, block) in doc.blocks.iter().enumerate() {
        let found = marker(&block.text);
        // A heading closes every list under it.
        if matches!(block.kind, BlockKind::Heading(_)) && found.is_none() {
            finish(doc, open.drain(..), &mut out);
        }
        let Some((family, place, _)) = found else {
            continue;
        };
        if let Some(i) = open.iter().position(|r| r.family == family) {
            if place == open[i].items.len() + 1 {
                open[i].items.push(b);
                continue;
            }
            let run = open.remove(i);
            finish(doc, std::iter::once(run), &mut out);
        }
        if place == 1 && b > 0 {
            let intro = &doc.blocks[b - 1];
            let introduces =
                intro.text.trim_end().ends_with(':') || matches!(intro.kind, BlockKind::Heading(_));
            if introduces {
                open.push(Run {
                    family,
                    intro: b - 1,
                    items: vec![b],
                });
            }
        }
    }
    finish(doc, open.drain(..), &mut out);
    out
}

fn finish(doc: &Document, runs: impl Iterator<Item = Run>, out: &mut Vec<KeyPoint>) {
    for run in runs {
        if !(3..=12).contains(&run.items.len()) {
            continue;
        }
        let intro = &doc.blocks[run.intro];
        let Some(intro_sentence) = intro.sentences.last() else {
            continue;
        };
        // Under a heading, the question points at the list's first item
        // (headings are not asked about), and the heading is named whole,
        // without its number ("IV. TỔ CHỨC THỰC HIỆN", "Điều 2. …").
        let heading = matches!(intro.kind, BlockKind::Heading(_));
        let intro_text = if heading {
            without_number(&intro.text).to_string()
        } else {
            intro.text[intro_sentence.range.clone()].to_string()
        };
        let (at, sentence) = if heading {
            let first = run.items[0];
            let block = &doc.blocks[first];
            match block
                .sentences
                .iter()
                .find(|s| block.text[s.range.clone()].split_whitespace().count() >= 3)
            {
                Some(s) => (first, s),
                None => continue,
            }
        } else {
            (run.intro, intro_sentence)
        };
        let items: Vec<String> = run
            .items
            .iter()
            .map(|&b| {
                let text = &doc.blocks[b].text;
                let skip = marker(text).map_or(0, |(_, _, len)| len);
                text.get(skip..).unwrap_or("").trim().to_string()
            })
            .collect();
        let titles: Vec<String> = items.iter().filter_map(|i| title(i)).collect();
        let titles = if titles.len() == items.len() {
            titles
        } else {
            Vec::new()
        };
        out.push(KeyPoint {
            id: String::new(),
            anchor: sentence.anchor,
            phrase: doc.blocks[at].text[sentence.range.clone()].to_string(),
            detail: Detail::List {
                intro: intro_text,
                count: items.len() as u32,
                titles,
            },
            block: at,
            range: sentence.range.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_of_every_family() {
        assert_eq!(marker("2. Về tổ chức"), Some((Family::Number, 2, 3)));
        assert_eq!(marker("đ) Sơ kết"), Some((Family::Letter, 5, 4)));
        assert_eq!(marker("(3) Tăng cường"), Some((Family::Bracket, 3, 4)));
        assert_eq!(
            marker("Thứ hai, đổi mới").map(|m| (m.0, m.1)),
            Some((Family::Ordinal, 2))
        );
        assert_eq!(marker("2025 là năm"), None);
        assert_eq!(marker("Thứ trưởng Bộ"), None);
    }

    #[test]
    fn a_list_under_its_introduction_is_counted() {
        let text = "Mở đầu.\n\nCác giải pháp chính gồm:\n\n1. Hoàn thiện thể chế: làm rõ.\n\n2. Đẩy mạnh đào tạo cán bộ.\n\n3. Tăng cường kiểm tra, giám sát.\n\nKết thúc.";
        let doc = Document::from_text(
            text,
            crate::document::Format::PlainText,
            "x",
            crate::document::Origin::Bundled,
        )
        .unwrap();
        let found = lists(&doc);
        assert_eq!(found.len(), 1);
        let Detail::List {
            count,
            titles,
            intro,
        } = &found[0].detail
        else {
            panic!()
        };
        assert_eq!(intro, "Các giải pháp chính gồm:");
        assert_eq!(*count, 3);
        assert_eq!(titles[0], "Hoàn thiện thể chế");
        assert_eq!(found[0].phrase, "Các giải pháp chính gồm:");
    }
}
