//! Names of bodies and places: "Bộ Nội vụ", "Ban Tuyên giáo và Dân vận",
//! "Ủy ban Thường vụ Quốc hội", "cảng biển quốc tế Cần Giờ" — who is given a
//! task, where a thing is built. One pass over a sentence's tokens.

use super::Detail;
use super::KeyPoint;
use super::place::{Place, span};
use super::tokens::{Kind, Token, phrase_at};

/// The words a body's name starts with, and the class its distractors come
/// from. Longest first.
const BODIES: &[(&str, &str)] = &[
    ("tổng liên đoàn", "tổ chức"),
    ("ủy ban nhân dân", "ủy ban"),
    ("uỷ ban nhân dân", "ủy ban"),
    ("hội đồng nhân dân", "hội đồng"),
    ("ủy ban", "ủy ban"),
    ("uỷ ban", "ủy ban"),
    ("đảng ủy", "đảng ủy"),
    ("đảng uỷ", "đảng ủy"),
    ("mặt trận", "tổ chức"),
    ("hội đồng", "hội đồng"),
    ("tòa án", "cơ quan"),
    ("toà án", "cơ quan"),
    ("viện kiểm sát", "cơ quan"),
    ("kiểm toán", "cơ quan"),
    ("thanh tra", "cơ quan"),
    ("ngân hàng", "cơ quan"),
    ("văn phòng", "cơ quan"),
    ("tổng cục", "cơ quan"),
    ("tập đoàn", "doanh nghiệp"),
    ("công an", "cơ quan"),
    ("bộ chính trị", "đảng"),
    ("bộ tư lệnh", "quân đội"),
    ("bộ chỉ huy", "quân đội"),
    ("bộ", "bộ"),
    ("ban", "ban"),
    ("sở", "sở"),
    ("đoàn", "tổ chức"),
    ("hội", "tổ chức"),
];

/// Lower-case words a place's name follows: "tỉnh Nghệ An", "cảng … Cần Giờ".
const PLACE_WORDS: &[&str] = &["tỉnh", "phố", "huyện", "quận", "xã", "phường", "tế", "cảng"];

/// Lower-case words that stand between two names, never inside one.
const JOINERS: &[&str] = &[
    "và", "của", "với", "cho", "tại", "về", "từ", "đến", "trong", "hoặc", "là", "theo", "cùng",
    "giao", "gửi", "phối", "chủ", "có", "được", "thuộc", "khóa", "khoá", "lần", "nhiệm", "năm",
    "số",
];

fn lower<'t>(t: &'t Token<'_>) -> &'t str {
    &t.lower
}

/// A capitalised word that may continue a name ("Nội", "GTVT", "Quốc").
fn continues(t: &Token<'_>) -> bool {
    t.is(Kind::Word) && t.starts_upper()
}

pub(super) fn names(at: &Place<'_>, tokens: &[Token<'_>], out: &mut Vec<KeyPoint>) {
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // Bodies: a capitalised head, then capitalised words ("và" joins two);
        // not a line in capitals ("BAN HÀNH", a signature's "BAN BÍ THƯ").
        if t.starts_upper()
            && t.text.chars().skip(1).any(char::is_lowercase)
            && let Some((len, class)) = body_head(tokens, i)
        {
            let mut end = i + len - 1;
            loop {
                match tokens.get(end + 1) {
                    Some(n) if continues(n) => end += 1,
                    // "Ban Thường vụ Tỉnh ủy", "Văn phòng Huyện ủy": a
                    // party committee's name ends in a lower-case "ủy".
                    Some(n)
                        if matches!(lower(n), "ủy" | "uỷ")
                            && tokens[end].starts_upper()
                            && end > i =>
                    {
                        end += 1
                    }
                    // "Bộ Xây dựng", "Ban Tuyên giáo": a capital, then the rest of its word.
                    Some(n)
                        if n.is_lower_word()
                            && end >= i + len
                            && crate::vocabulary::is_compound(tokens[end].text, n.text) =>
                    {
                        end += 1
                    }
                    // "Ban Cơ yếu Chính phủ": a capital, a lower-case word
                    // the dictionary does not know as its rest, then more of
                    // the name in capitals — the word is the name's.
                    Some(n)
                        if n.is_lower_word()
                            && end >= i + len
                            && tokens[end].starts_upper()
                            && !JOINERS.contains(&lower(n))
                            && tokens.get(end + 2).is_some_and(continues) =>
                    {
                        end += 1
                    }
                    // "Bộ Thông tin và Truyền thông" is one body; "Bộ Quốc
                    // phòng và Ban Cơ yếu Chính phủ" two.
                    Some(n)
                        if lower(n) == "và"
                            && tokens.get(end + 2).is_some_and(continues)
                            && body_head(tokens, end + 2).is_none()
                            && end > i + len - 1 =>
                    {
                        end += 2
                    }
                    _ => break,
                }
            }
            // A head alone ("Bộ", "Ban") is not a name, and a body's name is
            // short and whole: not followed by more of a word ("Kỹ | thuật").
            let words = end + 1 - i;
            let whole = tokens.get(end + 1).is_none_or(|n| {
                !(n.is(Kind::Word) && crate::vocabulary::is_compound(tokens[end].text, n.text))
            });
            if end > i + len - 1 && words <= 9 && whole {
                let name = span(at.text, tokens, i, end);
                out.push(at.point(
                    tokens[i].range.start..tokens[end].range.end,
                    Detail::Name {
                        name,
                        class: class.to_string(),
                    },
                ));
            }
            i = end + 1;
            continue;
        }
        // Places: after "tỉnh", "thành phố", "cảng hàng không quốc tế"…
        // "phố" names a city only after "thành": "phố Vạn Phúc" is a street.
        let street = lower(t) == "phố" && (i == 0 || lower(&tokens[i - 1]) != "thành");
        if t.is(Kind::Word)
            && !street
            && PLACE_WORDS.contains(&lower(t))
            && tokens.get(i + 1).is_some_and(|n| n.is_titlecase())
        {
            let mut end = i + 1;
            while tokens.get(end + 1).is_some_and(|n| n.is_titlecase()) && end - i < 4 {
                end += 1;
            }
            if end > i + 1 {
                // Distractors of the same level: a commune for a commune.
                let class = match lower(t) {
                    "tế" | "cảng" => "cảng",
                    "tỉnh" | "phố" => "tỉnh",
                    "xã" | "phường" => "xã",
                    _ => "huyện",
                };
                let name = span(at.text, tokens, i + 1, end);
                out.push(at.point(
                    tokens[i + 1].range.start..tokens[end].range.end,
                    Detail::Name {
                        name,
                        class: class.to_string(),
                    },
                ));
            }
            i = end + 1;
            continue;
        }
        i += 1;
    }
}

/// The head of a body's name at token `i`: its length in tokens and class.
fn body_head(tokens: &[Token<'_>], i: usize) -> Option<(usize, &'static str)> {
    BODIES
        .iter()
        .find_map(|(head, class)| Some((phrase_at(tokens, i, head)?, *class)))
}
