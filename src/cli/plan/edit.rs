//! `aftercare plan edit`: the patient's plan file in their own editor, checked before it is
//! used, like `crontab -e`.
//!
//! The editor works on a private copy beside the file. When it closes, the copy is read
//! and checked as a whole plan; if it is wrong, the editor opens again with the error as a
//! comment on top, until the plan is right — then it replaces the file atomically — or the
//! patient closes the editor without changing anything, which abandons the edit and leaves
//! the plan as it was. Nothing is applied while the file is invalid.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::domain::plan::CarePlan;
use crate::domain::plan::changes::PlanChanges;
use crate::journal::error::FileError;
use crate::journal::plan_file::{self, PlanFile};

use crate::cli::CliError;

/// The marker of the error lines put on top of the copy; removed before checking again.
const ERROR_MARK: &str = "// aftercare:";

/// Opens the plan file in `$VISUAL` / `$EDITOR` (else `vi`) and saves it once it is valid.
pub(super) fn edit(path: &Path) -> Result<String, CliError> {
    let builtin = crate::journal::builtin_plan();
    // Read as the journal is: no symlink followed, no FIFO, capped (see `safe_file`).
    let original =
        crate::journal::safe_file::read_capped(path, crate::journal::plan_file::MAX_PLAN_BYTES)?
            .map(|(bytes, _)| String::from_utf8_lossy(&bytes).into_owned());
    let start = original
        .clone()
        .unwrap_or_else(|| plan_file::to_text(&PlanChanges::default()));
    let copy = editing_copy(path);
    let result = edit_loop(path, &copy, &start, builtin, original.as_deref());
    let _ = std::fs::remove_file(&copy);
    result
}

