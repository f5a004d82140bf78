//! "Complete my plan": the exact search for the cheapest set of units that completes a plan.
//!
//! Cheapest means fewest extra credits, then fewest units, then earliest in source order.
//! Only units whose credit value (and level, where a rule depends on levels) is known are
//! proposed. The search is a depth-first branch and bound over the candidate units in
//! source order, including a unit before excluding it, so among equally cheap answers of
//! equal size the first found is the earliest in source order.

use std::collections::BTreeSet;

use crate::catalogue::{Qualification, Rule, UnitIdx};

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
}

struct Search<'a> {
    credits: Vec<u32>,
    constraints: Vec<Constraint>,
    /// `suffix[k][i]`: total weight of constraint k over candidates i.. (for feasibility).
    suffix: Vec<Vec<u32>>,
    /// Candidate indices barred with each candidate.
    barred: Vec<Vec<usize>>,
    best: Option<(u32, Vec<usize>)>,
    _qual: &'a Qualification,
}

/// Finds the cheapest completion of `plan`, never proposing a unit in `exclude`.
pub fn complete_plan(qual: &Qualification, plan: &Plan, exclude: &BTreeSet<UnitIdx>) -> Result<Completion, NoCompletion> {
    let now = evaluate(qual, plan);
    match now.status {
        Status::Complete => return Ok(Completion { add: Vec::new(), credits_added: 0 }),
        Status::Blocked => return Err(NoCompletion::Blocked),
        _ => {}
    }
    let needs_level = qual.rules.iter().any(|r| matches!(r.rule, Rule::Credits { level: Some(_), .. }));
    let candidates: Vec<UnitIdx> = (0..qual.units.len())
        .filter(|&u| !plan.contains(u) && !exclude.contains(&u))
        .filter(|&u| plan.credits(qual, u).is_some() && (!needs_level || plan.level(qual, u).is_some()))
        .filter(|&u| !qual.barred_with(u).any(|b| plan.contains(b)))
        .collect();
    let mut constraints = Vec::new();
    for entry in &qual.rules {
        match constraint_for(qual, plan, &entry.rule, &candidates) {
            Ok(mut found) => constraints.append(&mut found),
            Err(e) => return Err(e),
        }
    }
    let suffix = constraints
        .iter()
        .map(|k| {
            let mut s = vec![0; candidates.len() + 1];
            for i in (0..candidates.len()).rev() {
                s[i] = s[i + 1] + k.weight[i];
            }
            s
        })
        .collect();
    let barred = candidates
        .iter()
        .map(|&u| qual.barred_with(u).filter_map(|b| candidates.iter().position(|&c| c == b)).collect())
        .collect();
    let mut search = Search {
        credits: candidates.iter().map(|&u| plan.credits(qual, u).unwrap_or(0)).collect(),
        constraints,
        suffix,
        barred,
        best: None,
        _qual: qual,
    };
    let mut totals: Vec<u32> = search.constraints.iter().map(|k| k.base).collect();
    let mut chosen = Vec::new();
    search.dfs(0, 0, &mut totals, &mut chosen);
    match search.best {
        Some((credits_added, picks)) => {
            let add: Vec<UnitIdx> = picks.into_iter().map(|i| candidates[i]).collect();
            let mut done = plan.clone();
            add.iter().for_each(|&u| done.add(u));
            debug_assert_eq!(evaluate(qual, &done).status, Status::Complete);
            Ok(Completion { add, credits_added })
        }
        None => Err(NoCompletion::NoUnitsSuffice),
    }
}

/// Turns a rule into linear constraints over the candidates, given what the plan has.
fn constraint_for(
    qual: &Qualification,
    plan: &Plan,
    rule: &Rule,
    candidates: &[UnitIdx],
) -> Result<Vec<Constraint>, NoCompletion> {
    let in_scope = |scope: &crate::catalogue::Scope, u: UnitIdx| scope.includes(qual, qual.units[u].group);
    Ok(match rule {
        Rule::AllMandatory => Vec::new(),
        Rule::Credits { scope, level, min, max } => {
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
                .map(|&u| if in_scope(scope, u) && counts(u) == Some(true) { plan.credits(qual, u).unwrap_or(0) } else { 0 })
                .collect();
            vec![Constraint { weight, base, min: *min, max: *max, credits: true }]
        }
        Rule::Units { scope, min, max } => {
            let base = plan.units().filter(|&u| in_scope(scope, u)).count() as u32;
            let weight = candidates.iter().map(|&u| u32::from(in_scope(scope, u))).collect();
            vec![Constraint { weight, base, min: *min, max: *max, credits: false }]
        }
        Rule::EachOptionalGroup { min_units } => (0..qual.groups.len())
            .filter(|&g| !qual.groups[g].mandatory)
            .map(|g| Constraint {
                weight: candidates.iter().map(|&u| u32::from(qual.units[u].group == g)).collect(),
                base: plan.units().filter(|&u| qual.units[u].group == g).count() as u32,
                min: Some(*min_units),
                max: None,
                credits: false,
            })
            .collect(),
    })
}

impl Search<'_> {
    /// Lower bounds on (credits, units) still to add from the current totals.
    fn lower_bound(&self, totals: &[u32]) -> (u32, u32) {
        let mut credits = 0;
        let mut units = 0;
        for (k, &total) in self.constraints.iter().zip(totals) {
            let deficit = k.min.map_or(0, |m| m.saturating_sub(total));
            if k.credits {
                credits = credits.max(deficit);
                units = units.max(u32::from(deficit > 0));
            } else {
                units = units.max(deficit);
            }
        }
        (credits, units)
    }

    fn feasible(&self, from: usize, totals: &[u32]) -> bool {
        self.constraints
            .iter()
            .zip(totals)
            .enumerate()
            .all(|(k, (c, &total))| c.min.is_none_or(|m| total + self.suffix[k][from] >= m))
    }

    fn prune(&self, credits: u32, count: u32, totals: &[u32]) -> bool {
        let Some((best_credits, best)) = &self.best else { return false };
        let (lb_credits, lb_units) = self.lower_bound(totals);
        (credits + lb_credits, count + lb_units) >= (*best_credits, best.len() as u32)
    }

    fn dfs(&mut self, next: usize, credits: u32, totals: &mut Vec<u32>, chosen: &mut Vec<usize>) {
        if self.lower_bound(totals) == (0, 0) {
            let better = match &self.best {
                None => true,
                Some((c, picks)) => (credits, chosen.len()) < (*c, picks.len()),
            };
            if better {
                self.best = Some((credits, chosen.clone()));
            }
            return;
        }
        if next == self.credits.len() || !self.feasible(next, totals) || self.prune(credits, chosen.len() as u32, totals) {
            return;
        }
        let fits = self.constraints.iter().zip(totals.iter()).all(|(k, &t)| k.max.is_none_or(|m| t + k.weight[next] <= m));
        let clear = !self.barred[next].iter().any(|b| chosen.contains(b));
        if fits && clear {
            for (k, t) in self.constraints.iter().zip(totals.iter_mut()) {
                *t += k.weight[next];
            }
            chosen.push(next);
            self.dfs(next + 1, credits + self.credits[next], totals, chosen);
            chosen.pop();
            for (k, t) in self.constraints.iter().zip(totals.iter_mut()) {
                *t -= k.weight[next];
            }
        }
        self.dfs(next + 1, credits, totals, chosen);
    }
}
