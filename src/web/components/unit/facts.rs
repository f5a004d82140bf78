//! A unit's facts — level, credits, hours, reference — with "not stated" and the reason
//! where the specification is silent, and values the learner entered marked as theirs.

use yew::prelude::*;

use crate::catalogue::{Basis, Unit};
use crate::document::EnteredValues;
use crate::wording;

fn why(basis: &Basis) -> String {
    match basis {
        Basis::Unknown(why) => format!("Not stated in the specification: {why}"),
        other => other.explain(),
    }
}

fn not_stated(what: &str, basis: &Basis) -> Html {
    html! {
        <span class="unknown" tabindex="0" title={why(basis)}
            aria-label={format!("{what} not stated. {}", why(basis))}>{ format!("{} not stated", what.to_lowercase()) }</span>
    }
}

/// The facts line's parts: level, credits, then hours and reference when known.
pub fn facts(unit: &Unit, entered: &EnteredValues) -> Html {
    let credits = match (unit.credits.value(), entered.credits) {
        (Some(c), _) => {
            html! { <span title={why(unit.credits.basis())}>{ format!("{c} credits") }</span> }
        }
        (None, Some(c)) => {
            html! { <span class="entered">{ format!("{c} credits (entered by you)") }</span> }
        }
        (None, None) => not_stated("Credits", unit.credits.basis()),
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
        (None, None) => not_stated("Level", unit.level.basis()),
    };
    let glh = unit.glh.value().map(|g| format!(" · {g} GLH"));
    let reference = unit
        .reference
        .value()
        .filter(|r| unit.code.value().is_some() && *r != unit.label())
        .map(|r| format!(" · {r}"));
    html! { <>{ level }{ " · " }{ credits }{ for glh }{ for reference }</> }
}
