//! What is due *now*: the reminders `aftercare remind` delivers, worked out from the plan,
//! the journal, the running timer and the settings, at an instant passed in.
//!
//! Each kind of reminder comes from a [`Source`]: a restriction passing its minimum, a
//! timer ending, the evening reminder of today's open care, the next-session window
//! opening or being missed. A new kind (the urgent alerts of the care-and-alerts work, a
//! spacing rule for as-needed items) plugs in as one more `Source`; [`decide`] does not
//! change. Every reminder has a stable `key`, so the caller can remember what it delivered
//! and deliver each exactly once, however often it runs.
//!
//! A reminder is a candidate from the moment it is due until it `expires` (an evening
//! reminder is pointless tomorrow, a restriction that lifted a week ago is old news). One
//! that fell due while the machine slept, or during quiet hours, is *missed*: [`decide`]
//! marks it so the caller can summarise them instead of ringing once for each.

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ZonedDateTime};
use serde::Serialize;

use crate::model::Treatment;
use crate::plan::{CarePlan, Restriction};
use crate::time::Stamp;

use crate::timer::RunningTimer;

/// A reminder due this long ago (or more) was missed: the scheduler runs every few
/// minutes, so it was asleep, switched off, or holding back for quiet hours.
pub const MISSED_AFTER: SignedDuration = SignedDuration::from_mins(15);

/// How long a restriction's "minimum time passed" stays worth telling.
pub const RESTRICTION_NEWS_FOR: SignedDuration = SignedDuration::from_hours(24);

/// How long a timer's end stays worth telling.
pub const TIMER_NEWS_FOR: SignedDuration = SignedDuration::from_hours(12);

/// How long after the window closes "the next session is overdue" is still told.
pub const MISSED_SESSION_NEWS_DAYS: i64 = 7;

/// The local time of day at which date-only reminders (the next-session window) fall due.
pub const MORNING: Time = Time::constant(9, 0, 0, 0);

/// The kinds of reminder, each of which the patient can switch off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A restriction has passed its minimum time.
    Restriction,
    /// A timed item's timer has ended.
    Timer,
    /// Today's care is still open in the evening.
    Evening,
    /// The next session's window opened, or closed without a session.
    NextSession,
    /// An urgent alert, at most once a day (fed by the care-and-alerts logic).
    Alert,
}

impl Kind {
    /// The name used in `--json` and in the settings file.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Restriction => "restriction",
            Kind::Timer => "timer",
            Kind::Evening => "evening",
            Kind::NextSession => "next-session",
            Kind::Alert => "alert",
        }
    }
}

/// One thing to tell the patient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    /// Stable identity: the same event always has the same key, so it is delivered once.
    pub key: String,
    pub kind: Kind,
    /// When it fell due.
    pub due: Timestamp,
    /// After this it is no longer delivered (still due, but stale).
    pub expires: Timestamp,
    /// The notification's title, e.g. "Makeup and skincare products".
    pub summary: String,
    /// The notification's text, e.g. "24 h since your session — minimum time passed".
    pub body: String,
}

impl Reminder {
    /// The one plain line printed on stdout: `summary: body`.
    pub fn line(&self) -> String {
        format!("{}: {}", self.summary, self.body)
    }

    /// Whether it fell due long enough before `now` that it was missed (asleep, quiet).
    /// An alert never is: it is due from the start of its day only because it is a
    /// date's alert (a sign logged at 19:00 carries no earlier time), and while it holds
    /// it is news — "missed, due 00:00" would be false, and would fold a call-your-clinic
    /// into the "while you were away" summary.
    pub fn missed(&self, now: Timestamp) -> bool {
        self.kind != Kind::Alert && now.duration_since(self.due) >= MISSED_AFTER
    }
}

/// Anything that knows of reminders: returns every one that is due at `now` or earlier
/// and has not expired (delivered or not; [`decide`] filters those).
pub trait Source {
    fn due(&self, now: &ZonedDateTime) -> Vec<Reminder>;
}

/// Quiet hours: nothing is delivered from `start` to `end` (local time); what falls due
/// meanwhile waits and is delivered, summarised, when they end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuietHours {
    pub start: Time,
    pub end: Time,
}

