//! Components rendered in headless Chromium (wasm-bindgen-test): what a learner sees for a
//! plan, read from the real DOM.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use std::rc::Rc;

use unit_planner::catalogue::builtin;
use unit_planner::document::PlanDoc;
use unit_planner::web::components::RulesSummary;
use unit_planner::web::components::RulesSummaryProps;
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

/// A fresh element in the page to render into.
fn new_root() -> web_sys::Element {
    let document = gloo_utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

async fn render(doc: PlanDoc) -> web_sys::Element {
    let qual = builtin::by_id(VTCT).unwrap();
    let checked = Rc::new(doc.check(qual));
    let root = new_root();
    yew::Renderer::<RulesSummary>::with_root_and_props(
        root.clone(),
        RulesSummaryProps {
            qualification: VTCT.into(),
            doc,
            checked,
            checking: false,
            early: None,
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

/// The largest qualification (59 units).
const CG: &str = "cg-l3-nvq-dip-cs";

/// Waits until the app has read the saved plans: no control is disabled any more.
async fn started(root: &web_sys::Element) {
    for _ in 0..100 {
        if root.query_selector("fieldset:disabled").unwrap().is_none()
            && root
                .query_selector("input[type=checkbox]")
                .unwrap()
                .is_some()
        {
            return;
        }
        sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("the app did not start");
}

#[wasm_bindgen_test]
async fn one_click_renders_the_clicked_row_and_the_summary_not_the_other_rows() {
    use gloo_storage::Storage;
    use unit_planner::web::{renders, App, AppProps, Pages, Route};
    use wasm_bindgen::JsCast;
    gloo_storage::LocalStorage::clear();
    let qual = builtin::by_id(CG).unwrap();
    let clicked = qual.units[qual.find_unit("4430-202").unwrap()].key;
    let root = new_root();
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            route: Route::Qualification { id: CG.into() },
            pages: Pages::PLANNING,
        },
    )
    .render();
    started(&root).await;
    let first = renders::take();
    let rows = |r: &renders::Renders| r.keys().filter(|(c, _)| *c == "UnitRow").count();
    assert_eq!(
        rows(&first),
        qual.units.len(),
        "every row rendered once at first"
    );
    let checkbox: web_sys::HtmlInputElement = gloo_utils::document()
        .get_element_by_id(&format!("unit-{clicked}"))
        .unwrap()
        .unchecked_into();
    checkbox.click();
    sleep(std::time::Duration::from_millis(100)).await;
    let after = renders::take();
    let rendered: Vec<u32> = after
        .keys()
        .filter(|(c, _)| *c == "UnitRow")
        .map(|&(_, key)| key)
        .collect();
    assert_eq!(
        rendered,
        [clicked],
        "only the clicked row renders again ({} rows did)",
        rendered.len()
    );
    assert_eq!(
        after.get(&("RulesSummary", 0)),
        Some(&1),
        "the summary renders once"
    );
    assert!(checkbox.checked());
}

/// The pathway chooser, given the pathways of `specs/examples/pathways-example.toml` (the
/// built-in catalogue has no qualification with pathways): a radio group named "Pathway",
/// one radio a pathway by its printed name, and a click reports the pathway's id.
#[wasm_bindgen_test]
async fn the_pathway_chooser_is_a_named_radio_group_that_reports_the_choice() {
    use std::cell::RefCell;
    use unit_planner::web::components::{PathwayChooser, PathwayChooserProps};
    use wasm_bindgen::JsCast;
    let chosen = Rc::new(RefCell::new(Vec::<String>::new()));
    let seen = chosen.clone();
    let root = new_root();
    yew::Renderer::<PathwayChooser>::with_root_and_props(
        root.clone(),
        PathwayChooserProps {
            pathways: vec![
                ("R".into(), "Pathway R: Retail".into()),
                ("H".into(), "Pathway H: Hospitality".into()),
            ],
            chosen: None,
            on_choose: yew::Callback::from(move |id: String| seen.borrow_mut().push(id)),
        },
    )
    .render();
    sleep(std::time::Duration::from_millis(50)).await;
    let group = root
        .query_selector("[role=radiogroup][aria-label=Pathway]")
        .unwrap()
        .expect("a radio group named Pathway");
    let labels: Vec<String> = (0..group.query_selector_all("label").unwrap().length())
        .map(|i| {
            let label = group.query_selector_all("label").unwrap().item(i).unwrap();
            label.text_content().unwrap().trim().to_string()
        })
        .collect();
    assert_eq!(labels, ["Pathway R: Retail", "Pathway H: Hospitality"]);
    assert!(group.text_content().unwrap().contains("Choose a pathway"));
    let radios = group.query_selector_all("input[type=radio]").unwrap();
    let hospitality: web_sys::HtmlInputElement = radios.item(1).unwrap().unchecked_into();
    hospitality.click();
    sleep(std::time::Duration::from_millis(50)).await;
    assert_eq!(*chosen.borrow(), ["H"]);
}
