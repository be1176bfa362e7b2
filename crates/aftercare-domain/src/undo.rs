//! Undo as one more change: the inverse of an applied [`Operation`], decided on the
//! journal as it is at the moment of the undo and saved as a new transaction, so it works
//! beside other writers and sync tools. Undoing a tick takes back *that* tick (by its
//! identity); undoing a score, a note or a treatment correction puts back the value it
//! replaced — unless another writer changed it meanwhile, which is said rather than
//! clobbered ([`Conflict`]).
//!
//! What a value replaced is not in the operation itself (scores, notes and treatment edits
//! carry only their new value), so each applied operation is kept as a [`Done`] with its
//! [`Prior`] values, read from the journal just before it was applied.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::event::{Edit, EventId, Tick};
use crate::model::{DayEntry, Resolution, Symptoms, Treatment};
use crate::operation::{Operation, TreatmentCorrection};
use crate::time::Stamp;

/// What a leaf of an operation replaced: the value undo puts back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Prior {
    /// The day's scores before (none when the day had none).
    Scores {
        date: Date,
        symptoms: Option<Symptoms>,
    },
    /// The day's note before (empty when it had none).
    Note { date: Date, text: String },
    /// The warning signs ticked on the day before (none when it had none).
    Signs { date: Date, signs: Vec<String> },
    /// The day's resolution of the alerts before (none when it had none).
    Resolved {
        date: Date,
        resolved: Option<Resolution>,
    },
    /// The treatment as it was before a correction.
    Treatment(Treatment),
    /// A photo's note before (empty when it had none).
    PhotoNote { id: EventId, text: String },
}

/// An applied operation and the values it replaced: what undo (and redo) reverse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Done {
    pub op: Operation,
    pub priors: Vec<Prior>,
}

/// Why an undo was refused: the thing was changed since by someone else (another window,
/// the shell, another device). Reads as a sentence: "water on 2027-03-14 was taken back
/// meanwhile".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict(pub String);

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The journal as an undo reads it: a day's entry, and the treatments.
pub trait View {
    fn day(&self, date: Date) -> Option<&DayEntry>;
    fn treatments(&self) -> &[Treatment];
}

impl Done {
    /// Records what `op` is about to replace in `view` (call it before applying `op`).
    pub fn record(op: &Operation, view: &dyn View) -> Done {
        let mut priors = Vec::new();
        leaves(op, &mut |leaf| match leaf {
            Operation::Scores { date, .. } => priors.push(Prior::Scores {
                date: *date,
                symptoms: view.day(*date).and_then(DayEntry::symptoms),
            }),
            Operation::Note { date, .. }
            | Operation::RewriteNote { date, .. }
            | Operation::AppendNote { date, .. } => priors.push(Prior::Note {
                date: *date,
                text: view.day(*date).map(DayEntry::note).unwrap_or_default(),
            }),
            Operation::Signs { date, .. } => priors.push(Prior::Signs {
                date: *date,
                signs: view.day(*date).map(|d| d.signs.clone()).unwrap_or_default(),
            }),
            Operation::Resolve { date, .. } => priors.push(Prior::Resolved {
                date: *date,
                resolved: view.day(*date).and_then(|d| d.resolved),
            }),
            Operation::PhotoNote { date, id, .. } => priors.push(Prior::PhotoNote {
                id: *id,
                text: view
                    .day(*date)
                    .and_then(|d| d.photo(*id))
                    .map(|p| p.note.clone())
                    .unwrap_or_default(),
            }),
            Operation::EditTreatment(Treatment { id, .. })
            | Operation::CorrectTreatment(TreatmentCorrection { id, .. }) => {
                if let Some(old) = view.treatments().iter().find(|o| o.id == *id) {
                    priors.push(Prior::Treatment(old.clone()));
                }
            }
            _ => {}
        });
        Done {
            op: op.clone(),
            priors,
        }
    }

