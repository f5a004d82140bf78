//! The rules engine on the real catalogue: statuses a learner would see.

use std::collections::BTreeSet;

use unit_planner::catalogue::{builtin, Level, Qualification};
use unit_planner::engine::{
    complete_plan, evaluate, Availability, Entered, NoCompletion, Plan, RuleStatus, Status,
};

fn qual(id: &str) -> &'static Qualification {
    builtin::find(builtin::catalogue(), id).unwrap()
}

fn plan(q: &Qualification, units: &[&str]) -> Plan {
    Plan::with_units(q, units.iter().map(|u| q.find_unit(u).unwrap()))
}

#[test]
fn mandatory_units_alone_leave_a_plan_incomplete_with_what_is_needed() {
    let q = qual("vtct-l1-cert-principles-cs");
    let eval = evaluate(q, &Plan::new(q));
    assert_eq!(eval.status, Status::Incomplete);
    let total = &eval.rules[1];
    assert_eq!(
        (total.status, total.have, total.need),
        (RuleStatus::Unmet, 5, 13)
    );
    assert_eq!(total.still_needed.as_deref(), Some("8 more credits"));
}

#[test]
fn a_valid_choice_completes_and_a_barred_pair_blocks() {
    let q = qual("vtct-l1-cert-principles-cs");
    let good = evaluate(q, &plan(q, &["CSP14", "CSP15", "CSP16", "CSP17"]));
    assert_eq!(good.status, Status::Complete);
    let bad = evaluate(q, &plan(q, &["CSP04", "CSP14", "CSP15", "CSP16", "CSP17"]));
    assert_eq!(bad.status, Status::Blocked);
    assert_eq!(
        bad.conflicts,
        vec![(q.find_unit("CSP04").unwrap(), q.find_unit("CSP14").unwrap())]
    );
}

#[test]
fn entry_level_credits_do_not_count_at_level_one() {
    let q = qual("vtct-l1-cert-principles-cs");
    let eval = evaluate(q, &plan(q, &["CSP04", "CSP06", "CSP07", "CSP09"]));
    let level = eval
        .rules
        .iter()
        .find(|r| r.text.contains("level 1"))
        .unwrap();
    assert_eq!((level.status, level.have), (RuleStatus::Unmet, 5));
    assert_eq!(eval.status, Status::Incomplete);
}

#[test]
fn units_barred_with_mandatory_units_say_so() {
    let q = qual("vtct-l1-cert-principles-cs");
    let eval = evaluate(q, &Plan::new(q));
    let csp05 = q.find_unit("CSP05").unwrap();
    assert_eq!(
        eval.units[csp05],
        Availability::Barred {
            with: q.find_unit("CSP02").unwrap(),
            mandatory: true
        }
    );
    let csp14 = q.find_unit("CSP14").unwrap();
    assert_eq!(eval.units[csp14], Availability::Available);
    let chosen = evaluate(q, &plan(q, &["CSP14"]));
    assert_eq!(
        chosen.units[q.find_unit("CSP04").unwrap()],
        Availability::Barred {
            with: csp14,
            mandatory: false
        }
    );
}

#[test]
fn unknown_credit_values_are_unconfirmed_never_met() {
    let q = qual("ncfe-l1-nvq-cert-cs");
    let all: Vec<usize> = (0..q.units.len()).collect();
    let eval = evaluate(q, &Plan::with_units(q, all));
    assert_eq!(eval.status, Status::Unconfirmed);
    assert!(eval
        .rules
        .iter()
        .all(|r| r.status != RuleStatus::Met || !r.text.contains("credits")));
    assert_eq!(
        complete_plan(q, &Plan::new(q), &BTreeSet::new()),
        Err(NoCompletion::NoUnitsSuffice),
        "units with unstated credits are never proposed"
    );
}

#[test]
fn a_missing_group_is_still_incomplete_even_with_unknown_credits() {
    let q = qual("ncfe-l1-nvq-cert-cs");
    let eval = evaluate(q, &plan(q, &["R/601/1209"]));
    assert_eq!(eval.status, Status::Incomplete);
    let each = eval
        .rules
        .iter()
        .find(|r| r.text.contains("each optional group"))
        .unwrap();
    assert!(each
        .still_needed
        .as_deref()
        .unwrap()
        .contains("Handling Problems Theme"));
}

#[test]
fn values_entered_by_the_learner_confirm_a_plan() {
    let q = qual("ncfe-l1-nvq-cert-cs");
    let picks = ["R/601/1209", "A/601/1205", "M/601/1508"];
    let mut p = plan(q, &picks);
    for u in p.units().collect::<Vec<_>>() {
        p.set_entered(
            u,
            Entered {
                credits: Some(4),
                level: Some(Level::Numbered(1)),
            },
        );
    }
    assert_eq!(
        evaluate(q, &p).status,
        Status::Incomplete,
        "20 credits of the 22 needed"
    );
    let extra = q.find_unit("T/601/1509").unwrap();
    p.add(extra);
    p.set_entered(
        extra,
        Entered {
            credits: Some(2),
            level: Some(Level::Numbered(1)),
        },
    );
    assert_eq!(evaluate(q, &p).status, Status::Complete);
}

#[test]
fn a_qualification_with_only_mandatory_units_is_complete_from_the_start() {
    let q = qual("ncfe-l2-dip-cs-practitioners");
    assert_eq!(evaluate(q, &Plan::new(q)).status, Status::Complete);
}

#[test]
fn an_empty_qualification_is_never_complete() {
    let mut q = qual("ncfe-l2-dip-cs-practitioners").clone();
    q.units.clear();
    q.rules.clear();
    assert_ne!(evaluate(&q, &Plan::new(&q)).status, Status::Complete);
}

#[test]
fn the_suggestion_completes_the_largest_qualification_with_the_fewest_credits() {
    let q = qual("cg-l3-nvq-dip-cs");
    let done = complete_plan(q, &Plan::new(q), &BTreeSet::new()).unwrap();
    assert_eq!(
        done.credits_added, 30,
        "12 mandatory credits plus the 30 optional credits needed"
    );
    let mut after = Plan::new(q);
    done.add.iter().for_each(|&u| after.add(u));
    assert_eq!(evaluate(q, &after).status, Status::Complete);
    let excluded: BTreeSet<usize> = done.add.iter().copied().collect();
    let other = complete_plan(q, &Plan::new(q), &excluded).unwrap();
    assert!(other.add.iter().all(|u| !excluded.contains(u)));
}

#[test]
fn a_blocked_plan_cannot_be_completed() {
    let q = qual("vtct-l1-cert-principles-cs");
    assert_eq!(
        complete_plan(q, &plan(q, &["CSP05"]), &BTreeSet::new()),
        Err(NoCompletion::Blocked)
    );
}
