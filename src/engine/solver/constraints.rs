//! The rules of combination as linear constraints over the candidate units, given what the
//! plan already holds. Rules that count the same units (same scope and level filter) are
//! merged into one constraint, so a file with many such rules does not multiply the work.

use std::collections::HashMap;

use crate::catalogue::{counts, GroupIdx, LevelFilter, Qualification, Rule, Scope, UnitIdx};
use crate::engine::holdings::{Holdings, Slack};
use crate::engine::{Measure, Plan};

use super::{NoCompletion, Reading, UNKNOWN_CREDITS};

/// `base_low + Σ low[c] ≥ min` and `base_high + Σ high[c] ≤ max` over chosen candidates `c`:
/// `low` is what a candidate certainly adds, `high` what it may add (a unit of unknown level
/// may or may not count at a level; unstated credits as [`UNKNOWN_CREDITS`]). Read
/// [`Reading::Hopeful`], the other way round: `low` what it may add, `high` what it
/// certainly adds.
#[derive(Debug)]
pub struct Constraint {
    pub low: Vec<u32>,
    pub high: Vec<u32>,
    pub base_low: u64,
    pub base_high: u64,
    pub min: Option<u64>,
    pub max: Option<u64>,
    /// What the weights are.
    pub weight: Weight,
}

/// What a constraint's weights are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// Credits: a deficit bounds the credits still to add.
    Credits,
    /// One per unit: a deficit is the units still to add.
    Units,
    /// Hours: a deficit bounds only the units still to add, by the largest value.
    Hours,
}

/// A share rule as `base + Σ weights[c] ≥ 0` over chosen candidates (its slack, read as
/// the constraints are: the least it can be, or [`Reading::Hopeful`] the most).
#[derive(Debug)]
pub struct ShareCheck {
    pub base: i64,
    pub weights: Vec<i64>,
}

/// What a constraint counts: credits, hours or units (`measure: None`), over a scope, in
/// a band (or, `outside`, not in it).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Shape {
    measure: Option<Measure>,
    scope: ScopeKey,
    level: Option<LevelFilter>,
    outside: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ScopeKey {
    All,
    Optional,
    Groups(Vec<GroupIdx>),
}

impl ScopeKey {
    fn of(scope: &Scope) -> ScopeKey {
        match scope {
            Scope::All => ScopeKey::All,
            Scope::Optional => ScopeKey::Optional,
            Scope::Groups(list) => {
                let mut list = list.clone();
                list.sort_unstable();
                list.dedup();
                ScopeKey::Groups(list)
            }
        }
    }

    fn scope(&self) -> Scope {
        match self {
            ScopeKey::All => Scope::All,
            ScopeKey::Optional => Scope::Optional,
            ScopeKey::Groups(list) => Scope::Groups(list.clone()),
        }
    }
}

/// The tightest bounds of the rules of one shape.
#[derive(Debug, Default)]
struct Bounds {
    min: Option<u64>,
    max: Option<u64>,
}

impl Bounds {
    fn tighten(&mut self, min: Option<u32>, max: Option<u32>) {
        if let Some(m) = min {
            self.min = Some(self.min.map_or(u64::from(m), |old| old.max(u64::from(m))));
        }
        if let Some(m) = max {
            self.max = Some(self.max.map_or(u64::from(m), |old| old.min(u64::from(m))));
        }
    }
}

/// The merged constraints of `qual`'s rules over `candidates`; at most `cells` weights in
/// all (the solver's memory bound), else [`NoCompletion::TooLarge`].
pub fn build(
    qual: &Qualification,
    plan: &Plan,
    candidates: &[UnitIdx],
    cells: usize,
    reading: Reading,
) -> Result<Vec<Constraint>, NoCompletion> {
    let mut shapes: Vec<(Shape, Bounds)> = Vec::new();
    let mut index: HashMap<Shape, usize> = HashMap::new();
    let mut add = |shape: Shape, min: Option<u32>, max: Option<u32>| {
        let at = *index.entry(shape.clone()).or_insert_with(|| {
            shapes.push((shape, Bounds::default()));
            shapes.len() - 1
        });
        shapes[at].1.tighten(min, max);
    };
    let shape = |measure, scope: &Scope, level, outside| Shape {
        measure,
        scope: ScopeKey::of(scope),
        level,
        outside,
    };
    for entry in &qual.rules {
        match &entry.rule {
            // The plan always holds every mandatory unit.
            Rule::AllMandatory => {}
            // Checked on whole plans by the search.
            Rule::Share { .. } => {}
            Rule::Credits {
                scope,
                level,
                min,
                max,
            } => add(
                shape(Some(Measure::Credits), scope, *level, false),
                *min,
                *max,
            ),
            Rule::Hours {
                measure,
                scope,
                level,
                min,
                max,
            } => add(
                shape(Some(Measure::Hours(*measure)), scope, *level, false),
                *min,
                *max,
            ),
            Rule::EveryUnit { scope, level } => {
                add(shape(None, scope, Some(*level), true), None, Some(0))
            }
            Rule::Units { scope, min, max } => add(shape(None, scope, None, false), *min, *max),
            Rule::EachOptionalGroup { min_units } => {
                for g in (0..qual.groups.len()).filter(|&g| !qual.groups[g].mandatory) {
                    add(
                        shape(None, &Scope::Groups(vec![g]), None, false),
                        Some(*min_units),
                        None,
                    );
                }
            }
        }
    }
    if shapes.len().saturating_mul(candidates.len()) > cells {
        return Err(NoCompletion::TooLarge);
    }
    let holdings = Holdings::of(qual, plan);
    shapes
        .into_iter()
        .map(|(shape, bounds)| {
            constraint(qual, plan, &holdings, candidates, shape, bounds, reading)
        })
        .collect()
}

