//! Reading the care plan: the patient's override file when there is one, else the
//! built-in plan. The plan itself (`domain::plan`) never touches the disk.

use std::path::Path;

use crate::domain::plan::{CarePlan, PlanSource};
use crate::error::FileError;

impl CarePlan {
    /// Uses the override file when it exists, else the built-in plan.
    pub fn load(override_path: &Path) -> Result<(CarePlan, PlanSource), FileError> {
        match std::fs::read_to_string(override_path) {
            Ok(text) => Ok((
                CarePlan::parse(&text, override_path)?,
                PlanSource::File(override_path.to_path_buf()),
            )),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                Ok((CarePlan::builtin(), PlanSource::BuiltIn))
            }
            Err(err) => Err(FileError::io(override_path, &err)),
        }
    }
}
