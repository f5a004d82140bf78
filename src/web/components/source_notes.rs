//! The catalogue's notes on the source: anomalies and the readings taken.

use yew::prelude::*;

use crate::web::hooks::use_catalogue;

/// Properties of [`SourceNotes`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The qualification's id.
    pub qualification: String,
}

/// Lists the notes, so an adviser can see why a value is as it is.
#[component(SourceNotes)]
pub fn source_notes(props: &Props) -> Html {
    let catalogue = use_catalogue();
    let Some(qual) = catalogue.by_id(&props.qualification) else {
        return html! {};
    };
    if qual.notes.is_empty() {
        return html! {};
    }
    html! {
        <section class="notes" aria-labelledby="notes-heading">
            <h2 id="notes-heading">{ "Notes on the specification" }</h2>
            <ul>
                { for qual.notes.iter().map(|n| html! {
                    <li><strong>{ match n.kind.name() { "anomaly" => "Anomaly: ", "reading" => "Reading taken: ", _ => "Note: " } }</strong>{ &n.text }</li>
                }) }
            </ul>
        </section>
    }
}
