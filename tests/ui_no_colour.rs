//! Nothing is said by colour alone (issue 27): the screens are rendered with
//! `Theme::PLAIN` (what `NO_COLOR` gives) and read by their symbols only, so every state
//! colour or reverse video carries must also be a word or a glyph.

mod common;

use aftercare::tui::app::{Action, App};
use common::screen::{render, screen_text};

/// The row of the screen that holds `text`.
fn row_with<'a>(screen: &'a str, text: &str) -> &'a str {
    screen
        .lines()
        .find(|line| line.contains(text))
        .unwrap_or_else(|| panic!("{text:?} on screen:\n{screen}"))
}

fn welcome_app(dir: &tempfile::TempDir) -> App {
    common::app(dir, None, "2027-03-14T09:30:00+01:00[Europe/Paris]").0
}

#[test]
fn the_focused_field_of_the_treatment_form_has_a_pointer() {
    let dir = common::journal_dir();
    let mut app = welcome_app(&dir);
    let screen = screen_text(&render(&app, 80, 24));
    assert!(
        row_with(&screen, "Date and time").contains("▸Date and time"),
        "{screen}"
    );
    assert!(!row_with(&screen, "Area").contains('▸'), "{screen}");
    app.update(Action::NextField);
    let screen = screen_text(&render(&app, 80, 24));
    assert!(row_with(&screen, "Area").contains("▸Area"), "{screen}");
    assert!(
        !row_with(&screen, "Date and time").contains('▸'),
        "{screen}"
    );
}
