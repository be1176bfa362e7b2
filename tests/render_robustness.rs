//! Issue 5, terminal: drawing never panics, whatever the size (1×1 to 300×100), a storm of
//! resizes, or wide characters (emoji, CJK) in the patient's text.

mod common;

use std::time::Duration;

use aftercare::tui::app::{Action, App, Edit};
use aftercare::tui::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use common::{app, select};

const WIDE: &str = "😀🧴💧 日本語のメモ 한국어 ✨ sunscreen 🌞🌞🌞";
const SIZES: [(u16, u16); 9] = [
    (1, 1),
    (2, 1),
    (20, 5),
    (59, 15),
    (60, 16),
    (61, 17),
    (80, 24),
    (120, 40),
    (300, 100),
];

/// Draws `app` at every size into one terminal, as a resize storm would, and checks the
/// buffer is exactly the size asked for.
fn draw_at_every_size(app: &App) {
    let theme = Theme::from_env();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    for (width, height) in SIZES.iter().chain(SIZES.iter().rev()) {
        terminal.backend_mut().resize(*width, *height);
        let frame = terminal.draw(|frame| ui::draw(frame, app, &theme)).unwrap();
        assert_eq!(frame.area.width, *width);
        assert_eq!(frame.area.height, *height);
    }
}

/// Every screen and overlay the app can show right now, with wide text everywhere it goes.
/// Each app comes with its journal's temp dir, kept alive as long as the app.
fn states() -> Vec<(App, tempfile::TempDir)> {
    const TREATED: &str = "2027-03-13T10:00:00-05:00";
    let mut out = Vec::new();

    let dir = tempfile::tempdir().unwrap();
    let clock = aftercare::domain::time::FixedClock::at("2027-03-14T09:00:00[Europe/Paris]");
    let mut welcome = App::new(
        aftercare::journal::builtin_plan().clone(),
        aftercare::domain::plan::PlanSource::BuiltIn,
        common::writable(dir.path()),
        Box::new(clock),
    )
    .unwrap();
    for c in WIDE.chars() {
        welcome.update(Action::Edit(Edit::Insert(c)));
    }
    out.push((welcome, dir));

    let dir = tempfile::tempdir().unwrap();
    let now: jiff::ZonedDateTime = "2027-03-14T09:00:00[America/New_York]".parse().unwrap();
    // The day's note, written before the app opens (the app reads it as any journal).
    let mut journal = common::journal(dir.path(), TREATED);
    aftercare::journal::care::set_note(&mut journal, now.date(), WIDE, &now).unwrap();
    drop(journal);
    let (mut today, clock) = app(dir.path(), TREATED, "2027-03-14T09:00:00[America/New_York]");
    select(&mut today, "ice");
    today.update(Action::ToggleTimer);
    clock.advance(Duration::from_secs(5));
    today.update(Action::Tick);
    today.warn(WIDE.repeat(20));
    out.push((today, dir));

    let dir = tempfile::tempdir().unwrap();
    let (mut help, _clock) = app(dir.path(), TREATED, "2027-04-30T09:00:00[America/New_York]");
    help.update(Action::ToggleHelp);
    out.push((help, dir));
    out
}

#[test]
fn every_screen_draws_at_every_size_with_wide_text() {
    for (app, _dir) in states() {
        draw_at_every_size(&app);
    }
}

#[test]
fn a_too_small_terminal_says_so_instead_of_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _clock) = app(
        dir.path(),
        "2027-03-13T10:00:00-05:00",
        "2027-03-14T09:00:00[America/New_York]",
    );
    let mut terminal = Terminal::new(TestBackend::new(20, 5)).unwrap();
    terminal
        .draw(|frame| ui::draw(frame, &app, &Theme::from_env()))
        .unwrap();
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|cell| cell.symbol())
        .collect();
    assert!(text.contains("too small"), "{text}");
}
