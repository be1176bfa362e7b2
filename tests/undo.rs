//! Undo and redo in the app (`u`, `U`, Ctrl-R) through `App::update` on a fixed clock:
//! each undo is a new change that reverses one, said on the status line, and never
//! overwrites what another writer changed meanwhile.

mod common;

use aftercare::domain::model::Score;
use aftercare::journal::{Journal, Layout, Month};
use aftercare::tui::action::{HistoryAction, SkinEdit};
use aftercare::tui::app::{Action, App, Edit, Screen};

const NOW: &str = "2027-03-14T10:00:00+01:00[Europe/Paris]";
const TREATED: &str = "2027-03-14T09:00:00+01:00";

fn status(app: &App) -> String {
    app.status()
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// What another aftercare reads from disk: the day's count of `item`.
fn on_disk(dir: &std::path::Path, item: &str) -> u32 {
    let mut journal = Journal::open(Layout::new(dir)).unwrap();
    let date = jiff::civil::date(2027, 3, 14);
    journal.load_month(Month::of(date)).unwrap();
    journal.day(date).map_or(0, |d| d.count(item))
}

#[test]
fn undo_and_redo_a_count_say_what_they_did() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
    common::select(&mut app, "water");
    for _ in 0..3 {
        app.update(Action::Increment);
    }
    assert_eq!(common::count(&app, "water"), 3);
    app.update(Action::Undo);
    assert_eq!(status(&app), "Undid: Glasses of water 3/8 → 2/8");
    assert_eq!(common::count(&app, "water"), 2);
    assert_eq!(on_disk(dir.path(), "water"), 2);
    app.update(Action::Undo);
    app.update(Action::Undo);
    assert_eq!(status(&app), "Undid: Glasses of water 1/8 → 0/8");
    assert_eq!(on_disk(dir.path(), "water"), 0);
    // The treatment was recorded before the app opened: not this window's to undo.
    app.update(Action::Undo);
    assert_eq!(status(&app), "Nothing to undo");
    assert_eq!(app.journal().treatments().len(), 1);
    app.update(Action::Redo);
    assert_eq!(status(&app), "Redid: Glasses of water 0/8 → 1/8");
    app.update(Action::Redo);
    assert_eq!(on_disk(dir.path(), "water"), 2);
    // Undo after redo takes back the redone tick.
    app.update(Action::Undo);
    assert_eq!(status(&app), "Undid: Glasses of water 2/8 → 1/8");
    // A new change forgets what could be redone.
    app.update(Action::Increment);
    app.update(Action::Redo);
    assert_eq!(status(&app), "Nothing to redo");
    assert_eq!(on_disk(dir.path(), "water"), 2);
}

#[test]
fn a_once_a_day_tick_undoes_to_to_do() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
    let id = app.checklist()[0].item.id.clone();
    let label = app.checklist()[0].item.label.clone();
    common::select(&mut app, &id);
    app.update(Action::Press);
    app.update(Action::Undo);
    assert_eq!(status(&app), format!("Undid: {label} done → to do"));
    assert_eq!(common::count(&app, &id), 0);
}

#[test]
fn undo_does_not_take_back_a_tick_another_writer_took_back() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
    common::select(&mut app, "water");
    app.update(Action::Increment);
    app.update(Action::Increment);
    // The shell takes back the very tick the app would undo, meanwhile.
    let last = match app.journal().applied().last() {
        Some(aftercare::journal::Operation::Tick { tick, .. }) => *tick,
        other => panic!("{other:?}"),
    };
    let mut other = common::writable(dir.path());
    let date = jiff::civil::date(2027, 3, 14);
    other
        .edit_day(date, |d| d.remove_ticks("water", [last.id]))
        .unwrap();
    app.update(Action::Undo);
    assert!(
        status(&app).contains("already taken back elsewhere"),
        "{}",
        status(&app)
    );
    assert!(app.status().unwrap().is_error);
    assert_eq!(on_disk(dir.path(), "water"), 1);
    // The next undo goes further back: the first glass.
    app.update(Action::Undo);
    assert_eq!(on_disk(dir.path(), "water"), 0);
}

