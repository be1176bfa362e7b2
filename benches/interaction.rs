//! The app in use, on a ten-year journal: drawing the Today screen, moving through it, and
//! saving a tick. Budgets: under 1 ms per key handled and frame redrawn (median), under
//! 3 ms per save (atomic write with fsync) — see the README's Performance section.

mod support;

use std::time::Duration;

use aftercare::domain::time::Clock;
use aftercare::journal::care::{self, TickChange};
use aftercare::journal::{Journal, Layout};
use aftercare::tui::app::{Action, App};
use aftercare::tui::history::HistoryAction;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use support::{Fixture, Screen, screen};

const TEN_YEARS: u32 = 3650;

fn today(c: &mut Criterion) {
    let fixture = Fixture::new(TEN_YEARS);
    let mut group = c.benchmark_group("today");

    // One frame of the Today screen into an 80×24 buffer (what the once-a-second redraw
    // costs when nothing changed).
    group.bench_function("draw/80x24", |b| {
        let app = fixture.open_app();
        let mut screen = screen();
        b.iter(|| screen.draw(&app))
    });

    // One key of a burst of moves (down to the end of the list and back up), each handled
    // and the frame redrawn, as the event loop does.
    group.bench_function("key+draw/move", |b| {
        let mut app = fixture.open_app();
        let mut screen = screen();
        let len = app.checklist().len();
        let burst: Vec<Action> = std::iter::repeat_n(Action::Down, len)
            .chain(std::iter::repeat_n(Action::Up, len))
            .collect();
        let mut keys = burst.into_iter().cycle();
        b.iter(|| screen.key(&mut app, keys.next().expect("endless")))
    });

    // The once-a-second tick that drives the countdowns.
    group.bench_function("key+draw/clock-tick", |b| {
        let mut app = fixture.open_app();
        let mut screen = screen();
        b.iter(|| screen.key(&mut app, Action::Tick))
    });

    // `+`/`-` on a counted item (water): the tick is recorded and the month file rewritten
    // atomically with fsync, then the frame redrawn. Alternating keeps the file's size
    // steady however long criterion runs.
    group.bench_function("key+draw+save/tick", |b| {
        let mut app = fixture.open_app();
        let mut screen = screen();
        let water = app
            .checklist()
            .iter()
            .position(|p| p.item.id == "water")
            .expect("water applies two days after a treatment");
        for _ in 0..water {
            app.update(Action::Down);
        }
        let mut keys = [Action::Increment, Action::Decrement].into_iter().cycle();
        b.iter(|| screen.key(&mut app, keys.next().expect("endless")))
    });

    // `-` on an item already at zero: the journal does not change, so nothing is written.
    group.bench_function("key+draw/untick-at-zero", |b| {
        let mut app = fixture.open_app();
        let mut screen = screen();
        let target = app.checklist()[0].target();
        for _ in 0..=target + 8 {
            app.update(Action::Decrement);
        }
        assert_eq!(app.checklist()[0].count, 0);
        b.iter(|| screen.key(&mut app, Action::Decrement))
    });
    group.finish();
}

/// One save after a tick, without the UI: `care::tick` on the journal, which rewrites the
/// day's month file (temp file, write, fsync, rename, fsync dir).
fn save(c: &mut Criterion) {
    let fixture = Fixture::new(TEN_YEARS);
    let now = fixture.clock().now();
    let plan = aftercare::journal::builtin_plan().clone();
    let mut journal = Journal::open_writable(Layout::new(fixture.dir.path()), Duration::ZERO)
        .expect("journal opens");
    let mut changes = [TickChange::Add(1), TickChange::Remove(1)]
        .into_iter()
        .cycle();
    c.bench_function("save/tick-ten-years", |b| {
        b.iter(|| {
            let change = changes.next().expect("endless");
            care::tick(&mut journal, &plan, "water", now.date(), change, &now).expect("saved")
        })
    });
}

/// Opening History (Tab), and moving month by month: a step to a month whose file is
/// read for the first time (cold) and to one next to it (warm). Budget: < 5 ms a step.
/// A key on ten and fifty years: the same time.
fn history(c: &mut Criterion) {
    let fixture = Fixture::new(TEN_YEARS);
    let mut group = c.benchmark_group("history");
    let on_history = || {
        let (mut app, mut screen) = (fixture.open_app(), screen());
        screen.key(&mut app, Action::SwitchScreen);
        (app, screen)
    };
    group.bench_function("open", |b| {
        b.iter_batched(
            || (fixture.open_app(), screen()),
            |(mut app, mut screen)| screen.key(&mut app, Action::SwitchScreen),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("month-step/cold", |b| {
        b.iter_batched(
            on_history,
            |(mut app, mut screen): (App, Screen)| {
                screen.key(&mut app, Action::History(HistoryAction::Month(-1)))
            },
            BatchSize::PerIteration,
        )
    });
    // A key on History (a week back and forth over the same months) and the frame drawn,
    // on ten and fifty years: the work must not grow with the treatments (61 vs ~300).
    for (name, days) in [("ten-years", TEN_YEARS), ("fifty-years", 50 * 365)] {
        let fixture = Fixture::new(days);
        group.bench_function(format!("key/{name}"), |b| {
            let (mut app, mut screen) = (fixture.open_app(), screen());
            screen.key(&mut app, Action::SwitchScreen);
            let mut n = 0u32;
            b.iter(|| {
                let weeks = if (n / 4).is_multiple_of(2) { -1 } else { 1 };
                n += 1;
                screen.key(&mut app, Action::History(HistoryAction::Week(weeks)))
            })
        });
    }
    group.bench_function("month-step/warm", |b| {
        let (mut app, mut screen) = on_history();
        let mut n = 0u32;
        b.iter(|| {
            // A year back and forth over the same months: each read once, then cached.
            let months = if (n / 12).is_multiple_of(2) { -1 } else { 1 };
            n += 1;
            screen.key(&mut app, Action::History(HistoryAction::Month(months)))
        })
    });
    group.finish();
}

criterion_group!(benches, today, save, history);
criterion_main!(benches);
