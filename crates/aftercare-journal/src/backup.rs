//! The previous versions of each journal file, kept in `DIR/backups/` so that a mistake —
//! or a sync tool's bad day — can be undone by copying a file back.
//!
//! Two kinds, per file:
//! - the last [`KEEP`] versions: `backups/2027-03.1.ron` (the newest) to `.5`, shifted as
//!   logrotate does, skipping a version identical to the newest;
//! - one version per day for [`DAYS`] days: `backups/2027-03.2027-03-14.ron` is the file
//!   as it was when it was first changed on 14 March — what it held at the end of the
//!   13th — so "restore yesterday" stays possible however many ticks came since.
//!
//! A backup is taken only after the new file was written: a save that fails shifts nothing
//! out. Copies, not hard links (an editor writing in place would change the "backup" too),
//! written under a temporary name and renamed so none is ever torn, not fsynced: crash
//! safety comes from the atomic save itself. Owner-only, like the journal.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

/// How many of the latest versions of each file are kept.
pub const KEEP: usize = 5;

/// For how many days one version a day is kept.
pub const DAYS: i64 = 14;

/// The folder of backups in a journal directory.
pub const BACKUP_DIR: &str = "backups";

/// `backups/<stem>.<n>.ron`: `n` = 1 is the newest.
pub fn backup_path(backups: &Path, file: &Path, n: usize) -> PathBuf {
    backups.join(format!("{}.{n}.ron", stem(file)))
}

/// `backups/<stem>.<date>.ron`: the file as it was before its first change that day.
pub fn daily_path(backups: &Path, file: &Path, date: Date) -> PathBuf {
    backups.join(format!("{}.{date}.ron", stem(file)))
}

fn stem(file: &Path) -> String {
    file.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// The bytes of `file` before it is replaced; `None` for a new file. Read as every
/// journal file is (no symlink, no FIFO, capped: see `safe_file`).
pub fn read_previous(file: &Path) -> io::Result<Option<Vec<u8>>> {
    read(file)
}

/// A journal or backup file's bytes through `safe_file` (`None` when missing).
fn read(path: &Path) -> io::Result<Option<Vec<u8>>> {
    super::safe_file::read_capped(path, super::MAX_FILE_BYTES)
        .map(|read| read.map(|(bytes, _)| bytes))
        .map_err(|err| io::Error::other(err.message))
}

/// Keeps `previous` (what `file` held before the save that just succeeded) as the newest
/// backup, and as `today`'s daily backup unless one exists; drops dailies older than
/// [`DAYS`].
pub fn keep(backups: &Path, file: &Path, previous: &[u8], today: Date) -> io::Result<()> {
    if super::folder::open_own(backups)?.is_none() {
        // Not recursive: if the journal folder itself vanished, this must fail, not rebuild it.
        use std::os::unix::fs::DirBuilderExt as _;
        fs::DirBuilder::new().mode(0o700).create(backups)?;
    }
    let daily = daily_path(backups, file, today);
    if !daily.exists() {
        write_copy(backups, &daily, previous)?;
        prune_dailies(backups, file, today)?;
    }
    // A retried save, or a save that changed nothing, must not push real history out.
    if read(&backup_path(backups, file, 1)).is_ok_and(|newest| newest.as_deref() == Some(previous))
    {
        return Ok(());
    }
    // Written in full before anything is shifted: if the disk is full, this fails and every
    // backup stays where it was, however often the save is retried.
    let copy = super::atomic::prepare(backups, previous, false)?;
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

/// Written under a temporary name only aftercare makes (see `atomic`: exclusive, 0600,
/// never through a symlink) and renamed, so that a backup is never a torn copy and a link
/// at the backup's name is replaced, its target untouched.
fn write_copy(backups: &Path, to: &Path, bytes: &[u8]) -> io::Result<()> {
    super::atomic::prepare(backups, bytes, false)?.commit(to)
}

/// Removes this file's daily backups older than [`DAYS`] before `today`.
fn prune_dailies(backups: &Path, file: &Path, today: Date) -> io::Result<()> {
    let prefix = format!("{}.", stem(file));
    let oldest = today
        .checked_sub(jiff::Span::new().days(DAYS - 1))
        .unwrap_or(today);
    for entry in fs::read_dir(backups)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(date) = name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|n| n.strip_suffix(".ron"))
            .filter(|d| d.len() == 10)
            .and_then(|d| d.parse::<Date>().ok())
        else {
            continue;
        };
        if date < oldest {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: i8) -> Date {
        jiff::civil::date(2027, 3, n)
    }

    fn save(file: &Path, backups: &Path, text: &str, today: Date) {
        let previous = read_previous(file).unwrap();
        fs::write(file, text).unwrap();
        if let Some(previous) = previous {
            keep(backups, file, &previous, today).unwrap();
        }
    }

    #[test]
    fn keeps_the_last_five_versions_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("2027-03.ron");
        let backups = dir.path().join(BACKUP_DIR);
        for version in 1..=8 {
            save(&file, &backups, &format!("v{version}"), day(1));
        }
        for n in 1..=KEEP {
            let text = fs::read_to_string(backup_path(&backups, &file, n)).unwrap();
            assert_eq!(text, format!("v{}", 8 - n));
        }
        assert!(!backup_path(&backups, &file, KEEP + 1).exists());
    }

    #[test]
    fn yesterday_survives_many_quick_saves_today() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("2027-03.ron");
        let backups = dir.path().join(BACKUP_DIR);
        save(&file, &backups, "monday morning", day(1));
        save(&file, &backups, "monday evening", day(1));
        for n in 0..20 {
            save(&file, &backups, &format!("tuesday tick {n}"), day(2));
        }
        let tuesday = fs::read_to_string(daily_path(&backups, &file, day(2))).unwrap();
        assert_eq!(tuesday, "monday evening", "the end of yesterday");
        assert!(!backup_path(&backups, &file, KEEP + 1).exists());
    }

    #[test]
    fn dailies_older_than_two_weeks_go() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("treatments.ron");
        let backups = dir.path().join(BACKUP_DIR);
        fs::write(&file, "start").unwrap();
        for n in 1..=20 {
            save(&file, &backups, &format!("day {n}"), day(n));
        }
        let dailies = |d: i8| daily_path(&backups, &file, day(d)).exists();
        assert!((7..=20).all(dailies), "the last 14 days");
        assert!(!(1..7).any(dailies));
    }

    #[test]
    fn the_same_version_is_kept_once() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("treatments.ron");
        let backups = dir.path().join(BACKUP_DIR);
        fs::write(&file, "v1").unwrap();
        keep(&backups, &file, b"v1", day(1)).unwrap();
        keep(&backups, &file, b"v1", day(1)).unwrap();
        assert!(!backup_path(&backups, &file, 2).exists());
    }
}
