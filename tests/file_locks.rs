//! Issue 28 case 6: every file aftercare writes outside the journal (the plan file, the
//! reminder settings) gets the journal's short locked read-modify-write, and `plan edit`
//! re-applies the editor's result on the file as it is when the editor closes.
//!
//! The race is made certain with the test seam (`journal::test_seam`): the first command
//! stops right after reading the file; the second runs until it ends or says it waits
//! for the lock; then the first goes on.

mod cli_support;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use aftercare::journal::test_seam::{PAUSE, SEAM_DIR};
use cli_support::{Run, Sandbox};

/// Waits for `done` to hold, failing the test after a generous limit.
fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let until = Instant::now() + Duration::from_secs(20);
    while !done() {
        assert!(Instant::now() < until, "never happened: {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn spawn(mut command: Command) -> Child {
    command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs")
}

fn finish(child: Child) -> Run {
    let out = child.wait_with_output().expect("waited");
    Run {
        code: out.status.code().expect("exited"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn lock_waited(seam: &Path) -> bool {
    std::fs::read_dir(seam).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("lock-wait.")
    })
}

/// `first` paused at `point` after reading; `second` to its end or to the lock; then
/// `first` lets go. Both runs, in that order.
pub fn race(sandbox: &Sandbox, point: &str, first: &[&str], second: &[&str]) -> (Run, Run) {
    let seam = tempfile::tempdir().unwrap();
    let mut a = sandbox.command_in("UTC", first);
    a.env(SEAM_DIR, seam.path()).env(PAUSE, point);
    let a = spawn(a);
    wait_for("the first command read the file", || {
        seam.path().join(format!("{point}.reached")).exists()
    });
    let mut b = sandbox.command_in("UTC", second);
    b.env(SEAM_DIR, seam.path());
    let mut b = spawn(b);
    wait_for("the second command ended or waits for the lock", || {
        b.try_wait().unwrap().is_some() || lock_waited(seam.path())
    });
    std::fs::write(seam.path().join(format!("{point}.go")), "").unwrap();
    let a = finish(a);
    let b = finish(b);
    (a, b)
}

#[test]
fn two_plan_sets_at_once_both_keep_their_change() {
    let sandbox = Sandbox::new();
    let (a, b) = race(
        &sandbox,
        "plan-read",
        &["plan", "set", "water", "target=10"],
        &["plan", "set", "sunscreen", "days=1-60"],
    );
    assert_eq!(a.code, 0, "{}", a.stderr);
    assert_eq!(b.code, 0, "{}", b.stderr);
    let diff = sandbox.ok(&["plan", "diff"]);
    assert!(diff.contains("water"), "the first change is kept: {diff}");
    assert!(
        diff.contains("sunscreen"),
        "the second change is kept: {diff}"
    );
}

#[test]
fn two_remind_sets_at_once_both_keep_their_change() {
    let sandbox = Sandbox::new();
    let (a, b) = race(
        &sandbox,
        "settings-read",
        &["remind", "--set", "evening=19:30"],
        &["remind", "--set", "timers=off"],
    );
    assert_eq!(a.code, 0, "{}", a.stderr);
    assert_eq!(b.code, 0, "{}", b.stderr);
    let shown = sandbox.ok(&["remind", "--settings"]);
    assert!(shown.contains("19:30"), "the first change is kept: {shown}");
    let timers = shown
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("timers"))
        .and_then(|rest| rest.split_whitespace().next());
    assert_eq!(timers, Some("off"), "the second change is kept: {shown}");
}

/// An editor that, while open, lets the shell change the plan (`plan set sunscreen`), then
/// makes its own change to another entry.
fn editor_script(sandbox: &Sandbox, edit: &str) -> std::path::PathBuf {
    let bin = env!("CARGO_BIN_EXE_aftercare");
    let script = sandbox.home.path().join("editor.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nset -e\n{bin} plan set sunscreen days=1-60 >/dev/null\n{edit}\n"),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

#[test]
fn a_plan_set_made_while_the_editor_is_open_survives_the_edit() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["plan", "--init"]);
    let script = editor_script(
        &sandbox,
        r#"sed -i 's|^)$|    changes: { "water": (target: 10) },\n)|' "$1""#,
    );
    let mut command = sandbox.command_in("UTC", &["plan", "edit"]);
    command.env("EDITOR", &script).env_remove("VISUAL");
    let run = cli_support::run_command(command);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let diff = sandbox.ok(&["plan", "diff"]);
    assert!(diff.contains("water"), "the editor's change: {diff}");
    assert!(
        diff.contains("sunscreen"),
        "the change made while the editor was open: {diff}"
    );
}

#[test]
fn an_edit_of_the_entry_changed_meanwhile_is_refused_in_one_line() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["plan", "--init"]);
    let script = editor_script(
        &sandbox,
        r#"sed -i 's|^)$|    changes: { "sunscreen": (days: "2-30") },\n)|' "$1""#,
    );
    let mut command = sandbox.command_in("UTC", &["plan", "edit"]);
    command.env("EDITOR", &script).env_remove("VISUAL");
    let run = cli_support::run_command(command);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "one line: {}", run.stderr);
    assert!(run.stderr.contains("sunscreen"), "{}", run.stderr);
    let diff = sandbox.ok(&["plan", "diff"]);
    assert!(
        diff.contains("1–60") || diff.contains("1-60"),
        "the shell's change stays: {diff}"
    );
}
