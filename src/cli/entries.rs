//! `aftercare tick`, `note` and `symptoms`: what the patient logs for a day, through the
//! same `care` rules as the app (plan items only, never a future day).

use jiff::civil::Date;

use crate::domain::model::{Symptom, Symptoms};
use crate::domain::plan::{CarePlan, Item};
use crate::domain::recovery::{self, ItemProgress};
use crate::domain::schedule;
use crate::domain::time::Clock;
use crate::journal::care::{self, SkinChanges, TickChange};
use crate::journal::paths::Paths;
use crate::journal::{Journal, Score};

use super::{CliError, NoteArgs, SymptomsArgs, TickArgs, date_or_today};

/// Adds `--count` ticks to an item and prints its progress that day.
pub(super) fn tick(args: &TickArgs, paths: &Paths, clock: &dyn Clock) -> Result<String, CliError> {
    let (plan, _, mut journal) = super::open(paths, super::Access::Write)?;
    let now = clock.now();
    let date = date_or_today(args.date, &now);
    let change = TickChange::Add(args.count);
    let id = super::item_name::resolve(&plan, &args.item, "tick")?;
    let count = care::tick(&mut journal, &plan, &id, date, change, &now)
        .map_err(|err| CliError::from_care(&["tick"], err))?;
    super::undo::remember(paths, &journal, clock);
    let item = plan.item(&id).expect("care::tick accepted the id");
    let mut progress = ItemProgress::new(item, count);
    if let Some(treatment) = journal.treatment_for(date) {
        let (_, end) = schedule::day_bounds(treatment, date);
        let at = now.timestamp().min(end);
        progress.form = schedule::form_at(&plan, item, treatment.at.instant, at);
    }
    let mut text = format!(
        "{}: {} on {date}\n",
        progress.label(),
        progress.progress_words()
    );
    // Past the day's target: kept (the glass was drunk), but said, so a slip of the
    // fingers (`--count 3` for 1) is seen at once. Outside the item's days there is no
    // target that day: the one line says so instead.
    let outside = outside_days_note(&journal, item, date, now.date());
    let target = item.kind.target();
    if count > target && outside.is_empty() {
        text.push_str(&format!(
            "Note: that is past the day's target of {target} ({count} ticked); `aftercare untick {}` takes one back.\n",
            item.id
        ));
    }
    text.push_str(&outside);
    // The record is the patient's, so the tick stays; but a tick of something a
    // restriction still forbids deserves a word.
    if let Some(treatment) = journal.treatment_for(date).filter(|_| date == now.date())
        && let Some(by) =
            schedule::forbidding(&plan, item, treatment.at.instant, now.timestamp()).next()
        && item.while_restricted.is_none()
    {
        let lifts =
            schedule::lifts_at(by, treatment.at.instant).to_zoned_datetime(now.time_zone().clone());
        text.push_str(&format!(
            "Note: \"{}\" holds until {} (at least {} h): {} is not on today's list before then. Ask your clinic if unsure.\n",
            by.label,
            lifts.strftime("%H:%M"),
            by.hours,
            item.id
        ));
    }
    Ok(text)
}

/// A tick on a day the plan does not have the item for (ice on day 9 of "days 0–2") is
/// kept, the patient did it, but said in one line, so they know the checklist will not ask
/// for it. Empty within the item's days, or before any treatment.
fn outside_days_note(journal: &Journal, item: &Item, date: Date, today: Date) -> String {
    let Some(day) = journal
        .treatment_for(date)
        .and_then(|treatment| recovery::day_number(treatment, date))
        .filter(|day| !item.days.contains(*day))
    else {
        return String::new();
    };
    let when = if date == today {
        format!("today is day {day}")
    } else {
        format!("{date} is day {day}")
    };
    format!(
        "Note: kept, though the plan has it for {} only ({when}).\n",
        item.days
    )
}

/// Takes back `--count` ticks of an item (never below zero) and prints what is left.
pub(super) fn untick(
    args: &TickArgs,
    paths: &Paths,
    clock: &dyn Clock,
) -> Result<String, CliError> {
    let (plan, _, mut journal) = super::open(paths, super::Access::Write)?;
    let now = clock.now();
    let date = date_or_today(args.date, &now);
    let change = TickChange::Remove(args.count);
    let id = super::item_name::resolve(&plan, &args.item, "untick")?;
    let count = care::tick(&mut journal, &plan, &id, date, change, &now)
        .map_err(|err| CliError::from_care(&["untick"], err))?;
    super::undo::remember(paths, &journal, clock);
    let item = plan.item(&id).expect("care::tick accepted the id");
    let progress = ItemProgress::new(item, count);
    Ok(format!(
        "{}: {} on {date}\n",
        item.label,
        progress.progress_words()
    ))
}

