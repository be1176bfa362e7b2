//! The forms the TUI shows: a text field, the treatment form, the skin form.

pub mod input;
pub mod skin;
pub mod treatment;
