//! Reading and writing journal files: crash-safe, private, and never over a file we could
//! not read.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

pub use crate::domain::text::pretty_config;
use crate::error::{FileError, ron_error};

use crate::domain::model::{JOURNAL_VERSION, Month};

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
    let value = parse(&bytes, path)?;
    Ok((Some(value), Fingerprint::of(&meta)))
}

/// Parses a journal file's bytes; `path` only names the file in errors.
pub fn parse<T: DeserializeOwned + Versioned>(bytes: &[u8], path: &Path) -> Result<T, FileError> {
    let text = crate::domain::strict::as_text(bytes)
        .map_err(|(position, message)| FileError::new(path, Some(position), message))?;
    // Where `version` is written: only an error needs it.
    let version_at = || crate::domain::strict::position_of(text, "version");
    // A file newer than this build: "update aftercare" is the useful message, not
    // "unknown field". The version is probed on its own only when the file does not parse
    // (the probe is a second full parse: doing it first doubled every load).
    let newer = |version: u32| {
        FileError::new(
            path,
            version_at(),
            format!(
                "was written by a newer aftercare (journal version {version}, this one knows {JOURNAL_VERSION}); update aftercare — the file was not changed"
            ),
        )
    };
    // Most files are as aftercare wrote them: those are read quickly (see `fast_ron`);
    // anything else, and every error, goes through `ron`.
    let (mut value, read_by_ron): (T, bool) = match crate::domain::fast_ron::from_str(text) {
        Some(value) => (value, false),
        None => match ron::from_str(text) {
            Ok(value) => (value, true),
            Err(err) => {
                return match ron::from_str::<VersionProbe>(text) {
                    Ok(probe) if probe.version > JOURNAL_VERSION => Err(newer(probe.version)),
                    Ok(probe) if probe.version == 1 => match T::parse_version_1(text) {
                        Some(Ok(value)) => refuse_duplicate_keys(text, path).map(|()| value),
                        Some(Err(err)) => Err(ron_error(path, &err)),
                        None => Err(ron_error(path, &err)),
                    },
                    _ => Err(ron_error(path, &err)),
                };
            }
        },
    };
    if value.version() > JOURNAL_VERSION {
        return Err(newer(value.version()));
    }
    // `fast_ron` reads no map with a key written twice; what `ron` read is checked here.
    if read_by_ron {
        refuse_duplicate_keys(text, path)?;
    }
    if value.version() == 0 {
        return Err(FileError::new(
            path,
            version_at(),
            format!("version 0 does not exist; this aftercare writes version {JOURNAL_VERSION}"),
        ));
    }
    value.after_read();
    Ok(value)
}

/// A key written twice in one map (a day, an item's ticks) would be read as the last one
/// and the first dropped from disk by the next save: refused where it is instead.
pub fn refuse_duplicate_keys(text: &str, path: &Path) -> Result<(), FileError> {
    match crate::domain::strict::duplicate_key(text) {
        Some((offset, key)) => Err(FileError::new(
            path,
            Some(crate::domain::strict::line_column(text.as_bytes(), offset)),
            format!(
                "{key} is written twice in the same list; keep one (merge them by hand) — the file was not changed"
            ),
        )),
        None => Ok(()),
    }
}

/// Just the `version` field of a journal file, whatever else it holds.
#[derive(serde::Deserialize)]
struct VersionProbe {
    version: u32,
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
    let text = ron::ser::to_string_pretty(value, pretty_config())
        .map_err(|err| FileError::new(path, None, format!("could not be written: {err}")))?;
    write_text(path, &text)?;
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

/// Files that carry a schema version.
pub trait Versioned: Sized {
    fn version(&self) -> u32;

    /// Reads a version-1 file whose shape differs from version 2; `None` when the shapes
    /// are the same (the version-2 parse already said what is wrong).
    fn parse_version_1(_text: &str) -> Option<Result<Self, ron::error::SpannedError>> {
        None
    }

    /// Completes what a version-1 file lacks (identities).
    fn after_read(&mut self) {}
}

impl Versioned for crate::domain::model::TreatmentsFile {
    fn version(&self) -> u32 {
        self.version
    }

    fn after_read(&mut self) {
        self.identify_legacy();
    }
}

impl Versioned for crate::domain::model::MonthFile {
    fn version(&self) -> u32 {
        self.version
    }

    fn parse_version_1(text: &str) -> Option<Result<Self, ron::error::SpannedError>> {
        Some(
            ron::from_str::<super::legacy::MonthFileV1>(text)
                .map(super::legacy::MonthFileV1::upgrade),
        )
    }
}
