//! Issue 29, the shell's loose ends: a tick outside the item's days is kept and said, and
//! `symptoms --help` says which signs mean which call, from the plan's own signs.

mod cli_support;

use cli_support::{Sandbox, days_ago};

#[test]
fn a_tick_after_the_items_days_is_kept_and_says_the_plan_has_it_for_those_days_only() {
    let sandbox = Sandbox::new();
    let at = format!("{} 09:30", days_ago(9));
    sandbox.ok(&["treatment", "add", "--at", &at, "--area", "face"]);
    let ice = sandbox.ok(&["tick", "ice", "--count", "4"]);
    assert!(
        ice.contains("the plan has it for days 0–2 only (today is day 9)"),
        "{ice}"
    );
    assert!(
        !ice.contains("past the day's target"),
        "one line, not two: {ice}"
    );
    let pillowcase = sandbox.ok(&["tick", "pillowcase"]);
    assert!(
        pillowcase.contains("the plan has it for days 0–2 only (today is day 9)"),
        "{pillowcase}"
    );
    let again = sandbox.ok(&["untick", "ice"]);
    assert!(again.contains("3 of 3"), "the four were kept: {again}");
    // Within its days nothing is said.
    let water = sandbox.ok(&["tick", "water"]);
    assert!(!water.contains("the plan has it"), "{water}");
}

#[test]
fn symptoms_help_says_which_signs_mean_call_emergency_now_and_which_the_clinic_today() {
    let sandbox = Sandbox::new();
    let help = sandbox.ok(&["symptoms", "--help"]);
    let flat = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Call your local emergency number now: breathing."),
        "{help}"
    );
    assert!(
        flat.contains(
            "Call your clinic or dermatologist today: fever, pus, spreading, worse-pain, blisters, allergy, lumps."
        ),
        "{help}"
    );
    assert!(!flat.contains("Any one means"), "{help}");
}

/// A treatment recorded at 12:19 UTC, read in Paris: every time the report and `status`
/// show is Paris time, the treatment's as much as a restriction's end (as on Today).
#[test]
fn with_tz_paris_the_report_and_status_show_every_time_in_paris_time() {
    let sandbox = Sandbox::new();
    let day = days_ago(1);
    sandbox.ok(&[
        "treatment",
        "add",
        "--at",
        &format!("{day} 00:19"),
        "--area",
        "face",
    ]);
    let treated: jiff::Timestamp = format!("{day}T00:19:00Z").parse().unwrap();
    let paris = jiff::tz::TimeZone::get("Europe/Paris").unwrap();
    let in_paris = |t: jiff::Timestamp| {
        t.to_zoned_datetime(paris.clone())
            .strftime("%H:%M")
            .to_string()
    };
    let start = in_paris(treated);
    let run = |args: &[&str]| {
        let run = cli_support::run_command(sandbox.command_in("Europe/Paris", args));
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        run.stdout
    };
    let html = run(&["export", "--format", "html"]);
    assert!(
        html.contains(&format!("treatment {start}")),
        "chart: {html}"
    );
    assert!(
        !html.contains("00:19"),
        "no UTC time left in the report: {html}"
    );
    let markdown = run(&["export"]);
    assert!(markdown.contains(&format!("{start} · face")), "{markdown}");
    assert!(!markdown.contains("00:19"), "{markdown}");
    let ics = run(&["export", "--format", "ics"]);
    assert!(
        ics.contains(&format!("treatment of {day} {start}")),
        "{ics}"
    );
    let status = run(&["status"]);
    // 00:19 UTC is the same date in Paris.
    assert!(
        status.contains(&format!("Treatment: {day} {start}")),
        "{status}"
    );
    assert!(!status.contains("00:19"), "{status}");
}

/// `symptoms --sign breathing` alone logs the sign and no scores: the answer says the sign
/// and that no scores are logged, as History does for that day, never "redness none, …".
#[test]
fn symptoms_with_only_a_sign_says_the_sign_and_invents_no_scores() {
    let sandbox = Sandbox::new();
    let at = format!("{} 09:30", days_ago(2));
    sandbox.ok(&["treatment", "add", "--at", &at, "--area", "face"]);
    let date = days_ago(1);
    let out = sandbox.ok(&["symptoms", "--sign", "breathing", "--date", &date]);
    assert!(!out.contains("redness"), "no invented scores: {out}");
    assert!(
        out.contains(&format!("No symptom scores logged for {date}")),
        "{out}"
    );
    assert!(
        out.contains(
            "Warning sign: Swelling of lips, eyes, tongue or throat, or trouble breathing"
        ),
        "{out}"
    );
    assert!(
        out.contains("Call your local emergency number now"),
        "{out}"
    );
    // A score given later shows the scores as then logged, and the sign still noticed.
    let out = sandbox.ok(&["symptoms", "--redness", "2", "--date", &date]);
    assert!(
        out.contains(&format!("Symptoms for {date}: redness moderate")),
        "{out}"
    );
    assert!(out.contains("Warning sign: Swelling of lips"), "{out}");
}
