//! The journal's folder: created owner-only when aftercare makes it, and otherwise left
//! exactly as the user set it up. `--journal /tmp` or a shared folder must not have its
//! mode changed (dropping `/tmp`'s sticky bit), nor a symlinked folder's target; instead
//! the patient is told, in one line, that others can read it.

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

use aftercare_domain::text::printable;

/// The journal folder's mode when other users can open it (group or other bits set);
/// `None` when it is private or cannot be checked.
pub fn open_to_others(dir: &Path) -> Option<u32> {
    let mode = std::fs::metadata(dir).ok()?.permissions().mode() & 0o7777;
    (mode & 0o077 != 0).then_some(mode)
}

/// One line for the command line when the journal folder (which aftercare did not create)
/// can be opened by other users.
pub fn privacy_warning(dir: &Path) -> Option<String> {
    let mode = open_to_others(dir)?;
    let dir = dir.display().to_string();
    Some(format!(
        "note: other users can open the journal folder {} (mode {mode:o}); aftercare leaves it as it is — `chmod 700` it to keep your health data private",
        printable(&dir),
    ))
}

/// The same for the app's status bar, short enough for 60 columns.
pub fn privacy_notice(dir: &Path) -> Option<String> {
    let mode = open_to_others(dir)?;
    Some(format!(
        "Others can open your journal folder ({mode:o}): chmod 700 it"
    ))
}

/// Which folder the journal was opened in (device and inode), so that a save can tell the
/// same folder from an empty mount point left by an unplugged disk, or a new folder made
/// at the same path after the old one was deleted or moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FolderId {
    dev: u64,
    ino: u64,
}

impl FolderId {
    /// The folder at `dir` now (following a symlink: the journal may live elsewhere).
    pub fn of(dir: &Path) -> std::io::Result<FolderId> {
        use std::os::unix::fs::MetadataExt as _;
        let meta = std::fs::metadata(dir)?;
        Ok(FolderId {
            dev: meta.dev(),
            ino: meta.ino(),
        })
    }

    /// Fails, writing nothing, unless `dir` is still this folder.
    pub fn check(self, dir: &Path) -> Result<(), crate::error::FileError> {
        if FolderId::of(dir).is_ok_and(|now| now == self) {
            return Ok(());
        }
        Err(crate::error::FileError::new(
            dir,
            None,
            "Not saved: the journal folder is gone or was unmounted; your change is kept in memory and saved when it is back",
        ))
    }
}

/// Opens a folder aftercare writes in and prunes (`backups/`) without following a symlink
/// (`O_DIRECTORY | O_NOFOLLOW`): a link there could send health data into, and deletions
/// into, someone else's folder. `Ok(None)` when nothing is there; an error that says what
/// is there instead when it is a link or not a folder.
pub fn open_own(dir: &Path) -> std::io::Result<Option<std::fs::File>> {
    use std::os::unix::fs::OpenOptionsExt as _;
    let opened = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_DIRECTORY | libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(dir);
    match opened {
        Ok(folder) => Ok(Some(folder)),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) if matches!(err.raw_os_error(), Some(libc::ELOOP | libc::ENOTDIR)) => {
            let is_link = std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink());
            Err(std::io::Error::other(if is_link {
                "is a symbolic link; aftercare keeps no backups through it and deletes nothing there (make it a real folder)"
            } else {
                "is not a folder; aftercare keeps no backups until it is one"
            }))
        }
        Err(err) => Err(err),
    }
}
