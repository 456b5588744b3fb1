//! Command-line verbs (no window): what trainers run in a terminal.
//! The exam verbs (make-exam, report, export --format paper) are in
//! [`exams`].

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::document::{Document, load_document};
use crate::i18n::{Language, could_not_open, fill, format_problem};
use crate::keypoints::key_points_for;
use crate::paths::Paths;
use crate::quiz::check_paths;

mod exams;
pub use exams::{ExamSettings, export_paper, make_exam, report};

/// The interface language from the settings file, without touching the file
/// (a command-line run must not move a broken settings file aside).
pub fn language(paths: &Paths) -> Language {
    #[derive(serde::Deserialize, Default)]
    #[serde(default)]
    struct JustLanguage {
        language: Language,
    }
    std::fs::read_to_string(paths.settings_file())
        .ok()
        .and_then(|text| crate::storage::parse_ron::<JustLanguage>(Path::new(""), &text).ok())
        .unwrap_or_default()
        .language
}

/// `nghiquyet check FILE_OR_DIR...`: prints one `file:line:col: message` line
/// per problem and a summary; returns whether every file was valid.
pub fn check(paths: &[PathBuf], language: Language, out: &mut impl Write) -> std::io::Result<bool> {
    let tr = language.strings();
    let (files, problems) = check_paths(paths, |file| {
        // A trainer's exam file is checked as one (its sets inside too).
        crate::classroom::exam_file::is_exam_path(file)
            .then(|| crate::classroom::exam_file::load(file).map(drop))
    });
    for problem in &problems {
        writeln!(out, "{}", format_problem(tr, problem))?;
    }
    if problems.is_empty() {
        writeln!(out, "{}", fill(tr.check_ok, &[("files", &files)]))?;
    } else {
        writeln!(
            out,
            "{}",
            fill(
                tr.check_failed,
                &[("files", &files), ("problems", &problems.len())]
            )
        )?;
    }
    Ok(problems.is_empty() && files > 0)
}

/// Opens a document for a command-line verb, or says why not (on stderr).
fn open_document(path: &Path, language: Language) -> Result<Document, String> {
    let tr = language.strings();
    let doc = load_document(path).map_err(|e| could_not_open(tr, path, &e))?;
    // Converted from an old encoding: the trainer is told on stderr, so the
    // output (a set, a list) stays clean.
    if let Some(conversion) = &doc.conversion {
        eprintln!(
            "nghiquyet: {}",
            crate::i18n::describe_conversion(tr, conversion)
        );
    }
    Ok(doc)
}

