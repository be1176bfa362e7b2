//! The running timer on disk (`timer.ron` in the state dir): written when a timer starts,
//! removed when it ends or is cancelled, read by the app when it opens and by
//! `aftercare remind`. Private (0600), crash-safe like every journal file.

use std::path::Path;

use crate::error::FileError;
use aftercare_domain::timer::RunningTimer;

use crate::format::Versioned;
use crate::store;

impl Versioned for RunningTimer {
    fn version(&self) -> u32 {
        self.version
    }
}

/// The stored timer, if one runs (or ran and was not yet logged).
pub fn load(path: &Path) -> Result<Option<RunningTimer>, FileError> {
    Ok(store::read(path)?.0)
}

/// Stores `timer`, creating the state dir (owner-only) if needed.
pub fn save(path: &Path, timer: &RunningTimer) -> Result<(), FileError> {
    if let Some(dir) = path.parent() {
        store::create_private_dir(dir).map_err(|err| FileError::io(dir, &err))?;
    }
    store::write(path, timer).map(|_| ())
}

/// Forgets the stored timer; no file is fine.
pub fn clear(path: &Path) -> Result<(), FileError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(FileError::io(path, &err)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timer_survives_a_round_trip_privately() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("state/aftercare/timer.ron");
        assert_eq!(load(&path).unwrap(), None);
        let timer = RunningTimer {
            version: 1,
            item_id: "ice".into(),
            label: "Ice pack".into(),
            started: "2027-03-14T10:00:00+01:00".parse().unwrap(),
            ends: "2027-03-14T10:12:00+01:00".parse().unwrap(),
        };
        save(&path, &timer).unwrap();
        assert_eq!(load(&path).unwrap(), Some(timer));
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        clear(&path).unwrap();
        clear(&path).unwrap();
        assert_eq!(load(&path).unwrap(), None);
    }
}
