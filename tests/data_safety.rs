//! Issue 5, data safety: crash-safe saves, backups, one writer, files changed on disk,
//! save failures, privacy. Each test fails if its guarantee breaks.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use aftercare::domain::time::Stamp;
use aftercare::journal::{
    BACKUPS_KEPT, COMMAND_LOCK_WAIT, Journal, Layout, MonthFile, backup_path, parse,
};
use aftercare::tui::app::Action;
use jiff::civil::{Date, date};

use common::{app, count, select, snapshot, writable};

const DAY: Date = date(2027, 3, 14);
const MONTH: &str = "2027-03";

fn month_file(dir: &Path) -> std::path::PathBuf {
    Layout::new(dir).month(MONTH.parse().unwrap())
}

fn read_month(dir: &Path) -> MonthFile {
    let mut journal = Journal::open(Layout::new(dir)).unwrap();
    journal.load_month(MONTH.parse().unwrap()).unwrap().clone()
}

fn stamp() -> Stamp {
    "2027-03-14T09:00:00-04:00".parse().unwrap()
}

/// Writes save number `k`: the note and the tick count change together, so a file that
/// mixed two saves would disagree with itself. The padding makes each write long enough
/// for kills to land in the middle of one.
fn save_number(journal: &mut Journal, k: usize) {
    journal
        .edit_day(DAY, |entry| {
            entry.write_note(&format!("{k} {}", "x".repeat(40_000)));
            set_water(entry, k % 37 + 1);
        })
        .unwrap();
}

/// Exactly `n` water ticks (all new ones).
fn set_water(entry: &mut aftercare::journal::DayEntry, n: usize) {
    let old: Vec<_> = entry.ticks_of("water").iter().map(|t| t.id).collect();
    entry.remove_ticks("water", old);
    for _ in 0..n {
        entry.push_tick("water", stamp());
    }
}

fn saved_number(file: &MonthFile) -> usize {
    let entry = &file.days[&DAY];
    let k: usize = entry.note().split(' ').next().unwrap().parse().unwrap();
    assert_eq!(
        entry.count("water") as usize,
        k % 37 + 1,
        "note and ticks from one save"
    );
    k
}

const KILL_CHILD_ENV: &str = "AFTERCARE_TEST_KILL_CHILD_DIR";

/// The child process of `sigkill_during_saves_leaves_the_old_or_the_new_journal`: the test
/// binary runs itself with only this (ignored) test and the env var set. Not a test of its
/// own, so never run alone. (A self-spawn needs no extra binary, example or hidden
/// subcommand in the product.)
#[test]
#[ignore = "the child half of sigkill_during_saves_leaves_the_old_or_the_new_journal, which runs it"]
fn kill_child_saves_until_killed() {
    let dir = std::env::var_os(KILL_CHILD_ENV)
        .expect("run by sigkill_during_saves_leaves_the_old_or_the_new_journal, not alone");
    let dir = Path::new(&dir);
    let mut journal = writable(dir);
    let mut k = saved_number(&read_month(dir));
    loop {
        k += 1;
        save_number(&mut journal, k);
    }
}

fn stale_temporaries(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".aftercare-") && name.ends_with(".tmp"))
        .collect()
}

#[test]
fn sigkill_during_saves_leaves_the_old_or_the_new_journal() {
    let dir = tempfile::tempdir().unwrap();
    save_number(&mut writable(dir.path()), 0);
    let exe = std::env::current_exe().unwrap();
    let started = Instant::now();
    let (mut last, mut seed, mut kills, mut temporaries_seen) =
        (0, started.elapsed().as_nanos() as u64 | 1, 0, 0);
    while started.elapsed() < Duration::from_secs(8) && kills < 60 {
        let mut child = Command::new(&exe)
            .args([
                "kill_child_saves_until_killed",
                "--exact",
                "--ignored",
                "--nocapture",
            ])
            .env(KILL_CHILD_ENV, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(10 + seed % 60));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        kills += 1;
        temporaries_seen += stale_temporaries(&dir.path().join("days")).len();
        let k = saved_number(&read_month(dir.path()));
        assert!(k >= last, "went back from save {last} to {k}");
        last = k;
    }
    eprintln!("{kills} kills, {last} saves, {temporaries_seen} temp files left by kills");
    // Each save is now a whole transaction (lock, re-check, write, backups): on a loaded
    // 2-core machine (load 15) about one save in two kills gets through, so ask a quarter.
    assert!(
        last > kills / 4,
        "the child did save between kills ({last} saves)"
    );
    // A stale temp file is removed by the next writer, under the lock.
    let days = dir.path().join("days");
    fs::write(days.join(".aftercare-4242-0123456789abcdef.tmp"), "torn").unwrap();
    let _journal = writable(dir.path());
    assert_eq!(stale_temporaries(&days), Vec::<String>::new());
}

