//! The app's root: [`App`] follows the address and shows its page (of the [`Pages`] it was
//! built with) inside [`PlannerProvider`], which owns the planner's state and keeps it in
//! step with storage.

use yew::prelude::*;

use super::head;
use super::hooks::{Dispatch, Planner};
use super::pages::{home, not_found, CentreLinkPage, ImportPage, QualificationPage};
use super::route::{self, Route};
use super::services::{builtins, centre_file, centre_store, storage};
use super::state::{Action, Notice, PlannerState, Shared};

/// Properties of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The route to show first (the browser's address, or the page being pre-rendered).
    pub route: Route,
    /// The pages this app shows.
    pub pages: Pages,
}

/// The pages an app shows, as the function that renders a route's: each wasm links only
/// the pages its function names.
#[derive(Clone, Copy)]
pub struct Pages(fn(Route) -> Html);

impl Pages {
    /// Every page: the `app` wasm (of the home page, the importer, the centre's links and
    /// `404.html`) and the pre-renderer.
    pub const EVERY: Pages = Pages(every);
    /// The qualification pages only: the `plan` wasm, which a qualification's page (and so
    /// a share link) loads; for another route the browser goes to that route's page.
    pub const PLANNING: Pages = Pages(planning);
}

/// An app's pages never change while it runs, so they never re-render it.
impl PartialEq for Pages {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// The root component: the page for the route, with the planner around it.
#[component(App)]
pub fn app(props: &AppProps) -> Html {
    let route = route::use_route(props.route.clone());
    html! { <PlannerProvider route={route.clone()}>{ (props.pages.0)(route) }</PlannerProvider> }
}

/// Renders the page for a route.
fn every(route: Route) -> Html {
    match route {
        Route::Home => home(),
        Route::Qualification { id } => qualification(id, None),
        Route::Shared { id, payload } => qualification(id, Some(payload)),
        Route::Import => html! { <ImportPage /> },
        Route::Centre(link) => html! { <CentreLinkPage {link} /> },
        Route::NotFound => not_found(),
    }
}

/// Renders a qualification's page; goes to the page of any other route.
fn planning(route: Route) -> Html {
    match route {
        Route::Qualification { id } => qualification(id, None),
        Route::Shared { id, payload } => qualification(id, Some(payload)),
        Route::NotFound => not_found(),
        route => {
            route::leave(&route);
            html! {}
        }
    }
}

/// A qualification's planning page, with the plan a share link carries if any.
fn qualification(id: String, payload: Option<String>) -> Html {
    html! { <QualificationPage {id} {payload} /> }
}

/// Properties of [`PlannerProvider`].
#[derive(Properties, PartialEq)]
struct ProviderProps {
    /// The route shown (for the document's title).
    route: Route,
    children: Html,
}

/// Owns the planner's state and shares it (and, apart, its stable dispatcher and its
/// catalogue) with the page. Reads the saved plans and the centre's files once, fetches the
/// built-ins the page did not carry, writes the
/// plans changed here after each change (merged plan by plan with what is stored) and the
/// centre's files when they change, takes in what other tabs save, and sets the title.
#[component(PlannerProvider)]
fn planner_provider(props: &ProviderProps) -> Html {
    let state = use_reducer(PlannerState::default);
    let dispatch = Dispatch(state.dispatcher());
    // The title, as the app moves between pages (a centre's qualification is known here).
    use_effect_with(
        (state.catalogue.clone(), props.route.clone()),
        |(catalogue, route)| {
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                document.set_title(&head::title(catalogue.all(), route));
            }
        },
    );
    // The revision of the changes last written: the next save writes only later ones.
    let written = use_mut_ref(|| 0_u64);
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let (plans, notice) = storage::load();
            let (files, centre_notice) = centre_store::load();
            // With the centre's files (read by the tools worker, only when there are any),
            // applied before the next render, so pages see the centre's qualifications as
            // soon as they see the saved plans.
            let loaded = move |read| {
                dispatch.send(Action::Loaded(plans, notice));
                dispatch.send(Action::CentreLoaded(read, centre_notice));
            };
            if files.is_empty() {
                loaded(Vec::new());
            } else {
                wasm_bindgen_futures::spawn_local(async move {
                    loaded(centre_file::reread(files).await);
                });
            }
        });
    }
    // The built-ins the page did not carry, fetched once it has started (and again on
    // moving to another page, if that failed).
    {
        let dispatch = dispatch.clone();
        use_effect_with(
            (props.route.clone(), state.catalogue.has_every_builtin()),
            move |(_, every)| {
                if !every {
                    wasm_bindgen_futures::spawn_local(async move {
                        dispatch.send(Action::Builtins(builtins::fetch_every().await));
                    });
                }
            },
        );
    }
    {
        let (catalogue, dispatch) = (state.catalogue.clone(), dispatch.clone());
        use_effect_with(
            (catalogue.unsaved(), state.loaded),
            move |&(unsaved, loaded)| {
                if let (Some(_), true) = (unsaved, loaded) {
                    if let Err(message) = centre_store::save(&catalogue.files()) {
                        dispatch.send(Action::Notice(Some(Notice::warning(message))));
                    }
                }
            },
        );
    }
    {
        let (state, dispatch) = (state.clone(), dispatch.clone());
        use_effect_with(
            (state.plans.revision(), state.loaded),
            move |&(revision, loaded)| {
                let since = *written.borrow();
                if loaded && revision > since {
                    match storage::save(&state.plans.changed_since(since)) {
                        Ok(stored) => {
                            *written.borrow_mut() = revision;
                            if let Some(stored) = stored {
                                dispatch.send(Action::Synced(stored));
                            }
                        }
                        Err(message) => {
                            dispatch.send(Action::Notice(Some(Notice::warning(message))))
                        }
                    }
                }
            },
        );
    }
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = storage::on_change_elsewhere(dispatch.to(Action::Synced));
            move || drop(listener)
        });
    }
    html! {
        <ContextProvider<Planner> context={state.clone()}>
            <ContextProvider<Dispatch> context={dispatch}>
                <ContextProvider<Shared> context={state.catalogue.clone()}>
                    { props.children.clone() }
                </ContextProvider<Shared>>
            </ContextProvider<Dispatch>>
        </ContextProvider<Planner>>
    }
}
