//! Question banks as Vietnamese trainers write them, in Word or as plain
//! text (the convention Azota and McMIX import):
//!
//! - "Câu 1." / "Câu 1:" / "Câu 1 [Dễ]:" / "(CLO4) Câu 9:" / "[1]" / "1."
//!   starts a question;
//! - options "A." … "H." (or "A)"), one per line or several on a line;
//! - the right answer marked by underline, red, highlight or bold on its
//!   letter or its text (whichever sets one option apart from the others),
//!   by a leading `*`, by a line "Đáp án: C" / "ANSWER: C" / "• C.", or in
//!   an answer table at the end ("1-A 2.C 3B", or a table of Câu | Đáp án);
//! - "Lời giải" / "Hướng dẫn" / "Giải thích" (or a line starting "^") is
//!   the explanation; "HẾT" ends the questions;
//! - a Word table "STT | Nội dung | Phương án | Đáp án" (options as the
//!   paragraphs of one cell, lettered or not) is read row by row, a row
//!   without a number going on with the question before.
//!
//! A question that cannot be read is reported by its number and line,
//! never dropped in silence.

use crate::document::readers::Marks;
use crate::quiz::{Answer, Question, Source};

use super::{ImportNote, NoteKind};

mod word;
pub use word::docx_lines;

/// A line of the bank with its formatting.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BankLine {
    /// 1-based line (of a text file) or paragraph (of a Word file).
    pub line: usize,
    pub runs: Vec<(String, Marks)>,
    /// More of the question's text, from a table row that goes on with the
    /// question before.
    pub stem: bool,
}

impl BankLine {
    pub fn plain(line: usize, text: &str) -> BankLine {
        BankLine {
            line,
            runs: vec![(text.to_string(), Marks::default())],
            stem: false,
        }
    }

    pub(super) fn text(&self) -> String {
        self.runs.iter().map(|(t, _)| t.as_str()).collect()
    }

    /// The marks on each byte of [`BankLine::text`].
    fn marks_at(&self) -> Vec<Marks> {
        self.runs
            .iter()
            .flat_map(|(t, m)| std::iter::repeat_n(*m, t.len()))
            .collect()
    }
}

/// The lines of a plain-text bank.
pub fn text_lines(text: &str) -> Vec<BankLine> {
    crate::text::strip_bom(text)
        .lines()
        .enumerate()
        .map(|(i, l)| BankLine::plain(i + 1, l))
        .collect()
}

/// Where an option starts in a line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct OptionStart {
    pub(super) letter: char,
    /// Byte where it starts (its `*` or letter) and where its text starts.
    at: usize,
    text: usize,
    starred: bool,
    /// Written without a space after its mark ("A.80%").
    tight: bool,
}

/// The options a line holds: it must start with one ("A." or "*B)"), and
/// further ones follow in order ("A. … B. … C. …"). `after`: the letter of
/// the option before, for a line that goes on with the next.
pub(super) fn option_starts(text: &str, after: Option<char>) -> Vec<OptionStart> {
    let bytes = text.as_bytes();
    let lead = text.len() - text.trim_start().len();
    let at_option = |i: usize| -> Option<OptionStart> {
        let mut j = i;
        let starred = bytes.get(j) == Some(&b'*');
        if starred {
            j += 1;
            while bytes.get(j) == Some(&b' ') {
                j += 1;
            }
        }
        let letter = *bytes.get(j)?;
        if !(b'A'..=b'H').contains(&letter) {
            return None;
        }
        let mark = *bytes.get(j + 1)?;
        if mark != b'.' && mark != b')' {
            return None;
        }
        // "A.": then a space, a tab or the end; "A.80%" only among other
        // options on the line (never "A.B" or a word).
        let tight = match bytes.get(j + 2) {
            None | Some(b' ' | b'\t') => false,
            Some(c) if c.is_ascii_alphabetic() => return None,
            Some(_) => true,
        };
        let mut t = j + 2;
        while matches!(bytes.get(t), Some(b' ' | b'\t')) {
            t += 1;
        }
        Some(OptionStart {
            letter: letter as char,
            at: i,
            text: t,
            starred,
            tight,
        })
    };
    let Some(first) = at_option(lead) else {
        return Vec::new();
    };
    if let Some(before) = after
        && first.letter != 'A'
        && first.letter as u8 != before as u8 + 1
    {
        return Vec::new();
    }
    let mut found = vec![first];
    let mut i = first.text;
    while i < bytes.len() {
        let prev = found.last().map_or('A', |o| o.letter);
        // The next letter, after white space (or a "|" of a table row).
        if matches!(bytes[i], b' ' | b'\t' | b'|')
            && let Some(next) = (i + 1..bytes.len())
                .find(|&k| !matches!(bytes[k], b' ' | b'\t' | b'|'))
                .and_then(at_option)
            && next.letter as u8 == prev as u8 + 1
        {
            found.push(next);
            i = next.text;
            continue;
        }
        i += 1;
    }
    if found.len() < 2 && found.iter().any(|o| o.tight) {
        return Vec::new();
    }
    found
}

