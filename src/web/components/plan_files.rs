//! Export every plan to one file, and import such a file (to move to another device or
//! keep a copy). Importing merges; a damaged or foreign file changes nothing.

use yew::prelude::*;

use crate::document::store;
use crate::web::hooks::{use_catalogue, use_dispatch, use_planner};
use crate::web::services::{centre_file, files, today};
use crate::web::state::{Action, Notice};

/// The export button and the import file picker.
#[component(PlanFiles)]
pub fn plan_files() -> Html {
    let catalogue = use_catalogue();
    let planner = use_planner();
    let dispatch = use_dispatch();
    let export = {
        let (planner, dispatch) = (planner.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!("unit-planner-plans-{}.json", today());
            // The centre's files go with the plans, so the plans on them open elsewhere.
            let message = match store::export_with(&planner.plans.saved(), &catalogue.files()) {
                Ok(text) if files::download(&name, &text) => Notice::done(format!(
                    "Exported {} plan(s) to {name}.",
                    planner.plans.list.len()
                )),
                _ => Notice::warning("Your plans could not be exported from this browser."),
            };
            dispatch.send(Action::Notice(Some(message)));
        })
    };
    let import = Callback::from(move |e: Event| {
        let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
        let dispatch = dispatch.clone();
        files::read_picked(
            &input,
            Callback::from(move |read: Result<String, String>| match read {
                // The centre's files it carries are read by the tools worker first.
                Ok(text) => {
                    let dispatch = dispatch.clone();
                    let carried = store::centre_files(&text).unwrap_or_default();
                    wasm_bindgen_futures::spawn_local(async move {
                        let files = centre_file::reread(carried).await;
                        dispatch.send(Action::import(text, files));
                    });
                }
                Err(message) => dispatch.send(Action::Notice(Some(Notice::warning(message)))),
            }),
        );
    });
    html! {
        <section class="files" aria-labelledby="files-heading">
            <h2 id="files-heading">{ "Move or keep a copy" }</h2>
            <p class="muted">{ "Your plans live in this browser. Export them to a file to keep a copy or to open them on another device; importing a file adds its plans to yours and never deletes any." }</p>
            <button onclick={export} disabled={planner.plans.list.is_empty()}>{ "Export my plans" }</button>
            <label class="import">{ " Import plans from a file " }
                <input type="file" accept=".json,application/json" onchange={import} />
            </label>
        </section>
    }
}
