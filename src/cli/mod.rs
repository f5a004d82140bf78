//! The command-line checker `unit-planner`: list, show, check, suggest, validate,
//! check-batch, link, open, review, edit, diff and carry, each with a readable form and a
//! `--json` form; and its shell completions and manual page.
//!
//! Every byte it prints goes through [`emit`], which shows control characters from files,
//! links and CSV rows as visible escapes, so no input can drive the terminal.

mod args;
mod batch;
mod generated;
mod human;
mod import;
mod usage;

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::io::Write;
use std::path::Path;

use serde_json::json;

use crate::answers;
use crate::catalogue::{builtin, parse_spec, Date, PathwayIdx, Qualification, SpecError, UnitIdx};
use crate::document::link::{self, Opened};
use crate::document::review::review_date;
use crate::document::{carry as carrying, PlanDoc, Review, Verdict};
use crate::engine::{complete_plan, evaluate, feasibility_by_pathway, Status};
use crate::report;
use crate::text::{excerpt, is_hidden, visible, visible_lines};

use args::{Command, Parsed, PlanArgs, Spec};
pub use usage::UsageError;

/// Where the web app is served when `link` is given no `--base`.
const DEFAULT_BASE: &str = "http://127.0.0.1:8080";
/// Largest qualification file the checker reads, in bytes.
const MAX_SPEC_FILE: u64 = 1 << 20;
/// Largest CSV file `check-batch` reads, in bytes (100,000 learners fit many times over).
const MAX_CSV_FILE: u64 = 64 << 20;

/// What a command prints.
enum Output {
    Text(String),
    Json(serde_json::Value),
    /// A script or page the checker generated (completions, the manual page): written as
    /// it is, holding no outside text.
    Generated(Vec<u8>),
}

/// Runs the checker on `argv` (without the program name), writing to `out`; returns the
/// exit status: 0 for success (a complete plan), 1 for a negative answer, 2 for bad input.
pub fn run(argv: &[OsString], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match dispatch(argv) {
        Ok((output, code)) => {
            emit(out, output);
            code
        }
        Err(UsageError(message)) => {
            let _ = writeln!(err, "unit-planner: {}", visible(&message));
            2
        }
    }
}

/// Writes `output` with every control character made visible: in text, inside each line;
/// in JSON, as `\u` escapes (serde_json leaves DEL, C1 controls and bidi overrides raw).
fn emit(out: &mut dyn Write, output: Output) {
    let text = match output {
        Output::Generated(bytes) => {
            let _ = out.write_all(&bytes);
            return;
        }
        Output::Text(text) => visible_lines(&text),
        Output::Json(value) => {
            let pretty = serde_json::to_string_pretty(&value)
                .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
            let mut safe = String::with_capacity(pretty.len());
            for c in pretty.chars() {
                if c != '\n' && is_hidden(c) {
                    safe += &format!("\\u{:04x}", c as u32);
                } else {
                    safe.push(c);
                }
            }
            safe + "\n"
        }
    };
    let _ = out.write_all(text.as_bytes());
}

fn dispatch(argv: &[OsString]) -> Result<(Output, i32), UsageError> {
    let command = match args::parse(argv)? {
        Parsed::Run(command) => command,
        Parsed::Print(text) => return Ok((Output::Text(text), 0)),
    };
    match command {
        Command::List { spec, json } => list(&spec, json),
        Command::Show { qual, spec, json } => show(&qual, &spec, json),
        Command::Check { plan, spec, json } => check(&plan, &spec, json),
        Command::Suggest {
            plan,
            exclude,
            spec,
            json,
        } => suggest(&plan, &exclude, &spec, json),
        Command::Validate { file, json } => validate(&file, json),
        Command::CheckBatch { file, spec, json } => check_batch(&file, &spec, json),
        Command::Link {
            plan,
            name,
            base,
            spec,
            json,
        } => make_link(&plan, name, base.as_deref(), &spec, json),
        Command::Open { link, json } => open(&link, json),
        Command::Review {
            link,
            by,
            verdict,
            note,
            date,
            json,
        } => review(&link, &by, verdict, note.as_deref(), date, json),
        Command::Edit {
            link,
            add,
            remove,
            json,
        } => edit(&link, &add, &remove, json),
        Command::Diff {
            link_a,
            link_b,
            json,
        } => diff(&link_a, &link_b, json),
        Command::Carry { plan, json } => carry(&plan, json),
        Command::Completions { shell } => Ok((Output::Generated(generated::completions(shell)), 0)),
        Command::Manpage { command } => Ok((
            Output::Generated(generated::manual_page(command.as_deref())?),
            0,
        )),
        Command::Import { file, out, json } => import::import(&file, out.as_deref(), json),
    }
}

