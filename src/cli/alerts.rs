//! `aftercare alerts`: the emergency and urgent alerts that stand until the patient
//! resolves them, and `alerts resolve --called | --gone` to resolve them. The lines are
//! `status`'s own (`status::alerts_text`), so both say the same.

use crate::domain::alerts::Alert;
use crate::domain::model::Resolution;
use crate::domain::time::Clock;
use crate::journal::care;
use crate::journal::paths::Paths;

use super::status::Status;
use super::{AlertsArgs, AlertsCommand, CliError};

/// `aftercare alerts [--json]` and `aftercare alerts resolve`.
pub(super) fn run(args: &AlertsArgs, paths: &Paths, clock: &dyn Clock) -> Result<String, CliError> {
    match &args.command {
        None => list(args.json, paths, clock),
        Some(AlertsCommand::Resolve(how)) => {
            let resolution = if how.called {
                Resolution::Called
            } else {
                Resolution::Gone
            };
            resolve(resolution, paths, clock)
        }
    }
}

fn list(json: bool, paths: &Paths, clock: &dyn Clock) -> Result<String, CliError> {
    let (plan, _, mut journal) = super::open(paths, super::Access::Read)?;
    let status = Status::at(&plan, &mut journal, &clock.now())?;
    let standing: Vec<&Alert> = status.alerts.iter().filter(|a| a.level.stands()).collect();
    if json {
        return Ok(format!("{}\n", serde_json::json!(standing)));
    }
    if standing.is_empty() {
        return Ok("No alert stands.\n".to_string());
    }
    Ok(super::status::alerts_text(
        &status.alerts,
        super::status::AlertVoice::Shell,
    ))
}

fn resolve(resolution: Resolution, paths: &Paths, clock: &dyn Clock) -> Result<String, CliError> {
    let (plan, _, mut journal) = super::open(paths, super::Access::Write)?;
    let now = clock.now();
    let status = Status::at(&plan, &mut journal, &now)?;
    let standing = status.alerts.iter().filter(|a| a.level.stands()).count();
    if standing == 0 {
        return Ok("No alert stands: nothing to resolve.\n".to_string());
    }
    care::resolve_alerts(&mut journal, now.date(), resolution, &now)
        .map_err(|err| CliError::from_care(&["alerts", "resolve"], err))?;
    super::undo::remember(paths, &journal, clock);
    Ok(format!(
        "Resolved ({}): {standing} alert(s). Logging a sign again raises it again.\n",
        resolution.describe()
    ))
}
