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
    let popup = area.centered(
        Constraint::Length(66.min(area.width)),
        Constraint::Length(17.min(area.height)),
    );
    let title = format!(" How is your skin? · {} ", form.date.strftime("%A %-d %B"));
    // Lines carry their own leading space: no padding.
    let block = super::panel(title, theme).padding(ratatui::widgets::Padding::ZERO);
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    let [scores, _, note_label, note, _, help] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);

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
    let how = if note_focused {
        " Type freely; Enter starts a new line."
    } else {
        " 0-4 or ←→ set the score, ↑↓ move. 0 none … 4 severe."
    };
    frame.render_widget(Line::styled(how, theme.muted), help);
    keys::footer(KeyContext::SkinScores, false)
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

/// Hard-wraps `text` at `width` columns and finds where the cursor (the `line`/`column` of
/// the unwrapped text, in characters) lands among the wrapped rows.
fn wrap(text: &str, (line, column): (usize, usize), width: usize) -> (Vec<String>, (usize, usize)) {
    let mut rows = Vec::new();
    let mut cursor = (0, 0);
    for (number, logical) in text.split('\n').enumerate() {
        let mut row = String::new();
        let mut used = 0;
        for (index, c) in logical.chars().enumerate() {
            let w = c.width().unwrap_or(0);
            if used + w > width && used > 0 {
                rows.push(std::mem::take(&mut row));
                used = 0;
            }
            if number == line && index == column {
                cursor = (rows.len(), used);
            }
            row.push(c);
            used += w;
        }
        if number == line && column >= logical.chars().count() {
            cursor = if used >= width {
                (rows.len() + 1, 0)
            } else {
                (rows.len(), used)
            };
        }
        rows.push(row);
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
    fn wide_characters_wrap_by_display_width() {
        let (rows, _) = wrap("日本語", (0, 0), 4);
        assert_eq!(rows, ["日本", "語"]);
    }
}
