//! A qualification: its groups and units to choose from, the live rule summary, and the
//! notes on the source.

use yew::prelude::*;

use crate::catalogue::{builtin, group_name};
use crate::engine::{evaluate, Plan};
use crate::web::state::Action;

use super::rules_summary::RulesSummary;
use super::unit_row::UnitRow;

/// Properties of [`QualificationPage`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Index of the qualification in the built-in catalogue.
    pub index: usize,
    /// The current plan.
    pub plan: Plan,
    /// Sends the user's actions to the planner state.
    pub dispatch: Callback<Action>,
}

/// The planning page for one qualification.
#[function_component(QualificationPage)]
pub fn qualification_page(props: &Props) -> Html {
    let qual = &builtin::catalogue()[props.index];
    let eval = evaluate(qual, &props.plan);
    let back = props.dispatch.reform(|_: MouseEvent| Action::Close);
    html! {
        <>
            <nav><button class="link" onclick={back}>{ "← All qualifications" }</button></nav>
            <h1>{ qual.title_text() }</h1>
            <p class="qual-meta">{ format!("{} · {}", qual.awarding_body.value().cloned().unwrap_or_default(), qual.number.value().cloned().unwrap_or_default()) }</p>
            <div class="layout">
                <section class="units" aria-label="Units">
                    { for qual.groups.iter().enumerate().map(|(g, group)| html! {
                        <fieldset>
                            <legend>{ group_name(qual, g) }{ if group.mandatory { " (mandatory)" } else { " (optional)" } }</legend>
                            <ul>
                                { for qual.units_in(g).map(|u| html! {
                                    <UnitRow qual_index={props.index} unit={u} availability={eval.units[u]} dispatch={props.dispatch.clone()} />
                                }) }
                            </ul>
                        </fieldset>
                    }) }
                </section>
                <RulesSummary eval={eval.clone()} />
            </div>
            if !qual.notes.is_empty() {
                <section class="notes" aria-labelledby="notes-heading">
                    <h2 id="notes-heading">{ "Notes on the source" }</h2>
                    <ul>{ for qual.notes.iter().map(|n| html! { <li><strong>{ format!("{}: ", n.kind.name()) }</strong>{ &n.text }</li> }) }</ul>
                </section>
            }
        </>
    }
}
