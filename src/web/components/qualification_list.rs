//! The searchable list of qualifications on the home page.

use yew::prelude::*;

use crate::web::hooks::{use_catalogue, use_dispatch, use_planner};
use crate::web::route::Route;
use crate::web::services::today;
use crate::web::state::Action;
use crate::{wording, wording_centre};

/// Lists every qualification (title, awarding body, level, number, size), filtered by a
/// search on title, number or awarding body; closed ones are marked, and the centre's
/// own, which can be removed (after a question).
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
                            if catalogue.centre_file(&q.id).is_some() {
                                <span class="tag centre">{ wording_centre::CENTRE_TAG }</span>
                                <RemoveCentre id={q.id.clone()} title={q.title_text().to_string()} />
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// Properties of [`RemoveCentre`].
#[derive(Properties, PartialEq)]
struct RemoveProps {
    id: String,
    title: String,
}

/// "Remove": asks first, saying what happens to the qualification's saved plans.
#[component(RemoveCentre)]
fn remove_centre(props: &RemoveProps) -> Html {
    let planner = use_planner();
    let dispatch = use_dispatch();
    let asking = use_state(|| false);
    let toggle = |on: bool| {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(on))
    };
    let remove = {
        let id = props.id.clone();
        dispatch.to(move |_: MouseEvent| Action::remove_centre(id.clone()))
    };
    if !*asking {
        return html! {
            <button class="small secondary" onclick={toggle(true)} aria-label={format!("Remove {}", props.title)}>{ "Remove" }</button>
        };
    }
    let plans = planner.plans.of(&props.id).count();
    html! {
        <div class="banner unconfirmed" role="alertdialog" aria-label={format!("Remove {}?", props.title)}>
            <p>{ wording_centre::remove_question(&props.title, plans) }</p>
            <button class="small" onclick={remove}>{ "Remove it" }</button>{ " " }
            <button class="small secondary" onclick={toggle(false)}>{ "Keep it" }</button>
        </div>
    }
}
