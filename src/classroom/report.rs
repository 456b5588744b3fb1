//! Exam results from many PCs put together: each learner's score, and for
//! each question the share of right answers and its discrimination — do the
//! strongest learners get it right and the weakest wrong? — so the hardest
//! and the most misleading questions stand out.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::exam::ExamResult;
use super::training::TrainingResult;
use super::verify::{AnswerKey, Flag};

#[derive(Clone, Debug, PartialEq)]
pub struct LearnerRow {
    pub learner: String,
    pub unit: String,
    pub file: PathBuf,
    /// Recomputed from the answers, never read from the file.
    pub percent: u32,
    pub passed: bool,
    pub questions: usize,
    /// What the trainer should look at (see [`super::verify`]).
    pub flags: Vec<Flag>,
    /// Each question's score, by set and id.
    pub scores: HashMap<(String, String), f32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuestionStat {
    pub set: String,
    pub id: String,
    pub prompt: String,
    /// Learners whose exam had the question.
    pub asked: usize,
    /// Share of them who got it right (partly right counts its score).
    pub right_share: f32,
    /// Share right among the strongest 27 % of learners minus the share among
    /// the weakest 27 % (from −1 to 1); `None` when either group never met it.
    /// Near 0 or below: the question does not tell who knows the material.
    pub discrimination: Option<f32>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Best first.
    pub learners: Vec<LearnerRow>,
    /// Hardest (lowest share right) first.
    pub questions: Vec<QuestionStat>,
    /// Files that could not be read, as "file:line:col: message".
    pub problems: Vec<String>,
    /// Every question (set, id) in the order first met.
    pub order: Vec<(String, String)>,
}

/// The `.ron` files among `paths` (folders are searched).
fn result_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths
        .iter()
        .flat_map(|p| crate::quiz::set_files(p))
        .collect()
}

/// Reads result files on all cores; unreadable ones become problems.
pub fn read_results(paths: &[PathBuf]) -> (Vec<(PathBuf, ExamResult)>, Vec<String>) {
    let files = result_files(paths);
    let parts = crate::parallel::split_by_size(&files, |_| 4096);
    let read = crate::parallel::map(&parts, |range| {
        files[range.clone()]
            .iter()
            .map(|path| {
                let result = std::fs::read(path)
                    .map_err(|e| format!("{}: {e}", path.display()))
                    .and_then(|bytes| {
                        String::from_utf8(bytes)
                            .map_err(|_| format!("{}: not UTF-8 text", path.display()))
                    })
                    .and_then(|text| {
                        crate::storage::parse_ron::<ExamResult>(path, &text)
                            .map(|r| vec![r])
                            .or_else(|e| {
                                // A session answered on phones: each learner's answers.
                                crate::storage::parse_ron::<TrainingResult>(path, &text)
                                    .ok()
                                    .filter(|s| !s.players.is_empty())
                                    .map(|s| s.phone_results())
                                    .ok_or_else(|| e.to_string())
                            })
                    });
                (path.clone(), result)
            })
            .collect::<Vec<_>>()
    });
    let mut results = Vec::new();
    let mut problems = Vec::new();
    for (path, r) in read.into_iter().flatten() {
        match r {
            Ok(read) => results.extend(read.into_iter().map(|r| (path.clone(), r))),
            Err(e) => problems.push(e),
        }
    }
    (results, problems)
}

#[derive(Default)]
struct Tally {
    prompt: String,
    asked: usize,
    score: f32,
    upper: (usize, f32),
    lower: (usize, f32),
}

