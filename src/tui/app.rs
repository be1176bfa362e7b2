//! The TUI's state and the one place it changes: [`App::update`].
//!
//! Keys become [`Action`]s (see `keys`), the loop feeds them here, and `ui` draws the
//! result without changing it. Each screen is a view (`today`, `history`, `plan`) that
//! updates itself and hands back [`Effect`]s; [`App::apply`] carries them out. Time comes
//! from an injected [`Clock`], so every behaviour, timers and midnight included, is tested
//! without a terminal and without sleeping.

use crate::domain::conventions::{ClockStyle, Conventions};
use std::time::{Duration, Instant};

use jiff::civil::Date;
use jiff::{Timestamp, ZonedDateTime};

use crate::domain::alerts::{self, Alert};
use crate::domain::plan::edit::{self as plan_edit, PlanEdit};
use crate::domain::plan::undo::PlanStep;
use crate::domain::plan::{CarePlan, PlanSource};
use crate::domain::recovery::{self, ItemProgress};
use crate::domain::time::Clock;
use crate::journal::care;
use crate::journal::error::FileError;
use crate::journal::paths::ReminderPaths;
use crate::journal::{Journal, Month};
pub use crate::tui::action::{Action, Edit};
use crate::tui::error::PlanChangeError;
use crate::tui::forms::treatment::TreatmentForm;
use crate::tui::history::HistoryView;
use crate::tui::keys::KeyContext;
use crate::tui::photos::images::PhotoImages;
use crate::tui::photos::{PhotoBrowser, view as photo_view};
use crate::tui::plan::PlanView;
use crate::tui::plan_watch::PlanWatch;
pub use crate::tui::state::{Overlay, Screen};
use crate::tui::timer::{Timer, TimerAlert};
use crate::tui::today::{self, TodayView};
use crate::tui::undo::UndoStacks;
pub use crate::tui::view::Status;
use crate::tui::view::{Context, Effect};

/// What a view reads and changes besides its own state: borrowed field by field, so the
/// view itself can be borrowed mutably at the same time.
macro_rules! context {
    ($app:expr) => {
        Context {
            plan: &$app.plan,
            journal: &mut $app.journal,
            now: &$app.now,
            monotonic: $app.monotonic,
            clock: $app.clock_style,
        }
    };
}

/// The whole state of the TUI: the views, the journal, the plan and the clock.
pub struct App {
    plan: CarePlan,
    plan_source: PlanSource,
    /// The patient's plan file, where the Plan screen saves; `None`: changes stay in memory.
    plan_file: Option<PlanWatch>,
    journal: Journal,
    clock: Box<dyn Clock>,
    /// How the patient reads a time of day (the settings', loaded once at start).
    clock_style: ClockStyle,
    /// The wall clock and the monotonic clock, read once per update.
    now: ZonedDateTime,
    monotonic: Instant,
    screen: Screen,
    /// At most one thing over the screen: help, a form or a dialog.
    overlay: Option<Overlay>,
    today: TodayView,
    history: HistoryView,
    plan_view: PlanView,
    /// What the patient should hear about on the day on screen (urgent first): recomputed
    /// after each update.
    alerts: Vec<Alert>,
    status: Option<Status>,
    /// This window's changes, to undo (`u`) and redo (`U`, Ctrl-R).
    undo: UndoStacks,
    quit: bool,
    /// Quit was asked while changes could not be saved: the next Quit leaves anyway.
    quit_warned: bool,
    /// Quit was asked while a timer runs and the patient was told what happens to it: the
    /// next Quit leaves. Any other key takes the warning back.
    quit_timer_warned: bool,
    /// How many times files on screen were changed from outside (the loop redraws then).
    outside_changes: u64,
    /// The journal's put-off housekeeping was tried (see [`App::tidy_journal`]).
    tidy_tried: bool,
    /// The photo view's pictures and the worker making them (see `tui::photos`).
    photo_images: PhotoImages,
    /// The terminal's size as last told (`Action::Resized`).
    size: ratatui::layout::Rect,
}

