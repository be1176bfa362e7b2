//! `aftercare export`: the whole history, day by day, for the dermatologist (HTML with
//! charts, Markdown), a spreadsheet (CSV) or the patient's phone calendar (iCalendar).
//!
//! Every format is drawn from the same [`History`], whose days are computed with the same
//! `recovery` functions as the app's screens, and summarised once in [`summary`]. No export
//! ever names a local file or folder: a report leaves the computer.

mod charts;
pub mod csv;
mod html;
pub mod ics;
mod markdown;
pub mod photos;
pub mod summary;
pub mod svg;

use std::collections::BTreeSet;

use jiff::ZonedDateTime;
use jiff::civil::Date;

use crate::domain::plan::{CarePlan, ItemKind, PlanSource};
use crate::domain::recovery;
use crate::domain::time::Clock;
use crate::journal::error::FileError;
use crate::journal::paths::Paths;
use crate::journal::{DayEntry, Journal, Month, Symptoms, Treatment};

use super::{CliError, ExportArgs, ExportFormat};
use crate::domain::alerts;
use crate::domain::conventions::ClockStyle;

/// Warning signs that need the same call: "Call your local emergency number now" or
/// "Call your clinic or dermatologist today", and the signs' words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignGroup {
    pub call: &'static str,
    pub signs: Vec<String>,
}

/// Everything an export shows.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    /// When the export was made, in the local zone.
    pub generated: ZonedDateTime,
    pub source: PlanSource,
    pub since: Option<Date>,
    /// Every treatment, oldest first (numbered from 1 in the report).
    pub treatments: Vec<Treatment>,
    /// The days shown, oldest first.
    pub days: Vec<DayRow>,
    /// When the plan suggests the next session, counted from the latest treatment.
    pub next_session: Option<(Date, Date)>,
    /// The plan in force (restriction windows for the charts and the calendar).
    pub plan: CarePlan,
    /// The patient's name for the title (`--name`); never taken from the system.
    pub name: Option<String>,
    /// The plan's warning signs grouped by the call they need, the emergency first
    /// (`CarePlan::warning_signs_by_call`).
    pub warning_signs: Vec<SignGroup>,
    /// How times are written (`aftercare settings`: `clock=12h` or `24h`).
    pub clock: ClockStyle,
    /// Urgent alerts raised on given days (a warning sign ticked, a severe score, pain
    /// still marked after day 2: `domain::alerts`); shown in their treatment's section.
    pub alerts: Vec<Alert>,
    /// The photos shown (HTML) or listed (Markdown); none with `--no-photos`.
    pub photos: Vec<photos::ReportPhoto>,
}

/// Something the app told the patient to call the clinic about, on a given day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub date: Date,
    pub text: String,
}

/// One day of the history.
#[derive(Debug, Clone, PartialEq)]
pub struct DayRow {
    pub date: Date,
    /// Index in [`History::treatments`] of the treatment this day follows; `None` before
    /// the first one.
    pub treatment: Option<usize>,
    /// Days after that treatment.
    pub day: Option<u32>,
    /// The plan's items that day, then any other item that was ticked.
    pub items: Vec<ItemRow>,
    /// Share of the day's plan done, 0.0 to 1.0; `None` when no item applied.
    pub adherence: Option<f64>,
    pub symptoms: Option<Symptoms>,
    pub note: String,
    /// The day's photo files in the journal folder (`photos/2027-03/…jpg`), in the order
    /// taken.
    pub photos: Vec<String>,
}

/// One item on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRow {
    pub id: String,
    pub label: String,
    /// The item's kind in the plan; `None` for an item the plan no longer has.
    pub kind: Option<ItemKind>,
    /// Done only when needed (the ice pack, the clinic's product): never a shortfall.
    pub as_needed: bool,
    pub count: u32,
    /// The daily target; `None` for an item ticked on a day the plan did not ask for it.
    pub target: Option<u32>,
}

