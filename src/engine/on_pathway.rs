//! Evaluating a plan on its pathway: the plan on the plain [`Route`], tried with every
//! choice of group for its shared units (the best kept), and the answer read back onto the
//! qualification's own units and rules.

use crate::catalogue::{Qualification, UnitIdx};

use super::evaluate::evaluate_plain;
use super::route::{choices, Route};
use super::{Availability, Evaluation, Plan, RuleResult, RuleStatus, Status};

/// Evaluates `plan` against every rule of `qual` that applies on its pathway.
pub fn evaluate(qual: &Qualification, plan: &Plan) -> Evaluation {
    if !qual.has_routes() && plan.elsewhere().is_empty() {
        return evaluate_plain(qual, plan);
    }
    let route = Route::of(qual, plan.pathway(), plan.elsewhere());
    let shared = route.shared(plan);
    let sizes: Vec<usize> = shared.iter().map(|&u| route.copies[u].len()).collect();
    let (list, cut) = choices(&sizes);
    let mut best: Option<(Evaluation, Vec<usize>)> = None;
    for choice in list {
        let eval = evaluate_plain(&route.qual, &route.plan(plan, &shared, &choice));
        let better = best
            .as_ref()
            .is_none_or(|(b, _)| rank(eval.status) < rank(b.status));
        if better {
            let done = eval.status == Status::Complete;
            best = Some((eval, choice));
            if done {
                break;
            }
        }
    }
    let (eval, choice) = best.expect("at least one choice");
    back(qual, plan, &route, eval, &shared, &choice, cut)
}

/// Best first: complete, unconfirmed, incomplete, blocked.
fn rank(status: Status) -> u8 {
    match status {
        Status::Complete => 0,
        Status::Unconfirmed => 1,
        Status::Incomplete => 2,
        Status::Blocked => 3,
    }
}

/// The route's evaluation read back onto `qual`'s units and rules.
fn back(
    qual: &Qualification,
    plan: &Plan,
    route: &Route,
    eval: Evaluation,
    shared: &[UnitIdx],
    choice: &[usize],
    cut: bool,
) -> Evaluation {
    let origin = |u: UnitIdx| route.origin[u];
    let mut rules: Vec<RuleResult> = qual
        .rules
        .iter()
        .map(|entry| RuleResult {
            text: entry.rule.describe(qual),
            status: RuleStatus::NotChecked,
            have: 0,
            need: 0,
            over_max: false,
            still_needed: None,
            unknown_units: Vec::new(),
        })
        .collect();
    for (result, &i) in eval.rules.into_iter().zip(&route.rules) {
        rules[i] = RuleResult {
            text: rules[i].text.clone(),
            unknown_units: result
                .unknown_units
                .iter()
                .filter(|&&u| u < route.elsewhere_from)
                .map(|&u| origin(u))
                .collect(),
            ..result
        };
    }
    let mut conflicts: Vec<(UnitIdx, UnitIdx)> = eval
        .conflicts
        .iter()
        .map(|&(a, b)| (origin(a).min(origin(b)), origin(a).max(origin(b))))
        .collect();
    conflicts.dedup();
    let not_counted = eval
        .not_counted
        .iter()
        .filter(|&&(u, counted)| u < route.elsewhere_from && counted < route.elsewhere_from)
        .map(|&(u, counted)| (origin(u), origin(counted)))
        .collect();
    let units = (0..qual.units.len())
        .map(|u| {
            if plan.contains(u) {
                return Availability::InPlan;
            }
            route.copies[u]
                .iter()
                .map(|&c| match eval.units[c] {
                    Availability::Barred { with, mandatory } => Availability::Barred {
                        with: origin(with),
                        mandatory,
                    },
                    Availability::OverMaximum { rule } => Availability::OverMaximum {
                        rule: route.rules[rule],
                    },
                    other => other,
                })
                .min_by_key(|a| match a {
                    Availability::Available => 0,
                    Availability::OverMaximum { .. } => 1,
                    _ => 2,
                })
                .unwrap_or(Availability::OffPathway)
        })
        .collect();
    let off_pathway: Vec<UnitIdx> = plan
        .units()
        .filter(|&u| route.copies[u].is_empty())
        .collect();
    let choose_pathway = !qual.pathways.is_empty() && plan.pathway().is_none();
    let status = match eval.status {
        _ if !off_pathway.is_empty() => Status::Blocked,
        Status::Complete | Status::Unconfirmed if choose_pathway => Status::Incomplete,
        // Not every choice of group was tried: what was not proven is not known.
        Status::Incomplete | Status::Blocked if cut && conflicts.is_empty() => Status::Unconfirmed,
        status => status,
    };
    let counted_in = shared
        .iter()
        .zip(choice)
        .map(|(&u, &c)| {
            (
                u,
                route.group_origin[route.qual.units[route.copies[u][c]].group],
            )
        })
        .collect();
    Evaluation {
        status,
        rules,
        conflicts,
        units,
        not_counted,
        off_pathway,
        pathway: plan.pathway(),
        choose_pathway,
        counted_in,
        elsewhere: route.elsewhere_counted.clone(),
    }
}
