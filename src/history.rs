//! The healing history in numbers: how much of each day's plan was done, streaks of full
//! days, the symptom trend after each treatment, and the spacing of sessions.
//!
//! Like `recovery`, this takes "today" as an argument and imports nothing from the terminal.
//! A journal may hold ten years, so nothing here reads more than it needs: a month's file
//! is loaded only when one of its days is asked for, and each month's adherence is computed
//! once and kept in an [`AdherenceCache`] until the journal changes.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use jiff::civil::Date;
use jiff::{Span, ToSpan};

use crate::clock::days_between;
use crate::error::FileError;
use crate::journal::{Journal, Month, Symptoms, Treatment};
use crate::plan::CarePlan;
use crate::recovery;

/// The share of `date`'s plan that was done, 0.0 to 1.0, by the plan's items for the day
/// after the treatment in force that day. `None` when nothing applied (before the first
/// treatment, or after every item's last day). The day's month must be loaded.
pub fn day_adherence(plan: &CarePlan, journal: &Journal, date: Date) -> Option<f64> {
    let day = recovery::day_number(journal.treatment_for(date)?, date)?;
    recovery::adherence(&recovery::checklist(plan, day, journal.day(date)))
}

/// How much of a day's plan was done, in four steps a patient can tell apart at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Nothing,
    Some,
    /// Half or more.
    Most,
    All,
}

impl Level {
    pub fn of(fraction: f64) -> Level {
        if is_complete(fraction) {
            Level::All
        } else if fraction >= 0.5 {
            Level::Most
        } else if fraction > 0.0 {
            Level::Some
        } else {
            Level::Nothing
        }
    }
}

/// A day's plan counts as fully done at 100% (allowing for float rounding of the mean).
fn is_complete(fraction: f64) -> bool {
    fraction >= 1.0 - 1e-9
}

/// The adherence of every day of one month, index 0 being the 1st.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthSummary {
    month: Month,
    days: Vec<Option<f64>>,
}

impl MonthSummary {
    /// Computes the month from a journal where it is loaded.
    pub fn compute(plan: &CarePlan, journal: &Journal, month: Month) -> MonthSummary {
        let first = month.first_day();
        let days = (0..first.days_in_month())
            .map(|offset| {
                let date = first.checked_add(i64::from(offset).days()).ok()?;
                day_adherence(plan, journal, date)
            })
            .collect();
        MonthSummary { month, days }
    }

    /// The adherence of a day of this month (`None` for another month's day).
    pub fn get(&self, date: Date) -> Option<f64> {
        if !self.month.contains(date) {
            return None;
        }
        self.days
            .get(usize::try_from(date.day() - 1).ok()?)
            .copied()
            .flatten()
    }
}

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

/// The days a treatment's recovery covers, both included: from its date to the day before
/// the next treatment, but never past today nor past the plan's horizon (the last day any
/// item or the next-session window reaches), so a session years ago reads a few months at
/// most. `None` when a later session on the same day replaced it.
pub fn recovery_period(
    plan: &CarePlan,
    treatments: &[Treatment],
    index: usize,
    today: Date,
) -> Option<(Date, Date)> {
    let from = treatments.get(index)?.at.date();
    let mut to = from.checked_add(plan_horizon(plan).days()).ok()?.min(today);
    if let Some(next) = treatments.get(index + 1) {
        to = to.min(next.at.date().yesterday().ok()?);
    }
    (from <= to).then_some((from, to))
}

/// The last day after a treatment that the plan says anything about.
fn plan_horizon(plan: &CarePlan) -> i64 {
    let items = plan.items.iter().map(|i| i.days.to.unwrap_or(i.days.from));
    let last = items
        .chain([
            plan.next_session.to_days,
            u32::from(plan.symptom_window_days),
        ])
        .max()
        .unwrap_or(0);
    i64::from(last)
}

/// The symptom scores logged in `period`, by day after the treatment it starts with. The
/// months of the period must be loaded (see [`load_months`]).
pub fn symptom_series(journal: &Journal, period: (Date, Date)) -> Vec<(u32, Symptoms)> {
    let (from, to) = period;
    from.series(1.day())
        .take_while(|date| *date <= to)
        .filter_map(|date| {
            let symptoms = journal.day(date)?.symptoms?;
            let day = u32::try_from(days_between(from, date)).ok()?;
            Some((day, symptoms))
        })
        .collect()
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

/// For each treatment, the days since the one before it (`None` for the first).
pub fn days_since_previous(treatments: &[Treatment]) -> Vec<Option<i64>> {
    let mut previous: Option<Date> = None;
    treatments
        .iter()
        .map(|t| {
            let date = t.at.date();
            let gap = previous.map(|p| days_between(p, date));
            previous = Some(date);
            gap
        })
        .collect()
}

/// When the plan suggests the session after `latest`: its first and last day.
pub fn next_session_window(plan: &CarePlan, latest: &Treatment) -> Option<(Date, Date)> {
    let date = latest.at.date();
    let add = |days: u32| date.checked_add(Span::new().days(i64::from(days))).ok();
    Some((
        add(plan.next_session.from_days)?,
        add(plan.next_session.to_days)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_split_at_nothing_half_and_all() {
        assert_eq!(Level::of(0.0), Level::Nothing);
        assert_eq!(Level::of(0.01), Level::Some);
        assert_eq!(Level::of(0.5), Level::Most);
        assert_eq!(Level::of(0.999), Level::Most);
        assert_eq!(Level::of(1.0), Level::All);
    }

    #[test]
    fn builtin_plan_horizon_is_the_next_session_window() {
        assert_eq!(plan_horizon(&CarePlan::builtin()), 42);
    }
}
