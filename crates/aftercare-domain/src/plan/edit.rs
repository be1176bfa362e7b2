//! The changes a patient makes to their plan: set a field, turn an entry off or on, add an
//! item or a restriction of their own, reset an entry to the built-in one.
//!
//! Each edit changes [`PlanChanges`] and is then checked by putting the whole plan
//! together ([`apply`]): the command line and the Plan screen save only a plan that is
//! valid. Values are read as a patient types them: `48h`, `5d`, `2w`, `0-7`, `count=2`.

use crate::plan::changes::{
    Days, EntryChange, Hours, NEXT_SESSION, OwnItem, OwnRestriction, PlanChanges, apply,
};
use crate::plan::{CarePlan, ItemKind, ParseError, PlanError, check_id};

/// The fields `plan set` takes, for help texts and error messages.
pub const FIELDS: &str = "label, hint, days, target, minutes, sessions, hours, kind, off, on";

/// Reads an item kind as typed: `check`, `count=N`, `timer=MIN×N` (or `MINxN`), `avoid`.
pub fn parse_kind(text: &str) -> Result<ItemKind, ParseError> {
    let text = text.trim().to_ascii_lowercase();
    let bad = || ParseError::Kind(text.clone());
    let number = |s: &str| s.trim().parse::<u32>().map_err(|_| bad());
    let (name, value) = text.split_once('=').unwrap_or((&text, ""));
    match name {
        "check" | "once" if value.is_empty() => Ok(ItemKind::Check),
        "avoid" if value.is_empty() => Ok(ItemKind::Avoid),
        "count" | "counted" => Ok(ItemKind::Counted {
            target: number(value)?,
        }),
        "timer" | "timed" => {
            let (minutes, sessions) = ["×", "x", "*"]
                .iter()
                .find_map(|sep| value.split_once(sep))
                .unwrap_or((value, "1"));
            Ok(ItemKind::Timed {
                minutes: number(minutes)?,
                sessions: number(sessions)?,
            })
        }
        _ => Err(bad()),
    }
}

