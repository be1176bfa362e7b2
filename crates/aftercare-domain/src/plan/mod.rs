//! The care plan: which items to do on which day, and which restrictions hold for how long.
//!
//! The plan is data, not code: the built-in one is `assets/care-plan.ron`, compiled into
//! the journal crate, which reads every plan file. The patient's own file (see [`changes`]) holds only what their dermatologist said
//! differently; the plan in force is the built-in one with those changes, validated as a
//! whole. Every entry says where it comes from ([`Origin`]) and whether it is the patient's
//! ([`Yours`]), so the screens can always say "tip 5", "our default" or "your dermatologist".

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub mod before_session;
#[cfg(test)]
mod builtin_for_tests;
pub mod changes;
mod defaults;
pub mod edit;
pub mod names;
mod origin;
mod sources;
pub mod undo;
pub mod variants;

pub use origin::Origin;
pub use sources::Source;

/// The schema of a whole plan (the built-in one, or an old full copy that replaces it).
pub const PLAN_VERSION: u32 = 1;

/// The number of tips in the seed text; every one must be covered by the plan.
pub const TIP_COUNT: u8 = 10;

/// Where an entry in force comes from, in a few words: its origin, or the patient's
/// dermatologist when the patient added or changed it.
fn source(origin: &Origin, yours: &Yours) -> String {
    match yours {
        Yours::No => origin.short(),
        Yours::Added => "your dermatologist".to_string(),
        Yours::Changed(fields) if fields.iter().all(|f| f == "off") => {
            format!("turned off by you ({})", origin.short())
        }
        Yours::Changed(fields) => format!(
            "your dermatologist ({} changed; built in from {})",
            fields.join(", "),
            origin.short()
        ),
    }
}

impl Item {
    /// True where a number in force is our default: built in, marked so, and not changed.
    pub fn is_our_default(&self) -> bool {
        self.origin.is_default() && !self.yours.is_yours()
    }

    /// Where this item comes from, in a few words (see [`Origin::short`]).
    pub fn source(&self) -> String {
        source(&self.origin, &self.yours)
    }
}

impl Restriction {
    /// True where the hours in force are our default: built in, marked so, not changed.
    pub fn is_our_default(&self) -> bool {
        self.origin.is_default() && !self.yours.is_yours()
    }

    /// Where this restriction comes from, in a few words.
    pub fn source(&self) -> String {
        source(&self.origin, &self.yours)
    }
}

/// Whether an entry of the plan in force is the patient's: computed when the plan is put
/// together, never read from a file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Yours {
    /// As built in.
    #[default]
    No,
    /// A built-in entry with some fields changed (their names, as `plan set` takes them).
    Changed(Vec<String>),
    /// An entry the patient added.
    Added,
}

impl Yours {
    pub fn is_yours(&self) -> bool {
        !matches!(self, Yours::No)
    }
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
    /// Where the next-session spacing comes from.
    #[serde(default = "defaults::next_session_origin")]
    pub next_session_origin: Origin,
    /// Where the symptom window comes from (shown beside the healing note).
    #[serde(default = "defaults::symptom_window_origin")]
    pub symptom_window_origin: Origin,
    /// When to call the clinic: the signs the skin form asks about and any of which raises
    /// an urgent alert. A plan that leaves them out (an old full copy) gets the built-in
    /// ones: safety advice never disappears with a file.
    #[serde(default = "defaults::warning_signs")]
    pub warning_signs: Vec<WarningSign>,
    /// Where the list of warning signs comes from.
    #[serde(default = "defaults::warning_signs_origin")]
    pub warning_signs_origin: Origin,
    /// The publications the origins cite (see [`Source`]). A plan that leaves them out
    /// gets the built-in list: a citation never disappears with a file.
    #[serde(default = "defaults::sources")]
    pub sources: Vec<Source>,
    /// Built-in items the patient turned off: kept so their old ticks keep a name and the
    /// Plan screen can turn them on again.
    #[serde(skip)]
    pub off_items: Vec<Item>,
    /// Built-in restrictions the patient turned off.
    #[serde(skip)]
    pub off_restrictions: Vec<Restriction>,
    /// Items that were once in the patient's plan and are gone (id → label), so ticks of
    /// them read "no longer in your plan" rather than "unknown".
    #[serde(skip)]
    pub removed: BTreeMap<String, String>,
    /// The labels of the built-in items (id → label), set by whoever reads the plan, so a
    /// tick of a built-in item this plan does not have keeps its name.
    #[serde(skip)]
    pub builtin_labels: BTreeMap<String, String>,
    /// The procedure whose plan this is (see `variants`): standard until one is applied.
    #[serde(skip)]
    pub procedure: crate::procedure::Procedure,
    /// This plan for each other procedure, made once when the plan is put together (see
    /// `with_variants`), so a screen borrows the plan of a treatment's procedure.
    #[serde(skip)]
    pub variants: Vec<CarePlan>,
}