/// "Câu 12:", "Câu 3 [Dễ]:", "(CLO4) Câu 9:", "[7]", "12." → its number and
/// where the question's text starts.
fn question_start(text: &str) -> Option<(String, usize)> {
    let lead = text.len() - text.trim_start().len();
    let mut rest = &text[lead..];
    // "(CLO4) " before it.
    if rest.starts_with('(')
        && let Some(close) = rest.find(')')
        && close < 16
    {
        let after = rest[close + 1..].trim_start();
        rest = after;
    }
    let digits_at = |s: &str| s.chars().take_while(char::is_ascii_digit).count();
    let lower = rest.to_lowercase();
    let word = ["câu", "cau", "question", "bài"]
        .iter()
        .find(|w| lower.starts_with(*w))
        .map(|w| {
            rest.char_indices()
                .nth(w.chars().count())
                .map_or(rest.len(), |(i, _)| i)
        });
    let (number, after) = if let Some(w) = word {
        let s = rest[w..].trim_start();
        let n = digits_at(s);
        if n == 0 || n > 4 {
            return None;
        }
        let mut after = &s[n..];
        // "[Dễ]" or "(2 điểm)" after the number.
        let trimmed = after.trim_start();
        if (trimmed.starts_with('[') || trimmed.starts_with('('))
            && let Some(close) = trimmed.find([']', ')'])
            && close < 24
        {
            after = &trimmed[close + 1..];
        }
        let after = after.trim_start();
        let after = after
            .strip_prefix([':', '.', ')', '-', '/'])
            .unwrap_or(after);
        (s[..n].to_string(), after)
    } else if let Some(inner) = rest.strip_prefix('[') {
        let n = digits_at(inner);
        if n == 0 || n > 4 || inner.as_bytes().get(n) != Some(&b']') {
            return None;
        }
        (inner[..n].to_string(), &inner[n + 1..])
    } else {
        let n = digits_at(rest);
        if n == 0 || n > 3 {
            return None;
        }
        let after = &rest[n..];
        let after = after.strip_prefix(['.', ')', ':'])?;
        // "1. Nội dung", not "1.200" or "12.5%".
        if !after.starts_with([' ', '\t']) || after.trim().is_empty() {
            return None;
        }
        (rest[..n].to_string(), after)
    };
    let start = text.len() - after.len();
    let start = start + (after.len() - after.trim_start().len());
    Some((number, start))
}

