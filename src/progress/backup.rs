//! Rolling backups of a profile, as Anki keeps them: a copy after each of the
//! last few saves, and one per day for a month.
//!
//! A backup is a folder `backups/YYYYMMDD-HHMMSS-mmm/` holding the profile's
//! files as they were. Backups never share storage with the live files, so
//! damage to a live file cannot reach them: the files a save wrote are
//! copied, and the unchanged ones are hard-linked to the previous backup's
//! copy (falling back to copying where links are not allowed).

use crate::calendar::Millis;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::clock::{DAY, HOUR, MINUTE};
use super::files::{ANSWERS_DIR, PROFILE_FILE, month_files, read_month, read_profile};
use crate::calendar::days_from_civil;
use crate::storage::write_atomic;

pub const BACKUPS_DIR: &str = "backups";
/// Backups of the most recent saves kept.
pub const KEEP_RECENT: usize = 5;
/// Days for which the last backup of the day is kept.
pub const KEEP_DAYS: i64 = 30;

#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub path: PathBuf,
    /// When it was made.
    pub at: Millis,
}

/// "YYYYMMDD-HHMMSS-mmm" of a moment (UTC).
fn stamp(at: Millis) -> String {
    let at = at.get();
    let (y, m, d) = crate::calendar::civil_from_days(at.div_euclid(DAY));
    let t = at.rem_euclid(DAY);
    format!(
        "{y:04}{m:02}{d:02}-{:02}{:02}{:02}-{:03}",
        t / HOUR,
        t % HOUR / MINUTE,
        t % MINUTE / 1000,
        t % 1000
    )
}

fn parse_stamp(name: &str) -> Option<Millis> {
    let b = name.as_bytes();
    if b.len() < 19 || b[8] != b'-' || b[15] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| name.get(r)?.parse::<i64>().ok();
    let days = days_from_civil(num(0..4)?, num(4..6)? as u32, num(6..8)? as u32);
    Some(Millis(
        days * DAY
            + num(9..11)? * HOUR
            + num(11..13)? * MINUTE
            + num(13..15)? * 1000
            + num(16..19)?,
    ))
}

/// Keeps the profile's files as they are now. `changed` lists the files
/// (relative to the profile) written since the last backup; `None` means
/// any may have changed, and everything is copied. Returns the backup's folder.
pub fn snapshot(profile: &Path, at: Millis, changed: Option<&[PathBuf]>) -> io::Result<PathBuf> {
    let previous = list(profile).into_iter().next();
    let root = profile.join(BACKUPS_DIR);
    let mut dir = root.join(stamp(at));
    let mut n = 2;
    while dir.exists() {
        dir = root.join(format!("{}-{n}", stamp(at)));
        n += 1;
    }
    fs::create_dir_all(dir.join(ANSWERS_DIR))?;
    let mut files: Vec<PathBuf> = month_files(profile)
        .into_iter()
        .map(|(month, _)| Path::new(ANSWERS_DIR).join(month.file_name()))
        .collect();
    if profile.join(PROFILE_FILE).exists() {
        files.push(PathBuf::from(PROFILE_FILE));
    }
    for relative in files {
        let unchanged = changed.is_some_and(|c| !c.contains(&relative));
        let earlier = previous
            .as_ref()
            .map(|b| b.path.join(&relative))
            .filter(|p| unchanged && p.exists());
        match earlier {
            Some(earlier) => {
                fs::hard_link(&earlier, dir.join(&relative))
                    .or_else(|_| fs::copy(&earlier, dir.join(&relative)).map(|_| ()))?;
            }
            None => {
                fs::copy(profile.join(&relative), dir.join(&relative))?;
            }
        }
    }
    Ok(dir)
}

/// The backups of a profile, newest first.
pub fn list(profile: &Path) -> Vec<Backup> {
    let mut backups: Vec<Backup> = fs::read_dir(profile.join(BACKUPS_DIR))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let at = parse_stamp(&e.file_name().to_string_lossy())?;
            Some(Backup { path: e.path(), at })
        })
        .collect();
    backups.sort_by(|a, b| b.at.cmp(&a.at).then(b.path.cmp(&a.path)));
    backups
}

