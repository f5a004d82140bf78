//! `check-batch`: one learner a CSV row, one verdict a row out.

use crate::catalogue::{builtin, Qualification};
use crate::engine::{evaluate, Plan, Status};

use super::args::shown;
use super::UsageError;

/// Splits one CSV line into fields, honouring double quotes.
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(String::new()),
            _ => out.last_mut().unwrap().push(c),
        }
    }
    out
}

/// Quotes a CSV field when it needs it.
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// Checks every row; returns the output CSV and whether every plan is complete.
pub fn check_batch(quals: &[Qualification], text: &str) -> Result<(String, bool), UsageError> {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let header = lines
        .next()
        .ok_or_else(|| UsageError("the CSV file is empty".into()))?;
    let names: Vec<String> = fields(header)
        .iter()
        .map(|f| f.trim().to_ascii_lowercase())
        .collect();
    if names != ["learner", "qualification", "units"] {
        return Err(UsageError(
            "the CSV header must be `learner,qualification,units`".into(),
        ));
    }
    let mut out = String::from("learner,qualification,status,still_needed\n");
    let mut all_complete = true;
    for (n, line) in lines.enumerate() {
        let row = fields(line);
        let [learner, qual_name, units] = row.as_slice() else {
            return Err(UsageError(format!(
                "row {} has {} fields, not 3",
                n + 2,
                row.len()
            )));
        };
        let (status, needed) = verdict(quals, qual_name, units);
        all_complete &= status == Status::Complete.name();
        out += &format!(
            "{},{},{},{}\n",
            quote(learner.trim()),
            quote(qual_name.trim()),
            status,
            quote(&needed)
        );
    }
    Ok((out, all_complete))
}

/// The status and what is still needed for one row; `error` with the reason for bad rows.
fn verdict(quals: &[Qualification], qual_name: &str, units: &str) -> (&'static str, String) {
    let Some(qual) = builtin::find(quals, qual_name) else {
        return (
            "error",
            format!("unknown qualification `{}`", shown(qual_name.trim())),
        );
    };
    let mut plan = Plan::new(qual);
    for name in units.split_whitespace() {
        match qual.find_unit(name) {
            Some(u) => plan.add(u),
            None => return ("error", format!("unknown unit `{}`", shown(name))),
        }
    }
    let eval = evaluate(qual, &plan);
    let mut needed: Vec<String> = eval
        .rules
        .iter()
        .filter_map(|r| r.still_needed.clone())
        .collect();
    needed.extend(eval.conflicts.iter().map(|&(a, b)| {
        format!(
            "{} and {} are barred",
            qual.units[a].label(),
            qual.units[b].label()
        )
    }));
    (eval.status.name(), needed.join("; "))
}
