//! The patient's journal: treatments and daily entries, loaded month by month, changed
//! by short transactions on the files.
//!
//! Every change is an [`Operation`]: take the lock (wait briefly), re-read the files it
//! touches if they changed on disk since they were read, apply the operation to that fresh
//! content, save atomically, keep the previous version as a backup, release the lock. No
//! aftercare holds the lock between changes, so the app, the shell prompt and a second
//! machine's sync tool all write the same journal without undoing each other.

pub mod atomic;
mod backup;
pub mod care;
pub mod conflict;
pub mod delivered;
pub mod error;
pub mod folder;
pub mod format;
pub mod history;
mod legacy;
mod lock;
pub mod paths;
pub mod photo_care;
pub mod photo_files;
pub mod photo_import;
pub mod plan_file;
pub mod safe_file;
mod store;
pub mod test_seam;
mod tidy;
pub mod timer_file;
mod undo;
pub mod undo_log;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use jiff::civil::Date;

pub use aftercare_domain::model::{
    DayEntry, Edit, EventId, JOURNAL_VERSION, Month, MonthFile, NoteVersion, Score, Symptoms, Tick,
    Treatment, TreatmentsFile,
};
pub use backup::{
    BACKUP_DIR, DAYS as DAILY_BACKUP_DAYS, KEEP as BACKUPS_KEPT, backup_path, daily_path,
};
pub use format::plan::builtin as builtin_plan;
pub use format::{Versioned, parse, pretty_config};
pub use lock::{JournalLock, LOCK_FILE, update_locked};
pub use store::{Fingerprint, Layout, MAX_FILE_BYTES, create_private_dir, read, write};

use aftercare_domain::merge::Merge as _;
use aftercare_domain::model::Days;
pub use aftercare_domain::operation::Operation;
pub use aftercare_domain::undo::{Conflict, Done};

use crate::error::FileError;
use tidy::Temporaries::{Leave, Remove};

/// How long a change waits for another aftercare to finish its own (a few milliseconds
/// normally) before giving up and keeping the change in memory.
pub const COMMAND_LOCK_WAIT: Duration = Duration::from_secs(2);

/// The ignore lines for Syncthing's `.stignore` in a synced journal folder: the lock is
/// per machine, and each machine keeps its own backups (syncing them only breeds
/// conflicts).
pub const STIGNORE_LINES: &str = ".lock\nbackups\n";

/// One journal file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum FileId {
    Treatments,
    Month(Month),
}

/// The files a change may read before it decides: the treatments and some months.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub treatments: bool,
    pub months: BTreeSet<Month>,
}

impl Scope {
    /// A day's month (and the treatments, which every day's meaning depends on).
    pub fn day(date: Date) -> Scope {
        Scope {
            treatments: true,
            months: BTreeSet::from([Month::of(date)]),
        }
    }

    /// Just `treatments.ron`.
    pub fn treatments() -> Scope {
        Scope {
            treatments: true,
            months: BTreeSet::new(),
        }
    }

    fn of(op: &Operation) -> Scope {
        Scope {
            treatments: op.touches_treatments(),
            months: op.months(),
        }
    }

    fn files(&self) -> impl Iterator<Item = FileId> + '_ {
        self.treatments
            .then_some(FileId::Treatments)
            .into_iter()
            .chain(self.months.iter().map(|m| FileId::Month(*m)))
    }

    fn extend(&mut self, other: &Scope) {
        self.treatments |= other.treatments;
        self.months.extend(other.months.iter().copied());
    }
}

