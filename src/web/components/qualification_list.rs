//! The searchable list of qualifications on the home page.

use yew::prelude::*;

use crate::web::hooks::use_catalogue;
use crate::web::route::Route;
use crate::web::services::today;
use crate::wording;

/// Lists every qualification (title, awarding body, level, number, size), filtered by a
/// search on title, number or awarding body; closed ones are marked.
#[component(QualificationList)]
pub fn qualification_list() -> Html {
    let catalogue = use_catalogue();
    let query = use_state(String::new);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let today = today();
    let shown: Vec<_> = catalogue
        .all()
        .iter()
        .filter(|q| q.matches(&query))
        .collect();
    html! {
        <section aria-labelledby="quals-heading">
            <h1 id="quals-heading">{ "Choose your qualification" }</h1>
            <label class="search">{ "Search by title, number or awarding body " }
                <input type="search" value={(*query).clone()} {oninput} />
            </label>
            if shown.is_empty() { <p>{ "No qualification matches your search." }</p> }
            <ul class="qual-list">
                { for shown.into_iter().map(|q| {
                    let size = match q.tqt.value() {
                        Some(hours) => format!("{} units · {hours} hours", q.units.len()),
                        None => format!("{} units", q.units.len()),
                    };
                    html! {
                        <li class="qual">
                            <a href={Route::Qualification { id: q.id.clone() }.href()} class="qual-title">{ q.title_text() }</a>
                            <span class="qual-meta">
                                { format!("{} · {size}", wording::facts(q)) }
                            </span>
                            if q.is_closed(today) { <span class="tag closed">{ "⚠ Closed" }</span> }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
