//! The real TUI on a pseudo-terminal for the everyday fixes (issue 16): Ctrl-Z and `fg`, a paste that
//! holds a line break, the ASCII mode, the 60×16 minimum.

mod pty_support;

use std::time::Duration;

use pty_support::Pty;
use tempfile::TempDir;

/// The welcome form filled with Enter, so the Today screen shows.
fn today(app: &mut Pty) -> String {
    app.wait_for("Welcome to aftercare");
    app.keys(&["Enter"]);
    app.wait_for("Day 0")
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_restores_the_screen() {
    let home = TempDir::new().unwrap();
    // A shell with job control on the pty, and the app started from it.
    let mut env = pty_support::clean_env(home.path());
    env.push(("PS1".into(), "shell$ ".into()));
    env.push(("PATH".into(), "/usr/bin:/bin".into()));
    let mut app = Pty::spawn("bash", &["--norc", "--noprofile", "-i"], &env, (80, 24));
    app.wait_for("shell$");
    let line = format!("{} ", env!("CARGO_BIN_EXE_aftercare"));
    app.keys(&[&line, "Enter"]);
    today(&mut app);
    app.keys(&["C-z"]);
    let screen = app.wait_for("Stopped");
    assert!(
        screen.contains("Stopped") && !screen.contains("Today's care"),
        "the shell is back: {screen}"
    );
    app.keys(&["fg", "Enter"]);
    let screen = app.wait_for("Today's care");
    assert!(
        screen.contains("Today's care") && screen.contains("Restrictions"),
        "{screen}"
    );
    app.keys(&["q"]);
    let screen = app.wait_for("shell$");
    assert!(screen.contains("shell$"), "{screen}");
}

#[test]
fn a_pasted_line_break_never_submits_the_form() {
    let home = TempDir::new().unwrap();
    let mut app = Pty::app(home.path(), &[]);
    app.wait_for("Welcome to aftercare");
    app.keys(&["Tab"]);
    app.paste("cheeks\nneck\n");
    std::thread::sleep(Duration::from_millis(300));
    let screen = app.wait_for("cheeks neck");
    assert!(
        screen.contains("Welcome to aftercare") && screen.contains("cheeks neck"),
        "still the form, the paste typed in: {screen}"
    );
    app.keys(&["C-c"]);
    assert!(app.exited());
}

#[test]
fn ascii_mode_draws_no_unicode_glyph() {
    let home = TempDir::new().unwrap();
    let mut app = Pty::app(home.path(), &["--ascii"]);
    let screen = today(&mut app);
    let odd: String = screen.chars().filter(|c| !c.is_ascii()).collect();
    assert!(odd.is_empty(), "non-ASCII {odd:?} in:\n{screen}");
    assert!(screen.contains("[ ]") && screen.contains("+-"), "{screen}");
    app.keys(&["q"]);
    assert!(app.exited());
}

#[test]
fn at_60x16_help_and_quit_stay_in_the_footer() {
    let home = TempDir::new().unwrap();
    let mut app = Pty::app_with(home.path(), &[], &[], (60, 16));
    let screen = today(&mut app);
    assert!(
        screen.contains("? help") && screen.contains("q quit"),
        "{screen}"
    );
    assert!(screen.contains("more"), "hidden rows are marked: {screen}");
    app.keys(&["Tab"]);
    let screen = app.wait_for("make the window taller");
    assert!(screen.contains("make the window taller"), "{screen}");
    app.keys(&["Escape"]);
    let screen = app.wait_for("Today's care ─");
    assert!(
        screen.contains("Today's care"),
        "Esc on History goes back: {screen}"
    );
    app.keys(&["q"]);
    assert!(app.exited());
}
