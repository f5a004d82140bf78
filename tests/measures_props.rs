//! Level bands, hours as a rule's measure, shares and "only one of these counts" against
//! their definitions on small random qualifications: a rule is met when it holds for every
//! value the unstated credits, levels and GLH could take, unmet when it holds for none,
//! unconfirmed otherwise. The oracle tries the values one by one and reads the rules' own
//! words (bands, shares, which unit counts) with its own code; the solver is checked
//! against every subset of the units, judged by `evaluate`.

mod common;

use std::collections::BTreeSet;

use proptest::prelude::*;
use unit_planner::catalogue::{
    Basis, Fraction, Hours, Level, LevelFilter, OnlyOneCounts, Qualification, Rule, Scope, Sourced,
    UnitIdx,
};
use unit_planner::engine::{
    complete_plan, evaluate, feasibility, Availability, Feasibility, NoCompletion, Plan,
    RuleStatus, Status,
};

/// The levels rules and units use here.
const LEVELS: [Level; 4] = [
    Level::Entry(3),
    Level::Numbered(1),
    Level::Numbered(2),
    Level::Numbered(3),
];

/// Levels an unstated level is tried at: one below, each used, one above.
const TRIED_LEVELS: [Level; 6] = [
    Level::Entry(1),
    Level::Entry(3),
    Level::Numbered(1),
    Level::Numbered(2),
    Level::Numbered(3),
    Level::Numbered(4),
];

/// Values an unstated credit value or GLH is tried at: every value the bounds (below 20)
/// tell apart, and one past any share's reach.
fn tried_values() -> Vec<u32> {
    (0..=21).chain([500]).collect()
}

/// A level's place on the scale, written out here.
fn rank(level: Level) -> u8 {
    match level {
        Level::Entry(n) => n,
        Level::Numbered(n) => 3 + n,
    }
}

fn in_band(band: &LevelFilter, level: Level) -> bool {
    band.from.is_none_or(|f| rank(level) >= rank(f))
        && band.to.is_none_or(|t| rank(level) <= rank(t))
}

fn in_scope(qual: &Qualification, scope: &Scope, unit: UnitIdx) -> bool {
    let group = qual.units[unit].group;
    match scope {
        Scope::All => true,
        Scope::Optional => !qual.groups[group].mandatory,
        Scope::Groups(list) => list.contains(&group),
    }
}

/// One plan unit with every value filled in.
#[derive(Debug, Clone, Copy)]
struct Filled {
    unit: UnitIdx,
    credits: u32,
    level: Level,
    glh: u32,
}

/// Every way to fill in the unknown values of the plan's units.
fn fillings(qual: &Qualification, plan: &Plan) -> Vec<Vec<Filled>> {
    let mut all = vec![Vec::new()];
    for u in plan.units() {
        let credits = plan.credits(qual, u).map_or_else(tried_values, |c| vec![c]);
        let levels = plan
            .level(qual, u)
            .map_or(TRIED_LEVELS.to_vec(), |l| vec![l]);
        let glh = qual.units[u]
            .glh
            .value()
            .map_or_else(tried_values, |&g| vec![g]);
        let mut next = Vec::new();
        for done in &all {
            for &c in &credits {
                for &l in &levels {
                    for &g in &glh {
                        let mut longer = done.clone();
                        longer.push(Filled {
                            unit: u,
                            credits: c,
                            level: l,
                            glh: g,
                        });
                        next.push(longer);
                    }
                }
            }
        }
        all = next;
    }
    all
}

/// The units that count: of each "only one" set, the one of most credits, first listed
/// on a tie.
fn counted(qual: &Qualification, filling: &[Filled]) -> Vec<Filled> {
    let credits = |u: UnitIdx| filling.iter().find(|f| f.unit == u).map(|f| f.credits);
    let mut out_of_count = BTreeSet::new();
    for set in &qual.only_one {
        let mut winner: Option<(UnitIdx, u32)> = None;
        for &u in &set.units {
            if let Some(c) = credits(u) {
                if winner.is_none_or(|(_, w)| c > w) {
                    winner = Some((u, c));
                }
            }
        }
        for &u in &set.units {
            if credits(u).is_some() && winner.is_some_and(|(w, _)| w != u) {
                out_of_count.insert(u);
            }
        }
    }
    filling
        .iter()
        .copied()
        .filter(|f| !out_of_count.contains(&f.unit))
        .collect()
}

