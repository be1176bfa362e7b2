//! `aftercare undo`: reverses the last change made from the shell (a second `undo` makes it
//! again). Each changing command notes the journal before it changes it ([`Before`]) and
//! then remembers the reversal of what it did (`journal::shell_undo`).

use jiff::ZonedDateTime;
use jiff::civil::Date;

use crate::domain::model::DayEntry;
use crate::domain::time::{Clock, Stamp};
use crate::domain::undo::{self, Before as Snapshot};
use crate::journal::paths::Paths;
use crate::journal::shell_undo::{self, ShellUndo};
use crate::journal::{Journal, Month, Treatment};

use super::CliError;

/// The journal as it was before a change: the days it touches and the treatments.
pub(super) struct Before {
    days: Vec<(Date, Option<DayEntry>)>,
    treatments: Vec<Treatment>,
}

impl Before {
    /// Notes `dates` (their months are read) and the treatments.
    pub(super) fn note(journal: &mut Journal, dates: &[Date]) -> Result<Before, CliError> {
        let mut days = Vec::new();
        for date in dates {
            journal.load_month(Month::of(*date))?;
            days.push((*date, journal.day(*date).cloned()));
        }
        Ok(Before {
            days,
            treatments: journal.treatments().to_vec(),
        })
    }

    /// Remembers the reversal of what the command applied, for `aftercare undo`. A failure
    /// here does not undo the change: it comes back as a line to print.
    pub(super) fn remember(
        self,
        journal: &Journal,
        paths: &Paths,
        now: &ZonedDateTime,
        what: String,
    ) -> String {
        let day = |date: Date| {
            self.days
                .iter()
                .find(|(day, _)| *day == date)
                .and_then(|(_, entry)| entry.clone())
        };
        let snapshot = Snapshot {
            day: &day,
            treatments: &self.treatments,
        };
        let reversals: Vec<_> = journal
            .applied()
            .iter()
            .rev()
            .filter_map(|op| undo::inverse(op, &snapshot, Stamp::of(now)))
            .collect();
        let op = match reversals.len() {
            0 => return String::new(),
            1 => reversals.into_iter().next().expect("one"),
            _ => crate::domain::operation::Operation::All(reversals),
        };
        match shell_undo::save(&paths.journal_dir, &ShellUndo { op, what }) {
            Ok(()) => String::new(),
            Err(err) => format!("(not remembered for `aftercare undo`: {err})\n"),
        }
    }
}

/// Applies the remembered reversal and remembers the reversal of that in its place.
pub(super) fn run(paths: &Paths, clock: &dyn Clock) -> Result<String, CliError> {
    let Some(step) = shell_undo::load(&paths.journal_dir)? else {
        return Ok("Nothing to undo: no change was made from the shell yet.\n".into());
    };
    let now = clock.now();
    let mut journal = super::open_journal(paths, super::Access::Write)?;
    let dates = dates_of(&step.op);
    let before = Before::note(&mut journal, &dates)?;
    journal.apply(step.op.clone())?;
    // The next `undo` makes the change again.
    let note = before.remember(&journal, paths, &now, step.what.clone());
    Ok(format!("Undid: {}\n{note}", step.what))
}

/// The days an operation touches.
fn dates_of(op: &crate::domain::operation::Operation) -> Vec<Date> {
    use crate::domain::operation::Operation;
    match op {
        Operation::Tick { date, .. }
        | Operation::Untick { date, .. }
        | Operation::Scores { date, .. }
        | Operation::Note { date, .. } => vec![*date],
        Operation::All(ops) => {
            let mut dates: Vec<Date> = ops.iter().flat_map(dates_of).collect();
            dates.dedup();
            dates
        }
        _ => Vec::new(),
    }
}
