//! Crash-safe, private file replacement with temporary files only aftercare names.
//!
//! A save writes `.aftercare-<pid>-<16 hex>.tmp` beside the file (created exclusively,
//! owner-only, never through a symlink), fsyncs it, renames it over the file and fsyncs the
//! folder: a crash leaves the old file or the new one, never a mix. An interrupted save may
//! leave its temporary behind; [`super::tidy`] removes exactly those names and nothing else — not
//! the user's own `.2027-03.ron.backup`, not an rsync or Syncthing temporary (which look
//! like `.2027-03.ron.Xy12Ab`).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const PREFIX: &str = ".aftercare-";
const SUFFIX: &str = ".tmp";

/// Writes `bytes` to `path` atomically and durably, the new file owner-only (0600 whatever
/// the umask). A symlink at `path` is replaced by the file, its target left alone.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = Prepared::beside(path)?;
    file.write_all(bytes)?;
    file.commit_durably(path)
}

/// The folder a file is in (`.` for a bare name).
fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// A file written under a temporary name, not yet in place. Two steps, so that a caller
/// can do what must only happen once the content is safely written (rotating backups, or
/// streaming a whole export) between them: on a full disk the write fails and nothing else
/// has moved. Dropped without a commit, the temporary is removed.
#[derive(Debug)]
pub struct Prepared {
    temporary: Option<PathBuf>,
    file: fs::File,
}

/// Writes `bytes` to a new temporary in `dir` (fsynced when `durable`).
pub fn prepare(dir: &Path, bytes: &[u8], durable: bool) -> io::Result<Prepared> {
    let mut prepared = Prepared::new(dir)?;
    prepared.write_all(bytes)?;
    if durable {
        prepared.file.sync_all()?;
    }
    Ok(prepared)
}

impl Prepared {
    /// An empty temporary in `dir`.
    pub fn new(dir: &Path) -> io::Result<Prepared> {
        let (temporary, file) = create_temporary(dir)?;
        Ok(Prepared {
            temporary: Some(temporary),
            file,
        })
    }

    /// An empty temporary in the folder `path` will be in.
    pub fn beside(path: &Path) -> io::Result<Prepared> {
        Prepared::new(parent(path))
    }

    /// Renames the temporary to `to` (replacing a file or a symlink there, never following it).
    pub fn commit(mut self, to: &Path) -> io::Result<()> {
        let temporary = self.temporary.take().expect("committed once");
        fs::rename(&temporary, to).inspect_err(|_| {
            let _ = fs::remove_file(&temporary);
        })
    }

    /// Flushes the content to disk, renames it to `to`, and makes the rename durable.
    pub fn commit_durably(self, to: &Path) -> io::Result<()> {
        self.file.sync_all()?;
        self.commit(to)?;
        fs::File::open(parent(to))?.sync_all()
    }
}

impl Write for Prepared {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.file.write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Drop for Prepared {
    fn drop(&mut self) {
        if let Some(temporary) = self.temporary.take() {
            let _ = fs::remove_file(temporary);
        }
    }
}

/// A new temporary file in `dir` with a name no other program makes.
fn create_temporary(dir: &Path) -> io::Result<(PathBuf, fs::File)> {
    super::test_seam::check_space(dir)?;
    for attempt in 0u32.. {
        let path = dir.join(format!(
            "{PREFIX}{}-{:016x}{SUFFIX}",
            std::process::id(),
            random(attempt)
        ));
        match super::safe_file::create_private(&path) {
            Ok(file) => return Ok((path, file)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists && attempt < 16 => {}
            Err(err) => return Err(err),
        }
    }
    unreachable!("the loop returns")
}

/// 64 random-enough bits without a dependency: std's per-process random hash keys, mixed
/// with the time and the attempt. Uniqueness is enforced by `create_new` anyway.
fn random(attempt: u32) -> u64 {
    use std::hash::{BuildHasher as _, Hasher as _};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(attempt);
    if let Ok(elapsed) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(elapsed.as_nanos());
    }
    hasher.finish()
}

/// `.aftercare-4242-0123456789abcdef.tmp`, exactly.
pub fn is_ours(name: &str) -> bool {
    let Some(rest) = name
        .strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix(SUFFIX))
    else {
        return false;
    };
    let Some((pid, random)) = rest.split_once('-') else {
        return false;
    };
    !pid.is_empty()
        && pid.bytes().all(|b| b.is_ascii_digit())
        && random.len() == 16
        && random.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    #[test]
    fn replaces_privately_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2027-03.ron");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        replace(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
