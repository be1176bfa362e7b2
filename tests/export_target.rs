//! Exports write only regular files (or stdout): a named pipe at `--output` is refused in
//! one line and left as it is, never replaced by a file (issue 28).

mod cli_support;

use std::os::unix::fs::FileTypeExt as _;

use cli_support::Sandbox;

#[test]
fn an_export_to_a_fifo_is_refused_and_the_fifo_left_in_place() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["treatment", "add", "--at", "2026-01-01 09:00"]);
    let fifo = sandbox.home.path().join("reader.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    for format in ["html", "csv"] {
        let run = sandbox.run(&[
            "export",
            "--format",
            format,
            "--output",
            fifo.to_str().unwrap(),
        ]);
        assert_ne!(run.code, 0, "{format}: {}", run.stdout);
        assert_eq!(run.stderr.lines().count(), 1, "one line: {}", run.stderr);
        assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
        let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(kind.is_fifo(), "{format}: the pipe is still there");
    }
}
