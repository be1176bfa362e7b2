//! The one table of key bindings. [`key_to_action`] reads keys through it, and the help
//! overlay ([`help`]) and every footer ([`footer`]) are rendered from it, so what the app
//! does and what it says it does cannot drift apart. A pure function of the key and the
//! context, so every binding is tested without a terminal.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::domain::model::Resolution;
use crate::tui::action::{
    Action, Edit, HistoryAction as H, PhotoAction, PlanAction as P, SkinEdit,
};

/// What the keys are for at the moment: typing, moving around, or closing an overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyContext {
    /// A text field of the new-treatment form has focus: letters type.
    Form,
    /// The welcome screen's treatment form: as [`KeyContext::Form`], but Esc quits.
    Welcome,
    /// The skin form, a score in focus: digits and arrows set it.
    SkinScores,
    /// The skin form, the note in focus: everything types, Enter is a new line.
    SkinNote,
    /// The skin form, a warning sign in focus: Space ticks it.
    SkinSigns,
    Today,
    /// The help overlay: any key closes it.
    Help,
    /// The History screen.
    History,
    /// The History screen's treatment form: letters type, Esc cancels.
    HistoryForm,
    /// A yes/no question: y or n.
    Confirm,
    /// The Plan screen.
    Plan,
    /// The Plan screen's form: letters type, Esc cancels.
    PlanForm,
    /// The photo view over Today or History.
    Photos,
    /// The photo view's path field (a): letters type, Enter adds, Esc cancels.
    PhotoPath,
}

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode),
    /// The letter with Ctrl held.
    Ctrl(char),
    /// Any key without Ctrl (the help overlay: any key closes it).
    Any,
    /// Any character key: typed into the field in focus (the action's character is replaced).
    Typed,
}

/// A footer hint: its place in the footer, the keys, and what they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    pub order: u8,
    pub keys: &'static str,
    pub what: &'static str,
    /// What they do while the thing they toggle is on (the timer runs).
    pub active: Option<&'static str>,
}

/// One line of the table: in these contexts, these keys do these actions; and how the
/// help overlay (keys, description) and the footer present them.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub contexts: &'static [KeyContext],
    pub keys: &'static [(Key, Action)],
    pub help: Option<(&'static str, &'static str)>,
    pub hint: Option<Hint>,
}

use KeyContext as C;

const ALL: &[KeyContext] = &[
    C::Form,
    C::Welcome,
    C::SkinScores,
    C::SkinNote,
    C::SkinSigns,
    C::Today,
    C::Help,
    C::History,
    C::HistoryForm,
    C::Confirm,
    C::Plan,
    C::PlanForm,
    C::Photos,
    C::PhotoPath,
];
const SKIN: &[KeyContext] = &[C::SkinScores, C::SkinNote, C::SkinSigns];
const NOT_SKIN: &[KeyContext] = &[
    C::Form,
    C::Welcome,
    C::Today,
    C::Help,
    C::History,
    C::HistoryForm,
    C::Confirm,
    C::Plan,
    C::PlanForm,
    C::Photos,
    C::PhotoPath,
];
const TEXT: &[KeyContext] = &[C::Form, C::Welcome, C::HistoryForm, C::PlanForm];

const fn code(code: KeyCode) -> Key {
    Key::Code(code)
}
const fn ch(c: char) -> Key {
    Key::Code(KeyCode::Char(c))
}
const fn hint(order: u8, keys: &'static str, what: &'static str) -> Option<Hint> {
    Some(Hint {
        order,
        keys,
        what,
        active: None,
    })
}
const fn history(action: H) -> Action {
    Action::History(action)
}
const fn plan(action: P) -> Action {
    Action::Plan(action)
}
const fn photo(action: PhotoAction) -> Action {
    Action::Photo(action)
}
const fn skin(edit: SkinEdit) -> Action {
    Action::Skin(edit)
}

