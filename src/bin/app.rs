//! The browser app's entry point (built by Trunk to WebAssembly).

fn main() {
    unit_planner::web::start();
}
