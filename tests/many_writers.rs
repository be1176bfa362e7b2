//! Issue 10, one journal and many writers: the shell beside the open app, a sync tool
//! replacing files and leaving conflict copies, a replaced or deleted lock file. Each case
//! of the issue's table is a test with real files and, where the issue says so, a real
//! second process (the `aftercare` binary) or a tmp+rename of a real file.

mod cli_support;
mod common;
mod pty_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use aftercare::domain::plan::PlanSource;
use aftercare::domain::time::{FixedClock, Stamp};
use aftercare::journal::{
    COMMAND_LOCK_WAIT, DayEntry, Journal, Layout, MonthFile, Tick, Treatment, TreatmentsFile,
    parse, pretty_config,
};
use aftercare::tui::action::SkinEdit;
use aftercare::tui::app::{Action, App, Screen};
use aftercare::tui::keys::key_to_action;
use cli_support::Sandbox;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::{Date, date};

const TREATED: &str = "2026-11-18T10:00:00+00:00";
const NOW: &str = "2026-11-20T12:00:00[UTC]";
const DAY: Date = date(2026, 11, 20);
const MONTH: &str = "2026-11";

fn month_path(dir: &Path) -> PathBuf {
    Layout::new(dir).month(MONTH.parse().unwrap())
}

fn on_disk(dir: &Path) -> MonthFile {
    let path = month_path(dir);
    parse(&fs::read(&path).unwrap(), &path).unwrap()
}

fn water_on_disk(dir: &Path) -> u32 {
    on_disk(dir).days.get(&DAY).map_or(0, |d| d.count("water"))
}

fn stamp() -> Stamp {
    "2026-11-20T11:00:00+00:00".parse().unwrap()
}

/// Replaces a journal file the way Syncthing does: the new version is written to a
/// temporary file beside it and renamed over it.
fn sync_replace<T>(path: &Path, edit: impl FnOnce(&mut T))
where
    T: serde::Serialize + serde::de::DeserializeOwned + aftercare::journal::Versioned,
{
    let mut value: T = parse(&fs::read(path).unwrap(), path).unwrap();
    edit(&mut value);
    let text = ron::ser::to_string_pretty(&value, pretty_config()).unwrap();
    let temporary = path.with_file_name(format!(
        ".syncthing.{}.tmp",
        path.file_name().unwrap().to_string_lossy()
    ));
    fs::write(&temporary, text).unwrap();
    fs::rename(&temporary, path).unwrap();
}

/// The other device's ticks: fresh identities, as a second aftercare would give them.
fn add_water(day: &mut DayEntry, n: usize) {
    for _ in 0..n {
        day.add_tick("water", Tick::new(stamp()));
    }
}

/// `aftercare tick water` on DAY in another process; its success line, or its error.
fn shell_tick(sandbox: &Sandbox) -> Result<String, String> {
    shell_tick_in(sandbox.home.path())
}

/// The same, for a sandbox home shared between threads.
fn shell_tick_in(home: &Path) -> Result<String, String> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aftercare"))
        .args(["tick", "water", "--date", "2026-11-20"])
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("TZ", "UTC")
        .env_remove("AFTERCARE_JOURNAL")
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    if out.status.success() {
        Ok(text(out.stdout))
    } else {
        Err(text(out.stderr))
    }
}

fn open_app(sandbox: &Sandbox) -> App {
    let (mut app, _clock) = common::app(sandbox.journal_dir(), TREATED, NOW);
    common::select(&mut app, "water");
    app
}

fn press(app: &mut App, keys: &[KeyCode]) {
    for code in keys {
        let key = KeyEvent::new(*code, KeyModifiers::NONE);
        if let Some(action) = key_to_action(key, app.key_context()) {
            app.update(action);
        }
    }
}

#[test]
fn the_shell_ticks_beside_the_open_app_and_the_app_shows_it_by_itself() {
    let sandbox = Sandbox::new();
    let mut app = open_app(&sandbox);
    app.update(Action::Increment);
    let started = Instant::now();
    let printed = shell_tick(&sandbox).expect("the shell's tick succeeds while the app is open");
    assert!(
        started.elapsed() < Duration::from_millis(1500),
        "no wait for the app"
    );
    assert!(printed.contains("2 of 8"), "{printed}");
    // The app's once-a-second check picks it up without a key.
    app.update(Action::Tick);
    assert_eq!(common::count(&app, "water"), 2);
    app.update(Action::Increment);
    assert_eq!(water_on_disk(&sandbox.journal_dir()), 3);
}

