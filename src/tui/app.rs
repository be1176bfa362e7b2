//! The TUI's state and the one place it changes: [`App::update`].
//!
//! Keys become [`Action`]s (see `keys`), the loop feeds them here, and `ui` draws the
//! result without changing it. Time comes from an injected [`Clock`], so every behaviour,
//! timers and midnight included, is tested without a terminal and without sleeping.

use std::time::{Duration, Instant};

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp, ZonedDateTime};

use crate::domain::alerts::{self, Alert};
use crate::domain::plan::{CarePlan, ItemKind, PlanSource};
use crate::domain::recovery::{self, ItemProgress};
use crate::domain::time::Clock;
use crate::domain::time::Stamp;
use crate::domain::timer::{RunningTimer, TIMER_VERSION};
use crate::journal::care::{self, TickChange};
use crate::journal::paths::ReminderPaths;
use crate::journal::{Journal, Month};
pub use crate::tui::action::{Action, Edit};
use crate::tui::forms::skin::SkinForm;
use crate::tui::forms::treatment::TreatmentForm;
use crate::tui::history::{self, Effect, HistoryView};
use crate::tui::keys::KeyContext;
use crate::tui::plan::{self as plan_screen, PlanView};
pub use crate::tui::state::{Overlay, Screen};
use crate::tui::timer_store::{self, TimerAlert};
use crate::tui::undo::UndoStacks;

/// What the History screen reads and changes besides its own state: borrowed field by field,
/// so the view itself can be borrowed mutably at the same time.
macro_rules! history_context {
    ($app:expr) => {
        history::Context {
            plan: &$app.plan,
            journal: &mut $app.journal,
            now: &$app.now,
        }
    };
}

/// A running ice-pack (or other timed item) session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timer {
    pub item_id: String,
    /// The day the session is logged on: the day it was started.
    pub date: Date,
    /// When it ends by the monotonic clock, which a wall clock set back cannot move.
    pub ends: Instant,
    pub length: Duration,
    /// Its wall-clock start and end, as kept on disk for a reopened app and for
    /// `aftercare remind`.
    pub stored: RunningTimer,
}

/// A line for the status bar: what just happened, or what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

/// The whole state of the TUI.
pub struct App {
    pub plan: CarePlan,
    pub plan_source: PlanSource,
    pub journal: Journal,
    clock: Box<dyn Clock>,
    pub screen: Screen,
    /// At most one thing over the screen: help, a form or a dialog.
    pub overlay: Option<Overlay>,
    /// The day on screen; follows today (across midnight) unless the patient moved away.
    pub date: Date,
    pub selected: usize,
    pub timer: Option<Timer>,
    /// What the patient should hear about on the day on screen (urgent first): recomputed
    /// after each update.
    pub alerts: Vec<Alert>,
    pub history: HistoryView,
    /// The Plan screen's selection.
    pub plan_view: PlanView,
    /// The patient's plan file, where the Plan screen saves; `None`: changes stay in memory.
    pub plan_path: Option<std::path::PathBuf>,
    /// The plan file's modification time and size as last read or written here: when they
    /// change (`aftercare plan set` in another terminal), the plan is read again.
    plan_seen: Option<(std::time::SystemTime, u64)>,
    pub status: Option<Status>,
    /// This window's changes, to undo (`u`) and redo (`U`, Ctrl-R).
    pub undo: UndoStacks,
    /// The wall clock and the monotonic clock, read once per update.
    pub now: ZonedDateTime,
    pub monotonic: Instant,
    pub quit: bool,
    /// Quit was asked while changes could not be saved: the next Quit leaves anyway.
    quit_warned: bool,
    /// Quit was asked while a timer runs and the patient was told what happens to it: the
    /// next Quit leaves. Any other key takes the warning back.
    quit_timer_warned: bool,
    /// Where a running timer is kept while the app is closed (see [`App::keep_timers`]);
    /// `None`: timers live only as long as the app.
    reminder_paths: Option<ReminderPaths>,
    /// How many timers ended while the app was open: when it goes up, the loop rings the
    /// terminal bell and shows [`App::timer_alert`] as a notification.
    pub timers_ended: u64,
    /// How many times files on screen were changed from outside (the loop redraws then).
    pub outside_changes: u64,
    /// What the last timer's end says.
    pub timer_alert: Option<TimerAlert>,
    /// The journal's put-off housekeeping was tried (see [`App::tidy_journal`]).
    tidy_tried: bool,
}

