//! The `aftercare` binary: parse arguments, find the files, run the app or a subcommand.

use std::process::ExitCode;

use clap::Parser;

use aftercare::cli::{self, Cli, CliError};
use aftercare::journal::paths::Paths;
use aftercare::local_zone::SystemClock;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = Paths::resolve(cli.journal.clone())
        .map_err(CliError::Failure)
        .and_then(|paths| match cli.command {
            None => aftercare::tui::check_terminal()
                .map_err(CliError::Refused)
                .and_then(|()| aftercare::tui::run(&paths).map_err(CliError::Failure)),
            Some(command) => cli::run(command, &paths, &SystemClock::new(), &mut std::io::stdout()),
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => err.report(),
    }
}
