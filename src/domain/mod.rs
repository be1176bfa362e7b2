//! The rules of recovery, pure: std, jiff, serde and ron only. Nothing here reads files,
//! draws, or parses arguments; "now" and the days are handed in.

pub mod adherence;
pub mod alerts;
pub mod event;
pub mod fast_ron;
pub mod healing;
pub mod merge;
pub mod model;
pub mod operation;
pub mod plan;
pub mod plan_changes;
pub mod plan_edit;
pub mod recovery;
pub mod reminders;
pub mod schedule;
pub mod strict;
pub mod text;
pub mod time;
pub mod timer;
pub mod tips;
pub mod undo;
