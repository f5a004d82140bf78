//! "Complete my plan": the exact search for the cheapest set of units that completes a plan.
//!
//! Cheapest means fewest extra credits, then fewest units, then earliest in source order.
//! Only units whose credit value (and level, where a rule depends on levels) is known are
//! proposed. The search is a depth-first branch and bound over the candidate units in
//! source order, including a unit before excluding it, so among equally cheap answers of
//! equal size the first found is the earliest in source order.

use std::collections::BTreeSet;

use crate::catalogue::{GroupIdx, Qualification, Rule, UnitIdx};

use super::{evaluate, Plan, Status};

/// A way to complete a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// Units to add, in source order.
    pub add: Vec<UnitIdx>,
    /// Credits those units add.
    pub credits_added: u32,
}

/// Why no completion exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoCompletion {
    /// The plan is blocked (barred pair or over a maximum); something must be removed first.
    Blocked,
    /// The plan's own unstated values leave a maximum open, so no addition can confirm it.
    UnknownInPlan,
    /// No set of available units with known values meets every rule.
    NoUnitsSuffice,
    /// The search grew past its limit before it could prove an answer.
    SearchTooLarge,
}

impl NoCompletion {
    /// The reason in plain words.
    pub fn reason(&self) -> &'static str {
        match self {
            NoCompletion::Blocked => "the plan is blocked: remove a barred unit or a unit over a maximum first",
            NoCompletion::UnknownInPlan => {
                "the plan holds units whose values the specification does not state, so a maximum cannot be confirmed"
            }
            NoCompletion::NoUnitsSuffice => {
                "no combination of the available units with stated values meets every rule"
            }
            NoCompletion::SearchTooLarge => "the search for the cheapest completion is too large to finish",
        }
    }
}

/// A linear requirement over the candidates: `base + Σ weight[c] ≥ min` and/or `≤ max`.
struct Constraint {
    weight: Vec<u32>,
    base: u32,
    min: Option<u32>,
    max: Option<u32>,
    /// Whether the weights are credits (so a deficit bounds the credits still to add).
    credits: bool,
    /// The group, when this is one group's share of an each-optional-group rule; different
    /// groups cover disjoint units, so their unit deficits add up.
    per_group: Option<GroupIdx>,
}

/// Most search nodes visited before the solver gives up rather than freeze the caller.
const NODE_LIMIT: u64 = 20_000_000;

struct Search {
    credits: Vec<u32>,
    constraints: Vec<Constraint>,
    /// `suffix[k][i]`: total weight of constraint k over candidates i.. (for feasibility).
    suffix: Vec<Vec<u32>>,
    /// `cheapest[k][i]`: fewest credits of one candidate i.. that counts for constraint k.
    cheapest: Vec<Vec<u32>>,
    /// Candidate indices barred with each candidate.
    barred: Vec<Vec<usize>>,
    /// Number of groups in the qualification.
    groups: usize,
    /// `heaviest[k][i]`: largest weight for constraint k among candidates i..
    heaviest: Vec<Vec<u32>>,
    nodes: u64,
}

/// What one bounded depth-first pass found.
enum Pass {
    Found(Vec<usize>),
    None,
    TooLarge,
}

/// Finds the cheapest completion of `plan`, never proposing a unit in `exclude`.
pub fn complete_plan(
    qual: &Qualification,
    plan: &Plan,
    exclude: &BTreeSet<UnitIdx>,
) -> Result<Completion, NoCompletion> {
    let now = evaluate(qual, plan);
    match now.status {
        Status::Complete => {
            return Ok(Completion {
                add: Vec::new(),
                credits_added: 0,
            })
        }
        Status::Blocked => return Err(NoCompletion::Blocked),
        _ => {}
    }
    let needs_level = qual
        .rules
        .iter()
        .any(|r| matches!(r.rule, Rule::Credits { level: Some(_), .. }));
    let candidates: Vec<UnitIdx> = (0..qual.units.len())
        .filter(|&u| !plan.contains(u) && !exclude.contains(&u))
        .filter(|&u| {
            plan.credits(qual, u).is_some() && (!needs_level || plan.level(qual, u).is_some())
        })
        .filter(|&u| !qual.barred_with(u).any(|b| plan.contains(b)))
        .collect();
    let mut constraints = Vec::new();
    for entry in &qual.rules {
        match constraint_for(qual, plan, &entry.rule, &candidates) {
            Ok(mut found) => constraints.append(&mut found),
            Err(e) => return Err(e),
        }
    }
    let n = candidates.len();
    let suffix = constraints
        .iter()
        .map(|k| {
            let mut sums = vec![0; n + 1];
            for i in (0..n).rev() {
                sums[i] = sums[i + 1] + k.weight[i];
            }
            sums
        })
        .collect();
    let credits: Vec<u32> = candidates
        .iter()
        .map(|&u| plan.credits(qual, u).unwrap_or(0))
        .collect();
    let cheapest = constraints
        .iter()
        .map(|k| {
            let mut least = vec![u32::MAX; n + 1];
            for i in (0..n).rev() {
                least[i] = if k.weight[i] > 0 {
                    least[i + 1].min(credits[i])
                } else {
                    least[i + 1]
                };
            }
            least
        })
        .collect();
    let barred = candidates
        .iter()
        .map(|&u| {
            qual.barred_with(u)
                .filter_map(|b| candidates.iter().position(|&c| c == b))
                .collect()
        })
        .collect();
    let heaviest = constraints
        .iter()
        .map(|k| {
            let mut most = vec![0; n + 1];
            for i in (0..n).rev() {
                most[i] = most[i + 1].max(k.weight[i]);
            }
            most
        })
        .collect();
    let mut search = Search {
        credits,
        constraints,
        suffix,
        cheapest,
        barred,
        groups: qual.groups.len(),
        heaviest,
        nodes: 0,
    };
    let picks = search.run()?;
    let add: Vec<UnitIdx> = picks.into_iter().map(|i| candidates[i]).collect();
    let credits_added = add
        .iter()
        .map(|&u| plan.credits(qual, u).unwrap_or(0))
        .sum();
    Ok(Completion { add, credits_added })
}

