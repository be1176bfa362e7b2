//! The History screen's state and how it changes: the calendar cursor, the selected
//! treatment, the edit and confirm dialogs, and the figures computed for drawing.
//!
//! `App::update` hands every action on this screen to [`HistoryView::update`], with the
//! plan and journal it needs ([`Context`]); the view changes itself and returns [`Effect`]s for what is
//! the app's (the status line, another screen). It never sees `App`. Figures that need the
//! journal's files (month summaries, streaks) are computed here, in the update, because
//! drawing must not load anything.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::domain::adherence::{self, MonthSummary};
use crate::domain::conventions::ClockStyle;
use crate::journal::care;
use crate::journal::history::AdherenceCache;
use crate::journal::{Month, Treatment};
use crate::tui::action::Action;
pub use crate::tui::action::HistoryAction;
use crate::tui::forms::treatment::TreatmentForm;
pub use crate::tui::state::Change;
use crate::tui::state::Overlay;
use crate::tui::view::{Context, Effect, Status};

/// Streaks of fully-done days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Streaks {
    /// Ending today (or yesterday, while today is under way).
    pub current: u32,
    /// The longest in the recovery of the selected treatment.
    pub best: u32,
}

/// The state of the History screen.
#[derive(Debug, Clone)]
pub struct HistoryView {
    /// The day selected in the calendar.
    pub cursor: Date,
    /// The treatment whose symptoms, streak and details are shown (index, oldest first).
    pub treatment: usize,
    /// The cursor's month, `None` if its file could not be read.
    pub month: Option<MonthSummary>,
    pub streaks: Streaks,
    /// The days of the selected treatment's recovery, loaded for the symptom chart.
    pub period: Option<(Date, Date)>,
    /// The calendar's first day of the week (the patient's setting or locale).
    pub week_start: crate::domain::conventions::WeekStart,
    cache: AdherenceCache,
}

impl HistoryView {
    pub fn new(cursor: Date) -> HistoryView {
        HistoryView {
            cursor,
            treatment: 0,
            month: None,
            streaks: Streaks::default(),
            period: None,
            week_start: crate::domain::conventions::WeekStart::Monday,
            cache: AdherenceCache::default(),
        }
    }
}

impl HistoryView {
    /// Tab from Today: opens on `date`, the day the Today screen showed.
    pub fn open(&mut self, cx: &mut Context<'_>, date: Date) -> Vec<Effect> {
        // The patient may have ticked on the Today screen: recount.
        self.cache.clear();
        self.move_cursor(cx, date);
        let mut effects = Vec::new();
        self.refresh(cx, &mut effects);
        effects
    }

    /// Midnight passed while the screen was open: streaks and the "today" mark move on.
    pub fn day_changed(&mut self, cx: &mut Context<'_>) -> Vec<Effect> {
        self.cache.clear();
        let mut effects = Vec::new();
        self.refresh(cx, &mut effects);
        effects
    }

    /// The journal changed on disk while the screen was open (the shell, another device):
    /// recount what is shown.
    pub fn journal_changed(&mut self, cx: &mut Context<'_>) -> Vec<Effect> {
        self.day_changed(cx)
    }

    /// Every action on the History screen, and in its dialogs (`overlay`, the app's, which
    /// this screen opens, changes and closes: [`Overlay::EditTreatment`] and
    /// [`Overlay::Confirm`]; any other overlay is left alone).
    pub fn update(
        &mut self,
        cx: &mut Context<'_>,
        overlay: &mut Option<Overlay>,
        action: Action,
    ) -> Vec<Effect> {
        let mut effects = Vec::new();
        match overlay.take() {
            None => *overlay = self.browse(cx, action, &mut effects),
            Some(Overlay::EditTreatment { treatment, form }) => {
                *overlay = self.edit(cx, treatment, form, action);
            }
            Some(
                other @ (Overlay::Help
                | Overlay::WarningSigns
                | Overlay::SkinForm(_)
                | Overlay::NewTreatment(_)
                | Overlay::PlanForm(_)
                | Overlay::Photos(_)),
            ) => {
                *overlay = Some(other);
                return effects;
            }
            Some(Overlay::Confirm { question, change }) => match action {
                Action::History(HistoryAction::Answer(true)) => {
                    self.apply(cx, change, &mut effects);
                }
                Action::History(HistoryAction::Answer(false)) => {
                    effects.push(status("Nothing changed.", false));
                }
                _ => *overlay = Some(Overlay::Confirm { question, change }),
            },
        }
        let left = effects
            .iter()
            .any(|e| matches!(e, Effect::OpenDay(_) | Effect::Welcome));
        if !left {
            self.refresh(cx, &mut effects);
        }
        effects
    }

