//! The synthetic journal (benchmark aid) is a journal the app can open, with the counts it
//! promises, and the same every time.

mod common;

use aftercare::journal::{Journal, Layout, Month};
#[path = "../benches/support/synth.rs"]
#[allow(dead_code)]
mod synth;

use jiff::civil::date;
use synth::{NOTE_LEN, Spec, SynthJournal};

#[test]
fn ten_years_have_the_promised_shape() {
    let journal = synth::generate(
        aftercare::journal::builtin_plan(),
        &Spec::years(10, date(2027, 3, 14)),
    );
    assert_eq!(journal.day_count(), 3650);
    assert_eq!(journal.months.len(), 121);
    let treatments = journal.treatments.treatments.len();
    assert!((50..=75).contains(&treatments), "{treatments} treatments");
    // About 10 ticks a day.
    let ticks = journal.tick_count();
    assert!((30_000..=45_000).contains(&ticks), "{ticks} ticks");
    let days = journal.months.iter().flat_map(|m| m.days.values());
    for day in days {
        assert_eq!(day.note().chars().count(), NOTE_LEN);
        assert!(day.symptoms.is_some());
    }
}

#[test]
fn same_spec_same_journal() {
    let spec = Spec::years(1, date(2027, 3, 14));
    let plan = aftercare::journal::builtin_plan().clone();
    assert_eq!(synth::generate(&plan, &spec), synth::generate(&plan, &spec));
}

/// A journal of `days` days ending on 2027-03-14, generated and written to a temp dir.
fn written(days: u32) -> (tempfile::TempDir, SynthJournal) {
    let dir = common::journal_dir();
    let generated = synth::generate(
        aftercare::journal::builtin_plan(),
        &Spec::days(days, date(2027, 3, 14)),
    );
    generated.write(dir.path()).expect("written");
    (dir, generated)
}

#[test]
fn written_journal_opens_with_the_same_content() {
    let (dir, generated) = written(90);

    let mut journal = Journal::open(Layout::new(dir.path())).expect("opens");
    assert_eq!(
        journal.treatments(),
        generated.treatments.treatments.as_slice()
    );
    assert_eq!(journal.treatments()[0].at.date(), date(2026, 12, 15));
    for month in &generated.months {
        assert_eq!(journal.load_month(month.month).expect("loads"), month);
    }
    assert!(
        journal
            .load_month(Month::of(date(2027, 4, 1)))
            .unwrap()
            .days
            .is_empty()
    );
}

#[test]
fn never_writes_over_a_journal() {
    let (dir, generated) = written(3);
    let err = generated.write(dir.path()).unwrap_err();
    assert!(err.to_string().contains("never overwritten"), "{err}");
}
