//! The Today screen's state and how it changes: the day on screen, the selected checklist
//! item, and the timer of a timed item (see `tui::timer`).
//!
//! `App::update` hands every action on this screen to [`TodayView::update`], with the plan
//! and journal it needs ([`Context`]); the view changes itself and the overlay it opens,
//! and hands back [`Effect`]s for what is the app's (the status line). It never sees `App`.

use std::time::Duration;

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp, ZonedDateTime};

use crate::domain::alerts;
use crate::domain::model::Resolution;
use crate::domain::plan::{CarePlan, ItemKind};
use crate::domain::recovery::{self, ItemProgress};
use crate::domain::time::Stamp;
use crate::domain::timer::{RunningTimer, TIMER_VERSION};
use crate::journal::care::{self, TickChange};
use crate::journal::paths::ReminderPaths;
use crate::journal::{Journal, Month};
use crate::tui::action::Action;
use crate::tui::forms::skin::SkinForm;
use crate::tui::forms::treatment::TreatmentForm;
use crate::tui::state::Overlay;
use crate::tui::timer::{Timer, Timers, clock_face};
use crate::tui::view::{Context, Effect};

/// The state of the Today screen.
#[derive(Debug, Clone)]
pub struct TodayView {
    /// The day on screen; follows today (across midnight) unless the patient moved away.
    date: Date,
    /// The checklist item selected.
    selected: usize,
    timers: Timers,
}

impl TodayView {
    /// Opens on `today`.
    pub fn new(today: Date) -> TodayView {
        TodayView {
            date: today,
            selected: 0,
            timers: Timers::default(),
        }
    }

    /// The day on screen.
    pub fn date(&self) -> Date {
        self.date
    }

    /// The checklist item selected (by position in [`checklist`]).
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The running timer, where it is kept, and the ends told.
    pub fn timers(&self) -> &Timers {
        &self.timers
    }

