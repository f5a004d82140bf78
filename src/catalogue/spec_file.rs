//! Reading and validating one qualification file in the `specs/` format (TOML).

use std::collections::{BTreeSet, HashMap};

use serde::Deserialize;

use super::limits::{within, MAX_HOURS, MAX_KEY, MAX_OUTCOMES, MAX_RULE_BOUND, MAX_UNIT_CREDITS};
use super::spec_error::{BadRule, Entry, Kind, Problem, SpecError};
use super::{
    BarredSet, Basis, Date, Group, Level, LevelFilter, Note, NoteKind, Qualification, Rule,
    RuleEntry, Scope, Sourced, Unit,
};
use crate::text::{excerpt, shortened};

fn not_stated<T>() -> Sourced<T> {
    Sourced::unknown("the specification does not state it")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    id: String,
    source: String,
    title: Sourced<String>,
    awarding_body: Sourced<String>,
    level: Sourced<Level>,
    number: Sourced<String>,
    #[serde(default = "not_stated")]
    framework: Sourced<String>,
    #[serde(default = "not_stated")]
    glh: Sourced<u32>,
    #[serde(default = "not_stated")]
    tqt: Sourced<u32>,
    #[serde(default = "not_stated")]
    start_date: Sourced<String>,
    #[serde(default = "not_stated")]
    last_registration: Sourced<String>,
    #[serde(default = "not_stated")]
    last_certification: Sourced<String>,
    #[serde(default = "not_stated")]
    end_date: Sourced<String>,
    #[serde(default = "not_stated")]
    min_age: Sourced<String>,
    #[serde(default)]
    groups: Vec<RawGroup>,
    #[serde(default)]
    units: Vec<RawUnit>,
    #[serde(default)]
    rules: Vec<RawRule>,
    #[serde(default)]
    barred: Vec<RawBarred>,
    #[serde(default)]
    notes: Vec<RawNote>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    id: String,
    name: Sourced<String>,
    mandatory: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    key: u32,
    group: String,
    #[serde(default = "not_stated")]
    code: Sourced<String>,
    #[serde(default = "not_stated", rename = "ref")]
    reference: Sourced<String>,
    title: Sourced<String>,
    #[serde(default = "not_stated")]
    level: Sourced<Level>,
    #[serde(default = "not_stated")]
    credits: Sourced<u32>,
    #[serde(default = "not_stated")]
    glh: Sourced<u32>,
    #[serde(default = "not_stated")]
    nos: Sourced<String>,
    #[serde(default = "not_stated")]
    outcomes: Sourced<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    line: Option<usize>,
    to: Option<usize>,
    inferred: Option<String>,
    all_mandatory: Option<bool>,
    credits: Option<RawBounds>,
    units: Option<RawBounds>,
    each_optional_group: Option<RawEach>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBounds {
    min: Option<u32>,
    max: Option<u32>,
    groups: Option<Vec<String>>,
    #[serde(default)]
    optional: bool,
    level: Option<Level>,
    or_above: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEach {
    min_units: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBarred {
    /// Two or more units, any two of which may not both be taken.
    units: Vec<String>,
    line: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNote {
    kind: NoteKind,
    text: String,
    #[serde(default)]
    lines: Vec<usize>,
}

/// Parses and validates a qualification file in the TOML `specs/` format; `file` names it
/// in every message.
#[cfg(feature = "spec-files")]
pub fn parse_spec(file: &str, text: &str) -> Result<Qualification, SpecError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| unreadable_toml(file, text, &e))?;
    check(file, raw)
}

/// A file in the TOML `specs/` format as the JSON [`parse_spec_json`] reads (what the
/// build does for the embedded catalogue); a TOML syntax error names its line, as
/// [`parse_spec`] does.
#[cfg(feature = "spec-files")]
pub fn spec_file_json(file: &str, text: &str) -> Result<String, SpecError> {
    let table: toml::Table = toml::from_str(text).map_err(|e| unreadable_toml(file, text, &e))?;
    serde_json::to_string(&table).map_err(|e| {
        let message = excerpt_message(&e.to_string());
        SpecError::new(
            file,
            vec![Problem::new(Entry::File, Kind::Unreadable(message))],
        )
    })
}

#[cfg(feature = "spec-files")]
fn unreadable_toml(file: &str, text: &str, e: &toml::de::Error) -> SpecError {
    let message = excerpt_message(e.message()) + &at_line(text, e);
    SpecError::new(
        file,
        vec![Problem::new(Entry::File, Kind::Unreadable(message))],
    )
}

/// Parses and validates a qualification file converted to JSON (the embedded catalogue).
pub fn parse_spec_json(file: &str, json: &str) -> Result<Qualification, SpecError> {
    let raw: RawFile = serde_json::from_str(json).map_err(|e| {
        let message = excerpt_message(&e.to_string());
        SpecError::new(
            file,
            vec![Problem::new(Entry::File, Kind::Unreadable(message))],
        )
    })?;
    check(file, raw)
}

fn check(file: &str, raw: RawFile) -> Result<Qualification, SpecError> {
    let mut problems = Vec::new();
    let qual = build(file, raw, &mut problems);
    if qual.groups.is_empty() {
        // Units then point at no group, and nothing else can be checked.
        problems.push(Problem::new(Entry::File, Kind::NoGroups));
    } else {
        problems.extend(super::validate::problems(&qual));
    }
    if problems.iter().any(|p| matches!(p.entry, Entry::Rule(_))) {
        // The file has rules, written wrongly; "no rules" would mislead.
        problems.retain(|p| p.kind != Kind::NoRules);
    }
    if problems.is_empty() {
        Ok(qual)
    } else {
        Err(SpecError::new(file, problems))
    }
}

/// A parser's message (its first line) with each piece it quotes (in `…` or "…") cut to an
/// excerpt: the parser may quote a whole line of the file.
fn excerpt_message(message: &str) -> String {
    let mut rest = message.lines().next().unwrap_or("");
    let mut out = String::new();
    while let Some(start) = rest.find(['`', '"']) {
        let quote = &rest[start..=start];
        out += &rest[..=start];
        let quoted = &rest[start + 1..];
        let end = quoted.find(quote).unwrap_or(quoted.len());
        out += &excerpt(&quoted[..end]);
        out += &quoted[end..(end + 1).min(quoted.len())];
        rest = &quoted[(end + 1).min(quoted.len())..];
    }
    shortened(&(out + rest), 200)
}

#[cfg(feature = "spec-files")]
fn at_line(text: &str, error: &toml::de::Error) -> String {
    match error.span() {
        Some(span) => format!(
            " (at line {})",
            text[..span.start.min(text.len())].lines().count().max(1)
        ),
        None => String::new(),
    }
}

fn date(field: &'static str, raw: Sourced<String>, problems: &mut Vec<Problem>) -> Sourced<Date> {
    raw.try_map(|text| text.parse::<Date>().map_err(|_| excerpt(&text)))
        .unwrap_or_else(|text| {
            problems.push(Problem::new(Entry::Field(field), Kind::NotADate(text)));
            Sourced::unknown("unreadable date")
        })
}

/// Records a problem when a stated or inferred number is above `max`.
fn bounded(entry: Entry, value: &Sourced<u32>, max: u32, problems: &mut Vec<Problem>) {
    if let Some(&v) = value.value() {
        if let Err(kind) = within(v, max) {
            problems.push(Problem::new(entry, kind));
        }
    }
}

fn build(file: &str, raw: RawFile, problems: &mut Vec<Problem>) -> Qualification {
    let group_index: HashMap<String, usize> = raw
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.clone(), i))
        .collect();
    let mut seen_group = BTreeSet::new();
    for g in &raw.groups {
        if !seen_group.insert(g.id.clone()) {
            problems.push(Problem::new(
                Entry::Group(excerpt(&g.id)),
                Kind::ListedTwice,
            ));
        }
    }
    bounded(Entry::Field("glh"), &raw.glh, MAX_HOURS, problems);
    bounded(Entry::Field("tqt"), &raw.tqt, MAX_HOURS, problems);
    let groups = raw
        .groups
        .into_iter()
        .map(|g| Group {
            id: g.id,
            name: g.name,
            mandatory: g.mandatory,
        })
        .collect();
    let units: Vec<Unit> = raw
        .units
        .into_iter()
        .map(|u| {
            let group = match group_index.get(&u.group) {
                Some(&g) => g,
                None => {
                    problems.push(Problem::new(
                        Entry::Unit(u.key),
                        Kind::MissingGroup(excerpt(&u.group)),
                    ));
                    0
                }
            };
            if !(1..=MAX_KEY).contains(&u.key) {
                problems.push(Problem::new(Entry::Unit(u.key), Kind::KeyOutOfRange));
            }
            let field = |name| Entry::UnitField(u.key, name);
            bounded(field("credits"), &u.credits, MAX_UNIT_CREDITS, problems);
            bounded(field("glh"), &u.glh, MAX_HOURS, problems);
            bounded(field("outcomes"), &u.outcomes, MAX_OUTCOMES, problems);
            Unit {
                key: u.key,
                group,
                code: u.code,
                reference: u.reference,
                title: u.title,
                level: u.level,
                credits: u.credits,
                glh: u.glh,
                nos: u.nos,
                outcomes: u.outcomes,
            }
        })
        .collect();
    let find = |name: &str| units.iter().position(|u| u.is_named(name));
    let mut barred = Vec::new();
    for set in raw.barred {
        if set.units.len() < 2 {
            problems.push(Problem::new(
                Entry::Barred(set.line),
                Kind::TooFewBarred(set.units.len()),
            ));
            continue;
        }
        let found: Vec<Option<usize>> = set.units.iter().map(|n| find(n)).collect();
        for (name, _) in set.units.iter().zip(&found).filter(|(_, f)| f.is_none()) {
            problems.push(Problem::new(
                Entry::Barred(set.line),
                Kind::MissingUnit(excerpt(name)),
            ));
        }
        let found: Vec<usize> = found.into_iter().flatten().collect();
        if found.len() != set.units.len() {
            continue;
        }
        barred.push(BarredSet {
            units: found,
            basis: Basis::Stated {
                line: set.line,
                to: None,
            },
        });
    }
    let rules = raw
        .rules
        .into_iter()
        .enumerate()
        .filter_map(|(i, r)| match build_rule(r, &group_index) {
            Ok(rule) => Some(rule),
            Err(kind) => {
                problems.push(Problem::new(Entry::Rule(i + 1), kind));
                None
            }
        })
        .collect();
    Qualification {
        id: raw.id,
        spec_file: file.to_string(),
        source: raw.source,
        title: raw.title,
        awarding_body: raw.awarding_body,
        level: raw.level,
        number: raw.number,
        framework: raw.framework,
        glh: raw.glh,
        tqt: raw.tqt,
        start_date: date("start_date", raw.start_date, problems),
        last_registration: date("last_registration", raw.last_registration, problems),
        last_certification: date("last_certification", raw.last_certification, problems),
        end_date: date("end_date", raw.end_date, problems),
        min_age: raw.min_age,
        groups,
        units,
        rules,
        barred,
        notes: raw
            .notes
            .into_iter()
            .map(|n| Note {
                kind: n.kind,
                text: n.text,
                lines: n.lines,
            })
            .collect(),
    }
}

