//! Checks a loaded qualification for data errors: duplicates, dangling references,
//! empty groups and rules that no selection can ever meet.

use std::collections::{HashMap, HashSet};

use super::spec_error::{Entry, Kind, NeverMet, Problem};
use super::{counts, Hours, LevelFilter, Qualification, Rule, Scope, UnitIdx};
use crate::text::excerpt;

/// Every problem found in `qual`, each naming the entry it is about.
pub fn problems(qual: &Qualification) -> Vec<Problem> {
    let mut out = Vec::new();
    if qual.id.is_empty()
        || !qual
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        out.push(Problem::new(Entry::Id(excerpt(&qual.id)), Kind::BadId));
    }
    if qual.rules.is_empty() {
        out.push(Problem::new(Entry::File, Kind::NoRules));
    }
    let mut group_sizes = vec![0usize; qual.groups.len()];
    (0..qual.units.len()).for_each(|u| qual.groups_of(u).for_each(|g| group_sizes[g] += 1));
    for (group, size) in qual.groups.iter().zip(group_sizes) {
        if size == 0 {
            out.push(Problem::new(
                Entry::Group(excerpt(&group.id)),
                Kind::NoUnits,
            ));
        }
    }
    out.extend(super::routes::problems(qual));
    duplicates(qual, &mut out);
    barred_sets(qual, &mut out);
    only_one_sets(qual, &mut out);
    let possible = possible_units(qual);
    for (i, entry) in qual.rules.iter().enumerate() {
        if let Some(why) = never_met(qual, &possible, &entry.rule) {
            out.push(Problem::new(
                Entry::Rule(i + 1),
                Kind::NeverMet(entry.rule.describe(qual), why),
            ));
        }
    }
    out
}

/// A unit listed twice in one barred set, and two units barred together by two sets. Two
/// sets list a pair twice exactly when they share two units, found by counting, for each
/// set, the units it shares with the sets before it (linear in the sets' sizes when sets
/// overlap little, as they do).
fn barred_sets(qual: &Qualification, out: &mut Vec<Problem>) {
    let label = |u: UnitIdx| excerpt(qual.units[u].label());
    let mut sets_of: Vec<Vec<usize>> = vec![Vec::new(); qual.units.len()];
    for (s, set) in qual.barred.iter().enumerate() {
        let mut seen = HashSet::new();
        let mut shared: HashMap<usize, UnitIdx> = HashMap::new();
        for &u in &set.units {
            if !seen.insert(u) {
                out.push(Problem::new(
                    Entry::BarredPair(label(u), label(u)),
                    Kind::BarredWithItself,
                ));
                continue;
            }
            for &earlier in &sets_of[u] {
                if let Some(first) = shared.insert(earlier, u) {
                    out.push(Problem::new(
                        Entry::BarredPair(label(first), label(u)),
                        Kind::ListedTwice,
                    ));
                }
            }
            sets_of[u].push(s);
        }
    }
}

/// A unit in two "only one of these counts" sets: which one counts would then depend on
/// the order the sets are read in.
fn only_one_sets(qual: &Qualification, out: &mut Vec<Problem>) {
    let mut seen = HashSet::new();
    for set in &qual.only_one {
        let line = match set.basis {
            crate::catalogue::Basis::Stated { line, .. } => line,
            _ => 0,
        };
        for &u in &set.units {
            if !seen.insert(u) {
                out.push(Problem::new(
                    Entry::OnlyOne(line),
                    Kind::InTwoOnlyOne(excerpt(qual.units[u].label())),
                ));
            }
        }
    }
}

