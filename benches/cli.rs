//! The command line in-process: `status` (budget < 8 ms whole process, ≤ 1.5× one
//! week) and `export --format csv` of ten years (< 400 ms).

mod support;

use std::hint::black_box;

use aftercare::cli::export::History;
use aftercare::cli::status::Status;
use aftercare::domain::conventions::ClockStyle;
use aftercare::domain::plan::PlanSource;
use aftercare::domain::time::Clock;
use aftercare::journal::{Journal, Layout};
use criterion::{Criterion, criterion_group, criterion_main};
use support::{Fixture, SIZES};

fn cli(c: &mut Criterion) {
    let mut group = c.benchmark_group("cli");
    for (name, days) in SIZES {
        let fixture = Fixture::new(days);
        let now = fixture.clock().now();
        group.bench_function(format!("status/{name}"), |b| {
            b.iter(|| {
                let plan = aftercare::journal::builtin_plan().clone();
                let mut journal = Journal::open(Layout::new(fixture.dir.path())).expect("opens");
                let status = Status::at(&plan, &mut journal, &now).expect("status");
                black_box(status.to_text(&PlanSource::BuiltIn, ClockStyle::H24))
            })
        });
    }
    let fixture = Fixture::new(3650);
    let now = fixture.clock().now();
    group.sample_size(20);
    group.bench_function("export-csv/ten-years", |b| {
        b.iter(|| {
            let plan = aftercare::journal::builtin_plan().clone();
            let mut journal = Journal::open(Layout::new(fixture.dir.path())).expect("opens");
            let history = History::collect(&plan, PlanSource::BuiltIn, &mut journal, None, &now)
                .expect("collected");
            black_box(history.to_csv())
        })
    });
    group.finish();
}

criterion_group!(benches, cli);
criterion_main!(benches);