    /// The operation that reverses this one on the journal as `view` shows it now, stamped
    /// `now`; or why it cannot be reversed without overwriting someone else's change.
    /// Ticks that are put back (undoing an untick or a delete) get fresh identities: the
    /// old ones are tombstoned, and a merge must never bring them back.
    pub fn inverse(&self, view: &dyn View, now: Stamp) -> Result<Operation, Conflict> {
        let mut ops = Vec::new();
        let mut leaves_rev = Vec::new();
        leaves(&self.op, &mut |leaf| leaves_rev.push(leaf.clone()));
        for leaf in leaves_rev.into_iter().rev() {
            ops.push(self.inverse_leaf(&leaf, view, now)?);
        }
        Ok(match ops.len() {
            1 => ops.pop().expect("one"),
            _ => Operation::All(ops),
        })
    }

    fn inverse_leaf(
        &self,
        leaf: &Operation,
        view: &dyn View,
        now: Stamp,
    ) -> Result<Operation, Conflict> {
        match leaf {
            Operation::Tick { date, item, tick } => {
                let live = view
                    .day(*date)
                    .is_some_and(|d| d.ticks_of(item).iter().any(|t| t.id == tick.id));
                if !live {
                    return Err(Conflict(format!(
                        "that tick of {item} on {date} was already taken back elsewhere"
                    )));
                }
                Ok(Operation::Untick {
                    date: *date,
                    item: item.clone(),
                    ticks: vec![*tick],
                })
            }
            Operation::Untick { date, item, ticks } => {
                let back: Vec<Operation> = ticks
                    .iter()
                    .map(|t| Operation::Tick {
                        date: *date,
                        item: item.clone(),
                        tick: Tick {
                            at: t.at,
                            id: EventId::random(),
                        },
                    })
                    .collect();
                Ok(match back.len() {
                    1 => back.into_iter().next().expect("one"),
                    _ => Operation::All(back),
                })
            }
            Operation::Scores {
                date,
                symptoms,
                edit,
            } => {
                // Still what this change set (compared by value: an undo of a later
                // change may have put it back with a stamp of its own).
                let day = view.day(*date);
                if day.and_then(DayEntry::symptoms) != *symptoms {
                    return Err(Conflict(format!(
                        "the scores of {date} were changed elsewhere since"
                    )));
                }
                let before = self.priors.iter().find_map(|p| match p {
                    Prior::Scores { date: d, symptoms } if d == date => Some(*symptoms),
                    _ => None,
                });
                let latest = day.and_then(|d| d.symptoms_edit).max(Some(*edit));
                Ok(Operation::Scores {
                    date: *date,
                    symptoms: before.flatten(),
                    edit: Edit::after(now, latest),
                })
            }
            Operation::Signs { date, signs, edit } => {
                let day = view.day(*date);
                if day.map_or(&[][..], |d| d.signs.as_slice()) != signs.as_slice() {
                    return Err(Conflict(format!(
                        "the warning signs of {date} were changed elsewhere since"
                    )));
                }
                let before = self.priors.iter().find_map(|p| match p {
                    Prior::Signs { date: d, signs } if d == date => Some(signs.clone()),
                    _ => None,
                });
                let latest = day.and_then(|d| d.signs_edit).max(Some(*edit));
                Ok(Operation::Signs {
                    date: *date,
                    signs: before.unwrap_or_default(),
                    edit: Edit::after(now, latest),
                })
            }
            Operation::Resolve {
                date,
                resolved,
                edit,
            } => {
                let day = view.day(*date);
                if day.and_then(|d| d.resolved) != *resolved {
                    return Err(Conflict(format!(
                        "the alerts' resolution of {date} was changed elsewhere since"
                    )));
                }
                let before = self.priors.iter().find_map(|p| match p {
                    Prior::Resolved { date: d, resolved } if d == date => Some(*resolved),
                    _ => None,
                });
                let latest = day.and_then(|d| d.resolved_edit).max(Some(*edit));
                Ok(Operation::Resolve {
                    date: *date,
                    resolved: before.flatten(),
                    edit: Edit::after(now, latest),
                })
            }
            Operation::Note { date, edit, .. }
            | Operation::RewriteNote { date, edit, .. }
            | Operation::AppendNote { date, edit, .. } => {
                let before = self.priors.iter().find_map(|p| match p {
                    Prior::Note { date: d, text } if d == date => Some(text.clone()),
                    _ => None,
                });
                let left = match leaf {
                    Operation::AppendNote { line, .. } => {
                        let mut day = DayEntry::default();
                        day.write_note(before.as_deref().unwrap_or_default());
                        day.append_note(line, *edit);
                        day.note()
                    }
                    Operation::Note { text, .. } | Operation::RewriteNote { text, .. } => {
                        text.clone()
                    }
                    _ => unreachable!("a note leaf"),
                };
                let day = view.day(*date);
                if day.map(DayEntry::note).unwrap_or_default() != left {
                    return Err(Conflict(format!(
                        "the note of {date} was changed elsewhere since"
                    )));
                }
                let latest = day
                    .and_then(|d| d.notes.iter().map(|v| v.edit).max())
                    .max(Some(*edit));
                Ok(Operation::Note {
                    date: *date,
                    text: before.unwrap_or_default(),
                    edit: Edit::after(now, latest),
                })
            }
            Operation::AddTreatment(added) => {
                match view.treatments().iter().find(|t| t.id == added.id) {
                    Some(current) if current.same_as(added) => {
                        Ok(Operation::DeleteTreatment(current.clone()))
                    }
                    Some(_) => Err(Conflict(format!(
                        "the treatment of {} was corrected elsewhere since",
                        added.at
                    ))),
                    None => Err(Conflict(format!(
                        "the treatment of {} was already deleted elsewhere",
                        added.at
                    ))),
                }
            }
            Operation::EditTreatment(edited) => {
                let current = view.treatments().iter().find(|t| t.id == edited.id);
                let Some(current) = current.filter(|c| c.same_as(edited)) else {
                    return Err(Conflict(format!(
                        "the treatment of {} was changed or deleted elsewhere since",
                        edited.at
                    )));
                };
                let before = self.priors.iter().find_map(|p| match p {
                    Prior::Treatment(t) if t.id == edited.id => Some(t.clone()),
                    _ => None,
                });
                let Some(before) = before else {
                    return Err(Conflict(format!(
                        "what the treatment of {} was before is not known",
                        edited.at
                    )));
                };
                Ok(Operation::EditTreatment(Treatment {
                    edit: Some(Edit::after(now, current.edit)),
                    ..before
                }))
            }
            Operation::CorrectTreatment(correction) => {
                let current = view.treatments().iter().find(|t| t.id == correction.id);
                let still = current.filter(|c| {
                    correction.at.is_none_or(|at| c.at == at)
                        && correction.area.as_ref().is_none_or(|a| c.area == *a)
                        && correction.note.as_ref().is_none_or(|n| c.note == *n)
                });
                let Some(current) = still else {
                    return Err(Conflict(
                        "that treatment was changed or deleted elsewhere since".to_string(),
                    ));
                };
                let before = self.priors.iter().find_map(|p| match p {
                    Prior::Treatment(t) if t.id == correction.id => Some(t.clone()),
                    _ => None,
                });
                let Some(before) = before else {
                    return Err(Conflict(format!(
                        "what the treatment of {} was before is not known",
                        current.at
                    )));
                };
                Ok(Operation::CorrectTreatment(TreatmentCorrection {
                    id: correction.id,
                    at: correction.at.map(|_| before.at),
                    area: correction.area.as_ref().map(|_| before.area.clone()),
                    note: correction.note.as_ref().map(|_| before.note.clone()),
                    procedure: correction.procedure.map(|_| before.procedure),
                    edit: Edit::after(now, current.edit),
                    named_at: if correction.at.is_some() {
                        before.at
                    } else {
                        current.at
                    },
                }))
            }
            Operation::DeleteTreatment(deleted) => {
                // The old identity is tombstoned: it comes back as a new session.
                let mut back = deleted.clone();
                back.id = EventId::random();
                back.edit = Some(Edit::after(now, deleted.edit));
                Ok(Operation::AddTreatment(back))
            }
            Operation::AddPhoto { date, photo } => {
                match view.day(*date).and_then(|d| d.photo(photo.id)) {
                    Some(current) => Ok(Operation::RemovePhoto {
                        date: *date,
                        photo: current.clone(),
                    }),
                    None => Err(Conflict(format!(
                        "that photo of {date} was already removed elsewhere"
                    ))),
                }
            }
            Operation::RemovePhoto { date, photo } => {
                // The old identity is tombstoned: it comes back under a new one, with its
                // file (the journal brings the file back from `backups/`).
                let mut back = photo.clone();
                back.id = EventId::random();
                Ok(Operation::AddPhoto {
                    date: *date,
                    photo: back,
                })
            }
            Operation::PhotoNote {
                date,
                id,
                text,
                edit,
            } => {
                let current = view.day(*date).and_then(|d| d.photo(*id));
                let Some(current) = current.filter(|p| p.note == *text) else {
                    return Err(Conflict(format!(
                        "that photo of {date} was changed or removed elsewhere since"
                    )));
                };
                let before = self.priors.iter().find_map(|p| match p {
                    Prior::PhotoNote { id: i, text } if i == id => Some(text.clone()),
                    _ => None,
                });
                Ok(Operation::PhotoNote {
                    date: *date,
                    id: *id,
                    text: before.unwrap_or_default(),
                    edit: Edit::after(now, current.note_edit.max(Some(*edit))),
                })
            }
            Operation::All(_) => unreachable!("leaves are never All"),
        }
    }
}

