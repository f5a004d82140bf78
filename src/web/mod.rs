//! The browser app: a thin Yew shell over the catalogue and the engine.

mod components;
mod state;

use yew::prelude::*;

use crate::catalogue::builtin;
use components::{QualificationList, QualificationPage};
use state::{Action, PlannerState};

/// The root component: the list of qualifications, or the open one.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(PlannerState::default);
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let errors = builtin::load_errors();
    html! {
        <main class="page">
            if !errors.is_empty() {
                <p class="banner blocked" role="alert">
                    { format!("{} qualification file(s) could not be loaded; they are left out.", errors.len()) }
                </p>
            }
            {
                match (state.open, &state.plan) {
                    (Some(i), Some(plan)) => html! {
                        <QualificationPage index={i} plan={plan.clone()} dispatch={dispatch} />
                    },
                    _ => html! { <QualificationList dispatch={dispatch} /> },
                }
            }
        </main>
    }
}
