//! Sound bounds on what completing a plan still takes, from the candidates not yet decided
//! (those from a position on in source order), used by the search to cut branches.
//!
//! - Reach: the most a minimum can still gain, taking at most one unit of each barred set
//!   (the sets are split into disjoint parts once, each part a clique of the barred graph).
//! - Shortfalls add up: a minimum whose candidates all lie in one group is local to it;
//!   the credits and units that local minima of different groups still need are summed
//!   (they count different units), and compared with what every other minimum needs alone.
//! - Caps against forced choices: what a minimum still needs forces, through the least
//!   ratio of a maximum's weight to the minimum's among its candidates, a least addition to
//!   that maximum; summed over groups the same way, past the maximum's room no completion
//!   exists.

use super::constraints::Constraint;

/// `num / den`; `den == 0` when no candidate is left to take the ratio over.
#[derive(Debug, Clone, Copy)]
struct Ratio {
    num: u64,
    den: u64,
}

impl Ratio {
    const NONE: Ratio = Ratio { num: 0, den: 0 };

    fn below(self, other: Ratio) -> bool {
        other.den == 0 || (self.den > 0 && self.num * other.den < other.num * self.den)
    }

    /// The least whole amount `deficit` forces at this ratio.
    fn of(self, deficit: u64) -> u64 {
        if self.den == 0 {
            0
        } else {
            (deficit * self.num).div_ceil(self.den)
        }
    }
}

/// A minimum's least ratio of a maximum's weight to its own, by position.
struct Forcing {
    minimum: usize,
    region: Option<usize>,
    ratio: Vec<Ratio>,
}

/// A maximum and the minima that force additions to it.
struct Cap {
    constraint: usize,
    max: u64,
    forcing: Vec<Forcing>,
}

/// Sums values by region, as the sum over regions of each region's largest, or the largest
/// value outside any region when that is more. Values must come grouped by region.
#[derive(Default)]
struct RegionSum {
    region: Option<usize>,
    this: u64,
    total: u64,
    global: u64,
}

impl RegionSum {
    fn add(&mut self, region: Option<usize>, value: u64) {
        match region {
            None => self.global = self.global.max(value),
            Some(r) => {
                if self.region != Some(r) {
                    self.total = self.total.saturating_add(self.this);
                    self.this = 0;
                    self.region = Some(r);
                }
                self.this = self.this.max(value);
            }
        }
    }

    fn value(&self) -> u64 {
        self.total.saturating_add(self.this).max(self.global)
    }
}

/// The bound tables of one search.
pub struct Bounds {
    /// Minimum constraints with their region (the group all their candidates are in),
    /// grouped by region.
    minima: Vec<(usize, Option<usize>)>,
    caps: Vec<Cap>,
    /// `reach[k][c]`: the most minimum `k` can gain from candidates `c..`, one per barred part.
    reach: Vec<Vec<u64>>,
    /// `heaviest[k][c]`: the largest gain for minimum `k` of one candidate in `c..`.
    heaviest: Vec<Vec<u64>>,
    /// `cheapest[k][c]`: fewest credits of one candidate in `c..` that gains for `k`.
    cheapest: Vec<Vec<u64>>,
}

/// Splits barred sets into disjoint parts (each part within one set, so at most one of
/// its candidates can be taken): a set's candidates not yet in a part form a part when
/// there are two or more of them. `sets` lists candidates; the answer gives each
/// candidate's part, if any.
pub fn parts(n: usize, sets: &[Vec<usize>]) -> Vec<Option<usize>> {
    let mut part = vec![None; n];
    let mut count = 0;
    for set in sets {
        let free: Vec<usize> = set.iter().copied().filter(|&c| part[c].is_none()).collect();
        if free.len() >= 2 {
            free.iter().for_each(|&c| part[c] = Some(count));
            count += 1;
        }
    }
    part
}

fn suffix(n: usize, init: u64, step: impl Fn(u64, usize) -> u64) -> Vec<u64> {
    let mut out = vec![init; n + 1];
    for c in (0..n).rev() {
        out[c] = step(out[c + 1], c);
    }
    out
}

