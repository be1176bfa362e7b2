//! Issue 12, in the app: the Plan screen lists the plan with its origins, Enter changes an
//! entry's numbers, Space turns it off, `a` adds the patient's own, `r` resets; every change
//! is saved to the plan file and applies at once to Today.

mod common;

use aftercare::domain::plan::{ItemKind, PlanSource, Yours};
use aftercare::journal::plan_file;
use aftercare::tui::action::{Edit, PlanAction};
use aftercare::tui::app::{Action, App, Overlay, Screen};
use common::screen::{render, screen_text};

const TREATED: &str = "2027-03-14T09:00:00+01:00";
const NOW: &str = "2027-03-15T03:48:00+01:00[Europe/Paris]";

/// The app on day 1, saving its plan in `dir/config/care-plan.ron`.
fn app_with_plan_file(dir: &tempfile::TempDir) -> (App, std::path::PathBuf) {
    let (app, _clock) = common::app(dir.path().join("journal"), Some(TREATED), NOW);
    let path = dir.path().join("config/care-plan.ron");
    (app.with_plan_file(path.clone()), path)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Edit(Edit::Insert(c)));
    }
}

fn clear_field(app: &mut App) {
    for _ in 0..20 {
        app.update(Action::Edit(Edit::Backspace));
    }
}

/// Selects the Plan screen's row `id`.
fn select(app: &mut App, id: &str) {
    let rows = aftercare::tui::plan::rows(app.plan());
    let at = rows.iter().position(|r| r.id == id).expect("a row");
    while app.plan_view().selected > at {
        app.update(Action::Up);
    }
    while app.plan_view().selected < at {
        app.update(Action::Down);
    }
}

#[test]
fn the_plan_screen_lists_every_entry_with_where_it_comes_from() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_with_plan_file(&dir);
    // Reached by Tab from History, and by P (shown in the status line).
    app.update(Action::SwitchScreen);
    app.update(Action::SwitchScreen);
    assert_eq!(*app.screen(), Screen::Plan);
    app.update(Action::SwitchScreen);
    assert_eq!(*app.screen(), Screen::Today);
    assert!(screen_text(&render(&app, 80, 24)).contains("P changes it"));
    app.update(Action::OpenPlan);
    assert_eq!(*app.screen(), Screen::Plan);

    let terminal = render(&app, 80, 24);
    let text = screen_text(&terminal);
    assert!(text.contains("Glasses of water"), "{text}");
    assert!(text.contains("8/day · 0–14"), "{text}");
    assert!(text.contains("tip 2, default"), "{text}");
    assert!(text.contains("Enter change"), "{text}");
    assert!(text.contains("Space on/off"), "{text}");
    assert!(text.contains("a add"), "{text}");
    assert!(text.contains("r reset"), "{text}");
    // The selected entry says why its numbers are what they are.
    assert!(text.contains("the tip gives no period"), "{text}");
    insta::assert_snapshot!(terminal.backend());
    // The list scrolls to the last row.
    select(&mut app, "next-session");
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("▸ on  Next session"), "{text}");
    assert!(screen_text(&render(&app, 60, 16)).contains("▸ on  Next session"));
}

