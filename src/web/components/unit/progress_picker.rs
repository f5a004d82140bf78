//! How far the learner has got with a chosen unit, and, for a unit brought in by credit
//! transfer, where and when it was achieved.

use yew::prelude::*;

use crate::catalogue::Date;
use crate::document::{Progress, Transfer, MAX_FROM};
use crate::web::hooks::Dispatch;
use crate::web::state::{Action, Edit};

/// A choice of progress for the unit `key` (its code `label` names the control): `progress`
/// recorded now, and where it was achieved (`transfer`) when transferred. Part of the row,
/// not a component of its own (a component costs the wasm about 2.5 KB).
pub fn progress_picker(
    dispatch: &Dispatch,
    key: u32,
    label: &AttrValue,
    progress: Progress,
    transfer: Option<&Transfer>,
) -> Html {
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
    let transfer = transfer.cloned().unwrap_or_default();
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
    html! {
        <>
            <label>{ "Progress " }
                <select {onchange} aria-label={format!("Progress of {label}")}>
                    { for Progress::ALL.into_iter().map(|p| html! {
                        <option value={p.name()} selected={progress == p}>{ p.label() }</option>
                    }) }
                </select>
            </label>
            if progress == Progress::Transferred {
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
