//! The learner's saved plans: open, rename, duplicate, delete (with undo).

use yew::prelude::*;

use super::qualification;
use crate::document::MAX_NAME;
use crate::engine::evaluate;
use crate::web::route::{go, Route};
use crate::web::state::Action;
use crate::web::use_planner;

/// Lists saved plans with their qualification and status.
#[component(SavedPlans)]
pub fn saved_plans() -> Html {
    let planner = use_planner();
    let statuses = use_memo(planner.plans.clone(), |plans| {
        plans
            .iter()
            .map(|p| match qualification(&p.doc.qualification) {
                Some(q) => evaluate(q, &p.doc.to_plan(q).0).status.name(),
                None => "unknown qualification",
            })
            .collect::<Vec<&'static str>>()
    });
    let undo = {
        let planner = planner.clone();
        Callback::from(move |_: MouseEvent| planner.dispatch(Action::Undo))
    };
    if planner.plans.is_empty() && planner.deleted.is_none() {
        return html! {};
    }
    html! {
        <section aria-labelledby="plans-heading" class="saved">
            <h2 id="plans-heading">{ "My plans" }</h2>
            if let Some((_, plan)) = &planner.deleted {
                <p class="banner info" role="status">
                    { format!("Deleted “{}”. ", plan.doc.display_name()) }
                    <button class="small" onclick={undo}>{ "Undo" }</button>
                </p>
            }
            <ul class="plan-list">
                { for planner.plans.iter().zip(statuses.iter()).map(|(p, &status)| {
                    let id = p.id;
                    let name = p.doc.display_name().to_string();
                    let qual = qualification(&p.doc.qualification);
                    let open = {
                        let planner = planner.clone();
                        let qid = p.doc.qualification.clone();
                        Callback::from(move |_: MouseEvent| {
                            planner.dispatch(Action::Select(id));
                            go(&Route::Qualification { id: qid.clone() });
                        })
                    };
                    let duplicate = { let planner = planner.clone(); Callback::from(move |_: MouseEvent| planner.dispatch(Action::Duplicate(id))) };
                    let delete = { let planner = planner.clone(); Callback::from(move |_: MouseEvent| planner.dispatch(Action::Delete(id))) };
                    let rename = {
                        let planner = planner.clone();
                        Callback::from(move |e: Event| planner.dispatch(Action::Rename(id, e.target_unchecked_into::<web_sys::HtmlInputElement>().value())))
                    };
                    html! {
                        <li class="plan">
                            <button class="link plan-open" onclick={open}>{ format!("Open {name}") }</button>
                            <span class="qual-meta">{ format!("{} · {status}", qual.map_or("?", |q| q.title_text())) }</span>
                            <span class="plan-actions">
                                <label>{ "Name " }<input type="text" maxlength={MAX_NAME.to_string()} value={name.clone()} onchange={rename} /></label>
                                <button class="small" onclick={duplicate} aria-label={format!("Duplicate {name}")}>{ "Duplicate" }</button>
                                <button class="small danger" onclick={delete} aria-label={format!("Delete {name}")}>{ "Delete" }</button>
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