#[test]
fn a_changed_restriction_moves_its_countdown_on_today_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_plan_file(&dir);
    assert!(screen_text(&render(&app, 80, 24)).contains("until Mon 15 Mar 09:00"));
    app.update(Action::OpenPlan);
    select(&mut app, "makeup");
    app.update(Action::Plan(PlanAction::Edit));
    assert!(matches!(app.overlay(), Some(Overlay::PlanForm(_))));
    clear_field(&mut app);
    type_text(&mut app, "48h");
    let terminal = render(&app, 80, 24);
    let text = screen_text(&terminal);
    assert!(
        text.contains("Change: Makeup and skincare products"),
        "{text}"
    );
    assert!(text.contains("48, or 48h, 5d, 2w"), "{text}");
    insta::assert_snapshot!("plan_edit_form_at_80x24", terminal.backend());
    app.update(Action::Submit);
    assert_eq!(app.overlay(), None);
    assert_eq!(app.plan().restriction("makeup").unwrap().hours, 48);

    app.update(Action::SwitchScreen);
    assert_eq!(*app.screen(), Screen::Today);
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("until Tue 16 Mar 09:00"), "{text}");
    assert!(text.contains("1 d 5 h left"), "{text}");
    // Saved as a change, owner-only.
    let (plan, source) = plan_file::load(&path).unwrap();
    assert_eq!(source, PlanSource::Changes(path.clone()));
    assert_eq!(plan.restriction("makeup").unwrap().hours, 48);
    use std::os::unix::fs::PermissionsExt as _;
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn a_wrong_value_stays_in_the_form_with_its_reason_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_plan_file(&dir);
    app.update(Action::OpenPlan);
    select(&mut app, "water");
    app.update(Action::Plan(PlanAction::Edit));
    clear_field(&mut app);
    type_text(&mut app, "0");
    app.update(Action::Submit);
    let Some(Overlay::PlanForm(form)) = app.overlay() else {
        panic!("the form stays open");
    };
    assert!(
        form.error.as_deref().unwrap().contains("at least 1"),
        "{form:?}"
    );
    assert!(!path.exists());
    assert_eq!(
        app.plan().item("water").unwrap().kind,
        ItemKind::Counted { target: 8 }
    );
    app.update(Action::Cancel);
    assert_eq!(app.overlay(), None);
}

#[test]
fn the_clinic_sheet_in_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_plan_file(&dir);
    common::select(&mut app, "ice");
    app.update(Action::Press);
    app.update(Action::OpenPlan);

    // No ice: Space turns it off; its tick stays, shown on Today.
    select(&mut app, "ice");
    app.update(Action::Plan(PlanAction::Toggle));
    assert!(app.plan().item("ice").is_none());

    // A balm twice a day for a week: `a`.
    app.update(Action::Plan(PlanAction::Add));
    type_text(&mut app, "Clinic balm");
    app.update(Action::NextField);
    clear_field(&mut app);
    type_text(&mut app, "count=2");
    app.update(Action::NextField);
    clear_field(&mut app);
    type_text(&mut app, "0-7");
    let terminal = render(&app, 80, 24);
    let text = screen_text(&terminal);
    assert!(text.contains("Add from your dermatologist"), "{text}");
    insta::assert_snapshot!("plan_add_form_at_80x24", terminal.backend());
    app.update(Action::Submit);
    let balm = app.plan().item("clinic-balm").expect("added");
    assert_eq!(balm.kind, ItemKind::Counted { target: 2 });
    assert_eq!(balm.yours, Yours::Added);

    // No retinol for 5 days: a restriction.
    app.update(Action::Plan(PlanAction::Add));
    type_text(&mut app, "No retinol");
    app.update(Action::NextField);
    clear_field(&mut app);
    type_text(&mut app, "restriction");
    app.update(Action::NextField);
    clear_field(&mut app);
    type_text(&mut app, "5d");
    app.update(Action::Submit);
    assert_eq!(app.plan().restriction("no-retinol").unwrap().hours, 120);
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("yours"), "{text}");

    app.update(Action::SwitchScreen);
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("Clinic balm"), "{text}");
    assert!(text.contains("Ice pack in a soft cloth ×1"), "{text}");
    assert!(text.contains("no longer in your plan"), "{text}");
    assert!(text.contains("No retinol"), "{text}");

    // `r` resets: back on Plan, the balm is removed, its label kept for old ticks.
    app.update(Action::OpenPlan);
    select(&mut app, "clinic-balm");
    app.update(Action::Plan(PlanAction::Reset));
    assert!(app.plan().item("clinic-balm").is_none());
    select(&mut app, "ice");
    app.update(Action::Plan(PlanAction::Reset));
    assert!(app.plan().item("ice").is_some());
    let (plan, _) = plan_file::load(&path).unwrap();
    assert!(plan.item("ice").is_some() && plan.item("clinic-balm").is_none());
    assert!(plan.restriction("no-retinol").is_some());
}

