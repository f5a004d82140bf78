//! The catalogue model: a qualification, its groups, units, rules, barred sets and notes.

use serde::{Deserialize, Serialize};

use super::{Basis, Date, Level, Rule, Sourced};

/// Index of a unit within its qualification's `units`.
pub type UnitIdx = usize;
/// Index of a group within its qualification's `groups`.
pub type GroupIdx = usize;
/// Index of a pathway within its qualification's `pathways`.
pub type PathwayIdx = usize;

/// One qualification, as transcribed from its specification.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Qualification {
    /// Short id used in URLs and on the command line.
    pub id: String,
    /// Name of the specs file this came from (for messages).
    pub spec_file: String,
    /// Name of the source specification file in the seeds.
    pub source: String,
    /// Full title.
    pub title: Sourced<String>,
    /// Awarding body.
    pub awarding_body: Sourced<String>,
    /// Qualification level.
    pub level: Sourced<Level>,
    /// Qualification number as printed, normalised (`500/8818/X`).
    pub number: Sourced<String>,
    /// QCF or RQF.
    pub framework: Sourced<String>,
    /// Guided learning hours.
    pub glh: Sourced<u32>,
    /// Total qualification time in hours.
    pub tqt: Sourced<u32>,
    /// Operational start date.
    pub start_date: Sourced<Date>,
    /// Last date for registering learners.
    pub last_registration: Sourced<Date>,
    /// Last date learners can be certificated.
    pub last_certification: Sourced<Date>,
    /// End date of the qualification.
    pub end_date: Sourced<Date>,
    /// Minimum age, as a short phrase ("16", "none").
    pub min_age: Sourced<String>,
    /// Pathways (routes) in source order: the learner chooses one. Empty when the
    /// qualification has none.
    pub pathways: Vec<Pathway>,
    /// Groups in source order.
    pub groups: Vec<Group>,
    /// Units in source order.
    pub units: Vec<Unit>,
    /// Rules of combination.
    pub rules: Vec<RuleEntry>,
    /// Sets of units of which at most one may be taken, as the source lists them.
    pub barred: Vec<BarredSet>,
    /// Sets of units that may all be taken, of which only the one of most credits counts.
    pub only_one: Vec<OnlyOneCounts>,
    /// Anomalies and readings a user should know about.
    pub notes: Vec<Note>,
}

/// A group of units (mandatory or optional).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Group {
    /// Short id used in rules (`A`, `M`).
    pub id: String,
    /// Name as printed.
    pub name: Sourced<String>,
    /// Whether every unit of the group is mandatory.
    pub mandatory: bool,
    /// The pathways the group belongs to; empty when it is common to all.
    pub pathways: Vec<PathwayIdx>,
    /// Credits from other qualifications (units not listed here) that may count in the
    /// group, if the specification allows any.
    pub elsewhere: Option<Elsewhere>,
}

/// "Up to N credits from other qualifications": what may count in a group from units the
/// qualification does not list, entered by the learner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Elsewhere {
    /// The most credits from elsewhere that count.
    pub max_credits: u32,
    /// Where the source says so.
    pub basis: Basis,
}

/// A pathway (route) through a qualification: its own groups and rules, on top of those
/// common to all pathways.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Pathway {
    /// Short id used in files, links and on the command line (`B`).
    pub id: String,
    /// Name as printed.
    pub name: Sourced<String>,
}

impl Pathway {
    /// The name to show: the printed name, else "pathway {id}".
    pub fn name_text(&self) -> String {
        self.name
            .value()
            .cloned()
            .unwrap_or_else(|| format!("pathway {}", self.id))
    }
}

