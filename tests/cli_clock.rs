//! The subcommands with a fixed clock, through `cli::run`: exact output at known instants,
//! DST days and a clock set back, which a process run on the real clock cannot pin down.

use aftercare::cli::{self, Cli, CliError};
use aftercare::domain::time::FixedClock;
use aftercare::journal::format::plan::BUILTIN_PLAN;
use aftercare::journal::paths::Paths;
use clap::Parser;
use tempfile::TempDir;

struct Setup {
    dir: TempDir,
    paths: Paths,
}

impl Setup {
    fn new() -> Setup {
        let dir = TempDir::new().unwrap();
        let paths = Paths {
            journal_dir: dir.path().join("journal"),
            plan_override: dir.path().join("config/care-plan.ron"),
            undo_log: dir.path().join("state/undo.ron"),
        };
        Setup { dir, paths }
    }

    fn run(&self, clock: &FixedClock, args: &[&str]) -> Result<String, CliError> {
        let cli = Cli::try_parse_from(std::iter::once("aftercare").chain(args.iter().copied()))
            .expect("valid arguments");
        let mut out = Vec::new();
        cli::run(
            cli.command.expect("a subcommand"),
            &self.paths,
            clock,
            &mut out,
        )?;
        Ok(String::from_utf8(out).unwrap())
    }

