//! An edit of the whole plan file (`aftercare plan edit`) made while something else changed
//! the file: the entries the edit changed are put on the file as it is now, and every
//! other entry stays as the file has it — what the patient did not touch in the editor is
//! never written back. Only an entry changed both in the editor and elsewhere, differently,
//! is a conflict; the caller then refuses the edit.

use crate::plan::changes::PlanChanges;

/// `current` with what changed between `base` (the file when the editor opened) and
/// `edited` (what the editor saved); or the ids changed both there and meanwhile.
pub fn rebase(
    base: &PlanChanges,
    edited: &PlanChanges,
    current: &PlanChanges,
) -> Result<PlanChanges, Vec<String>> {
    let mut merged = current.clone();
    let mut conflicts = Vec::new();
    merged.changes = rebase_keyed(
        &pairs(&base.changes),
        &pairs(&edited.changes),
        pairs(&current.changes),
        &mut conflicts,
    )
    .into_iter()
    .collect();
    merged.removed = rebase_keyed(
        &pairs(&base.removed),
        &pairs(&edited.removed),
        pairs(&current.removed),
        &mut conflicts,
    )
    .into_iter()
    .collect();
    let items =
        |c: &PlanChanges| -> Vec<_> { c.items.iter().map(|i| (i.id.clone(), i.clone())).collect() };
    merged.items = rebase_keyed(&items(base), &items(edited), items(current), &mut conflicts)
        .into_iter()
        .map(|(_, i)| i)
        .collect();
    let restrictions = |c: &PlanChanges| -> Vec<_> {
        c.restrictions
            .iter()
            .map(|r| (r.id.clone(), r.clone()))
            .collect()
    };
    merged.restrictions = rebase_keyed(
        &restrictions(base),
        &restrictions(edited),
        restrictions(current),
        &mut conflicts,
    )
    .into_iter()
    .map(|(_, r)| r)
    .collect();
    let window = |c: &PlanChanges| vec![("symptom_window_days".to_string(), c.symptom_window_days)];
    merged.symptom_window_days = rebase_keyed(
        &window(base),
        &window(edited),
        window(current),
        &mut conflicts,
    )
    .first()
    .and_then(|(_, v)| *v);
    if conflicts.is_empty() {
        Ok(merged)
    } else {
        conflicts.sort();
        conflicts.dedup();
        Err(conflicts)
    }
}

/// A map's entries as (id, value) pairs, in id order.
fn pairs<T: Clone>(map: &std::collections::BTreeMap<String, T>) -> Vec<(String, T)> {
    map.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}

/// Entries by id: each one the edit changed (added, changed, removed) is made so in
/// `current`, in place or at the end; one also changed otherwise in `current` is a conflict.
fn rebase_keyed<T: Clone + PartialEq>(
    base: &[(String, T)],
    edited: &[(String, T)],
    mut current: Vec<(String, T)>,
    conflicts: &mut Vec<String>,
) -> Vec<(String, T)> {
    let find =
        |list: &[(String, T)], id: &str| list.iter().find(|(k, _)| k == id).map(|(_, v)| v.clone());
    let ids: Vec<&String> = base.iter().chain(edited).map(|(k, _)| k).collect();
    for id in ids {
        let (was, now) = (find(base, id), find(edited, id));
        if was == now {
            continue;
        }
        let there = find(&current, id);
        if there != was && there != now {
            conflicts.push(id.clone());
            continue;
        }
        match (now, current.iter().position(|(k, _)| k == id)) {
            (Some(value), Some(at)) => current[at].1 = value,
            (Some(value), None) => current.push((id.clone(), value)),
            (None, Some(at)) => {
                current.remove(at);
            }
            (None, None) => {}
        }
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::changes::EntryChange;

    fn with(entries: &[(&str, Option<u32>)]) -> PlanChanges {
        let mut changes = PlanChanges::default();
        for (id, target) in entries {
            changes.changes.insert(
                (*id).to_string(),
                EntryChange {
                    target: *target,
                    ..EntryChange::default()
                },
            );
        }
        changes
    }

    #[test]
    fn the_edit_lands_on_what_changed_meanwhile() {
        let base = with(&[]);
        let edited = with(&[("water", Some(10))]);
        let current = with(&[("sunscreen", Some(2))]);
        let merged = rebase(&base, &edited, &current).unwrap();
        assert_eq!(merged, with(&[("sunscreen", Some(2)), ("water", Some(10))]));
    }

    #[test]
    fn an_entry_removed_in_the_editor_goes_and_the_others_stay() {
        let base = with(&[("water", Some(10))]);
        let current = with(&[("water", Some(10)), ("ice", Some(3))]);
        let merged = rebase(&base, &with(&[]), &current).unwrap();
        assert_eq!(merged, with(&[("ice", Some(3))]));
    }

    #[test]
    fn an_entry_changed_both_ways_is_a_conflict() {
        let base = with(&[]);
        let edited = with(&[("water", Some(10))]);
        let current = with(&[("water", Some(12))]);
        assert_eq!(
            rebase(&base, &edited, &current),
            Err(vec!["water".to_string()])
        );
    }
}
