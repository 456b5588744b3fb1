//! Moodle's GIFT format (<https://docs.moodle.org/en/GIFT_format>): multiple
//! choice (one or several right answers), true/false, short answer, missing
//! word, numeric (with tolerance or range) and matching; comments, categories,
//! titles, feedback, `[format]` prefixes and `\` escapes.
//!
//! What we export carries the passage, tags, key point and difficulty in
//! `// nghiquyet-…:` comments, so RON → GIFT → RON keeps every question GIFT
//! can hold.

use super::{ExportNote, ImportNote, NoteKind};
use crate::quiz::{Answer, BLANK, Difficulty, Question, QuestionSet, Source};

/// A question read from GIFT, before it is tied to the document.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub line: usize,
    pub question: Question,
    /// The passage, when the file said (our own exports do).
    pub source: Option<Source>,
}

/// Reads GIFT text: the questions, and a note for each one not taken.
pub fn parse(text: &str) -> (Vec<Parsed>, Vec<ImportNote>) {
    let mut out = Vec::new();
    let mut notes = Vec::new();
    let mut seen_ids = std::collections::HashSet::new();
    for block in blocks(text) {
        match parse_block(&block) {
            Ok(Some(mut parsed)) => {
                if parsed.question.id.is_empty() || !seen_ids.insert(parsed.question.id.clone()) {
                    parsed.question.id = format!("gift-{}", block.line);
                    seen_ids.insert(parsed.question.id.clone());
                }
                out.push(parsed);
            }
            Ok(None) => {}
            Err(kind) => notes.push(ImportNote {
                line: block.line,
                kind,
            }),
        }
    }
    (out, notes)
}

/// One question's text: its lines joined, and the comments before it.
struct Block {
    line: usize,
    text: String,
    meta: Vec<(String, String)>,
}

/// Splits GIFT into questions: blank lines separate them; `//` lines are
/// comments (ours carry metadata); `$CATEGORY:` lines are skipped.
fn blocks(text: &str) -> Vec<Block> {
    let text = crate::text::strip_bom(text);
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    let mut meta = Vec::new();
    let mut depth = 0usize;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if depth == 0 && trimmed.starts_with("//") {
            if let Some(rest) = trimmed.strip_prefix("// nghiquyet-")
                && let Some((key, value)) = rest.split_once(':')
            {
                meta.push((key.trim().to_string(), unescape_comment(value.trim())));
            }
            continue;
        }
        if depth == 0 && trimmed.starts_with("$CATEGORY:") {
            continue;
        }
        if trimmed.is_empty() && depth == 0 {
            if let Some(b) = current.take() {
                out.push(b);
            }
            continue;
        }
        let block = current.get_or_insert_with(|| Block {
            line: i + 1,
            text: String::new(),
            meta: std::mem::take(&mut meta),
        });
        if !block.text.is_empty() {
            block.text.push('\n');
        }
        block.text.push_str(line);
        depth = brace_depth(&block.text);
    }
    if let Some(b) = current.take() {
        out.push(b);
    }
    out
}

/// How many `{` are open (escaped braces do not count).
fn brace_depth(text: &str) -> usize {
    let mut depth = 0usize;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth
}

/// GIFT's escapes: `\~ \= \# \{ \} \:` and `\n` for a line break.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

fn unescape_comment(s: &str) -> String {
    s.replace("\\n", "\n")
}

/// Finds the first unescaped `c`.
fn find_unescaped(s: &str, target: char) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == target {
            return Some(i);
        }
    }
    None
}

/// Drops a `[html]`/`[moodle]`/`[plain]`/`[markdown]` prefix, and the tags
/// of HTML text.
fn plain_text(s: &str) -> String {
    let s = s.trim();
    for format in ["[html]", "[moodle]", "[plain]", "[markdown]"] {
        if let Some(rest) = s.strip_prefix(format) {
            let rest = unescape(rest.trim());
            return if format == "[html]" {
                strip_tags(&rest)
            } else {
                rest
            };
        }
    }
    unescape(s)
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// One answer inside the braces: its mark (`=`, `~`, `->` pairs), weight,
/// text and feedback.
struct Choice {
    right: bool,
    weight: Option<f64>,
    text: String,
}

fn parse_choices(body: &str) -> Vec<Choice> {
    // Each answer starts with an unescaped `=` or `~`.
    let mut starts = Vec::new();
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '=' || c == '~' {
            // `->` inside a matching pair is not a mark.
            starts.push(i);
        }
    }
    let mut out = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(body.len());
        let mark = &body[start..start + 1];
        let mut text = &body[start + 1..end];
        // Feedback after `#` is dropped (general feedback is taken elsewhere).
        if let Some(hash) = find_unescaped(text, '#') {
            text = &text[..hash];
        }
        let mut weight = None;
        let t = text.trim_start();
        if let Some(rest) = t.strip_prefix('%')
            && let Some(close) = rest.find('%')
        {
            weight = rest[..close].trim().parse::<f64>().ok();
            text = &rest[close + 1..];
        }
        out.push(Choice {
            right: mark == "=" || weight.is_some_and(|w| w > 0.0),
            weight,
            text: text.trim().to_string(),
        });
    }
    out
}

