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

use crate::domain::strict;
use crate::error::{FileError, ron_error};

/// The plan shipped inside the binary.
pub const BUILTIN_PLAN: &str = include_str!("../../assets/care-plan.ron");

/// The plan schema this build reads and writes.
pub const PLAN_VERSION: u32 = 1;

/// The number of tips in the seed text; every one must be covered by the plan.
pub const TIP_COUNT: u8 = 10;

/// The largest numbers a plan may hold: generous for any real aftercare, small enough that
/// no date or duration computed from them can overflow (a bigger value is refused where it
/// is written, not left to panic later in a report or the app).
pub const MAX_DAYS: u32 = 3650;
/// Ten years of hours.
pub const MAX_HOURS: u32 = 87_600;
/// Ticks or sessions a day.
pub const MAX_PER_DAY: u32 = 100;
/// Minutes of one timed session.
pub const MAX_MINUTES: u32 = 720;
/// Characters of an id, a label and a hint.
pub const MAX_ID: usize = 40;
pub const MAX_LABEL: usize = 200;
pub const MAX_HINT: usize = 1000;
/// Items, and restrictions, in one plan.
pub const MAX_ENTRIES: usize = 200;

/// A validation failure and where in the text to point at.
#[derive(Debug)]
struct Problem {
    place: Place,
    message: String,
}

impl Problem {
    fn new(place: Place, message: impl Into<String>) -> Problem {
        Problem {
            place,
            message: message.into(),
        }
    }
}

/// Where a validation problem is: the `n`-th entry whose `id` is `anchor` (or a top-level
/// field), then optionally a field after it.
#[derive(Debug)]
struct Place {
    /// Tried in turn: the id as written raw, then with escapes; a last one when neither
    /// is found (an id spelt with escapes in the file).
    anchors: Vec<(String, usize)>,
    field: Option<String>,
}

impl Place {
    fn field(name: &str) -> Place {
        Place {
            anchors: vec![(name.to_string(), 0)],
            field: None,
        }
    }

    fn within(anchor: &str, field: &str) -> Place {
        Place {
            anchors: vec![(anchor.to_string(), 0)],
            field: Some(field.to_string()),
        }
    }

    fn of_entry(id: &str, occurrence: usize, field: Option<&str>) -> Place {
        Place {
            anchors: vec![
                (format!("\"{id}\""), occurrence),
                (format!("{id:?}"), occurrence),
                ("items".to_string(), 0),
            ],
            field: field.map(str::to_string),
        }
    }

    /// Line and column in `text`, skipping `//` comments so a word in the header is not
    /// taken for the field.
    fn find(&self, text: &str) -> Option<(usize, usize)> {
        let code = blank_comments(text);
        let mut at = self.anchors.iter().find_map(|(anchor, occurrence)| {
            code.match_indices(anchor.as_str())
                .nth(*occurrence)
                .map(|(at, _)| at)
        })?;
        if let Some(field) = &self.field {
            let pattern = format!("{field}:");
            if let Some(offset) = code[at..].find(&pattern) {
                at += offset;
            }
        }
        Some(strict::line_column(text.as_bytes(), at))
    }
}

