//! The frames that say "call": the emergency one, drawn last and at the top of every
//! screen and over every overlay, so nothing hides it; and Today's urgent one. Each names
//! what was logged and the keys that resolve it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Padding, Paragraph};

use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::wrap::wrap_words;
use crate::domain::alerts::{self, Alert, Level};

/// At most this many reasons are listed in a frame; the rest are summed up.
const MAX_REASONS: usize = 3;

/// What resolves an alert, shown in its frame (the keys work on Today).
const RESOLVE_HINT: &str = "c: I called · g: it went away · w: warning signs";

/// The alerts of one level, most recent log last.
pub fn of_level(found: &[Alert], level: Level) -> Vec<&Alert> {
    found.iter().filter(|alert| alert.level == level).collect()
}

/// The rows the frame of `found` takes at `width` columns (none when there are none):
/// every line wrapped, never cut, so the reason is read whole at 60 columns.
pub fn height(found: &[&Alert], level: Level, width: u16) -> u16 {
    if found.is_empty() {
        return 0;
    }
    let rows = lines(call(level), found, inner_width(width), &Theme::PLAIN).len();
    u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2)
}

/// Draws the emergency frame over the top of `area`, if an emergency alert stands.
pub fn draw_emergency(frame: &mut Frame, area: Rect, found: &[Alert], theme: &Theme) {
    let emergency = of_level(found, Level::Emergency);
    let rows = height(&emergency, Level::Emergency, area.width).min(area.height);
    if rows == 0 {
        return;
    }
    let top = Rect {
        height: rows,
        ..area
    };
    frame.render_widget(Clear, top);
    draw(frame, top, call(Level::Emergency), &emergency, theme);
}

/// Draws Today's urgent frame in `area`.
pub fn draw_urgent(frame: &mut Frame, area: Rect, urgent: &[&Alert], theme: &Theme) {
    draw(frame, area, call(Level::Urgent), urgent, theme);
}

/// What a frame of `level` asks for, its title.
fn call(level: Level) -> &'static str {
    match level {
        Level::Emergency => alerts::CALL_EMERGENCY,
        Level::Urgent | Level::Watch => alerts::CALL_CLINIC,
    }
}

/// The columns inside a frame `width` wide (borders and padding).
fn inner_width(width: u16) -> usize {
    usize::from(width.saturating_sub(4)).max(1)
}

/// A frame titled with what to do, every reason (up to three), and how to resolve it.
fn draw(frame: &mut Frame, area: Rect, call: &str, found: &[&Alert], theme: &Theme) {
    let width = inner_width(area.width);
    let mut block = Block::bordered()
        .title_style(theme.error)
        .border_style(theme.error)
        .padding(Padding::horizontal(1));
    if title_fits(call, width) {
        block = block.title(format!(" {call} "));
    }
    frame.render_widget(
        Paragraph::new(lines(call, found, width, theme)).block(block),
        area,
    );
}

/// Whether the call fits in the frame's top border; when not, it is the first lines inside.
fn title_fits(call: &str, width: usize) -> bool {
    call.width() <= width
}

/// The frame's lines at `width`: the call when the border cannot hold it (the most
/// important words first), each reason (up to three) wrapped with its continuation rows
/// under its text, then the keys that resolve it.
fn lines<'a>(call: &str, found: &[&Alert], width: usize, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    if !title_fits(call, width) {
        lines.extend(
            wrap_words(call, width)
                .into_iter()
                .map(|row| Line::styled(row, theme.error)),
        );
    }
    let mut reasons: Vec<String> = found
        .iter()
        .take(MAX_REASONS)
        .map(|alert| alert.reason.clone())
        .collect();
    if found.len() > MAX_REASONS {
        reasons[MAX_REASONS - 1] = format!(
            "and {} more (aftercare alerts)",
            found.len() - MAX_REASONS + 1
        );
    }
    for reason in reasons {
        for (index, row) in wrap_words(&reason, width.saturating_sub(2).max(1))
            .into_iter()
            .enumerate()
        {
            let lead = if index == 0 { "• " } else { "  " };
            lines.push(Line::styled(format!("{lead}{row}"), theme.text));
        }
    }
    lines.extend(
        wrap_words(RESOLVE_HINT, width)
            .into_iter()
            .map(|row| Line::styled(row, theme.muted)),
    );
    lines
}
