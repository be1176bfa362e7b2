//! `aftercare remind --install` / `--uninstall` into a temporary XDG_CONFIG_HOME, with a
//! stand-in `systemctl` first on PATH that records its arguments (the real user manager is
//! never touched). The unit files are checked by content and by `systemd-analyze verify`
//! (Debian package `systemd`; `.ci/run` installs it, and the test fails without it).

mod cli_support;

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use cli_support::{Run, Sandbox, run_command};
use tempfile::TempDir;

/// A sandbox whose PATH starts with a fake `systemctl` that appends its arguments to a log
/// and exits with `code`.
struct Scheduled {
    sandbox: Sandbox,
    fake: TempDir,
}

impl Scheduled {
    fn new(code: i32) -> Scheduled {
        let fake = TempDir::new().unwrap();
        let script = fake.path().join("systemctl");
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\necho \"$@\" >> '{}'\n[ {code} = 0 ] || echo 'Failed to connect to bus: No medium found' >&2\nexit {code}\n",
                fake.path().join("log").display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        Scheduled {
            sandbox: Sandbox::new(),
            fake,
        }
    }

    fn run(&self, args: &[&str]) -> Run {
        let mut command = self.sandbox.command_in("UTC", args);
        let path = std::env::var("PATH").unwrap_or_default();
        command.env("PATH", format!("{}:{path}", self.fake.path().display()));
        run_command(command)
    }

    fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        run.stdout
    }

    fn systemctl_calls(&self) -> String {
        std::fs::read_to_string(self.fake.path().join("log")).unwrap_or_default()
    }

    fn unit_dir(&self) -> PathBuf {
        self.sandbox.home.path().join("config/systemd/user")
    }
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

const EXE: &str = env!("CARGO_BIN_EXE_aftercare");

/// systemd itself accepts both files. The one test that needs a system tool beside Rust:
/// `.ci/run` installs systemd and runs it (`cargo test -- --include-ignored`).
#[test]
#[ignore = "needs systemd-analyze: .ci/run installs it"]
fn systemd_accepts_the_units_written() {
    let s = Scheduled::new(0);
    s.ok(&["remind", "--install", "--scheduler", "systemd"]);
    let dir = s.unit_dir();
    let verify = Command::new("systemd-analyze")
        .arg("verify")
        .arg(dir.join("aftercare-remind.timer"))
        .arg(dir.join("aftercare-remind.service"))
        .output()
        .unwrap_or_else(|err| {
            panic!(
                "systemd-analyze is required here ({err}); install it with `apt-get install -y systemd` (.ci/run does)"
            )
        });
    assert!(
        verify.status.success(),
        "systemd-analyze verify: {}",
        String::from_utf8_lossy(&verify.stderr)
    );
}