impl ItemRow {
    /// Whether the day's target was met (`None` when there was no target).
    pub fn complete(&self) -> Option<bool> {
        self.target.map(|target| self.count >= target)
    }

    /// How the report counts it: an item without a target that day is extra; an
    /// as-needed item is never counted against the day, whatever its kind.
    pub fn class(&self) -> summary::ItemClass {
        match (self.target, self.as_needed) {
            (None, _) => summary::ItemClass::Extra,
            (Some(_), true) => summary::ItemClass::AsNeeded,
            (Some(_), false) => summary::ItemClass::of(self.kind),
        }
    }
}

impl History {
    /// Reads every month file from `since` on and lays out the days: each logged day, and
    /// each day a treatment's plan applied up to today (so a day with nothing done shows as
    /// such, rather than vanishing).
    pub fn collect(
        plan: &CarePlan,
        source: PlanSource,
        journal: &mut Journal,
        since: Option<Date>,
        now: &ZonedDateTime,
    ) -> Result<History, FileError> {
        let mut dates = BTreeSet::new();
        for month in journal.load_stored_months(since.map(Month::of))? {
            dates.extend(journal.load_month(month)?.days.keys().copied());
        }
        dates.extend(planned_days(plan, journal.treatments(), now.date()));
        dates.retain(|date| since.is_none_or(|since| *date >= since));
        let journal = &*journal;
        let days: Vec<DayRow> = dates
            .into_iter()
            .map(|date| day_row(plan, journal, date))
            .collect();
        let alerts = days
            .iter()
            .filter_map(|row| alert_of_day(plan, journal, &days, row))
            .collect();
        Ok(History {
            generated: now.clone(),
            source,
            since,
            treatments: journal.treatments().to_vec(),
            days,
            next_session: journal
                .latest_treatment()
                .and_then(|t| crate::domain::recovery::next_session_window(plan, t)),
            plan: plan.clone(),
            name: None,
            warning_signs: plan
                .warning_signs_by_call()
                .into_iter()
                .map(|group| SignGroup {
                    call: group.call,
                    signs: group.signs.iter().map(|s| s.text.clone()).collect(),
                })
                .collect(),
            clock: ClockStyle::H24,
            alerts,
            photos: Vec::new(),
        })
    }

    /// Titles the report with the patient's name (blank: no name).
    pub fn with_name(mut self, name: Option<String>) -> History {
        self.name = name.filter(|n| !n.trim().is_empty());
        self
    }

    /// Writes times in the patient's clock (24 hours unless told).
    pub fn with_clock(mut self, clock: ClockStyle) -> History {
        self.clock = clock;
        self
    }

    /// When the report was made, in the patient's clock: "2027-03-16 8:00 PM".
    pub fn generated_words(&self) -> String {
        self.clock.date_time(self.generated.datetime())
    }

    /// The report with these photos in it.
    pub fn with_photos(mut self, photos: Vec<photos::ReportPhoto>) -> History {
        self.photos = photos;
        self
    }

    /// The photos of a section's days.
    pub fn photos_of(&self, days: &[DayRow]) -> Vec<&photos::ReportPhoto> {
        match (days.first(), days.last()) {
            (Some(first), Some(last)) => photos::between(&self.photos, first.date, last.date),
            _ => Vec::new(),
        }
    }

    /// The report for people: a section per treatment.
    pub fn to_markdown(&self) -> String {
        markdown::render(self)
    }

    /// The report for the dermatologist: one self-contained HTML file with charts.
    pub fn to_html(&self) -> String {
        html::render(self)
    }

    /// One row per day and item, with a header (see [`csv::HEADER`]).
    pub fn to_csv(&self) -> String {
        csv::render(self)
    }

    /// One row per day: care counts, symptom scores, note (see [`csv::DAYS_HEADER`]).
    pub fn to_csv_days(&self) -> String {
        csv::render_days(self)
    }

    /// The restriction ends and the next-session window as an iCalendar file; with
    /// `alarms`, each event also reminds.
    pub fn to_ics(&self, alarms: bool) -> String {
        ics::render(self, alarms)
    }
}

