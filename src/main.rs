//! `nghiquyet [FILE]` opens the window on FILE (or on the bundled resolution).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use nghiquyet::paths::Paths;
use nghiquyet::startup::Startup;

/// Học tập Nghị quyết — read a Party resolution and be quizzed on it.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// A UTF-8 .txt or .md document to open instead of the bundled resolution.
    file: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let startup = Startup::prepare(Paths::from_env(), cli.file.as_deref());
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
