//! The command line as a patient's script sees it: the real binary, run as a process in a
//! throwaway home, its output, its exit codes and the journal files it leaves.

mod cli_support;

use aftercare::journal::MonthFile;
use aftercare::journal::format::plan::BUILTIN_PLAN;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};

use cli_support::{Sandbox, snapshot};

fn now_utc() -> ZonedDateTime {
    Timestamp::now().to_zoned_datetime(TimeZone::UTC)
}

fn read_month(sandbox: &Sandbox, month: &str) -> MonthFile {
    let text = std::fs::read_to_string(sandbox.month_file(month)).expect("month file written");
    ron::from_str(&text).expect("month file parses")
}

fn this_month(today: Date) -> String {
    today.strftime("%Y-%m").to_string()
}

/// A treatment two days ago at noon (UTC), so restrictions are part lifted.
fn treated_two_days_ago(sandbox: &Sandbox) -> ZonedDateTime {
    let at = now_utc()
        .date()
        .checked_sub(jiff::Span::new().days(2))
        .unwrap()
        .at(12, 0, 0, 0)
        .to_zoned_datetime(TimeZone::UTC)
        .unwrap();
    let text = at.strftime("%Y-%m-%d %H:%M").to_string();
    sandbox.ok(&["treatment", "add", "--at", &text, "--area", "face"]);
    at
}

#[test]
fn help_lists_every_subcommand_and_each_has_help() {
    let sandbox = Sandbox::new();
    let help = sandbox.ok(&["--help"]);
    let commands = [
        "status",
        "tick",
        "note",
        "symptoms",
        "treatment",
        "export",
        "plan",
        "paths",
    ];
    for command in commands {
        assert!(
            help.contains(&format!("  {command} ")),
            "{command} missing:\n{help}"
        );
        let sub = sandbox.ok(&[command, "--help"]);
        assert!(
            sub.contains(&format!("Usage: aftercare {command}")),
            "{sub}"
        );
    }
    for command in ["add", "list"] {
        let sub = sandbox.ok(&["treatment", command, "--help"]);
        assert!(
            sub.contains(&format!("Usage: aftercare treatment {command}")),
            "{sub}"
        );
    }
}