/// Text for a person, or JSON with `--json`.
fn answer(
    as_json: bool,
    text: impl FnOnce() -> String,
    json: impl FnOnce() -> serde_json::Value,
) -> Output {
    if as_json {
        Output::Json(json())
    } else {
        Output::Text(text())
    }
}

fn list(spec: &Spec, json: bool) -> Result<(Output, i32), UsageError> {
    let quals = Catalogue::of(spec)?;
    let quals = quals.all();
    let output = answer(json, || human::list(quals), || answers::list(quals));
    Ok((output, 0))
}

fn show(name: &str, spec: &Spec, json: bool) -> Result<(Output, i32), UsageError> {
    let quals = Catalogue::of(spec)?;
    let qual = quals.find(name)?;
    Ok((answer(json, || human::show(qual), || report::show(qual)), 0))
}

fn check(plan: &PlanArgs, spec: &Spec, json: bool) -> Result<(Output, i32), UsageError> {
    let quals = Catalogue::of(spec)?;
    let (qual, chosen, pathway) = quals.plan(plan)?;
    let elsewhere = quals.elsewhere(plan, qual)?;
    let mut plan = answers::plan(qual, chosen, pathway);
    elsewhere.into_iter().for_each(|e| plan.add_elsewhere(e));
    if json {
        let eval = evaluate(qual, &plan);
        let report = report::check_plan(qual, &plan, &eval);
        return Ok((
            Output::Json(report),
            i32::from(eval.status != Status::Complete),
        ));
    }
    let eval = evaluate(qual, &plan);
    Ok((
        Output::Text(human::check_plan(qual, &plan, &eval)),
        i32::from(eval.status != Status::Complete),
    ))
}

fn suggest(
    plan: &PlanArgs,
    exclude: &[String],
    spec: &Spec,
    json: bool,
) -> Result<(Output, i32), UsageError> {
    let quals = Catalogue::of(spec)?;
    let (qual, chosen, pathway) = quals.plan(plan)?;
    let excluded = units(qual, exclude)?;
    if json {
        let (report, found) = answers::suggest(qual, chosen, excluded, pathway);
        return Ok((Output::Json(report), i32::from(!found)));
    }
    let exclude: BTreeSet<UnitIdx> = excluded.into_iter().collect();
    let result = complete_plan(qual, &answers::plan(qual, chosen, pathway), &exclude);
    Ok((
        Output::Text(human::suggest(qual, &result)),
        i32::from(result.is_err()),
    ))
}

fn validate(file: &Path, json: bool) -> Result<(Output, i32), UsageError> {
    let (name, text) = read_file(file, MAX_SPEC_FILE)?;
    let name = excerpt(&name);
    let SpecCheck {
        problems,
        total,
        note,
        size,
    } = check_spec(&name, &text);
    let valid = problems.is_empty();
    let output = answer(
        json,
        || human::validated(&name, &problems, total, note.as_deref(), size),
        || {
            json!({
                "file": name,
                "valid": valid,
                "problems": problems,
                "problem_count": total,
                "note": note,
                "units": size.map(|s| s.0),
                "rules": size.map(|s| s.1),
            })
        },
    );
    Ok((output, i32::from(!valid)))
}

