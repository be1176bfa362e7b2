//! The patient's journal: treatments and daily entries, loaded month by month and saved
//! file by file after every change.

mod backup;
pub mod history;
mod lock;
pub mod paths;
mod plan_file;
mod store;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use jiff::civil::Date;

pub use crate::domain::model::{
    DayEntry, JOURNAL_VERSION, Month, MonthFile, Score, Symptoms, Treatment, TreatmentsFile,
};
pub use backup::{BACKUP_DIR, KEEP as BACKUPS_KEPT, backup_path};
pub use lock::{JournalLock, LOCK_FILE};
pub use store::{Fingerprint, Layout, MAX_FILE_BYTES, create_private_dir, parse, pretty_config};

use crate::domain::model::Days;

use crate::error::FileError;

/// How long a writing command waits for another aftercare to finish before giving up.
/// The TUI does not wait (`Duration::ZERO`): the patient is told at once.
pub const COMMAND_LOCK_WAIT: Duration = Duration::from_secs(2);

/// One journal file: what is pending, and what each file looked like on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum FileId {
    Treatments,
    Month(Month),
}

/// The journal as the app holds it: all treatments, and the months read so far.
///
/// Start-up reads only `treatments.ron`; a month file is read the first time one of its
/// days is needed. A change marks its file and is saved at once; if the save fails the
/// change stays in memory, marked, and is saved again with the next change.
///
/// Opened with [`Journal::open`] it is read-only (status, export): any save is refused.
/// Opened with [`Journal::open_writable`] it holds the journal's lock for as long as it
/// lives, so two copies of aftercare never write over each other.
///
/// If a file changed on disk since it was read (Syncthing, a hand edit), saving it first
/// reads it again and keeps the other change: the days edited here since the last save
/// replace those days in the file read from disk, every other day comes from disk; new
/// treatments are added to the treatments on disk. A file that no longer parses is not
/// overwritten: the save fails with its error and the change stays in memory.
#[derive(Debug)]
pub struct Journal {
    layout: Layout,
    treatments: Vec<Treatment>,
    months: BTreeMap<Month, MonthFile>,
    pending: BTreeSet<FileId>,
    /// Each file as last read or written by us.
    seen: BTreeMap<FileId, Fingerprint>,
    /// Days changed in memory and not yet saved: these win over a file changed on disk.
    edited_days: BTreeSet<Date>,
    /// Treatments added in memory and not yet saved.
    added_treatments: Vec<Treatment>,
    /// Why the last save failed, until a save succeeds.
    save_error: Option<FileError>,
    /// `None` when read-only.
    lock: Option<JournalLock>,
}

impl Journal {
    /// Opens the journal in `layout.dir` read-only, reading the treatments only. A missing
    /// journal is an empty one. Use for commands that only read (status, export).
    pub fn open(layout: Layout) -> Result<Journal, FileError> {
        let path = layout.treatments();
        let (file, fingerprint) = store::read::<TreatmentsFile>(&path)?;
        let mut treatments = file.map(|file| file.treatments).unwrap_or_default();
        treatments.sort_by_key(|t| t.at.instant);
        Ok(Journal {
            layout,
            treatments,
            months: BTreeMap::new(),
            pending: BTreeSet::new(),
            seen: BTreeMap::from([(FileId::Treatments, fingerprint)]),
            edited_days: BTreeSet::new(),
            added_treatments: Vec::new(),
            save_error: None,
            lock: None,
        })
    }

    /// Opens the journal for changing it: creates its directory (owner-only), takes the
    /// lock — waiting up to `wait` for another aftercare to let go, then failing with a
    /// one-line error naming that one's pid — and removes temporary files an interrupted
    /// save left behind. The lock is held until the journal is dropped.
    ///
    /// The TUI passes `Duration::ZERO`; writing commands pass [`COMMAND_LOCK_WAIT`].
    pub fn open_writable(layout: Layout, wait: Duration) -> Result<Journal, FileError> {
        let dir = &layout.dir;
        create_private_dir(dir).map_err(|err| FileError::io(dir, &err))?;
        make_private(dir)?;
        let lock = JournalLock::acquire(dir, wait)?;
        for sub in [dir.clone(), layout.days_dir()] {
            store::remove_stale_temporaries(&sub).map_err(|err| FileError::io(&sub, &err))?;
        }
        let mut journal = Journal::open(layout)?;
        journal.lock = Some(lock);
        Ok(journal)
    }

