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
    let blank_text = match &q.answer {
        Answer::FillBlank { text, .. } => Some(text.replace(BLANK, "…………")),
        _ => None,
    };
    let prompt = match (&q.answer, &blank_text) {
        (_, Some(text)) if q.prompt.is_empty() => text.clone(),
        // "Choose every right option", unless the question says so already.
        (Answer::MultipleChoice { .. }, _) if !says_several(&q.prompt) => {
            format!("{} ({})", q.prompt, words.several)
        }
        _ => q.prompt.clone(),
    };
    doc.opening(vec![(label, true), (prompt, false)]);
    if let Some(text) = blank_text.filter(|_| !q.prompt.is_empty()) {
        doc.indented(&text);
    }
    let lettered = |doc: &mut Printed, texts: Vec<&str>| {
        for (i, text) in texts.into_iter().enumerate() {
            doc.indented(&format!("{}. {text}", letter(i)));
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
            doc.indented(words.write_answer);
        }
        Answer::Ordering(items) => {
            lettered(
                doc,
                layout.items.iter().map(|&i| items[i].as_str()).collect(),
            );
            doc.indented(words.order_line);
        }
        Answer::Matching(pairs) => {
            for (i, (left, _)) in pairs.iter().enumerate() {
                doc.indented(&format!("{}. {left}", i + 1));
            }
            lettered(
                doc,
                layout.rights.iter().map(|&r| pairs[r].1.as_str()).collect(),
            );
            let blanks: Vec<String> = (1..=pairs.len()).map(|i| format!("{i}-……")).collect();
            doc.indented(&fill(words.match_line, "pairs", &blanks.join(", ")));
        }
    }
}

