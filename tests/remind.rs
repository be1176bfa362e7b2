//! `aftercare remind` with a fixed clock, through the library as `tests/cli_clock.rs` does:
//! exactly-once delivery over repeated runs, a simulated sleep, quiet hours, --dry-run,
//! --json, the evening reminder, a stored timer, and a machine without notifications.

use std::os::unix::fs::PermissionsExt as _;
use std::time::Duration;

use aftercare::cli::remind::{self, Output};
use aftercare::cli::{self, Cli, CliError, Command};
use aftercare::domain::time::FixedClock;
use aftercare::domain::timer::RunningTimer;
use aftercare::journal::paths::{Paths, ReminderPaths};
use aftercare::journal::timer_file;
use aftercare::notify::Recorder;
use clap::Parser;
use tempfile::TempDir;

struct Setup {
    _dir: TempDir,
    paths: Paths,
    places: ReminderPaths,
    notes: Recorder,
}

impl Setup {
    fn new() -> Setup {
        let dir = TempDir::new().unwrap();
        let paths = Paths {
            journal_dir: dir.path().join("journal"),
            plan_override: dir.path().join("config/care-plan.ron"),
            undo_log: dir.path().join("state/undo.ron"),
        };
        let places = ReminderPaths {
            settings: dir.path().join("config/reminders.ron"),
            state_dir: dir.path().join("state/aftercare"),
            systemd_dir: dir.path().join("config/systemd/user"),
            launch_agents_dir: dir.path().join("Library/LaunchAgents"),
        };
        Setup {
            _dir: dir,
            paths,
            places,
            notes: Recorder::default(),
        }
    }

    /// A journal command (treatment, tick) through `cli::run`.
    fn cli(&self, clock: &FixedClock, args: &[&str]) {
        let cli =
            Cli::try_parse_from(std::iter::once("aftercare").chain(args.iter().copied())).unwrap();
        cli::run(cli.command.unwrap(), &self.paths, clock, &mut Vec::new())
            .unwrap_or_else(|err| panic!("{args:?}: {err}"));
    }

    fn remind(&mut self, clock: &FixedClock, args: &[&str]) -> Result<Output, CliError> {
        let cli = Cli::try_parse_from(
            ["aftercare", "remind"]
                .into_iter()
                .chain(args.iter().copied()),
        )
        .expect("valid arguments");
        let Some(Command::Remind(args)) = cli.command else {
            unreachable!()
        };
        remind::run(&args, &self.paths, &self.places, clock, &mut self.notes)
    }

    fn lines(&mut self, clock: &FixedClock, args: &[&str]) -> String {
        let output = self
            .remind(clock, args)
            .unwrap_or_else(|err| panic!("{args:?}: {err}"));
        output.stdout
    }

    fn summaries(&self) -> Vec<&str> {
        self.notes.shown.iter().map(|(s, _)| s.as_str()).collect()
    }
}

/// Treated in Paris on 2027-03-14 at 09:00; evening reminders off unless a test wants one.
fn treated() -> (Setup, FixedClock) {
    let mut setup = Setup::new();
    let clock = FixedClock::at("2027-03-14T09:30:00[Europe/Paris]");
    setup.cli(&clock, &["treatment", "add", "--at", "2027-03-14 09:00"]);
    setup.lines(&clock, &["--set", "evening=off"]);
    (setup, clock)
}

#[test]
fn each_reminder_is_delivered_exactly_once_however_often_it_runs() {
    let (mut setup, clock) = treated();
    clock.set("2027-03-15T08:55:00[Europe/Paris]");
    assert_eq!(setup.lines(&clock, &[]), "", "nothing due before 24 h");
    clock.set("2027-03-15T09:00:00[Europe/Paris]");
    assert_eq!(
        setup.lines(&clock, &[]),
        "Makeup and skincare products: 24 h since your session — minimum time passed\n\
         Sweat: exercise, hot showers: 24 h since your session — minimum time passed\n"
    );
    assert_eq!(
        setup.summaries(),
        [
            "Makeup and skincare products",
            "Sweat: exercise, hot showers"
        ]
    );
    // Every minute for an hour: nothing repeats.
    for _ in 0..60 {
        clock.advance(Duration::from_secs(60));
        assert_eq!(setup.lines(&clock, &[]), "");
    }
    assert_eq!(setup.notes.shown.len(), 2);
    // The state is private.
    let state = setup.places.delivered();
    let mode = std::fs::metadata(&state).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{}", state.display());
    let dir_mode = std::fs::metadata(&setup.places.state_dir)
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(dir_mode & 0o777, 0o700);
}