impl App {
    /// Builds the app on a journal whose treatments are loaded; reads today's month.
    pub fn new(
        plan: CarePlan,
        plan_source: PlanSource,
        journal: Journal,
        clock: Box<dyn Clock>,
    ) -> Result<App, crate::journal::error::FileError> {
        let now = clock.now();
        let monotonic = clock.monotonic();
        let screen = if journal.latest_treatment().is_some() {
            Screen::Today
        } else {
            Screen::Welcome(TreatmentForm::prefilled(&now))
        };
        let mut app = App {
            plan,
            plan_source,
            journal,
            clock,
            screen,
            overlay: None,
            date: now.date(),
            selected: 0,
            timer: None,
            alerts: Vec::new(),
            history: HistoryView::new(now.date()),
            plan_view: PlanView::default(),
            plan_path: None,
            plan_seen: None,
            status: None,
            undo: UndoStacks::default(),
            now,
            monotonic,
            quit: false,
            quit_warned: false,
            quit_timer_warned: false,
            reminder_paths: None,
            timers_ended: 0,
            outside_changes: 0,
            timer_alert: None,
            tidy_tried: false,
        };
        app.undo = UndoStacks::new(&app.journal);
        app.load_month(Month::of(app.date))?;
        app.refresh_alerts();
        if let Some(notice) = app.journal.take_notice() {
            app.info(notice);
        }
        Ok(app)
    }

    /// Reads a month. Ticks of items the plan no longer has are kept and shown, never an
    /// error: the plan follows the dermatologist, and the journal is the patient's record.
    fn load_month(&mut self, month: Month) -> Result<(), crate::journal::error::FileError> {
        self.journal.load_month(month).map(|_| ())
    }

    /// The housekeeping a journal opened by `Journal::open_writable_untidied` put off
    /// (temporaries swept, conflict copies merged): the loop calls it right after the first
    /// frame, and [`App::update`] before handling anything, so no key or tick comes before
    /// it. A merge is taken in and told on the status line as any outside change is.
    /// Returns whether the screen changed. Tried once; if it failed (the lock busy, a
    /// folder unreadable) the error is shown and the next change tries again.
    pub fn tidy_journal(&mut self) -> bool {
        if self.tidy_tried || !self.journal.needs_tidy() {
            return false;
        }
        self.tidy_tried = true;
        self.read_clock();
        match self.journal.tidy() {
            Ok(false) => false,
            Ok(true) => {
                self.journal_changed_outside();
                if let Some(notice) = self.journal.take_notice() {
                    self.info(notice);
                }
                true
            }
            Err(err) => {
                self.error(err.to_string());
                true
            }
        }
    }

