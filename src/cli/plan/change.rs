//! `aftercare plan set|add|add-restriction|reset`: one change to the patient's plan file,
//! checked against the whole plan and saved atomically (owner-only), or refused with the
//! file untouched.

use std::fmt::Write as _;
use std::path::Path;

use crate::domain::plan::CarePlan;
use crate::domain::plan::changes::{OwnItem, OwnRestriction};
use crate::domain::plan::edit as plan_edit;
use crate::journal::plan_file;

use super::text::{change_rows, hours_text, item_numbers, read_changes};
use crate::cli::{CliError, PlanCommand, aligned_rows};

/// Runs one changing subcommand of `plan`: read, changed and saved under the plan file's
/// lock, so that a change saved meanwhile by another command or the app is changed too,
/// never written over.
pub(super) fn run(command: &PlanCommand, path: &Path) -> Result<String, CliError> {
    crate::journal::update_locked(path, || change(command, path))
}

fn change(command: &PlanCommand, path: &Path) -> Result<String, CliError> {
    let builtin = crate::journal::builtin_plan();
    let (file, mut changes) = read_changes(path, builtin)?;
    // An alias of a built-in entry (`retinol`) names it; anything else is left to the edit.
    let named = |id: &str| -> String {
        crate::domain::plan::names::id_of(builtin, id)
            .unwrap_or(id)
            .to_string()
    };
    let (name, result) = match command {
        PlanCommand::Set {
            id,
            changes: fields,
        } => (
            "set",
            plan_edit::set(&mut changes, builtin, &named(id), fields)
                .map(|plan| (entry_summary(&plan, &named(id)), plan)),
        ),
        PlanCommand::Add(args) => (
            "add",
            plan_edit::add_item(
                &mut changes,
                builtin,
                OwnItem {
                    id: args.id.clone().unwrap_or_default(),
                    label: args.label.trim().to_string(),
                    hint: args.hint.trim().to_string(),
                    kind: args.kind,
                    days: args.days,
                },
            )
            .map(|(id, plan)| (format!("Added {}", entry_summary(&plan, &id)), plan)),
        ),
        PlanCommand::AddRestriction(args) => (
            "add-restriction",
            plan_edit::add_restriction(
                &mut changes,
                builtin,
                OwnRestriction {
                    id: args.id.clone().unwrap_or_default(),
                    label: args.label.trim().to_string(),
                    hint: args.hint.trim().to_string(),
                    hours: args.hours,
                },
            )
            .map(|(id, plan)| (format!("Added {}", entry_summary(&plan, &id)), plan)),
        ),
        PlanCommand::Reset { id: Some(id), .. } => (
            "reset",
            plan_edit::reset(&mut changes, builtin, &named(id))
                .map(|(what, plan)| (capitalise(&what), plan)),
        ),
        PlanCommand::Reset { id: None, .. } => {
            plan_edit::reset_all(&mut changes);
            (
                "reset",
                crate::domain::plan::changes::apply(builtin, &changes)
                    .map(|plan| ("Back to the built-in plan".to_string(), plan)),
            )
        }
        PlanCommand::Diff | PlanCommand::Edit => unreachable!("handled in plan::run"),
    };
    let (summary, plan) = result.map_err(|message| CliError::usage(&["plan", name], message))?;
    let converted = plan_file::save_changes(path, &file, &changes)?;
    let mut text = format!("{summary}\n");
    if let Some(copy) = converted {
        let _ = writeln!(
            text,
            "Your plan file was a full copy of the plan; it now keeps only your changes, so corrections of the built-in plan reach you. The full copy is kept in {}.",
            copy.display()
        );
    }
    let _ = writeln!(text, "Saved in {}.", path.display());
    let rows = change_rows(builtin, &plan);
    if !rows.is_empty() {
        text.push_str("Your changes now:\n");
        text.push_str(&aligned_rows(rows));
    }
    Ok(text)
}

/// "makeup (Makeup and skincare products): 48 h (built in: 24 h)".
fn entry_summary(plan: &CarePlan, id: &str) -> String {
    let builtin = crate::journal::builtin_plan();
    if let Some(item) = plan.item(id) {
        let base = builtin
            .item(id)
            .map(|b| format!(" (built in: {})", item_numbers(b)))
            .filter(|_| item.yours.is_yours())
            .unwrap_or_default();
        return format!(
            "{} ({}): {}{base} · {}",
            item.id,
            item.label,
            item_numbers(item),
            item.source()
        );
    }
    if let Some(r) = plan.restriction(id) {
        let base = builtin
            .restriction(id)
            .map(|b| format!(" (built in: {})", hours_text(b.hours)))
            .filter(|_| r.yours.is_yours())
            .unwrap_or_default();
        return format!(
            "{} ({}): {}{base} · {}",
            r.id,
            r.label,
            hours_text(r.hours),
            r.source()
        );
    }
    let off = plan
        .off_items
        .iter()
        .map(|i| (&i.id, &i.label))
        .chain(plan.off_restrictions.iter().map(|r| (&r.id, &r.label)))
        .find(|(off, _)| off.eq_ignore_ascii_case(id));
    if let Some((id, label)) = off {
        return format!(
            "{id} ({label}): turned off; its ticks are kept (back on: `aftercare plan set {id} on`)"
        );
    }
    format!(
        "{}: days {}–{} after the latest session",
        crate::domain::plan::changes::NEXT_SESSION,
        plan.next_session.from_days,
        plan.next_session.to_days
    )
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
