//! The patient's conventions (issue 27): `aftercare settings` shows and changes the week
//! start and the clock beside the reminder settings, defaults follow the locale, and the
//! History calendar starts its weeks where the patient does.

mod cli_support;
mod common;

use aftercare::domain::conventions::{ClockStyle, Conventions, WeekStart};
use aftercare::tui::app::Action;
use cli_support::Sandbox;
use common::history_fixture::{self, NOW};
use common::screen::{render, screen_text};

fn settings_with_locale(sandbox: &Sandbox, lang: &str) -> String {
    let mut command = sandbox.command_in("UTC", &["settings"]);
    command
        .env_remove("LC_ALL")
        .env_remove("LC_TIME")
        .env("LANG", lang);
    let run = cli_support::run_command(command);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

#[test]
fn defaults_come_from_the_locale() {
    let sandbox = Sandbox::new();
    let us = settings_with_locale(&sandbox, "en_US.UTF-8");
    assert!(us.contains("auto: sunday (en_US.UTF-8)"), "{us}");
    assert!(us.contains("auto: 12h (en_US.UTF-8)"), "{us}");
    let fr = settings_with_locale(&sandbox, "fr_FR.UTF-8");
    assert!(fr.contains("auto: monday (fr_FR.UTF-8)"), "{fr}");
    assert!(fr.contains("auto: 24h (fr_FR.UTF-8)"), "{fr}");
}

#[test]
fn one_command_changes_both_and_keeps_the_reminder_settings() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["remind", "--set", "evening=19:30"]);
    let said = sandbox.ok(&["settings", "set", "week-start=sunday", "clock=12h"]);
    assert!(said.contains("week-start = sunday"), "{said}");
    assert!(said.contains("clock = 12h"), "{said}");
    let shown = settings_with_locale(&sandbox, "fr_FR.UTF-8");
    for expected in ["week-start", "sunday", "12h", "19:30"] {
        assert!(shown.contains(expected), "{expected}: {shown}");
    }
}

#[test]
fn a_bad_value_is_one_line_and_changes_nothing() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["settings", "set", "clock=12h"]);
    let run = sandbox.run(&["settings", "set", "week-start=friday", "clock=24h"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("\"friday\" is not monday, sunday, saturday or auto"),
        "{}",
        run.stderr
    );
    let shown = sandbox.ok(&["settings"]);
    assert!(shown.contains("12h"), "nothing changed: {shown}");
}

#[test]
fn the_calendar_starts_on_sunday_when_the_patient_does() {
    let dir = common::journal_dir();
    drop(history_fixture::two_treatments(&dir));
    let (app, _clock) = common::app(&dir, None, NOW);
    let mut app = app.with_conventions(Conventions {
        week_start: WeekStart::Sunday,
        clock: ClockStyle::H24,
    });
    app.update(Action::SwitchScreen);
    let terminal = render(&app, 80, 24);
    let screen = screen_text(&terminal);
    assert!(
        screen.contains(" Su   Mo   Tu   We   Th   Fr   Sa"),
        "{screen}"
    );
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn status_and_the_plain_mode_write_times_in_the_patients_clock() {
    let sandbox = Sandbox::new();
    let at = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date()
        .yesterday()
        .unwrap()
        .to_string();
    sandbox.ok(&["treatment", "add", "--at", &format!("{at} 21:30")]);
    sandbox.ok(&["settings", "set", "clock=12h"]);
    let status = sandbox.ok(&["status"]);
    assert!(status.contains(&format!("{at} 9:30 PM")), "{status}");
    let mut plain = sandbox.command_in("UTC", &["--plain"]);
    plain.stdin(std::process::Stdio::null());
    let restrictions = cli_support::run_command(plain).stdout;
    assert!(!restrictions.contains("21:30"), "{restrictions}");
    sandbox.ok(&["settings", "set", "clock=24h"]);
    let status = sandbox.ok(&["status"]);
    assert!(status.contains(&format!("{at} 21:30")), "{status}");
    assert!(!status.contains(" PM"), "{status}");
}

#[test]
fn dates_on_input_also_read_today_yesterday_and_weekday_names() {
    let sandbox = Sandbox::new();
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date();
    let week_ago = today.checked_sub(jiff::Span::new().days(7)).unwrap();
    sandbox.ok(&["treatment", "add", "--at", &format!("{week_ago} 09:00")]);
    let yesterday = today.yesterday().unwrap();
    let said = sandbox.ok(&["tick", "water", "--date", "yesterday"]);
    assert!(said.contains(&format!("on {yesterday}")), "{said}");
    let weekday = format!("{:?}", yesterday.weekday()).to_lowercase();
    let said = sandbox.ok(&["tick", "water", "--date", &weekday]);
    assert!(said.contains(&format!("2 of 8 on {yesterday}")), "{said}");
    let said = sandbox.ok(&["tick", "water", "--date", "today"]);
    assert!(said.contains(&format!("on {today}")), "{said}");
    let run = sandbox.run(&["tick", "water", "--date", "someday"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("\"someday\" is not a date like 2027-03-14"),
        "{}",
        run.stderr
    );
}

/// Issue 27: the report follows the clock setting, in every time it writes (the
/// treatment, the restriction ends on the chart, the moment it was made).
#[test]
fn the_report_writes_times_in_the_patients_clock() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["treatment", "add", "--at", "2025-03-10 21:30"]);
    sandbox.ok(&[
        "symptoms",
        "--date",
        "2025-03-11",
        "--redness",
        "2",
        "--swelling",
        "1",
        "--pain",
        "0",
        "--dryness",
        "1",
    ]);
    let html = sandbox.ok(&["export", "--format", "html"]);
    assert!(
        html.contains("2025-03-10 21:30"),
        "24 hours by default: {html}"
    );
    sandbox.ok(&["settings", "set", "clock=12h"]);
    for format in ["html", "markdown"] {
        let report = sandbox.ok(&["export", "--format", format]);
        assert!(report.contains("2025-03-10 9:30 PM"), "{format}: {report}");
        assert!(!report.contains("21:30"), "{format}: {report}");
        let generated = report
            .split("generated ")
            .nth(1)
            .and_then(|rest| rest.split(" · ").next())
            .unwrap_or_default();
        assert!(
            generated.ends_with(" AM") || generated.ends_with(" PM"),
            "{format}: generated {generated:?}"
        );
    }
    let calendar = sandbox
        .ok(&["export", "--format", "ics"])
        .replace("\r\n ", "");
    assert!(
        calendar.contains("after the treatment of 2025-03-10 9:30 PM"),
        "the phone calendar: {calendar}"
    );
    let html = sandbox.ok(&["export", "--format", "html"]);
    assert!(html.contains(">treatment 9:30 PM<"), "the chart: {html}");
    assert!(
        html.contains("until Mar 11 9:30 PM"),
        "a restriction's end: {html}"
    );
}