fn constraint(
    qual: &Qualification,
    plan: &Plan,
    holdings: &Holdings,
    candidates: &[UnitIdx],
    shape: Shape,
    bounds: Bounds,
    reading: Reading,
) -> Result<Constraint, NoCompletion> {
    let scope = shape.scope.scope();
    // Whether a unit at a level is counted: in the band, or (`outside`) not in it.
    let counted = |level| {
        let inside = counts(shape.level, level);
        if shape.outside {
            inside.map(|i| !i)
        } else {
            inside
        }
    };
    let (base_low, base_high) = if let Some(measure) = shape.measure {
        let tally = holdings.total(&scope, shape.level, measure);
        match tally.high {
            _ if reading == Reading::Hopeful => {
                (tally.high.unwrap_or(u64::from(UNKNOWN_CREDITS)), tally.low)
            }
            Some(high) => (tally.low, high),
            // A unit in the plan of unknown credits may count: no addition can confirm a maximum.
            None if bounds.max.is_some() => return Err(NoCompletion::UnknownInPlan),
            None => (tally.low, tally.low),
        }
    } else {
        let tally = if shape.outside {
            // Every unit taken, counted or not, must be in the band.
            let levels = plan
                .units()
                .filter(|&u| scope.includes(qual, qual.units[u].group))
                .map(|u| counted(plan.level(qual, u)));
            let (mut low, mut high) = (0, 0);
            for c in levels {
                low += u64::from(c == Some(true));
                high += u64::from(c != Some(false));
            }
            (low, high)
        } else {
            let tally = holdings.units(&scope);
            (tally.low, tally.high.unwrap_or(tally.low))
        };
        match reading {
            Reading::Hopeful => (tally.1, tally.0),
            _ => tally,
        }
    };
    // Over a maximum for certain is caught before (the plan is blocked); over it only if
    // units of unknown level count, no addition can confirm it.
    if bounds.max.is_some_and(|m| base_high > m) {
        return Err(NoCompletion::UnknownInPlan);
    }
    let (mut low, mut high) = (Vec::with_capacity(candidates.len()), Vec::new());
    high.reserve(candidates.len());
    for &u in candidates {
        let in_scope = scope.includes(qual, qual.units[u].group);
        let value = shape.measure.map(|m| plan.measure(qual, u, m));
        let (weight, certain) = match value {
            None => (1, 1),
            Some(Some(v)) => (v, v),
            Some(None) => (UNKNOWN_CREDITS, 0),
        };
        let (l, h) = match (in_scope, counted(plan.level(qual, u)), reading) {
            (false, _, _) | (true, Some(false), _) => (0, 0),
            (true, Some(true), Reading::Stated | Reading::Confirmed) => (certain, weight),
            (true, None, Reading::Stated | Reading::Confirmed) => (0, weight),
            (true, Some(true), Reading::Hopeful) => (weight, certain),
            (true, None, Reading::Hopeful) => (weight, 0),
        };
        low.push(l);
        high.push(h);
    }
    Ok(Constraint {
        low,
        high,
        base_low,
        base_high,
        min: bounds.min,
        max: bounds.max,
        weight: match shape.measure {
            None => Weight::Units,
            Some(Measure::Credits) => Weight::Credits,
            Some(Measure::Hours(_)) => Weight::Hours,
        },
    })
}

/// A slack past any total a file can make, standing for "without bound".
const UNBOUNDED: i64 = 1 << 50;

/// The share rules of `qual` over `candidates`, as whole-plan checks.
pub fn shares(
    qual: &Qualification,
    plan: &Plan,
    candidates: &[UnitIdx],
    reading: Reading,
) -> Vec<ShareCheck> {
    let holdings = Holdings::of(qual, plan);
    let pick = |slack: Slack| -> i64 {
        let (value, unbounded) = match reading {
            Reading::Hopeful => (slack.high, UNBOUNDED),
            _ => (slack.low, -UNBOUNDED),
        };
        value.map_or(unbounded, |v| {
            v.clamp(-i128::from(UNBOUNDED), i128::from(UNBOUNDED)) as i64
        })
    };
    qual.rules
        .iter()
        .filter_map(|entry| match &entry.rule {
            Rule::Share {
                scope,
                level,
                share,
            } => Some(ShareCheck {
                base: pick(holdings.share(scope, *level, *share)),
                weights: candidates
                    .iter()
                    .map(|&u| {
                        if !scope.includes(qual, qual.units[u].group) {
                            return 0;
                        }
                        let slack = Slack::of(
                            plan.credits(qual, u).map(u64::from),
                            counts(Some(*level), plan.level(qual, u)),
                            *share,
                        );
                        pick(slack)
                    })
                    .collect(),
            }),
            _ => None,
        })
        .collect()
}