/// The backups to delete: all but the [`KEEP_RECENT`] newest and the newest
/// of each of the last [`KEEP_DAYS`] days. `backups` is newest first.
pub fn to_prune(backups: &[Backup], now: Millis) -> Vec<&Backup> {
    let mut days_kept = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (i, b) in backups.iter().enumerate() {
        let day = b.at.get().div_euclid(DAY);
        let recent_day = now.get().div_euclid(DAY) - day < KEEP_DAYS;
        let first_of_day = days_kept.insert(day);
        if i < KEEP_RECENT || (recent_day && first_of_day) {
            continue;
        }
        out.push(b);
    }
    out
}

pub fn prune(profile: &Path, now: Millis) -> io::Result<()> {
    for b in to_prune(&list(profile), now) {
        fs::remove_dir_all(&b.path)?;
    }
    Ok(())
}

/// Whether every file of a backup can be read.
pub fn is_good(backup: &Path) -> bool {
    read_profile(&backup.join(PROFILE_FILE)).is_ok()
        && month_files(backup)
            .iter()
            .all(|(_, p)| read_month(p).is_ok())
}

/// The newest readable copy of one of the profile's files (`relative`, e.g.
/// "answers/2026-11.ron"), if any backup has one.
pub fn newest_good_copy(profile: &Path, relative: &Path) -> Option<(Backup, PathBuf)> {
    list(profile).into_iter().find_map(|b| {
        let path = b.path.join(relative);
        let readable = if relative == Path::new(PROFILE_FILE) {
            matches!(read_profile(&path), Ok(Some(_)))
        } else {
            matches!(read_month(&path), Ok(Some(_)))
        };
        readable.then_some((b, path))
    })
}

/// Puts a backup's files back in place of the profile's, after taking a
/// backup of the present state (so a restore can itself be undone).
pub fn restore(profile: &Path, backup: &Path, now: Millis) -> io::Result<()> {
    snapshot(profile, now, None)?;
    let answers = profile.join(ANSWERS_DIR);
    fs::create_dir_all(&answers)?;
    let kept: Vec<_> = month_files(backup);
    for (month, path) in month_files(profile) {
        if !kept.iter().any(|(m, _)| *m == month) {
            fs::remove_file(path)?;
        }
    }
    for (month, path) in kept {
        write_atomic(&answers.join(month.file_name()), &fs::read(path)?)?;
    }
    let header = backup.join(PROFILE_FILE);
    if header.exists() {
        write_atomic(&profile.join(PROFILE_FILE), &fs::read(header)?)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_read_back() {
        let at = Millis(20_782 * DAY + 13 * HOUR + 5 * MINUTE + 9_123);
        assert_eq!(stamp(at), "20261125-130509-123");
        assert_eq!(parse_stamp(&stamp(at)), Some(at));
        assert_eq!(parse_stamp("20261125-130509-123-2"), Some(at));
        assert_eq!(parse_stamp("notes"), None);
    }

    #[test]
    fn pruning_keeps_recent_saves_and_one_a_day() {
        let now = Millis(20_782 * DAY + 12 * HOUR);
        // Ten saves today, then three a day for 40 days before.
        let mut backups: Vec<Backup> = (0..10)
            .map(|i| now - i * MINUTE)
            .chain((1..=40).flat_map(|d| (0..3).map(move |i| now - d * DAY - i * HOUR)))
            .map(|at| Backup {
                path: PathBuf::from(stamp(at)),
                at,
            })
            .collect();
        backups.sort_by_key(|b| std::cmp::Reverse(b.at));
        let gone = to_prune(&backups, now);
        let kept: Vec<&Backup> = backups.iter().filter(|b| !gone.contains(b)).collect();
        assert_eq!(kept.len(), KEEP_RECENT + (KEEP_DAYS as usize - 1));
        assert!(kept[..KEEP_RECENT].iter().all(|b| b.at > now - 10 * MINUTE));
        // The newest of each earlier day is the one kept.
        assert!(kept.iter().any(|b| b.at == now - DAY));
        assert!(!kept.iter().any(|b| b.at == now - DAY - HOUR));
    }
}
