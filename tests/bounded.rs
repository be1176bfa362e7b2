//! Memory and work that do not grow with the years (issue 17): History keeps a bounded
//! window of months, the CSV export streams month by month with the same bytes, and a
//! day's treatment is found by binary search with the same answer as a walk.

mod common;

use std::rc::Rc;

use aftercare::cli::export::csv::Shape;
use aftercare::cli::export::{History, stream_csv};
use aftercare::domain::plan::PlanSource;
use aftercare::domain::time::{Clock, FixedClock};
use aftercare::journal::{Journal, Layout};
use aftercare::tui::action::HistoryAction;
use aftercare::tui::app::{Action, App, Screen};
#[path = "../benches/support/synth.rs"]
#[allow(dead_code)]
mod synth;

use jiff::ToSpan;
use jiff::civil::date;
use synth::Spec;

/// A synthetic journal of `years` ending on 2027-03-14, on disk.
fn written(years: u32) -> tempfile::TempDir {
    let dir = common::journal_dir();
    synth::generate(
        aftercare::journal::builtin_plan(),
        &Spec::years(years, date(2027, 3, 14)),
    )
    .write(dir.path())
    .expect("written");
    dir
}

const NOW: &str = "2027-03-14T20:00:00+01:00[+01:00]";

/// The app at 20:00 two days after the journal's latest treatment, when Today is full.
fn app_on(dir: &std::path::Path) -> App {
    let journal = common::writable(dir);
    let latest = journal.latest_treatment().expect("a treatment").at.date();
    let now = format!(
        "{}T20:00:00+01:00[+01:00]",
        latest.checked_add(2.days()).unwrap()
    );
    App::new(
        aftercare::journal::builtin_plan().clone(),
        PlanSource::BuiltIn,
        journal,
        Box::new(Rc::new(FixedClock::at(&now))) as Box<dyn Clock>,
    )
    .expect("app starts")
}

#[test]
fn history_paged_back_eight_years_keeps_a_few_months_in_memory() {
    let dir = written(10);
    let mut app = app_on(dir.path());
    let today_list: Vec<(String, u32)> = app
        .checklist()
        .iter()
        .map(|p| (p.item.id.clone(), p.count))
        .collect();
    assert!(!today_list.is_empty());
    app.update(Action::SwitchScreen);
    assert_eq!(*app.screen(), Screen::History);
    let mut most = 0;
    for _ in 0..100 {
        app.update(Action::History(HistoryAction::Month(-1)));
        most = most.max(app.journal().months_in_memory());
    }
    let opened = app.date();
    assert_eq!(
        app.history().cursor,
        opened.checked_sub(100.months()).unwrap()
    );
    // The cursor's month, this month and the few months of one recovery: not 120.
    assert!(most <= 8, "{most} months in memory");
    // What History shows is still read: the cursor's day and its month's summary.
    let mut fresh = Journal::open(Layout::new(dir.path())).expect("opens");
    fresh
        .load_month(aftercare::journal::Month::of(app.history().cursor))
        .expect("read");
    assert!(fresh.day(app.history().cursor).is_some());
    assert_eq!(
        app.journal().day(app.history().cursor),
        fresh.day(app.history().cursor)
    );
    assert!(app.history().month.is_some());
    // Back on Today (Tab: History, Plan, Today), the day on screen is read again and
    // shows the same counts.
    app.update(Action::SwitchScreen);
    app.update(Action::SwitchScreen);
    assert_eq!(*app.screen(), Screen::Today);
    let again: Vec<(String, u32)> = app
        .checklist()
        .iter()
        .map(|p| (p.item.id.clone(), p.count))
        .collect();
    assert_eq!(again, today_list);
}

#[test]
fn streamed_csv_is_byte_for_byte_the_collected_one() {
    let dir = written(3);
    let plan = aftercare::journal::builtin_plan().clone();
    let now = FixedClock::at(NOW).now();
    for since in [None, Some(date(2025, 7, 9)), Some(date(2027, 3, 14))] {
        let mut journal = Journal::open(Layout::new(dir.path())).expect("opens");
        let collected = History::collect(&plan, PlanSource::BuiltIn, &mut journal, since, &now)
            .expect("collected");
        for days_shape in [false, true] {
            let mut journal = Journal::open(Layout::new(dir.path())).expect("opens");
            let mut streamed = Vec::new();
            let shape = if days_shape {
                Shape::Days { photos: true }
            } else {
                Shape::Items
            };
            let days = stream_csv(&plan, &mut journal, since, &now, shape, &mut streamed)
                .expect("streamed");
            let expected = if days_shape {
                collected.to_csv_days()
            } else {
                collected.to_csv()
            };
            assert_eq!(String::from_utf8(streamed).unwrap(), expected, "{since:?}");
            assert_eq!(days, collected.days.len());
            // Nothing stays in memory once written.
            assert_eq!(journal.months_in_memory(), 0);
        }
    }
}

#[test]
fn binary_search_finds_the_same_treatment_as_a_walk() {
    let dir = written(20);
    let journal = Journal::open(Layout::new(dir.path())).expect("opens");
    let treatments = journal.treatments();
    assert!(treatments.len() > 100);
    let first = treatments[0].at.date().checked_sub(3.days()).unwrap();
    for date in first.series(1.day()).take(20 * 366) {
        let walked = treatments.iter().rev().find(|t| t.at.date() <= date);
        assert_eq!(journal.treatment_for(date), walked, "{date}");
    }
}

/// The loop draws when the screen changes by itself: countdowns shown to the minute wake
/// it once a minute at most, not every second; a running timer, each second.
#[test]
fn the_screen_is_drawn_again_only_when_it_changes() {
    use aftercare::domain::plan::ItemKind;
    use aftercare::tui::wake;
    use std::time::Duration;

    let dir = written(1);
    let journal = common::writable(dir.path());
    let latest = journal.latest_treatment().expect("a treatment").at.date();
    let clock = Rc::new(FixedClock::at(&format!(
        "{}T20:00:00+01:00[+01:00]",
        latest.checked_add(2.days()).unwrap()
    )));
    let mut app = App::new(
        aftercare::journal::builtin_plan().clone(),
        PlanSource::BuiltIn,
        journal,
        Box::new(Rc::clone(&clock)) as Box<dyn Clock>,
    )
    .expect("app starts");
    clock.advance(Duration::from_secs(1));
    app.update(Action::Tick);
    let wait = wake::next_change(&app);
    assert!(
        wait > Duration::from_secs(30) && wait <= Duration::from_secs(61),
        "countdowns in hours and days: {wait:?}"
    );
    let timed = app
        .checklist()
        .iter()
        .position(|p| matches!(p.item.kind, ItemKind::Timed { .. }))
        .expect("a timed item two days after a treatment");
    for _ in 0..timed {
        app.update(Action::Down);
    }
    app.update(Action::ToggleTimer);
    assert!(app.timer().is_some());
    clock.advance(Duration::from_millis(300));
    app.update(Action::Tick);
    let wait = wake::next_change(&app);
    assert!(
        wait <= Duration::from_millis(706),
        "a running timer shows seconds: {wait:?}"
    );
}
