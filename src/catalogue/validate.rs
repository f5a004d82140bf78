//! Checks a loaded qualification for data errors: duplicates, dangling references,
//! empty groups and rules that no selection can ever meet.

use std::collections::HashMap;

use super::{counts, Qualification, Rule, Scope, UnitIdx};
use crate::text::excerpt;

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
            excerpt(&qual.id)
        ));
    }
    if qual.rules.is_empty() {
        out.push("the qualification has no rules of combination".into());
    }
    let mut group_sizes = vec![0usize; qual.groups.len()];
    qual.units.iter().for_each(|u| group_sizes[u.group] += 1);
    for (group, size) in qual.groups.iter().zip(group_sizes) {
        if size == 0 {
            out.push(format!("group `{}` has no units", excerpt(&group.id)));
        }
    }
    duplicates(qual, &mut out);
    for pair in &qual.barred {
        if pair.a == pair.b {
            out.push(format!(
                "barred pair on {} bars unit {} with itself",
                pair.basis.explain(),
                excerpt(qual.units[pair.a].label())
            ));
        }
    }
    let mut pairs = HashMap::new();
    for pair in &qual.barred {
        let key = (pair.a.min(pair.b), pair.a.max(pair.b));
        if pairs.insert(key, ()).is_some() {
            out.push(format!(
                "barred pair {} / {} is listed twice",
                excerpt(qual.units[key.0].label()),
                excerpt(qual.units[key.1].label())
            ));
        }
    }
    let possible = possible_units(qual);
    for (i, entry) in qual.rules.iter().enumerate() {
        if let Some(why) = never_met(qual, &possible, &entry.rule) {
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
                excerpt(qual.units[first].label()),
                excerpt(unit.label())
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
                    "unit identifier `{}` is used twice (unit keys {} and {})",
                    excerpt(name),
                    qual.units[other].key,
                    unit.key
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
    let mut blocked = vec![false; qual.units.len()];
    for pair in &qual.barred {
        for (unit, other) in [(pair.a, pair.b), (pair.b, pair.a)] {
            if qual.is_mandatory(other) && !qual.is_mandatory(unit) {
                blocked[unit] = true;
            }
        }
    }
    (0..qual.units.len()).filter(|&u| !blocked[u]).collect()
}

/// Why `rule` can never be met, if the known values prove it.
fn never_met(qual: &Qualification, possible: &[UnitIdx], rule: &Rule) -> Option<String> {
    let unit_level = |u: UnitIdx| qual.units[u].level.value().copied();
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
            let counted = |u: UnitIdx| counts(*level, unit_level(u)) != Some(false);
            let units: Vec<UnitIdx> = in_scope(scope)
                .into_iter()
                .filter(|&u| counted(u))
                .collect();
            let all_known = units
                .iter()
                .all(|&u| qual.units[u].credits.value().is_some());
            let most: u64 = units
                .iter()
                .filter_map(|&u| qual.units[u].credits.value().map(|&c| u64::from(c)))
                .sum();
            let mandatory: u64 = units
                .iter()
                .filter(|&&u| qual.is_mandatory(u) && counts(*level, unit_level(u)) == Some(true))
                .filter_map(|&u| qual.units[u].credits.value().map(|&c| u64::from(c)))
                .sum();
            if let Some(min) = min.filter(|&m| all_known && most < u64::from(m)) {
                return Some(format!("only {most} credits can count towards {min}"));
            }
            max.filter(|&m| mandatory > u64::from(m))
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
                    excerpt(&g.id)
                )
            }),
    }
}
