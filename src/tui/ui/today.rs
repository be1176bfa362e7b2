//! The Today screen: header, the day's checklist, and the countdown panel of restrictions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph, Wrap};

use super::{Theme, fit, split};
use crate::domain::plan::ItemKind;
use crate::domain::recovery::{self, ItemProgress, RestrictionStatus, format_left};
use crate::tui::app::App;
use crate::tui::keys::{self, KeyContext};

/// Width of the countdown panel; the checklist takes the rest.
const PANEL_WIDTH: u16 = 34;

/// Draws the screen and returns the key hints for the footer.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
) -> Vec<(&'static str, &'static str)> {
    let concern_height = if app.concern.is_some() { 2 } else { 0 };
    let [header, concern_area, body] = split::rows(
        area,
        [
            Constraint::Length(1),
            Constraint::Length(concern_height),
            Constraint::Min(0),
        ],
    );
    draw_header(frame, header, app, theme);
    if let Some(concern) = &app.concern {
        let text = Paragraph::new(format!(" {concern}"))
            .style(theme.warning)
            .wrap(Wrap { trim: true });
        frame.render_widget(text, concern_area);
    }
    let [left, right] = split::columns(
        body,
        [Constraint::Min(0), Constraint::Length(PANEL_WIDTH)],
        0,
    );
    draw_checklist(frame, left, app, theme);
    draw_restrictions(frame, right, app, theme);
    keys::footer(KeyContext::Today, app.timer.is_some())
}

/// "Day 3 after treatment · Thursday 26 November 2026", and on the right either the next
/// session's window or, on a past day, how to get back.
fn draw_header(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let date = app.date.strftime("%A %-d %B %Y").to_string();
    let day = match app.day_number() {
        Some(0) => "Day 0 · treatment day".to_string(),
        Some(n) => format!("Day {n} after treatment"),
        None => "No treatment recorded by this day".to_string(),
    };
    let (lead, lead_style) = if app.is_past_day() {
        (" ◂ Past day · ", theme.warning)
    } else {
        (" ", theme.title)
    };
    let left = Line::from(vec![
        Span::styled(lead, lead_style),
        Span::styled(day, theme.title),
        Span::styled(format!(" · {date}"), theme.text),
    ]);
    let right = if app.is_past_day() {
        Line::styled("Home: back to today ", theme.warning)
    } else if let Some((from, to)) = app
        .journal
        .latest_treatment()
        .and_then(|treatment| recovery::next_session_window(&app.plan, treatment))
    {
        let range = super::date_range(from, to, false);
        let text = if app.today() > to {
            format!("Next session was due {range} ")
        } else if app.today() >= from {
            format!("Next session due by {} ", to.strftime("%-d %b"))
        } else {
            format!("Next session: {range} ")
        };
        Line::styled(text, theme.muted)
    } else {
        Line::raw("")
    };
    // The day and date come first: the right-hand note is shown only if both fit.
    if left.width() + right.width() <= usize::from(area.width) {
        frame.render_widget(right.right_aligned(), area);
    }
    frame.render_widget(left, area);
}

fn draw_checklist(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = super::panel(" Today's care ", theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let items = app.checklist();
    if items.is_empty() {
        let text = if app.day_number().is_some() {
            "Nothing on the plan for this day: this treatment's care plan is over. \
             When you have your next session, record it with r."
        } else {
            "Nothing on the plan for this day. Rest and let your skin heal."
        };
        super::draw_empty(frame, inner, text, theme);
        return;
    }
    let selected = app.selected.min(items.len() - 1);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = items
        .iter()
        .enumerate()
        .map(|(index, progress)| checklist_row(progress, index == selected, width, theme))
        .collect();
    // Ticks of items the plan no longer has: kept and shown, counted for nothing.
    for former in recovery::former_ticks(&app.plan, app.journal.day(app.date)) {
        let text = format!("    {} ×{}", former.label, former.count);
        lines.push(Line::styled(fit(&text, width), theme.muted));
        lines.push(Line::styled(
            fit(&format!("      {}", former.why()), width),
            theme.muted,
        ));
    }
    lines.push(Line::raw(""));
    lines.extend(selected_details(app, &items[selected], theme));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// `▸ [✓] Glasses of water       8/8`, padded so the count is right-aligned.
fn checklist_row<'a>(
    progress: &ItemProgress<'_>,
    selected: bool,
    width: usize,
    theme: &Theme,
) -> Line<'a> {
    let mark = if progress.done() { "[✓]" } else { "[ ]" };
    let count = match progress.item.kind {
        ItemKind::Check | ItemKind::Avoid => String::new(),
        _ => progress.progress_text(),
    };
    let label_width = width.saturating_sub(8 + count.len());
    let label = fit(&progress.item.label, label_width);
    let pad = label_width.saturating_sub(Span::raw(&label).width());
    let text = format!(
        "{} {mark} {label}{}{count} ",
        if selected { "▸" } else { " " },
        " ".repeat(pad + 1)
    );
    let style = match (selected, progress.done()) {
        (true, _) => theme.selected,
        (false, true) => theme.done,
        (false, false) => theme.text,
    };
    Line::styled(text, style)
}

