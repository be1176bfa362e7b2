//! `aftercare export`: the whole history, day by day, for the dermatologist (Markdown) or a
//! spreadsheet (CSV).
//!
//! Both formats are drawn from the same [`History`], whose days are computed with the same
//! `recovery` functions as the app's screens.

pub mod csv;
mod markdown;

use std::collections::BTreeSet;

use jiff::ZonedDateTime;
use jiff::civil::Date;

use crate::domain::plan::{CarePlan, PlanSource};
use crate::domain::recovery;
use crate::domain::time::Clock;
use crate::error::FileError;
use crate::journal::paths::Paths;
use crate::journal::{Journal, Month, Symptoms, Treatment};

use super::{CliError, ExportArgs, ExportFormat};

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
}

/// One item on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRow {
    pub id: String,
    pub label: String,
    pub count: u32,
    /// The daily target; `None` for an item ticked on a day the plan did not ask for it.
    pub target: Option<u32>,
}

impl ItemRow {
    /// Whether the day's target was met (`None` when there was no target).
    pub fn complete(&self) -> Option<bool> {
        self.target.map(|target| self.count >= target)
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
        let days = dates
            .into_iter()
            .map(|date| day_row(plan, journal, date))
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
        })
    }

    /// The report for people: a section per treatment.
    pub fn to_markdown(&self) -> String {
        markdown::render(self)
    }

    /// One row per day and item, with a header (see [`csv::HEADER`]).
    pub fn to_csv(&self) -> String {
        csv::render(self)
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

/// Writes the CSV export month by month: each month is read, its rows written, and the
/// month forgotten, so memory stays flat however many years the journal holds. The same
/// days and rows as [`History::collect`] + [`History::to_csv`]. Returns the number of days.
pub fn stream_csv(
    plan: &CarePlan,
    journal: &mut Journal,
    since: Option<Date>,
    now: &ZonedDateTime,
    out: &mut dyn std::io::Write,
) -> Result<usize, StreamError> {
    let planned = planned_days(plan, journal.treatments(), now.date());
    let mut months: BTreeSet<Month> = journal
        .stored_months(since.map(Month::of))?
        .into_iter()
        .collect();
    months.extend(planned.iter().map(|date| Month::of(*date)));
    months.retain(|month| since.is_none_or(|since| *month >= Month::of(since)));
    let mut writer = csv::Writer::new(out);
    writer.header()?;
    let mut days = 0;
    for month in months {
        let mut dates: BTreeSet<Date> = journal.load_month(month)?.days.keys().copied().collect();
        dates.extend(planned.iter().filter(|d| month.contains(**d)));
        dates.retain(|date| since.is_none_or(|since| *date >= since));
        for date in dates {
            writer.day(journal.treatments(), &day_row(plan, journal, date))?;
            days += 1;
        }
        journal.forget_months(|_| false);
    }
    writer.finish()?;
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
    let checklist = day.map_or_else(Vec::new, |day| recovery::checklist(plan, day, entry));
    let mut items: Vec<ItemRow> = checklist
        .iter()
        .map(|progress| ItemRow {
            id: progress.item.id.clone(),
            label: progress.item.label.clone(),
            count: progress.count,
            target: Some(progress.target()),
        })
        .collect();
    for (id, ticks) in entry.map(|e| &e.ticks).into_iter().flatten() {
        if !ticks.is_empty() && !items.iter().any(|item| item.id == *id) {
            items.push(ItemRow {
                id: id.clone(),
                label: plan
                    .item(id)
                    .map_or_else(|| id.clone(), |item| item.label.clone()),
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
        note: entry.map(|e| e.note.clone()).unwrap_or_default(),
    }
}

/// `aftercare export [--format markdown|csv] [--output FILE] [--since DATE]`. The whole
/// export is made in memory first, so a failure leaves no half-written file.
pub(super) fn run(args: &ExportArgs, paths: &Paths, clock: &dyn Clock) -> Result<String, CliError> {
    let (plan, source, mut journal) = super::open(paths, super::Access::Read)?;
    if args.format == ExportFormat::Csv {
        return run_csv(args, &plan, &mut journal, &clock.now());
    }
    let history = History::collect(&plan, source, &mut journal, args.since, &clock.now())?;
    let text = match args.format {
        ExportFormat::Markdown => history.to_markdown(),
        ExportFormat::Csv => history.to_csv(),
    };
    let Some(output) = &args.output else {
        return Ok(text);
    };
    // Atomic, so a full disk or a crash never leaves half a report where an old one was.
    let write = || -> std::io::Result<()> {
        let mut file = atomic_write_file::AtomicWriteFile::open(output)?;
        std::io::Write::write_all(&mut file, text.as_bytes())?;
        file.commit()
    };
    write().map_err(|err| FileError::io(output, &err))?;
    Ok(format!(
        "Wrote {} day(s) to {}\n",
        history.days.len(),
        output.display()
    ))
}

/// `export --format csv`, streamed: to stdout as it goes, or to `--output` through an
/// atomic file committed at the end, so a failure still leaves no half-written file.
fn run_csv(
    args: &ExportArgs,
    plan: &CarePlan,
    journal: &mut Journal,
    now: &ZonedDateTime,
) -> Result<String, CliError> {
    let output_error = |path: Option<&std::path::Path>, err: std::io::Error| match path {
        Some(path) => CliError::from(FileError::io(path, &err)),
        None => CliError::Failure(format!("cannot write the output: {err}")),
    };
    let failed = |path: Option<&std::path::Path>, err: StreamError| match err {
        StreamError::File(err) => CliError::from(err),
        StreamError::Output(err) => output_error(path, err),
    };
    let Some(output) = &args.output else {
        // The CSV writer buffers: the lock's line buffering never sees single lines.
        let mut out = std::io::stdout().lock();
        return match stream_csv(plan, journal, args.since, now, &mut out) {
            Ok(_) => Ok(String::new()),
            // `aftercare export | head` closing the pipe early is not a failure.
            Err(StreamError::Output(err)) if err.kind() == std::io::ErrorKind::BrokenPipe => {
                Ok(String::new())
            }
            Err(err) => Err(failed(None, err)),
        };
    };
    let mut file = atomic_write_file::AtomicWriteFile::open(output)
        .map_err(|err| output_error(Some(output), err))?;
    let days = stream_csv(plan, journal, args.since, now, &mut file)
        .map_err(|err| failed(Some(output), err))?;
    file.commit()
        .map_err(|err| output_error(Some(output), err))?;
    Ok(format!("Wrote {days} day(s) to {}\n", output.display()))
}
