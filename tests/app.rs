//! The TUI's behaviour through `App::update`, on a clock the test moves: no terminal, no
//! sleeping.

mod common;

use std::time::Duration;

use aftercare::journal::{Journal, Layout, Month};
use aftercare::tui::app::{Action, App, Edit, Screen};
use aftercare::tui::forms::treatment::TreatmentForm;

const NOW: &str = "2027-03-14T10:00:00+01:00[Europe/Paris]";
const TREATED: &str = "2027-03-14T09:00:00+01:00";

/// The welcome screen's own treatment form.
fn welcome_form(app: &App) -> &TreatmentForm {
    match app.screen() {
        Screen::Welcome(form) => form,
        screen => panic!("not the welcome screen: {screen:?}"),
    }
}

#[test]
fn welcome_records_the_treatment_prefilled_with_now() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, None, NOW);
    assert!(matches!(app.screen(), Screen::Welcome(_)));
    assert_eq!(welcome_form(&app).when.text(), "2027-03-14 10:00");
    // Correct the time: 10:00 → 09:30.
    for _ in 0..5 {
        app.update(Action::Edit(Edit::Backspace));
    }
    for c in "09:30".chars() {
        app.update(Action::Edit(Edit::Insert(c)));
    }
    app.update(Action::Submit);
    assert_eq!(*app.screen(), Screen::Today);
    assert_eq!(app.day_number(), Some(0));
    let journal = Journal::open(Layout::new(dir.path())).unwrap();
    assert_eq!(
        journal.treatments()[0].at.to_string(),
        "2027-03-14T09:30:00+01:00"
    );
}

#[test]
fn welcome_refuses_a_malformed_time_and_stays() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, None, NOW);
    app.update(Action::Edit(Edit::Insert('x')));
    app.update(Action::Submit);
    assert!(matches!(app.screen(), Screen::Welcome(_)));
    assert!(
        welcome_form(&app)
            .error
            .as_deref()
            .unwrap()
            .contains("not a date and time")
    );
    assert!(!dir.path().join("treatments.ron").exists());
}

#[test]
fn ticks_and_counts_survive_quitting_and_reopening() {
    let dir = common::journal_dir();
    {
        let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
        common::select(&mut app, "water");
        app.update(Action::Press);
        app.update(Action::Increment);
        app.update(Action::Increment);
        app.update(Action::Decrement);
        common::select(&mut app, "pillowcase");
        app.update(Action::Press);
        assert_eq!(common::count(&app, "water"), 2);
        app.update(Action::Quit);
        assert!(app.should_quit());
    }
    let (app, _clock) = common::app(&dir, None, NOW);
    assert_eq!(common::count(&app, "water"), 2);
    assert_eq!(common::count(&app, "pillowcase"), 1);
}

#[test]
fn space_on_a_done_check_item_unticks_it() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
    common::select(&mut app, "pillowcase");
    app.update(Action::Press);
    assert_eq!(common::count(&app, "pillowcase"), 1);
    app.update(Action::Press);
    assert_eq!(common::count(&app, "pillowcase"), 0);
}

#[test]
fn ice_pack_timer_logs_a_session_when_it_ends() {
    let dir = common::journal_dir();
    let (mut app, clock) = common::app(&dir, Some(TREATED), NOW);
    common::select(&mut app, "ice");
    app.update(Action::ToggleTimer);
    assert!(app.timer().is_some());
    clock.advance(Duration::from_secs(60));
    app.update(Action::Tick);
    assert_eq!(app.timer_left(), Some(Duration::from_secs(11 * 60)));
    assert_eq!(
        common::count(&app, "ice"),
        0,
        "nothing logged while it runs"
    );

    clock.advance(Duration::from_secs(11 * 60));
    app.update(Action::Tick);
    assert!(app.timer().is_none());
    assert_eq!(common::count(&app, "ice"), 1);
    assert!(app.status().unwrap().text.contains("logged (1/3)"));
}

#[test]
fn a_cancelled_timer_logs_nothing() {
    let dir = common::journal_dir();
    let (mut app, clock) = common::app(&dir, Some(TREATED), NOW);
    common::select(&mut app, "ice");
    app.update(Action::ToggleTimer);
    clock.advance(Duration::from_secs(5 * 60));
    app.update(Action::ToggleTimer);
    clock.advance(Duration::from_secs(20 * 60));
    app.update(Action::Tick);
    assert!(app.timer().is_none());
    assert_eq!(common::count(&app, "ice"), 0);
}

#[test]
fn the_timer_ignores_a_wall_clock_set_back() {
    let dir = common::journal_dir();
    let (mut app, clock) = common::app(&dir, Some(TREATED), NOW);
    common::select(&mut app, "ice");
    app.update(Action::ToggleTimer);
    clock.set("2027-03-14T09:30:00+01:00[Europe/Paris]");
    app.update(Action::Tick);
    assert_eq!(app.timer_left(), Some(Duration::from_secs(12 * 60)));
}

#[test]
fn today_rolls_over_at_midnight_without_input() {
    let dir = common::journal_dir();
    let (mut app, clock) = common::app(
        &dir,
        Some(TREATED),
        "2027-03-31T23:59:59+02:00[Europe/Paris]",
    );
    assert_eq!(app.day_number(), Some(17));
    clock.advance(Duration::from_secs(1));
    app.update(Action::Tick);
    assert_eq!(app.date(), jiff::civil::date(2027, 4, 1));
    assert_eq!(app.day_number(), Some(18));
    // The new month's day can be ticked and lands in the April file.
    common::select(&mut app, "sunscreen");
    app.update(Action::Press);
    assert!(
        Layout::new(dir.path())
            .month(Month::of(app.date()))
            .exists()
    );
}

#[test]
fn the_24_hour_restrictions_are_lifted_a_day_later() {
    let dir = common::journal_dir();
    let (mut app, clock) = common::app(&dir, Some(TREATED), NOW);
    let lifted = |app: &aftercare::tui::app::App, id: &str| {
        let treatment = app.journal().latest_treatment().unwrap();
        aftercare::domain::recovery::restrictions_at(app.plan(), treatment, app.view_instant())
            .iter()
            .find(|s| s.restriction.id == id)
            .unwrap()
            .lifted()
    };
    assert!(!lifted(&app, "makeup"));
    clock.advance(Duration::from_secs(24 * 3600));
    app.update(Action::Tick);
    assert!(lifted(&app, "makeup"));
    assert!(lifted(&app, "sweat"));
    assert!(!lifted(&app, "peels"));
}

#[test]
fn help_opens_closes_and_swallows_keys() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
    common::select(&mut app, "pillowcase");
    app.update(Action::ToggleHelp);
    assert!(app.help_shown());
    app.update(Action::Press);
    assert!(!app.help_shown(), "any key closes the help");
    assert_eq!(
        common::count(&app, "pillowcase"),
        0,
        "the key that closed the help did nothing else"
    );
    app.update(Action::ToggleHelp);
    app.update(Action::ToggleHelp);
    assert!(!app.help_shown());
}
