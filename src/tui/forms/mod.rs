//! The forms the TUI shows: a text field, the treatment form, the skin form, the plan form.

pub mod input;
pub mod plan;
pub mod skin;
pub mod treatment;
