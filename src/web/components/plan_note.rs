//! A note on the plan: plain text of bounded length, never markup. A longer note is cut,
//! and the note says what was left out.

use yew::prelude::*;

use crate::document::{cut_off, MAX_NOTE};
use crate::web::hooks::use_dispatch;
use crate::web::state::{Action, Edit};
use crate::wording;

/// Properties of [`PlanNote`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The note now.
    pub note: Option<String>,
}

/// A text area saved when it loses focus. It has no `maxlength`: a browser would cut a
/// pasted note without a word.
#[component(PlanNote)]
pub fn plan_note(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let left_out = use_state(|| None::<String>);
    let onchange = {
        let left_out = left_out.clone();
        Callback::from(move |e: Event| {
            let text = e
                .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                .value();
            left_out.set(cut_off(&text, MAX_NOTE));
            dispatch.send(Action::Edit(Edit::Note(text)));
        })
    };
    html! {
        <section class="panel note" aria-labelledby="note-heading">
            <h2 id="note-heading">{ "Note" }</h2>
            <label>{ format!("A note on this plan (up to {MAX_NOTE} characters)") }
                <textarea rows="3" value={props.note.clone().unwrap_or_default()} {onchange} />
            </label>
            <p role="status" class="muted">{ for left_out.as_deref().map(|cut| wording::cut("A note", MAX_NOTE, cut)) }</p>
            if let Some(note) = &props.note { <p class="print-only">{ format!("Note: {note}") }</p> }
        </section>
    }
}