    /// Browsing the calendar; returns the dialog it opens, if any.
    fn browse(
        &mut self,
        cx: &mut Context<'_>,
        action: Action,
        effects: &mut Vec<Effect>,
    ) -> Option<Overlay> {
        let Action::History(action) = action else {
            return None;
        };
        let cursor = self.cursor;
        let moved = match action {
            HistoryAction::Day(n) => cursor.checked_add(i64::from(n).days()).ok(),
            HistoryAction::Week(n) => cursor.checked_add((7 * i64::from(n)).days()).ok(),
            HistoryAction::Month(n) => cursor.checked_add(i64::from(n).months()).ok(),
            HistoryAction::Pick(date) => Some(date),
            HistoryAction::Treatment(n) => {
                self.select_treatment(cx, n);
                return None;
            }
            HistoryAction::OpenDay => {
                effects.push(self.open_day(cx));
                return None;
            }
            HistoryAction::EditTreatment => return self.start_edit(cx),
            HistoryAction::DeleteTreatment => return self.ask_delete(cx),
            HistoryAction::Answer(_) | HistoryAction::Cancel => return None,
        };
        if let Some(date) = moved {
            self.move_cursor(cx, date);
        }
        None
    }

    /// Moves the cursor; the selected treatment follows to the one in force that day.
    fn move_cursor(&mut self, cx: &Context<'_>, date: Date) {
        self.cursor = date;
        self.treatment = cx
            .journal
            .treatments()
            .partition_point(|t| t.at.date() <= date)
            .saturating_sub(1);
    }

    /// p/n: the previous or next treatment, and the calendar jumps to its day.
    fn select_treatment(&mut self, cx: &Context<'_>, delta: i8) {
        let last = cx.journal.treatments().len().saturating_sub(1);
        let index = self
            .treatment
            .saturating_add_signed(isize::from(delta))
            .min(last);
        if let Some(treatment) = cx.journal.treatments().get(index) {
            self.treatment = index;
            self.cursor = treatment.at.date();
        }
    }

    fn open_day(&mut self, cx: &mut Context<'_>) -> Effect {
        let date = self.cursor;
        if date > cx.today() {
            return status("That day has not come yet: pick today or a past day.", true);
        }
        if let Err(err) = cx.journal.load_month(Month::of(date)) {
            return status(&err.to_string(), true);
        }
        Effect::OpenDay(date)
    }

    fn start_edit(&self, cx: &Context<'_>) -> Option<Overlay> {
        let treatment = cx.journal.treatments().get(self.treatment)?.clone();
        let form = TreatmentForm::for_treatment(&treatment, cx.now.time_zone(), cx.clock);
        Some(Overlay::EditTreatment { treatment, form })
    }

    fn ask_delete(&self, cx: &Context<'_>) -> Option<Overlay> {
        let treatment = cx.journal.treatments().get(self.treatment)?.clone();
        let question = format!("Delete the treatment of {}?", when(&treatment, cx.clock));
        Some(Overlay::Confirm {
            question,
            change: Change::Remove(treatment),
        })
    }

    /// The edit dialog; returns what is open afterwards (itself, the question, or nothing).
    fn edit(
        &self,
        cx: &Context<'_>,
        treatment: Treatment,
        mut form: TreatmentForm,
        action: Action,
    ) -> Option<Overlay> {
        match action {
            Action::History(HistoryAction::Cancel) => return None,
            Action::Edit(edit) => form.edit(edit),
            Action::NextField | Action::Up | Action::Down => form.next_field(),
            Action::Submit => match form.to_treatment(cx.now) {
                Ok(mut wanted) => {
                    // The form shows the time in this zone: the same instant is a time left
                    // alone, not a correction of the offset it was recorded in.
                    if wanted.at.instant == treatment.at.instant {
                        wanted.at = treatment.at;
                    }
                    let Some(changes) = describe_change(&treatment, &wanted, cx.clock) else {
                        form.error = Some("Nothing changed: edit a field, or Esc to close.".into());
                        return Some(Overlay::EditTreatment { treatment, form });
                    };
                    let question = format!(
                        "In the treatment of {}: {changes}?",
                        when(&treatment, cx.clock)
                    );
                    return Some(Overlay::Confirm {
                        question,
                        change: Change::Replace {
                            seen: treatment,
                            wanted,
                        },
                    });
                }
                Err(err) => form.error = Some(err.to_string()),
            },
            _ => {}
        }
        Some(Overlay::EditTreatment { treatment, form })
    }

