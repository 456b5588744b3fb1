//! Word question banks: paragraphs as lines, and question tables
//! ("STT | Nội dung | Phương án | Đáp án", or an answer table "Câu | Đáp
//! án") turned into the lines a typed bank would have.

use crate::document::readers::{MarkedParagraph, Marks};

use super::{BankLine, option_starts};

/// The lines of a Word bank: its paragraphs, and its question tables turned
/// into the same lines a typed bank would have.
pub fn docx_lines(paragraphs: &[MarkedParagraph]) -> Vec<BankLine> {
    let mut lines = Vec::new();
    let mut i = 0;
    let mut letters = Lettering::default();
    while i < paragraphs.len() {
        let p = &paragraphs[i];
        let Some((table, row, _)) = p.cell else {
            lines.push(BankLine {
                line: i + 1,
                runs: p.runs.clone(),
                stem: false,
            });
            i += 1;
            continue;
        };
        // The row's cells, each a list of paragraphs.
        let mut cells: Vec<Vec<(usize, &MarkedParagraph)>> = Vec::new();
        while i < paragraphs.len() {
            match paragraphs[i].cell {
                Some((t, r, c)) if t == table && r == row => {
                    while cells.len() <= c {
                        cells.push(Vec::new());
                    }
                    cells[c].push((i + 1, &paragraphs[i]));
                    i += 1;
                }
                _ => break,
            }
        }
        table_row(&cells, &mut letters, &mut lines);
    }
    lines
}

/// Letters given to options that a table lists without them.
#[derive(Default)]
struct Lettering {
    next: u8,
    /// The number of the question row before: a row repeated (merged
    /// cells) is read once.
    last_number: Option<String>,
}

fn cell_text(cell: &[(usize, &MarkedParagraph)]) -> String {
    cell.iter()
        .map(|(_, p)| p.text())
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_number(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', ':', ')']);
    !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
}

/// "A", "B, D": only option letters.
fn letters_only(text: &str) -> Option<Vec<char>> {
    let t = text.trim().trim_end_matches('.');
    if t.is_empty() || t.chars().count() > 12 {
        return None;
    }
    let mut letters = Vec::new();
    for c in t.chars() {
        match c {
            'A'..='H' => letters.push(c),
            'a'..='h' if t.chars().count() == 1 => letters.push(c.to_ascii_uppercase()),
            ',' | ';' | ' ' | '&' => {}
            _ => return None,
        }
    }
    (!letters.is_empty()).then_some(letters)
}

