//! Question banks from Word and text files, as trainers write them: every
//! way of marking the right answer, read through `nghiquyet import`; and
//! the real banks of `../shared/corpus/question-sets/` (skipped with a note
//! where that folder is absent).

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use common::run_cli;
use nghiquyet::quiz::{Answer, QuestionSet};

/// A run of a Word paragraph: its text and its `<w:rPr>` content.
type Run<'a> = (&'a str, &'a str);

const UNDERLINE: &str = r#"<w:u w:val="single"/>"#;
const BOLD: &str = "<w:b/>";
const RED: &str = r#"<w:color w:val="FF0000"/>"#;
const HIGHLIGHT: &str = r#"<w:highlight w:val="yellow"/>"#;

fn paragraph(runs: &[Run<'_>]) -> String {
    let runs: String = runs
        .iter()
        .map(|(text, props)| {
            format!(r#"<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#)
        })
        .collect();
    format!("<w:p>{runs}</w:p>")
}

fn table(rows: &[&[&str]]) -> String {
    let rows: String = rows
        .iter()
        .map(|cells| {
            let cells: String = cells
                .iter()
                .map(|c| format!("<w:tc>{}</w:tc>", paragraph(&[(c, "")])))
                .collect();
            format!("<w:tr>{cells}</w:tr>")
        })
        .collect();
    format!("<w:tbl>{rows}</w:tbl>")
}

/// A minimal Word file with this body.
fn write_docx(path: &Path, body: &str) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default();
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_string(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_string(),
        ),
        (
            "word/document.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
            ),
        ),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

/// Four questions whose right answers are C, A, D, B, the answer marked
/// on each by `mark` (a paragraph per option).
fn marked_bank(mark: &str, on_letter: bool) -> String {
    let questions = [
        (
            "Câu 1. Thủ đô của nước ta là thành phố nào?",
            ["Huế", "Đà Nẵng", "Hà Nội", "Cần Thơ"],
            2,
        ),
        (
            "Câu 2: Một năm có bao nhiêu tháng?",
            ["Mười hai", "Mười", "Chín", "Tám"],
            0,
        ),
        (
            "Câu 3. Màu nào có trên lá cờ?",
            ["Xanh lá", "Tím", "Cam", "Đỏ"],
            3,
        ),
        (
            "Câu 4: Hai cộng hai bằng mấy?",
            ["Ba", "Bốn", "Năm", "Sáu"],
            1,
        ),
    ];
    let mut body = String::new();
    for (prompt, options, right) in questions {
        body.push_str(&paragraph(&[(prompt, "")]));
        for (i, option) in options.iter().enumerate() {
            let letter = format!("{}.", (b'A' + i as u8) as char);
            let text = format!(" {option}");
            let props = if i == right { mark } else { "" };
            let runs: Vec<Run<'_>> = if on_letter {
                vec![(&letter, props), (&text, "")]
            } else {
                vec![(&letter, ""), (&text, props)]
            };
            body.push_str(&paragraph(&runs));
        }
    }
    body
}

fn import(home: &Path, file: &Path) -> (bool, String, Option<QuestionSet>) {
    let out_file = home.join("bo.ron");
    let (ok, out, err) = run_cli(
        &[
            "import".as_ref(),
            file.as_os_str(),
            "-o".as_ref(),
            out_file.as_os_str(),
            "--force".as_ref(),
        ],
        home,
    );
    let set = ok.then(|| nghiquyet::quiz::load_set_file(&out_file).expect("passes check"));
    (ok, format!("{out}{err}"), set)
}

fn right_letters(set: &QuestionSet) -> Vec<String> {
    set.questions
        .iter()
        .map(|q| match &q.answer {
            Answer::SingleChoice { answer, .. } => ((b'A' + *answer as u8) as char).to_string(),
            Answer::MultipleChoice { answers, .. } => {
                answers.iter().map(|&a| (b'A' + a as u8) as char).collect()
            }
            other => panic!("{other:?}"),
        })
        .collect()
}

#[test]
fn every_way_of_marking_the_answer_in_word_gives_the_right_answers() {
    let home = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, String)> = vec![
        ("underlined letter", marked_bank(UNDERLINE, true)),
        ("underlined text", marked_bank(UNDERLINE, false)),
        ("bold letter", marked_bank(BOLD, true)),
        ("red text", marked_bank(RED, false)),
        ("highlighted text", marked_bank(HIGHLIGHT, false)),
    ];
    for (style, body) in cases {
        let file = home.path().join("ngan-hang.docx");
        write_docx(&file, &body);
        let (ok, out, set) = import(home.path(), &file);
        assert!(ok, "{style}: {out}");
        let set = set.unwrap();
        assert_eq!(right_letters(&set), ["C", "A", "D", "B"], "{style}: {out}");
        assert_eq!(
            set.questions[0].prompt,
            "Thủ đô của nước ta là thành phố nào?"
        );
    }
}

