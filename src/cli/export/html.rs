//! The HTML report for the dermatologist: one self-contained file (inline CSS and SVG, no
//! script, no font, image or link to fetch) that opens offline, prints to A4 or Letter and
//! reads on a phone.
//!
//! Per treatment, in the order a reader looks: what was done (date, area, session note),
//! how the skin healed (the symptom chart, then one line per symptom), the care (a strip of
//! days, then each item), any alerts, and the patient's notes with their line breaks.
//! Everything the patient typed, and every plan label, goes through [`escape`].

use std::fmt::Write as _;

use super::charts;
use super::summary::{self, DayCare, ItemClass, Section};
use super::svg::escape;
use super::{DayRow, History};
use crate::domain::adherence::Level;
use crate::domain::model::Symptom;

/// The style sheet. Print: a heading is kept in one block (`.keep`) with what follows it,
/// so it never ends a page alone; a block that may be longer than a page (`.keep-head`:
/// the care list, the notes, the day table) may break inside, but never right after its heading
/// (`break-after:avoid`, which Chromium honours between a heading and a table's first
/// row: checked by printing a page that ends just after the heading). Phone (40rem and narrower): the charts keep their own
/// width (760 px, [`charts::WIDTH`]: no text under 12 px) and scroll sideways in their
/// figure, and the day table becomes one block a day, each value named by its column.
const STYLE: &str = "\
:root{color-scheme:light}\
body{font:15px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif;color:#1b1b1b;background:#fff;max-width:60rem;margin:0 auto;padding:1rem 1.25rem 2rem}\
h1{font-size:1.6rem;margin:.2rem 0}\
h2{font-size:1.25rem;margin:0 0 .3rem}\
h3{font-size:1rem;margin:1.1rem 0 .3rem;color:#2d4a3e}\
p{margin:.3rem 0}\
.meta,.legend,figcaption,footer{color:#555;font-size:.87rem}\
section{border-top:3px solid #2e7d5b;margin-top:1.6rem;padding-top:.6rem}\
.keep{break-inside:avoid;page-break-inside:avoid}\
figure{margin:.4rem 0;break-inside:avoid;overflow-x:auto}\
svg{display:block;width:100%;min-width:760px;height:auto}\
ul.items{padding-left:1.2rem;margin:.3rem 0}\
ul.items li{margin:.1rem 0}\
.tag{display:inline-block;font-size:.75rem;border:1px solid #888;border-radius:.6rem;padding:0 .45rem;margin-left:.3rem;color:#444}\
.trend{padding-left:1.2rem;margin:.3rem 0}\
.note{white-space:pre-wrap;overflow-wrap:anywhere}\
dl.notes{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .9rem;margin:.3rem 0}\
dl.notes dt{font-weight:600;font-variant-numeric:tabular-nums}\
dl.notes dd{margin:0}\
.alerts{list-style-position:inside;border:2px solid #b03a2e;padding:.4rem .8rem;border-radius:.3rem}\
ul.key{list-style:none;padding:0;margin:.3rem 0 0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}\
.swatch{display:inline-block;width:.8rem;height:.8rem;border:1px solid #888;vertical-align:-.1rem;margin-right:.3rem}\
.dot{display:inline-block;width:.3rem;height:.3rem;border-radius:50%;background:#999;vertical-align:.15rem;margin:0 .55rem 0 .25rem}\
table{border-collapse:collapse;font-size:.85rem;width:100%}\
th,td{border-bottom:1px solid #ddd;padding:.15rem .4rem;text-align:left}\
td.n{text-align:right;font-variant-numeric:tabular-nums}\
.wide{overflow-x:auto}\
.narrow{display:none}\
@media (max-width:40rem){\
.narrow{display:inline}\
body{padding:.6rem .7rem 1.5rem}\
dl.notes{grid-template-columns:1fr}dl.notes dd{margin:0 0 .3rem .8rem}\
table.days thead{display:none}\
table.days tr{display:block;padding:.3rem 0;border-bottom:1px solid #ddd}\
table.days td{display:inline-block;border:0;padding:0 .8rem 0 0;text-align:left}\
table.days td::before{content:attr(data-label) \": \";color:#555}\
table.days td:first-child{display:block;font-weight:600}\
table.days td:first-child::before{content:none}\
}\
@page{margin:14mm}\
@media print{body{max-width:none;padding:0;font-size:10.5pt}svg{min-width:0}figure{overflow:visible}section{break-before:auto}h2,h3{break-after:avoid}tr{break-inside:avoid}}\
";

