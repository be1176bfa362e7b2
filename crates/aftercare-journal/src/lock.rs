//! One writer at a time: an OS lock on the sidecar file `DIR/.lock`.
//!
//! The lock is on a sidecar, not on a journal file, because every save replaces the journal
//! file's inode by a rename: a lock held on the old inode would protect nothing. The lock is
//! `flock`-style (std's `File::try_lock`), so the kernel drops it when the holder dies, even
//! by `kill -9`: a stale lock file never blocks anyone, it only keeps the last holder's pid.
//!
//! The holder writes its pid and start time into the file so that a second copy can say
//! who has the journal open.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::error::FileError;

/// The name of the sidecar lock file in the journal's directory.
pub const LOCK_FILE: &str = ".lock";

/// How often a waiting writer tries the lock again.
const RETRY_EVERY: Duration = Duration::from_millis(50);

/// Proof that this process is the journal's only writer; released on drop (or death).
#[derive(Debug)]
pub struct JournalLock {
    // Held only for its lock; closing the file releases it.
    _file: File,
}

impl JournalLock {
    /// Takes the lock on the journal in `dir`, trying again for up to `wait` while another
    /// aftercare holds it. `dir` must exist.
    ///
    /// Holding it means holding the file every other writer opens: after locking, the
    /// locked file must still be the one at `DIR/.lock` (a sync tool may have replaced it,
    /// or someone deleted it); if not, it is opened and locked again. A symlink there is
    /// refused, never followed.
    pub fn acquire(dir: &Path, wait: Duration) -> Result<JournalLock, FileError> {
        if !dir.is_dir() {
            return Err(FileError::new(
                dir,
                None,
                "the journal folder is gone (deleted, or a disk unmounted?); your changes are kept in memory and saved when it is back",
            ));
        }
        JournalLock::acquire_file(dir, &dir.join(LOCK_FILE), "this journal", wait)
    }

    /// The lock of one file aftercare keeps outside the journal (the plan file, the
    /// reminder settings, the timers): the sidecar `.NAME.lock` beside it, so that it never
    /// waits on the journal's lock even when both live in one folder. Creates the file's
    /// folder (owner-only) if needed.
    pub fn beside(file: &Path, wait: Duration) -> Result<JournalLock, FileError> {
        let dir = match file.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        crate::store::create_private_dir(dir).map_err(|err| FileError::io(dir, &err))?;
        let name = file
            .file_name()
            .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
        JournalLock::acquire_file(file, &dir.join(format!(".{name}.lock")), "this file", wait)
    }

    /// Takes the lock on the sidecar at `path`; a "busy" error names `guarded`, `what` it is.
    fn acquire_file(
        guarded: &Path,
        path: &Path,
        what: &str,
        wait: Duration,
    ) -> Result<JournalLock, FileError> {
        let io_err = |err: std::io::Error| FileError::io(path, &err);
        let deadline = Instant::now() + wait;
        loop {
            let mut file = open_lock_file(path)?;
            loop {
                match file.try_lock() {
                    Ok(()) => break,
                    Err(std::fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                        crate::test_seam::announce("lock-wait");
                        std::thread::sleep(RETRY_EVERY);
                    }
                    Err(std::fs::TryLockError::WouldBlock) => {
                        return Err(FileError::new(
                            guarded,
                            None,
                            format!(
                                "{what} is busy in another aftercare ({}) for longer than {} s; nothing was changed",
                                holder(&mut file),
                                wait.as_secs_f32()
                            ),
                        ));
                    }
                    Err(std::fs::TryLockError::Error(err)) => return Err(io_err(err)),
                }
            }
            if !is_at_path(&file, path).map_err(io_err)? {
                // Replaced or deleted while we waited: this lock guards nothing. Try the
                // file that is there now (or create it).
                continue;
            }
            let info = format!(
                "pid {}\nsince {}\n",
                std::process::id(),
                jiff::Timestamp::now()
                    .round(jiff::Unit::Second)
                    .unwrap_or_default()
            );
            write_record(&file, info.as_bytes()).map_err(io_err)?;
            return Ok(JournalLock { _file: file });
        }
    }
}

/// The one read-modify-write discipline for a file aftercare keeps outside the journal:
/// takes the lock beside `file` (waiting as a change to the journal does), runs `change`
/// — which reads the file as it is now, decides, and writes it — and unlocks. Two
/// commands changing the file at once then each change what the other saved.
pub fn update_locked<T, E: From<FileError>>(
    file: &Path,
    change: impl FnOnce() -> Result<T, E>,
) -> Result<T, E> {
    let _lock = JournalLock::beside(file, crate::COMMAND_LOCK_WAIT)?;
    change()
}

/// Opens (creating owner-only) the lock file without following a symlink, and refuses
/// anything but a regular file.
fn open_lock_file(path: &Path) -> Result<File, FileError> {
    use std::os::unix::fs::OpenOptionsExt as _;
    // No truncation here: until we hold the lock, the holder's pid must stay readable.
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
        .map_err(|err| {
            if err.raw_os_error() == Some(libc::ELOOP) {
                FileError::new(
                    path,
                    None,
                    "is a symbolic link; aftercare does not follow it (remove it, aftercare makes a new one); nothing was changed",
                )
            } else {
                FileError::io(path, &err)
            }
        })?;
    let meta = file.metadata().map_err(|err| FileError::io(path, &err))?;
    if !meta.is_file() {
        return Err(FileError::new(
            path,
            None,
            "is not a regular file; remove it (aftercare makes a new one); nothing was changed",
        ));
    }
    Ok(file)
}

