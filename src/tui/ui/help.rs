//! The help overlay: every key of the screen (from the key table), and where the plan
//! comes from.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::Theme;
use crate::tui::app::{App, Screen};
use crate::tui::keys::{self, KeyContext};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let popup = area.centered(
        Constraint::Length(64.min(area.width)),
        Constraint::Length(20.min(area.height)),
    );
    let context = match app.screen {
        Screen::History => KeyContext::History,
        Screen::Plan => KeyContext::Plan,
        _ => KeyContext::Today,
    };
    let mut lines: Vec<Line> = keys::help(context)
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(format!(" {keys:<16}"), theme.key),
                Span::styled(what, theme.text),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(" Plan in force: {}.", app.plan_source),
        theme.muted,
    ));
    lines.push(Line::styled(
        " It is a default: your dermatologist's advice comes first.",
        theme.muted,
    ));
    let how = match (&app.plan_source, &app.screen) {
        (_, Screen::Plan) => " Change it here: Enter, Space, a, r. Saved at once.",
        (crate::domain::plan::PlanSource::Replace(_), _) => {
            " To change it: P here, or `aftercare plan set` (keeps only changes)."
        }
        _ => " To change it: P here, or `aftercare plan set`, `plan edit`.",
    };
    lines.push(Line::styled(how, theme.muted));
    lines.push(Line::raw(""));
    lines.push(Line::styled(" Any key closes this help.", theme.muted));
    // Lines carry their own leading space: no padding.
    let block = super::panel(" Keys ", theme).padding(ratatui::widgets::Padding::ZERO);
    super::draw_popup(frame, popup, block, lines);
}
