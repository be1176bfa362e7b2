//! Issue 28's property: for random interleavings of the app's intents (Space on a checkbox,
//! a score set and a line written in the skin form, the form open across other writers'
//! changes) and the shell's operations (tick, untick, all four scores, `note --append`) on
//! one day, the day on disk equals every acknowledged intent applied in lock order to a
//! model of the day. Each intent is taken as the patient states it — what the screen
//! showed when Space was pressed, what the form says when it is saved — and the model
//! applies it by the rules of issue 28, independently of how the journal does.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use aftercare::journal::care::{self, TickChange};
use aftercare::journal::{Journal, Layout, Month, Score, Symptoms};
use aftercare::tui::action::SkinEdit;
use aftercare::tui::app::{Action, App};
use aftercare::tui::forms::skin::SkinField;
use aftercare::tui::state::Overlay;
use jiff::ZonedDateTime;
use jiff::civil::{Date, date};
use proptest::prelude::*;

const TREATED: &str = "2026-11-18T10:00:00+00:00";
const NOW: &str = "2026-11-20T12:00:00[UTC]";
const DAY: Date = date(2026, 11, 20);
/// A once-a-day item and a counted one.
const ITEMS: [&str; 2] = ["sunscreen", "water"];

#[derive(Debug, Clone)]
enum Step {
    /// Space on an item in the app (when no form is open).
    AppSpace(usize),
    /// The skin form opened over Today.
    AppOpenForm,
    /// A score set in the open form (symptom, value).
    AppScore(usize, u8),
    /// A few words written at the end of the open form's note.
    AppWrite,
    /// Ctrl-S on the open form.
    AppSave,
    /// The app's once-a-second look at the files.
    AppRefresh,
    ShellTick(usize),
    ShellUntick(usize),
    ShellScores([u8; 4]),
    ShellAppend,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..2usize).prop_map(Step::AppSpace),
        Just(Step::AppOpenForm),
        (0..4usize, 0..=4u8).prop_map(|(s, v)| Step::AppScore(s, v)),
        Just(Step::AppWrite),
        Just(Step::AppSave),
        Just(Step::AppRefresh),
        (0..2usize).prop_map(Step::ShellTick),
        (0..2usize).prop_map(Step::ShellUntick),
        proptest::array::uniform4(0..=4u8).prop_map(Step::ShellScores),
        Just(Step::ShellAppend),
    ]
}

/// The day as the intents make it.
#[derive(Debug, Default)]
struct Model {
    counts: BTreeMap<&'static str, u32>,
    scores: Option<[u8; 4]>,
    /// The note's versions, oldest first (two when one was written elsewhere while the
    /// form was open).
    versions: Vec<String>,
}

impl Model {
    fn note(&self) -> String {
        self.versions.join("\n\n")
    }

    fn tick(&mut self, item: &'static str) {
        let count = self.counts.entry(item).or_default();
        *count = if item == "sunscreen" { 1 } else { *count + 1 };
    }

    fn untick(&mut self, item: &'static str) {
        let count = self.counts.entry(item).or_default();
        *count = count.saturating_sub(1);
    }

    fn append(&mut self, line: &str) {
        let old = self.note();
        let old = old.trim_end();
        self.versions = vec![if old.is_empty() {
            line.to_string()
        } else {
            format!("{old}\n{line}")
        }];
    }
}

fn now() -> ZonedDateTime {
    NOW.parse().unwrap()
}

fn open_form(app: &App) -> Option<&aftercare::tui::forms::skin::SkinForm> {
    match app.overlay() {
        Some(Overlay::SkinForm(form)) => Some(form),
        _ => None,
    }
}

fn on_disk(dir: &Path) -> aftercare::journal::DayEntry {
    let mut journal = Journal::open(Layout::new(dir)).unwrap();
    journal.load_month(Month::of(DAY)).unwrap();
    journal.day(DAY).cloned().unwrap_or_default()
}