#[test]
fn a_change_from_the_shell_reaches_the_open_app_within_a_tick() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_plan_file(&dir);
    // Another terminal: `aftercare plan set makeup hours=72` (the same code path).
    let builtin = aftercare::journal::builtin_plan().clone();
    let mut changes = aftercare::domain::plan::changes::PlanChanges::default();
    aftercare::domain::plan::edit::set(&mut changes, &builtin, "makeup", &["hours=72".into()])
        .unwrap();
    plan_file::save(&path, &changes).unwrap();
    assert_eq!(app.plan().restriction("makeup").unwrap().hours, 24);
    app.update(Action::Tick);
    assert_eq!(app.plan().restriction("makeup").unwrap().hours, 72);
    assert!(screen_text(&render(&app, 80, 24)).contains("until Wed 17 Mar 09:00"));
    // A broken file leaves the plan as it was, and says so.
    std::fs::write(&path, "(version: 2, changes: {\"makeup\": (hours: 0)})").unwrap();
    app.update(Action::Tick);
    assert_eq!(app.plan().restriction("makeup").unwrap().hours, 72);
    let status = app.status().cloned().unwrap();
    assert!(
        status.is_error && status.text.contains("care-plan.ron:1:"),
        "{status:?}"
    );
}

/// Issue 24: the Plan screen names each entry's source with its citation and the claim we
/// credit it for, and each default with its range.
#[test]
fn the_plan_screen_shows_the_source_of_the_selected_entry() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_with_plan_file(&dir);
    app.update(Action::OpenPlan);
    select(&mut app, "clinic-product");
    let terminal = render(&app, 80, 24);
    let text = screen_text(&terminal);
    assert!(text.contains("Soltani-Arabshahi"), "{text}");
    assert!(text.contains("tip 5, soltani"), "{text}");
    insta::assert_snapshot!(terminal.backend());
    select(&mut app, "actives");
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("day 5, on day 7 or after two"), "{text}");
    select(&mut app, "next-session");
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("decides whether and when"), "{text}");
    assert!(text.contains("Harris"), "{text}");
}

/// Issue 24, part D, in the app: the welcome screen's Procedure field records an RF
/// session; Today's countdown follows the RF plan and the Plan screen names it.
#[test]
fn a_procedure_picked_on_the_welcome_screen_sets_the_plan_in_force() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _clock) = common::app(dir.path().join("journal"), None, NOW);
    assert!(matches!(app.screen(), Screen::Welcome(_)));
    app.update(Action::NextField); // area
    app.update(Action::NextField); // procedure
    let text = screen_text(&render(&app, 80, 24));
    assert!(
        text.contains("Procedure       microneedling at a clinic (Space: next)"),
        "{text}"
    );
    app.update(Action::Edit(Edit::Insert(' '))); // prp
    app.update(Action::Edit(Edit::Insert(' '))); // rf
    assert!(screen_text(&render(&app, 80, 24)).contains("RF microneedling"));
    app.update(Action::Submit);
    assert_eq!(*app.screen(), Screen::Today);
    let treatment = app.journal().latest_treatment().unwrap();
    assert_eq!(treatment.procedure, aftercare::domain::model::Procedure::Rf);
    // Morpheus8 manual: makeup after 72 h, not the standard 24.
    assert_eq!(app.plan_in_force().restriction("makeup").unwrap().hours, 72);
    let today = screen_text(&render(&app, 80, 24));
    assert!(
        today.contains("2 d 23 h left") || today.contains("3 d"),
        "{today}"
    );
    app.update(Action::OpenPlan);
    let plan = screen_text(&render(&app, 80, 24));
    assert!(plan.contains("Your care plan · RF microneedling"), "{plan}");
}

/// Issue 29 item 10 (loose end): at 120 columns and wider the source column uses the room:
/// no source name is cut ("tip 5, soltani…").
#[test]
fn at_120x40_the_plan_list_shows_every_source_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_with_plan_file(&dir);
    app.update(Action::OpenPlan);
    let terminal = render(&app, 120, 40);
    let text = screen_text(&terminal);
    assert!(text.contains("tip 5, soltani-2014"), "{text}");
    let list: Vec<&str> = text.lines().take(30).collect();
    assert!(
        list.iter().all(|line| !line.contains("…")),
        "nothing cut in the list: {text}"
    );
    insta::assert_snapshot!("plan_at_120x40", text);
    insta::assert_snapshot!("plan_at_80x24", screen_text(&render(&app, 80, 24)));
}
