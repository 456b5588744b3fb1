//! CSV: a simple form trainers type in a spreadsheet (question; right answer;
//! wrong answers…), and notes for Anki.

use super::{ExportNote, ImportNote, NoteKind};
use crate::quiz::{Answer, BLANK, Question, QuestionSet, Source, correct_answer_text};

/// Splits CSV text into rows of fields (RFC 4180 quoting), with each row's
/// 1-based line. The separator is the first of `;`, tab or `,` found in the
/// first line (spreadsheets in Vietnamese write `;`).
pub fn rows(text: &str) -> Vec<(usize, Vec<String>)> {
    let text = crate::text::strip_bom(text);
    // The separators of the first line, outside quoted fields.
    let mut quoted = false;
    let first: String = text
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .filter(|&c| {
            if c == '"' {
                quoted = !quoted;
            }
            !quoted
        })
        .collect();
    let sep = [';', '\t', ',']
        .into_iter()
        .find(|c| first.contains(*c))
        .unwrap_or(';');
    let mut out = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut row_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if field.is_empty() => quoted = true,
            '\n' if !quoted => {
                row.push(std::mem::take(&mut field));
                if row.iter().any(|f| !f.trim().is_empty()) {
                    out.push((row_line, std::mem::take(&mut row)));
                }
                row.clear();
                line += 1;
                row_line = line;
            }
            '\r' if !quoted => {}
            c if c == sep && !quoted => row.push(std::mem::take(&mut field)),
            c => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
        }
    }
    row.push(field);
    if row.iter().any(|f| !f.trim().is_empty()) {
        out.push((row_line, row));
    }
    out
}

/// Reads the simple form. A row with wrong answers is a single choice (the
/// right answer first in the file); with none, "Đúng"/"Sai" (or True/False)
/// is true/false, a number is a numeric question, anything else a short
/// answer. A first row whose first cell reads like a heading is skipped.
pub fn parse(text: &str) -> (Vec<(usize, Question)>, Vec<ImportNote>) {
    let mut out = Vec::new();
    let mut notes = Vec::new();
    for (index, (line, fields)) in rows(text).into_iter().enumerate() {
        let fields: Vec<String> = fields
            .iter()
            .map(|f| crate::text::nfc(f.trim()).into_owned())
            .filter(|f| !f.is_empty())
            .collect();
        if index == 0 {
            let head = crate::text::fold(
                fields.first().map_or("", String::as_str),
                crate::text::Fold::Marks,
            );
            if ["cau hoi", "question", "noi dung"].contains(&head.as_str()) {
                continue;
            }
        }
        let [prompt, right, wrong @ ..] = fields.as_slice() else {
            notes.push(ImportNote {
                line,
                kind: NoteKind::RowTooShort,
            });
            continue;
        };
        let folded = crate::text::fold(right, crate::text::Fold::Marks);
        let answer = if !wrong.is_empty() {
            let mut choices = vec![right.clone()];
            choices.extend(wrong.iter().cloned());
            Answer::SingleChoice { choices, answer: 0 }
        } else if ["dung", "true", "d"].contains(&folded.as_str()) {
            Answer::TrueFalse(true)
        } else if ["sai", "false", "s"].contains(&folded.as_str()) {
            Answer::TrueFalse(false)
        } else if let Some(n) = crate::numbers::parse_number(right) {
            Answer::Numeric {
                answer: n,
                tolerance: 0.0,
                unit: None,
            }
        } else {
            Answer::FillBlank {
                text: BLANK.into(),
                blanks: vec![vec![right.clone()]],
            }
        };
        out.push((
            line,
            Question {
                id: format!("csv-{line}"),
                prompt: prompt.clone(),
                answer,
                explanation: String::new(),
                source: Source {
                    anchor: "p1".parse().expect("anchor"),
                    quote: String::new(),
                },
                tags: Vec::new(),
                key_point: None,
                difficulty: None,
            },
        ));
    }
    (out, notes)
}

/// One spreadsheet cell (RFC 4180), safe to open in Excel or LibreOffice:
/// a cell with a comma, a quote or a line break is quoted, and a cell that a
/// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab
/// or a carriage return, as OWASP lists them) is prefixed with `'` and
/// quoted. Learner names and answers come from files learners hand in, and
/// end up in the trainer's spreadsheet. Plain numbers ("-0.25") are left as
/// numbers.
pub fn cell(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(s);
    if formula {
        format!("\"'{}\"", s.replace('"', "\"\""))
    } else if s.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A number a spreadsheet reads as a number, never as a formula.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|&c| c == '.').count() <= 1
        && digits.chars().any(|c| c.is_ascii_digit())
}

/// One CSV line of [`cell`]s, ended by CRLF.
pub fn row(fields: &[String]) -> String {
    let cells: Vec<String> = fields.iter().map(|f| cell(f)).collect();
    format!("{}\r\n", cells.join(","))
}

/// An HTML field for Anki. A leading character that a spreadsheet would take
/// for the start of a formula is written as a character reference: Anki shows
/// the same text, and Excel opening the file sees no formula.
fn html(s: &str) -> String {
    let escaped = super::html::escape(s).replace('\n', "<br>");
    match escaped.chars().next() {
        Some(c @ ('=' | '+' | '-' | '@')) => format!("&#{};{}", c as u32, &escaped[1..]),
        _ => escaped,
    }
}

