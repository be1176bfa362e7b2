//! The CSV exports (RFC 4180, with a header), for a spreadsheet, in two shapes so nothing
//! repeats: `csv` has one row per day and item, `csv-days` one row per day with the day's
//! care count, symptom scores, note and photo files. They join on `date`.
//!
//! The photo files are the last column of `csv-days`, joined by `;` (a day has a few
//! photos, one cell each would make the width vary): added at the end so that the columns
//! scripts already read keep their names and places.

use super::summary::{DayCare, ItemClass};
use super::{DayRow, History, ItemRow};
use crate::domain::model::{Symptom, Treatment};

/// The header of `--format csv`; the column names are stable for scripts.
pub const HEADER: [&str; 9] = [
    "date",
    "day",
    "treatment_at",
    "item",
    "label",
    "kind",
    "count",
    "target",
    "complete",
];

/// The header of `--format csv-days`.
pub const DAYS_HEADER: [&str; 11] = [
    "date",
    "day",
    "treatment_at",
    "care_done",
    "care_planned",
    Symptom::Redness.key(),
    Symptom::Swelling.key(),
    Symptom::Pain.key(),
    Symptom::Dryness.key(),
    "note",
    "photos",
];

/// The separator of the photo files in `csv-days`' `photos` cell: not in any file name
/// aftercare makes, and not the CSV's own comma.
const PHOTO_SEPARATOR: &str = ";";

/// Which CSV export, and what goes in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `csv`: one row per day and item.
    Items,
    /// `csv-days`: one row per day; `photos: false` (`--no-photos`) leaves the `photos`
    /// cells empty, the column still there so the shape never depends on a flag.
    Days { photos: bool },
}

fn write_all<const N: usize>(header: [&str; N], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let mut write = |record: &[String]| {
        writer
            .write_record(record)
            .expect("writing CSV to memory cannot fail");
    };
    write(&header.map(String::from));
    for row in rows {
        write(&row);
    }
    let bytes = writer
        .into_inner()
        .expect("flushing CSV to memory cannot fail");
    String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
}

pub(super) fn render(history: &History) -> String {
    write_all(
        HEADER,
        history.days.iter().flat_map(|row| {
            row.items
                .iter()
                .map(move |item| item_record(&history.treatments, row, item))
        }),
    )
}

pub(super) fn render_days(history: &History) -> String {
    write_all(
        DAYS_HEADER,
        history
            .days
            .iter()
            .map(|row| day_record(&history.treatments, row, true)),
    )
}

fn text(value: Option<String>) -> String {
    value.unwrap_or_default()
}

/// Writes a CSV export row by row as its days come (`super::stream_csv`): the header
/// first, then [`Stream::day`] for each day, in either shape.
pub(super) struct Stream<'a> {
    writer: ::csv::Writer<&'a mut dyn std::io::Write>,
    shape: Shape,
}

impl<'a> Stream<'a> {
    /// Starts with the header of `shape`.
    pub(super) fn start(
        out: &'a mut dyn std::io::Write,
        shape: Shape,
    ) -> std::io::Result<Stream<'a>> {
        let mut writer = ::csv::Writer::from_writer(out);
        match shape {
            Shape::Days { .. } => writer.write_record(DAYS_HEADER).map_err(into_io)?,
            Shape::Items => writer.write_record(HEADER).map_err(into_io)?,
        }
        Ok(Stream { writer, shape })
    }

    /// The day's rows: one in the days shape, one per item otherwise.
    pub(super) fn day(&mut self, treatments: &[Treatment], row: &DayRow) -> std::io::Result<()> {
        if let Shape::Days { photos } = self.shape {
            let record = day_record(treatments, row, photos);
            return self.writer.write_record(&record).map_err(into_io);
        }
        for item in &row.items {
            let record = item_record(treatments, row, item);
            self.writer.write_record(&record).map_err(into_io)?;
        }
        Ok(())
    }

    /// Writes out what is buffered; its error is the output's.
    pub(super) fn finish(mut self) -> std::io::Result<()> {
        self.writer.flush()
    }
}

fn into_io(err: ::csv::Error) -> std::io::Error {
    match err.into_kind() {
        ::csv::ErrorKind::Io(err) => err,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

/// The first three columns, shared by both shapes.
fn day_columns(treatments: &[Treatment], row: &DayRow) -> [String; 3] {
    let treatment = row.treatment.and_then(|index| treatments.get(index));
    [
        row.date.to_string(),
        text(row.day.map(|d| d.to_string())),
        text(treatment.map(|t| t.at.to_string())),
    ]
}

fn item_record(treatments: &[Treatment], row: &DayRow, item: &ItemRow) -> Vec<String> {
    let class = item.class();
    // Only daily items have a target to meet: a reminder not ticked is not "false".
    let complete = match class {
        ItemClass::Daily => item.complete().map(|c| c.to_string()),
        _ => None,
    };
    let mut record = day_columns(treatments, row).to_vec();
    record.extend([
        item.id.clone(),
        item.label.clone(),
        class.name().to_string(),
        item.count.to_string(),
        text(item.target.map(|t| t.to_string())),
        text(complete),
    ]);
    record
}

/// The day's row of `csv-days`; `photos: false` leaves the `photos` cell empty.
fn day_record(treatments: &[Treatment], row: &DayRow, photos: bool) -> Vec<String> {
    let care = DayCare::of(row);
    let mut record = day_columns(treatments, row).to_vec();
    record.extend([
        text(care.map(|c| c.done.to_string())),
        text(care.map(|c| c.planned.to_string())),
    ]);
    record.extend(
        Symptom::ALL.map(|symptom| text(row.symptoms.map(|s| s.get(symptom).0.to_string()))),
    );
    record.push(row.note.clone());
    record.push(if photos {
        row.photos.join(PHOTO_SEPARATOR)
    } else {
        String::new()
    });
    record
}
