//! The photo view over Today or History (`f`): the day's photos by caption on the left,
//! the selected one on the right (or day 0 beside another day with `c`). Pictures are
//! drawn last, after the frame is cleaned of control characters (their escape sequences
//! are ours); where there is no room or images are off, the caption and the file path
//! stand in for them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::Theme;
use crate::domain::photo::GUIDE;
use crate::tui::app::App;
use crate::tui::photos::images::PhotoImages;
use crate::tui::photos::layout::{Pane, Parts, fits, layout};
use crate::tui::photos::{PhotoBrowser, Shown};

/// Draws everything but the pictures; returns the footer's hints.
pub fn draw(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    browser: &PhotoBrowser,
    theme: &Theme,
) -> Vec<(&'static str, &'static str)> {
    frame.render_widget(Clear, body);
    let title = match &browser.compare {
        Some(_) => " Photos · compare ".to_string(),
        None => format!(" Photos · {} ", browser.date),
    };
    let block = Block::bordered()
        .title(Span::styled(title, theme.title))
        .border_style(theme.border);
    frame.render_widget(block, body);
    let Parts {
        list,
        panes,
        prompt,
    } = layout(body, browser);
    if browser.photos.is_empty() {
        let text = vec![
            Line::styled("No photos of this day yet.", theme.text),
            Line::styled(
                "a: add one (the path of a JPEG, PNG or WebP).  ?: how to take photos that compare.",
                theme.muted,
            ),
        ];
        frame.render_widget(
            Paragraph::new(text).wrap(Wrap { trim: true }),
            panes[0].picture,
        );
    } else {
        draw_list(frame, list, browser, theme);
        for (shown, pane) in browser.on_screen().into_iter().zip(&panes) {
            draw_pane(frame, *pane, shown, app, theme);
        }
    }
    if browser.guide {
        let area = panes[0].picture.union(panes[panes.len() - 1].picture);
        frame.render_widget(Clear, area);
        frame.render_widget(
            Paragraph::new(GUIDE)
                .style(theme.text)
                .wrap(Wrap { trim: false }),
            area,
        );
    }
    if let Some(path) = &browser.path {
        let line = Line::from(vec![
            Span::styled("Photo file: ", theme.title),
            Span::styled(path.text().to_string(), theme.text),
            Span::styled("▏", theme.key),
        ]);
        frame.render_widget(Paragraph::new(line), prompt);
    } else if let Some(importing) = app.photo_images().importing() {
        let line = format!("Adding {} …", importing.display());
        frame.render_widget(Paragraph::new(Line::styled(line, theme.muted)), prompt);
    }
    crate::tui::keys::footer(app.key_context(), false)
}

fn draw_list(frame: &mut Frame, area: Rect, browser: &PhotoBrowser, theme: &Theme) {
    if area.width == 0 {
        return;
    }
    let lines: Vec<Line> = browser
        .photos
        .iter()
        .enumerate()
        .map(|(index, shown)| {
            let style = if index == browser.selected {
                theme.selected
            } else {
                theme.text
            };
            Line::styled(shown.caption.clone(), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The caption and note under the picture; where no picture can be drawn, the file's
/// path too, in the picture's place.
fn draw_pane(frame: &mut Frame, pane: Pane, shown: &Shown, app: &App, theme: &Theme) {
    let mut caption = vec![Line::styled(shown.caption.clone(), theme.title)];
    if !shown.photo.note.is_empty() {
        caption.push(Line::styled(shown.photo.note.clone(), theme.text));
    }
    frame.render_widget(
        Paragraph::new(caption).wrap(Wrap { trim: true }),
        pane.caption,
    );
    let path = app.journal().layout().dir.join(&shown.photo.file);
    let images = app.photo_images();
    let key = (
        shown.photo.file.clone(),
        pane.picture.width,
        pane.picture.height,
    );
    let placeholder = if !images.enabled() || !fits(pane.picture) {
        None
    } else {
        match images.get(&key) {
            Some(Ok(_)) => return,
            Some(Err(why)) => Some(format!("Cannot show it: {why}")),
            None => Some("Loading…".to_string()),
        }
    };
    let mut lines = Vec::new();
    if let Some(word) = placeholder {
        lines.push(Line::styled(word, theme.muted));
    }
    lines.push(Line::styled(path.display().to_string(), theme.muted));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        pane.picture,
    );
}

/// Draws the pictures made so far over their panes (after the frame is cleaned).
pub fn draw_pictures(frame: &mut Frame, body: Rect, browser: &PhotoBrowser, images: &PhotoImages) {
    if browser.guide || !images.enabled() {
        return;
    }
    for (shown, pane) in browser
        .on_screen()
        .into_iter()
        .zip(layout(body, browser).panes)
    {
        let key = (
            shown.photo.file.clone(),
            pane.picture.width,
            pane.picture.height,
        );
        if let Some(Ok(protocol)) = images.get(&key) {
            frame.render_widget(ratatui_image::Image::new(protocol), pane.picture);
        }
    }
}
