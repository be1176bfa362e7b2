//! `aftercare remind`: what is due now, delivered once each — a desktop notification where
//! a notification service is reachable, and always one plain line on stdout.
//!
//! Made to be run every few minutes by the system scheduler (`--install` sets that up).
//! The due-logic is `domain::reminders`; this module gathers its inputs (plan, journal,
//! running timer, settings), remembers what was delivered (`state`), and delivers
//! (`notify`). A run that finds a reminder due long ago (the machine slept, or quiet
//! hours held it back) delivers those together in one summary notification.
//!
//! Without a reachable notification service the lines are still printed, the reminders
//! count as delivered (stdout *is* a delivery: the scheduler's log or cron's mail keeps
//! it), one line on stderr says notifications failed, and the exit code is 0.

pub mod install;
pub mod settings;

use std::fmt::Write as _;

use jiff::ZonedDateTime;
use serde::Serialize;

use crate::domain::alerts;
use crate::domain::reminders::{
    self, DailyAlert, EveningCare, NextSession, Reminder, RestrictionsPassed, Source, TimerEnded,
};
use crate::domain::time::{Clock, Stamp};
use crate::journal::paths::{Paths, ReminderPaths};
use crate::journal::{Month, timer_file};

use super::{Access, CliError, RemindArgs};
use crate::journal::delivered::{Delivered, RunLock};
use crate::notify::{Notifier, NotifyError};
use settings::Settings;

/// What a run prints: `stdout` for the patient or script, and at most one `warning` line
/// for stderr.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    pub stdout: String,
    pub warning: Option<String>,
}

/// `aftercare remind [--json] [--dry-run] | --settings | --set K=V… | --install | --uninstall`.
pub fn run(
    args: &RemindArgs,
    paths: &Paths,
    places: &ReminderPaths,
    clock: &dyn Clock,
    notifier: &mut dyn Notifier,
) -> Result<Output, CliError> {
    if args.settings {
        return show_settings(places);
    }
    if !args.set.is_empty() {
        return set(&args.set, places, &["remind"]);
    }
    if args.install || args.uninstall {
        let scheduler = args.scheduler.unwrap_or_else(install::Scheduler::detect);
        let stdout = if args.install {
            install::install(scheduler, places, paths)?
        } else {
            install::uninstall(scheduler, places, paths)?
        };
        return Ok(Output {
            stdout,
            warning: None,
        });
    }
    deliver(args, paths, places, clock, notifier)
}

/// The `--json` document.
#[derive(Debug, Serialize)]
struct Report<'a> {
    now: Stamp,
    dry_run: bool,
    /// True when quiet hours hold everything back.
    quiet_hours: bool,
    /// How many reminders wait for the end of quiet hours.
    held_back: usize,
    /// Why desktop notifications failed, or `null`.
    notification_error: Option<&'a str>,
    reminders: Vec<ReminderJson>,
}

#[derive(Debug, Serialize)]
struct ReminderJson {
    key: String,
    kind: &'static str,
    due_at: Stamp,
    summary: String,
    body: String,
    line: String,
    /// Due long before this run (asleep, quiet hours): summarised with the others.
    missed: bool,
}

