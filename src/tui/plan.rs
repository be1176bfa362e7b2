//! The Plan screen's state: which entry is selected, and what its keys ask for. It never
//! changes the plan itself: a change goes back to the app as an [`Effect::ChangePlan`],
//! which checks it against the whole plan, saves it and puts it in force at once.

use crate::domain::plan::changes::NEXT_SESSION;
use crate::domain::plan::edit::PlanEdit;
use crate::domain::plan::{CarePlan, Origin, Source, Yours};
use crate::tui::action::{Action, PlanAction};
use crate::tui::forms::plan::PlanForm;
use crate::tui::state::Overlay;
use crate::tui::view::Effect;

/// Which kind of entry a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Item,
    Restriction,
    NextSession,
}

/// One line of the Plan screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRow {
    pub id: String,
    pub label: String,
    pub kind: RowKind,
    pub on: bool,
    /// "8 a day · days 0–14", "48 h", "days 28–42".
    pub numbers: String,
    /// A few words: "tip 5", "tip 2, default", "yours", "changed".
    pub source: String,
    /// Where it comes from in one line, with the reason for a default.
    pub detail: String,
    /// Where it comes from in few words, for a short window: the works cited, without
    /// their links and claims ("Source: Soltani-Arabshahi R et al., …"), or the origin
    /// line where none is cited or the entry is the patient's.
    pub brief: String,
    pub hint: String,
    pub yours: Yours,
}

/// Every entry of the plan, on or off, in the order the screen lists them: daily items
/// (then those turned off), restrictions (then those turned off), the next session.
pub fn rows(plan: &CarePlan) -> Vec<PlanRow> {
    let item_rows = plan
        .items
        .iter()
        .map(|i| (i, true))
        .chain(plan.off_items.iter().map(|i| (i, false)))
        .map(|(item, on)| PlanRow {
            id: item.id.clone(),
            label: item.label.clone(),
            kind: RowKind::Item,
            on,
            numbers: format!("{} · {}", short_kind(item.kind), short_days(item.days)),
            source: short_source(&item.origin, &item.yours),
            detail: detail(plan, &item.origin, &item.yours),
            brief: brief(plan, &item.origin, &item.yours),
            hint: item.hint.clone(),
            yours: item.yours.clone(),
        });
    let restriction_rows = plan
        .restrictions
        .iter()
        .map(|r| (r, true))
        .chain(plan.off_restrictions.iter().map(|r| (r, false)))
        .map(|(r, on)| PlanRow {
            id: r.id.clone(),
            label: r.label.clone(),
            kind: RowKind::Restriction,
            on,
            numbers: hours(r.hours),
            source: short_source(&r.origin, &r.yours),
            detail: detail(plan, &r.origin, &r.yours),
            brief: brief(plan, &r.origin, &r.yours),
            hint: r.hint.clone(),
            yours: r.yours.clone(),
        });
    let next = &plan.next_session_origin;
    let next_yours = if *next == Origin::Dermatologist {
        Yours::Changed(vec!["days".into()])
    } else {
        Yours::No
    };
    let next_row = PlanRow {
        id: NEXT_SESSION.to_string(),
        label: "Next session".to_string(),
        kind: RowKind::NextSession,
        on: true,
        numbers: format!(
            "days {}–{}",
            plan.next_session.from_days, plan.next_session.to_days
        ),
        source: short_source(next, &Yours::No),
        detail: detail(plan, next, &Yours::No),
        brief: brief(plan, next, &Yours::No),
        hint: "Your dermatologist decides whether and when; the window shows what studies used."
            .to_string(),
        yours: next_yours,
    };
    item_rows
        .chain(restriction_rows)
        .chain(std::iter::once(next_row))
        .collect()
}

fn short_kind(kind: crate::domain::plan::ItemKind) -> String {
    use crate::domain::plan::ItemKind;
    match kind {
        ItemKind::Check => "daily".to_string(),
        // "avoid" beside "Hat and long sleeves outdoors" read as "avoid the hat": the
        // item is ticked when the patient kept to it.
        ItemKind::Avoid => "keep to".to_string(),
        ItemKind::Counted { target } => format!("{target}/day"),
        ItemKind::Timed { minutes, sessions } => format!("{sessions}×{minutes} min"),
    }
}

/// "0–14", "from 3".
fn short_days(days: crate::domain::plan::DayRange) -> String {
    match days.to {
        Some(to) => format!("{}–{to}", days.from),
        None => format!("from {}", days.from),
    }
}

fn hours(hours: u32) -> String {
    if hours >= 48 && hours.is_multiple_of(24) {
        format!("{hours} h ({} d)", hours / 24)
    } else {
        format!("{hours} h")
    }
}

