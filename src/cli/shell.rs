//! `aftercare completions` and `aftercare man`: the shell's tab completion and the manual
//! page, both generated from the one clap definition so they cannot drift from the app.

use clap::builder::PossibleValuesParser;
use clap_complete::Shell;

use crate::journal::paths::Paths;

use super::{CliError, CompletionShell};

/// The completion script for `shell`. Item ids (`tick ITEM`, `untick ITEM`) are those of
/// the plan in force now; after changing the plan, write the script again. A plan that
/// cannot be read gives a script without item ids rather than none.
pub(super) fn completions(shell: CompletionShell, paths: &Paths) -> String {
    let ids: Vec<String> = crate::journal::plan_file::load(&paths.plan_override)
        .map(|(plan, _)| plan.items.iter().map(|item| item.id.clone()).collect())
        .unwrap_or_default();
    let mut command = super::command();
    if !ids.is_empty() {
        for name in ["tick", "untick"] {
            let ids = ids.clone();
            command = command.mut_subcommand(name, |sub| {
                sub.mut_arg("item", |arg| {
                    arg.value_parser(PossibleValuesParser::new(ids))
                })
            });
        }
    }
    let generator = match shell {
        CompletionShell::Bash => Shell::Bash,
        CompletionShell::Zsh => Shell::Zsh,
        CompletionShell::Fish => Shell::Fish,
    };
    let mut out = Vec::new();
    clap_complete::generate(generator, &mut command, "aftercare", &mut out);
    let mut script = String::from_utf8_lossy(&out).into_owned();
    // clap_complete's fish script completes options only: add the item ids by hand.
    if shell == CompletionShell::Fish && !ids.is_empty() {
        for name in ["tick", "untick"] {
            script.push_str(&format!(
                "complete -c aftercare -n \"__fish_aftercare_using_subcommand {name}\" -f -a \"{}\"\n",
                ids.join(" ")
            ));
        }
    }
    script
}

/// The manual page, roff, for `man -l -` or to install as `aftercare.1`.
pub(super) fn man() -> Result<String, CliError> {
    let mut out = Vec::new();
    clap_mangen::Man::new(super::command())
        .render(&mut out)
        .map_err(|err| CliError::Failure(format!("cannot write the manual page: {err}")))?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}
