//! The app's routes, all inside the URL fragment.

use yew::prelude::*;
use yew_router::prelude::*;

use super::pages::{Home, NotFound, QualificationPage};

/// Where the app can be.
#[derive(Debug, Clone, PartialEq, Routable)]
pub enum Route {
    /// The list of qualifications and saved plans.
    #[at("/")]
    Home,
    /// Planning a qualification.
    #[at("/q/:id")]
    Qualification {
        /// Qualification id.
        id: String,
    },
    /// A shared plan.
    #[at("/q/:id/p/:payload")]
    Shared {
        /// Qualification id.
        id: String,
        /// The packed plan.
        payload: String,
    },
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// Renders the page for a route.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Qualification { id } => html! { <QualificationPage {id} payload={None::<String>} /> },
        Route::Shared { id, payload } => html! { <QualificationPage {id} payload={Some(payload)} /> },
        Route::NotFound => html! { <NotFound /> },
    }
}
