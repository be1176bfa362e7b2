//! Issue 28 case 10: housekeeping never blocks a save, and never reaches outside the
//! journal. A `backups/` that is not a folder (it cannot be listed) costs a warning, not
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