fn table_row(
    row: &[Vec<(usize, &MarkedParagraph)>],
    letters: &mut Lettering,
    lines: &mut Vec<BankLine>,
) {
    let filled: Vec<usize> = (0..row.len()).filter(|&c| !row[c].is_empty()).collect();
    let Some(&first) = filled.first() else {
        return;
    };
    let first_line = row[first][0].0;
    let text = |c: usize| cell_text(&row[c]);
    let head = text(first);
    let number = is_number(&head).then(|| head.trim_end_matches(['.', ':', ')']).to_string());
    if number.is_none() && filled.len() >= 2 && head.chars().count() <= 12 {
        // A header row: "STT | Nội dung | …", "Câu | Đáp án".
        let lower = head.to_lowercase();
        if ["stt", "tt", "câu", "số", "no"]
            .iter()
            .any(|h| lower.starts_with(h))
        {
            return;
        }
    }
    // A row of its own holding only the answer of the question before.
    if number.is_none()
        && let [only] = filled.as_slice()
        && let Some(l) = letters_only(&text(*only))
    {
        let key: String = l.iter().map(|c| format!("{c} ")).collect();
        lines.push(BankLine::plain(
            first_line,
            &format!("Đáp án: {}", key.trim()),
        ));
        return;
    }
    let mut rest: Vec<usize> = if number.is_some() {
        filled[1..].to_vec()
    } else {
        filled.clone()
    };
    if let Some(n) = &number {
        // The number written twice (merged cells).
        if rest.first().is_some_and(|&c| &text(c) == n) {
            rest.remove(0);
        }
        // An answer table row: number | letter.
        if let [answer] = rest.as_slice()
            && let Some(l) = letters_only(&text(*answer))
        {
            let key: String = l.iter().collect();
            lines.push(BankLine::plain(first_line, &format!("{n}-{key}")));
            return;
        }
        // A row repeated (merged cells) is read once.
        if letters.last_number.as_ref() == Some(n) {
            return;
        }
        letters.last_number = Some(n.clone());
        letters.next = 0;
    }
    let answer = match rest.last() {
        Some(&last) if rest.len() >= 2 => letters_only(&text(last)),
        _ => None,
    };
    if answer.is_some() {
        rest.pop();
    }
    // Which cells hold the question and which its options: by position in
    // a numbered row; by column in a row that goes on with the one before
    // (a wide table: STT | Nội dung | Phương án | Đáp án).
    let (stem, options): (Vec<usize>, Vec<usize>) = if number.is_some() {
        (
            rest.iter().take(1).copied().collect(),
            rest.iter().skip(1).copied().collect(),
        )
    } else if row.len() >= 4 {
        rest.iter().partition(|&&c| c <= 1)
    } else {
        (Vec::new(), rest.clone())
    };
    let mut prefix = number.as_ref().map(|n| format!("Câu {n}: "));
    for &c in &stem {
        for (line, p) in &row[c] {
            let mut runs = p.runs.clone();
            if let Some(label) = prefix.take() {
                runs.insert(0, (label, Marks::default()));
            }
            lines.push(BankLine {
                line: *line,
                runs,
                stem: number.is_none(),
            });
        }
    }
    if let Some(label) = prefix {
        lines.push(BankLine::plain(first_line, label.trim_end()));
    }
    // Options lettered in the file keep their letters, and a paragraph
    // without one goes on with the option before; otherwise each paragraph
    // is an option, lettered in turn.
    let lettered = options
        .iter()
        .flat_map(|&c| row[c].iter())
        .any(|(_, p)| !option_starts(&p.text(), None).is_empty());
    for (line, p) in options.iter().flat_map(|&c| row[c].iter()) {
        let mut runs = p.runs.clone();
        if lettered {
            if let Some(start) = option_starts(&p.text(), None).last() {
                letters.next = (start.letter as u8 - b'A') + 1;
            }
        } else if letters.next < 8 {
            let letter = (b'A' + letters.next) as char;
            runs.insert(0, (format!("{letter}. "), Marks::default()));
            letters.next += 1;
        }
        lines.push(BankLine {
            line: *line,
            runs,
            stem: false,
        });
    }
    if let Some(answer) = answer {
        let key: String = answer.iter().map(|c| format!("{c} ")).collect();
        lines.push(BankLine::plain(
            first_line,
            &format!("Đáp án: {}", key.trim()),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::Answer;

    fn choices_and_right(q: &crate::quiz::Question) -> (Vec<String>, usize) {
        match &q.answer {
            Answer::SingleChoice { choices, answer } => (choices.clone(), *answer),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_word_table_of_questions_is_read_row_by_row() {
        let p = |cell: (usize, usize, usize), text: &str| MarkedParagraph {
            runs: vec![(text.to_string(), Marks::default())],
            cell: Some(cell),
        };
        let paragraphs = vec![
            p((1, 0, 0), "STT"),
            p((1, 0, 1), "Nội dung"),
            p((1, 0, 2), "Phương án trả lời"),
            p((1, 0, 3), "Đáp án"),
            p((1, 1, 0), "1"),
            p((1, 1, 1), "Thời hạn là bao lâu?"),
            p((1, 1, 2), "3 ngày"),
            p((1, 1, 2), "5 ngày"),
            p((1, 1, 2), "7 ngày"),
            p((1, 1, 3), "B"),
            p((1, 2, 0), "2"),
            p((1, 2, 1), "Ai quyết định?"),
            p((1, 2, 2), "A. Chủ tịch"),
            p((1, 2, 2), "B. Bí thư"),
            // The question's last option spills into the next table.
            p((2, 0, 2), "C. Hội đồng"),
            p((2, 0, 3), "C"),
        ];
        let (read, notes) = super::super::parse(&docx_lines(&paragraphs));
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].question.prompt, "Thời hạn là bao lâu?");
        let (choices, right) = choices_and_right(&read[0].question);
        assert_eq!(
            (choices, right),
            (vec!["3 ngày".into(), "5 ngày".into(), "7 ngày".into()], 1)
        );
        let (choices, right) = choices_and_right(&read[1].question);
        assert_eq!(
            (choices, right),
            (
                vec!["Chủ tịch".into(), "Bí thư".into(), "Hội đồng".into()],
                2
            )
        );
    }
}