/// What `validate` finds in a qualification file: the problems to show and how many there
/// are in all, a note on feasibility, and the numbers of units and rules when it loads.
struct SpecCheck {
    problems: Vec<String>,
    total: usize,
    note: Option<String>,
    size: Option<(usize, usize)>,
}

fn check_spec(name: &str, text: &str) -> SpecCheck {
    match parse_spec(name, text) {
        Ok(qual) => {
            let size = Some((qual.units.len(), qual.rules.len()));
            let mut problems = Vec::new();
            let mut note = None;
            for (pathway, verdict) in feasibility_by_pathway(&qual) {
                let on = pathway.map_or(String::new(), |p| {
                    format!("on {}: ", crate::pathway_wording::pathway(&qual, p))
                });
                match human::feasibility(&qual, &verdict) {
                    Ok(found) => note = note.or(found.map(|n| on.clone() + &n)),
                    Err(problem) => problems.push(on + &problem),
                }
            }
            SpecCheck {
                total: problems.len(),
                problems,
                note,
                size,
            }
        }
        Err(e) => SpecCheck {
            problems: e.shown_problems(),
            total: e.problems.len(),
            note: None,
            size: None,
        },
    }
}

fn check_batch(file: &Path, spec: &Spec, json: bool) -> Result<(Output, i32), UsageError> {
    let quals = Catalogue::of(spec)?;
    let (_, bytes) = read_bytes(file, MAX_CSV_FILE)?;
    let verdicts = batch::check_batch(quals.all(), &batch::decode(&bytes)?)?;
    let all_complete = verdicts.iter().all(|v| v.status == Status::Complete.name());
    let output = if json {
        Output::Json(json!(verdicts))
    } else {
        Output::Text(batch::to_csv(&verdicts)?)
    };
    Ok((output, i32::from(!all_complete)))
}

fn make_link(
    plan: &PlanArgs,
    name: Option<String>,
    base: Option<&str>,
    spec: &Spec,
    json: bool,
) -> Result<(Output, i32), UsageError> {
    let quals = Catalogue::of(spec)?;
    let (qual, chosen, pathway) = quals.plan(plan)?;
    let url = written(answers::link(
        base.unwrap_or(DEFAULT_BASE),
        qual,
        chosen,
        pathway,
        name,
    ))?;
    Ok((
        answer(json, || format!("{url}\n"), || json!({ "link": url })),
        0,
    ))
}

fn open(text: &str, json: bool) -> Result<(Output, i32), UsageError> {
    let quals = builtin_catalogue()?;
    let opened = link::decode(quals, text).map_err(|e| UsageError(e.to_string()))?;
    let qual = &quals[opened.qualification];
    let checked = opened.doc.check(qual);
    let (plan, eval) = (&checked.plan, &checked.eval);
    let mut report = report::opened(qual, &opened, plan, &checked.problems, eval);
    if let (Some(review), Some(listed)) = (&opened.doc.review, report["problems"].as_array_mut()) {
        listed.extend(review.date_problem(today()).map(|e| json!(e.to_string())));
    }
    let code = i32::from(eval.status != Status::Complete);
    if json {
        Ok((Output::Json(report), code))
    } else {
        Ok((
            Output::Text(human::opened(qual, &opened.doc, &report, eval)),
            code,
        ))
    }
}

/// Decodes a link given on the command line against the built-in catalogue.
fn opened(text: &str) -> Result<(&'static Qualification, Opened), UsageError> {
    let quals = builtin_catalogue()?;
    let opened = link::decode(quals, text).map_err(|e| UsageError(e.to_string()))?;
    Ok((&quals[opened.qualification], opened))
}

/// The link of `doc`, on the same address as the link it came from, which must be a web
/// address, as `--base` must.
fn relinked(from: &str, qual: &Qualification, doc: &PlanDoc) -> Result<String, UsageError> {
    let base = match link::site_address(from).filter(|b| !b.is_empty()) {
        Some(base) => args::web_address(base)
            .map_err(|why| UsageError(format!("the link's address {why}")))?,
        None => DEFAULT_BASE.to_string(),
    };
    written(format!("{base}{}", link::share_path(qual, doc, true)))
}

