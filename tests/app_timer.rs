//! The ice-pack timer the patient can trust, through `App::update` on a clock the test
//! moves: kept across a restart, logged when it ended while the app was closed, told once
//! (between the app and `aftercare remind`), quit says what happens, only on today.

mod common;

use std::path::Path;
use std::time::Duration;

use aftercare::cli::remind;
use aftercare::cli::{Cli, Command};
use aftercare::domain::time::FixedClock;
use aftercare::journal::paths::{Paths, ReminderPaths};
use aftercare::notify::Recorder;
use aftercare::tui::app::{Action, App};
use clap::Parser;
use tempfile::TempDir;

const NOW: &str = "2027-03-14T10:00:00+01:00[Europe/Paris]";
const TREATED: &str = "2027-03-14T09:00:00+01:00";

fn places(dir: &Path) -> ReminderPaths {
    ReminderPaths {
        settings: dir.join("config/reminders.ron"),
        state_dir: dir.join("state/aftercare"),
        systemd_dir: dir.join("config/systemd/user"),
        launch_agents_dir: dir.join("Library/LaunchAgents"),
    }
}

/// The app on the journal in `journal`, keeping its timers in `state`, at `now`.
fn open(journal: &TempDir, state: &TempDir, now: &str) -> (App, std::rc::Rc<FixedClock>) {
    let (mut app, clock) = common::app(journal, Some(TREATED), now);
    app.keep_timers(places(state.path()));
    (app, clock)
}

fn start_ice(app: &mut App) {
    common::select(app, "ice");
    app.update(Action::ToggleTimer);
    assert!(app.timer().is_some(), "{:?}", app.status());
}

fn status(app: &App) -> String {
    app.status()
        .as_ref()
        .map_or(String::new(), |s| s.text.clone())
}

#[test]
fn a_running_timer_survives_closing_the_app() {
    let (journal, state) = (common::journal_dir(), common::journal_dir());
    let (mut app, _clock) = open(&journal, &state, NOW);
    start_ice(&mut app);
    drop(app);
    // Reopened five minutes later: still running, seven minutes left.
    let (app, _clock) = open(&journal, &state, "2027-03-14T10:05:00+01:00[Europe/Paris]");
    assert_eq!(app.timer_left(), Some(Duration::from_secs(7 * 60)));
    assert_eq!(
        status(&app),
        "Ice pack in a soft cloth: timer still running (07:00 left)"
    );
    assert_eq!(common::count(&app, "ice"), 0);
}

#[test]
fn a_timer_that_ended_while_closed_is_logged_on_its_day_when_reopened() {
    let (journal, state) = (common::journal_dir(), common::journal_dir());
    let (mut app, _clock) = open(&journal, &state, "2027-03-14T23:55:00+01:00[Europe/Paris]");
    start_ice(&mut app);
    drop(app);
    // Reopened the next morning: the session of last night is logged on the 14th.
    let (app, _clock) = open(&journal, &state, "2027-03-15T08:00:00+01:00[Europe/Paris]");
    assert!(app.timer().is_none());
    assert_eq!(
        status(&app),
        "Ice pack in a soft cloth: the session ended while closed, logged (1/3)"
    );
    assert_eq!(
        app.journal()
            .day(jiff::civil::date(2027, 3, 14))
            .map_or(0, |d| d.count("ice")),
        1
    );
    assert!(!places(state.path()).timer().exists(), "logged once only");
    drop(app);
    let (app, _clock) = open(&journal, &state, "2027-03-15T08:01:00+01:00[Europe/Paris]");
    assert_eq!(
        app.journal()
            .day(jiff::civil::date(2027, 3, 14))
            .map_or(0, |d| d.count("ice")),
        1
    );
}

