//! What the plain mode says: today's checklist, the restrictions and a week of history, in
//! short sentences with the most important first. Read from the same `Status` as
//! `aftercare status`, so the two never disagree.

use std::fmt::Write as _;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::cli::remind::settings::clock_here;
use crate::cli::status::{AlertVoice, RestrictionStatus, Status, alerts_text};
use crate::cli::{Access, CliError, open};
use crate::domain::adherence::{care_summary, items_done};
use crate::domain::plan::CarePlan;
use crate::domain::recovery;
use crate::domain::time::Clock;
use crate::journal::Journal;
use crate::journal::paths::Paths;

/// Said once, when the conversation starts.
pub(super) const GREETING: &str =
    "aftercare, plain mode. Say help for the commands, quit to leave.\n";

/// The commands, one a line (`help`).
pub(super) const HELP: &str = "\
Commands, one a line:
today: alerts, then today's numbered checklist.
tick 2, tick water, or just 2: tick an item once. untick 2 takes a tick back.
restrictions: what to avoid still, and until when.
skin: score redness, swelling, pain and dryness, warning signs, a note; one question a line.
note TEXT: add a line to today's note.
history: the last seven days. more: the week before, again for the one before.
alerts: what stands until you resolve it. resolved called, or resolved gone: you called the clinic, or it went away.
plan: the care plan in force (it follows your dermatologist).
undo: take back the last change made here or in the shell (undo --yes for one before today). redo: put it back.
quit: leave (so does the end of the input).
";

/// `alerts`: what stands, in words (the CLI's lines are marked for the eye).
pub(super) fn alerts(paths: &Paths, clock: &dyn Clock) -> String {
    match status(paths, clock) {
        Ok(status) if status.alerts.is_empty() => "No alert stands.\n".to_string(),
        Ok(status) => alerts_text(&status.alerts, AlertVoice::Spoken),
        Err(err) => format!("{err}\n"),
    }
}

/// Today's answer and the ids of the checklist in the order said.
pub(super) fn today(paths: &Paths, clock: &dyn Clock) -> Result<(String, Vec<String>), CliError> {
    let status = status(paths, clock)?;
    let mut text = alerts_text(&status.alerts, AlertVoice::Spoken);
    let date = spoken_date(status.date);
    match status.day {
        None => {
            let _ = writeln!(text, "No treatment recorded yet. Today is {date}.");
            text.push_str(
                "Record one in the shell with: aftercare treatment add --at \"YYYY-MM-DD HH:MM\"\n",
            );
            return Ok((text, Vec::new()));
        }
        Some(0) => {
            let _ = writeln!(text, "Day 0, treatment day, {date}.");
        }
        Some(day) => {
            let _ = writeln!(text, "Day {day} after treatment, {date}.");
        }
    }
    if status.items.is_empty() {
        text.push_str("No care items today: the plan's daily care is over.\n");
        text.push_str("Sunscreen (tip 3): keep using it daily outdoors.\n");
        return Ok((text, Vec::new()));
    }
    let counted: Vec<_> = status.items.iter().filter(|i| !i.as_needed).collect();
    let _ = writeln!(
        text,
        "Today's care: {}",
        care_summary(
            status.complete_count(),
            counted.len(),
            status.adherence.unwrap_or(0.0)
        )
    );
    for (number, item) in status.items.iter().enumerate() {
        let progress = match (item.target, item.as_needed) {
            (_, true) => format!("{} of {}, as needed", item.done, item.target),
            (1, false) if item.complete => "done".to_string(),
            (1, false) => "not done yet".to_string(),
            _ => format!("{} of {}", item.done, item.target),
        };
        let _ = writeln!(text, "{}. {}: {progress}", number + 1, item.label);
    }
    for later in &status.later {
        let _ = writeln!(
            text,
            "Later today, once a restriction lifts: {} from {}.",
            later.label,
            clock_here().time(later.starts_at.local().time())
        );
    }
    let ids = status.items.iter().map(|item| item.id.clone()).collect();
    Ok((text, ids))
}

/// Each restriction with the time left in words, those still holding first.
pub(super) fn restrictions(paths: &Paths, clock: &dyn Clock) -> String {
    let status = match status(paths, clock) {
        Ok(status) => status,
        Err(err) => return format!("{err}\n"),
    };
    if status.day.is_none() {
        return "No treatment recorded yet, so no restrictions.\n".to_string();
    }
    let mut text = String::from("Restrictions, at least this long; ask your clinic if unsure:\n");
    let (holding, lifted): (Vec<_>, Vec<_>) = status.restrictions.iter().partition(|r| !r.lifted);
    for restriction in holding {
        let _ = writeln!(text, "{}", holding_line(restriction, status.date));
    }
    for restriction in lifted {
        let _ = writeln!(text, "{}: minimum time passed.", restriction.label);
    }
    text
}