fn parse_block(block: &Block) -> Result<Option<Parsed>, NoteKind> {
    let mut text = block.text.trim().to_string();
    let mut id = String::new();
    if let Some(rest) = text.strip_prefix("::")
        && let Some(end) = rest.find("::")
    {
        id = unescape(rest[..end].trim());
        text = rest[end + 2..].trim_start().to_string();
    }
    let Some(open) = find_unescaped(&text, '{') else {
        return Err(NoteKind::Description);
    };
    let close = text[open..]
        .rfind('}')
        .map(|c| open + c)
        .ok_or(NoteKind::Unclosed)?;
    let mut body = text[open + 1..close].trim().to_string();
    // General feedback: `####…` at the end of the answers.
    let mut explanation = String::new();
    if let Some(at) = body.find("####") {
        explanation = plain_text(&body[at + 4..]);
        body.truncate(at);
    }
    let meta = |key: &str| {
        block
            .meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    };
    // Our own missing-word questions say what their prompt is.
    let own_prompt = meta("prompt");
    let raw_before = unescape(&text[..open]);
    let raw_after = unescape(&text[close + 1..]);
    let (prompt, answer) = match parse_answer(body.trim())? {
        Answer::FillBlank { blanks, .. } => {
            if let Some(p) = &own_prompt {
                let before = raw_before.strip_prefix(p.as_str()).unwrap_or(&raw_before);
                let before = if p.is_empty() {
                    before
                } else {
                    before.strip_prefix(' ').unwrap_or(before)
                };
                let text = format!("{before}{BLANK}{raw_after}");
                (p.clone(), Answer::FillBlank { text, blanks })
            } else if raw_after.trim().is_empty() {
                // Short answer: the text is the question.
                (
                    plain_text(&raw_before),
                    Answer::FillBlank {
                        text: BLANK.into(),
                        blanks,
                    },
                )
            } else {
                // Missing word: the text around the braces is the sentence.
                let text = format!("{}{BLANK}{}", raw_before.trim_start(), raw_after.trim_end());
                (String::new(), Answer::FillBlank { text, blanks })
            }
        }
        // A missing-word multiple choice: the gap shown in the sentence.
        other if !raw_after.trim().is_empty() => {
            (plain_text(&format!("{}……{}", raw_before, raw_after)), other)
        }
        other => (plain_text(&raw_before), other),
    };
    let answer = match answer {
        Answer::FillBlank { text, blanks } => Answer::FillBlank {
            text: nfc(&text),
            blanks,
        },
        Answer::Numeric {
            answer, tolerance, ..
        } => Answer::Numeric {
            answer,
            tolerance,
            unit: meta("unit").map(|u| nfc(&u)),
        },
        other => other,
    };
    let difficulty = match meta("difficulty").as_deref() {
        Some("Easy") => Some(Difficulty::Easy),
        Some("Medium") => Some(Difficulty::Medium),
        Some("Hard") => Some(Difficulty::Hard),
        _ => None,
    };
    let source = meta("anchor")
        .and_then(|a| a.parse().ok())
        .zip(meta("quote"))
        .map(|(anchor, quote)| Source {
            anchor,
            quote: nfc(&quote),
        });
    let question = Question {
        id: nfc(&id),
        prompt: nfc(&prompt),
        answer,
        explanation: nfc(&explanation),
        source: Source {
            anchor: "p1".parse().expect("a valid anchor"),
            quote: String::new(),
        },
        tags: meta("tags")
            .map(|v| {
                v.split(',')
                    .map(|t| nfc(t.trim()))
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        key_point: meta("key-point").map(|k| nfc(&k)),
        difficulty,
    };
    Ok(Some(Parsed {
        line: block.line,
        question,
        source,
    }))
}

fn parse_answer(body: &str) -> Result<Answer, NoteKind> {
    if body.is_empty() {
        return Err(NoteKind::Essay);
    }
    match body {
        "T" | "TRUE" => return Ok(Answer::TrueFalse(true)),
        "F" | "FALSE" => return Ok(Answer::TrueFalse(false)),
        _ => {}
    }
    // True/false with feedback: `{T#right#wrong}`.
    for (mark, value) in [
        ("TRUE#", true),
        ("FALSE#", false),
        ("T#", true),
        ("F#", false),
    ] {
        if body.starts_with(mark) {
            return Ok(Answer::TrueFalse(value));
        }
    }
    if let Some(numeric) = body.strip_prefix('#') {
        return parse_numeric(numeric);
    }
    let choices = parse_choices(body);
    if choices.is_empty() {
        return Err(NoteKind::NoAnswers);
    }
    // Matching: every answer is `=left -> right`.
    if choices.iter().all(|c| c.text.contains("->")) {
        let pairs: Vec<(String, String)> = choices
            .iter()
            .filter_map(|c| {
                let (l, r) = c.text.split_once("->")?;
                Some((nfc(&unescape(l.trim())), nfc(&unescape(r.trim()))))
            })
            .collect();
        return Ok(Answer::Matching(pairs));
    }
    let texts: Vec<String> = choices.iter().map(|c| nfc(&unescape(&c.text))).collect();
    if choices.iter().all(|c| c.right && c.weight.is_none()) {
        // Short answer or missing word: every accepted spelling.
        return Ok(Answer::FillBlank {
            text: BLANK.to_string(),
            blanks: vec![texts],
        });
    }
    let right: Vec<usize> = choices
        .iter()
        .enumerate()
        .filter(|(_, c)| c.right)
        .map(|(i, _)| i)
        .collect();
    match right.as_slice() {
        [] => Err(NoteKind::NoRightAnswer),
        [one] if choices.iter().all(|c| c.weight.is_none()) => Ok(Answer::SingleChoice {
            choices: texts,
            answer: *one,
        }),
        _ => Ok(Answer::MultipleChoice {
            choices: texts,
            answers: right,
        }),
    }
}

fn nfc(s: &str) -> String {
    crate::text::nfc(s).into_owned()
}

fn parse_numeric(body: &str) -> Result<Answer, NoteKind> {
    // `#=3.14:0.01 =%50%3.1:0.1`: the first full-credit answer.
    let first = body
        .trim()
        .trim_start_matches('=')
        .split(['=', '~'])
        .next()
        .unwrap_or("")
        .split('#')
        .next()
        .unwrap_or("")
        .trim();
    let first = first
        .strip_prefix('%')
        .and_then(|r| r.split_once('%').map(|(_, v)| v))
        .unwrap_or(first)
        .trim();
    let number = |s: &str| s.trim().replace(',', ".").parse::<f64>().ok();
    let bad = || NoteKind::NotANumber(format!("{{#{body}}}"));
    if let Some((min, max)) = first.split_once("..") {
        let (min, max) = (number(min).ok_or_else(bad)?, number(max).ok_or_else(bad)?);
        return Ok(Answer::Numeric {
            answer: (min + max) / 2.0,
            tolerance: (max - min).abs() / 2.0,
            unit: None,
        });
    }
    let (value, tolerance) = match first.split_once(':') {
        Some((v, t)) => (number(v).ok_or_else(bad)?, number(t).ok_or_else(bad)?),
        None => (number(first).ok_or_else(bad)?, 0.0),
    };
    Ok(Answer::Numeric {
        answer: value,
        tolerance,
        unit: None,
    })
}

/// Writes a set as GIFT. Ordering questions and fill-ins with more than one
/// blank have no GIFT form: they are left out and listed.
pub fn write(set: &QuestionSet) -> (String, Vec<ExportNote>) {
    let mut out = String::new();
    let mut notes = Vec::new();
    out.push_str(&format!("// {}\n", set.title.replace('\n', " ")));
    out.push_str("// Written by nghiquyet (Học tập Nghị quyết). The nghiquyet- comments keep each\n// question's passage in the resolution; Moodle ignores them.\n");
    out.push_str(&format!(
        "$CATEGORY: $course$/{}\n\n",
        set.title.replace(['/', '\n'], " ")
    ));
    for q in &set.questions {
        let body = match &q.answer {
            Answer::SingleChoice { choices, answer } => {
                let items: Vec<String> = choices
                    .iter()
                    .enumerate()
                    .map(|(i, c)| format!("{}{}", if i == *answer { "=" } else { "~" }, escape(c)))
                    .collect();
                format!("{{\n\t{}\n", items.join("\n\t"))
            }
            Answer::MultipleChoice { choices, answers } => {
                let right = answers.len().max(1) as f64;
                let wrong = (choices.len() - answers.len()).max(1) as f64;
                let items: Vec<String> = choices
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let weight = if answers.contains(&i) {
                            100.0 / right
                        } else {
                            -100.0 / wrong
                        };
                        format!("~%{}%{}", trim_number(weight), escape(c))
                    })
                    .collect();
                format!("{{\n\t{}\n", items.join("\n\t"))
            }
            Answer::TrueFalse(value) => format!("{{{}", if *value { "TRUE" } else { "FALSE" }),
            Answer::FillBlank { text, blanks } if blanks.len() == 1 => {
                let accepted: Vec<String> = blanks[0]
                    .iter()
                    .map(|b| format!("={}", escape(b)))
                    .collect();
                let (before, after) = text.split_once(BLANK).unwrap_or((text.as_str(), ""));
                let lead = if q.prompt.is_empty() {
                    escape(before)
                } else {
                    format!("{} {}", escape(&q.prompt), escape(before))
                };
                out.push_str(&meta(q));
                out.push_str(&format!(
                    "::{}::{lead}{{{}{}}}{}\n\n",
                    escape(&q.id),
                    accepted.join(" "),
                    explanation(q),
                    escape(after)
                ));
                continue;
            }
            Answer::FillBlank { .. } => {
                notes.push(ExportNote {
                    question: q.id.clone(),
                    reason: super::LeftOut::SeveralBlanks,
                });
                continue;
            }
            Answer::Numeric {
                answer, tolerance, ..
            } => {
                format!("{{#{}:{}", trim_number(*answer), trim_number(*tolerance))
            }
            Answer::Ordering(_) => {
                notes.push(ExportNote {
                    question: q.id.clone(),
                    reason: super::LeftOut::Ordering,
                });
                continue;
            }
            Answer::Matching(pairs) => {
                let items: Vec<String> = pairs
                    .iter()
                    .map(|(l, r)| format!("={} -> {}", escape(l), escape(r)))
                    .collect();
                format!("{{\n\t{}\n", items.join("\n\t"))
            }
        };
        out.push_str(&meta(q));
        out.push_str(&format!(
            "::{}::{} {body}{}}}\n\n",
            escape(&q.id),
            escape(&q.prompt),
            explanation(q)
        ));
    }
    (out, notes)
}