/// Said under a chart on a phone only, where it shows its first days and scrolls.
const SCROLL_HINT: &str =
    "<span class=\"narrow\"> Swipe the chart sideways for the later days.</span>";

pub(super) fn render(history: &History) -> String {
    let title = summary::title(history);
    let mut html =
        String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(html, "<title>{}</title>", escape(&title));
    let _ = writeln!(
        html,
        "<style>{STYLE}{}</style>\n</head>\n<body>",
        super::photos::style(&history.photos)
    );
    let _ = writeln!(html, "<header>\n<h1>{}</h1>", escape(&title));
    let mut meta = format!(
        "Microneedling aftercare · generated {} · care plan: {}",
        history.generated_words(),
        summary::plan_words(&history.source)
    );
    if let Some(since) = history.since {
        let _ = write!(meta, " · from {since}");
    }
    let _ = writeln!(html, "<p class=\"meta\">{}</p>", escape(&meta));
    html.push_str(
        "<p class=\"legend\">Symptoms are scored by the patient each day: 0 none, 1 mild, \
         2 moderate, 3 marked, 4 severe. Daily care counts the items to do each day; reminders \
         and as-needed items (such as ice packs) are listed, never scored.</p>\n</header>\n",
    );
    plan_in_force(&mut html, history);
    if history.days.is_empty() {
        html.push_str("<p>Nothing logged yet.</p>\n");
    }
    for section in summary::sections(history) {
        write_section(&mut html, history, &section);
    }
    if let Some((from, to)) = history.next_session {
        let _ = writeln!(
            html,
            "<section class=\"next\">\n<div class=\"keep\">\n<h2>Next session</h2>\n<p>Suggested between {from} and \
             {to} by the care plan's default spacing; the dermatologist decides whether and when.</p>\n</div>\n</section>"
        );
    }
    if !history.warning_signs.is_empty() {
        html.push_str(
            "<section class=\"warning-signs\">\n<div class=\"keep\">\n<h2>Warning signs</h2>\n",
        );
        for group in &history.warning_signs {
            let _ = writeln!(
                html,
                "<p><strong>{} if:</strong></p>\n<ul>",
                escape(group.call)
            );
            for sign in &group.signs {
                let _ = writeln!(html, "<li>{}</li>", escape(sign));
            }
            html.push_str("</ul>\n");
        }
        html.push_str("</div>\n</section>\n");
    }
    html.push_str(
        "<footer>\n<p>Made with aftercare from the patient's own journal. The care plan is a \
         default: the dermatologist's instructions come first.</p>\n</footer>\n</body>\n</html>\n",
    );
    html
}

fn write_section(html: &mut String, history: &History, section: &Section<'_>) {
    html.push_str("<section class=\"treatment\">\n<div class=\"keep\">\n");
    let mut heading = section.heading(history);
    if let Some(treatment) = section.treatment {
        let _ = write!(
            heading,
            " · {}",
            summary::treatment_line(treatment, history)
        );
    }
    let _ = writeln!(html, "<h2>{}</h2>", escape(&heading));
    if let Some(treatment) = section.treatment.filter(|t| !t.note.trim().is_empty()) {
        let _ = writeln!(
            html,
            "<p>Session note: <span class=\"note\">{}</span></p>",
            escape(treatment.note.trim())
        );
    }
    let _ = writeln!(
        html,
        "<p class=\"meta\">{}</p>",
        escape(&section.span_words())
    );

    if let Some(treatment) = section.treatment {
        html.push_str("<h3>Symptoms</h3>\n<figure class=\"symptoms\">\n");
        html.push_str(&charts::symptom_chart(
            treatment,
            section.days,
            &history.plan.restrictions,
            &history.generated.time_zone().clone(),
            history.clock,
        ));
        html.push_str(
            "\n<figcaption>Each panel is one symptom, 0 (none) to 4 (severe), by day after the \
             treatment (dashed line); a gap is a day without scores. The bars at the top are the \
             restrictions, from the treatment to the end of their minimum.",
        );
        html.push_str(SCROLL_HINT);
        html.push_str("</figcaption>\n</figure>\n");
    }
    html.push_str("</div>\n");
    trend(html, section.days);

    let items = summary::item_summaries(&history.plan, section.days);
    if !items.is_empty() {
        html.push_str("<div class=\"keep-head\">\n<h3>Care</h3>\n");
        if section.treatment.is_some() {
            html.push_str("<figure class=\"care\">\n");
            html.push_str(&charts::care_strip(section.days));
            html.push_str(
                "\n<figcaption>One square a day, filled to the share of the day's daily care done.",
            );
            html.push_str(SCROLL_HINT);
            care_key(html);
            html.push_str("</figcaption>\n</figure>\n");
        }
        html.push_str("<ul class=\"items\">\n");
        for item in &items {
            let tag = match item.class {
                ItemClass::Daily => "",
                ItemClass::Reminder => "<span class=\"tag\">reminder</span>",
                ItemClass::AsNeeded => "<span class=\"tag\">as needed</span>",
                ItemClass::Extra => "<span class=\"tag\">extra</span>",
            };
            let _ = writeln!(
                html,
                "<li class=\"{}\"><strong>{}</strong>{tag}: {}</li>",
                item.class.name(),
                escape(&item.label),
                escape(&item.words())
            );
        }
        html.push_str("</ul>\n</div>\n");
    }

    let alerts: Vec<_> = history
        .alerts
        .iter()
        .filter(|alert| section.days.iter().any(|d| d.date == alert.date))
        .collect();
    if !alerts.is_empty() {
        html.push_str("<div class=\"keep\">\n<h3>Alerts</h3>\n<ul class=\"alerts\">\n");
        for alert in alerts {
            let _ = writeln!(
                html,
                "<li><strong>{}</strong>: <span class=\"note\">{}</span></li>",
                alert.date,
                escape(&alert.text)
            );
        }
        html.push_str("</ul>\n</div>\n");
    }

    super::photos::html(html, &history.photos_of(section.days));
    notes(html, section.days);
    day_table(html, section.days);
    html.push_str("</section>\n");
}

