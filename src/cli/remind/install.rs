//! `aftercare remind --install` / `--uninstall`: run `aftercare remind` every five minutes
//! with the system's own scheduler — a systemd user timer on Linux, a launchd agent on
//! macOS, and elsewhere the crontab line to add by hand.
//!
//! The files have fixed names, so installing twice never makes two schedules: the same
//! content is left alone, a changed one (the binary moved) is replaced. Every message
//! names the files and the command to check them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use clap::ValueEnum;

use crate::journal::error::FileError;
use crate::journal::paths::{Paths, ReminderPaths};

use super::super::CliError;

/// The systemd unit name (without `.timer` / `.service`).
pub const UNIT: &str = "aftercare-remind";

/// The launchd agent's label.
pub const AGENT: &str = "org.aftercare.remind";

/// How often the scheduler runs `aftercare remind`, in minutes.
pub const EVERY_MINUTES: u32 = 5;

/// Which scheduler to write for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Scheduler {
    /// A systemd user timer and service (Linux).
    Systemd,
    /// A launchd agent (macOS).
    Launchd,
    /// A crontab line, printed for you to add.
    Cron,
}

impl Scheduler {
    /// launchd on macOS; systemd where it runs (or at least `systemctl` is there); cron
    /// otherwise.
    pub fn detect() -> Scheduler {
        if cfg!(target_os = "macos") {
            Scheduler::Launchd
        } else if Path::new("/run/systemd/system").is_dir() || on_path("systemctl") {
            Scheduler::Systemd
        } else {
            Scheduler::Cron
        }
    }
}

/// The command the scheduler runs: this binary, with `--journal` when the journal is not
/// in its default place (the scheduler does not see the shell's `AFTERCARE_JOURNAL`).
fn command(paths: &Paths) -> Result<Vec<String>, CliError> {
    let exe = std::env::current_exe().map_err(|err| {
        CliError::Failure(format!("cannot tell where aftercare is installed: {err}"))
    })?;
    let mut args = vec![exe.to_string_lossy().into_owned()];
    let default = directories::ProjectDirs::from("", "", "aftercare")
        .map(|dirs| dirs.data_dir().to_path_buf());
    if default.as_deref() != Some(paths.journal_dir.as_path()) {
        args.push("--journal".into());
        args.push(paths.journal_dir.to_string_lossy().into_owned());
    }
    args.push("remind".into());
    Ok(args)
}

/// `aftercare-remind.service`: one run of `aftercare remind`.
pub fn systemd_service(command: &[String]) -> String {
    let exec: Vec<String> = command.iter().map(|arg| systemd_quote(arg)).collect();
    format!(
        "[Unit]\n\
         Description=aftercare reminders: tell what is due now\n\
         \n\
         [Service]\n\
         Type=oneshot\n\
         ExecStart={}\n",
        exec.join(" ")
    )
}

/// `aftercare-remind.timer`: every five minutes, and at once after a sleep or boot that
/// skipped a run.
pub fn systemd_timer() -> String {
    format!(
        "[Unit]\n\
         Description=Run aftercare remind every {EVERY_MINUTES} minutes\n\
         \n\
         [Timer]\n\
         OnCalendar=*:0/{EVERY_MINUTES}\n\
         Persistent=true\n\
         AccuracySec=30s\n\
         \n\
         [Install]\n\
         WantedBy=timers.target\n"
    )
}

/// systemd's command-line quoting: double quotes, `\` and `"` escaped, and `%` and `$`
/// doubled so that specifiers and variables are not expanded.
fn systemd_quote(arg: &str) -> String {
    let escaped = arg
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('%', "%%")
        .replace('$', "$$");
    format!("\"{escaped}\"")
}

/// The launchd agent: every five minutes, and once when loaded.
pub fn launchd_plist(command: &[String]) -> String {
    let args: String = command
        .iter()
        .map(|arg| format!("    <string>{}</string>\n", xml_escape(arg)))
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n\
         <plist version=\"1.0\">\n\
         <dict>\n\
         \x20 <key>Label</key>\n\
         \x20 <string>{AGENT}</string>\n\
         \x20 <key>ProgramArguments</key>\n\
         \x20 <array>\n\
         {args}\
         \x20 </array>\n\
         \x20 <key>StartInterval</key>\n\
         \x20 <integer>{}</integer>\n\
         \x20 <key>RunAtLoad</key>\n\
         \x20 <true/>\n\
         </dict>\n\
         </plist>\n",
        EVERY_MINUTES * 60
    )
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The crontab line: every five minutes.
pub fn cron_line(command: &[String]) -> String {
    let quoted: Vec<String> = command
        .iter()
        .map(|arg| format!("'{}'", arg.replace('\'', "'\\''")))
        .collect();
    format!("*/{EVERY_MINUTES} * * * * {}", quoted.join(" "))
}

