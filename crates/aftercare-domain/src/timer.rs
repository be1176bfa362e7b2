//! A running timer of a timed care item (the ice pack), as it is kept on disk so that
//! closing the app does not lose it.
//!
//! The app tracks a running timer with the monotonic clock; what is stored is the wall
//! instants it started and ends, which is all a *later* process (the app reopened, or
//! `aftercare remind`) can know. A clock set back while the app is closed can only make
//! the stored end look later, never log a session early.

use serde::{Deserialize, Serialize};

use crate::time::Stamp;

/// The timer file's schema.
pub const TIMER_VERSION: u32 = 1;

/// One running timer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunningTimer {
    pub version: u32,
    /// The plan item it times (e.g. `ice`).
    pub item_id: String,
    /// The item's label when it was started, so a reminder can name it without the plan.
    pub label: String,
    pub started: Stamp,
    pub ends: Stamp,
}

impl RunningTimer {
    /// Whether it has ended at `now`.
    pub fn ended_at(&self, now: jiff::Timestamp) -> bool {
        self.ends.instant <= now
    }

    /// Its length in whole minutes, as the notification says it.
    pub fn minutes(&self) -> i64 {
        self.ends
            .instant
            .duration_since(self.started.instant)
            .as_mins()
            .max(0)
    }
}
