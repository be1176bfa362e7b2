//! The treatment form: the welcome screen, and "record a treatment" over Today.

use ratatui::Frame;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::text::{Line, Span};

use super::Theme;
use crate::tui::forms::input::TextInput;
use crate::tui::forms::treatment::{Field, TreatmentForm};
use crate::tui::keys::{self, KeyContext};

/// Column where the text fields start, inside the box.
const FIELD_X: u16 = 17;

/// Draws the welcome screen or the "new treatment" form; returns the footer's key hints.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    form: &TreatmentForm,
    welcome: bool,
    theme: &Theme,
) -> Vec<(&'static str, &'static str)> {
    let text = if welcome {
        FormText {
            title: " Welcome to aftercare ",
            question: " When was your microneedling session?",
        }
    } else {
        FormText {
            title: " New treatment ",
            question: " Record a new microneedling session",
        }
    };
    draw_form(frame, area, form, &text, theme);
    let context = if welcome {
        KeyContext::Welcome
    } else {
        KeyContext::Form
    };
    keys::footer(context, false)
}

/// The words around a treatment form.
pub struct FormText {
    pub title: &'static str,
    pub question: &'static str,
}

/// Draws a treatment form in a box centred on `area`, with the cursor in its focused field.
pub fn draw_form(
    frame: &mut Frame,
    area: Rect,
    form: &TreatmentForm,
    text: &FormText,
    theme: &Theme,
) {
    let popup = area.centered(
        Constraint::Length(64.min(area.width)),
        Constraint::Length(15.min(area.height)),
    );
    let field = |name: &'static str, input: &TextInput, focused: bool| {
        let style = if focused { theme.selected } else { theme.text };
        Line::from(vec![
            Span::styled(
                super::field_label(name, focused, usize::from(FIELD_X)),
                theme.text,
            ),
            Span::styled(format!("{} ", input.text()), style),
        ])
    };
    let mut lines = vec![
        Line::styled(text.question, theme.title),
        Line::raw(""),
        field("Date and time", &form.when, form.focus == Field::When),
        Line::styled(
            format!(
                " {:w$}YYYY-MM-DD HH:MM or 9:30 PM, your local time",
                "",
                w = usize::from(FIELD_X) - 1
            ),
            theme.muted,
        ),
        field("Area", &form.area, form.focus == Field::Area),
        procedure_line(form, theme),
        field("Note", &form.note, form.focus == Field::Note),
        Line::raw(""),
        Line::styled(
            " Restrictions are counted from this time; day 0 is its date.",
            theme.muted,
        ),
        Line::styled(" Check the date and time, then press Enter.", theme.muted),
    ];
    if let Some(error) = &form.error {
        lines.push(Line::raw(""));
        // Wrapped under itself, one column in from the border like every other line.
        let width = usize::from(64.min(area.width).saturating_sub(4));
        for row in super::wrap::wrap_words(error, width) {
            lines.push(Line::styled(format!(" {row}"), theme.error));
        }
    }
    // Lines carry their own leading space: no padding.
    let block = super::panel(text.title, theme).padding(ratatui::widgets::Padding::ZERO);
    let inner = super::draw_popup(frame, popup, block, lines);
    let (row, input) = match form.focus {
        Field::When => (2, &form.when),
        Field::Area => (4, &form.area),
        // A choice: no text cursor.
        Field::Procedure => return,
        Field::Note => (6, &form.note),
    };
    let before: String = input.text().chars().take(input.cursor()).collect();
    let x = inner.x + FIELD_X + u16::try_from(Span::raw(before).width()).unwrap_or(u16::MAX);
    let cursor = Position::new(x.min(inner.right().saturating_sub(1)), inner.y + row);
    if inner.contains(cursor) {
        frame.set_cursor_position(cursor);
    }
}

/// The procedure field: its choice, and how to change it when it has the focus.
fn procedure_line<'a>(form: &TreatmentForm, theme: &Theme) -> Line<'a> {
    let focused = form.focus == Field::Procedure;
    let style = if focused { theme.selected } else { theme.text };
    let mut spans = vec![
        Span::styled(
            super::field_label("Procedure", focused, usize::from(FIELD_X)),
            theme.text,
        ),
        Span::styled(format!("{} ", form.procedure.label()), style),
    ];
    if focused {
        spans.push(Span::styled("(Space: next)", theme.muted));
    }
    Line::from(spans)
}