pub fn aggregate(results: &[(PathBuf, ExamResult)]) -> Report {
    let mut order: Vec<usize> = (0..results.len()).collect();
    order.sort_by(|&a, &b| {
        results[b]
            .1
            .percent
            .cmp(&results[a].1.percent)
            .then_with(|| results[a].1.learner.cmp(&results[b].1.learner))
    });
    let n = results.len();
    // The classic 27 % groups, at least one learner each when there are two.
    let group = if n >= 2 {
        ((n as f32 * 0.27).round() as usize).clamp(1, n / 2)
    } else {
        0
    };
    let mut rank = vec![0; n];
    for (position, &i) in order.iter().enumerate() {
        rank[i] = position;
    }
    let mut tallies: HashMap<(&str, &str), Tally> = HashMap::new();
    let mut keys = Vec::new();
    for (i, (_, result)) in results.iter().enumerate() {
        let upper = rank[i] < group;
        let lower = group > 0 && rank[i] >= n - group;
        for q in &result.questions {
            let key = (q.set.as_str(), q.id.as_str());
            let t = tallies.entry(key).or_insert_with(|| {
                keys.push(key);
                Tally {
                    prompt: q.prompt.clone(),
                    ..Tally::default()
                }
            });
            t.asked += 1;
            t.score += q.score;
            if upper {
                t.upper.0 += 1;
                t.upper.1 += q.score;
            }
            if lower {
                t.lower.0 += 1;
                t.lower.1 += q.score;
            }
        }
    }
    let question_order: Vec<(String, String)> = keys
        .iter()
        .map(|(s, i)| (s.to_string(), i.to_string()))
        .collect();
    let share = |(had, score): (usize, f32)| (had > 0).then(|| score / had as f32);
    let mut questions: Vec<QuestionStat> = keys
        .into_iter()
        .map(|key| {
            let t = &tallies[&key];
            QuestionStat {
                set: key.0.to_string(),
                id: key.1.to_string(),
                prompt: t.prompt.clone(),
                asked: t.asked,
                right_share: t.score / t.asked.max(1) as f32,
                discrimination: share(t.upper).zip(share(t.lower)).map(|(u, l)| u - l),
            }
        })
        .collect();
    questions.sort_by(|a, b| {
        a.right_share
            .total_cmp(&b.right_share)
            .then_with(|| a.id.cmp(&b.id))
    });
    Report {
        learners: order
            .into_iter()
            .map(|i| {
                let (file, r) = &results[i];
                LearnerRow {
                    learner: r.learner.clone(),
                    unit: r.unit.clone(),
                    file: file.clone(),
                    percent: r.percent,
                    passed: r.passed,
                    questions: r.questions.len(),
                    flags: Vec::new(),
                    scores: r
                        .questions
                        .iter()
                        .map(|q| ((q.set.clone(), q.id.clone()), q.score))
                        .collect(),
                }
            })
            .collect(),
        questions,
        problems: Vec::new(),
        order: question_order,
    }
}

/// Reads, re-grades every result against `key` and aggregates, in one go.
pub fn report(paths: &[PathBuf], key: &AnswerKey<'_>) -> Report {
    let (results, problems) = read_results(paths);
    report_of(results, problems, key)
}

/// Re-grades `results` (from files, typed answer sheets) against `key` and
/// aggregates them; `problems` are reported with them.
pub fn report_of(
    results: Vec<(PathBuf, ExamResult)>,
    problems: Vec<String>,
    key: &AnswerKey<'_>,
) -> Report {
    let checked = super::verify::check(results, key);
    let mut flags: HashMap<PathBuf, Vec<Flag>> = HashMap::new();
    let regraded: Vec<(PathBuf, ExamResult)> = checked
        .into_iter()
        .map(|c| {
            flags.insert(c.path.clone(), c.flags);
            (c.path, c.result)
        })
        .collect();
    let mut report = aggregate(&regraded);
    for row in &mut report.learners {
        row.flags = flags.remove(&row.file).unwrap_or_default();
    }
    Report { problems, ..report }
}

impl Report {
    /// The questions that tell least who knows the material: lowest
    /// discrimination first (only those with one).
    pub fn most_misleading(&self) -> Vec<&QuestionStat> {
        let mut q: Vec<&QuestionStat> = self
            .questions
            .iter()
            .filter(|q| q.discrimination.is_some())
            .collect();
        q.sort_by(|a, b| {
            a.discrimination
                .unwrap_or(0.0)
                .total_cmp(&b.discrimination.unwrap_or(0.0))
        });
        q
    }

    /// Learners, then questions, as a spreadsheet (UTF-8 with BOM); each
    /// flag in words by `describe`.
    pub fn to_csv(&self, headers: &CsvHeaders, describe: impl Fn(&Flag) -> String) -> String {
        let mut out = String::from("\u{feff}");
        out.push_str(&crate::formats::csv::row(&[
            headers.learner.into(),
            headers.unit.into(),
            headers.percent.into(),
            headers.passed.into(),
            headers.flags.into(),
            headers.file.into(),
        ]));
        for l in &self.learners {
            let flags: Vec<String> = l.flags.iter().map(&describe).collect();
            out.push_str(&crate::formats::csv::row(&[
                l.learner.clone(),
                l.unit.clone(),
                l.percent.to_string(),
                if l.passed { "1" } else { "0" }.into(),
                flags.join("; "),
                l.file.display().to_string(),
            ]));
        }
        out.push_str("\r\n");
        out.push_str(&crate::formats::csv::row(&[
            headers.set.into(),
            headers.id.into(),
            headers.question.into(),
            headers.asked.into(),
            headers.right.into(),
            headers.discrimination.into(),
        ]));
        for q in &self.questions {
            out.push_str(&crate::formats::csv::row(&[
                q.set.clone(),
                q.id.clone(),
                q.prompt.clone(),
                q.asked.to_string(),
                format!("{:.0}", q.right_share * 100.0),
                q.discrimination
                    .map_or(String::new(), |d| format!("{d:.2}")),
            ]));
        }
        out
    }
}

