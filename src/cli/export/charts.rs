//! The report's two pictures of a treatment: the four symptom scores over the days after it
//! (with the treatment and the restriction windows marked), and the care done day by day.
//!
//! Both read in black and white: each symptom has its own panel (no colours to tell apart),
//! and a day's care is the height of the fill in its square, not only its shade.

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use crate::domain::adherence::Level;
use crate::domain::conventions::ClockStyle;
use crate::domain::model::{Score, Symptom, Treatment};
use crate::domain::plan::Restriction;
use crate::domain::time::days_between;

use super::DayRow;
use super::summary::DayCare;
use super::svg::Svg;

/// The colour of a symptom's panel (the panels also tell them apart without colour).
pub fn colour(symptom: Symptom) -> &'static str {
    match symptom {
        Symptom::Redness => "#b03a2e",
        Symptom::Swelling => "#7d3c98",
        Symptom::Pain => "#ba4a00",
        Symptom::Dryness => "#1f618d",
    }
}

/// The charts' width in SVG units; the HTML draws them at least this many pixels wide, so
/// a unit is never less than a pixel and no label under [`FONT`] px (see `html::STYLE`).
pub const WIDTH: f64 = 760.0;
const LEFT: f64 = 220.0;
const RIGHT: f64 = 12.0;
const BAR_ROW: f64 = 17.0;
const PANEL: f64 = 44.0;
const PANEL_GAP: f64 = 10.0;
const UNIT: f64 = 9.0;
/// The one text size of the charts: 12 px at their narrowest, readable on a phone.
const FONT: &str = "12";

/// The horizontal scale: day `d` after the treatment spans `d..d+1`.
struct Days {
    count: f64,
}

impl Days {
    fn x(&self, day: f64) -> f64 {
        LEFT + day.clamp(0.0, self.count) / self.count * (WIDTH - LEFT - RIGHT)
    }

    /// The day numbers to label: every day for two weeks, then sparser.
    fn step(&self) -> usize {
        match self.count as usize {
            0..=15 => 1,
            16..=32 => 2,
            33..=120 => 7,
            _ => 30,
        }
    }
}

/// Where an instant falls on the day axis of a treatment made on `treated` (local date).
fn day_position(treated: jiff::civil::Date, at: DateTime) -> f64 {
    let days = days_between(treated, at.date()) as f64;
    let time = at.time();
    let seconds = f64::from(time.hour()) * 3600.0
        + f64::from(time.minute()) * 60.0
        + f64::from(time.second());
    days + seconds / 86_400.0
}

