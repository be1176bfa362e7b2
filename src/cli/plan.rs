//! `aftercare plan`: the care plan in force and where it comes from, and `plan --init` to
//! get an editable copy (the first tip: the dermatologist's instructions come first).

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::Path;

use crate::domain::plan::{BUILTIN_PLAN, CarePlan, DayRange, Item, ItemKind, PlanSource};
use crate::error::FileError;
use crate::journal::paths::Paths;

use super::{CliError, PlanArgs, aligned_rows};

/// Shows the plan, or with `--init` writes the built-in one for editing.
pub(super) fn run(args: &PlanArgs, paths: &Paths) -> Result<String, CliError> {
    if args.init {
        return init(&paths.plan_override);
    }
    let (plan, source) = CarePlan::load(&paths.plan_override)?;
    if args.json {
        return Ok(json(&plan, &source));
    }
    Ok(describe(&plan, &source, &paths.plan_override))
}

/// Writes `assets/care-plan.ron`, comments included, to `path`; never over an existing file.
fn init(path: &Path) -> Result<String, CliError> {
    let io_err = |err: std::io::Error| FileError::io(path, &err);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|err| FileError::io(dir, &err))?;
    }
    // `create_new` makes "exists?" and "create" one step: an existing plan is never touched.
    let mut file = match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(FileError::new(
                path,
                None,
                "already exists and was left as it is; edit it, or remove it to start again from the built-in plan",
            )
            .into());
        }
        other => other.map_err(io_err)?,
    };
    file.write_all(BUILTIN_PLAN.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(io_err)?;
    Ok(format!(
        "Wrote the built-in plan to {}\nEdit it to follow your dermatologist's instructions; from now on it replaces the built-in plan.\n",
        path.display()
    ))
}

/// The plan as a patient reads it: every item with its ids, and every restriction.
fn describe(plan: &CarePlan, source: &PlanSource, override_path: &Path) -> String {
    let mut text = format!("Care plan in force: {source}\n");
    match source {
        PlanSource::BuiltIn => {
            let _ = writeln!(
                text,
                "Your dermatologist's instructions come first: `aftercare plan --init` writes an editable copy to {}",
                override_path.display()
            );
        }
        PlanSource::File(_) => {
            text.push_str("Remove that file to go back to the built-in plan.\n");
        }
    }
    text.push_str("\nDaily care (id, item, how often, days after treatment):\n");
    text.push_str(&aligned_rows(plan.items.iter().map(|item| {
        [
            item.id.clone(),
            item.label.clone(),
            format!(
                "{}{}, {}",
                how_often(item),
                star(item.default),
                days(item.days)
            ),
        ]
    })));
    text.push_str("\nRestrictions (id, what, how long after the treatment):\n");
    text.push_str(&aligned_rows(plan.restrictions.iter().map(|r| {
        [
            r.id.clone(),
            r.label.clone(),
            format!("{}{}", hours_in_words(r.hours), star(r.default)),
        ]
    })));
    let _ = writeln!(
        text,
        "\nNext session: {} to {} days after the latest one.",
        plan.next_session.from_days, plan.next_session.to_days
    );
    text.push_str("* our cautious default: the tip gives no number.\n");
    let uncovered = plan.uncovered_tips();
    if !uncovered.is_empty() {
        let tips: Vec<String> = uncovered.iter().map(u8::to_string).collect();
        let _ = writeln!(text, "Note: no item covers tip(s) {}.", tips.join(", "));
    }
    text
}

/// The plan for scripts: every item and restriction with its numbers, and where it came
/// from.
fn json(plan: &CarePlan, source: &PlanSource) -> String {
    let items: Vec<serde_json::Value> = plan
        .items
        .iter()
        .map(|item| {
            serde_json::json!({
                "id": item.id,
                "label": item.label,
                "tip": item.tip,
                "target": item.kind.target(),
                "minutes": match item.kind { ItemKind::Timed { minutes, .. } => Some(minutes), _ => None },
                "how_often": how_often(item),
                "from_day": item.days.from,
                "to_day": item.days.to,
                "default": item.default,
            })
        })
        .collect();
    let restrictions: Vec<serde_json::Value> = plan
        .restrictions
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.id, "label": r.label, "tip": r.tip, "hours": r.hours, "default": r.default,
            })
        })
        .collect();
    let value = serde_json::json!({
        "source": match source { PlanSource::BuiltIn => None, PlanSource::File(path) => Some(path) },
        "items": items,
        "restrictions": restrictions,
        "next_session_days": [plan.next_session.from_days, plan.next_session.to_days],
    });
    format!("{value}\n")
}

/// "14 days" for 336 hours, "36 h" where the hours are not whole days.
fn hours_in_words(hours: u32) -> String {
    match (hours / 24, hours % 24) {
        (1, 0) => "24 hours (1 day)".to_string(),
        (days, 0) if days > 0 => format!("{days} days"),
        _ => format!("{hours} hours"),
    }
}

fn how_often(item: &Item) -> String {
    match item.kind {
        ItemKind::Check => "once a day".to_string(),
        ItemKind::Counted { target } => format!("{target} a day"),
        ItemKind::Timed { minutes, sessions } => format!("{sessions} × {minutes} min a day"),
        ItemKind::Avoid => "avoid (tick when kept to)".to_string(),
    }
}

fn days(range: DayRange) -> String {
    match range.to {
        Some(to) => format!("days {}–{to}", range.from),
        None => format!("from day {}", range.from),
    }
}

fn star(default: bool) -> &'static str {
    if default { "*" } else { "" }
}
