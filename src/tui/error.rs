//! The TUI's errors, each a one-line message the patient reads: on a normal screen when
//! the app cannot open (`TuiError`), in a form (`FormError`), or on the status line when a
//! change to the plan is refused (`PlanChangeError`).

use std::io;

use crate::domain::plan::{ParseError, PlanError};
use crate::domain::text::DateTimeError;
use crate::journal::error::FileError;
use crate::tui::NO_TERMINAL;

/// Why the app could not open, or ended on a terminal error.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("{} (no terminal is attached)", NO_TERMINAL)]
    NoTerminal,
    #[error(
        "{} (its output goes to a file or a pipe, not to the screen)",
        NO_TERMINAL
    )]
    NotToScreen,
    /// The plan or the journal could not be read.
    #[error(transparent)]
    File(#[from] FileError),
    #[error("cannot watch for signals: {0}")]
    Signals(io::Error),
    #[error("terminal error: {0}")]
    Terminal(io::Error),
}

/// Why a form cannot be submitted as typed; shown in the form, which stays open.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    /// An added plan entry needs a label.
    #[error("Give it a label, e.g. Clinic balm")]
    NoLabel,
    /// A plan field does not read (a number of days, a duration, a kind of item): the
    /// domain parser's reason.
    #[error(transparent)]
    Value(#[from] ParseError),
    /// The date and time do not read, or cannot be a treatment's: the reason.
    #[error(transparent)]
    DateTime(#[from] DateTimeError),
}

/// Why a change to the plan was not made (nothing changed).
#[derive(Debug, thiserror::Error)]
pub enum PlanChangeError {
    /// The plan file could not be read or written.
    #[error(transparent)]
    File(#[from] FileError),
    /// The change does not fit the whole plan: the reason.
    #[error(transparent)]
    Refused(#[from] PlanError),
}