/// Whether a question's text already asks for every right option.
fn says_several(prompt: &str) -> bool {
    let folded = crate::text::fold(prompt, crate::text::Fold::Marks);
    [
        "tat ca",
        "cac y dung",
        "nhieu",
        "nhung y",
        "cac phuong an dung",
    ]
    .iter()
    .any(|p| folded.contains(p))
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

/// A table of a version's questions: its number, then `cell` of it (what
/// the sheet offers, or the key).
fn by_question(
    version: &Version,
    words: &PaperWords<'_>,
    cell: impl Fn(&Item) -> String,
) -> Vec<Vec<String>> {
    let head = vec![
        words.column_question.to_string(),
        words.column_answer.to_string(),
    ];
    std::iter::once(head)
        .chain(
            version
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| vec![(i + 1).to_string(), cell(item)]),
        )
        .collect()
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
        doc.table(by_question(version, words, sheet_cell), true);
    }
    // The keys, for the trainer.
    doc.page_break();
    doc.heading(&format!("{} — {}", words.keys_title, file.title), 14);
    for version in versions {
        doc.bold(&fill(words.key_title, "code", &version.code));
        doc.table(by_question(version, words, key), true);
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

/// A typed sheet as an exam result, named by its file and line.
pub type Sheeted = (std::path::PathBuf, super::exam::ExamResult);

/// A typed answer sheet that could not be read: its line and why.
#[derive(Clone, Debug, PartialEq)]
pub enum SheetProblem {
    /// No "CODE: answers" on the line.
    NoAnswers,
    /// An exam code the exam file does not have.
    UnknownCode(u32),
    /// A piece of the answers that is not "12A" or "12-A".
    NotAnAnswer(String),
    /// A question number beyond the version's questions.
    NoSuchQuestion(usize),
}

/// Paper answer sheets typed in, one learner a line — "Nguyễn Văn An;
/// Chi bộ 3; 101: 1A 2C 3B 4AD" (name and unit optional; ";", "|" or a tab
/// between them; "1-A", "1.A" and "1A" alike), or a spreadsheet saved as
/// CSV with columns Họ tên, Đơn vị, Mã đề and one column per question —
/// as exam results of `file`, to be re-graded and reported like the ones
/// from the screen. Questions without letters are left unanswered (the
/// trainer grades those by hand).
pub fn read_sheets(
    file: &ExamFile,
    path: &std::path::Path,
    text: &str,
) -> (Vec<Sheeted>, Vec<(usize, SheetProblem)>) {
    let text = crate::text::nfc(crate::text::strip_bom(text)).into_owned();
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let sheets: Vec<(usize, Result<Sheet, SheetProblem>)> = if is_csv {
        csv_sheets(&text)
    } else {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map(|(i, l)| (i + 1, typed_sheet(l)))
            .collect()
    };
    let mut results = Vec::new();
    let mut problems = Vec::new();
    let fingerprint = file.fingerprint();
    let mut drawn: std::collections::HashMap<u32, Vec<Item>> = std::collections::HashMap::new();
    for (line, sheet) in sheets {
        let sheet = match sheet {
            Ok(sheet) => sheet,
            Err(p) => {
                problems.push((line, p));
                continue;
            }
        };
        if !file.codes.contains(&sheet.code) {
            problems.push((line, SheetProblem::UnknownCode(sheet.code)));
            continue;
        }
        // Each version drawn once, however many sheets it has.
        let items = drawn
            .entry(sheet.code)
            .or_insert_with(|| file.draw(sheet.code));
        if let Some(&(n, _)) = sheet
            .answers
            .iter()
            .find(|(n, _)| *n == 0 || *n > items.len())
        {
            problems.push((line, SheetProblem::NoSuchQuestion(n)));
            continue;
        }
        let learner = if sheet.name.is_empty() {
            format!("{}:{line}", path.display())
        } else {
            sheet.name.clone()
        };
        // Only questions answered by letters are graded from a sheet; the
        // others (a blank, a number) are the trainer's to mark by hand.
        let questions: Vec<super::exam::AnsweredQuestion> = items
            .iter()
            .enumerate()
            .filter(|(_, item)| by_letters(item))
            .map(|(i, item)| {
                let letters = sheet
                    .answers
                    .iter()
                    .find(|(n, _)| *n == i + 1)
                    .map(|(_, l)| l.as_slice());
                super::exam::AnsweredQuestion {
                    document: item.document.clone(),
                    set: item.set_key.clone(),
                    id: item.question.id.clone(),
                    fingerprint: crate::ids::fingerprint(&item.question),
                    prompt: item.question.prompt.clone(),
                    response: letters.and_then(|l| response_of(item, l)),
                    verdict: crate::quiz::Verdict::Wrong,
                    score: 0.0,
                    answered_at: None,
                }
            })
            .collect();
        let result = super::exam::ExamResult {
            version: super::exam::RESULT_VERSION,
            learner,
            unit: sheet.unit.clone(),
            exam: Some(super::exam::ExamStamp {
                title: file.title.clone(),
                fingerprint: fingerprint.clone(),
                code: sheet.code,
            }),
            sets: file.parts.iter().map(|p| p.set.title.clone()).collect(),
            plan: super::exam::ExamPlan {
                count: questions.len(),
                seed: u64::from(sheet.code),
                minutes: file.minutes,
                pass_percent: file.pass_percent,
            },
            started: crate::calendar::Millis::EPOCH,
            finished: crate::calendar::Millis::EPOCH,
            timed_out: false,
            // Graded by the report, from the answers.
            score: 0.0,
            percent: 0,
            passed: false,
            seconds_used: 0,
            away: super::exam::Away::default(),
            questions,
            seal: String::new(),
            paper: true,
        };
        results.push((
            std::path::PathBuf::from(format!("{}:{line}", path.display())),
            result,
        ));
    }
    (results, problems)
}

/// One learner's sheet as typed.
struct Sheet {
    name: String,
    unit: String,
    code: u32,
    /// Question number (1-based) and the letters circled.
    answers: Vec<(usize, Vec<char>)>,
}

fn typed_sheet(line: &str) -> Result<Sheet, SheetProblem> {
    let fields: Vec<&str> = line.split([';', '|', '\t']).map(str::trim).collect();
    // The field with "CODE: answers".
    let at = fields
        .iter()
        .position(|f| {
            f.split_once(':').is_some_and(|(c, _)| {
                !c.trim().is_empty() && c.trim().chars().all(|ch| ch.is_ascii_digit())
            })
        })
        .ok_or(SheetProblem::NoAnswers)?;
    let (code, answers) = fields[at].split_once(':').ok_or(SheetProblem::NoAnswers)?;
    let code: u32 = code.trim().parse().map_err(|_| SheetProblem::NoAnswers)?;
    let others: Vec<&str> = fields
        .iter()
        .enumerate()
        .filter(|(i, f)| *i != at && !f.is_empty())
        .map(|(_, f)| *f)
        .collect();
    Ok(Sheet {
        name: others.first().map_or_else(String::new, |s| s.to_string()),
        unit: others.get(1).map_or_else(String::new, |s| s.to_string()),
        code,
        answers: answer_pieces(answers)?,
    })
}

/// "1A 2-C 3.B 4AD" → numbers with letters.
fn answer_pieces(text: &str) -> Result<Vec<(usize, Vec<char>)>, SheetProblem> {
    let mut answers = Vec::new();
    for piece in text.split([' ', ',']).filter(|p| !p.is_empty()) {
        let digits: String = piece.chars().take_while(char::is_ascii_digit).collect();
        let rest = piece[digits.len()..].trim_start_matches(['-', '.', ':', ')']);
        let letters: Vec<char> = rest.chars().map(|c| c.to_ascii_uppercase()).collect();
        let number: usize = digits
            .parse()
            .map_err(|_| SheetProblem::NotAnAnswer(piece.to_string()))?;
        if letters.iter().any(|c| !('A'..='H').contains(c)) {
            return Err(SheetProblem::NotAnAnswer(piece.to_string()));
        }
        answers.push((number, letters));
    }
    Ok(answers)
}

/// A spreadsheet of sheets: a header row naming the code column ("Mã đề")
/// and numbered question columns; name and unit columns where named.
fn csv_sheets(text: &str) -> Vec<(usize, Result<Sheet, SheetProblem>)> {
    let rows = crate::formats::csv::rows(text);
    let Some((_, header)) = rows.first() else {
        return Vec::new();
    };
    let folded: Vec<String> = header
        .iter()
        .map(|h| crate::text::fold(h.trim(), crate::text::Fold::Marks))
        .collect();
    let find = |names: &[&str]| {
        folded
            .iter()
            .position(|h| names.iter().any(|n| h.starts_with(n)))
    };
    let code_at = find(&["ma de", "code"]);
    let name_at = find(&["ho ten", "ho va ten", "name", "hoc vien", "nguoi"]);
    let unit_at = find(&["don vi", "unit", "chi bo"]);
    let questions: Vec<(usize, usize)> = folded
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            h.trim_start_matches("cau")
                .trim()
                .parse::<usize>()
                .ok()
                .map(|n| (i, n))
        })
        .collect();
    rows[1..]
        .iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(line, cells)| {
            let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).map_or("", |s| s.trim());
            let sheet = cell(code_at)
                .parse::<u32>()
                .map_err(|_| SheetProblem::NoAnswers)
                .and_then(|code| {
                    let mut answers = Vec::new();
                    for &(column, n) in &questions {
                        let letters: Vec<char> = cell(Some(column))
                            .chars()
                            .filter(|c| !c.is_whitespace() && *c != ',')
                            .map(|c| c.to_ascii_uppercase())
                            .collect();
                        if letters.iter().any(|c| !('A'..='H').contains(c)) {
                            return Err(SheetProblem::NotAnAnswer(cell(Some(column)).to_string()));
                        }
                        if !letters.is_empty() {
                            answers.push((n, letters));
                        }
                    }
                    Ok(Sheet {
                        name: cell(name_at).to_string(),
                        unit: cell(unit_at).to_string(),
                        code,
                        answers,
                    })
                });
            (*line, sheet)
        })
        .collect()
}

