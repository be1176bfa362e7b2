//! Past days, the skin form, new treatments and the healing note, through `App::update`.

mod common;

use std::time::Duration;

use aftercare::journal::{Journal, Layout, Month, Score};
use aftercare::tui::app::{Action, Edit, Overlay};
use aftercare::tui::forms::skin::SkinEdit;
use jiff::civil::date;

const TREATED: &str = "2027-03-10T09:00:00+01:00";
const NOW: &str = "2027-03-14T10:00:00+01:00[Europe/Paris]";

fn reopen_day(
    dir: &tempfile::TempDir,
    day: jiff::civil::Date,
) -> Option<aftercare::journal::DayEntry> {
    let mut journal = Journal::open(Layout::new(dir.path())).unwrap();
    journal.load_month(Month::of(day)).unwrap();
    journal.day(day).cloned()
}

#[test]
fn a_forgotten_tick_from_yesterday_lands_on_yesterday() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
    app.update(Action::PrevDay);
    assert_eq!(app.date(), date(2027, 3, 13));
    assert!(app.is_past_day());
    assert_eq!(app.day_number(), Some(3));
    common::select(&mut app, "moisturiser");
    app.update(Action::Press);

    assert_eq!(
        reopen_day(&dir, date(2027, 3, 13))
            .unwrap()
            .count("moisturiser"),
        1
    );
    assert_eq!(reopen_day(&dir, date(2027, 3, 14)), None, "today untouched");
    app.update(Action::GoToday);
    assert_eq!(app.date(), date(2027, 3, 14));
}

#[test]
fn the_future_cannot_be_reached_and_the_past_stops_at_the_first_treatment() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
    app.update(Action::NextDay);
    assert_eq!(app.date(), date(2027, 3, 14), "no day after today");
    for _ in 0..10 {
        app.update(Action::PrevDay);
    }
    assert_eq!(
        app.date(),
        date(2027, 3, 10),
        "the treatment day is the first"
    );
    assert_eq!(app.day_number(), Some(0));
}

#[test]
fn a_past_day_shows_restrictions_as_they_were_then() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
    let makeup_lifted = |app: &aftercare::tui::app::App| {
        let t = app.journal().treatment_for(app.date()).unwrap();
        aftercare::domain::recovery::restrictions_at(app.plan(), t, app.view_instant())
            .into_iter()
            .find(|s| s.restriction.id == "makeup")
            .unwrap()
            .lifted()
    };
    assert!(makeup_lifted(&app));
    for _ in 0..4 {
        app.update(Action::PrevDay);
    }
    assert!(
        !makeup_lifted(&app),
        "on the treatment day makeup was still restricted"
    );
}

#[test]
fn skin_scores_and_a_multi_line_note_survive_a_restart() {
    let dir = common::journal_dir();
    {
        let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
        app.update(Action::PrevDay);
        app.update(Action::OpenSkinForm);
        assert!(matches!(app.overlay(), Some(Overlay::SkinForm(_))));
        app.update(Action::Skin(SkinEdit::SetScore(3)));
        app.update(Action::Skin(SkinEdit::Down));
        app.update(Action::Skin(SkinEdit::StepScore(1)));
        for _ in 0..2 {
            // the warning signs, the note
            app.update(Action::Skin(SkinEdit::NextField));
        }
        for c in "Warm.".chars() {
            app.update(Action::Skin(SkinEdit::Insert(c)));
        }
        app.update(Action::Skin(SkinEdit::Newline));
        for c in "日焼け止め ok".chars() {
            app.update(Action::Skin(SkinEdit::Insert(c)));
        }
        app.update(Action::Submit);
        assert!(app.overlay().is_none());
    }
    let day = reopen_day(&dir, date(2027, 3, 13)).unwrap();
    let symptoms = day.symptoms.unwrap();
    assert_eq!(
        (symptoms.redness, symptoms.swelling, symptoms.pain),
        (Score(3), Score(1), Score(0))
    );
    assert_eq!(day.note(), "Warm.\n日焼け止め ok");
}

#[test]
fn cancelling_the_skin_form_saves_nothing() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(&dir, Some(TREATED), NOW);
    app.update(Action::OpenSkinForm);
    app.update(Action::Skin(SkinEdit::SetScore(4)));
    app.update(Action::Cancel);
    assert!(app.overlay().is_none());
    assert_eq!(reopen_day(&dir, date(2027, 3, 14)), None);
}

#[test]
fn redness_lasting_past_the_window_shows_a_calm_note() {
    let dir = common::journal_dir();
    let (mut app, clock) = common::app(&dir, Some(TREATED), NOW);
    app.update(Action::OpenSkinForm);
    app.update(Action::Skin(SkinEdit::SetScore(2)));
    app.update(Action::Submit);
    assert!(app.alerts().is_empty(), "day 4: redness is expected");

    clock.advance(Duration::from_secs(4 * 86_400)); // day 8
    app.update(Action::Tick);
    app.update(Action::OpenSkinForm);
    app.update(Action::Skin(SkinEdit::SetScore(2)));
    app.update(Action::Submit);
    assert_eq!(app.alerts().len(), 1, "{:?}", app.alerts());
    assert_eq!(
        app.alerts()[0].level,
        aftercare::domain::alerts::Level::Watch
    );
    let concern = app.alerts()[0].text.clone();
    assert!(
        concern.contains("Redness is still moderate on day 8"),
        "{concern}"
    );
    assert!(concern.contains("dermatologist"), "{concern}");
}

#[test]
fn a_new_treatment_restarts_the_day_count_and_restrictions() {
    let dir = common::journal_dir();
    let (mut app, clock) = common::app(&dir, Some(TREATED), NOW);
    assert_eq!(app.day_number(), Some(4));
    clock.advance(Duration::from_secs(40 * 86_400));
    app.update(Action::Tick);
    app.update(Action::OpenTreatmentForm);
    assert!(matches!(app.overlay(), Some(Overlay::NewTreatment(_))));
    app.update(Action::NextField);
    for _ in 0..4 {
        app.update(Action::Edit(Edit::Backspace));
    }
    for c in "neck".chars() {
        app.update(Action::Edit(Edit::Insert(c)));
    }
    app.update(Action::Submit);
    assert!(app.overlay().is_none());
    assert_eq!(app.day_number(), Some(0));
    let journal = Journal::open(Layout::new(dir.path())).unwrap();
    assert_eq!(journal.treatments().len(), 2);
    assert_eq!(journal.latest_treatment().unwrap().area, "neck");
}