    /// Every action on the Today screen (with no overlay open).
    pub fn update(
        &mut self,
        cx: &mut Context<'_>,
        overlay: &mut Option<Overlay>,
        action: Action,
    ) -> Vec<Effect> {
        let mut effects = Vec::new();
        let len = checklist(cx.plan, cx.journal, cx.now, self.date).len();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(len.saturating_sub(1)),
            Action::Press => self.press_selected(cx, &mut effects),
            Action::Select(index) if index < len => {
                if self.selected == index {
                    self.press_selected(cx, &mut effects);
                } else {
                    self.selected = index;
                }
            }
            Action::Increment => self.tick_selected(cx, TickChange::Add(1), &mut effects),
            Action::Decrement => self.tick_selected(cx, TickChange::Remove(1), &mut effects),
            Action::ToggleTimer => self.toggle_timer(cx, &mut effects),
            Action::PrevDay => self.step_day(cx, -1, &mut effects),
            Action::NextDay => self.step_day(cx, 1, &mut effects),
            Action::GoToday => effects.extend(self.show_day(cx, cx.today())),
            Action::OpenSkinForm => {
                let form =
                    SkinForm::for_day(self.date, cx.journal.day(self.date), &cx.plan.warning_signs);
                *overlay = Some(Overlay::SkinForm(form));
            }
            Action::ShowWarningSigns => *overlay = Some(Overlay::WarningSigns),
            Action::ResolveAlerts(resolution) => resolve_alerts(cx, resolution, &mut effects),
            Action::OpenTreatmentForm => {
                *overlay = Some(Overlay::NewTreatment(TreatmentForm::prefilled(
                    cx.now, cx.clock,
                )));
            }
            _ => {}
        }
        effects
    }

    /// Shows `date` (never after today: callers check), its month read, the selection at
    /// the top. The one way the day on screen changes by the patient's hand.
    pub fn show_day(&mut self, cx: &mut Context<'_>, date: Date) -> Option<Effect> {
        match cx.journal.load_month(Month::of(date)) {
            Ok(_) => {
                self.date = date;
                self.selected = 0;
                None
            }
            Err(err) => Some(Effect::error(err.to_string())),
        }
    }

    /// ← / →: one day, and a word when there is no day that way (rather than nothing, or a
    /// jump: a day before the first treatment opened from History steps day by day).
    fn step_day(&mut self, cx: &mut Context<'_>, delta: i8, effects: &mut Vec<Effect>) {
        let first = cx.journal.treatments().first().map(|t| t.at.date());
        let next = if delta < 0 {
            self.date.yesterday().ok()
        } else {
            self.date.tomorrow().ok()
        };
        match next {
            Some(date) if date > cx.today() => {
                effects.push(Effect::info(
                    "This is today: the days to come cannot be logged yet.",
                ));
            }
            Some(date) if first.is_some_and(|first| date < first && date < self.date) => {
                let first = first.map_or(String::new(), |d| d.strftime("%a %-d %b %Y").to_string());
                effects.push(Effect::info(format!(
                    "Nothing earlier to show: your first treatment was on {first}."
                )));
            }
            Some(date) => effects.extend(self.show_day(cx, date)),
            None => {}
        }
    }

    /// The journal changed under the screen (an undo, another writer): the selection
    /// stays on the checklist.
    pub fn keep_selection_in_range(&mut self, cx: &Context<'_>) {
        let len = checklist(cx.plan, cx.journal, cx.now, self.date).len();
        self.selected = self.selected.min(len.saturating_sub(1));
    }

    /// History keeps only its own months in memory: back on Today, by whatever way, the
    /// day's month is read again.
    pub fn reload_month(&self, cx: &mut Context<'_>) -> Option<Effect> {
        let month = Month::of(self.date);
        if cx.journal.has_month(month) {
            return None;
        }
        cx.journal
            .load_month(month)
            .err()
            .map(|err| Effect::error(err.to_string()))
    }

    /// The clock was read again: the screen follows today across midnight (unless the
    /// patient moved to another day), and a timer that is over logs its session.
    pub fn clock_moved(&mut self, cx: &mut Context<'_>, previous_today: Date) -> Vec<Effect> {
        let mut effects = Vec::new();
        if self.date == previous_today && self.date != cx.today() {
            self.date = cx.today();
            if let Err(err) = cx.journal.load_month(Month::of(self.date)) {
                effects.push(Effect::error(err.to_string()));
            }
        }
        self.finish_timer_if_due(cx, &mut effects);
        effects
    }

    /// The plan changed: a timer of an item it no longer has stops.
    pub fn plan_changed(&mut self, plan: &CarePlan) {
        self.timers.drop_unless(|id| plan.item(id).is_some());
    }

    fn selected_item(&self, cx: &Context<'_>) -> Option<(String, ItemKind)> {
        let items = checklist(cx.plan, cx.journal, cx.now, self.date);
        let progress = items.get(self.selected.min(items.len().saturating_sub(1)))?;
        Some((progress.item.id.clone(), progress.item.kind))
    }

    /// Space (or a second click): "make it done" or "make it undone" according to what
    /// the screen shows — the journal as this app last read it — never a toggle of what is
    /// on disk, which another writer may have changed a moment ago.
    fn press_selected(&mut self, cx: &mut Context<'_>, effects: &mut Vec<Effect>) {
        let Some((id, kind)) = self.selected_item(cx) else {
            return;
        };
        let shown_done = cx.journal.day(self.date).is_some_and(|d| d.count(&id) > 0);
        let once_a_day = matches!(kind, ItemKind::Check | ItemKind::Avoid);
        let change = if once_a_day && shown_done {
            TickChange::Undone
        } else {
            TickChange::Done
        };
        self.tick_selected(cx, change, effects);
    }

    fn tick_selected(
        &mut self,
        cx: &mut Context<'_>,
        change: TickChange,
        effects: &mut Vec<Effect>,
    ) {
        let Some((id, _)) = self.selected_item(cx) else {
            return;
        };
        let result = care::tick(cx.journal, cx.plan, &id, self.date, change, cx.now);
        if let Err(err) = result {
            effects.push(Effect::error(err.to_string()));
        }
    }

    fn toggle_timer(&mut self, cx: &mut Context<'_>, effects: &mut Vec<Effect>) {
        if let Some(timer) = self.timers.cancel() {
            let label = cx
                .plan
                .item(&timer.item_id)
                .map_or("", |i| i.label.as_str());
            effects.push(Effect::info(format!(
                "{label}: timer cancelled, nothing logged"
            )));
            self.forget_stored_timer(timer.stored_id.as_deref(), effects);
            return;
        }
        match self.selected_item(cx) {
            Some(_) if self.date != cx.today() => {
                effects.push(Effect::info(
                    "Timers run on today only: Home goes back to today",
                ));
            }
            Some((item_id, ItemKind::Timed { minutes, .. })) => {
                let length = Duration::from_secs(u64::from(minutes) * 60);
                let label = cx
                    .plan
                    .item(&item_id)
                    .map_or(String::new(), |i| i.label.clone());
                let ends = cx
                    .now
                    .checked_add(length)
                    .unwrap_or_else(|_| cx.now.clone());
                let stored = RunningTimer {
                    version: TIMER_VERSION,
                    item_id: item_id.clone(),
                    label,
                    started: Stamp::of(cx.now),
                    ends: Stamp::of(&ends),
                };
                let timer = Timer {
                    item_id,
                    date: self.date,
                    ends: cx.monotonic + length,
                    length,
                    stored,
                    stored_id: None,
                };
                if let Err(err) = self.timers.start(timer) {
                    effects.push(Effect::error(format!(
                        "Timer started but not stored ({err}): quitting cancels it"
                    )));
                }
            }
            _ => effects.push(Effect::info(
                "t starts a timer on a timed item, such as the ice pack",
            )),
        }
    }

    fn finish_timer_if_due(&mut self, cx: &mut Context<'_>, effects: &mut Vec<Effect>) {
        let Some(ended) = self.timers.take_ended(cx.monotonic, cx.now) else {
            return;
        };
        let timer = &ended.timer;
        let label = cx
            .plan
            .item(&timer.item_id)
            .map_or("", |i| i.label.as_str());
        if !ended.ours {
            effects.push(Effect::info(format!(
                "{label}: session done; another aftercare window already logged it"
            )));
            return;
        }
        // If the wall clock went back past midnight meanwhile, the session is filed today,
        // never on a day that is now in the future.
        let date = timer.date.min(cx.today());
        let label = label.to_string();
        match log_session(cx, &timer.item_id, date) {
            Ok((count, target)) => {
                effects.push(Effect::info(format!(
                    "{label}: session done and logged ({count}/{target})"
                )));
            }
            Err(err) => effects.push(Effect::error(err.to_string())),
        }
        if let Err(err) = ended.stored_state {
            effects.push(Effect::error(format!(
                "Session logged, but the timer's state was not updated: {err}"
            )));
        }
    }

    /// Keeps running timers in `places` from now on, and picks up those stored there:
    /// one ended while no window ran it is logged on the day it was started (by the one
    /// window that claims it), and the latest still running goes on, by the time left on
    /// the wall clock. Another window's running timer stays that window's record.
    pub fn keep_timers(&mut self, cx: &mut Context<'_>, places: ReminderPaths) -> Vec<Effect> {
        let mut effects = Vec::new();
        let stored = match self.timers.keep_in(places) {
            Ok(stored) => stored,
            Err(err) => {
                effects.push(Effect::error(format!(
                    "The stored timer could not be read: {err}"
                )));
                return effects;
            }
        };
        let now = cx.now.timestamp();
        let (ended, running): (Vec<_>, Vec<_>) =
            stored.into_iter().partition(|s| s.timer.ended_at(now));
        for stored in ended {
            self.log_ended_while_closed(cx, stored, &mut effects);
        }
        let Some(stored) = running.into_iter().max_by_key(|s| s.timer.started.instant) else {
            return effects;
        };
        let date = stored.timer.started.date().min(cx.today());
        let left = stored.timer.ends.instant.duration_since(now);
        let length = stored
            .timer
            .ends
            .instant
            .duration_since(stored.timer.started.instant);
        let (Ok(left), Ok(length)) = (Duration::try_from(left), Duration::try_from(length)) else {
            return effects;
        };
        effects.push(Effect::info(format!(
            "{}: timer still running ({} left)",
            stored.timer.label,
            clock_face(left)
        )));
        self.timers
            .resume(stored, date, cx.monotonic + left, length);
        effects
    }

    /// A stored timer that ended while no window ran it: logged if this window is the one
    /// that takes it off the disk, so it is logged once however many windows open.
    fn log_ended_while_closed(
        &mut self,
        cx: &mut Context<'_>,
        stored: crate::journal::timer_file::StoredTimer,
        effects: &mut Vec<Effect>,
    ) {
        match self.timers.claim(Some(&stored.id)) {
            Ok(true) => {}
            Ok(false) => return,
            Err(err) => {
                effects.push(Effect::error(format!(
                    "The timer that ended while closed was not logged: {err}"
                )));
                return;
            }
        }
        let date = stored.timer.started.date().min(cx.today());
        match log_session(cx, &stored.timer.item_id, date) {
            Ok((count, target)) => effects.push(Effect::info(format!(
                "{}: the session ended while closed, logged ({count}/{target})",
                stored.timer.label
            ))),
            Err(err) => effects.push(Effect::error(format!(
                "The timer that ended while closed was not logged: {err}"
            ))),
        }
    }

    fn forget_stored_timer(&self, id: Option<&str>, effects: &mut Vec<Effect>) {
        if let Err(err) = self.timers.claim(id) {
            effects.push(Effect::error(format!(
                "The stored timer could not be removed: {err}"
            )));
        }
    }
}

