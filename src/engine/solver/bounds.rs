//! Sound bounds on what completing a plan still takes, from the candidates not yet decided
//! (those from a position on in source order), used by the search to cut branches.
//!
//! - Reach: the most a minimum can still gain, taking at most one unit of each barred set
//!   (the sets are split into disjoint parts once, each part a clique of the barred graph).
//! - Totals: for a credit minimum, the least total at or past what it still needs that its
//!   undecided candidates can make, and the fewest units making one, by dynamic programming
//!   over its candidates (so 7 credits from units of 4 to 6 cost 8, in two units).
//! - Shortfalls add up: a minimum whose candidates all lie in one group is local to it;
//!   the credits and units that local minima of different groups still need are summed
//!   (they count different units), and compared with what every other minimum needs alone.
//! - Caps against forced choices: what a minimum still needs (its least reachable total,
//!   where tabulated) forces, through the least ratio of a maximum's weight to the
//!   minimum's among its candidates, a least addition to that maximum; summed over groups
//!   the same way, past the maximum's room no completion exists. (So an exact total no
//!   subset makes is proved impossible at once.)

use super::constraints::{Constraint, Weight};

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

/// Never reached, in a table of unit counts.
const UNREACHED: u8 = u8::MAX;

/// The totals a credit minimum's candidates can still make, by position among them.
struct Totals {
    /// The candidates counting toward the minimum, in order.
    members: Vec<usize>,
    /// Totals tabulated: `0..width`.
    width: usize,
    /// `next[i * width + s]`: the least total `≥ s` that `members[i..]` can make
    /// (`u32::MAX` if none).
    next: Vec<u32>,
    /// `fewest[i * width + s]`: the fewest of `members[i..]` making a total `≥ s`.
    fewest: Vec<u8>,
    /// `exact[i * width + s]`: the fewest of `members[i..]` making exactly `s`.
    exact: Vec<u8>,
}

impl Totals {
    /// The table for `weights` (of `members`), tabulating totals below `width`; `None`
    /// when it would hold more than `cells` entries.
    fn new(members: Vec<usize>, weights: &[u64], width: usize, cells: usize) -> Option<Totals> {
        let rows = members.len() + 1;
        if rows.checked_mul(width)? > cells {
            return None;
        }
        let mut next = vec![u32::MAX; rows * width];
        let mut fewest = vec![UNREACHED; rows * width];
        let mut exact = vec![UNREACHED; rows * width];
        // count[s]: the fewest units making exactly `s`, from the members seen so far.
        let mut count = vec![UNREACHED; width];
        count[0] = 0;
        for row in (0..rows).rev() {
            if row < members.len() {
                let w = weights[row] as usize;
                for s in (w..width).rev() {
                    if count[s - w] != UNREACHED {
                        count[s] = count[s].min((count[s - w] + 1).min(UNREACHED - 1));
                    }
                }
            }
            exact[row * width..(row + 1) * width].copy_from_slice(&count);
            let (mut least, mut few) = (u32::MAX, UNREACHED);
            for s in (0..width).rev() {
                if count[s] != UNREACHED {
                    least = s as u32;
                    few = few.min(count[s]);
                }
                next[row * width + s] = least;
                fewest[row * width + s] = few;
            }
        }
        Some(Totals {
            members,
            width,
            next,
            fewest,
            exact,
        })
    }

    /// From candidate `c` on, the fewest units making a total in `from..=to` (or a lower
    /// bound on it: the fewest making any total `≥ from`, when the range is long or runs
    /// past the table).
    fn fewest_between(&self, c: usize, from: u64, to: u64) -> u64 {
        let (Ok(from), Ok(to)) = (usize::try_from(from), usize::try_from(to)) else {
            return 0;
        };
        if from >= self.width {
            return 0;
        }
        let row = self.members.partition_point(|&m| m < c) * self.width;
        if to >= self.width || to - from > SCANNED_TOTALS {
            return u64::from(self.fewest[row + from]);
        }
        let few = self.exact[row + from..=row + to].iter().min();
        u64::from(*few.unwrap_or(&UNREACHED))
    }

    /// From candidate `c` on, needing `deficit` more: (least total, fewest units), `None`
    /// when no total reaches it; `Some(None)` when the deficit is past the table.
    fn at(&self, c: usize, deficit: u64) -> Option<Option<(u64, u64)>> {
        let Ok(s) = usize::try_from(deficit) else {
            return Some(None);
        };
        if s >= self.width {
            return Some(None);
        }
        let at = self.members.partition_point(|&m| m < c) * self.width + s;
        match self.next[at] {
            u32::MAX => None,
            least => Some(Some((u64::from(least), u64::from(self.fewest[at])))),
        }
    }
}

/// Longest range of totals scanned for the fewest units making one.
const SCANNED_TOTALS: usize = 32;

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

/// Totals-table entries allowed per constraint weight the search may hold (five bytes
/// each: at the search's memory bound, some tens of megabytes more).
const TOTALS_PER_CELL: usize = 4;

/// How far a constraint's total is short of its minimum.
fn deficit(k: &Constraint, low: u64) -> u64 {
    k.min.map_or(0, |m| m.saturating_sub(low))
}

