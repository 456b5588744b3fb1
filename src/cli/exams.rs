//! The exam verbs: `make-exam` (an exam file from sets), `report` (results
//! re-graded against the exam file, with what looks wrong), and `export
//! --format paper` (numbered versions with answer sheets and keys).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Output, explicit_output, output_path};
use crate::i18n::{Language, fill, format_problem};
use crate::paths::Paths;

/// `nghiquyet report RESULT_FILES... [--exam EXAM.ron]`: every learner's
/// score, recomputed from their answers against the exam file (or the
/// question sets the app knows), with what looks wrong about each result;
/// then the hardest and the least discriminating questions; with `csv`, the
/// whole table as a spreadsheet. Returns whether any result could be read.
pub fn report(
    paths: &[PathBuf],
    sheets: &[PathBuf],
    exam: Option<&Path>,
    app: &Paths,
    csv: Output<'_>,
    language: Language,
    out: &mut impl Write,
) -> std::io::Result<bool> {
    use crate::classroom::report::{CsvHeaders, write_csv};
    use crate::classroom::verify::AnswerKey;
    let tr = language.strings();
    let exam = match exam.map(crate::classroom::exam_file::load) {
        None => None,
        Some(Ok(file)) => Some(file),
        Some(Err(problems)) => {
            writeln!(out, "{}", tr.report_bad_exam)?;
            for p in &problems {
                writeln!(out, "{}", crate::i18n::format_problem(tr, p))?;
            }
            return Ok(false);
        }
    };
    let library;
    let key = match &exam {
        Some(file) => AnswerKey::Exam(file),
        None => {
            library = crate::quiz::Library::load(&app.user_sets_dir());
            AnswerKey::Sets(&library.sets)
        }
    };
    let (mut results, mut problems) = crate::classroom::report::read_results(paths);
    if let Some(file) = &exam {
        for sheet in sheets {
            let text = match std::fs::read(sheet).map(String::from_utf8) {
                Ok(Ok(text)) => text,
                Ok(Err(_)) => {
                    problems.push(format!("{}: {}", sheet.display(), tr.problem_not_utf8));
                    continue;
                }
                Err(e) => {
                    problems.push(format!("{}: {e}", sheet.display()));
                    continue;
                }
            };
            let (typed, wrong) = crate::classroom::paper::read_sheets(file, sheet, &text);
            results.extend(typed);
            problems.extend(wrong.iter().map(|(line, p)| {
                format!(
                    "{}:{line}: {}",
                    sheet.display(),
                    describe_sheet_problem(tr, p)
                )
            }));
        }
    }
    let report = crate::classroom::report::report_of(results, problems, &key);
    let show = crate::text::printable;
    for problem in &report.problems {
        writeln!(out, "{}", show(problem))?;
    }
    if report.learners.is_empty() {
        writeln!(out, "{}", tr.report_none)?;
        return Ok(false);
    }
    if let Some(file) = &exam {
        writeln!(
            out,
            "{}",
            fill(
                tr.report_exam,
                &[
                    ("title", &show(&file.title)),
                    ("count", &file.question_count()),
                    ("minutes", &file.minutes),
                    ("percent", &file.pass_percent),
                ],
            )
        )?;
    }
    writeln!(out, "{}", tr.report_recomputed)?;
    writeln!(
        out,
        "{}",
        fill(tr.report_learners, &[("n", &report.learners.len())])
    )?;
    let width = report
        .learners
        .iter()
        .map(|l| show(&l.learner).chars().count())
        .max()
        .unwrap_or(0);
    for l in &report.learners {
        let name = show(&l.learner);
        let pad = width - name.chars().count();
        let verdict = if l.passed {
            tr.report_passed
        } else {
            tr.report_failed
        };
        let unit = if l.unit.is_empty() {
            String::new()
        } else {
            format!(" ({})", show(&l.unit))
        };
        let mark = if l.flags.is_empty() { " " } else { "⚠" };
        writeln!(
            out,
            "{mark} {}{}  {:>3}%  {verdict}{unit}",
            name,
            " ".repeat(pad),
            l.percent
        )?;
        for flag in &l.flags {
            writeln!(out, "      ⚠ {}", show(&flag.describe(tr)))?;
        }
    }
    let flagged = report
        .learners
        .iter()
        .filter(|l| !l.flags.is_empty())
        .count();
    if flagged > 0 {
        writeln!(out, "{}", fill(tr.report_flagged, &[("n", &flagged)]))?;
    }
    let line = |q: &crate::classroom::report::QuestionStat| {
        fill(
            tr.report_question_line,
            &[
                ("share", &format!("{:.0}", q.right_share * 100.0)),
                (
                    "d",
                    &q.discrimination
                        .map_or("—".to_string(), |d| format!("{d:.2}")),
                ),
                ("asked", &q.asked),
                ("question", &show(&q.prompt)),
            ],
        )
    };
    writeln!(out, "\n{}", tr.report_hardest)?;
    for q in report.questions.iter().take(10) {
        writeln!(out, "  {}", line(q))?;
    }
    writeln!(out, "\n{}", tr.report_misleading)?;
    for q in report.most_misleading().into_iter().take(10) {
        writeln!(out, "  {}", line(q))?;
    }
    if let Some(path) = csv.path {
        let inputs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
        let csv = match explicit_output(path, &inputs, csv.force, tr) {
            Ok(csv) => csv,
            Err(message) => {
                writeln!(out, "\n{message}")?;
                return Ok(false);
            }
        };
        let csv = csv.as_path();
        let headers = CsvHeaders::of(tr);
        let xlsx = csv
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        if xlsx {
            let bytes = report
                .to_xlsx(&headers, |f| f.describe(tr))
                .map_err(std::io::Error::other)?;
            crate::storage::write_atomic(csv, &bytes)?;
        } else {
            write_csv(csv, &report.to_csv(&headers, |f| f.describe(tr)))?;
        }
        writeln!(
            out,
            "\n{}",
            fill(tr.report_written, &[("path", &csv.display())])
        )?;
    }
    Ok(true)
}

