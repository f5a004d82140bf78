//! Messages about storage, files and links, shown until dismissed.

use yew::prelude::*;

use crate::web::hooks::{use_dispatch, use_planner};
use crate::web::state::{Action, Tone};

/// Shows the planner's notice, if any, and why the built-ins the page did not carry are
/// missing, while they are.
#[component(Notice)]
pub fn notice() -> Html {
    let planner = use_planner();
    let dismiss = use_dispatch().to(|_: MouseEvent| Action::Notice(None));
    let missing = planner
        .builtins_error
        .as_ref()
        .filter(|_| !planner.catalogue.has_every_builtin());
    html! {
        <>
            if let Some(why) = missing {
                <p class="banner unconfirmed" role="alert">{ crate::wording::not_loaded(why) }</p>
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
