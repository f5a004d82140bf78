//! An adviser's review: the verdict on the plan as it stood, whether it is still current,
//! what changed since, and a form for an adviser to add one.

use yew::prelude::*;

use crate::web::hooks::use_catalogue;

use crate::document::{cut_off, PlanDoc, Verdict, MAX_NAME, MAX_NOTE};
use crate::web::hooks::use_dispatch;
use crate::web::services::today;
use crate::web::state::{Action, Edit};
use crate::wording;

/// Properties of [`ReviewPanel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The qualification's id.
    pub qualification: String,
    /// The plan being worked on.
    pub doc: PlanDoc,
}

/// The review, if any, and the adviser's form.
#[component(ReviewPanel)]
pub fn review_panel(props: &Props) -> Html {
    let catalogue = use_catalogue();
    let dispatch = use_dispatch();
    let by = use_state(String::new);
    let verdict = use_state(|| Verdict::Approved);
    let note = use_state(String::new);
    let Some(qual) = catalogue.by_id(&props.qualification) else {
        return html! {};
    };
    let text = |state: UseStateHandle<String>| {
        Callback::from(move |e: InputEvent| {
            state.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let note_input = {
        let note = note.clone();
        Callback::from(move |e: InputEvent| {
            note.set(
                e.target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                    .value(),
            )
        })
    };
    let choose = |v: Verdict| {
        let verdict = verdict.clone();
        Callback::from(move |_: Event| verdict.set(v))
    };
    let submit = {
        let (by, verdict, note) = (by.clone(), verdict.clone(), note.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if by.trim().is_empty() {
                return;
            }
            dispatch.send(Action::Edit(Edit::Review {
                by: (*by).clone(),
                verdict: *verdict,
                note: (*note).clone(),
            }));
        })
    };
    let current = props.doc.review.as_ref().map(|review| {
        let changes = review.changes_since(&props.doc);
        let lines = wording::changes(qual, &changes);
        let class = if !changes.is_empty() {
            "unconfirmed"
        } else if review.verdict == Verdict::Approved {
            "complete"
        } else {
            "incomplete"
        };
        html! {
            <div class={classes!("banner", class)} role="status">
                <p class="verdict">{ wording::review(review, changes.is_empty()) }</p>
                if !review.note.is_empty() { <p>{ format!("Adviser's note: {}", review.note) }</p> }
                if !lines.is_empty() {
                    <p>{ "What changed since the review:" }</p>
                    <ul class="changes">{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                }
            </div>
        }
    });
    html! {
        <section class="panel review" aria-labelledby="review-heading">
            <h2 id="review-heading">{ "Adviser's review" }</h2>
            { current.unwrap_or_else(|| html! { <p class="muted">{ "Not reviewed yet. Share the plan with your adviser; their review comes back in the link they send." }</p> }) }
            <details>
                <summary>{ "I am the adviser: review this plan" }</summary>
                <form onsubmit={submit}>
                    if let Some(closed) = wording::closed(qual, today()) { <p>{ closed }</p> }
                    <label>{ "Your name " }<input type="text" required=true maxlength={MAX_NAME.to_string()} value={(*by).clone()} oninput={text(by.clone())} /></label>
                    <fieldset>
                        <legend>{ "Verdict" }</legend>
                        <label><input type="radio" name="verdict" checked={*verdict == Verdict::Approved} onchange={choose(Verdict::Approved)} />{ " Approved" }</label>
                        <label><input type="radio" name="verdict" checked={*verdict == Verdict::Changes} onchange={choose(Verdict::Changes)} />{ " Changes suggested" }</label>
                    </fieldset>
                    <label>{ format!("Note (up to {MAX_NOTE} characters) ") }<textarea rows="2" value={(*note).clone()} oninput={note_input} /></label>
                    <p role="status" class="muted">{ for cut_off(&note, MAX_NOTE).map(|cut| wording::cut("A note", MAX_NOTE, &cut)) }</p>
                    <button type="submit">{ "Add review" }</button>
                    <p class="muted">{ "Then copy the share link below and send it back: it carries your review." }</p>
                </form>
            </details>
        </section>
    }
}
