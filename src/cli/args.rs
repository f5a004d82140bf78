//! The command line as `clap` reads it: each command with the arguments and options it
//! takes (any other option is refused) and its help in the README's words.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::ErrorKind;
use clap::{Arg, CommandFactory, Parser, Subcommand, ValueEnum, ValueHint};
use clap_complete::Shell;

use crate::catalogue::Date;
use crate::document::Verdict;
use crate::text::excerpt;

use super::usage::{self, UsageError};

/// What `--json` does, on every command that answers.
const JSON: &str = "Print the answer as JSON";
/// What QUAL is.
const QUAL: &str = "A qualification id or its number as printed (600/4940/6), any case";
/// What UNIT is.
const UNIT: &str =
    "An Ofqual unit reference (A/601/6047) or the awarding body's code (CSP04), any case";
/// What LINK is.
const LINK: &str = "A share link, as the web app or `unit-planner link` makes it";

/// The checker's command line.
#[derive(Parser, Debug)]
#[command(
    name = "unit-planner",
    version,
    about = "Plan the optional units of a UK vocational qualification and check them against its rules of combination",
    after_help = "QUAL is a qualification id or number (600/4940/6); UNIT is an Ofqual reference (A/601/6047)\nor the awarding body's code (CSP04); both case-insensitive. Every command that answers takes\n--json. Exit status: 0 for success (a complete plan), 1 for a negative answer, 2 for bad input.\n\n`unit-planner help COMMAND` or `unit-planner COMMAND --help` tells more of each.",
    subcommand_required = true
)]
pub struct Cli {
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// A command and what it was given.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// The qualifications in the catalogue (or the file)
    #[command(
        long_about = "The qualifications in the catalogue (or in the `--spec` file).\n\nExit status: 0; 2 for bad input."
    )]
    List {
        #[command(flatten)]
        spec: Spec,
        #[arg(long, help = JSON, overrides_with = "json")]
        json: bool,
    },
    /// Groups, units, rules, barred units, notes
    #[command(
        long_about = "Groups, units (with the basis of each level and credit value), rules, barred units (each set as the file lists it), notes on the source.\n\nExit status: 0; 2 for bad input."
    )]
    Show {
        #[arg(value_name = "QUAL", help = QUAL)]
        qual: String,
        #[command(flatten)]
        spec: Spec,
        #[arg(long, help = JSON, overrides_with = "json")]
        json: bool,
    },
    /// Evaluate a plan (exit 0 when complete)
    #[command(
        long_about = "Each rule met ✓, unmet ✗ or unconfirmed ?, what is still needed, and the overall status: complete, incomplete, unconfirmed or blocked.\n\nExit status: 0 when complete, else 1; 2 for bad input."
    )]
    Check {
        #[command(flatten)]
        plan: PlanArgs,
        #[command(flatten)]
        spec: Spec,
        #[arg(long, help = JSON, overrides_with = "json")]
        json: bool,
    },
    /// The cheapest units that complete the plan
    #[command(
        long_about = "The units to add that complete the plan with the fewest extra credits (then fewest units, then source order); only units with stated credits are proposed. The search is exact; on data too large to search within about a second it says that it stopped (never \"no completion\").\n\nExit status: 0, or 1 with a reason when no completion exists or the search stopped; 2 for bad input."
    )]
    Suggest {
        #[command(flatten)]
        plan: PlanArgs,
        /// A unit not to propose (repeatable)
        #[arg(long, value_name = "UNIT", allow_hyphen_values = true, value_parser = Checked(text))]
        exclude: Vec<String>,
        #[command(flatten)]
        spec: Spec,
        #[arg(long, help = JSON, overrides_with = "json")]
        json: bool,
    },
    /// Check a qualification file
    #[command(
        long_about = "Checks a qualification file in the `specs/` format and reports every problem (the first 30, then how many more), including whether any plan at all can complete it, naming the rules that cannot be met together.\n\nExit status: 0 when valid, else 1; 2 for a file that cannot be read."
    )]
    Validate {
        /// The qualification file
        #[arg(value_name = "FILE", value_hint = ValueHint::FilePath)]
        file: PathBuf,
        #[arg(long, help = JSON, overrides_with = "json")]
        json: bool,
    },
    /// One learner a row: learner,qualification,units
    #[command(
        long_about = "One learner a row (`learner,qualification,units`, units separated by spaces); prints a CSV of verdicts (`learner,qualification,status,still_needed,row`, where `row` is the line of the input file). A row that cannot be checked gets status `error` and why; the other rows are still checked.\n\nExit status: 0 when every plan is complete, else 1; 2 for bad input."
    )]
    CheckBatch {
        /// The CSV file
        #[arg(value_name = "FILE.csv", value_hint = ValueHint::FilePath)]
        file: PathBuf,
        #[command(flatten)]
        spec: Spec,
        #[arg(long, help = JSON, overrides_with = "json")]
        json: bool,
    },
    /// The share link the web app makes for a plan
    #[command(
        long_about = "The share link the web app makes for that plan (`--base` must be an `http://` or `https://` address).\n\nExit status: 0; 2 for bad input."
    )]
    Link {
        #[command(flatten)]
        plan: PlanArgs,
        /// The plan's name
        #[arg(long, value_name = "NAME", allow_hyphen_values = true, value_parser = Checked(text))]
        name: Option<String>,
        /// Where the web app is served (an http:// or https:// address) [default: http://127.0.0.1:8080]
        #[arg(long, value_name = "URL", value_hint = ValueHint::Url, allow_hyphen_values = true, value_parser = Checked(base))]
        base: Option<String>,
        #[command(flatten)]
        spec: Spec,
        #[arg(long, help = JSON, overrides_with = "json")]
        json: bool,
    },
    /// Decode a share link and check its plan
    #[command(
        long_about = "Decodes a share link and re-checks its plan against the catalogue; `--json` gives each unit's progress (`planned`, `in_progress`, `achieved`, `transferred`, `exempt`), transfer details, the note, and `review`: null or `{by, verdict, note, date, current, added, removed}` (`current` is false once the plan changed after the review; `added`/`removed` are relative to the reviewed plan).\n\nExit status: 0 when complete, else 1; 2 for a damaged link or other bad input."
    )]
    Open {
        #[arg(value_name = "LINK", help = LINK)]
        link: String,
        #[arg(long, help = JSON, overrides_with = "json")]
        json: bool,
    },
    /// The link with an adviser's review added
    #[command(
        long_about = "Prints the link with the adviser's review added (dated today unless `--date`; a review may be dated from 01/01/2000 to tomorrow, and a link carrying a review dated outside that opens with a warning, in `open` and on the web), on the address of the link given (an `http://` or `https://` address).\n\nExit status: 0; 2 for bad input."
    )]
    Review {
        #[arg(value_name = "LINK", help = LINK)]
        link: String,
        /// The adviser's name
        #[arg(long, value_name = "NAME", required = true, allow_hyphen_values = true, value_parser = Checked(text))]
        by: String,
        /// The verdict
        #[arg(long, required = true)]
        verdict: Verdict,
        /// A note to the learner
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true, value_parser = Checked(text))]
        note: Option<String>,
        /// The day of the review [default: today]
        #[arg(long, value_name = "DD/MM/YYYY", allow_hyphen_values = true, value_parser = Checked(date))]
        date: Option<Date>,
        #[arg(long, help = JSON, overrides_with = "json")]
        json: bool,
    },
    /// The link of the changed plan (a review stays, no longer current)
    #[command(
        long_about = "Prints the link of the changed plan; a review stays, and is then not current. The link keeps the address of the link given (an `http://` or `https://` address).\n\nExit status: 0; 2 for bad input."
    )]
    Edit {
        #[arg(value_name = "LINK", help = LINK)]
        link: String,
        /// A unit to add (repeatable)
        #[arg(long, value_name = "UNIT", allow_hyphen_values = true, value_parser = Checked(text))]
        add: Vec<String>,
        /// A unit to remove (repeatable)
        #[arg(long, value_name = "UNIT", allow_hyphen_values = true, value_parser = Checked(text))]
        remove: Vec<String>,
        #[arg(long, help = JSON, overrides_with = "json")]
        json: bool,
    },
    /// Units added and removed, progress changed
    #[command(
        long_about = "From A to B: units added, units removed, progress changed (`--json`: `{added, removed, progress: [{unit, from, to}]}`); the links must be for the same qualification.\n\nExit status: 0; 2 for bad input."
    )]
    Diff {
        #[arg(value_name = "LINK_A", help = LINK)]
        link_a: String,
        #[arg(value_name = "LINK_B", help = LINK)]
        link_b: String,
        #[arg(long, help = JSON, overrides_with = "json")]
        json: bool,
    },
    /// Other qualifications the units appear in, and where each would stand with them carried over
    #[command(
        long_about = "The other qualifications the units (all the qualification's units when none are named) appear in: each unit's match (`reference` or `title`) and the status a plan there would have with them carried over (`--json`: `[{qualification, units: [{from, to, match}], status_after}]`).\n\nExit status: 0; 2 for bad input."
    )]
    Carry {
        #[command(flatten)]
        plan: PlanArgs,
        #[arg(long, help = JSON, overrides_with = "json")]
        json: bool,
    },
    /// A draft qualification file read from a specification's text
    #[command(
        long_about = "Reads a specification's plain text and writes a draft qualification file (below); without `--out` prints it; `--out` never replaces an existing file. Every value is stated with the line it is printed on; what the importer could not read is left unknown and listed.\n\nExit status: 0 when the draft loads, 1 when it has problems to fix, 2 for bad input."
    )]
    Import {
        /// The specification as plain text
        #[arg(value_name = "SPEC.txt", value_hint = ValueHint::FilePath)]
        file: PathBuf,
        /// Where to write the draft (never replaced when it exists)
        #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath, allow_hyphen_values = true, value_parser = Checked(text))]
        out: Option<String>,
        #[arg(long, help = JSON, overrides_with = "json")]
        json: bool,
    },
    /// The completion script for a shell
    #[command(
        long_about = "Prints the completion script for SHELL (`bash`, `zsh`, `fish`, `elvish` or `powershell`). bash: `source <(unit-planner completions bash)` in ~/.bashrc, or save it as ~/.local/share/bash-completion/completions/unit-planner; zsh: save it as `_unit-planner` in a directory of $fpath; fish: save it as ~/.config/fish/completions/unit-planner.fish.\n\nExit status: 0; 2 for bad input."
    )]
    Completions {
        /// The shell
        #[arg(value_name = "SHELL")]
        shell: Shell,
    },
    /// The manual page (roff) of the checker or of a command
    #[command(
        long_about = "Prints the manual page (roff) of the checker, or of one command (`unit-planner-check(1)`): `unit-planner manpage | man -l -`, or save it as unit-planner.1 in a man1 directory.\n\nExit status: 0; 2 for bad input."
    )]
    Manpage {
        /// The command whose page to print (unit-planner-COMMAND(1))
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
    },
}

