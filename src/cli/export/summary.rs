//! What the reports say about a stretch of days, computed once for every format: the care
//! of each day as a count of daily items done, and each item over the whole stretch.
//!
//! Why counts rather than the app's adherence mean: a report reader sees "75% (6 of 8)"
//! and checks it, so the percentage is the count's, never a mean of partial items. And
//! reminders (avoid items) and as-needed items (ice packs) are not in the count at all:
//! not ticking "don't pick at your skin" or not needing ice is not a failure.

use jiff::civil::Date;

use crate::domain::model::Treatment;
use crate::domain::plan::{CarePlan, ItemKind};

use super::{DayRow, History};

/// How an item is read in a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemClass {
    /// Something to do every day it applies (a check, a counted target): "12 of 14 days".
    Daily,
    /// A reminder to keep away from something: ticking it is optional, never a failure.
    Reminder,
    /// Done when needed (ice packs, tip 7: "if your skin feels particularly sensitive").
    AsNeeded,
    /// Ticked on a day the plan did not ask for it (or an item no longer in the plan).
    Extra,
}

impl ItemClass {
    /// The class of a plan item's kind; `None` (not in the plan that day) is extra.
    pub fn of(kind: Option<ItemKind>) -> ItemClass {
        match kind {
            Some(ItemKind::Check | ItemKind::Counted { .. }) => ItemClass::Daily,
            Some(ItemKind::Avoid) => ItemClass::Reminder,
            Some(ItemKind::Timed { .. }) => ItemClass::AsNeeded,
            None => ItemClass::Extra,
        }
    }

    /// The CSV's `kind` column.
    pub fn name(self) -> &'static str {
        match self {
            ItemClass::Daily => "daily",
            ItemClass::Reminder => "reminder",
            ItemClass::AsNeeded => "as-needed",
            ItemClass::Extra => "extra",
        }
    }
}

/// The daily items of one day: how many were done of how many planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayCare {
    pub done: u32,
    pub planned: u32,
}

impl DayCare {
    /// The day's daily items; `None` when none applied (nothing to score).
    pub fn of(row: &DayRow) -> Option<DayCare> {
        let daily = row
            .items
            .iter()
            .filter(|item| item.class() == ItemClass::Daily);
        let (mut done, mut planned) = (0, 0);
        for item in daily {
            planned += 1;
            done += u32::from(item.complete() == Some(true));
        }
        (planned > 0).then_some(DayCare { done, planned })
    }

    /// Done over planned, 0.0 to 1.0.
    pub fn fraction(self) -> f64 {
        f64::from(self.done) / f64::from(self.planned.max(1))
    }

    /// "75% (6 of 8)": the percentage is the count's (see [`percent`]).
    pub fn words(self) -> String {
        format!(
            "{}% ({} of {})",
            percent(self.done, self.planned),
            self.done,
            self.planned
        )
    }
}

/// `done` of `of` as a whole percentage, rounded to the nearest (half up: 4 of 6 is 67%,
/// never 66%), except at the ends, which say something a reader acts on: 100% only when
/// all was done (199 of 200 is 99%), 0% only when nothing was (1 of 200 is 1%). Every
/// percentage in the reports comes from here, so the same count always reads the same.
pub fn percent(done: u32, of: u32) -> u32 {
    if of == 0 || done == 0 {
        return 0;
    }
    if done >= of {
        return 100;
    }
    let (done, of) = (u64::from(done), u64::from(of));
    let nearest = (done * 200 + of) / (of * 2);
    u32::try_from(nearest.clamp(1, 99)).unwrap_or(99)
}

/// One item over a stretch of days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemSummary {
    pub id: String,
    pub label: String,
    pub class: ItemClass,
    /// Days the plan asked for it (for extra items: days it was ticked).
    pub days_planned: u32,
    /// Days its target was met (daily), kept to (reminder) or used (as needed, extra).
    pub days_done: u32,
    /// Ticks over the stretch (sessions, glasses).
    pub total: u32,
    /// The daily target of a counted or timed item (glasses, sessions); 1 otherwise.
    pub target: u32,
    /// Days it was also ticked outside the plan's days (sunscreen on the treatment day).
    pub extra_days: u32,
}

