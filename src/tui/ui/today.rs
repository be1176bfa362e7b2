//! The Today screen: header, the day's checklist, and the countdown panel of restrictions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph, Wrap};

use super::{Theme, alert_frame, fit, watch_note};
use crate::domain::alerts::{Alert, Level};
use crate::domain::plan::ItemKind;
use crate::domain::recovery::{self, ItemProgress, RestrictionStatus, format_left};
use crate::domain::schedule::{self, Form};
use crate::tui::app::App;
use crate::tui::keys::{self, KeyContext};

/// Width of the countdown panel when there is room; the checklist takes the rest.
const PANEL_WIDTH: u16 = 34;
/// The narrowest countdown panel: "until Sun 28 Mar 10:00" and a gauge still fit.
const PANEL_MIN_WIDTH: u16 = 26;
/// What the checklist needs to show its labels uncut (at 80 columns it has it).
const CHECKLIST_WIDTH: u16 = 46;

/// Draws the screen and returns the key hints for the footer.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
) -> Vec<(&'static str, &'static str)> {
    let (urgent, watch) = split_alerts(app);
    let [header, urgent_area, watch_area, left, right] = layout(area, app);
    draw_header(frame, header, app, theme);
    if !urgent.is_empty() {
        alert_frame::draw_urgent(frame, urgent_area, &urgent, theme);
    }
    if let Some(alert) = watch.first() {
        watch_note::draw(frame, watch_area, alert, theme);
    }
    let [left, skin_area] = split_checklist(left);
    draw_checklist(frame, left, app, theme);
    draw_skin(frame, skin_area, app, theme);
    draw_restrictions(frame, right, app, theme);
    footer(app)
}

/// The height from which the day's scores and note have a panel under the checklist.
const SKIN_PANEL_FROM: u16 = 30;
const SKIN_PANEL_HEIGHT: u16 = 6;

/// The checklist, and under it the day's skin panel where the window is tall enough
/// (the checklist keeps every row it needs at 80×24).
fn split_checklist(left: Rect) -> [Rect; 2] {
    let skin = if left.height >= SKIN_PANEL_FROM {
        SKIN_PANEL_HEIGHT
    } else {
        0
    };
    Layout::vertical([Constraint::Min(0), Constraint::Length(skin)]).areas(left)
}

/// The day's scores and note, as logged with `s`: the patient sees what they wrote without
/// going to History.
fn draw_skin(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if area.is_empty() {
        return;
    }
    let block = super::panel(" Your skin (s changes it) ", theme);
    let entry = app.journal().day(app.date());
    let mut lines = Vec::new();
    match entry.and_then(|e| e.symptoms) {
        Some(symptoms) => lines.push(super::history::score_line(
            &super::history::named_scores(&symptoms),
            theme,
        )),
        None => lines.push(Line::styled("No scores yet for this day", theme.muted)),
    }
    let note = entry.map(|e| e.note()).unwrap_or_default();
    if !note.trim().is_empty() {
        lines.push(Line::styled(format!("Note: {}", note.trim()), theme.text));
    }
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}

/// The Today keys that apply: `t timer` only while a timer runs or the day has a timed
/// item, so that at 60 columns it does not take the room of `s skin`; `f photos` only on
/// a day with photos.
fn footer(app: &App) -> Vec<(&'static str, &'static str)> {
    let running = app.timer().is_some();
    let timed = app
        .checklist()
        .iter()
        .any(|p| matches!(p.item.kind, ItemKind::Timed { .. }));
    let mut hints = keys::footer(KeyContext::Today, running);
    if !running && !timed {
        hints.retain(|(key, _)| *key != "t");
    }
    super::offer_photos_only_with_some(&mut hints, app, app.date());
    hints
}

/// The urgent alerts (framed, "call your clinic") and the watch notes (one line). The
/// emergency ones have their own frame, drawn over every screen (see `alert_frame`).
fn split_alerts(app: &App) -> (Vec<&Alert>, Vec<&Alert>) {
    (
        alert_frame::of_level(app.alerts(), Level::Urgent),
        alert_frame::of_level(app.alerts(), Level::Watch),
    )
}

