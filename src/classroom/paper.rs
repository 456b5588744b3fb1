//! The exam on paper: numbered versions (mã đề 101, 102, …), each with the
//! questions and their options in its own order (options that name the
//! others keep their place), a header for the learner's name and unit, an
//! answer sheet (phiếu trả lời) to fill in by hand, and one answer key per
//! version at the end — as a Word file and as a web page to print. The
//! same exam code gives the same order as on screen.

use super::exam_file::ExamFile;
use crate::formats::printed::Printed;
use crate::quiz::practice::Item;
use crate::quiz::{Answer, BLANK};

/// One version of the paper.
pub struct Version {
    pub code: u32,
    pub items: Vec<Item>,
}

/// The words printed, in the interface language.
pub struct PaperWords<'a> {
    /// "Thời gian làm bài: {minutes} phút".
    pub time: &'a str,
    /// "Mã đề: {code}".
    pub code: &'a str,
    pub name_line: &'a str,
    /// "Câu {n}."
    pub question: &'a str,
    pub several: &'a str,
    pub true_: &'a str,
    pub false_: &'a str,
    pub write_answer: &'a str,
    pub order_line: &'a str,
    pub match_line: &'a str,
    pub sheet_title: &'a str,
    pub sheet_hint: &'a str,
    pub column_question: &'a str,
    pub column_answer: &'a str,
    pub keys_title: &'a str,
    pub key_title: &'a str,
    pub end: &'a str,
}

/// The exam codes of `count` versions: the file's, then on from the last.
pub fn codes(file: &ExamFile, count: usize) -> Vec<u32> {
    let mut codes: Vec<u32> = file.codes.iter().copied().take(count).collect();
    let mut next = codes.iter().max().map_or(101, |m| m + 1);
    while codes.len() < count {
        codes.push(next);
        next += 1;
    }
    codes
}

pub fn versions(file: &ExamFile, count: usize) -> Vec<Version> {
    codes(file, count.max(1))
        .into_iter()
        .map(|code| Version {
            code,
            items: file.draw(code),
        })
        .collect()
}

fn letter(i: usize) -> char {
    (b'A' + (i as u8).min(25)) as char
}

fn position(list: &[usize], of: usize) -> usize {
    list.iter().position(|&x| x == of).unwrap_or(0)
}