/// `--spec FILE`.
#[derive(clap::Args, Debug)]
pub struct Spec {
    /// Use a qualification file of your own (the `specs/` format) instead of the built-in catalogue
    #[arg(id = "spec", long = "spec", value_name = "FILE", value_hint = ValueHint::FilePath, allow_hyphen_values = true, value_parser = Checked(path))]
    pub file: Option<PathBuf>,
}

/// A plan: `QUAL [UNIT...]`.
#[derive(clap::Args, Debug)]
pub struct PlanArgs {
    #[arg(value_name = "QUAL", help = QUAL)]
    pub qual: String,
    #[arg(value_name = "UNIT", help = UNIT)]
    pub units: Vec<String>,
    /// The pathway chosen, by id, in a qualification with pathways (`show` lists them)
    #[arg(long, value_name = "ID", allow_hyphen_values = true, value_parser = Checked(text))]
    pub pathway: Option<String>,
    /// Credit from elsewhere, as GROUP:CREDITS:TITLE (CREDITS `?` when not known yet; repeatable)
    #[arg(long, value_name = "GROUP:CREDITS:TITLE", allow_hyphen_values = true, value_parser = Checked(text))]
    pub elsewhere: Vec<String>,
}

/// The command line's full description, as parsing, the completions and the manual page
/// use it.
pub fn command() -> clap::Command {
    Cli::command()
}

