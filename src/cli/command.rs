//! The clap command as the patient reads it: the derived definition, with the help that
//! comes from the plan's data rather than a second copy of it (which warning signs mean
//! "call your local emergency number now" and which "call your clinic today").

use clap::{CommandFactory, FromArgMatches};

use super::Cli;

/// The command line's definition, its data-made help filled in. `--help`, the man page,
/// completions and usage errors all use this one.
pub fn command() -> clap::Command {
    let signs = signs_help();
    Cli::command().mut_subcommand("symptoms", |sub| {
        sub.mut_arg("signs", |arg| arg.help(signs))
    })
}

/// Parses the process's arguments against [`command`]; a bad one exits with clap's usage
/// message and code 2, as `Cli::parse` would.
pub fn parse() -> Cli {
    let matches = command().get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|err| err.exit())
}

/// `symptoms --sign`: each call, then the ids of the built-in plan's signs that ask for it.
fn signs_help() -> String {
    let plan = crate::journal::builtin_plan();
    let calls: Vec<String> = plan
        .warning_signs_by_call()
        .iter()
        .map(|group| {
            let ids: Vec<&str> = group.signs.iter().map(|sign| sign.id.as_str()).collect();
            format!("{}: {}.", group.call, ids.join(", "))
        })
        .collect();
    // One call a line: the one that cannot wait is read first.
    format!(
        "A warning sign you notice, by id; repeat for several (`aftercare plan` lists them \
         in words).\n{}",
        calls.join("\n")
    )
}
