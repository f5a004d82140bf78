//! Credit from elsewhere: for each group that takes credits from other qualifications,
//! what it allows, the learner's entries (title and credits, each editable and removable)
//! and what of each counts. Every change goes to the reducer as an [`Edit`].

use std::rc::Rc;

use yew::prelude::*;

use crate::document::{Checked, ElsewhereEntry};
use crate::pathway_wording;
use crate::web::hooks::{use_catalogue, use_dispatch};
use crate::web::state::{Action, Edit};

/// Properties of [`ElsewherePanel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The qualification's id.
    pub qualification: String,
    /// The plan's entries, as saved.
    pub entries: Vec<ElsewhereEntry>,
    /// The plan evaluated once by the page.
    pub checked: Rc<Checked>,
}

/// Nothing for a qualification none of whose groups takes credit from elsewhere.
#[component(ElsewherePanel)]
pub fn elsewhere_panel(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let catalogue = use_catalogue();
    let Some(qual) = catalogue.by_id(&props.qualification) else {
        return html! {};
    };
    let groups: Vec<usize> = (0..qual.groups.len())
        .filter(|&g| qual.groups[g].elsewhere.is_some())
        .collect();
    if groups.is_empty() {
        return html! {};
    }
    let plan = &props.checked.plan;
    let eval = &props.checked.eval;
    html! {
        <section class="panel" aria-labelledby="elsewhere-heading">
            <h2 id="elsewhere-heading">{ "Credit from elsewhere" }</h2>
            { for groups.iter().map(|&g| {
                let id = qual.groups[g].id.clone();
                let add = dispatch.to(move |_: MouseEvent| Action::Edit(Edit::AddElsewhere(id.clone())));
                html! {
                    <p>{ pathway_wording::elsewhere_allowed(qual, g).unwrap_or_default() }{ " " }
                        <button class="secondary" onclick={add}>{ format!("Add credit from elsewhere to {}", qual.groups[g].id) }</button>
                    </p>
                }
            }) }
            <ul>
                { for props.entries.iter().enumerate().map(|(i, entry)| {
                    let n = i + 1;
                    let title = {
                        let entry = entry.clone();
                        dispatch.to(move |e: Event| {
                            let title = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                            Action::Edit(Edit::SetElsewhere(i, ElsewhereEntry { title, ..entry.clone() }))
                        })
                    };
                    let credits = {
                        let entry = entry.clone();
                        dispatch.to(move |e: Event| {
                            let text = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                            Action::Edit(Edit::SetElsewhere(i, ElsewhereEntry { credits: text.trim().parse().ok(), ..entry.clone() }))
                        })
                    };
                    let remove = dispatch.to(move |_: MouseEvent| Action::Edit(Edit::RemoveElsewhere(i)));
                    // Every entry made here is in a group that takes it, so positions match.
                    let counted = plan.elsewhere().get(i)
                        .map(|e| pathway_wording::elsewhere_entry(qual, e, eval.elsewhere.get(i).copied().flatten()));
                    html! {
                        <li>
                            <label>{ format!("Title of credit from elsewhere {n} ") }
                                <input type="text" value={entry.title.clone()} onchange={title} />
                            </label>
                            <label>{ format!(" Credits of credit from elsewhere {n} ") }
                                <input type="number" min="0" value={entry.credits.map(|c| c.to_string()).unwrap_or_default()} onchange={credits} />
                            </label>
                            { " " }<button class="secondary" onclick={remove}>{ format!("Remove credit from elsewhere {n}") }</button>
                            if let Some(words) = counted { <p class="muted">{ words }</p> }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
