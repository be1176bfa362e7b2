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
/// Run without a command to open the app. Dates are YYYY-MM-DD in your local time zone,
/// or today, yesterday, a weekday name (the most recent one).
#[derive(Debug, Parser)]
#[command(name = "aftercare", version, about)]
pub struct Cli {
    /// Keep the journal in DIR instead of the default data directory
    /// (also: AFTERCARE_JOURNAL).
    #[arg(long, global = true, value_name = "DIR")]
    pub journal: Option<PathBuf>,

    /// Draw the app with ASCII characters only (for a console without a Unicode font).
    #[arg(long)]
    pub ascii: bool,

    /// Talk line by line instead of drawing a screen, for screen readers, braille displays
    /// and scripts (also: AFTERCARE_PLAIN=1, and what TERM=dumb opens). Say `help` in it.
    #[arg(long)]
    pub plain: bool,

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
    /// Take back ticks of a care item (ticked by mistake), for today or a past day.
    #[command(
        after_help = "Examples:\n  aftercare untick sunscreen\n  aftercare untick water --count 2 --date 2027-03-14"
    )]
    Untick(TickArgs),
    /// Write the note of a day (replaces that day's note).
    #[command(
        after_help = "Example:\n  aftercare note \"Skin feels tight, less red than yesterday\""
    )]
    Note(NoteArgs),
    /// Score the day's symptoms, from 0 (none) to 4 (severe).
    #[command(
        after_help = "Give the scores that changed; the others are kept.\n\nExamples:\n  aftercare symptoms --redness 2 --swelling 1 --pain 0 --dryness 3\n  aftercare symptoms --redness 4"
    )]
    Symptoms(SymptomsArgs),
    /// Record a treatment session, or list them.
    #[command(subcommand)]
    Treatment(TreatmentCommand),
    /// Photos of the treated skin: add (stored upright, shrunk, stripped of all metadata),
    /// list, remove, note.
    #[command(subcommand)]
    Photo(PhotoCommand),
    /// Export the history for your dermatologist (HTML, Markdown), a spreadsheet (CSV) or
    /// your calendar (iCalendar).
    #[command(
        after_help = "Examples:\n  aftercare export --format html --output report.html --name \"Alex Martin\"\n  aftercare export > report.md\n  aftercare export --format csv --bom --output history.csv --since 2027-03-01\n  aftercare export --format ics --reminders --output aftercare.ics"
    )]
    Export(ExportArgs),
    /// Show or change your care plan: it follows your dermatologist.
    #[command(after_help = PLAN_EXAMPLES)]
    Plan(PlanArgs),
    /// Print where the journal and the plan override live.
    Paths(PathsArgs),
    /// Print a shell completion script (item ids from the plan in force).
    #[command(
        after_help = "Examples:\n  aftercare completions bash > ~/.local/share/bash-completion/completions/aftercare\n  aftercare completions zsh > ~/.zfunc/_aftercare\n  aftercare completions fish > ~/.config/fish/completions/aftercare.fish"
    )]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. into `man -l -`.
    #[command(after_help = "Example:\n  aftercare man | man -l -")]
    Man,
    /// List the alerts that stand until you resolve them, or resolve them.
    #[command(
        after_help = "An emergency or urgent alert stays (Today, status, reminders, the report)\nuntil you say you called your clinic or it went away. Logging the sign again\nraises it again.\n\nExamples:\n  aftercare alerts\n  aftercare alerts resolve --called\n  aftercare alerts resolve --gone"
    )]
    Alerts(AlertsArgs),
    /// Undo the last change made from the shell (tick, note, symptoms, treatment);
    /// run it again to go further back. Changes made in the app are undone there with u.
    #[command(
        after_help = "Says what it undoes and when that change was made. A change older than today\nis asked about first (y/N), or needs --yes when there is no terminal.\n\nThe shell's changes are remembered per machine in the state directory\n(~/.local/state/aftercare/undo.ron), the last 50. Exit code 1 when there is\nnothing to undo, or when the change was changed since by another writer\n(then it is left as it is); 2 when an older change needs --yes.\n\nExample:\n  aftercare tick water --count 3\n  aftercare undo\n  aftercare redo"
    )]
    Undo(UndoArgs),
    /// Put back the last change `aftercare undo` took back (until a new change is made).
    #[command(after_help = "Example:\n  aftercare undo\n  aftercare redo")]
    Redo,
    /// Show your settings (reminders, the first day of the week, the clock), or change them.
    #[command(after_help = SETTINGS_HELP)]
    Settings(SettingsArgs),
    /// Tell what is due now (run every few minutes by the scheduler; see --install).
    #[command(
        after_help = "Examples:\n  aftercare remind --install\n  aftercare remind --dry-run\n  aftercare remind --set evening=19:30\n  aftercare remind --settings\n\nSettings (--set KEY=VALUE): evening=HH:MM|off, quiet=HH:MM-HH:MM|off,\nrestrictions, timers, sessions, alerts = on|off."
    )]
    Remind(RemindArgs),
}

