//! The I/O edge where the TUI watches the patient's plan file: a `stat` (modification time
//! and size), once a second, so `aftercare plan set` in another terminal is followed while
//! the app is open. Kept out of the state code, which only asks "did it change?".

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The plan file the Plan screen saves to, and how it looked when last read or written
/// here.
#[derive(Debug, Clone)]
pub struct PlanWatch {
    path: PathBuf,
    seen: Option<(SystemTime, u64)>,
}

impl PlanWatch {
    /// Watches `path` from now: as it is now counts as seen.
    pub fn new(path: PathBuf) -> PlanWatch {
        let seen = file_stamp(&path);
        PlanWatch { path, seen }
    }

    /// The plan file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file changed on disk since last seen; as it is now counts as seen.
    pub fn changed(&mut self) -> bool {
        let stamp = file_stamp(&self.path);
        if stamp == self.seen {
            return false;
        }
        self.seen = stamp;
        true
    }

    /// The app just wrote the file: as it is now is what the app has in memory.
    pub fn written(&mut self) {
        self.seen = file_stamp(&self.path);
    }
}

/// A file's modification time and size, or `None` when it is absent.
fn file_stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}
