//! Start-up: from the files on disk to the first full frame, on a one-week and a ten-year
//! journal. Budget: under 8 ms for the whole process, and ten years within 1.5× of one
//! week (see the README's Performance section; `benches/measure.sh` measures the whole process).

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use support::{Fixture, SIZES, screen};

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    for (name, days) in SIZES {
        let fixture = Fixture::new(days);
        // Plan + Journal::open (treatments.ron) + App::new (reads the current month).
        group.bench_function(format!("open/{name}"), |b| {
            b.iter(|| black_box(fixture.open_app()))
        });
        // The same, and the first frame drawn into an 80×24 buffer.
        group.bench_function(format!("first-frame/{name}"), |b| {
            b.iter(|| {
                let app = fixture.open_app();
                let mut screen = screen();
                screen.draw(&app);
                black_box(screen)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
