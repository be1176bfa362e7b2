//! `aftercare treatment add` and `treatment list`: the sessions the day count and the
//! restrictions run from.

use std::fmt::Write as _;

use crate::domain::text::{DATE_TIME_FORMAT, parse_local_date_time};
use crate::domain::time::{Clock, Stamp};
use crate::journal::Treatment;
use crate::journal::care;
use crate::journal::paths::Paths;

use super::{
    CliError, TreatmentAddArgs, TreatmentDeleteArgs, TreatmentEditArgs, TreatmentListArgs,
};

const ADD: &[&str] = &["treatment", "add"];
const DELETE: &[&str] = &["treatment", "delete"];
const EDIT: &[&str] = &["treatment", "edit"];

/// Records a session at `--at` (default: now), read the same way as the app's form.
pub(super) fn add(
    args: &TreatmentAddArgs,
    paths: &Paths,
    clock: &dyn Clock,
) -> Result<String, CliError> {
    let now = clock.now();
    let at = match &args.at {
        Some(text) => parse_local_date_time(text, &now).map_err(|err| CliError::usage(ADD, err))?,
        None => now,
    };
    let treatment = Treatment::new(Stamp::of(&at), args.area.trim(), args.note.trim())
        .with_procedure(args.procedure);
    let mut journal = super::open_journal(paths, super::Access::Write)?;
    // The same minute twice is a command run twice, not two sessions.
    if !args.force
        && let Some(same) = journal
            .treatments()
            .iter()
            .find(|t| t.at.instant.as_second() / 60 == treatment.at.instant.as_second() / 60)
    {
        return Err(CliError::usage(
            ADD,
            format!(
                "a session at that minute is already recorded ({}); add --force to record another",
                describe(same)
            ),
        ));
    }
    care::record_treatment(&mut journal, treatment.clone())
        .map_err(|err| CliError::from_care(ADD, err))?;
    super::undo::remember(paths, &journal, clock);
    Ok(format!("Recorded treatment {}\n", describe(&treatment)))
}

/// Every session, oldest first, numbered as in the export (and as `delete`/`edit` take).
pub(super) fn list(args: &TreatmentListArgs, paths: &Paths) -> Result<String, CliError> {
    let journal = super::open_journal(paths, super::Access::Read)?;
    if args.json {
        let sessions: Vec<serde_json::Value> = journal
            .treatments()
            .iter()
            .enumerate()
            .map(|(index, t)| {
                serde_json::json!({
                    "number": index + 1,
                    "at": t.at.to_string(),
                    "area": t.area,
                    "note": t.note,
                    "procedure": t.procedure.name(),
                })
            })
            .collect();
        return Ok(format!("{}\n", serde_json::Value::Array(sessions)));
    }
    if journal.treatments().is_empty() {
        return Ok("No treatment recorded yet. Record one with: aftercare treatment add\n".into());
    }
    let mut text = String::new();
    for (number, treatment) in journal.treatments().iter().enumerate() {
        let _ = writeln!(text, "{}. {}", number + 1, describe(treatment));
    }
    Ok(text)
}

/// Deletes one session, asking nothing; prints which.
pub(super) fn delete(
    args: &TreatmentDeleteArgs,
    paths: &Paths,
    clock: &dyn Clock,
) -> Result<String, CliError> {
    let mut journal = super::open_journal(paths, super::Access::Write)?;
    let index =
        find(journal.treatments(), &args.when).map_err(|err| CliError::usage(DELETE, err))?;
    let id = journal.treatments()[index].id;
    let removed =
        care::remove_treatment(&mut journal, id).map_err(|err| CliError::from_care(DELETE, err))?;
    super::undo::remember(paths, &journal, clock);
    Ok(match removed {
        Some(t) => format!(
            "Deleted treatment {} (the days you logged are kept)\n",
            describe(&t)
        ),
        None => String::new(),
    })
}