/// Every binding of the app. Within a context the first row holding a key wins.
pub const BINDINGS: &[Binding] = &[
    // Everywhere. Ctrl-S saves a form (raw mode turns off the terminal's XOFF on Ctrl-S).
    Binding {
        contexts: ALL,
        keys: &[
            (Key::Ctrl('c'), Action::Quit),
            (Key::Ctrl('C'), Action::Quit),
            (Key::Ctrl('z'), Action::Suspend),
            (Key::Ctrl('Z'), Action::Suspend),
        ],
        help: None,
        hint: None,
    },
    Binding {
        contexts: SKIN,
        keys: &[
            (Key::Ctrl('s'), Action::Submit),
            (Key::Ctrl('S'), Action::Submit),
        ],
        help: None,
        hint: hint(0, "Ctrl-S", "save"),
    },
    Binding {
        contexts: NOT_SKIN,
        keys: &[
            (Key::Ctrl('s'), Action::Submit),
            (Key::Ctrl('S'), Action::Submit),
        ],
        help: None,
        hint: None,
    },
    Binding {
        contexts: &[C::Help],
        keys: &[(Key::Any, Action::ToggleHelp)],
        help: None,
        hint: None,
    },
    // The Today screen, in the order a patient needs them.
    Binding {
        contexts: &[C::Today],
        keys: &[
            (code(KeyCode::Up), Action::Up),
            (ch('k'), Action::Up),
            (code(KeyCode::Down), Action::Down),
            (ch('j'), Action::Down),
        ],
        help: Some(("↑ ↓  k j", "move through the checklist")),
        hint: None,
    },
    Binding {
        contexts: &[C::Today],
        keys: &[
            (ch(' '), Action::Press),
            (code(KeyCode::Enter), Action::Press),
        ],
        help: Some(("Space Enter", "tick an item, or add one to a count")),
        hint: hint(1, "Space", "tick"),
    },
    Binding {
        contexts: &[C::Today],
        keys: &[
            (ch('+'), Action::Increment),
            (ch('='), Action::Increment),
            (ch('-'), Action::Decrement),
            (ch('_'), Action::Decrement),
        ],
        help: Some(("+  -", "add one to / take one from a count")),
        hint: None,
    },
    Binding {
        contexts: &[C::Today],
        keys: &[(ch('t'), Action::ToggleTimer)],
        help: Some(("t", "start or cancel the timer of a timed item")),
        hint: Some(Hint {
            order: 2,
            keys: "t",
            what: "timer",
            active: Some("cancel timer"),
        }),
    },
    Binding {
        contexts: &[C::Today],
        keys: &[(ch('s'), Action::OpenSkinForm)],
        help: Some(("s", "skin: scores, warning signs, a note")),
        hint: hint(3, "s", "skin"),
    },
    Binding {
        contexts: &[C::Today],
        keys: &[
            (ch('w'), Action::ShowWarningSigns),
            (ch('!'), Action::ShowWarningSigns),
        ],
        help: Some(("w  !", "warning signs: when to call your clinic")),
        hint: hint(4, "w", "warning signs"),
    },
    Binding {
        contexts: &[C::Today],
        keys: &[
            (ch('c'), Action::ResolveAlerts(Resolution::Called)),
            (ch('g'), Action::ResolveAlerts(Resolution::Gone)),
        ],
        // Shown in the alert frame itself, where the patient looks when one stands.
        help: Some(("c  g", "alert dealt with: I called / it went away")),
        hint: None,
    },
    Binding {
        contexts: &[C::Today],
        keys: &[
            (code(KeyCode::Left), Action::PrevDay),
            (ch('['), Action::PrevDay),
            (code(KeyCode::Right), Action::NextDay),
            (ch(']'), Action::NextDay),
        ],
        help: Some(("← →  [ ]", "previous / next day, to see or correct it")),
        hint: None,
    },
    Binding {
        contexts: &[C::Today],
        keys: &[(code(KeyCode::Home), Action::GoToday)],
        help: Some(("Home", "back to today")),
        hint: None,
    },
    Binding {
        contexts: &[C::Today, C::History],
        keys: &[
            (ch('u'), Action::Undo),
            (ch('U'), Action::Redo),
            (Key::Ctrl('r'), Action::Redo),
            (Key::Ctrl('R'), Action::Redo),
        ],
        help: Some(("u  U  Ctrl-R", "undo / redo the last change, one by one")),
        hint: None,
    },
    Binding {
        contexts: &[C::Today, C::History],
        keys: &[(ch('f'), Action::OpenPhotos)],
        help: Some(("f", "photos of the day: see, compare, add")),
        // Shown only on a day that has photos (the screens drop it otherwise).
        hint: hint(4, "f", "photos"),
    },
    Binding {
        contexts: &[C::Photos],
        keys: &[
            (code(KeyCode::Up), photo(PhotoAction::Step(-1))),
            (ch('k'), photo(PhotoAction::Step(-1))),
            (code(KeyCode::Left), photo(PhotoAction::Step(-1))),
            (ch('h'), photo(PhotoAction::Step(-1))),
            (code(KeyCode::Down), photo(PhotoAction::Step(1))),
            (ch('j'), photo(PhotoAction::Step(1))),
            (code(KeyCode::Right), photo(PhotoAction::Step(1))),
            (ch('l'), photo(PhotoAction::Step(1))),
        ],
        help: None,
        hint: hint(0, "←→", "move"),
    },
    Binding {
        contexts: &[C::Photos],
        keys: &[(ch('c'), photo(PhotoAction::Compare))],
        help: None,
        hint: hint(1, "c", "compare with day 0"),
    },
    Binding {
        contexts: &[C::Photos],
        keys: &[(ch('a'), photo(PhotoAction::Add))],
        help: None,
        hint: hint(2, "a", "add"),
    },
    Binding {
        contexts: &[C::Photos],
        keys: &[(ch('?'), photo(PhotoAction::Guide))],
        help: None,
        hint: hint(3, "?", "guide"),
    },
    Binding {
        contexts: &[C::Photos],
        keys: &[
            (code(KeyCode::Esc), photo(PhotoAction::Close)),
            (ch('q'), photo(PhotoAction::Close)),
            (ch('f'), photo(PhotoAction::Close)),
        ],
        help: None,
        hint: hint(4, "Esc", "close"),
    },
    Binding {
        contexts: &[C::PhotoPath],
        keys: &[
            (code(KeyCode::Enter), Action::Submit),
            (code(KeyCode::Esc), Action::Cancel),
            (code(KeyCode::Backspace), Action::Edit(Edit::Backspace)),
            (code(KeyCode::Left), Action::Edit(Edit::Left)),
            (code(KeyCode::Right), Action::Edit(Edit::Right)),
            (Key::Typed, Action::Edit(Edit::Insert(' '))),
        ],
        help: None,
        hint: hint(0, "Enter", "add this file"),
    },
    Binding {
        contexts: &[C::Today],
        keys: &[(ch('r'), Action::OpenTreatmentForm)],
        help: Some(("r", "record a new treatment session")),
        hint: None,
    },
    Binding {
        contexts: &[C::Today, C::History],
        keys: &[(ch('P'), Action::OpenPlan)],
        help: Some(("P", "your care plan: change it, it is yours")),
        hint: None,
    },
    Binding {
        contexts: &[C::Today],
        keys: &[(ch('?'), Action::ToggleHelp)],
        help: Some(("?", "show or hide this help")),
        hint: hint(6, "?", "help"),
    },
    Binding {
        contexts: &[C::Today],
        keys: &[(code(KeyCode::Tab), Action::SwitchScreen)],
        help: Some(("Tab", "History, then your Plan")),
        hint: hint(5, "Tab", "history"),
    },
    Binding {
        contexts: &[C::Today],
        keys: &[(ch('q'), Action::Quit)],
        help: Some(("q  Ctrl-C", "quit (everything is already saved)")),
        hint: hint(7, "q", "quit"),
    },
    // Esc means "back" everywhere else: on Today it says that q quits instead of quitting
    // without a word.
    Binding {
        contexts: &[C::Today],
        keys: &[(code(KeyCode::Esc), Action::ShowToday)],
        help: None,
        hint: None,
    },
    // The History screen.
    Binding {
        contexts: &[C::History],
        keys: &[
            (code(KeyCode::Left), history(H::Day(-1))),
            (ch('h'), history(H::Day(-1))),
            (code(KeyCode::Right), history(H::Day(1))),
            (ch('l'), history(H::Day(1))),
        ],
        help: Some(("← → h l", "previous / next day")),
        hint: hint(0, "←→↑↓[]", "move"),
    },
    Binding {
        contexts: &[C::History],
        keys: &[
            (code(KeyCode::Up), history(H::Week(-1))),
            (ch('k'), history(H::Week(-1))),
            (code(KeyCode::Down), history(H::Week(1))),
            (ch('j'), history(H::Week(1))),
        ],
        help: Some(("↑ ↓ k j", "previous / next week")),
        hint: None,
    },
    Binding {
        contexts: &[C::History],
        keys: &[
            (code(KeyCode::PageUp), history(H::Month(-1))),
            (ch('['), history(H::Month(-1))),
            (code(KeyCode::PageDown), history(H::Month(1))),
            (ch(']'), history(H::Month(1))),
        ],
        help: Some(("PgUp PgDn [ ]", "previous / next month")),
        hint: None,
    },
    Binding {
        contexts: &[C::History],
        keys: &[
            (ch('p'), history(H::Treatment(-1))),
            (ch('<'), history(H::Treatment(-1))),
            (ch('n'), history(H::Treatment(1))),
            (ch('>'), history(H::Treatment(1))),
        ],
        help: Some(("p  n", "previous / next treatment")),
        hint: hint(1, "p/n", "treatment"),
    },
    Binding {
        contexts: &[C::History],
        keys: &[(code(KeyCode::Enter), history(H::OpenDay))],
        help: Some(("Enter", "open the day on Today, to correct it")),
        hint: hint(3, "Enter", "open day"),
    },
    Binding {
        contexts: &[C::History],
        keys: &[
            (ch('e'), history(H::EditTreatment)),
            (ch('d'), history(H::DeleteTreatment)),
            (code(KeyCode::Delete), history(H::DeleteTreatment)),
        ],
        help: Some(("e  d", "correct / delete a treatment, asks first")),
        hint: hint(2, "e/d", "edit/delete"),
    },
    Binding {
        contexts: &[C::History],
        keys: &[
            (code(KeyCode::Tab), Action::SwitchScreen),
            (code(KeyCode::BackTab), Action::SwitchScreen),
        ],
        help: Some(("Tab", "the Plan screen (Tab again: Today)")),
        hint: hint(4, "Tab", "plan"),
    },
    Binding {
        contexts: &[C::History],
        keys: &[(code(KeyCode::Esc), Action::ShowToday)],
        help: Some(("Esc", "back to Today")),
        hint: None,
    },
    Binding {
        contexts: &[C::History],
        keys: &[(ch('?'), Action::ToggleHelp)],
        help: Some(("?", "show or hide this help")),
        hint: hint(5, "?", "help"),
    },
    Binding {
        contexts: &[C::History],
        keys: &[(ch('q'), Action::Quit)],
        help: Some(("q  Ctrl-C", "quit (everything is already saved)")),
        hint: hint(6, "q", "quit"),
    },
    // The Plan screen.
    Binding {
        contexts: &[C::Plan],
        keys: &[
            (code(KeyCode::Up), Action::Up),
            (ch('k'), Action::Up),
            (code(KeyCode::Down), Action::Down),
            (ch('j'), Action::Down),
        ],
        help: Some(("↑ ↓  k j", "move through the plan")),
        hint: hint(0, "↑↓", "move"),
    },
    Binding {
        contexts: &[C::Plan],
        keys: &[(code(KeyCode::Enter), plan(P::Edit))],
        help: Some(("Enter", "change its numbers (days, times, hours)")),
        hint: hint(1, "Enter", "change"),
    },
    Binding {
        contexts: &[C::Plan],
        keys: &[(ch(' '), plan(P::Toggle))],
        help: Some(("Space", "turn it off or on; its ticks are kept")),
        hint: hint(2, "Space", "on/off"),
    },
    Binding {
        contexts: &[C::Plan],
        keys: &[(ch('a'), plan(P::Add))],
        help: Some(("a", "add an item or restriction of yours")),
        hint: hint(3, "a", "add"),
    },
    Binding {
        contexts: &[C::Plan],
        keys: &[
            (ch('u'), Action::Undo),
            (ch('U'), Action::Redo),
            (Key::Ctrl('r'), Action::Redo),
        ],
        help: Some(("u / U", "undo / redo the last change")),
        hint: None,
    },
    Binding {
        contexts: &[C::Plan],
        keys: &[(ch('r'), plan(P::Reset))],
        help: Some(("r", "reset to built-in (yours: remove it)")),
        hint: hint(4, "r", "reset"),
    },
    Binding {
        contexts: &[C::Plan],
        keys: &[
            (code(KeyCode::Tab), Action::SwitchScreen),
            (code(KeyCode::BackTab), Action::SwitchScreen),
        ],
        help: Some(("Tab", "back to Today")),
        hint: hint(5, "Tab", "Today"),
    },
    Binding {
        contexts: &[C::Plan],
        keys: &[(code(KeyCode::Esc), Action::ShowToday)],
        help: Some(("Esc", "back to Today")),
        hint: None,
    },
    Binding {
        contexts: &[C::Plan],
        keys: &[(ch('?'), Action::ToggleHelp)],
        help: Some(("?", "show or hide this help")),
        hint: hint(6, "?", "help"),
    },
    Binding {
        contexts: &[C::Plan],
        keys: &[(ch('q'), Action::Quit)],
        help: Some(("q  Ctrl-C", "quit (everything is already saved)")),
        hint: hint(7, "q", "quit"),
    },
    // The y/n question before a treatment is changed or deleted.
    Binding {
        contexts: &[C::Confirm],
        keys: &[
            (ch('y'), history(H::Answer(true))),
            (ch('Y'), history(H::Answer(true))),
        ],
        help: None,
        hint: hint(0, "y", "yes"),
    },
    Binding {
        contexts: &[C::Confirm],
        keys: &[
            (ch('n'), history(H::Answer(false))),
            (ch('N'), history(H::Answer(false))),
            (code(KeyCode::Esc), history(H::Answer(false))),
        ],
        help: None,
        hint: hint(1, "n Esc", "no, keep it"),
    },
    // Treatment forms: new (over Today), welcome, and correcting one on History.
    Binding {
        contexts: &[C::HistoryForm],
        keys: &[(code(KeyCode::Esc), history(H::Cancel))],
        help: None,
        hint: hint(2, "Esc", "cancel"),
    },
    Binding {
        contexts: &[
            C::Form,
            C::SkinScores,
            C::SkinNote,
            C::SkinSigns,
            C::PlanForm,
        ],
        keys: &[(code(KeyCode::Esc), Action::Cancel)],
        help: None,
        hint: hint(2, "Esc", "cancel"),
    },
    Binding {
        contexts: &[C::Welcome],
        keys: &[(code(KeyCode::Esc), Action::Cancel)],
        help: None,
        hint: hint(2, "Esc", "quit"),
    },
    Binding {
        contexts: TEXT,
        keys: &[(code(KeyCode::Enter), Action::Submit)],
        help: None,
        hint: hint(0, "Enter", "confirm"),
    },
    Binding {
        contexts: TEXT,
        keys: &[
            (code(KeyCode::Tab), Action::NextField),
            (code(KeyCode::BackTab), Action::NextField),
            (code(KeyCode::Up), Action::NextField),
            (code(KeyCode::Down), Action::NextField),
        ],
        help: None,
        hint: hint(1, "Tab", "next field"),
    },
    Binding {
        contexts: TEXT,
        keys: &[
            (code(KeyCode::Backspace), Action::Edit(Edit::Backspace)),
            (code(KeyCode::Left), Action::Edit(Edit::Left)),
            (code(KeyCode::Right), Action::Edit(Edit::Right)),
            (Key::Typed, Action::Edit(Edit::Insert(' '))),
        ],
        help: None,
        hint: None,
    },
    // The skin form.
    Binding {
        contexts: SKIN,
        keys: &[
            (code(KeyCode::Tab), skin(SkinEdit::NextField)),
            (code(KeyCode::BackTab), skin(SkinEdit::PrevField)),
        ],
        help: None,
        hint: hint(1, "Tab", "next field"),
    },
    Binding {
        contexts: &[C::SkinScores],
        keys: &[
            (code(KeyCode::Enter), Action::Submit),
            (code(KeyCode::Up), skin(SkinEdit::Up)),
            (ch('k'), skin(SkinEdit::Up)),
            (code(KeyCode::Down), skin(SkinEdit::Down)),
            (ch('j'), skin(SkinEdit::Down)),
            (code(KeyCode::Left), skin(SkinEdit::StepScore(-1))),
            (ch('h'), skin(SkinEdit::StepScore(-1))),
            (ch('-'), skin(SkinEdit::StepScore(-1))),
            (code(KeyCode::Right), skin(SkinEdit::StepScore(1))),
            (ch('l'), skin(SkinEdit::StepScore(1))),
            (ch('+'), skin(SkinEdit::StepScore(1))),
            (ch('0'), skin(SkinEdit::SetScore(0))),
            (ch('1'), skin(SkinEdit::SetScore(1))),
            (ch('2'), skin(SkinEdit::SetScore(2))),
            (ch('3'), skin(SkinEdit::SetScore(3))),
            (ch('4'), skin(SkinEdit::SetScore(4))),
            // Any other letter: the form says scores take digits.
            (Key::Typed, skin(SkinEdit::Insert(' '))),
        ],
        help: None,
        hint: None,
    },
    Binding {
        contexts: &[C::SkinSigns],
        keys: &[
            (ch(' '), skin(SkinEdit::ToggleSign)),
            (ch('x'), skin(SkinEdit::ToggleSign)),
            (code(KeyCode::Enter), Action::Submit),
            (code(KeyCode::Up), skin(SkinEdit::Up)),
            (ch('k'), skin(SkinEdit::Up)),
            (code(KeyCode::Down), skin(SkinEdit::Down)),
            (ch('j'), skin(SkinEdit::Down)),
        ],
        help: None,
        hint: hint(1, "Space", "tick sign"),
    },
    Binding {
        contexts: &[C::SkinNote],
        keys: &[
            (code(KeyCode::Enter), skin(SkinEdit::Newline)),
            (code(KeyCode::Backspace), skin(SkinEdit::Backspace)),
            (code(KeyCode::Delete), skin(SkinEdit::Delete)),
            (code(KeyCode::Left), skin(SkinEdit::Left)),
            (code(KeyCode::Right), skin(SkinEdit::Right)),
            (code(KeyCode::Up), skin(SkinEdit::Up)),
            (code(KeyCode::Down), skin(SkinEdit::Down)),
            (Key::Typed, skin(SkinEdit::Insert(' '))),
        ],
        help: None,
        hint: None,
    },
];

