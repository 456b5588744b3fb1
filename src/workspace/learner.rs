//! The learner: choosing one, recording their answers, rounds of study
//! from their schedule, their history exported, imported and restored, and
//! fitting the scheduler to them.

use std::path::Path;
use std::time::Duration;

use super::{Notice, Screen, Workspace};
use crate::i18n::{describe_create_error, describe_fit_error, describe_open_error, fill};
use crate::jobs::{Job, JobState};
use crate::progress::clock::{Clock, format_local, now_ms};
use crate::progress::exchange::{export, read_export};
use crate::progress::profiles;
use crate::progress::schedule::{FitError, expected_millis, rating};
use crate::progress::{Mode, OpenError, Opened, ProfileStore, QuestionRef, StoreNotice};
use crate::quiz::practice::{Item, Practice};
use crate::quiz::{Grade, Response};
use crate::startup::LearnerJob;

/// What fitting FSRS hands back: the number of answers used, and the parameters.
pub type FitResult = (usize, Result<Vec<f32>, FitError>);

/// What came of choosing a learner.
#[derive(Clone, Debug, PartialEq)]
pub enum LearnerOutcome {
    /// Their history is open: they are studying.
    Opened,
    /// There is no one to open (no learner chosen before, or not on this PC).
    NoneChosen,
    /// Why their history could not be opened (or their name not taken), in
    /// words for the picker.
    Failed(String),
}

impl Workspace {
    /// The learner whose progress is recorded, if any.
    pub fn profile(&self) -> Option<&ProfileStore> {
        self.profile.as_ref()
    }

    /// The name of the learner studying, if one is.
    pub fn learner_name(&self) -> Option<String> {
        self.profile.as_ref().map(|p| p.name().to_string())
    }

    /// Opens the learner who studied last: from what start-up read on a
    /// worker while the window opened, unless the settings changed since
    /// (a test choosing its learner); else here and now.
    pub fn open_last_learner(&mut self, prepared: Option<LearnerJob>) -> LearnerOutcome {
        if let Some(prepared) = prepared.and_then(Job::wait)
            && prepared.last == self.settings.profile
        {
            self.take_listing(prepared.listing);
            return match prepared.opened {
                Some((slug, opened)) => self.accept_profile(&slug, opened),
                None => LearnerOutcome::NoneChosen,
            };
        }
        self.refresh_profiles();
        match self.settings.profile.clone() {
            Some(slug) if self.profiles.iter().any(|p| p.slug == slug) => {
                self.choose_profile(&slug)
            }
            _ => LearnerOutcome::NoneChosen,
        }
    }

    /// Reads the list of learners again, with what stands in the profiles
    /// folder that is not one of them.
    pub fn refresh_profiles(&mut self) {
        self.take_listing(profiles::scan(&profiles::root(&self.paths)));
    }

    fn take_listing(&mut self, listing: profiles::Listing) {
        let tr = self.tr();
        self.profiles = listing.profiles;
        self.profile_problems = listing
            .problems
            .iter()
            .map(|problem| match problem {
                profiles::ListProblem::NotAFolder(path) => {
                    fill(tr.profile_not_a_folder, &[("path", &path.display())])
                }
                profiles::ListProblem::Unreadable { path, error } => fill(
                    tr.profile_list_error,
                    &[("path", &path.display()), ("error", error)],
                ),
            })
            .collect();
    }

    /// Saves the learner's progress and waits for it (on exit, and in tests).
    pub fn flush_progress(&mut self) {
        if let Some(store) = &mut self.profile
            && let Err(e) = store.flush()
        {
            let text = fill(self.tr().progress_save_failed, &[("error", &e)]);
            self.notices.push(Notice::error(text));
        }
    }

    /// Switches to the learner with this folder name; the one studying
    /// until now is saved and let go first.
    pub fn choose_profile(&mut self, slug: &str) -> LearnerOutcome {
        let Some(info) = self.profiles.iter().find(|p| p.slug == slug).cloned() else {
            return LearnerOutcome::NoneChosen;
        };
        self.flush_progress();
        self.profile = None;
        let opened = ProfileStore::open(&info.dir, &info.name, Clock::system());
        self.accept_profile(slug, opened)
    }

