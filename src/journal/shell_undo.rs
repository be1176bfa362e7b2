//! `aftercare undo`'s memory: the reversal of the last change made from the shell, kept in
//! `.shell-undo.ron` in the journal folder (owner-only, written atomically). Each command
//! that changes the journal replaces it; `aftercare undo` applies it and leaves the
//! reversal of the undo in its place, so a second `undo` redoes.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::domain::operation::Operation;
use crate::error::FileError;

/// The last shell change, ready to be reversed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShellUndo {
    /// The operation that reverses it.
    pub op: Operation,
    /// What it was, in words ("tick of water on 2027-03-15").
    pub what: String,
}

/// Where it is kept.
pub fn path(journal_dir: &Path) -> PathBuf {
    journal_dir.join(".shell-undo.ron")
}

/// Replaces the remembered change.
pub fn save(journal_dir: &Path, undo: &ShellUndo) -> Result<(), FileError> {
    super::store::write(&path(journal_dir), undo)?;
    Ok(())
}

/// The remembered change, if any.
pub fn load(journal_dir: &Path) -> Result<Option<ShellUndo>, FileError> {
    let path = path(journal_dir);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(FileError::io(&path, &err)),
    };
    ron::from_str(&text)
        .map(Some)
        .map_err(|err| FileError::new(&path, None, format!("cannot be read: {err}")))
}
