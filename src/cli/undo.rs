//! `aftercare undo` and `aftercare redo`: reverse the last change made from the shell (see
//! `journal::undo_log` for what "last" means with several shells) or put back the last
//! undone one, and what every changing command does to make that possible: [`remember`].
//!
//! Undo says what it reverses and when that change was made. A change older than today
//! is asked about first (y/N on a terminal) or needs `--yes`: undoing a fortnight-old
//! treatment by a stray `aftercare undo` must not happen without a word (issue 29).

use std::io::{BufRead as _, IsTerminal as _, Write as _};

use jiff::ZonedDateTime;

use crate::domain::time::{Clock, Stamp};
use crate::domain::undo::{Done, describe, first_tick_item, subject};
use crate::journal::Journal;
use crate::journal::paths::Paths;
use crate::journal::undo_log::{Logged, UndoLog};

use super::{CliError, UndoArgs};

/// Adds the changes this command applied to the shell's undo log, made `now` by `clock`.
/// A log that cannot be written costs only the undo, never the change: it is said on
/// stderr.
pub(crate) fn remember(paths: &Paths, journal: &Journal, clock: &dyn Clock) {
    let done = journal.done().to_vec();
    if done.is_empty() {
        return;
    }
    let at = Stamp::of(&clock.now());
    let result = UndoLog::open(&paths.undo_log).and_then(|mut log| {
        log.record(&paths.journal_dir, done, at);
        log.save()
    });
    if let Err(err) = result {
        eprintln!("aftercare: this change cannot be undone with `aftercare undo`: {err}");
    }
}

/// Which way a step goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Way {
    Undo,
    Redo,
}

/// Reverses the last change made from the shell to this journal; one older than today
/// only when `yes` or the patient says so at the prompt. Nothing to undo, or a change
/// someone else changed since, is a failure (exit code 1) that says so.
pub(super) fn undo(args: &UndoArgs, paths: &Paths, clock: &dyn Clock) -> Result<String, CliError> {
    let now = clock.now();
    let Some(last) = UndoLog::open(&paths.undo_log)?.last(&paths.journal_dir) else {
        return Err(CliError::Failure(
            "nothing to undo: no change made from the shell to this journal is left to undo".into(),
        ));
    };
    let made = made_when(last.at, &now);
    if !args.yes && last.at.is_none_or(|at| at.date() != now.date()) {
        // The log is not locked while the patient thinks: other shells go on.
        confirm(
            &format!("{} ({made})", subject(&last.done.op)),
            !args.no_prompt,
        )?;
    }
    let text = step(Way::Undo, Some(&last), paths, clock)?;
    Ok(format!("{} ({made})\n", text.trim_end()))
}

/// Puts back the last change `aftercare undo` reversed (as a new change, undoable again).
pub(super) fn redo(paths: &Paths, clock: &dyn Clock) -> Result<String, CliError> {
    step(Way::Redo, None, paths, clock)
}

