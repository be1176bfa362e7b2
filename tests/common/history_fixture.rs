//! A journal of two treatments five weeks apart, with days of every level of care and a
//! few symptom scores and notes: the History screen's test bed.

use aftercare::domain::plan::CarePlan;
use aftercare::domain::time::Stamp;
use aftercare::journal::{Journal, Score, Symptoms, Treatment};
use jiff::ToSpan;
use jiff::civil::{Date, date};
use std::path::Path;

pub const FIRST: &str = "2027-03-14T09:00:00+01:00";
pub const SECOND: &str = "2027-04-18T10:30:00+02:00";
/// "Now" for the fixture: the evening of day 6 after the second treatment.
pub const NOW: &str = "2027-04-24T20:00:00+02:00[Europe/Paris]";

fn treatment(at: &str, area: &str, note: &str) -> Treatment {
    Treatment::new(at.parse::<Stamp>().unwrap(), area, note)
}

fn symptoms(scores: [u8; 4]) -> Symptoms {
    let [redness, swelling, pain, dryness] = scores.map(Score);
    Symptoms {
        redness,
        swelling,
        pain,
        dryness,
    }
}

/// Ticks every item of `date`'s plan to its target; with `half`, only the first half.
pub fn log_care(journal: &mut Journal, plan: &CarePlan, treated: Date, date: Date, half: bool) {
    let day = u32::try_from(treated.until(date).unwrap().get_days()).unwrap();
    let items: Vec<_> = plan.items_on(day).collect();
    let take = if half { items.len() / 2 } else { items.len() };
    let stamp: Stamp = format!("{date}T21:00:00+01:00").parse().unwrap();
    journal
        .edit_day(date, |entry| {
            for item in &items[..take] {
                for _ in entry.count(&item.id)..item.kind.target() {
                    entry.push_tick(&item.id, stamp);
                }
            }
        })
        .unwrap();
}

fn each_day(from: Date, to: Date) -> impl Iterator<Item = Date> {
    from.series(1.day()).take_while(move |d| *d <= to)
}

/// Builds the journal in `dir`:
/// - first treatment 14 March: 14–20 full, 21 half, 22 nothing, 23–31 full, 1–5 April
///   half; nothing logged after;
/// - second treatment 18 April: 18–23 full, 24 (today) half.
pub fn two_treatments(dir: impl AsRef<Path>) -> Journal {
    let plan = aftercare::journal::builtin_plan().clone();
    let mut journal = super::writable(dir.as_ref());
    journal
        .add_treatment(treatment(FIRST, "face", "1.0 mm, first session"))
        .unwrap();
    journal
        .add_treatment(treatment(SECOND, "face and neck", ""))
        .unwrap();
    let (first, second) = (date(2027, 3, 14), date(2027, 4, 18));
    for day in
        each_day(first, date(2027, 3, 20)).chain(each_day(date(2027, 3, 23), date(2027, 3, 31)))
    {
        log_care(&mut journal, &plan, first, day, false);
    }
    log_care(&mut journal, &plan, first, date(2027, 3, 21), true);
    for day in each_day(date(2027, 4, 1), date(2027, 4, 5)) {
        log_care(&mut journal, &plan, first, day, true);
    }
    for day in each_day(second, date(2027, 4, 23)) {
        log_care(&mut journal, &plan, second, day, false);
    }
    log_care(&mut journal, &plan, second, date(2027, 4, 24), true);
    let scores = [
        (date(2027, 3, 14), [3, 2, 2, 0]),
        (date(2027, 3, 15), [3, 1, 1, 1]),
        (date(2027, 3, 16), [2, 1, 0, 2]),
        (date(2027, 3, 18), [1, 0, 0, 2]),
        (date(2027, 3, 21), [0, 0, 0, 1]),
        (date(2027, 4, 18), [4, 3, 2, 0]),
        (date(2027, 4, 20), [2, 1, 1, 1]),
        (date(2027, 4, 22), [1, 0, 0, 2]),
    ];
    for (day, s) in scores {
        journal
            .edit_day(day, |e| e.symptoms = Some(symptoms(s)))
            .unwrap();
    }
    journal
        .edit_day(date(2027, 4, 22), |e| {
            e.write_note("Tight in the morning, a little flaking on the cheeks.")
        })
        .unwrap();
    journal
}
