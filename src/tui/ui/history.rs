//! The History screen: the calendar of adherence with the selected day beside it, the
//! symptom trend of the selected treatment, and the list of treatments.

use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::calendar::{self, Calendar};
use super::{Theme, fit, panel};
use crate::domain::adherence::{self, Level};
use crate::domain::model::{DayEntry, Month, Score, Symptom, Symptoms};
use crate::domain::recovery;
use crate::domain::time::days_between;
use crate::tui::app::App;
use crate::tui::keys::{self, KeyContext};

/// Width of the treatments list; the symptom trend takes the rest.
const TREATMENTS_WIDTH: u16 = 34;
/// The trend needs its axis and four rows inside its borders.
const MIN_BOTTOM_HEIGHT: u16 = 7;
/// Width of the symptom names left of their bars.
const LABEL_WIDTH: usize = 9;
/// The most columns one day's bar takes in a wide window: wider reads as a block, not a
/// trend.
const MAX_DAY_WIDTH: usize = 3;

/// Draws the screen and returns the key hints for the footer.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
) -> Vec<(&'static str, &'static str)> {
    let [header, cal, details, bottom] = layout(area);
    frame.render_widget(header_line(app, usize::from(header.width), theme), header);
    draw_calendar(frame, cal, app, theme);
    draw_details(frame, details, app, theme);
    if bottom.height < MIN_BOTTOM_HEIGHT {
        // Too short for the trend and the list: say where they are rather than show borders.
        let text = " ↓ Symptom trend and treatments: make the window taller";
        frame.render_widget(
            Line::styled(fit(text, usize::from(bottom.width)), theme.muted),
            bottom,
        );
    } else {
        let [symptoms, treatments] =
            Layout::horizontal([Constraint::Min(0), Constraint::Length(TREATMENTS_WIDTH)])
                .areas(bottom);
        draw_symptoms(frame, symptoms, app, theme);
        draw_treatments(frame, treatments, app, theme);
    }
    super::history_dialog::draw(frame, area, app, theme);
    let mut hints = keys::footer(KeyContext::History, false);
    super::offer_photos_only_with_some(&mut hints, app, app.history().cursor);
    hints
}

/// The header line, the calendar and the day's details beside it, and what is below them
/// (the symptom trend and the treatments): the one layout drawing and clicks share.
fn layout(area: Rect) -> [Rect; 4] {
    let [header, top, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(calendar::HEIGHT + 2),
        Constraint::Min(0),
    ])
    .areas(area);
    let [cal, mut details] =
        Layout::horizontal([Constraint::Length(calendar::WIDTH + 4), Constraint::Min(0)])
            .areas(top);
    let mut bottom = bottom;
    // Too short for the trend and the list (60×16): the day's panel takes their rows, but
    // for the one line that says where they went, so its scores and note are read whole.
    if bottom.height > 1 && bottom.height < MIN_BOTTOM_HEIGHT {
        let spare = bottom.height - 1;
        details.height += spare;
        bottom.y += spare;
        bottom.height = 1;
    }
    [header, cal, details, bottom]
}

/// The calendar day drawn at `(column, row)`, if any.
pub fn day_at(area: Rect, app: &App, column: u16, row: u16) -> Option<Date> {
    let [_, cal, _, _] = layout(area);
    let inner = panel("", &Theme::PLAIN).inner(cal);
    let view = app.history();
    calendar::day_at(Month::of(view.cursor), view.week_start, inner, column, row)
}

/// The streaks: the current one, and the best in the selected treatment's recovery.
fn header_line<'a>(app: &App, width: usize, theme: &Theme) -> Line<'a> {
    let streaks = app.history().streaks;
    let days = |n: u32| {
        if n == 1 {
            "1 day".to_string()
        } else {
            format!("{n} days")
        }
    };
    let mut spans = vec![
        Span::styled(" History", theme.title),
        Span::styled(
            if streaks.current == 0 {
                " · Full-care streak: none yet".to_string()
            } else {
                format!(" · All care done {} in a row", days(streaks.current))
            },
            theme.text,
        ),
    ];
    if let Some(t) = app.journal().treatments().get(app.history().treatment) {
        let best = Span::styled(
            format!(
                " · best run after {}: {}",
                short_date(t.at.date()),
                days(streaks.best)
            ),
            theme.text,
        );
        // Said whole or not at all: a cut streak would read as another number.
        if Line::from(spans.clone()).width() + best.width() <= width {
            spans.push(best);
        }
    }
    Line::from(spans)
}

