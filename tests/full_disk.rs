//! A disk that fills up mid-save, made real with a file-size limit (`ulimit -f`): the write
//! fails with "File too large" exactly as it would on a full disk, and the journal on disk
//! must stay as it was.

mod cli_support;

use cli_support::{Sandbox, snapshot};

#[test]
fn a_save_that_runs_out_of_space_changes_nothing_on_disk() {
    let sandbox = Sandbox::new();
    assert_eq!(
        sandbox
            .run(&["treatment", "add", "--at", "2026-01-01 09:00"])
            .code,
        0
    );
    assert_eq!(sandbox.run(&["tick", "water"]).code, 0);
    let before = snapshot(sandbox.home.path());

    // 100 more ticks make the month file grow past the 1 KiB limit: the write fails.
    let bin = env!("CARGO_BIN_EXE_aftercare");
    let run = sandbox.shell(&format!(
        "trap '' XFSZ; ulimit -f 1 && exec {bin} tick water --count 100"
    ));

    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("too large"),
        "the reason is named: {}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "one line: {}", run.stderr);
    let after: Vec<_> = snapshot(sandbox.home.path())
        .into_iter()
        .filter(|(path, _)| !path.starts_with(sandbox.journal_dir().join("backups")))
        .collect();
    let before: Vec<_> = before
        .into_iter()
        .filter(|(path, _)| !path.starts_with(sandbox.journal_dir().join("backups")))
        .collect();
    assert_eq!(
        after, before,
        "the journal is exactly as it was, no temp file left"
    );

    // Space is back: the same command now works.
    assert_eq!(sandbox.run(&["tick", "water", "--count", "100"]).code, 0);
}