    /// The one place the state changes.
    pub fn update(&mut self, action: Action) {
        self.read_clock();
        if action != Action::Tick {
            self.status = None;
        }
        self.tidy_journal();
        if !matches!(action, Action::Tick | Action::Quit) {
            self.quit_timer_warned = false;
        }
        match action {
            Action::Tick => {
                self.retry_save();
                self.take_in_outside_changes();
                self.reload_plan_if_changed();
            }
            Action::Quit => self.quit(),
            // The terminal loop suspends; nothing in the state changes.
            Action::Suspend => {}
            _ if matches!(self.overlay, Some(Overlay::Help | Overlay::WarningSigns)) => {
                self.overlay = None;
            }
            Action::ToggleHelp if self.overlay.is_none() => self.overlay = Some(Overlay::Help),
            Action::SwitchScreen if self.overlay.is_none() => self.switch_screen(),
            Action::ShowToday if self.overlay.is_none() => self.screen = Screen::Today,
            Action::OpenPlan if self.overlay.is_none() => self.screen = Screen::Plan,
            Action::Undo | Action::Redo if self.overlay.is_none() => {
                self.undo_step(action == Action::Redo);
            }
            action => match (&self.overlay, &self.screen) {
                (Some(Overlay::SkinForm(_) | Overlay::NewTreatment(_)), _) => {
                    self.update_modal(action);
                }
                (Some(Overlay::PlanForm(_)), _) | (None, Screen::Plan) => {
                    let effects = self.plan_view.update(&self.plan, &mut self.overlay, action);
                    self.apply_plan(effects);
                }
                (None, Screen::Welcome(_)) => self.update_welcome(action),
                (None, Screen::Today) => self.update_today(action),
                (Some(_), _) | (None, Screen::History) => {
                    let effects =
                        self.history
                            .update(&mut history_context!(self), &mut self.overlay, action);
                    self.apply(effects);
                }
            },
        }
        // History keeps only its own months in memory: back on Today, by whatever way, the
        // day's month is read again.
        if self.screen == Screen::Today
            && !self.journal.has_month(Month::of(self.date))
            && let Err(err) = self.load_month(Month::of(self.date))
        {
            self.error(err.to_string());
        }
        if action != Action::Tick {
            self.refresh_alerts();
        }
        self.undo.take_new(&self.journal);
        self.show_unsaved();
    }

    /// `u` / `U`: reverses this window's last change (or the last undo) as a new change,
    /// and redraws the screens from the journal.
    fn undo_step(&mut self, redo: bool) {
        let outcome = self
            .undo
            .step(&mut self.journal, &self.plan, &self.now, redo);
        self.status = Some(Status {
            text: outcome.text,
            is_error: outcome.is_error,
        });
        if outcome.changed {
            if self.journal.latest_treatment().is_none() {
                // The only treatment was undone: ask for one, as on the first start.
                self.overlay = None;
                self.screen = Screen::Welcome(TreatmentForm::prefilled(&self.now));
            }
            let len = self.checklist().len();
            self.selected = self.selected.min(len.saturating_sub(1));
            if self.screen == Screen::History {
                let effects = self.history.journal_changed(&mut history_context!(self));
                self.apply(effects);
            }
        }
    }

    /// Saves what an earlier save could not (the disk is back, space was freed).
    fn retry_save(&mut self) {
        if self.journal.has_unsaved_changes() && self.journal.save().is_ok() {
            self.info("Saved the changes that were waiting".into());
        }
    }

    /// Once a second: re-checks the files on screen (cheap when nothing changed) and
    /// redraws with what the shell, another window or a sync tool wrote meanwhile.
    fn take_in_outside_changes(&mut self) {
        let mut months = vec![Month::of(self.date), Month::of(self.history.cursor)];
        months.push(Month::of(
            self.date.saturating_sub(jiff::Span::new().days(14)),
        ));
        match self.journal.refresh(months) {
            Ok(false) => {}
            Ok(true) => self.journal_changed_outside(),
            Err(err) => self.error(err.to_string()),
        }
        if let Some(notice) = self.journal.take_notice() {
            self.info(notice);
        }
    }

    /// The journal in memory changed from outside (another writer, a merged conflict
    /// copy): keeps the selection in range, leaves the welcome screen once a treatment is
    /// there, and redraws History and the alerts from it.
    fn journal_changed_outside(&mut self) {
        self.outside_changes += 1;
        let len = self.checklist().len();
        self.selected = self.selected.min(len.saturating_sub(1));
        if matches!(self.screen, Screen::Welcome(_)) && self.journal.latest_treatment().is_some() {
            self.screen = Screen::Today;
        }
        if self.screen == Screen::History {
            let effects = self.history.journal_changed(&mut history_context!(self));
            self.apply(effects);
        }
        self.refresh_alerts();
    }

    /// While a change is only in memory the status line says so, whatever else happens:
    /// the patient must never believe it is saved.
    fn show_unsaved(&mut self) {
        if self.status.as_ref().is_some_and(|s| s.is_error) {
            return;
        }
        if let Some(err) = self.journal.save_error() {
            self.error(format!("Not saved yet (kept in memory, retrying): {err}"));
        }
    }

