//! `nghiquyet [FILE]` opens the window on FILE (or on the bundled resolution);
//! `nghiquyet check …` and the other verbs run without a window.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use nghiquyet::cli::Output;
use nghiquyet::i18n::fill;
use nghiquyet::paths::Paths;
use nghiquyet::startup::Startup;

/// Học tập Nghị quyết — read a Party resolution and be quizzed on it.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A document (.docx, .doc, .pdf, saved web page, .txt or .md) to open instead of the
    /// bundled resolution.
    file: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Check question-set files (.ron) or folders of them; prints each problem
    /// as file:line:col: message and fails if any file is invalid.
    Check {
        #[arg(required = true, value_name = "FILE_OR_DIR")]
        paths: Vec<PathBuf>,
    },
    /// Generate questions from a document's key points, as a question set.
    Generate {
        /// The document (.docx, .doc, .pdf, .html, .txt or .md).
        document: PathBuf,
        /// Write the set to this .ron file instead of standard output.
        #[arg(short, long, value_name = "FILE.ron")]
        output: Option<PathBuf>,
        /// The same seed gives the same questions.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Overwrite the output file if it exists (never the document).
        #[arg(long)]
        force: bool,
        /// Print a quality report instead of the set: questions by type, each
        /// question with the defects found in it, and coverage of --gold.
        #[arg(long)]
        report: bool,
        /// A file of the facts a trainer would ask (see tests/gold/), measured by --report.
        #[arg(long, value_name = "GOLD.ron", requires = "report")]
        gold: Option<PathBuf>,
    },
    /// Write a document (.docx, web page, text) as the app reads it, in the
    /// app's Markdown: to standard output, or to OUT.md.
    Convert {
        /// The document (.docx, .doc, .pdf, .html, .txt or .md).
        file: PathBuf,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "OUT.md")]
        output: Option<PathBuf>,
        /// Overwrite OUT.md if it exists.
        #[arg(long)]
        force: bool,
    },
    /// List a document's sentences with their anchors (p7.s2), to write
    /// questions by hand that point at them.
    Anchors {
        /// The document (.docx, .doc, .pdf, .html, .txt or .md).
        document: PathBuf,
    },
    /// List a document's key points with their ids and anchors.
    Keypoints {
        /// The document (.docx, .doc, .pdf, .html, .txt or .md).
        document: PathBuf,
    },
    /// Import a GIFT (Moodle) or CSV file as a question set for a document.
    Import {
        /// The file: .gift (or .txt) in Moodle's GIFT format, or .csv.
        file: PathBuf,
        /// The document the questions are about (default: the bundled one).
        #[arg(long, value_name = "DOC")]
        document: Option<PathBuf>,
        /// Where to write the set (default: the app's own question folder).
        #[arg(short, long, value_name = "FILE.ron")]
        output: Option<PathBuf>,
        /// Overwrite the output file if it exists (never the input).
        #[arg(long)]
        force: bool,
    },
    /// Export a question set as GIFT (for Moodle), CSV (for Anki) or a
    /// printable HTML paper with its answer key.
    Export {
        set: PathBuf,
        #[arg(long, value_enum)]
        format: Format,
        /// Where to write (default: beside the set, under a name not yet
        /// taken).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Overwrite the output file if it exists (never the input).
        #[arg(long)]
        force: bool,
    },
    /// Put together exam results collected from learners' PCs (files or
    /// folders of them): each learner's score, the hardest questions and the
    /// least discriminating ones.
    Report {
        #[arg(required = true, value_name = "RESULT_FILE_OR_DIR")]
        paths: Vec<PathBuf>,
        /// Also write the whole table as a spreadsheet (CSV, UTF-8).
        #[arg(long, value_name = "FILE.csv")]
        csv: Option<PathBuf>,
        /// Overwrite the output file if it exists (never the input).
        #[arg(long)]
        force: bool,
    },
}

/// The formats `export` writes.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Format {
    Gift,
    Csv,
    Html,
}