impl ItemSummary {
    /// One line a reader takes in at once, never worded as a failure for reminders or
    /// as-needed items.
    pub fn words(&self) -> String {
        let mut text = self.main_words();
        if self.extra_days > 0 {
            let days = if self.extra_days == 1 { "day" } else { "days" };
            text.push_str(&format!(
                "; also on {} {days} outside the plan's days",
                self.extra_days
            ));
        }
        text
    }

    fn main_words(&self) -> String {
        let (done, of) = (self.days_done, self.days_planned);
        let days = |n: u32| if n == 1 { "day" } else { "days" };
        match self.class {
            ItemClass::Daily if self.target > 1 => {
                format!("{done} of {of} {} with all {}", days(of), self.target)
            }
            ItemClass::Daily => format!("{done} of {of} {}", days(of)),
            ItemClass::Reminder if done == 0 => {
                format!("reminder for {of} {} (not ticked; not scored)", days(of))
            }
            ItemClass::Reminder => format!(
                "reminder for {of} {}, marked as kept on {done} (not scored)",
                days(of)
            ),
            ItemClass::AsNeeded if done == 0 => {
                format!("as needed, on {of} {}: not used", days(of))
            }
            ItemClass::AsNeeded => format!(
                "as needed, on {of} {}: used on {done} ({} session{})",
                days(of),
                self.total,
                if self.total == 1 { "" } else { "s" }
            ),
            ItemClass::Extra => format!(
                "outside the plan's days: {} time{} on {done} {}",
                self.total,
                if self.total == 1 { "" } else { "s" },
                days(done)
            ),
        }
    }
}

/// Every item the plan asked for in `days`, in the plan's order, with the days it was also
/// ticked outside its plan days; then any item ticked only outside them (one the plan no
/// longer has).
pub fn item_summaries(plan: &CarePlan, days: &[DayRow]) -> Vec<ItemSummary> {
    let mut summaries: Vec<ItemSummary> = Vec::new();
    let planned = days
        .iter()
        .flat_map(|row| &row.items)
        .filter(|i| i.target.is_some());
    let unplanned = days
        .iter()
        .flat_map(|row| &row.items)
        .filter(|i| i.target.is_none());
    for item in planned.chain(unplanned) {
        let class = item.class();
        if class == ItemClass::Extra
            && let Some(summary) = summaries
                .iter_mut()
                .find(|s| s.id == item.id && s.class != ItemClass::Extra)
        {
            summary.extra_days += 1;
            continue;
        }
        let index = summaries
            .iter()
            .position(|s| {
                s.id == item.id && (s.class == ItemClass::Extra) == (class == ItemClass::Extra)
            })
            .unwrap_or_else(|| {
                summaries.push(ItemSummary {
                    id: item.id.clone(),
                    label: item.label.clone(),
                    class,
                    days_planned: 0,
                    days_done: 0,
                    total: 0,
                    target: item.target.unwrap_or(1),
                    extra_days: 0,
                });
                summaries.len() - 1
            });
        let summary = &mut summaries[index];
        summary.days_planned += 1;
        summary.total += item.count;
        let done = match class {
            ItemClass::Daily => item.complete() == Some(true),
            _ => item.count > 0,
        };
        summary.days_done += u32::from(done);
    }
    let position = |s: &ItemSummary| {
        let index = plan.items.iter().position(|item| item.id == s.id);
        (s.class == ItemClass::Extra, index.unwrap_or(usize::MAX))
    };
    summaries.sort_by_key(position);
    summaries
}

/// The days of one treatment (or before the first one), as the reports lay them out.
#[derive(Debug, Clone, Copy)]
pub struct Section<'a> {
    /// Index into [`History::treatments`]; `None` for the days before the first one.
    pub index: Option<usize>,
    pub treatment: Option<&'a Treatment>,
    pub days: &'a [DayRow],
}

