//! The "how is your skin" form: four symptom scores, the warning signs to tick, and a free
//! note for one day.

use jiff::civil::Date;

use crate::domain::model::{DayEntry, EventId, Score, Symptom, Symptoms};
use crate::domain::plan::WarningSign;
use crate::journal::care::{NoteRewrite, SkinChanges};
pub use crate::tui::action::SkinEdit;
use crate::tui::forms::input::TextArea;

/// Which part of the form has focus: one of the four scores, a warning sign, or the note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkinField {
    Score(usize),
    Sign(usize),
    Note,
}

/// One warning sign of the plan, as a box to tick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignBox {
    pub id: String,
    pub text: String,
    pub ticked: bool,
    /// Ticked, it means the emergency number, not the clinic: drawn so even unticked.
    pub emergency: bool,
}

/// The form's state while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkinForm {
    /// The day being logged (today, or a past day being corrected).
    pub date: Date,
    pub scores: [Score; 4],
    /// Which scores the patient set in the form: only those are saved (opening the form to
    /// write a note must not record "none" for every symptom, nor write back scores the
    /// shell changed meanwhile).
    pub scores_set: [bool; 4],
    /// The plan's warning signs, ticked as logged that day.
    pub signs: Vec<SignBox>,
    pub note: TextArea,
    pub focus: SkinField,
    /// What the day held when the form opened (scores, signs, note): a save writes only
    /// what differs from it.
    pub original: (Option<Symptoms>, Vec<String>, String),
    /// The note versions shown when the form opened: a save replaces these only, so a
    /// note written elsewhere meanwhile stays beside the patient's.
    pub note_seen: Vec<EventId>,
    /// Why the last key did nothing (a letter typed on a score row).
    pub notice: Option<&'static str>,
}

impl SkinForm {
    /// The form for `date`, filled with what was logged; `signs` are the plan's.
    pub fn for_day(date: Date, entry: Option<&DayEntry>, signs: &[WarningSign]) -> SkinForm {
        let symptoms = entry.and_then(|e| e.symptoms);
        let s = symptoms.unwrap_or_default();
        let logged = entry.map_or(&[][..], |e| e.signs.as_slice());
        let mut boxes: Vec<SignBox> = signs
            .iter()
            .map(|sign| SignBox {
                id: sign.id.clone(),
                text: sign.text.clone(),
                emergency: sign.emergency,
                ticked: logged.iter().any(|id| id.eq_ignore_ascii_case(&sign.id)),
            })
            .collect();
        // A sign logged under a plan that no longer lists it stays, named by its id: the
        // form must not drop what the patient logged.
        for id in logged {
            if !boxes.iter().any(|b| b.id.eq_ignore_ascii_case(id)) {
                boxes.push(SignBox {
                    id: id.clone(),
                    text: id.clone(),
                    ticked: true,
                    emergency: false,
                });
            }
        }
        SkinForm {
            date,
            scores: Symptom::ALL.map(|symptom| s.get(symptom)),
            scores_set: [false; 4],
            signs: boxes,
            note: TextArea::new(&entry.map(DayEntry::note).unwrap_or_default()),
            focus: SkinField::Score(0),
            original: (
                symptoms,
                logged.to_vec(),
                entry.map_or(String::new(), |e| e.note()),
            ),
            note_seen: entry.map_or(Vec::new(), |e| e.notes.iter().map(|v| v.edit.id).collect()),
            notice: None,
        }
    }

    /// What the patient changed in the form, field by field: all a save writes.
    pub fn changes(&self) -> SkinChanges {
        let scores = Symptom::ALL
            .into_iter()
            .zip(self.scores)
            .zip(self.scores_set)
            .filter(|&((symptom, score), set)| {
                set && self.original.0.is_none_or(|o| o.get(symptom) != score)
            })
            .map(|(pair, _)| pair)
            .collect();
        let logged = |id: &str| self.original.1.iter().any(|o| o.eq_ignore_ascii_case(id));
        let ids = |ticked: bool| {
            self.signs
                .iter()
                .filter(|b| b.ticked == ticked && logged(&b.id) != ticked)
                .map(|b| b.id.clone())
                .collect()
        };
        let note = (self.note.text() != self.original.2).then(|| NoteRewrite {
            text: self.note.text().to_string(),
            seen: self.note_seen.clone(),
        });
        SkinChanges {
            scores,
            signs_added: ids(true),
            signs_removed: ids(false),
            note,
        }
    }

    /// True when saving would change nothing that was logged (scores, signs, note).
    pub fn unchanged(&self) -> bool {
        self.changes().is_empty()
    }

