//! `aftercare --plain` (issue 27): the daily use as a line-by-line conversation for screen
//! readers and scripts, driven as a patient drives it — the real binary, commands on a
//! pipe or typed on a real pty, real files in a throwaway home.

mod cli_support;
mod pty_support;

use std::io::Write;
use std::process::Stdio;

use cli_support::{Run, Sandbox, days_ago};

fn treated(sandbox: &Sandbox) {
    let at = format!("{} 09:30", days_ago(2));
    sandbox.ok(&["treatment", "add", "--at", &at, "--area", "face"]);
}

/// `aftercare --plain` with `script` on its standard input (a pipe), until it ends.
fn converse(sandbox: &Sandbox, env: &[(&str, &str)], args: &[&str], script: &str) -> Run {
    let mut command = sandbox.command_in("UTC", args);
    command.envs(env.iter().copied());
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("the binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let run = Run {
        code: output.status.code().expect("exited"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8"),
    };
    assert_screen_reader_safe(&run.stdout);
    run
}

fn plain(sandbox: &Sandbox, script: &str) -> Run {
    converse(sandbox, &[], &["--plain"], script)
}

/// No escape byte, no box drawing, block elements or braille: nothing a screen reader
/// reads aloud as a shape.
fn assert_screen_reader_safe(text: &str) {
    assert!(!text.contains('\x1b'), "an escape sequence: {text:?}");
    for c in text.chars() {
        assert!(
            !('\u{2500}'..='\u{259F}').contains(&c) && !('\u{2800}'..='\u{28FF}').contains(&c),
            "{c:?} ({:04X}) in {text}",
            c as u32
        );
    }
}

fn water_done(sandbox: &Sandbox) -> u64 {
    let status: serde_json::Value =
        serde_json::from_str(&sandbox.ok(&["status", "--json"])).unwrap();
    status["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["id"] == "water")
        .unwrap()["done"]
        .as_u64()
        .unwrap()
}

#[test]
fn today_is_a_numbered_checklist_said_at_the_start() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    let run = plain(&sandbox, "");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Day 2 after treatment"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(". Glasses of water: 0 of 8\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.ends_with("Goodbye.\n"),
        "EOF quits: {}",
        run.stdout
    );
}

#[test]
fn ticks_by_number_and_by_id_land_in_the_journal_like_the_cli() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    let opening = plain(&sandbox, "").stdout;
    let line = opening
        .lines()
        .find(|l| l.contains("Glasses of water"))
        .unwrap();
    let number = line.split('.').next().unwrap();
    let script = format!("tick {number}\ntick water\n{number}\nuntick {number}\nquit\n");
    let run = plain(&sandbox, &script);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let cli_words = |count: u32| format!("Glasses of water: {count} of 8 on ");
    for count in [1, 2, 3, 2] {
        assert!(run.stdout.contains(&cli_words(count)), "{}", run.stdout);
    }
    assert_eq!(water_done(&sandbox), 2);
    // The CLI's undo log has them too: the last one is the untick.
    sandbox.ok(&["undo"]);
    assert_eq!(water_done(&sandbox), 3);
}

#[test]
fn alerts_come_first_every_time_today_is_said() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    sandbox.ok(&[
        "symptoms",
        "--redness",
        "1",
        "--swelling",
        "1",
        "--pain",
        "1",
        "--dryness",
        "1",
        "--sign",
        "fever",
    ]);
    let run = plain(&sandbox, "today\n");
    let answers: Vec<&str> = run
        .stdout
        .split("Day 2 after treatment")
        .collect::<Vec<_>>();
    assert_eq!(answers.len(), 3, "said twice: {}", run.stdout);
    for before in &answers[..2] {
        assert!(
            before.contains("Urgent. Call your clinic"),
            "alert before the day: {}",
            run.stdout
        );
    }
}

