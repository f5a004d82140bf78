//! How far the learner has got with a chosen unit.

use yew::prelude::*;

use crate::document::Progress;
use crate::web::state::{Action, Edit};
use crate::web::use_planner;

/// Properties of [`ProgressPicker`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The unit's key.
    pub unit_key: u32,
    /// The unit's code, to name the control.
    pub label: AttrValue,
    /// The progress recorded now.
    pub progress: Progress,
}

/// A choice of progress for one unit.
#[component(ProgressPicker)]
pub fn progress_picker(props: &Props) -> Html {
    let planner = use_planner();
    let key = props.unit_key;
    let onchange = Callback::from(move |e: Event| {
        let value = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        if let Some(p) = Progress::from_name(&value) {
            planner.dispatch(Action::Edit(Edit::Progress(key, p)));
        }
    });
    html! {
        <label>{ "Progress " }
            <select {onchange} aria-label={format!("Progress of {}", props.label)}>
                { for Progress::ALL.into_iter().map(|p| html! {
                    <option value={p.name()} selected={props.progress == p}>{ p.label() }</option>
                }) }
            </select>
        </label>
    }
}
