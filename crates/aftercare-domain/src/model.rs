//! What the journal files hold, exactly as written to disk.
//!
//! The journal is split so that start-up and saving stay cheap however many years it holds:
//! `treatments.ron` is small, and each calendar month of daily entries has its own file.
//! Every file carries a `version`; a file newer than this build is refused, never rewritten.
//!
//! Version 2 gives every tick, note version, edit and treatment an identity (see
//! [`crate::event`]), so that two copies of a file can be merged exactly. Version-1
//! files load (see `legacy.rs`) and are written as version 2 on their next save.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use crate::event::{Edit, EventId, NoteVersion, Tick};
use crate::time::Stamp;

pub use crate::photo::{Photo, PhotoView};
pub use crate::procedure::Procedure;

/// The journal schema this build reads and writes.
pub const JOURNAL_VERSION: u32 = 2;

/// One microneedling session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Treatment {
    /// When it happened, with the local offset of the day.
    pub at: Stamp,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub area: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Its identity across edits and machines; 0 in a version-1 file until it is read
    /// (then derived from its content, the same on every machine).
    #[serde(default)]
    pub id: EventId,
    /// When it was last recorded or corrected: of two corrections the later wins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edit: Option<Edit>,
    /// Which procedure it was: the plan follows it. Older journals have none: standard.
    #[serde(default, skip_serializing_if = "Procedure::is_standard")]
    pub procedure: Procedure,
}

impl Treatment {
    /// A treatment not yet recorded: it gets its identity when it is.
    pub fn new(at: Stamp, area: impl Into<String>, note: impl Into<String>) -> Treatment {
        Treatment {
            at,
            area: area.into(),
            note: note.into(),
            id: EventId(0),
            edit: None,
            procedure: Procedure::Standard,
        }
    }

    /// The same treatment, recorded as `procedure`.
    pub fn with_procedure(mut self, procedure: Procedure) -> Treatment {
        self.procedure = procedure;
        self
    }

    /// The same session, ignoring identity and edit stamp (what the patient sees).
    pub fn same_as(&self, other: &Treatment) -> bool {
        (self.at, &self.area, &self.note, self.procedure)
            == (other.at, &other.area, &other.note, other.procedure)
    }

    /// Time order, then a fixed order for two treatments at one instant.
    pub fn order_key(&self) -> (jiff::Timestamp, EventId) {
        (self.at.instant, self.id)
    }
}

/// `treatments.ron`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreatmentsFile {
    pub version: u32,
    /// Oldest first.
    #[serde(default)]
    pub treatments: Vec<Treatment>,
    /// Tombstones: the identities of deleted treatments, so that a merge does not bring
    /// them back.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub deleted: BTreeSet<EventId>,
}

impl TreatmentsFile {
    /// No treatment yet.
    pub fn empty() -> TreatmentsFile {
        TreatmentsFile {
            version: JOURNAL_VERSION,
            treatments: Vec::new(),
            deleted: BTreeSet::new(),
        }
    }

    /// Gives version-1 treatments (identity 0) the identity their content implies: the
    /// same on every machine that upgrades the same file. Two identical ones differ by
    /// their rank among the identical.
    pub fn identify_legacy(&mut self) {
        let mut seen: Vec<String> = Vec::new();
        for treatment in &mut self.treatments {
            if treatment.id != EventId(0) {
                continue;
            }
            let key = format!("{}|{}|{}", treatment.at, treatment.area, treatment.note);
            let rank = seen.iter().filter(|k| **k == key).count().to_string();
            treatment.id = EventId::derived(&[b"treatment", key.as_bytes(), rank.as_bytes()]);
            seen.push(key);
        }
    }
}

/// How strong a symptom is, 0 (none) to 4 (severe).
///
/// Checked when read: a hand-edited `redness: 99` is an error at its line and column, not
/// a value that later breaks a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize)]
#[serde(transparent)]
pub struct Score(pub u8);

impl<'de> Deserialize<'de> for Score {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Score, D::Error> {
        let value = u8::deserialize(deserializer)?;
        if value > Score::MAX {
            return Err(serde::de::Error::custom(format!(
                "score {value} is out of range: 0 (none) to {} (severe)",
                Score::MAX
            )));
        }
        Ok(Score(value))
    }
}

impl Score {
    pub const MAX: u8 = 4;
    const WORDS: [&str; 5] = ["none", "mild", "moderate", "marked", "severe"];

    /// The score in words, so a number never stands alone on screen.
    pub fn word(self) -> &'static str {
        Self::WORDS.get(usize::from(self.0)).copied().unwrap_or("?")
    }
}

/// The four things the patient scores each day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Symptoms {
    pub redness: Score,
    pub swelling: Score,
    pub pain: Score,
    pub dryness: Score,
}

