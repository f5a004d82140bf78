//! The rule language: rules of combination as data the engine evaluates.

use super::{GroupIdx, Level, Qualification};

/// Which units a rule counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every unit in the plan.
    All,
    /// Units from optional groups only.
    Optional,
    /// Units from the listed groups.
    Groups(Vec<GroupIdx>),
}

impl Scope {
    /// Whether a unit in `group` of `qual` is counted.
    pub fn includes(&self, qual: &Qualification, group: GroupIdx) -> bool {
        match self {
            Scope::All => true,
            Scope::Optional => !qual.groups[group].mandatory,
            Scope::Groups(groups) => groups.contains(&group),
        }
    }

    /// How the scope reads after a count: "", " from the optional groups", " from A or B".
    pub fn phrase(&self, qual: &Qualification) -> String {
        match self {
            Scope::All => String::new(),
            Scope::Optional => " from the optional groups".into(),
            Scope::Groups(groups) => {
                let names: Vec<String> = groups.iter().map(|&g| group_name(qual, g)).collect();
                format!(" from {}", names.join(" or "))
            }
        }
    }
}

/// Restricts a credit rule to units at a level, or at a level or above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LevelFilter {
    /// The level.
    pub level: Level,
    /// Also count units above `level`.
    pub or_above: bool,
}

impl LevelFilter {
    /// How the filter reads after a count: " at level 1", " at level 3 or above".
    pub fn phrase(&self) -> String {
        let above = if self.or_above { " or above" } else { "" };
        format!(" at level {}{above}", self.level)
    }

    /// Whether every level counts ("Entry 1 or above").
    pub fn admits_all(&self) -> bool {
        self.or_above && self.level == Level::ALL[0]
    }

    /// Whether a unit at `level` counts.
    pub fn admits(&self, level: Level) -> bool {
        if self.or_above {
            level >= self.level
        } else {
            level == self.level
        }
    }
}

/// Whether a unit at `level` counts under `filter`: `None` when its level is unknown and
/// the filter depends on it (a filter every level passes does not). The one place a level
/// filter is applied.
pub fn counts(filter: Option<LevelFilter>, level: Option<Level>) -> Option<bool> {
    match (filter, level) {
        (None, _) => Some(true),
        (Some(f), Some(l)) => Some(f.admits(l)),
        (Some(f), None) => f.admits_all().then_some(true),
    }
}

/// A rule of combination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// Every mandatory unit must be in the plan.
    AllMandatory,
    /// Credits in scope (optionally only at a level) must be within bounds.
    Credits {
        /// Which units count.
        scope: Scope,
        /// Only units at this level (or above) count.
        level: Option<LevelFilter>,
        /// At least this many credits.
        min: Option<u32>,
        /// At most this many credits.
        max: Option<u32>,
    },
    /// The number of units in scope must be within bounds.
    Units {
        /// Which units count.
        scope: Scope,
        /// At least this many units.
        min: Option<u32>,
        /// At most this many units.
        max: Option<u32>,
    },
    /// Each optional group must contribute at least `min_units` units.
    EachOptionalGroup {
        /// Units needed from every optional group.
        min_units: u32,
    },
}

/// The display name of a group: "Group A (Impression and Image)" style.
pub fn group_name(qual: &Qualification, group: GroupIdx) -> String {
    let g = &qual.groups[group];
    match g.name.value() {
        Some(name) => name.clone(),
        None => format!("group {}", g.id),
    }
}

fn bounds(min: Option<u32>, max: Option<u32>, noun: &str) -> String {
    let plural = |n: u32| {
        if n == 1 {
            noun.trim_end_matches('s').to_string()
        } else {
            noun.to_string()
        }
    };
    match (min, max) {
        (Some(a), Some(b)) if a == b => format!("exactly {a} {}", plural(a)),
        (Some(a), Some(b)) => format!("between {a} and {b} {noun}"),
        (Some(a), None) => format!("at least {a} {}", plural(a)),
        (None, Some(b)) => format!("at most {b} {}", plural(b)),
        (None, None) => format!("any number of {noun}"),
    }
}

