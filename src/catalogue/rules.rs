//! The rule language: rules of combination as data the engine evaluates.

use serde::{Deserialize, Serialize};

use super::{GroupIdx, Level, Qualification};

/// Which units a rule counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// Restricts a rule to units in a band of levels: `from..=to`, either end open ("at level
/// 2", "at level 3 or above", "at level 2 or below", "Entry 3 to level 2").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LevelFilter {
    /// The lowest level counted; `None`: no lower end.
    pub from: Option<Level>,
    /// The highest level counted; `None`: no upper end.
    pub to: Option<Level>,
}

impl LevelFilter {
    /// The older form: at `level`, or at `level` or above.
    pub fn at(level: Level, or_above: bool) -> LevelFilter {
        LevelFilter {
            from: Some(level),
            to: (!or_above).then_some(level),
        }
    }

    /// How the filter reads after a count: " at level 1", " at level 3 or above",
    /// " at level 2 or below", " at levels Entry 3 to 2".
    pub fn phrase(&self) -> String {
        match (self.from, self.to) {
            (Some(a), Some(b)) if a == b => format!(" at level {a}"),
            (Some(a), Some(b)) => format!(" at levels {a} to {b}"),
            (Some(a), None) => format!(" at level {a} or above"),
            (None, Some(b)) => format!(" at level {b} or below"),
            (None, None) => " at any level".into(),
        }
    }

    /// Whether every level counts ("Entry 1 or above").
    pub fn admits_all(&self) -> bool {
        self.from.is_none_or(|f| f == Level::ALL[0])
            && self.to.is_none_or(|t| Level::ALL.last() == Some(&t))
    }

    /// Whether a unit at `level` counts.
    pub fn admits(&self, level: Level) -> bool {
        self.from.is_none_or(|f| level >= f) && self.to.is_none_or(|t| level <= t)
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

/// What a total of hours counts: guided learning hours or total qualification time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Hours {
    /// Guided learning hours.
    Glh,
    /// Total qualification time.
    Tqt,
}

impl Hours {
    /// The noun a count of them takes, plural.
    pub fn noun(self) -> &'static str {
        match self {
            Hours::Glh => "guided learning hours",
            Hours::Tqt => "hours of total qualification time",
        }
    }

    /// The noun for one.
    pub fn noun_one(self) -> &'static str {
        match self {
            Hours::Glh => "guided learning hour",
            Hours::Tqt => "hour of total qualification time",
        }
    }
}

/// A share `num / den` of a total, `0 < num ≤ den`, in lowest terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fraction {
    /// Numerator.
    pub num: u32,
    /// Denominator.
    pub den: u32,
}

impl Fraction {
    /// `num / den` in lowest terms; `None` unless `0 < num ≤ den`.
    pub fn new(num: u32, den: u32) -> Option<Fraction> {
        if num == 0 || den == 0 || num > den {
            return None;
        }
        let g = gcd(num, den);
        Some(Fraction {
            num: num / g,
            den: den / g,
        })
    }

