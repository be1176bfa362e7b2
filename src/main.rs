//! The `aftercare` binary: parse arguments, find the files, run the app or a subcommand.

use std::process::ExitCode;

use clap::Parser;

use aftercare::cli::{self, Cli, CliError};
use aftercare::clock::SystemClock;
use aftercare::journal::paths::Paths;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = Paths::resolve(cli.journal.clone())
        .map_err(CliError::from)
        .and_then(|paths| match cli.command {
            // A dumb terminal cannot draw a full screen: the plain-text status instead.
            None if std::env::var("TERM").is_ok_and(|term| term == "dumb") => {
                let mut out = std::io::stdout();
                let note = "This terminal (TERM=dumb) cannot show the full-screen app; here is today's status. Every command is in `aftercare --help`.\n\n";
                let _ = std::io::Write::write_all(&mut out, note.as_bytes());
                let status = cli::Command::Status(cli::StatusArgs {
                    json: false,
                    short: false,
                });
                cli::run(status, &paths, &SystemClock::new(), &mut out)
            }
            None => aftercare::tui::check_terminal()
                .map_err(|err| CliError::Refused(err.to_string()))
                .and_then(|()| {
                    aftercare::tui::run(&paths, cli.ascii)
                        .map_err(|err| CliError::Failure(err.to_string()))
                }),
            Some(command) => cli::run(command, &paths, &SystemClock::new(), &mut std::io::stdout()),
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => err.report(),
    }
}
