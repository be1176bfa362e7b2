//! Reading and writing journal files: crash-safe, private, and never over a file we could
//! not read.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use aftercare_domain::model::Month;

use crate::error::FileError;
use crate::format::{self, Versioned};

/// The journal's directory and the names of the files in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub dir: PathBuf,
}

impl Layout {
    pub fn new(dir: impl Into<PathBuf>) -> Layout {
        Layout { dir: dir.into() }
    }

    pub fn treatments(&self) -> PathBuf {
        self.dir.join("treatments.ron")
    }

    pub fn days_dir(&self) -> PathBuf {
        self.dir.join("days")
    }

    /// `photos/`: one folder per month of photos (see `photo_files`).
    pub fn photos_dir(&self) -> PathBuf {
        self.dir.join("photos")
    }

    pub fn backups_dir(&self) -> PathBuf {
        self.dir.join(super::backup::BACKUP_DIR)
    }

    pub fn month(&self, month: Month) -> PathBuf {
        self.days_dir().join(format!("{month}.ron"))
    }
}

/// Larger than any real journal file (a month is a few kilobytes): refused before reading,
/// so a stray huge file cannot stall start-up or exhaust memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// What a file looked like when it was read or written: enough to notice that something
/// else (Syncthing, an editor) changed it since. The inode and ctime catch a replaced file
/// even when the other writer restores the old mtime, as Syncthing does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fingerprint(Option<(u64, u64, i64, i64, i64, i64)>);

impl Fingerprint {
    fn of(meta: &fs::Metadata) -> Fingerprint {
        use std::os::unix::fs::MetadataExt as _;
        Fingerprint(Some((
            meta.len(),
            meta.ino(),
            meta.mtime(),
            meta.mtime_nsec(),
            meta.ctime(),
            meta.ctime_nsec(),
        )))
    }

    /// The file as it is now on disk; `Fingerprint::default()` when it does not exist.
    pub fn current(path: &Path) -> Result<Fingerprint, FileError> {
        match fs::metadata(path) {
            Ok(meta) => Ok(Fingerprint::of(&meta)),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Fingerprint(None)),
            Err(err) => Err(FileError::io(path, &err)),
        }
    }
}

/// Reads a journal file; `Ok((None, _))` when it does not exist yet.
pub fn read<T: DeserializeOwned + Versioned>(
    path: &Path,
) -> Result<(Option<T>, Fingerprint), FileError> {
    let Some((bytes, meta)) = super::safe_file::read_capped(path, MAX_FILE_BYTES)? else {
        return Ok((None, Fingerprint(None)));
    };
    let value = format::parse(&bytes, path)?;
    Ok((Some(value), Fingerprint::of(&meta)))
}

/// Writes a file so that a crash leaves either the old or the new one, never a mix:
/// temp file in the same directory, fsync, rename, fsync the directory (see `atomic`, whose
/// temporaries only aftercare names). Owner-only. Refused, with nothing written, when the
/// file would be larger than [`MAX_FILE_BYTES`]. Returns the new file's fingerprint.
///
/// The journal directory itself is never created here: if it vanished (an unmounted
/// disk, a deleted folder), recreating it would scatter the journal; the error is reported
/// and the change stays in memory. Only `days/` is created, inside it.
pub fn write<T: Serialize>(path: &Path, value: &T) -> Result<Fingerprint, FileError> {
    write_text(path, &format::to_text(value, path)?)?;
    Fingerprint::current(path)
}

fn write_text(path: &Path, text: &str) -> Result<(), FileError> {
    // Never write what the loader would refuse: the journal would no longer open.
    let size = text.len() as u64 + 1;
    if size > MAX_FILE_BYTES {
        return Err(FileError::new(
            path,
            None,
            format!(
                "would grow to {}, larger than aftercare reads ({}); the change was not saved — shorten a note",
                super::safe_file::human_size(size),
                super::safe_file::human_size(MAX_FILE_BYTES)
            ),
        ));
    }
    if let Some(parent) = path.parent() {
        ensure_subdir(parent)?;
    }
    let mut bytes = Vec::with_capacity(text.len() + 1);
    bytes.extend_from_slice(text.as_bytes());
    bytes.push(b'\n');
    super::atomic::replace(path, &bytes).map_err(|err| FileError::io(path, &err))
}

/// Creates `dir` (owner-only) if missing, but only inside an existing directory.
pub fn ensure_subdir(dir: &Path) -> Result<(), FileError> {
    use std::os::unix::fs::DirBuilderExt as _;
    if dir.is_dir() {
        return Ok(());
    }
    let parent = dir.parent().unwrap_or(dir);
    if !parent.is_dir() {
        return Err(FileError::new(
            parent,
            None,
            "the journal folder is gone (deleted, or a disk unmounted?); your changes are kept in memory and saved when it is back",
        ));
    }
    fs::DirBuilder::new()
        .mode(0o700)
        .create(dir)
        .map_err(|err| FileError::io(dir, &err))
}

/// Creates a directory (and its parents) readable by the owner only.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt as _;
    if dir.is_dir() {
        return Ok(());
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}
