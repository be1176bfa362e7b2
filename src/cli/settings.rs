//! `aftercare settings [set KEY=VALUE…]`: the one settings file (reminders and the
//! patient's conventions), shown or changed under its lock like `remind --set`.

use crate::journal::paths::ReminderPaths;

use super::{CliError, SettingsArgs, SettingsCommand, remind};

pub(super) fn run(args: &SettingsArgs) -> Result<String, CliError> {
    let places = ReminderPaths::resolve()?;
    let output = match &args.command {
        None => remind::show_settings(&places)?,
        Some(SettingsCommand::Set { pairs }) => remind::set(pairs, &places, &["settings", "set"])?,
    };
    if let Some(warning) = output.warning {
        eprintln!("aftercare: {warning}");
    }
    Ok(output.stdout)
}
