//! Where the journal and the plan override live.
//!
//! Defaults follow the platform's conventions through `directories` (on Linux
//! `~/.local/share/aftercare` and `~/.config/aftercare`, honouring `XDG_*`); the journal can
//! be moved with `--journal DIR` or `AFTERCARE_JOURNAL`.

use std::path::PathBuf;

/// The environment variable that moves the journal, for people who sync or back it up.
pub const JOURNAL_ENV: &str = "AFTERCARE_JOURNAL";

/// The file names the app reads and writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub journal_dir: PathBuf,
    pub plan_override: PathBuf,
    /// The command line's undo log (see `journal::undo_log`): per machine, in the state
    /// directory (`~/.local/state/aftercare/undo.ron`, honouring `XDG_STATE_HOME`), never
    /// in a journal folder that may be synced.
    pub undo_log: PathBuf,
}

impl Paths {
    /// `--journal` wins over `AFTERCARE_JOURNAL`, which wins over the platform default.
    pub fn resolve(journal_flag: Option<PathBuf>) -> Result<Paths, String> {
        let dirs = directories::ProjectDirs::from("", "", "aftercare")
            .ok_or("cannot find your home directory; set HOME or pass --journal DIR")?;
        let journal_dir = journal_flag
            .or_else(|| {
                std::env::var_os(JOURNAL_ENV)
                    .filter(|v| !v.is_empty())
                    .map(PathBuf::from)
            })
            .unwrap_or_else(|| dirs.data_dir().to_path_buf());
        // macOS and Windows have no state directory: the local data directory holds it.
        let state = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
        Ok(Paths {
            journal_dir,
            plan_override: dirs.config_dir().join("care-plan.ron"),
            undo_log: state.join(crate::journal::undo_log::FILE_NAME),
        })
    }
}