/// The journal as one aftercare sees it: the treatments, and the months read so far, each
/// as it was last read from (or written to) disk, plus the changes not saved yet.
///
/// Opened with [`Journal::open`] it is read-only (status, export): any change is refused.
/// Opened with [`Journal::open_writable`] every change is a transaction (see the module).
///
/// A change that cannot be saved (the disk is full, a file no longer parses, the lock is
/// stuck) is applied in memory and kept; it is saved with the next change or by
/// [`Journal::save`], applied again to whatever the files hold then.
#[derive(Debug)]
pub struct Journal {
    layout: Layout,
    treatments: TreatmentsFile,
    months: BTreeMap<Month, MonthFile>,
    /// Each file as last read or written by us.
    seen: BTreeMap<FileId, Fingerprint>,
    /// The journal folder and `days/` as last scanned for conflict copies.
    folders_seen: (Fingerprint, Fingerprint),
    /// Applied in memory, not yet on disk, oldest first.
    unsaved: Vec<Operation>,
    /// Why the last save failed, until a save succeeds.
    save_error: Option<FileError>,
    writable: bool,
    lock_wait: Duration,
    /// Messages for the patient, each shown once (merged conflict copies).
    notices: Vec<String>,
    /// Conflict copies that could not be read: reported once, left where they are.
    unreadable_copies: BTreeSet<std::path::PathBuf>,
    /// The operations this aftercare applied, oldest first (at most [`APPLIED_KEPT`]),
    /// each with the values it replaced: what undo reverses.
    applied: Vec<Done>,
    /// How many operations this aftercare ever applied (unlike `applied`, never shrinks):
    /// lets the app tell which ones are new since it last looked.
    applied_total: u64,
    /// The folder opened for writing: every change first checks it is still the one
    /// there (an unplugged disk leaves an empty mount point at the same path).
    folder: Option<folder::FolderId>,
    /// Opened by [`Journal::open_writable_untidied`] and not tidied yet (see
    /// [`Journal::tidy`]): the first change, or refresh, tidies before anything else.
    tidy_pending: bool,
}

/// How many of its own operations a journal remembers for undo.
pub const APPLIED_KEPT: usize = 100;

impl Journal {
    /// Opens the journal in `layout.dir` read-only, reading the treatments only. A missing
    /// journal is an empty one. Use for commands that only read (status, export).
    pub fn open(layout: Layout) -> Result<Journal, FileError> {
        let path = layout.treatments();
        let (file, fingerprint) = store::read::<TreatmentsFile>(&path)?;
        let mut treatments = file.unwrap_or_else(TreatmentsFile::empty);
        treatments.treatments.sort_by_key(Treatment::order_key);
        Ok(Journal {
            layout,
            treatments,
            months: BTreeMap::new(),
            seen: BTreeMap::from([(FileId::Treatments, fingerprint)]),
            folders_seen: (Fingerprint::default(), Fingerprint::default()),
            unsaved: Vec::new(),
            save_error: None,
            writable: false,
            lock_wait: Duration::ZERO,
            notices: Vec::new(),
            unreadable_copies: BTreeSet::new(),
            applied: Vec::new(),
            applied_total: 0,
            folder: None,
            tidy_pending: false,
        })
    }

    /// Opens the journal for changing it: creates its directory (owner-only), and, under a
    /// brief lock, removes temporary files an interrupted save left behind and merges the
    /// conflict copies a sync tool left (see [`Journal::tidy`], [`Journal::take_notice`]).
    /// Each later change waits up to `wait` for the lock.
    pub fn open_writable(layout: Layout, wait: Duration) -> Result<Journal, FileError> {
        Journal::open_locked(layout, wait, true)
    }

    /// The same, but the housekeeping — the one part of opening that lists folders, and so
    /// grows with the number of months logged — waits for [`Journal::tidy`]: the app draws
    /// its first screen, then tidies. Until then the first change (or [`Journal::refresh`])
    /// tidies before anything else, so nothing is written before the conflict copies are
    /// merged. The lock is still taken once here: a journal stuck in another aftercare is
    /// refused before the terminal changes.
    pub fn open_writable_untidied(layout: Layout, wait: Duration) -> Result<Journal, FileError> {
        Journal::open_locked(layout, wait, false)
    }

    fn open_locked(layout: Layout, wait: Duration, tidy: bool) -> Result<Journal, FileError> {
        let dir = &layout.dir;
        // Only a folder created here is made owner-only; an existing one is left as it is
        // (see `folder::privacy_warning`).
        create_private_dir(dir).map_err(|err| FileError::io(dir, &err))?;
        let folder = folder::FolderId::of(dir).map_err(|err| FileError::io(dir, &err))?;
        let lock = JournalLock::acquire(dir, wait)?;
        let mut journal = Journal::open(layout)?;
        journal.writable = true;
        journal.folder = Some(folder);
        journal.lock_wait = wait;
        journal.tidy_pending = true;
        if tidy {
            journal.tidy_locked()?;
        }
        drop(lock);
        journal.refresh_files(&Scope::treatments())?;
        Ok(journal)
    }

