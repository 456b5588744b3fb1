//! A profile's files: kept across runs, locked against a second copy of the
//! app, recovered from backups when damaged, migrated from version 1,
//! exported and merged — and never lost when the process dies mid-save.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use nghiquyet::progress::clock::{Clock, DAY, HOUR, now_ms};
use nghiquyet::progress::exchange::{export, read_export};
use nghiquyet::progress::files::{ANSWERS_DIR, Month, PROFILE_FILE, PROGRESS_VERSION};
use nghiquyet::progress::{
    Attempt, Mode, OpenError, ProfileStore, Progress, QuestionRef, Rating, StoreNotice, backup,
};
use nghiquyet::quiz::{Response, Verdict};
use nghiquyet::storage::fault;

fn question(id: &str) -> QuestionRef {
    QuestionRef {
        document: "ha-noi-hoc-tap-nghi-quyet-xvii-2020".into(),
        set: "ha-noi-nghi-quyet-xvii".into(),
        id: id.into(),
        fingerprint: 99,
    }
}

fn answer(store: &mut ProfileStore, id: &str, at: nghiquyet::calendar::Millis, right: bool) {
    let question = store.intern(&question(id));
    store.record(Attempt {
        question,
        at,
        millis: 5_000,
        verdict: if right {
            Verdict::Right
        } else {
            Verdict::Wrong
        },
        score: if right { 1.0 } else { 0.0 },
        rating: if right { Rating::Good } else { Rating::Again },
        mode: Mode::Practice,
        response: Some(Response::Choice(Some(usize::from(right)))),
    });
}

fn open(dir: &Path) -> (ProfileStore, Vec<StoreNotice>) {
    let opened = ProfileStore::open(dir, "Nguyễn Văn Ân", Clock::system()).expect("opens");
    (opened.store, opened.notices)
}

#[test]
fn answers_and_schedule_survive_closing_and_reopening() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("an");
    let now = now_ms();
    let (due_before, len_before) = {
        let (mut store, notices) = open(&dir);
        assert!(notices.is_empty());
        // Last month and this month: two month files.
        answer(&mut store, "a", now - 40 * DAY, true);
        answer(&mut store, "b", now - 2 * HOUR, false);
        answer(&mut store, "a", now - HOUR, true);
        store.flush().unwrap();
        let qs = [question("a"), question("b"), question("c")];
        (
            store.schedule().counts(&qs, now),
            store.progress().attempts().len(),
        )
    };
    let (store, notices) = open(&dir);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(store.progress().attempts().len(), len_before);
    let qs = [question("a"), question("b"), question("c")];
    assert_eq!(store.schedule().counts(&qs, now), due_before);
    assert_eq!(store.name(), "Nguyễn Văn Ân");
    assert!(
        dir.join(ANSWERS_DIR)
            .join(Month::of(now).file_name())
            .exists()
    );
    assert!(!backup::list(&dir).is_empty(), "each save leaves a backup");
}

#[test]
fn a_second_copy_of_the_app_cannot_open_the_same_profile() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("an");
    let (first, _) = open(&dir);
    let second = ProfileStore::open(&dir, "Nguyễn Văn Ân", Clock::system());
    assert!(matches!(second, Err(OpenError::InUse)));
    drop(first);
    assert!(ProfileStore::open(&dir, "Nguyễn Văn Ân", Clock::system()).is_ok());
}

#[test]
fn a_damaged_file_is_set_aside_and_the_newest_good_backup_used() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("an");
    let now = now_ms();
    {
        let (mut store, _) = open(&dir);
        answer(&mut store, "a", now - 3 * HOUR, true);
        store.flush().unwrap();
        answer(&mut store, "b", now - 2 * HOUR, true);
        store.flush().unwrap();
    }
    let month = dir.join(ANSWERS_DIR).join(Month::of(now).file_name());
    std::fs::write(&month, "MonthFile(version: 2, month: \"x\", questions: [(").unwrap();
    let (store, notices) = open(&dir);
    let [
        StoreNotice::SetAside {
            error,
            moved_to: Some(moved),
            restored_from: Some(_),
        },
    ] = notices.as_slice()
    else {
        panic!("{notices:?}");
    };
    assert!(
        error.to_string().contains(":1:"),
        "the error says where: {error}"
    );
    assert!(
        std::fs::read_to_string(moved)
            .unwrap()
            .starts_with("MonthFile(version: 2, month: \"x\"")
    );
    assert_eq!(
        store.progress().attempts().len(),
        2,
        "the last backup holds both answers"
    );
    drop(store);
    // Now readable again: no notice the next time.
    assert!(open(&dir).1.is_empty());
}