/// Corrects one session's time, area or note, asking nothing; prints what changed.
pub(super) fn edit(
    args: &TreatmentEditArgs,
    paths: &Paths,
    clock: &dyn Clock,
) -> Result<String, CliError> {
    let now = clock.now();
    let mut journal = super::open_journal(paths, super::Access::Write)?;
    let index = find(journal.treatments(), &args.when).map_err(|err| CliError::usage(EDIT, err))?;
    let old = journal.treatments()[index].clone();
    let mut new = old.clone();
    if let Some(text) = &args.at {
        let at = parse_local_date_time(text, &now).map_err(|err| CliError::usage(EDIT, err))?;
        new.at = Stamp::of(&at);
    }
    if let Some(area) = &args.area {
        new.area = area.trim().to_string();
    }
    if let Some(note) = &args.note {
        new.note = note.trim().to_string();
    }
    if let Some(procedure) = args.procedure {
        new.procedure = procedure;
    }
    let mut changes = Vec::new();
    if new.at != old.at {
        changes.push(format!(
            "time {} → {}",
            old.at.local().strftime(DATE_TIME_FORMAT),
            new.at.local().strftime(DATE_TIME_FORMAT)
        ));
    }
    if new.area != old.area {
        changes.push(format!("area {:?} → {:?}", old.area, new.area));
    }
    if new.note != old.note {
        changes.push(format!("note {:?} → {:?}", old.note, new.note));
    }
    if new.procedure != old.procedure {
        changes.push(format!("procedure {} → {}", old.procedure, new.procedure));
    }
    if changes.is_empty() {
        return Ok(format!(
            "Nothing changed in treatment {} (give --at, --area, --note or --procedure)\n",
            describe(&old)
        ));
    }
    // Only the fields given are sent, applied inside the lock to the treatment as it is
    // then: an edit of another field meanwhile is kept.
    let corrected = care::correct_treatment(&mut journal, &old, &new, &now)
        .map_err(|err| CliError::from_care(EDIT, err))?;
    super::undo::remember(paths, &journal, clock);
    let Some(corrected) = corrected else {
        return Err(CliError::Failure(format!(
            "treatment {} was deleted meanwhile; nothing was changed",
            describe(&old)
        )));
    };
    let mut text = format!(
        "Changed treatment {}: {}\n",
        describe(&old),
        changes.join(", ")
    );
    if corrected.note_kept_beside {
        text.push_str("The note was also changed elsewhere meanwhile: both texts are kept.\n");
    }
    Ok(text)
}

/// Where every "which treatment?" error sends the patient.
const LIST_HINT: &str = "see `aftercare treatment list`";

/// Why the WHEN of `treatment delete|edit` names no single session.
#[derive(Debug, thiserror::Error)]
enum NoSingleTreatment {
    #[error("there is no treatment number {0}; {hint}", hint = LIST_HINT)]
    NoNumber(usize),
    #[error("no treatment at {0:?}; {hint}", hint = LIST_HINT)]
    NoneAt(String),
    #[error(
        "{count} treatments on {when}: give the time too (\"{when} HH:MM\") or the number; {hint}",
        hint = LIST_HINT
    )]
    Several { count: usize, when: String },
}

/// The session `when` names: its number in the list, "YYYY-MM-DD HH:MM" (or "9:30 PM") in
/// the time it was recorded in, or a date with exactly one session.
fn find(treatments: &[Treatment], when: &str) -> Result<usize, NoSingleTreatment> {
    let when = when.trim();
    if let Ok(number) = when.parse::<usize>() {
        return (1..=treatments.len())
            .contains(&number)
            .then(|| number - 1)
            .ok_or(NoSingleTreatment::NoNumber(number));
    }
    let matches: Vec<usize> = treatments
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            let local = t.at.local();
            crate::domain::text::parse_civil(when) == Some(local)
                || local.strftime("%Y-%m-%d").to_string() == when
        })
        .map(|(index, _)| index)
        .collect();
    match matches.as_slice() {
        [index] => Ok(*index),
        [] => Err(NoSingleTreatment::NoneAt(when.to_string())),
        _ => Err(NoSingleTreatment::Several {
            count: matches.len(),
            when: when.to_string(),
        }),
    }
}

/// `2027-03-14 09:30 (+01:00) · face · note`, in the time it was recorded in.
pub fn describe(treatment: &Treatment) -> String {
    let zone = jiff::tz::TimeZone::fixed(treatment.at.offset);
    let mut text = treatment
        .at
        .in_zone(&zone)
        .strftime("%Y-%m-%d %H:%M (%:z)")
        .to_string();
    for part in [&treatment.area, &treatment.note] {
        if !part.is_empty() {
            let _ = write!(text, " · {part}");
        }
    }
    text
}
