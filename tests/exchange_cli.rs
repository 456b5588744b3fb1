//! `nghiquyet import` and `nghiquyet export`, as a trainer runs them.

mod common;

use std::path::Path;

use common::run_cli;

fn manifest(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn a_moodle_gift_file_is_imported_into_the_apps_question_folder() {
    let home = tempfile::tempdir().unwrap();
    let sample = manifest("tests/data/moodle-sample.gift");
    let (ok, out, err) = run_cli(&["import".as_ref(), sample.as_os_str()], home.path());
    assert!(ok, "{out}{err}");
    // Line by line, what was left out and why, in the interface language.
    assert!(
        out.contains("moodle-sample.gift:45: không nhập: câu tự luận"),
        "{out}"
    );
    assert!(
        out.contains("moodle-sample.gift:48: không nhập: đoạn mô tả"),
        "{out}"
    );
    assert!(
        out.contains("moodle-sample.gift:6: gắn với đoạn p5.s1"),
        "{out}"
    );
    let written = home.path().join("data/quizzes/moodle-sample.ron");
    assert!(
        out.contains(&format!("Đã nhập 10 câu hỏi vào {}.", written.display())),
        "{out}"
    );
    // The set passes the same checks as a hand-written one, and loads.
    let (ok, out, _) = run_cli(&["check".as_ref(), written.as_os_str()], home.path());
    assert!(ok, "{out}");
    // A second import does not overwrite the first.
    let (ok, out, _) = run_cli(&["import".as_ref(), sample.as_os_str()], home.path());
    assert!(ok);
    assert!(out.contains("moodle-sample-2.ron"), "{out}");
}

#[test]
fn a_simple_csv_is_imported_with_its_bad_rows_reported() {
    let home = tempfile::tempdir().unwrap();
    let csv = home.path().join("cau-hoi.csv");
    std::fs::write(
        &csv,
        "Câu hỏi;Đáp án đúng;Đáp án sai\nNghị quyết đề ra bao nhiêu khâu đột phá?;3;2;4\nChỉ có câu hỏi\nHội nghị tổ chức trực tuyến?;Đúng\n",
    )
    .unwrap();
    let out_file = home.path().join("tu-csv.ron");
    let (ok, out, _) = run_cli(
        &[
            "import".as_ref(),
            csv.as_os_str(),
            "-o".as_ref(),
            out_file.as_os_str(),
        ],
        home.path(),
    );
    assert!(ok, "{out}");
    assert!(
        out.contains("cau-hoi.csv:3: không nhập: mỗi dòng cần có câu hỏi và đáp án đúng"),
        "{out}"
    );
    let set: nghiquyet::quiz::QuestionSet =
        ron::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    assert_eq!(set.questions.len(), 2);
    assert_eq!(set.document, "ha-noi-hoc-tap-nghi-quyet-xvii-2020");
    assert_eq!(set.questions[0].source.anchor.to_string(), "p5.s1");
}

#[test]
fn sets_are_exported_for_moodle_anki_and_print() {
    let home = tempfile::tempdir().unwrap();
    let set = home.path().join("bo.ron");
    std::fs::copy(manifest("quizzes/ha-noi-nghi-quyet-xvii.ron"), &set).unwrap();

    let (ok, out, _) = run_cli(
        &[
            "export".as_ref(),
            set.as_os_str(),
            "--format".as_ref(),
            "gift".as_ref(),
        ],
        home.path(),
    );
    assert!(ok, "{out}");
    assert!(
        out.contains("chu-de-nam-2021-thu-tu: không xuất: GIFT không có câu sắp xếp thứ tự"),
        "{out}"
    );
    let gift = std::fs::read_to_string(home.path().join("bo.gift")).unwrap();
    assert!(gift.contains("$CATEGORY:"));
    // And back: GIFT → our format keeps the questions and their passages.
    let back = home.path().join("lai.ron");
    let (ok, out, _) = run_cli(
        &[
            "import".as_ref(),
            home.path().join("bo.gift").as_os_str(),
            "-o".as_ref(),
            back.as_os_str(),
        ],
        home.path(),
    );
    assert!(ok, "{out}");
    assert!(
        !out.contains("gắn với đoạn"),
        "passages travel in the comments: {out}"
    );
    let (ok, out, _) = run_cli(&["check".as_ref(), back.as_os_str()], home.path());
    assert!(ok, "{out}");

    let (ok, _, _) = run_cli(
        &[
            "export".as_ref(),
            set.as_os_str(),
            "--format".as_ref(),
            "csv".as_ref(),
        ],
        home.path(),
    );
    assert!(ok);
    let anki = std::fs::read_to_string(home.path().join("bo.csv")).unwrap();
    assert!(anki.starts_with("#separator:Comma\n#html:true\n"));
    assert_eq!(anki.lines().count(), 3 + 49);

    let (ok, _, _) = run_cli(
        &[
            "export".as_ref(),
            set.as_os_str(),
            "--format".as_ref(),
            "html".as_ref(),
        ],
        home.path(),
    );
    assert!(ok);
    let html = std::fs::read_to_string(home.path().join("bo.html")).unwrap();
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(
        html.contains("class=\"key\""),
        "the answer key on its own page"
    );
    assert!(html.contains("Họ và tên"));
}

#[test]
fn every_user_text_is_escaped_in_the_printable_paper() {
    let home = tempfile::tempdir().unwrap();
    let set = home.path().join("doc-hai.ron");
    std::fs::write(
        &set,
        r#"QuestionSet(format: 1, title: "<b>Bộ</b> & đề", document: "ha-noi-hoc-tap-nghi-quyet-xvii-2020",
            questions: [(id: "x", prompt: "<script>alert('x')</script> có bao nhiêu?",
                answer: SingleChoice(choices: ["<i>3</i>", "\"4\""], answer: 0),
                explanation: "a < b && c > d",
                source: (anchor: "p5", quote: "3 khâu đột phá"))])"#,
    )
    .unwrap();
    let (ok, out, _) = run_cli(
        &[
            "export".as_ref(),
            set.as_os_str(),
            "--format".as_ref(),
            "html".as_ref(),
        ],
        home.path(),
    );
    assert!(ok, "{out}");
    let html = std::fs::read_to_string(home.path().join("doc-hai.html")).unwrap();
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("&lt;b&gt;Bộ&lt;/b&gt; &amp; đề"));
    assert!(html.contains("&lt;i&gt;3&lt;/i&gt;") && html.contains("&quot;4&quot;"));
    assert!(html.contains("a &lt; b &amp;&amp; c &gt; d"));
}
