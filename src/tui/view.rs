//! What every screen's view shares: the [`Context`] it is updated with and the one
//! [`Effect`] type it hands back. A view (`today`, `history`, `plan`) changes only itself
//! (and the overlay it owns); whatever is the app's — the status line, another screen, the
//! plan in force — it asks for with an effect, which `App` applies in one place.

use std::time::Instant;

use jiff::ZonedDateTime;
use jiff::civil::Date;

use crate::domain::plan::CarePlan;
use crate::domain::plan::edit::PlanEdit;
use crate::journal::Journal;

/// What an update reads and changes besides the view itself: borrowed from `App` field by
/// field, so the view can be borrowed mutably at the same time.
pub struct Context<'a> {
    pub plan: &'a CarePlan,
    pub journal: &'a mut Journal,
    /// The wall clock, read once per update.
    pub now: &'a ZonedDateTime,
    /// The monotonic clock, read at the same moment as `now`.
    pub monotonic: Instant,
    /// How the patient reads a time of day.
    pub clock: crate::domain::conventions::ClockStyle,
}

impl Context<'_> {
    /// Today's local date by the clock.
    pub fn today(&self) -> Date {
        self.now.date()
    }
}

/// A line for the status bar: what just happened, or what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

/// What a view asks of the app after an update, applied in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// A line for the status bar.
    Status(Status),
    /// Show this day on the Today screen (its month is loaded).
    OpenDay(Date),
    /// No treatment left: ask for one, as on first start.
    Welcome,
    /// Check this change to the plan against the whole plan, save it and put it in force.
    ChangePlan(PlanEdit),
}

impl Effect {
    /// A word on the status line.
    pub fn info(text: impl Into<String>) -> Effect {
        Effect::Status(Status {
            text: text.into(),
            is_error: false,
        })
    }

    /// What went wrong, on the status line.
    pub fn error(text: impl Into<String>) -> Effect {
        Effect::Status(Status {
            text: text.into(),
            is_error: true,
        })
    }
}
