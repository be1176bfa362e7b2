//! Issue 11, hostile files and environments: one test per row of its table. Each ends as
//! "a clear one-line error, exit ≠ 0 or a safe result, nothing lost, nothing outside the
//! journal touched". The binary runs in a throwaway home (see `cli_support`), under
//! `timeout` wherever today's main hung, so a regression fails instead of hanging CI.

mod cli_support;
mod common;
mod pty_support;

use std::fs;
use std::os::unix::fs::{PermissionsExt as _, symlink};
use std::os::unix::process::CommandExt as _;
use std::path::Path;
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use aftercare::journal::{Journal, Layout};
use cli_support::{Run, Sandbox, run_command};

const BIN: &str = env!("CARGO_BIN_EXE_aftercare");

/// A treatment well in the past, and the month file it makes.
const TREATED: &str = "2026-03-10 09:00";
const MONTH: &str = "2026-03";

fn mode(path: &Path) -> u32 {
    fs::symlink_metadata(path).unwrap().permissions().mode() & 0o7777
}

/// `aftercare ARGS` killed after 10 s (exit 124 then, as `timeout` says it): a hang fails
/// the test.
fn run_limited(sandbox: &Sandbox, args: &[&str]) -> Run {
    let mut command = sandbox.command_in("UTC", args);
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let child = command.spawn().expect("the binary runs");
    let pid = child.id();
    let (done, output) = mpsc::channel();
    std::thread::spawn(move || done.send(child.wait_with_output()));
    let (output, code) = match output.recv_timeout(Duration::from_secs(10)) {
        Ok(output) => {
            let output = output.expect("the binary runs");
            let code = output.status.code().expect("exited, not killed");
            (output, code)
        }
        Err(_) => {
            // SAFETY: a plain signal to our own child, not yet waited for.
            unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
            (output.recv().unwrap().expect("the binary was killed"), 124)
        }
    };
    Run {
        code,
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

/// A journal with one treatment and one tick, written by the binary itself.
fn sandbox_with_journal() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.ok(&["treatment", "add", "--at", TREATED, "--area", "face"]);
    sandbox.ok(&["tick", "water", "--date", "2026-03-11"]);
    sandbox
}

fn mkfifo(path: &Path) {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).unwrap();
    }
    let _ = fs::remove_file(path);
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C string for the duration of the call.
    let made = unsafe { libc::mkfifo(name.as_ptr(), 0o600) };
    assert_eq!(made, 0, "mkfifo {}", path.display());
}

fn one_line_failure(run: &Run, names: &str) {
    assert_ne!(run.code, 124, "hung: {}", run.stderr);
    assert_eq!(
        run.code, 1,
        "stdout {:?} stderr {:?}",
        run.stdout, run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "one line: {:?}", run.stderr);
    assert!(run.stderr.contains(names), "{:?} names {names}", run.stderr);
}

// Row 1: FIFOs where a journal file, the plan or a backup should be.
#[test]
fn row_01_fifos_are_refused_at_once() {
    let sandbox = sandbox_with_journal();
    let month = sandbox.month_file(MONTH);
    fs::remove_file(&month).unwrap();
    mkfifo(&month);
    let run = run_limited(&sandbox, &["export"]);
    one_line_failure(&run, "named pipe");
    fs::remove_file(&month).unwrap();

    let treatments = sandbox.journal_dir().join("treatments.ron");
    let saved = fs::read(&treatments).unwrap();
    fs::remove_file(&treatments).unwrap();
    mkfifo(&treatments);
    one_line_failure(&run_limited(&sandbox, &["status"]), "treatments.ron");
    one_line_failure(
        &run_limited(&sandbox, &["tick", "water", "--date", "2026-03-11"]),
        "named pipe",
    );
    fs::remove_file(&treatments).unwrap();
    fs::write(&treatments, saved).unwrap();

    mkfifo(&sandbox.plan_path());
    one_line_failure(&run_limited(&sandbox, &["plan"]), "care-plan.ron");
    fs::remove_file(sandbox.plan_path()).unwrap();
}

