//! Which plan is being worked on: its name, switching between plans, starting a new one,
//! and saving a plan opened from a link.

use yew::prelude::*;

use crate::web::hooks::{use_catalogue, use_dispatch, use_planner};
use crate::web::services::today;
use crate::web::state::Action;
use crate::wording;

/// Properties of [`PlanBar`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The qualification's id.
    pub qualification: String,
}

/// The bar above the units.
#[component(PlanBar)]
pub fn plan_bar(props: &Props) -> Html {
    let catalogue = use_catalogue();
    let planner = use_planner();
    let dispatch = use_dispatch();
    let mine: Vec<_> = planner.plans.of(&props.qualification).collect();
    let select = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if let Ok(id) = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value()
                .parse()
            {
                dispatch.send(Action::Select(id));
            }
        })
    };
    let new = {
        let q = props.qualification.clone();
        dispatch.to(move |_: MouseEvent| Action::New(q.clone()))
    };
    let save = dispatch.to(|_: MouseEvent| Action::SaveDraft);
    let shared = planner.shared();
    let closed = catalogue
        .by_id(&props.qualification)
        .and_then(|q| wording::closed(q, today()));
    let active = planner.editing.active;
    html! {
        <div class="plan-bar">
            if let Some(draft) = shared {
                <div class="banner info" role="status">
                    if let Some(closed) = closed { <p>{ closed }</p> }
                    <p>{ "You are looking at a shared plan" }{ draft.doc.name.as_deref().map(|n| format!(" (“{n}”)")).unwrap_or_default() }{ ". It is not saved in this browser and none of your plans has been changed." }</p>
                    if draft.catalogue_changed {
                        <p>{ wording::CATALOGUE_CORRECTED }</p>
                    }
                    if !draft.problems.is_empty() {
                        <ul>{ for draft.problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                    }
                    <button onclick={save}>{ "Save to my plans" }</button>
                </div>
            } else {
                <label>{ "Plan " }
                    <select onchange={select}>
                        if active.is_none() { <option selected=true value="">{ "New plan (saved when you choose a unit)" }</option> }
                        { for mine.iter().map(|p| html! {
                            <option value={p.id.to_string()} selected={active == Some(p.id)}>{ p.doc.display_name() }</option>
                        }) }
                    </select>
                </label>
                <button class="small" onclick={new}>{ "New plan" }</button>
                if let Some(name) = planner.current().and_then(|d| d.name.clone()) {
                    <p class="print-only">{ format!("Plan: {name}") }</p>
                }
            }
        </div>
    }
}
