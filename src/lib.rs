//! aftercare: a terminal companion for the days and weeks after a microneedling session.
//!
//! Four layers, each importing only those before it (checked by `tests/architecture.rs`):
//! `domain` is pure (the plan, time, recovery, healing, adherence; no files, no terminal,
//! "now" handed in); `journal` stores (files, atomic saves, the lock, backups, reading the
//! plan file) and `care` is the changes a patient makes through it; `cli` is the
//! subcommands; `tui` is the app (state, one action type, one key table, drawing). `error`
//! is the one-line file error every layer reports; `notify` shows desktop notifications for
//! `cli` (reminders) and `tui` (a timer ending) alike; `local_zone` is the machine's clock
//! in the zone in force, read from one file.

pub mod care;
pub mod cli;
pub mod domain;
pub mod error;
pub mod journal;
pub mod local_zone;
pub mod notify;
pub mod tui;
