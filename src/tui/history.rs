//! The History screen's state and how it changes: the calendar cursor, the selected
//! treatment, the edit and confirm dialogs, and the figures computed for drawing.
//!
//! `App::update` hands every action on this screen to [`update`]; the keys that produce
//! them are mapped in [`key`]. Figures that need the journal's files (month summaries,
//! streaks) are computed here, in the update, because drawing must not load anything.

use crossterm::event::KeyCode;
use jiff::ToSpan;
use jiff::civil::Date;

use crate::care;
use crate::domain::adherence::{self, MonthSummary};
use crate::journal::history::AdherenceCache;
use crate::journal::{Month, Treatment};
use crate::tui::action::Action;
pub use crate::tui::action::HistoryAction;
use crate::tui::app::{App, Screen, Status};
use crate::tui::forms::treatment::{DATE_TIME_FORMAT, TreatmentForm};
use crate::tui::keys::{KeyContext, form_key};

/// A change to the treatments waiting for the patient's yes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Replace(usize, Treatment),
    Remove(usize),
}

/// A dialog over the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modal {
    Edit { index: usize, form: TreatmentForm },
    Confirm { question: String, change: Change },
}

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
    pub modal: Option<Modal>,
    /// The cursor's month, `None` if its file could not be read.
    pub month: Option<MonthSummary>,
    pub streaks: Streaks,
    /// The days of the selected treatment's recovery, loaded for the symptom chart.
    pub period: Option<(Date, Date)>,
    cache: AdherenceCache,
}

impl HistoryView {
    pub fn new(cursor: Date) -> HistoryView {
        HistoryView {
            cursor,
            treatment: 0,
            modal: None,
            month: None,
            streaks: Streaks::default(),
            period: None,
            cache: AdherenceCache::default(),
        }
    }

    /// How keys are read: browsing, typing in the edit dialog, or answering y/n.
    pub fn key_context(&self) -> KeyContext {
        match self.modal {
            None => KeyContext::History,
            Some(Modal::Edit { .. }) => KeyContext::HistoryForm,
            Some(Modal::Confirm { .. }) => KeyContext::Confirm,
        }
    }
}

/// The History screen's keys, for the contexts [`HistoryView::key_context`] returns.
pub fn key(code: KeyCode, context: KeyContext) -> Option<Action> {
    use HistoryAction as H;
    let history = |action| Some(Action::History(action));
    match context {
        KeyContext::Confirm => match code {
            KeyCode::Char('y' | 'Y') => history(H::Answer(true)),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => history(H::Answer(false)),
            _ => None,
        },
        KeyContext::HistoryForm if code == KeyCode::Esc => history(H::Cancel),
        KeyContext::HistoryForm => form_key(code),
        _ => match code {
            KeyCode::Left | KeyCode::Char('h') => history(H::Day(-1)),
            KeyCode::Right | KeyCode::Char('l') => history(H::Day(1)),
            KeyCode::Up | KeyCode::Char('k') => history(H::Week(-1)),
            KeyCode::Down | KeyCode::Char('j') => history(H::Week(1)),
            KeyCode::PageUp | KeyCode::Char('[') => history(H::Month(-1)),
            KeyCode::PageDown | KeyCode::Char(']') => history(H::Month(1)),
            KeyCode::Char('p' | '<') => history(H::Treatment(-1)),
            KeyCode::Char('n' | '>') => history(H::Treatment(1)),
            KeyCode::Char('e') => history(H::EditTreatment),
            KeyCode::Char('d') | KeyCode::Delete => history(H::DeleteTreatment),
            KeyCode::Enter => history(H::OpenDay),
            KeyCode::Tab | KeyCode::BackTab => Some(Action::SwitchScreen),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            KeyCode::Char('q') | KeyCode::Esc => Some(Action::Quit),
            _ => None,
        },
    }
}

/// Tab: Today ⇄ History. History opens on the day the Today screen showed.
pub fn switch_screen(app: &mut App) {
    match app.screen {
        Screen::Welcome => {}
        Screen::History => app.screen = Screen::Today,
        Screen::Today => {
            app.screen = Screen::History;
            app.history.modal = None;
            // The patient may have ticked on the Today screen: recount.
            app.history.cache.clear();
            move_cursor(app, app.date);
            refresh(app);
        }
    }
}

/// Midnight passed while the app was open: streaks and the "today" mark move on.
pub fn day_changed(app: &mut App) {
    if app.screen == Screen::History {
        app.history.cache.clear();
        refresh(app);
    }
}

/// Every action on the History screen.
pub fn update(app: &mut App, action: Action) {
    match app.history.modal.take() {
        None => browse(app, action),
        Some(Modal::Edit { index, form }) => edit(app, index, form, action),
        Some(Modal::Confirm { question, change }) => match action {
            Action::History(HistoryAction::Answer(true)) => apply(app, change),
            Action::History(HistoryAction::Answer(false)) => {
                set_status(app, "Nothing changed.", false);
            }
            _ => app.history.modal = Some(Modal::Confirm { question, change }),
        },
    }
    if app.screen == Screen::History {
        refresh(app);
    }
}

fn browse(app: &mut App, action: Action) {
    let Action::History(action) = action else {
        return;
    };
    let cursor = app.history.cursor;
    let moved = match action {
        HistoryAction::Day(n) => cursor.checked_add(i64::from(n).days()).ok(),
        HistoryAction::Week(n) => cursor.checked_add((7 * i64::from(n)).days()).ok(),
        HistoryAction::Month(n) => cursor.checked_add(i64::from(n).months()).ok(),
        HistoryAction::Treatment(n) => {
            select_treatment(app, n);
            return;
        }
        HistoryAction::OpenDay => {
            open_day(app);
            return;
        }
        HistoryAction::EditTreatment => {
            start_edit(app);
            return;
        }
        HistoryAction::DeleteTreatment => {
            ask_delete(app);
            return;
        }
        HistoryAction::Answer(_) | HistoryAction::Cancel => return,
    };
    if let Some(date) = moved {
        move_cursor(app, date);
    }
}

