//! The journal on disk: round trips, month-by-month saving, and refusing corrupt files.

mod common;

use std::os::unix::fs::MetadataExt;

use aftercare::journal::care::{self, TickChange};
use aftercare::journal::{Journal, Layout, Month, Score, Symptoms};
use jiff::ZonedDateTime;
use jiff::civil::date;

fn now(text: &str) -> ZonedDateTime {
    text.parse().unwrap()
}

#[test]
fn everything_logged_reads_back_the_same() {
    let dir = common::journal_dir();
    let plan = aftercare::journal::builtin_plan().clone();
    let now = now("2027-03-15T10:00:00+01:00[Europe/Paris]");
    {
        let mut journal = common::journal(&dir, Some("2027-03-14T09:00:00+01:00"));
        care::tick(
            &mut journal,
            &plan,
            "water",
            now.date(),
            TickChange::Add(3),
            &now,
        )
        .unwrap();
        care::tick(
            &mut journal,
            &plan,
            "SunScreen",
            now.date(),
            TickChange::Done,
            &now,
        )
        .unwrap();
        care::set_note(
            &mut journal,
            now.date(),
            "Less red today.\nA bit dry.",
            &now,
        )
        .unwrap();
        let symptoms = Symptoms {
            redness: Score(2),
            swelling: Score(1),
            pain: Score(0),
            dryness: Score(3),
        };
        care::set_symptoms(&mut journal, now.date(), Some(symptoms), &now).unwrap();
    }
    let mut journal = Journal::open(Layout::new(dir.path())).unwrap();
    assert_eq!(journal.treatments().len(), 1);
    assert_eq!(
        journal.treatments()[0].at.to_string(),
        "2027-03-14T09:00:00+01:00"
    );
    journal.load_month(Month::of(now.date())).unwrap();
    let day = journal.day(now.date()).expect("the day was saved");
    assert_eq!(day.count("water"), 3);
    assert_eq!(day.count("sunscreen"), 1);
    assert_eq!(day.note(), "Less red today.\nA bit dry.");
    assert_eq!(day.symptoms.unwrap().dryness, Score(3));
    assert_eq!(
        day.ticks["water"][0].at.to_string(),
        "2027-03-15T10:00:00+01:00"
    );
}

#[test]
fn a_save_rewrites_only_the_month_that_changed() {
    let dir = common::journal_dir();
    let plan = aftercare::journal::builtin_plan().clone();
    let march = now("2027-03-31T10:00:00+02:00[Europe/Paris]");
    let april = now("2027-04-01T10:00:00+02:00[Europe/Paris]");
    let mut journal = common::journal(&dir, Some("2027-03-30T09:00:00+02:00"));
    care::tick(
        &mut journal,
        &plan,
        "water",
        march.date(),
        TickChange::Add(1),
        &march,
    )
    .unwrap();
    care::tick(
        &mut journal,
        &plan,
        "water",
        april.date(),
        TickChange::Add(1),
        &april,
    )
    .unwrap();

    let layout = Layout::new(dir.path());
    let identity = |path: &std::path::Path| {
        let meta = std::fs::metadata(path).unwrap();
        (meta.ino(), meta.mtime_nsec(), std::fs::read(path).unwrap())
    };
    let march_before = identity(&layout.month(Month::of(march.date())));
    let treatments_before = identity(&layout.treatments());
    let april_before = identity(&layout.month(Month::of(april.date())));

    care::tick(
        &mut journal,
        &plan,
        "water",
        april.date(),
        TickChange::Add(1),
        &april,
    )
    .unwrap();

    assert_eq!(
        identity(&layout.month(Month::of(march.date()))),
        march_before
    );
    assert_eq!(identity(&layout.treatments()), treatments_before);
    assert_ne!(
        identity(&layout.month(Month::of(april.date()))),
        april_before
    );
}

#[test]
fn files_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = common::journal_dir();
    let journal_dir = dir.path().join("journal");
    let mut journal = common::writable(&journal_dir);
    journal
        .add_treatment(common::treatment("2027-03-14T09:00:00+01:00"))
        .unwrap();
    let now = now("2027-03-14T10:00:00+01:00[Europe/Paris]");
    care::tick(
        &mut journal,
        aftercare::journal::builtin_plan(),
        "water",
        now.date(),
        TickChange::Add(1),
        &now,
    )
    .unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&journal_dir), 0o700);
    assert_eq!(mode(&journal_dir.join("days")), 0o700);
    assert_eq!(mode(&journal_dir.join("treatments.ron")), 0o600);
    assert_eq!(mode(&journal_dir.join("days/2027-03.ron")), 0o600);
}

