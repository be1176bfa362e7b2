//! `aftercare treatment add` and `treatment list`: the sessions the day count and the
//! restrictions run from.

use std::fmt::Write as _;

use crate::care;
use crate::domain::text::parse_local_date_time;
use crate::domain::time::{Clock, Stamp};
use crate::journal::Treatment;
use crate::journal::paths::Paths;

use super::{CliError, TreatmentAddArgs};

const ADD: &[&str] = &["treatment", "add"];

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
    let treatment = Treatment::new(Stamp::of(&at), args.area.trim(), args.note.trim());
    let mut journal = super::open_journal(paths, super::Access::Write)?;
    care::record_treatment(&mut journal, treatment.clone())
        .map_err(|err| CliError::from_care(ADD, err))?;
    super::undo::remember(paths, &journal);
    Ok(format!("Recorded treatment {}\n", describe(&treatment)))
}

/// Every session, oldest first, numbered as in the export.
pub(super) fn list(paths: &Paths) -> Result<String, CliError> {
    let journal = super::open_journal(paths, super::Access::Read)?;
    if journal.treatments().is_empty() {
        return Ok("No treatment recorded yet. Record one with: aftercare treatment add\n".into());
    }
    let mut text = String::new();
    for (number, treatment) in journal.treatments().iter().enumerate() {
        let _ = writeln!(text, "{}. {}", number + 1, describe(treatment));
    }
    Ok(text)
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