/// The four symptoms a patient scores, in the order they are always shown. The one list
/// of their names: the form, History, the healing note and the CSV columns read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Symptom {
    Redness,
    Swelling,
    Pain,
    Dryness,
}

impl Symptom {
    pub const ALL: [Symptom; 4] = [
        Symptom::Redness,
        Symptom::Swelling,
        Symptom::Pain,
        Symptom::Dryness,
    ];

    /// One word, for charts and sentences: "Pain".
    pub const fn name(self) -> &'static str {
        match self {
            Symptom::Redness => "Redness",
            Symptom::Swelling => "Swelling",
            Symptom::Pain => "Pain",
            Symptom::Dryness => "Dryness",
        }
    }

    /// As the skin form asks about it: "Pain, tenderness".
    pub const fn question(self) -> &'static str {
        match self {
            Symptom::Redness => "Redness",
            Symptom::Swelling => "Swelling",
            Symptom::Pain => "Pain, tenderness",
            Symptom::Dryness => "Dryness, flaking",
        }
    }

    /// The column name in exports: "pain".
    pub const fn key(self) -> &'static str {
        match self {
            Symptom::Redness => "redness",
            Symptom::Swelling => "swelling",
            Symptom::Pain => "pain",
            Symptom::Dryness => "dryness",
        }
    }
}

impl Symptoms {
    /// The score of one symptom, to set it.
    pub fn get_mut(&mut self, symptom: Symptom) -> &mut Score {
        match symptom {
            Symptom::Redness => &mut self.redness,
            Symptom::Swelling => &mut self.swelling,
            Symptom::Pain => &mut self.pain,
            Symptom::Dryness => &mut self.dryness,
        }
    }

    /// The score of one symptom.
    pub fn get(&self, symptom: Symptom) -> Score {
        match symptom {
            Symptom::Redness => self.redness,
            Symptom::Swelling => self.swelling,
            Symptom::Pain => self.pain,
            Symptom::Dryness => self.dryness,
        }
    }
}

/// Everything logged for one calendar day (schema version 2).
///
/// Read it through the methods; the fields are public for the file format and for merges.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayEntry {
    /// Per plan item, its live ticks, oldest first: the count is their number.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::unique_keys::map"
    )]
    pub ticks: BTreeMap<String, Vec<Tick>>,
    /// Tombstones: the identities of ticks taken back. A merge never brings them back.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub unticked: BTreeSet<EventId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symptoms: Option<Symptoms>,
    /// When the scores were last set (or cleared); `None` in a version-1 file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symptoms_edit: Option<Edit>,
    /// The note's live versions, oldest edit first (see [`NoteVersion`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<NoteVersion>,
    /// Tombstones: note versions replaced by a later edit.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub replaced: BTreeSet<EventId>,
    /// The warning signs (ids from the plan's list) the patient ticked in the skin form
    /// that day: each one means "call your clinic". An older aftercare refuses a file with
    /// this field rather than dropping it (`deny_unknown_fields`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signs: Vec<String>,
    /// When the signs were last set (or cleared): of two copies the later edit wins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signs_edit: Option<Edit>,
    /// The patient said the alerts standing at that moment were dealt with (they called
    /// the clinic, or it went away). A sign or score logged after it raises its alert again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<Resolution>,
    /// When the resolution was last set (or taken back): of two copies the later wins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_edit: Option<Edit>,
    /// The day's photos, in the order taken (see [`crate::photo`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<Photo>,
    /// Tombstones: the identities of photos removed, so a merge does not bring them back.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub removed_photos: BTreeSet<EventId>,
}

/// How the patient dealt with the alerts standing: what the report says beside them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Resolution {
    /// "I called my clinic".
    Called,
    /// "It went away".
    Gone,
}

impl Resolution {
    /// "called the clinic", "it went away": as the report and the shell say it.
    pub fn describe(self) -> &'static str {
        match self {
            Resolution::Called => "called the clinic",
            Resolution::Gone => "it went away",
        }
    }
}

impl DayEntry {
    /// How many times an item was ticked.
    pub fn count(&self, item_id: &str) -> u32 {
        u32::try_from(self.ticks_of(item_id).len()).unwrap_or(u32::MAX)
    }

    /// An item's live ticks, oldest first.
    pub fn ticks_of(&self, item_id: &str) -> &[Tick] {
        self.ticks.get(item_id).map_or(&[], Vec::as_slice)
    }

    /// The items ticked this day, with their ticks.
    pub fn items(&self) -> impl Iterator<Item = (&str, &[Tick])> {
        self.ticks
            .iter()
            .filter(|(_, ticks)| !ticks.is_empty())
            .map(|(id, ticks)| (id.as_str(), ticks.as_slice()))
    }

    pub fn symptoms(&self) -> Option<Symptoms> {
        self.symptoms
    }

