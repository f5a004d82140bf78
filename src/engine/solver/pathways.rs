//! "Complete my plan" on a qualification with pathways or units in several groups: the
//! exact search on each pathway's plain [`Route`], for each choice of group for the plan's
//! shared units, the cheapest answer kept (fewest credits, then units, then source order,
//! then the pathway listed first). With no pathway chosen it tries every pathway and says
//! which one its answer takes.

use std::collections::BTreeSet;

use crate::catalogue::{PathwayIdx, Qualification, UnitIdx};
use crate::engine::route::{choices, Route};
use crate::engine::Plan;

use super::{solve, Completion, NoCompletion, Reading};

/// The cheapest completion of `plan` over the pathways open to it.
pub(super) fn complete(
    qual: &Qualification,
    plan: &Plan,
    exclude: &BTreeSet<UnitIdx>,
    limit: u64,
) -> Result<Completion, NoCompletion> {
    let tries: Vec<Option<PathwayIdx>> = match plan.pathway() {
        Some(p) => vec![Some(p)],
        None if qual.pathways.is_empty() => vec![None],
        None => (0..qual.pathways.len()).map(Some).collect(),
    };
    let mut best: Option<Completion> = None;
    let mut failure = NoCompletion::NoUnitsSuffice;
    let mut fail = |why: NoCompletion| {
        if severity(&why) > severity(&failure) {
            failure = why;
        }
    };
    for &pathway in &tries {
        let mut on = plan.clone();
        on.set_pathway(qual, pathway);
        let route = Route::of(qual, pathway, plan.elsewhere());
        if on.units().any(|u| route.copies[u].is_empty()) {
            fail(NoCompletion::Blocked);
            continue;
        }
        let forced: Vec<UnitIdx> = on.units().filter(|&u| !plan.contains(u)).collect();
        let shared = route.shared(&on);
        let sizes: Vec<usize> = shared.iter().map(|&u| route.copies[u].len()).collect();
        let (list, cut) = choices(&sizes);
        if cut {
            fail(NoCompletion::Stopped);
            continue;
        }
        let excluded: BTreeSet<UnitIdx> = exclude
            .iter()
            .flat_map(|&u| route.copies[u].iter().copied())
            .collect();
        let share = limit / (tries.len() * list.len()).max(1) as u64;
        for choice in &list {
            let derived = route.plan(&on, &shared, choice);
            match solve(&route.qual, &derived, &excluded, share, Reading::Stated) {
                Ok(found) => {
                    let mut add: Vec<UnitIdx> = forced
                        .iter()
                        .copied()
                        .chain(found.add.iter().map(|&c| route.origin[c]))
                        .collect();
                    add.sort_unstable();
                    add.dedup();
                    let credits_added = add
                        .iter()
                        .filter_map(|&u| plan.credits(qual, u))
                        .fold(0u32, u32::saturating_add);
                    let proposal = Completion {
                        add,
                        credits_added,
                        pathway: pathway.filter(|_| plan.pathway().is_none()),
                    };
                    if best.as_ref().is_none_or(|b| cost(&proposal) < cost(b)) {
                        best = Some(proposal);
                    }
                }
                Err(why) => fail(why),
            }
        }
    }
    best.ok_or(failure)
}

/// The tie-break: credits added, then units added, then the earliest units in source order.
fn cost(c: &Completion) -> (u32, usize, &[UnitIdx]) {
    (c.credits_added, c.add.len(), &c.add)
}

/// Which failure to report when every pathway fails: one that stopped never reads as "none".
fn severity(why: &NoCompletion) -> u8 {
    match why {
        NoCompletion::NoUnitsSuffice => 0,
        NoCompletion::Blocked => 1,
        NoCompletion::UnknownInPlan => 2,
        NoCompletion::TooLarge => 3,
        NoCompletion::Stopped => 4,
    }
}
