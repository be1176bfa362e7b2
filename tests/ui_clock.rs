//! The TUI follows the patient's clock (issue 27): under `clock=12h` every time of day on
//! Today, History and the treatment form reads "9:00 AM", rendered at 80×24.

mod common;

use aftercare::domain::conventions::{ClockStyle, Conventions, WeekStart};
use aftercare::tui::app::Action::History;
use aftercare::tui::app::{Action, App};
use aftercare::tui::history::HistoryAction;
use common::history_fixture::{self, NOW};
use common::screen::{render, screen_text};

const TWELVE_HOUR: Conventions = Conventions {
    week_start: WeekStart::Monday,
    clock: ClockStyle::H12,
};

/// Day 1, 5 h 12 m before the 24 h restrictions lift, on a 12-hour clock.
fn day_one_app(dir: &tempfile::TempDir) -> App {
    let (app, _clock) = common::app(
        dir,
        Some("2027-03-14T09:00:00+01:00"),
        "2027-03-15T03:48:00+01:00[Europe/Paris]",
    );
    app.with_conventions(TWELVE_HOUR)
}

#[test]
fn today_writes_times_on_a_twelve_hour_clock() {
    let dir = common::journal_dir();
    let app = day_one_app(&dir);
    let terminal = render(&app, 80, 24);
    let text = screen_text(&terminal);
    assert!(text.contains("from 9:00 AM: Sunscreen"), "{text}");
    assert!(text.contains("until Mon 15 Mar 9:00 AM"), "{text}");
    assert!(!text.contains("09:00"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn every_item_selected_keeps_to_the_twelve_hour_clock() {
    let dir = common::journal_dir();
    let mut app = day_one_app(&dir);
    for _ in 0..app.checklist().len() {
        let text = screen_text(&render(&app, 80, 40));
        assert!(!text.contains("09:00"), "{text}");
        app.update(Action::Down);
    }
}

#[test]
fn history_writes_times_on_a_twelve_hour_clock() {
    let dir = common::journal_dir();
    drop(history_fixture::two_treatments(&dir));
    let (app, _clock) = common::app(&dir, None, NOW);
    let mut app = app.with_conventions(TWELVE_HOUR);
    app.update(Action::SwitchScreen);
    app.update(History(HistoryAction::Day(-6))); // 18 April: the second treatment
    let terminal = render(&app, 80, 24);
    let text = screen_text(&terminal);
    assert!(text.contains("Treatment day (10:30 AM)"), "{text}");
    assert!(text.contains("10:30 AM · face and neck"), "{text}");
    assert!(!text.contains("10:30 ·"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_treatment_form_shows_and_reads_twelve_hour_times() {
    let dir = common::journal_dir();
    let (app, _clock) = common::app(&dir, None, "2027-03-14T21:30:00+01:00[Europe/Paris]");
    let app = app.with_conventions(TWELVE_HOUR);
    let mut app = app;
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("2027-03-14 9:30 PM"), "{text}");
    assert!(
        text.contains("or 9:30 PM"),
        "the hint says 12-hour is read: {text}"
    );
    // Confirmed as shown, the 12-hour time is read back as 21:30.
    app.update(Action::Submit);
    let treatment = app.journal().latest_treatment().expect("recorded");
    assert_eq!(treatment.at.local().time().to_string(), "21:30:00");
}