/// A sign that healing is going wrong and the clinic should hear of it today. The skin
/// form lists them as a checklist; the journal keeps the ids ticked on each day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningSign {
    /// Stable name kept in the journal.
    pub id: String,
    /// As the patient reads it: "Fever".
    pub text: String,
    /// Ticked, it means "call your local emergency number now", not "call your clinic".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub emergency: bool,
}

/// The warning signs that ask for one call: what to do ("Call your local emergency number
/// now") and the signs that ask for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignsByCall<'a> {
    /// What to do, the alerts' own words.
    pub call: &'static str,
    /// Whether these signs cannot wait for the clinic.
    pub emergency: bool,
    /// The plan's signs that ask for this call, in the plan's order.
    pub signs: Vec<&'a WarningSign>,
}

impl CarePlan {
    /// A warning sign by id, ignoring case.
    pub fn warning_sign(&self, id: &str) -> Option<&WarningSign> {
        self.warning_signs
            .iter()
            .find(|sign| sign.id.eq_ignore_ascii_case(id))
    }

    /// The warning signs grouped by the call they ask for, the emergency ones first (they
    /// cannot wait for the clinic); a call no sign asks for is left out. The one grouping
    /// every list of signs uses (the warning-signs view, `aftercare plan`, `--help`).
    pub fn warning_signs_by_call(&self) -> Vec<SignsByCall<'_>> {
        [
            (true, crate::alerts::CALL_EMERGENCY),
            (false, crate::alerts::CALL_CLINIC),
        ]
        .into_iter()
        .map(|(emergency, call)| SignsByCall {
            call,
            emergency,
            signs: self
                .warning_signs
                .iter()
                .filter(|sign| sign.emergency == emergency)
                .collect(),
        })
        .filter(|group| !group.signs.is_empty())
        .collect()
    }
}

/// Hours after the treatment in which an item applies, on top of its days: an item can
/// start (or end) part-way through a day. `from` is included, `to` is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HourRange {
    #[serde(default)]
    pub from: u32,
    /// `None`: no end by the hour (the item's days still end it).
    #[serde(default)]
    pub to: Option<u32>,
}

/// What the checklist asks for instead of an item while a restriction that forbids the
/// item still holds: in the first 24 h "moisturiser" means only the soothing product the
/// clinic gave, since every other product must wait (tip 5). Same id, so ticks stay one
/// series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WhileRestricted {
    pub label: String,
    #[serde(default)]
    pub hint: String,
}

/// One thing to do (or keep to) on the days it applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawItem")]
pub struct Item {
    /// Stable name used in the journal and on the command line.
    pub id: String,
    /// Other names the shell and the plain mode accept (`spf` for `sunscreen`): ids are
    /// exact and stable, these are what people say (see [`names`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub label: String,
    /// One line of why, shown beside the selected item.
    #[serde(default)]
    pub hint: String,
    pub origin: Origin,
    pub kind: ItemKind,
    pub days: DayRange,
    /// Start or end by the hour after the treatment, within `days`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<HourRange>,
    /// Done only when needed (the ice pack, tip 7: "if your skin feels particularly
    /// sensitive or inflamed"): shown and timed as any item, never counted against
    /// adherence.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub as_needed: bool,
    /// What to do instead while a restriction that forbids this item holds; without it the
    /// item waits until every restriction forbidding it has lifted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub while_restricted: Option<WhileRestricted>,
    #[serde(skip)]
    pub yours: Yours,
}

/// An item as written in a file: `origin`, or the first format's `tip` and `default`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    #[serde(default)]
    aliases: Vec<String>,
    label: String,
    #[serde(default)]
    hint: String,
    origin: Option<Origin>,
    tip: Option<u8>,
    #[serde(default)]
    default: bool,
    kind: ItemKind,
    days: DayRange,
    #[serde(default)]
    hours: Option<HourRange>,
    #[serde(default)]
    as_needed: bool,
    #[serde(default)]
    while_restricted: Option<WhileRestricted>,
}

