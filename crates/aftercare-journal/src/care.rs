//! The changes a patient makes to their journal, with the rules that keep it truthful:
//! only items of the plan, never a day in the future. The TUI and the command line both
//! change the journal only through these functions.

use std::fmt;

use jiff::ZonedDateTime;
use jiff::civil::Date;

use crate::error::FileError;
use crate::{DayEntry, Edit, Journal, Operation, Scope, Symptoms, Tick, Treatment};
use aftercare_domain::model::Resolution;
use aftercare_domain::plan::{CarePlan, ItemKind};
use aftercare_domain::time::Stamp;

/// What a patient can get wrong, or what can fail on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CareError {
    UnknownItem {
        id: String,
        valid: Vec<String>,
    },
    FutureDate {
        date: Date,
        today: Date,
    },
    /// Text longer than a journal file can hold many of (see [`MAX_NOTE_CHARS`]).
    TooLong {
        what: &'static str,
        chars: usize,
        limit: usize,
    },
    File(FileError),
}

/// The longest note (a day's, or a treatment's) in characters: pages of text, yet 31 of
/// them stay far below what the loader reads in one month file, so a note can never make
/// the journal unreadable.
pub const MAX_NOTE_CHARS: usize = 20_000;

/// The longest treatment area in characters.
pub const MAX_AREA_CHARS: usize = 200;

/// A treatment's area and note within their limits.
fn check_treatment_text(treatment: &Treatment) -> Result<(), CareError> {
    check_length("area", &treatment.area, MAX_AREA_CHARS)?;
    check_length("note", &treatment.note, MAX_NOTE_CHARS)
}

