//! When the screen next changes with time alone, so the loop draws only then.
//!
//! A countdown shown to the minute changes once a minute, not sixty times; under an hour it
//! shows seconds, and a running timer does too. Everything else on screen changes only on
//! a key (or at midnight, on a minute boundary). The loop still wakes at least once a
//! second, without drawing, to notice a termination signal and outside changes to the
//! journal; see `tui::event_loop`.

use std::time::Duration;

use jiff::SignedDuration;

use crate::domain::recovery;
use crate::tui::app::{App, Screen};

/// The longest the loop sleeps between wake-ups (it draws only if something changed).
pub const MAX_SLEEP: Duration = Duration::from_secs(1);

/// How often the loop looks for a picture being made off the UI thread.
const PHOTO_POLL_MS: i64 = 30;

/// Woken this much after a change is due, so the clock has surely passed it.
const SLACK: Duration = Duration::from_millis(5);

/// How long from the app's `now` until something on screen changes by itself: the next
/// whole minute at the latest, sooner for a timer or a countdown shown in seconds or about
/// to turn over.
pub fn next_change(app: &App) -> Duration {
    let into_minute =
        i64::from(app.now().second()) * 1_000_000_000 + i64::from(app.now().subsec_nanosecond());
    let mut next = SignedDuration::from_nanos(60_000_000_000 - into_minute);
    if let Some(left) = app.timer_left() {
        // The timer shows whole seconds left: it changes when the fraction runs out.
        let fraction = left.subsec_nanos();
        let until = if fraction == 0 {
            1_000_000_000
        } else {
            fraction
        };
        next = next.min(SignedDuration::from_nanos(i64::from(until)));
    }
    // Under a form the countdown panel may still show: it counts too.
    if *app.screen() == Screen::Today
        && !app.is_past_day()
        && let Some(treatment) = app.journal().treatment_for(app.date())
    {
        for status in recovery::restrictions_at(app.plan(), treatment, app.now().timestamp()) {
            if !status.lifted() {
                next = next.min(until_countdown_changes(status.left));
            }
        }
    }
    // A picture or an import on its way is taken in within a frame or two of arriving.
    if app.photo_images().waiting() {
        next = next.min(SignedDuration::from_millis(PHOTO_POLL_MS));
    }
    Duration::try_from(next.max(SignedDuration::ZERO)).unwrap_or(MAX_SLEEP) + SLACK
}

/// How long until `format_left(left)` shows something else: it shows hours (over a day),
/// minutes (over an hour), or seconds.
pub fn until_countdown_changes(left: SignedDuration) -> SignedDuration {
    let unit = if left >= SignedDuration::from_hours(24) {
        3_600
    } else if left >= SignedDuration::from_hours(1) {
        60
    } else {
        1
    };
    let unit_nanos = i128::from(unit) * 1_000_000_000;
    // The text counts whole seconds down (`as_secs` rounds toward zero): it turns over
    // when the part past the last whole unit has run out; exactly on a step, at once.
    let rest = left.as_nanos().rem_euclid(unit_nanos);
    SignedDuration::from_nanos(i64::try_from(rest).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::recovery::format_left;

    /// The countdown's text really changes when said, and not a moment before.
    #[test]
    fn a_countdown_changes_when_its_text_does() {
        for left_secs in [
            3 * 86_400 + 5_000,
            86_400,
            5 * 3_600 + 61,
            3_600,
            3_599,
            61,
            1,
        ] {
            for nanos in [0, 250_000_000] {
                let left = SignedDuration::new(left_secs, nanos);
                let wait = until_countdown_changes(left);
                let text = format_left(left);
                let just_before = left - wait + SignedDuration::from_nanos(1);
                let after = left - wait - SignedDuration::from_millis(1);
                assert_eq!(format_left(just_before), text, "{left:?} + {wait:?}");
                assert_ne!(format_left(after), text, "{left:?} + {wait:?}");
            }
        }
    }

    #[test]
    fn a_countdown_in_days_wakes_hourly_in_hours_each_minute() {
        let hours = |h| SignedDuration::from_hours(h);
        assert_eq!(
            until_countdown_changes(hours(50) + SignedDuration::from_mins(20)),
            SignedDuration::from_mins(20)
        );
        assert_eq!(
            until_countdown_changes(hours(5) + SignedDuration::from_secs(30)),
            SignedDuration::from_secs(30)
        );
        assert_eq!(
            until_countdown_changes(SignedDuration::from_millis(5_500)),
            SignedDuration::from_millis(500)
        );
    }
}