#[test]
fn answer_lines_stars_and_answer_tables_in_word_and_text() {
    let home = tempfile::tempdir().unwrap();
    // Stars and "Đáp án" lines, options on one line, a multiple answer.
    let body = [
        paragraph(&[("Câu 1: Thủ đô là", "")]),
        paragraph(&[("A. Huế    *B. Hà Nội    C. Vinh", "")]),
        paragraph(&[("Câu 2: Chọn các số chẵn", "")]),
        paragraph(&[("A. 2", "")]),
        paragraph(&[("B. 3", "")]),
        paragraph(&[("C. 4", "")]),
        paragraph(&[("Đáp án: A, C", "")]),
        paragraph(&[("Lời giải: 2 và 4 chia hết cho 2.", "")]),
        paragraph(&[("Câu 3: Một tuần có mấy ngày?", "")]),
        paragraph(&[("A. Năm B. Sáu C. Bảy D. Tám", "")]),
        paragraph(&[("Câu 4: Chữ cái đầu bảng chữ cái?", "")]),
        paragraph(&[("A. A", "")]),
        paragraph(&[("B. B", "")]),
        paragraph(&[("Câu 5: Câu này không có đáp án", "")]),
        paragraph(&[("A. Có", "")]),
        paragraph(&[("B. Không", "")]),
        paragraph(&[("--- HẾT ---", "")]),
        paragraph(&[("BẢNG ĐÁP ÁN", "")]),
        table(&[&["Câu", "Đáp án"], &["3", "C"], &["4", "A"]]),
    ]
    .concat();
    let file = home.path().join("de.docx");
    write_docx(&file, &body);
    let (ok, out, set) = import(home.path(), &file);
    assert!(ok, "{out}");
    let set = set.unwrap();
    assert_eq!(right_letters(&set), ["B", "AC", "C", "A"], "{out}");
    assert_eq!(set.questions[1].explanation, "2 và 4 chia hết cho 2.");
    // The question it could not read, by its number and where it is.
    assert!(
        out.contains("de.docx:14: Câu 5: không nhập: không tìm thấy đáp án đúng"),
        "{out}"
    );

    // The same as typed text, with the key as "3-C 4A" at the end.
    let text = "Câu 1: Thủ đô là\nA. Huế    *B. Hà Nội    C. Vinh\n\
                Câu 2: Chọn các số chẵn\nA. 2\nB. 3\nC. 4\nĐáp án: A, C\n\
                Câu 3: Một tuần có mấy ngày?\nA. Năm B. Sáu C. Bảy D. Tám\n\
                Câu 4: Chữ cái đầu bảng chữ cái?\nA. A\nB. B\n\
                HẾT\nĐáp án\n3-C 4A\n";
    let file = home.path().join("de.txt");
    std::fs::write(&file, text).unwrap();
    let (ok, out, set) = import(home.path(), &file);
    assert!(ok, "{out}");
    assert_eq!(right_letters(&set.unwrap()), ["B", "AC", "C", "A"], "{out}");
}

#[test]
fn an_old_word_file_is_refused_with_what_to_do() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("cu.doc");
    std::fs::write(&file, b"\xd0\xcf\x11\xe0 not really").unwrap();
    let (ok, out, _) = import(home.path(), &file);
    assert!(!ok);
    assert!(out.contains("lưu lại dưới dạng .docx"), "{out}");
}

fn corpus(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/question-sets")
        .join(name);
    if path.exists() {
        Some(path)
    } else {
        println!("skipped: {} is not here", path.display());
        None
    }
}