/// What a command line asks for.
pub enum Parsed {
    /// A command to run.
    Run(Command),
    /// Help or the version, to print.
    Print(String),
}

/// Reads `argv` (without the program name).
pub fn parse(argv: &[OsString]) -> Result<Parsed, UsageError> {
    let text: Vec<String> = argv
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    usage::precheck(&text)?;
    let program = std::iter::once(OsString::from("unit-planner"));
    match Cli::try_parse_from(program.chain(argv.iter().cloned())) {
        Ok(cli) => Ok(Parsed::Run(cli.command)),
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            Ok(Parsed::Print(e.render().to_string()))
        }
        Err(e) => Err(usage::one_line(&e, &text, &command())),
    }
}

impl ValueEnum for Verdict {
    fn value_variants<'a>() -> &'a [Self] {
        &[Verdict::Approved, Verdict::Changes]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.label()))
    }
}

/// An option's value, read by its function after the checks every value gets: not empty,
/// and not starting with `--` (the value was left out before the next option). A refusal
/// names the option.
#[derive(Clone, Copy)]
struct Checked<T>(fn(&OsStr) -> Result<T, String>);

impl<T: Clone + Send + Sync + 'static> TypedValueParser for Checked<T> {
    type Value = T;

    fn parse_ref(
        &self,
        _: &clap::Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        let flag = arg
            .and_then(Arg::get_long)
            .map_or_else(String::new, |long| format!("--{long} "));
        let refuse =
            |why: String| clap::Error::raw(ErrorKind::ValueValidation, flag.clone() + &why);
        if value.to_string_lossy().trim().is_empty() || value.as_encoded_bytes().starts_with(b"--")
        {
            return Err(refuse("needs a value".into()));
        }
        (self.0)(value).map_err(refuse)
    }
}

