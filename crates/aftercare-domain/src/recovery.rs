//! Where the patient stands on a given day: the day after treatment, the items that apply
//! and how far along they are, and which restrictions still hold.
//!
//! Everything here is a pure function of the plan, the journal and an instant passed in,
//! so it is tested with a fixed clock and shared by the TUI and the command line.

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};

use crate::model::{DayEntry, Treatment};
use crate::plan::{CarePlan, Former, Item, ItemKind, Restriction};
use crate::schedule::{self, Form, Scheduled};
use crate::time::days_between;

/// "Day N after treatment": 0 on the treatment's own local date. `None` before it.
pub fn day_number(treatment: &Treatment, date: Date) -> Option<u32> {
    day_number_between(treatment.at.date(), date)
}

/// The treatment whose recovery `date` belongs to, seen at `now`: the latest one whose own
/// local date is on or before `date`, and — for today — also one that has already happened
/// by the clock though its local date is still tomorrow here (recorded in Tokyo, looked at
/// the same evening in Los Angeles). Instants, not civil dates in different offsets,
/// decide what has happened.
pub fn treatment_on<'a>(
    treatments: &'a [Treatment],
    date: Date,
    now: &jiff::ZonedDateTime,
) -> Option<&'a Treatment> {
    let by_date = treatments.iter().rev().find(|t| t.at.date() <= date);
    if date != now.date() {
        return by_date;
    }
    let by_instant = treatments
        .iter()
        .rev()
        .find(|t| t.at.instant <= now.timestamp());
    match (by_date, by_instant) {
        (Some(a), Some(b)) => Some(if b.at.instant > a.at.instant { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// [`day_number`] for the treatment [`treatment_on`] found: day 0 (not "before the
/// treatment") for one that has happened though its local date is still ahead of today's.
pub fn day_number_on(treatment: &Treatment, date: Date, now: &jiff::ZonedDateTime) -> Option<u32> {
    day_number(treatment, date)
        .or_else(|| (date == now.date() && treatment.at.instant <= now.timestamp()).then_some(0))
}

/// Days from a treatment date to `date`, `None` when `date` is earlier.
pub fn day_number_between(treated: Date, date: Date) -> Option<u32> {
    u32::try_from(days_between(treated, date)).ok()
}

/// One plan item on one day, with what was logged for it.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemProgress<'a> {
    pub item: &'a Item,
    pub count: u32,
    /// How the item reads at the instant the checklist is for (see `schedule`).
    pub form: Form<'a>,
}

impl<'a> ItemProgress<'a> {
    /// An item in its usual form with a count.
    pub fn new(item: &'a Item, count: u32) -> ItemProgress<'a> {
        ItemProgress {
            item,
            count,
            form: Form::Usual,
        }
    }

    /// The label as the checklist asks for it now.
    pub fn label(&self) -> &'a str {
        Scheduled {
            item: self.item,
            form: self.form,
        }
        .label()
    }

    /// The hint as it applies now.
    pub fn hint(&self) -> &'a str {
        Scheduled {
            item: self.item,
            form: self.form,
        }
        .hint()
    }
}

impl ItemProgress<'_> {
    pub fn target(&self) -> u32 {
        self.item.kind.target()
    }

    pub fn done(&self) -> bool {
        self.count >= self.target()
    }

    /// How much of the item is done, 0.0 to 1.0 (more than the target counts as done).
    pub fn fraction(&self) -> f64 {
        (f64::from(self.count) / f64::from(self.target())).clamp(0.0, 1.0)
    }

    /// Progress in short: "done", "3/8", "1/3"; "as needed" for an as-needed item not
    /// done yet (it has no target to fall short of). For a checklist's narrow column.
    pub fn progress_text(&self) -> String {
        self.progress_joined("/")
    }

    /// Progress in a sentence: "3 of 8" rather than "3/8", which reads badly aloud (a
    /// screen reader says "3 slash 8") and in an answer (the shell's `tick`).
    pub fn progress_words(&self) -> String {
        self.progress_joined(" of ")
    }

    /// The count and the target joined by `between`, or the word for an item without one.
    fn progress_joined(&self, between: &str) -> String {
        if self.item.as_needed && self.count == 0 {
            return "as needed".to_string();
        }
        match self.item.kind {
            ItemKind::Check | ItemKind::Avoid => {
                if self.done() { "done" } else { "to do" }.to_string()
            }
            ItemKind::Counted { target } => format!("{}{between}{target}", self.count),
            ItemKind::Timed { sessions, .. } => format!("{}{between}{sessions}", self.count),
        }
    }
}

