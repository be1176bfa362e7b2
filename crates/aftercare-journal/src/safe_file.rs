//! Opening the patient's files as if anything could be at their paths: a FIFO (which would
//! block the app forever, holding the lock), a symlink to `/dev/zero` or to another of the
//! user's files, a 2 GB sparse file. Every read of a journal, plan or backup file goes
//! through [`read_capped`]; every file created goes through [`create_private`].

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::Path;

use crate::error::FileError;

/// Opens `path` for reading without following a symlink and without blocking on a FIFO,
/// then checks the opened handle (not the path, which could change in between) is a regular
/// file. `Ok(None)` when nothing is there.
pub fn open_regular(path: &Path) -> Result<Option<(File, std::fs::Metadata)>, FileError> {
    let file = match OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
    {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) if err.raw_os_error() == Some(libc::ELOOP) => {
            return Err(FileError::new(
                path,
                None,
                "is a symbolic link; aftercare does not follow links to its files (put the real file here); nothing was changed",
            ));
        }
        Err(err) => return Err(FileError::io(path, &err)),
    };
    let meta = file.metadata().map_err(|err| FileError::io(path, &err))?;
    if !meta.is_file() {
        return Err(FileError::new(
            path,
            None,
            format!(
                "is not a regular file (it is {}); move it away — nothing was changed",
                kind(&meta)
            ),
        ));
    }
    Ok(Some((file, meta)))
}

/// The whole content of the regular file at `path`, refused beyond `limit` bytes whatever
/// its size claims (a file can grow while read: the read itself stops at `limit + 1`).
/// `Ok(None)` when nothing is there.
pub fn read_capped(
    path: &Path,
    limit: u64,
) -> Result<Option<(Vec<u8>, std::fs::Metadata)>, FileError> {
    let Some((file, meta)) = open_regular(path)? else {
        return Ok(None);
    };
    let too_large = |size: u64| {
        FileError::new(
            path,
            None,
            format!(
                "is {}, larger than aftercare reads (at most {}); it was left as it is",
                human_size(size),
                human_size(limit)
            ),
        )
    };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| FileError::io(path, &err))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(Some((bytes, meta)))
}

/// Creates a new file owner-only (0600, whatever the umask: it can only remove bits),
/// never through a symlink and never over an existing file.
pub fn create_private(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)
}

fn kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt as _;
    let file_type = meta.file_type();
    if file_type.is_dir() {
        "a folder"
    } else if file_type.is_fifo() {
        "a named pipe"
    } else if file_type.is_char_device() || file_type.is_block_device() {
        "a device"
    } else if file_type.is_socket() {
        "a socket"
    } else {
        "not a file"
    }
}

/// "16 MiB", "2.0 GiB": sizes people read.
pub fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= 1024 * MIB {
        format!("{:.1} GiB", bytes as f64 / (1024 * MIB) as f64)
    } else if bytes >= MIB {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= 1024 {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("p.ron");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(status.success());
        let err = read_capped(&fifo, 100).unwrap_err().to_string();
        assert!(err.contains("named pipe"), "{err}");
    }

    #[test]
    fn dev_zero_through_a_symlink_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("z.ron");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let err = read_capped(&link, 100).unwrap_err().to_string();
        assert!(err.contains("symbolic link"), "{err}");
    }

    #[test]
    fn a_file_over_the_limit_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.ron");
        std::fs::write(&path, [b' '; 101]).unwrap();
        assert!(read_capped(&path, 100).is_err());
        assert_eq!(read_capped(&path, 101).unwrap().unwrap().0.len(), 101);
        assert!(read_capped(&dir.path().join("none"), 1).unwrap().is_none());
    }
}
