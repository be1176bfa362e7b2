//! The changes a patient makes to their journal, with the rules that keep it truthful:
//! only items of the plan, never a day in the future. The TUI and the command line both
//! change the journal only through these functions.

use std::fmt;

use jiff::ZonedDateTime;
use jiff::civil::Date;

use crate::error::FileError;
use crate::{DayEntry, Edit, EventId, Journal, Operation, Scope, Score, Symptoms, Tick, Treatment};
use aftercare_domain::model::{Resolution, Symptom};
use aftercare_domain::operation::TreatmentCorrection;
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
    /// "Make it done", what Space means on an item the screen shows not done: a
    /// once-a-day item is ticked unless it already is (by another writer meanwhile); a
    /// counted one gets one more.
    Done,
    /// "Make it undone", what Space means on a once-a-day item the screen shows done:
    /// every tick of the day is taken back (none if another writer already did).
    Undone,
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
            TickChange::Done if once_a_day => (usize::from(before == 0), 0),
            TickChange::Done => (1, 0),
            TickChange::Undone => (0, before),
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

/// Adds a line at the end of a day's note (`note --append`): the line is added inside the
/// lock to the note as it is then, so two appends at once both stay.
pub fn append_note(
    journal: &mut Journal,
    date: Date,
    line: &str,
    now: &ZonedDateTime,
) -> Result<(), CareError> {
    check_not_future(date, now)?;
    let line = line.trim_end();
    if line.trim().is_empty() {
        return Ok(());
    }
    journal.transact(&Scope::day(date), |journal| {
        let note = journal.day(date).map(DayEntry::note).unwrap_or_default();
        check_length(
            "note",
            &note,
            MAX_NOTE_CHARS.saturating_sub(line.chars().count() + 1),
        )?;
        let previous = journal
            .day(date)
            .and_then(|e| e.notes.iter().map(|v| v.edit).max());
        Ok::<_, CareError>(Some(Operation::AppendNote {
            date,
            line: line.to_string(),
            edit: Edit::after(Stamp::of(now), previous),
        }))
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

/// What the patient changed in the skin form, and nothing else: a field left alone is not
/// written, so what another writer logged meanwhile stays.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SkinChanges {
    /// The scores the patient set, one by one.
    pub scores: Vec<(Symptom, Score)>,
    /// Warning signs ticked, and unticked, in the form (plan ids).
    pub signs_added: Vec<String>,
    pub signs_removed: Vec<String>,
    /// The note as rewritten in the form, if it was.
    pub note: Option<NoteRewrite>,
}

/// The note as the patient left it in a form, and the versions they saw when it opened:
/// only those are replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRewrite {
    pub text: String,
    pub seen: Vec<EventId>,
}

impl SkinChanges {
    /// Nothing changed in the form.
    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
            && self.signs_added.is_empty()
            && self.signs_removed.is_empty()
            && self.note.is_none()
    }
}

/// How a skin form was saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkinSaved {
    /// The note had been changed elsewhere while the form was open: both texts are kept.
    pub note_kept_beside: bool,
}

/// Saves what the patient changed in the skin form as one change (all or nothing),
/// decided inside the lock on the day as it is then: scores one by one, signs added or
/// removed, the note replacing only the versions the form showed.
pub fn save_skin(
    journal: &mut Journal,
    date: Date,
    changes: &SkinChanges,
    now: &ZonedDateTime,
) -> Result<SkinSaved, CareError> {
    if let Some(note) = &changes.note {
        check_length("note", &note.text, MAX_NOTE_CHARS)?;
    }
    check_not_future(date, now)?;
    let mut saved = SkinSaved {
        note_kept_beside: false,
    };
    journal.transact(&Scope::day(date), |journal| {
        let day = journal.day(date).cloned().unwrap_or_default();
        let ops: Vec<Operation> = [
            changed_scores_op(&day, date, &changes.scores, now),
            changed_signs_op(&day, date, changes, now),
            changes.note.as_ref().and_then(|note| {
                saved.note_kept_beside = day.notes.iter().any(|v| !note.seen.contains(&v.edit.id));
                rewrite_note_op(&day, date, note, saved.note_kept_beside, now)
            }),
        ]
        .into_iter()
        .flatten()
        .collect();
        Ok::<_, CareError>((!ops.is_empty()).then_some(Operation::All(ops)))
    })?;
    Ok(saved)
}

