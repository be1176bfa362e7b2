//! The screens rendered into ratatui's `TestBackend` at 80×24, as a patient would see them.

mod common;

use std::time::Duration;

use aftercare::tui::app::{Action, App};
use common::screen::{render, screen_text};

const TREATED: &str = "2027-03-14T09:00:00+01:00";

/// Day 1, 5 h 12 m before the 24 h restrictions lift, with some care done.
fn day_one_app(dir: &tempfile::TempDir) -> App {
    let (mut app, _clock) = common::app(
        dir,
        Some(TREATED),
        "2027-03-15T03:48:00+01:00[Europe/Paris]",
    );
    app.update(Action::Down); // water
    for _ in 0..3 {
        app.update(Action::Press);
    }
    app.update(Action::Down); // moisturiser
    app.update(Action::Press);
    app.update(Action::Down);
    app
}

#[test]
fn today_screen_at_80x24() {
    let dir = common::journal_dir();
    let app = day_one_app(&dir);
    let terminal = render(&app, 80, 24);
    let text = screen_text(&terminal);
    assert!(
        text.contains("Day 1 after treatment · Monday 15 March 2027"),
        "{text}"
    );
    // In the first 24 h only what the clinic gave, if anything (products wait).
    assert!(
        text.contains("[✓] If your clinic gave you a product:"),
        "{text}"
    );
    assert!(
        !text.contains("Sunscreen SPF 30+, broad-spectrum   "),
        "{text}"
    );
    assert!(text.contains("from 09:00: Sunscreen"), "{text}");
    assert!(
        text.contains("Glasses of water") && text.contains("3/8"),
        "{text}"
    );
    assert!(text.contains("5 h 12 m left"), "{text}");
    assert!(
        text.contains("Space tick"),
        "footer shows the main keys: {text}"
    );
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn restrictions_show_lifted_once_over() {
    let dir = common::journal_dir();
    let (mut app, clock) = common::app(
        &dir,
        Some(TREATED),
        "2027-03-15T08:59:00+01:00[Europe/Paris]",
    );
    assert!(!screen_text(&render(&app, 80, 24)).contains("Minimum time passed"));
    clock.advance(Duration::from_secs(60));
    app.update(Action::Tick);
    let text = screen_text(&render(&app, 80, 24));
    // Not a green all-clear: the minimum passed, and the clinic knows best.
    assert!(!text.contains("lifted"), "{text}");
    assert!(text.contains("Minimum time passed:"), "{text}");
    assert!(text.contains(" Makeup and skincare products"), "{text}");
    assert!(text.contains(" Sweat: exercise, hot showers"), "{text}");
    assert!(text.contains("Ask your clinic if unsure."), "{text}");
}

#[test]
fn running_timer_is_shown_as_a_live_countdown() {
    let dir = common::journal_dir();
    let (mut app, clock) = common::app(
        &dir,
        Some(TREATED),
        "2027-03-14T10:00:00+01:00[Europe/Paris]",
    );
    let ice = app
        .checklist()
        .iter()
        .position(|p| p.item.id == "ice")
        .unwrap();
    for _ in 0..ice {
        app.update(Action::Down);
    }
    app.update(Action::ToggleTimer);
    clock.advance(Duration::from_secs(75));
    app.update(Action::Tick);
    let text = screen_text(&render(&app, 80, 24));
    // Whole phrases on their own lines, never broken (they wrapped mid-phrase at 80).
    assert!(
        text.contains("│ Timer: Ice pack in a soft cloth "),
        "{text}"
    );
    assert!(text.contains("│ 10:45 left · t cancels "), "{text}");
    // The footer keeps the timer's key and quit at 80 columns (it read "q qui").
    let footer = text.lines().last().unwrap();
    assert!(footer.contains("t cancel timer"), "{footer}");
    assert!(footer.contains("? help  q quit"), "{footer}");
    // And at 60 columns, whole hints are left out rather than cut.
    let narrow = screen_text(&render(&app, 60, 16));
    let footer = narrow.lines().last().unwrap();
    assert!(footer.contains("? help  q quit"), "{footer}");
    assert!(footer.contains(" Space tick  t cancel timer  "), "{footer}");
    // Moved off the ice pack on a small screen, the timer is still in sight.
    app.update(Action::Up);
    let narrow = screen_text(&render(&app, 60, 16));
    assert!(
        narrow.contains(" Timer 10:45 · Ice pack in a soft cloth · t cancels"),
        "{narrow}"
    );
}

#[test]
fn help_overlay_lists_every_key() {
    let dir = common::journal_dir();
    let mut app = day_one_app(&dir);
    app.update(Action::ToggleHelp);
    let terminal = render(&app, 80, 24);
    let text = screen_text(&terminal);
    for key in ["k j", "Space Enter", "+  -", "t ", "?", "q  Ctrl-C"] {
        assert!(text.contains(key), "help lacks {key:?}: {text}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn welcome_screen_at_80x24() {
    let dir = common::journal_dir();
    let (app, _clock) = common::app(&dir, None, "2027-03-14T10:00:00+01:00[Europe/Paris]");
    let terminal = render(&app, 80, 24);
    assert!(screen_text(&terminal).contains("2027-03-14 10:00"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn a_small_terminal_gets_a_polite_notice_at_every_size() {
    let dir = common::journal_dir();
    let app = day_one_app(&dir);
    let text = screen_text(&render(&app, 59, 20));
    assert!(text.contains("Terminal too small"), "{text}");
    for (width, height) in [
        (1, 1),
        (2, 1),
        (10, 3),
        (59, 15),
        (60, 16),
        (80, 16),
        (200, 60),
    ] {
        render(&app, width, height);
    }
}

#[test]
fn a_past_day_says_so_in_the_header() {
    let dir = common::journal_dir();
    let mut app = day_one_app(&dir);
    app.update(Action::PrevDay);
    let text = screen_text(&render(&app, 80, 24));
    assert!(
        text.contains("◂ Past day · Day 0 · treatment day · Sunday 14 March 2027"),
        "{text}"
    );
    assert!(text.contains("Home: back to today"), "{text}");
}

#[test]
fn skin_form_at_80x24() {
    use aftercare::tui::forms::skin::SkinEdit;
    let dir = common::journal_dir();
    let mut app = day_one_app(&dir);
    app.update(Action::OpenSkinForm);
    app.update(Action::Skin(SkinEdit::SetScore(2)));
    app.update(Action::Skin(SkinEdit::PrevField));
    for c in "Tight and a little warm; 日本語 ok.".chars() {
        app.update(Action::Skin(SkinEdit::Insert(c)));
    }
    let terminal = render(&app, 80, 24);
    let text = screen_text(&terminal);
    assert!(
        text.contains("How is your skin? · Monday 15 March"),
        "{text}"
    );
    assert!(
        text.contains("Redness") && text.contains("2 moderate"),
        "{text}"
    );
    assert!(
        text.contains("Tight and a little warm; 日本語 ok."),
        "{text}"
    );
    assert!(text.contains("Ctrl-S save"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_header_shows_the_next_session_window_and_never_says_due() {
    let dir = common::journal_dir();
    let (mut app, clock) = common::app(
        &dir,
        Some(TREATED),
        "2027-03-15T10:00:00+01:00[Europe/Paris]",
    );
    let header = |app: &App| {
        screen_text(&render(app, 80, 24))
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    assert!(
        header(&app).contains("Next session window: 11–25 Apr"),
        "{}",
        header(&app)
    );
    clock.advance(Duration::from_secs(30 * 86_400)); // 14 April: inside the window
    app.update(Action::Tick);
    assert!(
        header(&app).contains("Next session window: 11–25 Apr") && !header(&app).contains("due"),
        "{}",
        header(&app)
    );
    clock.advance(Duration::from_secs(20 * 86_400)); // 4 May: past it
    app.update(Action::Tick);
    assert!(
        header(&app).contains("Next session window was 11–25 Apr") && !header(&app).contains("due"),
        "{}",
        header(&app)
    );
}

#[test]
fn at_60x16_the_countdowns_keep_their_gauges() {
    let dir = common::journal_dir();
    let app = day_one_app(&dir);
    let text = screen_text(&render(&app, 60, 16));
    // Space is short: each restriction keeps its label and time left; its end time goes.
    assert!(text.contains("5 h 12 m left"), "{text}");
    assert!(text.contains("2 d 5 h left"), "{text}");
}
