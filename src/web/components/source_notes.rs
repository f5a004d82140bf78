//! The catalogue's notes on the source: anomalies and the readings taken.

use yew::prelude::*;

use crate::catalogue::Qualification;

/// Lists the notes, so an adviser can see why a value is as it is. A plain function, not a
/// component (a component costs the wasm about 2.5 KB).
pub fn source_notes(qual: &Qualification) -> Html {
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
