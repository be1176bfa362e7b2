//! The journal's housekeeping in one listing per folder: the temporaries an interrupted
//! save left (see [`super::atomic`]) are removed and the sync tools' conflict copies (see
//! [`super::conflict`]) are found from the same `readdir`.
//!
//! `days/` holds one file per month ever logged (600 at fifty years): listing it is the one
//! cost of opening a journal that grows with the years, so it is listed once, not once per
//! job, and each name is sorted out by a test of a few bytes before any pattern work.
//!
//! A photo is saved the same way into `photos/YYYY-MM/` (see `photo_files`), so a crash
//! there leaves the same kind of temporary: [`sweep_photo_months`] removes those.

use std::fs;
use std::io;
use std::path::Path;

use super::atomic;
use super::conflict::{self, ConflictCopy};

/// What a listing does with aftercare's own stale temporaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Temporaries {
    /// Removes them (regular files with [`atomic::is_ours`] names only). Only with the
    /// journal lock held, so that no other aftercare is in the middle of a save.
    Remove,
    /// Leaves them: a listing that only looks for conflict copies.
    Leave,
}

/// Lists `dir` once: deals with aftercare's temporaries as `temporaries` says, and returns
/// the conflict copies of the journal files `is_journal_stem` accepts, sorted by name.
/// `None` looks for no copies (`backups/`). A missing `dir` has neither.
pub fn list(
    dir: &Path,
    temporaries: Temporaries,
    is_journal_stem: Option<&dyn Fn(&str) -> bool>,
) -> io::Result<Vec<ConflictCopy>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(err),
    };
    let mut copies = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if atomic::is_ours(name) {
            if temporaries == Temporaries::Remove && entry.file_type()?.is_file() {
                fs::remove_file(entry.path())?;
            }
        } else if let Some(is_journal_stem) = is_journal_stem
            && let Some(original) = conflict::original_name(name, is_journal_stem)
            && entry.file_type()?.is_file()
        {
            copies.push(ConflictCopy {
                path: entry.path(),
                original: dir.join(original),
            });
        }
    }
    copies.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(copies)
}

/// Removes aftercare's stale temporaries from each month folder of `photos` (the photo
/// writer's own names only, see [`atomic::is_ours`]; a photo is never touched). Neither
/// `photos` nor a month folder is followed if it is a symlink: nothing is deleted in
/// someone else's folder. Only with the journal lock held, as photos are written under it.
pub fn sweep_photo_months(photos: &Path) -> io::Result<()> {
    if crate::folder::open_own(photos)?.is_none() {
        return Ok(());
    }
    for entry in fs::read_dir(photos)? {
        let entry = entry?;
        let is_month = entry.file_name().to_str().is_some_and(is_month_name);
        // `DirEntry::file_type` does not follow a symlink: a linked month is skipped.
        if is_month && entry.file_type()?.is_dir() {
            list(&entry.path(), Temporaries::Remove, None)?;
        }
    }
    Ok(())
}

/// `2027-03`: the shape of the month folders the photo writer makes.
fn is_month_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.len() == 7
        && bytes[4] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_listing_sweeps_only_our_temporaries_and_finds_the_copies() {
        let dir = tempfile::tempdir().unwrap();
        let ours = ".aftercare-12-0123456789abcdef.tmp";
        let copy = "2027-03.sync-conflict-20270315-101010-ABCDEFG.ron";
        let theirs = [
            ".2027-03.ron.backup",
            ".2027-03.ron.Xy12Ab",
            ".aftercare-12-xyz.tmp",
            "aftercare-12-0123456789abcdef.tmp",
            "2027-03.ron",
            "notes (conflicted copy 2027-03-15 101010).ron",
        ];
        for name in theirs.iter().chain([&ours, &copy]) {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        let is_month = |stem: &str| stem == "2027-03";
        let found = list(dir.path(), Temporaries::Remove, Some(&is_month)).unwrap();
        assert_eq!(
            found,
            vec![ConflictCopy {
                path: dir.path().join(copy),
                original: dir.path().join("2027-03.ron"),
            }]
        );
        assert!(!dir.path().join(ours).exists(), "our temporary swept");
        for name in theirs.iter().chain([&copy]) {
            assert!(dir.path().join(name).exists(), "{name} kept");
        }
    }

    #[test]
    fn without_a_stem_test_it_only_sweeps() {
        let dir = tempfile::tempdir().unwrap();
        let ours = ".aftercare-7-00000000000000ff.tmp";
        let copy = "2027-03.sync-conflict-20270315-101010-ABCDEFG.ron";
        for name in [ours, copy] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        assert_eq!(list(dir.path(), Temporaries::Remove, None).unwrap(), vec![]);
        assert!(!dir.path().join(ours).exists());
        assert!(dir.path().join(copy).exists());
    }

    #[test]
    fn looking_for_copies_alone_leaves_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let ours = ".aftercare-7-00000000000000ff.tmp";
        let copy = "2027-03.sync-conflict-20270315-101010-ABCDEFG.ron";
        for name in [ours, copy] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        let is_month = |stem: &str| stem == "2027-03";
        let found = list(dir.path(), Temporaries::Leave, Some(&is_month)).unwrap();
        assert_eq!(found.len(), 1);
        assert!(dir.path().join(ours).exists());
    }

    #[test]
    fn photo_months_are_swept_but_no_other_folder() {
        let dir = tempfile::tempdir().unwrap();
        let ours = ".aftercare-9-00000000000000aa.tmp";
        for folder in ["2027-03", "notes"] {
            fs::create_dir(dir.path().join(folder)).unwrap();
            fs::write(dir.path().join(folder).join(ours), "x").unwrap();
        }
        fs::write(
            dir.path().join("2027-03/2027-03-14-091200-abc.jpg"),
            "photo",
        )
        .unwrap();
        sweep_photo_months(dir.path()).unwrap();
        assert!(!dir.path().join("2027-03").join(ours).exists());
        assert!(
            dir.path()
                .join("2027-03/2027-03-14-091200-abc.jpg")
                .exists()
        );
        assert!(dir.path().join("notes").join(ours).exists(), "not a month");
        assert!(!is_month_name("2027-3"));
        assert!(!is_month_name("2027_03"));
    }

    #[test]
    fn no_photos_folder_is_nothing_to_sweep() {
        let dir = tempfile::tempdir().unwrap();
        sweep_photo_months(&dir.path().join("photos")).unwrap();
    }

    #[test]
    fn a_missing_folder_has_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("days");
        assert_eq!(
            list(&missing, Temporaries::Remove, Some(&|_| true)).unwrap(),
            vec![]
        );
    }
}
