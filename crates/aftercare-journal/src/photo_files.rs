//! The photo files beside the journal: `photos/YYYY-MM/<name>.jpg` and its thumbnail,
//! folders 0700 and files 0600, each written atomically (see `atomic`) and never through a
//! symlink. A removed photo's files move into `backups/photos/`, named with the day they
//! were removed and kept for [`backup::DAYS`] days like the journal's daily backups, so
//! that undo can bring them back.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use aftercare_domain::model::Photo;
use jiff::civil::Date;

use crate::backup;
use crate::error::FileError;
use crate::photo_import::Imported;
use crate::store::Layout;

/// The folder removed photos wait in, inside `backups/`.
const REMOVED_DIR: &str = "photos";

/// The path of a journal-relative photo file, refusing any name that could leave the
/// journal folder (a hand-edited `../../x`).
pub fn path_of(layout: &Layout, file: &str) -> Option<PathBuf> {
    let relative = Path::new(file);
    let safe = relative.starts_with("photos")
        && relative
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
    safe.then(|| layout.dir.join(relative))
}

/// Writes an imported photo and its thumbnail at `photo.file`. Nothing is left behind on
/// failure.
pub fn store(layout: &Layout, photo: &Photo, imported: &Imported) -> Result<(), FileError> {
    let path = path_of(layout, &photo.file)
        .ok_or_else(|| FileError::new(Path::new(&photo.file), None, "is not a photo name"))?;
    let thumb = layout.dir.join(photo.thumbnail_file());
    let folder = path.parent().expect("photos/YYYY-MM/name");
    make_private_dirs(layout, folder).map_err(|err| FileError::io(folder, &err))?;
    write_new(&path, &imported.jpeg).map_err(|err| FileError::io(&path, &err))?;
    if let Err(err) = write_new(&thumb, &imported.thumbnail) {
        let _ = fs::remove_file(&path);
        return Err(FileError::io(&thumb, &err));
    }
    Ok(())
}

/// Removes what [`store`] wrote (a photo whose journal entry could not be saved).
pub fn discard(layout: &Layout, photo: &Photo) {
    for file in [photo.file.clone(), photo.thumbnail_file()] {
        if let Some(path) = path_of(layout, &file) {
            let _ = fs::remove_file(path);
        }
    }
}

/// Creates `photos/` and `photos/YYYY-MM` owner-only, refusing a symlink at either.
fn make_private_dirs(layout: &Layout, folder: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt as _;
    let photos = layout.photos_dir();
    for dir in [photos.as_path(), folder] {
        if crate::folder::open_own(dir)?.is_none() {
            fs::DirBuilder::new().mode(0o700).create(dir)?;
        }
    }
    Ok(())
}

/// Writes `bytes` atomically and durably to a new file at `path` (0600).
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = crate::atomic::Prepared::beside(path)?;
    file.write_all(bytes)?;
    file.commit_durably(path)
}

/// After a change is saved: a removed photo's files go to `backups/photos/`, a photo put
/// back (undo) gets its files back from there. A failure is said, not fatal: the journal
/// is already right.
pub fn follow(layout: &Layout, moves: &[(bool, &Photo)], today: Date) -> Result<(), FileError> {
    let removed = layout.backups_dir().join(REMOVED_DIR);
    for (added, photo) in moves {
        for file in [photo.file.clone(), photo.thumbnail_file()] {
            let Some(path) = path_of(layout, &file) else {
                continue;
            };
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let result = if *added {
                restore(&removed, &name, &path)
            } else {
                set_aside(layout, &removed, &name, &path, today)
            };
            result.map_err(|err| FileError::io(&path, &err))?;
        }
    }
    Ok(())
}

/// Moves a removed photo's file into `backups/photos/<today>.<name>`, then drops those
/// removed more than [`backup::DAYS`] days ago.
fn set_aside(
    layout: &Layout,
    removed: &Path,
    name: &str,
    path: &Path,
    today: Date,
) -> io::Result<()> {
    if crate::safe_file::open_regular(path)
        .ok()
        .flatten()
        .is_none()
    {
        return Ok(()); // already gone (removed on another device, or a retried save)
    }
    use std::os::unix::fs::DirBuilderExt as _;
    for dir in [layout.backups_dir(), removed.to_path_buf()] {
        if crate::folder::open_own(&dir)?.is_none() {
            fs::DirBuilder::new().mode(0o700).create(&dir)?;
        }
    }
    fs::rename(path, removed.join(format!("{today}.{name}")))?;
    prune(removed, today)
}

/// Puts back the newest kept copy of `name`, if the photo's file is missing.
fn restore(removed: &Path, name: &str, path: &Path) -> io::Result<()> {
    if fs::symlink_metadata(path).is_ok() || crate::folder::open_own(removed)?.is_none() {
        return Ok(());
    }
    let suffix = format!(".{name}");
    let mut kept: Vec<String> = fs::read_dir(removed)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(&suffix))
        .collect();
    kept.sort();
    if let Some(newest) = kept.last() {
        fs::rename(removed.join(newest), path)?;
    }
    Ok(())
}

/// Drops removed photos kept longer than the daily backups are.
fn prune(removed: &Path, today: Date) -> io::Result<()> {
    let oldest = today
        .checked_sub(jiff::Span::new().days(backup::DAYS - 1))
        .unwrap_or(today);
    for entry in fs::read_dir(removed)? {
        let entry = entry?;
        let name = entry.file_name();
        let day = name
            .to_str()
            .and_then(|n| n.get(..10))
            .and_then(|d| d.parse::<Date>().ok());
        if day.is_some_and(|d| d < oldest) {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_leave_the_journal_are_refused() {
        let layout = Layout::new("/j");
        assert!(path_of(&layout, "photos/2027-03/a.jpg").is_some());
        assert!(path_of(&layout, "photos/../../etc/passwd").is_none());
        assert!(path_of(&layout, "/etc/passwd").is_none());
        assert!(path_of(&layout, "days/2027-03.ron").is_none());
    }
}
