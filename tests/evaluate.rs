//! The evaluation against its definition, on small random qualifications: a rule is met when
//! it holds for every value the unstated credits and levels could take, unmet when it holds
//! for none, unconfirmed otherwise. The oracle tries the values one by one; it shares no
//! code with the engine beyond reading the plan.

mod common;

use proptest::prelude::*;
use unit_planner::catalogue::{Level, LevelFilter, Qualification, Rule, Scope, UnitIdx};
use unit_planner::engine::{evaluate, Availability, Entered, Plan, RuleStatus, Status};

/// Credit values an unstated credit value is tried at: every value the random rules'
/// bounds (below 20) can tell apart.
const TRIED_CREDITS: std::ops::RangeInclusive<u32> = 0..=21;

/// Every level there is.
const ALL_LEVELS: [Level; 11] = [
    Level::Entry(1),
    Level::Entry(2),
    Level::Entry(3),
    Level::Numbered(1),
    Level::Numbered(2),
    Level::Numbered(3),
    Level::Numbered(4),
    Level::Numbered(5),
    Level::Numbered(6),
    Level::Numbered(7),
    Level::Numbered(8),
];

/// Every way to fill in the unknown credits and levels of `units`: (credits, level) each.
fn fillings(qual: &Qualification, plan: &Plan, units: &[UnitIdx]) -> Vec<Vec<(u32, Level)>> {
    let mut all = vec![Vec::new()];
    for &u in units {
        let credits: Vec<u32> = match plan.credits(qual, u) {
            Some(c) => vec![c],
            None => TRIED_CREDITS.collect(),
        };
        let levels: Vec<Level> = match plan.level(qual, u) {
            Some(l) => vec![l],
            None => ALL_LEVELS.to_vec(),
        };
        let mut next = Vec::new();
        for done in &all {
            for &c in &credits {
                for &l in &levels {
                    let mut longer = done.clone();
                    longer.push((c, l));
                    next.push(longer);
                }
            }
        }
        all = next;
    }
    all
}

/// A level's place on the scale, written out here rather than taken from `Level`'s order.
fn rank(level: Level) -> u8 {
    match level {
        Level::Entry(n) => n,
        Level::Numbered(n) => 3 + n,
    }
}

/// Whether a unit at `level` counts under `filter`, from the rule's own words.
fn admits(filter: &LevelFilter, level: Level) -> bool {
    filter.from.is_none_or(|f| rank(level) >= rank(f))
        && filter.to.is_none_or(|t| rank(level) <= rank(t))
}

/// Whether a unit of `group` is counted by `scope`, from the rule's own words.
fn in_scope(qual: &Qualification, scope: &Scope, group: usize) -> bool {
    match scope {
        Scope::All => true,
        Scope::Optional => !qual.groups[group].mandatory,
        Scope::Groups(list) => list.contains(&group),
    }
}

/// For one rule: (holds for some filling, holds for every filling, over its maximum for
/// every filling).
fn quantified(qual: &Qualification, plan: &Plan, rule: &Rule) -> (bool, bool, bool) {
    let units: Vec<UnitIdx> = plan.units().collect();
    let (mut some, mut every, mut always_over) = (false, true, true);
    for filling in fillings(qual, plan, &units) {
        let in_scope = |scope: &Scope, u: UnitIdx| in_scope(qual, scope, qual.units[u].group);
        let (holds, over) = match rule {
            Rule::AllMandatory => (qual.mandatory_units().all(|u| plan.contains(u)), false),
            Rule::Credits {
                scope,
                level,
                min,
                max,
            } => {
                let total: u64 = units
                    .iter()
                    .zip(&filling)
                    .filter(|(&u, (_, l))| {
                        in_scope(scope, u) && level.is_none_or(|f| admits(&f, *l))
                    })
                    .map(|(_, (c, _))| u64::from(*c))
                    .sum();
                let over = max.is_some_and(|m| total > u64::from(m));
                (min.is_none_or(|m| total >= u64::from(m)) && !over, over)
            }
            Rule::Units { scope, min, max } => {
                let count = units.iter().filter(|&&u| in_scope(scope, u)).count() as u32;
                let over = max.is_some_and(|m| count > m);
                (min.is_none_or(|m| count >= m) && !over, over)
            }
            Rule::EachOptionalGroup { min_units } => {
                let holds = (0..qual.groups.len())
                    .filter(|&g| !qual.groups[g].mandatory)
                    .all(|g| {
                        units.iter().filter(|&&u| qual.units[u].group == g).count() as u32
                            >= *min_units
                    });
                (holds, false)
            }
            Rule::Hours { .. } | Rule::EveryUnit { .. } | Rule::Share { .. } => {
                unreachable!("not generated here: tests/measures_props.rs checks them")
            }
        };
        some |= holds;
        every &= holds;
        always_over &= over;
    }
    (some, every, always_over)
}