/// `nghiquyet convert FILE [-o OUT.md] [--force]`: the document as the app
/// reads it, written as the app's Markdown — to OUT.md, or to standard output.
/// Never writes over the input, nor over an existing file without `force`.
/// What the reader left out goes to `err`. Returns whether it was written.
pub fn convert(
    input: &Path,
    output: Option<&Path>,
    force: bool,
    language: Language,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<bool> {
    let tr = language.strings();
    if let Some(target) = output {
        let same = match (std::fs::canonicalize(input), std::fs::canonicalize(target)) {
            (Ok(a), Ok(b)) => a == b,
            _ => input == target,
        };
        if same {
            writeln!(
                err,
                "{}",
                fill(tr.convert_same_file, &[("path", &target.display())])
            )?;
            return Ok(false);
        }
        if !force && std::fs::symlink_metadata(target).is_ok() {
            writeln!(
                err,
                "{}",
                fill(tr.convert_exists, &[("path", &target.display())])
            )?;
            return Ok(false);
        }
    }
    let opened = match crate::document::open_document(input) {
        Ok(opened) => opened,
        Err(e) => {
            writeln!(err, "{}", could_not_open(tr, input, &e))?;
            return Ok(false);
        }
    };
    for notice in &opened.notices {
        writeln!(
            err,
            "{}: {}",
            input.display(),
            crate::i18n::describe_notice(tr, notice)
        )?;
    }
    let markdown = opened.document.to_markdown();
    match output {
        Some(target) => {
            crate::storage::write_atomic(target, markdown.as_bytes())?;
            writeln!(
                err,
                "{}",
                fill(
                    tr.convert_written,
                    &[
                        ("n", &opened.document.blocks.len()),
                        ("path", &target.display())
                    ]
                )
            )?;
        }
        None => out.write_all(markdown.as_bytes())?,
    }
    Ok(true)
}

/// `nghiquyet anchors DOC`: every sentence with its anchor ("p7.s2"), one
/// per line — what a trainer quotes as `anchor` in a hand-written question.
pub fn anchors(doc_path: &Path, language: Language, out: &mut impl Write) -> Result<(), String> {
    let doc = open_document(doc_path, language)?;
    for block in &doc.blocks {
        for sentence in &block.sentences {
            let text = block.text.get(sentence.range.clone()).unwrap_or("");
            writeln!(
                out,
                "{}\t{}",
                sentence.anchor,
                text.replace(['\n', '\r', '\t'], " ")
            )
            .map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// `nghiquyet keypoints DOC`: the key points, one per line with its id and
/// anchor — what a trainer needs to write a curated file.
pub fn keypoints(doc_path: &Path, language: Language, out: &mut impl Write) -> Result<(), String> {
    let doc = open_document(doc_path, language)?;
    let (points, problem) = key_points_for(&doc);
    if let Some(p) = problem {
        eprintln!("nghiquyet: {p}");
    }
    for p in points {
        writeln!(out, "{}\t{}\t{}", p.id, p.anchor, p.summary()).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// `nghiquyet generate DOC [-o FILE] [--seed N]`: a question set a trainer can
/// open, edit and ship. Written atomically to FILE, or to standard output —
/// only when it has questions and passes `check` as written; otherwise
/// nothing is written and the error says why.
pub fn generate(
    doc_path: &Path,
    output: Output<'_>,
    seed: u64,
    language: Language,
    out: &mut impl Write,
) -> Result<usize, String> {
    let tr = language.strings();
    // Refused before any work: never the document itself, never an existing
    // file without --force.
    let output = match output.path {
        Some(path) => Some(explicit_output(path, &[doc_path], output.force, tr)?),
        None => None,
    };
    let output = output.as_deref();
    let doc = open_document(doc_path, language)?;
    let (points, problem) = key_points_for(&doc);
    if let Some(p) = problem {
        eprintln!("nghiquyet: {p}");
    }
    let set = crate::generate::generate(&doc, &points, seed);
    let count = set.questions.len();
    if count == 0 {
        return Err(fill(tr.generate_empty, &[("path", &doc_path.display())]));
    }
    let text = crate::storage::to_ron(&set).map_err(|e| e.to_string())?;
    // What `check` would say of the file, so that a set it refuses is never written.
    let target = output.unwrap_or(Path::new("-"));
    let problems = if text.len() as u64 > crate::quiz::MAX_SET_BYTES {
        vec![crate::quiz::Problem {
            path: target.to_path_buf(),
            line: 0,
            column: 0,
            kind: crate::quiz::ProblemKind::TooLarge,
        }]
    } else {
        crate::quiz::parse_set(target, &text)
            .err()
            .unwrap_or_default()
    };
    if !problems.is_empty() {
        let mut message = fill(tr.generate_invalid, &[("path", &doc_path.display())]);
        for problem in problems.iter().take(20) {
            message.push_str("\n  ");
            message.push_str(&format_problem(tr, problem));
        }
        return Err(message);
    }
    match output {
        Some(path) => crate::storage::write_atomic(path, text.as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))?,
        None => out.write_all(text.as_bytes()).map_err(|e| e.to_string())?,
    }
    Ok(count)
}

/// `nghiquyet generate DOC --report [--gold GOLD.ron]`: the generated
/// questions one per line with the defects found in them, the questions
/// dropped and why, and which facts of GOLD.ron are asked.
pub fn generate_report(
    doc_path: &Path,
    gold: Option<&Path>,
    seed: u64,
    language: Language,
    out: &mut impl Write,
) -> Result<(), String> {
    use crate::generate::quality;
    let doc = open_document(doc_path, language)?;
    let gold = match gold {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            Some(
                crate::storage::parse_ron::<quality::Gold>(path, &text)
                    .map_err(|e| e.to_string())?,
            )
        }
        None => None,
    };
    let (points, problem) = key_points_for(&doc);
    if let Some(p) = problem {
        eprintln!("nghiquyet: {p}");
    }
    let (set, dropped) = crate::generate::generate_with_dropped(&doc, &points, seed);
    let report = quality::report(&doc, &set, gold.as_ref());
    let mut text = format!("{}\n", doc_path.display());
    quality::write_report(&set, &report, &mut text);
    if !dropped.is_empty() {
        text.push_str(&format!("\nĐã bỏ {} câu:\n", dropped.len()));
        for (q, flags) in &dropped {
            let why: Vec<&str> = flags.iter().map(|f| f.describe()).collect();
            text.push_str(&format!(
                "  - {} ({})  !! {}\n",
                quality::one_line(q),
                q.source.anchor,
                why.join("; ")
            ));
        }
    }
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())
}

/// `nghiquyet import FILE [--document DOC] [-o OUT.ron]`: a GIFT or CSV file
/// as a question set for the document (the bundled one unless given), tied
/// to its passages. Prints what was left out or guessed, line by line, and
/// the problems `check` finds in the result. Returns whether it was written.
pub fn import(
    file: &Path,
    document: Option<&Path>,
    output: Output<'_>,
    paths: &Paths,
    language: Language,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<bool> {
    let tr = language.strings();
    let doc = match document {
        Some(path) => match open_document(path, language) {
            Ok(doc) => doc,
            Err(message) => {
                writeln!(err, "{message}")?;
                return Ok(false);
            }
        },
        None => Document::bundled(),
    };
    let (set, notes) = match crate::formats::import_file(file, &doc) {
        Ok(read) => read,
        Err(crate::formats::ImportError::OldWord) => {
            writeln!(err, "{}: {}", file.display(), tr.import_old_word)?;
            return Ok(false);
        }
        Err(e) => {
            writeln!(err, "{}: {e}", file.display())?;
            return Ok(false);
        }
    };
    for note in &notes {
        writeln!(
            out,
            "{}:{}: {}",
            file.display(),
            note.line,
            note.kind.describe(tr)
        )?;
    }
    if set.questions.is_empty() {
        writeln!(
            err,
            "{}",
            fill(tr.import_nothing, &[("path", &file.display())])
        )?;
        return Ok(false);
    }
    let target = match output.path {
        Some(p) => match explicit_output(p, &[file], output.force, tr) {
            Ok(p) => p,
            Err(message) => {
                writeln!(err, "{message}")?;
                return Ok(false);
            }
        },
        None => {
            let dir = paths.user_sets_dir();
            std::fs::create_dir_all(&dir)?;
            let stem = file
                .file_stem()
                .map_or("nhap".into(), |s| s.to_string_lossy().into_owned());
            crate::storage::fresh_name(&dir.join(format!("{stem}.ron")))
        }
    };
    let text = crate::storage::to_ron(&set)?;
    // What we write must pass our own `check`; the import left out every
    // question that would not, so this is a last guard, not a filter.
    if let Err(problems) = crate::quiz::parse_set(&target, &text) {
        for problem in problems {
            writeln!(err, "{}", format_problem(tr, &problem))?;
        }
        return Ok(false);
    }
    crate::storage::write_atomic(&target, text.as_bytes())?;
    writeln!(
        out,
        "{}",
        fill(
            tr.import_written,
            &[("n", &set.questions.len()), ("path", &target.display())]
        )
    )?;
    Ok(true)
}

/// The file a verb was asked to write (`-o`, `--csv`), and whether it may
/// replace an existing file (`--force`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Output<'a> {
    pub path: Option<&'a Path>,
    pub force: bool,
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Whether two paths name the same file (through links and `..`).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// An output file the user named: never one of the inputs, and an existing
/// file only with `--force`.
pub fn explicit_output(
    path: &Path,
    inputs: &[&Path],
    force: bool,
    tr: &crate::i18n::Strings,
) -> Result<PathBuf, String> {
    if inputs.iter().any(|input| same_file(input, path)) {
        return Err(fill(tr.output_is_input, &[("path", &path.display())]));
    }
    if (path.exists() || is_link(path)) && !force {
        return Err(fill(tr.output_exists, &[("path", &path.display())]));
    }
    Ok(path.to_path_buf())
}

/// Where a verb writes: the file the user named (see [`explicit_output`]),
/// or `default` under a name that is still free.
pub fn output_path(
    output: Output<'_>,
    default: PathBuf,
    inputs: &[&Path],
    tr: &crate::i18n::Strings,
) -> Result<PathBuf, String> {
    match output.path {
        Some(path) => explicit_output(path, inputs, output.force, tr),
        None => Ok(crate::storage::fresh_name(&default)),
    }
}

/// `nghiquyet export SET.ron --format gift|csv|html [-o OUT]`.
pub fn export(
    set_file: &Path,
    format: crate::formats::ExportFormat,
    output: Output<'_>,
    language: Language,
    out: &mut impl Write,
) -> std::io::Result<bool> {
    let tr = language.strings();
    let set = match crate::quiz::load_set_file(set_file) {
        Ok(set) => set,
        Err(problems) => {
            for problem in problems {
                writeln!(out, "{}", format_problem(tr, &problem))?;
            }
            return Ok(false);
        }
    };
    let (text, notes) = crate::formats::export(&set, format, tr);
    for note in &notes {
        writeln!(out, "{}: {}", set_file.display(), note.describe(tr))?;
    }
    let default = set_file.with_extension(format.extension());
    let target = match output_path(output, default, &[set_file], tr) {
        Ok(target) => target,
        Err(message) => {
            writeln!(out, "{message}")?;
            return Ok(false);
        }
    };
    crate::storage::write_atomic(&target, text.as_bytes())?;
    let written = set.questions.len() - notes.len();
    writeln!(
        out,
        "{}",
        fill(
            tr.export_written,
            &[("n", &written), ("path", &target.display())]
        )
    )?;
    Ok(true)
}
