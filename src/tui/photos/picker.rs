//! How the terminal shows pictures (issue 25): the best protocol it answers a short query
//! with (kitty, sixel, iTerm2), halfblocks when it does not answer (tmux, SSH, an old
//! terminal), or none when `AFTERCARE_IMAGES=off`.

use ratatui_image::picker::Picker;

/// Overrides the query: `halfblocks` (always works, never queries) or `off` (captions and
/// file paths instead of pictures).
pub const IMAGES_ENV: &str = "AFTERCARE_IMAGES";

/// The picker for `setting` (the value of [`IMAGES_ENV`]), asking the terminal with `query`
/// only when nothing overrides it. Call after entering the alternate screen and before
/// reading events: the answer arrives on standard input.
pub fn choose(
    setting: Option<&str>,
    query: impl FnOnce() -> Result<Picker, ratatui_image::errors::Errors>,
) -> Option<Picker> {
    match setting.map(str::trim) {
        Some("off" | "none" | "0") => None,
        Some("halfblocks") => Some(Picker::halfblocks()),
        // No answer, no terminal, a timeout: halfblocks draw anywhere.
        _ => Some(query().unwrap_or_else(|_| Picker::halfblocks())),
    }
}

/// The picker for this terminal, from the environment and the query.
pub fn from_terminal() -> Option<Picker> {
    let setting = std::env::var(IMAGES_ENV).ok();
    choose(setting.as_deref(), Picker::from_query_stdio)
}

#[cfg(test)]
mod tests {
    use ratatui_image::picker::ProtocolType;

    use super::*;

    #[test]
    fn no_answer_from_the_terminal_falls_back_to_halfblocks() {
        let picker = choose(None, || Err(ratatui_image::errors::Errors::NoStdinResponse));
        assert_eq!(
            picker.map(|p| p.protocol_type()),
            Some(ProtocolType::Halfblocks)
        );
    }

    #[test]
    fn the_setting_overrides_the_query() {
        let never = || -> Result<Picker, ratatui_image::errors::Errors> {
            panic!("no query when the setting decides")
        };
        assert!(choose(Some("off"), never).is_none());
        let picker = choose(Some("halfblocks"), never).unwrap();
        assert_eq!(picker.protocol_type(), ProtocolType::Halfblocks);
    }
}
