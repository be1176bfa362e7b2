//! Plan files: the built-in plan compiled into the binary, and any plan text, read into a
//! validated [`CarePlan`] with errors that point at the entry and field they are about.

use std::path::Path;
use std::sync::LazyLock;

use aftercare_domain::plan::{CarePlan, PLAN_VERSION};

use super::position::{line_column, position_of, text_problem};
use super::ron_error;
use crate::error::FileError;

/// The plan shipped inside the binary.
pub const BUILTIN_PLAN: &str = include_str!("../../../../assets/care-plan.ron");

/// The built-in plan, read once. It is checked by the test suite, so it cannot fail.
pub fn builtin() -> &'static CarePlan {
    static BUILTIN: LazyLock<CarePlan> = LazyLock::new(|| {
        read(BUILTIN_PLAN, Path::new("assets/care-plan.ron"))
            .expect("the built-in care plan is valid (checked by tests)")
            .as_builtin()
    });
    &BUILTIN
}

/// Parses and validates a whole plan; `path` only names the file in errors. Reads
/// `to: 14` as well as `to: Some(14)`: people write the former.
pub fn parse(text: &str, path: &Path) -> Result<CarePlan, FileError> {
    let mut plan = read(text, path)?;
    plan.builtin_labels = builtin().builtin_labels.clone();
    Ok(plan)
}

fn read(text: &str, path: &Path) -> Result<CarePlan, FileError> {
    if let Some((position, message)) = text_problem(text.as_bytes()) {
        return Err(FileError::new(path, Some(position), message));
    }
    let plan: CarePlan = ron_options()
        .from_str(text)
        .map_err(|err| ron_error(path, text, &err))?;
    if plan.version > PLAN_VERSION {
        return Err(FileError::new(
            path,
            position_of(text, "version"),
            format!(
                "plan version {} is newer than this aftercare understands; update aftercare",
                plan.version
            ),
        ));
    }
    plan.validate().map_err(|err| {
        let position = match err.id.as_deref() {
            // An id used twice is pointed at where it is written the second time.
            Some(id) if err.message.ends_with("is used twice") => {
                second_place(text, &format!("{id:?}"))
            }
            _ => None,
        }
        .or_else(|| locate(text, err.id.as_deref(), err.field.as_deref()));
        FileError::new(path, position, err.message)
    })?;
    Ok(plan)
}

/// The RON options every plan file is read with: `implicit_some`, so that `to: 14` means
/// `to: Some(14)` whether or not the file asks for it.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Line and column of the second `needle` in `text`.
fn second_place(text: &str, needle: &str) -> Option<(usize, usize)> {
    let (offset, _) = text.match_indices(needle).nth(1)?;
    Some(line_column(text.as_bytes(), offset))
}

/// Line and column (from 1) where an entry's field is written in a plan file: the field
/// after the entry's quoted id, else the id, else nothing. Used to point at semantic errors,
/// which the RON parser cannot locate.
pub fn locate(text: &str, id: Option<&str>, field: Option<&str>) -> Option<(usize, usize)> {
    let id_at = id.and_then(|id| text.find(&format!("\"{id}\"")));
    let field_at = field.and_then(|field| {
        let from = id_at.unwrap_or(0);
        let next_id = text[from + 1..].find("id:").map(|at| at + from + 1);
        text[from..]
            .find(&format!("{field}:"))
            .map(|at| at + from)
            .filter(|at| id_at.is_none() || next_id.is_none_or(|next| *at < next))
    });
    Some(line_column(text.as_bytes(), field_at.or(id_at)?))
}