    /// False for a journal opened with [`Journal::open`].
    pub fn is_writable(&self) -> bool {
        self.lock.is_some()
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Every treatment, oldest first.
    pub fn treatments(&self) -> &[Treatment] {
        &self.treatments
    }

    /// The treatment whose recovery a date belongs to: the latest one on or before it.
    /// A binary search: treatments are kept in time order, and export asks for every day.
    pub fn treatment_for(&self, date: Date) -> Option<&Treatment> {
        let after = self.treatments.partition_point(|t| t.at.date() <= date);
        after.checked_sub(1).map(|index| &self.treatments[index])
    }

    pub fn latest_treatment(&self) -> Option<&Treatment> {
        self.treatments.last()
    }

    /// Reads a month's file unless it is already in memory.
    pub fn load_month(&mut self, month: Month) -> Result<&MonthFile, FileError> {
        if !self.months.contains_key(&month) {
            let (file, fingerprint) = self.read_month(month)?;
            self.months.insert(month, file);
            self.seen.insert(FileId::Month(month), fingerprint);
        }
        Ok(&self.months[&month])
    }

    /// Forgets the months `keep` refuses, except those with unsaved changes. History pages
    /// through years and export walks them all: without this every month read would stay
    /// in memory (~46 KB each). A forgotten month is read again when it is next needed.
    pub fn forget_months(&mut self, keep: impl Fn(Month) -> bool) {
        let pending = &self.pending;
        self.months
            .retain(|month, _| keep(*month) || pending.contains(&FileId::Month(*month)));
        let months = &self.months;
        self.seen.retain(|id, _| match id {
            FileId::Month(month) => months.contains_key(month),
            FileId::Treatments => true,
        });
    }

    /// How many month files are in memory (for tests of the bounded window).
    pub fn months_in_memory(&self) -> usize {
        self.months.len()
    }

    /// Reads every month file in `days/` from `from` on (all of them when `None`) and
    /// returns those months, oldest first. Reports span the whole history, and only the
    /// directory knows which months were ever logged. Read-only; names that are not a month
    /// (temporary files, backups) are skipped, and a missing `days/` is an empty history.
    pub fn load_stored_months(&mut self, from: Option<Month>) -> Result<Vec<Month>, FileError> {
        let months = self.stored_months(from)?;
        for month in &months {
            self.load_month(*month)?;
        }
        Ok(months)
    }

    /// The months `days/` holds a file for, from `from` on, oldest first, without reading
    /// them (see [`Journal::load_stored_months`]).
    pub fn stored_months(&self, from: Option<Month>) -> Result<Vec<Month>, FileError> {
        let dir = self.layout.days_dir();
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(err) => return Err(FileError::io(&dir, &err)),
        };
        let mut months = BTreeSet::new();
        for entry in entries {
            let name = entry.map_err(|err| FileError::io(&dir, &err))?.file_name();
            let month = name.to_str().and_then(|name| name.strip_suffix(".ron"));
            // Only the exact name `load_month` reads (`2027-03`, not `2027-3`).
            let parsed = month.and_then(|m| m.parse::<Month>().ok().filter(|p| p.to_string() == m));
            if let Some(month) = parsed {
                months.insert(month);
            }
        }
        months.retain(|month| from.is_none_or(|from| *month >= from));
        Ok(months.into_iter().collect())
    }

    fn read_month(&self, month: Month) -> Result<(MonthFile, Fingerprint), FileError> {
        let path = self.layout.month(month);
        let (file, fingerprint) = store::read::<MonthFile>(&path)?;
        let file = file.unwrap_or_else(|| MonthFile::empty(month));
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
        Ok((file, fingerprint))
    }