#[test]
fn alerts_are_said_in_words_and_resolved_in_the_conversation() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    sandbox.ok(&["symptoms", "--sign", "fever"]);
    let run = plain(&sandbox, "alerts\nresolved called\nalerts\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Marks such as "!!" and shell syntax are read aloud as noise: words instead, and the
    // way to resolve is a command of this conversation.
    assert!(!run.stdout.contains('!'), "{}", run.stdout);
    assert!(!run.stdout.contains('`'), "{}", run.stdout);
    assert!(run.stdout.contains("Say resolved called"), "{}", run.stdout);
    assert!(
        run.stdout.contains("Resolved (called the clinic)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.ends_with("No alert stands.\nGoodbye.\n"),
        "{}",
        run.stdout
    );
    assert!(sandbox.ok(&["alerts"]).contains("No alert stands"));
}

#[test]
fn restrictions_say_the_time_left_in_words() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    let run = plain(&sandbox, "restrictions\n");
    assert!(
        run.stdout
            .contains("Restrictions, at least this long; ask your clinic if unsure:\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(" days "), "{}", run.stdout);
    assert!(
        run.stdout.contains("minimum time passed."),
        "{}",
        run.stdout
    );
}

#[test]
fn skin_asks_one_question_a_line_and_saves_one_change() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    let run = plain(&sandbox, "skin\n2\n9\n1\n0\n3\n\nFeels tight\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    for question in [
        "Redness, 0 (none) to 4 (severe)?\n",
        "Swelling, 0 (none) to 4 (severe)?\n",
        "Please answer with a number from 0 to 4.\n",
        "Pain, 0 (none) to 4 (severe)?\n",
        "Dryness, 0 (none) to 4 (severe)?\n",
        "Any warning signs?",
        "A line for today's note? Enter for none.\n",
        " saved.\n",
    ] {
        assert!(run.stdout.contains(question), "{question}: {}", run.stdout);
    }
    let status = sandbox.ok(&["export"]);
    assert!(status.contains("Feels tight"), "{status}");
    // One change: one undo takes back the scores and the note together.
    sandbox.ok(&["undo"]);
    let after = sandbox.ok(&["export"]);
    assert!(!after.contains("Feels tight"), "{after}");
}

#[test]
fn history_counts_items_done_in_the_words_today_uses() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    // One glass of water of eight is not an item done; sunscreen is.
    let run = plain(&sandbox, "tick water\ntick sunscreen\nhistory\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let week: Vec<&str> = run
        .stdout
        .lines()
        .skip_while(|line| !line.starts_with("From "))
        .collect();
    let today = week
        .get(1)
        .unwrap_or_else(|| panic!("no week: {}", run.stdout));
    assert!(today.contains(": 1 of "), "{today}");
    assert!(today.contains(" items done"), "{today}");
    assert!(
        !run.stdout.contains('%'),
        "a share read aloud: {}",
        run.stdout
    );
}

#[test]
fn a_bad_command_gets_one_line_of_help() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    let quiet = plain(&sandbox, "").stdout;
    let run = plain(&sandbox, "dance\n");
    let extra = run.stdout.replacen(&quiet.replace("Goodbye.\n", ""), "", 1);
    assert_eq!(
        extra,
        "I do not know \"dance\". Say help for the commands, or today for the checklist.\nGoodbye.\n"
    );
}

#[test]
fn a_dumb_terminal_and_the_variable_open_the_plain_mode() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    for env in [("TERM", "dumb"), ("AFTERCARE_PLAIN", "1")] {
        let run = converse(&sandbox, &[env], &[], "help\n");
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.contains("plain mode"), "{env:?}: {}", run.stdout);
        assert!(run.stdout.contains("tick 2, tick water"), "{}", run.stdout);
    }
}

#[test]
fn on_a_real_terminal_it_talks_without_escape_sequences() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    let mut pty =
        pty_support::Pty::app_with(sandbox.home.path(), &["TZ=UTC"], &["--plain"], (80, 24));
    pty.wait_for("Glasses of water");
    pty.keys(&["tick water", "Enter"]);
    let screen = pty.wait_for("1 of 8");
    assert!(screen.contains("Glasses of water: 1 of 8"), "{screen}");
    pty.keys(&["quit", "Enter"]);
    assert_eq!(pty.exit_code(), Some(0));
    assert_screen_reader_safe(&pty.transcript());
    assert_eq!(water_done(&sandbox), 1);
}

/// "tick 2" means the second item the patient heard, even when the plan changed since:
/// identities, never positions in a list that moved.
#[test]
fn a_number_means_the_item_heard_at_that_place() {
    use std::io::BufRead;
    let sandbox = Sandbox::new();
    treated(&sandbox);
    let status: serde_json::Value =
        serde_json::from_str(&sandbox.ok(&["status", "--json"])).unwrap();
    let first = status["items"][0]["id"].as_str().unwrap().to_string();
    let mut command = sandbox.command_in("UTC", &["--plain"]);
    command.stdin(Stdio::piped()).stdout(Stdio::piped());
    let mut child = command.spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut heard = String::new();
    while !heard.contains("\n2. Glasses of water") {
        assert_ne!(stdout.read_line(&mut heard).unwrap(), 0, "{heard}");
    }
    // Another terminal takes the first item off the plan: the list moves up by one.
    sandbox.ok(&["plan", "set", &first, "off"]);
    stdin.write_all(b"tick 2\nquit\n").unwrap();
    drop(stdin);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    assert!(child.wait().unwrap().success());
    assert!(rest.contains("Glasses of water: 1 of 8 on "), "{rest}");
    assert_eq!(water_done(&sandbox), 1);
}

