//! The app's side of a trustworthy timer: a running timer is kept in the state dir so that
//! closing the app does not lose it, and its end is told once — by the app if it is open
//! (bell and notification), else by `aftercare remind` — never by both.

use crate::domain::reminders::{Reminder, Source, TimerEnded};
use crate::domain::timer::RunningTimer;
use crate::journal::delivered::{Delivered, RunLock};
use crate::journal::error::FileError;
use crate::journal::paths::ReminderPaths;
use crate::journal::timer_file;

/// What the app tells when a timer ends: the same words as `aftercare remind`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimerAlert {
    pub summary: String,
    pub body: String,
    /// False when `aftercare remind` already told it (the laptop slept through the end).
    pub notify: bool,
}

/// Keeps `timer` on disk as a record of its own; returns its identity.
pub fn store(places: &ReminderPaths, timer: &RunningTimer) -> Result<String, FileError> {
    timer_file::add(&places.timer(), timer)
}

/// Takes the stored timer `id` off the disk: true when this window took it (and so logs
/// its session), false when another window or run already had.
pub fn claim(places: &ReminderPaths, id: &str) -> Result<bool, FileError> {
    timer_file::claim(&places.timer(), id)
}

/// Every stored timer.
pub fn load(places: &ReminderPaths) -> Result<Vec<timer_file::StoredTimer>, FileError> {
    timer_file::load(&places.timer())
}

/// The reminder for `timer`'s end (its key is what `remind` records).
fn reminder(timer: &RunningTimer, now: &jiff::ZonedDateTime) -> Reminder {
    TimerEnded { timer }
        .due(now)
        .into_iter()
        .next()
        .expect("a timer always has its end")
}

/// Records the end of `timer` as told, and says whether the app should notify: not when
/// `remind` told it already. When a `remind` run holds the lock right now, the app
/// notifies anyway rather than freeze (at worst, told twice).
pub fn ended(
    places: Option<&ReminderPaths>,
    timer: &RunningTimer,
    now: &jiff::ZonedDateTime,
) -> (TimerAlert, Result<(), FileError>) {
    let reminder = reminder(timer, now);
    let mut alert = TimerAlert {
        summary: reminder.summary.clone(),
        body: reminder.body.clone(),
        notify: true,
    };
    let Some(places) = places else {
        return (alert, Ok(()));
    };
    let result = (|| {
        let Some(_lock) = RunLock::try_acquire(&places.state_dir)? else {
            return Ok(());
        };
        let mut told = Delivered::load(&places.delivered())?;
        if told.contains(&reminder.key) {
            alert.notify = false;
            return Ok(());
        }
        told.insert(&reminder.key, crate::domain::time::Stamp::of(now));
        told.save(&places.delivered(), now.timestamp())
    })();
    (alert, result)
}
