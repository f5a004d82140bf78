//! A draft qualification file reviewed beside its source: one table per part (the
//! qualification, its groups, each unit, its rules, its barred units), each value with
//! how it is known and the line it was read from, then what was not read. Plain functions,
//! not components: drawn only when a new draft arrives, they need no state of their own,
//! and each component would add its own copy of Yew's machinery to the first load.

use yew::prelude::*;

use crate::import::review::{Basis, Review, Row, Section};
use crate::wording;

/// The values of the draft beside their source lines, and the list of values not read.
pub fn draft_review(r: &Review) -> Html {
    html! {
        <>
            <p class="draft-counts">{ wording::import_counts(r.counts.stated, r.counts.inferred, r.counts.not_read) }</p>
            { for r.sections.iter().filter(|s| !s.rows.is_empty()).map(section) }
            <section class="not-read" aria-labelledby="not-read-heading">
                <h3 id="not-read-heading">{ format!("Not read ({})", r.not_read.len()) }</h3>
                if r.not_read.is_empty() {
                    <p class="muted">{ "Nothing: every value was read from a line." }</p>
                } else {
                    <p class="muted">{ "The draft leaves these unknown; it never guesses them. A rule that needs one is shown as \"depends on values not stated\" until you enter the value." }</p>
                    <ul>
                        { for r.not_read.iter().map(|u| html! { <li>{ format!("{}: {}", u.what, u.why) }</li> }) }
                    </ul>
                }
            </section>
        </>
    }
}

fn section(s: &Section) -> Html {
    html! {
        <table class="draft">
            <caption>{ &s.heading }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Value" }</th>
                    <th scope="col">{ "Read as" }</th>
                    <th scope="col">{ "Line" }</th>
                    <th scope="col">{ "Printed in the text" }</th>
                </tr>
            </thead>
            <tbody>{ for s.rows.iter().map(row) }</tbody>
        </table>
    }
}

fn row(r: &Row) -> Html {
    let value = match &r.value {
        Some(v) => html! { <td>{ v }</td> },
        None => html! { <td class="unknown">{ "not read" }</td> },
    };
    let (line, text) = match &r.basis {
        Basis::Stated { text, .. } => (
            r.lines().unwrap_or_default(),
            html! { <td><code class="source-line">{ text }</code></td> },
        ),
        Basis::Inferred { why } => (
            "—".into(),
            html! { <td>{ format!("inferred: {why}") }</td> },
        ),
        Basis::NotRead { why } => ("—".into(), html! { <td class="muted">{ why }</td> }),
    };
    html! {
        <tr>
            <th scope="row">{ &r.what }</th>
            { value }
            <td>{ line }</td>
            { text }
        </tr>
    }
}
