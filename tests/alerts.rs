//! A patient who logs something alarming is told to call the clinic on the spot: through
//! the app (`App::update` on a fixed clock), `aftercare status --json` as a process, and on
//! screen (snapshots at 80×24). Expected early symptoms raise nothing.

mod cli_support;
mod common;

use aftercare::domain::alerts::Level;
use aftercare::domain::model::Resolution;
use aftercare::tui::action::SkinEdit;
use aftercare::tui::app::{Action, App, Overlay};
use common::screen::{render, screen_text};

const TREATED: &str = "2027-03-14T17:00:00+01:00";

/// Opens the skin form, sets the four scores, ticks the signs at these places in the
/// plan's list, and saves.
fn log(app: &mut App, scores: [u8; 4], signs: &[&str]) {
    let positions: Vec<usize> = signs
        .iter()
        .map(|id| {
            app.plan()
                .warning_signs
                .iter()
                .position(|sign| sign.id == *id)
                .expect("a warning sign of the plan")
        })
        .collect();
    app.update(Action::OpenSkinForm);
    for score in scores {
        app.update(Action::Skin(SkinEdit::SetScore(score)));
        // ↓ goes score to score, and from the last score to the first sign.
        app.update(Action::Skin(SkinEdit::Down));
    }
    let mut at = 0;
    for sign in positions {
        while at < sign {
            app.update(Action::Skin(SkinEdit::Down));
            at += 1;
        }
        app.update(Action::Skin(SkinEdit::ToggleSign));
    }
    app.update(Action::Submit);
    assert!(app.overlay().is_none(), "saved: {:?}", app.status());
}

#[test]
fn pus_ticked_on_day_one_is_urgent_at_once() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(
        &dir,
        Some(TREATED),
        "2027-03-15T10:00:00+01:00[Europe/Paris]",
    );
    log(&mut app, [2, 1, 1, 0], &["pus"]);
    assert_eq!(app.alerts().len(), 1, "{:?}", app.alerts());
    assert_eq!(app.alerts()[0].level, Level::Urgent);
    assert_eq!(
        app.alerts()[0].reason,
        "Pus or yellow crusts, or oozing that grows or comes with fever (noted today)"
    );
    let text = screen_text(&render(&app, 80, 24));
    assert!(
        text.contains("Call your clinic or dermatologist today"),
        "{text}"
    );
    insta::assert_snapshot!("today_with_an_urgent_alert", render(&app, 80, 24).backend());
}

#[test]
fn severe_scores_and_fever_each_give_a_reason() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(
        &dir,
        Some(TREATED),
        "2027-03-15T10:00:00+01:00[Europe/Paris]",
    );
    log(&mut app, [4, 4, 4, 0], &["fever"]);
    let reasons: Vec<&str> = app.alerts().iter().map(|a| a.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "Fever (noted today)",
            "Redness is severe (today)",
            "Swelling is severe (today)",
            "Pain is severe (today)"
        ]
    );
    assert!(app.alerts().iter().all(|a| a.level == Level::Urgent));
}

/// Issue 24, finding 5: "pain should ease after two days" was in no source; pain that
/// lingers is not urgent by itself (the worse-pain sign and a severe score are).
#[test]
fn marked_pain_alone_raises_no_unsourced_alert() {
    let dir = common::journal_dir();
    let (mut app, clock) = common::app(
        &dir,
        Some(TREATED),
        "2027-03-16T10:00:00+01:00[Europe/Paris]",
    );
    log(&mut app, [1, 1, 3, 0], &[]);
    assert_eq!(app.alerts(), [], "day 2");
    clock.set("2027-03-17T10:00:00+01:00[Europe/Paris]");
    app.update(Action::Tick);
    log(&mut app, [1, 1, 3, 0], &[]);
    assert_eq!(app.alerts(), [], "day 3: {:?}", app.alerts());
    log(&mut app, [1, 1, 3, 0], &["worse-pain"]);
    assert_eq!(app.alerts().len(), 1, "{:?}", app.alerts());
}

