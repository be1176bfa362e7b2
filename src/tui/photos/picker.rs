//! How the terminal shows pictures (issue 25): the best protocol it answers a short query
//! with (kitty, sixel, iTerm2), halfblocks otherwise, or none when `AFTERCARE_IMAGES=off`.
//!
//! The query is only sent to a terminal that says (in its environment) it is one of those
//! that answer: ratatui-image's query reads standard input on a thread of its own, and
//! when no answer comes that thread keeps reading after the timeout, eating the patient's
//! keys (seen inside tmux). Elsewhere halfblocks, which draw anywhere;
//! `AFTERCARE_IMAGES=query` asks any terminal all the same.

use ratatui_image::picker::Picker;

/// Overrides the choice: `halfblocks`, `off` (captions and file paths instead of
/// pictures), or `query` (ask whatever the terminal).
pub const IMAGES_ENV: &str = "AFTERCARE_IMAGES";

/// The picker for `setting` (the value of [`IMAGES_ENV`]); `query` asks the terminal,
/// only when `answers` (it is known to answer) or the setting says so.
pub fn choose(
    setting: Option<&str>,
    answers: bool,
    query: impl FnOnce() -> Result<Picker, ratatui_image::errors::Errors>,
) -> Option<Picker> {
    match setting.map(str::trim) {
        Some("off" | "none" | "0") => None,
        Some("halfblocks") => Some(Picker::halfblocks()),
        Some("query") => Some(query().unwrap_or_else(|_| Picker::halfblocks())),
        // No answer, no terminal, a timeout: halfblocks draw anywhere.
        _ if answers => Some(query().unwrap_or_else(|_| Picker::halfblocks())),
        _ => Some(Picker::halfblocks()),
    }
}

/// Whether the environment names a terminal that answers the graphics query (kitty,
/// Ghostty, WezTerm, iTerm2, foot, mlterm, Rio), outside a multiplexer (tmux, screen),
/// which may keep the answer to itself.
pub fn answers_query(var: impl Fn(&str) -> Option<String>) -> bool {
    if var("TMUX").is_some() || var("STY").is_some() {
        return false;
    }
    let term = var("TERM").unwrap_or_default();
    let program = var("TERM_PROGRAM").unwrap_or_default();
    [
        "KITTY_WINDOW_ID",
        "WEZTERM_EXECUTABLE",
        "GHOSTTY_RESOURCES_DIR",
        "ITERM_SESSION_ID",
    ]
    .iter()
    .any(|name| var(name).is_some_and(|v| !v.is_empty()))
        || ["kitty", "ghostty", "foot", "mlterm", "wezterm", "rio"]
            .iter()
            .any(|name| term.contains(name))
        || ["iTerm.app", "WezTerm", "ghostty", "rio"].contains(&program.as_str())
}

/// The picker for this terminal, from the environment and, where it answers, the query.
pub fn from_terminal() -> Option<Picker> {
    let setting = std::env::var(IMAGES_ENV).ok();
    let answers = answers_query(|name| std::env::var(name).ok());
    choose(setting.as_deref(), answers, Picker::from_query_stdio)
}

#[cfg(test)]
mod tests {
    use ratatui_image::picker::ProtocolType;

    use super::*;

    fn never() -> Result<Picker, ratatui_image::errors::Errors> {
        panic!("the terminal is not asked here")
    }

    #[test]
    fn no_answer_from_the_terminal_falls_back_to_halfblocks() {
        let picker = choose(None, true, || {
            Err(ratatui_image::errors::Errors::NoStdinResponse)
        });
        assert_eq!(
            picker.map(|p| p.protocol_type()),
            Some(ProtocolType::Halfblocks)
        );
    }

    #[test]
    fn the_setting_overrides_the_query() {
        assert!(choose(Some("off"), true, never).is_none());
        let picker = choose(Some("halfblocks"), true, never).unwrap();
        assert_eq!(picker.protocol_type(), ProtocolType::Halfblocks);
    }

    #[test]
    fn a_terminal_not_known_to_answer_is_not_asked() {
        let picker = choose(None, false, never).unwrap();
        assert_eq!(picker.protocol_type(), ProtocolType::Halfblocks);
    }

    #[test]
    fn kitty_is_asked_but_not_inside_tmux_and_not_a_plain_xterm() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_string())
            }
        };
        assert!(answers_query(env(&[("TERM", "xterm-kitty")])));
        assert!(answers_query(env(&[("TERM_PROGRAM", "WezTerm")])));
        assert!(!answers_query(env(&[
            ("TERM", "xterm-kitty"),
            ("TMUX", "/tmp/t,1,0")
        ])));
        assert!(!answers_query(env(&[("TERM", "xterm-256color")])));
    }
}
