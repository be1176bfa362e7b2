//! The patient's plan file in the config dir (`care-plan.ron`): reading it into the plan in
//! force, and saving their changes atomically and privately.
//!
//! Two formats are read, told apart by `version`: 2 is the changes format (only what
//! differs from the built-in plan), 1 is the first format, a whole copy of the plan, which
//! keeps working as it did: it replaces the built-in plan. A mistake is reported at
//! `file:line:column` and the file is never rewritten while it does not read.

use std::path::Path;

use aftercare_domain::plan::changes::{self as plan_changes, CHANGES_VERSION, PlanChanges};
use aftercare_domain::plan::{CarePlan, PLAN_VERSION, PlanSource};

use crate::error::FileError;
use crate::format::plan::{self as plan_format, locate, ron_options};
use crate::format::{position, pretty_config, ron_error};

/// What the patient's file holds, read and checked.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanFile {
    /// No file: the built-in plan.
    Absent,
    Changes(PlanChanges),
    /// A whole plan (the first format), in force as it is (boxed: a plan is large beside
    /// the other variants).
    Replace(Box<CarePlan>),
}

impl PlanFile {
    /// The patient's changes, whatever the format: an old whole copy is read as the
    /// changes that turn the built-in plan into it (saving them converts the file).
    pub fn changes(&self, builtin: &CarePlan) -> PlanChanges {
        match self {
            PlanFile::Absent => PlanChanges::default(),
            PlanFile::Changes(changes) => changes.clone(),
            PlanFile::Replace(plan) => plan_changes::diff(builtin, plan),
        }
    }
}

/// The plan in force: the built-in plan, with the patient's file if there is one.
pub fn load(path: &Path) -> Result<(CarePlan, PlanSource), FileError> {
    let builtin = plan_format::builtin();
    let file = read(path, builtin)?;
    Ok(effective(builtin, file, path))
}

/// The plan in force for a file already read.
pub fn effective(builtin: &CarePlan, file: PlanFile, path: &Path) -> (CarePlan, PlanSource) {
    match file {
        PlanFile::Absent => (builtin.clone(), PlanSource::BuiltIn),
        PlanFile::Changes(changes) => (
            plan_changes::apply(builtin, &changes).expect("checked when read"),
            PlanSource::Changes(path.to_path_buf()),
        ),
        PlanFile::Replace(mut plan) => {
            plan_changes::mark_replacement(builtin, &mut plan);
            (
                plan.with_variants(),
                PlanSource::Replace(path.to_path_buf()),
            )
        }
    }
}

/// Reads and checks the patient's file; a missing file is [`PlanFile::Absent`].
///
/// Opened as every journal file is (no symlink followed, no FIFO, capped: see
/// `safe_file`); a BOM or bytes that are not UTF-8 are refused where they are.
pub fn read(path: &Path, builtin: &CarePlan) -> Result<PlanFile, FileError> {
    let text = read_text(path)?;
    crate::test_seam::pause("plan-read");
    match text {
        Some(text) => parse(&text, path, builtin),
        None => Ok(PlanFile::Absent),
    }
}

/// Far larger than any plan (the built-in one is a few KB): a bigger file is refused unread.
pub const MAX_PLAN_BYTES: u64 = 1024 * 1024;

/// The plan file's text through `safe_file`; `None` when there is none.
fn read_text(path: &Path) -> Result<Option<String>, FileError> {
    let Some((bytes, _)) = super::safe_file::read_capped(path, MAX_PLAN_BYTES)? else {
        return Ok(None);
    };
    if let Some((position, message)) = position::text_problem(&bytes) {
        return Err(FileError::new(path, Some(position), message));
    }
    Ok(Some(
        String::from_utf8(bytes).expect("checked by text_problem"),
    ))
}

/// Just the `version` field, whatever else the file holds.
#[derive(serde::Deserialize)]
struct VersionProbe {
    version: u32,
}

