//! When to tell the patient to call the clinic: at once and calmly when they log a warning
//! sign or a severe score, gently when healing is slower than the plan expects.
//!
//! Pure: the caller hands in the plan, the days of the journal (their months loaded) and
//! the date. The Today screen, `aftercare status` and the exports all read alerts from
//! here, so what one says the others say. A nudge, never a diagnosis: the wording defers
//! to the clinic.

use std::fmt;

use jiff::civil::Date;
use serde::Serialize;

use crate::healing;
use crate::model::{Days, Edit, Score, Symptom, Symptoms};
use crate::plan::CarePlan;
use crate::recovery::day_number_between;

/// What the urgent message asks for, first words of its text.
pub const CALL_CLINIC: &str = "Call your clinic or dermatologist today";

/// What the emergency message asks for: above everything, in every output.
pub const CALL_EMERGENCY: &str = "Call your local emergency number now";

/// How many days a log of scores stays current for the watch note: older ones gave way
/// to the patient's later logs or are stale. Urgent alerts never fade: they stand until
/// the patient resolves them.
const CURRENT_DAYS: u32 = 2;

/// How urgent an alert is, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Call the local emergency number now (swelling of the airway, trouble breathing).
    Emergency,
    /// Call the clinic today.
    Urgent,
    /// Healing looks slower than usual: worth a call.
    Watch,
}

impl Level {
    /// True for the levels that stand until the patient resolves them.
    pub fn stands(self) -> bool {
        matches!(self, Level::Emergency | Level::Urgent)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Emergency => "emergency",
            Level::Urgent => "urgent",
            Level::Watch => "watch",
        })
    }
}

/// One thing the patient should hear about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alert {
    pub level: Level,
    /// What was logged that raised it, in a few words: "Fever (noted day 1)".
    pub reason: String,
    /// The whole message, as the patient reads it.
    pub text: String,
    /// The day it was first logged since the patient last resolved the alerts (`None` for
    /// a watch note, which fades with its window).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
}

/// What one logged day holds for the alerts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Logged<'a> {
    pub date: Date,
    /// Days after the treatment.
    pub day: u32,
    pub symptoms: Option<Symptoms>,
    /// When the scores were set (`None` in an old file).
    pub symptoms_edit: Option<Edit>,
    /// Ids of the warning signs ticked.
    pub signs: &'a [String],
    /// When the signs were set (`None` in an old file).
    pub signs_edit: Option<Edit>,
}

/// The alerts for `today` (days after the treatment), from the days logged since the
/// treatment, oldest first, and the latest resolution the patient made (`resolved`: its
/// edit). An emergency or urgent alert stands from the day its sign or score was logged
/// until a resolution made after that log; logging it again raises it again. The watch
/// note speaks only while the latest scores are current.
pub fn alerts(
    plan: &CarePlan,
    logged: &[Logged<'_>],
    today: u32,
    resolved: Option<Edit>,
) -> Vec<Alert> {
    // A log in the same second as the resolution stands: a resolution is saved a second
    // after every log it covers (see `care::resolve_alerts`), so a tie is a new log.
    let stands = |edit: Option<Edit>| match resolved {
        None => true,
        Some(at) => edit.is_some_and(|edit| edit.at.instant >= at.at.instant),
    };
    // Each reason once: the first day it stands (since) and the latest day it was logged.
    let mut standing: Vec<(Reason, Date, u32)> = Vec::new();
    for log in logged {
        for reason in urgent_reasons(plan, log) {
            let edit = if reason.noted {
                log.signs_edit
            } else {
                log.symptoms_edit
            };
            if !stands(edit) {
                continue;
            }
            match standing.iter_mut().find(|(r, ..)| r.key == reason.key) {
                Some((kept, _, latest)) => {
                    *latest = log.day;
                    *kept = reason;
                }
                None => standing.push((reason, log.date, log.day)),
            }
        }
    }
    let when = |day: u32| match today - day.min(today) {
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        _ => format!("day {day}"),
    };
    let mut found: Vec<Alert> = standing
        .into_iter()
        .map(|(reason, since, latest)| {
            let noted = if reason.noted { "noted " } else { "" };
            let reason_text = format!("{} ({noted}{})", reason.text, when(latest));
            let call = if reason.emergency {
                CALL_EMERGENCY
            } else {
                CALL_CLINIC
            };
            Alert {
                text: format!("{call}: {}.", lower_first(&reason_text)),
                level: if reason.emergency {
                    Level::Emergency
                } else {
                    Level::Urgent
                },
                reason: reason_text,
                since: Some(since),
            }
        })
        .collect();
    found.sort_by_key(|alert| alert.level);
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
            since: None,
        });
    }
    found
}

