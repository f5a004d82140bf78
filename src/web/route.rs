//! The app's routes. Pages live at real paths (`/`, `/q/{id}/`), pre-rendered at build
//! time so they show before any script runs; a shared plan travels in the fragment of its
//! qualification's page (`/q/{id}/#p/{payload}`), so the server sends that page and never
//! sees the plan. Addresses from older releases (`/#/q/{id}/p/{payload}`, `#/q/{id}`)
//! still open.

use yew::prelude::*;

use crate::document::centre_link::CentreLink;
use crate::document::link::{self, LinkError};

/// Where the app can be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The list of qualifications and saved plans (`/`).
    Home,
    /// Planning a qualification (`/q/{id}/`).
    Qualification {
        /// Qualification id.
        id: String,
    },
    /// A shared plan (`/q/{id}/#p/{payload}`).
    Shared {
        /// Qualification id.
        id: String,
        /// The packed plan.
        payload: String,
    },
    /// Making a qualification file from a specification's text (`/import/`).
    Import,
    /// A shared plan on a centre's own qualification (`/#c/1/…`), or why its link cannot
    /// be read.
    Centre(Result<CentreLink, LinkError>),
    /// Anything else.
    NotFound,
}

impl Route {
    /// The route an address names: its fragment when that names a page (share links and
    /// older bookmarks), else its path.
    pub fn parse(path: &str, fragment: &str) -> Route {
        if let Some(link) = CentreLink::parse(fragment) {
            return Route::Centre(link);
        }
        if let Some((id, payload)) = link::parts(path, fragment) {
            return Route::Shared {
                id: id.to_string(),
                payload: payload.to_string(),
            };
        }
        match Route::parse_path(fragment.trim_start_matches('#')) {
            Route::Home => Route::parse_path(path),
            route => route,
        }
    }

    fn parse_path(path: &str) -> Route {
        let parts: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
        match parts.as_slice() {
            [] | [""] => Route::Home,
            ["index.html"] => Route::Home,
            ["import"] | ["import", "index.html"] => Route::Import,
            ["q", id] | ["q", id, "index.html"] if !id.is_empty() => {
                Route::Qualification { id: id.to_string() }
            }
            _ => Route::NotFound,
        }
    }

    /// The `href` of a link to this route.
    pub fn href(&self) -> String {
        match self {
            Route::Home | Route::NotFound => "/".into(),
            Route::Import => "/import/".into(),
            Route::Qualification { id } => format!("/q/{id}/"),
            Route::Shared { id, payload } => link::share_href(id, payload),
            Route::Centre(Ok(link)) => link.href(),
            Route::Centre(Err(_)) => "/".into(),
        }
    }

    /// The path of the page pre-rendered for this route, if there is one: only such
    /// pages are hydrated rather than drawn afresh. A shared plan's is its
    /// qualification's page, which shows the plan as "checking" until it is read.
    pub fn page_path(&self) -> Option<String> {
        match self {
            Route::Home | Route::Import | Route::Qualification { .. } => Some(self.href()),
            Route::Shared { id, .. } => Some(Route::Qualification { id: id.clone() }.href()),
            Route::Centre(_) | Route::NotFound => None,
        }
    }
}

/// The route of the address the browser shows.
pub fn current() -> Route {
    let location = web_sys::window().map(|w| w.location());
    let part = |f: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
        location
            .as_ref()
            .and_then(|l| f(l).ok())
            .unwrap_or_default()
    };
    Route::parse(&part(|l| l.pathname()), &part(|l| l.hash()))
}

/// Loads the page of a route this app does not show, in place of the address shown (an
/// in-app link has already pushed it). A centre's link that cannot be read goes to the home
/// page with its fragment, whose app says why.
pub fn leave(route: &Route) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    let href = match route {
        Route::Centre(Err(_)) => format!("/{}", location.hash().unwrap_or_default()),
        route => route.href(),
    };
    let _ = location.replace(&href);
}

/// Goes to a route (a new history entry, like following a link), without reloading.
pub fn go(route: &Route) {
    if let Some(window) = web_sys::window() {
        let pushed = window.history().and_then(|h| {
            h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&route.href()))
        });
        if pushed.is_ok() {
            if let Ok(event) = web_sys::Event::new("popstate") {
                let _ = window.dispatch_event(&event);
            }
        }
    }
}

