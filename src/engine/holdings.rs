//! What a plan holds, summed once per evaluation by group and level, so that each rule reads
//! only the groups it names instead of walking the whole plan again. Units an
//! "only one of these counts" set leaves out are not summed; a set whose counting unit is
//! undecided is bounded over the units that may count.

use crate::catalogue::{
    counts, Fraction, GroupIdx, Level, LevelFilter, Qualification, Scope, UnitIdx,
};

use super::only_one::Counting;
use super::plan::Measure;
use super::Plan;

/// The measures summed, by index.
const MEASURES: [Measure; 3] = [
    Measure::Credits,
    Measure::Hours(crate::catalogue::Hours::Glh),
    Measure::Hours(crate::catalogue::Hours::Tqt),
];

fn index(measure: Measure) -> usize {
    MEASURES.iter().position(|&m| m == measure).unwrap_or(0)
}

/// Sums over the units of one group at one level (or of unknown level).
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    /// Units counted.
    units: u32,
    /// By measure: the values of the units whose value is known.
    known: [u64; 3],
    /// By measure: units whose value is not known.
    unknown: [u32; 3],
}

impl Sums {
    fn add(&mut self, other: Sums) {
        self.units += other.units;
        for m in 0..MEASURES.len() {
            self.known[m] += other.known[m];
            self.unknown[m] += other.unknown[m];
        }
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

/// Bounds on what a rule counts: `low` from values known to count, `high` adding values
/// that may count, `None` when some value that may count is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Certainly counted.
    pub low: u64,
    /// At most counted; `None` when unbounded.
    pub high: Option<u64>,
}

impl Tally {
    fn add(&mut self, low: u64, high: Option<u64>) {
        self.low += low;
        self.high = self.high.zip(high).map(|(a, b)| a + b);
    }
}

/// Bounds on a share rule's slack, `den × (credits in the band) − num × (credits)`: the
/// least and the most it can be (`None`: without bound).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slack {
    /// The least; `None`: no lower bound.
    pub low: Option<i128>,
    /// The most; `None`: no upper bound.
    pub high: Option<i128>,
}

impl Slack {
    fn add(&mut self, other: Slack) {
        self.low = self.low.zip(other.low).map(|(a, b)| a + b);
        self.high = self.high.zip(other.high).map(|(a, b)| a + b);
    }

    /// The slack of credits `value` (or unknown) at a level the band admits or not.
    pub fn of(value: Option<u64>, admitted: Option<bool>, share: Fraction) -> Slack {
        let (num, den) = (i128::from(share.num), i128::from(share.den));
        let gain = |c: i128| c * (den - num);
        let loss = |c: i128| -num * c;
        let unbounded_gain = if den > num { None } else { Some(0) };
        match (value.map(i128::from), admitted) {
            (Some(c), Some(true)) => Slack {
                low: Some(gain(c)),
                high: Some(gain(c)),
            },
            (Some(c), Some(false)) => Slack {
                low: Some(loss(c)),
                high: Some(loss(c)),
            },
            (Some(c), None) => Slack {
                low: Some(loss(c)),
                high: Some(gain(c)),
            },
            (None, Some(true)) => Slack {
                low: Some(0),
                high: unbounded_gain,
            },
            (None, Some(false)) => Slack {
                low: None,
                high: Some(0),
            },
            (None, None) => Slack {
                low: None,
                high: unbounded_gain,
            },
        }
    }
}

/// One unit of a set whose counting unit is undecided.
#[derive(Debug, Clone, Copy)]
struct Member {
    group: GroupIdx,
    level: Option<Level>,
    values: [Option<u32>; 3],
}

/// What a plan holds, by group and level.
pub struct Holdings {
    groups: Vec<ByLevel>,
    all: ByLevel,
    optional: ByLevel,
    /// Sets whose counting unit is undecided: the units that may count.
    undecided: Vec<Vec<Member>>,
    mandatory: Vec<bool>,
    /// Plan units whose values or level are unknown: the only ones that can leave a rule
    /// open.
    pub open_units: Vec<UnitIdx>,
    /// Which units count.
    pub counting: Counting,
}