/// The days on which each treatment's plan has items, up to today and before the next
/// treatment. An item with no end day counts from its first day only.
fn planned_days(plan: &CarePlan, treatments: &[Treatment], today: Date) -> Vec<Date> {
    let span = plan
        .items
        .iter()
        .map(|item| item.days.to.unwrap_or(item.days.from))
        .max()
        .unwrap_or(0);
    let mut dates = Vec::new();
    for (index, treatment) in treatments.iter().enumerate() {
        let start = treatment.at.date();
        let mut end = start
            .checked_add(jiff::Span::new().days(i64::from(span)))
            .unwrap_or(start)
            .min(today);
        if let Some(next) = treatments.get(index + 1) {
            end = end.min(next.at.date().yesterday().unwrap_or(start));
        }
        dates.extend(
            start
                .series(jiff::Span::new().days(1))
                .take_while(|d| *d <= end),
        );
    }
    dates
}

/// Writes a CSV export in `shape` month by month: each month
/// is read, its rows written and the month forgotten, so memory stays flat however many
/// years the journal holds. The same bytes as [`History::collect`] then
/// [`History::to_csv`] / [`History::to_csv_days`]. Returns the number of days.
pub fn stream_csv(
    plan: &CarePlan,
    journal: &mut Journal,
    since: Option<Date>,
    now: &ZonedDateTime,
    shape: csv::Shape,
    out: &mut dyn std::io::Write,
) -> Result<usize, StreamError> {
    let planned = planned_days(plan, journal.treatments(), now.date());
    let mut months: BTreeSet<Month> = journal
        .stored_months(since.map(Month::of))?
        .into_iter()
        .collect();
    months.extend(planned.iter().map(|date| Month::of(*date)));
    months.retain(|month| since.is_none_or(|since| *month >= Month::of(since)));
    let mut stream = csv::Stream::start(out, shape)?;
    let mut days = 0;
    for month in months {
        let mut dates: BTreeSet<Date> = journal.load_month(month)?.days.keys().copied().collect();
        dates.extend(planned.iter().filter(|d| month.contains(**d)));
        dates.retain(|date| since.is_none_or(|since| *date >= since));
        for date in dates {
            stream.day(journal.treatments(), &day_row(plan, journal, date))?;
            days += 1;
        }
        journal.forget_months(|_| false);
    }
    stream.finish()?;
    Ok(days)
}

/// Why a streamed export stopped: a journal file, or the output.
#[derive(Debug)]
pub enum StreamError {
    File(FileError),
    Output(std::io::Error),
}

impl From<FileError> for StreamError {
    fn from(err: FileError) -> StreamError {
        StreamError::File(err)
    }
}

impl From<std::io::Error> for StreamError {
    fn from(err: std::io::Error) -> StreamError {
        StreamError::Output(err)
    }
}

fn day_row(plan: &CarePlan, journal: &Journal, date: Date) -> DayRow {
    let entry = journal.day(date);
    let treatment = journal.treatment_for(date);
    let day = treatment.and_then(|t| recovery::day_number(t, date));
    let checklist =
        treatment.map_or_else(Vec::new, |t| recovery::day_checklist(plan, t, date, entry));
    let mut items: Vec<ItemRow> = checklist
        .iter()
        .map(|progress| ItemRow {
            id: progress.item.id.clone(),
            label: progress.item.label.clone(),
            kind: Some(progress.item.kind),
            as_needed: progress.item.as_needed,
            count: progress.count,
            target: Some(progress.target()),
        })
        .collect();
    for (id, ticks) in entry.map(|e| &e.ticks).into_iter().flatten() {
        if !ticks.is_empty() && !items.iter().any(|item| item.id == *id) {
            items.push(ItemRow {
                id: id.clone(),
                label: match plan.former_item(id) {
                    crate::domain::plan::Former::InPlan => plan
                        .item(id)
                        .map_or_else(|| id.clone(), |item| item.label.clone()),
                    crate::domain::plan::Former::NoLonger(label) => {
                        format!("{label} (no longer in your plan)")
                    }
                    crate::domain::plan::Former::Unknown => format!("{id} (in no plan)"),
                },
                kind: plan.item(id).map(|item| item.kind),
                as_needed: false,
                count: entry.map_or(0, |e| e.count(id)),
                target: None,
            });
        }
    }
    DayRow {
        date,
        // The index of `treatment_for`'s answer, by the same binary search.
        treatment: journal
            .treatments()
            .partition_point(|t| t.at.date() <= date)
            .checked_sub(1),
        day,
        items,
        adherence: recovery::adherence(&checklist),
        symptoms: entry.and_then(|e| e.symptoms),
        note: entry.map(DayEntry::note).unwrap_or_default(),
        photos: entry.map_or_else(Vec::new, |e| {
            e.photos.iter().map(|photo| photo.file.clone()).collect()
        }),
    }
}

