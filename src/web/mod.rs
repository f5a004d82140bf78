//! The browser app: a thin Yew shell over the catalogue, the engine and the link codec.
//! `app.rs` is the root (the planner's provider and the route switch), `pages/` are
//! routes, `components/` their parts, `hooks.rs` how they reach the planner, `state/` the
//! one pure reducer every change goes through, `services/` the browser.

mod app;
pub mod components;
pub mod head;
pub mod hooks;
mod pages;
#[cfg(feature = "prerender")]
pub mod prerender;
pub mod renders;
mod route;
mod services;
pub mod state;

pub use app::{App, AppProps, Pages};
pub use route::Route;
pub use services::today;

/// Starts the app in the browser, showing `pages`: holds the built-ins the page carries,
/// then on a page with `<div id="app">` the planner and, when the browser is idle, the
/// engine module (the JavaScript API and the solver). It hydrates the pre-rendered page
/// when it is the page for this address, rendered under the same conditions; otherwise
/// draws afresh over it.
pub fn start(pages: Pages) {
    let (quals, every) = services::builtins::inline();
    let closed = closed_ids(&quals, services::today());
    state::hold_builtins(quals, every);
    services::offline::register();
    services::engine::start_when_idle();
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    else {
        return;
    };
    let route = route::current();
    let rendered_here = root.get_attribute("data-route") == route.page_path()
        && root.get_attribute("data-closed").as_deref() == Some(&*closed);
    let renderer =
        yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { route, pages });
    if rendered_here {
        renderer.hydrate();
    } else {
        root.set_inner_html("");
        renderer.render();
    }
}

/// The qualifications of those a page carries closed on a date, as written on a
/// pre-rendered page: a page rendered on a day with other closures would not match what
/// the app draws now.
pub fn closed_ids(
    quals: &[crate::catalogue::Qualification],
    today: crate::catalogue::Date,
) -> String {
    quals
        .iter()
        .filter(|q| q.is_closed(today))
        .map(|q| q.id.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}
