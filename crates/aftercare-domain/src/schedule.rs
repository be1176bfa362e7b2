//! When an item is on the checklist, to the hour: its days after the treatment, its own
//! hours, and the restrictions that forbid it.
//!
//! Items used to follow calendar days while restrictions counted hours, so on the morning
//! after an evening treatment the checklist asked for sunscreen while "no skincare
//! products" still held. Here one rule decides both: an item that a restriction forbids
//! starts only when that restriction lifts (or is asked for in its `while_restricted`
//! form meanwhile), so the checklist never asks for what a restriction forbids.
//!
//! Calendar days are cut in the treatment's own UTC offset: an item that starts at hour 24
//! is on the day that hour falls on where the treatment was logged.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use crate::model::Treatment;
use crate::plan::{CarePlan, Item, Restriction, WhileRestricted};
use crate::time::days_between;

/// Days after the treatment (0 on its local date); `None` before it.
fn day_number(treatment: &Treatment, date: Date) -> Option<u32> {
    u32::try_from(days_between(treatment.at.date(), date)).ok()
}

/// How an item reads at one instant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Form<'a> {
    /// As the plan names it.
    Usual,
    /// A restriction that forbids the item holds: do this instead.
    Restricted {
        by: &'a Restriction,
        instead: &'a WhileRestricted,
    },
}

/// The instant a restriction lifts: its hours after the treatment, in real hours.
pub fn lifts_at(restriction: &Restriction, treated: Timestamp) -> Timestamp {
    after(treated, restriction.hours)
}

fn after(treated: Timestamp, hours: u32) -> Timestamp {
    treated
        .saturating_add(SignedDuration::from_hours(i64::from(hours)))
        .expect("a whole number of hours never overflows a timestamp")
}

/// The restrictions that forbid `item` and still hold at `at`.
pub fn forbidding<'a>(
    plan: &'a CarePlan,
    item: &Item,
    treated: Timestamp,
    at: Timestamp,
) -> impl Iterator<Item = &'a Restriction> {
    let id = item.id.clone();
    plan.restrictions.iter().filter(move |r| {
        r.forbids.iter().any(|f| f.eq_ignore_ascii_case(&id)) && at < lifts_at(r, treated)
    })
}

/// When an item starts, leaving its days aside: its own `hours.from`, and for an item with
/// no `while_restricted` form, the moment the last restriction forbidding it lifts.
pub fn starts_at(plan: &CarePlan, item: &Item, treated: Timestamp) -> Timestamp {
    let own = after(treated, item.hours.map_or(0, |h| h.from));
    if item.while_restricted.is_some() {
        return own;
    }
    plan.restrictions
        .iter()
        .filter(|r| r.forbids.iter().any(|f| f.eq_ignore_ascii_case(&item.id)))
        .map(|r| lifts_at(r, treated))
        .fold(own, Timestamp::max)
}

/// When an item ends by the hour (`hours.to`), if it does.
pub fn ends_at(item: &Item, treated: Timestamp) -> Option<Timestamp> {
    item.hours.and_then(|h| h.to).map(|to| after(treated, to))
}

/// How the item reads at `at`: in its `while_restricted` form while a restriction that
/// forbids it holds, else as usual.
pub fn form_at<'a>(
    plan: &'a CarePlan,
    item: &'a Item,
    treated: Timestamp,
    at: Timestamp,
) -> Form<'a> {
    match (
        &item.while_restricted,
        forbidding(plan, item, treated, at).next(),
    ) {
        (Some(instead), Some(by)) => Form::Restricted { by, instead },
        _ => Form::Usual,
    }
}

/// The first and last instant of a calendar day, cut in the treatment's offset.
pub fn day_bounds(treatment: &Treatment, date: Date) -> (Timestamp, Timestamp) {
    let zone = TimeZone::fixed(treatment.at.offset);
    let start = |d: Date| {
        d.to_zoned_datetime(zone.clone())
            .map_or(treatment.at.instant, |z| z.timestamp())
    };
    let end = date.tomorrow().map_or(Timestamp::MAX, |next| {
        start(next) - SignedDuration::from_secs(1)
    });
    (start(date), end)
}

/// One item on the checklist of a day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scheduled<'a> {
    pub item: &'a Item,
    pub form: Form<'a>,
}

impl<'a> Scheduled<'a> {
    /// The label as the checklist asks for it now.
    pub fn label(&self) -> &'a str {
        match self.form {
            Form::Usual => &self.item.label,
            Form::Restricted { instead, .. } => &instead.label,
        }
    }

    /// The hint as it applies now.
    pub fn hint(&self) -> &'a str {
        match self.form {
            Form::Usual => &self.item.hint,
            Form::Restricted { instead, .. } if instead.hint.is_empty() => &self.item.hint,
            Form::Restricted { instead, .. } => &instead.hint,
        }
    }
}