/// One reason a day's log calls for help: a warning sign (noted by the patient) or a
/// severe score.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Reason {
    /// The same for the same sign or score on any day: "sign:pus", "severe:redness".
    key: String,
    text: String,
    /// Ticked as a warning sign (rather than read from a score).
    noted: bool,
    emergency: bool,
}

/// Why one day's log calls for help: each warning sign ticked, then each severe score.
/// Pain that only lingers is not urgent by itself (no source gives a day); pain that gets
/// worse or is not eased by the usual painkiller is a warning sign the patient ticks.
fn urgent_reasons(plan: &CarePlan, log: &Logged<'_>) -> Vec<Reason> {
    let mut reasons = Vec::new();
    for id in log.signs {
        let sign = plan.warning_sign(id);
        reasons.push(Reason {
            key: format!("sign:{}", id.to_ascii_lowercase()),
            text: sign.map_or_else(|| id.clone(), |sign| sign.text.clone()),
            noted: true,
            emergency: sign.is_some_and(|sign| sign.emergency),
        });
    }
    if let Some(symptoms) = log.symptoms {
        for symptom in Symptom::ALL {
            if symptoms.get(symptom) >= Score(Score::MAX) {
                reasons.push(Reason {
                    key: format!("severe:{}", symptom.name()),
                    text: format!("{} is severe", symptom.name()),
                    noted: false,
                    emergency: false,
                });
            }
        }
    }
    reasons
}

/// The urgent reasons a day's own log gives (`day`: days after the treatment), for a
/// report: "Fever", "Redness is severe". Empty on a calm day.
pub fn urgent_on_day(plan: &CarePlan, symptoms: Option<Symptoms>, signs: &[String]) -> Vec<String> {
    let log = Logged {
        date: Date::default(),
        day: 0,
        symptoms,
        symptoms_edit: None,
        signs,
        signs_edit: None,
    };
    urgent_reasons(plan, &log)
        .into_iter()
        .map(|reason| reason.text)
        .collect()
}

/// The alerts for `date`, from what the journal holds between the treatment in force that
/// day and `date`. The months of those days must be loaded (see [`first_date_read`]).
pub fn for_date(plan: &CarePlan, journal: &impl Days, date: Date) -> Vec<Alert> {
    let Some(treated) = journal.treatment_for(date).map(|t| t.at.date()) else {
        return Vec::new();
    };
    let Some(today) = day_number_between(treated, date) else {
        return Vec::new();
    };
    let mut resolved: Option<Edit> = None;
    let logged: Vec<Logged<'_>> = treated
        .series(jiff::ToSpan::day(1))
        .take_while(|day| *day <= date)
        .filter_map(|day| {
            let entry = journal.day(day)?;
            if let Some((_, edit)) = entry.resolution() {
                resolved = resolved.max(edit);
            }
            if entry.symptoms.is_none() && entry.signs.is_empty() {
                return None;
            }
            Some(Logged {
                date: day,
                day: day_number_between(treated, day)?,
                symptoms: entry.symptoms,
                symptoms_edit: entry.symptoms_edit,
                signs: &entry.signs,
                signs_edit: entry.signs_edit,
            })
        })
        .collect();
    alerts(plan, &logged, today, resolved)
}

