//! Issue 5, bad files: a journal or plan file that is wrong in any way gives one line naming
//! the file (and line:column where there is one), the app does not start, and the file is
//! left byte for byte as it was. The loader never panics, whatever the bytes.

mod common;

use std::fs;
use std::path::Path;

use aftercare::journal::{Journal, Layout, Month, MonthFile, TreatmentsFile, parse};
use proptest::prelude::*;

use common::snapshot;

const TREATMENTS_OK: &str =
    r#"(version: 1, treatments: [(at: "2027-03-13T10:00:00-04:00", area: "face")])"#;

/// Tries to start the app on `dir` as the TUI does; the error's one line, if any.
fn start(dir: &Path) -> Result<(), String> {
    let journal = Journal::open_writable(Layout::new(dir), std::time::Duration::ZERO)
        .map_err(|e| e.to_string())?;
    let clock = aftercare::domain::time::FixedClock::at("2027-03-14T09:00:00[America/New_York]");
    aftercare::tui::app::App::new(
        aftercare::journal::builtin_plan().clone(),
        aftercare::domain::plan::PlanSource::BuiltIn,
        journal,
        Box::new(clock),
    )
    .map(drop)
    .map_err(|e| e.to_string())
}

/// Puts `text` in the March 2027 month file, starts the app, and checks it refused with
/// `expected` in a one-line message naming the file, leaving every file as it was.
fn refused_month(text: &[u8], expected: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("treatments.ron"), TREATMENTS_OK).unwrap();
    fs::create_dir(dir.path().join("days")).unwrap();
    fs::write(dir.path().join("days/2027-03.ron"), text).unwrap();
    let before = snapshot(dir.path());
    let message = start(dir.path()).expect_err("the app must not start");
    assert!(
        message.contains("days/2027-03.ron"),
        "names the file: {message}"
    );
    assert!(
        message.contains(expected),
        "{message:?} should contain {expected:?}"
    );
    assert!(!message.contains('\n'), "one line: {message}");
    let after: Vec<_> = snapshot(dir.path())
        .into_iter()
        .filter(|(name, _)| name != ".lock")
        .collect();
    let before: Vec<_> = before
        .into_iter()
        .filter(|(name, _)| name != ".lock")
        .collect();
    assert_eq!(after, before, "no file changed");
    message
}

const HEAD: &str = r#"(version: 1, month: "2027-03", days: {"#;

fn day(body: &str) -> String {
    format!("{HEAD}\n  \"2027-03-14\": ({body}),\n}})")
}

#[test]
fn not_ron_names_line_and_column() {
    refused_month(b"hello, journal", "2027-03.ron:1:");
}

#[test]
fn wrong_type_names_line_and_column() {
    refused_month(day("note: 5").as_bytes(), "2027-03.ron:2:");
}

#[test]
fn unknown_field_names_line_and_column() {
    refused_month(day("mood: \"fine\"").as_bytes(), "2027-03.ron:2:");
}

#[test]
fn out_of_range_score_is_refused_where_it_is() {
    let text = day("symptoms: Some((redness: 99, swelling: 0, pain: 0, dryness: 0))");
    let message = refused_month(text.as_bytes(), "2027-03.ron:2:");
    assert!(message.contains("score 99"), "{message}");
}

