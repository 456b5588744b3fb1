//! Files written for the user and the trainer: training sessions kept in
//! the app, score sheets, exam results. Each says where it went, in words,
//! with the folder to open.

use std::path::{Path, PathBuf};

use super::{Notice, Workspace};
use crate::classroom::training::{TrainingResult, session_file};
use crate::i18n::fill;

/// The exam being sat, in the data folder (see [`Workspace::save_sitting`]).
const SITTING_FILE: &str = "bai-thi-dang-lam.ron";

impl Workspace {
    /// Where files for the user to take away go; made if missing.
    fn documents_dir(&mut self) -> Option<PathBuf> {
        let dir = self.paths.documents_dir.clone();
        match std::fs::create_dir_all(&dir) {
            Ok(()) => Some(dir),
            Err(e) => {
                self.error(format!("{}: {e}", dir.display()));
                None
            }
        }
    }

    /// Keeps a training session's results in the app (after every change);
    /// says so the first time.
    pub fn save_session(&mut self, result: &TrainingResult) {
        let result = &self.with_players(result);
        let path = session_file(&self.paths.data_dir, result.started);
        let first = !path.exists();
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| crate::storage::write_ron(&path, result));
        let tr = self.tr();
        match written {
            Ok(()) if first => self.info(tr.session_saved_in_app.to_string()),
            Ok(()) => {}
            Err(e) => self.error(fill(tr.session_export_failed, &[("error", &e)])),
        }
        self.room_saved(result);
        self.past_sessions = None;
    }

    /// A training session's score sheet, for a spreadsheet.
    pub fn export_session_csv(&mut self, result: &TrainingResult) {
        let tr = self.tr();
        let Some(dir) = self.documents_dir() else {
            return;
        };
        let stamp = stamp(result.started);
        let path = dir.join(format!("bang-diem-{stamp}.csv"));
        let csv = self.with_players(result).to_csv(tr);
        match crate::storage::write_atomic(&path, csv.as_bytes()) {
            Ok(()) => self.info_written(tr.session_saved_words, &path),
            Err(e) => self.error(fill(tr.session_export_failed, &[("error", &e)])),
        }
    }

    /// The handed-in exam's result file, for the trainer; whether it was
    /// written.
    pub fn export_exam_result(&mut self, exam: &crate::classroom::exam::Exam) -> bool {
        let tr = self.tr();
        let learner = if exam.learner.is_empty() {
            self.profile
                .as_ref()
                .map_or_else(String::new, |p| p.name().to_string())
        } else {
            exam.learner.clone()
        };
        let Some(result) = exam.result(&learner) else {
            return false;
        };
        let Some(dir) = self.documents_dir() else {
            return false;
        };
        let stamp = stamp(result.finished);
        let path = dir.join(format!(
            "ket-qua-{}-{stamp}.ron",
            crate::ids::slug(&learner)
        ));
        match crate::storage::write_ron(&path, &result) {
            Ok(()) => {
                self.info_written(tr.exam_exported, &path);
                true
            }
            Err(e) => {
                self.error(fill(tr.session_export_failed, &[("error", &e)]));
                false
            }
        }
    }

    /// Writes a trainer's exam file to the Documents folder (under a name
    /// not yet taken), checked as the learners' PCs will read it.
    pub fn write_exam_file(&mut self, file: &crate::classroom::exam_file::ExamFile) {
        let tr = self.tr();
        let Some(dir) = self.documents_dir() else {
            return;
        };
        let path = crate::storage::fresh_name(
            &dir.join(format!("de-thi-{}.ron", crate::ids::slug(&file.title))),
        );
        let written = crate::storage::to_ron(file).and_then(|text| {
            crate::classroom::exam_file::parse(&path, &text).map_err(|problems| {
                let first = problems
                    .first()
                    .map(|p| crate::i18n::format_problem(tr, p))
                    .unwrap_or_default();
                std::io::Error::other(first)
            })?;
            crate::storage::write_atomic(&path, text.as_bytes())
        });
        match written {
            Ok(()) => self.info_written(tr.exam_make_written, &path),
            Err(e) => self.error(fill(tr.exam_make_failed, &[("error", &e)])),
        }
    }

    /// Brings in a question file (Word or text bank, GIFT, CSV) as a set of
    /// the open document, in the user's question folder; says how many
    /// came in and which could not, by number and line. The set written.
    pub fn import_questions(&mut self, path: &Path) -> Option<PathBuf> {
        let tr = self.tr();
        let file = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let failed = |ws: &mut Workspace, error: &dyn std::fmt::Display| {
            ws.error(fill(
                tr.editor_import_failed,
                &[("file", &file), ("error", error)],
            ));
        };
        let (set, notes) = match crate::formats::import_file(path, &self.doc) {
            Ok(read) => read,
            Err(crate::formats::ImportError::OldWord) => {
                failed(self, &tr.import_old_word);
                return None;
            }
            Err(e) => {
                failed(self, &e);
                return None;
            }
        };
        let left_out: Vec<String> = notes
            .iter()
            .filter(|n| n.kind.is_left_out())
            .map(|n| format!("{}: {}", n.line, n.kind.describe(tr)))
            .collect();
        if set.questions.is_empty() {
            let why = left_out
                .first()
                .cloned()
                .unwrap_or_else(|| tr.import_no_answers.to_string());
            failed(self, &why);
            return None;
        }
        let dir = self.paths.user_sets_dir();
        let stem = path
            .file_stem()
            .map_or("nhap".into(), |s| s.to_string_lossy().into_owned());
        let target =
            crate::storage::fresh_name(&dir.join(format!("{}.ron", crate::ids::slug(&stem))));
        let written = std::fs::create_dir_all(&dir)
            .and_then(|()| crate::storage::to_ron(&set))
            .and_then(|text| {
                // What the app writes passes its own check.
                crate::quiz::parse_set(&target, &text)
                    .map_err(|p| std::io::Error::other(format!("{p:?}")))?;
                crate::storage::write_atomic(&target, text.as_bytes())
            });
        if let Err(e) = written {
            failed(self, &e);
            return None;
        }
        let mut text = fill(
            tr.editor_imported,
            &[("n", &set.questions.len()), ("file", &file)],
        );
        if !left_out.is_empty() {
            text.push('\n');
            text.push_str(&fill(tr.editor_import_left_out, &[("n", &left_out.len())]));
            for line in left_out.iter().take(8) {
                text.push('\n');
                text.push_str(line);
            }
        }
        self.info(text);
        Some(target)
    }

    /// Puts together the result files in `folder` — re-graded against
    /// `exam` if given, else against the sets the app knows — into a
    /// workbook in the Documents folder; says how many there were and how
    /// many to look at.
    pub fn report_results(
        &mut self,
        folder: &Path,
        exam: Option<&crate::classroom::exam_file::ExamFile>,
    ) {
        use crate::classroom::verify::AnswerKey;
        let tr = self.tr();
        let key = match exam {
            Some(file) => AnswerKey::Exam(file),
            None => AnswerKey::Sets(&self.library.sets),
        };
        let report = crate::classroom::report::report(&[folder.to_path_buf()], &key);
        if report.learners.is_empty() {
            self.error(fill(tr.exam_report_none, &[("folder", &folder.display())]));
            return;
        }
        let headers = crate::classroom::report::CsvHeaders::of(tr);
        let flagged = report
            .learners
            .iter()
            .filter(|l| !l.flags.is_empty())
            .count();
        let passed = report.learners.iter().filter(|l| l.passed).count();
        let Some(dir) = self.documents_dir() else {
            return;
        };
        let stamp = crate::storage::utc_timestamp(std::time::SystemTime::now());
        let path = crate::storage::fresh_name(&dir.join(format!("tong-hop-{stamp}.xlsx")));
        let written = report
            .to_xlsx(&headers, |f| f.describe(tr))
            .map_err(std::io::Error::other)
            .and_then(|bytes| crate::storage::write_atomic(&path, &bytes));
        match written {
            Ok(()) => {
                let template = fill(
                    tr.exam_report_written,
                    &[
                        ("n", &report.learners.len()),
                        ("passed", &passed),
                        ("flagged", &flagged),
                        ("unread", &report.problems.len()),
                        // Filled by `info_written`, which knows the words for it.
                        ("place", &"{place}"),
                    ],
                );
                self.info_written(&template, &path);
            }
            Err(e) => self.error(fill(tr.session_export_failed, &[("error", &e)])),
        }
    }

    /// Where the exam being sat is kept, answer by answer.
    pub fn sitting_file(&self) -> PathBuf {
        self.paths.data_dir.join(SITTING_FILE)
    }

    /// Saves the exam being sat (after every answer); says so if it cannot,
    /// once until it can again.
    pub fn save_sitting(&mut self, sitting: &crate::classroom::exam::Sitting) {
        let path = self.sitting_file();
        let written = std::fs::create_dir_all(&self.paths.data_dir)
            .and_then(|()| crate::storage::write_ron(&path, sitting));
        let tr = self.tr();
        match written {
            Ok(()) => self.sitting_failing = false,
            Err(e) if !self.sitting_failing => {
                self.sitting_failing = true;
                self.error(fill(tr.exam_sitting_save_failed, &[("error", &e)]));
            }
            Err(_) => {}
        }
    }

    /// The exam that was being sat when the app last stopped, if any. A
    /// record that cannot be read is set aside and the user told where.
    pub fn take_sitting(&mut self) -> Option<crate::classroom::exam::Sitting> {
        use crate::storage::ReadOutcome;
        let path = self.sitting_file();
        let tr = self.tr();
        match crate::storage::read_ron(&path) {
            ReadOutcome::Missing => None,
            ReadOutcome::Loaded(sitting) => Some(sitting),
            ReadOutcome::SetAside { error, moved_to } => {
                let error = crate::i18n::describe_read_problem(tr, &error);
                let kept = moved_to.unwrap_or(path);
                self.error(fill(
                    tr.exam_sitting_unreadable,
                    &[("error", &error), ("path", &kept.display())],
                ));
                None
            }
        }
    }

    /// The saved exam could not be resumed: it stays on disk, and the user
    /// is told where.
    pub fn sitting_unusable(&mut self) {
        let tr = self.tr();
        let path = self.sitting_file();
        if let Ok(kept) = crate::storage::set_aside(&path) {
            self.error(fill(tr.exam_sitting_unusable, &[("path", &kept.display())]));
        } else {
            self.error(fill(tr.exam_sitting_unusable, &[("path", &path.display())]));
        }
    }

    /// The exam was handed in and its result written: no longer kept for
    /// resuming.
    pub fn finish_sitting(&mut self) {
        // The result is written; a sitting left behind (a read-only disk)
        // would only offer to resume an exam already handed in, which the
        // learner can close.
        if let Err(e) = std::fs::remove_file(self.sitting_file())
            && e.kind() != std::io::ErrorKind::NotFound
        {
            eprintln!("nghiquyet: {}: {e}", self.sitting_file().display());
        }
    }

    /// Reads a trainer's exam file; its problems (file:line:col) go in a
    /// notice. Remembered among the recent files when it opens.
    pub fn read_exam_file(&mut self, path: &Path) -> Option<crate::classroom::exam_file::ExamFile> {
        let tr = self.tr();
        match crate::classroom::exam_file::load(path) {
            Ok(file) => {
                self.change_settings(|s| s.remember_recent(path));
                Some(file)
            }
            Err(problems) => {
                let mut text = fill(tr.exam_file_bad, &[("file", &path.display())]);
                for p in problems.iter().take(10) {
                    text.push('\n');
                    text.push_str(&crate::i18n::format_problem(tr, p));
                }
                self.error(text);
                None
            }
        }
    }

    /// A file written for the user: where it went, in words ("the Documents
    /// folder" rather than its path), with a button that opens its folder.
    pub(super) fn info_written(&mut self, template: &str, path: &Path) {
        let tr = self.tr();
        let folder = path.parent().map(Path::to_path_buf);
        let folder_words = match &folder {
            Some(f) if *f == self.paths.documents_dir => tr.folder_documents.to_string(),
            Some(f) => f.display().to_string(),
            None => String::new(),
        };
        let file = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let place = fill(
            tr.written_place,
            &[("folder", &folder_words), ("file", &file)],
        );
        let screen = Some(self.screen);
        self.notices.push(Notice {
            screen,
            folder,
            ..Notice::info(fill(template, &[("place", &place)]))
        });
    }

    /// Opens a folder in the system's file manager, or says why not.
    pub fn open_folder(&mut self, folder: &Path) {
        if let Err(e) = crate::desktop::open_folder(folder) {
            self.error(format!("{}: {e}", folder.display()));
        }
    }
}

