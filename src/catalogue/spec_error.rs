//! What can be wrong with a specs file, as types: the file, the entry each problem is
//! about, and what kind of problem it is. Every message comes from the `Display`s here.

use std::fmt;

use crate::text::{capped, excerpt};

/// Most problems listed in one message; the rest are counted.
const SHOWN_PROBLEMS: usize = 30;

/// Everything wrong with one specs file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    /// The file the problems are in (an excerpt, safe to show).
    pub file: String,
    /// Each problem, naming its entry.
    pub problems: Vec<Problem>,
}

/// One problem: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The entry it is about.
    pub entry: Entry,
    /// What is wrong.
    pub kind: Kind,
}

/// The part of a specs file a problem is about. Outside text is kept as a safe excerpt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// The file as a whole.
    File,
    /// A top-level field (`glh`, `start_date`).
    Field(&'static str),
    /// The `id` field.
    Id(String),
    /// A group, by id.
    Group(String),
    /// A unit, by key.
    Unit(u32),
    /// A field of a unit.
    UnitField(u32, &'static str),
    /// A `[[barred]]` entry, by its source line.
    Barred(usize),
    /// A barred pair, by the two units' labels.
    BarredPair(String, String),
    /// A rule, numbered from 1.
    Rule(usize),
    /// An `[[only_one_counts]]` entry, by its source line.
    OnlyOne(usize),
    /// A pathway, by id.
    Pathway(String),
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// The file is not valid TOML or JSON of the expected shape (the parser's words).
    Unreadable(String),
    /// No groups at all.
    NoGroups,
    /// No rules of combination.
    NoRules,
    /// A group with no units.
    NoUnits,
    /// An id used for two groups.
    ListedTwice,
    /// An id that is not lower-case letters, digits and hyphens.
    BadId,
    /// Names a group that does not exist.
    MissingGroup(String),
    /// Names a unit that does not exist.
    MissingUnit(String),
    /// A unit key a share link cannot carry.
    KeyOutOfRange,
    /// A number above what the planner accepts.
    TooLarge {
        /// The number.
        value: u32,
        /// The largest accepted.
        max: u32,
    },
    /// Not a date in the form DD/MM/YYYY.
    NotADate(String),
    /// A barred entry naming fewer than two units.
    TooFewBarred(usize),
    /// A barred pair of a unit with itself.
    BarredWithItself,
    /// A key used by two units (their labels).
    KeyUsedTwice(String, String),
    /// A unit with neither code nor reference.
    NoIdentifier,
    /// A code or reference that is empty or only spaces (which field).
    BlankIdentifier(&'static str),
    /// A code or reference used by two units (the name, then the two keys).
    IdentifierUsedTwice(String, u32, u32),
    /// A rule written wrongly.
    BadRule(BadRule),
    /// A rule no choice of units can meet (the rule in words, then why).
    NeverMet(String, NeverMet),
    /// A unit in two `[[only_one_counts]]` entries (its label).
    InTwoOnlyOne(String),
    /// Names a pathway that does not exist.
    MissingPathway(String),
    /// `pathways = []` or `groups = []` on a group or unit: names nothing.
    NamesNothing(&'static str),
    /// Both `group` and `groups` on a unit, or neither.
    GroupOrGroups,
    /// A pathway with no group and no rule of its own: choosing it changes nothing.
    PathwayUnused,
    /// A rule tied to pathways counts a group that belongs to none of them (the group).
    GroupOffPathway(String),
    /// `from_elsewhere = { max_credits = 0 }`: allows nothing.
    ElsewhereZero,
}

/// How a rule entry is written wrongly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadRule {
    /// Not exactly one of `line` and `inferred`.
    Basis,
    /// Not exactly one kind of rule.
    Kind,
    /// Both `groups` and `optional`.
    GroupsAndOptional,
    /// `groups = []`.
    NoGroupsNamed,
    /// `or_above` without `level`.
    OrAboveWithoutLevel,
    /// Neither `min` nor `max`.
    NoBound,
    /// `min = 0`.
    MinZero,
    /// `min` above `max`.
    MinAboveMax(u32, u32),
    /// A unit-count rule with a level.
    LevelOnUnitCount,
    /// `each_optional_group` with `min_units = 0`.
    AsksForNothing,
    /// `all_mandatory = false`: refused, not read as no rule, since a rule entry that
    /// states nothing is more likely a mistake than a meaning (as `min = 0` is).
    AllMandatoryFalse,
    /// A band whose lowest level is above its highest (from, to).
    BandUpsideDown(crate::catalogue::Level, crate::catalogue::Level),
    /// A band written two ways at once (`level` with `from_level`/`to_level`, or
    /// `or_above` with `or_below`).
    BandTwoWays,
    /// `or_below` without `level`.
    OrBelowWithoutLevel,
    /// `share` not a fraction above 0 and at most 1.
    BadShare,
    /// `share` with `min` or `max`, or with a `measure`.
    ShareWithBounds,
    /// An `every_unit` rule with anything but a scope and a band.
    EveryUnitTakesBand,
    /// A `share` or `every_unit` rule without a band.
    NoBand,
    /// A `measure` on a rule that does not count credits.
    MeasureOnUnitCount,
    /// The same unit twice in one `[[only_one_counts]]` entry.
    OnlyOneTwice,
}

/// Why a rule can never be met, from the values the file states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NeverMet {
    /// Fewer credits can count than the minimum (most, minimum).
    TooFewCredits(u64, u32),
    /// Mandatory units alone give more credits than the maximum.
    MandatoryCreditsOver(u64, u32),
    /// Fewer units can count than the minimum.
    TooFewUnits(u32, u32),
    /// Mandatory units alone are more than the maximum.
    MandatoryUnitsOver(u32, u32),
    /// An optional group has too few units that can be taken (group id, minimum).
    GroupTooSmall(String, u32),
    /// Fewer hours can count than the minimum (most, minimum).
    TooFewHours(u64, u32),
    /// Mandatory units alone give more hours than the maximum.
    MandatoryHoursOver(u64, u32),
    /// A mandatory unit is outside the band every unit must be in (its label).
    MandatoryOutsideBand(String),
}

impl Problem {
    /// A problem about `entry`.
    pub fn new(entry: Entry, kind: Kind) -> Problem {
        Problem { entry, kind }
    }
}

impl fmt::Display for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Entry::File => write!(f, "the file"),
            Entry::Field(name) => write!(f, "{name}"),
            Entry::Id(id) => write!(f, "id `{id}`"),
            Entry::Group(id) => write!(f, "group `{id}`"),
            Entry::Unit(key) => write!(f, "unit key {key}"),
            Entry::UnitField(key, name) => write!(f, "unit key {key}: {name}"),
            Entry::Barred(line) => write!(f, "barred entry on line {line}"),
            Entry::BarredPair(a, b) => write!(f, "barred pair {a} / {b}"),
            Entry::Rule(n) => write!(f, "rule {n}"),
            Entry::OnlyOne(line) => write!(f, "only_one_counts entry on line {line}"),
            Entry::Pathway(id) => write!(f, "pathway `{id}`"),
        }
    }
}

