//! Journal schema version 2 (issue 10): a version-1 journal — ticks without identities,
//! several in the same second — loads with every tick kept, exports the same counts before
//! and after its upgrade, is written as version 2 on its next save, and upgrades the same
//! way on every machine (so two upgraded copies merge without counting anything twice).

mod cli_support;

use aftercare::domain::merge::Merge as _;
use aftercare::journal::{MonthFile, parse};
use cli_support::Sandbox;

const TREATMENTS_V1: &str = "(\n  version: 1,\n  treatments: [\n    (\n      at: \"2026-11-10T10:00:00+00:00\",\n      area: \"face\",\n    ),\n  ],\n)\n";

/// Three glasses of water in one second, a sunscreen tick, scores and a note.
const MONTH_V1: &str = r#"(
  version: 1,
  month: "2026-11",
  days: {
    "2026-11-12": (
      ticks: {
        "water": ["2026-11-12T09:00:00+00:00", "2026-11-12T09:00:00+00:00", "2026-11-12T09:00:00+00:00", "2026-11-12T13:00:00+00:00"],
        "sunscreen": ["2026-11-12T08:00:00+00:00"],
      },
      symptoms: Some((redness: 2, swelling: 1, pain: 0, dryness: 1)),
      note: "Tight but fine.",
    ),
  },
)
"#;

fn sandbox_with_v1() -> Sandbox {
    let sandbox = Sandbox::new();
    let dir = sandbox.journal_dir();
    std::fs::create_dir_all(dir.join("days")).unwrap();
    std::fs::write(dir.join("treatments.ron"), TREATMENTS_V1).unwrap();
    std::fs::write(sandbox.month_file("2026-11"), MONTH_V1).unwrap();
    sandbox
}

fn export_of_the_12th(sandbox: &Sandbox) -> String {
    let csv = sandbox.ok(&["export", "--format", "csv"]);
    csv.lines()
        .filter(|l| l.starts_with("date") || l.starts_with("2026-11-12"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_version_1_journal_keeps_every_tick_through_its_upgrade() {
    let sandbox = sandbox_with_v1();
    let before = export_of_the_12th(&sandbox);
    assert!(before.contains("2026-11-12"), "{before}");
    let path = sandbox.month_file("2026-11");
    let file: MonthFile = parse(&std::fs::read(&path).unwrap(), &path).unwrap();
    assert_eq!(
        file.days.values().next().unwrap().count("water"),
        4,
        "same-second ticks kept"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        MONTH_V1,
        "reading never rewrites"
    );

    // A tick on another day of the month saves the file: it becomes version 2.
    sandbox.ok(&["tick", "water", "--date", "2026-11-13"]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("version: 2"), "{text}");
    let after = export_of_the_12th(&sandbox);
    assert_eq!(
        after, before,
        "the same counts, scores and note after the upgrade"
    );
    let upgraded: MonthFile = parse(text.as_bytes(), &path).unwrap();
    let day = upgraded.days.values().next().unwrap();
    assert_eq!(day.count("water"), 4);
    assert_eq!(day.note(), "Tight but fine.");
    let mut ids: Vec<_> = day.ticks_of("water").iter().map(|t| t.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), 4, "four identities");
}

#[test]
fn two_machines_upgrading_the_same_file_agree_on_its_ticks() {
    let path = std::path::Path::new("2026-11.ron");
    let laptop: MonthFile = parse(MONTH_V1.as_bytes(), path).unwrap();
    let desktop: MonthFile = parse(MONTH_V1.as_bytes(), path).unwrap();
    assert_eq!(laptop, desktop);
    let mut merged = laptop.clone();
    merged.merge(&desktop);
    assert_eq!(merged.days.values().next().unwrap().count("water"), 4);
}

#[test]
fn a_newer_version_is_still_refused_untouched() {
    let sandbox = sandbox_with_v1();
    let path = sandbox.month_file("2026-11");
    let newer = MONTH_V1.replace("version: 1", "version: 3");
    std::fs::write(&path, &newer).unwrap();
    let run = sandbox.run(&["tick", "water", "--date", "2026-11-13"]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("newer aftercare"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
}

#[test]
fn the_export_counts_the_same_second_ticks() {
    let sandbox = sandbox_with_v1();
    let export = export_of_the_12th(&sandbox);
    let water = export
        .lines()
        .find(|l| l.contains(",water,"))
        .expect("a water row");
    assert!(water.contains(",4,8,"), "4 of 8: {water}");
}
