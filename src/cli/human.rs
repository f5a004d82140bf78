//! Readable output for a person at a terminal. Every value that comes from outside (a
//! file, a link, a catalogue entry) goes through [`visible`], so it stays on its own line:
//! the only line breaks are the ones written here.

use std::fmt::Write;

use crate::catalogue::{group_name, Qualification};
use crate::document::carry::Destination;
use crate::document::{Changes, PlanDoc};
use crate::engine::{Completion, Evaluation, Feasibility, NoCompletion};
use crate::text::visible;
use crate::wording;

/// A value shown on one line, or a dash when the source does not state it.
fn or_dash<T: ToString>(value: Option<&T>) -> String {
    value.map_or_else(|| "—".to_string(), |v| visible(&v.to_string()))
}

/// The table printed by `list`.
pub fn list(quals: &[Qualification]) -> String {
    let mut out = String::new();
    let id_width = quals.iter().map(|q| q.id.len()).max().unwrap_or(2);
    for q in quals {
        let _ = writeln!(
            out,
            "{:<id_width$}  {:<11}  {:<8}  {}  ({})",
            visible(&q.id),
            or_dash(q.number.value()),
            q.level.value().map_or("—".into(), |&l| wording::level(l)),
            visible(q.title_text()),
            or_dash(q.awarding_body.value()),
        );
    }
    out
}

/// The qualification's title and number, on one line.
fn heading(qual: &Qualification) -> String {
    format!(
        "{} ({})\n",
        visible(qual.title_text()),
        or_dash(qual.number.value())
    )
}

/// The page printed by `show`.
pub fn show(qual: &Qualification) -> String {
    let mut out = heading(qual);
    let _ = writeln!(
        out,
        "Awarding body: {}   Level: {}",
        or_dash(qual.awarding_body.value()),
        or_dash(qual.level.value())
    );
    if !qual.pathways.is_empty() {
        let _ = writeln!(out, "\nPathways (choose one):");
        for line in crate::pathway_wording::pathway_list(qual) {
            let _ = writeln!(out, "  {}", visible(&line));
        }
    }
    for (g, group) in qual.groups.iter().enumerate() {
        let kind = if group.mandatory {
            "mandatory"
        } else {
            "optional"
        };
        let on: Vec<&str> = group
            .pathways
            .iter()
            .map(|&p| qual.pathways[p].id.as_str())
            .collect();
        let on = if on.is_empty() {
            String::new()
        } else {
            format!(", pathway {}", on.join(", "))
        };
        let _ = writeln!(
            out,
            "\n{} ({kind}{})",
            visible(&group_name(qual, g)),
            visible(&on)
        );
        if let Some(line) = crate::pathway_wording::elsewhere_allowed(qual, g) {
            let _ = writeln!(out, "  {}", visible(&line));
        }
        for u in qual.units_in(g) {
            let unit = &qual.units[u];
            let credits = unit
                .credits
                .value()
                .map_or("not stated".to_string(), |c| format!("{c} credits"));
            let level = unit
                .level
                .value()
                .map_or("level not stated".to_string(), |&l| wording::level(l));
            let _ = writeln!(
                out,
                "  {:<10} {:<11} {:<14} {:<16} {}",
                visible(unit.label()),
                or_dash(unit.reference.value()),
                level,
                credits,
                visible(unit.title_text())
            );
        }
    }
    let _ = writeln!(out, "\nRules of combination");
    for entry in &qual.rules {
        let _ = writeln!(out, "  - {}", visible(&entry.rule.describe(qual)));
    }
    if !qual.barred.is_empty() {
        let _ = writeln!(out, "\nBarred pairs");
        for set in &qual.barred {
            let labels: Vec<String> = set
                .units
                .iter()
                .map(|&u| visible(qual.units[u].label()))
                .collect();
            let _ = writeln!(out, "  {}", labels.join(" / "));
        }
    }
    if !qual.notes.is_empty() {
        let _ = writeln!(out, "\nNotes on the source");
        for n in &qual.notes {
            let _ = writeln!(out, "  [{}] {}", n.kind.name(), visible(&n.text));
        }
    }
    out
}