/// "Makeup: 6 hours 18 minutes left, until 10:00" (the day named when it is not today).
fn holding_line(restriction: &RestrictionStatus, today: Date) -> String {
    let ends = restriction.ends_at.local();
    let clock = clock_here();
    let until = if ends.date() == today {
        clock.time(ends.time())
    } else {
        format!("{} {}", ends.strftime("%A"), clock.date_time(ends))
    };
    format!(
        "{}: {} left, until {until}.",
        restriction.label,
        left_in_words(restriction.seconds_left)
    )
}

/// The time left as a screen reader should say it: "2 days 4 hours", "6 hours 18 minutes",
/// "12 minutes" (abbreviations such as "h" are read letter by letter).
fn left_in_words(seconds: i64) -> String {
    let plural = |n: i64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    let (days, hours, minutes) = (seconds / 86_400, seconds / 3_600 % 24, seconds / 60 % 60);
    if days > 0 {
        format!("{} {}", plural(days, "day"), plural(hours, "hour"))
    } else if hours > 0 {
        format!("{} {}", plural(hours, "hour"), plural(minutes, "minute"))
    } else {
        plural(minutes.max(1), "minute")
    }
}

/// Seven days in words, newest first, ending `weeks_back` weeks before today.
pub(super) fn week(paths: &Paths, clock: &dyn Clock, weeks_back: u32) -> String {
    match week_text(paths, clock, weeks_back) {
        Ok(text) => text,
        Err(err) => format!("{err}\n"),
    }
}

fn week_text(paths: &Paths, clock: &dyn Clock, weeks_back: u32) -> Result<String, CliError> {
    let (plan, _, mut journal) = open(paths, Access::Read)?;
    let today = clock.now().date();
    let last = today
        .checked_sub((i64::from(weeks_back) * 7).days())
        .map_err(|err| CliError::Failure(err.to_string()))?;
    let first = last.checked_sub(6.days()).unwrap_or(last);
    crate::journal::history::load_months(&mut journal, first, last)?;
    let mut text = format!(
        "From {} to {}, newest first:\n",
        spoken_date(first),
        spoken_date(last)
    );
    for back in 0..7 {
        let Ok(date) = last.checked_sub(back.days()) else {
            break;
        };
        let done = match day_counts(&plan, &journal, date) {
            Some((done, of)) => items_done(done, of),
            None => "no care plan that day".to_string(),
        };
        let mut line = format!("{}: {done}", spoken_date(date));
        if let Some(day) = crate::domain::model::Days::day(&journal, date) {
            if let Some(symptoms) = day.symptoms() {
                let _ = write!(
                    line,
                    "; redness {}, swelling {}, pain {}, dryness {}",
                    symptoms.redness.word(),
                    symptoms.swelling.word(),
                    symptoms.pain.word(),
                    symptoms.dryness.word()
                );
            }
            let note = day.note();
            if !note.trim().is_empty() {
                let _ = write!(line, "; note: {}", note.replace('\n', " / "));
            }
        }
        let _ = writeln!(text, "{line}.");
    }
    text.push_str("Say more for the week before.\n");
    Ok(text)
}

/// A date as it reads aloud: "Monday 7 December 2026" (a screen reader spells out
/// "2026-12-07" digit group by digit group).
fn spoken_date(date: Date) -> String {
    date.strftime("%A %-d %B %Y").to_string()
}

/// How many of a day's counted items were done, of how many: the words `today` uses, so a
/// listener compares days in one measure (a share with part-done items would say "1%"
/// for one glass of water). `None` when no plan applied that day.
fn day_counts(plan: &CarePlan, journal: &Journal, date: Date) -> Option<(usize, usize)> {
    let treatment = journal.treatment_for(date)?;
    let items = recovery::day_checklist(plan, treatment, date, journal.day(date));
    let counted: Vec<_> = items.iter().filter(|p| !p.item.as_needed).collect();
    if counted.is_empty() {
        return None;
    }
    Some((counted.iter().filter(|p| p.done()).count(), counted.len()))
}

fn status(paths: &Paths, clock: &dyn Clock) -> Result<Status, CliError> {
    let (plan, _, mut journal) = open(paths, Access::Read)?;
    Ok(Status::at(&plan, &mut journal, &clock.now())?)
}
