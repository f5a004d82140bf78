//! The home page: saved plans, the searchable list of qualifications, and moving plans
//! to and from a file.

use yew::prelude::*;

use crate::web::components::{AddCentre, Notice, PlanFiles, QualificationList, SavedPlans};
use crate::web::route::Route;

/// The home page: a plain function, not a component (it has no state or hooks of its own,
/// and each component costs the wasm about 2.5 KB of Yew's generic code).
pub fn home() -> Html {
    html! {
        <main class="page">
            <header class="site"><p class="brand">{ "Unit planner" }</p></header>
            <Notice />
            <SavedPlans />
            <QualificationList />
            <AddCentre />
            <section class="files" aria-labelledby="import-heading">
                <h2 id="import-heading">{ "A qualification not listed here" }</h2>
                <p><a href={Route::Import.href()}>{ crate::import::review::TITLE }</a>{ ": paste its specification's text and review the draft beside it." }</p>
            </section>
            <PlanFiles />
        </main>
    }
}
