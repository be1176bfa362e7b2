//! Test seams that make a race certain without sleeps. Unset (always, outside tests) every
//! call here is one environment lookup and nothing else.
//!
//! - `AFTERCARE_TEST_SEAM_DIR` (a folder of the test's own) with, for one process,
//!   `AFTERCARE_TEST_PAUSE` naming a point: that process stops at the point (having read
//!   the file it is about to change) until the test lets it go, and every process says
//!   there when it waits for a lock, so the test knows the second writer really waits.
//! - `AFTERCARE_TEST_PAUSE_BEFORE_LOCK=<gate>`: every journal change stops after the
//!   command has read the journal and before it takes the lock: it leaves
//!   `<gate>.arrived.<pid>` and waits until `<gate>` exists.
//! - `AFTERCARE_TEST_FULL_DIR`: every save into that folder fails as on a full disk, to
//!   prove a command that cannot finish changes nothing.
//!
//! A paused process goes on by itself after a while, so a broken test never hangs.

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The folder where the points reached are announced and the test lets a process go.
pub const SEAM_DIR: &str = "AFTERCARE_TEST_SEAM_DIR";
/// The point at which this process pauses.
pub const PAUSE: &str = "AFTERCARE_TEST_PAUSE";
/// A folder this process finds full: every save into it fails as on a full disk.
pub const FULL_DIR: &str = "AFTERCARE_TEST_FULL_DIR";

/// A paused process goes on by itself after this long, so a broken test never hangs.
const PAUSE_AT_MOST: Duration = Duration::from_secs(60);

fn seam_dir() -> Option<PathBuf> {
    std::env::var_os(SEAM_DIR)
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
}

/// At `point`: when `AFTERCARE_TEST_PAUSE` names it, creates `<seam>/<point>.reached` and
/// waits until the test creates `<seam>/<point>.go`.
pub fn pause(point: &str) {
    let Some(dir) = seam_dir() else { return };
    if std::env::var_os(PAUSE).is_none_or(|p| p != point) {
        return;
    }
    let _ = std::fs::write(dir.join(format!("{point}.reached")), "");
    wait_until_exists(&dir.join(format!("{point}.go")));
}

/// Says this process reached `point` (`<seam>/<point>.<pid>`), pausing nowhere.
pub fn announce(point: &str) {
    if let Some(dir) = seam_dir() {
        let _ = std::fs::write(dir.join(format!("{point}.{}", std::process::id())), "");
    }
}

/// Fails as a full disk does (`ENOSPC`) when `AFTERCARE_TEST_FULL_DIR` names `dir`.
pub fn check_space(dir: &std::path::Path) -> std::io::Result<()> {
    let full = std::env::var_os(FULL_DIR).filter(|d| !d.is_empty());
    match full {
        Some(full) if same_folder(std::path::Path::new(&full), dir) => {
            Err(std::io::Error::from_raw_os_error(libc::ENOSPC))
        }
        _ => Ok(()),
    }
}

fn same_folder(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The environment variable that names the gate file.
pub const PAUSE_BEFORE_LOCK: &str = "AFTERCARE_TEST_PAUSE_BEFORE_LOCK";

/// Pauses before the lock when a test asked for it (see the module).
pub(crate) fn test_seam_pause_before_lock() {
    let Some(gate) = std::env::var_os(PAUSE_BEFORE_LOCK).map(PathBuf::from) else {
        return;
    };
    let mut arrived = gate.clone().into_os_string();
    arrived.push(format!(".arrived.{}", std::process::id()));
    // A seam that cannot signal must not hang the test: it goes on.
    if std::fs::write(&arrived, b"").is_err() {
        return;
    }
    wait_until_exists(&gate);
}

/// Waits until the test creates `file`, at most [`PAUSE_AT_MOST`].
fn wait_until_exists(file: &std::path::Path) {
    let until = Instant::now() + PAUSE_AT_MOST;
    while !file.exists() && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(5));
    }
}
