//! What the checker writes about itself: shell completion scripts (`clap_complete`) and
//! manual pages (`clap_mangen`), both from the one description of the command line.

use clap_complete::Shell;

use super::args::command;
use super::UsageError;
use crate::text::excerpt;

/// The completion script for `shell`.
pub fn completions(shell: Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command(), "unit-planner", &mut script);
    if shell == Shell::Bash {
        // clap_complete 4.6 (clap issue #6421) names the state of a command of a program
        // whose name has a hyphen one way where it sets it (`unit__planner__subcmd__check`)
        // and another where it matches it (`unit__subcmd__planner__subcmd__check`), so no
        // command's options would complete. The state is named as where it is set.
        let script = String::from_utf8_lossy(&script);
        return script
            .replace("unit__subcmd__planner", "unit__planner")
            .into_bytes();
    }
    script
}

/// The manual page of the checker (`unit-planner(1)`), or of one of its commands
/// (`unit-planner-check(1)`).
pub fn manual_page(of: Option<&str>) -> Result<Vec<u8>, UsageError> {
    let mut cli = command();
    // Built, the description holds the `help` command too, which the page lists.
    cli.build();
    let page = match of {
        None => cli,
        Some(name) => cli
            .find_subcommand(name)
            .cloned()
            .ok_or_else(|| {
                UsageError(format!(
                    "unknown command `{}` (try `unit-planner help`)",
                    excerpt(name)
                ))
            })?
            .name(format!("unit-planner-{name}"))
            .version(env!("CARGO_PKG_VERSION"))
            .bin_name(format!("unit-planner {name}")),
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut roff)
        .map_err(|e| UsageError(format!("cannot write the manual page: {e}")))?;
    Ok(roff)
}
