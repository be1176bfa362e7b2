//! The journal's folder: created owner-only when aftercare makes it, and otherwise left
//! exactly as the user set it up. `--journal /tmp` or a shared folder must not have its
//! mode changed (dropping `/tmp`'s sticky bit), nor a symlinked folder's target; instead
//! the patient is told, in one line, that others can read it.

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

use crate::domain::text::printable;

/// One line for the patient when the journal folder (which aftercare did not create) can
/// be read or entered by other users; `None` when it is private or cannot be checked.
pub fn privacy_warning(dir: &Path) -> Option<String> {
    let mode = std::fs::metadata(dir).ok()?.permissions().mode();
    if mode & 0o077 == 0 {
        return None;
    }
    let dir = dir.display().to_string();
    Some(format!(
        "note: other users can open the journal folder {} (mode {:o}); aftercare leaves it as it is — `chmod 700` it to keep your health data private",
        printable(&dir),
        mode & 0o7777
    ))
}
