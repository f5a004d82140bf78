//! A qualification's planning page, for a saved plan or one opened from a share link.

use std::rc::Rc;

use yew::prelude::*;

use crate::catalogue::{builtin, group_name, Qualification, UnitIdx};
use crate::engine::evaluate;
use crate::link;
use crate::web::components::{
    status_banner, CompletePlan, Notice, PlanBar, RulesSummary, SharePanel, SourceNotes, UnitRow,
};
use crate::web::route::Route;
use crate::web::services::today;
use crate::web::state::{Action, Draft};
use crate::web::{use_planner, Checked};
use crate::wording;

/// Properties of [`QualificationPage`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The qualification's id.
    pub id: String,
    /// A packed plan from a share link.
    pub payload: Option<String>,
}

/// The planning page.
#[component(QualificationPage)]
pub fn qualification_page(props: &Props) -> Html {
    let planner = use_planner();
    let link_error = use_state(|| None::<String>);
    let level_filter = use_state(String::new);
    let text_filter = use_state(String::new);
    {
        let planner = planner.clone();
        let link_error = link_error.clone();
        use_effect_with(
            (props.id.clone(), props.payload.clone(), planner.loaded),
            move |(id, payload, loaded)| {
                if *loaded {
                    match payload {
                        None => {
                            link_error.set(None);
                            planner.dispatch(Action::Open(id.clone()));
                        }
                        Some(payload) => match link::open(builtin::catalogue(), id, payload) {
                            Ok(opened) => {
                                let qual = &builtin::catalogue()[opened.qualification];
                                let (_, problems) = opened.doc.to_plan(qual);
                                link_error.set(None);
                                planner.dispatch(Action::OpenShared(Draft {
                                    doc: opened.doc,
                                    from_link: true,
                                    problems: problems.iter().map(|p| p.describe(qual)).collect(),
                                    catalogue_changed: opened.catalogue_changed,
                                }));
                            }
                            Err(e) => link_error
                                .set(Some(format!("This share link cannot be opened: {e}."))),
                        },
                    }
                }
            },
        );
    }
    let doc = planner
        .current()
        .filter(|d| d.qualification == props.id)
        .cloned();
    let checked = use_memo((props.id.clone(), doc.clone()), |(id, doc)| {
        let qual = builtin::by_id(id)?;
        let (plan, _) = doc.as_ref()?.to_plan(qual);
        let eval = evaluate(qual, &plan);
        Some(Rc::new(Checked { plan, eval }))
    });
    let home = html! { <p><a href={Route::Home.href()}>{ "← All qualifications" }</a></p> };
    let Some(qual) = builtin::by_id(&props.id) else {
        let message = match &*link_error {
            Some(e) => e.clone(),
            None => "There is no qualification with this id in the catalogue.".to_string(),
        };
        return html! { <main class="page">{ home }<h1>{ "Qualification not found" }</h1><p role="alert" class="banner blocked">{ message }</p></main> };
    };
    if let Some(error) = &*link_error {
        return html! {
            <main class="page">{ home }<h1>{ qual.title_text() }</h1>
                <p role="alert" class="banner blocked">{ error }</p>
                <p>{ "Nothing you have saved has been changed. " }<a href={Route::Qualification { id: qual.id.clone() }.href()}>{ "Open this qualification" }</a></p>
            </main>
        };
    }
    let (Some(doc), Some(checked)) = (doc, (*checked).clone()) else {
        return html! { <main class="page">{ home }<p>{ "Loading…" }</p></main> };
    };
    let eval = &checked.eval;
    let status = status_banner(qual, eval);
    let closed = qual.is_closed(today()).then(|| {
        let date = qual.closes_on().map(|d| d.uk()).unwrap_or_default();
        html! { <p class="banner unconfirmed">{ format!("⚠ Closed: this qualification's last certification or end date ({date}) has passed.") }</p> }
    });
    let levels: Vec<String> = {
        let mut l: Vec<_> = qual
            .units
            .iter()
            .filter_map(|u| u.level.value().copied())
            .collect();
        l.sort();
        l.dedup();
        l.iter().map(ToString::to_string).collect()
    };
    let on_level = {
        let f = level_filter.clone();
        Callback::from(move |e: Event| {
            f.set(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            )
        })
    };
    let on_text = {
        let f = text_filter.clone();
        Callback::from(move |e: InputEvent| {
            f.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    html! {
        <main class="page">
            { home }
            <h1>{ qual.title_text() }</h1>
            <p class="qual-meta">{ format!("{} · {} · {}", qual.awarding_body.value().cloned().unwrap_or_default(), qual.level.value().map(|&l| wording::level(l)).unwrap_or_default(), qual.number.value().cloned().unwrap_or_default()) }</p>
            { for closed }
            <Notice />
            <PlanBar qualification={qual.id.clone()} />
            <div class="layout">
                <section class="units" aria-labelledby="units-heading">
                    <h2 id="units-heading">{ "Units" }</h2>
                    <div class="filters" role="search">
                        <label>{ "Level " }
                            <select onchange={on_level}>
                                <option value="" selected={level_filter.is_empty()}>{ "All levels" }</option>
                                { for levels.iter().map(|l| html! { <option value={l.clone()} selected={*level_filter == *l}>{ wording::level_text(l) }</option> }) }
                            </select>
                        </label>
                        <label>{ "Find a unit " }<input type="search" value={(*text_filter).clone()} oninput={on_text} /></label>
                    </div>
                    { for qual.groups.iter().enumerate().map(|(g, group)| {
                        let shown: Vec<UnitIdx> = qual.units_in(g).filter(|&u| unit_shown(qual, u, &level_filter, &text_filter)).collect();
                        html! {
                            <fieldset>
                                <legend>{ legend(&group_name(qual, g), group.mandatory) }</legend>
                                if shown.is_empty() { <p class="muted">{ "No units match the filter." }</p> }
                                <ul>
                                    { for shown.into_iter().map(|u| html! {
                                        <UnitRow
                                            qualification={qual.id.clone()}
                                            unit={u}
                                            availability={eval.units[u]}
                                            progress={doc.progress_of(qual.units[u].key)}
                                            entered={doc.entered.get(&qual.units[u].key).cloned().unwrap_or_default()}
                                            not_offered={doc.not_offered.contains(&qual.units[u].key)} />
                                    }) }
                                </ul>
                            </fieldset>
                        }
                    }) }
                </section>
                <div class="side">
                    <RulesSummary qualification={qual.id.clone()} doc={doc.clone()} checked={checked.clone()} />
                    <CompletePlan qualification={qual.id.clone()} doc={doc.clone()} />
                    <SharePanel qualification={qual.id.clone()} doc={doc.clone()} />
                </div>
            </div>
            <SourceNotes qualification={qual.id.clone()} />
            <p class={classes!("status-bar", status.0)} aria-hidden="true">{ status.1 }</p>
        </main>
    }
}

fn unit_shown(qual: &Qualification, u: UnitIdx, level: &str, text: &str) -> bool {
    let unit = &qual.units[u];
    let level_ok = level.is_empty() || unit.level.value().is_some_and(|l| l.to_string() == level);
    let needle = text.trim().to_lowercase();
    let text_ok = needle.is_empty()
        || [
            unit.label(),
            unit.title_text(),
            unit.reference.value().map_or("", String::as_str),
        ]
        .iter()
        .any(|f| f.to_lowercase().contains(&needle));
    level_ok && text_ok
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
