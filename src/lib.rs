//! aftercare: a terminal companion for the days and weeks after a microneedling session.
//!
//! The domain (`plan`, `journal`, `recovery`, `care`, `clock`) knows nothing of terminals and
//! takes "now" as an argument; `app` holds the TUI's state and changes it only through
//! actions; `ui` draws that state; `tui` runs the terminal loop.

pub mod app;
pub mod care;
pub mod cli;
pub mod clock;
pub mod error;
pub mod healing;
pub mod history;
pub mod history_view;
pub mod input;
pub mod journal;
pub mod keys;
pub mod paths;
pub mod plan;
pub mod recovery;
pub mod skin_form;
/// Synthetic journals for benchmarks and tests; not used by the app.
pub mod synth;
pub mod treatment_form;
pub mod tui;
pub mod ui;
