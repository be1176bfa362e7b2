//! `aftercare plan`: the care plan in force, marking what is the patient's, and `plan diff`
//! for their changes only. The commands that change the plan are in `change` (one field,
//! entry or reset at a time) and `edit` (the whole file in the patient's editor).

mod caveats;
mod change;
mod edit;
pub(super) mod text;

use std::fmt::Write as _;
use std::path::Path;

use crate::domain::model::Procedure;
use crate::domain::plan::changes::{NEXT_SESSION, PlanChanges};
use crate::domain::plan::{CarePlan, Origin, PlanSource, Yours};
use crate::journal::error::FileError;
use crate::journal::paths::Paths;
use crate::journal::plan_file;

use super::{CliError, PlanArgs, PlanCommand, aligned_rows};
use text::{change_rows, hours_text, item_numbers};

/// The ways to change the plan, named wherever the plan is shown.
pub(super) const HOW_TO_CHANGE: &str = "Change it with `aftercare plan set ID FIELD=VALUE`, `plan add`, `plan add-restriction`, `plan reset` or `plan edit` (`aftercare plan --help`), or on the Plan screen (P) in the app.";

/// Shows the plan, its changes, or changes it.
pub(super) fn run(args: &PlanArgs, paths: &Paths) -> Result<String, CliError> {
    let path = &paths.plan_override;
    match &args.command {
        _ if args.init => init(path),
        None => {
            let (plan, source) = plan_file::load(path)?;
            let procedure = args.procedure.unwrap_or_else(|| latest_procedure(paths));
            let plan = plan.for_procedure(procedure);
            if args.json {
                return Ok(json(plan, &source));
            }
            Ok(describe(plan, &source))
        }
        Some(PlanCommand::Diff) => diff(path),
        Some(PlanCommand::Edit) => edit::edit(path),
        Some(command) => change::run(command, path),
    }
}

/// The procedure of the latest treatment, whose plan is in force; standard before any
/// treatment, or when the journal cannot be read (`status` says why; the plan still shows).
fn latest_procedure(paths: &Paths) -> Procedure {
    super::open_journal(paths, super::Access::Read)
        .ok()
        .and_then(|journal| journal.latest_treatment().map(|t| t.procedure))
        .unwrap_or_default()
}

/// Creates the changes file (empty, with its comments); never over an existing file
/// (looked for under the plan file's lock, so never over one being saved).
fn init(path: &Path) -> Result<String, CliError> {
    crate::journal::update_locked(path, || init_locked(path))
}

fn init_locked(path: &Path) -> Result<String, CliError> {
    // `symlink_metadata`: a link there (even one to nothing) is something, never written through.
    if path.symlink_metadata().is_ok() {
        return Err(FileError::new(
            path,
            None,
            "already exists and was left as it is; `aftercare plan edit` opens it",
        )
        .into());
    }
    plan_file::save(path, &PlanChanges::default())?;
    Ok(format!(
        "Wrote {}: it holds only your changes to the built-in plan (none yet), with comments on how to write them.\n",
        path.display()
    ))
}

/// The plan as a patient reads it: every entry with its id, its numbers and where it
/// comes from, the patient's own marked "yours".
pub(super) fn describe(plan: &CarePlan, source: &PlanSource) -> String {
    let builtin = crate::journal::builtin_plan();
    let mut text = format!("Care plan in force: {source}\n");
    text.push_str(&format!(
        "For: {} (procedure {}; `aftercare plan --procedure NAME` shows another)\n",
        plan.procedure.label(),
        plan.procedure
    ));
    text.push_str("Your dermatologist's instructions come first. ");
    text.push_str(HOW_TO_CHANGE);
    text.push('\n');
    if let PlanSource::Replace(_) = source {
        text.push_str("Your file is a full copy of the plan (the first format): corrections of the built-in plan do not reach you. Your next change through `aftercare plan` keeps only what differs.\n");
    }
    text.push_str("\nDaily care (id, item, how often and when · where it comes from):\n");
    text.push_str(&aligned_rows(plan.items.iter().map(|item| {
        [
            item.id.clone(),
            item.label.clone(),
            format!(
                "{} · {}",
                item_numbers(item),
                from(&item.yours, &item.source(), || builtin
                    .item(&item.id)
                    .map(item_numbers))
            ),
        ]
    })));
    text.push_str(
        "\nRestrictions (id, what, how long after the treatment · where it comes from):\n",
    );
    text.push_str(&aligned_rows(plan.restrictions.iter().map(|r| {
        [
            r.id.clone(),
            r.label.clone(),
            format!(
                "{} · {}",
                hours_text(r.hours),
                from(&r.yours, &r.source(), || builtin
                    .restriction(&r.id)
                    .map(|b| hours_text(b.hours)))
            ),
        ]
    })));
    let off: Vec<[String; 3]> = plan
        .off_items
        .iter()
        .map(|i| [i.id.clone(), i.label.clone(), i.origin.short()])
        .chain(
            plan.off_restrictions
                .iter()
                .map(|r| [r.id.clone(), r.label.clone(), r.origin.short()]),
        )
        .collect();
    if !off.is_empty() {
        text.push_str("\nTurned off by you (back on: `aftercare plan set ID on`):\n");
        text.push_str(&aligned_rows(off));
    }
    let window = plan.next_session;
    let _ = writeln!(
        text,
        "\nNext session ({NEXT_SESSION}): {} to {} days after the latest one · {}.",
        window.from_days,
        window.to_days,
        window_source(plan)
    );
    let uncovered = plan.uncovered_tips();
    if !uncovered.is_empty() {
        let tips: Vec<String> = uncovered.iter().map(u8::to_string).collect();
        let _ = match tips.as_slice() {
            [tip] => writeln!(text, "Note: tip {tip} has no item in this plan."),
            _ => writeln!(
                text,
                "Note: tips {} have no item in this plan.",
                tips.join(", ")
            ),
        };
    }
    text.push_str(&caveats::sections(plan));
    text
}

