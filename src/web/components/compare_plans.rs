//! Two plans side by side: this one and another saved plan for the qualification, or the
//! version the adviser reviewed, with the verdict of each.

use yew::prelude::*;

use crate::web::hooks::use_catalogue;

use crate::document::PlanDoc;
use crate::web::hooks::use_planner;
use crate::wording;

/// Properties of [`ComparePlans`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The qualification's id.
    pub qualification: String,
    /// The plan being worked on.
    pub doc: PlanDoc,
}

/// A choice of plan to compare with, and the table.
#[component(ComparePlans)]
pub fn compare_plans(props: &Props) -> Html {
    let catalogue = use_catalogue();
    let planner = use_planner();
    let other = use_state(String::new);
    let mut choices: Vec<(String, String, PlanDoc)> = Vec::new();
    if let Some(review) = &props.doc.review {
        let mut reviewed = props.doc.clone();
        reviewed.units = review.units.clone();
        reviewed.progress = review.progress.clone();
        choices.push((
            "reviewed".into(),
            "The version the adviser reviewed".into(),
            reviewed,
        ));
    }
    for p in planner
        .plans
        .of(&props.qualification)
        .filter(|p| p.doc != props.doc)
    {
        choices.push((
            p.id.to_string(),
            p.doc.display_name().to_string(),
            p.doc.clone(),
        ));
    }
    let chosen = choices.iter().find(|c| c.0 == *other);
    // Each plan's verdict, evaluated only when the plans compared change.
    let verdicts = use_memo(
        (
            catalogue.clone(),
            props.qualification.clone(),
            props.doc.clone(),
            chosen.map(|c| c.2.clone()),
        ),
        |(catalogue, id, doc, other)| {
            let qual = catalogue.by_id(id)?;
            let verdict = |d: &PlanDoc| wording::headline(qual, &d.check(qual).eval);
            Some([verdict(doc), verdict(other.as_ref()?)])
        },
    );
    let Some(qual) = catalogue.by_id(&props.qualification) else {
        return html! {};
    };
    if choices.is_empty() {
        return html! {};
    }
    let onchange = {
        let other = other.clone();
        Callback::from(move |e: Event| {
            other.set(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            )
        })
    };
    let table = chosen.zip((*verdicts).clone()).map(|((_, name, doc), verdicts)| {
        let plans = [(props.doc.display_name().to_string(), &props.doc), (name.clone(), doc)];
        let shown: Vec<usize> = (0..qual.units.len())
            .filter(|&u| !qual.is_mandatory(u))
            .filter(|&u| plans.iter().any(|(_, d)| d.units.contains(&qual.units[u].key)))
            .collect();
        let cell = |d: &PlanDoc, u: usize| {
            let key = qual.units[u].key;
            if d.units.contains(&key) { format!("✓ {}", d.progress_of(key).label()) } else { "—".into() }
        };
        html! {
            <table class="compare">
                <caption>{ "Optional units in either plan" }</caption>
                <thead><tr><th scope="col">{ "Unit" }</th>{ for plans.iter().map(|(n, _)| html! { <th scope="col">{ n.clone() }</th> }) }</tr></thead>
                <tbody>
                    { for shown.into_iter().map(|u| html! {
                        <tr><th scope="row">{ qual.units[u].label() }</th>{ for plans.iter().map(|(_, d)| html! { <td>{ cell(d, u) }</td> }) }</tr>
                    }) }
                    <tr class="verdicts"><th scope="row">{ "Verdict" }</th>{ for verdicts.iter().map(|v| html! { <td>{ v.clone() }</td> }) }</tr>
                </tbody>
            </table>
        }
    });
    html! {
        <section class="panel compare-panel" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{ "Compare" }</h2>
            <label>{ "Compare this plan with " }
                <select {onchange}>
                    <option value="" selected={other.is_empty()}>{ "choose…" }</option>
                    { for choices.iter().map(|(value, name, _)| html! { <option value={value.clone()} selected={*other == *value}>{ name.clone() }</option> }) }
                </select>
            </label>
            { for table }
        </section>
    }
}
