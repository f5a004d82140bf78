//! A unit's row: a checkbox (or why it cannot be chosen), its facts, and the tools that
//! apply to it (progress when chosen, "not offered" otherwise, values to enter).

use yew::prelude::*;

use crate::web::hooks::use_catalogue;

use super::entered_values::{entered_values_form, Asks};
use super::facts::facts;
use super::progress_picker::progress_picker;
use crate::catalogue::UnitIdx;
use crate::document::carry::{carried_match, Match};
use crate::document::{EnteredValues, Progress};
use crate::engine::Availability;
use crate::web::hooks::use_dispatch;
use crate::web::state::{Action, Edit};
use crate::wording;

/// Properties of [`UnitRow`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The qualification's id.
    pub qualification: String,
    /// The unit.
    pub unit: UnitIdx,
    /// Whether it is in the plan, can be added, or why not.
    pub availability: Availability,
    /// Whether it is mandatory on the plan's pathway (always in the plan).
    pub mandatory: bool,
    /// How far the learner has got with it.
    pub progress: Progress,
    /// Values the learner entered for it.
    pub entered: EnteredValues,
    /// Whether the learner's centre does not offer it.
    pub not_offered: bool,
    /// Where it was achieved, when brought in by credit transfer.
    pub transfer: Option<crate::document::Transfer>,
    /// The unit that counts instead, when only one of the two counts and it is not this one.
    #[prop_or_default]
    pub counted_instead: Option<UnitIdx>,
}

/// A unit in the list.
#[component(UnitRow)]
pub fn unit_row(props: &Props) -> Html {
    let catalogue = use_catalogue();
    let dispatch = use_dispatch();
    let Some(qual) = catalogue.by_id(&props.qualification) else {
        return html! {};
    };
    let unit = &qual.units[props.unit];
    let key = unit.key;
    crate::web::renders::note("UnitRow", key);
    let mandatory = props.mandatory;
    let checked = props.availability == Availability::InPlan;
    let reason = wording::cannot_add(qual, props.availability);
    let disabled = mandatory || (reason.is_some() && !checked);
    let toggle = dispatch.to(move |_: Event| Action::Edit(Edit::Toggle(key)));
    let offered = dispatch.to(move |_: Event| Action::Edit(Edit::ToggleOffered(key)));
    let id = format!("unit-{key}");
    let label = AttrValue::from(unit.label().to_string());
    // A unit carried from a qualification where only its title matches.
    let by_title = props
        .transfer
        .as_ref()
        .filter(|t| {
            props.progress == Progress::Transferred
                && carried_match(catalogue.all(), &t.from, unit) == Some(Match::Title)
        })
        .map(|t| t.from.clone());
    let ask_credits = unit.credits.value().is_none();
    let ask_level = unit.level.value().is_none();
    html! {
        <li class={classes!("unit", checked.then_some("chosen"), disabled.then_some("disabled"))}>
            <input type="checkbox" id={id.clone()} checked={checked} disabled={disabled} onchange={toggle}
                aria-describedby={format!("{id}-meta")} />
            <label for={id.clone()}>
                <span class="unit-code">{ unit.label() }</span>{ " " }<span class="unit-title">{ unit.title_text() }</span>
            </label>
            <div class="unit-meta" id={format!("{id}-meta")}>
                { facts(unit, &props.entered) }
                if mandatory { { " · mandatory" } }
                if let Some(reason) = reason { <span class="reason">{ format!(" · ✗ Can't add: {reason}") }</span> }
                if props.not_offered { <span class="reason">{ " · not offered at my centre" }</span> }
                if let Some(counted) = props.counted_instead { <span class="reason">{ format!(" · {}", wording::not_counted(qual, props.unit, counted)) }</span> }
                if let Some(from) = by_title { <span class="reason">{ format!(" · credit transfer from {from}: {}", wording::carry_match(Match::Title)) }</span> }
                if checked || props.progress.held() { <span class="print-only">{ format!("Status: {}", props.progress.label()) }</span> }
            </div>
            <div class="unit-tools">
                if checked {
                    { progress_picker(&dispatch, key, &label, props.progress, props.transfer.as_ref()) }
                } else if !mandatory {
                    <label><input type="checkbox" checked={props.not_offered} onchange={offered} />{ format!(" {label} not offered at my centre") }</label>
                }
                if ask_credits || ask_level {
                    { entered_values_form(&dispatch, key, &label, Asks { credits: ask_credits, level: ask_level }, &props.entered) }
                }
            </div>
        </li>
    }
}
