//! The browser app's entry point (built by Trunk to WebAssembly): every page but the
//! qualifications' (which load `src/bin/plan.rs`).

fn main() {
    unit_planner::web::start(unit_planner::web::Pages::EVERY);
}
