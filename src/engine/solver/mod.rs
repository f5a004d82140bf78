//! "Complete my plan": the exact search for the cheapest set of units that completes a plan.
//!
//! Cheapest means fewest extra credits, then fewest units, then earliest in source order.
//! Only units whose credit value is known are proposed (their cost must be known); a unit
//! of unknown level may be, where it completes the plan whether it counts at a level or not.
//! The search is exact, and bounded in work and memory: past either bound it says that it
//! stopped, never that there is no completion.

mod bounds;
mod constraints;
mod pathways;
mod search;

use std::collections::BTreeSet;

use crate::catalogue::{Hours, Qualification, UnitIdx};

use super::{evaluate, Availability, Measure, Plan, Status};
use search::Search;

/// Work (search nodes times the constraints each one checks) before the search stops: about
/// a second of native code on this project's reference machine, two in the browser.
pub const WORK_LIMIT: u64 = 150_000_000;
/// How unstated values are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reading {
    /// As `check` confirms a plan: a unit counts toward a minimum only for certain, and
    /// toward a maximum whenever it may. Only units of stated credits are candidates (the
    /// cost of a proposal must be known).
    Stated,
    /// As `Stated`, every unit a candidate: unstated credits count for nothing toward a
    /// minimum and for more than any maximum allows (whether any plan is complete).
    Confirmed,
    /// As hopefully as `check` allows: a unit counts toward a minimum whenever it may
    /// (unstated credits as many as any rule asks) and toward a maximum only for certain.
    /// What no plan reaches so is certainly out of reach (`validate`).
    Hopeful,
}

/// Unstated credits read hopefully: more than any rule can ask.
pub(super) const UNKNOWN_CREDITS: u32 = crate::catalogue::limits::MAX_RULE_BOUND + 1;

/// Most constraint weights the search holds (rules × candidate units), bounding its memory
/// to some tens of megabytes.
const MAX_CELLS: usize = 1_000_000;

/// A way to complete a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// Units to add, in source order.
    pub add: Vec<UnitIdx>,
    /// Credits those units add.
    pub credits_added: u32,
    /// The pathway the completion proposes, when the plan had none chosen.
    pub pathway: Option<crate::catalogue::PathwayIdx>,
}

/// Why no completion exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoCompletion {
    /// The plan is blocked (barred pair or over a maximum); something must be removed first.
    Blocked,
    /// The plan's own unstated values leave a maximum open, so no addition can confirm it.
    UnknownInPlan,
    /// No set of available units with known credits meets every rule.
    NoUnitsSuffice,
    /// The search reached its work limit before it could prove an answer.
    Stopped,
    /// The qualification has too many rules and units for the search's memory bound.
    TooLarge,
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
                "no combination of the available units with stated credits meets every rule"
            }
            NoCompletion::Stopped => {
                "the search stopped at its time limit before finding the cheapest completion; this does not mean there is none"
            }
            NoCompletion::TooLarge => {
                "the qualification has too many rules and units to search for a completion; this does not mean there is none"
            }
        }
    }
}

/// Finds the cheapest completion of `plan`, never proposing a unit in `exclude`.
pub fn complete_plan(
    qual: &Qualification,
    plan: &Plan,
    exclude: &BTreeSet<UnitIdx>,
) -> Result<Completion, NoCompletion> {
    complete_plan_within(qual, plan, exclude, WORK_LIMIT)
}

/// [`complete_plan`] with a given work limit.
pub fn complete_plan_within(
    qual: &Qualification,
    plan: &Plan,
    exclude: &BTreeSet<UnitIdx>,
    limit: u64,
) -> Result<Completion, NoCompletion> {
    if qual.has_routes() || !plan.elsewhere().is_empty() {
        return pathways::complete(qual, plan, exclude, limit);
    }
    solve(qual, plan, exclude, limit, Reading::Stated)
}

/// Most ways of replacing the counting unit of "only one of these counts" sets the plan
/// holds that the search tries; past it the search says it stopped.
const MAX_REPLACEMENTS: usize = 64;

