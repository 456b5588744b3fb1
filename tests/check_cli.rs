//! `nghiquyet check`: what a trainer sees in a terminal.

mod common;

fn check(args: &[&std::path::Path], home: &std::path::Path) -> (bool, String) {
    let mut all: Vec<&std::ffi::OsStr> = vec!["check".as_ref()];
    all.extend(args.iter().map(|a| a.as_os_str()));
    let (ok, stdout, _) = common::run_cli(&all, home);
    (ok, stdout)
}

#[test]
fn the_bundled_sets_pass() {
    let home = tempfile::tempdir().unwrap();
    let (ok, out) = check(&[std::path::Path::new("quizzes")], home.path());
    assert!(ok, "{out}");
    assert_eq!(out.trim(), "1 tệp, không có lỗi.");
}

#[test]
fn a_folder_of_broken_files_gets_one_line_per_problem_and_fails() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string("quizzes/ha-noi-nghi-quyet-xvii.ron").unwrap();
    std::fs::write(dir.path().join("a-tot.ron"), &good).unwrap();
    std::fs::write(
        dir.path().join("b-trung-ma.ron"),
        good.replace("id: \"so-khau-dot-pha\"", "id: \"so-chi-tieu-chu-yeu\""),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c-cu-phap.ron"),
        "QuestionSet(\n  format: 1\n  title: \"x\",\n)",
    )
    .unwrap();
    std::fs::write(dir.path().join("d-rong.ron"), "").unwrap();
    std::fs::write(
        dir.path().join("e-thu-tu.ron"),
        good.replace(
            "Ordering([\"Đoàn kết\", \"Dân chủ\", \"Kỷ cương\", \"Sáng tạo\", \"Phát triển\"])",
            "Ordering([\"Đoàn kết\"])",
        ),
    )
    .unwrap();

    let (ok, out) = check(&[dir.path()], home.path());
    assert!(!ok);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    let name = |f: &str| dir.path().join(f).display().to_string();
    assert!(
        lines[0].starts_with(&format!("{}:35:13: ", name("b-trung-ma.ron"))),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("so-chi-tieu-chu-yeu"));
    assert!(
        lines[1].starts_with(&format!("{}:3:3: thiếu dấu phẩy", name("c-cu-phap.ron"))),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2], format!("{}: tệp trống", name("d-rong.ron")));
    assert!(
        lines[3].starts_with(&name("e-thu-tu.ron")) && lines[3].contains("cần ít nhất 2 mục"),
        "{}",
        lines[3]
    );
    assert_eq!(lines[4], "5 tệp, 4 lỗi.");
}

#[test]
fn a_missing_path_is_a_problem_too() {
    let home = tempfile::tempdir().unwrap();
    let (ok, out) = check(&[std::path::Path::new("khong-co.ron")], home.path());
    assert!(!ok);
    assert!(out.starts_with("khong-co.ron: không tìm thấy"), "{out}");
}

#[test]
fn messages_follow_the_interface_language() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    std::fs::write(home.path().join("config/settings.ron"), "(language: En)").unwrap();
    let (_, out) = check(&[std::path::Path::new("khong-co.ron")], home.path());
    assert!(
        out.starts_with("khong-co.ron: no such file or folder"),
        "{out}"
    );
}