#[test]
fn install_writes_a_systemd_timer_once_and_enables_it() {
    let s = Scheduled::new(0);
    let out = s.ok(&["remind", "--install", "--scheduler", "systemd"]);
    let dir = s.unit_dir();
    let (service, timer) = (
        dir.join("aftercare-remind.service"),
        dir.join("aftercare-remind.timer"),
    );
    assert_eq!(
        out,
        format!(
            "Wrote {}\nWrote {}\n\
             Ran: systemctl --user daemon-reload\n\
             Ran: systemctl --user enable --now aftercare-remind.timer\n\
             Check it with: systemctl --user list-timers aftercare-remind.timer\n\
             Its output:    journalctl --user -u aftercare-remind.service\n",
            service.display(),
            timer.display()
        )
    );
    let service_text = std::fs::read_to_string(&service).unwrap();
    assert!(
        service_text.contains(&format!("ExecStart=\"{EXE}\" \"remind\"\n")),
        "{service_text}"
    );
    assert!(service_text.contains("Type=oneshot"));
    let timer_text = std::fs::read_to_string(&timer).unwrap();
    assert!(timer_text.contains("OnCalendar=*:0/5\n"), "{timer_text}");
    assert!(timer_text.contains("Persistent=true\n"));
    assert!(timer_text.contains("WantedBy=timers.target\n"));
    assert_eq!(
        s.systemctl_calls(),
        "--user daemon-reload\n--user enable --now aftercare-remind.timer\n"
    );

    // Again: nothing duplicated, nothing rewritten.
    let again = s.ok(&["remind", "--install", "--scheduler", "systemd"]);
    assert!(
        again.starts_with(&format!(
            "Already installed, unchanged: {}\nAlready installed, unchanged: {}\n",
            service.display(),
            timer.display()
        )),
        "{again}"
    );
    assert_eq!(
        listing(&dir),
        ["aftercare-remind.service", "aftercare-remind.timer"]
    );

    // And off again.
    let removed = s.ok(&["remind", "--uninstall", "--scheduler", "systemd"]);
    assert!(
        removed.contains(&format!("Removed {}\n", timer.display())),
        "{removed}"
    );
    assert!(
        s.systemctl_calls()
            .contains("--user disable --now aftercare-remind.timer\n")
    );
    assert!(listing(&dir).is_empty());
    let nothing = s.ok(&["remind", "--uninstall", "--scheduler", "systemd"]);
    assert!(nothing.starts_with("Nothing to remove"), "{nothing}");
}

#[test]
fn a_journal_moved_by_the_environment_is_passed_to_the_scheduled_run() {
    let s = Scheduled::new(0);
    let journal = s.sandbox.home.path().join("Sync/aftercare");
    let mut command = s
        .sandbox
        .command_in("UTC", &["remind", "--install", "--scheduler", "systemd"]);
    let path = std::env::var("PATH").unwrap_or_default();
    command
        .env("PATH", format!("{}:{path}", s.fake.path().display()))
        .env("AFTERCARE_JOURNAL", &journal);
    let run = run_command(command);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let service = std::fs::read_to_string(s.unit_dir().join("aftercare-remind.service")).unwrap();
    assert!(
        service.contains(&format!(
            "ExecStart=\"{EXE}\" \"--journal\" \"{}\" \"remind\"\n",
            journal.display()
        )),
        "{service}"
    );
}

/// Issue 29 item 16: a `systemctl --user` that fails is a failed install (exit 1, one
/// line saying what to run), not "done" with reminders that never come.
#[test]
fn when_systemctl_cannot_reach_the_user_manager_the_install_fails_in_one_line() {
    let s = Scheduled::new(1);
    let run = s.run(&["remind", "--install", "--scheduler", "systemd"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_eq!(
        run.stderr,
        "aftercare: reminders are not switched on: `systemctl --user daemon-reload` failed \
         (Failed to connect to bus: No medium found); the files are written, run it yourself: \
         systemctl --user daemon-reload && systemctl --user enable --now aftercare-remind.timer\n"
    );
    assert_eq!(
        listing(&s.unit_dir()).len(),
        2,
        "the files are written anyway"
    );
}

#[test]
fn cron_gets_a_line_to_add_and_nothing_is_written() {
    let s = Scheduled::new(0);
    let out = s.ok(&["remind", "--install", "--scheduler", "cron"]);
    assert!(
        out.contains(&format!("\n*/5 * * * * '{EXE}' 'remind'\n")),
        "{out}"
    );
    assert!(out.contains("crontab -e"));
    assert!(!s.sandbox.home.path().join("config/systemd").exists());
    assert_eq!(s.systemctl_calls(), "");
}

#[test]
fn install_and_set_together_are_refused_by_clap() {
    let s = Scheduled::new(0);
    let run = s.run(&["remind", "--install", "--set", "evening=19:00"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = s.run(&["remind", "--scheduler", "cron"]);
    assert_eq!(run.code, 2, "--scheduler alone: {}", run.stderr);
}
