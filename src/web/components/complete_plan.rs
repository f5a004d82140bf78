//! "Complete my plan": the engine module's cheapest completion (`crate::completion`),
//! previewed before it is accepted. The button says "Working…" while the module answers.

use yew::prelude::*;

use crate::completion::{Answer, Request};
use crate::document::PlanDoc;
use crate::web::hooks::{use_catalogue, use_dispatch, use_planner};
use crate::web::services::engine;
use crate::web::state::Action;
use crate::{pathway_wording, wording};

/// Properties of [`CompletePlan`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The qualification's id.
    pub qualification: String,
    /// The plan being worked on.
    pub doc: PlanDoc,
}

/// The button, the preview, and why no completion exists when none does.
#[component(CompletePlan)]
pub fn complete_plan_panel(props: &Props) -> Html {
    let catalogue = use_catalogue();
    let planner = use_planner();
    let dispatch = use_dispatch();
    let failure = use_state(|| None::<String>);
    let working = use_state(|| false);
    let Some(qual) = catalogue.by_id(&props.qualification) else {
        return html! {};
    };
    let propose = {
        let (dispatch, failure, working) = (dispatch.clone(), failure.clone(), working.clone());
        let (doc, id, catalogue) = (
            props.doc.clone(),
            props.qualification.clone(),
            catalogue.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if *working {
                return;
            }
            working.set(true);
            let (dispatch, failure, working) = (dispatch.clone(), failure.clone(), working.clone());
            // The centre's file is cloned on the click, not on every render.
            let request = Request {
                centre: catalogue.file(&id).cloned(),
                doc: doc.clone(),
            };
            wasm_bindgen_futures::spawn_local(async move {
                let answer = engine::complete(&request).await;
                working.set(false);
                match answer {
                    Answer::Proposal { pathway, keys } => {
                        failure.set(None);
                        dispatch.send(match pathway {
                            Some(p) => Action::ProposeOn(p, keys),
                            None => Action::Propose(keys),
                        });
                    }
                    Answer::Failed(message) => failure.set(Some(message)),
                }
            });
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
            <button onclick={propose} aria-busy={working.to_string()}>{ if *working { "Working…" } else { "Complete my plan" } }</button>
            if let Some(message) = &*failure { <p role="status">{ message }</p> }
            if let Some(keys) = &planner.editing.proposal {
                <div class="proposal" role="region" aria-label="Proposed units">
                    if let Some(p) = planner.editing.proposal_pathway.as_deref().and_then(|id| qual.find_pathway(id)) {
                        <p>{ pathway_wording::proposes(qual, p) }</p>
                    }
                    if keys.is_empty() && planner.editing.proposal_pathway.is_none() {
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
