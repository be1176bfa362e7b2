//! Care that never contradicts itself: read hour by hour through the first two weeks, the
//! checklist never asks for what an unlifted restriction forbids; and every number of the
//! built-in plan comes from a tip or is marked our default with its source.

mod common;

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
    for at in TREATED {
        let treatment = common::treatment(at);
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
                            "{at} +{hour}h: {} in its restricted form after {} lifted",
                            progress.item.id,
                            by.id
                        );
                        continue;
                    }
                    for status in &holding {
                        assert!(
                            !status.restriction.forbids.contains(&progress.item.id),
                            "{at} +{hour}h{minute:02}: the checklist asks for {:?} while {} forbids it ({:?} left)",
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
            list.contains(&(
                "moisturiser".into(),
                "Only what your clinic gave you".into()
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

/// The numbers each tip gives, as written in the seed: a `Tip(N)` entry may use only these.
fn tip_gives(tip: u8, hours: u32) -> bool {
    match tip {
        4 | 5 => hours == 24,  // "at least 24 hours"
        9 => hours == 14 * 24, // "at least two weeks"
        _ => false,
    }
}

#[test]
fn every_number_comes_from_a_tip_or_is_our_default_with_its_source() {
    let plan = aftercare::journal::builtin_plan().clone();
    let sourced = |what: &str, origin: &Origin| match origin {
        Origin::Default { why, .. } => {
            assert!(
                why.trim().len() > 10,
                "{what}: a default needs its source: {origin:?}"
            )
        }
        other => {
            panic!("{what}: the built-in plan must name a tip or a sourced default, not {other:?}")
        }
    };
    for item in &plan.items {
        // Every item has a number the tips do not give (its days at least).
        sourced(&item.id, &item.origin);
    }
    for r in &plan.restrictions {
        match &r.origin {
            Origin::Tip(tip) => assert!(
                tip_gives(*tip, r.hours),
                "{}: {} h is not a number tip {tip} gives; mark it a default with its source",
                r.id,
                r.hours
            ),
            origin => sourced(&r.id, origin),
        }
    }
    sourced("symptom_window_days", &plan.symptom_window_origin);
    sourced("next_session", &plan.next_session_origin);
    sourced("warning_signs", &plan.warning_signs_origin);
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