#[test]
fn each_save_keeps_the_previous_versions_as_private_backups() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = writable(dir.path());
    for k in 1..=7 {
        save_number(&mut journal, k);
    }
    let file = month_file(dir.path());
    let backups = Layout::new(dir.path()).backups_dir();
    for n in 1..=BACKUPS_KEPT {
        let path = backup_path(&backups, &file, n);
        let backup: MonthFile = parse(&fs::read(&path).unwrap(), &path).unwrap();
        assert_eq!(saved_number(&backup), 7 - n, "backup {n}");
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    assert!(!backup_path(&backups, &file, BACKUPS_KEPT + 1).exists());
    // Restoring, as the README says: copy the backup over the file.
    drop(journal);
    fs::copy(backup_path(&backups, &file, 2), &file).unwrap();
    assert_eq!(saved_number(&read_month(dir.path())), 5);
}

/// Prints the cost of one save with its backup and fsyncs (see the report); the bound is
/// loose so that a slow shared machine does not fail it, the printed number is the measure.
#[test]
fn a_save_with_its_backup_stays_cheap() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = writable(dir.path());
    journal
        .edit_day(DAY, |entry| entry.write_note("a typical day"))
        .unwrap();
    let rounds = 50;
    let started = Instant::now();
    for k in 0..rounds {
        journal
            .edit_day(DAY.yesterday().unwrap(), |entry| {
                set_water(entry, k % 8 + 1);
            })
            .unwrap();
    }
    let each = started.elapsed() / rounds as u32;
    eprintln!("one save incl. backup and fsync: {each:?}");
    assert!(each < Duration::from_millis(50), "{each:?}");
}

#[test]
fn a_second_writer_works_beside_the_first_and_a_reader_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = writable(dir.path());
    let layout = Layout::new(dir.path());
    // No lock is held between changes: a second writer opens at once, and both save.
    let mut second = Journal::open_writable(layout.clone(), Duration::ZERO).unwrap();
    first
        .edit_day(DAY, |e| e.push_tick("water", stamp()))
        .unwrap();
    second
        .edit_day(DAY, |e| e.push_tick("water", stamp()))
        .unwrap();
    first
        .edit_day(DAY, |e| e.push_tick("water", stamp()))
        .unwrap();
    assert_eq!(read_month(dir.path()).days[&DAY].count("water"), 3);
    // Reading is possible, writing through a read-only journal is refused.
    let mut reader = Journal::open(layout).unwrap();
    let before = snapshot(dir.path());
    assert!(reader.edit_day(DAY, |e| e.write_note("clobber")).is_err());
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_writer_waits_while_another_is_in_the_middle_of_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = writable(dir.path());
    let held = aftercare::journal::JournalLock::acquire(dir.path(), Duration::ZERO).unwrap();
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        drop(held);
    });
    let started = Instant::now();
    save_number(&mut journal, 1);
    assert!(started.elapsed() >= Duration::from_millis(250));
    assert!(started.elapsed() < COMMAND_LOCK_WAIT);
    releaser.join().unwrap();
}

/// Replaces the month file as Syncthing does: new file, renamed over, mtime kept.
fn edit_behind_the_apps_back(dir: &Path, edit: impl FnOnce(&mut MonthFile)) {
    let path = month_file(dir);
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    let mut file = read_month(dir);
    edit(&mut file);
    let text = ron::ser::to_string_pretty(&file, aftercare::journal::pretty_config()).unwrap();
    let temporary = dir.join("syncthing.tmp");
    write_with_mtime(&temporary, &text, mtime);
    fs::rename(&temporary, &path).unwrap();
}

/// Writes `text` to `path` in place, then sets its mtime back, as some sync tools do.
fn write_with_mtime(path: &Path, text: &str, mtime: std::time::SystemTime) {
    fs::write(path, text).unwrap();
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(mtime).unwrap();
}

#[test]
fn a_change_made_on_disk_is_kept_when_the_app_saves() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = writable(dir.path());
    let other_day = DAY.yesterday().unwrap();
    journal.edit_day(DAY, |e| e.write_note("ours 1")).unwrap();
    edit_behind_the_apps_back(dir.path(), |file| {
        file.days
            .entry(other_day)
            .or_default()
            .write_note("from the laptop");
        file.days
            .get_mut(&DAY)
            .unwrap()
            .write_note("theirs, same day");
    });
    journal.edit_day(DAY, |e| e.write_note("ours 2")).unwrap();
    let on_disk = read_month(dir.path());
    assert_eq!(on_disk.days[&other_day].note(), "from the laptop");
    // Our note replaces the note as it was on disk when we saved.
    assert_eq!(on_disk.days[&DAY].note(), "ours 2");
    assert_eq!(journal.day(other_day).unwrap().note(), "from the laptop");
}