#[test]
fn undo_of_the_skin_form_puts_back_scores_and_note_together() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
    let save = |app: &mut App, score: u8, note: &str| {
        app.update(Action::OpenSkinForm);
        app.update(Action::Skin(SkinEdit::SetScore(score)));
        // Tab goes from the scores to the warning signs, then to the note.
        for _ in 0..2 {
            app.update(Action::Skin(SkinEdit::NextField));
        }
        for c in note.chars() {
            app.update(Action::Skin(SkinEdit::Insert(c)));
        }
        app.update(Action::Submit);
        assert!(app.overlay().is_none(), "{:?}", app.status());
    };
    save(&mut app, 2, "tight");
    save(&mut app, 3, " and red");
    let day = |app: &App| app.journal().day(app.date()).cloned().unwrap_or_default();
    assert_eq!(day(&app).symptoms().unwrap().redness, Score(3));
    assert_eq!(day(&app).note(), "tight and red");
    app.update(Action::Undo);
    assert_eq!(status(&app), "Undid: scores and note of 2027-03-14");
    assert_eq!(day(&app).symptoms().unwrap().redness, Score(2));
    assert_eq!(day(&app).note(), "tight");
    app.update(Action::Undo);
    assert_eq!(status(&app), "Undid: scores and note of 2027-03-14");
    assert_eq!(day(&app).symptoms(), None);
    assert_eq!(day(&app).note(), "");
    app.update(Action::Redo);
    assert_eq!(day(&app).symptoms().unwrap().redness, Score(2));
    assert_eq!(day(&app).note(), "tight");
    // And on disk.
    let mut journal = Journal::open(Layout::new(dir.path())).unwrap();
    journal.load_month(Month::of(app.date())).unwrap();
    assert_eq!(journal.day(app.date()).unwrap().note(), "tight");
}

#[test]
fn undo_of_a_treatment_edit_and_delete_on_history() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
    app.update(Action::SwitchScreen);
    assert_eq!(*app.screen(), Screen::History);
    let area = app.journal().treatments()[0].area.clone();
    app.update(Action::History(HistoryAction::EditTreatment));
    app.update(Action::NextField);
    // → first: a typed character would replace the selected area.
    app.update(Action::Edit(Edit::Right));
    app.update(Action::Edit(Edit::Insert('!')));
    app.update(Action::Submit);
    app.update(Action::History(HistoryAction::Answer(true)));
    assert_eq!(app.journal().treatments()[0].area, format!("{area}!"));
    app.update(Action::Undo);
    assert_eq!(status(&app), "Undid: treatment of 2027-03-14 09:00");
    assert_eq!(app.journal().treatments()[0].area, area);

    app.update(Action::History(HistoryAction::DeleteTreatment));
    app.update(Action::History(HistoryAction::Answer(true)));
    assert!(app.journal().treatments().is_empty());
    app.update(Action::Undo);
    assert_eq!(status(&app), "Undid: deleted treatment of 2027-03-14 09:00");
    let back = Journal::open(Layout::new(dir.path())).unwrap();
    assert_eq!(back.treatments().len(), 1);
    assert_eq!(back.treatments()[0].area, area);
    assert_eq!(
        back.treatments()[0].at.to_string(),
        "2027-03-14T09:00:00+01:00"
    );
    // Redo deletes it again, and says so.
    app.update(Action::Redo);
    assert!(app.journal().treatments().is_empty());
    assert_eq!(status(&app), "Redid: deleted treatment of 2027-03-14 09:00");
}

/// Issue 29 item 14: redo of a recorded treatment names what it does again — records
/// it — not the deletion that undid it.
#[test]
fn redo_of_a_recorded_treatment_says_recorded() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, None, NOW);
    app.update(Action::Submit);
    app.update(Action::Undo);
    app.update(Action::Redo);
    assert_eq!(
        status(&app),
        "Redid: recorded treatment of 2027-03-14 10:00"
    );
    assert_eq!(app.journal().treatments().len(), 1);
}

#[test]
fn undoing_the_only_treatment_asks_for_one_again() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, None, NOW);
    app.update(Action::Submit);
    assert_eq!(*app.screen(), Screen::Today);
    app.update(Action::Undo);
    assert_eq!(
        status(&app),
        "Undid: recorded treatment of 2027-03-14 10:00"
    );
    assert!(matches!(app.screen(), Screen::Welcome(_)));
    assert!(app.journal().treatments().is_empty());
}

#[test]
fn undo_of_a_warning_sign_takes_it_and_its_alert_back() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
    app.update(Action::OpenSkinForm);
    app.update(Action::Skin(SkinEdit::NextField)); // to the first sign: breathing
    app.update(Action::Skin(SkinEdit::Down)); // the second: fever
    app.update(Action::Skin(SkinEdit::ToggleSign));
    app.update(Action::Submit);
    assert_eq!(app.alerts().len(), 1, "{:?}", app.alerts());
    let day = |app: &App| app.journal().day(app.date()).cloned().unwrap_or_default();
    assert_eq!(day(&app).signs, ["fever"]);
    app.update(Action::Undo);
    assert_eq!(status(&app), "Undid: warning signs of 2027-03-14");
    assert!(day(&app).signs.is_empty());
    assert!(app.alerts().is_empty(), "{:?}", app.alerts());
}