/// The right answer of `item` as the paper shows it: letters for choices,
/// the words for a blank, the number, the order of the letters.
pub fn key(item: &Item) -> String {
    let layout = &item.layout;
    match &item.question.answer {
        Answer::SingleChoice { answer, .. } => {
            letter(position(&layout.choices, *answer)).to_string()
        }
        Answer::MultipleChoice { answers, .. } => {
            let mut letters: Vec<char> = answers
                .iter()
                .map(|&a| letter(position(&layout.choices, a)))
                .collect();
            letters.sort_unstable();
            letters.into_iter().collect()
        }
        Answer::TrueFalse(right) => if *right { "A" } else { "B" }.to_string(),
        Answer::FillBlank { blanks, .. } => blanks
            .iter()
            .map(|b| b.first().cloned().unwrap_or_default())
            .collect::<Vec<_>>()
            .join(" / "),
        Answer::Numeric { answer, .. } => format!("{answer}").replace('.', ","),
        Answer::Ordering(_) => (0..layout.items.len())
            .map(|step| letter(position(&layout.items, step)).to_string())
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Matching(pairs) => (0..pairs.len())
            .map(|left| format!("{}-{}", left + 1, letter(position(&layout.rights, left))))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn fill(template: &str, key: &str, value: &dyn std::fmt::Display) -> String {
    crate::i18n::fill(template, &[(key, value)])
}

/// The question as printed: its number, its text and its options.
fn question(doc: &mut Printed, n: usize, item: &Item, words: &PaperWords<'_>) {
    let q = &item.question;
    let layout = &item.layout;
    let label = format!("{} ", fill(words.question, "n", &n));
    let prompt = match &q.answer {
        Answer::FillBlank { text, .. } if q.prompt.is_empty() => text.replace(BLANK, "…………"),
        Answer::FillBlank { text, .. } => format!("{} {}", q.prompt, text.replace(BLANK, "…………")),
        _ => q.prompt.clone(),
    };
    let prompt = match &q.answer {
        Answer::MultipleChoice { .. } => format!("{prompt} ({})", words.several),
        _ => prompt,
    };
    doc.paragraph(vec![(label, true), (prompt, false)]);
    let lettered = |doc: &mut Printed, texts: Vec<&str>| {
        for (i, text) in texts.into_iter().enumerate() {
            doc.text(&format!("    {}. {text}", letter(i)));
        }
    };
    match &q.answer {
        Answer::SingleChoice { choices, .. } | Answer::MultipleChoice { choices, .. } => {
            lettered(
                doc,
                layout
                    .choices
                    .iter()
                    .map(|&c| choices[c].as_str())
                    .collect(),
            );
        }
        Answer::TrueFalse(_) => lettered(doc, vec![words.true_, words.false_]),
        Answer::FillBlank { .. } => {}
        Answer::Numeric { .. } => {
            doc.text(&format!("    {}", words.write_answer));
        }
        Answer::Ordering(items) => {
            lettered(
                doc,
                layout.items.iter().map(|&i| items[i].as_str()).collect(),
            );
            doc.text(&format!("    {}", words.order_line));
        }
        Answer::Matching(pairs) => {
            for (i, (left, _)) in pairs.iter().enumerate() {
                doc.text(&format!("    {}. {left}", i + 1));
            }
            lettered(
                doc,
                layout.rights.iter().map(|&r| pairs[r].1.as_str()).collect(),
            );
            let blanks: Vec<String> = (1..=pairs.len()).map(|i| format!("{i}-……")).collect();
            doc.text(&format!(
                "    {}",
                fill(words.match_line, "pairs", &blanks.join(", "))
            ));
        }
    }
}

/// What the answer sheet offers for a question: its letters, or a line.
fn sheet_cell(item: &Item) -> String {
    let letters = |n: usize| {
        (0..n)
            .map(|i| letter(i).to_string())
            .collect::<Vec<_>>()
            .join("     ")
    };
    match &item.question.answer {
        Answer::SingleChoice { choices, .. } | Answer::MultipleChoice { choices, .. } => {
            letters(choices.len())
        }
        Answer::TrueFalse(_) => letters(2),
        _ => "……………………".to_string(),
    }
}

/// Every version with its answer sheet, then every answer key.
pub fn paper(file: &ExamFile, versions: &[Version], unit: &str, words: &PaperWords<'_>) -> Printed {
    let mut doc = Printed::default();
    let header = |doc: &mut Printed, code: u32| {
        if !unit.trim().is_empty() {
            doc.bold(&unit.trim().to_uppercase());
        }
        doc.heading(&file.title.to_uppercase(), 14);
        if file.minutes > 0 {
            doc.heading(&fill(words.time, "minutes", &file.minutes), 13);
        }
        doc.heading(&fill(words.code, "code", &code), 13);
        doc.text(words.name_line);
    };
    for (v, version) in versions.iter().enumerate() {
        if v > 0 {
            doc.page_break();
        }
        header(&mut doc, version.code);
        for (i, item) in version.items.iter().enumerate() {
            question(&mut doc, i + 1, item, words);
        }
        doc.heading(words.end, 13);
        // The answer sheet, on a page of its own.
        doc.page_break();
        doc.heading(&fill(words.sheet_title, "code", &version.code), 14);
        doc.text(words.name_line);
        doc.text(words.sheet_hint);
        let mut rows = vec![vec![
            words.column_question.to_string(),
            words.column_answer.to_string(),
        ]];
        rows.extend(
            version
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| vec![(i + 1).to_string(), sheet_cell(item)]),
        );
        doc.table(rows, true);
    }
    // The keys, for the trainer.
    doc.page_break();
    doc.heading(&format!("{} — {}", words.keys_title, file.title), 14);
    for version in versions {
        doc.bold(&fill(words.key_title, "code", &version.code));
        let mut rows = vec![vec![
            words.column_question.to_string(),
            words.column_answer.to_string(),
        ]];
        rows.extend(
            version
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| vec![(i + 1).to_string(), key(item)]),
        );
        doc.table(rows, true);
    }
    doc
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::classroom::exam_file::tests::bundled_exam;

    pub const WORDS: PaperWords<'static> = PaperWords {
        time: "Thời gian làm bài: {minutes} phút",
        code: "Mã đề: {code}",
        name_line: "Họ và tên: ……… Đơn vị: ………",
        question: "Câu {n}.",
        several: "chọn mọi phương án đúng",
        true_: "Đúng",
        false_: "Sai",
        write_answer: "Trả lời: ……",
        order_line: "Thứ tự đúng: ……",
        match_line: "Ghép: {pairs}",
        sheet_title: "PHIẾU TRẢ LỜI — Mã đề {code}",
        sheet_hint: "Đánh dấu X vào chữ cái của phương án đúng.",
        column_question: "Câu",
        column_answer: "Trả lời",
        keys_title: "ĐÁP ÁN",
        key_title: "Mã đề {code}",
        end: "— HẾT —",
    };

    #[test]
    fn each_version_has_its_own_order_and_a_key_that_matches_it() {
        let file = bundled_exam(12);
        let versions = versions(&file, 3);
        assert_eq!(
            versions.iter().map(|v| v.code).collect::<Vec<_>>(),
            [101, 102, 103]
        );
        let ids = |v: &Version| {
            v.items
                .iter()
                .map(|i| i.question.id.clone())
                .collect::<Vec<_>>()
        };
        assert_ne!(ids(&versions[0]), ids(&versions[1]));
        for version in &versions {
            for item in &version.items {
                if let Answer::SingleChoice { choices, answer } = &item.question.answer {
                    let shown: Vec<&String> =
                        item.layout.choices.iter().map(|&c| &choices[c]).collect();
                    let key = key(item);
                    let at = (key.as_bytes()[0] - b'A') as usize;
                    assert_eq!(shown[at], &choices[*answer]);
                }
            }
        }
        let printed = paper(&file, &versions, "Chi bộ 3", &WORDS);
        let html = printed.to_html(&file.title);
        assert!(html.contains("Mã đề: 102"));
        assert!(html.contains("PHIẾU TRẢ LỜI — Mã đề 103"));
        assert!(html.contains("CHI BỘ 3"));
        assert_eq!(html.matches("<b>Câu 1. </b>").count(), 3);
    }
}
