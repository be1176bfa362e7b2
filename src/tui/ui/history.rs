//! The History screen: the calendar of adherence with the selected day beside it, the
//! symptom trend of the selected treatment, and the list of treatments.

use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::calendar::{self, Calendar};
use super::{Theme, fit, panel, split};
use crate::domain::adherence::{self, Level};
use crate::domain::model::{DayEntry, Month, Score, Symptom, Symptoms};
use crate::domain::recovery;
use crate::domain::time::days_between;
use crate::tui::app::App;
use crate::tui::keys::{self, KeyContext};

/// Width of the treatments list; the symptom trend takes the rest.
const TREATMENTS_WIDTH: u16 = 34;
/// Width of the symptom names left of their bars.
const LABEL_WIDTH: usize = 9;

/// Draws the screen and returns the key hints for the footer.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
) -> Vec<(&'static str, &'static str)> {
    let [header, top, bottom] = split::rows(
        area,
        [
            Constraint::Length(1),
            Constraint::Length(calendar::HEIGHT + 2),
            Constraint::Min(0),
        ],
    );
    frame.render_widget(header_line(app, theme), header);
    let [cal, details] = split::columns(
        top,
        [Constraint::Length(calendar::WIDTH + 4), Constraint::Min(0)],
        0,
    );
    draw_calendar(frame, cal, app, theme);
    draw_details(frame, details, app, theme);
    let [symptoms, treatments] = split::columns(
        bottom,
        [Constraint::Min(0), Constraint::Length(TREATMENTS_WIDTH)],
        0,
    );
    draw_symptoms(frame, symptoms, app, theme);
    draw_treatments(frame, treatments, app, theme);
    super::history_dialog::draw(frame, area, app, theme);
    keys::footer(KeyContext::History, false)
}

/// The streaks: the current one, and the best in the selected treatment's recovery.
fn header_line<'a>(app: &App, theme: &Theme) -> Line<'a> {
    let streaks = app.history.streaks;
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
                " · No full day of care in a row yet".to_string()
            } else {
                format!(" · All care done {} in a row", days(streaks.current))
            },
            theme.text,
        ),
    ];
    if let Some(t) = app.journal.treatments().get(app.history.treatment) {
        spans.push(Span::styled(
            format!(
                " · best run after {}: {}",
                short_date(t.at.date()),
                days(streaks.best)
            ),
            theme.text,
        ));
    }
    Line::from(spans)
}

fn draw_calendar(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let view = &app.history;
    let month = Month::of(view.cursor);
    let title = format!(" {} ", month.first_day().strftime("%B %Y"));
    let block =
        panel(title, theme).title(Line::styled(" * treatment ", theme.muted).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // A binary search per day: the treatment in force that day began that day.
    let is_treatment_day = |date: Date| {
        app.journal
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
            theme,
        },
        inner,
    );
}

