//! The command line's shape, parsed by clap.
//!
//! Everything that can be checked without the journal (formats, score ranges) is checked
//! here, so a malformed argument is refused with clap's usage hint and exit code 2 before
//! any file is read.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

/// A calm companion for the days and weeks after a microneedling session.
///
/// Run without a command to open the app. Dates are YYYY-MM-DD in your local time zone.
#[derive(Debug, Parser)]
#[command(name = "aftercare", version, about)]
pub struct Cli {
    /// Keep the journal in DIR instead of the default data directory
    /// (also: AFTERCARE_JOURNAL).
    #[arg(long, global = true, value_name = "DIR")]
    pub journal: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The non-interactive commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show today: the day after treatment, the checklist and the restrictions.
    #[command(
        after_help = "Examples:\n  aftercare status\n  aftercare status --short\n  aftercare status --json | jq .day"
    )]
    Status(StatusArgs),
    /// Tick a care item (by its id in the plan, e.g. `water`) for today or a past day.
    #[command(
        after_help = "Examples:\n  aftercare tick sunscreen\n  aftercare tick water --count 3\n  aftercare tick ice --date 2027-03-14"
    )]
    Tick(TickArgs),
    /// Write the note of a day (replaces that day's note).
    #[command(
        after_help = "Example:\n  aftercare note \"Skin feels tight, less red than yesterday\""
    )]
    Note(NoteArgs),
    /// Score the day's symptoms, from 0 (none) to 4 (severe).
    #[command(
        after_help = "Example:\n  aftercare symptoms --redness 2 --swelling 1 --pain 0 --dryness 3"
    )]
    Symptoms(SymptomsArgs),
    /// Record a treatment session, or list them.
    #[command(subcommand)]
    Treatment(TreatmentCommand),
    /// Export the history for your dermatologist (HTML, Markdown), a spreadsheet (CSV) or
    /// your calendar (iCalendar).
    #[command(
        after_help = "Examples:\n  aftercare export --format html --output report.html --name \"Alex Martin\"\n  aftercare export > report.md\n  aftercare export --format csv --bom --output history.csv --since 2027-03-01\n  aftercare export --format ics --reminders --output aftercare.ics"
    )]
    Export(ExportArgs),
    /// Show the care plan in force and where it comes from.
    Plan(PlanArgs),
    /// Print where the journal and the plan override live.
    Paths,
    /// Tell what is due now (run every few minutes by the scheduler; see --install).
    #[command(
        after_help = "Examples:\n  aftercare remind --install\n  aftercare remind --dry-run\n  aftercare remind --set evening=19:30\n  aftercare remind --settings\n\nSettings (--set KEY=VALUE): evening=HH:MM|off, quiet=HH:MM-HH:MM|off,\nrestrictions, timers, sessions, alerts = on|off."
    )]
    Remind(RemindArgs),
}

/// `aftercare remind`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("task").args(["install", "uninstall", "set", "settings"])))]
#[command(group(clap::ArgGroup::new("scheduled").args(["install", "uninstall"])))]
pub struct RemindArgs {
    /// Print the reminders as JSON for scripts.
    #[arg(long, conflicts_with = "task")]
    pub json: bool,
    /// Show what would be delivered now, without notifying or recording anything.
    #[arg(long, conflicts_with = "task")]
    pub dry_run: bool,
    /// Run `aftercare remind` every 5 minutes (systemd user timer, launchd agent, or a
    /// crontab line to add).
    #[arg(long)]
    pub install: bool,
    /// Remove what --install wrote.
    #[arg(long)]
    pub uninstall: bool,
    /// With --install/--uninstall: which scheduler (default: the one this system uses).
    #[arg(long, value_enum, requires = "scheduled")]
    pub scheduler: Option<super::remind::install::Scheduler>,
    /// Change a reminder setting, e.g. evening=19:30 or quiet=off (repeatable).
    #[arg(long, value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Show the reminder settings.
    #[arg(long)]
    pub settings: bool,
}