impl TryFrom<RawItem> for Item {
    type Error = PlanError;

    fn try_from(raw: RawItem) -> Result<Item, PlanError> {
        Ok(Item {
            origin: origin_of(&raw.id, raw.origin, raw.tip, raw.default)?,
            id: raw.id,
            aliases: raw.aliases,
            label: raw.label,
            hint: raw.hint,
            kind: raw.kind,
            days: raw.days,
            hours: raw.hours,
            as_needed: raw.as_needed,
            while_restricted: raw.while_restricted,
            yours: Yours::No,
        })
    }
}

/// The origin written in a file, or made from the first format's `tip: N, default: true`.
fn origin_of(
    id: &str,
    origin: Option<Origin>,
    tip: Option<u8>,
    default: bool,
) -> Result<Origin, PlanError> {
    match (origin, tip) {
        (Some(_), Some(_)) => Err(PlanError::at(
            id,
            "origin",
            format!("{id}: give `origin` or `tip`, not both"),
        )),
        (Some(origin), None) => Ok(origin),
        (None, Some(tip)) if default => Ok(Origin::default_because(tip, "")),
        (None, Some(tip)) => Ok(Origin::Tip(tip)),
        (None, None) => Ok(Origin::Dermatologist),
    }
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

    /// "once a day", "8 a day", "3 × 12 min a day", "avoid (tick when kept to)".
    pub fn describe(self) -> String {
        match self {
            ItemKind::Check => "once a day".to_string(),
            ItemKind::Counted { target } => format!("{target} a day"),
            ItemKind::Timed { minutes, sessions } => format!("{sessions} × {minutes} min a day"),
            ItemKind::Avoid => "avoid (tick when kept to)".to_string(),
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

impl fmt::Display for DayRange {
    /// "days 0–7", "from day 3": how every screen writes a range.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to {
            Some(to) => write!(f, "days {}–{to}", self.from),
            None => write!(f, "from day {}", self.from),
        }
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
#[serde(try_from = "RawRestriction")]
pub struct Restriction {
    pub id: String,
    /// Other names the shell accepts (`retinol` for `actives`), as an item's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub label: String,
    #[serde(default)]
    pub hint: String,
    pub origin: Origin,
    /// Measured from the treatment's instant, in real hours (not calendar days).
    pub hours: u32,
    /// The items this restriction rules out while it holds (by id): the checklist never
    /// asks for them meanwhile (or asks for their `while_restricted` form).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forbids: Vec<String>,
    #[serde(skip)]
    pub yours: Yours,
}

/// A restriction as written in a file (see [`RawItem`]).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRestriction {
    id: String,
    #[serde(default)]
    aliases: Vec<String>,
    label: String,
    #[serde(default)]
    hint: String,
    origin: Option<Origin>,
    tip: Option<u8>,
    #[serde(default)]
    default: bool,
    hours: u32,
    #[serde(default)]
    forbids: Vec<String>,
}

impl TryFrom<RawRestriction> for Restriction {
    type Error = PlanError;

    fn try_from(raw: RawRestriction) -> Result<Restriction, PlanError> {
        Ok(Restriction {
            origin: origin_of(&raw.id, raw.origin, raw.tip, raw.default)?,
            id: raw.id,
            aliases: raw.aliases,
            label: raw.label,
            hint: raw.hint,
            hours: raw.hours,
            forbids: raw.forbids,
            yours: Yours::No,
        })
    }
}

/// Where the plan in force came from; shown to the patient so they know what they follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanSource {
    BuiltIn,
    /// The built-in plan with the patient's changes from this file.
    Changes(PathBuf),
    /// An old full copy of the plan in this file: it replaces the built-in plan whole.
    Replace(PathBuf),
}

impl PlanSource {
    /// The patient's file, if one is in force.
    pub fn path(&self) -> Option<&Path> {
        match self {
            PlanSource::BuiltIn => None,
            PlanSource::Changes(path) | PlanSource::Replace(path) => Some(path),
        }
    }
}

impl fmt::Display for PlanSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanSource::BuiltIn => f.write_str("built-in default plan"),
            PlanSource::Changes(path) => {
                write!(f, "built-in plan with your changes in {}", path.display())
            }
            PlanSource::Replace(path) => write!(
                f,
                "your own full plan in {} (replaces the built-in one)",
                path.display()
            ),
        }
    }
}

