//! How a subcommand fails, and the exit code that tells a script which kind of failure it
//! was: 2 for arguments the patient can fix on the command line (clap's convention) and for
//! the app started without a terminal, 1 for a problem with a file (journal, plan, output).
//! A change that was saved always exits 0, even if printing its confirmation failed.

use std::fmt;
use std::process::ExitCode;

use clap::error::ErrorKind;

use crate::domain::text::printable;
use crate::journal::care::CareError;
use crate::journal::error::FileError;
use crate::journal::paths::PathsError;

/// A failed subcommand. Nothing has been written when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CliError {
    /// Well-formed arguments that the plan or the calendar refuse (an unknown item, a
    /// future date). Reported like clap's own errors, with the subcommand's usage.
    #[error("{message}")]
    Usage {
        /// The subcommand path, e.g. `["treatment", "add"]`.
        command: Vec<&'static str>,
        message: String,
    },
    /// A file could not be read or written: one line naming it (`file:line:column`).
    #[error("{0}")]
    Failure(String),
    /// The command cannot run here (the app without a terminal): the message says what to
    /// do instead. Exit code 2, like a usage error: running it again the same way fails
    /// the same way.
    #[error("{0}")]
    Refused(String),
}

impl CliError {
    /// `message` is text or a typed error: what it says is what the patient reads.
    pub fn usage(command: &[&'static str], message: impl fmt::Display) -> CliError {
        CliError::Usage {
            command: command.to_vec(),
            message: message.to_string(),
        }
    }

    /// A care rule broken on `command` is a usage error; a file problem is a failure.
    pub fn from_care(command: &[&'static str], err: CareError) -> CliError {
        match err {
            CareError::File(err) => err.into(),
            err => CliError::usage(command, err.to_string()),
        }
    }

    /// 2 for usage and refusals, 1 for files.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage { .. } | CliError::Refused(_) => 2,
            CliError::Failure(_) => 1,
        }
    }

    /// Prints the error to stderr the way the rest of the command line does, and returns
    /// the exit code.
    pub fn report(&self) -> ExitCode {
        match self {
            CliError::Usage { command, message } => {
                let mut cmd = super::command();
                cmd.build();
                let mut target = &mut cmd;
                for name in command {
                    target = target
                        .find_subcommand_mut(name)
                        .expect("usage errors name real subcommands");
                }
                // Printing to stderr can only fail if stderr is gone; nothing to do then.
                // The message may quote what was typed: no control characters.
                let message = printable(message);
                let _ = target.error(ErrorKind::ValueValidation, message).print();
            }
            CliError::Failure(message) => eprintln!("aftercare: {}", printable(message)),
            CliError::Refused(message) => eprintln!("{}", printable(message)),
        }
        ExitCode::from(self.exit_code())
    }
}

impl From<FileError> for CliError {
    fn from(err: FileError) -> Self {
        CliError::Failure(err.to_string())
    }
}

/// No home directory: nothing to read or write, a failure like a file's.
impl From<PathsError> for CliError {
    fn from(err: PathsError) -> Self {
        CliError::Failure(err.to_string())
    }
}