/// `text` with every `// comment` replaced by spaces, byte for byte.
fn blank_comments(text: &str) -> String {
    text.split('\n')
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => {
                format!("{}{}", &line[..at], " ".repeat(line.len() - at))
            }
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

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

    /// Parses and validates a plan; `path` only names the file in errors. Every refusal
    /// names the line and column where the problem is.
    pub fn parse(text: &str, path: &Path) -> Result<CarePlan, FileError> {
        if let Some((position, message)) = strict::text_problem(text.as_bytes()) {
            return Err(FileError::new(path, Some(position), message));
        }
        let plan: CarePlan = ron::from_str(text).map_err(|err| ron_error(path, &err))?;
        if let Some((offset, key)) = strict::duplicate_key(text) {
            return Err(FileError::new(
                path,
                Some(strict::line_column(text.as_bytes(), offset)),
                format!("{key} is written twice in the same list; keep one"),
            ));
        }
        plan.validate()
            .map_err(|problem| FileError::new(path, problem.place.find(text), problem.message))?;
        Ok(plan)
    }

    /// Parses a plan file's bytes, refusing a BOM or bytes that are not UTF-8 where they are.
    pub fn parse_bytes(bytes: &[u8], path: &Path) -> Result<CarePlan, FileError> {
        match std::str::from_utf8(bytes) {
            Ok(text) => CarePlan::parse(text, path),
            Err(_) => {
                let (position, message) =
                    strict::text_problem(bytes).expect("not UTF-8 is a text problem");
                Err(FileError::new(path, Some(position), message))
            }
        }
    }

    fn validate(&self) -> Result<(), Problem> {
        if self.version > PLAN_VERSION {
            return Err(Problem::new(
                Place::field("version"),
                format!(
                    "plan version {} is newer than this aftercare understands ({PLAN_VERSION}); update aftercare",
                    self.version
                ),
            ));
        }
        if self.items.len() > MAX_ENTRIES || self.restrictions.len() > MAX_ENTRIES {
            return Err(Problem::new(
                Place::field(if self.items.len() > MAX_ENTRIES {
                    "items"
                } else {
                    "restrictions"
                }),
                format!("a plan holds at most {MAX_ENTRIES} items and {MAX_ENTRIES} restrictions"),
            ));
        }
        let mut ids = HashSet::new();
        let mut seen: Vec<&str> = Vec::new();
        let entries = self
            .items
            .iter()
            .map(|item| (&item.id, item.tip, &item.label, &item.hint))
            .chain(
                self.restrictions
                    .iter()
                    .map(|r| (&r.id, r.tip, &r.label, &r.hint)),
            );
        for (id, tip, label, hint) in entries {
            let place =
                |field| Place::of_entry(id, seen.iter().filter(|s| **s == id).count(), field);
            if id.is_empty()
                || id.chars().count() > MAX_ID
                || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            {
                return Err(Problem::new(
                    place(None),
                    format!(
                        "id {id:?} must be 1 to {MAX_ID} letters, digits and dashes (it is typed on the command line)"
                    ),
                ));
            }
            if !ids.insert(id.to_ascii_lowercase()) {
                return Err(Problem::new(
                    place(None),
                    format!("id {id:?} is used twice"),
                ));
            }
            if !(1..=TIP_COUNT).contains(&tip) {
                return Err(Problem::new(
                    place(Some("tip")),
                    format!("{id}: tip {tip} is not between 1 and {TIP_COUNT}"),
                ));
            }
            if label.chars().count() > MAX_LABEL {
                return Err(Problem::new(
                    place(Some("label")),
                    format!("{id}: a label is at most {MAX_LABEL} characters"),
                ));
            }
            if hint.chars().count() > MAX_HINT {
                return Err(Problem::new(
                    place(Some("hint")),
                    format!("{id}: a hint is at most {MAX_HINT} characters"),
                ));
            }
            seen.push(id);
        }
        for item in &self.items {
            let place = |field| Place::of_entry(&item.id, 0, Some(field));
            let target = item.kind.target();
            if !(1..=MAX_PER_DAY).contains(&target) {
                return Err(Problem::new(
                    place(if matches!(item.kind, ItemKind::Timed { .. }) {
                        "sessions"
                    } else {
                        "target"
                    }),
                    format!("{}: a daily target must be 1 to {MAX_PER_DAY}", item.id),
                ));
            }
            if let ItemKind::Timed { minutes, .. } = item.kind
                && !(1..=MAX_MINUTES).contains(&minutes)
            {
                return Err(Problem::new(
                    place("minutes"),
                    format!(
                        "{}: a timed session must last 1 to {MAX_MINUTES} minutes",
                        item.id
                    ),
                ));
            }
            if item.days.from > MAX_DAYS || item.days.to.is_some_and(|to| to > MAX_DAYS) {
                return Err(Problem::new(
                    place(if item.days.from > MAX_DAYS {
                        "from"
                    } else {
                        "to"
                    }),
                    format!(
                        "{}: days after treatment go up to {MAX_DAYS} (ten years); use `to: None` for \"from then on\"",
                        item.id
                    ),
                ));
            }
            if item.days.to.is_some_and(|to| to < item.days.from) {
                return Err(Problem::new(
                    place("to"),
                    format!("{}: days end before they start", item.id),
                ));
            }
        }
        for restriction in &self.restrictions {
            if !(1..=MAX_HOURS).contains(&restriction.hours) {
                return Err(Problem::new(
                    Place::of_entry(&restriction.id, 0, Some("hours")),
                    format!(
                        "{}: a restriction lasts 1 to {MAX_HOURS} hours (ten years)",
                        restriction.id
                    ),
                ));
            }
        }
        if self.symptom_window_days > MAX_DAYS as u16 {
            return Err(Problem::new(
                Place::field("symptom_window_days"),
                format!("symptom_window_days: at most {MAX_DAYS} (ten years)"),
            ));
        }
        if self.next_session.from_days > MAX_DAYS || self.next_session.to_days > MAX_DAYS {
            return Err(Problem::new(
                Place::within("next_session", "to_days"),
                format!("next_session: days go up to {MAX_DAYS} (ten years)"),
            ));
        }
        if self.next_session.to_days < self.next_session.from_days {
            return Err(Problem::new(
                Place::within("next_session", "to_days"),
                "next_session: to_days is before from_days",
            ));
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
        assert!(plan.validate().unwrap_err().message.contains("used twice"));
    }

    #[test]
    fn zero_target_is_refused() {
        let mut plan = CarePlan::builtin();
        plan.items[1].kind = ItemKind::Counted { target: 0 };
        assert!(plan.validate().unwrap_err().message.contains("1 to"));
    }

    #[test]
    fn item_lookup_ignores_case() {
        let plan = CarePlan::builtin();
        assert_eq!(plan.item("WATER").map(|i| i.id.as_str()), Some("water"));
        assert!(plan.item("coffee").is_none());
    }
}
