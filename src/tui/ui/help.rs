//! The help overlay: every key, and where the plan comes from.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::Theme;
use crate::tui::app::{App, Screen};

/// Every key of the Today screen, in the order a patient needs them.
pub const KEYS: &[(&str, &str)] = &[
    ("↑ ↓  k j", "move through the checklist"),
    ("Space Enter", "tick an item, or add one to a count"),
    ("+  -", "add one to / take one from a count"),
    ("t", "start or cancel the timer of a timed item"),
    ("s", "score your skin and write the day's note"),
    ("← →  [ ]", "previous / next day, to see or correct it"),
    ("Home", "back to today"),
    ("r", "record a new treatment session"),
    ("?", "show or hide this help"),
    ("Tab", "History: calendar, symptom trend, treatments"),
    ("q  Esc  Ctrl-C", "quit (everything is already saved)"),
];

/// Every key of the History screen.
pub const HISTORY_KEYS: &[(&str, &str)] = &[
    ("← → h l", "previous / next day"),
    ("↑ ↓ k j", "previous / next week"),
    ("PgUp PgDn [ ]", "previous / next month"),
    ("p  n", "previous / next treatment"),
    ("Enter", "open the day on Today, to correct it"),
    ("e  d", "correct / delete a treatment, asks first"),
    ("Tab", "back to Today"),
    ("?  q", "this help · quit"),
];

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let popup = area.centered(
        Constraint::Length(64.min(area.width)),
        Constraint::Length(20.min(area.height)),
    );
    let keys = if app.screen == Screen::History {
        HISTORY_KEYS
    } else {
        KEYS
    };
    let mut lines: Vec<Line> = keys
        .iter()
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(format!(" {keys:<16}"), theme.key),
                Span::styled(*what, theme.text),
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
    lines.push(Line::styled(
        " To change it: `aftercare plan --init`, then edit that file.",
        theme.muted,
    ));
    lines.push(Line::raw(""));
    lines.push(Line::styled(" Any key closes this help.", theme.muted));
    // Lines carry their own leading space: no padding.
    let block = super::panel(" Keys ", theme).padding(ratatui::widgets::Padding::ZERO);
    super::draw_popup(frame, popup, block, lines);
}