#[test]
fn negative_count_is_refused() {
    refused_month(day(r#"ticks: {"water": -1}"#).as_bytes(), "2027-03.ron:2:");
}

#[test]
fn impossible_date_is_refused() {
    let text = r#"(version: 1, month: "2027-03", days: {"2027-02-30": ()})"#;
    refused_month(text.as_bytes(), "2027-03.ron:1:");
}

#[test]
fn a_tick_for_an_item_not_in_the_plan_is_no_reason_to_refuse() {
    // Issue 12: the plan follows the dermatologist, so a tick of an item no longer in it
    // (or a hand-typed id no plan had) is kept and shown, never a lock-out.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("treatments.ron"), TREATMENTS_OK).unwrap();
    fs::create_dir(dir.path().join("days")).unwrap();
    let text = day(r#"ticks: {"coffee": ["2027-03-14T09:00:00-04:00"]}"#);
    fs::write(dir.path().join("days/2027-03.ron"), &text).unwrap();
    start(dir.path()).expect("starts");
    assert_eq!(
        fs::read_to_string(dir.path().join("days/2027-03.ron")).unwrap(),
        text
    );
}

#[test]
fn empty_file_is_refused() {
    refused_month(b"", "2027-03.ron:");
}

#[test]
fn binary_garbage_is_refused() {
    refused_month(&[0xff, 0x00, 0xfe, 0x13, 0x80], "not text");
}

#[test]
fn a_huge_file_is_refused_without_reading_it() {
    let huge = vec![b' '; (aftercare::journal::MAX_FILE_BYTES + 1) as usize];
    refused_month(&huge, "larger than aftercare reads");
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let text = format!("{}{}", "(".repeat(100_000), ")".repeat(100_000));
    refused_month(text.as_bytes(), "2027-03.ron:");
}

#[test]
fn a_newer_journal_is_refused_never_downgraded() {
    let text = r#"(version: 3, month: "2027-03", days: {}, moods: {"2027-03-14": "calm"})"#;
    refused_month(text.as_bytes(), "newer aftercare");
}

#[test]
fn a_bad_treatments_file_stops_the_app_and_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("treatments.ron");
    fs::write(&path, "(version: 1, treatments: [(at: \"yesterday\")])").unwrap();
    let message = start(dir.path()).unwrap_err();
    assert!(message.contains("treatments.ron:1:"), "{message}");
    assert!(message.contains("yesterday"), "{message}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "(version: 1, treatments: [(at: \"yesterday\")])"
    );
}

#[test]
fn a_bad_plan_override_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("care-plan.ron");
    let text =
        aftercare::journal::format::plan::BUILTIN_PLAN.replacen("target: 8", "target: -8", 1);
    fs::write(&path, &text).unwrap();
    let message = aftercare::journal::plan_file::load(&path)
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with(&format!("{}:", path.display())),
        "{message}"
    );
    assert!(
        message.split(':').nth(1).unwrap().parse::<u32>().is_ok(),
        "{message}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

/// A valid month file with a few days, as the app writes it.
fn valid_month() -> String {
    let text = day(
        r#"ticks: {"water": ["2027-03-14T09:00:00-04:00", "2027-03-14T10:00:00-04:00"]}, symptoms: Some((redness: 2, swelling: 1, pain: 0, dryness: 3)), note: "tight, a bit dry""#,
    );
    let file: MonthFile = parse(text.as_bytes(), Path::new("m.ron")).unwrap();
    ron::ser::to_string_pretty(&file, aftercare::journal::pretty_config()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse::<MonthFile>(&bytes, Path::new("m.ron"));
        let _ = parse::<TreatmentsFile>(&bytes, Path::new("t.ron"));
    }

    #[test]
    fn mutated_journals_never_panic_and_errors_name_the_file(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..8)
    ) {
        let mut bytes = valid_month().into_bytes();
        for (at, byte, kind) in edits {
            let i = at.index(bytes.len().max(1)).min(bytes.len());
            match kind {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ => bytes.truncate(i),
            }
        }
        if let Err(err) = parse::<MonthFile>(&bytes, Path::new("days/2027-03.ron")) {
            let text = err.to_string();
            prop_assert!(text.starts_with("days/2027-03.ron"), "{}", text);
            prop_assert!(!text.contains('\n'));
            prop_assert!(err.position.is_some(), "no line:column: {}", text);
        }
    }

    /// Issue 11: the plan file gets the same treatment as the journal.
    #[test]
    fn mutated_plans_never_panic_and_refusals_are_placed(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..8)
    ) {
        let mut bytes = aftercare::journal::format::plan::BUILTIN_PLAN.as_bytes().to_vec();
        for (at, byte, kind) in edits {
            let i = at.index(bytes.len().max(1)).min(bytes.len());
            match kind {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ => bytes.truncate(i),
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("care-plan.ron");
        fs::write(&path, &bytes).unwrap();
        if let Err(err) = aftercare::journal::plan_file::read(&path, aftercare::journal::builtin_plan()) {
            let text = err.to_string();
            prop_assert!(text.starts_with(&format!("{}:", path.display())), "{}", text);
            prop_assert!(!text.contains('\n'));
            prop_assert!(err.position.is_some(), "no line:column: {}", text);
        }
    }

    /// Issue 11: a day or a tick key written twice is refused at its second place, however
    /// the file is laid out.
    #[test]
    fn duplicate_keys_are_always_refused_where_they_are(
        days in proptest::collection::btree_set(1..=31u8, 1..6),
        pick in any::<prop::sample::Index>(),
        in_ticks in any::<bool>(),
        compact in any::<bool>(),
    ) {
        let days: Vec<u8> = days.into_iter().collect();
        let twice = days[pick.index(days.len())];
        let sep = if compact { " " } else { "\n    " };
        let entry = |day: u8| {
            if in_ticks && day == twice {
                format!(r#""2027-03-{day:02}": (ticks: {{"water": ["2027-03-{day:02}T09:00:00Z"],{sep}"water": []}}),"#)
            } else {
                format!(r#""2027-03-{day:02}": (note: "n{day}"),"#)
            }
        };
        let mut body: Vec<String> = days.iter().map(|d| entry(*d)).collect();
        if !in_ticks {
            body.push(format!(r#""2027-03-{twice:02}": (note: "again"),"#));
        }
        let text = format!("(version: 1, month: \"2027-03\", days: {{{sep}{}{sep}}})", body.join(sep));
        let err = parse::<MonthFile>(text.as_bytes(), Path::new("m.ron")).unwrap_err();
        prop_assert!(err.message.contains("twice"), "{}", err);
        let (line, column) = err.position.expect("placed");
        let at = text.split('\n').nth(line - 1).expect("line exists");
        let rest: String = at.chars().skip(column - 1).collect();
        let expected = if in_ticks { "\"water\"".to_string() } else { format!("\"2027-03-{twice:02}\"") };
        prop_assert!(rest.starts_with(&expected), "{} at {:?}", err, rest);
    }
}

#[test]
fn a_month_named_for_another_month_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("days")).unwrap();
    fs::write(dir.path().join("days/2027-04.ron"), valid_month()).unwrap();
    let mut journal = Journal::open(Layout::new(dir.path())).unwrap();
    let april: Month = "2027-04".parse().unwrap();
    let message = journal.load_month(april).unwrap_err().to_string();
    assert!(message.contains("named for 2027-04"), "{message}");
}
