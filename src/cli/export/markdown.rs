//! The Markdown report: a section per treatment with each care item over the stretch, a
//! table of the days (daily care done, symptom scores: their trend reads down the columns)
//! and the notes. Plain enough to print, or to paste into a message to the dermatologist.
//!
//! Everything the patient typed (notes, area, plan labels, name) is escaped, so `*1.5 mm*`
//! stays as typed and `<img …>` stays text when the Markdown is rendered.

use std::fmt::Write as _;

use super::summary::{self, DayCare, Section};
use super::{DayRow, History};
use crate::domain::model::Symptom;

pub(super) fn render(history: &History) -> String {
    let mut text = format!("# {}\n\n", inline(&summary::title(history)));
    let _ = write!(
        text,
        "Microneedling aftercare · generated {} · care plan: {}",
        history.generated.strftime("%Y-%m-%d %H:%M"),
        summary::plan_words(&history.source)
    );
    if let Some(since) = history.since {
        let _ = write!(text, " · from {since}");
    }
    text.push_str(
        "\n\nDaily care counts the items to do each day (done / planned). Reminders and \
         as-needed items (such as ice packs) are listed, never scored.\n\
         Symptoms: 0 none, 1 mild, 2 moderate, 3 marked, 4 severe.\n",
    );
    if history.days.is_empty() {
        text.push_str("\nNothing logged yet.\n");
    }
    for section in summary::sections(history) {
        write_section(&mut text, history, &section);
    }
    if let Some((from, to)) = history.next_session {
        let _ = writeln!(
            text,
            "\n## Next session\n\nSuggested between {from} and {to} by the care plan's default \
             spacing; the dermatologist decides whether and when."
        );
    }
    if !history.warning_signs.is_empty() {
        text.push_str("\n## Warning signs: call the clinic\n\n");
        for sign in &history.warning_signs {
            let _ = writeln!(text, "- {}", inline(sign));
        }
    }
    text
}

fn write_section(text: &mut String, history: &History, section: &Section<'_>) {
    let mut heading = section.heading(history);
    if let Some(treatment) = section.treatment {
        let _ = write!(heading, ": {}", summary::treatment_line(treatment));
    }
    let _ = writeln!(text, "\n## {}\n", inline(&heading));
    if let Some(treatment) = section.treatment.filter(|t| !t.note.trim().is_empty()) {
        let _ = writeln!(text, "Session note: {}\n", block(&treatment.note, ""));
    }
    let _ = writeln!(text, "{}", section.span_words());

    let items = summary::item_summaries(&history.plan, section.days);
    if !items.is_empty() {
        text.push_str("\n### Care by item\n\n");
        for item in &items {
            let _ = writeln!(text, "- {}: {}", inline(&item.label), item.words());
        }
    }
    let alerts: Vec<_> = history
        .alerts
        .iter()
        .filter(|alert| section.days.iter().any(|d| d.date == alert.date))
        .collect();
    if !alerts.is_empty() {
        text.push_str("\n### Alerts\n\n");
        for alert in alerts {
            let _ = writeln!(text, "- **{}**: {}", alert.date, block(&alert.text, "  "));
        }
    }
    days_table(text, section.days);
    notes(text, section.days);
    super::photos::markdown(text, &history.photos_of(section.days), inline);
}

/// Date, day, daily care and the four scores: one line a day.
fn days_table(text: &mut String, days: &[DayRow]) {
    text.push_str("\n### Day by day\n\n| Date | Day | Daily care |");
    for symptom in Symptom::ALL {
        let _ = write!(text, " {} |", symptom.name());
    }
    text.push_str("\n|---|--:|--:|---|---|---|---|\n");
    for row in days {
        let care = DayCare::of(row).map_or("—".to_string(), DayCare::words);
        let _ = write!(text, "| {} | {} | {care} |", row.date, day(row));
        for symptom in Symptom::ALL {
            let cell = row.symptoms.map_or("—".to_string(), |s| {
                let score = s.get(symptom);
                format!("{} {}", score.0, score.word())
            });
            let _ = write!(text, " {cell} |");
        }
        text.push('\n');
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
        let when = match row.day {
            Some(day) => format!("**{}** (day {day})", row.date),
            None => format!("**{}**", row.date),
        };
        let _ = writeln!(text, "- {when}: {}", block(&row.note, "  "));
    }
}

fn day(row: &DayRow) -> String {
    row.day.map_or("—".to_string(), |d| d.to_string())
}

/// One line of user text made literal: every Markdown (and HTML) special character is
/// backslash-escaped, and a line break becomes a space.
pub(super) fn inline(text: &str) -> String {
    escape_line(&text.replace(['\r', '\n'], " "))
}

/// User text over several lines, kept as the patient wrote it: lines end in a hard break
/// (`\` at the end), blank lines start a new paragraph, and continuation lines are indented
/// by `indent` so a note stays inside its list item.
pub(super) fn block(text: &str, indent: &str) -> String {
    let paragraphs: Vec<String> = text
        .trim()
        .split("\n\n")
        .map(|paragraph| {
            paragraph
                .lines()
                .map(str::trim_end)
                .filter(|line| !line.trim().is_empty())
                .map(escape_line)
                .collect::<Vec<_>>()
                .join(&format!("\\\n{indent}"))
        })
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join(&format!("\n\n{indent}"))
}

fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let trimmed = line.trim_start();
    out.push_str(&line[..line.len() - trimmed.len()]);
    // What would start a list or a heading at the start of a line.
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let starts_list = trimmed.starts_with(['-', '+'])
        || (digits > 0 && trimmed[digits..].starts_with(['.', ')']));
    for (index, c) in trimmed.char_indices() {
        let special = matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '{'
                | '}'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '|'
                | '~'
                | '&'
                | '$'
                | '!'
                | '^'
                | '='
        );
        let list_mark = starts_list && ((index == 0 && !c.is_ascii_digit()) || index == digits);
        if special || list_mark {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_is_made_literal() {
        assert_eq!(inline("*1.5 mm*"), "\\*1.5 mm\\*");
        assert_eq!(
            inline("<img src=x onerror=alert(1)>"),
            "\\<img src\\=x onerror\\=alert(1)\\>"
        );
        assert_eq!(inline("a & b | c"), "a \\& b \\| c");
        assert_eq!(inline("- not a list"), "\\- not a list");
        assert_eq!(inline("1. not a list"), "1\\. not a list");
        assert_eq!(inline("SPF 30+, broad"), "SPF 30+, broad");
    }

    #[test]
    fn notes_keep_their_lines_inside_a_list_item() {
        assert_eq!(
            block("first line\nsecond *line*\n\nnew paragraph\n", "  "),
            "first line\\\n  second \\*line\\*\n\n  new paragraph"
        );
    }
}
