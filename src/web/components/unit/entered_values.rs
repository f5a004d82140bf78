//! Credits and level the learner enters, from their centre's unit list, where the
//! specification does not state them.

use yew::prelude::*;

use crate::catalogue::limits::MAX_UNIT_CREDITS;
use crate::catalogue::Level;
use crate::document::EnteredValues;
use crate::web::hooks::use_dispatch;
use crate::web::state::{Action, Edit};

/// Properties of [`EnteredValuesForm`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The unit's key.
    pub unit_key: u32,
    /// The unit's code, to name the controls.
    pub label: AttrValue,
    /// Whether the specification leaves the credits unstated.
    pub ask_credits: bool,
    /// Whether the specification leaves the level unstated.
    pub ask_level: bool,
    /// What the learner entered so far.
    pub entered: EnteredValues,
}

/// A folded form for the unstated values of one unit.
#[component(EnteredValuesForm)]
pub fn entered_values_form(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let key = props.unit_key;
    let set = |change: fn(&mut EnteredValues, String)| {
        let dispatch = dispatch.clone();
        let entered = props.entered.clone();
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
    let label = &props.label;
    let entered = &props.entered;
    html! {
        <details>
            <summary>{ format!("Enter values for {label} from your centre's unit list") }</summary>
            if props.ask_credits {
                <label>{ "Credits " }<input type="number" min="0" max={MAX_UNIT_CREDITS.to_string()}
                    value={entered.credits.map(|c| c.to_string())}
                    onchange={set_credits} aria-label={format!("Credits for {label}")} /></label>
            }
            if props.ask_level {
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