/// For one filling: (holds, over its maximum).
fn holds(qual: &Qualification, filling: &[Filled], rule: &Rule) -> (bool, bool) {
    let counting = counted(qual, filling);
    let within = |total: u64, min: &Option<u32>, max: &Option<u32>| {
        let over = max.is_some_and(|m| total > u64::from(m));
        (min.is_none_or(|m| total >= u64::from(m)) && !over, over)
    };
    let sum = |scope: &Scope, band: &Option<LevelFilter>, value: &dyn Fn(&Filled) -> u32| {
        counting
            .iter()
            .filter(|f| in_scope(qual, scope, f.unit) && band.is_none_or(|b| in_band(&b, f.level)))
            .map(|f| u64::from(value(f)))
            .sum::<u64>()
    };
    match rule {
        Rule::AllMandatory => (
            qual.mandatory_units()
                .all(|u| filling.iter().any(|f| f.unit == u)),
            false,
        ),
        Rule::Credits {
            scope,
            level,
            min,
            max,
        } => within(sum(scope, level, &|f| f.credits), min, max),
        Rule::Hours {
            scope,
            level,
            min,
            max,
            ..
        } => within(sum(scope, level, &|f| f.glh), min, max),
        Rule::Units { scope, min, max } => within(sum(scope, &None, &|_| 1), min, max),
        Rule::EveryUnit { scope, level } => {
            let every = filling
                .iter()
                .filter(|f| in_scope(qual, scope, f.unit))
                .all(|f| in_band(level, f.level));
            (every, !every)
        }
        Rule::Share {
            scope,
            level,
            share,
        } => {
            let inside = sum(scope, &Some(*level), &|f| f.credits);
            let whole = sum(scope, &None, &|f| f.credits);
            (
                inside * u64::from(share.den) >= whole * u64::from(share.num),
                false,
            )
        }
        Rule::EachOptionalGroup { .. } => unreachable!("not generated"),
    }
}

/// For one rule: (holds for some filling, for every filling, over for every filling).
fn quantified(qual: &Qualification, plan: &Plan, rule: &Rule) -> (bool, bool, bool) {
    let (mut some, mut every, mut always_over) = (false, true, true);
    for filling in fillings(qual, plan) {
        let (h, over) = holds(qual, &filling, rule);
        some |= h;
        every &= h;
        always_over &= over;
    }
    (some, every, always_over)
}

fn status_of(some: bool, every: bool) -> RuleStatus {
    match (some, every) {
        (_, true) => RuleStatus::Met,
        (false, _) => RuleStatus::Unmet,
        _ => RuleStatus::Unconfirmed,
    }
}

/// Whether which unit of some "only one" set counts depends on credits not stated.
fn undecided(qual: &Qualification, plan: &Plan) -> bool {
    qual.only_one.iter().any(|set| {
        let held: Vec<UnitIdx> = set
            .units
            .iter()
            .copied()
            .filter(|&u| plan.contains(u))
            .collect();
        held.len() >= 2 && held.iter().any(|&u| plan.credits(qual, u).is_none())
    })
}

/// How many values of the plan are unknown (each multiplies the fillings).
fn unknowns(qual: &Qualification, plan: &Plan) -> usize {
    plan.units()
        .map(|u| {
            usize::from(plan.credits(qual, u).is_none())
                + usize::from(plan.level(qual, u).is_none())
                + usize::from(qual.units[u].glh.value().is_none())
        })
        .sum()
}

fn band() -> impl Strategy<Value = LevelFilter> {
    (
        proptest::option::of(proptest::sample::select(LEVELS.to_vec())),
        proptest::option::of(proptest::sample::select(LEVELS.to_vec())),
    )
        .prop_filter("a band", |(a, b)| a.is_some() || b.is_some())
        .prop_map(|(a, b)| match (a, b) {
            (Some(a), Some(b)) if a > b => LevelFilter {
                from: Some(b),
                to: Some(a),
            },
            (from, to) => LevelFilter { from, to },
        })
}

fn scope(groups: usize) -> impl Strategy<Value = Scope> {
    prop_oneof![
        Just(Scope::All),
        Just(Scope::Optional),
        (1..groups).prop_map(|g| Scope::Groups(vec![g])),
    ]
}