#[test]
fn a_sync_tools_replacement_is_kept_when_the_app_saves() {
    let sandbox = Sandbox::new();
    let dir = sandbox.journal_dir();
    let mut app = open_app(&sandbox);
    app.update(Action::Increment);
    let mut expected = 1;
    for _ in 0..10 {
        // Without the app noticing first (no Tick between): the save itself must re-read.
        sync_replace::<MonthFile>(&month_path(&dir), |file| {
            add_water(file.days.entry(DAY).or_default(), 3)
        });
        app.update(Action::Increment);
        expected += 4;
        assert_eq!(water_on_disk(&dir), expected);
        assert_eq!(common::count(&app, "water"), expected);
    }
}

#[test]
fn an_outside_change_to_a_day_loaded_and_edited_in_the_app_is_kept() {
    let sandbox = Sandbox::new();
    let dir = sandbox.journal_dir();
    let mut app = open_app(&sandbox);
    let yesterday = DAY.yesterday().unwrap();
    app.update(Action::PrevDay);
    common::select(&mut app, "water");
    app.update(Action::Increment); // yesterday, edited in the app
    app.update(Action::NextDay);
    common::select(&mut app, "water");
    for round in 1..=10u32 {
        sync_replace::<MonthFile>(&month_path(&dir), |file| {
            add_water(file.days.entry(yesterday).or_default(), 1);
            add_water(file.days.entry(DAY).or_default(), 1);
        });
        app.update(Action::Increment);
        let file = on_disk(&dir);
        assert_eq!(file.days[&yesterday].count("water"), 1 + round);
        assert_eq!(file.days[&DAY].count("water"), 2 * round);
    }
}

#[test]
fn a_replaced_or_deleted_lock_file_splits_nothing() {
    let sandbox = Sandbox::new();
    let dir = sandbox.journal_dir();
    let mut app = open_app(&sandbox);
    app.update(Action::Increment);
    // Syncthing brings the other machine's `.lock` (tmp + rename)…
    let lock = dir.join(".lock");
    fs::write(
        dir.join(".lock.tmp"),
        "pid 99999\nsince 2026-11-20T10:00:00Z\n",
    )
    .unwrap();
    fs::rename(dir.join(".lock.tmp"), &lock).unwrap();
    shell_tick(&sandbox).unwrap();
    app.update(Action::Increment);
    // …or someone deletes it.
    fs::remove_file(&lock).unwrap();
    shell_tick(&sandbox).unwrap();
    app.update(Action::Increment);
    assert_eq!(water_on_disk(&dir), 5, "every acknowledged tick is kept");
    assert_eq!(common::count(&app, "water"), 5);
}

fn treatments_path(dir: &Path) -> PathBuf {
    Layout::new(dir).treatments()
}

fn listed(sandbox: &Sandbox) -> String {
    sandbox.ok(&["treatment", "list"])
}

#[test]
fn deleting_and_editing_a_treatment_beside_an_outside_addition() {
    let sandbox = Sandbox::new();
    let dir = sandbox.journal_dir();
    let mut journal = common::journal(&dir, "2026-10-01T10:00:00+00:00");
    journal
        .add_treatment(common::treatment(TREATED))
        .expect("saved");
    drop(journal);
    let (mut app, _clock) = common::app(&dir, None, NOW);
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(*app.screen(), Screen::History);
    let shown = app.journal().treatments()[app.history().treatment].clone();

    // Another device adds an older treatment; the app has not looked yet.
    sync_replace::<TreatmentsFile>(&treatments_path(&dir), |file| {
        let mut other = Treatment::new("2026-09-01T07:00:00+00:00".parse().unwrap(), "neck", "");
        other.id = aftercare::journal::EventId::random();
        file.treatments.insert(0, other);
    });
    press(&mut app, &[KeyCode::Char('d'), KeyCode::Char('y')]);
    let text = app.status().unwrap().text.clone();
    assert!(text.starts_with("Deleted"), "{text}");
    let list = listed(&sandbox);
    assert!(list.contains("2026-09-01"), "the outside one stays: {list}");
    let when = shown
        .at
        .in_zone(&jiff::tz::TimeZone::UTC)
        .strftime("%Y-%m-%d")
        .to_string();
    assert!(
        !list.contains(&when),
        "the deleted one stays deleted: {list}"
    );
    assert_eq!(
        list.lines().filter(|l| l.contains("20")).count(),
        2,
        "{list}"
    );

    // Edit the remaining one the app shows: old time gone, new time there, once.
    app.update(Action::Tick);
    let index = app.history().treatment;
    let before = app.journal().treatments()[index].clone();
    press(&mut app, &[KeyCode::Char('e')]);
    press(&mut app, &[KeyCode::Backspace; 5]);
    press(
        &mut app,
        &"08:15".chars().map(KeyCode::Char).collect::<Vec<_>>(),
    );
    press(&mut app, &[KeyCode::Enter, KeyCode::Char('y')]);
    let list = listed(&sandbox);
    assert!(list.contains("08:15"), "{list}");
    let old = before
        .at
        .in_zone(&jiff::tz::TimeZone::UTC)
        .strftime("%Y-%m-%d %H:%M")
        .to_string();
    assert!(!list.contains(&old), "the old time is gone: {list}");
    assert_eq!(
        Journal::open(Layout::new(&dir)).unwrap().treatments().len(),
        2
    );
}

