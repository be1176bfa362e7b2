//! The machine's clock, in the time zone in force (`TZ`, else `/etc/localtime`), as jiff
//! reads it. Tests use the domain's `FixedClock` instead.

use std::time::Instant;

use jiff::ZonedDateTime;

use crate::domain::time::Clock;

/// The wall clock and the monotonic one of this machine.
#[derive(Debug, Default)]
pub struct SystemClock;

impl SystemClock {
    pub fn new() -> SystemClock {
        SystemClock
    }
}

impl Clock for SystemClock {
    fn now(&self) -> ZonedDateTime {
        ZonedDateTime::now()
    }

    fn monotonic(&self) -> Instant {
        Instant::now()
    }
}
