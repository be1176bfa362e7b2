//! The changes a patient makes to their journal, with the rules that keep it truthful:
//! only items of the plan, never a day in the future. The TUI and the command line both
//! change the journal only through these functions.

use std::fmt;

use jiff::ZonedDateTime;
use jiff::civil::Date;

use crate::domain::plan::{CarePlan, ItemKind};
use crate::domain::time::Stamp;
use crate::error::FileError;
use crate::journal::{Journal, Month, Symptoms, Treatment};

/// What a patient can get wrong, or what can fail on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CareError {
    UnknownItem { id: String, valid: Vec<String> },
    FutureDate { date: Date, today: Date },
    File(FileError),
}

impl fmt::Display for CareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CareError::UnknownItem { id, valid } => write!(
                f,
                "no item {id:?} in the care plan; valid items: {}",
                valid.join(", ")
            ),
            CareError::FutureDate { date, today } => write!(
                f,
                "{date} is in the future (today is {today}); only today and past days can be logged"
            ),
            CareError::File(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for CareError {}

impl From<FileError> for CareError {
    fn from(err: FileError) -> Self {
        CareError::File(err)
    }
}

/// How a tick changes an item's count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickChange {
    /// Space/Enter: a once-a-day item flips between done and not; a counted one adds one.
    Press,
    Add(u32),
    Remove(u32),
}

/// Refuses a date after today (in `now`'s zone): the future cannot be logged.
pub fn check_not_future(date: Date, now: &ZonedDateTime) -> Result<(), CareError> {
    let today = now.date();
    if date > today {
        return Err(CareError::FutureDate { date, today });
    }
    Ok(())
}

/// Ticks (or unticks) an item on a day and saves. Returns the new count.
pub fn tick(
    journal: &mut Journal,
    plan: &CarePlan,
    item_id: &str,
    date: Date,
    change: TickChange,
    now: &ZonedDateTime,
) -> Result<u32, CareError> {
    let item = plan.item(item_id).ok_or_else(|| CareError::UnknownItem {
        id: item_id.to_string(),
        valid: plan.items.iter().map(|i| i.id.clone()).collect(),
    })?;
    check_not_future(date, now)?;
    let once_a_day = matches!(item.kind, ItemKind::Check | ItemKind::Avoid);
    // A change that changes nothing (`-` at zero, `+` on a once-a-day item already done)
    // is not saved: each save is an fsync'd rewrite of the month file (0.5 ms on a quiet
    // disk, 10 ms on a busy one), too much to spend on a key that did nothing.
    journal.load_month(Month::of(date))?;
    let before = journal.day(date).map_or(0, |entry| entry.count(&item.id));
    let unchanged = match change {
        TickChange::Press => false,
        TickChange::Add(n) => n == 0 || (once_a_day && before >= 1),
        TickChange::Remove(n) => n == 0 || before == 0,
    };
    if unchanged {
        return Ok(before);
    }
    let stamp = Stamp::of(now);
    let mut count = 0;
    journal.edit_day(date, |entry| {
        let ticks = entry.ticks.entry(item.id.clone()).or_default();
        match change {
            TickChange::Press if once_a_day && !ticks.is_empty() => ticks.clear(),
            TickChange::Press => ticks.push(stamp),
            TickChange::Add(n) => {
                let n = if once_a_day {
                    1usize.saturating_sub(ticks.len())
                } else {
                    n as usize
                };
                ticks.extend(std::iter::repeat_n(stamp, n));
            }
            TickChange::Remove(n) => ticks.truncate(ticks.len().saturating_sub(n as usize)),
        }
        count = u32::try_from(ticks.len()).unwrap_or(u32::MAX);
        if ticks.is_empty() {
            entry.ticks.remove(&item.id);
        }
    })?;
    Ok(count)
}

/// Replaces a day's free note.
pub fn set_note(
    journal: &mut Journal,
    date: Date,
    note: &str,
    now: &ZonedDateTime,
) -> Result<(), CareError> {
    check_not_future(date, now)?;
    journal.edit_day(date, |entry| entry.note = note.trim_end().to_string())?;
    Ok(())
}

/// Replaces a day's symptom scores.
pub fn set_symptoms(
    journal: &mut Journal,
    date: Date,
    symptoms: Option<Symptoms>,
    now: &ZonedDateTime,
) -> Result<(), CareError> {
    check_not_future(date, now)?;
    journal.edit_day(date, |entry| entry.symptoms = symptoms)?;
    Ok(())
}

/// Records a treatment session.
pub fn record_treatment(journal: &mut Journal, treatment: Treatment) -> Result<(), CareError> {
    journal.add_treatment(treatment)?;
    Ok(())
}

/// Corrects a treatment recorded with the wrong date, time or area. Returns its new index
/// (treatments stay in time order), or `None` if there is no treatment at `index`.
pub fn replace_treatment(
    journal: &mut Journal,
    index: usize,
    treatment: Treatment,
) -> Result<Option<usize>, CareError> {
    Ok(journal.replace_treatment(index, treatment)?)
}

/// Deletes a treatment recorded by mistake; the days logged stay in the journal.
pub fn remove_treatment(
    journal: &mut Journal,
    index: usize,
) -> Result<Option<Treatment>, CareError> {
    Ok(journal.remove_treatment(index)?)
}
