//! Where the journal and the plan override live.
//!
//! Defaults follow the platform's conventions through `directories` (on Linux
//! `~/.local/share/aftercare` and `~/.config/aftercare`, honouring `XDG_*`); the journal can
//! be moved with `--journal DIR` or `AFTERCARE_JOURNAL`.

use std::path::PathBuf;

/// The environment variable that moves the journal, for people who sync or back it up.
pub const JOURNAL_ENV: &str = "AFTERCARE_JOURNAL";

/// Why the default places cannot be found: without a home directory there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PathsError {
    /// For the journal and plan; `--journal` still gives the journal a place.
    #[error("cannot find your home directory; set HOME or pass --journal DIR")]
    NoHome,
    /// For reminders' settings and state (see [`ReminderPaths`]).
    #[error("cannot find your home directory; set HOME")]
    NoHomeForReminders,
}

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
    pub fn resolve(journal_flag: Option<PathBuf>) -> Result<Paths, PathsError> {
        let dirs = directories::ProjectDirs::from("", "", "aftercare").ok_or(PathsError::NoHome)?;
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
            undo_log: state.join(crate::undo_log::FILE_NAME),
        })
    }
}

/// Where reminders keep their settings and state, and where a scheduler entry goes.
///
/// Kept apart from [`Paths`] (the journal and plan) because these are per machine: a
/// journal shared through a sync folder must not carry one machine's "already delivered"
/// list or its running timer to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderPaths {
    /// `reminders.ron` in the config dir: evening time, quiet hours, kinds on or off.
    pub settings: PathBuf,
    /// The XDG state dir (`~/.local/state/aftercare`): what was delivered, the running
    /// timer, the lock that keeps two runs from delivering the same reminder.
    pub state_dir: PathBuf,
    /// The systemd user unit dir (`$XDG_CONFIG_HOME/systemd/user`).
    pub systemd_dir: PathBuf,
    /// `~/Library/LaunchAgents` (macOS).
    pub launch_agents_dir: PathBuf,
}

impl ReminderPaths {
    /// The platform's places, honouring `XDG_CONFIG_HOME` and `XDG_STATE_HOME`.
    pub fn resolve() -> Result<ReminderPaths, PathsError> {
        let missing = PathsError::NoHomeForReminders;
        let dirs = directories::ProjectDirs::from("", "", "aftercare").ok_or(missing)?;
        let base = directories::BaseDirs::new().ok_or(missing)?;
        Ok(ReminderPaths {
            settings: dirs.config_dir().join("reminders.ron"),
            // Only Linux has a state dir; elsewhere the local data dir plays its part.
            state_dir: dirs
                .state_dir()
                .unwrap_or_else(|| dirs.data_local_dir())
                .to_path_buf(),
            systemd_dir: base.config_dir().join("systemd/user"),
            launch_agents_dir: base.home_dir().join("Library/LaunchAgents"),
        })
    }

    /// The running timer of a timed item, stored so that closing the app does not lose it.
    pub fn timer(&self) -> PathBuf {
        self.state_dir.join("timer.ron")
    }

    /// The reminders already delivered.
    pub fn delivered(&self) -> PathBuf {
        self.state_dir.join("reminders-delivered.ron")
    }
}
