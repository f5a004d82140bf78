//! Reading and validating one qualification file in the `specs/` format (TOML).

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use serde::Deserialize;

use super::{
    BarredPair, Basis, Date, Group, Level, LevelFilter, Note, NoteKind, Qualification, Rule,
    RuleEntry, Scope, Sourced, Unit,
};

/// Everything wrong with one specs file; the message names the file and each entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    /// The file the problems are in.
    pub file: String,
    /// One line per problem, each naming the entry.
    pub problems: Vec<String>,
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file)?;
        if let [only] = self.problems.as_slice() {
            return write!(f, "{only}");
        }
        write!(f, "{} problems", self.problems.len())?;
        for p in &self.problems {
            write!(f, "\n  - {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for SpecError {}

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
    #[serde(default)]
    groups: Vec<String>,
    #[serde(default)]
    optional: bool,
    level: Option<Level>,
    #[serde(default)]
    or_above: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEach {
    min_units: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBarred {
    units: [String; 2],
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
    let raw: RawFile = toml::from_str(text).map_err(|e| SpecError {
        file: file.to_string(),
        problems: vec![e.message().to_string() + &at_line(text, &e)],
    })?;
    check(file, raw)
}

/// Parses and validates a qualification file converted to JSON (the embedded catalogue).
pub fn parse_spec_json(file: &str, json: &str) -> Result<Qualification, SpecError> {
    let raw: RawFile = serde_json::from_str(json).map_err(|e| SpecError {
        file: file.to_string(),
        problems: vec![e.to_string()],
    })?;
    check(file, raw)
}

fn check(file: &str, raw: RawFile) -> Result<Qualification, SpecError> {
    let fail = |problems: Vec<String>| SpecError {
        file: file.to_string(),
        problems,
    };
    let mut problems = Vec::new();
    let qual = build(file, raw, &mut problems);
    problems.extend(super::validate::problems(&qual));
    if problems.is_empty() {
        Ok(qual)
    } else {
        Err(fail(problems))
    }
}

#[cfg(feature = "spec-files")]
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

fn date(field: &str, raw: Sourced<String>, problems: &mut Vec<String>) -> Sourced<Date> {
    raw.try_map(|text| text.parse::<Date>())
        .unwrap_or_else(|e| {
            problems.push(format!("{field}: {e}"));
            Sourced::unknown("unreadable date")
        })
}

fn build(file: &str, raw: RawFile, problems: &mut Vec<String>) -> Qualification {
    let group_index: HashMap<String, usize> = raw
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.clone(), i))
        .collect();
    let mut seen_group = BTreeSet::new();
    for g in &raw.groups {
        if !seen_group.insert(g.id.clone()) {
            problems.push(format!("group `{}` is listed twice", g.id));
        }
    }
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
                    problems.push(format!(
                        "unit key {} names group `{}`, which does not exist",
                        u.key, u.group
                    ));
                    0
                }
            };
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
    for pair in raw.barred {
        match (find(&pair.units[0]), find(&pair.units[1])) {
            (Some(a), Some(b)) => barred.push(BarredPair {
                a,
                b,
                basis: Basis::Stated {
                    line: pair.line,
                    to: None,
                },
            }),
            (a, b) => {
                for (name, found) in [(&pair.units[0], a), (&pair.units[1], b)] {
                    if found.is_none() {
                        problems.push(format!(
                            "barred pair on line {} names unit `{name}`, which does not exist",
                            pair.line
                        ));
                    }
                }
            }
        }
    }
    let rules = raw
        .rules
        .into_iter()
        .enumerate()
        .filter_map(|(i, r)| match build_rule(r, &group_index) {
            Ok(rule) => Some(rule),
            Err(e) => {
                problems.push(format!("rule {}: {e}", i + 1));
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

fn build_rule(raw: RawRule, groups: &HashMap<String, usize>) -> Result<RuleEntry, String> {
    let basis = match (raw.line, raw.inferred) {
        (Some(line), None) => Basis::Stated { line, to: raw.to },
        (None, Some(why)) => Basis::Inferred(why),
        _ => return Err("needs exactly one basis: `line` or `inferred`".into()),
    };
    let scope = |b: &RawBounds| -> Result<Scope, String> {
        if !b.groups.is_empty() {
            if b.optional {
                return Err("`groups` and `optional` cannot both be given".into());
            }
            let ids = b
                .groups
                .iter()
                .map(|g| {
                    groups
                        .get(g)
                        .copied()
                        .ok_or_else(|| format!("names group `{g}`, which does not exist"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Scope::Groups(ids))
        } else if b.optional {
            Ok(Scope::Optional)
        } else {
            Ok(Scope::All)
        }
    };
    let check_bounds = |b: &RawBounds| match (b.min, b.max) {
        (None, None) => Err("needs a `min` or a `max`".to_string()),
        (Some(min), Some(max)) if min > max => Err(format!("min {min} is above max {max}")),
        _ => Ok(()),
    };
    let kinds = [
        raw.all_mandatory.is_some(),
        raw.credits.is_some(),
        raw.units.is_some(),
        raw.each_optional_group.is_some(),
    ];
    if kinds.iter().filter(|k| **k).count() != 1 {
        return Err(
            "needs exactly one of `all_mandatory`, `credits`, `units`, `each_optional_group`"
                .into(),
        );
    }
    let rule = if let Some(b) = raw.credits {
        check_bounds(&b)?;
        Rule::Credits {
            scope: scope(&b)?,
            level: b.level.map(|level| LevelFilter {
                level,
                or_above: b.or_above,
            }),
            min: b.min,
            max: b.max,
        }
    } else if let Some(b) = raw.units {
        check_bounds(&b)?;
        if b.level.is_some() {
            return Err("a unit-count rule cannot have a `level`".into());
        }
        Rule::Units {
            scope: scope(&b)?,
            min: b.min,
            max: b.max,
        }
    } else if let Some(each) = raw.each_optional_group {
        Rule::EachOptionalGroup {
            min_units: each.min_units,
        }
    } else {
        Rule::AllMandatory
    };
    Ok(RuleEntry { rule, basis })
}
