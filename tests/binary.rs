//! The `aftercare` binary run as a patient would run it: a real process, real files in a
//! temp dir, HOME and XDG pointed there — never the real user's files.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use tempfile::TempDir;

mod pty_support;
use pty_support::Pty;

fn aftercare(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_aftercare"));
    command
        .env_clear()
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("TZ", "Europe/Paris")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    command
}

fn run(command: &mut Command) -> Output {
    command.output().expect("aftercare runs")
}

/// Starts the app as from a terminal (it refuses to start without one), its stderr caught
/// in a file by the shell: the exit code and stderr.
fn app_on_pty(home: &Path) -> (Option<i32>, String) {
    let err = home.join("stderr.txt");
    let line = format!(
        "'{}' 2>'{}'",
        env!("CARGO_BIN_EXE_aftercare"),
        err.display()
    );
    let env = pty_support::clean_env(home);
    let mut app = Pty::spawn("/bin/sh", &["-c", &line], &env, (80, 24));
    let code = app.exit_code().and_then(|code| i32::try_from(code).ok());
    (code, std::fs::read_to_string(&err).unwrap_or_default())
}

#[test]
fn paths_follow_xdg_and_the_journal_overrides() {
    let home = TempDir::new().unwrap();
    let output = run(aftercare(home.path()).arg("paths"));
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains(&home.path().join("data/aftercare").display().to_string()),
        "{text}"
    );
    assert!(
        text.contains(
            &home
                .path()
                .join("config/aftercare/care-plan.ron")
                .display()
                .to_string()
        ),
        "{text}"
    );

    let output = run(aftercare(home.path())
        .env("AFTERCARE_JOURNAL", "/srv/j")
        .arg("paths"));
    assert!(String::from_utf8(output.stdout).unwrap().contains("/srv/j"));
    let output = run(aftercare(home.path())
        .env("AFTERCARE_JOURNAL", "/srv/j")
        .args(["--journal", "/srv/k", "paths"]));
    assert!(
        String::from_utf8(output.stdout).unwrap().contains("/srv/k"),
        "--journal wins"
    );
}

#[test]
fn version_and_help_work() {
    let home = TempDir::new().unwrap();
    let output = run(aftercare(home.path()).arg("--version"));
    assert!(output.status.success());
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .starts_with("aftercare ")
    );
    let output = run(aftercare(home.path()).arg("--help"));
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .contains("--journal")
    );
}

#[test]
fn a_corrupt_journal_stops_the_app_with_one_line_and_is_not_touched() {
    let home = TempDir::new().unwrap();
    let journal = home.path().join("data/aftercare");
    std::fs::create_dir_all(&journal).unwrap();
    let path = journal.join("treatments.ron");
    let corrupt = "(\n  version: 1,\n  treatments: [(at: \"yesterday\")],\n)\n";
    std::fs::write(&path, corrupt).unwrap();

    let (code, err) = app_on_pty(home.path());
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains(&format!("{}:3:", path.display())), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), corrupt);
}

#[test]
fn a_broken_plan_override_stops_the_app_with_its_position() {
    let home = TempDir::new().unwrap();
    let config = home.path().join("config/aftercare");
    std::fs::create_dir_all(&config).unwrap();
    let path = config.join("care-plan.ron");
    std::fs::write(&path, "(version: 1, items: [(id: \"water\",)])").unwrap();
    let (code, err) = app_on_pty(home.path());
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains(&format!("{}:1:", path.display())), "{err}");
    assert!(
        !home.path().join("data/aftercare").exists(),
        "nothing written"
    );
}

/// Drives the real TUI on a pseudo-terminal: record a treatment, tick, quit, reopen, read the screen.
#[test]
fn the_tui_records_a_treatment_and_keeps_ticks_across_restarts() {
    let home = TempDir::new().unwrap();
    let mut app = Pty::app(home.path(), &[]);
    let screen = app.wait_for("Welcome to aftercare");
    assert!(
        screen.contains("When was your microneedling session?"),
        "{screen}"
    );
    app.keys(&["Enter"]);
    let screen = app.wait_for("Day 0");
    assert!(screen.contains("Day 0 · treatment day"), "{screen}");
    assert!(
        screen.contains("23 h 5"),
        "about a day of makeup restriction left: {screen}"
    );
    app.keys(&["j", "Space", "Space", "q"]);
    assert!(app.exited(), "q quits");

    let mut app = Pty::app(home.path(), &[]);
    let screen = app.wait_for("2/8");
    assert!(
        screen.contains("Glasses of water") && screen.contains("2/8"),
        "{screen}"
    );
    app.keys(&["C-c"]);
    assert!(app.exited(), "Ctrl-C quits");
}

