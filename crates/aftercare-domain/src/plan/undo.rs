//! Undo of a change to the plan, as the care undo is (`crate::undo`): an intent put on the
//! plan file as it is at that moment, inside its lock. A step keeps, for each entry it
//! changed, that entry's part of the file before and after; undoing puts "before" back
//! only where the entry still reads "after" — an entry changed meanwhile (from the shell,
//! another window) is said rather than overwritten. Redo is the undo of the undo.

use std::collections::BTreeSet;

use super::PlanError;
use super::changes::{EntryChange, OwnItem, OwnRestriction, PlanChanges};

/// One entry's part of the plan file: everything an edit of that entry can touch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryState {
    change: Option<EntryChange>,
    /// A patient's own item and its place in the list (the order is the checklist's).
    item: Option<(usize, OwnItem)>,
    restriction: Option<(usize, OwnRestriction)>,
    /// The label kept for the old ticks of an own item removed.
    removed: Option<String>,
}

impl EntryState {
    fn of(changes: &PlanChanges, id: &str) -> EntryState {
        EntryState {
            change: changes.changes.get(id).cloned(),
            item: changes
                .items
                .iter()
                .position(|i| i.id == id)
                .map(|at| (at, changes.items[at].clone())),
            restriction: changes
                .restrictions
                .iter()
                .position(|r| r.id == id)
                .map(|at| (at, changes.restrictions[at].clone())),
            removed: changes.removed.get(id).cloned(),
        }
    }

    fn put(&self, changes: &mut PlanChanges, id: &str) {
        match &self.change {
            Some(change) => changes.changes.insert(id.to_string(), change.clone()),
            None => changes.changes.remove(id),
        };
        changes.items.retain(|i| i.id != id);
        if let Some((at, item)) = &self.item {
            changes
                .items
                .insert((*at).min(changes.items.len()), item.clone());
        }
        changes.restrictions.retain(|r| r.id != id);
        if let Some((at, r)) = &self.restriction {
            let at = (*at).min(changes.restrictions.len());
            changes.restrictions.insert(at, r.clone());
        }
        match &self.removed {
            Some(label) => changes.removed.insert(id.to_string(), label.clone()),
            None => changes.removed.remove(id),
        };
    }
}

/// A change made to the plan: each entry it changed, before and after, and what it did
/// in words ("makeup changed: hours=48h").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanStep {
    entries: Vec<(String, EntryState, EntryState)>,
    window: (Option<u16>, Option<u16>),
    pub words: String,
}

impl PlanStep {
    /// The step that took the plan file from `before` to `after`.
    pub fn between(before: &PlanChanges, after: &PlanChanges, words: String) -> PlanStep {
        let ids: BTreeSet<&str> = [before, after]
            .into_iter()
            .flat_map(|c| {
                c.changes
                    .keys()
                    .map(String::as_str)
                    .chain(c.items.iter().map(|i| i.id.as_str()))
                    .chain(c.restrictions.iter().map(|r| r.id.as_str()))
                    .chain(c.removed.keys().map(String::as_str))
            })
            .collect();
        let entries = ids
            .into_iter()
            .map(|id| (id, EntryState::of(before, id), EntryState::of(after, id)))
            .filter(|(_, b, a)| b != a)
            .map(|(id, b, a)| (id.to_string(), b, a))
            .collect();
        PlanStep {
            entries,
            window: (before.symptom_window_days, after.symptom_window_days),
            words,
        }
    }

    /// The first entry it changed (where the Plan screen puts its cursor).
    pub fn first_id(&self) -> Option<&str> {
        self.entries.first().map(|(id, _, _)| id.as_str())
    }

    /// Puts back what this step replaced in `changes` (the file as it is now), returning
    /// the step that redoes it; refused when an entry it changed was changed since.
    pub fn undo_on(&self, changes: &mut PlanChanges) -> Result<PlanStep, PlanError> {
        for (id, _, after) in &self.entries {
            if EntryState::of(changes, id) != *after {
                return Err(PlanError::at(
                    id,
                    "",
                    format!("{id} was changed elsewhere since; left as it is"),
                ));
            }
        }
        if changes.symptom_window_days != self.window.1 {
            return Err(PlanError::new(
                "the days of expected redness were changed elsewhere since; left as it is",
            ));
        }
        for (id, before, _) in &self.entries {
            before.put(changes, id);
        }
        changes.symptom_window_days = self.window.0;
        Ok(PlanStep {
            entries: self
                .entries
                .iter()
                .map(|(id, before, after)| (id.clone(), after.clone(), before.clone()))
                .collect(),
            window: (self.window.1, self.window.0),
            words: self.words.clone(),
        })
    }
}
