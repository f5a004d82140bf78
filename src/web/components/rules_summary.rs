//! The live summary: the overall status and every rule with what is still needed.

use yew::prelude::*;

use crate::engine::{Evaluation, RuleStatus, Status};

/// Properties of [`RulesSummary`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The plan's evaluation.
    pub eval: Evaluation,
}

/// Shows the status banner (announced to screen readers) and each rule with a progress bar.
#[function_component(RulesSummary)]
pub fn rules_summary(props: &Props) -> Html {
    let eval = &props.eval;
    let (class, banner) = match eval.status {
        Status::Complete => ("complete", "✓ Complete: every rule is met"),
        Status::Incomplete => ("incomplete", "✗ Incomplete: some rules are not met yet"),
        Status::Unconfirmed => ("unconfirmed", "? Can't be confirmed: some rules depend on values the specification does not state"),
        Status::Blocked => ("blocked", "⛔ Blocked: remove a unit before this plan can be completed"),
    };
    html! {
        <aside class="summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{ "Rules of combination" }</h2>
            <p class={classes!("banner", class)} role="status" aria-live="polite">{ banner }</p>
            <ul class="rules">
                { for eval.rules.iter().map(|r| {
                    let (mark, word) = match r.status {
                        RuleStatus::Met => ("✓", "met"),
                        RuleStatus::Unmet => ("✗", "still needed"),
                        RuleStatus::Unconfirmed => ("?", "can't be confirmed"),
                    };
                    html! {
                        <li class={classes!("rule", r.status.name())}>
                            <span class="mark" aria-hidden="true">{ mark }</span>
                            <span class="rule-text">{ &r.text }</span>
                            <span class="visually-hidden">{ format!(" ({word})") }</span>
                            <progress max={r.need.max(1).to_string()} value={r.have.min(r.need.max(1)).to_string()}
                                aria-label={format!("{} of {}", r.have, r.need)} />
                            <span class="have">{ format!("{} / {}", r.have, r.need) }</span>
                            if let Some(still) = &r.still_needed { <span class="still">{ still }</span> }
                        </li>
                    }
                }) }
            </ul>
        </aside>
    }
}
