//! One unit: a checkbox (or why it cannot be chosen), its facts with "not stated" where the
//! specification is silent, progress, "not offered", and values the learner enters.

use yew::prelude::*;

use super::qualification;
use crate::catalogue::limits::MAX_UNIT_CREDITS;
use crate::catalogue::{Basis, UnitIdx};
use crate::document::{EnteredValues, Progress};
use crate::engine::Availability;
use crate::web::state::{Action, Edit};
use crate::web::use_planner;
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
    /// How far the learner has got with it.
    pub progress: Progress,
    /// Values the learner entered for it.
    pub entered: EnteredValues,
    /// Whether the learner's centre does not offer it.
    pub not_offered: bool,
}

fn why(basis: &Basis) -> String {
    match basis {
        Basis::Unknown(why) => format!("Not stated in the specification: {why}"),
        other => other.explain(),
    }
}

/// A unit in the list.
#[component(UnitRow)]
pub fn unit_row(props: &Props) -> Html {
    let planner = use_planner();
    let Some(qual) = qualification(&props.qualification) else {
        return html! {};
    };
    let unit = &qual.units[props.unit];
    let key = unit.key;
    let mandatory = qual.is_mandatory(props.unit);
    let checked = props.availability == Availability::InPlan;
    let id = format!("unit-{key}");
    let reason = match props.availability {
        Availability::Barred {
            with,
            mandatory: true,
        } => Some(format!(
            "barred with mandatory unit {}",
            qual.units[with].label()
        )),
        Availability::Barred {
            with,
            mandatory: false,
        } => Some(format!(
            "barred with {}, which is in your plan",
            qual.units[with].label()
        )),
        Availability::OverMaximum { rule } => Some(format!(
            "would break “{}”",
            qual.rules[rule].rule.describe(qual)
        )),
        _ => None,
    };
    let disabled = mandatory || (reason.is_some() && !checked);
    let toggle = {
        let planner = planner.clone();
        Callback::from(move |_: Event| planner.dispatch(Action::Edit(Edit::Toggle(key))))
    };
    let offered = {
        let planner = planner.clone();
        Callback::from(move |_: Event| planner.dispatch(Action::Edit(Edit::ToggleOffered(key))))
    };
    let progress = {
        let planner = planner.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let p = match value.as_str() {
                "in_progress" => Progress::InProgress,
                "achieved" => Progress::Achieved,
                _ => Progress::Planned,
            };
            planner.dispatch(Action::Edit(Edit::Progress(key, p)));
        })
    };
    let entered = props.entered.clone();
    let set_credits = {
        let planner = planner.clone();
        let entered = entered.clone();
        Callback::from(move |e: Event| {
            let text = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            let credits = text
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|&c| c <= MAX_UNIT_CREDITS);
            planner.dispatch(Action::Edit(Edit::Entered(
                key,
                EnteredValues {
                    credits,
                    ..entered.clone()
                },
            )));
        })
    };
    let set_level = {
        let planner = planner.clone();
        let entered = entered.clone();
        Callback::from(move |e: Event| {
            let text = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let level = (!text.is_empty()).then_some(text);
            planner.dispatch(Action::Edit(Edit::Entered(
                key,
                EnteredValues {
                    level,
                    ..entered.clone()
                },
            )));
        })
    };
    let credits = match (unit.credits.value(), entered.credits) {
        (Some(c), _) => {
            html! { <span title={why(unit.credits.basis())}>{ format!("{c} credits") }</span> }
        }
        (None, Some(c)) => {
            html! { <span class="entered">{ format!("{c} credits (entered by you)") }</span> }
        }
        (None, None) => {
            html! { <span class="unknown" tabindex="0" title={why(unit.credits.basis())} aria-label={format!("Credits not stated. {}", why(unit.credits.basis()))}>{ "credits not stated" }</span> }
        }
    };
    let level = match (unit.level.value(), entered.level.as_deref()) {
        (Some(l), _) => {
            let inferred = matches!(unit.level.basis(), Basis::Inferred(_));
            let name = wording::level(*l);
            html! { <span title={why(unit.level.basis())}>{ format!("{name}{}", if inferred { " (inferred)" } else { "" }) }</span> }
        }
        (None, Some(l)) => {
            html! { <span class="entered">{ format!("{} (entered by you)", wording::level_text(l)) }</span> }
        }
        (None, None) => {
            html! { <span class="unknown" tabindex="0" title={why(unit.level.basis())} aria-label={format!("Level not stated. {}", why(unit.level.basis()))}>{ "level not stated" }</span> }
        }
    };
    let glh = unit
        .glh
        .value()
        .map(|g| format!(" · {g} GLH"))
        .unwrap_or_default();
    let needs_values = unit.credits.value().is_none() || unit.level.value().is_none();
    let not_offered = props.not_offered;
    let label = unit.label().to_string();
    html! {
        <li class={classes!("unit", checked.then_some("chosen"), disabled.then_some("disabled"))}>
            <input type="checkbox" id={id.clone()} checked={checked} disabled={disabled} onchange={toggle}
                aria-describedby={format!("{id}-meta")} />
            <label for={id.clone()}>
                <span class="unit-code">{ unit.label() }</span>{ " " }<span class="unit-title">{ unit.title_text() }</span>
            </label>
            <div class="unit-meta" id={format!("{id}-meta")}>
                { level }{ " · " }{ credits }{ glh }
                { unit.reference.value().filter(|r| unit.code.value().is_some() && *r != unit.label()).map(|r| format!(" · {r}")).unwrap_or_default() }
                if mandatory { { " · mandatory" } }
                if let Some(reason) = reason { <span class="reason">{ format!(" · ✗ Can't add: {reason}") }</span> }
                if not_offered { <span class="reason">{ " · not offered at my centre" }</span> }
                if checked { <span class="print-only">{ format!("Status: {}", props.progress.label()) }</span> }
            </div>
            <div class="unit-tools">
                if checked {
                    <label>{ "Progress " }
                        <select onchange={progress} aria-label={format!("Progress of {label}")}>
                            { for [Progress::Planned, Progress::InProgress, Progress::Achieved].into_iter().map(|p| {
                                let value = match p { Progress::Planned => "planned", Progress::InProgress => "in_progress", Progress::Achieved => "achieved" };
                                html! { <option value={value} selected={props.progress == p}>{ p.label() }</option> }
                            }) }
                        </select>
                    </label>
                } else if !mandatory {
                    <label><input type="checkbox" checked={not_offered} onchange={offered} />{ format!(" {label} not offered at my centre") }</label>
                }
                if needs_values {
                    <details>
                        <summary>{ format!("Enter values for {label} from your centre's unit list") }</summary>
                        if unit.credits.value().is_none() {
                            <label>{ "Credits " }<input type="number" min="0" max={MAX_UNIT_CREDITS.to_string()} value={entered.credits.map(|c| c.to_string()).unwrap_or_default()} onchange={set_credits} aria-label={format!("Credits for {label}")} /></label>
                        }
                        if unit.level.value().is_none() {
                            <label>{ " Level " }
                                <select onchange={set_level} aria-label={format!("Level of {label}")}>
                                    <option value="" selected={entered.level.is_none()}>{ "not entered" }</option>
                                    { for ["Entry 1", "Entry 2", "Entry 3", "1", "2", "3", "4", "5", "6", "7", "8"].into_iter().map(|l| html! {
                                        <option value={l} selected={entered.level.as_deref() == Some(l)}>{ l }</option>
                                    }) }
                                </select>
                            </label>
                        }
                    </details>
                }
            </div>
        </li>
    }
}