    /// The learner `slug` opened (or not): their history, or why not.
    fn accept_profile(&mut self, slug: &str, opened: Result<Opened, OpenError>) -> LearnerOutcome {
        let tr = self.tr();
        let Some(info) = self.profiles.iter().find(|p| p.slug == slug).cloned() else {
            return LearnerOutcome::NoneChosen;
        };
        match opened {
            Ok(opened) => {
                for notice in opened.notices {
                    let text = self.describe_store_notice(&notice);
                    self.notices.push(Notice::error(text));
                }
                self.profile = Some(opened.store);
                let slug = info.slug.clone();
                self.change_settings(|s| s.profile = Some(slug));
                self.progress_changed();
                LearnerOutcome::Opened
            }
            Err(error) => LearnerOutcome::Failed(describe_open_error(tr, &info.name, &error)),
        }
    }

    /// A new learner, who then studies.
    pub fn create_profile(&mut self, name: &str) -> LearnerOutcome {
        let tr = self.tr();
        let root = profiles::root(&self.paths);
        match profiles::create(&root, name, now_ms()) {
            Ok(info) => {
                self.refresh_profiles();
                self.choose_profile(&info.slug)
            }
            Err(error) => LearnerOutcome::Failed(describe_create_error(tr, name, &error)),
        }
    }

    /// What the store did with a damaged or old file, in the user's words.
    fn describe_store_notice(&self, notice: &StoreNotice) -> String {
        let tr = self.tr();
        let clock = Clock::system();
        match notice {
            StoreNotice::SetAside {
                error,
                moved_to,
                restored_from,
            } => {
                let error = &crate::i18n::describe_read_problem(tr, error);
                let path = moved_to
                    .as_ref()
                    .map_or_else(String::new, |p| p.display().to_string());
                match restored_from {
                    Some(at) => fill(
                        tr.progress_set_aside,
                        &[
                            ("error", error),
                            ("path", &path),
                            ("time", &format_local(&clock, *at)),
                        ],
                    ),
                    None => fill(
                        tr.progress_set_aside_no_backup,
                        &[("error", error), ("path", &path)],
                    ),
                }
            }
            StoreNotice::Migrated { from, kept } => fill(
                tr.progress_migrated,
                &[("from", from), ("path", &kept.display())],
            ),
            StoreNotice::Repaired {
                file,
                bad_lines,
                kept,
                lost,
                moved_to,
                restored_from,
            } => {
                let mut lines: Vec<String> =
                    bad_lines.iter().take(10).map(|n| n.to_string()).collect();
                if bad_lines.len() > 10 {
                    lines.push("…".into());
                }
                let lines = lines.join(", ");
                let path = moved_to.as_ref().unwrap_or(file).display().to_string();
                let file = file.display();
                match restored_from {
                    Some(at) if *lost == 0 => fill(
                        tr.progress_repaired_from_backup,
                        &[
                            ("file", &file),
                            ("lines", &lines),
                            ("time", &format_local(&clock, *at)),
                            ("kept", kept),
                            ("path", &path),
                        ],
                    ),
                    _ => fill(
                        tr.progress_repaired,
                        &[
                            ("file", &file),
                            ("lines", &lines),
                            ("kept", kept),
                            ("lost", lost),
                            ("path", &path),
                        ],
                    ),
                }
            }
        }
    }

    // ----- Answers -----

    /// One answer into the learner's progress (the one way answers are
    /// recorded, from practice, review and exams alike). Not saved yet.
    fn record(&mut self, item: &Item, response: Option<Response>, grade: &Grade, answer: Answer) {
        let Some(store) = &mut self.profile else {
            return;
        };
        let question = &item.question;
        let reference = QuestionRef {
            document: item.document.clone(),
            set: item.set_key.clone(),
            id: question.id.clone(),
            fingerprint: crate::ids::fingerprint(question),
        };
        let index = store.intern(&reference);
        store.record(crate::progress::Attempt {
            question: index,
            at: answer.at,
            millis: answer.millis,
            verdict: grade.verdict,
            score: grade.score,
            rating: rating(
                grade.verdict,
                grade.score,
                answer.millis,
                expected_millis(question),
            ),
            mode: answer.mode,
            response,
        });
    }

    /// An answer given in practice or review, saved at once.
    pub fn record_answer(
        &mut self,
        item: &Item,
        attempt: crate::quiz::practice::Attempt,
        mode: Mode,
    ) {
        let millis = attempt.time.as_millis().min(u128::from(u32::MAX)) as u32;
        let answer = Answer {
            at: now_ms(),
            millis,
            mode,
        };
        self.record(item, Some(attempt.response), &attempt.grade, answer);
        self.save_progress();
    }

