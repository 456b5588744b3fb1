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
            &["generate", doc, "-o", out.to_str().unwrap(), "--seed", "42"],
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