impl Rule {
    /// The rule in plain words, e.g. "At least 8 credits from Optional units (Group A)".
    pub fn describe(&self, qual: &Qualification) -> String {
        let text = match self {
            Rule::AllMandatory => "all mandatory units".to_string(),
            Rule::Credits {
                scope,
                level,
                min,
                max,
            } => {
                let level = level.map(|f| f.phrase()).unwrap_or_default();
                let total = if *scope == Scope::All && level.is_empty() {
                    " in total"
                } else {
                    ""
                };
                format!(
                    "{}{total}{}{level}",
                    bounds(*min, *max, "credits"),
                    scope.phrase(qual)
                )
            }
            Rule::Units { scope, min, max } => {
                format!("{}{}", bounds(*min, *max, "units"), scope.phrase(qual))
            }
            Rule::EachOptionalGroup { min_units } => {
                format!(
                    "{} from each optional group",
                    bounds(Some(*min_units), None, "units")
                )
            }
        };
        let mut chars = text.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::builtin;

    #[test]
    fn rules_read_as_a_person_would_say_them() {
        let qual = builtin::by_id("cg-l3-nvq-dip-cs").expect("built in");
        let optional = qual
            .groups
            .iter()
            .position(|g| !g.mandatory)
            .expect("an optional group");
        let level = |n, or_above| {
            Some(LevelFilter {
                level: Level::Numbered(n),
                or_above,
            })
        };
        let cases = [
            (Rule::AllMandatory, "All mandatory units".to_string()),
            (
                Rule::Credits {
                    scope: Scope::All,
                    level: None,
                    min: Some(37),
                    max: None,
                },
                "At least 37 credits in total".into(),
            ),
            (
                Rule::Credits {
                    scope: Scope::All,
                    level: None,
                    min: Some(1),
                    max: None,
                },
                "At least 1 credit in total".into(),
            ),
            (
                Rule::Credits {
                    scope: Scope::All,
                    level: level(3, true),
                    min: Some(20),
                    max: None,
                },
                "At least 20 credits at level 3 or above".into(),
            ),
            (
                Rule::Credits {
                    scope: Scope::Optional,
                    level: level(2, false),
                    min: None,
                    max: Some(9),
                },
                "At most 9 credits from the optional groups at level 2".into(),
            ),
            (
                Rule::Credits {
                    scope: Scope::All,
                    level: None,
                    min: Some(5),
                    max: Some(5),
                },
                "Exactly 5 credits in total".into(),
            ),
            (
                Rule::Units {
                    scope: Scope::All,
                    min: Some(2),
                    max: Some(4),
                },
                "Between 2 and 4 units".into(),
            ),
            (
                Rule::Units {
                    scope: Scope::All,
                    min: None,
                    max: None,
                },
                "Any number of units".into(),
            ),
            (
                Rule::Units {
                    scope: Scope::Groups(vec![optional]),
                    min: Some(1),
                    max: None,
                },
                format!("At least 1 unit from {}", group_name(qual, optional)),
            ),
            (
                Rule::EachOptionalGroup { min_units: 2 },
                "At least 2 units from each optional group".into(),
            ),
        ];
        for (rule, words) in cases {
            assert_eq!(rule.describe(qual), words);
        }
    }

    #[test]
    fn a_level_filter_admits_its_level_and_above_only_when_asked() {
        let at_two = LevelFilter {
            level: Level::Numbered(2),
            or_above: false,
        };
        let two_up = LevelFilter {
            level: Level::Numbered(2),
            or_above: true,
        };
        assert!(at_two.admits(Level::Numbered(2)) && !at_two.admits(Level::Numbered(3)));
        assert!(two_up.admits(Level::Numbered(2)) && two_up.admits(Level::Numbered(3)));
        assert!(!two_up.admits(Level::Numbered(1)) && !two_up.admits(Level::Entry(3)));
        let everything = LevelFilter {
            level: Level::Entry(1),
            or_above: true,
        };
        assert!(everything.admits_all() && !two_up.admits_all());
        let at_entry_one = LevelFilter {
            or_above: false,
            ..everything
        };
        assert!(!at_entry_one.admits_all());
        assert_eq!(
            counts(Some(everything), None),
            Some(true),
            "unknown, yet counted"
        );
        assert_eq!(counts(Some(two_up), None), None);
    }
}