    /// The note as the patient reads it: after edits on two machines at once, both texts,
    /// oldest first, each once.
    pub fn note(&self) -> String {
        let mut texts: Vec<&str> = Vec::new();
        for version in &self.notes {
            if !texts.contains(&version.text.as_str()) {
                texts.push(&version.text);
            }
        }
        texts.join("\n\n")
    }

    /// Nothing logged: no tick, no scores, no note (tombstones may remain).
    pub fn is_empty(&self) -> bool {
        self.ticks.values().all(Vec::is_empty)
            && self.symptoms.is_none()
            && self.signs.is_empty()
            && self.notes.is_empty()
            && self.photos.is_empty()
    }

    /// Nothing stored at all, not even a tombstone: the day can leave the file.
    pub fn is_blank(&self) -> bool {
        self.is_empty()
            && self.unticked.is_empty()
            && self.replaced.is_empty()
            && self.symptoms_edit.is_none()
            && self.signs_edit.is_none()
            && self.resolved_edit.is_none()
            && self.removed_photos.is_empty()
    }

    /// Adds a photo, unless it is already there or was removed.
    pub fn add_photo(&mut self, photo: &Photo) {
        if self.removed_photos.contains(&photo.id) || self.photos.iter().any(|p| p.id == photo.id) {
            return;
        }
        let at = self
            .photos
            .partition_point(|p| p.order_key() < photo.order_key());
        self.photos.insert(at, photo.clone());
    }

    /// Removes a photo, leaving its tombstone.
    pub fn remove_photo(&mut self, id: EventId) {
        self.removed_photos.insert(id);
        self.photos.retain(|p| p.id != id);
    }

    /// A photo of the day by its identity.
    pub fn photo(&self, id: EventId) -> Option<&Photo> {
        self.photos.iter().find(|p| p.id == id)
    }

    /// Sets (or takes back) the day's resolution of the alerts, unless a later edit did.
    pub fn set_resolved(&mut self, resolved: Option<Resolution>, edit: Edit) {
        if self.resolved_edit.is_none_or(|current| edit > current) {
            self.resolved = resolved;
            self.resolved_edit = Some(edit);
        }
    }

    /// The edit of the day's resolution, if it stands (not taken back).
    pub fn resolution(&self) -> Option<(Resolution, Option<Edit>)> {
        self.resolved.map(|r| (r, self.resolved_edit))
    }

    /// Sets (or clears) the warning signs ticked, unless a later edit already did.
    pub fn set_signs(&mut self, signs: &[String], edit: Edit) {
        if self.signs_edit.is_none_or(|current| edit > current) {
            self.signs = signs.to_vec();
            self.signs_edit = Some(edit);
        }
    }

    /// Adds a tick with a fresh identity: for whole-day edits (see
    /// `Journal::edit_day`), which become operations afterwards.
    pub fn push_tick(&mut self, item_id: &str, at: Stamp) {
        self.add_tick(item_id, Tick::new(at));
    }

    /// Replaces the note's text: for whole-day edits (see `Journal::edit_day`), which
    /// stamp the edit when they become an operation.
    pub fn write_note(&mut self, text: &str) {
        let placeholder = Edit {
            at: self.notes.last().map_or(
                Stamp {
                    instant: jiff::Timestamp::UNIX_EPOCH,
                    offset: jiff::tz::Offset::UTC,
                },
                |v| v.edit.at,
            ),
            id: EventId::random(),
        };
        self.notes.clear();
        if !text.is_empty() {
            self.notes.push(NoteVersion {
                edit: placeholder,
                text: text.to_string(),
            });
        }
    }

    /// Adds a tick, unless it is already there or was taken back.
    pub fn add_tick(&mut self, item_id: &str, tick: Tick) {
        if self.unticked.contains(&tick.id) {
            return;
        }
        let ticks = self.ticks.entry(item_id.to_string()).or_default();
        if let Err(at) = ticks.binary_search(&tick) {
            ticks.insert(at, tick);
        }
    }

    /// Takes ticks back, leaving their tombstones.
    pub fn remove_ticks(&mut self, item_id: &str, ids: impl IntoIterator<Item = EventId>) {
        self.unticked.extend(ids);
        if let Some(ticks) = self.ticks.get_mut(item_id) {
            ticks.retain(|tick| !self.unticked.contains(&tick.id));
            if ticks.is_empty() {
                self.ticks.remove(item_id);
            }
        }
    }

    /// Sets (or clears) the scores, unless a later edit already did.
    pub fn set_symptoms(&mut self, symptoms: Option<Symptoms>, edit: Edit) {
        if self.symptoms_edit.is_none_or(|current| edit > current) {
            self.symptoms = symptoms;
            self.symptoms_edit = Some(edit);
        }
    }

