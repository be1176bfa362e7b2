//! The ten tips of the seed text (`/work/shared/seed/microneedling-aftercare.txt`, the
//! source of the built-in plan), by their own titles, so an item can say which tip it
//! comes from in the tip's words rather than by a bare number.

/// The titles of tips 1 to 10, as the seed text words them.
pub const TIP_TITLES: [&str; 10] = [
    "Follow your dermatologist's instructions",
    "Keep your skin hydrated",
    "Avoid the sun",
    "Avoid excessive sweating",
    "Avoid makeup for at least 24 hours",
    "Use a gentle cleanser",
    "Apply ice packs",
    "Avoid touching your skin",
    "Avoid chemical peels and other harsh treatments",
    "Be patient",
];

/// The figures each tip states, in the seed's own words (tips 1–10; most state none): an
/// entry that credits a tip may use these numbers and no others.
pub const TIP_FIGURES: [&[&str]; 10] = [
    &[],
    &[],
    &["an SPF of 30 or higher"],
    &["at least 24 hours"],
    &["at least 24 hours"],
    &[],
    &["10-15 minutes at a time"],
    &[],
    &["at least two weeks"],
    &[],
];

/// The figures tip `number` states (see [`TIP_FIGURES`]); none outside the seed's tips.
pub fn figures(number: u8) -> &'static [&'static str] {
    usize::from(number)
        .checked_sub(1)
        .and_then(|at| TIP_FIGURES.get(at))
        .copied()
        .unwrap_or(&[])
}

/// The title of tip `number` (1–10), or `None` outside the seed's tips.
pub fn title(number: u8) -> Option<&'static str> {
    TIP_TITLES.get(usize::from(number).checked_sub(1)?).copied()
}

#[cfg(test)]
mod tests {
    #[test]
    fn tips_are_numbered_from_one() {
        assert_eq!(
            super::title(1),
            Some("Follow your dermatologist's instructions")
        );
        assert_eq!(super::title(10), Some("Be patient"));
        assert_eq!(super::title(0), None);
        assert_eq!(super::title(11), None);
    }
}
