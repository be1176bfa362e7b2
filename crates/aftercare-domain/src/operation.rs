//! Changes to the journal as values. A change is decided once (which tick, which edit
//! stamp, which identities), then applied to whatever the files hold at the moment it is
//! saved — so the shell and the app, writing the same month in turn, never undo each other.
//! Being values, they are also what undo will reverse.

use std::collections::BTreeSet;

use jiff::civil::Date;

use crate::model::{Month, MonthFile, Resolution, Symptoms, Treatment, TreatmentsFile};

use crate::model::{DayEntry, Edit, EventId, Photo, Tick};
use crate::time::Stamp;

/// One change the patient made, as saved in one transaction. Serialisable for the
/// command line's undo log (see `journal::undo_log`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Operation {
    /// A tick of a plan item (the item's id) on a day.
    Tick {
        date: Date,
        item: String,
        tick: Tick,
    },
    /// Ticks taken back; kept whole so that undo can put them back as they were.
    Untick {
        date: Date,
        item: String,
        ticks: Vec<Tick>,
    },
    /// The day's scores set, or cleared with `None`.
    Scores {
        date: Date,
        symptoms: Option<Symptoms>,
        edit: Edit,
    },
    /// The warning signs ticked on the day replaced (ids of the plan's list).
    Signs {
        date: Date,
        signs: Vec<String>,
        edit: Edit,
    },
    /// The alerts standing resolved on a day ("I called my clinic", "it went away"), or
    /// that resolution taken back with `None`.
    Resolve {
        date: Date,
        resolved: Option<Resolution>,
        edit: Edit,
    },
    /// The day's note replaced (an empty text removes it).
    Note {
        date: Date,
        text: String,
        edit: Edit,
    },
    /// The note as the patient rewrote it in a form: replaces only the versions they saw
    /// (`replaces`), so a version written elsewhere while the form was open stays beside
    /// it, as a merge of two copies keeps both.
    RewriteNote {
        date: Date,
        text: String,
        replaces: Vec<EventId>,
        edit: Edit,
    },
    /// A line added at the end of the day's note as it is when saved (`note --append`):
    /// two appends at once both stay.
    AppendNote {
        date: Date,
        line: String,
        edit: Edit,
    },
    /// A treatment recorded (with a fresh identity).
    AddTreatment(Treatment),
    /// A treatment corrected field by field: only the fields the patient changed, applied
    /// to the treatment as it is when saved.
    CorrectTreatment(TreatmentCorrection),
    /// A treatment corrected: same identity, a later edit stamp.
    EditTreatment(Treatment),
    /// A treatment deleted; kept whole for undo.
    DeleteTreatment(Treatment),
    /// A photo added to its day (its file already written beside the journal).
    AddPhoto { date: Date, photo: Photo },
    /// A photo removed (its file moved into `backups/`); kept whole so that undo can put
    /// it back.
    RemovePhoto { date: Date, photo: Photo },
    /// A photo's note written (an empty text clears it), by the photo's identity.
    PhotoNote {
        date: Date,
        id: EventId,
        text: String,
        edit: Edit,
    },
    /// Several changes saved together or not at all (a form with several fields).
    All(Vec<Operation>),
}

impl Operation {
    /// The month files this change writes.
    pub fn months(&self) -> BTreeSet<Month> {
        let mut months = BTreeSet::new();
        self.visit(&mut |op| match op {
            Operation::Tick { date, .. }
            | Operation::Untick { date, .. }
            | Operation::Scores { date, .. }
            | Operation::Signs { date, .. }
            | Operation::Resolve { date, .. }
            | Operation::Note { date, .. }
            | Operation::RewriteNote { date, .. }
            | Operation::AppendNote { date, .. }
            | Operation::AddPhoto { date, .. }
            | Operation::RemovePhoto { date, .. }
            | Operation::PhotoNote { date, .. } => {
                months.insert(Month::of(*date));
            }
            _ => {}
        });
        months
    }

    /// Whether this change writes `treatments.ron`.
    pub fn touches_treatments(&self) -> bool {
        let mut touches = false;
        self.visit(&mut |op| {
            touches |= matches!(
                op,
                Operation::AddTreatment(_)
                    | Operation::EditTreatment(_)
                    | Operation::CorrectTreatment(_)
                    | Operation::DeleteTreatment(_)
            );
        });
        touches
    }