#[test]
fn a_damaged_file_without_backups_is_kept_and_the_rest_still_loads() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("an");
    std::fs::create_dir_all(dir.join(ANSWERS_DIR)).unwrap();
    std::fs::write(dir.join(ANSWERS_DIR).join("2026-01.ron"), [0xff, 0xfe, 0]).unwrap();
    let (store, notices) = open(&dir);
    assert!(
        matches!(&notices[..], [StoreNotice::SetAside { moved_to: Some(p), restored_from: None, .. }] if p.exists())
    );
    assert!(store.progress().attempts().is_empty());
}

#[test]
fn a_file_from_a_newer_version_is_left_untouched() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("an");
    std::fs::create_dir_all(&dir).unwrap();
    let text = format!(
        "ProfileFile(version: {}, name: \"An\")",
        PROGRESS_VERSION + 1
    );
    std::fs::write(dir.join(PROFILE_FILE), &text).unwrap();
    let result = ProfileStore::open(&dir, "An", Clock::system());
    assert!(
        matches!(result, Err(OpenError::Newer { version, .. }) if version == PROGRESS_VERSION + 1)
    );
    assert_eq!(
        std::fs::read_to_string(dir.join(PROFILE_FILE)).unwrap(),
        text
    );
}

#[test]
fn a_version_1_profile_is_migrated_and_its_file_kept() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cuong");
    std::fs::create_dir_all(&dir).unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/progress-v1/progress.ron");
    std::fs::copy(&sample, dir.join("progress.ron")).unwrap();
    let (store, notices) = open(&dir);
    let [StoreNotice::Migrated { from: 1, kept }] = notices.as_slice() else {
        panic!("{notices:?}");
    };
    assert_eq!(
        std::fs::read(kept).unwrap(),
        std::fs::read(&sample).unwrap()
    );
    assert!(!dir.join("progress.ron").exists());
    assert_eq!(store.name(), "Trần Văn Cường");
    let attempts = store.progress().attempts();
    assert_eq!(attempts.len(), 4);
    assert_eq!(attempts[1].verdict, Verdict::Wrong);
    assert_eq!(attempts[1].millis, 12_000);
    let asked = QuestionRef {
        fingerprint: 12345,
        ..question("so-khau-dot-pha")
    };
    let card = store
        .schedule()
        .card(&asked)
        .expect("migrated answers count for the question as it is");
    assert_eq!(card.reviews, 2);
    drop(store);
    // Written in version 2: November and December 2025, and the header.
    let (again, notices) = open(&dir);
    assert!(notices.is_empty());
    assert_eq!(again.progress().attempts().len(), 4);
    assert!(dir.join(ANSWERS_DIR).join("2025-11.ron").exists());
    assert!(dir.join(ANSWERS_DIR).join("2025-12.ron").exists());
    let header = std::fs::read_to_string(dir.join(PROFILE_FILE)).unwrap();
    assert!(
        header.contains(&format!("version: {PROGRESS_VERSION}")),
        "{header}"
    );
}