#[test]
fn a_corrupt_month_is_reported_with_position_and_left_untouched() {
    let dir = common::journal_dir();
    let layout = Layout::new(dir.path());
    std::fs::create_dir_all(layout.days_dir()).unwrap();
    let path = layout.month(Month::of(date(2027, 3, 1)));
    let corrupt = b"(\n  version: 1,\n  month: \"2027-03\",\n  days: {\n    \"2027-03-14\": (ticks: {\"water\": [12]}),\n  },\n)\n";
    std::fs::write(&path, corrupt).unwrap();

    let mut journal = Journal::open(layout.clone()).unwrap();
    let err = journal
        .load_month(Month::of(date(2027, 3, 14)))
        .unwrap_err()
        .to_string();
    assert!(err.starts_with(&format!("{}:5:", path.display())), "{err}");

    // Editing that month must fail too, and never overwrite the file.
    let now = now("2027-03-14T10:00:00+01:00[Europe/Paris]");
    let plan = aftercare::journal::builtin_plan().clone();
    assert!(
        care::tick(
            &mut journal,
            &plan,
            "water",
            now.date(),
            TickChange::Add(1),
            &now
        )
        .is_err()
    );
    assert_eq!(std::fs::read(&path).unwrap(), corrupt);
}

#[test]
fn a_newer_schema_is_refused_not_downgraded() {
    let dir = common::journal_dir();
    let layout = Layout::new(dir.path());
    let text = "(version: 99, treatments: [])\n";
    std::fs::write(layout.treatments(), text).unwrap();
    let err = Journal::open(layout.clone()).unwrap_err().to_string();
    assert!(err.contains("newer aftercare"), "{err}");
    assert_eq!(std::fs::read_to_string(layout.treatments()).unwrap(), text);
}

#[test]
fn the_future_cannot_be_logged_and_unknown_items_are_named() {
    let dir = common::journal_dir();
    let mut journal = common::journal(&dir, Some("2027-03-14T09:00:00+01:00"));
    let plan = aftercare::journal::builtin_plan().clone();
    let now = now("2027-03-15T10:00:00+01:00[Europe/Paris]");
    let err = care::tick(
        &mut journal,
        &plan,
        "water",
        date(2027, 3, 16),
        TickChange::Add(1),
        &now,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("2027-03-16 is in the future"), "{err}");
    let err = care::tick(
        &mut journal,
        &plan,
        "coffee",
        now.date(),
        TickChange::Add(1),
        &now,
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("no item \"coffee\"") && err.contains("water"),
        "{err}"
    );
    assert!(!dir.path().join("days").exists(), "nothing was written");
}

/// Files exactly as the first (core) version wrote them, before symptoms, notes and
/// backups existed: they must load unchanged, and be read by today's app.
#[test]
fn journals_written_by_the_core_version_still_load() {
    let dir = common::journal_dir();
    let layout = Layout::new(dir.path());
    std::fs::create_dir_all(layout.days_dir()).unwrap();
    std::fs::write(
        layout.treatments(),
        "(\n  version: 1,\n  treatments: [\n    (\n      at: \"2026-11-24T14:49:00+00:00\",\n      area: \"face\",\n    ),\n  ],\n)\n",
    )
    .unwrap();
    std::fs::write(
        layout.month(Month::of(date(2026, 11, 1))),
        "(\n  version: 1,\n  month: \"2026-11\",\n  days: {\n    \"2026-11-24\": (\n      ticks: {\n        \"water\": [\"2026-11-24T14:49:44.489200178+00:00\", \"2026-11-24T14:49:44.490070927+00:00\"],\n      },\n    ),\n  },\n)\n",
    )
    .unwrap();
    let before = common::snapshot(dir.path());

    let (app, _clock) = common::app(&dir, None, "2026-11-25T09:00:00+00:00[UTC]");
    assert_eq!(app.journal().treatments()[0].area, "face");
    assert_eq!(app.day_number(), Some(1));
    let mut journal = app.into_journal();
    journal.load_month(Month::of(date(2026, 11, 24))).unwrap();
    let day = journal.day(date(2026, 11, 24)).unwrap();
    assert_eq!(day.count("water"), 2);
    assert_eq!((day.symptoms, day.note().as_str()), (None, ""));
    let after: Vec<_> = common::snapshot(dir.path())
        .into_iter()
        .filter(|(name, _)| name != ".lock")
        .collect();
    assert_eq!(after, before, "reading never rewrites");
}