/// What is wrong with a plan, and which entry and field it is about, so that the file's
/// reader can point at the line and column where that entry is written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct PlanError {
    pub id: Option<String>,
    pub field: Option<String>,
    pub message: String,
}

impl PlanError {
    pub fn new(message: impl Into<String>) -> PlanError {
        PlanError {
            id: None,
            field: None,
            message: message.into(),
        }
    }

    pub fn at(id: &str, field: &str, message: impl Into<String>) -> PlanError {
        PlanError {
            id: Some(id.to_string()),
            field: (!field.is_empty()).then(|| field.to_string()),
            message: message.into(),
        }
    }
}

impl From<ParseError> for PlanError {
    fn from(err: ParseError) -> PlanError {
        PlanError::new(err.to_string())
    }
}

/// A value of the plan as the patient types it (`--kind`, `days=`, `hours=`) that does not
/// read: what was typed, and what it should look like.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("{0:?} is not a kind: check, count=N, timer=MIN×N (e.g. timer=10×2) or avoid")]
    Kind(String),
    #[error("{0:?} is not a day range like 0-7 (or 3- for no end)")]
    Days(String),
    #[error("{0:?} is not a duration like 48, 48h, 5d or 2w")]
    Hours(String),
}

/// The largest numbers a plan accepts: beyond them a value is a slip of the keyboard
/// (`hours=4800` for 48), not an instruction.
pub mod limits {
    pub const HOURS: u32 = 24 * 365;
    pub const DAY: u32 = 365;
    pub const TARGET: u32 = 100;
    pub const MINUTES: u32 = 120;
    pub const SESSIONS: u32 = 24;
    /// Characters of a label: a line on any screen (a 65,535-character one broke them).
    pub const LABEL: usize = 200;
}

impl CarePlan {
    /// This plan as the built-in one: it remembers its own items' labels (see
    /// [`CarePlan::former_item`]), and every plan made from it inherits them.
    pub fn as_builtin(mut self) -> CarePlan {
        self.builtin_labels = self
            .items
            .iter()
            .map(|item| (item.id.clone(), item.label.clone()))
            .collect();
        self.with_variants()
    }

    /// Checks the plan as a whole: ids, tips, numbers in range, day ranges in order.
    pub fn validate(&self) -> Result<(), PlanError> {
        let mut ids = HashSet::new();
        let entries = self
            .items
            .iter()
            .map(|item| (&item.id, &item.label, &item.origin))
            .chain(
                self.restrictions
                    .iter()
                    .map(|r| (&r.id, &r.label, &r.origin)),
            );
        for (id, label, origin) in entries {
            check_id(id)?;
            if !ids.insert(id.to_ascii_lowercase()) {
                return Err(PlanError::at(id, "id", format!("id {id:?} is used twice")));
            }
            if label.chars().count() > limits::LABEL {
                return Err(PlanError::at(
                    id,
                    "label",
                    format!("{id}: a label is at most {} characters", limits::LABEL),
                ));
            }
            if label.trim().is_empty() {
                return Err(PlanError::at(
                    id,
                    "label",
                    format!("{id}: the label is empty"),
                ));
            }
            if let Some(tip) = origin.tip().filter(|tip| !(1..=TIP_COUNT).contains(tip)) {
                return Err(PlanError::at(
                    id,
                    "origin",
                    format!("{id}: tip {tip} is not between 1 and {TIP_COUNT}"),
                ));
            }
        }
        // An alias names one entry: never another's id or alias.
        let aliases = self
            .items
            .iter()
            .map(|item| (&item.id, &item.aliases))
            .chain(self.restrictions.iter().map(|r| (&r.id, &r.aliases)));
        for (id, names) in aliases {
            for alias in names {
                check_id(alias)?;
                if !ids.insert(alias.to_ascii_lowercase()) {
                    return Err(PlanError::at(
                        id,
                        "aliases",
                        format!(
                            "{alias:?} is already a name of {id} or of another entry; choose another"
                        ),
                    ));
                }
            }
        }
        for item in &self.items {
            check_item(item)?;
        }
        for restriction in &self.restrictions {
            check_number(
                &restriction.id,
                "hours",
                restriction.hours,
                1,
                limits::HOURS,
            )?;
            for id in &restriction.forbids {
                check_id(id).map_err(|_| {
                    PlanError::at(
                        &restriction.id,
                        "forbids",
                        format!(
                            "{}: forbids {id:?}, which is not an item id",
                            restriction.id
                        ),
                    )
                })?;
            }
        }
        let mut sign_ids = HashSet::new();
        for sign in &self.warning_signs {
            check_id(&sign.id)?;
            if !sign_ids.insert(sign.id.to_ascii_lowercase()) {
                return Err(PlanError::at(
                    &sign.id,
                    "id",
                    format!("warning sign {:?} is listed twice", sign.id),
                ));
            }
            if sign.text.trim().is_empty() {
                return Err(PlanError::at(
                    &sign.id,
                    "text",
                    format!("warning sign {}: the text is empty", sign.id),
                ));
            }
        }
        self.check_citations()?;
        let window = self.next_session;
        check_number("next-session", "days", window.from_days, 1, limits::DAY)?;
        check_number("next-session", "days", window.to_days, 1, limits::DAY)?;
        if window.to_days < window.from_days {
            return Err(PlanError::at(
                "next-session",
                "days",
                "next session: the window ends before it starts",
            ));
        }
        Ok(())
    }