/// "Plan in force": every change from the built-in plan and who made it, the first thing
/// a dermatologist checks (see [`summary::plan_changes`]).
fn plan_in_force(html: &mut String, history: &History) {
    let changes = summary::plan_changes(history);
    html.push_str(
        "<section class=\"plan-in-force\">\n<div class=\"keep\">\n<h2>Plan in force</h2>\n",
    );
    if changes.is_empty() {
        let _ = writeln!(
            html,
            "<p>No changes: {}, as shipped. The dermatologist's instructions come first.</p>",
            summary::plan_words(&history.source)
        );
    } else {
        let _ = writeln!(
            html,
            "<p>{}: what differs from aftercare's built-in plan, and who changed it.</p>",
            escape(&capitalised(summary::plan_words(&history.source)))
        );
        html.push_str("<div class=\"wide\"><table class=\"changes\">\n<thead><tr><th>Entry</th><th>Change</th><th>Made by</th></tr></thead>\n<tbody>\n");
        for change in &changes {
            let _ = writeln!(
                html,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&change.entry),
                escape(&change.change),
                escape(&change.by)
            );
        }
        html.push_str("</tbody>\n</table></div>\n");
    }
    html.push_str("</div>\n</section>\n");
}

/// The first letter in capitals, for words that start a sentence.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The key to the care strip: a swatch of every colour it fills a day with, in the words
/// of the History calendar's levels, and the dot of a day with nothing to do.
fn care_key(html: &mut String) {
    html.push_str("<ul class=\"key\">");
    for (level, words) in [
        (Level::All, "all done"),
        (Level::Most, "half or more"),
        (Level::Some, "less than half"),
        (Level::Nothing, "none"),
    ] {
        let _ = write!(
            html,
            "<li><span class=\"swatch\" style=\"background:{}\"></span>{words}</li>",
            charts::level_colour(level)
        );
    }
    html.push_str("<li><span class=\"dot\"></span>no daily care planned</li></ul>");
}

/// One line per scored symptom: where it started, its peak, where it ended.
fn trend(html: &mut String, days: &[DayRow]) {
    let scored: Vec<&DayRow> = days.iter().filter(|d| d.symptoms.is_some()).collect();
    let (Some(first), Some(last)) = (scored.first(), scored.last()) else {
        html.push_str("<p class=\"meta\">No symptoms scored.</p>\n");
        return;
    };
    html.push_str("<ul class=\"trend\">\n");
    for symptom in Symptom::ALL {
        let name = symptom.name();
        let at = |row: &DayRow| {
            let s = row.symptoms.unwrap_or_default().get(symptom);
            format!("{} {} on {}", s.0, s.word(), day_words(row))
        };
        let peak = scored
            .iter()
            .max_by_key(|row| {
                (
                    row.symptoms.unwrap_or_default().get(symptom),
                    std::cmp::Reverse(row.date),
                )
            })
            .map(|row| at(row))
            .unwrap_or_default();
        let _ = writeln!(
            html,
            "<li><strong>{name}</strong>: {} · highest {peak} · last {}</li>",
            escape(&at(first)),
            escape(&at(last))
        );
    }
    html.push_str("</ul>\n");
}