fn bounds() -> impl Strategy<Value = (Option<u32>, Option<u32>)> {
    (
        proptest::option::of(1u32..16),
        proptest::option::of(0u32..20),
    )
        .prop_filter("a bound", |(a, b)| a.is_some() || b.is_some())
        .prop_map(|(a, b)| match (a, b) {
            (Some(a), Some(b)) if a > b => (Some(b.max(1)), Some(a)),
            other => other,
        })
}

fn rule(groups: usize) -> impl Strategy<Value = Rule> {
    prop_oneof![
        (scope(groups), proptest::option::of(band()), bounds()).prop_map(
            |(scope, level, (min, max))| Rule::Credits {
                scope,
                level,
                min,
                max
            }
        ),
        (scope(groups), proptest::option::of(band()), bounds()).prop_map(
            |(scope, level, (min, max))| Rule::Hours {
                measure: Hours::Glh,
                scope,
                level,
                min,
                max
            }
        ),
        (scope(groups), band()).prop_map(|(scope, level)| Rule::EveryUnit { scope, level }),
        (scope(groups), band(), 1u32..5, 1u32..5).prop_map(|(scope, level, a, b)| {
            Rule::Share {
                scope,
                level,
                share: Fraction::new(a.min(b), a.max(b)).expect("0 < a ≤ b"),
            }
        }),
        (scope(groups), bounds()).prop_map(|(scope, (min, max))| Rule::Units { scope, min, max }),
    ]
}

prop_compose! {
    /// Group 0 mandatory; up to 7 units, some of unstated credits, level or GLH; 1-3
    /// rules; up to two disjoint "only one" sets.
    fn measured_qualification()(groups in 2usize..4)(
        units in proptest::collection::vec((
            0..groups,
            proptest::option::weighted(0.9, 0u32..7),
            proptest::option::weighted(0.9, proptest::sample::select(LEVELS.to_vec())),
            proptest::option::weighted(0.85, 0u32..9),
        ), 1..8),
        rules in proptest::collection::vec(rule(groups), 1..4),
        sets in proptest::collection::vec(proptest::collection::vec(0usize..8, 2..4), 0..3),
        groups in Just(groups),
    ) -> Qualification {
        let mandatory: Vec<bool> = (0..groups).map(|g| g == 0).collect();
        let specs: Vec<common::UnitSpec> = units.iter().map(|&(g, c, l, _)| (g, c, l)).collect();
        let mut qual = common::qualification(&mandatory, &specs, rules, &[]);
        for (unit, &(_, _, _, glh)) in qual.units.iter_mut().zip(&units) {
            unit.glh = glh.map_or(Sourced::unknown("test"), |g| Sourced::stated(g, 1));
        }
        let n = units.len();
        let mut used = BTreeSet::new();
        for set in sets {
            let mut members: Vec<usize> = Vec::new();
            for u in set.into_iter().map(|u| u % n) {
                if used.insert(u) {
                    members.push(u);
                }
            }
            if members.len() >= 2 {
                qual.only_one.push(OnlyOneCounts { units: members, basis: Basis::Stated { line: 1, to: None } });
            }
        }
        qual
    }
}

fn describe(qual: &Qualification) -> String {
    let sets: Vec<_> = qual.only_one.iter().map(|s| &s.units).collect();
    let glh: Vec<_> = qual.units.iter().map(|u| u.glh.value().copied()).collect();
    format!("{} glh {glh:?} only one {sets:?}", common::describe(qual))
}