/// When the terminal goes away (window closed, ssh dropped), the app must end, not spin on a
/// closed input: it would hold the journal's lock and a CPU forever.
#[test]
fn the_tui_ends_when_its_terminal_goes_away() {
    let home = TempDir::new().unwrap();
    let journal = home.path().join("journal");
    let journal_arg = journal.display().to_string();
    let mut app = Pty::app(home.path(), &["--journal", &journal_arg]);
    let lock = journal.join(".lock");
    let deadline = Instant::now() + Duration::from_secs(10);
    let pid = loop {
        let text = std::fs::read_to_string(&lock).unwrap_or_default();
        if let Some(pid) = text
            .strip_prefix("pid ")
            .and_then(|rest| rest.lines().next())
        {
            break pid.trim().to_string();
        }
        assert!(Instant::now() < deadline, "the app never took the lock");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(pid, app.pid().to_string(), "the lock names the app");
    app.hang_up();
    assert!(
        app.exited(),
        "aftercare (pid {pid}) still runs after its terminal closed"
    );
}

/// NO_COLOR (no-color.org): the screen carries no colour, only bold/reverse/dim.
#[test]
fn no_color_removes_every_colour_from_the_screen() {
    let colour_codes = |screen: &str| {
        // SGR foreground/background colours: 30–37, 38;…, 39 excluded (default), 40–47, 90–97.
        screen
            .split("\x1b[")
            .skip(1)
            .filter_map(|seq| seq.split('m').next())
            .flat_map(|params| params.split(';').map(str::to_string).collect::<Vec<_>>())
            .filter_map(|p| p.parse::<u8>().ok())
            .filter(|p| matches!(p, 30..=38 | 40..=48 | 90..=97))
            .count()
    };
    for (env, coloured) in [("", true), ("NO_COLOR=1", false)] {
        let home = TempDir::new().unwrap();
        let env: Vec<&str> = Some(env).filter(|e| !e.is_empty()).into_iter().collect();
        let mut app = Pty::app_with(home.path(), &env, &[], (80, 24));
        app.wait_for("Welcome to aftercare");
        app.keys(&["Enter"]);
        app.wait_for("Day 0");
        let screen = app.screen_formatted();
        assert_eq!(colour_codes(&screen) > 0, coloured, "{env:?}: {screen:?}");
        app.keys(&["q"]);
        assert!(app.exited());
    }
}

/// The ice-pack timer survives closing the real app: q warns first, a second q leaves,
/// and the reopened app shows it still running (issue: the session was lost on q).
#[test]
fn the_tui_keeps_a_running_timer_across_a_restart() {
    let home = TempDir::new().unwrap();
    let mut app = Pty::app(home.path(), &[]);
    app.wait_for("Welcome to aftercare");
    app.keys(&["Enter"]);
    app.wait_for("Day 0");
    // Day 0: the ice pack is the sixth item.
    app.keys(&["j", "j", "j", "j", "j", "t"]);
    let screen = app.wait_for("left · t cancels");
    assert!(
        screen.contains("Timer: Ice pack in a soft cloth"),
        "{screen}"
    );
    let footer = screen.lines().rfind(|l| !l.trim().is_empty()).unwrap();
    assert!(
        footer.contains("t cancel timer") && footer.contains("q quit"),
        "the footer fits 80 columns: {footer}"
    );
    app.keys(&["q"]);
    let screen = app.wait_for("keeps running when closed");
    assert!(screen.contains("logged on reopen · q quits"), "{screen}");
    app.keys(&["q"]);
    assert!(app.exited(), "the second q quits");
    assert!(
        home.path()
            .join(".local/state/aftercare/timer.ron")
            .exists(),
        "the timer is kept in the XDG state dir"
    );

    let mut app = Pty::app(home.path(), &[]);
    let screen = app.wait_for("timer still running");
    assert!(
        screen.contains("Ice pack in a soft cloth: timer still running (1"),
        "{screen}"
    );
    assert!(
        screen.contains("Timer: Ice pack in a soft cloth"),
        "{screen}"
    );
    app.keys(&["t"]);
    app.wait_for("timer cancelled");
    assert!(
        !home
            .path()
            .join(".local/state/aftercare/timer.ron")
            .exists()
    );
    app.keys(&["q"]);
    assert!(app.exited(), "no timer: q quits at once");
}