/// Notes for Anki (File → Import): front, back and tags; HTML fields, with
/// Anki's header lines so it picks the separator and columns itself.
pub fn write_anki(set: &QuestionSet, yes: &str, no: &str) -> (String, Vec<ExportNote>) {
    let mut out = String::from("#separator:Comma\n#html:true\n#tags column:3\n");
    for q in &set.questions {
        let mut front = html(&q.prompt);
        match &q.answer {
            Answer::SingleChoice { choices, .. } | Answer::MultipleChoice { choices, .. } => {
                for (i, c) in choices.iter().enumerate() {
                    front.push_str(&format!("<br>{}. {}", (b'A' + i as u8) as char, html(c)));
                }
            }
            Answer::FillBlank { text, .. } => {
                front.push_str(&format!("<br>{}", html(&text.replace(BLANK, "……"))));
            }
            Answer::Ordering(items) => {
                for item in items {
                    front.push_str(&format!("<br>• {}", html(item)));
                }
            }
            Answer::Matching(pairs) => {
                for (l, _) in pairs {
                    front.push_str(&format!("<br>• {}", html(l)));
                }
            }
            Answer::TrueFalse(_) | Answer::Numeric { .. } => {}
        }
        let mut back = html(&correct_answer_text(&q.answer, yes, no));
        if !q.explanation.is_empty() {
            back.push_str(&format!("<br><br>{}", html(&q.explanation)));
        }
        back.push_str(&format!(
            "<br><br><i>“{}” ({})</i>",
            html(&q.source.quote),
            q.source.anchor
        ));
        let tags: Vec<String> = std::iter::once("nghiquyet".to_string())
            .chain(q.tags.iter().map(|t| t.replace(' ', "_")))
            .collect();
        out.push_str(&format!(
            "{},{},{}\n",
            cell(&front),
            cell(&back),
            cell(&tags.join(" "))
        ));
    }
    (out, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_the_first_lines_separator_and_quotes() {
        let text = "\u{feff}Câu hỏi;Đáp án đúng;Sai 1\r\n\"Có bao nhiêu khâu; đột phá?\";3;2;4\n\n\"Nhiều\ndòng\";x\n";
        let r = rows(text);
        assert_eq!(r.len(), 3);
        assert_eq!(
            r[1],
            (
                2,
                vec![
                    "Có bao nhiêu khâu; đột phá?".into(),
                    "3".into(),
                    "2".into(),
                    "4".into()
                ]
            )
        );
        assert_eq!(r[2].0, 4);
        assert_eq!(r[2].1[0], "Nhiều\ndòng");
        assert_eq!(rows("a,b\nc,d")[1].1, ["c", "d"]);
        // A separator inside a quoted header field does not count.
        assert_eq!(rows("\"a;b\",c\nd,e")[0].1, ["a;b", "c"]);
    }

    #[test]
    fn cells_a_spreadsheet_would_run_as_formulas_are_neutralised() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        for evil in ["+1+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "=1"] {
            let c = cell(evil);
            assert!(c.starts_with("\"'"), "{evil:?} → {c:?}");
        }
        // Numbers stay numbers; ordinary text stays as it is.
        assert_eq!(cell("-0.25"), "-0.25");
        assert_eq!(cell("+3"), "+3");
        assert_eq!(cell("Nguyễn Văn An"), "Nguyễn Văn An");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("a;b"), "\"a;b\"");
        assert_eq!(row(&["=1".into(), "2".into()]), "\"'=1\",2\r\n");
    }

    #[test]
    fn anki_fields_starting_like_a_formula_are_written_as_references() {
        let (mut qs, _) = parse("Câu hỏi;Đáp án\nMột cộng một?;2;3\n");
        let mut question = qs.remove(0).1;
        question.prompt = "=1+1".into();
        question.explanation = "-thử".into();
        let set = QuestionSet {
            format: crate::quiz::FORMAT_VERSION,
            title: "t".into(),
            author: String::new(),
            document: "d".into(),
            language: "vi".into(),
            tone_marks: Default::default(),
            partial_credit: false,
            questions: vec![question],
        };
        let (text, _) = write_anki(&set, "Đúng", "Sai");
        let line = text.lines().nth(3).unwrap();
        assert!(line.starts_with("\"&#61;1+1"), "{line}");
        for field in line.split(',') {
            let field = field.trim_start_matches('"');
            assert!(!field.starts_with(['=', '+', '-', '@']), "{line}");
        }
    }

    #[test]
    fn each_row_becomes_the_question_it_reads_as() {
        let text = "Câu hỏi;Đáp án\nCó bao nhiêu khâu đột phá?;3;2;4\nHội nghị tổ chức trực tuyến.;Đúng\nGần bao nhiêu cán bộ dự?;12.000\nPhương châm bắt đầu bằng?;Đoàn kết\nChỉ một ô\n";
        let (qs, notes) = parse(text);
        assert_eq!(qs.len(), 4);
        assert!(
            matches!(&qs[0].1.answer, Answer::SingleChoice { choices, answer: 0 } if choices == &["3", "2", "4"])
        );
        assert_eq!(qs[1].1.answer, Answer::TrueFalse(true));
        assert!(matches!(qs[2].1.answer, Answer::Numeric { answer, .. } if answer == 12000.0));
        assert!(
            matches!(&qs[3].1.answer, Answer::FillBlank { blanks, .. } if blanks[0] == ["Đoàn kết"])
        );
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].line, 6);
    }
}
