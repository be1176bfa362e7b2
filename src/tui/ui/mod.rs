//! Drawing: reads the [`App`] and never changes it. One module per screen.

mod alert_frame;
mod calendar;
mod help;
mod history;
mod history_dialog;
pub mod photos;
mod plan;
mod plan_form;
mod sanitize;
mod skin;
pub mod theme;
mod today;
mod treatment;
mod warning_signs;
mod watch_note;
mod wrap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Wrap};

use crate::tui::app::{App, Overlay, Screen};
pub use theme::Theme;

/// Below this size the screens cannot be drawn legibly; a polite notice is shown instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;
/// From this width on, screens use the extra room (a wider trend, labels whole) rather
/// than keep the 80-column layout with space left over; below it, they are as at 80.
pub const WIDE: u16 = 120;

/// Draws the whole frame for the app's current state.
/// Every cell is cleaned of control characters last (see `sanitize`).
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    draw_parts(frame, app, theme);
    sanitize::clean(frame.buffer_mut());
    // Pictures last: their cells hold the protocol's own escape sequences, which cleaning
    // would strip. Nothing of the patient's text is in them.
    if let Some(Overlay::Photos(browser)) = app.overlay() {
        let area = frame.area();
        if area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT && !theme.ascii {
            let [body, _, _] = split_frame(area);
            photos::draw_pictures(frame, body, browser, app.photo_images());
        }
    }
}

fn draw_parts(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_too_small(frame, area, app, theme);
        if theme.ascii {
            asciify(frame.buffer_mut());
        }
        return;
    }
    let [body, status, footer] = split_frame(area);
    let mut hints = match app.screen() {
        Screen::Welcome(form) => treatment::draw(frame, body, form, true, theme),
        Screen::Today => today::draw(frame, body, app, theme),
        Screen::History => history::draw(frame, body, app, theme),
        Screen::Plan => plan::draw(frame, body, app, theme),
    };
    match app.overlay() {
        Some(Overlay::SkinForm(form)) => hints = skin::draw(frame, body, form, theme),
        Some(Overlay::NewTreatment(form)) => {
            hints = treatment::draw(frame, body, form, false, theme);
        }
        // A dialog over History: its own keys, not the screen's beneath.
        Some(Overlay::EditTreatment { .. } | Overlay::Confirm { .. }) => {
            hints = crate::tui::keys::footer(app.key_context(), false);
        }
        Some(Overlay::PlanForm(form)) => hints = plan_form::draw(frame, body, form, theme),
        Some(Overlay::Photos(browser)) => hints = photos::draw(frame, body, app, browser, theme),
        _ => {}
    }
    frame.render_widget(status_line(app, usize::from(status.width), theme), status);
    frame.render_widget(key_hints(&hints, footer.width, theme), footer);
    if app.help_shown() {
        help::draw(frame, body, app, theme);
    }
    if app.overlay() == Some(&Overlay::WarningSigns) {
        warning_signs::draw(frame, body, app.plan(), theme);
        frame.render_widget(Clear, footer);
        frame.render_widget(
            key_hints(&[("any key", "closes")], footer.width, theme),
            footer,
        );
    }
    // Last, over every screen and overlay: an emergency is never hidden.
    alert_frame::draw_emergency(frame, body, app.alerts(), theme);
    if theme.ascii {
        asciify(frame.buffer_mut());
    }
}

pub(crate) use crate::tui::frame::split_frame;

/// What a click at `(column, row)` of a frame of `area` points at: a checklist item on
/// Today, a day of the calendar on History. Computed from the same layout the drawing
/// uses, so a click lands where the eye sees.
pub fn hit(app: &App, area: Rect, column: u16, row: u16) -> Option<Hit> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT || app.overlay().is_some() {
        return None;
    }
    let [body, _, _] = split_frame(area);
    match app.screen() {
        Screen::Today => today::item_at(body, app, column, row)
            .map(|(index, on_box)| Hit::Item { index, on_box }),
        Screen::History => history::day_at(body, app, column, row).map(Hit::Day),
        Screen::Welcome(_) | Screen::Plan => None,
    }
}

/// What a click points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A checklist item, by its index in the day's list; `on_box`: on its `[ ]`.
    Item {
        index: usize,
        on_box: bool,
    },
    Day(jiff::civil::Date),
}

/// Replaces every glyph the app draws by its ASCII stand-in (the patient's own text is
/// left as typed).
pub fn asciify(buffer: &mut ratatui::buffer::Buffer) {
    for cell in &mut buffer.content {
        if let Some(ascii) = theme::ascii_glyph(cell.symbol()) {
            cell.set_symbol(ascii);
        }
    }
}

/// What just happened, or which plan is in force (the plan is a default: say so). Cut to
/// the width with "…", never in the middle of a word without a mark.
fn status_line<'a>(app: &'a App, width: usize, theme: &Theme) -> Line<'a> {
    match app.status() {
        Some(status) if status.is_error => {
            Line::styled(fit(&format!(" ! {}", status.text), width), theme.error)
        }
        Some(status) => Line::styled(fit(&format!(" {}", status.text), width), theme.text),
        // A running timer is always in sight, whichever item is selected and however
        // small the screen.
        None if app.timer().is_some() => {
            let left = app.timer_left().unwrap_or_default();
            let label = app
                .timer()
                .as_ref()
                .and_then(|timer| app.plan().item(&timer.item_id))
                .map_or("", |item| item.label.as_str());
            let text = format!(
                " Timer {} · {label} · t cancels",
                crate::tui::timer::clock_face(left)
            );
            Line::styled(fit(&text, width), theme.warning)
        }
        None => Line::styled(plan_line(app, width), theme.muted),
    }
}

