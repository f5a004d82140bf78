//! The solver against a brute-force oracle on small random qualifications.

mod common;

use std::collections::BTreeSet;

use proptest::prelude::*;
use unit_planner::catalogue::Qualification;
use unit_planner::engine::{
    complete_plan, evaluate, feasibility, Feasibility, NoCompletion, Plan, Status,
};

/// The cheapest completion by trying every subset of the units a suggestion may propose
/// (outside the plan, not excluded, credits known so the cost is known), judged by
/// `evaluate` alone: (credits, units, source order).
fn oracle(
    qual: &Qualification,
    plan: &Plan,
    exclude: &BTreeSet<usize>,
) -> Option<(u32, Vec<usize>)> {
    let pool: Vec<usize> = (0..qual.units.len())
        .filter(|&u| !plan.contains(u) && !exclude.contains(&u))
        .filter(|&u| plan.credits(qual, u).is_some())
        .collect();
    let mut best: Option<(u32, usize, Vec<usize>)> = None;
    for mask in 0u32..(1 << pool.len()) {
        let add: Vec<usize> = (0..pool.len())
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| pool[i])
            .collect();
        let mut trial = plan.clone();
        add.iter().for_each(|&u| trial.add(u));
        if evaluate(qual, &trial).status != Status::Complete {
            continue;
        }
        let credits: u32 = add.iter().map(|&u| plan.credits(qual, u).unwrap()).sum();
        let key = (credits, add.len(), add.clone());
        if best.as_ref().is_none_or(|b| key < *b) {
            best = Some(key);
        }
    }
    best.map(|(c, _, add)| (c, add))
}

/// Checks the solver's answer for `plan` against the oracle's.
fn agrees(
    qual: &Qualification,
    plan: &Plan,
    exclude: &BTreeSet<usize>,
) -> Result<(), TestCaseError> {
    let expected = oracle(qual, plan, exclude);
    let got = complete_plan(qual, plan, exclude);
    let context = format!(
        "{} plan {:?} exclude {exclude:?}",
        common::describe(qual),
        plan.units().collect::<Vec<_>>()
    );
    match (&expected, &got) {
        (Some((credits, add)), Ok(done)) => {
            prop_assert_eq!(*credits, done.credits_added, "{}", context);
            prop_assert_eq!(add, &done.add, "{}", context);
        }
        (None, Err(_)) => {}
        _ => prop_assert!(
            false,
            "oracle {:?} but solver {:?}: {}",
            expected,
            got,
            context
        ),
    }
    if let Ok(done) = got {
        prop_assert!(done.add.iter().all(|u| !exclude.contains(u)));
        let mut after = plan.clone();
        done.add.iter().for_each(|&u| after.add(u));
        prop_assert_eq!(evaluate(qual, &after).status, Status::Complete);
    }
    Ok(())
}

proptest! {
    #![proptest_config(common::cases(2000))]

    #[test]
    fn solver_matches_brute_force(
        qual in common::small_qualification(),
        picks in proptest::collection::vec(0usize..10, 0..3),
        excluded in proptest::collection::vec(0usize..10, 0..2),
    ) {
        let n = qual.units.len();
        let plan = Plan::with_units(&qual, picks.iter().map(|p| p % n));
        let exclude: BTreeSet<usize> = excluded.iter().map(|e| e % n).collect();
        agrees(&qual, &plan, &exclude)?;
    }
}

proptest! {
    #![proptest_config(common::cases(1000))]

    /// Many groups, caps, barred sets and chains: the shapes the bounds cut.
    #[test]
    fn solver_matches_brute_force_on_many_groups_and_barred_chains(
        qual in common::structured_qualification(),
        picks in proptest::collection::vec(0usize..12, 0..3),
    ) {
        let n = qual.units.len();
        let plan = Plan::with_units(&qual, picks.iter().map(|p| p % n));
        agrees(&qual, &plan, &BTreeSet::new())?;
    }
}

/// The statuses `check` gives the plans of `qual`: the mandatory units with every subset
/// of the others, whatever their values.
fn every_status(qual: &Qualification) -> BTreeSet<&'static str> {
    let optional: Vec<usize> = (0..qual.units.len())
        .filter(|&u| !qual.is_mandatory(u))
        .collect();
    (0u32..1 << optional.len())
        .map(|mask| {
            let chosen = (0..optional.len())
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| optional[i]);
            evaluate(qual, &Plan::with_units(qual, chosen))
                .status
                .name()
        })
        .collect()
}

proptest! {
    #![proptest_config(common::cases(1000))]

    /// `validate`'s verdict against the status of every plan.
    #[test]
    fn feasibility_matches_every_plan(qual in common::structured_qualification()) {
        let seen = every_status(&qual);
        let context = common::describe(&qual);
        match feasibility(&qual) {
            Feasibility::Possible => prop_assert!(seen.contains("complete"), "{}", context),
            Feasibility::Impossible(_) => prop_assert!(
                !seen.contains("complete") && !seen.contains("unconfirmed"),
                "impossible, yet {:?}: {}", seen, context
            ),
            Feasibility::MandatoryBlocked => prop_assert_eq!(
                evaluate(&qual, &Plan::new(&qual)).status,
                Status::Blocked
            ),
            Feasibility::Undecided(NoCompletion::Stopped | NoCompletion::TooLarge) => {
                prop_assert!(false, "small cases are decided: {}", context)
            }
            // (Some plan is left unconfirmed, but for a window whose units of unknown level
            // can never land in it, which only a subset sum shows: still undecided.)
            Feasibility::Undecided(_) => prop_assert!(
                !seen.contains("complete"),
                "undecided, yet {:?}: {}", seen, context
            ),
        }
    }
}

#[test]
fn synthetic_qualification_of_300_units_completes() {
    let qual = common::synthetic(12, 300);
    let done =
        complete_plan(&qual, &Plan::new(&qual), &BTreeSet::new()).expect("a completion exists");
    let mut after = Plan::new(&qual);
    done.add.iter().for_each(|&u| after.add(u));
    assert_eq!(evaluate(&qual, &after).status, Status::Complete);
    assert!(
        done.credits_added >= 90,
        "optional groups need at least 90 credits"
    );
}
