//! The importer's page (`/import/`): paste a specification's text (or open a `.txt`
//! file), make a draft qualification file from it in the tools worker, review the draft
//! beside the source lines, download it or add it as the centre's qualification (read
//! and validated as any centre file is: a draft refused keeps the page as it is).

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::document::centre::{self, ReadFile};
use crate::import::review::{self, Drafted};
use crate::web::components::{draft_review, Notice};
use crate::web::hooks::{use_catalogue, use_dispatch, Dispatch};
use crate::web::route::Route;
use crate::web::services::{centre_file, files, importer};
use crate::web::state::{Action, Shared};
use crate::wording;
use crate::wording_centre;

/// Where the page is.
#[derive(Clone)]
enum Phase {
    /// Nothing asked yet.
    Idle,
    /// The worker is reading the text.
    Working,
    /// A short message: no draft.
    Failed(String),
    /// The draft, to review.
    Drafted(Rc<Drafted>),
}

/// The import page.
#[component(ImportPage)]
pub fn import_page() -> Html {
    let catalogue = use_catalogue();
    let dispatch = use_dispatch();
    let text = use_node_ref();
    let name = use_mut_ref(|| None::<String>);
    let phase = use_state(|| Phase::Idle);
    // The last request: an answer to an earlier one is dropped.
    let asked = use_memo((), |_| Cell::new(0_u32));
    // Pre-rendered disabled; enabled once the app runs.
    let ready = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| ready.set(true));
    }
    let on_pick = {
        let (text, name, phase) = (text.clone(), name.clone(), phase.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let (text, name, phase) = (text.clone(), name.clone(), phase.clone());
            files::read_named(
                &input,
                review::MAX_TEXT,
                Callback::from(move |(picked, read): files::Picked| match read {
                    Some(Ok(read)) => {
                        if let Some(area) = text.cast::<web_sys::HtmlTextAreaElement>() {
                            area.set_value(&read);
                        }
                        *name.borrow_mut() = Some(picked);
                        phase.set(Phase::Idle);
                    }
                    Some(Err(_)) => phase.set(Phase::Failed(review::TOO_LONG.into())),
                    None => phase.set(Phase::Failed(review::UNREADABLE.into())),
                }),
            );
        })
    };
    let on_input = {
        let name = name.clone();
        Callback::from(move |_: InputEvent| *name.borrow_mut() = None)
    };
    let on_make = {
        let (text, phase, asked) = (text.clone(), phase.clone(), asked.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = text
                .cast::<web_sys::HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            if let Some(refused) = review::refused(&value) {
                return phase.set(Phase::Failed(refused.into()));
            }
            let id = asked.get() + 1;
            asked.set(id);
            phase.set(Phase::Working);
            let (phase, asked, name) = (phase.clone(), asked.clone(), name.borrow().clone());
            wasm_bindgen_futures::spawn_local(async move {
                let answer = importer::draft(&value, name.as_deref()).await;
                if asked.get() == id {
                    phase.set(match answer {
                        Ok(d) if d.review.counts.units == 0 => {
                            Phase::Failed(review::NOTHING_READ.into())
                        }
                        Ok(d) => Phase::Drafted(Rc::new(d)),
                        Err(message) => Phase::Failed(message),
                    });
                }
            });
        })
    };
    let working = matches!(*phase, Phase::Working);
    let status = match &*phase {
        Phase::Idle => html! {},
        Phase::Working => html! { { review::WORKING } },
        Phase::Failed(message) => html! { { message } },
        Phase::Drafted(d) => html! {
            { wording::import_summary(d.review.counts.stated, d.review.counts.not_read, d.problem_count) }
        },
    };
    html! {
        <main class="page import-page">
            <p><a href={Route::Home.href()}>{ "← All qualifications" }</a></p>
            <h1>{ review::TITLE }</h1>
            <p>{ review::INTRO }</p>
            <form class="import-form" onsubmit={on_make}>
                <label for="spec-text">{ "Specification text" }</label>
                <textarea id="spec-text" ref={text} rows="12" spellcheck="false" oninput={on_input} />
                <div class="plan-actions">
                    <label class="import">{ "Or open a text file " }
                        <input type="file" accept=".txt,text/plain" onchange={on_pick} disabled={!*ready} />
                    </label>
                    <button type="submit" disabled={!*ready || working}>{ "Make a draft" }</button>
                </div>
            </form>
            <p role="status" class="import-status">{ status }</p>
            <Notice />
            if let Phase::Drafted(drafted) = &*phase {
                { draft(drafted, &catalogue, &dispatch) }
            }
        </main>
    }
}

/// The draft: its review, its problems, the file itself and what to do with it.
fn draft(d: &Rc<Drafted>, catalogue: &Shared, dispatch: &Dispatch) -> Html {
    let download = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            files::download(&d.file, &d.review.toml);
        })
    };
    let add = {
        let (d, catalogue, dispatch) = (d.clone(), catalogue.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let (d, catalogue, dispatch) = (d.clone(), catalogue.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.send(match add(&d.file, &d.review.toml, &catalogue).await {
                    Ok(spec) => Action::add_centre(spec),
                    Err(message) => {
                        Action::Notice(Some(crate::web::state::Notice::warning(message)))
                    }
                });
            });
        })
    };
    html! {
        <section class="draft-review" aria-labelledby="draft-heading">
            <h2 id="draft-heading">{ "The draft, beside the text it was read from" }</h2>
            if !d.problems.is_empty() {
                <div class="banner unconfirmed" role="alert">
                    <p>{ review::PROBLEMS }</p>
                    <ul>{ for d.problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                </div>
            }
            { draft_review(&d.review) }
            <details class="draft-file">
                <summary>{ "The draft file (TOML)" }</summary>
                <pre>{ &d.review.toml }</pre>
            </details>
            <div class="plan-actions">
                <button onclick={add}>{ "Add this qualification" }</button>
                <button class="secondary" onclick={download}>{ "Download the draft" }</button>
            </div>
        </section>
    }
}

/// The draft as a centre's file, screened, then read and checked as any centre's file is
/// ([`centre_file::read`]); or the message saying why it cannot be added.
async fn add(name: &str, toml: &str, catalogue: &Shared) -> Result<ReadFile, String> {
    centre::screen(toml).map_err(|why| wording_centre::refused(name, why))?;
    centre_file::read(name, toml, catalogue).await
}