    fn ok(&self, clock: &FixedClock, args: &[&str]) -> String {
        self.run(clock, args)
            .unwrap_or_else(|err| panic!("{args:?}: {err}"))
    }
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

/// Treated on 2027-03-14 at 09:00 in Paris; the clock reads 04:48 the next morning.
fn day_one_in_paris() -> (Setup, FixedClock) {
    let setup = Setup::new();
    let clock = FixedClock::at("2027-03-15T04:48:00[Europe/Paris]");
    setup.ok(&clock, &["treatment", "add", "--at", "2027-03-14 09:00"]);
    setup.ok(&clock, &["tick", "water", "--count", "3"]);
    setup.ok(&clock, &["tick", "dermatologist"]);
    (setup, clock)
}

#[test]
fn short_status_is_one_prompt_line_with_the_next_restriction() {
    let (setup, clock) = day_one_in_paris();
    assert_eq!(
        setup.ok(&clock, &["status", "--short"]),
        "day 1 · 1/7 care · makeup 4h12m\n"
    );
    clock.set("2027-03-18T10:00:00[Europe/Paris]");
    // Makeup, sweat, sun and swim-sauna are lifted; actives lifts next.
    assert_eq!(
        setup.ok(&clock, &["status", "--short"]),
        "day 4 · 0/9 care · actives 23h00m\n"
    );
    clock.set("2027-04-20T10:00:00[Europe/Paris]");
    assert_eq!(setup.ok(&clock, &["status", "--short"]), "day 37\n");
}

#[test]
fn text_status_shows_ids_progress_and_time_left() {
    let (setup, clock) = day_one_in_paris();
    let expected = "\
Day 1 after treatment · 2027-03-15
Treatment: 2027-03-14 09:00 · microneedling at a clinic · plan: built-in default plan

Today's care: 1 of 7 items done (20% of all care)
  [x] dermatologist   Follow your dermatologist's advice            1/1
  [ ] water           Glasses of water                              3/8
  [ ] clinic-product  If your clinic gave you a product: only that  0/1 (as needed)
  [ ] no-harsh        No harsh soaps or alcohol                     0/1
  [ ] cover-up        Hat and long sleeves outdoors                 0/1
  [ ] ice             Ice pack in a soft cloth                      0/3 (as needed)
  [ ] no-touch        Hands off: no touching or picking             0/1
  [ ] pillowcase      Clean pillowcase                              0/1
  [ ] patience        Be patient: don't over-analyse                0/1
Later today, once a restriction lifts: moisturiser from 09:00, sunscreen from 09:00, cleanser from 09:00

Restrictions (at least this long; ask your clinic if unsure):
  makeup      Makeup and skincare products                  4 h 12 m left (until 2027-03-15 09:00)
  sweat       Sweat: exercise, hot showers                  4 h 12 m left (until 2027-03-15 09:00)
  sun         Direct sun                                    2 d 4 h left (until 2027-03-17 09:00)
  swim-sauna  Pools, sauna, steam, hot tubs                 2 d 4 h left (until 2027-03-17 09:00)
  actives     Retinoids, acids, vitamin C                   4 d 4 h left (until 2027-03-19 09:00)
  peels       Peels (at-home too), laser, harsh treatments  13 d 4 h left (until 2027-03-28 10:00)
";
    // 336 real hours: Paris moves its clocks forward on 2027-03-28, so it ends at 10:00.
    assert_eq!(setup.ok(&clock, &["status"]), expected);
}

#[test]
fn json_status_has_the_documented_fields() {
    let (setup, clock) = day_one_in_paris();
    let status = json(&setup.ok(&clock, &["status", "--json"]));
    assert_eq!(status["date"], "2027-03-15");
    assert_eq!(status["day"], 1);
    assert_eq!(status["treatment_at"], "2027-03-14T09:00:00+01:00");
    assert_eq!(
        status["items"][1],
        serde_json::json!({"id": "water", "label": "Glasses of water", "done": 3, "target": 8, "complete": false, "as_needed": false})
    );
    assert_eq!(
        status["restrictions"][0],
        serde_json::json!({
            "id": "makeup",
            "label": "Makeup and skincare products",
            "ends_at": "2027-03-15T09:00:00+01:00",
            "lifted": false,
            "seconds_left": 4 * 3600 + 12 * 60,
        })
    );
    let adherence = status["adherence"].as_f64().unwrap();
    // (1 + 3/8) / 7 items: moisturiser, sunscreen and cleanser wait for the products
    // restriction; the ice pack and the clinic's product are as needed.
    assert!((adherence - 1.375 / 7.0).abs() < 1e-9, "{adherence}");
    assert_eq!(status["alerts"], serde_json::json!([]));
    assert_eq!(
        status["later"],
        serde_json::json!([
            {"id": "moisturiser", "label": "Hydrating moisturiser", "starts_at": "2027-03-15T09:00:00+01:00"},
            {"id": "sunscreen", "label": "Sunscreen SPF 30+, broad-spectrum", "starts_at": "2027-03-15T09:00:00+01:00"},
            {"id": "cleanser", "label": "Gentle cleanser (sensitive skin)", "starts_at": "2027-03-15T09:00:00+01:00"},
        ])
    );
}

#[test]
fn restrictions_count_real_hours_across_a_dst_change() {
    let setup = Setup::new();
    // New York springs forward on 2027-03-14: from 10:00 on the 13th to 10:00 on the 14th
    // is 23 hours, so a 24 h restriction still has one hour to go.
    let clock = FixedClock::at("2027-03-14T10:00:00[America/New_York]");
    setup.ok(&clock, &["treatment", "add", "--at", "2027-03-13 10:00"]);
    let status = json(&setup.ok(&clock, &["status", "--json"]));
    assert_eq!(status["day"], 1);
    assert_eq!(status["treatment_at"], "2027-03-13T10:00:00-05:00");
    assert_eq!(status["restrictions"][0]["seconds_left"], 3600);
    assert_eq!(
        status["restrictions"][0]["ends_at"],
        "2027-03-14T11:00:00-04:00"
    );
}

#[test]
fn a_clock_set_back_shows_the_full_window_never_more() {
    let setup = Setup::new();
    let clock = FixedClock::at("2027-03-14T09:30:00[Europe/Paris]");
    setup.ok(&clock, &["treatment", "add", "--at", "2027-03-14 09:00"]);
    clock.set("2027-03-14T08:00:00[Europe/Paris]");
    let status = json(&setup.ok(&clock, &["status", "--json"]));
    assert_eq!(status["day"], 0);
    for restriction in status["restrictions"].as_array().unwrap() {
        assert_eq!(restriction["lifted"], false);
        let left = restriction["seconds_left"].as_i64().unwrap();
        let ends_at: jiff::Timestamp = restriction["ends_at"].as_str().unwrap().parse().unwrap();
        let treated: jiff::Timestamp = "2027-03-14T08:00:00Z".parse().unwrap();
        assert_eq!(left, ends_at.duration_since(treated).as_secs());
    }
}

#[test]
fn refusals_are_usage_errors_and_file_problems_are_failures() {
    let (setup, clock) = day_one_in_paris();
    let err = setup.run(&clock, &["tick", "coffee"]).unwrap_err();
    assert_eq!(err.exit_code(), 2);
    assert!(matches!(&err, CliError::Usage { command, .. } if command == &["tick"]));
    let err = setup
        .run(&clock, &["treatment", "add", "--at", "2027-03-15 05:00"])
        .unwrap_err();
    assert_eq!(err.exit_code(), 2);
    assert!(err.to_string().contains("in the future"), "{err}");

    std::fs::write(
        setup.paths.journal_dir.join("treatments.ron"),
        "(version: 1,",
    )
    .unwrap();
    let err = setup.run(&clock, &["status"]).unwrap_err();
    assert_eq!(err.exit_code(), 1);
    assert!(err.to_string().contains("treatments.ron:"), "{err}");
}

#[test]
fn markdown_export_escapes_labels_from_a_custom_plan_and_names_no_path() {
    let setup = Setup::new();
    std::fs::create_dir_all(setup.dir.path().join("config")).unwrap();
    let plan = BUILTIN_PLAN.replace("\"Glasses of water\"", "\"Water | glasses, still\"");
    std::fs::write(&setup.paths.plan_override, plan).unwrap();
    let clock = FixedClock::at("2027-03-14T20:00:00[Europe/Paris]");
    setup.ok(&clock, &["treatment", "add", "--at", "2027-03-14 09:00"]);
    setup.ok(&clock, &["tick", "ice", "-n", "3"]);
    let report = setup.ok(&clock, &["export"]);
    assert!(
        report.contains("generated 2027-03-14 20:00 · care plan: the patient's own care plan"),
        "{report}"
    );
    let dir = setup.dir.path().to_str().unwrap();
    assert!(!report.contains(dir), "no local path: {report}");
    assert!(!report.contains("(+01:00)"), "{report}");
    // The label stays whole on its own line; a `|` there is no table, so it is left as
    // typed (issue 29, item 19)...
    assert!(
        report.contains("\n- Water | glasses, still: 0 of 1 day with all 8\n"),
        "{report}"
    );
    // ...and in a table cell (the plan in force) it is escaped: three cells, not four.
    let change = report
        .lines()
        .find(|line| line.starts_with("| Water"))
        .unwrap();
    assert!(
        change.starts_with("| Water \\| glasses, still |"),
        "{change}"
    );
    assert_eq!(
        change.replace("\\|", "").matches('|').count(),
        4,
        "three cells: {change}"
    );
    let row = report
        .lines()
        .find(|line| line.starts_with("| 2027-03-14 | 0 |"))
        .unwrap();
    assert_eq!(row.matches(" | ").count(), 6, "seven cells: {row}");
}
