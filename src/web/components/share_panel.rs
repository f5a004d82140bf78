//! "Copy link": a URL that opens the same plan in any browser, with the plan's name only
//! when the learner chooses to include it.

use yew::prelude::*;

use crate::web::hooks::use_catalogue;

use crate::document::link::{self, share_path};
use crate::document::PlanDoc;
use crate::web::services::{copy, origin};
use crate::wording;

/// Properties of [`SharePanel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The qualification's id.
    pub qualification: String,
    /// The plan being worked on.
    pub doc: PlanDoc,
}

/// The share panel.
#[component(SharePanel)]
pub fn share_panel(props: &Props) -> Html {
    let catalogue = use_catalogue();
    let include_name = use_state(|| false);
    let copied = use_state(|| None::<bool>);
    let Some(qual) = catalogue.by_id(&props.qualification) else {
        return html! {};
    };
    let url = link::checked(format!(
        "{}{}",
        origin(),
        share_path(qual, &props.doc, *include_name)
    ));
    let toggle = {
        let include_name = include_name.clone();
        let copied = copied.clone();
        Callback::from(move |_: Event| {
            include_name.set(!*include_name);
            copied.set(None);
        })
    };
    let url = match url {
        Ok(url) => url,
        Err(e) => {
            return html! {
                <section class="panel share" aria-labelledby="share-heading">
                    <h2 id="share-heading">{ "Share this plan" }</h2>
                    <p role="alert">{ format!("⚠ {}", wording::link_unwritable(&e)) }</p>
                </section>
            }
        }
    };
    let onclick = {
        let url = url.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            copy(url.clone(), Callback::from(move |ok| copied.set(Some(ok))));
        })
    };
    html! {
        <section class="panel share" aria-labelledby="share-heading">
            <h2 id="share-heading">{ "Share this plan" }</h2>
            <p class="muted">{ "The link holds the units, progress, values you entered and any adviser's review. It travels after the # in the address, so no server sees it." }</p>
            <label><input type="checkbox" checked={*include_name} onchange={toggle} />{ " Include the plan's name and note in the link" }</label>
            <label class="link-field">{ "Link " }<input type="text" readonly=true value={url.clone()} /></label>
            <button {onclick}>{ "Copy link" }</button>
            <span role="status">{ match *copied {
                Some(true) => "Link copied.",
                Some(false) => "Could not copy: select the link above and copy it yourself.",
                None => "",
            } }</span>
            <p class="print-only">{ url }</p>
        </section>
    }
}