#[test]
fn expected_early_symptoms_raise_nothing() {
    let dir = common::journal_dir();
    let (mut app, clock) = common::app(
        &dir,
        Some(TREATED),
        "2027-03-14T20:00:00+01:00[Europe/Paris]",
    );
    for (day, scores) in [[2, 2, 1, 0], [2, 2, 1, 1], [1, 2, 1, 1], [1, 1, 0, 2]]
        .into_iter()
        .enumerate()
    {
        log(&mut app, scores, &[]);
        assert_eq!(app.alerts(), [], "day {day}: {scores:?}");
        assert!(!screen_text(&render(&app, 80, 24)).contains("Call your clinic"));
        clock.advance(std::time::Duration::from_secs(86_400));
        app.update(Action::Tick);
    }
}

#[test]
fn the_warning_signs_are_one_key_from_today() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(
        &dir,
        Some(TREATED),
        "2027-03-15T10:00:00+01:00[Europe/Paris]",
    );
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("w warning signs"), "in the footer: {text}");
    let narrow = screen_text(&render(&app, 60, 16));
    let footer = narrow.lines().last().unwrap();
    assert!(
        footer.contains("w warning signs"),
        "kept at 60 columns: {footer}"
    );
    app.update(Action::ShowWarningSigns);
    assert_eq!(app.overlay(), Some(&Overlay::WarningSigns));
    let terminal = render(&app, 80, 24);
    let text = screen_text(&terminal);
    assert!(text.contains("Pus or yellow crusts"), "{text}");
    insta::assert_snapshot!("warning_signs_view", terminal.backend());
    app.update(Action::Down);
    assert_eq!(app.overlay(), None, "any key closes it");
}

#[test]
fn status_json_lists_alerts_as_a_process() {
    let sandbox = cli_support::Sandbox::new();
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date();
    let yesterday = today.yesterday().unwrap();
    sandbox.ok(&["treatment", "add", "--at", &format!("{yesterday} 17:00")]);
    let json = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
    let status = json(&sandbox.ok(&["status", "--json"]));
    assert_eq!(
        status["alerts"],
        serde_json::json!([]),
        "nothing logged yet"
    );

    sandbox.ok(&[
        "symptoms",
        "--redness",
        "2",
        "--swelling",
        "2",
        "--pain",
        "1",
        "--dryness",
        "0",
    ]);
    let status = json(&sandbox.ok(&["status", "--json"]));
    assert_eq!(status["alerts"], serde_json::json!([]), "expected on day 1");

    sandbox.ok(&[
        "symptoms",
        "--redness",
        "4",
        "--swelling",
        "2",
        "--pain",
        "2",
        "--dryness",
        "0",
    ]);
    let status = json(&sandbox.ok(&["status", "--json"]));
    assert_eq!(
        status["alerts"],
        serde_json::json!([{
            "level": "urgent",
            "reason": "Redness is severe (today)",
            "text": "Call your clinic or dermatologist today: redness is severe (today).",
            "since": today.to_string(),
        }])
    );
    let short = sandbox.ok(&["status", "--short"]);
    assert!(
        short.starts_with("call your clinic today · day 1"),
        "{short}"
    );
    let text = sandbox.ok(&["status"]);
    assert!(
        text.contains(
            "!! Call your clinic or dermatologist today:\n   - Redness is severe (today)"
        ),
        "{text}"
    );
}

#[test]
fn a_sign_from_the_shell_is_urgent_and_the_report_says_so() {
    let sandbox = cli_support::Sandbox::new();
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date();
    let yesterday = today.yesterday().unwrap();
    sandbox.ok(&["treatment", "add", "--at", &format!("{yesterday} 17:00")]);
    let bad = sandbox.run(&[
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
        "warts",
    ]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(
        bad.stderr.contains("valid signs: breathing, fever, pus,"),
        "{}",
        bad.stderr
    );
    let out = sandbox.ok(&[
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
        "PUS",
        "--sign",
        "fever",
    ]);
    assert!(out.contains("call your clinic"), "{out}");
    let status: serde_json::Value =
        serde_json::from_str(&sandbox.ok(&["status", "--json"])).unwrap();
    let reasons: Vec<&str> = status["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        [
            "Pus or yellow crusts, or oozing that grows or comes with fever (noted today)",
            "Fever (noted today)"
        ]
    );
    let report = sandbox.ok(&["export"]);
    assert!(
        report.contains("told to call the clinic: Pus or yellow crusts, or oozing that grows or comes with fever; Fever"),
        "{report}"
    );
    assert!(
        report.contains("## Warning signs\n\n**Call your local emergency number now if:**"),
        "{report}"
    );
    assert!(report.contains("- Itching or hives, anywhere"), "{report}");
}