/// One unit of a qualification.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Unit {
    /// Stable key for links; never reused within a qualification.
    pub key: u32,
    /// The (first) group it belongs to.
    pub group: GroupIdx,
    /// Other groups it is listed in, in the order listed (usually none).
    pub also: Vec<GroupIdx>,
    /// The awarding body's own code (`CSP04`, `4430-301`, `Unit 01`).
    pub code: Sourced<String>,
    /// Ofqual unit reference (`A/601/6047`).
    pub reference: Sourced<String>,
    /// Unit title.
    pub title: Sourced<String>,
    /// Unit level.
    pub level: Sourced<Level>,
    /// Credit value.
    pub credits: Sourced<u32>,
    /// Guided learning hours.
    pub glh: Sourced<u32>,
    /// Total qualification time in hours.
    pub tqt: Sourced<u32>,
    /// National Occupational Standards code.
    pub nos: Sourced<String>,
    /// Number of learning outcomes.
    pub outcomes: Sourced<u32>,
}

impl Unit {
    /// The identifier to show a person: the awarding body's code, else the Ofqual reference.
    pub fn label(&self) -> &str {
        self.code
            .value()
            .or(self.reference.value())
            .map(String::as_str)
            .unwrap_or("?")
    }

    /// The title, or a placeholder when the source does not give one.
    pub fn title_text(&self) -> &str {
        self.title
            .value()
            .map(String::as_str)
            .unwrap_or("(title not stated)")
    }

    /// Whether a search finds this unit: its code, title or reference contains the query.
    pub fn matches(&self, query: &str) -> bool {
        contains_query(
            &[
                self.label(),
                self.title_text(),
                self.reference.value().map_or("", String::as_str),
            ],
            query,
        )
    }

    /// Whether `text` names this unit by code or reference (case-insensitive).
    pub fn is_named(&self, text: &str) -> bool {
        let text = text.trim();
        [&self.code, &self.reference]
            .iter()
            .any(|id| id.value().is_some_and(|v| v.eq_ignore_ascii_case(text)))
    }
}

/// A rule of combination with its basis in the source.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RuleEntry {
    /// The rule itself.
    pub rule: Rule,
    /// Where the source says so.
    pub basis: Basis,
    /// The pathways the rule applies to; empty when it applies to all.
    pub pathways: Vec<PathwayIdx>,
}

/// Units any two of which may not both be in a plan (two, for a barred pair). Kept as a
/// set: a set of `k` units is `k` entries, not `k²/2` pairs.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BarredSet {
    /// The units, in the order the source lists them.
    pub units: Vec<UnitIdx>,
    /// Where the source says so.
    pub basis: Basis,
}

impl BarredSet {
    /// Every two of its units, in the order listed: (first, second), (first, third), …,
    /// (second, third), …
    pub fn pairs(&self) -> impl Iterator<Item = (UnitIdx, UnitIdx)> + '_ {
        self.units
            .iter()
            .enumerate()
            .flat_map(move |(i, &a)| self.units[i + 1..].iter().map(move |&b| (a, b)))
    }
}

/// Units that may all be taken, of which only one counts toward any total: the one of most
/// credits (of equal credits, the one listed first).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OnlyOneCounts {
    /// The units, in the order the source lists them.
    pub units: Vec<UnitIdx>,
    /// Where the source says so.
    pub basis: Basis,
}

/// A note for users and maintainers about the source.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Note {
    /// What kind of note it is.
    pub kind: NoteKind,
    /// The note, in plain words.
    pub text: String,
    /// Source lines it refers to.
    pub lines: Vec<usize>,
}

/// The kinds of note a qualification can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// The source contradicts itself or is damaged; the note says what was chosen.
    Anomaly,
    /// The wording is ambiguous; the note says which reading the rules take.
    Reading,
    /// Something a learner should know that is neither of the above.
    Info,
}

impl NoteKind {
    /// Machine name.
    pub fn name(self) -> &'static str {
        match self {
            NoteKind::Anomaly => "anomaly",
            NoteKind::Reading => "reading",
            NoteKind::Info => "info",
        }
    }
}

impl Qualification {
    /// The title as text.
    pub fn title_text(&self) -> &str {
        self.title.value().map(String::as_str).unwrap_or(&self.id)
    }