/// The bound tables of one search.
pub struct Bounds {
    /// Minimum constraints with their region (the group all their candidates are in),
    /// grouped by region.
    minima: Vec<(usize, Option<usize>)>,
    caps: Vec<Cap>,
    /// The totals tables of credit minima, by constraint, where they fit.
    totals: Vec<Option<Totals>>,
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
        minima.sort_unstable_by_key(|&(i, r)| (r.is_none(), r, i));
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
        let mut room = cells.saturating_mul(TOTALS_PER_CELL);
        let mut totals: Vec<Option<Totals>> = constraints.iter().map(|_| None).collect();
        for &(k, _) in &minima {
            let c = &constraints[k];
            // (A minimum met already needs nothing more: no table.)
            let (Weight::Credits, Some(min)) = (c.weight, c.min.filter(|&m| m > c.base_low)) else {
                continue;
            };
            let members: Vec<usize> = (0..n).filter(|&m| c.low[m] > 0).collect();
            let weights: Vec<u64> = members.iter().map(|&m| u64::from(c.low[m])).collect();
            let heaviest = weights.iter().copied().max().unwrap_or(0);
            let Ok(width) = usize::try_from(min.saturating_sub(c.base_low) + heaviest) else {
                continue;
            };
            let size = (members.len() + 1).saturating_mul(width);
            totals[k] = Totals::new(members, &weights, width, room);
            if totals[k].is_some() {
                room -= size;
            }
        }
        Bounds {
            minima,
            caps,
            totals,
            reach,
            heaviest,
            cheapest,
        }
    }

    /// Lower bounds on (credits, units) still to add from candidates `c..`, given the
    /// constraints' totals `low` (certain) and `high` (possible); `None` when no
    /// completion exists from here (a minimum no total reaches, or a maximum without room
    /// for what the minima force). `room`, the credits still in the budget when the units
    /// are limited, bounds what each group may spend, so its units are counted among the
    /// totals it can afford.
    pub fn need(
        &self,
        c: usize,
        constraints: &[Constraint],
        low: &[u64],
        high: &[u64],
        room: Option<u64>,
    ) -> Option<(u64, u64)> {
        let (mut credits, mut units) = (RegionSum::default(), RegionSum::default());
        for &(k, region) in &self.minima {
            let d = deficit(&constraints[k], low[k]);
            if d > 0 {
                let (cost, count) = self.one(k, c, d, constraints)?;
                credits.add(region, cost);
                units.add(region, count);
            }
        }
        for cap in &self.caps {
            let mut forced = RegionSum::default();
            for f in &cap.forcing {
                let d = deficit(&constraints[f.minimum], low[f.minimum]);
                if d > 0 {
                    // The minimum's total grows by at least its least reachable total.
                    let least = self.one(f.minimum, c, d, constraints)?.0;
                    let least = if constraints[f.minimum].weight == Weight::Credits {
                        least
                    } else {
                        d
                    };
                    forced.add(f.region, f.ratio[c].of(least));
                }
            }
            if high[cap.constraint].saturating_add(forced.value()) > cap.max {
                return None;
            }
        }
        let mut units = units.value();
        if let Some(room) = room {
            let slack = room.saturating_sub(credits.total.saturating_add(credits.this));
            units = units.max(self.units_affordable(c, constraints, low, slack));
        }
        Some((credits.value(), units))
    }

    /// What minimum `k` alone still needs, `d` short, from `c..`: (credits, units).
    fn one(&self, k: usize, c: usize, d: u64, constraints: &[Constraint]) -> Option<(u64, u64)> {
        let tabulated = match &self.totals[k] {
            Some(totals) => totals.at(c, d)?,
            None => None,
        };
        let heaviest = self.heaviest[k][c].max(1);
        Some(match tabulated {
            Some(exact) => exact,
            None => match constraints[k].weight {
                Weight::Credits => (d, d.div_ceil(heaviest)),
                Weight::Units => (self.cheapest[k][c].saturating_mul(d), d),
                // At least one unit, and as many as the largest value takes.
                Weight::Hours => (self.cheapest[k][c], d.div_ceil(heaviest)),
            },
        })
    }

    /// Units the local minima need when each group may spend only `slack` credits past
    /// what it needs at least: summed over groups, each the most of its minima's fewest
    /// units making a total it can afford.
    fn units_affordable(
        &self,
        c: usize,
        constraints: &[Constraint],
        low: &[u64],
        slack: u64,
    ) -> u64 {
        let mut units = RegionSum::default();
        for span in self.minima.chunk_by(|a, b| a.1 == b.1) {
            let region @ Some(_) = span[0].1 else {
                continue;
            };
            let needs = |&(k, _): &(usize, Option<usize>)| {
                let d = deficit(&constraints[k], low[k]);
                (d > 0).then(|| (k, d, self.one(k, c, d, constraints).map_or(0, |n| n.0)))
            };
            let spend = span
                .iter()
                .filter_map(needs)
                .map(|n| n.2)
                .max()
                .unwrap_or(0);
            for (k, d, _) in span.iter().filter_map(needs) {
                if let Some(totals) = &self.totals[k] {
                    units.add(
                        region,
                        totals.fewest_between(c, d, spend.saturating_add(slack)),
                    );
                }
            }
        }
        units.value()
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