#[test]
fn the_end_rings_and_is_told_once_not_again_by_remind() {
    let (journal, state) = (common::journal_dir(), common::journal_dir());
    let (mut app, clock) = open(&journal, &state, NOW);
    start_ice(&mut app);
    assert_eq!(app.timers_ended(), 0);
    clock.advance(Duration::from_secs(12 * 60));
    app.update(Action::Tick);
    assert_eq!(app.timers_ended(), 1, "the loop rings the bell");
    let alert = app.timer_alert().cloned().unwrap();
    assert_eq!(alert.summary, "Ice pack in a soft cloth");
    assert_eq!(alert.body, "12 min session over — time to take it off");
    assert!(alert.notify);
    assert_eq!(common::count(&app, "ice"), 1);
    assert!(!places(state.path()).timer().exists());

    // `aftercare remind` right after has nothing to say about it.
    let mut notes = Recorder::default();
    let paths = Paths {
        journal_dir: journal.path().to_path_buf(),
        plan_override: state.path().join("config/care-plan.ron"),
        undo_log: state.path().join("state/undo.ron"),
    };
    drop(app);
    let cli = Cli::try_parse_from(["aftercare", "remind", "--set", "restrictions=off"]).unwrap();
    let Some(Command::Remind(args)) = cli.command else {
        unreachable!()
    };
    remind::run(&args, &paths, &places(state.path()), &*clock, &mut notes).unwrap();
    let cli = Cli::try_parse_from(["aftercare", "remind"]).unwrap();
    let Some(Command::Remind(args)) = cli.command else {
        unreachable!()
    };
    let out = remind::run(&args, &paths, &places(state.path()), &*clock, &mut notes).unwrap();
    assert_eq!(out.stdout, "");
    assert!(notes.shown.is_empty());
}

#[test]
fn when_remind_told_first_the_app_rings_but_does_not_notify_again() {
    let (journal, state) = (common::journal_dir(), common::journal_dir());
    let (mut app, clock) = open(&journal, &state, NOW);
    start_ice(&mut app);
    // The laptop slept: the monotonic clock stood still, the wall clock went on, and
    // the scheduled `remind` told the end from the stored timer.
    clock.set("2027-03-14T10:30:00+01:00[Europe/Paris]");
    let paths = Paths {
        journal_dir: journal.path().to_path_buf(),
        plan_override: state.path().join("config/care-plan.ron"),
        undo_log: state.path().join("state/undo.ron"),
    };
    let mut notes = Recorder::default();
    let cli = Cli::try_parse_from(["aftercare", "remind", "--set", "restrictions=off"]).unwrap();
    let Some(Command::Remind(args)) = cli.command else {
        unreachable!()
    };
    remind::run(&args, &paths, &places(state.path()), &*clock, &mut notes).unwrap();
    let cli = Cli::try_parse_from(["aftercare", "remind"]).unwrap();
    let Some(Command::Remind(args)) = cli.command else {
        unreachable!()
    };
    let out = remind::run(&args, &paths, &places(state.path()), &*clock, &mut notes).unwrap();
    assert!(
        out.stdout
            .starts_with("Ice pack in a soft cloth: 12 min session over"),
        "{}",
        out.stdout
    );
    clock.advance(Duration::from_secs(12 * 60));
    app.update(Action::Tick);
    assert_eq!(app.timers_ended(), 1);
    assert!(!app.timer_alert().unwrap().notify);
}

#[test]
fn quitting_with_a_running_timer_says_what_happens_first() {
    let (journal, state) = (common::journal_dir(), common::journal_dir());
    let (mut app, clock) = open(&journal, &state, NOW);
    start_ice(&mut app);
    clock.advance(Duration::from_secs(3 * 60 + 48));
    app.update(Action::Quit);
    assert!(!app.should_quit());
    assert_eq!(
        status(&app),
        "Timer keeps running when closed, logged on reopen · q quits"
    );
    // Another key takes the warning back; then q warns again, and a second q leaves.
    app.update(Action::Down);
    app.update(Action::Quit);
    assert!(!app.should_quit());
    app.update(Action::Quit);
    assert!(app.should_quit());
    assert!(
        places(state.path()).timer().exists(),
        "kept for the next start"
    );
}