/// The symptom chart of one treatment's days. `zone` places the restriction ends on the
/// local clock (a 24-hour window across a DST change ends at 10:00, not 09:00), written
/// in the patient's `clock`.
pub fn symptom_chart(
    treatment: &Treatment,
    days: &[DayRow],
    restrictions: &[Restriction],
    zone: &TimeZone,
    clock: ClockStyle,
) -> String {
    let last = days.iter().filter_map(|d| d.day).max().unwrap_or(0);
    let axis = Days {
        count: f64::from(last + 1),
    };
    let bars_height = BAR_ROW * restrictions.len() as f64;
    let panels_top = 18.0 + bars_height + 8.0;
    let height = panels_top + 4.0 * (PANEL + PANEL_GAP) + 18.0;
    let mut svg = Svg::new(
        WIDTH,
        height,
        "Symptom scores (0 none to 4 severe) for each day after the treatment, with the restriction windows",
    );
    svg.group(&[("font-family", "sans-serif"), ("font-size", FONT)]);

    // Day grid and labels.
    let bottom = panels_top + 4.0 * (PANEL + PANEL_GAP) - PANEL_GAP;
    for day in (0..=last as usize).step_by(axis.step()) {
        let x = axis.x(day as f64 + 0.5);
        svg.line((x, panels_top), (x, bottom), &[("stroke", "#e5e5e5")]);
        svg.text(
            (x, bottom + 14.0),
            &day.to_string(),
            "middle",
            &[("fill", "#444")],
        );
    }
    svg.text(
        (LEFT - 6.0, bottom + 14.0),
        "day after treatment",
        "end",
        &[("fill", "#444")],
    );

    // The treatment itself, and each restriction as a bar from it to the end of its window.
    // In the report's zone, like the restriction ends below: one clock for every time.
    let start_local = zone.to_datetime(treatment.at.instant);
    let treated = start_local.date();
    let start = day_position(treated, start_local);
    let x0 = axis.x(start);
    svg.line(
        (x0, 12.0),
        (x0, bottom),
        &[
            ("stroke", "#222"),
            ("stroke-dasharray", "4 3"),
            ("class", "treatment"),
        ],
    );
    svg.text(
        (x0 + 3.0, 11.0),
        &format!("treatment {}", clock.time(start_local.time())),
        "start",
        &[("fill", "#222")],
    );
    for (row, restriction) in restrictions.iter().enumerate() {
        let end: Timestamp = treatment
            .at
            .instant
            .saturating_add(SignedDuration::from_hours(i64::from(restriction.hours)))
            .unwrap_or(treatment.at.instant);
        let end_local = zone.to_datetime(end);
        let x1 = axis.x(day_position(treated, end_local));
        let y = 18.0 + BAR_ROW * row as f64;
        svg.text(
            (LEFT - 6.0, y + 11.0),
            &short(&restriction.label, 30),
            "end",
            &[("fill", "#333")],
        );
        let title = format!(
            "{}: at least {} h, until {}",
            restriction.label,
            restriction.hours,
            clock.date_time(end_local)
        );
        svg.rect_titled(
            (x0, y + 2.0, x1 - x0, BAR_ROW - 5.0),
            &title,
            &[
                ("fill", "#d6dbdf"),
                ("stroke", "#566573"),
                ("stroke-width", "0.8"),
                ("class", "restriction"),
                ("data-restriction", &restriction.id),
            ],
        );
        // The end in words, for print (no tooltips on paper): after the bar, or inside it
        // when the bar reaches the right edge.
        let until = format!(
            "until {} {}",
            end_local.strftime("%b %-d"),
            clock.time(end_local.time())
        );
        let (x, anchor) = if x1 < WIDTH - RIGHT - 140.0 {
            (x1 + 4.0, "start")
        } else {
            (x1 - 4.0, "end")
        };
        svg.text((x, y + 11.0), &until, anchor, &[("fill", "#555")]);
    }

    // One panel per symptom: gridlines at 0, 2, 4; the scores as a filled line with dots.
    for (index, symptom) in Symptom::ALL.into_iter().enumerate() {
        let (name, colour) = (symptom.name(), colour(symptom));
        let top = panels_top + index as f64 * (PANEL + PANEL_GAP);
        let base = top + PANEL - 4.0;
        svg.text(
            (LEFT - 22.0, top + PANEL / 2.0 + 4.0),
            name,
            "end",
            &[("fill", colour), ("font-weight", "bold")],
        );
        for level in [0u8, 2, 4] {
            let y = base - f64::from(level) * UNIT;
            svg.line(
                (LEFT, y),
                (WIDTH - RIGHT, y),
                &[("stroke", if level == 0 { "#999" } else { "#e5e5e5" })],
            );
            svg.text(
                (LEFT - 4.0, y + 3.5),
                &level.to_string(),
                "end",
                &[("fill", "#777")],
            );
        }
        svg.group(&[("class", "series"), ("data-symptom", symptom.key())]);
        let points: Vec<(u32, Score)> = days
            .iter()
            .filter_map(|row| Some((row.day?, row.symptoms?.get(symptom))))
            .collect();
        let xy =
            |(day, s): (u32, Score)| (axis.x(f64::from(day) + 0.5), base - f64::from(s.0) * UNIT);
        // Consecutive days are joined; a day without scores breaks the line.
        for run in points.chunk_by(|a, b| b.0 == a.0 + 1) {
            let line: Vec<(f64, f64)> = run.iter().copied().map(xy).collect();
            let mut area = line.clone();
            area.push((line[line.len() - 1].0, base));
            area.push((line[0].0, base));
            svg.polygon(&area, &[("fill", colour), ("fill-opacity", "0.15")]);
            svg.polyline(
                &line,
                &[("fill", "none"), ("stroke", colour), ("stroke-width", "2")],
            );
        }
        for (day, s) in points {
            let (day_text, score_text) = (day.to_string(), s.0.to_string());
            svg.circle(
                xy((day, s)),
                2.6,
                &format!("Day {day}: {} {} ({})", name.to_lowercase(), s.0, s.word()),
                &[
                    ("fill", colour),
                    ("data-day", &day_text),
                    ("data-score", &score_text),
                ],
            );
        }
        svg.end_group();
    }
    svg.end_group();
    svg.finish()
}

