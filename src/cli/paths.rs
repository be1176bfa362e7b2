//! `aftercare paths`: where the patient's files are, to back them up or edit them.

use std::path::Path;

use crate::journal::paths::Paths;

use super::PathsArgs;

/// Both paths, each saying whether it exists yet. Reads nothing, so it works even when a
/// file is broken.
pub(super) fn run(args: &PathsArgs, paths: &Paths) -> String {
    if args.json {
        let value = serde_json::json!({
            "journal": { "path": paths.journal_dir, "exists": paths.journal_dir.exists() },
            "plan": { "path": paths.plan_override, "exists": paths.plan_override.exists() },
        });
        return format!("{value}\n");
    }
    format!(
        "journal: {} ({})\nplan:    {} ({})\n",
        paths.journal_dir.display(),
        state(&paths.journal_dir, "not created yet"),
        paths.plan_override.display(),
        state(&paths.plan_override, "absent: the built-in plan is used"),
    )
}

fn state<'a>(path: &Path, absent: &'a str) -> &'a str {
    if path.exists() { "exists" } else { absent }
}
