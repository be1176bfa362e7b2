//! Exact merge of two copies of a journal file that grew apart (two machines, a sync tool's
//! conflict copy). Nothing either side logged is lost: ticks are a set of events minus a
//! set of tombstones, scores and treatments keep the later edit, a note edited on both
//! sides keeps both texts. The merge is commutative, associative and idempotent — the
//! order in which copies meet does not matter, and meeting twice changes nothing.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{MonthFile, Treatment, TreatmentsFile};

use crate::model::{DayEntry, EventId, NoteVersion, Photo, Tick};

/// Takes `other` into `self`.
pub trait Merge {
    fn merge(&mut self, other: &Self);
}

impl Merge for DayEntry {
    fn merge(&mut self, other: &DayEntry) {
        self.unticked.extend(other.unticked.iter().copied());
        let mut items: BTreeMap<String, BTreeSet<Tick>> = BTreeMap::new();
        for (item, ticks) in self.ticks.iter().chain(&other.ticks) {
            items
                .entry(item.clone())
                .or_default()
                .extend(ticks.iter().copied());
        }
        self.ticks = items
            .into_iter()
            .map(|(item, ticks)| {
                let live: Vec<Tick> = ticks
                    .into_iter()
                    .filter(|tick| !self.unticked.contains(&tick.id))
                    .collect();
                (item, live)
            })
            .filter(|(_, ticks)| !ticks.is_empty())
            .collect();

        // Scores: the later edit wins; an unstamped (version-1) value loses to any edit,
        // and two unstamped values are ordered by value, the same way on both sides.
        let ours = (self.symptoms_edit, self.symptoms);
        let theirs = (other.symptoms_edit, other.symptoms);
        let later = if theirs.0 != ours.0 {
            std::cmp::max_by_key(ours, theirs, |(edit, _)| *edit)
        } else {
            std::cmp::max_by(ours, theirs, |a, b| {
                let key = |s: Option<crate::model::Symptoms>| {
                    s.map(|s| (s.redness, s.swelling, s.pain, s.dryness))
                };
                key(a.1).cmp(&key(b.1))
            })
        };
        (self.symptoms_edit, self.symptoms) = later;

        // Warning signs: the later edit wins, as for the scores.
        if other.signs_edit > self.signs_edit
            || (other.signs_edit == self.signs_edit && other.signs > self.signs)
        {
            self.signs_edit = other.signs_edit;
            self.signs.clone_from(&other.signs);
        }

        // The resolution of the alerts: the later edit wins, as for the scores.
        if other.resolved_edit > self.resolved_edit
            || (other.resolved_edit == self.resolved_edit && other.resolved > self.resolved)
        {
            self.resolved_edit = other.resolved_edit;
            self.resolved = other.resolved;
        }

        // Photos: a set of entries minus a set of tombstones; of two copies of one photo,
        // the later note wins.
        self.removed_photos
            .extend(other.removed_photos.iter().copied());
        let mut photos: BTreeMap<EventId, Photo> = BTreeMap::new();
        for photo in self.photos.iter().chain(&other.photos) {
            let kept = match photos.get(&photo.id) {
                Some(kept) => Photo::later(kept, photo).clone(),
                None => photo.clone(),
            };
            photos.insert(photo.id, kept);
        }
        self.photos = photos
            .into_values()
            .filter(|photo| !self.removed_photos.contains(&photo.id))
            .collect();
        self.photos.sort_by_key(Photo::order_key);

        self.replaced.extend(other.replaced.iter().copied());
        let versions: BTreeSet<NoteVersion> =
            self.notes.iter().chain(&other.notes).cloned().collect();
        self.notes = versions
            .into_iter()
            .filter(|version| !self.replaced.contains(&version.edit.id))
            .collect();
    }
}

impl Merge for MonthFile {
    fn merge(&mut self, other: &MonthFile) {
        for (date, entry) in &other.days {
            match self.days.get_mut(date) {
                Some(ours) => ours.merge(entry),
                None => {
                    self.days.insert(*date, entry.clone());
                }
            }
        }
        self.version = self.version.max(other.version);
    }
}