/// One square per day after the treatment, filled from the bottom by the share of the
/// day's daily care done and shaded like the History calendar, on a light grey square (so
/// a day with nothing done is a grey square); a day with no daily items is a small dot.
pub fn care_strip(days: &[DayRow]) -> String {
    let last = days.iter().filter_map(|d| d.day).max().unwrap_or(0);
    let axis = Days {
        count: f64::from(last + 1),
    };
    let cell = ((WIDTH - LEFT - RIGHT) / axis.count).min(24.0);
    let size = (cell - 2.0).max(1.0);
    let height = size + 24.0;
    let mut svg = Svg::new(
        WIDTH,
        height,
        "Care done each day after the treatment: a full square is all of the day's daily care",
    );
    svg.group(&[("font-family", "sans-serif"), ("font-size", FONT)]);
    svg.text(
        (LEFT - 6.0, size / 2.0 + 4.0),
        "daily care done",
        "end",
        &[("fill", "#333")],
    );
    for row in days {
        let Some(day) = row.day else { continue };
        let x = LEFT + f64::from(day) * cell + 1.0;
        let care = DayCare::of(row);
        let title = match care {
            Some(care) => format!("{} (day {day}): {}", row.date, care.words()),
            None => format!("{} (day {day}): no daily care planned", row.date),
        };
        match care {
            None => svg.circle(
                (x + size / 2.0, 1.0 + size / 2.0),
                1.5,
                &title,
                &[
                    ("fill", "#999"),
                    ("class", "unplanned"),
                    ("data-day", &day.to_string()),
                ],
            ),
            Some(care) => {
                svg.rect_titled(
                    (x, 1.0, size, size),
                    &title,
                    &[
                        ("fill", level_colour(Level::Nothing)),
                        ("stroke", "#888"),
                        ("stroke-width", "0.8"),
                        ("class", "day"),
                        ("data-day", &day.to_string()),
                        ("data-done", &care.done.to_string()),
                        ("data-planned", &care.planned.to_string()),
                    ],
                );
                let fill = size * care.fraction();
                svg.rect(
                    x,
                    1.0 + size - fill,
                    size,
                    fill,
                    &[("fill", level_colour(Level::of(care.fraction())))],
                );
            }
        }
        if (day as usize).is_multiple_of(axis.step()) {
            svg.text(
                (x + size / 2.0, size + 16.0),
                &day.to_string(),
                "middle",
                &[("fill", "#444")],
            );
        }
    }
    svg.end_group();
    svg.finish()
}

/// The colours of the History calendar's levels (done, most, some, none).
pub fn level_colour(level: Level) -> &'static str {
    match level {
        Level::All => "#2e7d5b",
        Level::Most => "#6aa884",
        Level::Some => "#d4a03c",
        Level::Nothing => "#e3e3e3",
    }
}

/// A label cut to `max` characters with an ellipsis, so a long one from a custom plan
/// cannot run into the chart (the full label is in the tooltip).
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max - 1).collect();
        cut.push('…');
        cut
    }
}
