//! The solver on data a centre could write: parity traps, equal credits, thousands of units,
//! up to 1,000 units in 50 groups. It answers exactly, or says that it stopped; it never
//! says "no completion" wrongly. (Times are measured by `cargo bench`, not asserted here.)

mod common;

use std::collections::BTreeSet;

use unit_planner::catalogue::{Level, Rule, Scope};
use unit_planner::engine::{
    complete_plan, complete_plan_within, evaluate, NoCompletion, Plan, Status,
};

fn optional_units(count: usize, credits: u32) -> Vec<common::UnitSpec> {
    (0..count)
        .map(|_| (1, Some(credits), Some(Level::Numbered(2))))
        .collect()
}

fn credits_rule(min: u32) -> Vec<Rule> {
    vec![Rule::Credits {
        scope: Scope::All,
        level: None,
        min: Some(min),
        max: None,
    }]
}

#[test]
fn thirty_even_units_reach_an_odd_minimum_with_eleven() {
    let qual = common::qualification(
        &[true, false],
        &optional_units(30, 2),
        credits_rule(21),
        &[],
    );
    let done = complete_plan(&qual, &Plan::new(&qual), &BTreeSet::new()).expect("a completion");
    assert_eq!((done.add.len(), done.credits_added), (11, 22));
    assert_eq!(
        done.add,
        (0..11).collect::<Vec<_>>(),
        "the earliest units in source order"
    );
}

#[test]
fn credits_sharing_a_divisor_skip_totals_they_cannot_make() {
    let mut units = optional_units(400, 6);
    units.extend(optional_units(400, 9));
    let qual = common::qualification(&[true, false], &units, credits_rule(301), &[]);
    let done = complete_plan(&qual, &Plan::new(&qual), &BTreeSet::new()).expect("a completion");
    assert_eq!(done.credits_added, 303, "totals are multiples of 3");
    assert_eq!(
        done.add.len(),
        34,
        "33 nines and a six is the fewest units making 303"
    );
}

#[test]
fn thousands_of_optional_units_are_answered() {
    let qual = common::centre_sized(20, 3000, &[2, 3, 4, 5, 6, 8, 10], 200, 7);
    let plan = Plan::new(&qual);
    let done = complete_plan(&qual, &plan, &BTreeSet::new()).expect("a completion");
    let mut after = plan.clone();
    done.add.iter().for_each(|&u| after.add(u));
    assert_eq!(evaluate(&qual, &after).status, Status::Complete);
}

#[test]
fn a_thousand_units_in_fifty_groups_are_answered_or_the_search_says_it_stopped() {
    for seed in 1..=4 {
        let qual = common::centre_sized(
            50,
            1000,
            &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15],
            250,
            seed,
        );
        let plan = Plan::new(&qual);
        match complete_plan(&qual, &plan, &BTreeSet::new()) {
            Ok(done) => {
                let mut after = plan.clone();
                done.add.iter().for_each(|&u| after.add(u));
                assert_eq!(evaluate(&qual, &after).status, Status::Complete);
            }
            Err(NoCompletion::Stopped) => {}
            Err(other) => panic!("seed {seed}: a completion exists, but the solver said {other:?}"),
        }
    }
}

#[test]
fn a_total_no_subset_can_make_is_proved_impossible_at_once() {
    // 200 distinct even credit values, and a window holding only an odd total.
    let qual = common::exact_total((0..200).map(|i| 2 * (i % 450) + 100), 20_001);
    assert_eq!(
        complete_plan_within(&qual, &Plan::new(&qual), &BTreeSet::new(), 1_000),
        Err(NoCompletion::NoUnitsSuffice)
    );
}

#[test]
fn a_search_past_its_limit_says_it_stopped() {
    // A thousand units in fifty groups cannot be searched within a tiny limit: the search
    // says so instead of "no completion".
    let credits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15];
    let qual = common::centre_sized(50, 1000, &credits, 250, 1);
    assert_eq!(
        complete_plan_within(&qual, &Plan::new(&qual), &BTreeSet::new(), 1_000),
        Err(NoCompletion::Stopped)
    );
}

