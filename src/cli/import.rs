//! `unit-planner import SPEC.txt [--out FILE] [--json]`: a draft qualification file read
//! from a specification's text, checked as `validate` checks a file. Without `--out` the
//! draft is printed; with it, it is written to FILE, which must not exist yet.

use std::fmt::Write as _;
use std::io::Write as _;

use serde_json::json;

use super::{answer, check_spec, read_file, Output, SpecCheck, UsageError};
use crate::import;
use crate::text::excerpt;
use crate::wording;

/// Largest specification text the importer reads, in bytes.
const MAX_SPEC_TEXT: u64 = import::review::MAX_TEXT as u64;

/// Runs the command: exit status 0 when the draft loads as a qualification file, 1 when it
/// has problems (it is still written), 2 for bad input.
pub fn import(
    file: &std::path::Path,
    out: Option<&str>,
    json: bool,
) -> Result<(Output, i32), UsageError> {
    let (name, text) = read_file(file, MAX_SPEC_TEXT)?;
    let draft = import::import(&name, &text);
    let checked = check_spec(&excerpt(out.unwrap_or("draft.toml")), &draft.toml);
    if let Some(out) = out {
        write_new(out, &draft.toml)?;
    }
    let summary = wording::import_summary(draft.facts.len(), draft.unread.len(), checked.total);
    let valid = checked.problems.is_empty();
    let output = answer(
        json,
        || text_report(out, &draft, &checked, &summary),
        || {
            json!({
                "source": excerpt(&name),
                "out": out,
                "draft": if out.is_some() { None } else { Some(&draft.toml) },
                "facts": draft.facts,
                "unread": draft.unread,
                "valid": valid,
                "problems": checked.problems,
                "problem_count": checked.total,
                "summary": summary,
            })
        },
    );
    Ok((output, i32::from(!valid)))
}

/// The draft itself when no `--out` is given (so it can be redirected), else what was
/// written, what was left unknown and what `validate` says.
fn text_report(
    out: Option<&str>,
    draft: &import::Draft,
    checked: &SpecCheck,
    summary: &str,
) -> String {
    let Some(out) = out else {
        return draft.toml.clone();
    };
    let mut text = format!("wrote {}\n{summary}\n", excerpt(out));
    if !draft.unread.is_empty() {
        text += "Left unknown:\n";
        for u in &draft.unread {
            let _ = writeln!(text, "  - {}: {}", u.what, u.why);
        }
    }
    if !checked.problems.is_empty() {
        let _ = writeln!(text, "Problems ({}):", checked.total);
        for p in &checked.problems {
            let _ = writeln!(text, "  - {p}");
        }
    }
    text
}

/// Writes `text` to a new file at `path`; an existing file is never replaced.
fn write_new(path: &str, text: &str) -> Result<(), UsageError> {
    let fail = |why: String| UsageError(format!("cannot write `{}`: {why}", excerpt(path)));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                fail("it already exists (nothing was changed)".into())
            }
            kind => fail(kind.to_string()),
        })?;
    file.write_all(text.as_bytes())
        .map_err(|e| fail(e.kind().to_string()))
}
