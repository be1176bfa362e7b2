//! What to tell the clinic before the next session: the conditions that change whether
//! and how they treat (the label's contraindications, a cold-sore history), listed from a
//! week before the next-session window opens until it closes. The dermatologist decides.

use jiff::Span;
use jiff::civil::Date;

use crate::model::Treatment;
use crate::plan::CarePlan;
use crate::recovery;

/// One thing to tell the clinic, and the ids of the plan's sources that state it (none:
/// our default, said so on screen).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ToTell {
    pub text: &'static str,
    pub sources: &'static [&'static str],
}

/// How many days before the window opens the list appears: time to call before booking.
pub const DAYS_BEFORE_WINDOW: i64 = 7;

/// Everything to tell the clinic before a session.
pub fn to_tell() -> Vec<ToTell> {
    vec![
        ToTell {
            text: "Cold sores (herpes) ever: ask about an antiviral before the session",
            sources: &["vaghela-2021"],
        },
        ToTell {
            text: "Isotretinoin (Roaccutane) now or recently",
            sources: &["skinpen-label"],
        },
        ToTell {
            text: "Pregnant, trying or nursing",
            sources: &["skinpen-label"],
        },
        ToTell {
            text: "Any new medicine, blood thinners above all (our default: the label lists bleeding disorders)",
            sources: &["skinpen-label"],
        },
        ToTell {
            text: "Any reaction after the last session (our default: they adjust the treatment)",
            sources: &[],
        },
    ]
}

/// Whether `date` is in the stretch when the list is shown: from a week before the next
/// session's window after `latest` opens until the window closes.
pub fn is_time(plan: &CarePlan, latest: &Treatment, date: Date) -> bool {
    let Some((from, to)) = recovery::next_session_window(plan, latest) else {
        return false;
    };
    let start = from
        .checked_sub(Span::new().days(DAYS_BEFORE_WINDOW))
        .unwrap_or(from);
    (start..=to).contains(&date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Stamp;

    #[test]
    fn the_list_shows_the_week_before_the_window_and_through_it() {
        let plan = CarePlan::builtin();
        let treated = Treatment::new(
            "2027-03-01T10:00:00+01:00".parse::<Stamp>().unwrap(),
            "",
            "",
        );
        let day = |d: i64| treated.at.date().checked_add(Span::new().days(d)).unwrap();
        assert!(!is_time(&plan, &treated, day(20)));
        assert!(is_time(&plan, &treated, day(21)), "a week before day 28");
        assert!(is_time(&plan, &treated, day(42)));
        assert!(!is_time(&plan, &treated, day(43)));
    }

    #[test]
    fn every_source_named_is_in_the_plan() {
        let plan = CarePlan::builtin();
        for item in to_tell() {
            for id in item.sources {
                assert!(plan.source(id).is_some(), "{id}");
            }
        }
    }
}
