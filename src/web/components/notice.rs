//! Messages about storage and the catalogue, shown until dismissed.

use yew::prelude::*;

use crate::catalogue::builtin;
use crate::web::hooks::{use_dispatch, use_planner};
use crate::web::state::{Action, Tone};

/// Shows the planner's notice, if any, and catalogue load errors.
#[component(Notice)]
pub fn notice() -> Html {
    let planner = use_planner();
    let dismiss = use_dispatch().to(|_: MouseEvent| Action::Notice(None));
    let errors = builtin::load_errors();
    html! {
        <>
            if !errors.is_empty() {
                <p class="banner blocked" role="alert">
                    { format!("{} qualification file(s) could not be loaded and are left out.", errors.len()) }
                </p>
            }
            if let Some(notice) = &planner.notices.notice {
                if notice.tone == Tone::Done {
                    <div class="banner complete notice" role="status">
                        <span>{ format!("✓ {}", notice.text) }</span>
                        <button class="small" onclick={dismiss.clone()}>{ "Dismiss" }</button>
                    </div>
                } else {
                <div class="banner unconfirmed notice" role="alert">
                    <span>{ format!("⚠ {}", notice.text) }</span>
                    <button class="small" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
                }
            }
        </>
    }
}
