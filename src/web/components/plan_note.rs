//! A note on the plan: plain text of bounded length, never markup.

use yew::prelude::*;

use crate::document::MAX_NOTE;
use crate::web::hooks::use_dispatch;
use crate::web::state::{Action, Edit};

/// Properties of [`PlanNote`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The note now.
    pub note: Option<String>,
}

/// A text area saved when it loses focus.
#[component(PlanNote)]
pub fn plan_note(props: &Props) -> Html {
    let onchange = use_dispatch().to(|e: Event| {
        let text = e
            .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
            .value();
        Action::Edit(Edit::Note(text))
    });
    html! {
        <section class="panel note" aria-labelledby="note-heading">
            <h2 id="note-heading">{ "Note" }</h2>
            <label>{ format!("A note on this plan (up to {MAX_NOTE} characters)") }
                <textarea maxlength={MAX_NOTE.to_string()} rows="3" value={props.note.clone().unwrap_or_default()} {onchange} />
            </label>
            if let Some(note) = &props.note { <p class="print-only">{ format!("Note: {note}") }</p> }
        </section>
    }
}
