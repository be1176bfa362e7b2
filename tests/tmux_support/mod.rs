//! tmux drives the real TUI: a private server per test, the app in a clean environment.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A private tmux server for one test (its own socket), so a test never touches the
/// user's sessions; killed when the test ends.
pub struct Tmux {
    pub socket: String,
}

impl Tmux {
    /// A server named after the test. Fails the test when tmux is missing: a skipped
    /// end-to-end test reads as a passed one (`.ci/run` installs tmux).
    pub fn new(name: &str) -> Tmux {
        assert!(
            Command::new("tmux").arg("-V").output().is_ok(),
            "tmux is not installed: the end-to-end test {name} needs it (apt-get install tmux)"
        );
        Tmux {
            socket: format!("aftercare-{name}-{}", std::process::id()),
        }
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// Runs the app with a clean environment on an 80×24 screen.
    pub fn start(&self, home: &Path, args: &str) {
        self.start_with(home, "", args);
    }

    /// Runs the app with extra `NAME=value` variables in its environment.
    pub fn start_with(&self, home: &Path, env: &str, args: &str) {
        self.start_sized(home, env, args, (80, 24));
    }

    /// The shell line that runs the app in a clean environment.
    pub fn command_line(home: &Path, env: &str, args: &str) -> String {
        format!(
            "env -i HOME={home} XDG_DATA_HOME={home}/data XDG_CONFIG_HOME={home}/config TZ=Europe/Paris TERM=xterm-256color {env} {bin} {args}",
            home = home.display(),
            bin = env!("CARGO_BIN_EXE_aftercare"),
        )
    }

    /// Runs the app on a `width`×`height` screen.
    pub fn start_sized(&self, home: &Path, env: &str, args: &str, (width, height): (u16, u16)) {
        let command = Self::command_line(home, env, args);
        let (width, height) = (width.to_string(), height.to_string());
        self.run(&["new-session", "-d", "-x", &width, "-y", &height, &command]);
    }

    /// The screen once it shows `needle` (or after 10 s, for the assertion to report).
    pub fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen =
                String::from_utf8_lossy(&self.run(&["capture-pane", "-p"]).stdout).into_owned();
            if screen.contains(needle) || Instant::now() > deadline {
                return screen;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// True once the app (and so the session) has ended, within 10 s.
    pub fn exited(&self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.run(&["has-session"]).status.success() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        !self.run(&["has-session"]).status.success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}
