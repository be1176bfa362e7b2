//! The item a patient names in the shell: its id, an alias (`spf`, `serum`), or any unique
//! start of either (`wat` for `water`). Ids are long and typed often; a start that fits
//! several is refused with those it fits, an item switched off in the plan is named as
//! such rather than "no item", and a name that fits nothing lists the close ones.

use crate::domain::plan::names::{Meaning, Nameable, meaning};
use crate::domain::plan::{CarePlan, Item};

use super::CliError;

/// The id of the item `name` means in `plan`, for `command`; one line saying what it fits
/// (several items, an item turned off, close names) when it is not exactly one item on.
pub(super) fn resolve(
    plan: &CarePlan,
    name: &str,
    command: &'static str,
) -> Result<String, CliError> {
    let (on, off) = (nameable(&plan.items), nameable(&plan.off_items));
    let fits_on = meaning(&on, name);
    let fits_off = meaning(&off, name);
    // A whole name wins over a start: `ice` turned off is "turned off", even if `ice`
    // starts an item still on.
    let whole = |m: &Meaning| matches!(m, Meaning::One(id) if is_whole_name(plan, id, name));
    let off_id = match (&fits_on, &fits_off) {
        (on, Meaning::One(id))
            if !whole(on) && (whole(&fits_off) || !matches!(on, Meaning::One(_))) =>
        {
            Some(*id)
        }
        _ => None,
    };
    if let Some(id) = off_id {
        let item = plan
            .off_items
            .iter()
            .find(|i| i.id == id)
            .expect("an off item's id");
        return Err(CliError::usage(
            &[command],
            format!(
                "{} ({}) is turned off in your plan; `aftercare plan set {} on` turns it back on",
                item.label, item.id, item.id
            ),
        ));
    }
    match fits_on {
        Meaning::One(id) => Ok(id.to_string()),
        Meaning::Several(ids) => {
            // An item that fits by an alias says which: "clinic-product (serum)".
            let said: Vec<String> = ids
                .iter()
                .map(|id| match fitting_alias(plan, id, name) {
                    Some(alias) => format!("{id} ({alias})"),
                    None => (*id).to_string(),
                })
                .collect();
            Err(CliError::usage(
                &[command],
                format!("{name:?} fits several items: {}", said.join(", ")),
            ))
        }
        Meaning::Unknown { close } => {
            let known: Vec<&str> = plan.items.iter().map(|i| i.id.as_str()).collect();
            let hint = match close.as_slice() {
                [] => format!("the items are: {}", known.join(", ")),
                close => format!("did you mean {}?", or_list(close)),
            };
            Err(CliError::usage(
                &[command],
                format!("no item {name:?} in your plan; {hint}"),
            ))
        }
    }
}

/// The alias of item `id` that `name` starts, when its id does not.
fn fitting_alias<'a>(plan: &'a CarePlan, id: &str, name: &str) -> Option<&'a str> {
    let name = name.to_lowercase();
    let item = plan.item(id)?;
    if item.id.to_lowercase().starts_with(&name) {
        return None;
    }
    item.aliases
        .iter()
        .find(|a| a.to_lowercase().starts_with(&name))
        .map(String::as_str)
}

/// Whether `name` is `id` or one of its aliases, whole (not a start).
fn is_whole_name(plan: &CarePlan, id: &str, name: &str) -> bool {
    plan.off_items
        .iter()
        .chain(&plan.items)
        .filter(|i| i.id == id)
        .any(|i| {
            i.id.eq_ignore_ascii_case(name)
                || i.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
        })
}

/// "water", "water or sweat", "water, sweat or sun".
fn or_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The items as names to match: each id with its aliases.
fn nameable(items: &[Item]) -> Vec<Nameable<'_>> {
    items
        .iter()
        .map(|i| Nameable {
            id: &i.id,
            aliases: &i.aliases,
        })
        .collect()
}
