//! Checks a loaded qualification for data errors: duplicates, dangling references,
//! empty groups and rules that no selection can ever meet.

use std::collections::HashMap;

use super::{LevelFilter, Qualification, Rule, Scope, UnitIdx};

/// Every problem found in `qual`, each naming the entry it is about.
pub fn problems(qual: &Qualification) -> Vec<String> {
    let mut out = Vec::new();
    if qual.id.is_empty()
        || !qual
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        out.push(format!(
            "id `{}` must be lower-case letters, digits and hyphens",
            qual.id
        ));
    }
    if qual.groups.is_empty() {
        out.push("the qualification has no groups".into());
    }
    if qual.rules.is_empty() {
        out.push("the qualification has no rules of combination".into());
    }
    for (g, group) in qual.groups.iter().enumerate() {
        if qual.units_in(g).next().is_none() {
            out.push(format!("group `{}` has no units", group.id));
        }
    }
    duplicates(qual, &mut out);
    for pair in &qual.barred {
        if pair.a == pair.b {
            out.push(format!(
                "barred pair on {} bars unit {} with itself",
                pair.basis.explain(),
                qual.units[pair.a].label()
            ));
        }
    }
    let mut pairs = HashMap::new();
    for pair in &qual.barred {
        let key = (pair.a.min(pair.b), pair.a.max(pair.b));
        if pairs.insert(key, ()).is_some() {
            out.push(format!(
                "barred pair {} / {} is listed twice",
                qual.units[key.0].label(),
                qual.units[key.1].label()
            ));
        }
    }
    for (i, entry) in qual.rules.iter().enumerate() {
        if let Some(why) = never_met(qual, &entry.rule) {
            out.push(format!(
                "rule {} ({}) can never be met: {why}",
                i + 1,
                entry.rule.describe(qual)
            ));
        }
    }
    out
}

fn duplicates(qual: &Qualification, out: &mut Vec<String>) {
    let mut keys = HashMap::new();
    let mut names: HashMap<String, UnitIdx> = HashMap::new();
    for (u, unit) in qual.units.iter().enumerate() {
        if let Some(first) = keys.insert(unit.key, u) {
            out.push(format!(
                "unit key {} is used by both {} and {}",
                unit.key,
                qual.units[first].label(),
                unit.label()
            ));
        }
        if unit.code.value().is_none() && unit.reference.value().is_none() {
            out.push(format!(
                "unit key {} has neither a code nor a reference",
                unit.key
            ));
        }
        for name in [unit.code.value(), unit.reference.value()]
            .into_iter()
            .flatten()
        {
            let folded = name.to_ascii_uppercase();
            match names.get(&folded) {
                Some(&other) if other != u => out.push(format!(
                    "unit identifier `{name}` is used twice (unit keys {} and {})",
                    qual.units[other].key, unit.key
                )),
                _ => {
                    names.insert(folded, u);
                }
            }
        }
    }
}

/// Units that can ever be in a plan: not barred with a mandatory unit.
fn possible_units(qual: &Qualification) -> Vec<UnitIdx> {
    (0..qual.units.len())
        .filter(|&u| qual.is_mandatory(u) || !qual.barred_with(u).any(|b| qual.is_mandatory(b)))
        .collect()
}

/// Why `rule` can never be met, if the known values prove it.
fn never_met(qual: &Qualification, rule: &Rule) -> Option<String> {
    let possible = possible_units(qual);
    let in_scope = |scope: &Scope| -> Vec<UnitIdx> {
        possible
            .iter()
            .copied()
            .filter(|&u| scope.includes(qual, qual.units[u].group))
            .collect()
    };
    match rule {
        Rule::AllMandatory => None,
        Rule::Credits {
            scope,
            level,
            min,
            max,
        } => {
            let counted = |u: UnitIdx| level_may_count(qual, u, *level);
            let units: Vec<UnitIdx> = in_scope(scope)
                .into_iter()
                .filter(|&u| counted(u))
                .collect();
            let all_known = units
                .iter()
                .all(|&u| qual.units[u].credits.value().is_some());
            let most: u32 = units
                .iter()
                .filter_map(|&u| qual.units[u].credits.value())
                .sum();
            let mandatory: u32 = units
                .iter()
                .filter(|&&u| qual.is_mandatory(u) && level_certainly_counts(qual, u, *level))
                .filter_map(|&u| qual.units[u].credits.value())
                .sum();
            if let Some(min) = min.filter(|&m| all_known && most < m) {
                return Some(format!("only {most} credits can count towards {min}"));
            }
            max.filter(|&m| mandatory > m)
                .map(|m| format!("the mandatory units alone give {mandatory} credits, over {m}"))
        }
        Rule::Units { scope, min, max } => {
            let most = in_scope(scope).len() as u32;
            let mandatory = in_scope(scope)
                .into_iter()
                .filter(|&u| qual.is_mandatory(u))
                .count() as u32;
            if let Some(min) = min.filter(|&m| most < m) {
                return Some(format!("only {most} units can count towards {min}"));
            }
            max.filter(|&m| mandatory > m)
                .map(|m| format!("the mandatory units alone are {mandatory}, over {m}"))
        }
        Rule::EachOptionalGroup { min_units } => qual
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| !g.mandatory)
            .find(|(g, _)| (in_scope(&Scope::Groups(vec![*g])).len() as u32) < *min_units)
            .map(|(_, g)| {
                format!(
                    "group `{}` has fewer than {min_units} units that can be taken",
                    g.id
                )
            }),
    }
}

fn level_may_count(qual: &Qualification, unit: UnitIdx, filter: Option<LevelFilter>) -> bool {
    match (filter, qual.units[unit].level.value()) {
        (Some(f), Some(&level)) => f.admits(level),
        _ => true,
    }
}

fn level_certainly_counts(
    qual: &Qualification,
    unit: UnitIdx,
    filter: Option<LevelFilter>,
) -> bool {
    match (filter, qual.units[unit].level.value()) {
        (None, _) => true,
        (Some(f), Some(&level)) => f.admits(level),
        (Some(_), None) => false,
    }
}