impl Section<'_> {
    /// "Treatment 2 of 3", or "Before the first treatment".
    pub fn heading(&self, history: &History) -> String {
        match self.index {
            Some(index) => format!("Treatment {} of {}", index + 1, history.treatments.len()),
            None => "Before the first treatment".to_string(),
        }
    }

    /// The first and last day shown.
    pub fn span(&self) -> (Date, Date) {
        (self.days[0].date, self.days[self.days.len() - 1].date)
    }

    /// "2027-03-14 to 2027-04-13", or the one date; with the daily care done, if any.
    pub fn span_words(&self) -> String {
        let (first, last) = self.span();
        let mut text = if first == last {
            first.to_string()
        } else {
            format!("{first} to {last}")
        };
        if let Some(care) = self.care() {
            text.push_str(&format!(" · daily care done: {}", care.words()));
        }
        text
    }

    /// The care of the section's days that had daily items, summed.
    pub fn care(&self) -> Option<DayCare> {
        self.days
            .iter()
            .filter_map(DayCare::of)
            .reduce(|a, b| DayCare {
                done: a.done + b.done,
                planned: a.planned + b.planned,
            })
    }
}

/// The history cut into one section per treatment, oldest first (days are sorted, and each
/// day follows the latest treatment on or before it, so a treatment's days are contiguous).
pub fn sections(history: &History) -> Vec<Section<'_>> {
    history
        .days
        .chunk_by(|a, b| a.treatment == b.treatment)
        .map(|days| Section {
            index: days[0].treatment,
            treatment: days[0].treatment.and_then(|i| history.treatments.get(i)),
            days,
        })
        .collect()
}

/// A treatment as a report heading reads it: "2027-03-14 09:30 · face" (or "9:30 AM" in
/// the 12-hour clock), in the report's time zone like every other time in it (no UTC
/// offset: the reader does not need it).
pub fn treatment_line(treatment: &Treatment, history: &History) -> String {
    let zone = history.generated.time_zone();
    let mut text = history
        .clock
        .date_time(zone.to_datetime(treatment.at.instant));
    if !treatment.area.trim().is_empty() {
        text.push_str(" · ");
        text.push_str(treatment.area.trim());
    }
    text
}

/// One way the plan in force differs from aftercare's built-in plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanChange {
    /// The entry's label as the plan in force has it.
    pub entry: String,
    /// "24 h → 48 h (2 d)", "turned off", "added: 2 a day, days 0–7".
    pub change: String,
    /// Who made it: "the patient" (their plan, from their clinic's instructions), or "the
    /// procedure: …" with the source of its numbers.
    pub by: String,
}

/// Every change from the built-in plan in force over the report: the patient's (in their
/// plan file), then those of each procedure recorded in the report, on the entries the
/// patient left alone (the patient's change wins, as in the plan itself).
pub fn plan_changes(history: &History) -> Vec<PlanChange> {
    use crate::cli::plan::text::{change_rows, variant_rows};
    let builtin = crate::journal::builtin_plan();
    let row = |[_, entry, change]: [String; 3], by: String| PlanChange { entry, change, by };
    let mut changes: Vec<PlanChange> = change_rows(builtin, &history.plan)
        .into_iter()
        .map(|r| row(r, "the patient".to_string()))
        .collect();
    let mut procedures: Vec<_> = Vec::new();
    for treatment in &history.treatments {
        if !treatment.procedure.is_standard() && !procedures.contains(&treatment.procedure) {
            procedures.push(treatment.procedure);
        }
    }
    for procedure in procedures {
        let variant = history.plan.for_procedure(procedure);
        for r in variant_rows(&history.plan, variant) {
            let origin = variant
                .item(&r[0])
                .map(|i| &i.origin)
                .or_else(|| variant.restriction(&r[0]).map(|r| &r.origin))
                .unwrap_or(&variant.next_session_origin);
            let by = format!("the procedure: {}; {}", procedure.label(), origin.short());
            changes.push(row(r, by));
        }
    }
    changes
}

/// Which plan was in force, in words that name no file (a report leaves the computer).
pub fn plan_words(source: &crate::domain::plan::PlanSource) -> &'static str {
    match source {
        crate::domain::plan::PlanSource::BuiltIn => "aftercare's built-in default plan",
        crate::domain::plan::PlanSource::Changes(_) => {
            "aftercare's built-in plan with the patient's changes"
        }
        crate::domain::plan::PlanSource::Replace(_) => "the patient's own care plan",
    }
}