/// Writes a conflict copy of today's month beside it: the other device's version, grown
/// apart from ours after `base` (what both had), with `ticks` more water and a note.
fn leave_conflict_copy(dir: &Path, base: &MonthFile, name: &str, ticks: usize, note: &str) {
    let mut theirs = base.clone();
    let day = theirs.days.entry(DAY).or_default();
    add_water(day, ticks);
    day.set_note(
        note,
        aftercare::journal::Edit {
            at: stamp(),
            id: aftercare::journal::EventId::random(),
        },
    );
    let text = ron::ser::to_string_pretty(&theirs, pretty_config()).unwrap();
    fs::write(dir.join("days").join(name), text).unwrap();
}

#[test]
fn a_syncthing_conflict_copy_is_merged_once_and_kept_in_backups() {
    let sandbox = Sandbox::new();
    let dir = sandbox.journal_dir();
    let mut app = open_app(&sandbox);
    app.update(Action::Increment);
    let base = on_disk(&dir);
    app.update(Action::Increment); // ours, after the devices parted
    let name = "2026-11.sync-conflict-20261120-101010-ABCDEFG.ron";
    leave_conflict_copy(&dir, &base, name, 3, "laptop: a bit dry");

    app.update(Action::Tick);
    let status = app.status().cloned().expect("the patient is told");
    assert!(
        status
            .text
            .contains("Merged changes from another device: 3 ticks, 1 note")
            && status.text.contains("3 ticks, 1 note"),
        "{}",
        status.text
    );
    assert_eq!(common::count(&app, "water"), 5);
    assert_eq!(water_on_disk(&dir), 5);
    assert_eq!(on_disk(&dir).days[&DAY].note(), "laptop: a bit dry");
    assert!(!dir.join("days").join(name).exists());
    assert!(
        dir.join("backups").join(name).exists(),
        "moved, never deleted"
    );
    app.update(Action::Down); // the patient reads it and moves on
    app.update(Action::Tick);
    app.update(Action::Tick);
    assert!(app.status().is_none(), "told once: {:?}", app.status());
}

/// A journal as the app left it (one water on DAY), then a conflict copy of DAY's month
/// with 3 more water and a note, and a temporary an interrupted save left in `days/`;
/// the app opened on it as the terminal loop opens it: housekeeping put off.
fn app_opened_on_a_conflict_copy(sandbox: &Sandbox) -> (App, PathBuf, PathBuf) {
    let dir = sandbox.journal_dir();
    {
        let mut app = open_app(sandbox);
        app.update(Action::Increment);
    }
    let name = "2026-11.sync-conflict-20261120-101010-ABCDEFG.ron";
    leave_conflict_copy(&dir, &on_disk(&dir), name, 3, "laptop: a bit dry");
    let temporary = dir.join("days").join(".aftercare-42-0123456789abcdef.tmp");
    fs::write(&temporary, "half a save").unwrap();
    let journal = Journal::open_writable_untidied(Layout::new(&dir), COMMAND_LOCK_WAIT).unwrap();
    let app = App::new(
        aftercare::journal::builtin_plan().clone(),
        PlanSource::BuiltIn,
        journal,
        Box::new(FixedClock::at(NOW)),
    )
    .unwrap();
    (app, dir.join("days").join(name), temporary)
}

