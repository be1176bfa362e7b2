//! Named styles, so every screen looks alike and NO_COLOR is honoured in one place.
//!
//! Without colour, meaning is carried by glyphs and modifiers (bold, reversed, dim), never
//! by colour alone.

use ratatui::style::{Color, Modifier, Style};

/// The app's styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub text: Style,
    pub muted: Style,
    pub done: Style,
    pub selected: Style,
    pub warning: Style,
    pub error: Style,
    pub key: Style,
    pub gauge_filled: Style,
    pub gauge_empty: Style,
    pub border: Style,
}

impl Theme {
    /// Calm colours for a terminal that has them.
    pub const COLOR: Theme = Theme {
        title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        text: Style::new(),
        muted: Style::new().fg(Color::DarkGray),
        done: Style::new().fg(Color::Green),
        selected: Style::new().add_modifier(Modifier::REVERSED),
        warning: Style::new().fg(Color::Yellow),
        error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        gauge_filled: Style::new().fg(Color::Cyan),
        gauge_empty: Style::new().fg(Color::DarkGray),
        border: Style::new().fg(Color::DarkGray),
    };

    /// No colour at all (<https://no-color.org>): modifiers only.
    pub const PLAIN: Theme = Theme {
        title: Style::new().add_modifier(Modifier::BOLD),
        text: Style::new(),
        muted: Style::new().add_modifier(Modifier::DIM),
        done: Style::new(),
        selected: Style::new().add_modifier(Modifier::REVERSED),
        warning: Style::new().add_modifier(Modifier::BOLD),
        error: Style::new().add_modifier(Modifier::BOLD),
        key: Style::new().add_modifier(Modifier::BOLD),
        gauge_filled: Style::new(),
        gauge_empty: Style::new().add_modifier(Modifier::DIM),
        border: Style::new(),
    };

    /// `PLAIN` when `NO_COLOR` is set to anything non-empty, else `COLOR`.
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(value) if !value.is_empty() => Theme::PLAIN,
            _ => Theme::COLOR,
        }
    }
}
