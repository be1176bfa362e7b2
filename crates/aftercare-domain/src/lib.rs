//! The rules of recovery, pure: std, serde and jiff only. Nothing here reads files or
//! knows the storage format, draws, or parses arguments; "now" and the days are handed in.
//! The compiler keeps it so: this crate depends on nothing that could.

pub mod adherence;
pub mod alerts;
pub mod conventions;
pub mod date_words;
pub mod event;
pub mod healing;
pub mod merge;
pub mod model;
pub mod operation;
pub mod photo;
pub mod plan;
pub mod plan_rebase;
pub mod procedure;
pub mod recovery;
pub mod reminders;
pub mod schedule;
pub mod text;
pub mod time;
pub mod timer;
pub mod tips;
pub mod undo;
pub mod unique_keys;