/// The verdict printed by `check`.
pub fn check(qual: &Qualification, eval: &Evaluation) -> String {
    let mut out = heading(qual);
    let _ = writeln!(out, "{}\n", visible(&wording::headline(qual, eval)));
    let texts: Vec<String> = eval.rules.iter().map(|r| visible(&r.text)).collect();
    let width = texts.iter().map(|t| t.chars().count()).max().unwrap_or(0);
    for ((r, entry), text) in eval.rules.iter().zip(&qual.rules).zip(&texts) {
        let pad = width - text.chars().count();
        let _ = write!(
            out,
            "  {} {text}{}  {:<12}",
            wording::mark(r.status),
            " ".repeat(pad),
            wording::count(&entry.rule, r)
        );
        if let Some(still) = &r.still_needed {
            let _ = write!(out, "  {}", visible(still));
        }
        if !r.unknown_units.is_empty() {
            let names: Vec<String> = r
                .unknown_units
                .iter()
                .map(|&u| visible(qual.units[u].label()))
                .collect();
            let _ = write!(out, " (values not stated for {})", names.join(", "));
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
    }
    for &(a, b) in &eval.conflicts {
        let _ = writeln!(
            out,
            "  ✗ {}: they cannot both be taken",
            visible(&wording::barred(qual, a, b))
        );
    }
    for &(u, counted) in &eval.not_counted {
        let _ = writeln!(
            out,
            "  · {}",
            visible(&wording::not_counted(qual, u, counted))
        );
    }
    for &(u, g) in &eval.counted_in {
        let _ = writeln!(
            out,
            "  {}",
            visible(&crate::pathway_wording::counted_in(qual, u, g))
        );
    }
    out
}

/// The verdict printed by `check`, with the plan's credit from elsewhere.
pub fn check_plan(qual: &Qualification, plan: &crate::engine::Plan, eval: &Evaluation) -> String {
    let mut out = check(qual, eval);
    for (entry, &counted) in plan.elsewhere().iter().zip(&eval.elsewhere) {
        let _ = writeln!(
            out,
            "  From elsewhere: {}",
            visible(&crate::pathway_wording::elsewhere_entry(
                qual, entry, counted
            ))
        );
    }
    out
}

/// The proposal printed by `suggest`.
pub fn suggest(qual: &Qualification, result: &Result<Completion, NoCompletion>) -> String {
    let answer = match result {
        Ok(done) if done.add.is_empty() && done.pathway.is_none() => {
            format!("{}\n", wording::ALREADY_COMPLETE)
        }
        Ok(done) => {
            let mut out = String::new();
            if let Some(p) = done.pathway {
                out += &visible(&crate::pathway_wording::proposes(qual, p));
                out.push('\n');
            }
            out += &(wording::completion(done.add.len(), done.credits_added.into()) + "\n");
            for &u in &done.add {
                let unit = &qual.units[u];
                let _ = writeln!(
                    out,
                    "  {:<10} {}",
                    visible(unit.label()),
                    visible(unit.title_text())
                );
            }
            out
        }
        Err(why) => wording::no_completion(why) + "\n",
    };
    answer
        + &crate::pathway_wording::elsewhere_not_proposed(qual)
            .map(|line| visible(&line) + "\n")
            .unwrap_or_default()
}

/// The summary printed by `open`.
pub fn opened(
    qual: &Qualification,
    doc: &PlanDoc,
    report: &serde_json::Value,
    eval: &Evaluation,
) -> String {
    let mut out = String::new();
    if let Some(name) = report["name"].as_str() {
        let _ = writeln!(out, "Plan: {}", visible(name));
    }
    let units: Vec<&str> = report["units"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|u| u.as_str())
        .collect();
    let _ = writeln!(
        out,
        "Optional units: {}",
        if units.is_empty() {
            "none".to_string()
        } else {
            visible(&units.join(", "))
        }
    );
    if let Some(note) = report["note"].as_str() {
        let _ = writeln!(out, "Note: {}", visible(note));
    }
    if let Some(review) = review_lines(qual, doc) {
        out += &review;
    }
    if report["catalogue_changed"] == true {
        let _ = writeln!(out, "{}", wording::CATALOGUE_CORRECTED);
    }
    for p in report["problems"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p.as_str())
    {
        let _ = writeln!(out, "! {}", visible(p));
    }
    out + &check(qual, eval)
}

/// What `validate` says of whether any plan can complete `qual`: `Err` with the problem when
/// none can, else a note when it could not be decided.
pub fn feasibility(qual: &Qualification, verdict: &Feasibility) -> Result<Option<String>, String> {
    let rule = |i: usize| format!("rule {} ({})", i + 1, qual.rules[i].rule.describe(qual));
    match verdict {
        Feasibility::Possible => Ok(None),
        Feasibility::Impossible(rules) => Err(match rules.as_slice() {
            [] => "no selection of units meets every rule".to_string(),
            [only] => format!("{} can never be met", rule(*only)),
            many => format!(
                "no selection of units meets {} together",
                many.iter()
                    .map(|&i| rule(i))
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
        }),
        Feasibility::MandatoryBlocked => {
            Err("the mandatory units alone are blocked (barred together or over a maximum)".into())
        }
        Feasibility::Undecided(NoCompletion::Stopped | NoCompletion::TooLarge) => Ok(Some(
            "the search stopped before deciding whether any plan can complete it".into(),
        )),
        Feasibility::Undecided(_) => Ok(Some(
            "whether a plan can complete it depends on values the specification does not state"
                .into(),
        )),
    }
}

/// What `validate` prints: ok with the size (and a note), or the problems.
pub fn validated(
    name: &str,
    problems: &[String],
    total: usize,
    note: Option<&str>,
    size: Option<(usize, usize)>,
) -> String {
    match (problems, size) {
        ([], Some((units, rules))) => {
            let note = note
                .map(|n| format!("; {}", visible(n)))
                .unwrap_or_default();
            format!(
                "{}: ok ({units} units, {rules} rules){note}\n",
                visible(name)
            )
        }
        ([only], _) => format!("{}: {}\n", visible(name), visible(only)),
        (many, _) => {
            let mut out = format!("{}: {total} problems\n", visible(name));
            for p in many {
                let _ = writeln!(out, "  - {}", visible(p));
            }
            out
        }
    }
}

/// The review line of a plan, with what changed since when it is out of date.
fn review_lines(qual: &Qualification, doc: &PlanDoc) -> Option<String> {
    let review = doc.review.as_ref()?;
    let changes = review.changes_since(doc);
    let mut out = visible(&wording::review(review, changes.is_empty())) + "\n";
    if !review.note.is_empty() {
        let _ = writeln!(out, "  Adviser's note: {}", visible(&review.note));
    }
    for line in wording::changes(qual, &changes) {
        let _ = writeln!(out, "  Since the review: {}", visible(&line));
    }
    Some(out)
}

/// `diff`: a line per change, or that nothing changed.
pub fn changes(qual: &Qualification, changes: &Changes) -> String {
    let lines = wording::changes(qual, changes);
    if lines.is_empty() {
        return "No changes.\n".into();
    }
    lines.into_iter().map(|l| visible(&l) + "\n").collect()
}

/// `carry`: each other qualification, the units carried with how sure the match is, and
/// where a plan there would stand.
pub fn carried(
    catalogue: &[Qualification],
    from: &Qualification,
    destinations: &[(Destination, Evaluation)],
) -> String {
    if destinations.is_empty() {
        return "No other qualification in the catalogue has these units.\n".into();
    }
    let mut out = String::new();
    for (d, eval) in destinations {
        let to = &catalogue[d.qualification];
        let _ = writeln!(out, "{} ({})", visible(to.title_text()), visible(&to.id));
        for c in &d.units {
            let _ = writeln!(
                out,
                "  {} → {}: {}",
                visible(from.units[c.from].label()),
                visible(to.units[c.to].label()),
                wording::carry_match(c.by)
            );
        }
        let _ = writeln!(
            out,
            "  With these carried over: {}",
            visible(&wording::headline(to, eval))
        );
    }
    out
}