/// Moves the cursor; the selected treatment follows to the one in force that day.
fn move_cursor(app: &mut App, date: Date) {
    app.history.cursor = date;
    let treatments = app.journal.treatments();
    app.history.treatment = treatments
        .iter()
        .rposition(|t| t.at.date() <= date)
        .unwrap_or(0);
}

/// p/n: the previous or next treatment, and the calendar jumps to its day.
fn select_treatment(app: &mut App, delta: i8) {
    let last = app.journal.treatments().len().saturating_sub(1);
    let index = app
        .history
        .treatment
        .saturating_add_signed(isize::from(delta))
        .min(last);
    if let Some(treatment) = app.journal.treatments().get(index) {
        app.history.treatment = index;
        app.history.cursor = treatment.at.date();
    }
}

fn open_day(app: &mut App) {
    let date = app.history.cursor;
    if date > app.today() {
        set_status(
            app,
            "That day has not come yet: pick today or a past day.",
            true,
        );
        return;
    }
    if let Err(err) = app.journal.load_month(Month::of(date)) {
        set_status(app, &err.to_string(), true);
        return;
    }
    app.date = date;
    app.selected = 0;
    app.screen = Screen::Today;
}

fn start_edit(app: &mut App) {
    let index = app.history.treatment;
    let Some(treatment) = app.journal.treatments().get(index) else {
        return;
    };
    let form = TreatmentForm::for_treatment(treatment, app.now.time_zone());
    app.history.modal = Some(Modal::Edit { index, form });
}

fn ask_delete(app: &mut App) {
    let index = app.history.treatment;
    let Some(treatment) = app.journal.treatments().get(index) else {
        return;
    };
    let question = format!("Delete the treatment of {}?", when(treatment));
    app.history.modal = Some(Modal::Confirm {
        question,
        change: Change::Remove(index),
    });
}

fn edit(app: &mut App, index: usize, mut form: TreatmentForm, action: Action) {
    match action {
        Action::History(HistoryAction::Cancel) => return,
        Action::Edit(edit) => form.edit(edit),
        Action::NextField | Action::Up | Action::Down => form.next_field(),
        Action::Submit => match (
            form.to_treatment(&app.now),
            app.journal.treatments().get(index),
        ) {
            (Ok(treatment), Some(old)) => {
                let question = format!(
                    "Change the treatment of {} to {} ({})?",
                    when(old),
                    when(&treatment),
                    if treatment.area.is_empty() {
                        "no area"
                    } else {
                        &treatment.area
                    }
                );
                app.history.modal = Some(Modal::Confirm {
                    question,
                    change: Change::Replace(index, treatment),
                });
                return;
            }
            (Err(message), _) => form.error = Some(message),
            (_, None) => return,
        },
        _ => {}
    }
    app.history.modal = Some(Modal::Edit { index, form });
}

fn apply(app: &mut App, change: Change) {
    app.history.cache.clear();
    let result = match change {
        Change::Replace(index, treatment) => {
            let text = format!("Treatment changed to {}.", when(&treatment));
            care::replace_treatment(&mut app.journal, index, treatment).map(|new_index| {
                if let Some(new_index) = new_index {
                    app.history.treatment = new_index;
                }
                text
            })
        }
        Change::Remove(index) => care::remove_treatment(&mut app.journal, index).map(|old| {
            let last = app.journal.treatments().len().saturating_sub(1);
            app.history.treatment = app.history.treatment.min(last);
            old.map_or_else(String::new, |t| {
                format!("Deleted the treatment of {}.", when(&t))
            })
        }),
    };
    match result {
        Ok(text) => set_status(app, &text, false),
        Err(err) => set_status(app, &err.to_string(), true),
    }
    if app.journal.treatments().is_empty() {
        // Nothing left to count from: ask for the treatment again, as on first start.
        app.form = TreatmentForm::prefilled(&app.now);
        app.screen = Screen::Welcome;
    }
}

/// Recomputes what the screen shows, loading the few months it needs.
fn refresh(app: &mut App) {
    let today = app.today();
    let view = &mut app.history;
    let (plan, journal) = (&app.plan, &mut app.journal);
    let month = view
        .cache
        .month(plan, journal, Month::of(view.cursor))
        .cloned();
    view.period = adherence::recovery_period(plan, journal.treatments(), view.treatment, today);
    let streaks = view
        .cache
        .current_streak(plan, journal, today)
        .and_then(|current| {
            let best = match view.period {
                Some((from, to)) => view.cache.best_streak(plan, journal, from, to)?,
                None => 0,
            };
            Ok(Streaks { current, best })
        });
    let loaded = match view.period {
        Some((from, to)) => crate::journal::history::load_months(journal, from, to),
        None => Ok(()),
    };
    view.month = month.as_ref().ok().cloned();
    view.streaks = streaks.as_ref().copied().unwrap_or_default();
    if let Some(err) = month.err().or(streaks.err()).or(loaded.err()) {
        set_status(app, &err.to_string(), true);
    }
}

/// A treatment's date and time as the patient typed it, in the offset it was recorded in.
pub fn when(treatment: &Treatment) -> String {
    treatment.at.local().strftime(DATE_TIME_FORMAT).to_string()
}

fn set_status(app: &mut App, text: &str, is_error: bool) {
    app.status = Some(Status {
        text: text.to_string(),
        is_error,
    });
}
