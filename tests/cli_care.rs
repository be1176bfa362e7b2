//! What the shell says about care (issue 24): every entry's origin and the sources in
//! `aftercare plan` and `plan --json`; sunscreen after the plan's days. The real binary in
//! a throwaway home.

mod cli_support;

use cli_support::{Sandbox, days_ago};

#[test]
fn plan_json_types_every_origin_and_lists_the_sources() {
    let sandbox = Sandbox::new();
    let out = sandbox.ok(&["plan", "--json"]);
    let plan: serde_json::Value = serde_json::from_str(&out).unwrap();
    let sources = plan["sources"].as_array().expect("top-level sources");
    let ids: Vec<&str> = sources.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert!(
        ids.contains(&"chu-2021") && ids.contains(&"soltani-2014"),
        "{ids:?}"
    );
    for source in sources {
        for field in ["citation", "link", "claim"] {
            assert!(source[field].is_string(), "{source}: {field}");
        }
    }
    let entries = plan["items"]
        .as_array()
        .unwrap()
        .iter()
        .chain(plan["restrictions"].as_array().unwrap());
    for entry in entries {
        let kind = entry["origin"]["kind"].as_str().unwrap_or_default();
        assert!(
            ["tip", "source", "default"].contains(&kind),
            "{}: {}",
            entry["id"],
            entry["origin"]
        );
        if kind == "source" {
            let cited = entry["origin"]["source"].as_str().unwrap();
            assert!(ids.contains(&cited), "{cited}");
        }
        if kind == "default" {
            assert!(
                entry["origin"]["range"]
                    .as_str()
                    .is_some_and(|r| !r.is_empty())
            );
        }
    }
    let actives = plan["restrictions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "actives")
        .unwrap();
    assert_eq!(actives["origin"]["kind"], "default", "{actives}");
    assert_eq!(plan["symptom_window_origin"]["source"], "chu-2021");
}

#[test]
fn plan_text_prints_the_sources_with_their_claims() {
    let sandbox = Sandbox::new();
    let out = sandbox.ok(&["plan"]);
    assert!(out.contains("Sources (what each states):"), "{out}");
    assert!(out.contains("doi:10.1001/jamadermatol.2013.6955"), "{out}");
    assert!(
        out.contains("symptom-window (tip 10): source chu-2021"),
        "{out}"
    );
    assert!(
        out.contains("range: clinic protocols resume them on day 5, on day 7 or after two weeks"),
        "{out}"
    );
    assert!(!out.contains("common clinic default"), "{out}");
}

/// Finding 8: sun protection does not end with the plan's days.
#[test]
fn after_the_plan_ends_status_says_keep_using_sunscreen() {
    let sandbox = Sandbox::new();
    let at = format!("{} 09:30", days_ago(40));
    sandbox.ok(&["treatment", "add", "--at", &at, "--area", "face"]);
    let out = sandbox.ok(&["status"]);
    assert!(out.contains("the plan's daily care is over"), "{out}");
    assert!(out.contains("keep using it daily"), "{out}");
}

fn log_sign(sandbox: &Sandbox, date: &str, sign: &str) -> String {
    sandbox.ok(&[
        "symptoms",
        "--date",
        date,
        "--redness",
        "1",
        "--swelling",
        "1",
        "--pain",
        "1",
        "--dryness",
        "0",
        "--sign",
        sign,
    ])
}

/// Findings 2 and 3 from the shell: an alert logged days ago still stands in every output
/// until `alerts resolve`; undo brings it back; the report says how it was resolved.
#[test]
fn an_alert_stands_in_every_output_until_resolved_from_the_shell() {
    let sandbox = Sandbox::new();
    let at = format!("{} 09:30", days_ago(5));
    sandbox.ok(&["treatment", "add", "--at", &at, "--area", "face"]);
    let logged = days_ago(4);
    let _ = log_sign(&sandbox, &logged, "pus");
    let json: serde_json::Value = serde_json::from_str(&sandbox.ok(&["status", "--json"])).unwrap();
    assert_eq!(json["alerts"][0]["level"], "urgent", "{json}");
    assert_eq!(json["alerts"][0]["since"], logged.as_str(), "{json}");
    let short = sandbox.ok(&["status", "--short"]);
    assert!(short.starts_with("call your clinic today"), "{short}");
    let text = sandbox.ok(&["status"]);
    assert!(text.contains(&format!("since {logged}")), "{text}");
    assert!(text.contains("alerts resolve --called"), "{text}");
    let list = sandbox.ok(&["alerts"]);
    assert!(list.contains("Pus or yellow crusts"), "{list}");

    let out = sandbox.ok(&["alerts", "resolve", "--called"]);
    assert!(out.contains("called the clinic"), "{out}");
    assert_eq!(sandbox.ok(&["alerts"]), "No alert stands.\n");
    assert_eq!(sandbox.ok(&["alerts", "--json"]), "[]\n");
    let report = sandbox.ok(&["export", "--format", "markdown"]);
    assert!(
        report.contains(&format!("called the clinic on {}", days_ago(0))),
        "{report}"
    );
    sandbox.ok(&["undo"]);
    assert!(sandbox.ok(&["alerts"]).contains("Pus or yellow crusts"));
    sandbox.ok(&["alerts", "resolve", "--gone"]);
    assert_eq!(
        sandbox.ok(&["alerts", "resolve", "--gone"]),
        "No alert stands: nothing to resolve.\n"
    );
    let bad = sandbox.run(&["alerts", "resolve"]);
    assert_eq!(bad.code, 2, "one of --called or --gone: {}", bad.stderr);
}

#[test]
fn breathing_is_an_emergency_first_in_every_output() {
    let sandbox = Sandbox::new();
    let at = format!("{} 09:30", days_ago(1));
    sandbox.ok(&["treatment", "add", "--at", &at, "--area", "face"]);
    let out = log_sign(&sandbox, &days_ago(0), "breathing");
    assert!(
        out.contains("Call your local emergency number now"),
        "not \"call your clinic\": {out}"
    );
    let text = sandbox.ok(&["status"]);
    let alerts_at = text
        .find("!!! Call your local emergency number now:")
        .expect(&text);
    assert!(alerts_at < text.find("Today's care").unwrap(), "{text}");
    let short = sandbox.ok(&["status", "--short"]);
    assert!(
        short.starts_with("CALL YOUR LOCAL EMERGENCY NUMBER NOW"),
        "{short}"
    );
    let json: serde_json::Value = serde_json::from_str(&sandbox.ok(&["status", "--json"])).unwrap();
    assert_eq!(json["alerts"][0]["level"], "emergency", "{json}");
    let plan = sandbox.ok(&["plan"]);
    assert!(
        plan.contains("Call your local emergency number now if you notice (log them with s in the app):\n  - Swelling of lips"),
        "{plan}"
    );
    let report = sandbox.ok(&["export", "--format", "markdown"]);
    assert!(
        report.contains("told to call the local emergency number: Swelling of lips"),
        "{report}"
    );
}
