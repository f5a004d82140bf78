//! Command-line argument parsing: each command names the options it honours, and any other
//! option is refused with one line.

use crate::text::excerpt;

/// Bad input: the message is printed on one line and the exit status is 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

/// The usage text.
pub const USAGE: &str = "\
usage: unit-planner <command> [options]

  list [--json] [--spec FILE]                     qualifications in the catalogue (or the file)
  show QUAL [--json] [--spec FILE]                groups, units, rules, barred pairs, notes
  check QUAL [UNIT...] [--json] [--spec FILE]     evaluate a plan (exit 0 when complete)
  suggest QUAL [UNIT...] [--exclude UNIT]... [--json] [--spec FILE]
                                                  cheapest units that complete the plan
  validate FILE [--json]                          check a qualification file
  check-batch FILE.csv [--json] [--spec FILE]     one learner a row: learner,qualification,units
  link QUAL [UNIT...] [--name NAME] [--base URL] [--json] [--spec FILE]
                                                  the share link the web app makes for a plan
  open LINK [--json]                              decode a share link and check its plan
  review LINK --by NAME --verdict approved|changes [--note TEXT] [--date DD/MM/YYYY] [--json]
                                                  the link with an adviser's review added
  edit LINK [--add UNIT]... [--remove UNIT]... [--json]
                                                  the link of the changed plan (a review stays,
                                                  no longer current)
  diff LINK_A LINK_B [--json]                     units added and removed, progress changed
  carry QUAL [UNIT...] [--json]                   other qualifications the units appear in, and
                                                  where each would stand with them carried over
  import SPEC.txt [--out FILE] [--json]           a draft qualification file read from a
                                                  specification's text (never overwrites FILE)

QUAL is a qualification id or number (600/4940/6); UNIT is an Ofqual reference (A/601/6047)
or the awarding body's code (CSP04); both case-insensitive.
";

/// An option a command may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opt {
    /// `--json`
    Json,
    /// `--spec FILE`
    Spec,
    /// `--exclude UNIT`, repeatable
    Exclude,
    /// `--name NAME`
    Name,
    /// `--base URL`
    Base,
    /// `--by NAME`
    By,
    /// `--verdict approved|changes`
    Verdict,
    /// `--note TEXT`
    Note,
    /// `--date DD/MM/YYYY`
    Date,
    /// `--add UNIT`, repeatable
    Add,
    /// `--remove UNIT`, repeatable
    Remove,
    /// `--out FILE`
    Out,
}

impl Opt {
    fn flag(self) -> &'static str {
        match self {
            Opt::Json => "--json",
            Opt::Spec => "--spec",
            Opt::Exclude => "--exclude",
            Opt::Name => "--name",
            Opt::Base => "--base",
            Opt::By => "--by",
            Opt::Verdict => "--verdict",
            Opt::Note => "--note",
            Opt::Date => "--date",
            Opt::Add => "--add",
            Opt::Remove => "--remove",
            Opt::Out => "--out",
        }
    }

    fn from_flag(flag: &str) -> Option<Opt> {
        [
            Opt::Json,
            Opt::Spec,
            Opt::Exclude,
            Opt::Name,
            Opt::Base,
            Opt::By,
            Opt::Verdict,
            Opt::Note,
            Opt::Date,
            Opt::Add,
            Opt::Remove,
            Opt::Out,
        ]
        .into_iter()
        .find(|o| o.flag() == flag)
    }
}

/// The options each command honours.
fn honoured(command: &str) -> &'static [Opt] {
    match command {
        "list" | "show" | "check" | "check-batch" => &[Opt::Json, Opt::Spec],
        "suggest" => &[Opt::Json, Opt::Spec, Opt::Exclude],
        "link" => &[Opt::Json, Opt::Spec, Opt::Name, Opt::Base],
        "validate" | "open" | "diff" | "carry" => &[Opt::Json],
        "review" => &[Opt::Json, Opt::By, Opt::Verdict, Opt::Note, Opt::Date],
        "edit" => &[Opt::Json, Opt::Add, Opt::Remove],
        "import" => &[Opt::Json, Opt::Out],
        _ => &[],
    }
}

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
    /// `--base URL` for `link`: checked to be an http(s) address.
    pub base: Option<String>,
    /// `--by NAME` for `review`.
    pub by: Option<String>,
    /// `--verdict` for `review`.
    pub verdict: Option<String>,
    /// `--note TEXT` for `review`.
    pub note: Option<String>,
    /// `--date` for `review`.
    pub date: Option<String>,
    /// Each `--add UNIT` for `edit`.
    pub added: Vec<String>,
    /// Each `--remove UNIT` for `edit`.
    pub removed: Vec<String>,
    /// `--out FILE` for `import`.
    pub out: Option<String>,
}

impl Args {
    /// Parses `argv` (without the program name).
    pub fn parse(argv: &[String]) -> Result<Args, UsageError> {
        crate::answers::within_limits(argv).map_err(UsageError)?;
        let mut iter = argv.iter();
        let command = iter
            .next()
            .ok_or_else(|| UsageError("no command given (try `unit-planner help`)".into()))?;
        let mut args = Args {
            command: command.clone(),
            ..Args::default()
        };
        while let Some(arg) = iter.next() {
            if arg.trim().is_empty() {
                return Err(UsageError("an argument is empty".into()));
            }
            if !arg.starts_with("--") {
                args.positionals.push(arg.clone());
                continue;
            }
            let opt = Opt::from_flag(arg)
                .ok_or_else(|| UsageError(format!("unknown option `{}`", excerpt(arg))))?;
            if !honoured(command).contains(&opt) {
                return Err(UsageError(format!(
                    "`{}` does not take {} (try `unit-planner help`)",
                    excerpt(command),
                    opt.flag()
                )));
            }
            if opt == Opt::Json {
                args.json = true;
                continue;
            }
            let value = iter
                .next()
                .filter(|v| !v.trim().is_empty() && !v.starts_with("--"))
                .cloned()
                .ok_or_else(|| UsageError(format!("{} needs a value", opt.flag())))?;
            let repeated = match opt {
                Opt::Spec => args.spec.replace(value).is_some(),
                Opt::Exclude => {
                    args.excluded.push(value);
                    false
                }
                Opt::Name => args.name.replace(value).is_some(),
                Opt::Base => args.base.replace(web_base(&value)?).is_some(),
                Opt::By => args.by.replace(value).is_some(),
                Opt::Verdict => args.verdict.replace(value).is_some(),
                Opt::Note => args.note.replace(value).is_some(),
                Opt::Date => args.date.replace(value).is_some(),
                Opt::Add => {
                    args.added.push(value);
                    false
                }
                Opt::Remove => {
                    args.removed.push(value);
                    false
                }
                Opt::Out => args.out.replace(value).is_some(),
                Opt::Json => false,
            };
            if repeated {
                return Err(UsageError(format!("{} is given twice", opt.flag())));
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
                excerpt(&self.command),
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
                excerpt(&self.command)
            ))
        })
    }
}

/// A link base must be an http or https address with a host, and nothing a terminal or a
/// browser would read as more than an address.
fn web_base(value: &str) -> Result<String, UsageError> {
    let refuse = || {
        UsageError(format!(
            "--base must be an http:// or https:// address (got `{}`)",
            excerpt(value)
        ))
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