/// `TERM=dumb aftercare` on a real terminal opens the plain mode: no escape byte and no
/// shape characters in all it writes, and a tick lands in the journal.
#[test]
fn a_dumb_terminal_opens_the_plain_mode_on_a_pty() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    let mut pty =
        pty_support::Pty::app_with(sandbox.home.path(), &["TZ=UTC", "TERM=dumb"], &[], (80, 24));
    pty.wait_for("plain mode");
    pty.wait_for("Glasses of water");
    pty.keys(&["tick water", "Enter"]);
    pty.wait_for("1 of 8");
    pty.keys(&["history", "Enter"]);
    pty.wait_for("week before");
    pty.keys(&["quit", "Enter"]);
    assert_eq!(pty.exit_code(), Some(0));
    assert_screen_reader_safe(&pty.transcript());
    assert_eq!(water_done(&sandbox), 1);
}

/// `history` says the last week; `more` (or `older`) the week before, then the one before.
#[test]
fn history_says_a_week_then_more_on_request() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date();
    let week_line = |back: i64| {
        today
            .checked_sub(jiff::Span::new().days(back))
            .unwrap()
            .strftime("%A %-d %B %Y")
            .to_string()
    };
    let run = plain(&sandbox, "history\nmore\nolder\n");
    let said = &run.stdout;
    // Today's answer says the date in words too.
    assert!(
        said.contains(&format!("Day 2 after treatment, {}.", week_line(0))),
        "{said}"
    );
    let first = said.find(&format!("{}:", week_line(0))).expect(said);
    let second = said.find(&format!("{}:", week_line(7))).expect(said);
    let third = said.find(&format!("{}:", week_line(14))).expect(said);
    assert!(first < second && second < third, "{said}");
    assert!(!said.contains("I do not know"), "{said}");
    assert_screen_reader_safe(said);
}

/// "no" to the warning signs means none, and `cancel` leaves the questions: the
/// conversation never gets stuck inside `skin`, eating the commands that follow.
#[test]
fn skin_takes_no_for_no_signs_and_cancel_for_a_way_out() {
    let sandbox = Sandbox::new();
    treated(&sandbox);
    let run = plain(&sandbox, "skin\n1\n0\n1\n2\nno\n\nrestrictions\nquit\n");
    assert!(run.stdout.contains("saved."), "{}", run.stdout);
    assert!(!run.stdout.contains("Not a warning sign"), "{}", run.stdout);
    assert!(
        run.stdout.contains("Restrictions, at least"),
        "{}",
        run.stdout
    );
    let report = sandbox.ok(&["export"]);
    assert!(
        report.to_lowercase().contains("moderate"),
        "dryness 2: {report}"
    );

    let run = plain(&sandbox, "skin\n3\ncancel\nrestrictions\nquit\n");
    assert!(run.stdout.contains("Nothing saved."), "{}", run.stdout);
    assert!(
        run.stdout.contains("Restrictions, at least"),
        "{}",
        run.stdout
    );
    let run = plain(&sandbox, "skin\n\n\n\n\nfoo\ncancel\nrestrictions\nquit\n");
    assert!(
        run.stdout.contains("Not a warning sign: foo."),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Restrictions, at least"),
        "{}",
        run.stdout
    );
    // The long list of signs is said once; a wrong name gets a short reminder.
    assert_eq!(
        run.stdout.matches("breathing (").count(),
        1,
        "{}",
        run.stdout
    );
}

/// The manual page tells how to open the plain mode: the option and the variable.
#[test]
fn the_manual_names_the_plain_mode() {
    let sandbox = Sandbox::new();
    let man = sandbox.ok(&["man"]);
    assert!(man.contains("\\-\\-plain"), "{man}");
    assert!(man.contains("AFTERCARE_PLAIN"), "{man}");
    assert!(man.contains("TERM=dumb"), "{man}");
}