#[test]
fn export_and_import_merge_without_losing_or_doubling() {
    let home = tempfile::tempdir().unwrap();
    let now = now_ms();
    let (mut office, _) = open(&home.path().join("office"));
    answer(&mut office, "a", now - 5 * DAY, true);
    answer(&mut office, "b", now - 4 * DAY, false);
    let file = home.path().join("an-tien-do.ron");
    export(&file, office.name(), office.progress(), now).unwrap();

    let (mut laptop, _) = open(&home.path().join("laptop"));
    answer(&mut laptop, "a", now - 5 * DAY, true); // the same answer, already there
    answer(&mut laptop, "c", now - DAY, true);
    let (who, theirs) = read_export(&file).unwrap();
    assert_eq!(who, "Nguyễn Văn Ân");
    assert_eq!(laptop.merge(&theirs), 1);
    assert_eq!(laptop.merge(&theirs), 0, "importing twice adds nothing");
    let ids: Vec<&str> = laptop
        .progress()
        .attempts()
        .iter()
        .map(|a| laptop.progress().question(a).id.as_str())
        .collect();
    assert_eq!(ids, ["a", "b", "c"]);
    laptop.flush().unwrap();
    let dir = laptop.dir().to_path_buf();
    drop(laptop);
    assert_eq!(open(&dir).0.progress().attempts().len(), 3);
}

#[test]
fn a_backup_can_be_restored_and_the_restore_undone() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("an");
    let now = now_ms();
    let (mut store, _) = open(&dir);
    answer(&mut store, "a", now - 3 * HOUR, true);
    store.flush().unwrap();
    let one_answer = backup::list(&dir)[0].path.clone();
    std::thread::sleep(Duration::from_millis(5));
    answer(&mut store, "b", now - 2 * HOUR, true);
    store.flush().unwrap();
    store.restore(&one_answer).unwrap();
    assert_eq!(store.progress().attempts().len(), 1);
    // The state before the restore is the newest backup.
    let before = backup::list(&dir)[0].path.clone();
    store.restore(&before).unwrap();
    assert_eq!(store.progress().attempts().len(), 2);
}

/// The child side of [`a_crash_while_saving_never_loses_a_saved_answer`]:
/// saves answer after answer and reports each one saved, until killed.
#[test]
fn crash_child() {
    let Ok(dir) = std::env::var("NGHIQUYET_CRASH_CHILD") else {
        return;
    };
    let (mut store, _) = open(Path::new(&dir));
    let start = store.progress().attempts().len();
    let base = now_ms();
    for i in 0.. {
        // A few answers per save, spread over two months, so saves write
        // several files of different sizes.
        for j in 0..3 {
            let n = start + i * 3 + j;
            answer(
                &mut store,
                &format!("q{}", n % 40),
                base - (n as i64 % 50) * DAY + n as i64,
                n % 3 != 0,
            );
        }
        store.flush().unwrap();
        println!("saved {}", store.progress().attempts().len());
    }
}

#[test]
fn a_crash_while_saving_never_loses_a_saved_answer() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("an");
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for round in 0..25 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
            .env("NGHIQUYET_CRASH_CHILD", &dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Wait for a random number of saves (1..40), then kill it at once,
        // likely in the middle of the next one.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let saves = 1 + seed % 40;
        let mut reported = 0;
        let mut seen = 0;
        for line in lines.by_ref() {
            let line = line.unwrap();
            if let Some(n) = line.strip_prefix("saved ") {
                reported = n.trim().parse::<usize>().unwrap();
                seen += 1;
                if seen == saves {
                    break;
                }
            }
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let opened = ProfileStore::open(&dir, "An", Clock::system()).expect("opens after a crash");
        assert!(
            opened.notices.is_empty(),
            "round {round}: {:?}",
            opened.notices
        );
        let kept = opened.store.progress().attempts().len();
        assert!(
            kept >= reported,
            "round {round}: {reported} reported saved, {kept} kept"
        );
    }
}

#[test]
fn history_merging_is_per_answer() {
    // Two histories with the same question at the same moment are one answer.
    let mut a = Progress::default();
    let q = a.intern(&question("x"));
    let attempt = Attempt {
        question: q,
        at: nghiquyet::calendar::Millis(1),
        millis: 1,
        verdict: Verdict::Right,
        score: 1.0,
        rating: Rating::Good,
        mode: Mode::Review,
        response: None,
    };
    a.push(attempt.clone());
    let b = a.clone();
    assert_eq!(a.merge(&b), 0);
}

// --- Fault injection ---------------------------------------------------------

fn v1_sample() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/progress-v1/progress.ron")
}