#[test]
fn feasibility_names_the_rules_that_cannot_be_met_together() {
    use unit_planner::engine::{feasibility, Feasibility};
    let units: Vec<common::UnitSpec> = vec![
        (0, Some(1), Some(Level::Numbered(2))),
        (1, Some(3), Some(Level::Numbered(2))),
        (1, Some(4), Some(Level::Numbered(2))),
    ];
    let group_a = || Scope::Groups(vec![1]);
    let exact = vec![Rule::Credits {
        scope: group_a(),
        level: None,
        min: Some(5),
        max: Some(5),
    }];
    let qual = common::qualification(&[true, false], &units, exact, &[]);
    assert_eq!(feasibility(&qual), Feasibility::Impossible(vec![0]));
    let pair = vec![
        Rule::Credits {
            scope: Scope::All,
            level: None,
            min: Some(1),
            max: None,
        },
        Rule::Units {
            scope: group_a(),
            min: Some(2),
            max: None,
        },
        Rule::Credits {
            scope: group_a(),
            level: None,
            min: None,
            max: Some(6),
        },
    ];
    let qual = common::qualification(&[true, false], &units, pair, &[]);
    assert_eq!(feasibility(&qual), Feasibility::Impossible(vec![1, 2]));
    let fine = vec![Rule::Credits {
        scope: Scope::All,
        level: None,
        min: Some(4),
        max: None,
    }];
    let qual = common::qualification(&[true, false], &units, fine, &[]);
    assert_eq!(feasibility(&qual), Feasibility::Possible);
    let capped = vec![Rule::Credits {
        scope: Scope::All,
        level: None,
        min: None,
        max: Some(0),
    }];
    let qual = common::qualification(&[true, false], &units, capped, &[]);
    assert_eq!(feasibility(&qual), Feasibility::MandatoryBlocked);
    let mut unknown = units.clone();
    unknown[2].1 = None;
    let wants_seven = vec![Rule::Credits {
        scope: group_a(),
        level: None,
        min: Some(7),
        max: None,
    }];
    let qual = common::qualification(&[true, false], &unknown, wants_seven, &[]);
    assert_eq!(
        feasibility(&qual),
        Feasibility::Undecided(NoCompletion::NoUnitsSuffice),
        "an unstated credit value could make it"
    );
}

#[test]
fn feasibility_names_the_rules_of_up_to_sixty_four() {
    use unit_planner::engine::{feasibility, Feasibility};
    let units: Vec<common::UnitSpec> = vec![
        (0, Some(1), Some(Level::Numbered(2))),
        (1, Some(3), Some(Level::Numbered(2))),
    ];
    let with_rules = |count: usize| {
        let mut rules = vec![Rule::Credits {
            scope: Scope::All,
            level: None,
            min: Some(5),
            max: None,
        }];
        rules.extend((1..count).map(|_| Rule::Credits {
            scope: Scope::All,
            level: None,
            min: Some(1),
            max: None,
        }));
        common::qualification(&[true, false], &units, rules, &[])
    };
    assert_eq!(
        feasibility(&with_rules(64)),
        Feasibility::Impossible(vec![0])
    );
    assert_eq!(
        feasibility(&with_rules(65)),
        Feasibility::Impossible(Vec::new()),
        "too many rules to narrow down"
    );
}

fn level_two(group: usize, credits: Option<u32>) -> common::UnitSpec {
    (group, credits, Some(Level::Numbered(2)))
}

#[test]
fn no_rules_or_no_units_are_never_completed() {
    let none = common::qualification(&[true, false], &[level_two(1, Some(1))], Vec::new(), &[]);
    assert_eq!(
        complete_plan(&none, &Plan::new(&none), &BTreeSet::new()),
        Err(NoCompletion::NoUnitsSuffice)
    );
    let capped = vec![Rule::Credits {
        scope: Scope::All,
        level: None,
        min: None,
        max: Some(5),
    }];
    let empty = common::qualification(&[true, false], &[], capped, &[]);
    assert_eq!(
        complete_plan(&empty, &Plan::new(&empty), &BTreeSet::new()),
        Err(NoCompletion::NoUnitsSuffice)
    );
}