/// `aftercare status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Print JSON for scripts (schema in the README).
    #[arg(long, conflicts_with = "short")]
    pub json: bool,
    /// Print one line for a shell prompt.
    #[arg(long)]
    pub short: bool,
}

/// `aftercare tick`.
#[derive(Debug, Args)]
pub struct TickArgs {
    /// The item's id in the care plan (case does not matter); see `aftercare plan`.
    pub item: String,
    /// How many to add, 1 to 100 (for counted items such as glasses of water).
    #[arg(long, short = 'n', default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub count: u32,
    /// Log on a past day instead of today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,
}

/// `aftercare note`.
#[derive(Debug, Args)]
pub struct NoteArgs {
    /// Write on a past day instead of today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,
    /// The note; several words are joined with spaces. An empty note ("") clears it.
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,
}

/// `aftercare symptoms`: all four scores at once, as the app's form asks them.
#[derive(Debug, Args)]
pub struct SymptomsArgs {
    /// Score a past day instead of today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,
    /// Redness, 0 (none) to 4 (severe).
    #[arg(long, value_name = "0-4", value_parser = score)]
    pub redness: u8,
    /// Swelling, 0 (none) to 4 (severe).
    #[arg(long, value_name = "0-4", value_parser = score)]
    pub swelling: u8,
    /// Pain or tenderness, 0 (none) to 4 (severe).
    #[arg(long, value_name = "0-4", value_parser = score)]
    pub pain: u8,
    /// Dryness or flaking, 0 (none) to 4 (severe).
    #[arg(long, value_name = "0-4", value_parser = score)]
    pub dryness: u8,
}

/// `aftercare treatment …`.
#[derive(Debug, Subcommand)]
pub enum TreatmentCommand {
    /// Record a session (now, unless --at says when).
    #[command(
        after_help = "Example:\n  aftercare treatment add --at \"2027-03-14 09:30\" --area face"
    )]
    Add(TreatmentAddArgs),
    /// List every recorded session, oldest first.
    List,
}

/// `aftercare treatment add`.
#[derive(Debug, Args)]
pub struct TreatmentAddArgs {
    /// When it happened, local time; not in the future. Default: now.
    #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
    pub at: Option<String>,
    /// The treated area.
    #[arg(long, default_value = "face")]
    pub area: String,
    /// A note about the session (device, needle depth, serum…).
    #[arg(long, default_value = "")]
    pub note: String,
}

/// `aftercare export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The file format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
    pub format: ExportFormat,
    /// Write to FILE instead of the standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Leave out the days before this date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub since: Option<Date>,
    /// Title the report with this name (HTML, Markdown) instead of "Recovery report".
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Start a CSV file with a UTF-8 byte-order mark, so spreadsheets (Excel) read accents
    /// and emoji right.
    #[arg(long)]
    pub bom: bool,
    /// Add an alarm to each calendar event (with --format ics).
    #[arg(long)]
    pub reminders: bool,
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A readable report per treatment, to print or paste.
    Markdown,
    /// One self-contained HTML page with charts, to open offline, print or send.
    Html,
    /// One row per day and item, for a spreadsheet.
    Csv,
    /// One row per day: care done, symptom scores, note.
    CsvDays,
    /// An iCalendar file: when each restriction ends, and the next-session window.
    Ics,
}

/// `aftercare plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Write the built-in plan to your config directory to edit it (never overwrites).
    #[arg(long)]
    pub init: bool,
}

/// Dates are typed exactly as YYYY-MM-DD, the way they are shown everywhere.
fn parse_date(text: &str) -> Result<Date, String> {
    Date::strptime("%Y-%m-%d", text.trim())
        .map_err(|_| format!("{text:?} is not a date like 2027-03-14"))
}

/// A symptom score, 0 to 4.
fn score(text: &str) -> Result<u8, String> {
    text.parse::<u8>()
        .ok()
        .filter(|n| *n <= crate::journal::Score::MAX)
        .ok_or_else(|| format!("{text:?} is not a score from 0 (none) to 4 (severe)"))
}