/// The header, the urgent frame, the watch note, the checklist and the countdown panel:
/// the one layout both the drawing and a click go by.
fn layout(area: Rect, app: &App) -> [Rect; 5] {
    let (urgent, watch) = split_alerts(app);
    let emergency = alert_frame::of_level(app.alerts(), Level::Emergency);
    let watch_height = watch_note::height(watch.first(), area.width);
    // The emergency frame is drawn over the top rows, above the header: keep them free.
    let [_, header, urgent_area, watch_area, body] = Layout::vertical([
        Constraint::Length(alert_frame::height(
            &emergency,
            Level::Emergency,
            area.width,
        )),
        Constraint::Length(1),
        Constraint::Length(alert_frame::height(&urgent, Level::Urgent, area.width)),
        Constraint::Length(watch_height),
        Constraint::Min(0),
    ])
    .areas(area);
    // Share the width by need: the checklist keeps what its labels need, the panel gives way
    // down to the width its countdowns need.
    // In a wide window (issue 29 item 10) the panel grows to its longest label, whole:
    // "Peels (at-home too), laser, harsh treatments" rather than "Peels…, h…".
    let wanted = if area.width >= super::WIDE {
        widest_restriction(app).max(PANEL_WIDTH)
    } else {
        PANEL_WIDTH
    };
    let panel_width = body
        .width
        .saturating_sub(CHECKLIST_WIDTH)
        .clamp(PANEL_MIN_WIDTH, wanted);
    let [left, right] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(panel_width)]).areas(body);
    [header, urgent_area, watch_area, left, right]
}

/// The width the countdown panel needs for its longest restriction label, uncut: the
/// label, a space each side, and the borders.
fn widest_restriction(app: &App) -> u16 {
    let longest = app
        .plan()
        .restrictions
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(0);
    u16::try_from(longest + 4).unwrap_or(u16::MAX)
}

/// The checklist item drawn at `(column, row)`, if any, and whether the click is on its
/// `[ ]` box.
pub fn item_at(area: Rect, app: &App, column: u16, row: u16) -> Option<(usize, bool)> {
    let [_, _, _, left, _] = layout(area, app);
    let [left, _] = split_checklist(left);
    let inner = super::panel("", &Theme::PLAIN).inner(left);
    if !inner.contains(ratatui::layout::Position::new(column, row)) {
        return None;
    }
    let items = app.checklist();
    if items.is_empty() {
        return None;
    }
    let rows = visible_rows(app, &items, inner);
    let index = rows.get(usize::from(row - inner.y)).copied().flatten()?;
    let on_box = (2..5).contains(&(column - inner.x));
    Some((index, on_box))
}

