//! The Plan screen's small form: the numbers of one entry (days, target, minutes,
//! sessions, hours), or a new item or restriction of the patient's own. Values are typed
//! as on the command line (`0-7`, `48h`, `count=2`) and checked by the domain on submit.

use crate::domain::plan::changes::{Days, Hours, NEXT_SESSION, OwnItem, OwnRestriction};
use crate::domain::plan::edit::{PlanEdit, parse_kind};
use crate::domain::plan::{CarePlan, ItemKind};
use crate::tui::action::Edit;
use crate::tui::error::FormError;
use crate::tui::forms::input::TextInput;

/// One field: its name on screen, the `plan set` field it sets, what is typed, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanField {
    pub name: &'static str,
    pub key: &'static str,
    pub input: TextInput,
    pub help: &'static str,
}

/// What the form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// Change the numbers of the entry `id` (shown as `label`).
    Change { id: String, label: String },
    /// Add an item or a restriction of the patient's own.
    Add,
}

/// The state of the plan form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanForm {
    pub purpose: Purpose,
    pub fields: Vec<PlanField>,
    pub focus: usize,
    /// Why the last submit was refused.
    pub error: Option<String>,
}

const DAYS_HELP: &str = "days after treatment: 0-7, or 3- for no end";
const HOURS_HELP: &str = "48, or 48h, 5d, 2w";

fn field(name: &'static str, key: &'static str, value: &str, help: &'static str) -> PlanField {
    PlanField {
        name,
        key,
        input: TextInput::new(value),
        help,
    }
}

impl PlanForm {
    /// The numbers of entry `id` in `plan` (on or off), or `None` if it has none.
    pub fn for_entry(plan: &CarePlan, id: &str) -> Option<PlanForm> {
        let change = |label: &str, fields| {
            Some(PlanForm {
                purpose: Purpose::Change {
                    id: id.to_string(),
                    label: label.to_string(),
                },
                fields,
                focus: 0,
                error: None,
            })
        };
        if id == NEXT_SESSION {
            let window = plan.next_session;
            let days = format!("{}-{}", window.from_days, window.to_days);
            return change(
                "Next session",
                vec![field(
                    "Days",
                    "days",
                    &days,
                    "days after the latest session",
                )],
            );
        }
        let item = plan
            .items
            .iter()
            .chain(&plan.off_items)
            .find(|i| i.id.eq_ignore_ascii_case(id));
        if let Some(item) = item {
            // The fields come in the order the Plan screen shows the numbers ("8/day ·
            // 0–14", "2×10 min · 0–3"): the number a patient sees first is the one the
            // cursor starts on, so typing `6` on water means six glasses, not day 6.
            let days = Days(item.days).to_string();
            let mut fields = Vec::new();
            match item.kind {
                ItemKind::Counted { target } => {
                    fields.push(field(
                        "A day",
                        "target",
                        &target.to_string(),
                        "how many times a day",
                    ));
                }
                ItemKind::Timed { minutes, sessions } => {
                    fields.push(field(
                        "Sessions",
                        "sessions",
                        &sessions.to_string(),
                        "sessions a day",
                    ));
                    fields.push(field(
                        "Minutes",
                        "minutes",
                        &minutes.to_string(),
                        "minutes a session",
                    ));
                }
                ItemKind::Check | ItemKind::Avoid => {}
            }
            fields.push(field("Days", "days", &days, DAYS_HELP));
            return change(&item.label, fields);
        }
        let restriction = plan
            .restrictions
            .iter()
            .chain(&plan.off_restrictions)
            .find(|r| r.id.eq_ignore_ascii_case(id))?;
        change(
            &restriction.label,
            vec![field(
                "Hours",
                "hours",
                &restriction.hours.to_string(),
                HOURS_HELP,
            )],
        )
    }

    /// An empty form for an entry of the patient's own.
    pub fn for_new() -> PlanForm {
        PlanForm {
            purpose: Purpose::Add,
            fields: vec![
                field(
                    "Label",
                    "label",
                    "",
                    "what your dermatologist asks, e.g. Clinic balm",
                ),
                field(
                    "Kind",
                    "kind",
                    "check",
                    "check, count=2, timer=10x2, avoid, or restriction",
                ),
                field(
                    "When",
                    "when",
                    "0-14",
                    "days 0-7 (items) or hours 120h, 5d (restriction)",
                ),
            ],
            focus: 0,
            error: None,
        }
    }

    pub fn edit(&mut self, edit: Edit) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        let input = &mut field.input;
        match edit {
            Edit::Insert(c) => input.insert(c),
            Edit::Backspace => input.backspace(),
            Edit::Left => input.left(),
            Edit::Right => input.right(),
        }
        self.error = None;
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    fn value(&self, key: &str) -> &str {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map_or("", |f| f.input.text().trim())
    }

    /// The change the form asks for, or why it cannot be made as typed.
    pub fn to_edit(&self) -> Result<PlanEdit, FormError> {
        match &self.purpose {
            Purpose::Change { id, .. } => Ok(PlanEdit::Set {
                id: id.clone(),
                assignments: self
                    .fields
                    .iter()
                    .map(|f| format!("{}={}", f.key, f.input.text().trim()))
                    .collect(),
            }),
            Purpose::Add => {
                let label = self.value("label").to_string();
                if label.is_empty() {
                    return Err(FormError::NoLabel);
                }
                let when = self.value("when");
                if self.value("kind").eq_ignore_ascii_case("restriction") {
                    return Ok(PlanEdit::AddRestriction(OwnRestriction {
                        id: String::new(),
                        label,
                        hint: String::new(),
                        hours: Hours::parse(when)?,
                    }));
                }
                Ok(PlanEdit::AddItem(OwnItem {
                    id: String::new(),
                    label,
                    hint: String::new(),
                    kind: parse_kind(self.value("kind"))?,
                    days: Days::parse(when)?,
                }))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_counted_item_shows_days_and_target() {
        let form = PlanForm::for_entry(crate::journal::builtin_plan(), "water").unwrap();
        let values: Vec<&str> = form.fields.iter().map(|f| f.input.text()).collect();
        assert_eq!(values, ["8", "0-14"]);
        assert_eq!(
            form.to_edit().unwrap(),
            PlanEdit::Set {
                id: "water".into(),
                assignments: vec!["target=8".into(), "days=0-14".into()]
            }
        );
    }

    #[test]
    fn the_add_form_makes_a_restriction_or_an_item() {
        let mut form = PlanForm::for_new();
        for c in "No retinol".chars() {
            form.edit(Edit::Insert(c));
        }
        form.fields[1].input = TextInput::new("restriction");
        form.fields[2].input = TextInput::new("5d");
        let PlanEdit::AddRestriction(r) = form.to_edit().unwrap() else {
            panic!("a restriction");
        };
        assert_eq!(r.hours, Hours(120));
        form.fields[1].input = TextInput::new("count=2");
        form.fields[2].input = TextInput::new("0-7");
        assert!(matches!(form.to_edit().unwrap(), PlanEdit::AddItem(_)));
        form.fields[1].input = TextInput::new("sometimes");
        assert!(form.to_edit().is_err());
    }
}
