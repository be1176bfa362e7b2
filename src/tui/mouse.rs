//! The mouse, second to the keyboard: a click selects a checklist item and a second click
//! (or a click on its box) ticks it; a click on a calendar day selects that day; the wheel
//! moves through the list or the calendar. Where a click lands comes from the drawing's own
//! layout (`ui::hit`).

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use crate::tui::action::{Action, HistoryAction};
use crate::tui::app::{App, Screen};
use crate::tui::ui::{self, Hit};

/// What a mouse event asks for, in a frame of `area`, in order.
pub fn mouse_actions(app: &App, area: Rect, event: MouseEvent) -> Vec<Action> {
    let wheel = |delta: i8| match (app.screen(), app.overlay()) {
        (Screen::Today, None) if delta < 0 => vec![Action::Up],
        (Screen::Today, None) => vec![Action::Down],
        (Screen::History, None) => vec![Action::History(HistoryAction::Week(delta))],
        _ => Vec::new(),
    };
    match event.kind {
        MouseEventKind::ScrollUp => wheel(-1),
        MouseEventKind::ScrollDown => wheel(1),
        MouseEventKind::Down(MouseButton::Left) => {
            match ui::hit(app, area, event.column, event.row) {
                Some(Hit::Item { index, on_box }) if on_box && app.selected() != index => {
                    vec![Action::Select(index), Action::Select(index)]
                }
                Some(Hit::Item { index, .. }) => vec![Action::Select(index)],
                Some(Hit::Day(date)) => vec![Action::History(HistoryAction::Pick(date))],
                None => Vec::new(),
            }
        }
        _ => Vec::new(),
    }
}
