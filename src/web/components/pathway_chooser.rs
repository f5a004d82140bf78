//! The pathway chooser: one radio button a pathway, in a group named "Pathway", for a
//! qualification that has pathways. It only reports the choice; the page sends it to the
//! reducer.

use yew::prelude::*;

use crate::catalogue::Qualification;
use crate::pathway_wording;

/// Properties of [`PathwayChooser`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Each pathway: its id and name as printed.
    pub pathways: Vec<(String, String)>,
    /// The id of the pathway chosen, if any.
    pub chosen: Option<String>,
    /// Called with the id of the pathway chosen.
    pub on_choose: Callback<String>,
}

impl Props {
    /// The pathways of `qual`, as the chooser lists them.
    pub fn pathways_of(qual: &Qualification) -> Vec<(String, String)> {
        qual.pathways
            .iter()
            .map(|p| (p.id.clone(), p.name_text()))
            .collect()
    }
}

/// The radio group; nothing for a qualification without pathways.
#[component(PathwayChooser)]
pub fn pathway_chooser(props: &Props) -> Html {
    if props.pathways.is_empty() {
        return html! {};
    }
    let chosen = props.chosen.as_deref();
    html! {
        <fieldset class="pathways" role="radiogroup" aria-label="Pathway">
            <legend>{ "Pathway" }</legend>
            if chosen.is_none() {
                <p class="muted">{ pathway_wording::CHOOSE_HINT }</p>
            }
            { for props.pathways.iter().map(|(id, name)| {
                let on_choose = props.on_choose.clone();
                let pick = id.clone();
                html! {
                    <label>
                        <input type="radio" name="pathway" value={id.clone()}
                            checked={chosen == Some(id.as_str())}
                            onchange={Callback::from(move |_: Event| on_choose.emit(pick.clone()))} />
                        { format!(" {name}") }
                    </label>
                }
            }) }
        </fieldset>
    }
}