/// `aftercare undo`.
#[derive(Debug, Args)]
pub struct UndoArgs {
    /// Undo without asking, even a change made before today.
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Never ask on the terminal (the plain mode: its own conversation holds stdin).
    #[arg(skip)]
    pub no_prompt: bool,
}

/// `aftercare photo …`.
#[derive(Debug, Subcommand)]
pub enum PhotoCommand {
    /// Add photos (JPEG, PNG or WebP) to their day: the day they were taken, else today.
    #[command(
        after_help = "Each photo is turned upright, shrunk to 2048 px at most and re-encoded: no GPS,\ncamera or other metadata is kept. The file you give is only read.\n\nExamples:\n  aftercare photo add IMG_0412.JPG --view front\n  aftercare photo add left.jpg right.jpg --date yesterday --note \"crusts on the chin\""
    )]
    Add(PhotoAddArgs),
    /// List the photos, oldest first.
    List(PhotoListArgs),
    /// Remove a photo (its file is kept in backups/ for two weeks; `aftercare undo` brings it back).
    #[command(after_help = "Example:\n  aftercare photo remove 1a2b3c4d")]
    Remove(PhotoRemoveArgs),
    /// Write a photo's note ("" clears it).
    #[command(after_help = "Example:\n  aftercare photo note 1a2b3c4d \"less red than day 1\"")]
    Note(PhotoNoteArgs),
}

/// `aftercare photo add`.
#[derive(Debug, Args)]
pub struct PhotoAddArgs {
    /// The photos to add.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<std::path::PathBuf>,
    /// The day they belong to (default: the day each was taken, else today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,
    /// From which side: front, left, right or other.
    #[arg(long, default_value = "front", value_parser = photo_view)]
    pub view: crate::domain::photo::PhotoView,
    /// A note for each photo added.
    #[arg(long, default_value = "")]
    pub note: String,
}

