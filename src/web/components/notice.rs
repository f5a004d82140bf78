//! Messages about storage, files and links, shown until dismissed.

use yew::prelude::*;

use crate::web::hooks::{use_dispatch, use_planner};
use crate::web::state::{Action, Tone};

/// Shows the planner's notice, if any.
#[component(Notice)]
pub fn notice() -> Html {
    let planner = use_planner();
    let dismiss = use_dispatch().to(|_: MouseEvent| Action::Notice(None));
    html! {
        <>
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
