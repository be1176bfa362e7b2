//! The CSV export: one row per day and item (RFC 4180, with a header), for a spreadsheet.
//! A day with nothing to tick but symptoms or a note still gets one row, with the item
//! columns empty. The day's columns repeat on each of its rows so any row stands alone.

use super::{DayRow, History, ItemRow};
use crate::domain::model::Symptom;

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
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let write = |writer: &mut ::csv::Writer<Vec<u8>>, record: &[String]| {
        writer
            .write_record(record)
            .expect("writing CSV to memory cannot fail");
    };
    write(&mut writer, &HEADER.map(String::from));
    for row in &history.days {
        if row.items.is_empty() {
            write(&mut writer, &record(history, row, None));
        }
        for item in &row.items {
            write(&mut writer, &record(history, row, Some(item)));
        }
    }
    let bytes = writer
        .into_inner()
        .expect("flushing CSV to memory cannot fail");
    String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
}

fn record(history: &History, row: &DayRow, item: Option<&ItemRow>) -> Vec<String> {
    let text = |value: Option<String>| value.unwrap_or_default();
    let treatment = row
        .treatment
        .and_then(|index| history.treatments.get(index));
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
