//! The previous versions of each journal file, kept in `DIR/backups/` before it is replaced.
//!
//! `days/2027-03.ron` is copied to `backups/2027-03.1.ron` (the newest) and older copies move
//! up to `.5` and then drop off, as logrotate does. A copy, not a hard link: an editor that
//! writes in place (vim does for files with several links) would change the "backup" too.
//! The copy is of one small file and is not fsynced: backups are a convenience for undoing a
//! mistake; crash safety comes from the atomic save itself. Owner-only, like the journal.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// How many previous versions of each file are kept.
pub const KEEP: usize = 5;

/// The folder of backups in a journal directory.
pub const BACKUP_DIR: &str = "backups";

/// `backups/<stem>.<n>.ron`: `n` = 1 is the newest.
pub fn backup_path(backups: &Path, file: &Path, n: usize) -> PathBuf {
    let stem = file.file_stem().unwrap_or_default().to_string_lossy();
    backups.join(format!("{stem}.{n}.ron"))
}

/// Copies `file`, if it exists, to the newest backup, shifting the older ones.
///
/// The copy is written in full under a temporary name *before* anything is shifted: on a
/// full disk the write fails and every backup stays where it was, however often the save
/// is retried. Backups are read as journal files are (no symlink, no FIFO, capped), and
/// the copy replaces whatever is at its name without following it.
pub fn keep_previous(backups: &Path, file: &Path) -> io::Result<()> {
    let Some(bytes) = read(file)? else {
        return Ok(());
    };
    // A retried save, or a save that changed nothing, must not push real history out.
    if read(&backup_path(backups, file, 1))
        .is_ok_and(|newest| newest.as_deref() == Some(&bytes[..]))
    {
        return Ok(());
    }
    if !backups.is_dir() {
        // Not recursive: if the journal folder itself vanished, this must fail, not rebuild it.
        use std::os::unix::fs::DirBuilderExt as _;
        fs::DirBuilder::new().mode(0o700).create(backups)?;
    }
    let copy = super::atomic::prepare(backups, &bytes, false)?;
    for n in (1..KEEP).rev() {
        match fs::rename(
            backup_path(backups, file, n),
            backup_path(backups, file, n + 1),
        ) {
            Err(err) if err.kind() != io::ErrorKind::NotFound => return Err(err),
            _ => {}
        }
    }
    copy.commit(&backup_path(backups, file, 1))
}

/// A journal or backup file's bytes through `safe_file` (`None` when missing).
fn read(path: &Path) -> io::Result<Option<Vec<u8>>> {
    super::safe_file::read_capped(path, super::MAX_FILE_BYTES)
        .map(|read| read.map(|(bytes, _)| bytes))
        .map_err(|err| io::Error::other(err.message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_last_five_versions_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("2027-03.ron");
        let backups = dir.path().join(BACKUP_DIR);
        for version in 1..=7 {
            fs::write(&file, format!("v{version}")).unwrap();
            keep_previous(&backups, &file).unwrap();
        }
        for n in 1..=KEEP {
            let text = fs::read_to_string(backup_path(&backups, &file, n)).unwrap();
            assert_eq!(text, format!("v{}", 8 - n));
        }
        assert!(!backup_path(&backups, &file, KEEP + 1).exists());
    }

    #[test]
    fn the_same_version_is_kept_once() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("treatments.ron");
        let backups = dir.path().join(BACKUP_DIR);
        fs::write(&file, "v1").unwrap();
        keep_previous(&backups, &file).unwrap();
        keep_previous(&backups, &file).unwrap();
        assert!(!backup_path(&backups, &file, 2).exists());
    }

    #[test]
    fn nothing_to_keep_for_a_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let backups = dir.path().join(BACKUP_DIR);
        keep_previous(&backups, &dir.path().join("treatments.ron")).unwrap();
        assert!(!backups.exists());
    }
}