/// An id from a label: "Clinic balm" → `clinic-balm`.
pub fn derive_id(label: &str) -> String {
    let mut id = String::new();
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

/// `plan set ID FIELD=VALUE…` (and `off`, `on`). Returns the plan in force afterwards;
/// on an error `changes` may be half-changed: the caller drops it and saves nothing.
///
/// Every error of an edit is a [`PlanError`] whose message names the command line's own
/// words (ids and `FIELD=VALUE`), not positions in a file.
pub fn set(
    changes: &mut PlanChanges,
    builtin: &CarePlan,
    id: &str,
    assignments: &[String],
) -> Result<CarePlan, PlanError> {
    if assignments.is_empty() {
        return Err(PlanError::at(
            id,
            "",
            format!("say what to change: {id} FIELD=VALUE ({FIELDS})"),
        ));
    }
    let own_item = changes
        .items
        .iter()
        .position(|i| i.id.eq_ignore_ascii_case(id));
    let own_restriction = changes
        .restrictions
        .iter()
        .position(|r| r.id.eq_ignore_ascii_case(id));
    for assignment in assignments {
        let (field, value) = split_assignment(assignment)?;
        if let Some(at) = own_item {
            set_own_item(&mut changes.items[at], &field, &value)?;
        } else if let Some(at) = own_restriction {
            set_own_restriction(&mut changes.restrictions[at], &field, &value)?;
        } else {
            let key = builtin_key(builtin, id)?;
            let change = changes.changes.entry(key).or_default();
            set_change(change, &field, &value)?;
        }
    }
    normalise(changes, builtin);
    apply(builtin, changes)
}

/// `FIELD=VALUE`, or the bare words `off` and `on` (also `on=false`, `off=no`…: read as
/// meant, never as the bare word with its value dropped).
fn split_assignment(text: &str) -> Result<(String, String), PlanError> {
    match text.split_once('=') {
        Some((field, value)) => {
            let field = field.trim().to_ascii_lowercase();
            if field != "on" && field != "off" {
                return Ok((field, value.trim().to_string()));
            }
            let yes = match value.trim().to_ascii_lowercase().as_str() {
                "true" | "yes" | "1" => true,
                "false" | "no" | "0" => false,
                _ => {
                    return Err(PlanError::new(format!(
                        "{text:?}: say `on` or `off` alone (or on=true, on=false)"
                    )));
                }
            };
            let on = yes == (field == "on");
            Ok((if on { "on" } else { "off" }.to_string(), String::new()))
        }
        None if ["off", "on"].contains(&text.trim().to_ascii_lowercase().as_str()) => {
            Ok((text.trim().to_ascii_lowercase(), String::new()))
        }
        None => Err(PlanError::new(format!(
            "{text:?} is not FIELD=VALUE (fields: {FIELDS}); e.g. hours=48h, days=0-7, target=10"
        ))),
    }
}

/// The built-in entry's id as the built-in plan spells it.
fn builtin_key(builtin: &CarePlan, id: &str) -> Result<String, PlanError> {
    if id.eq_ignore_ascii_case(NEXT_SESSION) {
        return Ok(NEXT_SESSION.to_string());
    }
    builtin
        .item(id)
        .map(|i| i.id.clone())
        .or_else(|| builtin.restriction(id).map(|r| r.id.clone()))
        .ok_or_else(|| {
            if let Some(procedure) = super::variants::procedure_adding(id) {
                return PlanError::at(
                    id,
                    "id",
                    format!(
                        "{id:?} comes with the {procedure} procedure's plan and cannot be changed here yet; to follow your clinic instead, record the treatment as standard (`aftercare treatment edit WHEN --procedure standard`) and add your own entry (`aftercare plan add` or `plan add-restriction`)"
                    ),
                );
            }
            let ids: Vec<&str> = builtin
                .items
                .iter()
                .map(|i| i.id.as_str())
                .chain(builtin.restrictions.iter().map(|r| r.id.as_str()))
                .collect();
            PlanError::at(
                id,
                "id",
                format!(
                    "no entry {id:?} in your plan; ids: {}, {NEXT_SESSION}, and your own (see `aftercare plan`)",
                    ids.join(", ")
                ),
            )
        })
}

fn number(field: &str, value: &str) -> Result<u32, PlanError> {
    value
        .parse()
        .map_err(|_| PlanError::new(format!("{field}={value}: {field} takes a whole number")))
}

fn set_change(change: &mut EntryChange, field: &str, value: &str) -> Result<(), PlanError> {
    match field {
        "off" => change.off = true,
        "on" => change.off = false,
        "label" => change.label = Some(non_empty(field, value)?),
        "hint" => change.hint = Some(value.to_string()),
        "kind" => change.kind = Some(parse_kind(value)?),
        "days" => change.days = Some(Days::parse(value)?),
        "target" => change.target = Some(number(field, value)?),
        "minutes" => change.minutes = Some(number(field, value)?),
        "sessions" => change.sessions = Some(number(field, value)?),
        "hours" => change.hours = Some(Hours::parse(value)?),
        _ => return Err(unknown_field(field)),
    }
    Ok(())
}

fn set_own_item(item: &mut OwnItem, field: &str, value: &str) -> Result<(), PlanError> {
    let wrong = |what: &str| {
        Err(PlanError::at(
            &item.id,
            field,
            format!("{} is {what}: it has no {field}", item.id),
        ))
    };
    match (field, &mut item.kind) {
        ("label", _) => item.label = non_empty(field, value)?,
        ("hint", _) => item.hint = value.to_string(),
        ("kind", kind) => *kind = parse_kind(value)?,
        ("days", _) => item.days = Days::parse(value)?,
        ("target", ItemKind::Counted { target }) => *target = number(field, value)?,
        ("target" | "sessions", ItemKind::Timed { sessions, .. }) => {
            *sessions = number(field, value)?
        }
        ("minutes", ItemKind::Timed { minutes, .. }) => *minutes = number(field, value)?,
        ("target", _) => return wrong("a once-a-day item"),
        ("minutes" | "sessions", _) => return wrong("not a timed item"),
        ("hours", _) => return wrong("a daily item (days=0-7)"),
        ("off" | "on", _) => {
            return Err(PlanError::at(
                &item.id,
                field,
                format!(
                    "{} is your own item: `aftercare plan reset {}` removes it",
                    item.id, item.id
                ),
            ));
        }
        _ => return Err(unknown_field(field)),
    }
    Ok(())
}

fn set_own_restriction(r: &mut OwnRestriction, field: &str, value: &str) -> Result<(), PlanError> {
    match field {
        "label" => r.label = non_empty(field, value)?,
        "hint" => r.hint = value.to_string(),
        "hours" => r.hours = Hours::parse(value)?,
        "off" | "on" => {
            return Err(PlanError::at(
                &r.id,
                field,
                format!(
                    "{} is your own restriction: `aftercare plan reset {}` removes it",
                    r.id, r.id
                ),
            ));
        }
        _ if !is_field(field) => return Err(unknown_field(field)),
        _ => {
            return Err(PlanError::at(
                &r.id,
                field,
                format!("{} is a restriction: it has hours, not {field}", r.id),
            ));
        }
    }
    Ok(())
}

fn non_empty(field: &str, value: &str) -> Result<String, PlanError> {
    if value.trim().is_empty() {
        return Err(PlanError::new(format!("{field} cannot be empty")));
    }
    Ok(value.trim().to_string())
}

/// True for a field `plan set` takes (on some entry).
fn is_field(field: &str) -> bool {
    FIELDS.split(", ").any(|known| known == field)
}

fn unknown_field(field: &str) -> PlanError {
    PlanError::new(format!("no field {field:?}; fields: {FIELDS}"))
}

/// Drops what equals the built-in value, so the file keeps only real changes.
fn normalise(changes: &mut PlanChanges, builtin: &CarePlan) {
    for (id, change) in &mut changes.changes {
        if let Some(item) = builtin.item(id) {
            if change.label.as_ref() == Some(&item.label) {
                change.label = None;
            }
            if change.hint.as_ref() == Some(&item.hint) {
                change.hint = None;
            }
            if change.kind == Some(item.kind) {
                change.kind = None;
            }
            if change.days.map(|d| d.0) == Some(item.days) {
                change.days = None;
            }
            let kind = change.kind.unwrap_or(item.kind);
            if kind == item.kind {
                match item.kind {
                    ItemKind::Counted { target }
                    | ItemKind::Timed {
                        sessions: target, ..
                    } if change.target == Some(target) && change.sessions.is_none() => {
                        change.target = None;
                    }
                    _ => {}
                }
                if let ItemKind::Timed { minutes, sessions } = item.kind {
                    if change.minutes == Some(minutes) {
                        change.minutes = None;
                    }
                    if change.sessions == Some(sessions) {
                        change.sessions = None;
                    }
                }
            }
        } else if let Some(r) = builtin.restriction(id) {
            if change.label.as_ref() == Some(&r.label) {
                change.label = None;
            }
            if change.hint.as_ref() == Some(&r.hint) {
                change.hint = None;
            }
            if change.hours.map(|h| h.0) == Some(r.hours) {
                change.hours = None;
            }
        } else if id == NEXT_SESSION {
            let window = builtin.next_session;
            let same = change
                .days
                .is_some_and(|d| d.0.from == window.from_days && d.0.to == Some(window.to_days));
            if same {
                change.days = None;
            }
        }
    }
    changes.changes.retain(|_, change| !change.is_empty());
}

/// `plan add LABEL --kind … --days …`: an item of the patient's own. Returns its id and
/// the plan in force.
pub fn add_item(
    changes: &mut PlanChanges,
    builtin: &CarePlan,
    item: OwnItem,
) -> Result<(String, CarePlan), PlanError> {
    let id = checked_new_id(changes, builtin, &item.id, &item.label)?;
    changes.removed.remove(&id);
    changes.items.push(OwnItem {
        id: id.clone(),
        ..item
    });
    Ok((id, apply(builtin, changes)?))
}

/// `plan add-restriction LABEL --hours …`: a restriction of the patient's own.
pub fn add_restriction(
    changes: &mut PlanChanges,
    builtin: &CarePlan,
    restriction: OwnRestriction,
) -> Result<(String, CarePlan), PlanError> {
    let id = checked_new_id(changes, builtin, &restriction.id, &restriction.label)?;
    changes.removed.remove(&id);
    changes.restrictions.push(OwnRestriction {
        id: id.clone(),
        ..restriction
    });
    Ok((id, apply(builtin, changes)?))
}

/// The id given, or one derived from the label; refused if taken.
fn checked_new_id(
    changes: &PlanChanges,
    builtin: &CarePlan,
    id: &str,
    label: &str,
) -> Result<String, PlanError> {
    if label.trim().is_empty() {
        return Err(PlanError::at(id, "label", "the label cannot be empty"));
    }
    let id = if id.is_empty() {
        derive_id(label)
    } else {
        id.to_string()
    };
    check_id(&id).map_err(|mut err| {
        err.message.push_str("; give one with --id");
        err
    })?;
    let taken = builtin.item(&id).is_some()
        || builtin.restriction(&id).is_some()
        || id.eq_ignore_ascii_case(NEXT_SESSION)
        || changes.items.iter().any(|i| i.id.eq_ignore_ascii_case(&id))
        || changes
            .restrictions
            .iter()
            .any(|r| r.id.eq_ignore_ascii_case(&id));
    if taken {
        return Err(PlanError::at(
            &id,
            "id",
            format!(
                "the id {id:?} is taken; change that entry with `aftercare plan set {id} …`, or give another id with --id"
            ),
        ));
    }
    Ok(id)
}

/// `plan reset ID`: a built-in entry goes back to the built-in values; an entry of the
/// patient's own is removed (its label is kept under `removed`, so that its old ticks keep
/// a name). Returns what happened, in words.
pub fn reset(
    changes: &mut PlanChanges,
    builtin: &CarePlan,
    id: &str,
) -> Result<(String, CarePlan), PlanError> {
    let what = if let Some(at) = changes
        .items
        .iter()
        .position(|i| i.id.eq_ignore_ascii_case(id))
    {
        let item = changes.items.remove(at);
        let what = format!(
            "removed your item {} ({}); its ticks are kept",
            item.id, item.label
        );
        changes.removed.insert(item.id, item.label);
        what
    } else if let Some(at) = changes
        .restrictions
        .iter()
        .position(|r| r.id.eq_ignore_ascii_case(id))
    {
        let r = changes.restrictions.remove(at);
        format!("removed your restriction {} ({})", r.id, r.label)
    } else {
        let key = builtin_key(builtin, id)?;
        match changes.changes.remove(&key) {
            Some(_) => format!("{key} is back to the built-in plan"),
            None => format!("{key} already follows the built-in plan"),
        }
    };
    Ok((what, apply(builtin, changes)?))
}

/// `plan reset --all`: back to the built-in plan. Own items' labels stay under `removed`.
pub fn reset_all(changes: &mut PlanChanges) {
    for item in changes.items.drain(..) {
        changes.removed.insert(item.id, item.label);
    }
    changes.restrictions.clear();
    changes.changes.clear();
    changes.symptom_window_days = None;
}

/// One change to the plan as a value, so the Plan screen can hand it to whoever saves it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanEdit {
    Set {
        id: String,
        assignments: Vec<String>,
    },
    AddItem(OwnItem),
    AddRestriction(OwnRestriction),
    Reset(String),
    /// Takes back an earlier change (`u` on the Plan screen), or redoes one undone.
    Undo(super::undo::PlanStep),
}

