//! Procedure variants (issue 24, part D) as a patient meets them from the shell: the real
//! binary in a throwaway home. A treatment records its procedure, the plan in force follows
//! the procedure of the treatment it counts from, and the patient's own changes still win.

mod cli_support;

use cli_support::Sandbox;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};

/// A session an hour and a half ago (whole hours left stay the same at any second), of `procedure`.
fn treated_an_hour_ago(sandbox: &Sandbox, procedure: &str) {
    let at: ZonedDateTime =
        (Timestamp::now() - jiff::SignedDuration::from_mins(90)).to_zoned_datetime(TimeZone::UTC);
    let text = at.strftime("%Y-%m-%d %H:%M").to_string();
    sandbox.ok(&["treatment", "add", "--at", &text, "--procedure", procedure]);
}

fn status(sandbox: &Sandbox) -> serde_json::Value {
    serde_json::from_str(&sandbox.ok(&["status", "--json"])).unwrap()
}

fn restriction_hours_left(status: &serde_json::Value, id: &str) -> Option<i64> {
    status["restrictions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .map(|r| r["seconds_left"].as_i64().unwrap() / 3600)
}

#[test]
fn a_treatment_records_its_procedure_and_status_says_it() {
    let sandbox = Sandbox::new();
    treated_an_hour_ago(&sandbox, "rf");
    let json = status(&sandbox);
    assert_eq!(json["procedure"], "rf");
    let list: serde_json::Value =
        serde_json::from_str(&sandbox.ok(&["treatment", "list", "--json"])).unwrap();
    assert_eq!(list[0]["procedure"], "rf");
    assert!(sandbox.ok(&["status"]).contains("RF microneedling"));
}

#[test]
fn the_default_is_standard_and_an_old_journal_reads_as_standard() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["treatment", "add"]);
    assert_eq!(status(&sandbox)["procedure"], "standard");
    // A standard session is written as before: a journal from before procedures is the same.
    let file = std::fs::read_to_string(sandbox.journal_dir().join("treatments.ron")).unwrap();
    assert!(!file.contains("procedure"), "{file}");
}

#[test]
fn a_wrong_procedure_is_one_clear_line_and_nothing_is_written() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["treatment", "add", "--procedure", "laser"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("no procedure \"laser\"; one of: standard, prp, rf, at-home, body"),
        "{}",
        run.stderr
    );
    assert!(!sandbox.journal_dir().join("treatments.ron").exists());
}

#[test]
fn restrictions_follow_the_procedure_and_an_edit_of_it() {
    let sandbox = Sandbox::new();
    treated_an_hour_ago(&sandbox, "standard");
    assert_eq!(
        restriction_hours_left(&status(&sandbox), "makeup"),
        Some(22)
    );
    assert_eq!(restriction_hours_left(&status(&sandbox), "no-wash"), None);

    let out = sandbox.ok(&["treatment", "edit", "1", "--procedure", "rf"]);
    assert!(out.contains("procedure standard → rf"), "{out}");
    // Morpheus8 manual §6.9: makeup only after 24-72 h; heat avoided 2 days.
    assert_eq!(
        restriction_hours_left(&status(&sandbox), "makeup"),
        Some(70)
    );
    assert_eq!(restriction_hours_left(&status(&sandbox), "sweat"), Some(46));

    sandbox.ok(&["treatment", "edit", "1", "--procedure", "prp"]);
    assert_eq!(
        restriction_hours_left(&status(&sandbox), "no-wash"),
        Some(22)
    );
    // While no washing holds, the cleanser is not asked for.
    let json = status(&sandbox);
    let ids: Vec<&str> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&"cleanser"), "{ids:?}");
}

#[test]
fn the_patients_own_change_wins_over_the_procedures() {
    let sandbox = Sandbox::new();
    treated_an_hour_ago(&sandbox, "rf");
    sandbox.ok(&["plan", "set", "makeup", "hours=48"]);
    assert_eq!(
        restriction_hours_left(&status(&sandbox), "makeup"),
        Some(46)
    );
    // Entries the patient did not change still follow the procedure.
    assert_eq!(restriction_hours_left(&status(&sandbox), "sweat"), Some(46));
}

#[test]
fn plan_shows_a_procedures_plan_with_its_sources() {
    let sandbox = Sandbox::new();
    let rf = sandbox.ok(&["plan", "--procedure", "rf"]);
    assert!(
        rf.contains("For: RF microneedling (Morpheus8 and similar) (procedure rf"),
        "{rf}"
    );
    assert!(rf.contains("72 h"), "{rf}");
    let json: serde_json::Value =
        serde_json::from_str(&sandbox.ok(&["plan", "--json", "--procedure", "prp"])).unwrap();
    assert_eq!(json["procedure"], "prp");
    let wash = json["restrictions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "no-wash")
        .expect("PRP: no washing");
    assert_eq!(wash["origin"]["kind"], "default");
    assert!(
        json["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == "proffer-2024")
    );
    // Without --procedure: the latest treatment's.
    treated_an_hour_ago(&sandbox, "at-home");
    let home = sandbox.ok(&["plan"]);
    assert!(home.contains("procedure at-home"), "{home}");
    assert!(home.contains("single-use"), "{home}");
}

/// Issue 24, finding 9: from a week before the next-session window opens, status lists
/// what to tell the clinic, each with its source (or marked our default); not before.
#[test]
fn before_the_next_session_status_lists_what_to_tell_the_clinic() {
    let sandbox = Sandbox::new();
    let at = |days: i64| {
        (Timestamp::now() - jiff::SignedDuration::from_hours(days * 24))
            .to_zoned_datetime(TimeZone::UTC)
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    };
    sandbox.ok(&["treatment", "add", "--at", &at(10)]);
    assert_eq!(status(&sandbox)["tell_the_clinic"], serde_json::json!([]));
    assert!(!sandbox.ok(&["status"]).contains("tell your clinic"));

    sandbox.ok(&["treatment", "edit", "1", "--at", &at(24)]);
    let json = status(&sandbox);
    let list = json["tell_the_clinic"].as_array().unwrap();
    let texts: Vec<&str> = list.iter().map(|t| t["text"].as_str().unwrap()).collect();
    for expected in [
        "Cold sores",
        "Isotretinoin",
        "Pregnant",
        "new medicine",
        "reaction",
    ] {
        assert!(
            texts.iter().any(|t| t.contains(expected)),
            "{expected}: {texts:?}"
        );
    }
    let cold_sores = list
        .iter()
        .find(|t| t["text"].as_str().unwrap().contains("Cold sores"))
        .unwrap();
    assert_eq!(cold_sores["sources"], serde_json::json!(["vaghela-2021"]));
    let text = sandbox.ok(&["status"]);
    assert!(
        text.contains("Before your next session, tell your clinic (they decide):"),
        "{text}"
    );
    assert!(
        text.contains("[skinpen-label]") && text.contains("[our default]"),
        "{text}"
    );
}

/// An entry a procedure adds is not a built-in one a plan file can change: the refusal
/// says so, and the way to follow the clinic instead; nothing is written.
#[test]
fn changing_an_entry_a_procedure_adds_is_refused_with_a_way_out() {
    let sandbox = Sandbox::new();
    treated_an_hour_ago(&sandbox, "prp");
    let run = sandbox.run(&["plan", "set", "no-wash", "hours=4h"]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr
            .contains("\"no-wash\" comes with the prp procedure's plan")
            && run.stderr.contains("--procedure standard"),
        "{}",
        run.stderr
    );
    assert!(!sandbox.plan_path().exists());
}