/// Whether a question is answered on a sheet by circling letters.
pub fn by_letters(item: &Item) -> bool {
    matches!(
        item.question.answer,
        Answer::SingleChoice { .. } | Answer::MultipleChoice { .. } | Answer::TrueFalse(_)
    )
}

/// The letters circled for `item`, as the response they stand for: a
/// letter is a position in the version's order of choices.
fn response_of(item: &Item, letters: &[char]) -> Option<crate::quiz::Response> {
    use crate::quiz::Response;
    let positions: Vec<usize> = letters.iter().map(|&c| (c as u8 - b'A') as usize).collect();
    let choice = |p: usize| item.layout.choices.get(p).copied();
    match &item.question.answer {
        Answer::SingleChoice { .. } => match positions.as_slice() {
            [p] => Some(Response::Choice(Some(choice(*p)?))),
            _ => None,
        },
        Answer::MultipleChoice { .. } => {
            let mut chosen: Vec<usize> = positions.iter().filter_map(|&p| choice(p)).collect();
            chosen.sort_unstable();
            (!chosen.is_empty()).then_some(Response::Choices(chosen))
        }
        Answer::TrueFalse(_) => match positions.as_slice() {
            [0] => Some(Response::TrueFalse(Some(true))),
            [1] => Some(Response::TrueFalse(Some(false))),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod sheet_tests {
    use super::*;
    use crate::classroom::exam_file::tests::bundled_exam;

    #[test]
    fn typed_sheets_become_results_graded_by_their_version() {
        let file = bundled_exam(10);
        // The right letters of version 102, as a learner would circle them.
        let items = file.draw(102);
        let right: Vec<String> = items
            .iter()
            .enumerate()
            .filter(|(_, i)| {
                matches!(
                    i.question.answer,
                    Answer::SingleChoice { .. }
                        | Answer::TrueFalse(_)
                        | Answer::MultipleChoice { .. }
                )
            })
            .map(|(n, i)| format!("{}{}", n + 1, key(i)))
            .collect();
        let text = format!(
            "# phiếu của chi bộ 3\nNguyễn Văn An; Chi bộ 3; 102: {}\n102: 1-A\nLê Bình | 999: 1A\nTrần C; 101: 1X\n",
            right.join(" ")
        );
        let (results, problems) = read_sheets(&file, std::path::Path::new("phieu.txt"), &text);
        assert_eq!(
            problems,
            vec![
                (4, SheetProblem::UnknownCode(999)),
                (5, SheetProblem::NotAnAnswer("1X".into()))
            ]
        );
        assert_eq!(results.len(), 2);
        let (path, an) = &results[0];
        assert_eq!(path, &std::path::PathBuf::from("phieu.txt:2"));
        assert_eq!(
            (an.learner.as_str(), an.unit.as_str()),
            ("Nguyễn Văn An", "Chi bộ 3")
        );
        assert!(an.paper);
        let checked = crate::classroom::verify::check(
            results.clone(),
            &crate::classroom::verify::AnswerKey::Exam(&file),
        );
        // Every letter question right: all of what a sheet grades.
        let expected = 100;
        assert_eq!(an.questions.len(), right.len());
        assert_eq!(checked[0].result.percent, expected);
        // The others are the trainer's to mark, and the report says so.
        let by_hand = items.len() - right.len();
        assert_eq!(
            checked[0].flags,
            vec![crate::classroom::verify::Flag::MarkByHand { questions: by_hand }]
        );
        assert_eq!(checked[1].result.learner, "phieu.txt:3");
    }

    #[test]
    fn a_spreadsheet_of_sheets_with_a_column_per_question() {
        let file = bundled_exam(4);
        let items = file.draw(101);
        let letters: Vec<String> = items
            .iter()
            .map(|i| match i.question.answer {
                Answer::SingleChoice { .. } | Answer::TrueFalse(_) => key(i),
                _ => String::new(),
            })
            .collect();
        let text = format!(
            "Họ và tên;Đơn vị;Mã đề;Câu 1;Câu 2;Câu 3;Câu 4\nAn;Chi bộ 1;101;{}\n",
            letters.join(";")
        );
        let (results, problems) = read_sheets(&file, std::path::Path::new("phieu.csv"), &text);
        assert!(problems.is_empty(), "{problems:?}");
        let graded = crate::classroom::verify::check(
            results,
            &crate::classroom::verify::AnswerKey::Exam(&file),
        );
        let answered = letters.iter().filter(|l| !l.is_empty()).count();
        assert_eq!(graded[0].result.percent, if answered > 0 { 100 } else { 0 });
        assert_eq!(graded[0].result.unit, "Chi bộ 1");
    }
}
