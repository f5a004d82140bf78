//! What a plan holds, summed once per evaluation by group and level, so that each rule reads
//! only the groups it names instead of walking the whole plan again.

use crate::catalogue::{counts, GroupIdx, Level, LevelFilter, Qualification, Scope, UnitIdx};

use super::Plan;

/// Sums over the units of one group at one level (or of unknown level).
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    /// Units counted.
    units: u32,
    /// Credits of the units whose credits are known.
    credits: u64,
    /// Units whose credits are not known.
    unknown_credits: u32,
}

impl Sums {
    fn add(&mut self, other: Sums) {
        self.units += other.units;
        self.credits += other.credits;
        self.unknown_credits += other.unknown_credits;
    }
}

/// Sums by level within one region (a group, or all groups): a short list, one entry per
/// level present, `None` for units of unknown level.
#[derive(Debug, Clone, Default)]
struct ByLevel(Vec<(Option<Level>, Sums)>);

impl ByLevel {
    fn entry(&mut self, level: Option<Level>) -> &mut Sums {
        let at = match self.0.iter().position(|(l, _)| *l == level) {
            Some(at) => at,
            None => {
                self.0.push((level, Sums::default()));
                self.0.len() - 1
            }
        };
        &mut self.0[at].1
    }

    fn merge(&mut self, other: &ByLevel) {
        for &(level, sums) in &other.0 {
            self.entry(level).add(sums);
        }
    }
}

/// Bounds on what a credit or unit rule counts: `low` from values known to count, `high`
/// adding values that may count, `None` when some counted unit's credits are unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Certainly counted.
    pub low: u64,
    /// At most counted; `None` when unbounded.
    pub high: Option<u64>,
}

/// What a plan holds, by group and level.
pub struct Holdings {
    groups: Vec<ByLevel>,
    all: ByLevel,
    optional: ByLevel,
    /// Plan units whose credits or level are unknown: the only ones that can leave a rule open.
    pub open_units: Vec<UnitIdx>,
}

impl Holdings {
    /// Sums `plan` in one pass.
    pub fn of(qual: &Qualification, plan: &Plan) -> Holdings {
        let mut groups = vec![ByLevel::default(); qual.groups.len()];
        let mut open_units = Vec::new();
        for u in plan.units() {
            let credits = plan.credits(qual, u);
            let level = plan.level(qual, u);
            if credits.is_none() || level.is_none() {
                open_units.push(u);
            }
            groups[qual.units[u].group].entry(level).add(Sums {
                units: 1,
                credits: credits.map_or(0, u64::from),
                unknown_credits: u32::from(credits.is_none()),
            });
        }
        let mut all = ByLevel::default();
        let mut optional = ByLevel::default();
        for (g, sums) in groups.iter().enumerate() {
            all.merge(sums);
            if !qual.groups[g].mandatory {
                optional.merge(sums);
            }
        }
        Holdings {
            groups,
            all,
            optional,
            open_units,
        }
    }

    /// The regions a scope covers.
    fn regions<'a>(&'a self, scope: &'a Scope) -> Box<dyn Iterator<Item = &'a ByLevel> + 'a> {
        match scope {
            Scope::All => Box::new(std::iter::once(&self.all)),
            Scope::Optional => Box::new(std::iter::once(&self.optional)),
            Scope::Groups(list) => Box::new(list.iter().filter_map(|&g| self.groups.get(g))),
        }
    }

    /// Credits in `scope` (at the filter's level): known to count, and at most.
    pub fn credits(&self, scope: &Scope, filter: Option<LevelFilter>) -> Tally {
        let mut tally = Tally {
            low: 0,
            high: Some(0),
        };
        for region in self.regions(scope) {
            for &(level, sums) in &region.0 {
                match counts(filter, level) {
                    Some(false) => continue,
                    Some(true) => tally.low += sums.credits,
                    None => {}
                }
                tally.high = tally.high.map(|h| h + sums.credits);
                if sums.unknown_credits > 0 {
                    tally.high = None;
                }
            }
        }
        tally
    }

    /// Units in `scope`.
    pub fn units(&self, scope: &Scope) -> u64 {
        self.regions(scope)
            .flat_map(|region| &region.0)
            .map(|(_, sums)| u64::from(sums.units))
            .sum()
    }

    /// Units in one group.
    pub fn units_in(&self, group: GroupIdx) -> u64 {
        self.groups[group]
            .0
            .iter()
            .map(|(_, s)| u64::from(s.units))
            .sum()
    }
}
