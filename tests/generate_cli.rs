//! `nghiquyet generate` and `nghiquyet keypoints`, as a trainer runs them.

mod common;

use std::path::Path;

fn run(args: &[&str], home: &Path) -> (bool, String, String) {
    common::run_cli(args, home)
}

#[test]
fn generated_sets_pass_check_and_the_same_seed_gives_the_same_file() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("gen.ron");
    let out2 = home.path().join("gen2.ron");
    for doc in [
        "assets/hanoi-nghi-quyet-xvii.md",
        "tests/data/dai-hoi-tinh-binh-son.md",
        "tests/data/nghi-quyet-chinh-phu-2021.md",
    ] {
        let (ok, _, err) = run(
            &[
                "generate",
                doc,
                "-o",
                out.to_str().unwrap(),
                "--seed",
                "42",
                "--force",
            ],
            home.path(),
        );
        assert!(ok, "{err}");
        let (ok, stdout, _) = run(&["check", out.to_str().unwrap()], home.path());
        assert!(ok, "{doc}: {stdout}");
        run(
            &[
                "generate",
                doc,
                "-o",
                out2.to_str().unwrap(),
                "--seed",
                "42",
                "--force",
            ],
            home.path(),
        );
        assert_eq!(
            std::fs::read(&out).unwrap(),
            std::fs::read(&out2).unwrap(),
            "{doc}"
        );
    }
}

#[test]
fn without_an_output_file_the_set_goes_to_standard_output() {
    let home = tempfile::tempdir().unwrap();
    let (ok, stdout, _) = run(
        &["generate", "tests/data/nghi-quyet-chinh-phu-2021.md"],
        home.path(),
    );
    assert!(ok);
    assert!(stdout.starts_with("QuestionSet("));
    assert!(stdout.contains("document: \"nghi-quyet-chinh-phu-2021\""));
}

#[test]
fn a_bad_document_is_refused_with_a_reason() {
    let home = tempfile::tempdir().unwrap();
    let bad = home.path().join("cu.txt");
    std::fs::write(&bad, b"Ngh\xec").unwrap();
    let (ok, _, err) = run(&["generate", bad.to_str().unwrap()], home.path());
    assert!(!ok);
    assert!(err.contains("UTF-8"), "{err}");
}

#[test]
fn keypoints_lists_ids_anchors_and_summaries() {
    let home = tempfile::tempdir().unwrap();
    let (ok, stdout, _) = run(
        &["keypoints", "assets/hanoi-nghi-quyet-xvii.md"],
        home.path(),
    );
    assert!(ok);
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("count-") && l.ends_with("\t3 khâu đột phá")),
        "{stdout}"
    );
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("y-nghia-hoc-tap\tp4.s3\t")),
        "the curated file applies: {stdout}"
    );
}