/// Writes (or updates) the scheduler's files and switches them on where it can.
pub fn install(
    scheduler: Scheduler,
    places: &ReminderPaths,
    paths: &Paths,
) -> Result<String, CliError> {
    let command = command(paths)?;
    let mut text = String::new();
    match scheduler {
        Scheduler::Systemd => {
            let dir = &places.systemd_dir;
            let service = dir.join(format!("{UNIT}.service"));
            let timer = dir.join(format!("{UNIT}.timer"));
            write_file(&service, &systemd_service(&command), &mut text)?;
            write_file(&timer, &systemd_timer(), &mut text)?;
            switch_on(
                &mut text,
                &[
                    &["systemctl", "--user", "daemon-reload"],
                    &[
                        "systemctl",
                        "--user",
                        "enable",
                        "--now",
                        &format!("{UNIT}.timer"),
                    ],
                ],
            )?;
            let _ = writeln!(
                text,
                "Check it with: systemctl --user list-timers {UNIT}.timer\n\
                 Its output:    journalctl --user -u {UNIT}.service"
            );
        }
        Scheduler::Launchd => {
            let plist = places.launch_agents_dir.join(format!("{AGENT}.plist"));
            let changed = write_file(&plist, &launchd_plist(&command), &mut text)?;
            let plist_text = plist.to_string_lossy().into_owned();
            if changed {
                // A loaded old version must be unloaded for the new one to take.
                let _ = Command::new("launchctl")
                    .args(["unload", &plist_text])
                    .output();
            }
            switch_on(&mut text, &[&["launchctl", "load", "-w", &plist_text]])?;
            let _ = writeln!(text, "Check it with: launchctl list {AGENT}");
        }
        Scheduler::Cron => {
            let _ = writeln!(
                text,
                "No systemd or launchd here. Add this line with `crontab -e` (once; aftercare does not edit your crontab):\n\n{}\n\nCheck it with: crontab -l",
                cron_line(&command)
            );
        }
    }
    Ok(text)
}

/// Switches the schedule off and removes its files; says so when there was none.
pub fn uninstall(
    scheduler: Scheduler,
    places: &ReminderPaths,
    paths: &Paths,
) -> Result<String, CliError> {
    let mut text = String::new();
    match scheduler {
        Scheduler::Systemd => {
            let dir = &places.systemd_dir;
            let files = [
                dir.join(format!("{UNIT}.timer")),
                dir.join(format!("{UNIT}.service")),
            ];
            if !files.iter().any(|file| file.exists()) {
                let _ = writeln!(
                    text,
                    "Nothing to remove: no {UNIT} timer in {}",
                    dir.display()
                );
                return Ok(text);
            }
            run_steps(
                &mut text,
                &[&[
                    "systemctl",
                    "--user",
                    "disable",
                    "--now",
                    &format!("{UNIT}.timer"),
                ]],
            );
            for file in &files {
                remove_file(file, &mut text)?;
            }
            run_steps(&mut text, &[&["systemctl", "--user", "daemon-reload"]]);
        }
        Scheduler::Launchd => {
            let plist = places.launch_agents_dir.join(format!("{AGENT}.plist"));
            if !plist.exists() {
                let _ = writeln!(text, "Nothing to remove: no {}", plist.display());
                return Ok(text);
            }
            let plist_text = plist.to_string_lossy().into_owned();
            run_steps(&mut text, &[&["launchctl", "unload", "-w", &plist_text]]);
            remove_file(&plist, &mut text)?;
        }
        Scheduler::Cron => {
            let _ = writeln!(
                text,
                "Remove this line with `crontab -e`:\n\n{}",
                cron_line(&command(paths)?)
            );
        }
    }
    Ok(text)
}

