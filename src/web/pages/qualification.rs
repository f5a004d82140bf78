//! A qualification's planning page, for a saved plan or one opened from a share link.

use std::rc::Rc;

use yew::prelude::*;

use crate::document::PlanDoc;
use crate::summary_status::Status;
use crate::web::components::{
    source_notes, unit_filters, CarryPanel, ComparePlans, CompletePlan, ElsewherePanel, Notice,
    PathwayChooser, PathwayChooserProps, PlanBar, PlanNote, ReviewPanel, RulesSummary, SharePanel,
    UnitFilter, UnitGroups,
};
use crate::web::hooks::{use_catalogue, use_dispatch, use_planner};
use crate::web::route::Route;
use crate::web::services::today;
use crate::web::state::{Action, Edit};
use crate::wording;

/// Properties of [`QualificationPage`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The qualification's id.
    pub id: String,
    /// A packed plan from a share link.
    pub payload: Option<String>,
    /// A warning about the qualification's file (a centre's link made with another one).
    #[prop_or_default]
    pub warning: Option<AttrValue>,
}

/// The planning page.
#[component(QualificationPage)]
pub fn qualification_page(props: &Props) -> Html {
    let catalogue = use_catalogue();
    let planner = use_planner();
    let dispatch = use_dispatch();
    let on_pathway = dispatch.to(|id: String| Action::Edit(Edit::Pathway(Some(id))));
    let filter = use_state(UnitFilter::default);
    // Opened once the saved plans are read and the qualification is here (or every
    // built-in is, so an unknown id is told as before).
    let here = catalogue.by_id(&props.id).is_some() || catalogue.has_every_builtin();
    use_effect_with(
        (
            props.id.clone(),
            props.payload.clone(),
            planner.loaded,
            here,
        ),
        move |(id, payload, loaded, here)| {
            if *loaded && *here {
                dispatch.send(match payload {
                    None => Action::Open(id.clone()),
                    Some(payload) => Action::OpenLink(id.clone(), payload.clone()),
                });
            }
        },
    );
    let link_error = planner
        .notices
        .link_error
        .as_ref()
        .map(wording::link_refused);
    // Until the saved plans are read and this qualification's plan is open (and on the
    // page pre-rendered at build time), the page shows a blank plan, disabled, with its
    // status as "checking"; the plan bar is there, disabled, so nothing moves once the
    // plan is open.
    let opened = planner
        .current()
        .filter(|d| planner.loaded && d.qualification == props.id)
        .cloned();
    let checking = opened.is_none();
    let doc = opened.or_else(|| catalogue.by_id(&props.id).map(PlanDoc::new));
    let checked = use_memo(
        (catalogue.clone(), props.id.clone(), doc.clone()),
        |(catalogue, id, doc)| {
            let qual = catalogue.by_id(id)?;
            Some(Rc::new(doc.as_ref()?.check(qual)))
        },
    );
    // A share link's verdict from the link alone, shown from the first render (the one that
    // hydrates the page, which the small first wasm may have filled with it already) until
    // the plan is open: opening it shows the same, so nothing flickers back to "checking".
    let early = use_memo(
        (catalogue.clone(), props.id.clone(), props.payload.clone()),
        |(catalogue, id, payload)| Status::of_link(catalogue.all(), id, payload.as_deref()?),
    );
    let home = html! { <p><a href={Route::Home.href()}>{ "← All qualifications" }</a></p> };
    let Some(qual) = catalogue.by_id(&props.id) else {
        if let (false, Some(_)) = (here, &planner.builtins_error) {
            return html! { <main class="page">{ home }<Notice /></main> };
        }
        if !planner.loaded || !here {
            // A centre's qualification is known once storage has been read, a built-in
            // the page did not carry once it has arrived.
            return html! { <main class="page">{ home }<p class="banner checking" role="status">{ wording::CHECKING }</p></main> };
        }
        let message = match &link_error {
            Some(e) => e.clone(),
            None => "There is no qualification with this id in the catalogue.".to_string(),
        };
        return html! { <main class="page">{ home }<h1>{ "Qualification not found" }</h1><p role="alert" class="banner blocked">{ message }</p></main> };
    };
    if let Some(error) = &link_error {
        return html! {
            <main class="page">{ home }<h1>{ qual.title_text() }</h1>
                <p role="alert" class="banner blocked">{ error }</p>
                <p>{ "Nothing you have saved has been changed. " }<a href={Route::Qualification { id: qual.id.clone() }.href()}>{ "Open this qualification" }</a></p>
            </main>
        };
    }
    let (Some(doc), Some(checked)) = (doc, (*checked).clone()) else {
        return html! {};
    };
    let status = match (checking, &*early) {
        (false, _) => Status::of(qual, &checked.eval),
        (true, Some(early)) => early.clone(),
        (true, None) => Status::checking(),
    };
    let closed = wording::closed(qual, today())
        .map(|closed| html! { <p class="banner unconfirmed">{ closed }</p> });
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |f: UnitFilter| filter.set(f))
    };

    html! {
        <main class="page">
            { home }
            <h1>{ qual.title_text() }</h1>
            <p class="qual-meta">{ wording::facts(qual) }</p>
            if let Some(warning) = &props.warning {
                <p class="banner unconfirmed" role="alert">{ warning }</p>
            }
            { for closed }
            <Notice />
            <fieldset class="plain" disabled={checking}>
                <PlanBar qualification={qual.id.clone()} />
            </fieldset>
            <div class="layout">
                <section class="units" aria-labelledby="units-heading">
                    <h2 id="units-heading">{ "Units" }</h2>
                    <fieldset class="plain" disabled={checking}>
                        <PathwayChooser pathways={PathwayChooserProps::pathways_of(qual)} chosen={doc.pathway.clone()} on_choose={on_pathway} />
                        { unit_filters(qual, &filter, &on_filter) }
                        <UnitGroups qualification={qual.id.clone()} doc={doc.clone()} checked={checked.clone()} filter={(*filter).clone()} />
                    </fieldset>
                </section>
                <div class="side">
                    <RulesSummary qualification={qual.id.clone()} doc={doc.clone()} checked={checked.clone()} {checking} early={(*early).clone()} />
                    if !checking {
                    <CompletePlan qualification={qual.id.clone()} doc={doc.clone()} />
                    <ElsewherePanel qualification={qual.id.clone()} entries={doc.elsewhere.clone()} checked={checked.clone()} />
                    <ReviewPanel qualification={qual.id.clone()} doc={doc.clone()} />
                    <SharePanel qualification={qual.id.clone()} doc={doc.clone()} />
                    <PlanNote note={doc.note.clone()} />
                    <ComparePlans qualification={qual.id.clone()} doc={doc.clone()} />
                    <CarryPanel qualification={qual.id.clone()} checked={checked.clone()} />
                    }
                </div>
            </div>
            { source_notes(qual) }
            <p class={classes!("status-bar", status.class)} aria-hidden="true">{ status.text }</p>
        </main>
    }
}