#[test]
fn version_is_the_crate_version() {
    let out = Sandbox::new().ok(&["--version"]);
    assert_eq!(
        out.trim(),
        format!("aftercare {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_arguments_exit_2_with_usage_and_write_nothing() {
    let sandbox = Sandbox::new();
    let cases: &[&[&str]] = &[
        &["frobnicate"],
        &["tick"],
        &["tick", "water", "--count", "0"],
        &["tick", "water", "--date", "14/03/2027"],
        &[
            "symptoms",
            "--redness",
            "5",
            "--swelling",
            "0",
            "--pain",
            "0",
            "--dryness",
            "0",
        ],
        &[
            "symptoms",
            "--redness",
            "-1",
            "--swelling",
            "0",
            "--pain",
            "0",
            "--dryness",
            "0",
        ],
        &["symptoms"],
        &["export", "--format", "pdf"],
        &["export", "--since", "someday"],
        &["status", "--json", "--short"],
        &["note"],
    ];
    for args in cases {
        let run = sandbox.run(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.starts_with("error: "),
            "{args:?}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("--help"), "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}");
    }
    assert!(snapshot(sandbox.home.path()).is_empty(), "nothing written");
}

#[test]
fn paths_names_the_sandboxed_files_and_whether_they_exist() {
    let sandbox = Sandbox::new();
    let journal_line =
        |state: &str| format!("journal: {} ({state})", sandbox.journal_dir().display());
    let out = sandbox.ok(&["paths"]);
    assert!(out.contains(&journal_line("not created yet")), "{out}");
    let plan_line = format!("plan:    {} (absent", sandbox.plan_path().display());
    assert!(out.contains(&plan_line), "{out}");
    sandbox.ok(&["note", "first"]);
    let out = sandbox.ok(&["paths"]);
    assert!(out.contains(&journal_line("exists")), "{out}");
}

#[test]
fn journal_flag_and_environment_move_the_journal() {
    let sandbox = Sandbox::new();
    let flag_dir = sandbox.home.path().join("by-flag");
    let env_dir = sandbox.home.path().join("by-env");
    sandbox.ok(&["--journal", flag_dir.to_str().unwrap(), "note", "flag"]);
    let mut command = sandbox.command_in("UTC", &["note", "env"]);
    command.env("AFTERCARE_JOURNAL", &env_dir);
    assert_eq!(cli_support::run_command(command).code, 0);
    let month = this_month(now_utc().date());
    assert!(flag_dir.join(format!("days/{month}.ron")).exists());
    assert!(env_dir.join(format!("days/{month}.ron")).exists());
    assert!(!sandbox.journal_dir().exists());
}

#[test]
fn status_before_any_treatment_says_so_in_every_form() {
    let sandbox = Sandbox::new();
    assert!(
        sandbox
            .ok(&["status"])
            .contains("No treatment recorded yet")
    );
    assert_eq!(sandbox.ok(&["status", "--short"]), "no treatment yet\n");
    let json: serde_json::Value = serde_json::from_str(&sandbox.ok(&["status", "--json"])).unwrap();
    assert!(json["day"].is_null());
    assert_eq!(json["items"], serde_json::json!([]));
    assert_eq!(json["restrictions"], serde_json::json!([]));
    assert_eq!(json["date"], now_utc().date().to_string());
}

#[test]
fn status_json_follows_the_treatment_and_the_ticks() {
    let sandbox = Sandbox::new();
    let treated = treated_two_days_ago(&sandbox);
    assert_eq!(sandbox.ok(&["tick", "water", "--count", "3"]), {
        let today = now_utc().date();
        format!("Glasses of water: 3 of 8 on {today}\n")
    });
    let before = now_utc();
    let json: serde_json::Value = serde_json::from_str(&sandbox.ok(&["status", "--json"])).unwrap();
    let after = now_utc();

    assert_eq!(json["day"], 2);
    assert_eq!(json["date"], before.date().to_string());
    assert_eq!(
        json["treatment_at"],
        treated.strftime("%Y-%m-%dT%H:%M:%S+00:00").to_string()
    );
    let water = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["id"] == "water")
        .expect("water applies on day 2");
    assert_eq!(water["done"], 3);
    assert_eq!(water["target"], 8);
    assert_eq!(water["complete"], false);
    assert_eq!(water["label"], "Glasses of water");

    let restrictions = json["restrictions"].as_array().unwrap();
    assert_eq!(restrictions.len(), 6);
    for restriction in restrictions {
        let ends_at: Timestamp = restriction["ends_at"].as_str().unwrap().parse().unwrap();
        let left = restriction["seconds_left"].as_i64().unwrap();
        if restriction["id"] == "makeup" {
            assert_eq!(restriction["lifted"], true);
            assert_eq!(left, 0);
            assert_eq!(
                ends_at,
                treated.timestamp() + jiff::SignedDuration::from_hours(24)
            );
        }
        if restriction["id"] == "peels" {
            assert_eq!(restriction["lifted"], false);
            let most = ends_at.duration_since(before.timestamp()).as_secs();
            let least = ends_at.duration_since(after.timestamp()).as_secs() - 1;
            assert!(
                (least..=most).contains(&left),
                "{least} <= {left} <= {most}"
            );
        }
    }
}

#[test]
fn status_text_and_short_line_show_the_day_and_restrictions() {
    let sandbox = Sandbox::new();
    treated_two_days_ago(&sandbox);
    sandbox.ok(&["tick", "sunscreen"]);
    let text = sandbox.ok(&["status"]);
    assert!(text.starts_with("Day 2 after treatment · "), "{text}");
    assert!(text.contains("[x] sunscreen"), "{text}");
    assert!(text.contains("[ ] water"), "{text}");
    assert!(
        text.lines()
            .any(|line| line.contains("Makeup and skincare products")
                && line.contains("minimum time passed")),
        "{text}"
    );
    assert!(text.contains(" left (until "), "{text}");
    let short = sandbox.ok(&["status", "--short"]);
    // The ice pack is as needed: not one of the items counted.
    assert!(short.starts_with("day 2 · 1/10 care · sun "), "{short}");
    assert_eq!(short.lines().count(), 1);
}

#[test]
fn tick_adds_counts_case_insensitively_and_backfills() {
    let sandbox = Sandbox::new();
    let today = now_utc().date();
    let yesterday = today.yesterday().unwrap();
    sandbox.ok(&["tick", "WATER", "-n", "2"]);
    sandbox.ok(&["tick", "water"]);
    let out = sandbox.ok(&["tick", "sunscreen", "--date", &yesterday.to_string()]);
    assert_eq!(
        out,
        format!("Sunscreen SPF 30+, broad-spectrum: done on {yesterday}\n")
    );
    // A once-a-day item stays done once, however often it is ticked.
    sandbox.ok(&["tick", "sunscreen", "--date", &yesterday.to_string()]);

    let month = read_month(&sandbox, &this_month(today));
    assert_eq!(month.days[&today].count("water"), 3);
    let back = read_month(&sandbox, &this_month(yesterday));
    assert_eq!(back.days[&yesterday].count("sunscreen"), 1);
}

#[test]
fn unknown_item_and_future_day_are_refused_with_exit_2_and_nothing_written() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["note", "existing"]);
    let before = snapshot(sandbox.home.path());

    let run = sandbox.run(&["tick", "coffee"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no item \"coffee\""), "{}", run.stderr);
    assert!(
        run.stderr.contains("water, moisturiser"),
        "valid ids listed: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Usage: aftercare tick"),
        "{}",
        run.stderr
    );

    let tomorrow = now_utc().date().tomorrow().unwrap().to_string();
    for args in [
        vec!["tick", "water", "--date", &tomorrow],
        vec!["note", "--date", &tomorrow, "later"],
        vec![
            "symptoms",
            "--date",
            &tomorrow,
            "--redness",
            "1",
            "--swelling",
            "1",
            "--pain",
            "1",
            "--dryness",
            "1",
        ],
    ] {
        let run = sandbox.run(&args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains("is in the future"), "{}", run.stderr);
    }
    assert_eq!(snapshot(sandbox.home.path()), before);
}