    /// Every question of a handed-in exam goes into the learner's progress;
    /// an unanswered one counts as wrong. Each is given an equal share of
    /// the exam's time.
    pub fn record_exam(&mut self, exam: &crate::classroom::exam::Exam) {
        let Some(outcome) = &exam.outcome else {
            return;
        };
        let answer = Answer {
            at: now_ms(),
            millis: (outcome.seconds * 1000.0 / exam.items.len().max(1) as f64) as u32,
            mode: Mode::Exam,
        };
        for ((item, response), grade) in exam.items.iter().zip(&exam.responses).zip(&outcome.grades)
        {
            self.record(item, response.clone(), grade, answer);
        }
        self.save_progress();
    }

    fn save_progress(&mut self) {
        if let Some(store) = &mut self.profile {
            store.save();
            self.progress_changed();
        }
    }

    // ----- Rounds of study -----

    /// A round of the given questions of the study list.
    fn round(&self, chosen: &[usize]) -> Option<Practice> {
        let study = self.study.as_ref()?;
        let picks: Vec<_> = chosen
            .iter()
            .map(|&i| {
                let (s, q) = study.picks[i];
                let set = &self.library.sets[s];
                (set, &set.set.questions[q])
            })
            .collect();
        (!picks.is_empty()).then(|| Practice::chosen(&picks, now_ms().get() as u64))
    }

    /// Today's review, in the schedule's order; `None` when nothing is due
    /// (or no one is studying).
    pub fn review_round(&mut self) -> Option<Practice> {
        self.ensure_study();
        let (store, study) = (self.profile.as_ref()?, self.study.as_ref()?);
        let order = store
            .schedule()
            .todays_review(&study.refs, &Clock::system());
        self.round(&order)
    }

    /// The questions on these key points (indices), in the order given,
    /// each once.
    pub fn points_round(&mut self, points: &[usize]) -> Option<Practice> {
        self.ensure_study();
        let study = self.study.as_ref()?;
        let mut chosen = Vec::new();
        for &p in points {
            for &q in study.by_point.get(p).into_iter().flatten() {
                if !chosen.contains(&q) {
                    chosen.push(q);
                }
            }
        }
        self.round(&chosen)
    }

    // ----- The learner's history as a file -----

    /// Writes the learner's whole history to their Documents folder.
    pub fn export_progress(&mut self) {
        let tr = self.tr();
        let Some(store) = &self.profile else {
            return;
        };
        let folder = &self.paths.documents_dir;
        if let Err(e) = std::fs::create_dir_all(folder) {
            self.error(fill(tr.progress_export_failed, &[("error", &e)]));
            return;
        }
        let slug = crate::ids::slug(store.name());
        let stamp = &crate::storage::utc_timestamp(std::time::SystemTime::now())[..8];
        let path = folder.join(format!("tien-do-{slug}-{stamp}.ron"));
        match export(&path, store.name(), store.progress(), now_ms()) {
            Ok(()) => self.info_written(tr.progress_exported, &path),
            Err(e) => self.error(fill(tr.progress_export_failed, &[("error", &e)])),
        }
    }

    /// Adds the answers in a learner's exported history to this learner's.
    pub fn import_progress(&mut self, path: &Path) {
        let tr = self.tr();
        let Some(store) = &mut self.profile else {
            return;
        };
        match read_export(path) {
            Ok((name, theirs)) => {
                let added = store.merge(&theirs);
                store.save();
                self.info(fill(
                    tr.progress_imported,
                    &[("n", &added), ("name", &name), ("path", &path.display())],
                ));
                self.progress_changed();
            }
            Err(e) => self.error(fill(
                tr.progress_import_failed,
                &[("path", &path.display()), ("error", &e)],
            )),
        }
    }

    /// Goes back to one of the learner's backups.
    pub fn restore_backup(&mut self, backup: &Path) {
        let tr = self.tr();
        let Some(store) = &mut self.profile else {
            return;
        };
        let at = self.backups.iter().find(|b| b.path == backup).map(|b| b.at);
        match store.restore(backup) {
            Ok(notices) => {
                for notice in notices {
                    let text = self.describe_store_notice(&notice);
                    self.error(text);
                }
                let time = at.map_or_else(String::new, |at| format_local(&Clock::system(), at));
                self.info(fill(tr.progress_restored, &[("time", &time)]));
                self.progress_changed();
            }
            Err(e) => {
                let why = describe_open_error(tr, store.name(), &e);
                self.error(fill(tr.progress_restore_failed, &[("error", &why)]))
            }
        }
    }

    // ----- Background work for the learner -----

    /// Whether the scheduler is being fitted to the learner's answers.
    pub fn is_fitting(&self) -> bool {
        self.fit_job.is_some()
    }

