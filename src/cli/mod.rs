//! The command line: argument parsing and the non-interactive subcommands.
//!
//! Every subcommand goes through the same domain code as the TUI (`care`, `recovery`,
//! `journal`); nothing here decides what is true about the patient's recovery. Each one
//! takes "now" from a [`Clock`] and returns its output as text, so it is tested without a
//! terminal and without the real time; [`run`] only writes that text out. CLI output is
//! never coloured: it is read by scripts and prompts as often as by people.

mod alerts;
mod args;
mod command;
mod entries;
mod error;
pub mod export;
mod item_name;
mod paths;
mod photo;
pub(crate) mod plan;
pub mod remind;
mod settings;
mod shell;
pub mod status;
mod treatment;
mod undo;

use std::io::Write;

pub use args::{
    AlertsArgs, AlertsCommand, Cli, Command, CompletionShell, CompletionsArgs, ExportArgs,
    ExportFormat, NoteArgs, PathsArgs, PhotoAddArgs, PhotoCommand, PhotoListArgs, PhotoNoteArgs,
    PhotoRemoveArgs, PlanAddArgs, PlanAddRestrictionArgs, PlanArgs, PlanCommand, RemindArgs,
    ResolveArgs, SettingsArgs, SettingsCommand, StatusArgs, SymptomsArgs, TickArgs,
    TreatmentAddArgs, TreatmentCommand, TreatmentDeleteArgs, TreatmentEditArgs, TreatmentListArgs,
    UndoArgs,
};
pub use command::{command, parse};
pub use error::CliError;
pub(crate) use undo::remember as remember_undo;

use crate::domain::plan::{CarePlan, PlanSource};
use crate::domain::time::Clock;
use crate::journal::paths::Paths;
use crate::journal::{Journal, Layout};

/// Runs one subcommand and writes what it prints to `out`.
///
/// What is printed is stripped of control characters (user text such as a note or an area
/// could hold escape sequences that retitle or reprogram the terminal). A command that
/// changed something has already saved it when printing starts: if printing then fails
/// (`> /dev/full`, a closed pipe), it still succeeds — a script that retries on failure
/// would otherwise record the change twice — and says so on stderr.
pub fn run(
    command: Command,
    paths: &Paths,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let changes = changes_files(&command);
    let text = match command {
        Command::Status(args) => status::run(&args, paths, clock)?,
        Command::Tick(args) => entries::tick(&args, paths, clock)?,
        Command::Untick(args) => entries::untick(&args, paths, clock)?,
        Command::Note(args) => entries::note(&args, paths, clock)?,
        Command::Symptoms(args) => entries::symptoms(&args, paths, clock)?,
        Command::Treatment(TreatmentCommand::Add(args)) => treatment::add(&args, paths, clock)?,
        Command::Treatment(TreatmentCommand::List(args)) => treatment::list(&args, paths)?,
        Command::Treatment(TreatmentCommand::Delete(args)) => {
            treatment::delete(&args, paths, clock)?
        }
        Command::Treatment(TreatmentCommand::Edit(args)) => treatment::edit(&args, paths, clock)?,
        Command::Photo(command) => photo::run(&command, paths, clock)?,
        Command::Export(args) => export::run(&args, paths, clock)?,
        Command::Plan(args) => plan::run(&args, paths)?,
        Command::Paths(args) => paths::run(&args, paths),
        Command::Completions(args) => shell::completions(args.shell, paths),
        Command::Man => shell::man()?,
        Command::Undo(args) => undo::undo(&args, paths, clock)?,
        Command::Redo => undo::redo(paths, clock)?,
        Command::Alerts(args) => alerts::run(&args, paths, clock)?,
        Command::Settings(args) => settings::run(&args)?,
        Command::Remind(args) => {
            let places = crate::journal::paths::ReminderPaths::resolve()?;
            let output = remind::run(&args, paths, &places, clock, &mut crate::notify::Desktop)?;
            if let Some(warning) = output.warning {
                eprintln!("aftercare: {warning}");
            }
            output.stdout
        }
    };
    let text = crate::domain::text::printable_with(&text, true);
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // `aftercare export | head` closing the pipe early is not a failure.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) if changes => {
            // Nothing else can be done: stderr is the one place left to say it.
            let _ = writeln!(
                std::io::stderr(),
                "aftercare: saved, but the output could not be written ({err})"
            );
            Ok(())
        }
        Err(err) => Err(CliError::Failure(format!("cannot write the output: {err}"))),
    }
}

/// Whether a command writes a file before it prints (so its success is already decided).
fn changes_files(command: &Command) -> bool {
    match command {
        Command::Tick(_)
        | Command::Untick(_)
        | Command::Note(_)
        | Command::Symptoms(_)
        | Command::Treatment(
            TreatmentCommand::Add(_) | TreatmentCommand::Edit(_) | TreatmentCommand::Delete(_),
        ) => true,
        Command::Photo(command) => !matches!(command, PhotoCommand::List(_)),
        Command::Export(args) => args.output.is_some(),
        // Every plan subcommand but `diff` (and showing the plan) writes the plan file.
        Command::Plan(args) => {
            args.init
                || args
                    .command
                    .as_ref()
                    .is_some_and(|c| !matches!(c, PlanCommand::Diff))
        }
        Command::Undo(_) | Command::Redo => true,
        Command::Settings(args) => args.command.is_some(),
        Command::Alerts(args) => args.command.is_some(),
        // Delivering records what was told (so it is not told twice); --install, --set
        // write files. Only a dry run or the settings listing changes nothing.
        Command::Remind(args) => !args.dry_run && !args.settings,
        Command::Status(_)
        | Command::Treatment(TreatmentCommand::List(_))
        | Command::Paths(_)
        | Command::Completions(_)
        | Command::Man => false,
    }
}

/// Whether a command only reads the journal or changes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    Read,
    /// Takes the journal's lock (waiting briefly for another aftercare to finish).
    Write,
}

/// The plan in force and the journal (treatments read), as every journal command needs
/// them. Fails before anything is written.
pub(crate) fn open(
    paths: &Paths,
    access: Access,
) -> Result<(CarePlan, PlanSource, Journal), CliError> {
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
            if let Some(warning) = crate::journal::folder::privacy_warning(&paths.journal_dir) {
                eprintln!("aftercare: {warning}");
            }
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
