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
        history.generated_words(),
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
    plan_in_force(&mut text, history);
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
        text.push_str("\n## Warning signs\n");
        for group in &history.warning_signs {
            let _ = writeln!(text, "\n**{} if:**\n", group.call);
            for sign in &group.signs {
                let _ = writeln!(text, "- {}", inline(sign));
            }
        }
    }
    text
}

/// Every change from the built-in plan and who made it (see [`summary::plan_changes`]).
fn plan_in_force(text: &mut String, history: &History) {
    let changes = summary::plan_changes(history);
    let words = summary::plan_words(&history.source);
    text.push_str("\n## Plan in force\n\n");
    if changes.is_empty() {
        let _ = writeln!(
            text,
            "No changes: {words}, as shipped. The dermatologist's instructions come first."
        );
        return;
    }
    let _ = writeln!(
        text,
        "Care plan: {words}. What differs from aftercare's built-in plan, and who changed it:\n"
    );
    text.push_str("| Entry | Change | Made by |\n|---|---|---|\n");
    for change in &changes {
        let _ = writeln!(
            text,
            "| {} | {} | {} |",
            cell(&change.entry),
            cell(&change.change),
            cell(&change.by)
        );
    }
}

fn write_section(text: &mut String, history: &History, section: &Section<'_>) {
    let mut heading = section.heading(history);
    if let Some(treatment) = section.treatment {
        let _ = write!(heading, ": {}", summary::treatment_line(treatment, history));
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

/// One line of user text made literal where it is put in running text: only what Markdown
/// would read as markup there is backslash-escaped (a message shows every backslash, so
/// `1.0 mm` and `chin & nose` stay as typed), and a line break becomes a space.
pub(super) fn inline(text: &str) -> String {
    escape_line(&text.replace(['\r', '\n'], " "), Context::Text)
}

/// One line of user text in a table cell: as [`inline`], and a `|` would end the cell.
pub(super) fn cell(text: &str) -> String {
    escape_line(&text.replace(['\r', '\n'], " "), Context::Cell)
}

/// User text over several lines, kept as the patient wrote it: lines end in a hard break
/// (two spaces: invisible in a message, a line break once rendered, where a trailing `\`
/// would show in the message), blank lines start a new paragraph, and continuation lines
/// are indented by `indent` so a note stays inside its list item.
pub(super) fn block(text: &str, indent: &str) -> String {
    let paragraphs: Vec<String> = text
        .trim()
        .split("\n\n")
        .map(|paragraph| {
            paragraph
                .lines()
                .map(str::trim_end)
                .filter(|line| !line.trim().is_empty())
                .map(|line| escape_line(line, Context::Text))
                .collect::<Vec<_>>()
                .join(&format!("  \n{indent}"))
        })
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join(&format!("\n\n{indent}"))
}

/// Where a line of user text goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Text,
    Cell,
}

/// The CommonMark (and GFM) rules that can turn text into markup, applied to one line: at
/// its start, what opens a block (heading, list, quote, rule); anywhere, what opens inline
/// markup (emphasis that can open or close, code, a link, a tag, an entity), and in a
/// table cell the pipe. Everything else is left as typed.
fn escape_line(line: &str, context: Context) -> String {
    let trimmed = line.trim_start();
    let mut out = String::with_capacity(line.len() + 4);
    out.push_str(&line[..line.len() - trimmed.len()]);
    let chars: Vec<char> = trimmed.chars().collect();
    let block_mark = block_mark_at(&chars);
    for (index, &c) in chars.iter().enumerate() {
        let before = index.checked_sub(1).map(|i| chars[i]);
        let after = chars.get(index + 1).copied();
        if Some(index) == block_mark || inline_mark(c, before, after, &chars[index..], context) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The index of the character that would open a block at the start of a line: `#` of a
/// heading, `-`/`+`/`*` of a list, the `.`/`)` after a list number, `>` of a quote, the
/// first character of a rule or a setext underline (`---`, `===`, `***`, `___`).
fn block_mark_at(chars: &[char]) -> Option<usize> {
    let spaced = |at: usize| chars.get(at).is_none_or(|c| c.is_whitespace());
    let first = *chars.first()?;
    let hashes = chars.iter().take_while(|c| **c == '#').count();
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let rule =
        matches!(first, '-' | '=' | '*' | '_') && chars.iter().all(|c| *c == first || *c == ' ');
    if (1..=6).contains(&hashes) && spaced(hashes)
        || matches!(first, '-' | '+' | '*') && spaced(1)
        || first == '>'
        || rule
    {
        Some(0)
    } else if (1..=9).contains(&digits)
        && matches!(chars.get(digits), Some('.' | ')'))
        && spaced(digits + 1)
    {
        Some(digits)
    } else {
        None
    }
}

/// Whether `c`, between `before` and `after` (`rest` from `c` on), would start or end
/// inline markup.
fn inline_mark(
    c: char,
    before: Option<char>,
    after: Option<char>,
    rest: &[char],
    context: Context,
) -> bool {
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    match c {
        // A backslash escapes the punctuation after it, and ends a line as a hard break.
        '\\' => after.is_none_or(|a| a.is_ascii_punctuation()),
        '`' => true,
        // Emphasis and strikethrough: a delimiter with space on both sides can neither
        // open nor close; `_` inside a word cannot either.
        '*' | '~' => !(space(before) && space(after)),
        '_' => !(space(before) && space(after) || word(before) && word(after)),
        '[' => true,
        // A tag, an autolink, a comment or a declaration.
        '<' => after.is_some_and(|a| a.is_ascii_alphabetic() || matches!(a, '/' | '!' | '?')),
        // An entity or character reference: `&amp;`, `&#38;`.
        '&' => {
            let name: String = rest[1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
                .collect();
            !name.is_empty() && rest.get(1 + name.chars().count()) == Some(&';')
        }
        '|' => context == Context::Cell,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_markdown_reads_as_text_is_left_as_typed() {
        for typed in [
            "1.0 mm",
            "chin & nose.",
            "SPF 30+, broad",
            "ok > fine",
            "2 + 2 = 4, 100% better!",
            "a | b",
            "#3 needle",
            "snake_case_word",
            "5 * 3",
            "C:\\path",
            "{curly} $dollar ^caret",
        ] {
            assert_eq!(inline(typed), typed, "{typed:?} needs no escape");
        }
        assert_eq!(
            inline("<ok>"),
            "\\<ok>",
            "a tag would vanish: only its `<` is escaped"
        );
    }

    #[test]
    fn what_markdown_would_read_as_markup_is_escaped_in_its_context() {
        assert_eq!(inline("# not a heading"), "\\# not a heading");
        assert_eq!(inline("- not a list"), "\\- not a list");
        assert_eq!(inline("+ not a list"), "\\+ not a list");
        assert_eq!(inline("1. not a list"), "1\\. not a list");
        assert_eq!(inline("2) not a list"), "2\\) not a list");
        assert_eq!(inline("> not a quote"), "\\> not a quote");
        assert_eq!(inline("---"), "\\---");
        assert_eq!(inline("*emphasis*"), "\\*emphasis\\*");
        assert_eq!(inline("_emphasis_"), "\\_emphasis\\_");
        assert_eq!(inline("`code`"), "\\`code\\`");
        assert_eq!(inline("[link](x)"), "\\[link](x)");
        assert_eq!(inline("~~gone~~"), "\\~\\~gone\\~\\~");
        assert_eq!(inline("&amp; &#38;"), "\\&amp; \\&#38;");
        assert_eq!(inline("ends in \\"), "ends in \\\\");
        assert_eq!(
            inline("<img src=x onerror=alert(1)>"),
            "\\<img src=x onerror=alert(1)>"
        );
        assert_eq!(inline("a\nb"), "a b", "one line");
        assert_eq!(cell("a | b"), "a \\| b", "a pipe would end the cell");
        assert_eq!(cell("1.0 mm"), "1.0 mm");
    }

    #[test]
    fn notes_keep_their_lines_inside_a_list_item() {
        assert_eq!(
            block("first line\nsecond *line*\n\nnew paragraph\n", "  "),
            "first line  \n  second \\*line\\*\n\n  new paragraph"
        );
        assert_eq!(
            block("chin & nose.\nless red", ""),
            "chin & nose.  \nless red",
            "a line break shows as one, with no backslash to read in a message"
        );
    }
}
