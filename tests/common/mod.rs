//! Helpers shared by the integration tests: a journal in a temp dir, an app on a clock the
//! test moves by hand.
#![allow(dead_code)] // each test binary uses its own share of these

use std::path::Path;
pub mod history_fixture;
pub mod screen;

use std::rc::Rc;

use aftercare::domain::plan::PlanSource;
use aftercare::domain::time::{FixedClock, Stamp};
use aftercare::journal::{Journal, Layout, Treatment};
use aftercare::tui::app::{Action, App};
use tempfile::TempDir;

/// A fresh journal directory that disappears with the test.
pub fn journal_dir() -> TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// The journal in `dir`, opened for writing as the TUI does.
pub fn writable(dir: &Path) -> Journal {
    Journal::open_writable(Layout::new(dir), aftercare::journal::COMMAND_LOCK_WAIT)
        .expect("journal opens")
}

/// A treatment at an RFC 3339 time with offset, e.g. `2027-03-13T10:00:00-05:00`.
pub fn treatment(at: &str) -> Treatment {
    Treatment::new(at.parse::<Stamp>().expect("a stamp"), "face", "")
}

/// The journal in `dir`, opened for writing, with a treatment at `treated` unless the
/// journal already has one.
pub fn journal<'a>(dir: impl AsRef<Path>, treated: impl Into<Option<&'a str>>) -> Journal {
    let mut journal = writable(dir.as_ref());
    if let Some(at) = treated.into()
        && journal.treatments().is_empty()
    {
        journal.add_treatment(treatment(at)).expect("saved");
    }
    journal
}

/// An app on the built-in plan and the journal in `dir` (with a treatment at `treated`, if
/// given), the clock at `now` (a zoned time such as `2027-03-14T09:00:00[America/New_York]`).
pub fn app<'a>(
    dir: impl AsRef<Path>,
    treated: impl Into<Option<&'a str>>,
    now: &str,
) -> (App, Rc<FixedClock>) {
    let journal = journal(dir, treated);
    let clock = Rc::new(FixedClock::at(now));
    let app = App::new(
        aftercare::journal::builtin_plan().clone(),
        PlanSource::BuiltIn,
        journal,
        Box::new(Rc::clone(&clock)),
    )
    .expect("app starts");
    (app, clock)
}

/// Moves the app's selection to the plan item `id` on the day shown.
pub fn select(app: &mut App, id: &str) {
    let index = app
        .checklist()
        .iter()
        .position(|p| p.item.id == id)
        .unwrap_or_else(|| panic!("{id} is on today's checklist"));
    while app.selected() > index {
        app.update(Action::Up);
    }
    while app.selected() < index {
        app.update(Action::Down);
    }
}

/// The count logged for `id` on the day the app shows.
pub fn count(app: &App, id: &str) -> u32 {
    app.journal().day(app.date()).map_or(0, |d| d.count(id))
}

/// Every byte of every file under `dir`, by relative path: to prove nothing changed.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(next) = stack.pop() {
        for entry in std::fs::read_dir(&next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path.strip_prefix(dir).unwrap().display().to_string();
                out.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}
