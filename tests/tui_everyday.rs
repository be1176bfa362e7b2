//! The real TUI on a pseudo-terminal for the everyday fixes (issue 16): Ctrl-Z and `fg`, a paste that
//! holds a line break, the ASCII mode, the 60×16 minimum.

mod pty_support;

use std::time::Duration;

use pty_support::Pty;
use tempfile::TempDir;

/// The welcome form filled with Enter, so the Today screen shows.
fn today(tmux: &mut Pty) -> String {
    tmux.wait_for("Welcome to aftercare");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Day 0")
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_restores_the_screen() {
    let home = TempDir::new().unwrap();
    // A shell with job control on the pty, and the app started from it.
    let mut env = pty_support::clean_env(home.path());
    env.push(("PS1".into(), "shell$ ".into()));
    env.push(("PATH".into(), "/usr/bin:/bin".into()));
    let mut tmux = Pty::spawn("bash", &["--norc", "--noprofile", "-i"], &env, (80, 24));
    tmux.wait_for("shell$");
    let line = format!("{} ", env!("CARGO_BIN_EXE_aftercare"));
    tmux.keys(&[&line, "Enter"]);
    today(&mut tmux);
    tmux.keys(&["C-z"]);
    let screen = tmux.wait_for("Stopped");
    assert!(
        screen.contains("Stopped") && !screen.contains("Today's care"),
        "the shell is back: {screen}"
    );
    tmux.keys(&["fg", "Enter"]);
    let screen = tmux.wait_for("Today's care");
    assert!(
        screen.contains("Today's care") && screen.contains("Restrictions"),
        "{screen}"
    );
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("shell$");
    assert!(screen.contains("shell$"), "{screen}");
}

#[test]
fn a_pasted_line_break_never_submits_the_form() {
    let home = TempDir::new().unwrap();
    let mut tmux = Pty::app(home.path(), &[]);
    tmux.wait_for("Welcome to aftercare");
    tmux.keys(&["Tab"]);
    tmux.paste("cheeks\nneck\n");
    std::thread::sleep(Duration::from_millis(300));
    let screen = tmux.wait_for("cheeks neck");
    assert!(
        screen.contains("Welcome to aftercare") && screen.contains("cheeks neck"),
        "still the form, the paste typed in: {screen}"
    );
    tmux.keys(&["C-c"]);
    assert!(tmux.exited());
}

#[test]
fn ascii_mode_draws_no_unicode_glyph() {
    let home = TempDir::new().unwrap();
    let mut tmux = Pty::app(home.path(), &["--ascii"]);
    let screen = today(&mut tmux);
    let odd: String = screen.chars().filter(|c| !c.is_ascii()).collect();
    assert!(odd.is_empty(), "non-ASCII {odd:?} in:\n{screen}");
    assert!(screen.contains("[ ]") && screen.contains("+-"), "{screen}");
    tmux.keys(&["q"]);
    assert!(tmux.exited());
}

#[test]
fn at_60x16_help_and_quit_stay_in_the_footer() {
    let home = TempDir::new().unwrap();
    let mut tmux = Pty::app_with(home.path(), &[], &[], (60, 16));
    let screen = today(&mut tmux);
    assert!(
        screen.contains("? help") && screen.contains("q quit"),
        "{screen}"
    );
    assert!(screen.contains("more"), "hidden rows are marked: {screen}");
    tmux.keys(&["Tab"]);
    let screen = tmux.wait_for("make the window taller");
    assert!(screen.contains("make the window taller"), "{screen}");
    tmux.keys(&["Escape"]);
    let screen = tmux.wait_for("Today's care ─");
    assert!(
        screen.contains("Today's care"),
        "Esc on History goes back: {screen}"
    );
    tmux.keys(&["q"]);
    assert!(tmux.exited());
}
