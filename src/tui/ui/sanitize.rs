//! The last step of every frame: no cell may hold a control character. Notes, areas and
//! plan labels are the patient's own text (or a hand-edited file's), and an escape sequence
//! in one would reach the real terminal and retitle or reprogram it. Cleaning the finished
//! buffer covers every screen, form and overlay at once, present and future.

use ratatui::buffer::Buffer;

use crate::domain::text::printable;

/// Removes control characters from every cell; a cell left empty becomes a space.
pub fn clean(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        let symbol = cell.symbol();
        if let std::borrow::Cow::Owned(clean) = printable(symbol) {
            cell.set_symbol(if clean.is_empty() { " " } else { &clean });
        }
    }
}