    /// Whether the housekeeping of [`Journal::open_writable_untidied`] is still to do.
    pub fn needs_tidy(&self) -> bool {
        self.tidy_pending
    }

    /// The housekeeping [`Journal::open_writable_untidied`] put off, under the lock (waiting
    /// for it as a change does): removes the temporaries an interrupted save left and merges
    /// the sync tools' conflict copies, one listing per folder. Returns whether it has
    /// something to tell ([`Journal::take_notice`]: a copy merged, or one unreadable); the
    /// months in memory then hold what was merged. Does nothing once done; if it fails, the
    /// next change tries again.
    pub fn tidy(&mut self) -> Result<bool, FileError> {
        if !self.tidy_pending {
            return Ok(false);
        }
        let _lock = self.lock_opened_folder(self.lock_wait)?;
        self.told_anything(Journal::tidy_locked)
    }

    /// The lock, waiting up to `wait`, but only in the folder opened: never lock or write
    /// in a folder that is not that one (an unplugged disk leaves an empty mount point at
    /// the same path).
    fn lock_opened_folder(&self, wait: Duration) -> Result<JournalLock, FileError> {
        if let Some(folder) = self.folder {
            folder.check(&self.layout.dir)?;
        }
        JournalLock::acquire(&self.layout.dir, wait)
    }

    /// Runs `work` and says whether it left a new notice for the patient (a copy merged,
    /// or one unreadable).
    fn told_anything(
        &mut self,
        work: impl FnOnce(&mut Journal) -> Result<(), FileError>,
    ) -> Result<bool, FileError> {
        let before = self.notices.len();
        work(self)?;
        Ok(self.notices.len() != before)
    }

    /// [`Journal::tidy`]'s work; call with the lock held. The journal folder and `days/`
    /// are each listed once for both jobs, `backups/` for the temporaries only.
    fn tidy_locked(&mut self) -> Result<(), FileError> {
        let copies = self.conflict_copies(Remove)?;
        // Housekeeping never blocks a save: a `backups/` that cannot be swept (a link, not
        // a folder, unreadable) is a warning, and the change goes on.
        let backups = self.layout.backups_dir();
        let swept = folder::open_own(&backups).and_then(|found| match found {
            Some(_) => tidy::list(&backups, Remove, None).map(drop),
            None => Ok(()),
        });
        if let Err(err) = swept {
            self.notices.push(format!(
                "{}; your changes are saved",
                FileError::io(&backups, &err)
            ));
        }
        let photos = self.layout.photos_dir();
        if let Err(err) = tidy::sweep_photo_months(&photos) {
            self.notices.push(format!(
                "{}; your changes are saved",
                FileError::io(&photos, &err)
            ));
        }
        // Remembers the folders as they are after the sweep and the merge.
        self.merge_copies(copies)?;
        self.tidy_pending = false;
        Ok(())
    }

