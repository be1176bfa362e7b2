//! The Plan screen's form: one entry's numbers, or a new entry of the patient's own.

use ratatui::Frame;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::text::{Line, Span};

use super::Theme;
use crate::tui::forms::plan::{PlanForm, Purpose};
use crate::tui::keys::{self, KeyContext};

/// Column where the text fields start, inside the box.
const FIELD_X: u16 = 11;

/// Draws the form over `area`; returns the footer's key hints.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    form: &PlanForm,
    theme: &Theme,
) -> Vec<(&'static str, &'static str)> {
    let (title, question) = match &form.purpose {
        Purpose::Change { label, .. } => (
            format!(" Change: {label} "),
            " Type your dermatologist's numbers, then Enter.",
        ),
        Purpose::Add => (
            " Add from your dermatologist ".to_string(),
            " An item to do each day, or a restriction.",
        ),
    };
    let height = 6 + 2 * u16::try_from(form.fields.len()).unwrap_or(3);
    let popup = area.centered(
        Constraint::Length(64.min(area.width)),
        Constraint::Length(height.min(area.height)),
    );
    let mut lines = vec![Line::styled(question, theme.title), Line::raw("")];
    for (index, field) in form.fields.iter().enumerate() {
        let style = if index == form.focus {
            theme.selected
        } else {
            theme.text
        };
        lines.push(Line::from(vec![
            Span::styled(
                super::field_label(field.name, index == form.focus, usize::from(FIELD_X)),
                theme.text,
            ),
            Span::styled(format!("{} ", field.input.text()), style),
        ]));
        lines.push(Line::styled(
            format!(" {:w$}{}", "", field.help, w = usize::from(FIELD_X) - 1),
            theme.muted,
        ));
    }
    if let Some(error) = &form.error {
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!(" {error}"), theme.error));
    }
    let block = super::panel(title, theme).padding(ratatui::widgets::Padding::ZERO);
    let inner = super::draw_popup(frame, popup, block, lines);
    if let Some(field) = form.fields.get(form.focus) {
        let input = &field.input;
        let before: String = input.text().chars().take(input.cursor()).collect();
        let x = inner.x + FIELD_X + u16::try_from(Span::raw(before).width()).unwrap_or(u16::MAX);
        let row = 2 + 2 * u16::try_from(form.focus).unwrap_or(0);
        let cursor = Position::new(x.min(inner.right().saturating_sub(1)), inner.y + row);
        if inner.contains(cursor) {
            frame.set_cursor_position(cursor);
        }
    }
    keys::footer(KeyContext::PlanForm, false)
}
