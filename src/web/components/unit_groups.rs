//! The units of a qualification, group by group, narrowed by the filter.

use std::rc::Rc;

use yew::prelude::*;

use crate::web::hooks::use_catalogue;

use super::unit_filters::UnitFilter;
use super::UnitRow;
use crate::catalogue::{group_name, UnitIdx};
use crate::document::Checked;
use crate::document::PlanDoc;

/// Properties of [`UnitGroups`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The qualification's id.
    pub qualification: String,
    /// The plan being worked on.
    pub doc: PlanDoc,
    /// The plan evaluated once by the page.
    pub checked: Rc<Checked>,
    /// Which units to show.
    pub filter: UnitFilter,
}

/// A group's name, saying whether it is mandatory unless the name already does.
fn legend(name: &str, mandatory: bool) -> String {
    let kind = if mandatory { "mandatory" } else { "optional" };
    if name.to_lowercase().contains(kind) {
        name.to_string()
    } else {
        format!("{name} ({kind})")
    }
}

/// One fieldset per group, each unit a [`UnitRow`] given only the values it shows.
#[component(UnitGroups)]
pub fn unit_groups(props: &Props) -> Html {
    let catalogue = use_catalogue();
    let Some(qual) = catalogue.by_id(&props.qualification) else {
        return html! {};
    };
    let doc = &props.doc;
    let eval = &props.checked.eval;
    html! {
        { for qual.groups.iter().enumerate().map(|(g, group)| {
            let shown: Vec<UnitIdx> = qual.units_in(g).filter(|&u| props.filter.shows(qual, u)).collect();
            html! {
                <fieldset>
                    <legend>{ legend(&group_name(qual, g), group.mandatory) }</legend>
                    if shown.is_empty() { <p class="muted">{ "No units match the filter." }</p> }
                    <ul>
                        { for shown.into_iter().map(|u| {
                            let key = qual.units[u].key;
                            html! {
                                <UnitRow key={key}
                                    qualification={qual.id.clone()}
                                    unit={u}
                                    availability={eval.units[u]}
                                    progress={doc.progress_of(key)}
                                    entered={doc.entered.get(&key).cloned().unwrap_or_default()}
                                    not_offered={doc.not_offered.contains(&key)}
                                    transfer={doc.transfers.get(&key).cloned()} />
                            }
                        }) }
                    </ul>
                </fieldset>
            }
        }) }
    }
}
