//! "Only one of these counts": of the units of an `[[only_one_counts]]` set in a plan, only
//! the one of most credits counts toward any total (of equal credits, the one listed
//! first). Where credits the plan needs to choose are not stated, which one counts is
//! undecided, and every total it touches is bounded over the units that may count.

use crate::catalogue::{Qualification, UnitIdx};

use super::Plan;

/// Which units of the plan count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counting {
    /// Units in the plan that count toward no total, each with the unit of its set that
    /// counts instead (or, when that is undecided, the one of most stated credits).
    pub not_counted: Vec<(UnitIdx, UnitIdx)>,
    /// For each set where which unit counts depends on credits not stated, the units that
    /// may be the one (two or more, in the order listed).
    pub undecided: Vec<Vec<UnitIdx>>,
}

impl Counting {
    /// Works out, for each set with two or more units in `plan`, which one counts.
    pub fn of(qual: &Qualification, plan: &Plan) -> Counting {
        let mut out = Counting::default();
        for set in &qual.only_one {
            let held: Vec<UnitIdx> = set
                .units
                .iter()
                .copied()
                .filter(|&u| plan.contains(u))
                .collect();
            if held.len() < 2 {
                continue;
            }
            // The first of most stated credits beats every unit of stated credits.
            let best = held
                .iter()
                .copied()
                .filter_map(|u| plan.credits(qual, u).map(|c| (u, c)))
                .fold(None, |best: Option<(UnitIdx, u32)>, (u, c)| match best {
                    Some((_, b)) if b >= c => best,
                    _ => Some((u, c)),
                });
            let unknown: Vec<UnitIdx> = held
                .iter()
                .copied()
                .filter(|&u| plan.credits(qual, u).is_none())
                .collect();
            match best {
                Some((winner, _)) => {
                    out.not_counted.extend(
                        held.iter()
                            .filter(|&&u| u != winner && !unknown.contains(&u))
                            .map(|&u| (u, winner)),
                    );
                    if !unknown.is_empty() {
                        out.undecided.push(
                            held.iter()
                                .copied()
                                .filter(|&u| u == winner || unknown.contains(&u))
                                .collect(),
                        );
                    }
                }
                None => out.undecided.push(unknown),
            }
        }
        out
    }

    /// The units left out of the plain sums: those that do not count, or may not.
    pub fn set_aside(&self) -> Vec<UnitIdx> {
        let mut out: Vec<UnitIdx> = self.not_counted.iter().map(|&(u, _)| u).collect();
        out.extend(self.undecided.iter().flatten());
        out
    }
}
