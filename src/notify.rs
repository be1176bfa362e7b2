//! Desktop notifications: the freedesktop service over D-Bus on Linux and the BSDs,
//! Notification Center on macOS, both through `notify-rust`.
//!
//! Behind a trait so the fixed-clock tests can record what would be shown; the real one is
//! tested against a private session bus with a notification server of the test's own.

/// Something that shows a notification.
pub trait Notifier {
    /// Shows one; `Err` says why it could not (no bus, no notification service).
    fn notify(&mut self, summary: &str, body: &str) -> Result<(), NotifyError>;
}

/// Why a notification was not shown. Its message ends up inside the one stderr line of
/// `aftercare remind`, so it is a single line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotifyError {
    /// The service (or the bus to it) refused: its own words, on one line.
    #[error("{0}")]
    Refused(String),
    /// The service did not answer within [`ANSWER_WITHIN`].
    #[error("the notification service did not answer within {} s", ANSWER_WITHIN.as_secs())]
    NoAnswer,
}

/// How long a notification service may take to answer. A scheduled run that hung on a
/// stuck service would stop every later run (systemd starts no second copy of a running
/// oneshot), so past this the run gives up on notifications and finishes.
pub const ANSWER_WITHIN: std::time::Duration = std::time::Duration::from_secs(5);

/// The desktop's notification service.
#[derive(Debug, Default)]
pub struct Desktop;

impl Notifier for Desktop {
    fn notify(&mut self, summary: &str, body: &str) -> Result<(), NotifyError> {
        let mut notification = notify_rust::Notification::new();
        notification
            .appname("aftercare")
            .summary(summary)
            .body(&body_text(body));
        // On a thread of its own so that a service that never answers cannot hold the
        // run; the thread is left behind and ends with the process.
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let shown = notification
                .show()
                .map(|_handle| ())
                .map_err(|err| NotifyError::Refused(one_line(&err.to_string())));
            let _ = sender.send(shown);
        });
        receiver
            .recv_timeout(ANSWER_WITHIN)
            .unwrap_or(Err(NotifyError::NoAnswer))
    }
}

/// Freedesktop servers may read the body as markup: `&`, `<` and `>` from a plan label
/// must show as themselves.
fn body_text(body: &str) -> String {
    if cfg!(target_os = "macos") {
        return body.to_string();
    }
    body.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Records instead of showing: for tests, and for `--dry-run`'s bookkeeping.
#[derive(Debug, Default)]
pub struct Recorder {
    pub shown: Vec<(String, String)>,
    /// When set, every call fails with this message (a machine without a bus).
    pub fail_with: Option<String>,
}

impl Notifier for Recorder {
    fn notify(&mut self, summary: &str, body: &str) -> Result<(), NotifyError> {
        if let Some(message) = &self.fail_with {
            return Err(NotifyError::Refused(message.clone()));
        }
        self.shown.push((summary.to_string(), body.to_string()));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_in_a_label_is_escaped_for_freedesktop() {
        if !cfg!(target_os = "macos") {
            assert_eq!(
                super::body_text("Soap & <water>"),
                "Soap &amp; &lt;water&gt;"
            );
        }
    }
}
