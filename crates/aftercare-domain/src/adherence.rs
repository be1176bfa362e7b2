//! The healing history in numbers: how much of each day's plan was done, streaks of full
//! days, the symptom trend after each treatment, and the spacing of sessions.
//!
//! Like `recovery`, this takes "today" as an argument and reads nothing: it works over the
//! days handed in through [`Days`]. Loading months and caching their summaries is the
//! journal's job (`journal::history`).

use jiff::ToSpan;
use jiff::civil::Date;

use crate::model::{Days, Month, Symptoms, Treatment};
use crate::plan::CarePlan;
use crate::recovery;
use crate::time::days_between;

/// The share of `date`'s plan that was done, 0.0 to 1.0, by the plan's items for the day
/// after the treatment in force that day. `None` when nothing applied (before the first
/// treatment, or after every item's last day). The day's month must be loaded.
pub fn day_adherence(plan: &CarePlan, journal: &impl Days, date: Date) -> Option<f64> {
    let treatment = journal.treatment_for(date)?;
    recovery::adherence(&recovery::day_checklist(
        plan,
        treatment,
        date,
        journal.day(date),
    ))
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
pub fn is_complete(fraction: f64) -> bool {
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
    pub fn compute(plan: &CarePlan, journal: &impl Days, month: Month) -> MonthSummary {
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
/// months of the period must be loaded (see `journal::history::load_months`).
pub fn symptom_series(journal: &impl Days, period: (Date, Date)) -> Vec<(u32, Symptoms)> {
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

/// "3 of 9 items done" ("1 of 1 item done"): the count alone.
pub fn items_done(complete: usize, items: usize) -> String {
    let noun = if items == 1 { "item" } else { "items" };
    format!("{complete} of {items} {noun} done")
}

/// "3 of 9 items done", and when part-done counts (3 of 8 glasses) make the share differ,
/// how much of the day's care that is: never "0 of 8 done (8%)" without saying why.
pub fn care_summary(complete: usize, items: usize, fraction: f64) -> String {
    let whole = items_done(complete, items);
    let percent = (fraction * 100.0).round();
    let plain = if items == 0 {
        0.0
    } else {
        (complete as f64 / items as f64 * 100.0).round()
    };
    if (percent - plain).abs() < 0.5 {
        whole
    } else {
        // "59% with part-done ones" read as a second count of items: it is a share of all
        // the day's care, where 3 of 8 glasses count as 3/8 of one item. Short, so that
        // History's day panel at 60 columns still has room for the scores.
        format!("{whole} ({percent}% of all care)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_care_summary_reads_as_one_count_and_one_share() {
        assert_eq!(care_summary(0, 1, 0.0), "0 of 1 item done");
        assert_eq!(
            care_summary(4, 8, 0.59),
            "4 of 8 items done (59% of all care)"
        );
        assert_eq!(care_summary(4, 8, 0.5), "4 of 8 items done");
    }

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
