//! `aftercare --plain`: the daily use as a line-by-line conversation, for screen readers,
//! braille displays and scripts.
//!
//! A full-screen app is invisible to a screen reader (the alternate screen, box drawing
//! read aloud, redraws that move the focus). Here every answer is new lines on stdout,
//! most important first, in the CLI's own words: the changes run the CLI's commands (the
//! journal's `care` functions, inside the lock), and what is said about today is read from
//! the same [`Status`](crate::cli::status::Status) as `aftercare status`. Nothing is
//! coloured and nothing is redrawn; the text is stripped of control characters.

mod answers;
mod command;
mod skin;

use std::io::{BufRead, Write};

use crate::cli::{self, CliError};
use crate::domain::time::Clock;
use crate::journal::paths::Paths;

use command::Said;

/// Whether the patient asked for the plain mode without `--plain`: `AFTERCARE_PLAIN=1`,
/// or a terminal that cannot draw a full screen (`TERM=dumb`).
pub fn wanted_by_environment() -> bool {
    std::env::var("AFTERCARE_PLAIN").is_ok_and(|v| !v.is_empty() && v != "0")
        || std::env::var("TERM").is_ok_and(|term| term == "dumb")
}

/// Holds the conversation: says today, then answers each line of `input` until `quit` or
/// the end of the input (a pipe, a script, Ctrl-D).
pub fn run(
    paths: &Paths,
    clock: &dyn Clock,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let mut session = command::Session::default();
    let write = |out: &mut dyn Write, text: &str| -> Result<(), CliError> {
        let text = crate::domain::text::printable_with(text, true);
        match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other.map_err(|err| CliError::Failure(format!("cannot write: {err}"))),
        }
    };
    write(out, answers::GREETING)?;
    let opening = session.answer("today", paths, clock, input, out);
    write(out, &opening)?;
    let mut line = String::new();
    loop {
        line.clear();
        let read = input
            .read_line(&mut line)
            .map_err(|err| CliError::Failure(format!("cannot read the input: {err}")))?;
        if read == 0 {
            write(out, "Goodbye.\n")?;
            return Ok(());
        }
        match session.said(line.trim()) {
            Said::Quit => {
                write(out, "Goodbye.\n")?;
                return Ok(());
            }
            Said::Nothing => {}
            Said::Command(command) => {
                let answer = session.answer(&command, paths, clock, input, out);
                write(out, &answer)?;
            }
        }
    }
}

/// The text of one CLI command, as `aftercare COMMAND` prints it; an error is said in its
/// one line, never ends the conversation.
fn cli_text(command: cli::Command, paths: &Paths, clock: &dyn Clock) -> String {
    let mut text = Vec::new();
    match cli::run(command, paths, clock, &mut text) {
        Ok(()) => String::from_utf8_lossy(&text).into_owned(),
        Err(err) => format!("{err}\n"),
    }
}
