//! The real TUI in tmux for the everyday fixes (issue 16): Ctrl-Z and `fg`, a paste that
//! holds a line break, the ASCII mode, the 60×16 minimum. Fails (never skips) without tmux.

mod tmux_support;

use std::time::Duration;

use tempfile::TempDir;
use tmux_support::Tmux;

/// The welcome form filled with Enter, so the Today screen shows.
fn today(tmux: &Tmux) -> String {
    tmux.wait_for("Welcome to aftercare");
    tmux.run(&["send-keys", "Enter"]);
    tmux.wait_for("Day 0")
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_restores_the_screen() {
    let tmux = Tmux::new("suspend");
    let home = TempDir::new().unwrap();
    tmux.run(&[
        "new-session",
        "-d",
        "-x",
        "80",
        "-y",
        "24",
        "env -i PS1='shell$ ' TERM=xterm-256color PATH=/usr/bin:/bin bash --norc --noprofile -i",
    ]);
    tmux.wait_for("shell$");
    let line = Tmux::command_line(home.path(), "", "");
    tmux.run(&["send-keys", &line, "Enter"]);
    today(&tmux);
    tmux.run(&["send-keys", "C-z"]);
    let screen = tmux.wait_for("Stopped");
    assert!(
        screen.contains("Stopped") && !screen.contains("Today's care"),
        "the shell is back: {screen}"
    );
    tmux.run(&["send-keys", "fg", "Enter"]);
    let screen = tmux.wait_for("Today's care");
    assert!(
        screen.contains("Today's care") && screen.contains("Restrictions"),
        "{screen}"
    );
    tmux.run(&["send-keys", "q"]);
    let screen = tmux.wait_for("shell$");
    assert!(screen.contains("shell$"), "{screen}");
}

#[test]
fn a_pasted_line_break_never_submits_the_form() {
    let tmux = Tmux::new("paste");
    let home = TempDir::new().unwrap();
    tmux.start(home.path(), "");
    tmux.wait_for("Welcome to aftercare");
    tmux.run(&["send-keys", "Tab"]);
    tmux.run(&["set-buffer", "-b", "p", "cheeks\nneck\n"]);
    tmux.run(&["paste-buffer", "-p", "-b", "p", "-t", "0"]);
    std::thread::sleep(Duration::from_millis(300));
    let screen = tmux.wait_for("cheeks neck");
    assert!(
        screen.contains("Welcome to aftercare") && screen.contains("cheeks neck"),
        "still the form, the paste typed in: {screen}"
    );
    tmux.run(&["send-keys", "C-c"]);
    assert!(tmux.exited());
}

#[test]
fn ascii_mode_draws_no_unicode_glyph() {
    let tmux = Tmux::new("ascii");
    let home = TempDir::new().unwrap();
    tmux.start(home.path(), "--ascii");
    let screen = today(&tmux);
    let odd: String = screen.chars().filter(|c| !c.is_ascii()).collect();
    assert!(odd.is_empty(), "non-ASCII {odd:?} in:\n{screen}");
    assert!(screen.contains("[ ]") && screen.contains("+-"), "{screen}");
    tmux.run(&["send-keys", "q"]);
    assert!(tmux.exited());
}

#[test]
fn at_60x16_help_and_quit_stay_in_the_footer() {
    let tmux = Tmux::new("small");
    let home = TempDir::new().unwrap();
    tmux.start_sized(home.path(), "", "", (60, 16));
    let screen = today(&tmux);
    assert!(
        screen.contains("? help") && screen.contains("q quit"),
        "{screen}"
    );
    assert!(screen.contains("more"), "hidden rows are marked: {screen}");
    tmux.run(&["send-keys", "Tab"]);
    let screen = tmux.wait_for("make the window taller");
    assert!(screen.contains("make the window taller"), "{screen}");
    tmux.run(&["send-keys", "Escape"]);
    let screen = tmux.wait_for("Today's care ─");
    assert!(
        screen.contains("Today's care"),
        "Esc on History goes back: {screen}"
    );
    tmux.run(&["send-keys", "q"]);
    assert!(tmux.exited());
}
