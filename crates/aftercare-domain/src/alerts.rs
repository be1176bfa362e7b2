//! When to tell the patient to call the clinic: at once and calmly when they log a warning
//! sign or a severe score, gently when healing is slower than the plan expects.
//!
//! Pure: the caller hands in the plan, the days of the journal (their months loaded) and
//! the date. The Today screen, `aftercare status` and the exports all read alerts from
//! here, so what one says the others say. A nudge, never a diagnosis: the wording defers
//! to the clinic.

use std::fmt;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::healing;
use crate::model::{Days, Score, Symptom, Symptoms};
use crate::plan::CarePlan;
use crate::recovery::day_number_between;

/// What the urgent message asks for, first words of its text.
pub const CALL_CLINIC: &str = "Call your clinic or dermatologist today";

/// How many days a log stays current: a sign logged the day before yesterday still
/// speaks; older ones gave way to the patient's later logs or are stale.
const CURRENT_DAYS: u32 = 2;

/// How urgent an alert is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Call the clinic today.
    Urgent,
    /// Healing looks slower than usual: worth a call.
    Watch,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Urgent => "urgent",
            Level::Watch => "watch",
        })
    }
}

/// One thing the patient should hear about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alert {
    pub level: Level,
    /// What was logged that raised it, in a few words: "Pus or yellow crusts (day 1)".
    pub reason: String,
    /// The whole message, as the patient reads it.
    pub text: String,
}

impl Alert {
    fn urgent(reason: String) -> Alert {
        Alert {
            text: format!("{CALL_CLINIC}: {}.", lower_first(&reason)),
            level: Level::Urgent,
            reason,
        }
    }
}

/// What one logged day holds for the alerts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Logged<'a> {
    /// Days after the treatment.
    pub day: u32,
    pub symptoms: Option<Symptoms>,
    /// Ids of the warning signs ticked.
    pub signs: &'a [String],
}

