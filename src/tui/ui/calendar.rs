//! A month of adherence as a grid, weeks starting on the patient's first day of the week
//! (Monday, Sunday or Saturday: `aftercare settings`).
//!
//! Drawn by hand rather than with ratatui's `Monthly`, which needs the `time` crate and
//! always starts weeks on Sunday. Each day is four columns: a treatment mark, the day of the month
//! and a shade for how much of its plan was done, so it reads the same without colour.

use jiff::ToSpan;
use jiff::civil::Date;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::Theme;
use crate::domain::adherence::{Level, MonthSummary};
use crate::domain::conventions::WeekStart;
use crate::journal::Month;

/// Columns the grid needs: seven four-column days with a space between.
pub const WIDTH: u16 = 7 * 4 + 6;
/// Rows: the weekday names, up to six weeks, and the legend.
pub const HEIGHT: u16 = 8;

/// The shade for a level of adherence; the darker, the more was done.
pub fn glyph(level: Level) -> &'static str {
    match level {
        Level::All => "█",
        Level::Most => "▓",
        Level::Some => "▒",
        Level::Nothing => "░",
    }
}

/// The colour of a level, on top of its shade.
pub fn level_style(level: Level, theme: &Theme) -> Style {
    match level {
        Level::All => theme.done,
        Level::Most => theme.gauge_filled,
        Level::Some => theme.warning,
        Level::Nothing => theme.muted,
    }
}

/// One month of the calendar.
pub struct Calendar<'a> {
    pub month: Month,
    pub cursor: Date,
    pub today: Date,
    /// The month's adherence; `None` draws the days without shades (file unreadable).
    pub summary: Option<&'a MonthSummary>,
    /// Whether a treatment happened on a day.
    pub is_treatment_day: &'a dyn Fn(Date) -> bool,
    pub week_start: WeekStart,
    pub theme: &'a Theme,
}

impl Widget for Calendar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let mut lines = vec![Line::styled(header(self.week_start), theme.muted)];
        let first = self.month.first_day();
        let lead = usize::from(self.week_start.column(first.weekday()));
        let mut week: Vec<Span> = vec![Span::raw("     "); lead];
        let mut days_in_week = lead;
        for date in first
            .series(1.day())
            .take_while(|d| self.month.contains(*d))
        {
            week.extend(self.day(date));
            days_in_week += 1;
            if days_in_week == 7 {
                lines.push(Line::from(std::mem::take(&mut week)));
                days_in_week = 0;
            }
        }
        if !week.is_empty() {
            lines.push(Line::from(week));
        }
        while lines.len() < usize::from(HEIGHT) - 1 {
            lines.push(Line::raw(""));
        }
        let mut legend = vec![Span::styled("Done:", theme.muted)];
        for (level, word) in [
            (Level::All, "all"),
            (Level::Most, "most"),
            (Level::Some, "some"),
            (Level::Nothing, "none"),
        ] {
            legend.push(Span::styled(
                format!(" {}", glyph(level)),
                level_style(level, theme),
            ));
            legend.push(Span::styled(format!(" {word}"), theme.muted));
        }
        lines.push(Line::from(legend));
        Paragraph::new(lines).render(area, buf);
    }
}

/// The day of `month` drawn at `(column, row)` in a calendar rendered into `area`: five
/// columns a day, the weekday names on the first row, one week a row below.
pub fn day_at(
    month: Month,
    week_start: WeekStart,
    area: Rect,
    column: u16,
    row: u16,
) -> Option<Date> {
    if column < area.x || row <= area.y {
        return None;
    }
    let weekday = i64::from((column - area.x) / 5);
    let week = i64::from(row - area.y - 1);
    if weekday > 6 || week > 5 {
        return None;
    }
    let first = month.first_day();
    let lead = i64::from(week_start.column(first.weekday()));
    let offset = week * 7 + weekday - lead;
    let date = first.checked_add(offset.days()).ok()?;
    (offset >= 0 && month.contains(date)).then_some(date)
}

/// The weekday names over the columns, in the week's order: " Mo   Tu …".
fn header(week_start: WeekStart) -> String {
    let names: Vec<String> = week_start
        .days()
        .map(|day| format!(" {}", &format!("{day:?}")[..2]))
        .collect();
    names.join("  ")
}

impl Calendar<'_> {
    /// One day: four columns (highlighted when selected) and a separating space.
    fn day(&self, date: Date) -> [Span<'static>; 2] {
        let theme = self.theme;
        let mark = if (self.is_treatment_day)(date) {
            "*"
        } else {
            " "
        };
        // The future has a plan but nothing could be done yet: no shade.
        let level = (date <= self.today)
            .then(|| self.summary.and_then(|s| s.get(date)).map(Level::of))
            .flatten();
        let shade = level.map_or(" ", glyph);
        let mut style = level.map_or(theme.text, |l| level_style(l, theme));
        if date == self.today {
            style = style.add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
        }
        if date == self.cursor {
            style = theme.selected;
        }
        [
            Span::styled(format!("{mark}{:>2}{shade}", date.day()), style),
            Span::raw(" "),
        ]
    }
}
