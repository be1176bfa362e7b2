//! How the plan and its changes are written for the patient: shared by `plan`, the
//! changing subcommands and `plan edit`.

use std::path::Path;

use crate::domain::plan::changes::{NEXT_SESSION, PlanChanges};
use crate::domain::plan::{CarePlan, Item, Yours};
use crate::journal::plan_file::{self, PlanFile};

use crate::cli::CliError;

/// "2 a day, days 0–7".
pub(crate) fn item_numbers(item: &Item) -> String {
    let hours = item.hours.map_or(String::new(), |h| match h.to {
        Some(to) => format!(", hours {}–{to} after", h.from),
        None => format!(", from hour {}", h.from),
    });
    let needed = if item.as_needed {
        "as needed, up to "
    } else {
        ""
    };
    format!("{needed}{}, {}{hours}", item.kind.describe(), item.days)
}

/// "48 h", "120 h (5 d)", "336 h (2 weeks)".
pub(crate) fn hours_text(hours: u32) -> String {
    match hours {
        h if h >= 7 * 24 && h.is_multiple_of(7 * 24) => format!("{h} h ({} weeks)", h / (7 * 24)),
        h if h >= 48 && h.is_multiple_of(24) => format!("{h} h ({} d)", h / 24),
        h => format!("{h} h"),
    }
}

/// One row per changed, added or turned-off entry: id, label, what changed.
pub(crate) fn change_rows(builtin: &CarePlan, plan: &CarePlan) -> Vec<[String; 3]> {
    let mut rows = Vec::new();
    for item in &plan.items {
        match (&item.yours, builtin.item(&item.id)) {
            (Yours::Added, _) => rows.push([
                item.id.clone(),
                item.label.clone(),
                format!("added: {}", item_numbers(item)),
            ]),
            (Yours::Changed(_), Some(base)) => rows.push([
                item.id.clone(),
                item.label.clone(),
                changed_text(
                    &base.label,
                    &item.label,
                    &item_numbers(base),
                    &item_numbers(item),
                ),
            ]),
            _ => {}
        }
    }
    for r in &plan.restrictions {
        match (&r.yours, builtin.restriction(&r.id)) {
            (Yours::Added, _) => rows.push([
                r.id.clone(),
                r.label.clone(),
                format!("added restriction: {}", hours_text(r.hours)),
            ]),
            (Yours::Changed(_), Some(base)) => rows.push([
                r.id.clone(),
                r.label.clone(),
                changed_text(
                    &base.label,
                    &r.label,
                    &hours_text(base.hours),
                    &hours_text(r.hours),
                ),
            ]),
            _ => {}
        }
    }
    for (id, label) in off_entries(plan) {
        rows.push([id, label, "turned off".to_string()]);
    }
    // Only a hand-edited plan file changes it; it is a change all the same.
    if plan.symptom_window_days != builtin.symptom_window_days {
        rows.push([
            "symptom-window".to_string(),
            "Redness and swelling expected".to_string(),
            format!(
                "days 0–{} → 0–{}",
                builtin.symptom_window_days, plan.symptom_window_days
            ),
        ]);
    }
    if plan.next_session != builtin.next_session {
        rows.push([
            NEXT_SESSION.to_string(),
            "Next session".to_string(),
            format!(
                "days {}–{} → {}–{}",
                builtin.next_session.from_days,
                builtin.next_session.to_days,
                plan.next_session.from_days,
                plan.next_session.to_days
            ),
        ]);
    }
    rows
}

/// One row per entry a procedure's plan (`variant`) adds or changes over the plan it is
/// made from (`plan`: the built-in plan with the patient's changes): id, label, what changed.
pub(crate) fn variant_rows(plan: &CarePlan, variant: &CarePlan) -> Vec<[String; 3]> {
    let mut rows = Vec::new();
    for item in &variant.items {
        let row = match plan.item(&item.id) {
            None => format!("added: {}", item_numbers(item)),
            Some(base) if base == item => continue,
            Some(base) => changed_text(
                &base.label,
                &item.label,
                &item_numbers(base),
                &item_numbers(item),
            ),
        };
        rows.push([item.id.clone(), item.label.clone(), row]);
    }
    for r in &variant.restrictions {
        let row = match plan.restriction(&r.id) {
            None => format!("added restriction: {}", hours_text(r.hours)),
            Some(base) if base == r => continue,
            Some(base) => changed_text(
                &base.label,
                &r.label,
                &hours_text(base.hours),
                &hours_text(r.hours),
            ),
        };
        rows.push([r.id.clone(), r.label.clone(), row]);
    }
    if variant.next_session != plan.next_session {
        rows.push([
            NEXT_SESSION.to_string(),
            "Next session".to_string(),
            format!(
                "days {}–{} → {}–{}",
                plan.next_session.from_days,
                plan.next_session.to_days,
                variant.next_session.from_days,
                variant.next_session.to_days
            ),
        ]);
    }
    rows
}

fn off_entries(plan: &CarePlan) -> Vec<(String, String)> {
    plan.off_items
        .iter()
        .map(|i| (i.id.clone(), i.label.clone()))
        .chain(
            plan.off_restrictions
                .iter()
                .map(|r| (r.id.clone(), r.label.clone())),
        )
        .collect()
}

/// `8 a day, days 0–14 → 10 a day, days 0–14`, with a changed label first.
fn changed_text(old_label: &str, new_label: &str, old: &str, new: &str) -> String {
    let mut parts = Vec::new();
    if old_label != new_label {
        parts.push(format!("label {old_label:?} → {new_label:?}"));
    }
    if old != new {
        parts.push(format!("{old} → {new}"));
    }
    if parts.is_empty() {
        parts.push("hint changed".to_string());
    }
    parts.join("; ")
}

/// The plan file for a change from the shell: an old full copy is read as its changes.
pub(super) fn read_changes(
    path: &Path,
    builtin: &CarePlan,
) -> Result<(PlanFile, PlanChanges), CliError> {
    let file = plan_file::read(path, builtin)?;
    let changes = file.changes(builtin);
    Ok((file, changes))
}