/// The checklist of `date` after `treatment` as of `at` (now for today, the day's last
/// second for a past day: see `schedule::items_for_day`), with the counts from `entry`.
pub fn checklist<'a>(
    plan: &'a CarePlan,
    treatment: &Treatment,
    date: Date,
    at: Timestamp,
    entry: Option<&DayEntry>,
) -> Vec<ItemProgress<'a>> {
    schedule::items_for_day(plan, treatment, date, at)
        .into_iter()
        .map(|scheduled| ItemProgress {
            item: scheduled.item,
            count: entry.map_or(0, |e| e.count(&scheduled.item.id)),
            form: scheduled.form,
        })
        .collect()
}

/// The checklist of a whole day, as it stood at the day's end: what adherence, History and
/// the exports count.
pub fn day_checklist<'a>(
    plan: &'a CarePlan,
    treatment: &Treatment,
    date: Date,
    entry: Option<&DayEntry>,
) -> Vec<ItemProgress<'a>> {
    let (_, end) = schedule::day_bounds(treatment, date);
    checklist(plan, treatment, date, end, entry)
}

/// Ticks on a day of an item the plan in force does not have: an item turned off, removed,
/// or (if no plan ever had it) a typo in a hand-edited journal. They stay in the journal,
/// are shown and exported, and count for nothing in adherence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormerTicks {
    pub id: String,
    /// What to call it: its last label, or the id itself when no plan knew it.
    pub label: String,
    pub count: u32,
    /// False when no plan the patient had knows the id (probably a typo).
    pub known: bool,
}

impl FormerTicks {
    /// "no longer in your plan", or "in no plan: a typo in the journal file?".
    pub fn why(&self) -> &'static str {
        if self.known {
            "no longer in your plan"
        } else {
            "in no plan: a typo in the journal file?"
        }
    }
}

/// The ticks of `entry` for items not in `plan`, in id order.
pub fn former_ticks(plan: &CarePlan, entry: Option<&DayEntry>) -> Vec<FormerTicks> {
    let Some(entry) = entry else {
        return Vec::new();
    };
    entry
        .items()
        .filter_map(|(id, _)| {
            let (label, known) = match plan.former_item(id) {
                Former::InPlan => return None,
                Former::NoLonger(label) => (label, true),
                Former::Unknown => (id.to_string(), false),
            };
            Some(FormerTicks {
                id: id.to_string(),
                label,
                count: entry.count(id),
                known,
            })
        })
        .collect()
}

/// The share of a day's plan that was done, 0.0 to 1.0: the mean of each item's share, so
/// eight glasses of water weigh as much as one sunscreen. As-needed items (the ice pack)
/// are left out: not needing them is not falling short. `None` when nothing counted.
pub fn adherence(items: &[ItemProgress<'_>]) -> Option<f64> {
    let counted: Vec<f64> = items
        .iter()
        .filter(|p| !p.item.as_needed)
        .map(ItemProgress::fraction)
        .collect();
    if counted.is_empty() {
        return None;
    }
    Some(counted.iter().sum::<f64>() / counted.len() as f64)
}

/// A restriction at one instant.
#[derive(Debug, Clone, PartialEq)]
pub struct RestrictionStatus<'a> {
    pub restriction: &'a Restriction,
    pub ends_at: Timestamp,
    /// Time still to wait; never negative, zero once lifted.
    pub left: SignedDuration,
    /// How much of the window has passed, clamped to 0.0..=1.0 (safe for a gauge).
    pub passed: f64,
}

