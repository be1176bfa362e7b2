//! The running timers on disk (`timer.ron` in the state dir), read by the app when it opens
//! and by `aftercare remind`. Private (0600), crash-safe like every journal file.
//!
//! Timers have identities, like ticks: each window's timer is its own record, so one
//! window's end never removes another's. Every change is a short locked read-modify-write
//! (see `lock::update_locked`), and ending a timer is a *claim* of its record: whoever
//! removes it (a window at its end, or a window that opens after it ended) logs the
//! session, and nobody else does — a session is logged exactly once.
//!
//! The first format (one timer, `version: 1`) is still read, as a timer of its own.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::FileError;
use aftercare_domain::event::EventId;
use aftercare_domain::timer::RunningTimer;

use crate::format::Versioned;
use crate::store;

/// The timers file's schema (1 was a single timer).
const VERSION: u32 = 2;

/// The identity of the old single timer, read from the first format.
const FIRST_FORMAT_ID: &str = "timer";

/// One stored timer and its identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredTimer {
    pub id: String,
    pub timer: RunningTimer,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TimersFile {
    version: u32,
    #[serde(default)]
    timers: Vec<StoredTimer>,
}

impl Versioned for RunningTimer {
    fn version(&self) -> u32 {
        self.version
    }
}

impl Versioned for TimersFile {
    fn version(&self) -> u32 {
        self.version
    }
}

/// Every stored timer: running, or ended and not yet logged.
pub fn load(path: &Path) -> Result<Vec<StoredTimer>, FileError> {
    match store::read::<TimersFile>(path) {
        Ok((file, _)) => Ok(file.map_or_else(Vec::new, |f| f.timers)),
        Err(err) => match store::read::<RunningTimer>(path) {
            Ok((Some(timer), _)) if timer.version < VERSION => Ok(vec![StoredTimer {
                id: FIRST_FORMAT_ID.to_string(),
                timer,
            }]),
            _ => Err(err),
        },
    }
}

/// Stores `timer` as a record of its own, creating the state dir (owner-only) if needed;
/// returns its identity.
pub fn add(path: &Path, timer: &RunningTimer) -> Result<String, FileError> {
    crate::update_locked(path, || {
        let mut timers = load(path)?;
        let id = format!("{:016x}", EventId::random().0);
        timers.push(StoredTimer {
            id: id.clone(),
            timer: timer.clone(),
        });
        save(path, timers)?;
        Ok(id)
    })
}

/// Takes the timer `id` off the file; true when this call took it (the caller then logs
/// its session, or it was cancelled), false when someone else already had.
pub fn claim(path: &Path, id: &str) -> Result<bool, FileError> {
    crate::update_locked(path, || {
        let mut timers = load(path)?;
        let before = timers.len();
        timers.retain(|t| t.id != id);
        if timers.len() == before {
            return Ok(false);
        }
        save(path, timers)?;
        Ok(true)
    })
}

/// Writes `timers`, or removes the file when none is left.
fn save(path: &Path, timers: Vec<StoredTimer>) -> Result<(), FileError> {
    if timers.is_empty() {
        return match std::fs::remove_file(path) {
            Ok(()) => Ok(()),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(err) => Err(FileError::io(path, &err)),
        };
    }
    store::write(
        path,
        &TimersFile {
            version: VERSION,
            timers,
        },
    )
    .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ice(started: &str) -> RunningTimer {
        RunningTimer {
            version: 1,
            item_id: "ice".into(),
            label: "Ice pack".into(),
            started: started.parse().unwrap(),
            ends: "2027-03-14T10:12:00+01:00".parse().unwrap(),
        }
    }

    #[test]
    fn each_timer_is_its_own_record_claimed_once_privately() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("state/aftercare/timer.ron");
        assert_eq!(load(&path).unwrap(), vec![]);
        let first = add(&path, &ice("2027-03-14T10:00:00+01:00")).unwrap();
        let second = add(&path, &ice("2027-03-14T10:01:00+01:00")).unwrap();
        assert_ne!(first, second);
        assert_eq!(load(&path).unwrap().len(), 2);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert!(claim(&path, &first).unwrap());
        assert!(!claim(&path, &first).unwrap(), "claimed once");
        assert_eq!(load(&path).unwrap()[0].id, second);
        assert!(claim(&path, &second).unwrap());
        assert!(!path.exists(), "no timer, no file");
    }

    #[test]
    fn the_first_format_is_read_as_one_timer() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("timer.ron");
        store::write(&path, &ice("2027-03-14T10:00:00+01:00")).unwrap();
        let timers = load(&path).unwrap();
        assert_eq!(timers.len(), 1);
        assert!(claim(&path, &timers[0].id).unwrap());
        assert!(!path.exists());
    }
}
