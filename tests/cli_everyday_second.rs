//! Issue 29, the shell as a patient used it for five weeks: one score changed alone and
//! a severe one said out loud; items named by a unique prefix of their id.

mod cli_support;

use cli_support::Sandbox;

fn treated(sandbox: &Sandbox) {
    let day = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date()
        .checked_sub(jiff::Span::new().days(2))
        .unwrap();
    sandbox.ok(&[
        "treatment",
        "add",
        "--at",
        &format!("{day} 09:30"),
        "--area",
        "face",
    ]);
}

#[test]
fn one_score_changes_alone_and_a_severe_one_says_call_the_clinic() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    sandbox.ok(&[
        "symptoms",
        "--redness",
        "1",
        "--swelling",
        "2",
        "--pain",
        "1",
        "--dryness",
        "3",
    ]);
    let out = sandbox.ok(&["symptoms", "--redness", "4"]);
    assert!(out.contains("redness severe"), "{out}");
    // The other three scores are kept as logged.
    assert!(
        out.contains("swelling moderate") || out.contains("swelling mild"),
        "{out}"
    );
    let before = sandbox.ok(&["symptoms", "--dryness", "3"]);
    assert!(before.contains("redness severe"), "{before}");
    assert!(out.contains("Redness is severe"), "a warning: {out}");
    assert!(out.contains("call your clinic"), "{out}");
    // A calm score says nothing alarming.
    let calm = sandbox.ok(&["symptoms", "--redness", "1"]);
    assert!(!calm.contains("call your clinic"), "{calm}");
    // Nothing to change is a usage error, with nothing written.
    let run = sandbox.run(&["symptoms"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("at least one score"), "{}", run.stderr);
}

#[test]
fn tick_takes_a_unique_prefix_of_an_id_and_says_which_when_several_fit() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    let out = sandbox.ok(&["tick", "wat"]);
    assert!(out.contains("Glasses of water"), "{out}");
    assert!(out.contains("1 of 8"), "{out}");
    // "c" fits clinic-product, cover-up and cleanser: refused, naming them.
    let run = sandbox.run(&["tick", "c"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("cleanser"), "{}", run.stderr);
    assert!(run.stderr.contains("cover-up"), "{}", run.stderr);
}

#[test]
fn an_item_turned_off_is_named_as_off_not_unknown() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    sandbox.ok(&["plan", "set", "ice", "off"]);
    let run = sandbox.run(&["tick", "ice"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("turned off in your plan"),
        "{}",
        run.stderr
    );
}

#[test]
fn shell_wording_says_what_happened_in_plain_words() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    let out = sandbox.ok(&["note", "--append", "Cheeks tight"]);
    assert!(out.starts_with("Added a line to the note for "), "{out}");
    sandbox.ok(&["plan", "set", "ice", "off"]);
    let plan = sandbox.ok(&["plan"]);
    assert!(
        plan.contains("Note: tip 7 has no item in this plan."),
        "{plan}"
    );
    assert!(!plan.contains("tip(s)"), "{plan}");
}

/// Issue 29 item 13: the built-in plan's aliases (`spf`, `serum`, `retinol`) name their
/// entry in the shell and in the plain mode, and their starts do too.
#[test]
fn aliases_and_their_starts_name_items_in_the_shell_and_plain_mode() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    let out = sandbox.ok(&["tick", "spf"]);
    assert!(out.starts_with("Sunscreen SPF 30+"), "{out}");
    let out = sandbox.ok(&["tick", "serum"]);
    assert!(out.contains("If your clinic gave you a product"), "{out}");
    let out = sandbox.ok(&["tick", "drin"]);
    assert!(out.contains("Glasses of water"), "{out}");
    let out = sandbox.ok(&["untick", "SPF"]);
    assert!(out.starts_with("Sunscreen SPF 30+"), "{out}");
    // The plain mode goes through the same names.
    let mut command = sandbox.command_in("UTC", &["--plain"]);
    command
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped());
    let mut child = command.spawn().unwrap();
    {
        use std::io::Write as _;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"tick spf\nquit\n").unwrap();
    }
    let output = child.wait_with_output().unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("Sunscreen SPF 30+"), "{said}");
    // A restriction by its alias, in `plan set`.
    let out = sandbox.ok(&["plan", "set", "retinol", "hours=6d"]);
    assert!(out.contains("Retinoids, acids, vitamin C"), "{out}");
}

/// Issue 29 item 13: a name that fits nothing lists the close ones.
#[test]
fn an_unknown_name_says_did_you_mean_the_close_ones() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    let run = sandbox.run(&["tick", "sunscren"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("no item \"sunscren\" in your plan; did you mean sunscreen?"),
        "{}",
        run.stderr
    );
    let run = sandbox.run(&["tick", "watr"]);
    assert!(run.stderr.contains("did you mean water?"), "{}", run.stderr);
    // A start that fits several says which alias made an item fit.
    let run = sandbox.run(&["tick", "s"]);
    assert!(
        run.stderr.contains(
            "\"s\" fits several items: clinic-product (serum), sunscreen, cover-up (sleeves)"
        ),
        "{}",
        run.stderr
    );
}

/// Issue 29 item 13: a count past the day's target is kept and said in one line.
#[test]
fn a_count_past_the_target_is_kept_and_said() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    let out = sandbox.ok(&["tick", "water", "--count", "8"]);
    assert!(!out.contains("past"), "at the target, no word: {out}");
    let out = sandbox.ok(&["tick", "water"]);
    assert!(out.starts_with("Glasses of water: 9 of 8"), "kept: {out}");
    let notes: Vec<&str> = out.lines().filter(|l| l.contains("past")).collect();
    assert_eq!(
        notes,
        [
            "Note: that is past the day's target of 8 (9 ticked); `aftercare untick water` takes one back."
        ],
        "{out}"
    );
}