fn run(steps: &[Step]) -> Result<(), TestCaseError> {
    let temp = common::journal_dir();
    let dir = temp.path();
    let (mut app, _clock) = common::app(dir, TREATED, NOW);
    let mut shell = common::writable(dir);
    let plan = app.plan().clone();
    let mut model = Model::default();
    // The note versions the open form showed (their texts: every line written is unique).
    let mut seen: Vec<String> = Vec::new();
    for (n, step) in steps.iter().enumerate() {
        let form_open = open_form(&app).is_some();
        match *step {
            Step::AppSpace(i) if !form_open => {
                let item = ITEMS[i];
                common::select(&mut app, item);
                let shown = common::count(&app, item);
                app.update(Action::Press);
                if item == "sunscreen" && shown > 0 {
                    model.counts.insert(item, 0);
                } else {
                    model.tick(item);
                }
            }
            Step::AppOpenForm if !form_open => {
                app.update(Action::OpenSkinForm);
                seen = app.journal().day(DAY).map_or(Vec::new(), |d| {
                    d.notes.iter().map(|v| v.text.clone()).collect()
                });
            }
            Step::AppScore(symptom, value) if form_open => {
                // Tab comes round to the first score; ↓ walks the scores.
                while open_form(&app).unwrap().focus != SkinField::Score(0) {
                    app.update(Action::Skin(SkinEdit::NextField));
                }
                for _ in 0..symptom {
                    app.update(Action::Skin(SkinEdit::Down));
                }
                app.update(Action::Skin(SkinEdit::SetScore(value)));
            }
            Step::AppWrite if form_open => {
                while open_form(&app).unwrap().focus != SkinField::Note {
                    app.update(Action::Skin(SkinEdit::NextField));
                }
                for c in format!(" app{n}").chars() {
                    app.update(Action::Skin(SkinEdit::Insert(c)));
                }
            }
            Step::AppSave if form_open => {
                let form = open_form(&app).unwrap();
                let changes = form.changes();
                app.update(Action::Submit);
                prop_assert!(open_form(&app).is_none(), "saved: {:?}", app.status());
                if !changes.scores.is_empty() {
                    let mut scores = model.scores.unwrap_or_default();
                    for (symptom, score) in &changes.scores {
                        scores[*symptom as usize] = score.0;
                    }
                    model.scores = Some(scores);
                }
                if let Some(note) = changes.note {
                    model.versions.retain(|v| !seen.contains(v));
                    let text = note.text.trim_end();
                    if !text.is_empty() {
                        model.versions.push(text.to_string());
                    }
                }
            }
            Step::AppRefresh => app.update(Action::Tick),
            Step::ShellTick(i) => {
                care::tick(&mut shell, &plan, ITEMS[i], DAY, TickChange::Add(1), &now()).unwrap();
                model.tick(ITEMS[i]);
            }
            Step::ShellUntick(i) => {
                care::tick(
                    &mut shell,
                    &plan,
                    ITEMS[i],
                    DAY,
                    TickChange::Remove(1),
                    &now(),
                )
                .unwrap();
                model.untick(ITEMS[i]);
            }
            Step::ShellScores(values) => {
                let [redness, swelling, pain, dryness] = values.map(Score);
                let symptoms = Symptoms {
                    redness,
                    swelling,
                    pain,
                    dryness,
                };
                care::set_symptoms(&mut shell, DAY, Some(symptoms), &now()).unwrap();
                model.scores = Some(values);
            }
            Step::ShellAppend => {
                let line = format!("shell{n}");
                care::append_note(&mut shell, DAY, &line, &now()).unwrap();
                model.append(&line);
            }
            _ => {}
        }
    }
    let day = on_disk(dir);
    for item in ITEMS {
        prop_assert_eq!(
            day.count(item),
            model.counts.get(item).copied().unwrap_or(0),
            "{}",
            item
        );
    }
    let scores = day
        .symptoms()
        .map(|s| [s.redness, s.swelling, s.pain, s.dryness].map(|s| s.0));
    prop_assert_eq!(scores, model.scores);
    prop_assert_eq!(day.note(), model.note());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_day_is_every_acknowledged_intent_applied_in_lock_order(
        steps in proptest::collection::vec(step(), 1..24)
    ) {
        run(&steps)?;
    }
}