#[test]
fn note_and_symptoms_are_saved_on_the_day() {
    let sandbox = Sandbox::new();
    let today = now_utc().date();
    let out = sandbox.ok(&["note", "skin", "feels", "tight"]);
    assert_eq!(out, format!("Note for {today} saved\n"));
    let out = sandbox.ok(&[
        "symptoms",
        "--redness",
        "3",
        "--swelling",
        "2",
        "--pain",
        "0",
        "--dryness",
        "4",
    ]);
    assert_eq!(
        out,
        format!(
            "Symptoms for {today}: redness marked, swelling moderate, pain none, dryness severe\n\
             Dryness is severe: call your clinic or dermatologist today.\n"
        )
    );
    let entry = &read_month(&sandbox, &this_month(today)).days[&today];
    assert_eq!(entry.note(), "skin feels tight");
    let symptoms = entry.symptoms.expect("scored");
    assert_eq!(
        [
            symptoms.redness.0,
            symptoms.swelling.0,
            symptoms.pain.0,
            symptoms.dryness.0
        ],
        [3, 2, 0, 4]
    );
    // A new note replaces the day's note.
    sandbox.ok(&["note", "better"]);
    assert_eq!(
        read_month(&sandbox, &this_month(today)).days[&today].note(),
        "better"
    );
}

