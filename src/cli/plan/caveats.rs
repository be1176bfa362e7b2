//! The caveats printed after the plan's entries, which keep the care honest: which
//! restriction forbids which item (and what to do meanwhile), where every default of ours
//! comes from, and when to call the clinic.

use std::fmt::Write as _;

use crate::domain::plan::{CarePlan, Origin};

/// The sections printed after the plan's items and restrictions.
pub(super) fn sections(plan: &CarePlan) -> String {
    let mut text = String::new();
    let forbidding: Vec<_> = plan
        .restrictions
        .iter()
        .filter(|r| !r.forbids.is_empty())
        .collect();
    if !forbidding.is_empty() {
        text.push_str(
            "\nWhile a restriction holds, the checklist does not ask for what it forbids:\n",
        );
        for r in forbidding {
            let items: Vec<String> = r
                .forbids
                .iter()
                .filter_map(|id| plan.item(id))
                .map(|item| match &item.while_restricted {
                    Some(instead) => format!("{} (meanwhile: {})", item.id, instead.label),
                    None => format!("{} (starts when it lifts)", item.id),
                })
                .collect();
            if !items.is_empty() {
                let _ = writeln!(text, "  {}: {}", r.id, items.join(", "));
            }
        }
    }
    text.push_str(
        "\nRestriction times are minimums: when one has passed, ask your clinic if unsure.\n",
    );
    text.push_str("\nWhere our defaults come from (numbers the tips do not give):\n");
    let defaults = plan
        .items
        .iter()
        .filter(|i| i.is_our_default())
        .map(|i| (i.id.as_str(), &i.origin))
        .chain(
            plan.restrictions
                .iter()
                .filter(|r| r.is_our_default())
                .map(|r| (r.id.as_str(), &r.origin)),
        )
        .chain([
            ("symptom-window", &plan.symptom_window_origin),
            ("next-session", &plan.next_session_origin),
            ("warning-signs", &plan.warning_signs_origin),
        ]);
    for (id, origin) in defaults {
        if let Origin::Default { tip, why } = origin {
            let why = if why.is_empty() {
                "no source given"
            } else {
                why
            };
            let _ = writeln!(text, "  {id} (tip {tip}): {why}");
        }
    }
    let _ = writeln!(
        text,
        "Redness and swelling: your plan expects them to settle within {} days.",
        plan.symptom_window_days
    );
    text.push_str(&warning_signs(plan));
    text
}

/// "When to call your clinic": the plan's warning signs, one a line.
pub(super) fn warning_signs(plan: &CarePlan) -> String {
    let mut text = String::from(
        "\nCall your clinic or dermatologist today if you notice (log them with s in the app):\n",
    );
    for sign in &plan.warning_signs {
        let _ = writeln!(text, "  - {}", sign.text);
    }
    text
}