    /// Replaces the versions `replaces` names by `text` (none when empty); a version not
    /// named (written elsewhere meanwhile) stays beside it, as a merge keeps both.
    pub fn rewrite_note(&mut self, text: &str, replaces: &[EventId], edit: Edit) {
        if self.replaced.contains(&edit.id) || self.notes.iter().any(|v| v.edit == edit) {
            return;
        }
        self.replaced.extend(replaces.iter().copied());
        self.notes.retain(|v| !replaces.contains(&v.edit.id));
        if text.is_empty() {
            self.replaced.insert(edit.id);
        } else {
            let at = self.notes.partition_point(|v| v.edit < edit);
            self.notes.insert(
                at,
                NoteVersion {
                    edit,
                    text: text.to_string(),
                },
            );
        }
    }

    /// Adds `line` at the end of the note as it reads now (a new version replacing the
    /// ones read); once per edit.
    pub fn append_note(&mut self, line: &str, edit: Edit) {
        let old = self.note();
        let old = old.trim_end();
        let text = match (old.is_empty(), line.trim().is_empty()) {
            (_, true) => old.to_string(),
            (true, false) => line.to_string(),
            (false, false) => format!("{old}\n{line}"),
        };
        self.set_note(&text, edit);
    }

    /// Replaces every version of the note seen here by `text` (none when empty).
    pub fn set_note(&mut self, text: &str, edit: Edit) {
        if self.replaced.contains(&edit.id) || self.notes.iter().any(|v| v.edit == edit) {
            return;
        }
        self.replaced.extend(self.notes.iter().map(|v| v.edit.id));
        self.notes.clear();
        if !text.is_empty() {
            self.notes.push(NoteVersion {
                edit,
                text: text.to_string(),
            });
        } else {
            self.replaced.insert(edit.id);
        }
    }
}

/// `days/YYYY-MM.ron`: the entries of one calendar month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthFile {
    pub version: u32,
    pub month: Month,
    #[serde(default, deserialize_with = "crate::unique_keys::map")]
    pub days: BTreeMap<Date, DayEntry>,
}

impl MonthFile {
    pub fn empty(month: Month) -> MonthFile {
        MonthFile {
            version: JOURNAL_VERSION,
            month,
            days: BTreeMap::new(),
        }
    }
}

/// A calendar month; names its file (`2027-03`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i16,
    pub month: i8,
}

impl Month {
    pub fn of(date: Date) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn first_day(self) -> Date {
        jiff::civil::date(self.year, self.month, 1)
    }

    pub fn contains(self, date: Date) -> bool {
        Month::of(date) == self
    }

    /// The next month (`delta` = 1) or previous one (`delta` = -1), and so on.
    pub fn offset(self, delta: i32) -> Month {
        let index = i32::from(self.year) * 12 + i32::from(self.month) - 1 + delta;
        Month {
            year: i16::try_from(index.div_euclid(12)).unwrap_or(self.year),
            month: i8::try_from(index.rem_euclid(12) + 1).unwrap_or(1),
        }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A month name that does not read (`2027-13`, `march`): months are written `2027-03`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a month like 2027-03")]
pub struct NotAMonth(pub String);

impl std::str::FromStr for Month {
    type Err = NotAMonth;

    fn from_str(text: &str) -> Result<Month, NotAMonth> {
        let bad = || NotAMonth(text.to_string());
        let (year, month) = text.split_once('-').ok_or_else(bad)?;
        let year: i16 = year.parse().map_err(|_| bad())?;
        let month: i8 = month.parse().map_err(|_| bad())?;
        jiff::civil::Date::new(year, month, 1).map_err(|_| bad())?;
        Ok(Month { year, month })
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Month, D::Error> {
        String::deserialize(deserializer)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// The days and treatments a journal holds, read-only: domain rules (adherence, symptom
/// series) are computed over it without knowing where the days come from or how they load.
pub trait Days {
    /// The entry of a day, if its month is loaded and anything was logged.
    fn day(&self, date: Date) -> Option<&DayEntry>;
    /// The treatment in force on a day: the latest one on or before it.
    fn treatment_for(&self, date: Date) -> Option<&Treatment>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_offsets_cross_years_both_ways() {
        let jan: Month = "2027-01".parse().unwrap();
        assert_eq!(jan.offset(-1).to_string(), "2026-12");
        assert_eq!(jan.offset(12).to_string(), "2028-01");
        assert_eq!(jan.offset(0), jan);
    }

    #[test]
    fn impossible_month_is_refused() {
        assert!("2027-13".parse::<Month>().is_err());
        assert!("march".parse::<Month>().is_err());
    }

    #[test]
    fn scores_have_words() {
        assert_eq!(Score(0).word(), "none");
        assert_eq!(Score(4).word(), "severe");
    }
}
