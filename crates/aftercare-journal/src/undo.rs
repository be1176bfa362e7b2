//! Undo on the journal: the inverse of an applied operation, decided on the files as they
//! are at that moment (inside the transaction's lock) and saved as a new change.

use jiff::civil::Date;

use crate::error::FileError;
use aftercare_domain::time::Stamp;
use aftercare_domain::undo::{Conflict, Done, View};

use super::{DayEntry, Journal, Scope, Treatment};

impl View for Journal {
    fn day(&self, date: Date) -> Option<&DayEntry> {
        Journal::day(self, date)
    }

    fn treatments(&self) -> &[Treatment] {
        Journal::treatments(self)
    }
}

impl Journal {
    /// Reverses `done` as a new transaction stamped `now`. Returns the change that did it
    /// (reverse it in turn to redo), or the [`Conflict`] that stopped it: then nothing was
    /// written. A save failure is returned as the error; the reversal is then kept in
    /// memory like any change, and is the last of [`Journal::done`].
    pub fn undo(&mut self, done: &Done, now: Stamp) -> Result<Result<Done, Conflict>, FileError> {
        let mut scope = Scope::of(&done.op);
        scope.treatments = true;
        let mut conflict = None;
        let applied = self.transact(&scope, |journal| {
            Ok::<_, FileError>(match done.inverse(journal, now) {
                Ok(op) => Some(op),
                Err(why) => {
                    conflict = Some(why);
                    None
                }
            })
        })?;
        match (applied, conflict) {
            (_, Some(why)) => Ok(Err(why)),
            (Some(_), None) => Ok(Ok(self.done().last().cloned().expect("just applied"))),
            (None, None) => unreachable!("an undo either applies or conflicts"),
        }
    }
}
