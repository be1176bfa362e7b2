//! Undo and redo in the app (issue 16): `u` takes back the last change, again and again;
//! `U` (or Ctrl-R) makes it again; the status line says what changed. Built on the
//! journal's operations, so what is undone is saved like any change.

mod common;

use aftercare::journal::{Journal, Layout};
use aftercare::tui::app::{Action, Screen};
use aftercare::tui::keys::{KeyContext, key_to_action};
use aftercare::tui::state::Overlay;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TREATED: &str = "2027-03-14T09:00:00+01:00";
const NOW: &str = "2027-03-15T10:00:00+01:00[Europe/Paris]";

fn on_disk_count(dir: &tempfile::TempDir, item: &str) -> u32 {
    let mut journal = Journal::open(Layout::new(dir.path())).unwrap();
    let date = jiff::civil::date(2027, 3, 15);
    journal
        .load_month(aftercare::journal::Month::of(date))
        .unwrap();
    journal.day(date).map_or(0, |d| d.count(item))
}

#[test]
fn u_undoes_ticks_one_by_one_and_capital_u_redoes() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
    common::select(&mut app, "water");
    for _ in 0..3 {
        app.update(Action::Press);
    }
    assert_eq!(common::count(&app, "water"), 3);
    let u = key_to_action(
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE),
        KeyContext::Today,
    );
    app.update(u.unwrap());
    assert_eq!(common::count(&app, "water"), 2);
    assert_eq!(
        app.status.as_ref().unwrap().text,
        "Undid: Glasses of water 3/8 → 2/8"
    );
    assert_eq!(on_disk_count(&dir, "water"), 2, "the undo is saved");
    app.update(Action::Undo);
    assert_eq!(common::count(&app, "water"), 1);
    let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
    app.update(key_to_action(ctrl_r, KeyContext::Today).unwrap());
    assert_eq!(common::count(&app, "water"), 2);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .starts_with("Redid: Glasses of water 1/8 → 2/8")
    );
    app.update(Action::Redo);
    assert_eq!(common::count(&app, "water"), 3);
    app.update(Action::Redo);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("Nothing to redo")
    );
    // A new change forgets what could be redone.
    app.update(Action::Undo);
    app.update(Action::Increment);
    app.update(Action::Redo);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("Nothing to redo")
    );
    assert_eq!(on_disk_count(&dir, "water"), 3);
}

#[test]
fn the_skin_log_is_undone_as_one_change() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
    app.update(Action::OpenSkinForm);
    app.update(Action::Skin(aftercare::tui::action::SkinEdit::SetScore(3)));
    app.update(Action::Skin(aftercare::tui::action::SkinEdit::NextField));
    for c in "itchy".chars() {
        app.update(Action::Skin(aftercare::tui::action::SkinEdit::Insert(c)));
    }
    app.update(Action::Submit);
    assert!(app.overlay.is_none());
    let date = app.date;
    assert_eq!(app.journal.day(date).unwrap().note(), "itchy");
    app.update(Action::Undo);
    let day = app.journal.day(date).cloned().unwrap_or_default();
    assert_eq!(day.note(), "");
    assert_eq!(day.symptoms(), None);
    assert!(app.status.as_ref().unwrap().text.contains("skin log"));
    app.update(Action::Redo);
    assert_eq!(app.journal.day(date).unwrap().note(), "itchy");
}

#[test]
fn undoing_a_new_treatment_deletes_it_and_redo_brings_it_back() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
    app.update(Action::OpenTreatmentForm);
    assert!(matches!(app.overlay, Some(Overlay::NewTreatment(_))));
    app.update(Action::Submit);
    assert_eq!(app.journal.treatments().len(), 2);
    app.update(Action::Undo);
    assert_eq!(app.journal.treatments().len(), 1);
    assert!(app.status.as_ref().unwrap().text.contains("new treatment"));
    app.update(Action::Redo);
    assert_eq!(app.journal.treatments().len(), 2);
    assert_eq!(app.screen, Screen::Today);
}

#[test]
fn nothing_to_undo_says_so() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
    app.update(Action::Undo);
    assert!(app.status.unwrap().text.contains("Nothing to undo"));
}