#[test]
fn without_a_state_dir_quitting_says_the_timer_is_cancelled() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
    start_ice(&mut app);
    app.update(Action::Quit);
    assert_eq!(
        status(&app),
        "Quitting cancels the timer, nothing logged · q again quits"
    );
    app.update(Action::Quit);
    assert!(app.should_quit());
}

#[test]
fn a_cancelled_timer_is_forgotten_on_disk_too() {
    let (journal, state) = (common::journal_dir(), common::journal_dir());
    let (mut app, _clock) = open(&journal, &state, NOW);
    start_ice(&mut app);
    assert!(places(state.path()).timer().exists());
    app.update(Action::ToggleTimer);
    assert!(!places(state.path()).timer().exists());
}

#[test]
fn timers_start_on_today_only() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(
        &dir,
        Some(TREATED),
        "2027-03-15T10:00:00+01:00[Europe/Paris]",
    );
    app.update(Action::PrevDay);
    assert_eq!(app.date(), jiff::civil::date(2027, 3, 14));
    common::select(&mut app, "ice");
    app.update(Action::ToggleTimer);
    assert!(app.timer().is_none(), "it logged to the past day before");
    assert_eq!(
        status(&app),
        "Timers run on today only: Home goes back to today"
    );
}

/// Ice sessions logged on 2027-03-14, as a fresh reader of the journal sees them.
fn ice_on_disk(journal: &TempDir) -> u32 {
    let date = jiff::civil::date(2027, 3, 14);
    let mut read =
        aftercare::journal::Journal::open(aftercare::journal::Layout::new(journal.path())).unwrap();
    read.load_month(aftercare::journal::Month::of(date))
        .unwrap();
    read.day(date).map_or(0, |d| d.count("ice"))
}

/// Issue 28 case 7: a second window that picks up the first one's timer does not log its
/// session a second time.
#[test]
fn two_windows_seeing_one_timer_log_its_session_once() {
    let (journal, state) = (common::journal_dir(), common::journal_dir());
    let (mut first, first_clock) = open(&journal, &state, NOW);
    start_ice(&mut first);
    let (mut second, second_clock) =
        open(&journal, &state, "2027-03-14T10:01:00+01:00[Europe/Paris]");
    assert!(second.timer().is_some(), "the second window shows it");
    first_clock.advance(Duration::from_secs(12 * 60));
    first.update(Action::Tick);
    second_clock.advance(Duration::from_secs(12 * 60));
    second.update(Action::Tick);
    assert_eq!(ice_on_disk(&journal), 1, "one session, logged once");
    assert!(!places(state.path()).timer().exists());
}

/// Issue 28 case 7: each window's timer is its own record: the first window's end does not
/// take the second's, whose session is logged when the app opens after it ended.
#[test]
fn one_windows_end_never_removes_another_windows_timer() {
    let (journal, state) = (common::journal_dir(), common::journal_dir());
    let (mut first, first_clock) = open(&journal, &state, NOW);
    let (mut second, second_clock) = open(&journal, &state, NOW);
    start_ice(&mut first);
    second_clock.advance(Duration::from_secs(5 * 60));
    second.update(Action::Tick);
    start_ice(&mut second);
    // The second window is closed while its timer runs: it is kept on disk.
    drop(second);
    first_clock.advance(Duration::from_secs(12 * 60));
    first.update(Action::Tick);
    assert_eq!(ice_on_disk(&journal), 1, "the first session");
    drop(first);
    // Opened after the second timer ended: its session is logged, once.
    let (reopened, _clock) = open(&journal, &state, "2027-03-14T10:30:00+01:00[Europe/Paris]");
    assert!(reopened.timer().is_none());
    assert_eq!(ice_on_disk(&journal), 2, "the second session too");
    let (_again, _clock) = open(&journal, &state, "2027-03-14T10:31:00+01:00[Europe/Paris]");
    assert_eq!(ice_on_disk(&journal), 2, "and not again");
}