fn duplicates(qual: &Qualification, out: &mut Vec<Problem>) {
    let mut keys = HashMap::new();
    let mut names: HashMap<String, UnitIdx> = HashMap::new();
    for (u, unit) in qual.units.iter().enumerate() {
        if let Some(first) = keys.insert(unit.key, u) {
            out.push(Problem::new(
                Entry::Unit(unit.key),
                Kind::KeyUsedTwice(excerpt(qual.units[first].label()), excerpt(unit.label())),
            ));
        }
        if unit.code.value().is_none() && unit.reference.value().is_none() {
            out.push(Problem::new(Entry::Unit(unit.key), Kind::NoIdentifier));
        }
        for (field, name) in [("code", &unit.code), ("reference", &unit.reference)] {
            let Some(name) = name.value() else {
                continue;
            };
            if name.trim().is_empty() {
                out.push(Problem::new(
                    Entry::Unit(unit.key),
                    Kind::BlankIdentifier(field),
                ));
                continue;
            }
            let folded = name.to_ascii_uppercase();
            match names.get(&folded) {
                Some(&other) if other != u => out.push(Problem::new(
                    Entry::Unit(unit.key),
                    Kind::IdentifierUsedTwice(excerpt(name), qual.units[other].key, unit.key),
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
    for set in &qual.barred {
        if set.units.iter().any(|&u| qual.is_mandatory(u)) {
            for &u in set.units.iter().filter(|&&u| !qual.is_mandatory(u)) {
                blocked[u] = true;
            }
        }
    }
    (0..qual.units.len()).filter(|&u| !blocked[u]).collect()
}

/// Whether a mandatory unit counts in every plan: not in an "only one of these counts" set
/// with another mandatory unit (then only one of them counts, and these sums, which prove
/// a maximum broken, leave both out).
fn surely_counts(qual: &Qualification, u: UnitIdx) -> bool {
    qual.is_mandatory(u)
        && !qual.only_one.iter().any(|set| {
            set.units.contains(&u) && set.units.iter().any(|&v| v != u && qual.is_mandatory(v))
        })
}

/// A unit's hours in `measure`, if stated.
fn hours(qual: &Qualification, u: UnitIdx, measure: Hours) -> Option<u32> {
    let unit = &qual.units[u];
    match measure {
        Hours::Glh => unit.glh.value().copied(),
        Hours::Tqt => unit.tqt.value().copied(),
    }
}

/// Over `units`, with the band: the most that can count (`None` when a value that may
/// count is unknown), and what the mandatory units certainly give.
fn totals(
    qual: &Qualification,
    units: &[UnitIdx],
    level: Option<LevelFilter>,
    value: &dyn Fn(UnitIdx) -> Option<u32>,
) -> (Option<u64>, u64) {
    let unit_level = |u: UnitIdx| qual.units[u].level.value().copied();
    let counted: Vec<UnitIdx> = units
        .iter()
        .copied()
        .filter(|&u| counts(level, unit_level(u)) != Some(false))
        .collect();
    let most = counted
        .iter()
        .map(|&u| value(u).map(u64::from))
        .sum::<Option<u64>>();
    let mandatory = counted
        .iter()
        .filter(|&&u| surely_counts(qual, u) && counts(level, unit_level(u)) == Some(true))
        .filter_map(|&u| value(u).map(u64::from))
        .sum();
    (most, mandatory)
}

/// Why `rule` can never be met, if the known values prove it.
fn never_met(qual: &Qualification, possible: &[UnitIdx], rule: &Rule) -> Option<NeverMet> {
    let unit_level = |u: UnitIdx| qual.units[u].level.value().copied();
    let in_scope = |scope: &Scope| -> Vec<UnitIdx> {
        possible
            .iter()
            .copied()
            .filter(|&u| qual.groups_of(u).any(|g| scope.includes(qual, g)))
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
            let value = |u: UnitIdx| qual.units[u].credits.value().copied();
            let (most, mandatory) = totals(qual, &in_scope(scope), *level, &value);
            if let Some(min) = min.filter(|&m| most.is_some_and(|most| most < u64::from(m))) {
                return Some(NeverMet::TooFewCredits(most.unwrap_or(0), min));
            }
            max.filter(|&m| mandatory > u64::from(m))
                .map(|m| NeverMet::MandatoryCreditsOver(mandatory, m))
        }
        Rule::Hours {
            measure,
            scope,
            level,
            min,
            max,
        } => {
            let value = |u: UnitIdx| hours(qual, u, *measure);
            let (most, mandatory) = totals(qual, &in_scope(scope), *level, &value);
            if let Some(min) = min.filter(|&m| most.is_some_and(|most| most < u64::from(m))) {
                return Some(NeverMet::TooFewHours(most.unwrap_or(0), min));
            }
            max.filter(|&m| mandatory > u64::from(m))
                .map(|m| NeverMet::MandatoryHoursOver(mandatory, m))
        }
        Rule::EveryUnit { scope, level } => in_scope(scope)
            .into_iter()
            .find(|&u| qual.is_mandatory(u) && counts(Some(*level), unit_level(u)) == Some(false))
            .map(|u| NeverMet::MandatoryOutsideBand(excerpt(qual.units[u].label()))),
        Rule::Share { .. } => None,
        Rule::Units { scope, min, max } => {
            let most = in_scope(scope).len() as u32;
            let mandatory = in_scope(scope)
                .into_iter()
                .filter(|&u| surely_counts(qual, u))
                .count() as u32;
            if let Some(min) = min.filter(|&m| most < m) {
                return Some(NeverMet::TooFewUnits(most, min));
            }
            max.filter(|&m| mandatory > m)
                .map(|m| NeverMet::MandatoryUnitsOver(mandatory, m))
        }
        Rule::EachOptionalGroup { min_units } => qual
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| !g.mandatory)
            .find(|(g, _)| (in_scope(&Scope::Groups(vec![*g])).len() as u32) < *min_units)
            .map(|(_, g)| NeverMet::GroupTooSmall(excerpt(&g.id), *min_units)),
    }
}
