//! The command-line checker `unit-planner`: list, show, check, suggest, validate and
//! check-batch, each with a readable form and a `--json` form.

mod args;
mod batch;
mod human;
pub mod report;

use std::collections::BTreeSet;
use std::io::Write;

use crate::catalogue::{builtin, parse_spec, Qualification, UnitIdx};
use crate::document::PlanDoc;
use crate::engine::{complete_plan, evaluate, feasibility, Plan, Status};
use crate::link;

pub use args::{Args, UsageError};

/// Where the web app is served when `link` is given no `--base`.
const DEFAULT_BASE: &str = "http://127.0.0.1:8080";

/// Largest file the checker reads, in bytes.
const MAX_FILE: u64 = 1 << 20;

/// Runs the checker on `argv` (without the program name), writing to `out`; returns the
/// exit status: 0 for success (a complete plan), 1 for a negative answer, 2 for bad input.
pub fn run(argv: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match dispatch(argv, out) {
        Ok(code) => code,
        Err(UsageError(message)) => {
            let _ = writeln!(err, "unit-planner: {message}");
            2
        }
    }
}

fn dispatch(argv: &[String], out: &mut dyn Write) -> Result<i32, UsageError> {
    let args = Args::parse(argv)?;
    let write = |out: &mut dyn Write, text: String| {
        let _ = out.write_all(text.as_bytes());
    };
    match args.command.as_str() {
        "list" => {
            args.expect_positionals(0)?;
            let quals = catalogue()?;
            if args.json {
                let all: Vec<_> = quals.iter().map(report::summary).collect();
                write(out, pretty(&all));
            } else {
                write(out, human::list(quals));
            }
            Ok(0)
        }
        "show" => {
            args.expect_positionals(1)?;
            let owned = args.spec_file()?;
            let qual = qualification(&owned, &args.positionals[0])?;
            write(
                out,
                if args.json {
                    pretty(&report::show(qual))
                } else {
                    human::show(qual)
                },
            );
            Ok(0)
        }
        "check" => {
            let owned = args.spec_file()?;
            let qual = qualification(&owned, args.first()?)?;
            let plan = Plan::with_units(qual, units(qual, &args.positionals[1..])?);
            let eval = evaluate(qual, &plan);
            write(
                out,
                if args.json {
                    pretty(&report::check(qual, &eval))
                } else {
                    human::check(qual, &eval)
                },
            );
            Ok(i32::from(eval.status != Status::Complete))
        }
        "suggest" => {
            let owned = args.spec_file()?;
            let qual = qualification(&owned, args.first()?)?;
            let plan = Plan::with_units(qual, units(qual, &args.positionals[1..])?);
            let exclude: BTreeSet<UnitIdx> = units(qual, &args.excluded)?.into_iter().collect();
            let result = complete_plan(qual, &plan, &exclude);
            let mut after = plan.clone();
            if let Ok(done) = &result {
                done.add.iter().for_each(|&u| after.add(u));
            }
            let status_after = evaluate(qual, &after).status;
            write(
                out,
                if args.json {
                    pretty(&report::suggest(qual, &result, status_after))
                } else {
                    human::suggest(qual, &result)
                },
            );
            Ok(i32::from(result.is_err()))
        }
        "validate" => {
            args.expect_positionals(1)?;
            let (name, text) = read_file(&args.positionals[0])?;
            let (valid, lines) = match parse_spec(&name, &text) {
                Ok(qual) => {
                    let size = format!("{} units, {} rules", qual.units.len(), qual.rules.len());
                    match human::feasibility(&qual, &feasibility(&qual)) {
                        Ok(None) => (true, vec![format!("{name}: ok ({size})")]),
                        Ok(Some(note)) => (true, vec![format!("{name}: ok ({size}); {note}")]),
                        Err(problem) => (false, vec![format!("{name}: {problem}")]),
                    }
                }
                Err(e) => (false, e.to_string().lines().map(str::to_string).collect()),
            };
            write(out, lines.join("\n") + "\n");
            Ok(i32::from(!valid))
        }
        "check-batch" => {
            args.expect_positionals(1)?;
            let (_, text) = read_file(&args.positionals[0])?;
            let (csv, all_complete) = batch::check_batch(catalogue()?, &text)?;
            write(out, csv);
            Ok(i32::from(!all_complete))
        }
        "link" => {
            let qual = qualification(&None, args.first()?)?;
            let mut doc = PlanDoc::new(qual);
            doc.units = units(qual, &args.positionals[1..])?
                .into_iter()
                .map(|u| qual.units[u].key)
                .collect();
            doc.name = args.name.clone();
            let base = args
                .base
                .as_deref()
                .unwrap_or(DEFAULT_BASE)
                .trim_end_matches('/');
            write(
                out,
                format!(
                    "{base}{}\n",
                    link::share_path(qual, &doc, doc.name.is_some())
                ),
            );
            Ok(0)
        }
        "open" => {
            args.expect_positionals(1)?;
            let quals = catalogue()?;
            let opened =
                link::decode(quals, &args.positionals[0]).map_err(|e| UsageError(e.to_string()))?;
            let qual = &quals[opened.qualification];
            let (plan, problems) = opened.doc.to_plan(qual);
            let eval = evaluate(qual, &plan);
            let report = report::opened(qual, &opened, &plan, &problems, &eval);
            write(
                out,
                if args.json {
                    pretty(&report)
                } else {
                    human::opened(qual, &report, &eval)
                },
            );
            Ok(i32::from(eval.status != Status::Complete))
        }
        "help" | "--help" => {
            write(out, args::USAGE.to_string());
            Ok(0)
        }
        other => Err(UsageError(format!(
            "unknown command `{}` (try `unit-planner help`)",
            args::shown(other)
        ))),
    }
}

