//! "Add your centre's qualification": a file in the `specs/` format, picked or pasted,
//! screened here (size, control characters, markup), read from TOML by the tools worker
//! (loaded now, not before), validated with the CLI's messages, then added to the
//! catalogue and kept. A file that does not pass changes nothing.

use yew::prelude::*;

use crate::document::centre::{self, Refusal, MAX_FILE_BYTES};
use crate::web::hooks::{use_catalogue, use_dispatch};
use crate::web::services::{centre_file, files};
use crate::web::state::Action;
use crate::wording_centre;

/// What the pasted text is called in messages.
const PASTED: &str = "pasted text";

/// The picker, the paste box and what went wrong with the last file.
#[component(AddCentre)]
pub fn add_centre() -> Html {
    let catalogue = use_catalogue();
    let dispatch = use_dispatch();
    let problem = use_state(|| None::<String>);
    let reading = use_state(|| false);
    let pasted = use_node_ref();
    let read = {
        let (problem, reading) = (problem.clone(), reading.clone());
        Callback::from(move |(name, text): (String, String)| {
            if let Err(refusal) = centre::screen(&text) {
                problem.set(Some(wording_centre::refused(&name, refusal)));
                return;
            }
            problem.set(None);
            reading.set(true);
            let (catalogue, dispatch) = (catalogue.clone(), dispatch.clone());
            let (problem, reading) = (problem.clone(), reading.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let checked = centre_file::read(&name, &text, &catalogue).await;
                reading.set(false);
                match checked {
                    Ok(spec) => dispatch.send(Action::add_centre(spec)),
                    Err(message) => problem.set(Some(wording_centre::not_added(&message))),
                }
            });
        })
    };
    let picked = {
        let (read, problem) = (read.clone(), problem.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let (read, problem) = (read.clone(), problem.clone());
            files::read_named(
                &input,
                MAX_FILE_BYTES,
                Callback::from(move |(name, text): files::Picked| match text {
                    Some(Ok(text)) => read.emit((name, text)),
                    Some(Err(size)) => problem.set(Some(wording_centre::refused(
                        &name,
                        Refusal::TooLarge(size),
                    ))),
                    None => problem.set(Some(wording_centre::refused(
                        &name,
                        "the file could not be read",
                    ))),
                }),
            );
        })
    };
    let paste = {
        let pasted = pasted.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = pasted.cast::<web_sys::HtmlTextAreaElement>() {
                read.emit((PASTED.to_string(), area.value()));
            }
        })
    };
    html! {
        <section class="centre-file" aria-labelledby="centre-heading">
            <h2 id="centre-heading">{ "Add your centre's qualification" }</h2>
            <p class="muted">{ "A qualification file in the planner's format (as in specs/ and the README). It is checked as the command line checks it, then listed with the others, marked as your centre's, and kept in this browser." }</p>
            <label class="import">{ "Choose a qualification file " }
                <input type="file" accept=".toml,text/plain" onchange={picked} disabled={*reading} />
            </label>
            <label class="paste">{ "Or paste the file's text" }
                <textarea ref={pasted} rows="6" spellcheck="false" />
            </label>
            <button onclick={paste} disabled={*reading}>{ "Add this qualification" }</button>
            if *reading { <p role="status">{ "Reading the file…" }</p> }
            if let Some(problem) = &*problem {
                <p class="banner blocked pre-line" role="alert">{ problem }</p>
            }
        </section>
    }
}
