//! aftercare: a terminal companion for the days and weeks after a microneedling session.
//!
//! Three layers, each a crate that can only use those below it:
//! - [`domain`] (`crates/aftercare-domain`): the rules of recovery, pure (the plan, time,
//!   recovery, healing, adherence, alerts; no files, no terminal, "now" handed in);
//! - [`journal`] (`crates/aftercare-journal`): the files (their RON format, atomic saves,
//!   the lock, backups, sync conflict copies, the plan file) and `care`, the changes a
//!   patient makes through them;
//! - this crate: `cli` (the subcommands) and `tui` (the app: state, one action type, one
//!   key table, drawing), with `notify` (desktop notifications, for reminders and a timer
//!   ending) and `clock` (the machine's clock).

pub use aftercare_domain as domain;
pub use aftercare_journal as journal;

pub mod cli;
pub mod clock;
pub mod notify;
pub mod plain;
pub mod tui;
