//! The exact search: depth-first branch and bound over the candidates in source order,
//! including a candidate before excluding it, under a credit budget that rises only to
//! the next value some branch could reach (so credit totals no plan can hit are skipped,
//! not searched), then under a unit count.
//!
//! Interchangeable candidates (same group, level and credits, barred with nothing) are taken
//! in source order only: a later one may join only after the one before it. This keeps the
//! earliest answer in source order and removes the symmetric branches that made equal
//! credit values explode.

use std::collections::HashMap;

use super::constraints::Constraint;

/// What one bounded pass found.
enum Pass {
    Found(Vec<usize>),
    /// None within the budget; the least budget any cut-off branch needs, if any.
    None(Option<u64>),
    Stopped,
}

/// The search over candidates `0..n`.
pub struct Search {
    credits: Vec<u64>,
    constraints: Vec<Constraint>,
    /// `terms[c]`: the constraints candidate `c` counts for, with (low, high) weights.
    terms: Vec<Vec<(usize, u64, u64)>>,
    /// `suffix[k][c]`: the most constraint `k` can gain from candidates `c..`.
    suffix: Vec<Vec<u64>>,
    /// `heaviest[k][c]`: the largest gain for constraint `k` of one candidate in `c..`.
    heaviest: Vec<Vec<u64>>,
    /// `cheapest[k][c]`: fewest credits of one candidate in `c..` that gains for `k`.
    cheapest: Vec<Vec<u64>>,
    /// The interchangeable candidate just before each one, which must be taken first.
    after: Vec<Option<usize>>,
    /// Candidates barred with each one.
    barred: Vec<Vec<usize>>,
    work: u64,
    limit: u64,
}

/// State of one pass.
struct Walk {
    low: Vec<u64>,
    high: Vec<u64>,
    taken: Vec<bool>,
    chosen: Vec<usize>,
    spent: u64,
    budget: u64,
    units: usize,
    next_budget: Option<u64>,
}

impl Walk {
    fn cut(&mut self, needs: u64) {
        self.next_budget = Some(self.next_budget.map_or(needs, |b| b.min(needs)));
    }
}