fn rule_status(qual: &Qualification, plan: &Plan, rule: &Rule) -> (RuleStatus, bool) {
    let (some, every, over) = quantified(qual, plan, rule);
    let status = match (some, every) {
        (_, true) => RuleStatus::Met,
        (false, _) => RuleStatus::Unmet,
        _ => RuleStatus::Unconfirmed,
    };
    (status, over)
}

fn overall(qual: &Qualification, plan: &Plan, rules: &[(RuleStatus, bool)]) -> Status {
    let barred = qual
        .barred
        .iter()
        .flat_map(|set| set.pairs())
        .any(|(a, b)| plan.contains(a) && plan.contains(b));
    if barred || rules.iter().any(|r| r.1) {
        Status::Blocked
    } else if rules.iter().any(|r| r.0 == RuleStatus::Unmet) {
        Status::Incomplete
    } else if rules.iter().any(|r| r.0 == RuleStatus::Unconfirmed) {
        Status::Unconfirmed
    } else {
        Status::Complete
    }
}

fn availability(qual: &Qualification, plan: &Plan, unit: UnitIdx) -> Availability {
    if plan.contains(unit) {
        return Availability::InPlan;
    }
    for (pa, pb) in qual.barred.iter().flat_map(|set| set.pairs()) {
        for (a, b) in [(pa, pb), (pb, pa)] {
            if a == unit && plan.contains(b) {
                return Availability::Barred {
                    with: b,
                    mandatory: qual.is_mandatory(b),
                };
            }
        }
    }
    let mut bigger = plan.clone();
    bigger.add(unit);
    for (i, entry) in qual.rules.iter().enumerate() {
        let before = quantified(qual, plan, &entry.rule).2;
        let after = quantified(qual, &bigger, &entry.rule).2;
        if after && !before {
            return Availability::OverMaximum { rule: i };
        }
    }
    Availability::Available
}

proptest! {
    #![proptest_config(common::cases(3000))]

    #[test]
    fn evaluation_matches_its_definition(
        qual in common::small_qualification(),
        picks in proptest::collection::vec(0usize..10, 0..4),
        entered in proptest::collection::vec((0usize..10, proptest::option::of(0u32..8), proptest::option::of(proptest::sample::select(common::LEVELS.to_vec()))), 0..2),
    ) {
        let n = qual.units.len();
        let mut plan = Plan::with_units(&qual, picks.iter().map(|p| p % n));
        for (u, credits, level) in entered {
            plan.set_entered(u % n, Entered { credits, level });
        }
        let open = (0..n).filter(|&u| plan.credits(&qual, u).is_none() || plan.level(&qual, u).is_none()).count();
        prop_assume!(open <= 2);
        let eval = evaluate(&qual, &plan);
        let expected: Vec<(RuleStatus, bool)> = qual.rules.iter().map(|r| rule_status(&qual, &plan, &r.rule)).collect();
        let got: Vec<(RuleStatus, bool)> = eval.rules.iter().map(|r| (r.status, r.over_max)).collect();
        let context = format!("{} plan {:?} entered {:?}", common::describe(&qual), plan.units().collect::<Vec<_>>(), plan.entered());
        prop_assert_eq!(&got, &expected, "{}", context);
        prop_assert_eq!(eval.status, overall(&qual, &plan, &expected), "{}", context);
        for u in 0..n {
            prop_assert_eq!(eval.units[u], availability(&qual, &plan, u), "unit {}: {}", u, context);
        }
    }
}

/// Credit values at the edges of `u32`.
fn edge() -> impl Strategy<Value = u32> {
    prop_oneof![
        Just(0u32),
        Just(1),
        Just(999),
        Just(u32::MAX / 2 + 1),
        Just(u32::MAX - 1),
        Just(u32::MAX)
    ]
}

