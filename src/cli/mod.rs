//! The command line: argument parsing and the non-interactive subcommands.
//!
//! Every subcommand goes through the same domain code as the TUI (`care`, `recovery`,
//! `journal`); nothing here decides what is true about the patient's recovery. Each one
//! takes "now" from a [`Clock`] and returns its output as text, so it is tested without a
//! terminal and without the real time; [`run`] only writes that text out. CLI output is
//! never coloured: it is read by scripts and prompts as often as by people.

mod args;
mod entries;
mod error;
pub mod export;
mod paths;
mod plan;
mod plan_change;
mod plan_editor;
mod plan_text;
pub mod remind;
pub mod status;
mod treatment;
mod undo;

use std::io::Write;

pub use args::{
    Cli, Command, ExportArgs, ExportFormat, NoteArgs, PlanAddArgs, PlanAddRestrictionArgs,
    PlanArgs, PlanCommand, RemindArgs, StatusArgs, SymptomsArgs, TickArgs, TreatmentAddArgs,
    TreatmentCommand,
};
pub use error::CliError;

use crate::domain::plan::{CarePlan, PlanSource};
use crate::domain::time::Clock;
use crate::journal::paths::Paths;
use crate::journal::{Journal, Layout};

/// Runs one subcommand and writes what it prints to `out`.
pub fn run(
    command: Command,
    paths: &Paths,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let text = match command {
        Command::Status(args) => status::run(&args, paths, clock)?,
        Command::Tick(args) => entries::tick(&args, paths, clock)?,
        Command::Note(args) => entries::note(&args, paths, clock)?,
        Command::Symptoms(args) => entries::symptoms(&args, paths, clock)?,
        Command::Treatment(TreatmentCommand::Add(args)) => treatment::add(&args, paths, clock)?,
        Command::Treatment(TreatmentCommand::List) => treatment::list(paths)?,
        Command::Export(args) => export::run(&args, paths, clock)?,
        Command::Plan(args) => plan::run(&args, paths)?,
        Command::Paths => paths::run(paths),
        Command::Undo => undo::run(paths, clock)?,
        Command::Remind(args) => {
            let places =
                crate::journal::paths::ReminderPaths::resolve().map_err(CliError::Failure)?;
            let output = remind::run(&args, paths, &places, clock, &mut crate::notify::Desktop)?;
            if let Some(warning) = output.warning {
                eprintln!("aftercare: {warning}");
            }
            output.stdout
        }
    };
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .or_else(|err| match err.kind() {
            // `aftercare export | head` closing the pipe early is not a failure.
            std::io::ErrorKind::BrokenPipe => Ok(()),
            _ => Err(CliError::Failure(format!("cannot write the output: {err}"))),
        })
}

/// Whether a command only reads the journal or changes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    Read,
    /// Takes the journal's lock (waiting briefly for another aftercare to finish).
    Write,
}

/// The plan in force and the journal (treatments read), as every journal command needs
/// them. Fails before anything is written.
fn open(paths: &Paths, access: Access) -> Result<(CarePlan, PlanSource, Journal), CliError> {
    let (plan, source) = crate::journal::plan_file::load(&paths.plan_override)?;
    Ok((plan, source, open_journal(paths, access)?))
}

/// The journal alone, for the commands that do not need the plan (a broken plan file must
/// not stop the patient from writing a note).
fn open_journal(paths: &Paths, access: Access) -> Result<Journal, CliError> {
    let layout = Layout::new(&paths.journal_dir);
    Ok(match access {
        Access::Read => Journal::open(layout)?,
        Access::Write => {
            let mut journal = Journal::open_writable(layout, crate::journal::COMMAND_LOCK_WAIT)?;
            // What a sync conflict copy brought in: said once, beside the command's output.
            while let Some(notice) = journal.take_notice() {
                eprintln!("aftercare: {notice}");
            }
            journal
        }
    })
}

/// The day a `--date` names, or today in `clock`'s zone.
fn date_or_today(date: Option<jiff::civil::Date>, now: &jiff::ZonedDateTime) -> jiff::civil::Date {
    date.unwrap_or_else(|| now.date())
}

/// Lines of `id  label  detail`, indented, with the first two columns padded to line up
/// (widths in characters): the shape of every list the command line prints.
fn aligned_rows(rows: impl IntoIterator<Item = [String; 3]>) -> String {
    let rows: Vec<[String; 3]> = rows.into_iter().collect();
    let width = |column: usize| {
        rows.iter()
            .map(|row| row[column].chars().count())
            .max()
            .unwrap_or(0)
    };
    let (first, second) = (width(0), width(1));
    rows.iter()
        .map(|[a, b, c]| format!("  {a:first$}  {b:second$}  {c}\n"))
        .collect()
}
