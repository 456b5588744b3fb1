//! People and their positions: "Đồng chí Vương Đình Huệ, Ủy viên Bộ Chính
//! trị, Bí thư Thành ủy, …", "Phó Bí thư Thường trực Thành ủy Nguyễn Thị
//! Tuyến". A name counts only when a position or "đồng chí/ông/bà" stands
//! next to it, so street names ("8B Lê Trực") are left alone.

use super::place::{Place, span};
use super::tokens::{Kind, Token, phrase_before};
use super::{Detail, KeyPoint};
use crate::text::{Fold, fold};

/// Common Vietnamese family names (the first syllable of a full name).
const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Vương", "Chu", "Đinh", "Lâm", "Mai", "Trương", "Tô", "Hà", "Đào",
    "Cao", "Lương", "Trịnh", "Đoàn", "Lưu", "Thái", "Tạ", "Kiều", "Triệu", "Quách", "Tôn", "Thân",
    "Khổng", "Phùng", "Văn", "La", "Nông", "Lò", "Lục", "Đàm", "Hứa", "Giang", "Mạc", "Âu", "Châu",
    "Diệp", "Nghiêm", "Ninh", "Tăng", "Từ", "Vi", "Lại", "Kim", "Doãn", "Khúc", "Bạch", "Hầu",
    "Lã", "Lữ", "Mẫn", "Phí", "Quan", "Tiêu", "Trình", "Ung", "Ông", "Hàn", "Yên",
];

/// How positions begin ("Phó Bí thư …", "Chủ tịch …").
const TITLE_HEADS: &[&str] = &[
    "Tổng Bí thư",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Thủ tướng",
    "Phó Thủ tướng",
    "Bí thư",
    "Phó Bí thư",
    "Ủy viên",
    "Uỷ viên",
    "Trưởng",
    "Phó Trưởng",
    "Giám đốc",
    "Phó Giám đốc",
    "Tổng Giám đốc",
    "Bộ trưởng",
    "Thứ trưởng",
    "Chánh",
    "Phó Chánh",
    "Chủ nhiệm",
    "Phó Chủ nhiệm",
    "Tư lệnh",
    "Chính ủy",
    "Viện trưởng",
    "Hiệu trưởng",
    "Đại biểu",
    "Trưởng ban",
    "Phó Trưởng ban",
    "Cục trưởng",
    "Tổng cục trưởng",
    "Phó Tổng cục trưởng",
    "Vụ trưởng",
    "Tổng thư ký",
    "Phó Tổng thư ký",
    "Tổng Biên tập",
    "Phó Tổng Biên tập",
];

const HONORIFICS: &[&str] = &["đồng chí", "ông", "bà", "anh", "chị"];

/// Places whose names begin like a family name ("Hà Nội", "Thái Bình").
const PLACES: &[&str] = &[
    "Hà Nội",
    "Hà Giang",
    "Hà Nam",
    "Hà Tĩnh",
    "Hà Đông",
    "Cao Bằng",
    "Lâm Đồng",
    "Thái Bình",
    "Thái Nguyên",
    "Hoàng Mai",
    "Kim Bảng",
    "Lý Sơn",
    "Hồ Gươm",
    "Hoàng Sa",
    "Trường Sa",
    "Mai Châu",
    "Lương Sơn",
    "Cao Lãnh",
    "Tô Lịch",
    "Hồ Tây",
];

/// Words right before a name that make it a place ("tỉnh Hà Nam"). Not "TP":
/// "Chủ tịch UBND TP Chu Ngọc Anh" is a person.
const PLACE_WORDS: &[&str] = &[
    "tỉnh",
    "thành phố",
    "huyện",
    "quận",
    "xã",
    "phường",
    "thị xã",
    "thị trấn",
    "thủ đô",
    "sông",
    "hồ",
    "đường",
    "phố",
];