/// A link a command is about to print, refused when `open` could not read it back.
fn written(url: String) -> Result<String, UsageError> {
    link::checked(url).map_err(|e| UsageError(crate::wording::link_unwritable(&e)))
}

/// Today's date from the system clock.
fn today() -> Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    Date::from_days(u32::try_from(days).unwrap_or(0)).unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

fn review(
    text: &str,
    by: &str,
    verdict: Verdict,
    note: Option<&str>,
    date: Option<Date>,
    json: bool,
) -> Result<(Output, i32), UsageError> {
    let (qual, mut opened) = opened(text)?;
    let by = crate::document::plain_text(by, crate::document::MAX_NAME);
    if by.is_empty() {
        return Err(UsageError("review needs --by NAME".into()));
    }
    let today = today();
    let date = review_date(date.unwrap_or(today), today).map_err(|e| UsageError(e.to_string()))?;
    let note = note.unwrap_or("");
    if note.chars().count() > crate::document::MAX_NOTE {
        return Err(UsageError(format!(
            "--note is {} characters; at most {}",
            note.chars().count(),
            crate::document::MAX_NOTE
        )));
    }
    opened.doc.review = Some(Review::of(&opened.doc, &by, verdict, note, date));
    let url = relinked(text, qual, &opened.doc)?;
    Ok((
        answer(json, || format!("{url}\n"), || json!({ "link": url })),
        0,
    ))
}

fn edit(
    text: &str,
    add: &[String],
    remove: &[String],
    json: bool,
) -> Result<(Output, i32), UsageError> {
    let (qual, mut opened) = opened(text)?;
    for name in add {
        let u = units(qual, std::slice::from_ref(name))?[0];
        if qual.is_mandatory(u) {
            return Err(UsageError(format!(
                "{} is mandatory: it is always in the plan",
                qual.units[u].label()
            )));
        }
        opened.doc.units.insert(qual.units[u].key);
    }
    for name in remove {
        let u = units(qual, std::slice::from_ref(name))?[0];
        if !opened.doc.units.remove(&qual.units[u].key) {
            return Err(UsageError(format!(
                "{} is not among the plan's optional units",
                qual.units[u].label()
            )));
        }
    }
    let url = relinked(text, qual, &opened.doc)?;
    Ok((
        answer(json, || format!("{url}\n"), || json!({ "link": url })),
        0,
    ))
}

fn diff(link_a: &str, link_b: &str, json: bool) -> Result<(Output, i32), UsageError> {
    let (qual_a, a) = opened(link_a)?;
    let (qual_b, b) = opened(link_b)?;
    if qual_a.id != qual_b.id {
        return Err(UsageError(format!(
            "the links are for different qualifications ({} and {})",
            qual_a.id, qual_b.id
        )));
    }
    let changes = a.doc.changes_to(&b.doc);
    Ok((
        answer(
            json,
            || human::changes(qual_a, &changes),
            || report::changes(qual_a, &changes),
        ),
        0,
    ))
}

fn carry(plan: &PlanArgs, json: bool) -> Result<(Output, i32), UsageError> {
    let catalogue = Catalogue::Builtin(builtin_catalogue()?);
    let quals = catalogue.all();
    let qual = catalogue.find(&plan.qual)?;
    let from = quals.iter().position(|q| q.id == qual.id).unwrap_or(0);
    let chosen = if plan.units.is_empty() {
        (0..qual.units.len()).collect()
    } else {
        units(qual, &plan.units)?
    };
    let destinations: Vec<_> = carrying::destinations(quals, from, &chosen)
        .into_iter()
        .map(|d| {
            let to = &quals[d.qualification];
            let eval = carrying::carried_plan(qual, to, &d.units).check(to).eval;
            (d, eval)
        })
        .collect();
    Ok((
        answer(
            json,
            || human::carried(quals, qual, &destinations),
            || report::carried(quals, qual, &destinations),
        ),
        0,
    ))
}

