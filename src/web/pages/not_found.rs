//! The page for an address the app does not know.

use yew::prelude::*;

use crate::web::route::Route;

/// Says the page does not exist and links home (a plain function, like [`home`](super::home)).
pub fn not_found() -> Html {
    html! {
        <main class="page">
            <h1>{ "Page not found" }</h1>
            <p><a href={Route::Home.href()}>{ "Go to the list of qualifications" }</a></p>
        </main>
    }
}
