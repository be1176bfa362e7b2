//! Issue 29, Today as a patient used it: the 60×16 footer keeps the keys that apply, and a
//! tall window shows the day's scores and note under the checklist.

mod common;

use aftercare::journal::care;
use aftercare::journal::{Score, Symptoms};
use common::screen::{render, screen_text};

const TREATED: &str = "2027-03-14T09:00:00+01:00";
/// Day 5: the ice pack (days 0–2, the only timed item) is over.
const DAY_5: &str = "2027-03-19T10:00:00+01:00[Europe/Paris]";
/// Day 1: the ice pack applies.
const DAY_1: &str = "2027-03-15T10:00:00+01:00[Europe/Paris]";
/// Day 8: past the 7 days redness usually takes to settle.
const DAY_8: &str = "2027-03-22T10:00:00+01:00[Europe/Paris]";

fn footer(text: &str) -> String {
    text.lines().last().unwrap_or_default().to_string()
}

#[test]
fn at_60x16_the_footer_keeps_skin_over_a_timer_with_nothing_timed() {
    let dir = common::journal_dir();
    let (app, _clock) = common::app(dir.path(), Some(TREATED), DAY_5);
    let text = screen_text(&render(&app, 60, 16));
    let keys = footer(&text);
    assert!(keys.contains("s skin"), "{keys}");
    assert!(!keys.contains("t timer"), "{keys}");
    insta::assert_snapshot!("today_day_5_at_60x16", text);
    // With the ice pack on the list, the timer key is offered.
    let dir = common::journal_dir();
    let (app, _clock) = common::app(dir.path(), Some(TREATED), DAY_1);
    let text = screen_text(&render(&app, 80, 24));
    assert!(footer(&text).contains("t timer"), "{text}");
}

#[test]
fn a_tall_today_shows_the_day_s_scores_and_note() {
    let dir = common::journal_dir();
    {
        let mut journal = common::journal(dir.path(), Some(TREATED));
        let now: jiff::ZonedDateTime = DAY_5.parse().unwrap();
        let date = now.date();
        let symptoms = Symptoms {
            redness: Score(2),
            swelling: Score(1),
            pain: Score(0),
            dryness: Score(3),
        };
        care::set_symptoms(&mut journal, date, Some(symptoms), &now).unwrap();
        care::set_note(
            &mut journal,
            date,
            "Cheeks feel tight after the serum",
            &now,
        )
        .unwrap();
    }
    let (app, _clock) = common::app(dir.path(), Some(TREATED), DAY_5);
    let text = screen_text(&render(&app, 120, 40));
    assert!(text.contains("Your skin"), "{text}");
    assert!(text.contains("Redness moderate"), "{text}");
    assert!(text.contains("Cheeks feel tight after the serum"), "{text}");
    insta::assert_snapshot!("today_with_skin_at_120x40", text);
}

#[test]
fn changing_only_the_area_of_a_treatment_says_the_area_changed() {
    use aftercare::tui::action::{Edit, HistoryAction};
    use aftercare::tui::app::Action;
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(dir.path(), Some(TREATED), DAY_5);
    app.update(Action::SwitchScreen);
    let area = app.journal().treatments()[0].area.clone();
    app.update(Action::History(HistoryAction::EditTreatment));
    app.update(Action::NextField);
    app.update(Action::Edit(Edit::Right));
    app.update(Action::Edit(Edit::Insert('!')));
    app.update(Action::Submit);
    app.update(Action::History(HistoryAction::Answer(true)));
    let status = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert_eq!(
        status,
        format!("Treatment of 2027-03-14 09:00: area \"{area}\" → \"{area}!\".")
    );
}

/// Day 8 with redness still moderate: at 60×16 the watch note is read whole, what was
/// logged first and the advice to the end, never "… It may be worth calling your".
#[test]
fn at_60x16_the_healing_note_is_whole() {
    let dir = common::journal_dir();
    let moderate = Symptoms {
        redness: Score(2),
        swelling: Score(0),
        pain: Score(0),
        dryness: Score(0),
    };
    {
        let mut journal = common::journal(dir.path(), Some(TREATED));
        for day in ["2027-03-18T10:00:00+01:00[Europe/Paris]", DAY_8] {
            let now: jiff::ZonedDateTime = day.parse().unwrap();
            care::set_symptoms(&mut journal, now.date(), Some(moderate), &now).unwrap();
        }
    }
    let (app, _clock) = common::app(dir.path(), Some(TREATED), DAY_8);
    let text = screen_text(&render(&app, 60, 16));
    let read: Vec<&str> = text.lines().map(|l| l.trim_matches('"').trim()).collect();
    assert!(
        read.join(" ").contains(
            "Redness still moderate on day 8. It may be worth calling your dermatologist."
        ),
        "{text}"
    );
    insta::assert_snapshot!("today_healing_note_at_60x16", text);
    // At 80 columns the whole message, with the plan's window, still fits its two rows.
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("past the 7 days your plan"), "{text}");
}