fn draw(app: &App) -> String {
    common::screen::screen_text(&common::screen::render(app, 80, 24))
}

#[test]
fn the_first_frame_comes_before_the_housekeeping_and_the_merge_is_told_right_after() {
    let sandbox = Sandbox::new();
    let (mut app, copy, temporary) = app_opened_on_a_conflict_copy(&sandbox);
    // The first frame: the journal as it is, no folder listed, nothing moved yet.
    let first = draw(&app);
    assert!(!first.contains("Merged"), "{first}");
    assert_eq!(common::count(&app, "water"), 1);
    assert!(app.journal().needs_tidy());
    assert!(copy.exists() && temporary.exists());
    // What the loop does right after it: tidy, and redraw because something was merged.
    assert!(app.tidy_journal(), "a merge asks for a redraw");
    assert!(!app.journal().needs_tidy());
    assert!(!copy.exists() && !temporary.exists());
    assert!(
        sandbox
            .journal_dir()
            .join("backups")
            .join(copy.file_name().unwrap())
            .exists()
    );
    assert_eq!(common::count(&app, "water"), 4);
    assert_eq!(water_on_disk(&sandbox.journal_dir()), 4);
    let second = draw(&app);
    assert!(
        second.contains("Merged changes from another device: 3 ticks, 1 note"),
        "{second}"
    );
    assert!(!app.tidy_journal(), "once");
}

#[test]
fn no_tick_lands_before_the_put_off_merge() {
    let sandbox = Sandbox::new();
    let (mut app, copy, temporary) = app_opened_on_a_conflict_copy(&sandbox);
    let dir = sandbox.journal_dir();
    let item = app.checklist()[app.selected()].item.id.clone();
    let before = on_disk(&dir).days[&DAY].count(&item);
    // A key the loop would read if it had not tidied first.
    app.update(Action::Increment);
    assert!(!copy.exists() && !temporary.exists());
    // The merge was written first: the version the tick replaced is the merged one.
    let backups = Layout::new(&dir).backups_dir();
    let replaced = backups.join(format!("{MONTH}.1.ron"));
    let replaced: MonthFile = parse(&fs::read(&replaced).unwrap(), &replaced).unwrap();
    assert_eq!(
        replaced.days[&DAY].count("water"),
        4,
        "merged before the tick"
    );
    assert_eq!(replaced.days[&DAY].note(), "laptop: a bit dry");
    assert_eq!(
        replaced.days[&DAY].count(&item),
        before + u32::from(item == "water") * 3
    );
    let now = on_disk(&dir);
    assert_eq!(
        now.days[&DAY].count(&item),
        replaced.days[&DAY].count(&item) + 1
    );
    assert_eq!(now.days[&DAY].note(), "laptop: a bit dry");
}

/// The real binary on a pseudo-terminal: a conflict copy of this month is merged and told on screen
/// right after start-up, with no key pressed.
#[test]
fn the_app_merges_and_tells_a_conflict_copy_of_this_month_without_a_key() {
    use jiff::tz::TimeZone;
    let sandbox = Sandbox::new();
    let paris = TimeZone::get("Europe/Paris").unwrap();
    let today = jiff::Timestamp::now().to_zoned_datetime(paris).date();
    let treated = today.checked_sub(jiff::Span::new().days(2)).unwrap();
    let ok = |args: &[&str]| {
        let run = cli_support::run_command(sandbox.command_in("Europe/Paris", args));
        assert_eq!(run.code, 0, "aftercare {args:?}: {}", run.stderr);
    };
    ok(&[
        "treatment",
        "add",
        "--at",
        &format!("{treated} 12:00"),
        "--area",
        "face",
    ]);
    ok(&["tick", "water", "--date", &today.to_string()]);
    let month = today.strftime("%Y-%m").to_string();
    let path = sandbox.month_file(&month);
    let mut theirs: MonthFile = parse(&fs::read(&path).unwrap(), &path).unwrap();
    add_water(theirs.days.entry(today).or_default(), 2);
    let name = format!("{month}.sync-conflict-20261120-101010-ABCDEFG.ron");
    let copy = path.with_file_name(&name);
    fs::write(
        &copy,
        ron::ser::to_string_pretty(&theirs, pretty_config()).unwrap(),
    )
    .unwrap();
    let mut app = pty_support::Pty::app(sandbox.home.path(), &[]);
    let screen = app.wait_for("Merged changes");
    assert!(
        screen.contains("Merged changes from another device: 2 ticks"),
        "{screen}"
    );
    assert!(!copy.exists(), "moved");
    assert!(sandbox.journal_dir().join("backups").join(&name).exists());
    app.keys(&["q"]);
    assert!(app.exited());
    let merged: MonthFile = parse(&fs::read(&path).unwrap(), &path).unwrap();
    assert_eq!(merged.days[&today].count("water"), 3);
}

