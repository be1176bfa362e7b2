//! What the journal files hold, exactly as written to disk.
//!
//! The journal is split so that start-up and saving stay cheap however many years it holds:
//! `treatments.ron` is small, and each calendar month of daily entries has its own file.
//! Every file carries a `version`; a file newer than this build is refused, never rewritten.

use std::collections::BTreeMap;
use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::domain::time::Stamp;

/// The journal schema this build reads and writes.
pub const JOURNAL_VERSION: u32 = 1;

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
}

/// `treatments.ron`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreatmentsFile {
    pub version: u32,
    /// Oldest first.
    #[serde(default)]
    pub treatments: Vec<Treatment>,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
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

/// Everything logged for one calendar day.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayEntry {
    /// Per plan item, the instant of each tick: the count is the number of ticks.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ticks: BTreeMap<String, Vec<crate::domain::time::Stamp>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symptoms: Option<Symptoms>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl DayEntry {
    pub fn count(&self, item_id: &str) -> u32 {
        self.ticks
            .get(item_id)
            .map_or(0, |ticks| u32::try_from(ticks.len()).unwrap_or(u32::MAX))
    }

    pub fn is_empty(&self) -> bool {
        self.ticks.values().all(Vec::is_empty) && self.symptoms.is_none() && self.note.is_empty()
    }
}

/// `days/YYYY-MM.ron`: the entries of one calendar month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthFile {
    pub version: u32,
    pub month: Month,
    #[serde(default)]
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

impl std::str::FromStr for Month {
    type Err = String;

    fn from_str(text: &str) -> Result<Month, String> {
        let bad = || format!("{text:?} is not a month like 2027-03");
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
