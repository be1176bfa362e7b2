//! Shared set-up for the integration tests: a journal in a temp dir and an app on a clock
//! the test controls.
#![allow(dead_code)]

pub mod history_fixture;
pub mod screen;

use std::rc::Rc;

use aftercare::app::App;
use aftercare::clock::{Clock, FixedClock, Stamp};
use aftercare::journal::{Journal, Layout, Treatment};
use aftercare::plan::{CarePlan, PlanSource};
use tempfile::TempDir;

/// A fresh journal directory that disappears with the test.
pub fn journal_dir() -> TempDir {
    tempfile::tempdir().expect("temp dir")
}

pub fn treatment(at: &str) -> Treatment {
    Treatment {
        at: at.parse::<Stamp>().expect("valid stamp"),
        area: "face".into(),
        note: String::new(),
    }
}

/// Opens the journal in `dir`, recording `treatment_at` first when given.
pub fn journal(dir: &TempDir, treatment_at: Option<&str>) -> Journal {
    let mut journal = Journal::open(Layout::new(dir.path())).expect("journal opens");
    if let Some(at) = treatment_at {
        journal
            .add_treatment(treatment(at))
            .expect("treatment saved");
    }
    journal
}

/// An app on the built-in plan, the journal in `dir`, and a clock the test moves.
pub fn app(dir: &TempDir, treatment_at: Option<&str>, now: &str) -> (App, Rc<FixedClock>) {
    let clock = Rc::new(FixedClock::at(now));
    let journal = journal(dir, treatment_at);
    let app = App::new(
        CarePlan::builtin(),
        PlanSource::BuiltIn,
        journal,
        Box::new(Rc::clone(&clock)) as Box<dyn Clock>,
    )
    .expect("app starts");
    (app, clock)
}