impl Report {
    /// Learners (one row each, one column per question) and the questions'
    /// statistics, as an Excel workbook of two sheets.
    pub fn to_xlsx(
        &self,
        headers: &CsvHeaders,
        describe: impl Fn(&Flag) -> String,
    ) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        use rust_xlsxwriter::{Format, Workbook};
        let mut book = Workbook::new();
        let bold = Format::new().set_bold();
        let text = |s: &str| crate::text::printable(s).into_owned();
        let sheet = book.add_worksheet();
        sheet.set_name(headers.sheet_learners)?;
        let fixed = [
            headers.learner,
            headers.unit,
            headers.percent,
            headers.passed,
            headers.flags,
            headers.file,
        ];
        for (c, title) in fixed.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, *title, &bold)?;
        }
        let first = fixed.len() as u16;
        for (k, (_, id)) in self.order.iter().enumerate() {
            sheet.write_string_with_format(
                0,
                first + k as u16,
                format!("{} ({id})", k + 1),
                &bold,
            )?;
        }
        for (r, l) in self.learners.iter().enumerate() {
            let row = r as u32 + 1;
            sheet.write_string(row, 0, text(&l.learner))?;
            sheet.write_string(row, 1, text(&l.unit))?;
            sheet.write_number(row, 2, f64::from(l.percent))?;
            sheet.write_number(row, 3, if l.passed { 1.0 } else { 0.0 })?;
            let flags: Vec<String> = l.flags.iter().map(&describe).collect();
            sheet.write_string(row, 4, text(&flags.join("; ")))?;
            sheet.write_string(row, 5, text(&l.file.display().to_string()))?;
            for (k, key) in self.order.iter().enumerate() {
                if let Some(score) = l.scores.get(key) {
                    sheet.write_number(row, first + k as u16, f64::from(*score))?;
                }
            }
        }
        sheet.set_column_width(0, 28)?;
        sheet.set_column_width(4, 40)?;
        sheet.set_freeze_panes(1, 1)?;
        // Printed: landscape, one page wide, with the grid.
        sheet.set_landscape();
        sheet.set_print_fit_to_pages(1, 0);
        sheet.set_print_gridlines(true);
        let sheet = book.add_worksheet();
        sheet.set_name(headers.sheet_questions)?;
        let titles = [
            headers.set,
            headers.id,
            headers.question,
            headers.asked,
            headers.right,
            headers.discrimination,
        ];
        for (c, title) in titles.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, *title, &bold)?;
        }
        for (r, q) in self.questions.iter().enumerate() {
            let row = r as u32 + 1;
            sheet.write_string(row, 0, text(&q.set))?;
            sheet.write_string(row, 1, text(&q.id))?;
            sheet.write_string(row, 2, text(&q.prompt))?;
            sheet.write_number(row, 3, q.asked as f64)?;
            sheet.write_number(row, 4, (f64::from(q.right_share) * 100.0).round())?;
            if let Some(d) = q.discrimination {
                sheet.write_number(row, 5, (f64::from(d) * 100.0).round() / 100.0)?;
            }
        }
        sheet.set_column_width(2, 60)?;
        sheet.set_freeze_panes(1, 0)?;
        sheet.set_landscape();
        sheet.set_print_fit_to_pages(1, 0);
        sheet.set_print_gridlines(true);
        book.save_to_buffer()
    }
}

/// Column titles, in the interface language.
pub struct CsvHeaders {
    pub learner: &'static str,
    pub unit: &'static str,
    pub percent: &'static str,
    pub passed: &'static str,
    pub flags: &'static str,
    pub file: &'static str,
    pub set: &'static str,
    pub id: &'static str,
    pub question: &'static str,
    pub asked: &'static str,
    pub right: &'static str,
    pub discrimination: &'static str,
    /// The workbook's two sheets.
    pub sheet_learners: &'static str,
    pub sheet_questions: &'static str,
}

impl CsvHeaders {
    /// The titles in the interface language of `tr`.
    pub fn of(tr: &crate::i18n::Strings) -> CsvHeaders {
        CsvHeaders {
            learner: tr.csv_learner,
            unit: tr.csv_unit,
            percent: tr.csv_percent,
            passed: tr.csv_passed,
            flags: tr.csv_flags,
            file: tr.csv_file,
            set: tr.csv_set,
            id: tr.csv_id,
            question: tr.csv_question,
            asked: tr.csv_asked,
            right: tr.csv_right,
            discrimination: tr.csv_discrimination,
            sheet_learners: tr.xlsx_sheet_learners,
            sheet_questions: tr.xlsx_sheet_questions,
        }
    }
}

