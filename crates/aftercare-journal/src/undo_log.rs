//! The command line's undo log: what `aftercare undo` reverses.
//!
//! Each shell command is its own process, so "the last change made from the shell" must
//! be remembered in a file. The choice made here: **one log per machine and journal**,
//! in the state directory (`$XDG_STATE_HOME/aftercare/undo.ron`, owner-only, 0600), not in
//! the journal folder — a synced folder would carry one machine's undo to another. Every
//! shell on the machine appends to the same log, so `aftercare undo` reverses the most
//! recent change any shell made to this journal (the one the patient most likely means;
//! a per-terminal log would lose track in scripts, `ssh` sessions and new tabs). Each
//! `aftercare undo` walks one change further back; changes made in the app are not in it
//! (the app has its own `u`). The log keeps the last [`KEPT`] changes; it is read and
//! written under its own lock, so two shells never lose each other's entries.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::FileError;
use aftercare_domain::undo::Done;

use super::{JournalLock, store};

/// The log's file name in the state directory.
pub const FILE_NAME: &str = "undo.ron";

/// How many shell changes the log remembers.
pub const KEPT: usize = 50;

/// The log's version; a newer one is refused rather than overwritten.
const VERSION: u32 = 1;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct LogFile {
    version: u32,
    entries: Vec<Entry>,
}

/// One change made from the shell, and the journal it was made to.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    journal: PathBuf,
    done: Done,
}

/// The log, read and locked: dropped, it unlocks.
#[derive(Debug)]
pub struct UndoLog {
    path: PathBuf,
    file: LogFile,
    _lock: JournalLock,
}

impl UndoLog {
    /// Locks and reads the log at `path` (creating its owner-only folder). A missing log
    /// is an empty one.
    pub fn open(path: &Path) -> Result<UndoLog, FileError> {
        // The lock beside the log, as every file outside the journal has (see
        // `lock::update_locked`); held until the log is dropped.
        let lock = JournalLock::beside(path, super::COMMAND_LOCK_WAIT)?;
        // Read as the journal is: no symlink followed, no FIFO, capped (see `safe_file`).
        let text = super::safe_file::read_capped(path, super::MAX_FILE_BYTES)?
            .map(|(bytes, _)| String::from_utf8_lossy(&bytes).into_owned());
        let file = match text {
            Some(text) => {
                let file: LogFile = ron::from_str(&text).map_err(|err| {
                    FileError::new(
                        path,
                        None,
                        format!("the undo log does not parse ({err}); delete it to start afresh"),
                    )
                })?;
                if file.version > VERSION {
                    return Err(FileError::new(
                        path,
                        None,
                        "the undo log was written by a newer aftercare; it was left as it is",
                    ));
                }
                file
            }
            None => LogFile {
                version: VERSION,
                entries: Vec::new(),
            },
        };
        Ok(UndoLog {
            path: path.to_path_buf(),
            file,
            _lock: lock,
        })
    }

    /// Adds changes made to `journal` (oldest first), forgetting the oldest past [`KEPT`].
    pub fn record(&mut self, journal: &Path, done: impl IntoIterator<Item = Done>) {
        let journal = identity(journal);
        self.file.entries.extend(done.into_iter().map(|done| Entry {
            journal: journal.clone(),
            done,
        }));
        let excess = self.file.entries.len().saturating_sub(KEPT);
        self.file.entries.drain(..excess);
    }

    /// The last change made from the shell to `journal`, if any is left.
    pub fn last(&self, journal: &Path) -> Option<&Done> {
        let journal = identity(journal);
        self.file
            .entries
            .iter()
            .rev()
            .find(|e| e.journal == journal)
            .map(|e| &e.done)
    }

    /// Forgets the last change made to `journal` (undone, or no longer undoable).
    pub fn forget_last(&mut self, journal: &Path) {
        let journal = identity(journal);
        if let Some(at) = self.file.entries.iter().rposition(|e| e.journal == journal) {
            self.file.entries.remove(at);
        }
    }

    /// Saves the log atomically, owner-only.
    pub fn save(&self) -> Result<(), FileError> {
        let file = LogFile {
            version: VERSION,
            entries: self.file.entries.clone(),
        };
        store::write(&self.path, &file).map(|_| ())
    }
}

/// A journal folder named the same way whichever path reached it (`--journal ./j`, a
/// symlink): its canonical path once it exists.
fn identity(journal: &Path) -> PathBuf {
    journal
        .canonicalize()
        .unwrap_or_else(|_| journal.to_path_buf())
}
