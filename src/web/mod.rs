//! The browser app: a thin Yew shell over the catalogue, the engine and the link codec.
//! `pages/` are routes, `components/` their parts, `services/` the browser, `state.rs` the
//! one reducer every change goes through.

pub mod components;
mod pages;
mod route;
mod services;
pub mod state;

use yew::prelude::*;

use state::{Action, PlannerState};

/// The planner state, shared with every component through context.
pub type Planner = UseReducerHandle<PlannerState>;

/// The planner state from context; [`App`] provides it around every page.
#[hook]
pub fn use_planner() -> Planner {
    use_context::<Planner>().expect("App provides the planner context")
}

/// A plan resolved against its qualification and evaluated: computed once per change by
/// the page and passed down, so no component evaluates it again.
#[derive(Debug, PartialEq)]
pub struct Checked {
    /// The engine's plan.
    pub plan: crate::engine::Plan,
    /// Its evaluation.
    pub eval: crate::engine::Evaluation,
}

/// The root component: loads and saves plans, and shows the page for the route.
#[component(App)]
pub fn app() -> Html {
    let state = use_reducer(PlannerState::default);
    let route = route::use_route();
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let (plans, notice) = services::storage::load();
            state.dispatch(Action::Loaded(plans, notice));
        });
    }
    {
        let state = state.clone();
        use_effect_with((state.saved(), state.loaded), move |(saved, loaded)| {
            if *loaded {
                match services::storage::save(saved) {
                    Ok(Some(merged)) => state.dispatch(Action::Synced(merged)),
                    Ok(None) => {}
                    Err(message) => state.dispatch(Action::Notice(Some(message))),
                }
            }
        });
    }
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = services::storage::on_change_elsewhere(Callback::from(move |saved| {
                state.dispatch(Action::Synced(saved))
            }));
            move || drop(listener)
        });
    }
    html! {
        <ContextProvider<Planner> context={state}>
            { route::switch(route) }
        </ContextProvider<Planner>>
    }
}