    /// The photos this change adds and removes (leaves in order): the journal moves their
    /// files to match once the change is saved.
    pub fn photo_moves(&self) -> Vec<(bool, &Photo)> {
        let mut moves = Vec::new();
        self.visit_ref(&mut |op| match op {
            Operation::AddPhoto { photo, .. } => moves.push((true, photo)),
            Operation::RemovePhoto { photo, .. } => moves.push((false, photo)),
            _ => {}
        });
        moves
    }

    fn visit_ref<'a>(&'a self, f: &mut impl FnMut(&'a Operation)) {
        match self {
            Operation::All(ops) => ops.iter().for_each(|op| op.visit_ref(f)),
            op => f(op),
        }
    }

    fn visit(&self, f: &mut impl FnMut(&Operation)) {
        match self {
            Operation::All(ops) => ops.iter().for_each(|op| op.visit(f)),
            op => f(op),
        }
    }

    /// Applies the parts of this change that belong to `file`. Applying twice changes
    /// nothing more (ticks and edits carry identities), so a save retried after a failure
    /// is safe.
    pub fn apply_to_month(&self, file: &mut MonthFile) {
        self.visit(&mut |op| {
            let date = match op {
                Operation::Tick { date, .. }
                | Operation::Untick { date, .. }
                | Operation::Scores { date, .. }
                | Operation::Signs { date, .. }
                | Operation::Resolve { date, .. }
                | Operation::Note { date, .. }
                | Operation::RewriteNote { date, .. }
                | Operation::AppendNote { date, .. }
                | Operation::AddPhoto { date, .. }
                | Operation::RemovePhoto { date, .. }
                | Operation::PhotoNote { date, .. } => *date,
                _ => return,
            };
            if !file.month.contains(date) {
                return;
            }
            let entry = file.days.entry(date).or_default();
            match op {
                Operation::Tick { item, tick, .. } => entry.add_tick(item, *tick),
                Operation::Untick { item, ticks, .. } => {
                    entry.remove_ticks(item, ticks.iter().map(|t| t.id));
                }
                Operation::Scores { symptoms, edit, .. } => entry.set_symptoms(*symptoms, *edit),
                Operation::Signs { signs, edit, .. } => entry.set_signs(signs, *edit),
                Operation::Resolve { resolved, edit, .. } => entry.set_resolved(*resolved, *edit),
                Operation::Note { text, edit, .. } => entry.set_note(text, *edit),
                Operation::RewriteNote {
                    text,
                    replaces,
                    edit,
                    ..
                } => entry.rewrite_note(text, replaces, *edit),
                Operation::AppendNote { line, edit, .. } => entry.append_note(line, *edit),
                Operation::AddPhoto { photo, .. } => entry.add_photo(photo),
                Operation::RemovePhoto { photo, .. } => entry.remove_photo(photo.id),
                Operation::PhotoNote { id, text, edit, .. } => {
                    if let Some(photo) = entry.photos.iter_mut().find(|p| p.id == *id) {
                        photo.set_note(text, *edit);
                    }
                }
                _ => {}
            }
            if entry.is_blank() {
                file.days.remove(&date);
            }
        });
    }

    /// Applies the parts of this change that belong to `treatments.ron`.
    pub fn apply_to_treatments(&self, file: &mut TreatmentsFile) {
        self.visit(&mut |op| match op {
            Operation::AddTreatment(treatment) | Operation::EditTreatment(treatment) => {
                if file.deleted.contains(&treatment.id) {
                    return;
                }
                match file.treatments.iter_mut().find(|t| t.id == treatment.id) {
                    Some(kept) if kept.edit < treatment.edit => *kept = treatment.clone(),
                    Some(_) => {}
                    None => file.treatments.push(treatment.clone()),
                }
                file.treatments.sort_by_key(Treatment::order_key);
            }
            Operation::CorrectTreatment(correction) => {
                if let Some(kept) = file.treatments.iter_mut().find(|t| t.id == correction.id)
                    && kept.edit < Some(correction.edit)
                {
                    correction.apply(kept);
                    file.treatments.sort_by_key(Treatment::order_key);
                }
            }
            Operation::DeleteTreatment(treatment) => {
                file.deleted.insert(treatment.id);
                file.treatments.retain(|t| t.id != treatment.id);
            }
            _ => {}
        });
    }
}