#[test]
fn a_corrupt_month_file_fails_with_exit_1_names_it_and_stays_untouched() {
    let sandbox = Sandbox::new();
    let month = this_month(now_utc().date());
    sandbox.ok(&["note", "real"]);
    let path = sandbox.month_file(&month);
    let corrupt = b"(\n  version: 1,\n  month: \"oops\n".to_vec();
    std::fs::write(&path, &corrupt).unwrap();
    let before = snapshot(sandbox.home.path());
    for args in [
        vec!["tick", "water"],
        vec!["note", "again"],
        vec!["status"],
        vec!["export"],
    ] {
        let run = sandbox.run(&args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        let prefix = format!("aftercare: {}:", path.display());
        assert!(run.stderr.starts_with(&prefix), "{args:?}: {}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "one line: {}", run.stderr);
        let position = run.stderr[prefix.len()..]
            .split(':')
            .take(2)
            .collect::<Vec<_>>();
        assert!(
            position.iter().all(|n| n.parse::<u32>().is_ok()),
            "line:col in {}",
            run.stderr
        );
    }
    assert_eq!(snapshot(sandbox.home.path()), before);
    assert_eq!(std::fs::read(&path).unwrap(), corrupt);
}

#[test]
fn a_broken_plan_fails_plan_commands_but_not_notes() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.plan_path().parent().unwrap()).unwrap();
    std::fs::write(sandbox.plan_path(), "(version: 1, items: [ oops").unwrap();
    for args in [vec!["status"], vec!["tick", "water"], vec!["plan"]] {
        let run = sandbox.run(&args);
        assert_eq!(run.code, 1, "{args:?}");
        assert!(
            run.stderr
                .starts_with(&format!("aftercare: {}:1:", sandbox.plan_path().display())),
            "{}",
            run.stderr
        );
    }
    sandbox.ok(&["note", "the plan is broken but my note is kept"]);
}