/// `aftercare photo list`.
#[derive(Debug, Args)]
pub struct PhotoListArgs {
    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

/// `aftercare photo remove`.
#[derive(Debug, Args)]
pub struct PhotoRemoveArgs {
    /// The photo's id as `photo list` shows it (its first characters are enough).
    pub id: String,
}

/// `aftercare photo note`.
#[derive(Debug, Args)]
pub struct PhotoNoteArgs {
    /// The photo's id as `photo list` shows it.
    pub id: String,
    /// The note; several words are joined with spaces.
    #[arg(required = true, value_name = "TEXT", allow_hyphen_values = true)]
    pub text: Vec<String>,
}

fn photo_view(
    text: &str,
) -> Result<crate::domain::photo::PhotoView, crate::domain::photo::NotAView> {
    text.parse()
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

/// What `aftercare settings --help` adds below the options.
const SETTINGS_HELP: &str = "\
Settings (set KEY=VALUE, several at once):
  week-start=monday|sunday|saturday|auto   the first day of a week in the History calendar
  clock=24h|12h|auto                       times as 21:05 or 9:05 PM
  evening=HH:MM|off, quiet=HH:MM-HH:MM|off, restrictions, timers, sessions, alerts=on|off
auto follows the locale (LC_ALL, LC_TIME, LANG): en_US gives sunday and 12h; most
others, and none, monday and 24h. One file with the reminder settings.

Examples:
  aftercare settings
  aftercare settings set week-start=sunday clock=12h";

/// `aftercare settings`.
#[derive(Debug, Args)]
pub struct SettingsArgs {
    #[command(subcommand)]
    pub command: Option<SettingsCommand>,
}

/// `aftercare settings set`.
#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Change settings, e.g. week-start=sunday clock=12h.
    Set {
        #[arg(required = true, value_name = "KEY=VALUE")]
        pairs: Vec<String>,
    },
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

/// `aftercare alerts`.
#[derive(Debug, Args)]
pub struct AlertsArgs {
    /// Print JSON for scripts: the alerts as in `status --json`.
    #[arg(long)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Option<AlertsCommand>,
}

/// `aftercare alerts resolve`.
#[derive(Debug, Subcommand)]
pub enum AlertsCommand {
    /// Resolve the alerts standing now: you called your clinic, or it went away.
    Resolve(ResolveArgs),
}

/// How the alerts were resolved.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct ResolveArgs {
    /// I called my clinic (or the emergency number).
    #[arg(long)]
    pub called: bool,
    /// It went away.
    #[arg(long)]
    pub gone: bool,
}

/// `aftercare tick`.
#[derive(Debug, Args)]
pub struct TickArgs {
    /// The item's id in the care plan (case does not matter); see `aftercare plan`.
    pub item: String,
    /// How many ticks, 1 to 100 (for counted items such as glasses of water).
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
    /// Add the text on a new line after the day's note instead of replacing it.
    #[arg(long)]
    pub append: bool,
    /// The note; several words are joined with spaces. An empty note ("") clears it;
    /// `-` reads it from the standard input.
    #[arg(required = true, value_name = "TEXT", allow_hyphen_values = true)]
    pub text: Vec<String>,
}

/// `aftercare paths`.
#[derive(Debug, Args)]
pub struct PathsArgs {
    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

/// `aftercare completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: CompletionShell,
}

/// The shells `completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompletionShell {
    Bash,
    Zsh,
    Fish,
}

/// `aftercare symptoms`: the scores given (one or more; the others are kept) and any
/// warning signs noticed.
#[derive(Debug, Args)]
pub struct SymptomsArgs {
    /// Score a past day instead of today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,
    /// Redness, 0 (none) to 4 (severe).
    #[arg(long, value_name = "0-4", value_parser = score)]
    pub redness: Option<u8>,
    /// Swelling, 0 (none) to 4 (severe).
    #[arg(long, value_name = "0-4", value_parser = score)]
    pub swelling: Option<u8>,
    /// Pain or tenderness, 0 (none) to 4 (severe).
    #[arg(long, value_name = "0-4", value_parser = score)]
    pub pain: Option<u8>,
    /// Dryness or flaking, 0 (none) to 4 (severe).
    #[arg(long, value_name = "0-4", value_parser = score)]
    pub dryness: Option<u8>,
    /// A warning sign you notice, by id; repeat for several. Its help, which signs mean
    /// which call, is made from the plan's warning signs (`command::command`).
    #[arg(long = "sign", value_name = "ID")]
    pub signs: Vec<String>,
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
    List(TreatmentListArgs),
    /// Delete a session recorded by mistake (the days logged are kept).
    #[command(
        after_help = "WHEN is the session's number in `treatment list`, its date and time\n(\"2027-03-14 09:30\"), or its date when only one session is on it.\n\nExample:\n  aftercare treatment delete \"2027-03-14 09:30\""
    )]
    Delete(TreatmentDeleteArgs),
    /// Correct a session's time, area or note; prints what changed.
    #[command(
        after_help = "WHEN is the session's number in `treatment list`, its date and time, or its date.\n\nExample:\n  aftercare treatment edit 2027-03-14 --at \"2027-03-14 08:30\" --area \"face and neck\""
    )]
    Edit(TreatmentEditArgs),
}

