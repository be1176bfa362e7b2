//! Issue 12: the plan follows the dermatologist. Changed from the shell in a few commands,
//! kept as changes over the built-in plan, checked before it is saved, and never a reason
//! to lock the patient out of their journal.

mod cli_support;

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

use aftercare::domain::plan::{CarePlan, ItemKind, PlanSource, Yours};
use aftercare::journal::plan_file;
use aftercare::journal::{Journal, Layout};
use cli_support::Sandbox;

/// The plan file of the first format as `plan --init` wrote it, before origins.
const FIRST_FORMAT: &str = include_str!("data/care-plan-first-format.ron");

/// The first-format plan with the `ice` item cut out, as a patient would after
/// `plan --init`: the exact edit that locked patients out.
fn first_format_without_ice() -> String {
    let start = FIRST_FORMAT
        .find("        (\n            id: \"ice\"")
        .unwrap();
    let end = start + FIRST_FORMAT[start..].find("        ),\n").unwrap() + "        ),\n".len();
    format!("{}{}", &FIRST_FORMAT[..start], &FIRST_FORMAT[end..])
}

fn loaded(sandbox: &Sandbox) -> (CarePlan, PlanSource) {
    plan_file::load(&sandbox.plan_path()).expect("the plan loads")
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Starts the app's state on the sandbox's journal, as `aftercare` does.
fn start_app(sandbox: &Sandbox) -> Result<aftercare::tui::app::App, String> {
    let (plan, source) = plan_file::load(&sandbox.plan_path()).map_err(|e| e.to_string())?;
    let journal = Journal::open_writable(
        Layout::new(sandbox.journal_dir()),
        std::time::Duration::ZERO,
    )
    .map_err(|e| e.to_string())?;
    aftercare::tui::app::App::new(
        plan,
        source,
        journal,
        Box::new(aftercare::clock::SystemClock::new()),
    )
    .map_err(|e| e.to_string())
}

#[test]
fn removing_a_ticked_item_from_the_plan_never_locks_the_patient_out() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["treatment", "add"]);
    sandbox.ok(&["tick", "ice"]);
    std::fs::create_dir_all(sandbox.plan_path().parent().unwrap()).unwrap();
    std::fs::write(sandbox.plan_path(), first_format_without_ice()).unwrap();
    let month_before = std::fs::read_dir(sandbox.journal_dir().join("days"))
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect::<Vec<_>>();

    // Before issue 12 this failed: `has a tick for "ice", which is not an item of the care plan`.
    let app = start_app(&sandbox).expect("the app starts");
    assert!(app.checklist().iter().all(|p| p.item.id != "ice"));
    let former =
        aftercare::domain::recovery::former_ticks(app.plan(), app.journal().day(app.today()));
    assert_eq!(former.len(), 1, "{former:?}");
    assert_eq!(former[0].label, "Ice pack in a soft cloth");
    assert_eq!(former[0].why(), "no longer in your plan");
    assert_eq!(former[0].count, 1);
    // It counts for nothing: nothing else is done, so adherence is zero.
    assert_eq!(
        aftercare::domain::recovery::adherence(&app.checklist()),
        Some(0.0)
    );
    drop(app);

    let csv = sandbox.ok(&["export", "--format", "csv"]);
    assert!(
        csv.contains("Ice pack in a soft cloth (no longer in your plan)"),
        "{csv}"
    );
    let status = sandbox.ok(&["status"]);
    assert!(status.contains("Ice pack in a soft cloth ×1"), "{status}");
    assert!(status.contains("no longer in your plan"), "{status}");
    // Nothing was lost or rewritten.
    let month_after = std::fs::read_dir(sandbox.journal_dir().join("days"))
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect::<Vec<_>>();
    assert_eq!(month_before, month_after);
}

#[test]
fn turning_an_item_off_keeps_its_ticks_and_on_again_brings_them_back() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["treatment", "add"]);
    sandbox.ok(&["tick", "ice"]);
    let out = sandbox.ok(&["plan", "set", "ice", "off"]);
    assert!(out.contains("turned off"), "{out}");
    let (plan, _) = loaded(&sandbox);
    assert!(plan.item("ice").is_none());
    assert_eq!(plan.off_items[0].id, "ice");
    start_app(&sandbox).expect("the app starts");
    let run = sandbox.run(&["tick", "ice"]);
    assert_eq!(run.code, 2, "an item turned off cannot be ticked");

    sandbox.ok(&["plan", "set", "ice", "on"]);
    assert!(loaded(&sandbox).0.item("ice").is_some());
    assert_eq!(
        sandbox.ok(&["plan", "diff"]),
        "No changes: you follow the built-in plan.\n"
    );
    let status = sandbox.ok(&["status"]);
    assert!(
        status
            .lines()
            .any(|line| line.contains("Ice pack in a soft cloth") && line.contains(" 1/3")),
        "{status}"
    );
}