fn window_source(plan: &CarePlan) -> String {
    match &plan.next_session_origin {
        Origin::Dermatologist => "yours".to_string(),
        origin => origin.short(),
    }
}

/// "yours (your dermatologist)", "yours: hours changed (built in: 24 h, tip 5)", or the
/// built-in origin.
fn from(yours: &Yours, source: &str, builtin: impl Fn() -> Option<String>) -> String {
    match yours {
        Yours::No => source.to_string(),
        Yours::Added => "YOURS (your dermatologist)".to_string(),
        Yours::Changed(fields) => format!(
            "YOURS: {} changed (built in: {})",
            fields.join(", "),
            builtin().unwrap_or_default()
        ),
    }
}

/// An origin for scripts, typed by `kind`: `{"kind": "tip", "tip": 5}`, `{"kind":
/// "source", "tip": 10, "source": "chu-2021"}`, `{"kind": "default", "tip": 6, "why": …,
/// "range": …, "sources": […]}`, or `{"kind": "dermatologist"}` for what the patient added
/// or changed (with the `built_in` origin it replaces).
fn origin_json(origin: &Origin, yours: &Yours) -> serde_json::Value {
    if yours.is_yours() {
        let built_in = (*yours != Yours::Added).then(|| origin_json(origin, &Yours::No));
        return serde_json::json!({ "kind": "dermatologist", "built_in": built_in });
    }
    match origin {
        Origin::Tip(tip) => serde_json::json!({ "kind": "tip", "tip": tip }),
        Origin::Source { tip, source } => {
            serde_json::json!({ "kind": "source", "tip": tip, "source": source })
        }
        Origin::Default {
            tip,
            why,
            range,
            sources,
        } => serde_json::json!({
            "kind": "default", "tip": tip, "why": why, "range": range, "sources": sources,
        }),
        Origin::Dermatologist => serde_json::json!({ "kind": "dermatologist" }),
    }
}

/// `plan diff`: only the patient's changes, each with the built-in value it replaces.
fn diff(path: &Path) -> Result<String, CliError> {
    let builtin = crate::journal::builtin_plan();
    let file = plan_file::read(path, builtin)?;
    let (plan, _) = plan_file::effective(builtin, file, path);
    let rows = change_rows(builtin, &plan);
    if rows.is_empty() {
        return Ok("No changes: you follow the built-in plan.\n".to_string());
    }
    Ok(format!(
        "Your changes to the built-in plan ({}):\n{}",
        path.display(),
        aligned_rows(rows)
    ))
}

/// The plan for scripts: every item and restriction with its numbers, and where the plan
/// came from (`null`: the built-in plan).
fn json(plan: &CarePlan, source: &PlanSource) -> String {
    let items: Vec<serde_json::Value> = plan
        .items
        .iter()
        .map(|item| {
            serde_json::json!({
                "id": item.id,
                "aliases": item.aliases,
                "label": item.label,
                "tip": item.origin.tip(),
                "target": item.kind.target(),
                "minutes": match item.kind {
                    crate::domain::plan::ItemKind::Timed { minutes, .. } => Some(minutes),
                    _ => None,
                },
                "from_day": item.days.from,
                "to_day": item.days.to,
                "default": item.is_our_default(),
                "origin": origin_json(&item.origin, &item.yours),
            })
        })
        .collect();
    let restrictions: Vec<serde_json::Value> = plan
        .restrictions
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.id, "aliases": r.aliases, "label": r.label, "tip": r.origin.tip(),
                "hours": r.hours,
                "default": r.is_our_default(),
                "origin": origin_json(&r.origin, &r.yours),
            })
        })
        .collect();
    let value = serde_json::json!({
        "source": match source {
            PlanSource::BuiltIn => None,
            other => Some(other.to_string()),
        },
        "procedure": plan.procedure,
        "items": items,
        "restrictions": restrictions,
        "next_session_days": [plan.next_session.from_days, plan.next_session.to_days],
        "next_session_origin": origin_json(&plan.next_session_origin, &Yours::No),
        "symptom_window_days": plan.symptom_window_days,
        "symptom_window_origin": origin_json(&plan.symptom_window_origin, &Yours::No),
        "sources": plan.sources,
    });
    format!("{value}\n")
}