#[test]
fn after_a_sleep_the_missed_reminders_come_once_in_one_summary() {
    let (mut setup, clock) = treated();
    setup.lines(&clock, &["--set", "quiet=off"]);
    // Asleep from 08:00 on day 1 to 10:00 on day 3: makeup, sweat (24 h) and sun (72 h)
    // all passed meanwhile — sun only just, an hour ago.
    clock.set("2027-03-15T08:00:00[Europe/Paris]");
    assert_eq!(setup.lines(&clock, &[]), "");
    clock.set("2027-03-17T10:00:00[Europe/Paris]");
    let out = setup.lines(&clock, &[]);
    // Makeup and sweat expired (more than a day old); sun and pools/saunas (both 72 h)
    // are missed, by an hour.
    assert_eq!(
        out,
        "Direct sun: 3 days since your session — minimum time passed (missed, due 09:00)\n\
         Pools, sauna, steam, hot tubs: 3 days since your session — minimum time passed (missed, due 09:00)\n"
    );
    // A shorter nap: the three fresh ones of one morning come together.
    let (mut setup, clock) = treated();
    setup.lines(&clock, &["--set", "quiet=off"]);
    clock.set("2027-03-15T10:30:00[Europe/Paris]");
    let out = setup.lines(&clock, &[]);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        out.lines().all(|l| l.ends_with("(missed, due 09:00)")),
        "{out}"
    );
    assert_eq!(setup.summaries(), ["While you were away: 2 reminders"]);
    let body = &setup.notes.shown[0].1;
    assert!(
        body.contains("Makeup and skincare products") && body.contains("Sweat"),
        "{body}"
    );
    clock.advance(Duration::from_secs(300));
    assert_eq!(setup.lines(&clock, &[]), "");
    assert_eq!(setup.notes.shown.len(), 1);
}

#[test]
fn quiet_hours_hold_reminders_until_they_end() {
    let mut setup = Setup::new();
    let clock = FixedClock::at("2027-03-14T02:00:00[Europe/Paris]");
    setup.cli(&clock, &["treatment", "add", "--at", "2027-03-14 01:00"]);
    setup.lines(&clock, &["--set", "evening=off"]);
    // Due at 01:00 on the 15th, inside the default quiet hours (22:00–08:00).
    clock.set("2027-03-15T01:05:00[Europe/Paris]");
    assert_eq!(setup.lines(&clock, &[]), "");
    assert_eq!(
        setup.lines(&clock, &["--dry-run"]),
        "Quiet hours (22:00-08:00): 2 reminder(s) wait until they end.\n"
    );
    clock.set("2027-03-15T07:59:00[Europe/Paris]");
    assert_eq!(setup.lines(&clock, &[]), "");
    assert!(setup.notes.shown.is_empty());
    clock.set("2027-03-15T08:00:00[Europe/Paris]");
    let out = setup.lines(&clock, &[]);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.contains("(missed, due 01:00)"), "{out}");
    assert_eq!(setup.summaries(), ["While you were away: 2 reminders"]);
}

#[test]
fn dry_run_shows_without_notifying_or_recording() {
    let (mut setup, clock) = treated();
    clock.set("2027-03-15T09:01:00[Europe/Paris]");
    let dry = setup.lines(&clock, &["--dry-run"]);
    assert_eq!(dry.lines().count(), 2, "{dry}");
    assert!(setup.notes.shown.is_empty());
    assert!(!setup.places.delivered().exists());
    assert_eq!(setup.lines(&clock, &["--dry-run"]), dry, "still due");
    assert_eq!(setup.lines(&clock, &[]), dry, "delivered for real");
    assert_eq!(setup.lines(&clock, &["--dry-run"]), "Nothing due now.\n");
}

#[test]
fn json_lists_the_reminders_for_scripts() {
    let (mut setup, clock) = treated();
    clock.set("2027-03-15T09:01:00[Europe/Paris]");
    let doc: serde_json::Value = serde_json::from_str(&setup.lines(&clock, &["--json"])).unwrap();
    assert_eq!(doc["now"], "2027-03-15T09:01:00+01:00");
    assert_eq!(doc["dry_run"], false);
    assert_eq!(doc["quiet_hours"], false);
    assert_eq!(doc["notification_error"], serde_json::Value::Null);
    let first = &doc["reminders"][0];
    assert_eq!(first["key"], "restriction:makeup:2027-03-14T09:00:00+01:00");
    assert_eq!(first["kind"], "restriction");
    assert_eq!(first["due_at"], "2027-03-15T09:00:00+01:00");
    assert_eq!(first["missed"], false);
    assert_eq!(doc["reminders"].as_array().unwrap().len(), 2);
    // --json delivers too: a second run has nothing.
    let again: serde_json::Value = serde_json::from_str(&setup.lines(&clock, &["--json"])).unwrap();
    assert_eq!(again["reminders"], serde_json::json!([]));
}

