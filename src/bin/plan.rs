//! The qualification pages' app (built by Trunk to WebAssembly as `plan.js` +
//! `plan_bg.wasm`, loaded by every `/q/{id}/` page and so by every share link): the
//! planner with only the planning page, not the home page, the importer or the centre's
//! screens, which stay in the `app` wasm of the other pages.

fn main() {
    unit_planner::web::start(unit_planner::web::Pages::PLANNING);
}
