//! Nothing is said by colour alone (issue 27): the screens are rendered with
//! `Theme::PLAIN` (what `NO_COLOR` gives) and read by their symbols only, so every state
//! colour or reverse video carries must also be a word or a glyph.

mod common;

use aftercare::tui::action::{PlanAction, SkinEdit};
use aftercare::tui::app::{Action, App};
use aftercare::tui::ui::{self, Theme};
use common::screen::{render, screen_text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

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

/// The buffer's symbols, row by row: what is left of a screen with every colour and
/// modifier stripped.
fn symbols(app: &App, theme: &Theme) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app, theme)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every screen: `(name, app)` after the actions that open it.
fn every_screen(dir: &tempfile::TempDir) -> Vec<(&'static str, App)> {
    let day_two = || {
        common::app(
            dir,
            Some("2027-03-14T09:00:00+01:00"),
            "2027-03-16T10:00:00+01:00[Europe/Paris]",
        )
        .0
    };
    let with = |name, actions: &[Action]| {
        let mut app = day_two();
        for action in actions {
            app.update(*action);
        }
        (name, app)
    };
    vec![
        with("today", &[Action::Press, Action::Down]),
        with("help", &[Action::ToggleHelp]),
        with("skin form", &[Action::OpenSkinForm]),
        with("warning signs", &[Action::ShowWarningSigns]),
        with("treatment form", &[Action::OpenTreatmentForm]),
        with("past day", &[Action::PrevDay]),
        with("history", &[Action::SwitchScreen]),
        with(
            "plan",
            &[
                Action::OpenPlan,
                Action::Plan(PlanAction::Toggle),
                Action::Down,
            ],
        ),
    ]
}

/// The colour theme adds nothing the plain one lacks: with colours stripped every screen
/// reads the same, so what `NO_COLOR` shows is the whole of what is said.
#[test]
fn every_screen_says_the_same_without_colour() {
    let dir = common::journal_dir();
    for (name, app) in every_screen(&dir) {
        assert_eq!(
            symbols(&app, &Theme::COLOR),
            symbols(&app, &Theme::PLAIN),
            "{name}"
        );
    }
}

/// What colour marks on each screen is also a word or a glyph.
#[test]
fn each_coloured_state_has_a_word_or_a_glyph() {
    let dir = common::journal_dir();
    for (name, app) in every_screen(&dir) {
        let screen = symbols(&app, &Theme::PLAIN);
        let expected: &[&str] = match name {
            // Done ticks, the selected row, a restriction past its minimum.
            "today" => &["[✓]", "▸ [", "Minimum time passed"],
            "past day" => &["Past day", "Home: back to today"],
            // Every level of care a calendar day can have, told apart by its shade.
            "history" => &["Done: █ all ▓ most ▒ some ░ none", "▸ "],
            "plan" => &["▸ on ", " off "],
            "skin form" => &["▸ Redness"],
            "warning signs" => &["Call"],
            "treatment form" => &["▸Date and time"],
            _ => &[],
        };
        for text in expected {
            assert!(screen.contains(text), "{name}: {text:?} in\n{screen}");
        }
    }
}

/// An urgent alert says "call" in words, in its frame's title, not by red alone.
#[test]
fn an_alert_frame_says_what_to_do_in_words() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(
        &dir,
        Some("2027-03-14T09:00:00+01:00"),
        "2027-03-15T10:00:00+01:00[Europe/Paris]",
    );
    app.update(Action::OpenSkinForm);
    for _ in 0..4 {
        app.update(Action::Skin(SkinEdit::Down));
    }
    app.update(Action::Skin(SkinEdit::ToggleSign));
    app.update(Action::Submit);
    let screen = symbols(&app, &Theme::PLAIN);
    // The frame is up (its resolve hint), and its title says what to do.
    assert!(screen.contains("c: I called"), "{screen}");
    assert!(screen.contains(" Call "), "{screen}");
}