#[test]
fn warning_signs_merge_like_scores_the_later_edit_wins() {
    use aftercare::domain::event::{Edit, EventId};
    use aftercare::domain::merge::Merge;
    use aftercare::domain::model::DayEntry;
    let stamp = |s: &str| s.parse::<aftercare::domain::time::Stamp>().unwrap();
    let edit = |at: &str, id| Edit {
        at: stamp(at),
        id: EventId(id),
    };
    let mut laptop = DayEntry::default();
    laptop.set_signs(&["pus".to_string()], edit("2027-03-15T10:00:00+01:00", 1));
    let mut desktop = DayEntry::default();
    desktop.set_signs(&[], edit("2027-03-15T11:00:00+01:00", 2));
    let mut merged = laptop.clone();
    merged.merge(&desktop);
    assert!(
        merged.signs.is_empty(),
        "the later edit (signs cleared) wins"
    );
    let mut other_way = desktop.clone();
    other_way.merge(&laptop);
    assert_eq!(other_way, merged, "the same either way");
    // A copy that never had signs leaves them as they are.
    let mut kept = laptop.clone();
    kept.merge(&DayEntry::default());
    assert_eq!(kept.signs, ["pus"]);
}

#[test]
fn with_an_alert_on_day_two_every_restriction_still_shows() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(
        &dir,
        Some(TREATED),
        "2027-03-16T10:00:00+01:00[Europe/Paris]",
    );
    log(&mut app, [1, 1, 1, 0], &["blisters"]);
    let text = screen_text(&render(&app, 80, 24));
    assert!(
        text.contains("Blisters or a cold-sore outbreak (noted today)"),
        "{text}"
    );
    for label in ["Direct sun", "Pools, sauna", "Retinoids", "Peels (at-home"] {
        assert!(text.contains(label), "{label}: {text}");
    }
    assert!(text.contains("Minimum time passed:"), "{text}");
    assert!(text.contains(" Makeup and skincare products"), "{text}");
}

#[test]
fn at_60x16_with_an_alert_hidden_restrictions_are_marked() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(
        &dir,
        Some(TREATED),
        "2027-03-16T10:00:00+01:00[Europe/Paris]",
    );
    log(&mut app, [1, 1, 1, 0], &["blisters"]);
    let text = screen_text(&render(&app, 60, 16));
    // Three of six restrictions fit; the rest are marked, not silently dropped.
    assert!(text.contains("↓ 3 more "), "{text}");
}

/// Issue 24, finding 2: pus and fever logged on day 1 still say "call" on days 3, 4 and 20
/// with nothing new logged; `c` on Today resolves them (saved, undoable); logging the sign
/// again raises it again.
#[test]
fn an_urgent_alert_stays_until_resolved_from_the_app_and_comes_back_when_logged_again() {
    let dir = common::journal_dir();
    let (mut app, clock) = common::app(
        &dir,
        Some(TREATED),
        "2027-03-15T10:00:00+01:00[Europe/Paris]",
    );
    log(&mut app, [1, 1, 1, 0], &["fever", "pus"]);
    assert_eq!(app.alerts().len(), 2);
    for day in ["2027-03-17", "2027-03-18", "2027-03-26"] {
        clock.set(&format!("{day}T10:00:00+01:00[Europe/Paris]"));
        app.update(Action::Tick);
        app.update(Action::GoToday);
        assert_eq!(app.alerts().len(), 2, "{day}: {:?}", app.alerts());
        assert!(app.alerts().iter().all(|a| a.level == Level::Urgent));
        let text = screen_text(&render(&app, 80, 24));
        assert!(text.contains("c: I called · g: it went away"), "{text}");
    }
    app.update(Action::ResolveAlerts(Resolution::Called));
    assert_eq!(app.alerts(), [], "resolved");
    app.update(Action::Undo);
    assert_eq!(app.alerts().len(), 2, "undo brings them back");
    app.update(Action::Redo);
    assert_eq!(app.alerts(), []);
    clock.set("2027-03-26T11:00:00+01:00[Europe/Paris]");
    app.update(Action::Tick);
    log(&mut app, [1, 1, 1, 0], &["pus"]);
    let reasons: Vec<&str> = app.alerts().iter().map(|a| a.reason.as_str()).collect();
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert!(
        reasons[0].starts_with("Pus or yellow crusts"),
        "{reasons:?}"
    );
}