impl Holdings {
    /// Sums `plan` in one pass.
    pub fn of(qual: &Qualification, plan: &Plan) -> Holdings {
        let counting = Counting::of(qual, plan);
        let set_aside = counting.set_aside();
        let mut groups = vec![ByLevel::default(); qual.groups.len()];
        let mut open_units = Vec::new();
        let values = |u: UnitIdx| MEASURES.map(|m| plan.measure(qual, u, m));
        for u in plan.units() {
            let values = values(u);
            let level = plan.level(qual, u);
            if values.iter().any(Option::is_none) || level.is_none() {
                open_units.push(u);
            }
            if set_aside.contains(&u) {
                continue;
            }
            groups[qual.units[u].group].entry(level).add(Sums {
                units: 1,
                known: values.map(|v| v.map_or(0, u64::from)),
                unknown: values.map(|v| u32::from(v.is_none())),
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
        let undecided = counting
            .undecided
            .iter()
            .map(|set| {
                set.iter()
                    .map(|&u| Member {
                        group: qual.units[u].group,
                        level: plan.level(qual, u),
                        values: values(u),
                    })
                    .collect()
            })
            .collect();
        Holdings {
            groups,
            all,
            optional,
            undecided,
            mandatory: qual.groups.iter().map(|g| g.mandatory).collect(),
            open_units,
            counting,
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

    fn in_scope(&self, scope: &Scope, group: GroupIdx) -> bool {
        match scope {
            Scope::All => true,
            Scope::Optional => !self.mandatory[group],
            Scope::Groups(list) => list.contains(&group),
        }
    }

    /// Over the undecided sets: each adds the least and the most its members may, each
    /// member's share given by `one` as (low, high).
    fn undecided_tally(&self, one: impl Fn(&Member) -> (u64, Option<u64>)) -> Tally {
        let mut tally = Tally {
            low: 0,
            high: Some(0),
        };
        for set in &self.undecided {
            let shares: Vec<(u64, Option<u64>)> = set.iter().map(&one).collect();
            let low = shares.iter().map(|s| s.0).min().unwrap_or(0);
            let high = shares
                .iter()
                .map(|s| s.1)
                .try_fold(0, |m, h| h.map(|h| m.max(h)));
            tally.add(low, high);
        }
        tally
    }

    /// Totals of `measure` in `scope` (in the band): known to count, and at most.
    pub fn total(&self, scope: &Scope, filter: Option<LevelFilter>, measure: Measure) -> Tally {
        let m = index(measure);
        let mut tally = Tally {
            low: 0,
            high: Some(0),
        };
        for region in self.regions(scope) {
            for &(level, sums) in &region.0 {
                let unbounded = (sums.unknown[m] > 0).then_some(None);
                match counts(filter, level) {
                    Some(false) => continue,
                    Some(true) => {
                        tally.add(sums.known[m], unbounded.unwrap_or(Some(sums.known[m])))
                    }
                    None => tally.add(0, unbounded.unwrap_or(Some(sums.known[m]))),
                }
            }
        }
        let extra = self.undecided_tally(|member| {
            if !self.in_scope(scope, member.group) {
                return (0, Some(0));
            }
            let value = member.values[m].map(u64::from);
            match counts(filter, member.level) {
                Some(false) => (0, Some(0)),
                Some(true) => (value.unwrap_or(0), value),
                None => (0, value),
            }
        });
        tally.add(extra.low, extra.high);
        tally
    }

    /// Credits in `scope` (in the band): known to count, and at most.
    pub fn credits(&self, scope: &Scope, filter: Option<LevelFilter>) -> Tally {
        self.total(scope, filter, Measure::Credits)
    }

    /// Units in `scope`: known to count, and at most.
    pub fn units(&self, scope: &Scope) -> Tally {
        let count: u64 = self
            .regions(scope)
            .flat_map(|region| &region.0)
            .map(|(_, sums)| u64::from(sums.units))
            .sum();
        let mut tally = self.undecided_tally(|member| {
            let n = u64::from(self.in_scope(scope, member.group));
            (n, Some(n))
        });
        tally.add(count, Some(count));
        tally
    }

    /// Units in one group: known to count, and at most.
    pub fn units_in(&self, group: GroupIdx) -> Tally {
        self.units(&Scope::Groups(vec![group]))
    }

    /// The slack of a share rule: `den × (credits in the band) − num × (credits)` in scope.
    pub fn share(&self, scope: &Scope, band: LevelFilter, share: Fraction) -> Slack {
        let c = index(Measure::Credits);
        let mut slack = Slack {
            low: Some(0),
            high: Some(0),
        };
        for region in self.regions(scope) {
            for &(level, sums) in &region.0 {
                let admitted = counts(Some(band), level);
                slack.add(Slack::of(Some(sums.known[c]), admitted, share));
                if sums.unknown[c] > 0 {
                    slack.add(Slack::of(None, admitted, share));
                }
            }
        }
        for set in &self.undecided {
            let each: Vec<Slack> = set
                .iter()
                .map(|member| match self.in_scope(scope, member.group) {
                    true => Slack::of(
                        member.values[c].map(u64::from),
                        counts(Some(band), member.level),
                        share,
                    ),
                    false => Slack {
                        low: Some(0),
                        high: Some(0),
                    },
                })
                .collect();
            slack.add(Slack {
                low: each
                    .iter()
                    .map(|s| s.low)
                    .try_fold(i128::MAX, |m, l| l.map(|l| m.min(l))),
                high: each
                    .iter()
                    .map(|s| s.high)
                    .try_fold(i128::MIN, |m, h| h.map(|h| m.max(h))),
            });
        }
        slack
    }
}
