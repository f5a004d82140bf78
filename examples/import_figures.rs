//! The importer's figures on the five source specifications: for each, every fact of the
//! hand-made `specs/` file found, found right, found wrong or missed, with the wrong and
//! missed facts listed, and the time one import takes. Run with `cargo run --release
//! --example import_figures` (the seeds must be in `../shared/seeds`).

use std::path::PathBuf;

use std::time::Instant;

use unit_planner::catalogue::builtin;
use unit_planner::import::{import, score_import, Counts};

fn main() {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut all = Counts::default();
    let mut wrong_stated = 0;
    for hand in builtin::catalogue() {
        let text = std::fs::read_to_string(seeds.join(&hand.source))
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", hand.source));
        let runs = 20;
        let started = Instant::now();
        for _ in 0..runs {
            std::hint::black_box(import(&hand.source, &text));
        }
        let each = started.elapsed() / runs;
        println!(
            "== {} ({}, {} lines; import {:.1} ms)",
            hand.id,
            hand.source,
            text.lines().count(),
            each.as_secs_f64() * 1e3
        );
        match score_import(hand, &text) {
            Ok(score) => {
                print!("{score}");
                for (w, stated) in &score.wrong {
                    println!("  wrong{}: {w}", if *stated { " (stated)" } else { "" });
                }
                for m in &score.missed {
                    println!("  missed: {m}");
                }
                all.add(score.total());
                wrong_stated += score.wrong_stated();
            }
            Err(e) => println!("the draft does not load: {e}"),
        }
    }
    println!(
        "== all five: {} facts, {} found, {} right ({:.1} %; {} of them inferred), {} wrong ({} presented as stated), {} missed",
        all.facts,
        all.found,
        all.right,
        100.0 * all.right as f64 / all.facts.max(1) as f64,
        all.inferred,
        all.wrong,
        wrong_stated,
        all.missed
    );
}