#[test]
fn a_full_disk_at_any_write_of_the_v1_migration_loses_nothing() {
    for n in 1.. {
        let home = tempfile::tempdir().unwrap();
        // The picker knows a version 1 profile only by its folder's name.
        let dir = home.path().join("tran-van-cuong");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(v1_sample(), dir.join("progress.ron")).unwrap();
        let full = fault::disk_full_after(&dir, n);
        let first = ProfileStore::open(&dir, "tran-van-cuong", Clock::system());
        let writes = full.writes();
        drop(full);
        let succeeded = first.is_ok();
        if let Err(e) = &first {
            assert!(
                matches!(e, OpenError::Io(m) if m.message.contains("space")),
                "{e:?}"
            );
        }
        drop(first);
        let opened = ProfileStore::open(&dir, "tran-van-cuong", Clock::system())
            .unwrap_or_else(|e| panic!("write {n}: the next start fails: {e:?}"));
        let store = opened.store;
        assert_eq!(store.name(), "Trần Văn Cường", "write {n} failed");
        assert_eq!(store.progress().attempts().len(), 4, "write {n} failed");
        drop(store);
        // A third start finds it all again, with nothing left to tell.
        let (again, notices) = open(&dir);
        assert!(notices.is_empty(), "write {n}: {notices:?}");
        assert_eq!(again.name(), "Trần Văn Cường");
        assert_eq!(again.progress().attempts().len(), 4);
        drop(again);
        let kept = std::fs::read_dir(dir.join(backup::BACKUPS_DIR))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path().join("progress.ron"))
            .chain([dir.join("progress.ron")])
            .filter(|p| p.exists())
            .count();
        assert_eq!(kept, 1, "write {n}: the version 1 file is kept, once");
        // Done once the disk was never full: the migration had fewer writes.
        if writes < n {
            assert!(succeeded, "no write failed, yet the migration did");
            break;
        }
    }
}

/// Every answer of a store, as (question, when): what must survive.
fn keys(store: &ProfileStore) -> Vec<(String, i64)> {
    let progress = store.progress();
    let mut keys: Vec<(String, i64)> = progress
        .attempts()
        .iter()
        .map(|a| (progress.question(a).id.clone(), a.at.get()))
        .collect();
    keys.sort();
    keys
}

fn assert_kept(dir: &Path, saved: &[(String, i64)], what: &str) {
    let (store, notices) = open(dir);
    assert!(notices.is_empty(), "{what}: {notices:?}");
    assert_eq!(store.name(), "Nguyễn Văn Ân", "{what}");
    let kept = keys(&store);
    for answer in saved {
        assert!(kept.contains(answer), "{what}: {answer:?} was lost");
    }
}

