//! `aftercare undo` as a real process in a throwaway home: it reverses the last change made
//! from the shell, walks further back when run again, says when there is nothing left
//! (exit code 1), and keeps its log owner-only in the state directory.

mod cli_support;
mod pty_support;

use std::os::unix::fs::PermissionsExt as _;

use cli_support::{Sandbox, snapshot};

fn setup() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.ok(&[
        "treatment",
        "add",
        "--at",
        "2020-01-01 09:00",
        "--area",
        "face",
    ]);
    sandbox
}

/// The journal's content as the app reads it: ticks of one item on a day.
fn days(sandbox: &Sandbox) -> String {
    std::fs::read_to_string(sandbox.journal_dir().join("days").join("2020-01.ron"))
        .unwrap_or_default()
}

/// The live ticks of water on 2020-01-02, as the app reads them.
fn ticks(sandbox: &Sandbox) -> Vec<aftercare::journal::Tick> {
    let date = jiff::civil::date(2020, 1, 2);
    let mut journal =
        aftercare::journal::Journal::open(aftercare::journal::Layout::new(sandbox.journal_dir()))
            .unwrap();
    journal
        .load_month(aftercare::journal::Month::of(date))
        .unwrap();
    journal.day(date).unwrap().ticks_of("water").to_vec()
}

/// What `undo` printed, its "(made today at 09:12)" checked and taken off (the time is
/// the real clock's).
fn undone(sandbox: &Sandbox, args: &[&str]) -> String {
    let out = sandbox.ok(args);
    let (said, made) = out
        .rsplit_once(" (made today at ")
        .unwrap_or_else(|| panic!("says when the change was made: {out}"));
    assert!(made.ends_with(")\n"), "{out}");
    format!("{said}\n")
}

/// Makes the last change in the shell's undo log `days` days older than it is (each
/// process reads the real clock, so "a change made two weeks ago" is written so).
fn age_last_change(sandbox: &Sandbox, stamp: &str) {
    let log = sandbox.home.path().join(".local/state/aftercare/undo.ron");
    let text = std::fs::read_to_string(&log).unwrap();
    let at = text.rfind("at: Some(\"").expect("the log keeps when") + "at: Some(\"".len();
    let end = at + text[at..].find('"').unwrap();
    std::fs::write(&log, format!("{}{stamp}{}", &text[..at], &text[end..])).unwrap();
}