/// Turns a rule into linear constraints over the candidates, given what the plan has.
fn constraint_for(
    qual: &Qualification,
    plan: &Plan,
    rule: &Rule,
    candidates: &[UnitIdx],
) -> Result<Vec<Constraint>, NoCompletion> {
    let in_scope =
        |scope: &crate::catalogue::Scope, u: UnitIdx| scope.includes(qual, qual.units[u].group);
    Ok(match rule {
        Rule::AllMandatory => Vec::new(),
        Rule::Credits {
            scope,
            level,
            min,
            max,
        } => {
            let counts = |u: UnitIdx| match level {
                None => Some(true),
                Some(f) => plan.level(qual, u).map(|l| f.admits(l)),
            };
            let mut base = 0;
            for u in plan.units().filter(|&u| in_scope(scope, u)) {
                match (counts(u), plan.credits(qual, u)) {
                    (Some(true), Some(c)) => base += c,
                    (Some(false), _) => {}
                    _ if max.is_some() => return Err(NoCompletion::UnknownInPlan),
                    _ => {}
                }
            }
            let weight = candidates
                .iter()
                .map(|&u| {
                    if in_scope(scope, u) && counts(u) == Some(true) {
                        plan.credits(qual, u).unwrap_or(0)
                    } else {
                        0
                    }
                })
                .collect();
            vec![Constraint {
                weight,
                base,
                min: *min,
                max: *max,
                credits: true,
                per_group: None,
            }]
        }
        Rule::Units { scope, min, max } => {
            let base = plan.units().filter(|&u| in_scope(scope, u)).count() as u32;
            let weight = candidates
                .iter()
                .map(|&u| u32::from(in_scope(scope, u)))
                .collect();
            vec![Constraint {
                weight,
                base,
                min: *min,
                max: *max,
                credits: false,
                per_group: None,
            }]
        }
        Rule::EachOptionalGroup { min_units } => (0..qual.groups.len())
            .filter(|&g| !qual.groups[g].mandatory)
            .map(|g| Constraint {
                weight: candidates
                    .iter()
                    .map(|&u| u32::from(qual.units[u].group == g))
                    .collect(),
                base: plan.units().filter(|&u| qual.units[u].group == g).count() as u32,
                min: Some(*min_units),
                max: None,
                credits: false,
                per_group: Some(g),
            })
            .collect(),
    })
}

impl Search {
    /// Iterative deepening: the smallest credit budget that admits a completion, then the
    /// smallest unit count within it; the first completion found at that count is the
    /// earliest in source order.
    fn run(&mut self) -> Result<Vec<usize>, NoCompletion> {
        let base: Vec<u32> = self.constraints.iter().map(|k| k.base).collect();
        if !self.feasible(0, u32::MAX, &base) {
            return Err(NoCompletion::NoUnitsSuffice);
        }
        let (mut budget, lb_units) = self.lower_bound(0, &base);
        let most: u32 = self.credits.iter().sum();
        while budget <= most {
            match self.pass(budget, u32::MAX) {
                Pass::TooLarge => return Err(NoCompletion::SearchTooLarge),
                Pass::None => budget += 1,
                Pass::Found(first) => {
                    for units in lb_units..first.len() as u32 {
                        match self.pass(budget, units) {
                            Pass::Found(picks) => return Ok(picks),
                            Pass::TooLarge => return Err(NoCompletion::SearchTooLarge),
                            Pass::None => {}
                        }
                    }
                    return Ok(first);
                }
            }
        }
        Err(NoCompletion::NoUnitsSuffice)
    }