/// For each line of the checklist's inside, the item drawn there (`None` on a mark or a
/// blank line): the one window both the drawing and a click go by.
fn visible_rows(app: &App, items: &[ItemProgress<'_>], inner: Rect) -> Vec<Option<usize>> {
    let selected = app.selected().min(items.len() - 1);
    let width = usize::from(inner.width);
    let heights: Vec<usize> = items
        .iter()
        .map(|p| checklist_row(p, false, width, &Theme::PLAIN).len())
        .collect();
    let (first, last, marks) = window(&heights, selected, usize::from(inner.height));
    let mut rows = Vec::new();
    if marks.0 {
        rows.push(None);
    }
    for (index, height) in heights.iter().enumerate().take(last + 1).skip(first) {
        rows.extend(std::iter::repeat_n(Some(index), *height));
    }
    rows
}

/// The items `first..=last` shown around `selected` in `height` lines, and whether a mark
/// says some are hidden above / below. All of them when they fit.
fn window(heights: &[usize], selected: usize, height: usize) -> (usize, usize, (bool, bool)) {
    let total: usize = heights.iter().sum();
    if total <= height {
        return (0, heights.len() - 1, (false, false));
    }
    // Grow a window around the selected item: first downwards, then upwards.
    let (mut first, mut last) = (selected, selected);
    let fits = |first: usize, last: usize| {
        let used: usize = heights[first..=last].iter().sum();
        let marks = usize::from(first > 0) + usize::from(last + 1 < heights.len());
        used + marks <= height
    };
    loop {
        if last + 1 < heights.len() && fits(first, last + 1) {
            last += 1;
        } else if first > 0 && fits(first - 1, last) {
            first -= 1;
        } else {
            break;
        }
    }
    (first, last, (first > 0, last + 1 < heights.len()))
}

/// "Day 3 after treatment · Thursday 26 November 2026", and on the right either the next
/// session's window or, on a past day, how to get back.
fn draw_header(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let date = app.date().strftime("%A %-d %B %Y").to_string();
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
        .journal()
        .latest_treatment()
        .and_then(|treatment| recovery::next_session_window(app.plan(), treatment))
    {
        let range = super::date_range(from, to, false);
        // The window only: the dermatologist decides whether and when (never "due").
        let text = if app.today() > to {
            format!("Next session window was {range} ")
        } else {
            format!("Next session window: {range} ")
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
            "No treatment recorded by this day, so there is no care to tick. \
             Record a session with r."
        };
        super::draw_empty(frame, inner, text, theme);
        return;
    }
    let selected = app.selected().min(items.len() - 1);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let rows: Vec<Vec<Line>> = items
        .iter()
        .enumerate()
        .map(|(index, progress)| checklist_row(progress, index == selected, width, theme))
        .collect();
    let details = selected_details(app, &items[selected], width, theme);
    let total: usize = rows.iter().map(Vec::len).sum();
    let mut lines: Vec<Line> = if total <= height {
        rows.into_iter().flatten().collect()
    } else {
        scrolled(rows, selected, height, theme)
    };
    // Items that start later today, once a restriction lifts, follow when there is room.
    for line in later_today(app, width, theme) {
        if lines.len() + 1 > height {
            break;
        }
        lines.push(line);
    }
    // Ticks of items the plan no longer has: kept and shown, counted for nothing.
    for former in recovery::former_ticks(app.plan(), app.journal().day(app.date())) {
        if lines.len() + 2 > height {
            break;
        }
        let text = format!("    {} ×{}", former.label, former.count);
        lines.push(Line::styled(fit(&text, width), theme.muted));
        lines.push(Line::styled(
            fit(&format!("      {}", former.why()), width),
            theme.muted,
        ));
    }
    // The details follow when there is room for them after a blank line.
    if lines.len() + 1 + details.len() <= height {
        lines.push(Line::raw(""));
        lines.extend(details);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The rows that fit in `height` lines with the selected item in view, and a mark where
/// items are hidden above ("↑ 2 more") or below ("↓ 3 more").
fn scrolled<'a>(
    rows: Vec<Vec<Line<'a>>>,
    selected: usize,
    height: usize,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let heights: Vec<usize> = rows.iter().map(Vec::len).collect();
    let (first, last, _) = window(&heights, selected, height);
    let mark = |text: String| Line::styled(text, theme.muted);
    let mut lines = Vec::new();
    if first > 0 {
        lines.push(mark(format!("  ↑ {first} more")));
    }
    let below = heights.len() - 1 - last;
    lines.extend(
        rows.into_iter()
            .skip(first)
            .take(last + 1 - first)
            .flatten(),
    );
    if below > 0 {
        lines.push(mark(format!("  ↓ {below} more")));
    }
    lines.truncate(height);
    lines
}

/// `▸ [✓] Glasses of water       8/8`, the count right-aligned; a label too long for the
/// row goes on under itself rather than being cut.
fn checklist_row<'a>(
    progress: &ItemProgress<'_>,
    selected: bool,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let mark = if progress.done() { "[✓]" } else { "[ ]" };
    let count = match progress.item.kind {
        ItemKind::Check | ItemKind::Avoid => String::new(),
        _ => progress.progress_text(),
    };
    let label_width = width.saturating_sub(8 + count.len()).max(1);
    let labels = super::wrap::wrap_words(progress.label(), label_width);
    let style = match (selected, progress.done()) {
        (true, _) => theme.selected,
        (false, true) => theme.done,
        (false, false) => theme.text,
    };
    labels
        .iter()
        .enumerate()
        .map(|(index, label)| {
            let pad = label_width.saturating_sub(Span::raw(label.as_str()).width());
            let text = if index == 0 {
                format!(
                    "{} {mark} {label}{}{count} ",
                    if selected { "▸" } else { " " },
                    " ".repeat(pad + 1)
                )
            } else {
                format!("      {label}{} ", " ".repeat(pad + 1 + count.len()))
            };
            Line::styled(text, style)
        })
        .collect()
}

/// Items that start later on the day on screen, once a restriction lifts: not asked for
/// yet, but the patient sees when they come.
fn later_today<'a>(app: &App, width: usize, theme: &Theme) -> Vec<Line<'a>> {
    let Some(treatment) = app.journal().treatment_for(app.date()) else {
        return Vec::new();
    };
    let zone = app.now().time_zone().clone();
    schedule::later_on_day(app.plan(), treatment, app.date(), app.view_instant())
        .into_iter()
        .map(|(item, starts)| {
            let at = app
                .clock_style()
                .time(starts.to_zoned_datetime(zone.clone()).time());
            Line::styled(
                fit(&format!("  from {at}: {}", item.label), width),
                theme.muted,
            )
        })
        .collect()
}

/// Why the selected item matters, the tip it comes from in the tip's own words, and its
/// timer if one runs.
fn selected_details<'a>(
    app: &App,
    progress: &ItemProgress<'_>,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'a>> {
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
    let source = match (item.origin.tip(), item.yours.is_yours()) {
        (Some(tip), false) => match crate::domain::tips::title(tip) {
            Some(title) => format!("Tip {tip}: {title}"),
            None => format!("Tip {tip}"),
        },
        _ => "Your dermatologist".to_string(),
    };
    let what = if item.as_needed {
        format!("only if needed, up to {what}")
    } else {
        what
    };
    let what = format!("{}{}{default}", what[..1].to_uppercase(), &what[1..]);
    let mut lines: Vec<Line> = super::wrap::wrap_words(progress.hint(), width)
        .into_iter()
        .map(|row| Line::styled(row, theme.text))
        .collect();
    for text in [source, what] {
        lines.extend(
            super::wrap::wrap_words(&text, width)
                .into_iter()
                .map(|row| Line::styled(row, theme.muted)),
        );
    }
    if let Form::Restricted { by, .. } = progress.form {
        // When the restriction lifts, the item reads as usual again.
        let lifts = schedule::lifts_at(
            by,
            app.journal()
                .treatment_for(app.date())
                .map_or(app.now().timestamp(), |t| t.at.instant),
        )
        .to_zoned_datetime(app.now().time_zone().clone());
        lines.extend(
            super::wrap::wrap_words(
                &format!(
                    "From {} {}: {}",
                    lifts.strftime("%a"),
                    app.clock_style().time(lifts.time()),
                    item.label
                ),
                width,
            )
            .into_iter()
            .map(|row| Line::styled(row, theme.muted)),
        );
    }
    if let (Some(timer), Some(left)) = (app.timer(), app.timer_left()) {
        let label = app
            .plan()
            .item(&timer.item_id)
            .map_or("", |i| i.label.as_str());
        // Two short lines, so a narrow panel never breaks the time from its words.
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!("Timer: {label}"), theme.warning));
        lines.push(Line::styled(
            format!("{} left · t cancels", crate::tui::timer::clock_face(left)),
            theme.warning,
        ));
    }
    lines
}