/// Second syllables of titles and organisation names, written in lower case
/// after a capital: "Thành ủy", "Bộ Chính trị", "Phó Thủ tướng", "Thường trực".
const ORG_TAILS: &[&str] = &[
    "ủy",
    "uỷ",
    "trị",
    "ương",
    "hội",
    "phủ",
    "trận",
    "vụ",
    "giáo",
    "vận",
    "tra",
    "sát",
    "án",
    "toán",
    "dân",
    "nhân",
    "đồng",
    "sự",
    "chính",
    "niên",
    "nữ",
    "binh",
    "đoàn",
    "viện",
    "thư",
    "tướng",
    "trực",
    "tịch",
    "viên",
    "trưởng",
    "đốc",
    "lệnh",
    "nhiệm",
];

/// The people named in one sentence, each with the positions given there.
pub(super) fn mentions(at: &Place<'_>, tokens: &[Token<'_>], out: &mut Vec<KeyPoint>) {
    let text = at.text;
    for (start, end) in names(tokens) {
        let name = span(text, tokens, start, end);
        let before = positions_before(text, tokens, start);
        // "tỉnh Hà Nam" is a place; "Chủ tịch UBND tỉnh Lê Minh Khoa" a person.
        if is_place(tokens, start, &name) && before.is_empty() || PLACES.contains(&name.as_str()) {
            continue;
        }
        let mut positions = before;
        positions.extend(positions_after(text, tokens, end));
        let honoured = start > 0 && honorific_before(tokens, start);
        if positions.is_empty() && !honoured {
            continue;
        }
        let range = tokens[start].range.start..tokens[end].range.end;
        out.push(at.point(range, Detail::Person { name, positions }));
    }
}

/// The people found so far, one key point each, with an index by name.
#[derive(Default)]
pub(super) struct People {
    points: Vec<KeyPoint>,
    by_name: std::collections::HashMap<String, usize>,
}

impl People {
    /// One key point per person from every mention, in document order.
    pub(super) fn from_mentions(mentions: Vec<KeyPoint>) -> Vec<KeyPoint> {
        let mut people = People::default();
        for m in mentions {
            people.add(m);
        }
        people.points
    }

    /// One key point per person: positions from every mention, anchored where the
    /// person is described most fully.
    fn add(&mut self, mention: KeyPoint) {
        let Detail::Person { name, positions } = &mention.detail else {
            return;
        };
        match self.by_name.get(name) {
            None => {
                self.by_name.insert(name.clone(), self.points.len());
                self.points.push(mention);
            }
            Some(&i) => {
                let point = &mut self.points[i];
                let Detail::Person {
                    positions: known, ..
                } = &mut point.detail
                else {
                    return;
                };
                let richer = positions.len() > known.len();
                for p in positions {
                    add_position(known, p.clone());
                }
                if richer {
                    let merged = std::mem::take(known);
                    let name = name.clone();
                    *point = KeyPoint {
                        detail: Detail::Person {
                            name,
                            positions: merged,
                        },
                        ..mention
                    };
                }
            }
        }
    }
}

/// The most positions kept for one person.
const MAX_KNOWN_POSITIONS: usize = 16;

/// Adds a position unless it is already known; of "Bí thư Thành ủy" and
/// "Bí thư Thành ủy Hà Nội" the longer is kept.
fn add_position(known: &mut Vec<String>, new: String) {
    if known.len() >= MAX_KNOWN_POSITIONS {
        return; // a person mentioned thousands of times is not compared thousands of times
    }
    let new_folded = fold(&new, Fold::Case);
    for k in known.iter_mut() {
        let old = fold(k, Fold::Case);
        if old.starts_with(&new_folded) {
            return;
        }
        if new_folded.starts_with(&old) {
            *k = new;
            return;
        }
    }
    known.push(new);
}

fn is_surname(t: &Token<'_>) -> bool {
    SURNAMES.contains(&t.text)
}

/// Token spans (first, last) of full names: two to four title-case syllables
/// beginning with a family name, at the end of a run of title-case words.
fn names(tokens: &[Token<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].is_titlecase() {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < tokens.len() && tokens[i].is_titlecase() {
            i += 1;
        }
        let run_end = i; // exclusive
        // The leftmost family name that leaves 2–4 syllables to the end of the run.
        if let Some(s) = (run_start..run_end)
            .find(|&s| is_surname(&tokens[s]) && (2..=4).contains(&(run_end - s)))
        {
            out.push((s, run_end - 1));
        }
    }
    out
}

