//! The Plan screen: every entry of the care plan with its numbers, on or off, and where it
//! comes from; below, the selected entry's why. Its form is drawn by `plan_form`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::wrap::wrap_words;
use super::{Theme, fit};
use crate::domain::plan::PlanSource;
use crate::tui::app::App;
use crate::tui::keys::{self, KeyContext};
use crate::tui::plan::{PlanRow, RowKind, rows};

/// Draws the screen and returns the key hints for the footer.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
) -> Vec<(&'static str, &'static str)> {
    let plan = app.plan_in_force();
    let rows = rows(plan);
    let selected = app.plan_view().selected.min(rows.len().saturating_sub(1));
    let details_height = rows
        .get(selected)
        .map_or(5, |row| details_height(row, area));
    let [header, list, details] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(details_height),
    ])
    .areas(area);
    let source = match app.plan_source() {
        PlanSource::BuiltIn => "the built-in plan, no changes yet".to_string(),
        PlanSource::Changes(_) => "built-in plan with your changes".to_string(),
        PlanSource::Replace(_) => "your own full copy (a change keeps only changes)".to_string(),
    };
    let title = format!(" Your care plan · {} · {source}", plan.procedure.label());
    frame.render_widget(
        Line::styled(fit(&title, usize::from(header.width)), theme.title),
        header,
    );
    draw_list(frame, list, &rows, selected, theme);
    if let Some(row) = rows.get(selected) {
        draw_details(frame, details, row, area.height, theme);
    }
    footer(area.width)
}

/// The Plan keys for the footer. Narrower than 80 columns, moving (↑↓, what a patient
/// tries anyway) and Tab (Esc goes back too) give their room to change, add and reset,
/// the keys this screen is for; `?` lists them all.
fn footer(width: u16) -> Vec<(&'static str, &'static str)> {
    let mut hints = keys::footer(KeyContext::Plan, false);
    if width < 80 {
        hints.retain(|(key, _)| !matches!(*key, "↑↓" | "Tab"));
    }
    hints
}

fn draw_list(frame: &mut Frame, area: Rect, rows: &[PlanRow], selected: usize, theme: &Theme) {
    let block = super::panel(" Follows your dermatologist: change anything ", theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let width = usize::from(inner.width);
    // From 120 columns the source column takes its longest name whole ("tip 5,
    // soltani-2014"); narrower, 15 columns or none.
    let (numbers_width, source_width) = if area.width >= super::WIDE {
        let longest = rows.iter().map(|row| row.source.width()).max().unwrap_or(0);
        (20, longest.clamp(15, width / 4))
    } else if width >= 70 {
        (20, 15)
    } else {
        (18, 0)
    };
    let label_width = width.saturating_sub(6 + numbers_width + source_width + 2);
    // Section titles go before the first row of their kind.
    let mut lines: Vec<(Option<usize>, Line)> = Vec::new();
    let mut last_kind = None;
    for (index, row) in rows.iter().enumerate() {
        if last_kind != Some(row.kind) {
            let title = match row.kind {
                RowKind::Item => "Daily care (days after the treatment)",
                RowKind::Restriction => "Restrictions (hours after the treatment)",
                RowKind::NextSession => "",
            };
            if !title.is_empty() {
                lines.push((None, Line::styled(title, theme.muted)));
            }
            last_kind = Some(row.kind);
        }
        let mark = if index == selected { "▸" } else { " " };
        // Words, not `[x]`: on Today `[x]` means done, here it would mean switched on.
        let state = if row.on { "on " } else { "off" };
        let label = fit(&row.label, label_width);
        let numbers = fit(&row.numbers, numbers_width);
        let mut spans = vec![Span::raw(format!(
            "{mark} {state} {label:label_width$} {numbers:numbers_width$}"
        ))];
        if source_width > 0 {
            let source = fit(&row.source, source_width);
            let style = if row.yours.is_yours() || row.source == "yours" {
                theme.key
            } else {
                theme.muted
            };
            spans.push(Span::raw(" "));
            spans.push(Span::styled(source, style));
        }
        let style = match (index == selected, row.on) {
            (true, _) => theme.selected,
            (false, true) => theme.text,
            (false, false) => theme.muted,
        };
        lines.push((Some(index), Line::from(spans).style(style)));
    }
    frame.render_widget(
        Paragraph::new(scrolled(lines, selected, inner.height, theme)),
        inner,
    );
}

/// The lines that fit, scrolled so that the selected row (and its section title) stays in
/// view. When entries are cut below, the last line says how many ("↓ 3 more"): a patient
/// who cannot see the actives restriction would otherwise add it a second time.
fn scrolled<'a>(
    lines: Vec<(Option<usize>, Line<'a>)>,
    selected: usize,
    height: u16,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let height = usize::from(height);
    let room = if lines.len() > height {
        height.saturating_sub(1)
    } else {
        height
    };
    let at = lines
        .iter()
        .position(|(index, _)| *index == Some(selected))
        .unwrap_or(0);
    let first = (at + 2)
        .saturating_sub(room)
        .min(lines.len().saturating_sub(room));
    let below = lines
        .iter()
        .skip(first + room)
        .filter(|(index, _)| index.is_some())
        .count();
    let take = if below == 0 { height } else { room };
    let mut visible: Vec<Line> = lines
        .into_iter()
        .skip(first)
        .take(take)
        .map(|(_, line)| line)
        .collect();
    if below > 0 {
        visible.push(Line::styled(format!("  ↓ {below} more"), theme.muted));
    }
    visible
}

/// From this height the details panel has room for the whole source (citation, link and
/// claim); below it, the works cited in few words (`PlanRow::brief`), so that at 60×16
/// the source is read rather than cut after "Source:".
const TALL: u16 = 22;
/// The rows the list keeps in a short window, borders included: the selected entry and
/// one neighbour either side.
const LIST_KEEPS: u16 = 5;

/// The details panel's height: five lines, or more where the entry's text needs them: up
/// to nine in a tall window; in a short one, all but the five rows the list keeps to show
/// the selected entry among its neighbours (eight at 60×16: three works cited, whole).
fn details_height(row: &PlanRow, area: Rect) -> u16 {
    let width = usize::from(area.width.saturating_sub(2)).max(1);
    let rows: usize = details_text(row, area.height)
        .iter()
        .map(|text| wrap_words(text, width).len())
        .sum();
    let wanted = u16::try_from(rows + 2).unwrap_or(u16::MAX);
    let most = if area.height >= TALL {
        9
    } else {
        area.height.saturating_sub(1 + LIST_KEEPS).max(5)
    };
    wanted.clamp(5, most)
}

/// The hint, then where the entry comes from as the window's height allows.
fn details_text(row: &PlanRow, height: u16) -> [String; 2] {
    let off = if row.on {
        ""
    } else {
        " Off: your earlier ticks are kept; Space turns it on."
    };
    let origin = if height >= TALL {
        &row.detail
    } else {
        &row.brief
    };
    [row.hint.clone(), format!("{origin}{off}")]
}

fn draw_details(frame: &mut Frame, area: Rect, row: &PlanRow, height: u16, theme: &Theme) {
    let block = super::panel(format!(" {} ({}) ", row.label, row.id), theme);
    let [hint, origin] = details_text(row, height);
    let lines = vec![
        Line::styled(hint, theme.text),
        Line::styled(origin, theme.muted),
    ];
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}