/// The first day [`for_date`] reads: the treatment's (alerts stand until resolved).
pub fn first_date_read(journal: &impl Days, date: Date) -> Date {
    journal
        .treatment_for(date)
        .map_or(date, |t| t.at.date().min(date))
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
    use crate::event::EventId;
    use crate::time::Stamp;

    fn scores(redness: u8, swelling: u8, pain: u8) -> Option<Symptoms> {
        Some(Symptoms {
            redness: Score(redness),
            swelling: Score(swelling),
            pain: Score(pain),
            dryness: Score(0),
        })
    }

    /// An edit at noon of `day` (days after 2027-03-14).
    fn edit_on(day: u32) -> Edit {
        let at: jiff::Timestamp = "2027-03-14T12:00:00Z".parse().unwrap();
        Edit {
            at: Stamp {
                instant: at + jiff::SignedDuration::from_hours(24 * i64::from(day)),
                offset: jiff::tz::Offset::UTC,
            },
            id: EventId::random(),
        }
    }

    fn date_of(day: u32) -> Date {
        jiff::civil::date(2027, 3, 14)
            .checked_add(jiff::Span::new().days(i64::from(day)))
            .unwrap()
    }

    fn day(day: u32, symptoms: Option<Symptoms>) -> Logged<'static> {
        Logged {
            date: date_of(day),
            day,
            symptoms,
            symptoms_edit: Some(edit_on(day)),
            signs: &[],
            signs_edit: None,
        }
    }

    fn signs(day: u32, signs: &[String]) -> Logged<'_> {
        Logged {
            date: date_of(day),
            day,
            symptoms: None,
            symptoms_edit: None,
            signs,
            signs_edit: Some(edit_on(day)),
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
                    assert_eq!(
                        alerts(&plan, &logged, today, None),
                        [],
                        "day {today} r{r} s{s}"
                    );
                }
            }
        }
        let marked_pain_early = [day(1, scores(3, 3, 3))];
        assert_eq!(alerts(&plan, &marked_pain_early, 1, None), []);
    }

    #[test]
    fn a_sign_is_urgent_with_its_words_since_the_day_it_was_logged() {
        let plan = CarePlan::builtin();
        let fever = ["fever".to_string()];
        let logged = [signs(1, &fever)];
        let found = alerts(&plan, &logged, 1, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].level, Level::Urgent);
        assert_eq!(found[0].reason, "Fever (noted today)");
        assert_eq!(
            found[0].text,
            "Call your clinic or dermatologist today: fever (noted today)."
        );
        assert_eq!(found[0].since, Some(date_of(1)));
        assert_eq!(
            alerts(&plan, &logged, 2, None)[0].reason,
            "Fever (noted yesterday)"
        );
    }

    /// Finding 2: an urgent alert never expires in silence; it stands until resolved,
    /// and logging the sign again after the resolution raises it again.
    #[test]
    fn an_urgent_alert_stands_until_resolved_and_comes_back_when_logged_again() {
        let plan = CarePlan::builtin();
        let pus = ["pus".to_string()];
        let logged = [signs(1, &pus)];
        for today in 1..=30 {
            let found = alerts(&plan, &logged, today, None);
            assert_eq!(found.len(), 1, "day {today}");
            assert_eq!(found[0].since, Some(date_of(1)));
        }
        assert_eq!(alerts(&plan, &logged, 4, Some(edit_on(3))), []);
        let again = [signs(1, &pus), signs(5, &pus)];
        let found = alerts(&plan, &again, 6, Some(edit_on(3)));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].since, Some(date_of(5)), "since the new log");
        // A log in the very second of the resolution is a new one: it stands (a
        // resolution is saved a second after the logs it covers).
        let same_second = Edit {
            at: edit_on(5).at,
            id: EventId::random(),
        };
        assert_eq!(alerts(&plan, &again, 6, Some(same_second)).len(), 1);
    }

    #[test]
    fn a_severe_score_is_urgent_on_any_day_and_lingering_pain_is_not() {
        let plan = CarePlan::builtin();
        let found = alerts(&plan, &[day(0, scores(4, 1, 1))], 0, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].reason, "Redness is severe (today)");
        for today in 0..=6 {
            assert_eq!(
                alerts(&plan, &[day(today, scores(1, 1, 3))], today, None),
                []
            );
        }
    }

    /// Finding 3: trouble breathing is an emergency, first, with its own words.
    #[test]
    fn breathing_is_an_emergency_above_the_urgent_alerts() {
        let plan = CarePlan::builtin();
        let both = ["fever".to_string(), "breathing".to_string()];
        let found = alerts(&plan, &[signs(0, &both)], 0, None);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].level, Level::Emergency);
        assert!(
            found[0]
                .text
                .starts_with("Call your local emergency number now: swelling of lips"),
            "{}",
            found[0].text
        );
        assert_eq!(found[1].level, Level::Urgent);
    }

    #[test]
    fn the_healing_concern_is_a_watch_alert_that_fades() {
        let plan = CarePlan::builtin();
        let logged = [day(0, scores(3, 1, 1)), day(8, scores(2, 0, 0))];
        let found = alerts(&plan, &logged, 8, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].level, Level::Watch);
        assert!(found[0].text.contains("Redness is still moderate on day 8"));
        assert_eq!(alerts(&plan, &logged, 11, None), []);
    }
}
