//! The one home of the TUI's timer (an ice-pack session and other timed items): the timer
//! running now ([`Timers`]), and where it is kept while the app is closed (`store`), so
//! that closing the app loses no session and its end is told once.
//!
//! What a session means for the journal (logging it, the status line) is Today's: see
//! `tui::today`. This module only keeps time and files.

pub mod store;

use std::time::{Duration, Instant};

use jiff::ZonedDateTime;
use jiff::civil::Date;

use crate::domain::timer::RunningTimer;
use crate::journal::error::FileError;
use crate::journal::paths::ReminderPaths;
pub use store::TimerAlert;

/// A running ice-pack (or other timed item) session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timer {
    pub item_id: String,
    /// The day the session is logged on: the day it was started.
    pub date: Date,
    /// When it ends by the monotonic clock, which a wall clock set back cannot move.
    pub ends: Instant,
    pub length: Duration,
    /// Its wall-clock start and end, as kept on disk for a reopened app and for
    /// `aftercare remind`.
    pub stored: RunningTimer,
    /// Its record's identity on disk (`None` while not stored).
    pub stored_id: Option<String>,
}

/// A timer taken off because it is over.
#[derive(Debug)]
pub struct Ended {
    pub timer: Timer,
    /// Whether this window logs its session: false when another window (or this app
    /// reopened) already took it off the disk and logged it.
    pub ours: bool,
    /// Whether the stored state followed.
    pub stored_state: Result<(), FileError>,
}

/// The running timer, if any, and what outlives it: where it is kept while the app is
/// closed, and how many ended while the app was open (the loop rings the bell for each).
#[derive(Debug, Clone, Default)]
pub struct Timers {
    running: Option<Timer>,
    /// Where a running timer is kept while the app is closed (see [`Timers::keep_in`]);
    /// `None`: timers live only as long as the app.
    places: Option<ReminderPaths>,
    /// How many timers ended while the app was open: when it goes up, the loop rings the
    /// terminal bell and shows [`Timers::last_alert`] as a notification.
    ended: u64,
    /// What the last timer's end says.
    alert: Option<TimerAlert>,
}

impl Timers {
    /// The timer running now.
    pub fn running(&self) -> Option<&Timer> {
        self.running.as_ref()
    }

    /// Time left on the running timer at `monotonic`, never below zero.
    pub fn left(&self, monotonic: Instant) -> Option<Duration> {
        let timer = self.running.as_ref()?;
        Some(timer.ends.saturating_duration_since(monotonic))
    }

    /// How many timers ended while the app was open.
    pub fn ended_count(&self) -> u64 {
        self.ended
    }

    /// What the last timer's end says.
    pub fn last_alert(&self) -> Option<&TimerAlert> {
        self.alert.as_ref()
    }

    /// Whether a running timer outlives the app (it is kept on disk).
    pub fn kept_when_closed(&self) -> bool {
        self.places.is_some()
    }

    /// Keeps running timers in `places` from now on; returns the timers stored there (a
    /// previous run's, or another window's).
    pub fn keep_in(
        &mut self,
        places: ReminderPaths,
    ) -> Result<Vec<crate::journal::timer_file::StoredTimer>, FileError> {
        let stored = store::load(&places);
        self.places = Some(places);
        stored
    }

    /// Runs `stored` from now: it ends `left` from `monotonic`.
    pub fn resume(
        &mut self,
        stored: crate::journal::timer_file::StoredTimer,
        date: Date,
        ends: Instant,
        length: Duration,
    ) {
        self.running = Some(Timer {
            item_id: stored.timer.item_id.clone(),
            date,
            ends,
            length,
            stored: stored.timer,
            stored_id: Some(stored.id),
        });
    }

    /// Starts `timer` and keeps it on disk. If it cannot be kept, it still runs, for as
    /// long as the app is open, and the error says why.
    pub fn start(&mut self, mut timer: Timer) -> Result<(), FileError> {
        let kept = match &self.places {
            Some(places) => store::store(places, &timer.stored).map(Some),
            None => Ok(None),
        };
        let kept = match kept {
            Ok(id) => {
                timer.stored_id = id;
                Ok(())
            }
            Err(err) => {
                self.places = None;
                Err(err)
            }
        };
        self.running = Some(timer);
        kept
    }

    /// Stops the running timer without its session; returns it.
    pub fn cancel(&mut self) -> Option<Timer> {
        self.running.take()
    }

    /// Stops the running timer if its item is gone from the plan.
    pub fn drop_unless(&mut self, still_planned: impl FnOnce(&str) -> bool) {
        if let Some(timer) = &self.running
            && !still_planned(&timer.item_id)
        {
            self.running = None;
        }
    }

    /// The running timer if it is over at `monotonic`: taken off, its end told (see
    /// [`store::ended`]) and counted, and its record claimed on disk (see [`Ended`]).
    pub fn take_ended(&mut self, monotonic: Instant, now: &ZonedDateTime) -> Option<Ended> {
        let timer = self.running.take_if(|t| t.ends <= monotonic)?;
        let (alert, told) = store::ended(self.places.as_ref(), &timer.stored, now);
        self.ended += 1;
        self.alert = Some(alert);
        let claimed = self.claim(timer.stored_id.as_deref());
        // A claim that fails to be written still logs: better told twice than lost.
        let ours = *claimed.as_ref().unwrap_or(&true);
        Some(Ended {
            timer,
            ours,
            stored_state: told.and(claimed.map(drop)),
        })
    }

    /// Takes the record `id` off the disk (see [`store::claim`]); true without one.
    pub fn claim(&self, id: Option<&str>) -> Result<bool, FileError> {
        match (&self.places, id) {
            (Some(places), Some(id)) => store::claim(places, id),
            _ => Ok(true),
        }
    }
}

/// "08:12": minutes and seconds, as the timer line shows them.
pub fn clock_face(left: Duration) -> String {
    let secs = left.as_secs();
    format!("{:02}:{:02}", secs / 60, secs % 60)
}
