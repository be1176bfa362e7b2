//! Issue 29, the Plan screen as a patient stumbled on it: the form starts on the number
//! seen first, `u` undoes a plan change, a cut list says how much is below, a
//! value re-entered is "Unchanged", and switched on reads differently from done.

mod common;

use aftercare::domain::plan::ItemKind;
use aftercare::journal::plan_file;
use aftercare::tui::action::{Edit, PlanAction};
use aftercare::tui::app::{Action, App};
use common::screen::{render, screen_text};

const TREATED: &str = "2027-03-14T09:00:00+01:00";
const NOW: &str = "2027-03-15T03:48:00+01:00[Europe/Paris]";

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

fn status(app: &App) -> String {
    app.status().map(|s| s.text.clone()).unwrap_or_default()
}

#[test]
fn enter_on_water_starts_on_the_glasses_not_the_days() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_with_plan_file(&dir);
    app.update(Action::OpenPlan);
    select(&mut app, "water");
    app.update(Action::Plan(PlanAction::Edit));
    clear_field(&mut app);
    type_text(&mut app, "6");
    app.update(Action::Submit);
    assert_eq!(app.overlay(), None, "{:?}", app.status());
    let water = app.plan().item("water").unwrap();
    assert_eq!(water.kind, ItemKind::Counted { target: 6 });
    assert_eq!((water.days.from, water.days.to), (0, Some(14)));
}

/// Issue 29 item 2: `u` on the Plan screen takes back the last plan change (newest
/// first, through the same undo stacks as care), `U` puts it back; each is saved to the
/// plan file in its lock, and Today follows.
#[test]
fn u_on_the_plan_screen_undoes_plan_changes_and_u_redoes_them() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_plan_file(&dir);
    app.update(Action::OpenPlan);
    let key = aftercare::tui::keys::key_to_action(
        crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('u')),
        aftercare::tui::keys::KeyContext::Plan,
    );
    assert_eq!(key, Some(Action::Undo));
    select(&mut app, "makeup");
    app.update(Action::Plan(PlanAction::Edit));
    clear_field(&mut app);
    type_text(&mut app, "48h");
    app.update(Action::Submit);
    assert_eq!(app.plan().restriction("makeup").unwrap().hours, 48);
    select(&mut app, "ice");
    app.update(Action::Plan(PlanAction::Toggle));
    assert!(app.plan().item("ice").is_none(), "ice is off");

    app.update(Action::Undo);
    assert!(app.plan().item("ice").is_some(), "{}", status(&app));
    assert_eq!(
        status(&app),
        "Undid: ice is off; its ticks are kept. Saved; Today follows it now."
    );
    app.update(Action::Undo);
    assert_eq!(app.plan().restriction("makeup").unwrap().hours, 24);
    let file = std::fs::read_to_string(&path).unwrap();
    assert!(!file.contains("makeup") && !file.contains("ice"), "{file}");
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("Undid: makeup changed"), "{text}");

    app.update(Action::Redo);
    assert_eq!(app.plan().restriction("makeup").unwrap().hours, 48);
    assert!(
        status(&app).starts_with("Redid: makeup changed"),
        "{}",
        status(&app)
    );
    let (plan, _) = plan_file::load(&path).unwrap();
    assert_eq!(plan.restriction("makeup").unwrap().hours, 48, "saved");
    app.update(Action::Undo);
    app.update(Action::Undo);
    assert_eq!(status(&app), "Nothing to undo");
}

#[test]
fn a_list_cut_at_80x24_says_how_many_entries_are_below() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_with_plan_file(&dir);
    app.update(Action::OpenPlan);
    let rows = aftercare::tui::plan::rows(app.plan()).len();
    let terminal = render(&app, 80, 24);
    let text = screen_text(&terminal);
    let shown = text.lines().filter(|l| l.contains(" on  ")).count();
    assert!(shown < rows, "{text}");
    assert!(text.contains("more"), "{text}");
    let more = text
        .lines()
        .find_map(|l| l.split("↓ ").nth(1))
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or_else(|| panic!("a ↓ N more line: {text}"));
    assert_eq!(shown + more, rows, "{text}");
    insta::assert_snapshot!("plan_at_80x24_says_what_is_below", terminal.backend());
    // At the end of the list nothing is below.
    select(&mut app, "next-session");
    assert!(!screen_text(&render(&app, 80, 24)).contains(" more "));
}

