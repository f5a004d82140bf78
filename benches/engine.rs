//! Engine timings: check and suggest on the largest real qualification and a synthetic one
//! of 300 units in 12 groups; check on 5,000 units with 2,000 maximum rules; suggest at the
//! solver's limits (1,000 units in 50 groups, 3,000 units, a case that runs to the work limit,
//! and the adversarial shapes: eight groups' shortfalls, a barred chain, a level-1 cap), and
//! the same 1,000 units with a GLH minimum, a share at level 3 or above and "only one of
//! these counts" pairs.

#[path = "../tests/common/mod.rs"]
mod common;

use std::collections::BTreeSet;

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use unit_planner::catalogue::{
    builtin, Basis, Fraction, Hours, Level, LevelFilter, OnlyOneCounts, Qualification, Rule, Scope,
    Sourced,
};
use unit_planner::engine::{complete_plan, evaluate, Plan};

fn everyday(c: &mut Criterion) {
    let largest =
        builtin::find(builtin::catalogue(), "cg-l3-nvq-dip-cs").expect("built-in qualification");
    let synthetic = common::synthetic(12, 300);
    for (name, qual) in [
        ("cg-l3-nvq-dip-cs", largest),
        ("synthetic-300x12", &synthetic),
    ] {
        let half = Plan::with_units(qual, (0..qual.units.len()).step_by(2));
        let empty = Plan::new(qual);
        c.bench_function(&format!("check/{name}"), |b| {
            b.iter(|| evaluate(qual, black_box(&half)))
        });
        c.bench_function(&format!("suggest/{name}"), |b| {
            b.iter(|| complete_plan(qual, black_box(&empty), &BTreeSet::new()))
        });
    }
    let big = common::many_maxima(2500, 2000);
    let half = Plan::with_units(&big, (0..big.units.len()).step_by(2));
    c.bench_function("check/5000-units-2000-maxima", |b| {
        b.iter(|| evaluate(&big, black_box(&half)))
    });
}

fn limits(c: &mut Criterion) {
    let mut group = c.benchmark_group("suggest-limits");
    group.sample_size(10);
    let mut cases: Vec<(String, Qualification)> = (1..=4)
        .map(|seed| {
            let credits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15];
            (
                format!("1000x50-seed{seed}"),
                common::centre_sized(50, 1000, &credits, 250, seed),
            )
        })
        .collect();
    cases.push((
        "3000x20".into(),
        common::centre_sized(20, 3000, &[2, 3, 4, 5, 6, 8, 10], 200, 7),
    ));
    // Distinct credit values and an exact total: subset sum, the hardest case here (it ran
    // to the work limit before the bounds of `solver::bounds`).
    let distinct = (0..60).map(|i| 100 + 2 * i + (i % 3));
    cases.push((
        "exact-total-60-distinct".into(),
        common::exact_total(distinct, 3_001),
    ));
    // The adversarial shapes: shortfalls that add up, a chain of barred neighbours, a cap
    // against forced choices (no completion).
    cases.push((
        "eight-groups-of-seven".into(),
        common::eight_groups_of_seven(true),
    ));
    let chain: Vec<u32> = {
        let mut rng = common::Xorshift(1);
        (0..60).map(|_| 1 + rng.below(9) as u32).collect()
    };
    // The most credits the chain can give (no two neighbours), asked for exactly.
    let most = chain
        .iter()
        .fold((0, 0), |(with, without): (u32, u32), &c| {
            (without + c, with.max(without))
        });
    let most = most.0.max(most.1);
    for (name, min) in [("chain-60-most-credits", most), ("chain-60-31-units", 0)] {
        let rules = if min > 0 {
            vec![Rule::Credits {
                scope: Scope::All,
                level: None,
                min: Some(min),
                max: None,
            }]
        } else {
            vec![Rule::Units {
                scope: Scope::All,
                min: Some(31),
                max: None,
            }]
        };
        cases.push((name.into(), common::barred_chain(&chain, rules)));
    }
    cases.push((
        "300-level-one-capped".into(),
        common::capped_level_one(30, 10, 20),
    ));
    cases.push(("1000x50-glh-share-only-one".into(), measured(1)));
    for (name, qual) in &cases {
        let empty = Plan::new(qual);
        group.bench_function(name.as_str(), |b| {
            b.iter(|| complete_plan(qual, black_box(&empty), &BTreeSet::new()))
        });
    }
    group.finish();
}

