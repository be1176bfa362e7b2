//! `aftercare undo`: reverses the last change made from the shell (see
//! `journal::undo_log` for what "last" means with several shells), and what every
//! changing command does to make that possible: [`remember`].

use crate::domain::time::{Clock, Stamp};
use crate::domain::undo::{describe, first_tick_item};
use crate::journal::Journal;
use crate::journal::paths::Paths;
use crate::journal::undo_log::UndoLog;

use super::CliError;

/// Adds the changes this command applied to the shell's undo log. A log that cannot be
/// written costs only the undo, never the change: it is said on stderr.
pub(crate) fn remember(paths: &Paths, journal: &Journal) {
    let done = journal.done().to_vec();
    if done.is_empty() {
        return;
    }
    let result = UndoLog::open(&paths.undo_log).and_then(|mut log| {
        log.record(&paths.journal_dir, done);
        log.save()
    });
    if let Err(err) = result {
        eprintln!("aftercare: this change cannot be undone with `aftercare undo`: {err}");
    }
}

/// Reverses the last change made from the shell to this journal. Nothing to undo, or a
/// change someone else changed since, is a failure (exit code 1) that says so.
pub(super) fn run(paths: &Paths, clock: &dyn Clock) -> Result<String, CliError> {
    let mut log = UndoLog::open(&paths.undo_log)?;
    let Some(done) = log.last(&paths.journal_dir).cloned() else {
        return Err(CliError::Failure(
            "nothing to undo: no change made from the shell to this journal is left to undo".into(),
        ));
    };
    let plan = crate::journal::plan_file::load(&paths.plan_override)
        .ok()
        .map(|(plan, _)| plan);
    let mut journal = super::open_journal(paths, super::Access::Write)?;
    let now = clock.now();
    let count = |journal: &mut Journal| -> Option<u32> {
        let (date, item) = first_tick_item(&done.op)?;
        journal.load_month(crate::journal::Month::of(date)).ok()?;
        Some(journal.day(date).map_or(0, |d| d.count(&item)))
    };
    let before = count(&mut journal);
    // All or nothing: the log is written first (a full state folder stops the undo before
    // the journal is touched), and put back if the journal then cannot be changed.
    log.forget_last(&paths.journal_dir);
    log.save()?;
    let result = match journal.undo(&done, Stamp::of(&now)) {
        Ok(result) => result,
        Err(err) => {
            log.record(&paths.journal_dir, [done.clone()]);
            let _ = log.save();
            return Err(err.into());
        }
    };
    match result {
        Ok(_) => {
            let after = count(&mut journal);
            let what = match &plan {
                Some(plan) => describe(&done.op, plan, before.zip(after), now.date()),
                None => crate::domain::undo::subject(&done.op),
            };
            Ok(format!("Undid: {what}\n"))
        }
        Err(conflict) => Err(CliError::Failure(format!(
            "cannot undo: {conflict}; it was left as it is (and dropped from the undo list)"
        ))),
    }
}
