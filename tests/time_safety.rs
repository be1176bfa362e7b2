//! Issue 5, time: calendar days are the patient's local days, restrictions are real hours,
//! across DST (23 h, 25 h and Lord Howe's half-hour days), travel, and a clock set back.

mod common;

use std::time::Duration;

use aftercare::domain::recovery::{day_number, format_left, restrictions_at};
use aftercare::journal::care::{self, CareError, TickChange};
use aftercare::tui::app::Action;
use jiff::civil::date;
use jiff::{SignedDuration, Timestamp, ZonedDateTime};

use common::{app, count, select, treatment};

fn zoned(text: &str) -> ZonedDateTime {
    text.parse().unwrap()
}

/// Time left on a restriction of the built-in plan at `at`.
fn left(id: &str, treated: &str, at: &str) -> SignedDuration {
    let plan = aftercare::journal::builtin_plan().clone();
    restrictions_at(&plan, &treatment(treated), zoned(at).timestamp())
        .into_iter()
        .find(|s| s.restriction.id == id)
        .unwrap()
        .left
}

/// The 24-hour makeup restriction has 30 minutes left just before `lifts_at`, none at it.
fn assert_makeup_lifts(treated: &str, lifts_at: &str) {
    let half_hour_before = zoned(lifts_at) - SignedDuration::from_mins(30);
    let at = half_hour_before.to_string();
    assert_eq!(
        left("makeup", treated, &at),
        SignedDuration::from_mins(30),
        "at {at}"
    );
    assert!(left("makeup", treated, lifts_at).is_zero(), "at {lifts_at}");
}

#[test]
fn a_23_hour_day_new_york_spring_forward() {
    // 2027-03-14 02:00 EST jumps to 03:00 EDT. 24 real hours after 20:00 EST is 21:00 EDT.
    let treated = "2027-03-13T20:00:00-05:00";
    assert_makeup_lifts(treated, "2027-03-14T21:00:00[America/New_York]");
    let t = treatment(treated);
    assert_eq!(day_number(&t, date(2027, 3, 14)), Some(1));
    assert_eq!(day_number(&t, date(2027, 3, 15)), Some(2));
}

#[test]
fn a_25_hour_day_new_york_fall_back() {
    // 2027-11-07 02:00 EDT falls back to 01:00 EST. 24 real hours after 20:00 EDT is 19:00 EST.
    let treated = "2027-11-06T20:00:00-04:00";
    assert_makeup_lifts(treated, "2027-11-07T19:00:00[America/New_York]");
    assert_eq!(day_number(&treatment(treated), date(2027, 11, 8)), Some(2));
}

#[test]
fn lord_howe_half_hour_changes() {
    // 2027-04-04 02:00 +11 falls back to 01:30 +10:30: a 24 h 30 m day.
    let treated = "2027-04-03T12:00:00+11:00";
    assert_eq!(
        left(
            "makeup",
            treated,
            "2027-04-04T11:00:00[Australia/Lord_Howe]"
        ),
        SignedDuration::from_mins(30)
    );
    assert_eq!(day_number(&treatment(treated), date(2027, 4, 4)), Some(1));
    // 2027-10-03 02:00 +10:30 springs to 02:30 +11: a 23 h 30 m day.
    let treated = "2027-10-02T12:00:00+10:30";
    assert_eq!(
        left(
            "makeup",
            treated,
            "2027-10-03T12:00:00[Australia/Lord_Howe]"
        ),
        SignedDuration::from_mins(30)
    );
}

#[test]
fn travel_keeps_past_days_and_counts_days_where_the_patient_is() {
    // Treated in Paris in the morning; that evening in New York it is already the next
    // day in Paris, but still day 0 where the patient is.
    let t = treatment("2027-03-14T09:00:00+01:00");
    let now = zoned("2027-03-14T22:00:00[America/New_York]");
    assert_eq!(day_number(&t, now.date()), Some(0));
    assert_eq!(
        t.at.date(),
        date(2027, 3, 14),
        "the treatment's date is never recomputed"
    );
    // Restrictions are real hours wherever the patient is: 24 h after 08:00 UTC.
    assert_eq!(
        left(
            "makeup",
            "2027-03-14T09:00:00+01:00",
            "2027-03-14T22:00:00[America/New_York]"
        ),
        SignedDuration::from_hours(6)
    );
}

