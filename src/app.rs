//! The TUI's state and the one place it changes: [`App::update`].
//!
//! Keys become [`Action`]s (see `keys`), the loop feeds them here, and `ui` draws the
//! result without changing it. Time comes from an injected [`Clock`], so every behaviour,
//! timers and midnight included, is tested without a terminal and without sleeping.

use std::time::{Duration, Instant};

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp, ZonedDateTime};

use crate::care::{self, TickChange};
use crate::clock::Clock;
use crate::history_view::{self, HistoryAction, HistoryView};
use crate::journal::{Journal, Month};
use crate::keys::KeyContext;
use crate::plan::{CarePlan, ItemKind, PlanSource};
use crate::recovery::{self, ItemProgress};
use crate::treatment_form::TreatmentForm;

/// Everything the patient can ask for, whatever key they used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Time passed (sent every second): countdowns, timers, midnight.
    Tick,
    Quit,
    Up,
    Down,
    /// Space/Enter: tick a once-a-day item, or add one to a counted item.
    Press,
    Increment,
    Decrement,
    /// Start the timer on the selected timed item, or cancel the running one.
    ToggleTimer,
    ToggleHelp,
    /// A key for the text field in focus.
    Edit(Edit),
    /// Move to the next field of a form.
    NextField,
    Submit,
    /// Tab: between the Today and History screens.
    SwitchScreen,
    /// A key of the History screen, handled in `history_view`.
    History(HistoryAction),
}

/// Editing keys inside a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Backspace,
    Left,
    Right,
}

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// No treatment yet: ask when it was.
    Welcome,
    Today,
    /// The calendar of adherence, symptom trend and treatments (`history_view`).
    History,
}

/// A running ice-pack (or other timed item) session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timer {
    pub item_id: String,
    /// The day the session is logged on: the day it was started.
    pub date: Date,
    pub ends: Instant,
    pub length: Duration,
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
    pub form: TreatmentForm,
    /// The day on screen; follows today (across midnight) unless the patient moved away.
    pub date: Date,
    pub selected: usize,
    pub timer: Option<Timer>,
    pub show_help: bool,
    pub history: HistoryView,
    pub status: Option<Status>,
    /// The wall clock and the monotonic clock, read once per update.
    pub now: ZonedDateTime,
    pub monotonic: Instant,
    pub quit: bool,
}

impl App {
    /// Builds the app on a journal whose treatments are loaded; reads today's month.
    pub fn new(
        plan: CarePlan,
        plan_source: PlanSource,
        journal: Journal,
        clock: Box<dyn Clock>,
    ) -> Result<App, crate::error::FileError> {
        let now = clock.now();
        let monotonic = clock.monotonic();
        let screen = if journal.latest_treatment().is_some() {
            Screen::Today
        } else {
            Screen::Welcome
        };
        let mut app = App {
            plan,
            plan_source,
            journal,
            clock,
            screen,
            form: TreatmentForm::prefilled(&now),
            date: now.date(),
            selected: 0,
            timer: None,
            show_help: false,
            history: HistoryView::new(now.date()),
            status: None,
            now,
            monotonic,
            quit: false,
        };
        app.journal.load_month(Month::of(app.date))?;
        Ok(app)
    }

    /// The one place the state changes.
    pub fn update(&mut self, action: Action) {
        self.read_clock();
        if action != Action::Tick {
            self.status = None;
        }
        match action {
            Action::Tick => {}
            Action::Quit => self.quit = true,
            Action::ToggleHelp => self.show_help = !self.show_help,
            _ if self.show_help => self.show_help = false,
            Action::SwitchScreen => history_view::switch_screen(self),
            action => match self.screen {
                Screen::Welcome => self.update_welcome(action),
                Screen::Today => self.update_today(action),
                Screen::History => history_view::update(self, action),
            },
        }
    }

    /// How keys are read right now.
    pub fn key_context(&self) -> KeyContext {
        match (self.show_help, self.screen) {
            (true, _) => KeyContext::Help,
            (false, Screen::Welcome) => KeyContext::Form,
            (false, Screen::Today) => KeyContext::Today,
            (false, Screen::History) => self.history.key_context(),
        }
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

    /// Today's local date by the clock.
    pub fn today(&self) -> Date {
        self.now.date()
    }

    /// The checklist of the day on screen, with its counts.
    pub fn checklist(&self) -> Vec<ItemProgress<'_>> {
        match self.day_number() {
            Some(day) => recovery::checklist(&self.plan, day, self.journal.day(self.date)),
            None => Vec::new(),
        }
    }

    /// "Day N after treatment" for the day on screen.
    pub fn day_number(&self) -> Option<u32> {
        recovery::day_number(self.journal.treatment_for(self.date)?, self.date)
    }

    /// Time left on the running timer, never below zero.
    pub fn timer_left(&self) -> Option<Duration> {
        let timer = self.timer.as_ref()?;
        Some(timer.ends.saturating_duration_since(self.monotonic))
    }

    fn read_clock(&mut self) {
        let was_today = self.date == self.today();
        self.now = self.clock.now();
        self.monotonic = self.clock.monotonic();
        if was_today && self.date != self.today() {
            self.date = self.today();
            if let Err(err) = self.journal.load_month(Month::of(self.date)) {
                self.error(err.to_string());
            }
        }
        self.finish_timer_if_due();
    }

    fn finish_timer_if_due(&mut self) {
        let Some(timer) = self.timer.take_if(|t| t.ends <= self.monotonic) else {
            return;
        };
        let result = care::tick(
            &mut self.journal,
            &self.plan,
            &timer.item_id,
            timer.date,
            TickChange::Add(1),
            &self.now,
        );
        match result {
            Ok(count) => {
                let label = self
                    .plan
                    .item(&timer.item_id)
                    .map_or("", |i| i.label.as_str());
                let target = self
                    .plan
                    .item(&timer.item_id)
                    .map_or(0, |i| i.kind.target());
                self.info(format!(
                    "{label}: session done and logged ({count}/{target})"
                ));
            }
            Err(err) => self.error(err.to_string()),
        }
    }

    fn update_welcome(&mut self, action: Action) {
        match action {
            Action::Edit(edit) => self.form.edit(edit),
            Action::NextField | Action::Down | Action::Up => self.form.next_field(),
            Action::Submit | Action::Press => match self.form.to_treatment(&self.now) {
                Ok(treatment) => match care::record_treatment(&mut self.journal, treatment) {
                    Ok(()) => {
                        self.screen = Screen::Today;
                        self.info("Treatment recorded. Here is your care for today.".into());
                    }
                    Err(err) => self.error(err.to_string()),
                },
                Err(message) => self.form.error = Some(message),
            },
            _ => {}
        }
    }

    fn update_today(&mut self, action: Action) {
        let len = self.checklist().len();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(len.saturating_sub(1)),
            Action::Press => self.tick_selected(TickChange::Press),
            Action::Increment => self.tick_selected(TickChange::Add(1)),
            Action::Decrement => self.tick_selected(TickChange::Remove(1)),
            Action::ToggleTimer => self.toggle_timer(),
            _ => {}
        }
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
            return;
        }
        match self.selected_item() {
            Some((item_id, ItemKind::Timed { minutes, .. })) => {
                let length = Duration::from_secs(u64::from(minutes) * 60);
                self.timer = Some(Timer {
                    item_id,
                    date: self.date,
                    ends: self.monotonic + length,
                    length,
                });
            }
            _ => self.info("t starts a timer on a timed item, such as the ice pack".into()),
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
