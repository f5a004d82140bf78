//! The small first wasm (built by Trunk as `verdict.js` + `verdict_bg.wasm`, no Yew): on a
//! share link's page, started by the page's loader before the app's wasm is fetched, it
//! reads the qualification the page carries (`<script id="builtins">`), opens the link
//! with the app's own code and writes the plan's status into the pre-rendered summary,
//! the same the app's first render shows ([`Status::of_link`]). On anything it cannot
//! read it writes nothing, and the page says "Checking your plan…" until the app starts.

use unit_planner::catalogue::checked;
use unit_planner::document::link;
use unit_planner::summary_status::Status;
use unit_planner::wording;

fn main() {
    let _ = show();
}

/// Writes the link's status into the summary and the status bar; `None` when it cannot.
fn show() -> Option<()> {
    let document = web_sys::window()?.document()?;
    let location = document.location()?;
    let (path, fragment) = (location.pathname().ok()?, location.hash().ok()?);
    let (id, payload) = link::parts(&path, &fragment)?;
    let carried = document
        .get_element_by_id(checked::ELEMENT)?
        .text_content()?;
    let status = Status::of_link(&checked::read(&carried).ok()?, id, payload)?;
    let summary = document.query_selector(".summary [role=status]").ok()??;
    // The app has already drawn the page: its status stands.
    if summary.text_content()? != wording::CHECKING {
        return None;
    }
    summary.set_text_content(Some(&status.text));
    summary.set_class_name(&format!("banner {}", status.class));
    let bar = document.query_selector(".status-bar").ok()??;
    bar.set_text_content(Some(&status.text));
    bar.set_class_name(&format!("status-bar {}", status.class));
    Some(())
}
