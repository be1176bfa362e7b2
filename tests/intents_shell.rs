//! Issue 28, cases 3 and 4, as a patient meets them from two shells at once: each change is
//! an intent applied inside the lock to the journal as it is then. The race is made certain
//! by the test seam (`AFTERCARE_TEST_PAUSE_BEFORE_LOCK`): both commands have read the
//! journal before either takes the lock.

mod cli_support;

use std::path::{Path, PathBuf};
use std::process::Child;
use std::time::{Duration, Instant};

use aftercare::journal::test_seam::PAUSE_BEFORE_LOCK;
use aftercare::journal::{Journal, Layout, Month};
use cli_support::Sandbox;

/// Starts `aftercare ARGS` paused before its lock at `gate`.
fn paused(sandbox: &Sandbox, gate: &Path, args: &[&str]) -> Child {
    sandbox
        .command_in("UTC", args)
        .env(PAUSE_BEFORE_LOCK, gate)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("aftercare starts")
}

/// Waits until `count` processes wait at `gate` (each leaves `<gate>.arrived.<pid>`).
fn wait_for_arrivals(gate: &Path, count: usize) {
    let dir = gate.parent().unwrap();
    let prefix = format!("{}.arrived.", gate.file_name().unwrap().to_string_lossy());
    let start = Instant::now();
    loop {
        let arrived = std::fs::read_dir(dir)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(&prefix)
            })
            .count();
        if arrived >= count {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "only {arrived} of {count} commands reached the lock"
        );
        std::thread::yield_now();
    }
}

/// Runs the commands so that each has read the journal before any takes the lock; returns
/// what each printed. Each must succeed.
fn race(sandbox: &Sandbox, commands: &[&[&str]]) -> Vec<String> {
    let gate: PathBuf = sandbox.home.path().join("gate");
    let children: Vec<Child> = commands
        .iter()
        .map(|args| paused(sandbox, &gate, args))
        .collect();
    wait_for_arrivals(&gate, commands.len());
    std::fs::write(&gate, b"open").unwrap();
    children
        .into_iter()
        .zip(commands)
        .map(|(child, args)| {
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "aftercare {args:?} failed: {stderr}");
            String::from_utf8_lossy(&out.stdout).into_owned()
        })
        .collect()
}

#[test]
fn two_note_appends_at_once_both_keep_their_line() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["note", "--date", "2026-11-20", "First line"]);
    let printed = race(
        &sandbox,
        &[
            &["note", "--append", "--date", "2026-11-20", "Line from A"],
            &["note", "--append", "--date", "2026-11-20", "Line from B"],
        ],
    );
    assert!(
        printed
            .iter()
            .all(|p| p.contains("Added a line to the note")),
        "{printed:?}"
    );
    let mut journal = Journal::open(Layout::new(sandbox.journal_dir())).unwrap();
    let day = jiff::civil::date(2026, 11, 20);
    journal.load_month(Month::of(day)).unwrap();
    let shown = journal.day(day).unwrap().note();
    for line in ["First line", "Line from A", "Line from B"] {
        assert!(shown.contains(line), "{line:?} is kept: {shown}");
    }
}

#[test]
fn two_treatment_edits_of_different_fields_at_once_are_both_kept() {
    let sandbox = Sandbox::new();
    sandbox.ok(&[
        "treatment",
        "add",
        "--at",
        "2026-11-18 10:00",
        "--area",
        "face",
    ]);
    let printed = race(
        &sandbox,
        &[
            &["treatment", "edit", "1", "--area", "neck"],
            &["treatment", "edit", "1", "--note", "numbing cream"],
        ],
    );
    assert!(
        printed.iter().all(|p| p.starts_with("Changed")),
        "{printed:?}"
    );
    let list = sandbox.ok(&["treatment", "list"]);
    assert!(
        list.contains("2026-11-18 10:00 (+00:00) · neck · numbing cream"),
        "both corrections are kept: {list}"
    );
}
