//! Issue 5, terminal: the real binary, on a pseudo-terminal, restores
//! the terminal when killed with SIGTERM, and a second copy on the same journal is refused
//! with the first one's pid before it touches the terminal.

mod pty_support;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use pty_support::Pty;

const ENTER_ALTERNATE_SCREEN: &str = "\x1b[?1049h";
const LEAVE_ALTERNATE_SCREEN: &str = "\x1b[?1049l";

fn aftercare(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_aftercare"));
    command
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("AFTERCARE_JOURNAL");
    command
}

fn wait_for(what: &str, timeout: Duration, mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(started.elapsed() < timeout, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn sigterm_restores_the_terminal_and_the_shell_ticks_beside_it() {
    let home = tempfile::tempdir().unwrap();
    let journal = home.path().join("journal");
    let journal_arg = journal.display().to_string();
    let mut app = Pty::app(home.path(), &["--journal", &journal_arg]);
    let text = || app.transcript();
    wait_for("the TUI to start", Duration::from_secs(10), || {
        text().contains(ENTER_ALTERNATE_SCREEN)
    });

    // The open app holds no lock: a command in another terminal writes at once.
    let started = Instant::now();
    let second = aftercare(home.path())
        .args([
            "--journal",
            &journal.display().to_string(),
            "note",
            "from the shell",
        ])
        .output()
        .unwrap();
    let message = String::from_utf8_lossy(&second.stderr);
    assert!(second.status.success(), "{message}");
    assert!(
        started.elapsed() < Duration::from_millis(1500),
        "no wait for the app"
    );
    // SAFETY: a plain signal to our own child, not yet waited for.
    let killed = unsafe { libc::kill(app.pid() as libc::pid_t, libc::SIGTERM) };
    assert_eq!(killed, 0);
    let status = app.exit_status().expect("aftercare exits after SIGTERM");
    assert!(
        status.success(),
        "a clean exit, not death by signal: {status:?}"
    );
    let all = app.transcript();
    let entered = all.rfind(ENTER_ALTERNATE_SCREEN).unwrap();
    assert!(
        all[entered..].contains(LEAVE_ALTERNATE_SCREEN),
        "terminal restored"
    );
}
