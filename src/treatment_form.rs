//! The form that records a treatment: when (prefilled with now) and where.

use jiff::ZonedDateTime;
use jiff::civil::DateTime;

use crate::app::Edit;
use crate::clock::Stamp;
use crate::input::TextInput;
use crate::journal::Treatment;

/// The format dates and times are typed in, everywhere in the app and on the command line.
pub const DATE_TIME_FORMAT: &str = "%Y-%m-%d %H:%M";

/// Which field has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    When,
    Area,
    Note,
}

/// The state of the treatment form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreatmentForm {
    pub when: TextInput,
    pub area: TextInput,
    pub note: TextInput,
    pub focus: Field,
    /// Why the last submit was refused.
    pub error: Option<String>,
}

impl TreatmentForm {
    /// A form with the date and time of `now`, ready to confirm.
    pub fn prefilled(now: &ZonedDateTime) -> TreatmentForm {
        TreatmentForm {
            when: TextInput::new(&now.strftime(DATE_TIME_FORMAT).to_string()),
            area: TextInput::new("face"),
            note: TextInput::default(),
            focus: Field::When,
            error: None,
        }
    }

    /// A form holding a recorded treatment, to correct it (times shown in `zone`).
    pub fn for_treatment(treatment: &Treatment, zone: &jiff::tz::TimeZone) -> TreatmentForm {
        let mut form = TreatmentForm::prefilled(&treatment.at.in_zone(zone));
        form.area = TextInput::new(&treatment.area);
        form.note = TextInput::new(&treatment.note);
        form
    }

    pub fn edit(&mut self, edit: Edit) {
        let field = match self.focus {
            Field::When => &mut self.when,
            Field::Area => &mut self.area,
            Field::Note => &mut self.note,
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
            Field::Area => Field::Note,
            Field::Note => Field::When,
        };
    }

    /// The treatment the form describes, or why it cannot be recorded.
    pub fn to_treatment(&self, now: &ZonedDateTime) -> Result<Treatment, String> {
        let at = parse_local_date_time(self.when.text(), now)?;
        Ok(Treatment {
            at: Stamp::of(&at),
            area: self.area.text().trim().to_string(),
            note: self.note.text().trim().to_string(),
        })
    }
}

/// Reads "YYYY-MM-DD HH:MM" in `now`'s time zone; refuses a time after `now`.
pub fn parse_local_date_time(text: &str, now: &ZonedDateTime) -> Result<ZonedDateTime, String> {
    let text = text.trim();
    let civil = DateTime::strptime(DATE_TIME_FORMAT, text)
        .map_err(|_| format!("\"{text}\" is not a date and time like 2027-03-14 09:30"))?;
    let at = civil
        .to_zoned_datetime(now.time_zone().clone())
        .map_err(|err| format!("\"{text}\": {err}"))?;
    if at.timestamp() > now.timestamp() {
        return Err(format!(
            "{text} is in the future; record a treatment once it has happened"
        ));
    }
    Ok(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> ZonedDateTime {
        "2027-03-14T09:30:00[Europe/Paris]".parse().unwrap()
    }

    #[test]
    fn prefilled_form_records_now() {
        let form = TreatmentForm::prefilled(&now());
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
                .contains("future")
        );
        assert!(
            parse_local_date_time("14/03/2027", &now())
                .unwrap_err()
                .contains("like 2027-03-14 09:30")
        );
        assert!(parse_local_date_time("2027-02-30 09:00", &now()).is_err());
    }
}