/// The oracle's availability: the first rule that adding `unit` puts over its maximum
/// for every filling, where the plan is not already.
fn availability(qual: &Qualification, plan: &Plan, unit: UnitIdx) -> Availability {
    if plan.contains(unit) {
        return Availability::InPlan;
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
    #![proptest_config(common::cases(1500))]

    #[test]
    fn evaluation_of_bands_hours_shares_and_only_one_matches_its_definition(
        qual in measured_qualification(),
        picks in proptest::collection::vec(0usize..8, 0..5),
    ) {
        let n = qual.units.len();
        let plan = Plan::with_units(&qual, picks.iter().map(|p| p % n));
        prop_assume!(unknowns(&qual, &plan) <= 2);
        let eval = evaluate(&qual, &plan);
        let context = format!("{} plan {:?}", describe(&qual), plan.units().collect::<Vec<_>>());
        let exact = !undecided(&qual, &plan);
        let mut oracle = Vec::new();
        for (entry, result) in qual.rules.iter().zip(&eval.rules) {
            let (some, every, over) = quantified(&qual, &plan, &entry.rule);
            let expected = status_of(some, every);
            oracle.push((expected, over));
            if exact {
                prop_assert_eq!(result.status, expected, "{:?}: {}", entry.rule, context);
                prop_assert_eq!(result.over_max, over, "{:?}: {}", entry.rule, context);
            } else {
                // Which unit counts is undecided: the verdict may claim less, never more.
                prop_assert!(result.status != RuleStatus::Met || every, "{:?}: {}", entry.rule, context);
                prop_assert!(result.status != RuleStatus::Unmet || !some, "{:?}: {}", entry.rule, context);
                prop_assert!(!result.over_max || over, "{:?}: {}", entry.rule, context);
            }
        }
        if exact {
            let status = if oracle.iter().any(|r| r.1) {
                Status::Blocked
            } else if oracle.iter().any(|r| r.0 == RuleStatus::Unmet) {
                Status::Incomplete
            } else if oracle.iter().any(|r| r.0 == RuleStatus::Unconfirmed) {
                Status::Unconfirmed
            } else {
                Status::Complete
            };
            prop_assert_eq!(eval.status, status, "{}", context);
        }
        for u in 0..n {
            let mut bigger = plan.clone();
            bigger.add(u);
            if unknowns(&qual, &bigger) <= 2 && !undecided(&qual, &bigger) && exact {
                prop_assert_eq!(eval.units[u], availability(&qual, &plan, u), "unit {}: {}", u, context);
            }
        }
        // Which unit does not count is named only when the credits decide it.
        for &(out, counts) in &eval.not_counted {
            prop_assert!(plan.contains(out) && plan.contains(counts) && out != counts);
            let (a, b) = (plan.credits(&qual, counts), plan.credits(&qual, out));
            prop_assert!(a.is_some() && b.is_some() && a >= b, "{}", context);
        }
    }
}

/// The cheapest completion by trying every subset of the units a suggestion may propose
/// (outside the plan, credits known), judged by `evaluate` alone: (credits, units, order).
fn cheapest(qual: &Qualification, plan: &Plan) -> Option<(u32, Vec<usize>)> {
    let pool: Vec<usize> = (0..qual.units.len())
        .filter(|&u| !plan.contains(u) && plan.credits(qual, u).is_some())
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

proptest! {
    #![proptest_config(common::cases(1500))]

    #[test]
    fn solver_with_bands_hours_shares_and_only_one_matches_brute_force(
        qual in measured_qualification(),
        picks in proptest::collection::vec(0usize..8, 0..3),
    ) {
        let n = qual.units.len();
        let plan = Plan::with_units(&qual, picks.iter().map(|p| p % n));
        let expected = cheapest(&qual, &plan);
        let got = complete_plan(&qual, &plan, &BTreeSet::new());
        let context = format!("{} plan {:?}", describe(&qual), plan.units().collect::<Vec<_>>());
        match (&expected, &got) {
            (Some((credits, add)), Ok(done)) => {
                prop_assert_eq!(*credits, done.credits_added, "{}", context);
                prop_assert_eq!(add, &done.add, "{}", context);
            }
            (None, Err(NoCompletion::Stopped | NoCompletion::TooLarge)) => {
                prop_assert!(false, "small cases are decided: {}", context)
            }
            (None, Err(_)) => {}
            _ => prop_assert!(false, "oracle {:?} but solver {:?}: {}", expected, got, context),
        }
    }
}

/// The statuses `check` gives the plans of `qual`: the mandatory units with every subset
/// of the others.
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
    fn feasibility_with_bands_hours_shares_and_only_one_matches_every_plan(
        qual in measured_qualification(),
    ) {
        let seen = every_status(&qual);
        let context = describe(&qual);
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
            Feasibility::Undecided(_) => prop_assert!(
                !seen.contains("complete"),
                "undecided, yet {:?}: {}", seen, context
            ),
        }
    }
}
