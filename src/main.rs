//! `nghiquyet [FILE]` opens the window on FILE (or on the bundled resolution);
//! `nghiquyet check …` and the other verbs run without a window.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};
use nghiquyet::cli::Output;
use nghiquyet::i18n::Language;
use nghiquyet::i18n::cli_help::{CliWords, VI, VI_WORDS};
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
    /// Import questions as a set for a document: a Word file (.docx) or a
    /// text file in the usual "Câu 1. … A. … Đáp án: B" form, GIFT (Moodle)
    /// or CSV.
    Import {
        /// The file: .docx, .txt (a question bank or GIFT), .gift or .csv.
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
    /// Export a question set as GIFT (for Moodle), CSV (for Anki), a
    /// printable HTML paper with its answer key, or a paper test in numbered
    /// versions (paper: .docx and .html with answer sheets and keys).
    Export {
        set: PathBuf,
        #[arg(long, value_enum)]
        format: Format,
        /// For --format paper: how many numbered versions (mã đề); default:
        /// the exam file's codes, or 4.
        #[arg(long)]
        versions: Option<usize>,
        /// For --format paper: the unit printed at the top of each version.
        #[arg(long, default_value = "")]
        unit: String,
        /// Where to write (default: beside the set, under a name not yet
        /// taken).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Overwrite the output file if it exists (never the input).
        #[arg(long)]
        force: bool,
    },
    /// Make an exam file from question sets: the questions and the settings
    /// learners cannot change, one file to copy to every PC.
    MakeExam {
        #[arg(required = true, value_name = "SET.ron")]
        sets: Vec<PathBuf>,
        /// The exam's title, as learners see it.
        #[arg(long)]
        title: String,
        /// Questions drawn from each set (one number for all, or one per
        /// set, comma-separated); 0 or none: all.
        #[arg(long, value_delimiter = ',')]
        count: Vec<usize>,
        /// The time limit in minutes (0: none).
        #[arg(long, default_value_t = 15)]
        minutes: u32,
        /// Percent of the points needed to pass.
        #[arg(long = "pass", default_value_t = 50)]
        pass_percent: u32,
        /// Exam codes (mã đề), comma-separated: each has its own order.
        #[arg(long, value_delimiter = ',', default_value = "101,102,103,104")]
        codes: Vec<u32>,
        /// Let learners read and search the document during the exam.
        #[arg(long)]
        allow_reading: bool,
        /// Do not show learners the right answers after handing in.
        #[arg(long)]
        hide_answers: bool,
        /// Ask learners for their name only, not their unit.
        #[arg(long)]
        no_unit: bool,
        /// When it opens, local time: "2026-12-05 08:00".
        #[arg(long)]
        opens: Option<String>,
        /// When it closes, local time.
        #[arg(long)]
        closes: Option<String>,
        /// Where to write (default: de-thi-TITLE.ron here).
        #[arg(short, long, value_name = "EXAM.ron")]
        output: Option<PathBuf>,
        /// Overwrite the output file if it exists (never a set).
        #[arg(long)]
        force: bool,
    },
    /// Put together exam results collected from learners' PCs (files or
    /// folders of them): each learner's score, the hardest questions and the
    /// least discriminating ones.
    Report {
        #[arg(required_unless_present = "paper", value_name = "RESULT_FILE_OR_DIR")]
        paths: Vec<PathBuf>,
        /// Paper answer sheets typed in (one learner a line: "Name; Unit;
        /// 101: 1A 2C 3B", or a spreadsheet saved as CSV); needs --exam.
        #[arg(long, value_name = "SHEETS.txt", requires = "exam")]
        paper: Vec<PathBuf>,
        /// The exam file the results are from: every score is recomputed
        /// against it, and results of another exam or other settings flagged.
        #[arg(long, value_name = "EXAM.ron")]
        exam: Option<PathBuf>,
        /// Also write the whole table as a spreadsheet (CSV, UTF-8).
        #[arg(long, value_name = "FILE.csv")]
        csv: Option<PathBuf>,
        /// Also write it as an Excel workbook: a row per learner with a
        /// column per question, and a sheet of question statistics.
        #[arg(long, value_name = "FILE.xlsx", conflicts_with = "csv")]
        xlsx: Option<PathBuf>,
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
    /// Numbered versions with answer sheets and keys (.docx and .html).
    Paper,
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

/// The command line, with its help in the interface language.
fn command_line(language: Language) -> clap::Command {
    let command = Cli::command();
    match language {
        Language::En => command,
        Language::Vi => in_words(command, "", VI, &VI_WORDS),
    }
}

/// `command` (at `path`: "" or a command's name) with the help of `table`:
/// its about, its arguments', its commands', the headings and the help
/// and version flags.
fn in_words(
    mut command: clap::Command,
    path: &str,
    table: &[(&str, &'static str)],
    words: &'static CliWords,
) -> clap::Command {
    let find = |key: &str| table.iter().find(|(k, _)| *k == key).map(|(_, w)| *w);
    if let Some(about) = find(path) {
        command = command.about(about).long_about(None);
    }
    let args: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in args {
        let key = if path.is_empty() {
            id.clone()
        } else {
            format!("{path}.{id}")
        };
        let help = find(&key);
        command = command.mut_arg(&id, |arg| {
            let heading = if arg.is_positional() {
                words.arguments
            } else {
                words.options
            };
            let arg = arg.help_heading(heading);
            match help {
                Some(help) => arg.help(help).long_help(None),
                None => arg,
            }
        });
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in subcommands {
        command = command.mut_subcommand(&name, |sub| in_words(sub, &name, table, words));
    }
    let command = command
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            words.usage
        ))
        .subcommand_help_heading(words.commands)
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(words.help)
                .help_heading(words.options),
        );
    if path.is_empty() {
        command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(words.version)
                .help_heading(words.options),
        )
    } else {
        command
    }
}

fn main() -> ExitCode {
    nghiquyet::trace::init();
    let paths = Paths::from_env();
    let language = nghiquyet::cli::language(&paths);
    let cli = command_line(language)
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .unwrap_or_else(|e| e.exit());
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
            format: Format::Paper,
            versions,
            unit,
            output,
            force,
        }) => {
            let language = nghiquyet::cli::language(&paths);
            exit_code(nghiquyet::cli::export_paper(
                &set,
                versions,
                &unit,
                Output {
                    path: output.as_deref(),
                    force,
                },
                language,
                &mut std::io::stdout().lock(),
            ))
        }
        Some(Command::Export {
            set,
            format,
            output,
            force,
            ..
        }) => {
            let language = nghiquyet::cli::language(&paths);
            let format = match format {
                Format::Paper => unreachable!("handled above"),
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
        Some(Command::MakeExam {
            sets,
            title,
            count,
            minutes,
            pass_percent,
            codes,
            allow_reading,
            hide_answers,
            no_unit,
            opens,
            closes,
            output,
            force,
        }) => {
            let language = nghiquyet::cli::language(&paths);
            let settings = nghiquyet::cli::ExamSettings {
                title,
                counts: count,
                minutes,
                pass_percent,
                codes,
                allow_reading,
                show_answers: !hide_answers,
                ask_unit: !no_unit,
                opens,
                closes,
            };
            exit_code(nghiquyet::cli::make_exam(
                &sets,
                settings,
                Output {
                    path: output.as_deref(),
                    force,
                },
                language,
                &mut std::io::stdout().lock(),
            ))
        }
        Some(Command::Report {
            paths: targets,
            paper,
            exam,
            csv,
            xlsx,
            force,
        }) => {
            let csv = csv.or(xlsx.map(|x| x.with_extension("xlsx")));
            let language = nghiquyet::cli::language(&paths);
            let mut out = std::io::stdout().lock();
            exit_code(nghiquyet::cli::report(
                &targets,
                &paper,
                exam.as_deref(),
                &paths,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_and_argument_has_vietnamese_help() {
        let command = Cli::command();
        let mut missing = Vec::new();
        let mut check = |path: String, command: &clap::Command| {
            if !VI.iter().any(|(k, _)| *k == path) {
                missing.push(path.clone());
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                let key = if path.is_empty() {
                    id.to_string()
                } else {
                    format!("{path}.{id}")
                };
                if !VI.iter().any(|(k, _)| *k == key) {
                    missing.push(key);
                }
            }
        };
        check(String::new(), &command);
        for sub in command.get_subcommands() {
            check(sub.get_name().to_string(), sub);
        }
        assert!(missing.is_empty(), "no Vietnamese help for {missing:?}");
    }

    #[test]
    fn the_help_is_in_the_interface_language() {
        let vi = command_line(Language::Vi).render_help().to_string();
        assert!(vi.contains("Cách dùng:") && vi.contains("Lệnh:"), "{vi}");
        assert!(vi.contains("In hướng dẫn này"), "{vi}");
        assert!(!vi.contains("Usage:") && !vi.contains("Print help"), "{vi}");
        let mut generate = command_line(Language::Vi);
        let sub = generate
            .find_subcommand_mut("generate")
            .unwrap()
            .render_help()
            .to_string();
        assert!(sub.contains("Ghi bộ câu hỏi vào tệp .ron này"), "{sub}");
        let en = command_line(Language::En).render_help().to_string();
        assert!(
            en.contains("Usage:") && en.contains("Check question-set files"),
            "{en}"
        );
        // The Vietnamese command line still reads what the English one does.
        let parsed = command_line(Language::Vi)
            .try_get_matches_from(["nghiquyet", "generate", "a.md", "--seed", "7"])
            .and_then(|m| Cli::from_arg_matches(&m))
            .unwrap();
        assert!(matches!(
            parsed.command,
            Some(Command::Generate { seed: 7, .. })
        ));
    }
}
