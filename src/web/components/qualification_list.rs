//! The home page: every qualification in the catalogue.

use yew::prelude::*;

use crate::catalogue::builtin;
use crate::web::state::Action;

/// Properties of [`QualificationList`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Sends the user's choice to the planner state.
    pub dispatch: Callback<Action>,
}

/// Lists the qualifications; choosing one opens it.
#[function_component(QualificationList)]
pub fn qualification_list(props: &Props) -> Html {
    let quals = builtin::catalogue();
    html! {
        <section aria-labelledby="quals-heading">
            <h1 id="quals-heading">{ "Choose your qualification" }</h1>
            <ul class="qual-list">
                { for quals.iter().enumerate().map(|(i, q)| {
                    let open = props.dispatch.reform(move |_: MouseEvent| Action::Open(i));
                    let number = q.number.value().cloned().unwrap_or_default();
                    let body = q.awarding_body.value().cloned().unwrap_or_default();
                    let level = q.level.value().map(|l| format!("Level {l}")).unwrap_or_default();
                    html! {
                        <li>
                            <button class="qual" onclick={open}>
                                <span class="qual-title">{ q.title_text() }</span>
                                <span class="qual-meta">{ format!("{body} · {level} · {number} · {} units", q.units.len()) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