/// The checklist of `date` as of `at` (now for today; the day's last second for a past
/// day): the items whose days include the day, that have started by `at` and had not
/// ended before the day began, each in the form it has at `at`.
pub fn items_for_day<'a>(
    plan: &'a CarePlan,
    treatment: &Treatment,
    date: Date,
    at: Timestamp,
) -> Vec<Scheduled<'a>> {
    let plan = plan.for_treatment(treatment);
    let treated = treatment.at.instant;
    let (day, start, until) = match day_number(treatment, date) {
        Some(day) => {
            let (start, end) = day_bounds(treatment, date);
            (day, start, at.min(end))
        }
        // Recorded where the date is already tomorrow (a session in Tokyo seen from Los
        // Angeles), but it has happened: it is today's treatment, day 0.
        None if at >= treated => (0, treated, at),
        None => return Vec::new(),
    };
    plan.items_on(day)
        .filter(|item| starts_at(plan, item, treated) <= until)
        .filter(|item| ends_at(item, treated).is_none_or(|ends| ends > start))
        .map(|item| Scheduled {
            item,
            form: form_at(plan, item, treated, until),
        })
        .collect()
}

/// The items of `date` that start after `at` but before the day ends, with the instant
/// each starts: "later today" on the Today screen.
pub fn later_on_day<'a>(
    plan: &'a CarePlan,
    treatment: &Treatment,
    date: Date,
    at: Timestamp,
) -> Vec<(&'a Item, Timestamp)> {
    let plan = plan.for_treatment(treatment);
    let treated = treatment.at.instant;
    let (day, end) = match day_number(treatment, date) {
        Some(day) => (day, day_bounds(treatment, date).1),
        None if at >= treated => (0, day_bounds(treatment, treatment.at.date()).1),
        None => return Vec::new(),
    };
    plan.items_on(day)
        .map(|item| (item, starts_at(plan, item, treated)))
        .filter(|(_, starts)| *starts > at && *starts <= end)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Stamp;

    fn treatment(at: &str) -> Treatment {
        Treatment::new(at.parse::<Stamp>().unwrap(), "", "")
    }

    fn ids(list: &[Scheduled<'_>]) -> Vec<String> {
        list.iter().map(|s| s.item.id.clone()).collect()
    }

    #[test]
    fn sunscreen_waits_for_the_products_restriction_on_the_morning_after() {
        let plan = CarePlan::builtin();
        let t = treatment("2027-03-14T17:00:00+01:00");
        let morning: Timestamp = "2027-03-15T10:18:00+01:00".parse().unwrap();
        let list = items_for_day(&plan, &t, jiff::civil::date(2027, 3, 15), morning);
        assert!(!ids(&list).contains(&"sunscreen".to_string()));
        assert!(!ids(&list).contains(&"cleanser".to_string()));
        assert!(!ids(&list).contains(&"moisturiser".to_string()));
        let product = list.iter().find(|s| s.item.id == "clinic-product").unwrap();
        assert_eq!(
            product.label(),
            "If your clinic gave you a product: only that"
        );
        let later = later_on_day(&plan, &t, jiff::civil::date(2027, 3, 15), morning);
        let later: Vec<&str> = later.iter().map(|(i, _)| i.id.as_str()).collect();
        assert_eq!(later, ["moisturiser", "sunscreen", "cleanser"]);

        let evening: Timestamp = "2027-03-15T17:00:00+01:00".parse().unwrap();
        let list = items_for_day(&plan, &t, jiff::civil::date(2027, 3, 15), evening);
        assert!(ids(&list).contains(&"sunscreen".to_string()));
        let moisturiser = list.iter().find(|s| s.item.id == "moisturiser").unwrap();
        assert_eq!(moisturiser.label(), "Hydrating moisturiser");
    }

    #[test]
    fn a_past_day_counts_an_item_that_started_during_it() {
        let plan = CarePlan::builtin();
        let t = treatment("2027-03-14T17:00:00+01:00");
        let much_later: Timestamp = "2027-04-01T12:00:00+02:00".parse().unwrap();
        let day1 = items_for_day(&plan, &t, jiff::civil::date(2027, 3, 15), much_later);
        assert!(ids(&day1).contains(&"sunscreen".to_string()));
        let day0 = items_for_day(&plan, &t, jiff::civil::date(2027, 3, 14), much_later);
        assert!(!ids(&day0).contains(&"sunscreen".to_string()));
    }

    #[test]
    fn hours_start_and_end_an_item_within_its_days() {
        let mut plan = CarePlan::builtin();
        let water = plan.items.iter_mut().find(|i| i.id == "water").unwrap();
        water.hours = Some(crate::plan::HourRange {
            from: 6,
            to: Some(30),
        });
        let t = treatment("2027-03-14T09:00:00+01:00");
        let at = |s: &str| s.parse::<Timestamp>().unwrap();
        let day0 = jiff::civil::date(2027, 3, 14);
        let has_water = |date, when: &str| {
            ids(&items_for_day(&plan, &t, date, at(when))).contains(&"water".to_string())
        };
        assert!(!has_water(day0, "2027-03-14T14:59:00+01:00"));
        assert!(has_water(day0, "2027-03-14T15:00:00+01:00"));
        let day1 = jiff::civil::date(2027, 3, 15);
        assert!(has_water(day1, "2027-03-15T16:00:00+01:00"));
        let day2 = jiff::civil::date(2027, 3, 16);
        assert!(!has_water(day2, "2027-03-16T08:00:00+01:00"));
    }
}
