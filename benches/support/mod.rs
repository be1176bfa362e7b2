//! Shared set-up for the benchmarks: synthetic journals on disk and an app on a fixed clock.
//!
//! Journals live under `CARGO_TARGET_TMPDIR` (the target dir, a real disk) rather than
//! `/tmp`, which may be a tmpfs where fsync costs nothing and saves would look too cheap.
//! `AFTERCARE_BENCH_DIR=/dev/shm cargo bench` puts them on a tmpfs on purpose: a save there
//! costs only its CPU and system calls, which separates the code's share from the disk's.
#![allow(dead_code)]

use std::rc::Rc;
use std::time::Duration;

use aftercare::domain::plan::PlanSource;
use aftercare::domain::time::{Clock, FixedClock};
use aftercare::journal::{Journal, Layout};
use aftercare::tui::app::{Action, App};
pub mod synth;
use aftercare::tui::ui::{self, Theme};
use jiff::civil::{Date, date};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use synth::Spec;
use tempfile::TempDir;

/// The last day of every synthetic history.
pub const LAST_DAY: Date = date(2027, 3, 14);

/// The journals the budgets talk about.
pub const SIZES: [(&str, u32); 2] = [("one-week", 7), ("ten-years", 3650)];

/// A synthetic journal of `days` days on disk, and the moment to open it at: 20:00 two days
/// after its latest treatment, when every item of the plan applies and restrictions run,
/// so the Today screen is as full as it gets.
pub struct Fixture {
    pub dir: TempDir,
    pub now: String,
}

impl Fixture {
    pub fn new(days: u32) -> Fixture {
        let parent =
            std::env::var_os("AFTERCARE_BENCH_DIR").unwrap_or(env!("CARGO_TARGET_TMPDIR").into());
        let dir = tempfile::tempdir_in(parent).expect("temp dir");
        let journal = synth::generate(
            aftercare::journal::builtin_plan(),
            &Spec::days(days, LAST_DAY),
        );
        journal
            .write(dir.path())
            .expect("synthetic journal written");
        let latest = journal.treatments.treatments.last().expect("a treatment");
        let day = latest.at.date().tomorrow().and_then(|d| d.tomorrow());
        let now = format!("{}T20:00:00+01:00[+01:00]", day.expect("a valid date"));
        Fixture { dir, now }
    }

    /// Start-up as `tui::run` does it, minus the terminal: plan, journal, app.
    pub fn open_app(&self) -> App {
        let journal = Journal::open_writable(Layout::new(self.dir.path()), Duration::ZERO)
            .expect("journal opens");
        App::new(
            aftercare::journal::builtin_plan().clone(),
            PlanSource::BuiltIn,
            journal,
            Box::new(self.clock()) as Box<dyn Clock>,
        )
        .expect("app starts")
    }

    pub fn clock(&self) -> Rc<FixedClock> {
        Rc::new(FixedClock::at(&self.now))
    }
}

/// An 80×24 test terminal (the smallest size the product promises) that draws the app as
/// the event loop does: after every key, and once a second.
pub struct Screen(Terminal<TestBackend>);

pub fn screen() -> Screen {
    Screen(Terminal::new(TestBackend::new(80, 24)).expect("test terminal"))
}

impl Screen {
    pub fn draw(&mut self, app: &App) {
        self.0
            .draw(|frame| ui::draw(frame, app, &Theme::COLOR))
            .expect("drawn");
    }

    /// One key (or clock tick) handled and the frame redrawn.
    pub fn key(&mut self, app: &mut App, action: Action) {
        app.update(action);
        self.draw(app);
    }
}