fn draw_calendar(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let view = app.history();
    let month = Month::of(view.cursor);
    let title = format!(" {} ", month.first_day().strftime("%B %Y"));
    let block =
        panel(title, theme).title(Line::styled(" * treatment ", theme.muted).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // A binary search per day: the treatment in force that day began that day.
    let is_treatment_day = |date: Date| {
        app.journal()
            .treatment_for(date)
            .is_some_and(|t| t.at.date() == date)
    };
    frame.render_widget(
        Calendar {
            month,
            cursor: view.cursor,
            today: app.today(),
            summary: view.month.as_ref(),
            is_treatment_day: &is_treatment_day,
            week_start: view.week_start,
            theme,
        },
        inner,
    );
}

/// The selected day: which day of which recovery, care done, symptoms in words, the note.
fn draw_details(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let date = app.history().cursor;
    // The long date when it fits the title, else the short one ("Wed 25 Nov 2026").
    let long = date.strftime(" %A %-d %B %Y ").to_string();
    let title = if Span::raw(long.as_str()).width() + 2 <= usize::from(area.width) {
        long
    } else {
        date.strftime(" %a %-d %b %Y ").to_string()
    };
    let block = panel(title, theme);
    let inner = block.inner(area);
    let width = usize::from(inner.width);
    let entry = app.journal().day(date);
    let treatment = app.journal().treatment_for(date);
    let day = treatment.and_then(|t| recovery::day_number(t, date));
    let mut lines = Vec::new();
    let future = date > app.today();
    match (treatment, day) {
        (Some(t), Some(0)) => lines.push(Line::styled(
            // In now's zone, as Today shows the restriction ends.
            format!(
                "Treatment day ({})",
                app.clock_style()
                    .time(t.at.in_zone(app.now().time_zone()).time())
            ),
            theme.text,
        )),
        (Some(t), Some(n)) => {
            let treated = day_month(t.at.date(), date);
            let long = format!("Day {n} after the treatment of {treated}");
            // Narrow, one row rather than three: the calendar marks the treatment (*).
            let text = if Span::raw(long.as_str()).width() <= width {
                long
            } else {
                format!("Day {n} after {treated}")
            };
            lines.push(Line::styled(text, theme.text));
        }
        _ => lines.push(Line::styled("Before your first treatment", theme.muted)),
    }
    if day.is_some() && !future {
        let items = treatment.map_or_else(Vec::new, |t| {
            recovery::day_checklist(app.plan(), t, date, entry)
        });
        match recovery::adherence(&items) {
            Some(fraction) => {
                let done = items.iter().filter(|p| p.done()).count();
                let level = Level::of(fraction);
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("{} ", calendar::glyph(level)),
                        calendar::level_style(level, theme),
                    ),
                    Span::styled(
                        format!(
                            "Care: {}",
                            adherence::care_summary(done, items.len(), fraction)
                        ),
                        theme.text,
                    ),
                ]));
            }
            None => lines.push(Line::styled("Nothing on the plan this day", theme.muted)),
        }
    }
    if future {
        lines.push(Line::styled("This day has not come yet.", theme.muted));
    } else {
        match entry.and_then(|e| e.symptoms) {
            Some(s) => {
                let scores = named_scores(&s);
                let pairs = [
                    score_line(&scores[..2], theme),
                    score_line(&scores[2..], theme),
                ];
                if pairs.iter().all(|pair| pair.width() <= width) {
                    lines.extend(pairs);
                } else {
                    // Too narrow for two a row: one a row, never "Pain none · …".
                    lines.extend(scores.chunks(1).map(|score| score_line(score, theme)));
                }
            }
            None => lines.push(Line::styled("No symptom scores logged", theme.muted)),
        }
    }
    let signs: Vec<String> = entry.map_or_else(Vec::new, |e| {
        e.signs
            .iter()
            .map(|id| {
                app.plan()
                    .warning_sign(id)
                    .map_or(id.clone(), |s| s.text.clone())
            })
            .collect()
    });
    if !signs.is_empty() {
        lines.push(Line::styled(
            format!("Warning signs: {}", signs.join("; ")),
            theme.error,
        ));
    }
    if let Some(note) = entry.map(DayEntry::note).filter(|n| !n.trim().is_empty()) {
        let note = note.trim();
        for (index, text) in note.lines().enumerate() {
            let lead = if index == 0 { "Note: " } else { "      " };
            lines.push(Line::styled(format!("{lead}{text}"), theme.text));
        }
    }
    match super::photo_count(app, date) {
        0 => {}
        count => lines.push(Line::styled(
            format!("Photos: {count} (f shows them)"),
            theme.text,
        )),
    }
    if let Some(line) = next_session_line(app, date, theme) {
        lines.push(line);
    }
    frame.render_widget(block, area);
    let height = usize::from(inner.height);
    let mut rows = wrap_lines(lines, width);
    let hint = Line::styled("Enter opens this day to correct it", theme.muted);
    // The hint only when everything else fits with it.
    if !future && rows.len() + wrap_lines(vec![hint.clone()], width).len() <= height {
        rows.extend(wrap_lines(vec![hint], width));
    }
    // What truly cannot fit is said, not cut: the day's form (Enter) shows it all.
    if rows.len() > height && height > 0 {
        rows.truncate(height - 1);
        rows.push(Line::styled(fit("↓ more: Enter", width), theme.muted));
    }
    frame.render_widget(Paragraph::new(rows), inner);
}

