//! Issue 5, terminal: the real binary, on a pseudo-terminal (util-linux `script`), restores
//! the terminal when killed with SIGTERM, and a second copy on the same journal is refused
//! with the first one's pid before it touches the terminal.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

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

/// The TUI on a pseudo-terminal; its output collects in the returned buffer.
fn spawn_on_pty(home: &Path, journal: &Path) -> Option<(Child, Arc<Mutex<Vec<u8>>>)> {
    let binary = env!("CARGO_BIN_EXE_aftercare");
    let mut child = Command::new("script")
        .args([
            "-qfec",
            &format!("exec {binary} --journal {}", journal.display()),
            "/dev/null",
        ])
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("TERM", "xterm-256color")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let output = Arc::new(Mutex::new(Vec::new()));
    let mut stdout = child.stdout.take().unwrap();
    let sink = Arc::clone(&output);
    std::thread::spawn(move || {
        let mut chunk = [0; 4096];
        while let Ok(n @ 1..) = stdout.read(&mut chunk) {
            sink.lock().unwrap().extend_from_slice(&chunk[..n]);
        }
    });
    Some((child, output))
}

fn wait_for(what: &str, timeout: Duration, mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(started.elapsed() < timeout, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The pid of `script`'s child: the aftercare process itself.
fn child_pid(parent: u32) -> u32 {
    let children = std::fs::read_to_string(format!("/proc/{parent}/task/{parent}/children"))
        .unwrap_or_default();
    children
        .split_whitespace()
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or(0)
}

#[test]
fn sigterm_restores_the_terminal_and_the_shell_ticks_beside_it() {
    let home = tempfile::tempdir().unwrap();
    let journal = home.path().join("journal");
    let Some((mut script, output)) = spawn_on_pty(home.path(), &journal) else {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    };
    let text = || String::from_utf8_lossy(&output.lock().unwrap()).into_owned();
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
    let pid = child_pid(script.id());

    let killed = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let mut status = None;
    wait_for(
        "aftercare to exit after SIGTERM",
        Duration::from_secs(5),
        || {
            status = script.try_wait().unwrap();
            status.is_some()
        },
    );
    assert!(
        status.unwrap().success(),
        "a clean exit, not death by signal"
    );
    let all = text();
    let entered = all.rfind(ENTER_ALTERNATE_SCREEN).unwrap();
    assert!(
        all[entered..].contains(LEAVE_ALTERNATE_SCREEN),
        "terminal restored"
    );
}