/// `aftercare treatment list`.
#[derive(Debug, Args)]
pub struct TreatmentListArgs {
    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

/// `aftercare treatment delete`.
#[derive(Debug, Args)]
pub struct TreatmentDeleteArgs {
    /// Which session: its number, "YYYY-MM-DD HH:MM", or its date.
    pub when: String,
}

/// `aftercare treatment edit`.
#[derive(Debug, Args)]
pub struct TreatmentEditArgs {
    /// Which session: its number, "YYYY-MM-DD HH:MM", or its date.
    pub when: String,
    /// The corrected date and time, local time; not in the future.
    #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
    pub at: Option<String>,
    /// The corrected area.
    #[arg(long)]
    pub area: Option<String>,
    /// The corrected note ("" clears it).
    #[arg(long)]
    pub note: Option<String>,
    /// The corrected procedure: the plan follows it.
    #[arg(long, value_name = PROCEDURES)]
    pub procedure: Option<crate::domain::model::Procedure>,
}

/// The procedures `--procedure` takes.
const PROCEDURES: &str = "standard|prp|rf|at-home|body";

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
    /// Which procedure it was (RF is Morpheus8 and similar): the plan follows it.
    #[arg(long, value_name = PROCEDURES, default_value = "standard")]
    pub procedure: crate::domain::model::Procedure,
    /// Record it even if a session at that very minute is already recorded.
    #[arg(long)]
    pub force: bool,
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
    /// Leave the photos out (HTML shows them small inside the file; Markdown and csv-days
    /// list their files).
    #[arg(long)]
    pub no_photos: bool,
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

/// Examples shown under `aftercare plan --help`: a clinic sheet in four commands.
const PLAN_EXAMPLES: &str = "Examples (a clinic sheet: makeup after 48 h, no ice, a balm twice a day for a week, no retinol for 5 days):
  aftercare plan set makeup hours=48h
  aftercare plan set ice off
  aftercare plan add \"Clinic balm\" --kind count=2 --days 0-7
  aftercare plan add-restriction \"No retinol\" --hours 5d
  aftercare plan diff          # only your changes
  aftercare plan reset makeup  # back to the built-in value";

/// `aftercare plan [COMMAND]`: without a command, shows the plan in force.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PlanArgs {
    /// Create your plan file (no changes yet, with comments on how to write them) to edit
    /// by hand; never overwrites. `aftercare plan edit` does this and opens it.
    #[arg(long)]
    pub init: bool,
    /// Print the plan in force as JSON for scripts.
    #[arg(long, conflicts_with = "init")]
    pub json: bool,
    /// Show the plan for this procedure (default: that of your latest treatment).
    #[arg(long, value_name = PROCEDURES, conflicts_with = "init")]
    pub procedure: Option<crate::domain::model::Procedure>,
    #[command(subcommand)]
    pub command: Option<PlanCommand>,
}

/// The ways to change the plan from the shell. Every change is checked and saved at once.
#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Show only your changes to the built-in plan.
    Diff,
    /// Change an entry: FIELD=VALUE with fields label, hint, days, target, minutes,
    /// sessions, hours, kind; or `off` / `on`.
    #[command(
        after_help = "Examples:\n  aftercare plan set makeup hours=48     (also 48h, 5d, 2w)\n  aftercare plan set water target=10\n  aftercare plan set ice off\n  aftercare plan set sunscreen days=1-30\n  aftercare plan set next-session days=35-49"
    )]
    Set {
        /// The entry's id, as `aftercare plan` lists it.
        id: String,
        /// What to change: FIELD=VALUE, `off` or `on`.
        #[arg(required = true, value_name = "FIELD=VALUE")]
        changes: Vec<String>,
    },
    /// Add a daily item of your own (from your dermatologist).
    #[command(
        after_help = "Examples:\n  aftercare plan add \"Clinic balm\" --kind count=2 --days 0-7\n  aftercare plan add \"Cold compress\" --kind timer=10x2 --days 0-2\n  aftercare plan add \"No swimming pools\" --kind avoid --days 0-14 --id no-pool"
    )]
    Add(PlanAddArgs),
    /// Add a restriction of your own, counted in hours from the treatment.
    #[command(after_help = "Example:\n  aftercare plan add-restriction \"No retinol\" --hours 5d")]
    AddRestriction(PlanAddRestrictionArgs),
    /// Undo your changes to an entry (your own entries are removed; ticks are kept).
    #[command(
        after_help = "Examples:\n  aftercare plan reset makeup\n  aftercare plan reset clinic-balm\n  aftercare plan reset --all"
    )]
    Reset {
        /// The entry to reset.
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        id: Option<String>,
        /// Reset everything: back to the built-in plan.
        #[arg(long)]
        all: bool,
    },
    /// Open your plan file in $VISUAL or $EDITOR; it is checked when you save and close,
    /// and re-opened with the error on top until it is right (or you leave it unchanged).
    Edit,
}

