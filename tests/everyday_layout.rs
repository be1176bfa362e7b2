//! Everyday-use fixes (issue 16) on the screens: the 60×16 minimum and 80×24, the History
//! keys and dialogs, the skin form, read as a patient would.

mod common;

use aftercare::tui::app::Action::History;
use aftercare::tui::app::{Action, App, Screen};
use aftercare::tui::history::HistoryAction;
use aftercare::tui::keys::{KeyContext, key_to_action};
use common::history_fixture::{self, NOW};
use common::screen::{render, screen_text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TREATED: &str = "2027-03-14T09:00:00+01:00";

fn today_app(dir: &tempfile::TempDir) -> App {
    let (mut app, _clock) = common::app(
        dir,
        Some(TREATED),
        "2027-03-15T03:48:00+01:00[Europe/Paris]",
    );
    app.update(Action::Down);
    for _ in 0..3 {
        app.update(Action::Press);
    }
    app
}

fn history_app(dir: &tempfile::TempDir) -> App {
    drop(history_fixture::two_treatments(dir));
    let (mut app, _clock) = common::app(dir, None, NOW);
    app.update(Action::SwitchScreen);
    app
}

#[test]
fn today_at_60x16_wraps_labels_marks_hidden_rows_and_keeps_help_and_quit() {
    let dir = common::journal_dir();
    let app = today_app(&dir);
    let terminal = render(&app, 60, 16);
    let screen = screen_text(&terminal);
    assert!(!screen.contains("d…"), "no label is cut: {screen}");
    assert!(screen.contains("more"), "hidden rows are marked: {screen}");
    assert!(
        screen.contains("? help") && screen.contains("q quit"),
        "{screen}"
    );
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn history_at_60x16_says_where_the_trend_went() {
    let dir = common::journal_dir();
    let app = history_app(&dir);
    let terminal = render(&app, 60, 16);
    let screen = screen_text(&terminal);
    assert!(screen.contains("make the window taller"), "{screen}");
    assert!(
        screen.contains("? help") && screen.contains("q quit"),
        "{screen}"
    );
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_trend_axis_never_cuts_a_day_number() {
    let dir = common::journal_dir();
    let app = history_app(&dir);
    for (width, height) in [(80, 24), (60, 24), (100, 30)] {
        let screen = screen_text(&render(&app, width, height));
        let axis = screen
            .lines()
            .find(|line| line.contains("│ day ") || line.contains("d/bar"))
            .unwrap_or_else(|| panic!("no axis at {width}x{height}:\n{screen}"))
            .split("││")
            .next()
            .unwrap();
        // Every number on the axis is a multiple of 5: a cut "35" would read "3".
        for number in axis
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
        {
            let n: u32 = number.parse().unwrap();
            assert!(
                n.is_multiple_of(5) || axis.contains(&format!("{n}d/bar")),
                "{axis}"
            );
        }
    }
}

#[test]
fn esc_on_history_goes_back_to_today() {
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let action = key_to_action(esc, KeyContext::History).unwrap();
    let dir = common::journal_dir();
    let mut app = history_app(&dir);
    app.update(action);
    assert_eq!(*app.screen(), Screen::Today);
    assert!(!app.should_quit());
}

#[test]
fn the_confirmation_says_what_changes_and_the_form_shows_its_own_keys() {
    let dir = common::journal_dir();
    let mut app = history_app(&dir);
    app.update(History(HistoryAction::EditTreatment));
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("Esc cancel"), "the form's keys: {screen}");
    assert!(!screen.contains("p/n treatment"), "{screen}");
    app.update(Action::NextField);
    for c in "neck".chars() {
        app.update(Action::Edit(aftercare::tui::app::Edit::Insert(c)));
    }
    app.update(Action::Submit);
    let screen = screen_text(&render(&app, 80, 24));
    assert!(
        screen.contains("change area \"face and") && screen.contains("→ \"neck\"?"),
        "{screen}"
    );
    assert!(!screen.contains("10:30 to 2027-04-18 10:30"), "{screen}");
}

#[test]
fn left_on_the_first_day_says_why_nothing_moved() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(
        &dir,
        Some(TREATED),
        "2027-03-14T10:00:00+01:00[Europe/Paris]",
    );
    app.update(Action::PrevDay);
    let status = app.status().cloned().expect("a word about it");
    assert!(status.text.contains("Nothing earlier"), "{}", status.text);
    app.update(Action::NextDay);
    assert!(app.status().unwrap().text.contains("This is today"));
}

#[test]
fn saving_an_unchanged_skin_form_says_nothing_was_saved() {
    let dir = common::journal_dir();
    let mut app = today_app(&dir);
    app.update(Action::OpenSkinForm);
    app.update(Action::Submit);
    let status = app.status().cloned().unwrap();
    assert!(status.text.contains("nothing was saved"), "{}", status.text);
    assert!(!common::journal_dir().path().join("days").exists());
}

#[test]
fn before_any_treatment_the_checklist_says_how_to_start() {
    let dir = common::journal_dir();
    drop(history_fixture::two_treatments(&dir));
    let (mut app, _clock) = common::app(&dir, None, NOW);
    app.update(Action::SwitchScreen);
    // A day before the first treatment, opened from History.
    app.update(History(HistoryAction::Month(-2)));
    app.update(History(HistoryAction::OpenDay));
    let screen = screen_text(&render(&app, 80, 24));
    assert!(!screen.contains("Rest and let your skin heal"), "{screen}");
    let before = app.date();
    app.update(Action::NextDay);
    assert_eq!(
        app.date(),
        before.tomorrow().unwrap(),
        "→ steps one day, no jump"
    );
}

#[test]
fn ascii_theme_draws_every_screen_in_ascii() {
    use aftercare::tui::ui::{self, Theme};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let dir = common::journal_dir();
    let mut app = today_app(&dir);
    for step in [None, Some(Action::SwitchScreen), Some(Action::ToggleHelp)] {
        if let Some(action) = step {
            app.update(action);
        }
        for (width, height) in [(80, 24), (60, 16)] {
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal
                .draw(|frame| ui::draw(frame, &app, &Theme::PLAIN.with_ascii(true)))
                .unwrap();
            let screen = screen_text(&terminal);
            let odd: String = screen.chars().filter(|c| !c.is_ascii()).collect();
            assert!(odd.is_empty(), "{odd:?} at {width}x{height}:\n{screen}");
        }
    }
}

fn click(column: u16, row: u16) -> ratatui::crossterm::event::MouseEvent {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

/// Where `needle` is drawn on the screen, as (column, row).
fn find(screen: &str, needle: &str) -> (u16, u16) {
    for (row, line) in screen.lines().enumerate() {
        if let Some(byte) = line.find(needle) {
            let column = line[..byte].chars().count() - 1; // the opening quote
            return (column as u16, row as u16);
        }
    }
    panic!("{needle:?} not on screen:\n{screen}")
}

#[test]
fn a_click_selects_an_item_a_second_click_or_its_box_ticks_it() {
    use aftercare::tui::mouse::mouse_actions;
    use ratatui::layout::Rect;
    let dir = common::journal_dir();
    let mut app = today_app(&dir);
    for (width, height) in [(80, 24), (60, 16)] {
        // Back to the top of the list, as the patient would.
        while app.selected() > 0 {
            app.update(Action::Up);
        }
        let area = Rect::new(0, 0, width, height);
        let screen = screen_text(&render(&app, width, height));
        let (column, row) = find(&screen, "If your clinic");
        for action in mouse_actions(&app, area, click(column, row)) {
            app.update(action);
        }
        assert_eq!(
            app.selected(),
            2,
            "selected, not ticked, at {width}x{height}"
        );
        assert_eq!(common::count(&app, "clinic-product"), 0);
        // Clicked again where it is drawn now (a small screen scrolls with the selection).
        let screen = screen_text(&render(&app, width, height));
        let (column, row) = find(&screen, "If your clinic");
        for action in mouse_actions(&app, area, click(column, row)) {
            app.update(action);
        }
        assert_eq!(
            common::count(&app, "clinic-product"),
            1,
            "second click ticks"
        );
        app.update(Action::Press); // untick, for the next size
    }
    // A click on the box of another item ticks it at once.
    let screen = screen_text(&render(&app, 80, 24));
    let (column, row) = find(&screen, "No harsh soaps");
    for action in mouse_actions(&app, Rect::new(0, 0, 80, 24), click(column - 3, row)) {
        app.update(action);
    }
    assert_eq!(common::count(&app, "no-harsh"), 1);
}

#[test]
fn a_click_on_a_calendar_day_selects_it_and_the_wheel_moves_by_weeks() {
    use aftercare::tui::mouse::mouse_actions;
    use ratatui::crossterm::event::{MouseEvent, MouseEventKind};
    use ratatui::layout::Rect;
    let dir = common::journal_dir();
    let mut app = history_app(&dir);
    let area = Rect::new(0, 0, 80, 24);
    let screen = screen_text(&render(&app, 80, 24));
    let (column, row) = find(&screen, " 13░");
    for action in mouse_actions(&app, area, click(column + 1, row)) {
        app.update(action);
    }
    assert_eq!(app.history().cursor, jiff::civil::date(2027, 4, 13));
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    for action in mouse_actions(&app, area, wheel) {
        app.update(action);
    }
    assert_eq!(app.history().cursor, jiff::civil::date(2027, 4, 20));
}

#[test]
fn the_help_at_60x16_cuts_rows_with_a_mark_instead_of_wrapping_them() {
    let dir = common::journal_dir();
    let mut app = today_app(&dir);
    app.update(Action::ToggleHelp);
    let screen = screen_text(&render(&app, 60, 16));
    assert!(screen.contains("more keys"), "{screen}");
    // Every row of the help starts in its column: none begins at the popup's border.
    for line in screen.lines().filter(|l| l.contains("││")) {
        assert!(
            !line.contains("││item") && !line.contains("││note"),
            "{line}"
        );
    }
}