#[test]
fn nextcloud_and_dropbox_copies_are_merged_by_the_shell_too() {
    let sandbox = Sandbox::new();
    let dir = sandbox.journal_dir();
    drop(common::journal(&dir, TREATED));
    shell_tick(&sandbox).unwrap();
    let base = on_disk(&dir);
    leave_conflict_copy(
        &dir,
        &base,
        "2026-11 (conflicted copy 2026-11-20 101010).ron",
        2,
        "nc",
    );
    leave_conflict_copy(
        &dir,
        &base,
        "2026-11 (Alex's conflicted copy 2026-11-20).ron",
        1,
        "db",
    );
    let printed = shell_tick(&sandbox).unwrap();
    assert!(
        printed.contains("5 of 8"),
        "1 + 2 + 1 + this one: {printed}"
    );
    let note = on_disk(&dir).days[&DAY].note();
    assert!(
        note.contains("nc") && note.contains("db"),
        "both texts kept: {note}"
    );
}

#[test]
fn the_skin_form_saves_scores_and_note_together() {
    let sandbox = Sandbox::new();
    let dir = sandbox.journal_dir();
    let mut app = open_app(&sandbox);
    app.update(Action::Increment);
    let before = fs::read(month_path(&dir)).unwrap();
    app.update(Action::OpenSkinForm);
    app.update(Action::Skin(SkinEdit::SetScore(3)));
    // Tab goes from the scores to the warning signs, then to the note.
    for _ in 0..2 {
        app.update(Action::Skin(SkinEdit::NextField));
    }
    for c in "itchy".chars() {
        app.update(Action::Skin(SkinEdit::Insert(c)));
    }
    app.update(Action::Submit);
    let day = &on_disk(&dir).days[&DAY];
    assert_eq!(day.note(), "itchy");
    // One operation, kept as a value for undo.
    match app.journal().applied().last() {
        Some(aftercare::journal::Operation::All(ops)) => assert_eq!(ops.len(), 2),
        other => panic!("one operation for the form: {other:?}"),
    }
    assert_eq!(day.symptoms().unwrap().redness.0, 3);
    // One save: the newest backup is the file as it was before the form, not a half.
    let newest = fs::read(aftercare::journal::backup_path(
        &dir.join("backups"),
        &month_path(&dir),
        1,
    ))
    .unwrap();
    assert_eq!(newest, before);
}

#[test]
fn quick_saves_never_push_out_the_copy_from_before_today() {
    let sandbox = Sandbox::new();
    let dir = sandbox.journal_dir();
    let mut app = open_app(&sandbox);
    app.update(Action::Increment);
    let start_of_today = fs::read(month_path(&dir)).unwrap();
    for _ in 0..12 {
        app.update(Action::Increment);
    }
    let today = jiff::ZonedDateTime::now().date();
    let daily = aftercare::journal::daily_path(&dir.join("backups"), &month_path(&dir), today);
    assert_eq!(fs::read(daily).unwrap(), start_of_today);
}

#[test]
fn every_acknowledged_tick_of_many_processes_and_the_app_is_kept() {
    let sandbox = Sandbox::new();
    let dir = sandbox.journal_dir();
    let mut app = open_app(&sandbox);
    // Run for at least 3 s and until both sides have written enough to mean something (a
    // loaded CI machine can take 25 ms per fsync), but never past 60 s.
    let min_run = Duration::from_secs(3);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let shells: Vec<_> = (0..4)
        .map(|_| {
            let home = sandbox.home.path().to_path_buf();
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut acknowledged = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    if shell_tick_in(&home).is_ok() {
                        acknowledged += 1;
                    }
                }
                acknowledged
            })
        })
        .collect();
    let started = Instant::now();
    let mut in_app = 0;
    while (started.elapsed() < min_run || in_app < 20)
        && started.elapsed() < Duration::from_secs(60)
    {
        app.update(Action::Increment);
        match app.status() {
            Some(status) if status.is_error => panic!("the app failed: {}", status.text),
            _ => in_app += 1,
        }
        app.update(Action::Tick);
        std::thread::sleep(Duration::from_millis(5));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let from_shells: u32 = shells.into_iter().map(|s| s.join().unwrap()).sum();
    eprintln!("{from_shells} ticks from 4 shells, {in_app} from the app");
    assert!(from_shells > 10 && in_app > 10);
    assert_eq!(water_on_disk(&dir), from_shells + in_app);
    app.update(Action::Tick);
    assert_eq!(common::count(&app, "water"), from_shells + in_app);
}

