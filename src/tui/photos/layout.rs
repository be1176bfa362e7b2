//! Where the photo view puts things: shared by the drawing (`ui::photos`) and the app,
//! which asks for each picture at the size it will be drawn.

use ratatui::layout::{Constraint, Layout, Rect, Size};
use ratatui::widgets::Block;

use super::PhotoBrowser;

/// The smallest picture worth drawing, in cells: below it, the caption and path instead.
pub const MIN_PICTURE: Size = Size::new(12, 5);

/// Where a photo goes: its picture and, below, its caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pane {
    pub picture: Rect,
    pub caption: Rect,
}

/// The view's parts inside `body`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    /// The day's photos by caption (empty when comparing).
    pub list: Rect,
    /// One pane, or two when comparing.
    pub panes: Vec<Pane>,
    /// The last line: the path being typed, or the import under way.
    pub prompt: Rect,
}

/// Lays the view out inside `body`.
pub fn layout(body: Rect, browser: &PhotoBrowser) -> Parts {
    let inner = Block::bordered().inner(body);
    let [top, prompt] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
    let list_width = if browser.compare.is_some() {
        0
    } else {
        26.min(top.width / 3)
    };
    let [list, panes] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Min(0)]).areas(top);
    let count = browser.on_screen().len().max(1);
    let columns = Layout::horizontal(vec![Constraint::Fill(1); count]).split(panes);
    let panes = columns
        .iter()
        .map(|column| {
            let [picture, caption] =
                Layout::vertical([Constraint::Min(0), Constraint::Length(3)]).areas(*column);
            Pane { picture, caption }
        })
        .collect();
    Parts {
        list,
        panes,
        prompt,
    }
}

/// The pictures to ask for: each photo on screen with the cells it is drawn in.
pub fn pictures(body: Rect, browser: &PhotoBrowser) -> Vec<(String, Size)> {
    browser
        .on_screen()
        .into_iter()
        .zip(layout(body, browser).panes)
        .filter(|(_, pane)| fits(pane.picture))
        .map(|(shown, pane)| (shown.photo.file.clone(), pane.picture.as_size()))
        .collect()
}

/// Whether a picture is worth drawing in `area`.
pub fn fits(area: Rect) -> bool {
    area.width >= MIN_PICTURE.width && area.height >= MIN_PICTURE.height
}