#[test]
fn a_clock_before_the_treatment_never_shows_negative_or_extra_time() {
    let treated = "2027-03-14T09:00:00-04:00";
    let early = "2027-03-10T09:00:00[America/New_York]";
    assert_eq!(
        left("makeup", treated, early),
        SignedDuration::from_hours(24)
    );
    assert!(!format_left(SignedDuration::from_secs(-3600)).contains('-'));
    let plan = aftercare::journal::builtin_plan().clone();
    for status in restrictions_at(&plan, &treatment(treated), Timestamp::MIN) {
        assert!(!status.left.is_negative());
        assert!((0.0..=1.0).contains(&status.passed));
    }
}

#[test]
fn a_future_day_is_refused_by_the_domain() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = common::writable(dir.path());
    let now = zoned("2027-03-14T23:59:00[America/New_York]");
    let plan = aftercare::journal::builtin_plan().clone();
    let err = care::tick(
        &mut journal,
        &plan,
        "water",
        date(2027, 3, 15),
        TickChange::Add(1),
        &now,
    )
    .unwrap_err();
    assert!(matches!(err, CareError::FutureDate { .. }), "{err}");
    assert!(!journal.has_unsaved_changes());
}

const TREATED: &str = "2027-03-13T10:00:00-05:00";

#[test]
fn app_rolls_over_at_local_midnight_on_a_dst_day() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, clock) = app(dir.path(), TREATED, "2027-03-13T23:59:30[America/New_York]");
    assert_eq!(app.day_number(), Some(0));
    clock.advance(Duration::from_secs(60));
    app.update(Action::Tick);
    assert_eq!(app.date(), date(2027, 3, 14));
    assert_eq!(app.day_number(), Some(1));
    // The 23-hour day: 23 real hours after 00:00:30 it is 00:00:30 the next day.
    clock.advance(Duration::from_secs(23 * 3600));
    app.update(Action::Tick);
    assert_eq!(app.now().time(), jiff::civil::time(0, 0, 30, 0));
    assert_eq!(app.date(), date(2027, 3, 15));
    select(&mut app, "water");
    app.update(Action::Press);
    assert_eq!(
        app.journal().day(date(2027, 3, 15)).unwrap().count("water"),
        1
    );
}

#[test]
fn app_follows_a_change_of_time_zone() {
    let dir = tempfile::tempdir().unwrap();
    // Late evening in New York on the 14th is already the 15th in Paris.
    let (mut app, clock) = app(dir.path(), TREATED, "2027-03-14T22:00:00[America/New_York]");
    clock.set("2027-03-15T04:00:00[Europe/Paris]"); // same instant, after a flight
    app.update(Action::Tick);
    assert_eq!(app.date(), date(2027, 3, 15));
    select(&mut app, "water");
    app.update(Action::Press);
    let stamps = &app.journal().day(date(2027, 3, 15)).unwrap().ticks["water"];
    assert_eq!(stamps[0].at.to_string(), "2027-03-15T04:00:00+01:00");
}

#[test]
fn app_never_files_on_a_future_day_when_the_clock_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, clock) = app(dir.path(), TREATED, "2027-03-15T00:05:00[America/New_York]");
    select(&mut app, "ice");
    app.update(Action::ToggleTimer);
    assert!(app.timer().is_some());
    clock.advance(Duration::from_secs(12 * 60));
    clock.set("2027-03-14T23:50:00[America/New_York]"); // NTP sets the clock back
    app.update(Action::Tick);
    assert_eq!(
        app.date(),
        date(2027, 3, 14),
        "the day shown follows the clock back"
    );
    assert_eq!(
        count(&app, "ice"),
        1,
        "the session is filed today, not tomorrow"
    );
    assert!(app.journal().day(date(2027, 3, 15)).is_none());
    assert!(!app.journal().has_unsaved_changes());
}

#[test]
fn a_timer_ignores_the_wall_clock_jumping() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, clock) = app(dir.path(), TREATED, "2027-03-14T10:00:00[America/New_York]");
    select(&mut app, "ice");
    app.update(Action::ToggleTimer);
    clock.set("2027-03-14T15:00:00[America/New_York]"); // wall clock jumps 5 h ahead
    app.update(Action::Tick);
    assert!(
        app.timer().is_some(),
        "a jump of the wall clock does not end a timer"
    );
    assert_eq!(app.timer_left(), Some(Duration::from_secs(12 * 60)));
}
