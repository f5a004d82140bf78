//! Which plan is being worked on: its name, switching between plans, starting a new one,
//! and saving a plan opened from a link.

use yew::prelude::*;

use crate::web::state::Action;
use crate::web::use_planner;

/// Properties of [`PlanBar`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The qualification's id.
    pub qualification: String,
}

/// The bar above the units.
#[component(PlanBar)]
pub fn plan_bar(props: &Props) -> Html {
    let planner = use_planner();
    let mine: Vec<_> = planner
        .plans
        .iter()
        .filter(|p| p.doc.qualification == props.qualification)
        .collect();
    let select = {
        let planner = planner.clone();
        Callback::from(move |e: Event| {
            if let Ok(id) = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value()
                .parse()
            {
                planner.dispatch(Action::Select(id));
            }
        })
    };
    let new = {
        let planner = planner.clone();
        let q = props.qualification.clone();
        Callback::from(move |_: MouseEvent| planner.dispatch(Action::New(q.clone())))
    };
    let save = {
        let planner = planner.clone();
        Callback::from(move |_: MouseEvent| planner.dispatch(Action::SaveDraft))
    };
    let shared = planner
        .draft
        .as_ref()
        .filter(|d| d.from_link && planner.active.is_none());
    html! {
        <div class="plan-bar">
            if let Some(draft) = shared {
                <div class="banner info" role="status">
                    <p>{ "You are looking at a shared plan" }{ draft.doc.name.as_deref().map(|n| format!(" (“{n}”)")).unwrap_or_default() }{ ". It is not saved in this browser and none of your plans has been changed." }</p>
                    if draft.catalogue_changed {
                        <p>{ "The catalogue has been corrected since this link was made; the plan has been re-checked against the current data." }</p>
                    }
                    if !draft.problems.is_empty() {
                        <ul>{ for draft.problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                    }
                    <button onclick={save}>{ "Save to my plans" }</button>
                </div>
            } else {
                <label>{ "Plan " }
                    <select onchange={select}>
                        if planner.active.is_none() { <option selected=true value="">{ "New plan (saved when you choose a unit)" }</option> }
                        { for mine.iter().map(|p| html! {
                            <option value={p.id.to_string()} selected={planner.active == Some(p.id)}>{ p.doc.display_name() }</option>
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
