//! One unit in the qualification page: a checkbox, or the reason it cannot be chosen.

use yew::prelude::*;

use crate::catalogue::{builtin, UnitIdx};
use crate::engine::Availability;
use crate::web::state::Action;

/// Properties of [`UnitRow`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Index of the qualification in the built-in catalogue.
    pub qual_index: usize,
    /// The unit.
    pub unit: UnitIdx,
    /// Whether it is in the plan, can be added, or why not.
    pub availability: Availability,
    /// Sends toggles to the planner state.
    pub dispatch: Callback<Action>,
}

/// A unit with its code, title, level and credits; optional units toggle with a checkbox.
#[function_component(UnitRow)]
pub fn unit_row(props: &Props) -> Html {
    let qual = &builtin::catalogue()[props.qual_index];
    let unit = &qual.units[props.unit];
    let mandatory = qual.is_mandatory(props.unit);
    let id = format!("unit-{}", unit.key);
    let checked = props.availability == Availability::InPlan;
    let blocked_reason = match props.availability {
        Availability::Barred { with, mandatory: true } => {
            Some(format!("Barred with mandatory unit {}", qual.units[with].label()))
        }
        Availability::Barred { with, mandatory: false } => {
            Some(format!("Barred with {}, which is in your plan", qual.units[with].label()))
        }
        Availability::OverMaximum { rule } => Some(format!("Would go over: {}", qual.rules[rule].rule.describe(qual))),
        _ => None,
    };
    let disabled = mandatory || (blocked_reason.is_some() && !checked);
    let onchange = {
        let u = props.unit;
        props.dispatch.reform(move |_: Event| Action::Toggle(u))
    };
    let credits = unit.credits.value().map_or("not stated".to_string(), |c| format!("{c} credits"));
    let level = unit.level.value().map_or("level not stated".to_string(), |l| format!("Level {l}"));
    html! {
        <li class={classes!("unit", checked.then_some("chosen"), disabled.then_some("disabled"))}>
            <input type="checkbox" id={id.clone()} {checked} {disabled} {onchange}
                aria-describedby={format!("{id}-meta")} />
            <label for={id.clone()}>
                <span class="unit-code">{ unit.label() }</span>
                { " " }<span class="unit-title">{ unit.title_text() }</span>
            </label>
            <span class="unit-meta" id={format!("{id}-meta")}>
                { format!("{level} · {credits}") }
                if mandatory { { " · mandatory" } }
                if let Some(reason) = blocked_reason { <span class="reason">{ format!(" · ⛔ {reason}") }</span> }
            </span>
        </li>
    }
}