/// `aftercare plan add`.
#[derive(Debug, Args)]
pub struct PlanAddArgs {
    /// What the item says, e.g. "Clinic balm".
    pub label: String,
    /// check (once a day), count=N (N a day), timer=MIN×N (N sessions of MIN minutes, with
    /// a timer), or avoid (tick when kept to).
    #[arg(long, value_name = "KIND", value_parser = kind)]
    pub kind: crate::domain::plan::ItemKind,
    /// Days after the treatment, day 0 being the treatment day: 0-7, or 3- for no end.
    #[arg(long, value_name = "FROM-TO", default_value = "0-14", value_parser = days)]
    pub days: crate::domain::plan::changes::Days,
    /// The id to tick it by (default: from the label, "Clinic balm" → clinic-balm).
    #[arg(long)]
    pub id: Option<String>,
    /// One line of why or how, shown beside the item.
    #[arg(long, default_value = "")]
    pub hint: String,
}

/// `aftercare plan add-restriction`.
#[derive(Debug, Args)]
pub struct PlanAddRestrictionArgs {
    /// What to stay away from, e.g. "No retinol".
    pub label: String,
    /// How long after the treatment: hours (48, 48h) or days and weeks (5d, 2w).
    #[arg(long, value_name = "DURATION", value_parser = hours)]
    pub hours: crate::domain::plan::changes::Hours,
    /// The id (default: from the label, "No retinol" → no-retinol).
    #[arg(long)]
    pub id: Option<String>,
    /// One line of why, shown beside the countdown.
    #[arg(long, default_value = "")]
    pub hint: String,
}

/// Why a value typed on the command line was refused. clap prints it after the argument's
/// name (`invalid value '…' for '--date <DATE>': …`).
#[derive(Debug, thiserror::Error)]
enum ValueError {
    #[error("{0:?} is not a date like 2027-03-14 (or today, yesterday, monday)")]
    NotADate(String),
    #[error("{0:?} is not a score from 0 (none) to 4 (severe)")]
    NotAScore(String),
    /// Refused by the plan's own parser (an unknown kind, a bad day range or duration), in
    /// its words.
    #[error(transparent)]
    Refused(#[from] crate::domain::plan::ParseError),
    /// A date before 2000, in the domain's words.
    #[error(transparent)]
    Implausible(#[from] crate::domain::text::ImplausibleDate),
}

fn kind(text: &str) -> Result<crate::domain::plan::ItemKind, ValueError> {
    Ok(crate::domain::plan::edit::parse_kind(text)?)
}

fn days(text: &str) -> Result<crate::domain::plan::changes::Days, ValueError> {
    Ok(crate::domain::plan::changes::Days::parse(text)?)
}

fn hours(text: &str) -> Result<crate::domain::plan::changes::Hours, ValueError> {
    Ok(crate::domain::plan::changes::Hours::parse(text)?)
}

/// Dates are typed exactly as YYYY-MM-DD, the way they are shown everywhere.
/// A date before 2000 is refused as a slip of the keyboard (see `check_plausible`).
/// `YYYY-MM-DD`, or `today`, `yesterday`, a weekday name (the most recent one) in the
/// local time zone.
fn parse_date(text: &str) -> Result<Date, ValueError> {
    let today = crate::domain::time::Clock::now(&crate::clock::SystemClock::new()).date();
    let date = Date::strptime("%Y-%m-%d", text.trim())
        .ok()
        .or_else(|| crate::domain::date_words::date_in_words(text, today))
        .ok_or_else(|| ValueError::NotADate(text.to_string()))?;
    crate::domain::text::check_plausible(date)?;
    Ok(date)
}

/// A symptom score, 0 to 4.
fn score(text: &str) -> Result<u8, ValueError> {
    text.parse::<u8>()
        .ok()
        .filter(|n| *n <= crate::journal::Score::MAX)
        .ok_or_else(|| ValueError::NotAScore(text.to_string()))
}