#[test]
fn evening_reminder_lists_open_care_once_and_not_after_the_day() {
    let (mut setup, clock) = treated();
    setup.lines(
        &clock,
        &["--set", "evening=19:30", "--set", "restrictions=off"],
    );
    clock.set("2027-03-15T19:29:00[Europe/Paris]");
    setup.cli(&clock, &["tick", "water", "--count", "8"]);
    assert_eq!(setup.lines(&clock, &[]), "");
    clock.set("2027-03-15T19:30:00[Europe/Paris]");
    let out = setup.lines(&clock, &[]);
    assert!(
        out.starts_with(
            // The ice pack is as needed: never "still open".
            "Today's care is still open: 9 of 10 left — Follow your dermatologist's advice, "
        ),
        "{out}"
    );
    assert!(!out.contains("Glasses of water"), "{out}");
    clock.set("2027-03-15T21:00:00[Europe/Paris]");
    assert_eq!(setup.lines(&clock, &[]), "");
    // Day 2: everything done before the evening, so nothing to say.
    clock.set("2027-03-16T12:00:00[Europe/Paris]");
    for item in [
        "dermatologist",
        "moisturiser",
        "no-harsh",
        "sunscreen",
        "cover-up",
        "cleanser",
        "no-touch",
        "pillowcase",
        "patience",
    ] {
        setup.cli(&clock, &["tick", item]);
    }
    setup.cli(&clock, &["tick", "water", "--count", "8"]);
    clock.set("2027-03-16T20:00:00[Europe/Paris]");
    assert_eq!(setup.lines(&clock, &[]), "");
}

#[test]
fn a_stored_timer_ending_is_told_once() {
    let (mut setup, clock) = treated();
    setup.lines(&clock, &["--set", "restrictions=off"]);
    let timer = RunningTimer {
        version: 1,
        item_id: "ice".into(),
        label: "Ice pack in a soft cloth".into(),
        started: "2027-03-14T10:00:00+01:00".parse().unwrap(),
        ends: "2027-03-14T10:12:00+01:00".parse().unwrap(),
    };
    timer_file::add(&setup.places.timer(), &timer).unwrap();
    clock.set("2027-03-14T10:11:00[Europe/Paris]");
    assert_eq!(setup.lines(&clock, &[]), "");
    clock.set("2027-03-14T10:12:30[Europe/Paris]");
    assert_eq!(
        setup.lines(&clock, &[]),
        "Ice pack in a soft cloth: 12 min session over — time to take it off\n"
    );
    assert_eq!(setup.summaries(), ["Ice pack in a soft cloth"]);
    clock.set("2027-03-14T10:20:00[Europe/Paris]");
    assert_eq!(setup.lines(&clock, &[]), "");
}

/// Issue 28 case 7: two windows' timers are two records, and each end is told once.
#[test]
fn two_windows_timers_are_each_told_once() {
    let (mut setup, clock) = treated();
    setup.lines(&clock, &["--set", "restrictions=off"]);
    for (started, ends) in [("10:00", "10:12"), ("10:05", "10:17")] {
        let timer = RunningTimer {
            version: 1,
            item_id: "ice".into(),
            label: "Ice pack in a soft cloth".into(),
            started: format!("2027-03-14T{started}:00+01:00").parse().unwrap(),
            ends: format!("2027-03-14T{ends}:00+01:00").parse().unwrap(),
        };
        timer_file::add(&setup.places.timer(), &timer).unwrap();
    }
    clock.set("2027-03-14T10:12:30[Europe/Paris]");
    let first = setup.lines(&clock, &[]);
    assert_eq!(first.lines().count(), 1, "{first}");
    clock.set("2027-03-14T10:17:30[Europe/Paris]");
    let second = setup.lines(&clock, &[]);
    assert_eq!(second.lines().count(), 1, "the second timer too: {second}");
    assert_eq!(setup.lines(&clock, &[]), "", "and each only once");
}

#[test]
fn next_session_window_opening_is_told() {
    let (mut setup, clock) = treated();
    clock.set("2027-04-11T09:05:00[Europe/Paris]");
    let out = setup.lines(&clock, &["--set", "restrictions=off"]);
    assert!(out.contains("restrictions = off"), "{out}");
    assert_eq!(
        setup.lines(&clock, &[]),
        "Next session: the window studies suggest is open until 2027-04-25 — your dermatologist decides whether and when\n"
    );
}

