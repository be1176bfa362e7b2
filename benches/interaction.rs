//! The app in use, on a ten-year journal: drawing the Today screen, moving through it, and
//! saving a tick. Budgets: under 1 ms per key handled and frame redrawn (median), under
//! 3 ms per save (atomic write with fsync) — see docs/performance.md.

mod support;

use std::hint::black_box;

use aftercare::app::Action;
use aftercare::care::{self, TickChange};
use aftercare::clock::Clock;
use aftercare::journal::{Journal, Layout};
use aftercare::plan::CarePlan;
use aftercare::ui::{self, Theme};
use criterion::{Criterion, criterion_group, criterion_main};
use support::{Fixture, terminal};

const TEN_YEARS: u32 = 3650;

fn today(c: &mut Criterion) {
    let fixture = Fixture::new(TEN_YEARS);
    let theme = Theme::COLOR;
    let mut group = c.benchmark_group("today");

    // One frame of the Today screen into an 80×24 buffer (what the once-a-second redraw
    // costs when nothing changed).
    group.bench_function("draw/80x24", |b| {
        let app = fixture.open_app();
        let mut terminal = terminal();
        b.iter(|| {
            terminal
                .draw(|frame| ui::draw(frame, &app, &theme))
                .expect("drawn");
        })
    });

    // One key of a burst of moves (down to the end of the list and back up), each handled
    // and the frame redrawn, as the event loop does.
    group.bench_function("key+draw/move", |b| {
        let mut app = fixture.open_app();
        let mut terminal = terminal();
        let len = app.checklist().len();
        let burst: Vec<Action> = std::iter::repeat_n(Action::Down, len)
            .chain(std::iter::repeat_n(Action::Up, len))
            .collect();
        let mut keys = burst.iter().cycle();
        b.iter(|| {
            app.update(keys.next().expect("endless").clone());
            terminal
                .draw(|frame| ui::draw(frame, &app, &theme))
                .expect("drawn");
        })
    });

    // The once-a-second tick that drives the countdowns.
    group.bench_function("key+draw/clock-tick", |b| {
        let mut app = fixture.open_app();
        let mut terminal = terminal();
        b.iter(|| {
            app.update(Action::Tick);
            terminal
                .draw(|frame| ui::draw(frame, &app, &theme))
                .expect("drawn");
        })
    });

    // Space on a counted item (water): the tick is recorded and the month file rewritten
    // atomically with fsync, then the frame redrawn. Alternating + and - keeps the file's
    // size steady however long criterion runs.
    group.bench_function("key+draw+save/tick", |b| {
        let mut app = fixture.open_app();
        let mut terminal = terminal();
        let water = app
            .checklist()
            .iter()
            .position(|p| p.item.id == "water")
            .expect("water applies two days after a treatment");
        for _ in 0..water {
            app.update(Action::Down);
        }
        let mut keys = [Action::Increment, Action::Decrement].into_iter().cycle();
        b.iter(|| {
            app.update(keys.next().expect("endless"));
            terminal
                .draw(|frame| ui::draw(frame, &app, &theme))
                .expect("drawn");
            black_box(app.status.is_none())
        })
    });
    // `-` on an item already at zero: the journal does not change, so nothing is written.
    group.bench_function("key+draw/untick-at-zero", |b| {
        let mut app = fixture.open_app();
        let mut terminal = terminal();
        let target = app.checklist()[0].target();
        for _ in 0..=target + 8 {
            app.update(Action::Decrement);
        }
        assert_eq!(app.checklist()[0].count, 0);
        b.iter(|| {
            app.update(Action::Decrement);
            terminal
                .draw(|frame| ui::draw(frame, &app, &theme))
                .expect("drawn");
        })
    });
    group.finish();
}

/// One save after a tick, without the UI: `care::tick` on the journal, which rewrites the
/// day's month file (temp file, write, fsync, rename, fsync dir).
fn save(c: &mut Criterion) {
    let fixture = Fixture::new(TEN_YEARS);
    let clock = fixture.clock();
    let now = clock.now();
    let plan = CarePlan::builtin();
    let mut journal = Journal::open(Layout::new(fixture.dir.path())).expect("journal opens");
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

criterion_group!(benches, today, save);
criterion_main!(benches);
