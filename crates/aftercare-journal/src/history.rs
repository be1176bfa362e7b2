//! The months a history view needs: loaded from disk on demand, and each month's adherence
//! computed once and cached until the journal changes. A journal may hold ten years, so
//! nothing here reads more than it needs.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::error::FileError;
use aftercare_domain::adherence::{MonthSummary, is_complete};
use aftercare_domain::model::Month;
use aftercare_domain::plan::CarePlan;

use super::Journal;

/// Month summaries computed so far. Clear it whenever the journal or plan changes.
#[derive(Debug, Clone, Default)]
pub struct AdherenceCache {
    months: BTreeMap<Month, MonthSummary>,
}

impl AdherenceCache {
    /// Forgets every summary (after a tick, a new or changed treatment).
    pub fn clear(&mut self) {
        self.months.clear();
    }

    /// Keeps only the summaries `keep` accepts, so paging through fifty years does not
    /// collect six hundred of them; a forgotten one is computed again when needed.
    pub fn retain(&mut self, keep: impl Fn(Month) -> bool) {
        self.months.retain(|month, _| keep(*month));
    }

    /// The summary of a month, loading its file the first time.
    pub fn month(
        &mut self,
        plan: &CarePlan,
        journal: &mut Journal,
        month: Month,
    ) -> Result<&MonthSummary, FileError> {
        Ok(match self.months.entry(month) {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => {
                journal.load_month(month)?;
                entry.insert(MonthSummary::compute(plan, journal, month))
            }
        })
    }

    pub fn day(
        &mut self,
        plan: &CarePlan,
        journal: &mut Journal,
        date: Date,
    ) -> Result<Option<f64>, FileError> {
        Ok(self.month(plan, journal, Month::of(date))?.get(date))
    }

    /// Fully-done days in a row, ending today, or yesterday while today is still under
    /// way. A day with nothing on the plan ends the streak, so the walk back never leaves
    /// the current recovery: it reads at most the few months that recovery spans.
    pub fn current_streak(
        &mut self,
        plan: &CarePlan,
        journal: &mut Journal,
        today: Date,
    ) -> Result<u32, FileError> {
        let mut date = today;
        if !self.day(plan, journal, today)?.is_some_and(is_complete) {
            match today.yesterday() {
                Ok(yesterday) => date = yesterday,
                Err(_) => return Ok(0),
            }
        }
        let mut streak = 0;
        while self.day(plan, journal, date)?.is_some_and(is_complete) {
            streak += 1;
            match date.yesterday() {
                Ok(yesterday) => date = yesterday,
                Err(_) => break,
            }
        }
        Ok(streak)
    }

    /// The longest run of fully-done days from `from` to `to`, both included.
    pub fn best_streak(
        &mut self,
        plan: &CarePlan,
        journal: &mut Journal,
        from: Date,
        to: Date,
    ) -> Result<u32, FileError> {
        let (mut best, mut run) = (0, 0);
        for date in from.series(1.day()).take_while(|d| *d <= to) {
            if self.day(plan, journal, date)?.is_some_and(is_complete) {
                run += 1;
                best = best.max(run);
            } else {
                run = 0;
            }
        }
        Ok(best)
    }
}

/// Loads every month that has a day between `from` and `to`.
pub fn load_months(journal: &mut Journal, from: Date, to: Date) -> Result<(), FileError> {
    let mut month = Month::of(from);
    while month <= Month::of(to) {
        journal.load_month(month)?;
        month = month.offset(1);
    }
    Ok(())
}
