//! A test seam, and nothing else: lets a test make a race between two processes certain
//! instead of likely. With `AFTERCARE_TEST_PAUSE_BEFORE_LOCK=<gate>` set, every change
//! stops after the command has read the journal and before it takes the lock: it leaves
//! `<gate>.arrived.<pid>` and waits until `<gate>` exists (at most a minute, so a test
//! gone wrong never leaves a process behind). Unset, it costs one environment lookup.

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The environment variable that names the gate file.
pub const PAUSE_BEFORE_LOCK: &str = "AFTERCARE_TEST_PAUSE_BEFORE_LOCK";

/// How long a paused change waits for its gate before going on anyway.
const GIVE_UP_AFTER: Duration = Duration::from_secs(60);

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
    let start = Instant::now();
    while !gate.exists() && start.elapsed() < GIVE_UP_AFTER {
        std::thread::sleep(Duration::from_millis(5));
    }
}
