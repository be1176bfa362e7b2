//! The History screen's dialogs: correcting a treatment, and the y/n question before any
//! treatment is changed or deleted.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::Theme;
use crate::tui::app::App;
use crate::tui::forms::treatment::TreatmentForm;
use crate::tui::state::Overlay;

/// Draws the open dialog, if any, over `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    match app.overlay() {
        Some(Overlay::Confirm { question, .. }) => {
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
        Some(Overlay::EditTreatment { form, .. }) => draw_edit(frame, area, form, theme),
        _ => {}
    }
}

fn draw_edit(frame: &mut Frame, area: Rect, form: &TreatmentForm, theme: &Theme) {
    let text = super::treatment::FormText {
        title: " Correct this treatment ",
        question: " Correct the date and time, area or note",
    };
    super::treatment::draw_form(frame, area, form, &text, theme);
}

/// A bordered box cleared over what is beneath; returns its inner area.
fn show(frame: &mut Frame, popup: Rect, title: &str, lines: Vec<Line>, theme: &Theme) -> Rect {
    super::draw_popup(frame, popup, super::panel(title.to_string(), theme), lines)
}