    /// Checks that a loaded month ticks only items `is_known` accepts (the care plan's),
    /// naming the file, and the line and column of the first stray item.
    pub fn check_items(
        &self,
        month: Month,
        is_known: impl Fn(&str) -> bool,
    ) -> Result<(), FileError> {
        let Some(file) = self.months.get(&month) else {
            return Ok(());
        };
        let stray = file.days.iter().find_map(|(date, entry)| {
            let id = entry.ticks.keys().find(|id| !is_known(id))?;
            Some((date, id))
        });
        let Some((date, id)) = stray else {
            return Ok(());
        };
        let path = self.layout.month(month);
        let position = std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| position_of(&text, &format!("{id:?}")));
        Err(FileError::new(
            &path,
            position,
            format!(
                "{date} has a tick for {id:?}, which is not an item of the care plan; fix the name in this file or add the item to your plan"
            ),
        ))
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
        self.edited_days.insert(date);
        self.pending.insert(FileId::Month(month));
        self.save()
    }

    /// Records a treatment (kept in time order) and saves `treatments.ron`.
    pub fn add_treatment(&mut self, treatment: Treatment) -> Result<(), FileError> {
        let index = self
            .treatments
            .partition_point(|t| t.at.instant <= treatment.at.instant);
        self.treatments.insert(index, treatment.clone());
        self.added_treatments.push(treatment);
        self.pending.insert(FileId::Treatments);
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
        self.treatments.insert(at, treatment.clone());
        self.added_treatments.push(treatment);
        self.pending.insert(FileId::Treatments);
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
        self.pending.insert(FileId::Treatments);
        self.save()?;
        Ok(Some(removed))
    }

    /// Writes every file with unsaved changes. On failure the changes stay pending.
    pub fn save(&mut self) -> Result<(), FileError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        if self.lock.is_none() {
            return Err(FileError::new(
                &self.layout.dir,
                None,
                "was opened read-only (Journal::open); nothing was written",
            ));
        }
        while let Some(&next) = self.pending.first() {
            if let Err(err) = self.save_file(next) {
                self.save_error = Some(err.clone());
                return Err(err);
            }
            self.pending.remove(&next);
        }
        self.save_error = None;
        Ok(())
    }

    /// Saves one file: merge what changed on disk, keep the previous version, replace.
    fn save_file(&mut self, id: FileId) -> Result<(), FileError> {
        let path = match id {
            FileId::Treatments => self.layout.treatments(),
            FileId::Month(month) => self.layout.month(month),
        };
        if Fingerprint::current(&path)? != self.seen.get(&id).copied().unwrap_or_default() {
            self.merge_from_disk(id)?;
        }
        let backups = self.layout.backups_dir();
        backup::keep_previous(&backups, &path).map_err(|err| FileError::io(&backups, &err))?;
        let fingerprint = match id {
            FileId::Treatments => store::write(
                &path,
                &TreatmentsFile {
                    version: JOURNAL_VERSION,
                    treatments: self.treatments.clone(),
                },
            )?,
            FileId::Month(month) => store::write(&path, &self.months[&month])?,
        };
        self.seen.insert(id, fingerprint);
        match id {
            FileId::Treatments => self.added_treatments.clear(),
            FileId::Month(month) => self.edited_days.retain(|date| !month.contains(*date)),
        }
        Ok(())
    }

    /// Takes in a change made on disk by someone else, keeping ours (see [`Journal`]).
    /// A file deleted on disk is written again from memory: its backups hold it too.
    fn merge_from_disk(&mut self, id: FileId) -> Result<(), FileError> {
        match id {
            FileId::Treatments => {
                let (file, fingerprint) = store::read::<TreatmentsFile>(&self.layout.treatments())?;
                if let Some(file) = file {
                    let mut treatments = file.treatments;
                    for ours in &self.added_treatments {
                        if !treatments.contains(ours) {
                            treatments.push(ours.clone());
                        }
                    }
                    treatments.sort_by_key(|t| t.at.instant);
                    self.treatments = treatments;
                }
                self.seen.insert(id, fingerprint);
            }
            FileId::Month(month) => {
                let (mut merged, fingerprint) = self.read_month(month)?;
                if fingerprint != Fingerprint::default() {
                    let ours = &self.months[&month].days;
                    for date in self.edited_days.iter().filter(|d| month.contains(**d)) {
                        match ours.get(date) {
                            Some(entry) => merged.days.insert(*date, entry.clone()),
                            None => merged.days.remove(date),
                        };
                    }
                    self.months.insert(month, merged);
                }
                self.seen.insert(id, fingerprint);
            }
        }
        Ok(())
    }

    /// True when a change is in memory but not yet on disk (a save failed).
    pub fn has_unsaved_changes(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Why changes are still unsaved, if they are.
    pub fn save_error(&self) -> Option<&FileError> {
        self.save_error
            .as_ref()
            .filter(|_| self.has_unsaved_changes())
    }
}

impl Days for Journal {
    fn day(&self, date: Date) -> Option<&DayEntry> {
        Journal::day(self, date)
    }

    fn treatment_for(&self, date: Date) -> Option<&Treatment> {
        Journal::treatment_for(self, date)
    }
}

/// Keeps a journal directory to its owner (0700), as the journal is health data.
fn make_private(dir: &std::path::Path) -> Result<(), FileError> {
    use std::os::unix::fs::PermissionsExt as _;
    let meta = std::fs::metadata(dir).map_err(|err| FileError::io(dir, &err))?;
    if meta.permissions().mode() & 0o077 != 0 {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|err| FileError::io(dir, &err))?;
    }
    Ok(())
}

/// Line and column (from 1) of the first occurrence of `needle` in `text`.
fn position_of(text: &str, needle: &str) -> Option<(usize, usize)> {
    let offset = text.find(needle)?;
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((line, column))
}