// Row 2: the plan a symlink to /dev/zero, or a 2 GB sparse file: refused, not read.
#[test]
fn row_02_dev_zero_and_huge_sparse_files_are_refused_unread() {
    let sandbox = sandbox_with_journal();
    fs::create_dir_all(sandbox.plan_path().parent().unwrap()).unwrap();
    symlink("/dev/zero", sandbox.plan_path()).unwrap();
    one_line_failure(&run_limited(&sandbox, &["status"]), "symbolic link");
    fs::remove_file(sandbox.plan_path()).unwrap();

    let file = fs::File::create(sandbox.plan_path()).unwrap();
    file.set_len(2 << 30).unwrap();
    let run = run_limited(&sandbox, &["status"]);
    one_line_failure(&run, "larger than aftercare reads");
    fs::remove_file(sandbox.plan_path()).unwrap();

    let month = sandbox.month_file(MONTH);
    fs::remove_file(&month).unwrap();
    symlink("/dev/zero", &month).unwrap();
    one_line_failure(&run_limited(&sandbox, &["export"]), "symbolic link");
}

// Row 5: exports and `plan --init` are owner-only whatever the umask; an export over a
// symlink replaces the link and leaves its target alone.
#[test]
fn row_05_exports_and_plan_init_are_private_under_umask_000() {
    let sandbox = sandbox_with_journal();
    let home = sandbox.home.path();
    let run = sandbox.shell(&format!(
        "umask 000; cd '{}' && '{BIN}' export -o report.md && '{BIN}' export --format csv -o report.csv && '{BIN}' plan --init",
        home.display()
    ));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(mode(&home.join("report.md")), 0o600);
    assert_eq!(mode(&home.join("report.csv")), 0o600);
    assert_eq!(mode(&sandbox.plan_path()), 0o600);

    let other = home.join("other.txt");
    fs::write(&other, "mine").unwrap();
    fs::set_permissions(&other, fs::Permissions::from_mode(0o644)).unwrap();
    let link = home.join("linked.md");
    symlink(&other, &link).unwrap();
    let run = sandbox.shell(&format!(
        "umask 000; '{BIN}' export -o '{}'",
        link.display()
    ));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(fs::read_to_string(&other).unwrap(), "mine");
    assert_eq!(mode(&other), 0o644);
    assert!(fs::symlink_metadata(&link).unwrap().is_file());
    assert_eq!(mode(&link), 0o600);

    // `plan --init` never writes through a symlink (even a dangling one).
    fs::remove_file(sandbox.plan_path()).unwrap();
    symlink(home.join("elsewhere.ron"), sandbox.plan_path()).unwrap();
    let run = sandbox.run(&["plan", "--init"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(!home.join("elsewhere.ron").exists());
}

// Row 6: an existing shared folder keeps its mode; the patient is warned in one line.
#[test]
fn row_06_an_existing_shared_folder_keeps_its_mode_and_is_named() {
    let sandbox = Sandbox::new();
    let shared = sandbox.home.path().join("shared");
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o1777)).unwrap();
    let journal = shared.to_str().unwrap();
    let run = sandbox.run(&["--journal", journal, "note", "--date", "2026-03-11", "hi"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(mode(&shared), 0o1777, "sticky bit and mode kept");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("other users can open"),
        "{}",
        run.stderr
    );

    // Through a symlink: the target is not changed either.
    let target = sandbox.home.path().join("target");
    fs::create_dir(&target).unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o755)).unwrap();
    let link = sandbox.home.path().join("link");
    symlink(&target, &link).unwrap();
    let run = sandbox.run(&["--journal", link.to_str().unwrap(), "note", "hi"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(mode(&target), 0o755);

    // A folder aftercare creates is private, and then there is nothing to warn about.
    let run = sandbox.run(&["note", "hi"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(mode(&sandbox.journal_dir()), 0o700);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

// Row 9: a key twice in one map is refused where it is, not silently dropped.
#[test]
fn row_09_duplicate_keys_are_refused_at_their_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("treatments.ron"),
        r#"(version: 1, treatments: [(at: "2026-03-10T09:00:00Z", area: "face")])"#,
    )
    .unwrap();
    fs::create_dir(dir.path().join("days")).unwrap();
    let month = dir.path().join("days/2026-03.ron");
    let texts = [
        (
            "(version: 1, month: \"2026-03\", days: {\n  \"2026-03-11\": (note: \"first\"),\n  \"2026-03-11\": (note: \"second\"),\n})",
            "2026-03.ron:3:3:",
        ),
        (
            "(version: 1, month: \"2026-03\", days: {\n  \"2026-03-11\": (ticks: {\"water\": [\"2026-03-11T09:00:00Z\"], \"water\": []}),\n})",
            "2026-03.ron:2:61:",
        ),
    ];
    for (text, at) in texts {
        fs::write(&month, text).unwrap();
        let mut journal = Journal::open(Layout::new(dir.path())).unwrap();
        let err = journal
            .load_month("2026-03".parse().unwrap())
            .unwrap_err()
            .to_string();
        assert!(err.contains(at), "{err} should contain {at}");
        assert!(err.contains("twice"), "{err}");
        assert_eq!(fs::read_to_string(&month).unwrap(), text, "left as it was");
    }
}

// Row 11: no controlling terminal (cron, ssh without -t): a one-line refusal, exit 2,
// nothing on stdout, nothing created.
#[test]
fn row_11_no_terminal_is_a_clear_refusal() {
    let sandbox = Sandbox::new();
    let mut command = sandbox.command_in("UTC", &[]);
    // A session of its own, as cron or `ssh` without `-t` starts it: no controlling terminal.
    // SAFETY: setsid is async-signal-safe, the only call between fork and exec.
    unsafe {
        command.pre_exec(|| match libc::setsid() {
            -1 => Err(std::io::Error::last_os_error()),
            _ => Ok(()),
        });
    }
    command.stdin(Stdio::null());
    let output = command.output().expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(output.stdout.is_empty(), "{:?}", output.stdout);
    assert_eq!(
        stderr.trim_end(),
        "aftercare needs a terminal; try `aftercare status` (no terminal is attached)"
    );
    assert!(!stderr.contains("panicked"));
    assert!(!sandbox.journal_dir().exists(), "nothing created");
}

// Row 12: inside a terminal, but stdout into a file: refused, the file stays empty.
#[test]
fn row_12_stdout_into_a_file_is_refused_not_filled_with_screens() {
    let sandbox = Sandbox::new();
    let out = sandbox.home.path().join("screen.txt");
    // On a pseudo-terminal (its controlling terminal), its output sent to a file.
    let line = format!("'{BIN}' > '{}' 2>&1", out.display());
    let env = pty_support::clean_env(sandbox.home.path());
    let mut app = pty_support::Pty::spawn("/bin/sh", &["-c", &line], &env, (80, 24));
    assert_eq!(app.exit_code(), Some(2), "{}", app.screen());
    let written = fs::read_to_string(&out).unwrap();
    assert_eq!(
        written.trim_end(),
        "aftercare needs a terminal; try `aftercare status` (its output goes to a file or a pipe, not to the screen)"
    );
}

// Row 13: plan values the old validator accepted and the app could not compute with.
#[test]
fn row_13_out_of_bound_plan_values_are_refused_where_they_are() {
    let sandbox = sandbox_with_journal();
    fs::create_dir_all(sandbox.plan_path().parent().unwrap()).unwrap();
    let builtin = aftercare::journal::format::plan::BUILTIN_PLAN;
    let long_label = format!("label: \"{}\"", "x".repeat(70_000));
    let cases = [
        builtin.replacen("to_days: ", "to_days: 99999999, //", 1),
        builtin.replacen("to: Some(14)", "to: Some(4294967295)", 1),
        builtin.replacen("label: \"Glasses of water\"", &long_label, 1),
        builtin.replacen("hours: ", "hours: 4000000000, //", 1),
        builtin.replacen("target: 8", "target: 4000000000", 1),
    ];
    for text in cases {
        assert_ne!(text, builtin, "the case changes the plan");
        fs::write(sandbox.plan_path(), &text).unwrap();
        for args in [&["status"][..], &["export"], &["plan"]] {
            let run = sandbox.run(args);
            assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
            assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
            let path = sandbox.plan_path().display().to_string();
            let rest = run.stderr.split(&format!("{path}:")).nth(1).unwrap_or("");
            let mut fields = rest.split(':');
            assert!(
                fields.next().unwrap_or("").parse::<u32>().is_ok()
                    && fields.next().unwrap_or("").parse::<u32>().is_ok(),
                "file:line:column in {}",
                run.stderr
            );
        }
        let err = aftercare::journal::format::plan::parse(&text, Path::new("p.ron")).unwrap_err();
        assert!(err.position.is_some(), "{err}");
    }
}

// Row 15: a change that was saved exits 0 even when its output cannot be written.
#[test]
fn row_15_a_saved_tick_exits_0_when_stdout_is_full() {
    let sandbox = sandbox_with_journal();
    let run = sandbox.shell(&format!("'{BIN}' tick water --date 2026-03-12 > /dev/full"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("saved, but the output could not be written"),
        "{}",
        run.stderr
    );
    let month = fs::read_to_string(sandbox.month_file(MONTH)).unwrap();
    assert!(month.contains("2026-03-12"), "{month}");
    // A command that only reads still fails when its output does.
    let run = sandbox.shell(&format!("'{BIN}' status > /dev/full"));
    assert_eq!(run.code, 1, "{}", run.stderr);
}

// Row 16: escape sequences in user text never reach the terminal, from the CLI or the app.
#[test]
fn row_16_control_characters_in_user_text_are_stripped_everywhere() {
    let sandbox = Sandbox::new();
    let evil = "cheek\u{1b}]2;pwned\u{7}\u{9b}31m\r";
    sandbox.ok(&[
        "treatment",
        "add",
        "--at",
        TREATED,
        "--area",
        evil,
        "--note",
        evil,
    ]);
    sandbox.ok(&["note", "--date", "2026-03-11", evil]);
    for args in [
        &["treatment", "list"][..],
        &["status"],
        &["export"],
        &["export", "--format", "csv"],
    ] {
        let out = sandbox.command_in("UTC", args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let bad: Vec<u8> = out
            .stdout
            .iter()
            .copied()
            .filter(|b| b.is_ascii_control() && *b != b'\n')
            .collect();
        assert!(bad.is_empty(), "{args:?} printed control bytes {bad:?}");
        assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{9b}'));
    }

    // Error messages quoting what was typed are cleaned too.
    let out = sandbox
        .command_in("UTC", &["tick", "wat\u{1b}]2;pwned\u{7}er"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        !out.stderr
            .iter()
            .any(|b| b.is_ascii_control() && *b != b'\n'),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The app: a plan label holding escape sequences (a hand-edited plan) is drawn with
    // every cell free of control characters.
    let plan_text = aftercare::journal::format::plan::BUILTIN_PLAN.replacen(
        "Glasses of water",
        "Glasses\u{1b}]2;pwned\u{7} of water\u{1b}[2J",
        1,
    );
    let plan = aftercare::journal::format::plan::parse(&plan_text, Path::new("p.ron")).unwrap();
    let journal =
        Journal::open_writable(Layout::new(sandbox.journal_dir()), Duration::ZERO).unwrap();
    let clock = aftercare::domain::time::FixedClock::at("2026-03-11T12:00:00[UTC]");
    let app = aftercare::tui::app::App::new(
        plan,
        aftercare::domain::plan::PlanSource::BuiltIn,
        journal,
        Box::new(clock),
    )
    .unwrap();
    let terminal = common::screen::render(&app, 80, 24);
    let text = common::screen::screen_text(&terminal);
    assert!(text.contains("Glasses]2;pwned of water[2J"), "{text}");
    for cell in &terminal.backend().buffer().content {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "control character in a cell: {:?}",
            cell.symbol()
        );
    }
}

// Row 17: a treatment recorded in Tokyo, looked at the evening before (local date) in Los
// Angeles, 2 h after it happened: it is today's treatment, its restrictions hold.
#[test]
fn row_17_todays_treatment_is_found_by_instant() {
    use aftercare::cli::status::Status;
    let dir = tempfile::tempdir().unwrap();
    let mut journal = common::journal(dir.path(), "2026-11-26T10:00:00+09:00");
    let now: jiff::ZonedDateTime = "2026-11-25T19:00:00[America/Los_Angeles]".parse().unwrap();
    let status = Status::at(aftercare::journal::builtin_plan(), &mut journal, &now).unwrap();
    assert_eq!(status.day, Some(0));
    assert!(status.treatment_at.is_some());
    assert!(!status.items.is_empty());
    assert!(
        status
            .restrictions
            .iter()
            .any(|r| !r.lifted && r.seconds_left > 20 * 3600),
        "{:?}",
        status.restrictions
    );
    drop(journal);
    // Waits for the lock: a child process forked by a parallel test may hold a copy of the
    // lock's descriptor until it execs.
    let journal = Journal::open_writable(Layout::new(dir.path()), Duration::from_secs(5)).unwrap();
    let app = aftercare::tui::app::App::new(
        aftercare::journal::builtin_plan().clone(),
        aftercare::domain::plan::PlanSource::BuiltIn,
        journal,
        Box::new(aftercare::domain::time::FixedClock::at(
            "2026-11-25T19:00:00[America/Los_Angeles]",
        )),
    )
    .unwrap();
    assert_eq!(app.day_number(), Some(0));
}

// Row 18: every refusal of a bad file names file:line:column.
#[test]
fn row_18_bom_bad_bytes_and_duplicate_plan_ids_are_placed() {
    let path = Path::new("days/2027-03.ron");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(br#"(version: 1, month: "2027-03", days: {})"#);
    let err = aftercare::journal::parse::<aftercare::journal::MonthFile>(&bom, path)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("days/2027-03.ron:1:1: "), "{err}");
    assert!(err.contains("byte-order mark"), "{err}");

    let bad = b"(version: 1,\n month: \"2027-\xff03\", days: {})";
    let err = aftercare::journal::parse::<aftercare::journal::MonthFile>(bad, path)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("days/2027-03.ron:2:15: "), "{err}");

    let builtin = aftercare::journal::format::plan::BUILTIN_PLAN;
    let twice = builtin.replacen("id: \"moisturiser\"", "id: \"water\"", 1);
    let err = aftercare::journal::format::plan::parse(&twice, Path::new("p.ron")).unwrap_err();
    let line = twice[..twice.find("id: \"water\"").unwrap()]
        .matches('\n')
        .count()
        + 1;
    let second = twice.match_indices("\"water\"").nth(1).unwrap().0;
    let second_line = twice[..second].matches('\n').count() + 1;
    assert!(second_line > line);
    assert_eq!(err.position.map(|p| p.0), Some(second_line), "{err}");
    assert!(err.to_string().contains("used twice"), "{err}");
}

// Row 19: a local time skipped or repeated by a DST change is refused with what to type.
#[test]
fn row_19_impossible_and_ambiguous_local_times_are_refused() {
    let sandbox = Sandbox::new();
    let run = run_command(sandbox.command_in(
        "America/New_York",
        &["treatment", "add", "--at", "2026-03-08 02:30"],
    ));
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains("does not exist in America/New_York"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("2026-03-08 01:30 or 2026-03-08 03:30"),
        "{}",
        run.stderr
    );
    assert!(!sandbox.journal_dir().join("treatments.ron").exists());

    let run = run_command(sandbox.command_in(
        "America/New_York",
        &["treatment", "add", "--at", "2025-11-02 01:30"],
    ));
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("happened twice"), "{}", run.stderr);
    let run = run_command(sandbox.command_in(
        "America/New_York",
        &["treatment", "add", "--at", "2025-11-02 01:30 -05:00"],
    ));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("2025-11-02 01:30 (-05:00)"),
        "{}",
        run.stdout
    );
}

// Row 7: the user's own dotfiles and other tools' temporaries in `days/` are not swept.
#[test]
fn row_07_only_our_own_temporaries_are_swept() {
    let sandbox = sandbox_with_journal();
    let days = sandbox.journal_dir().join("days");
    let theirs = [
        ".2026-03.ron.backup",
        ".2026-03.ron.Xy12Ab",
        ".2026-03.ron.swp",
    ];
    for name in theirs {
        fs::write(days.join(name), "mine").unwrap();
    }
    let ours = days.join(".aftercare-4242-0123456789abcdef.tmp");
    fs::write(&ours, "torn").unwrap();
    sandbox.ok(&["tick", "water", "--date", "2026-03-12"]);
    for name in theirs {
        assert_eq!(
            fs::read_to_string(days.join(name)).unwrap(),
            "mine",
            "{name}"
        );
    }
    assert!(
        !ours.exists(),
        "a temporary of ours left by a crash is swept"
    );
}

// Row 10: a change that would make a file larger than the loader reads is refused, and
// the journal still opens.
#[test]
fn row_10_a_file_too_large_to_load_again_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal =
        Journal::open_writable(Layout::new(dir.path()), Duration::from_secs(5)).unwrap();
    let date = jiff::civil::date(2026, 3, 11);
    journal.edit_day(date, |day| day.write_note("ok")).unwrap();
    let month = dir.path().join("days/2026-03.ron");
    let before = fs::read(&month).unwrap();
    let huge = "x".repeat(aftercare::journal::MAX_FILE_BYTES as usize);
    let err = journal
        .edit_day(date, |day| day.write_note(&huge))
        .unwrap_err()
        .to_string();
    assert!(err.contains("larger than aftercare reads"), "{err}");
    assert_eq!(
        fs::read(&month).unwrap(),
        before,
        "the file on disk is unchanged"
    );
    drop(journal);
    let mut again = Journal::open(Layout::new(dir.path())).unwrap();
    let file = again
        .load_month(aftercare::journal::Month::of(date))
        .unwrap();
    assert_eq!(file.days[&date].note(), "ok");

    // Where the patient types, the limit is met long before: a clear refusal, exit 2.
    let sandbox = sandbox_with_journal();
    let long = "x".repeat(aftercare::journal::care::MAX_NOTE_CHARS + 1);
    let run = sandbox.run(&["note", "--date", "2026-03-11", &long]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("at most 20000 fit"), "{}", run.stderr);
}

// Row 3: `.lock` a symlink to another file of the user: refused, that file untouched.
#[test]
fn row_03_a_symlinked_lock_is_refused_and_its_target_untouched() {
    let sandbox = sandbox_with_journal();
    let other = sandbox.home.path().join("thesis.txt");
    fs::write(&other, "my thesis").unwrap();
    let lock = sandbox.journal_dir().join(".lock");
    fs::remove_file(&lock).unwrap();
    symlink(&other, &lock).unwrap();
    let run = run_limited(&sandbox, &["tick", "water", "--date", "2026-03-12"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stderr.contains("symbolic link"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&other).unwrap(), "my thesis");
}

// Row 4: `backups/.incoming` (or any name in backups/) a symlink: never written through.
#[test]
fn row_04_a_symlink_in_backups_is_never_written_through() {
    let sandbox = sandbox_with_journal();
    let backups = sandbox.journal_dir().join("backups");
    fs::create_dir_all(&backups).unwrap();
    let other = sandbox.home.path().join("notes.txt");
    fs::write(&other, "mine").unwrap();
    fs::set_permissions(&other, fs::Permissions::from_mode(0o644)).unwrap();
    for name in [".incoming", "2026-03.1.ron"] {
        let _ = fs::remove_file(backups.join(name));
        symlink(&other, backups.join(name)).unwrap();
    }
    sandbox.ok(&["tick", "water", "--date", "2026-03-12"]);
    sandbox.ok(&["tick", "water", "--date", "2026-03-13"]);
    assert_eq!(fs::read_to_string(&other).unwrap(), "mine");
    assert_eq!(mode(&other), 0o644);
    let newest = backups.join("2026-03.1.ron");
    assert!(fs::symlink_metadata(&newest).unwrap().is_file());
    assert_eq!(mode(&newest), 0o600);
}

// Rows 1 and 2 for backups: a FIFO or /dev/zero where the newest backup is.
#[test]
fn row_01_02_a_fifo_or_dev_zero_among_the_backups_does_not_hang_a_save() {
    let sandbox = sandbox_with_journal();
    let backups = sandbox.journal_dir().join("backups");
    fs::create_dir_all(&backups).unwrap();
    let newest = backups.join("2026-03.1.ron");
    let _ = fs::remove_file(&newest);
    mkfifo(&newest);
    let run = run_limited(&sandbox, &["tick", "water", "--date", "2026-03-12"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let _ = fs::remove_file(&newest);
    symlink("/dev/zero", &newest).unwrap();
    let run = run_limited(&sandbox, &["tick", "water", "--date", "2026-03-13"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let month = fs::read_to_string(sandbox.month_file(MONTH)).unwrap();
    assert!(month.contains("2026-03-13"), "{month}");
}

// Row 8: the journal folder replaced under the open app (an unmounted disk leaves an empty
// mount point; a deleted folder recreated): nothing is written there, the change waits and
// is saved once the folder is back.
#[test]
fn row_08_a_vanished_journal_folder_is_never_written_elsewhere() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("journal");
    let mut journal = Journal::open_writable(Layout::new(&dir), Duration::from_secs(5)).unwrap();
    let date = jiff::civil::date(2026, 3, 11);
    journal
        .edit_day(date, |day| day.write_note("before"))
        .unwrap();

    let away = parent.path().join("unmounted");
    fs::rename(&dir, &away).unwrap();
    fs::create_dir(&dir).unwrap(); // the empty mount point
    let err = journal
        .edit_day(date, |day| day.write_note("during"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("Not saved: the journal folder is gone or was unmounted"),
        "{err}"
    );
    assert_eq!(
        fs::read_dir(&dir).unwrap().count(),
        0,
        "nothing written on the mount point"
    );
    assert!(journal.has_unsaved_changes());

    fs::remove_dir(&dir).unwrap();
    fs::rename(&away, &dir).unwrap(); // remounted
    journal.save().unwrap();
    drop(journal);
    let mut again = Journal::open(Layout::new(&dir)).unwrap();
    let file = again
        .load_month(aftercare::journal::Month::of(date))
        .unwrap();
    assert_eq!(file.days[&date].note(), "during");
}

// Row 14: saves retried while the disk is full never rotate a backup out. The full disk is
// made real with a file-size limit (`ulimit -f`, as in tests/full_disk.rs): every write of
// a file over 1 KiB fails with "File too large".
#[test]
fn row_14_failed_saves_shift_no_backup_out() {
    let sandbox = sandbox_with_journal();
    sandbox.ok(&["tick", "water", "--date", "2026-03-11", "--count", "40"]);
    for day in 12..=17 {
        sandbox.ok(&["tick", "water", "--date", &format!("2026-03-{day}")]);
    }
    let backups = sandbox.journal_dir().join("backups");
    let listing = || {
        let mut files: Vec<(String, String)> = fs::read_dir(&backups)
            .unwrap()
            .map(|e| e.unwrap())
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    fs::read_to_string(e.path()).unwrap(),
                )
            })
            .filter(|(name, _)| name.starts_with(MONTH))
            .collect();
        files.sort();
        files
    };
    let before = listing();
    assert!(
        before.len() >= aftercare::journal::BACKUPS_KEPT,
        "{}",
        before.len()
    );
    assert!(fs::metadata(sandbox.month_file(MONTH)).unwrap().len() > 1024);
    for _ in 0..5 {
        let run = sandbox.shell(&format!(
            "trap '' XFSZ; ulimit -f 1 && exec '{BIN}' tick water --date 2026-03-18"
        ));
        assert_eq!(run.code, 1, "the save fails: {}", run.stderr);
    }
    assert_eq!(listing(), before, "every backup kept, none shifted");
    sandbox.ok(&["tick", "water", "--date", "2026-03-18"]);
}