impl QuietHours {
    /// Whether `time` of day is quiet. A span over midnight (22:00–08:00) wraps; equal
    /// ends mean no quiet time at all.
    pub fn contains(self, time: Time) -> bool {
        if self.start <= self.end {
            self.start <= time && time < self.end
        } else {
            time >= self.start || time < self.end
        }
    }
}

/// What one run should deliver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// Due, not expired, not delivered before: oldest first.
    pub deliver: Vec<Reminder>,
    /// How many wait for the end of quiet hours (nothing is delivered then).
    pub held_back: usize,
}

/// Picks what to deliver at `now` from every source's candidates: nothing during quiet
/// hours; otherwise each due, unexpired reminder whose key `was_delivered` does not know,
/// once (two sources naming the same key count once).
pub fn decide(
    sources: &[&dyn Source],
    now: &ZonedDateTime,
    quiet: Option<QuietHours>,
    was_delivered: &dyn Fn(&str) -> bool,
) -> Decision {
    let at = now.timestamp();
    let mut fresh: Vec<Reminder> = sources
        .iter()
        .flat_map(|source| source.due(now))
        .filter(|r| r.due <= at && at < r.expires && !was_delivered(&r.key))
        .collect();
    fresh.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.key.cmp(&b.key)));
    fresh.dedup_by(|a, b| a.key == b.key);
    if quiet.is_some_and(|quiet| quiet.contains(now.time())) {
        return Decision {
            held_back: fresh.len(),
            deliver: Vec::new(),
        };
    }
    Decision {
        deliver: fresh,
        held_back: 0,
    }
}

/// Each restriction of the plan passing its minimum, counted from `treatment`.
pub struct RestrictionsPassed<'a> {
    pub plan: &'a CarePlan,
    pub treatment: &'a Treatment,
}

impl Source for RestrictionsPassed<'_> {
    fn due(&self, _now: &ZonedDateTime) -> Vec<Reminder> {
        self.plan
            .restrictions
            .iter()
            .map(|restriction| self.passed(restriction))
            .collect()
    }
}

impl RestrictionsPassed<'_> {
    fn passed(&self, restriction: &Restriction) -> Reminder {
        let due = add(
            self.treatment.at.instant,
            SignedDuration::from_hours(i64::from(restriction.hours)),
        );
        Reminder {
            key: format!("restriction:{}:{}", restriction.id, self.treatment.at),
            kind: Kind::Restriction,
            due,
            expires: add(due, RESTRICTION_NEWS_FOR),
            summary: restriction.label.clone(),
            body: format!(
                "{} since your session — minimum time passed",
                hours_in_words(restriction.hours)
            ),
        }
    }
}

/// "24 h", "3 days", "2 weeks": the window as the plan's tips say it.
fn hours_in_words(hours: u32) -> String {
    match hours {
        h if h % (24 * 7) == 0 && h >= 24 * 7 => plural(h / (24 * 7), "week"),
        h if h % 24 == 0 && h > 24 => plural(h / 24, "day"),
        h => format!("{h} h"),
    }
}

fn plural(n: u32, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// A running timer reaching its end.
pub struct TimerEnded<'a> {
    pub timer: &'a RunningTimer,
}

impl Source for TimerEnded<'_> {
    fn due(&self, _now: &ZonedDateTime) -> Vec<Reminder> {
        let timer = self.timer;
        vec![Reminder {
            key: format!("timer:{}:{}", timer.item_id, timer.ends),
            kind: Kind::Timer,
            due: timer.ends.instant,
            expires: add(timer.ends.instant, TIMER_NEWS_FOR),
            summary: timer.label.clone(),
            body: format!("{} min session over — time to take it off", timer.minutes()),
        }]
    }
}

/// The evening reminder of the care still open today: due at `at` local time on `date`,
/// never after that day ends. `open` is the labels of today's items not yet done (as the
/// journal stands now), out of `total`.
pub struct EveningCare {
    pub date: Date,
    pub at: Time,
    pub open: Vec<String>,
    pub total: usize,
}

/// How many open items the evening reminder names before "and N more".
const EVENING_NAMES: usize = 4;