/// Writes `text` (a CSV) to `path` atomically.
pub fn write_csv(path: &Path, text: &str) -> std::io::Result<()> {
    crate::storage::write_atomic(path, text.as_bytes())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::classroom::exam::{AnsweredQuestion, Away, ExamPlan};
    use crate::quiz::Verdict;

    /// A learner's result: `right[i]` for question "q{i}".
    pub fn result(learner: &str, right: &[bool]) -> ExamResult {
        let score: f32 = right.iter().filter(|&&r| r).count() as f32;
        let percent = (score / right.len() as f32 * 100.0).round() as u32;
        ExamResult {
            version: 1,
            learner: learner.into(),
            unit: String::new(),
            exam: None,
            sets: vec!["Bộ".into()],
            plan: ExamPlan {
                count: right.len(),
                seed: 1,
                minutes: 10,
                pass_percent: 50,
            },
            started: crate::calendar::Millis(0),
            finished: crate::calendar::Millis(1),
            timed_out: false,
            score,
            percent,
            passed: percent >= 50,
            seconds_used: 0,
            away: Away::default(),
            seal: String::new(),
            paper: false,
            questions: right
                .iter()
                .enumerate()
                .map(|(i, &r)| AnsweredQuestion {
                    document: "d".into(),
                    set: "s".into(),
                    id: format!("q{i}"),
                    fingerprint: 0,
                    prompt: format!("Câu {i}"),
                    response: None,
                    verdict: if r { Verdict::Right } else { Verdict::Wrong },
                    score: if r { 1.0 } else { 0.0 },
                    answered_at: None,
                })
                .collect(),
        }
    }

    #[test]
    fn shares_and_discrimination() {
        // q0: everyone right. q1: only the strong. q2: only the weak (misleading).
        let results: Vec<(PathBuf, ExamResult)> = [
            ("An", [true, true, false, true]),
            ("Bình", [true, true, false, true]),
            ("Cường", [true, false, false, true]),
            ("Dũng", [true, false, true, false]),
        ]
        .iter()
        .map(|(n, r)| (PathBuf::from(format!("{n}.ron")), result(n, r)))
        .collect();
        let report = aggregate(&results);
        assert_eq!(report.learners[0].learner, "An");
        assert_eq!(report.learners[3].learner, "Dũng");
        let q = |id: &str| report.questions.iter().find(|q| q.id == id).unwrap();
        assert_eq!(q("q0").right_share, 1.0);
        assert_eq!(q("q0").discrimination, Some(0.0));
        assert_eq!(q("q1").discrimination, Some(1.0));
        assert_eq!(q("q2").discrimination, Some(-1.0));
        assert_eq!(report.questions[0].id, "q2", "hardest first");
        assert_eq!(report.most_misleading()[0].id, "q2");
    }

    #[test]
    fn the_workbook_has_a_row_per_learner_and_a_column_per_question() {
        let results = vec![
            (PathBuf::from("a.ron"), result("Ân", &[true, false])),
            (PathBuf::from("b.ron"), result("Bình", &[true, true])),
        ];
        let headers = CsvHeaders::of(crate::i18n::Language::Vi.strings());
        let bytes = aggregate(&results)
            .to_xlsx(&headers, |f| format!("{f:?}"))
            .unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut read = |name: &str| {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
            text
        };
        let workbook = read("xl/workbook.xml");
        assert!(
            workbook.contains("name=\"Kết quả\"") && workbook.contains("name=\"Thống kê câu hỏi\"")
        );
        let strings = read("xl/sharedStrings.xml");
        assert!(
            strings.contains("Bình") && strings.contains("1 (q0)") && strings.contains("2 (q1)")
        );
        let learners = read("xl/worksheets/sheet1.xml");
        // Bình first (100 %), then Ân (50 %), with 1 and 0 for q1.
        assert_eq!(learners.matches("<row ").count(), 3, "{learners}");
        assert!(learners.contains("<v>100</v>") && learners.contains("<v>50</v>"));
    }

    #[test]
    fn the_csv_has_both_tables() {
        let results = vec![(PathBuf::from("a.ron"), result("Ân", &[true, false]))];
        let headers = CsvHeaders::of(crate::i18n::Language::Vi.strings());
        let mut report = aggregate(&results);
        report.learners[0].flags = vec![Flag::NotSealed, Flag::SealBroken];
        let csv = report.to_csv(&headers, |f| format!("{f:?}"));
        assert!(
            csv.starts_with(
                "\u{feff}Người học,Đơn vị,Điểm (%),Đạt,Cần xem lại,Tệp\r\nÂn,,50,1,\"NotSealed; SealBroken\",a.ron\r\n\r\nBộ câu hỏi,"
            ),
            "{csv}"
        );
        assert!(csv.contains("s,q1,Câu 1,1,0,\r\n"), "{csv}");
    }
}
