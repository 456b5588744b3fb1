//! A profile opened for use: its history in memory, kept on disk.
//!
//! - Opening takes the profile's lock, so a second copy of the app cannot
//!   overwrite the first one's work ([`OpenError::InUse`]).
//! - Files we cannot read are moved aside, never overwritten, and the newest
//!   good copy from a backup is used instead ([`StoreNotice::SetAside`]).
//! - A version 1 profile is migrated, and its file kept in the backups once
//!   every new file is written (a full disk midway loses nothing).
//! - Saving hands the changed files to a saver thread, which writes them
//!   atomically and then takes a backup, so the window never waits for the disk.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::ops::Not;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use super::backup;
use super::clock::{Clock, now_ms};
use super::files::{
    ANSWERS_DIR, Answers, FileProblem, LOCK_FILE, Month, MonthFile, PROFILE_FILE, ProfileFile,
    V1_FILE, answers_text, migrate_v1, month_files, month_text, read_month, read_profile,
    read_versioned, salvage_month,
};
use super::record::{Attempt, Progress};
use super::schedule::{Schedule, Scheduler};
use crate::storage::{self, FileError, set_aside, write_atomic};

/// Why a profile could not be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenError {
    /// Another copy of the app has it open.
    InUse,
    /// A file was written by a newer version of the app; nothing was changed.
    Newer { path: PathBuf, version: u32 },
    /// The folder cannot be used at all (permissions, disk).
    Io(FileError),
}

/// Something the user must be told about after opening or restoring.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreNotice {
    /// A file could not be read. It was moved to `moved_to` (or left in
    /// place, if even that failed) and the copy in the backup made at
    /// `restored_from` used instead, if there was one.
    SetAside {
        error: crate::storage::ReadProblem,
        moved_to: Option<PathBuf>,
        restored_from: Option<crate::calendar::Millis>,
    },
    /// A profile of an older version was brought up to date; its old file is
    /// kept at `kept`.
    Migrated { from: u32, kept: PathBuf },
    /// Some lines of a file could not be read. Every other answer in it was
    /// kept, and the file written again with them; the damaged original is
    /// kept at `moved_to` (or left in place, if even that failed).
    Repaired {
        file: PathBuf,
        /// The lines that could not be read (1-based).
        bad_lines: Vec<usize>,
        /// The answers the file holds now.
        kept: usize,
        /// Answers lost with the bad lines: none if the backup made at
        /// `restored_from` still had them all.
        lost: usize,
        moved_to: Option<PathBuf>,
        restored_from: Option<crate::calendar::Millis>,
    },
}

/// Files the saver writes: already laid out, serialised on its thread.
enum Payload {
    Header(ProfileFile),
    Month(MonthFile),
}

struct SaveJob {
    files: Vec<(PathBuf, Payload)>,
    /// Copy every file into the backup: files may have changed other than
    /// by our saves (restored, recovered, migrated).
    full_backup: bool,
    months: Vec<Month>,
    header: bool,
}

/// What became of a save.
struct SaveReport {
    error: Option<FileError>,
    months: Vec<Month>,
    header: bool,
}

struct Saver {
    jobs: Option<Sender<SaveJob>>,
    reports: Receiver<SaveReport>,
    pending: usize,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    fn start(dir: PathBuf) -> Saver {
        let (jobs, inbox) = channel::<SaveJob>();
        let (outbox, reports) = channel();
        let thread = std::thread::Builder::new()
            .name("progress-saver".into())
            .spawn(move || {
                for job in inbox {
                    let error = write_job(&dir, &job).err();
                    let report = SaveReport {
                        error,
                        months: job.months,
                        header: job.header,
                    };
                    if outbox.send(report).is_err() {
                        break;
                    }
                }
            })
            .ok();
        Saver {
            jobs: Some(jobs),
            reports,
            pending: 0,
            thread,
        }
    }
}