/// The fields of one treatment a correction changes (`None`: left as it is on disk).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TreatmentCorrection {
    pub id: EventId,
    pub at: Option<Stamp>,
    pub area: Option<String>,
    pub note: Option<String>,
    /// The procedure, when it is corrected (an older undo log has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<crate::model::Procedure>,
    /// Later than the treatment's edit when it was decided (see `Edit::after`).
    pub edit: Edit,
    /// When the treatment is once corrected: names it in messages ("Undid: treatment of
    /// 2027-03-14 09:00") whichever fields changed.
    pub named_at: Stamp,
}

impl TreatmentCorrection {
    /// The fields that differ between `old` and `new` (identity and stamp aside), as a
    /// correction of `old` stamped after its last edit; `None` when nothing differs.
    pub fn between(old: &Treatment, new: &Treatment, now: Stamp) -> Option<TreatmentCorrection> {
        let correction = TreatmentCorrection {
            id: old.id,
            at: (new.at != old.at).then_some(new.at),
            area: (new.area != old.area).then(|| new.area.clone()),
            note: (new.note != old.note).then(|| new.note.clone()),
            procedure: (new.procedure != old.procedure).then_some(new.procedure),
            edit: Edit::after(now, old.edit),
            named_at: new.at,
        };
        correction.changes_anything().then_some(correction)
    }

    /// Whether any field is given.
    pub fn changes_anything(&self) -> bool {
        self.at.is_some() || self.area.is_some() || self.note.is_some() || self.procedure.is_some()
    }

    /// Writes the given fields into `treatment` and stamps it.
    pub fn apply(&self, treatment: &mut Treatment) {
        if let Some(at) = self.at {
            treatment.at = at;
        }
        if let Some(area) = &self.area {
            treatment.area.clone_from(area);
        }
        if let Some(note) = &self.note {
            treatment.note.clone_from(note);
        }
        if let Some(procedure) = self.procedure {
            treatment.procedure = procedure;
        }
        treatment.edit = Some(self.edit);
    }

    /// The treatment as `treatment` would read corrected.
    pub fn applied_to(&self, treatment: &Treatment) -> Treatment {
        let mut corrected = treatment.clone();
        self.apply(&mut corrected);
        corrected
    }
}

/// A fresh identity for a new treatment, and the stamp of its first edit.
pub fn new_treatment_identity(treatment: &mut Treatment) {
    treatment.id = EventId::random();
    treatment.edit = Some(Edit {
        at: treatment.at,
        id: EventId::random(),
    });
}

/// The operations that turn day `before` into day `after` (edited as a whole, by a tool
/// or a test): ticks added or taken back, new scores, a new note; `None` if nothing
/// changed. New edits are stamped `now` (later than the ones they replace).
pub fn difference(
    date: Date,
    before: &DayEntry,
    after: &DayEntry,
    now: Stamp,
) -> Option<Operation> {
    let mut ops = Vec::new();
    let items: BTreeSet<&String> = before.ticks.keys().chain(after.ticks.keys()).collect();
    for item in items {
        let (old, new) = (before.ticks_of(item), after.ticks_of(item));
        for tick in new.iter().filter(|t| !old.iter().any(|o| o.id == t.id)) {
            ops.push(Operation::Tick {
                date,
                item: item.clone(),
                tick: *tick,
            });
        }
        let gone: Vec<Tick> = old
            .iter()
            .filter(|t| !new.iter().any(|n| n.id == t.id))
            .copied()
            .collect();
        if !gone.is_empty() {
            ops.push(Operation::Untick {
                date,
                item: item.clone(),
                ticks: gone,
            });
        }
    }
    if before.symptoms() != after.symptoms() {
        ops.push(Operation::Scores {
            date,
            symptoms: after.symptoms(),
            edit: Edit::after(now, before.symptoms_edit),
        });
    }
    if before.signs != after.signs {
        ops.push(Operation::Signs {
            date,
            signs: after.signs.clone(),
            edit: Edit::after(now, before.signs_edit),
        });
    }
    if before.resolved != after.resolved {
        ops.push(Operation::Resolve {
            date,
            resolved: after.resolved,
            edit: Edit::after(now, before.resolved_edit),
        });
    }
    if before.note() != after.note() {
        ops.push(Operation::Note {
            date,
            text: after.note(),
            edit: Edit::after(now, before.notes.iter().map(|v| v.edit).max()),
        });
    }
    match ops.len() {
        0 => None,
        1 => ops.pop(),
        _ => Some(Operation::All(ops)),
    }
}
