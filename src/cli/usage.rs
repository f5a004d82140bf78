//! Bad command lines: what `clap` refuses, said in the checker's one line, quoting at
//! most an excerpt of what was typed and keeping clap's did-you-mean.

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

use crate::text::{excerpt, shortened};

/// Bad input: the message is printed on one line and the exit status is 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

/// Checks made before `clap` reads the arguments (`argv` without the program name, as
/// text): not too many, none too long, none empty.
pub fn precheck(argv: &[String]) -> Result<(), UsageError> {
    crate::answers::within_limits(argv).map_err(UsageError)?;
    if argv.iter().any(|a| a.trim().is_empty()) {
        return Err(UsageError("an argument is empty".into()));
    }
    Ok(())
}

/// `error` in one line. `argv` is the command line as text (without the program name);
/// `cli` describes it.
pub fn one_line(error: &Error, argv: &[String], cli: &clap::Command) -> UsageError {
    let command = argv.first().and_then(|name| cli.find_subcommand(name));
    let name = command.map_or("unit-planner", clap::Command::get_name);
    let help = match command {
        Some(_) => format!("try `unit-planner help {name}`"),
        None => "try `unit-planner help`".into(),
    };
    let message = match error.kind() {
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "no command given (try `unit-planner help`)".into()
        }
        ErrorKind::InvalidSubcommand => format!(
            "unknown command `{}`{} ({help})",
            excerpt(&string(error, ContextKind::InvalidSubcommand)),
            did_you_mean(error, ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::UnknownArgument => {
            let given = string(error, ContextKind::InvalidArg);
            let flag = given.split('=').next().unwrap_or_default();
            if !given.starts_with('-') {
                let n = command.map_or(0, |c| c.get_positionals().count());
                format!(
                    "`{name}` takes {}; `{}` is one too many ({help})",
                    arguments(n),
                    excerpt(&given)
                )
            } else if is_an_option(cli, flag) {
                match command {
                    Some(_) => format!("`{name}` does not take {flag} ({help})"),
                    None => format!("{flag} comes after a command ({help})"),
                }
            } else {
                format!(
                    "unknown option `{}`{} ({help})",
                    excerpt(flag),
                    did_you_mean(error, ContextKind::SuggestedArg)
                )
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(error, ContextKind::InvalidArg);
            let positionals = command.map_or(0, |c| c.get_positionals().count());
            match missing.first().map(String::as_str) {
                Some("<QUAL>") => {
                    format!("`{name}` needs a qualification (try `unit-planner list`)")
                }
                Some(option) if option.starts_with("--") => {
                    format!("`{name}` needs {} ({help})", option.replace(['<', '>'], ""))
                }
                _ => format!(
                    "`{name}` takes {} ({} given; {help})",
                    arguments(positionals),
                    positionals.saturating_sub(missing.len())
                ),
            }
        }
        ErrorKind::InvalidValue => {
            let arg = flag_of(&string(error, ContextKind::InvalidArg));
            let value = string(error, ContextKind::InvalidValue);
            let valid = strings(error, ContextKind::ValidValue);
            if value.is_empty() {
                format!("{arg} needs a value")
            } else {
                format!(
                    "{arg} must be {} (got `{}`)",
                    either(&valid),
                    excerpt(&value)
                )
            }
        }
        ErrorKind::ArgumentConflict => {
            let arg = flag_of(&string(error, ContextKind::InvalidArg));
            let prior = flag_of(&string(error, ContextKind::PriorArg));
            if arg == prior {
                format!("{arg} is given twice")
            } else {
                format!("{arg} and {prior} cannot be given together ({help})")
            }
        }
        ErrorKind::InvalidUtf8 => "an argument is not UTF-8 text".into(),
        _ => first_line(error),
    };
    UsageError(message)
}

/// The first line of clap's own message, without its `error: `: the checker's own
/// refusals (from its value parsers) are written so. Cut short, as clap may quote an
/// argument whole.
fn first_line(error: &Error) -> String {
    let rendered = error.render().to_string();
    let line = rendered.lines().next().unwrap_or_default();
    shortened(line.strip_prefix("error: ").unwrap_or(line), 160)
}

/// Whether `flag` is an option of some command.
fn is_an_option(cli: &clap::Command, flag: &str) -> bool {
    cli.get_subcommands()
        .flat_map(clap::Command::get_arguments)
        .filter_map(clap::Arg::get_long)
        .any(|long| flag.strip_prefix("--") == Some(long))
}

/// "1 argument", "2 arguments".
fn arguments(n: usize) -> String {
    format!("{n} argument{}", if n == 1 { "" } else { "s" })
}

/// `--base <URL>` as `--base`; `<SHELL>` as `SHELL`.
fn flag_of(arg: &str) -> String {
    match arg.split_once(' ') {
        Some((flag, _)) if flag.starts_with("--") => flag.to_string(),
        _ => arg.replace(['<', '>'], ""),
    }
}

/// "`a`", "`a` or `b`", "`a`, `b` or `c`".
fn either(values: &[String]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    match quoted.split_last() {
        None => "one of its values".into(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// ": did you mean `x`?" with clap's closest suggestion, or nothing when it has none.
fn did_you_mean(error: &Error, kind: ContextKind) -> String {
    // clap lists its suggestions from the least to the most alike.
    match strings(error, kind).last() {
        Some(suggestion) => format!(": did you mean `{}`?", excerpt(suggestion)),
        None => String::new(),
    }
}

fn string(error: &Error, kind: ContextKind) -> String {
    strings(error, kind).into_iter().next().unwrap_or_default()
}

fn strings(error: &Error, kind: ContextKind) -> Vec<String> {
    match error.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(s)) => s.clone(),
        _ => Vec::new(),
    }
}