/// The qualifications a command works on: the built-in catalogue, or the one in `--spec`.
enum Catalogue {
    Builtin(&'static [Qualification]),
    File(Box<Qualification>),
}

impl Catalogue {
    fn of(spec: &Spec) -> Result<Catalogue, UsageError> {
        match &spec.file {
            None => builtin_catalogue().map(Catalogue::Builtin),
            Some(path) => {
                let (name, text) = read_file(path, MAX_SPEC_FILE)?;
                parse_spec(&excerpt(&name), &text)
                    .map(|q| Catalogue::File(Box::new(q)))
                    .map_err(|e| UsageError(one_line(&e)))
            }
        }
    }

    fn all(&self) -> &[Qualification] {
        match self {
            Catalogue::Builtin(quals) => quals,
            Catalogue::File(qual) => std::slice::from_ref(qual),
        }
    }

    fn find(&self, name: &str) -> Result<&Qualification, UsageError> {
        answers::qualification(self.all(), name).map_err(UsageError)
    }

    /// The qualification and units of `plan`.
    fn plan(
        &self,
        plan: &PlanArgs,
    ) -> Result<(&Qualification, Vec<UnitIdx>, Option<PathwayIdx>), UsageError> {
        let qual = self.find(&plan.qual)?;
        let pathway = match &plan.pathway {
            Some(id) => Some(answers::pathway(qual, id).map_err(UsageError)?),
            None => None,
        };
        Ok((qual, units(qual, &plan.units)?, pathway))
    }

    /// The plan's credit from elsewhere (`--elsewhere`).
    fn elsewhere(
        &self,
        plan: &PlanArgs,
        qual: &Qualification,
    ) -> Result<Vec<crate::engine::FromElsewhere>, UsageError> {
        plan.elsewhere
            .iter()
            .map(|e| answers::elsewhere(qual, e).map_err(UsageError))
            .collect()
    }
}

/// A broken file's problems in one line: the first, and how many more.
fn one_line(e: &SpecError) -> String {
    match e.problems.as_slice() {
        [only] => format!("{}: {only}", e.file),
        [first, rest @ ..] => format!(
            "{}: {first} (and {} more; see `unit-planner validate`)",
            e.file,
            rest.len()
        ),
        [] => e.file.clone(),
    }
}

fn builtin_catalogue() -> Result<&'static [Qualification], UsageError> {
    match builtin::load_errors().first() {
        Some(e) => Err(UsageError(format!(
            "the built-in catalogue is broken: {}",
            one_line(e)
        ))),
        None => Ok(builtin::catalogue()),
    }
}

fn units(qual: &Qualification, names: &[String]) -> Result<Vec<UnitIdx>, UsageError> {
    answers::units(qual, names).map_err(UsageError)
}

/// Reads a file of at most `limit` bytes, as UTF-8; returns its name and text.
fn read_file(path: &Path, limit: u64) -> Result<(String, String), UsageError> {
    let (name, bytes) = read_bytes(path, limit)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        UsageError(format!(
            "cannot read `{}`: not UTF-8 text",
            excerpt(&path.to_string_lossy())
        ))
    })?;
    Ok((name, text))
}

/// Reads a file of at most `limit` bytes; returns its name and bytes. A file name that is
/// not UTF-8 is refused as such.
fn read_bytes(path: &Path, limit: u64) -> Result<(String, Vec<u8>), UsageError> {
    let shown = path.to_string_lossy();
    let fail = |why: String| UsageError(format!("cannot read `{}`: {why}", excerpt(&shown)));
    if path.to_str().is_none() {
        return Err(fail("the file name is not UTF-8".into()));
    }
    let meta = std::fs::metadata(path).map_err(|e| fail(e.kind().to_string()))?;
    if !meta.is_file() {
        return Err(fail("not a file".into()));
    }
    if meta.len() > limit {
        return Err(fail(format!("larger than {limit} bytes")));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(e.kind().to_string()))?;
    let name = path
        .file_name()
        .map_or_else(|| shown.to_string(), |n| n.to_string_lossy().into_owned());
    Ok((name, bytes))
}
