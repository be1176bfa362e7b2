//! `aftercare status`: where the patient stands right now, as text, one prompt line, or
//! JSON for scripts.
//!
//! The JSON fields are a promise to scripts (documented in the README): add fields, never
//! rename or remove one.

use std::fmt::Write as _;

use jiff::ZonedDateTime;
use jiff::civil::Date;
use serde::Serialize;

use crate::domain::alerts::{self, Alert, Level};
use crate::domain::conventions::ClockStyle;
use crate::domain::plan::{CarePlan, PlanSource};
use crate::domain::recovery::{self, ItemProgress, format_left};
use crate::domain::schedule;
use crate::domain::time::{Clock, Stamp};
use crate::journal::error::FileError;
use crate::journal::paths::Paths;
use crate::journal::{Journal, Month};

use super::{CliError, StatusArgs, aligned_rows};
use crate::domain::plan::before_session::{self, ToTell};

/// Today at a glance; serialised as the `status --json` document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Status {
    /// Today's local date, `YYYY-MM-DD`.
    pub date: Date,
    /// Days since the treatment (0 on its day); `null` before any treatment.
    pub day: Option<u32>,
    /// The treatment the day count and restrictions run from (RFC 3339), or `null`.
    pub treatment_at: Option<Stamp>,
    /// That treatment's procedure ("standard", "prp", "rf", "at-home", "body"), whose plan
    /// the items and restrictions follow; `null` before any treatment.
    pub procedure: Option<crate::domain::model::Procedure>,
    /// Share of today's plan done, 0.0 to 1.0; `null` when no item applies today.
    pub adherence: Option<f64>,
    pub items: Vec<ItemStatus>,
    pub restrictions: Vec<RestrictionStatus>,
    /// Items that join today's list later today, once a restriction lifts.
    pub later: Vec<LaterItem>,
    /// What the patient should hear about today, most urgent first: `level` "urgent" (call
    /// the clinic today) or "watch", `reason`, `text`. Empty when all is as expected.
    pub alerts: Vec<Alert>,
    /// What to tell the clinic before the next session (`text`, `sources`: ids in `aftercare
    /// plan --json`'s sources, none for our default): from a week before the next-session
    /// window opens until it closes; empty otherwise.
    pub tell_the_clinic: Vec<ToTell>,
    /// Today's ticks of items no longer in the plan: kept, shown, counted for nothing.
    #[serde(skip)]
    pub former: Vec<recovery::FormerTicks>,
}

/// One of today's care items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemStatus {
    pub id: String,
    pub label: String,
    /// How many times it was done today.
    pub done: u32,
    /// How many times a day it should be done.
    pub target: u32,
    /// `done >= target`.
    pub complete: bool,
    /// Done only when needed (the ice pack): not counted in `adherence`.
    pub as_needed: bool,
}

/// An item that starts later today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LaterItem {
    pub id: String,
    pub label: String,
    /// When it starts, RFC 3339 in the local offset.
    pub starts_at: Stamp,
}

/// One restriction of the plan, measured from the treatment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestrictionStatus {
    pub id: String,
    pub label: String,
    /// When it lifts, RFC 3339 in the local offset.
    pub ends_at: Stamp,
    pub lifted: bool,
    /// Whole seconds still to wait; 0 once lifted.
    pub seconds_left: i64,
}

impl Status {
    /// The status at `now`, reading today's month of the journal.
    pub fn at(
        plan: &CarePlan,
        journal: &mut Journal,
        now: &ZonedDateTime,
    ) -> Result<Status, FileError> {
        let date = now.date();
        journal.load_month(Month::of(date))?;
        let first = alerts::first_date_read(journal, date);
        crate::journal::history::load_months(journal, first, date)?;
        let alerts = alerts::for_date(plan, journal, date);
        let Some(treatment) = recovery::treatment_on(journal.treatments(), date, now) else {
            return Ok(Status {
                date,
                day: None,
                treatment_at: None,
                procedure: None,
                adherence: None,
                items: Vec::new(),
                restrictions: Vec::new(),
                later: Vec::new(),
                tell_the_clinic: Vec::new(),
                alerts,
                former: recovery::former_ticks(plan, journal.day(date)),
            });
        };
        let day = recovery::day_number_on(treatment, date, now);
        let checklist =
            recovery::checklist(plan, treatment, date, now.timestamp(), journal.day(date));
        let restrictions = recovery::restrictions_at(plan, treatment, now.timestamp())
            .iter()
            .map(|status| RestrictionStatus {
                id: status.restriction.id.clone(),
                label: status.restriction.label.clone(),
                ends_at: Stamp::of(&status.ends_at.to_zoned_datetime(now.time_zone().clone())),
                lifted: status.lifted(),
                seconds_left: status.left.as_secs().max(0),
            })
            .collect();
        Ok(Status {
            date,
            day,
            // In now's zone, like the restriction ends: one clock for every time shown.
            treatment_at: Some(Stamp::of(&treatment.at.in_zone(now.time_zone()))),
            procedure: Some(treatment.procedure),
            adherence: recovery::adherence(&checklist),
            items: checklist.iter().map(ItemStatus::of).collect(),
            restrictions,
            later: schedule::later_on_day(plan, treatment, date, now.timestamp())
                .into_iter()
                .map(|(item, starts)| LaterItem {
                    id: item.id.clone(),
                    label: item.label.clone(),
                    starts_at: Stamp::of(&starts.to_zoned_datetime(now.time_zone().clone())),
                })
                .collect(),
            tell_the_clinic: if before_session::is_time(plan, treatment, date) {
                before_session::to_tell()
            } else {
                Vec::new()
            },
            alerts,
            former: recovery::former_ticks(plan, journal.day(date)),
        })
    }