impl RestrictionStatus<'_> {
    pub fn lifted(&self) -> bool {
        self.left.is_zero()
    }
}

/// Every restriction of the plan, measured from `treatment`, as it stands at `at`.
///
/// If the clock reads earlier than the treatment (a clock set back, or a treatment entered
/// in the future), nothing has passed yet: the full window is left, never more.
pub fn restrictions_at<'a>(
    plan: &'a CarePlan,
    treatment: &Treatment,
    at: Timestamp,
) -> Vec<RestrictionStatus<'a>> {
    plan.for_treatment(treatment)
        .restrictions
        .iter()
        .map(|restriction| {
            let window = SignedDuration::from_hours(i64::from(restriction.hours));
            let ends_at = treatment
                .at
                .instant
                .saturating_add(window)
                .expect("in range");
            let passed = at
                .duration_since(treatment.at.instant)
                .clamp(SignedDuration::ZERO, window);
            let left = window - passed;
            let fraction = if window.is_zero() {
                1.0
            } else {
                (passed.as_secs_f64() / window.as_secs_f64()).clamp(0.0, 1.0)
            };
            RestrictionStatus {
                restriction,
                ends_at,
                left,
                passed: fraction,
            }
        })
        .collect()
}

/// When the plan suggests the session after `latest`: its first and last day (`None` only
/// past the end of the calendar). The one rule the Today screen, History and export share.
pub fn next_session_window(plan: &CarePlan, latest: &Treatment) -> Option<(Date, Date)> {
    let plan = plan.for_treatment(latest);
    let date = latest.at.date();
    let add = |days: u32| {
        date.checked_add(jiff::Span::new().days(i64::from(days)))
            .ok()
    };
    Some((
        add(plan.next_session.from_days)?,
        add(plan.next_session.to_days)?,
    ))
}

/// A duration as a patient reads it: "13 d 4 h", "5 h 12 m", "4 m 09 s".
pub fn format_left(left: SignedDuration) -> String {
    let secs = left.as_secs().max(0);
    let (days, hours, minutes, seconds) =
        (secs / 86_400, secs / 3_600 % 24, secs / 60 % 60, secs % 60);
    if days > 0 {
        format!("{days} d {hours} h")
    } else if hours > 0 {
        format!("{hours} h {minutes:02} m")
    } else {
        format!("{minutes} m {seconds:02} s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Stamp;

    fn treatment(at: &str) -> Treatment {
        Treatment::new(at.parse::<Stamp>().unwrap(), "", "")
    }

    #[test]
    fn format_left_picks_the_two_largest_units() {
        assert_eq!(
            format_left(SignedDuration::from_secs(13 * 86_400 + 4 * 3_600 + 59)),
            "13 d 4 h"
        );
        assert_eq!(
            format_left(SignedDuration::from_secs(5 * 3_600 + 12 * 60)),
            "5 h 12 m"
        );
        assert_eq!(
            format_left(SignedDuration::from_secs(4 * 60 + 9)),
            "4 m 09 s"
        );
        assert_eq!(format_left(SignedDuration::from_secs(-5)), "0 m 00 s");
    }

    #[test]
    fn restriction_before_treatment_shows_full_window_not_more() {
        let plan = CarePlan::builtin();
        let t = treatment("2027-03-14T09:00:00+01:00");
        let before: Timestamp = "2027-03-14T07:00:00Z".parse().unwrap();
        for status in restrictions_at(&plan, &t, before) {
            assert_eq!(
                status.left,
                SignedDuration::from_hours(i64::from(status.restriction.hours))
            );
            assert_eq!(status.passed, 0.0);
        }
    }
}