/// Issue 29 item 14: a change older than today is not undone by a bare `undo` without a
/// terminal: one line says what and when, exit code 2, nothing changed. `--yes` undoes it
/// and says when it was made.
#[test]
fn undo_of_a_change_before_today_needs_yes_without_a_terminal() {
    let sandbox = setup();
    sandbox.ok(&["note", "--date", "2020-01-02", "tight"]);
    age_last_change(&sandbox, "2020-01-02T18:30:00+00:00");
    let before = snapshot(&sandbox.journal_dir());
    let run = sandbox.run(&["undo"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "aftercare: the last change is not from today: note of 2020-01-02 (made on 2020-01-02 at 18:30); nothing undone — run `aftercare undo --yes` to undo it\n"
    );
    assert_eq!(snapshot(&sandbox.journal_dir()), before, "nothing undone");
    assert_eq!(
        sandbox.ok(&["undo", "--yes"]),
        "Undid: note of 2020-01-02 (made on 2020-01-02 at 18:30)\n"
    );
    assert!(!days(&sandbox).contains("tight\""), "{}", days(&sandbox));
}

/// Issue 29 item 14, on a terminal: a change before today is asked about; "n" (or just
/// Enter) leaves it, "y" undoes it.
#[test]
fn undo_of_a_change_before_today_asks_on_a_terminal() {
    let sandbox = setup();
    sandbox.ok(&["note", "--date", "2020-01-02", "tight"]);
    age_last_change(&sandbox, "2020-01-02T18:30:00+00:00");
    let before = snapshot(&sandbox.journal_dir());
    let home = sandbox.home.path();
    let mut pty = pty_support::Pty::app_with(home, &["TZ=UTC"], &["undo"], (100, 10));
    let screen = pty.wait_for("[y/N]");
    assert!(
        screen.contains("Undo note of 2020-01-02 (made on 2020-01-02 at 18:30)? [y/N]"),
        "{screen}"
    );
    pty.keys(&["Enter"]);
    assert_eq!(pty.exit_code(), Some(1));
    assert_eq!(snapshot(&sandbox.journal_dir()), before, "left as it is");
    let mut pty = pty_support::Pty::app_with(home, &["TZ=UTC"], &["undo"], (100, 10));
    pty.wait_for("[y/N]");
    pty.keys(&["y", "Enter"]);
    let screen = pty.wait_for("Undid:");
    assert!(
        screen.contains("Undid: note of 2020-01-02 (made on 2020-01-02 at 18:30)"),
        "{screen}"
    );
    assert_eq!(pty.exit_code(), Some(0));
    assert!(!days(&sandbox).contains("tight\""), "{}", days(&sandbox));
}

/// Issue 29 item 14: `aftercare redo` puts back what `undo` took back, as a new change
/// that can be undone again; a new change ends what can be redone.
#[test]
fn redo_puts_back_the_last_undo_and_a_new_change_ends_it() {
    let sandbox = setup();
    sandbox.ok(&["tick", "water", "--count", "2", "--date", "2020-01-02"]);
    undone(&sandbox, &["undo"]);
    assert!(ticks(&sandbox).is_empty());
    assert_eq!(
        sandbox.ok(&["redo"]),
        "Redid: Glasses of water on 2020-01-02 0/8 → 2/8\n"
    );
    assert_eq!(ticks(&sandbox).len(), 2);
    let run = sandbox.run(&["redo"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("nothing to redo"), "{}", run.stderr);
    // Undo the redo, then redo once more: the same story both ways.
    assert_eq!(
        undone(&sandbox, &["undo"]),
        "Undid: Glasses of water on 2020-01-02 2/8 → 0/8\n"
    );
    sandbox.ok(&["note", "--date", "2020-01-02", "new"]);
    let run = sandbox.run(&["redo"]);
    assert_eq!(run.code, 1, "a new change ends the redo: {}", run.stdout);
    // The treatment recorded by setup, undone and redone, reads as recorded again.
    undone(&sandbox, &["undo"]);
    undone(&sandbox, &["undo"]);
    assert_eq!(
        sandbox.ok(&["redo"]),
        "Redid: recorded treatment of 2020-01-01 09:00\n"
    );
    assert!(sandbox.ok(&["treatment", "list"]).contains("2020-01-01"));
}

#[test]
fn undo_reverses_the_last_tick_and_the_journal_reads_as_before() {
    let sandbox = setup();
    sandbox.ok(&["tick", "water", "--count", "2", "--date", "2020-01-02"]);
    let before = sandbox.ok(&["status", "--json"]);
    let ticks_before = ticks(&sandbox);
    assert_eq!(ticks_before.len(), 2);
    sandbox.ok(&["tick", "water", "--date", "2020-01-02"]);
    let out = undone(&sandbox, &["undo"]);
    assert_eq!(out, "Undid: Glasses of water on 2020-01-02 3/8 → 2/8\n");
    assert_eq!(sandbox.ok(&["status", "--json"]), before);
    // The same live ticks as before, by identity (the undone one stays as a tombstone,
    // so a sync merge never brings it back).
    assert_eq!(ticks(&sandbox), ticks_before);
    assert!(days(&sandbox).contains("unticked"));
    // Run again: the two glasses of the first command.
    let out = undone(&sandbox, &["undo"]);
    assert!(out.contains("2/8 → 0/8"), "{out}");
}

#[test]
fn undo_walks_back_through_note_symptoms_and_treatment() {
    let sandbox = setup();
    sandbox.ok(&["note", "--date", "2020-01-02", "tight"]);
    sandbox.ok(&["note", "--date", "2020-01-02", "better"]);
    sandbox.ok(&[
        "symptoms",
        "--redness",
        "2",
        "--swelling",
        "1",
        "--pain",
        "0",
        "--dryness",
        "3",
    ]);
    let out = undone(&sandbox, &["undo"]);
    assert!(out.starts_with("Undid: scores of"), "{out}");
    assert_eq!(undone(&sandbox, &["undo"]), "Undid: note of 2020-01-02\n");
    let status = sandbox.ok(&["export", "--format", "csv-days"]);
    assert!(
        status.contains("tight") && !status.contains("better"),
        "{status}"
    );
    undone(&sandbox, &["undo"]);
    assert_eq!(
        undone(&sandbox, &["undo"]),
        "Undid: recorded treatment of 2020-01-01 09:00\n"
    );
    assert!(sandbox.ok(&["treatment", "list"]).contains("No treatment"));
    let run = sandbox.run(&["undo"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("nothing to undo"), "{}", run.stderr);
}

#[test]
fn nothing_to_undo_says_so_with_exit_code_1_and_writes_nothing() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["undo"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr.lines().count(), 1, "one line: {}", run.stderr);
    assert!(run.stderr.contains("nothing to undo"), "{}", run.stderr);
    assert!(!sandbox.journal_dir().exists());
}

#[test]
fn the_log_is_owner_only_in_the_state_dir_and_per_journal() {
    let sandbox = setup();
    let log = sandbox.home.path().join(".local/state/aftercare/undo.ron");
    assert!(log.exists());
    let mode = std::fs::metadata(&log).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // A change to another journal is not undone from this one.
    let other = sandbox.home.path().join("other");
    let other = other.to_str().unwrap();
    sandbox.ok(&[
        "--journal",
        other,
        "note",
        "--date",
        "2020-01-02",
        "elsewhere",
    ]);
    let before = snapshot(&sandbox.journal_dir());
    assert_eq!(
        undone(&sandbox, &["--journal", other, "undo"]),
        "Undid: note of 2020-01-02\n"
    );
    assert_eq!(snapshot(&sandbox.journal_dir()), before);
}

#[test]
fn a_change_made_elsewhere_meanwhile_is_left_as_it_is() {
    let sandbox = setup();
    sandbox.ok(&["note", "--date", "2020-01-02", "mine"]);
    // Another writer (the app, another machine) rewrites the note. Done here through a
    // journal opened directly: its change is not in the shell's log.
    let dir = sandbox.journal_dir();
    let mut journal = aftercare::journal::Journal::open_writable(
        aftercare::journal::Layout::new(&dir),
        aftercare::journal::COMMAND_LOCK_WAIT,
    )
    .unwrap();
    journal
        .edit_day(jiff::civil::date(2020, 1, 2), |d| d.write_note("theirs"))
        .unwrap();
    let run = sandbox.run(&["undo"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("changed elsewhere"), "{}", run.stderr);
    assert!(days(&sandbox).contains("theirs"));
    // Dropped from the list: the next undo goes further back (the treatment).
    assert!(sandbox.ok(&["undo"]).contains("recorded treatment"));
}

/// Issue 28 case 8: with the state folder full, `undo` cannot write its log: it fails in
/// one line and changes nothing — the note stays, and once there is space the same undo
/// works (no false "changed elsewhere").
#[test]
fn undo_that_cannot_write_its_log_changes_nothing() {
    let sandbox = setup();
    sandbox.ok(&["note", "--date", "2020-01-02", "keep me"]);
    let state = sandbox.home.path().join(".local/state/aftercare");
    assert!(state.join("undo.ron").exists(), "the log is where expected");
    let before = snapshot(&sandbox.journal_dir().join("days"));

    let mut command = sandbox.command_in("UTC", &["undo"]);
    command.env(aftercare::journal::test_seam::FULL_DIR, &state);
    let run = cli_support::run_command(command);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_eq!(run.stderr.lines().count(), 1, "one line: {}", run.stderr);
    assert!(run.stderr.contains("undo.ron"), "{}", run.stderr);
    assert_eq!(
        snapshot(&sandbox.journal_dir().join("days")),
        before,
        "the note is not erased"
    );

    assert_eq!(undone(&sandbox, &["undo"]), "Undid: note of 2020-01-02\n");
    assert!(!days(&sandbox).contains("keep me\""), "{}", days(&sandbox));
}

/// The other order: the log is written but the journal cannot be: the undo is put back in
/// the log, so the same `undo` works once there is space.
#[test]
fn undo_that_cannot_write_the_journal_stays_undoable() {
    let sandbox = setup();
    sandbox.ok(&["note", "--date", "2020-01-02", "keep me"]);
    let before = snapshot(&sandbox.journal_dir().join("days"));
    let mut command = sandbox.command_in("UTC", &["undo"]);
    command.env(
        aftercare::journal::test_seam::FULL_DIR,
        sandbox.journal_dir().join("days"),
    );
    let run = cli_support::run_command(command);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_eq!(snapshot(&sandbox.journal_dir().join("days")), before);
    assert_eq!(undone(&sandbox, &["undo"]), "Undid: note of 2020-01-02\n");
}
