//! Care that never contradicts itself: read hour by hour through the first two weeks, the
//! checklist never asks for what an unlifted restriction forbids; and every number of the
//! built-in plan comes from a tip or is marked our default with its source.

mod common;

use aftercare::domain::model::Procedure;
use aftercare::domain::plan::Origin;
use aftercare::domain::recovery::{checklist, restrictions_at};
use aftercare::domain::schedule::Form;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

/// Treatments at the times that broke it: evening, morning, just after midnight, and across
/// the spring DST change in Paris (offset +01:00 then +02:00).
const TREATED: [&str; 4] = [
    "2027-03-14T17:00:00+01:00",
    "2027-03-14T09:00:00+01:00",
    "2027-03-14T00:30:00+01:00",
    "2027-03-27T22:00:00+01:00",
];

#[test]
fn hour_by_hour_no_item_is_asked_for_while_a_restriction_forbids_it() {
    let plan = aftercare::journal::builtin_plan().clone();
    let paris = TimeZone::get("Europe/Paris").unwrap();
    // Every procedure's plan: a variant's changes must not contradict the rest of the plan.
    for (at, procedure) in TREATED
        .into_iter()
        .flat_map(|at| Procedure::ALL.map(|p| (at, p)))
    {
        let treatment = common::treatment(at).with_procedure(procedure);
        for hour in 0..=14 * 24 {
            for minute in [0, 59] {
                let now: Timestamp =
                    treatment.at.instant + SignedDuration::from_mins(i64::from(hour) * 60 + minute);
                let date = now.to_zoned_datetime(paris.clone()).date();
                let holding: Vec<_> = restrictions_at(&plan, &treatment, now)
                    .into_iter()
                    .filter(|s| !s.lifted())
                    .collect();
                for progress in checklist(&plan, &treatment, date, now, None) {
                    if let Form::Restricted { by, .. } = progress.form {
                        assert!(
                            holding.iter().any(|s| s.restriction.id == by.id),
                            "{at} {procedure} +{hour}h: {} in its restricted form after {} lifted",
                            progress.item.id,
                            by.id
                        );
                        continue;
                    }
                    for status in &holding {
                        assert!(
                            !status.restriction.forbids.contains(&progress.item.id),
                            "{at} {procedure} +{hour}h{minute:02}: the checklist asks for {:?} while {} forbids it ({:?} left)",
                            progress.label(),
                            status.restriction.id,
                            status.left
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_first_72_hours_read_as_the_issue_asks() {
    let plan = aftercare::journal::builtin_plan().clone();
    let treatment = common::treatment("2027-03-14T17:00:00+01:00");
    let paris = TimeZone::get("Europe/Paris").unwrap();
    let ids_at = |hour: i64| {
        let now = treatment.at.instant + SignedDuration::from_hours(hour);
        let date = now.to_zoned_datetime(paris.clone()).date();
        checklist(&plan, &treatment, date, now, None)
            .into_iter()
            .map(|p| (p.item.id.clone(), p.label().to_string()))
            .collect::<Vec<_>>()
    };
    for hour in 0..24 {
        let list = ids_at(hour);
        assert!(
            !list
                .iter()
                .any(|(id, _)| id == "sunscreen" || id == "cleanser"),
            "+{hour}h: {list:?}"
        );
        assert!(
            !list.iter().any(|(id, _)| id == "moisturiser"),
            "+{hour}h: {list:?}"
        );
        assert!(
            list.contains(&(
                "clinic-product".into(),
                "If your clinic gave you a product: only that".into()
            )),
            "+{hour}h: {list:?}"
        );
    }
    for hour in 24..72 {
        let list = ids_at(hour);
        assert!(
            list.iter().any(|(id, _)| id == "sunscreen"),
            "+{hour}h: {list:?}"
        );
        assert!(
            list.iter().any(|(id, _)| id == "cleanser"),
            "+{hour}h: {list:?}"
        );
        assert!(
            list.contains(&("moisturiser".into(), "Hydrating moisturiser".into())),
            "+{hour}h: {list:?}"
        );
    }
}

#[test]
fn the_new_restrictions_are_defaults_with_a_source() {
    let plan = aftercare::journal::builtin_plan().clone();
    let actives = plan.restriction("actives").expect("actives");
    assert_eq!(actives.hours, 5 * 24);
    let swim = plan.restriction("swim-sauna").expect("swim-sauna");
    assert_eq!(swim.hours, 72);
    for r in [actives, swim] {
        assert!(
            matches!(&r.origin, Origin::Default { why, .. } if !why.is_empty()),
            "{}: {:?}",
            r.id,
            r.origin
        );
    }
    assert!(plan.item("ice").unwrap().as_needed);
}

/// Every number's origin is checked in `care_sources.rs`; here, what forbids what.
#[test]
fn restrictions_forbid_real_items_and_every_warning_sign_is_listed() {
    let plan = aftercare::journal::builtin_plan().clone();
    // The plan states which restriction forbids which item, and every id is real.
    for r in &plan.restrictions {
        for id in &r.forbids {
            assert!(
                plan.item(id).is_some(),
                "{} forbids unknown item {id}",
                r.id
            );
        }
    }
    assert_eq!(
        plan.restriction("makeup").unwrap().forbids,
        ["moisturiser", "sunscreen", "cleanser"]
    );
    let signs: Vec<&str> = plan.warning_signs.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        signs,
        [
            "breathing",
            "fever",
            "pus",
            "spreading",
            "worse-pain",
            "blisters",
            "allergy",
            "lumps"
        ]
    );
}

/// Finding 7: a patient whose clinic gave them nothing can complete the treatment day: the
/// clinic's product is as-needed, never a required tick.
#[test]
fn a_patient_given_no_product_completes_the_first_day() {
    use aftercare::domain::model::DayEntry;
    use aftercare::domain::recovery::adherence;
    use aftercare::domain::time::Stamp;
    let plan = aftercare::journal::builtin_plan().clone();
    let treatment = common::treatment("2027-03-14T09:00:00+01:00");
    let paris = TimeZone::get("Europe/Paris").unwrap();
    let now = treatment.at.instant + SignedDuration::from_hours(10);
    let zoned = now.to_zoned_datetime(paris);
    let date = zoned.date();
    let mut day = DayEntry::default();
    for progress in checklist(&plan, &treatment, date, now, None) {
        if progress.item.id == "clinic-product" {
            continue;
        }
        for _ in 0..progress.target() {
            day.push_tick(&progress.item.id, Stamp::of(&zoned));
        }
    }
    let done = checklist(&plan, &treatment, date, now, Some(&day));
    assert!(done.iter().any(|p| p.item.id == "clinic-product"));
    assert_eq!(adherence(&done), Some(1.0), "{done:?}");
}
