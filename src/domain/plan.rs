//! The care plan: which items to do on which day, and which restrictions hold for how long.
//!
//! The plan is data, not code: the built-in one is `assets/care-plan.ron`, compiled in, and a
//! file of the same shape in the user's config dir replaces it whole (the first tip is "follow
//! your dermatologist's instructions", so every number must be changeable). A plan is either
//! loaded completely and validated, or refused with a `file:line:column` error: the app never
//! runs on half a plan.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{FileError, ron_error};

/// The plan shipped inside the binary.
pub const BUILTIN_PLAN: &str = include_str!("../../assets/care-plan.ron");

/// The plan schema this build reads and writes.
pub const PLAN_VERSION: u32 = 1;

/// The number of tips in the seed text; every one must be covered by the plan.
pub const TIP_COUNT: u8 = 10;

/// A complete, validated care plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CarePlan {
    pub version: u32,
    pub items: Vec<Item>,
    pub restrictions: Vec<Restriction>,
    /// Days after a treatment during which redness and swelling are expected.
    pub symptom_window_days: u16,
    /// When the next session is suggested, counted in days from the latest one.
    pub next_session: DayWindow,
}

/// One thing to do (or keep to) on the days it applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable name used in the journal and on the command line.
    pub id: String,
    pub label: String,
    /// One line of why, shown beside the selected item.
    #[serde(default)]
    pub hint: String,
    /// The seed tip (1–10) this item comes from.
    pub tip: u8,
    pub kind: ItemKind,
    pub days: DayRange,
    /// True where a number is our cautious choice rather than the tip's.
    #[serde(default)]
    pub default: bool,
}

/// How an item is done and counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ItemKind {
    /// Once a day.
    Check,
    /// Several times a day, up to a target.
    Counted { target: u32 },
    /// Sessions of a fixed length, with a timer in the app.
    Timed { minutes: u32, sessions: u32 },
    /// A reminder to keep away from something; ticked when kept to.
    Avoid,
}

impl ItemKind {
    /// How many ticks make the item done for the day.
    pub fn target(self) -> u32 {
        match self {
            ItemKind::Check | ItemKind::Avoid => 1,
            ItemKind::Counted { target } => target,
            ItemKind::Timed { sessions, .. } => sessions,
        }
    }
}

/// Days after treatment (day 0 = the treatment day), both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayRange {
    pub from: u32,
    /// `None`: from `from` on, with no end.
    pub to: Option<u32>,
}

impl DayRange {
    pub fn contains(self, day: u32) -> bool {
        day >= self.from && self.to.is_none_or(|to| day <= to)
    }
}

/// A window of days after the latest treatment, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayWindow {
    pub from_days: u32,
    pub to_days: u32,
}

/// Something to stay away from for a number of hours after the treatment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Restriction {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub hint: String,
    pub tip: u8,
    /// Measured from the treatment's instant, in real hours (not calendar days).
    pub hours: u32,
    #[serde(default)]
    pub default: bool,
}

/// Where the plan in force came from; shown to the patient so they know what they follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanSource {
    BuiltIn,
    File(PathBuf),
}

impl fmt::Display for PlanSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanSource::BuiltIn => f.write_str("built-in default plan"),
            PlanSource::File(path) => write!(f, "your plan in {}", path.display()),
        }
    }
}

impl CarePlan {
    /// The plan compiled into the binary. It is checked by the test suite, so it cannot fail.
    pub fn builtin() -> CarePlan {
        CarePlan::parse(BUILTIN_PLAN, Path::new("assets/care-plan.ron"))
            .expect("the built-in care plan is valid (checked by tests)")
    }

    /// Parses and validates a plan; `path` only names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<CarePlan, FileError> {
        let plan: CarePlan = ron::from_str(text).map_err(|err| ron_error(path, &err))?;
        plan.validate()
            .map_err(|message| FileError::new(path, None, message))?;
        Ok(plan)
    }

    fn validate(&self) -> Result<(), String> {
        if self.version > PLAN_VERSION {
            return Err(format!(
                "plan version {} is newer than this aftercare understands ({PLAN_VERSION}); update aftercare",
                self.version
            ));
        }
        let mut ids = HashSet::new();
        let ids_and_tips = self
            .items
            .iter()
            .map(|item| (&item.id, item.tip))
            .chain(self.restrictions.iter().map(|r| (&r.id, r.tip)));
        for (id, tip) in ids_and_tips {
            if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return Err(format!(
                    "id {id:?} must be letters, digits and dashes (it is typed on the command line)"
                ));
            }
            if !ids.insert(id.to_ascii_lowercase()) {
                return Err(format!("id {id:?} is used twice"));
            }
            if !(1..=TIP_COUNT).contains(&tip) {
                return Err(format!("{id}: tip {tip} is not between 1 and {TIP_COUNT}"));
            }
        }
        for item in &self.items {
            if item.kind.target() == 0 {
                return Err(format!("{}: a daily target must be at least 1", item.id));
            }
            if let ItemKind::Timed { minutes: 0, .. } = item.kind {
                return Err(format!(
                    "{}: a timed session must last at least 1 minute",
                    item.id
                ));
            }
            if item.days.to.is_some_and(|to| to < item.days.from) {
                return Err(format!("{}: days end before they start", item.id));
            }
        }
        if self.next_session.to_days < self.next_session.from_days {
            return Err("next_session: to_days is before from_days".into());
        }
        Ok(())
    }

    /// Finds an item by id, ignoring case (ids are typed by people).
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items
            .iter()
            .find(|item| item.id.eq_ignore_ascii_case(id))
    }

    /// The items that apply on a given day after treatment, in plan order.
    pub fn items_on(&self, day: u32) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(move |item| item.days.contains(day))
    }

    /// The tips (1–10) that no item or restriction comes from.
    pub fn uncovered_tips(&self) -> Vec<u8> {
        let covered: HashSet<u8> = self
            .items
            .iter()
            .map(|item| item.tip)
            .chain(self.restrictions.iter().map(|r| r.tip))
            .collect();
        (1..=TIP_COUNT)
            .filter(|tip| !covered.contains(tip))
            .collect()
    }

    /// The plan as pretty RON, for `plan --init` and for display.
    pub fn to_ron(&self) -> String {
        ron::ser::to_string_pretty(self, crate::domain::text::pretty_config())
            .expect("a plan always serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_range_bounds_are_inclusive() {
        let range = DayRange {
            from: 1,
            to: Some(3),
        };
        assert!(!range.contains(0));
        assert!(range.contains(1));
        assert!(range.contains(3));
        assert!(!range.contains(4));
        assert!(DayRange { from: 2, to: None }.contains(9999));
    }

    #[test]
    fn duplicate_ids_are_refused_case_insensitively() {
        let mut plan = CarePlan::builtin();
        let mut copy = plan.items[0].clone();
        copy.id = copy.id.to_uppercase();
        plan.items.push(copy);
        assert!(plan.validate().unwrap_err().contains("used twice"));
    }

    #[test]
    fn zero_target_is_refused() {
        let mut plan = CarePlan::builtin();
        plan.items[1].kind = ItemKind::Counted { target: 0 };
        assert!(plan.validate().unwrap_err().contains("at least 1"));
    }

    #[test]
    fn item_lookup_ignores_case() {
        let plan = CarePlan::builtin();
        assert_eq!(plan.item("WATER").map(|i| i.id.as_str()), Some("water"));
        assert!(plan.item("coffee").is_none());
    }
}
