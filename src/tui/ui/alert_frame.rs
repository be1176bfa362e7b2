//! The frames that say "call": the emergency one, drawn last and at the top of every
//! screen and over every overlay, so nothing hides it; and Today's urgent one. Each names
//! what was logged and the keys that resolve it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Padding, Paragraph};

use super::{Theme, fit};
use crate::domain::alerts::{self, Alert, Level};

/// At most this many reasons are listed in a frame; the rest are summed up.
const MAX_REASONS: usize = 3;

/// What resolves an alert, shown in its frame (the keys work on Today).
const RESOLVE_HINT: &str = "c: I called · g: it went away · w: warning signs";

/// The alerts of one level, most recent log last.
pub fn of_level(found: &[Alert], level: Level) -> Vec<&Alert> {
    found.iter().filter(|alert| alert.level == level).collect()
}

/// The rows a frame of `count` reasons takes (none when there are none).
pub fn height(count: usize) -> u16 {
    if count == 0 {
        0
    } else {
        u16::try_from(count.min(MAX_REASONS)).unwrap_or(1) + 3
    }
}

/// Draws the emergency frame over the top of `area`, if an emergency alert stands.
pub fn draw_emergency(frame: &mut Frame, area: Rect, found: &[Alert], theme: &Theme) {
    let emergency = of_level(found, Level::Emergency);
    let rows = height(emergency.len()).min(area.height);
    if rows == 0 {
        return;
    }
    let top = Rect {
        height: rows,
        ..area
    };
    frame.render_widget(Clear, top);
    draw(frame, top, alerts::CALL_EMERGENCY, &emergency, theme);
}

/// Draws Today's urgent frame in `area`.
pub fn draw_urgent(frame: &mut Frame, area: Rect, urgent: &[&Alert], theme: &Theme) {
    draw(frame, area, alerts::CALL_CLINIC, urgent, theme);
}

/// A frame titled with what to do, every reason (up to three), and how to resolve it.
fn draw(frame: &mut Frame, area: Rect, call: &str, found: &[&Alert], theme: &Theme) {
    let block = Block::bordered()
        .title(format!(" {call} "))
        .title_style(theme.error)
        .border_style(theme.error)
        .padding(Padding::horizontal(1));
    let width = usize::from(block.inner(area).width);
    let mut lines: Vec<Line> = found
        .iter()
        .take(MAX_REASONS)
        .map(|alert| Line::styled(fit(&format!("• {}", alert.reason), width), theme.text))
        .collect();
    if found.len() > MAX_REASONS {
        let last = lines.len() - 1;
        lines[last] = Line::styled(
            fit(
                &format!(
                    "• and {} more (aftercare alerts)",
                    found.len() - MAX_REASONS + 1
                ),
                width,
            ),
            theme.text,
        );
    }
    lines.push(Line::styled(fit(RESOLVE_HINT, width), theme.muted));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