fn day_words(row: &DayRow) -> String {
    match row.day {
        Some(day) => format!("day {day}"),
        None => row.date.to_string(),
    }
}

fn notes(html: &mut String, days: &[DayRow]) {
    let noted: Vec<&DayRow> = days.iter().filter(|d| !d.note.trim().is_empty()).collect();
    if noted.is_empty() {
        return;
    }
    html.push_str(
        "<div class=\"keep-head\">\n<h3>The patient's notes</h3>\n<dl class=\"notes\">\n",
    );
    for row in noted {
        let when = match row.day {
            Some(day) => format!("{} (day {day})", row.date),
            None => row.date.to_string(),
        };
        let _ = writeln!(
            html,
            "<dt>{when}</dt><dd class=\"note\">{}</dd>",
            escape(row.note.trim())
        );
    }
    html.push_str("</dl>\n</div>\n");
}

/// The numbers behind the pictures, for print: one row a day.
fn day_table(html: &mut String, days: &[DayRow]) {
    html.push_str("<div class=\"keep-head\">\n<h3>Day by day</h3>\n<div class=\"wide\"><table class=\"days\">\n<thead><tr>");
    let columns = ["Date", "Day", "Daily care"]
        .into_iter()
        .chain(Symptom::ALL.into_iter().map(Symptom::name));
    for column in columns {
        let _ = write!(html, "<th>{column}</th>");
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for row in days {
        let care = DayCare::of(row).map_or("—".to_string(), DayCare::words);
        let day = row.day.map_or("—".to_string(), |d| d.to_string());
        let _ = write!(
            html,
            "<tr><td data-label=\"Date\">{}</td><td class=\"n\" data-label=\"Day\">{day}</td>\
             <td class=\"n\" data-label=\"Daily care\">{care}</td>",
            row.date
        );
        for symptom in Symptom::ALL {
            let cell = row.symptoms.map_or("—".to_string(), |s| {
                let s = s.get(symptom);
                format!("{} {}", s.0, s.word())
            });
            let _ = write!(html, "<td data-label=\"{}\">{cell}</td>", symptom.name());
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table></div>\n</div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::export::Alert;
    use crate::domain::plan::PlanSource;

    fn history() -> History {
        let date = jiff::civil::date(2027, 3, 15);
        History {
            generated: "2027-03-16T20:00:00[Europe/Paris]".parse().unwrap(),
            source: PlanSource::Replace("/home/someone/.config/aftercare/care-plan.ron".into()),
            since: None,
            treatments: Vec::new(),
            days: vec![DayRow {
                date,
                treatment: None,
                day: None,
                items: Vec::new(),
                adherence: None,
                symptoms: None,
                note: String::new(),
                photos: Vec::new(),
            }],
            next_session: None,
            plan: crate::journal::builtin_plan().clone(),
            name: None,
            warning_signs: Vec::new(),
            clock: crate::domain::conventions::ClockStyle::H24,
            photos: Vec::new(),
            alerts: Vec::new(),
        }
    }

    #[test]
    fn alerts_and_warning_signs_show_only_when_there_are_some_and_are_escaped() {
        let plain = render(&history());
        assert!(!plain.contains("Warning signs") && !plain.contains("Alerts"));
        assert!(!plain.contains("/home/"), "no local path");

        let mut with = history();
        with.warning_signs = vec![super::super::SignGroup {
            call: crate::domain::alerts::CALL_CLINIC,
            signs: vec!["Fever > 38 °C".into(), "Pus & crusts".into()],
        }];
        with.alerts = vec![Alert {
            date: jiff::civil::date(2027, 3, 15),
            text: "Redness 4 <severe>".into(),
        }];
        let html = render(&with);
        assert!(html.contains("<h2>Warning signs</h2>"), "{html}");
        assert!(html.contains("<li>Fever &gt; 38 °C</li>"), "{html}");
        assert!(html.contains("<li>Pus &amp; crusts</li>"), "{html}");
        assert!(html.contains("Redness 4 &lt;severe&gt;"), "{html}");
        let markdown = super::super::markdown::render(&with);
        assert!(markdown.contains("\n- Fever > 38 °C\n"), "{markdown}");
        assert!(markdown.contains("Redness 4 \\<severe>"), "{markdown}");
    }
}