    /// Leaves, unless changes are still unsaved: then warns once, and leaves on a second Quit.
    fn quit(&mut self) {
        if self.timer.is_some() && !self.quit_timer_warned {
            self.quit_timer_warned = true;
            // Short enough for a 60-column status line.
            let text = if self.reminder_paths.is_some() {
                "Timer keeps running when closed, logged on reopen · q quits"
            } else {
                "Quitting cancels the timer, nothing logged · q again quits"
            };
            self.info(text.into());
            return;
        }
        if self.quit_warned || self.journal.save().is_ok() {
            self.quit = true;
            return;
        }
        self.quit_warned = true;
        let reason = self
            .journal
            .save_error()
            .map_or(String::new(), ToString::to_string);
        self.error(format!(
            "Your last changes could not be saved: {reason}. Press q again to quit without them."
        ));
    }

    /// How keys are read right now.
    pub fn key_context(&self) -> KeyContext {
        crate::tui::state::key_context(&self.screen, self.overlay.as_ref())
    }

    /// True while the help overlay is open.
    pub fn help_shown(&self) -> bool {
        self.overlay == Some(Overlay::Help)
    }

    /// The instant the restrictions are shown for: now for today, the end of a past day.
    pub fn view_instant(&self) -> Timestamp {
        if self.date >= self.today() {
            return self.now.timestamp();
        }
        self.date
            .tomorrow()
            .and_then(|next| next.to_zoned_datetime(self.now.time_zone().clone()))
            .map_or(self.now.timestamp(), |start| {
                start.timestamp() - SignedDuration::from_secs(1)
            })
    }

    /// True when the screen shows a past day rather than today.
    pub fn is_past_day(&self) -> bool {
        self.date < self.today()
    }

    /// Today's local date by the clock.
    pub fn today(&self) -> Date {
        self.now.date()
    }

