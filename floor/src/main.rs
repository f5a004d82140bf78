//! One function component rendering a heading, hydrated over its pre-rendered HTML.

use yew::prelude::*;

#[function_component]
fn App() -> Html {
    html! { <h1>{ "Unit planner" }</h1> }
}

fn main() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .expect("#app");
    yew::Renderer::<App>::with_root(root).hydrate();
}
