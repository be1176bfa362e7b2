//! What the patient typed, and the answer to it.

use std::io::BufRead;

use crate::cli::{
    self, AlertsArgs, AlertsCommand, NoteArgs, PlanArgs, ResolveArgs, TickArgs, UndoArgs,
};
use crate::domain::time::Clock;
use crate::journal::paths::Paths;

use super::{answers, cli_text, skin};

/// One line read.
pub(super) enum Said {
    Quit,
    /// An empty line: nothing to answer.
    Nothing,
    Command(String),
}

/// What the conversation remembers between lines.
#[derive(Debug, Default)]
pub(super) struct Session {
    /// The item ids of the checklist as last said, in its order: "tick 2" means the second
    /// item the patient heard, whatever the list is by now.
    heard: Vec<String>,
    /// How many weeks back the next `older` starts.
    weeks_back: u32,
}

impl Session {
    pub(super) fn said(&self, line: &str) -> Said {
        match line.to_ascii_lowercase().as_str() {
            "" => Said::Nothing,
            "quit" | "exit" | "q" | "bye" => Said::Quit,
            _ => Said::Command(line.to_string()),
        }
    }

    /// The answer to one command line.
    pub(super) fn answer(
        &mut self,
        line: &str,
        paths: &Paths,
        clock: &dyn Clock,
        input: &mut dyn BufRead,
        out: &mut dyn std::io::Write,
    ) -> String {
        let (verb, rest) = line
            .split_once(char::is_whitespace)
            .map_or((line, ""), |(verb, rest)| (verb, rest.trim()));
        match verb.to_ascii_lowercase().as_str() {
            "today" | "t" => self.today(paths, clock),
            "tick" | "untick" if rest.is_empty() => {
                format!("Which item? For example: {verb} 2, or {verb} water.\n")
            }
            "tick" => self.tick(rest, true, paths, clock),
            "untick" => self.tick(rest, false, paths, clock),
            number if number.parse::<usize>().is_ok() && rest.is_empty() => {
                self.tick(number, true, paths, clock)
            }
            "restrictions" | "r" => answers::restrictions(paths, clock),
            "skin" => skin::ask(paths, clock, input, out),
            "note" if rest.is_empty() => {
                "Say the note after the word: note Skin feels tight.\n".into()
            }
            "note" => cli_text(
                cli::Command::Note(NoteArgs {
                    date: None,
                    append: true,
                    text: vec![rest.to_string()],
                }),
                paths,
                clock,
            ),
            "history" => {
                self.weeks_back = 1;
                answers::week(paths, clock, 0)
            }
            "more" | "older" => {
                let weeks = self.weeks_back;
                self.weeks_back += 1;
                answers::week(paths, clock, weeks)
            }
            "alerts" => answers::alerts(paths, clock),
            "resolved" | "resolve" => {
                let (called, gone) = match rest.to_ascii_lowercase().as_str() {
                    "called" => (true, false),
                    "gone" => (false, true),
                    _ => return "Say resolved called (you called the clinic) or resolved gone (it went away).\n".into(),
                };
                cli_text(
                    cli::Command::Alerts(AlertsArgs {
                        json: false,
                        command: Some(AlertsCommand::Resolve(ResolveArgs { called, gone })),
                    }),
                    paths,
                    clock,
                )
            }
            "plan" => cli_text(
                cli::Command::Plan(PlanArgs {
                    init: false,
                    json: false,
                    procedure: None,
                    command: None,
                }),
                paths,
                clock,
            ),
            "undo" => cli_text(
                cli::Command::Undo(UndoArgs {
                    yes: matches!(rest, "--yes" | "yes" | "-y"),
                    no_prompt: true,
                }),
                paths,
                clock,
            ),
            "redo" => cli_text(cli::Command::Redo, paths, clock),
            "help" | "h" | "?" => answers::HELP.to_string(),
            _ => format!(
                "I do not know \"{line}\". Say help for the commands, or today for the checklist.\n"
            ),
        }
    }

    /// Today, alerts first; remembers the checklist's order for `tick N`.
    fn today(&mut self, paths: &Paths, clock: &dyn Clock) -> String {
        match answers::today(paths, clock) {
            Ok((text, ids)) => {
                self.heard = ids;
                text
            }
            Err(err) => format!("{err}\n"),
        }
    }

    /// `tick 2`, `tick water`, `untick 2`: a number is the item said at that place in the
    /// last checklist, resolved to its id now.
    fn tick(&mut self, which: &str, add: bool, paths: &Paths, clock: &dyn Clock) -> String {
        let item = match which.parse::<usize>() {
            Ok(number) => {
                if self.heard.is_empty() {
                    let _ = self.today(paths, clock);
                }
                match number.checked_sub(1).and_then(|i| self.heard.get(i)) {
                    Some(id) => id.clone(),
                    None => {
                        return format!(
                            "There is no item {number} on today's list; say today to hear it.\n"
                        );
                    }
                }
            }
            Err(_) => which.to_string(),
        };
        let args = TickArgs {
            item,
            count: 1,
            date: None,
        };
        let command = if add {
            cli::Command::Tick(args)
        } else {
            cli::Command::Untick(args)
        };
        cli_text(command, paths, clock)
    }
}