/// The leaves of an operation, in order (an `All` flattened).
fn leaves(op: &Operation, f: &mut impl FnMut(&Operation)) {
    match op {
        Operation::All(ops) => ops.iter().for_each(|op| leaves(op, f)),
        op => f(op),
    }
}

/// The day and item of an operation's first tick or untick (for describing it).
pub fn first_tick_item(op: &Operation) -> Option<(Date, String)> {
    let mut found = None;
    leaves(op, &mut |leaf| {
        if found.is_none()
            && let Operation::Tick { date, item, .. } | Operation::Untick { date, item, .. } = leaf
        {
            found = Some((*date, item.clone()));
        }
    });
    found
}

/// What an operation changes, in a few words a patient reads on the status line: "the
/// scores and note of 2027-03-14", "the treatment of 2027-03-14 08:30". Ticks are
/// described with their counts by the caller (it knows the plan).
pub fn subject(op: &Operation) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut dates: Vec<Date> = Vec::new();
    leaves(op, &mut |leaf| {
        let (part, date) = match leaf {
            Operation::Tick { date, item, .. } | Operation::Untick { date, item, .. } => {
                (item.clone(), Some(*date))
            }
            Operation::Scores { date, .. } => ("scores".to_string(), Some(*date)),
            Operation::Note { date, .. }
            | Operation::RewriteNote { date, .. }
            | Operation::AppendNote { date, .. } => ("note".to_string(), Some(*date)),
            Operation::Signs { date, .. } => ("warning signs".to_string(), Some(*date)),
            Operation::Resolve { date, .. } => ("alerts resolved".to_string(), Some(*date)),
            Operation::AddPhoto { date, .. } => ("photo".to_string(), Some(*date)),
            Operation::RemovePhoto { date, .. } => ("removed photo".to_string(), Some(*date)),
            Operation::PhotoNote { date, .. } => ("photo note".to_string(), Some(*date)),
            Operation::AddTreatment(t) => (format!("recorded treatment of {}", short(t.at)), None),
            Operation::EditTreatment(t) => (format!("treatment of {}", short(t.at)), None),
            Operation::CorrectTreatment(c) => (format!("treatment of {}", short(c.named_at)), None),
            Operation::DeleteTreatment(t) => {
                (format!("deleted treatment of {}", short(t.at)), None)
            }
            Operation::All(_) => return,
        };
        if !parts.contains(&part) {
            parts.push(part);
        }
        if let Some(date) = date
            && !dates.contains(&date)
        {
            dates.push(date);
        }
    });
    let mut text = match parts.as_slice() {
        [] => "nothing".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    if let [date] = dates.as_slice() {
        text = format!("{text} of {date}");
    }
    text
}

