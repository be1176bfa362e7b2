//! Issue 28, cases 1, 2 and 5: a change in the app is what the patient meant, applied
//! inside the lock to the journal as it is then. Each test drives the app through
//! `App::update` and lets a second writer (another `Journal` on the same folder, as the
//! shell or another window would be) change the journal between the patient's keys:
//! nothing the second writer did is lost.

mod common;

use std::path::Path;

use aftercare::journal::care::{self, TickChange};
use aftercare::journal::{Journal, Layout, Month, Operation, Score, Symptoms, Treatment};
use aftercare::tui::action::SkinEdit;
use aftercare::tui::app::{Action, App, Screen};
use aftercare::tui::keys::key_to_action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::ZonedDateTime;
use jiff::civil::{Date, date};

const TREATED: &str = "2026-11-18T10:00:00+00:00";
const NOW: &str = "2026-11-20T12:00:00[UTC]";
const DAY: Date = date(2026, 11, 20);

fn now() -> ZonedDateTime {
    NOW.parse().unwrap()
}

/// The second writer: another aftercare on the same folder.
fn other_writer(dir: &Path) -> Journal {
    let mut journal = common::writable(dir);
    journal.load_month(Month::of(DAY)).unwrap();
    journal
}

/// The day as a fresh reader finds it on disk.
fn day_on_disk(dir: &Path) -> aftercare::journal::DayEntry {
    let mut journal = Journal::open(Layout::new(dir)).unwrap();
    journal.load_month(Month::of(DAY)).unwrap();
    journal.day(DAY).cloned().unwrap_or_default()
}

fn treatments_on_disk(dir: &Path) -> Vec<Treatment> {
    Journal::open(Layout::new(dir))
        .unwrap()
        .treatments()
        .to_vec()
}

fn press(app: &mut App, keys: &[KeyCode]) {
    for code in keys {
        let key = KeyEvent::new(*code, KeyModifiers::NONE);
        if let Some(action) = key_to_action(key, app.key_context()) {
            app.update(action);
        }
    }
}

fn type_text(app: &mut App, text: &str) {
    press(app, &text.chars().map(KeyCode::Char).collect::<Vec<_>>());
}

fn status(app: &App) -> String {
    app.status().map(|s| s.text.clone()).unwrap_or_default()
}

// Case 1: the skin form writes only what the patient changed in it.

#[test]
fn the_skin_form_keeps_the_scores_signs_and_note_line_the_shell_logged_while_it_was_open() {
    let temp = common::journal_dir();
    let dir = temp.path();
    let (mut app, _clock) = common::app(dir, TREATED, NOW);
    care::set_note(&mut other_writer(dir), DAY, "Tight skin.", &now()).unwrap();
    app.update(Action::Tick);

    app.update(Action::OpenSkinForm);
    // The shell logs scores, the pus sign and a line of the note meanwhile.
    let mut shell = other_writer(dir);
    let scores = Symptoms {
        redness: Score(4),
        swelling: Score(3),
        pain: Score(2),
        dryness: Score(1),
    };
    care::set_symptoms_and_signs(&mut shell, DAY, Some(scores), &["pus".into()], &now()).unwrap();
    care::set_note(&mut shell, DAY, "Tight skin.\nPus on the chin.", &now()).unwrap();

    // The patient changes redness only, and writes in the note.
    app.update(Action::Skin(SkinEdit::SetScore(2)));
    app.update(Action::Skin(SkinEdit::PrevField));
    type_text(&mut app, " Better by noon.");
    app.update(Action::Submit);

    let day = day_on_disk(dir);
    let saved = day.symptoms().expect("scores");
    assert_eq!(saved.redness, Score(2), "the patient's change");
    assert_eq!(
        (saved.swelling, saved.pain, saved.dryness),
        (Score(3), Score(2), Score(1)),
        "the shell's scores the patient did not touch are kept"
    );
    assert_eq!(day.signs, ["pus"], "the shell's warning sign is kept");
    let note = day.note();
    assert!(
        note.contains("Pus on the chin."),
        "the shell's line: {note:?}"
    );
    assert!(
        note.contains("Better by noon."),
        "the patient's text: {note:?}"
    );
    assert!(
        status(&app).contains("both"),
        "the status says the note was changed elsewhere too: {}",
        status(&app)
    );
    assert!(
        !app.alerts().is_empty(),
        "the call-your-clinic alert of the pus sign stays"
    );
}

#[test]
fn the_skin_form_writes_no_field_the_patient_left_alone() {
    let temp = common::journal_dir();
    let dir = temp.path();
    let (mut app, _clock) = common::app(dir, TREATED, NOW);
    app.update(Action::OpenSkinForm);
    let mut shell = other_writer(dir);
    let scores = Symptoms {
        redness: Score(1),
        ..Symptoms::default()
    };
    care::set_symptoms(&mut shell, DAY, Some(scores), &now()).unwrap();
    care::set_note(&mut shell, DAY, "From the shell.", &now()).unwrap();
    // Only a sign is ticked in the form.
    app.update(Action::Skin(SkinEdit::NextField));
    app.update(Action::Skin(SkinEdit::ToggleSign));
    app.update(Action::Submit);
    let day = day_on_disk(dir);
    assert_eq!(day.symptoms(), Some(scores));
    assert_eq!(day.note(), "From the shell.");
    assert_eq!(day.signs.len(), 1);
}