#[test]
fn the_clinic_sheet_in_four_commands() {
    let sandbox = Sandbox::new();
    // The four commands exactly as the README's "Your care plan" shows them.
    let readme = include_str!("../README.md");
    let block = readme
        .split("Four commands:\n\n```sh\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the README shows the four commands");
    let commands: Vec<&str> = block.lines().collect();
    assert_eq!(commands.len(), 4, "{block}");
    for command in commands {
        let line = command
            .strip_prefix("aftercare ")
            .expect("an aftercare command");
        let args = shell_words(line);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        sandbox.ok(&args);
    }

    let (plan, source) = loaded(&sandbox);
    assert_eq!(source, PlanSource::Changes(sandbox.plan_path()));
    assert_eq!(mode(&sandbox.plan_path()), 0o600);
    let makeup = plan.restriction("makeup").unwrap();
    assert_eq!(makeup.hours, 48);
    assert_eq!(makeup.yours, Yours::Changed(vec!["hours".into()]));
    assert!(plan.item("ice").is_none());
    let balm = plan.item("clinic-balm").unwrap();
    assert_eq!(balm.kind, ItemKind::Counted { target: 2 });
    assert_eq!((balm.days.from, balm.days.to), (0, Some(7)));
    assert_eq!(balm.yours, Yours::Added);
    assert_eq!(balm.source(), "your dermatologist");
    assert_eq!(plan.restriction("no-waxing").unwrap().hours, 120);
    // Everything else is the built-in plan, so its corrections keep reaching the patient.
    let builtin = aftercare::journal::builtin_plan().clone();
    assert_eq!(plan.item("water"), builtin.item("water"));

    let text = std::fs::read_to_string(sandbox.plan_path()).unwrap();
    assert!(
        !text.contains("Glasses of water"),
        "only changes are kept:\n{text}"
    );

    let shown = sandbox.ok(&["plan"]);
    assert!(
        shown.contains("YOURS: hours changed (built in: 24 h)"),
        "{shown}"
    );
    assert!(shown.contains("clinic-balm"), "{shown}");
    assert!(shown.contains("Turned off by you"), "{shown}");
    let diff = sandbox.ok(&["plan", "diff"]);
    assert_eq!(diff.lines().count(), 5, "{diff}");
    assert!(diff.contains("24 h → 48 h (2 d)"), "{diff}");
    let shown = readme
        .split("then shows exactly that:\n\n```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the README shows the diff");
    assert_eq!(
        shown.lines().skip(1).collect::<Vec<_>>(),
        diff.lines().skip(1).collect::<Vec<_>>(),
        "the README's `plan diff` is what it prints"
    );

    // The balm is ticked like any item.
    sandbox.ok(&["treatment", "add"]);
    assert!(
        sandbox
            .ok(&["tick", "clinic-balm"])
            .contains("Clinic balm: 1 of 2")
    );
}

#[test]
fn set_add_and_reset_round_trips() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["plan", "set", "water", "target=10"]);
    sandbox.ok(&["plan", "set", "sunscreen", "days=1-60"]);
    sandbox.ok(&["plan", "set", "ice", "minutes=15", "sessions=2"]);
    sandbox.ok(&["plan", "set", "next-session", "days=35-49"]);
    let (plan, _) = loaded(&sandbox);
    assert_eq!(
        plan.item("water").unwrap().kind,
        ItemKind::Counted { target: 10 }
    );
    assert_eq!(plan.item("sunscreen").unwrap().days.to, Some(60));
    assert_eq!(
        plan.item("ice").unwrap().kind,
        ItemKind::Timed {
            minutes: 15,
            sessions: 2
        }
    );
    assert_eq!(plan.next_session.from_days, 35);

    sandbox.ok(&["plan", "reset", "water"]);
    let (plan, _) = loaded(&sandbox);
    assert_eq!(
        plan.item("water").unwrap().kind,
        ItemKind::Counted { target: 8 }
    );
    assert_eq!(plan.item("sunscreen").unwrap().days.to, Some(60));

    sandbox.ok(&[
        "plan",
        "add",
        "Cold compress",
        "--kind",
        "timer=10×2",
        "--id",
        "compress",
    ]);
    let (plan, _) = loaded(&sandbox);
    assert_eq!(
        plan.item("compress").unwrap().kind,
        ItemKind::Timed {
            minutes: 10,
            sessions: 2
        }
    );
    assert_eq!(
        plan.item("compress").unwrap().days.to,
        Some(14),
        "default days 0-14"
    );
    sandbox.ok(&["plan", "set", "compress", "days=0-3"]);
    assert_eq!(
        loaded(&sandbox).0.item("compress").unwrap().days.to,
        Some(3)
    );

    let out = sandbox.ok(&["plan", "reset", "compress"]);
    assert!(out.contains("its ticks are kept"), "{out}");
    let (plan, _) = loaded(&sandbox);
    assert!(plan.item("compress").is_none());
    assert_eq!(
        plan.former_item("compress"),
        aftercare::domain::plan::Former::NoLonger("Cold compress".into())
    );

    sandbox.ok(&["plan", "reset", "--all"]);
    assert_eq!(
        sandbox.ok(&["plan", "diff"]),
        "No changes: you follow the built-in plan.\n"
    );
    let (plan, _) = loaded(&sandbox);
    assert_eq!(plan.items, aftercare::journal::builtin_plan().clone().items);
    assert_eq!(
        plan.restrictions,
        aftercare::journal::builtin_plan().clone().restrictions
    );
}

