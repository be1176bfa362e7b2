//! The calendar export (iCalendar, RFC 5545), for the patient's phone: an event at the
//! moment each restriction passes its minimum, and an all-day span for the window the plan
//! suggests for the next session. With `--reminders`, each event carries an alarm.
//!
//! Written with the `icalendar` crate (it folds long lines and escapes commas, semicolons
//! and line breaks in text, which a hand-written writer gets wrong). Times are UTC instants
//! (`…Z`), so the file needs no time-zone definitions and a phone shows them in its own
//! zone, DST included. UIDs are stable, so importing the file again updates the events
//! instead of adding copies: a restriction's event is named by the treatment's local date
//! and the restriction's id; the next-session window has one UID for good, so after a new
//! treatment it moves.

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Property};
use jiff::{SignedDuration, Timestamp};

use crate::domain::model::Treatment;
use crate::domain::plan::Restriction;

use super::History;

/// The UID of the next-session window (one at a time, so it never changes).
pub const NEXT_SESSION_UID: &str = "next-session@aftercare";

/// The UID of a restriction's end after a treatment.
pub fn restriction_uid(treatment: &Treatment, restriction: &Restriction) -> String {
    format!(
        "{}-{}@aftercare",
        treatment.at.date().strftime("%Y%m%d"),
        restriction.id
    )
}

fn utc(at: Timestamp) -> DateTime<Utc> {
    DateTime::from_timestamp(at.as_second(), 0).unwrap_or_default()
}

fn naive(date: jiff::civil::Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(
        i32::from(date.year()),
        date.month().unsigned_abs().into(),
        date.day().unsigned_abs().into(),
    )
    .unwrap_or_default()
}

pub(super) fn render(history: &History, alarms: bool) -> String {
    let stamp = utc(history.generated.timestamp());
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            "-//aftercare//aftercare export//EN",
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .name("aftercare");

    let treatments = history
        .treatments
        .iter()
        .filter(|t| history.since.is_none_or(|since| t.at.date() >= since));
    for treatment in treatments {
        for restriction in &history.plan.restrictions {
            let end = treatment
                .at
                .instant
                .saturating_add(SignedDuration::from_hours(i64::from(restriction.hours)))
                .unwrap_or(treatment.at.instant);
            let mut description = format!(
                "At least {} h after the treatment of {}: {}",
                restriction.hours,
                // In the export's zone, like the report: one clock for every time.
                history.clock.date_time(
                    history
                        .generated
                        .time_zone()
                        .to_datetime(treatment.at.instant)
                ),
                restriction.hint
            );
            if restriction.is_our_default() && !restriction.hint.contains("default") {
                description.push_str(" (our default: the tip gives no number)");
            }
            description.push_str("\nYour dermatologist's instructions come first. From aftercare.");
            let summary = format!("{}: minimum wait over", restriction.label);
            let uid = restriction_uid(treatment, restriction);
            let mut event = Event::new();
            event
                .uid(&uid)
                .timestamp(stamp)
                .summary(&summary)
                .description(&description)
                .starts(utc(end))
                .add_property("TRANSP", "TRANSPARENT");
            if alarms {
                event.alarm(alarm(&uid, &summary, chrono::Duration::zero(), stamp));
            }
            calendar.push(event.done());
        }
    }

    if let (Some((from, to)), Some(latest)) = (history.next_session, history.treatments.last()) {
        let summary = "Next microneedling session: suggested window";
        let description = format!(
            "{from} to {to}, {} to {} days after the treatment of {}, by the care plan's \
             default spacing. Your dermatologist decides whether and when. From aftercare.",
            history.plan.next_session.from_days,
            history.plan.next_session.to_days,
            latest.at.date()
        );
        let mut event = Event::new();
        event
            .uid(NEXT_SESSION_UID)
            .timestamp(stamp)
            .summary(summary)
            .description(&description)
            .all_day(naive(from))
            // DTEND of an all-day event is exclusive: the day after the window's last day.
            .ends(naive(to.tomorrow().unwrap_or(to)))
            .add_property("TRANSP", "TRANSPARENT");
        if alarms {
            // 09:00 on the window's first day.
            event.alarm(alarm(
                NEXT_SESSION_UID,
                summary,
                chrono::Duration::hours(9),
                stamp,
            ));
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

/// A display alarm `after` the event's start. The crate writes every component with a
/// DTSTAMP and a UID, alarms included; both are given here so the file is the same on
/// every run (calendars ignore them in an alarm).
fn alarm(uid: &str, text: &str, after: chrono::Duration, stamp: DateTime<Utc>) -> Alarm {
    let mut alarm = Alarm::display(text, after);
    alarm.timestamp(stamp).uid(&format!("alarm-{uid}"));
    alarm.done()
}