#[test]
fn a_unit_of_unknown_level_over_a_level_maximum_cannot_be_confirmed_by_adding() {
    let units = vec![(0, Some(5), None), level_two(1, Some(1))];
    let rules = vec![
        Rule::Credits {
            scope: Scope::All,
            level: Some(unit_planner::catalogue::LevelFilter::at(
                Level::Numbered(2),
                false,
            )),
            min: None,
            max: Some(3),
        },
        Rule::Units {
            scope: Scope::All,
            min: Some(2),
            max: None,
        },
    ];
    let qual = common::qualification(&[true, false], &units, rules, &[]);
    assert_eq!(
        complete_plan(&qual, &Plan::new(&qual), &BTreeSet::new()),
        Err(NoCompletion::UnknownInPlan)
    );
}

#[test]
fn a_rule_over_several_groups_does_not_add_to_their_own_deficits() {
    // Two units from groups 1 and 2 together, and one from each: 1 + 1 credits, not 3 + 1.
    let units = vec![
        level_two(1, Some(3)),
        level_two(1, Some(1)),
        level_two(2, Some(1)),
    ];
    let rules = vec![
        Rule::Units {
            scope: Scope::Groups(vec![1, 2]),
            min: Some(2),
            max: None,
        },
        Rule::EachOptionalGroup { min_units: 1 },
    ];
    let qual = common::qualification(&[true, false, false], &units, rules, &[]);
    let done = complete_plan(&qual, &Plan::new(&qual), &BTreeSet::new()).expect("a completion");
    assert_eq!((done.add, done.credits_added), (vec![1, 2], 2));
}

#[test]
fn too_many_rules_times_units_stop_before_taking_the_memory() {
    let groups = 1_001;
    let mut mandatory = vec![false; groups + 1];
    mandatory[0] = true;
    let units: Vec<common::UnitSpec> = (1..=groups).map(|g| level_two(g, Some(1))).collect();
    let qual = common::qualification(
        &mandatory,
        &units,
        vec![Rule::EachOptionalGroup { min_units: 1 }],
        &[],
    );
    assert_eq!(
        complete_plan(&qual, &Plan::new(&qual), &BTreeSet::new()),
        Err(NoCompletion::TooLarge)
    );
}

#[test]
fn a_plan_exactly_at_a_maximum_is_completed_elsewhere() {
    let units = vec![level_two(0, Some(3)), level_two(1, Some(2))];
    let rules = vec![
        Rule::Credits {
            scope: Scope::Groups(vec![0]),
            level: None,
            min: None,
            max: Some(3),
        },
        Rule::Units {
            scope: Scope::Groups(vec![1]),
            min: Some(1),
            max: None,
        },
    ];
    let qual = common::qualification(&[true, false], &units, rules, &[]);
    let done = complete_plan(&qual, &Plan::new(&qual), &BTreeSet::new()).expect("a completion");
    assert_eq!(done.add, [1]);
}

fn complete(qual: &unit_planner::catalogue::Qualification) -> Result<(u32, usize), NoCompletion> {
    let plan = Plan::new(qual);
    let done = complete_plan(qual, &plan, &BTreeSet::new())?;
    let mut after = plan.clone();
    done.add.iter().for_each(|&u| after.add(u));
    assert_eq!(evaluate(qual, &after).status, Status::Complete);
    Ok((done.credits_added, done.add.len()))
}

#[test]
fn shortfalls_of_eight_groups_add_up() {
    for interleaved in [false, true] {
        let qual = common::eight_groups_of_seven(interleaved);
        assert_eq!(complete(&qual), Ok((56, 24)), "interleaved: {interleaved}");
    }
}

