//! Components rendered in headless Chromium (wasm-bindgen-test): what a learner sees for a
//! plan, read from the real DOM.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use std::rc::Rc;

use unit_planner::catalogue::builtin;
use unit_planner::document::PlanDoc;
use unit_planner::engine::evaluate;
use unit_planner::web::components::RulesSummary;
use unit_planner::web::components::RulesSummaryProps;
use unit_planner::web::Checked;
use wasm_bindgen_test::*;
use yew::platform::time::sleep;

wasm_bindgen_test_configure!(run_in_browser);

const VTCT: &str = "vtct-l1-cert-principles-cs";

fn doc(codes: &[&str]) -> PlanDoc {
    let qual = builtin::by_id(VTCT).unwrap();
    let mut doc = PlanDoc::new(qual);
    doc.units = codes
        .iter()
        .map(|c| qual.units[qual.find_unit(c).unwrap()].key)
        .collect();
    doc
}

async fn render(doc: PlanDoc) -> web_sys::Element {
    let qual = builtin::by_id(VTCT).unwrap();
    let (plan, _) = doc.to_plan(qual);
    let eval = evaluate(qual, &plan);
    let document = gloo_utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<RulesSummary>::with_root_and_props(
        root.clone(),
        RulesSummaryProps {
            qualification: VTCT.into(),
            doc,
            checked: Rc::new(Checked { plan, eval }),
            checking: false,
        },
    )
    .render();
    sleep(std::time::Duration::from_millis(50)).await;
    root
}

#[wasm_bindgen_test]
async fn the_summary_shows_what_is_still_needed() {
    let root = render(doc(&["CSP14"])).await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Incomplete"), "{text}");
    assert!(text.contains("6 more credits"), "{text}");
    let status = root
        .query_selector("[role=status][aria-live=polite]")
        .unwrap();
    assert!(status.is_some(), "status changes are announced");
}

#[wasm_bindgen_test]
async fn the_summary_says_complete_only_for_a_complete_plan() {
    let root = render(doc(&["CSP14", "CSP15", "CSP16", "CSP17"])).await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("Complete: every rule is met"));
    let blocked = render(doc(&["CSP04", "CSP14"])).await;
    let text = blocked.text_content().unwrap();
    assert!(
        text.contains("Blocked: CSP04 and CSP14 are barred together"),
        "{text}"
    );
}
