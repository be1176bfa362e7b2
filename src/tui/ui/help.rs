//! The help overlay: every key of the screen (from the key table), and where the plan
//! comes from.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::Theme;
use crate::tui::app::{App, Screen};
use crate::tui::keys::{self, KeyContext};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let context = match app.screen() {
        Screen::History => KeyContext::History,
        Screen::Plan => KeyContext::Plan,
        _ => KeyContext::Today,
    };
    // One row per key, cut with "…" where narrow: a wrapped row would lose its column.
    let inner_width = usize::from(64.min(area.width.saturating_sub(2)).saturating_sub(2));
    let room = inner_width.saturating_sub(17);
    let mut lines: Vec<Line> = keys::help(context)
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(format!(" {keys:<16}"), theme.key),
                Span::styled(super::fit(what, room), theme.text),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    for text in [
        format!(" Plan in force: {}.", app.plan_source()),
        " It is a default: your dermatologist's advice comes first.".to_string(),
        how_to_change(app).to_string(),
        " Any key closes this help.".to_string(),
    ] {
        lines.push(Line::styled(super::fit(&text, inner_width), theme.muted));
    }
    // Inside the screen's frame when it fits there; over the frame's top and bottom
    // borders when that is what it takes to show every key (Today's list, with the
    // warning signs, needs the whole body at 80x24). Never over the status line or footer.
    let wanted = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let inside = area.inner(ratatui::layout::Margin::new(1, 1));
    let room = if wanted > inside.height {
        area.inner(ratatui::layout::Margin::new(1, 0))
    } else {
        inside
    };
    let popup = room.centered(
        Constraint::Length(64.min(room.width)),
        Constraint::Length(wanted.min(room.height)),
    );
    let fits = usize::from(popup.height.saturating_sub(2));
    if lines.len() > fits && fits > 0 {
        lines.truncate(fits - 1);
        lines.push(Line::styled(
            " ↓ more keys: enlarge the window. Any key closes.",
            theme.muted,
        ));
    }
    // Lines carry their own leading space: no padding.
    let block = super::panel(" Keys ", theme).padding(ratatui::widgets::Padding::ZERO);
    super::draw_popup(frame, popup, block, lines);
}

/// How to change the plan, from where the patient is.
fn how_to_change(app: &App) -> &'static str {
    match (app.plan_source(), app.screen()) {
        (_, Screen::Plan) => " Change it here: Enter, Space, a, r; u undoes. Saved at once.",
        (crate::domain::plan::PlanSource::Replace(_), _) => {
            " To change it: P here, or `aftercare plan set` (keeps only changes)."
        }
        _ => " To change it: P here, or `aftercare plan set`, `plan edit`.",
    }
}