#[test]
fn a_cap_below_what_eight_groups_need_is_proved_impossible_at_once() {
    use unit_planner::engine::{feasibility, Feasibility};
    let mut qual = common::eight_groups_of_seven(true);
    assert_eq!(feasibility(&qual), Feasibility::Possible);
    qual.rules.push(unit_planner::catalogue::RuleEntry {
        rule: Rule::Credits {
            scope: Scope::All,
            level: None,
            min: None,
            max: Some(55),
        },
        basis: unit_planner::catalogue::Basis::Inferred("test".into()),
        pathways: Vec::new(),
    });
    assert_eq!(
        complete_plan_within(&qual, &Plan::new(&qual), &BTreeSet::new(), 10_000),
        Err(NoCompletion::NoUnitsSuffice)
    );
    assert!(
        matches!(feasibility(&qual), Feasibility::Impossible(_)),
        "validate says so"
    );
}

/// Every (credits, units) an independent set of a chain of barred neighbours can make, by
/// dynamic programming along the chain: the oracle for the chain cases.
fn chain_totals(credits: &[u32]) -> BTreeSet<(u32, usize)> {
    // (last unit taken, credits, units)
    let mut states: BTreeSet<(bool, u32, usize)> = BTreeSet::from([(false, 0, 0)]);
    for &c in credits {
        let mut next = BTreeSet::new();
        for &(last, sum, count) in &states {
            next.insert((false, sum, count));
            if !last {
                next.insert((true, sum + c, count + 1));
            }
        }
        states = next;
    }
    states.into_iter().map(|(_, s, n)| (s, n)).collect()
}

fn chain_credits(seed: u64) -> Vec<u32> {
    let mut rng = common::Xorshift(seed);
    (0..60).map(|_| 1 + rng.below(9) as u32).collect()
}

#[test]
fn a_chain_of_sixty_barred_neighbours_is_answered_exactly() {
    for seed in 1..=3 {
        let credits = chain_credits(seed);
        let totals = chain_totals(&credits);
        let most = totals.iter().map(|t| t.0).max().unwrap();
        // The cheapest (credits, units) of the totals that qualify.
        let best = |qualifies: &dyn Fn(&(u32, usize)) -> bool| {
            let mut fitting = totals.iter().filter(|t| qualifies(t));
            fitting.next().copied().ok_or(NoCompletion::NoUnitsSuffice)
        };
        for min in [most / 2, most - 10, most - 1, most, most + 1] {
            let qual = common::barred_chain(&credits, credits_rule(min));
            let expected = best(&|t| t.0 >= min);
            assert_eq!(
                complete(&qual),
                expected,
                "seed {seed}, at least {min} credits"
            );
        }
        for units in [29, 30, 31] {
            let rules = vec![Rule::Units {
                scope: Scope::All,
                min: Some(units),
                max: None,
            }];
            let qual = common::barred_chain(&credits, rules);
            let expected = best(&|t| t.1 >= units as usize);
            assert_eq!(
                complete(&qual),
                expected,
                "seed {seed}, at least {units} units"
            );
        }
    }
}

#[test]
fn a_cap_on_level_one_credits_against_a_unit_from_each_group_is_proved_impossible_at_once() {
    // The least each group can give, worked out directly.
    let open = common::capped_level_one(30, 10, 99_999);
    let least: u32 = (1..=30)
        .map(|g| {
            open.units
                .iter()
                .filter(|u| u.group == g)
                .map(|u| *u.credits.value().unwrap())
                .min()
                .unwrap()
        })
        .sum();
    let qual = common::capped_level_one(30, 10, least - 1);
    assert_eq!(
        complete_plan_within(&qual, &Plan::new(&qual), &BTreeSet::new(), 10_000),
        Err(NoCompletion::NoUnitsSuffice)
    );
    let room = common::capped_level_one(30, 10, least);
    assert_eq!(
        complete(&room),
        Ok((least, 30)),
        "the cheapest unit of each group"
    );
}

