//! Issue 29 item 10, layouts that use the room: at 120×40 the symptom trend gives each day
//! more than one column, and Today's countdown panel shows its longest label whole; at
//! 80×24 and 60×16 both stay as they were (one column a day; the panel's width by need).

mod common;

use aftercare::journal::care;
use aftercare::journal::{Score, Symptoms};
use aftercare::tui::app::Action;
use common::screen::{render, screen_text};

const TREATED: &str = "2027-03-14T09:00:00+01:00";
/// Day 8, with scores logged on days 0 to 8.
const DAY_8: &str = "2027-03-22T10:00:00+01:00[Europe/Paris]";

/// The app on History, a week of scores fading after the treatment.
fn history_with_a_week_of_scores() -> (tempfile::TempDir, aftercare::tui::app::App) {
    let dir = common::journal_dir();
    {
        let mut journal = common::journal(dir.path(), Some(TREATED));
        let now: jiff::ZonedDateTime = DAY_8.parse().unwrap();
        for day in 0..=8u8 {
            let date = jiff::civil::date(2027, 3, 14 + i8::try_from(day).unwrap());
            let fading = |from: u8| Score(from.saturating_sub(day / 2));
            let symptoms = Symptoms {
                redness: fading(3),
                swelling: fading(2),
                pain: fading(1),
                dryness: Score(1),
            };
            care::set_symptoms(&mut journal, date, Some(symptoms), &now).unwrap();
        }
    }
    let (mut app, _clock) = common::app(dir.path(), Some(TREATED), DAY_8);
    app.update(Action::SwitchScreen);
    (dir, app)
}

/// The trend's redness row, from the bars to the end of the row.
fn redness_bars(text: &str) -> String {
    let line = text
        .lines()
        .find(|l| l.contains("│ Redness  "))
        .unwrap_or_else(|| panic!("a redness row: {text}"));
    let bars = &line[line.find("Redness  ").unwrap() + "Redness  ".len()..];
    bars.split('│').next().unwrap().trim_end().to_string()
}

#[test]
fn at_120x40_the_trend_gives_a_day_more_than_one_column() {
    let (_dir, app) = history_with_a_week_of_scores();
    let wide = screen_text(&render(&app, 120, 40));
    let bars = redness_bars(&wide);
    assert!(
        bars.chars().count() > 2 * 9,
        "more than one column for each of the 9 days: {bars:?}"
    );
    assert!(bars.starts_with("▆▆ ▆▆ "), "{bars:?}");
    insta::assert_snapshot!("history_trend_at_120x40", wide);
    let normal = screen_text(&render(&app, 80, 24));
    assert_eq!(redness_bars(&normal).chars().count(), 9, "one a day at 80");
    insta::assert_snapshot!("history_trend_at_80x24", normal);
    insta::assert_snapshot!("history_trend_at_60x16", screen_text(&render(&app, 60, 16)));
}

#[test]
fn at_120x40_todays_restrictions_show_the_longest_label_whole() {
    let dir = common::journal_dir();
    let (app, _clock) = common::app(dir.path(), Some(TREATED), DAY_8);
    let wide = screen_text(&render(&app, 120, 40));
    assert!(
        wide.contains("Peels (at-home too), laser, harsh treatments"),
        "{wide}"
    );
    let normal = screen_text(&render(&app, 80, 24));
    assert!(normal.contains("Peels (at-home too), l"), "{normal}");
}

/// Issue 29 items 7 and 8, at 60×16: the day panel shows all four scores and the whole
/// note (wrapped), with no "…" and no "↓ more" when it fits.
#[test]
fn at_60x16_the_day_panel_shows_every_score_and_the_whole_note() {
    let (dir, _) = history_with_a_week_of_scores();
    {
        let mut journal = common::journal(dir.path(), Some(TREATED));
        let now: jiff::ZonedDateTime = DAY_8.parse().unwrap();
        let date = jiff::civil::date(2027, 3, 22);
        care::set_note(&mut journal, date, "Ice helped, feel hot", &now).unwrap();
    }
    let (mut app, _clock) = common::app(dir.path(), Some(TREATED), DAY_8);
    app.update(Action::SwitchScreen);
    let text = screen_text(&render(&app, 60, 16));
    let panel: String = text
        .lines()
        .map(|line| line.chars().skip(39).collect::<String>())
        .map(|right| {
            right
                .trim_matches(['"', '│', '┐', '┘', '─', ' '])
                .to_string()
        })
        .collect::<Vec<_>>()
        .join(" ");
    for score in ["Redness", "Swelling", "Pain", "Dryness"] {
        assert!(panel.contains(score), "{score}: {text}");
    }
    assert!(panel.contains("Ice helped, feel hot"), "{text}");
    assert!(!panel.contains('…') && !panel.contains("more"), "{text}");
    insta::assert_snapshot!("history_day_panel_at_60x16", text);
}

/// Issue 29 item 8: a note too long for the 60×16 panel is not cut with "…": its start is
/// shown and the last row says there is more, and where (Enter opens the day).
#[test]
fn at_60x16_a_note_that_cannot_fit_says_more_rather_than_cutting() {
    let (dir, _) = history_with_a_week_of_scores();
    {
        let mut journal = common::journal(dir.path(), Some(TREATED));
        let now: jiff::ZonedDateTime = DAY_8.parse().unwrap();
        let date = jiff::civil::date(2027, 3, 22);
        let note = "Ice helped, feel hot in the evening, cheeks tight after washing, \
                    used the clinic balm twice, slept on a fresh pillowcase";
        care::set_note(&mut journal, date, note, &now).unwrap();
    }
    let (mut app, _clock) = common::app(dir.path(), Some(TREATED), DAY_8);
    app.update(Action::SwitchScreen);
    let text = screen_text(&render(&app, 60, 16));
    assert!(text.contains("Note: Ice helped,"), "{text}");
    assert!(text.contains("↓ more: Enter"), "{text}");
    assert!(!text.contains('…'), "{text}");
}
