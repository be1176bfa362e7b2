//! The History screen's dialogs: correcting a treatment, and the y/n question before any
//! treatment is changed or deleted.

use ratatui::Frame;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::Theme;
use crate::app::App;
use crate::history_view::Modal;
use crate::input::TextInput;
use crate::treatment_form::{Field, TreatmentForm};

/// Columns before a field's text inside the edit dialog.
const LABEL: usize = 15;

/// Draws the open dialog, if any, over `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    match &app.history.modal {
        None => {}
        Some(Modal::Confirm { question, .. }) => {
            let lines = vec![
                Line::styled(question.clone(), theme.text),
                Line::raw(""),
                Line::from(vec![
                    Span::styled("y", theme.key),
                    Span::styled(" yes   ", theme.text),
                    Span::styled("n", theme.key),
                    Span::styled(" no, keep it as it is", theme.text),
                ]),
            ];
            // Room for the question however it wraps, and for the y/n line under it.
            let width = 64.min(area.width);
            let text_width = usize::from(width.saturating_sub(4)).max(1);
            let rows = Span::raw(question.as_str()).width().div_ceil(text_width);
            let height = u16::try_from(rows + 4).unwrap_or(u16::MAX);
            let popup = area.centered(
                Constraint::Length(width),
                Constraint::Length(height.min(area.height)),
            );
            show(frame, popup, " Are you sure? ", lines, theme);
        }
        Some(Modal::Edit { form, .. }) => draw_edit(frame, area, form, theme),
    }
}

fn draw_edit(frame: &mut Frame, area: Rect, form: &TreatmentForm, theme: &Theme) {
    let field = |name: &str, input: &TextInput, focused: bool| {
        Line::from(vec![
            Span::styled(format!("{name:<LABEL$}"), theme.text),
            Span::styled(
                format!("{} ", input.text()),
                if focused { theme.selected } else { theme.text },
            ),
        ])
    };
    let mut lines = vec![
        field("Date and time", &form.when, form.focus == Field::When),
        Line::styled(
            format!("{:LABEL$}YYYY-MM-DD HH:MM, local time", ""),
            theme.muted,
        ),
        field("Area", &form.area, form.focus == Field::Area),
        Line::raw(""),
        Line::styled(
            "Enter: check the change · Tab: next field · Esc: cancel",
            theme.muted,
        ),
    ];
    if let Some(error) = &form.error {
        lines.push(Line::styled(error.clone(), theme.error));
    }
    let popup = area.centered(
        Constraint::Length(64.min(area.width)),
        Constraint::Length(9.min(area.height)),
    );
    let inner = show(frame, popup, " Correct this treatment ", lines, theme);
    let (row, input) = match form.focus {
        Field::When => (0, &form.when),
        Field::Area => (2, &form.area),
    };
    let before: String = input.text().chars().take(input.cursor()).collect();
    let column = LABEL + Span::raw(before).width();
    let cursor = Position::new(
        inner.x + u16::try_from(column).unwrap_or(u16::MAX).min(inner.width),
        inner.y + row,
    );
    if inner.contains(cursor) {
        frame.set_cursor_position(cursor);
    }
}

/// A bordered box cleared over what is beneath; returns its inner area.
fn show(frame: &mut Frame, popup: Rect, title: &str, lines: Vec<Line>, theme: &Theme) -> Rect {
    let block = Block::bordered()
        .title(title.to_string())
        .title_style(theme.title)
        .border_style(theme.border)
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        popup,
    );
    inner
}