impl Source for EveningCare {
    fn due(&self, now: &ZonedDateTime) -> Vec<Reminder> {
        if self.open.is_empty() {
            return Vec::new();
        }
        let zone = now.time_zone();
        let (Some(due), Some(day_end)) = (
            local_instant(self.date, self.at, zone),
            self.date
                .tomorrow()
                .ok()
                .and_then(|next| local_instant(next, Time::midnight(), zone)),
        ) else {
            return Vec::new();
        };
        let mut names: Vec<&str> = self
            .open
            .iter()
            .take(EVENING_NAMES)
            .map(String::as_str)
            .collect();
        let more = self.open.len().saturating_sub(EVENING_NAMES);
        let more_text = format!("and {more} more");
        if more > 0 {
            names.push(&more_text);
        }
        vec![Reminder {
            key: format!("evening:{}", self.date),
            kind: Kind::Evening,
            due,
            expires: day_end,
            summary: "Today's care is still open".to_string(),
            body: format!(
                "{} of {} left — {}",
                self.open.len(),
                self.total,
                names.join(", ")
            ),
        }]
    }
}

/// The next session's suggested window (the plan's, counted from the latest treatment):
/// opening, and passing with no new session recorded.
pub struct NextSession<'a> {
    pub plan: &'a CarePlan,
    pub treatment: &'a Treatment,
}

impl Source for NextSession<'_> {
    fn due(&self, now: &ZonedDateTime) -> Vec<Reminder> {
        let zone = now.time_zone();
        let Some((from, to)) = crate::recovery::next_session_window(self.plan, self.treatment)
        else {
            return Vec::new();
        };
        let closed = to.tomorrow().unwrap_or(to);
        let stale = closed.saturating_add(jiff::Span::new().days(MISSED_SESSION_NEWS_DAYS));
        // (what, told from the morning of, until the midnight starting, message)
        let news = [
            (
                "open",
                from,
                closed,
                format!(
                    "the window studies suggest is open until {to} — your dermatologist decides whether and when"
                ),
            ),
            (
                "missed",
                closed,
                stale,
                format!(
                    "the suggested window closed on {to} with no session recorded — ask your clinic when to come back"
                ),
            ),
        ];
        let mut reminders = Vec::new();
        for (what, from_day, until_day, body) in news {
            if let (Some(due), Some(expires)) = (
                local_instant(from_day, MORNING, zone),
                local_instant(until_day, Time::midnight(), zone),
            ) {
                reminders.push(Reminder {
                    key: format!("next-session-{what}:{}", self.treatment.at),
                    kind: Kind::NextSession,
                    due,
                    expires,
                    summary: "Next session".to_string(),
                    body,
                });
            }
        }
        reminders
    }
}

/// An alert that must reach the patient at most once a day while it holds (a warning
/// sign logged, a severe score): the care-and-alerts logic builds these and passes them
/// in as one more source. Due from the start of `date`, expires at its end.
pub struct DailyAlert {
    /// Stable name of the alert (e.g. `fever`); with the date it forms the key.
    pub id: String,
    pub date: Date,
    pub summary: String,
    pub body: String,
}

impl Source for DailyAlert {
    fn due(&self, now: &ZonedDateTime) -> Vec<Reminder> {
        let zone = now.time_zone();
        let (Some(due), Some(expires)) = (
            local_instant(self.date, Time::midnight(), zone),
            self.date
                .tomorrow()
                .ok()
                .and_then(|next| local_instant(next, Time::midnight(), zone)),
        ) else {
            return Vec::new();
        };
        vec![Reminder {
            key: format!("alert:{}:{}", self.id, self.date),
            kind: Kind::Alert,
            due,
            expires,
            summary: self.summary.clone(),
            body: self.body.clone(),
        }]
    }
}

/// The instant of local `time` on `date` in `zone` (a time skipped by DST moves later, as
/// people expect); `None` only at the ends of the calendar.
fn local_instant(date: Date, time: Time, zone: &TimeZone) -> Option<Timestamp> {
    date.to_datetime(time)
        .to_zoned_datetime(zone.clone())
        .ok()
        .map(|zoned| zoned.timestamp())
}

fn add(at: Timestamp, duration: SignedDuration) -> Timestamp {
    at.saturating_add(duration).unwrap_or(at)
}

/// When a missed reminder was due, as its line says it: "14:05", or "2027-03-15 14:05"
/// when that was not today (in the patient's `clock`).
pub fn due_in_words(
    reminder: &Reminder,
    now: &ZonedDateTime,
    clock: crate::conventions::ClockStyle,
) -> String {
    let due = reminder.due.to_zoned_datetime(now.time_zone().clone());
    if due.date() == now.date() {
        clock.time(due.time())
    } else {
        clock.date_time(due.datetime())
    }
}