/// A file name's time stamp for `millis` since 1970 (UTC).
fn stamp(at: crate::calendar::Millis) -> String {
    crate::storage::utc_timestamp(at.to_system_time())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paths::Paths;
    use crate::startup::Startup;
    use crate::workspace::{NoticeKind, Screen};

    #[test]
    fn a_score_sheet_says_where_it_went_in_words_with_its_folder() {
        let home = tempfile::tempdir().unwrap();
        let (mut ws, _) = Workspace::new(Startup::prepare(Paths::under(home.path()), None));
        ws.screen = Screen::Session;
        let result = TrainingResult {
            version: 1,
            started: crate::calendar::Millis(1_700_000_000_000),
            sets: vec!["Bộ câu hỏi".into()],
            seconds: 60,
            questions: Vec::new(),
            teams: vec!["Đội 1".into()],
            scores: Vec::new(),
            phones: None,
            players: Vec::new(),
        };
        ws.export_session_csv(&result);
        let notice = ws.notices.last().unwrap();
        assert_eq!(notice.kind, NoticeKind::Info);
        assert_eq!(notice.screen, Some(Screen::Session));
        assert_eq!(notice.folder.as_ref(), Some(&ws.paths.documents_dir));
        let written: Vec<_> = std::fs::read_dir(&ws.paths.documents_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(written.len(), 1);
        assert!(written[0].starts_with("bang-diem-"), "{written:?}");
        assert!(notice.text.contains(&written[0]), "{}", notice.text);
        assert!(
            !notice.text.contains(&*home.path().to_string_lossy()),
            "{}",
            notice.text
        );
    }
}