/// The one way a verb ends: success, "done, but something was wrong"
/// (a file with problems: the verb has said what), or an error said here.
fn exit_code<E: std::fmt::Display>(result: Result<bool, E>) -> ExitCode {
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("nghiquyet: {e}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    nghiquyet::trace::init();
    let cli = Cli::parse();
    let paths = Paths::from_env();
    match cli.command {
        Some(Command::Convert {
            file,
            output,
            force,
        }) => {
            let language = nghiquyet::cli::language(&paths);
            let result = nghiquyet::cli::convert(
                &file,
                output.as_deref(),
                force,
                language,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            );
            exit_code(result)
        }
        Some(Command::Import {
            file,
            document,
            output,
            force,
        }) => {
            let language = nghiquyet::cli::language(&paths);
            let result = nghiquyet::cli::import(
                &file,
                document.as_deref(),
                Output {
                    path: output.as_deref(),
                    force,
                },
                &paths,
                language,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            );
            exit_code(result)
        }
        Some(Command::Export {
            set,
            format,
            output,
            force,
        }) => {
            let language = nghiquyet::cli::language(&paths);
            let format = match format {
                Format::Gift => nghiquyet::formats::ExportFormat::Gift,
                Format::Csv => nghiquyet::formats::ExportFormat::Csv,
                Format::Html => nghiquyet::formats::ExportFormat::Html,
            };
            let result = nghiquyet::cli::export(
                &set,
                format,
                Output {
                    path: output.as_deref(),
                    force,
                },
                language,
                &mut std::io::stdout().lock(),
            );
            exit_code(result)
        }
        Some(Command::Report {
            paths: targets,
            csv,
            force,
        }) => {
            let language = nghiquyet::cli::language(&paths);
            let mut out = std::io::stdout().lock();
            exit_code(nghiquyet::cli::report(
                &targets,
                Output {
                    path: csv.as_deref(),
                    force,
                },
                language,
                &mut out,
            ))
        }
        Some(Command::Check { paths: targets }) => {
            let language = nghiquyet::cli::language(&paths);
            exit_code(nghiquyet::cli::check(
                &targets,
                language,
                &mut std::io::stdout().lock(),
            ))
        }
        Some(Command::Generate {
            document,
            output,
            seed,
            force,
            report,
            gold,
        }) => {
            let language = nghiquyet::cli::language(&paths);
            if report {
                return exit_code(
                    nghiquyet::cli::generate_report(
                        &document,
                        gold.as_deref(),
                        seed,
                        language,
                        &mut std::io::stdout().lock(),
                    )
                    .map(|()| true),
                );
            }
            let result = nghiquyet::cli::generate(
                &document,
                Output {
                    path: output.as_deref(),
                    force,
                },
                seed,
                language,
                &mut std::io::stdout().lock(),
            );
            exit_code(result.map(|count| {
                if let Some(path) = output {
                    let tr = language.strings();
                    let message = fill(
                        tr.generate_written,
                        &[("count", &count), ("path", &path.display())],
                    );
                    eprintln!("nghiquyet: {message}");
                }
                true
            }))
        }
        Some(Command::Anchors { document }) => {
            let language = nghiquyet::cli::language(&paths);
            exit_code(
                nghiquyet::cli::anchors(&document, language, &mut std::io::stdout().lock())
                    .map(|()| true),
            )
        }
        Some(Command::Keypoints { document }) => {
            let language = nghiquyet::cli::language(&paths);
            exit_code(
                nghiquyet::cli::keypoints(&document, language, &mut std::io::stdout().lock())
                    .map(|()| true),
            )
        }
        None => run_window(paths, cli.file),
    }
}

fn run_window(paths: Paths, file: Option<PathBuf>) -> ExitCode {
    let startup = Startup::prepare(paths, file.as_deref());
    for problem in &startup.problems {
        eprintln!("nghiquyet: {problem}");
    }
    exit_code(nghiquyet::ui::run(startup).map(|()| true))
}