fn build_rule(raw: RawRule, groups: &HashMap<String, usize>) -> Result<RuleEntry, Kind> {
    let basis = match (raw.line, raw.inferred) {
        (Some(line), None) => Basis::Stated { line, to: raw.to },
        (None, Some(why)) => Basis::Inferred(why),
        _ => return Err(Kind::BadRule(BadRule::Basis)),
    };
    let scope = |b: &RawBounds| -> Result<Scope, Kind> {
        match &b.groups {
            Some(_) if b.optional => Err(Kind::BadRule(BadRule::GroupsAndOptional)),
            Some(list) if list.is_empty() => Err(Kind::BadRule(BadRule::NoGroupsNamed)),
            Some(list) => {
                let mut ids = list
                    .iter()
                    .map(|g| {
                        groups
                            .get(g)
                            .copied()
                            .ok_or_else(|| Kind::MissingGroup(excerpt(g)))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                ids.sort_unstable();
                ids.dedup();
                Ok(Scope::Groups(ids))
            }
            None if b.optional => Ok(Scope::Optional),
            None => Ok(Scope::All),
        }
    };
    let check_bounds = |b: &RawBounds| {
        if b.or_above.is_some() && b.level.is_none() {
            return Err(Kind::BadRule(BadRule::OrAboveWithoutLevel));
        }
        for v in [b.min, b.max].into_iter().flatten() {
            within(v, MAX_RULE_BOUND)?;
        }
        match (b.min, b.max) {
            (None, None) => Err(Kind::BadRule(BadRule::NoBound)),
            (Some(0), _) => Err(Kind::BadRule(BadRule::MinZero)),
            (Some(min), Some(max)) if min > max => {
                Err(Kind::BadRule(BadRule::MinAboveMax(min, max)))
            }
            _ => Ok(()),
        }
    };
    if raw.all_mandatory == Some(false) {
        return Err(Kind::BadRule(BadRule::AllMandatoryFalse));
    }
    let kinds = [
        raw.all_mandatory.is_some(),
        raw.credits.is_some(),
        raw.units.is_some(),
        raw.each_optional_group.is_some(),
    ];
    if kinds.iter().filter(|k| **k).count() != 1 {
        return Err(Kind::BadRule(BadRule::Kind));
    }
    let rule = if let Some(b) = raw.credits {
        check_bounds(&b)?;
        Rule::Credits {
            scope: scope(&b)?,
            level: b.level.map(|level| LevelFilter {
                level,
                or_above: b.or_above.unwrap_or(false),
            }),
            min: b.min,
            max: b.max,
        }
    } else if let Some(b) = raw.units {
        check_bounds(&b)?;
        if b.level.is_some() {
            return Err(Kind::BadRule(BadRule::LevelOnUnitCount));
        }
        Rule::Units {
            scope: scope(&b)?,
            min: b.min,
            max: b.max,
        }
    } else if let Some(each) = raw.each_optional_group {
        if each.min_units == 0 {
            return Err(Kind::BadRule(BadRule::AsksForNothing));
        }
        within(each.min_units, MAX_RULE_BOUND)?;
        Rule::EachOptionalGroup {
            min_units: each.min_units,
        }
    } else {
        Rule::AllMandatory
    };
    Ok(RuleEntry { rule, basis })
}