    /// A source by id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }

    /// Every origin in the plan, with the name of what it is the origin of.
    pub fn origins(&self) -> impl Iterator<Item = (&str, &Origin)> {
        self.items
            .iter()
            .map(|item| (item.id.as_str(), &item.origin))
            .chain(self.restrictions.iter().map(|r| (r.id.as_str(), &r.origin)))
            .chain([
                ("symptom-window", &self.symptom_window_origin),
                ("next-session", &self.next_session_origin),
                ("warning-signs", &self.warning_signs_origin),
            ])
    }

    /// Every source an origin cites is in the plan's list: a citation the patient cannot
    /// look up is no citation.
    fn check_citations(&self) -> Result<(), PlanError> {
        for (id, origin) in self.origins() {
            if let Some(missing) = origin
                .source_ids()
                .into_iter()
                .find(|cited| self.source(cited).is_none())
            {
                return Err(PlanError::at(
                    id,
                    "origin",
                    format!("{id}: cites source {missing:?}, which is not in the plan's sources"),
                ));
            }
        }
        Ok(())
    }

    /// Finds an item by id, ignoring case (ids are typed by people).
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items
            .iter()
            .find(|item| item.id.eq_ignore_ascii_case(id))
    }

    /// Finds a restriction by id, ignoring case.
    pub fn restriction(&self, id: &str) -> Option<&Restriction> {
        self.restrictions
            .iter()
            .find(|r| r.id.eq_ignore_ascii_case(id))
    }

    /// The items that apply on a given day after treatment, in plan order.
    pub fn items_on(&self, day: u32) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(move |item| item.days.contains(day))
    }

    /// What the journal may hold ticks of besides the items in force, and how to call them.
    ///
    /// A tick of an item the plan no longer has is the patient's record, not a mistake: it
    /// is kept and shown as "no longer in your plan". Ids that no plan this patient had
    /// ever knew (not built in, not turned off, not removed) are most likely a typo in a
    /// hand-edited journal file; they are kept and shown too, named as such.
    pub fn former_item(&self, id: &str) -> Former {
        if self.item(id).is_some() {
            return Former::InPlan;
        }
        let off = self
            .off_items
            .iter()
            .find(|item| item.id.eq_ignore_ascii_case(id));
        if let Some(item) = off {
            return Former::NoLonger(item.label.clone());
        }
        let removed = self
            .removed
            .iter()
            .find(|(removed, _)| removed.eq_ignore_ascii_case(id));
        if let Some((_, label)) = removed {
            return Former::NoLonger(label.clone());
        }
        let builtin = self
            .builtin_labels
            .iter()
            .find(|(builtin, _)| builtin.eq_ignore_ascii_case(id));
        match builtin {
            Some((_, label)) => Former::NoLonger(label.clone()),
            None => Former::Unknown,
        }
    }

    /// The tips (1–10) that no item or restriction comes from.
    pub fn uncovered_tips(&self) -> Vec<u8> {
        let covered: HashSet<u8> = self
            .items
            .iter()
            .filter_map(|item| item.origin.tip())
            .chain(self.restrictions.iter().filter_map(|r| r.origin.tip()))
            .collect();
        (1..=TIP_COUNT)
            .filter(|tip| !covered.contains(tip))
            .collect()
    }

    /// True when some entry is the patient's (changed, added or turned off).
    pub fn has_changes(&self) -> bool {
        self.items.iter().any(|i| i.yours.is_yours())
            || self.restrictions.iter().any(|r| r.yours.is_yours())
            || !self.off_items.is_empty()
            || !self.off_restrictions.is_empty()
    }
}

