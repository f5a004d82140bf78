//! JSON reports of the catalogue and of plan evaluations: the shapes of the CLI's `--json`
//! output, which the JavaScript API returns too.

use serde_json::{json, Value};

use crate::catalogue::{group_name, Qualification, Sourced, UnitIdx};
use crate::document::carry::Destination;
use crate::document::link::Opened;
use crate::document::{Changes, Mismatch};
use crate::engine::{Completion, Evaluation, NoCompletion, Plan, Status};

fn opt<T: serde::Serialize>(value: &Sourced<T>) -> Value {
    json!(value.value())
}

fn text<T: ToString>(value: &Sourced<T>) -> Value {
    json!(value.value().map(T::to_string))
}

/// The label of each unit in a list.
pub fn labels(qual: &Qualification, units: &[UnitIdx]) -> Vec<String> {
    units
        .iter()
        .map(|&u| qual.units[u].label().to_string())
        .collect()
}

/// One line of `list --json`.
pub fn summary(qual: &Qualification) -> Value {
    json!({
        "id": qual.id,
        "title": qual.title_text(),
        "qualification_number": opt(&qual.number),
        "awarding_body": opt(&qual.awarding_body),
        "level": text(&qual.level),
    })
}

/// The whole of `show --json`.
pub fn show(qual: &Qualification) -> Value {
    let mut out = summary(qual);
    let groups: Vec<Value> = qual
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            let mut out =
                json!({"id": group.id, "name": group_name(qual, g), "mandatory": group.mandatory});
            if !group.pathways.is_empty() {
                out["pathways"] = json!(group
                    .pathways
                    .iter()
                    .map(|&p| &qual.pathways[p].id)
                    .collect::<Vec<_>>());
            }
            out
        })
        .collect();
    let units: Vec<Value> = qual
        .units
        .iter()
        .enumerate()
        .map(|(u, unit)| {
            let mut row = json!({
                "key": unit.key,
                "ref": opt(&unit.reference),
                "code": opt(&unit.code),
                "title": opt(&unit.title),
                "group": qual.groups[unit.group].id,
                "mandatory": qual.is_mandatory(u),
                "level": text(&unit.level),
                "level_basis": unit.level.basis().name(),
                "credits": opt(&unit.credits),
                "credits_basis": unit.credits.basis().name(),
                "glh": opt(&unit.glh),
                "nos": opt(&unit.nos),
                "outcomes": opt(&unit.outcomes),
            });
            if !unit.also.is_empty() {
                row["groups"] = json!(qual
                    .groups_of(u)
                    .map(|g| &qual.groups[g].id)
                    .collect::<Vec<_>>());
            }
            row
        })
        .collect();
    let rules: Vec<Value> = qual
        .rules
        .iter()
        .map(|r| {
            let mut out = json!({"text": r.rule.describe(qual), "basis": r.basis.explain()});
            if !r.pathways.is_empty() {
                out["pathways"] = json!(r
                    .pathways
                    .iter()
                    .map(|&p| &qual.pathways[p].id)
                    .collect::<Vec<_>>());
            }
            out
        })
        .collect();
    let barred: Vec<Value> = qual
        .barred
        .iter()
        .map(|set| json!(labels(qual, &set.units)))
        .collect();
    let notes: Vec<Value> = qual
        .notes
        .iter()
        .map(|n| json!({"kind": n.kind.name(), "text": n.text, "lines": n.lines}))
        .collect();
    let pathways: Vec<Value> = qual
        .pathways
        .iter()
        .map(|p| json!({"id": p.id, "name": p.name_text(), "basis": p.name.basis().explain()}))
        .collect();
    let extra = json!({
        "framework": opt(&qual.framework),
        "glh": opt(&qual.glh),
        "tqt": opt(&qual.tqt),
        "start_date": text(&qual.start_date),
        "last_registration": text(&qual.last_registration),
        "last_certification": text(&qual.last_certification),
        "end_date": text(&qual.end_date),
        "min_age": opt(&qual.min_age),
        "source": qual.source,
        "groups": groups,
        "units": units,
        "rules": rules,
        "barred": barred,
        "notes": notes,
    });
    if let (Value::Object(out), Value::Object(extra)) = (&mut out, extra) {
        out.extend(extra);
    }
    if !pathways.is_empty() {
        out["pathways"] = json!(pathways);
    }
    out
}

/// The whole of `check --json`.
pub fn check(qual: &Qualification, eval: &Evaluation) -> Value {
    let rules: Vec<Value> = eval
        .rules
        .iter()
        .map(|r| {
            json!({
                "text": r.text,
                "status": r.status.name(),
                "have": r.have,
                "need": r.need,
                "still_needed": r.still_needed,
                "unknown_units": labels(qual, &r.unknown_units),
            })
        })
        .collect();
    let conflicts: Vec<Value> = eval
        .conflicts
        .iter()
        .map(|&(a, b)| json!(labels(qual, &[a, b])))
        .collect();
    let mut out = json!({
        "qualification": qual.id,
        "status": eval.status.name(),
        "rules": rules,
        "conflicts": conflicts,
    });
    if !eval.not_counted.is_empty() {
        // Only where a qualification has "only one of these counts" sets, so older
        // outputs stay the same.
        out["not_counted"] = eval
            .not_counted
            .iter()
            .map(|&(u, counted)| {
                json!({
                    "unit": qual.units[u].label(),
                    "counted": qual.units[counted].label(),
                    "text": crate::wording::not_counted(qual, u, counted),
                })
            })
            .collect();
    }
    if !qual.pathways.is_empty() || !eval.counted_in.is_empty() {
        out["pathway"] = json!(eval.pathway.map(|p| &qual.pathways[p].id));
        out["off_pathway"] = json!(labels(qual, &eval.off_pathway));
        out["counted_in"] = json!(eval
            .counted_in
            .iter()
            .map(|&(u, g)| json!({"unit": qual.units[u].label(), "group": qual.groups[g].id}))
            .collect::<Vec<_>>());
    }
    out
}

