//! The conflict copies sync tools leave beside a journal file when two machines changed it
//! before they could exchange it. aftercare merges them in (exactly: see
//! [`aftercare_domain::merge`]) and moves them into `backups/`.
//!
//! Recognised names, for a journal file `STEM.ron` (`treatments` or a month `2027-03`):
//! - Syncthing: `STEM.sync-conflict-20270315-101010-ABCDEFG.ron`;
//! - Nextcloud / ownCloud: `STEM (conflicted copy 2027-03-15 101010).ron`;
//! - Dropbox: `STEM (Alex's conflicted copy 2027-03-15).ron`, maybe with ` (1)` after.

use std::path::{Path, PathBuf};

/// A conflict copy found beside a journal file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictCopy {
    /// The copy itself.
    pub path: PathBuf,
    /// The journal file it is a version of.
    pub original: PathBuf,
}

/// The shortest conflict copy name: a one-letter stem, the shortest mark (` (conflicted
/// copy)`, 18 bytes; Syncthing's is at least 32) and `.ron`.
const SHORTEST_COPY: usize = 1 + 18 + 4;

/// The journal file name (`2027-03.ron`) a conflict copy's name belongs to, if it is one.
/// `is_journal_stem` says which stems are journal files in that folder.
///
/// A journal file's own name (`2027-03.ron`, 11 bytes) is turned down by its length before
/// any pattern work: `days/` holds hundreds of them, and this runs on each.
pub fn original_name(name: &str, is_journal_stem: impl Fn(&str) -> bool) -> Option<String> {
    if name.len() < SHORTEST_COPY {
        return None;
    }
    let base = name.strip_suffix(".ron")?;
    let stem = syncthing_stem(base).or_else(|| bracketed_stem(base))?;
    is_journal_stem(stem).then(|| format!("{stem}.ron"))
}

/// `STEM.sync-conflict-YYYYMMDD-HHMMSS-DEVICE`.
fn syncthing_stem(base: &str) -> Option<&str> {
    let (stem, rest) = base.split_once(".sync-conflict-")?;
    let mut parts = rest.split('-');
    let date = parts.next()?;
    let time = parts.next()?;
    let device = parts.next()?;
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let device_ok = !device.is_empty() && device.bytes().all(|b| b.is_ascii_alphanumeric());
    (digits(date, 8) && digits(time, 6) && device_ok && parts.next().is_none()).then_some(stem)
}

/// `STEM (… conflicted copy …)`, optionally followed by ` (N)` (Dropbox, Nextcloud).
fn bracketed_stem(base: &str) -> Option<&str> {
    let at = base.find(" (")?;
    let (stem, rest) = base.split_at(at);
    let inside = rest.strip_prefix(" (")?;
    let close = inside.find(')')?;
    let (label, after) = inside.split_at(close);
    let after = &after[1..];
    let numbered = after.is_empty()
        || after
            .strip_prefix(" (")
            .and_then(|n| n.strip_suffix(')'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    (label.to_lowercase().contains("conflicted copy") && numbered).then_some(stem)
}

/// Moves a merged copy into `backups/` (never deletes it), under its own name, or with
/// ` N` added if that name is taken.
pub fn put_aside(copy: &Path, backups: &Path) -> std::io::Result<PathBuf> {
    use std::os::unix::fs::DirBuilderExt as _;
    if !backups.is_dir() {
        std::fs::DirBuilder::new().mode(0o700).create(backups)?;
    }
    let name = copy
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let mut target = backups.join(&name);
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = backups.join(format!("{name} {n}"));
    }
    std::fs::rename(copy, &target)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn journal(stem: &str) -> bool {
        stem == "treatments"
            || stem == "x"
            || stem
                .parse::<crate::Month>()
                .is_ok_and(|m| m.to_string() == stem)
    }

    #[test]
    fn recognises_the_three_sync_tools() {
        for (copy, original) in [
            (
                "2027-03.sync-conflict-20270315-101010-ABCDEFG.ron",
                "2027-03.ron",
            ),
            (
                "treatments.sync-conflict-20270315-101010-Q2W3E4R.ron",
                "treatments.ron",
            ),
            (
                "2027-03 (conflicted copy 2027-03-15 101010).ron",
                "2027-03.ron",
            ),
            (
                "2027-03 (Alex's conflicted copy 2027-03-15).ron",
                "2027-03.ron",
            ),
            (
                "treatments (Alex's conflicted copy 2027-03-15) (1).ron",
                "treatments.ron",
            ),
            (
                "2027-03 (Conflicted copy 2027-03-15 101010).ron",
                "2027-03.ron",
            ),
            // As short as a copy's name can be.
            ("x (conflicted copy).ron", "x.ron"),
        ] {
            assert_eq!(
                original_name(copy, journal).as_deref(),
                Some(original),
                "{copy}"
            );
        }
    }

    #[test]
    fn leaves_other_names_alone() {
        for name in [
            "2027-03.ron",
            "treatments.ron",
            "notes.sync-conflict-20270315-101010-ABCDEFG.ron",
            "2027-3.sync-conflict-20270315-101010-ABCDEFG.ron",
            "2027-03.sync-conflict-2027031-101010-ABCDEFG.ron",
            "2027-03.sync-conflict-20270315-101010-ABCDEFG.ron.tmp",
            "2027-03 (copy).ron",
            "2027-03 (conflicted copy 2027-03-15) extra.ron",
            ".2027-03.ron.Ab12Cd",
            "2027-03.1.ron",
        ] {
            assert_eq!(original_name(name, journal), None, "{name}");
        }
    }

    #[test]
    fn put_aside_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let backups = dir.path().join("backups");
        let name = "2027-03.sync-conflict-20270315-101010-ABCDEFG.ron";
        for text in ["one", "two"] {
            std::fs::write(dir.path().join(name), text).unwrap();
            put_aside(&dir.path().join(name), &backups).unwrap();
        }
        assert_eq!(std::fs::read_to_string(backups.join(name)).unwrap(), "one");
        assert_eq!(
            std::fs::read_to_string(backups.join(format!("{name} 2"))).unwrap(),
            "two"
        );
    }
}