impl fmt::Display for BadRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BadRule::Basis => "needs exactly one basis: `line` or `inferred`",
            BadRule::Kind => {
                "needs exactly one of `all_mandatory`, `credits`, `units`, `each_optional_group`, `every_unit`"
            }
            BadRule::GroupsAndOptional => "`groups` and `optional` cannot both be given",
            BadRule::NoGroupsNamed => {
                "`groups = []` names no group; leave `groups` out to count every unit"
            }
            BadRule::OrAboveWithoutLevel => "`or_above` needs a `level`",
            BadRule::NoBound => "needs a `min` or a `max`",
            BadRule::MinZero => "`min = 0` sets no minimum; leave `min` out",
            BadRule::MinAboveMax(min, max) => return write!(f, "min {min} is above max {max}"),
            BadRule::LevelOnUnitCount => "a unit-count rule cannot have a `level`",
            BadRule::AsksForNothing => {
                "`each_optional_group` with `min_units = 0` asks for nothing"
            }
            BadRule::BandUpsideDown(from, to) => {
                return write!(f, "`from_level` {from} is above `to_level` {to}")
            }
            BadRule::BandTwoWays => {
                "a band is written one way: `level` (with `or_above` or `or_below`), or `from_level` and `to_level`"
            }
            BadRule::OrBelowWithoutLevel => "`or_below` needs a `level`",
            BadRule::BadShare => {
                "`share` must be a fraction above 0 and at most 1, such as \"1/2\""
            }
            BadRule::ShareWithBounds => {
                "a `share` rule takes no `min`, `max` or `measure`: it is a share of the credits"
            }
            BadRule::EveryUnitTakesBand => {
                "an `every_unit` rule takes only a scope and a band, no `min`, `max`, `share` or `measure`"
            }
            BadRule::NoBand => {
                "needs a band: `level` (with `or_above` or `or_below`), or `from_level`/`to_level`"
            }
            BadRule::MeasureOnUnitCount => "a unit-count rule cannot have a `measure`",
            BadRule::OnlyOneTwice => "names the same unit twice",
            BadRule::AllMandatoryFalse => {
                "`all_mandatory = false` states no rule; write `all_mandatory = true` or leave the rule out (mandatory units are always in a plan)"
            }
        })
    }
}