fn write_job(dir: &Path, job: &SaveJob) -> Result<(), FileError> {
    let answers = dir.join(ANSWERS_DIR);
    fs::create_dir_all(&answers).map_err(FileError::at(&answers))?;
    // Each file on its own (atomic) write, spread over the cores: rewriting
    // every month of a long history stays quick.
    let parts = crate::parallel::split_by_size(&job.files, |(_, payload)| match payload {
        Payload::Header(_) => 200,
        Payload::Month(m) => m.answers.len() * 80,
    });
    let written = crate::parallel::map(&parts, |range| {
        for (path, payload) in &job.files[range.clone()] {
            let text = match payload {
                Payload::Header(h) => storage::to_ron(h),
                Payload::Month(m) => super::files::rows_text(m),
            };
            text.and_then(|t| write_atomic(path, t.as_bytes()))
                .map_err(FileError::at(path))?;
        }
        Ok::<(), FileError>(())
    });
    written
        .into_iter()
        .collect::<Result<Vec<()>, FileError>>()?;
    // The save itself has succeeded; a backup that fails is retried next time.
    let now = now_ms();
    let changed: Vec<PathBuf> = job
        .files
        .iter()
        .filter_map(|(path, _)| path.strip_prefix(dir).ok().map(Path::to_path_buf))
        .collect();
    let changed = job.full_backup.not().then_some(changed.as_slice());
    if backup::snapshot(dir, now, changed).is_ok() {
        let _ = backup::prune(dir, now);
    }
    Ok(())
}

pub struct ProfileStore {
    dir: PathBuf,
    /// Held for as long as the store lives; the OS releases it if we crash.
    _lock: File,
    header: ProfileFile,
    progress: Progress,
    schedule: Schedule,
    scheduler: Scheduler,
    clock_offset: i64,
    dirty_months: BTreeSet<Month>,
    header_dirty: bool,
    /// The next backup must copy everything (see [`SaveJob::full_backup`]).
    full_backup: bool,
    saver: Saver,
}

/// What [`ProfileStore::open`] returns when it succeeds.
pub struct Opened {
    pub store: ProfileStore,
    pub notices: Vec<StoreNotice>,
}

/// The profile's files read from disk (the lock already held).
struct Loaded {
    header: ProfileFile,
    progress: Progress,
    notices: Vec<StoreNotice>,
    /// Files that must be written again (migrated or restored from a backup).
    rewrite: bool,
    /// Months repaired in memory whose file could not be written yet.
    unwritten: Vec<Month>,
}

/// How long a lock held elsewhere is waited for before the profile is said
/// to be in use.
const LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_millis(500);

/// Takes the profile's lock, waiting a little for one that is being let
/// go: the app closing as it is started again, or a program being started
/// (a file manager, a browser) that holds a copy of the lock for an instant
/// between its fork and its exec.
fn take_lock(lock: &File) -> Result<(), fs::TryLockError> {
    let started = std::time::Instant::now();
    loop {
        match lock.try_lock() {
            Err(fs::TryLockError::WouldBlock) if started.elapsed() < LOCK_PATIENCE => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            other => return other,
        }
    }
}

