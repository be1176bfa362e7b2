//! Issue 28 cases 9 and 10: housekeeping never blocks a save, never reaches outside the
//! journal, and never merges a sync copy into the wrong month. A `backups/` that is not a folder (it cannot be listed) costs a warning, not
//! the change; a `backups/` that is a symlink is never followed: nothing is written into
//! the folder it points to, and nothing there is deleted.

mod cli_support;

use cli_support::{Sandbox, snapshot};

fn tick_twice(sandbox: &Sandbox) -> Vec<cli_support::Run> {
    (0..2).map(|_| sandbox.run(&["tick", "water"])).collect()
}

#[test]
fn a_backups_folder_that_cannot_be_listed_is_a_warning_not_a_failed_save() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["treatment", "add", "--at", "2026-01-01 09:00"]);
    let backups = sandbox.journal_dir().join("backups");
    let _ = std::fs::remove_dir_all(&backups);
    std::fs::write(&backups, "not a folder").unwrap();
    for run in tick_twice(&sandbox) {
        assert_eq!(run.code, 0, "the tick is saved: {}", run.stderr);
        assert!(
            run.stderr.contains("backups"),
            "a warning names the folder: {}",
            run.stderr
        );
    }
    let days = snapshot(&sandbox.journal_dir().join("days"));
    assert!(
        days.iter()
            .any(|(_, bytes)| String::from_utf8_lossy(bytes).contains("water")),
        "the ticks are in the journal"
    );
    assert_eq!(std::fs::read_to_string(&backups).unwrap(), "not a folder");
}

#[test]
fn a_symlinked_backups_folder_is_never_written_or_pruned_through() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["treatment", "add", "--at", "2026-01-01 09:00"]);
    let backups = sandbox.journal_dir().join("backups");
    let _ = std::fs::remove_dir_all(&backups);
    let foreign = sandbox.home.path().join("someone-else");
    std::fs::create_dir(&foreign).unwrap();
    // Names aftercare would prune in its own backups: a stale temporary, an old daily.
    std::fs::write(foreign.join(".aftercare-1-0123456789abcdef.tmp"), "theirs").unwrap();
    std::fs::write(foreign.join("treatments.2020-01-01.ron"), "theirs").unwrap();
    std::os::unix::fs::symlink(&foreign, &backups).unwrap();
    let before = snapshot(&foreign);

    let runs = tick_twice(&sandbox);
    sandbox.ok(&["treatment", "add", "--at", "2026-01-08 09:00"]);
    for run in runs {
        assert_eq!(run.code, 0, "the tick is saved: {}", run.stderr);
        assert!(
            run.stderr.contains("symbolic link"),
            "a warning says why no backup is kept: {}",
            run.stderr
        );
        assert_eq!(run.stderr.lines().count(), 1, "one line: {}", run.stderr);
    }
    assert_eq!(
        snapshot(&foreign),
        before,
        "the foreign folder is untouched"
    );
    assert!(
        std::fs::symlink_metadata(&backups)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

/// Issue 28 case 9: a sync conflict copy of January holding a day of February is refused
/// and left as it is: January's file is untouched and the journal still opens.
#[test]
fn a_conflict_copy_holding_a_day_of_another_month_is_refused_not_merged() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["treatment", "add", "--at", "2020-01-01 09:00"]);
    sandbox.ok(&["note", "--date", "2020-01-02", "mine"]);
    let january = sandbox.month_file("2020-01");
    let text = std::fs::read_to_string(&january).unwrap();
    let copy = sandbox
        .journal_dir()
        .join("days/2020-01.sync-conflict-20200105-101010-ABCDEFG.ron");
    std::fs::write(&copy, text.replace("2020-01-02", "2020-02-03")).unwrap();

    let run = sandbox.run(&["note", "--date", "2020-01-04", "also mine"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("2020-02-03") && run.stderr.contains("left as it is"),
        "one line says why: {}",
        run.stderr
    );
    assert!(copy.exists(), "the copy is left for the patient");
    let after = std::fs::read_to_string(&january).unwrap();
    assert!(
        !after.contains("2020-02"),
        "nothing of February merged: {after}"
    );
    let status = sandbox.run(&["export", "--format", "csv"]);
    assert_eq!(status.code, 0, "the journal still reads: {}", status.stderr);
}
