//! What reminders were already delivered (by `aftercare remind`, or by the app when its
//! timer ended), in the state dir (`reminders-delivered.ron`, 0600),
//! so that a run every minute never repeats a reminder.
//!
//! A run holds an OS lock on `.remind.lock` beside it from reading the list to writing it
//! back, so two runs at once (the timer and the patient typing `aftercare remind`) cannot
//! both deliver the same reminder. Keys older than [`KEEP_DAYS`] are dropped: every
//! reminder expires long before that, so a dropped key can never come back.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::FileError;
use aftercare_domain::time::Stamp;

/// How long a delivered key is remembered.
pub const KEEP_DAYS: i64 = 90;

const STATE_VERSION: u32 = 1;

/// The delivered keys, each with the instant it was delivered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delivered {
    version: u32,
    #[serde(default)]
    delivered: BTreeMap<String, Stamp>,
}

impl crate::Versioned for Delivered {
    fn version(&self) -> u32 {
        self.version
    }
}

impl Delivered {
    pub fn load(path: &Path) -> Result<Delivered, FileError> {
        Ok(crate::read(path)?.0.unwrap_or(Delivered {
            version: STATE_VERSION,
            delivered: BTreeMap::new(),
        }))
    }

    pub fn contains(&self, key: &str) -> bool {
        self.delivered.contains_key(key)
    }

    pub fn insert(&mut self, key: &str, at: Stamp) {
        self.delivered.insert(key.to_string(), at);
    }

    /// Saves the list (owner-only, crash-safe), forgetting keys older than [`KEEP_DAYS`].
    pub fn save(&mut self, path: &Path, now: jiff::Timestamp) -> Result<(), FileError> {
        let horizon = jiff::SignedDuration::from_hours(24 * KEEP_DAYS);
        self.delivered
            .retain(|_, at| now.duration_since(at.instant) < horizon);
        crate::write(path, self).map(|_| ())
    }
}

/// Held for the whole of a run that delivers; released on drop (or death).
#[derive(Debug)]
pub struct RunLock {
    _file: File,
}

impl RunLock {
    /// Creates the state dir (owner-only) and waits for any other run to finish.
    pub fn acquire(state_dir: &Path) -> Result<RunLock, FileError> {
        let (file, path) = Self::open(state_dir)?;
        file.lock().map_err(|err| FileError::io(&path, &err))?;
        Ok(RunLock { _file: file })
    }

    /// The lock if no one holds it (`None` while a `remind` run is delivering): for the
    /// app, which must not freeze waiting.
    pub fn try_acquire(state_dir: &Path) -> Result<Option<RunLock>, FileError> {
        let (file, path) = Self::open(state_dir)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(RunLock { _file: file })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(err)) => Err(FileError::io(&path, &err)),
        }
    }

    fn open(state_dir: &Path) -> Result<(File, std::path::PathBuf), FileError> {
        use std::os::unix::fs::OpenOptionsExt as _;
        crate::create_private_dir(state_dir).map_err(|err| FileError::io(state_dir, &err))?;
        let path = state_dir.join(".remind.lock");
        let file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            // Never through a symlink, never blocking on a FIFO (see `safe_file`).
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
            .open(&path)
            .map_err(|err| FileError::io(&path, &err))?;
        if !file
            .metadata()
            .map_err(|err| FileError::io(&path, &err))?
            .is_file()
        {
            return Err(FileError::new(
                &path,
                None,
                "is not a regular file; remove it",
            ));
        }
        Ok((file, path))
    }
}