    /// "half", "all", "a third", else "2/5".
    pub fn words(self) -> String {
        match (self.num, self.den) {
            (1, 1) => "all".into(),
            (1, 2) => "half".into(),
            (1, 3) => "a third".into(),
            (1, 4) => "a quarter".into(),
            (2, 3) => "two thirds".into(),
            (3, 4) => "three quarters".into(),
            (n, d) => format!("{n}/{d}"),
        }
    }
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// A rule of combination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Guided learning hours (or total qualification time) in scope must be within bounds.
    Hours {
        /// What is counted.
        measure: Hours,
        /// Which units count.
        scope: Scope,
        /// Only units in this band count.
        level: Option<LevelFilter>,
        /// At least this many hours.
        min: Option<u32>,
        /// At most this many hours.
        max: Option<u32>,
    },
    /// Every unit in scope must be in the band ("every unit at level 3 or above").
    EveryUnit {
        /// Which units the rule is about.
        scope: Scope,
        /// The band each must be in.
        level: LevelFilter,
    },
    /// At least `share` of the credits in scope must be from units in the band ("at least
    /// half of the optional credits at level 3 or above").
    Share {
        /// Which units' credits make the whole.
        scope: Scope,
        /// The band whose credits make the share.
        level: LevelFilter,
        /// The least share.
        share: Fraction,
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
            Rule::Hours {
                measure,
                scope,
                level,
                min,
                max,
            } => {
                let count = bounds(*min, *max, measure.noun());
                let count = if min.or(*max) == Some(1) {
                    count.replace(measure.noun(), measure.noun_one())
                } else {
                    count
                };
                let level = level.map(|f| f.phrase()).unwrap_or_default();
                format!("{count}{}{level}", scope.phrase(qual))
            }
            Rule::EveryUnit { scope, level } => {
                format!("every unit{}{}", scope.phrase(qual), level.phrase())
            }
            Rule::Share {
                scope,
                level,
                share,
            } => format!(
                "at least {} of the credits{}{}",
                share.words(),
                scope.phrase(qual),
                level.phrase()
            ),
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
        let level = |n, or_above| Some(LevelFilter::at(Level::Numbered(n), or_above));
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
            (
                Rule::Hours {
                    measure: Hours::Glh,
                    scope: Scope::Optional,
                    level: None,
                    min: Some(360),
                    max: None,
                },
                "At least 360 guided learning hours from the optional groups".into(),
            ),
            (
                Rule::Hours {
                    measure: Hours::Tqt,
                    scope: Scope::All,
                    level: Some(LevelFilter {
                        from: None,
                        to: Some(Level::Numbered(2)),
                    }),
                    min: None,
                    max: Some(1),
                },
                "At most 1 hour of total qualification time at level 2 or below".into(),
            ),
            (
                Rule::Credits {
                    scope: Scope::All,
                    level: Some(LevelFilter {
                        from: Some(Level::Entry(3)),
                        to: Some(Level::Numbered(2)),
                    }),
                    min: Some(6),
                    max: None,
                },
                "At least 6 credits at levels Entry 3 to 2".into(),
            ),
            (
                Rule::EveryUnit {
                    scope: Scope::All,
                    level: LevelFilter::at(Level::Numbered(3), true),
                },
                "Every unit at level 3 or above".into(),
            ),
            (
                Rule::Share {
                    scope: Scope::Optional,
                    level: LevelFilter::at(Level::Numbered(3), true),
                    share: Fraction::new(2, 4).expect("a half"),
                },
                "At least half of the credits from the optional groups at level 3 or above".into(),
            ),
        ];
        for (rule, words) in cases {
            assert_eq!(rule.describe(qual), words);
        }
    }

    #[test]
    fn a_level_filter_admits_its_level_and_above_only_when_asked() {
        let at_two = LevelFilter::at(Level::Numbered(2), false);
        let two_up = LevelFilter::at(Level::Numbered(2), true);
        assert!(at_two.admits(Level::Numbered(2)) && !at_two.admits(Level::Numbered(3)));
        assert!(two_up.admits(Level::Numbered(2)) && two_up.admits(Level::Numbered(3)));
        assert!(!two_up.admits(Level::Numbered(1)) && !two_up.admits(Level::Entry(3)));
        let everything = LevelFilter::at(Level::Entry(1), true);
        assert!(everything.admits_all() && !two_up.admits_all());
        let at_entry_one = LevelFilter::at(Level::Entry(1), false);
        assert!(!at_entry_one.admits_all());
        let entry_three_to_two = LevelFilter {
            from: Some(Level::Entry(3)),
            to: Some(Level::Numbered(2)),
        };
        assert!(
            entry_three_to_two.admits(Level::Entry(3))
                && entry_three_to_two.admits(Level::Numbered(2))
        );
        assert!(
            !entry_three_to_two.admits(Level::Entry(2))
                && !entry_three_to_two.admits(Level::Numbered(3))
        );
        let two_down = LevelFilter {
            from: None,
            to: Some(Level::Numbered(2)),
        };
        assert!(two_down.admits(Level::Entry(1)) && !two_down.admits(Level::Numbered(3)));
        assert!(
            !two_down.admits_all()
                && LevelFilter {
                    from: None,
                    to: Some(Level::Numbered(8))
                }
                .admits_all()
        );
        assert_eq!(counts(Some(two_down), None), None);
        assert_eq!(
            counts(Some(everything), None),
            Some(true),
            "unknown, yet counted"
        );
        assert_eq!(counts(Some(two_up), None), None);
    }
}