    /// How many of today's items that count (not as-needed ones) are complete.
    pub fn complete_count(&self) -> usize {
        self.counted().filter(|item| item.complete).count()
    }

    /// Today's items that count towards adherence.
    fn counted(&self) -> impl Iterator<Item = &ItemStatus> {
        self.items.iter().filter(|item| !item.as_needed)
    }

    /// The alerts as lines of text (see `alerts::text`), then a blank line.
    fn alerts_text(&self) -> String {
        let mut text = alerts_text(&self.alerts, AlertVoice::Shell);
        if !text.is_empty() {
            text.push('\n');
        }
        text
    }

    /// The text for people: the day, today's checklist with ids (to type with `tick`), and
    /// every restriction with the time left.
    pub fn to_text(&self, source: &PlanSource, clock: ClockStyle) -> String {
        let mut text = String::new();
        let heading = match self.day {
            Some(0) => "Day 0 · treatment day".to_string(),
            Some(n) => format!("Day {n} after treatment"),
            None => "No treatment recorded yet".to_string(),
        };
        let _ = writeln!(text, "{heading} · {}", self.date);
        text.push_str(&self.alerts_text());
        let Some(at) = self.treatment_at else {
            text.push_str("Record one with: aftercare treatment add --at \"YYYY-MM-DD HH:MM\"\n");
            return text;
        };
        let procedure = self.procedure.unwrap_or_default();
        let _ = writeln!(
            text,
            "Treatment: {} · {} · plan: {source}",
            clock.date_time(at.local()),
            procedure.label()
        );
        text.push('\n');
        if self.items.is_empty() {
            text.push_str("No care items today: the plan's daily care is over.\n");
            text.push_str("Sunscreen (tip 3): keep using it daily outdoors.\n");
        } else {
            let _ = writeln!(
                text,
                "Today's care: {}",
                crate::domain::adherence::care_summary(
                    self.complete_count(),
                    self.counted().count(),
                    self.adherence.unwrap_or(0.0)
                )
            );
            text.push_str(&aligned_rows(self.items.iter().map(|item| {
                let mark = if item.complete { "x" } else { " " };
                let progress = if item.as_needed {
                    format!("{}/{} (as needed)", item.done, item.target)
                } else {
                    format!("{}/{}", item.done, item.target)
                };
                [
                    format!("[{mark}] {}", item.id),
                    item.label.clone(),
                    progress,
                ]
            })));
        }
        if !self.later.is_empty() {
            let later: Vec<String> = self
                .later
                .iter()
                .map(|l| format!("{} from {}", l.id, clock.time(l.starts_at.local().time())))
                .collect();
            let _ = writeln!(
                text,
                "Later today, once a restriction lifts: {}",
                later.join(", ")
            );
        }
        if !self.former.is_empty() {
            text.push_str("Also ticked today, kept but counting for nothing:\n");
            text.push_str(&aligned_rows(self.former.iter().map(|former| {
                [
                    format!("    {}", former.id),
                    format!("{} ×{}", former.label, former.count),
                    former.why().to_string(),
                ]
            })));
        }
        text.push_str("\nRestrictions (at least this long; ask your clinic if unsure):\n");
        text.push_str(&aligned_rows(self.restrictions.iter().map(|restriction| {
            let state = if restriction.lifted {
                "minimum time passed".to_string()
            } else {
                format!(
                    "{} left (until {})",
                    format_left(jiff::SignedDuration::from_secs(restriction.seconds_left)),
                    clock.date_time(restriction.ends_at.local())
                )
            };
            [restriction.id.clone(), restriction.label.clone(), state]
        })));
        if !self.tell_the_clinic.is_empty() {
            text.push_str("\nBefore your next session, tell your clinic (they decide):\n");
            for item in &self.tell_the_clinic {
                let from = if item.sources.is_empty() {
                    "our default".to_string()
                } else {
                    item.sources.join(", ")
                };
                let _ = writeln!(text, "  - {} [{from}]", item.text);
            }
        }
        text
    }

