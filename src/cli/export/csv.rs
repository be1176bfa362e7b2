//! The CSV export: one row per day and item (RFC 4180, with a header), for a spreadsheet.
//! A day with nothing to tick but symptoms or a note still gets one row, with the item
//! columns empty. The day's columns repeat on each of its rows so any row stands alone.

use super::{DayRow, History, ItemRow};
use crate::domain::model::{Symptom, Treatment};

/// The header row; the column names are stable for scripts.
pub const HEADER: [&str; 14] = [
    "date",
    "day",
    "treatment_at",
    "item",
    "label",
    "count",
    "target",
    "complete",
    "adherence",
    Symptom::Redness.key(),
    Symptom::Swelling.key(),
    Symptom::Pain.key(),
    Symptom::Dryness.key(),
    "note",
];

pub(super) fn render(history: &History) -> String {
    let mut bytes = Vec::new();
    let mut writer = Writer::new(&mut bytes);
    let write = |writer: &mut Writer<'_>, row: &DayRow| {
        writer
            .day(&history.treatments, row)
            .expect("writing CSV to memory cannot fail");
    };
    writer.header().expect("writing CSV to memory cannot fail");
    for row in &history.days {
        write(&mut writer, row);
    }
    writer.finish().expect("flushing CSV to memory cannot fail");
    String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
}

/// Writes the header and then day after day, to memory or straight out (the streamed
/// export, `super::stream_csv`).
pub(super) struct Writer<'a>(::csv::Writer<&'a mut dyn std::io::Write>);

impl<'a> Writer<'a> {
    pub(super) fn new(out: &'a mut dyn std::io::Write) -> Writer<'a> {
        Writer(::csv::Writer::from_writer(out))
    }

    pub(super) fn header(&mut self) -> std::io::Result<()> {
        self.0.write_record(HEADER).map_err(into_io)
    }

    /// A day's rows: one per item, or one with the item columns empty.
    pub(super) fn day(&mut self, treatments: &[Treatment], row: &DayRow) -> std::io::Result<()> {
        if row.items.is_empty() {
            self.0
                .write_record(record(treatments, row, None))
                .map_err(into_io)?;
        }
        for item in &row.items {
            self.0
                .write_record(record(treatments, row, Some(item)))
                .map_err(into_io)?;
        }
        Ok(())
    }

    /// Flushes what is buffered; its error is the output's.
    pub(super) fn finish(mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

fn into_io(err: ::csv::Error) -> std::io::Error {
    match err.into_kind() {
        ::csv::ErrorKind::Io(err) => err,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

fn record(treatments: &[Treatment], row: &DayRow, item: Option<&ItemRow>) -> Vec<String> {
    let text = |value: Option<String>| value.unwrap_or_default();
    let treatment = row.treatment.and_then(|index| treatments.get(index));
    let scores = row
        .symptoms
        .map(|s| [s.redness, s.swelling, s.pain, s.dryness]);
    let score = |index: usize| text(scores.map(|s| s[index].0.to_string()));
    vec![
        row.date.to_string(),
        text(row.day.map(|d| d.to_string())),
        text(treatment.map(|t| t.at.to_string())),
        text(item.map(|i| i.id.clone())),
        text(item.map(|i| i.label.clone())),
        text(item.map(|i| i.count.to_string())),
        text(item.and_then(|i| i.target).map(|t| t.to_string())),
        text(item.and_then(ItemRow::complete).map(|c| c.to_string())),
        text(row.adherence.map(|a| format!("{a:.2}"))),
        score(0),
        score(1),
        score(2),
        score(3),
        row.note.clone(),
    ]
}
