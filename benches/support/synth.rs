//! A synthetic journal, for benchmarks, tests and anyone who wants to try the app on a long
//! history. **A test and benchmark aid: the app never calls it.**
//!
//! It writes the very files the app writes (`treatments.ron`, `days/YYYY-MM.ron`), built from
//! the journal's model types and serialised with the journal's own pretty RON settings, so
//! what the benchmarks load is what a patient's journal would hold after years of use.
//!
//! The output depends only on the [`Spec`]: a tiny hand-written PRNG (splitmix64) replaces a
//! `rand` dependency and makes every run with the same seed byte-for-byte identical.
//!
//! Shape of the history, from the built-in plan's point of view:
//! - a treatment every 6 to 11 weeks (about 60 in ten years), the first on the first day;
//! - on each day, ticks for most items of the plan that apply, and for the habits kept up
//!   after the plan stops asking (water, sunscreen, moisturiser): about 10 ticks a day;
//! - every day, symptom scores that fade over the first week, and a 100-character note.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::Path;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use aftercare::domain::plan::{CarePlan, ItemKind};
use aftercare::domain::recovery;
use aftercare::domain::time::Stamp;
use aftercare::journal::error::FileError;
use aftercare::journal::{
    DayEntry, Edit, EventId, JOURNAL_VERSION, Layout, Month, MonthFile, NoteVersion, Score,
    Symptoms, Tick, Treatment, TreatmentsFile, create_private_dir, pretty_config,
};

/// What to generate. The same spec always gives the same journal.
#[derive(Debug, Clone)]
pub struct Spec {
    /// How many consecutive days, ending on `last_day` (included).
    pub days: u32,
    pub last_day: Date,
    /// The zone the entries were "logged" in (their offsets follow its DST rules).
    pub time_zone: TimeZone,
    pub seed: u64,
}

impl Spec {
    /// `days` days ending on `last_day`, in a fixed UTC+1 zone, seed 1.
    pub fn days(days: u32, last_day: Date) -> Spec {
        Spec {
            days,
            last_day,
            time_zone: TimeZone::fixed(jiff::tz::offset(1)),
            seed: 1,
        }
    }

    /// `years` × 365 days: `Spec::years(10, …)` is the benchmarks' ten-year journal.
    pub fn years(years: u32, last_day: Date) -> Spec {
        Spec::days(years * 365, last_day)
    }
}

/// A generated journal, in memory: exactly the content of its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthJournal {
    pub treatments: TreatmentsFile,
    /// Oldest month first.
    pub months: Vec<MonthFile>,
}

impl SynthJournal {
    pub fn day_count(&self) -> usize {
        self.months.iter().map(|m| m.days.len()).sum()
    }

    pub fn tick_count(&self) -> usize {
        self.months
            .iter()
            .flat_map(|m| m.days.values())
            .flat_map(|day| day.ticks.values())
            .map(Vec::len)
            .sum()
    }

    /// Writes the journal into `dir`, which must not hold a journal already: this never
    /// overwrites anybody's data. Files are private (0600), as the app makes them.
    pub fn write(&self, dir: &Path) -> Result<(), FileError> {
        let layout = Layout::new(dir);
        for path in [layout.treatments(), layout.days_dir()] {
            if path.exists() {
                return Err(FileError::new(
                    &path,
                    None,
                    "already exists: give an empty or new directory, a journal is never overwritten",
                ));
            }
        }
        let days_dir = layout.days_dir();
        create_private_dir(&days_dir).map_err(|err| FileError::io(&days_dir, &err))?;
        write_ron(&layout.treatments(), &self.treatments)?;
        for month in &self.months {
            write_ron(&layout.month(month.month), month)?;
        }
        Ok(())
    }
}

/// Same serialiser and settings as the journal's own saves; no fsync (throwaway data).
fn write_ron<T: serde::Serialize>(path: &Path, value: &T) -> Result<(), FileError> {
    use std::os::unix::fs::OpenOptionsExt as _;
    let text = ron::ser::to_string_pretty(value, pretty_config())
        .map_err(|err| FileError::new(path, None, err.to_string()))?;
    let io_err = |err: std::io::Error| FileError::io(path, &err);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io_err)?;
    file.write_all(text.as_bytes()).map_err(io_err)?;
    file.write_all(b"\n").map_err(io_err)
}

