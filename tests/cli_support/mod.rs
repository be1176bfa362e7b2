//! Runs the `aftercare` binary in a throwaway home: HOME and XDG_* point into a temp dir
//! (never the real user's files), TZ is fixed, and AFTERCARE_JOURNAL is cleared.

#![allow(dead_code)] // Each test file uses a different part of it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

/// A temp home and the files the app keeps in it.
pub struct Sandbox {
    pub home: TempDir,
}

/// What a run printed, and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            home: TempDir::new().expect("temp dir"),
        }
    }

    /// `~/.local/share/aftercare` as `directories` finds it under XDG_DATA_HOME.
    pub fn journal_dir(&self) -> PathBuf {
        self.home.path().join("data/aftercare")
    }

    pub fn plan_path(&self) -> PathBuf {
        self.home.path().join("config/aftercare/care-plan.ron")
    }

    pub fn month_file(&self, month: &str) -> PathBuf {
        self.journal_dir().join("days").join(format!("{month}.ron"))
    }

    /// The command, ready to run, in time zone `tz`.
    pub fn command_in(&self, tz: &str, args: &[&str]) -> Command {
        let mut command = self.sandboxed(Command::new(env!("CARGO_BIN_EXE_aftercare")), tz);
        command.args(args);
        command
    }

    /// Runs a shell script (TZ=UTC) in the sandbox, to set limits before `exec aftercare`.
    pub fn shell(&self, script: &str) -> Run {
        let mut command = self.sandboxed(Command::new("sh"), "UTC");
        command.args(["-c", script]);
        run_command(command)
    }

    fn sandboxed(&self, mut command: Command, tz: &str) -> Command {
        command
            .env("HOME", self.home.path())
            .env("XDG_DATA_HOME", self.home.path().join("data"))
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("TZ", tz)
            .env_remove("AFTERCARE_JOURNAL")
            // The conventions follow the locale: tests set it where they mean one.
            .env_remove("LC_ALL")
            .env_remove("LC_TIME")
            .env_remove("LANG")
            .env_remove("NO_COLOR");
        command
    }

    /// Runs `aftercare ARGS` with TZ=UTC.
    pub fn run(&self, args: &[&str]) -> Run {
        run_command(self.command_in("UTC", args))
    }

    /// Runs and insists on exit code 0.
    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, 0, "aftercare {args:?} failed: {}", run.stderr);
        run.stdout
    }
}

/// The date `days` days before today, in UTC (the sandbox's zone), as the CLI reads it.
pub fn days_ago(days: i64) -> String {
    jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date()
        .checked_sub(jiff::Span::new().days(days))
        .unwrap()
        .to_string()
}

pub fn run_command(mut command: Command) -> Run {
    let Output {
        status,
        stdout,
        stderr,
    } = command.output().expect("the binary runs");
    let run = Run {
        code: status.code().expect("exited, not killed"),
        stdout: String::from_utf8(stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(stderr).expect("UTF-8 stderr"),
    };
    // CLI output is plain: no escape sequences when it is not a terminal.
    assert!(
        !run.stdout.contains('\x1b'),
        "colour in stdout: {:?}",
        run.stdout
    );
    assert!(
        !run.stderr.contains('\x1b'),
        "colour in stderr: {:?}",
        run.stderr
    );
    run
}

/// Every file under `dir` with its bytes, to prove a failed command wrote nothing.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return files;
    };
    for entry in entries {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            files.extend(snapshot(&path));
        } else if path.file_name().is_some_and(|name| {
            let name = name.to_string_lossy();
            name == ".lock" || (name.starts_with('.') && name.ends_with(".lock"))
        }) {
            // A lock (the journal's, or one beside a file) names the running process: it
            // is not journal data.
            continue;
        } else {
            let bytes = std::fs::read(&path).expect("readable");
            files.push((path, bytes));
        }
    }
    files.sort();
    files
}
