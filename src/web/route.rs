//! The app's routes, all inside the URL fragment (`#/q/{id}`), so share links never reach
//! a server and any static host serves the app.

use yew::prelude::*;

use super::pages::{Home, NotFound, QualificationPage};
use crate::document::link;

/// Where the app can be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The list of qualifications and saved plans (`#/`).
    Home,
    /// Planning a qualification (`#/q/{id}`).
    Qualification {
        /// Qualification id.
        id: String,
    },
    /// A shared plan (`#/q/{id}/p/{payload}`).
    Shared {
        /// Qualification id.
        id: String,
        /// The packed plan.
        payload: String,
    },
    /// Anything else.
    NotFound,
}

impl Route {
    /// The route a URL fragment (with or without its `#`) names.
    pub fn parse(hash: &str) -> Route {
        if let Some((id, payload)) = link::fragment_parts(hash) {
            return Route::Shared {
                id: id.to_string(),
                payload: payload.to_string(),
            };
        }
        let path = hash.trim_start_matches('#').trim_end_matches('/');
        let parts: Vec<&str> = path.split('/').skip(1).collect();
        match parts.as_slice() {
            [] | [""] => Route::Home,
            ["q", id] if !id.is_empty() => Route::Qualification { id: id.to_string() },
            _ => Route::NotFound,
        }
    }

    /// The `href` of a link to this route.
    pub fn href(&self) -> String {
        match self {
            Route::Home | Route::NotFound => "#/".into(),
            Route::Qualification { id } => format!("#/q/{id}"),
            Route::Shared { id, payload } => format!("#{}", link::fragment(id, payload)),
        }
    }
}

/// Goes to a route (a new history entry, like following a link).
pub fn go(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&route.href());
    }
}

fn current() -> Route {
    Route::parse(
        &web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default(),
    )
}

/// The current route, updated whenever the fragment changes.
#[hook]
pub fn use_route() -> Route {
    let route = use_state(current);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo_events::EventListener::new(&w, "hashchange", move |_| {
                    route.set(current());
                    if let Some(w) = web_sys::window() {
                        w.scroll_to_with_x_and_y(0.0, 0.0);
                    }
                })
            });
            move || drop(listener)
        });
    }
    (*route).clone()
}

/// Renders the page for a route.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Qualification { id } => {
            html! { <QualificationPage {id} payload={None::<String>} /> }
        }
        Route::Shared { id, payload } => {
            html! { <QualificationPage {id} payload={Some(payload)} /> }
        }
        Route::NotFound => html! { <NotFound /> },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_parse_to_routes_and_back() {
        for route in [
            Route::Home,
            Route::Qualification {
                id: "cg-l3-nvq-dip-cs".into(),
            },
            Route::Shared {
                id: "x".into(),
                payload: "AQ-_".into(),
            },
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#/q/"), Route::NotFound);
        assert_eq!(Route::parse("#/nonsense/1/2"), Route::NotFound);
    }
}
