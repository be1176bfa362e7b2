//! The shell does what the app does (issue 16): untick, treatment delete/edit, note
//! --append and from stdin, --json on the reading commands, completions and the man page,
//! and the junk it must refuse. The real binary in a throwaway home.

mod cli_support;

use std::io::Write;
use std::process::Stdio;

use cli_support::{Sandbox, days_ago, snapshot};

fn treated(sandbox: &Sandbox) -> String {
    let at = format!("{} 09:30", days_ago(2));
    sandbox.ok(&["treatment", "add", "--at", &at, "--area", "face"]);
    at
}

#[test]
fn untick_takes_back_ticks_and_never_goes_below_zero() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    sandbox.ok(&["tick", "water", "--count", "3"]);
    let out = sandbox.ok(&["untick", "water", "--count", "2"]);
    assert!(out.contains("1 of 8"), "{out}");
    let out = sandbox.ok(&["untick", "water", "--count", "5"]);
    assert!(out.contains("0 of 8"), "{out}");
    let status = sandbox.ok(&["status", "--json"]);
    assert!(
        status.contains("\"done\":0") || status.contains("\"done\": 0"),
        "{status}"
    );
    let run = sandbox.run(&["untick", "nonsense"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[test]
fn treatment_edit_prints_what_changed_and_delete_asks_nothing() {
    let sandbox = Sandbox::new();
    let at = treated(&sandbox);
    let out = sandbox.ok(&["treatment", "edit", &at, "--area", "face and neck"]);
    assert!(out.contains("area \"face\" → \"face and neck\""), "{out}");
    let date = &at[..10];
    let later = format!("{date} 10:00");
    let out = sandbox.ok(&["treatment", "edit", date, "--at", &later]);
    assert!(
        out.contains("time") && out.contains("→") && out.contains("10:00"),
        "{out}"
    );
    let list = sandbox.ok(&["treatment", "list", "--json"]);
    let value: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(value[0]["area"], "face and neck");
    assert!(value[0]["at"].as_str().unwrap().contains("T10:00:00"));
    let run = sandbox.run(&["treatment", "delete", "7"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no treatment number 7"),
        "{}",
        run.stderr
    );
    let out = sandbox.ok(&["treatment", "delete", "1"]);
    assert!(out.contains("Deleted treatment"), "{out}");
    assert_eq!(sandbox.ok(&["treatment", "list", "--json"]).trim(), "[]");
}

#[test]
fn note_append_and_note_from_stdin() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    sandbox.ok(&["note", "Less red"]);
    sandbox.ok(&["note", "--append", "A bit tight"]);
    let mut child = sandbox
        .command_in("UTC", &["note", "--append", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Ice pack helped\n")
        .unwrap();
    assert!(child.wait().unwrap().success());
    let report = sandbox.ok(&["export"]);
    assert!(
        report.contains("Less red")
            && report.contains("A bit tight")
            && report.contains("Ice pack helped"),
        "{report}"
    );
    let mut child = sandbox
        .command_in("UTC", &["note", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Replaced\n")
        .unwrap();
    assert!(child.wait().unwrap().success());
    let report = sandbox.ok(&["export"]);
    assert!(
        report.contains("Replaced") && !report.contains("Less red"),
        "{report}"
    );
}

#[test]
fn reading_commands_speak_json() {
    let sandbox = Sandbox::new();
    let paths: serde_json::Value = serde_json::from_str(&sandbox.ok(&["paths", "--json"])).unwrap();
    assert_eq!(paths["plan"]["exists"], false);
    assert!(
        paths["journal"]["path"]
            .as_str()
            .unwrap()
            .ends_with("aftercare")
    );
    let plan: serde_json::Value = serde_json::from_str(&sandbox.ok(&["plan", "--json"])).unwrap();
    assert_eq!(plan["source"], serde_json::Value::Null);
    assert!(
        plan["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["id"] == "water" && i["target"] == 8)
    );
    assert!(
        plan["restrictions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "peels" && r["hours"] == 336)
    );
}

#[test]
fn plan_says_days_not_hours() {
    let sandbox = Sandbox::new();
    let out = sandbox.ok(&["plan"]);
    assert!(
        out.contains("(2 weeks)"),
        "hours are also said in days or weeks: {out}"
    );
}

#[test]
fn implausible_dates_and_duplicate_sessions_are_refused() {
    let sandbox = Sandbox::new();
    let at = treated(&sandbox);
    let before = snapshot(sandbox.home.path());
    let run = sandbox.run(&["tick", "water", "--date", "1900-01-01"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("before 2000-01-01"), "{}", run.stderr);
    let run = sandbox.run(&["treatment", "add", "--at", "1970-01-01 00:00"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("check the year"), "{}", run.stderr);
    let run = sandbox.run(&["treatment", "add", "--at", &at, "--area", "face"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(snapshot(sandbox.home.path()), before, "nothing written");
    sandbox.ok(&["treatment", "add", "--at", &at, "--force"]);
    let list: serde_json::Value =
        serde_json::from_str(&sandbox.ok(&["treatment", "list", "--json"])).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2);
}

#[test]
fn completions_offer_the_item_ids_of_the_plan_in_force() {
    let sandbox = Sandbox::new();
    for shell in ["bash", "zsh", "fish"] {
        let script = sandbox.ok(&["completions", shell]);
        assert!(script.contains("untick"), "{shell}");
        assert!(
            script.contains("sunscreen") && script.contains("water"),
            "{shell}"
        );
    }
    // Bash reads the script without a syntax error.
    let script = sandbox.ok(&["completions", "bash"]);
    let check = std::process::Command::new("bash")
        .args(["-n", "-c", &script])
        .status()
        .expect("bash runs");
    assert!(check.success());
}

#[test]
fn the_man_page_lists_the_commands() {
    let sandbox = Sandbox::new();
    let page = sandbox.ok(&["man"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH aftercare"),
        "{}",
        &page[..200.min(page.len())]
    );
    for command in ["untick", "treatment", "completions", "export"] {
        assert!(page.contains(command), "{command}");
    }
}

#[test]
fn a_dumb_terminal_gets_the_plain_mode_not_a_full_screen() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    let mut command = sandbox.command_in("UTC", &[]);
    command.env("TERM", "dumb").stdin(Stdio::null());
    let run = cli_support::run_command(command);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("plain mode"), "{}", run.stdout);
    assert!(
        run.stdout.contains("Glasses of water: 0 of 8"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_new_commands_can_be_undone_from_the_shell() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    sandbox.ok(&["tick", "water", "--count", "2"]);
    sandbox.ok(&["untick", "water"]);
    sandbox.ok(&["undo"]);
    let status = sandbox.ok(&["status"]);
    assert!(status.contains("2/8"), "the untick is undone: {status}");
    sandbox.ok(&["treatment", "edit", "1", "--area", "neck"]);
    sandbox.ok(&["undo"]);
    assert!(sandbox.ok(&["treatment", "list"]).contains("face"));
    sandbox.ok(&["treatment", "delete", "1"]);
    sandbox.ok(&["undo"]);
    assert!(sandbox.ok(&["treatment", "list"]).contains("face"));
}

/// A session is named in the clock the patient reads: "9:30 PM" finds the one at 21:30,
/// as the treatment form and `--at` read it.
#[test]
fn a_treatment_is_found_by_a_twelve_hour_time() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["treatment", "add", "--at", "2026-01-10 9:30 PM"]);
    let list = sandbox.ok(&["treatment", "list", "--json"]);
    assert!(list.contains("T21:30:00"), "{list}");
    let out = sandbox.ok(&["treatment", "delete", "2026-01-10 9:30 pm"]);
    assert!(out.contains("Deleted treatment"), "{out}");
}
