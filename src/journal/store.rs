//! Reading and writing journal files: crash-safe, private, and never over a file we could
//! not read.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use atomic_write_file::AtomicWriteFile;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{FileError, ron_error};

use super::model::{JOURNAL_VERSION, Month};

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

    pub fn month(&self, month: Month) -> PathBuf {
        self.days_dir().join(format!("{month}.ron"))
    }
}

/// Pretty RON that a person can read and edit, without wasting lines.
pub fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("  ")
        .compact_arrays(false)
        .depth_limit(4)
}

/// Reads a journal file; `Ok(None)` when it does not exist yet.
pub fn read<T: DeserializeOwned + Versioned>(path: &Path) -> Result<Option<T>, FileError> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) if err.kind() == std::io::ErrorKind::InvalidData => {
            return Err(FileError::new(
                path,
                None,
                "is not text (UTF-8); it was left as it is",
            ));
        }
        Err(err) => return Err(FileError::io(path, &err)),
    };
    let value: T = ron::from_str(&text).map_err(|err| ron_error(path, &err))?;
    if value.version() > JOURNAL_VERSION {
        return Err(FileError::new(
            path,
            None,
            format!(
                "was written by a newer aftercare (journal version {}, this one knows {JOURNAL_VERSION}); update aftercare — the file was not changed",
                value.version()
            ),
        ));
    }
    Ok(Some(value))
}

/// Writes a file so that a crash leaves either the old or the new one, never a mix:
/// temp file in the same directory, fsync, rename, fsync the directory. Owner-only.
pub fn write<T: Serialize>(path: &Path, value: &T) -> Result<(), FileError> {
    let text = ron::ser::to_string_pretty(value, pretty_config())
        .map_err(|err| FileError::new(path, None, format!("could not be written: {err}")))?;
    write_text(path, &text)
}

fn write_text(path: &Path, text: &str) -> Result<(), FileError> {
    use atomic_write_file::unix::OpenOptionsExt as _;
    use std::os::unix::fs::OpenOptionsExt as _;

    let io_err = |err: std::io::Error| FileError::io(path, &err);
    if let Some(parent) = path.parent() {
        create_private_dir(parent).map_err(|err| FileError::io(parent, &err))?;
    }
    let mut options = AtomicWriteFile::options();
    options.preserve_mode(false).mode(0o600);
    let mut file = options.open(path).map_err(io_err)?;
    file.write_all(text.as_bytes()).map_err(io_err)?;
    file.write_all(b"\n").map_err(io_err)?;
    file.commit().map_err(io_err)
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

/// Files that carry a schema version.
pub trait Versioned {
    fn version(&self) -> u32;
}

impl Versioned for super::model::TreatmentsFile {
    fn version(&self) -> u32 {
        self.version
    }
}

impl Versioned for super::model::MonthFile {
    fn version(&self) -> u32 {
        self.version
    }
}
