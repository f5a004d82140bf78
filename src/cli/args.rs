//! Command-line argument parsing, with limits on what is accepted.

/// Bad input: the message is printed on one line and the exit status is 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

/// Longest argument accepted, in characters.
const MAX_ARG: usize = 256;
/// Most arguments accepted.
const MAX_ARGS: usize = 1000;

/// The usage text.
pub const USAGE: &str = "\
usage: unit-planner <command> [options]

  list [--json]                                   qualifications in the catalogue
  show QUAL [--json] [--spec FILE]                groups, units, rules, barred pairs, notes
  check QUAL [UNIT...] [--json] [--spec FILE]     evaluate a plan (exit 0 when complete)
  suggest QUAL [UNIT...] [--exclude UNIT]... [--json] [--spec FILE]
                                                  cheapest units that complete the plan
  validate FILE                                   check a qualification file
  check-batch FILE.csv                            one learner a row: learner,qualification,units
  link QUAL [UNIT...] [--name NAME] [--base URL]  the share link the web app makes for a plan
  open LINK [--json]                              decode a share link and check its plan

QUAL is a qualification id or number (600/4940/6); UNIT is an Ofqual reference (A/601/6047)
or the awarding body's code (CSP04); both case-insensitive.
";

/// Parsed arguments.
#[derive(Debug, Default)]
pub struct Args {
    /// The command word.
    pub command: String,
    /// Positional arguments after the command.
    pub positionals: Vec<String>,
    /// `--json` was given.
    pub json: bool,
    /// `--spec FILE`.
    pub spec: Option<String>,
    /// Each `--exclude UNIT`.
    pub excluded: Vec<String>,
    /// `--name NAME` for `link`.
    pub name: Option<String>,
    /// `--base URL` for `link`.
    pub base: Option<String>,
}

/// An argument as it may be shown in a message: at most 40 characters, printable only.
pub fn shown(arg: &str) -> String {
    let clean: String = arg.chars().filter(|c| !c.is_control()).take(40).collect();
    if arg.chars().count() > 40 {
        format!("{clean}…")
    } else {
        clean
    }
}

impl Args {
    /// Parses `argv` (without the program name).
    pub fn parse(argv: &[String]) -> Result<Args, UsageError> {
        if argv.len() > MAX_ARGS {
            return Err(UsageError(format!(
                "too many arguments ({}; at most {MAX_ARGS})",
                argv.len()
            )));
        }
        if let Some(long) = argv.iter().find(|a| a.chars().count() > MAX_ARG) {
            return Err(UsageError(format!(
                "an argument is too long ({} characters; at most {MAX_ARG})",
                long.chars().count()
            )));
        }
        let mut iter = argv.iter();
        let command = iter
            .next()
            .ok_or_else(|| UsageError("no command given (try `unit-planner help`)".into()))?;
        let mut args = Args {
            command: command.clone(),
            ..Args::default()
        };
        while let Some(arg) = iter.next() {
            let mut value = |flag: &str| {
                iter.next()
                    .filter(|v| !v.trim().is_empty())
                    .cloned()
                    .ok_or_else(|| UsageError(format!("{flag} needs a value")))
            };
            match arg.as_str() {
                "--json" => args.json = true,
                "--spec" => args.spec = Some(value("--spec")?),
                "--exclude" => args.excluded.push(value("--exclude")?),
                "--name" => args.name = Some(value("--name")?),
                "--base" => args.base = Some(value("--base")?),
                flag if flag.starts_with("--") => {
                    return Err(UsageError(format!("unknown option `{}`", shown(flag))))
                }
                "" => return Err(UsageError("an argument is empty".into())),
                _ if arg.trim().is_empty() => {
                    return Err(UsageError("an argument is empty".into()))
                }
                _ => args.positionals.push(arg.clone()),
            }
        }
        Ok(args)
    }

    /// Fails unless exactly `n` positional arguments were given.
    pub fn expect_positionals(&self, n: usize) -> Result<(), UsageError> {
        if self.positionals.len() == n {
            Ok(())
        } else {
            Err(UsageError(format!(
                "`{}` takes {n} argument{} ({} given; try `unit-planner help`)",
                self.command,
                if n == 1 { "" } else { "s" },
                self.positionals.len()
            )))
        }
    }

    /// The first positional argument (the qualification).
    pub fn first(&self) -> Result<&str, UsageError> {
        self.positionals.first().map(String::as_str).ok_or_else(|| {
            UsageError(format!(
                "`{}` needs a qualification (try `unit-planner list`)",
                self.command
            ))
        })
    }
}
