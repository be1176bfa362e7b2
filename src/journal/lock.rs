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
use std::io::{Read, Seek, Write};
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
    pub fn acquire(dir: &Path, wait: Duration) -> Result<JournalLock, FileError> {
        use std::os::unix::fs::OpenOptionsExt as _;
        let path = dir.join(LOCK_FILE);
        let io_err = |err: std::io::Error| FileError::io(&path, &err);
        // No truncation here: until we hold the lock, the holder's pid must stay readable.
        // Never through a symlink (it would truncate another file of the user's) and never
        // anything but a regular file.
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
            .open(&path)
            .map_err(|err| {
                if err.raw_os_error() == Some(libc::ELOOP) {
                    FileError::new(
                        &path,
                        None,
                        "is a symbolic link; aftercare does not follow it (remove it, aftercare makes a new one); nothing was changed",
                    )
                } else {
                    io_err(err)
                }
            })?;
        if !file.metadata().map_err(io_err)?.is_file() {
            return Err(FileError::new(
                &path,
                None,
                "is not a regular file; remove it (aftercare makes a new one); nothing was changed",
            ));
        }
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(RETRY_EVERY);
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(FileError::new(
                        dir,
                        None,
                        format!(
                            "this journal is open in another aftercare ({}); close that one first, nothing was changed",
                            holder(&mut file)
                        ),
                    ));
                }
                Err(std::fs::TryLockError::Error(err)) => return Err(io_err(err)),
            }
        }
        let info = format!(
            "pid {}\nsince {}\n",
            std::process::id(),
            jiff::Timestamp::now()
                .round(jiff::Unit::Second)
                .unwrap_or_default()
        );
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(info.as_bytes()))
            .map_err(io_err)?;
        Ok(JournalLock { _file: file })
    }
}

/// "pid 4242, since 2026-11-24T14:50:00Z", read from the lock file the holder wrote.
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