#[test]
fn plan_init_writes_an_empty_changes_file_once_and_plan_shows_its_source() {
    let sandbox = Sandbox::new();
    let out = sandbox.ok(&["plan"]);
    assert!(
        out.starts_with("Care plan in force: built-in default plan"),
        "{out}"
    );
    assert!(out.contains("  water "), "{out}");
    assert!(out.contains("  peels "), "{out}");

    let out = sandbox.ok(&["plan", "--init"]);
    assert!(
        out.contains(&sandbox.plan_path().display().to_string()),
        "{out}"
    );
    let written = std::fs::read_to_string(sandbox.plan_path()).unwrap();
    assert!(written.contains("version: 2"), "{written}");
    assert_eq!(
        sandbox.ok(&["plan", "diff"]),
        "No changes: you follow the built-in plan.\n"
    );

    // A whole copy of the plan (the first format) still works, as a replacement.
    let edited = BUILTIN_PLAN.replace("target: 8", "target: 10");
    std::fs::write(sandbox.plan_path(), &edited).unwrap();
    let run = sandbox.run(&["plan", "--init"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(sandbox.plan_path()).unwrap(),
        edited
    );

    let out = sandbox.ok(&["plan"]);
    assert!(
        out.contains(&format!(
            "your own full plan in {}",
            sandbox.plan_path().display()
        )),
        "{out}"
    );
    assert!(out.contains("10 a day"), "{out}");
    assert_eq!(sandbox.ok(&["tick", "water"]), {
        format!("Glasses of water: 1 of 10 on {}\n", now_utc().date())
    });
}

#[test]
fn treatments_are_added_listed_in_order_and_never_in_the_future() {
    let sandbox = Sandbox::new();
    assert!(
        sandbox
            .ok(&["treatment", "list"])
            .starts_with("No treatment recorded yet")
    );
    sandbox.ok(&[
        "treatment",
        "add",
        "--at",
        "2025-06-01 10:00",
        "--area",
        "neck",
    ]);
    let out = sandbox.ok(&[
        "treatment",
        "add",
        "--at",
        "2025-04-20 09:15",
        "--note",
        "0.5 mm",
    ]);
    assert_eq!(
        out,
        "Recorded treatment 2025-04-20 09:15 (+00:00) · face · 0.5 mm\n"
    );
    assert_eq!(
        sandbox.ok(&["treatment", "list"]),
        "1. 2025-04-20 09:15 (+00:00) · face · 0.5 mm\n2. 2025-06-01 10:00 (+00:00) · neck\n"
    );
    let before = snapshot(sandbox.home.path());
    let next_year = format!("{} 09:00", now_utc().date().year() + 1);
    for at in [
        format!("{next_year}-01-01"),
        "2025-02-30 09:00".into(),
        "soon".into(),
    ] {
        let run = sandbox.run(&["treatment", "add", "--at", &at]);
        assert_eq!(run.code, 2, "{at}: {}", run.stderr);
        assert!(
            run.stderr.contains("Usage: aftercare treatment add"),
            "{}",
            run.stderr
        );
    }
    assert_eq!(snapshot(sandbox.home.path()), before);
}

#[test]
fn treatment_time_is_read_in_the_local_zone() {
    let sandbox = Sandbox::new();
    let add = sandbox.command_in(
        "America/New_York",
        &["treatment", "add", "--at", "2025-07-01 21:30"],
    );
    assert_eq!(cli_support::run_command(add).code, 0);
    let text = std::fs::read_to_string(sandbox.journal_dir().join("treatments.ron")).unwrap();
    assert!(text.contains("2025-07-01T21:30:00-04:00"), "{text}");
}

/// A finished recovery in the past, so the export is the same whatever day it runs.
fn past_history(sandbox: &Sandbox) {
    sandbox.ok(&[
        "treatment",
        "add",
        "--at",
        "2025-03-10 09:00",
        "--area",
        "face",
    ]);
    sandbox.ok(&["tick", "water", "-n", "8", "--date", "2025-03-10"]);
    sandbox.ok(&["tick", "ice", "-n", "2", "--date", "2025-03-10"]);
    sandbox.ok(&["tick", "sunscreen", "--date", "2025-04-05"]);
    sandbox.ok(&[
        "symptoms",
        "--date",
        "2025-03-11",
        "--redness",
        "3",
        "--swelling",
        "2",
        "--pain",
        "1",
        "--dryness",
        "0",
    ]);
    sandbox.ok(&["note", "--date", "2025-03-11", "tight, \"dry\" skin"]);
    sandbox.ok(&["note", "--date", "2025-02-01", "before it all"]);
}

#[test]
fn csv_export_has_a_row_per_day_and_item_and_round_trips() {
    let sandbox = Sandbox::new();
    past_history(&sandbox);
    let text = sandbox.ok(&["export", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, aftercare::cli::export::csv::HEADER);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let find = |date: &str, item: &str| {
        rows.iter()
            .find(|r| &r[column("date")] == date && &r[column("item")] == item)
            .unwrap_or_else(|| panic!("no row {date} {item}"))
    };

    let water = find("2025-03-10", "water");
    assert_eq!(&water[column("day")], "0");
    assert_eq!(&water[column("count")], "8");
    assert_eq!(&water[column("target")], "8");
    assert_eq!(&water[column("kind")], "daily");
    assert_eq!(&water[column("complete")], "true");
    assert_eq!(&water[column("treatment_at")], "2025-03-10T09:00:00+00:00");
    // As-needed items and reminders have no daily target to fail.
    let ice = find("2025-03-10", "ice");
    assert_eq!(
        (&ice[column("kind")], &ice[column("complete")]),
        ("as-needed", "")
    );
    let touch = find("2025-03-10", "no-touch");
    assert_eq!(
        (&touch[column("kind")], &touch[column("complete")]),
        ("reminder", "")
    );
    assert_eq!(&find("2025-03-11", "water")[column("complete")], "false");

    // The day-level columns are not repeated here: they are in csv-days.
    assert!(!header.iter().any(|h| h == "note" || h == "redness"));
    assert!(!text.contains("before it all"));

    // The plan's last day is 30 (sunscreen), so the recovery runs 31 days.
    let days: std::collections::BTreeSet<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(days.len(), 31);
    assert_eq!(days.last(), Some(&"2025-04-09"));
    let day_27 = find("2025-04-06", "sunscreen");
    assert_eq!(&day_27[column("day")], "27");
    assert_eq!(&find("2025-04-05", "sunscreen")[column("complete")], "true");
}

#[test]
fn csv_days_export_has_one_row_per_day_with_scores_note_and_agreeing_counts() {
    let sandbox = Sandbox::new();
    past_history(&sandbox);
    let text = sandbox.ok(&["export", "--format", "csv-days"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, aftercare::cli::export::csv::DAYS_HEADER);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let dates: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    let unique: std::collections::BTreeSet<&str> = dates.iter().copied().collect();
    assert_eq!(dates.len(), unique.len(), "one row per day");
    assert_eq!(rows.len(), 1 + 31);
    let row = |date: &str| rows.iter().find(|r| &r[0] == date).unwrap();

    let day1 = row("2025-03-11");
    assert_eq!(&day1[column("note")], "tight, \"dry\" skin");
    assert_eq!(&day1[column("redness")], "3");
    assert_eq!(&day1[column("dryness")], "0");
    // Day 0: water done, of the daily items (dermatologist, water, pillowcase; the
    // moisturiser waits for the products restriction): the ice pack, the clinic's product
    // and the reminders are not counted.
    let day0 = row("2025-03-10");
    assert_eq!(
        (&day0[column("care_done")], &day0[column("care_planned")]),
        ("1", "3")
    );
    let before = row("2025-02-01");
    assert_eq!(&before[column("day")], "");
    assert_eq!(&before[column("care_planned")], "");
    assert_eq!(&before[column("note")], "before it all");
}

#[test]
fn csv_bom_marks_utf8_for_spreadsheets_and_only_csv_takes_it() {
    let sandbox = Sandbox::new();
    past_history(&sandbox);
    sandbox.ok(&[
        "note",
        "--date",
        "2025-03-12",
        "Crème brûlée skin 😊, but fine",
    ]);
    for format in ["csv", "csv-days"] {
        let plain = sandbox.ok(&["export", "--format", format]);
        let marked = sandbox.ok(&["export", "--format", format, "--bom"]);
        assert!(!plain.starts_with('\u{feff}'));
        assert_eq!(marked, format!("\u{feff}{plain}"));
    }
    let days = sandbox.ok(&["export", "--format", "csv-days", "--bom"]);
    assert!(
        days.contains("\"Crème brûlée skin 😊, but fine\""),
        "{days}"
    );
    for format in ["markdown", "html", "ics"] {
        let run = sandbox.run(&["export", "--format", format, "--bom"]);
        assert_eq!(run.code, 2, "{format}: {}", run.stderr);
        assert!(run.stderr.contains("--bom"), "{}", run.stderr);
    }
    assert_eq!(sandbox.run(&["export", "--reminders"]).code, 2);
}

#[test]
fn markdown_export_to_a_file_is_a_readable_report() {
    let sandbox = Sandbox::new();
    past_history(&sandbox);
    let output = sandbox.home.path().join("report.md");
    let out = sandbox.ok(&["export", "--output", output.to_str().unwrap()]);
    assert_eq!(out, format!("Wrote 32 day(s) to {}\n", output.display()));
    let report = std::fs::read_to_string(&output).unwrap();
    assert!(report.starts_with("# Recovery report\n"), "{report}");
    // Private, like the journal: readable by its owner only.
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(&output).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    assert!(
        report.contains("\n## Before the first treatment\n"),
        "{report}"
    );
    assert!(
        report.contains("\n## Treatment 1 of 1: 2025-03-10 09:00 · face\n"),
        "{report}"
    );
    assert!(!report.contains("+00:00"), "no UTC offsets: {report}");
    assert!(
        report
            .contains("| 2025-03-11 | 1 | 0% (0 of 6) | 3 marked | 2 moderate | 1 mild | 0 none |"),
        "{report}"
    );
    assert!(
        report.contains("- **2025-03-11** (day 1): tight, \"dry\" skin"),
        "{report}"
    );
    // Day 0: of the three daily items, water is done; the percentage is the count's.
    assert!(
        report.contains("| 2025-03-10 | 0 | 33% (1 of 3) |"),
        "{report}"
    );
    // Each item on its own line; reminders and the ice pack never read as failures.
    assert!(
        report.contains("\n- Sunscreen SPF 30+, broad-spectrum: 1 of 30 days\n"),
        "{report}"
    );
    assert!(
        report.contains(
            "\n- Hands off: no touching or picking: reminder for 8 days (not ticked; not scored)\n"
        ),
        "{report}"
    );
    assert!(
        report.contains(
            "\n- Ice pack in a soft cloth: as needed, on 3 days: used on 1 (2 sessions)\n"
        ),
        "{report}"
    );
    assert!(!report.contains("Not complete"), "{report}");
    assert!(!report.contains("0/1"), "{report}");
    // 28 to 42 days after the treatment of 2025-03-10.
    assert!(
        report.contains("## Next session\n\nSuggested between 2025-04-07 and 2025-04-21"),
        "{report}"
    );
}

#[test]
fn markdown_export_escapes_what_the_patient_typed_and_keeps_line_breaks() {
    let sandbox = Sandbox::new();
    past_history(&sandbox);
    sandbox.ok(&[
        "note",
        "--date",
        "2025-03-12",
        "<img src=x onerror=alert(1)>\nused *1.5 mm* & more",
    ]);
    let named = sandbox.ok(&["export", "--name", "Ann <b>"]);
    assert!(
        named.starts_with("# Recovery report: Ann \\<b>\n"),
        "{named}"
    );
    assert!(
        named.contains(
            "- **2025-03-12** (day 2): \\<img src=x onerror=alert(1)>  \n  used \\*1.5 mm\\* & more\n"
        ),
        "{named}"
    );
    // Every `<` of the patient's text that could open a tag is escaped, and nothing else
    // shows a backslash.
    assert!(!named.replace("\\<", "").contains('<'), "{named}");
    let unescaped = named.replace("\\<", "").replace("\\*", "");
    assert!(!unescaped.contains('\\'), "{named}");
}

#[test]
fn html_and_ics_exports_from_the_real_binary_are_private_files() {
    use std::os::unix::fs::PermissionsExt as _;
    let sandbox = Sandbox::new();
    past_history(&sandbox);
    for (format, name) in [("html", "report.html"), ("ics", "aftercare.ics")] {
        let output = sandbox.home.path().join(name);
        let out = sandbox.ok(&["export", "--format", format, "-o", output.to_str().unwrap()]);
        assert!(out.starts_with("Wrote 32 day(s) to "), "{out}");
        let text = std::fs::read_to_string(&output).unwrap();
        assert!(
            !text.contains(sandbox.home.path().to_str().unwrap()),
            "no local path"
        );
        let mode = std::fs::metadata(&output).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{format}: {mode:o}");
    }
    let html = std::fs::read_to_string(sandbox.home.path().join("report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("tight, &quot;dry&quot; skin"), "note escaped");
    let ics = std::fs::read_to_string(sandbox.home.path().join("aftercare.ics")).unwrap();
    assert!(ics.contains("UID:20250310-makeup@aftercare"), "{ics}");
}

#[test]
fn export_since_leaves_out_earlier_days_and_their_month_files() {
    let sandbox = Sandbox::new();
    past_history(&sandbox);
    // A broken file before --since is never read.
    std::fs::write(sandbox.month_file("2025-02"), "garbage").unwrap();
    assert_eq!(sandbox.run(&["export"]).code, 1);
    let text = sandbox.ok(&["export", "--format", "csv", "--since", "2025-04-01"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let dates: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert_eq!(dates.first().map(String::as_str), Some("2025-04-01"));
    assert!(dates.iter().all(|d| d.as_str() >= "2025-04-01"));
}

#[test]
fn export_of_an_empty_journal_says_nothing_is_logged() {
    let sandbox = Sandbox::new();
    assert!(sandbox.ok(&["export"]).contains("Nothing logged yet."));
    let csv = sandbox.ok(&["export", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 1, "header only: {csv}");
}

#[test]
fn export_ignores_stray_files_in_days_and_reports_an_unwritable_output() {
    let sandbox = Sandbox::new();
    past_history(&sandbox);
    let days = sandbox.journal_dir().join("days");
    std::fs::write(days.join("2025-3.ron"), "not a month file name").unwrap();
    std::fs::write(days.join(".2025-03.ron.tmp"), "left by a crash").unwrap();
    std::fs::write(days.join("README.txt"), "mine").unwrap();
    let expected = sandbox.ok(&["export", "--format", "csv"]);
    assert!(expected.contains("2025-03-11"));

    let output = sandbox.home.path().join("no-such-dir/report.csv");
    let run = sandbox.run(&[
        "export",
        "--format",
        "csv",
        "--output",
        output.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with(&format!("aftercare: {}", output.display())),
        "{}",
        run.stderr
    );
    assert!(!output.exists());
}
