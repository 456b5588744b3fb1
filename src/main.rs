//! `nghiquyet [FILE]` opens the window on FILE (or on the bundled resolution);
//! `nghiquyet check …` and the other verbs run without a window.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use nghiquyet::paths::Paths;
use nghiquyet::startup::Startup;

/// Học tập Nghị quyết — read a Party resolution and be quizzed on it.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A UTF-8 .txt or .md document to open instead of the bundled resolution.
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let paths = Paths::from_env();
    match cli.command {
        Some(Command::Check { paths: targets }) => {
            let language = nghiquyet::cli::language(&paths);
            match nghiquyet::cli::check(&targets, language, &mut std::io::stdout().lock()) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::FAILURE,
                Err(e) => {
                    eprintln!("nghiquyet: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        None => run_window(paths, cli.file),
    }
}

fn run_window(paths: Paths, file: Option<PathBuf>) -> ExitCode {
    let startup = Startup::prepare(paths, file.as_deref());
    for problem in &startup.problems {
        eprintln!("nghiquyet: {problem}");
    }
    match nghiquyet::ui::run(startup) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("nghiquyet: {e}");
            ExitCode::FAILURE
        }
    }
}