/// What a ticked id is to the plan in force (see [`CarePlan::former_item`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Former {
    InPlan,
    /// Once in the patient's plan (built in, turned off, or removed): its label.
    NoLonger(String),
    /// No plan the patient had knows it: probably a typo in a hand-edited journal.
    Unknown,
}

/// An id is typed on the command line and stored in the journal: letters, digits, dashes.
pub fn check_id(id: &str) -> Result<(), PlanError> {
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(PlanError::at(
            id,
            "id",
            format!(
                "id {id:?} must be letters, digits and dashes (it is typed on the command line)"
            ),
        ));
    }
    Ok(())
}

fn check_item(item: &Item) -> Result<(), PlanError> {
    let id = &item.id;
    match item.kind {
        ItemKind::Counted { target } => check_number(id, "target", target, 1, limits::TARGET)?,
        ItemKind::Timed { minutes, sessions } => {
            check_number(id, "minutes", minutes, 1, limits::MINUTES)?;
            check_number(id, "sessions", sessions, 1, limits::SESSIONS)?;
        }
        ItemKind::Check | ItemKind::Avoid => {}
    }
    if let Some(hours) = item.hours {
        check_number(id, "hours", hours.from, 0, limits::HOURS)?;
        if let Some(to) = hours.to {
            check_number(id, "hours", to, 1, limits::HOURS)?;
            if to <= hours.from {
                return Err(PlanError::at(
                    id,
                    "hours",
                    format!("{id}: hours end ({to}) before they start ({})", hours.from),
                ));
            }
        }
    }
    check_number(id, "days", item.days.from, 0, limits::DAY)?;
    if let Some(to) = item.days.to {
        check_number(id, "days", to, 0, limits::DAY)?;
        if to < item.days.from {
            return Err(PlanError::at(
                id,
                "days",
                format!(
                    "{id}: days end ({to}) before they start ({})",
                    item.days.from
                ),
            ));
        }
    }
    Ok(())
}

/// A number between `min` and `max`, or an error naming the entry and the field.
pub fn check_number(
    id: &str,
    field: &str,
    value: u32,
    min: u32,
    max: u32,
) -> Result<(), PlanError> {
    if value < min {
        return Err(PlanError::at(
            id,
            field,
            format!(
                "{id}: {field} must be at least {min} (to drop it: `aftercare plan set {id} off`)"
            ),
        ));
    }
    if value > max {
        return Err(PlanError::at(
            id,
            field,
            format!("{id}: {field} {value} is more than {max}: a typo?"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 29: one grouping of the signs for every list: breathing alone under the
    /// emergency call, first; every other sign under "call your clinic today".
    #[test]
    fn warning_signs_are_grouped_by_call_emergency_first() {
        let plan = CarePlan::builtin();
        let groups = plan.warning_signs_by_call();
        let ids = |group: &SignsByCall| -> Vec<String> {
            group.signs.iter().map(|sign| sign.id.clone()).collect()
        };
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].call, crate::alerts::CALL_EMERGENCY);
        assert_eq!(ids(&groups[0]), ["breathing"]);
        assert_eq!(groups[1].call, crate::alerts::CALL_CLINIC);
        assert_eq!(ids(&groups[1]).len(), plan.warning_signs.len() - 1);
        assert!(!ids(&groups[1]).contains(&"breathing".to_string()));
    }

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
        assert!(plan.validate().unwrap_err().message.contains("at least 1"));
    }

    #[test]
    fn item_lookup_ignores_case() {
        let plan = CarePlan::builtin();
        assert_eq!(plan.item("WATER").map(|i| i.id.as_str()), Some("water"));
        assert!(plan.item("coffee").is_none());
    }
}
