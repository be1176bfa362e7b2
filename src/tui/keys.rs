//! Keys to actions: a pure function, so every binding is tested without a terminal.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::tui::action::{Action, Edit, SkinEdit};

/// What a key means on a screen. Only presses count: releases and repeats reported by some
/// terminals (Windows, kitty) would otherwise tick an item twice.
pub fn key_to_action(key: KeyEvent, context: KeyContext) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c' | 'C') => Some(Action::Quit),
            // Ctrl-S saves a form (raw mode turns off the terminal's XOFF on Ctrl-S).
            KeyCode::Char('s' | 'S') => Some(Action::Submit),
            _ => None,
        };
    }
    match context {
        KeyContext::Form => form_key(key.code),
        KeyContext::SkinScores => skin_score_key(key.code),
        KeyContext::SkinNote => skin_note_key(key.code),
        KeyContext::Today => today_key(key.code),
        KeyContext::Help => Some(Action::ToggleHelp),
        KeyContext::History | KeyContext::HistoryForm | KeyContext::Confirm => {
            crate::tui::history::key(key.code, context)
        }
    }
}

/// What the keys are for at the moment: typing, moving around, or closing an overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyContext {
    /// A text field has focus: letters type.
    Form,
    /// The skin form, a score in focus: digits and arrows set it.
    SkinScores,
    /// The skin form, the note in focus: everything types, Enter is a new line.
    SkinNote,
    Today,
    /// The help overlay: any key closes it.
    Help,
    /// The History screen (see `history_view`).
    History,
    /// The History screen's treatment form: letters type, Esc cancels.
    HistoryForm,
    /// A yes/no question: y or n.
    Confirm,
}

pub(crate) fn form_key(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Esc => Action::Cancel,
        KeyCode::Enter => Action::Submit,
        KeyCode::Tab | KeyCode::BackTab | KeyCode::Up | KeyCode::Down => Action::NextField,
        KeyCode::Backspace => Action::Edit(Edit::Backspace),
        KeyCode::Left => Action::Edit(Edit::Left),
        KeyCode::Right => Action::Edit(Edit::Right),
        KeyCode::Char(c) => Action::Edit(Edit::Insert(c)),
        _ => return None,
    })
}

fn skin_score_key(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Esc => Action::Cancel,
        KeyCode::Enter => Action::Submit,
        KeyCode::Tab => Action::Skin(SkinEdit::NextField),
        KeyCode::BackTab => Action::Skin(SkinEdit::PrevField),
        KeyCode::Up | KeyCode::Char('k') => Action::Skin(SkinEdit::Up),
        KeyCode::Down | KeyCode::Char('j') => Action::Skin(SkinEdit::Down),
        KeyCode::Left | KeyCode::Char('h' | '-') => Action::Skin(SkinEdit::StepScore(-1)),
        KeyCode::Right | KeyCode::Char('l' | '+') => Action::Skin(SkinEdit::StepScore(1)),
        KeyCode::Char(c @ '0'..='4') => Action::Skin(SkinEdit::SetScore(c as u8 - b'0')),
        _ => return None,
    })
}

fn skin_note_key(code: KeyCode) -> Option<Action> {
    Some(Action::Skin(match code {
        KeyCode::Esc => return Some(Action::Cancel),
        KeyCode::Tab => SkinEdit::NextField,
        KeyCode::BackTab => SkinEdit::PrevField,
        KeyCode::Enter => SkinEdit::Newline,
        KeyCode::Backspace => SkinEdit::Backspace,
        KeyCode::Delete => SkinEdit::Delete,
        KeyCode::Left => SkinEdit::Left,
        KeyCode::Right => SkinEdit::Right,
        KeyCode::Up => SkinEdit::Up,
        KeyCode::Down => SkinEdit::Down,
        KeyCode::Char(c) => SkinEdit::Insert(c),
        _ => return None,
    }))
}

fn today_key(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Char('q') | KeyCode::Esc => Action::Quit,
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::Char(' ') | KeyCode::Enter => Action::Press,
        KeyCode::Char('+' | '=') => Action::Increment,
        KeyCode::Char('-' | '_') => Action::Decrement,
        KeyCode::Char('t') => Action::ToggleTimer,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Left | KeyCode::Char('[') => Action::PrevDay,
        KeyCode::Right | KeyCode::Char(']') => Action::NextDay,
        KeyCode::Home => Action::GoToday,
        KeyCode::Char('s') => Action::OpenSkinForm,
        KeyCode::Char('r') => Action::OpenTreatmentForm,
        KeyCode::Tab => Action::SwitchScreen,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventState;

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
}
