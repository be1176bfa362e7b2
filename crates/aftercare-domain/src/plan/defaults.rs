//! What a plan file may leave out. The built-in plan leaves these out too, so an old full
//! copy of the plan and the built-in one get the same values from one place: safety advice
//! never disappears with a file.

use super::{Origin, WarningSign};

pub(super) fn next_session_origin() -> Origin {
    Origin::Default {
        tip: 10,
        why: "a common spacing between sessions is 4 to 6 weeks".into(),
    }
}

pub(super) fn symptom_window_origin() -> Origin {
    Origin::Default {
        tip: 10,
        why: "published reviews of microneedling: redness and swelling mostly gone in 1-3 days, up to about a week after deeper treatments".into(),
    }
}

/// When to call the clinic: the skin form asks about each; any one raises an urgent "call
/// your clinic" on Today and in `aftercare status`.
pub(super) fn warning_signs() -> Vec<WarningSign> {
    [
        ("fever", "Fever"),
        ("pus", "Pus, yellow crusts or oozing"),
        (
            "spreading",
            "Redness, warmth or swelling that spreads or grows after day 2",
        ),
        ("worse-pain", "Pain that gets worse instead of better"),
        ("blisters", "Blisters or a cold-sore outbreak"),
        (
            "allergy",
            "Hives, itching or swelling beyond the treated area",
        ),
        ("lumps", "Lumps or bumps weeks later"),
    ]
    .into_iter()
    .map(|(id, text)| WarningSign {
        id: id.into(),
        text: text.into(),
    })
    .collect()
}

pub(super) fn warning_signs_origin() -> Origin {
    Origin::Default {
        tip: 8,
        why: "tips 5 and 8 name the risk of infection but no signs; these are the signs of infection, allergy, a cold-sore outbreak and granulomas that clinics' aftercare sheets list".into(),
    }
}