    /// The checklist of the day on screen, with its counts.
    pub fn checklist(&self) -> Vec<ItemProgress<'_>> {
        match self.treatment() {
            Some(treatment) => recovery::checklist(
                &self.plan,
                treatment,
                self.date,
                self.view_instant(),
                self.journal.day(self.date),
            ),
            None => Vec::new(),
        }
    }

    /// "Day N after treatment" for the day on screen.
    pub fn day_number(&self) -> Option<u32> {
        recovery::day_number_on(self.treatment()?, self.date, &self.now)
    }

    /// The treatment the day on screen follows (by instant for today: see
    /// [`recovery::treatment_on`]).
    pub fn treatment(&self) -> Option<&crate::domain::model::Treatment> {
        recovery::treatment_on(self.journal.treatments(), self.date, &self.now)
    }

    /// Time left on the running timer, never below zero.
    pub fn timer_left(&self) -> Option<Duration> {
        let timer = self.timer.as_ref()?;
        Some(timer.ends.saturating_duration_since(self.monotonic))
    }

    fn read_clock(&mut self) {
        let (previous_today, was_today) = (self.today(), self.date == self.today());
        self.now = self.clock.now();
        self.monotonic = self.clock.monotonic();
        if previous_today != self.today() && self.screen == Screen::History {
            let effects = self.history.day_changed(&mut history_context!(self));
            self.apply(effects);
        }
        if was_today && self.date != self.today() {
            self.date = self.today();
            if let Err(err) = self.load_month(Month::of(self.date)) {
                self.error(err.to_string());
            }
        }
        self.finish_timer_if_due();
    }

    fn finish_timer_if_due(&mut self) {
        let Some(timer) = self.timer.take_if(|t| t.ends <= self.monotonic) else {
            return;
        };
        let (alert, told) =
            timer_store::ended(self.reminder_paths.as_ref(), &timer.stored, &self.now);
        self.timers_ended += 1;
        self.timer_alert = Some(alert);
        let forgot = match &self.reminder_paths {
            Some(places) => timer_store::forget(places),
            None => Ok(()),
        };
        // If the wall clock went back past midnight meanwhile, the session is filed today,
        // never on a day that is now in the future.
        let date = timer.date.min(self.today());
        match self.log_session(&timer.item_id, date) {
            Ok((count, target)) => {
                let label = self
                    .plan
                    .item(&timer.item_id)
                    .map_or("", |i| i.label.as_str());
                self.info(format!(
                    "{label}: session done and logged ({count}/{target})"
                ));
            }
            Err(err) => self.error(err.to_string()),
        }
        if let Err(err) = told.and(forgot) {
            self.error(format!(
                "Session logged, but the timer's state was not updated: {err}"
            ));
        }
    }

    /// Logs one timed session of `item_id` on `date`: the day's count after it, and the
    /// day's target.
    fn log_session(&mut self, item_id: &str, date: Date) -> Result<(u32, u32), care::CareError> {
        let count = care::tick(
            &mut self.journal,
            &self.plan,
            item_id,
            date,
            TickChange::Add(1),
            &self.now,
        )?;
        let target = self.plan.item(item_id).map_or(0, |i| i.kind.target());
        Ok((count, target))
    }

    /// Keeps running timers in `places` from now on, and picks up the one a previous run
    /// left: still running (it goes on, by the time left on the wall clock), or ended
    /// while the app was closed (the session is logged on the day it was started).
    pub fn keep_timers(&mut self, places: ReminderPaths) {
        let stored = timer_store::load(&places);
        self.reminder_paths = Some(places);
        let stored = match stored {
            Ok(Some(stored)) => stored,
            Ok(None) => return,
            Err(err) => {
                self.error(format!("The stored timer could not be read: {err}"));
                return;
            }
        };
        let now = self.now.timestamp();
        let date = stored.started.date().min(self.today());
        if stored.ended_at(now) {
            match self.log_session(&stored.item_id, date) {
                Ok((count, target)) => {
                    self.info(format!(
                        "{}: the session ended while closed, logged ({count}/{target})",
                        stored.label
                    ));
                }
                Err(err) => {
                    self.error(format!(
                        "The timer that ended while closed was not logged: {err}"
                    ));
                    return;
                }
            }
            self.forget_stored_timer();
            return;
        }
        let left = stored.ends.instant.duration_since(now);
        let length = stored.ends.instant.duration_since(stored.started.instant);
        let (Ok(left), Ok(length)) = (Duration::try_from(left), Duration::try_from(length)) else {
            return;
        };
        self.info(format!(
            "{}: timer still running ({} left)",
            stored.label,
            clock_face(left)
        ));
        self.timer = Some(Timer {
            item_id: stored.item_id.clone(),
            date,
            ends: self.monotonic + left,
            length,
            stored,
        });
    }

    fn forget_stored_timer(&mut self) {
        if let Some(places) = &self.reminder_paths
            && let Err(err) = timer_store::forget(places)
        {
            self.error(format!("The stored timer could not be removed: {err}"));
        }
    }

    fn update_welcome(&mut self, action: Action) {
        match action {
            Action::Cancel => self.quit = true,
            action => self.update_treatment_form(action),
        }
    }

    fn update_modal(&mut self, action: Action) {
        match (self.overlay.as_mut(), action) {
            (_, Action::Cancel) => self.overlay = None,
            (Some(Overlay::SkinForm(form)), Action::Skin(edit)) => form.edit(edit),
            (Some(Overlay::SkinForm(_)), Action::Submit) => self.save_skin_form(),
            (Some(Overlay::NewTreatment(_)), action) => self.update_treatment_form(action),
            _ => {}
        }
    }

    /// The treatment form being filled: the welcome screen's, or the one over Today.
    fn treatment_form_mut(&mut self) -> Option<&mut TreatmentForm> {
        match (&mut self.overlay, &mut self.screen) {
            (Some(Overlay::NewTreatment(form)), _) | (None, Screen::Welcome(form)) => Some(form),
            _ => None,
        }
    }

    /// The treatment form, on the welcome screen or over Today.
    fn update_treatment_form(&mut self, action: Action) {
        let now = self.now.clone();
        let Some(form) = self.treatment_form_mut() else {
            return;
        };
        let treatment = match action {
            Action::Edit(edit) => return form.edit(edit),
            Action::NextField | Action::Down | Action::Up => return form.next_field(),
            Action::Submit | Action::Press => match form.to_treatment(&now) {
                Ok(treatment) => treatment,
                Err(message) => return form.error = Some(message),
            },
            _ => return,
        };
        match care::record_treatment(&mut self.journal, treatment) {
            Ok(()) => {
                self.screen = Screen::Today;
                self.overlay = None;
                self.go_to(self.today());
                self.info("Treatment recorded. Here is your care for today.".into());
            }
            Err(err) => self.error(err.to_string()),
        }
    }

    fn save_skin_form(&mut self) {
        let Some(Overlay::SkinForm(form)) = &self.overlay else {
            return;
        };
        if form.unchanged() {
            self.overlay = None;
            self.info("Nothing changed, so nothing was saved.".into());
            return;
        }
        let (date, symptoms, note) = (form.date, form.symptoms(), form.note.text().to_string());
        let signs = form.ticked_signs();
        let result = care::set_skin(&mut self.journal, date, symptoms, &signs, &note, &self.now);
        match result {
            Ok(()) => {
                self.overlay = None;
                self.info(format!(
                    "Skin log for {} saved.",
                    date.strftime("%a %-d %b")
                ));
            }
            Err(err) => self.error(err.to_string()),
        }
    }

    fn update_today(&mut self, action: Action) {
        let len = self.checklist().len();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(len.saturating_sub(1)),
            Action::Press => self.tick_selected(TickChange::Press),
            Action::Select(index) if index < len => {
                if self.selected == index {
                    self.tick_selected(TickChange::Press);
                } else {
                    self.selected = index;
                }
            }
            Action::Increment => self.tick_selected(TickChange::Add(1)),
            Action::Decrement => self.tick_selected(TickChange::Remove(1)),
            Action::ToggleTimer => self.toggle_timer(),
            Action::PrevDay => self.step_day(-1),
            Action::NextDay => self.step_day(1),
            Action::GoToday => self.go_to(self.today()),
            Action::OpenSkinForm => {
                let form = SkinForm::for_day(
                    self.date,
                    self.journal.day(self.date),
                    &self.plan.warning_signs,
                );
                self.overlay = Some(Overlay::SkinForm(form));
            }
            Action::ShowWarningSigns => self.overlay = Some(Overlay::WarningSigns),
            Action::OpenTreatmentForm => {
                let form = TreatmentForm::prefilled(&self.now);
                self.overlay = Some(Overlay::NewTreatment(form));
            }
            _ => {}
        }
    }

    /// ← / →: one day, and a word when there is no day that way (rather than nothing, or a
    /// jump: a day before the first treatment opened from History steps day by day).
    fn step_day(&mut self, delta: i8) {
        let first = self.journal.treatments().first().map(|t| t.at.date());
        let next = if delta < 0 {
            self.date.yesterday().ok()
        } else {
            self.date.tomorrow().ok()
        };
        match next {
            Some(date) if date > self.today() => {
                self.info("This is today: the days to come cannot be logged yet.".into());
            }
            Some(date) if first.is_some_and(|first| date < first && date < self.date) => {
                let first = first.map_or(String::new(), |d| d.strftime("%a %-d %b %Y").to_string());
                self.info(format!(
                    "Nothing earlier to show: your first treatment was on {first}."
                ));
            }
            Some(date) => self.show_day(date),
            None => {}
        }
    }

    /// Shows `date` as it is (the caller checked it is not after today).
    fn show_day(&mut self, date: Date) {
        match self.load_month(Month::of(date)) {
            Ok(()) => {
                self.date = date;
                self.selected = 0;
            }
            Err(err) => self.error(err.to_string()),
        }
    }

    /// Shows another day: never after today, never before the first treatment.
    fn go_to(&mut self, date: Date) {
        let first = self
            .journal
            .treatments()
            .first()
            .map_or(self.today(), |t| t.at.date());
        let date = date.min(self.today()).max(first.min(self.today()));
        match self.load_month(Month::of(date)) {
            Ok(_) => {
                self.date = date;
                self.selected = 0;
            }
            Err(err) => self.error(err.to_string()),
        }
    }

    /// Recomputes the alerts from the last two weeks of logs up to the day on screen.
    fn refresh_alerts(&mut self) {
        let first = alerts::first_date_read(&self.journal, self.date);
        if self.load_month(Month::of(first)).is_err() {
            self.alerts = Vec::new();
            return;
        }
        self.alerts = alerts::for_date(&self.plan, &self.journal, self.date);
    }

    fn selected_item(&self) -> Option<(String, ItemKind)> {
        let items = self.checklist();
        let progress = items.get(self.selected.min(items.len().saturating_sub(1)))?;
        Some((progress.item.id.clone(), progress.item.kind))
    }

    fn tick_selected(&mut self, change: TickChange) {
        let Some((id, _)) = self.selected_item() else {
            return;
        };
        let result = care::tick(
            &mut self.journal,
            &self.plan,
            &id,
            self.date,
            change,
            &self.now,
        );
        if let Err(err) = result {
            self.error(err.to_string());
        }
    }

    fn toggle_timer(&mut self) {
        if let Some(timer) = self.timer.take() {
            let label = self
                .plan
                .item(&timer.item_id)
                .map_or("", |i| i.label.as_str());
            self.info(format!("{label}: timer cancelled, nothing logged"));
            self.forget_stored_timer();
            return;
        }
        match self.selected_item() {
            Some(_) if self.date != self.today() => {
                self.info("Timers run on today only: Home goes back to today".into());
            }
            Some((item_id, ItemKind::Timed { minutes, .. })) => {
                let length = Duration::from_secs(u64::from(minutes) * 60);
                let label = self
                    .plan
                    .item(&item_id)
                    .map_or(String::new(), |i| i.label.clone());
                let ends = self
                    .now
                    .checked_add(length)
                    .unwrap_or_else(|_| self.now.clone());
                let stored = RunningTimer {
                    version: TIMER_VERSION,
                    item_id: item_id.clone(),
                    label,
                    started: Stamp::of(&self.now),
                    ends: Stamp::of(&ends),
                };
                if let Some(places) = &self.reminder_paths
                    && let Err(err) = timer_store::store(places, &stored)
                {
                    self.error(format!(
                        "Timer started but not stored ({err}): quitting cancels it"
                    ));
                    self.reminder_paths = None;
                }
                self.timer = Some(Timer {
                    item_id,
                    date: self.date,
                    ends: self.monotonic + length,
                    length,
                    stored,
                });
            }
            _ => self.info("t starts a timer on a timed item, such as the ice pack".into()),
        }
    }

    /// Tab: Today ⇄ History. History opens on the day the Today screen showed.
    fn switch_screen(&mut self) {
        match &self.screen {
            Screen::Welcome(_) => {}
            Screen::History => self.screen = Screen::Plan,
            Screen::Plan => self.screen = Screen::Today,
            Screen::Today => {
                self.screen = Screen::History;
                let date = self.date;
                let effects = self.history.open(&mut history_context!(self), date);
                self.apply(effects);
            }
        }
    }

    /// Where the Plan screen saves the patient's changes (the TUI passes the config file).
    pub fn with_plan_file(mut self, path: std::path::PathBuf) -> App {
        self.plan_seen = file_stamp(&path);
        self.plan_path = Some(path);
        self
    }

    /// Reads the plan again when its file changed on disk (a change from the shell while
    /// the app is open), so Today follows it within a second. A file that no longer reads
    /// leaves the plan as it was and says why.
    fn reload_plan_if_changed(&mut self) {
        let Some(path) = &self.plan_path else {
            return;
        };
        let stamp = file_stamp(path);
        if stamp == self.plan_seen {
            return;
        }
        self.plan_seen = stamp;
        match crate::journal::plan_file::load(path) {
            Ok((plan, source)) => {
                self.plan = plan;
                self.plan_source = source;
                self.info("Your plan file changed: the plan in force follows it.".into());
            }
            Err(err) => self.error(format!("{err} (the plan stays as it was)")),
        }
    }

    /// Carries out what the Plan screen asked for.
    fn apply_plan(&mut self, effects: Vec<plan_screen::Effect>) {
        for effect in effects {
            match effect {
                plan_screen::Effect::Status(text) => self.info(text),
                plan_screen::Effect::Change(edit) => self.change_plan(&edit),
            }
        }
    }

    /// Checks a change against the whole plan, saves it, and puts the new plan in force at
    /// once (Today's checklist and countdowns, History's calendar). The file is read again
    /// first, so a change made meanwhile from the shell is kept. If the change is refused,
    /// nothing changes and the form (or the status line) says why.
    fn change_plan(&mut self, edit: &crate::domain::plan::edit::PlanEdit) {
        use crate::journal::plan_file;
        let builtin = crate::journal::builtin_plan();
        let result = (|| {
            let (file, mut changes) = match &self.plan_path {
                Some(path) => {
                    let file = plan_file::read(path, builtin).map_err(|e| e.to_string())?;
                    let changes = file.changes(builtin);
                    (Some(file), changes)
                }
                None => (
                    None,
                    crate::domain::plan::changes::diff(builtin, &self.plan),
                ),
            };
            let (what, plan) = crate::domain::plan::edit::apply_edit(&mut changes, builtin, edit)?;
            if let (Some(path), Some(file)) = (&self.plan_path, &file) {
                plan_file::save_changes(path, file, &changes).map_err(|e| e.to_string())?;
                self.plan_seen = file_stamp(path);
                self.plan_source = crate::domain::plan::PlanSource::Changes(path.clone());
            }
            Ok::<_, String>((what, plan))
        })();
        match result {
            Ok((what, plan)) => {
                let id = match edit {
                    crate::domain::plan::edit::PlanEdit::Set { id, .. }
                    | crate::domain::plan::edit::PlanEdit::Reset(id) => id.clone(),
                    crate::domain::plan::edit::PlanEdit::AddItem(item) => {
                        crate::domain::plan::edit::derive_id(&item.label)
                    }
                    crate::domain::plan::edit::PlanEdit::AddRestriction(r) => {
                        crate::domain::plan::edit::derive_id(&r.label)
                    }
                };
                self.plan = plan;
                self.plan_view.follow(&self.plan, &id);
                if matches!(self.overlay, Some(Overlay::PlanForm(_))) {
                    self.overlay = None;
                }
                if let Some(timer) = &self.timer
                    && self.plan.item(&timer.item_id).is_none()
                {
                    self.timer = None;
                }
                self.info(format!("{what}. Saved; Today follows it now."));
            }
            Err(message) => match &mut self.overlay {
                Some(Overlay::PlanForm(form)) => form.error = Some(message),
                _ => self.error(message),
            },
        }
    }

    /// Carries out what the History screen asked for, in order.
    fn apply(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Status { text, is_error } => self.status = Some(Status { text, is_error }),
                Effect::OpenDay(date) => {
                    self.date = date;
                    self.selected = 0;
                    self.screen = Screen::Today;
                }
                Effect::Welcome => {
                    // Nothing left to count from: ask for the treatment again.
                    self.screen = Screen::Welcome(TreatmentForm::prefilled(&self.now));
                }
            }
        }
    }

    fn info(&mut self, text: String) {
        self.status = Some(Status {
            text,
            is_error: false,
        });
    }

    fn error(&mut self, text: String) {
        self.status = Some(Status {
            text,
            is_error: true,
        });
    }
}

/// "08:12": minutes and seconds, as the timer line shows them.
pub fn clock_face(left: Duration) -> String {
    let secs = left.as_secs();
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

/// A file's modification time and size, or `None` when it is absent.
fn file_stamp(path: &std::path::Path) -> Option<(std::time::SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}