#[test]
fn feasibility_sees_past_unstated_values_that_cannot_help() {
    use unit_planner::engine::{feasibility, Feasibility};
    // Five credits of unknown level may count toward "at least 5 at level 2" in group A,
    // but certainly count toward "at most 3 in group A": check rejects every plan.
    let units = vec![
        level_two(0, Some(1)),
        (1, Some(5), None),
        level_two(1, Some(1)),
    ];
    let rules = vec![
        Rule::Credits {
            scope: Scope::Groups(vec![1]),
            level: Some(unit_planner::catalogue::LevelFilter::at(
                Level::Numbered(2),
                false,
            )),
            min: Some(5),
            max: None,
        },
        Rule::Credits {
            scope: Scope::Groups(vec![1]),
            level: None,
            min: None,
            max: Some(3),
        },
    ];
    let qual = common::qualification(&[true, false], &units, rules.clone(), &[]);
    assert_eq!(feasibility(&qual), Feasibility::Impossible(vec![0, 1]));
    // With room for the five, whether it counts at level 2 is open: undecided.
    let mut roomy = rules;
    roomy[1] = Rule::Credits {
        scope: Scope::Groups(vec![1]),
        level: None,
        min: None,
        max: Some(6),
    };
    let qual = common::qualification(&[true, false], &units, roomy, &[]);
    assert_eq!(
        feasibility(&qual),
        Feasibility::Undecided(NoCompletion::NoUnitsSuffice)
    );
    // A mandatory unit of unstated credits leaves a maximum open, yet the minimum is out
    // of reach whatever its credits: still impossible.
    let units = vec![(0, None, Some(Level::Numbered(2))), level_two(1, Some(1))];
    let rules = vec![
        Rule::Units {
            scope: Scope::Groups(vec![1]),
            min: Some(2),
            max: None,
        },
        Rule::Credits {
            scope: Scope::All,
            level: None,
            min: None,
            max: Some(9),
        },
    ];
    let qual = common::qualification(&[true, false], &units, rules, &[]);
    assert_eq!(feasibility(&qual), Feasibility::Impossible(vec![0]));
}

#[test]
fn a_group_may_spend_past_its_least_where_the_budget_allows() {
    // Group 1 needs 5 (3 + 1 + 1 at least), group 2 needs 1, the total 7: within 7 credits
    // group 1 may spend 6, and its one 6 beats 3 + 3 on units.
    let units: Vec<common::UnitSpec> = [3, 3, 1, 1, 1, 1, 1, 6]
        .iter()
        .map(|&c| level_two(1, Some(c)))
        .chain([level_two(2, Some(1))])
        .collect();
    let at_least = |scope, min| Rule::Credits {
        scope,
        level: None,
        min: Some(min),
        max: None,
    };
    let rules = vec![
        at_least(Scope::Groups(vec![1]), 5),
        at_least(Scope::Groups(vec![2]), 1),
        at_least(Scope::All, 7),
    ];
    let qual = common::qualification(&[true, false, false], &units, rules, &[]);
    assert_eq!(complete(&qual), Ok((7, 2)));
}

#[test]
fn an_exact_total_no_subset_makes_is_proved_impossible_at_once() {
    let credits: Vec<u32> = (0..60).map(|i| 100 + 7 * i + (i * i) % 13).collect();
    // The subset sums, worked out directly; the first one missing past 1,500.
    let mut sums = vec![false; 40_000];
    sums[0] = true;
    for &c in &credits {
        for s in (c as usize..sums.len()).rev() {
            sums[s] |= sums[s - c as usize];
        }
    }
    let missing = (1_500..).find(|&s| !sums[s]).unwrap() as u32;
    let qual = common::exact_total(credits.iter().copied(), missing);
    assert_eq!(
        complete_plan_within(&qual, &Plan::new(&qual), &BTreeSet::new(), 10_000),
        Err(NoCompletion::NoUnitsSuffice),
        "{missing} is no subset's total"
    );
    let qual = common::exact_total(credits.iter().copied(), missing + 1);
    assert!(sums[missing as usize + 1]);
    assert_eq!(complete(&qual).map(|done| done.0), Ok(missing + 1));
}
