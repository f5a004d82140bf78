//! The learner's saved plans: open, rename, duplicate, delete (with undo).

use yew::prelude::*;

use crate::document::MAX_NAME;
use crate::web::hooks::{use_catalogue, use_dispatch, use_planner};
use crate::web::route::{go, Route};
use crate::web::state::Action;
use crate::wording;

/// Lists saved plans with their qualification and status.
#[component(SavedPlans)]
pub fn saved_plans() -> Html {
    let catalogue = use_catalogue();
    let planner = use_planner();
    let dispatch = use_dispatch();
    let plans = &planner.plans;
    let statuses = use_memo(
        (catalogue.clone(), plans.list.clone()),
        |(catalogue, plans)| {
            plans
                .iter()
                .map(|p| match catalogue.by_id(&p.doc.qualification) {
                    Some(q) => wording::status(p.doc.check(q).eval.status),
                    None => "unknown qualification",
                })
                .collect::<Vec<&'static str>>()
        },
    );
    let undo = dispatch.to(|_: MouseEvent| Action::Undo);
    if plans.list.is_empty() && plans.deleted.is_none() {
        return html! {};
    }
    html! {
        <section aria-labelledby="plans-heading" class="saved">
            <h2 id="plans-heading">{ "My plans" }</h2>
            if let Some((_, plan)) = &plans.deleted {
                <p class="banner info" role="status">
                    { format!("Deleted “{}”. ", plan.doc.display_name()) }
                    <button class="small" onclick={undo}>{ "Undo" }</button>
                </p>
            }
            <ul class="plan-list">
                { for plans.list.iter().zip(statuses.iter()).map(|(p, &status)| {
                    let id = p.id;
                    let name = p.doc.display_name().to_string();
                    let qual = catalogue.by_id(&p.doc.qualification);
                    let open = {
                        let dispatch = dispatch.clone();
                        let qid = p.doc.qualification.clone();
                        Callback::from(move |_: MouseEvent| {
                            dispatch.send(Action::Select(id));
                            go(&Route::Qualification { id: qid.clone() });
                        })
                    };
                    let duplicate = dispatch.to(move |_: MouseEvent| Action::Duplicate(id));
                    let delete = dispatch.to(move |_: MouseEvent| Action::Delete(id));
                    let rename = dispatch.to(move |e: Event| Action::Rename(id, e.target_unchecked_into::<web_sys::HtmlInputElement>().value()));
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