/// What the trainer asks of `nghiquyet make-exam`.
pub struct ExamSettings {
    pub title: String,
    /// Questions to draw: one number for every set, or one per set.
    pub counts: Vec<usize>,
    pub minutes: u32,
    pub pass_percent: u32,
    pub codes: Vec<u32>,
    pub allow_reading: bool,
    pub show_answers: bool,
    pub ask_unit: bool,
    pub opens: Option<String>,
    pub closes: Option<String>,
}

/// `nghiquyet make-exam SET.ron... --title … -o EXAM.ron`: an exam file
/// holding the sets' questions and the settings learners cannot change.
/// The file written is read back and checked before it is reported done.
pub fn make_exam(
    sets: &[PathBuf],
    settings: ExamSettings,
    output: Output<'_>,
    language: Language,
    out: &mut impl Write,
) -> std::io::Result<bool> {
    use crate::classroom::exam_file::{EXAM_FILE_VERSION, ExamFile, Part};
    let tr = language.strings();
    let mut parts = Vec::new();
    let mut problems = Vec::new();
    for (i, path) in sets.iter().enumerate() {
        match crate::quiz::load_set_file(path) {
            Ok(set) => {
                let count = match settings.counts.as_slice() {
                    [] => 0,
                    [one] => *one,
                    many => many.get(i).copied().unwrap_or(0),
                };
                let key = path
                    .file_stem()
                    .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
                parts.push(Part {
                    key,
                    count,
                    tags: Vec::new(),
                    set,
                });
            }
            Err(mut p) => problems.append(&mut p),
        }
    }
    if settings.counts.len() > 1 && settings.counts.len() != sets.len() {
        writeln!(
            out,
            "{}",
            fill(
                tr.make_exam_counts,
                &[("counts", &settings.counts.len()), ("sets", &sets.len())]
            )
        )?;
        return Ok(false);
    }
    for p in &problems {
        writeln!(out, "{}", format_problem(tr, p))?;
    }
    if !problems.is_empty() {
        return Ok(false);
    }
    let file = ExamFile {
        exam_file: EXAM_FILE_VERSION,
        title: settings.title,
        minutes: settings.minutes,
        pass_percent: settings.pass_percent,
        codes: settings.codes,
        allow_reading: settings.allow_reading,
        show_answers: settings.show_answers,
        ask_unit: settings.ask_unit,
        opens: settings.opens,
        closes: settings.closes,
        parts,
    };
    let default = PathBuf::from(format!("de-thi-{}.ron", crate::ids::slug(&file.title)));
    let inputs: Vec<&Path> = sets.iter().map(PathBuf::as_path).collect();
    let path = match output_path(output, default, &inputs, tr) {
        Ok(path) => path,
        Err(message) => {
            writeln!(out, "{message}")?;
            return Ok(false);
        }
    };
    // Checked as the learners' PCs will read it, before it is written.
    let text = crate::storage::to_ron(&file)?;
    if let Err(problems) = crate::classroom::exam_file::parse(&path, &text) {
        for p in &problems {
            writeln!(out, "{}", format_problem(tr, p))?;
        }
        return Ok(false);
    }
    crate::storage::write_atomic(&path, text.as_bytes())?;
    writeln!(
        out,
        "{}",
        fill(
            tr.make_exam_written,
            &[
                ("path", &path.display()),
                ("count", &file.question_count()),
                ("codes", &file.codes.len()),
            ],
        )
    )?;
    Ok(true)
}

