//! Engine check and solver timings on the largest real qualification and on a synthetic
//! one with 300 units in 12 groups.

#[path = "../tests/common/mod.rs"]
mod common;

use std::collections::BTreeSet;

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use unit_planner::catalogue::builtin;
use unit_planner::engine::{complete_plan, evaluate, Plan};

fn benches(c: &mut Criterion) {
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
}

criterion_group!(engine, benches);
criterion_main!(engine);
