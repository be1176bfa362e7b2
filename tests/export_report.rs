//! The dermatologist's report (HTML) and the phone calendar (iCalendar), through `cli::run`
//! with a fixed clock: parsed back with an HTML5 parser and with the same iCalendar crate,
//! so what is checked is what a browser or a calendar app reads.

use std::str::FromStr;

use aftercare::cli::{self, Cli};
use aftercare::domain::time::FixedClock;
use aftercare::journal::paths::Paths;
use clap::Parser;
use icalendar::{Calendar, CalendarComponent, Component, Event};
use scraper::{Html, Selector};
use tempfile::TempDir;

struct Setup {
    dir: TempDir,
    paths: Paths,
}

impl Setup {
    fn new() -> Setup {
        let dir = TempDir::new().unwrap();
        let paths = Paths {
            journal_dir: dir.path().join("journal"),
            plan_override: dir.path().join("config/care-plan.ron"),
            undo_log: dir.path().join("state/undo.ron"),
        };
        Setup { dir, paths }
    }

    fn ok(&self, clock: &FixedClock, args: &[&str]) -> String {
        let cli = Cli::try_parse_from(std::iter::once("aftercare").chain(args.iter().copied()))
            .expect("valid arguments");
        let mut out = Vec::new();
        cli::run(cli.command.unwrap(), &self.paths, clock, &mut out)
            .unwrap_or_else(|err| panic!("{args:?}: {err}"));
        String::from_utf8(out).unwrap()
    }

    fn symptoms(&self, clock: &FixedClock, date: &str, scores: [u8; 4]) {
        let [r, s, p, d] = scores.map(|n| n.to_string());
        self.ok(
            clock,
            &[
                "symptoms",
                "--date",
                date,
                "--redness",
                &r,
                "--swelling",
                &s,
                "--pain",
                &p,
                "--dryness",
                &d,
            ],
        );
    }
}

const HOSTILE_NOTE: &str =
    "<script>alert(\"x\")</script> & <img src=x onerror=alert(1)>\nused *1.5 mm*\n  second line";

