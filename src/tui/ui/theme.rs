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
    /// Draw with ASCII only (`--ascii`, `TERM=dumb`/`linux`, or a locale that is not
    /// UTF-8): a console without a Unicode font shows boxes for `▸ ✓ ▁▂▄▆`.
    pub ascii: bool,
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
        ascii: false,
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
        ascii: false,
    };

    /// `PLAIN` when `NO_COLOR` is set to anything non-empty, else `COLOR`; ASCII glyphs
    /// when the terminal or the locale cannot show Unicode (see [`ascii_from_env`]).
    pub fn from_env() -> Theme {
        let theme = match std::env::var_os("NO_COLOR") {
            Some(value) if !value.is_empty() => Theme::PLAIN,
            _ => Theme::COLOR,
        };
        Theme {
            ascii: ascii_from_env(),
            ..theme
        }
    }

    /// The same styles, drawn in ASCII.
    pub fn with_ascii(self, ascii: bool) -> Theme {
        Theme {
            ascii: self.ascii || ascii,
            ..self
        }
    }
}

/// True when the glyphs should be ASCII: `AFTERCARE_ASCII=1`, the Linux console
/// (`TERM=linux`, whose font lacks the bar glyphs) or a dumb terminal, or a locale that is
/// set and does not say UTF-8 (`LANG=C`, `en_US.ISO-8859-1`). An unset locale is taken as
/// a modern terminal.
pub fn ascii_from_env() -> bool {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    if var("AFTERCARE_ASCII").is_some_and(|v| v == "1") {
        return true;
    }
    if var("TERM").is_some_and(|term| term == "linux" || term == "dumb") {
        return true;
    }
    let locale = var("LC_ALL")
        .or_else(|| var("LC_CTYPE"))
        .or_else(|| var("LANG"));
    locale.is_some_and(|locale| {
        let locale = locale.to_ascii_lowercase();
        !(locale.contains("utf-8") || locale.contains("utf8"))
    })
}

/// The ASCII stand-in for a glyph the app draws, or `None` to keep it.
pub fn ascii_glyph(symbol: &str) -> Option<&'static str> {
    Some(match symbol {
        "┌" | "┐" | "└" | "┘" | "├" | "┤" | "┬" | "┴" | "┼" => "+",
        "─" | "━" => "-",
        "│" | "┃" => "|",
        "▸" | "→" | "▶" => ">",
        "◂" | "←" => "<",
        "↑" => "^",
        "↓" => "v",
        "✓" | "×" => "x",
        "█" => "#",
        "▓" => "%",
        "▒" => "+",
        "░" => ".",
        "▁" => "_",
        "▂" => "-",
        "▄" => "=",
        "▆" => "*",
        "…" => "~",
        "·" | "•" => "-",
        "–" | "—" => "-",
        "⚠" => "!",
        "\u{a0}" => " ",
        _ => return None,
    })
}