/// What a key means in a context. Only presses count: releases and repeats reported by
/// some terminals (Windows, kitty) would otherwise tick an item twice.
pub fn key_to_action(key: KeyEvent, context: KeyContext) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    BINDINGS
        .iter()
        .filter(|binding| binding.contexts.contains(&context))
        .flat_map(|binding| binding.keys)
        .find_map(|&(bound, action)| match (bound, key.code) {
            (Key::Ctrl(c), KeyCode::Char(pressed)) if ctrl && c == pressed => Some(action),
            (_, _) if ctrl => None,
            (Key::Code(code), pressed) if code == pressed => Some(action),
            (Key::Any, _) => Some(action),
            (Key::Typed, KeyCode::Char(c)) => Some(typed(action, c)),
            _ => None,
        })
}

/// A typing action of the table, carrying the character actually typed.
fn typed(action: Action, c: char) -> Action {
    match action {
        Action::Edit(Edit::Insert(_)) => Action::Edit(Edit::Insert(c)),
        Action::Skin(SkinEdit::Insert(_)) => Action::Skin(SkinEdit::Insert(c)),
        other => other,
    }
}

/// What pasted text does (bracketed paste): it is typed into the field in focus, and a
/// line break in it never submits a form. In a one-line field it becomes a space; in the
/// note, a new line. Outside a text field a paste does nothing.
pub fn paste_actions(text: &str, context: KeyContext) -> Vec<Action> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    match context {
        C::Form | C::Welcome | C::HistoryForm | C::PhotoPath => text
            .chars()
            .filter(|c| *c == '\n' || !c.is_control())
            .map(|c| Action::Edit(Edit::Insert(if c == '\n' { ' ' } else { c })))
            .collect(),
        C::SkinNote => text
            .chars()
            .filter(|c| *c == '\n' || !c.is_control())
            .map(|c| match c {
                '\n' => Action::Skin(SkinEdit::Newline),
                c => Action::Skin(SkinEdit::Insert(c)),
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The help overlay's lines for a context: keys and what they do, in the table's order.
pub fn help(context: KeyContext) -> impl Iterator<Item = (&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(move |binding| binding.contexts.contains(&context))
        .filter_map(|binding| binding.help)
}

/// The footer for a context: `(keys, what)` pairs in the footer's order; `active` picks the
/// wording for a toggle that is on (the timer runs).
pub fn footer(context: KeyContext, active: bool) -> Vec<(&'static str, &'static str)> {
    let mut hints: Vec<Hint> = BINDINGS
        .iter()
        .filter(|binding| binding.contexts.contains(&context))
        .filter_map(|binding| binding.hint)
        .collect();
    hints.sort_by_key(|hint| hint.order);
    hints
        .into_iter()
        .map(|hint| {
            let what = if active {
                hint.active.unwrap_or(hint.what)
            } else {
                hint.what
            };
            (hint.keys, what)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn releases_are_ignored() {
        let release = KeyEvent {
            code: KeyCode::Char(' '),
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Release,
            state: KeyEventState::NONE,
        };
        assert_eq!(key_to_action(release, KeyContext::Today), None);
        assert_eq!(
            key_to_action(key(KeyCode::Char(' ')), KeyContext::Today),
            Some(Action::Press)
        );
    }

    #[test]
    fn the_plan_screen_keeps_help_and_quit_in_its_footer_and_esc_goes_back_to_today() {
        let footer = footer(KeyContext::Plan, false);
        assert!(footer.contains(&("?", "help")), "{footer:?}");
        assert!(footer.contains(&("q", "quit")), "{footer:?}");
        assert_eq!(
            key_to_action(key(KeyCode::Esc), KeyContext::Plan),
            Some(Action::ShowToday)
        );
    }

    #[test]
    fn ctrl_c_quits_everywhere_and_letters_type_in_forms() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(key_to_action(ctrl_c, KeyContext::Form), Some(Action::Quit));
        assert_eq!(key_to_action(ctrl_c, KeyContext::Today), Some(Action::Quit));
        assert_eq!(
            key_to_action(key(KeyCode::Char('q')), KeyContext::Form),
            Some(Action::Edit(Edit::Insert('q')))
        );
        assert_eq!(
            key_to_action(key(KeyCode::Char('q')), KeyContext::Today),
            Some(Action::Quit)
        );
    }

    #[test]
    fn a_pasted_line_break_never_submits() {
        let actions = paste_actions("face\r\nneck\n", KeyContext::Form);
        assert!(!actions.contains(&Action::Submit));
        assert_eq!(actions.len(), 10);
        assert_eq!(actions[4], Action::Edit(Edit::Insert(' ')));
        let note = paste_actions("a\nb", KeyContext::SkinNote);
        assert_eq!(note[1], Action::Skin(SkinEdit::Newline));
        assert!(paste_actions("q", KeyContext::Today).is_empty());
    }

    #[test]
    fn ctrl_z_suspends_everywhere() {
        let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
        for context in ALL {
            assert_eq!(key_to_action(ctrl_z, *context), Some(Action::Suspend));
        }
    }

    #[test]
    fn u_undoes_and_shift_u_or_ctrl_r_redoes_on_both_screens() {
        for context in [KeyContext::Today, KeyContext::History] {
            assert_eq!(
                key_to_action(key(KeyCode::Char('u')), context),
                Some(Action::Undo)
            );
            assert_eq!(
                key_to_action(key(KeyCode::Char('U')), context),
                Some(Action::Redo)
            );
            let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
            assert_eq!(key_to_action(ctrl_r, context), Some(Action::Redo));
        }
        // In a form, u is a letter.
        assert_eq!(
            key_to_action(key(KeyCode::Char('u')), KeyContext::Form),
            Some(Action::Edit(Edit::Insert('u')))
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_a_context() {
        for context in ALL {
            let keys: Vec<Key> = BINDINGS
                .iter()
                .filter(|b| b.contexts.contains(context))
                .flat_map(|b| b.keys.iter().map(|(k, _)| *k))
                .collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(
                    !keys[..i].contains(k),
                    "{k:?} is bound twice in {context:?}"
                );
            }
        }
    }
}
