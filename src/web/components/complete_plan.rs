//! "Complete my plan": the engine's cheapest completion, previewed before it is accepted.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::web::hooks::use_catalogue;

use crate::document::{Checked, PlanDoc};
use crate::engine::complete_plan;
use crate::web::hooks::{use_dispatch, use_planner};
use crate::web::state::Action;
use crate::wording;

/// Properties of [`CompletePlan`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The qualification's id.
    pub qualification: String,
    /// The plan being worked on.
    pub doc: PlanDoc,
    /// The plan evaluated once by the page.
    pub checked: Rc<Checked>,
}

/// The button, the preview, and why no completion exists when none does.
#[component(CompletePlan)]
pub fn complete_plan_panel(props: &Props) -> Html {
    let catalogue = use_catalogue();
    let planner = use_planner();
    let dispatch = use_dispatch();
    let failure = use_state(|| None::<String>);
    let Some(qual) = catalogue.by_id(&props.qualification) else {
        return html! {};
    };
    let propose = {
        let dispatch = dispatch.clone();
        let failure = failure.clone();
        let (doc, checked) = (props.doc.clone(), props.checked.clone());
        let (catalogue, id) = (catalogue.clone(), props.qualification.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(qual) = catalogue.by_id(&id) else {
                return;
            };
            let exclude: BTreeSet<usize> = doc
                .not_offered
                .iter()
                .filter_map(|&k| qual.unit_by_key(k))
                .collect();
            match complete_plan(qual, &checked.plan, &exclude) {
                Ok(done) => {
                    failure.set(None);
                    dispatch.send(Action::Propose(
                        done.add.iter().map(|&u| qual.units[u].key).collect(),
                    ));
                }
                Err(why) => failure.set(Some(wording::no_completion(&why))),
            }
        })
    };
    let accept = dispatch.to(|_: MouseEvent| Action::Accept);
    let dismiss = dispatch.to(|_: MouseEvent| Action::Dismiss);
    let credits: u64 = planner
        .editing
        .proposal
        .iter()
        .flatten()
        .filter_map(|&k| qual.unit_by_key(k))
        .filter_map(|u| qual.units[u].credits.value().copied())
        .map(u64::from)
        .sum();
    html! {
        <section class="panel" aria-labelledby="complete-heading">
            <h2 id="complete-heading">{ "Complete my plan" }</h2>
            <p class="muted">{ "Proposes the fewest extra credits that complete the plan, using units with stated values and leaving out units not offered at your centre." }</p>
            <button onclick={propose}>{ "Complete my plan" }</button>
            if let Some(message) = &*failure { <p role="status">{ message }</p> }
            if let Some(keys) = &planner.editing.proposal {
                <div class="proposal" role="region" aria-label="Proposed units">
                    if keys.is_empty() {
                        <p>{ wording::ALREADY_COMPLETE }</p>
                    } else {
                        <p>{ wording::completion(keys.len(), credits) }</p>
                        <ul>{ for keys.iter().filter_map(|&k| qual.unit_by_key(k)).map(|u| {
                            let unit = &qual.units[u];
                            html! { <li>{ format!("{} {} ({})", unit.label(), unit.title_text(), wording::credit_count(unit.credits.value().copied().unwrap_or(0).into())) }</li> }
                        }) }</ul>
                    }
                    <button onclick={accept}>{ "Accept" }</button>{ " " }
                    <button class="secondary" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
        </section>
    }
}