/// Parses and checks a plan file's text; `path` only names the file in errors. The plan
/// it makes is validated as a whole, so a change that breaks it is refused here.
pub fn parse(text: &str, path: &Path, builtin: &CarePlan) -> Result<PlanFile, FileError> {
    let probe: VersionProbe = ron_options()
        .from_str(text)
        .map_err(|err| with_hint(text, ron_error(path, text, &err)))?;
    match probe.version {
        PLAN_VERSION => Ok(PlanFile::Replace(Box::new(plan_format::parse(text, path)?))),
        CHANGES_VERSION => {
            let changes: PlanChanges = ron_options()
                .from_str(text)
                .map_err(|err| with_hint(text, ron_error(path, text, &err)))?;
            plan_changes::apply(builtin, &changes).map_err(|err| {
                let position = locate(text, err.id.as_deref(), err.field.as_deref());
                FileError::new(path, position, err.message)
            })?;
            Ok(PlanFile::Changes(changes))
        }
        newer => Err(FileError::new(
            path,
            locate(text, None, Some("version")),
            format!(
                "plan file version {newer} is not one this aftercare reads (1 or 2); update aftercare"
            ),
        )),
    }
}

/// A RON error at `48h` (a duration without quotes) says how to write it.
fn with_hint(text: &str, mut err: FileError) -> FileError {
    if let Some((line, column)) = err.position {
        let at_line = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
        let before: String = at_line.chars().take(column.saturating_sub(1)).collect();
        let next = at_line.chars().nth(column.saturating_sub(1));
        if before.ends_with(|c: char| c.is_ascii_digit()) && next.is_some_and(char::is_alphabetic) {
            err.message
                .push_str(r#" (write a duration or range in quotes: "48h", "5d", "0-7")"#);
        }
    }
    err
}

/// What the changes file says about itself, on top of the file.
pub const CHANGES_HEADER: &str = "\
// Your changes to aftercare's built-in care plan: only what your dermatologist told you
// differently. The plan in force is the built-in one with these changes:
// `aftercare plan` shows it, `aftercare plan diff` shows these changes only.
// Change it with `aftercare plan set|add|add-restriction|reset`, on the Plan screen (P)
// in the app, or here (`aftercare plan edit` checks the file before it is used).
//
//   changes: { \"ID\": (FIELD: VALUE, …) }   a built-in entry: off: true, label, hint,
//            days: \"0-7\" (\"3-\" = no end), target, minutes, sessions, kind,
//            hours: 48 (or \"48h\", \"5d\", \"2w\"); \"next-session\": (days: \"28-42\")
//   items: [ (id: \"balm\", label: \"Clinic balm\", kind: Counted(target: 2), days: \"0-7\") ]
//            kinds: Check, Counted(target: N), Timed(minutes: M, sessions: N), Avoid
//   restrictions: [ (id: \"no-retinol\", label: \"No retinol\", hours: \"5d\") ]
";

/// The changes as the file's text: the header, then pretty RON.
pub fn to_text(changes: &PlanChanges) -> String {
    let config = pretty_config().extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let body = ron::ser::to_string_pretty(changes, config).expect("plan changes always serialise");
    format!("{CHANGES_HEADER}{body}\n")
}

/// Saves the changes atomically (temp file, fsync, rename), readable by the owner only,
/// creating the config dir (owner-only) if needed.
pub fn save(path: &Path, changes: &PlanChanges) -> Result<(), FileError> {
    write_private(path, &to_text(changes))
}

/// Saves the changes made to what `file` held. An old full copy converted to changes is
/// first kept beside it (`care-plan.full-copy.ron`, once), so nothing the patient wrote is
/// lost; returns that copy's path when there is one.
pub fn save_changes(
    path: &Path,
    file: &PlanFile,
    changes: &PlanChanges,
) -> Result<Option<std::path::PathBuf>, FileError> {
    let mut kept = None;
    if let PlanFile::Replace(_) = file {
        let copy = path.with_extension("full-copy.ron");
        if !copy.exists() {
            let text = read_text(path)?.unwrap_or_default();
            write_private(&copy, &text)?;
        }
        kept = Some(copy);
    }
    save(path, changes)?;
    Ok(kept)
}

/// Writes `text` to `path` atomically, mode 0600.
pub fn write_private(path: &Path, text: &str) -> Result<(), FileError> {
    if let Some(dir) = path.parent() {
        crate::create_private_dir(dir).map_err(|err| FileError::io(dir, &err))?;
    }
    crate::atomic::replace(path, text.as_bytes()).map_err(|err| FileError::io(path, &err))
}
