//! What my units count toward: the other qualifications in the catalogue that the plan's
//! units appear in, where a plan there would stand with them carried over, and one action
//! to start that plan.

use std::rc::Rc;

use yew::prelude::*;

use crate::document::carry::{carried_plan, destinations, Match};
use crate::document::Checked;
use crate::web::hooks::{use_catalogue, use_dispatch};
use crate::web::route::{go, Route};
use crate::web::services::today;
use crate::web::state::Action;
use crate::wording;

/// Properties of [`CarryPanel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The qualification's id.
    pub qualification: String,
    /// The plan, evaluated once by the page.
    pub checked: Rc<Checked>,
}

/// One entry per other qualification with units in common.
#[component(CarryPanel)]
pub fn carry_panel(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let shared = use_catalogue();
    let catalogue = shared.all();
    let Some(from) = catalogue.iter().position(|q| q.id == props.qualification) else {
        return html! {};
    };
    let units: Vec<usize> = props.checked.plan.units().collect();
    let found = use_memo((shared.clone(), from, units), |(shared, from, units)| {
        let catalogue = shared.all();
        destinations(catalogue, *from, units)
            .into_iter()
            .map(|d| {
                let to = &catalogue[d.qualification];
                let eval = carried_plan(&catalogue[*from], to, &d.units).check(to).eval;
                (d, wording::headline(to, &eval))
            })
            .collect::<Vec<_>>()
    });
    let source = &catalogue[from];
    html! {
        <section class="panel carry" aria-labelledby="carry-heading">
            <h2 id="carry-heading">{ "What my units count toward" }</h2>
            if found.is_empty() {
                <p class="muted">{ "No other qualification in the catalogue has units of this plan." }</p>
            }
            { for found.iter().map(|(d, headline)| {
                let to = &catalogue[d.qualification];
                let probable = d.units.iter().any(|c| c.by == Match::Title);
                let start = {
                    let dispatch = dispatch.clone();
                    let (from_id, to_id, units) = (source.id.clone(), to.id.clone(), d.units.clone());
                    Callback::from(move |_: MouseEvent| {
                        dispatch.send(Action::Carry(from_id.clone(), to_id.clone(), units.clone()));
                        go(&Route::Qualification { id: to_id.clone() });
                    })
                };
                html! {
                    <article class="destination">
                        <h3>{ to.title_text() }</h3>
                        <ul>
                            { for d.units.iter().map(|c| html! {
                                <li>{ format!("{} → {}: {}", source.units[c.from].label(), to.units[c.to].label(), wording::carry_match(c.by)) }</li>
                            }) }
                        </ul>
                        <p>{ format!("With these carried over: {headline}") }</p>
                        if let Some(closed) = wording::closed(to, today()) { <p class="banner unconfirmed">{ closed }</p> }
                        if probable { <p class="muted">{ "Units matched by title only are probably, not certainly, the same: confirm with your centre before relying on them." }</p> }
                        <button onclick={start} aria-label={format!("Start a plan for {} with these units as credit transfer", to.title_text())}>{ "Start a plan there with these units" }</button>
                    </article>
                }
            }) }
        </section>
    }
}