#[test]
fn without_notifications_the_lines_still_print_and_count_as_delivered() {
    let (mut setup, clock) = treated();
    setup.notes.fail_with = Some("no bus".into());
    clock.set("2027-03-15T09:01:00[Europe/Paris]");
    let output = setup.remind(&clock, &[]).unwrap();
    assert_eq!(output.stdout.lines().count(), 2);
    assert_eq!(
        output.warning.as_deref(),
        Some("no desktop notification (no bus); the reminders are printed here only")
    );
    let again = setup.remind(&clock, &[]).unwrap();
    assert_eq!(again, Output::default());
}

#[test]
fn settings_are_shown_set_and_refused_when_wrong() {
    let mut setup = Setup::new();
    let clock = FixedClock::at("2027-03-14T09:30:00[Europe/Paris]");
    let shown = setup.lines(&clock, &["--settings"]);
    assert!(shown.contains("not written yet: the defaults"), "{shown}");
    assert!(shown.contains("evening       20:00"), "{shown}");
    assert!(shown.contains("quiet         22:00-08:00"), "{shown}");
    assert_eq!(
        setup.lines(&clock, &["--set", "evening=19:30"]),
        format!(
            "evening = 19:30\nSaved in {}\n",
            setup.places.settings.display()
        )
    );
    assert!(
        setup
            .lines(&clock, &["--settings"])
            .contains("evening       19:30")
    );
    let mode = std::fs::metadata(&setup.places.settings)
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let before = std::fs::read(&setup.places.settings).unwrap();
    let err = setup
        .remind(&clock, &["--set", "timers=off", "--set", "evening=7pm"])
        .unwrap_err();
    assert_eq!(err.exit_code(), 2);
    assert!(
        err.to_string().contains("\"7pm\" is not a time like 19:30"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&setup.places.settings).unwrap(),
        before,
        "nothing written"
    );
    // An evening inside quiet hours can never come: the patient is told.
    let output = setup.remind(&clock, &["--set", "evening=23:00"]).unwrap();
    assert!(output.warning.unwrap().contains("never comes"));
}

#[test]
fn a_broken_settings_file_is_one_clear_line_and_left_alone() {
    let (mut setup, clock) = treated();
    std::fs::write(&setup.places.settings, "(version: 1, quiet: \"all night\")").unwrap();
    let err = setup.remind(&clock, &[]).unwrap_err().to_string();
    assert!(
        err.contains("reminders.ron") && err.contains("quiet"),
        "{err}"
    );
    assert!(!err.contains('\n'));
    assert_eq!(
        std::fs::read_to_string(&setup.places.settings).unwrap(),
        "(version: 1, quiet: \"all night\")"
    );
}

/// A warning sign logged from the shell reaches the patient once that day as "call your
/// clinic", never again that day however often `remind` runs.
#[test]
fn an_urgent_alert_is_delivered_once_a_day() {
    let (mut setup, clock) = treated();
    clock.set("2027-03-14T12:00:00[Europe/Paris]");
    setup.cli(
        &clock,
        &[
            "symptoms",
            "--redness",
            "1",
            "--swelling",
            "1",
            "--pain",
            "1",
            "--dryness",
            "0",
            "--sign",
            "fever",
        ],
    );
    let first = setup.lines(&clock, &[]);
    assert!(first.contains("Fever (noted today)"), "{first}");
    assert!(
        setup
            .summaries()
            .contains(&"Call your clinic or dermatologist today"),
        "{:?}",
        setup.notes.shown
    );
    clock.advance(Duration::from_secs(600));
    assert_eq!(setup.lines(&clock, &[]), "", "once that day");
    // Issue 24: it stands until resolved, so it is told again each day, day 4 too.
    clock.set("2027-03-18T09:00:00[Europe/Paris]");
    let later = setup.lines(&clock, &[]);
    assert!(later.contains("Fever (noted day 0)"), "{later}");
    setup.cli(&clock, &["alerts", "resolve", "--called"]);
    clock.set("2027-03-19T09:00:00[Europe/Paris]");
    assert!(
        !setup.lines(&clock, &[]).contains("Fever"),
        "resolved: no longer told"
    );
}

/// Issue 29 item 15: an alert logged at 19:00 is news at 19:00, not a reminder "missed,
/// due 00:00" (it stood from the start of the day only as a date).
#[test]
fn an_alert_logged_in_the_evening_is_not_called_missed() {
    let (mut setup, clock) = treated();
    clock.set("2027-03-14T19:00:00[Europe/Paris]");
    setup.cli(&clock, &["symptoms", "--redness", "1", "--sign", "fever"]);
    let lines = setup.lines(&clock, &[]);
    assert!(lines.contains("Fever (noted today)"), "{lines}");
    assert!(!lines.contains("missed"), "{lines}");
    assert!(!lines.contains("00:00"), "{lines}");
}