    /// False for a journal opened with [`Journal::open`].
    pub fn is_writable(&self) -> bool {
        self.writable
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Every treatment, oldest first.
    pub fn treatments(&self) -> &[Treatment] {
        &self.treatments.treatments
    }

    /// The treatment whose recovery a date belongs to: the latest one on or before it.
    /// A binary search: treatments are kept in time order, and export asks for every day.
    pub fn treatment_for(&self, date: Date) -> Option<&Treatment> {
        let after = self
            .treatments
            .treatments
            .partition_point(|t| t.at.date() <= date);
        after
            .checked_sub(1)
            .map(|index| &self.treatments.treatments[index])
    }

    pub fn latest_treatment(&self) -> Option<&Treatment> {
        self.treatments.treatments.last()
    }

    /// Reads a month's file unless it is already in memory.
    pub fn load_month(&mut self, month: Month) -> Result<&MonthFile, FileError> {
        if !self.months.contains_key(&month) {
            let (mut file, fingerprint) = self.read_month(month)?;
            for op in &self.unsaved {
                op.apply_to_month(&mut file);
            }
            self.months.insert(month, file);
            self.seen.insert(FileId::Month(month), fingerprint);
        }
        Ok(&self.months[&month])
    }

    /// Forgets the months `keep` refuses, except those with unsaved changes. History pages
    /// through years and export walks them all: without this every month read would stay
    /// in memory (~46 KB each). A forgotten month is read again when it is next needed.
    pub fn forget_months(&mut self, keep: impl Fn(Month) -> bool) {
        let unsaved: BTreeSet<Month> = self.unsaved.iter().flat_map(Operation::months).collect();
        self.months
            .retain(|month, _| keep(*month) || unsaved.contains(month));
        let months = &self.months;
        self.seen.retain(|id, _| match id {
            FileId::Month(month) => months.contains_key(month),
            FileId::Treatments => true,
        });
    }

    /// Whether a month's file is in memory (read, and not forgotten since).
    pub fn has_month(&self, month: Month) -> bool {
        self.months.contains_key(&month)
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
        Ok((only_month(file, month, &path)?, fingerprint))
    }

    /// The entry of a day whose month has been loaded (see [`Journal::load_month`]).
    pub fn day(&self, date: Date) -> Option<&DayEntry> {
        self.months.get(&Month::of(date))?.days.get(&date)
    }

    /// The photos of the months loaded, by day, each day's in the order taken.
    pub fn photos(&self) -> impl Iterator<Item = (Date, &aftercare_domain::model::Photo)> {
        self.months.values().flat_map(|month| {
            month
                .days
                .iter()
                .flat_map(|(date, day)| day.photos.iter().map(move |photo| (*date, photo)))
        })
    }

    /// Makes one change as a transaction: locks, re-reads the files of `scope` that
    /// changed on disk, lets `decide` choose the operation on that fresh content (or
    /// nothing), applies it, saves every file it touches, and unlocks. Returns the
    /// operation applied.
    ///
    /// If the lock cannot be had or a file cannot be read or written, the operation is
    /// applied in memory and kept for the next save, and the error is returned.
    pub fn transact<E: From<FileError>>(
        &mut self,
        scope: &Scope,
        decide: impl FnOnce(&Journal) -> Result<Option<Operation>, E>,
    ) -> Result<Option<Operation>, E> {
        if !self.writable {
            return Err(self.read_only().into());
        }
        let mut scope = scope.clone();
        for op in &self.unsaved {
            scope.extend(&Scope::of(op));
        }
        let mut failure = None;
        test_seam::test_seam_pause_before_lock();
        // Never lock or write in a folder that is not the one opened: the change waits.
        let lock = match self.lock_opened_folder(self.lock_wait) {
            Ok(lock) => Some(lock),
            Err(err) => {
                failure = Some(err);
                None
            }
        };
        if lock.is_some()
            && let Err(err) = self
                .tidy_locked_if_pending()
                .and_then(|()| self.merge_conflict_copies_if_new())
                .and_then(|()| self.refresh_files(&scope))
        {
            failure = Some(err);
        }
        for month in &scope.months {
            self.load_month(*month)?;
        }
        let op = decide(self)?;
        if let Some(op) = &op {
            let done = Done::record(op, self);
            self.apply_in_memory(op);
            self.unsaved.push(op.clone());
            if self.applied.len() == APPLIED_KEPT {
                self.applied.remove(0);
            }
            self.applied.push(done);
            self.applied_total += 1;
        }
        if let Some(err) = failure {
            if self.unsaved.is_empty() {
                return Ok(op); // nothing to save: the failure harms nothing
            }
            self.save_error = Some(err.clone());
            return Err(err.into());
        }
        let photo_changes: Vec<Operation> = self
            .unsaved
            .iter()
            .filter(|op| !op.photo_moves().is_empty())
            .cloned()
            .collect();
        self.write_unsaved()?;
        self.follow_photo_changes(&photo_changes);
        drop(lock);
        Ok(op)
    }

    /// Edits a day freely — for tools, tests and scripts — and saves what the edit amounts
    /// to as operations (ticks added or taken back, scores, note), decided on the day as it
    /// is on disk. The app and the command line use `care`, which builds them directly.
    pub fn edit_day(
        &mut self,
        date: Date,
        edit: impl FnOnce(&mut DayEntry),
    ) -> Result<(), FileError> {
        let now = aftercare_domain::time::Stamp::of(&jiff::ZonedDateTime::now());
        self.transact(&Scope::day(date), |journal| {
            let before = journal.day(date).cloned().unwrap_or_default();
            let mut after = before.clone();
            edit(&mut after);
            Ok::<_, FileError>(aftercare_domain::operation::difference(
                date, &before, &after, now,
            ))
        })?;
        Ok(())
    }

    /// Records a treatment (with a fresh identity) — for tools and tests; the app and the
    /// command line use `care::record_treatment`.
    pub fn add_treatment(&mut self, mut treatment: Treatment) -> Result<(), FileError> {
        aftercare_domain::operation::new_treatment_identity(&mut treatment);
        self.apply(Operation::AddTreatment(treatment))
    }

    /// Applies an operation decided beforehand (see [`Journal::transact`]).
    pub fn apply(&mut self, op: Operation) -> Result<(), FileError> {
        let scope = Scope::of(&op);
        self.transact(&scope, |_| Ok::<_, FileError>(Some(op)))?;
        Ok(())
    }

    /// Saves the changes an earlier save could not. Does nothing when all is saved.
    pub fn save(&mut self) -> Result<(), FileError> {
        if self.unsaved.is_empty() {
            return Ok(());
        }
        self.transact(&Scope::default(), |_| Ok::<_, FileError>(None))?;
        Ok(())
    }

    /// Takes in what changed on disk since it was read — another aftercare, the shell, a
    /// sync tool — for the treatments and the months given (those on screen), and merges
    /// the conflict copies a sync tool left. Cheap when nothing changed: one `stat` per
    /// file and per folder. Returns whether anything changed. The app calls it once a
    /// second.
    pub fn refresh(&mut self, months: impl IntoIterator<Item = Month>) -> Result<bool, FileError> {
        let scope = Scope {
            treatments: true,
            months: months
                .into_iter()
                .filter(|m| self.months.contains_key(m))
                .collect(),
        };
        let mut changed = false;
        if self.tidy_pending {
            // Not tidied yet (the lock was busy): try again, without waiting.
            if let Ok(_lock) = self.lock_opened_folder(Duration::ZERO) {
                changed |= self.told_anything(Journal::tidy_locked)?;
            }
        }
        if self.writable && self.folders_changed()? {
            // A file appeared or went in the folder: maybe a conflict copy. Merging one
            // writes, so it needs the lock; if another aftercare holds it, the next check
            // will do. Only a copy found takes the lock.
            let copies = self.new_conflict_copies()?;
            if !copies.is_empty() {
                match self.lock_opened_folder(Duration::ZERO) {
                    Ok(_lock) => {
                        changed |= self.told_anything(|journal| journal.merge_copies(copies))?;
                    }
                    Err(_) => self.folders_seen = Default::default(),
                }
            }
        }
        changed |= self.refresh_files(&scope)?;
        Ok(changed)
    }

    /// The operations this aftercare applied since it opened the journal, oldest first
    /// (the last [`APPLIED_KEPT`]), whether saved yet or not.
    pub fn applied(&self) -> impl DoubleEndedIterator<Item = &Operation> {
        self.applied.iter().map(|done| &done.op)
    }

    /// The same, each with the values it replaced (see [`Done`]), for undo.
    pub fn done(&self) -> &[Done] {
        &self.applied
    }

    /// How many operations this aftercare applied since it opened the journal, forgotten
    /// ones included: compare two readings to find the new ones in [`Journal::done`].
    pub fn applied_total(&self) -> u64 {
        self.applied_total
    }

    /// A message for the patient, once (such as what a conflict copy brought).
    pub fn take_notice(&mut self) -> Option<String> {
        (!self.notices.is_empty()).then(|| self.notices.remove(0))
    }

    /// Re-reads the files of `scope` that changed on disk since we read or wrote them, and
    /// applies the unsaved changes again on top. A file deleted on disk keeps what was
    /// read of it, and is written again by the next change.
    fn refresh_files(&mut self, scope: &Scope) -> Result<bool, FileError> {
        let mut changed = false;
        for id in scope.files() {
            if let FileId::Month(month) = id
                && !self.months.contains_key(&month)
            {
                continue; // read when first needed
            }
            let path = self.path(id);
            let now = Fingerprint::current(&path)?;
            if now == self.seen.get(&id).copied().unwrap_or_default() {
                continue;
            }
            if now == Fingerprint::default() {
                // Deleted (or its folder moved away): what we read stays, and the next
                // change writes it again — its backups hold it too. Nothing is lost.
                self.seen.insert(id, now);
                continue;
            }
            changed = true;
            match id {
                FileId::Treatments => {
                    let (file, fingerprint) = store::read::<TreatmentsFile>(&path)?;
                    let mut file = file.unwrap_or_else(TreatmentsFile::empty);
                    for op in &self.unsaved {
                        op.apply_to_treatments(&mut file);
                    }
                    file.treatments.sort_by_key(Treatment::order_key);
                    self.treatments = file;
                    self.seen.insert(id, fingerprint);
                }
                FileId::Month(month) => {
                    let (mut file, fingerprint) = self.read_month(month)?;
                    for op in &self.unsaved {
                        op.apply_to_month(&mut file);
                    }
                    self.months.insert(month, file);
                    self.seen.insert(id, fingerprint);
                }
            }
        }
        Ok(changed)
    }

    fn apply_in_memory(&mut self, op: &Operation) {
        op.apply_to_treatments(&mut self.treatments);
        for month in op.months() {
            let file = self
                .months
                .entry(month)
                .or_insert_with(|| MonthFile::empty(month));
            op.apply_to_month(file);
        }
    }

    /// Writes every file the unsaved operations touch (under the lock), then forgets them.
    fn write_unsaved(&mut self) -> Result<(), FileError> {
        let mut scope = Scope::default();
        for op in &self.unsaved {
            scope.extend(&Scope::of(op));
        }
        for id in scope.files().collect::<Vec<_>>() {
            if let Err(err) = self.write_file(id) {
                self.save_error = Some(err.clone());
                return Err(err);
            }
        }
        self.unsaved.clear();
        self.save_error = None;
        Ok(())
    }

    /// Saves one file atomically, then keeps what it held before as a backup (only after
    /// the new file is written, so a failed save shifts no backup out).
    fn write_file(&mut self, id: FileId) -> Result<(), FileError> {
        let path = self.path(id);
        let previous = backup::read_previous(&path).map_err(|err| FileError::io(&path, &err))?;
        let fingerprint = match id {
            FileId::Treatments => {
                self.treatments.version = JOURNAL_VERSION;
                store::write(&path, &self.treatments)?
            }
            FileId::Month(month) => {
                let file = self
                    .months
                    .entry(month)
                    .or_insert_with(|| MonthFile::empty(month));
                file.version = JOURNAL_VERSION;
                store::write(&path, &*file)?
            }
        };
        self.seen.insert(id, fingerprint);
        if let Some(previous) = previous {
            let backups = self.layout.backups_dir();
            let today = jiff::ZonedDateTime::now().date();
            // The change is saved; a backup that cannot be written is worth a word, not
            // a failed save.
            if let Err(err) = backup::keep(&backups, &path, &previous, today) {
                self.notices
                    .push(format!("{}", FileError::io(&backups, &err)));
            }
        }
        Ok(())
    }

    /// Moves the files of photos removed (into `backups/`) or put back (undo) by changes
    /// just saved. A failure is a notice: the journal is right, a file is where it was.
    fn follow_photo_changes(&mut self, saved: &[Operation]) {
        let today = jiff::ZonedDateTime::now().date();
        for op in saved {
            if let Err(err) = photo_files::follow(&self.layout, &op.photo_moves(), today) {
                self.notices.push(err.to_string());
            }
        }
    }

    fn path(&self, id: FileId) -> std::path::PathBuf {
        match id {
            FileId::Treatments => self.layout.treatments(),
            FileId::Month(month) => self.layout.month(month),
        }
    }

    fn read_only(&self) -> FileError {
        FileError::new(
            &self.layout.dir,
            None,
            "was opened read-only (Journal::open); nothing was written",
        )
    }

    /// Whether the journal folder or `days/` changed since last scanned (a file appeared,
    /// went or was renamed there).
    fn folders_changed(&self) -> Result<bool, FileError> {
        let now = (
            Fingerprint::current(&self.layout.dir)?,
            Fingerprint::current(&self.layout.days_dir())?,
        );
        Ok(now != self.folders_seen)
    }

    fn tidy_locked_if_pending(&mut self) -> Result<(), FileError> {
        if self.tidy_pending {
            self.tidy_locked()?;
        }
        Ok(())
    }

    fn merge_conflict_copies_if_new(&mut self) -> Result<(), FileError> {
        if self.folders_changed()? {
            self.merge_conflict_copies()?;
        }
        Ok(())
    }

    /// Merges every conflict copy beside a journal file into it (exactly: see
    /// [`aftercare_domain::merge`]), moves the copy into `backups/`, and leaves a notice of
    /// what it brought. Call with the lock held. A copy that cannot be read is left where
    /// it is, with a notice, once.
    fn merge_conflict_copies(&mut self) -> Result<(), FileError> {
        let copies = self.new_conflict_copies()?;
        self.merge_copies(copies)
    }

    /// The conflict copies in the journal folder and `days/` (not those already found
    /// unreadable); remembers the folders as scanned. Needs no lock: it only reads.
    fn new_conflict_copies(&mut self) -> Result<Vec<conflict::ConflictCopy>, FileError> {
        self.folders_seen = (
            Fingerprint::current(&self.layout.dir)?,
            Fingerprint::current(&self.layout.days_dir())?,
        );
        self.conflict_copies(Leave)
    }

    /// The conflict copies in the journal folder and `days/`, one listing each, but not
    /// those already found unreadable; what happens to stale temporaries on the way is
    /// `temporaries`' say.
    fn conflict_copies(
        &self,
        temporaries: tidy::Temporaries,
    ) -> Result<Vec<conflict::ConflictCopy>, FileError> {
        let (dir, days) = (&self.layout.dir, self.layout.days_dir());
        let mut copies =
            tidy::list(dir, temporaries, Some(&is_treatments_stem)).map_err(io_error(dir))?;
        let in_days = tidy::list(&days, temporaries, Some(&is_month_stem));
        copies.extend(in_days.map_err(io_error(&days))?);
        copies.retain(|copy| !self.unreadable_copies.contains(&copy.path));
        Ok(copies)
    }

    /// Merges the copies found (see [`Journal::merge_conflict_copies`]). Call with the
    /// lock held.
    fn merge_copies(&mut self, copies: Vec<conflict::ConflictCopy>) -> Result<(), FileError> {
        let (dir, days) = (self.layout.dir.clone(), self.layout.days_dir());
        for copy in copies {
            let summary = if copy.original == self.layout.treatments() {
                self.merge_treatments_copy(&copy.path)
            } else {
                self.merge_month_copy(&copy)
            };
            let summary = match summary {
                Ok(summary) => summary,
                Err(err) => {
                    self.unreadable_copies.insert(copy.path.clone());
                    self.notices.push(format!(
                        "a sync conflict copy could not be merged and was left as it is: {err}"
                    ));
                    continue;
                }
            };
            let backups = self.layout.backups_dir();
            conflict::put_aside(&copy.path, &backups).map_err(io_error(&copy.path))?;
            self.notices.push(summary);
        }
        // Our own writes and moves changed the folders: remember them as they are now.
        self.folders_seen = (Fingerprint::current(&dir)?, Fingerprint::current(&days)?);
        Ok(())
    }

    fn merge_month_copy(&mut self, copy: &conflict::ConflictCopy) -> Result<String, FileError> {
        let name = copy
            .original
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let month: Month = name
            .parse()
            .map_err(|err: aftercare_domain::model::NotAMonth| {
                FileError::new(&copy.path, None, err.to_string())
            })?;
        let (theirs, _) = store::read::<MonthFile>(&copy.path)?;
        // A copy holding another month's day is refused before anything is merged: merged,
        // it would make the month file one the journal refuses to read.
        let theirs = only_month(
            theirs.unwrap_or_else(|| MonthFile::empty(month)),
            month,
            &copy.path,
        )?;
        let (ours, _) = self.read_month(month)?;
        let mut merged = ours.clone();
        merged.merge(&theirs);
        let summary = month_summary(&ours, &merged);
        if merged != ours {
            // Saved with our unsaved changes on top (applying them again later is harmless).
            for op in &self.unsaved {
                op.apply_to_month(&mut merged);
            }
            self.months.insert(month, merged);
            self.write_file(FileId::Month(month))?;
        }
        Ok(format!(
            "Merged changes from another device: {summary} ({month}; copy kept in backups/)"
        ))
    }

    fn merge_treatments_copy(&mut self, copy: &std::path::Path) -> Result<String, FileError> {
        let (theirs, _) = store::read::<TreatmentsFile>(copy)?;
        let theirs = theirs.unwrap_or_else(TreatmentsFile::empty);
        let (ours, _) = store::read::<TreatmentsFile>(&self.layout.treatments())?;
        let ours = ours.unwrap_or_else(TreatmentsFile::empty);
        let mut merged = ours.clone();
        merged.merge(&theirs);
        let added = merged
            .treatments
            .iter()
            .filter(|t| !ours.treatments.contains(t))
            .count();
        let removed = merged.deleted.len() - ours.deleted.len();
        if merged != ours {
            for op in &self.unsaved {
                op.apply_to_treatments(&mut merged);
            }
            self.treatments = merged;
            self.write_file(FileId::Treatments)?;
        }
        Ok(format!(
            "Merged changes from another device: {} (copy kept in backups/)",
            plural_list(&[
                (
                    added,
                    "treatment added or corrected",
                    "treatments added or corrected"
                ),
                (removed, "deleted", "deleted")
            ])
        ))
    }

    /// True when a change is in memory but not yet on disk (a save failed).
    pub fn has_unsaved_changes(&self) -> bool {
        !self.unsaved.is_empty()
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

/// `treatments`: the stem of `treatments.ron`, for its conflict copies.
/// `file` if it holds `month` and only days of it; else where in `path` it does not.
fn only_month(
    file: MonthFile,
    month: Month,
    path: &std::path::Path,
) -> Result<MonthFile, FileError> {
    if file.month != month {
        return Err(FileError::new(
            path,
            position_in_file(path, &format!("\"{}\"", file.month)),
            format!("says it holds {} but is named for {month}", file.month),
        ));
    }
    if let Some(stray) = file.days.keys().find(|date| !month.contains(**date)) {
        return Err(FileError::new(
            path,
            position_in_file(path, &format!("\"{stray}\"")),
            format!("holds {stray}, which is not in {month}"),
        ));
    }
    Ok(file)
}

fn is_treatments_stem(stem: &str) -> bool {
    stem == "treatments"
}

/// An I/O error on `path`, as the journal reports it.
fn io_error(path: &std::path::Path) -> impl Fn(std::io::Error) -> FileError + '_ {
    move |err| FileError::io(path, &err)
}

/// `2027-03`: a month file's stem, exactly as `load_month` names it.
fn is_month_stem(stem: &str) -> bool {
    stem.parse::<Month>().is_ok_and(|m| m.to_string() == stem)
}

/// What a merge brought into a month: "3 ticks, 1 note".
fn month_summary(before: &MonthFile, after: &MonthFile) -> String {
    let ids = |file: &MonthFile| -> BTreeSet<EventId> {
        file.days
            .values()
            .flat_map(|d| d.ticks.values().flatten().map(|t| t.id))
            .collect()
    };
    let (old, new) = (ids(before), ids(after));
    let added = new.difference(&old).count();
    let unticked = old.difference(&new).count();
    let (mut notes, mut scores) = (0, 0);
    for (date, day) in &after.days {
        let was = before.days.get(date);
        if was.map(|w| &w.notes) != Some(&day.notes) && !day.notes.is_empty() {
            notes += 1;
        }
        if was.map(|w| w.symptoms_edit) != Some(day.symptoms_edit) {
            scores += 1;
        }
    }
    plural_list(&[
        (added, "tick", "ticks"),
        (unticked, "untick", "unticks"),
        (notes, "note", "notes"),
        (scores, "skin score", "skin scores"),
    ])
}

/// "3 ticks, 1 note"; "nothing new" when all are zero.
fn plural_list(counts: &[(usize, &str, &str)]) -> String {
    let parts: Vec<String> = counts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect();
    if parts.is_empty() {
        "nothing new".to_string()
    } else {
        parts.join(", ")
    }
}

/// Where `needle` first is in the file at `path` (read as every journal file is), to place
/// a problem found after parsing.
fn position_in_file(path: &std::path::Path, needle: &str) -> Option<(usize, usize)> {
    let (bytes, _) = safe_file::read_capped(path, MAX_FILE_BYTES).ok()??;
    format::position::position_of(std::str::from_utf8(&bytes).ok()?, needle)
}