/// Whether a line starts with a bare number ("2. …"), not "Câu 2" or "[2]".
fn bare_number(text: &str) -> bool {
    text.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

/// "Đáp án: C", "ĐA: B", "ANSWER: C", "Chọn D", "• A. …" → the letters.
fn answer_line(text: &str) -> Option<Vec<char>> {
    let t = text.trim();
    if let Some(rest) = t.strip_prefix('•') {
        let rest = rest.trim_start();
        let letter = rest.chars().next()?;
        let next = rest[letter.len_utf8()..].chars().next();
        return (('A'..='H').contains(&letter)
            && matches!(next, None | Some('.' | ')' | ' ' | ';')))
        .then(|| vec![letter]);
    }
    let lower = t.to_lowercase();
    let prefixes = [
        "đáp án đúng là",
        "đáp án đúng",
        "đáp án",
        "đ/a",
        "đa",
        "answer",
        "chọn đáp án",
        "chọn",
        "trả lời",
        "key",
    ];
    let prefix = prefixes.iter().find(|p| lower.starts_with(*p))?;
    let rest = &t[t
        .char_indices()
        .nth(prefix.chars().count())
        .map_or(t.len(), |(i, _)| i)..];
    // "Đáp án" must be followed by a separator or a space, not a word.
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let rest = rest
        .trim_start()
        .trim_start_matches([':', '.', '-', '='])
        .trim_start();
    let mut letters = Vec::new();
    for piece in rest.split([',', ';', '&', ' ']) {
        let piece = piece.trim().trim_end_matches(['.', ')']);
        match piece {
            "" | "và" | "and" => {}
            p if p.len() == 1 && ('A'..='H').contains(&p.chars().next()?) => {
                letters.push(p.chars().next()?);
            }
            _ => break,
        }
    }
    (!letters.is_empty()).then_some(letters)
}

/// "Lời giải: …", "Hướng dẫn: …", "Giải thích: …", "^…`" → the text.
fn explanation_start(text: &str) -> Option<String> {
    let t = text.trim();
    if let Some(rest) = t.strip_prefix('^') {
        return Some(rest.trim_end_matches('`').trim().to_string());
    }
    let lower = t.to_lowercase();
    let prefix = [
        "lời giải",
        "hướng dẫn giải",
        "hướng dẫn",
        "giải thích",
        "giải",
    ]
    .iter()
    .find(|p| lower.starts_with(*p))?;
    let rest = &t[t
        .char_indices()
        .nth(prefix.chars().count())
        .map_or(t.len(), |(i, _)| i)..];
    let rest = rest.trim_start();
    let rest = rest.strip_prefix([':', '.'])?;
    Some(rest.trim().to_string())
}

/// "HẾT", "--- HẾT ---", "-HẾT-".
fn is_end(text: &str) -> bool {
    let t: String = text
        .chars()
        .filter(|c| !matches!(c, '-' | '.' | '*' | ' ' | '—' | '–' | '=' | '_'))
        .collect();
    t.to_uppercase() == "HẾT"
}

/// "ĐÁP ÁN", "BẢNG ĐÁP ÁN", "ĐÁP ÁN THAM KHẢO", "ANSWER KEY" alone on a line.
fn is_key_heading(text: &str) -> bool {
    let t = text
        .trim()
        .trim_end_matches([':', '.'])
        .trim()
        .to_uppercase();
    matches!(
        t.as_str(),
        "ĐÁP ÁN"
            | "BẢNG ĐÁP ÁN"
            | "ĐÁP ÁN THAM KHẢO"
            | "ĐÁP ÁN ĐÚNG"
            | "ANSWER KEY"
            | "KEY"
            | "ĐÁP ÁN VÀ HƯỚNG DẪN"
    )
}

/// Pairs "1-A 2.C 3B 4: D" in a line; `None` when the line holds anything
/// else.
fn key_pairs(text: &str) -> Option<Vec<(String, Vec<char>)>> {
    let mut pairs = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let skip = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | '|');
    while i < chars.len() {
        if skip(chars[i]) {
            i += 1;
            continue;
        }
        // "Câu" before a number is allowed.
        let rest: String = chars[i..].iter().collect::<String>().to_lowercase();
        if rest.starts_with("câu") {
            i += 3;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start || i - start > 4 {
            return None;
        }
        let number: String = chars[start..i].iter().collect();
        while i < chars.len() && matches!(chars[i], '-' | '.' | ':' | ')' | ' ' | '=') {
            i += 1;
        }
        let mut letters = Vec::new();
        while i < chars.len() && ('A'..='H').contains(&chars[i]) {
            letters.push(chars[i]);
            i += 1;
            // "A,C": more letters of the same question.
            let letter_after_comma = chars.get(i) == Some(&',')
                && chars.get(i + 1).is_some_and(|c| ('A'..='H').contains(c))
                && chars
                    .get(i + 2)
                    .is_none_or(|c| skip(*c) || ('A'..='H').contains(c));
            if letter_after_comma {
                i += 1;
            }
        }
        if letters.is_empty() || i < chars.len() && !skip(chars[i]) && chars[i] != '.' {
            return None;
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
        }
        pairs.push((number, letters));
    }
    (!pairs.is_empty()).then_some(pairs)
}

/// A question being read.
#[derive(Default)]
struct Draft {
    number: String,
    line: usize,
    stem: Vec<String>,
    options: Vec<DraftOption>,
    answer: Option<Vec<char>>,
    explanation: Vec<String>,
    in_explanation: bool,
}

struct DraftOption {
    letter: char,
    text: String,
    starred: bool,
    /// Whether its letter, or all of its text, is set off in each way.
    marks: [bool; 4],
}

fn mark_kinds(m: &Marks) -> [bool; 4] {
    [m.underline, m.red, m.highlight, m.bold]
}

fn tidy(text: &str) -> String {
    crate::text::nfc(&text.replace('\u{a0}', " "))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A question read from a bank, with the line it starts on.
pub struct Read {
    pub line: usize,
    pub number: String,
    pub question: Question,
}

/// Reads the questions of a bank; the notes say, by number and line, what
/// could not be read.
pub fn parse(lines: &[BankLine]) -> (Vec<Read>, Vec<ImportNote>) {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut current: Option<Draft> = None;
    let mut key: Vec<(String, Vec<char>)> = Vec::new();
    let mut in_key = false;
    let mut ended = false;
    for line in lines {
        let text = line.text();
        let t = text.trim();
        if t.is_empty() {
            continue;
        }
        if is_end(t) {
            drafts.extend(current.take());
            ended = true;
            continue;
        }
        if is_key_heading(t) {
            drafts.extend(current.take());
            in_key = true;
            continue;
        }
        if in_key || ended {
            if let Some(pairs) = key_pairs(t) {
                key.extend(pairs);
            }
            continue;
        }
        // A line of pairs only, with three or more: an answer table.
        if let Some(pairs) = key_pairs(t)
            && pairs.len() >= 3
        {
            drafts.extend(current.take());
            key.extend(pairs);
            in_key = true;
            continue;
        }
        let after = current
            .as_ref()
            .and_then(|d| d.options.last())
            .map(|o| o.letter);
        let starts = option_starts(&text, after);
        let in_explanation = current.as_ref().is_some_and(|d| d.in_explanation);
        if let Some((number, start)) = question_start(&text)
            // "1." inside a question's options is an item, not a question;
            // in its explanation, a step of the working.
            .filter(|_| starts.is_empty())
            .filter(|_| !(in_explanation && bare_number(&text)))
        {
            drafts.extend(current.take());
            current = Some(Draft {
                number,
                line: line.line,
                stem: vec![text[start..].to_string()],
                ..Draft::default()
            });
            continue;
        }
        let Some(draft) = current.as_mut() else {
            continue;
        };
        if line.stem {
            draft.stem.push(t.to_string());
            continue;
        }
        if let Some(letters) = answer_line(t) {
            draft.answer = Some(letters);
            continue;
        }
        if let Some(rest) = explanation_start(t) {
            draft.in_explanation = true;
            draft.explanation.push(rest);
            continue;
        }
        if !starts.is_empty() && !draft.in_explanation {
            let marks = line.marks_at();
            for (k, s) in starts.iter().enumerate() {
                let end = starts.get(k + 1).map_or(text.len(), |n| n.at);
                let letter_at = s.at + usize::from(s.starred);
                let letter_at = text[letter_at..]
                    .find(|c: char| c.is_ascii_uppercase())
                    .map_or(letter_at, |i| letter_at + i);
                let letter_marks = mark_kinds(&marks.get(letter_at).copied().unwrap_or_default());
                let body: Vec<[bool; 4]> = text[s.text..end]
                    .char_indices()
                    .filter(|(_, c)| c.is_alphanumeric())
                    .map(|(i, _)| mark_kinds(&marks.get(s.text + i).copied().unwrap_or_default()))
                    .collect();
                let mut kinds = [false; 4];
                for (kind, on) in kinds.iter_mut().enumerate() {
                    *on = letter_marks[kind] || (!body.is_empty() && body.iter().all(|b| b[kind]));
                }
                draft.options.push(DraftOption {
                    letter: s.letter,
                    text: text[s.text..end].to_string(),
                    starred: s.starred,
                    marks: kinds,
                });
            }
            continue;
        }
        if draft.in_explanation {
            draft.explanation.push(t.to_string());
        } else if let Some(last) = draft.options.last_mut() {
            // The next option may start inside a line that goes on with
            // this one ("… giá D. Gói thầu …").
            let next = (last.letter as u8 + 1) as char;
            let split = t
                .match_indices(&format!(" {next}. "))
                .next()
                .map(|(i, _)| i + 1);
            let (more, rest) = split.map_or((t, ""), |i| t.split_at(i));
            last.text.push(' ');
            last.text.push_str(more.trim_end());
            if !rest.is_empty() {
                let starts = option_starts(rest, Some(last.letter));
                for (k, s) in starts.iter().enumerate() {
                    let end = starts.get(k + 1).map_or(rest.len(), |n| n.at);
                    draft.options.push(DraftOption {
                        letter: s.letter,
                        text: rest[s.text..end].to_string(),
                        starred: s.starred,
                        marks: [false; 4],
                    });
                }
            }
        } else {
            draft.stem.push(t.to_string());
        }
    }
    drafts.extend(current);
    finish(drafts, &key)
}

fn finish(drafts: Vec<Draft>, key: &[(String, Vec<char>)]) -> (Vec<Read>, Vec<ImportNote>) {
    let mut read = Vec::new();
    let mut notes = Vec::new();
    let note = |line: usize, number: &str, kind: NoteKind| ImportNote {
        line,
        kind: NoteKind::Question {
            number: number.to_string(),
            why: Box::new(kind),
        },
    };
    for draft in drafts {
        let prompt = tidy(&draft.stem.join(" "));
        let choices: Vec<String> = draft.options.iter().map(|o| tidy(&o.text)).collect();
        if draft.options.len() < 2 {
            notes.push(note(draft.line, &draft.number, NoteKind::NoOptions));
            continue;
        }
        let index_of = |letter: char| draft.options.iter().position(|o| o.letter == letter);
        let from_key = key
            .iter()
            .rev()
            .find(|(n, _)| *n == draft.number)
            .map(|(_, l)| l.clone());
        let starred: Vec<usize> = (0..draft.options.len())
            .filter(|&i| draft.options[i].starred)
            .collect();
        let marked = || -> Vec<usize> {
            // The first way of setting off that sets some options apart.
            for kind in 0..4 {
                let on: Vec<usize> = (0..draft.options.len())
                    .filter(|&i| draft.options[i].marks[kind])
                    .collect();
                if !on.is_empty() && on.len() < draft.options.len() {
                    return on;
                }
            }
            Vec::new()
        };
        let right: Vec<usize> = if let Some(letters) = draft.answer.clone().or(from_key) {
            let found: Vec<usize> = letters.iter().filter_map(|&l| index_of(l)).collect();
            if found.len() != letters.len() {
                let given: String = letters.iter().collect();
                notes.push(note(
                    draft.line,
                    &draft.number,
                    NoteKind::AnswerNotAnOption(given),
                ));
                continue;
            }
            found
        } else if !starred.is_empty() {
            starred
        } else {
            marked()
        };
        let answer = match right.as_slice() {
            [] => {
                notes.push(note(draft.line, &draft.number, NoteKind::NoMarkedAnswer));
                continue;
            }
            [one] => Answer::SingleChoice {
                choices,
                answer: *one,
            },
            many => Answer::MultipleChoice {
                choices,
                answers: many.to_vec(),
            },
        };
        let explanation = tidy(&draft.explanation.join(" "));
        read.push(Read {
            line: draft.line,
            number: draft.number.clone(),
            question: Question {
                id: format!("cau-{}", crate::ids::slug(&draft.number)),
                prompt,
                answer,
                explanation,
                source: Source {
                    anchor: "p1".parse().expect("a valid anchor"),
                    quote: String::new(),
                },
                tags: Vec::new(),
                key_point: None,
                difficulty: None,
            },
        });
    }
    (read, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> (Vec<Read>, Vec<ImportNote>) {
        parse(&text_lines(text))
    }

    fn right(r: &Read) -> Vec<usize> {
        match &r.question.answer {
            Answer::SingleChoice { answer, .. } => vec![*answer],
            Answer::MultipleChoice { answers, .. } => answers.clone(),
            other => panic!("{other:?}"),
        }
    }

    fn choices(r: &Read) -> Vec<String> {
        match &r.question.answer {
            Answer::SingleChoice { choices, .. } | Answer::MultipleChoice { choices, .. } => {
                choices.clone()
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn answer_lines_stars_and_a_table_at_the_end() {
        let (read, notes) = parse_text(
            "ĐỀ ÔN TẬP\n\
             Câu 1. Hội nghị họp mấy ngày?\n\
             A. Một ngày\nB. Hai ngày\nC. Ba ngày\nD. Bốn ngày\n\
             Đáp án: C\n\
             Lời giải: Hội nghị họp\nba ngày liền.\n\
             Câu 2: Màu của lá cờ?\n\
             A. Xanh    *B. Đỏ    C. Vàng    D. Trắng\n\
             Câu 3 [Dễ]: Chọn các số chẵn\nA) 2\nB) 3\nC) 4\nD) 5\n\
             Câu 4: Thủ đô là\nA. Huế B. Hà Nội C. Đà Nẵng D. Vinh\n\
             --- HẾT ---\n\
             ĐÁP ÁN\n\
             3-A,C 4.B\n",
        );
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(read.len(), 4);
        assert_eq!(read[0].question.prompt, "Hội nghị họp mấy ngày?");
        assert_eq!(right(&read[0]), vec![2]);
        assert_eq!(read[0].question.explanation, "Hội nghị họp ba ngày liền.");
        assert_eq!(choices(&read[1]), vec!["Xanh", "Đỏ", "Vàng", "Trắng"]);
        assert_eq!(right(&read[1]), vec![1]);
        assert_eq!(right(&read[2]), vec![0, 2]);
        assert_eq!(choices(&read[3])[1], "Hà Nội");
        assert_eq!(right(&read[3]), vec![1]);
        assert_eq!(read[3].line, 17);
    }

    #[test]
    fn a_question_without_an_answer_is_reported_by_its_number_and_line() {
        let (read, notes) = parse_text(
            "Câu 1: Một câu chưa có đáp án\nA. Có\nB. Không\n\n\
             Câu 2: Chỉ một lựa chọn\nA. Có\nĐáp án: A\n\
             Câu 3: Đáp án không có trong các lựa chọn\nA. X\nB. Y\nĐáp án: D\n",
        );
        assert!(read.is_empty());
        let said: Vec<(usize, String)> = notes
            .iter()
            .map(|n| match &n.kind {
                NoteKind::Question { number, .. } => (n.line, number.clone()),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            said,
            vec![(1, "1".into()), (5, "2".into()), (8, "3".into())]
        );
    }

    #[test]
    fn formatting_marks_the_right_option_when_it_sets_one_apart() {
        let bold = Marks {
            bold: true,
            ..Marks::default()
        };
        let under = Marks {
            underline: true,
            ..Marks::default()
        };
        let line = |n: usize, runs: &[(&str, Marks)]| BankLine {
            line: n,
            runs: runs.iter().map(|(t, m)| (t.to_string(), *m)).collect(),
            stem: false,
        };
        let lines = vec![
            line(1, &[("Câu 1: ", bold), ("Câu hỏi một", Marks::default())]),
            // Every option's letter is bold: that tells nothing.
            line(2, &[("A.", bold), (" Một", Marks::default())]),
            line(3, &[("B.", bold), (" Hai", under)]),
            line(4, &[("C.", bold), (" Ba", Marks::default())]),
            line(5, &[("Câu 2: Câu hỏi hai", Marks::default())]),
            line(
                6,
                &[
                    ("A. X   ", Marks::default()),
                    ("B", under),
                    (". Y   C. Z", Marks::default()),
                ],
            ),
        ];
        let (read, notes) = parse(&lines);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(right(&read[0]), vec![1]);
        assert_eq!(right(&read[1]), vec![1]);
        assert_eq!(choices(&read[1]), vec!["X", "Y", "Z"]);
    }

    #[test]
    fn options_are_not_found_inside_words_or_numbers() {
        assert!(option_starts("Ban Chấp hành Trung ương", None).is_empty());
        assert!(option_starts("A.1 là mục", None).is_empty());
        assert_eq!(option_starts("A.80% B.85% C.90%", None).len(), 3);
        assert!(option_starts("A.Bình", None).is_empty());
        assert_eq!(option_starts("A. một B. hai", None).len(), 2);
        // "C." alone after B goes on; after nothing, "C." is not a start.
        assert_eq!(option_starts("C. ba", Some('B')).len(), 1);
        assert!(option_starts("C. ba", Some('D')).is_empty());
        assert_eq!(question_start("Câu 12: Nội dung").unwrap().0, "12");
        assert_eq!(question_start("(CLO4) Câu 9: Tính").unwrap().0, "9");
        assert_eq!(question_start("[7] Hỏi").unwrap().0, "7");
        assert_eq!(question_start("12. Hỏi gì").unwrap().0, "12");
        assert!(question_start("12.5% dân số").is_none());
        assert!(question_start("Câu hỏi ôn tập").is_none());
        assert_eq!(answer_line("ANSWER: C"), Some(vec!['C']));
        assert_eq!(answer_line("Đáp án đúng: B, D"), Some(vec!['B', 'D']));
        assert_eq!(answer_line("• A. a;"), Some(vec!['A']));
        assert_eq!(answer_line("Đáp ứng yêu cầu"), None);
        assert_eq!(answer_line("Chọn lọc cán bộ"), None);
        assert_eq!(
            key_pairs("1A 2B 3-C 4.D"),
            Some(vec![
                ("1".into(), vec!['A']),
                ("2".into(), vec!['B']),
                ("3".into(), vec!['C']),
                ("4".into(), vec!['D']),
            ])
        );
        assert_eq!(key_pairs("Năm 2020 có 12 tháng"), None);
        assert!(is_end("-- HẾT --"));
    }
}
