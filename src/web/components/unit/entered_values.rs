//! Credits and level the learner enters, from their centre's unit list, where the
//! specification does not state them.

use yew::prelude::*;

use crate::catalogue::limits::MAX_UNIT_CREDITS;
use crate::catalogue::Level;
use crate::document::EnteredValues;
use crate::web::hooks::Dispatch;
use crate::web::state::{Action, Edit};

/// What the form asks for: whether the specification leaves a unit's credits, and its
/// level, unstated.
pub struct Asks {
    /// The credits are unstated.
    pub credits: bool,
    /// The level is unstated.
    pub level: bool,
}

/// A folded form for the unstated values of the unit `key` (its code `label` names the
/// controls), holding what the learner `entered` so far. Part of the row, not a component
/// of its own (a component costs the wasm about 2.5 KB).
pub fn entered_values_form(
    dispatch: &Dispatch,
    key: u32,
    label: &AttrValue,
    ask: Asks,
    entered: &EnteredValues,
) -> Html {
    let set = |change: fn(&mut EnteredValues, String)| {
        let dispatch = dispatch.clone();
        let entered = entered.clone();
        move |text: String| {
            let mut values = entered.clone();
            change(&mut values, text);
            dispatch.send(Action::Edit(Edit::Entered(key, values)));
        }
    };
    let set_credits = {
        let set = set(|v, text| {
            v.credits = text
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|&c| c <= MAX_UNIT_CREDITS)
        });
        Callback::from(move |e: Event| {
            set(e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value())
        })
    };
    let set_level = {
        let set = set(|v, text| v.level = (!text.is_empty()).then_some(text));
        Callback::from(move |e: Event| {
            set(e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value())
        })
    };
    html! {
        <details>
            <summary>{ format!("Enter values for {label} from your centre's unit list") }</summary>
            if ask.credits {
                <label>{ "Credits " }<input type="number" min="0" max={MAX_UNIT_CREDITS.to_string()}
                    value={entered.credits.map(|c| c.to_string())}
                    onchange={set_credits} aria-label={format!("Credits for {label}")} /></label>
            }
            if ask.level {
                <label>{ " Level " }
                    <select onchange={set_level} aria-label={format!("Level of {label}")}>
                        <option value="" selected={entered.level.is_none()}>{ "not entered" }</option>
                        { for Level::ALL.iter().map(|l| {
                            let value = l.to_string();
                            let selected = entered.level.as_deref() == Some(value.as_str());
                            html! { <option value={value.clone()} {selected}>{ value }</option> }
                        }) }
                    </select>
                </label>
            }
        </details>
    }
}