/// Which plan is in force, and the way to change it, shortened to fit the width.
fn plan_line(app: &App, width: usize) -> String {
    let how = match app.screen() {
        Screen::Plan => "change it here, saved at once",
        _ => "P changes it to your dermatologist's",
    };
    let what = match app.plan_source() {
        crate::domain::plan::PlanSource::BuiltIn => "built-in default",
        crate::domain::plan::PlanSource::Changes(_) => "built-in + your changes",
        crate::domain::plan::PlanSource::Replace(_) => "your full copy",
    };
    let full = format!(" Plan: {what} · {how}");
    if Span::raw(full.as_str()).width() <= width {
        return full;
    }
    fit(&format!(" Plan: {what}"), width)
}

/// A footer of `key description` pairs that fits `width`: whole hints are left out when
/// it is narrow (the middle ones first; `? help` and `q quit` stay), never cut in a word.
/// How many photos a day has.
fn photo_count(app: &App, date: jiff::civil::Date) -> usize {
    app.journal().day(date).map_or(0, |day| day.photos.len())
}

/// The screens offer `f photos` only on a day that has some: elsewhere it shows nothing.
fn offer_photos_only_with_some(hints: &mut Vec<(&str, &str)>, app: &App, date: jiff::civil::Date) {
    if photo_count(app, date) == 0 {
        hints.retain(|(key, _)| *key != "f");
    }
}

fn key_hints<'a>(hints: &[(&'a str, &'a str)], width: u16, theme: &Theme) -> Line<'a> {
    let mut hints = hints.to_vec();
    let needed = |hints: &[(&str, &str)]| -> usize {
        let pairs: usize = hints
            .iter()
            .map(|(key, what)| Line::raw(format!("{key} {what}")).width() + 2)
            .sum();
        (1 + pairs).saturating_sub(2)
    };
    // Of the hints not listed here, the one nearest the end goes first; then these, in
    // this order: switching screens, the day's photos (offered only on a day with some),
    // the skin form, the timer (offered only when one applies), the warning signs (when
    // to call the clinic), ticking, help and quit.
    const LAST_TO_GO: [&str; 8] = ["Tab", "f", "s", "t", "w", "Space", "?", "q"];
    while hints.len() > 1 && needed(&hints) > usize::from(width) {
        let drop = hints
            .iter()
            .rposition(|(key, _)| !LAST_TO_GO.contains(key))
            .or_else(|| {
                LAST_TO_GO
                    .iter()
                    .find_map(|kept| hints.iter().position(|(key, _)| key == kept))
            })
            .unwrap_or(0);
        hints.remove(drop);
    }
    let mut spans = vec![Span::raw(" ")];
    for (key, what) in &hints {
        spans.push(Span::styled(*key, theme.key));
        spans.push(Span::styled(format!(" {what}  "), theme.muted));
    }
    Line::from(spans)
}

fn draw_too_small(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    // Even too small for the app, an emergency is said first.
    let emergency: String = app
        .alerts()
        .iter()
        .filter(|a| a.level == crate::domain::alerts::Level::Emergency)
        .map(|a| format!("{} ", a.text))
        .collect();
    let text = format!(
        "{emergency}Terminal too small: aftercare needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {}×{}. Enlarge it, or q to quit.",
        area.width, area.height
    );
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.warning)
            .wrap(Wrap { trim: true }),
        area,
    );
}

/// A titled, bordered box in the app's style, with a column of air inside each side.
pub(crate) fn panel<'a>(title: impl Into<Line<'a>>, theme: &Theme) -> Block<'a> {
    Block::bordered()
        .title(title)
        .title_style(theme.title)
        .border_style(theme.border)
        .padding(Padding::horizontal(1))
}

/// Draws `lines` in `block` over whatever is beneath `area`; returns the block's inside.
pub(crate) fn draw_popup(
    frame: &mut Frame,
    area: Rect,
    block: Block<'_>,
    lines: Vec<Line<'_>>,
) -> Rect {
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
    inner
}

/// A calm sentence where a panel has nothing to show.
pub(crate) fn draw_empty(frame: &mut Frame, area: Rect, text: &str, theme: &Theme) {
    let paragraph = Paragraph::new(text)
        .style(theme.muted)
        .wrap(Wrap { trim: true });
    frame.render_widget(paragraph, area);
}

/// A span of days as people write it: "16–30 May", "25 Apr–9 May", with the year at the end
/// when asked ("16–30 May 2027", "22 Dec–5 Jan 2027").
pub(crate) fn date_range(from: jiff::civil::Date, to: jiff::civil::Date, year: bool) -> String {
    let end = if year {
        to.strftime("%-d %b %Y")
    } else {
        to.strftime("%-d %b")
    };
    if from.month() != to.month() || from.year() != to.year() {
        format!("{}–{end}", from.strftime("%-d %b"))
    } else {
        format!("{}–{end}", from.day())
    }
}

/// Cuts `text` to at most `width` columns, ending with "…" when cut.
pub(crate) fn fit(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// A form field's name, padded to `width`, with `▸` before it when it has the focus: the
/// focus is said by a glyph, not by reverse video alone (issue 27, NO_COLOR).
pub fn field_label(name: &str, focused: bool, width: usize) -> String {
    let pointer = if focused { "▸" } else { " " };
    format!("{pointer}{name:<width$}", width = width.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn fit_cuts_by_display_width() {
        assert_eq!(fit("sunscreen", 20), "sunscreen");
        assert_eq!(fit("sunscreen", 5), "suns…");
        assert_eq!(fit("日本語テキスト", 5), "日本…");
        assert_eq!(fit("abc", 0), "");
    }
}
