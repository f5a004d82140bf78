//! The engine module's entry point (built by Trunk to WebAssembly as a no-modules script,
//! `engine.js` + `engine_bg.wasm`, and started on the page's main thread by
//! `web/engine-start.js` once the app has started): it installs `window.unitPlanner`
//! (`unit_planner::js_api`) and answers the app's "Complete my plan" requests
//! (`unit_planner::completion`). It carries the built-in catalogue and the solver itself.

use wasm_bindgen::prelude::*;

fn main() {
    unit_planner::js_api::install();
}

/// "Complete my plan": a request's JSON text in, the answer's JSON text out.
#[wasm_bindgen]
pub fn complete(request: &str) -> String {
    unit_planner::completion::answer(request)
}
