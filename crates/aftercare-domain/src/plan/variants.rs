//! Each procedure's plan: a set of changes over the built-in plan (the same changes a plan
//! file holds), each with the origin of its numbers. Applied under the patient's own
//! changes: an entry the patient (their dermatologist) changed keeps what they said.

use crate::plan::changes::{EntryChange, Hours, apply_to_item, apply_to_restriction};
use crate::plan::{CarePlan, DayRange, Item, ItemKind, Origin, Restriction, Yours};
use crate::procedure::Procedure;

/// One changed built-in entry, and where its new numbers come from.
struct Change {
    id: &'static str,
    change: EntryChange,
    origin: Origin,
}

/// The plan in force for a treatment of `procedure`: `plan` (built-in and the patient's
/// changes) with the procedure's changes on every entry the patient did not change.
pub fn for_procedure(plan: &CarePlan, procedure: Procedure) -> CarePlan {
    let mut plan = plan.clone();
    plan.variants.clear();
    plan.procedure = procedure;
    for Change { id, change, origin } in changes(procedure) {
        if let Some(item) = plan
            .items
            .iter_mut()
            .find(|i| i.id == id && !i.yours.is_yours())
        {
            apply_to_item(item, &change).expect("a variant changes only fields an item has");
            item.yours = Yours::No;
            item.origin = origin;
        } else if let Some(r) = plan
            .restrictions
            .iter_mut()
            .find(|r| r.id == id && !r.yours.is_yours())
        {
            apply_to_restriction(r, &change).expect("a variant changes only restriction fields");
            r.yours = Yours::No;
            r.origin = origin;
        }
    }
    let taken =
        |plan: &CarePlan, id: &str| plan.item(id).is_some() || plan.restriction(id).is_some();
    for item in items(procedure) {
        if !taken(&plan, &item.id) {
            plan.items.push(item);
        }
    }
    for restriction in restrictions(procedure) {
        if !taken(&plan, &restriction.id) {
            plan.restrictions.push(restriction);
        }
    }
    if procedure == Procedure::Body && plan.next_session_origin != Origin::Dermatologist {
        plan.next_session_origin = body_next_session_origin();
    }
    plan
}

impl CarePlan {
    /// This plan with its variant for every other procedure made (again): call it whenever
    /// a plan is put together or changed, so no variant is stale.
    pub fn with_variants(mut self) -> CarePlan {
        self.variants.clear();
        self.procedure = Procedure::Standard;
        self.variants = Procedure::ALL
            .into_iter()
            .filter(|p| !p.is_standard())
            .map(|p| for_procedure(&self, p))
            .collect();
        self
    }

    /// The plan for a treatment of `procedure` (this plan for the standard one, or when no
    /// variants were made).
    pub fn for_procedure(&self, procedure: Procedure) -> &CarePlan {
        self.variants
            .iter()
            .find(|v| v.procedure == procedure)
            .unwrap_or(self)
    }

    /// The plan that counts from `treatment`: its procedure's.
    pub fn for_treatment(&self, treatment: &crate::model::Treatment) -> &CarePlan {
        self.for_procedure(treatment.procedure)
    }
}

/// The procedure whose plan adds the entry `id` (not in the built-in plan), if any: a
/// change to it is refused with a way out, since plan files change built-in entries only.
pub fn procedure_adding(id: &str) -> Option<Procedure> {
    Procedure::ALL.into_iter().find(|&p| {
        items(p).iter().any(|i| i.id.eq_ignore_ascii_case(id))
            || restrictions(p)
                .iter()
                .any(|r| r.id.eq_ignore_ascii_case(id))
    })
}

fn changes(procedure: Procedure) -> Vec<Change> {
    match procedure {
        Procedure::Rf => vec![
            Change {
                id: "makeup",
                change: EntryChange {
                    hours: Some(Hours(72)),
                    hint: Some("After RF microneedling: makeup and moisturiser only after 24-72 hours; we keep the 72. When it lifts: clean brushes, fresh or clean products.".into()),
                    ..EntryChange::default()
                },
                origin: Origin::Source {
                    tip: 5,
                    source: "morpheus8-manual".into(),
                },
            },
            Change {
                id: "sweat",
                change: EntryChange {
                    hours: Some(Hours(48)),
                    hint: Some("After RF microneedling: keep the skin clean and away from heat and sweat for 2 days.".into()),
                    ..EntryChange::default()
                },
                origin: Origin::Source {
                    tip: 4,
                    source: "morpheus8-manual".into(),
                },
            },
            Change {
                id: "no-touch",
                change: EntryChange {
                    hint: Some("Grid-mark scabs on days 1-3 are expected after RF: let them fall off on their own.".into()),
                    ..EntryChange::default()
                },
                origin: Origin::Default {
                    tip: 8,
                    why: "the tip gives no period; the first week (days 0-7) is ours".into(),
                    range: "grid-mark scabs on days 1-3 (Morpheus8 manual)".into(),
                    sources: vec!["morpheus8-manual".into()],
                },
            },
        ],
        Procedure::Standard | Procedure::Prp | Procedure::AtHome | Procedure::Body => Vec::new(),
    }
}

fn items(procedure: Procedure) -> Vec<Item> {
    match procedure {
        Procedure::AtHome => vec![Item {
            id: "single-use".into(),
            aliases: Vec::new(),
            label: "Throw the cartridge away; never reuse a roller".into(),
            hint:
                "Pen cartridges are single-use; rollers are hard to clean, so germs stay on them."
                    .into(),
            origin: Origin::Source {
                tip: 8,
                source: "aad-2018".into(),
            },
            kind: ItemKind::Check,
            days: DayRange {
                from: 0,
                to: Some(0),
            },
            hours: None,
            as_needed: false,
            while_restricted: None,
            yours: Yours::No,
        }],
        _ => Vec::new(),
    }
}

fn restrictions(procedure: Procedure) -> Vec<Restriction> {
    match procedure {
        Procedure::Prp => vec![Restriction {
            id: "no-wash".into(),
            aliases: Vec::new(),
            label: "Washing the treated skin".into(),
            hint:
                "After PRP, leave the plasma on. Our default: 24 hours; your clinic may say fewer."
                    .into(),
            origin: Origin::Default {
                tip: 6,
                why: "there is no PRP consensus; we take the longest clinic wait, 24 hours".into(),
                range: "clinic protocols say no washing for 4 to 24 hours".into(),
                sources: vec!["proffer-2024".into()],
            },
            hours: 24,
            forbids: vec!["cleanser".into()],
            yours: Yours::No,
        }],
        _ => Vec::new(),
    }
}

/// Scars and stretch marks: sessions are spaced as for the face, but protocols vary more.
fn body_next_session_origin() -> Origin {
    Origin::Default {
        tip: 10,
        why: "scar protocols are not standardised; your dermatologist decides whether and when; the window opens at 4 weeks (28 days) and stays open to 6 weeks (42 days), which is ours".into(),
        range: "1-6 sessions a month apart for scars (Alster 2020); 2 weeks (Alam 2014) to monthly (Fabbrocini 2014); median 4 weeks (Harris 2015)".into(),
        sources: vec![
            "alster-2020".into(),
            "juhasz-2020".into(),
            "harris-2015".into(),
            "alam-2014".into(),
            "fabbrocini-2014".into(),
        ],
    }
}