/// Two treatments in Paris, the second across the spring DST change, with scores, notes
/// (one of them hostile) and a few ticks; the clock reads three weeks after the second.
/// (date, treatment index, [redness, swelling, pain, dryness]) as logged.
type Scores = Vec<(&'static str, usize, [u8; 4])>;

fn two_treatments() -> (Setup, FixedClock, Scores) {
    let setup = Setup::new();
    let clock = FixedClock::at("2027-04-20T18:00:00[Europe/Paris]");
    setup.ok(
        &clock,
        &[
            "treatment",
            "add",
            "--at",
            "2027-03-01 09:00",
            "--area",
            "face & neck",
            "--note",
            "1.0 mm <dermapen>",
        ],
    );
    setup.ok(
        &clock,
        &[
            "treatment",
            "add",
            "--at",
            "2027-03-27 12:00",
            "--area",
            "face",
        ],
    );
    let scores = vec![
        ("2027-03-01", 0, [3, 2, 2, 0]),
        ("2027-03-02", 0, [2, 1, 1, 1]),
        ("2027-03-04", 0, [1, 0, 0, 2]),
        ("2027-03-27", 1, [4, 3, 2, 0]),
        ("2027-03-28", 1, [3, 2, 1, 1]),
        ("2027-03-29", 1, [1, 1, 0, 1]),
    ];
    for (date, _, s) in &scores {
        setup.symptoms(&clock, date, *s);
    }
    setup.ok(&clock, &["note", "--date", "2027-03-02", HOSTILE_NOTE]);
    setup.ok(
        &clock,
        &["tick", "water", "-n", "8", "--date", "2027-03-02"],
    );
    setup.ok(&clock, &["tick", "sunscreen", "--date", "2027-03-02"]);
    setup.ok(&clock, &["tick", "ice", "--date", "2027-03-27"]);
    (setup, clock, scores)
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn text(element: &scraper::ElementRef<'_>) -> String {
    element.text().collect()
}

#[test]
fn html_report_is_self_contained_html5_with_one_chart_per_treatment_matching_the_scores() {
    let (setup, clock, scores) = two_treatments();
    let raw = setup.ok(
        &clock,
        &["export", "--format", "html", "--name", "Ann <b> O'Neil"],
    );
    let html = Html::parse_document(&raw);
    assert!(
        html.errors.is_empty(),
        "HTML5 parse errors: {:?}",
        html.errors
    );

    // Self-contained: nothing to run, nothing to fetch, no local path.
    let lower = raw.to_lowercase();
    for forbidden in ["<script", "http", "url(", "@import"] {
        assert!(!lower.contains(forbidden), "contains {forbidden:?}");
    }
    let fetching = "script, img, link, iframe, object, embed, [src], [href], [onerror], [onload]";
    assert!(
        select(&html, fetching).is_empty(),
        "an element that runs or fetches"
    );
    assert!(!raw.contains(setup.dir.path().to_str().unwrap()));
    assert!(
        !raw.contains("+01:00") && !raw.contains("+02:00"),
        "no UTC offsets"
    );

    assert_eq!(
        text(&select(&html, "h1")[0]),
        "Recovery report: Ann <b> O'Neil"
    );
    assert_eq!(
        text(&select(&html, "title")[0]),
        "Recovery report: Ann <b> O'Neil"
    );

    // One symptom chart per treatment; its dots are the logged scores.
    let charts = select(&html, "figure.symptoms svg");
    assert_eq!(charts.len(), 2);
    let names = ["redness", "swelling", "pain", "dryness"];
    for (treatment, chart) in charts.iter().enumerate() {
        let start = if treatment == 0 {
            "2027-03-01"
        } else {
            "2027-03-27"
        };
        let start = jiff::civil::Date::from_str(start).unwrap();
        for (index, name) in names.iter().enumerate() {
            let series = Selector::parse(&format!("g.series[data-symptom={name}] circle")).unwrap();
            let dots: Vec<(u32, u8)> = chart
                .select(&series)
                .map(|dot| {
                    let attr = |a: &str| dot.value().attr(a).unwrap().parse::<u32>().unwrap();
                    (attr("data-day"), attr("data-score") as u8)
                })
                .collect();
            let expected: Vec<(u32, u8)> = scores
                .iter()
                .filter(|(_, t, _)| *t == treatment)
                .map(|(date, _, s)| {
                    let date = jiff::civil::Date::from_str(date).unwrap();
                    ((date - start).get_days() as u32, s[index])
                })
                .collect();
            assert_eq!(dots, expected, "treatment {treatment}, {name}");
        }
        let restrictions = Selector::parse("rect.restriction").unwrap();
        assert_eq!(chart.select(&restrictions).count(), 6);
    }
    // Lines join consecutive days only: day 2 of the first treatment was not scored.
    let first_redness = Selector::parse("g.series[data-symptom=redness] polyline").unwrap();
    assert_eq!(charts[0].select(&first_redness).count(), 1);
    assert_eq!(select(&html, "figure.care svg").len(), 2);

    // The patient's text round-trips as text, line breaks and all.
    let notes: Vec<String> = select(&html, "dd.note").iter().map(text).collect();
    assert_eq!(notes, [HOSTILE_NOTE.trim()]);
    assert!(text(&select(&html, "section.treatment h2")[0]).contains("face & neck"));
    assert!(raw.contains("1.0 mm &lt;dermapen&gt;"));
    assert!(
        select(&html, ".note")
            .iter()
            .any(|n| text(n) == "1.0 mm <dermapen>"),
        "session note"
    );

    // Reminders and as-needed items are labelled as such, never as failures.
    let reminders = select(&html, "li.reminder");
    assert!(!reminders.is_empty());
    for li in &reminders {
        let line = text(li);
        assert!(
            line.contains("reminder") && line.contains("not scored"),
            "{line}"
        );
    }
    let ice: Vec<String> = select(&html, "li.as-needed").iter().map(text).collect();
    assert!(
        ice.iter().any(|l| l.contains("used on 1 (1 session)")),
        "{ice:?}"
    );
    assert!(ice.iter().any(|l| l.contains("not used")), "{ice:?}");

    // Every "P% (D of N)" agrees with itself.
    let mut checked = 0;
    for body in select(&html, "body")[0].text() {
        for (at, _) in body.match_indices("% (") {
            let percent: u32 = body[..at]
                .rsplit(|c: char| !c.is_ascii_digit())
                .next()
                .unwrap()
                .parse()
                .unwrap();
            let rest = &body[at + 3..];
            let (done, rest) = rest.split_once(" of ").unwrap();
            let planned: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let (done, planned): (u32, u32) = (done.parse().unwrap(), planned.parse().unwrap());
            // Rounded to the nearest, but never 0% with something done, nor 100% with
            // something missed.
            let nearest = (f64::from(done) * 100.0 / f64::from(planned)).round() as u32;
            let honest = match (done, planned) {
                (0, _) => 0,
                (d, p) if d == p => 100,
                _ => nearest.clamp(1, 99),
            };
            assert_eq!(percent, honest, "{percent}% ({done} of {planned})");
            checked += 1;
        }
    }
    assert!(checked > 20, "{checked}");
    // Day 1 of the first treatment: water and sunscreen done among the daily items.
    assert!(raw.contains("2027-03-02 (day 1): 33% (2 of 6)"), "{raw}");
}

#[test]
fn html_report_of_an_empty_journal_says_so_and_is_valid() {
    let setup = Setup::new();
    let clock = FixedClock::at("2027-03-14T20:00:00[Europe/Paris]");
    let raw = setup.ok(&clock, &["export", "--format", "html"]);
    let html = Html::parse_document(&raw);
    assert!(html.errors.is_empty(), "{:?}", html.errors);
    assert_eq!(text(&select(&html, "h1")[0]), "Recovery report");
    assert!(raw.contains("Nothing logged yet."));
    assert!(select(&html, "svg").is_empty());
}

#[test]
fn small_html_report_snapshot() {
    let setup = Setup::new();
    let clock = FixedClock::at("2027-03-16T20:00:00[Europe/Paris]");
    setup.ok(
        &clock,
        &[
            "treatment",
            "add",
            "--at",
            "2027-03-14 09:30",
            "--area",
            "face",
        ],
    );
    setup.symptoms(&clock, "2027-03-14", [3, 2, 1, 0]);
    setup.symptoms(&clock, "2027-03-15", [2, 1, 0, 1]);
    setup.ok(
        &clock,
        &["tick", "water", "-n", "8", "--date", "2027-03-15"],
    );
    setup.ok(&clock, &["tick", "sunscreen", "--date", "2027-03-15"]);
    setup.ok(
        &clock,
        &[
            "note",
            "--date",
            "2027-03-15",
            "Tight, a little pink.\nNo flaking.",
        ],
    );
    let raw = setup.ok(&clock, &["export", "--format", "html"]);
    insta::assert_snapshot!(raw);
}

fn calendar(text: &str) -> Vec<Event> {
    let calendar = Calendar::from_str(text).expect("the crate parses what it wrote");
    calendar
        .components
        .into_iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

fn event<'a>(events: &'a [Event], uid: &str) -> &'a Event {
    events
        .iter()
        .find(|e| e.get_uid() == Some(uid))
        .unwrap_or_else(|| panic!("no event {uid}"))
}

#[test]
fn ics_has_restriction_ends_at_the_right_instants_across_dst_and_the_next_session_window() {
    let setup = Setup::new();
    // Paris moves to summer time in the night of 27 to 28 March 2027.
    let clock = FixedClock::at("2027-03-27T20:00:00[Europe/Paris]");
    setup.ok(
        &clock,
        &[
            "treatment",
            "add",
            "--at",
            "2027-03-27 12:00",
            "--area",
            "face, neck; chin",
        ],
    );
    let text = setup.ok(&clock, &["export", "--format", "ics"]);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert!(text.lines().all(|l| l.len() <= 75), "folded lines");
    assert!(!text.contains("BEGIN:VALARM"));
    let events = calendar(&text);
    assert_eq!(events.len(), 6 + 1);

    // 12:00 +01:00 is 11:00Z; 24 real hours later is 11:00Z again, 13:00 summer time.
    let makeup = event(&events, "20270327-makeup@aftercare");
    assert_eq!(makeup.property_value("DTSTART"), Some("20270328T110000Z"));
    assert_eq!(
        makeup.get_summary(),
        Some("Makeup and skincare products: minimum wait over")
    );
    assert_eq!(
        event(&events, "20270327-sun@aftercare").property_value("DTSTART"),
        Some("20270330T110000Z")
    );
    assert_eq!(
        event(&events, "20270327-peels@aftercare").property_value("DTSTART"),
        Some("20270410T110000Z")
    );
    let sun = event(&events, "20270327-sun@aftercare");
    let description = sun.get_description().unwrap();
    assert_eq!(description.matches("default").count(), 1, "{description}");

    // 28 to 42 days after 27 March, all day; DTEND is the day after the last day.
    let next = event(&events, "next-session@aftercare");
    assert_eq!(next.property_value("DTSTART"), Some("20270424"));
    assert_eq!(next.property_value("DTEND"), Some("20270509"));
    assert!(text.contains("DTSTART;VALUE=DATE:20270424"), "{text}");
    assert!(!text.contains(setup.dir.path().to_str().unwrap()));

    // The report's chart puts the same end on the local clock: 13:00 summer time.
    let html = setup.ok(&clock, &["export", "--format", "html"]);
    assert!(html.contains(">until Mar 28 13:00</text>"), "{html}");
    assert!(html.contains(">until Apr 10 13:00</text>"), "{html}");
}

#[test]
fn ics_uids_are_stable_so_a_second_import_updates_and_reminders_add_alarms() {
    let setup = Setup::new();
    let clock = FixedClock::at("2027-03-14T20:00:00[America/New_York]");
    setup.ok(&clock, &["treatment", "add", "--at", "2027-03-14 09:00"]);
    let first = setup.ok(&clock, &["export", "--format", "ics"]);
    clock.set("2027-03-20T08:00:00[America/New_York]");
    let again = setup.ok(&clock, &["export", "--format", "ics"]);
    let uids = |text: &str| -> Vec<String> {
        calendar(text)
            .iter()
            .map(|e| e.get_uid().unwrap().to_string())
            .collect()
    };
    assert_eq!(uids(&first), uids(&again));
    assert_ne!(first, again, "DTSTAMP says when it was made");

    // A new session: the old events keep their UIDs, the next-session window moves.
    clock.set("2027-04-20T08:00:00[America/New_York]");
    setup.ok(&clock, &["treatment", "add", "--at", "2027-04-20 07:00"]);
    let later = setup.ok(&clock, &["export", "--format", "ics", "--reminders"]);
    let later_uids = uids(&later);
    for uid in uids(&first) {
        assert!(later_uids.contains(&uid), "{uid}");
    }
    assert_eq!(later_uids.len(), 6 * 2 + 1);
    let next = calendar(&later);
    assert_eq!(
        event(&next, "next-session@aftercare").property_value("DTSTART"),
        Some("20270518")
    );
    // One alarm per event.
    assert_eq!(later.matches("BEGIN:VALARM").count(), later_uids.len());
    assert!(
        later.contains("TRIGGER:PT0S")
            || later.contains("TRIGGER:P0D")
            || later.contains("TRIGGER:PT0"),
        "{later}"
    );

    // --since leaves out the treatments before it.
    let since = setup.ok(
        &clock,
        &["export", "--format", "ics", "--since", "2027-04-01"],
    );
    assert_eq!(uids(&since).len(), 6 + 1);
}

/// Issue 29, item 18: the first thing a dermatologist wants to see is what differs from
/// the built-in plan, and who changed it: the patient (from their clinic's instructions)
/// or the procedure recorded (its own sourced changes).
#[test]
fn the_report_lists_the_plan_in_force_with_who_made_each_change() {
    let setup = Setup::new();
    let clock = FixedClock::at("2027-03-16T20:00:00[Europe/Paris]");
    setup.ok(&clock, &["plan", "set", "makeup", "hours=48h"]);
    setup.ok(&clock, &["plan", "set", "ice", "off"]);
    setup.ok(
        &clock,
        &[
            "plan",
            "add",
            "Clinic | balm",
            "--kind",
            "count=2",
            "--days",
            "0-7",
        ],
    );
    setup.ok(
        &clock,
        &[
            "treatment",
            "add",
            "--at",
            "2027-03-14 09:30",
            "--procedure",
            "rf",
        ],
    );
    let raw = setup.ok(&clock, &["export", "--format", "html"]);
    let html = Html::parse_document(&raw);
    assert!(html.errors.is_empty(), "{:?}", html.errors);
    let rows: Vec<String> = select(&html, "section.plan-in-force tbody tr")
        .iter()
        .map(|row| {
            row.select(&Selector::parse("td").unwrap())
                .map(|cell| text(&cell))
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect();
    let row = |needle: &str| {
        rows.iter()
            .find(|row| row.starts_with(needle))
            .unwrap_or_else(|| panic!("no row for {needle}: {rows:#?}"))
            .clone()
    };
    assert_eq!(
        row("Makeup"),
        "Makeup and skincare products | 24 h → 48 h (2 d) | the patient"
    );
    assert_eq!(
        row("Ice pack"),
        "Ice pack in a soft cloth | turned off | the patient"
    );
    assert!(row("Clinic | balm").contains("added: 2 a day"), "{rows:#?}");
    assert!(row("Clinic | balm").ends_with("| the patient"), "{rows:#?}");
    let sweat = row("Sweat");
    assert!(sweat.contains("24 h → 48 h (2 d)"), "{sweat}");
    assert!(
        sweat.contains("the procedure: RF microneedling (Morpheus8 and similar)"),
        "{sweat}"
    );
    assert!(sweat.contains("morpheus8-manual"), "the source: {sweat}");
    assert_eq!(
        rows.iter().filter(|r| r.starts_with("Makeup")).count(),
        1,
        "the patient's 48 h wins over RF's 72 h, and only it is listed: {rows:#?}"
    );

    let markdown = setup.ok(&clock, &["export", "--format", "markdown"]);
    assert!(markdown.contains("\n## Plan in force\n"), "{markdown}");
    assert!(
        markdown.contains("| Clinic \\| balm | added: 2 a day"),
        "a pipe in a cell is escaped: {markdown}"
    );
}

#[test]
fn the_report_says_when_the_built_in_plan_is_followed_unchanged() {
    let setup = Setup::new();
    let clock = FixedClock::at("2027-03-16T20:00:00[Europe/Paris]");
    setup.ok(&clock, &["treatment", "add", "--at", "2027-03-14 09:30"]);
    let raw = setup.ok(&clock, &["export", "--format", "html"]);
    let html = Html::parse_document(&raw);
    let section = select(&html, "section.plan-in-force");
    assert_eq!(section.len(), 1, "{raw}");
    assert!(
        text(&section[0]).contains("No changes: aftercare's built-in default plan, as shipped"),
        "{raw}"
    );
}

/// The report's style sheet, as one string.
fn style(html: &Html) -> String {
    select(html, "style").iter().map(text).collect()
}

/// Issue 29, item 17: printed, a heading never ends a page without what follows it; at
/// 400 px the chart text stays readable (the chart keeps its own width and scrolls), the
/// day table reflows into one block a day, the alert bullet stays inside its box and the
/// care legend shows every colour the strip uses.
#[test]
fn the_report_keeps_headings_with_their_content_and_reads_on_a_phone() {
    let (setup, clock, _) = two_treatments();
    setup.ok(
        &clock,
        &["tick", "water", "-n", "4", "--date", "2027-03-28"],
    );
    setup.ok(&clock, &["tick", "sunscreen", "--date", "2027-03-29"]);
    setup.ok(
        &clock,
        &["tick", "water", "-n", "8", "--date", "2027-03-29"],
    );
    let raw = setup.ok(&clock, &["export", "--format", "html"]);
    let html = Html::parse_document(&raw);
    assert!(html.errors.is_empty(), "{:?}", html.errors);
    let css = style(&html);

    // Print: every heading sits in a block that is never split, with what follows it, or
    // (a block longer than a page may be: the notes, the day table) one that never breaks
    // right after the heading.
    assert!(css.contains(".keep{break-inside:avoid"), "{css}");
    assert!(css.contains("h2,h3{break-after:avoid}"), "{css}");
    for heading in select(&html, "section h2, section h3") {
        let parent = scraper::ElementRef::wrap(heading.parent().unwrap()).unwrap();
        assert!(
            parent
                .value()
                .classes()
                .any(|c| c == "keep" || c == "keep-head"),
            "{} is not kept with its content",
            text(&heading)
        );
        assert!(
            heading
                .next_siblings()
                .any(|node| node.value().is_element()),
            "{} is alone in its block",
            text(&heading)
        );
    }

    // Phone: no chart text under 12 px. The chart is drawn at its own width at least
    // (scrolling sideways inside its figure), so a unit is at least a pixel.
    for svg in select(&html, "svg") {
        let view_box = svg.value().attr("viewBox").unwrap();
        let width: f64 = view_box.split(' ').nth(2).unwrap().parse().unwrap();
        assert!(
            css.contains(&format!(
                "svg{{display:block;width:100%;min-width:{width}px"
            )),
            "the chart keeps {width} px: {css}"
        );
        for node in svg.descendants() {
            let Some(element) = node.value().as_element() else {
                continue;
            };
            if let Some(size) = element.attr("font-size") {
                let size: f64 = size.parse().unwrap();
                assert!(size >= 12.0, "font-size {size} in {view_box}");
            }
        }
    }
    // Only the first days show at 400 px: every chart says it scrolls, there only.
    for figure in select(&html, "figure") {
        let hint = figure
            .select(&Selector::parse("figcaption .narrow").unwrap())
            .map(|hint| text(&hint))
            .collect::<String>();
        assert!(hint.contains("sideways"), "{}", text(&figure));
    }
    assert!(css.contains(".narrow{display:none}"), "{css}");
    assert!(css.contains("@media print{"), "{css}");
    let print = css.split("@media print{").nth(1).unwrap();
    assert!(
        print.contains("svg{min-width:0"),
        "print fits the page: {print}"
    );

    // Phone: the day table reflows, each cell named by its column.
    let phone = css
        .split("@media (max-width:40rem){")
        .nth(1)
        .unwrap_or_else(|| panic!("no phone layout: {css}"));
    assert!(phone.contains("table.days tr{display:block"), "{phone}");
    assert!(phone.contains(".narrow{display:inline}"), "{phone}");
    for table in select(&html, "table.days") {
        let headers: Vec<String> = table
            .select(&Selector::parse("th").unwrap())
            .map(|th| text(&th))
            .collect();
        for row in table.select(&Selector::parse("tbody tr").unwrap()) {
            let labels: Vec<&str> = row
                .select(&Selector::parse("td").unwrap())
                .map(|td| td.value().attr("data-label").unwrap_or(""))
                .collect();
            assert_eq!(labels, headers);
        }
    }

    // The alert bullet inside its box.
    assert!(css.contains(".alerts{list-style-position:inside;"), "{css}");

    // The legend shows every fill the care strip uses.
    for figure in select(&html, "figure.care") {
        let legend: Vec<String> = figure
            .select(&Selector::parse(".key .swatch").unwrap())
            .filter_map(|s| s.value().attr("style"))
            .map(|s| s.trim_start_matches("background:").to_string())
            .collect();
        for rect in figure.select(&Selector::parse("rect").unwrap()) {
            let fill = rect.value().attr("fill").unwrap();
            assert!(legend.iter().any(|l| l == fill), "{fill} not in {legend:?}");
        }
    }
    assert!(raw.contains("background:#d4a03c"), "amber in the legend");
    assert!(
        raw.contains("background:#6aa884"),
        "light green in the legend"
    );
}

/// A change only a hand-edited plan file makes (the days redness and swelling are
/// expected) is a change from the built-in plan too.
#[test]
fn the_plan_in_force_lists_a_changed_symptom_window() {
    let setup = Setup::new();
    std::fs::create_dir_all(setup.dir.path().join("config")).unwrap();
    std::fs::write(
        &setup.paths.plan_override,
        "(version: 2, symptom_window_days: 10)",
    )
    .unwrap();
    let clock = FixedClock::at("2027-03-16T20:00:00[Europe/Paris]");
    setup.ok(&clock, &["treatment", "add", "--at", "2027-03-14 09:30"]);
    let raw = setup.ok(&clock, &["export", "--format", "html"]);
    let html = Html::parse_document(&raw);
    let rows: Vec<String> = select(&html, "section.plan-in-force tbody tr")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        rows,
        ["Redness and swelling expecteddays 0–7 → 0–10the patient"],
        "{raw}"
    );
}

#[test]
fn the_report_says_which_warning_signs_mean_an_emergency_and_what_a_target_counts() {
    let setup = Setup::new();
    let clock = FixedClock::at("2027-03-15T20:00:00[Europe/Paris]");
    setup.ok(&clock, &["treatment", "add", "--at", "2027-03-14 09:30"]);
    setup.ok(&clock, &["tick", "water", "--count", "3"]);
    for format in ["html", "markdown"] {
        let report = setup.ok(&clock, &["export", "--format", format]);
        // Trouble breathing is an emergency, never under "call the clinic".
        let emergency = report
            .find("Call your local emergency number now")
            .unwrap_or_else(|| panic!("{format}: no emergency heading: {report}"));
        let clinic = report
            .find("Call your clinic or dermatologist today")
            .unwrap_or_else(|| panic!("{format}: no clinic heading: {report}"));
        let breathing = report.rfind("trouble breathing").unwrap();
        let fever = report.rfind("Fever").unwrap();
        assert!(
            emergency < breathing && breathing < clinic,
            "{format}: {report}"
        );
        assert!(clinic < fever, "{format}: {report}");
        // Three glasses of eight is not a day whose target was met.
        assert!(!report.contains("target met"), "{format}: {report}");
        assert!(
            report.contains("0 of 2 days with all 8"),
            "{format}: {report}"
        );
    }
}
