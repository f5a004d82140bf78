//! The exact search: depth-first branch and bound over the candidates in source order,
//! including a candidate before excluding it, under a credit budget that rises only to
//! the next value some branch could reach (so credit totals no plan can hit are skipped,
//! not searched), then under a unit count. Branches are cut by the bounds of
//! [`super::bounds`].
//!
//! Interchangeable candidates (same group, level and credits, barred with nothing) are taken
//! in source order only: a later one may join only after the one before it. This keeps the
//! earliest answer in source order and removes the symmetric branches that made equal
//! credit values explode.

use std::collections::HashMap;

use super::bounds::{parts, Bounds};
use super::constraints::{Constraint, ShareCheck};

/// What makes candidates interchangeable: group, level, credits, and hours (GLH, TQT).
pub type Class = (
    usize,
    Option<crate::catalogue::Level>,
    u64,
    [Option<u32>; 2],
);

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
    /// Share rules, checked on whole plans.
    shares: Vec<ShareCheck>,
    /// `terms[c]`: the constraints candidate `c` counts for, with (low, high) weights.
    terms: Vec<Vec<(usize, u64, u64)>>,
    bounds: Bounds,
    /// The interchangeable candidate just before each one, which must be taken first.
    after: Vec<Option<usize>>,
    /// The barred sets each candidate is in.
    sets_of: Vec<Vec<usize>>,
    sets: usize,
    work: u64,
    limit: u64,
}

/// State of one pass.
struct Walk {
    low: Vec<u64>,
    high: Vec<u64>,
    /// Each share rule's slack so far.
    slack: Vec<i64>,
    taken: Vec<bool>,
    /// Whether a unit of each barred set is taken.
    set_taken: Vec<bool>,
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
    /// keys, the group first); `sets` lists the barred sets (and sets of which only one
    /// counts), as candidates; `cells` bounds the bound tables.
    pub fn new(
        credits: Vec<u64>,
        constraints: Vec<Constraint>,
        shares: Vec<ShareCheck>,
        class: &[Class],
        sets: &[Vec<usize>],
        limit: u64,
        cells: usize,
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
        let mut sets_of = vec![Vec::new(); n];
        for (s, set) in sets.iter().enumerate() {
            set.iter().for_each(|&c| sets_of[c].push(s));
        }
        let groups: Vec<usize> = class.iter().map(|k| k.0).collect();
        let bounds = Bounds::new(&credits, &constraints, &groups, &parts(n, sets), cells);
        let mut last: HashMap<Class, usize> = HashMap::new();
        let after = (0..n)
            .map(|c| {
                if !sets_of[c].is_empty() {
                    return None;
                }
                last.insert(class[c], c)
            })
            .collect();
        Search {
            credits,
            constraints,
            shares,
            terms,
            bounds,
            after,
            sets_of,
            sets: sets.len(),
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
        let base_high: Vec<u64> = self.constraints.iter().map(|k| k.base_high).collect();
        let Some((mut budget, fewest)) =
            self.bounds
                .need(0, &self.constraints, &self.base_low(), &base_high, None)
        else {
            return Ok(None);
        };
        let first = loop {
            match self.pass(budget, usize::MAX) {
                Pass::Found(picks) => break picks,
                Pass::None(Some(next)) => budget = next,
                Pass::None(None) => return Ok(None),
                Pass::Stopped => return Err(()),
            }
        };
        for units in fewest as usize..first.len() {
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
            slack: self.shares.iter().map(|s| s.base).collect(),
            taken: vec![false; self.credits.len()],
            set_taken: vec![false; self.sets],
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

    /// Walks candidates from `next` on: at each, first with it (recursing), then without it
    /// (continuing the loop), so the stack grows only with the candidates taken. `None`
    /// when the work limit is reached.
    fn walk(&mut self, next: usize, w: &mut Walk) -> Option<bool> {
        for c in next..=self.credits.len() {
            self.work += self.constraints.len() as u64 + 1;
            if self.work > self.limit {
                return None;
            }
            let room = (w.units != usize::MAX).then(|| w.budget - w.spent);
            let Some((need_credits, need_units)) =
                self.bounds
                    .need(c, &self.constraints, &w.low, &w.high, room)
            else {
                return Some(false);
            };
            if (need_credits, need_units) == (0, 0) && w.slack.iter().all(|&s| s >= 0) {
                return Some(true);
            }
            let slots = w.units.saturating_sub(w.chosen.len()) as u64;
            if c == self.credits.len()
                || need_units > slots
                || !self.bounds.reachable(c, slots, &self.constraints, &w.low)
            {
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
            && !self.sets_of[c].iter().any(|&s| w.set_taken[s])
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
        for (slack, share) in w.slack.iter_mut().zip(&self.shares) {
            if on {
                *slack += share.weights[c];
            } else {
                *slack -= share.weights[c];
            }
        }
        w.taken[c] = on;
        for &s in &self.sets_of[c] {
            w.set_taken[s] = on;
        }
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