/// The selected day: which day of which recovery, care done, symptoms in words, the note.
fn draw_details(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let date = app.history.cursor;
    let block = panel(format!(" {} ", date.strftime("%A %-d %B %Y")), theme);
    let entry = app.journal.day(date);
    let treatment = app.journal.treatment_for(date);
    let day = treatment.and_then(|t| recovery::day_number(t, date));
    let mut lines = Vec::new();
    let future = date > app.today();
    match (treatment, day) {
        (Some(t), Some(0)) => lines.push(Line::styled(
            format!("Treatment day ({})", t.at.local().strftime("%H:%M")),
            theme.text,
        )),
        (Some(t), Some(n)) => lines.push(Line::styled(
            format!(
                "Day {n} after the treatment of {}",
                day_month(t.at.date(), date)
            ),
            theme.text,
        )),
        _ => lines.push(Line::styled("Before your first treatment", theme.muted)),
    }
    if let Some(day) = day.filter(|_| !future) {
        let items = recovery::checklist(&app.plan, day, entry);
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
                            "Care: {done} of {} items done ({:.0}%)",
                            items.len(),
                            fraction * 100.0
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
                lines.push(score_line(&scores[..2], theme));
                lines.push(score_line(&scores[2..], theme));
            }
            None => lines.push(Line::styled("No symptom scores logged", theme.muted)),
        }
    }
    if let Some(note) = entry.map(DayEntry::note).filter(|n| !n.trim().is_empty()) {
        let note = note.trim();
        for (index, text) in note.lines().enumerate() {
            let lead = if index == 0 { "Note: " } else { "      " };
            lines.push(Line::styled(format!("{lead}{text}"), theme.text));
        }
    }
    if let Some(line) = next_session_line(app, date, theme) {
        lines.push(line);
    }
    if !future {
        lines.push(Line::styled(
            "Enter opens this day to correct it",
            theme.muted,
        ));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// Says so when a day falls in the window suggested for the next session.
fn next_session_line<'a>(app: &App, date: Date, theme: &Theme) -> Option<Line<'a>> {
    let latest = app.journal.latest_treatment()?;
    let (from, to) = recovery::next_session_window(&app.plan, latest)?;
    (from..=to)
        .contains(&date)
        .then(|| Line::styled("In the window suggested for your next session", theme.text))
}

/// The four scores with their names, in the order they are always shown.
fn named_scores(s: &Symptoms) -> [(&'static str, Score); 4] {
    Symptom::ALL.map(|symptom| (symptom.name(), s.get(symptom)))
}

fn score_line<'a>(scores: &[(&str, Score)], theme: &Theme) -> Line<'a> {
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
    let view = &app.history;
    let treatments = app.journal.treatments();
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
    let series = adherence::symptom_series(&app.journal, period);
    let (Some(first), Some(last)) = (series.first(), series.last()) else {
        let text = "No symptom scores logged after this treatment yet.";
        super::draw_empty(frame, inner, text, theme);
        return;
    };
    let span = usize::try_from(days_between(period.0, period.1)).unwrap_or(0) + 1;
    let days = span.min(usize::from(inner.width).saturating_sub(LABEL_WIDTH));
    let mut axis = String::new();
    for day in (0..days).step_by(5) {
        axis.push_str(&format!("{:<5}", day));
    }
    axis.truncate(days);
    let mut lines = vec![Line::styled(
        format!("{:<LABEL_WIDTH$}{axis}", "day"),
        theme.muted,
    )];
    // Dots mark days without scores, up to the last day scored: after it, nothing yet.
    let scored_days = days.min(last.0 as usize + 1);
    for (row, (name, _)) in named_scores(&first.1).into_iter().enumerate() {
        let mut bars = vec!['·'; scored_days];
        for (day, symptoms) in &series {
            if let Some(slot) = bars.get_mut(*day as usize) {
                *slot = bar(named_scores(symptoms)[row].1);
            }
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{name:<LABEL_WIDTH$}"), theme.text),
            Span::styled(bars.into_iter().collect::<String>(), theme.gauge_filled),
        ]));
    }
    lines.push(Line::raw(""));
    let redness = if first.0 == last.0 {
        format!("Redness {} on day {}", first.1.redness.word(), first.0)
    } else {
        format!(
            "Redness: {} on day {} → {} on day {}",
            first.1.redness.word(),
            first.0,
            last.1.redness.word(),
            last.0
        )
    };
    lines.push(Line::styled(redness, theme.text));
    lines.push(Line::styled(
        "▁ none ▂ mild ▄ moderate ▆ marked █ severe",
        theme.muted,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Every treatment with its date, area and the gap since the one before; the selected
/// one's time and note; and when the next session is suggested.
fn draw_treatments(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = panel(" Treatments ".to_string(), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let treatments = app.journal.treatments();
    let selected = app.history.treatment;
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
        let mut text = t.at.local().strftime("%H:%M").to_string();
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
        .journal
        .latest_treatment()
        .and_then(|t| recovery::next_session_window(&app.plan, t))
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
    let [list, rest] = split::rows(
        inner,
        [Constraint::Min(0), Constraint::Length(footer_height)],
    );
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