/// Refuses `text` beyond `limit` characters.
fn check_length(what: &'static str, text: &str, limit: usize) -> Result<(), CareError> {
    let chars = text.chars().count();
    if chars > limit {
        return Err(CareError::TooLong { what, chars, limit });
    }
    Ok(())
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
            CareError::TooLong { what, chars, limit } => write!(
                f,
                "the {what} is {chars} characters long; at most {limit} fit, nothing was saved"
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

/// Ticks (or unticks) an item on a day and saves, as one transaction: decided on the
/// day as it is on disk at that moment, so a tick from another aftercare is counted, never
/// overwritten. Returns the new count.
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
    let stamp = Stamp::of(now);
    let id = item.id.clone();
    let mut count = 0;
    journal.transact(&Scope::day(date), |journal| {
        let ticks = journal
            .day(date)
            .map_or(&[][..], |entry| entry.ticks_of(&id));
        let before = ticks.len();
        // A change that changes nothing (`-` at zero, `+` on a once-a-day item already
        // done) is not saved: each save is an fsync'd rewrite of the month file.
        let (add, remove) = match change {
            TickChange::Press if once_a_day && before > 0 => (0, before),
            TickChange::Press => (1, 0),
            TickChange::Add(_) if once_a_day => (usize::from(before == 0), 0),
            TickChange::Add(n) => (n as usize, 0),
            TickChange::Remove(n) => (0, (n as usize).min(before)),
        };
        count = u32::try_from(before + add - remove).unwrap_or(u32::MAX);
        let mut ops: Vec<Operation> = (0..add)
            .map(|_| Operation::Tick {
                date,
                item: id.clone(),
                tick: Tick::new(stamp),
            })
            .collect();
        if remove > 0 {
            ops.push(Operation::Untick {
                date,
                item: id.clone(),
                ticks: ticks[before - remove..].to_vec(),
            });
        }
        Ok::<_, CareError>(match ops.len() {
            0 => None,
            1 => ops.pop(),
            _ => Some(Operation::All(ops)),
        })
    })?;
    Ok(count)
}

/// The operation that sets a day's note, or `None` when it already reads so.
fn note_op(journal: &Journal, date: Date, note: &str, now: &ZonedDateTime) -> Option<Operation> {
    let text = note.trim_end().to_string();
    let entry = journal.day(date);
    if entry.map_or(String::new(), DayEntry::note) == text {
        return None;
    }
    let previous = entry.and_then(|e| e.notes.iter().map(|v| v.edit).max());
    Some(Operation::Note {
        date,
        text,
        edit: Edit::after(Stamp::of(now), previous),
    })
}

/// The operation that sets a day's scores, or `None` when they are already so.
fn scores_op(
    journal: &Journal,
    date: Date,
    symptoms: Option<Symptoms>,
    now: &ZonedDateTime,
) -> Option<Operation> {
    let entry = journal.day(date);
    if entry.and_then(DayEntry::symptoms) == symptoms {
        return None;
    }
    let previous = entry.and_then(|e| e.symptoms_edit);
    Some(Operation::Scores {
        date,
        symptoms,
        edit: Edit::after(Stamp::of(now), previous),
    })
}

/// Replaces a day's free note.
pub fn set_note(
    journal: &mut Journal,
    date: Date,
    note: &str,
    now: &ZonedDateTime,
) -> Result<(), CareError> {
    check_not_future(date, now)?;
    check_length("note", note, MAX_NOTE_CHARS)?;
    journal.transact(&Scope::day(date), |journal| {
        Ok::<_, CareError>(note_op(journal, date, note, now))
    })?;
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
    journal.transact(&Scope::day(date), |journal| {
        Ok::<_, CareError>(scores_op(journal, date, symptoms, now))
    })?;
    Ok(())
}

/// Saves the skin form — scores and note — as one change: both or neither.
pub fn set_skin(
    journal: &mut Journal,
    date: Date,
    symptoms: Option<Symptoms>,
    signs: &[String],
    note: &str,
    now: &ZonedDateTime,
) -> Result<(), CareError> {
    check_length("note", note, MAX_NOTE_CHARS)?;
    check_not_future(date, now)?;
    journal.transact(&Scope::day(date), |journal| {
        let ops: Vec<Operation> = [
            scores_op(journal, date, symptoms, now),
            signs_op(journal, date, signs, now),
            note_op(journal, date, note, now),
        ]
        .into_iter()
        .flatten()
        .collect();
        Ok::<_, CareError>((!ops.is_empty()).then_some(Operation::All(ops)))
    })?;
    Ok(())
}

/// Replaces a day's scores and the warning signs noted, as one change (`aftercare
/// symptoms`).
pub fn set_symptoms_and_signs(
    journal: &mut Journal,
    date: Date,
    symptoms: Option<Symptoms>,
    signs: &[String],
    now: &ZonedDateTime,
) -> Result<(), CareError> {
    check_not_future(date, now)?;
    journal.transact(&Scope::day(date), |journal| {
        let ops: Vec<Operation> = [
            scores_op(journal, date, symptoms, now),
            signs_op(journal, date, signs, now),
        ]
        .into_iter()
        .flatten()
        .collect();
        Ok::<_, CareError>((!ops.is_empty()).then_some(Operation::All(ops)))
    })?;
    Ok(())
}

/// The operation that sets a day's warning signs, or `None` when they are already so.
fn signs_op(
    journal: &Journal,
    date: Date,
    signs: &[String],
    now: &ZonedDateTime,
) -> Option<Operation> {
    let entry = journal.day(date);
    if entry.map_or(&[][..], |e| e.signs.as_slice()) == signs {
        return None;
    }
    Some(Operation::Signs {
        date,
        signs: signs.to_vec(),
        edit: Edit::after(Stamp::of(now), entry.and_then(|e| e.signs_edit)),
    })
}

/// Records a treatment session (with a fresh identity).
pub fn record_treatment(journal: &mut Journal, mut treatment: Treatment) -> Result<(), CareError> {
    check_treatment_text(&treatment)?;
    aftercare_domain::operation::new_treatment_identity(&mut treatment);
    journal.apply(Operation::AddTreatment(treatment))?;
    Ok(())
}

/// Corrects a treatment recorded with the wrong date, time or area: the one at `index` as
/// listed now. Returns its new index (treatments stay in time order), or `None` if there
/// is no treatment at `index` (or it was deleted meanwhile on another device).
pub fn replace_treatment(
    journal: &mut Journal,
    index: usize,
    treatment: Treatment,
    now: &ZonedDateTime,
) -> Result<Option<usize>, CareError> {
    check_treatment_text(&treatment)?;
    let Some(old) = journal.treatments().get(index).cloned() else {
        return Ok(None);
    };
    let corrected = Treatment {
        id: old.id,
        edit: Some(Edit::after(Stamp::of(now), old.edit)),
        ..treatment
    };
    journal.apply(Operation::EditTreatment(corrected))?;
    Ok(journal.treatments().iter().position(|t| t.id == old.id))
}

/// Deletes a treatment recorded by mistake (the one at `index` as listed now); the days
/// logged stay in the journal.
pub fn remove_treatment(
    journal: &mut Journal,
    index: usize,
) -> Result<Option<Treatment>, CareError> {
    let Some(old) = journal.treatments().get(index).cloned() else {
        return Ok(None);
    };
    journal.apply(Operation::DeleteTreatment(old.clone()))?;
    Ok(Some(old))
}

/// Resolves the alerts standing on `date` ("I called my clinic", "it went away"): saved on
/// that day, it covers every sign and score logged before it; one logged after it raises
/// its alert again. Undone like any change.
pub fn resolve_alerts(
    journal: &mut Journal,
    date: Date,
    resolution: Resolution,
    now: &ZonedDateTime,
) -> Result<(), CareError> {
    check_not_future(date, now)?;
    journal.transact(&Scope::day(date), |journal| {
        // Later than every log it covers, even one saved in the same second.
        let first = aftercare_domain::alerts::first_date_read(journal, date);
        let latest = first
            .series(jiff::ToSpan::day(1))
            .take_while(|day| *day <= date)
            .filter_map(|day| journal.day(day))
            .flat_map(|e| [e.resolved_edit, e.signs_edit, e.symptoms_edit])
            .max()
            .flatten();
        Ok::<_, CareError>(Some(Operation::Resolve {
            date,
            resolved: Some(resolution),
            edit: Edit::after(Stamp::of(now), latest),
        }))
    })?;
    Ok(())
}