    /// Fits FSRS to the learner's answers on a worker thread (it takes seconds).
    pub fn fit_parameters(&mut self) {
        let Some(store) = &self.profile else {
            return;
        };
        if self.fit_job.is_some() {
            return;
        }
        let progress = store.progress().clone();
        self.fit_job = Some(Job::spawn("fit", move || {
            let result = crate::progress::schedule::fit(&progress, &Clock::system());
            (progress.attempts().len(), result)
        }));
    }

    /// Saves finished by the saver thread, and fitting. Returns how soon to
    /// look again while something is still being worked on.
    pub fn poll_background(&mut self) -> Option<Duration> {
        let tr = self.tr();
        if let Some(store) = &mut self.profile {
            for e in store.poll() {
                self.notices.push(Notice::error(fill(
                    tr.progress_save_failed,
                    &[("error", &e)],
                )));
            }
        }
        let job = self.fit_job.as_mut()?;
        let (answers, result) = match job.poll() {
            JobState::Working => return Some(Duration::from_millis(200)),
            JobState::Lost => {
                self.fit_job = None;
                return None;
            }
            JobState::Done(done) => done,
        };
        self.fit_job = None;
        match result {
            Ok(parameters) => {
                if let Some(store) = &mut self.profile {
                    store.set_parameters(Some(parameters), answers);
                    store.save();
                }
                self.notices.push(Notice {
                    screen: Some(Screen::Progress),
                    ..Notice::info(fill(tr.progress_fsrs_fitted, &[("n", &answers)]))
                });
                self.progress_changed();
            }
            Err(error) => {
                let error = describe_fit_error(tr, &error);
                self.notices.push(Notice {
                    screen: Some(Screen::Progress),
                    ..Notice::error(fill(tr.progress_fit_failed, &[("error", &error)]))
                });
            }
        }
        None
    }
}

/// When, how fast and how an answer was given.
#[derive(Clone, Copy)]
struct Answer {
    at: crate::calendar::Millis,
    millis: u32,
    mode: Mode,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paths::Paths;
    use crate::startup::Startup;

    fn learner(home: &Path) -> Workspace {
        let (mut ws, learner) = Workspace::new(Startup::prepare(Paths::under(home), None));
        assert_eq!(ws.open_last_learner(learner), LearnerOutcome::NoneChosen);
        assert_eq!(ws.create_profile("Nguyễn Văn A"), LearnerOutcome::Opened);
        while ws.ensure_key_points() {}
        ws
    }

    #[test]
    fn an_answer_and_an_exam_are_recorded_the_same_way() {
        let home = tempfile::tempdir().unwrap();
        let mut ws = learner(home.path());
        let round = ws
            .points_round(&[0, 1, 2])
            .expect("questions on the first points");
        let item = round.items[0].clone();
        let response = crate::quiz::correct_response(&item.question.answer);
        let grade = crate::quiz::grade(&item.question.answer, &response, item.rules);
        ws.record_answer(
            &item,
            crate::quiz::practice::Attempt {
                response: response.clone(),
                grade: grade.clone(),
                time: Duration::from_secs(7),
            },
            Mode::Practice,
        );
        let plan = crate::classroom::exam::ExamPlan {
            count: 1,
            seed: 1,
            minutes: 0,
            pass_percent: 50,
        };
        let set = &ws.library.sets[0];
        let mut exam =
            crate::classroom::exam::Exam::new(&[set], plan, 0.0, crate::calendar::Millis(0));
        exam.items = vec![item.clone()];
        exam.responses = vec![Some(response)];
        exam.submit(7.0, crate::calendar::Millis(0), false);
        ws.record_exam(&exam);
        ws.flush_progress();
        let progress = ws.profile().unwrap().progress();
        let [practice, exam] = progress.attempts() else {
            panic!("two answers: {:?}", progress.attempts());
        };
        assert_eq!(practice.question, exam.question);
        assert_eq!((practice.millis, exam.millis), (7000, 7000));
        assert_eq!((practice.mode, exam.mode), (Mode::Practice, Mode::Exam));
        assert_eq!(practice.verdict, exam.verdict);
        assert_eq!(practice.rating, exam.rating);
    }

    #[test]
    fn a_name_already_taken_is_refused_in_words() {
        let home = tempfile::tempdir().unwrap();
        let mut ws = learner(home.path());
        let LearnerOutcome::Failed(why) = ws.create_profile("Nguyễn Văn A") else {
            panic!("a second learner of the same name");
        };
        assert!(why.contains("Nguyễn Văn A"), "{why}");
        // The learner studying is still the first one.
        assert_eq!(ws.profile().unwrap().name(), "Nguyễn Văn A");
    }
}
