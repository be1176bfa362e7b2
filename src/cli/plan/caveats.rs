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
    text.push_str(&origins(plan));
    text.push_str(&sources(plan));
    let _ = writeln!(
        text,
        "Redness and swelling: your plan expects them to settle within {} days.",
        plan.symptom_window_days
    );
    text.push_str(&warning_signs(plan));
    text
}

/// "Where the numbers come from": every entry (as built in) whose numbers are not all the tip's,
/// with the source that states them or, for our defaults, why we chose them and the range
/// sources and clinics give.
fn origins(plan: &CarePlan) -> String {
    let mut text = String::from(
        "\nWhere the numbers the tips do not give come from (our defaults, sources):\n",
    );
    for (id, origin) in plan.origins() {
        match origin {
            Origin::Source { tip, source } => {
                let _ = writeln!(text, "  {id} (tip {tip}): source {source}");
            }
            Origin::Default {
                tip,
                why,
                range,
                sources,
            } => {
                let why = if why.is_empty() {
                    "no reason given"
                } else {
                    why
                };
                let _ = writeln!(text, "  {id} (tip {tip}): our default: {why}");
                if !range.is_empty() {
                    let _ = writeln!(text, "      range: {range}");
                }
                if !sources.is_empty() {
                    let _ = writeln!(text, "      sources: {}", sources.join(", "));
                }
            }
            Origin::Tip(_) | Origin::Dermatologist => {}
        }
    }
    text
}

/// "Sources": each publication the plan cites, with where to read it and the one claim we
/// credit it for.
fn sources(plan: &CarePlan) -> String {
    let mut text = String::from("\nSources (what each states):\n");
    for source in &plan.sources {
        let link = if source.link.is_empty() {
            String::new()
        } else {
            format!(" {}", source.link)
        };
        let _ = writeln!(text, "  {}: {}{link}", source.id, source.citation);
        let _ = writeln!(text, "      {}", source.claim);
    }
    text
}

/// "When to call your clinic": the plan's warning signs, one a line, grouped by the call
/// they ask for (the emergency ones first).
pub(super) fn warning_signs(plan: &CarePlan) -> String {
    let mut text = String::new();
    for group in plan.warning_signs_by_call() {
        let _ = writeln!(
            text,
            "\n{} if you notice (log them with s in the app):",
            group.call
        );
        for sign in group.signs {
            let _ = writeln!(text, "  - {}", sign.text);
        }
    }
    text
}
