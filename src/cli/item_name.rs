//! The item a patient names in the shell: its id, or any unique start of it (`wat` for
//! `water`, `hyal` for `hyaluronic-serum-clinic`). Ids are long and typed often; a prefix
//! that fits several is refused with those it fits, and an item switched off in the plan is
//! named as such rather than "no item".

use crate::domain::plan::CarePlan;

use super::CliError;

/// The id of the item `name` means in `plan`, for `command`; the domain's own error (with
/// every valid id) when nothing fits.
pub(super) fn resolve(
    plan: &CarePlan,
    name: &str,
    command: &'static str,
) -> Result<String, CliError> {
    if let Some(item) = plan.item(name) {
        return Ok(item.id.clone());
    }
    if let Some(off) = plan
        .off_items
        .iter()
        .find(|i| i.id.eq_ignore_ascii_case(name))
    {
        return Err(CliError::usage(
            &[command],
            format!(
                "{} ({}) is turned off in your plan; `aftercare plan set {} on` turns it back on",
                off.label, off.id, off.id
            ),
        ));
    }
    let lowered = name.to_ascii_lowercase();
    let fits: Vec<&str> = plan
        .items
        .iter()
        .map(|i| i.id.as_str())
        .filter(|id| !lowered.is_empty() && id.to_ascii_lowercase().starts_with(&lowered))
        .collect();
    match fits.as_slice() {
        [one] => Ok((*one).to_string()),
        [] => Ok(name.to_string()),
        several => Err(CliError::usage(
            &[command],
            format!("{name:?} fits several items: {}", several.join(", ")),
        )),
    }
}