/// The alerts for `today` (days after the treatment), from the days logged since the
/// treatment, oldest first. Only the latest log counts for urgent alerts, and only if it is
/// current (at most two days old): a patient who logged pus yesterday and nothing since is
/// still told to call; one who logged the pus gone today is not.
pub fn alerts(plan: &CarePlan, logged: &[Logged<'_>], today: u32) -> Vec<Alert> {
    let mut found = Vec::new();
    let Some(latest) = logged.last() else {
        return found;
    };
    if today > latest.day + CURRENT_DAYS {
        return found;
    }
    let when = |day: u32| match today - day.min(today) {
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        _ => format!("day {day}"),
    };
    let suffix = |reason: String, noted: bool| {
        let when = when(latest.day);
        if noted {
            format!("{reason} (noted {when})")
        } else if reason.contains(" on day ") {
            reason
        } else {
            format!("{reason} ({when})")
        }
    };
    for (reason, noted) in urgent_reasons(plan, latest) {
        found.push(Alert::urgent(suffix(reason, noted)));
    }
    let scores: Vec<(u32, Symptoms)> = logged
        .iter()
        .filter_map(|l| Some((l.day, l.symptoms?)))
        .collect();
    let scores_current = scores
        .last()
        .is_some_and(|(day, _)| today <= day + CURRENT_DAYS);
    if scores_current && let Some(concern) = healing::concern(plan.symptom_window_days, &scores) {
        found.push(Alert {
            level: Level::Watch,
            reason: concern.reason(),
            text: concern.to_string(),
        });
    }
    found
}

/// Why one day's log calls for the clinic, without saying when: each warning sign ticked
/// (flagged `true`: it was noted), then each severe score. Pain that only lingers is not
/// urgent by itself (no source gives a day); pain that gets worse or is not eased by the
/// usual painkiller is a warning sign the patient ticks.
fn urgent_reasons(plan: &CarePlan, log: &Logged<'_>) -> Vec<(String, bool)> {
    let mut reasons = Vec::new();
    for id in log.signs {
        let text = plan
            .warning_sign(id)
            .map_or_else(|| id.clone(), |sign| sign.text.clone());
        reasons.push((text, true));
    }
    if let Some(symptoms) = log.symptoms {
        for symptom in Symptom::ALL {
            let score = symptoms.get(symptom);
            if score >= Score(Score::MAX) {
                reasons.push((format!("{} is severe", symptom.name()), false));
            }
        }
    }
    reasons
}

/// The urgent reasons a day's own log gives (`day`: days after the treatment), for a
/// report: "Fever", "Redness is severe". Empty on a calm day.
pub fn urgent_on_day(
    plan: &CarePlan,
    day: u32,
    symptoms: Option<Symptoms>,
    signs: &[String],
) -> Vec<String> {
    urgent_reasons(
        plan,
        &Logged {
            day,
            symptoms,
            signs,
        },
    )
    .into_iter()
    .map(|(reason, _)| reason)
    .collect()
}

/// The alerts for `date`, from what the journal holds between the treatment in force that
/// day and `date` (two weeks back at most). The months of those days must be loaded.
pub fn for_date(plan: &CarePlan, journal: &impl Days, date: Date) -> Vec<Alert> {
    let Some(treated) = journal.treatment_for(date).map(|t| t.at.date()) else {
        return Vec::new();
    };
    let Some(today) = day_number_between(treated, date) else {
        return Vec::new();
    };
    let start = treated.max(date.saturating_sub(14.days()));
    let logged: Vec<Logged<'_>> = start
        .series(1.day())
        .take_while(|day| *day <= date)
        .filter_map(|day| {
            let entry = journal.day(day)?;
            if entry.symptoms.is_none() && entry.signs.is_empty() {
                return None;
            }
            Some(Logged {
                day: day_number_between(treated, day)?,
                symptoms: entry.symptoms,
                signs: &entry.signs,
            })
        })
        .collect();
    alerts(plan, &logged, today)
}

/// The first month whose days [`for_date`] reads.
pub fn first_date_read(journal: &impl Days, date: Date) -> Date {
    journal
        .treatment_for(date)
        .map_or(date, |t| t.at.date().max(date.saturating_sub(14.days())))
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(redness: u8, swelling: u8, pain: u8) -> Option<Symptoms> {
        Some(Symptoms {
            redness: Score(redness),
            swelling: Score(swelling),
            pain: Score(pain),
            dryness: Score(0),
        })
    }

    fn day(day: u32, symptoms: Option<Symptoms>) -> Logged<'static> {
        Logged {
            day,
            symptoms,
            signs: &[],
        }
    }

    #[test]
    fn expected_early_symptoms_raise_nothing() {
        let plan = CarePlan::builtin();
        for today in 0..=3 {
            for r in 0..=2 {
                for s in 0..=2 {
                    let logged: Vec<Logged> =
                        (0..=today).map(|d| day(d, scores(r, s, 1))).collect();
                    assert_eq!(alerts(&plan, &logged, today), [], "day {today} r{r} s{s}");
                }
            }
        }
        let marked_pain_early = [day(1, scores(3, 3, 3))];
        assert_eq!(alerts(&plan, &marked_pain_early, 1), []);
    }

    #[test]
    fn a_sign_is_urgent_with_its_words() {
        let plan = CarePlan::builtin();
        let signs = ["pus".to_string()];
        let logged = [Logged {
            day: 1,
            symptoms: None,
            signs: &signs,
        }];
        let found = alerts(&plan, &logged, 1);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].level, Level::Urgent);
        assert_eq!(
            found[0].reason,
            "Pus or yellow crusts, or oozing that grows or comes with fever (noted today)"
        );
        assert_eq!(
            found[0].text,
            "Call your clinic or dermatologist today: pus or yellow crusts, or oozing that grows or comes with fever (noted today)."
        );
        assert_eq!(
            alerts(&plan, &logged, 2)[0].reason,
            "Pus or yellow crusts, or oozing that grows or comes with fever (noted yesterday)"
        );
        assert_eq!(alerts(&plan, &logged, 4), [], "stale after two days");
    }

    #[test]
    fn a_severe_score_is_urgent_on_any_day() {
        let plan = CarePlan::builtin();
        let found = alerts(&plan, &[day(0, scores(4, 1, 1))], 0);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].reason, "Redness is severe (today)");
    }

    /// Finding 5: "pain should ease after two days" was in no source; lingering pain is
    /// not urgent by itself, the worse-pain sign and a severe score are.
    #[test]
    fn marked_pain_alone_is_not_urgent_on_an_unsourced_day() {
        let plan = CarePlan::builtin();
        for today in 0..=6 {
            assert_eq!(alerts(&plan, &[day(today, scores(1, 1, 3))], today), []);
        }
        assert_eq!(alerts(&plan, &[day(3, scores(1, 1, 4))], 3).len(), 1);
    }

    #[test]
    fn the_healing_concern_is_a_watch_alert() {
        let plan = CarePlan::builtin();
        let logged = [day(0, scores(3, 1, 1)), day(8, scores(2, 0, 0))];
        let found = alerts(&plan, &logged, 8);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].level, Level::Watch);
        assert!(found[0].text.contains("Redness is still moderate on day 8"));
    }
}