impl ProfileStore {
    /// Opens the profile in `dir` (creating it if needed) for `name`'s use.
    pub fn open(dir: &Path, name: &str, clock: Clock) -> Result<Opened, OpenError> {
        fs::create_dir_all(dir).map_err(|e| OpenError::Io(FileError::new(dir, e)))?;
        let lock_path = dir.join(LOCK_FILE);
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| OpenError::Io(FileError::new(&lock_path, e)))?;
        take_lock(&lock).map_err(|e| match e {
            fs::TryLockError::WouldBlock => OpenError::InUse,
            fs::TryLockError::Error(e) => OpenError::Io(FileError::new(&lock_path, e)),
        })?;
        let loaded = load(dir, name)?;
        let scheduler = Scheduler::new(loaded.header.parameters.as_deref(), clock);
        let schedule = Schedule::replay(&loaded.progress, &scheduler);
        let mut store = ProfileStore {
            dir: dir.to_path_buf(),
            _lock: lock,
            header: loaded.header,
            progress: loaded.progress,
            schedule,
            scheduler,
            clock_offset: clock.offset,
            dirty_months: BTreeSet::new(),
            header_dirty: false,
            full_backup: true,
            saver: Saver::start(dir.to_path_buf()),
        };
        store.dirty_months.extend(loaded.unwritten);
        if loaded.rewrite || !dir.join(PROFILE_FILE).exists() {
            store.mark_all_dirty();
            store.flush().map_err(OpenError::Io)?;
        }
        Ok(Opened {
            store,
            notices: loaded.notices,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn name(&self) -> &str {
        &self.header.name
    }

    pub fn header(&self) -> &ProfileFile {
        &self.header
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    pub fn scheduler(&self) -> &Scheduler {
        &self.scheduler
    }

    /// Records an answer (its `question` from [`ProfileStore::intern`]) and
    /// updates the schedule. Call [`ProfileStore::save`] to keep it.
    pub fn record(&mut self, attempt: Attempt) {
        self.dirty_months.insert(Month::of(attempt.at));
        self.progress.push(attempt.clone());
        self.schedule
            .apply(&self.progress, &attempt, &self.scheduler);
    }

    pub fn intern(&mut self, question: &super::QuestionRef) -> u32 {
        self.progress.intern(question)
    }

    /// Adds the answers of another history that this one lacks; returns how
    /// many. Saved with the next [`ProfileStore::save`].
    pub fn merge(&mut self, other: &Progress) -> usize {
        let added = self.progress.merge(other);
        if added > 0 {
            self.dirty_months
                .extend(other.attempts().iter().map(|a| Month::of(a.at)));
            self.schedule = Schedule::replay(&self.progress, &self.scheduler);
        }
        added
    }

    /// Uses FSRS parameters fitted to this learner (or the defaults for
    /// `None`), and reschedules every question with them.
    pub fn set_parameters(&mut self, parameters: Option<Vec<f32>>, fitted_on: usize) {
        self.header.parameters = parameters;
        self.header.fitted_on = fitted_on;
        self.header_dirty = true;
        let clock = Clock {
            now: now_ms(),
            offset: self.clock_offset,
        };
        self.scheduler = Scheduler::new(self.header.parameters.as_deref(), clock);
        self.schedule = Schedule::replay(&self.progress, &self.scheduler);
    }

    /// Writes every file again and waits (after a migration; benchmarks).
    pub fn rewrite_all(&mut self) -> Result<(), FileError> {
        self.mark_all_dirty();
        self.flush()
    }

    fn mark_all_dirty(&mut self) {
        self.header_dirty = true;
        self.dirty_months
            .extend(self.progress.attempts().iter().map(|a| Month::of(a.at)));
    }

    /// Whether there are changes not yet handed to the saver.
    pub fn has_unsaved(&self) -> bool {
        self.header_dirty || !self.dirty_months.is_empty()
    }

    /// Hands what changed to the saver thread; returns at once.
    pub fn save(&mut self) {
        if !self.has_unsaved() {
            return;
        }
        let months: Vec<Month> = std::mem::take(&mut self.dirty_months).into_iter().collect();
        let header = std::mem::take(&mut self.header_dirty);
        let mut files = Vec::with_capacity(months.len() + 1);
        for &month in &months {
            let (from, to) = month.range();
            let answers = Answers::of(&self.progress, self.progress.between(from, to));
            files.push((
                self.dir.join(ANSWERS_DIR).join(month.file_name()),
                Payload::Month(MonthFile {
                    version: super::files::PROGRESS_VERSION,
                    month: format!("{:04}-{:02}", month.year, month.month),
                    questions: answers.questions,
                    answers: answers.answers,
                }),
            ));
        }
        if header {
            files.push((
                self.dir.join(PROFILE_FILE),
                Payload::Header(self.header.clone()),
            ));
        }
        let job = SaveJob {
            files,
            full_backup: std::mem::take(&mut self.full_backup),
            months,
            header,
        };
        let Some(jobs) = &self.saver.jobs else {
            let _ = write_job(&self.dir, &job);
            return;
        };
        match jobs.send(job) {
            Ok(()) => self.saver.pending += 1,
            // The saver thread is gone: write here rather than lose anything.
            Err(std::sync::mpsc::SendError(job)) => {
                let _ = write_job(&self.dir, &job);
            }
        }
    }

    /// Collects finished saves; returns the errors of failed ones (whose
    /// changes are marked to be saved again).
    pub fn poll(&mut self) -> Vec<FileError> {
        let mut errors = Vec::new();
        while let Ok(report) = self.saver.reports.try_recv() {
            self.saver.pending -= 1;
            self.absorb(report, &mut errors);
        }
        errors
    }

    fn absorb(&mut self, report: SaveReport, errors: &mut Vec<FileError>) {
        if let Some(error) = report.error {
            self.dirty_months.extend(report.months);
            self.header_dirty |= report.header;
            errors.push(error);
        }
    }

    /// Saves and waits until everything is on disk.
    pub fn flush(&mut self) -> Result<(), FileError> {
        self.save();
        let mut errors = self.poll();
        while self.saver.pending > 0 {
            match self.saver.reports.recv() {
                Ok(report) => {
                    self.saver.pending -= 1;
                    self.absorb(report, &mut errors);
                }
                Err(_) => break,
            }
        }
        match errors.pop() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Puts a backup back in place and reads it; the present state is
    /// itself backed up first.
    pub fn restore(&mut self, backup: &Path) -> Result<Vec<StoreNotice>, OpenError> {
        self.flush().map_err(OpenError::Io)?;
        backup::restore(&self.dir, backup, now_ms())
            .map_err(|e| OpenError::Io(FileError::new(backup, e)))?;
        let loaded = load(&self.dir, &self.header.name)?;
        self.header = loaded.header;
        self.progress = loaded.progress;
        self.dirty_months.extend(loaded.unwritten);
        let clock = Clock {
            now: now_ms(),
            offset: self.clock_offset,
        };
        self.scheduler = Scheduler::new(self.header.parameters.as_deref(), clock);
        self.schedule = Schedule::replay(&self.progress, &self.scheduler);
        self.full_backup = true;
        Ok(loaded.notices)
    }
}

impl Drop for ProfileStore {
    fn drop(&mut self) {
        let _ = self.flush();
        self.saver.jobs = None;
        if let Some(thread) = self.saver.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Moves an unreadable file aside and finds the newest good copy of it in the
/// backups; copies that back in place.
fn recover(dir: &Path, relative: &Path, error: crate::storage::ReadProblem) -> (StoreNotice, bool) {
    let path = dir.join(relative);
    let moved_to = set_aside(&path).ok();
    let copy = backup::newest_good_copy(dir, relative);
    let restored_from = copy.and_then(|(b, from)| {
        let bytes = fs::read(from).ok()?;
        write_atomic(&path, &bytes).ok()?;
        Some(b.at)
    });
    let restored = restored_from.is_some();
    (
        StoreNotice::SetAside {
            error,
            moved_to,
            restored_from,
        },
        restored,
    )
}

fn newer(problem: FileProblem) -> Result<FileProblem, OpenError> {
    match problem {
        FileProblem::Newer { path, version } => Err(OpenError::Newer { path, version }),
        other => Ok(other),
    }
}

fn load(dir: &Path, name: &str) -> Result<Loaded, OpenError> {
    let mut notices = Vec::new();
    let mut rewrite = false;
    let mut unwritten = Vec::new();
    let mut header = None;
    let mut progress = Progress::default();

    // Version 1: one file with every answer. Its file is moved into the
    // backups only once every new file is durably written: a failure on the
    // way (a full disk) leaves it where it was, to be migrated again.
    let v1 = dir.join(V1_FILE);
    if v1.exists() && !dir.join(PROFILE_FILE).exists() {
        match read_versioned(&v1, |p: &super::files::ProgressV1| p.version) {
            Ok(Some(old)) => {
                let from = old.version;
                let (h, p) = migrate_v1(old);
                write_migrated(dir, &h, &p).map_err(|e| OpenError::Io(FileError::new(dir, e)))?;
                let kept = keep_v1(dir, &v1, from);
                notices.push(StoreNotice::Migrated { from, kept });
                // The answers are read back below from the files just written.
                header = Some(h);
            }
            Ok(None) => {}
            Err(problem) => {
                let problem = newer(problem)?;
                notices.push(StoreNotice::SetAside {
                    error: problem.as_read_problem(),
                    moved_to: set_aside(&v1).ok(),
                    restored_from: None,
                });
            }
        }
    }

    if header.is_none() {
        header = match read_profile(&dir.join(PROFILE_FILE)) {
            Ok(h) => h,
            Err(problem) => {
                let problem = newer(problem)?;
                let (notice, restored) =
                    recover(dir, Path::new(PROFILE_FILE), problem.as_read_problem());
                notices.push(notice);
                rewrite |= !restored;
                if restored {
                    read_profile(&dir.join(PROFILE_FILE)).ok().flatten()
                } else {
                    None
                }
            }
        };
    }
    // No header, and no backup of one: a version 1 file kept after its
    // migration still knows the learner's name.
    let header = header
        .or_else(|| kept_v1_header(dir))
        .unwrap_or_else(|| ProfileFile::new(name, now_ms()));

    // The months, read on all cores.
    let files = month_files(dir);
    let parts = crate::parallel::split_by_size(&files, |(_, p)| {
        fs::metadata(p).map_or(0, |m| m.len() as usize)
    });
    type Read = (Month, Result<Option<MonthFile>, FileProblem>);
    let read: Vec<Vec<Read>> = crate::parallel::map(&parts, |range| {
        files[range.clone()]
            .iter()
            .map(|(m, p)| (*m, read_month(p)))
            .collect()
    });
    for (month, result) in read.into_iter().flatten() {
        let relative = Path::new(ANSWERS_DIR).join(month.file_name());
        let file = match result {
            Ok(file) => file,
            Err(problem) => {
                let problem = newer(problem)?;
                // Damaged lines: keep every other answer.
                if let Some(repair) = repair(dir, month, &problem)? {
                    notices.push(repair.notice);
                    let answers = &repair.answers;
                    Answers::of(answers, answers.attempts()).add_to(&mut progress);
                    if !repair.written {
                        unwritten.push(month);
                    }
                    continue;
                }
                let (notice, restored) = recover(dir, &relative, problem.as_read_problem());
                notices.push(notice);
                if restored {
                    read_month(&dir.join(&relative)).ok().flatten()
                } else {
                    None
                }
            }
        };
        if let Some(file) = file {
            file.into_answers().add_to(&mut progress);
        }
    }
    Ok(Loaded {
        header,
        progress,
        notices,
        rewrite,
        unwritten,
    })
}

/// A month file repaired: what it holds, and what the user is told.
struct Repair {
    answers: Progress,
    notice: StoreNotice,
    /// Whether the repaired file is on disk (else the next save writes it).
    written: bool,
}

/// Reads a month file that does not parse as a whole line by line, keeping
/// every good answer, with those of the bad lines that the newest good backup
/// of the month still has. The damaged original is kept beside it and the
/// month written again, so later answers join the same file. `None` when not
/// a line of answers can be read (the file is then recovered whole).
fn repair(dir: &Path, month: Month, problem: &FileProblem) -> Result<Option<Repair>, OpenError> {
    let relative = Path::new(ANSWERS_DIR).join(month.file_name());
    let path = dir.join(&relative);
    let salvaged = match salvage_month(&path) {
        Ok(salvaged) if !salvaged.answers.answers.is_empty() => salvaged,
        Ok(_) => return Ok(None),
        Err(problem) => {
            newer(problem)?;
            return Ok(None);
        }
    };
    let mut bad_lines: Vec<usize> = salvaged.bad_lines.iter().map(|(n, _)| *n).collect();
    if let FileProblem::Malformed(e) = problem
        && !bad_lines.contains(&e.line)
    {
        bad_lines.push(e.line);
        bad_lines.sort_unstable();
    }
    let mut answers = Progress::default();
    salvaged.answers.add_to(&mut answers);
    let mut restored_from = None;
    let mut recovered = 0;
    if let Some((backup, copy)) = backup::newest_good_copy(dir, &relative)
        && let Ok(Some(file)) = read_month(&copy)
    {
        let mut theirs = Progress::default();
        file.into_answers().add_to(&mut theirs);
        recovered = answers.merge(&theirs);
        if recovered > 0 {
            restored_from = Some(backup.at);
        }
    }
    // Never replace the damaged file without a copy of it kept.
    let moved_to = storage::keep_copy(&path).or_else(|_| set_aside(&path)).ok();
    let written = moved_to.is_some()
        && answers_text(month, Answers::of(&answers, answers.attempts()))
            .and_then(|text| write_atomic(&path, text.as_bytes()))
            .is_ok();
    let notice = StoreNotice::Repaired {
        file: path,
        bad_lines,
        kept: answers.attempts().len(),
        lost: salvaged.lost.saturating_sub(recovered),
        moved_to: moved_to.clone(),
        restored_from,
    };
    Ok(Some(Repair {
        answers,
        notice,
        // Without a copy of the original, it is left as it is.
        written: written || moved_to.is_none(),
    }))
}

/// Writes a migrated profile: every month, then `profile.ron` last (its
/// presence says the migration is complete), each durably.
fn write_migrated(dir: &Path, header: &ProfileFile, progress: &Progress) -> std::io::Result<()> {
    let months: BTreeSet<Month> = progress
        .attempts()
        .iter()
        .map(|a| Month::of(a.at))
        .collect();
    for month in months {
        write_month(dir, progress, month)?;
    }
    write_atomic(&dir.join(PROFILE_FILE), storage::to_ron(header)?.as_bytes())
}

/// Moves a migrated version 1 file into the backups; where it is kept. If
/// it cannot be moved, it stays where it was (and is kept there).
fn keep_v1(dir: &Path, v1: &Path, from: u32) -> PathBuf {
    let kept_dir = dir.join(backup::BACKUPS_DIR).join(format!(
        "{}-v{from}",
        crate::storage::utc_timestamp(std::time::SystemTime::now())
    ));
    let kept = kept_dir.join(V1_FILE);
    let moved = storage::fault::check(&kept)
        .and_then(|()| fs::create_dir_all(&kept_dir))
        .and_then(|()| fs::rename(v1, &kept));
    match moved {
        Ok(()) => kept,
        Err(_) => v1.to_path_buf(),
    }
}

/// The header of a version 1 file still in the profile, or kept in its
/// backups by a migration (the newest), if any can be read.
fn kept_v1_header(dir: &Path) -> Option<ProfileFile> {
    let mut candidates = vec![dir.join(V1_FILE)];
    let mut kept: Vec<PathBuf> = fs::read_dir(dir.join(backup::BACKUPS_DIR))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("-v"))
        .map(|e| e.path().join(V1_FILE))
        .collect();
    kept.sort();
    candidates.extend(kept.into_iter().rev());
    candidates.into_iter().find_map(|path| {
        let old = read_versioned(&path, |p: &super::files::ProgressV1| p.version).ok()??;
        Some(migrate_v1(old).0)
    })
}

/// Writes a month of `progress` where a profile keeps it (for tools and
/// tests that build a profile without the app).
pub fn write_month(dir: &Path, progress: &Progress, month: Month) -> std::io::Result<()> {
    fs::create_dir_all(dir.join(ANSWERS_DIR))?;
    write_atomic(
        &dir.join(ANSWERS_DIR).join(month.file_name()),
        month_text(progress, month)?.as_bytes(),
    )
}
