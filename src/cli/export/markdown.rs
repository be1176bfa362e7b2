//! The Markdown report: a section per treatment with the care done each day, the symptom
//! scores as a table (their trend reads down the columns), and the notes. Plain enough to
//! print, or to paste into a message to the dermatologist.

use std::fmt::Write as _;

use crate::cli::treatment::describe;
use crate::journal::Score;

use super::{DayRow, History};

pub(super) fn render(history: &History) -> String {
    let mut text = String::from("# Microneedling aftercare report\n\n");
    let _ = write!(
        text,
        "Generated on {} · plan: {}",
        history.generated.strftime("%Y-%m-%d %H:%M (%:z)"),
        history.source
    );
    if let Some(since) = history.since {
        let _ = write!(text, " · from {since}");
    }
    text.push_str(
        "\n\nCare: the share of each day's care plan that was done (every item weighs the same).\n\
         Symptoms: 0 none, 1 mild, 2 moderate, 3 marked, 4 severe.\n",
    );
    if history.days.is_empty() {
        text.push_str("\nNothing logged yet.\n");
        return text;
    }
    for group in history.days.chunk_by(|a, b| a.treatment == b.treatment) {
        let heading = match group[0].treatment {
            Some(index) => format!(
                "Treatment {} of {}: {}",
                index + 1,
                history.treatments.len(),
                describe(&history.treatments[index])
            ),
            None => "Before the first treatment".to_string(),
        };
        let _ = writeln!(text, "\n## {}\n", cell(&heading));
        section(&mut text, group);
    }
    if let Some((from, to)) = history.next_session {
        let _ = writeln!(
            text,
            "\n## Next session\n\nSuggested between {from} and {to} by the care plan's default \
             spacing; the dermatologist decides."
        );
    }
    text
}

/// One treatment's days: summary line, care table, symptoms table, notes.
fn section(text: &mut String, days: &[DayRow]) {
    let (first, last) = (&days[0], &days[days.len() - 1]);
    let _ = write!(text, "{} to {}", first.date, last.date);
    let adherences: Vec<f64> = days.iter().filter_map(|d| d.adherence).collect();
    if !adherences.is_empty() {
        let mean = adherences.iter().sum::<f64>() / adherences.len() as f64;
        let _ = write!(text, " · average care {}", percent(mean));
    }
    text.push_str("\n\n### Care\n\n| Date | Day | Care | Not complete |\n|---|--:|--:|---|\n");
    for row in days {
        let complete = row
            .items
            .iter()
            .filter(|i| i.complete() == Some(true))
            .count();
        let planned = row.items.iter().filter(|i| i.target.is_some()).count();
        let care = row.adherence.map_or("—".to_string(), |a| {
            format!("{} ({complete}/{planned})", percent(a))
        });
        let missing: Vec<String> = row
            .items
            .iter()
            .filter_map(|i| Some((i, i.target?)))
            .filter(|(i, target)| i.count < *target)
            .map(|(i, target)| format!("{} {}/{target}", i.label, i.count))
            .collect();
        let _ = writeln!(
            text,
            "| {} | {} | {care} | {} |",
            row.date,
            day(row),
            cell(&missing.join(", "))
        );
    }
    symptoms(text, days);
    notes(text, days);
}

fn symptoms(text: &mut String, days: &[DayRow]) {
    text.push_str("\n### Symptoms\n\n");
    let scored: Vec<_> = days
        .iter()
        .filter_map(|row| Some((row, row.symptoms?)))
        .collect();
    if scored.is_empty() {
        text.push_str("No symptoms scored.\n");
        return;
    }
    text.push_str(
        "| Date | Day | Redness | Swelling | Pain | Dryness | Total /16 |\n|---|--:|---|---|---|---|--:|\n",
    );
    for (row, s) in scored {
        let scores = [s.redness, s.swelling, s.pain, s.dryness];
        let total: u32 = scores.iter().map(|score| u32::from(score.0)).sum();
        let cells: Vec<String> = scores.iter().map(|score| score_cell(*score)).collect();
        let _ = writeln!(
            text,
            "| {} | {} | {} | {total} |",
            row.date,
            day(row),
            cells.join(" | ")
        );
    }
}

fn notes(text: &mut String, days: &[DayRow]) {
    let noted: Vec<&DayRow> = days
        .iter()
        .filter(|row| !row.note.trim().is_empty())
        .collect();
    if noted.is_empty() {
        return;
    }
    text.push_str("\n### Notes\n\n");
    for row in noted {
        // Continuation lines are indented so a multi-line note stays one list item.
        let note = row.note.trim().replace('\n', "\n  ");
        let _ = writeln!(text, "- **{}** (day {}): {note}", row.date, day(row));
    }
}

fn score_cell(score: Score) -> String {
    format!("{} {}", score.0, score.word())
}

fn day(row: &DayRow) -> String {
    row.day.map_or("—".to_string(), |d| d.to_string())
}

fn percent(fraction: f64) -> String {
    format!("{:.0}%", fraction * 100.0)
}

/// Text made safe for a table cell: no line breaks, no column separators.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