#[test]
fn a_text_with_nothing_to_ask_writes_nothing_and_fails_with_a_reason() {
    let home = tempfile::tempdir().unwrap();
    let doc = home.path().join("trong.txt");
    std::fs::write(&doc, "Chỉ một câu ngắn thôi.\n").unwrap();
    let out = home.path().join("gen.ron");
    let (ok, stdout, err) = run(
        &[
            "generate",
            doc.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        home.path(),
    );
    assert!(!ok, "an empty set is not a success");
    assert!(err.contains("trong.txt"), "{err}");
    assert!(!out.exists(), "nothing written");
    let (ok, stdout_only, _) = run(&["generate", doc.to_str().unwrap()], home.path());
    assert!(!ok);
    assert!(stdout.is_empty() && stdout_only.is_empty());
}

#[test]
fn straight_quotes_repeated_mottos_and_huge_numbers_give_a_set_check_accepts() {
    // Each line once made `generate` panic or write a set `check` refuses.
    let home = tempfile::tempdir().unwrap();
    let doc = home.path().join("kho.txt");
    std::fs::write(
        &doc,
        "Tài liệu thử\n\n\
         Phương châm của năm là \"Đoàn kết, kỷ cương, đổi mới\".\n\n\
         Khẩu hiệu của phong trào là “Học, học nữa, học mãi, học”.\n\n\
         Hội nghị có 99999999999999999999 cán bộ tham dự đến năm 2030.\n\n\
         Học tập là nhiệm vụ thường xuyên. Rèn luyện là nhiệm vụ thường xuyên. \
         Thi đua là nhiệm vụ thường xuyên. Đổi mới là yêu cầu tất yếu của thời kỳ mới.\n\n\
         Tỉnh có 12 khâu đột phá, 7 nhóm nhiệm vụ và 25 chỉ tiêu chủ yếu đến năm 2025.\n",
    )
    .unwrap();
    let out = home.path().join("gen.ron");
    let (ok, _, err) = run(
        &[
            "generate",
            doc.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        home.path(),
    );
    assert!(ok, "{err}");
    let (ok, stdout, _) = run(&["check", out.to_str().unwrap()], home.path());
    assert!(ok, "{stdout}");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(!written.contains("18.446.744"), "no saturated number");
    assert!(
        !written.contains("1e20") && !written.contains("100000000000000000000"),
        "not asked about as another number"
    );
    let (ok, stdout, _) = run(&["keypoints", doc.to_str().unwrap()], home.path());
    assert!(ok);
    assert!(
        stdout.contains("Phương châm của năm: “Đoàn kết, kỷ cương, đổi mới”"),
        "{stdout}"
    );
    assert!(!stdout.contains("18.446.744"), "{stdout}");
    assert!(
        !stdout.contains("là \"Đoàn kết"),
        "a quotation is not a definition: {stdout}"
    );
}

#[test]
fn a_long_document_gives_a_set_under_the_check_limit() {
    // Long sentences, each with a target worth asking: every question
    // quotes its whole sentence, so the set is many times the size of the
    // text. (That the set is cut at the budget, not dropped, is
    // tested on the library: `generate::tests::a_set_past_its_budget_is_cut`.)
    let home = tempfile::tempdir().unwrap();
    let doc = home.path().join("lon.txt");
    let mut text = String::from("Tài liệu lớn\n\n");
    for k in 0..200 {
        let filler: Vec<String> = (0..120).map(|j| format!("việc{k}x{j}")).collect();
        text.push_str(&format!(
            "Đơn vị {k} phấn đấu đến năm 2030 có {}% số hộ dân được dùng nước sạch để {} cùng thực hiện.\n\n",
            10 + k % 80,
            filler.join(" ")
        ));
    }
    std::fs::write(&doc, text).unwrap();
    let out = home.path().join("gen.ron");
    let (ok, _, err) = run(
        &[
            "generate",
            doc.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        home.path(),
    );
    assert!(ok, "{err}");
    let size = std::fs::metadata(&out).unwrap().len();
    assert!(size <= nghiquyet::quiz::MAX_SET_BYTES, "{size} bytes");
    // A target asked in most of the 200 sentences, each quoted whole.
    let questions = std::fs::read_to_string(&out)
        .unwrap()
        .matches("id: ")
        .count();
    assert!(questions >= 100, "{questions} questions");
    let (ok, stdout, _) = run(&["check", out.to_str().unwrap()], home.path());
    assert!(ok, "{stdout}");
}

#[test]
fn generate_never_writes_over_the_document_or_an_existing_file() {
    let home = tempfile::tempdir().unwrap();
    let doc = home.path().join("nq.md");
    std::fs::copy("assets/hanoi-nghi-quyet-xvii.md", &doc).unwrap();
    let original = std::fs::read(&doc).unwrap();
    let doc_arg = doc.to_str().unwrap();
    let (ok, _, err) = run(
        &["generate", doc_arg, "-o", doc_arg, "--force"],
        home.path(),
    );
    assert!(!ok);
    assert!(err.contains("Không ghi đè lên chính tệp nguồn"), "{err}");
    assert_eq!(std::fs::read(&doc).unwrap(), original);

    let out = home.path().join("bo.ron");
    std::fs::write(&out, "của người khác").unwrap();
    let out_arg = out.to_str().unwrap();
    let (ok, _, err) = run(&["generate", doc_arg, "-o", out_arg], home.path());
    assert!(!ok);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "của người khác");
    let (ok, _, err) = run(
        &["generate", doc_arg, "-o", out_arg, "--force"],
        home.path(),
    );
    assert!(ok, "{err}");
    let (ok, stdout, _) = run(&["check", out_arg], home.path());
    assert!(ok, "{stdout}");
}