/// "↓ 3 more: aftercare status", or just "↓ 3 more" where that does not fit: never cut.
fn more_mark(hidden: usize, width: usize) -> String {
    let full = format!("↓ {hidden} more: aftercare status");
    if Line::raw(full.as_str()).width() <= width {
        full
    } else {
        fit(&format!("↓ {hidden} more"), width)
    }
}

fn draw_restrictions(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = super::panel(" Restrictions ", theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(treatment) = app.treatment() else {
        return;
    };
    let at = app.view_instant();
    let statuses = recovery::restrictions_at(app.plan(), treatment, at);
    let (lifted, mut holding): (Vec<_>, Vec<_>) = statuses.iter().partition(|s| s.lifted());
    // What lifts next comes first.
    holding.sort_by_key(|s| s.left);
    // Three rows each (label, gauge, end), with a blank line between when all fit; two
    // rows (no end time) when three do not.
    let lifted_rows = if lifted.is_empty() {
        0
    } else {
        lifted.len() + 2
    };
    let height = usize::from(inner.height);
    let n = holding.len();
    let (rows, step) = if n * 4 + lifted_rows <= height {
        (3, 4)
    } else if n * 3 + lifted_rows <= height {
        (3, 3)
    } else if n * 2 + lifted_rows <= height || n * 3 > height {
        (2, 2)
    } else {
        (3, 3)
    };
    // How many fit in `avail` rows; when not all do, one row is kept for the "+N more" mark.
    let fitting = |avail: usize| {
        if avail < usize::from(rows) {
            0
        } else {
            (avail - usize::from(rows)) / usize::from(step) + 1
        }
    };
    let shown = if fitting(height) >= n {
        n
    } else {
        fitting(height.saturating_sub(1))
    };
    let hidden = n - shown;
    let mut y = inner.y;
    for status in holding.iter().take(shown) {
        draw_restriction(
            frame,
            Rect::new(inner.x, y, inner.width, rows),
            status,
            app,
            theme,
        );
        y += step;
    }
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    if !lifted.is_empty() {
        lines.push(Line::styled("Minimum time passed:", theme.text));
        for status in &lifted {
            lines.push(Line::styled(
                fit(&format!(" {}", status.restriction.label), width),
                theme.muted,
            ));
        }
        lines.push(Line::styled("Ask your clinic if unsure.", theme.muted));
    }
    if statuses.iter().any(|s| s.restriction.is_our_default()) {
        lines.push(Line::styled("* our default (P shows why)", theme.muted));
    }
    let room = usize::from(inner.bottom().saturating_sub(y));
    if hidden > 0 {
        lines = vec![Line::styled(
            more_mark(hidden + lifted.len(), width),
            theme.muted,
        )];
    } else if lines.len() > room {
        lines = vec![Line::styled(
            fit(&format!("+{} past their minimum time", lifted.len()), width),
            theme.muted,
        )];
    }
    if y < inner.bottom() {
        frame.render_widget(
            Paragraph::new(lines),
            Rect::new(inner.x, y, inner.width, inner.bottom() - y),
        );
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
    // In a compact panel (two rows) the end time is left out; the time left stays.
    let row = |n: u16| Rect::new(area.x, area.y + n, area.width, 1).intersection(area);
    let (label_row, gauge_row, end_row) = (row(0), row(1), row(2));
    frame.render_widget(Line::styled(label, theme.text), label_row);
    let left_text = if status.lifted() {
        "✓ lifted".to_string()
    } else {
        format!("{} left", format_left(status.left))
    };
    let [gauge, left] = Layout::horizontal([Constraint::Min(0), Constraint::Length(14)])
        .spacing(1)
        .areas(gauge_row);
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
        .to_zoned_datetime(app.now().time_zone().clone());
    let verb = if status.lifted() { "since" } else { "until" };
    frame.render_widget(
        Line::styled(
            format!(
                "{verb} {} {}",
                ends.strftime("%a %-d %b"),
                app.clock_style().time(ends.time())
            ),
            theme.muted,
        ),
        end_row,
    );
}
