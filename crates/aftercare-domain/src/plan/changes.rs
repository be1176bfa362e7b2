//! The patient's plan file: only what their dermatologist said differently from the
//! built-in plan, and how it is put together with the built-in plan into the plan in force.
//!
//! Keeping changes rather than a copy means a later correction of the built-in plan still
//! reaches the patient, and `aftercare plan diff` can say exactly what is theirs. Pure: no
//! file is read here (see `journal::plan_file`).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::plan::{
    CarePlan, DayRange, DayWindow, Item, ItemKind, Origin, ParseError, PlanError, Restriction,
    Yours,
};

/// The version of a changes file. Version 1 files are whole plans (read as "replace").
pub const CHANGES_VERSION: u32 = 2;

/// The id under which the next-session window is changed (`plan set next-session days=35-49`).
pub const NEXT_SESSION: &str = "next-session";

/// The patient's plan file, as written on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanChanges {
    pub version: u32,
    /// Changes to built-in entries, by id.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::unique_keys::map"
    )]
    pub changes: BTreeMap<String, EntryChange>,
    /// The patient's own daily items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<OwnItem>,
    /// The patient's own restrictions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restrictions: Vec<OwnRestriction>,
    /// Days during which redness and swelling are expected, if the dermatologist said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symptom_window_days: Option<u16>,
    /// Own items removed since (id → label): their old ticks still have a name.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::unique_keys::map"
    )]
    pub removed: BTreeMap<String, String>,
}

impl Default for PlanChanges {
    fn default() -> Self {
        PlanChanges {
            version: CHANGES_VERSION,
            changes: BTreeMap::new(),
            items: Vec::new(),
            restrictions: Vec::new(),
            symptom_window_days: None,
            removed: BTreeMap::new(),
        }
    }
}

/// What changes in one built-in entry. Every field is optional: only what differs is kept.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryChange {
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub off: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ItemKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<Days>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sessions: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
}

impl EntryChange {
    pub fn is_empty(&self) -> bool {
        *self == EntryChange::default()
    }

    /// The names of the fields this change sets, as `plan set` takes them.
    pub fn fields(&self) -> Vec<String> {
        let set = [
            ("off", self.off),
            ("label", self.label.is_some()),
            ("hint", self.hint.is_some()),
            ("kind", self.kind.is_some()),
            ("days", self.days.is_some()),
            ("target", self.target.is_some()),
            ("minutes", self.minutes.is_some()),
            ("sessions", self.sessions.is_some()),
            ("hours", self.hours.is_some()),
        ];
        set.iter()
            .filter(|(_, on)| *on)
            .map(|(name, _)| (*name).to_string())
            .collect()
    }
}

/// A daily item of the patient's own (from their dermatologist).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnItem {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hint: String,
    pub kind: ItemKind,
    pub days: Days,
}

/// A restriction of the patient's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnRestriction {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hint: String,
    pub hours: Hours,
}

/// A day range in a plan file: written `"0-7"` (or `"3-"`: no end), and also read in the
/// long form `(from: 0, to: 7)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days(pub DayRange);

impl Days {
    /// `"0-7"`, `"3-"` (from day 3 on), `"5"` (day 5 only); `–` and `..` work too.
    pub fn parse(text: &str) -> Result<Days, ParseError> {
        let bad = || ParseError::Days(text.to_string());
        let text = text.trim();
        let number = |s: &str| s.trim().parse::<u32>().map_err(|_| bad());
        let split = ["..", "–", "-"].iter().find_map(|sep| text.split_once(sep));
        let range = match split {
            Some((from, to)) if to.trim().is_empty() => DayRange {
                from: number(from)?,
                to: None,
            },
            Some((from, to)) => DayRange {
                from: number(from)?,
                to: Some(number(to)?),
            },
            None => {
                let day = number(text)?;
                DayRange {
                    from: day,
                    to: Some(day),
                }
            }
        };
        Ok(Days(range))
    }
}

impl fmt::Display for Days {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.to {
            Some(to) => write!(f, "{}-{to}", self.0.from),
            None => write!(f, "{}-", self.0.from),
        }
    }
}

