//! The warning-signs view over Today (`w`): when to call the clinic, from the plan.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;

use super::Theme;
use crate::domain::plan::CarePlan;

/// Draws the list over `area`, centred.
pub fn draw(frame: &mut Frame, area: Rect, plan: &CarePlan, theme: &Theme) {
    let rows = u16::try_from(plan.warning_signs.len()).unwrap_or(u16::MAX);
    let popup = area.centered(
        Constraint::Length(76.min(area.width)),
        Constraint::Length(rows.saturating_add(8).min(area.height)),
    );
    let mut lines = Vec::new();
    for group in plan.warning_signs_by_call() {
        let style = if group.emergency {
            theme.error
        } else {
            theme.title
        };
        lines.push(Line::styled(
            format!("{} if you notice:", group.call),
            style,
        ));
        lines.extend(
            group
                .signs
                .iter()
                .map(|sign| Line::styled(format!(" • {}", sign.text), theme.text)),
        );
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Tick them in the skin form (s): Today then asks you to call at once.",
        theme.muted,
    ));
    lines.push(Line::styled(
        format!(
            "Source: {}; why and the sources: the Plan screen (P).",
            plan.warning_signs_origin.short()
        ),
        theme.muted,
    ));
    lines.push(Line::styled("Any key closes this.", theme.muted));
    let block = super::panel(" When to call your clinic ", theme);
    super::draw_popup(frame, popup, block, lines);
}