#[test]
fn the_history_correction_keeps_a_note_set_meanwhile_by_the_shell() {
    let temp = common::journal_dir();
    let dir = temp.path();
    let (mut app, _clock) = common::app(dir, TREATED, NOW);
    press(&mut app, &[KeyCode::Tab, KeyCode::Char('e')]);
    assert!(app.overlay().is_some(), "the correction form is open");
    // `treatment edit --note` from the shell meanwhile.
    let mut shell = other_writer(dir);
    let mut noted = shell.treatments()[0].clone();
    noted.note = "numbing cream".into();
    noted.edit = Some(aftercare::journal::Edit::after(
        "2026-11-20T11:59:00+00:00".parse().unwrap(),
        noted.edit,
    ));
    shell.apply(Operation::EditTreatment(noted)).unwrap();
    app.update(Action::Tick);

    press(&mut app, &[KeyCode::Backspace; 5]);
    type_text(&mut app, "08:15");
    press(&mut app, &[KeyCode::Enter, KeyCode::Char('y')]);
    let treatments = treatments_on_disk(dir);
    assert_eq!(treatments.len(), 1);
    let local = treatments[0].at.local().strftime("%H:%M").to_string();
    assert_eq!(local, "08:15", "the patient's correction");
    assert_eq!(
        treatments[0].note, "numbing cream",
        "the shell's note is kept"
    );
}

// Case 2: a confirmation names the treatment by its identity.

/// The app on History with the November treatment selected, and one from October.
fn history_with_two(dir: &Path) -> App {
    let mut journal = common::journal(dir, "2026-10-01T10:00:00+00:00");
    journal.add_treatment(common::treatment(TREATED)).unwrap();
    drop(journal);
    let (mut app, _clock) = common::app(dir, None, NOW);
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(*app.screen(), Screen::History);
    assert_eq!(app.history().treatment, 1, "the November one is selected");
    app
}

/// Another device adds a treatment that sorts before both; the app takes it in.
fn add_earlier_treatment(app: &mut App, dir: &Path) {
    let earlier = Treatment::new("2026-09-01T07:00:00+00:00".parse().unwrap(), "neck", "");
    other_writer(dir).add_treatment(earlier).unwrap();
    app.update(Action::Tick);
    assert_eq!(app.journal().treatments().len(), 3, "the app took it in");
}

#[test]
fn yes_deletes_the_treatment_the_question_named_though_an_earlier_one_came_meanwhile() {
    let temp = common::journal_dir();
    let dir = temp.path();
    let mut app = history_with_two(dir);
    press(&mut app, &[KeyCode::Char('d')]);
    add_earlier_treatment(&mut app, dir);
    press(&mut app, &[KeyCode::Char('y')]);
    let left: Vec<String> = treatments_on_disk(dir)
        .iter()
        .map(|t| t.at.to_string())
        .collect();
    assert_eq!(
        left,
        ["2026-09-01T07:00:00+00:00", "2026-10-01T10:00:00+00:00"],
        "the November treatment named in the question is the one deleted"
    );
}

#[test]
fn yes_corrects_the_treatment_the_question_named_though_an_earlier_one_came_meanwhile() {
    let temp = common::journal_dir();
    let dir = temp.path();
    let mut app = history_with_two(dir);
    press(&mut app, &[KeyCode::Char('e'), KeyCode::Tab]);
    type_text(&mut app, "forehead");
    press(&mut app, &[KeyCode::Enter]);
    add_earlier_treatment(&mut app, dir);
    press(&mut app, &[KeyCode::Char('y')]);
    let areas: Vec<(String, String)> = treatments_on_disk(dir)
        .iter()
        .map(|t| (t.at.to_string(), t.area.clone()))
        .collect();
    assert_eq!(
        areas,
        [
            ("2026-09-01T07:00:00+00:00".to_string(), "neck".to_string()),
            ("2026-10-01T10:00:00+00:00".to_string(), "face".to_string()),
            (
                "2026-11-18T10:00:00+00:00".to_string(),
                "forehead".to_string()
            ),
        ]
    );
}

// Case 5: Space means what the screen shows.

#[test]
fn space_on_an_item_shown_not_done_keeps_a_tick_the_shell_made_meanwhile() {
    let temp = common::journal_dir();
    let dir = temp.path();
    let (mut app, _clock) = common::app(dir, TREATED, NOW);
    common::select(&mut app, "sunscreen");
    assert_eq!(common::count(&app, "sunscreen"), 0, "shown [ ]");
    let plan = app.plan().clone();
    care::tick(
        &mut other_writer(dir),
        &plan,
        "sunscreen",
        DAY,
        TickChange::Add(1),
        &now(),
    )
    .unwrap();
    app.update(Action::Press);
    assert_eq!(
        day_on_disk(dir).count("sunscreen"),
        1,
        "make it done: still done, not taken back"
    );
}

#[test]
fn space_on_an_item_shown_done_keeps_it_undone_when_the_shell_unticked_meanwhile() {
    let temp = common::journal_dir();
    let dir = temp.path();
    let (mut app, _clock) = common::app(dir, TREATED, NOW);
    common::select(&mut app, "sunscreen");
    app.update(Action::Press);
    assert_eq!(common::count(&app, "sunscreen"), 1, "shown [x]");
    let plan = app.plan().clone();
    care::tick(
        &mut other_writer(dir),
        &plan,
        "sunscreen",
        DAY,
        TickChange::Remove(1),
        &now(),
    )
    .unwrap();
    app.update(Action::Press);
    assert_eq!(
        day_on_disk(dir).count("sunscreen"),
        0,
        "make it undone: still undone, not ticked again"
    );
}
