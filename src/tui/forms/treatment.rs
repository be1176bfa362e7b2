//! The form that records a treatment: when (prefilled with now), where, and which
//! procedure (a field that cycles: the plan follows it).

use jiff::ZonedDateTime;

use crate::domain::conventions::ClockStyle;
use crate::domain::model::Procedure;
use crate::domain::time::Stamp;
use crate::journal::Treatment;
use crate::tui::action::Edit;
use crate::tui::error::FormError;
use crate::tui::forms::input::TextInput;

pub use crate::domain::text::{DATE_TIME_FORMAT, parse_local_date_time};

/// Which field has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    When,
    Area,
    Procedure,
    Note,
}

/// The state of the treatment form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreatmentForm {
    pub when: TextInput,
    pub area: TextInput,
    pub procedure: Procedure,
    pub note: TextInput,
    pub focus: Field,
    /// Why the last submit was refused.
    pub error: Option<String>,
}

impl TreatmentForm {
    /// A form with the date and time of `now` in the patient's `clock`, ready to confirm.
    pub fn prefilled(now: &ZonedDateTime, clock: ClockStyle) -> TreatmentForm {
        TreatmentForm {
            when: TextInput::new(&clock.date_time(now.datetime())),
            area: TextInput::new("face"),
            procedure: Procedure::Standard,
            note: TextInput::default(),
            focus: Field::When,
            error: None,
        }
    }

    /// A form holding a recorded treatment, to correct it (times shown in `zone`).
    pub fn for_treatment(
        treatment: &Treatment,
        zone: &jiff::tz::TimeZone,
        clock: ClockStyle,
    ) -> TreatmentForm {
        let mut form = TreatmentForm::prefilled(&treatment.at.in_zone(zone), clock);
        form.area = TextInput::new(&treatment.area);
        form.note = TextInput::new(&treatment.note);
        form.procedure = treatment.procedure;
        form
    }

    pub fn edit(&mut self, edit: Edit) {
        self.error = None;
        let field = match self.focus {
            Field::When => &mut self.when,
            Field::Area => &mut self.area,
            Field::Note => &mut self.note,
            // A choice, not text: space or an arrow shows the next procedure.
            Field::Procedure => {
                if matches!(edit, Edit::Insert(' ') | Edit::Left | Edit::Right) {
                    self.procedure = self.procedure.next();
                }
                return;
            }
        };
        match edit {
            Edit::Insert(c) => field.insert(c),
            Edit::Backspace => field.backspace(),
            Edit::Left => field.left(),
            Edit::Right => field.right(),
        }
        self.error = None;
    }

    pub fn next_field(&mut self) {
        self.focus = match self.focus {
            Field::When => Field::Area,
            Field::Area => Field::Procedure,
            Field::Procedure => Field::Note,
            Field::Note => Field::When,
        };
        match self.focus {
            Field::When => self.when.select_all(),
            Field::Area => self.area.select_all(),
            Field::Note => self.note.select_all(),
            Field::Procedure => {}
        }
    }

    /// The treatment the form describes, or why it cannot be recorded.
    pub fn to_treatment(&self, now: &ZonedDateTime) -> Result<Treatment, FormError> {
        let at = parse_local_date_time(self.when.text(), now)?;
        Ok(Treatment::new(
            Stamp::of(&at),
            self.area.text().trim(),
            self.note.text().trim(),
        )
        .with_procedure(self.procedure))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> ZonedDateTime {
        "2027-03-14T09:30:00[Europe/Paris]".parse().unwrap()
    }

    #[test]
    fn typing_over_the_prefilled_area_replaces_it() {
        let mut form = TreatmentForm::prefilled(&now(), ClockStyle::H24);
        form.next_field();
        for c in "neck".chars() {
            form.edit(Edit::Insert(c));
        }
        assert_eq!(form.area.text(), "neck");
    }

    #[test]
    fn the_procedure_field_cycles_and_is_recorded() {
        let mut form = TreatmentForm::prefilled(&now(), ClockStyle::H24);
        form.next_field();
        form.next_field();
        assert_eq!(form.focus, Field::Procedure);
        form.edit(Edit::Insert(' '));
        form.edit(Edit::Right);
        assert_eq!(form.procedure, Procedure::Rf);
        assert_eq!(form.to_treatment(&now()).unwrap().procedure, Procedure::Rf);
    }

    #[test]
    fn prefilled_form_records_now() {
        let form = TreatmentForm::prefilled(&now(), ClockStyle::H24);
        assert_eq!(form.when.text(), "2027-03-14 09:30");
        let treatment = form.to_treatment(&now()).unwrap();
        assert_eq!(treatment.at.to_string(), "2027-03-14T09:30:00+01:00");
        assert_eq!(treatment.area, "face");
    }

    #[test]
    fn future_and_malformed_times_are_refused() {
        assert!(
            parse_local_date_time("2027-03-14 10:00", &now())
                .unwrap_err()
                .to_string()
                .contains("future")
        );
        assert!(
            parse_local_date_time("14/03/2027", &now())
                .unwrap_err()
                .to_string()
                .contains("like 2027-03-14 09:30")
        );
        assert!(parse_local_date_time("2027-02-30 09:00", &now()).is_err());
    }
}
