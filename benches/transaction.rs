//! Issue 10's budgets, on the ten-year journal: one tick as a whole transaction (lock,
//! metadata check, re-read only when changed, atomic write with fsync, backup, unlock)
//! < 3 ms median, and the app's once-a-second check of the files on screen < 50 µs when
//! nothing changed.

mod support;

use std::hint::black_box;

use aftercare::domain::time::Clock;
use aftercare::journal::care::{self, TickChange};
use aftercare::journal::{COMMAND_LOCK_WAIT, Journal, Layout, Month};
use criterion::{Criterion, criterion_group, criterion_main};
use support::Fixture;

const TEN_YEARS: u32 = 3650;

fn transaction(c: &mut Criterion) {
    let fixture = Fixture::new(TEN_YEARS);
    let now = fixture.clock().now();
    let plan = aftercare::journal::builtin_plan().clone();
    let mut journal = Journal::open_writable(Layout::new(fixture.dir.path()), COMMAND_LOCK_WAIT)
        .expect("journal opens");
    let mut changes = [TickChange::Add(1), TickChange::Remove(1)]
        .into_iter()
        .cycle();
    let mut group = c.benchmark_group("transaction");
    group.bench_function("tick-ten-years", |b| {
        b.iter(|| {
            let change = changes.next().expect("endless");
            care::tick(&mut journal, &plan, "water", now.date(), change, &now).expect("saved")
        })
    });
    // What the app does once a second on Today: the treatments and the months on screen.
    let on_screen = [Month::of(now.date()), Month::of(now.date()).offset(-1)];
    journal.load_month(on_screen[1]).expect("read");
    journal.refresh(on_screen).expect("checked");
    group.bench_function("check-unchanged", |b| {
        b.iter(|| black_box(journal.refresh(on_screen).expect("checked")))
    });
    group.finish();
}

criterion_group!(benches, transaction);
criterion_main!(benches);
