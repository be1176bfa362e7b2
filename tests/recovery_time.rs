//! Day numbers and restriction countdowns, computed from an injected clock.

mod common;

use aftercare::domain::recovery::{day_number, format_left, restrictions_at};
use aftercare::domain::time::{Clock, FixedClock};
use jiff::SignedDuration;
use jiff::civil::date;

#[test]
fn day_number_counts_local_calendar_days_from_the_treatment() {
    let t = common::treatment("2027-03-14T18:00:00+01:00");
    assert_eq!(
        day_number(&t, date(2027, 3, 13)),
        None,
        "before the treatment"
    );
    assert_eq!(day_number(&t, date(2027, 3, 14)), Some(0));
    assert_eq!(
        day_number(&t, date(2027, 3, 15)),
        Some(1),
        "even less than 24 h later"
    );
    assert_eq!(day_number(&t, date(2027, 4, 14)), Some(31));
}

#[test]
fn makeup_restriction_counts_down_and_lifts_exactly_at_24_hours() {
    let plan = aftercare::journal::builtin_plan().clone();
    let t = common::treatment("2027-03-14T09:00:00+01:00");
    let clock = FixedClock::at("2027-03-14T14:48:00+01:00[Europe/Paris]");
    let makeup = |clock: &FixedClock| {
        restrictions_at(&plan, &t, clock.now().timestamp())
            .into_iter()
            .find(|s| s.restriction.id == "makeup")
            .unwrap()
    };

    let status = makeup(&clock);
    assert_eq!(format_left(status.left), "18 h 12 m");
    assert!(!status.lifted());
    assert!((status.passed - 5.8 / 24.0).abs() < 1e-9);

    clock.set("2027-03-15T08:59:59+01:00[Europe/Paris]");
    let status = makeup(&clock);
    assert_eq!(status.left, SignedDuration::from_secs(1));
    assert!(!status.lifted());

    clock.set("2027-03-15T09:00:00+01:00[Europe/Paris]");
    let status = makeup(&clock);
    assert!(status.lifted());
    assert_eq!(status.passed, 1.0);

    clock.set("2027-04-30T09:00:00+02:00[Europe/Paris]");
    let status = makeup(&clock);
    assert!(status.lifted(), "stays lifted");
    assert_eq!(status.left, SignedDuration::ZERO, "never negative");
    assert_eq!(status.passed, 1.0, "gauge input stays within 0..=1");
}

#[test]
fn peels_restriction_holds_two_weeks() {
    let plan = aftercare::journal::builtin_plan().clone();
    let t = common::treatment("2027-03-14T09:00:00+01:00");
    let at = |text: &str| text.parse::<jiff::Timestamp>().unwrap();
    let peels = |instant| {
        restrictions_at(&plan, &t, instant)
            .into_iter()
            .find(|s| s.restriction.id == "peels")
            .unwrap()
    };
    assert!(!peels(at("2027-03-28T07:59:59Z")).lifted());
    assert!(peels(at("2027-03-28T08:00:00Z")).lifted());
}
