//! Version-1 month files, as aftercare wrote them before ticks had identities. They load
//! with every tick kept — several ticks in the same second stay several — and are written
//! as version 2 on their next save. The identities given to their ticks and notes are
//! derived from the content, so two machines upgrading the same old file agree on them
//! and merging their copies counts nothing twice.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Deserialize;

use aftercare_domain::time::Stamp;

use aftercare_domain::model::{
    DayEntry, Edit, EventId, Month, MonthFile, NoteVersion, Symptoms, Tick,
};

/// `days/YYYY-MM.ron`, version 1.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthFileV1 {
    pub version: u32,
    pub month: Month,
    #[serde(default, deserialize_with = "aftercare_domain::unique_keys::map")]
    pub days: BTreeMap<Date, DayEntryV1>,
}

/// One day, version 1: bare tick times, an unstamped note and scores.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayEntryV1 {
    #[serde(default, deserialize_with = "aftercare_domain::unique_keys::map")]
    pub ticks: BTreeMap<String, Vec<Stamp>>,
    #[serde(default)]
    pub symptoms: Option<Symptoms>,
    #[serde(default)]
    pub note: String,
}

impl MonthFileV1 {
    /// The same month in version 2 (the `version` field says 1 until it is saved).
    pub fn upgrade(self) -> MonthFile {
        let days = self
            .days
            .into_iter()
            .map(|(date, day)| (date, day.upgrade(date)))
            .filter(|(_, day)| !day.is_blank())
            .collect();
        MonthFile {
            version: self.version,
            month: self.month,
            days,
        }
    }
}

impl DayEntryV1 {
    fn upgrade(self, date: Date) -> DayEntry {
        let day = date.to_string();
        let mut entry = DayEntry {
            symptoms: self.symptoms,
            ..DayEntry::default()
        };
        for (item, stamps) in self.ticks {
            let mut ticks = Vec::with_capacity(stamps.len());
            for (index, at) in stamps.iter().enumerate() {
                let text = at.to_string();
                // The rank among ticks of the same instant: two in one second stay two.
                let rank = stamps[..index].iter().filter(|s| **s == *at).count();
                let id = EventId::derived(&[
                    b"tick",
                    day.as_bytes(),
                    item.as_bytes(),
                    text.as_bytes(),
                    rank.to_string().as_bytes(),
                ]);
                ticks.push(Tick { at: *at, id });
            }
            ticks.sort();
            if !ticks.is_empty() {
                entry.ticks.insert(item, ticks);
            }
        }
        if !self.note.is_empty() {
            // An old note has no time: midnight UTC of its day, so any new edit wins.
            let instant = date
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .map_or(jiff::Timestamp::UNIX_EPOCH, |z| z.timestamp());
            let midnight = Stamp {
                instant,
                offset: jiff::tz::Offset::UTC,
            };
            let id = EventId::derived(&[b"note", day.as_bytes(), self.note.as_bytes()]);
            entry.notes.push(NoteVersion {
                edit: Edit { at: midnight, id },
                text: self.note,
            });
        }
        entry
    }
}