/// `centre_sized(50, 1000, …)` with each unit's GLH (7–10 an credit), at least 1,800 GLH,
/// at least half of the optional credits at level 3 or above, and 50 "only one" pairs.
fn measured(seed: u64) -> Qualification {
    let credits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15];
    let mut qual = common::centre_sized(50, 1000, &credits, 250, seed);
    let mut rng = common::Xorshift(seed | 1);
    for unit in &mut qual.units {
        let c = unit.credits.value().copied().unwrap_or(0);
        unit.glh = Sourced::stated(c * (7 + rng.below(4) as u32), 1);
    }
    let basis = Basis::Stated { line: 1, to: None };
    qual.rules.extend(
        [
            Rule::Hours {
                measure: Hours::Glh,
                scope: Scope::All,
                level: None,
                min: Some(1_800),
                max: None,
            },
            Rule::Share {
                scope: Scope::Optional,
                level: LevelFilter::at(Level::Numbered(3), true),
                share: Fraction::new(1, 2).expect("a half"),
            },
        ]
        .map(|rule| unit_planner::catalogue::RuleEntry {
            rule,
            basis: basis.clone(),
            pathways: Vec::new(),
        }),
    );
    qual.only_one = (0..50)
        .map(|k| OnlyOneCounts {
            units: vec![10 + 20 * k, 11 + 20 * k],
            basis: basis.clone(),
        })
        .collect();
    qual
}


/// Pathways and units in two groups: the example file (check on a pathway with a shared
/// unit, suggest with no pathway chosen, so over both) and the 300-unit synthetic one with
/// two pathways and every tenth unit also in a second group.
fn pathways(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathways");
    let text = std::fs::read_to_string("specs/examples/pathways-example.toml").expect("example");
    let example = unit_planner::catalogue::parse_spec("example", &text).expect("loads");
    let mut on_r = Plan::with_units(&example, [4, 5, 6]);
    on_r.set_pathway(&example, Some(0));
    group.bench_function("check/example-on-R", |b| {
        b.iter(|| evaluate(&example, black_box(&on_r)))
    });
    let none = Plan::new(&example);
    group.bench_function("suggest/example-no-pathway", |b| {
        b.iter(|| complete_plan(&example, black_box(&none), &BTreeSet::new()))
    });
    let mut routed = common::synthetic(12, 300);
    routed.pathways = ["P", "Q"]
        .iter()
        .map(|id| unit_planner::catalogue::Pathway {
            id: id.to_string(),
            name: unit_planner::catalogue::Sourced::stated(id.to_string(), 1),
        })
        .collect();
    routed.groups[10].pathways = vec![0];
    routed.groups[11].pathways = vec![1];
    let groups = routed.groups.len();
    for u in (0..routed.units.len()).step_by(10) {
        let other = (routed.units[u].group + 1) % groups;
        if !routed.groups[other].mandatory && !routed.groups[routed.units[u].group].mandatory {
            routed.units[u].also = vec![other];
        }
    }
    let mut half = Plan::with_units(&routed, (0..routed.units.len()).step_by(2));
    half.set_pathway(&routed, Some(0));
    group.bench_function("check/synthetic-300x12-two-pathways", |b| {
        b.iter(|| evaluate(&routed, black_box(&half)))
    });
    let empty = Plan::new(&routed);
    group.bench_function("suggest/synthetic-300x12-two-pathways", |b| {
        b.iter(|| complete_plan(&routed, black_box(&empty), &BTreeSet::new()))
    });
    group.finish();
}

criterion_group!(engine, everyday, limits, pathways);
criterion_main!(engine);