impl App {
    /// Builds the app on a journal whose treatments are loaded; reads today's month.
    pub fn new(
        plan: CarePlan,
        plan_source: PlanSource,
        journal: Journal,
        clock: Box<dyn Clock>,
    ) -> Result<App, FileError> {
        let now = clock.now();
        let monotonic = clock.monotonic();
        let screen = if journal.latest_treatment().is_some() {
            Screen::Today
        } else {
            Screen::Welcome(TreatmentForm::prefilled(&now, ClockStyle::H24))
        };
        let mut app = App {
            plan,
            plan_source,
            plan_file: None,
            undo: UndoStacks::new(&journal),
            journal,
            clock,
            clock_style: ClockStyle::H24,
            screen,
            overlay: None,
            today: TodayView::new(now.date()),
            history: HistoryView::new(now.date()),
            plan_view: PlanView::default(),
            alerts: Vec::new(),
            status: None,
            now,
            monotonic,
            quit: false,
            quit_warned: false,
            quit_timer_warned: false,
            outside_changes: 0,
            tidy_tried: false,
            photo_images: PhotoImages::default(),
            size: ratatui::layout::Rect::new(0, 0, 80, 24),
        };
        app.journal.load_month(Month::of(app.date()))?;
        app.refresh_alerts();
        if let Some(notice) = app.journal.take_notice() {
            app.info(notice);
        }
        Ok(app)
    }

    /// Where the Plan screen saves the patient's changes (the TUI passes the config file).
    /// The patient's conventions: the calendar's week start and the clock every time of day
    /// is written in.
    pub fn with_conventions(mut self, conventions: Conventions) -> App {
        self.history.week_start = conventions.week_start;
        self.clock_style = conventions.clock;
        if let Screen::Welcome(form) = &mut self.screen {
            *form = TreatmentForm::prefilled(&self.now, self.clock_style);
        }
        self
    }

    /// How the patient reads a time of day: every time on screen goes through it.
    pub fn clock_style(&self) -> ClockStyle {
        self.clock_style
    }

    pub fn with_plan_file(mut self, path: std::path::PathBuf) -> App {
        self.plan_file = Some(PlanWatch::new(path));
        self
    }

