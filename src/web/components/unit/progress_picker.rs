//! How far the learner has got with a chosen unit, and, for a unit brought in by credit
//! transfer, where and when it was achieved.

use yew::prelude::*;

use crate::catalogue::Date;
use crate::document::{Progress, Transfer, MAX_FROM};
use crate::web::hooks::use_dispatch;
use crate::web::state::{Action, Edit};

/// Properties of [`ProgressPicker`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The unit's key.
    pub unit_key: u32,
    /// The unit's code, to name the control.
    pub label: AttrValue,
    /// The progress recorded now.
    pub progress: Progress,
    /// Where it was achieved, when transferred.
    pub transfer: Option<Transfer>,
}

/// A choice of progress for one unit.
#[component(ProgressPicker)]
pub fn progress_picker(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let key = props.unit_key;
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(p) = Progress::from_name(&value) {
                dispatch.send(Action::Edit(Edit::Progress(key, p)));
            }
        })
    };
    let transfer = props.transfer.clone().unwrap_or_default();
    let set = |change: fn(&mut Transfer, String)| {
        let transfer = transfer.clone();
        dispatch.to(move |e: Event| {
            let mut t = transfer.clone();
            change(
                &mut t,
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            );
            Action::Edit(Edit::Transfer(key, t))
        })
    };
    let label = &props.label;
    html! {
        <>
            <label>{ "Progress " }
                <select {onchange} aria-label={format!("Progress of {label}")}>
                    { for Progress::ALL.into_iter().map(|p| html! {
                        <option value={p.name()} selected={props.progress == p}>{ p.label() }</option>
                    }) }
                </select>
            </label>
            if props.progress == Progress::Transferred {
                <label>{ " Achieved in " }
                    <input type="text" maxlength={MAX_FROM.to_string()} value={transfer.from.clone()}
                        aria-label={format!("Qualification {label} was achieved in")}
                        onchange={set(|t, v| t.from = v)} />
                </label>
                <label>{ " on " }
                    <input type="date" value={transfer.date.map(|d| d.to_string())}
                        aria-label={format!("Date {label} was achieved")}
                        onchange={set(|t, v| t.date = Date::parse_iso(&v))} />
                </label>
            }
        </>
    }
}
