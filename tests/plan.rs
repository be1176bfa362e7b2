//! The care plan: the built-in one is complete, an override replaces it, mistakes are located.

use std::path::Path;

use aftercare::domain::plan::{ItemKind, PlanSource, TIP_COUNT};
use aftercare::journal::format::plan::BUILTIN_PLAN;
use aftercare::journal::plan_file;

#[test]
fn builtin_plan_parses_and_covers_every_tip() {
    let plan = aftercare::journal::format::plan::parse(BUILTIN_PLAN, Path::new("care-plan.ron"))
        .expect("valid");
    assert_eq!(plan.uncovered_tips(), Vec::<u8>::new());
    for tip in 1..=TIP_COUNT {
        let covered = plan.items.iter().any(|i| i.origin.tip() == Some(tip))
            || plan
                .restrictions
                .iter()
                .any(|r| r.origin.tip() == Some(tip));
        assert!(covered, "tip {tip} has no item or restriction");
    }
}

#[test]
fn builtin_plan_has_every_kind_the_brief_asks_for() {
    let plan = aftercare::journal::builtin_plan().clone();
    let sunscreen = plan.item("sunscreen").expect("sunscreen item");
    assert_eq!(sunscreen.kind, ItemKind::Check);
    assert!(sunscreen.label.contains("SPF 30"));
    assert_eq!(
        plan.item("water").unwrap().kind,
        ItemKind::Counted { target: 8 }
    );
    let ice = plan.item("ice").unwrap();
    assert!(matches!(
        ice.kind,
        ItemKind::Timed {
            minutes: 10..=15,
            ..
        }
    ));
    assert!(
        ice.days.to.is_some_and(|to| to <= 3),
        "ice packs only early on"
    );
    assert_eq!(plan.item("no-touch").unwrap().kind, ItemKind::Avoid);

    let hours = |id: &str| plan.restrictions.iter().find(|r| r.id == id).unwrap().hours;
    assert!(hours("makeup") >= 24);
    assert!(hours("sweat") >= 24);
    assert!(hours("peels") >= 14 * 24);
    let sun = plan.restrictions.iter().find(|r| r.id == "sun").unwrap();
    assert!(
        sun.origin.is_default(),
        "the tip gives no number for the sun: it must be marked a default"
    );
}

#[test]
fn override_file_replaces_the_builtin_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("care-plan.ron");
    let (_, source) = plan_file::load(&path).unwrap();
    assert_eq!(source, PlanSource::BuiltIn);

    std::fs::write(&path, BUILTIN_PLAN.replace("target: 8", "target: 10")).unwrap();
    let (plan, source) = plan_file::load(&path).unwrap();
    assert_eq!(source, PlanSource::Replace(path.clone()));
    assert_eq!(
        plan.item("water").unwrap().kind,
        ItemKind::Counted { target: 10 }
    );
}

#[test]
fn broken_override_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("care-plan.ron");
    // Line 3 has a typo: `itms` is not a field of the plan.
    std::fs::write(&path, "(\n    version: 1,\n    itms: [],\n)\n").unwrap();
    let err = plan_file::load(&path).unwrap_err().to_string();
    assert!(
        err.starts_with(&format!("{}:3:", path.display())),
        "error should start with file:line:column, got: {err}"
    );
    assert!(!err.contains('\n'), "one line: {err}");
}

#[test]
fn invalid_values_in_override_are_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("care-plan.ron");
    std::fs::write(&path, BUILTIN_PLAN.replace("Tip(9)", "Tip(11)")).unwrap();
    let err = plan_file::load(&path).unwrap_err().to_string();
    assert!(err.contains("tip 11 is not between 1 and 10"), "{err}");
}
