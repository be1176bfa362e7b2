//! The patient's journal: treatments and daily entries, loaded month by month and saved
//! file by file after every change.

mod model;
mod store;

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;

pub use model::{
    DayEntry, JOURNAL_VERSION, Month, MonthFile, Score, Symptoms, Treatment, TreatmentsFile,
};
pub use store::{Layout, create_private_dir, pretty_config};

use crate::error::FileError;

/// A file that holds changes not yet on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Pending {
    Treatments,
    Month(Month),
}

/// The journal as the app holds it: all treatments, and the months read so far.
///
/// Start-up reads only `treatments.ron`; a month file is read the first time one of its
/// days is needed. A change marks its file and is saved at once; if the save fails the
/// change stays in memory, marked, and is saved again with the next change.
#[derive(Debug)]
pub struct Journal {
    layout: Layout,
    treatments: Vec<Treatment>,
    months: BTreeMap<Month, MonthFile>,
    pending: BTreeSet<Pending>,
}

impl Journal {
    /// Opens the journal in `layout.dir`, reading the treatments only. A missing journal is
    /// an empty one; nothing is written until the first change.
    pub fn open(layout: Layout) -> Result<Journal, FileError> {
        let path = layout.treatments();
        let mut treatments = store::read::<TreatmentsFile>(&path)?
            .map(|file| file.treatments)
            .unwrap_or_default();
        treatments.sort_by_key(|t| t.at.instant);
        Ok(Journal {
            layout,
            treatments,
            months: BTreeMap::new(),
            pending: BTreeSet::new(),
        })
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Every treatment, oldest first.
    pub fn treatments(&self) -> &[Treatment] {
        &self.treatments
    }

    /// The treatment whose recovery a date belongs to: the latest one on or before it.
    pub fn treatment_for(&self, date: Date) -> Option<&Treatment> {
        self.treatments.iter().rev().find(|t| t.at.date() <= date)
    }

    pub fn latest_treatment(&self) -> Option<&Treatment> {
        self.treatments.last()
    }

    /// Reads a month's file unless it is already in memory.
    pub fn load_month(&mut self, month: Month) -> Result<&MonthFile, FileError> {
        if !self.months.contains_key(&month) {
            let path = self.layout.month(month);
            let file = store::read::<MonthFile>(&path)?.unwrap_or_else(|| MonthFile::empty(month));
            if file.month != month {
                return Err(FileError::new(
                    &path,
                    None,
                    format!("says it holds {} but is named for {month}", file.month),
                ));
            }
            if let Some(stray) = file.days.keys().find(|date| !month.contains(**date)) {
                return Err(FileError::new(
                    &path,
                    None,
                    format!("holds {stray}, which is not in {month}"),
                ));
            }
            self.months.insert(month, file);
        }
        Ok(&self.months[&month])
    }

    /// The entry of a day whose month has been loaded (see [`Journal::load_month`]).
    pub fn day(&self, date: Date) -> Option<&DayEntry> {
        self.months.get(&Month::of(date))?.days.get(&date)
    }

    /// Changes one day's entry and saves its month file.
    pub fn edit_day(
        &mut self,
        date: Date,
        edit: impl FnOnce(&mut DayEntry),
    ) -> Result<(), FileError> {
        let month = Month::of(date);
        self.load_month(month)?;
        let days = &mut self.months.get_mut(&month).expect("loaded above").days;
        let entry = days.entry(date).or_default();
        edit(entry);
        if entry.is_empty() {
            days.remove(&date);
        }
        self.pending.insert(Pending::Month(month));
        self.save()
    }

    /// Records a treatment (kept in time order) and saves `treatments.ron`.
    pub fn add_treatment(&mut self, treatment: Treatment) -> Result<(), FileError> {
        let index = self
            .treatments
            .partition_point(|t| t.at.instant <= treatment.at.instant);
        self.treatments.insert(index, treatment);
        self.pending.insert(Pending::Treatments);
        self.save()
    }

    /// Replaces a mistaken treatment (kept in time order, so its index may change) and
    /// saves `treatments.ron`. Returns where it now stands, or `None` for a bad index.
    pub fn replace_treatment(
        &mut self,
        index: usize,
        treatment: Treatment,
    ) -> Result<Option<usize>, FileError> {
        if index >= self.treatments.len() {
            return Ok(None);
        }
        self.treatments.remove(index);
        let at = self
            .treatments
            .partition_point(|t| t.at.instant <= treatment.at.instant);
        self.treatments.insert(at, treatment);
        self.pending.insert(Pending::Treatments);
        self.save()?;
        Ok(Some(at))
    }

    /// Deletes a treatment recorded by mistake and saves `treatments.ron`. The days logged
    /// after it stay; they now count from the treatment before, if any. Returns the removed
    /// treatment, or `None` for a bad index.
    pub fn remove_treatment(&mut self, index: usize) -> Result<Option<Treatment>, FileError> {
        if index >= self.treatments.len() {
            return Ok(None);
        }
        let removed = self.treatments.remove(index);
        self.pending.insert(Pending::Treatments);
        self.save()?;
        Ok(Some(removed))
    }

    /// Writes every file with unsaved changes. On failure the changes stay pending.
    pub fn save(&mut self) -> Result<(), FileError> {
        while let Some(&next) = self.pending.first() {
            match next {
                Pending::Treatments => store::write(
                    &self.layout.treatments(),
                    &TreatmentsFile {
                        version: JOURNAL_VERSION,
                        treatments: self.treatments.clone(),
                    },
                )?,
                Pending::Month(month) => {
                    store::write(&self.layout.month(month), &self.months[&month])?;
                }
            }
            self.pending.remove(&next);
        }
        Ok(())
    }

    /// True when a change is in memory but not yet on disk (a save failed).
    pub fn has_unsaved_changes(&self) -> bool {
        !self.pending.is_empty()
    }
}