/// Logs one timed session of `item_id` on `date`: the day's count after it, and the
/// day's target.
fn log_session(
    cx: &mut Context<'_>,
    item_id: &str,
    date: Date,
) -> Result<(u32, u32), care::CareError> {
    let count = care::tick(
        cx.journal,
        cx.plan,
        item_id,
        date,
        TickChange::Add(1),
        cx.now,
    )?;
    let target = cx.plan.item(item_id).map_or(0, |i| i.kind.target());
    Ok((count, target))
}

/// The instant the restrictions are shown for on `date`: now for today, the end of a past
/// day.
pub fn view_instant(date: Date, now: &ZonedDateTime) -> Timestamp {
    if date >= now.date() {
        return now.timestamp();
    }
    date.tomorrow()
        .and_then(|next| next.to_zoned_datetime(now.time_zone().clone()))
        .map_or(now.timestamp(), |start| {
            start.timestamp() - SignedDuration::from_secs(1)
        })
}

/// The treatment `date` follows (by instant for today: see [`recovery::treatment_on`]).
pub fn treatment_on<'a>(
    journal: &'a Journal,
    date: Date,
    now: &ZonedDateTime,
) -> Option<&'a crate::domain::model::Treatment> {
    recovery::treatment_on(journal.treatments(), date, now)
}

