//! The `aftercare` binary: parse arguments, find the files, run.

use std::process::ExitCode;

use clap::Parser;

use aftercare::cli::{Cli, Command};
use aftercare::paths::Paths;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let paths = match Paths::resolve(cli.journal.clone()) {
        Ok(paths) => paths,
        Err(message) => return fail(&message),
    };
    let result = match cli.command {
        None => aftercare::tui::run(&paths),
        Some(Command::Paths) => {
            println!("journal: {}", paths.journal_dir.display());
            println!("plan:    {}", paths.plan_override.display());
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => fail(&message),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("aftercare: {message}");
    ExitCode::FAILURE
}