/// Builds the journal in memory, following `plan`'s items day by day.
pub fn generate(plan: &CarePlan, spec: &Spec) -> SynthJournal {
    let mut rng = SplitMix64(spec.seed);
    let first_day = spec
        .last_day
        .checked_sub(jiff::Span::new().days(i64::from(spec.days.saturating_sub(1))))
        .expect("the first day is a valid date");
    let mut treatments: Vec<Treatment> = Vec::new();
    let mut next_treatment = first_day;
    let mut months: BTreeMap<Month, MonthFile> = BTreeMap::new();
    for date in first_day
        .series(jiff::Span::new().days(1))
        .take(spec.days as usize)
    {
        if date == next_treatment {
            let at = stamp(date, 10 + rng.below(7), rng.below(60), &spec.time_zone);
            let mut treatment =
                Treatment::new(at, AREAS[rng.below(AREAS.len() as u64) as usize], "");
            treatment.id = EventId(rng.next().max(1));
            treatment.edit = Some(Edit {
                at,
                id: EventId(rng.next().max(1)),
            });
            treatments.push(treatment);
            let gap = 42 + rng.below(36);
            next_treatment = date
                .checked_add(jiff::Span::new().days(gap as i64))
                .unwrap_or(Date::MAX);
        }
        let day = treatments
            .last()
            .and_then(|t| recovery::day_number(t, date))
            .unwrap_or(0);
        let entry = day_entry(plan, day, date, &spec.time_zone, &mut rng);
        months
            .entry(Month::of(date))
            .or_insert_with(|| MonthFile::empty(Month::of(date)))
            .days
            .insert(date, entry);
    }
    SynthJournal {
        treatments: TreatmentsFile {
            version: JOURNAL_VERSION,
            treatments,
            deleted: Default::default(),
        },
        months: months.into_values().collect(),
    }
}

/// Items the patient keeps ticking after the plan stops asking (water, sunscreen,
/// moisturiser are habits worth keeping): so every day holds about 10 ticks, the size the
/// performance budgets were set for, and exports and History meet ticks off the plan.
const HABITS: [&str; 3] = ["water", "sunscreen", "moisturiser"];

const AREAS: [&str; 3] = ["face", "face and neck", "forehead"];

const NOTE_WORDS: [&str; 8] = [
    "Skin feels tight this morning,",
    "a little pink around the cheeks;",
    "moisturiser helps a lot.",
    "Slept well, no itching.",
    "Some flaking near the nose, left it alone.",
    "Drank water all day as planned.",
    "Stayed indoors at noon, hat on for the walk.",
    "Looks calmer than yesterday.",
];

/// The length of every generated note, in characters.
pub const NOTE_LEN: usize = 100;

fn day_entry(
    plan: &CarePlan,
    day: u32,
    date: Date,
    zone: &TimeZone,
    rng: &mut SplitMix64,
) -> DayEntry {
    let mut entry = DayEntry::default();
    let kept_up = plan
        .items
        .iter()
        .filter(|item| !item.days.contains(day) && HABITS.contains(&item.id.as_str()));
    for item in plan.items_on(day).chain(kept_up) {
        let count = match item.kind {
            ItemKind::Check | ItemKind::Avoid => u64::from(rng.below(10) < 9),
            ItemKind::Counted { target } => u64::from(target).saturating_sub(3) + rng.below(5),
            ItemKind::Timed { sessions, .. } => rng.below(u64::from(sessions) + 1),
        };
        let mut ticks: Vec<Tick> = (0..count)
            .map(|_| Tick {
                at: stamp(date, 8 + rng.below(14), rng.below(60), zone),
                id: EventId(rng.next().max(1)),
            })
            .collect();
        ticks.sort();
        if !ticks.is_empty() {
            entry.ticks.insert(item.id.clone(), ticks);
        }
    }
    // Redness and swelling fade over the first week; dryness peaks a few days in.
    let fade = |start: u32, per_day: u32, rng: &mut SplitMix64| {
        let base = start.saturating_sub(day / per_day.max(1));
        let wobble = rng.below(3) as u32;
        Score((base + wobble).saturating_sub(1).min(u32::from(Score::MAX)) as u8)
    };
    entry.symptoms = Some(Symptoms {
        redness: fade(4, 2, rng),
        swelling: fade(3, 2, rng),
        pain: fade(3, 1, rng),
        dryness: if (2..=7).contains(&day) {
            Score(2 + rng.below(2) as u8)
        } else {
            fade(1, 1, rng)
        },
    });
    let mut note = String::new();
    while note.len() < NOTE_LEN {
        note.push_str(NOTE_WORDS[rng.below(NOTE_WORDS.len() as u64) as usize]);
        note.push(' ');
    }
    note.truncate(NOTE_LEN);
    let at = stamp(date, 21, 0, zone);
    entry.notes = vec![NoteVersion {
        edit: Edit {
            at,
            id: EventId(rng.next().max(1)),
        },
        text: note,
    }];
    entry.symptoms_edit = Some(Edit {
        at,
        id: EventId(rng.next().max(1)),
    });
    entry
}

/// A local time on `date` in `zone`, as the journal stores it.
fn stamp(date: Date, hour: u64, minute: u64, zone: &TimeZone) -> Stamp {
    let zoned = date
        .at(hour.min(23) as i8, minute.min(59) as i8, 0, 0)
        .to_zoned_datetime(zone.clone())
        .expect("a time of a valid date");
    Stamp::of(&zoned)
}

/// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough for fake data.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (the modulo bias is irrelevant here).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}