/// The report's title: "Recovery report", or "Recovery report: NAME" with `--name`.
pub fn title(history: &History) -> String {
    match history.name.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => format!("Recovery report: {name}"),
        _ => "Recovery report".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::export::ItemRow;

    fn item(id: &str, kind: ItemKind, count: u32) -> ItemRow {
        ItemRow {
            id: id.into(),
            label: id.into(),
            kind: Some(kind),
            as_needed: matches!(kind, ItemKind::Timed { .. }),
            count,
            target: Some(kind.target()),
        }
    }

    fn day(items: Vec<ItemRow>) -> DayRow {
        DayRow {
            date: jiff::civil::date(2027, 3, 14),
            treatment: Some(0),
            day: Some(0),
            items,
            adherence: None,
            symptoms: None,
            note: String::new(),
            photos: Vec::new(),
        }
    }

    #[test]
    fn reminders_and_as_needed_items_are_left_out_of_the_day_count() {
        let row = day(vec![
            item("water", ItemKind::Counted { target: 8 }, 8),
            item("sunscreen", ItemKind::Check, 0),
            item("no-touch", ItemKind::Avoid, 0),
            item(
                "ice",
                ItemKind::Timed {
                    minutes: 12,
                    sessions: 3,
                },
                0,
            ),
        ]);
        let care = DayCare::of(&row).unwrap();
        assert_eq!(
            care,
            DayCare {
                done: 1,
                planned: 2
            }
        );
        assert_eq!(care.words(), "50% (1 of 2)");
    }

    #[test]
    fn percentage_and_count_agree_and_never_round_up_to_all() {
        let care = DayCare {
            done: 7,
            planned: 8,
        };
        assert_eq!(care.words(), "88% (7 of 8)");
        assert_eq!(
            DayCare {
                done: 0,
                planned: 8
            }
            .words(),
            "0% (0 of 8)"
        );
        assert_eq!(
            DayCare {
                done: 199,
                planned: 200
            }
            .words(),
            "99% (199 of 200)"
        );
    }

    #[test]
    fn percentages_are_rounded_honestly_from_their_counts() {
        assert_eq!(percent(4, 6), 67, "4 of 6 is 66.7%: 67, never 66");
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 2), 50);
        assert_eq!(percent(1, 200), 1, "something done never reads 0%");
        assert_eq!(percent(199, 200), 99, "something missed never reads 100%");
        assert_eq!(percent(0, 200), 0);
        assert_eq!(percent(200, 200), 100);
        assert_eq!(percent(0, 0), 0, "nothing planned");
        assert_eq!(
            DayCare {
                done: 4,
                planned: 6
            }
            .words(),
            "67% (4 of 6)"
        );
    }

    #[test]
    fn item_summaries_word_reminders_and_as_needed_items_as_such() {
        let timed = ItemKind::Timed {
            minutes: 12,
            sessions: 3,
        };
        let days = vec![
            day(vec![
                item("sunscreen", ItemKind::Check, 1),
                item("no-touch", ItemKind::Avoid, 0),
                item("ice", timed, 2),
            ]),
            day(vec![
                item("sunscreen", ItemKind::Check, 0),
                item("no-touch", ItemKind::Avoid, 1),
                item("ice", timed, 0),
            ]),
        ];
        let words: Vec<String> = item_summaries(crate::journal::builtin_plan(), &days)
            .iter()
            .map(ItemSummary::words)
            .collect();
        assert_eq!(
            words,
            [
                "1 of 2 days",
                "as needed, on 2 days: used on 1 (2 sessions)",
                "reminder for 2 days, marked as kept on 1 (not scored)",
            ]
        );
        let none = item_summaries(
            crate::journal::builtin_plan(),
            &days[..1]
                .iter()
                .map(|d| {
                    let mut d = d.clone();
                    d.items.iter_mut().for_each(|i| i.count = 0);
                    d
                })
                .collect::<Vec<_>>(),
        );
        for summary in &none[1..] {
            let text = summary.words();
            assert!(!text.contains(" of "), "never a score: {text}");
        }
    }
}