/// The search under a reading of unstated values. Of each "only one of these counts" set
/// the plan holds, a unit of more credits may replace the one that counts: each such choice
/// (or none) is searched, with the set's other units kept out, and the cheapest kept.
pub(super) fn solve(
    qual: &Qualification,
    plan: &Plan,
    exclude: &BTreeSet<UnitIdx>,
    limit: u64,
    reading: Reading,
) -> Result<Completion, NoCompletion> {
    // Read hopefully, a set of which only one counts, holding a unit of unstated credits,
    // is bounded by `check` over the units that may count, which no linear reading here
    // matches soundly: nothing is proved out of reach.
    let unstated = |u: UnitIdx| plan.credits(qual, u).is_none();
    if reading == Reading::Hopeful
        && qual
            .only_one
            .iter()
            .any(|s| s.units.iter().any(|&u| unstated(u)))
    {
        return Ok(Completion {
            add: Vec::new(),
            credits_added: 0,
            pathway: None,
        });
    }
    let choices = replacements(qual, plan, exclude, reading);
    if choices.len() > MAX_REPLACEMENTS {
        return Err(NoCompletion::Stopped);
    }
    let mut best: Option<Completion> = None;
    let (mut stopped, mut first) = (None, None);
    for forced in &choices {
        let mut with = plan.clone();
        forced.iter().for_each(|&u| with.add(u));
        // The work limit is shared among the choices.
        let share = limit / choices.len() as u64;
        match solve_within(qual, &with, exclude, share, reading) {
            Ok(found) => {
                let mut add: Vec<UnitIdx> = forced.iter().copied().chain(found.add).collect();
                add.sort_unstable();
                let credits_added = add
                    .iter()
                    .filter_map(|&u| plan.credits(qual, u))
                    .fold(0u32, u32::saturating_add);
                let key = |c: &Completion| (c.credits_added, c.add.len(), c.add.clone());
                let found = Completion {
                    add,
                    credits_added,
                    pathway: None,
                };
                if best.as_ref().is_none_or(|b| key(&found) < key(b)) {
                    best = Some(found);
                }
            }
            Err(why @ (NoCompletion::Stopped | NoCompletion::TooLarge)) => stopped = Some(why),
            // Without a replacement, the plan's own state is the answer.
            Err(why) => first = first.or(Some(why)),
        }
    }
    match (stopped, best) {
        (Some(why), _) => Err(why),
        (None, Some(found)) => Ok(found),
        (None, None) => Err(first.unwrap_or(NoCompletion::NoUnitsSuffice)),
    }
}

/// The units to add first, one choice each: none, then every way to replace, in sets the
/// plan holds, the unit that counts by one that would count instead (more credits, or as
/// many and listed first; any, where the credits held are not all stated; read other than
/// as stated, one of unstated credits too).
fn replacements(
    qual: &Qualification,
    plan: &Plan,
    exclude: &BTreeSet<UnitIdx>,
    reading: Reading,
) -> Vec<Vec<UnitIdx>> {
    let mut choices = vec![Vec::new()];
    for set in &qual.only_one {
        if !set.units.iter().any(|&u| plan.contains(u)) {
            continue;
        }
        // The unit that counts now: the first of most credits, when they are stated.
        let held = set.units.iter().filter(|&&u| plan.contains(u));
        let credits: Option<Vec<u32>> = held.clone().map(|&u| plan.credits(qual, u)).collect();
        let counting = credits.and_then(|credits| {
            let most = credits.iter().copied().max()?;
            let at = credits.iter().position(|&c| c == most)?;
            let unit = *held.clone().nth(at)?;
            Some((most, set.units.iter().position(|&u| u == unit)?))
        });
        let better: Vec<UnitIdx> = set
            .units
            .iter()
            .enumerate()
            .filter(|&(_, &u)| !plan.contains(u) && !exclude.contains(&u))
            .filter(|&(at, &u)| match (plan.credits(qual, u), counting) {
                (Some(c), Some((most, first))) => c > most || c == most && at < first,
                (Some(_), None) => true,
                (None, _) => reading != Reading::Stated,
            })
            .map(|(_, &u)| u)
            .collect();
        let mut next = Vec::new();
        for choice in &choices {
            next.push(choice.clone());
            for &u in &better {
                next.push(choice.iter().copied().chain([u]).collect());
            }
            if next.len() > MAX_REPLACEMENTS {
                return next;
            }
        }
        choices = next;
    }
    choices
}