    /// Keeps running timers in `places` from now on, and picks up the one a previous run
    /// left (see [`TodayView::keep_timers`]).
    pub fn keep_timers(&mut self, places: ReminderPaths) {
        let effects = self.today.keep_timers(&mut context!(self), places);
        self.apply(effects);
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
        // A resize is no key: what the status line says stays.
        let key = !matches!(action, Action::Tick | Action::Resized(..));
        if key {
            self.status = None;
        }
        self.tidy_journal();
        if key && action != Action::Quit {
            self.quit_timer_warned = false;
        }
        match action {
            Action::Tick => {
                self.take_photo_results();
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
            Action::Resized(width, height) => {
                self.size = ratatui::layout::Rect::new(0, 0, width, height);
            }
            Action::OpenPhotos if self.overlay.is_none() => self.open_photos(),
            Action::SwitchScreen if self.overlay.is_none() => self.switch_screen(),
            Action::ShowToday if self.overlay.is_none() && self.screen == Screen::Today => {
                self.info("This is Today: q quits (everything is saved)".into());
            }
            Action::ShowToday if self.overlay.is_none() => self.screen = Screen::Today,
            Action::OpenPlan if self.overlay.is_none() => self.screen = Screen::Plan,
            // One undo story (issue 29): plan changes are in the same stacks as care.
            Action::Undo | Action::Redo if self.overlay.is_none() => {
                self.undo_step(action == Action::Redo);
            }
            action => {
                let procedure = self.latest_procedure();
                let effects = match (&self.overlay, &self.screen) {
                    (Some(Overlay::SkinForm(_) | Overlay::NewTreatment(_)), _) => {
                        self.update_modal(action);
                        Vec::new()
                    }
                    (Some(Overlay::PlanForm(_)), _) | (None, Screen::Plan) => {
                        self.plan_view.update(
                            self.plan.for_procedure(procedure),
                            &mut self.overlay,
                            action,
                        )
                    }
                    (None, Screen::Welcome(_)) => {
                        self.update_welcome(action);
                        Vec::new()
                    }
                    (Some(Overlay::Photos(_)), _) => self.update_photos(action),
                    (None, Screen::Today) => {
                        self.today
                            .update(&mut context!(self), &mut self.overlay, action)
                    }
                    (Some(_), _) | (None, Screen::History) => {
                        self.history
                            .update(&mut context!(self), &mut self.overlay, action)
                    }
                };
                self.apply(effects);
            }
        }
        if self.screen == Screen::Today {
            let effect = self.today.reload_month(&mut context!(self));
            self.apply(effect);
        }
        if action != Action::Tick {
            self.refresh_alerts();
        }
        self.undo.take_new(&self.journal);
        self.show_unsaved();
        self.ask_pictures();
    }

    /// `f`: the photos of the day on screen (Today's day, or History's cursor).
    fn open_photos(&mut self) {
        let date = match self.screen {
            Screen::History => self.history.cursor,
            _ => self.date(),
        };
        match PhotoBrowser::open(&mut self.journal, date) {
            Ok(browser) => self.overlay = Some(Overlay::Photos(browser)),
            Err(err) => self.error(err.to_string()),
        }
    }

    fn update_photos(&mut self, action: Action) -> Vec<Effect> {
        let Some(Overlay::Photos(browser)) = &mut self.overlay else {
            return Vec::new();
        };
        let outcome =
            photo_view::update(browser, &mut self.photo_images, &mut self.journal, action);
        if outcome.closed {
            self.overlay = None;
        }
        outcome.effects
    }

    /// Takes in the pictures and imports the worker finished (on every tick).
    fn take_photo_results(&mut self) {
        let browser = match &mut self.overlay {
            Some(Overlay::Photos(browser)) => Some(browser),
            _ => None,
        };
        let effects = photo_view::take_results(
            browser,
            &mut self.photo_images,
            &mut self.journal,
            &self.now,
        );
        self.apply(effects);
    }

    /// Asks for the pictures the photo view shows, at the size they are drawn.
    fn ask_pictures(&mut self) {
        if let Some(Overlay::Photos(browser)) = &self.overlay {
            photo_view::ask_pictures(browser, &mut self.photo_images, &self.journal, self.size);
        }
    }

    /// How the terminal shows pictures (`tui::photos::picker`); none: images off.
    pub fn set_picker(&mut self, picker: Option<ratatui_image::picker::Picker>) {
        self.photo_images = PhotoImages::new(picker);
        self.ask_pictures();
    }

    /// The photo view is open and the terminal was not asked yet how it shows pictures:
    /// the loop asks it (see `tui::event_loop`).
    pub fn wants_picker(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Photos(_))) && !self.photo_images.chosen()
    }

    /// The photo view's pictures.
    pub fn photo_images(&self) -> &PhotoImages {
        &self.photo_images
    }

    /// Carries out what a view asked for, in order: the one place effects are applied.
    fn apply(&mut self, effects: impl IntoIterator<Item = Effect>) {
        for effect in effects {
            match effect {
                Effect::Status(status) => self.status = Some(status),
                Effect::OpenDay(date) => {
                    let effect = self.today.show_day(&mut context!(self), date);
                    self.apply(effect);
                    self.screen = Screen::Today;
                }
                Effect::Welcome => {
                    // Nothing left to count from: ask for the treatment again.
                    self.screen =
                        Screen::Welcome(TreatmentForm::prefilled(&self.now, self.clock_style));
                }
                Effect::ChangePlan(edit) => self.change_plan(&edit),
            }
        }
    }

    /// `u` / `U`: reverses this window's last change (or the last undo) as a new change,
    /// and redraws the screens from the journal.
    fn undo_step(&mut self, redo: bool) {
        if let Some(step) = self.undo.take_plan_step(redo) {
            self.undo_plan_step(redo, step);
            return;
        }
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
                self.screen =
                    Screen::Welcome(TreatmentForm::prefilled(&self.now, self.clock_style));
            }
            self.today.keep_selection_in_range(&context!(self));
            if self.screen == Screen::History {
                let effects = self.history.journal_changed(&mut context!(self));
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
        let date = self.date();
        let mut months = vec![Month::of(date), Month::of(self.history.cursor)];
        months.push(Month::of(date.saturating_sub(jiff::Span::new().days(14))));
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
        self.today.keep_selection_in_range(&context!(self));
        if matches!(self.screen, Screen::Welcome(_)) && self.journal.latest_treatment().is_some() {
            self.screen = Screen::Today;
        }
        if self.screen == Screen::History {
            let effects = self.history.journal_changed(&mut context!(self));
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
        let timers = self.today.timers();
        if timers.running().is_some() && !self.quit_timer_warned {
            self.quit_timer_warned = true;
            // Short enough for a 60-column status line.
            let text = if timers.kept_when_closed() {
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

    fn read_clock(&mut self) {
        let previous_today = self.today();
        self.now = self.clock.now();
        self.monotonic = self.clock.monotonic();
        if previous_today != self.today() && self.screen == Screen::History {
            let effects = self.history.day_changed(&mut context!(self));
            self.apply(effects);
        }
        let effects = self.today.clock_moved(&mut context!(self), previous_today);
        self.apply(effects);
    }

    /// Recomputes the alerts from the logs since the treatment up to the day on screen.
    fn refresh_alerts(&mut self) {
        let date = self.date();
        let first = alerts::first_date_read(&self.journal, date);
        if crate::journal::history::load_months(&mut self.journal, first, date).is_err() {
            self.alerts = Vec::new();
            return;
        }
        self.alerts = alerts::for_date(&self.plan, &self.journal, date);
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
                Err(err) => return form.error = Some(err.to_string()),
            },
            _ => return,
        };
        match care::record_treatment(&mut self.journal, treatment) {
            Ok(()) => {
                self.screen = Screen::Today;
                self.overlay = None;
                let today = self.today();
                let effect = self.today.show_day(&mut context!(self), today);
                self.apply(effect);
                self.info("Treatment recorded. Here is your care for today.".into());
            }
            Err(err) => self.error(err.to_string()),
        }
    }

    fn save_skin_form(&mut self) {
        let Some(Overlay::SkinForm(form)) = &self.overlay else {
            return;
        };
        let (date, changes) = (form.date, form.changes());
        if changes.is_empty() {
            self.overlay = None;
            self.info("Nothing changed, so nothing was saved.".into());
            return;
        }
        match care::save_skin(&mut self.journal, date, &changes, &self.now) {
            Ok(saved) => {
                self.overlay = None;
                let mut text = format!("Skin log for {} saved.", date.strftime("%a %-d %b"));
                if saved.note_kept_beside {
                    text.push_str(
                        " The note was also changed elsewhere meanwhile: both texts are kept.",
                    );
                }
                self.info(text);
            }
            Err(err) => self.error(err.to_string()),
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
                let date = self.date();
                let effects = self.history.open(&mut context!(self), date);
                self.apply(effects);
            }
        }
    }

    /// Reads the plan again when its file changed on disk (a change from the shell while
    /// the app is open), so Today follows it within a second. A file that no longer reads
    /// leaves the plan as it was and says why.
    fn reload_plan_if_changed(&mut self) {
        let Some(watch) = &mut self.plan_file else {
            return;
        };
        if !watch.changed() {
            return;
        }
        match crate::journal::plan_file::load(watch.path()) {
            Ok((plan, source)) => {
                self.plan = plan;
                self.plan_source = source;
                self.info("Your plan file changed: the plan in force follows it.".into());
            }
            Err(err) => self.error(format!("{err} (the plan stays as it was)")),
        }
    }

    /// Checks a change against the whole plan, saves it, and puts the new plan in force at
    /// once (Today's checklist and countdowns, History's calendar). The file is read again
    /// first, so a change made meanwhile from the shell is kept. If the change is refused,
    /// nothing changes and the form (or the status line) says why.
    fn change_plan(&mut self, edit: &PlanEdit) {
        match self.save_plan_change(edit) {
            Ok((what, plan, step)) => {
                let id = match edit {
                    PlanEdit::Set { id, .. } | PlanEdit::Reset(id) => id.clone(),
                    PlanEdit::AddItem(item) => plan_edit::derive_id(&item.label),
                    PlanEdit::AddRestriction(r) => plan_edit::derive_id(&r.label),
                    PlanEdit::Undo(step) => step.first_id().unwrap_or_default().to_string(),
                };
                if let Some(step) = step {
                    self.undo.push_plan(step);
                }
                self.plan = plan;
                let procedure = self.latest_procedure();
                self.plan_view
                    .follow(self.plan.for_procedure(procedure), &id);
                if matches!(self.overlay, Some(Overlay::PlanForm(_))) {
                    self.overlay = None;
                }
                self.today.plan_changed(&self.plan);
                self.info(match what {
                    Some(what) => format!("{what}. Saved; Today follows it now."),
                    None => format!("Unchanged: {id} already has these values; nothing saved."),
                });
            }
            Err(err) => match &mut self.overlay {
                Some(Overlay::PlanForm(form)) => form.error = Some(err.to_string()),
                _ => self.error(err.to_string()),
            },
        }
    }

    /// Undoes (or redoes) a change to the plan: put on the plan file as it is now, in its
    /// lock, like any change; an entry changed meanwhile is said and left as it is.
    fn undo_plan_step(&mut self, redo: bool, step: PlanStep) {
        let verb = if redo { "Redid" } else { "Undid" };
        match self.save_plan_change(&PlanEdit::Undo(step.clone())) {
            Ok((_, plan, reversal)) => {
                self.plan = plan;
                let procedure = self.latest_procedure();
                if let Some(id) = step.first_id() {
                    self.plan_view
                        .follow(self.plan.for_procedure(procedure), id);
                }
                self.today.plan_changed(&self.plan);
                if let Some(reversal) = reversal {
                    self.undo.plan_step_done(redo, reversal);
                }
                self.info(format!(
                    "{verb}: {}. Saved; Today follows it now.",
                    step.words
                ));
            }
            Err(err) => {
                if matches!(err, PlanChangeError::File(_)) {
                    // Not saved: the same undo works once the file can be written.
                    self.undo.plan_step_kept(redo, step.clone());
                }
                let cannot = if redo { "Cannot redo" } else { "Cannot undo" };
                self.error(format!("{cannot} {}: {err}", step.words));
            }
        }
    }

    /// The plan with `edit` made, saved to the plan file if there is one, what it did in
    /// a few words (`None`: the edit changed nothing, so nothing was written), and the
    /// step that undoes it.
    ///
    /// The file is read, changed and saved under its lock: a `plan set` from the shell
    /// meanwhile is kept, the edit applied on top of it.
    fn save_plan_change(
        &mut self,
        edit: &PlanEdit,
    ) -> Result<(Option<String>, CarePlan, Option<PlanStep>), PlanChangeError> {
        match self
            .plan_file
            .as_ref()
            .map(|watch| watch.path().to_path_buf())
        {
            Some(path) => {
                crate::journal::update_locked(&path, || self.save_plan_change_locked(edit))
            }
            None => self.save_plan_change_locked(edit),
        }
    }

    fn save_plan_change_locked(
        &mut self,
        edit: &PlanEdit,
    ) -> Result<(Option<String>, CarePlan, Option<PlanStep>), PlanChangeError> {
        use crate::journal::plan_file;
        let builtin = crate::journal::builtin_plan();
        let (file, mut changes) = match &self.plan_file {
            Some(watch) => {
                let file = plan_file::read(watch.path(), builtin)?;
                let changes = file.changes(builtin);
                (Some(file), changes)
            }
            None => (
                None,
                crate::domain::plan::changes::diff(builtin, &self.plan),
            ),
        };
        let before = changes.clone();
        let (what, plan) = plan_edit::apply_edit(&mut changes, builtin, edit)?;
        if changes == before {
            // Re-entering the value already in force: nothing to write, and "Saved"
            // would claim a change that was not made.
            return Ok((None, plan, None));
        }
        if let (Some(watch), Some(file)) = (&mut self.plan_file, &file) {
            plan_file::save_changes(watch.path(), file, &changes)?;
            watch.written();
            self.plan_source = PlanSource::Changes(watch.path().to_path_buf());
        }
        let step = PlanStep::between(&before, &changes, what.clone());
        Ok((Some(what), plan, Some(step)))
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

/// What the app shows and the loop needs: read-only, for drawing and tests.
impl App {
    /// Shows a warning on the status line (the loop's word before the first frame, such
    /// as a journal folder others can read).
    pub fn warn(&mut self, text: String) {
        self.error(text);
    }

    /// One last save, for a loop that ends on a signal.
    pub fn save(&mut self) -> Result<(), FileError> {
        self.journal.save()
    }

    /// The journal, handed over when the app is done with it.
    pub fn into_journal(self) -> Journal {
        self.journal
    }

    pub fn plan(&self) -> &CarePlan {
        &self.plan
    }

    /// The plan in force now: that of the latest treatment's procedure (Today's checklist
    /// follows it through the treatment it counts from; the Plan screen shows it).
    pub fn plan_in_force(&self) -> &CarePlan {
        self.plan.for_procedure(self.latest_procedure())
    }

    /// The latest treatment's procedure; standard before any.
    fn latest_procedure(&self) -> crate::domain::model::Procedure {
        self.journal
            .latest_treatment()
            .map(|t| t.procedure)
            .unwrap_or_default()
    }

    pub fn plan_source(&self) -> &PlanSource {
        &self.plan_source
    }

    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    pub fn history(&self) -> &HistoryView {
        &self.history
    }

    pub fn plan_view(&self) -> &PlanView {
        &self.plan_view
    }

    /// What the patient should hear about on the day on screen, urgent first.
    pub fn alerts(&self) -> &[Alert] {
        &self.alerts
    }

    /// The status line: what just happened, or what went wrong.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// The wall clock as read at the last update.
    pub fn now(&self) -> &ZonedDateTime {
        &self.now
    }

    /// Whether the patient asked to leave (and may).
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// How many times files on screen were changed from outside (the loop redraws then).
    pub fn outside_changes(&self) -> u64 {
        self.outside_changes
    }

    /// How keys are read right now.
    pub fn key_context(&self) -> KeyContext {
        crate::tui::state::key_context(&self.screen, self.overlay.as_ref())
    }

    /// True while the help overlay is open.
    pub fn help_shown(&self) -> bool {
        self.overlay == Some(Overlay::Help)
    }

    /// The day on the Today screen.
    pub fn date(&self) -> Date {
        self.today.date()
    }

    /// The checklist item selected on the Today screen.
    pub fn selected(&self) -> usize {
        self.today.selected()
    }

    /// The running timer.
    pub fn timer(&self) -> Option<&Timer> {
        self.today.timers().running()
    }

    /// Time left on the running timer, never below zero.
    pub fn timer_left(&self) -> Option<Duration> {
        self.today.timers().left(self.monotonic)
    }

    /// How many timers ended while the app was open: when it goes up, the loop rings the
    /// terminal bell and shows [`App::timer_alert`] as a notification.
    pub fn timers_ended(&self) -> u64 {
        self.today.timers().ended_count()
    }

    /// What the last timer's end says.
    pub fn timer_alert(&self) -> Option<&TimerAlert> {
        self.today.timers().last_alert()
    }

    /// The instant the restrictions are shown for: now for today, the end of a past day.
    pub fn view_instant(&self) -> Timestamp {
        today::view_instant(self.date(), &self.now)
    }

    /// True when the screen shows a past day rather than today.
    pub fn is_past_day(&self) -> bool {
        self.date() < self.today()
    }

    /// Today's local date by the clock.
    pub fn today(&self) -> Date {
        self.now.date()
    }

    /// The checklist of the day on screen, with its counts.
    pub fn checklist(&self) -> Vec<ItemProgress<'_>> {
        today::checklist(&self.plan, &self.journal, &self.now, self.date())
    }

    /// "Day N after treatment" for the day on screen.
    pub fn day_number(&self) -> Option<u32> {
        recovery::day_number_on(self.treatment()?, self.date(), &self.now)
    }

    /// The treatment the day on screen follows (by instant for today: see
    /// [`recovery::treatment_on`]).
    pub fn treatment(&self) -> Option<&crate::domain::model::Treatment> {
        today::treatment_on(&self.journal, self.date(), &self.now)
    }
}