fn is_place(tokens: &[Token<'_>], start: usize, name: &str) -> bool {
    words_before_are(tokens, start, PLACE_WORDS)
        || (name == "Hồ Chí Minh" && words_before_are(tokens, start, &["tp"]))
}

fn honorific_before(tokens: &[Token<'_>], start: usize) -> bool {
    words_before_are(tokens, start, HONORIFICS)
}

/// Whether the words right before token `start` are one of `phrases`.
fn words_before_are(tokens: &[Token<'_>], start: usize, phrases: &[&str]) -> bool {
    phrases
        .iter()
        .any(|h| phrase_before(tokens, start, h).is_some())
}

/// Where a position starts in `tokens[from..to]`: the first title head.
fn title_at(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    // Titles start with a capital: most tokens are ruled out at once.
    if !tokens.get(i)?.starts_upper() {
        return None;
    }
    title_words()
        .iter()
        .filter(|words| words[0] == tokens[i].text)
        .filter_map(|words| {
            let matches = tokens.len() >= i + words.len()
                && tokens[i..i + words.len()]
                    .iter()
                    .zip(words)
                    .all(|(t, w)| t.text == *w);
            matches.then_some(words.len())
        })
        .max()
}

/// [`TITLE_HEADS`] split into words, once.
fn title_words() -> &'static [Vec<&'static str>] {
    static WORDS: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| TITLE_HEADS.iter().map(|h| h.split(' ').collect()).collect())
}

/// Administrative levels that may end a position ("Chủ tịch UBND tỉnh").
const ADMIN_LEVELS: &[&str] = &["tỉnh", "thành", "huyện", "quận", "xã", "phường", "thị"];

/// A position's words without the lower-case words that trail it
/// ("Trưởng đoàn … Hà Nội chủ trì" → "Trưởng đoàn … Hà Nội"), keeping the
/// lower-case ends of organisation names ("Thành ủy", "Bộ Chính trị",
/// "Hội đồng nhân dân") and the level after them ("… nhân dân tỉnh").
fn trim_position(text: &str, tokens: &[Token<'_>], start: usize, end: usize) -> Option<String> {
    let mut e = end;
    while e > start {
        let t = &tokens[e];
        let prev = &tokens[e - 1];
        let kept = t.starts_upper()
            || (ORG_TAILS.contains(&t.text) && prev.starts_upper())
            || (t.text == "dân" && prev.text == "nhân");
        if kept {
            break;
        }
        e -= 1;
    }
    if e < end && ADMIN_LEVELS.contains(&tokens[e + 1].text) {
        e += 1;
    }
    (e > start || tokens[start].starts_upper()).then(|| span(text, tokens, start, e))
}

/// Positions written before a name, back to ";", ":" or the sentence start,
/// as comma-separated parts that each begin with a title.
fn positions_before(text: &str, tokens: &[Token<'_>], name_start: usize) -> Vec<String> {
    // Comma-separated parts, taken from the name backwards while they are
    // positions, back to ";", ":", "." or "(" — at most MAX_POSITIONS of
    // them, each read over at most POSITION_TOKENS tokens, so that a clause
    // naming thousands of people is not read again for each of them.
    let mut out = Vec::new();
    let mut end = name_start; // exclusive end of what is left to read
    let mut nearest = true; // the part next to the name
    let mut parts = 0;
    while end > 0 && parts < MAX_POSITIONS {
        parts += 1;
        let before = &tokens[end - 1];
        if before.is_punct(",") {
            end -= 1; // an empty part
            continue;
        }
        if before.is_punct(";:.(") {
            break;
        }
        let pe = end - 1;
        let mut ps = end;
        while ps > 0 && end - ps < POSITION_TOKENS && !tokens[ps - 1].is_punct(",;:.(") {
            ps -= 1;
        }
        let whole = ps == 0 || tokens[ps - 1].is_punct(",;:.(");
        // The part next to the name may begin with other words
        // ("Trao đổi …, Bí thư Thành ủy Hà Nội Vương Đình Huệ").
        let head = if nearest {
            (ps..=pe).find(|&i| title_at(tokens, i).is_some())
        } else if whole {
            title_at(tokens, ps).map(|_| ps)
        } else {
            None // longer than any position
        };
        nearest = false;
        match head {
            Some(h) if !tokens[h..=pe].iter().any(|t| t.is(Kind::Punct)) => {
                if let Some(p) = trim_position(text, tokens, h, pe) {
                    out.push(p);
                }
                if h != ps || !whole {
                    break;
                }
            }
            _ => break,
        }
        end = ps;
    }
    out.reverse();
    out
}

/// The most positions read for one mention of a person, and the most
/// tokens of one position: bounds that keep the work linear in the text.
const MAX_POSITIONS: usize = 8;
const POSITION_TOKENS: usize = 24;

/// Positions written after a name: ", Ủy viên …, Bí thư …".
fn positions_after(text: &str, tokens: &[Token<'_>], name_end: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = name_end + 1;
    while out.len() < MAX_POSITIONS
        && i + 1 < tokens.len()
        && tokens[i].is_punct(",")
        && title_at(tokens, i + 1).is_some()
    {
        let start = i + 1;
        let mut end = start;
        while end + 1 < tokens.len()
            && !tokens[end + 1].is_punct(",;.:()“”")
            && end - start < POSITION_TOKENS
        {
            end += 1;
        }
        if let Some(p) = trim_position(text, tokens, start, end) {
            out.push(p);
        }
        i = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format, Origin};

    fn people(text: &str) -> Vec<(String, Vec<String>)> {
        let doc = Document::from_text(text, Format::PlainText, "t", Origin::Bundled).unwrap();
        crate::keypoints::extract(&doc)
            .into_iter()
            .filter(|p| matches!(p.detail, Detail::Person { .. }))
            .map(|p| match p.detail {
                Detail::Person { name, positions } => (name, positions),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn positions_after_a_name() {
        let p = people(
            "Đồng chí Vương Đình Huệ, Ủy viên Bộ Chính trị, Bí thư Thành ủy, Trưởng đoàn đại biểu Quốc hội TP Hà Nội chủ trì hội nghị.",
        );
        assert_eq!(
            p,
            [(
                "Vương Đình Huệ".to_string(),
                vec![
                    "Ủy viên Bộ Chính trị".to_string(),
                    "Bí thư Thành ủy".to_string(),
                    "Trưởng đoàn đại biểu Quốc hội TP Hà Nội".to_string()
                ]
            )]
        );
    }

    #[test]
    fn positions_before_names_in_a_list() {
        let p = people(
            "Tham dự có các đồng chí: Ủy viên Trung ương Đảng, Phó Bí thư Thành ủy, Chủ tịch UBND TP Chu Ngọc Anh; Phó Bí thư Thường trực Thành ủy Nguyễn Thị Tuyến; Phó Bí thư Thành ủy Nguyễn Văn Phong… cùng lãnh đạo.",
        );
        assert_eq!(p.len(), 3, "{p:#?}");
        assert_eq!(p[0].0, "Chu Ngọc Anh");
        assert_eq!(
            p[0].1,
            [
                "Ủy viên Trung ương Đảng",
                "Phó Bí thư Thành ủy",
                "Chủ tịch UBND TP"
            ]
        );
        assert_eq!(
            p[1],
            (
                "Nguyễn Thị Tuyến".into(),
                vec!["Phó Bí thư Thường trực Thành ủy".into()]
            )
        );
        assert_eq!(
            p[2],
            (
                "Nguyễn Văn Phong".into(),
                vec!["Phó Bí thư Thành ủy".into()]
            )
        );
    }

    #[test]
    fn a_place_before_the_name_stays_in_the_position() {
        let p = people(
            "Trao đổi về nội dung, Bí thư Thành ủy Hà Nội Vương Đình Huệ nhấn mạnh điều đó.",
        );
        assert_eq!(
            p,
            [(
                "Vương Đình Huệ".into(),
                vec!["Bí thư Thành ủy Hà Nội".into()]
            )]
        );
    }

    #[test]
    fn street_names_are_not_people() {
        assert!(
            people("Vụ vi phạm tại công trình số 8B Lê Trực và Khu liên hợp Sóc Sơn.").is_empty()
        );
    }
}
