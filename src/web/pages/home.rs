//! The home page: saved plans, the searchable list of qualifications, and moving plans
//! to and from a file.

use yew::prelude::*;

use crate::web::components::{AddCentre, Notice, PlanFiles, QualificationList, SavedPlans};

/// The home page.
#[component(Home)]
pub fn home() -> Html {
    html! {
        <main class="page">
            <header class="site"><p class="brand">{ "Unit planner" }</p></header>
            <Notice />
            <SavedPlans />
            <QualificationList />
            <AddCentre />
            <PlanFiles />
        </main>
    }
}
