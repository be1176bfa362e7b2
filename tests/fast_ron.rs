//! Issue 17: the fast reader of the RON aftercare writes (`domain::fast_ron`) reads every
//! file aftercare writes — or start-up would fall back to the slow `ron` parser and grow
//! with the years again — and where it gives a value it is exactly `ron`'s value: on the
//! files themselves, on random notes and areas, and on thousands of damaged copies.

use aftercare::domain::fast_ron;
use aftercare::domain::plan::{CarePlan, ron_options};
use aftercare::domain::strict;
use aftercare::journal::{MonthFile, Treatment, TreatmentsFile, pretty_config};
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

#[path = "../benches/support/synth.rs"]
#[allow(dead_code)]
mod synth;

const BUILTIN_PLAN: &str = include_str!("../assets/care-plan.ron");

/// The text `store::write` gives a value.
fn written<T: Serialize>(value: &T) -> String {
    ron::ser::to_string_pretty(value, pretty_config()).unwrap() + "\n"
}

/// 200 days ending on 2027-03-14, generated once.
fn synthetic_journal() -> &'static synth::SynthJournal {
    static JOURNAL: std::sync::OnceLock<synth::SynthJournal> = std::sync::OnceLock::new();
    JOURNAL.get_or_init(|| {
        let spec = synth::Spec::days(200, jiff::civil::date(2027, 3, 14));
        synth::generate(&CarePlan::builtin(), &spec)
    })
}

/// Journal files are read as `store::parse` reads them: plain `ron` options.
fn same_as_ron<T: DeserializeOwned + PartialEq + std::fmt::Debug>(text: &str) {
    if let Some(fast) = fast_ron::from_str::<T>(text) {
        let reference: T = ron::from_str(text)
            .unwrap_or_else(|err| panic!("ron refuses what the fast reader read ({err}):\n{text}"));
        assert_eq!(fast, reference, "{text}");
        assert_eq!(strict::duplicate_key(text), None, "{text}");
    }
}

/// Plan files are read with `implicit_some`.
fn plan_same_as_ron(text: &str) {
    if let Some(fast) = fast_ron::from_str_with_implicit_some::<CarePlan>(text) {
        let reference: CarePlan = ron_options()
            .from_str(text)
            .unwrap_or_else(|err| panic!("ron refuses what the fast reader read ({err}):\n{text}"));
        assert_eq!(fast, reference, "{text}");
        assert_eq!(strict::duplicate_key(text), None, "{text}");
    }
}

#[test]
fn every_file_aftercare_writes_takes_the_fast_path() {
    let journal = synthetic_journal();
    let text = written(&journal.treatments);
    assert_eq!(
        fast_ron::from_str::<TreatmentsFile>(&text),
        Some(journal.treatments.clone())
    );
    for month in &journal.months {
        let text = written(month);
        assert_eq!(
            fast_ron::from_str::<MonthFile>(&text).as_ref(),
            Some(month),
            "{}",
            month.month
        );
        same_as_ron::<MonthFile>(&text);
    }
    let plan = fast_ron::from_str_with_implicit_some::<CarePlan>(BUILTIN_PLAN)
        .expect("the built-in plan, comments and all, takes the fast path");
    assert_eq!(plan, CarePlan::builtin());
    plan_same_as_ron(BUILTIN_PLAN);
}

/// What a patient may type into an area or a note: quotes, backslashes, newlines, tabs,
/// control characters, any script.
fn typed_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ,.'-]{0,40}",
        "[\"\\\\\n\t\r a-z]{0,20}",
        any::<String>(),
    ]
}

/// Edits that break or bend RON in the ways a hand, a sync tool or a bad disk does.
#[derive(Debug, Clone)]
enum Damage {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: &'static str },
    DuplicateLine { line: usize },
    SwapLines { line: usize },
}

const INSERTS: &[&str] = &[
    ",",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    "\"",
    "\\",
    " ",
    "\n",
    "0",
    "9",
    "-",
    "_",
    ".",
    "Some(",
    "None",
    "//",
    "/*",
    "*/",
    "x",
    "r#",
    "#",
    "é",
    "\"a\": 1,",
    "id: 1,",
];

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (any::<usize>(), 1..4usize).prop_map(|(at, len)| Damage::Delete { at, len }),
        (any::<usize>(), proptest::sample::select(INSERTS))
            .prop_map(|(at, text)| Damage::Insert { at, text }),
        any::<usize>().prop_map(|line| Damage::DuplicateLine { line }),
        any::<usize>().prop_map(|line| Damage::SwapLines { line }),
    ]
}

/// `text` with each of `damages` done to it in turn.
fn damaged(text: &str, damages: &[Damage]) -> String {
    damages
        .iter()
        .fold(text.to_string(), |text, damage| damaged_once(&text, damage))
}

/// `text` with `damage` done to it (positions wrap around; edits stay on characters).
fn damaged_once(text: &str, damage: &Damage) -> String {
    let boundary = |at: usize| {
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    match *damage {
        Damage::Delete { at, len } => {
            let from = boundary(at);
            let mut to = (from + len).min(text.len());
            while !text.is_char_boundary(to) {
                to += 1;
            }
            format!("{}{}", &text[..from], &text[to..])
        }
        Damage::Insert { at, text: insert } => {
            let at = boundary(at);
            format!("{}{insert}{}", &text[..at], &text[at..])
        }
        Damage::DuplicateLine { line } => {
            let line = line % lines.len();
            lines.insert(line, lines[line]);
            lines.concat()
        }
        Damage::SwapLines { line } => {
            let line = line % (lines.len() - 1);
            lines.swap(line, line + 1);
            lines.concat()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn typed_text_reads_back_as_ron_reads_it(
        area in typed_text(),
        note in typed_text(),
        id in any::<u64>(),
    ) {
        let mut file = synthetic_journal().treatments.clone();
        file.treatments.truncate(2);
        let first: &mut Treatment = &mut file.treatments[0];
        first.area = area;
        first.note = note;
        first.id = aftercare::journal::EventId(id);
        let text = written(&file);
        same_as_ron::<TreatmentsFile>(&text);
        // Plain text (no escapes) always takes the fast path.
        if !text.contains('\\') {
            prop_assert_eq!(fast_ron::from_str::<TreatmentsFile>(&text), Some(file));
        }
    }

    #[test]
    fn a_damaged_month_is_read_as_ron_reads_it_or_left_to_ron(
        damages in proptest::collection::vec(damage(), 1..4),
    ) {
        let month = written(synthetic_journal().months.last().unwrap());
        same_as_ron::<MonthFile>(&damaged(&month, &damages));
    }

    #[test]
    fn damaged_treatments_are_read_as_ron_reads_them_or_left_to_ron(
        damages in proptest::collection::vec(damage(), 1..4),
    ) {
        let treatments = written(&synthetic_journal().treatments);
        same_as_ron::<TreatmentsFile>(&damaged(&treatments, &damages));
    }

    #[test]
    fn a_damaged_plan_is_read_as_ron_reads_it_or_left_to_ron(
        damages in proptest::collection::vec(damage(), 1..4),
    ) {
        plan_same_as_ron(&damaged(BUILTIN_PLAN, &damages));
    }
}