/// Why the selected item matters, where it comes from, and its timer if one runs.
fn selected_details<'a>(app: &App, progress: &ItemProgress<'_>, theme: &Theme) -> Vec<Line<'a>> {
    let item = progress.item;
    let what = match item.kind {
        ItemKind::Check => "once a day".to_string(),
        ItemKind::Avoid => "tick it when you kept to it".to_string(),
        ItemKind::Counted { target } => format!("{target} a day"),
        ItemKind::Timed { minutes, sessions } => format!("{sessions} × {minutes} min a day"),
    };
    let default = if item.is_our_default() {
        " · default"
    } else {
        ""
    };
    let from = match (item.origin.tip(), item.yours.is_yours()) {
        (Some(tip), false) => format!("Tip {tip}"),
        _ => "Your dermatologist".to_string(),
    };
    let mut lines = vec![
        Line::styled(item.hint.clone(), theme.text),
        Line::styled(format!("{from} · {what}{default}"), theme.muted),
    ];
    if let (Some(timer), Some(left)) = (&app.timer, app.timer_left()) {
        let label = app
            .plan
            .item(&timer.item_id)
            .map_or("", |i| i.label.as_str());
        // Two short lines, so a narrow panel never breaks the time from its words.
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!("Timer: {label}"), theme.warning));
        lines.push(Line::styled(
            format!("{} left · t cancels", crate::tui::app::clock_face(left)),
            theme.warning,
        ));
    }
    lines
}

fn draw_restrictions(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = super::panel(" Restrictions ", theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(treatment) = app.treatment() else {
        return;
    };
    let at = app.view_instant();
    let statuses = recovery::restrictions_at(&app.plan, treatment, at);
    let mut y = inner.y;
    for status in &statuses {
        if y + 3 > inner.bottom() {
            break;
        }
        draw_restriction(
            frame,
            Rect::new(inner.x, y, inner.width, 3),
            status,
            app,
            theme,
        );
        y += 4;
    }
    if statuses.iter().any(|s| s.restriction.is_our_default()) && y < inner.bottom() {
        let note = Paragraph::new("* our default: no number in the tip")
            .style(theme.muted)
            .wrap(Wrap { trim: true });
        frame.render_widget(note, Rect::new(inner.x, y, inner.width, inner.bottom() - y));
    }
}

/// Three lines: the label, a gauge with the time left, and when it ends.
fn draw_restriction(
    frame: &mut Frame,
    area: Rect,
    status: &RestrictionStatus<'_>,
    app: &App,
    theme: &Theme,
) {
    let star = if status.restriction.is_our_default() {
        "*"
    } else {
        ""
    };
    let label = fit(
        &format!("{}{star}", status.restriction.label),
        usize::from(area.width),
    );
    let [label_row, gauge_row, end_row] = split::rows(area, [Constraint::Length(1); 3]);
    frame.render_widget(Line::styled(label, theme.text), label_row);
    let left_text = if status.lifted() {
        "✓ lifted".to_string()
    } else {
        format!("{} left", format_left(status.left))
    };
    let [gauge, left] = split::columns(gauge_row, [Constraint::Min(0), Constraint::Length(14)], 1);
    frame.render_widget(
        LineGauge::default()
            .ratio(status.passed.clamp(0.0, 1.0))
            .label("")
            .filled_symbol("█")
            .unfilled_symbol("░")
            .filled_style(theme.gauge_filled)
            .unfilled_style(theme.gauge_empty),
        gauge,
    );
    let left_style = if status.lifted() {
        theme.done
    } else {
        theme.text
    };
    frame.render_widget(Line::styled(left_text, left_style).right_aligned(), left);
    let ends = status
        .ends_at
        .to_zoned_datetime(app.now.time_zone().clone());
    let verb = if status.lifted() { "since" } else { "until" };
    frame.render_widget(
        Line::styled(
            format!("{verb} {}", ends.strftime("%a %-d %b %H:%M")),
            theme.muted,
        ),
        end_row,
    );
}