impl Serialize for Days {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Days {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Days, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Days;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a day range like "0-7", or (from: 0, to: 7)"#)
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Days, E> {
                Days::parse(text).map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, day: u64) -> Result<Days, E> {
                let day = u32::try_from(day).map_err(|_| E::custom("day out of range"))?;
                Ok(Days(DayRange {
                    from: day,
                    to: Some(day),
                }))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Days, A::Error> {
                let range =
                    DayRange::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Days(range))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A length of time in whole hours: written `48`, or `"48h"`, `"5d"`, `"2w"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hours(pub u32);

impl Hours {
    /// `48`, `48h`, `5d` (120 h), `2w` (336 h).
    pub fn parse(text: &str) -> Result<Hours, ParseError> {
        let text = text.trim();
        let bad = || ParseError::Hours(text.to_string());
        let (number, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
            Some((at, _)) => (&text[..at], text[at..].trim()),
            None => (text, "h"),
        };
        let number: u32 = number.parse().map_err(|_| bad())?;
        let factor = match unit.to_ascii_lowercase().as_str() {
            "h" | "hour" | "hours" => 1,
            "d" | "day" | "days" => 24,
            "w" | "week" | "weeks" => 24 * 7,
            _ => return Err(bad()),
        };
        number.checked_mul(factor).map(Hours).ok_or_else(bad)
    }
}

impl Serialize for Hours {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(self.0)
    }
}

impl<'de> Deserialize<'de> for Hours {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Hours, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Hours;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"hours, like 48 or "48h", "5d", "2w""#)
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Hours, E> {
                Hours::parse(text).map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, hours: u64) -> Result<Hours, E> {
                u32::try_from(hours)
                    .map(Hours)
                    .map_err(|_| E::custom("too many hours"))
            }
            fn visit_i64<E: serde::de::Error>(self, hours: i64) -> Result<Hours, E> {
                u32::try_from(hours)
                    .map(Hours)
                    .map_err(|_| E::custom(format!("{hours} hours is not a duration")))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Puts the built-in plan and the patient's changes together into the plan in force, and
/// validates it as a whole. Errors name the entry and field, for the file's line:column.
pub fn apply(builtin: &CarePlan, changes: &PlanChanges) -> Result<CarePlan, PlanError> {
    let mut plan = builtin.clone();
    for (id, change) in &changes.changes {
        if id.eq_ignore_ascii_case(NEXT_SESSION) {
            apply_next_session(&mut plan, id, change)?;
        } else if let Some(at) = plan
            .items
            .iter()
            .position(|i| i.id.eq_ignore_ascii_case(id))
        {
            apply_to_item(&mut plan.items[at], change)?;
        } else if let Some(at) = plan
            .restrictions
            .iter()
            .position(|r| r.id.eq_ignore_ascii_case(id))
        {
            apply_to_restriction(&mut plan.restrictions[at], change)?;
        } else {
            let own = changes.items.iter().any(|i| i.id.eq_ignore_ascii_case(id))
                || changes
                    .restrictions
                    .iter()
                    .any(|r| r.id.eq_ignore_ascii_case(id));
            let message = if own {
                format!(
                    "{id:?} is your own entry: change it where it is written, under items or restrictions"
                )
            } else {
                format!(
                    "no built-in entry {id:?} to change; built-in ids: {}",
                    builtin_ids(builtin).join(", ")
                )
            };
            return Err(PlanError::at(id, "", message));
        }
    }
    let (on, off): (Vec<Item>, Vec<Item>) = plan
        .items
        .into_iter()
        .partition(|i| !is_off(changes, &i.id));
    plan.items = on;
    plan.off_items = off;
    let (on, off): (Vec<Restriction>, Vec<Restriction>) = plan
        .restrictions
        .into_iter()
        .partition(|r| !is_off(changes, &r.id));
    plan.restrictions = on;
    plan.off_restrictions = off;
    for own in &changes.items {
        check_own_id(builtin, &own.id)?;
        plan.items.push(Item {
            id: own.id.clone(),
            aliases: Vec::new(),
            label: own.label.clone(),
            hint: own.hint.clone(),
            origin: Origin::Dermatologist,
            kind: own.kind,
            days: own.days.0,
            hours: None,
            as_needed: false,
            while_restricted: None,
            yours: Yours::Added,
        });
    }
    for own in &changes.restrictions {
        check_own_id(builtin, &own.id)?;
        plan.restrictions.push(Restriction {
            id: own.id.clone(),
            aliases: Vec::new(),
            label: own.label.clone(),
            hint: own.hint.clone(),
            origin: Origin::Dermatologist,
            hours: own.hours.0,
            forbids: Vec::new(),
            yours: Yours::Added,
        });
    }
    if let Some(days) = changes.symptom_window_days {
        plan.symptom_window_days = days;
        plan.symptom_window_origin = Origin::Dermatologist;
    }
    plan.removed = changes.removed.clone();
    plan.validate()?;
    Ok(plan.with_variants())
}

fn is_off(changes: &PlanChanges, id: &str) -> bool {
    changes
        .changes
        .iter()
        .any(|(changed, change)| change.off && changed.eq_ignore_ascii_case(id))
}

fn builtin_ids(builtin: &CarePlan) -> Vec<String> {
    builtin
        .items
        .iter()
        .map(|i| i.id.clone())
        .chain(builtin.restrictions.iter().map(|r| r.id.clone()))
        .chain([NEXT_SESSION.to_string()])
        .collect()
}

fn check_own_id(builtin: &CarePlan, id: &str) -> Result<(), PlanError> {
    let taken = builtin.item(id).is_some()
        || builtin.restriction(id).is_some()
        || id.eq_ignore_ascii_case(NEXT_SESSION);
    if taken {
        return Err(PlanError::at(
            id,
            "id",
            format!(
                "{id:?} is a built-in entry: change it under `changes` instead, or pick another id"
            ),
        ));
    }
    Ok(())
}

/// A field that does not belong to this kind of entry.
fn not_a_field(id: &str, field: &str, what: &str) -> PlanError {
    PlanError::at(id, field, format!("{id} is {what}: it has no {field}"))
}

pub(super) fn apply_to_item(item: &mut Item, change: &EntryChange) -> Result<(), PlanError> {
    let id = item.id.clone();
    if change.hours.is_some() {
        return Err(PlanError::at(
            &id,
            "hours",
            format!("{id} is a daily item: it has days (days=0-7), not hours"),
        ));
    }
    if let Some(label) = &change.label {
        item.label.clone_from(label);
    }
    if let Some(hint) = &change.hint {
        item.hint.clone_from(hint);
    }
    if let Some(kind) = change.kind {
        item.kind = kind;
    }
    if let Some(days) = change.days {
        item.days = days.0;
    }
    if let Some(value) = change.target {
        match &mut item.kind {
            ItemKind::Counted { target } => *target = value,
            ItemKind::Timed { sessions, .. } => *sessions = value,
            _ => return Err(not_a_field(&id, "target", "a once-a-day item")),
        }
    }
    if let Some(value) = change.minutes {
        match &mut item.kind {
            ItemKind::Timed { minutes, .. } => *minutes = value,
            _ => return Err(not_a_field(&id, "minutes", "not a timed item")),
        }
    }
    if let Some(value) = change.sessions {
        match &mut item.kind {
            ItemKind::Timed { sessions, .. } => *sessions = value,
            _ => return Err(not_a_field(&id, "sessions", "not a timed item")),
        }
    }
    item.yours = changed(change);
    Ok(())
}

pub(super) fn apply_to_restriction(
    restriction: &mut Restriction,
    change: &EntryChange,
) -> Result<(), PlanError> {
    let id = restriction.id.clone();
    let item_field = [
        ("kind", change.kind.is_some()),
        ("days", change.days.is_some()),
        ("target", change.target.is_some()),
        ("minutes", change.minutes.is_some()),
        ("sessions", change.sessions.is_some()),
    ]
    .into_iter()
    .find(|(_, set)| *set);
    if let Some((field, _)) = item_field {
        return Err(PlanError::at(
            &id,
            field,
            format!("{id} is a restriction: it has hours (hours=48h), not {field}"),
        ));
    }
    if let Some(label) = &change.label {
        restriction.label.clone_from(label);
    }
    if let Some(hint) = &change.hint {
        restriction.hint.clone_from(hint);
    }
    if let Some(hours) = change.hours {
        if change.hint.is_none() && hours.0 != restriction.hours {
            restriction.hint = hint_for_new_hours(restriction, hours.0);
        }
        restriction.hours = hours.0;
    }
    restriction.yours = changed(change);
    Ok(())
}

/// The hint of a restriction whose hours the patient changed. The built-in hint names the
/// built-in hours ("At least 24 hours…"), so it is kept only as what the plan said; the
/// new hours come first, with the items they hold back, which move with them.
fn hint_for_new_hours(restriction: &Restriction, hours: u32) -> String {
    let holds = if restriction.forbids.is_empty() {
        String::new()
    } else {
        format!(
            "; {} wait until it lifts too",
            restriction.forbids.join(", ")
        )
    };
    format!(
        "Yours: {hours} hours{holds}. Built in ({} hours): {}",
        restriction.hours, restriction.hint
    )
}

fn apply_next_session(
    plan: &mut CarePlan,
    id: &str,
    change: &EntryChange,
) -> Result<(), PlanError> {
    let other = change.fields().into_iter().find(|field| field != "days");
    if let Some(field) = other {
        return Err(PlanError::at(
            id,
            &field,
            format!("{NEXT_SESSION} has only days (days=28-42), not {field}"),
        ));
    }
    if let Some(Days(range)) = change.days {
        let to = range.to.ok_or_else(|| {
            PlanError::at(
                id,
                "days",
                format!("{NEXT_SESSION}: give both ends, like days=28-42"),
            )
        })?;
        plan.next_session = DayWindow {
            from_days: range.from,
            to_days: to,
        };
        plan.next_session_origin = Origin::Dermatologist;
    }
    Ok(())
}

fn changed(change: &EntryChange) -> Yours {
    let fields = change.fields();
    if fields.is_empty() {
        Yours::No
    } else {
        Yours::Changed(fields)
    }
}

/// The changes that turn `builtin` into `plan`: reads an old full copy of the plan as
/// changes, and marks what in it is the patient's. Entries the copy leaves out are off.
pub fn diff(builtin: &CarePlan, plan: &CarePlan) -> PlanChanges {
    let mut changes = PlanChanges::default();
    for base in &builtin.items {
        let change = match plan.item(&base.id) {
            None => EntryChange {
                off: true,
                ..EntryChange::default()
            },
            Some(item) => item_change(base, item),
        };
        if !change.is_empty() {
            changes.changes.insert(base.id.clone(), change);
        }
    }
    for base in &builtin.restrictions {
        let change = match plan.restriction(&base.id) {
            None => EntryChange {
                off: true,
                ..EntryChange::default()
            },
            Some(r) => EntryChange {
                label: (r.label != base.label).then(|| r.label.clone()),
                // A hint that only follows the new hours is not a change of its own.
                hint: (r.hint != base.hint && r.hint != hint_for_new_hours(base, r.hours))
                    .then(|| r.hint.clone()),
                hours: (r.hours != base.hours).then_some(Hours(r.hours)),
                ..EntryChange::default()
            },
        };
        if !change.is_empty() {
            changes.changes.insert(base.id.clone(), change);
        }
    }
    if plan.next_session != builtin.next_session {
        changes.changes.insert(
            NEXT_SESSION.to_string(),
            EntryChange {
                days: Some(Days(DayRange {
                    from: plan.next_session.from_days,
                    to: Some(plan.next_session.to_days),
                })),
                ..EntryChange::default()
            },
        );
    }
    for item in plan.items.iter().filter(|i| builtin.item(&i.id).is_none()) {
        changes.items.push(OwnItem {
            id: item.id.clone(),
            label: item.label.clone(),
            hint: item.hint.clone(),
            kind: item.kind,
            days: Days(item.days),
        });
    }
    for r in plan
        .restrictions
        .iter()
        .filter(|r| builtin.restriction(&r.id).is_none())
    {
        changes.restrictions.push(OwnRestriction {
            id: r.id.clone(),
            label: r.label.clone(),
            hint: r.hint.clone(),
            hours: Hours(r.hours),
        });
    }
    if plan.symptom_window_days != builtin.symptom_window_days {
        changes.symptom_window_days = Some(plan.symptom_window_days);
    }
    changes
}

fn item_change(base: &Item, item: &Item) -> EntryChange {
    let same_kind = std::mem::discriminant(&base.kind) == std::mem::discriminant(&item.kind);
    let (kind, target, minutes, sessions) = match (same_kind, base.kind, item.kind) {
        (false, _, kind) => (Some(kind), None, None, None),
        (true, ItemKind::Counted { target: a }, ItemKind::Counted { target: b }) => {
            (None, (a != b).then_some(b), None, None)
        }
        (
            true,
            ItemKind::Timed {
                minutes: m1,
                sessions: s1,
            },
            ItemKind::Timed {
                minutes: m2,
                sessions: s2,
            },
        ) => (
            None,
            None,
            (m1 != m2).then_some(m2),
            (s1 != s2).then_some(s2),
        ),
        _ => (None, None, None, None),
    };
    EntryChange {
        off: false,
        label: (item.label != base.label).then(|| item.label.clone()),
        hint: (item.hint != base.hint).then(|| item.hint.clone()),
        kind,
        days: (item.days != base.days).then_some(Days(item.days)),
        target,
        minutes,
        sessions,
        hours: None,
    }
}

/// Marks the entries of an old full copy that differ from the built-in plan as the
/// patient's, as `apply` would have marked them; the copy itself stays in force whole.
pub fn mark_replacement(builtin: &CarePlan, plan: &mut CarePlan) {
    let changes = diff(builtin, plan);
    for item in &mut plan.items {
        item.yours = match changes.changes.get(&item.id) {
            Some(change) => changed(change),
            None if builtin.item(&item.id).is_none() => Yours::Added,
            None => Yours::No,
        };
    }
    for r in &mut plan.restrictions {
        // The first format had no `forbids`: which items a built-in restriction rules out
        // is a fact about it, kept so an old copy never asks for what it forbids.
        if r.forbids.is_empty()
            && let Some(base) = builtin.restriction(&r.id)
        {
            r.forbids.clone_from(&base.forbids);
        }
        r.yours = match changes.changes.get(&r.id) {
            Some(change) => changed(change),
            None if builtin.restriction(&r.id).is_none() => Yours::Added,
            None => Yours::No,
        };
    }
    plan.off_items = builtin
        .items
        .iter()
        .filter(|i| plan.item(&i.id).is_none())
        .cloned()
        .collect();
    plan.off_restrictions = builtin
        .restrictions
        .iter()
        .filter(|r| plan.restriction(&r.id).is_none())
        .cloned()
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_restriction_hint_follows_its_changed_hours() {
        let builtin = CarePlan::builtin();
        let makeup = builtin.restriction("makeup").unwrap();
        assert!(makeup.hint.starts_with("At least 24 hours"));
        let mut changes = PlanChanges::default();
        changes.changes.insert(
            "makeup".into(),
            EntryChange {
                hours: Some(Hours(48)),
                ..EntryChange::default()
            },
        );
        let plan = apply(&builtin, &changes).unwrap();
        let hint = &plan.restriction("makeup").unwrap().hint;
        assert!(hint.starts_with("Yours: 48 hours"), "{hint}");
        assert!(hint.contains("sunscreen"), "the items held back: {hint}");
        assert!(hint.contains("Built in (24 hours)"), "{hint}");
        // The plan in force, diffed back, is the one change made: the hint is not a second.
        assert_eq!(diff(&builtin, &plan), changes);
    }

    #[test]
    fn durations_read_hours_days_and_weeks() {
        assert_eq!(Hours::parse("48"), Ok(Hours(48)));
        assert_eq!(Hours::parse("48h"), Ok(Hours(48)));
        assert_eq!(Hours::parse("5d"), Ok(Hours(120)));
        assert_eq!(Hours::parse("2w"), Ok(Hours(336)));
        assert!(Hours::parse("2 fortnights").is_err());
        assert!(Hours::parse("-3").is_err());
    }

    #[test]
    fn day_ranges_read_short_and_open_forms() {
        assert_eq!(
            Days::parse("0-7").unwrap().0,
            DayRange {
                from: 0,
                to: Some(7)
            }
        );
        assert_eq!(Days::parse("3-").unwrap().0, DayRange { from: 3, to: None });
        assert_eq!(
            Days::parse("5").unwrap().0,
            DayRange {
                from: 5,
                to: Some(5)
            }
        );
        assert!(Days::parse("soon").is_err());
    }

    #[test]
    fn no_changes_is_the_builtin_plan() {
        let builtin = CarePlan::builtin();
        assert_eq!(apply(&builtin, &PlanChanges::default()).unwrap(), builtin);
    }

    #[test]
    fn diff_of_a_changed_copy_applies_back_to_it() {
        let builtin = CarePlan::builtin();
        let mut copy = builtin.clone();
        copy.items.retain(|i| i.id != "ice");
        copy.restrictions[0].hours = 48;
        if let ItemKind::Counted { target } = &mut copy.items[1].kind {
            *target = 10;
        }
        let changes = diff(&builtin, &copy);
        assert!(changes.changes["ice"].off);
        let again = apply(&builtin, &changes).unwrap();
        assert_eq!(again.items.len(), copy.items.len());
        assert_eq!(again.restrictions[0].hours, 48);
        assert_eq!(
            again.item("water").unwrap().kind,
            ItemKind::Counted { target: 10 }
        );
    }
}
