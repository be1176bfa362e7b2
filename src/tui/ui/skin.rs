//! The skin form over the Today screen: four scores and the day's note.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthChar;

use super::Theme;
use crate::domain::model::Symptom;
use crate::journal::Score;
use crate::tui::forms::skin::{SkinField, SkinForm};
use crate::tui::keys::{self, KeyContext};

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    form: &SkinForm,
    theme: &Theme,
) -> Vec<(&'static str, &'static str)> {
    let signs_len = u16::try_from(form.signs.len()).unwrap_or(u16::MAX);
    let popup = area.centered(
        Constraint::Length(66.min(area.width)),
        Constraint::Length(signs_len.saturating_add(13).min(area.height)),
    );
    let title = format!(" How is your skin? · {} ", form.date.strftime("%A %-d %B"));
    // Lines carry their own leading space: no padding.
    let block = super::panel(title, theme).padding(ratatui::widgets::Padding::ZERO);
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    let [scores, signs_label, signs, note_label, note, help] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(1),
        Constraint::Max(signs_len),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(
        Line::styled(
            " Any of these? Call your clinic today (Space ticks):",
            theme.warning,
        ),
        signs_label,
    );
    draw_signs(frame, signs, form, theme);

    let rows: Vec<Line> = Symptom::ALL
        .iter()
        .map(|symptom| symptom.question())
        .zip(form.scores)
        .enumerate()
        .map(|(index, (name, score))| {
            score_row(name, score, form.focus == SkinField::Score(index), theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), scores);

    let note_focused = form.focus == SkinField::Note;
    let label_style = if note_focused {
        theme.title
    } else {
        theme.text
    };
    frame.render_widget(Line::styled(" Note", label_style), note_label);
    let note_area = note.inner(ratatui::layout::Margin::new(1, 0));
    let (lines, (row, column)) = wrap(
        form.note.text(),
        form.note.cursor(),
        usize::from(note_area.width.max(1)),
    );
    let scroll = row.saturating_sub(usize::from(note_area.height.saturating_sub(1)));
    let visible: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .map(|l| Line::styled(l, theme.text))
        .collect();
    frame.render_widget(Paragraph::new(visible), note_area);
    if note_focused {
        let cursor = Position::new(
            note_area.x
                + u16::try_from(column)
                    .unwrap_or(u16::MAX)
                    .min(note_area.width.saturating_sub(1)),
            note_area.y + u16::try_from(row - scroll).unwrap_or(0),
        );
        if note_area.contains(cursor) {
            frame.set_cursor_position(cursor);
        }
    }
    let (how, context) = match form.focus {
        SkinField::Note => (
            " Type freely; Enter starts a new line.".to_string(),
            KeyContext::SkinNote,
        ),
        SkinField::Sign(_) => (
            " Space ticks the sign, ↑↓ move, Tab the note.".to_string(),
            KeyContext::SkinSigns,
        ),
        SkinField::Score(_) => (
            " 0-4 or ←→ score, ↑↓ move, Tab the signs. 0 none … 4 severe.".to_string(),
            KeyContext::SkinScores,
        ),
    };
    let (how, how_style) = match form.notice {
        Some(notice) => (format!(" {notice}"), theme.warning),
        None => (how, theme.muted),
    };
    frame.render_widget(Line::styled(how, how_style), help);
    keys::footer(context, false)
}

/// The warning signs as boxes, scrolled so the one in focus is always in view.
fn draw_signs(frame: &mut Frame, area: Rect, form: &SkinForm, theme: &Theme) {
    let height = usize::from(area.height);
    if height == 0 {
        return;
    }
    let focused = match form.focus {
        SkinField::Sign(i) => Some(i),
        _ => None,
    };
    let scroll = focused.map_or(0, |i| (i + 1).saturating_sub(height));
    let width = usize::from(area.width);
    let rows: Vec<Line> = form
        .signs
        .iter()
        .enumerate()
        .skip(scroll)
        .take(height)
        .map(|(index, sign)| {
            let here = focused == Some(index);
            let mark = if sign.ticked { "[x]" } else { "[ ]" };
            let urgency = if sign.emergency { "Emergency: " } else { "" };
            let text = super::fit(
                &format!(
                    "{} {mark} {urgency}{}",
                    if here { "▸" } else { " " },
                    sign.text
                ),
                width,
            );
            // An emergency sign reads as one even unticked: it is not "call your clinic".
            let style = match (here, sign.ticked || sign.emergency) {
                (true, _) => theme.selected,
                (false, true) => theme.error,
                (false, false) => theme.text,
            };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), area);
}

/// `▸ Redness            ██░░  moderate`
fn score_row<'a>(name: &str, score: Score, focused: bool, theme: &Theme) -> Line<'a> {
    let filled = usize::from(score.0);
    let bar = format!(
        "{}{}",
        "█".repeat(filled),
        "░".repeat(usize::from(Score::MAX) - filled)
    );
    let style = if focused { theme.selected } else { theme.text };
    Line::from(vec![
        Span::styled(
            format!("{} {name:<18}", if focused { "▸" } else { " " }),
            style,
        ),
        Span::styled(format!(" {bar} "), theme.gauge_filled),
        Span::styled(format!(" {} {}", score.0, score.word()), style),
    ])
}

/// Wraps `text` at `width` columns between words (a word longer than a row is broken where
/// it must be) and finds where the cursor (the `line`/`column` of the unwrapped text, in
/// characters) lands among the wrapped rows.
fn wrap(text: &str, (line, column): (usize, usize), width: usize) -> (Vec<String>, (usize, usize)) {
    let mut rows = Vec::new();
    let mut cursor = (0, 0);
    for (number, logical) in text.split('\n').enumerate() {
        let chars: Vec<char> = logical.chars().collect();
        // Where each row starts, in characters of this line.
        let mut starts = vec![0];
        let (mut start, mut used, mut last_space) = (0, 0, None);
        for (index, c) in chars.iter().enumerate() {
            let w = c.width().unwrap_or(0);
            if used + w > width && index > start {
                // Break after the last space of the row, or here inside a long word.
                start = match last_space {
                    Some(space) if space > start => space + 1,
                    _ => index,
                };
                starts.push(start);
                used = chars[start..index]
                    .iter()
                    .map(|c| c.width().unwrap_or(0))
                    .sum();
                last_space = None;
            }
            if *c == ' ' {
                last_space = Some(index);
            }
            used += w;
        }
        let first_row = rows.len();
        for (i, from) in starts.iter().enumerate() {
            let to = starts.get(i + 1).copied().unwrap_or(chars.len());
            rows.push(chars[*from..to].iter().collect::<String>());
        }
        if number == line {
            let row = starts.iter().rposition(|s| *s <= column).unwrap_or(0);
            let before: usize = chars[starts[row]..column.min(chars.len())]
                .iter()
                .map(|c| c.width().unwrap_or(0))
                .sum();
            cursor = if before >= width {
                (first_row + row + 1, 0)
            } else {
                (first_row + row, before)
            };
        }
    }
    if cursor.0 >= rows.len() {
        rows.push(String::new());
    }
    (rows, cursor)
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrapping_keeps_the_cursor_on_its_character() {
        let (rows, cursor) = wrap("abcdef\ngh", (0, 4), 3);
        assert_eq!(rows, ["abc", "def", "gh"]);
        assert_eq!(cursor, (1, 1));
        let (_, cursor) = wrap("abcdef\ngh", (1, 2), 3);
        assert_eq!(cursor, (2, 2));
    }

    #[test]
    fn a_full_row_puts_the_cursor_on_a_fresh_row() {
        let (rows, cursor) = wrap("abc", (0, 3), 3);
        assert_eq!(cursor, (1, 0));
        assert_eq!(rows.len(), 2);
    }

    #[test]
    fn the_note_wraps_between_words() {
        let (rows, cursor) = wrap("Ice pack helped", (0, 15), 11);
        assert_eq!(rows, ["Ice pack ", "helped"]);
        assert_eq!(cursor, (1, 6));
    }

    #[test]
    fn wide_characters_wrap_by_display_width() {
        let (rows, _) = wrap("日本語", (0, 0), 4);
        assert_eq!(rows, ["日本", "語"]);
    }
}