impl Merge for TreatmentsFile {
    fn merge(&mut self, other: &TreatmentsFile) {
        self.deleted.extend(other.deleted.iter().copied());
        let mut by_id: BTreeMap<_, Treatment> = BTreeMap::new();
        for treatment in self.treatments.iter().chain(&other.treatments) {
            match by_id.get_mut(&treatment.id) {
                Some(kept) if later_treatment(treatment, kept) => *kept = treatment.clone(),
                Some(_) => {}
                None => {
                    by_id.insert(treatment.id, treatment.clone());
                }
            }
        }
        self.treatments = by_id
            .into_values()
            .filter(|t| !self.deleted.contains(&t.id))
            .collect();
        self.treatments.sort_by_key(Treatment::order_key);
        self.version = self.version.max(other.version);
    }
}

/// Whether `a` is a later version of a treatment than `b`: the later edit, and between
/// equal edits (corrupted or hand-edited files) a fixed order of the content.
fn later_treatment(a: &Treatment, b: &Treatment) -> bool {
    if a.edit != b.edit {
        return a.edit > b.edit;
    }
    let content = |t: &Treatment| {
        (
            t.at.instant,
            t.at.offset.seconds(),
            t.area.clone(),
            t.note.clone(),
        )
    };
    content(a) > content(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{Edit, EventId};
    use crate::model::{Score, Symptoms};
    use crate::model::{Treatment, TreatmentsFile};
    use crate::time::Stamp;
    use proptest::prelude::*;

    /// One change a machine can make to a day.
    #[derive(Debug, Clone)]
    enum Change {
        Tick(u8, i64),
        Untick(u8, usize),
        Scores(Option<u8>, i64),
        Note(String, i64),
    }

    const ITEMS: [&str; 3] = ["water", "sunscreen", "ice"];

    fn stamp(second: i64) -> Stamp {
        Stamp {
            instant: jiff::Timestamp::from_second(1_800_000_000 + second).unwrap(),
            offset: jiff::tz::offset(1),
        }
    }

    fn change() -> impl Strategy<Value = Change> {
        // Few distinct seconds, so that ticks and edits often share one.
        prop_oneof![
            4 => (0..3u8, 0..4i64).prop_map(|(i, s)| Change::Tick(i, s)),
            2 => (0..3u8, 0..4usize).prop_map(|(i, n)| Change::Untick(i, n)),
            1 => (proptest::option::of(0..5u8), 0..4i64).prop_map(|(v, s)| Change::Scores(v, s)),
            1 => ("[a-c]{0,2}", 0..4i64).prop_map(|(t, s)| Change::Note(t, s)),
        ]
    }

    fn apply(day: &mut DayEntry, change: &Change) {
        match change {
            Change::Tick(item, second) => {
                day.add_tick(ITEMS[usize::from(*item)], Tick::new(stamp(*second)));
            }
            Change::Untick(item, nth) => {
                let item = ITEMS[usize::from(*item)];
                let ids: Vec<EventId> = day
                    .ticks_of(item)
                    .iter()
                    .skip(*nth)
                    .take(1)
                    .map(|t| t.id)
                    .collect();
                day.remove_ticks(item, ids);
            }
            Change::Scores(value, second) => {
                let symptoms = value.map(|v| Symptoms {
                    redness: Score(v),
                    ..Symptoms::default()
                });
                // Raw edits, not `Edit::after`: clocks of two machines disagree.
                let edit = Edit {
                    at: stamp(*second),
                    id: EventId::random(),
                };
                day.set_symptoms(symptoms, edit);
            }
            Change::Note(text, second) => {
                let edit = Edit {
                    at: stamp(*second),
                    id: EventId::random(),
                };
                day.set_note(text, edit);
            }
        }
    }

    fn history() -> impl Strategy<Value = Vec<Change>> {
        proptest::collection::vec(change(), 0..12)
    }

    fn merged(a: &DayEntry, b: &DayEntry) -> DayEntry {
        let mut m = a.clone();
        m.merge(b);
        m
    }
    /// Issue 24: a resolution made on another device arrives through the merge, in
    /// either order; taking it back later (undo) wins over the older resolution.
    #[test]
    fn a_resolution_merges_like_the_scores_the_later_edit_wins() {
        use crate::model::Resolution;
        let edit = |second| Edit {
            at: stamp(second),
            id: EventId::random(),
        };
        let mut laptop = DayEntry::default();
        laptop.set_signs(&["pus".to_string()], edit(10));
        let mut desktop = laptop.clone();
        desktop.set_resolved(Some(Resolution::Called), edit(20));
        for (a, b) in [(&laptop, &desktop), (&desktop, &laptop)] {
            let both = merged(a, b);
            assert_eq!(both.resolved, Some(Resolution::Called));
            assert_eq!(both.signs, ["pus"]);
        }
        let mut undone = desktop.clone();
        undone.set_resolved(None, edit(30));
        assert_eq!(merged(&desktop, &undone).resolved, None);
        assert_eq!(merged(&undone, &desktop).resolved, None);
    }

    fn all_tick_ids(day: &DayEntry) -> BTreeSet<EventId> {
        day.ticks
            .values()
            .flatten()
            .map(|t| t.id)
            .chain(day.unticked.iter().copied())
            .collect()
    }

    proptest! {
        #[test]
        fn divergent_days_merge_exactly(base in history(), ours in history(), theirs in history()) {
            let mut ancestor = DayEntry::default();
            for c in &base { apply(&mut ancestor, c); }
            let mut a = ancestor.clone();
            for c in &ours { apply(&mut a, c); }
            let mut b = ancestor.clone();
            for c in &theirs { apply(&mut b, c); }

            let ab = merged(&a, &b);
            let ba = merged(&b, &a);
            prop_assert_eq!(&ab, &ba, "A into B == B into A");
            prop_assert_eq!(&merged(&ab, &b), &ab, "merging twice changes nothing");
            prop_assert_eq!(&merged(&ab, &a), &ab);
            prop_assert_eq!(&merged(&ab, &ab), &ab);
            // No event lost: every tick of either side is in the merge, live or taken back,
            // and it is live unless one side took it back.
            let ids = all_tick_ids(&ab);
            prop_assert!(all_tick_ids(&a).is_subset(&ids));
            prop_assert!(all_tick_ids(&b).is_subset(&ids));
            for side in [&a, &b] {
                for (item, ticks) in side.items() {
                    for tick in ticks {
                        let live = ab.ticks_of(item).contains(tick);
                        let taken_back = a.unticked.contains(&tick.id) || b.unticked.contains(&tick.id);
                        prop_assert!(live != taken_back, "tick {:?} of {}", tick, item);
                    }
                }
                // A note version not replaced on the other side survives.
                for version in &side.notes {
                    let replaced = a.replaced.contains(&version.edit.id) || b.replaced.contains(&version.edit.id);
                    prop_assert_eq!(ab.notes.contains(version), !replaced);
                }
            }
            // The later edit of the scores wins.
            let latest = [a.symptoms_edit, b.symptoms_edit].into_iter().flatten().max();
            prop_assert_eq!(ab.symptoms_edit, latest);
            // And the merge is still a valid file: it survives a round trip.
            let text = ron::to_string(&ab).unwrap();
            prop_assert_eq!(ron::from_str::<DayEntry>(&text).unwrap(), ab);
        }

        #[test]
        fn merge_is_associative(x in history(), y in history(), z in history()) {
            let build = |h: &Vec<Change>| {
                let mut d = DayEntry::default();
                for c in h { apply(&mut d, c); }
                d
            };
            let (a, b, c) = (build(&x), build(&y), build(&z));
            prop_assert_eq!(merged(&merged(&a, &b), &c), merged(&a, &merged(&b, &c)));
        }
    }

    /// One change a machine can make to the treatments.
    #[derive(Debug, Clone)]
    enum TreatmentChange {
        Add(i64),
        Correct(usize, i64, i64),
        Delete(usize),
    }

    fn treatment_history() -> impl Strategy<Value = Vec<TreatmentChange>> {
        let change = prop_oneof![
            (0..4i64).prop_map(TreatmentChange::Add),
            (0..4usize, 0..4i64, 0..4i64).prop_map(|(i, a, e)| TreatmentChange::Correct(i, a, e)),
            (0..4usize).prop_map(TreatmentChange::Delete),
        ];
        proptest::collection::vec(change, 0..8)
    }

    fn apply_treatment(file: &mut TreatmentsFile, change: &TreatmentChange) {
        use crate::operation::Operation;
        let op = match change {
            TreatmentChange::Add(second) => {
                let mut t = Treatment::new(stamp(*second * 86_400), "face", "");
                t.id = EventId::random();
                t.edit = Some(Edit {
                    at: stamp(0),
                    id: EventId::random(),
                });
                Operation::AddTreatment(t)
            }
            TreatmentChange::Correct(index, at, edit) => {
                let Some(old) = file.treatments.get(*index).cloned() else {
                    return;
                };
                Operation::EditTreatment(Treatment {
                    at: stamp(*at * 3_600),
                    area: format!("area {at}"),
                    edit: Some(Edit {
                        at: stamp(*edit),
                        id: EventId::random(),
                    }),
                    ..old
                })
            }
            TreatmentChange::Delete(index) => {
                let Some(old) = file.treatments.get(*index).cloned() else {
                    return;
                };
                Operation::DeleteTreatment(old)
            }
        };
        op.apply_to_treatments(file);
    }

    proptest! {
        #[test]
        fn divergent_treatments_merge_exactly(base in treatment_history(), ours in treatment_history(), theirs in treatment_history()) {
            let mut ancestor = TreatmentsFile::empty();
            for c in &base { apply_treatment(&mut ancestor, c); }
            let mut a = ancestor.clone();
            for c in &ours { apply_treatment(&mut a, c); }
            let mut b = ancestor.clone();
            for c in &theirs { apply_treatment(&mut b, c); }
            let merge = |x: &TreatmentsFile, y: &TreatmentsFile| { let mut m = x.clone(); m.merge(y); m };
            let ab = merge(&a, &b);
            prop_assert_eq!(&ab, &merge(&b, &a));
            prop_assert_eq!(&merge(&ab, &a), &ab);
            prop_assert_eq!(&merge(&ab, &b), &ab);
            // Every treatment of either side is there unless one side deleted it, and a
            // corrected one is there in its latest correction.
            for side in [&a, &b] {
                for t in &side.treatments {
                    let deleted = ab.deleted.contains(&t.id);
                    let kept = ab.treatments.iter().find(|k| k.id == t.id);
                    prop_assert_eq!(kept.is_some(), !deleted);
                    if let Some(kept) = kept {
                        prop_assert!(kept.edit >= t.edit);
                    }
                }
            }
        }
    }

    #[test]
    fn a_note_edited_on_both_sides_keeps_both_texts() {
        let mut ancestor = DayEntry::default();
        ancestor.set_note(
            "first",
            Edit {
                at: stamp(0),
                id: EventId(1),
            },
        );
        let mut a = ancestor.clone();
        a.set_note(
            "laptop",
            Edit {
                at: stamp(5),
                id: EventId(2),
            },
        );
        let mut b = ancestor.clone();
        b.set_note(
            "desktop",
            Edit {
                at: stamp(6),
                id: EventId(3),
            },
        );
        assert_eq!(merged(&a, &b).note(), "laptop\n\ndesktop");
        // Edited once more after the merge: one text again, everywhere.
        let mut c = merged(&a, &b);
        c.set_note(
            "both fine",
            Edit {
                at: stamp(9),
                id: EventId(4),
            },
        );
        assert_eq!(merged(&c, &a).note(), "both fine");
    }

    #[test]
    fn two_ticks_in_one_second_are_two_and_one_tick_seen_twice_is_one() {
        let mut a = DayEntry::default();
        a.add_tick("water", Tick::new(stamp(0)));
        a.add_tick("water", Tick::new(stamp(0)));
        let b = a.clone();
        assert_eq!(merged(&a, &b).count("water"), 2);
    }
}
