//! "Complete my plan": the engine's cheapest completion, previewed before it is accepted.

use std::collections::BTreeSet;

use yew::prelude::*;

use super::qualification;
use crate::document::PlanDoc;
use crate::engine::complete_plan;
use crate::web::state::Action;
use crate::web::use_planner;
use crate::wording;

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
    let planner = use_planner();
    let failure = use_state(|| None::<String>);
    let Some(qual) = qualification(&props.qualification) else {
        return html! {};
    };
    let propose = {
        let planner = planner.clone();
        let failure = failure.clone();
        let doc = props.doc.clone();
        Callback::from(move |_: MouseEvent| {
            let (plan, _) = doc.to_plan(qual);
            let exclude: BTreeSet<usize> = doc
                .not_offered
                .iter()
                .filter_map(|&k| qual.unit_by_key(k))
                .collect();
            match complete_plan(qual, &plan, &exclude) {
                Ok(done) => {
                    failure.set(None);
                    planner.dispatch(Action::Propose(
                        done.add.iter().map(|&u| qual.units[u].key).collect(),
                    ));
                }
                Err(why) => failure.set(Some(format!("No completion found: {}.", why.reason()))),
            }
        })
    };
    let accept = {
        let planner = planner.clone();
        Callback::from(move |_: MouseEvent| planner.dispatch(Action::Accept))
    };
    let dismiss = {
        let planner = planner.clone();
        Callback::from(move |_: MouseEvent| planner.dispatch(Action::Dismiss))
    };
    html! {
        <section class="panel" aria-labelledby="complete-heading">
            <h2 id="complete-heading">{ "Complete my plan" }</h2>
            <p class="muted">{ "Proposes the fewest extra credits that complete the plan, using units with stated values and leaving out units not offered at your centre." }</p>
            <button onclick={propose}>{ "Complete my plan" }</button>
            if let Some(message) = &*failure { <p role="status">{ message }</p> }
            if let Some(keys) = &planner.proposal {
                <div class="proposal" role="region" aria-label="Proposed units">
                    if keys.is_empty() {
                        <p>{ "Your plan is already complete." }</p>
                    } else {
                        <p>{ format!("{}:", wording::proposal(keys.len(), None)) }</p>
                        <ul>{ for keys.iter().filter_map(|&k| qual.unit_by_key(k)).map(|u| {
                            let unit = &qual.units[u];
                            html! { <li>{ format!("{} {} ({})", unit.label(), unit.title_text(), wording::credit_count(unit.credits.value().copied().unwrap_or(0))) }</li> }
                        }) }</ul>
                    }
                    <button onclick={accept}>{ "Accept" }</button>{ " " }
                    <button class="secondary" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
        </section>
    }
}