/// The stamp of a reminder's due time in `now`'s zone, for `--json`.
pub fn due_stamp(reminder: &Reminder, now: &ZonedDateTime) -> Stamp {
    Stamp::of(&reminder.due.to_zoned_datetime(now.time_zone().clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn treatment(at: &str) -> Treatment {
        Treatment::new(at.parse().unwrap(), "", "")
    }

    fn at(text: &str) -> ZonedDateTime {
        text.parse().unwrap()
    }

    fn keys(decision: &Decision) -> Vec<&str> {
        decision.deliver.iter().map(|r| r.key.as_str()).collect()
    }

    const NOTHING: &dyn Fn(&str) -> bool = &|_| false;

    #[test]
    fn restrictions_fall_due_at_their_minimum_and_not_before() {
        let plan = CarePlan::builtin();
        let t = treatment("2027-03-14T09:00:00+01:00");
        let source = RestrictionsPassed {
            plan: &plan,
            treatment: &t,
        };
        let before = decide(
            &[&source],
            &at("2027-03-15T08:59:59[Europe/Paris]"),
            None,
            NOTHING,
        );
        assert!(before.deliver.is_empty(), "{:?}", keys(&before));
        let after = decide(
            &[&source],
            &at("2027-03-15T09:00:00[Europe/Paris]"),
            None,
            NOTHING,
        );
        assert_eq!(
            keys(&after),
            [
                "restriction:makeup:2027-03-14T09:00:00+01:00",
                "restriction:sweat:2027-03-14T09:00:00+01:00"
            ]
        );
        assert_eq!(
            after.deliver[0].line(),
            "Makeup and skincare products: 24 h since your session — minimum time passed"
        );
        // The two-week window says it in weeks, as the tip does.
        let peels = decide(
            &[&source],
            &at("2027-03-28T10:00:00[Europe/Paris]"),
            None,
            NOTHING,
        );
        assert_eq!(
            peels.deliver[0].body,
            "2 weeks since your session — minimum time passed"
        );
    }

    #[test]
    fn delivered_keys_are_never_delivered_again() {
        let plan = CarePlan::builtin();
        let t = treatment("2027-03-14T09:00:00+01:00");
        let source = RestrictionsPassed {
            plan: &plan,
            treatment: &t,
        };
        let now = at("2027-03-15T09:01:00[Europe/Paris]");
        let first = decide(&[&source], &now, None, NOTHING);
        let delivered: Vec<String> = first.deliver.iter().map(|r| r.key.clone()).collect();
        let again = decide(&[&source], &now, None, &|key| {
            delivered.iter().any(|k| k == key)
        });
        assert!(again.deliver.is_empty());
    }

    #[test]
    fn quiet_hours_hold_everything_back_and_wrap_midnight() {
        let quiet = QuietHours {
            start: Time::constant(22, 0, 0, 0),
            end: Time::constant(8, 0, 0, 0),
        };
        assert!(quiet.contains(Time::constant(23, 0, 0, 0)));
        assert!(quiet.contains(Time::constant(7, 59, 0, 0)));
        assert!(!quiet.contains(Time::constant(8, 0, 0, 0)));
        assert!(!quiet.contains(Time::constant(21, 59, 0, 0)));
        let plan = CarePlan::builtin();
        let t = treatment("2027-03-14T02:00:00+01:00");
        let source = RestrictionsPassed {
            plan: &plan,
            treatment: &t,
        };
        let night = decide(
            &[&source],
            &at("2027-03-15T03:00:00[Europe/Paris]"),
            Some(quiet),
            NOTHING,
        );
        assert_eq!((night.deliver.len(), night.held_back), (0, 2));
        let morning = decide(
            &[&source],
            &at("2027-03-15T08:00:00[Europe/Paris]"),
            Some(quiet),
            NOTHING,
        );
        assert_eq!(morning.deliver.len(), 2);
        assert!(
            morning
                .deliver
                .iter()
                .all(|r| r.missed(at("2027-03-15T08:00:00[Europe/Paris]").timestamp()))
        );
    }

    #[test]
    fn evening_reminder_names_open_items_and_ends_with_the_day() {
        let source = EveningCare {
            date: jiff::civil::date(2027, 3, 15),
            at: Time::constant(20, 0, 0, 0),
            open: [
                "Water",
                "Sunscreen",
                "Cleanser",
                "Moisturiser",
                "Ice",
                "Hat",
            ]
            .map(String::from)
            .to_vec(),
            total: 9,
        };
        let zone = "[Europe/Paris]";
        assert!(
            decide(
                &[&source],
                &at(&format!("2027-03-15T19:59:00{zone}")),
                None,
                NOTHING
            )
            .deliver
            .is_empty()
        );
        let due = decide(
            &[&source],
            &at(&format!("2027-03-15T20:00:00{zone}")),
            None,
            NOTHING,
        );
        assert_eq!(
            due.deliver[0].line(),
            "Today's care is still open: 6 of 9 left — Water, Sunscreen, Cleanser, Moisturiser, and 2 more"
        );
        assert!(
            decide(
                &[&source],
                &at(&format!("2027-03-16T00:00:00{zone}")),
                None,
                NOTHING
            )
            .deliver
            .is_empty()
        );
        let done = EveningCare {
            open: Vec::new(),
            ..source
        };
        assert!(
            decide(
                &[&done],
                &at(&format!("2027-03-15T20:00:00{zone}")),
                None,
                NOTHING
            )
            .deliver
            .is_empty()
        );
    }

    #[test]
    fn next_session_window_opens_then_is_missed() {
        let plan = CarePlan::builtin(); // 28 to 42 days
        let t = treatment("2027-03-14T09:00:00+01:00");
        let source = NextSession {
            plan: &plan,
            treatment: &t,
        };
        let opened = decide(
            &[&source],
            &at("2027-04-11T09:00:00[Europe/Paris]"),
            None,
            NOTHING,
        );
        assert_eq!(
            keys(&opened),
            ["next-session-open:2027-03-14T09:00:00+01:00"]
        );
        assert!(opened.deliver[0].body.contains("until 2027-04-25"));
        let missed = decide(
            &[&source],
            &at("2027-04-26T10:00:00[Europe/Paris]"),
            None,
            NOTHING,
        );
        assert_eq!(
            keys(&missed),
            ["next-session-missed:2027-03-14T09:00:00+01:00"]
        );
        assert!(
            decide(
                &[&source],
                &at("2027-05-10T10:00:00[Europe/Paris]"),
                None,
                NOTHING
            )
            .deliver
            .is_empty()
        );
    }

    #[test]
    fn timer_end_is_due_at_its_end() {
        let timer = RunningTimer {
            version: 1,
            item_id: "ice".into(),
            label: "Ice pack in a soft cloth".into(),
            started: "2027-03-14T10:00:00+01:00".parse().unwrap(),
            ends: "2027-03-14T10:12:00+01:00".parse().unwrap(),
        };
        let source = TimerEnded { timer: &timer };
        assert!(
            decide(
                &[&source],
                &at("2027-03-14T10:11:59[Europe/Paris]"),
                None,
                NOTHING
            )
            .deliver
            .is_empty()
        );
        let ended = decide(
            &[&source],
            &at("2027-03-14T10:12:00[Europe/Paris]"),
            None,
            NOTHING,
        );
        assert_eq!(
            ended.deliver[0].line(),
            "Ice pack in a soft cloth: 12 min session over — time to take it off"
        );
    }

    #[test]
    fn a_daily_alert_plugs_in_and_comes_once_a_day() {
        let monday = DailyAlert {
            id: "fever".into(),
            date: jiff::civil::date(2027, 3, 15),
            summary: "Call your clinic".into(),
            body: "you logged a fever".into(),
        };
        let d = decide(
            &[&monday],
            &at("2027-03-15T12:00:00[Europe/Paris]"),
            None,
            NOTHING,
        );
        assert_eq!(keys(&d), ["alert:fever:2027-03-15"]);
    }

    #[test]
    fn a_time_skipped_by_dst_still_falls_due() {
        // Paris skips 02:00–03:00 on 2027-03-28: an evening time there cannot vanish.
        let source = EveningCare {
            date: jiff::civil::date(2027, 3, 28),
            at: Time::constant(2, 30, 0, 0),
            open: vec!["Water".into()],
            total: 1,
        };
        let d = decide(
            &[&source],
            &at("2027-03-28T03:30:00[Europe/Paris]"),
            None,
            NOTHING,
        );
        assert_eq!(d.deliver.len(), 1);
    }
}