#[test]
fn an_edit_in_place_with_the_same_size_and_mtime_is_still_noticed() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = writable(dir.path());
    let other_day = DAY.yesterday().unwrap();
    journal
        .edit_day(other_day, |e| e.write_note("aaaa"))
        .unwrap();
    let path = month_file(dir.path());
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    let text = fs::read_to_string(&path).unwrap().replace("aaaa", "bbbb");
    write_with_mtime(&path, &text, mtime);
    journal.edit_day(DAY, |e| e.write_note("ours")).unwrap();
    assert_eq!(read_month(dir.path()).days[&other_day].note(), "bbbb");
}

#[test]
fn a_file_broken_on_disk_is_not_overwritten_and_the_change_waits() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = writable(dir.path());
    journal.edit_day(DAY, |e| e.write_note("first")).unwrap();
    let path = month_file(dir.path());
    let good = fs::read_to_string(&path).unwrap();
    fs::write(&path, "(version: 1, month: \"2027-03\", days: {").unwrap();
    let before = fs::read(&path).unwrap();
    let err = journal
        .edit_day(DAY, |e| e.write_note("second"))
        .unwrap_err();
    assert!(err.to_string().contains("2027-03.ron:1:"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(journal.has_unsaved_changes());
    fs::write(&path, good).unwrap(); // the patient fixes the file
    journal.save().unwrap();
    assert_eq!(read_month(dir.path()).days[&DAY].note(), "second");
}

const TREATED: &str = "2027-03-13T10:00:00-04:00";
const MORNING: &str = "2027-03-14T09:00:00[America/New_York]";

fn status_error(app: &aftercare::tui::app::App) -> String {
    let status = app.status().expect("a status line");
    assert!(status.is_error, "an error status: {}", status.text);
    status.text.clone()
}

#[test]
fn app_keeps_changes_in_memory_while_the_days_folder_cannot_be_written() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _clock) = app(dir.path(), TREATED, MORNING);
    select(&mut app, "water");
    app.update(Action::Press);
    let days = dir.path().join("days");
    fs::rename(&days, dir.path().join("days.away")).unwrap();
    fs::write(&days, "a file where the folder was").unwrap();

    app.update(Action::Press);
    app.update(Action::Press);
    assert_eq!(count(&app, "water"), 3, "shown from memory");
    assert!(status_error(&app).contains("Not saved") || app.journal().has_unsaved_changes());
    app.update(Action::Down); // an unrelated key must not hide that it is not saved
    assert!(
        status_error(&app).contains("Not saved yet"),
        "{:?}",
        app.status()
    );
    app.update(Action::Quit);
    assert!(
        !app.should_quit(),
        "quitting with unsaved changes asks first"
    );

    fs::remove_file(&days).unwrap();
    fs::rename(dir.path().join("days.away"), &days).unwrap();
    app.update(Action::Tick);
    assert!(!app.journal().has_unsaved_changes());
    assert_eq!(read_month(dir.path()).days[&DAY].count("water"), 3);
    app.update(Action::Quit);
    assert!(app.should_quit());
}

#[test]
fn app_survives_a_journal_file_replaced_by_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _clock) = app(dir.path(), TREATED, MORNING);
    select(&mut app, "water");
    app.update(Action::Press);
    let path = month_file(dir.path());
    fs::remove_file(&path).unwrap();
    fs::create_dir(&path).unwrap();
    app.update(Action::Press);
    assert!(status_error(&app).contains("2027-03.ron"));
    assert_eq!(count(&app, "water"), 2);
    fs::remove_dir(&path).unwrap();
    app.update(Action::Press);
    assert!(!app.journal().has_unsaved_changes());
    assert_eq!(read_month(dir.path()).days[&DAY].count("water"), 3);
}

#[test]
fn a_vanished_journal_folder_is_not_recreated_and_nothing_is_lost() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("journal");
    let (mut app, _clock) = app(&dir, TREATED, MORNING);
    select(&mut app, "water");
    let away = parent.path().join("unmounted");
    fs::rename(&dir, &away).unwrap();
    app.update(Action::Press);
    assert!(status_error(&app).contains("journal folder is gone"));
    assert!(!dir.exists(), "a vanished folder is not recreated");
    app.update(Action::Tick);
    assert!(!dir.exists());
    fs::rename(&away, &dir).unwrap();
    app.update(Action::Tick);
    assert!(!app.journal().has_unsaved_changes());
    assert_eq!(read_month(&dir).days[&DAY].count("water"), 1);
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn journal_backups_and_lock_are_private() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("aftercare");
    fs::create_dir(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    let (mut app, _clock) = app(&dir, TREATED, MORNING);
    let path = month_file(&dir);
    select(&mut app, "water");
    app.update(Action::Press);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap(); // a hand edit
    app.update(Action::Press);
    let backups = Layout::new(&dir).backups_dir();
    assert_eq!(
        mode(&dir),
        0o755,
        "a folder aftercare did not create is left as it is"
    );
    assert_eq!(mode(&dir.join("days")), 0o700);
    assert_eq!(mode(&backups), 0o700);
    for file in [
        Layout::new(&dir).treatments(),
        path.clone(),
        dir.join(".lock"),
        backup_path(&backups, &path, 1),
    ] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
}