/// Writes `content` to `path` unless it already holds exactly that; says which. Returns
/// whether the file changed.
fn write_file(path: &Path, content: &str, text: &mut String) -> Result<bool, CliError> {
    // Read as the journal is: no FIFO, no link followed, capped (a unit file is tiny).
    let old = crate::journal::safe_file::read_capped(path, 1024 * 1024)
        .ok()
        .flatten()
        .and_then(|(bytes, _)| String::from_utf8(bytes).ok());
    if old.as_deref() == Some(content) {
        let _ = writeln!(text, "Already installed, unchanged: {}", path.display());
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|err| FileError::io(dir, &err))?;
    }
    write_atomic(path, content)?;
    let verb = if old.is_some() { "Updated" } else { "Wrote" };
    let _ = writeln!(text, "{verb} {}", path.display());
    Ok(true)
}

fn write_atomic(path: &Path, content: &str) -> Result<(), FileError> {
    crate::journal::atomic::replace(path, content.as_bytes())
        .map_err(|err| FileError::io(path, &err))
}

fn remove_file(path: &PathBuf, text: &mut String) -> Result<(), FileError> {
    match std::fs::remove_file(path) {
        Ok(()) => {
            let _ = writeln!(text, "Removed {}", path.display());
            Ok(())
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(FileError::io(path, &err)),
    }
}

/// Runs each command in turn; on the first that is missing or fails, says so and prints
/// the ones left for the patient to type.
fn run_steps(text: &mut String, steps: &[&[&str]]) {
    if let Err(failed) = try_steps(text, steps) {
        let _ = writeln!(
            text,
            "Could not run `{}` here ({}). Run it yourself:",
            failed.shown, failed.why
        );
        for left in failed.left {
            let _ = writeln!(text, "  {left}");
        }
    }
}

/// Runs the commands that switch the schedule on. One that fails is a failure of the
/// install (exit code 1, issue 29 item 16): a patient or a script reading "done" would
/// wait for reminders that never come. The one line names the command, why, and what to
/// type once it can run; the files written stay (they are right, only not switched on).
fn switch_on(text: &mut String, steps: &[&[&str]]) -> Result<(), CliError> {
    try_steps(text, steps).map_err(|failed| {
        CliError::Failure(format!(
            "reminders are not switched on: `{}` failed ({}); the files are written, run it yourself: {}",
            failed.shown,
            failed.why,
            failed.left.join(" && ")
        ))
    })
}

/// The first command that could not run: as shown, why, and it with the ones after it.
struct FailedStep {
    shown: String,
    why: String,
    left: Vec<String>,
}

/// Runs each command in turn, noting each that ran; stops at the first that is missing
/// or fails.
fn try_steps(text: &mut String, steps: &[&[&str]]) -> Result<(), FailedStep> {
    for (index, step) in steps.iter().enumerate() {
        let shown = step.join(" ");
        let why = match Command::new(step[0]).args(&step[1..]).output() {
            Ok(output) if output.status.success() => {
                let _ = writeln!(text, "Ran: {shown}");
                continue;
            }
            Ok(output) => String::from_utf8_lossy(&output.stderr)
                .lines()
                .next()
                .unwrap_or("it failed")
                .trim()
                .to_string(),
            Err(err) => err.to_string(),
        };
        return Err(FailedStep {
            shown,
            why,
            left: steps[index..].iter().map(|left| left.join(" ")).collect(),
        });
    }
    Ok(())
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn systemd_quoting_keeps_spaces_and_specifiers_literal() {
        assert_eq!(
            systemd_quote("/home/a b/100%/$x"),
            "\"/home/a b/100%%/$$x\""
        );
    }

    #[test]
    fn launchd_plist_runs_the_binary_every_five_minutes() {
        let plist = launchd_plist(&["/opt/a&b/aftercare".into(), "remind".into()]);
        assert!(plist.contains("<string>/opt/a&amp;b/aftercare</string>"));
        assert!(plist.contains("<integer>300</integer>"));
        assert!(plist.contains(&format!("<string>{AGENT}</string>")));
    }

    #[test]
    fn cron_line_quotes_for_the_shell() {
        assert_eq!(
            cron_line(&["/opt/it's/aftercare".into(), "remind".into()]),
            "*/5 * * * * '/opt/it'\\''s/aftercare' 'remind'"
        );
    }
}