/// `check --json` for a plan that may hold credit from elsewhere.
pub fn check_plan(qual: &Qualification, plan: &Plan, eval: &Evaluation) -> Value {
    let mut out = check(qual, eval);
    if !plan.elsewhere().is_empty() {
        out["elsewhere"] = elsewhere(qual, plan, eval);
    }
    out
}

/// A plan's credit from elsewhere as JSON: group, title, credits entered, credits counted.
fn elsewhere(qual: &Qualification, plan: &Plan, eval: &Evaluation) -> Value {
    json!(plan
        .elsewhere()
        .iter()
        .zip(&eval.elsewhere)
        .map(|(e, counted)| json!({
            "group": qual.groups[e.group].id,
            "title": e.title,
            "credits": e.credits,
            "counted": counted,
            "basis": crate::engine::ENTERED,
        }))
        .collect::<Vec<_>>())
}

/// The whole of `suggest --json`.
pub fn suggest(
    qual: &Qualification,
    result: &Result<Completion, NoCompletion>,
    status_after: Status,
) -> Value {
    match result {
        Ok(done) => {
            let mut out = json!({
                "add": labels(qual, &done.add),
                "credits_added": done.credits_added,
                "status_after": status_after.name(),
            });
            if let Some(p) = done.pathway {
                out["pathway"] = json!(qual.pathways[p].id);
            }
            out
        }
        Err(why) => json!({
            "add": null,
            "credits_added": null,
            "status_after": status_after.name(),
            "reason": why.reason(),
        }),
    }
}

/// The whole of `open --json`: the plan a link carries, re-checked against the catalogue.
pub fn opened(
    qual: &Qualification,
    opened: &Opened,
    plan: &Plan,
    problems: &[Mismatch],
    eval: &Evaluation,
) -> Value {
    let doc = &opened.doc;
    let by_key = |key: &u32| {
        qual.unit_by_key(*key)
            .map(|u| qual.units[u].label().to_string())
    };
    let chosen: Vec<UnitIdx> = plan.units().filter(|&u| !qual.is_mandatory(u)).collect();
    let progress: serde_json::Map<String, Value> = doc
        .progress
        .iter()
        .filter_map(|(k, p)| Some((by_key(k)?, json!(p))))
        .collect();
    let entered: serde_json::Map<String, Value> = doc
        .entered
        .iter()
        .filter_map(|(k, v)| Some((by_key(k)?, json!(v))))
        .collect();
    let transfers: serde_json::Map<String, Value> = doc
        .transfers
        .iter()
        .filter_map(|(k, t)| Some((by_key(k)?, json!(t))))
        .collect();
    let review = doc.review.as_ref().map(|r| {
        let changes = r.changes_since(doc);
        json!({
            "by": r.by,
            "verdict": r.verdict.name(),
            "note": r.note,
            "date": r.date,
            "current": changes.is_empty(),
            "added": keys(qual, &changes.added),
            "removed": keys(qual, &changes.removed),
        })
    });
    let mut out = json!({
        "qualification": qual.id,
        "name": doc.name,
        "note": doc.note,
        "units": labels(qual, &chosen),
        "progress": progress,
        "transfers": transfers,
        "review": review,
        "entered": entered,
        "not_offered": doc.not_offered.iter().filter_map(by_key).collect::<Vec<_>>(),
        "catalogue_changed": opened.catalogue_changed,
        "problems": problems.iter().map(|p| p.describe(qual)).collect::<Vec<_>>(),
        "status": eval.status.name(),
    });
    if doc.pathway.is_some() || !doc.elsewhere.is_empty() {
        out["pathway"] = json!(plan.pathway().map(|p| &qual.pathways[p].id));
        out["elsewhere"] = elsewhere(qual, plan, eval);
    }
    out
}

/// Units by key, each as its label (or `key N` when the catalogue no longer has it).
fn keys(qual: &Qualification, keys: &[u32]) -> Vec<String> {
    keys.iter()
        .map(|&k| match qual.unit_by_key(k) {
            Some(u) => qual.units[u].label().to_string(),
            None => format!("key {k}"),
        })
        .collect()
}

/// `diff --json`: what changed from the first plan to the second.
pub fn changes(qual: &Qualification, changes: &Changes) -> Value {
    json!({
        "added": keys(qual, &changes.added),
        "removed": keys(qual, &changes.removed),
        "progress": changes.progress.iter().map(|&(k, from, to)| json!({
            "unit": keys(qual, &[k])[0],
            "from": from.name(),
            "to": to.name(),
        })).collect::<Vec<_>>(),
    })
}

/// `carry --json`: each other qualification with units in common, and where a plan there
/// would stand with them carried over.
pub fn carried(
    catalogue: &[Qualification],
    from: &Qualification,
    destinations: &[(Destination, Evaluation)],
) -> Value {
    Value::Array(
        destinations
            .iter()
            .map(|(d, eval)| {
                let to = &catalogue[d.qualification];
                json!({
                    "qualification": to.id,
                    "units": d.units.iter().map(|c| json!({
                        "from": from.units[c.from].label(),
                        "to": to.units[c.to].label(),
                        "match": c.by.name(),
                    })).collect::<Vec<_>>(),
                    "status_after": eval.status.name(),
                })
            })
            .collect(),
    )
}
