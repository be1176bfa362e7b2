//! The command line's shape, parsed by clap.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// A calm companion for the days and weeks after a microneedling session.
///
/// Run without a command to open the app.
#[derive(Debug, Parser)]
#[command(name = "aftercare", version, about)]
pub struct Cli {
    /// Keep the journal in DIR instead of the default data directory
    /// (also: AFTERCARE_JOURNAL).
    #[arg(long, global = true, value_name = "DIR")]
    pub journal: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The non-interactive commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print where the journal and the plan override live.
    Paths,
}