#[test]
fn re_entering_the_value_in_force_says_unchanged_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_plan_file(&dir);
    app.update(Action::OpenPlan);
    select(&mut app, "makeup");
    app.update(Action::Plan(PlanAction::Edit));
    app.update(Action::Submit);
    assert!(status(&app).starts_with("Unchanged"), "{}", status(&app));
    assert!(!path.exists(), "nothing written");
    // A real change still says Saved, and then the same value again says Unchanged.
    app.update(Action::Plan(PlanAction::Edit));
    clear_field(&mut app);
    type_text(&mut app, "5d");
    app.update(Action::Submit);
    assert!(status(&app).contains("Saved"), "{}", status(&app));
    let written = std::fs::read_to_string(&path).unwrap();
    app.update(Action::Plan(PlanAction::Edit));
    clear_field(&mut app);
    type_text(&mut app, "5d");
    app.update(Action::Submit);
    assert!(status(&app).starts_with("Unchanged"), "{}", status(&app));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);
}

#[test]
fn switched_on_is_a_word_and_things_kept_to_do_not_read_as_avoid() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_with_plan_file(&dir);
    app.update(Action::OpenPlan);
    let text = screen_text(&render(&app, 80, 24));
    assert!(!text.contains("[x]"), "{text}");
    assert!(text.contains("▸ on  "), "{text}");
    assert!(!text.contains("avoid ·"), "{text}");
    let avoid = aftercare::tui::plan::rows(app.plan())
        .into_iter()
        .find(|r| r.numbers.starts_with("keep to"));
    assert!(avoid.is_some(), "an avoid item reads 'keep to'");
}

#[test]
fn esc_on_today_says_q_quits_instead_of_quitting() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_with_plan_file(&dir);
    let esc = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Esc);
    let action = aftercare::tui::keys::key_to_action(esc, aftercare::tui::keys::KeyContext::Today)
        .expect("Esc does something on Today");
    app.update(action);
    assert!(!app.should_quit());
    assert_eq!(*app.screen(), aftercare::tui::app::Screen::Today);
    assert!(status(&app).contains("q quits"), "{}", status(&app));
    let action = aftercare::tui::keys::key_to_action(
        crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('q')),
        aftercare::tui::keys::KeyContext::Today,
    )
    .unwrap();
    app.update(action);
    assert!(app.should_quit());
}

#[test]
fn at_60x16_the_plan_footer_keeps_change_add_and_reset() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_with_plan_file(&dir);
    app.update(Action::OpenPlan);
    let text = screen_text(&render(&app, 60, 16));
    let footer = text.lines().last().unwrap_or_default();
    for hint in ["Enter change", "a add", "r reset", "q quit"] {
        assert!(footer.contains(hint), "{hint:?} in {footer}");
    }
}

/// At 60×16 the details panel of an entry with a source shows who says it, readable,
/// not "Source:" and nothing after it.
#[test]
fn at_60x16_the_selected_entry_s_source_is_readable() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_with_plan_file(&dir);
    app.update(Action::OpenPlan);
    select(&mut app, "clinic-product");
    let text = screen_text(&render(&app, 60, 16));
    let read: Vec<&str> = text
        .lines()
        .map(|l| l.trim_matches('"').trim_matches(|c| c == '│' || c == ' '))
        .collect();
    let read = read.join(" ");
    assert!(
        read.contains("Source: Soltani-Arabshahi R et al., JAMA Dermatol 2014"),
        "{text}"
    );
    insta::assert_snapshot!("plan_source_at_60x16", text);
    // Three works cited, all whole; a default still says it is ours.
    select(&mut app, "next-session");
    let text = screen_text(&render(&app, 60, 16));
    let read: Vec<&str> = text
        .lines()
        .map(|l| l.trim_matches('"').trim_matches(|c| c == '│' || c == ' '))
        .collect();
    assert!(read.join(" ").contains("Fabbrocini G et al."), "{text}");
    assert!(read.join(" ").ends_with("q quit"), "{text}");
    insta::assert_snapshot!("plan_three_sources_at_60x16", text);
}