/// `aftercare export [--format …] [--output FILE] [--since DATE] [--name NAME] [--bom]
/// [--reminders]`. The whole export is made in memory first, so a failure leaves no
/// half-written file.
pub(super) fn run(args: &ExportArgs, paths: &Paths, clock: &dyn Clock) -> Result<String, CliError> {
    let csv = matches!(args.format, ExportFormat::Csv | ExportFormat::CsvDays);
    if args.bom && !csv {
        return Err(CliError::usage(
            &["export"],
            "--bom is for the CSV formats (csv, csv-days)",
        ));
    }
    if args.reminders && args.format != ExportFormat::Ics {
        return Err(CliError::usage(
            &["export"],
            "--reminders is for --format ics",
        ));
    }
    let (plan, source, mut journal) = super::open(paths, super::Access::Read)?;
    if csv {
        return run_csv(args, &plan, &mut journal, &clock.now());
    }
    let history = History::collect(&plan, source, &mut journal, args.since, &clock.now())?
        .with_name(args.name.clone())
        .with_clock(super::remind::settings::clock_here());
    let embed = args.format == ExportFormat::Html && !args.no_photos;
    let all_photos = photos::collect(&journal, args.since, embed);
    let photo_words = match args.format {
        ExportFormat::Html | ExportFormat::Markdown => photos::words(&all_photos, args.no_photos),
        _ => String::new(),
    };
    let history = if args.no_photos {
        history
    } else {
        history.with_photos(all_photos)
    };
    let mut text = match args.format {
        ExportFormat::Markdown => history.to_markdown(),
        ExportFormat::Html => history.to_html(),
        ExportFormat::Csv => history.to_csv(),
        ExportFormat::CsvDays => history.to_csv_days(),
        ExportFormat::Ics => history.to_ics(args.reminders),
    };
    if args.bom {
        // The byte-order mark is how Excel and LibreOffice know a CSV file is UTF-8.
        text.insert(0, '\u{feff}');
    }
    let Some(output) = &args.output else {
        return Ok(text);
    };
    let write = || -> std::io::Result<()> {
        let mut file = open_output(output)?;
        std::io::Write::write_all(&mut file, text.as_bytes())?;
        file.commit_durably(output)
    };
    write().map_err(|err| FileError::io(output, &err))?;
    Ok(format!(
        "Wrote {} day(s) to {}{photo_words}\n",
        history.days.len(),
        output.display()
    ))
}

/// Atomic, so a full disk or a crash never leaves half a report where an old one was.
/// Owner-only whatever the umask (it is health data), and a symlink at `output` is
/// replaced by the report, never followed: its target keeps its content and its mode.
/// Only a regular file (or nothing) is ever replaced: a FIFO, socket or device there
/// (`--output /dev/stdout`, a named pipe a script reads) is refused before anything is
/// written, never renamed over.
fn open_output(output: &std::path::Path) -> std::io::Result<crate::journal::atomic::Prepared> {
    match std::fs::symlink_metadata(output) {
        Ok(meta) if !meta.is_file() && !meta.file_type().is_symlink() => {
            return Err(std::io::Error::other(
                "is not a regular file (a pipe, a device or a folder); an export is written only to a regular file or to stdout (leave out --output); nothing was written",
            ));
        }
        _ => {}
    }
    crate::journal::atomic::Prepared::beside(output)
}

