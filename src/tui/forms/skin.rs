//! The "how is your skin" form: four symptom scores and a free note for one day.

use jiff::civil::Date;

use crate::domain::model::{DayEntry, Score, Symptom, Symptoms};
pub use crate::tui::action::SkinEdit;
use crate::tui::forms::input::TextArea;

/// Which part of the form has focus: one of the four scores, or the note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkinField {
    Score(usize),
    Note,
}

/// The form's state while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkinForm {
    /// The day being logged (today, or a past day being corrected).
    pub date: Date,
    pub scores: [Score; 4],
    /// Scores are saved only if the day had them or the patient set one: opening the form to
    /// write a note must not record "none" for every symptom.
    pub scores_set: bool,
    pub note: TextArea,
    pub focus: SkinField,
    /// What the day held when the form opened: saving it unchanged writes nothing.
    pub original: (Option<Symptoms>, String),
    /// Why the last key did nothing (a letter typed on a score row).
    pub notice: Option<&'static str>,
}

impl SkinForm {
    /// The form for `date`, filled with what was logged.
    pub fn for_day(date: Date, entry: Option<&DayEntry>) -> SkinForm {
        let symptoms = entry.and_then(|e| e.symptoms);
        let s = symptoms.unwrap_or_default();
        SkinForm {
            date,
            scores: Symptom::ALL.map(|symptom| s.get(symptom)),
            scores_set: symptoms.is_some(),
            note: TextArea::new(&entry.map(DayEntry::note).unwrap_or_default()),
            focus: SkinField::Score(0),
            original: (symptoms, entry.map_or(String::new(), |e| e.note())),
            notice: None,
        }
    }

    /// The scores to save, or `None` if none was given.
    pub fn symptoms(&self) -> Option<Symptoms> {
        let [redness, swelling, pain, dryness] = self.scores;
        self.scores_set.then_some(Symptoms {
            redness,
            swelling,
            pain,
            dryness,
        })
    }

    /// True when saving would change nothing that was logged.
    pub fn unchanged(&self) -> bool {
        let scores_same = !self.scores_set || self.symptoms() == self.original.0;
        scores_same && self.note.text() == self.original.1
    }

    pub fn edit(&mut self, edit: SkinEdit) {
        self.notice = None;
        match (self.focus, edit) {
            // Tab jumps between the scores and the note; ↑↓ move from score to score.
            (SkinField::Score(_), SkinEdit::NextField | SkinEdit::PrevField) => {
                self.focus = SkinField::Note;
            }
            (SkinField::Note, SkinEdit::NextField | SkinEdit::PrevField) => {
                self.focus = SkinField::Score(0);
            }
            (SkinField::Score(_), SkinEdit::Insert(_)) => {
                self.notice = Some("Scores take 0 to 4. Tab goes to the note, to write.");
            }
            (SkinField::Score(i), SkinEdit::SetScore(value)) => self.set_score(i, value),
            (SkinField::Score(i), SkinEdit::StepScore(delta)) => {
                let value = self.scores[i].0.saturating_add_signed(delta);
                self.set_score(i, value);
            }
            (SkinField::Score(_), SkinEdit::Up) => self.focus = self.step_focus(-1),
            (SkinField::Score(_), SkinEdit::Down) => self.focus = self.step_focus(1),
            (SkinField::Score(_), _) => {}
            (SkinField::Note, edit) => self.edit_note(edit),
        }
    }

    fn set_score(&mut self, index: usize, value: u8) {
        self.scores[index] = Score(value.min(Score::MAX));
        self.scores_set = true;
    }

    fn edit_note(&mut self, edit: SkinEdit) {
        let note = &mut self.note;
        match edit {
            SkinEdit::Insert(c) => note.insert(c),
            SkinEdit::Newline => note.insert('\n'),
            SkinEdit::Backspace => note.backspace(),
            SkinEdit::Delete => note.delete(),
            SkinEdit::Left => note.left(),
            SkinEdit::Right => note.right(),
            SkinEdit::Up => note.up(),
            SkinEdit::Down => note.down(),
            _ => {}
        }
    }

    fn step_focus(&self, delta: i8) -> SkinField {
        const ORDER: [SkinField; 5] = [
            SkinField::Score(0),
            SkinField::Score(1),
            SkinField::Score(2),
            SkinField::Score(3),
            SkinField::Note,
        ];
        let index = ORDER.iter().position(|f| *f == self.focus).unwrap_or(0);
        ORDER[(index as isize + isize::from(delta)).rem_euclid(ORDER.len() as isize) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_note_alone_records_no_scores() {
        let mut form = SkinForm::for_day(date(2027, 3, 15), None);
        form.edit(SkinEdit::PrevField);
        assert_eq!(form.focus, SkinField::Note);
        form.edit(SkinEdit::Insert('o'));
        form.edit(SkinEdit::Insert('k'));
        assert_eq!(form.note.text(), "ok");
        assert_eq!(form.symptoms(), None);
    }

    #[test]
    fn tab_goes_to_the_note_and_letters_on_a_score_say_why_nothing_happened() {
        let mut form = SkinForm::for_day(date(2027, 3, 15), None);
        form.edit(SkinEdit::Insert('x'));
        assert!(form.notice.is_some_and(|n| n.contains("0 to 4")));
        assert!(form.unchanged());
        form.edit(SkinEdit::NextField);
        assert_eq!(
            form.focus,
            SkinField::Note,
            "Tab from Redness goes to the note"
        );
        assert_eq!(form.notice, None);
        form.edit(SkinEdit::Insert('x'));
        assert!(!form.unchanged());
        form.edit(SkinEdit::NextField);
        assert_eq!(form.focus, SkinField::Score(0));
    }

    #[test]
    fn scores_are_clamped_to_the_scale() {
        let mut form = SkinForm::for_day(date(2027, 3, 15), None);
        form.edit(SkinEdit::StepScore(-1));
        assert_eq!(form.scores[0], Score(0));
        form.edit(SkinEdit::SetScore(9));
        assert_eq!(form.scores[0], Score(4));
        form.edit(SkinEdit::Down);
        form.edit(SkinEdit::StepScore(1));
        assert_eq!(form.symptoms().unwrap().swelling, Score(1));
    }
}