    pub fn edit(&mut self, edit: SkinEdit) {
        self.notice = None;
        match (self.focus, edit) {
            // Tab goes scores → signs (one stop) → note; ↑↓ move within scores and signs.
            (_, SkinEdit::NextField) => self.focus = self.tab(1),
            (_, SkinEdit::PrevField) => self.focus = self.tab(-1),
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
            (SkinField::Sign(i), SkinEdit::ToggleSign) => {
                if let Some(sign) = self.signs.get_mut(i) {
                    sign.ticked = !sign.ticked;
                }
            }
            (SkinField::Sign(_), SkinEdit::Up) => self.focus = self.step_focus(-1),
            (SkinField::Sign(_), SkinEdit::Down) => self.focus = self.step_focus(1),
            (SkinField::Sign(_), _) => {}
            (SkinField::Note, edit) => self.edit_note(edit),
        }
    }

    fn set_score(&mut self, index: usize, value: u8) {
        self.scores[index] = Score(value.min(Score::MAX));
        self.scores_set[index] = true;
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

    /// Tab and Shift-Tab: the scores are one stop, the list of signs one stop (↑↓ move
    /// inside each), the note the last.
    fn tab(&self, delta: i8) -> SkinField {
        let stops: Vec<SkinField> = [SkinField::Score(0)]
            .into_iter()
            .chain((!self.signs.is_empty()).then_some(SkinField::Sign(0)))
            .chain([SkinField::Note])
            .collect();
        let here = match self.focus {
            SkinField::Sign(_) => SkinField::Sign(0),
            SkinField::Score(_) => SkinField::Score(0),
            other => other,
        };
        let index = stops.iter().position(|f| *f == here).unwrap_or(0);
        let len = stops.len() as isize;
        stops[(index as isize + isize::from(delta)).rem_euclid(len) as usize]
    }

    fn step_focus(&self, delta: i8) -> SkinField {
        let order: Vec<SkinField> = (0..Symptom::ALL.len())
            .map(SkinField::Score)
            .chain((0..self.signs.len()).map(SkinField::Sign))
            .chain([SkinField::Note])
            .collect();
        let index = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let len = order.len() as isize;
        order[(index as isize + isize::from(delta)).rem_euclid(len) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_note_alone_records_no_scores() {
        let mut form = SkinForm::for_day(date(2027, 3, 15), None, &[]);
        form.edit(SkinEdit::PrevField);
        assert_eq!(form.focus, SkinField::Note);
        form.edit(SkinEdit::Insert('o'));
        form.edit(SkinEdit::Insert('k'));
        assert_eq!(form.note.text(), "ok");
        assert!(form.changes().scores.is_empty());
    }

    #[test]
    fn signs_follow_the_scores_and_space_ticks_them() {
        let plan = crate::journal::builtin_plan().clone();
        let mut form = SkinForm::for_day(date(2027, 3, 15), None, &plan.warning_signs);
        for _ in 0..5 {
            form.edit(SkinEdit::Down);
        }
        assert_eq!(form.focus, SkinField::Sign(1));
        form.edit(SkinEdit::ToggleSign);
        assert_eq!(form.changes().signs_added, ["fever"]);
        form.edit(SkinEdit::ToggleSign);
        assert!(form.changes().is_empty());
    }

    #[test]
    fn tab_goes_to_the_signs_then_the_note_and_letters_on_a_score_say_why_nothing_happened() {
        let plan = crate::journal::builtin_plan().clone();
        let mut form = SkinForm::for_day(date(2027, 3, 15), None, &plan.warning_signs);
        form.edit(SkinEdit::Insert('x'));
        assert!(form.notice.is_some_and(|n| n.contains("0 to 4")));
        assert!(form.unchanged());
        form.edit(SkinEdit::NextField);
        assert_eq!(
            form.focus,
            SkinField::Sign(0),
            "Tab from Redness goes to the signs"
        );
        form.edit(SkinEdit::ToggleSign);
        assert!(!form.unchanged(), "a ticked sign is a change");
        form.edit(SkinEdit::ToggleSign);
        assert!(form.unchanged());
        form.edit(SkinEdit::NextField);
        assert_eq!(
            form.focus,
            SkinField::Note,
            "Tab from the signs goes to the note"
        );
        assert_eq!(form.notice, None);
        form.edit(SkinEdit::Insert('x'));
        assert!(!form.unchanged());
        form.edit(SkinEdit::NextField);
        assert_eq!(form.focus, SkinField::Score(0));
    }

    #[test]
    fn scores_are_clamped_to_the_scale() {
        let mut form = SkinForm::for_day(date(2027, 3, 15), None, &[]);
        form.edit(SkinEdit::StepScore(-1));
        assert_eq!(form.scores[0], Score(0));
        form.edit(SkinEdit::SetScore(9));
        assert_eq!(form.scores[0], Score(4));
        form.edit(SkinEdit::Down);
        form.edit(SkinEdit::StepScore(1));
        assert_eq!(
            form.changes().scores,
            [(Symptom::Redness, Score(4)), (Symptom::Swelling, Score(1))],
            "the scores set, one by one"
        );
    }
}