impl Search {
    /// Prepares the search. `class[c]` says which candidates are interchangeable (equal
    /// keys); `barred` lists pairs of candidates.
    pub fn new(
        credits: Vec<u64>,
        constraints: Vec<Constraint>,
        class: &[(usize, Option<crate::catalogue::Level>, u64)],
        barred: Vec<Vec<usize>>,
        limit: u64,
    ) -> Search {
        let n = credits.len();
        let terms = (0..n)
            .map(|c| {
                constraints
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| k.low[c] > 0 || k.high[c] > 0)
                    .map(|(i, k)| (i, u64::from(k.low[c]), u64::from(k.high[c])))
                    .collect()
            })
            .collect();
        let scan = |init: u64, step: &dyn Fn(u64, usize, &Constraint) -> u64| -> Vec<Vec<u64>> {
            constraints
                .iter()
                .map(|k| {
                    if k.min.is_none() {
                        // Only minima are bounded from below; spare the memory.
                        return Vec::new();
                    }
                    let mut out = vec![init; n + 1];
                    for c in (0..n).rev() {
                        out[c] = step(out[c + 1], c, k);
                    }
                    out
                })
                .collect()
        };
        let suffix = scan(0, &|acc, c, k| acc + u64::from(k.low[c]));
        let heaviest = scan(0, &|acc, c, k| acc.max(u64::from(k.low[c])));
        let cheapest = scan(u64::MAX, &|acc, c, k| {
            if k.low[c] > 0 {
                acc.min(credits[c])
            } else {
                acc
            }
        });
        let mut last: HashMap<(usize, Option<crate::catalogue::Level>, u64), usize> =
            HashMap::new();
        let after = (0..n)
            .map(|c| {
                if !barred[c].is_empty() {
                    return None;
                }
                last.insert(class[c], c)
            })
            .collect();
        Search {
            credits,
            constraints,
            terms,
            suffix,
            heaviest,
            cheapest,
            after,
            barred,
            work: 0,
            limit,
        }
    }

    /// The cheapest completion: fewest credits, then fewest units, then earliest in source
    /// order. `Ok(None)` when there is none; `Err(())` when the work limit was reached.
    pub fn run(&mut self) -> Result<Option<Vec<usize>>, ()> {
        if self.constraints.iter().any(window_missed) {
            return Ok(None);
        }
        let mut budget = self.lower_bound(0, &self.base_low()).0;
        let first = loop {
            match self.pass(budget, usize::MAX) {
                Pass::Found(picks) => break picks,
                Pass::None(Some(next)) => budget = next,
                Pass::None(None) => return Ok(None),
                Pass::Stopped => return Err(()),
            }
        };
        let fewest = self.lower_bound(0, &self.base_low()).1 as usize;
        for units in fewest..first.len() {
            match self.pass(budget, units) {
                Pass::Found(picks) => return Ok(Some(picks)),
                Pass::None(_) => {}
                Pass::Stopped => return Err(()),
            }
        }
        Ok(Some(first))
    }

    fn base_low(&self) -> Vec<u64> {
        self.constraints.iter().map(|k| k.base_low).collect()
    }

    fn pass(&mut self, budget: u64, units: usize) -> Pass {
        let mut walk = Walk {
            low: self.base_low(),
            high: self.constraints.iter().map(|k| k.base_high).collect(),
            taken: vec![false; self.credits.len()],
            chosen: Vec::new(),
            spent: 0,
            budget,
            units,
            next_budget: None,
        };
        match self.walk(0, &mut walk) {
            Some(true) => Pass::Found(walk.chosen),
            Some(false) => Pass::None(walk.next_budget),
            None => Pass::Stopped,
        }
    }

    /// Lower bounds on (credits, units) still to add, from candidates `from..` only.
    fn lower_bound(&self, from: usize, low: &[u64]) -> (u64, u64) {
        let (mut credits, mut units) = (0u64, 0u64);
        let (mut group_units, mut group_credits) = (0u64, 0u64);
        for (k, (c, &total)) in self.constraints.iter().zip(low).enumerate() {
            let deficit = c.min.map_or(0, |m| m.saturating_sub(total));
            if deficit == 0 {
                continue;
            }
            match c.group {
                _ if c.credits => {
                    credits = credits.max(deficit);
                    units = units.max(1);
                }
                // Constraints are merged by what they count, so each group has at most one.
                Some(_) => {
                    group_units += deficit;
                    group_credits = group_credits
                        .saturating_add(self.cheapest[k][from].saturating_mul(deficit));
                }
                _ => units = units.max(deficit),
            }
        }
        (credits.max(group_credits), units.max(group_units))
    }

    /// Whether every minimum can still be reached with at most `slots` more candidates
    /// from `from..`.
    fn reachable(&self, from: usize, slots: u64, low: &[u64]) -> bool {
        self.constraints
            .iter()
            .zip(low)
            .enumerate()
            .all(|(k, (c, &total))| {
                c.min.is_none_or(|m| {
                    let reach =
                        self.suffix[k][from].min(self.heaviest[k][from].saturating_mul(slots));
                    total + reach >= m
                })
            })
    }

    /// Walks candidates from `next` on: at each, first with it (recursing), then without it
    /// (continuing the loop), so the stack grows only with the candidates taken. `None`
    /// when the work limit is reached.
    fn walk(&mut self, next: usize, w: &mut Walk) -> Option<bool> {
        for c in next..=self.credits.len() {
            self.work += self.constraints.len() as u64 + 1;
            if self.work > self.limit {
                return None;
            }
            let (need_credits, need_units) = self.lower_bound(c, &w.low);
            if (need_credits, need_units) == (0, 0) {
                return Some(true);
            }
            let slots = w.units.saturating_sub(w.chosen.len()) as u64;
            if c == self.credits.len() || need_units > slots || !self.reachable(c, slots, &w.low) {
                return Some(false);
            }
            if w.spent + need_credits > w.budget {
                w.cut(w.spent + need_credits);
                return Some(false);
            }
            if self.takes(c, w) {
                let cost = self.credits[c];
                if w.spent + cost > w.budget {
                    w.cut(w.spent + cost);
                } else {
                    self.take(c, w, true);
                    if self.walk(c + 1, w)? {
                        return Some(true);
                    }
                    self.take(c, w, false);
                }
            }
        }
        Some(false)
    }

    /// Whether candidate `c` may join: room in the unit count, under every maximum, not
    /// barred with a chosen one, and its interchangeable predecessor already taken.
    fn takes(&self, c: usize, w: &Walk) -> bool {
        w.chosen.len() < w.units
            && self.after[c].is_none_or(|p| w.taken[p])
            && self.terms[c].iter().all(|&(k, _, high)| {
                self.constraints[k]
                    .max
                    .is_none_or(|m| w.high[k] + high <= m)
            })
            && !self.barred[c].iter().any(|&b| w.taken[b])
    }

    fn take(&self, c: usize, w: &mut Walk, on: bool) {
        for &(k, low, high) in &self.terms[c] {
            if on {
                w.low[k] += low;
                w.high[k] += high;
            } else {
                w.low[k] -= low;
                w.high[k] -= high;
            }
        }
        w.taken[c] = on;
        if on {
            w.spent += self.credits[c];
            w.chosen.push(c);
        } else {
            w.spent -= self.credits[c];
            w.chosen.pop();
        }
    }
}

/// Whether a constraint with both a minimum and a maximum asks for a total its candidates
/// can never make: when every weight is a multiple of `g` (and certain), the totals are
/// the base plus multiples of `g`, and the window may hold none (odd totals from even
/// credits, say).
fn window_missed(k: &Constraint) -> bool {
    let (Some(min), Some(max)) = (k.min, k.max) else {
        return false;
    };
    if k.base_low != k.base_high || k.low != k.high {
        return false;
    }
    let g = k.low.iter().fold(0u64, |g, &w| gcd(g, u64::from(w)));
    let from = min.saturating_sub(k.base_low);
    let to = max.saturating_sub(k.base_high);
    match g {
        0 => from > 0,
        g => from.div_ceil(g) * g > to,
    }
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}