fn deliver(
    args: &RemindArgs,
    paths: &Paths,
    places: &ReminderPaths,
    clock: &dyn Clock,
    notifier: &mut dyn Notifier,
) -> Result<Output, CliError> {
    let settings = Settings::load(&places.settings)?;
    let (plan, _source, mut journal) = super::open(paths, Access::Read)?;
    let timers = if settings.timers {
        timer_file::load(&places.timer())?
    } else {
        Vec::new()
    };
    // Take the lock before reading "now" and the delivered list: a second run waits,
    // then sees what this one delivered.
    let _lock = if args.dry_run {
        None
    } else {
        Some(RunLock::acquire(&places.state_dir)?)
    };
    let now = clock.now();
    let today = now.date();
    journal.load_month(Month::of(today))?;
    let first = alerts::first_date_read(&journal, today);
    crate::journal::history::load_months(&mut journal, first, today)?;
    // Emergency and urgent alerts (a warning sign, a severe score) reach the patient once
    // a day each until the patient resolves them (`aftercare alerts resolve`).
    let urgent: Vec<DailyAlert> = alerts::for_date(&plan, &journal, today)
        .into_iter()
        .filter(|alert| alert.level.stands())
        .map(|alert| DailyAlert {
            id: alert_id(&alert.reason),
            date: today,
            summary: match alert.level {
                alerts::Level::Emergency => alerts::CALL_EMERGENCY,
                _ => alerts::CALL_CLINIC,
            }
            .to_string(),
            body: alert.reason,
        })
        .collect();

    let mut sources: Vec<Box<dyn Source + '_>> = Vec::new();
    if let Some(treatment) = journal.latest_treatment() {
        if settings.restrictions {
            sources.push(Box::new(RestrictionsPassed {
                plan: &plan,
                treatment,
            }));
        }
        if settings.sessions {
            sources.push(Box::new(NextSession {
                plan: &plan,
                treatment,
            }));
        }
    }
    for stored in &timers {
        sources.push(Box::new(TimerEnded {
            timer: &stored.timer,
        }));
    }
    if let (Some(at), Some(treatment)) = (settings.evening, journal.treatment_for(today))
        && crate::domain::recovery::day_number(treatment, today).is_some()
    {
        // As the checklist reads now; as-needed items (the ice pack) are never "still open".
        let checklist: Vec<_> = crate::domain::recovery::checklist(
            &plan,
            treatment,
            today,
            now.timestamp(),
            journal.day(today),
        )
        .into_iter()
        .filter(|item| !item.item.as_needed)
        .collect();
        sources.push(Box::new(EveningCare {
            date: today,
            at,
            open: checklist
                .iter()
                .filter(|item| !item.done())
                .map(|item| item.label().to_string())
                .collect(),
            total: checklist.len(),
        }));
    }
    for alert in urgent {
        sources.push(Box::new(alert));
    }

    let mut delivered = Delivered::load(&places.delivered())?;
    let source_refs: Vec<&dyn Source> = sources.iter().map(|s| s.as_ref() as &dyn Source).collect();
    let decision = reminders::decide(&source_refs, &now, settings.quiet, &|key| {
        delivered.contains(key)
    });
    let due = decision.deliver;

    let notification_error = if args.dry_run {
        None
    } else {
        // As text: the same words go to `--json` and to the stderr line.
        notify_all(&due, &now, notifier)
            .err()
            .map(|err| err.to_string())
    };
    if !args.dry_run && !due.is_empty() {
        let at = Stamp::of(&now);
        for reminder in &due {
            delivered.insert(&reminder.key, at);
        }
        delivered.save(&places.delivered(), now.timestamp())?;
    }

    let stdout = if args.json {
        let report = Report {
            now: Stamp::of(&now),
            dry_run: args.dry_run,
            quiet_hours: decision.held_back > 0,
            held_back: decision.held_back,
            notification_error: notification_error.as_deref(),
            reminders: due
                .iter()
                .map(|reminder| ReminderJson {
                    key: reminder.key.clone(),
                    kind: reminder.kind.name(),
                    due_at: reminders::due_stamp(reminder, &now),
                    summary: reminder.summary.clone(),
                    body: reminder.body.clone(),
                    line: line(reminder, &now),
                    missed: reminder.missed(now.timestamp()),
                })
                .collect(),
        };
        serde_json::to_string_pretty(&report).expect("a report always serialises") + "\n"
    } else {
        let mut text: String = due
            .iter()
            .map(|reminder| line(reminder, &now) + "\n")
            .collect();
        if args.dry_run {
            if decision.held_back > 0 {
                let _ = writeln!(
                    text,
                    "Quiet hours ({}): {} reminder(s) wait until they end.",
                    settings.get("quiet"),
                    decision.held_back
                );
            } else if due.is_empty() {
                text.push_str("Nothing due now.\n");
            }
        }
        text
    };
    Ok(Output {
        stdout,
        warning: notification_error.map(|err| {
            format!("no desktop notification ({err}); the reminders are printed here only")
        }),
    })
}

/// The stdout line of one reminder; a missed one says when it was due.
fn line(reminder: &Reminder, now: &ZonedDateTime) -> String {
    let mut text = clean(&reminder.line());
    if reminder.missed(now.timestamp()) {
        let _ = write!(
            text,
            " (missed, due {})",
            reminders::due_in_words(reminder, now, settings::clock_here())
        );
    }
    text
}