    /// The patient's yes: the change applied to the treatment it names, as it is on disk.
    fn apply(&mut self, cx: &mut Context<'_>, change: Change, effects: &mut Vec<Effect>) {
        self.cache.clear();
        let result = match change {
            Change::Replace { seen, wanted } => {
                care::correct_treatment(cx.journal, &seen, &wanted, cx.now).map(|corrected| {
                    let Some(corrected) = corrected else {
                        return format!(
                            "The treatment of {} was deleted meanwhile: nothing changed.",
                            when(&seen, cx.clock)
                        );
                    };
                    self.select(cx, corrected.treatment.id);
                    // Say what changed, not the time alone: "changed to … 11:00" after
                    // changing only the area read as if the time had moved.
                    let mut text = match describe_change(&seen, &corrected.treatment, cx.clock) {
                        Some(change) => {
                            let change = change.trim_start_matches("change ");
                            format!("Treatment of {}: {change}.", when(&seen, cx.clock))
                        }
                        None => format!("Treatment of {} unchanged.", when(&seen, cx.clock)),
                    };
                    if corrected.note_kept_beside {
                        text.push_str(" Its note was also changed elsewhere: both are kept.");
                    }
                    text
                })
            }
            Change::Remove(treatment) => {
                care::remove_treatment(cx.journal, treatment.id).map(|old| {
                    let last = cx.journal.treatments().len().saturating_sub(1);
                    self.treatment = self.treatment.min(last);
                    match old {
                        Some(t) => format!("Deleted the treatment of {}.", when(&t, cx.clock)),
                        None => format!(
                            "The treatment of {} was already deleted elsewhere.",
                            when(&treatment, cx.clock)
                        ),
                    }
                })
            }
        };
        match result {
            Ok(text) => effects.push(status(&text, false)),
            Err(err) => effects.push(status(&err.to_string(), true)),
        }
        if cx.journal.treatments().is_empty() {
            effects.push(Effect::Welcome);
        }
    }

    /// Selects the treatment with identity `id`, wherever it sorts now.
    fn select(&mut self, cx: &Context<'_>, id: crate::journal::EventId) {
        if let Some(index) = cx.journal.treatments().iter().position(|t| t.id == id) {
            self.treatment = index;
        }
    }

    /// Recomputes what the screen shows, loading the few months it needs.
    fn refresh(&mut self, cx: &mut Context<'_>, effects: &mut Vec<Effect>) {
        let today = cx.today();
        let (plan, journal) = (cx.plan, &mut *cx.journal);
        let month = self
            .cache
            .month(plan, journal, Month::of(self.cursor))
            .cloned();
        self.period = adherence::recovery_period(plan, journal.treatments(), self.treatment, today);
        let streaks = self
            .cache
            .current_streak(plan, journal, today)
            .and_then(|current| {
                let best = match self.period {
                    Some((from, to)) => self.cache.best_streak(plan, journal, from, to)?,
                    None => 0,
                };
                Ok(Streaks { current, best })
            });
        let loaded = match self.period {
            Some((from, to)) => crate::journal::history::load_months(journal, from, to),
            None => Ok(()),
        };
        // Keep in memory only what is on screen or a step away: the cursor's month and its
        // neighbours, the chart's period and this month (the summaries of months seen stay:
        // they are small). The Today screen reads its own months again when it shows.
        let period = self
            .period
            .map(|(from, to)| (Month::of(from), Month::of(to)));
        let cursor = Month::of(self.cursor);
        journal.forget_months(|m| {
            (cursor.offset(-1) <= m && m <= cursor.offset(1))
                || m == Month::of(today)
                || period.is_some_and(|(from, to)| from <= m && m <= to)
        });
        // Summaries are small, but not kept for every month ever seen: a year either side
        // of the cursor, and the last months the current streak walks back through.
        self.cache.retain(|m| {
            (cursor.offset(-12) <= m && m <= cursor.offset(12)) || m >= Month::of(today).offset(-3)
        });
        self.month = month.as_ref().ok().cloned();
        self.streaks = streaks.as_ref().copied().unwrap_or_default();
        if let Some(err) = month.err().or(streaks.err()).or(loaded.err()) {
            effects.push(status(&err.to_string(), true));
        }
    }
}

/// A treatment's date and time in the offset it was recorded in, in the patient's clock.
pub fn when(treatment: &Treatment, clock: ClockStyle) -> String {
    clock.date_time(treatment.at.local())
}

/// What a correction changes, field by field ("time 08:30 → 09:00, area "face" → "neck""),
/// or `None` when it changes nothing.
pub fn describe_change(old: &Treatment, new: &Treatment, clock: ClockStyle) -> Option<String> {
    let quoted = |text: &str| {
        if text.is_empty() {
            "(none)".to_string()
        } else {
            format!("\"{}\"", crate::domain::text::shorten(text, 30))
        }
    };
    let (old_when, new_when) = (when(old, clock), when(new, clock));
    let mut changes = Vec::new();
    if old_when != new_when {
        let (old_date, old_time) = old_when.split_once(' ').unwrap_or((&old_when, ""));
        let (new_date, new_time) = new_when.split_once(' ').unwrap_or((&new_when, ""));
        if old_date == new_date {
            changes.push(format!("time {old_time} → {new_time}"));
        } else {
            changes.push(format!("date {old_when} → {new_when}"));
        }
    }
    if old.area != new.area {
        changes.push(format!(
            "area {} → {}",
            quoted(&old.area),
            quoted(&new.area)
        ));
    }
    if old.note != new.note {
        changes.push(format!(
            "note {} → {}",
            quoted(&old.note),
            quoted(&new.note)
        ));
    }
    if old.procedure != new.procedure {
        changes.push(format!("procedure {} → {}", old.procedure, new.procedure));
    }
    (!changes.is_empty()).then(|| format!("change {}", changes.join(", ")))
}

fn status(text: &str, is_error: bool) -> Effect {
    Effect::Status(Status {
        text: text.to_string(),
        is_error,
    })
}