/// The day's scores with the patient's set one by one over those on disk.
fn changed_scores_op(
    day: &DayEntry,
    date: Date,
    scores: &[(Symptom, Score)],
    now: &ZonedDateTime,
) -> Option<Operation> {
    if scores.is_empty() {
        return None;
    }
    let mut symptoms = day.symptoms().unwrap_or_default();
    for (symptom, score) in scores {
        *symptoms.get_mut(*symptom) = *score;
    }
    (day.symptoms() != Some(symptoms)).then(|| Operation::Scores {
        date,
        symptoms: Some(symptoms),
        edit: Edit::after(Stamp::of(now), day.symptoms_edit),
    })
}

/// The day's warning signs with the patient's added and removed over those on disk.
fn changed_signs_op(
    day: &DayEntry,
    date: Date,
    changes: &SkinChanges,
    now: &ZonedDateTime,
) -> Option<Operation> {
    let mut signs = day.signs.clone();
    signs.retain(|id| {
        !changes
            .signs_removed
            .iter()
            .any(|gone| gone.eq_ignore_ascii_case(id))
    });
    for id in &changes.signs_added {
        if !signs.iter().any(|s| s.eq_ignore_ascii_case(id)) {
            signs.push(id.clone());
        }
    }
    (signs != day.signs).then(|| Operation::Signs {
        date,
        signs,
        edit: Edit::after(Stamp::of(now), day.signs_edit),
    })
}

/// The note as the patient rewrote it, replacing only the versions the form showed.
fn rewrite_note_op(
    day: &DayEntry,
    date: Date,
    note: &NoteRewrite,
    written_elsewhere: bool,
    now: &ZonedDateTime,
) -> Option<Operation> {
    let text = note.text.trim_end().to_string();
    if !written_elsewhere && day.note() == text {
        return None;
    }
    Some(Operation::RewriteNote {
        date,
        text,
        replaces: note.seen.clone(),
        edit: Edit::after(Stamp::of(now), day.notes.iter().map(|v| v.edit).max()),
    })
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

/// A correction as saved: the treatment as it reads now, and whether its note had been
/// changed elsewhere too (then both texts are kept, the other one first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corrected {
    pub treatment: Treatment,
    pub note_kept_beside: bool,
}

/// Corrects a treatment (by its identity): only the fields that differ between `seen` (the
/// treatment as the form or command read it) and `wanted` are written, inside the lock, to
/// the treatment as it is then, so a field changed elsewhere meanwhile is kept. A note
/// changed both here and elsewhere keeps both texts. `None` when the treatment was
/// deleted meanwhile (or nothing differs).
pub fn correct_treatment(
    journal: &mut Journal,
    seen: &Treatment,
    wanted: &Treatment,
    now: &ZonedDateTime,
) -> Result<Option<Corrected>, CareError> {
    check_treatment_text(wanted)?;
    let Some(mut correction) = TreatmentCorrection::between(seen, wanted, Stamp::of(now)) else {
        return Ok(None);
    };
    let mut outcome = None;
    journal.transact(&Scope::treatments(), |journal| {
        let Some(current) = journal.treatments().iter().find(|t| t.id == seen.id) else {
            return Ok(None);
        };
        let mut note_kept_beside = false;
        if let Some(note) = &mut correction.note
            && current.note != seen.note
            && current.note != *note
            && !current.note.is_empty()
        {
            *note = format!("{}\n\n{note}", current.note);
            note_kept_beside = true;
        }
        if let Some(note) = &correction.note {
            check_length("note", note, MAX_NOTE_CHARS)?;
        }
        correction.edit = Edit::after(Stamp::of(now), current.edit);
        correction.named_at = correction.at.unwrap_or(current.at);
        outcome = Some(Corrected {
            treatment: correction.applied_to(current),
            note_kept_beside,
        });
        Ok::<_, CareError>(Some(Operation::CorrectTreatment(correction.clone())))
    })?;
    Ok(outcome)
}

/// Deletes a treatment recorded by mistake, named by its identity (never by its place
/// in a list, which another writer may shift); the days logged stay in the journal.
/// `None` when it was already deleted.
pub fn remove_treatment(
    journal: &mut Journal,
    id: EventId,
) -> Result<Option<Treatment>, CareError> {
    let mut removed = None;
    journal.transact(&Scope::treatments(), |journal| {
        removed = journal.treatments().iter().find(|t| t.id == id).cloned();
        Ok::<_, CareError>(removed.clone().map(Operation::DeleteTreatment))
    })?;
    Ok(removed)
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