/// The search for one plan, units of the "only one of these counts" sets it holds kept out.
fn solve_within(
    qual: &Qualification,
    plan: &Plan,
    exclude: &BTreeSet<UnitIdx>,
    limit: u64,
    reading: Reading,
) -> Result<Completion, NoCompletion> {
    let now = evaluate(qual, plan);
    match now.status {
        Status::Unconfirmed if reading == Reading::Hopeful => {
            return Ok(Completion {
                add: Vec::new(),
                credits_added: 0,
                pathway: None,
            })
        }
        Status::Complete => {
            return Ok(Completion {
                add: Vec::new(),
                credits_added: 0,
                pathway: None,
            })
        }
        Status::Blocked => return Err(NoCompletion::Blocked),
        _ if qual.rules.is_empty() || qual.units.is_empty() => {
            return Err(NoCompletion::NoUnitsSuffice)
        }
        _ => {}
    }
    // Units of an "only one of these counts" set the plan holds: not additive, kept out.
    let mut held_sets = vec![false; qual.units.len()];
    for set in qual.only_one.iter() {
        if set.units.iter().any(|&u| plan.contains(u)) {
            set.units.iter().for_each(|&u| held_sets[u] = true);
        }
    }
    // Outside the plan, not barred with a unit in it, not excluded, of known credits.
    let candidates: Vec<UnitIdx> = (0..qual.units.len())
        .filter(|&u| {
            !matches!(
                now.units[u],
                Availability::InPlan | Availability::Barred { .. }
            )
        })
        .filter(|&u| {
            !exclude.contains(&u)
                && !held_sets[u]
                && (reading != Reading::Stated || plan.credits(qual, u).is_some())
        })
        .collect();
    let constraints = constraints::build(qual, plan, &candidates, MAX_CELLS, reading)?;
    let mut position = vec![None; qual.units.len()];
    candidates
        .iter()
        .enumerate()
        .for_each(|(i, &u)| position[u] = Some(i));
    // Barred sets among the candidates (a set with one candidate left bars nothing); of a
    // set of which only one counts, a second unit adds nothing, so at most one is taken.
    let sets: Vec<Vec<usize>> = qual
        .barred
        .iter()
        .map(|set| &set.units)
        .chain(qual.only_one.iter().map(|set| &set.units))
        .map(|units| {
            units
                .iter()
                .filter_map(|&u| position[u])
                .collect::<Vec<_>>()
        })
        .filter(|set| set.len() >= 2)
        .collect();
    // The cost of a unit of unstated credits is at least what it counts toward a minimum.
    let unstated = match reading {
        Reading::Hopeful => UNKNOWN_CREDITS,
        _ => 0,
    };
    let credits: Vec<u64> = candidates
        .iter()
        .map(|&u| u64::from(plan.credits(qual, u).unwrap_or(unstated)))
        .collect();
    let class: Vec<_> = candidates
        .iter()
        .map(|&u| {
            let credits = plan.credits(qual, u).map_or(u64::MAX, u64::from);
            let hours = [Hours::Glh, Hours::Tqt].map(|h| plan.measure(qual, u, Measure::Hours(h)));
            (qual.units[u].group, plan.level(qual, u), credits, hours)
        })
        .collect();
    let shares = constraints::shares(qual, plan, &candidates, reading);
    let mut search = Search::new(
        credits,
        constraints,
        shares,
        &class,
        &sets,
        limit,
        MAX_CELLS,
    );
    let picks = search
        .run()
        .map_err(|()| NoCompletion::Stopped)?
        .ok_or(NoCompletion::NoUnitsSuffice)?;
    let add: Vec<UnitIdx> = picks.into_iter().map(|i| candidates[i]).collect();
    let credits_added = add
        .iter()
        .filter_map(|&u| plan.credits(qual, u))
        .fold(0u32, u32::saturating_add);
    Ok(Completion {
        add,
        credits_added,
        pathway: None,
    })
}