/// The answer key of the spreadsheet copy of the 390-question bank: STT in
/// column A, the answer letter in column E.
fn xlsx_key(path: &Path) -> std::collections::HashMap<String, String> {
    use quick_xml::events::Event;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let read = |zip: &mut zip::ZipArchive<std::fs::File>, name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    let shared = read(&mut zip, "xl/sharedStrings.xml");
    let mut strings = Vec::new();
    let mut reader = quick_xml::Reader::from_str(&shared);
    let mut current = String::new();
    let mut in_t = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.local_name().as_ref() == b"si" => current.clear(),
            Event::Start(e) if e.local_name().as_ref() == b"t" => in_t = true,
            Event::End(e) if e.local_name().as_ref() == b"t" => in_t = false,
            Event::End(e) if e.local_name().as_ref() == b"si" => strings.push(current.clone()),
            Event::Text(t) if in_t => current.push_str(&t.xml10_content().unwrap()),
            Event::Eof => break,
            _ => {}
        }
    }
    let sheet = read(&mut zip, "xl/worksheets/sheet1.xml");
    let mut reader = quick_xml::Reader::from_str(&sheet);
    let mut key = std::collections::HashMap::new();
    let (mut column, mut shared_cell, mut in_v) = (String::new(), false, false);
    let mut row: std::collections::HashMap<String, String> = Default::default();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.local_name().as_ref() == b"c" => {
                for a in e.attributes().flatten() {
                    let value = String::from_utf8_lossy(&a.value).into_owned();
                    match a.key.as_ref() {
                        b"r" => {
                            column = value.chars().take_while(char::is_ascii_uppercase).collect()
                        }
                        b"t" => shared_cell = value == "s",
                        _ => {}
                    }
                }
            }
            Event::End(e) if e.local_name().as_ref() == b"c" => shared_cell = false,
            Event::Start(e) if e.local_name().as_ref() == b"v" => in_v = true,
            Event::End(e) if e.local_name().as_ref() == b"v" => in_v = false,
            Event::Text(t) if in_v => {
                let raw = t.xml10_content().unwrap().into_owned();
                let value = if shared_cell {
                    strings[raw.parse::<usize>().unwrap()].clone()
                } else {
                    raw
                };
                row.insert(column.clone(), value);
            }
            Event::End(e) if e.local_name().as_ref() == b"row" => {
                if let (Some(n), Some(a)) = (row.get("A"), row.get("E")) {
                    key.insert(n.trim().to_string(), a.trim().to_string());
                }
                row.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    key
}

#[test]
fn the_real_390_question_word_bank_imports_with_the_answers_of_its_spreadsheet() {
    let (Some(docx), Some(xlsx)) = (
        corpus("luat-dau-thau-390-cau_bang-4-cot.docx"),
        corpus("luat-dau-thau-390-cau.xlsx"),
    ) else {
        return;
    };
    let key = xlsx_key(&xlsx);
    assert!(key.len() >= 390);
    let home = tempfile::tempdir().unwrap();
    let (ok, out, set) = import(home.path(), &docx);
    assert!(ok, "{out}");
    let set = set.unwrap();
    // Every question taken has its spreadsheet answer; at most one of the
    // 390 (whose options Word's conversion ran together) is reported.
    assert!(set.questions.len() >= 389, "{}", set.questions.len());
    let mut four_choices = 0;
    for (q, letter) in set.questions.iter().zip(right_letters(&set)) {
        let number = q.id.trim_start_matches("cau-");
        assert_eq!(Some(&letter), key.get(number), "question {number}: {q:?}");
        if let Answer::SingleChoice { choices, .. } = &q.answer
            && choices.len() == 4
        {
            four_choices += 1;
        }
    }
    assert!(
        four_choices >= 385,
        "{four_choices} with their four options"
    );
    assert!(out.contains("Câu 368"), "the one not read is named: {out}");
}

#[test]
fn the_real_word_template_and_text_bank_import_whole() {
    if let Some(docx) = corpus("mau-import-aiken-answer.docx") {
        let home = tempfile::tempdir().unwrap();
        let (ok, out, set) = import(home.path(), &docx);
        assert!(ok, "{out}");
        let set = set.unwrap();
        assert_eq!(set.questions.len(), 11, "{out}");
        // "ANSWER: C" after the first question's options.
        assert_eq!(right_letters(&set)[0], "C");
        assert_eq!(right_letters(&set)[1], "B");
    }
    if let Some(text) = corpus("mang-may-tinh-trac-nghiem.txt") {
        let home = tempfile::tempdir().unwrap();
        let (ok, out, set) = import(home.path(), &text);
        assert!(ok, "{out}");
        let set = set.unwrap();
        // 178 questions: one is a table to match, which is said, by number.
        assert_eq!(set.questions.len(), 177, "{out}");
        assert!(out.contains(": Câu 6: không nhập"), "{out}");
        // "• A. a;" after the options gives the answer; "^…`" the explanation.
        assert_eq!(right_letters(&set)[0], "A");
        assert!(!set.questions[0].explanation.is_empty());
        assert!(!set.questions[0].explanation.ends_with('`'));
    }
}
