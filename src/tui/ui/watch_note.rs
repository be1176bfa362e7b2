//! Today's watch note ("Redness is still moderate on day 8 … worth calling your
//! dermatologist"): a calm line above the checklist, whole at every width, never cut
//! before its advice.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Theme;
use super::wrap::wrap_words;
use crate::domain::alerts::Alert;
use crate::domain::healing::WORTH_CALLING;

/// Rows the whole message may take before the short form is used: the checklist needs the
/// rest of a small window.
const ROOMY_ROWS: usize = 2;

/// The note's rows at `width`: the whole message where it fits in two rows (80 columns
/// and up); else what was logged, then the advice ("Redness still moderate on day 8. It
/// may be worth calling your dermatologist."), most important words first.
pub fn rows(alert: &Alert, width: u16) -> Vec<String> {
    let width = usize::from(width);
    let whole = wrap_words(&alert.text, width);
    if whole.len() <= ROOMY_ROWS {
        return whole;
    }
    wrap_words(&format!("{}. {WORTH_CALLING}", alert.reason), width)
}

/// How many rows the note takes at `width` (0 without one).
pub fn height(alert: Option<&&Alert>, width: u16) -> u16 {
    alert.map_or(0, |alert| {
        u16::try_from(rows(alert, width).len()).unwrap_or(u16::MAX)
    })
}

/// Draws the note in `area`, as `height` measured it.
pub fn draw(frame: &mut Frame, area: Rect, alert: &Alert, theme: &Theme) {
    let lines: Vec<Line> = rows(alert, area.width)
        .into_iter()
        .map(|row| Line::styled(row, theme.warning))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
