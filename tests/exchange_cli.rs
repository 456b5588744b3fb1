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

#[test]
fn export_never_writes_over_its_input_or_an_existing_file() {
    let home = tempfile::tempdir().unwrap();
    // A set saved under a name that looks like the paper it would become.
    let set = home.path().join("bo.html");
    std::fs::copy(manifest("quizzes/ha-noi-nghi-quyet-xvii.ron"), &set).unwrap();
    let original = std::fs::read(&set).unwrap();
    let export = |extra: &[&std::ffi::OsStr]| {
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "export".as_ref(),
            set.as_os_str(),
            "--format".as_ref(),
            "html".as_ref(),
        ];
        args.extend_from_slice(extra);
        run_cli(&args, home.path())
    };
    // The default name is the input's own: another name is chosen.
    let (ok, out, _) = export(&[]);
    assert!(ok, "{out}");
    assert_eq!(
        std::fs::read(&set).unwrap(),
        original,
        "the set was overwritten"
    );
    assert!(out.contains("bo-2.html"), "{out}");
    assert!(
        std::fs::read_to_string(home.path().join("bo-2.html"))
            .unwrap()
            .contains("<meta charset=\"utf-8\">")
    );
    // Named as the output, even with --force: refused.
    let (ok, out, _) = export(&["-o".as_ref(), set.as_os_str(), "--force".as_ref()]);
    assert!(!ok, "{out}");
    assert!(out.contains("Không ghi đè lên chính tệp nguồn"), "{out}");
    assert_eq!(std::fs::read(&set).unwrap(), original);
    // An existing file of another name: only with --force.
    let other = home.path().join("de.html");
    std::fs::write(&other, "của người khác").unwrap();
    let (ok, out, _) = export(&["-o".as_ref(), other.as_os_str()]);
    assert!(!ok, "{out}");
    assert!(out.contains("--force"), "{out}");
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "của người khác");
    let (ok, out, _) = export(&["-o".as_ref(), other.as_os_str(), "--force".as_ref()]);
    assert!(ok, "{out}");
    assert!(std::fs::read_to_string(&other).unwrap().contains("<meta"));
}

#[test]
fn import_writes_only_sets_that_pass_check() {
    let home = tempfile::tempdir().unwrap();
    let gift = home.path().join("bo.gift");
    std::fs::write(
        &gift,
        "::Hai lần:: Hội nghị họp ở đâu? {=Hà Nội ~Hà Nội ~Huế}\n\n\
         ::Trống:: {=Đúng ~Sai}\n\n\
         ::Tốt:: Nghị quyết đề ra bao nhiêu khâu đột phá? {=3 ~2 ~4}\n",
    )
    .unwrap();
    let out_file = home.path().join("bo.ron");
    let (ok, out, err) = run_cli(
        &[
            "import".as_ref(),
            gift.as_os_str(),
            "-o".as_ref(),
            out_file.as_os_str(),
        ],
        home.path(),
    );
    assert!(ok, "{out}{err}");
    assert!(out.contains("bo.gift:1: không nhập:"), "{out}");
    assert!(out.contains("bo.gift:3: không nhập:"), "{out}");
    assert!(out.contains("Đã nhập 1 câu hỏi"), "{out}");
    let (ok, out, _) = run_cli(&["check".as_ref(), out_file.as_os_str()], home.path());
    assert!(ok, "{out}");
    // Importing over an existing file needs --force.
    let (ok, _, err) = run_cli(
        &[
            "import".as_ref(),
            gift.as_os_str(),
            "-o".as_ref(),
            out_file.as_os_str(),
        ],
        home.path(),
    );
    assert!(!ok);
    assert!(err.contains("--force"), "{err}");

    // Nothing importable: no file, and a failure.
    let empty = home.path().join("rong.gift");
    std::fs::write(&empty, "::A:: {=Một ~Một}\n\n// chỉ có chú thích\n").unwrap();
    let (ok, _, err) = run_cli(&["import".as_ref(), empty.as_os_str()], home.path());
    assert!(!ok);
    assert!(err.contains("Không có câu hỏi nào nhập được"), "{err}");
    assert!(!home.path().join("data/quizzes/rong.ron").exists());
}