/// Follows a click on a link to one of the app's pages inside the app (no reload);
/// links elsewhere, new-tab clicks and downloads are left to the browser.
fn follow_in_app(event: &web_sys::MouseEvent) {
    use wasm_bindgen::JsCast;
    if event.default_prevented()
        || event.button() != 0
        || event.ctrl_key()
        || event.meta_key()
        || event.shift_key()
        || event.alt_key()
    {
        return;
    }
    let anchor = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(anchor) = anchor else { return };
    let origin = web_sys::window().and_then(|w| w.location().origin().ok());
    if anchor.has_attribute("download")
        || !anchor.target().is_empty()
        || Some(anchor.origin()) != origin
    {
        return;
    }
    let route = Route::parse(&anchor.pathname(), &anchor.hash());
    if route != Route::NotFound {
        event.prevent_default();
        go(&route);
    }
}

/// The current route, starting from `initial` and following the address as it changes.
#[hook]
pub fn use_route(initial: Route) -> Route {
    let route = use_state(move || initial);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listeners = web_sys::window().map(|w| {
                let follow = move |_: &web_sys::Event| {
                    route.set(current());
                    if let Some(w) = web_sys::window() {
                        w.scroll_to_with_x_and_y(0.0, 0.0);
                    }
                };
                let clicks = w.document().map(|d| {
                    let options = gloo_events::EventListenerOptions::enable_prevent_default();
                    gloo_events::EventListener::new_with_options(&d, "click", options, |e| {
                        use wasm_bindgen::JsCast;
                        if let Some(e) = e.dyn_ref::<web_sys::MouseEvent>() {
                            follow_in_app(e);
                        }
                    })
                });
                (
                    gloo_events::EventListener::new(&w, "popstate", follow.clone()),
                    gloo_events::EventListener::new(&w, "hashchange", follow),
                    clicks,
                )
            });
            move || drop(listeners)
        });
    }
    (*route).clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(href: &str) -> Route {
        let (path, fragment) = href.split_once('#').unwrap_or((href, ""));
        Route::parse(path, fragment)
    }

    #[test]
    fn addresses_parse_to_routes_and_back() {
        for route in [
            Route::Home,
            Route::Import,
            Route::Qualification {
                id: "cg-l3-nvq-dip-cs".into(),
            },
            Route::Shared {
                id: "x".into(),
                payload: "AQ-_".into(),
            },
        ] {
            assert_eq!(at(&route.href()), route);
        }
        assert_eq!(at(""), Route::Home);
        assert_eq!(at("/q/"), Route::NotFound);
        assert_eq!(at("/nonsense/1/2"), Route::NotFound);
        assert_eq!(
            at("/q/x/index.html"),
            Route::Qualification { id: "x".into() }
        );
    }

    #[test]
    fn older_fragment_addresses_still_open() {
        assert_eq!(at("/#/q/x"), Route::Qualification { id: "x".into() });
        assert_eq!(at("/#/q/x/p/AQ"), at("/q/other/#/q/x/p/AQ"));
        assert_eq!(at("/q/x/#/"), Route::Qualification { id: "x".into() });
        assert_eq!(at("/#/nonsense"), Route::NotFound);
    }

    #[test]
    fn a_shared_plan_is_on_its_qualifications_page() {
        let shared = Route::Shared {
            id: "x".into(),
            payload: ".AQ".into(),
        };
        assert_eq!(shared.href(), "/q/x/#p/.AQ");
        for href in [
            "/q/x/#p/.AQ",
            "/q/x#p/.AQ",
            "/q/x/index.html#p/.AQ/",
            "/#/q/x/p/.AQ",
        ] {
            assert_eq!(at(href), shared, "{href}");
        }
        assert_eq!(at("/#p/.AQ"), Route::NotFound);
        assert_eq!(at("/q/x/#units"), Route::Qualification { id: "x".into() });
    }

    #[test]
    fn a_centre_link_opens_from_the_home_page_and_is_drawn_afresh() {
        let link = CentreLink {
            id: "ours".into(),
            number: Some("603/1234/5".into()),
            fingerprint: "0123456789abcdef".into(),
            title: None,
            payload: ".AQ".into(),
        };
        let route = Route::Centre(Ok(link));
        assert_eq!(at(&route.href()), route);
        assert_eq!(route.page_path(), None);
        assert_eq!(
            at("/#c/9/x/y/0123456789abcdef/t/.AQ"),
            Route::Centre(Err(LinkError::FutureVersion(9)))
        );
    }

    #[test]
    fn only_pages_that_exist_before_scripts_are_hydrated() {
        assert_eq!(Route::Home.page_path().as_deref(), Some("/"));
        assert_eq!(at("/import").page_path().as_deref(), Some("/import/"));
        assert_eq!(at("/q/x/#p/AQ").page_path().as_deref(), Some("/q/x/"));
        assert_eq!(at("/#/q/x/p/AQ").page_path().as_deref(), Some("/q/x/"));
        assert_eq!(Route::NotFound.page_path(), None);
    }
}