#[test]
fn a_full_disk_at_any_write_of_a_save_loses_nothing_saved() {
    let now = now_ms();
    for disk_freed in [false, true] {
        for n in 1.. {
            let home = tempfile::tempdir().unwrap();
            let dir = home.path().join("an");
            let (mut store, _) = open(&dir);
            answer(&mut store, "a", now - 40 * DAY, true);
            answer(&mut store, "b", now - 2 * HOUR, false);
            store.flush().unwrap();
            let mut saved = keys(&store);
            // Answers in both months, and the header changed: three files.
            answer(&mut store, "c", now - 39 * DAY, false);
            answer(&mut store, "d", now - HOUR, true);
            store.set_parameters(None, 0);
            let full = fault::disk_full_after(&dir, n);
            let result = store.flush();
            let writes = full.writes();
            if result.is_ok() {
                saved = keys(&store);
                drop(store);
                drop(full);
            } else if disk_freed {
                // Room again: what failed is saved by the next save.
                let _ = store.poll();
                drop(full);
                store.flush().unwrap();
                saved = keys(&store);
                assert_eq!(saved.len(), 4);
                drop(store);
            } else {
                // The disk is still full as the app closes: that save fails too.
                drop(store);
                drop(full);
            }
            assert_kept(&dir, &saved, &format!("write {n} failed"));
            if writes < n {
                assert!(result.is_ok(), "no write failed, yet the save did");
                break;
            }
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn a_damaged_line_anywhere_in_a_month_loses_at_most_that_line() {
    // A month of 50 answers to 5 questions, in one file.
    let home = tempfile::tempdir().unwrap();
    let template = home.path().join("template");
    let month = Month::of(now_ms() - 60 * DAY);
    let start = month.range().0;
    {
        let (mut store, _) = open(&template);
        for i in 0..50 {
            answer(
                &mut store,
                &format!("q{}", i % 5),
                start + i * HOUR,
                i % 3 != 0,
            );
        }
        store.flush().unwrap();
    }
    std::fs::remove_file(template.join("lock")).unwrap();
    let relative = Path::new(ANSWERS_DIR).join(month.file_name());
    let text = std::fs::read_to_string(template.join(&relative)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let all: Vec<(String, i64)> = (0..50)
        .map(|i| (format!("q{}", i % 5), (start + i * HOUR).get()))
        .collect();
    let question_lines: Vec<usize> = (0..lines.len())
        .filter(|&k| lines[k].contains("document:"))
        .collect();
    let row_lines: Vec<usize> = (0..lines.len())
        .filter(|&k| lines[k].trim_start().starts_with("(") && !question_lines.contains(&k))
        .filter(|&k| lines[k].trim() != "(")
        .collect();
    assert_eq!(question_lines.len(), 5, "{text}");
    assert_eq!(row_lines.len(), 50, "{text}");

    for with_backups in [false, true] {
        for k in 0..lines.len() {
            let what = format!("line {} damaged (backups: {with_backups})", k + 1);
            let dir = home.path().join(format!("an-{with_backups}-{k}"));
            copy_dir(&template, &dir);
            if !with_backups {
                std::fs::remove_dir_all(dir.join(backup::BACKUPS_DIR)).unwrap();
            }
            let mut damaged: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            let indent = damaged[k].len() - damaged[k].trim_start().len();
            damaged[k].insert(indent, '@');
            let damaged = damaged.join("\n") + "\n";
            std::fs::write(dir.join(&relative), &damaged).unwrap();

            // What can be lost: the answer on the line, or those to its question.
            let expected: Vec<(String, i64)> = if with_backups {
                all.clone()
            } else if let Some(r) = row_lines.iter().position(|&l| l == k) {
                all.iter()
                    .enumerate()
                    .filter(|&(i, _)| i != r)
                    .map(|(_, a)| a.clone())
                    .collect()
            } else if let Some(q) = question_lines.iter().position(|&l| l == k) {
                // Questions are listed in the order first answered: q0..q4.
                all.iter()
                    .filter(|a| a.0 != format!("q{q}"))
                    .cloned()
                    .collect()
            } else {
                all.clone()
            };
            let mut expected = expected;
            expected.sort();

            let (mut store, notices) = open(&dir);
            let [
                StoreNotice::Repaired {
                    bad_lines,
                    kept,
                    moved_to: Some(moved),
                    ..
                },
            ] = notices.as_slice()
            else {
                panic!("{what}: {notices:?}");
            };
            assert!(bad_lines.contains(&(k + 1)), "{what}: {bad_lines:?}");
            assert_eq!(*kept, expected.len(), "{what}");
            assert_eq!(keys(&store), expected, "{what}");
            assert_eq!(
                std::fs::read_to_string(moved).unwrap(),
                damaged,
                "{what}: the damaged original is kept as it was"
            );
            // A later answer that month joins the same file.
            answer(&mut store, "late", start + 100 * HOUR, true);
            store.flush().unwrap();
            drop(store);
            let (store, notices) = open(&dir);
            assert!(notices.is_empty(), "{what}: {notices:?}");
            assert_eq!(
                store.progress().attempts().len(),
                expected.len() + 1,
                "{what}"
            );
        }
    }
}

#[test]
fn a_profile_folder_replaced_by_a_file_is_reported() {
    use nghiquyet::progress::profiles::{self, ListProblem};
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("profiles");
    let an = profiles::create(&root, "Nguyễn Văn Ân", nghiquyet::calendar::Millis(1)).unwrap();
    profiles::create(&root, "Lê Thị Bình", nghiquyet::calendar::Millis(2)).unwrap();
    {
        let (mut store, _) = open(&an.dir);
        answer(&mut store, "a", now_ms() - HOUR, true);
    }
    std::fs::remove_dir_all(&an.dir).unwrap();
    std::fs::write(&an.dir, "").unwrap();
    let listing = profiles::scan(&root);
    assert_eq!(listing.profiles.len(), 1);
    assert_eq!(listing.problems, [ListProblem::NotAFolder(an.dir.clone())]);
    // Opening it says why, and does not touch the file.
    assert!(matches!(
        ProfileStore::open(&an.dir, "Nguyễn Văn Ân", Clock::system()),
        Err(OpenError::Io(_))
    ));
    assert!(an.dir.is_file());
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_loses_nothing_saved() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("an");
    let now = now_ms();
    let (mut store, _) = open(&dir);
    answer(&mut store, "a", now - 2 * HOUR, true);
    store.flush().unwrap();
    let saved = keys(&store);
    answer(&mut store, "b", now - HOUR, true);
    let folders = [dir.clone(), dir.join(ANSWERS_DIR)];
    let set_mode = |mode| {
        for folder in &folders {
            std::fs::set_permissions(folder, std::fs::Permissions::from_mode(mode)).unwrap();
        }
    };
    set_mode(0o555);
    if std::fs::File::create(dir.join(ANSWERS_DIR).join("probe")).is_ok() {
        set_mode(0o755);
        eprintln!("note: permissions have no effect here (running as root?): test skipped");
        return;
    }
    assert!(
        store.flush().is_err(),
        "a read-only folder cannot be saved to"
    );
    drop(store);
    // It opens read-only as it is, with what was saved.
    let (store, notices) = open(&dir);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(keys(&store), saved);
    drop(store);
    set_mode(0o755);
    assert_kept(&dir, &saved, "after a read-only folder");
}

#[test]
fn a_header_lost_after_the_v1_migration_takes_the_name_from_the_kept_file() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("tran-van-cuong");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(v1_sample(), dir.join("progress.ron")).unwrap();
    drop(ProfileStore::open(&dir, "tran-van-cuong", Clock::system()).unwrap());
    // No backup of the header was made yet: only the kept version 1 file.
    std::fs::write(dir.join(PROFILE_FILE), "ProfileFile(version: 2, name: ").unwrap();
    let opened = ProfileStore::open(&dir, "tran-van-cuong", Clock::system()).unwrap();
    assert!(
        matches!(
            &opened.notices[..],
            [StoreNotice::SetAside {
                restored_from: None,
                ..
            }]
        ),
        "{:?}",
        opened.notices
    );
    assert_eq!(opened.store.name(), "Trần Văn Cường");
    assert_eq!(opened.store.progress().attempts().len(), 4);
}

#[test]
fn a_full_disk_while_repairing_a_month_still_loses_nothing() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("an");
    let month = Month::of(now_ms() - 60 * DAY);
    let start = month.range().0;
    {
        let (mut store, _) = open(&dir);
        for i in 0..10 {
            answer(&mut store, &format!("q{}", i % 3), start + i * HOUR, true);
        }
    }
    std::fs::remove_dir_all(dir.join(backup::BACKUPS_DIR)).unwrap();
    let path = dir.join(ANSWERS_DIR).join(month.file_name());
    let text = std::fs::read_to_string(&path).unwrap();
    let damaged = text.replacen("Right", "Rigt", 1);
    std::fs::write(&path, &damaged).unwrap();
    {
        // The disk is full: the repaired month cannot be written yet.
        let full = fault::disk_full_after(&dir, 1);
        let (store, notices) = open(&dir);
        assert!(full.writes() > 0);
        assert!(
            matches!(
                &notices[..],
                [StoreNotice::Repaired {
                    kept: 9,
                    lost: 1,
                    ..
                }]
            ),
            "{notices:?}"
        );
        assert_eq!(store.progress().attempts().len(), 9);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), damaged);
        drop(full);
        // Room again: closing writes the repaired month.
    }
    let (store, notices) = open(&dir);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(store.progress().attempts().len(), 9);
}
