//! The live summary: the overall status (announced to screen readers), every rule with a
//! progress bar and what is still needed, and achieved credits.

use std::rc::Rc;

use yew::prelude::*;

use crate::web::hooks::use_catalogue;

use crate::catalogue::Rule;
use crate::document::{Checked, PlanDoc, Progress};
use crate::summary_status::Status;
use crate::wording;

/// Properties of [`RulesSummary`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The qualification's id.
    pub qualification: String,
    /// The plan being worked on (for progress).
    pub doc: PlanDoc,
    /// The plan resolved and evaluated, once, by the page.
    pub checked: Rc<Checked>,
    /// Whether the plan is still being read (the rules show without their status).
    #[prop_or_default]
    pub checking: bool,
    /// While it is, the status a share link's plan will have once read, when known from the
    /// link alone (as the small first wasm shows it before the app starts).
    #[prop_or_default]
    pub early: Option<Status>,
}

/// The summary panel.
#[component(RulesSummary)]
pub fn rules_summary(props: &Props) -> Html {
    let catalogue = use_catalogue();
    crate::web::renders::note("RulesSummary", 0);
    let Some(qual) = catalogue.by_id(&props.qualification) else {
        return html! {};
    };
    let (plan, eval) = (&props.checked.plan, &props.checked.eval);
    if props.checking {
        let status = props.early.clone().unwrap_or_else(Status::checking);
        return html! {
            <aside class="summary" aria-labelledby="summary-heading">
                <h2 id="summary-heading">{ "Rules of combination" }</h2>
                <p class={classes!("banner", status.class)} role="status" aria-live="polite">{ status.text }</p>
                <ul class="rules">
                    { for eval.rules.iter().map(|r| html! { <li class="rule pending"><span class="rule-text">{ &r.text }</span></li> }) }
                </ul>
            </aside>
        };
    }
    let status = Status::of(qual, eval);
    let min_total = qual.rules.iter().find_map(|r| match r.rule {
        Rule::Credits {
            scope: crate::catalogue::Scope::All,
            level: None,
            min,
            ..
        } => min,
        _ => None,
    });
    let entered: Vec<String> = plan
        .entered()
        .iter()
        .filter(|(u, _)| plan.contains(**u))
        .flat_map(|(&u, e)| {
            let unit = &qual.units[u];
            let credits = e
                .credits
                .filter(|_| unit.credits.value().is_none())
                .map(|c| format!("{} {c} credits", unit.label()));
            let level = e
                .level
                .filter(|_| unit.level.value().is_none())
                .map(|l| format!("{} level {l}", unit.label()));
            credits.into_iter().chain(level)
        })
        .collect();
    let progress = |u: usize| props.doc.progress_of(qual.units[u].key);
    let gained_units = || plan.units().filter(|&u| progress(u).credit_gained());
    let gained: u64 = gained_units()
        .filter_map(|u| plan.credits(qual, u))
        .map(u64::from)
        .sum();
    let unstated: Vec<String> = gained_units()
        .filter(|&u| plan.credits(qual, u).is_none())
        .map(|u| qual.units[u].label().to_string())
        .collect();
    let exempt: Vec<String> = plan
        .units()
        .filter(|&u| progress(u) == Progress::Exempt)
        .map(|u| qual.units[u].label().to_string())
        .collect();
    let transferred = plan.units().any(|u| progress(u) == Progress::Transferred);
    html! {
        <aside class="summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{ "Rules of combination" }</h2>
            <p class={classes!("banner", status.class)} role="status" aria-live="polite">{ status.text }</p>
            <ul class="rules">
                { for eval.rules.iter().zip(&qual.rules).map(|(r, entry)| {
                    let (mark, word) = (wording::mark(r.status), wording::state(r.status));
                    let need = r.need.max(1);
                    html! {
                        <li class={classes!("rule", r.status.name())}>
                            <span class="mark" aria-hidden="true">{ mark }</span>
                            <span class="rule-text">{ &r.text }<span class="word">{ format!(" — {word}") }</span></span>
                            <span class="have">{ wording::count(&entry.rule, r) }</span>
                            <progress max={need.to_string()} value={r.have.min(need).to_string()} aria-label={format!("{}: {} of {}", r.text, r.have, r.need)} />
                            if let Some(still) = &r.still_needed { <span class="still">{ still }</span> }
                        </li>
                    }
                }) }
            </ul>
            if !eval.not_counted.is_empty() {
                <ul class="not-counted">
                    { for eval.not_counted.iter().map(|&(u, counted)| html! {
                        <li>{ wording::not_counted(qual, u, counted) }</li>
                    }) }
                </ul>
            }
            if !entered.is_empty() {
                <p class="entered">{ format!("Includes values entered by you: {}", entered.join(", ")) }</p>
            }
            <p class="achieved">{ wording::achieved(gained, min_total, &unstated, &exempt) }</p>
            if transferred { <p class="muted">{ wording::TRANSFER_MEANS }</p> }
            if !exempt.is_empty() { <p class="muted">{ wording::EXEMPT_MEANS }</p> }
        </aside>
    }
}
