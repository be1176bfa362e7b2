//! How the photo view answers keys and the worker's results: it changes only itself (and
//! its pictures), and hands back effects like every other view.

use jiff::ZonedDateTime;
use ratatui::layout::Rect;

use super::PhotoBrowser;
use super::images::PhotoImages;
use crate::journal::Journal;
use crate::journal::photo_care::{self, NewPhoto};
use crate::tui::action::{Action, Edit, PhotoAction};
use crate::tui::forms::input::TextInput;
use crate::tui::view::Effect;

/// What an update of the photo view leads to.
#[derive(Debug, Default)]
pub struct Outcome {
    pub effects: Vec<Effect>,
    /// The view closed.
    pub closed: bool,
}

/// Answers one key.
pub fn update(
    browser: &mut PhotoBrowser,
    images: &mut PhotoImages,
    journal: &mut Journal,
    action: Action,
) -> Outcome {
    let mut outcome = Outcome::default();
    if let Some(path) = &mut browser.path {
        match action {
            Action::Edit(Edit::Insert(c)) => path.insert(c),
            Action::Edit(Edit::Backspace) => path.backspace(),
            Action::Edit(Edit::Left) => path.left(),
            Action::Edit(Edit::Right) => path.right(),
            Action::Cancel => browser.path = None,
            Action::Submit => {
                let typed = path.text().trim().to_string();
                browser.path = None;
                if !typed.is_empty() {
                    images.import(expand_home(&typed));
                }
            }
            _ => {}
        }
        return outcome;
    }
    let Action::Photo(action) = action else {
        return outcome;
    };
    if browser.guide && action != PhotoAction::Close {
        browser.guide = false;
        return outcome;
    }
    match action {
        PhotoAction::Step(delta) => browser.step(isize::from(delta)),
        PhotoAction::Compare => {
            if let Err(err) = browser.toggle_compare(journal) {
                outcome.effects.push(Effect::error(err.to_string()));
            } else if browser.compare.is_none() && browser.photos.is_empty() {
                outcome
                    .effects
                    .push(Effect::info("No photo to compare on this day"));
            }
        }
        PhotoAction::Guide => browser.guide = true,
        PhotoAction::Add => browser.path = Some(TextInput::default()),
        PhotoAction::Close => {
            images.forget();
            outcome.closed = true;
        }
    }
    outcome
}

/// `~/Pictures/x.jpg` as the shell would read it.
fn expand_home(typed: &str) -> std::path::PathBuf {
    match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::Path::new(&home).join(rest),
        _ => std::path::PathBuf::from(typed),
    }
}

/// Takes in what the worker finished: pictures, and imports, which are saved here (on the
/// UI thread, as every change is; the slow decoding was done by then).
pub fn take_results(
    browser: Option<&mut PhotoBrowser>,
    images: &mut PhotoImages,
    journal: &mut Journal,
    now: &ZonedDateTime,
) -> Vec<Effect> {
    let mut effects = Vec::new();
    let finished = images.take();
    let Some(browser) = browser else {
        return effects;
    };
    for (path, imported) in finished {
        let asked = NewPhoto {
            date: Some(browser.date),
            ..NewPhoto::default()
        };
        let saved = imported
            .map_err(|err| err.to_string())
            .and_then(|imported| {
                photo_care::add_photo(journal, &imported, &asked, now).map_err(|e| e.to_string())
            });
        match saved {
            Ok((_, photo)) => {
                effects.push(Effect::info(format!(
                    "Added {} (stored without its metadata; the original is untouched)",
                    path.display()
                )));
                if let Err(err) = browser.reload(journal) {
                    effects.push(Effect::error(err.to_string()));
                }
                browser.selected = browser
                    .photos
                    .iter()
                    .position(|s| s.photo.id == photo.id)
                    .unwrap_or(browser.selected);
            }
            Err(err) => effects.push(Effect::error(err)),
        }
    }
    effects
}

/// Asks the worker for the pictures the view shows on a terminal of `size`, at the size
/// they are drawn.
pub fn ask_pictures(
    browser: &PhotoBrowser,
    images: &mut PhotoImages,
    journal: &Journal,
    size: Rect,
) {
    let [body, _, _] = crate::tui::frame::split_frame(size);
    for (file, size) in super::layout::pictures(body, browser) {
        images.ask(&journal.layout().dir, &file, size);
    }
}