fn short_source(origin: &Origin, yours: &Yours) -> String {
    match (yours, origin) {
        (Yours::Added, _) | (_, Origin::Dermatologist) => "yours".to_string(),
        (Yours::Changed(fields), _) if fields.iter().any(|f| f != "off") => "changed".to_string(),
        (_, Origin::Tip(tip)) => format!("tip {tip}"),
        (_, Origin::Source { tip, source }) => format!("tip {tip}, {source}"),
        (_, Origin::Default { tip, .. }) => format!("tip {tip}, default"),
    }
}

/// Where an entry comes from, then each source it cites: citation, link and the claim we
/// credit it for, so the patient (or their dermatologist) can check it.
fn detail(plan: &CarePlan, origin: &Origin, yours: &Yours) -> String {
    let mut text = origin_line(origin, yours);
    for source in cited(plan, origin) {
        text.push_str(&format!(
            " Source: {} {}: {}",
            source.citation, source.link, source.claim
        ));
    }
    text
}

/// Where an entry comes from in few words (see `PlanRow::brief`).
fn brief(plan: &CarePlan, origin: &Origin, yours: &Yours) -> String {
    let citations: Vec<&str> = cited(plan, origin)
        .map(|source| source.citation.as_str())
        .collect();
    let changed = matches!(yours, Yours::Added)
        || matches!(yours, Yours::Changed(fields) if fields.iter().any(|f| f != "off"));
    if citations.is_empty() || changed {
        return origin_line(origin, yours);
    }
    let sources = format!("Source: {}.", citations.join("; "));
    match origin {
        // A default stays marked as ours, also in few words.
        Origin::Default { tip, .. } => format!("Our default (tip {tip}). {sources}"),
        _ => sources,
    }
}

/// The sources an entry cites, as the plan lists them.
fn cited<'a>(plan: &'a CarePlan, origin: &'a Origin) -> impl Iterator<Item = &'a Source> {
    origin
        .source_ids()
        .into_iter()
        .filter_map(|id| plan.source(id))
}

fn origin_line(origin: &Origin, yours: &Yours) -> String {
    match yours {
        Yours::Added => "Yours: from your dermatologist.".to_string(),
        Yours::Changed(fields) if fields.iter().any(|f| f != "off") => format!(
            "Yours ({} changed). Built in: {}.",
            fields.join(", "),
            origin.describe()
        ),
        _ => format!("From {}.", origin.describe()),
    }
}

/// The Plan screen's own state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanView {
    pub selected: usize,
}

impl PlanView {
    /// Handles a key of the Plan screen or of its form; returns what the app must do.
    pub fn update(
        &mut self,
        plan: &CarePlan,
        overlay: &mut Option<Overlay>,
        action: Action,
    ) -> Vec<Effect> {
        if let Some(Overlay::PlanForm(form)) = overlay {
            match action {
                Action::Cancel => *overlay = None,
                Action::Edit(edit) => form.edit(edit),
                Action::NextField | Action::Up | Action::Down => form.next_field(),
                Action::Submit => match form.to_edit() {
                    Ok(edit) => return vec![Effect::ChangePlan(edit)],
                    Err(err) => form.error = Some(err.to_string()),
                },
                _ => {}
            }
            return Vec::new();
        }
        let rows = rows(plan);
        self.selected = self.selected.min(rows.len().saturating_sub(1));
        let Some(row) = rows.get(self.selected) else {
            return Vec::new();
        };
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(rows.len() - 1),
            Action::Plan(PlanAction::Edit) => {
                *overlay = PlanForm::for_entry(plan, &row.id).map(Overlay::PlanForm);
            }
            Action::Plan(PlanAction::Add) => {
                *overlay = Some(Overlay::PlanForm(PlanForm::for_new()))
            }
            Action::Plan(PlanAction::Reset) => {
                return vec![Effect::ChangePlan(PlanEdit::Reset(row.id.clone()))];
            }
            Action::Plan(PlanAction::Toggle) => return vec![toggle(row)],
            _ => {}
        }
        Vec::new()
    }

    /// The selected row's id, after the plan changed (the row may have moved).
    pub fn follow(&mut self, plan: &CarePlan, id: &str) {
        if let Some(at) = rows(plan)
            .iter()
            .position(|r| r.id.eq_ignore_ascii_case(id))
        {
            self.selected = at;
        }
    }
}

fn toggle(row: &PlanRow) -> Effect {
    match (row.kind, &row.yours) {
        (RowKind::NextSession, _) => {
            Effect::info("The next-session window cannot be turned off; Enter changes it")
        }
        (_, Yours::Added) => Effect::info(format!(
            "{} is your own: r removes it (its ticks are kept)",
            row.label
        )),
        _ => Effect::ChangePlan(PlanEdit::Set {
            id: row.id.clone(),
            assignments: vec![if row.on { "off" } else { "on" }.to_string()],
        }),
    }
}