proptest! {
    #![proptest_config(common::cases(2000))]

    #[test]
    fn arithmetic_at_the_numeric_limits_neither_wraps_nor_panics(
        credits in proptest::collection::vec(edge(), 1..8),
        min in proptest::option::of(edge()),
        max in proptest::option::of(edge()),
        picks in proptest::collection::vec(0usize..8, 0..8),
    ) {
        prop_assume!(min.is_some() || max.is_some());
        let units: Vec<common::UnitSpec> = credits.iter().map(|&c| (1, Some(c), Some(Level::Numbered(2)))).collect();
        let rule = Rule::Credits { scope: Scope::All, level: None, min, max };
        let qual = common::qualification(&[true, false], &units, vec![rule], &[]);
        let plan = Plan::with_units(&qual, picks.iter().map(|p| p % units.len()));
        let total: u128 = plan.units().map(|u| u128::from(credits[u])).sum();
        let meets = |t: u128| min.is_none_or(|m| t >= u128::from(m)) && max.is_none_or(|m| t <= u128::from(m));
        let over = max.is_some_and(|m| total > u128::from(m));
        let eval = evaluate(&qual, &plan);
        let expected = if over { Status::Blocked } else if meets(total) { Status::Complete } else { Status::Incomplete };
        prop_assert_eq!(eval.status, expected, "total {} credits {:?} min {:?} max {:?}", total, credits, min, max);
        let pool: Vec<usize> = (0..units.len()).filter(|&u| !plan.contains(u)).collect();
        let reachable = (0u32..1 << pool.len()).any(|mask| {
            let extra: u128 = (0..pool.len()).filter(|i| mask & 1 << i != 0).map(|i| u128::from(credits[pool[i]])).sum();
            meets(total + extra)
        });
        match unit_planner::engine::complete_plan(&qual, &plan, &Default::default()) {
            Ok(done) => {
                let mut after = plan.clone();
                done.add.iter().for_each(|&u| after.add(u));
                prop_assert_eq!(evaluate(&qual, &after).status, Status::Complete);
            }
            Err(_) => prop_assert!(over || !reachable, "a completion exists but the solver found none"),
        }
    }
}

#[test]
fn what_is_still_needed_is_said_in_plain_words() {
    let units: Vec<common::UnitSpec> = vec![
        (1, Some(4), Some(Level::Numbered(2))),
        (1, Some(3), Some(Level::Numbered(2))),
        (2, Some(1), Some(Level::Numbered(2))),
        (2, Some(1), None),
    ];
    let rules = vec![
        Rule::Credits {
            scope: Scope::Groups(vec![1]),
            level: None,
            min: None,
            max: Some(6),
        },
        Rule::Credits {
            scope: Scope::Groups(vec![1]),
            level: None,
            min: None,
            max: Some(5),
        },
        Rule::EachOptionalGroup { min_units: 1 },
        Rule::EachOptionalGroup { min_units: 2 },
        Rule::Units {
            scope: Scope::All,
            min: Some(4),
            max: None,
        },
        Rule::Units {
            scope: Scope::All,
            min: Some(3),
            max: None,
        },
        Rule::Credits {
            scope: Scope::Groups(vec![2]),
            level: Some(LevelFilter::at(Level::Numbered(2), false)),
            min: None,
            max: Some(0),
        },
    ];
    let qual = common::qualification(&[true, false, false], &units, rules, &[]);
    let eval = evaluate(&qual, &Plan::with_units(&qual, [0, 1, 3]));
    let needed: Vec<Option<&str>> = eval
        .rules
        .iter()
        .map(|r| r.still_needed.as_deref())
        .collect();
    assert_eq!(
        needed,
        [
            Some("remove 1 credit over the maximum from Group 1"),
            Some("remove 2 credits over the maximum from Group 1"),
            None,
            Some("at least 2 units from Group 2"),
            Some("1 more unit"),
            None,
            Some("the maximum from Group 2 at level 2 cannot be confirmed"),
        ]
    );
    let fewer = evaluate(&qual, &Plan::with_units(&qual, [0]));
    assert_eq!(
        fewer.rules[2].still_needed.as_deref(),
        Some("at least 1 unit from Group 2")
    );
    assert_eq!(fewer.rules[4].still_needed.as_deref(), Some("3 more units"));
}

