//! Undo as operations: the change that reverses another, decided from what the journal
//! held just before it. Applied like any change (a transaction with fresh identities and
//! later edit stamps), an undo merges with other writers like everything else, and is
//! itself undone the same way (redo).

use jiff::civil::Date;

use crate::domain::event::{Edit, EventId, Tick};
use crate::domain::model::{DayEntry, Treatment};
use crate::domain::operation::{Operation, new_treatment_identity};
use crate::domain::time::Stamp;

/// What the journal held before `op` was applied, as far as undoing it needs.
pub struct Before<'a> {
    /// The day entries of the dates `op` changed (absent: the day was empty).
    pub day: &'a dyn Fn(Date) -> Option<DayEntry>,
    /// The treatments as they were.
    pub treatments: &'a [Treatment],
}

/// The operation that puts back what `op` changed, stamped `now`; `None` when there is
/// nothing to put back (a correction of a treatment no longer known).
pub fn inverse(op: &Operation, before: &Before<'_>, now: Stamp) -> Option<Operation> {
    Some(match op {
        Operation::Tick { date, item, tick } => Operation::Untick {
            date: *date,
            item: item.clone(),
            ticks: vec![*tick],
        },
        // A tick taken back left a tombstone: it comes back as a new tick of the same time.
        Operation::Untick { date, item, ticks } => all(ticks
            .iter()
            .map(|tick| Operation::Tick {
                date: *date,
                item: item.clone(),
                tick: Tick {
                    at: tick.at,
                    id: EventId::random(),
                },
            })
            .collect())?,
        Operation::Scores { date, edit, .. } => Operation::Scores {
            date: *date,
            symptoms: (before.day)(*date).and_then(|day| day.symptoms()),
            edit: Edit::after(now, Some(*edit)),
        },
        Operation::Note { date, edit, .. } => Operation::Note {
            date: *date,
            text: (before.day)(*date)
                .map(|day| day.note())
                .unwrap_or_default(),
            edit: Edit::after(now, Some(*edit)),
        },
        Operation::AddTreatment(treatment) => Operation::DeleteTreatment(treatment.clone()),
        // A deleted identity stays deleted: the session comes back as a new one.
        Operation::DeleteTreatment(treatment) => {
            let mut again = treatment.clone();
            new_treatment_identity(&mut again);
            Operation::AddTreatment(again)
        }
        Operation::EditTreatment(corrected) => {
            let old = before.treatments.iter().find(|t| t.id == corrected.id)?;
            Operation::EditTreatment(Treatment {
                edit: Some(Edit::after(now, corrected.edit)),
                ..old.clone()
            })
        }
        Operation::All(ops) => all(ops
            .iter()
            .rev()
            .filter_map(|op| inverse(op, before, now))
            .collect())?,
    })
}

/// One operation for several, `None` for none.
fn all(mut ops: Vec<Operation>) -> Option<Operation> {
    match ops.len() {
        0 => None,
        1 => ops.pop(),
        _ => Some(Operation::All(ops)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Score, Symptoms};

    fn now() -> Stamp {
        Stamp::of(&"2027-03-15T10:00:00[Europe/Paris]".parse().unwrap())
    }

    #[test]
    fn a_tick_is_undone_by_taking_it_back_and_that_by_a_fresh_tick() {
        let date = jiff::civil::date(2027, 3, 15);
        let tick = Tick::new(now());
        let op = Operation::Tick {
            date,
            item: "water".into(),
            tick,
        };
        let before = Before {
            day: &|_| None,
            treatments: &[],
        };
        let undo = inverse(&op, &before, now()).unwrap();
        assert_eq!(
            undo,
            Operation::Untick {
                date,
                item: "water".into(),
                ticks: vec![tick]
            }
        );
        let Some(Operation::Tick { tick: again, .. }) = inverse(&undo, &before, now()) else {
            panic!("redo ticks again");
        };
        assert_ne!(
            again.id, tick.id,
            "a new identity: the old one is a tombstone"
        );
    }

    #[test]
    fn scores_come_back_as_they_were() {
        let date = jiff::civil::date(2027, 3, 15);
        let mut day = DayEntry::default();
        let old = Symptoms {
            redness: Score(3),
            ..Symptoms::default()
        };
        let first = Edit::after(now(), None);
        day.set_symptoms(Some(old), first);
        let op = Operation::Scores {
            date,
            symptoms: None,
            edit: Edit::after(now(), Some(first)),
        };
        let lookup = |_| Some(day.clone());
        let before = Before {
            day: &lookup,
            treatments: &[],
        };
        let Some(Operation::Scores { symptoms, edit, .. }) = inverse(&op, &before, now()) else {
            panic!("scores undo");
        };
        assert_eq!(symptoms, Some(old));
        assert!(
            Some(edit) > Some(first),
            "later than the change it reverses"
        );
    }
}
