//! Everything the patient can ask for, whatever key they used: the vocabulary shared by the
//! key table, the app's update and each screen. A leaf module: it imports nothing of the
//! TUI, so every other module can depend on it without a cycle.

/// Everything the patient can ask for, whatever key they used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Time passed (sent every second): countdowns, timers, midnight.
    Tick,
    Quit,
    /// Esc on History: straight back to the Today screen.
    ShowToday,
    /// Ctrl-Z: back to the shell; `fg` brings the screen back (handled by the loop).
    Suspend,
    /// A click on a checklist item: selects it, or ticks it when it is already selected.
    Select(usize),
    Up,
    Down,
    /// Space/Enter: tick a once-a-day item, or add one to a counted item.
    Press,
    Increment,
    Decrement,
    /// Start the timer on the selected timed item, or cancel the running one.
    ToggleTimer,
    ToggleHelp,
    /// Show the day before / after the one on screen (never after today).
    PrevDay,
    NextDay,
    /// Back to today.
    GoToday,
    /// Open the form to score the skin and write the day's note.
    OpenSkinForm,
    /// Open the form to record a new treatment session.
    OpenTreatmentForm,
    /// Show when to call the clinic: the plan's warning signs.
    ShowWarningSigns,
    /// Resolve the alerts standing: "I called my clinic" or "it went away".
    ResolveAlerts(crate::domain::model::Resolution),
    /// A key for the text field in focus.
    Edit(Edit),
    /// A key inside the skin form.
    Skin(SkinEdit),
    /// Move to the next field of a form.
    NextField,
    Submit,
    /// Close a form without saving.
    Cancel,
    /// Tab: Today → History → Plan → Today.
    SwitchScreen,
    /// Open the Plan screen (P).
    OpenPlan,
    /// A key of the Plan screen, handled by `tui::plan`.
    Plan(PlanAction),
    /// Take back the last change made in this window (again: the one before).
    Undo,
    /// Make again the last change undone.
    Redo,
    /// A key of the History screen, handled by `tui::history`.
    History(HistoryAction),
    /// Open the day's photos (f on Today and History).
    OpenPhotos,
    /// A key of the photo view, handled by `tui::photos`.
    Photo(PhotoAction),
    /// The terminal's size, in cells (at start and on every resize): the photo view asks
    /// for its pictures at the size they are drawn.
    Resized(u16, u16),
}

/// What a key asks of the photo view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoAction {
    /// The previous / next photo (or, comparing, the second photo's day).
    Step(i8),
    /// c: day 0 beside the selected photo, same view; again: back to the list.
    Compare,
    /// ?: how to take photos that compare.
    Guide,
    /// a: add a photo by its path.
    Add,
    Close,
}

/// Editing keys inside a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Backspace,
    Left,
    Right,
}

/// What a key asks of the History screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryAction {
    /// Move the calendar cursor by days (←/→).
    Day(i8),
    /// By weeks (↑/↓).
    Week(i8),
    /// By months (PgUp/PgDn, [ and ]).
    Month(i8),
    /// To the previous or next treatment (p/n).
    Treatment(i8),
    /// Open the day under the cursor on the Today screen, to correct it.
    OpenDay,
    /// A click on a day of the calendar.
    Pick(jiff::civil::Date),
    EditTreatment,
    DeleteTreatment,
    /// y or n in the confirm dialog.
    Answer(bool),
    /// Esc in the edit dialog.
    Cancel,
}

/// What a key asks of the Plan screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanAction {
    /// Enter: change the selected entry's numbers in a small form.
    Edit,
    /// Space: turn the selected entry off or on.
    Toggle,
    /// a: add an item or a restriction of the patient's own.
    Add,
    /// r: back to the built-in entry (an entry of the patient's own is removed).
    Reset,
}

/// What the keys do inside the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkinEdit {
    NextField,
    PrevField,
    /// Set the focused score.
    SetScore(u8),
    /// Raise (+1) or lower (-1) the focused score.
    StepScore(i8),
    /// Tick or untick the warning sign in focus.
    ToggleSign,
    Insert(char),
    Newline,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
}
