//! The CSV exports (RFC 4180, with a header), for a spreadsheet, in two shapes so nothing
//! repeats: `csv` has one row per day and item, `csv-days` one row per day with the day's
//! care count, symptom scores and note. They join on `date`.

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
pub const DAYS_HEADER: [&str; 10] = [
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
];

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
            .map(|row| day_record(&history.treatments, row)),
    )
}

fn text(value: Option<String>) -> String {
    value.unwrap_or_default()
}

/// Writes a CSV export row by row as its days come (`super::stream_csv`): the header
/// first, then [`Stream::day`] for each day, in either shape.
pub(super) struct Stream<'a> {
    writer: ::csv::Writer<&'a mut dyn std::io::Write>,
    days_shape: bool,
}

impl<'a> Stream<'a> {
    /// Starts with the header of `--format csv-days` (`days_shape`) or `--format csv`.
    pub(super) fn start(
        out: &'a mut dyn std::io::Write,
        days_shape: bool,
    ) -> std::io::Result<Stream<'a>> {
        let mut writer = ::csv::Writer::from_writer(out);
        if days_shape {
            writer.write_record(DAYS_HEADER).map_err(into_io)?;
        } else {
            writer.write_record(HEADER).map_err(into_io)?;
        }
        Ok(Stream { writer, days_shape })
    }

    /// The day's rows: one in the days shape, one per item otherwise.
    pub(super) fn day(&mut self, treatments: &[Treatment], row: &DayRow) -> std::io::Result<()> {
        if self.days_shape {
            let record = day_record(treatments, row);
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

fn day_record(treatments: &[Treatment], row: &DayRow) -> Vec<String> {
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
    record
}