fn explanation(q: &Question) -> String {
    if q.explanation.is_empty() {
        String::new()
    } else {
        format!("####{}", escape(&q.explanation))
    }
}

/// Our comments: the passage, and what GIFT has no place for.
fn meta(q: &Question) -> String {
    let line =
        |key: &str, value: &str| format!("// nghiquyet-{key}: {}\n", value.replace('\n', "\\n"));
    let mut out = line("anchor", &q.source.anchor.to_string());
    out.push_str(&line("quote", &q.source.quote));
    if !q.tags.is_empty() {
        out.push_str(&line("tags", &q.tags.join(", ")));
    }
    if let Some(k) = &q.key_point {
        out.push_str(&line("key-point", k));
    }
    if let Answer::Numeric {
        unit: Some(unit), ..
    } = &q.answer
    {
        out.push_str(&line("unit", unit));
    }
    if let Some(d) = q.difficulty {
        out.push_str(&line("difficulty", &format!("{d:?}")));
    }
    // A fill-in's own prompt (maybe empty), which GIFT merges into its text.
    if let Answer::FillBlank { .. } = q.answer {
        out.push_str(&line("prompt", &q.prompt));
    }
    out
}

fn trim_number(x: f64) -> String {
    let s = format!("{x:.5}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn sample() -> (Vec<Parsed>, Vec<ImportNote>) {
        parse(include_str!("../../tests/data/moodle-sample.gift"))
    }

    #[test]
    fn a_file_written_to_moodles_description_imports() {
        let (qs, notes) = sample();
        let by_id = |id: &str| &qs.iter().find(|p| p.question.id == id).unwrap().question;
        assert_eq!(
            qs.len(),
            10,
            "{:#?}",
            qs.iter().map(|p| &p.question.id).collect::<Vec<_>>()
        );
        let khau = by_id("Khâu đột phá");
        assert_eq!(khau.prompt, "Nghị quyết đề ra bao nhiêu khâu đột phá?");
        assert_eq!(
            khau.answer,
            Answer::SingleChoice {
                choices: vec!["3".into(), "2".into(), "4".into()],
                answer: 0
            }
        );
        assert_eq!(
            khau.explanation,
            "Xem đoạn tường thuật bài quán triệt của Bí thư Thành ủy."
        );
        assert_eq!(by_id("Trực tuyến").answer, Answer::TrueFalse(true));
        let short = &qs[2].question;
        assert_eq!(short.prompt, "Phương châm Đại hội bắt đầu bằng cụm từ nào?");
        assert_eq!(
            short.answer,
            Answer::FillBlank {
                text: BLANK.into(),
                blanks: vec![vec!["Đoàn kết".into(), "Đoàn Kết".into()]]
            }
        );
        let gap = &qs[3].question;
        assert_eq!(
            gap.prompt,
            "Phương châm: “Đoàn kết - …… - Kỷ cương - Sáng tạo - Phát triển”."
        );
        assert!(
            matches!(&gap.answer, Answer::SingleChoice { answer: 0, choices } if choices[0] == "Dân chủ")
        );
        assert_eq!(
            by_id("Cán bộ").answer,
            Answer::Numeric {
                answer: 12000.0,
                tolerance: 500.0,
                unit: None
            }
        );
        assert_eq!(
            by_id("Đảng bộ").answer,
            Answer::Numeric {
                answer: 50.0,
                tolerance: 1.0,
                unit: None
            }
        );
        assert!(
            matches!(&by_id("Chức vụ").answer, Answer::Matching(p) if p[1] == ("Chu Ngọc Anh".to_string(), "Chủ tịch UBND TP".to_string()))
        );
        assert!(
            matches!(&by_id("Phương châm").answer, Answer::MultipleChoice { answers, .. } if answers == &[0, 1])
        );
        let signs = by_id("Ký hiệu");
        assert_eq!(
            signs.prompt,
            "Trong \"2 + 2 = 4\", dấu ~ và ngoặc { } có nghĩa gì: thử thôi?"
        );
        assert!(
            matches!(&signs.answer, Answer::SingleChoice { choices, .. } if choices[0] == "Không có gì # đặc biệt")
        );
        assert_eq!(by_id("HTML").prompt, "Nghị quyết có 20 chỉ tiêu chủ yếu.");
        let reasons: Vec<(usize, &NoteKind)> = notes.iter().map(|n| (n.line, &n.kind)).collect();
        assert_eq!(
            reasons,
            [(45, &NoteKind::Essay), (48, &NoteKind::Description)]
        );
    }

    #[test]
    fn our_sets_survive_a_round_trip_through_gift() {
        let library = crate::quiz::Library::load(std::path::Path::new("/nonexistent"));
        let doc = Document::bundled();
        let (points, _) = crate::keypoints::key_points_for(&doc);
        let generated = crate::generate::generate(&doc, &points, 1);
        for set in [&library.sets[0].set, &generated] {
            let (text, skipped) = write(set);
            let (back, notes) = parse(&text);
            assert!(notes.is_empty(), "{notes:?}");
            let holdable: Vec<&Question> = set
                .questions
                .iter()
                .filter(|q| !skipped.iter().any(|s| s.question == q.id))
                .collect();
            assert!(skipped.iter().all(|s| {
                let q = set.questions.iter().find(|q| q.id == s.question).unwrap();
                matches!(&q.answer, Answer::Ordering(_))
                    || matches!(&q.answer, Answer::FillBlank { blanks, .. } if blanks.len() > 1)
            }));
            assert_eq!(back.len(), holdable.len());
            for (original, parsed) in holdable.iter().zip(&back) {
                let mut restored = parsed.question.clone();
                restored.source = parsed
                    .source
                    .clone()
                    .expect("the passage travels in comments");
                assert_eq!(&restored, *original);
            }
        }
    }

    #[test]
    fn escaping_round_trips_every_special_character() {
        for s in [
            "a ~ b = c # d { e } f : g \\ h",
            "dòng 1\ndòng 2",
            "“Đoàn kết - Dân chủ”",
        ] {
            assert_eq!(unescape(&escape(s)), s);
        }
    }
}