/// What the day holds after `symptoms`: the scores as logged, or that none are (as History
/// says: a sign alone logs no scores, so none are invented), then the signs noticed.
fn logged_skin(
    plan: &CarePlan,
    date: Date,
    symptoms: Option<Symptoms>,
    signs: &[String],
) -> String {
    let mut text = match symptoms {
        Some(s) => format!(
            "Symptoms for {date}: redness {}, swelling {}, pain {}, dryness {}\n",
            s.redness.word(),
            s.swelling.word(),
            s.pain.word(),
            s.dryness.word()
        ),
        None => format!("No symptom scores logged for {date}.\n"),
    };
    let texts: Vec<&str> = signs
        .iter()
        .map(|id| {
            plan.warning_sign(id)
                .map_or(id.as_str(), |s| s.text.as_str())
        })
        .collect();
    if !texts.is_empty() {
        let heading = if texts.len() == 1 {
            "Warning sign"
        } else {
            "Warning signs"
        };
        text.push_str(&format!("{heading}: {}\n", texts.join("; ")));
    }
    text
}

/// Replaces a day's note, or with `--append` adds a line to it; `-` reads the text from
/// the standard input.
pub(super) fn note(args: &NoteArgs, paths: &Paths, clock: &dyn Clock) -> Result<String, CliError> {
    let mut text = args.text.join(" ");
    if args.text == ["-"] {
        text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map_err(|err| {
            CliError::Failure(format!(
                "cannot read the note from the standard input: {err}"
            ))
        })?;
        text = text.trim_end_matches(['\n', '\r']).to_string();
    }
    let mut journal = super::open_journal(paths, super::Access::Write)?;
    let now = clock.now();
    let date = date_or_today(args.date, &now);
    // An append is its own operation, applied inside the lock to the note as it is then:
    // reading the note here first would lose a line appended meanwhile.
    let saved = if args.append {
        care::append_note(&mut journal, date, &text, &now)
    } else {
        care::set_note(&mut journal, date, &text, &now)
    };
    saved.map_err(|err| CliError::from_care(&["note"], err))?;
    super::undo::remember(paths, &journal, clock);
    Ok(if args.append && text.trim().is_empty() {
        format!("Nothing to add to the note for {date}\n")
    } else if args.append {
        format!("Added a line to the note for {date}\n")
    } else if text.trim().is_empty() {
        format!("Note for {date} cleared\n")
    } else {
        format!("Note for {date} saved\n")
    })
}

/// Sets the scores given (the others stay as logged) and adds the warning signs noticed,
/// as one change; then prints the day's scores and, for a warning sign or a severe score,
/// what to do.
pub(super) fn symptoms(
    args: &SymptomsArgs,
    paths: &Paths,
    clock: &dyn Clock,
) -> Result<String, CliError> {
    let scores: Vec<(Symptom, Score)> = [
        (Symptom::Redness, args.redness),
        (Symptom::Swelling, args.swelling),
        (Symptom::Pain, args.pain),
        (Symptom::Dryness, args.dryness),
    ]
    .into_iter()
    .filter_map(|(symptom, score)| score.map(|score| (symptom, Score(score))))
    .collect();
    if scores.is_empty() && args.signs.is_empty() {
        return Err(CliError::usage(
            &["symptoms"],
            "give at least one score (--redness, --swelling, --pain, --dryness) or --sign",
        ));
    }
    let (plan, _, mut journal) = super::open(paths, super::Access::Write)?;
    let now = clock.now();
    let date = date_or_today(args.date, &now);
    let mut signs = Vec::new();
    for id in &args.signs {
        let sign = plan.warning_sign(id).ok_or_else(|| {
            let valid: Vec<&str> = plan.warning_signs.iter().map(|s| s.id.as_str()).collect();
            CliError::usage(
                &["symptoms"],
                format!(
                    "no warning sign {id:?} in the care plan; valid signs: {}",
                    valid.join(", ")
                ),
            )
        })?;
        if !signs.contains(&sign.id) {
            signs.push(sign.id.clone());
        }
    }
    let changes = SkinChanges {
        scores,
        signs_added: signs,
        ..SkinChanges::default()
    };
    care::save_skin(&mut journal, date, &changes, &now)
        .map_err(|err| CliError::from_care(&["symptoms"], err))?;
    super::undo::remember(paths, &journal, clock);
    let day = journal.day(date);
    let day_signs = day.map_or(&[][..], |d| d.signs.as_slice());
    let mut text = logged_skin(&plan, date, day.and_then(|d| d.symptoms), day_signs);
    let emergency = day_signs
        .iter()
        .any(|id| plan.warning_sign(id).is_some_and(|sign| sign.emergency));
    let reasons =
        crate::domain::alerts::urgent_on_day(&plan, day.and_then(|d| d.symptoms), day_signs);
    if emergency {
        text.push_str(&format!(
            "{}: trouble breathing or swelling of the face or throat.\n",
            crate::domain::alerts::CALL_EMERGENCY
        ));
    } else if !reasons.is_empty() {
        // A severe score calls for the clinic as a ticked sign does: the app's Today
        // screen raises the same alert.
        text.push_str(&format!(
            "{}: call your clinic or dermatologist today.\n",
            reasons.join(", ")
        ));
    }
    Ok(text)
}