/// `.care-plan.editing.ron` beside the file: same file system, so private and renameable.
fn editing_copy(path: &Path) -> PathBuf {
    let name = path
        .file_stem()
        .map_or_else(|| "care-plan".into(), |s| s.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.editing.ron"))
}

fn edit_loop(
    path: &Path,
    copy: &Path,
    start: &str,
    builtin: &CarePlan,
    original: Option<&str>,
) -> Result<String, CliError> {
    plan_file::write_private(copy, start)?;
    let mut offered = start.to_string();
    loop {
        run_editor(copy)?;
        let edited = std::fs::read_to_string(copy).map_err(|err| FileError::io(copy, &err))?;
        if edited == offered {
            return Ok(match original {
                Some(text) if text == strip_errors(&edited) => {
                    "No change: your plan is as it was.\n".to_string()
                }
                _ if original.is_none() && offered == start => {
                    "No change: no plan file was written.\n".to_string()
                }
                _ => format!(
                    "Abandoned: the file still had an error, so nothing was applied; {} is as it was.\n",
                    path.display()
                ),
            });
        }
        let text = strip_errors(&edited);
        match plan_file::parse(&text, path, builtin) {
            Ok(file) => {
                return crate::journal::update_locked(path, || {
                    save_edit(path, builtin, original, &text, &file)
                });
            }
            Err(err) => {
                offered = with_error_on_top(&text, &err);
                plan_file::write_private(copy, &offered)?;
            }
        }
    }
}

/// Saves the editor's result under the plan file's lock. A file as it was when the editor
/// opened gets the editor's text as written (comments and all); a file changed meanwhile
/// (`plan set`, the app) gets only what the editor changed, applied on top of it — or,
/// when the editor changed an entry that was also changed meanwhile, nothing: the edit is
/// kept beside the file and the command says so in one line.
fn save_edit(
    path: &Path,
    builtin: &CarePlan,
    original: Option<&str>,
    text: &str,
    edited: &PlanFile,
) -> Result<String, CliError> {
    let now = crate::journal::safe_file::read_capped(path, plan_file::MAX_PLAN_BYTES)?
        .map(|(bytes, _)| String::from_utf8_lossy(&bytes).into_owned());
    if now.as_deref() == original {
        plan_file::write_private(path, text)?;
        return Ok(saved_message(path, builtin, edited.clone()));
    }
    let base = match original {
        Some(original) => plan_file::parse(original, path, builtin)
            .map_or_else(|_| PlanChanges::default(), |file| file.changes(builtin)),
        None => PlanChanges::default(),
    };
    let current = plan_file::read(path, builtin)?;
    let merged = crate::domain::plan_rebase::rebase(
        &base,
        &edited.changes(builtin),
        &current.changes(builtin),
    )
    .map_err(|ids| refuse(path, text, &format!("it changed {} too", ids.join(", "))))
    .and_then(|merged| {
        crate::domain::plan::changes::apply(builtin, &merged)
            .map(|_| merged)
            .map_err(|err| refuse(path, text, &err.message))
    })?;
    plan_file::save_changes(path, &current, &merged)?;
    let merged_file = PlanFile::Changes(merged);
    Ok(format!(
        "The plan file was changed while your editor was open: your edits were applied on top of that change.\n{}",
        saved_message(path, builtin, merged_file)
    ))
}

/// The edit refused: kept in `care-plan.your-edit.ron` beside the file, and one line saying
/// why and where it is.
fn refuse(path: &Path, text: &str, why: &str) -> CliError {
    let kept = path.with_extension("your-edit.ron");
    let kept_note = match plan_file::write_private(&kept, text) {
        Ok(()) => format!("your edit is kept in {}", kept.display()),
        Err(err) => format!("your edit could not be kept ({err})"),
    };
    CliError::Failure(format!(
        "{} was changed while your editor was open and {why}; nothing was saved, {kept_note} — run `aftercare plan edit` again",
        path.display()
    ))
}

/// Runs the patient's editor on `file` and waits for it. `$VISUAL` and `$EDITOR` may hold
/// arguments (`code --wait`), so they are run by the shell, with the file as `$1`.
fn run_editor(file: &Path) -> Result<(), CliError> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(std::env::var_os)
        .find(|value| !value.is_empty())
        .map_or_else(|| "vi".to_string(), |v| v.to_string_lossy().into_owned());
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("aftercare-editor")
        .arg(file)
        .status()
        .map_err(|err| CliError::Failure(format!("cannot start the editor {editor:?}: {err}")))?;
    if !status.success() {
        return Err(CliError::Failure(format!(
            "the editor ({editor}) failed ({status}); your plan was left as it was"
        )));
    }
    Ok(())
}

/// The text without the error lines this command put on top.
fn strip_errors(text: &str) -> String {
    let kept: Vec<&str> = text
        .split_inclusive('\n')
        .skip_while(|line| line.starts_with(ERROR_MARK))
        .collect();
    kept.concat()
}

/// The error as comment lines on top, with the line number moved to match the copy.
fn with_error_on_top(text: &str, err: &FileError) -> String {
    let shift = 3;
    let place = err.position.map_or(String::new(), |(line, column)| {
        format!(" line {}, column {column}:", line + shift)
    });
    let message = err.message.split_whitespace().collect::<Vec<_>>().join(" ");
    format!(
        "{ERROR_MARK} this plan was NOT saved. Fix the error and save, or close without changes to give up.\n\
         {ERROR_MARK}{place} {message}\n\
         {ERROR_MARK} (these lines are removed when you save)\n{text}"
    )
}

fn saved_message(path: &Path, builtin: &CarePlan, file: PlanFile) -> String {
    let (plan, _) = plan_file::effective(builtin, file, path);
    let rows = super::text::change_rows(builtin, &plan);
    let mut text = format!("Saved {}.\n", path.display());
    if rows.is_empty() {
        text.push_str("No changes: you follow the built-in plan.\n");
    } else {
        text.push_str("Your changes now:\n");
        text.push_str(&crate::cli::aligned_rows(rows));
    }
    text
}