impl fmt::Display for NeverMet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NeverMet::TooFewCredits(most, min) => {
                write!(f, "only {most} credits can count towards {min}")
            }
            NeverMet::MandatoryCreditsOver(given, max) => {
                write!(
                    f,
                    "the mandatory units alone give {given} credits, over {max}"
                )
            }
            NeverMet::TooFewUnits(most, min) => {
                write!(f, "only {most} units can count towards {min}")
            }
            NeverMet::MandatoryUnitsOver(given, max) => {
                write!(f, "the mandatory units alone are {given}, over {max}")
            }
            NeverMet::TooFewHours(most, min) => {
                write!(f, "only {most} hours can count towards {min}")
            }
            NeverMet::MandatoryHoursOver(given, max) => {
                write!(
                    f,
                    "the mandatory units alone give {given} hours, over {max}"
                )
            }
            NeverMet::MandatoryOutsideBand(unit) => {
                write!(f, "mandatory unit {unit} is outside the band")
            }
            NeverMet::GroupTooSmall(group, min) => write!(
                f,
                "group `{group}` has fewer than {min} units that can be taken"
            ),
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kind::Unreadable(message) => write!(f, "{message}"),
            Kind::NoGroups => write!(f, "the qualification has no groups"),
            Kind::NoRules => write!(f, "the qualification has no rules of combination"),
            Kind::NoUnits => write!(f, "has no units"),
            Kind::ListedTwice => write!(f, "is listed twice"),
            Kind::BadId => write!(f, "must be lower-case letters, digits and hyphens"),
            Kind::MissingGroup(g) => write!(f, "names group `{g}`, which does not exist"),
            Kind::MissingUnit(u) => write!(f, "names unit `{u}`, which does not exist"),
            Kind::KeyOutOfRange => write!(
                f,
                "is outside 1-{}, the keys a share link can carry",
                super::limits::MAX_KEY
            ),
            Kind::TooLarge { value, max } => {
                write!(f, "is {value}, above the largest accepted ({max})")
            }
            Kind::NotADate(text) => {
                write!(f, "`{text}` is not a calendar date in the form DD/MM/YYYY")
            }
            Kind::TooFewBarred(n) => write!(f, "names {n} unit(s); it needs two or more"),
            Kind::BarredWithItself => write!(f, "bars a unit with itself"),
            Kind::KeyUsedTwice(a, b) => write!(f, "is used by both {a} and {b}"),
            Kind::NoIdentifier => write!(f, "has neither a code nor a reference"),
            Kind::BlankIdentifier(field) => write!(f, "has an empty {field}"),
            Kind::IdentifierUsedTwice(name, a, b) => write!(
                f,
                "identifier `{name}` is used twice (unit keys {a} and {b})"
            ),
            Kind::BadRule(bad) => write!(f, "{bad}"),
            Kind::NeverMet(rule, why) => write!(f, "({rule}) can never be met: {why}"),
            Kind::InTwoOnlyOne(unit) => write!(
                f,
                "names {unit}, already in another only_one_counts entry (one set per unit)"
            ),
            Kind::MissingPathway(p) => write!(f, "names pathway `{p}`, which does not exist"),
            Kind::NamesNothing(field) => write!(
                f,
                "has `{field} = []`, which names nothing; leave `{field}` out instead"
            ),
            Kind::GroupOrGroups => write!(f, "needs exactly one of `group` and `groups`"),
            Kind::PathwayUnused => write!(
                f,
                "has no group and no rule of its own, so choosing it changes nothing"
            ),
            Kind::ElsewhereZero => write!(
                f,
                "allows 0 credits from elsewhere; leave `from_elsewhere` out instead"
            ),
            Kind::GroupOffPathway(g) => write!(
                f,
                "counts group `{g}`, which belongs to none of the rule's pathways"
            ),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.entry, &self.kind) {
            (Entry::File, kind) => write!(f, "{kind}"),
            (
                entry,
                kind @ (Kind::BadRule(_)
                | Kind::Unreadable(_)
                | Kind::NotADate(_)
                | Kind::IdentifierUsedTwice(..)),
            ) => write!(f, "{entry}: {kind}"),
            (entry, kind) => write!(f, "{entry} {kind}"),
        }
    }
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file)?;
        if let [only] = self.problems.as_slice() {
            return write!(f, "{only}");
        }
        write!(f, "{} problems", self.problems.len())?;
        for p in self.shown_problems() {
            write!(f, "\n  - {p}")?;
        }
        Ok(())
    }
}

impl SpecError {
    /// An error about `file`.
    pub fn new(file: &str, problems: Vec<Problem>) -> SpecError {
        SpecError {
            file: excerpt(file),
            problems,
        }
    }

    /// The problems to show: the first few dozen, then a line saying how many more.
    pub fn shown_problems(&self) -> Vec<String> {
        let lines: Vec<String> = self.problems.iter().map(ToString::to_string).collect();
        capped(&lines, SHOWN_PROBLEMS)
    }
}

impl std::error::Error for SpecError {}
