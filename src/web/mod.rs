//! The browser app: a thin Yew shell over the catalogue, the engine and the link codec.
//! `pages/` are routes, `components/` their parts, `services/` the browser, `state.rs` the
//! one reducer every change goes through.

mod api;
pub mod components;
pub mod head;
mod pages;
#[cfg(feature = "prerender")]
pub mod prerender;
mod route;
mod services;
pub mod state;

pub use route::Route;
pub use services::today;

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

/// Properties of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The route to show first (the browser's address, or the page being pre-rendered).
    pub route: Route,
}

/// The root component: loads and saves plans, and shows the page for the route.
#[component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(PlannerState::default);
    let route = route::use_route(props.route.clone());
    use_effect_with(route.clone(), |route| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&head::title(route));
        }
    });
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

/// Starts the app in the browser: offers the JavaScript API and, on a page with
/// `<div id="app">`, the planner. It hydrates the pre-rendered page when it is the page for
/// this address, rendered under the same conditions; otherwise draws afresh over it.
pub fn start() {
    api::install();
    services::offline::register();
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    else {
        return;
    };
    let route = route::current();
    let rendered_here = root.get_attribute("data-route") == route.page_path()
        && root.get_attribute("data-closed").as_deref() == Some(&*closed_ids(services::today()));
    let renderer = yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { route });
    if rendered_here {
        renderer.hydrate();
    } else {
        root.set_inner_html("");
        renderer.render();
    }
}

/// The qualifications closed on a date, as written on a pre-rendered page: a page
/// rendered on a day with other closures would not match what the app draws now.
pub fn closed_ids(today: crate::catalogue::Date) -> String {
    crate::catalogue::builtin::catalogue()
        .iter()
        .filter(|q| q.is_closed(today))
        .map(|q| q.id.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}
