//! The `aftercare` binary: parse arguments, find the files, run the app or a subcommand.

use std::process::ExitCode;

use aftercare::cli::{self, CliError};
use aftercare::clock::SystemClock;
use aftercare::journal::paths::Paths;

fn main() -> ExitCode {
    let cli = cli::parse();
    let result = Paths::resolve(cli.journal.clone())
        .map_err(CliError::from)
        .and_then(|paths| match cli.command {
            // Asked for, or a dumb terminal that cannot draw a full screen: the
            // line-by-line conversation.
            None if cli.plain || aftercare::plain::wanted_by_environment() => {
                aftercare::plain::run(
                    &paths,
                    &SystemClock::new(),
                    &mut std::io::stdin().lock(),
                    &mut std::io::stdout(),
                )
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