/// Applies the reversal of the last entry of the undo (or redo) list inside the journal's
/// lock, and moves it to the other list. `expected`: the entry the patient agreed to; if
/// another shell changed the list meanwhile, nothing is done.
fn step(
    way: Way,
    expected: Option<&Logged>,
    paths: &Paths,
    clock: &dyn Clock,
) -> Result<String, CliError> {
    let journal_dir = &paths.journal_dir;
    let mut log = UndoLog::open(&paths.undo_log)?;
    let last = match way {
        Way::Undo => log.last(journal_dir),
        Way::Redo => log.last_redo(journal_dir),
    };
    let Some(last) = last else {
        return Err(CliError::Failure(match way {
            Way::Undo => "nothing to undo: no change made from the shell to this journal is left to undo".into(),
            Way::Redo => "nothing to redo: `aftercare undo` has not reversed a change since the last one made".into(),
        }));
    };
    if expected.is_some_and(|expected| *expected != last) {
        return Err(CliError::Failure(
            "nothing undone: another shell changed the journal meanwhile; run `aftercare undo` again to see what it would undo now".into(),
        ));
    }
    let plan = crate::journal::plan_file::load(&paths.plan_override)
        .ok()
        .map(|(plan, _)| plan);
    let mut journal = super::open_journal(paths, super::Access::Write)?;
    let now = clock.now();
    let before = tick_count(&mut journal, &last.done);
    // All or nothing: the log is written first (a full state folder stops the step before
    // the journal is touched), and put back if the journal then cannot be changed.
    forget(&mut log, way, journal_dir);
    log.save()?;
    let result = match journal.undo(&last.done, Stamp::of(&now)) {
        Ok(result) => result,
        Err(err) => {
            match way {
                Way::Undo => log.restore(journal_dir, last),
                Way::Redo => {
                    log.push_redo(journal_dir, last.done, last.at.unwrap_or(Stamp::of(&now)))
                }
            }
            let _ = log.save();
            return Err(err.into());
        }
    };
    let (verb, cannot) = match way {
        Way::Undo => ("Undid", "cannot undo"),
        Way::Redo => ("Redid", "cannot redo"),
    };
    match result {
        Ok(reversal) => {
            let after = tick_count(&mut journal, &last.done);
            // Undo names the change undone; redo the change it makes again (the reversal
            // of an undo: "recorded treatment", not the "deleted treatment" that undid it).
            let said = match way {
                Way::Undo => &last.done.op,
                Way::Redo => &reversal.op,
            };
            let what = match &plan {
                Some(plan) => describe(said, plan, before.zip(after), now.date()),
                None => subject(said),
            };
            let at = Stamp::of(&now);
            match way {
                Way::Undo => log.push_redo(journal_dir, reversal, at),
                Way::Redo => log.restore(
                    journal_dir,
                    Logged {
                        done: reversal,
                        at: Some(at),
                    },
                ),
            }
            if let Err(err) = log.save() {
                eprintln!(
                    "aftercare: done, but it cannot be reversed with `aftercare undo`/`redo`: {err}"
                );
            }
            Ok(format!("{verb}: {what}\n"))
        }
        Err(conflict) => Err(CliError::Failure(format!(
            "{cannot}: {conflict}; it was left as it is (and dropped from the list)"
        ))),
    }
}

/// Drops the entry about to be applied from its list.
fn forget(log: &mut UndoLog, way: Way, journal_dir: &std::path::Path) {
    match way {
        Way::Undo => log.forget_last(journal_dir),
        Way::Redo => log.forget_last_redo(journal_dir),
    }
}

/// The count of the item a change ticks, on its day (for "3/8 → 2/8").
fn tick_count(journal: &mut Journal, done: &Done) -> Option<u32> {
    let (date, item) = first_tick_item(&done.op)?;
    journal.load_month(crate::journal::Month::of(date)).ok()?;
    Some(journal.day(date).map_or(0, |d| d.count(&item)))
}

/// When a change was made, as the patient reads it: "made today at 09:12", "made on
/// 2027-03-01 at 09:12".
fn made_when(at: Option<Stamp>, now: &ZonedDateTime) -> String {
    let Some(at) = at else {
        return "made at a time not recorded".to_string();
    };
    let local = at.instant.to_zoned_datetime(now.time_zone().clone());
    let clock = super::remind::settings::clock_here();
    let time = clock.time(local.time());
    if local.date() == now.date() {
        format!("made today at {time}")
    } else {
        format!("made on {} at {time}", local.date())
    }
}

/// Asks on the terminal whether to undo `what`, a change older than today. Without a
/// terminal (or when `may_ask` is false) (a script, a pipe) it is refused in one line (exit code 2): `--yes` says it.
fn confirm(what: &str, may_ask: bool) -> Result<(), CliError> {
    if !(may_ask && std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(CliError::Refused(format!(
            "aftercare: the last change is not from today: {what}; nothing undone — run `aftercare undo --yes` to undo it"
        )));
    }
    let mut err = std::io::stderr();
    let _ = write!(err, "Undo {what}? [y/N] ");
    let _ = err.flush();
    let mut answer = String::new();
    let _ = std::io::stdin().lock().read_line(&mut answer);
    if matches!(answer.trim(), "y" | "Y" | "yes" | "Yes" | "YES") {
        Ok(())
    } else {
        Err(CliError::Failure("nothing undone".into()))
    }
}