/// The checklist of `date`, with its counts.
pub fn checklist<'a>(
    plan: &'a CarePlan,
    journal: &'a Journal,
    now: &ZonedDateTime,
    date: Date,
) -> Vec<ItemProgress<'a>> {
    match treatment_on(journal, date, now) {
        Some(treatment) => recovery::checklist(
            plan,
            treatment,
            date,
            view_instant(date, now),
            journal.day(date),
        ),
        None => Vec::new(),
    }
}

/// `c` / `g` on Today: resolves the alerts standing today, saved like any change (undone
/// with u). Says so when none stands, rather than saving nothing in silence.
fn resolve_alerts(cx: &mut Context<'_>, resolution: Resolution, effects: &mut Vec<Effect>) {
    let today = cx.today();
    let standing = alerts::for_date(cx.plan, cx.journal, today)
        .iter()
        .filter(|alert| alert.level.stands())
        .count();
    if standing == 0 {
        effects.push(Effect::info("No alert stands: nothing to resolve"));
        return;
    }
    match care::resolve_alerts(cx.journal, today, resolution, cx.now) {
        Ok(()) => effects.push(Effect::info(format!(
            "Alerts resolved ({}); logging a sign again raises it again",
            resolution.describe()
        ))),
        Err(err) => effects.push(Effect::error(err.to_string())),
    }
}
