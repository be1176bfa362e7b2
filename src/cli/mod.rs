//! The command line: argument parsing and the non-interactive subcommands.
//!
//! Every subcommand goes through the same domain code as the TUI (`care`, `recovery`,
//! `journal`); nothing here decides what is true about the patient's recovery.

mod args;

pub use args::{Cli, Command};