fn pretty<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

fn catalogue() -> Result<&'static [Qualification], UsageError> {
    match builtin::load_errors().first() {
        Some(e) => Err(UsageError(format!(
            "the built-in catalogue is broken: {}",
            e.to_string().replace('\n', " ")
        ))),
        None => Ok(builtin::catalogue()),
    }
}

/// The qualification named `name`: from a `--spec` file if one was given, else the catalogue.
fn qualification<'a>(
    owned: &'a Option<Qualification>,
    name: &str,
) -> Result<&'a Qualification, UsageError> {
    let found = match owned {
        Some(q) => builtin::find(std::slice::from_ref(q), name),
        None => builtin::find(catalogue()?, name),
    };
    found.ok_or_else(|| {
        UsageError(format!(
            "unknown qualification `{}` (see `unit-planner list`)",
            args::shown(name)
        ))
    })
}

fn units(qual: &Qualification, names: &[String]) -> Result<Vec<UnitIdx>, UsageError> {
    names
        .iter()
        .map(|n| {
            qual.find_unit(n).ok_or_else(|| {
                UsageError(format!("unknown unit `{}` in {}", args::shown(n), qual.id))
            })
        })
        .collect()
}

/// Reads a file of at most [`MAX_FILE`] bytes, as UTF-8.
fn read_file(path: &str) -> Result<(String, String), UsageError> {
    let fail = |why: String| UsageError(format!("cannot read `{}`: {why}", args::shown(path)));
    let meta = std::fs::metadata(path).map_err(|e| fail(e.kind().to_string()))?;
    if !meta.is_file() {
        return Err(fail("not a file".into()));
    }
    if meta.len() > MAX_FILE {
        return Err(fail(format!("larger than {} bytes", MAX_FILE)));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(e.kind().to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| fail("not UTF-8 text".into()))?;
    let name = std::path::Path::new(path)
        .file_name()
        .map_or(path.to_string(), |n| n.to_string_lossy().into_owned());
    Ok((name, text))
}

impl Args {
    /// The qualification from `--spec FILE`, if given.
    fn spec_file(&self) -> Result<Option<Qualification>, UsageError> {
        let Some(path) = &self.spec else {
            return Ok(None);
        };
        let (name, text) = read_file(path)?;
        parse_spec(&name, &text)
            .map(Some)
            .map_err(|e| UsageError(e.to_string().replace('\n', " ")))
    }
}
