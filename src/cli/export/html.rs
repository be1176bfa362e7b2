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
use crate::domain::model::Symptom;

const STYLE: &str = "\
:root{color-scheme:light}\
body{font:15px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif;color:#1b1b1b;background:#fff;max-width:60rem;margin:0 auto;padding:1rem 1.25rem 2rem}\
h1{font-size:1.6rem;margin:.2rem 0}\
h2{font-size:1.25rem;margin:0 0 .3rem}\
h3{font-size:1rem;margin:1.1rem 0 .3rem;color:#2d4a3e}\
p{margin:.3rem 0}\
.meta,.legend,figcaption,footer{color:#555;font-size:.87rem}\
section{border-top:3px solid #2e7d5b;margin-top:1.6rem;padding-top:.6rem}\
figure{margin:.4rem 0;break-inside:avoid;overflow-x:auto}\
svg{display:block;width:100%;min-width:38rem;height:auto}\
ul.items{padding-left:1.2rem;margin:.3rem 0}\
ul.items li{margin:.1rem 0}\
.tag{display:inline-block;font-size:.75rem;border:1px solid #888;border-radius:.6rem;padding:0 .45rem;margin-left:.3rem;color:#444}\
.trend{padding-left:1.2rem;margin:.3rem 0}\
.note{white-space:pre-wrap;overflow-wrap:anywhere}\
dl.notes{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .9rem;margin:.3rem 0}\
dl.notes dt{font-weight:600;font-variant-numeric:tabular-nums}\
dl.notes dd{margin:0}\
@media (max-width:32rem){dl.notes{grid-template-columns:1fr}dl.notes dd{margin:0 0 .3rem .8rem}}\
.alerts{border:2px solid #b03a2e;padding:.4rem .8rem;border-radius:.3rem}\
table{border-collapse:collapse;font-size:.85rem;width:100%}\
th,td{border-bottom:1px solid #ddd;padding:.15rem .4rem;text-align:left}\
td.n{text-align:right;font-variant-numeric:tabular-nums}\
.wide{overflow-x:auto}\
@page{margin:14mm}\
@media print{body{max-width:none;padding:0;font-size:10.5pt}svg{min-width:0}figure{overflow:visible}section{break-before:auto}h2,h3{break-after:avoid}tr{break-inside:avoid}}\
";

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
        history.generated.strftime("%Y-%m-%d %H:%M"),
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
    if history.days.is_empty() {
        html.push_str("<p>Nothing logged yet.</p>\n");
    }
    for section in summary::sections(history) {
        write_section(&mut html, history, &section);
    }
    if let Some((from, to)) = history.next_session {
        let _ = writeln!(
            html,
            "<section class=\"next\">\n<h2>Next session</h2>\n<p>Suggested between {from} and \
             {to} by the care plan's default spacing; the dermatologist decides whether and when.</p>\n</section>"
        );
    }
    if !history.warning_signs.is_empty() {
        html.push_str(
            "<section class=\"warning-signs\">\n<h2>Warning signs: call the clinic</h2>\n<ul>\n",
        );
        for sign in &history.warning_signs {
            let _ = writeln!(html, "<li>{}</li>", escape(sign));
        }
        html.push_str("</ul>\n</section>\n");
    }
    html.push_str(
        "<footer>\n<p>Made with aftercare from the patient's own journal. The care plan is a \
         default: the dermatologist's instructions come first.</p>\n</footer>\n</body>\n</html>\n",
    );
    html
}

fn write_section(html: &mut String, history: &History, section: &Section<'_>) {
    html.push_str("<section class=\"treatment\">\n");
    let mut heading = section.heading(history);
    if let Some(treatment) = section.treatment {
        let _ = write!(heading, " · {}", summary::treatment_line(treatment));
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
        ));
        html.push_str(
            "\n<figcaption>Each panel is one symptom, 0 (none) to 4 (severe), by day after the \
             treatment (dashed line); a gap is a day without scores. The bars at the top are the \
             restrictions, from the treatment to the end of their minimum.</figcaption>\n</figure>\n",
        );
    }
    trend(html, section.days);

    let items = summary::item_summaries(&history.plan, section.days);
    if !items.is_empty() {
        html.push_str("<h3>Care</h3>\n");
        if section.treatment.is_some() {
            html.push_str("<figure class=\"care\">\n");
            html.push_str(&charts::care_strip(section.days));
            html.push_str(
                "\n<figcaption>One square a day: filled to the share of the day's daily care \
                 done (full and dark green: all; grey: none); a dot is a day with no daily care planned.</figcaption>\n</figure>\n",
            );
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
        html.push_str("</ul>\n");
    }

    let alerts: Vec<_> = history
        .alerts
        .iter()
        .filter(|alert| section.days.iter().any(|d| d.date == alert.date))
        .collect();
    if !alerts.is_empty() {
        html.push_str("<h3>Alerts</h3>\n<ul class=\"alerts\">\n");
        for alert in alerts {
            let _ = writeln!(
                html,
                "<li><strong>{}</strong>: <span class=\"note\">{}</span></li>",
                alert.date,
                escape(&alert.text)
            );
        }
        html.push_str("</ul>\n");
    }

    super::photos::html(html, &history.photos_of(section.days));
    notes(html, section.days);
    day_table(html, section.days);
    html.push_str("</section>\n");
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
    html.push_str("<h3>The patient's notes</h3>\n<dl class=\"notes\">\n");
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
    html.push_str("</dl>\n");
}

/// The numbers behind the pictures, for print: one row a day.
fn day_table(html: &mut String, days: &[DayRow]) {
    html.push_str("<h3>Day by day</h3>\n<div class=\"wide\"><table>\n<thead><tr><th>Date</th><th>Day</th><th>Daily care</th>");
    for symptom in Symptom::ALL {
        let _ = write!(html, "<th>{}</th>", symptom.name());
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for row in days {
        let care = DayCare::of(row).map_or("—".to_string(), DayCare::words);
        let day = row.day.map_or("—".to_string(), |d| d.to_string());
        let _ = write!(
            html,
            "<tr><td>{}</td><td class=\"n\">{day}</td><td class=\"n\">{care}</td>",
            row.date
        );
        for symptom in Symptom::ALL {
            let cell = row.symptoms.map_or("—".to_string(), |s| {
                let s = s.get(symptom);
                format!("{} {}", s.0, s.word())
            });
            let _ = write!(html, "<td>{cell}</td>");
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table></div>\n");
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
            }],
            next_session: None,
            plan: crate::journal::builtin_plan().clone(),
            name: None,
            warning_signs: Vec::new(),
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
        with.warning_signs = vec!["Fever > 38 °C".into(), "Pus & crusts".into()];
        with.alerts = vec![Alert {
            date: jiff::civil::date(2027, 3, 15),
            text: "Redness 4 <severe>".into(),
        }];
        let html = render(&with);
        assert!(
            html.contains("<h2>Warning signs: call the clinic</h2>"),
            "{html}"
        );
        assert!(html.contains("<li>Fever &gt; 38 °C</li>"), "{html}");
        assert!(html.contains("<li>Pus &amp; crusts</li>"), "{html}");
        assert!(html.contains("Redness 4 &lt;severe&gt;"), "{html}");
        let markdown = super::super::markdown::render(&with);
        assert!(markdown.contains("\n- Fever \\> 38 °C\n"), "{markdown}");
        assert!(markdown.contains("Redness 4 \\<severe\\>"), "{markdown}");
    }
}