/// Issue 24, finding 3: trouble breathing is an emergency, framed above everything,
/// never hidden at 60×16, even under the skin form.
#[test]
fn breathing_is_an_emergency_framed_above_everything_at_every_size() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(
        &dir,
        Some(TREATED),
        "2027-03-15T10:00:00+01:00[Europe/Paris]",
    );
    log(&mut app, [1, 1, 1, 0], &["breathing", "fever"]);
    assert_eq!(app.alerts()[0].level, Level::Emergency);
    for (width, height) in [(80, 24), (60, 16)] {
        let terminal = render(&app, width, height);
        let text = screen_text(&terminal);
        let first_rows: String = text.lines().take(3).collect();
        assert!(
            first_rows.contains("Call your local emergency number now"),
            "{width}x{height}: {text}"
        );
        assert!(text.contains("Swelling of lips"), "{text}");
        assert!(
            text.contains("Call your clinic or dermatologist today"),
            "{text}"
        );
        insta::assert_snapshot!(
            format!("today_with_an_emergency_at_{width}x{height}"),
            terminal.backend()
        );
    }
    app.update(Action::OpenSkinForm);
    let text = screen_text(&render(&app, 60, 16));
    assert!(
        text.lines()
            .take(3)
            .collect::<String>()
            .contains("emergency number now"),
        "over the form: {text}"
    );
    app.update(Action::Cancel);
    let tiny = screen_text(&render(&app, 30, 8));
    assert!(tiny.contains("emergency"), "too small, still said: {tiny}");
}

#[test]
fn the_urgent_frame_at_60x16_and_80x24() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(
        &dir,
        Some(TREATED),
        "2027-03-15T10:00:00+01:00[Europe/Paris]",
    );
    log(&mut app, [1, 1, 1, 0], &["pus"]);
    for (width, height) in [(80, 24), (60, 16)] {
        let terminal = render(&app, width, height);
        let text = screen_text(&terminal);
        assert!(text.contains("Call your clinic or dermatologist"), "{text}");
        assert!(text.contains("c: I called"), "{text}");
        insta::assert_snapshot!(
            format!("today_with_an_urgent_alert_at_{width}x{height}"),
            terminal.backend()
        );
    }
}

/// Issue 29 (loose end): at 60×16 the emergency frame wraps its reason, never cuts it:
/// "trouble breathing" is read whole, after the call to make.
#[test]
fn at_60x16_the_emergency_frame_wraps_and_never_cuts() {
    let dir = common::journal_dir();
    let (mut app, _clock) = common::app(
        &dir,
        Some(TREATED),
        "2027-03-15T10:00:00+01:00[Europe/Paris]",
    );
    log(&mut app, [1, 1, 1, 0], &["breathing"]);
    let text = screen_text(&render(&app, 60, 16));
    let frame: Vec<&str> = text.lines().take_while(|l| !l.contains("└")).collect();
    assert!(
        frame[0].contains("Call your local emergency number now"),
        "{text}"
    );
    let words: String = frame
        .iter()
        .map(|l| l.trim_matches(['"', '│', ' ']))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.contains("or trouble breathing (noted today)"),
        "{text}"
    );
    assert!(!words.contains('…'), "{text}");
    insta::assert_snapshot!("emergency_wrapped_at_60x16", text);
}