/// `--format csv` and `csv-days`, streamed month by month: to stdout as it goes, or into
/// `--output`'s atomic file, committed only at the end (a failure leaves no half file).
fn run_csv(
    args: &ExportArgs,
    plan: &CarePlan,
    journal: &mut Journal,
    now: &ZonedDateTime,
) -> Result<String, CliError> {
    let shape = match args.format {
        ExportFormat::CsvDays => csv::Shape::Days {
            photos: !args.no_photos,
        },
        _ => csv::Shape::Items,
    };
    let output_error = |path: Option<&std::path::Path>, err: std::io::Error| match path {
        Some(path) => CliError::from(FileError::io(path, &err)),
        None => CliError::Failure(format!("cannot write the output: {err}")),
    };
    let failed = |path: Option<&std::path::Path>, err: StreamError| match err {
        StreamError::File(err) => CliError::from(err),
        StreamError::Output(err) => output_error(path, err),
    };
    let mut stream = |out: &mut dyn std::io::Write| -> Result<usize, StreamError> {
        if args.bom {
            // The byte-order mark is how Excel and LibreOffice know a CSV file is UTF-8.
            out.write_all("\u{feff}".as_bytes())?;
        }
        stream_csv(plan, journal, args.since, now, shape, out)
    };
    let Some(output) = &args.output else {
        // The CSV writer buffers: the lock's line buffering never sees single lines.
        return match stream(&mut std::io::stdout().lock()) {
            Ok(_) => Ok(String::new()),
            // `aftercare export | head` closing the pipe early is not a failure.
            Err(StreamError::Output(err)) if err.kind() == std::io::ErrorKind::BrokenPipe => {
                Ok(String::new())
            }
            Err(err) => Err(failed(None, err)),
        };
    };
    let mut file = open_output(output).map_err(|err| output_error(Some(output), err))?;
    let days = stream(&mut file).map_err(|err| failed(Some(output), err))?;
    file.commit_durably(output)
        .map_err(|err| output_error(Some(output), err))?;
    Ok(format!("Wrote {days} day(s) to {}\n", output.display()))
}

/// What a day's log told the patient to do, for the report, and how it was resolved:
/// "told to call the clinic: Fever — called the clinic on 2027-03-16".
fn alert_of_day(
    plan: &CarePlan,
    journal: &impl crate::domain::model::Days,
    days: &[DayRow],
    row: &DayRow,
) -> Option<Alert> {
    let entry = journal.day(row.date)?;
    row.day?;
    let reasons = alerts::urgent_on_day(plan, entry.symptoms, &entry.signs);
    if reasons.is_empty() {
        return None;
    }
    let logged = entry
        .signs_edit
        .max(entry.symptoms_edit)
        .map(|edit| edit.at.instant);
    // The first resolution saved after the log (see `alerts::alerts`: the same rule).
    let resolved = days
        .iter()
        .filter(|later| later.date >= row.date)
        .find_map(|later| {
            let (how, edit) = journal.day(later.date)?.resolution()?;
            (edit.map(|e| e.at.instant) > logged)
                .then(|| format!(" — {} on {}", how.describe(), later.date))
        })
        .unwrap_or_default();
    let emergency = entry
        .signs
        .iter()
        .any(|id| plan.warning_sign(id).is_some_and(|sign| sign.emergency));
    let told = if emergency {
        "told to call the local emergency number"
    } else {
        "told to call the clinic"
    };
    Some(Alert {
        date: row.date,
        text: format!("{told}: {}{resolved}", reasons.join("; ")),
    })
}
