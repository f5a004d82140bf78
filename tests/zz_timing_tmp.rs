mod common;
use std::collections::BTreeSet;
use std::time::Instant;
use unit_planner::engine::{complete_plan, Plan};
#[test]
fn timing() {
    let mut worst = (0.0, 0);
    for seed in 1..=40 {
        let q = common::centre_sized(
            50,
            1000,
            &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15],
            250,
            seed,
        );
        let t = Instant::now();
        let r = complete_plan(&q, &Plan::new(&q), &BTreeSet::new());
        let e = t.elapsed().as_secs_f64() * 1000.0;
        if e > worst.0 {
            worst = (e, seed);
        }
        if r.is_err() {
            println!("seed {seed}: {r:?}");
        }
    }
    println!("worst 1000x50: {:.2} ms seed {}", worst.0, worst.1);
    let q = common::exact_total((0..60).map(|i| 100 + 2 * i + (i % 3)), 3_001);
    let t = Instant::now();
    let r = complete_plan(&q, &Plan::new(&q), &BTreeSet::new());
    println!(
        "exact total: {:?} in {:.1} ms",
        r.map(|d| d.credits_added),
        t.elapsed().as_secs_f64() * 1000.0
    );
}