/// The status line's words for an undone (or redone) change: "Glasses of water 3/8 →
/// 2/8" when it ticked one item (`counts`: the item's count before and after), else its
/// [`subject`]. A day other than `today` is named.
pub fn describe(
    op: &Operation,
    plan: &crate::plan::CarePlan,
    counts: Option<(u32, u32)>,
    today: Date,
) -> String {
    use crate::recovery::ItemProgress;
    let single_item = first_tick_item(op).filter(|(date, item)| {
        let mut same = true;
        leaves(op, &mut |leaf| match leaf {
            Operation::Tick {
                date: d, item: i, ..
            }
            | Operation::Untick {
                date: d, item: i, ..
            } => {
                same &= d == date && i == item;
            }
            _ => same = false,
        });
        same
    });
    match (single_item, counts) {
        (Some((date, id)), Some((before, after))) => {
            let Some(item) = plan.item(&id) else {
                return format!("{id} {before} → {after}");
            };
            let text = |count| ItemProgress::new(item, count).progress_text();
            let on = if date == today {
                String::new()
            } else {
                format!(" on {date}")
            };
            format!("{}{on} {} → {}", item.label, text(before), text(after))
        }
        _ => subject(op),
    }
}

/// A treatment's time as the patient entered it: "2027-03-14 08:30".
fn short(at: Stamp) -> String {
    at.local().strftime("%Y-%m-%d %H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Score;

    struct Mem {
        day: DayEntry,
        treatments: Vec<Treatment>,
    }
    impl View for Mem {
        fn day(&self, _: Date) -> Option<&DayEntry> {
            Some(&self.day)
        }
        fn treatments(&self) -> &[Treatment] {
            &self.treatments
        }
    }

    fn stamp(s: &str) -> Stamp {
        Stamp::of(&s.parse::<jiff::ZonedDateTime>().unwrap())
    }

    #[test]
    fn a_tick_taken_back_elsewhere_is_a_conflict_not_a_second_untick() {
        let date = jiff::civil::date(2027, 3, 14);
        let tick = Tick::new(stamp("2027-03-14T09:00[UTC]"));
        let op = Operation::Tick {
            date,
            item: "water".into(),
            tick,
        };
        let mut mem = Mem {
            day: DayEntry::default(),
            treatments: vec![],
        };
        let done = Done::record(&op, &mem);
        op.apply_to_month(&mut crate::model::MonthFile::empty(
            crate::model::Month::of(date),
        ));
        mem.day.add_tick("water", tick);
        let now = stamp("2027-03-14T09:01[UTC]");
        assert!(matches!(
            done.inverse(&mem, now),
            Ok(Operation::Untick { ref ticks, .. }) if ticks == &vec![tick]
        ));
        mem.day.remove_ticks("water", [tick.id]);
        assert!(done.inverse(&mem, now).is_err());
    }

    #[test]
    fn scores_changed_elsewhere_are_left_alone() {
        let date = jiff::civil::date(2027, 3, 14);
        let mut mem = Mem {
            day: DayEntry::default(),
            treatments: vec![],
        };
        let s = |n| Symptoms {
            redness: Score(n),
            ..Symptoms::default()
        };
        let edit = Edit::after(stamp("2027-03-14T09:00[UTC]"), None);
        mem.day.set_symptoms(Some(s(1)), edit);
        let edit2 = Edit::after(stamp("2027-03-14T10:00[UTC]"), Some(edit));
        let op = Operation::Scores {
            date,
            symptoms: Some(s(3)),
            edit: edit2,
        };
        let done = Done::record(&op, &mem);
        mem.day.set_symptoms(Some(s(3)), edit2);
        let now = stamp("2027-03-14T11:00[UTC]");
        match done.inverse(&mem, now) {
            Ok(Operation::Scores { symptoms, edit, .. }) => {
                assert_eq!(symptoms, Some(s(1)));
                assert!(edit > edit2);
            }
            other => panic!("{other:?}"),
        }
        mem.day.set_symptoms(
            Some(s(2)),
            Edit::after(stamp("2027-03-14T10:30[UTC]"), Some(edit2)),
        );
        assert!(done.inverse(&mem, now).is_err());
    }
}
