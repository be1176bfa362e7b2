//! Whether healing looks as expected: redness and swelling usually settle within the plan's
//! window (our default, 7 days: published reviews describe them mostly gone in 1-3 days, up
//! to about a week after deeper treatments). When a score stays high past that
//! window, or rises again after going down, the patient is gently pointed to their
//! dermatologist. This is a nudge, never a diagnosis.

use std::fmt;

use crate::model::{Score, Symptom, Symptoms};

/// From this score up ("moderate") a lasting or returning symptom is worth a call.
const NOTABLE: Score = Score(2);

/// The advice a watch note ends with: a nudge, never a diagnosis.
pub const WORTH_CALLING: &str = "It may be worth calling your dermatologist.";

/// Why the Today screen suggests calling the dermatologist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Concern {
    pub symptom: &'static str,
    pub score: Score,
    pub day: u32,
    pub kind: ConcernKind,
    pub window_days: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConcernKind {
    /// Still notable after the usual window.
    Lasting,
    /// Went down, then up again.
    RisingAgain,
}

impl fmt::Display for Concern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Concern {
            symptom,
            score,
            day,
            window_days,
            ..
        } = *self;
        match self.kind {
            ConcernKind::Lasting => write!(
                f,
                "{symptom} is still {} on day {day}, past the {window_days} days your plan \
                 expects it to settle in. {WORTH_CALLING}",
                score.word()
            ),
            ConcernKind::RisingAgain => write!(
                f,
                "{symptom} is rising again ({} on day {day}). {WORTH_CALLING}",
                score.word()
            ),
        }
    }
}

impl Concern {
    /// What was logged, in a few words: "Redness still moderate on day 8".
    pub fn reason(&self) -> String {
        match self.kind {
            ConcernKind::Lasting => format!(
                "{} still {} on day {}",
                self.symptom,
                self.score.word(),
                self.day
            ),
            ConcernKind::RisingAgain => format!(
                "{} rising again ({} on day {})",
                self.symptom,
                self.score.word(),
                self.day
            ),
        }
    }
}

/// Looks at the scores logged since a treatment, as `(day after treatment, symptoms)` in
/// day order, the last one being the most recent. Only redness and swelling are judged:
/// those are the ones with a known usual course.
pub fn concern(window_days: u16, logged: &[(u32, Symptoms)]) -> Option<Concern> {
    let &(day, latest) = logged.last()?;
    let series =
        |pick: fn(&Symptoms) -> Score| logged.iter().map(|(_, s)| pick(s)).collect::<Vec<_>>();
    let judged: [(&'static str, Vec<Score>, Score); 2] = [
        (
            Symptom::Redness.name(),
            series(|s| s.redness),
            latest.redness,
        ),
        (
            Symptom::Swelling.name(),
            series(|s| s.swelling),
            latest.swelling,
        ),
    ];
    judged.into_iter().find_map(|(symptom, scores, score)| {
        let kind = if score >= NOTABLE && day > u32::from(window_days) {
            ConcernKind::Lasting
        } else if score >= NOTABLE && rose_again(&scores) {
            ConcernKind::RisingAgain
        } else {
            return None;
        };
        Some(Concern {
            symptom,
            score,
            day,
            kind,
            window_days,
        })
    })
}

/// True when the last score is above a low point reached after the series had already gone
/// down: the early rise of the first day or two is expected, a second rise is not.
fn rose_again(scores: &[Score]) -> bool {
    let Some((&last, earlier)) = scores.split_last() else {
        return false;
    };
    let mut peak = Score(0);
    let mut low_after_fall: Option<Score> = None;
    for &score in earlier {
        if score < peak {
            low_after_fall = Some(low_after_fall.map_or(score, |low| low.min(score)));
        }
        peak = peak.max(score);
    }
    low_after_fall.is_some_and(|low| last > low)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redness(days_scores: &[(u32, u8)]) -> Vec<(u32, Symptoms)> {
        days_scores
            .iter()
            .map(|&(day, r)| {
                (
                    day,
                    Symptoms {
                        redness: Score(r),
                        ..Symptoms::default()
                    },
                )
            })
            .collect()
    }

    #[test]
    fn usual_healing_raises_nothing() {
        assert_eq!(
            concern(
                7,
                &redness(&[(0, 3), (1, 4), (2, 3), (4, 2), (6, 1), (8, 0)])
            ),
            None
        );
        assert_eq!(concern(7, &[]), None);
    }

    #[test]
    fn redness_lasting_past_the_window_is_noted() {
        let found = concern(7, &redness(&[(0, 3), (3, 2), (8, 2)])).unwrap();
        assert_eq!(found.kind, ConcernKind::Lasting);
        assert_eq!(found.day, 8);
        assert!(
            found
                .to_string()
                .starts_with("Redness is still moderate on day 8")
        );
    }

    #[test]
    fn mild_redness_past_the_window_is_fine() {
        assert_eq!(concern(7, &redness(&[(0, 3), (9, 1)])), None);
    }

    #[test]
    fn a_second_rise_is_noted_but_the_first_day_rise_is_not() {
        assert_eq!(concern(7, &redness(&[(0, 2), (1, 3)])), None);
        let found = concern(7, &redness(&[(0, 3), (2, 1), (4, 2)])).unwrap();
        assert_eq!(found.kind, ConcernKind::RisingAgain);
    }
}