/// A value that must be text.
fn text(value: &OsStr) -> Result<String, String> {
    value
        .to_str()
        .map(str::to_string)
        .ok_or_else(|| "is not UTF-8 text".into())
}

/// A file name, as the system gives it (it may not be UTF-8).
fn path(value: &OsStr) -> Result<PathBuf, String> {
    Ok(PathBuf::from(value))
}

/// A date as DD/MM/YYYY; the refusal quotes an excerpt of the value, not all of it.
fn date(value: &OsStr) -> Result<Date, String> {
    let value = text(value)?;
    value
        .parse()
        .map_err(|e: String| e.replace(&value, &excerpt(&value)))
}

/// `--base`: a web address.
fn base(value: &OsStr) -> Result<String, String> {
    web_address(&text(value)?)
}

/// A link base must be an http or https address with a host, and nothing a terminal or a
/// browser would read as more than an address; it is given without a trailing `/`.
pub fn web_address(value: &str) -> Result<String, String> {
    let refuse = || {
        format!(
            "must be an http:// or https:// address (got `{}`)",
            excerpt(value)
        )
    };
    let lower = value.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or_else(refuse)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty()
        || value.contains('#')
        || value
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '`'))
    {
        return Err(refuse());
    }
    Ok(value.trim_end_matches('/').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        command().debug_assert();
    }
}
