//! What a plan file may leave out. The built-in plan leaves these out too, so an old full
//! copy of the plan and the built-in one get the same values from one place: safety advice
//! and citations never disappear with a file.

use super::{Origin, Source, WarningSign};

/// The publications the built-in plan cites. Each claim is what the source states, no
/// more (see ENGINEERING.md, "Care sources"): a number we chose is marked our default.
pub(super) fn sources() -> Vec<Source> {
    [
        (
            "soltani-2014",
            "Soltani-Arabshahi R et al., JAMA Dermatol 2014;150(1):68–72",
            "doi:10.1001/jamadermatol.2013.6955",
            "Granulomas followed a topical product (a vitamin C serum) applied during or just after microneedling: nothing on the open skin but what the clinic applied; it gives no waiting period.",
        ),
        (
            "chu-2021",
            "Chu S, Foulad DP, Mesinkovska NA, Dermatol Surg 2021;47:1249–54",
            "https://pubmed.ncbi.nlm.nih.gov/?term=Chu+Foulad+Mesinkovska+microneedling",
            "Expected side effects of microneedling (redness, swelling) last up to 7 days.",
        ),
        (
            "harris-2015",
            "Harris AG, Naidoo C, Murrell DF, Int J Womens Dermatol 2015;1:77–81",
            "https://pubmed.ncbi.nlm.nih.gov/?term=Harris+Naidoo+Murrell+microneedling",
            "Across microneedling studies: a median of 3 sessions, a median 4 weeks apart.",
        ),
        (
            "alam-2014",
            "Alam M et al., JAMA Dermatol 2014;150:844–9",
            "https://pubmed.ncbi.nlm.nih.gov/?term=Alam+2014+microneedling+acne+scars+JAMA+Dermatol",
            "3 microneedling sessions, 2 weeks apart.",
        ),
        (
            "fabbrocini-2014",
            "Fabbrocini G et al., J Dermatolog Treat 2014;25:147–52",
            "https://pubmed.ncbi.nlm.nih.gov/?term=Fabbrocini+2014+microneedling+J+Dermatolog+Treat",
            "Microneedling sessions given monthly.",
        ),
        (
            "morpheus8-manual",
            "InMode, Morpheus8 operator manual, §6.9",
            "",
            "After RF microneedling: makeup and moisturiser only after 24–72 h; keep the skin clean and avoid heat for 2 days; grid-mark scabs are expected on days 1–3.",
        ),
        (
            "proffer-2024",
            "Proffer SL, Wyles SP, Hausauer AK, Dermatol Surg 2024;50(11S):S149–59",
            "https://pubmed.ncbi.nlm.nih.gov/?term=Proffer+Wyles+Hausauer+2024+platelet-rich+plasma",
            "There is no consensus on aftercare after platelet-rich plasma (PRP) treatments; clinic protocols differ.",
        ),
        (
            "aad-2018",
            "American Academy of Dermatology, news release, 16 February 2018",
            "https://www.aad.org/news/microneedling-at-home",
            "At-home rollers have shorter, duller needles and are hard to clean; pen cartridges are single-use.",
        ),
        (
            "alster-2020",
            "Alster TS, Li MK, Plast Reconstr Surg 2020;145:358–64",
            "https://pubmed.ncbi.nlm.nih.gov/?term=Alster+Li+2020+microneedling+scars",
            "Microneedling for scars: 1 to 6 sessions, given monthly.",
        ),
        (
            "juhasz-2020",
            "Juhasz MLW, Cohen JL, Clin Cosmet Investig Dermatol 2020;13:997–1003",
            "https://pubmed.ncbi.nlm.nih.gov/?term=Juhasz+Cohen+2020+microneedling",
            "Microneedling protocols for scars and stretch marks are not standardised.",
        ),
        (
            "skinpen-label",
            "SkinPen Precision, FDA De Novo DEN160029 (21 CFR 878.4430)",
            "https://www.accessdata.fda.gov/cdrh_docs/reviews/DEN160029.pdf",
            "Not for use with active skin cancer, open wounds, a bleeding disorder, a steel allergy, pregnancy or nursing, or current isotretinoin.",
        ),
        (
            "vaghela-2021",
            "Vaghela D et al. 2021 (microneedling and herpes reactivation)",
            "",
            "A history of cold sores (herpes simplex): ask the clinic about antivirals before microneedling.",
        ),
    ]
    .into_iter()
    .map(|(id, citation, link, claim)| Source {
        id: id.into(),
        citation: citation.into(),
        link: link.into(),
        claim: claim.into(),
    })
    .collect()
}

/// The next session is the dermatologist's call: the window only shows what studies used.
pub(super) fn next_session_origin() -> Origin {
    Origin::Default {
        tip: 10,
        why: "your dermatologist decides whether and when; the window opens at 4 weeks (28 days, the median spacing) and stays open to 6 weeks (42 days), which is ours".into(),
        range: "2 weeks (Alam 2014) to monthly (Fabbrocini 2014); median 4 weeks (Harris 2015)".into(),
        sources: vec!["harris-2015".into(), "alam-2014".into(), "fabbrocini-2014".into()],
    }
}

pub(super) fn symptom_window_origin() -> Origin {
    Origin::Source {
        tip: 10,
        source: "chu-2021".into(),
    }
}

/// When to call the clinic: the skin form asks about each; any one raises an urgent "call
/// your clinic" (and `breathing`, an emergency) on Today and in `aftercare status`.
pub(super) fn warning_signs() -> Vec<WarningSign> {
    [
        (
            "breathing",
            "Swelling of lips, eyes, tongue or throat, or trouble breathing",
        ),
        ("fever", "Fever"),
        (
            "pus",
            "Pus or yellow crusts, or oozing that grows or comes with fever",
        ),
        (
            "spreading",
            "Redness or warmth that spreads, or swelling that keeps growing after day 2-3",
        ),
        (
            "worse-pain",
            "Pain that gets worse, or is not eased by your usual painkiller",
        ),
        ("blisters", "Blisters or a cold-sore outbreak"),
        ("allergy", "Itching or hives, anywhere"),
        (
            "lumps",
            "Lumps or bumps under the skin, from a few days after",
        ),
    ]
    .into_iter()
    .map(|(id, text)| WarningSign {
        id: id.into(),
        text: text.into(),
        // Swelling of the airway or trouble breathing cannot wait for the clinic.
        emergency: id == "breathing",
    })
    .collect()
}

pub(super) fn warning_signs_origin() -> Origin {
    Origin::Default {
        tip: 8,
        why: "tips 5 and 8 name the risk of infection but no signs; these are the signs of infection, allergy, a cold-sore outbreak and granulomas that clinics' sheets list. Swelling still growing after day 2-3 is ours: expected swelling settles within the days it lasts".into(),
        range: "expected redness and swelling last up to 7 days (Chu 2021); granulomas can appear 3-7 days after and persist (clinic reports; Soltani 2014)".into(),
        sources: vec!["chu-2021".into(), "soltani-2014".into()],
    }
}
