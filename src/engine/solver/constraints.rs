//! The rules of combination as linear constraints over the candidate units, given what the
//! plan already holds. Rules that count the same units (same scope and level filter) are
//! merged into one constraint, so a file with many such rules does not multiply the work.

use std::collections::HashMap;

use crate::catalogue::{counts, GroupIdx, LevelFilter, Qualification, Rule, Scope, UnitIdx};
use crate::engine::holdings::Holdings;
use crate::engine::Plan;

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
    /// Whether the weights are credits (so a deficit bounds the credits still to add).
    pub credits: bool,
}

/// What a constraint counts: credits or units, over a scope, at a level.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Shape {
    credits: bool,
    scope: ScopeKey,
    level: Option<LevelFilter>,
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
    for entry in &qual.rules {
        match &entry.rule {
            // The plan always holds every mandatory unit.
            Rule::AllMandatory => {}
            Rule::Credits {
                scope,
                level,
                min,
                max,
            } => add(
                Shape {
                    credits: true,
                    scope: ScopeKey::of(scope),
                    level: *level,
                },
                *min,
                *max,
            ),
            Rule::Units { scope, min, max } => add(
                Shape {
                    credits: false,
                    scope: ScopeKey::of(scope),
                    level: None,
                },
                *min,
                *max,
            ),
            Rule::EachOptionalGroup { min_units } => {
                for g in (0..qual.groups.len()).filter(|&g| !qual.groups[g].mandatory) {
                    add(
                        Shape {
                            credits: false,
                            scope: ScopeKey::Groups(vec![g]),
                            level: None,
                        },
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
    let (base_low, base_high) = if shape.credits {
        let tally = holdings.credits(&scope, shape.level);
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
        let count = holdings.units(&scope);
        (count, count)
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
        let credits = plan.credits(qual, u);
        let weight = match (shape.credits, credits) {
            (false, _) => 1,
            (true, Some(c)) => c,
            (true, None) => UNKNOWN_CREDITS,
        };
        let certain = if credits.is_none() && shape.credits {
            0
        } else {
            weight
        };
        let (l, h) = match (in_scope, counts(shape.level, plan.level(qual, u)), reading) {
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
        credits: shape.credits,
    })
}
