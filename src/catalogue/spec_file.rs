//! Reading and validating one qualification file in the `specs/` format (TOML).

use std::collections::{BTreeSet, HashMap};

use serde::Deserialize;

use super::limits::{within, MAX_HOURS, MAX_KEY, MAX_OUTCOMES, MAX_RULE_BOUND, MAX_UNIT_CREDITS};
use super::spec_error::{BadRule, Entry, Kind, Problem, SpecError};
use super::{
    BarredSet, Basis, Date, Elsewhere, Fraction, Group, Hours, Level, LevelFilter, Note,
    NoteKind, OnlyOneCounts, Pathway, PathwayIdx, Qualification, Rule, RuleEntry, Scope,
    Sourced, Unit,
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
    pathways: Vec<RawPathway>,
    #[serde(default)]
    groups: Vec<RawGroup>,
    #[serde(default)]
    units: Vec<RawUnit>,
    #[serde(default)]
    rules: Vec<RawRule>,
    #[serde(default)]
    barred: Vec<RawBarred>,
    #[serde(default)]
    only_one_counts: Vec<RawBarred>,
    #[serde(default)]
    notes: Vec<RawNote>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    id: String,
    name: Sourced<String>,
    mandatory: bool,
    /// The pathways the group belongs to; absent: common to all.
    pathways: Option<Vec<String>>,
    /// Credits from other qualifications that may count in the group.
    from_elsewhere: Option<RawElsewhere>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawElsewhere {
    max_credits: u32,
    line: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPathway {
    id: String,
    name: Sourced<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    key: u32,
    group: Option<String>,
    /// Every group the unit is listed in, when more than one.
    groups: Option<Vec<String>>,
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
    tqt: Sourced<u32>,
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
    /// The pathways the rule applies to; absent: all.
    pathways: Option<Vec<String>>,
    all_mandatory: Option<bool>,
    credits: Option<RawBounds>,
    units: Option<RawBounds>,
    each_optional_group: Option<RawEach>,
    every_unit: Option<RawBounds>,
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
    or_below: Option<bool>,
    from_level: Option<Level>,
    to_level: Option<Level>,
    measure: Option<RawMeasure>,
    share: Option<String>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum RawMeasure {
    Credits,
    Glh,
    Tqt,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEach {
    min_units: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBarred {
    /// Two or more units: any two of which may not both be taken (`[[barred]]`), or of
    /// which only one counts (`[[only_one_counts]]`).
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
    let pathway_index = pathway_ids(&raw.pathways, problems);
    bounded(Entry::Field("glh"), &raw.glh, MAX_HOURS, problems);
    bounded(Entry::Field("tqt"), &raw.tqt, MAX_HOURS, problems);
    let groups = raw
        .groups
        .into_iter()
        .map(|g| Group {
            pathways: tied(
                &g.pathways,
                &pathway_index,
                Entry::Group(excerpt(&g.id)),
                problems,
            ),
            elsewhere: g.from_elsewhere.and_then(|e| {
                let entry = Entry::Group(excerpt(&g.id));
                match within(e.max_credits, MAX_RULE_BOUND) {
                    Err(kind) => problems.push(Problem::new(entry, kind)),
                    Ok(()) if e.max_credits == 0 => {
                        problems.push(Problem::new(entry, Kind::ElsewhereZero));
                    }
                    Ok(()) => {}
                }
                (e.max_credits > 0).then_some(Elsewhere {
                    max_credits: e.max_credits,
                    basis: Basis::Stated {
                        line: e.line,
                        to: None,
                    },
                })
            }),
            id: g.id,
            name: g.name,
            mandatory: g.mandatory,
        })
        .collect();
    let units: Vec<Unit> = raw
        .units
        .into_iter()
        .map(|u| {
            let names = match (u.group, u.groups) {
                (Some(one), None) => vec![one],
                (None, Some(list)) if list.is_empty() => {
                    problems.push(Problem::new(
                        Entry::Unit(u.key),
                        Kind::NamesNothing("groups"),
                    ));
                    Vec::new()
                }
                (None, Some(list)) => list,
                _ => {
                    problems.push(Problem::new(Entry::Unit(u.key), Kind::GroupOrGroups));
                    Vec::new()
                }
            };
            let mut listed: Vec<usize> = Vec::new();
            for name in &names {
                match group_index.get(name) {
                    Some(g) if listed.contains(g) => problems.push(Problem::new(
                        Entry::UnitField(u.key, "groups"),
                        Kind::ListedTwice,
                    )),
                    Some(&g) => listed.push(g),
                    None => problems.push(Problem::new(
                        Entry::Unit(u.key),
                        Kind::MissingGroup(excerpt(name)),
                    )),
                }
            }
            let group = listed.first().copied().unwrap_or(0);
            let also = listed.get(1..).unwrap_or_default().to_vec();
            if !(1..=MAX_KEY).contains(&u.key) {
                problems.push(Problem::new(Entry::Unit(u.key), Kind::KeyOutOfRange));
            }
            let field = |name| Entry::UnitField(u.key, name);
            bounded(field("credits"), &u.credits, MAX_UNIT_CREDITS, problems);
            bounded(field("glh"), &u.glh, MAX_HOURS, problems);
            bounded(field("tqt"), &u.tqt, MAX_HOURS, problems);
            bounded(field("outcomes"), &u.outcomes, MAX_OUTCOMES, problems);
            Unit {
                key: u.key,
                group,
                also,
                code: u.code,
                reference: u.reference,
                title: u.title,
                level: u.level,
                credits: u.credits,
                glh: u.glh,
                tqt: u.tqt,
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
    let only_one = raw
        .only_one_counts
        .into_iter()
        .filter_map(|set| only_one_counts(set, &find, problems))
        .collect();
    let rules = raw
        .rules
        .into_iter()
        .enumerate()
        .filter_map(|(i, r)| match build_rule(r, &group_index, &pathway_index) {
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
        pathways: raw
            .pathways
            .into_iter()
            .map(|p| Pathway {
                id: p.id,
                name: p.name,
            })
            .collect(),
        groups,
        units,
        rules,
        barred,
        only_one,
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

/// An `[[only_one_counts]]` entry: two or more units, each named once.
fn only_one_counts(
    set: RawBarred,
    find: &dyn Fn(&str) -> Option<usize>,
    problems: &mut Vec<Problem>,
) -> Option<OnlyOneCounts> {
    let entry = || Entry::OnlyOne(set.line);
    if set.units.len() < 2 {
        problems.push(Problem::new(entry(), Kind::TooFewBarred(set.units.len())));
        return None;
    }
    let mut units = Vec::new();
    for name in &set.units {
        match find(name) {
            None => problems.push(Problem::new(entry(), Kind::MissingUnit(excerpt(name)))),
            Some(u) if units.contains(&u) => {
                problems.push(Problem::new(entry(), Kind::BadRule(BadRule::OnlyOneTwice)));
                return None;
            }
            Some(u) => units.push(u),
        }
    }
    (units.len() == set.units.len()).then_some(OnlyOneCounts {
        units,
        basis: Basis::Stated {
            line: set.line,
            to: None,
        },
    })
}

/// The band a rule's bounds name, if any: `level` (with `or_above` or `or_below`), or
/// `from_level` and/or `to_level`.
fn band(b: &RawBounds) -> Result<Option<LevelFilter>, Kind> {
    let bad = |why| Err(Kind::BadRule(why));
    let above = b.or_above.unwrap_or(false);
    let below = b.or_below.unwrap_or(false);
    if b.level.is_some() && (b.from_level.is_some() || b.to_level.is_some()) || above && below {
        return bad(BadRule::BandTwoWays);
    }
    match b.level {
        None if b.or_above.is_some() => bad(BadRule::OrAboveWithoutLevel),
        None if b.or_below.is_some() => bad(BadRule::OrBelowWithoutLevel),
        Some(level) if below => Ok(Some(LevelFilter {
            from: None,
            to: Some(level),
        })),
        Some(level) => Ok(Some(LevelFilter::at(level, above))),
        None => match (b.from_level, b.to_level) {
            (None, None) => Ok(None),
            (Some(from), Some(to)) if from > to => bad(BadRule::BandUpsideDown(from, to)),
            (from, to) => Ok(Some(LevelFilter { from, to })),
        },
    }
}

/// A share written as "n/d" (or "1"), `0 < n/d ≤ 1`.
fn share(text: &str) -> Result<Fraction, Kind> {
    let number = |t: &str| t.trim().parse::<u32>().ok();
    let parsed = match text.split_once('/') {
        Some((n, d)) => number(n).zip(number(d)),
        None => number(text).map(|n| (n, 1)),
    };
    parsed
        .and_then(|(n, d)| Fraction::new(n, d))
        .ok_or(Kind::BadRule(BadRule::BadShare))
}

/// The pathways' indices by id; an id used twice is a problem.
fn pathway_ids(raw: &[RawPathway], problems: &mut Vec<Problem>) -> HashMap<String, usize> {
    let mut index = HashMap::new();
    for (i, p) in raw.iter().enumerate() {
        if index.insert(p.id.clone(), i).is_some() || p.id.trim().is_empty() {
            problems.push(Problem::new(
                Entry::Pathway(excerpt(&p.id)),
                Kind::ListedTwice,
            ));
        }
    }
    index
}

/// The pathways an entry is tied to (empty: common to all), each problem recorded.
fn tied(
    names: &Option<Vec<String>>,
    index: &HashMap<String, usize>,
    entry: Entry,
    problems: &mut Vec<Problem>,
) -> Vec<PathwayIdx> {
    match pathway_list(names, index) {
        Ok(list) => list,
        Err(kind) => {
            problems.push(Problem::new(entry, kind));
            Vec::new()
        }
    }
}

fn pathway_list(
    names: &Option<Vec<String>>,
    index: &HashMap<String, usize>,
) -> Result<Vec<PathwayIdx>, Kind> {
    let Some(names) = names else {
        return Ok(Vec::new());
    };
    if names.is_empty() {
        return Err(Kind::NamesNothing("pathways"));
    }
    let mut list = Vec::new();
    for name in names {
        let &p = index
            .get(name)
            .ok_or_else(|| Kind::MissingPathway(excerpt(name)))?;
        if list.contains(&p) {
            return Err(Kind::ListedTwice);
        }
        list.push(p);
    }
    list.sort_unstable();
    Ok(list)
}

fn build_rule(
    raw: RawRule,
    groups: &HashMap<String, usize>,
    pathways: &HashMap<String, usize>,
) -> Result<RuleEntry, Kind> {
    let tied_to = pathway_list(&raw.pathways, pathways)?;
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
        band(b)?;
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
        raw.every_unit.is_some(),
    ];
    if kinds.iter().filter(|k| **k).count() != 1 {
        return Err(Kind::BadRule(BadRule::Kind));
    }
    let rule = if let Some(b) = raw.credits.as_ref().filter(|b| b.share.is_some()) {
        if b.min.is_some() || b.max.is_some() || b.measure.is_some() {
            return Err(Kind::BadRule(BadRule::ShareWithBounds));
        }
        Rule::Share {
            share: share(b.share.as_deref().unwrap_or_default())?,
            level: band(b)?.ok_or(Kind::BadRule(BadRule::NoBand))?,
            scope: scope(b)?,
        }
    } else if let Some(b) = raw.credits {
        check_bounds(&b)?;
        let (scope, level) = (scope(&b)?, band(&b)?);
        let hours = match b.measure {
            None | Some(RawMeasure::Credits) => None,
            Some(RawMeasure::Glh) => Some(Hours::Glh),
            Some(RawMeasure::Tqt) => Some(Hours::Tqt),
        };
        match hours {
            None => Rule::Credits {
                scope,
                level,
                min: b.min,
                max: b.max,
            },
            Some(measure) => Rule::Hours {
                measure,
                scope,
                level,
                min: b.min,
                max: b.max,
            },
        }
    } else if let Some(b) = raw.every_unit {
        if b.min.is_some() || b.max.is_some() || b.share.is_some() || b.measure.is_some() {
            return Err(Kind::BadRule(BadRule::EveryUnitTakesBand));
        }
        Rule::EveryUnit {
            level: band(&b)?.ok_or(Kind::BadRule(BadRule::NoBand))?,
            scope: scope(&b)?,
        }
    } else if let Some(b) = raw.units {
        check_bounds(&b)?;
        if b.level.is_some() || b.from_level.is_some() || b.to_level.is_some() {
            return Err(Kind::BadRule(BadRule::LevelOnUnitCount));
        }
        if b.measure.is_some() {
            return Err(Kind::BadRule(BadRule::MeasureOnUnitCount));
        }
        if b.share.is_some() {
            return Err(Kind::BadRule(BadRule::Kind));
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
    Ok(RuleEntry {
        rule,
        basis,
        pathways: tied_to,
    })
}