impl Bounds {
    /// Tables for `constraints` over candidates with these credits, groups and barred
    /// parts, holding at most about `cells` ratios for the caps.
    pub fn new(
        credits: &[u64],
        constraints: &[Constraint],
        groups: &[usize],
        part: &[Option<usize>],
        cells: usize,
    ) -> Bounds {
        let n = credits.len();
        let is_min = |k: &Constraint| k.min.is_some();
        let reach = constraints
            .iter()
            .map(|k| {
                if !is_min(k) {
                    return Vec::new();
                }
                let mut best = vec![0u64; n];
                let mut sum = 0;
                let mut out = vec![0; n + 1];
                for c in (0..n).rev() {
                    let gain = u64::from(k.low[c]);
                    match part[c] {
                        Some(p) if gain > best[p] => {
                            sum += gain - best[p];
                            best[p] = gain;
                        }
                        Some(_) => {}
                        None => sum += gain,
                    }
                    out[c] = sum;
                }
                out
            })
            .collect();
        let each = |f: &dyn Fn(&Constraint) -> Vec<u64>| -> Vec<Vec<u64>> {
            constraints
                .iter()
                .map(|k| if is_min(k) { f(k) } else { Vec::new() })
                .collect()
        };
        let heaviest = each(&|k| suffix(n, 0, |acc, c| acc.max(u64::from(k.low[c]))));
        let cheapest = each(&|k| {
            suffix(n, u64::MAX, |acc, c| {
                if k.low[c] > 0 {
                    acc.min(credits[c])
                } else {
                    acc
                }
            })
        });
        let region = |k: &Constraint| {
            let mut in_scope = (0..n).filter(|&c| k.low[c] > 0).map(|c| groups[c]);
            let first = in_scope.next()?;
            in_scope.all(|g| g == first).then_some(first)
        };
        let mut minima: Vec<(usize, Option<usize>)> = constraints
            .iter()
            .enumerate()
            .filter(|(_, k)| is_min(k))
            .map(|(i, k)| (i, region(k)))
            .collect();
        minima.sort_by_key(|&(i, r)| (r.is_none(), r, i));
        let mut budget = cells;
        let caps = constraints
            .iter()
            .enumerate()
            .filter_map(|(m, cap)| {
                let max = cap.max?;
                let forcing = minima
                    .iter()
                    .filter(|&&(j, _)| (0..n).any(|c| constraints[j].low[c] > 0 && cap.high[c] > 0))
                    .map_while(|&(j, region)| {
                        budget = budget.checked_sub(n + 1)?;
                        let mut ratio = vec![Ratio::NONE; n + 1];
                        for c in (0..n).rev() {
                            ratio[c] = ratio[c + 1];
                            let low = u64::from(constraints[j].low[c]);
                            if low > 0 {
                                let here = Ratio {
                                    num: u64::from(cap.high[c]),
                                    den: low,
                                };
                                if here.below(ratio[c]) {
                                    ratio[c] = here;
                                }
                            }
                        }
                        Some(Forcing {
                            minimum: j,
                            region,
                            ratio,
                        })
                    })
                    .collect::<Vec<_>>();
                (!forcing.is_empty()).then_some(Cap {
                    constraint: m,
                    max,
                    forcing,
                })
            })
            .collect();
        Bounds {
            minima,
            caps,
            reach,
            heaviest,
            cheapest,
        }
    }

    /// Lower bounds on (credits, units) still to add from candidates `c..`, given the
    /// constraints' totals `low` (certain) and `high` (possible); `None` when a maximum
    /// leaves no room for what the minima force, so no completion exists from here.
    pub fn need(
        &self,
        c: usize,
        constraints: &[Constraint],
        low: &[u64],
        high: &[u64],
    ) -> Option<(u64, u64)> {
        let deficit = |k: usize| constraints[k].min.map_or(0, |m| m.saturating_sub(low[k]));
        let (mut credits, mut units) = (RegionSum::default(), RegionSum::default());
        for &(k, region) in &self.minima {
            let d = deficit(k);
            if d == 0 {
                continue;
            }
            let heaviest = self.heaviest[k][c].max(1);
            let (cost, count) = if constraints[k].credits {
                (d, d.div_ceil(heaviest))
            } else {
                (self.cheapest[k][c].saturating_mul(d), d)
            };
            credits.add(region, cost);
            units.add(region, count);
        }
        for cap in &self.caps {
            let mut forced = RegionSum::default();
            for f in &cap.forcing {
                let d = deficit(f.minimum);
                if d > 0 {
                    forced.add(f.region, f.ratio[c].of(d));
                }
            }
            if high[cap.constraint].saturating_add(forced.value()) > cap.max {
                return None;
            }
        }
        Some((credits.value(), units.value()))
    }

    /// Whether every minimum can still be reached with at most `slots` more candidates
    /// from `c..`.
    pub fn reachable(&self, c: usize, slots: u64, constraints: &[Constraint], low: &[u64]) -> bool {
        self.minima.iter().all(|&(k, _)| {
            let m = constraints[k].min.unwrap_or(0);
            let reach = self.reach[k][c].min(self.heaviest[k][c].saturating_mul(slots));
            low[k] + reach >= m
        })
    }
}