/// Lines wider than `width` wrapped between words, continuation rows indented under
/// their text (under "Note: ", or under the text after a glyph), never at the border.
fn wrap_lines(lines: Vec<Line<'_>>, width: usize) -> Vec<Line<'_>> {
    let mut rows = Vec::new();
    for line in lines {
        if line.width() <= width {
            rows.push(line);
            continue;
        }
        let text: String = line
            .spans
            .iter()
            .map(|span| span.content.as_ref())
            .collect();
        let style = line
            .spans
            .last()
            .map_or_else(Default::default, |span| span.style);
        let indent = if text.starts_with("Note: ") || text.starts_with("      ") {
            6
        } else if line.spans.len() > 1 {
            Span::raw(line.spans[0].content.as_ref()).width()
        } else {
            0
        };
        let first = super::wrap::wrap_words(&text, width);
        let head = first.first().cloned().unwrap_or_default();
        let rest = text.get(head.len()..).unwrap_or_default().trim_start();
        if line.spans.len() > 1 {
            // Keep the glyph's own style on the first row.
            let glyph = line.spans[0].clone();
            let after = head
                .get(glyph.content.len()..)
                .unwrap_or_default()
                .to_string();
            rows.push(Line::from(vec![glyph, Span::styled(after, style)]));
        } else {
            rows.push(Line::styled(head, style));
        }
        for row in super::wrap::wrap_words(rest, width.saturating_sub(indent).max(1)) {
            if !row.is_empty() {
                rows.push(Line::styled(format!("{}{row}", " ".repeat(indent)), style));
            }
        }
    }
    rows
}

/// Says so when a day falls in the window suggested for the next session.
fn next_session_line<'a>(app: &App, date: Date, theme: &Theme) -> Option<Line<'a>> {
    let latest = app.journal().latest_treatment()?;
    let (from, to) = recovery::next_session_window(app.plan(), latest)?;
    (from..=to)
        .contains(&date)
        .then(|| Line::styled("In the window suggested for your next session", theme.text))
}

/// The four scores with their names, in the order they are always shown.
pub(super) fn named_scores(s: &Symptoms) -> [(&'static str, Score); 4] {
    Symptom::ALL.map(|symptom| (symptom.name(), s.get(symptom)))
}

pub(super) fn score_line<'a>(scores: &[(&str, Score)], theme: &Theme) -> Line<'a> {
    let text = scores
        .iter()
        .map(|(name, score)| format!("{name} {}", score.word()))
        .collect::<Vec<_>>()
        .join(" · ");
    Line::styled(text, theme.text)
}

/// "14 Mar 2027".
fn short_date(date: Date) -> String {
    date.strftime("%-d %b %Y").to_string()
}

/// "14 Mar", with the year only when it differs from `context`'s.
fn day_month(date: Date, context: Date) -> String {
    if date.year() == context.year() {
        date.strftime("%-d %b").to_string()
    } else {
        short_date(date)
    }
}

/// One bar per day after the treatment: the higher, the stronger the symptom.
fn bar(score: Score) -> char {
    ['▁', '▂', '▄', '▆', '█']
        .get(usize::from(score.0))
        .copied()
        .unwrap_or('█')
}

/// The symptom trend of the selected treatment: one row of bars per symptom, by day.
fn draw_symptoms(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let view = app.history();
    let treatments = app.journal().treatments();
    let title = match treatments.get(view.treatment) {
        Some(t) => format!(
            " Symptoms after {} ({} of {}) ",
            short_date(t.at.date()),
            view.treatment + 1,
            treatments.len()
        ),
        None => " Symptoms ".to_string(),
    };
    let block = panel(title, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(period) = view.period else {
        return;
    };
    let series = adherence::symptom_series(app.journal(), period);
    let (Some(first), Some(last)) = (series.first(), series.last()) else {
        let text = "No symptom scores logged after this treatment yet.";
        super::draw_empty(frame, inner, text, theme);
        return;
    };
    let span = usize::try_from(days_between(period.0, period.1)).unwrap_or(0) + 1;
    let columns = usize::from(inner.width).saturating_sub(LABEL_WIDTH).max(1);
    // Every day stays on screen: when they outnumber the columns, one bar stands for
    // several days (the strongest score among them), and the axis says so.
    // Days after the last one scored have nothing to show: they do not count.
    let scored_span = (last.0 as usize + 1).min(span);
    let per_bar = scored_span.div_ceil(columns).max(1);
    // In a wide window (issue 29 item 10) the room is used: a day gets up to three
    // columns when they fit, so a short recovery is not a strip in a wide empty box.
    let day_width = if per_bar == 1 && frame.area().width >= super::WIDE {
        (columns / scored_span.max(1)).clamp(1, MAX_DAY_WIDTH)
    } else {
        1
    };
    let bars_count = span.div_ceil(per_bar).min(columns / day_width);
    let axis = axis_labels(bars_count, per_bar, day_width);
    let name = if per_bar == 1 {
        "day".to_string()
    } else {
        format!("{per_bar}d/bar")
    };
    let mut lines = vec![Line::styled(
        format!("{name:<LABEL_WIDTH$}{axis}"),
        theme.muted,
    )];
    // Dots mark days without scores, up to the last day scored: after it, nothing yet.
    let scored_bars = bars_count.min(last.0 as usize / per_bar + 1);
    for (row, (name, _)) in named_scores(&first.1).into_iter().enumerate() {
        let mut scores: Vec<Option<Score>> = vec![None; scored_bars];
        for (day, symptoms) in &series {
            if let Some(slot) = scores.get_mut(*day as usize / per_bar) {
                let score = named_scores(symptoms)[row].1;
                *slot = Some(slot.map_or(score, |s: Score| s.max(score)));
            }
        }
        // Wide days keep a gap after each bar, so the days still read one by one.
        let (filled, gap) = if day_width >= 3 {
            (day_width - 1, 1)
        } else {
            (day_width, 0)
        };
        let bars: String = scores
            .iter()
            .flat_map(|s| {
                std::iter::repeat_n(s.map_or('·', bar), filled).chain(std::iter::repeat_n(' ', gap))
            })
            .collect::<String>()
            .trim_end()
            .to_string();
        lines.push(Line::from(vec![
            Span::styled(format!("{name:<LABEL_WIDTH$}"), theme.text),
            Span::styled(bars, theme.gauge_filled),
        ]));
    }
    lines.push(Line::raw(""));
    let redness = if first.0 == last.0 {
        format!("Redness {} on day\u{a0}{}", first.1.redness.word(), first.0)
    } else {
        format!(
            // A no-break space keeps each day number with its word when the line wraps.
            "Redness: {} on day\u{a0}{} → {} on day\u{a0}{}",
            first.1.redness.word(),
            first.0,
            last.1.redness.word(),
            last.0
        )
    };
    let width = usize::from(inner.width);
    lines.extend(wrap_lines(vec![Line::styled(redness, theme.text)], width));
    lines.extend(wrap_lines(
        vec![Line::styled(
            "▁ none ▂ mild ▄ moderate ▆ marked █ severe",
            theme.muted,
        )],
        width,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The day numbers over the bars, each whole or not at all: "0    5    10   15"; with
/// `day_width` columns a day, each number sits over its day's first column.
fn axis_labels(bars: usize, per_bar: usize, day_width: usize) -> String {
    let columns = bars * day_width;
    let mut axis = vec![' '; columns];
    let step = [1, 2, 5, 10, 15, 20, 30, 50, 100, 200, 500]
        .into_iter()
        .find(|step| step * day_width / per_bar >= 4)
        .unwrap_or(1000);
    let mut free_from = 0;
    for day in (0..bars * per_bar).step_by(step) {
        let at = day / per_bar * day_width;
        let label = day.to_string();
        if at < free_from || at + label.len() > columns {
            continue;
        }
        for (offset, c) in label.chars().enumerate() {
            axis[at + offset] = c;
        }
        free_from = at + label.len() + 1;
    }
    axis.into_iter().collect::<String>().trim_end().to_string()
}

/// Every treatment with its date, area and the gap since the one before; the selected
/// one's time and note; and when the next session is suggested.
fn draw_treatments(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = panel(" Treatments ".to_string(), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let treatments = app.journal().treatments();
    let selected = app.history().treatment;
    // Only the rows on screen: fifty years hold hundreds of treatments.
    let gap = |index: usize| {
        let previous = treatments.get(index.checked_sub(1)?)?;
        Some(days_between(
            previous.at.date(),
            treatments.get(index)?.at.date(),
        ))
    };
    let width = usize::from(inner.width);
    // One line each, cut to fit: a wrapped line would push the next session out of view.
    let mut footer = Vec::new();
    if let Some(t) = treatments.get(selected) {
        let mut text = app
            .clock_style()
            .time(t.at.in_zone(app.now().time_zone()).time());
        if !t.area.is_empty() {
            text.push_str(&format!(" · {}", t.area));
        }
        footer.push(text);
        if let Some(gap) = gap(selected) {
            footer.push(format!("{gap} days after the one before"));
        }
        if !t.note.is_empty() {
            footer.push(format!("Note: {}", t.note));
        }
    }
    if let Some((from, to)) = app
        .journal()
        .latest_treatment()
        .and_then(|t| recovery::next_session_window(app.plan(), t))
    {
        footer.push(format!(
            "Next session {}",
            super::date_range(from, to, true)
        ));
    }
    let footer: Vec<Line> = footer
        .iter()
        .map(|text| Line::styled(fit(text, width), theme.text))
        .collect();
    let footer_height = u16::try_from(footer.len()).unwrap_or(0).min(inner.height);
    let [list, rest] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(footer_height)]).areas(inner);
    let rows = usize::from(list.height);
    let skip = (selected + 1).saturating_sub(rows);
    let lines: Vec<Line> = treatments
        .iter()
        .enumerate()
        .skip(skip)
        .take(rows)
        .map(|(index, t)| {
            let gap = gap(index).map_or(String::new(), |g| format!("+{g} d"));
            let date = t.at.date().strftime("%-d %b %Y").to_string();
            let room = width.saturating_sub(2 + 12 + 1 + gap.len());
            let area_text = fit(&t.area, room);
            let text = format!(
                "{} {date:<12}{area_text:<room$} {gap}",
                mark(index == selected)
            );
            let style = if index == selected {
                theme.selected
            } else {
                theme.text
            };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    frame.render_widget(Paragraph::new(footer), rest);
}

fn mark(selected: bool) -> &'static str {
    if selected { "▸" } else { " " }
}