/// `nghiquyet export EXAM_OR_SET.ron --format paper`: numbered versions
/// with answer sheets and keys, as FILE.docx and FILE.html side by side.
pub fn export_paper(
    file: &Path,
    versions: Option<usize>,
    unit: &str,
    output: Output<'_>,
    language: Language,
    out: &mut impl Write,
) -> std::io::Result<bool> {
    use crate::classroom::exam_file::{self, ExamFile};
    use crate::classroom::paper::{PaperWords, paper};
    let tr = language.strings();
    let loaded = if exam_file::is_exam_path(file) {
        exam_file::load(file)
    } else {
        crate::quiz::load_set_file(file).map(|set| {
            let key = file
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            ExamFile::of_set(&key, set)
        })
    };
    let exam = match loaded {
        Ok(exam) => exam,
        Err(problems) => {
            for problem in problems {
                writeln!(out, "{}", format_problem(tr, &problem))?;
            }
            return Ok(false);
        }
    };
    let count = versions.unwrap_or(exam.codes.len()).clamp(1, 99);
    let versions = crate::classroom::paper::versions(&exam, count);
    let words = PaperWords {
        time: tr.paper_time,
        code: tr.paper_code,
        name_line: tr.paper_name_unit_line,
        question: tr.paper_question,
        several: tr.paper_several,
        true_: tr.practice_true,
        false_: tr.practice_false,
        write_answer: tr.paper_write_answer,
        order_line: tr.paper_order_line,
        match_line: tr.paper_match_line,
        sheet_title: tr.paper_sheet_title,
        sheet_hint: tr.paper_sheet_hint,
        column_question: tr.paper_column_question,
        column_answer: tr.paper_column_answer,
        keys_title: tr.paper_keys_title,
        key_title: tr.paper_key_title,
        end: tr.paper_end,
    };
    let printed = paper(&exam, &versions, unit, &words);
    let stem = file
        .file_stem()
        .map_or_else(|| "de".to_string(), |s| s.to_string_lossy().into_owned());
    let default = file.with_file_name(format!("{stem}-de-in.docx"));
    let docx = match output_path(output, default, &[file], tr) {
        Ok(path) => path.with_extension("docx"),
        Err(message) => {
            writeln!(out, "{message}")?;
            return Ok(false);
        }
    };
    let html = docx.with_extension("html");
    if html.exists() && !output.force && output.path.is_some() {
        writeln!(
            out,
            "{}",
            fill(tr.output_exists, &[("path", &html.display())])
        )?;
        return Ok(false);
    }
    crate::storage::write_atomic(&docx, &printed.to_docx()?)?;
    crate::storage::write_atomic(&html, printed.to_html(&exam.title).as_bytes())?;
    writeln!(
        out,
        "{}",
        fill(
            tr.paper_written,
            &[
                ("versions", &versions.len()),
                ("count", &versions.first().map_or(0, |v| v.items.len())),
                ("docx", &docx.display()),
                ("html", &html.display()),
            ],
        )
    )?;
    Ok(true)
}

/// Why a typed answer sheet line was not read, in words.
fn describe_sheet_problem(
    tr: &crate::i18n::Strings,
    problem: &crate::classroom::paper::SheetProblem,
) -> String {
    use crate::classroom::paper::SheetProblem as P;
    match problem {
        P::NoAnswers => tr.sheet_no_answers.to_string(),
        P::UnknownCode(code) => fill(tr.sheet_unknown_code, &[("code", code)]),
        P::NotAnAnswer(piece) => fill(tr.sheet_not_an_answer, &[("piece", piece)]),
        P::NoSuchQuestion(n) => fill(tr.sheet_no_such_question, &[("n", n)]),
    }
}