#[test]
fn a_window_counts_from_the_credits_already_certain() {
    // 2 certain credits at level 2, and units of 3 and 4 credits whose level is unknown:
    // exactly 5 at level 2 is reached if the 3-credit unit is at level 2.
    let units: Vec<common::UnitSpec> = vec![
        (1, Some(2), Some(Level::Numbered(2))),
        (1, Some(3), None),
        (1, Some(4), None),
    ];
    let at_two = Some(LevelFilter::at(Level::Numbered(2), false));
    let exactly = |n| Rule::Credits {
        scope: Scope::All,
        level: at_two,
        min: Some(n),
        max: Some(n),
    };
    let qual = common::qualification(&[true, false], &units, vec![exactly(5), exactly(8)], &[]);
    let eval = evaluate(&qual, &Plan::with_units(&qual, [0, 1, 2]));
    let statuses: Vec<RuleStatus> = eval.rules.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [RuleStatus::Unconfirmed, RuleStatus::Unmet],
        "2+3 can make 5; nothing makes 8"
    );
}

#[test]
fn each_optional_group_counts_the_groups_covered() {
    let units: Vec<common::UnitSpec> = (1..=3)
        .map(|g| (g, Some(1), Some(Level::Numbered(2))))
        .collect();
    let qual = common::qualification(
        &[true, false, false, false],
        &units,
        vec![Rule::EachOptionalGroup { min_units: 1 }],
        &[],
    );
    let eval = evaluate(&qual, &Plan::with_units(&qual, [0, 2]));
    assert_eq!((eval.rules[0].have, eval.rules[0].need), (2, 3));
}

#[test]
fn units_without_rules_are_never_complete() {
    let units: Vec<common::UnitSpec> = vec![(1, Some(1), Some(Level::Numbered(2)))];
    let qual = common::qualification(&[true, false], &units, Vec::new(), &[]);
    assert_eq!(
        evaluate(&qual, &Plan::with_units(&qual, [0])).status,
        Status::Unconfirmed
    );
}

#[test]
fn the_first_maximum_a_unit_would_break_is_named() {
    let units: Vec<common::UnitSpec> = vec![
        (1, Some(4), Some(Level::Numbered(2))),
        (1, Some(3), Some(Level::Numbered(2))),
        (1, Some(1), Some(Level::Numbered(2))),
    ];
    let cap = |m| Rule::Credits {
        scope: Scope::All,
        level: None,
        min: None,
        max: Some(m),
    };
    let qual = common::qualification(&[true, false], &units, vec![cap(10), cap(6)], &[]);
    let eval = evaluate(&qual, &Plan::with_units(&qual, [0]));
    assert_eq!(
        eval.units[1],
        Availability::OverMaximum { rule: 1 },
        "4 + 3 is over 6, not over 10"
    );
    assert_eq!(eval.units[2], Availability::Available);
}

#[test]
fn a_plan_keeps_its_mandatory_units_and_only_real_units() {
    let units: Vec<common::UnitSpec> = vec![
        (0, Some(1), Some(Level::Numbered(2))),
        (1, Some(1), Some(Level::Numbered(2))),
    ];
    let qual = common::qualification(&[true, false], &units, vec![Rule::AllMandatory], &[]);
    let mut plan = Plan::with_units(&qual, [1, 2, 99]);
    assert_eq!(
        plan.units().collect::<Vec<_>>(),
        [0, 1],
        "unit indices past the end are ignored"
    );
    plan.remove(&qual, 0);
    plan.remove(&qual, 1);
    assert_eq!(
        plan.units().collect::<Vec<_>>(),
        [0],
        "a mandatory unit stays"
    );
    plan.set_entered(
        1,
        Entered {
            credits: Some(2),
            level: None,
        },
    );
    assert_eq!(plan.entered().get(&1).and_then(|e| e.credits), Some(2));
    assert_eq!(plan.entered().len(), 1);
}

#[test]
fn a_unit_of_unknown_level_counts_where_every_level_does() {
    let entry_one_up = Some(LevelFilter::at(Level::Entry(1), true));
    let units = vec![(0, Some(6), None), (1, Some(1), Some(Level::Numbered(2)))];
    let rule = |min, max| Rule::Credits {
        scope: Scope::All,
        level: entry_one_up,
        min,
        max,
    };
    let capped = common::qualification(&[true, false], &units, vec![rule(None, Some(5))], &[]);
    let eval = evaluate(&capped, &Plan::new(&capped));
    assert_eq!(
        eval.status,
        Status::Blocked,
        "6 credits at any level are over 5"
    );
    let wanted = common::qualification(&[true, false], &units, vec![rule(Some(6), None)], &[]);
    assert_eq!(
        evaluate(&wanted, &Plan::new(&wanted)).status,
        Status::Complete
    );
}