/// Applies one edit: what happened in words, and the plan in force afterwards.
pub fn apply_edit(
    changes: &mut PlanChanges,
    builtin: &CarePlan,
    edit: &PlanEdit,
) -> Result<(String, CarePlan), PlanError> {
    match edit {
        PlanEdit::Set { id, assignments } => {
            let plan = set(changes, builtin, id, assignments)?;
            let what = if assignments.iter().any(|a| a == "off") {
                format!("{id} is off; its ticks are kept")
            } else if assignments.iter().any(|a| a == "on") {
                format!("{id} is on again")
            } else {
                format!("{id} changed: {}", assignments.join(", "))
            };
            Ok((what, plan))
        }
        PlanEdit::AddItem(item) => {
            let (id, plan) = add_item(changes, builtin, item.clone())?;
            Ok((format!("Added your item {id}"), plan))
        }
        PlanEdit::AddRestriction(r) => {
            let (id, plan) = add_restriction(changes, builtin, r.clone())?;
            Ok((format!("Added your restriction {id}"), plan))
        }
        PlanEdit::Reset(id) => reset(changes, builtin, id),
        PlanEdit::Undo(step) => {
            step.undo_on(changes)?;
            let plan = super::changes::apply(builtin, changes)?;
            Ok((step.words.clone(), plan))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assignments(list: &[&str]) -> Vec<String> {
        list.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn kinds_read_as_typed() {
        assert_eq!(parse_kind("check"), Ok(ItemKind::Check));
        assert_eq!(parse_kind("count=2"), Ok(ItemKind::Counted { target: 2 }));
        assert_eq!(
            parse_kind("timer=10×2"),
            Ok(ItemKind::Timed {
                minutes: 10,
                sessions: 2
            })
        );
        assert_eq!(
            parse_kind("timer=10x3"),
            Ok(ItemKind::Timed {
                minutes: 10,
                sessions: 3
            })
        );
        assert_eq!(parse_kind("avoid"), Ok(ItemKind::Avoid));
        assert!(parse_kind("often").is_err());
    }

    #[test]
    fn on_equals_false_turns_an_item_off_and_a_wrong_switch_is_refused() {
        let builtin = CarePlan::builtin();
        let mut changes = PlanChanges::default();
        // `on=false` once saved "on" (no change) while saying "Saved".
        let plan = set(&mut changes, &builtin, "ice", &assignments(&["on=false"])).unwrap();
        assert!(plan.item("ice").is_none(), "ice is off");
        assert!(plan.off_items.iter().any(|i| i.id == "ice"));
        let plan = set(&mut changes, &builtin, "ice", &assignments(&["off=no"])).unwrap();
        assert!(plan.item("ice").is_some(), "ice is on again");
        assert!(set(&mut changes, &builtin, "ice", &assignments(&["on=maybe"])).is_err());
    }

    #[test]
    fn ids_come_from_labels() {
        assert_eq!(derive_id("Clinic balm"), "clinic-balm");
        assert_eq!(derive_id("  No retinol!  "), "no-retinol");
    }

    #[test]
    fn setting_the_builtin_value_leaves_no_change() {
        let builtin = CarePlan::builtin();
        let mut changes = PlanChanges::default();
        set(
            &mut changes,
            &builtin,
            "makeup",
            &assignments(&["hours=48h"]),
        )
        .unwrap();
        assert_eq!(changes.changes["makeup"].hours, Some(Hours(48)));
        set(
            &mut changes,
            &builtin,
            "makeup",
            &assignments(&["hours=1d"]),
        )
        .unwrap();
        assert!(changes.changes.is_empty(), "{changes:?}");
    }

    #[test]
    fn a_wrong_field_is_refused_in_words() {
        let builtin = CarePlan::builtin();
        let mut changes = PlanChanges::default();
        let err = set(
            &mut changes,
            &builtin,
            "makeup",
            &assignments(&["target=3"]),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("restriction"), "{err}");
        let mut changes = PlanChanges::default();
        let err = set(&mut changes, &builtin, "water", &assignments(&["target=0"]))
            .unwrap_err()
            .to_string();
        assert!(err.contains("at least 1"), "{err}");
    }
}
