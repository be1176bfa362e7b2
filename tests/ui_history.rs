//! The History screen rendered into ratatui's `TestBackend` at 80×24, on a journal with two
//! treatments, as a patient would see it.

mod common;

use aftercare::tui::app::Action::History;
use aftercare::tui::app::{Action, App};
use aftercare::tui::history::HistoryAction;
use common::history_fixture::{self, NOW};
use common::screen::{render, screen_text};

fn history_app(dir: &tempfile::TempDir) -> App {
    drop(history_fixture::two_treatments(dir));
    let (mut app, _clock) = common::app(dir, None, NOW);
    app.update(Action::SwitchScreen);
    app
}

#[test]
fn history_screen_at_80x24() {
    let dir = common::journal_dir();
    let mut app = history_app(&dir);
    app.update(History(HistoryAction::Day(-2))); // 22 April: symptoms and a note
    let terminal = render(&app, 80, 24);
    let screen = screen_text(&terminal);
    for expected in [
        "April 2027",
        "All care done 6 days in a row · best run after 18 Apr 2027: 6 days",
        "Thursday 22 April 2027",
        "Day 4 after the treatment of 18 Apr",
        "Redness mild · Swelling none",
        "Pain none · Dryness moderate",
        "Note: Tight in the morning",
        "Symptoms after 18 Apr 2027 (2 of 2)",
        "Redness: severe on day\u{a0}0 → mild on day\u{a0}4",
        "Next session 16–30 May 2027",
        "face and neck",
        "+35 d",
        "Tab plan",
    ] {
        assert!(screen.contains(expected), "lacks {expected:?}:\n{screen}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn calendar_shades_days_by_care_done_and_marks_treatments() {
    let dir = common::journal_dir();
    let mut app = history_app(&dir);
    app.update(History(HistoryAction::Treatment(-1)));
    let terminal = render(&app, 80, 24);
    let screen = screen_text(&terminal);
    // 14 March, a treatment day fully done; 21 some; 22 none; 13 before any treatment.
    for cell in ["*14█", " 21▒", " 22░", " 13 "] {
        assert!(screen.contains(cell), "lacks {cell:?}:\n{screen}");
    }
    assert!(
        screen.contains("Symptoms after 14 Mar 2027 (1 of 2)"),
        "{screen}"
    );
    assert!(
        screen.contains("Redness: marked on day\u{a0}0 → none on day\u{a0}7"),
        "{screen}"
    );
    assert!(screen.contains("Note: 1.0 mm, first session"), "{screen}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_confirm_dialog_names_the_treatment() {
    let dir = common::journal_dir();
    let mut app = history_app(&dir);
    app.update(History(HistoryAction::DeleteTreatment));
    let terminal = render(&app, 80, 24);
    let screen = screen_text(&terminal);
    assert!(
        screen.contains("Delete the treatment of 2027-04-18 10:30?"),
        "{screen}"
    );
    assert!(screen.contains("y yes   n no"), "{screen}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_edit_dialog_shows_the_treatment_to_correct() {
    let dir = common::journal_dir();
    let mut app = history_app(&dir);
    app.update(History(HistoryAction::EditTreatment));
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("Correct this treatment"), "{screen}");
    assert!(screen.contains("2027-04-18 10:30"), "{screen}");
    assert!(screen.contains("face and neck"), "{screen}");
    app.update(Action::Submit);
    let screen = screen_text(&render(&app, 80, 24));
    assert!(
        screen.contains("Nothing changed: edit a field, or Esc to close."),
        "a correction that changes nothing is not asked about:\n{screen}"
    );
}

#[test]
fn help_lists_the_history_keys() {
    let dir = common::journal_dir();
    let mut app = history_app(&dir);
    app.update(Action::ToggleHelp);
    let screen = screen_text(&render(&app, 80, 24));
    for key in ["PgUp PgDn", "p  n", "e", "d", "Tab"] {
        assert!(screen.contains(key), "help lacks {key:?}:\n{screen}");
    }
}

#[test]
fn history_draws_at_every_size_without_panicking() {
    let dir = common::journal_dir();
    let mut app = history_app(&dir);
    for (width, height) in [(1, 1), (10, 3), (60, 16), (61, 17), (80, 24), (200, 60)] {
        render(&app, width, height);
    }
    app.update(History(HistoryAction::EditTreatment));
    for (width, height) in [(60, 16), (80, 24)] {
        render(&app, width, height);
    }
}

#[test]
fn history_help_overlay_snapshot() {
    let dir = common::journal_dir();
    let mut app = history_app(&dir);
    app.update(Action::ToggleHelp);
    insta::assert_snapshot!(render(&app, 80, 24).backend());
}

#[test]
fn edit_dialog_snapshot() {
    let dir = common::journal_dir();
    let mut app = history_app(&dir);
    app.update(History(HistoryAction::EditTreatment));
    app.update(Action::Edit(aftercare::tui::app::Edit::Insert('x')));
    app.update(Action::Submit);
    insta::assert_snapshot!(render(&app, 80, 24).backend());
}
