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
//!
//! Each entry keeps when it was made, so `aftercare undo` can say it and ask before
//! reversing a change older than today. What was undone goes on a redo list
//! (`aftercare redo`), emptied by any new change to that journal, as in every editor.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::FileError;
use aftercare_domain::time::Stamp;
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
    /// What `aftercare undo` reversed, most recent last: each the change that reverses
    /// the undo (absent in logs written before redo existed).
    #[serde(default)]
    redo: Vec<Entry>,
}

/// One change made from the shell, and the journal it was made to.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    journal: PathBuf,
    done: Done,
    /// When it was made (absent in logs written before it was kept: then not known).
    #[serde(default)]
    at: Option<Stamp>,
}

/// A change in the log, and when it was made (`None`: not known, an older log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    pub done: Done,
    pub at: Option<Stamp>,
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
                redo: Vec::new(),
            },
        };
        Ok(UndoLog {
            path: path.to_path_buf(),
            file,
            _lock: lock,
        })
    }

    /// Adds changes made to `journal` at `at` (oldest first), forgetting the oldest past
    /// [`KEPT`]. New changes empty that journal's redo list: what was undone before them
    /// can no longer be put back in order.
    pub fn record(&mut self, journal: &Path, done: impl IntoIterator<Item = Done>, at: Stamp) {
        let journal = identity(journal);
        self.file.redo.retain(|e| e.journal != journal);
        push(&mut self.file.entries, &journal, done, Some(at));
    }

    /// The last change made from the shell to `journal`, if any is left.
    pub fn last(&self, journal: &Path) -> Option<Logged> {
        last_of(&self.file.entries, journal)
    }

    /// Forgets the last change made to `journal` (undone, or no longer undoable).
    pub fn forget_last(&mut self, journal: &Path) {
        forget_last_of(&mut self.file.entries, journal);
    }

    /// Puts `logged` back as the last undoable change (an undo that could not be saved,
    /// or a redo: undoable again), leaving the redo list as it is.
    pub fn restore(&mut self, journal: &Path, logged: Logged) {
        push(
            &mut self.file.entries,
            &identity(journal),
            [logged.done],
            logged.at,
        );
    }

    /// Adds the change that reverses an undo of `journal`, made at `at`: what `redo`
    /// applies.
    pub fn push_redo(&mut self, journal: &Path, reversal: Done, at: Stamp) {
        push(
            &mut self.file.redo,
            &identity(journal),
            [reversal],
            Some(at),
        );
    }

    /// The last undo of `journal` that can be redone, if any.
    pub fn last_redo(&self, journal: &Path) -> Option<Logged> {
        last_of(&self.file.redo, journal)
    }

    /// Forgets the last redoable undo of `journal` (redone, or no longer redoable).
    pub fn forget_last_redo(&mut self, journal: &Path) {
        forget_last_of(&mut self.file.redo, journal);
    }

    /// Saves the log atomically, owner-only.
    pub fn save(&self) -> Result<(), FileError> {
        let file = LogFile {
            version: VERSION,
            entries: self.file.entries.clone(),
            redo: self.file.redo.clone(),
        };
        store::write(&self.path, &file).map(|_| ())
    }
}

/// Appends `done` to `list` for `journal`, keeping the last [`KEPT`].
fn push(
    list: &mut Vec<Entry>,
    journal: &Path,
    done: impl IntoIterator<Item = Done>,
    at: Option<Stamp>,
) {
    list.extend(done.into_iter().map(|done| Entry {
        journal: journal.to_path_buf(),
        done,
        at,
    }));
    let excess = list.len().saturating_sub(KEPT);
    list.drain(..excess);
}

/// The last entry of `list` for `journal`.
fn last_of(list: &[Entry], journal: &Path) -> Option<Logged> {
    let journal = identity(journal);
    list.iter()
        .rev()
        .find(|e| e.journal == journal)
        .map(|e| Logged {
            done: e.done.clone(),
            at: e.at,
        })
}

/// Removes the last entry of `list` for `journal`.
fn forget_last_of(list: &mut Vec<Entry>, journal: &Path) {
    let journal = identity(journal);
    if let Some(at) = list.iter().rposition(|e| e.journal == journal) {
        list.remove(at);
    }
}

/// A journal folder named the same way whichever path reached it (`--journal ./j`, a
/// symlink): its canonical path once it exists.
fn identity(journal: &Path) -> PathBuf {
    journal
        .canonicalize()
        .unwrap_or_else(|_| journal.to_path_buf())
}