    /// Whether a search finds this qualification: its title, number or awarding body
    /// contains the query.
    pub fn matches(&self, query: &str) -> bool {
        contains_query(
            &[
                self.title_text(),
                self.number.value().map_or("", String::as_str),
                self.awarding_body.value().map_or("", String::as_str),
            ],
            query,
        )
    }

    /// Units of a group (listed there first or also), in source order.
    pub fn units_in(&self, group: GroupIdx) -> impl Iterator<Item = UnitIdx> + '_ {
        (0..self.units.len()).filter(move |&u| self.groups_of(u).any(|g| g == group))
    }

    /// The groups a unit is listed in: its first, then the others.
    pub fn groups_of(&self, unit: UnitIdx) -> impl Iterator<Item = GroupIdx> + '_ {
        let u = &self.units[unit];
        std::iter::once(u.group).chain(u.also.iter().copied())
    }

    /// Whether a group applies on `pathway`: it is common to all, or tied to that pathway.
    pub fn group_on(&self, group: GroupIdx, pathway: Option<PathwayIdx>) -> bool {
        let tied = &self.groups[group].pathways;
        tied.is_empty() || pathway.is_some_and(|p| tied.contains(&p))
    }

    /// Whether a rule applies on `pathway`: it is common to all, or tied to that pathway.
    pub fn rule_on(&self, rule: usize, pathway: Option<PathwayIdx>) -> bool {
        let tied = &self.rules[rule].pathways;
        tied.is_empty() || pathway.is_some_and(|p| tied.contains(&p))
    }

    /// Whether a unit is mandatory on `pathway`: one of its groups that applies there is
    /// mandatory.
    pub fn is_mandatory_on(&self, unit: UnitIdx, pathway: Option<PathwayIdx>) -> bool {
        self.groups_of(unit)
            .any(|g| self.groups[g].mandatory && self.group_on(g, pathway))
    }

    /// Whether a unit is mandatory whatever the pathway (a mandatory group common to all).
    pub fn is_mandatory(&self, unit: UnitIdx) -> bool {
        self.is_mandatory_on(unit, None)
    }

    /// Whether the qualification needs more than the plain rules: pathways, or a unit
    /// listed in more than one group.
    pub fn has_routes(&self) -> bool {
        !self.pathways.is_empty() || self.units.iter().any(|u| !u.also.is_empty())
    }

    /// Finds a pathway by id, case-insensitively.
    pub fn find_pathway(&self, id: &str) -> Option<PathwayIdx> {
        let id = id.trim();
        self.pathways
            .iter()
            .position(|p| p.id.eq_ignore_ascii_case(id))
    }

    /// All mandatory units.
    pub fn mandatory_units(&self) -> impl Iterator<Item = UnitIdx> + '_ {
        (0..self.units.len()).filter(move |&u| self.is_mandatory(u))
    }

    /// Finds a unit by code or reference, case-insensitively.
    pub fn find_unit(&self, text: &str) -> Option<UnitIdx> {
        self.units.iter().position(|u| u.is_named(text))
    }

    /// Finds a unit by its stable link key.
    pub fn unit_by_key(&self, key: u32) -> Option<UnitIdx> {
        self.units.iter().position(|u| u.key == key)
    }

    /// The date after which the qualification is closed to learners, if known:
    /// the last certification date, else the end date.
    pub fn closes_on(&self) -> Option<Date> {
        self.last_certification
            .value()
            .or(self.end_date.value())
            .copied()
    }

    /// Whether the qualification is past its last certification or end date on `today`.
    pub fn is_closed(&self, today: Date) -> bool {
        self.closes_on().is_some_and(|d| d < today)
    }
}

/// The one search test: an empty query finds everything; otherwise some field contains the
/// trimmed query, ignoring case.
fn contains_query(fields: &[&str], query: &str) -> bool {
    let needle = query.trim().to_lowercase();
    needle.is_empty() || fields.iter().any(|f| f.to_lowercase().contains(&needle))
}