    fn pass(&mut self, budget: u32, units: u32) -> Pass {
        let mut totals: Vec<u32> = self.constraints.iter().map(|k| k.base).collect();
        let mut chosen = Vec::new();
        match self.dfs(0, budget, units, &mut totals, &mut chosen) {
            Some(true) => Pass::Found(chosen),
            Some(false) => Pass::None,
            None => Pass::TooLarge,
        }
    }

    /// Lower bounds on (credits, units) still to add, using candidates `from..` only.
    fn lower_bound(&self, from: usize, totals: &[u32]) -> (u32, u32) {
        let (mut credits, mut units) = (0u32, 0u32);
        let mut per_group = vec![(0u32, 0u32); self.groups];
        for (k, (c, &total)) in self.constraints.iter().zip(totals).enumerate() {
            let deficit = c.min.map_or(0, |m| m.saturating_sub(total));
            if deficit == 0 {
                continue;
            }
            match c.per_group {
                _ if c.credits => {
                    credits = credits.max(deficit);
                    units = units.max(1);
                }
                Some(g) => {
                    let need = &mut per_group[g];
                    need.0 = need.0.max(deficit);
                    need.1 = need.1.max(self.cheapest[k][from].saturating_mul(deficit));
                }
                None => units = units.max(deficit),
            }
        }
        let group_units = per_group.iter().map(|n| n.0).sum::<u32>();
        let group_credits = per_group
            .iter()
            .fold(0u32, |sum, n| sum.saturating_add(n.1));
        (credits.max(group_credits), units.max(group_units))
    }

    /// Whether every minimum can still be reached with at most `slots` more candidates
    /// from `from..`.
    fn feasible(&self, from: usize, slots: u32, totals: &[u32]) -> bool {
        self.constraints
            .iter()
            .zip(totals)
            .enumerate()
            .all(|(k, (c, &total))| {
                let reach = self.suffix[k][from].min(self.heaviest[k][from].saturating_mul(slots));
                c.min.is_none_or(|m| total + reach >= m)
            })
    }

    /// Depth-first search for a completion within `budget` credits and `units` units,
    /// including each candidate before excluding it. `None` when the node limit is hit.
    fn dfs(
        &mut self,
        next: usize,
        budget: u32,
        units: u32,
        totals: &mut [u32],
        chosen: &mut Vec<usize>,
    ) -> Option<bool> {
        self.nodes += 1;
        if self.nodes > NODE_LIMIT {
            return None;
        }
        let (lb_credits, lb_units) = self.lower_bound(next, totals);
        if (lb_credits, lb_units) == (0, 0) {
            return Some(true);
        }
        if next == self.credits.len()
            || lb_credits > budget
            || lb_units > units.saturating_sub(chosen.len() as u32)
            || !self.feasible(next, units.saturating_sub(chosen.len() as u32), totals)
        {
            return Some(false);
        }
        let cost = self.credits[next];
        let fits = cost <= budget
            && chosen.len() < units as usize
            && self
                .constraints
                .iter()
                .zip(totals.iter())
                .all(|(k, &t)| k.max.is_none_or(|m| t + k.weight[next] <= m))
            && !self.barred[next].iter().any(|b| chosen.contains(b));
        if fits {
            self.constraints
                .iter()
                .zip(totals.iter_mut())
                .for_each(|(k, t)| *t += k.weight[next]);
            chosen.push(next);
            if self.dfs(next + 1, budget - cost, units, totals, chosen)? {
                return Some(true);
            }
            chosen.pop();
            self.constraints
                .iter()
                .zip(totals.iter_mut())
                .for_each(|(k, t)| *t -= k.weight[next]);
        }
        self.dfs(next + 1, budget, units, totals, chosen)
    }
}

/// Why no plan at all can complete `qual`, when its known values prove it: the solver finds
/// no completion of the mandatory units even though every unit's values are known.
pub fn feasibility(qual: &Qualification) -> Option<String> {
    let all_known = qual
        .units
        .iter()
        .all(|u| u.credits.value().is_some() && u.level.value().is_some());
    match complete_plan(qual, &Plan::new(qual), &BTreeSet::new()) {
        Err(NoCompletion::NoUnitsSuffice) if all_known => {
            Some("no selection of units meets every rule".into())
        }
        Err(NoCompletion::Blocked) => {
            Some("the mandatory units alone are blocked (barred together or over a maximum)".into())
        }
        _ => None,
    }
}
