//! Writes a realistic synthetic journal, for benchmarks and for trying the app on a long
//! history:
//!
//! ```sh
//! cargo run --release --example synth-journal -- --years 10 --out /tmp/ten-years
//! AFTERCARE_JOURNAL=/tmp/ten-years target/release/aftercare
//! ```
//!
//! Deterministic: the same `--days`/`--years`, `--last-day`, `--seed` and time zone give the
//! same files. See `benches/support/synth.rs` for the shape of the history.

use std::path::PathBuf;
use std::process::ExitCode;

#[path = "../benches/support/synth.rs"]
#[allow(dead_code)]
mod synth;

use clap::{ArgGroup, Parser};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use synth::Spec;

/// Write a synthetic aftercare journal (benchmark and test aid).
#[derive(Debug, Parser)]
#[command(group(ArgGroup::new("length").required(true).args(["years", "days"])))]
struct Args {
    /// Years of history (365 days each).
    #[arg(long)]
    years: Option<u32>,
    /// Days of history.
    #[arg(long)]
    days: Option<u32>,
    /// An empty or new directory to write the journal into.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The last day of the history [default: today].
    #[arg(long, value_name = "YYYY-MM-DD")]
    last_day: Option<Date>,
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let time_zone = TimeZone::system();
    let spec = Spec {
        days: args.days.unwrap_or_else(|| args.years.unwrap_or(0) * 365),
        last_day: args
            .last_day
            .unwrap_or_else(|| jiff::ZonedDateTime::now().date()),
        time_zone,
        seed: args.seed,
    };
    let journal = synth::generate(aftercare::journal::builtin_plan(), &spec);
    if let Err(err) = journal.write(&args.out) {
        eprintln!("synth-journal: {err}");
        return ExitCode::FAILURE;
    }
    println!(
        "{}: {} days in {} month files, {} treatments, {} ticks",
        args.out.display(),
        journal.day_count(),
        journal.months.len(),
        journal.treatments.treatments.len(),
        journal.tick_count()
    );
    ExitCode::SUCCESS
}
