//! `skin`: the skin form as questions, one a line, saved as one change (all or nothing)
//! through the journal's `care::save_skin`, like the app's form: only what was answered is
//! written.

use std::io::BufRead;

use crate::cli::{Access, open};
use crate::domain::model::{Score, Symptom};
use crate::domain::time::Clock;
use crate::journal::care::{self, NoteRewrite, SkinChanges};
use crate::journal::paths::Paths;

/// Asks each question on its own line, reading the answers from `input`; the end of the
/// input before the last answer saves nothing.
pub(super) fn ask(
    paths: &Paths,
    clock: &dyn Clock,
    input: &mut dyn BufRead,
    out: &mut dyn std::io::Write,
) -> String {
    let (plan, _, journal) = match open(paths, Access::Read) {
        Ok(opened) => opened,
        Err(err) => return format!("{err}\n"),
    };
    let mut say = |text: &str| {
        let _ = out.write_all(crate::domain::text::printable_with(text, true).as_bytes());
        let _ = out.flush();
    };
    let mut changes = SkinChanges::default();
    say("Skin today. Press Enter to leave a score as it is; say cancel to stop, nothing saved.\n");
    for symptom in Symptom::ALL {
        loop {
            say(&format!("{}, 0 (none) to 4 (severe)?\n", symptom.name()));
            let Some(answer) = read_answer(input) else {
                return NOTHING_SAVED.to_string();
            };
            if answer.is_empty() {
                break;
            }
            if is_cancel(&answer) {
                return NOTHING_SAVED.to_string();
            }
            match answer.parse::<u8>() {
                Ok(score) if score <= 4 => {
                    changes.scores.push((symptom, Score(score)));
                    break;
                }
                _ => say("Please answer with a number from 0 to 4.\n"),
            }
        }
    }
    let signs: Vec<String> = plan
        .warning_signs
        .iter()
        .map(|s| format!("{} ({})", s.id, s.text))
        .collect();
    // The list is long: said once, then a short reminder after a name not on it.
    say(&format!(
        "Any warning signs? Say their names separated by spaces, or Enter for none: {}.\n",
        signs.join(", ")
    ));
    loop {
        let Some(answer) = read_answer(input) else {
            return NOTHING_SAVED.to_string();
        };
        if is_cancel(&answer) {
            return NOTHING_SAVED.to_string();
        }
        if NO_SIGNS.contains(&answer.to_ascii_lowercase().as_str()) {
            break;
        }
        let unknown: Vec<&str> = answer
            .split([' ', ','])
            .filter(|w| !w.is_empty() && plan.warning_sign(w).is_none())
            .collect();
        if !unknown.is_empty() {
            say(&format!(
                "Not a warning sign: {}. Say names from the list above, none, or cancel.\n",
                unknown.join(", ")
            ));
            continue;
        }
        for word in answer.split([' ', ',']).filter(|w| !w.is_empty()) {
            let id = plan.warning_sign(word).expect("checked above").id.clone();
            if !changes.signs_added.contains(&id) {
                changes.signs_added.push(id);
            }
        }
        break;
    }
    say("A line for today's note? Enter for none.\n");
    let Some(line) = read_answer(input) else {
        return NOTHING_SAVED.to_string();
    };
    if is_cancel(&line) {
        return NOTHING_SAVED.to_string();
    }
    let now = clock.now();
    let date = now.date();
    if !line.is_empty() {
        let day = journal.day(date).cloned().unwrap_or_default();
        let before = day.note();
        let text = if before.trim().is_empty() {
            line
        } else {
            format!("{before}\n{line}")
        };
        let seen = day.notes.iter().map(|v| v.edit.id).collect();
        changes.note = Some(NoteRewrite { text, seen });
    }
    if changes.is_empty() {
        return "Nothing changed, nothing saved.\n".to_string();
    }
    let (_, _, mut journal) = match open(paths, Access::Write) {
        Ok(opened) => opened,
        Err(err) => return format!("{err}\n"),
    };
    if let Err(err) = care::save_skin(&mut journal, date, &changes, &now) {
        return format!("{err}\n");
    }
    crate::cli::remember_undo(paths, &journal, clock);
    let mut text = format!("Skin for {date} saved.\n");
    if changes
        .signs_added
        .iter()
        .any(|id| plan.warning_sign(id).is_some_and(|s| s.emergency))
    {
        text.insert_str(0, &format!("{}.\n", crate::domain::alerts::CALL_EMERGENCY));
    } else if !changes.signs_added.is_empty() {
        text.insert_str(
            0,
            "Warning signs noted: call your clinic or dermatologist today.\n",
        );
    }
    text
}

/// Said when the questions end without saving (`cancel`, or the end of the input).
const NOTHING_SAVED: &str = "Nothing saved.\n";

/// What a patient says for "no warning signs" besides Enter.
const NO_SIGNS: [&str; 5] = ["no", "n", "none", "nothing", "no signs"];

/// `cancel` (or `stop`): leave the questions, nothing saved, back to the commands.
fn is_cancel(answer: &str) -> bool {
    answer.eq_ignore_ascii_case("cancel") || answer.eq_ignore_ascii_case("stop")
}

/// One answer, trimmed; `None` at the end of the input.
fn read_answer(input: &mut dyn BufRead) -> Option<String> {
    let mut line = String::new();
    match input.read_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(line.trim().to_string()),
    }
}
