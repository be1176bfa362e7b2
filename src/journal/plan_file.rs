//! Reading the care plan: the patient's override file when there is one, else the
//! built-in plan. The plan itself (`domain::plan`) never touches the disk.

use std::path::Path;

use crate::domain::plan::{CarePlan, PlanSource};
use crate::error::FileError;

/// Far larger than any plan (the built-in one is 5 KB): a bigger file is refused unread.
pub const MAX_PLAN_BYTES: u64 = 1024 * 1024;

impl CarePlan {
    /// Uses the override file when it exists, else the built-in plan. The file is opened
    /// as every journal file is (no symlink, no FIFO, capped: see `safe_file`).
    pub fn load(override_path: &Path) -> Result<(CarePlan, PlanSource), FileError> {
        match super::safe_file::read_capped(override_path, MAX_PLAN_BYTES)? {
            Some((bytes, _)) => Ok((
                CarePlan::parse_bytes(&bytes, override_path)?,
                PlanSource::File(override_path.to_path_buf()),
            )),
            None => Ok((CarePlan::builtin(), PlanSource::BuiltIn)),
        }
    }
}