#[test]
fn a_treatments_conflict_copy_brings_the_other_devices_session_and_deletion() {
    let sandbox = Sandbox::new();
    let dir = sandbox.journal_dir();
    let mut journal = common::journal(&dir, "2026-10-01T10:00:00+00:00");
    journal
        .add_treatment(common::treatment(TREATED))
        .expect("saved");
    let base: TreatmentsFile = {
        let path = treatments_path(&dir);
        parse(&fs::read(&path).unwrap(), &path).unwrap()
    };
    // Here: the October session is deleted. There: a September one is added.
    let october = journal.treatments()[0].id;
    aftercare::journal::care::remove_treatment(&mut journal, october).unwrap();
    let mut theirs = base.clone();
    let mut other = Treatment::new("2026-09-01T07:00:00+00:00".parse().unwrap(), "neck", "");
    other.id = aftercare::journal::EventId::random();
    theirs.treatments.insert(0, other);
    fs::write(
        dir.join("treatments.sync-conflict-20261120-101010-ABCDEFG.ron"),
        ron::ser::to_string_pretty(&theirs, pretty_config()).unwrap(),
    )
    .unwrap();
    let list = {
        let run = sandbox.run(&["treatment", "list"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    // `treatment list` only reads; a writing command merges.
    shell_tick(&sandbox).unwrap();
    let after = listed(&sandbox);
    assert!(!list.contains("2026-09-01"), "{list}");
    assert!(after.contains("2026-09-01"), "theirs added: {after}");
    assert!(!after.contains("2026-10-01"), "ours stays deleted: {after}");
    assert!(after.contains("2026-11-18"), "{after}");
}

#[test]
fn an_unreadable_conflict_copy_is_left_alone_and_named_once() {
    let sandbox = Sandbox::new();
    let dir = sandbox.journal_dir();
    let mut app = open_app(&sandbox);
    app.update(Action::Increment);
    let name = "2026-11.sync-conflict-20261120-101010-ABCDEFG.ron";
    let copy = dir.join("days").join(name);
    fs::write(&copy, "(version: 2, month: \"2026-11\", days: {").unwrap();
    app.update(Action::Tick);
    let text = app.status().cloned().expect("told").text;
    assert!(
        text.contains("could not be merged") && text.contains(name),
        "{text}"
    );
    app.update(Action::Down);
    common::select(&mut app, "water");
    app.update(Action::Increment);
    app.update(Action::Tick);
    assert!(app.status().is_none(), "once: {:?}", app.status());
    assert!(copy.exists(), "left where it is");
    assert_eq!(water_on_disk(&dir), 2);
}

#[test]
fn the_readme_gives_the_stignore_lines_the_journal_expects() {
    let readme = include_str!("../README.md");
    let block = format!("```text\n{}```", aftercare::journal::STIGNORE_LINES);
    assert!(readme.contains(&block), "README's .stignore block: {block}");
}

#[test]
fn a_failing_save_shifts_no_backup_out() {
    let sandbox = Sandbox::new();
    let dir = sandbox.journal_dir();
    drop(common::journal(&dir, TREATED));
    for _ in 0..3 {
        shell_tick(&sandbox).unwrap();
    }
    let backups = dir.join("backups");
    let before = common::snapshot(&backups);
    assert!(!before.is_empty());
    // The disk fills up (a 1 KiB file-size limit): the new month file cannot be written.
    let bin = env!("CARGO_BIN_EXE_aftercare");
    let run = sandbox.shell(&format!(
        "trap '' XFSZ; ulimit -f 1 && exec {bin} --journal {} tick water --count 100 --date 2026-11-20",
        dir.display()
    ));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(common::snapshot(&backups), before, "no backup shifted out");
    assert_eq!(water_on_disk(&dir), 3);
}