/// Whether the open `file` is the one at `path` now (same device and inode).
fn is_at_path(file: &File, path: &Path) -> std::io::Result<bool> {
    use std::os::unix::fs::MetadataExt as _;
    let held = file.metadata()?;
    match std::fs::symlink_metadata(path) {
        Ok(now) => Ok(now.is_file() && now.ino() == held.ino() && now.dev() == held.dev()),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(err) => Err(err),
    }
}

/// "pid 4242, since 2026-11-24T14:50:00Z", read from the lock file the holder wrote.
/// Writes the holder's record over the old one in place. Every change takes the lock, and
/// truncating first was a metadata change the file system journals, dearer than the whole
/// record; the length is set only when the old record was longer.
fn write_record(file: &File, record: &[u8]) -> std::io::Result<()> {
    use std::os::unix::fs::FileExt as _;
    file.write_all_at(record, 0)?;
    let len = u64::try_from(record.len()).unwrap_or(u64::MAX);
    if file.metadata()?.len() > len {
        file.set_len(len)?;
    }
    Ok(())
}

fn holder(file: &mut File) -> String {
    let mut text = String::new();
    // A pid and a time: anything longer is not ours and is not read.
    let _ = file
        .rewind()
        .and_then(|()| file.take(256).read_to_string(&mut text));
    let fields: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if fields.is_empty() {
        "pid unknown".to_string()
    } else {
        fields.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_is_rewritten_in_place_leaving_nothing_of_a_longer_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(LOCK_FILE);
        std::fs::write(&path, format!("pid 1\nsince then\n{}\n", "x".repeat(200))).unwrap();
        drop(JournalLock::acquire(dir.path(), Duration::ZERO).unwrap());
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert_eq!(lines[0], format!("pid {}", std::process::id()));
        assert!(lines[1].starts_with("since "), "{text}");
    }

    #[test]
    fn second_lock_is_refused_naming_the_holder_pid() {
        let dir = tempfile::tempdir().unwrap();
        let _first = JournalLock::acquire(dir.path(), Duration::ZERO).unwrap();
        let err = JournalLock::acquire(dir.path(), Duration::ZERO).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains(&format!("pid {}", std::process::id())),
            "{text}"
        );
        assert!(!text.contains('\n'), "one line: {text}");
    }

    #[test]
    fn a_replaced_lock_file_is_locked_again_not_split_in_two() {
        let dir = tempfile::tempdir().unwrap();
        let first = JournalLock::acquire(dir.path(), Duration::ZERO).unwrap();
        // A sync tool replaces `.lock` by rename while the first holder holds the old one.
        let incoming = dir.path().join(".lock.tmp");
        std::fs::write(&incoming, "pid 1\n").unwrap();
        std::fs::rename(&incoming, dir.path().join(LOCK_FILE)).unwrap();
        // A newcomer locks the new file; the first holder's next acquire must then wait for it.
        let second = JournalLock::acquire(dir.path(), Duration::ZERO).unwrap();
        drop(first);
        assert!(JournalLock::acquire(dir.path(), Duration::ZERO).is_err());
        drop(second);
        JournalLock::acquire(dir.path(), Duration::ZERO).unwrap();
    }

    #[test]
    fn a_deleted_lock_file_is_made_again_while_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let first = JournalLock::acquire(dir.path(), Duration::ZERO).unwrap();
        let path = dir.path().join(LOCK_FILE);
        let waiter = {
            let dir = dir.path().to_path_buf();
            std::thread::spawn(move || JournalLock::acquire(&dir, Duration::from_secs(2)))
        };
        std::thread::sleep(Duration::from_millis(120));
        // Deleted while the waiter waits on the old inode; then the holder lets go.
        std::fs::remove_file(&path).unwrap();
        drop(first);
        let lock = waiter.join().unwrap().unwrap();
        assert!(path.exists(), "re-created");
        // And it is really held: the file at the path is locked.
        assert!(JournalLock::acquire(dir.path(), Duration::ZERO).is_err());
        drop(lock);
    }

    #[test]
    fn a_symlinked_lock_file_is_refused_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        std::os::unix::fs::symlink(&elsewhere, dir.path().join(LOCK_FILE)).unwrap();
        let err = JournalLock::acquire(dir.path(), Duration::ZERO).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert!(!elsewhere.exists(), "nothing created through the link");
    }

    #[test]
    fn lock_is_free_again_after_drop() {
        let dir = tempfile::tempdir().unwrap();
        drop(JournalLock::acquire(dir.path(), Duration::ZERO).unwrap());
        JournalLock::acquire(dir.path(), Duration::ZERO).unwrap();
    }

    #[test]
    fn waiting_writer_gets_the_lock_when_released() {
        let dir = tempfile::tempdir().unwrap();
        let first = JournalLock::acquire(dir.path(), Duration::ZERO).unwrap();
        let releaser = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(150));
            drop(first);
        });
        let started = Instant::now();
        JournalLock::acquire(dir.path(), Duration::from_secs(2)).unwrap();
        assert!(started.elapsed() >= Duration::from_millis(100));
        releaser.join().unwrap();
    }

    #[test]
    fn waiting_writer_gives_up_after_the_wait() {
        let dir = tempfile::tempdir().unwrap();
        let _first = JournalLock::acquire(dir.path(), Duration::ZERO).unwrap();
        let started = Instant::now();
        assert!(JournalLock::acquire(dir.path(), Duration::from_millis(200)).is_err());
        let waited = started.elapsed();
        assert!(waited >= Duration::from_millis(200) && waited < Duration::from_secs(1));
    }
}
