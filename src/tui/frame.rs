//! How every frame is cut: the screen's body, its status line, its footer. Its own module
//! so the app (which asks for photo pictures at the size they are drawn) and the drawing
//! share it without the app depending on the drawing.

use ratatui::layout::{Constraint, Layout, Rect};

/// The screen's body, its status line and its footer.
pub fn split_frame(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area)
}
