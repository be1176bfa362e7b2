//! Drawing the app into ratatui's `TestBackend`, as the UI tests read it.

use aftercare::tui::app::App;
use aftercare::tui::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The app drawn once, without colour, into a `width`×`height` test terminal.
pub fn render(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| ui::draw(frame, app, &Theme::PLAIN))
        .unwrap();
    terminal
}

/// The screen as text, one quoted line per row.
pub fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    terminal.backend().to_string()
}