    /// One line for a shell prompt: `day 3 · 5/9 care · makeup 4h12m` (the restriction that
    /// lifts next; none once all are lifted).
    pub fn to_short(&self) -> String {
        let emergency = self.alerts.iter().any(|a| a.level == Level::Emergency);
        let urgent = self.alerts.iter().any(|a| a.level == Level::Urgent);
        let Some(day) = self.day else {
            return "no treatment yet\n".to_string();
        };
        let mut parts = Vec::new();
        if emergency {
            parts.push("CALL YOUR LOCAL EMERGENCY NUMBER NOW".to_string());
        }
        if urgent {
            parts.push("call your clinic today".to_string());
        }
        parts.push(format!("day {day}"));
        if self.counted().next().is_some() {
            parts.push(format!(
                "{}/{} care",
                self.complete_count(),
                self.counted().count()
            ));
        }
        let next = self
            .restrictions
            .iter()
            .filter(|r| !r.lifted)
            .min_by_key(|r| r.seconds_left);
        if let Some(next) = next {
            let left = format_left(jiff::SignedDuration::from_secs(next.seconds_left));
            parts.push(format!("{} {}", next.id, left.replace(' ', "")));
        }
        parts.join(" · ") + "\n"
    }

    /// The `--json` document, pretty-printed.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a status always serialises") + "\n"
    }
}

impl ItemStatus {
    fn of(progress: &ItemProgress<'_>) -> ItemStatus {
        ItemStatus {
            id: progress.item.id.clone(),
            label: progress.label().to_string(),
            done: progress.count,
            target: progress.target(),
            complete: progress.done(),
            as_needed: progress.item.as_needed,
        }
    }
}

/// `aftercare status [--json | --short]`.
pub(super) fn run(args: &StatusArgs, paths: &Paths, clock: &dyn Clock) -> Result<String, CliError> {
    let (plan, source, mut journal) = super::open(paths, super::Access::Read)?;
    let status = Status::at(&plan, &mut journal, &clock.now())?;
    Ok(if args.json {
        status.to_json()
    } else if args.short {
        status.to_short()
    } else {
        status.to_text(&source, super::remind::settings::clock_here())
    })
}

/// Who reads the alert lines: someone at a terminal, who scans for marks and types
/// commands, or a listener (the plain mode), who hears every mark read aloud and answers
/// in the conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AlertVoice {
    Shell,
    Spoken,
}

impl AlertVoice {
    /// What stands before a level's heading or line.
    fn mark(self, level: Level) -> &'static str {
        match (self, level) {
            (AlertVoice::Shell, Level::Emergency) => "!!!",
            (AlertVoice::Shell, Level::Urgent) => "!!",
            (AlertVoice::Shell, Level::Watch) => "! ",
            (AlertVoice::Spoken, Level::Emergency) => "Emergency.",
            (AlertVoice::Spoken, Level::Urgent) => "Urgent.",
            (AlertVoice::Spoken, Level::Watch) => "To watch:",
        }
    }

    /// How to say an alert was dealt with.
    fn how_to_resolve(self) -> &'static str {
        match self {
            AlertVoice::Shell => {
                "   Dealt with? `aftercare alerts resolve --called` (you called) or `--gone`.\n"
            }
            AlertVoice::Spoken => {
                "Dealt with? Say resolved called (you called) or resolved gone.\n"
            }
        }
    }
}

/// The standing alerts as lines of text, most urgent first: the emergency above all under
/// "call your local emergency number now", the urgent ones under "call your clinic", each
/// with the day it was first logged; then the watch notes.
pub(crate) fn alerts_text(found: &[Alert], voice: AlertVoice) -> String {
    let mut text = String::new();
    for (level, call) in [
        (Level::Emergency, alerts::CALL_EMERGENCY),
        (Level::Urgent, alerts::CALL_CLINIC),
    ] {
        let these: Vec<&Alert> = found.iter().filter(|a| a.level == level).collect();
        if these.is_empty() {
            continue;
        }
        let _ = writeln!(text, "{} {call}:", voice.mark(level));
        for alert in these {
            let since = alert
                .since
                .map(|date| format!(" · since {date}"))
                .unwrap_or_default();
            let _ = writeln!(text, "   - {}{since}", alert.reason);
        }
    }
    if found.iter().any(|a| a.level.stands()) {
        text.push_str(voice.how_to_resolve());
    }
    for alert in found.iter().filter(|a| a.level == Level::Watch) {
        let _ = writeln!(text, "{} {}", voice.mark(Level::Watch), alert.text);
    }
    text
}