/// Shows each fresh reminder on its own, and the missed ones together when there are
/// several (after a night asleep, one notification, not six). The first failure stops
/// the rest: a missing service will not appear between two calls.
fn notify_all(
    due: &[Reminder],
    now: &ZonedDateTime,
    notifier: &mut dyn Notifier,
) -> Result<(), NotifyError> {
    let (missed, fresh): (Vec<&Reminder>, Vec<&Reminder>) =
        due.iter().partition(|r| r.missed(now.timestamp()));
    if missed.len() >= 2 {
        let body: Vec<String> = missed.iter().map(|r| line(r, now)).collect();
        notifier.notify(
            &format!("While you were away: {} reminders", missed.len()),
            &body.join("\n"),
        )?;
    } else {
        for reminder in &missed {
            notifier.notify(&clean(&reminder.summary), &line_body(reminder, now))?;
        }
    }
    for reminder in fresh {
        notifier.notify(&clean(&reminder.summary), &clean(&reminder.body))?;
    }
    Ok(())
}

fn line_body(reminder: &Reminder, now: &ZonedDateTime) -> String {
    format!(
        "{} (due {})",
        clean(&reminder.body),
        reminders::due_in_words(reminder, now, settings::clock_here())
    )
}

/// Plan labels are the patient's text: no terminal escapes reach a terminal or a log.
fn clean(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

/// The settings, each with what it is for; `auto` with what the locale makes of it.
pub(crate) fn show_settings(places: &ReminderPaths) -> Result<Output, CliError> {
    let settings = Settings::load(&places.settings)?;
    let exists = places.settings.exists();
    let locale = settings::locale_name();
    let conventions = settings.conventions(locale.as_deref());
    let mut text = format!(
        "Settings ({}{}):\n",
        places.settings.display(),
        if exists {
            ""
        } else {
            ", not written yet: the defaults"
        }
    );
    let shown = |key: &str| {
        let value = settings.get(key);
        let resolved = match key {
            "week-start" => conventions.week_start.name(),
            "clock" => conventions.clock.name(),
            _ => return value,
        };
        if value == "auto" {
            let from = locale.as_deref().unwrap_or("no locale set");
            format!("auto: {resolved} ({from})")
        } else {
            value
        }
    };
    text.push_str(&super::aligned_rows(
        settings::KEYS
            .iter()
            .map(|(key, what)| [key.to_string(), shown(key), what.to_string()]),
    ));
    text.push_str("Change one with: aftercare settings set evening=19:30 week-start=sunday\n");
    Ok(Output {
        stdout: text,
        warning: settings.warning(),
    })
}

/// `--set`: read, changed and saved under the settings file's lock, so that two at once
/// each keep the other's change.
/// `command` is the subcommand that asked (`remind`, or `settings set`), for its usage.
pub(crate) fn set(
    pairs: &[String],
    places: &ReminderPaths,
    command: &[&'static str],
) -> Result<Output, CliError> {
    crate::journal::update_locked(&places.settings, || set_locked(pairs, places, command))
}

fn set_locked(
    pairs: &[String],
    places: &ReminderPaths,
    command: &[&'static str],
) -> Result<Output, CliError> {
    let usage = |message: String| CliError::usage(command, message);
    let mut settings = Settings::load(&places.settings)?;
    let mut text = String::new();
    for pair in pairs {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| usage(format!("{pair:?} is not KEY=VALUE, like evening=19:30")))?;
        settings
            .set(key, value)
            .map_err(|err| usage(err.to_string()))?;
        let key = key.trim();
        let _ = writeln!(text, "{key} = {}", settings.get(key));
    }
    settings.save(&places.settings)?;
    let _ = writeln!(text, "Saved in {}", places.settings.display());
    Ok(Output {
        stdout: text,
        warning: settings.warning(),
    })
}

/// A stable name for an urgent alert, from its reason: letters and digits, dashes between.
fn alert_id(reason: &str) -> String {
    let mut id = String::from("urgent");
    for word in reason
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        id.push('-');
        id.push_str(&word.to_ascii_lowercase());
    }
    id
}
