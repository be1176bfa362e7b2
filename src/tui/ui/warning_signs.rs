//! The warning-signs view over Today (`w`): when to call the clinic, from the plan.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;

use super::Theme;
use crate::domain::alerts::CALL_CLINIC;
use crate::domain::plan::CarePlan;

/// Draws the list over `area`, centred.
pub fn draw(frame: &mut Frame, area: Rect, plan: &CarePlan, theme: &Theme) {
    let rows = u16::try_from(plan.warning_signs.len()).unwrap_or(u16::MAX);
    let popup = area.centered(
        Constraint::Length(76.min(area.width)),
        Constraint::Length(rows.saturating_add(10).min(area.height)),
    );
    let mut lines = vec![Line::styled(
        format!("{CALL_CLINIC} if you notice:"),
        theme.title,
    )];
    lines.extend(
        plan.warning_signs
            .iter()
            .map(|sign| Line::styled(format!(" • {}", sign.text), theme.text)),
    );
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Tick them in the skin form (s): Today then asks you to call at once.",
        theme.muted,
    ));
    lines.push(Line::styled(
        format!("Source: {}.", plan.warning_signs_origin.describe()),
        theme.muted,
    ));
    lines.push(Line::styled("Any key closes this.", theme.muted));
    let block = super::panel(" When to call your clinic ", theme);
    super::draw_popup(frame, popup, block, lines);
}