#[test]
fn invalid_changes_are_refused_and_the_file_is_untouched() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["plan", "set", "makeup", "hours=48"]);
    let before = std::fs::read(sandbox.plan_path()).unwrap();
    for args in [
        vec!["plan", "set", "water", "target=0"],
        vec!["plan", "set", "water", "target=many"],
        vec!["plan", "set", "makeup", "hours=soon"],
        vec!["plan", "set", "makeup", "days=0-7"],
        vec!["plan", "set", "sunscreen", "days=9-3"],
        vec!["plan", "set", "coffee", "target=2"],
        vec!["plan", "set", "water", "colour=blue"],
        vec![
            "plan",
            "add",
            "Sunscreen",
            "--kind",
            "check",
            "--id",
            "sunscreen",
        ],
        vec!["plan", "add", "Balm", "--kind", "sometimes"],
        vec!["plan", "add-restriction", "No retinol", "--hours", "0"],
    ] {
        let run = sandbox.run(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert_eq!(
            run.stderr
                .trim_end()
                .lines()
                .filter(|l| l.starts_with("error:"))
                .count(),
            1,
            "{}",
            run.stderr
        );
        assert_eq!(
            std::fs::read(sandbox.plan_path()).unwrap(),
            before,
            "{args:?}"
        );
    }
}

#[test]
fn a_hand_edited_mistake_is_named_at_line_and_column() {
    let sandbox = Sandbox::new();
    let path = sandbox.plan_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let cases = [
        // Semantic errors point at the field of the entry.
        (
            "(\n  version: 2,\n  changes: {\n    \"water\": (target: 0),\n  },\n)\n",
            "4:15",
            "at least 1",
        ),
        (
            "(\n  version: 2,\n  changes: {\n    \"makup\": (hours: 48),\n  },\n)\n",
            "4:5",
            "no built-in entry \"makup\"",
        ),
        // A duration without quotes says how to write it.
        (
            "(\n  version: 2,\n  changes: {\n    \"makeup\": (hours: 48h),\n  },\n)\n",
            "4:25",
            "in quotes",
        ),
        // A whole plan of the first format with a bad number.
        (
            &FIRST_FORMAT.replacen("hours: 24,", "hours: 0,", 1),
            "114:13",
            "hours must be at least 1",
        ),
    ];
    for (text, position, message) in cases {
        std::fs::write(&path, text).unwrap();
        let err = plan_file::load(&path).unwrap_err().to_string();
        let prefix = format!("{}:{position}", path.display());
        assert!(err.starts_with(&prefix), "{err} should start with {prefix}");
        assert!(err.contains(message), "{err}");
        assert!(!err.contains('\n'));
        let run = sandbox.run(&["plan", "set", "water", "target=9"]);
        assert_eq!(
            run.code, 1,
            "a broken file is not rewritten: {}",
            run.stderr
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }
    // `to: 14` and `hours: "5d"` are read as people write them.
    std::fs::write(
        &path,
        "(version: 2, items: [(id: \"balm\", label: \"Balm\", kind: Check, days: (from: 0, to: 7))],\n restrictions: [(id: \"no-retinol\", label: \"No retinol\", hours: \"5d\")])",
    )
    .unwrap();
    let (plan, _) = plan_file::load(&path).unwrap();
    assert_eq!(plan.item("balm").unwrap().days.to, Some(7));
    assert_eq!(plan.restriction("no-retinol").unwrap().hours, 120);
}

#[test]
fn an_old_full_copy_still_loads_as_a_replacement_and_converts_on_the_first_change() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.plan_path().parent().unwrap()).unwrap();
    let old = first_format_without_ice().replace("target: 8", "target: 10");
    std::fs::write(sandbox.plan_path(), &old).unwrap();
    let (plan, source) = loaded(&sandbox);
    assert_eq!(source, PlanSource::Replace(sandbox.plan_path()));
    assert_eq!(
        plan.item("water").unwrap().kind,
        ItemKind::Counted { target: 10 }
    );
    assert_eq!(
        plan.item("water").unwrap().yours,
        Yours::Changed(vec!["target".into()])
    );
    assert!(plan.item("ice").is_none());
    // Origins of the first format: `tip: 2, default: true`.
    assert_eq!(plan.item("water").unwrap().origin.tip(), Some(2));
    let diff = sandbox.ok(&["plan", "diff"]);
    assert!(
        diff.contains("ice") && diff.contains("turned off"),
        "{diff}"
    );
    assert!(
        diff.contains("8 a day, days 0–14 → 10 a day, days 0–14"),
        "{diff}"
    );

    let out = sandbox.ok(&["plan", "set", "makeup", "hours=48"]);
    assert!(out.contains("full copy"), "{out}");
    let (converted, source) = loaded(&sandbox);
    assert_eq!(source, PlanSource::Changes(sandbox.plan_path()));
    assert_eq!(
        converted.item("water").unwrap().kind,
        ItemKind::Counted { target: 10 }
    );
    assert!(converted.item("ice").is_none());
    assert_eq!(converted.restriction("makeup").unwrap().hours, 48);
    let kept = sandbox.plan_path().with_extension("full-copy.ron");
    assert_eq!(std::fs::read_to_string(kept).unwrap(), old);
}

/// A fake `$EDITOR`: each run writes the next of `versions` over the file, and records
/// what it was given, so the test can read what the patient saw.
fn scripted_editor(sandbox: &Sandbox, versions: &[&str]) -> std::path::PathBuf {
    let dir = sandbox.home.path().join("editor");
    std::fs::create_dir_all(&dir).unwrap();
    for (n, version) in versions.iter().enumerate() {
        std::fs::write(dir.join(format!("v{n}")), version).unwrap();
    }
    let script = dir.join("edit.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nd={dir}\nn=$(cat $d/count 2>/dev/null || echo 0)\ncp \"$1\" $d/seen$n\n[ -f $d/v$n ] && cp $d/v$n \"$1\"\necho $((n+1)) > $d/count\n",
            dir = dir.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

#[test]
fn plan_edit_reopens_the_editor_with_the_error_until_the_plan_is_valid() {
    let sandbox = Sandbox::new();
    let bad = "(version: 2, changes: {\"water\": (target: 0)})\n";
    let good = "(version: 2, changes: {\"water\": (target: 12)})\n";
    let editor = scripted_editor(&sandbox, &[bad, good]);
    let mut command = sandbox.command_in("UTC", &["plan", "edit"]);
    command.env("EDITOR", &editor).env_remove("VISUAL");
    let run = cli_support::run_command(command);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Saved"), "{}", run.stdout);
    let dir = sandbox.home.path().join("editor");
    let first = std::fs::read_to_string(dir.join("seen0")).unwrap();
    assert!(
        first.contains("version: 2"),
        "a new file starts from the template: {first}"
    );
    let second = std::fs::read_to_string(dir.join("seen1")).unwrap();
    assert!(
        second.starts_with("// aftercare: this plan was NOT saved"),
        "the error on top: {second}"
    );
    assert!(second.contains("line 4, column"), "{second}");
    assert!(second.contains("at least 1"), "{second}");
    assert_eq!(std::fs::read_to_string(sandbox.plan_path()).unwrap(), good);
    assert_eq!(mode(&sandbox.plan_path()), 0o600);
    assert_eq!(
        loaded(&sandbox).0.item("water").unwrap().kind,
        ItemKind::Counted { target: 12 }
    );
    // No editing copy is left behind (only the plan file's lock sidecar, as the journal's).
    let left: Vec<_> = std::fs::read_dir(sandbox.plan_path().parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|name| name != ".care-plan.ron.lock")
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("care-plan.ron")]);
}

#[test]
fn plan_edit_left_invalid_and_unchanged_is_abandoned_and_nothing_applied() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["plan", "set", "makeup", "hours=48"]);
    let before = std::fs::read(sandbox.plan_path()).unwrap();
    // The editor breaks the file once; the next time it closes without a change.
    let editor = scripted_editor(
        &sandbox,
        &["(version: 2, changes: {\"makeup\": (hours: 0)})\n"],
    );
    let mut command = sandbox.command_in("UTC", &["plan", "edit"]);
    command.env("VISUAL", &editor);
    let run = cli_support::run_command(command);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("Abandoned"), "{}", run.stdout);
    assert_eq!(std::fs::read(sandbox.plan_path()).unwrap(), before);
}

/// Splits a README command line into arguments: spaces, and double quotes around words.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}
